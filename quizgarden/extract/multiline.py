"""Multi-line cards: front lines, a line holding only `?` (`??` for both ways), back lines.

The block ends at a blank line, except that a fenced code block inside it stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate, CardType
from .context import Context, clean_card_text

_MARK_ID = re.compile(r"(\S+)\s+\^([A-Za-z0-9-]+)")


def find(ctx: Context) -> Iterator[Candidate]:
    seps = ctx.separators
    first = ctx.note.body_line
    fences: dict[int, tuple[int, int]] | None = None  # read on the first separator line
    # the vault's separators and the note's own (`separators.py`), which are one-way
    marks = {seps.multiline, seps.multiline_reversed, *ctx.multiline_marks}
    if "^" not in ctx.text and not any(mark in ctx.text for mark in marks):
        return  # a few searches in C: most notes hold neither a separator nor a block id
    for n, raw in enumerate(ctx.lines):
        stripped = raw.strip()
        if stripped not in marks and "^" not in stripped:
            continue  # the cheap test: most lines are no separator, with or without a block id
        line_no = first + n
        mark, mark_id = _mark(raw)
        if mark not in marks or not ctx.usable(line_no):
            continue
        if line_no in ctx.claimed:
            continue
        if fences is None:
            fences = _fence_spans(ctx)
        top = _walk(ctx, n - 1, -1, fences, marks)
        bottom = _walk(ctx, n + 1, 1, fences, marks)
        if top > n - 1 or bottom < n + 1:
            continue
        front, block_id, deck = clean_card_text("\n".join(ctx.lines[top:n]))
        back, block_id2, deck2 = clean_card_text("\n".join(ctx.lines[n + 1 : bottom + 1]))
        if not front or not back:
            continue
        ctx.claim(first + top, first + bottom)
        reversed_ = mark == seps.multiline_reversed
        kind: CardType = "reversed" if reversed_ else "basic"
        block, card_deck = mark_id or block_id2 or block_id, deck or deck2
        line = first + top
        yield Candidate("multiline", kind, front, back, line, block_id=block, deck=card_deck)
        if reversed_ and not _among_options(back, front):
            yield Candidate(
                "multiline", kind, back, front, line, block_id=block, side=1, deck=card_deck
            )


def _among_options(back: str, front: str) -> bool:
    """The back is one of the lines of the front (a multiple-choice question and the option
    that answers it): read the other way, the card would ask with its own answer."""
    answer = back.strip()
    return "\n" in front and any(line.strip() == answer for line in front.splitlines())


def _mark(raw: str) -> tuple[str, str | None]:
    """A separator line as written, and the block id after it: `? ^card-7` is `?` with id."""
    mark = raw.strip()
    m = _MARK_ID.fullmatch(mark) if "^" in mark else None
    return (m.group(1), m.group(2)) if m else (mark, None)


def _fence_spans(ctx: Context) -> dict[int, tuple[int, int]]:
    """Body line index -> (first, last) body index of the fenced block covering it."""
    spans: dict[int, tuple[int, int]] = {}
    for block in ctx.blocks:
        if block.kind in {"fence", "math"}:
            lo, hi = block.line - ctx.note.body_line, block.end - ctx.note.body_line
            for i in range(lo, hi + 1):
                spans[i] = (lo, hi)
    return spans


def _walk(
    ctx: Context, start: int, step: int, fences: dict[int, tuple[int, int]], marks: set[str]
) -> int:
    """Last line index reached from `start` in direction `step` before a blank line or a
    separator line (one of `marks`)."""
    n, last = start, start - step
    while 0 <= n < len(ctx.lines):
        if n in fences:
            lo, hi = fences[n]
            last = hi if step > 0 else lo
            n = last + step
            continue
        if not ctx.lines[n].strip() or _mark(ctx.lines[n])[0] in marks:
            break
        if ctx.note.body_line + n in ctx.skipped_lines:
            break
        last = n
        n += step
    return last
