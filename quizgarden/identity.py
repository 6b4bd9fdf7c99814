"""Stable card ids, and re-matching edited cards to the ids they already had.

The id belongs to quizgarden: it is minted once, from the card as first seen, and then kept
through edits, moves and renames. The FSRS card id and the Anki GUID are derived from it, never
from the card's current text (a content hash would reset the history at every typo fix).

Re-matching runs on the cards of the notes that changed in one sync, in tiers: an explicit
Obsidian block id; the same rule, side and normalised front; then a fuzzy comparison of front and
back. It is one-to-one (greedy, best score first) and deterministic (ties break on ids and lines).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .model import Candidate, Card
from .similarity import normalize_text, similarity, tokens

_CLOZE_NUMBER = re.compile(r"\{\{c\d+::")

#: Same note (or a renamed note): minimum (front, back, mean) similarity of a fuzzy match.
SAME_NOTE = (0.6, 0.5, 0.7)
#: Cards that moved to an unrelated note must be closer to count as the same card.
OTHER_NOTE = (0.7, 0.6, 0.8)
#: A vanished note and a new note are one renamed note when this share of cards matches exactly.
RENAME_SHARE = 0.5


def mint_id(note_path: str, candidate: Candidate) -> str:
    """A fresh id for a card first seen in `note_path`: 16 hex digits."""
    key = "\x1f".join(
        (note_path, candidate.rule, str(candidate.side), normalize_text(candidate.front))
    )
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def mint_unique_id(note_path: str, candidate: Candidate, taken: Callable[[str], bool]) -> str:
    """`mint_id`, salted until it is not `taken` (the same question twice, or a retired twin)."""
    card_id = mint_id(note_path, candidate)
    salt = 0
    while taken(card_id):
        salt += 1
        key = f"{card_id}\x1f{salt}"
        card_id = hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()
    return card_id


# --- matching --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fresh:
    """A candidate in the note it was found in, waiting for an id."""

    note: str
    index: int  # position in that note's candidate list
    candidate: Candidate


_Item = TypeVar("_Item", Card, Fresh)


class _Side(Generic[_Item]):
    """Precomputed comparison keys of one old card (`_Side[Card]`) or one new candidate
    (`_Side[Fresh]`)."""

    __slots__ = (
        "_back",
        "_back_text",
        "_front",
        "_front_text",
        "active",
        "block",
        "exact",
        "item",
        "kin",
        "line",
        "note",
        "order",
        "side",
    )

    def __init__(
        self, item: _Item, note: str, cand: Candidate, *, active: bool, order: tuple[str, int]
    ) -> None:
        self.item: _Item = item
        self.note = note
        self.line = cand.line
        self.side = cand.side
        # the two sides of a reversed card share note, rule and line
        self.kin: tuple[str, str, int] | None = (
            (note, cand.rule, cand.line) if cand.type == "reversed" else None
        )
        self.active = active
        self.order = order
        cloze = cand.rule == "cloze"
        side = normalize_text(cand.back) if cloze else str(cand.side)
        front = _CLOZE_NUMBER.sub("{{c::", cand.front) if cloze else cand.front
        self.exact = (cand.rule, side, normalize_text(front))
        self.block = (cand.block_id, cand.side) if cand.block_id else None
        self._front_text, self._back_text = front, cand.back
        self._front: Counter[str] | None = None
        self._back: Counter[str] | None = None

    @property
    def front(self) -> Counter[str]:
        """Tokens of the front, computed only when a fuzzy comparison needs them."""
        if self._front is None:
            self._front = tokens(self._front_text)
        return self._front

    @property
    def back(self) -> Counter[str]:
        if self._back is None:
            self._back = tokens(self._back_text)
        return self._back


def _as_candidate(card: Card) -> Candidate:
    return Candidate(
        rule=card.rule,
        type=card.type,
        front=card.front,
        back=card.back,
        line=card.line,
        block_id=card.block_id,
        side=card.side,
    )


def _old_side(card: Card) -> _Side[Card]:
    return _Side(
        card, card.note, _as_candidate(card), active=card.retired is None, order=(card.id, 0)
    )


def _new_side(fresh: Fresh) -> _Side[Fresh]:
    cand = fresh.candidate
    return _Side(fresh, fresh.note, cand, active=True, order=(fresh.note, fresh.index))


def _fuzzy_ok(
    old: _Side[Card], new: _Side[Fresh], limits: tuple[float, float, float]
) -> float | None:
    """The fuzzy score of a pair, or None when it is too far to be the same card."""
    if old.exact[0] == "cloze" or new.exact[0] == "cloze":
        # a cloze card is its deletion: the back must agree, the context may shift around it
        if old.exact[0] != new.exact[0]:
            return None
    elif old.exact[1] != new.exact[1]:
        return None  # forward and reverse sides never swap
    front_min, back_min, mean_min = limits
    front = similarity(old.front, new.front)
    if front < front_min:
        return None
    back = similarity(old.back, new.back, containment=True)
    if back < back_min or (front + back) / 2 < mean_min:
        return None
    return (front + back) / 2


#: A pair's rank: tier (2 block id, 1 exact, 0 fuzzy), old card active, similarity, -line distance.
_Score = tuple[int, bool, float, int]
_Pair = tuple[_Score, _Side[Card], _Side[Fresh]]
#: new side's id() -> the old side it continues
_Result = dict[int, _Side[Card]]
_Limits = tuple[float, float, float]


def _greedy(pairs: list[_Pair], result: _Result) -> None:
    """Assign best-scored pairs first, each old card and each candidate at most once."""
    pairs.sort(key=lambda p: (p[0], _neg(p[1].order), _neg(p[2].order)), reverse=True)
    used_old = {id(old) for old in result.values()}
    for _, old, new in pairs:
        if id(new) in result or id(old) in used_old:
            continue
        result[id(new)] = old
        used_old.add(id(old))


def _neg(order: tuple[str, int]) -> tuple[_Reverse, int]:
    """Sort key making smaller ids/positions win ties under `reverse=True`."""
    return (_Reverse(order[0]), -order[1])


class _Reverse:
    """A string that sorts backwards."""

    __slots__ = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def __lt__(self, other: _Reverse) -> bool:
        return other.value < self.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reverse) and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.value)


def _exact_pairs(
    olds: Iterable[_Side[Card]], news: Iterable[_Side[Fresh]], *, cross: bool
) -> list[_Pair]:
    """Pairs sharing a block id (tier 2) or rule + side + front (tier 1)."""
    by_block: dict[tuple[str, int], list[_Side[Card]]] = defaultdict(list)
    by_exact: dict[tuple[str, str, str], list[_Side[Card]]] = defaultdict(list)
    for old in olds:
        if old.block:
            by_block[old.block].append(old)
        by_exact[old.exact].append(old)
    pairs: list[_Pair] = []
    for new in news:
        for old in by_block.get(new.block, ()) if new.block else ():
            score = max(similarity(old.front, new.front), similarity(old.back, new.back))
            if cross and score < 0.3:
                continue  # the same short block id in unrelated notes: a coincidence
            pairs.append(((2, old.active, score, -abs(old.line - new.line)), old, new))
        for old in by_exact.get(new.exact, ()):
            if old.block and new.block and old.block != new.block:
                continue  # the author says these are different cards
            back = similarity(old.back, new.back, containment=True)
            pairs.append(((1, old.active, back, -abs(old.line - new.line)), old, new))
    return pairs


def _fuzzy_pairs(
    olds: Sequence[_Side[Card]],
    news: Sequence[_Side[Fresh]],
    limits: Callable[[_Side[Card], _Side[Fresh]], _Limits],
) -> list[_Pair]:
    """Fuzzy pairs, comparing only cards that share at least one token (an inverted index)."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, old in enumerate(olds):
        for tok in old.front.keys() | old.back.keys():
            index[tok].append(i)
    pairs: list[_Pair] = []
    for new in news:
        seen: set[int] = set()
        for tok in new.front.keys() | new.back.keys():
            seen.update(index.get(tok, ()))
        for i in sorted(seen):
            old = olds[i]
            if old.block and new.block and old.block != new.block:
                continue
            score = _fuzzy_ok(old, new, limits(old, new))
            if score is not None:
                pairs.append(((0, old.active, score, -abs(old.line - new.line)), old, new))
    return pairs


