"""The vault boundary with real symlinks, FIFOs and devices in a temporary vault: what may be
read as a note and what may leave the vault as media (`quizgarden.notes.vault`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.errors import MediaError, NoteError
from quizgarden.notes import read_note
from quizgarden.notes.vault import (
    MAX_MEDIA_BYTES,
    MEDIA_NOT_FOUND,
    find_media,
    open_media,
    read_note_bytes,
)

pytestmark = pytest.mark.timeout(120)

PNG = b"\x89PNG\r\n\x1a\nfake"
SECRET = "root:x:0:0:SECRET-OUTSIDE-THE-VAULT"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file outside the vault standing for /etc/passwd (hermetic: the test owns it)."""
    path = tmp_path / "outside" / "passwd"
    path.parent.mkdir()
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    (root / "img").mkdir(parents=True)
    (root / "img" / "ok.png").write_bytes(PNG)
    return root


def reason(vault: Path, ref: str, note: str = "") -> str:
    with pytest.raises(MediaError) as caught:
        find_media(vault, ref, note)
    return caught.value.reason


def test_a_regular_media_file_in_the_vault_is_found_resolved(vault: Path) -> None:
    found = find_media(vault, "img/ok.png", "note.md")
    assert found == (vault / "img" / "ok.png").resolve()
    assert find_media(vault, "ok.png", "deep/note.md") == found  # by file name, as Obsidian
    assert find_media(vault, "OK.PNG") == found  # ignoring case
    assert reason(vault, "gone.png") == MEDIA_NOT_FOUND


def test_a_symlink_to_a_file_outside_the_vault_is_never_media(vault: Path, outside: Path) -> None:
    (vault / "passwd.png").symlink_to(outside)
    assert reason(vault, "passwd.png") == "outside the vault"  # ![[passwd.png]]
    # ![](any/dir/passwd.png): the lookup by file name finds the link, and refuses it too
    assert reason(vault, "any/dir/passwd.png", "note.md") == "outside the vault"
    (vault / "img" / "ok2.png").symlink_to(vault / "img" / "ok.png")  # a link inside is fine
    assert find_media(vault, "img/ok2.png") == (vault / "img" / "ok.png").resolve()


def test_by_name_lookup_returns_the_checked_file_not_the_link(vault: Path, outside: Path) -> None:
    (vault / "a").mkdir()
    (vault / "a" / "pic.png").symlink_to(outside)  # found first by name, refused
    (vault / "b").mkdir()
    (vault / "b" / "pic.png").write_bytes(PNG)
    found = find_media(vault, "elsewhere/pic.png", "note.md")
    assert found == (vault / "b" / "pic.png").resolve()
    assert not found.is_symlink()


def test_paths_out_of_the_vault_are_refused(vault: Path, outside: Path) -> None:
    png = outside.with_name("outside.png")
    png.write_bytes(PNG)
    assert reason(vault, str(png)) == "outside the vault"
    assert reason(vault, "../outside/outside.png", "note.md") == "outside the vault"


def test_hidden_folders_are_never_media(vault: Path) -> None:
    (vault / ".git").mkdir()
    (vault / ".git" / "config").write_text("[remote]\n token = ghp_secret\n")
    (vault / ".git" / "logo.png").write_bytes(PNG)
    (vault / ".quizgarden").mkdir()
    (vault / ".quizgarden" / "collection.db").write_bytes(b"SQLite format 3\x00")
    for ref in (".git/config", ".quizgarden/collection.db", ".git/logo.png"):
        assert reason(vault, ref).startswith("hidden"), ref
    (vault / "logo.png").symlink_to(vault / ".git" / "logo.png")  # a link into one, too
    assert reason(vault, "logo.png").startswith("hidden")


