"""Daily limits as Anki's v3 scheduler applies them: the studied deck caps its whole tree.

Each deck between the one being studied (the vault when no `--deck` is given) and a card's own
deck has its `new_per_day` and `reviews_per_day`; a card is shown only while every one of them
has room, and showing it uses one unit of each. So with the vault's default of 20 new cards a
day, a vault of ten folders introduces 20 new cards, not 200, and `[deck."Lang"]` limits cap
`Lang::German` and `Lang::Japanese` together. New cards count against the review limit as well
(Anki v3's default): 200 reviews due and a review limit of 50 give 50 reviews and no new cards.

What was done today counts first: ratings given since the learner's day started, per deck,
counted into every deck above them. Learning steps are never limited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..settings import Settings
from ..store.queue import TodayRating

Node = str | None  # a deck name, or None for the vault


def deck_chain(deck: str, scope: str | None) -> tuple[Node, ...]:
    """The decks whose limits apply to a card of `deck` studied from `scope`, top first.

    `scope` itself (None: the vault), then each deck below it down to `deck`.
    """
    parts = deck.split("::")
    depth = 0 if scope is None else len(scope.split("::"))
    below = tuple("::".join(parts[:k]) for k in range(max(depth, 1), len(parts) + 1))
    if scope is None:
        return (None, *below)
    return (scope, *below[1:]) if below and below[0].lower() == scope.lower() else (scope,)


@dataclass
class DailyLimits:
    """What is left of today's limits for each deck in the studied tree."""

    scope: str | None
    settings_for: Callable[[Node], Settings]
    new_done: dict[Node, int] = field(default_factory=dict)
    review_done: dict[Node, int] = field(default_factory=dict)
    _chains: dict[str, tuple[Node, ...]] = field(default_factory=dict, repr=False)

    @classmethod
    def for_today(
        cls,
        scope: str | None,
        settings_for: Callable[[Node], Settings],
        today: Iterable[TodayRating],
        within: Callable[[str], bool],
    ) -> DailyLimits:
        """The limits left after today's ratings (distinct cards, undone ones left out)."""
        limits = cls(scope, settings_for)
        seen: set[str] = set()
        for rating in today:
            if rating.card_id in seen or not within(rating.deck):
                continue
            if rating.state_before not in ("new", "review"):
                continue  # a learning step: not limited, not counted
            seen.add(rating.card_id)
            for node in limits.chain(rating.deck):
                limits.review_done[node] = limits.review_done.get(node, 0) + 1
                if rating.state_before == "new":
                    limits.new_done[node] = limits.new_done.get(node, 0) + 1
        return limits

    def chain(self, deck: str) -> tuple[Node, ...]:
        found = self._chains.get(deck)
        if found is None:
            found = self._chains[deck] = deck_chain(deck, self.scope)
        return found

    def review_left(self, node: Node) -> int:
        return self.settings_for(node).reviews_per_day - self.review_done.get(node, 0)

    def new_left(self, node: Node) -> int:
        """New cards `node` may still introduce: its new limit, within its review limit."""
        return min(
            self.settings_for(node).new_per_day - self.new_done.get(node, 0),
            self.review_left(node),
        )

    def can_review(self, deck: str) -> bool:
        return all(self.review_left(node) > 0 for node in self.chain(deck))

    def can_introduce(self, deck: str) -> bool:
        return all(self.new_left(node) > 0 for node in self.chain(deck))

    def take_review(self, deck: str) -> bool:
        """Use one review of every deck above `deck`; False (and nothing used) if one is full."""
        if not self.can_review(deck):
            return False
        for node in self.chain(deck):
            self.review_done[node] = self.review_done.get(node, 0) + 1
        return True

    def take_new(self, deck: str) -> bool:
        """Use one new card (and one review) of every deck above `deck`, if all have room."""
        if not self.can_introduce(deck):
            return False
        for node in self.chain(deck):
            self.review_done[node] = self.review_done.get(node, 0) + 1
            self.new_done[node] = self.new_done.get(node, 0) + 1
        return True

    def new_total(self) -> int:
        """Most new cards the whole studied tree may still introduce today."""
        return max(0, self.new_left(self.scope))
