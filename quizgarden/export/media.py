"""Finding the images cards refer to in the vault, the way Obsidian does, and naming them for
an Anki package.

Separate from the package writer because it is about the vault's files, not Anki's schema: it
reads the file system (a walk of the vault, once, on the first name it cannot find by path) and
records a missing image as a Problem, so the export goes on and the learner is told.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

from ..model import Problem


class MediaPacker:
    """Finds the images cards refer to, as Obsidian would, and names them for the package.

    Lookup order: relative to the note's folder, then to the vault root, then any file of that
    name anywhere in the vault (hidden folders skipped). Files are packed under their bare name;
    two different files with one name get a short hash suffix so neither overwrites the other.
    """

    def __init__(self, vault: Path) -> None:
        self.vault = vault.resolve()
        self.files: dict[str, Path] = {}  # packed name -> file
        self._names: dict[Path, str] = {}
        self._by_name: dict[str, list[Path]] | None = None
        self._problems: dict[tuple[str, int, str], Problem] = {}

    def resolve(self, ref: str, note: str, line: int) -> str | None:
        """The packed name for `ref`, or None for URLs; a missing file is recorded as a problem
        and keeps its bare name (the learner can add the file to Anki later)."""
        ref = ref.strip()
        if not ref or _URL.match(ref):
            return None
        path = self._find(ref, note)
        if path is None:
            key = (note, line, ref)
            self._problems.setdefault(
                key, Problem(note, line, f"image not found in the vault: {ref}")
            )
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

    def _find(self, ref: str, note: str) -> Path | None:
        ref = ref.replace("\\", "/").split("#")[0]
        folder = (self.vault / note).parent
        for base in (folder, self.vault):
            candidate = (base / ref).resolve()
            if candidate.is_file() and candidate.is_relative_to(self.vault):
                return candidate
        name = ref.rsplit("/", 1)[-1]
        matches = self._index().get(name) or self._index().get(name.casefold())
        return matches[0] if matches else None

    def _index(self) -> dict[str, list[Path]]:
        if self._by_name is None:
            index: dict[str, list[Path]] = {}
            for folder, dirs, files in os.walk(self.vault):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in sorted(files):
                    path = Path(folder) / file
                    index.setdefault(file, []).append(path)
                    index.setdefault(file.casefold(), []).append(path)
            self._by_name = index
        return self._by_name


_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


def _safe_media_name(name: str) -> str:
    """A media file name Anki keeps as is: NFC, no path or reserved characters."""
    clean = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", unicodedata.normalize("NFC", name)).strip()
    return clean or "image"
