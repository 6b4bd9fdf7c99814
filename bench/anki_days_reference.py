"""Make tests/fixtures/anki_days.json: FSRS memory states from Anki's own backend, by local time.

Review histories whose reviews straddle the 4 am day start, cross a daylight saving change, and
run in a zone east of UTC (Asia/Shanghai), west of it (America/New_York) and one with DST on
both sides (Europe/Berlin). For each history, Anki (the `anki` package, driven headless: a
temporary collection, the history written to its review log) computes the memory state after
every review with `compute_memory_state`; the fixture stores the reviews as UTC instants with
their ratings, and Anki's stability and difficulty after each prefix.

Anki counts a past review's day from its next rollover back in 86,400-second steps, so a
review within an hour of 4 am on the other side of a DST change from the day this script runs
could count a day differently; the local times used here stay 1.5 h or more from 4 am.

    python bench/anki_days_reference.py            # writes tests/fixtures/anki_days.json
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizgarden.days import Days  # noqa: E402
from quizgarden.model import CardState  # noqa: E402
from quizgarden.schedule import make_scheduler, review  # noqa: E402
from quizgarden.settings import Settings  # noqa: E402

OUT = ROOT / "tests" / "fixtures" / "anki_days.json"
# (zone, first day): Berlin and New York start before a DST change, Shanghai has none
ZONES = [
    ("Europe/Berlin", date(2024, 3, 24)),  # CET -> CEST on 31 March
    ("Europe/Berlin", date(2024, 10, 20)),  # CEST -> CET on 27 October
    ("America/New_York", date(2024, 3, 3)),  # EST -> EDT on 10 March
    ("America/New_York", date(2024, 10, 27)),  # EDT -> EST on 3 November
    ("Asia/Shanghai", date(2024, 5, 1)),
]
# local clock times, all 1.5 h or more from the 4 am rollover
TIMES = [(2, 30), (5, 30), (9, 0), (13, 15), (21, 0), (23, 30)]
PER_ZONE = 16
KIND = {"new": 0, "learning": 0, "review": 1, "relearning": 2}


def histories(seed: int = 12) -> list[dict]:
    """Seeded histories: (zone, [(utc instant, rating)]), with same-day, overnight and long gaps."""
    rng = random.Random(seed)
    made = []
    for zone, first in ZONES:
        tz = ZoneInfo(zone)
        for _ in range(PER_ZONE):
            day, (hour, minute) = first + timedelta(days=rng.randint(0, 3)), rng.choice(TIMES)
            moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
            reviews = []
            for _ in range(rng.randint(2, 9)):
                rating = rng.choices([1, 2, 3, 4], weights=[2, 2, 6, 1])[0]
                reviews.append((moment.astimezone(UTC), rating))
                gap = rng.random()
                if gap < 0.25:  # a learning step later the same hour
                    moment += timedelta(minutes=rng.choice([1, 10, 25]))
                    continue
                # the next review on a later (or the same) calendar date at a local clock time:
                # 23:30 then 05:30 is one learner day in 6 h; 05:30 then 02:30 is none in 21 h
                local = moment.astimezone(tz)
                ahead = rng.choice([0, 1, 1, 1, 2, 3, 5, 9, 16])
                day = local.date() + timedelta(days=ahead)
                hour, minute = rng.choice(TIMES)
                nxt = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
                if nxt <= moment:
                    nxt += timedelta(days=1)
                moment = nxt
            made.append({"zone": zone, "reviews": reviews})
    return made


def replay(zone: str, reviews: list[tuple[datetime, int]]) -> list[CardState]:
    """Our states after each review (the kinds go into Anki's log, the states into the check)."""
    scheduler = make_scheduler(Settings(fuzz=False))
    state, states = CardState("0123456789abcdef"), []
    for moment, rating in reviews:
        state, _ = review(state, rating, moment, 1000, scheduler=scheduler, days=Days(4, zone))
        states.append(state)
    return states


def anki_states(zone: str, reviews: list[tuple[datetime, int]], kinds: list[int]) -> list[dict]:
    """Anki's memory state after each prefix of the history, one card per prefix."""
    from anki.collection import Collection

    assert os.environ.get("TZ") == zone, "Anki's backend reads the zone once: one process a zone"
    folder = tempfile.mkdtemp()
    col = Collection(os.path.join(folder, "c.anki2"))
    try:
        col.set_config("fsrs", True)
        notetype = col.models.by_name("Basic")
        found = []
        for length in range(1, len(reviews) + 1):
            note = col.new_note(notetype)
            note["Front"] = f"q{length}"
            col.add_note(note, 1)
            cid = note.card_ids()[0]
            for (moment, rating), kind in zip(reviews[:length], kinds[:length], strict=True):
                stamp = int(moment.timestamp() * 1000) + length  # ids must be unique
                col.db.execute(
                    "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                    "values (?, ?, -1, ?, 0, 0, 0, 1000, ?)",
                    stamp,
                    cid,
                    rating,
                    kind,
                )
            col.db.execute("update cards set type = 2, queue = 2, ivl = 1 where id = ?", cid)
            answer = col._backend.compute_memory_state(cid)
            state = answer.state if answer.HasField("state") else None
            found.append(
                {"S": state.stability, "D": state.difficulty} if state is not None else None
            )
        return found
    finally:
        col.close()


def anki_in_zone(zone: str, jobs: list[dict]) -> list[list[dict | None]]:
    """Anki's states for `jobs` (reviews and kinds) in a child process whose TZ is `zone`.

    Anki's Rust backend reads the local zone once per process, so each zone gets its own.
    """
    payload = json.dumps(
        [{"reviews": [[m.isoformat(), r] for m, r in j["reviews"]], "kinds": j["kinds"]}
         for j in jobs]
    )  # fmt: skip
    done = subprocess.run(
        [sys.executable, __file__, "--anki-child", zone],
        input=payload,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "TZ": zone},
    )
    return json.loads(done.stdout)


def child(zone: str) -> None:
    jobs = json.loads(sys.stdin.read())
    found = [
        anki_states(zone, [(datetime.fromisoformat(m), r) for m, r in job["reviews"]], job["kinds"])
        for job in jobs
    ]
    sys.stdout.write(json.dumps(found))


def main() -> None:
    import anki.buildinfo

    made = histories()
    for history in made:
        states = replay(history["zone"], history["reviews"])
        history["kinds"] = [KIND[before.state] for before in [CardState("x"), *states][:-1]]
    for zone in sorted({h["zone"] for h in made}):
        mine = [h for h in made if h["zone"] == zone]
        for history, states in zip(mine, anki_in_zone(zone, mine), strict=True):
            history["anki"] = states
    out = [
        {
            "zone": h["zone"],
            "reviews": [[m.isoformat(), r] for m, r in h["reviews"]],
            "kinds": h["kinds"],
            "anki": h["anki"],
        }
        for h in made
    ]
    data = {
        "about": __doc__.strip().splitlines()[0],
        "anki_version": anki.buildinfo.version,
        "pyfsrs_version": version("fsrs"),
        "day_start_hour": 4,
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "histories": out,
    }
    OUT.write_text(json.dumps(data, indent=1) + "\n", "utf-8")
    ok = sum(1 for h in out for s in h["anki"] if s is not None)
    total = sum(len(h["anki"]) for h in out)
    print(f"wrote {OUT}: {len(out)} histories, {ok} of {total} prefixes with an Anki state")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--anki-child":
        child(sys.argv[2])
    else:
        main()
