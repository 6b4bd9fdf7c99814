"""`quiz optimize`: fit FSRS parameters to the learner's own review log.

The optimizer is fsrs-rs-python, the Python binding of fsrs-rs, the same Rust code Anki's
"Optimize" button runs; its wheel is about 600 kB. py-fsrs's own `Optimizer` needs PyTorch, a
multi-gigabyte download, so it is not used. The module is imported only by this command.

Each card's history becomes one FSRS item per review after the first, with the elapsed days
between reviews counted as py-fsrs counts them (whole 24-hour periods, see schedule.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from .errors import QuizgardenError
from .settings import SettingsFile, set_setting
from .store.queries import from_iso

MIN_REVIEWS = 400  # below this the fit is noise, as in Anki (which asks for 400)
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


def load_histories(db: Database, deck: str | None = None) -> dict[str, list[tuple[Any, int]]]:
    """Each card's (time, rating) ratings in order, undone ratings left out."""
    sql = (
        "SELECT r.card_id, r.reviewed_at, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id "
        f"WHERE r.kind = 'review' AND {_NOT_UNDONE}"
    )
    params: list[str] = []
    if deck:
        from .store.queries import DECK_SQL, deck_pattern

        sql += f" AND {DECK_SQL}"
        params = [deck_pattern(deck)]
    histories: dict[str, list[tuple[Any, int]]] = {}
    for card_id, reviewed_at, rating in db.execute(sql + " ORDER BY r.reviewed_at, r.id", params):
        histories.setdefault(card_id, []).append((from_iso(reviewed_at), rating))
    return histories


def fsrs_items(histories: dict[str, list[tuple[Any, int]]]) -> list[Any]:
    """FSRSItems as fsrs-rs wants them: each history prefix ending a day or more after the last."""
    import fsrs_rs_python as rs

    items = []
    for reviews in histories.values():
        steps: list[Any] = []
        previous = None
        for moment, rating in reviews:
            delta = 0 if previous is None else (moment - previous).days
            steps.append(rs.FSRSReview(rating, delta))
            previous = moment
            if len(steps) > 1 and delta > 0:  # an item predicts its last, day-later review
                items.append(rs.FSRSItem(list(steps)))
    return items


def optimize_parameters(db: Database, settings: SettingsFile, *, deck: str | None = None) -> Fit:
    """Fit parameters on the review log; raises if the log is too small or fsrs-rs is missing."""
    try:
        import fsrs_rs_python as rs
    except ImportError as error:
        raise OptimizerUnavailable(
            "the optimizer needs fsrs-rs-python: pip install fsrs-rs-python"
        ) from error
    histories = load_histories(db, deck)
    reviews = sum(len(h) for h in histories.values())
    items = fsrs_items(histories)
    if reviews < MIN_REVIEWS or not items:
        raise QuizgardenError(
            f"only {reviews} reviews in the log; optimizing needs at least {MIN_REVIEWS} "
            "(keep reviewing and try again later)"
        )
    current = settings.for_deck(deck).parameters or tuple(rs.DEFAULT_PARAMETERS)
    fitted = tuple(float(p) for p in rs.FSRS(list(current)).compute_parameters(items))
    old = rs.FSRS(list(current)).evaluate(items)
    new = rs.FSRS(list(fitted)).evaluate(items)
    return Fit(
        fitted, old.log_loss, new.log_loss, old.rmse_bins, new.rmse_bins, reviews, len(histories)
    )


def save_parameters(vault: Path, parameters: tuple[float, ...], *, deck: str | None = None) -> Path:
    """Store fitted parameters in the settings file (for the vault, or one deck)."""
    import fsrs

    try:
        fsrs.Scheduler(parameters=parameters)
    except ValueError as error:
        raise QuizgardenError(f"the fitted parameters are out of range: {error}") from None
    text = " ".join(f"{p:.4f}" for p in parameters)
    return set_setting(vault, "parameters", text, deck=deck)
