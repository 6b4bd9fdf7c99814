"""A numbered true/false question bank: `12. The heart has four chambers. T`, one statement a line,
its verdict (`T`/`F`, `V`/`F`, `True`/`False`, `Vero`/`Falso`, …) last.

The shape counts only when the note holds a bank, not one sentence that happens to end in a
capital letter: at least `MIN_STATEMENTS` numbered lines end in a verdict, both verdicts occur, and
they make most of the numbered lines around them. The card asks the statement and answers with
the verdict as the author wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .context import Context, clean_card_text

#: Numbered statements with a verdict before a note counts as a true/false bank.
MIN_STATEMENTS = 5

# Answer marks, true first: a letter or a word, in the languages quizgarden reads.
_TRUE = ("T", "V", "W", "True", "Vero", "Wahr", "Vrai", "Verdadero", "Verdadeiro", "Verdad")
_FALSE = ("F", "Falso", "False", "Falsch", "Faux", "Falsa")
_VERDICT = "|".join(sorted({*_TRUE, *_FALSE}, key=len, reverse=True))
_STATEMENT = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?\d{1,4}[.)]?[ \t]+(?P<front>\S.*?\S)"
    rf"[ \t]+\(?(?P<verdict>{_VERDICT})\)?[ \t]*$",
    re.I,
)
_STATEMENTS = re.compile(_STATEMENT.pattern, re.I | re.M)
# every false verdict starts with "F": a pattern with a literal first is scanned fast
_FALSE_END = re.compile(
    "F(?:"
    + "|".join(w[1:] for word in _FALSE[1:] for w in (word, word.upper()))
    + r")?\)?[ \t]*(?:\n|$)"
)
_NUMBERED = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?\d{1,4}[.)]?[ \t]+\S")


def find(ctx: Context) -> Iterator[Candidate]:
    body = ctx.note.body
    if _FALSE_END.search(body) is None or len(_STATEMENTS.findall(body)) < MIN_STATEMENTS:
        return  # most notes hold no line ending in a false verdict (a fast scan for "F")
    first = ctx.note.body_line
    found: list[tuple[int, str, str]] = []
    numbered = 0
    for n, line in enumerate(ctx.lines):
        if not line or not _NUMBERED.match(line):
            continue  # the cheap test first
        numbered += 1
        m = _STATEMENT.match(line)
        if m is None or not ctx.usable(first + n) or first + n in ctx.claimed:
            continue
        verdict = m.group("verdict")
        if verdict.isupper() or verdict[0].isupper():  # "… is a cat. f" reads as a typo
            found.append((n, m.group("front"), verdict))
    kinds = {v.lower() in {t.lower() for t in _TRUE} for _, _, v in found}
    if len(found) < MIN_STATEMENTS or len(kinds) < 2 or 2 * len(found) < numbered:
        return
    for n, statement, verdict in found:
        front, block_id, deck = clean_card_text(statement)
        if len(front.split()) < 3:
            continue  # "3 F": a numbered answer key, not a statement
        ctx.claim(first + n, first + n)
        yield Candidate("truefalse", "basic", front, verdict, first + n, block_id, deck=deck)
