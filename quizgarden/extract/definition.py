"""Definitions nobody tagged: `术语：解释`, `Term: explanation`, `**Term** — explanation`.

Found in list items and short paragraphs, one per line. The term must be a name (short, no
sentence in it) and the explanation must say something: labels with a link (`原始论文：<url>`),
values (`参数大小：1B`), lists of names and breadcrumbs are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .context import Context, clean_card_text
from .text import is_explanation, is_term, strip_markup

MAX_LINE = 400
_ITEM_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_BOLD_TERM = re.compile(
    r"^(?:\*\*|__)(?P<term>[^*_\n]{1,60}?)(?:[:：])?(?:\*\*|__)\s*(?P<sep>[:：]|—|–|--|-)?\s*(?P<rest>.*)$"
)
_LATEX_ROW = re.compile(r"^\s*[=&]|\\\\\s*$|\\(?:frac|sum|begin|end)\b")
# the first colon that is not part of a URL or a time: "Term: x", "术语：解释"
_COLON = re.compile(r"(?<!https)(?<!http)(?<!ftp)(：|:(?!//|\d))")


def split_definition(line: str) -> tuple[str, str] | None:
    """(term, explanation) when `line` reads as a definition, else None."""
    line = _ITEM_MARK.sub("", line.strip())
    if not line or len(line) > MAX_LINE:
        return None
    m = _BOLD_TERM.match(line)
    if m and (m.group("sep") or m.group("term").rstrip().endswith((":", "："))):
        term, rest = m.group("term").strip().rstrip(":："), m.group("rest").strip()
    else:
        c = _COLON.search(line)
        if not c or c.start() == 0:
            return None
        term, rest = line[: c.start()].strip(), line[c.end() :].strip()
    if not is_term(term) or not is_explanation(rest) or _LATEX_ROW.search(rest):
        return None
    return strip_markup(term), rest


def find(ctx: Context) -> Iterator[Candidate]:
    for block in ctx.blocks:
        if block.kind not in {"paragraph", "item"} or not ctx.free(block):
            continue
        for offset, line in enumerate(block.text.split("\n")):
            if ":" not in line and "：" not in line and "**" not in line and "__" not in line:
                continue
            found = split_definition(line)
            if found is None:
                continue
            term, explanation = found
            back, block_id, deck = clean_card_text(explanation)
            yield Candidate(
                "definition",
                "basic",
                term,
                back,
                block.line + offset,
                block_id=block_id,
                deck=deck,
            )
