"""FSRS scheduling: the only module that imports `fsrs` (py-fsrs).

`review` is a pure transform, CardState + rating + time -> new CardState + Review, so the
session, the tests and the Anki cross-check all go through the same code.

What is Anki's here and not py-fsrs's (checked against Anki in tests/test_schedule_reference.py):

- **Days**: FSRS is fed the days between two reviews as Anki counts them, the rollovers of the
  learner's day (`days.Days.elapsed`), not whole 24-hour periods.
- **Due dates**: a card that goes to (or stays in) review is due from the start of its due day
  (`day_start_hour` local time), so it is shown all that day. Learning steps stay in minutes.
- **Intervals**: Hard, Good and Easy of a review card are each at least a day longer than the
  one before, and a graduating Easy at least a day longer than Good, as Anki enforces them.
- **Fuzz**: Anki's fuzz ranges (about ±15 % for short intervals, ±5 % for long ones, none under
  2.5 days), with one random factor per card and answer count, so the interval a button shows
  is the interval the card gets.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from .days import Days
from .model import CardState, Review, StateName
from .settings import Settings, parse_step

if TYPE_CHECKING:
    import fsrs

RATINGS = {1: "again", 2: "hard", 3: "good", 4: "easy"}
_STATES: dict[int, StateName] = {1: "learning", 2: "review", 3: "relearning"}


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


def to_fsrs(state: CardState, now: datetime, elapsed_days: int | None = None) -> fsrs.Card:
    """Our state as a py-fsrs Card; 'new' is py-fsrs Learning at step 0 with no memory yet.

    py-fsrs counts whole 24-hour periods since `last_review`; given `elapsed_days` (the learner's
    days, as Anki counts them), the card's last review is placed that many days before `now`,
    so py-fsrs computes the memory state Anki computes.
    """
    import fsrs

    if state.state == "new":
        return fsrs.Card(card_id=fsrs_card_id(state.card_id), state=fsrs.State.Learning, due=now)
    code = {"learning": fsrs.State.Learning, "review": fsrs.State.Review}.get(
        state.state, fsrs.State.Relearning
    )
    step = state.step if code != fsrs.State.Review else None
    if code != fsrs.State.Review and step is None:
        step = 0
    last_review = state.last_review
    if last_review is not None and elapsed_days is not None:
        last_review = now - timedelta(days=elapsed_days)
    return fsrs.Card(
        card_id=fsrs_card_id(state.card_id),
        state=code,
        step=step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due or now,
        last_review=last_review,
    )


@dataclass(frozen=True)
class Outcome:
    """What one rating would do: the state after it, and the interval its button shows."""

    after: CardState
    interval: timedelta  # a learning step's exact length, or whole days for a review interval
    days: int | None  # the review interval in learner days; None for a learning step


def outcomes(
    state: CardState,
    now: datetime,
    *,
    scheduler: fsrs.Scheduler | None = None,
    days: Days | None = None,
) -> dict[int, Outcome]:
    """The outcome of each rating 1-4 at `now`; `review` applies one of them.

    The buttons and the rating come from this one computation, with one fuzz factor for the
    card and its answer count, so what a button shows is what the card gets.
    """
    import fsrs

    now = _utc(now)
    scheduler = scheduler or make_scheduler()
    days = days or Days()
    plain = _unfuzzed(scheduler)
    elapsed = None if state.last_review is None else days.elapsed(state.last_review, now)
    card = to_fsrs(state, now, elapsed)
    cards = {rating: plain.review_card(card, fsrs.Rating(rating), now)[0] for rating in RATINGS}
    fuzz = _fuzz_factor(state) if scheduler.enable_fuzzing else None
    top = scheduler.maximum_interval

    def raw(rating: int) -> float:
        return _interval(cards[rating].stability, scheduler)

    in_review = {r for r, c in cards.items() if c.state == fsrs.State.Review}
    chosen: dict[int, int] = {}
    if state.state == "review":
        # Anki: Hard at least 1 day, Good at least Hard + 1, Easy at least Good + 1
        floor = 1
        for rating in (2, 3, 4):
            chosen[rating] = _fuzzed(raw(rating), floor, top, fuzz)
            floor = chosen[rating] + 1
        if 1 in in_review:  # no relearning steps: Again goes straight back to review
            chosen[1] = _fuzzed(raw(1), 1, top, fuzz)
    else:
        for rating in in_review - {4}:
            chosen[rating] = _fuzzed(max(1.0, _round(raw(rating))), 1, top, fuzz)
        if 4 in in_review:  # Anki: a graduating Easy is at least a day more than Good would be
            good = _fuzzed(raw(3), 1, top, fuzz)
            chosen[4] = _fuzzed(max(1.0, _round(raw(4))), good + 1, top, fuzz)
    result = {}
    for rating, after_card in cards.items():
        if rating in chosen:
            due = days.due_at(now, chosen[rating])
            interval = timedelta(days=chosen[rating])
        else:
            due = after_card.due
            interval = due - now
        after = replace(
            state,
            state=_STATES[int(after_card.state)],
            step=after_card.step,
            stability=after_card.stability,
            difficulty=after_card.difficulty,
            due=due,
            last_review=now,
            reps=state.reps + 1,
            lapses=state.lapses + (1 if state.state == "review" and rating == 1 else 0),
        )
        result[rating] = Outcome(after, interval, chosen.get(rating))
    return result


def review(
    state: CardState,
    rating: int,
    now: datetime,
    duration_ms: int | None = None,
    *,
    scheduler: fsrs.Scheduler | None = None,
    days: Days | None = None,
) -> tuple[CardState, Review]:
    """Apply one rating (1 Again .. 4 Easy) at `now`; the input state is never changed.

    reps counts every rating, lapses every Again given to a card in the review state (as Anki).
    """
    if rating not in RATINGS:
        raise ValueError(f"rating must be 1-4, got {rating!r}")
    now = _utc(now)
    after = outcomes(state, now, scheduler=scheduler, days=days)[rating].after
    return after, Review(state.card_id, rating, now, duration_ms, state, after)


def preview(
    state: CardState,
    now: datetime,
    *,
    scheduler: fsrs.Scheduler | None = None,
    days: Days | None = None,
) -> dict[int, timedelta]:
    """The interval each rating would give, for the answer buttons; nothing is saved.

    Fuzz included: the same computation as `review`, so the label is the interval the card gets.
    """
    found = outcomes(state, now, scheduler=scheduler, days=days)
    return {rating: outcome.interval for rating, outcome in found.items()}


def _unfuzzed(scheduler: fsrs.Scheduler) -> fsrs.Scheduler:
    """The same scheduler with py-fsrs's own fuzz off: the fuzz is ours, Anki's ranges."""
    if not scheduler.enable_fuzzing:
        return scheduler
    return _plain_scheduler(
        tuple(scheduler.parameters),
        scheduler.desired_retention,
        tuple(scheduler.learning_steps),
        tuple(scheduler.relearning_steps),
        scheduler.maximum_interval,
    )


@lru_cache(maxsize=32)
def _plain_scheduler(
    parameters: tuple[float, ...],
    desired_retention: float,
    learning_steps: tuple[timedelta, ...],
    relearning_steps: tuple[timedelta, ...],
    maximum_interval: int,
) -> fsrs.Scheduler:
    import fsrs

    return fsrs.Scheduler(
        parameters=parameters,
        desired_retention=desired_retention,
        learning_steps=learning_steps,
        relearning_steps=relearning_steps,
        maximum_interval=maximum_interval,
        enable_fuzzing=False,
    )


def _fuzz_factor(state: CardState) -> float:
    """One number in [0, 1) per card and answer count, as Anki seeds its fuzz."""
    seed = hashlib.blake2b(f"{state.card_id}:{state.reps}".encode(), digest_size=8).digest()
    return int.from_bytes(seed, "big") / 2**64


def _round(value: float) -> float:
    """Round half away from zero, as Rust's f32::round (Python's round goes to even)."""
    return float(math.floor(value + 0.5))


# Anki's fuzz: +-15 % of the part of the interval between 2.5 and 7 days, +-10 % of the part
# between 7 and 20, +-5 % beyond, plus one day (rslib/src/scheduler/states/fuzz.rs)
_FUZZ_RANGES = ((2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, math.inf, 0.05))


def fuzz_bounds(interval: float, minimum: int, maximum: int) -> tuple[int, int]:
    """The days a fuzzed `interval` may land on, within [minimum, maximum], as Anki draws them."""
    minimum = min(minimum, maximum)
    interval = min(max(interval, minimum), maximum)
    delta = 0.0
    if interval >= 2.5:
        delta = 1.0 + sum(
            f * max(0.0, min(interval, end) - start) for start, end, f in _FUZZ_RANGES
        )
    lower = min(max(int(_round(interval - delta)), minimum), maximum)
    upper = min(max(int(_round(interval + delta)), minimum), maximum)
    if upper == lower and 2 < upper < maximum:
        upper = lower + 1
    return lower, upper


def _fuzzed(interval: float, minimum: int, maximum: int, fuzz: float | None) -> int:
    """An interval in whole days within [minimum, maximum]: fuzzed as Anki, or rounded."""
    if fuzz is None:
        return min(max(int(_round(interval)), min(minimum, maximum)), maximum)
    lower, upper = fuzz_bounds(interval, minimum, maximum)
    return math.floor(lower + fuzz * (1 + upper - lower))


def _interval(stability: float | None, scheduler: fsrs.Scheduler) -> float:
    """FSRS's interval in days for `stability` at the desired retention, before rounding."""
    decay, factor = _curve(scheduler)
    return (stability or 0.0) / factor * (math.pow(scheduler.desired_retention, 1 / decay) - 1)


