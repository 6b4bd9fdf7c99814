"""The review queue of one session: what comes next, what an answer changes, what undo restores.

Pure logic over `QueueItem`s: no SQLite, no terminal. The runner feeds it the cards the store
found and the states the scheduler computed, and asks it for the next card.

Order, as in Anki's v3 scheduler: learning cards whose step is due come first; then the main
queue, review cards (lowest retrievability, i.e. most overdue relative to their stability, first)
with the new cards spread evenly among them (`intersperse`; `new_mix` "after" or "before" puts
them after or before all reviews); when nothing else is left, learning cards due within
`LEARN_AHEAD` are shown early rather than ending the session. Siblings
(same note, rule and line: the two sides of a reversed card, the clozes of one block) never
appear on the same day: once one is answered the others leave the queue until tomorrow.

The queues hold light `QueueEntry` rows; the full card (text, tags, state) is loaded through
`load` only when a card is about to be shown, together with a few that come next.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain
from typing import TypeVar

from ..days import Days
from ..model import Card, CardState
from ..store.queue import QueueEntry, QueueItem
from .limits import DailyLimits

LEARN_AHEAD = timedelta(minutes=20)
LOOK_AHEAD = 4  # cards of each queue loaded along with the one shown: one query, not five

#: Reads full cards by id (ids no longer in the collection are left out).
Loader = Callable[[list[str]], dict[str, QueueItem]]


def day_start(now: datetime, hour: int = 4, zone: str = "") -> datetime:
    """Start of the learner's day containing `now`: `hour` o'clock local time, as a UTC instant."""
    return Days(hour, zone).day_start(now)


def next_day_start(now: datetime, hour: int = 4, zone: str = "") -> datetime:
    """Start of the next learner's day (daylight saving changes make some days 23 or 25 h)."""
    return Days(hour, zone).next_day_start(now)


@dataclass(frozen=True)
class Answer:
    """One rating given in this session, for undo and the summary."""

    item: QueueItem  # the card as it was shown
    rating: int
    review_id: int
    after: CardState
    removed_siblings: tuple[QueueEntry, ...] = ()


@dataclass(frozen=True)
class Removal:
    """A card taken out by suspend, bury or reject, for undo."""

    item: QueueItem
    action: str  # 'suspend' | 'bury' | 'reject'


T = TypeVar("T")


def intersperse(reviews: Sequence[T], new: Sequence[T]) -> list[T]:
    """`reviews` and `new` merged, each in its own order, `new` spread as evenly as Anki does.

    Anki v3's "mix with reviews" (rslib `Intersperser`): with R reviews and N new cards, the
    k-th new card (from 1) goes before the first review numbered (from 1) above k(R+1)/(N+1),
    or last if there is none, so the runs of reviews before, between and after the new cards
    differ in length by at most one. 3 new among 9 reviews come 3rd, 7th and 10th.
    """
    ratio = (len(reviews) + 1) / (len(new) + 1)
    merged: list[T] = []
    one = two = 0
    while one < len(reviews) or two < len(new):
        if two < len(new) and (one == len(reviews) or (two + 1) * ratio < one + 1):
            merged.append(new[two])
            two += 1
        else:
            merged.append(reviews[one])
            one += 1
    return merged


def main_order(reviews: Sequence[T], new: Sequence[T], new_mix: str) -> list[T]:
    """The review and new cards in the order shown, by the `new_mix` setting."""
    if new_mix == "after":
        return [*reviews, *new]
    if new_mix == "before":
        return [*new, *reviews]
    return intersperse(reviews, new)


def _no_loader(card_ids: list[str]) -> dict[str, QueueItem]:
    raise RuntimeError("this Session was built without a loader for its cards")


