"""How sure the extractor is that a mined card is a card: a number from 0 to 1.

Explicit cards (what the author wrote as cards) are 1. A mined card's confidence is a logistic
regression over what the card shows and what its note shows of it. The card: the rule that found
it, how long its front and back are, whether the back is a list, math, code or a sentence cut
open, whether the front asks, names something distinctive, needs its section or is only a label,
how much of the back is markup, whether the text is CJK, and whether the front is only a
symbol, holds an aside or a digit. The note: how many mined cards it
gives, what share of its lines they start on, whether the card's rule is the note's main shape
or a minor one, whether the note gives the same front twice, and how many cards the card's own
section gives. The features are structural
and hold no word list; the weights are data (`confidence_weights.py`), fitted by
`bench/fit_confidence.py` on the development labels and checked there by leaving one repository
out at a time, since a hand-set nudge that fits the notes it was made on did not separate junk
from good cards on others. The result is rounded to two places, so the same note always gives
the same numbers.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import mul

from ..model import Candidate
from .confidence_weights import INTERCEPT, WEIGHTS
from .lang import SECTION_LABEL
from .shape import is_question
from .text import (
    BOLD_OPENERS,
    has_cjk,
    is_distinctive,
    is_label_word,
    strip_markup,
    units,
    units_upto,
)

#: Upper bounds of the size bins, in reading units (a word, or a Han character): a size is
#: binned, not scaled, because both a fragment and a whole section are worse than the middle.
FRONT_SIZES = (1, 3, 8, 16)
BACK_SIZES = (3, 10, 30, 80, 200)
#: Upper bounds of the bins of how many mined cards the note gives, and of the share of the
#: note's non-blank lines that a mined card starts on (a note read card by card, a glossary or
#: a drill, covers most of its lines; a stray card in an essay covers few).
NOTE_SIZES = (2, 8, 25)
COVER = (0.1, 0.25, 0.4, 0.7)
_COVER_BINS = ("note_sparse", "note_low", "note_mid", "note_dense", "note_full")

_LIST_LINE = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)、])\s", re.M)
# the same after the newline that opens its line: a character the engine jumps to, where the
# `^` of a multi-line pattern is tried at every character of the answer
_LIST_NEXT_LINE = re.compile(r"\n" + _LIST_LINE.pattern.removeprefix("^"))
_OPEN_END = (":", "：", "…", "...", "、", ",", "，", "(", "（")
_SENTENCE_END = (".", "。", "!", "！", "?", "？", ")", "）", "$")
_COUNTED = re.compile(r"\w\s+\d{1,3}[.:：]?$")  # "Rule 2", "Fall 3": a label counted, not a name
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")  # a word: two letters (or Han characters) in a row
_SECTION_BINS = ("section_one", "section_few", "section_many")  # 1, 2-5, more


@dataclass(frozen=True)
class NoteShape:
    """What a note's cards together say of each one: whether the author wrote cards on purpose
    there (then a mined card is more often a stray), how many cards each rule gave (a shape the
    note repeats is the author's habit; a shape met once is more often an accident), how many
    of the note's lines give a card and which fronts the note gives twice."""

    explicit: bool = False
    per_rule: dict[str, int] = field(default_factory=dict)
    lines: int = 0  # the note's non-blank lines (0: unknown)
    used: int = 0  # the distinct lines its mined cards start on
    fronts: dict[str, int] = field(default_factory=dict)  # mined cards per front topic
    sections: dict[str, int] = field(default_factory=dict)  # mined cards per front section

    @classmethod
    def of(cls, cards: Sequence[Candidate], body: str | None = None) -> NoteShape:
        mined = [c for c in cards if c.mined]
        return cls(
            any(not c.mined for c in cards),
            dict(Counter(c.rule for c in mined)),
            _filled_lines(body) if body is not None else 0,
            len({c.line for c in mined}),
            dict(Counter(_topic(c.front).casefold() for c in mined)),
            dict(Counter(_section(c.front) for c in mined if " › " in c.front)),
        )


def _filled_lines(body: str) -> int:
    """How many lines of `body` hold anything (other than spaces and tabs), counted in C: a
    multi-line pattern for the blank ones was tried at every character."""
    return len(list(filter(None, map(str.strip, body.split("\n"), repeat(" \t")))))


def _section(front: str) -> str:
    """What a front names before its last part (`Section` of `Section › Topic`)."""
    return front.rsplit(" › ", 1)[0]


def _topic(front: str) -> str:
    """The last part of a front (`Section › Topic`), without markup."""
    return strip_markup(front).rsplit(" › ", 1)[-1].strip()


def _bins(prefix: str, bounds: tuple[int, ...]) -> tuple[str, ...]:
    """The names of the size bins: `back<=3` ... `back<=200`, then `back>200`."""
    return (*(f"{prefix}<={b}" for b in bounds), f"{prefix}>{bounds[-1]}")


_FRONT_BINS, _BACK_BINS = _bins("front", FRONT_SIZES), _bins("back", BACK_SIZES)
_NOTE_BINS = _bins("note_cards", NOTE_SIZES)


def features(card: Candidate, shape: NoteShape | None = None) -> dict[str, float]:
    """What the card shows, by name: 1 for a shape it has (absent names are 0), a share for the
    markup. Names are the keys of the fitted weights; a rule unknown to the fit adds nothing.
    `shape` is the note's (without it, the card is taken as its note's only card)."""
    front = strip_markup(card.front)
    topic = front.rsplit(" › ", 1)[-1]
    back = card.back
    plain = strip_markup(back)
    size = units_upto(plain, BACK_SIZES[-1] + 1)
    found: dict[str, float] = {
        f"rule={card.rule}": 1.0,
        _FRONT_BINS[bisect_left(FRONT_SIZES, units(topic))]: 1.0,
        _BACK_BINS[bisect_left(BACK_SIZES, size)]: 1.0,
    }
    shape = shape or NoteShape()
    if shape.explicit:
        found["note_explicit"] = 1.0
    same = shape.per_rule.get(card.rule, 1)
    found["rule_once" if same == 1 else "rule_few" if same <= 5 else "rule_many"] = 1.0
    if front.endswith(("?", "？")) or is_question(topic):
        found["front_asks"] = 1.0  # the learner knows what to answer
    if " › " in front:
        found["front_path"] = 1.0  # the front needs its section to mean anything
        if front.count(" › ") > 1:
            found["front_deep_path"] = 1.0
    if is_distinctive(topic):
        found["front_distinctive"] = 1.0  # "LoRA", "Mean Absolute Error"
    label = topic.strip(" .:：")
    if is_label_word(label) and not (" › " in front and SECTION_LABEL.match(label)):
        found["front_label"] = 1.0  # "Example", "Note": names no thing to know
    if _ends_counted(topic) and _COUNTED.search(topic):
        found["front_counted"] = 1.0
    if "$" in card.front:
        found["front_math"] = 1.0  # the front holds a formula, asked with its context
    if topic.isupper() and len(topic) > 3:
        found["front_caps"] = 1.0  # "DATA COLLECTION": a banner, not a term
    if front.rstrip().endswith(("-", "–", ":", "：", ",", "，", "(")):
        found["front_open"] = 1.0  # the front stops mid-phrase
    if " — " in front:
        found["front_joined"] = 1.0  # a front joined from a heading and a lead-in
    if len(label) > 1 and label.casefold() in plain.casefold():
        found["front_in_back"] = 1.0  # the answer names what it answers
    if "\n" in back.strip():
        found["back_lines"] = 1.0
        if _LIST_LINE.match(back) or _LIST_NEXT_LINE.search(back):
            found["back_list"] = 1.0
    if "$" in back or "\\(" in back or "\\[" in back:
        found["back_math"] = 1.0
        if back.lstrip().startswith("$$"):
            found["back_display_math"] = 1.0  # a formula block, nothing said of it
    if "`" in back:
        found["back_code"] = 1.0  # inline code (a code block is never mined)
    end = plain.rstrip()
    if end.endswith(_OPEN_END):
        found["back_open"] = 1.0  # "…as follows:": the answer is elsewhere
    elif end.endswith(_SENTENCE_END):
        found["back_sentence"] = 1.0
    if "?" in plain or "？" in plain:
        found["back_asks"] = 1.0  # an answer that asks is more questions, not the answer
    if back.startswith(BOLD_OPENERS):
        found["back_bold_lead"] = 1.0  # the back opens on a label of its own
    if "[[" in back or "](" in back or "|" in back:
        found["back_links"] = 1.0
    if back:
        found["back_markup"] = round(1 - len(plain) / len(back), 2) if len(plain) < len(back) else 0
    # the note: how many cards it gives, how much of it they cover, and whether this card's
    # rule is the note's main shape or one met among others
    mined = sum(shape.per_rule.values()) or 1
    found[_NOTE_BINS[bisect_left(NOTE_SIZES, mined)]] = 1.0
    share = same / mined
    if share >= 0.6:
        found["rule_main"] = 1.0  # the note's main shape
    elif share <= 0.15:
        found["rule_minor"] = 1.0
    if shape.lines:
        cover = shape.used / shape.lines
        found[_COVER_BINS[bisect_left(COVER, cover)]] = 1.0
    if shape.fronts.get(topic.strip().casefold(), 1) > 1:
        found["front_twice"] = 1.0  # the note gives the same front to two answers
    if has_cjk(card.front) or (not back.isascii() and has_cjk(back[:200])):
        found["cjk"] = 1.0
    if not _TWO_LETTERS.search(topic):
        found["front_symbol"] = 1.0  # "P_0", "(1-T)", "L": a symbol, not a name
    if "(" in topic or "（" in topic:
        found["front_aside"] = 1.0  # "Ferns (vascular, spore-dispersing)": a heading's aside
    if any(map(str.isdigit, topic)):
        found["front_digit"] = 1.0
    if " › " in front:
        # how many mined cards the card's section gives: one stray, or a section read as cards
        siblings = shape.sections.get(_section(card.front), 1)
        found[_SECTION_BINS[(siblings > 1) + (siblings > 5)]] = 1.0
    return found


def _ends_counted(topic: str) -> bool:
    """Whether `topic` ends as `_COUNTED` needs it to (a number, a stop or colon after it at
    most): told from its last characters, where the pattern is tried at every letter."""
    end = topic.removesuffix("\n")  # (`$` matches before a final newline too)
    return end[-1:].isdecimal() or (end[-1:] in {".", ":", "："} and end[-2:-1].isdecimal())


def score(found: dict[str, float]) -> float:
    """The logistic of the weighted features: the fitted chance that a learner keeps the card."""
    # (each weight times its value, summed in the features' order as a generator would, in C:
    # a generator's step for each of a card's 20-odd features cost more than the arithmetic)
    z = INTERCEPT + sum(map(mul, map(WEIGHTS.get, found, repeat(0.0)), found.values()))
    return 1 / (1 + math.exp(-z))


def rate(card: Candidate, shape: NoteShape | None = None) -> float:
    """The card's confidence: 1 for explicit cards, else the fitted chance, 0.01-0.99."""
    if not card.mined:
        return 1.0
    return round(min(0.99, max(0.01, score(features(card, shape)))), 2)