def forgetting_curve(scheduler: fsrs.Scheduler) -> tuple[float, float]:
    """(decay, factor) of FSRS-6's curve R = (1 + factor * t / S) ** decay, for `scheduler`."""
    return _curve(scheduler)


def _curve(scheduler: fsrs.Scheduler) -> tuple[float, float]:
    """FSRS-6's forgetting curve from the parameters: decay = -w20, factor = 0.9^(1/decay) - 1."""
    decay = -float(scheduler.parameters[20])
    return decay, 0.9 ** (1 / decay) - 1


def retrievability(
    state: CardState,
    now: datetime,
    *,
    scheduler: fsrs.Scheduler | None = None,
    days: Days | None = None,
) -> float:
    """Predicted probability of recall at `now` (0 for a card never reviewed)."""
    return recall_probability(
        state.stability, state.last_review, now, scheduler=scheduler, days=days
    )


def recall_probability(
    stability: float | None,
    last_review: datetime | None,
    now: datetime,
    *,
    scheduler: fsrs.Scheduler | None = None,
    days: Days | None = None,
) -> float:
    """`retrievability` from the two numbers it needs, for queue rows that are not CardStates.

    Elapsed time is in learner days, as the memory state is; the formula is FSRS-6's curve from
    the scheduler's parameters (what py-fsrs's get_card_retrievability computes, without
    building a Card: the queue sorts thousands of due cards with it at start-up).
    """
    if stability is None or last_review is None:
        return 0.0
    scheduler = scheduler or make_scheduler()
    elapsed = (days or Days()).elapsed(last_review, _utc(now))
    decay, factor = _curve(scheduler)
    return float((1 + factor * elapsed / stability) ** decay)


def next_interval_days(stability: float, *, scheduler: fsrs.Scheduler | None = None) -> int:
    """The review interval FSRS gives a card of this stability (no fuzz)."""
    scheduler = scheduler or make_scheduler()
    return _fuzzed(_interval(stability, scheduler), 1, scheduler.maximum_interval, None)


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
    if moment.tzinfo is UTC:  # the common case, and called per due card at start-up
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    # py-fsrs insists on tzinfo == timezone.utc exactly
    return moment.astimezone(UTC)


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