@dataclass
class Session:
    """The queue of one review session and its undo history."""

    reviews: list[QueueEntry]
    new: list[QueueEntry]
    learning: list[QueueEntry] = field(default_factory=list)
    day_end: datetime | None = None
    history: list[Answer | Removal] = field(default_factory=list)
    pinned: QueueItem | None = None  # a card brought back by undo: shown next
    load: Loader = _no_loader
    new_mix: str = "mix"  # where new cards come among reviews (settings.NEW_MIX_VALUES)
    _loaded: dict[str, QueueItem] = field(default_factory=dict, repr=False)
    # each review and new card's place in the main queue, fixed when the queue is built, as
    # Anki's: a sibling or suspended card leaving it does not move the others
    _places: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.learning.sort(key=_due)
        self._place()

    def _place(self) -> None:
        order = main_order(self.reviews, self.new, self.new_mix)
        self._places = {entry.card_id: place for place, entry in enumerate(order)}

    def start_day(self, fresh: Session) -> None:
        """Carry on (undo history, counts) with `fresh`, the queue of a new learner's day."""
        self.reviews[:] = fresh.reviews
        self.new[:] = fresh.new
        self.learning[:] = fresh.learning
        self.day_end = fresh.day_end
        self.new_mix = fresh.new_mix
        self.load = fresh.load
        self._loaded.clear()  # read again: the new day's queue is read afresh, so are its cards
        self._place()

    def next_card(self, now: datetime) -> QueueItem | None:
        """The card to show at `now`, or None when the session is over."""
        if self.pinned is not None:
            return self.pinned
        while (entry := self._next_entry(now)) is not None:
            item = self._item(entry)
            if item is not None:
                return item
            self._drop(entry.card_id)  # deleted from the collection since the queue was built
        return None

    def _next_entry(self, now: datetime) -> QueueEntry | None:
        if self.learning and _due(self.learning[0]) <= now:
            return self.learning[0]
        if self.reviews and self.new:
            return min(self.reviews[0], self.new[0], key=self._place_of)
        if self.reviews or self.new:
            return (self.reviews or self.new)[0]
        if self.learning and _due(self.learning[0]) <= now + LEARN_AHEAD:
            return self.learning[0]
        return None

    def _place_of(self, entry: QueueEntry) -> int:
        """Where `entry` stands in the main queue; -1 (first) for a card not placed when the
        queue was built (one another session moved from learning to review)."""
        if self.new_mix == "after":
            return 0 if entry.state == "review" else 1
        if self.new_mix == "before":
            return 0 if entry.state == "new" else 1
        return self._places.get(entry.card_id, -1)

    def _item(self, entry: QueueEntry) -> QueueItem | None:
        """The full card of `entry`, loaded with the next few of each queue."""
        if entry.card_id not in self._loaded:
            ahead = chain(
                self.learning[:LOOK_AHEAD], self.reviews[:LOOK_AHEAD], self.new[:LOOK_AHEAD]
            )
            wanted = [entry.card_id, *(e.card_id for e in ahead if e.card_id not in self._loaded)]
            self._loaded.update(self.load(list(dict.fromkeys(wanted))))
        return self._loaded.get(entry.card_id)

    def counts(self) -> tuple[int, int, int]:
        """Cards left: (new, learning, review)."""
        return len(self.new), len(self.learning), len(self.reviews)

    def waiting_learning(self) -> QueueEntry | None:
        """The next learning card due later today (to say when to come back)."""
        return self.learning[0] if self.learning else None

    def answered(self, item: QueueItem, rating: int, review_id: int, after: CardState) -> Answer:
        """Take `item` off the queue; a card still learning comes back when its step is due."""
        self._drop(item.card.id)
        key = item.sibling_key
        removed = tuple(
            other
            for other in chain(self.reviews, self.new, self.learning)
            if other.sibling_key == key and other.card_id != item.card.id
        )
        for other in removed:
            self._drop(other.card_id)
        if (
            after.state in ("learning", "relearning")
            and after.due is not None
            and (self.day_end is None or after.due < self.day_end)
        ):
            self.learning.append(QueueEntry.of(item.card, after))
            self.learning.sort(key=_due)
        answer = Answer(item, rating, review_id, after, removed)
        self.history.append(answer)
        return answer

    def removed(self, item: QueueItem, action: str) -> Removal:
        """Take `item` off the queue for suspend, bury or reject."""
        self._drop(item.card.id)
        removal = Removal(item, action)
        self.history.append(removal)
        return removal

    def changed_elsewhere(self, item: QueueItem, now: datetime) -> bool:
        """Another session changed `item`'s card: queue it by its fresh state, if still due today.

        Returns whether it is due now (and so shown next)."""
        self._drop(item.card.id)
        state = item.state
        if state.suspended or state.due is None or (state.buried_until or now) > now:
            return False
        if self.day_end is not None and state.due >= self.day_end and state.state != "new":
            return False
        self._put_back(QueueEntry.of(item.card, state), front=True)
        if state.due <= now:
            self.pinned = item
            return True
        return False

    def pop_undo(self) -> Answer | Removal | None:
        """The last step to undo, or None; the caller reverts the store, then `restore`s."""
        return self.history.pop() if self.history else None

    def restore(self, step: Answer | Removal, state: CardState) -> QueueItem:
        """Put an undone card back at the front of the queue, with its restored state."""
        self._drop(step.item.card.id)
        item = QueueItem(step.item.card, state)
        if isinstance(step, Answer):
            for other in step.removed_siblings:
                self._put_back(other)
        self._put_back(QueueEntry.of(item.card, state), front=True)
        self.pinned = item
        return item

    def put_back(self, card: Card, state: CardState) -> None:
        """Queue a card again that was taken out this session (brought back with `r`)."""
        self._drop(card.id)
        self._put_back(QueueEntry.of(card, state))

    def _put_back(self, entry: QueueEntry, *, front: bool = False) -> None:
        if entry.state == "new":
            target = self.new
        elif entry.state == "review":
            target = self.reviews
        else:
            self.learning.append(entry)
            self.learning.sort(key=_due)
            return
        if front:
            target.insert(0, entry)
        else:
            target.append(entry)

    def _drop(self, card_id: str) -> None:
        if self.pinned is not None and self.pinned.card.id == card_id:
            self.pinned = None
        self._loaded.pop(card_id, None)  # its state is about to change: read it again
        for queue in (self.reviews, self.new, self.learning):
            queue[:] = [other for other in queue if other.card_id != card_id]


