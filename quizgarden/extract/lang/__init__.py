"""Language as data: one small table per language, and the patterns rules build from them.

Rules match structure (headings, list items, tables, callouts); where a rule needs words (the
copula of a defining sentence, how a question opens, which heading only organises), it asks this
module, which joins the tables of every language: a vault mixes languages, often in one note.
"""

from __future__ import annotations

import re

from . import de, en, es, fr, it, zh
from .table import Table

TABLES: tuple[Table, ...] = (en.TABLE, zh.TABLE, de.TABLE, es.TABLE, fr.TABLE, it.TABLE)

__all__ = [
    "COPULA",
    "FIELD_NAME",
    "LABEL_WORD",
    "LIST_LABEL",
    "QUESTION",
    "STRUCTURAL_HEADING",
    "TABLES",
    "Table",
    "vocabulary",
]


def _words(field: str) -> list[str]:
    """Every table's entries for `field`, longest first so that "is a" loses to "is defined as"."""
    out = {w for table in TABLES for w in getattr(table, field)}
    return sorted(out, key=lambda w: (-len(w), w))


def _latin(word: str) -> bool:
    return not "\u3400" <= word[:1] <= "\u9fff"


def _alternation(words: list[str]) -> str:
    """Latin words match whole words; CJK entries match anywhere (no spaces between words)."""
    spaced = [w.replace(" ", r"\s+") for w in words]
    return "|".join(rf"(?<!\w){w}(?!\w)" if _latin(w) else w for w in spaced)


def vocabulary() -> str:
    """Every entry of every table, as one text: what the rules fingerprint hashes."""
    return repr(TABLES)


_STRUCTURAL = _alternation(_words("structural_headings"))
#: A heading that organises a text rather than names something to learn ("Summary", "总结").
STRUCTURAL_HEADING = re.compile(rf"^(?:{_STRUCTURAL})$", re.I)
#: A label that asks for the list under it: "Causes", "Symptômes", "优点".
LIST_LABEL = re.compile(rf"^(?:{_alternation(_words('list_labels'))})$", re.I)
#: A word that labels something without naming it: "N.B", "Example", "Beispiel".
LABEL_WORD = re.compile(rf"^(?:{_alternation(_words('label_words'))})$", re.I)
#: A Dataview key that is metadata whatever its value: "author", "status".
FIELD_NAME = re.compile(rf"^(?:{_alternation(_words('field_names'))})$", re.I)
#: Subject, copula, rest: "LoRA is a fine-tuning method …", "感受野是指 …", "Ein Enzym ist ein …".
COPULA = re.compile(rf"\s*(?P<verb>{_alternation(_words('copulas'))})\s*", re.I)
_STARTS = _alternation(_words("question_words"))
_ENDS = "|".join(_words("question_ends"))
#: A sentence that asks: opens with a question word or ends like a question.
QUESTION = re.compile(rf"^(?:¿|{_STARTS})|(?:[?？]|{_ENDS})$", re.I)
