"""The field lines of a deck's card records: `hint: …`, `source: …`, `tags: …` under a card.

A deck kept for a drill script or a plain-text tool writes each card as a record: its `Q:` and
`A:` lines (or its `C:` line), then more fields of the same shape, one a line. The tool that
reads the deck ends the answer where the record's next field begins, and so do we. What makes a
line a field is its shape, not its key: it stands at the record's left edge, as the answer's own
line does, opens with a short key and a colon, and the note's records repeat it (the same key in
two or more records). A line of an answer that happens to open with a word and a colon ("mass:
kilogram" under "A: length: metre") is one record's own text, and stays in its answer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .text import LINE_LEAD

#: A field's key and colon: one short word, maybe qualified in brackets (`accept[ordered]:`),
#: then a space or the line's end; not a number (`10:30`) nor a link (`https://`).
_FIELD = re.compile(r"(?P<key>[^\W\d_][\w-]{0,23}(?:\[[\w -]{1,24}\])?)[:：](?=\s|$)")
#: In how many of a note's records a key must open a line to be a field of its records.
MIN_RECORDS = 2


def opens_with(text: str, marker: str) -> bool:
    """A record's `Q:` marker also opens it with a full-width colon (`Q：`), as Chinese
    keyboards type it."""
    if text.startswith(marker):
        return True
    return marker.endswith(":") and text.startswith(marker[:-1] + "：")


def edge(line: str) -> str:
    """Where a record's lines open: the quote marks, indent and list marker before the text."""
    match = LINE_LEAD.match(line)
    return match.group() if match else ""


def field_key(line: str, at: str) -> str | None:
    """The key of `line` as a field of a record whose lines open with `at`, else None."""
    if not line.startswith(at) or edge(line) != at:
        return None
    match = _FIELD.match(line, len(at))
    return match.group("key").casefold() if match else None


def repeated(records: Iterable[Iterable[str | None]], markers: Iterable[str]) -> frozenset[str]:
    """The keys that open a field line in `MIN_RECORDS` or more of the records, each record
    given as the keys of its lines; the card's own markers (`q`, `a`) are no fields."""
    counts = Counter(key for keys in records for key in {k for k in keys if k is not None})
    own = {m.rstrip(":：").casefold() for m in markers}
    return frozenset(k for k, n in counts.items() if n >= MIN_RECORDS and k not in own)


def until_field(lines: list[str], keys: list[str | None], fields: frozenset[str]) -> list[str]:
    """A record's answer lines up to the first of its field lines (`keys` holds each line's)."""
    for n, key in enumerate(keys):
        if key is not None and key in fields:
            return lines[:n]
    return lines
