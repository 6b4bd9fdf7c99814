"""Questions in an HTML disclosure block, the answer hidden until the reader opens it:

    <details>
    <summary>What does a load balancer do?</summary><br><b>

    It spreads requests over several servers.
    </b></details>

Interview-question banks and self-quiz notes on GitHub (devops-exercises and its many forks)
write every question this way: the page shows the question and hides the answer, which is what
a flashcard does. The summary is the front when it asks (it ends with `?` or `？`). Quiz banks
(javascript-questions and its translations) put the question above and fold only its answer:

    ###### 3. What does `typeof null` return?

    - A: `"null"`
    - B: `"object"`

    <details><summary><b>Answer</b></summary>…</details>

A summary that only says it folds an answer (`Answer`, `Show solution`, `答案`: the language
tables' `reveal_labels`) answers what stands right above it: the heading or paragraph that asks
(any question, an exercise, a stem ending in `:`), with the options and code under it (list
items, `(a) … (b) …` lines, code blocks); the front is all of that. Any other summary that does
not ask (`Click to expand`, `Atmosphere`) names what it hides and is no card. The back is what
the block holds after its summary, less the layout tags that wrap it (`<br>`, `<b>`, `<p>`). A
block that holds another disclosure block groups questions and is not one: the inner blocks are
read on their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .context import Context, clean_card_text
from .lang import REVEAL_LABEL
from .text import ATX_HEADING, BOLD_OPENERS, strip_markup

_OPEN = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+)?<details\b[^>]*>", re.I)
_TAG = re.compile(r"</?details\b[^>]*>", re.I)
_SUMMARY = re.compile(r"^\s*<summary\b[^>]*>(.*?)</summary\s*>", re.I | re.S)
#: layout tags around an answer: not part of it
_LAYOUT = r"</?(?:br|b|strong|p|div|hr)\b[^>]*>"
_WRAP = re.compile(rf"^(?:\s*{_LAYOUT})+|(?:{_LAYOUT}\s*)+$", re.I)
_INNER_TAG = re.compile(r"</?(?:b|strong|i|em|code)\b[^>]*>", re.I)
#: a disclosure block longer than this is a section folded away, not one answer
_MAX_LINES = 80


_ANY = re.compile(r"<details", re.I)


def find(ctx: Context) -> Iterator[Candidate]:
    if _ANY.search(ctx.note.body) is None:  # the cheap test first: most notes hold none
        return
    first = ctx.note.body_line
    lines = ctx.lines
    fenced = ctx.fenced_lines
    for n, line in enumerate(lines):
        if "<" not in line or _ANY.search(line) is None or first + n in fenced:
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
        start = n
        if not front.endswith(("?", "？")):
            asked = _asked_above(ctx, n, fenced) if _reveal(front) else None
            if asked is None:
                continue
            start, front = asked
        body = _WRAP.sub("", inner[summary.end() :].strip()).strip()
        back, block_id, deck = clean_card_text(body)
        if not back:
            continue
        ctx.claim(first + start, first + end_line)
        yield Candidate("details", "basic", front, back, first + start, block_id, deck=deck)


#: how far above its disclosure block a question may stand (its options or code between)
_MAX_ABOVE = 30
_ASKS = re.compile(r"[?？]\s*(?:\*\*|__|\*|_)?\s*$")
_LIST_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
#: options written as a paragraph: "(a) $CV$ (b) …", "A) …", "b. …"
_OPTION_LINE = re.compile(r"^\s*(?:\(?[a-eA-E][).]|[a-eA-E]\.)\s")
#: what ends the search for a question above: another answer, a rule, a table row, a quote
_STOP = re.compile(r"^\s*(?:</details>|</?\w[^>]*>\s*$|(?:[-*_]\s*){3,}$|\||>)", re.I)


_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def _reveal(summary: str) -> bool:
    """A summary that only says it folds an answer (`Answer`, `👉 Show answer:`, `答案`)."""
    return REVEAL_LABEL.match(_EDGES.sub("", strip_markup(summary))) is not None


def _asked_above(ctx: Context, n: int, fenced: frozenset[int]) -> tuple[int, str] | None:
    """(line index, front) of the question line `n`'s disclosure block answers: the heading or
    paragraph right above it, over a list of options or a code block; None when another
    disclosure block, a rule, a table or a card comes first."""
    first = ctx.note.body_line
    lines = ctx.lines
    k = n - 1
    while k >= 0 and n - k <= _MAX_ABOVE:
        line = lines[k]
        if first + k in ctx.claimed:
            return None
        if first + k in fenced or not line.strip() or _option(line):
            k -= 1
            continue
        if _STOP.match(line):
            return None
        break
    else:
        return None
    top = k
    if not ATX_HEADING.match(lines[k]) and not _LIST_MARK.match(lines[k]):
        while top > 0 and lines[top - 1].strip() and not ATX_HEADING.match(lines[top - 1]):
            if first + top - 1 in fenced or "</details>" in lines[top - 1].lower():
                break
            top -= 1  # a question wrapped over the lines of its paragraph
    rows = [ATX_HEADING.sub("", row) for row in lines[top:n]]
    front, _, _ = clean_card_text("\n".join(rows).strip())
    if not front:
        return None
    return top, _unbold_question(front)


def _option(line: str) -> bool:
    """A short list item or lettered line that does not ask: an option of a question."""
    marked = _LIST_MARK.match(line) or _OPTION_LINE.match(line)
    return bool(marked) and not _ASKS.search(line) and len(line.split()) <= 24


def _unbold_question(front: str) -> str:
    """`**2. Which planet…?**` as a whole in bold: the marks are not part of the question."""
    head, sep, rest = front.partition("\n")
    marks = head.count("**") + head.count("__")
    if head.startswith(BOLD_OPENERS) and head.endswith(BOLD_OPENERS) and marks == 2:
        head = head[2:-2]
    return head + sep + rest


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
