"""Questions in an HTML disclosure block, the answer hidden until the reader opens it:

    <details>
    <summary>What does a load balancer do?</summary><br><b>

    It spreads requests over several servers.
    </b></details>

Interview-question banks and self-quiz notes on GitHub (devops-exercises and its many forks)
write every question this way: the page shows the question and hides the answer, which is what
a flashcard does. The summary is the front when it asks (it ends with `?` or `？`): a summary
that only names what it hides (`Click to expand`, `Output`) is no question. The back is what the
block holds after its summary, less the layout tags that wrap it (`<br>`, `<b>`, `<p>`). A
block that holds another disclosure block groups questions and is not one: the inner blocks are
read on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .context import Context, clean_card_text

_OPEN = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?<details\b[^>]*>", re.I)
_TAG = re.compile(r"</?details\b[^>]*>", re.I)
_SUMMARY = re.compile(r"^\s*<summary\b[^>]*>(.*?)</summary\s*>", re.I | re.S)
#: layout tags around an answer: not part of it
_LAYOUT = r"</?(?:br|b|strong|p|div|hr)\b[^>]*>"
_WRAP = re.compile(rf"^(?:\s*{_LAYOUT})+|(?:{_LAYOUT}\s*)+$", re.I)
_INNER_TAG = re.compile(r"</?(?:b|strong|i|em|code)\b[^>]*>", re.I)
#: a disclosure block longer than this is a section folded away, not one answer
_MAX_LINES = 80


def find(ctx: Context) -> Iterator[Candidate]:
    first = ctx.note.body_line
    lines = ctx.lines
    fenced = _fenced(ctx)
    for n, line in enumerate(lines):
        if "<details" not in line.lower() or first + n in fenced:
            continue
        opened = _OPEN.match(line)
        if opened is None or first + n in ctx.skipped_lines or first + n in ctx.claimed:
            continue
        close = _closing(lines, n, opened.end())
        if close is None:
            continue
        end_line, end_col = close
        if end_line - n > _MAX_LINES:
            continue
        inner = _inner(lines, n, opened.end(), end_line, end_col)
        summary = _SUMMARY.match(inner)
        if summary is None or _TAG.search(inner):
            continue  # no summary to ask, or a group of questions
        front, _, _ = clean_card_text(_INNER_TAG.sub("", " ".join(summary.group(1).split())))
        if not front.endswith(("?", "？")):
            continue
        body = _WRAP.sub("", inner[summary.end() :].strip()).strip()
        back, block_id, deck = clean_card_text(body)
        if not back:
            continue
        ctx.claim(first + n, first + end_line)
        yield Candidate("details", "basic", front, back, first + n, block_id, deck=deck)


def _fenced(ctx: Context) -> set[int]:
    """File lines inside fenced or indented code: a disclosure block shown as an example."""
    return {
        line
        for block in ctx.blocks
        if block.kind in {"fence", "code"}
        for line in range(block.line, block.end + 1)
    }


def _closing(lines: list[str], n: int, col: int) -> tuple[int, int] | None:
    """(line index, column) just before the `</details>` that closes the block opened on line
    `n`, nested blocks counted; None when it is never closed."""
    depth = 1
    for k in range(n, min(len(lines), n + _MAX_LINES + 1)):
        text = lines[k]
        start = col if k == n else 0
        for tag in _TAG.finditer(text, start):
            depth += -1 if tag.group(0).startswith("</") else 1
            if depth == 0:
                return k, tag.start()
    return None


def _inner(lines: list[str], n: int, col: int, end: int, end_col: int) -> str:
    """The text between the opening tag and the closing one."""
    if end == n:
        return lines[n][col:end_col]
    middle = lines[n + 1 : end]
    return "\n".join([lines[n][col:], *middle, lines[end][:end_col]])
