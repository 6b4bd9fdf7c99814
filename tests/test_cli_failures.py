"""Every failure is one `error: …` line and exit 1, and nothing is lost.

Damaged, read-only and full collections, unwritable vaults and odd inputs are made for real
(file bytes, permissions, `ulimit -f`) and `quiz` runs in its own process, as a user runs it.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgarden.cli import app

from conftest import copy_sample_vault

runner = CliRunner()
NOW = "2025-03-01T12:00:00+00:00"


def unprivileged() -> list[str]:
    """A command prefix that makes file permissions count, even for root (as in CI)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:  # pragma: no cover - util-linux is everywhere we run
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


def quiz(
    *args: str | Path, prefix: list[str] | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `quiz` in a new process and wait for it."""
    environment = {**os.environ, "QUIZGARDEN_NOW": NOW, **(env or {})}
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "quizgarden", *map(str, args)],
        capture_output=True,
        text=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def assert_one_error_line(proc: subprocess.CompletedProcess[str], *parts: str) -> None:
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("error: ") and proc.stderr.count("\n") == 1, proc.stderr
    for part in parts:
        assert part in proc.stderr


def make_vault(root: Path, notes: int = 5, cards: int = 3) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(notes):
        body = "\n".join(f"Q: Question {k} of note {i}?\nA: Answer {k}.\n" for k in range(cards))
        (root / f"n{i}.md").write_text(f"# Note {i}\n\n{body}", encoding="utf-8")
    return root


def dump(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT * FROM cards ORDER BY id").fetchall()
        rows += conn.execute("SELECT * FROM card_state ORDER BY card_id").fetchall()
        return rows + conn.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    finally:
        conn.close()


@pytest.fixture
def synced(tmp_path: Path) -> tuple[Path, Path]:
    """A small vault and its collection, synced once."""
    vault, db = make_vault(tmp_path / "vault"), tmp_path / "c.db"
    proc = quiz("sync", vault, "--db", db)
    assert proc.returncode == 0, proc.stderr
    return vault, db


def test_a_corrupted_page_is_one_line_for_every_command(synced: tuple[Path, Path]) -> None:
    vault, db = synced
    conn = sqlite3.connect(db)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'cards'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as file:  # the table's root page turns to noise; the header is intact
        file.seek((root - 1) * size)
        file.write(b"\xa5" * size)
    (vault / "new.md").write_text("Q: New?\nA: Yes\n", encoding="utf-8")
    for command in ("sync", "cards", "stats", "export", "review"):
        proc = quiz(command, vault, "--db", db)
        assert_one_error_line(proc, f"the collection {db} is damaged", "malformed")


def test_a_read_only_collection_is_one_line_and_unchanged(synced: tuple[Path, Path]) -> None:
    vault, db = synced
    before = dump(db)
    db.chmod(0o444)
    (vault / "new.md").write_text("Q: New?\nA: Yes\n", encoding="utf-8")
    proc = quiz("sync", vault, "--db", db, prefix=unprivileged())
    assert_one_error_line(proc, f"cannot write the collection {db}", "readonly", "permissions")
    listed = quiz("cards", vault, "--db", db, "--json", prefix=unprivileged())
    assert listed.returncode == 0, listed.stderr  # reading still works
    assert len(listed.stdout.splitlines()) == 15
    db.chmod(0o644)
    assert dump(db) == before


def test_a_full_disk_is_one_line_and_loses_nothing(synced: tuple[Path, Path]) -> None:
    vault, db = synced
    before = dump(db)
    long = "x" * 2000
    body = "\n".join(f"Q: Big question {k}?\nA: {long} {k}\n" for k in range(300))
    (vault / "big.md").write_text(body, encoding="utf-8")
    limit_kb = db.stat().st_size // 1024 + 16  # the WAL grows past this long before the commit
    proc = quiz(
        "sync", vault, "--db", db, prefix=["bash", "-c", f'ulimit -f {limit_kb} && "$@"', "-"]
    )
    assert_one_error_line(proc, f"cannot write the collection {db}", "disk full")
    assert dump(db) == before
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    again = quiz("sync", vault, "--db", db, "--json")  # with room again, the sync completes
    assert again.returncode == 0 and json.loads(again.stdout)["cards_new"] == 300


def test_an_unwritable_vault_is_one_line(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "vault")
    vault.chmod(0o555)
    env = {k: v for k, v in os.environ.items() if k != "QUIZGARDEN_DB"}  # the default: inside
    try:
        proc = subprocess.run(
            [*unprivileged(), sys.executable, "-m", "quizgarden", "sync", str(vault)],
            capture_output=True, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip
        assert_one_error_line(proc, f"cannot create {vault / '.quizgarden'}", "--db FILE")
        setting = quiz("config", vault, "--set", "new_per_day", "5", prefix=unprivileged())
        assert_one_error_line(setting, "cannot write", "settings.toml")
    finally:
        vault.chmod(0o755)
    assert not (vault / ".quizgarden").exists()


def test_sync_of_a_note_file_is_an_error(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "vault")
    result = runner.invoke(app, ["sync", str(vault / "n0.md")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {vault / 'n0.md'} is a file, not a vault (a folder of notes); "
        "`quiz extract FILE` shows the cards of one note\n"
    )
    assert not (vault / "n0.md.quizgarden").exists() and not (vault / ".quizgarden").exists()


@pytest.mark.parametrize(
    "command",
    [
        ["sync"], ["cards"], ["review"], ["stats"], ["optimize"], ["export"], ["config"],
        ["config", "--set", "new_per_day", "5"],
    ],
)  # fmt: skip
def test_a_vault_that_does_not_exist_is_an_error_and_nothing_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.delenv("QUIZGARDEN_DB")
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "unmounted" / "Vault"
    result = runner.invoke(app, [command[0], str(missing), *command[1:]])
    assert result.exit_code == 1
    assert result.stderr == f"error: the vault {missing} does not exist; check the path\n"
    assert list(tmp_path.iterdir()) == []


def test_a_remembered_vault_that_is_gone_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = make_vault(tmp_path / "vault")
    assert runner.invoke(app, ["init", str(vault)]).exit_code == 0
    shutil.rmtree(vault)
    result = runner.invoke(app, ["sync"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: the vault {vault.resolve()} (the vault saved by")
    assert not vault.exists()


@pytest.mark.parametrize("command", [["sync"], ["review"], ["stats"], ["cards", "--due"]])
def test_a_clock_past_the_calendar_is_one_line(
    synced: tuple[Path, Path], command: list[str]
) -> None:
    vault, db = synced
    proc = quiz(*command, vault, "--db", db, env={"QUIZGARDEN_NOW": "9999-12-31"})
    assert_one_error_line(
        proc, "QUIZGARDEN_NOW='9999-12-31' is out of range: use a date in the years 1970-9000"
    )


def test_a_config_file_holding_a_list_is_one_line(tmp_path: Path) -> None:
    config = Path(os.environ["QUIZGARDEN_CONFIG_DIR"])
    config.mkdir(parents=True)
    (config / "config.json").write_text("[1, 2]\n", encoding="utf-8")
    result = runner.invoke(app, ["sync"])
    assert result.exit_code == 1
    assert result.stderr == (
        f'error: {config / "config.json"}: expected an object like {{"vault": "/path/to/vault"}}; '
        "delete it or run `quiz init` again\n"
    )
    vault = make_vault(tmp_path / "vault")  # `quiz init` repairs it
    assert runner.invoke(app, ["init", str(vault)]).exit_code == 0
    assert json.loads((config / "config.json").read_text("utf-8")) == {"vault": str(vault)}


def test_a_file_name_that_is_not_utf8_is_skipped_and_the_rest_synced(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "vault", notes=2)
    latin1 = os.fsdecode(b"caf\xe9.md")
    (vault / latin1).write_text("Q: Caf\u00e9?\nA: Coffee\n", encoding="utf-8")
    proc = quiz("sync", vault, "--db", tmp_path / "c.db", "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["cards_new"] == 6 and report["notes_failed"] == 1
    assert report["notes_scanned"] == 3
    warning = r"warning: caf\xe9.md:1: skipped: the file name is not valid UTF-8; rename the file"
    assert proc.stderr == warning + "\n"
    extracted = quiz("extract", vault, "--json")
    assert extracted.returncode == 0 and len(extracted.stdout.splitlines()) == 6
    assert extracted.stderr == warning + "\n"


def test_review_without_any_stdin_ends_at_once(synced: tuple[Path, Path]) -> None:
    vault, db = synced  # as in CI: stdin closed, not even /dev/null
    proc = quiz("review", vault, "--db", db, prefix=["bash", "-c", '"$@" <&-', "-"])
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert "Due tomorrow" in proc.stdout


def test_the_sample_vault_copy_leaves_out_a_collection_left_by_the_quick_start(
    tmp_path: Path,
) -> None:
    notes = make_vault(tmp_path / "repo" / "notes", notes=1)
    (notes / ".quizgarden").mkdir()
    (notes / ".quizgarden" / "collection.db").write_bytes(b"left by `quiz sync notes`")
    copy = copy_sample_vault(notes, tmp_path / "vault")
    assert sorted(p.name for p in copy.iterdir()) == ["n0.md"]


@pytest.mark.parametrize("how", ["--db", "QUIZGARDEN_DB"])
@pytest.mark.parametrize("web", [False, True])
def test_review_of_a_read_only_collection_refuses_before_the_first_card(
    synced: tuple[Path, Path], how: str, web: bool
) -> None:
    vault, db = synced
    before = dump(db)
    db.chmod(0o444)
    where = ["--db", str(db)] if how == "--db" else []
    env = {"QUIZGARDEN_DB": str(db)} if how == "QUIZGARDEN_DB" else {}
    flags = ["--web", "--no-open"] if web else []
    proc = quiz("review", vault, *where, *flags, prefix=unprivileged(), env=env)
    assert_one_error_line(proc, f"cannot write the collection {db}", "readonly")
    assert "Question" not in proc.stdout and "http" not in proc.stdout  # no card, no server
    db.chmod(0o644)
    assert dump(db) == before


@pytest.mark.parametrize("how", ["--db", "QUIZGARDEN_DB"])
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_device_as_the_collection_is_refused(tmp_path: Path, how: str, kind: str) -> None:
    vault, db = make_vault(tmp_path / "vault"), tmp_path / "c.db"
    if kind == "fifo":
        os.mkfifo(db)
    else:
        db.symlink_to("/dev/null")
    where = ["--db", str(db)] if how == "--db" else []
    env = {"QUIZGARDEN_DB": str(db)} if how == "QUIZGARDEN_DB" else {}
    for command in ("sync", "cards"):
        proc = quiz(command, vault, *where, env=env)
        assert_one_error_line(proc, f"{db} is not a quizgarden collection (not a regular file)")
    assert not list(tmp_path.glob("c.db?*"))  # no -wal, -shm or backup beside it
