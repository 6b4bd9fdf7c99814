"""Language as data: one small table per language, and the patterns rules build from them.

Rules match structure (headings, list items, tables, callouts); where a rule needs words (the
copula of a defining sentence, how a question opens, which heading only organises), it asks this
module, which joins the tables of every language: a vault mixes languages, often in one note.
"""

from __future__ import annotations

import re

from . import de, en, es, fr, it, pt, zh
from .table import Table

TABLES: tuple[Table, ...] = (
    en.TABLE,
    zh.TABLE,
    de.TABLE,
    es.TABLE,
    fr.TABLE,
    it.TABLE,
    pt.TABLE,
)

__all__ = [
    "ARTICLE",
    "COPULA",
    "DEICTIC",
    "FIELD_NAME",
    "GLOSS_HEADER",
    "JOINER",
    "LABEL_WORD",
    "LIST_LABEL",
    "OPENER",
    "PREPOSITION",
    "PROOF_HEADING",
    "QUESTION",
    "STRUCTURAL_HEADING",
    "SUBJECT_STOPWORD",
    "TABLES",
    "Table",
    "vocabulary",
]


def _words(field: str) -> list[str]:
    """Every table's entries for `field`, longest first so that "is a" loses to "is defined as"."""
    out = {w for table in TABLES for w in getattr(table, field)}
    return sorted(out, key=lambda w: (-len(re.sub(r"\(\?<?[!=][^)]*\)", "", w)), w))


def _latin(word: str) -> bool:
    """Words between spaces; a CJK entry has no word boundaries to match."""
    return not any("\u3400" <= ch <= "\u9fff" for ch in word)


def _alternation(words: list[str]) -> str:
    """Latin words match whole words; CJK entries match anywhere (no spaces between words).

    The word-boundary checks wrap each group once, not each word: the regex engine then tests
    one lookbehind per position instead of one per word, which keeps rules linear and fast.
    """
    spaced = [w.replace(" ", r"\s+") for w in words]
    latin = "|".join(w for w in spaced if _latin(w))
    cjk = "|".join(w for w in spaced if not _latin(w))
    groups = ([rf"(?<!\w)(?:{latin})(?![\w-])"] if latin else []) + ([f"(?:{cjk})"] if cjk else [])
    return "|".join(groups) or "(?!)"


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
#: A first word that makes a sentence's subject a pronoun or a clause: "This", "Es", "这".
SUBJECT_STOPWORD = re.compile(rf"^(?:{_alternation(_words('subject_stopwords'))})", re.I)
#: A pronoun anywhere: a question that points at its context ("Does it hold?", "这里为什么").
DEICTIC = re.compile(_alternation(_words("deictic")), re.I)
#: A word that joins two names or makes a phrase of one ("Overfitting and underfitting",
#: "ResNet的目标"): a subject with one is not a term.
JOINER = re.compile(_alternation(_words("joiners")), re.I)
#: How a paragraph that continues a text opens ("Next, …", "接下来…"): it explains no heading.
OPENER = re.compile(rf"^(?:{_alternation(_words('openers'))})", re.I)
#: A table column header that means "what the row's term means".
GLOSS_HEADER = re.compile(rf"^(?:{_alternation(_words('gloss_headers'))})$", re.I)
_ARTICLES = "|".join(w if w.endswith("'") else w + r"\s+" for w in _words("articles"))
#: A leading article: "The ", "Der ", "l'".
ARTICLE = re.compile(rf"^(?:{_ARTICLES})", re.I)
_QUESTION_WORDS = _words("question_words")
# a Latin question word must lead into more words: "Comment" alone is a heading, not a question
_STARTS = _alternation([w for w in _QUESTION_WORDS if _latin(w)])
_CJK_STARTS = "|".join(w for w in _QUESTION_WORDS if not _latin(w))
_ENDS = "|".join(_words("question_ends"))
#: A sentence that asks: opens with a question word or ends like a question.
QUESTION = re.compile(rf"^(?:¿|(?:{_STARTS})(?=\s+\S)|{_CJK_STARTS})|(?:[?？]|{_ENDS})$", re.I)
#: A preposition that opens a phrase: "According to …", "Unter …"; such a phrase is no term.
PREPOSITION = re.compile(rf"^(?:{_alternation(_words('prepositions'))})", re.I)
#: A heading over steps rather than results: "Derivation", "Beweis", "推导过程".
PROOF_HEADING = re.compile(rf"^(?:{_alternation(_words('proof_headings'))})$", re.I)
