"""Cards written as a pair of headings named after Anki's fields, as Markdown-to-Anki converters
read them (mankidown, markdown-flashcards apps, `<!-- Card Start -->` decks):

    ## Front

    Which organelle makes most of a cell's ATP?

    ## Back

    The mitochondrion.

A heading that is only the name of the front field (`Front`, `Vorderseite`, `正面`: the language
tables' `front_fields`) followed, with text between, by a heading of the same level that is only
the back field's name (`Back`) makes one card: the text under the first is the front, the text
under the second, up to the next heading of its level or above or an HTML comment (the
`<!-- /card -->` that closes a card), the back. A `Back` heading alone (a link back to an index)
is no card. An exported Anki field is HTML: its `<div>` and `<br>` break lines, and its
`<img>` tags name media the export does not carry, so they are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text
from .lang import BACK_FIELD, FRONT_FIELD
from .text import strip_markup

#: longer heading text than this names no field (`**Vorderseite**:` is the longest kept)
_LONGEST = 20


def find(ctx: Context) -> Iterator[Candidate]:
    blocks = ctx.blocks
    for n, block in enumerate(blocks):
        if block.kind != "heading" or len(block.text) > _LONGEST:
            continue  # the cheap test first: a field's name is one short word
        if not FRONT_FIELD.match(_name(block)):
            continue
        back_at = _next_heading(blocks, n)
        if back_at is None or back_at == n + 1:
            continue
        back_head = blocks[back_at]
        if back_head.level != block.level or not BACK_FIELD.match(_name(back_head)):
            continue
        end = _section_end(blocks, back_at)
        if end == back_at:
            continue
        if not all(ctx.free(b) for b in blocks[n : end + 1]):
            continue
        front_text = _field(_text(ctx, blocks[n + 1], blocks[back_at - 1]))
        front, block_id, deck = clean_card_text(front_text)
        back, back_id, _ = clean_card_text(_field(_text(ctx, blocks[back_at + 1], blocks[end])))
        if not front or not back:
            continue
        ctx.claim(block.line, blocks[end].end)
        yield Candidate("sided", "basic", front, back, block.line, block_id or back_id, deck=deck)


_BREAK = re.compile(r"(?:[ \t]*(?:</?(?:div|p)\b[^>]*>|<br\s*/?>)[ \t]*)+", re.I)
_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
_BLANKS = re.compile(r"\n{3,}")


def _field(text: str) -> str:
    """An Anki field as text: `<div>`/`<br>` as line breaks, `<img>` tags left out."""
    if "<" not in text:
        return text
    text = _BREAK.sub("\n", _IMAGE.sub("", text))
    return _BLANKS.sub("\n\n", "\n".join(line.rstrip() for line in text.split("\n"))).strip()


def _name(heading: Block) -> str:
    return strip_markup(heading.text).strip().rstrip(":：").strip()


def _next_heading(blocks: list[Block], n: int) -> int | None:
    """Index of the first heading after block `n`; None when an HTML block comes first."""
    for k in range(n + 1, len(blocks)):
        if blocks[k].kind == "heading":
            return k
        if blocks[k].kind == "html":
            return None
    return None


def _section_end(blocks: list[Block], n: int) -> int:
    """Index of the last block under heading `n`: before the next heading of its level or
    above, or an HTML block (the comment that closes a card)."""
    last = n
    for k in range(n + 1, len(blocks)):
        block = blocks[k]
        if block.kind == "html" or (block.kind == "heading" and block.level <= blocks[n].level):
            break
        last = k
    return last


def _text(ctx: Context, first: Block, last: Block) -> str:
    """The note's lines from block `first` to block `last`, as written."""
    start = ctx.note.body_line
    return "\n".join(ctx.lines[first.line - start : last.end - start + 1]).strip()
