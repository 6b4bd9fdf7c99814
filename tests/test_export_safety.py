"""Hostile exports: symlinked media and hidden files in the vault, clashing deck file names,
output paths that are links, FIFOs or devices, failures halfway. Packages are opened as zip
files and imported into real Anki where their content matters."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.errors import ExportError

anki_collection = pytest.importorskip("anki.collection")
from anki import import_export_pb2  # noqa: E402

pytestmark = pytest.mark.timeout(180)

PNG = b"\x89PNG\r\n\x1a\n" + b"real picture" * 4
SECRET = b"root:x:0:0:SECRET-OUTSIDE-THE-VAULT\n"
NOTE = """\
Q: Where is the picture?
A: Here ![[pic.png]]

Q: What is in passwd?
A: ![[passwd.png]]

Q: And by another path?
A: ![](any/dir/passwd.png)

Q: What is the git config?
A: ![](.git/config) and ![](.quizgarden/collection.db) and ![](.git/logo.png)
"""


def run(*args: str | Path) -> object:
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "passwd").write_bytes(SECRET)
    root = tmp_path / "vault"
    (root / ".git").mkdir(parents=True)
    (root / ".git" / "config").write_bytes(b"[remote]\n\ttoken = ghp_" + SECRET)
    (root / ".git" / "logo.png").write_bytes(PNG + SECRET)
    (root / "notes").mkdir()
    (root / "notes" / "n.md").write_text(NOTE, encoding="utf-8")
    (root / "notes" / "pic.png").write_bytes(PNG)
    (root / "passwd.png").symlink_to(tmp_path / "etc" / "passwd")
    result = CliRunner().invoke(app, ["sync", str(root), "--db", str(root / ".quizgarden/c.db")])
    assert result.exit_code == 0, result.output
    (root / ".quizgarden" / "collection.db").write_bytes(b"SQLite format 3\x00" + SECRET)
    return root


def fresh_anki(folder: Path) -> anki_collection.Collection:
    folder.mkdir()
    return anki_collection.Collection(str(folder / "c.anki2"))


def package_members(path: Path) -> tuple[dict[str, str], list[bytes]]:
    with zipfile.ZipFile(path) as package:
        media = json.loads(package.read("media"))
        return media, [package.read(name) for name in media]


def test_nothing_outside_the_vault_or_hidden_gets_into_the_package(
    hostile: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out.apkg"
    result = run("export", hostile, "--db", hostile / ".quizgarden/c.db", "-o", out)
    assert result.exit_code == 0, result.output
    media, contents = package_members(out)
    assert sorted(media.values()) == ["pic.png"]
    assert contents == [PNG]
    for left_out in ("passwd.png", "any/dir/passwd.png", ".git/config", ".git/logo.png"):
        assert f"media left out: {left_out}: " in result.stderr, left_out
    assert "media left out: .quizgarden/collection.db: hidden" in result.stderr
    raw = out.read_bytes()
    assert b"SECRET-OUTSIDE-THE-VAULT" not in raw and b"ghp_" not in raw
    # and real Anki, importing it, gets only the picture into its media folder
    col = fresh_anki(tmp_path / "anki")
    request = import_export_pb2.ImportAnkiPackageRequest(
        package_path=str(out), options=import_export_pb2.ImportAnkiPackageOptions()
    )
    col.import_anki_package(request)
    media_dir = Path(col.media.dir())
    assert sorted(p.name for p in media_dir.iterdir()) == ["pic.png"]
    assert (media_dir / "pic.png").read_bytes() == PNG
    col.close()


def test_media_over_the_size_limit_is_left_out_with_a_warning(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    (root / "n.md").write_text("Q: A film?\nA: ![](film.mp4) ![](pic.png)\n")
    (root / "pic.png").write_bytes(PNG)
    with (root / "film.mp4").open("wb") as file:
        file.truncate(100_000_001)  # sparse
    db = tmp_path / "c.db"
    assert run("sync", root, "--db", db).exit_code == 0
    result = run("export", root, "--db", db, "-o", tmp_path / "o.apkg")
    assert result.exit_code == 0, result.output
    assert "n.md:1: media left out: film.mp4: larger than 100 MB" in result.stderr
    media, _ = package_members(tmp_path / "o.apkg")
    assert list(media.values()) == ["pic.png"]


def test_split_gives_each_deck_its_own_file(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    for index, deck in enumerate(("a:b", "a_b", "a?b", "A_B")):
        (root / f"n{index}.md").write_text(f"---\ndeck: '{deck}'\n---\nQ: deck {deck}?\nA: yes\n")
    db = tmp_path / "c.db"
    assert run("sync", root, "--db", db).exit_code == 0
    out = tmp_path / "split"
    result = run("export", root, "--db", db, "--split", "-o", out, "--json")
    assert result.exit_code == 0, result.output
    files = json.loads(result.stdout)["files"]
    assert len(files) == 4
    assert len({Path(f).name.casefold() for f in files}) == 4  # distinct, even ignoring case
    # one deck that is its own safe name keeps the bare name; the others get a hash of theirs
    assert len({"a_b.apkg", "A_B.apkg"} & {Path(f).name for f in files}) == 1
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(f).name for f in files)
    decks = set()
    for index, file in enumerate(files):
        col = fresh_anki(tmp_path / f"anki{index}")
        request = import_export_pb2.ImportAnkiPackageRequest(
            package_path=file, options=import_export_pb2.ImportAnkiPackageOptions()
        )
        col.import_anki_package(request)
        (nid,) = col.find_notes("")
        decks.add(col.get_note(nid)["Deck"])
        col.close()
    assert decks == {"a:b", "a_b", "a?b", "A_B"}


@pytest.fixture
def synced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "vault"
    root.mkdir()
    (root / "n.md").write_text("Q: What is two?\nA: 2 ![](pic.png)\n")
    (root / "pic.png").write_bytes(PNG * 5000)  # ~100 KB
    db = tmp_path / "c.db"
    assert run("sync", root, "--db", db).exit_code == 0
    return root, db


def test_an_output_that_is_a_symlink_fifo_or_device_is_refused(
    synced: tuple[Path, Path], tmp_path: Path
) -> None:
    root, db = synced
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "link.apkg"
    link.symlink_to(victim)
    result = run("export", root, "--db", db, "-o", link)
    assert result.exit_code == 1
    assert result.stderr == f"error: {link} is a symbolic link; give the real path to write to\n"
    assert victim.read_text() == "keep me" and link.is_symlink()
    fifo = tmp_path / "pipe.apkg"
    os.mkfifo(fifo)
    result = run("export", root, "--db", db, "-o", fifo)
    assert result.exit_code == 1
    assert result.stderr == f"error: {fifo} is not a regular file (a FIFO, device or socket)\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    result = run("export", root, "--db", db, "-o", "/dev/null")
    assert result.exit_code == 1
    assert result.stderr == "error: /dev/null is not a regular file (a FIFO, device or socket)\n"
    folder_link = tmp_path / "decks-link"
    folder_link.symlink_to(tmp_path, target_is_directory=True)
    result = run("export", root, "--db", db, "--split", "-o", folder_link)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "is a symbolic link" in result.stderr


def test_a_failed_export_leaves_no_part_file_and_no_package(
    synced: tuple[Path, Path], tmp_path: Path
) -> None:
    root, db = synced
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    # a full disk: the package outgrows the file-size limit halfway through the picture
    script = f'ulimit -f 64; exec "{sys.executable}" -m quizgarden export "$@"'
    proc = subprocess.run(
        ["bash", "-c", script, "quiz", str(root), "--db", str(db), "-o", str(out_dir / "o.apkg")],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith(f"error: cannot write {out_dir / 'o.apkg'}: File too large")
    assert proc.stderr.count("\n") == 1
    assert list(out_dir.iterdir()) == []


def test_a_media_file_swapped_for_a_fifo_fails_cleanly(tmp_path: Path) -> None:
    from quizgarden.export.anki import _Rows, write_package

    root = tmp_path / "vault"
    root.mkdir()
    os.mkfifo(root / "pic.png")
    out = tmp_path / "out" / "o.apkg"
    with pytest.raises(ExportError, match="not a regular file"):
        write_package(out, _Rows(), {"pic.png": root / "pic.png"}, timestamp=0.0, vault=root)
    assert list(out.parent.iterdir()) == []


def test_the_genanki_collection_is_made_through_its_public_api(tmp_path: Path) -> None:
    """The assumption the note and card rows rest on: genanki's public `Package([])` writes an
    empty collection whose `notes` table has 11 columns and `cards` 18, with one `col` row."""
    import genanki

    conn = sqlite3.connect(tmp_path / "c.anki2")
    genanki.Package([]).write_to_db(conn.cursor(), 0.0, iter(range(10)))
    assert len(conn.execute("PRAGMA table_info(notes)").fetchall()) == 11
    assert len(conn.execute("PRAGMA table_info(cards)").fetchall()) == 18
    (decks,) = conn.execute("SELECT decks FROM col").fetchone()
    assert "1" in json.loads(decks)
    assert conn.execute("SELECT count(*) FROM notes").fetchone() == (0,)
    conn.close()
    source = Path(__file__).resolve().parents[1] / "quizgarden" / "export" / "anki.py"
    assert "apkg_schema" not in source.read_text() and "apkg_col" not in source.read_text()


def test_split_beside_an_apkg_name_keeps_the_names_distinct(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    root.mkdir()
    for index, deck in enumerate(("a:b", "a_b", "a?b")):
        (root / f"n{index}.md").write_text(f"---\ndeck: '{deck}'\n---\nQ: deck {deck}?\nA: yes\n")
    db = tmp_path / "c.db"
    assert run("sync", root, "--db", db).exit_code == 0
    result = run("export", root, "--db", db, "--split", "-o", tmp_path / "out" / "x.apkg", "--json")
    assert result.exit_code == 0, result.output
    names = sorted(Path(f).name for f in json.loads(result.stdout)["files"])
    assert len(set(names)) == 3 and "x-a_b.apkg" in names
    assert all(name.startswith("x-a_b") for name in names)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == names
