"""The one clock every command reads, so tests and scripts can replay days of reviews.

`QUIZGARDEN_NOW` (ISO 8601) overrides the system time; a value without a timezone is UTC.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from .errors import ConfigError

ENV_NOW = "QUIZGARDEN_NOW"
#: Years a clock may show. Intervals reach 100 years past now and stats look weeks around it,
#: so a year near 9999 would overflow Python's dates in the middle of a review.
YEARS = (1970, 9000)


def parse_instant(text: str) -> datetime:
    """Parse an ISO 8601 datetime (``Z`` allowed) into an aware UTC datetime."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as err:
        raise ConfigError(f"{ENV_NOW}={text!r} is not an ISO 8601 datetime") from err
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise ConfigError(
            f"{ENV_NOW}={text!r} is out of range: use a date in the years {YEARS[0]}-{YEARS[1]}"
        )
    return value.astimezone(UTC)


def now() -> datetime:
    """Current time as an aware UTC datetime, or the frozen time from the environment."""
    override = os.environ.get(ENV_NOW)
    if override:
        return parse_instant(override)
    return datetime.now(UTC)
