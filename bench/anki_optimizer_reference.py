"""Make tests/fixtures/anki_optimizer.json: one generated review log and Anki's fitted parameters.

A simulated learner (seeded: recall drawn from FSRS's own predicted probability, reviews at a
random hour of each due day, learning steps in minutes) studies 400 cards for 150 days through
quizgarden's scheduler. The log is written into a temporary Anki collection's review log and
Anki 26.09's own optimizer (`compute_fsrs_params`, the "Optimize" button) fits it. The fixture
holds the log (card, time, rating) and Anki's 21 parameters; tests/test_optimize_anki.py fits
the same log with `quiz optimize`'s code and compares. Everything runs in UTC.

    python bench/anki_optimizer_reference.py      # writes the fixture, prints both fits
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "tests" / "fixtures" / "anki_optimizer.json"
START = datetime(2024, 1, 1, 4, 0, tzinfo=UTC)
DAYS_STUDIED = 150
CARDS = 400
KIND = {"new": 0, "learning": 0, "review": 1, "relearning": 2}


def simulate(seed: int = 2024) -> list[tuple[int, datetime, int]]:
    """(card index, when, rating) for every rating the learner gives, in time order."""
    from quizgarden.days import Days
    from quizgarden.model import CardState
    from quizgarden.schedule import make_scheduler, retrievability, review
    from quizgarden.settings import Settings

    rng = random.Random(seed)
    days = Days(4, "UTC")
    scheduler = make_scheduler(Settings())
    truth = make_scheduler(Settings(fuzz=False))
    end = START + timedelta(days=DAYS_STUDIED)
    log = []
    for index in range(CARDS):
        state = CardState(f"{index + 1:016x}")
        when = START + timedelta(days=index * DAYS_STUDIED // CARDS, hours=rng.uniform(4, 18))
        while when < end:
            if state.reps == 0:
                recall = 0.55
            else:
                recall = retrievability(state, when, scheduler=truth, days=days)
            rating = rng.choices([2, 3, 4], weights=[1, 8, 1])[0] if rng.random() < recall else 1
            state, _ = review(state, rating, when, scheduler=scheduler, days=days)
            log.append((index, when, rating))
            assert state.due is not None
            if state.state == "review":  # some hour of the due day, or a few days late
                when = state.due + timedelta(days=rng.choice([0, 0, 0, 0, 1, 3]))
                when += timedelta(hours=rng.uniform(3, 19))
            else:
                when = max(state.due, when) + timedelta(minutes=rng.uniform(0, 5))
    log.sort(key=lambda row: (row[1], row[0]))
    return log


def kinds(log: list[tuple[int, datetime, int]]) -> list[int]:
    """Anki's review kind of each rating (learn, review, relearn), from our own replay."""
    from quizgarden.days import Days
    from quizgarden.model import CardState
    from quizgarden.schedule import make_scheduler, review
    from quizgarden.settings import Settings

    scheduler = make_scheduler(Settings())
    states: dict[int, CardState] = {}
    found = []
    for index, when, rating in log:
        before = states.get(index, CardState(f"{index + 1:016x}"))
        found.append(KIND[before.state])
        states[index], _ = review(before, rating, when, scheduler=scheduler, days=Days(4, "UTC"))
    return found


def anki_fit(rows: list[list]) -> list[float]:
    """Anki's optimizer on the log (run in this process; TZ must be UTC)."""
    from anki.collection import Collection

    folder = tempfile.mkdtemp()
    col = Collection(os.path.join(folder, "c.anki2"))
    try:
        col.set_config("fsrs", True)
        notetype = col.models.by_name("Basic")
        cids = {}
        for index in sorted({row[0] for row in rows}):
            note = col.new_note(notetype)
            note["Front"] = f"card {index}"
            col.add_note(note, 1)
            cids[index] = note.card_ids()[0]
        for serial, (index, when, rating, kind) in enumerate(rows):
            stamp = int(datetime.fromisoformat(when).timestamp() * 1000) + serial % 1000
            col.db.execute(
                "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                "values (?, ?, -1, ?, 0, 0, 0, 4000, ?)",
                stamp,
                cids[index],
                rating,
                kind,
            )
        answer = col._backend.compute_fsrs_params(
            search="",
            current_params=[],
            ignore_revlogs_before_ms=0,
            num_of_relearning_steps=1,
            health_check=False,
        )
        return [float(p) for p in answer.params]
    finally:
        col.close()


def main() -> None:
    import anki.buildinfo

    log = simulate()
    rows = [
        [index, when.isoformat(), rating, kind]
        for (index, when, rating), kind in zip(log, kinds(log), strict=True)
    ]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, __file__, "--anki-child"],
        input=json.dumps(rows),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TZ": "UTC"},
    )
    params = json.loads(done.stdout)
    seconds = time.perf_counter() - started
    now = max(datetime.fromisoformat(r[1]) for r in rows) + timedelta(days=1)
    data = {
        "about": __doc__.strip().splitlines()[0],
        "anki_version": anki.buildinfo.version,
        "now": now.isoformat(),
        "zone": "UTC",
        "anki_parameters": params,
        "log": rows,
    }
    OUT.write_text(json.dumps(data) + "\n", "utf-8")
    print(f"{len(rows)} ratings of {CARDS} cards; Anki's fit in {seconds:.1f} s")
    print("Anki:      ", " ".join(f"{p:.4f}" for p in params))
    ours = quizgarden_fit(rows, now)
    print("quizgarden:", " ".join(f"{p:.4f}" for p in ours))
    worst = max(abs(a - b) / max(abs(a), 1e-9) for a, b in zip(params, ours, strict=True))
    print(f"largest relative difference: {worst:.4%}")


def quizgarden_fit(rows: list[list], now: datetime) -> list[float]:
    """`quiz optimize`'s items and fit on the same log."""
    from quizgarden.days import Days
    from quizgarden.optimize import fit_items, fsrs_items

    histories: dict[str, list] = {}
    names = {0: "new", 1: "review", 2: "relearning"}
    for index, when, rating, kind in rows:
        histories.setdefault(f"{index + 1:016x}", []).append(
            (datetime.fromisoformat(when), rating, names[kind])
        )
    numbers = {f"{index + 1:016x}": index + 1 for index in range(CARDS)}  # the order added
    items, card_ids = fsrs_items(histories, now, Days(4, "UTC"), numbers)
    return fit_items(items, card_ids)


if __name__ == "__main__":
    if sys.argv[1:] == ["--anki-child"]:
        sys.stdout.write(json.dumps(anki_fit(json.loads(sys.stdin.read()))))
    else:
        main()
