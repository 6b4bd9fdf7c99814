"""`quiz stats`: where the collection stands and how well memory is holding up.

True retention is the share of reviews of cards in the review state (not learning steps) that
were not forgotten: the number FSRS's desired retention aims at. Days are the learner's days,
rolling over at `day_start_hour` local time, as the queue counts them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from .settings import SettingsFile
from .store.queries import DECK_SQL, deck_pattern, from_iso, to_iso

FORECAST_DAYS = 30
HEATMAP_WEEKS = 26
_NOT_UNDONE = "r.id NOT IN (SELECT undoes FROM reviews WHERE kind = 'undo' AND undoes IS NOT NULL)"


@dataclass(frozen=True)
class DeckStats:
    """One deck's line in the per-deck table."""

    deck: str
    new: int
    learning: int
    review: int
    suspended: int
    due_today: int
    retention_month: float | None


@dataclass(frozen=True)
class Stats:
    """Everything `quiz stats` shows."""

    by_state: dict[str, int]
    forecast: list[int]  # cards due on each of the next 30 days; [0] includes overdue
    retention: dict[str, tuple[int, int]]  # period -> (recalled, reviews)
    per_day: dict[str, int]  # ISO date -> ratings that day
    decks: list[DeckStats]
    today: str

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["retention"] = {
            period: {"recalled": ok, "reviews": n, "rate": ok / n if n else None}
            for period, (ok, n) in self.retention.items()
        }
        return data


def collect_stats(
    db: Database, now: datetime, settings: SettingsFile, *, deck: str | None = None
) -> Stats:
    """Read the collection and the review log into a `Stats`."""
    days = settings.for_deck(None).days
    today = days.date_of(now)
    deck_where, params = "1", []
    if deck:
        deck_where, params = DECK_SQL, [deck_pattern(deck)]
    where = f"c.retired IS NULL AND c.rejected IS NULL AND {deck_where}"
    rows = db.execute(
        "SELECT c.deck, COALESCE(s.state, 'new'), COALESCE(s.suspended, 0), s.buried_until, s.due "
        f"FROM cards c LEFT JOIN card_state s ON s.card_id = c.id WHERE {where}",
        params,
    ).fetchall()
    by_state: Counter[str] = Counter()
    forecast = [0] * FORECAST_DAYS
    per_deck: dict[str, Counter[str]] = {}
    now_text = to_iso(now) or ""
    for card_deck, state, suspended, buried_until, due_text in rows:
        counts = per_deck.setdefault(card_deck, Counter())
        if suspended:
            by_state["suspended"] += 1
            counts["suspended"] += 1
            continue
        counts["learning" if state == "relearning" else state] += 1
        if buried_until and buried_until > now_text:
            by_state["buried"] += 1  # counted once, as buried, not also under its state
            continue  # and not due today: review will not show it
        by_state[state] += 1
        due = from_iso(due_text) if state != "new" else None
        if due is not None:
            # the learner's day it falls due on: a review card is due all that day, as in review
            offset = (days.date_of(due) - today).days
            if offset < FORECAST_DAYS:
                forecast[max(0, offset)] += 1
                if offset <= 0:
                    counts["due"] += 1

    since = now - timedelta(weeks=HEATMAP_WEEKS + 1)
    log = db.execute(
        "SELECT r.reviewed_at, r.rating, json_extract(r.state_before, '$.state'), c.deck "
        f"FROM reviews r JOIN cards c ON c.id = r.card_id WHERE r.kind = 'review' "
        f"AND r.reviewed_at >= ? AND {_NOT_UNDONE} AND {deck_where}",
        [to_iso(since), *params],
    ).fetchall()
    per_day: Counter[str] = Counter()
    periods = {"day": 1, "week": 7, "month": 30}
    retention = {period: [0, 0] for period in periods}
    deck_month: dict[str, list[int]] = {}
    for reviewed_at, rating, before, card_deck in log:
        moment = from_iso(reviewed_at)
        assert moment is not None
        per_day[days.date_of(moment).isoformat()] += 1
        if before != "review":
            continue
        age = now - moment
        for period, length in periods.items():
            if age <= timedelta(days=length):
                retention[period][0] += rating > 1
                retention[period][1] += 1
        if age <= timedelta(days=30):
            pair = deck_month.setdefault(card_deck, [0, 0])
            pair[0] += rating > 1
            pair[1] += 1
    decks = [
        DeckStats(
            name,
            counts["new"],
            counts["learning"],
            counts["review"],
            counts["suspended"],
            counts["due"],
            (deck_month[name][0] / deck_month[name][1]) if deck_month.get(name) else None,
        )
        for name, counts in sorted(per_deck.items())
    ]
    return Stats(
        dict(by_state),
        forecast,
        {period: (ok, n) for period, (ok, n) in retention.items()},
        dict(sorted(per_day.items())),
        decks,
        today.isoformat(),
    )


