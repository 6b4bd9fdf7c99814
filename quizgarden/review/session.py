"""The review queue of one session: what comes next, what an answer changes, what undo restores.

Pure logic over `QueueItem`s: no SQLite, no terminal. The runner feeds it the cards the store
found and the states the scheduler computed, and asks it for the next card.

Order, as in Anki: learning cards whose step is due, then review cards (lowest retrievability,
i.e. most overdue relative to their stability, first), then new cards; when nothing else is left,
learning cards due within `LEARN_AHEAD` are shown early rather than ending the session. Siblings
(same note, rule and line: the two sides of a reversed card, the clozes of one block) never
appear on the same day: once one is answered the others leave the queue until tomorrow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..model import CardState
from ..store.reviews import QueueItem

LEARN_AHEAD = timedelta(minutes=20)


def day_start(now: datetime, hour: int = 4) -> datetime:
    """Start of the learner's day containing `now`: `hour` o'clock local time, as a UTC instant."""
    local = now.astimezone()
    start = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if local < start:
        start -= timedelta(days=1)
    return start.astimezone(now.tzinfo)


def next_day_start(now: datetime, hour: int = 4) -> datetime:
    return day_start(now, hour) + timedelta(days=1)


@dataclass(frozen=True)
class Answer:
    """One rating given in this session, for undo and the summary."""

    item: QueueItem  # the card as it was shown
    rating: int
    review_id: int
    after: CardState
    removed_siblings: tuple[QueueItem, ...] = ()


@dataclass(frozen=True)
class Removal:
    """A card taken out by suspend, bury or reject, for undo."""

    item: QueueItem
    action: str  # 'suspend' | 'bury' | 'reject'


@dataclass
class Session:
    """The queue of one review session and its undo history."""

    reviews: list[QueueItem]
    new: list[QueueItem]
    learning: list[QueueItem] = field(default_factory=list)
    day_end: datetime | None = None
    history: list[Answer | Removal] = field(default_factory=list)
    pinned: QueueItem | None = None  # a card brought back by undo: shown next

    def __post_init__(self) -> None:
        self.learning.sort(key=_due)

    def next_card(self, now: datetime) -> QueueItem | None:
        """The card to show at `now`, or None when the session is over."""
        if self.pinned is not None:
            return self.pinned
        if self.learning and _due(self.learning[0]) <= now:
            return self.learning[0]
        if self.reviews:
            return self.reviews[0]
        if self.new:
            return self.new[0]
        if self.learning and _due(self.learning[0]) <= now + LEARN_AHEAD:
            return self.learning[0]
        return None

    def counts(self) -> tuple[int, int, int]:
        """Cards left: (new, learning, review)."""
        return len(self.new), len(self.learning), len(self.reviews)

    def waiting_learning(self) -> QueueItem | None:
        """The next learning card due later today (to say when to come back)."""
        return self.learning[0] if self.learning else None

    def answered(self, item: QueueItem, rating: int, review_id: int, after: CardState) -> Answer:
        """Take `item` off the queue; a card still learning comes back when its step is due."""
        self._drop(item.card.id)
        removed = tuple(
            other
            for other in [*self.reviews, *self.new, *self.learning]
            if other.sibling_key == item.sibling_key and other.card.id != item.card.id
        )
        for other in removed:
            self._drop(other.card.id)
        learning = after.state in ("learning", "relearning") and after.due is not None
        if learning and (self.day_end is None or after.due < self.day_end):  # type: ignore[operator]
            self.learning.append(QueueItem(item.card, after))
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
        self._put_back(item, front=True)
        self.pinned = item
        return item

    def _put_back(self, item: QueueItem, *, front: bool = False) -> None:
        if item.state.state == "new":
            target = self.new
        elif item.state.state == "review":
            target = self.reviews
        else:
            self.learning.append(item)
            self.learning.sort(key=_due)
            return
        if front:
            target.insert(0, item)
        else:
            target.append(item)

    def _drop(self, card_id: str) -> None:
        if self.pinned is not None and self.pinned.card.id == card_id:
            self.pinned = None
        for queue in (self.reviews, self.new, self.learning):
            queue[:] = [other for other in queue if other.card.id != card_id]


def _due(item: QueueItem) -> datetime:
    assert item.state.due is not None
    return item.state.due


def pick_siblings(items: list[QueueItem], taken: set[tuple[str, str, int]]) -> list[QueueItem]:
    """Keep the first card of each sibling group not already `taken` (updated in place)."""
    kept = []
    for item in items:
        if item.sibling_key in taken:
            continue
        taken.add(item.sibling_key)
        kept.append(item)
    return kept


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
