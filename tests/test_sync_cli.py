"""`quiz sync` and `quiz cards` through the real typer app."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.store.db import open_collection
from quizgarden.store.queries import (
    card_from_row,
    card_to_row,
    from_iso,
    list_cards,
    state_from_row,
    state_to_row,
    to_iso,
)

T0 = "2025-03-01T08:00:00+00:00"
EXTRACT_KEYS = {
    "id", "type", "rule", "mined", "front", "back", "note", "line", "deck", "tags", "block_id",
    "side",
}  # fmt: skip
STATE_KEYS = {"due", "stability", "difficulty", "reps", "lapses", "retired", "state"}


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "Vault"
    (root / "lang" / "french").mkdir(parents=True)
    (root / "science").mkdir()
    (root / "lang" / "french" / "words.md").write_text(
        "---\ntags: [vocab]\n---\n# Words\n\n- chien::dog\n- chat::cat\n", encoding="utf-8"
    )
    (root / "lang" / "grammar.md").write_text(
        "Q: What is the plural of cheval?\nA: chevaux\n", encoding="utf-8"
    )
    (root / "science" / "cells.md").write_text(
        "# Cells #biology/cells\n\nQ: What makes ATP?\nA: Mitochondria\n", encoding="utf-8"
    )
    return root


def run(*args: str | Path, now: str = T0):
    return CliRunner().invoke(app, [str(a) for a in args], env={"QUIZGARDEN_NOW": now})


def test_sync_prints_a_summary_then_skips_unchanged_notes(vault: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    first = run("sync", vault, "--db", db)
    assert first.exit_code == 0, first.output
    assert "3 scanned" in first.stdout and "4 new" in first.stdout
    assert first.stderr == ""
    second = run("sync", vault, "--db", db, "--json")
    assert second.exit_code == 0
    lines = second.stdout.splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert report["notes_scanned"] == 3 and report["notes_changed"] == 0
    assert report["notes_skipped"] == 3 and report["cards_new"] == 0
    assert report["problems"] == []


def test_sync_warns_on_stderr_one_line_per_problem(vault: Path, tmp_path: Path) -> None:
    (vault / "broken.md").write_bytes(b"\x00\x00binary")
    result = run("sync", vault, "--db", tmp_path / "c.db", "--json")
    assert result.exit_code == 0
    assert result.stderr == "warning: broken.md:1: skipped: binary file\n"
    report = json.loads(result.stdout)
    assert report["notes_failed"] == 1
    assert report["problems"] == [
        {"path": "broken.md", "line": 1, "message": "skipped: binary file"}
    ]


def test_sync_of_a_missing_vault_is_one_error_line(tmp_path: Path) -> None:
    result = run("sync", tmp_path / "nope", "--db", tmp_path / "c.db")
    assert result.exit_code == 1
    assert result.stderr == f"error: the vault {tmp_path / 'nope'} does not exist; check the path\n"
    assert not (tmp_path / "c.db").exists()  # nothing was created


def test_default_collection_lives_inside_the_vault(vault: Path, monkeypatch) -> None:
    monkeypatch.delenv("QUIZGARDEN_DB", raising=False)
    assert run("sync", vault).exit_code == 0
    assert (vault / ".quizgarden" / "collection.db").is_file()
    result = run("cards", vault, "--json")
    assert len(result.stdout.splitlines()) == 4


def test_cards_json_has_the_extract_keys_plus_the_schedule(vault: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("sync", vault, "--db", db)
    result = run("cards", vault, "--db", db, "--json")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4
    for row in rows:
        assert set(row) >= EXTRACT_KEYS | STATE_KEYS
        assert row["state"] == "new" and row["reps"] == 0 and row["retired"] is None
        assert row["due"] == T0
    words = {r["front"]: r for r in rows}
    assert words["chien"]["deck"] == "lang::french" and words["chien"]["tags"] == ["vocab"]
    assert words["What makes ATP?"]["note"] == "science/cells.md"


def test_cards_filters_by_deck_tag_and_due(vault: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    run("sync", vault, "--db", db)

    def fronts(*args: str) -> list[str]:
        result = run("cards", vault, "--db", db, "--json", *args)
        assert result.exit_code == 0, result.output
        return [json.loads(line)["front"] for line in result.stdout.splitlines()]

    assert fronts("--deck", "lang") == ["chien", "chat", "What is the plural of cheval?"]
    assert fronts("--deck", "lang::french") == ["chien", "chat"]
    assert fronts("--deck", "FRENCH") == ["chien", "chat"]  # any case, any whole segment
    assert fronts("--tag", "vocab") == ["chien", "chat"]
    assert fronts("--tag", "#biology") == ["What makes ATP?"]  # nested tag biology/cells
    assert fronts("--tag", "Cells") == ["What makes ATP?"]  # a segment of biology/cells
    for option, value, listed in (("--deck", "lan", "lang::french"), ("--tag", "cell", "vocab")):
        result = run("cards", vault, "--db", db, option, value)  # a part of a name is no match
        assert result.exit_code == 1
        assert f"no {option[2:]} matches {option} '{value}'" in result.stderr
        assert listed in result.stderr
    collection = open_collection(db)
    chien = next(c for c, _ in list_cards(collection) if c.front == "chien")
    later = (datetime(2025, 3, 1, 8, tzinfo=UTC) + timedelta(days=3)).isoformat()
    collection.execute("UPDATE card_state SET due = ? WHERE card_id = ?", [later, chien.id])
    collection.close()
    assert "chien" not in fronts("--due")
    assert len(fronts("--due")) == 3


def test_cards_table_shows_text_verbatim(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "m.md").write_text("Q: Is [b] bold?\nA: [red]x[/]\n", "utf-8")
    db = tmp_path / "c.db"
    run("sync", vault, "--db", db)
    result = run("cards", vault, "--db", db)
    assert result.exit_code == 0
    assert "Is [b] bold?" in result.stdout
    assert "[red]x[/]" in result.stdout
    assert "1 cards" in result.stdout


def test_cards_without_a_collection_says_to_sync_first(vault: Path, tmp_path: Path) -> None:
    result = run("cards", vault, "--db", tmp_path / "missing.db")
    assert result.exit_code == 1
    assert "run `quiz sync` first" in result.stderr
    assert not (tmp_path / "missing.db").exists()


def test_card_and_state_rows_round_trip(vault: Path, tmp_path: Path) -> None:
    collection = open_collection(tmp_path / "c.db")
    from quizgarden.store.sync import sync_vault

    sync_vault(collection, vault, now=datetime(2025, 3, 1, tzinfo=UTC))
    for card, state in list_cards(collection):
        assert card_from_row(card_to_row(card)) == card
        assert state_from_row(state_to_row(state)) == state
    moment = datetime(2025, 3, 1, 8, 30, 15, 123456, tzinfo=UTC)
    assert from_iso(to_iso(moment)) == moment
    assert to_iso(datetime(2025, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))) == T0


def test_separators_from_settings_apply_to_extract_and_resync_every_note(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "a.md").write_text("RoPE;;rotary position embedding\nKV::cache\n", "utf-8")
    db = tmp_path / "c.db"
    first = run("sync", vault, "--db", db, "--json")
    assert json.loads(first.stdout)["cards_new"] == 1  # only `KV::cache` with the defaults
    assert run("config", vault, "--set", "extract.inline", ";;").exit_code == 0
    extracted = run("extract", vault, "--json")
    assert [json.loads(line)["front"] for line in extracted.stdout.splitlines()] == ["RoPE"]
    # the file did not change, but the syntax did: the note is read again
    second = json.loads(run("sync", vault, "--db", db, "--json").stdout)
    assert (second["notes_changed"], second["cards_new"], second["cards_retired"]) == (1, 1, 1)
    third = json.loads(run("sync", vault, "--db", db, "--json").stdout)
    assert (third["notes_changed"], third["notes_skipped"]) == (0, 1)
    shown = run("config", vault, "--get", "extract.inline", "--json")
    assert json.loads(shown.stdout)["value"] == ";;"
