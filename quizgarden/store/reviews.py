"""Writing ratings, undo, suspend, bury and reject; and the JSON form of a CardState.

Every write is one `write_transaction`, committed before the caller shows the next card, so a
session killed at any moment loses at most the card on screen. The review log is append-only:
undo appends a row of kind 'undo' pointing at the review it cancels, and restores the card's
state from that review's `state_before`. Reading the queue is `store.queue`'s part.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from ..errors import QuizgardenError, StaleCardError
from ..model import CardState, Review
from .db import write_transaction
from .queries import CardStateDict, from_iso, state_to_dict, state_to_row, to_iso
from .queue import load_item

LEECH_TAG = "leech"


def state_from_dict(data: CardStateDict | dict[str, Any]) -> CardState:
    return CardState(
        card_id=data["card_id"],
        state=data.get("state") or "new",
        step=data.get("step"),
        stability=data.get("stability"),
        difficulty=data.get("difficulty"),
        due=from_iso(data.get("due")),
        last_review=from_iso(data.get("last_review")),
        reps=data.get("reps") or 0,
        lapses=data.get("lapses") or 0,
        suspended=bool(data.get("suspended")),
        buried_until=from_iso(data.get("buried_until")),
    )


def state_to_json(state: CardState) -> str:
    return json.dumps(state_to_dict(state), ensure_ascii=False, sort_keys=True)


def state_from_json(text: str) -> CardState:
    return state_from_dict(json.loads(text))


def _save_state(db: Database, state: CardState) -> None:
    data = state_to_row(state)
    columns = [k for k in data if k != "card_id"]
    db.execute(
        f"INSERT INTO card_state (card_id, {', '.join(columns)}) "
        f"VALUES (?, {', '.join('?' for _ in columns)}) ON CONFLICT(card_id) DO UPDATE SET "
        + ", ".join(f"{k} = excluded.{k}" for k in columns),
        [state.card_id, *(data[k] for k in columns)],
    )


def _expect_state(db: Database, expected: CardState, doing: str) -> CardState:
    """The card's stored state, which must be `expected`; else `StaleCardError`."""
    current = load_item(db, expected.card_id).state
    if state_to_json(current) != state_to_json(expected):
        raise StaleCardError(
            f"card {expected.card_id} was changed in another session since it was shown; "
            f"it was not {doing} here"
        )
    return current


def _set_tags(db: Database, card_id: str, add: str | None = None, drop: str | None = None) -> None:
    row = db.execute("SELECT tags FROM cards WHERE id = ?", [card_id]).fetchone()
    tags = list(json.loads(row[0] or "[]")) if row else []
    if add and add not in tags:
        tags.append(add)
    if drop and drop in tags:
        tags.remove(drop)
    db.execute("UPDATE cards SET tags = ? WHERE id = ?", [json.dumps(tags), card_id])


