"""Questions written in the text rather than as headings, with the answer right under them.

- a list item that asks something, answered by what is nested under it
  ("2. GBDT如何做特征选择？" followed by indented paragraphs or sub-items);
- a paragraph that ends with a question, answered by the next paragraph opening with `答：`
  or `A:`/`Answer:`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text
from .heading import MAX_ANSWER, is_question
from .text import (
    ANSWER_MARK,
    is_explanation,
    is_instruction,
    is_link_only,
    strip_markup,
    strip_numbering,
)

MAX_QUESTION = 200
_MARKS = ("?", "？")


def find(ctx: Context) -> Iterator[Candidate]:
    blocks = ctx.blocks
    for n, block in enumerate(blocks):
        if block.kind not in {"item", "paragraph"} or not block.text.rstrip("*_ ").endswith(_MARKS):
            continue
        if not ctx.free(block):
            continue
        text, block_id, deck = clean_card_text(block.text)
        asked = strip_numbering(strip_markup(text))
        if not asked or len(asked) > MAX_QUESTION or "\n" in asked or not _asks(asked):
            continue
        nested = block.kind == "item"
        answer = _nested_answer(ctx, n) if nested else _marked_answer(ctx, n)
        if answer:
            yield Candidate("question", "basic", asked, answer, block.line, block_id, deck=deck)


def _asks(text: str) -> bool:
    return text.endswith(("?", "？")) and is_question(text)


def _nested_answer(ctx: Context, n: int) -> str | None:
    parts: list[str] = []
    base = ctx.blocks[n].level
    for m in range(n + 1, len(ctx.blocks)):
        block = ctx.blocks[m]
        if not _inside(ctx.blocks, m, n):
            break
        if block.kind not in {"item", "paragraph", "math"} or not ctx.free(block):
            continue
        if is_link_only(block.text):
            continue
        text, _, _ = clean_card_text(block.text)
        if block.kind == "item":
            text = "  " * max(0, block.level - base - 1) + "- " + text
        parts.append(text)
        if sum(len(p) for p in parts) > MAX_ANSWER:
            break
    return _checked("\n".join(parts))


def _inside(blocks: list[Block], m: int, n: int) -> bool:
    parent = blocks[m].parent
    while parent is not None:
        if parent == n:
            return True
        parent = blocks[parent].parent
    return False


def _marked_answer(ctx: Context, n: int) -> str | None:
    following = ctx.blocks[n + 1] if n + 1 < len(ctx.blocks) else None
    if following is None or following.kind != "paragraph" or not ctx.free(following):
        return None
    if not ANSWER_MARK.match(following.text):
        return None
    text, _, _ = clean_card_text(ANSWER_MARK.sub("", following.text, count=1))
    return _checked(text)


def _checked(answer: str) -> str | None:
    answer = answer.strip()
    if not answer or not is_explanation(answer, long=True) or is_instruction(answer):
        return None
    return answer
