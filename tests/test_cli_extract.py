"""`quiz extract`: JSON lines, warnings on stderr naming file and line, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from quizgarden.cli import app

runner = CliRunner()


def test_extract_json_has_the_documented_keys(sample_vault: Path) -> None:
    result = runner.invoke(app, ["extract", str(sample_vault), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) > 40
    keys = {"id", "type", "rule", "mined", "front", "back", "note", "line", "deck", "tags"}
    assert all(keys <= row.keys() for row in rows)
    assert {row["type"] for row in rows} == {"basic", "reversed", "cloze"}
    rules = {row["rule"] for row in rows}
    assert {"qa", "inline", "multiline", "cloze", "definition", "formula", "heading"} <= rules
    assert all(
        row["mined"] == (row["rule"] not in {"qa", "inline", "multiline", "cloze"}) for row in rows
    )
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    # notes are named relative to the path given, with POSIX separators
    assert all(not row["note"].startswith("/") for row in rows)
    assert not any(row["note"].startswith("daily/") for row in rows)  # quiz: false


def test_extract_lines_point_at_the_card_in_the_file(sample_vault: Path) -> None:
    result = runner.invoke(app, ["extract", str(sample_vault), "--json"])
    for row in map(json.loads, result.stdout.splitlines()):
        if row["rule"] == "qa":
            raw = (sample_vault / row["note"]).read_text(encoding="utf-8").splitlines()
            assert raw[row["line"] - 1].lstrip("-> ").startswith(("Q:", "Q："))


def test_extract_warns_with_file_and_line_and_still_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text(
        "---\ntitle: x\ncategories:\n\t-LLM\n---\nQ: 什么是 RoPE？\nA: 旋转位置编码。\n", "utf-8"
    )
    result = runner.invoke(app, ["extract", str(tmp_path), "--json"])
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines() == [
        "warning: bad.md:4: invalid frontmatter (found character that cannot start any "
        "token); read 1 simple keys"
    ]
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["front"] == "什么是 RoPE？" and row["line"] == 6


def test_extract_missing_path_fails_with_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'nope'}: no such file or folder\n"
    assert result.stdout == ""


def test_extract_table_output_lists_cards(sample_vault: Path) -> None:
    result = runner.invoke(app, ["extract", str(sample_vault / "transformer" / "kv-cache.md")])
    assert result.exit_code == 0
    assert "KV Cache" in result.stdout and "cards from 1 notes" in result.stdout


def test_quiz_help_runs_as_a_program() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "quizgarden", "--help"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0
    for command in ("extract", "init"):
        assert command in proc.stdout


def test_extract_with_nothing_readable_fails(tmp_path: Path) -> None:
    (tmp_path / "bin.md").write_bytes(b"\x00\x01binary")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    result = runner.invoke(app, ["extract", str(tmp_path), "--json"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "warning: bin.md:1: skipped: binary file",
        f"error: no readable notes in {tmp_path} (.md, .markdown, .txt, .qmd or .Rmd)",
    ]
    assert result.stdout == ""


def test_extract_a_relative_path_through_a_linked_folder(tmp_path: Path, monkeypatch) -> None:
    """As CI lays it out: `../shared/seeds` where `shared` is a link; the notes are still read."""
    real = tmp_path / "real" / "seeds"
    real.mkdir(parents=True)
    (real / "a.md").write_text("Q: What is a seed?\nA: A note kept as it was found.\n", "utf-8")
    work = tmp_path / "work" / "main"
    work.mkdir(parents=True)
    (tmp_path / "work" / "shared").symlink_to(tmp_path / "real")
    monkeypatch.chdir(work)
    result = runner.invoke(app, ["extract", "../shared/seeds", "--json"])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["front"] == "What is a seed?" and row["note"] == "a.md"


def test_extract_gives_each_card_of_a_note_its_own_id(tmp_path: Path) -> None:
    """Two cards whose fronts differ only in case ("In::", "in::") hash alike; the ids printed
    must still be unique within the note, as `sync` makes them."""
    (tmp_path / "cards.md").write_text(
        "#flashcards\n\nBonjour::hello in French\n\nbonjour::a greeting said in the morning\n",
        "utf-8",
    )
    result = runner.invoke(app, ["extract", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["front"] for row in rows] == ["Bonjour", "bonjour"]
    assert len({row["id"] for row in rows}) == 2
