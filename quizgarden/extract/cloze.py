"""Cloze cards: `{{c1::text}}` (with `::hint`), the Flashcards plugin's `{1:text}`, and, in notes
marked for flashcards, highlights and the Spaced Repetition plugin's `{{text}}`.

One card per cloze number: its front is the block with only that number's deletions marked.
Highlights and `{{text}}` count only where the author opted in (a `#flashcards` tag or one the
vault's plugin settings name, `quiz: {highlight: true}`), as the Obsidian Spaced Repetition plugin
does: ordinary highlights are emphasis, and `{{Front}}` in a note about Anki templates is text.
A `{1:text}` (the number and colon are the Flashcards plugin's own shape) is a cloze anywhere
outside code and math; `x_{1:n}` is a subscript.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import PLUGIN_CLOZE, PLUGIN_HINT, Context, clean_card_text
from .deletions import CLOZE, CURLY, closed, each_span, numbered
from .text import INLINE_CODE

HIGHLIGHT = re.compile(r"==(?=\S)([^=\n]+?)(?<=\S)==")
#: bold text, a cloze where the vault's OSR settings convert bold text to clozes
BOLD = re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*")
_MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.S)


def find(ctx: Context) -> Iterator[Candidate]:
    curly = ctx.curly_clozes
    for n, block in enumerate(ctx.blocks):
        if block.kind not in {"paragraph", "item", "heading"} or block.skipped:
            continue
        bold = ctx.bold_clozes and "**" in block.text
        if not (bold or _may_hold_cloze(block.text, highlights=ctx.highlights, curly=curly)):
            continue
        # an item's own lines: the items nested under it are blocks of their own
        last = block.line + block.text.count("\n") if block.kind == "item" else block.end
        if any(n in ctx.claimed for n in range(block.line, last + 1)):
            continue
        own, lines = _without_cards(ctx, _without_title(block), block.line, last)
        text, block_id, deck = clean_card_text(own)
        no_code = INLINE_CODE.sub(_blank, text)
        # braces inside math are LaTeX; a highlight may hold math (`==$\\sqrt{d}$==`)
        masked = _MATH.sub(_blank, no_code) if "$" in no_code else no_code
        if "{{c" in no_code and CLOZE.search(no_code, 0, closed(no_code)):
            cards = list(numbered(text, block.line))
        elif "{" in masked and PLUGIN_CLOZE.search(masked):
            cards = list(numbered(_plugin_clozes(text, masked), block.line))
        else:
            spans = list(CURLY.finditer(masked)) if curly and "{{" in masked else []
            if ctx.highlights and "==" in no_code:
                spans = sorted([*spans, *HIGHLIGHT.finditer(no_code)], key=lambda m: m.start())
            if bold:
                spans = sorted([*spans, *BOLD.finditer(masked)], key=lambda m: m.start())
            if not spans:
                continue
            cards = list(_each(spans, text, block.line))
        if cards:
            for line in lines:
                ctx.claim(line, line)
            named = _named_by(ctx, n, block)
            for card in cards:
                yield Candidate(
                    card.rule,
                    card.type,
                    f"{named}\n{card.front}" if named else card.front,
                    card.back,
                    card.line,
                    block_id=block_id,
                    side=card.side,
                    deck=deck,
                )


def _may_hold_cloze(text: str, *, highlights: bool, curly: bool) -> bool:
    """The cheap test first: whether `text` holds anything a cloze is written with."""
    if "{" in text and ("{{c" in text or (curly and "{{" in text) or PLUGIN_HINT.search(text)):
        return True
    return highlights and "==" in text


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _named_by(ctx: Context, n: int, block: Block) -> str | None:
    """The line that names what a list of clozes is about, right above its items in the same
    block of text (`> group I compounds` / `> - general solubility: {{soluble}}`): the plugin
    shows a cloze with its whole block, and without that line every such item reads alike
    (`general solubility: {{…}}` once for each compound)."""
    if block.kind != "item" or block.parent is not None:
        return None
    above = ctx.before_items[n]
    if above < 0:
        return None
    lead = ctx.blocks[above]
    first = ctx.blocks[above + 1] if above + 1 < len(ctx.blocks) else None
    if (
        lead.kind != "paragraph"
        or "\n" in lead.text
        or first is None
        or first.line != lead.line + 1
        or lead.quoted != block.quoted
        or "{" in lead.text
        or "==" in lead.text
    ):
        return None
    name = lead.text.strip()
    return name if 0 < len(name) <= _NAME and not _TAGS.fullmatch(name) else None


_NAME = 80
_TAGS = re.compile(r"(?:#[^\s#]+\s*)+")  # `#flashcards`: the note's tags, no name


def _without_title(block: Block) -> str:
    """A callout's text without its title line (`> [!info] card`: a label, not the card),
    unless the title holds the cloze."""
    if not block.callout_title or "\n" not in block.text:
        return block.text
    title, rest = block.text.split("\n", 1)
    return rest if "{" not in title and "==" not in title else block.text


def _without_cards(ctx: Context, text: str, line: int, last: int) -> tuple[str, list[int]]:
    """`text` without the lines that are one-line cards in the note's own separator (they are
    cards of their own: OSR reads a note line by line), and the file lines that stay."""
    lines = list(range(line, last + 1))
    if not ctx.inline_marks or not any(mark in text for mark in ctx.inline_marks):
        return text, lines
    rows = text.split("\n")
    keep = [k for k, row in enumerate(rows) if not any(m in row for m in ctx.inline_marks)]
    offset = len(lines) - len(rows)  # a callout title dropped above: lines start later
    kept_lines = [line + offset + k for k in keep if k + offset < len(lines)]
    return "\n".join(rows[k] for k in keep), kept_lines


def _plugin_clozes(text: str, masked: str) -> str:
    """`text` with the `{1:text}` clozes found in `masked` written as `{{c1::text}}`."""
    out, last = [], 0
    for m in PLUGIN_CLOZE.finditer(masked):
        out.append(text[last : m.start()])
        out.append(f"{{{{c{m.group(1)}::{text[m.start(2) : m.end(2)]}}}}}")
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def _each(spans: list[re.Match[str]], text: str, line: int) -> Iterator[Candidate]:
    """One card per span (a highlight, a `{{text}}`, found where code and math do not hide it)."""
    for k, (front, answer) in enumerate(each_span(spans, text), start=1):
        yield Candidate("cloze", "cloze", front, answer, line, side=k)
