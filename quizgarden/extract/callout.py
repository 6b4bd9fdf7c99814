"""Obsidian callouts that say what they hold: `> [!definition] Term`, `> [!theorem] Name`,
`> [!question] …?`/`> [!faq]`. The callout type is the author's label, so these are the surest
of the mined cards; an info or note box titled with a name holds what it names
(`!!! info "Préhistoire"`); other callouts (tip, warning, example…) are left to the other rules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text
from .lang import (
    ARTICLE,
    COPULA,
    DEFINITION_LABEL,
    DEICTIC,
    QUESTION_WORD_ONLY,
    STATEMENT_LABEL,
)
from .shape import MAX_ANSWER, is_label, sentences, topic
from .text import has_cjk, is_term, strip_markup, strip_numbering

DEFINES = frozenset({"definition", "def", "defn", "define", "concept", "term", "glossary"})
STATES = frozenset(
    {"theorem", "thm", "lemma", "law", "proposition", "prop", "corollary", "axiom", "principle"}
)
#: Boxes that hold what their title names when the title is a name, not a label
#: (`!!! info "Préhistoire"`, `!!! note "Conditions for Energy Transfer via Radiation"`); a
#: summary or abstract box sums up.
NAMES = frozenset({"info", "note"})
NAMED = "named"  # what such a box holds
ASKS = frozenset({"question", "faq", "help", "quiz", "flashcard", "card"})
# what is left of "Lemma 2 (Rank)" once its label and number are gone
_NAME_IN_PARENS = re.compile(r"^[（(]([^()（）]{2,60})[)）]\s*$")
_EXAMPLES = frozenset({"example", "exercise", "quote", "cite"})
_LABEL_NUMBER = re.compile(r"^[\s:：.]*(?:[\d.]+[\s:：.]*)?")
_BOLD_START = re.compile(r"^(?:\*\*|__)([^*_\n]{2,60})(?:\*\*|__)")
#: callouts that hold the answer to a question callout, nested in it or right after it
ANSWERS = frozenset({"answer", "solution", "success"})
#: `[!answer]-` written as a line of the question callout's own paragraph
_ANSWER_LINE = re.compile(r"^\[!(?:answer|solution)\][-+]?[ \t]*(?:\n|$)", re.I)


def find(ctx: Context) -> Iterator[Candidate]:
    groups: dict[int, list[Block]] = {}
    kinds: dict[int, str] = {}  # per callout: what it holds, by its type or else its title
    # how many boxes each title heads: a title two boxes share is a label ("Rol fundamental")
    titles = Counter({b.callout_id: b.callout_title for b in ctx.blocks if b.callout_id}.values())
    for block in ctx.blocks:
        if not block.callout_id:
            continue
        if block.callout_id not in kinds:
            once = titles[block.callout_title] < 2
            kinds[block.callout_id] = _holds(block.callout, block.callout_title, once)
        if kinds[block.callout_id]:
            groups.setdefault(block.callout_id, []).append(block)
    for members in groups.values():
        if not all(ctx.free(b) for b in members):
            continue
        answer = _answer_callout(ctx, members) if kinds[members[0].callout_id] in ASKS else []
        card = _card(ctx, members + answer, kinds[members[0].callout_id])
        if card is not None:
            ctx.claim(members[0].line, max(b.end for b in members + answer))
            yield card


def _answer_callout(ctx: Context, members: list[Block]) -> list[Block]:
    """The blocks of an `[!answer]` callout that opens right under a question callout with
    nothing else in it (nested, `>> [!answer]-`, or the next block): the question's back."""
    if len(members) != 1 or not members[0].callout_title or "\n" in members[0].text.strip():
        return []
    at = next((n for n, b in enumerate(ctx.blocks) if b is members[0]), None)
    after = ctx.blocks[at + 1] if at is not None and at + 1 < len(ctx.blocks) else None
    if after is None or after.callout not in ANSWERS or not ctx.free(after):
        return []
    found = [b for b in ctx.blocks if b.callout_id == after.callout_id]
    if not found or not all(ctx.free(b) for b in found):
        return []
    first = found[0]
    if strip_markup(first.callout_title).strip().rstrip(":：").lower() in ANSWERS:
        text = first.text.split("\n", 1)[1] if "\n" in first.text else ""
        first = replace(first, text=text, callout_title="")
    return [first, *found[1:]]


