"""A question written as a sentence of its own (`…?`, `…？`, `¿…?`) and answered by the
paragraph or list right under it, in any language.

List-item questions answered by their nested items, and questions answered after `答：`/`A:`,
are the question rule's; question headings are the heading rule's.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Candidate
from .context import Context, clean_card_text
from .lang import DEICTIC, OPENER
from .shape import MAX_ANSWER, as_list
from .text import (
    is_explanation,
    is_first_person,
    is_instruction,
    strip_markup,
    strip_numbering,
    without_trailing_tags,
)

MAX_QUESTION = 200


def find(ctx: Context) -> Iterator[Candidate]:
    blocks = ctx.blocks
    for n, block in enumerate(blocks):
        if block.kind != "paragraph" or block.parent is not None:
            continue
        question = without_trailing_tags(block.text)  # "…是什么？ #anki": the tag files it
        if not question.rstrip(" *_").endswith(("?", "？")) or not ctx.free(block):
            continue
        text, block_id, deck = clean_card_text(question)
        asked = strip_numbering(strip_markup(text))
        if "\n" in asked or len(asked) > MAX_QUESTION or not asked.endswith(("?", "？")):
            continue
        if is_first_person(asked) or len(asked) < 8 or DEICTIC.search(asked):
            continue  # "Does it still hold?" asks about what came before, not on its own
        if ":" in asked or "：" in asked or asked.count("?") + asked.count("？") > 1:
            continue  # "The last question is: …? …?": a text thinking aloud
        answer = _answer(ctx, n)
        if answer:
            yield Candidate("asked", "basic", asked, answer, block.line, block_id, deck=deck)


def _answer(ctx: Context, n: int) -> str | None:
    """The paragraph under the question, with the list it introduces; or a list alone."""
    after = ctx.blocks[n + 1 : n + 1 + 12]
    if not after or not ctx.free(after[0]) or after[0].heading != ctx.blocks[n].heading:
        return None
    parts: list[str] = []
    if after[0].kind == "paragraph":
        text = clean_card_text(after[0].text)[0]
        if text.rstrip().endswith(("?", "？")):
            return None  # a run of questions: none answers the one before
        parts.append(text)
        after = after[1:]
    items = []
    for block in after:
        if block.kind != "item" or not ctx.free(block) or block.heading != ctx.blocks[n].heading:
            break
        items.append(block)
    if items and (not parts or parts[0].rstrip().endswith((":", "："))):
        parts.append(as_list(ctx, items))
    answer = "\n".join(parts).strip()
    if not answer or len(answer) > MAX_ANSWER or is_instruction(answer):
        return None
    plain = strip_markup(answer)
    if OPENER.match(plain) or DEICTIC.match(plain) or plain.startswith(("(", "（")):
        return None  # "这是下一节的内容", "(answer to come)": no answer yet
    return answer if is_explanation(answer, long=True) else None
