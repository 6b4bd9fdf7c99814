"""Cards written for the Obsidian Anki Sync plugin, each between two comments:

    <!-- basicblock-start oid="ObsiYFr9cdPwlWPWQciVDZqw" -->
    **How do you drop the repeated elements of an array?** ::

    Make a set of it and spread the set back into an array.
    <!-- basicblock-end -->

The plugin sends what stands before the block's first `::` as the front and all that follows it
as the back, with the block's other comments left out; so do we. The `oid` it writes into the
opening comment once the card is in Anki is the card's id there, kept as the card's block id so
that the card keeps its history however its text is edited; `deck="…"` files it in a deck, and
`reverse="true"` asks it both ways. The plugin's cloze and replace blocks hold clozes written as
the cloze rules read them (`==…==`, `{{c1::…}}`), and their markers, like these, are no prompts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate, CardType
from .context import Context, clean_card_text

_START = re.compile(r"^\s*<!--\s*basicblock-start\b(.*?)-->\s*$", re.I)
_END = re.compile(r"^\s*<!--\s*basicblock-end\s*-->\s*$", re.I)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
#: a block longer than this is a start marker left without its end, not one card
_MAX_LINES = 120


def find(ctx: Context) -> Iterator[Candidate]:
    if "basicblock-start" not in ctx.note.body:  # the cheap test first: most notes hold none
        return
    first = ctx.note.body_line
    lines = ctx.lines
    fenced = ctx.fenced_lines  # a block shown as an example in code is no card
    n = 0
    while n < len(lines):
        opened = _START.match(lines[n]) if "basicblock-start" in lines[n] else None
        if opened is None or first + n in fenced or first + n in ctx.claimed:
            n += 1
            continue
        end = next(
            (k for k in range(n + 1, min(len(lines), n + _MAX_LINES)) if _END.match(lines[k])),
            None,
        )
        if end is None:
            n += 1
            continue
        card = _card(opened.group(1), "\n".join(lines[n + 1 : end]), first + n)
        if card is not None:
            ctx.claim(first + n, first + end)
            yield card
        n = end + 1


def _card(attributes: str, inner: str, line: int) -> Candidate | None:
    """The block's card: its text split at the first `::`, its comments left out."""
    front, sep, back = _COMMENT.sub("", inner).partition("::")
    if not sep:
        return None
    front, _, _ = clean_card_text(front.strip())
    back, _, _ = clean_card_text(back.strip())
    if not front or not back:
        return None
    given = {
        m.group(1).lower(): m.group(2) or m.group(3) or "" for m in _ATTRIBUTE.finditer(attributes)
    }
    kind: CardType = (
        "reversed" if given.get("reverse", "").lower() in {"true", "reverse"} else "basic"
    )
    return Candidate(
        "syncblock",
        kind,
        front,
        back,
        line,
        given.get("oid") or None,
        deck=given.get("deck") or None,
    )
