"""Our scheduler against py-fsrs and Anki's own FSRS on 200 shared review histories."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgarden.days import Days
from quizgarden.model import CardState
from quizgarden.schedule import make_scheduler, next_interval_days, review
from quizgarden.settings import Settings

REFERENCE = Path(__file__).parents[1].parent / "shared" / "fsrs" / "anki_reference.json"
BASE = datetime(2024, 3, 1, 6, 0, tzinfo=UTC)


def _load() -> dict:
    if not REFERENCE.is_file():
        pytest.skip(
            f"reference histories not found at {REFERENCE} (shared/ is not beside the repo)"
        )
    return json.loads(REFERENCE.read_text(encoding="utf-8"))


UTC_DAYS = Days(4, "UTC")  # the histories' days, whatever zone the machine is in


def _replay(reviews: list[list[int]]) -> CardState:
    scheduler = make_scheduler(Settings(fuzz=False))
    state = CardState("0123456789abcdef")
    for day, minute, rating, _kind in reviews:
        moment = BASE + timedelta(days=day, minutes=minute)
        state, log = review(state, rating, moment, 1000, scheduler=scheduler, days=UTC_DAYS)
        assert log.after == state
    return state


def test_reference_parameters_are_our_defaults():
    data = _load()
    assert tuple(make_scheduler(Settings(fuzz=False)).parameters) == tuple(data["parameters"])
    assert Settings().desired_retention == data["desired_retention"]


def test_all_200_histories_match_pyfsrs_and_anki():
    data = _load()
    assert len(data["histories"]) == 200
    scheduler = make_scheduler(Settings(fuzz=False))
    worst, lifted = 0.0, 0
    for index, history in enumerate(data["histories"]):
        state = _replay(history["reviews"])
        py, anki = history["pyfsrs"], history["anki"]
        assert state.stability == pytest.approx(py["S"], abs=1e-6), index
        assert state.difficulty == pytest.approx(py["D"], abs=1e-6), index
        assert state.stability == pytest.approx(anki["S"], rel=1e-4), index
        assert state.difficulty == pytest.approx(anki["D"], rel=1e-4), index
        worst = max(worst, abs(state.stability - anki["S"]) / anki["S"])
        assert state.state == py["state"].lower(), index
        interval = next_interval_days(state.stability, scheduler=scheduler)
        assert interval == py["ivl"] == anki["ivl"], index
        # the due date we store: the start of the due day for review cards (as Anki, due all
        # that day), the step's exact time for the others
        if state.state == "review":
            assert state.due == UTC_DAYS.day_start(state.due), index
            due_days = (UTC_DAYS.date_of(state.due) - UTC_DAYS.date_of(state.last_review)).days
        else:
            due_days = round((state.due - state.last_review).total_seconds() / 86400, 4)
        if due_days != py["scheduler_due_days"]:
            # Anki's order of the buttons, which py-fsrs lacks: Good at least a day more than
            # Hard, Easy a day more than Good (also when graduating); only short intervals move
            assert state.state == "review" and history["reviews"][-1][2] >= 3, index
            assert py["scheduler_due_days"] < due_days <= 4, index
            lifted += 1
    assert lifted < 20
    assert worst < 1e-5


def test_reps_and_lapses_are_counted_like_anki():
    data = _load()
    for history in data["histories"]:
        state = _replay(history["reviews"])
        assert state.reps == len(history["reviews"])
        lapses = sum(1 for _d, _m, rating, kind in history["reviews"] if kind == 1 and rating == 1)
        assert state.lapses == lapses


ANKI_DAYS = Path(__file__).parent / "fixtures" / "anki_days.json"


def test_learner_days_match_anki_east_west_and_across_dst():
    """Reviews straddling 4 am, crossing DST, in Shanghai, New York and Berlin: Anki's states.

    The fixture is Anki 26.09's own FSRS (compute_memory_state) on the same review log, made by
    bench/anki_days_reference.py; every prefix of every history is checked.
    """
    data = json.loads(ANKI_DAYS.read_text(encoding="utf-8"))
    scheduler = make_scheduler(Settings(fuzz=False))
    zones, checked, straddling = set(), 0, 0
    for index, history in enumerate(data["histories"]):
        days = Days(4, history["zone"])
        zones.add(history["zone"])
        state = CardState("0123456789abcdef")
        previous = None
        for step, ((when, rating), expected) in enumerate(
            zip(history["reviews"], history["anki"], strict=True)
        ):
            moment = datetime.fromisoformat(when)
            before = state
            state, _ = review(state, rating, moment, scheduler=scheduler, days=days)
            kind = {"new": 0, "learning": 0, "review": 1, "relearning": 2}[before.state]
            assert kind == history["kinds"][step], (index, step)
            assert state.stability == pytest.approx(expected["S"], rel=2e-4), (index, step)
            assert state.difficulty == pytest.approx(expected["D"], rel=2e-4), (index, step)
            checked += 1
            if previous is not None:
                hours = (moment - previous).total_seconds() / 3600
                whole = days.elapsed(previous, moment)
                straddling += whole != int(hours // 24)  # 24-hour periods would be wrong here
            previous = moment
    assert zones == {"Europe/Berlin", "America/New_York", "Asia/Shanghai"}
    assert checked > 400 and straddling > 50


def test_one_day_ten_hours_counts_as_anki_counts_it():
    """The issue's case: Good, then Good 1 d 10 h later across two rollovers: S as in Anki."""
    days = Days(4, "Europe/Berlin")
    scheduler = make_scheduler(Settings(fuzz=False))
    first = datetime(2024, 5, 6, 21, 0, tzinfo=UTC)  # 23:00 in Berlin
    state, _ = review(CardState("ab" * 8), 3, first, scheduler=scheduler, days=days)
    state, _ = review(state, 3, first + timedelta(minutes=10), scheduler=scheduler, days=days)
    later = first + timedelta(days=1, hours=10)  # 09:00 two learner days on
    assert days.elapsed(state.last_review, later) == 2
    assert (later - state.last_review).days == 1  # what 24-hour periods would feed FSRS
