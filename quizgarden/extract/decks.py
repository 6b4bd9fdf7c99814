"""Decks written for Markdown-to-Anki converters, read as their converters read them.

- `sections` (mdanki, md2apkg, md2anki): every heading is a card's front and what follows it,
  up to the next heading, its back; a `%` alone on a line in the section moves what comes
  before it to the front. Ordinary notes are made of headings and sections too, so a note is
  read this way only when its file is named as a deck (`flashcards.md`, `Karteikarten.md`,
  `anki.md`: the tables' `deck_names`) or its frontmatter asks for it (`quiz: {sections:
  true}`), or where two or more of its sections each hold one `%` line alone, which no
  ordinary note has (mdanki's own example). A note's one top heading over all the others names
  the deck, not a card; a heading with nothing under it groups the cards after it; a `---` or
  `%%` closing a section parts it from the next card (md-to-anki), no part of its back, and
  neither is what follows it in the section (a deck's footer).
- `ankdown` (Ankdown, md-to-anki): `%` alone on a line parts a card's fields (front, back,
  tags) and `---` or `%%` alone parts the cards. Read where a note has two such `%` lines.
- `panky` (Anki Panky, which writes Pandoc slides): a slide opens at a `---` rule or a top
  heading, and Pandoc's pause, `. . .` alone on a line, parts its front from its back; a
  top-heading slide without a pause is a card too, the heading its front. Read where a note
  has two pauses: one alone is an ellipsis.

Sections and cards that hold cards of another syntax (`Q:`/`A:`, `::`) are left to those rules,
which run first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text, naming_title
from .lang import DECK_NAME
from .shape import is_question
from .text import ATX_HEADING

_FIELD = "%"
_FIELD_LINE = re.compile(r"^[ \t]*%[ \t]*$", re.M)
# the same after the newline that opens its line: a character the engine jumps to, where the
# `^` of a multi-line pattern is tried at every character of the note
_FIELD_NEXT_LINE = re.compile(r"\n" + _FIELD_LINE.pattern.removeprefix("^"), re.M)
_CARD_BREAKS = frozenset({"---", "%%", "***", "___"})
_STEM_SEPARATORS = re.compile(r"[\s_.\-]+|\d+")
_TAG_SPLIT = re.compile(r"[,\s]+")
_PAUSE = ". . ."
_PAUSE_LINE = re.compile(r"^[ \t]*\. \. \.[ \t]*$", re.M)
_TOP_HEADING = re.compile(r"#[ \t]+(.*?)[ \t#]*")
_PANKY_TAGS = re.compile(r"\s*<AnkiTags\b([^>]*?)/?>\s*\Z")


def is_deck(ctx: Context) -> bool:
    """The note asks to be read as a deck of sections: by its file's name, or its frontmatter."""
    if "sections" in ctx.note.settings.enabled_rules:
        return True
    stem = ctx.note.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return DECK_NAME.match(_STEM_SEPARATORS.sub(" ", stem).strip()) is not None


def _has_field_line(body: str) -> bool:
    """`_FIELD_LINE.search(body) is not None`, its lines found from their newlines; a note with
    no `%` at all is told without a regex."""
    return _FIELD in body and bool(_FIELD_LINE.match(body) or _FIELD_NEXT_LINE.search(body))


def _fields_under_headings(ctx: Context, headings: list[Block]) -> bool:
    """Two or more sections hold one `%` line each and none holds more: cards written for
    mdanki, whose front is the heading. Read as Ankdown's, with no `---` between them, such a
    deck would run into one card."""
    if not _has_field_line(ctx.note.body):
        return False
    first = ctx.note.body_line
    fields = [first + n for n, line in enumerate(ctx.lines) if line.strip() == _FIELD]
    per_section = Counter(
        bisect_right([h.line for h in headings], line) for line in fields if ctx.usable(line)
    )
    per_section.pop(0, None)  # a `%` above the first heading belongs to no section
    return len(per_section) >= 2 and max(per_section.values()) == 1


def find_sections(ctx: Context) -> Iterator[Candidate]:
    headings = [b for b in ctx.blocks if b.kind == "heading" and not b.quoted]
    if not is_deck(ctx) and not _fields_under_headings(ctx, headings):
        return
    first, lines = ctx.note.body_line, ctx.lines
    if len(headings) > 1 and headings[0].level == 1 and all(h.level > 1 for h in headings[1:]):
        headings = headings[1:]  # "# Chemistry" over "## …" cards: the deck's title
    for k, heading in enumerate(headings):
        start = heading.end + 1
        end = headings[k + 1].line - 1 if k + 1 < len(headings) else first + len(lines) - 1
        end = _closed_at(ctx, start, end)
        while end >= start and (
            not lines[end - first].strip() or lines[end - first].strip() in _CARD_BREAKS
        ):
            end -= 1
        if end < start or not ctx.claimed.isdisjoint(range(heading.line, end + 1)):
            continue  # a heading that groups the cards under it, or a section of other cards
        body = lines[start - first : end - first + 1]
        front, back = _split_front(heading.text, body, ctx, start)
        if front == heading.text and _only_code(ctx, start, end) and not _asks_for(front):
            continue  # "### Note" over a fenced note template: a snippet to copy, no question
        yield from _card(ctx, "sections", front, back, (), heading.line, end)


def _only_code(ctx: Context, start: int, end: int) -> bool:
    """Whether every line of a section's back, from `start` to `end`, is code or blank."""
    first, lines = ctx.note.body_line, ctx.lines
    return all(n in ctx.code_lines or not lines[n - first].strip() for n in range(start, end + 1))


