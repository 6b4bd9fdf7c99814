"""A note that repeats itself (pages saved twice, copied sections) yields each card once."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Candidate
from ..similarity import normalize_text

_MARKS = re.compile(r"[\s*$`]+")
#: A mined answer that is most of an earlier mined answer says the same thing again.
RESTATED = 0.6


def dedupe(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the first of equal cards; a mined card also yields to any earlier card on its front.

    Two mined cards where one answer is most of the other ("## LoRA" over "**Basic idea**: ..."
    and the "Basic idea" definition; a heading whose section is one formula and the formula card)
    are one card: the earlier is kept, except that a formula card replaces the prose card around it.
    A formula that is only part of an earlier answer is already asked there.
    """
    seen: set[tuple[str, int, str, str]] = set()
    fronts: set[str] = set()
    kept: list[Candidate | None] = []
    answers: list[tuple[str, int]] = []  # bare answers of kept mined cards, with their index
    for card in candidates:
        front, back = normalize_text(card.front), normalize_text(card.back)
        key = (card.type, card.side, front, back)
        if key in seen or (card.mined and front in fronts):
            continue
        bare = _MARKS.sub("", back)
        if card.mined and bare:
            earlier = next((i for a, i in answers if kept[i] and _restates(bare, a)), None)
            if earlier is not None:
                previous = kept[earlier]
                if card.rule != "formula" or (previous is not None and previous.rule == "formula"):
                    continue
                kept[earlier] = None
            elif card.rule == "formula" and any(kept[i] and bare in a for a, i in answers):
                continue  # "介绍一下 FFN 计算公式？" already answers with this formula
            answers.append((bare, len(kept)))
        seen.add(key)
        fronts.add(front)
        kept.append(card)
    return [card for card in kept if card is not None]


def _restates(answer: str, earlier: str) -> bool:
    return len(answer) >= RESTATED * len(earlier) and answer in earlier
