"""One-line cards: `front::back`, and `front:::back` which makes a card each way.

`<br>` inside a line is a line break the author typed in a table-less editor: two cards joined by
it (`Q1::A1<br>Q2::A2`) are two cards, and a `<br>` inside one answer is a new line of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate, CardType, Separators
from .context import HTML_BREAK, Context, clean_card_text
from .dataview import is_inline_field
from .deletions import closed
from .text import INLINE_CODE, LINE_LEAD

_CLOZE = re.compile(r"\{\{c\d+::.*?\}\}", re.S)
_MATH = re.compile(r"\$\$?[^$\n]+\$\$?")
# a URL starts at the first letter of a run of scheme characters: anchoring the run at its start
# (rather than trying each of its characters) keeps a 100,000-letter line linear
_URL = re.compile(r"(?<![a-z0-9+.\-])[0-9+.\-]*+(?P<url>[a-z][a-z0-9+.\-]*+://\S+)", re.I)
BREAK = HTML_BREAK
# `std::vector`, `Foo::bar()`, `ns::f<T>`: a qualified name in prose is not a card. A lowercase
# `word::name(` is one only when its argument list reads as code (`attention::softmax(QK^T / ...)`
# is a card whose answer is a formula: what the author wrote on purpose wins).
_QUALIFIED = re.compile(
    r"\bstd::|\b[A-Za-z_]\w*+::[A-Za-z_~]\w*+::|\b[A-Za-z_]\w*+::[A-Za-z_~]\w*+<"
    r"|\b[a-z_]\w*+::[A-Za-z_~]\w*+\((?:[\w\s,&*.]*|[^()]*\bconst\b[^()]*)\)"
)


def find(ctx: Context) -> Iterator[Candidate]:
    # the note's own separators (`separators.py`); one that wraps the vault's (`::@::`) is read
    # first, so its lines are not split at the `::` inside it
    own = [Separators(inline=mark, inline_reversed=_NEVER) for mark in ctx.inline_marks]
    for seps in own:
        if ctx.separators.inline in seps.inline:
            yield from _read(ctx, seps, vault=False)
    yield from _read(ctx, ctx.separators, vault=True)
    for seps in own:
        if ctx.separators.inline not in seps.inline:
            yield from _read(ctx, seps, vault=False)


_NEVER = "\x00"  # a reversed separator no text holds: an inferred separator is one-way


def _read(ctx: Context, seps: Separators, *, vault: bool) -> Iterator[Candidate]:
    """The cards of every line written `front SEP back` with the separators `seps`."""
    # a reversed separator holds the plain one ("::" in ":::") unless the vault set them apart
    # ("->->->" and ":::"): then a line may hold either
    apart = seps.inline not in seps.inline_reversed
    if seps.inline not in ctx.text and not (apart and seps.inline_reversed in ctx.text):
        return  # one search in C: most notes hold no separator, and no line is read
    for n, raw in enumerate(ctx.lines):
        line_no = ctx.note.body_line + n
        if seps.inline not in raw and not (apart and seps.inline_reversed in raw):
            continue
        if not ctx.usable(line_no) or line_no in ctx.claimed:
            continue
        if "|" in raw and line_no in ctx.table_lines:
            continue
        text = LINE_LEAD.sub("", raw)
        parts = BREAK.split(text) if "<" in text else [text]
        if len(parts) > 1 and sum(seps.inline in _mask(p) for p in parts) < 2:
            parts = [text]  # one card whose answer runs over several lines
        cards = [card for part in parts for card in _cards(ctx, part, line_no, seps, vault)]
        if cards:
            ctx.claim(line_no, line_no)
            yield from cards


def _cards(ctx: Context, text: str, line_no: int, seps: Separators, vault: bool) -> list[Candidate]:
    masked = _mask(text)
    reversed_ = seps.inline_reversed in masked
    sep = seps.inline_reversed if reversed_ else seps.inline
    at = masked.find(sep)
    if at <= 0 or (vault and not reversed_ and _qualified(masked)):
        return []
    # Dataview metadata (`status:: To Do`), not a question; in a flashcard note too when the
    # note writes its cards with a separator of its own
    metadata_too = not ctx.flashcard_note or bool(ctx.inline_marks)
    if vault and metadata_too and is_inline_field(text, sep):
        return []
    front, block_id, deck = clean_card_text(BREAK.sub("\n", text[:at]))
    back, block_id2, deck2 = clean_card_text(BREAK.sub("\n", text[at + len(sep) :]))
    if "#" in front and ctx.separators.flashcard_tags:
        front = _untagged(front, ctx.separators.flashcard_tags)
    if not front or not back.strip("`"):  # (an empty code span is a blank left to fill)
        return []
    kind: CardType = "reversed" if reversed_ else "basic"
    block, card_deck = block_id or block_id2, deck or deck2
    out = [Candidate("inline", kind, front, back, line_no, block_id=block, deck=card_deck)]
    if reversed_:
        out.append(
            Candidate("inline", kind, back, front, line_no, block_id=block, side=1, deck=card_deck)
        )
    return out


def _untagged(text: str, tags: tuple[str, ...]) -> str:
    """`text` without the flashcard tags the vault's plugin settings name (`#🧠 Question`), as
    `#flashcards` is left out: they mark the card, they are no part of its question."""
    names = "|".join(re.escape(t) for t in tags)
    return re.sub(rf"(?<![\w#])#(?:{names})(?:/[\w\-/]+)?(?![\w-])", "", text).strip()


def _mask(text: str) -> str:
    """`text` with inline code, clozes and math blanked out, keeping offsets."""
    if "`" in text:
        text = INLINE_CODE.sub(_blank, text)
    end = closed(text)  # no cloze runs past the last `}}`
    text = _CLOZE.sub(_blank, text[:end]) + text[end:]
    if "$" in text:
        text = _MATH.sub(_blank, text)
    if "://" not in text:
        return text
    return _URL.sub(lambda m: m.group()[: m.start("url") - m.start()] + _blank(m, "url"), text)


def _qualified(text: str) -> bool:
    """`_QUALIFIED.search(text)`, skipped when it cannot match: it needs `std::`, or a `::` and
    then a second `::`, a `(` or a `<` (a 100 KB card back is not searched at every letter)."""
    if "std::" not in text and text.count("::") < 2 and "(" not in text and "<" not in text:
        return False
    return _QUALIFIED.search(text) is not None


def _blank(m: re.Match[str], group: int | str = 0) -> str:
    return " " * len(m.group(group))
