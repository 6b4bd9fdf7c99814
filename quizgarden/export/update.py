"""Carry quizgarden's schedule into cards an Anki collection already has (`--update-anki`).

Anki's package import adds new cards with their progress but never touches cards it already
has, so a learner who reviews in quizgarden and later in Anki would meet stale due dates.
When asked, this writes each card's schedule (type, queue, due day, interval, FSRS memory,
reps, lapses) straight into the matching cards of a closed Anki collection file: notes are
matched by the GUID the export gives them, cards by template. Cards still new in quizgarden
are left as Anki has them; every changed card is marked for the next AnkiWeb sync (usn -1).

Anki keeps its collection locked while it runs; a locked file is refused with a message.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from ..days import Days
from ..errors import ExportError
from ..model import Card, CardState
from .anki import _Calendar, card_schedule, note_guid, plan_notes


@dataclass(frozen=True)
class UpdateResult:
    """What `update_collection` changed in the Anki collection."""

    updated: int  # cards whose schedule was written
    missing: int  # cards Anki does not have (import the package for those)
    skipped: int  # cards still new in quizgarden, left as Anki has them


def update_collection(
    path: Path,
    items: Iterable[tuple[Card, CardState | None]],
    *,
    days: Days,
    now: datetime,
) -> UpdateResult:
    """Write the schedule of `items` into the cards the Anki collection at `path` has."""
    if not path.is_file():
        raise ExportError(f"no Anki collection at {path}")
    try:
        conn = sqlite3.connect(path, timeout=0.5, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise ExportError(
            f"cannot open {path} ({error}): close Anki first, then try again"
        ) from None
    try:
        calendar = _Calendar(
            days, days.date_of(now), anki_today(conn, days, now), int(now.timestamp())
        )
        planned, _left_out = plan_notes(items, include_suspended=True)
        updated = missing = skipped = 0
        stamp = int(now.timestamp())
        for note in planned:
            row = conn.execute(
                "SELECT id FROM notes WHERE guid = ?", [note_guid(note.anchor.id)]
            ).fetchone()
            for ord_, _card, state in note.cards:
                if state is None or state.state == "new":
                    skipped += 1
                    continue
                values = card_schedule(state, position=0, calendar=calendar)
                changed = 0
                if row is not None:
                    changed = conn.execute(
                        "UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, factor = ?, "
                        "reps = ?, lapses = ?, left = ?, data = ?, mod = ?, usn = -1 "
                        "WHERE nid = ? AND ord = ?",
                        [*values[:8], values[11], stamp, row[0], ord_],
                    ).rowcount
                updated += changed
                missing += 0 if changed else 1
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return UpdateResult(updated, missing, skipped)


def anki_today(conn: sqlite3.Connection, days: Days, now: datetime) -> int:
    """Anki's day number for `now` in this collection (rslib scheduler/timing.rs).

    Days since the collection was created, rolling over at its `rollover` hour, with the
    creation date taken in the offset stored at creation; the current offset is the
    learner's zone.
    """
    (crt,) = conn.execute("SELECT crt FROM col").fetchone()
    config = _config(conn)
    rollover, creation_west = config.get("rollover"), config.get("creationOffset")
    if rollover is None:  # the v1 scheduler's timing
        return max(0, int((now.timestamp() - crt) // 86400))
    local_now = days.local(now)
    if creation_west is None:  # v2 with the legacy cut-off
        created = datetime.fromtimestamp(crt, local_now.tzinfo)
        at_rollover = created.replace(hour=int(rollover), minute=0, second=0, microsecond=0)
        return max(0, int((now.timestamp() - at_rollover.timestamp()) // 86400))
    created = datetime.fromtimestamp(crt, timezone(timedelta(minutes=-int(creation_west))))
    elapsed = (local_now.date() - created.date()).days
    if local_now.hour < int(rollover):
        elapsed -= 1
    return max(0, elapsed)


def _config(conn: sqlite3.Connection) -> dict[str, Any]:
    """The collection's config: the `config` table (Anki 2.1.28+), else the old `col.conf`."""
    try:
        rows = conn.execute(
            "SELECT key, val FROM config WHERE key IN ('rollover', 'creationOffset')"
        ).fetchall()
        return {key: json.loads(val) for key, val in rows}
    except sqlite3.OperationalError:
        (conf,) = conn.execute("SELECT conf FROM col").fetchone()
        data = json.loads(conf or "{}")
        return data if isinstance(data, dict) else {}
