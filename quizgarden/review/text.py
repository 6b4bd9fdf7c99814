"""Card text prepared for a terminal: cloze gaps, LaTeX as Unicode, Markdown left to rich.

Pure string transforms, so the screen and the plain-text mode show the same thing and tests can
check them without a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..fences import code_lines

# {{c1::text}} or {{c1::text::hint}}; the text may hold single braces (LaTeX) but not `}}`
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
# $$display$$ first, then $inline$ (no space just inside the dollars, as in Pandoc)
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?=\S)([^$\n]+?)(?<=\S)\$(?![$\d])")
# fenced code blocks (to their closing fence, or the end of the text) and inline code spans
_CODE = re.compile(
    r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)|(`+)[^`\n]+?\2", re.S | re.M
)
_TABLE_ROW = re.compile(r"^\s*\|")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\(<?([^)>\n]+?)>?(?:\s+\"[^\"]*\")?\)")
_MD_SPECIAL = re.compile(r"([\\*_`\[\]])")


def mask_cloze(text: str, number: int | None) -> str:
    """The front of cloze card `number`: its gaps as [...] or [hint], other clozes as plain text."""

    def gap(match: re.Match[str]) -> str:
        if number is None or int(match.group(1)) == number:
            return f"[{match.group(3) or '...'}]"
        return match.group(2)

    return CLOZE.sub(gap, text)


def fill_cloze(text: str, number: int | None, mark: str = "**") -> str:
    """The answer side: every gap filled, this card's gaps emphasised with `mark`."""

    def filled(match: re.Match[str]) -> str:
        if number is None or int(match.group(1)) == number:
            return f"{mark}{match.group(2)}{mark}"
        return match.group(2)

    return CLOZE.sub(filled, text)


def has_cloze(text: str) -> bool:
    return CLOZE.search(text) is not None


def latex_to_unicode(text: str, *, escape_markdown: bool = True) -> str:
    """Replace `$..$` and `$$..$$` with readable Unicode ((X-μ)/σ, xᵢ², √(2π)).

    Code (fenced blocks and inline spans) is left exactly as written. A formula that a line of
    text cannot show faithfully (a matrix, `cases`, `align`) is shown as its LaTeX source, in a
    code block, rather than flattened into something that means less.
    """
    if "$" not in text:
        return text
    return _outside_code(text, lambda part: _math(part, escape_markdown))


def _math(text: str, escape_markdown: bool) -> str:
    from .latex import formula_text, shows_as_source

    def convert(match: re.Match[str], display: bool) -> str:
        source = match.group(1).strip()
        if shows_as_source(source):
            return f"\n\n```latex\n{source}\n```\n\n" if display else f"`{source}`"
        result = formula_text(source)
        result = _MD_SPECIAL.sub(r"\\\1", result) if escape_markdown else result
        return "\n\n" + result + "\n\n" if display else result

    if "$$" in text:
        text = _DISPLAY_MATH.sub(lambda m: convert(m, True), text)
    return _INLINE_MATH.sub(lambda m: convert(m, False), text)


def _outside_code(text: str, change: Callable[[str], str]) -> str:
    """`change` applied to the text outside fenced code blocks and inline code spans."""
    if "`" not in text and "~~~" not in text:
        return change(text)
    out, last = [], 0
    for m in _CODE.finditer(text):
        out.append(change(text[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(change(text[last:]))
    return "".join(out)


def show_images(text: str) -> str:
    """`![alt](path)` as `[image: name]`: a terminal cannot show the picture, but the learner
    should know one belongs to the card (the Anki export packs it)."""
    if "![" not in text:
        return text

    def label(m: re.Match[str]) -> str:
        name = m.group(1).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return f"\\[image: {name}\\]"

    return _outside_code(text, lambda part: _IMAGE.sub(label, part))


def hard_breaks(text: str) -> str:
    """Single line breaks kept as Obsidian shows them: each line on its own line.

    Markdown joins a paragraph's lines into one; Obsidian (by default) and the note's author do
    not, so a formula would run into the next sentence. Lines in code blocks are left alone.
    """
    if "\n" not in text:
        return text
    lines = text.split("\n")
    for n, code in enumerate(code_lines(lines)):
        if code:
            continue
        line = lines[n]
        following = lines[n + 1] if n + 1 < len(lines) else ""
        if line.strip() and following.strip() and not _TABLE_ROW.match(line):
            lines[n] = line.rstrip() + "  "
    return "\n".join(lines)


def front_text(front: str, card_type: str, side: int) -> str:
    """The question as shown: cloze gaps masked, math converted."""
    if card_type == "cloze" or has_cloze(front):
        front = mask_cloze(front, side or None)
    return latex_to_unicode(show_images(front))


def back_text(front: str, back: str, card_type: str, side: int) -> str:
    """The answer as shown: for a cloze, the whole text with the gaps filled in."""
    if card_type == "cloze" or has_cloze(front):
        return latex_to_unicode(show_images(fill_cloze(front, side or None)))
    return latex_to_unicode(show_images(back))


def plain(text: str) -> str:
    """Undo the Markdown escapes `latex_to_unicode` added, for plain-text output."""
    return re.sub(r"\\([\\*_`\[\]])", r"\1", text)


def short_source(note: str, line: int, limit: int) -> str:
    """`note:line` in at most `limit` terminal cells: the folders go first, then the start of the
    file name, never the line number (`…/deep/CNN.md:42`)."""
    from rich.cells import cell_len

    full = f"{note}:{line}"
    if cell_len(full) <= limit:
        return full
    tail = f":{line}"
    parts = note.split("/")
    for start in range(1, len(parts)):
        shorter = "…/" + "/".join(parts[start:]) + tail
        if cell_len(shorter) <= limit:
            return shorter
    name = parts[-1]
    while name and cell_len("…" + name + tail) > limit:
        name = name[1:]
    return "…" + name + tail
