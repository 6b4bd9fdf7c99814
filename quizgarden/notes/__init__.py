"""Reading notes as they are in the wild: find them, decode them, split off frontmatter.

Only this package reads note files. Everything it returns is plain data (`Note`, `Problem`).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ..errors import MediaError, NoteError
from ..fences import code_lines
from ..model import MAX_MINED_LINE, Note, Problem
from .decode import damaged_lines, decode_bytes
from .links import render_links
from .meta import read_settings, read_tags, split_frontmatter
from .vault import MAX_NOTE_BYTES, find_media_in, read_note_bytes

NOTE_SUFFIXES = frozenset({".md", ".markdown", ".txt", ".qmd", ".rmd"})
DECK_TAG = "flashcards"

# Folders that hold templates, inboxes, daily logs and archives: what is written there is not
# study material, so only the cards written on purpose are taken (frontmatter can say otherwise).
_SCRATCH_FOLDER = re.compile(
    r"^(?:\d+[ _\-.]*)?(?:_?templates?|模板|inbox|_?to_?process|dailies|daily(?: notes)?|journals?"
    r"|日记|日志|trash|drafts?)$|^\d+[ _\-.]*archives?$",
    re.I,
)
# a tag's name: a letter somewhere in it (`#1` is a number)
_TAG_NAME = r"([\w\-/]*[^\W\d_][\w\-/]*)"
# not a colour in HTML (`color=#ed1c24`, `color="#ffff00"`) nor an anchor or entity (the `#`
# matched before what stands before it is looked behind for: the engine jumps from `#` to `#`)
_INLINE_TAG = re.compile(r"#(?<![\w#&/\\({=\"']#)" + _TAG_NAME)
_CODE_SPAN = re.compile(r"`[^`]*`")  # no tag inside
#: The Flashcards plugin's card tags (`#card`, `#card-reverse`, `#flashcard`): cards, not topics.
CARD_TAG = re.compile(r"(?:card|flashcard)(?:[/-](?:reversed?|spaced))?", re.I)
#: The Flashcards plugin's deck key: a note whose frontmatter has it is written for that plugin.
PLUGIN_DECK_KEY = "cards-deck"
# a tag ending a line of text: "What did the reform change? #anki"
_LINE_END_TAG = re.compile(r"\S[ \t]+#" + _TAG_NAME + r"[ \t]*$")

__all__ = ["MAX_NOTE_BYTES", "NOTE_SUFFIXES", "discover", "inline_tags", "misnamed", "read_note", "relative_path"]


def discover(root: Path) -> Iterator[Path]:
    """Note files under `root` in a stable order, skipping hidden folders (.obsidian, .git)."""
    if root.is_file():
        yield root
        return
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in NOTE_SUFFIXES:
                yield Path(folder) / name


def misnamed(rel: str) -> Problem | None:
    """Why a note whose file name is not valid UTF-8 is skipped, or None for a good name.

    Such a name (`caf\\xe9.md`, from an old Latin-1 system) cannot be stored in the collection or
    printed as text; the other notes are read as usual.
    """
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(rel).decode("utf-8", "backslashreplace")
        return Problem(shown, 1, "skipped: the file name is not valid UTF-8; rename the file")
    return None


def read_note(
    path: Path, vault: Path, data: bytes | None = None
) -> tuple[Note | None, list[Problem]]:
    """Read one note; `None` (with the reason as a problem) when the file is not a readable note."""
    root = vault.resolve()  # once: every name and media lookup below is relative to it
    rel = _relative_in(path, vault, root)
    if data is None:
        try:  # the vault boundary: no FIFO, device, or link out of the vault is ever read
            data = read_note_bytes(path, vault)
        except NoteError as err:
            return None, [Problem(err.path, err.line, err.message)]
    if len(data) > MAX_NOTE_BYTES:
        return None, [Problem(rel, 1, f"skipped: larger than {MAX_NOTE_BYTES >> 20} MiB")]
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(rel, 1, "skipped: binary file")]
    text, repaired = decode_bytes(data)
    # a detected legacy encoding is normal; a repair changed the text, so say so
    problems = [Problem(rel, 1, repaired)] if repaired and "mojibake" in repaired else []
    damaged = damaged_lines(text, repaired=bool(repaired and "mojibake" in repaired))
    if damaged:
        problems.append(
            Problem(
                rel, damaged[0] + 1, f"{len(damaged)} lines still garbled after repair; skipped"
            )
        )
        lines = text.split("\n")
        for n in damaged:
            lines[n] = ""
        text = "\n".join(lines)
    meta, body, body_line, meta_problems = split_frontmatter(text, rel)
    problems += meta_problems
    body, media = render_links(body, lambda target: _resolve_media(root, rel, target))
    problems += _long_lines(rel, body, body_line)
    tags = read_tags(meta)
    card_tag = own_card_tag(body) if PLUGIN_DECK_KEY in meta else None
    deck = _deck_from_meta(meta) or _deck_from_folder(rel, vault, root)
    for tag in inline_tags(body):
        if tag == DECK_TAG or tag.startswith(DECK_TAG + "/"):
            sub = tag[len(DECK_TAG) + 1 :]
            if sub and "deck" not in meta:
                deck = sub.replace("/", "::")
        elif tag not in tags and not CARD_TAG.fullmatch(tag) and tag != card_tag:
            # "#card" marks a card, not a topic
            tags.append(tag)
    title = str(meta.get("title") or "").strip() or _first_heading(body) or Path(rel).stem
    note = Note(
        path=rel,
        title=title,
        deck=deck,
        tags=tuple(tags),
        body=body,
        body_line=body_line,
        settings=read_settings(meta, auto=not is_scratch(rel)),
        media=tuple(media),
        card_tag=card_tag,
    )
    return note, problems


def own_card_tag(body: str) -> str | None:
    """The tag a note written for the Flashcards plugin marks its cards with, when it is not
    `#card`: the plugin lets a vault name its own (`#anki`), and the note does not say which.
    It is the tag that ends two or more lines of text whose back starts on the very next line;
    a topic tag ends a line followed by a blank line, or too few lines to be the note's cards."""
    if "#" not in body:
        return None
    lines = body.split("\n")
    counts: dict[str, int] = {}
    for n, (line, code) in enumerate(zip(lines, code_lines(lines), strict=True)):
        if code or "#" not in line or n + 1 == len(lines) or not lines[n + 1].strip():
            continue
        m = _LINE_END_TAG.search(line)
        if m and not CARD_TAG.fullmatch(m.group(1)):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    best = max(counts, key=counts.__getitem__, default=None)
    return best if best is not None and counts[best] >= 2 else None