@dataclass(frozen=True)
class Matching:
    """The outcome of re-matching: which candidate keeps which old card, and who is left."""

    matched: dict[tuple[str, int], Card]  # (note, candidate index) -> the old card it continues
    unmatched_old: tuple[Card, ...]
    unmatched_new: tuple[Fresh, ...]
    renamed: dict[str, str]  # vanished note path -> the new note path it became


def match_cards(
    old: Mapping[str, Sequence[Card]],
    new: Mapping[str, Sequence[Candidate]],
    *,
    vanished: Iterable[str] = (),
    created: Iterable[str] = (),
) -> Matching:
    """Re-match the candidates of changed notes to the stored cards of those notes.

    `old` holds the stored cards (active and retired) of every note that changed or vanished,
    `new` the candidates of every changed or created note. `vanished` / `created` name the notes
    that disappeared / appeared in this sync, so a renamed note can be recognised.
    """
    olds = {path: [_old_side(c) for c in cards] for path, cards in sorted(old.items())}
    news = {
        path: [_new_side(Fresh(path, i, c)) for i, c in enumerate(cands)]
        for path, cands in sorted(new.items())
    }
    result: _Result = {}

    # 1. within each note: block id, then exact front, then fuzzy
    for path in sorted(olds.keys() & news.keys()):
        _greedy(_exact_pairs(olds[path], news[path], cross=False), result)
        _greedy(
            _fuzzy_pairs(*_left(olds[path], news[path], result), lambda o, n: SAME_NOTE), result
        )

    # 2. across notes: recognise renamed notes, then exact and fuzzy matches anywhere
    renamed = _pair_renamed(olds, news, set(vanished), set(created), result)
    partner = set(renamed.items())
    all_old = [s for path in olds for s in olds[path]]
    all_new = [s for path in news for s in news[path]]
    left_old, left_new = _left(all_old, all_new, result)
    _greedy(_exact_pairs(left_old, left_new, cross=True), result)
    left_old, left_new = _left(all_old, all_new, result)

    def limits(o: _Side[Card], n: _Side[Fresh]) -> _Limits:
        return SAME_NOTE if (o.note, n.note) in partner else OTHER_NOTE

    _greedy(_fuzzy_pairs(left_old, left_new, limits), result)
    _follow_siblings(all_old, all_new, result)

    matched_ids = {id(s) for s in result.values()}
    return Matching(
        matched={
            (s.item.note, s.item.index): result[id(s)].item for s in all_new if id(s) in result
        },
        unmatched_old=tuple(s.item for s in all_old if id(s) not in matched_ids),
        unmatched_new=tuple(s.item for s in all_new if id(s) not in result),
        renamed=renamed,
    )


