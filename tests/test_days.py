"""The learner's days: rollover at a local hour, in a zone, through daylight saving changes."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from test_review_queue import add_card

from quizgarden.days import Days
from quizgarden.errors import ConfigError
from quizgarden.model import CardState
from quizgarden.review.runner import ReviewOptions, build_session
from quizgarden.schedule import make_scheduler, review
from quizgarden.settings import Settings, SettingsFile, parse_value
from quizgarden.stats import collect_stats
from quizgarden.store import open_collection
from quizgarden.store import reviews as store

BERLIN = ZoneInfo("Europe/Berlin")


def local(zone: ZoneInfo, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=zone).astimezone(UTC)


def test_the_day_starts_at_the_rollover_hour_local_time():
    days = Days(4, "Asia/Shanghai")
    assert days.date_of(local(ZoneInfo("Asia/Shanghai"), 2024, 5, 2, 3, 59)) == date(2024, 5, 1)
    assert days.date_of(local(ZoneInfo("Asia/Shanghai"), 2024, 5, 2, 4, 0)) == date(2024, 5, 2)
    assert days.start_of(date(2024, 5, 2)) == datetime(2024, 5, 1, 20, 0, tzinfo=UTC)
    west = Days(4, "America/New_York")
    assert west.start_of(date(2024, 5, 2)) == datetime(2024, 5, 2, 8, 0, tzinfo=UTC)


def test_daylight_saving_keeps_the_rollover_at_4_local():
    days = Days(4, "Europe/Berlin")
    before, after = days.start_of(date(2024, 3, 30)), days.start_of(date(2024, 3, 31))
    assert (before.hour, after.hour) == (3, 2)  # 04:00 CET, then 04:00 CEST (UTC)
    assert after - before == timedelta(hours=23)  # the short day
    assert days.next_day_start(local(BERLIN, 2024, 10, 26, 12)) - days.day_start(
        local(BERLIN, 2024, 10, 26, 12)
    ) == timedelta(hours=25)


def test_due_times_do_not_shift_by_an_hour_after_a_change():
    days = Days(4, "Europe/Berlin")
    scheduler = make_scheduler(Settings(fuzz=False))
    state = CardState("ab" * 8, "review", None, 20.0, 5.0, None, local(BERLIN, 2024, 3, 1, 9))
    # reviewed in winter (CET), due after the change to summer time: still 04:00 on the clock
    after, _ = review(state, 3, local(BERLIN, 2024, 3, 21, 21, 30), scheduler=scheduler, days=days)
    due = after.due.astimezone(BERLIN)
    assert due.date() > date(2024, 3, 31) and (due.hour, due.minute) == (4, 0)
    # and back in autumn
    autumn = CardState(**{**state.__dict__, "last_review": local(BERLIN, 2024, 10, 1, 9)})
    after, _ = review(autumn, 3, local(BERLIN, 2024, 10, 21, 8), scheduler=scheduler, days=days)
    due = after.due.astimezone(BERLIN)
    assert due.date() > date(2024, 10, 27) and (due.hour, due.minute) == (4, 0)


def test_zone_comes_from_the_setting_else_tz(monkeypatch: pytest.MonkeyPatch):
    moment = datetime(2024, 5, 1, 22, 0, tzinfo=UTC)
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert Days(4).date_of(moment) == date(2024, 5, 2)  # 07:00 in Tokyo
    assert Days(4, "America/Los_Angeles").date_of(moment) == date(2024, 5, 1)
    monkeypatch.setenv("TZ", "JST-9")  # a POSIX rule, not a zone name: the C library reads it
    time.tzset()
    assert Days(4).date_of(moment) == date(2024, 5, 2)
    assert Days(4).start_of(date(2024, 5, 2)) == datetime(2024, 5, 1, 19, 0, tzinfo=UTC)


def test_timezone_setting_is_checked():
    assert parse_value("timezone", "Europe/Berlin") == "Europe/Berlin"
    with pytest.raises(ConfigError, match="unknown time zone"):
        parse_value("timezone", "Mars/Olympus")
    file = SettingsFile({"timezone": "Asia/Shanghai", "day_start_hour": 5}, {})
    assert file.for_deck(None).days == Days(5, "Asia/Shanghai")


def test_cards_learned_at_21h_are_shown_from_4am_and_stats_agree(tmp_path: Path):
    """The issue's case: 100 cards learned at 21:00, two days later both say 100 from 04:00."""
    zone = ZoneInfo("America/New_York")
    settings = SettingsFile({"timezone": "America/New_York"}, {})
    days = settings.for_deck(None).days
    scheduler = make_scheduler(Settings(fuzz=False))
    db = open_collection(tmp_path / "c.db")
    learned = local(zone, 2024, 5, 6, 21, 0)
    dues = set()
    for index in range(100):
        card_id = f"{index + 1:016x}"
        state = CardState(card_id, "review", None, 1.0, 5.0, None, learned - timedelta(days=1))
        add_card(db, card_id, line=index + 1, state=state)
        after, log = review(state, 3, learned, scheduler=scheduler, days=days)
        store.record_review(db, log)
        dues.add(after.due)
    (due,) = dues
    due_day = days.date_of(due)
    assert due.astimezone(zone).hour == 4 and (due_day - learned.astimezone(zone).date()).days >= 2
    for hour in (4, 8, 20):  # all day on the due day, from 04:00 local
        now = local(zone, due_day.year, due_day.month, due_day.day, hour, 0)
        session = build_session(db, now, settings, ReviewOptions())
        stats = collect_stats(db, now, settings)
        assert len(session.reviews) == 100 and stats.forecast[0] == 100, hour
    early = local(zone, due_day.year, due_day.month, due_day.day, 3, 59)  # still the day before
    assert len(build_session(db, early, settings, ReviewOptions()).reviews) == 0
    assert collect_stats(db, early, settings).forecast[0] == 0
    db.close()