def _due(entry: QueueEntry) -> datetime:
    assert entry.due is not None
    return entry.due


def pick_reviews(
    entries: Iterable[QueueEntry],
    taken: set[tuple[str, str, int]],
    limits: DailyLimits,
    limit: int | None = None,
) -> list[QueueEntry]:
    """Due reviews in the given order, one per sibling group, within the daily `limits`.

    A card left out by a limit does not claim its sibling group, so a sibling may still come
    as a new card. `taken` and `limits` are updated in place.
    """
    kept: list[QueueEntry] = []
    for entry in entries:
        if limit is not None and len(kept) >= limit:
            break
        if limits.review_left(limits.scope) <= 0:
            break  # the studied deck (or the vault) is full: nothing more can come
        if entry.sibling_key in taken or not limits.take_review(entry.deck):
            continue
        taken.add(entry.sibling_key)
        kept.append(entry)
    return kept


def pick_new(
    streams: Iterable[Iterator[tuple[tuple[float, int], QueueEntry]]],
    taken: set[tuple[str, str, int]],
    limits: DailyLimits | None,
    budget: int | None,
) -> list[QueueEntry]:
    """New cards, most confident first, then in the order added; merged from per-deck `streams`.

    Each stream yields ((-confidence, rowid), entry) in that order; a deck's stream is read no
    further once its deck (or one above it) is full (`limits` None: no daily limits), so a deck of
    50,000 new cards costs its first twenty rows. One card per sibling group; at most `budget`
    cards.
    """
    import heapq

    iterators = list(streams)
    heap = [
        (row[0], index, row[1]) for index, it in enumerate(iterators) if (row := next(it, None))
    ]
    heapq.heapify(heap)
    picked: list[QueueEntry] = []
    while heap and (budget is None or len(picked) < budget):
        _rowid, index, entry = heapq.heappop(heap)
        if entry.sibling_key not in taken and (limits is None or limits.take_new(entry.deck)):
            taken.add(entry.sibling_key)
            picked.append(entry)
        if limits is not None and not limits.can_introduce(entry.deck):
            continue  # this deck is full for today: read no further in it
        if (row := next(iterators[index], None)) is not None:
            heapq.heappush(heap, (row[0], index, row[1]))
    return picked


@dataclass(frozen=True)
class Summary:
    """End of session: what was done and what comes next."""

    reviewed: int
    seconds: float
    retention: float | None  # share of review-state cards not forgotten, this session
    due_tomorrow: int
    new_tomorrow: int
    ratings: dict[int, int]


def summarize(
    history: list[Answer | Removal], seconds: float, due_tomorrow: int, new_tomorrow: int
) -> Summary:
    answers = [step for step in history if isinstance(step, Answer)]
    ratings = {r: sum(1 for a in answers if a.rating == r) for r in (1, 2, 3, 4)}
    recalled = [a.rating > 1 for a in answers if a.item.state.state == "review"]
    retention = sum(recalled) / len(recalled) if recalled else None
    return Summary(len(answers), seconds, retention, due_tomorrow, new_tomorrow, ratings)
