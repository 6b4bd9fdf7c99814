"""Replacing a small file all at once, so a full disk or a kill never leaves half of it.

The new text goes to a temporary file in the same folder, is flushed to the disk, and then
renamed over the old file: a reader sees the old file or the new one, never a mixture. The
file keeps its permissions, and a symlinked file is replaced at its target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


def write_text_atomically(path: Path, text: str) -> Path:
    """Write `text` (UTF-8) to `path` atomically; on any failure the old file is left intact.

    Returns the file written (the target, when `path` is a symlink). Raises OSError, also
    when the target exists and is not a regular file: renaming over a FIFO or a device such
    as `/dev/zero` (a settings file linked there) would replace it for everyone.
    """
    if path.is_symlink():
        path = path.resolve()
    try:
        info = path.stat()
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    else:
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        mode = stat.S_IMODE(info.st_mode)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(path.parent)
    return path


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some systems cannot fsync a folder, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