def test_only_images_audio_and_video_are_media(vault: Path) -> None:
    (vault / "notes.md").write_text("# private\n")
    (vault / "sound.mp3").write_bytes(b"ID3")
    (vault / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftyp")
    assert reason(vault, "notes.md") == "not an image, audio or video file"
    (vault / "renamed.png").symlink_to(vault / "notes.md")  # the resolved file's type counts
    assert reason(vault, "renamed.png") == "not an image, audio or video file"
    assert find_media(vault, "sound.mp3").name == "sound.mp3"
    assert find_media(vault, "clip.mp4").name == "clip.mp4"


def test_media_over_the_size_limit_is_refused(vault: Path) -> None:
    big = vault / "big.mp4"
    with big.open("wb") as file:  # sparse: no disk is used
        file.truncate(MAX_MEDIA_BYTES + 1)
    assert reason(vault, "big.mp4") == "larger than 100 MB"
    with big.open("r+b") as file:
        file.truncate(MAX_MEDIA_BYTES)
    assert find_media(vault, "big.mp4") == big.resolve()


def test_fifos_and_devices_are_never_opened_as_media(vault: Path) -> None:
    os.mkfifo(vault / "pipe.png")
    assert reason(vault, "pipe.png") == "not a regular file"
    (vault / "zero.png").symlink_to("/dev/zero")
    assert reason(vault, "zero.png") == "outside the vault"
    (vault / "null.png").symlink_to("/dev/null")
    assert reason(vault, "null.png") == "outside the vault"


def test_open_media_checks_again_when_the_file_was_swapped(vault: Path, outside: Path) -> None:
    path = find_media(vault, "img/ok.png")
    with open_media(vault, path) as file:
        assert file.read() == PNG
    path.unlink()
    path.symlink_to(outside)  # replaced by a link after the lookup
    with pytest.raises(MediaError):
        open_media(vault, path)
    path.unlink()
    os.mkfifo(path)  # or by a FIFO: refused without blocking
    with pytest.raises(MediaError, match="not a regular file"):
        open_media(vault, path)


def test_note_files_outside_the_boundary_are_skipped(vault: Path, outside: Path) -> None:
    (vault / "ok.md").write_text("Q: a?\nA: b\n")
    assert read_note_bytes(vault / "ok.md", vault) == b"Q: a?\nA: b\n"
    (vault / "leak.md").symlink_to(outside)
    with pytest.raises(NoteError, match="skipped: a link to a file outside the vault"):
        read_note_bytes(vault / "leak.md", vault)
    (vault / ".git").mkdir()
    (vault / ".git" / "notes.md").write_text("token: ghp_secret\n")
    (vault / "git.md").symlink_to(vault / ".git" / "notes.md")
    with pytest.raises(NoteError, match="skipped: a link into a hidden folder"):
        read_note_bytes(vault / "git.md", vault)
    os.mkfifo(vault / "pipe.md")
    with pytest.raises(NoteError, match="skipped: not a regular file"):
        read_note_bytes(vault / "pipe.md", vault)
    (vault / "random.md").symlink_to("/dev/urandom")
    note, problems = read_note(vault / "random.md", vault)
    assert note is None
    assert [p.message for p in problems] == ["skipped: a link to a file outside the vault"]


def test_a_note_symlinked_out_of_the_vault_is_not_synced(vault: Path, outside: Path) -> None:
    outside.write_text(f"Q: What is the secret?\nA: {SECRET}\n", encoding="utf-8")
    (vault / "ok.md").write_text("Q: What is two?\nA: 2\n")
    (vault / "leak.md").symlink_to(outside)
    runner = CliRunner()
    result = runner.invoke(app, ["sync", str(vault), "--json"])
    assert result.exit_code == 0, result.output
    assert "leak.md:1: skipped: a link to a file outside the vault" in result.stderr
    cards = runner.invoke(app, ["cards", str(vault), "--json"])
    assert "What is two?" in cards.stdout
    assert SECRET not in cards.stdout
    extracted = runner.invoke(app, ["extract", str(vault), "--json"])
    assert extracted.exit_code == 0
    assert SECRET not in extracted.stdout
    assert "leak.md:1: skipped: a link to a file outside the vault" in extracted.stderr


def quiz(*args: str | Path, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The real `quiz` in its own process: a hang fails the test instead of the suite."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    return subprocess.run(
        [sys.executable, "-m", "quizgarden", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def test_fifo_and_device_notes_do_not_stall_sync_extract_or_export(
    vault: Path, tmp_path: Path
) -> None:
    (vault / "ok.md").write_text("Q: What is two?\nA: 2 ![](ok.png)\n")
    os.mkfifo(vault / "pipe.md")  # nobody ever writes to it: a read would block for ever
    (vault / "random.md").symlink_to("/dev/urandom")  # would grow without end
    (vault / "zero.md").symlink_to("/dev/zero")
    for command in (["sync", vault], ["extract", vault], ["sync", vault]):
        proc = quiz(*command, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "pipe.md:1: skipped: not a regular file" in proc.stderr
        assert "random.md:1: skipped: a link to a file outside the vault" in proc.stderr
        assert "zero.md:1: skipped: a link to a file outside the vault" in proc.stderr
    proc = quiz("export", vault, "-o", tmp_path / "out.apkg", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out.apkg").stat().st_size < 100_000


def test_links_that_stay_inside_the_vault_still_work(vault: Path) -> None:
    (vault / "real").mkdir()
    (vault / "real" / "n.md").write_text("Q: Linked?\nA: yes ![](../img/ok.png)\n")
    (vault / "alias.md").symlink_to(vault / "real" / "n.md")
    assert read_note_bytes(vault / "alias.md", vault).startswith(b"Q: Linked?")
    note, problems = read_note(vault / "real" / "n.md", vault)
    assert note is not None and problems == []
    assert note.media == ("img/ok.png",)


def test_a_missing_name_walks_the_vault_again_only_after_many_times_a_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note naming an image the vault lacks asks for a new walk; a walk that takes a second
    (a large vault) is not redone two seconds later, only once twenty walks' time has passed,
    and an image added meanwhile is found then."""
    from types import SimpleNamespace

    from quizgarden.notes import vault as vault_module

    root = tmp_path / "big"
    root.mkdir()
    clock = SimpleNamespace(now=100.0)
    walks: list[float] = []
    walk = vault_module._build_index

    def slow_walk(at: Path) -> dict[str, tuple[Path, ...]]:
        walks.append(clock.now)
        clock.now += 1.0  # the walk of a large vault
        return walk(at)

    monkeypatch.setattr(vault_module, "time", SimpleNamespace(monotonic=lambda: clock.now))
    monkeypatch.setattr(vault_module, "_build_index", slow_walk)
    monkeypatch.setattr(vault_module, "_indexes", {})
    for name in ("a.png", "b.png"):
        with pytest.raises(MediaError):
            find_media(root, name)
        clock.now += 3.0
    assert walks == [100.0]
    (root / "img").mkdir()
    (root / "img" / "c.png").write_bytes(PNG)
    clock.now += 20.0
    assert find_media(root, "c.png") == (root / "img" / "c.png").resolve()
    assert len(walks) == 2
