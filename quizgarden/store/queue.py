"""Reading the review queue: the light rows a session is built from, and the cards it shows.

A session starting on 100,000 cards must show its first card at once, so the queue is built from
`QueueEntry` rows (id, deck, position, due date) read along the card_state and cards indexes; the
full Card is read only for the few cards about to be shown (`load_items`). Today's ratings
(`ratings_since`) feed the daily limits and sibling burying. Nothing here writes: ratings, undo,
suspend, bury and reject are in `store.reviews`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlite_utils import Database

from ..errors import QuizgardenError
from ..model import Card, CardState
from .queries import DECK_SQL, TAG_SQL, deck_matches, deck_pattern, from_iso, tag_pattern, to_iso

_CARD_COLUMNS = (
    "c.id, c.note, c.rule, c.type, c.front, c.back, c.deck, c.tags, c.line, c.block_id, c.side, "
    "c.created, c.updated, c.retired, c.rejected"
)
_STATE_COLUMNS = (
    "s.card_id, s.state, s.step, s.stability, s.difficulty, s.due, s.last_review, s.reps, "
    "s.lapses, s.suspended, s.buried_until"
)
# per rating, through the reviews_undoes index: no pass over the whole log
_NOT_UNDONE = "NOT EXISTS (SELECT 1 FROM reviews u WHERE u.undoes = r.id)"


@dataclass(frozen=True)
class QueueItem:
    """A card with its current state, as the session queue holds it."""

    card: Card
    state: CardState

    @property
    def sibling_key(self) -> tuple[str, str, int]:
        return (self.card.note, self.card.rule, self.card.line)


class QueueEntry(NamedTuple):
    """A queued card before it is shown: only what ordering, limits and siblings need.

    A session starting on 100,000 cards holds thousands of these; the full Card (text, tags,
    dates) is read only for the card about to be shown. A NamedTuple, not a dataclass: it is
    as immutable and builds four times faster, which counts at that number.
    """

    card_id: str
    deck: str
    note: str
    rule: str
    line: int
    state: str  # 'new' | 'learning' | 'relearning' | 'review'
    due: datetime | None
    stability: float | None = None
    last_review: datetime | None = None

    @property
    def sibling_key(self) -> tuple[str, str, int]:
        return (self.note, self.rule, self.line)

    @classmethod
    def of(cls, card: Card, state: CardState) -> QueueEntry:
        """The entry of a full card (a card answered or put back by undo)."""
        return cls(
            card.id, card.deck, card.note, card.rule, card.line, state.state, state.due,
            state.stability, state.last_review,
        )  # fmt: skip


_CARD_FIELDS = (
    "id", "note", "rule", "type", "front", "back", "deck", "tags", "line", "block_id", "side",
    "created", "updated", "retired", "rejected",
)  # fmt: skip


def _items(db: Database, where: str, params: Iterable[Any]) -> Iterator[QueueItem]:
    """Full cards joined with their state: only for the few cards about to be shown."""
    sql = (
        f"SELECT {_CARD_COLUMNS}, {_STATE_COLUMNS} FROM cards c "
        f"LEFT JOIN card_state s ON s.card_id = c.id WHERE {where}"
    )
    width = len(_CARD_FIELDS)
    for values in db.conn.execute(sql, tuple(params)):
        (card_id, note, rule, card_type, front, back, deck, tags, line, block_id, side,
         created, updated, retired, rejected) = values[:width]  # fmt: skip
        card = Card(
            card_id, note, rule, card_type, front, back, deck,
            tuple(json.loads(tags)) if tags and tags != "[]" else (),
            line, block_id, side, from_iso(created), from_iso(updated),
            from_iso(retired), from_iso(rejected),
        )  # fmt: skip
        (state_id, state, step, stability, difficulty, due, last_review, reps, lapses,
         suspended, buried_until) = values[width:]  # fmt: skip
        if state_id is None:  # no card_state row yet: a new card
            yield QueueItem(card, CardState(card_id))
            continue
        yield QueueItem(
            card,
            CardState(
                card_id,
                state or "new",
                step,
                stability,
                difficulty,
                from_iso(due),
                from_iso(last_review),
                reps or 0,
                lapses or 0,
                bool(suspended),
                from_iso(buried_until),
            ),
        )


def _filters(now: datetime, deck: str | None, tag: str | None) -> tuple[list[str], list[Any]]:
    where = [
        "c.retired IS NULL",
        "c.rejected IS NULL",
        "COALESCE(s.suspended, 0) = 0",
        "(s.buried_until IS NULL OR s.buried_until <= ?)",
    ]
    params: list[Any] = [to_iso(now)]
    if deck:  # --deck and --tag match as everywhere else (store.queries)
        where.append(DECK_SQL)
        params.append(deck_pattern(deck))
    if tag:
        where.append(TAG_SQL)
        params.append(tag_pattern(tag))
    return where, params


def due_entries(
    db: Database, now: datetime, until: datetime, *, deck: str | None = None, tag: str | None = None
) -> list[QueueEntry]:
    """Cards due before `until` (the end of the learner's day), seen at `now`.

    A review card is due from the start of its due day, so every one whose due time is before
    the day ends is in today's queue, shown all day; learning steps are timed, and the session
    shows each when its minute comes. Two ranges of the card_state(state, due) index: the new
    cards, which sync gives a state row due at their creation, are never walked.
    """
    where, params = _filters(now, deck, tag)
    where.insert(0, "((s.state IN ('learning', 'relearning') AND s.due < ?) "
                 "OR (s.state = 'review' AND s.due < ?))")  # fmt: skip
    params[:0] = [to_iso(until), to_iso(until)]
    rows = db.conn.execute(
        "SELECT c.id, c.deck, c.note, c.rule, c.line, s.state, s.due, s.stability, "
        "s.last_review FROM card_state s JOIN cards c ON c.id = s.card_id "
        f"WHERE {' AND '.join(where)}",
        params,
    )
    return [
        QueueEntry(card_id, card_deck, note, rule, line, state, from_iso(due), stability,
                   from_iso(last_review))
        for card_id, card_deck, note, rule, line, state, due, stability, last_review in rows
    ]  # fmt: skip


def card_decks(db: Database, *, deck: str | None = None) -> list[str]:
    """Every deck name in the collection (within `deck`, if given), in name order.

    Hops from one name to the next along the cards(deck) index instead of reading all of it.
    """
    sql = (
        "WITH RECURSIVE d(name) AS (SELECT MIN(deck) FROM cards UNION ALL "
        "SELECT (SELECT MIN(deck) FROM cards WHERE deck > d.name) FROM d "
        "WHERE d.name IS NOT NULL) SELECT name FROM d WHERE name IS NOT NULL"
    )
    names = [name for (name,) in db.conn.execute(sql)]
    return [name for name in names if deck_matches(name, deck)] if deck else names


def new_candidates(
    db: Database,
    now: datetime,
    *,
    deck: str | None = None,
    tag: str | None = None,
    in_deck: str | None = None,
) -> Iterator[tuple[tuple[float, int], QueueEntry]]:
    """(order key, entry) of new cards: highest extraction confidence first, then as added.

    The cards(deck, confidence DESC) index gives that order without a sort, so the first rows
    come at once even with 100,000 cards; the caller stops reading when its limits are full.
    `in_deck` reads one deck exactly (not its sub-decks) along that index.
    """
    where, params = _filters(now, deck, tag)
    where.append("(s.card_id IS NULL OR s.state = 'new')")
    if in_deck is not None:
        where.insert(0, "c.deck = ?")
        params.insert(0, in_deck)
    cursor = db.conn.execute(
        "SELECT c.rowid, c.id, c.deck, c.note, c.rule, c.line, c.confidence FROM cards c "
        f"LEFT JOIN card_state s ON s.card_id = c.id WHERE {' AND '.join(where)} "
        "ORDER BY c.confidence DESC, c.rowid",
        params,
    )
    for rowid, card_id, card_deck, note, rule, line, confidence in cursor:
        yield (-confidence, rowid), QueueEntry(card_id, card_deck, note, rule, line, "new", None)


def count_new(
    db: Database,
    now: datetime,
    cap: dict[str, int],
    *,
    tag: str | None = None,
) -> dict[str, int]:
    """New cards each deck of `cap` could show, counting no further than its cap."""
    where, params = _filters(now, None, tag)
    where += ["c.deck = ?", "(s.card_id IS NULL OR s.state = 'new')"]
    sql = (
        "SELECT COUNT(*) FROM (SELECT 1 FROM cards c LEFT JOIN card_state s ON s.card_id = c.id "
        f"WHERE {' AND '.join(where)} LIMIT ?)"
    )
    return {
        deck: int(db.conn.execute(sql, [*params, deck, limit]).fetchone()[0])
        for deck, limit in cap.items()
        if limit > 0
    }


def count_unseen(
    db: Database, now: datetime, *, deck: str | None = None, tag: str | None = None
) -> int:
    """New cards not yet seen (within `deck` and `tag`), whatever today's limits say."""
    where, params = _filters(now, deck, tag)
    where.append("(s.card_id IS NULL OR s.state = 'new')")
    sql = (
        "SELECT COUNT(*) FROM cards c LEFT JOIN card_state s ON s.card_id = c.id "
        f"WHERE {' AND '.join(where)}"
    )
    return int(db.conn.execute(sql, params).fetchone()[0])


def count_due(
    db: Database,
    until: datetime,
    *,
    deck: str | None = None,
    tag: str | None = None,
    since: datetime | None = None,
) -> int:
    """Cards already started (not new) that come due before `until` (and from `since`)."""
    where, params = _filters(until, deck, tag)
    where.append("s.state != 'new' AND s.due < ?")
    params.append(to_iso(until))
    if since is not None:
        where.append("s.due >= ?")
        params.append(to_iso(since))
    sql = (
        "SELECT COUNT(*) FROM card_state s JOIN cards c ON c.id = s.card_id "
        f"WHERE {' AND '.join(where)}"
    )
    return int(db.conn.execute(sql, params).fetchone()[0])


def next_due(
    db: Database, after: datetime, *, deck: str | None = None, tag: str | None = None
) -> datetime | None:
    """When the first card already started (not new) comes due at or after `after`."""
    where, params = _filters(after, deck, tag)
    where.append("s.state != 'new' AND s.due >= ?")
    params.append(to_iso(after))
    sql = (
        "SELECT MIN(s.due) FROM card_state s JOIN cards c ON c.id = s.card_id "
        f"WHERE {' AND '.join(where)}"
    )
    return from_iso(db.conn.execute(sql, params).fetchone()[0])


def load_items(db: Database, card_ids: list[str]) -> list[QueueItem]:
    """Full cards for `card_ids`, in that order."""
    found: dict[str, QueueItem] = {}
    for chunk in range(0, len(card_ids), 500):
        ids = card_ids[chunk : chunk + 500]
        where = f"c.id IN ({', '.join('?' for _ in ids)})"
        found.update((item.card.id, item) for item in _items(db, where, ids))
    return [found[card_id] for card_id in card_ids if card_id in found]


def load_by_id(db: Database, card_ids: Iterable[str]) -> dict[str, QueueItem]:
    """Full cards with their state, by id; ids no longer in the collection are left out."""
    return {item.card.id: item for item in load_items(db, list(card_ids))}


def load_item(db: Database, card_id: str) -> QueueItem:
    for item in _items(db, "c.id = ?", [card_id]):
        return item
    raise QuizgardenError(f"no card with id {card_id}")


class TodayRating(NamedTuple):
    """A rating given since the day started (and not undone): limits and siblings count them."""

    card_id: str
    deck: str
    note: str
    rule: str
    line: int
    state_before: str  # 'new' for an introduction, 'review' for a review card

    @property
    def sibling_key(self) -> tuple[str, str, int]:
        return (self.note, self.rule, self.line)


def ratings_since(
    db: Database, since: datetime, until: datetime | None = None
) -> list[TodayRating]:
    """Every rating from `since` (to before `until`), undone ones left out, by reviewed_at.

    With `until` the end of today, ratings a clock that ran ahead dated in the future do not
    count against today: the daily counters reset by day, as Anki's do.
    """
    bounds, params = "r.reviewed_at >= ?", [to_iso(since)]
    if until is not None:
        bounds += " AND r.reviewed_at < ?"
        params.append(to_iso(until))
    rows = db.execute(
        "SELECT r.card_id, c.deck, c.note, c.rule, c.line, "
        "json_extract(r.state_before, '$.state') FROM reviews r JOIN cards c ON c.id = r.card_id "
        f"WHERE r.kind = 'review' AND {bounds} AND {_NOT_UNDONE} ORDER BY r.id",
        params,
    ).fetchall()
    return [
        TodayRating(card_id, deck, note, rule, line, state_before or "new")
        for card_id, deck, note, rule, line, state_before in rows
    ]


def count_per_deck(ratings: Iterable[TodayRating], state_before: str) -> dict[str, int]:
    """Distinct cards per deck among `ratings` whose state before was `state_before`."""
    seen: dict[str, set[str]] = {}
    for rating in ratings:
        if rating.state_before == state_before:
            seen.setdefault(rating.deck, set()).add(rating.card_id)
    return {deck: len(cards) for deck, cards in seen.items()}


def introduced_since(db: Database, since: datetime) -> dict[str, int]:
    """New cards first rated since `since` (undone ratings excluded), per deck."""
    return count_per_deck(ratings_since(db, since), "new")
