"""Reading cards back out of the collection, and the one place rows become dataclasses.

Datetimes are stored as ISO 8601 UTC strings (`+00:00`, so they sort as text) and tags as a
JSON list; every other module goes through these converters instead of re-parsing rows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, TypedDict

from sqlite_utils import Database

from ..errors import FilterError
from ..model import Card, CardState, StateName, card_dict

CARD_COLUMNS = (
    "id",
    "note",
    "rule",
    "type",
    "front",
    "back",
    "deck",
    "tags",
    "line",
    "block_id",
    "side",
    "created",
    "updated",
    "retired",
    "rejected",
    "confidence",
)
STATE_COLUMNS = (
    "card_id",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
    "suspended",
    "buried_until",
)


def to_iso(value: datetime | None) -> str | None:
    """An aware datetime as an ISO UTC string; naive datetimes are taken to be UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def from_iso(text: str | None) -> datetime | None:
    """The inverse of `to_iso`; tolerates a trailing `Z` and naive strings (UTC)."""
    if not text:
        return None
    value = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    if value.tzinfo is not UTC:  # the common case skips a conversion: queues parse many
        return value.astimezone(UTC)
    return value


def card_to_row(card: Card) -> dict[str, Any]:
    """A `cards` table row for `card`."""
    return {
        "id": card.id,
        "note": card.note,
        "rule": card.rule,
        "type": card.type,
        "front": card.front,
        "back": card.back,
        "deck": card.deck,
        "tags": json.dumps(list(card.tags), ensure_ascii=False),
        "line": card.line,
        "block_id": card.block_id,
        "side": card.side,
        "created": to_iso(card.created),
        "updated": to_iso(card.updated),
        "retired": to_iso(card.retired),
        "rejected": to_iso(card.rejected),
        "confidence": card.confidence,
    }


def card_from_row(row: Mapping[str, Any]) -> Card:
    """The `Card` stored in a `cards` row."""
    return Card(
        id=row["id"],
        note=row["note"],
        rule=row["rule"],
        type=row["type"],
        front=row["front"],
        back=row["back"],
        deck=row["deck"],
        tags=tuple(json.loads(row["tags"] or "[]")),
        line=row["line"],
        block_id=row["block_id"],
        side=row["side"],
        created=from_iso(row["created"]),
        updated=from_iso(row["updated"]),
        retired=from_iso(row["retired"]),
        rejected=from_iso(row["rejected"]),
        confidence=row["confidence"],
    )


class CardStateDict(TypedDict):
    """The JSON form of a CardState, as stored in reviews.state_before / state_after."""

    card_id: str
    state: StateName
    step: int | None
    stability: float | None
    difficulty: float | None
    due: str | None
    last_review: str | None
    reps: int
    lapses: int
    suspended: bool
    buried_until: str | None


def state_to_dict(state: CardState) -> CardStateDict:
    return {
        "card_id": state.card_id,
        "state": state.state,
        "step": state.step,
        "stability": state.stability,
        "difficulty": state.difficulty,
        "due": to_iso(state.due),
        "last_review": to_iso(state.last_review),
        "reps": state.reps,
        "lapses": state.lapses,
        "suspended": state.suspended,
        "buried_until": to_iso(state.buried_until),
    }


def state_to_row(state: CardState) -> dict[str, Any]:
    """A `card_state` table row for `state`: its JSON form, with SQLite's integer for a flag."""
    return {**state_to_dict(state), "suspended": int(state.suspended)}


def state_from_row(row: Mapping[str, Any]) -> CardState:
    """The `CardState` stored in a `card_state` row."""
    return CardState(
        card_id=row["card_id"],
        state=row["state"],
        step=row["step"],
        stability=row["stability"],
        difficulty=row["difficulty"],
        due=from_iso(row["due"]),
        last_review=from_iso(row["last_review"]),
        reps=row["reps"],
        lapses=row["lapses"],
        suspended=bool(row["suspended"]),
        buried_until=from_iso(row["buried_until"]),
    )


