"""The one timing helper the benchmarks share: best of N runs, as the noisy machine wants."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """The fastest of `runs` calls of `fn`, in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
