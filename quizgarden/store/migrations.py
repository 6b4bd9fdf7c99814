"""Numbered schema steps. Append new steps at the end; never edit one that has shipped."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("quizgarden")


@migrations(name="m001_initial")
def m001_initial(db: Database) -> None:
    db.executescript(
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
        );
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
        );
        CREATE INDEX cards_note ON cards(note);
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
        );
        CREATE INDEX card_state_due ON card_state(due);
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
        );
        CREATE INDEX reviews_card ON reviews(card_id);
        CREATE INDEX reviews_time ON reviews(reviewed_at);
        CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
            BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
        CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
            BEGIN SELECT RAISE(ABORT, 'the review log is append-only'); END;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """
    )


SCHEMA_VERSION = len(migrations._migrations)
