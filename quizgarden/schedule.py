"""FSRS scheduling: the only module that imports `fsrs` (py-fsrs).

`review` is a pure transform, CardState + rating + time -> new CardState + Review, so the
session, the tests and the Anki cross-check all go through the same code.

How days are counted: like py-fsrs, the elapsed time between two reviews is counted in whole
24-hour periods (`(now - last_review).days`), not in calendar days. Anki counts calendar days
that roll over at 4 am, so two reviews 10 hours apart across the rollover are "1 day" apart in
Anki and "0 days" (a same-day review) here. On histories whose reviews are whole days apart,
both give the same memory state (checked against Anki in tests/test_schedule_reference.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import TYPE_CHECKING

from .model import CardState, Review
from .settings import Settings, parse_step

if TYPE_CHECKING:
    import fsrs

RATINGS = {1: "again", 2: "hard", 3: "good", 4: "easy"}
_STATES = {1: "learning", 2: "review", 3: "relearning"}


def make_scheduler(settings: Settings | None = None) -> fsrs.Scheduler:
    """A py-fsrs Scheduler configured from our settings."""
    return _scheduler(settings or Settings())


@lru_cache(maxsize=32)
def _scheduler(settings: Settings) -> fsrs.Scheduler:
    import fsrs

    kwargs = {}
    if settings.parameters:
        kwargs["parameters"] = settings.parameters
    return fsrs.Scheduler(
        desired_retention=settings.desired_retention,
        learning_steps=tuple(parse_step(s) for s in settings.learning_steps),
        relearning_steps=tuple(parse_step(s) for s in settings.relearning_steps),
        maximum_interval=settings.maximum_interval,
        enable_fuzzing=settings.fuzz,
        **kwargs,
    )


def fsrs_card_id(card_id: str) -> int:
    """The integer FSRS card id derived from our id (never from content, never the clock)."""
    try:
        return int(card_id[:15], 16)
    except ValueError:
        return int.from_bytes(hashlib.blake2b(card_id.encode(), digest_size=7).digest(), "big")


def to_fsrs(state: CardState, now: datetime) -> fsrs.Card:
    """Our state as a py-fsrs Card; 'new' is py-fsrs Learning at step 0 with no memory yet."""
    import fsrs

    if state.state == "new":
        return fsrs.Card(card_id=fsrs_card_id(state.card_id), state=fsrs.State.Learning, due=now)
    code = {"learning": fsrs.State.Learning, "review": fsrs.State.Review}.get(
        state.state, fsrs.State.Relearning
    )
    step = state.step if code != fsrs.State.Review else None
    if code != fsrs.State.Review and step is None:
        step = 0
    return fsrs.Card(
        card_id=fsrs_card_id(state.card_id),
        state=code,
        step=step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due or now,
        last_review=state.last_review,
    )


def review(
    state: CardState,
    rating: int,
    now: datetime,
    duration_ms: int | None = None,
    *,
    scheduler: fsrs.Scheduler | None = None,
) -> tuple[CardState, Review]:
    """Apply one rating (1 Again .. 4 Easy) at `now`; the input state is never changed.

    reps counts every rating, lapses every Again given to a card in the review state (as Anki).
    """
    import fsrs

    if rating not in RATINGS:
        raise ValueError(f"rating must be 1-4, got {rating!r}")
    now = _utc(now)
    scheduler = scheduler or make_scheduler()
    card, _log = scheduler.review_card(to_fsrs(state, now), fsrs.Rating(rating), now, duration_ms)
    after = replace(
        state,
        state=_STATES[int(card.state)],  # type: ignore[arg-type]
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=state.reps + 1,
        lapses=state.lapses + (1 if state.state == "review" and rating == 1 else 0),
    )
    return after, Review(state.card_id, rating, now, duration_ms, state, after)


def preview(
    state: CardState, now: datetime, *, scheduler: fsrs.Scheduler | None = None
) -> dict[int, timedelta]:
    """The interval each rating would give, for the answer buttons; nothing is saved.

    Fuzz is left out so the label shows the interval the learner can reason about.
    """
    scheduler = scheduler or make_scheduler()
    if scheduler.enable_fuzzing:
        scheduler = _unfuzzed(scheduler)
    now = _utc(now)
    result = {}
    for rating in RATINGS:
        after, _ = review(state, rating, now, scheduler=scheduler)
        assert after.due is not None
        result[rating] = after.due - now
    return result


def _unfuzzed(scheduler: fsrs.Scheduler) -> fsrs.Scheduler:
    import fsrs

    return fsrs.Scheduler(
        parameters=scheduler.parameters,
        desired_retention=scheduler.desired_retention,
        learning_steps=scheduler.learning_steps,
        relearning_steps=scheduler.relearning_steps,
        maximum_interval=scheduler.maximum_interval,
        enable_fuzzing=False,
    )


def retrievability(
    state: CardState, now: datetime, *, scheduler: fsrs.Scheduler | None = None
) -> float:
    """Predicted probability of recall at `now` (0 for a card never reviewed)."""
    return recall_probability(state.stability, state.last_review, now, scheduler=scheduler)


def recall_probability(
    stability: float | None,
    last_review: datetime | None,
    now: datetime,
    *,
    scheduler: fsrs.Scheduler | None = None,
) -> float:
    """`retrievability` from the two numbers it needs, for queue rows that are not CardStates."""
    if stability is None or last_review is None:
        return 0.0
    scheduler = scheduler or make_scheduler()
    # py-fsrs's formula (get_card_retrievability) without building a Card: the queue sorts
    # thousands of due cards with it at start-up
    elapsed = max(0, (_utc(now) - last_review).days)
    return float((1 + scheduler._FACTOR * elapsed / stability) ** scheduler._DECAY)


def next_interval_days(stability: float, *, scheduler: fsrs.Scheduler | None = None) -> int:
    """The review interval FSRS gives a card of this stability (no fuzz)."""
    scheduler = scheduler or make_scheduler()
    return int(scheduler._next_interval(stability=stability))


def format_interval(delta: timedelta) -> str:
    """Short human interval, as on Anki's buttons: 1m, 10m, 3h, 4d, 2.1mo, 1.5y."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return f"{max(0, round(seconds))}s"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < 86400:
        return f"{round(seconds / 3600)}h"
    days = seconds / 86400
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is timezone.utc:  # the common case, and called per due card at start-up
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    # py-fsrs insists on tzinfo == timezone.utc exactly
    return moment.astimezone(timezone.utc)


def parameters_problem(parameters: tuple[float, ...]) -> str | None:
    """Why py-fsrs would refuse these weights (count or bounds), in one line; None if it would not.

    py-fsrs's Scheduler checks them against its own bounds when it is built; asking it keeps our
    check exactly in step with the version installed.
    """
    import fsrs

    try:
        fsrs.Scheduler(parameters=parameters)
    except ValueError as error:
        lines = str(error).splitlines()
        return "; ".join(lines[1:] if len(lines) > 1 else lines)
    return None
