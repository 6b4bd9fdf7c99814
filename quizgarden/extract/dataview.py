"""Dataview inline fields (`status:: To Do`, `[rating:: 5]`): metadata, not cards.

Dataview and the Spaced Repetition plugin share the `::` separator. The OSR plugin reads cards
only in notes tagged `#flashcards`, so in those notes every `front::back` is a card; elsewhere a
line whose key reads as a field name, or a field in brackets, is left to Dataview.
"""

from __future__ import annotations

import re

from .lang import ARTICLE, FIELD_NAME, PREPOSITION
from .text import is_label_word

# "[rating:: 5]", "(year:: 1999)" anywhere in a line: Dataview's inline form
_BRACKETED = re.compile(r"[\[(][ \t]*[\w][\w \t-]{0,40}::[^\]\n)]*[\])]")
# "date_read", "due-date": an identifier, the way field names are written
_IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+", re.I)
_MARKER = re.compile(r"^\[.\][ \t]*")  # "[i] related:: …": a task or callout-style marker
_KEY = re.compile(r"\w[\w \t-]{0,40}")
_LOWER_WORD = re.compile(r"[a-z][a-z0-9]{0,24}")
_DATA = re.compile(r"\d[\d\-/.: T]*|\[\[[^\]]*\]\]|https?://\S+")
# a value, not an explanation: a date, a number, links, one or two words
_LINK = r"(?:\[\[[^\]]*\]\]|\[[^\]]*\]\([^)]*\))"  # "[[Sodium]]", or as the note reader rewrote it
_VALUE = re.compile(
    rf"\s*(?:\d[\d\-/.: T]*|{_LINK}(?:\s*,\s*{_LINK})*|https?://\S+|#?[\w'’.\-]+(?:\s+[\w'’.\-]+)?)\s*",
)


def is_inline_field(text: str, sep: str = "::") -> bool:
    """`text` (a line without its list marker) is a Dataview field rather than `front::back`."""
    if ("[" in text or "(" in text) and _BRACKETED.search(text):
        return True  # (the bracket looked for first: a scan in C, where the pattern's is slower)
    at = text.find(sep)
    if at <= 0 or sep != "::":
        return False
    key = _MARKER.sub("", text[:at].strip()).strip("*_").strip()
    value = text[at + len(sep) :]
    if not _KEY.fullmatch(key):
        return False  # "What is 2+2?", "`std::vector` in C++": a question or a term, not a key
    if FIELD_NAME.match(key) or _IDENTIFIER.fullmatch(key):
        return True
    if is_label_word(key):
        return True  # "remember:: …", "Note:: …": an annotation of the line, not a question
    if len(key.split()) == 1 and (PREPOSITION.fullmatch(key) or ARTICLE.match(key + " ")):
        return True  # "In:: the [[philosophy of mind]],": a word of a sentence, never a question
    if value.rstrip().endswith((",", "，", ";")):
        return True  # the sentence goes on past the field: "> In:: the [[mind]], …"
    if _LOWER_WORD.fullmatch(key.lower()):
        # "mood:: happy" is written the way Dataview documents fields; "chien::dog" is a card,
        # and so is "osmosis:: the movement of water across a membrane"
        typed_as_field = not text[:at].endswith((" ", "\t")) and value.startswith(" ")
        return typed_as_field and _VALUE.fullmatch(value) is not None
    short = len(key.split()) <= 2
    return short and _DATA.fullmatch(value.strip()) is not None  # "Due Date:: 2024-05-01"
