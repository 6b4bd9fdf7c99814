"""One review session from start to summary: the store, the scheduler, the queue and a screen.

The loop commits every rating (store.reviews.record_review) before it asks the queue for the
next card, so killing the process loses at most the card on screen.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Protocol

from sqlite_utils import Database

from .. import clock
from ..days import Days
from ..errors import StaleCardError
from ..model import CardState, Review
from ..settings import Settings, SettingsFile
from ..store import queue
from ..store import reviews as store
from ..store.queue import QueueEntry, QueueItem
from .input import Command
from .limits import DailyLimits
from .session import Answer, Session, Summary, pick_new, pick_reviews, summarize

MAX_ANSWER_MS = 60_000  # as Anki: a card left on screen over lunch counts one minute


@dataclass(frozen=True)
class ReviewOptions:
    """Which cards a session may show."""

    deck: str | None = None
    tag: str | None = None
    limit: int | None = None  # most cards in this session (learning, then reviews, then new)
    new: int | None = None  # new cards this session, instead of the per-deck daily limits


@dataclass(frozen=True)
class Shown:
    """Everything a screen needs to draw one card."""

    item: QueueItem
    counts: tuple[int, int, int]  # new, learning, review left
    done: int
    intervals: dict[int, timedelta]
    vault: Path


class Screen(Protocol):
    """A way to show cards and read answers: rich terminal, plain lines, or JSON lines."""

    reveals: bool  # True if the answer must be revealed before rating

    def show(self, shown: Shown, revealed: bool) -> None: ...
    def ask(self, revealed: bool) -> Command | None: ...
    def recorded(self, shown: Shown, rating: int, after: CardState, review_id: int) -> None: ...
    def message(self, text: str, event: str = "message", **data: object) -> None: ...
    def summary(self, summary: Summary) -> None: ...


def build_session(
    db: Database, now: datetime, settings: SettingsFile, options: ReviewOptions
) -> Session:
    """The queue for a session starting at `now`: everything due before the learner's day ends.

    Only light rows are read here (see `QueueEntry`); the session loads each full card when
    it is about to be shown, so starting on 100,000 cards stays quick. Review cards are due
    from the start of their due day, so the queue holds all of today's; daily limits are
    Anki v3's (see `limits.DailyLimits`).
    """
    from ..schedule import forgetting_curve, make_scheduler

    per_deck = _PerDeck(settings)
    days = per_deck(None).days
    start, end = days.day_start(now), days.next_day_start(now)
    today = queue.ratings_since(db, start, end)
    keys_today = {rating.sibling_key for rating in today}
    ids_today = {rating.card_id for rating in today}
    due = [
        entry
        for entry in queue.due_entries(db, now, end, deck=options.deck, tag=options.tag)
        if entry.sibling_key not in keys_today or entry.card_id in ids_today
    ]
    # learning steps by due time, then id: the same order whatever order SQLite returned
    learning = sorted((e for e in due if e.state != "review"), key=lambda e: (e.due, e.card_id))

    curves = {
        deck: forgetting_curve(make_scheduler(per_deck(deck))) for deck in {e.deck for e in due}
    }

    def urgency(entry: QueueEntry) -> tuple[float, datetime | None, str]:
        # retrievability after the learner days since the last review (as recall_probability;
        # inline, as thousands of due cards are sorted by it at start-up)
        chance = 0.0
        if entry.stability and entry.last_review is not None:
            elapsed = max(0, int((end - entry.last_review).total_seconds() // 86400))
            decay, factor = curves[entry.deck]
            chance = (1 + factor * elapsed / entry.stability) ** decay
        return (chance, entry.due, entry.card_id)

    reviews = sorted((entry for entry in due if entry.state == "review"), key=urgency)
    taken = keys_today | {entry.sibling_key for entry in learning}
    limits = DailyLimits.for_today(
        options.deck, per_deck, today, lambda deck: _within(deck, options.deck)
    )
    cap = options.limit
    if options.limit is not None:  # --limit caps every card shown: learning, reviews, new
        learning = learning[: options.limit]
        cap = options.limit - len(learning)
    reviews = pick_reviews(reviews, taken, limits, cap)
    budget = None if options.limit is None else max(0, options.limit - len(learning) - len(reviews))
    if options.new is not None:
        budget = options.new if budget is None else min(budget, options.new)
    new = _pick_new(db, now, options, taken, budget, limits)
    return Session(
        reviews=reviews,
        new=new,
        learning=learning,
        day_end=end,
        load=partial(queue.load_by_id, db),
        new_mix=per_deck(options.deck).new_mix,  # the studied deck's, as Anki's display order
    )


def _within(deck: str, scope: str | None) -> bool:
    """Whether `deck` is `scope` or one of its sub-decks (None: the whole vault)."""
    from ..store.queries import deck_matches  # as the SQL filter decides

    return deck_matches(deck, scope)


class _PerDeck:
    """`SettingsFile.for_deck`, remembered: a queue asks it once per card."""

    def __init__(self, settings: SettingsFile) -> None:
        self.settings = settings
        self.known: dict[str | None, Settings] = {}

    def __call__(self, deck: str | None) -> Settings:
        found = self.known.get(deck)
        if found is None:
            found = self.known[deck] = self.settings.for_deck(deck)
        return found


def _pick_new(
    db: Database,
    now: datetime,
    options: ReviewOptions,
    taken: set[tuple[str, str, int]],
    budget: int | None,
    limits: DailyLimits,
) -> list[QueueEntry]:
    """New cards in the order added, within the daily limits (or `--new`).

    With daily limits, each deck is read on its own (cards(deck) index) and only as far as
    its limits allow, the decks merged back into the order the cards were added.
    """
    if budget == 0:
        return []
    if options.new is not None:
        stream = queue.new_candidates(db, now, deck=options.deck, tag=options.tag)
        return pick_new([stream], taken, None, budget)
    decks = [d for d in queue.card_decks(db, deck=options.deck) if limits.can_introduce(d)]
    streams = [queue.new_candidates(db, now, tag=options.tag, in_deck=deck) for deck in decks]
    return pick_new(streams, taken, limits, budget)


def run_session(
    db: Database, vault: Path, settings: SettingsFile, options: ReviewOptions, screen: Screen
) -> Summary:
    """Show cards until the queue is empty or the learner quits; return the summary."""
    from ..schedule import make_scheduler, outcomes

    session = build_session(db, clock.now(), settings, options)
    days = settings.for_deck(None).days
    started = time.monotonic()
    quit_now = False
    restored: set[str] = set()  # cards `r` brought back, so it reaches further back each time
    if session.next_card(clock.now()) is None:
        text, event, data = _nothing_due(db, clock.now(), settings, options)
        screen.message(text, event, **data)
    while not quit_now:
        now = clock.now()
        item = session.next_card(now)
        if item is None and session.day_end is not None and now >= session.day_end:
            # the session ran past the day's rollover: today's cards (and limits) are new
            session.start_day(build_session(db, now, settings, options))
            item = session.next_card(now)
        if item is None:
            break
        deck_settings = settings.for_deck(item.card.deck)
        scheduler = make_scheduler(deck_settings)
        answered = sum(isinstance(step, Answer) for step in session.history)
        # the states of all four answers, computed once: the buttons show them and the answer
        # applies one, as Anki does, so a button never promises what the card does not get
        found = outcomes(item.state, now, scheduler=scheduler, days=days)
        intervals = {rating: outcome.interval for rating, outcome in found.items()}
        shown = Shown(item, session.counts(), answered, intervals, vault)
        revealed = not screen.reveals
        screen.show(shown, revealed)
        shown_at = time.monotonic()
        while True:
            command = screen.ask(revealed)
            if command is None or command == "quit":
                quit_now = True
                break
            if command == "reveal" and revealed:
                command = 3  # space or enter on the answer side rates Good, as in Anki
            if command == "reveal" or (isinstance(command, int) and not revealed):
                if not revealed:
                    revealed = True
                    screen.show(shown, revealed)
                continue
            if isinstance(command, int):
                duration = min(MAX_ANSWER_MS, round((time.monotonic() - shown_at) * 1000))
                answered_at = clock.now()
                after = replace(found[command].after, last_review=answered_at)
                log = Review(item.card.id, command, answered_at, duration, item.state, after)
                try:
                    recorded = store.record_review(
                        db, log, leech_threshold=deck_settings.leech_threshold
                    )
                except StaleCardError:
                    _reread(db, session, screen, item)
                    break
                session.answered(item, command, recorded.review_id, recorded.state)
                screen.recorded(shown, command, recorded.state, recorded.review_id)
                if recorded.leech:
                    screen.message(
                        f"Leech: this card has lapsed {recorded.state.lapses} times; it is tagged "
                        f"'leech' and suspended. Consider rewriting it at "
                        f"{item.card.note}:{item.card.line}.",
                        "leech",
                        card_id=item.card.id,
                    )
                break
            if command == "undo":
                if _undo(db, session, screen):
                    break
                _redraw(screen, shown, revealed)  # "Nothing to undo." is seen, not lost
                continue
            if command == "open":
                screen.message(_open_editor(vault, item))
                screen.show(shown, revealed)
                continue
            if command == "restore":
                _restore(db, session, screen, restored)
                shown = replace(shown, counts=session.counts())  # one more card to go
                _redraw(screen, shown, revealed)
                continue
            if _remove(db, session, screen, item, command, now, settings):
                break
            _redraw(screen, shown, revealed)  # say why nothing happened
    if session.learning:
        text, event, data = _learning_left(session.learning, clock.now(), days)
        screen.message(text, event, **data)
    return finish(db, session, settings, options, time.monotonic() - started, screen)


def _redraw(screen: Screen, shown: Shown, revealed: bool) -> None:
    """Show a message now: the terminal screen draws messages with the card, while the line
    screens (plain, JSON) printed it already and must not print the card twice."""
    if screen.reveals:
        screen.show(shown, revealed)


def _remove(
    db: Database,
    session: Session,
    screen: Screen,
    item: QueueItem,
    command: Command,
    now: datetime,
    settings: SettingsFile,
) -> bool:
    """Suspend, bury or reject the card on screen; False if nothing was done."""
    card = item.card
    if command == "suspend":
        store.set_suspended(db, card.id, True)
        screen.message("Suspended (u to undo).", "suspended", card_id=card.id)
    elif command == "bury":
        until = settings.for_deck(None).days.next_day_start(now)
        store.set_buried(db, card.id, until)
        screen.message("Buried until tomorrow (u to undo).", "buried", card_id=card.id)
    elif command == "reject":
        if not card.mined:
            screen.message(
                f"x rejects mined cards only: this card is written in the note, so it goes when "
                f"you remove it there (o opens {card.note} at line {card.line}; s suspends it).",
                "not_rejected",
                card_id=card.id,
            )
            return False
        store.set_rejected(db, card.id, now)
        screen.message("Rejected: this mined card will not come back.", "rejected", card_id=card.id)
    else:
        return False
    session.removed(item, str(command))
    return True


def _restore(db: Database, session: Session, screen: Screen, restored: set[str]) -> None:
    """`r`: bring back the last card this session suspended, buried or rejected (a leech
    included), keeping its ratings; it is shown again when it is due."""
    for step in reversed(session.history):
        card = step.item.card
        if card.id in restored:
            continue
        if isinstance(step, Answer):
            if not step.after.suspended:
                continue
            store.set_suspended(db, card.id, False)
            text = "Unsuspended the leech; it comes back when it is due."
        elif step.action == "suspend":
            state = store.set_suspended(db, card.id, False)
            text = "Unsuspended; it is shown again in this session."
            session.put_back(step.item.card, state)
        elif step.action == "bury":
            state = store.set_buried(db, card.id, step.item.state.buried_until)
            text = "Unburied; it is shown again in this session."
            session.put_back(step.item.card, state)
        else:
            store.set_rejected(db, card.id, None)
            text = "Un-rejected; it is shown again in this session."
            session.put_back(step.item.card, step.item.state)
        restored.add(card.id)
        screen.message(f"{text} ({card.note}:{card.line})", "restored", card_id=card.id)
        return
    screen.message("No card was suspended, buried or rejected in this session.")


def _learning_left(
    learning: list[QueueEntry], now: datetime, days: Days
) -> tuple[str, str, dict[str, object]]:
    """What to say of the learning cards left when the session ends: due now, or later."""
    overdue = sorted(e.due for e in learning if e.due is not None and e.due <= now)
    later = sorted(e.due for e in learning if e.due is not None and e.due > now)
    parts = []
    if overdue:
        parts.append(
            f"{len(overdue)} learning card(s) are due now (since {days.local(overdue[0]):%H:%M}); "
            "`quiz review` shows them"
        )
    if later:
        parts.append(
            f"{len(later)} learning card(s) due later today, the next at "
            f"{days.local(later[0]):%H:%M}"
        )
    text = "; ".join(parts) + "."
    return text, "learning_later", {"count": len(learning), "overdue": len(overdue)}


def _nothing_due(
    db: Database, now: datetime, settings: SettingsFile, options: ReviewOptions
) -> tuple[str, str, dict[str, object]]:
    """The screen for an empty queue: when the next card comes, and how many new are left."""
    days = settings.for_deck(None).days
    following = queue.next_due(db, now, deck=options.deck, tag=options.tag)
    waiting = _new_available(db, now, settings, options, fresh=False)
    total_new = queue.count_unseen(db, now, deck=options.deck, tag=options.tag)
    if following is None:
        when = "no card is scheduled"
    else:
        local = days.local(following)
        day = days.date_of(following) - days.date_of(now)
        label = {0: "today", 1: "tomorrow"}.get(day.days, f"on {local:%a %d %b}")
        clock_time = f" at {local:%H:%M}" if day.days == 0 else ""
        when = f"the next card is due {label}{clock_time}"
    text = (
        f"Nothing due now: {when}. New cards: {waiting} left for today, {total_new} not yet seen."
    )
    data: dict[str, object] = {
        "next_due": following.isoformat() if following else None,
        "new_today": waiting,
        "new_unseen": total_new,
    }
    return text, "nothing_due", data


def _new_available(
    db: Database, now: datetime, settings: SettingsFile, options: ReviewOptions, *, fresh: bool
) -> int:
    """New cards the daily limits let in: today's rest, or a whole day's (`fresh`)."""
    per_deck = _PerDeck(settings)
    days = per_deck(None).days
    today = [] if fresh else queue.ratings_since(db, days.day_start(now), days.next_day_start(now))
    limits = DailyLimits.for_today(
        options.deck, per_deck, today, lambda deck: _within(deck, options.deck)
    )
    cap = {deck: max(0, limits.new_left(deck)) for deck in queue.card_decks(db, deck=options.deck)}
    found = queue.count_new(db, now, cap, tag=options.tag)
    return min(sum(found.values()), limits.new_total())


def _undo(db: Database, session: Session, screen: Screen) -> bool:
    step = session.pop_undo()
    if step is None:
        screen.message("Nothing to undo.")
        return False
    card_id = step.item.card.id
    if isinstance(step, Answer):
        try:
            state = store.undo_review(db, step.review_id, clock.now())
        except StaleCardError:
            screen.message(
                "Cannot undo: another session has rated this card since.", "stale", card_id=card_id
            )
            return False
        screen.message("Undid the last rating.", "undo", card_id=card_id, undoes=step.review_id)
    elif step.action == "suspend":
        state = store.set_suspended(db, card_id, False)
        screen.message("Unsuspended.", "undo", card_id=card_id)
    elif step.action == "bury":
        state = store.set_buried(db, card_id, step.item.state.buried_until)
        screen.message("Unburied.", "undo", card_id=card_id)
    else:
        store.set_rejected(db, card_id, None)
        state = step.item.state
        screen.message("Un-rejected.", "undo", card_id=card_id)
    session.restore(step, state)
    return True


def _reread(db: Database, session: Session, screen: Screen, item: QueueItem) -> None:
    """Another session changed the card on screen: the rating was not saved; read it again."""
    fresh = queue.load_item(db, item.card.id)
    again = session.changed_elsewhere(fresh, clock.now())
    screen.message(
        "This card was rated in another session meanwhile; your rating was not saved"
        + (" and it is shown again as it is now." if again else " and it is done for now."),
        "stale",
        card_id=item.card.id,
    )


def _open_editor(vault: Path, item: QueueItem) -> str:
    """Open the card's note at its line in $EDITOR (`$EDITOR +LINE file`), then come back."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    path = vault / item.card.note
    if not editor:
        return f"Set $EDITOR to open notes; the card is at {path}:{item.card.line}."
    try:
        subprocess.run([*shlex.split(editor), f"+{item.card.line}", str(path)], check=False)
    except OSError as error:
        return f"Could not start {editor!r}: {error}"
    return f"Back from {path.name}; changes reach the card at the next `quiz sync`."


def finish(
    db: Database,
    session: Session,
    settings: SettingsFile,
    options: ReviewOptions,
    seconds: float,
    screen: Screen,
) -> Summary:
    now = clock.now()
    days = settings.for_deck(None).days
    today_end = days.next_day_start(now)
    tomorrow_end = days.next_day_start(today_end)
    # due tomorrow: what comes due tomorrow, not the cards of today still waiting
    due_tomorrow = queue.count_due(
        db, tomorrow_end, deck=options.deck, tag=options.tag, since=today_end
    )
    new_tomorrow = _new_available(db, now, settings, options, fresh=True)
    summary = summarize(session.history, seconds, due_tomorrow, new_tomorrow)
    screen.summary(summary)
    return summary
