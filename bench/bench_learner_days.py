"""A simulated learner goes through the real `quiz review` loop for 60 days; no card comes late.

The learner lives in Berlin (the 60 days cross the change to summer time), studies once or
twice a day at ordinary hours (07:00-23:30, sometimes just after midnight, now and then not at
all), answers from a known memory (recall drawn from FSRS's own prediction) and takes 20 new
cards a day from 800. Every session is `run_session` on a real collection file, with
QUIZGARDEN_NOW set to the session's time.

Per day it prints what Anki would show, the review cards whose due day (the learner's date of
the day they fell due on) is today or earlier, against what the sessions of that day showed,
and counts:

- missing: cards Anki would show that day that no session showed;
- late: reviews given on a later day than the card's due day although the learner studied on
  or after that day (the target for both is 0).

Baseline, from the same run: how many of the cards Anki would show were not yet due under the
old rule (due at the exact second of the last review plus the interval in 24-hour periods), at
the start of each day's first session: the cards that rule hid.

    python bench/bench_learner_days.py [--days 60] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizgarden.model import CardState  # noqa: E402
from quizgarden.review.runner import ReviewOptions, Shown, run_session  # noqa: E402
from quizgarden.schedule import make_scheduler, retrievability  # noqa: E402
from quizgarden.settings import Settings, SettingsFile  # noqa: E402
from quizgarden.store import open_collection, queue  # noqa: E402

ZONE = "Europe/Berlin"
START = date(2024, 3, 10)  # summer time begins on 31 March


class Learner:
    """A screen that answers from a known memory and notes every card it is shown."""

    reveals = False

    def __init__(self, rng: random.Random, when: datetime) -> None:
        self.rng, self.when = rng, when
        self.truth = make_scheduler(Settings(fuzz=False))
        self.shown: list[CardState] = []

    def show(self, shown: Shown, revealed: bool) -> None:
        self.current = shown.item.state

    def ask(self, revealed: bool) -> int:
        state = self.current
        self.shown.append(state)
        chance = 0.6 if state.reps == 0 else retrievability(state, self.when, scheduler=self.truth)
        if self.rng.random() >= chance:
            return 1
        return self.rng.choices([2, 3, 4], weights=[1, 8, 1])[0]

    def recorded(self, shown: Shown, rating: int, after: CardState, review_id: int) -> None:
        pass

    def message(self, text: str, event: str = "message", **data: object) -> None:
        pass

    def summary(self, summary: object) -> None:
        pass


def session_times(rng: random.Random, day: date) -> list[datetime]:
    """When the learner sits down on learner-day `day`: none, one or two sessions."""
    zone = ZoneInfo(ZONE)
    if rng.random() < 0.1:
        return []
    hours = sorted(rng.sample([7.0, 8.5, 12.5, 18.0, 21.0, 23.5, 24.5], rng.choice([1, 1, 2])))
    start = datetime(day.year, day.month, day.day, tzinfo=zone)
    return [(start + timedelta(hours=h)).astimezone(UTC) for h in hours]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    settings = SettingsFile({"timezone": ZONE, "reviews_per_day": 9999}, {})
    days = settings.for_deck(None).days
    folder = Path(tempfile.mkdtemp(prefix="qg-learner-"))
    db = open_collection(folder / "c.db")
    for index in range(800):
        db.execute(
            "INSERT INTO cards (id, note, rule, type, front, back, deck, tags, line, side, "
            "created, updated) VALUES (?, 'notes/a.md', 'qa', 'basic', ?, 'A', 'Default', "
            "'[]', ?, 0, '2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00')",
            [f"{index + 1:016x}", f"Q{index}?", index + 1],
        )
    started = time.perf_counter()
    totals = {"expected": 0, "shown": 0, "missing": 0, "late": 0, "hidden_by_old_rule": 0}
    print(f"{'day':>10} {'sessions':>8} {'anki':>5} {'shown':>5} {'missing':>7} {'late':>4}"
          f" {'old rule hid':>12}")  # fmt: skip
    studied_days: set[date] = set()
    for offset in range(args.days):
        day = START + timedelta(days=offset)
        times = session_times(rng, day)
        expected: set[str] = set()
        shown_reviews: set[str] = set()
        late = hidden = 0
        for number, when in enumerate(times):
            states = _review_states(db)
            today = days.date_of(when)
            due_now = {s.card_id for s in states if days.date_of(s.due) <= today}
            if number == 0:
                expected = set(due_now)
                hidden = sum(1 for s in states if s.card_id in due_now and _old_due(s, days) > when)
            else:
                expected |= due_now - shown_reviews
            os.environ["QUIZGARDEN_NOW"] = when.isoformat()
            learner = Learner(rng, when)
            run_session(db, folder, settings, ReviewOptions(), learner)
            for state in learner.shown:
                if state.state != "review":
                    continue
                shown_reviews.add(state.card_id)
                due_day = days.date_of(state.due)
                if due_day < today and any(due_day <= d < today for d in studied_days):
                    late += 1
            studied_days.add(days.date_of(when))
        missing = len(expected - shown_reviews)
        totals["expected"] += len(expected)
        totals["shown"] += len(shown_reviews)
        totals["missing"] += missing
        totals["late"] += late
        totals["hidden_by_old_rule"] += hidden
        print(f"{day.isoformat():>10} {len(times):>8} {len(expected):>5} {len(shown_reviews):>5}"
              f" {missing:>7} {late:>4} {hidden:>12}")  # fmt: skip
    db.close()
    seconds = time.perf_counter() - started
    print(
        f"\n{args.days} days in {seconds:.0f} s: Anki would show {totals['expected']} review "
        f"cards, the sessions showed {totals['shown']}; missing {totals['missing']}, late "
        f"{totals['late']} (target 0 and 0)"
    )
    share = totals["hidden_by_old_rule"] / max(1, totals["expected"])
    print(
        f"baseline: the old exact-time rule would have hidden {totals['hidden_by_old_rule']} "
        f"of them ({share:.0%}) at the first session of their day"
    )


def _review_states(db) -> list[CardState]:
    # suspended cards (leeches) Anki would not show either
    ids = [
        cid
        for (cid,) in db.execute(
            "SELECT card_id FROM card_state WHERE state = 'review' AND suspended = 0"
        )
    ]
    return [item.state for item in queue.load_items(db, ids)]


def _old_due(state: CardState, days) -> datetime:
    """The due time under the old rule: the last review plus the interval in 24-hour periods."""
    assert state.last_review is not None and state.due is not None
    interval = (days.date_of(state.due) - days.date_of(state.last_review)).days
    return state.last_review + timedelta(days=interval)


if __name__ == "__main__":
    main()
