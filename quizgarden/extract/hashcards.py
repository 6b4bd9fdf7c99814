"""hashcards' cloze cards: `C: The [order] of a group is [the cardinality of its set].`

hashcards, a plain-text spaced repetition tool, opens a cloze card with `C:` and marks each
deletion with square brackets; each deletion is a card of its own. The card runs to the end of
its block, or, after a `C:` alone on its line, over blank lines to the next card, heading or
rule, as its `Q:`/`A:` cards do (see `qa`). Brackets that are Markdown (links, images,
footnotes, wikilinks, task boxes, link definitions) are not deletions, and a `C:` that follows
`B:` is the third option of a multiple-choice question, not a card. In a deck that writes each
card as a record of more fields (`tags: …` under it), the card ends at its first field (`fields`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..model import Candidate
from .context import Context, clean_card_text
from .deletions import numbered
from .fields import field_key, repeated, until_field
from .text import CARD_END

RULE = "hashcards"
_OPEN = re.compile(r"^C[:：][ \t]*")
_OPTION = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?B[:：.)]")
# "[order]": not "![image]", "[[link]]", "[text](url)", "[text][ref]", "[^1]", "[ ]"/"[x]"
_DELETION = re.compile(r"(?<![!\[\]\\])\[(?![\^ xX]\])(?!\^)([^\[\]\n]+)\](?![(\[])")
_REFERENCE = re.compile(r"^\[[^\]\n]+\]:[ \t]")


def find(ctx: Context) -> Iterator[Candidate]:
    if "C:" not in ctx.note.body and "C：" not in ctx.note.body:
        return  # most notes: no line read
    first = ctx.note.body_line
    records = list(_records(ctx))
    fields = repeated((keys for _, _, _, keys in records), ("C:",))
    for n, end, lines, keys in records:
        kept = until_field(lines, keys, fields)
        text = "\n".join(kept).strip()
        if _REFERENCE.match(text):
            continue
        count = 0

        def mark(m: re.Match[str]) -> str:
            nonlocal count
            count += 1
            return f"{{{{c{count}::{m.group(1)}}}}}"

        marked = _DELETION.sub(mark, text)
        if not count:
            continue
        cleaned, block_id, deck = clean_card_text(marked)
        cards = [
            replace(c, rule=RULE, block_id=block_id, deck=deck)
            for c in numbered(cleaned, first + n)
        ]
        if cards:
            ctx.claim(first + n, first + end - 1)
            yield from cards


def _records(ctx: Context) -> Iterator[tuple[int, int, list[str], list[str | None]]]:
    """Each `C:` card as written: its first and past-last body line, its text's lines, and each
    line's key if it has a field's shape (see `fields`)."""
    lines, first = ctx.lines, ctx.note.body_line
    for n, line in enumerate(lines):
        if not line.startswith(("C:", "C：")) or not ctx.usable(first + n):
            continue
        if _after_option(lines, n):
            continue
        opened = not _OPEN.sub("", line).strip()
        end = n + 1
        while end < len(lines) and ctx.usable(first + end) and not CARD_END.match(lines[end]):
            if not lines[end].strip() and not opened:
                break
            end += 1
        while end > n + 1 and not lines[end - 1].strip():
            end -= 1
        below = lines[n + 1 : end]
        keys = [None, *(field_key(text, "") for text in below)]  # a `C:` opens at the edge
        yield n, end, [_OPEN.sub("", line), *below], keys


def _after_option(lines: list[str], n: int) -> bool:
    """The line above (over blank lines) is a `B:` option: `C:` is the next one."""
    for line in reversed(lines[max(0, n - 3) : n]):
        if line.strip():
            return _OPTION.match(line) is not None
    return False
