"""Linear-time stand-ins for the few regexes that backtrack on hostile lines.

A regex such as `\\[([^\\]\\n]*)\\]\\(...\\)` is tried at every `[` of a line; when the line is
100,000 `[` with no link in it, each try scans to the end of the line and the whole costs the
square of its length (82 s for one pasted line). These helpers give the same matches as the
regex but never try again where an earlier try already failed for the same reason, so a note
costs time in proportion to its size. Short texts go straight to the regex, which is faster
there and gives the same answer (the tests compare both on generated text).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache
from operator import methodcaller

#: Below this length the plain regex is used: its worst case is small and it runs in C.
SHORT = 256

_NEWLINE = re.compile("\n")

Replacement = str | Callable[[re.Match[str]], str]

#: `pattern.sub(GROUP_1, text)` does what `pattern.sub(r"\1", text)` does. Python before 3.12
#: expands a template string in Python code, once per call and again per match (about 4 us a
#: call, most of `strip_markup`'s cost on text with no markup); a group getter runs in C.
GROUP_1: Callable[[re.Match[str]], str] = methodcaller("group", 1)
GROUP_2: Callable[[re.Match[str]], str] = methodcaller("group", 2)


def _expand(m: re.Match[str], repl: Replacement) -> str:
    return repl(m) if callable(repl) else m.expand(repl)


def skipping_finditer(
    pattern: re.Pattern[str],
    text: str,
    opener: str,
    stop: re.Pattern[str],
    *,
    bang: bool = False,
    local: Callable[[str, int], bool] | None = None,
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that starts with `opener`, runs over a span that
    ends at the first match of `stop`, and then checks a tail.

    Every start between a failed start and its stop reaches the same stop and the same tail, so
    it fails too: the scan goes on from the stop. `bang` lets a match begin one `!` before the
    opener (`!?\\[`); `local(text, i)` is a condition on the start alone (a lookbehind), whose
    failure skips only that start.
    """
    if len(text) <= SHORT:
        yield from pattern.finditer(text)
        return
    pos = 0
    while True:
        i = text.find(opener, pos)
        if i < 0:
            return
        if local is not None and not local(text, i):
            pos = i + 1
            continue
        start = i - 1 if bang and i > pos and text[i - 1] == "!" else i
        m = pattern.match(text, start)
        if m is None and start != i:
            m = pattern.match(text, i)
        if m is not None:
            yield m
            pos = m.end() if m.end() > start else start + 1
            continue
        s = stop.search(text, i + len(opener))
        pos = s.start() if s else len(text)


def skipping_sub(
    pattern: re.Pattern[str],
    repl: Replacement,
    text: str,
    opener: str,
    stop: re.Pattern[str],
    *,
    bang: bool = False,
    local: Callable[[str, int], bool] | None = None,
) -> str:
    """`pattern.sub(repl, text)` in linear time; see `skipping_finditer`."""
    if len(text) <= SHORT:
        return pattern.sub(repl, text)
    out: list[str] = []
    last = 0
    for m in skipping_finditer(pattern, text, opener, stop, bang=bang, local=local):
        out += [text[last : m.start()], _expand(m, repl)]
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def delimited_sub(
    text: str,
    delimiters: tuple[str, ...],
    *,
    word_bounded: bool = False,
) -> str:
    """The spans `d content d` within a line replaced by their content, as
    `re.sub(r"(d1|d2|…)(?=\\S)(.+?)(?<=\\S)\\1", r"\\2", text)` does; with `word_bounded`, the
    span may not touch a letter or digit on either side (`(?<![^\\W_])…(?![^\\W_])`).

    The regex scans to the end of the line from each opening mark that is never closed
    (`*a *a *a …`); here the closing marks are listed once and each opening mark looks up the
    first one after it.
    """
    closes = {
        d: [m.start() for m in _closes(d, word_bounded).finditer(text)] if d in text else []
        for d in delimiters
    }
    # no span can open after the last closing mark
    limit = max((found[-1] for found in closes.values() if found), default=0)
    marks = _marks(delimiters)
    newlines = [m.start() for m in _NEWLINE.finditer(text, 0, limit)]
    out: list[str] = []
    last = pos = 0
    while (m := marks.search(text, pos, limit)) is not None:
        p = m.start()
        if word_bounded and p > 0 and text[p - 1].isalnum():
            pos = p + 1
            continue
        for d in delimiters:
            c = p + len(d)
            if not text.startswith(d, p) or c >= len(text) or text[c].isspace():
                continue
            found = closes[d]
            k = bisect_left(found, c + 1)
            if k == len(found):
                continue
            q = found[k]
            n = bisect_left(newlines, c)
            if n < len(newlines) and newlines[n] < q:
                continue  # a span ends on its line
            out += [text[last:p], text[c:q]]
            last = pos = q + len(d)
            break
        else:
            pos = p + 1
    out.append(text[last:])
    return "".join(out)


@lru_cache(maxsize=16)
def _closes(d: str, word_bounded: bool) -> re.Pattern[str]:
    """Where `d` may close a span: after a non-space (and before no letter or digit). The
    pattern opens with `d`'s first character, which the engine jumps to (one that opens with a
    lookbehind is tried at every character), and takes only that character: marks that
    overlap (`***`) are each found, as `(?<=\\S)(?=d)` finds them."""
    after = r"(?![^\W_])" if word_bounded else ""
    first, rest = re.escape(d[0]), re.escape(d[1:])
    return re.compile(rf"{first}(?<=\S{first})(?={rest}{after})")


@lru_cache(maxsize=16)
def _marks(delimiters: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(
        "[" + "".join(re.escape(c) for c in dict.fromkeys(d[0] for d in delimiters)) + "]"
    )
