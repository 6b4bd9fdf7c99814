"""`export --with-schedule` in the learner's days, east and west of UTC; `--update-anki`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_export_anki import anki_collection, import_package, make_card, open_fresh

from quizgarden.days import Days
from quizgarden.errors import ExportError
from quizgarden.export import export_apkg
from quizgarden.export.update import update_collection
from quizgarden.model import CardState

ROOT = Path(__file__).resolve().parents[1]

# export, then import into a fresh Anki collection, in one process whose zone is TZ: Anki's
# backend reads the zone once per process. Prints Anki's due day minus its today.
_IN_ZONE = textwrap.dedent(
    """
    import json, sys
    from datetime import datetime, timedelta, timezone
    from pathlib import Path
    sys.path[:0] = [sys.argv[1], sys.argv[1] + "/tests"]
    from test_export_anki import anki_collection, import_package, make_card, open_fresh
    from quizgarden.days import Days
    from quizgarden.export import export_apkg
    from quizgarden.model import CardState
    folder, zone = Path(sys.argv[2]), sys.argv[3]
    days, now = Days(4, zone), datetime.now(timezone.utc)
    found = {}
    for ahead in (1, 3, 10):
        state = CardState("b1", "review", None, 20.0, 5.0, days.due_at(now, ahead),
                          now - timedelta(days=5), 4)
        out = folder / f"{ahead}.apkg"
        vault = folder / "vault"
        vault.mkdir(exist_ok=True)
        export_apkg([(make_card("b1"), state)], out, vault=vault, with_schedule=True, days=days,
                    timestamp=now.timestamp())
        col = open_fresh(folder, f"anki{ahead}")
        import_package(col, out, scheduling=True)
        card = col.get_card(col.find_cards("")[0])
        found[ahead] = card.due - col.sched.today
        col.close()
    print(json.dumps(found))
    """
)


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York", "Europe/Berlin"])
def test_review_cards_are_due_on_their_learner_day_after_import(tmp_path: Path, zone: str):
    done = subprocess.run(
        [sys.executable, "-c", _IN_ZONE, str(ROOT), str(tmp_path), zone],
        capture_output=True, text=True, env={**os.environ, "TZ": zone}, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"1": 1, "3": 3, "10": 10}


def test_update_anki_rewrites_cards_anki_already_has(tmp_path: Path):
    vault = tmp_path / "vault"
    vault.mkdir()
    days, now = Days(4, "UTC"), datetime.now(UTC)
    before = CardState("b1", "review", None, 5.0, 6.0, days.due_at(now, 2), now, 3)
    fresh = CardState("b2")
    items = [(make_card("b1"), before), (make_card("b2", front="Other?"), fresh)]
    out = tmp_path / "first.apkg"
    export_apkg(items, out, vault=vault, with_schedule=True, days=days)
    col = open_fresh(tmp_path)
    import_package(col, out, scheduling=True)
    path = Path(col.path)
    col.close()
    # more reviews in quizgarden; a second import would leave the card as it was, so update
    later = CardState("b1", "review", None, 42.0, 4.5, days.due_at(now, 30), now, 5, 1)
    items = [(make_card("b1"), later), (make_card("b2", front="Other?"), fresh),
             (make_card("b3", front="Not in Anki?"), later)]  # fmt: skip
    result = update_collection(path, items, days=days, now=now)
    assert (result.updated, result.missing, result.skipped) == (1, 1, 1)
    col = anki_collection.Collection(str(path))
    try:
        cards = {col.get_note(col.get_card(c).nid)["Front"]: col.get_card(c) for c in
                 col.find_cards("")}  # fmt: skip
        card = next(c for front, c in cards.items() if "Other" not in front)
        assert card.due - col.sched.today == 30 and card.ivl == 30
        assert (card.reps, card.lapses) == (5, 1)
        assert card.memory_state.stability == pytest.approx(42.0)
        other = next(c for front, c in cards.items() if "Other" in front)
        assert other.type == 0  # still new here: left as Anki has it
    finally:
        col.close()


def test_update_anki_refuses_a_missing_file(tmp_path: Path):
    with pytest.raises(ExportError, match="no Anki collection"):
        update_collection(tmp_path / "nope.anki2", [], days=Days(), now=datetime.now(UTC))
