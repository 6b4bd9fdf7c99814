"""Finding the media files cards refer to in the vault, and naming them for an Anki package.

Separate from the package writer because it is about the vault's files, not Anki's schema. What
may leave the vault is decided by `notes.vault.find_media`, the one rule the web review serves
media by too; a reference that is missing or refused is recorded as a Problem, so the export
goes on and the learner is told.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from ..errors import MediaError
from ..model import Problem
from ..notes.vault import MEDIA_NOT_FOUND, find_media


class MediaPacker:
    """Finds the media files cards refer to, as Obsidian would, and names them for the package.

    Lookup and boundary: `find_media` (next to the note, from the vault root, then by file name
    anywhere outside hidden folders; only regular media files inside the vault after resolving
    links). Files are packed under their bare name; two different files with one name get a
    short hash suffix so neither overwrites the other.
    """

    def __init__(self, vault: Path) -> None:
        self.vault = vault.resolve()
        self.files: dict[str, Path] = {}  # packed name -> resolved file inside the vault
        self._names: dict[Path, str] = {}
        self._problems: dict[tuple[str, int, str], Problem] = {}

    def resolve(self, ref: str, note: str, line: int) -> str | None:
        """The packed name for `ref`, or None for URLs; a missing or refused file is recorded
        as a problem and keeps its bare name (the learner can add the file to Anki later)."""
        ref = ref.strip()
        if not ref or _URL.match(ref):
            return None
        try:
            path = find_media(self.vault, ref, note)
        except MediaError as err:
            key = (note, line, ref)
            message = (
                f"image not found in the vault: {ref}"
                if err.reason == MEDIA_NOT_FOUND
                else f"media left out: {ref}: {err.reason}"
            )
            self._problems.setdefault(key, Problem(note, line, message))
            return _safe_media_name(ref.replace("\\", "/").rsplit("/", 1)[-1])
        name = self._names.get(path)
        if name is None:
            name = _safe_media_name(path.name)
            if name in self.files:
                digest = hashlib.blake2b(str(path).encode(), digest_size=4).hexdigest()
                name = f"{path.stem}-{digest}{path.suffix}"
            self._names[path] = name
            self.files[name] = path
        return name

    def problems(self) -> tuple[Problem, ...]:
        return tuple(self._problems[key] for key in sorted(self._problems))


_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


def _safe_media_name(name: str) -> str:
    """A media file name Anki keeps as is: NFC, no path or reserved characters."""
    clean = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", unicodedata.normalize("NFC", name)).strip()
    return clean or "image"