def card_listing(card: Card, state: CardState, now: datetime | None = None) -> dict[str, Any]:
    """The JSON form `quiz cards --json` prints: the card plus its schedule, and whether it is
    suspended, buried (at `now`) or rejected, which keeps it out of every review."""
    return {
        **card_dict(card),
        "state": state.state,
        "due": to_iso(state.due),
        "stability": state.stability,
        "difficulty": state.difficulty,
        "reps": state.reps,
        "lapses": state.lapses,
        "suspended": state.suspended,
        "buried": is_buried(state, now),
        "buried_until": to_iso(state.buried_until),
        "retired": to_iso(card.retired),
        "rejected": to_iso(card.rejected),
    }


def is_buried(state: CardState, now: datetime | None) -> bool:
    """Whether `state` is hidden by bury at `now` (None: the clock's now)."""
    if state.buried_until is None:
        return False
    if now is None:
        from ..clock import now as clock_now

        now = clock_now()
    return state.buried_until > now


#: What `quiz cards --suspended/--buried/--rejected` select; each keeps a card out of reviews.
HIDDEN = ("suspended", "buried", "rejected")


def get_card(db: Database, card_id: str) -> tuple[Card, CardState] | None:
    """One card and its state by id, retired or not; None if there is no such card."""
    found = _select(db, "c.id = ?", [card_id])
    return found[0] if found else None


def find_ids(db: Database, prefixes: list[str]) -> list[str]:
    """Full card ids for ids or unique id prefixes (as `quiz cards` shows them); an unknown or
    ambiguous one is an error that says which."""
    found = []
    for prefix in prefixes:
        key = prefix.strip().lower()
        rows = db.execute(
            "SELECT id FROM cards WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", [key, key + "~"]
        ).fetchall()
        if not key or not rows:
            raise FilterError(f"no card with id {prefix!r} (see `quiz cards --json`)")
        if len(rows) > 1 and rows[0][0] != key:
            raise FilterError(f"{prefix!r} is the start of several card ids; give more of it")
        found.append(rows[0][0])
    return found


def list_cards(
    db: Database,
    *,
    deck: str | None = None,
    tag: str | None = None,
    due_before: datetime | None = None,
    include_retired: bool = False,
    hidden: str | None = None,
    now: datetime | None = None,
) -> list[tuple[Card, CardState]]:
    """Cards with their state, in note and line order.

    `deck` and `tag` match as `deck_matches` and `tag_matches` say; `due_before` keeps cards due
    at or before that instant (new cards without a due date count as due). Retired and rejected
    cards are left out unless `include_retired`. Cards due are the ones a review would show: not
    suspended or buried. `hidden` ('suspended', 'buried' or 'rejected') keeps only the cards so
    hidden from review; buried means buried past `now` (default: `due_before`, else the clock).
    """
    where: list[str] = []
    params: list[Any] = []
    moment = to_iso(now or due_before or _clock())
    if hidden == "rejected":
        where.append("c.retired IS NULL AND c.rejected IS NOT NULL")
    elif not include_retired:
        where.append("c.retired IS NULL AND c.rejected IS NULL")
    if hidden == "suspended":
        where.append("COALESCE(s.suspended, 0) = 1")
    elif hidden == "buried":
        where.append("s.buried_until > ?")
        params.append(moment)
    elif hidden is not None and hidden != "rejected":
        raise ValueError(f"hidden must be one of {HIDDEN}, not {hidden!r}")
    if deck:
        where.append(DECK_SQL)
        params.append(deck_pattern(deck))
    if tag:
        where.append(TAG_SQL)
        params.append(tag_pattern(tag))
    if due_before is not None:
        where.append("(s.due IS NULL OR s.due <= ?)")
        params.append(to_iso(due_before))
        where.append(
            "COALESCE(s.suspended, 0) = 0 AND (s.buried_until IS NULL OR s.buried_until <= ?)"
        )
        params.append(moment)
    return _select(db, " AND ".join(where) or "1", params)


def _clock() -> datetime:
    from ..clock import now

    return now()


def _select(db: Database, where: str, params: list[Any]) -> list[tuple[Card, CardState]]:
    columns = (
        ", ".join(f"c.{c}" for c in CARD_COLUMNS)
        + ", "
        + ", ".join(f"s.{c} AS s_{c}" for c in STATE_COLUMNS)
    )
    sql = (
        f"SELECT {columns} FROM cards c LEFT JOIN card_state s ON s.card_id = c.id"
        f" WHERE {where} ORDER BY c.note, c.line, c.side, c.id"
    )
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    out = []
    for values in cursor.fetchall():
        row = dict(zip(names, values, strict=True))
        card = card_from_row(row)
        if row["s_card_id"] is None:
            state = CardState(card_id=card.id)
        else:
            state = state_from_row({c: row[f"s_{c}"] for c in STATE_COLUMNS})
        out.append((card, state))
    return out


