"""Formulas: display math becomes a card that asks for the right-hand side.

The front names the formula from its surroundings (the heading, the words that lead into it,
and the left-hand side), the back keeps the LaTeX as LaTeX. Only equations with a short
left-hand side are taken: the steps of a derivation are not cards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context
from .text import strip_markup, strip_numbering, units

_INLINE_DISPLAY = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]", re.S)
_ENV = re.compile(r"\\(?:begin|end)\{(?:aligned|align\*?|equation\*?|split|gather\*?)\}")
_RELATION = re.compile(r"(?<![<>!\\])(?:=|\\approx|\\equiv|\\triangleq|:=)")
_LEAD_END = re.compile(r"[:：]\s*$")
MAX_LATEX = 600
MAX_LHS = 60


def find(ctx: Context) -> Iterator[Candidate]:
    seen: set[str] = set()
    previous: Block | None = None
    for block in ctx.blocks:
        if block.skipped:
            previous = block
            continue
        for latex, lead, line in _formulas(block, previous):
            lhs = left_side(latex)
            if lhs is None or lhs in seen or not ctx.free(block):
                continue
            seen.add(lhs)
            front = _front(ctx, block, lead, lhs)
            if front:
                yield Candidate("formula", "basic", front, f"$$\n{latex}\n$$", line)
        previous = block


def _formulas(block: Block, previous: Block | None) -> Iterator[tuple[str, str, int]]:
    if block.kind == "math":
        lead = ""
        if previous is not None and previous.kind in {"paragraph", "item"}:
            last = previous.text.strip().split("\n")[-1]
            if _LEAD_END.search(last) or units(last) <= 12:
                lead = last
        yield _unwrap(block.text), lead, block.line
    elif block.kind in {"paragraph", "item"} and ("$$" in block.text or "\\[" in block.text):
        for m in _INLINE_DISPLAY.finditer(block.text):
            before = block.text[: m.start()].split("\n")[-1]
            line = block.line + block.text.count("\n", 0, m.start())
            yield (m.group(1) or m.group(2)).strip(), before, line


def _unwrap(source: str) -> str:
    source = source.strip()
    for open_, close in (("$$", "$$"), ("\\[", "\\]")):
        if source.startswith(open_) and source.endswith(close) and len(source) > 4:
            return source[len(open_) : -len(close)].strip()
    return source


def left_side(latex: str) -> str | None:
    """The named side of an equation (`\\text{Attention}(Q,K,V)`), or None if it has none."""
    if len(latex) > MAX_LATEX or len(latex) < 6:
        return None
    body = _ENV.sub("", latex).strip()
    m = _RELATION.search(body)
    if not m:
        return None
    lhs = body[: m.start()].replace("&", "").replace("\\\\", "").strip()
    if not lhs or len(lhs) > MAX_LHS or not re.search(r"[A-Za-z]", lhs):
        return None
    return lhs


def _front(ctx: Context, block: Block, lead: str, lhs: str) -> str | None:
    parts = []
    if block.heading is not None:
        parts.append(strip_numbering(strip_markup(ctx.blocks[block.heading].text)))
    lead = strip_markup(lead).strip().rstrip(":：").strip()
    lead = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", lead)
    if lead and units(lead) <= 20:
        parts.append(lead)
    parts = [p for p in parts if p]
    if not parts:
        parts.append(ctx.note.title)
    return f"{' — '.join(parts)}: ${lhs} = \\;?$"
