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


def each_span(spans: list[re.Match[str]], text: str) -> Iterator[tuple[str, str]]:
    """(front, answer) of one cloze per span of `text` (a highlight, a `{{text}}`), numbered in
    order: that span written `{{cK::…}}`, the others shown as plain text. Of overlapping spans
    the first wins."""
    for k, target in enumerate(spans, start=1):
        out, last = [], 0
        for m in spans:
            if m.start() < last:
                continue
            inner = text[m.start(1) : m.end(1)]
            out.append(text[last : m.start()])
            out.append(f"{{{{c{k}::{inner}}}}}" if m is target else inner)
            last = m.end()
        out.append(text[last:])
        yield "".join(out), text[target.start(1) : target.end(1)]


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
