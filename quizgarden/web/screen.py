"""The browser as one more face of `quiz review`: a `Screen` whose keys arrive over HTTP.

Why this shape: the runner (quizgarden/review/runner.py) already owns the session: the queue,
the scheduler, committing each rating before the next card, undo, suspend, bury, reject, the
summary. `WebScreen` is just the screen it talks to, as the terminal screen is, so the browser
gets the same session rather than a copy. The runner stays on the main thread; HTTP handler
threads hand it commands through a queue and read back the view it last drew. A command's
HTTP response is sent only once the runner has acted on it and asks for the next key, so
the page never shows a card before the previous rating is in the collection.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from ..model import CardState
from ..review.input import Command
from ..review.runner import Shown
from ..review.screen import LABELS, summary_lines
from ..review.session import Summary
from ..schedule import format_interval
from .card_html import CardHtml, MediaUrl, card_html

#: Given the note a card comes from, the resolver for the images that card refers to.
MediaForNote = Callable[[str], MediaUrl]


class WebScreen:
    """A `Screen` for the runner: draws views as JSON-ready dicts, reads commands from a queue."""

    reveals = True

    def __init__(
        self, media: MediaForNote | None = None, ready: Callable[[bool], None] | None = None
    ) -> None:
        self.media = media
        self._ready = ready  # called once: True at the first card, False if the summary comes first
        self._commands: queue.SimpleQueue[Command | None] = queue.SimpleQueue()
        self._changed = threading.Condition()
        self._view: dict[str, Any] = {"kind": "starting", "messages": []}
        self._notes: list[str] = []
        self._asks = 0  # how many times the runner has asked for a key
        self._waiting = False
        self._finished = False
        self._cache: tuple[str, CardHtml] | None = None  # (card id, CardHtml) of the card on screen

    # --- the Screen protocol, called by the runner on the main thread ---

    def show(self, shown: Shown, revealed: bool) -> None:
        card = shown.item.card
        if self._cache is None or self._cache[0] != card.id:
            media = self.media(card.note) if self.media is not None else None
            self._cache = (
                card.id,
                card_html(card.front, card.back, card.type, card.side, media=media),
            )
        sides = self._cache[1]
        new, learning, review = shown.counts
        view = {
            "kind": "card",
            "card_id": card.id,
            "revealed": revealed,
            "deck": card.deck,
            "note": card.note,
            "line": card.line,
            "state": shown.item.state.state,
            "mined": card.mined,
            "front": sides.front,
            "back": sides.back if revealed else None,
            "buttons": [
                {"rating": r, "label": LABELS[r], "interval": format_interval(shown.intervals[r])}
                for r in LABELS
            ],
            "counts": {"new": new, "learning": learning, "review": review},
            "done": shown.done,
        }
        with self._changed:
            view["messages"] = self._notes
            self._notes = []
            self._view = view
            self._changed.notify_all()

    def ask(self, revealed: bool) -> Command | None:
        self._announce(True)
        with self._changed:
            self._asks += 1
            self._waiting = True
            self._changed.notify_all()
        try:
            return self._commands.get()
        finally:
            with self._changed:
                self._waiting = False

    def recorded(self, shown: Shown, rating: int, after: CardState, review_id: int) -> None:
        self.message(f"{LABELS[rating]}: next in {format_interval(shown.intervals[rating])}")

    def message(self, text: str, event: str = "message", **data: object) -> None:
        """Shown at once (`Nothing to undo.` has no next card) and again with the next card, as
        the terminal shows its notes."""
        with self._changed:
            self._notes.append(text)
            if self._view.get("kind") == "card":
                self._view = {**self._view, "messages": [*self._view["messages"], text]}

    def summary(self, summary: Summary) -> None:
        self._announce(False)
        with self._changed:
            self._view = {
                "kind": "summary",
                "lines": summary_lines(summary),
                "reviewed": summary.reviewed,
                "messages": self._notes,
            }
            self._notes = []
            self._finished = True
            self._changed.notify_all()

    def _announce(self, card: bool) -> None:
        ready, self._ready = self._ready, None
        if ready is not None:
            ready(card)

    # --- called from HTTP handler threads ---

    def view(self, timeout: float = 25) -> dict[str, Any]:
        """The view on screen once the runner waits for a key (or the session is over).

        After `timeout` (an editor opened with `o` is still open, say) the last view comes
        back marked `pending`, and the page asks again.
        """
        with self._changed:
            ready = self._changed.wait_for(lambda: self._waiting or self._finished, timeout)
            return {**self._view, "pending": not ready}

    def send(self, command: Command | None, timeout: float = 25) -> dict[str, Any]:
        """Hand one command to the runner; the view after it has been carried out."""
        with self._changed:
            if self._finished:
                return {**self._view, "pending": False}
            asked = self._asks
            self._commands.put(command)
            ready = self._changed.wait_for(
                lambda: (self._waiting and self._asks > asked) or self._finished, timeout
            )
            return {**self._view, "pending": not ready}

    def end(self) -> None:
        """End the session as `q` does (Ctrl-C in the terminal running the server)."""
        self._commands.put(None)

    @property
    def finished(self) -> bool:
        with self._changed:
            return self._finished
