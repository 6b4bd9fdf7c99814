"""Opening the collection: WAL, foreign keys, a busy timeout, and migrations with a backup first.

Every write goes through `write_transaction`, which takes SQLite's write lock up front
(BEGIN IMMEDIATE) so two processes queue instead of deadlocking halfway through.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from ..errors import CollectionError
from .migrations import SCHEMA_VERSION, migrations

BUSY_TIMEOUT_S = 10.0


def open_collection(path: Path | str, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the collection at `path` and bring its schema up to date."""
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", isolation_level=None)
    else:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            _enable_wal(conn)
        except sqlite3.Error as err:
            hint = " (another quiz command is using it; try again)" if "locked" in str(err) else ""
            raise CollectionError(f"cannot open the collection {path}: {err}{hint}") from err
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    db = Database(conn)
    try:
        _check_version(db, path)
        if migrate:
            _migrate(db, path)
    except sqlite3.DatabaseError as err:
        conn.close()
        raise CollectionError(f"{path} is not a usable quizgarden collection: {err}") from err
    return db


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL; the switch needs a moment alone with a new file, so wait for it."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _check_version(db: Database, path: Path | str) -> None:
    known = {m.name for m in migrations._migrations}
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if unknown or version > SCHEMA_VERSION:
        raise CollectionError(
            f"{path} was written by a newer quizgarden (schema {version}, this is "
            f"{SCHEMA_VERSION}); upgrade quizgarden to open it"
        )


def _migrate(db: Database, path: Path | str) -> None:
    if not migrations.pending(db):
        return
    if isinstance(path, Path) and db.table_names():
        # a copy before anything changes; taken outside the lock, as SQLite's backup needs
        version = db.execute("PRAGMA user_version").fetchone()[0]
        dest = sqlite3.connect(path.with_name(f"{path.name}.bak-v{version}"))
        with dest:
            db.conn.backup(dest)
        dest.close()
    # under the write lock: two processes opening a new collection must not both migrate
    with write_transaction(db):
        if migrations.pending(db):
            migrations.apply(db)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One all-or-nothing write: BEGIN IMMEDIATE, COMMIT on success, ROLLBACK on any error."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as err:
        raise CollectionError(
            f"the collection is busy (another quiz command is writing to it): {err}"
        ) from err
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    else:
        db.execute("COMMIT")