def render_stats(stats: Stats) -> Any:
    """The rich view: states, retention, forecast bars, heatmap calendar, decks."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    states = Table(title="Cards", show_header=False)
    for name in ("new", "learning", "review", "relearning", "suspended", "buried"):
        states.add_row(name, str(stats.by_state.get(name, 0)))

    retention = Table(title="True retention")
    for column in ("period", "recalled", "reviews", "rate"):
        retention.add_column(column, justify="right")
    for period, (ok, n) in stats.retention.items():
        retention.add_row(f"last {period}", str(ok), str(n), f"{ok / n:.1%}" if n else "-")

    bars = "▁▂▃▄▅▆▇█"
    top = max(stats.forecast) or 1
    forecast = Text(f"Due in the next {FORECAST_DAYS} days (one bar a day, from today)\n")
    forecast.append(
        "".join(bars[min(7, round(7 * n / top))] if n else "·" for n in stats.forecast),
        style="cyan",
    )
    week = sum(stats.forecast[:7])
    forecast.append(
        f"\ntoday {stats.forecast[0]} · tomorrow {stats.forecast[1]} · next 7 days {week} · "
        f"next {FORECAST_DAYS} days {sum(stats.forecast)}"
    )

    decks = Table(title="Decks")
    for column in ("deck", "new", "learning", "review", "suspended", "due", "retention (30d)"):
        decks.add_column(column, justify="left" if column == "deck" else "right")
    for d in stats.decks:
        rate = "-" if d.retention_month is None else f"{d.retention_month:.0%}"
        decks.add_row(
            Text(d.deck), *map(str, (d.new, d.learning, d.review, d.suspended, d.due_today)), rate
        )
    return Group(states, retention, forecast, heatmap(stats), decks)


def heatmap(stats: Stats) -> Any:
    """Reviews per day as a GitHub-style calendar: one column a week, Monday on top."""
    from rich.table import Table
    from rich.text import Text

    today = date.fromisoformat(stats.today)
    first = today - timedelta(weeks=HEATMAP_WEEKS - 1, days=today.weekday())
    top = max(stats.per_day.values(), default=0) or 1
    shades = ["grey23", "green4", "green3", "green1", "bright_green"]
    grid = Table.grid(padding=(0, 0))
    grid.add_column()
    rows = []
    for weekday, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        line = Text(f"{name:<4}")
        day = first + timedelta(days=weekday)
        while day <= today:
            count = stats.per_day.get(day.isoformat(), 0)
            level = 0 if count == 0 else 1 + min(3, int(4 * count / (top + 1)))
            line.append("■ " if count else "· ", style=shades[level])
            day += timedelta(weeks=1)
        rows.append(line)
    for line in rows:
        grid.add_row(line)
    total = sum(stats.per_day.values())
    grid.add_row(Text(f"{total} reviews in the last {HEATMAP_WEEKS} weeks", style="dim"))
    return grid
