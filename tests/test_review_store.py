"""Ratings, undo, suspend, bury, reject and leeches as they land in the collection."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_review_queue import DEFAULTS, NOW, add_card

from quizgarden.model import CardState
from quizgarden.review.runner import ReviewOptions, build_session
from quizgarden.review.session import next_day_start
from quizgarden.schedule import review
from quizgarden.store import open_collection as store_open
from quizgarden.store import queue
from quizgarden.store import reviews as store
from quizgarden.store.queries import to_iso

CARD = "0123456789abcdef"


@pytest.fixture
def db(tmp_path):
    collection = store_open(tmp_path / "c.db")
    yield collection
    collection.close()


def _log(db):
    return db.execute(
        "SELECT id, kind, rating, undoes, state_before, state_after FROM reviews ORDER BY id"
    ).fetchall()


def test_rating_is_committed_with_state_before_and_after(db):
    add_card(db, CARD)
    after, log = review(CardState(CARD), 3, NOW, 2500)
    recorded = store.record_review(db, log)
    assert not db.conn.in_transaction  # committed, not pending
    rows = _log(db)
    assert len(rows) == 1 and rows[0][1:4] == ("review", 3, None)
    assert store.state_from_json(rows[0][4]) == CardState(CARD)
    assert store.state_from_json(rows[0][5]) == after == recorded.state
    assert queue.load_item(db, CARD).state == after
    assert after.state == "learning" and after.reps == 1 and after.step == 1


def test_undo_appends_and_restores(db):
    add_card(db, CARD)
    first, log1 = review(CardState(CARD), 3, NOW)
    store.record_review(db, log1)
    second, log2 = review(first, 3, NOW + timedelta(minutes=10))
    r2 = store.record_review(db, log2)
    assert queue.load_item(db, CARD).state == second
    restored = store.undo_review(db, r2.review_id, NOW + timedelta(minutes=11))
    assert restored == first == queue.load_item(db, CARD).state
    rows = _log(db)
    assert [r[1] for r in rows] == ["review", "review", "undo"]
    assert rows[2][3] == r2.review_id and rows[2][2] == 0
    with pytest.raises(store.QuizgardenError, match="already undone"):
        store.undo_review(db, r2.review_id, NOW)
    # the log itself can never be rewritten
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM reviews")


def test_leech_after_eight_lapses_is_tagged_and_suspended(db):
    state = CardState(CARD, "review", None, 5.0, 6.0, NOW, NOW - timedelta(days=5), 10, 6)
    add_card(db, CARD, tags=("bio",), state=state)
    when = NOW
    _, log = review(state, 1, when)  # 7th lapse
    recorded = store.record_review(db, log)
    assert not recorded.leech and recorded.state.lapses == 7
    relearned, log = review(recorded.state, 3, when + timedelta(minutes=10))
    store.record_review(db, log)
    _, log = review(relearned, 1, when + timedelta(days=3))  # 8th lapse
    recorded = store.record_review(db, log)
    assert recorded.leech and recorded.state.lapses == 8 and recorded.state.suspended
    item = queue.load_item(db, CARD)
    assert item.state.suspended and item.card.tags == ("bio", "leech")
    assert build_session(db, when + timedelta(days=30), DEFAULTS, ReviewOptions()).counts() == (
        0, 0, 0,
    )  # fmt: skip
    # undoing that rating takes the leech mark off again
    store.undo_review(db, recorded.review_id, when + timedelta(days=3))
    item = queue.load_item(db, CARD)
    assert not item.state.suspended and item.card.tags == ("bio",) and item.state.lapses == 7


def test_bury_suspend_reject_and_their_reversal(db):
    add_card(db, CARD, rule="definition")
    tomorrow = next_day_start(NOW)
    assert store.set_buried(db, CARD, tomorrow).buried_until == tomorrow
    assert build_session(db, NOW, DEFAULTS, ReviewOptions()).new == []
    assert len(build_session(db, tomorrow, DEFAULTS, ReviewOptions()).new) == 1
    store.set_buried(db, CARD, None)
    assert store.set_suspended(db, CARD, True).suspended
    assert build_session(db, tomorrow, DEFAULTS, ReviewOptions()).new == []
    store.set_suspended(db, CARD, False)
    store.set_rejected(db, CARD, NOW)
    assert db.execute("SELECT rejected FROM cards").fetchone()[0] == to_iso(NOW)
    assert build_session(db, tomorrow, DEFAULTS, ReviewOptions()).new == []


def test_next_day_start_is_the_local_rollover_hour():
    start = next_day_start(NOW, 4)
    assert start > NOW and start - NOW <= timedelta(days=1)
    assert start.astimezone().hour == 4 and start.astimezone().minute == 0


states = st.builds(
    CardState,
    card_id=st.text(min_size=1, max_size=20),
    state=st.sampled_from(["new", "learning", "review", "relearning"]),
    step=st.none() | st.integers(0, 5),
    stability=st.none() | st.floats(0.001, 1e5),
    difficulty=st.none() | st.floats(1, 10),
    due=st.none() | st.datetimes(timezones=st.just(NOW.tzinfo)),
    last_review=st.none() | st.datetimes(timezones=st.just(NOW.tzinfo)),
    reps=st.integers(0, 1000),
    lapses=st.integers(0, 100),
    suspended=st.booleans(),
    buried_until=st.none() | st.datetimes(timezones=st.just(NOW.tzinfo)),
)


@given(states)
def test_card_state_json_round_trip(state):
    text = store.state_to_json(state)
    assert store.state_from_json(text) == state
    assert set(json.loads(text)) == set(store.CardStateDict.__annotations__)
    assert set(json.loads(text)) == {f.name for f in dataclasses.fields(CardState)}


def test_leech_rule_is_ankis_threshold_then_every_half_threshold():
    from quizgarden.store.reviews import is_leech

    assert [n for n in range(1, 21) if is_leech(n, 8)] == [8, 12, 16, 20]
    assert [n for n in range(1, 10) if is_leech(n, 3)] == [3, 5, 7, 9]
    assert [n for n in range(1, 4) if is_leech(n, 1)] == [1, 2, 3]
    assert not any(is_leech(n, 0) for n in range(20))
