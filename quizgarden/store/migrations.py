"""Numbered schema steps. Append new steps at the end; never edit one that has shipped.

`MIGRATION_NAMES` is our own list of the steps, in order: sqlite-utils keeps its list private,
and opening a collection must know which applied steps this code does not.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database, Migrations

migrations = Migrations("quizgarden")
MIGRATION_NAMES: list[str] = []

Step = Callable[[Database], None]


def migration(step: Step) -> Step:
    """Register `step` under its function name, in `migrations` and in `MIGRATION_NAMES`."""
    MIGRATION_NAMES.append(step.__name__)
    return migrations(name=step.__name__)(step)


M001 = (
    """
CREATE TABLE notes (
    path TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
    mtime REAL NOT NULL,
    size INTEGER NOT NULL,
    title TEXT,
    deck TEXT,
    scanned TEXT NOT NULL,
    error TEXT
)
    """,
    """
CREATE TABLE cards (
    id TEXT PRIMARY KEY,
    note TEXT NOT NULL,
    rule TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('basic', 'reversed', 'cloze')),
    front TEXT NOT NULL,
    back TEXT NOT NULL,
    deck TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    line INTEGER NOT NULL,
    block_id TEXT,
    side INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    retired TEXT,
    rejected TEXT
)
    """,
    """
CREATE INDEX cards_note ON cards(note)
    """,
    """
CREATE TABLE card_state (
    card_id TEXT PRIMARY KEY REFERENCES cards(id),
    state TEXT NOT NULL DEFAULT 'new'
        CHECK (state IN ('new', 'learning', 'review', 'relearning')),
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due TEXT,
    last_review TEXT,
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    suspended INTEGER NOT NULL DEFAULT 0,
    buried_until TEXT
)
    """,
    """
CREATE INDEX card_state_due ON card_state(due)
    """,
    """
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    card_id TEXT NOT NULL REFERENCES cards(id),
    kind TEXT NOT NULL DEFAULT 'review' CHECK (kind IN ('review', 'undo', 'manual')),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 4),
    reviewed_at TEXT NOT NULL,
    duration_ms INTEGER,
    state_before TEXT NOT NULL,
    state_after TEXT NOT NULL,
    undoes INTEGER REFERENCES reviews(id)
)
    """,
    """
CREATE INDEX reviews_card ON reviews(card_id)
    """,
    """
CREATE INDEX reviews_time ON reviews(reviewed_at)
    """,
    """
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
    BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END
    """,
    """
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
    BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END
    """,
    """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)
    """,
)


@migration
def m001_initial(db: Database) -> None:
    # one statement at a time: executescript would commit the migration's transaction early
    for statement in M001:
        db.execute(statement)


@migration
def m002_review_queue_indexes(db: Database) -> None:
    """Indexes `quiz review` needs to start fast on 100,000 cards.

    cards(deck): new cards are read deck by deck in the order added, each deck stopping at
    its daily limit. card_state(state, due): due reviews and learning steps without walking
    the new cards (sync gives them a state row due at their creation). reviews(undoes): "was
    this rating undone?" for today's ratings without reading the whole log.
    """
    # one statement at a time: executescript would commit the migration's transaction early
    db.execute("CREATE INDEX IF NOT EXISTS cards_deck ON cards(deck)")
    db.execute("CREATE INDEX IF NOT EXISTS card_state_state_due ON card_state(state, due)")
    db.execute(
        "CREATE INDEX IF NOT EXISTS reviews_undoes ON reviews(undoes) WHERE undoes IS NOT NULL"
    )


@migration
def m003_card_confidence(db: Database) -> None:
    """cards.confidence: how sure the extractor is that a mined card is one (explicit cards 1).

    New cards are introduced highest confidence first, so the index leads with the deck the
    queue reads by. Cards stored before this step count as sure (1.0) until their note is read
    again, which the new rules fingerprint makes happen on the first sync.
    """
    db.execute("ALTER TABLE cards ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0")
    db.execute("CREATE INDEX IF NOT EXISTS cards_deck_confidence ON cards(deck, confidence DESC)")


SCHEMA_VERSION = len(MIGRATION_NAMES)
