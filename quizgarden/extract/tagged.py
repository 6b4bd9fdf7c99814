"""Cards written for the Flashcards (flashcards-obsidian) plugin: a line ending in `#card` is the
front, the lines under it, up to a blank line, the back.

`#card-reverse` (or `#card/reverse`) makes a card each way; `#flashcard` is read as `#card`, in
any case (`#Card`). A tag alone on its line takes the heading above it as the front. The plugin
ends a back at its `^1234567890123` block id. `#card-spaced` marks a note for review, not a
card. A `front::back #card` line is a one-line card, read by the inline rule before this one.
The tag never appears in the card. The plugin lets a vault choose its tag (`#anki`): the one its
settings name (`Separators.card_tag`) is read as `#card` is, and so is the tag the lines of a note
with the plugin's `cards-deck` key use (`Note.card_tag`); `Context.card_tags` holds both.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..model import Candidate, CardType
from .context import Context, clean_card_text
from .text import ATX_HEADING, LINE_LEAD

_ANY_TAG = re.compile(r"#(?:card|flashcard)", re.I)
_BLOCK_ID = re.compile(r"\^[A-Za-z0-9-]+")
_PLUGIN_ID = re.compile(r"^\^(\d{13})\s*$")  # the plugin's own block id: the back ends there


@functools.cache
def _tag(*own: str) -> re.Pattern[str]:
    """The tag ending a line, other tags may follow it: "Word #card", "## Term #card-reverse
    #bio"; `own` are the vault's and the note's own card tags, read as `#card` is."""
    names = "|".join(["card", "flashcard", *(re.escape(t) for t in own)])
    return re.compile(
        rf"(?:^|[ \t])#(?:{names})(?P<reverse>[/-]reversed?)?(?:[ \t]+#[\w/-]+)*[ \t]*$", re.I
    )


def find(ctx: Context) -> Iterator[Candidate]:
    own = ctx.card_tags
    body = ctx.note.body
    if "#" not in body or not (_ANY_TAG.search(body) or any("#" + t in body for t in own)):
        return  # one pass in C: most notes hold no card tag
    first = ctx.note.body_line
    lines = ctx.lines
    hints = tuple(t.lower() for t in ("card", *own))
    tag = _tag(*own)
    for n, raw in enumerate(lines):
        if "#" not in raw:
            continue  # the cheap tests first
        low = raw.lower()
        if not any(h in low for h in hints):
            continue
        line_no = first + n
        m = tag.search(raw)
        if m is None or line_no in ctx.claimed or not ctx.usable(line_no):
            continue
        front_at, front_text = n, _front(raw[: m.start()])
        if not front_text:  # "## Term" then "#card" alone: the heading is the front
            above = n - 1
            if above < 0 or first + above in ctx.claimed or not ATX_HEADING.match(lines[above]):
                continue
            front_at, front_text = above, _front(lines[above])
        end, block_id = _back_end(ctx, n + 1, tag)
        rows = [ln.strip() for ln in lines[n + 1 : end]]
        ids = [ln[1:] for ln in rows if _BLOCK_ID.fullmatch(ln)]  # "^1719…" inside the back
        kept = (ln for ln in rows if not _BLOCK_ID.fullmatch(ln))
        back, back_id, deck = clean_card_text("\n".join(kept))
        back_id = back_id or (ids[0] if ids else None)
        front, front_id, front_deck = clean_card_text(front_text)
        if not front or not back:
            continue
        ctx.claim(first + front_at, first + (end if block_id else max(end - 1, n)))
        reversed_ = m.group("reverse") is not None
        kind: CardType = "reversed" if reversed_ else "basic"
        card_id, card_deck = block_id or back_id or front_id, deck or front_deck
        line = first + front_at
        yield Candidate("tagged", kind, front, back, line, block_id=card_id, deck=card_deck)
        if reversed_:
            yield Candidate(
                "tagged", kind, back, front, line, block_id=card_id, side=1, deck=card_deck
            )


def _front(text: str) -> str:
    """The question as written, without its heading or list marker."""
    return LINE_LEAD.sub("", ATX_HEADING.sub("", text)).strip()


def _back_end(ctx: Context, start: int, tag: re.Pattern[str]) -> tuple[int, str | None]:
    """Where the back that starts at body line `start` ends (exclusive), and the plugin's block
    id when one ends it: a blank line, the next card's tag line or a heading end it too."""
    n = start
    while n < len(ctx.lines):
        line = ctx.lines[n]
        if not line.strip() or ATX_HEADING.match(line) or tag.search(line):
            return n, None
        if ctx.note.body_line + n in ctx.skipped_lines:
            return n, None
        m = _PLUGIN_ID.match(line.strip())
        if m:
            return n, m.group(1)
        n += 1
    return n, None
