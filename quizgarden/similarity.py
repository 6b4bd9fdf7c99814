"""How alike two card texts are: the fuzzy measure behind re-matching edited cards.

Pure text functions, knowing nothing of cards or notes: `normalize_text` folds text for exact
comparison (ids, duplicates), `tokens` turns it into a bag of words (CJK as character bigrams)
and `similarity` scores two bags, so that a typo fix or an added sentence still finds the card's
old id while a different question does not.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

_WORD = re.compile(r"\w+")
# Han, Hiragana, Katakana, Hangul, CJK punctuation: scripts written without spaces
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")


def normalize_text(text: str) -> str:
    """Text folded for comparison: NFKC, case-folded, whitespace collapsed."""
    return " ".join(nfkc(text).split()).casefold()


#: Characters CJK text is full of that NFKC changes (fullwidth punctuation, the no-break space,
#: the ellipsis), each with its compatibility decomposition: replacing them first leaves NFKC's
#: result as it was (it decomposes them so before composing), and most text then needs no more.
_COMPATIBLE = tuple((c, unicodedata.normalize("NFKD", c)) for c in "，（）：？；！．～\xa0…")


def nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`. Where text holds a single character NFKC changes,
    `normalize` decomposes and recomposes all of it (a CJK paragraph with one "，" took a
    hundred times as long as a check); the common such characters are replaced first, in C,
    and the text is normalised only where the check finds more."""
    if not text.isascii():
        for wide, narrow in _COMPATIBLE:
            if wide in text:
                text = text.replace(wide, narrow)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def tokens(text: str) -> Counter[str]:
    """Words of `text`, normalised; runs of CJK characters become character bigrams.

    Chinese and Japanese have no spaces, so one "word" would be a whole sentence; bigrams make a
    one-character typo cost two tokens out of many instead of the whole sentence.
    """
    out: Counter[str] = Counter()
    for word in _WORD.findall(normalize_text(text)):
        start = 0
        for run in _CJK.finditer(word):
            if run.start() > start:
                out[word[start : run.start()]] += 1
            chars = run.group()
            if len(chars) == 1:
                out[chars] += 1
            out.update(chars[i : i + 2] for i in range(len(chars) - 1))
            start = run.end()
        if start < len(word):
            out[word[start:]] += 1
    return out


def _weight(counter: Counter[str]) -> int:
    return sum(len(t) * n for t, n in counter.items())


def _common_weight(a: Counter[str], b: Counter[str]) -> float:
    """Characters shared by two token bags; near-equal long words (typos) count by their ratio."""
    common = 0.0
    for tok in a.keys() & b.keys():
        common += len(tok) * min(a[tok], b[tok])
    rest_a = sorted((a - b).elements())
    rest_b = sorted((b - a).elements())
    if not rest_a or not rest_b:
        return common
    used: set[int] = set()
    for tok in rest_a:
        if len(tok) < 4:
            continue
        best, best_j = 0.0, -1
        for j, other in enumerate(rest_b):
            if j in used or len(other) < 4 or abs(len(other) - len(tok)) > 2:
                continue
            ratio = SequenceMatcher(None, tok, other, autojunk=False).ratio()
            if ratio > best:
                best, best_j = ratio, j
        if best >= 0.75:
            used.add(best_j)
            common += best * (len(tok) + len(rest_b[best_j])) / 2
    return common


def similarity(a: Counter[str], b: Counter[str], *, containment: bool = False) -> float:
    """How alike two token bags are, 0..1 (weighted Dice).

    With `containment`, one text holding nearly all of the other also counts (a sentence added
    to an answer), slightly discounted, when the shorter text is not trivially short.
    """
    if a == b:
        return 1.0
    wa, wb = _weight(a), _weight(b)
    if not wa or not wb:
        return 0.0
    common = _common_weight(a, b)
    score = 2 * common / (wa + wb)
    if containment and min(wa, wb) >= 12:
        score = max(score, 0.9 * common / min(wa, wb))
    return min(score, 1.0)


def text_similarity(a: str, b: str, *, containment: bool = False) -> float:
    """`similarity` over two strings."""
    return similarity(tokens(a), tokens(b), containment=containment)
