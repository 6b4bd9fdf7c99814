"""The collection under stress: two syncs at once, a sync killed midway, schema versions."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Migrations

from quizgarden.errors import CollectionError
from quizgarden.store import db as store_db
from quizgarden.store import migrations as migrations_module
from quizgarden.store.db import open_collection
from quizgarden.store.migrations import MIGRATION_NAMES, SCHEMA_VERSION, migrations
from quizgarden.store.sync import sync_vault

NOW = datetime(2025, 3, 1, tzinfo=UTC)


def make_vault(root: Path, notes: int, *, answer: str = "answer") -> None:
    for i in range(notes):
        folder = root / f"topic{i % 20}"
        folder.mkdir(parents=True, exist_ok=True)
        cards = "\n".join(
            f"Q: Question {k} of note {i}?\nA: The {answer} {k} for note {i}.\n" for k in range(3)
        )
        (folder / f"n{i:05d}.md").write_text(f"# Note {i}\n\n{cards}", encoding="utf-8")


def quiz(*args: str | Path) -> subprocess.Popen:
    env = {**os.environ, "QUIZGARDEN_NOW": NOW.isoformat()}
    return subprocess.Popen(
        [sys.executable, "-m", "quizgarden", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def dump(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT * FROM cards ORDER BY id").fetchall()
        rows += conn.execute("SELECT * FROM card_state ORDER BY card_id").fetchall()
        rows += conn.execute("SELECT * FROM notes ORDER BY path").fetchall()
        return rows
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("fresh", [False, True], ids=["existing collection", "new collection"])
def test_two_syncs_at_once_leave_one_consistent_collection(tmp_path: Path, fresh: bool) -> None:
    vault, path = tmp_path / "vault", tmp_path / "c.db"
    make_vault(vault, 300)
    if not fresh:
        open_collection(path).close()
    procs = [quiz("sync", vault, "--db", path, "--json") for _ in range(2)]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    for code, _out, err in results:
        # each either succeeded or failed with one clear line (never a traceback)
        assert code in (0, 1), err
        assert "Traceback" not in err
        if code == 1:
            assert err.startswith("error: ") and err.count("\n") == 1 and "busy" in err
    assert any(code == 0 for code, _, _ in results)
    reports = [json.loads(out) for code, out, _ in results if code == 0]
    assert sum(r["cards_new"] for r in reports) == 900
    assert integrity(path) == "ok"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*), count(DISTINCT front) FROM cards").fetchone() == (
        900,
        900,
    )
    assert conn.execute("SELECT count(*) FROM card_state").fetchone()[0] == 900
    conn.close()


def test_sync_killed_midway_leaves_the_previous_state(tmp_path: Path) -> None:
    vault, path = tmp_path / "vault", tmp_path / "c.db"
    make_vault(vault, 2500)
    db = open_collection(path)
    sync_vault(db, vault, now=NOW)
    db.close()
    before = dump(path)
    assert len(before) > 2500 * 6

    make_vault(vault, 2500, answer="edited answer")  # every note changed: a long transaction
    (vault / "extra.md").write_text("Q: One more?\nA: Yes\n", encoding="utf-8")
    proc = quiz("sync", vault, "--db", path)
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    locked = False
    deadline = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
        except sqlite3.OperationalError:  # the sync holds the write lock: kill it right now
            os.kill(proc.pid, signal.SIGKILL)
            locked = True
            break
        time.sleep(0.002)
    probe.close()
    proc.wait(timeout=30)
    proc.communicate()
    assert locked, "the sync finished before it could be killed inside its transaction"
    assert proc.returncode == -signal.SIGKILL

    assert integrity(path) == "ok"
    assert dump(path) == before
    # and the next sync completes the work
    db = open_collection(path)
    report = sync_vault(db, vault, now=NOW)
    assert report.notes_changed == 2501 and report.cards_new == 1
    assert report.cards_updated == 7500
    db.close()


def test_collection_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    open_collection(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(CollectionError, match="newer quizgarden") as caught:
        open_collection(path)
    assert "upgrade quizgarden" in str(caught.value)
    (tmp_path / "vault").mkdir()
    proc = quiz("sync", tmp_path / "vault", "--db", path)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert err.startswith("error: ") and "newer quizgarden" in err and err.count("\n") == 1


def with_extra_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the code one schema step newer than the collections written so far."""

    def m999_test_extra(db) -> None:
        db.execute("CREATE TABLE extra (x INTEGER)")

    newer = Migrations("quizgarden")
    for name in MIGRATION_NAMES:
        newer(name=name)(getattr(migrations_module, name))
    newer(name="m999_test_extra")(m999_test_extra)
    monkeypatch.setattr(store_db, "migrations", newer)
    monkeypatch.setattr(store_db, "MIGRATION_NAMES", [*MIGRATION_NAMES, "m999_test_extra"])
    monkeypatch.setattr(store_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)


def test_backup_is_written_before_a_migration(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "c.db"
    vault = tmp_path / "vault"
    make_vault(vault, 3)
    db = open_collection(path)
    sync_vault(db, vault, now=NOW)
    db.close()
    before = dump(path)
    path.chmod(0o600)

    with_extra_step(monkeypatch)
    db = open_collection(path)
    assert "extra" in db.table_names()
    db.close()

    backup = path.with_name(f"{path.name}.bak-v{SCHEMA_VERSION}")
    assert backup.is_file()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600  # as private as the collection
    assert dump(backup) == before
    old = sqlite3.connect(backup)
    assert "extra" not in {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
    old.close()


def test_an_unknown_schema_step_says_what_is_wrong(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "c.db"
    with_extra_step(monkeypatch)
    open_collection(path).close()
    monkeypatch.undo()
    conn = sqlite3.connect(path)  # a newer quizgarden's step, at this code's version number
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.close()
    with pytest.raises(CollectionError) as caught:
        open_collection(path)
    assert str(caught.value) == (
        f"{path} has schema steps this quizgarden does not know (m999_test_extra): it was "
        "written by a newer or a different version; upgrade quizgarden to open it"
    )


def test_the_schema_steps_are_listed_in_order() -> None:
    fresh = open_collection(":memory:", migrate=False)
    assert [m.name for m in migrations.pending(fresh)] == MIGRATION_NAMES
    assert SCHEMA_VERSION == len(MIGRATION_NAMES) == 3
    fresh.close()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"# my notes\n", "not an SQLite file"),
        (None, "it holds photos"),
    ],
)
def test_a_file_that_is_not_a_collection_is_refused_untouched(
    tmp_path: Path, content: bytes | None, why: str
) -> None:
    target = tmp_path / "mine.db"
    if content is None:
        conn = sqlite3.connect(target)  # someone else's database, in rollback-journal mode
        conn.execute("CREATE TABLE photos (id INTEGER)")
        conn.commit()
        conn.close()
    else:
        target.write_bytes(content)
    before = target.read_bytes()
    vault = tmp_path / "vault"
    make_vault(vault, 1)
    proc = quiz("sync", vault, "--db", target)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert err == (
        f"error: {target} is not a quizgarden collection ({why}); nothing was written. "
        "Pass --db with a new file name or an existing collection\n"
    )
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.db", "vault"]
