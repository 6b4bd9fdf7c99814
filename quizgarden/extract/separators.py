"""A note's own card separators, read from how the note is written.

The Spaced Repetition plugin lets a vault replace `::` and `?` with anything (`;;`, `,,`,
`-?-?->`, `--->`), and the setting lives in the vault's plugin folder, which a copied or
published note leaves behind. What stays is the shape: the same run of punctuation used on
several lines as `front SEP back`, or alone on a line between a question and its answer. A run
that ordinary prose or Markdown also makes (`...`, a `--` dash, `**`, `==`, `~~`, `$$`, table
pipes, arrows such as `->` that the arrow rule reads, `:=`) never counts, and one or two uses
are not enough: a separator is something an author types on purpose, card after card.

An HTML tag alone on a line (`<br class="f">`, `<hr>`) is a separator only where the plugin's
schedule comment (`<!--SR:...-->`) closes the card it parts, twice or more: elsewhere it is
layout.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from functools import lru_cache

#: Lines using a run as `front SEP back` before it is read as the note's single-line separator.
MIN_INLINE_USES = 3
#: Lines holding only a run, between text lines, before it is read as a multiline separator.
MIN_MULTILINE_USES = 2
#: Uses enough when each is followed by the plugin's schedule comment (`<!--SR:...-->`), which
#: says the plugin itself read the line as a card.
MIN_SCHEDULED_USES = 2

# Characters a separator is made of. Brackets, quotes, `*`, `_`, `#`, `$`, `|`, `/`, `\`, `%`,
# `&` and backticks are Markdown or prose and never part of one.
_SEP_CHARS = r";,?!:=~<>+@^\-."
# each byte of UTF-8 as 1 where it is a separator character, else 0: every separator character
# is ASCII, and no other character's UTF-8 holds an ASCII byte
_SEP_BYTES = bytes(re.fullmatch(f"[{_SEP_CHARS}]", chr(b)) is not None for b in range(256))
_ALONE = re.compile(rf"\n[ \t]*([{_SEP_CHARS}][{_SEP_CHARS}]+)[ \t]*(?=\n)")
_LONGEST = 8
# prose punctuation a run may start with, glued to the separator: "What is X?;;Y"
_LEADING = re.compile(r"^[.?!]+")
# arrows the arrow rule reads, comparisons and definitions in formulas
_ARROW = re.compile(r"[-=<>]{2,3}")
_WORD = re.compile(r"\w")
_SCHEDULE = "<!--SR:"
_TAG_ALONE = re.compile(r"\n[ \t]*(<[A-Za-z][^<>\n]*>)[ \t]*(?=\n)")


@lru_cache(maxsize=1024)
def ordinary(token: str) -> bool:
    """Whether `token` is punctuation that prose or Markdown makes anyway, never a separator."""
    chars = set(token)
    if len(chars) == 1:
        # "...", "--", "==", "~~", "!!", "??", "::", "++", ">>": only ";;" and ",," are separators
        return not chars <= {";", ","}
    if len(token) == 2:
        return True  # "?!", ".,", ":=", "->", "=>", "~>": prose, formulas and arrows
    if ("." in chars or "," in chars) and not chars <= {",", ";"}:
        return True  # "...,", "e.g.,": sentence punctuation
    if chars <= {"?", "!"} or ":=" in token or "=:" in token or "<!" in token:
        return True  # "?!?", "::=", "<!--"
    if token[0] == ">" and token[-1] == "<":
        return True  # "H<sup>+</sup>": the end of one HTML tag, a sign, the next tag's start
    return _ARROW.fullmatch(token) is not None  # "-->", "==>", "<=>"


def line_runs(body: str) -> set[str]:
    """Every run of two or more separator characters in `body`, as `[SEP][SEP]+` finds them.

    A regex search led by a class tests each character in turn (about 60 instructions a
    character); the runs are found instead in the note's UTF-8 with every byte marked as a
    separator character or not, where `bytes.find` skips from one pair of marks to the next."""
    raw = body.encode("utf-8", "surrogatepass")  # (a lone surrogate is no separator either)
    marks = raw.translate(_SEP_BYTES)
    runs: set[str] = set()
    start = marks.find(b"\x01\x01")
    while start >= 0:
        end = marks.find(b"\x00", start)
        if end < 0:
            end = len(marks)
        runs.add(raw[start:end].decode("ascii"))
        start = marks.find(b"\x01\x01", end)
    return runs


def inline_separators(
    lines: Sequence[str], skip: Collection[int], first: int, taken: Collection[str], body: str
) -> tuple[str, ...]:
    """Runs used as `front SEP back` on at least `MIN_INLINE_USES` lines of the note (body
    `lines`, whose first is file line `first`, joined as `body`; file lines in `skip` are code),
    most used first. Runs in `taken` (the separators already read) are left out."""
    seen: set[str] = set()
    for run in line_runs(body):  # most notes have none that count
        if len(run) > _LONGEST:
            continue
        for token in {run, _LEADING.sub("", run)}:
            if len(token) >= 2 and not ordinary(token) and _not_taken(token, taken):
                seen.add(token)
    if not seen:
        return ()
    uses: Counter[str] = Counter()
    scheduled: Counter[str] = Counter()
    for n, line in enumerate(lines):
        if not any(token in line for token in seen):
            continue
        if first + n in skip or line.lstrip().startswith("#"):
            continue  # code, and headings: a title is not a card
        for token in seen:
            if token in line and _splits(line, token):
                uses[token] += 1
                if n + 1 < len(lines) and lines[n + 1].lstrip().startswith(_SCHEDULE):
                    scheduled[token] += 1
    found = [
        t
        for t, count in uses.most_common()
        if count >= MIN_INLINE_USES or scheduled[t] >= MIN_SCHEDULED_USES
    ]
    # "What is X?;;Y" counts for "?;;" and ";;": the shorter, used as often, is the separator
    # ("K:@:-2.9" counts for ":@:-" and ":@:"); one inside the other ("::@::" and ":@:") can be
    # two of the vault's
    return tuple(
        t
        for t in found
        if not any(
            s != t and (t.startswith(s) or t.endswith(s)) and uses[s] >= uses[t] for s in found
        )
    )


def _not_taken(token: str, taken: Collection[str]) -> bool:
    """`token` holds no separator already read, except as both its ends (`::@::` around `::`):
    a vault that wraps the plugin's separator makes its own, where `?::` is only a question
    mark glued to `::`."""
    for t in taken:
        if t in token:
            mid = token[len(t) : -len(t)]
            if not (token.startswith(t) and token.endswith(t) and mid and t not in mid):
                return False
    return True


def _splits(line: str, token: str) -> bool:
    """`line` is `front TOKEN back`: the token once, with words on both sides."""
    at = line.find(token)
    if line.find(token, at + 1) >= 0:
        return False
    return bool(_WORD.search(line[:at])) and bool(_WORD.search(line[at + len(token) :]))


def _formula(line: str) -> bool:
    """A line of LaTeX (`\\sum_i x_i`, `$$`): a run between two of them is part of a formula."""
    return line.startswith(("\\", "$$")) or line.endswith("$$")


def multiline_separators(
    lines: Sequence[str], skip: Collection[int], first: int, taken: Collection[str], body: str
) -> tuple[str, ...]:
    """Runs standing alone on a line between two text lines, on at least `MIN_MULTILINE_USES`
    lines of the note (arguments as for `inline_separators`)."""
    uses: Counter[str] = Counter()
    n, at = 0, 0
    for m in _ALONE.finditer(body):  # the lines holding only a run, found in one pass in C
        n += body.count("\n", at, m.start() + 1)  # the run's line: after the newline matched
        at = m.start() + 1
        mark = m.group(1)
        if len(mark) > _LONGEST:
            continue
        if mark in taken or mark[0] in "<>+" or first + n in skip or not 0 < n < len(lines) - 1:
            continue
        if ordinary(mark) and not (len(mark) > 2 and set(mark) == {"?"}):  # "???" is one
            continue
        above, below = lines[n - 1].strip(), lines[n + 1].strip()
        if above and below and not _formula(above) and not _formula(below):
            uses[mark] += 1
    found = [t for t, count in uses.most_common() if count >= MIN_MULTILINE_USES]
    if _SCHEDULE in body:
        found += [t for t in _scheduled_tags(lines, skip, first, body) if t not in taken]
    return tuple(found)


def _scheduled_tags(
    lines: Sequence[str], skip: Collection[int], first: int, body: str
) -> list[str]:
    """HTML tags alone on a line between a question and an answer that the plugin's schedule
    comment closes, on at least `MIN_SCHEDULED_USES` cards."""
    uses: Counter[str] = Counter()
    n, at = 0, 0
    for m in _TAG_ALONE.finditer(body):
        n += body.count("\n", at, m.start() + 1)
        at = m.start() + 1
        if first + n in skip or not 0 < n < len(lines) - 1 or not lines[n - 1].strip():
            continue
        end = n + 1
        while (
            end < len(lines)
            and lines[end].strip()
            and not lines[end].lstrip().startswith(_SCHEDULE)
        ):
            end += 1
        if end > n + 1 and end < len(lines) and lines[end].lstrip().startswith(_SCHEDULE):
            uses[m.group(1)] += 1
    return [t for t, count in uses.most_common() if count >= MIN_SCHEDULED_USES]