def is_leech(lapses: int, threshold: int) -> bool:
    """Anki's rule: at the threshold, then every half threshold (rounded up) after it."""
    if threshold <= 0 or lapses < threshold:
        return False
    return (lapses - threshold) % max(1, -(-threshold // 2)) == 0


@dataclass(frozen=True)
class Recorded:
    """What `record_review` wrote: the log row id, and whether the card became a leech."""

    review_id: int
    state: CardState
    leech: bool = False


def record_review(db: Database, review: Review, *, leech_threshold: int = 8) -> Recorded:
    """Append the rating and store the new state in one committed transaction.

    A card whose lapses reach `leech_threshold` on this rating, and every half threshold after
    that (8, 12, 16... as Anki), is tagged 'leech' and suspended.
    The rating applies only to the state it was made on (compare-and-set inside the
    transaction): if another session changed the card meanwhile, nothing is written and
    `StaleCardError` is raised, so the caller can read the card again.
    """
    after = review.after
    leech = after.lapses > review.before.lapses and is_leech(after.lapses, leech_threshold)
    if leech:
        after = CardState(**{**asdict(after), "suspended": True})
    with write_transaction(db):
        _expect_state(db, review.before, "rated")
        cursor = db.execute(
            "INSERT INTO reviews (card_id, kind, rating, reviewed_at, duration_ms, state_before, "
            "state_after) VALUES (?, 'review', ?, ?, ?, ?, ?)",
            [
                review.card_id,
                review.rating,
                to_iso(review.reviewed_at),
                review.duration_ms,
                state_to_json(review.before),
                state_to_json(after),
            ],
        )
        _save_state(db, after)
        if leech:
            _set_tags(db, review.card_id, add=LEECH_TAG)
        review_id = int(cursor.lastrowid or 0)
    return Recorded(review_id, after, leech)


def undo_review(db: Database, review_id: int, now: datetime) -> CardState:
    """Cancel rating `review_id`: append an 'undo' row and restore the state before it."""
    with write_transaction(db):
        row = db.execute(
            "SELECT card_id, kind, state_before, state_after FROM reviews WHERE id = ?",
            [review_id],
        ).fetchone()
        if row is None or row[1] != "review":
            raise QuizgardenError(f"review {review_id} does not exist or is not a rating")
        if db.execute("SELECT 1 FROM reviews WHERE undoes = ?", [review_id]).fetchone():
            raise QuizgardenError(f"review {review_id} was already undone")
        card_id, _kind, before_json, after_json = row
        before = state_from_json(before_json)
        current = _expect_state(db, state_from_json(after_json), "undone")
        db.execute(
            "INSERT INTO reviews (card_id, kind, rating, reviewed_at, duration_ms, state_before, "
            "state_after, undoes) VALUES (?, 'undo', 0, ?, NULL, ?, ?, ?)",
            [card_id, to_iso(now), state_to_json(current), before_json, review_id],
        )
        _save_state(db, before)
        after = state_from_json(after_json)
        if after.suspended and not before.suspended:  # the rating made it a leech
            _set_tags(db, card_id, drop=LEECH_TAG)
    return before


def set_suspended(db: Database, card_id: str, suspended: bool) -> CardState:
    """Take a card out of (or back into) every queue until the learner says otherwise."""
    with write_transaction(db):
        state = load_item(db, card_id).state
        state = CardState(**{**asdict(state), "suspended": suspended})
        _save_state(db, state)
    return state


def set_buried(db: Database, card_id: str, until: datetime | None) -> CardState:
    """Hide a card until `until` (the start of the next day), or un-hide it with None."""
    with write_transaction(db):
        state = load_item(db, card_id).state
        state = CardState(**{**asdict(state), "buried_until": until})
        _save_state(db, state)
    return state


def set_rejected(db: Database, card_id: str, when: datetime | None) -> None:
    """Mark a mined card as not worth learning; sync keeps rejected cards rejected."""
    with write_transaction(db):
        db.execute("UPDATE cards SET rejected = ? WHERE id = ?", [to_iso(when), card_id])


def bring_back(db: Database, card_ids: list[str], hidden: str) -> list[str]:
    """Unsuspend, unbury or unreject (`hidden`: 'suspended', 'buried', 'rejected') the cards;
    returns the ids that were so hidden and now come back to review."""
    from .queries import get_card, is_buried

    changed = []
    for card_id in card_ids:
        found = get_card(db, card_id)
        if found is None:
            continue
        card, state = found
        if hidden == "suspended" and state.suspended:
            set_suspended(db, card_id, False)
        elif hidden == "buried" and is_buried(state, None):
            set_buried(db, card_id, None)
        elif hidden == "rejected" and card.rejected is not None:
            set_rejected(db, card_id, None)
        else:
            continue
        changed.append(card_id)
    return changed


def set_memory_states(db: Database, states: dict[str, tuple[float, float]]) -> int:
    """Store recomputed (stability, difficulty) per card, in one transaction; due dates stay."""
    with write_transaction(db):
        for card_id, (stability, difficulty) in states.items():
            db.execute(
                "UPDATE card_state SET stability = ?, difficulty = ? WHERE card_id = ?",
                [stability, difficulty, card_id],
            )
    return len(states)
