"""`quiz optimize`: fit FSRS parameters to the learner's own review log, as Anki does.

The optimizer is fsrs-rs-python, the Python binding of fsrs-rs, the same Rust code Anki's
"Optimize" button runs; its wheel is about 600 kB. py-fsrs's own `Optimizer` needs PyTorch, a
multi-gigabyte download, so it is not used. The module is imported only by this command.

The training items are built as Anki 26.09 builds them (rslib scheduler/fsrs/params.rs):

- each card's history from the first rating of its last run of learning steps (a card never
  in learning is left out), undone ratings left out;
- the days between two ratings counted as Anki counts them: whole days back from the next
  rollover of the learner's day (`days.Days`), so a review the next morning is one day;
- one item per rating that comes a day or more after the one before, holding the history up
  to it; all items sorted by the time of that rating, each with its card's id;
- each card known by the order it was added, as Anki's card ids are creation times;
- `PASSES` passes over them (8, as Anki; fsrs-rs-python's default is 5).

After new parameters are saved, every card's memory state (stability, difficulty) is computed
again from its log with them, as Anki does; due dates are left as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .days import Days
from .errors import QuizgardenError
from .settings import Settings, SettingsFile, set_setting
from .store.queries import from_iso

# Anki 26.09 fits on any log; quizgarden keeps a floor of 400 ratings, below which a fit moves
# the parameters more by noise than by the learner's memory
MIN_REVIEWS = 400
# passes over the items, as Anki 26.09 trains (fsrs-rs-python's default is 5); with Anki's
# items and card ids in the order the cards were added, the fit equals Anki's own
# (tests/test_optimize_anki.py)
PASSES = 8
_NOT_UNDONE = "r.id NOT IN (SELECT undoes FROM reviews WHERE kind = 'undo' AND undoes IS NOT NULL)"


class OptimizerUnavailable(QuizgardenError):
    """fsrs-rs-python is not installed."""


@dataclass(frozen=True)
class Fit:
    """Fitted parameters and how well the old and new ones predict the log."""

    parameters: tuple[float, ...]
    old_loss: float
    new_loss: float
    old_rmse: float
    new_rmse: float
    reviews: int
    cards: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


Rating = tuple[datetime, int, str]  # when, 1-4, the state before ('new', 'learning', ...)


def load_histories(db: Database, deck: str | None = None) -> dict[str, list[Rating]]:
    """Each card's ratings in time order (when, rating, state before), undone ones left out."""
    sql = (
        "SELECT r.card_id, r.reviewed_at, r.rating, json_extract(r.state_before, '$.state') "
        "FROM reviews r JOIN cards c ON c.id = r.card_id "
        f"WHERE r.kind = 'review' AND {_NOT_UNDONE}"
    )
    params: list[str] = []
    if deck:
        from .store.queries import DECK_SQL, deck_pattern

        sql += f" AND {DECK_SQL}"
        params = [deck_pattern(deck)]
    histories: dict[str, list[Rating]] = {}
    for card_id, reviewed_at, rating, before in db.execute(
        sql + " ORDER BY r.reviewed_at, r.id", params
    ):
        moment = from_iso(reviewed_at)
        assert moment is not None  # reviewed_at is NOT NULL
        histories.setdefault(card_id, []).append((moment, rating, before or "new"))
    return histories