def _holds(kind: str, title: str, once: bool = True) -> str:
    """What a callout holds: its type when that says so (`[!definition]`), else what its title
    says: "Definition: Token" or "Theorem 2 (Rank)" in a `[!note]` (as MkDocs boxes are
    mostly written), a question in any callout but an example, or, in an info or note box
    whose title heads no other box of the note (`once`), the thing its title names
    (`!!! info "Préhistoire"`). "" for an aside."""
    if kind in DEFINES | STATES | ASKS:
        return kind
    plain = strip_markup(title).strip()
    if (m := _label(plain)) is not None:
        return "definition" if DEFINITION_LABEL.match(m.group()) else "theorem"
    if (
        kind not in _EXAMPLES
        and plain.endswith(("?", "？"))
        and not QUESTION_WORD_ONLY.match(plain)
    ):
        return "question"
    if kind in NAMES and once and plain and is_term(plain) and not is_label(plain):
        return NAMED
    return ""


def _label(title: str) -> re.Match[str] | None:
    """The label a title opens with, a word of its own: "Definition 2", not "Definitional"."""
    m = STATEMENT_LABEL.match(title)
    if m is None or m.end() == len(title) or not title[m.end()].isalpha() or has_cjk(m.group()):
        return m
    return None


def _card(ctx: Context, members: list[Block], kind: str) -> Candidate | None:
    first = members[0]
    title = strip_numbering(strip_markup(first.callout_title)).rstrip(":：")
    said = kind.capitalize()
    if label := _label(title):
        said = label.group()
        # "Definition: Token", "Theorem 2.1 (Rank)": the name after the label and its number
        title = _LABEL_NUMBER.sub("", title[label.end() :])
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
        front = _name(title, body, kind) or f"{topic(ctx, first)} › {said}"
    back, block_id, deck = clean_card_text(body)
    if not front or not back or len(back) > MAX_ANSWER or is_label(front):
        return None
    if kind == NAMED and (first.parent is not None or _states_other(strip_markup(body), front)):
        return None  # (a box nested in a list item is part of what the item says of its term)
    return Candidate("callout", "basic", front, back, first.line, block_id, deck=deck)


def _body(members: list[Block]) -> str:
    parts = []
    for n, block in enumerate(members):
        text = block.text
        if n == 0 and block.callout_title:  # the title line is the front
            text = text.split("\n", 1)[1] if "\n" in text else ""
        text = _ANSWER_LINE.sub("", text)  # `> [!answer]-` under the question: a fold, no text
        if not text.strip():
            continue
        parts.append("  " * max(0, block.level - 1) + "- " + text if block.kind == "item" else text)
    return "\n".join(parts).strip()


def _labels(title: str) -> bool:
    """ "Exam definition", "Formal Definition": a kind of definition, the box's label, where
    the term it defines is in its text."""
    words = title.split()
    return 1 < len(words) <= 3 and DEFINITION_LABEL.match(words[-1]) is not None


def _name(title: str, body: str, kind: str) -> str | None:
    """What a definition or theorem is called: its title ("Definition 2.1 (Compact set)" gives
    "Compact set"), else the subject its first sentence defines or sets in bold."""
    if title:
        m = _NAME_IN_PARENS.match(title)
        if m:
            return m.group(1).strip()
        if not re.fullmatch(rf"{re.escape(kind)}\s*[\d.]*", title, re.I) and not _labels(title):
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


_WORD = re.compile(r"\w+")


def _states_other(body: str, title: str) -> bool:
    """The box's text opens with a statement that is not about its title: a subject with its
    article, no word of the title in the sentence ("[!info] Rol fundamental" over "La UC es el
    director …", "[!note] Definitional issues" over "The word is used loosely …"), or a
    pointer to what the text before names ("[!note] 适用性与原理" over "此公式…"). A gloss opens
    with its class ("Période avant l'invention de l'écriture"), an explanation names its title
    ("Drug halflives determine …")."""
    if DEICTIC.match(body):
        return True
    if not ARTICLE.match(body):
        return False
    said = sentences(body)
    words = set(_WORD.findall(said[0].casefold())) if said else set()
    return not words & set(_WORD.findall(title.casefold()))
