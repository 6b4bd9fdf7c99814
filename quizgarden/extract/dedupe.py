"""A note that repeats itself (pages saved twice, copied sections) yields each card once."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable

from ..model import Candidate
from ..similarity import normalize_text
from .text import units

_MARKS = re.compile(r"[\s*$`]+")
#: A mined answer that is most of an earlier mined answer says the same thing again.
RESTATED = 0.6
#: How many earlier mined answers a new one is compared with (an equal answer is found at any
#: distance). Restatements sit close together (a section and a definition in it: at most 18
#: answers apart in ../shared/corpus); comparing with every earlier answer made a 10,000-entry
#: glossary quadratic.
RESTATE_WINDOW = 64
#: A shorter answer (a word, a verb form: "está", "-ó") may answer several questions of a note;
#: only longer answers are compared with earlier ones.
MIN_RESTATED = 8
#: Rules whose answer is a part of a block (a formula, a paragraph's first sentence) that an
#: earlier card may answer with whole: such a card is asked there already.
_PART_OF_EARLIER = frozenset({"formula", "subject"})


def dedupe(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the first of equal cards; a mined card also yields to any earlier card on its front.

    Two mined cards where one answer is most of the other ("## LoRA" over "**Basic idea**: ..."
    and the "Basic idea" definition; a heading whose section is one formula and the formula card)
    are one card: the earlier is kept, except that a formula card replaces the prose card around it.
    Two table rows that answer alike are two facts, and both are kept.
    A formula that is only part of an earlier answer is already asked there.
    """
    seen: set[tuple[str, int, str, str]] = set()
    fronts: set[str] = set()
    kept: list[Candidate | None] = []
    # bare answers of the last kept mined cards, with their index; and every one by its text
    answers: deque[tuple[str, int]] = deque(maxlen=RESTATE_WINDOW)
    same: dict[str, list[int]] = {}
    for card in candidates:
        front, back = normalize_text(card.front), normalize_text(card.back)
        key = (card.type, card.side, front, back)
        if key in seen or (card.mined and front in fronts):
            continue
        # (only a mined answer is compared: an explicit card's answer is never made bare)
        if card.mined and len(bare := _bare(back)) >= MIN_RESTATED:
            equal = next((i for i in same.get(bare, ()) if kept[i]), None)
            if (said := _with_verb(bare, card, same, kept)) is not None:
                # "Stanza → is a collection …" after "Poems › Stanza → a collection …": one
                # sentence asked twice; the term as its sentence names it is the card
                if not normalize_text(said[1].front).endswith(f" › {front}"):
                    continue
                kept[said[0]] = None
            # one search in C rules out most cards before the answers are compared one by one
            inside = bare in "\0".join(a for a, _ in answers)
            near = (i for a, i in answers if inside and kept[i] and _restates(bare, a))
            # (two table rows that answer alike are two facts: a chairman of two committees)
            found = [
                i
                for i in (equal, next(near, None))
                if i is not None and not (card.rule == "table" == _rule(kept[i]))
            ]
            earlier = min(found) if found else None
            if earlier is not None:
                previous = kept[earlier]
                if card.rule != "formula" or (previous is not None and previous.rule == "formula"):
                    continue
                if previous is not None and _says_more(previous.back):
                    continue  # the prose card says what the formula is, and holds it
                kept[earlier] = None
            elif (
                card.rule in _PART_OF_EARLIER
                and inside
                and any(kept[i] and bare in a for a, i in answers)
            ):
                # "介绍一下 FFN 计算公式？" already answers with this formula; "## Determinismus"
                # already answers with the paragraph whose first sentence `subject` took
                continue
            answers.append((bare, len(kept)))
            same.setdefault(bare, []).append(len(kept))
        seen.add(key)
        fronts.add(front)
        kept.append(card)
    return [card for card in kept if card is not None]


#: How many characters a verb before an answer takes at most: "is", "are", "ist", "是", "est".
MAX_VERB = 4


def _with_verb(
    bare: str, card: Candidate, same: dict[str, list[int]], kept: list[Candidate | None]
) -> tuple[int, Candidate] | None:
    """The earlier mined card of the same line, by another rule, whose answer is this answer
    without its verb ("**gloo** 是一种…" is the `definition` rule's "通信策略 › gloo → 一种…"
    and the `sentence` rule's "gloo → 是一种…"): the same sentence, asked twice. A few dict
    look-ups, not a search."""
    for k in range(1, MAX_VERB + 1):
        for i in same.get(bare[k:], ()):
            earlier = kept[i]
            if earlier is not None and earlier.line == card.line and earlier.rule != card.rule:
                return i, earlier
    return None


# an ordered item's number, in text whose lines `normalize_text` has joined with spaces
_ITEM_NUMBER = re.compile(r"(?:(?<=\s)|^)\d{1,3}[.)](?=\s)")


def _bare(text: str) -> str:
    """`text` without whitespace, `*`, `$` and backticks (`_MARKS`), in a few passes in C.
    (`str.translate` with a deletion table looks each character up in a dict: on a long CJK
    answer it was thirty times slower than three `replace` passes.) An ordered list's numbers
    count as bullets: a heading's answer keeps them where another rule's gives the list bare."""
    if "1." in text or "1)" in text:  # the pattern only where a list may be numbered
        text = _ITEM_NUMBER.sub("-", text)
    return "".join(text.split()).replace("*", "").replace("$", "").replace("`", "")


#: How many reading units of words, outside math, make a prose answer more than its formula.
MIN_OWN_WORDS = 8
_DISPLAY = re.compile(r"\$\$.*?\$\$", re.S)
_INLINE = re.compile(r"\$[^$\n]+\$")
_SENTENCE_BREAK = re.compile(r"[。！？!?]|\.\s")


def _says_more(prose: str) -> bool:
    """ "#### 切向加速度" + "描述由速度大小变化快慢，…" + its formula: the prose says what the
    quantity is, and the card holds the formula too: it is the one card. A sentence that leads
    into the formula ("每个 query 和所有 key 做点积，…加权求和：", "The update is:") only says what
    the formula says: there the formula card is the one."""
    parts = _DISPLAY.split(_INLINE.sub("x", prose))  # a symbol in the text is a word of it
    said = []
    for k, part in enumerate(parts):
        text = part.strip()
        if k < len(parts) - 1 and text.endswith((":", "：")):
            text = " ".join(_SENTENCE_BREAK.split(text)[:-1])  # the sentence leading in
        said.append(text)
    return units(" ".join(said)) >= MIN_OWN_WORDS


def _restates(answer: str, earlier: str) -> bool:
    return len(answer) >= RESTATED * len(earlier) and answer in earlier


def _rule(card: Candidate | None) -> str:
    return card.rule if card is not None else ""