def _long_lines(rel: str, body: str, body_line: int) -> list[Problem]:
    """A warning naming the first line too long for the mining rules (explicit cards still work)."""
    if len(body) <= MAX_MINED_LINE:
        return []
    lines = body.split("\n")
    if max(map(len, lines)) <= MAX_MINED_LINE:  # compared in C: almost every note
        return []
    long = [n for n, line in enumerate(lines) if len(line) > MAX_MINED_LINE]
    more = f" (and {len(long) - 1} more)" if len(long) > 1 else ""
    return [
        Problem(
            rel,
            body_line + long[0],
            f"line longer than {MAX_MINED_LINE:,} characters{more}: only cards written on "
            "purpose are read from it",
        )
    ]


def is_scratch(rel: str) -> bool:
    """Whether a note sits in a templates, inbox, daily-notes or archive folder."""
    return any(_SCRATCH_FOLDER.match(part) for part in PurePosixPath(rel).parent.parts)


def inline_tags(text: str) -> list[str]:
    """`#tags` written in the text, outside fenced code, in order of first use."""
    found: list[str] = []
    if "#" not in text:  # no tag, and no line to look at
        return found
    lines = text.split("\n")
    if "```" in text or "~~~" in text:
        tagged = [ln for ln, code in zip(lines, code_lines(lines), strict=True) if not code]
    else:  # a fence opens with three backticks or tildes: without them no line is code
        tagged = lines
    for line in tagged:
        if "#" not in line:
            continue
        for tag in _INLINE_TAG.findall(_CODE_SPAN.sub("", line) if "`" in line else line):
            if tag not in found:
                found.append(tag)
    return found


def relative_path(path: Path, vault: Path) -> str:
    """`path` as the vault names it; a path outside the vault is named by its file name."""
    return _relative(path, vault.resolve())


def _relative(path: Path, root: Path) -> str:
    """`relative_path` for a vault already resolved (`root`)."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.name


def _relative_in(path: Path, vault: Path, root: Path) -> str:
    """`_relative(path, root)` for `path` written inside `vault` (resolved: `root`): the parts
    after the vault's are looked up from `root`, one `lstat` each, where resolving `path` anew
    followed every part of the vault again (with a `stat` more, a fiftieth of reading the
    corpus). A part that is a link, missing, `.` or `..` leaves it to `_relative`."""
    whole, top = str(path), str(vault)
    if os.name != "posix" or not whole.startswith(top + "/"):
        return _relative(path, root)
    rest = whole[len(top) + 1 :]
    at = str(root)
    for part in rest.split("/"):
        if part in {"", ".", ".."}:
            return _relative(path, root)
        at = f"{at}/{part}" if at != "/" else f"/{part}"
        try:
            if stat.S_ISLNK(os.lstat(at).st_mode):
                return _relative(path, root)
        except OSError:
            return _relative(path, root)
    return rest


def _deck_from_folder(rel: str, vault: Path, root: Path) -> str:
    parts = PurePosixPath(rel).parent.parts
    if parts:
        return "::".join(parts)
    return root.name if vault.is_dir() else root.parent.name


def _deck_from_meta(meta: dict[str, object]) -> str | None:
    deck = meta.get("deck")
    if not isinstance(deck, str) or not deck.strip():
        return None
    return "::".join(p.strip() for p in re.split(r"::|/", deck.strip()) if p.strip())


def _first_heading(body: str) -> str | None:
    if "#" not in body:  # the search below tries every position of a 100 KB line
        return None
    m = re.search(r"^#\s+(.+?)\s*#*\s*$", body, re.M)
    return m.group(1) if m else None


def _resolve_media(root: Path, note: str, target: str) -> str | None:
    """A vault-relative path for `target`, looked up as Obsidian does; None when it is missing
    or may not leave the vault (`find_media` decides, as it does for the exporter). `root` is
    the vault, resolved."""
    try:
        found = find_media_in(root, target, note)
    except MediaError:
        return None
    return found.relative_to(root).as_posix()
