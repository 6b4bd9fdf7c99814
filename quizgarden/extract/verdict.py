"""True/false drills: a run of statements, each followed by its verdict (`… nel LIC. F`,
`The heart has four chambers. T`, `- Paris is in Spain. (False)`).

Exam-prep notes in every language list statements to judge this way; the verdict words
("T"/"F", "V"/"F", "wahr"/"falsch") come from the language tables. A lone line ending in "F"
is as likely a temperature or a grade, so only a run of such lines counts, each statement a
finished sentence before its mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .context import Context, clean_card_text
from .lang import VERDICT
from .text import strip_markup, units

#: The fewest judged statements in a row that make a drill.
MIN_RUN = 3
_MIN_UNITS = 4
_NUMBER = re.compile(r"^\s*(?:[-*+]\s+)?(?:\d{1,3}[.)]?\s+)?")
_JUDGED = re.compile(
    rf"^(?P<statement>.+?[.!?。])\s+[(\[]?(?P<mark>{VERDICT.pattern})[)\]]?\s*\??\s*$", re.I
)

_ANY_JUDGED = re.compile(rf"[.!?。]\s+[(\[]?(?:{VERDICT.pattern})[)\]]?\s*\??\s*$", re.I | re.M)


def find(ctx: Context) -> Iterator[Candidate]:
    # the free paragraphs and items that may hold a verdict: one search in C rules out most
    # blocks, and most notes hold none, so their blocks are not walked
    hinted = {n for n, block in ctx.prose if _may_judge(block.text)}
    if not hinted:
        return
    run: list[tuple[int, str, str]] = []
    for n, block in enumerate(ctx.blocks):
        if n not in hinted:  # another block ends a drill
            yield from _drill(run)
            run = []
            continue
        for offset, line in enumerate(block.text.split("\n")):
            judged = split_verdict(line)
            if judged is None:
                yield from _drill(run)
                run = []
            else:
                run.append((block.line + offset, *judged))
    yield from _drill(run)


def _may_judge(text: str) -> bool:
    """`_ANY_JUDGED.search(text)`, after a test in C for the full stop, the question or
    exclamation mark every statement before a verdict ends with: the pattern's first character
    is looked for at every character of the block, and a block in three holds none."""
    return ("." in text or "。" in text or "?" in text or "!" in text) and (
        _ANY_JUDGED.search(text) is not None
    )


def split_verdict(line: str) -> tuple[str, str] | None:
    """(statement, verdict) when `line` is a statement followed by a true/false mark."""
    words = line.rstrip(" \t?)]").rsplit(None, 1)  # cheap test first: most lines end otherwise
    if len(words) < 2 or not words[0].endswith((".", "!", "?", "。")):
        return None
    if VERDICT.fullmatch(words[1].lstrip("([")) is None:
        return None
    m = _JUDGED.match(_NUMBER.sub("", line, count=1))
    if m is None:
        return None
    statement = m.group("statement").strip()
    if units(strip_markup(statement)) < _MIN_UNITS:
        return None
    return statement, m.group("mark")


def _drill(run: list[tuple[int, str, str]]) -> Iterator[Candidate]:
    if len(run) < MIN_RUN:
        return
    for line, statement, mark in run:
        front, block_id, deck = clean_card_text(statement)
        yield Candidate("verdict", "basic", front, mark, line, block_id, deck=deck)
