"""Buttons that tell the truth: what each button shows is what the card gets, in Anki's order."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from test_review_queue import add_card

from quizgarden.days import Days
from quizgarden.model import CardState
from quizgarden.review.runner import ReviewOptions, Shown, run_session
from quizgarden.schedule import (
    fuzz_bounds,
    make_scheduler,
    next_interval_days,
    outcomes,
    preview,
    review,
)
from quizgarden.settings import Settings, SettingsFile
from quizgarden.store import open_collection

NOW = datetime(2024, 5, 10, 12, 0, tzinfo=UTC)
DAYS = Days(4, "UTC")


def _states(count: int, seed: int = 3) -> list[CardState]:
    """Review, learning, relearning and new cards of every stability, some overdue."""
    rng = random.Random(seed)
    made = []
    for index in range(count):
        card_id = f"{index + 1:016x}"
        kind = rng.choice(["new", "learning", "review", "review", "review", "relearning"])
        if kind == "new":
            made.append(CardState(card_id))
            continue
        stability = rng.choice([0.3, 0.8, 1.5, 2.4, 4.0, 9.0, 25.0, 80.0, 400.0])
        seen = rng.choice([0.02, 0.5, 1, 2, 5, 12, 40, 200])
        made.append(
            CardState(
                card_id, kind, None if kind == "review" else rng.choice([0, 1]), stability,
                rng.uniform(1, 10), NOW - timedelta(days=seen) + timedelta(days=stability),
                NOW - timedelta(days=seen), rng.randint(1, 30),
            )
        )  # fmt: skip
    return made


class Answering:
    """A screen that answers at random and keeps, for each answer, the interval it showed."""

    reveals = False

    def __init__(self, seed: int = 5) -> None:
        self.rng = random.Random(seed)
        self.pending = 0
        self.given: list[tuple[timedelta, CardState]] = []

    def show(self, shown: Shown, revealed: bool) -> None:
        self.shown = shown

    def ask(self, revealed: bool) -> int:
        self.pending = self.rng.choice([1, 2, 3, 3, 3, 4])
        return self.pending

    def recorded(self, shown: Shown, rating: int, after: CardState, review_id: int) -> None:
        self.given.append((shown.intervals[rating], after))

    def message(self, text: str, event: str = "message", **data: object) -> None:
        pass

    def summary(self, summary: object) -> None:
        pass


def test_each_interval_shown_is_the_interval_the_card_gets(tmp_path: Path, monkeypatch):
    """A whole session over 300 cards, fuzz on: every rating lands where its button said."""
    monkeypatch.setenv("QUIZGARDEN_NOW", NOW.isoformat())
    db = open_collection(tmp_path / "c.db")
    for state in _states(300):
        state = state if state.state != "review" else CardState(**{**state.__dict__, "due": NOW})
        add_card(db, state.card_id, line=int(state.card_id, 16), state=state)
    settings = SettingsFile({"new_per_day": 100, "reviews_per_day": 1000}, {})
    screen = Answering()
    run_session(db, tmp_path, settings, ReviewOptions(), screen)
    db.close()
    assert len(screen.given) >= 300
    days = settings.for_deck(None).days
    in_review = 0
    for shown, after in screen.given:
        if after.state == "review":
            in_review += 1
            assert shown == timedelta(days=shown.days)
            assert after.due == days.due_at(NOW, shown.days)  # from the start of that day
        else:
            assert after.due - NOW == shown
    assert in_review > 150


def test_hard_good_easy_are_ordered_and_fuzzed_within_ankis_ranges():
    scheduler = make_scheduler(Settings())  # fuzz on
    plain = make_scheduler(Settings(fuzz=False))
    checked = 0
    for state in _states(1500, seed=11):
        found = outcomes(state, NOW, scheduler=scheduler, days=DAYS)
        assert preview(state, NOW, scheduler=scheduler, days=DAYS) == {
            r: o.interval for r, o in found.items()
        }
        for rating, outcome in found.items():  # review() applies the same outcome
            assert review(state, rating, NOW, scheduler=scheduler, days=DAYS)[0] == outcome.after
        assert outcomes(state, NOW, scheduler=plain, days=DAYS)[3].after.stability == (
            found[3].after.stability  # fuzz moves the day, never the memory state
        )
        if state.state == "review":
            hard, good, easy = (found[r].days for r in (2, 3, 4))
            assert 1 <= hard < good < easy, state
            for rating in (2, 3, 4):  # within Anki's fuzz of the unfuzzed interval
                centre = found[rating].after.stability  # at retention 0.9, interval = S
                # Anki's range around it, with the minimum the button before sets
                floor = 1 if rating == 2 else found[rating - 1].days + 1
                low, high = fuzz_bounds(centre, floor, 36500)
                assert low <= found[rating].days <= high
                assert high - low <= max(1, round(0.15 * centre * 2) + 3)  # a few days at most
                checked += 1
        elif found[4].days is not None and found[3].days is not None:
            assert found[4].days > found[3].days  # a graduating Easy beats Good
    assert checked > 1000


def test_short_intervals_no_longer_collapse():
    """New S of 0.8, 1.1 and 1.9 days: Anki shows 1d 2d 3d (Hard, Good, Easy), not 1d 1d 2d."""
    scheduler = make_scheduler(Settings(fuzz=False))
    state = CardState("ab" * 8, "review", None, 0.3, 9.0, NOW, NOW - timedelta(days=1), 4)
    found = outcomes(state, NOW, scheduler=scheduler, days=DAYS)
    alone = [next_interval_days(found[r].after.stability, scheduler=scheduler) for r in (2, 3, 4)]
    assert alone == [1, 1, 2]  # each interval on its own, as py-fsrs gives them
    intervals = preview(state, NOW, scheduler=scheduler, days=DAYS)
    assert [intervals[r].days for r in (2, 3, 4)] == [1, 2, 3]


def test_fuzz_is_drawn_once_per_card_and_answer():
    scheduler = make_scheduler(Settings())
    state = CardState("cd" * 8, "review", None, 30.0, 5.0, NOW, NOW - timedelta(days=30), 7)
    first = preview(state, NOW, scheduler=scheduler, days=DAYS)
    assert preview(state, NOW, scheduler=scheduler, days=DAYS) == first  # same answer count
    spread = {
        preview(CardState(**{**state.__dict__, "reps": reps}), NOW, scheduler=scheduler, days=DAYS)[
            3
        ]
        for reps in range(40)
    }
    assert len(spread) > 3  # another answer count draws again, within the range
    low, high = fuzz_bounds(
        outcomes(state, NOW, scheduler=make_scheduler(Settings(fuzz=False)), days=DAYS)[3].days,
        1,
        36500,
    )
    assert all(low <= s.days <= high for s in spread)


def test_a_session_running_past_the_rollover_takes_in_the_new_days_cards(
    tmp_path: Path, monkeypatch
):
    """Started at 03:50, still going at 04:05: the cards due that new day come in too."""
    start = datetime(2024, 5, 10, 3, 50, tzinfo=UTC)
    monkeypatch.setenv("QUIZGARDEN_NOW", start.isoformat())
    db = open_collection(tmp_path / "c.db")
    today = CardState("a" * 16, "review", None, 5.0, 5.0, DAYS.due_at(start, 0),
                      start - timedelta(days=5), 3)  # fmt: skip
    tomorrow = CardState("b" * 16, "review", None, 5.0, 5.0, DAYS.due_at(start, 1),
                         start - timedelta(days=5), 3)  # fmt: skip
    add_card(db, today.card_id, line=1, state=today)
    add_card(db, tomorrow.card_id, line=2, state=tomorrow)

    class Late(Answering):
        def ask(self, revealed: bool) -> int:
            later = datetime(2024, 5, 10, 4, 5, tzinfo=UTC)
            monkeypatch.setenv("QUIZGARDEN_NOW", later.isoformat())  # the clock moves on
            return 3

    screen = Late()
    run_session(db, tmp_path, SettingsFile({"new_per_day": 0}, {}), ReviewOptions(), screen)
    db.close()
    assert [after.card_id for _shown, after in screen.given] == ["a" * 16, "b" * 16]
