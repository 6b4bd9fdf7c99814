"""One-line cards: `front::back`, and `front:::back` which makes a card each way."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .cloze import closed
from .context import Context, clean_card_text
from .qa import LEAD

_INLINE_CODE = re.compile(r"(`+).+?\1")
_CLOZE = re.compile(r"\{\{c\d+::.*?\}\}", re.S)
_MATH = re.compile(r"\$\$?[^$\n]+\$\$?")
# a URL starts at the first letter of a run of scheme characters: anchoring the run at its start
# (rather than trying each of its characters) keeps a 100,000-letter line linear
_URL = re.compile(r"(?<![a-z0-9+.\-])[0-9+.\-]*+(?P<url>[a-z][a-z0-9+.\-]*+://\S+)", re.I)
# `std::vector`, `Foo::bar()`: qualified names in prose are not cards
_QUALIFIED = re.compile(r"\b[a-z_]\w*+::[A-Za-z_~]\w*+(?:::|\(|<)|\bstd::")


def find(ctx: Context) -> Iterator[Candidate]:
    seps = ctx.separators
    for n, raw in enumerate(ctx.lines):
        line_no = ctx.note.body_line + n
        if seps.inline not in raw or not ctx.usable(line_no) or line_no in ctx.claimed:
            continue
        text = LEAD.sub("", raw)
        masked = _mask(text)
        reversed_ = seps.inline_reversed in masked
        sep = seps.inline_reversed if reversed_ else seps.inline
        at = masked.find(sep)
        if at <= 0 or (not reversed_ and _qualified(masked)):
            continue
        front, block_id, deck = clean_card_text(text[:at])
        back, block_id2, deck2 = clean_card_text(text[at + len(sep) :])
        if not front or not back:
            continue
        ctx.claim(line_no, line_no)
        kind = "reversed" if reversed_ else "basic"
        common = {"block_id": block_id or block_id2, "deck": deck or deck2}
        yield Candidate("inline", kind, front, back, line_no, **common)
        if reversed_:
            yield Candidate("inline", kind, back, front, line_no, side=1, **common)


def _mask(text: str) -> str:
    """`text` with inline code, clozes and math blanked out, keeping offsets."""
    if "`" in text:
        text = _INLINE_CODE.sub(_blank, text)
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
