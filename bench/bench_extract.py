"""Extraction throughput on ../shared/corpus next to markdown-it-py parsing the same files.

Run by hand:  python bench/bench_extract.py [CORPUS] [--cpu]
Target (issue 11; issue 3 asked 2x): extraction costs at most 1.5x the bare parse. Both figures
come from this run, so the ratio holds on a noisy machine; each is the best of 3. With --cpu both
are CPU time of this process (time.process_time), which other jobs on a loaded machine disturb
far less than the wall clock, where waiting for a core counts too.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from markdown_it import MarkdownIt
from timing import best_of

# this checkout's quizgarden, not whichever one is installed: a bench measures its own code
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quizgarden.extract import extract_note
from quizgarden.notes import discover, read_note


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--cpu"]
    clock = time.process_time if "--cpu" in sys.argv[1:] else time.perf_counter
    root = Path(args[0] if args else Path(__file__).parents[2] / "shared" / "corpus")
    files = [p for p in discover(root) if "_edge" not in p.parts]
    if not files:  # a ratio of two empty runs would look like a measure
        sys.exit(f"error: no notes under {root} (give the corpus as the first argument)")
    data = {p: p.read_bytes() for p in files}
    size = sum(len(b) for b in data.values())
    texts = [b.decode("utf-8", errors="replace") for b in data.values()]
    md = MarkdownIt("commonmark")

    def parse_only() -> None:
        for text in texts:
            md.parse(text)

    cards = 0

    def extract_all() -> None:
        nonlocal cards
        cards = 0
        for path, raw in data.items():
            note, _ = read_note(path, root, raw)
            if note is not None:
                cards += len(extract_note(note))

    extract_all()  # warm caches (parser construction, regex compilation)
    parse = best_of(3, parse_only, clock)
    extract = best_of(3, extract_all, clock)
    mb = size / 1e6
    print(f"files={len(files)} bytes={size} cards={cards} clock={clock.__name__}")
    print(f"markdown-it-py parse (commonmark): {parse:.3f} s  {mb / parse:.2f} MB/s")
    print(f"quizgarden read+extract:           {extract:.3f} s  {mb / extract:.2f} MB/s")
    print(f"ratio extract/parse: {extract / parse:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
