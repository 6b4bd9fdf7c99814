"""`quiz export` end to end: sync a small vault, export it, import the package into Anki."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgarden.cli import app

anki_collection = pytest.importorskip("anki.collection")
from anki import import_export_pb2  # noqa: E402

NOTE = """\
---
tags: [biology, cell parts]
---
Q: What is a cell?
A: The unit of life ![](pic.png)

Mitochondrion:::Powerhouse

The {{c1::nucleus}} holds {{c2::DNA}}.

Q: Where is it?
A: ![[gone.png]]
"""


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZGARDEN_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("QUIZGARDEN_DB", str(tmp_path / "collection.db"))
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "Garden"
    (root / ".obsidian").mkdir(parents=True)
    (root / "Bio").mkdir()
    (root / "Bio" / "cells.md").write_text(NOTE, encoding="utf-8")
    (root / "Bio" / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\nfake")
    (root / "Chem").mkdir()
    (root / "Chem" / "acids.md").write_text("Q: pH of water?\nA: 7\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["sync", str(root)])
    assert result.exit_code == 0, result.output
    return root


def import_into_fresh(tmp_path: Path, package: Path) -> anki_collection.Collection:
    folder = tmp_path / "anki"
    folder.mkdir(exist_ok=True)
    col = anki_collection.Collection(str(folder / f"{package.stem}.anki2"))
    request = import_export_pb2.ImportAnkiPackageRequest(
        package_path=str(package), options=import_export_pb2.ImportAnkiPackageOptions()
    )
    col.import_anki_package(request)
    return col


def test_export_writes_default_package_and_summary(tmp_path: Path, vault: Path) -> None:
    result = CliRunner().invoke(app, ["export", str(vault)])
    assert result.exit_code == 0, result.output
    package = tmp_path / "decks" / "Garden.apkg"
    assert result.stdout.splitlines() == [
        f"Wrote {package}",
        "6 notes, 7 cards, 1 media files, 0 cards left out, 1 warnings",
    ]
    assert result.stderr == "warning: Bio/cells.md:11: image not found in the vault: gone.png\n"
    col = import_into_fresh(tmp_path, package)
    assert (col.note_count(), col.card_count()) == (6, 7)
    assert sorted(col.decks.all_names()) == ["Bio", "Chem", "Default"]
    assert (Path(col.media.dir()) / "pic.png").exists()
    note = col.get_note(col.find_notes('"Front:What is a cell?"')[0])
    assert sorted(note.tags) == ["biology", "cell_parts"]
    assert note["Back"] == 'The unit of life <img src="pic.png" alt="">'
    col.close()


def test_export_json_deck_filter_and_output(tmp_path: Path, vault: Path) -> None:
    target = tmp_path / "out" / "chem.apkg"
    result = CliRunner().invoke(
        app, ["export", str(vault), "--deck", "Chem", "-o", str(target), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == {
        "files": [str(target)], "notes": 1, "cards": 1, "media": 0, "left_out": 0, "problems": [],
    }  # fmt: skip
    col = import_into_fresh(tmp_path, target)
    assert col.note_count() == 1
    col.close()


def test_export_split(tmp_path: Path, vault: Path) -> None:
    result = CliRunner().invoke(app, ["export", str(vault), "--split", "--json"])
    assert result.exit_code == 0, result.output
    files = sorted(Path(f).name for f in json.loads(result.stdout)["files"])
    assert files == ["Bio.apkg", "Chem.apkg"]
    assert (tmp_path / "decks" / "Chem.apkg").is_file()


def test_export_without_collection_fails_cleanly(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("QUIZGARDEN_DB", str(tmp_path / "nothing.db"))
    monkeypatch.setenv("QUIZGARDEN_CONFIG_DIR", str(tmp_path / "config"))
    result = CliRunner().invoke(app, ["export", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: no collection at {tmp_path / 'nothing.db'}; run `quiz sync` first\n"
    )
    assert not (tmp_path / "decks").exists()