def _follow_siblings(
    olds: Sequence[_Side[Card]], news: Sequence[_Side[Fresh]], result: _Result
) -> None:
    """The other side of a reversed card goes where its matched sibling went.

    A typo in `chien:::dgo` leaves the forward side's front intact (it matches exactly) while
    the reverse side's front is the misspelt word itself, too short to match by text.
    """
    taken = {id(o) for o in result.values()}
    spare = {(*o.kin, o.side): o for o in olds if o.kin and id(o) not in taken}
    matched_kin: dict[tuple[str, str, int], list[tuple[int, _Side[Card]]]] = defaultdict(list)
    for new in news:
        if new.kin and id(new) in result:
            matched_kin[new.kin].append((new.side, result[id(new)]))
    for new in news:
        if not new.kin or id(new) in result:
            continue
        for side, old_sibling in sorted(matched_kin.get(new.kin, ()), key=lambda sv: sv[0]):
            if side == new.side or not old_sibling.kin:
                continue
            old = spare.get((*old_sibling.kin, new.side))
            if old is not None and id(old) not in taken:
                result[id(new)] = old
                taken.add(id(old))
                break


def _left(
    olds: Sequence[_Side[Card]], news: Sequence[_Side[Fresh]], result: _Result
) -> tuple[list[_Side[Card]], list[_Side[Fresh]]]:
    taken = {id(s) for s in result.values()}
    return [o for o in olds if id(o) not in taken], [n for n in news if id(n) not in result]


def _pair_renamed(
    olds: dict[str, list[_Side[Card]]],
    news: dict[str, list[_Side[Fresh]]],
    vanished: set[str],
    created: set[str],
    result: _Result,
) -> dict[str, str]:
    """Vanished note -> created note, when most of the vanished note's cards reappear there."""
    scores = []
    for gone in sorted(vanished & olds.keys()):
        keys = Counter(o.exact for o in olds[gone] if o.active)
        if not keys:
            continue
        for born in sorted(created & news.keys()):
            found = keys & Counter(n.exact for n in news[born])
            share = sum(found.values()) / min(sum(keys.values()), len(news[born]))
            if share >= RENAME_SHARE:
                scores.append((share, sum(found.values()), gone, born))
    scores.sort(key=lambda s: (-s[0], -s[1], s[2], s[3]))
    renamed: dict[str, str] = {}
    for _, _, gone, born in scores:
        if gone not in renamed and born not in renamed.values():
            renamed[gone] = born
    return renamed
