"""`quiz init VAULT` makes every later command work on VAULT from anywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgarden.cli import app

runner = CliRunner()


def test_init_then_commands_without_a_vault_argument(
    sample_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QUIZGARDEN_DB")  # the collection goes inside the remembered vault
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = runner.invoke(app, ["init", str(sample_vault)])
    assert result.exit_code == 0, result.output
    assert str(sample_vault.resolve()) in result.stdout
    synced = runner.invoke(app, ["sync", "--json"])
    assert synced.exit_code == 0, synced.output
    assert json.loads(synced.stdout)["cards_new"] > 40
    assert (sample_vault / ".quizgarden" / "collection.db").is_file()
    listed = runner.invoke(app, ["cards", "--json", "--deck", "rag"])
    assert listed.exit_code == 0
    assert {json.loads(line)["deck"] for line in listed.stdout.splitlines()} == {"rag"}
    extracted = runner.invoke(app, ["extract", "--json"])
    assert len(extracted.stdout.splitlines()) == json.loads(synced.stdout)["cards_new"]


def test_init_refuses_a_missing_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'nope'} is not a folder\n"


def test_without_init_the_current_folder_is_the_vault(
    sample_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(sample_vault / "rag")
    result = runner.invoke(app, ["extract", "--json"])
    assert result.exit_code == 0
    assert {json.loads(line)["note"] for line in result.stdout.splitlines()} == {
        "rag-basics.md", "向量检索.md",
    }  # fmt: skip
