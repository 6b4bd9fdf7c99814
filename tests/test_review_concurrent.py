"""Two `quiz review` sessions on one collection at once, as two real processes.

A rating applies to the state it was made on: when the other session rated the card first, the
second rating is refused with a message and the card is read again, so no rating drops out of
the schedule.
"""

from __future__ import annotations

import json
import os
import queue
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from quizgarden.errors import StaleCardError
from quizgarden.schedule import review
from quizgarden.store import open_collection
from quizgarden.store.queue import load_item
from quizgarden.store.reviews import record_review, state_from_json, undo_review
from quizgarden.store.sync import sync_vault

NOW = "2025-03-01T12:00:00+00:00"


class Session:
    """A `quiz review --json` process fed one answer at a time."""

    def __init__(self, vault: Path, db: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "quizgarden", "review", str(vault), "--db", str(db), "--json"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "QUIZGARDEN_NOW": NOW},
        )
        self.events: queue.Queue[dict[str, Any]] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.events.put(json.loads(line))

    def next_event(self, kind: str) -> dict[str, Any]:
        while True:
            event = self.events.get(timeout=60)
            if event["event"] == kind:
                return event
            assert event["event"] in ("card", "message", "learning_later"), event

    def answer(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(text + "\n")
        self.proc.stdin.flush()

    def close(self) -> tuple[int, str]:
        assert self.proc.stdin is not None and self.proc.stderr is not None
        self.proc.stdin.close()
        code = self.proc.wait(timeout=60)
        self.reader.join(timeout=60)
        err = self.proc.stderr.read()
        self.proc.stdout.close()  # type: ignore[union-attr]
        self.proc.stderr.close()
        return code, err


def test_a_rating_made_on_an_old_state_is_refused_and_the_card_read_again(tmp_path: Path):
    vault, db = tmp_path / "vault", tmp_path / "c.db"
    vault.mkdir()
    for i in range(2):
        (vault / f"n{i}.md").write_text(f"Q: First {i}?\nA: One\n\nQ: Second {i}?\nA: Two\n")
    collection = open_collection(db)
    sync_vault(collection, vault, now=datetime.fromisoformat(NOW))
    collection.close()

    first, second = Session(vault, db), Session(vault, db)
    try:
        shown_first = first.next_event("card")
        shown_second = second.next_event("card")
        card = shown_first["card_id"]
        assert shown_second["card_id"] == card  # both sessions hold the same state
        first.answer("good")
        rated = first.next_event("rating")
        second.answer("easy")  # made on the state before the first session's rating
        stale = second.next_event("stale")
        assert stale["card_id"] == card
        assert stale["message"] == (
            "This card was rated in another session meanwhile; your rating was not saved "
            "and it is done for now."
        )
        moved_on = second.next_event("card")  # the session goes on with the next card
        assert moved_on["card_id"] != card
        first.answer("q")
        second.answer("q")
    finally:
        results = [first.close(), second.close()]
    assert results == [(0, ""), (0, "")]

    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT rating, state_before, state_after FROM reviews WHERE card_id = ? ORDER BY id",
        [card],
    ).fetchall()
    stored = conn.execute("SELECT state, due FROM card_state WHERE card_id = ?", [card]).fetchone()
    conn.close()
    assert [row[0] for row in rows] == [3]  # the first rating, and only it
    after = json.loads(rows[0][2])
    assert stored == (after["state"], after["due"]) == (rated["state"], after["due"])
    assert json.loads(rows[0][1])["state"] == "new"


def test_the_store_refuses_a_rating_or_undo_made_on_an_old_state(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "n.md").write_text("Q: One?\nA: Yes\n")
    now = datetime.fromisoformat(NOW)
    db = open_collection(tmp_path / "c.db")
    sync_vault(db, vault, now=now)
    card_id = db.execute("SELECT id FROM cards").fetchone()[0]
    _, first = review(load_item(db, card_id).state, 1, now)
    recorded = record_review(db, first)
    _, second = review(load_item(db, card_id).state, 3, now)
    record_review(db, second)
    with pytest.raises(StaleCardError, match="changed in another session"):
        record_review(db, first)  # made on the state before either rating
    with pytest.raises(StaleCardError, match="it was not undone here"):
        undo_review(db, recorded.review_id, now)  # would drop the second rating
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 2
    assert load_item(db, card_id).state == recorded_state(db, card_id)
    db.close()


def recorded_state(db: Any, card_id: str) -> Any:
    """The state after the card's last logged rating."""
    row = db.execute(
        "SELECT state_after FROM reviews WHERE card_id = ? ORDER BY id DESC LIMIT 1", [card_id]
    ).fetchone()
    return state_from_json(row[0])
