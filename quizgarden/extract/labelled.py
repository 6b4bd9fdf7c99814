"""A label and its list: `Causes:` / `Symptoms:` / `优点：` / `Vorteile:` followed by bullets.

The label names what the list holds about the section's subject, so the front is
"Hypertension › Causes" and the back the list. Only labels the language tables know as asking
for a list count: "Steps:" before a procedure is as much a list as "Causes:", but "Note:" is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context, heading_above, heading_title, naming_heading
from .lang import KIND_OF, LABEL_WORD, LIST_LABEL, LIST_VERB, SECTION_LABEL, SUBJECT_STOPWORD
from .shape import (
    MAX_ANSWER,
    as_list,
    bold_name_above,
    items_after,
    lists_entries,
    parent_name,
    section,
    topic,
)
from .text import strip_markup

MIN_ITEMS, MAX_ITEMS = 2, 15
# "Causes:", "**Symptoms**", "Risk factors of stroke:", "高血压的症状："
_LABEL = re.compile(r"^(?P<label>[^:：\n]{2,60}?)\s*[:：]?$")
# a lead-in that is a clause or more: "…，其中包括" goes on from a sentence
_CLAUSE_PUNCT = re.compile(r"[，,。.;；！？!?]")


def _points_or_labels(subject: str) -> bool:
    """ "这样的位置编码" points back, "答案" only labels: no subject of a lead-in."""
    return SUBJECT_STOPWORD.match(subject) is not None or LABEL_WORD.match(subject) is not None


def find(ctx: Context) -> Iterator[Candidate]:
    before = ctx.before_items
    for n, block in enumerate(ctx.blocks):
        if block.kind not in {"paragraph", "item", "heading"} or not ctx.free(block):
            continue
        if block.kind == "heading":
            text = heading_title(block)
        else:
            raw = block.text.strip()
            if "\n" in raw or (not raw.rstrip("*_ ").endswith((":", "：")) and "**" not in raw):
                continue  # a label ends with a colon or stands alone in bold
            text = strip_markup(raw).strip()
        # the label first: most headings and lines are none, and their lists are not read
        front = _front(ctx, n, text, before[n])
        if front is None:
            continue
        if block.kind == "heading":
            whole = section(ctx, n)
            items = [b for b in whole if b.kind == "item"]
            if len(items) != len([b for b in whole if ctx.free(b)]):
                continue  # the section says more than its list
        else:
            items = items_after(ctx, n)
        if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
            continue
        if not all(ctx.free(b) for b in items):
            continue
        if lists_entries(items):
            continue  # "Types of losses:" over "- **Pecuniary**: …" items: each item is a card
        if LIST_VERB.search(front) and _marked_terms(items):
            continue  # "采样方法分为两种：" over "1. **核采样**。…": the terms are the cards
        back = as_list(ctx, items)
        if back and len(back) <= MAX_ANSWER:
            yield Candidate("label", "basic", front, back, block.line)


def _marked_terms(items: list[Block]) -> bool:
    """Half the items or more open with a term set in bold or code (`1. **核采样**。…`,
    `` - `persist`：… ``): each names a term of its own, which the `definition` rule asks."""
    return sum(b.text.lstrip().startswith(("**", "`")) for b in items) * 2 >= len(items)


def _front(ctx: Context, n: int, text: str, m_before: int) -> str | None:
    m = _LABEL.match(text)
    if not m:
        return None
    label = m.group("label").strip()
    if LIST_LABEL.match(label) or SECTION_LABEL.match(label):
        block = ctx.blocks[n]
        if block.kind == "heading":
            where = _above(ctx, n)
        else:  # "**Strict stationarity**" over "- 性质:" and its items: the name's property
            where = (
                bold_name_above(ctx, block, m_before)
                or parent_name(ctx, block)
                or topic(ctx, block)
            )
        return f"{where} › {label}" if where else None
    kind = KIND_OF.match(label)
    if kind and LIST_LABEL.match(kind.group("kind")):
        return label  # "Causes of hypertension" names its subject itself
    if "的" in label and LIST_LABEL.match(label.rsplit("的", 1)[1]):
        return label  # "高血压的症状"
    if ctx.blocks[n].kind != "heading" and (verb := LIST_VERB.search(label)):
        subject = label[: verb.start()].strip()  # "军事思想的内容体系包括": what it holds
        if len(subject) < 2 or _CLAUSE_PUNCT.search(subject) or _points_or_labels(subject):
            return None
        return label
    return None


def _above(ctx: Context, n: int) -> str:
    return naming_heading(ctx, heading_above(ctx, n))
