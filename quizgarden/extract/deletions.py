"""Anki's cloze deletions, `{{c1::text}}` and `{{c2::text::hint}}`: where they close, and one
card per number. Every rule that reads cards written as Anki clozes (`cloze`, `anki`,
`hashcards`, `inline`) reads them through this one module."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate

CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::([^{}]*?))?\}\}", re.S)
# the Spaced Repetition plugin's curly cloze: not a template field or shortcode (`{{<`, `{{#`)
# "{{text}}", and Logseq's "{{cloze text}}", whose keyword is no part of the answer
CURLY = re.compile(r"(?<!\{)\{\{(?![<%#/^!>]|c\d+::)(?:cloze[ \t]+)?([^{}\n]+?)\}\}(?!\})")


def closed(text: str) -> int:
    """Where the last `}}` ends: no cloze runs past it, so a search stops there instead of
    trying every unclosed `{{c1::` to the end of the note."""
    return text.rfind("}}") + 2


def numbered(text: str, line: int) -> Iterator[Candidate]:
    """One card per `{{cN::…}}` number of `text`, only that number's deletions marked: the one
    reading of Anki's cloze, which the Obsidian_to_Anki rule's Cloze notes use too."""
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
