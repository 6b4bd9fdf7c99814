"""The learner's days: when "today" starts, and how many days lie between two reviews.

Anki does not count 24-hour periods. Its day rolls over at a set hour of local time (4 am by
default), a review card is due for that whole day, and FSRS is fed the number of rollovers
between two reviews. quizgarden counts the same way, so a card learned at 21:00 is due from
04:00 on its due day, and a review 1 day 10 hours after the last one counts as 1 or 2 days
exactly as it would in Anki.

The time zone is the `timezone` setting (an IANA name such as ``Europe/Berlin``), else the
``TZ`` environment variable, else the system's own zone. Local times go through `zoneinfo`
(or the C library for the system zone), so daylight saving changes move the rollover with
the clock: it stays at 4 am local time.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache

DAY = timedelta(days=1)


@lru_cache(maxsize=16)
def _zone(name: str) -> tzinfo | None:
    """The zone called `name`; None means the system's local zone (through the C library)."""
    if not name:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None  # a POSIX TZ string such as 'CET-1CEST': the C library reads it


def check_zone(name: str) -> str:
    """`name` if it is a time zone Python knows (for validating the setting), else ValueError."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {name!r} (use a name like 'Europe/Berlin')") from error
    return name


@dataclass(frozen=True)
class Days:
    """How the learner's days are cut: the rollover hour, in a time zone ('' = TZ or system)."""

    hour: int = 4
    zone: str = ""

    @property
    def tz(self) -> tzinfo | None:
        return _zone(self.zone or os.environ.get("TZ", "").lstrip(":"))

    def local(self, moment: datetime) -> datetime:
        """`moment` on the learner's wall clock."""
        zone = self.tz
        return moment.astimezone(zone) if zone is not None else moment.astimezone()

    def date_of(self, moment: datetime) -> date:
        """The learner's date of `moment`: the calendar date of the day it falls in."""
        local = self.local(moment)
        if local.hour < self.hour:
            return local.date() - DAY
        return local.date()

    def start_of(self, day: date) -> datetime:
        """The UTC instant at which learner date `day` begins (`hour` o'clock local time)."""
        zone = self.tz
        if zone is not None:
            local = datetime(day.year, day.month, day.day, self.hour, tzinfo=zone)
            return local.astimezone(UTC)
        stamp = time.mktime((day.year, day.month, day.day, self.hour, 0, 0, 0, 0, -1))
        return datetime.fromtimestamp(stamp, UTC)

    def day_start(self, moment: datetime) -> datetime:
        """Start of the learner's day containing `moment`, as a UTC instant."""
        return self.start_of(self.date_of(moment))

    def next_day_start(self, moment: datetime) -> datetime:
        """Start of the learner's day after the one containing `moment` (Anki's next_day_at)."""
        return self.start_of(self.date_of(moment) + DAY)

    def elapsed(self, since: datetime, now: datetime) -> int:
        """Days between two reviews as Anki counts them for FSRS.

        Anki takes whole 86,400-second periods back from the next rollover after `now`, which
        is the number of rollovers between `since` and `now` (a day start that a daylight
        saving change moved by an hour counts as Anki counts it).
        """
        seconds = (_next_day_start(self, now) - since).total_seconds()
        return max(0, int(seconds // 86400))

    def due_at(self, now: datetime, days: int) -> datetime:
        """The start of the learner's day `days` after today: when a review card falls due."""
        return self.start_of(self.date_of(now) + timedelta(days=days))


@lru_cache(maxsize=64)
def _next_day_start(days: Days, now: datetime) -> datetime:
    # remembered: a queue of thousands of due cards asks with the same `now`
    return days.next_day_start(now)
