"""Cloze cards: `{{c1::text}}` (with `::hint`) and, in notes marked for flashcards, highlights.

One card per cloze number: its front is the block with only that number's deletions marked.
Highlights count only where the author opted in (a `#flashcards` tag or `quiz: {highlight: true}`),
as the Obsidian Spaced Repetition plugin does: ordinary highlights are emphasis, not questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .context import Context, clean_card_text

CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::([^{}]*?))?\}\}", re.S)
HIGHLIGHT = re.compile(r"==(?=\S)([^=\n]+?)(?<=\S)==")
_INLINE_CODE = re.compile(r"(`+).+?\1")


def find(ctx: Context) -> Iterator[Candidate]:
    for block in ctx.blocks:
        if block.kind not in {"paragraph", "item", "heading"} or block.skipped:
            continue
        if "{{c" not in block.text and not (ctx.highlights and "==" in block.text):
            continue
        # an item's own lines: the items nested under it are blocks of their own
        last = block.line + block.text.count("\n") if block.kind == "item" else block.end
        if any(n in ctx.claimed for n in range(block.line, last + 1)):
            continue
        text, block_id, deck = clean_card_text(block.text)
        masked = _INLINE_CODE.sub(lambda m: " " * len(m.group()), text)
        if "{{c" in masked and CLOZE.search(masked, 0, closed(masked)):
            cards = list(_numbered(text, block.line))
        elif ctx.highlights and "==" in masked and HIGHLIGHT.search(masked):
            cards = list(_highlighted(text, block.line))
        else:
            continue
        if cards:
            ctx.claim(block.line, last)
            for card in cards:
                yield Candidate(
                    card.rule,
                    card.type,
                    card.front,
                    card.back,
                    card.line,
                    block_id=block_id,
                    side=card.side,
                    deck=deck,
                )


def closed(text: str) -> int:
    """Where the last `}}` ends: no cloze runs past it, so a search stops there instead of
    trying every unclosed `{{c1::` to the end of the note."""
    return text.rfind("}}") + 2


def _numbered(text: str, line: int) -> Iterator[Candidate]:
    end = closed(text)
    text, tail = text[:end], text[end:]
    numbers = sorted({int(m.group(1)) for m in CLOZE.finditer(text)})
    for number in numbers:
        answers: list[str] = []

        def keep(m: re.Match[str], number: int = number, answers: list[str] = answers) -> str:
            if int(m.group(1)) == number:
                answers.append(m.group(2))
                return m.group()
            return m.group(2)

        front = CLOZE.sub(keep, text) + tail
        if any(a.strip() for a in answers):
            yield Candidate("cloze", "cloze", front, "; ".join(answers), line, side=number)


def _highlighted(text: str, line: int) -> Iterator[Candidate]:
    spans = list(HIGHLIGHT.finditer(text))
    for k, target in enumerate(spans, start=1):

        def mark(m: re.Match[str], target: re.Match[str] = target, k: int = k) -> str:
            return f"{{{{c{k}::{m.group(1)}}}}}" if m.start() == target.start() else m.group(1)

        front = HIGHLIGHT.sub(mark, text)
        yield Candidate("cloze", "cloze", front, target.group(1), line, side=k)
