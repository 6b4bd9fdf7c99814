"""Sync speed on a generated 3,000-note vault, next to a baseline measured in the same run.

Target: a second sync of an unchanged vault well under a second. The baseline is the least any
sync must do: walk the vault and stat every file (and, for reference, read every file).

    .venv/bin/python bench/bench_sync.py [--notes 3000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

# this checkout's quizgarden, not whichever one is installed: a bench measures its own code
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quizgarden.notes import discover
from quizgarden.store.db import open_collection
from quizgarden.store.sync import sync_vault

WORDS = [
    "cell",
    "energy",
    "protein",
    "membrane",
    "enzyme",
    "gene",
    "light",
    "mass",
    "force",
    "field",
    "wave",
    "charge",
    "market",
    "price",
    "demand",
    "supply",
    "river",
    "mountain",
    "climate",
    "ocean",
    "empire",
    "treaty",
    "war",
    "language",
    "grammar",
    "verb",
    "noun",
]


def make_vault(root: Path, notes: int, seed: int = 7) -> int:
    """Write `notes` notes in 30 folders, each with Q/A, inline and cloze cards; old mtimes."""
    rng = random.Random(seed)
    old = time.time() - 86400  # a real vault's files were written long before the sync
    for i in range(notes):
        folder = root / f"topic{i % 30:02d}" / f"sub{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        words = [rng.choice(WORDS) for _ in range(40)]
        lines = [f"# Note {i}", "", " ".join(words[:20]) + ".", ""]
        for k in range(3):
            lines += [f"Q: What links {words[k]} and {words[k + 5]} in note {i} ({k})?"]
            lines += [f"A: {' '.join(words[k + 10 : k + 16])}.", ""]
        lines += [f"- term{i}x{k}::{' '.join(words[20 + k : 26 + k])}" for k in range(2)]
        lines += ["", f"The {{{{c1::{words[30]}}}}} of note {i} meets the {{{{c2::{words[31]}}}}}."]
        path = folder / f"note-{i:05d}.md"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        os.utime(path, (old, old))
    return notes


def baseline(root: Path) -> tuple[float, float]:
    """Seconds to walk + stat every note, and to walk + stat + read every note."""
    start = time.perf_counter()
    for path in discover(root):
        path.stat()
    stat_s = time.perf_counter() - start
    start = time.perf_counter()
    for path in discover(root):
        path.stat()
        path.read_bytes()
    return stat_s, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=3000)
    parser.add_argument("--keep", type=Path, help="build the vault here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp) / "vault"
        make_vault(root, args.notes)
        now = datetime.now(UTC)
        db = open_collection(Path(tmp) / "collection.db")

        stat_s, read_s = baseline(root)
        start = time.perf_counter()
        first = sync_vault(db, root, now=now)
        first_s = time.perf_counter() - start
        start = time.perf_counter()
        second = sync_vault(db, root, now=now)
        second_s = time.perf_counter() - start
        stat2_s, read2_s = baseline(root)  # again, with the same warm file cache as sync 2

        edited = sorted(root.rglob("*.md"))[:: max(1, args.notes // 30)]
        for path in edited:
            path.write_text(path.read_text(encoding="utf-8").replace("A: ", "A: edited "), "utf-8")
        start = time.perf_counter()
        third = sync_vault(db, root, now=now)
        third_s = time.perf_counter() - start
        cards = db.execute("SELECT count(*) FROM cards").fetchone()[0]
        db.close()

    print(f"vault: {args.notes} notes, {cards} cards")
    print(f"baseline walk+stat:        {stat2_s * 1000:8.1f} ms   (cold {stat_s * 1000:.1f} ms)")
    print(f"baseline walk+stat+read:   {read2_s * 1000:8.1f} ms   (cold {read_s * 1000:.1f} ms)")
    print(f"first sync:                {first_s * 1000:8.1f} ms   ({first.cards_new} cards new)")
    print(
        f"second sync (unchanged):   {second_s * 1000:8.1f} ms   "
        f"({second.notes_skipped} skipped, {second.notes_changed} changed)"
    )
    print(
        f"sync after editing {len(edited)} notes: {third_s * 1000:6.1f} ms   "
        f"({third.notes_changed} changed, {third.cards_updated} cards updated)"
    )
    verdict = "OK" if second_s < 1.0 else "TOO SLOW"
    print(f"target second sync < 1 s: {verdict} ({second_s / max(stat2_s, 1e-9):.1f}x walk+stat)")


if __name__ == "__main__":
    main()
