"""Opening the collection: WAL, foreign keys, a busy timeout, and migrations with a backup first.

Every write goes through `write_transaction`, which takes SQLite's write lock up front
(BEGIN IMMEDIATE) so two processes queue instead of deadlocking halfway through.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from ..errors import CollectionError
from .migrations import MIGRATION_NAMES, SCHEMA_VERSION, migrations

MIGRATIONS_TABLE = migrations.migrations_table

BUSY_TIMEOUT_S = 10.0
_SQLITE_MAGIC = b"SQLite format 3\x00"


def open_collection(path: Path | str, *, migrate: bool = True) -> Database:
    """Open (creating if needed) the collection at `path` and bring its schema up to date.

    An existing file that is not a quizgarden collection is refused before anything is written
    to it or beside it (no WAL switch, no -wal file, no backup).
    """
    if str(path) == ":memory:":
        conn = sqlite3.connect(":memory:", isolation_level=None)
    else:
        path = Path(path)
        if path.exists() and not path.is_file():  # never open a FIFO or a device
            raise CollectionError(
                f"{path} is not a quizgarden collection (not a regular file); nothing was "
                "written. Pass --db with a new file name or an existing collection"
            )
        if path.is_file() and path.stat().st_size > 0:
            _refuse_foreign(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise CollectionError(
                f"cannot create {path.parent} for the collection: {err.strerror or err}; "
                "pass --db FILE to keep the collection elsewhere"
            ) from err
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except sqlite3.Error as err:
            raise collection_error(path, err) from err
        try:
            _enable_wal(conn)
        except sqlite3.Error as err:
            conn.close()
            raise collection_error(path, err) from err
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=NORMAL")
    db = Database(conn)
    try:
        _check_version(db, path)
        if migrate:
            _migrate(db, path)
    except (sqlite3.Error, OSError) as err:
        conn.close()
        if isinstance(err, OSError):
            raise CollectionError(f"cannot back up {path} before upgrading it: {err}") from err
        raise collection_error(path, err) from err
    except CollectionError:
        conn.close()
        raise
    return db


def check_writable(db: Database, path: Path | str) -> None:
    """Raise the one-line `CollectionError` now if the collection cannot be written.

    Why: a command that shows something before its first write (`quiz review` shows a card,
    then saves the rating) should refuse at the start, not after the user has answered. A
    statement that would write nothing still needs the write lock, so SQLite refuses it on a
    read-only file; the transaction is rolled back, so nothing changes.
    """
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM meta WHERE 0")
        finally:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
    except sqlite3.Error as err:
        raise collection_error(path, err) from err


def collection_error(path: Path | str, err: sqlite3.Error) -> CollectionError:
    """One line saying what went wrong with the collection file, and what to do about it."""
    text = str(err)
    if "malformed" in text or "not a database" in text:
        return CollectionError(
            f"the collection {path} is damaged ({text}); restore a copy of it, or move it "
            "away and run `quiz sync` to start a new one"
        )
    if "readonly" in text or "read-only" in text:
        return CollectionError(
            f"cannot write the collection {path} ({text}); check the permissions of the file "
            "and its folder (nothing was changed)"
        )
    if "full" in text or "I/O error" in text:
        return CollectionError(
            f"cannot write the collection {path} ({text}); is the disk full? (nothing was changed)"
        )
    if "locked" in text or "busy" in text:
        return CollectionError(
            f"the collection {path} is busy (another quiz command is using it): {text}; try again"
        )
    return CollectionError(f"cannot use the collection {path}: {text}")


@contextmanager
def collection_errors(path: Path | str) -> Iterator[None]:
    """Turn any SQLite failure while using the collection into one `CollectionError`."""
    try:
        yield
    except sqlite3.Error as err:
        raise collection_error(path, err) from err


def _refuse_foreign(path: Path) -> None:
    """Refuse a file that is not a quizgarden collection, reading it without writing anything."""
    with path.open("rb") as file:
        magic = file.read(len(_SQLITE_MAGIC))
    if magic != _SQLITE_MAGIC:
        raise CollectionError(
            f"{path} is not a quizgarden collection (not an SQLite file); nothing was written. "
            "Pass --db with a new file name or an existing collection"
        )
    # immutable: no locks, no -wal or -shm files made beside it
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            ours = (
                MIGRATIONS_TABLE in tables
                and conn.execute(
                    f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", [migrations.name]
                ).fetchone()
            )
        finally:
            conn.close()
    except sqlite3.Error as err:
        raise collection_error(path, err) from err
    if tables and not ours:
        shown = ", ".join(sorted(tables)[:5])
        raise CollectionError(
            f"{path} is not a quizgarden collection (it holds {shown}); nothing was written. "
            "Pass --db with a new file name or an existing collection"
        )


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
    known = set(MIGRATION_NAMES)
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise CollectionError(
            f"{path} was written by a newer quizgarden (schema {version}, this is "
            f"{SCHEMA_VERSION}); upgrade quizgarden to open it"
        )
    if unknown:
        raise CollectionError(
            f"{path} has schema steps this quizgarden does not know ({', '.join(unknown)}): "
            "it was written by a newer or a different version; upgrade quizgarden to open it"
        )


def _migrate(db: Database, path: Path | str) -> None:
    if not migrations.pending(db):
        return
    if isinstance(path, Path) and db.table_names():
        # a copy before anything changes; taken outside the lock, as SQLite's backup needs
        version = db.execute("PRAGMA user_version").fetchone()[0]
        _backup(db, path, path.with_name(f"{path.name}.bak-v{version}"))
    # under the write lock: two processes opening a new collection must not both migrate
    with write_transaction(db):
        if migrations.pending(db):
            migrations.apply(db)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def _backup(db: Database, path: Path, dest: Path) -> None:
    """Copy the collection to `dest`, readable by no one who cannot read the collection."""
    mode = stat.S_IMODE(path.stat().st_mode)
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    os.close(fd)
    os.chmod(dest, mode)  # the umask may have taken bits away; never adds any beyond `mode`
    target = sqlite3.connect(dest)
    try:
        with target:
            db.conn.backup(target)
    finally:
        target.close()
    os.chmod(dest, mode)


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One all-or-nothing write: BEGIN IMMEDIATE, COMMIT on success, ROLLBACK on any error."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as err:
        if "locked" not in str(err) and "busy" not in str(err):
            raise
        raise CollectionError(
            f"the collection is busy (another quiz command is writing to it): {err}"
        ) from err
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O)
            db.execute("ROLLBACK")
        raise
    else:
        db.execute("COMMIT")