# --- what --deck and --tag match -------------------------------------------------------------
#
# A learner types the part of a deck they think of: `--deck architecture` for
# `Tech::Architecture`, `--deck ai` for `AI`. So a filter matches case-insensitively, by any run
# of whole path segments, and takes the sub-decks along: `ai` matches `AI`, `AI::llm` and
# `Notes::AI`, never `Paint`. Tags nest with `/` the same way. SQL and Python agree: LIKE is
# case-blind for ASCII, and the Python side folds the same way.

#: The SQL test for a deck filter; its one parameter is `deck_pattern(scope)`.
DECK_SQL = "('::' || c.deck || '::') LIKE ? ESCAPE '\\'"
#: The SQL test for a tag filter; its one parameter is `tag_pattern(scope)`.
TAG_SQL = (
    "EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE ('/' || t.value || '/') LIKE ? ESCAPE '\\')"
)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _deck_scope(scope: str) -> str:
    return "::".join(part.strip() for part in scope.strip().strip(":").split("::"))


def _tag_scope(scope: str) -> str:
    return scope.strip().lstrip("#").strip("/")


def deck_pattern(scope: str) -> str:
    """The LIKE pattern `DECK_SQL` takes for `scope`."""
    return f"%::{_like(_deck_scope(scope))}::%"


def tag_pattern(scope: str) -> str:
    """The LIKE pattern `TAG_SQL` takes for `scope`."""
    return f"%/{_like(_tag_scope(scope))}/%"


def _fold(text: str) -> str:
    """Case folding as SQLite's LIKE does it: ASCII letters only."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def deck_matches(deck: str, scope: str | None) -> bool:
    """Whether `deck` is within `scope` (None: everything), as `DECK_SQL` decides."""
    if scope is None:
        return True
    return f"::{_fold(_deck_scope(scope))}::" in f"::{_fold(deck)}::"


def tag_matches(tag: str, scope: str | None) -> bool:
    """Whether `tag` is within `scope` (None: everything), as `TAG_SQL` decides."""
    if scope is None:
        return True
    return f"/{_fold(_tag_scope(scope))}/" in f"/{_fold(tag)}/"


def all_decks(db: Database) -> list[str]:
    """Every deck that holds a card, in name order."""
    return [row[0] for row in db.execute("SELECT DISTINCT deck FROM cards ORDER BY deck")]


def all_tags(db: Database) -> list[str]:
    """Every tag on a card, in name order."""
    sql = "SELECT DISTINCT t.value FROM cards c, json_each(c.tags) t ORDER BY t.value"
    return [row[0] for row in db.execute(sql)]


def check_filters(db: Database, *, deck: str | None = None, tag: str | None = None) -> str | None:
    """Raise `FilterError` when `deck` or `tag` matches nothing, naming what there is.

    Returns the deck's own name when `deck` matches one deck and its sub-decks (`ai` → `AI`), so
    per-deck settings apply; else `deck` as given.
    """
    if deck is not None:
        decks = all_decks(db)
        found = [name for name in decks if deck_matches(name, deck)]
        if not found:
            raise FilterError(
                f"no deck matches --deck {deck!r}; the decks are: {', '.join(decks) or '(none)'}"
            )
        roots = {_root(name, deck) for name in found}
        if len(roots) == 1:
            deck = roots.pop()
    if tag is not None:
        tags = all_tags(db)
        if not any(tag_matches(name, tag) for name in tags):
            raise FilterError(
                f"no tag matches --tag {tag!r}; the tags are: {', '.join(tags) or '(none)'}"
            )
    return deck


def _root(deck: str, scope: str) -> str:
    """The part of `deck` up to where `scope` matches it: `Tech::Architecture` for
    `architecture` in `Tech::Architecture::Patterns`."""
    parts, wanted = deck.split("::"), _fold(_deck_scope(scope)).split("::")
    folded = [_fold(part) for part in parts]
    for start in range(len(parts) - len(wanted) + 1):
        if folded[start : start + len(wanted)] == wanted:
            return "::".join(parts[: start + len(wanted)])
    return deck
