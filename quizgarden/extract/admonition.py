"""Titled containers of static-site notes: a Hugo admonition shortcode
(`{{< admonition type="case" title="Nettleship v Weston (1971)" >}}` … `{{< /admonition >}}`,
as the LoveIt, FixIt and DoIt themes write them) holding what its title names.

Like an Obsidian callout, the author has boxed a thing and named it: a case and its facts and
holding, a theorem and its statement, a term and its definition. The title is the front and the
box's content the back. Boxes that only aside (note, tip, warning, example …) are left to the
other rules, as the `callout` rule leaves those callouts; so are titles that label
(`Remember`, `Example 2`) rather than name.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from ..model import Candidate
from .context import Context, clean_card_text
from .shape import MAX_ANSWER, is_label, names_a_thing
from .text import strip_markup

_OPEN = re.compile(r"^\{\{[<%]\s*admonition\b(?P<attrs>[^\n]*?)\s*[>%]\}\}$")
_CLOSE = re.compile(r"^\{\{[<%]\s*/\s*admonition\s*[>%]\}\}$")
_ATTR = re.compile(r"""(?P<key>\w+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>\S+))""")
#: Box types that aside rather than hold a named thing (the themes' own type names).
ASIDES = frozenset(
    {
        "note",
        "abstract",
        "summary",
        "tldr",
        "info",
        "todo",
        "tip",
        "hint",
        "important",
        "success",
        "check",
        "done",
        "warning",
        "caution",
        "attention",
        "failure",
        "fail",
        "missing",
        "danger",
        "error",
        "bug",
        "example",
        "quote",
        "cite",
    }
)
#: A title this long (in units) is a sentence, not a name; case names run long
MAX_TITLE = 16


def find(ctx: Context) -> Iterator[Candidate]:
    body = ctx.note.body
    if "{" not in body or "admonition" not in body:
        return  # the cheap tests first (one character is a memchr): most notes have no shortcode
    # shortcodes are lines of text to markdown-it, often inside a paragraph: read them as lines
    first = ctx.note.body_line
    opened: tuple[int, str, str] | None = None
    for n, raw in enumerate(ctx.lines):
        line = raw.strip()
        if opened is None:
            m = _OPEN.match(line) if "admonition" in line else None
            if m is not None and ctx.usable(first + n):
                attrs = _attributes(m.group("attrs"))
                opened = (n, attrs.get("type", "note").lower(), attrs.get("title", ""))
        elif "admonition" in line and _CLOSE.match(line):
            start, kind, title = opened
            card = _card(ctx, first + start, first + n, kind, title)
            if card is not None:
                ctx.claim(_claim_from(ctx, first + start), first + n)
                yield card
            opened = None


def _attributes(source: str) -> dict[str, str]:
    """`type="case" title="…" open=false` as a dict."""
    return {
        m.group("key").lower(): m.group("dq") or m.group("sq") or m.group("bare") or ""
        for m in _ATTR.finditer(source)
    }


def _claim_from(ctx: Context, start: int) -> int:
    """The first line the box on `start` takes from other rules: a paragraph run into the box
    with no blank line ("**General Rule:** …" then `{{< admonition … >}}`) shares its opening
    line, and claiming that line would silence the paragraph's own card; the box then keeps
    the lines after its opening shortcode."""
    at = bisect_left(ctx.blocks, start, key=lambda b: b.end)
    if at < len(ctx.blocks) and ctx.blocks[at].line < start:
        return start + 1
    return start


def _card(ctx: Context, start: int, end: int, kind: str, title: str) -> Candidate | None:
    """The card of the box on file lines `start`..`end` (its shortcodes included)."""
    if kind in ASIDES:
        return None
    front = strip_markup(title).strip().rstrip(":：")
    if not front or is_label(front) or not names_a_thing(front, max_units=MAX_TITLE):
        return None
    at = bisect_left(ctx.blocks, start, key=lambda b: b.end)  # blocks are in file order
    inside = []
    while at < len(ctx.blocks) and ctx.blocks[at].line <= end:
        inside.append(ctx.blocks[at])
        at += 1
    if not all(ctx.free(b) for b in inside):
        return None  # a card written on purpose inside it wins
    lines = [ctx.line_text(n) for n in range(start + 1, end)]
    back, block_id, deck = clean_card_text("\n".join(ln for ln in lines if ln.strip()))
    if not back or len(back) > MAX_ANSWER:
        return None
    return Candidate("admonition", "basic", front, back, start, block_id, deck=deck)
