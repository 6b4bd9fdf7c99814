"""Cards in a fenced block the Simple Flashcards plugin for Obsidian renders as a card:

    ```flashcard
    Q: What does a drawing power limit cap?
    A: What the borrower may draw this month.
    ```

The fence's info string, `flashcard`, is the plugin's own marker: inside it `Q:`/`A:` lines are a
question and its answer, a `{{word}}` is a cloze, and a `---` line alone parts one card from the
next (the plugin's deck blocks). Any other fenced block is code and is never read. Cloze cards
are the `cloze` rule's, as every cloze is (their identity is their deletion).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .context import Context, clean_card_text
from .deletions import CURLY, each_span

#: the opening fence of a block the plugin renders: "```flashcard", "~~~flashcard"
_OPEN = re.compile(r"^\s*(?:`{3,}|~{3,})\s*flashcards?\s*$", re.I)
_CLOSE = re.compile(r"^\s*(?:`{3,}|~{3,})\s*$")
_RULE = re.compile(r"^\s*-{3,}\s*$")
_Q = re.compile(r"^\s*Q[:：]\s*")
_A = re.compile(r"^\s*A[:：]\s*")


def find(ctx: Context) -> Iterator[Candidate]:
    first = ctx.note.body_line
    for block in ctx.blocks:
        if block.kind != "fence" or block.skipped or block.line in ctx.claimed:
            continue
        if not _OPEN.match(ctx.lines[block.line - first]):
            continue
        body = ctx.lines[block.line - first + 1 : block.end - first + 1]
        if body and _CLOSE.match(body[-1]):
            body = body[:-1]  # the closing fence
        cards = list(_cards(body, block.line + 1))
        if cards:
            ctx.claim(block.line, block.end)
            yield from cards


def _cards(body: list[str], line: int) -> Iterator[Candidate]:
    """The cards of a block's lines, `line` the file line of the first; `---` parts them."""
    start = 0
    for k in range(len(body) + 1):
        if k == len(body) or _RULE.match(body[k]):
            yield from _card(body[start:k], line + start)
            start = k + 1


def _card(rows: list[str], line: int) -> Iterator[Candidate]:
    """One card: a `Q:`/`A:` pair, or a text with `{{word}}` clozes (one card each)."""
    while rows and not rows[0].strip():
        rows, line = rows[1:], line + 1
    if not rows:
        return
    answer_at = next((k for k, row in enumerate(rows) if _A.match(row)), None)
    if _Q.match(rows[0]) and answer_at is not None:
        question = "\n".join([_Q.sub("", rows[0]), *rows[1:answer_at]])
        answer = "\n".join([_A.sub("", rows[answer_at]), *rows[answer_at + 1 :]])
        front, block_id, deck = clean_card_text(question.strip())
        back, _, _ = clean_card_text(answer.strip())
        if front and back:
            yield Candidate("fenced", "basic", front, back, line, block_id, deck=deck)
        return
    text = "\n".join(rows).strip()
    spans = list(CURLY.finditer(text))
    for k, (cloze, answer) in enumerate(each_span(spans, text), start=1):
        front, block_id, deck = clean_card_text(cloze)
        yield Candidate("cloze", "cloze", front, answer, line, block_id, k, deck=deck)
