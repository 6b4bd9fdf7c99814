"""How sure the extractor is that a mined card is a card: a number from 0 to 1.

Explicit cards (what the author wrote as cards) are 1. A mined card starts from its rule's base,
which says how often that shape is a real card (a `> [!definition]` callout almost always; a
heading over a paragraph less often), then the evidence on the card moves it: a front that asks
or names something distinctive, an answer of a learnable size raise it; a front that needs its
section to mean anything, an answer too short or too long, or code lower it. The result is clamped
to 0.05-0.99 and rounded to two places, so the same note always gives the same numbers.
"""

from __future__ import annotations

from ..model import Candidate
from .lang import LABEL_WORD, QUESTION, SECTION_LABEL
from .text import is_distinctive, is_mostly_code, strip_markup, units

#: How often each mined rule's shape is a real card, before the evidence on the card. Ordered
#: as measured: the share of each rule's cards that the blind labels accept (corpus-wide and
#: corpus sets A-H, 2,600 mined cards of some 40 repositories) and the learner audit's junk
#: rate agree on it (heading 0.91 of 531, nested 0.88, brief 0.89, formula 0.84; sentence 0.54).
BASE: dict[str, float] = {
    "callout": 0.9,
    "admonition": 0.85,  # a box the author titled, as a callout, its type less telling
    "deflist": 0.85,
    "question": 0.8,
    "verdict": 0.8,
    "heading": 0.75,
    "definition": 0.75,
    "asked": 0.7,
    "table": 0.7,
    "arrow": 0.7,
    "nested": 0.7,
    "termlist": 0.7,
    "brief": 0.7,
    "formula": 0.65,
    "subject": 0.55,  # the title as subject, the verb unknown: no surer than a copula sentence
    "label": 0.6,
    "sentence": 0.55,
}
DEFAULT_BASE = 0.6

#: Rules whose answer is short by construction: a true/false drill's answer is its verdict mark,
#: so a short back there is the shape itself, not a fragment cut from a sentence.
SHORT_BY_DESIGN = frozenset({"verdict", "table"})


def rate(card: Candidate) -> float:
    """The card's confidence: 1 for explicit cards, else its rule's base moved by evidence."""
    if not card.mined:
        return 1.0
    score = BASE.get(card.rule, DEFAULT_BASE)
    front = strip_markup(card.front)
    topic = front.rsplit(" › ", 1)[-1]
    if front.endswith(("?", "？")) or QUESTION.search(topic):
        score += 0.05  # it asks: the learner knows what to answer
    if " › " in front:
        score -= 0.05  # the front needs its section to mean anything
    elif is_distinctive(topic):
        score += 0.05  # "LoRA", "Mean Absolute Error": says on its own what is asked
    label = topic.strip(" .:：")
    if LABEL_WORD.match(label) and not (" › " in front and SECTION_LABEL.match(label)):
        score -= 0.3
    size = units(strip_markup(card.back))
    if size < 4 and card.rule not in SHORT_BY_DESIGN:
        score -= 0.15
    elif size <= 80:
        score += 0.05
    elif size > 200:
        score -= 0.1  # a whole section: more to read than to recall
    if is_mostly_code(card.back):
        score -= 0.2
    return round(min(0.99, max(0.05, score)), 2)
