"""A note that repeats itself (pages saved twice, copied sections) yields each card once."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Candidate
from ..similarity import normalize_text


def dedupe(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the first of equal cards; a mined card also yields to any earlier card on its front."""
    seen: set[tuple[str, int, str, str]] = set()
    fronts: set[str] = set()
    out: list[Candidate] = []
    for card in candidates:
        front, back = normalize_text(card.front), normalize_text(card.back)
        key = (card.type, card.side, front, back)
        if key in seen or (card.mined and front in fronts):
            continue
        seen.add(key)
        fronts.add(front)
        out.append(card)
    return out
