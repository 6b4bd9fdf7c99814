"""Definition lists, as Markdown extensions write them: a term on its own line, then one or
more lines opening with `: ` that define it.

    Mitochondrion
    : the organelle that makes most of the cell's ATP
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text
from .shape import is_label
from .text import strip_markup, units

_DEFINES = re.compile(r"^:[ \t]+(\S.*)$")


def find(ctx: Context) -> Iterator[Candidate]:
    blocks = ctx.blocks
    found: list[tuple[int, int]] = []  # (first, last) file lines of each card
    for n, block in enumerate(blocks):
        if block.kind != "paragraph" or ("\n:" not in block.text and block.text[:1] != ":"):
            continue  # no line opens with ":": nothing is defined here
        if not ctx.free(block):
            continue
        lines = block.text.split("\n")
        start = 0
        if _DEFINES.match(lines[0]) and n > 0 and _pairs_with(blocks[n - 1], block, found):
            # ": definition" opening a paragraph, the term alone in the one before it
            defs = _definitions(lines, 0)
            yield _card(blocks[n - 1].text, defs, blocks[n - 1].line)
            start = _lines_of(defs)
            found.append((blocks[n - 1].line, block.line + start - 1))
        for i in range(start, len(lines) - 1):
            line = lines[i]
            if _DEFINES.match(line) or not _is_term(line):
                continue
            defs = _definitions(lines, i + 1)
            if defs:
                yield _card(line, defs, block.line + i)
                found.append((block.line + i, block.line + i + _lines_of(defs)))
    for first, last in found:
        ctx.claim(first, last)


def _pairs_with(term: Block, block: Block, found: list[tuple[int, int]]) -> bool:
    return (
        term.kind == "paragraph"
        and "\n" not in term.text
        and term.end < block.line
        and _is_term(term.text)
        and not any(first <= term.line <= last for first, last in found)
    )


def _definitions(lines: list[str], start: int) -> list[str]:
    """The `: ` lines from `start`; a line without the colon continues the definition above it
    (a lazy continuation, as PHP Markdown Extra and Pandoc read it) unless a `: ` line follows
    it, which makes it the next term."""
    out: list[str] = []
    for i in range(start, len(lines)):
        m = _DEFINES.match(lines[i])
        if m:
            out.append(m.group(1).strip())
        elif out and not (i + 1 < len(lines) and _DEFINES.match(lines[i + 1])):
            out[-1] += "\n" + lines[i].strip()
        else:
            break
    return out


def _lines_of(defs: list[str]) -> int:
    return sum(d.count("\n") + 1 for d in defs)


def _is_term(line: str) -> bool:
    plain = strip_markup(line).strip()
    return (
        0 < units(plain) <= 10
        and not plain.endswith((".", "。", ":", "："))
        and not is_label(plain)
        and "|" not in plain  # "Computer | Velocità" over ": -- | --": a table's header row
    )


def _card(term: str, defs: list[str], line: int) -> Candidate:
    front, block_id, deck = clean_card_text(strip_markup(term))
    back = defs[0] if len(defs) == 1 else "\n".join(f"- {d}" for d in defs)
    back, back_id, _ = clean_card_text(back)
    return Candidate("deflist", "basic", front, back, line, block_id or back_id, deck=deck)
