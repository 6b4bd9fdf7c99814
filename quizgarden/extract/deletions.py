"""Anki's cloze deletions, `{{c1::text}}` and `{{c2::text::hint}}`: where they close, and one
card per number. Every rule that reads cards written as Anki clozes (`cloze`, `anki`,
`hashcards`, `inline`) reads them through this one module."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import count

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


#: what the Obsidian_to_Anki plugin keeps out of its curly clozes, masked in this order as it
#: masks them: display math, inline math, Anki's math, fenced code, inline code
_PLUGIN_KEPT = tuple(
    re.compile(p)
    for p in (
        r"\$\$[\s\S]*?\$\$",
        r"(?<!\$)\$(?=\S)(?=[^$])[\s\S]*?\S\$",
        r"\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]",
        r"```[\s\S]*?```",
        r"(?<!`)`(?=[^`])[\s\S]*?`",
    )
)
_KEPT_MARK = re.compile("\ue000(\\d+)\ue001")
_PLUGIN_HIGHLIGHT = re.compile(r"==(.*?)==")
#: the plugin's curly cloze: `{text}`, `{2:text}`, `{c2:text}` or `{c2|text}`; not `{{…}}`,
#: never across a blank line
_PLUGIN_CURLY = re.compile(r"(?<!\{)\{(?:c?(\d+)[:|])?(?!\{)((?:[^\n]\n?)+?)(?<!\})\}(?!\})")


def curly_to_cloze(text: str, highlights: bool = False) -> str:
    """`text` with the Obsidian_to_Anki plugin's curly clozes written as Anki's, as its
    `CurlyCloze` setting converts them: `{text}` is `{{c1::text}}` (the unnumbered ones numbered
    1, 2, … in order), `{2:text}` and `{c2:text}` are `{{c2::text}}`; with `highlights`
    (`CurlyCloze - Highlights to Clozes`) `==text==` is first read as `{text}`. Braces in math
    and code are left as they are."""
    if "{" not in text and not (highlights and "==" in text):
        return text
    if "\ue000" in text:
        return text  # holds the mark this function keeps math and code out with: left alone
    kept: list[str] = []

    def keep(m: re.Match[str]) -> str:
        kept.append(m.group())
        return f"\ue000{len(kept) - 1}\ue001"

    for pattern in _PLUGIN_KEPT:
        text = pattern.sub(keep, text)
    if highlights:
        text = _PLUGIN_HIGHLIGHT.sub(r"{\1}", text)
    unset = count(1)

    def cloze(m: re.Match[str]) -> str:
        number = m.group(1) or str(next(unset))
        return f"{{{{c{number}::{m.group(2)}}}}}"

    text = _PLUGIN_CURLY.sub(cloze, text)

    def restore(m: re.Match[str]) -> str:
        return _KEPT_MARK.sub(restore, kept[int(m.group(1))])

    return _KEPT_MARK.sub(restore, text)
