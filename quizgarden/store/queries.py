"""Reading cards back out of the collection, and the one place rows become dataclasses.

Datetimes are stored as ISO 8601 UTC strings (`+00:00`, so they sort as text) and tags as a
JSON list; every other module goes through these converters instead of re-parsing rows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from sqlite_utils import Database

from ..model import Card, CardState, card_dict

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
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat()


def from_iso(text: str | None) -> datetime | None:
    """The inverse of `to_iso`; tolerates a trailing `Z` and naive strings (UTC)."""
    if not text:
        return None
    value = datetime.fromisoformat(text[:-1] + "+00:00" if text.endswith("Z") else text)
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    if value.tzinfo is not timezone.utc:  # the common case skips a conversion: queues parse many
        return value.astimezone(timezone.utc)
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
    )


def state_to_row(state: CardState) -> dict[str, Any]:
    """A `card_state` table row for `state`."""
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
        "suspended": int(state.suspended),
        "buried_until": to_iso(state.buried_until),
    }


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


def card_listing(card: Card, state: CardState) -> dict[str, Any]:
    """The JSON form `quiz cards --json` prints: the card plus its schedule."""
    return {
        **card_dict(card),
        "state": state.state,
        "due": to_iso(state.due),
        "stability": state.stability,
        "difficulty": state.difficulty,
        "reps": state.reps,
        "lapses": state.lapses,
        "retired": to_iso(card.retired),
        "rejected": to_iso(card.rejected),
    }


def get_card(db: Database, card_id: str) -> tuple[Card, CardState] | None:
    """One card and its state by id, retired or not; None if there is no such card."""
    found = _select(db, "c.id = ?", [card_id])
    return found[0] if found else None


def list_cards(
    db: Database,
    *,
    deck: str | None = None,
    tag: str | None = None,
    due_before: datetime | None = None,
    include_retired: bool = False,
) -> list[tuple[Card, CardState]]:
    """Cards with their state, in note and line order.

    `deck` matches the deck and its sub-decks (`deck::*`); `tag` matches the tag and its nested
    tags (`tag/*`), case-insensitively as Obsidian does; `due_before` keeps cards due at or
    before that instant (new cards without a due date count as due). Retired and rejected cards
    are left out unless `include_retired`.
    """
    where: list[str] = []
    params: list[Any] = []
    if not include_retired:
        where.append("c.retired IS NULL AND c.rejected IS NULL")
    if deck:
        deck = deck.strip().strip(":")
        where.append("(c.deck = ? OR substr(c.deck, 1, ?) = ?)")
        params += [deck, len(deck) + 2, deck + "::"]
    if tag:
        tag = tag.strip().lstrip("#").lower()
        where.append(
            "EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE lower(t.value) = ?"
            " OR substr(lower(t.value), 1, ?) = ?)"
        )
        params += [tag, len(tag) + 1, tag + "/"]
    if due_before is not None:
        where.append("(s.due IS NULL OR s.due <= ?)")
        params.append(to_iso(due_before))
    return _select(db, " AND ".join(where) or "1", params)


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
