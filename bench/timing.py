"""The one timing helper the benchmarks share: best of N runs, as the noisy machine wants."""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(
    runs: int, fn: Callable[[], object], clock: Callable[[], float] = time.perf_counter
) -> float:
    """The fastest of `runs` calls of `fn`, in seconds (the least disturbed by other work).

    `clock=time.process_time` counts only this process's CPU time: on a machine where other
    jobs hold the cores, the wall clock also counts the time spent waiting for one.
    """
    times = []
    for _ in range(runs):
        start = clock()
        fn()
        times.append(clock() - start)
    return min(times)