def training_items(
    histories: dict[str, list[Rating]],
    now: datetime,
    days: Days | None = None,
    numbers: dict[str, int] | None = None,
) -> list[tuple[int, list[tuple[int, int]]]]:
    """Anki's training items as plain data: (card number, [(rating, days since last)]).

    In time order of each item's last rating; see the module docstring for the rules.
    `numbers` gives each card's number in the order cards were added (Anki's card ids are
    creation times, and the fit depends on their order); without it, the FSRS card id.
    """
    from .schedule import fsrs_card_id

    days = days or Days()
    numbers = numbers or {}
    next_day = days.next_day_start(now)
    found: list[tuple[datetime, int, list[tuple[int, int]]]] = []
    for card_id, ratings in histories.items():
        kept = _last_learning_run(ratings)
        if not kept:
            continue  # never in learning: Anki leaves the card out of training
        day_numbers = [int((next_day - when).total_seconds() // 86400) for when, *_ in kept]
        deltas = [0, *(a - b for a, b in pairwise(day_numbers))]
        reviews = [(rating, delta) for (_w, rating, _b), delta in zip(kept, deltas, strict=True)]
        number = numbers.get(card_id) or fsrs_card_id(card_id)
        for index in range(1, len(kept)):
            if deltas[index] > 0:  # an item predicts a rating a day or more after the last
                found.append((kept[index][0], number, reviews[: index + 1]))
    found.sort(key=lambda row: (row[0], row[1]))
    return [(number, reviews) for _w, number, reviews in found]


def fsrs_items(
    histories: dict[str, list[Rating]],
    now: datetime,
    days: Days | None = None,
    numbers: dict[str, int] | None = None,
) -> tuple[list[Any], list[int]]:
    """FSRSItems as Anki builds them for training, in time order, and each one's card number."""
    import fsrs_rs_python as rs

    plain = training_items(histories, now, days, numbers)
    items = [rs.FSRSItem([rs.FSRSReview(r, d) for r, d in reviews]) for _c, reviews in plain]
    return items, [card for card, _r in plain]


def _last_learning_run(ratings: list[Rating]) -> list[Rating]:
    """The ratings from the first one of the last run of learning steps (Anki's training cut)."""
    start = None
    for index in range(len(ratings) - 1, -1, -1):
        if ratings[index][2] in ("new", "learning"):
            start = index
        elif start is not None:
            break
    return [] if start is None else ratings[start:]


def optimize_parameters(
    db: Database,
    settings: SettingsFile,
    *,
    deck: str | None = None,
    now: datetime | None = None,
) -> Fit:
    """Fit parameters on the review log; raises if the log is too small or fsrs-rs is missing.

    The old and the new parameters are scored (log loss, RMSE) on the same items.
    """
    try:
        import fsrs_rs_python as rs
    except ImportError as error:
        raise OptimizerUnavailable(
            "the optimizer needs fsrs-rs-python: pip install fsrs-rs-python"
        ) from error
    from . import clock

    deck_settings = settings.for_deck(deck)
    histories = load_histories(db, deck)
    reviews = sum(len(h) for h in histories.values())
    numbers = dict(db.execute("SELECT id, rowid FROM cards").fetchall())
    items, card_ids = fsrs_items(histories, now or clock.now(), deck_settings.days, numbers)
    if reviews < MIN_REVIEWS or not items:
        raise QuizgardenError(
            f"only {reviews} reviews in the log; optimizing needs at least {MIN_REVIEWS} "
            "(keep reviewing and try again later)"
        )
    current = deck_settings.parameters or tuple(rs.DEFAULT_PARAMETERS)
    fitted = tuple(float(p) for p in fit_items(items, card_ids))
    old = rs.FSRS(list(current)).evaluate(items)
    new = rs.FSRS(list(fitted)).evaluate(items)
    return Fit(
        fitted, old.log_loss, new.log_loss, old.rmse_bins, new.rmse_bins, reviews, len(histories)
    )


def fit_items(items: list[Any], card_ids: list[int]) -> list[float]:
    """fsrs-rs's fit on Anki's items, with Anki's settings (short-term on, `PASSES` passes)."""
    import fsrs_rs_python as rs

    config = rs.TrainingConfig(num_epochs=PASSES)
    return list(
        rs.FSRS(list(rs.DEFAULT_PARAMETERS)).compute_parameters(
            items, card_ids=card_ids, enable_short_term=True, training_config=config
        )
    )


def recompute_memory_states(db: Database, settings_for: Callable[[str | None], Settings]) -> int:
    """Replay every card's log with its deck's (new) parameters and store the memory states.

    What Anki does after parameters change: stability and difficulty follow the new
    parameters; due dates stay. Returns the number of cards updated.
    """
    from .model import CardState
    from .schedule import make_scheduler, review
    from .store.reviews import set_memory_states

    decks = dict(db.execute("SELECT id, deck FROM cards").fetchall())
    found: dict[str, tuple[float, float]] = {}
    for card_id, ratings in load_histories(db).items():
        deck_settings = settings_for(decks.get(card_id))
        scheduler = make_scheduler(replace(deck_settings, fuzz=False))
        state = CardState(card_id)
        for when, rating, _before in ratings:
            state, _ = review(state, rating, when, scheduler=scheduler, days=deck_settings.days)
        if state.stability is not None and state.difficulty is not None:
            found[card_id] = (state.stability, state.difficulty)
    return set_memory_states(db, found)


def save_parameters(vault: Path, parameters: tuple[float, ...], *, deck: str | None = None) -> Path:
    """Store fitted parameters in the settings file (for the vault, or one deck)."""
    import fsrs

    try:
        fsrs.Scheduler(parameters=parameters)
    except ValueError as error:
        raise QuizgardenError(f"the fitted parameters are out of range: {error}") from None
    text = " ".join(f"{p:.4f}" for p in parameters)
    return set_setting(vault, "parameters", text, deck=deck)
