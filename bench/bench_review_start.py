"""Time from `quiz review` start to the first card on screen, with 100,000 cards.

Baseline from the same run: `python -c "import quizgarden"`. Target: review start under 0.5 s
more than the bare import. Non-TTY mode (answers from a pipe) is what is timed: the first card is
the first line starting with '---' on stdout.

    .venv/bin/python bench/bench_review_start.py [--cards 100000] [--runs 7] [--deck "sub 3"]

`--deck` times a session on part of the collection (any case, any whole part of the deck path).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

NOW = datetime(2024, 6, 1, 9, 0, tzinfo=UTC)


def build(db_path: Path, cards: int, learning: float = 0.005) -> None:
    """A big vault: 70% new, the rest in review (a quarter of them due) or learning steps.

    Rows are written as `quiz sync` and `quiz review` write them: new cards too have a
    card_state row (state 'new', due at creation), and every started card has a review.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from quizgarden.store import open_collection

    rng = random.Random(5)
    db = open_collection(db_path)
    card_rows, state_rows, review_rows = [], [], []
    created = (NOW - timedelta(days=400)).isoformat()
    for index in range(cards):
        card_id = f"{index:016x}"
        deck = f"Deck {index % 12}::Sub {index % 5}"
        card_rows.append(
            (
                card_id,
                f"notes/{index // 40}.md",
                "qa",
                "basic",
                f"Question {index}?",
                f"Answer {index}",
                deck,
                '["bench"]',
                index % 40 + 1,
                0,
                created,
                created,
            )
        )
        kind = rng.random()
        if kind < 0.70:  # new: sync gives every card a state row, due when it was added
            state_rows.append((card_id, "new", None, None, None, created, None, 0, 0, 0, None))
            continue
        last = NOW - timedelta(days=rng.uniform(0.5, 60))
        if kind < 1 - learning:
            stability = rng.uniform(1, 120)
            due = last + timedelta(days=stability)
            state_rows.append(
                (
                    card_id,
                    "review",
                    None,
                    stability,
                    rng.uniform(2, 9),
                    due.isoformat(),
                    last.isoformat(),
                    5,
                    1,
                    0,
                    None,
                )
            )
        else:
            due = NOW + timedelta(minutes=rng.uniform(-30, 600))
            state_rows.append(
                (
                    card_id,
                    "learning",
                    1,
                    1.2,
                    5.0,
                    due.isoformat(),
                    (NOW - timedelta(minutes=5)).isoformat(),
                    1,
                    0,
                    0,
                    None,
                )
            )
        before = json.dumps({"card_id": card_id, "state": "new"})
        review_rows.append((card_id, "review", 3, last.isoformat(), 4000, before, before))
    db.execute("BEGIN")
    db.conn.executemany(
        "INSERT INTO cards (id, note, rule, type, front, back, deck, tags, line, "
        "side, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        card_rows,
    )
    db.conn.executemany(
        "INSERT INTO card_state (card_id, state, step, stability, difficulty, due, "
        "last_review, reps, lapses, suspended, buried_until) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        state_rows,
    )
    db.conn.executemany(
        "INSERT INTO reviews (card_id, kind, rating, reviewed_at, duration_ms, "
        "state_before, state_after) VALUES (?,?,?,?,?,?,?)",
        review_rows,
    )
    db.execute("COMMIT")
    db.close()


def time_import() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import quizgarden"], check=True)
    return time.perf_counter() - start


def time_first_card(vault: Path, db_path: Path, extra: list[str] = ()) -> tuple[float, str]:  # type: ignore[assignment]
    env = {**os.environ, "QUIZGARDEN_NOW": NOW.isoformat()}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "quizgarden", "review", str(vault), "--db", str(db_path), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdout is not None and process.stdin is not None
    for line in process.stdout:
        if line.startswith("---"):
            elapsed = time.perf_counter() - start
            header = line.strip()
            break
    else:
        raise SystemExit("no card was shown")
    process.stdin.write("q\n")
    process.stdin.close()
    process.wait(timeout=30)
    return elapsed, header


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--learning", type=float, default=0.005, help="share of cards in learning steps"
    )
    parser.add_argument("--deck", help="review only this deck (as `quiz review --deck`)")
    args = parser.parse_args()
    extra = ["--deck", args.deck] if args.deck else []
    with tempfile.TemporaryDirectory() as folder:
        vault = Path(folder) / "vault"
        db_path = vault / ".quizgarden" / "collection.db"
        started = time.perf_counter()
        build(db_path, args.cards, args.learning)
        print(f"built {args.cards} cards in {time.perf_counter() - started:.1f} s")
        _, header = time_first_card(vault, db_path, extra)  # warm the page cache once
        print(f"first card: {header}")
        imports, reviews = [], []
        for _ in range(args.runs):
            imports.append(time_import())
            reviews.append(time_first_card(vault, db_path, extra)[0])
    bare, first = statistics.median(imports), statistics.median(reviews)
    print(f'python -c "import quizgarden"   median {bare * 1000:6.0f} ms  (runs: {args.runs})')
    print(f"quiz review -> first card       median {first * 1000:6.0f} ms")
    verdict = "OK" if first - bare < 0.5 else "OVER TARGET"
    print(f"difference {1000 * (first - bare):.0f} ms (target < 500 ms): {verdict}")


if __name__ == "__main__":
    main()
