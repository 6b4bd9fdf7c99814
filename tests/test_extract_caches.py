"""The extractor's text caches keep a note's worth of strings (`NOTE_CACHE`): the rules ask
again of the strings of the note they read, and a larger cache keeps the last notes' strings,
whose lookups cost more by the clock than the calls they save."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import quizgarden.extract  # noqa: F401  (loads every rule module and its caches)
from quizgarden.extract.text import NOTE_CACHE


def _bounded_caches() -> Iterator[tuple[str, int]]:
    """Each `lru_cache` of a bounded size defined in the extractor's modules, by name."""
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("quizgarden.extract"):
            continue
        for attr, value in vars(module).items():
            parameters = getattr(value, "cache_parameters", None)
            if parameters is None or getattr(value, "__module__", None) != name:
                continue
            size = parameters()["maxsize"]
            if size is not None:
                yield f"{name}.{attr}", size


def test_no_text_cache_outgrows_a_note() -> None:
    caches = dict(_bounded_caches())
    assert caches["quizgarden.extract.text.strip_markup"] == NOTE_CACHE
    assert {name: size for name, size in caches.items() if size > NOTE_CACHE} == {}
