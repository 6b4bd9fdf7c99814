"""A term as a list item, explained by the item or two nested under it:

    - laissez-faire economics
      + an economic system in which private transactions are free of state intervention

Lecture notes and glossaries are written this way in every language; the parent must be a
name (short, no sentence, not a label) and the nested items must say something.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .context import Context, clean_card_text
from .lang import LIST_LABEL
from .shape import as_list, is_label, topic
from .text import (
    GENERIC_FRONT,
    is_explanation,
    is_first_person,
    is_link_only,
    is_term,
    strip_markup,
    units,
)

MAX_CHILDREN = 3
_FILE = re.compile(r"\.(?:md|html?|pdf|ipynb)\b|\]\(", re.I)


def find(ctx: Context) -> Iterator[Candidate]:
    blocks = ctx.blocks
    for block in blocks:
        if block.kind != "item" or not block.children or not ctx.free(block):
            continue
        text, block_id, deck = clean_card_text(block.text)
        term = strip_markup(text).strip()
        if "\n" in term or not is_term(term, max_units=8) or is_label(term):
            continue
        front = term
        if LIST_LABEL.match(term) or GENERIC_FRONT.match(term):
            front = f"{topic(ctx, block)} › {term}"  # "- appearance" under "### Psoriasis"
        children = [blocks[c] for c in block.children]
        if len(children) > MAX_CHILDREN or any(c.children or not ctx.free(c) for c in children):
            continue
        if any(is_link_only(c.text) or _FILE.search(c.text) or "$" in c.text for c in children):
            continue  # a table of contents (files, links) or a derivation, not an explanation
        plain = [strip_markup(clean_card_text(c.text)[0]) for c in children]
        if any(units(p) < 4 or is_first_person(p) or p.endswith((":", "：")) for p in plain):
            continue
        if any(p[:1].isdigit() for p in plain):  # "1/3 people at 90": figures, not a meaning
            continue
        if not all(is_explanation(p, long=True) for p in plain):
            continue
        back = (
            clean_card_text(children[0].text)[0] if len(children) == 1 else as_list(ctx, children)
        )
        yield Candidate("nested", "basic", front, back, block.line, block_id, deck=deck)