def _asks_for(heading: str) -> bool:
    """Whether a deck's heading over a back that is only code is a front of its own: a question
    ("How do I reverse a list?") or a name ("List comprehension"), whose code answers it. A label
    that names nothing ("Note", "Example", "笔记") heads a snippet the author keeps to copy, and
    asked, it asks for nothing."""
    return is_question(heading) or naming_title(heading) is not None


def _closed_at(ctx: Context, start: int, end: int) -> int:
    """Where a section's back ends: at `end`, or at a `---` (`%%`, `***`, `___`) line that
    closes it, after a blank line (right under text it would underline a heading): what comes
    after that rule is no part of the card (a deck's footer, "*Compatible with …*")."""
    first, lines = ctx.note.body_line, ctx.lines
    for line in range(start + 1, end + 1):
        text = lines[line - first].strip()
        if text in _CARD_BREAKS and not lines[line - first - 1].strip() and ctx.usable(line):
            return line
    return end


def find_ankdown(ctx: Context) -> Iterator[Candidate]:
    if not _has_field_line(ctx.note.body):
        return  # most notes: no `%` at all, or one search, no line read
    first, lines = ctx.note.body_line, ctx.lines
    fields = [n for n, line in enumerate(lines) if line.strip() == _FIELD]
    if len([n for n in fields if ctx.usable(first + n)]) < 2:
        return
    start = 0
    for n in range(len(lines) + 1):
        if n < len(lines) and (lines[n].strip() not in _CARD_BREAKS or not ctx.usable(first + n)):
            continue
        yield from _ankdown_card(ctx, start, n)
        start = n + 1


def _ankdown_card(ctx: Context, start: int, stop: int) -> Iterator[Candidate]:
    """The card of lines `start`..`stop` (exclusive): its fields parted by `%` lines."""
    first, lines = ctx.note.body_line, ctx.lines
    parts: list[list[str]] = [[]]
    for n in range(start, stop):
        if lines[n].strip() == _FIELD and ctx.usable(first + n):
            parts.append([])
        else:
            parts[-1].append(lines[n])
    if len(parts) < 2 or not ctx.claimed.isdisjoint(range(first + start, first + stop)):
        return
    texts = ["\n".join(part).strip() for part in parts]
    front = ATX_HEADING.sub("", texts[0]) if "\n" not in texts[0] else texts[0]
    tags = tuple(t for t in _TAG_SPLIT.split(texts[2]) if t) if len(texts) > 2 else ()
    line = first + start + next((k for k, s in enumerate(lines[start:stop]) if s.strip()), 0)
    yield from _card(ctx, "ankdown", front, texts[1], tags, line, first + stop - 1)


def find_panky(ctx: Context) -> Iterator[Candidate]:
    if _PAUSE not in ctx.note.body or _PAUSE_LINE.search(ctx.note.body) is None:
        return
    first, lines = ctx.note.body_line, ctx.lines
    pauses = [n for n, line in enumerate(lines) if line.strip() == _PAUSE and ctx.usable(first + n)]
    if len(pauses) < 2:
        return  # one pause in an ordinary note is an ellipsis, no deck
    starts = [n for n in range(len(lines)) if _opens_slide(ctx, n)]
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        yield from _slide(ctx, start, stop)


def _opens_slide(ctx: Context, n: int) -> bool:
    """A `---` rule after a blank line (right under text it would underline a heading), or a
    top heading, outside code."""
    line, first = ctx.lines[n].strip(), ctx.note.body_line
    if not ctx.usable(first + n):
        return False
    if line in _CARD_BREAKS:
        return n == 0 or not ctx.lines[n - 1].strip()
    return _TOP_HEADING.fullmatch(line) is not None


def _slide(ctx: Context, start: int, stop: int) -> Iterator[Candidate]:
    """The card of one slide, lines `start`..`stop` (exclusive)."""
    first, lines = ctx.note.body_line, ctx.lines
    heading = _TOP_HEADING.fullmatch(lines[start].strip())
    title = heading.group(1) if heading else ""
    body = range(start + 1, stop)
    pause = next((n for n in body if lines[n].strip() == _PAUSE and ctx.usable(first + n)), None)
    if not ctx.claimed.isdisjoint(range(first + start, first + stop)):
        return
    above = "\n".join(lines[start + 1 : pause]).strip() if pause is not None else ""
    front = f"{title}\n\n{above}".strip() if pause is not None else title
    back = "\n".join(lines[(pause if pause is not None else start) + 1 : stop]).strip()
    tags: tuple[str, ...] = ()
    if (m := _PANKY_TAGS.search(back)) is not None:
        tags, back = tuple(m.group(1).split()), back[: m.start()]
    opening = next((n for n in range(start + 1, stop) if lines[n].strip()), start)
    line = first + (start if heading else opening)
    yield from _card(ctx, "panky", front, back, tags, line, first + stop - 1)


def _split_front(title: str, body: list[str], ctx: Context, start: int) -> tuple[str, str]:
    """(front, back) of a section: the heading, and what a `%` line sets under it, in front."""
    for k, line in enumerate(body):
        if line.strip() == _FIELD and ctx.usable(start + k):
            above = "\n".join(body[:k]).strip()
            return (f"{title}\n\n{above}" if above else title), "\n".join(body[k + 1 :]).strip()
    return title, "\n".join(body).strip()


def _card(
    ctx: Context, rule: str, front: str, back: str, tags: tuple[str, ...], line: int, last: int
) -> Iterator[Candidate]:
    front, front_id, front_deck = clean_card_text(front)
    back, back_id, back_deck = clean_card_text(back)
    if not front or not back:
        return
    ctx.claim(line, last)
    yield Candidate(
        rule,
        "basic",
        front,
        back,
        line,
        block_id=front_id or back_id,
        deck=front_deck or back_deck,
        tags=tags,
    )
