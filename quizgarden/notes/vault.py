"""The vault boundary: which files may be read as notes, and which may leave the vault as media.

Why a module of its own: a note can name any path (`![](../../etc/passwd)`), and a file in the
vault can be a symbolic link to anywhere (`passwd.png -> /etc/passwd`), a FIFO that blocks the
reader for ever, or a link to `/dev/zero`. Every reader of vault files, the note reader, the
Anki exporter's media packer and the web review's media server, asks here, so one rule decides
what leaves the vault, checked on the file as it is *after* every link is resolved:

- a media file is a regular file inside the vault, outside any hidden folder (`.git`,
  `.quizgarden`, `.obsidian`), of a type Anki shows (image, audio, video) and at most
  `MAX_MEDIA_BYTES` long;
- a note is a regular file inside the vault, outside any hidden folder, at most
  `MAX_NOTE_BYTES` long.

Nothing that is not a regular file is ever opened: `stat` decides first, then the file is opened
with `O_NONBLOCK | O_NOFOLLOW` and checked again on the open descriptor, so a file swapped for a
FIFO or a link between the check and the open is still refused.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ..errors import ConfigError, MediaError, NoteError

__all__ = [
    "MAX_MEDIA_BYTES",
    "MAX_NOTE_BYTES",
    "MEDIA_NOT_FOUND",
    "IMAGE_SUFFIXES",
    "MEDIA_SUFFIXES",
    "find_media",
    "find_media_in",
    "open_media",
    "read_note_bytes",
    "read_state_file",
]

MAX_NOTE_BYTES = 4 * 1024 * 1024
#: Settings and config files are small; a larger one is refused rather than parsed.
MAX_STATE_BYTES = 1024 * 1024
#: Larger media files are left out of packages with a warning (Anki syncs at most 100 MB).
MAX_MEDIA_BYTES = 100 * 1000 * 1000
IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif", ".ico", ".tif", ".tiff"}
)
AUDIO_SUFFIXES = frozenset({".mp3", ".ogg", ".oga", ".opus", ".wav", ".flac", ".m4a", ".aac"})
VIDEO_SUFFIXES = frozenset({".mp4", ".webm", ".ogv", ".mov", ".mkv", ".avi", ".mpg", ".mpeg"})
#: The media types Anki shows: images, audio and video.
MEDIA_SUFFIXES = IMAGE_SUFFIXES | AUDIO_SUFFIXES | VIDEO_SUFFIXES

_OUTSIDE = "outside the vault"
#: `MediaError.reason` when no file of that name exists at all (not a refusal).
MEDIA_NOT_FOUND = "not found in the vault"
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
#: A file-name index older than this is rebuilt when a name is not in it.
_INDEX_MAX_AGE_S = 2.0
#: ... and older than this many times the walk that built it took: a note that names an image
#: the vault lacks (most pasted notes name several) asks for a walk of the whole vault, and a
#: large vault's walk would otherwise take much of every few seconds of a run.
_INDEX_AGE_PER_WALK = 20
#: Per resolved vault: when its index was built, how long the walk took, and the index.
_indexes: dict[Path, tuple[float, float, dict[str, tuple[Path, ...]]]] = {}


def find_media(vault: Path, ref: str, note: str = "") -> Path:
    """The file a media reference stands for, if it may leave the vault; else `MediaError`.

    `ref` is the reference as written in note `note` (a vault-relative path; "" for the vault
    root): `img.png`, `sub/img.png`, `img.png#frag`. It is looked up as Obsidian does: next to
    the note, then from the vault root, then by file name anywhere in the vault outside hidden
    folders. Every candidate, the ones found by name too, must pass the boundary (a regular
    file inside the vault after resolving links, outside hidden folders, a media type Anki
    shows, at most `MAX_MEDIA_BYTES`); the first that does is returned *resolved*, so the
    caller opens the checked file and never the link. The error names the reason: missing,
    or which rule refused it.
    """
    return find_media_in(vault.resolve(), ref, note)


def find_media_in(root: Path, ref: str, note: str = "") -> Path:
    """`find_media` for a vault already resolved (`root`): the note reader resolves its vault
    once per note instead of once per lookup."""
    clean = ref.strip().replace("\\", "/").split("#")[0].split("?")[0]
    if not clean:
        raise MediaError(ref, MEDIA_NOT_FOUND)
    refusal: str | None = None
    folder = (root / note).parent if note else root
    candidates = [folder / clean, root / clean]
    name = PurePosixPath(clean).name
    seen: set[Path] = set()
    for by_name in (False, True):
        if by_name:
            candidates = list(_by_name(root, name))
        for candidate in candidates:
            if candidate in seen:
                continue
            seen.add(candidate)
            found = _admit_media(candidate, root)
            if isinstance(found, Path):
                return found
            if found is not None and refusal is None:
                refusal = found
    raise MediaError(ref, refusal or MEDIA_NOT_FOUND)


def open_media(vault: Path, path: Path) -> BinaryIO:
    """Open a file `find_media` returned, checking the boundary again on the open descriptor
    (the file may have been replaced since); raises `MediaError` if it may no longer leave."""
    root = vault.resolve()
    found = _admit_media(path, root)
    if not isinstance(found, Path):
        raise MediaError(path.name, found or MEDIA_NOT_FOUND)
    return _open_regular(found, MAX_MEDIA_BYTES, lambda why: MediaError(path.name, why))


def read_note_bytes(path: Path, vault: Path, limit: int = MAX_NOTE_BYTES) -> bytes:
    """The bytes of note file `path`, if it may be read as a note of `vault`; else `NoteError`
    (path relative to the vault, line 1) saying why it was skipped. Never opens a FIFO or a
    device, never follows a link out of the vault or into a hidden folder."""
    rel = _shown(path, vault)

    def refuse(why: str) -> NoteError:
        return NoteError(rel, 1, why if why.startswith("cannot") else f"skipped: {why}")

    root = vault.resolve()
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as err:
        raise refuse(f"cannot read: {getattr(err, 'strerror', None) or err}") from None
    reason = _outside(real, root)
    if reason is not None:
        if path.is_symlink():
            hidden = "a link into a hidden folder or file"
            reason = f"a link to a file {_OUTSIDE}" if reason == _OUTSIDE else hidden
        raise refuse(reason)
    return _read_regular(real, limit, refuse)


def read_state_file(path: Path, limit: int = MAX_STATE_BYTES) -> bytes | None:
    """The bytes of a file quizgarden keeps its own state in (`settings.toml`, `config.json`),
    or None when there is none; `ConfigError` when it is not a regular file or is larger than
    `limit`. Why: a FIFO there would block every command for ever, a link to `/dev/zero` would
    fill the memory, so these get the same regular-file, size-capped read as notes."""

    def refuse(why: str) -> ConfigError:
        return ConfigError(f"{path}: {why}; fix or delete the file")

    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        return None
    except (OSError, RuntimeError) as err:
        raise refuse(f"cannot read: {getattr(err, 'strerror', None) or err}") from None
    return _read_regular(real, limit, refuse)


def _admit_media(candidate: Path, root: Path) -> Path | str | None:
    """The resolved file when `candidate` may leave the vault as media; else the reason it may
    not, or None when there is no such file at all."""
    try:
        os.lstat(candidate)  # one system call tells a missing file (most candidates) ...
    except FileNotFoundError:
        return None
    try:
        real = candidate.resolve(strict=True)  # ... before links are followed part by part
        info = real.stat()
    except (OSError, RuntimeError):
        return None
    reason = _outside(real, root)
    if reason is not None:
        return reason
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if real.suffix.lower() not in MEDIA_SUFFIXES:
        return "not an image, audio or video file"
    if info.st_size > MAX_MEDIA_BYTES:
        return f"larger than {MAX_MEDIA_BYTES // 1_000_000} MB"
    return real


def _outside(real: Path, root: Path) -> str | None:
    """Why resolved path `real` is not a vault file, or None when it is one."""
    if real == root or not real.is_relative_to(root):
        return _OUTSIDE
    if any(part.startswith(".") for part in real.relative_to(root).parts):
        return "hidden (in a folder or file whose name starts with '.')"
    return None


Refuse = Callable[[str], Exception]


def _open_regular(real: Path, limit: int, refuse: Refuse) -> BinaryIO:
    """Open `real` without following a last link or blocking on a FIFO; check it is a regular
    file of at most `limit` bytes on the descriptor itself."""
    info = os.stat(real, follow_symlinks=False)
    if not stat.S_ISREG(info.st_mode):
        raise refuse("not a regular file")  # never open a FIFO, a device or a link
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except OSError as err:
        raise refuse(f"cannot read: {err.strerror or err}") from None
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (
            info.st_dev,
            info.st_ino,
        ):
            raise refuse("not a regular file")
        if opened.st_size > limit:
            raise refuse(_too_large(limit))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _read_regular(real: Path, limit: int, refuse: Refuse) -> bytes:
    """All of `real`, refusing anything but a regular file and more than `limit` bytes (also
    when the file grows while it is read)."""
    with _open_regular(real, limit, refuse) as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise refuse(_too_large(limit))
    return data


def _too_large(limit: int) -> str:
    if limit % (1 << 20) == 0:
        return f"larger than {limit >> 20} MiB"
    return f"larger than {limit // 1_000_000} MB"


def _shown(path: Path, vault: Path) -> str:
    """`path` as the user knows it: relative to the vault, links not resolved."""
    try:
        return path.absolute().relative_to(vault.absolute()).as_posix()
    except ValueError:
        return path.name


def _by_name(root: Path, name: str) -> tuple[Path, ...]:
    """Media-type files called `name` anywhere in the vault outside hidden folders, exact name
    first, then ignoring case. The index is built on first use and rebuilt when a name is
    missing from it (a long-running server sees new files), at most every few seconds and at
    most every `_INDEX_AGE_PER_WALK` times the last walk's length: walks take a twentieth of a
    run at most, whatever the vault's size."""
    entry = _indexes.get(root)
    key = name.casefold()
    if entry is None or (
        name not in entry[2]
        and key not in entry[2]
        and time.monotonic() - entry[0] > max(_INDEX_MAX_AGE_S, _INDEX_AGE_PER_WALK * entry[1])
    ):
        started = time.monotonic()
        index = _build_index(root)
        entry = (started, time.monotonic() - started, index)
        if len(_indexes) >= 8:  # a process serves one vault or a few: keep memory bounded
            _indexes.clear()
        _indexes[root] = entry
    index = entry[2]
    exact = index.get(name, ())
    return exact + tuple(p for p in index.get(key, ()) if p not in exact)


def _build_index(root: Path) -> dict[str, tuple[Path, ...]]:
    found: dict[str, list[Path]] = {}
    if not root.is_dir():
        return {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            # (splitext gives a name's suffix as PurePosixPath does, without a path object per
            # file: this walk is redone when a note names a missing image)
            if file.startswith(".") or os.path.splitext(file)[1].lower() not in MEDIA_SUFFIXES:
                continue
            path = Path(folder) / file
            found.setdefault(file, []).append(path)
            if file.casefold() != file:
                found.setdefault(file.casefold(), []).append(path)
    return {name: tuple(paths) for name, paths in found.items()}
