"""Obsidian callouts that say what they hold: `> [!definition] Term`, `> [!theorem] Name`,
`> [!question] …?`/`> [!faq]`. The callout type is the author's label, so these are the surest
of the mined cards; other callouts (note, tip, warning, example…) are left to the other rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text
from .lang import ARTICLE, COPULA
from .shape import MAX_ANSWER, is_label, sentences, topic
from .text import is_term, strip_markup, strip_numbering

DEFINES = frozenset({"definition", "def", "defn", "define", "concept", "term", "glossary"})
STATES = frozenset(
    {"theorem", "thm", "lemma", "law", "proposition", "prop", "corollary", "axiom", "principle"}
)
ASKS = frozenset({"question", "faq", "help", "quiz", "flashcard", "card"})
_NAME_IN_PARENS = re.compile(r"[（(]([^()（）]{2,60})[)）]\s*$")
_BOLD_START = re.compile(r"^(?:\*\*|__)([^*_\n]{2,60})(?:\*\*|__)")


def find(ctx: Context) -> Iterator[Candidate]:
    groups: dict[int, list[Block]] = {}
    for block in ctx.blocks:
        if block.callout_id and block.callout in DEFINES | STATES | ASKS:
            groups.setdefault(block.callout_id, []).append(block)
    for members in groups.values():
        if not all(ctx.free(b) for b in members):
            continue
        card = _card(ctx, members)
        if card is not None:
            ctx.claim(members[0].line, max(b.end for b in members))
            yield card


def _card(ctx: Context, members: list[Block]) -> Candidate | None:
    first = members[0]
    kind, title = first.callout, strip_numbering(strip_markup(first.callout_title)).rstrip(":：")
    body = _body(members)
    if kind in ASKS:
        if not title:
            asked = next((b for b in members if b.text.rstrip().endswith(("?", "？"))), None)
            if asked is None:
                return None
            title = strip_markup(clean_card_text(asked.text)[0])
            body = _body([b for b in members if b is not asked])
        front = title
    else:
        front = _name(title, body, kind) or f"{topic(ctx, first)} › {kind.capitalize()}"
    back, block_id, deck = clean_card_text(body)
    if not front or not back or len(back) > MAX_ANSWER or is_label(front):
        return None
    return Candidate("callout", "basic", front, back, first.line, block_id, deck=deck)


def _body(members: list[Block]) -> str:
    parts = []
    for n, block in enumerate(members):
        text = block.text
        if n == 0 and block.callout_title:  # the title line is the front
            text = text.split("\n", 1)[1] if "\n" in text else ""
        if not text.strip():
            continue
        parts.append("  " * max(0, block.level - 1) + "- " + text if block.kind == "item" else text)
    return "\n".join(parts).strip()


def _name(title: str, body: str, kind: str) -> str | None:
    """What a definition or theorem is called: its title ("Definition 2.1 (Compact set)" gives
    "Compact set"), else the subject its first sentence defines or sets in bold."""
    if title:
        m = _NAME_IN_PARENS.search(title)
        if m:
            return m.group(1).strip()
        if not re.fullmatch(rf"{re.escape(kind)}\s*[\d.]*", title, re.I):
            return title
    if kind not in DEFINES or not body:
        return None
    if m := _BOLD_START.match(body):
        return m.group(1).strip()
    first = sentences(body)[0] if sentences(body) else ""
    verb = COPULA.search(first)
    if verb and verb.start() > 0:
        subject = ARTICLE.sub("", strip_markup(first[: verb.start()]).strip())
        if is_term(subject, max_units=6):
            return subject
    return None
