"""Questions hidden in an HTML comment, answered by what follows it:

    <!-- What lowers the risk of a stroke? -->

    Treating **high blood pressure**.

Some authors keep their prompts out of the rendered page this way (and sync them to Anki with
their own scripts). A comment is a question when it reads as one (it ends with `?` or `？`), or
when the note holds several comments of prose each followed by an answer: that is a note written
as prompts. The answer is everything up to the next comment, heading or skip mark.

A comment over cards the author wrote (`<!-- Bite 1: Vectors — 2025-01-07 -->` over `Q:`/`A:`
pairs) titles them and asks nothing. Tool comments are never questions: `<!--SR:…-->`,
`<!--ID: …-->`, `<!-- quiz:skip -->`, `<!-- TODO: … -->` (a `key:` comment), one-word markers
(`<!--IMPORTANT-->`, `<!-- more -->`), and a tool's block markers, a hyphened name with its
attributes (`<!-- basicblock-start oid="ObsiYFr9…" -->`, `<!-- basicblock-end -->`), which open
and close cards a syncing plugin reads, and are no prompt of their own.
An id the syncing tool appended to the prompt (`b:1234567890`) is not part of the question.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text
from .text import ATX_HEADING

#: Prose comments, each followed by an answer, before a note counts as written in prompts.
MIN_PROMPTS = 3
_MAX_PROMPT = 200

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
# "SR:!2024-…", "ID: 1699…", "quiz:skip", "TODO: …"; and the markers programmers leave
_TOOL = re.compile(r"^\s*(?:[\w-]+\s*:|(?:TODO|FIXME|XXX|HACK|NOTE|TBD|WIP|BUG)\b)")
# "basicblock-start oid=\"…\"": an element of a tool's, named and given attributes as HTML is
_MARKER = re.compile(r'[^\W_]+(?:-[^\W_]+)+(?:\s+[\w-]+="[^"]*")*')
# what a syncing tool appends to the prompt: "b:535447805274", "^card-17", "1699999999999"
_TOOL_ID = re.compile(r"(?:\s+(?:\w{1,4}:|\^)?[\w-]*\d{6,}[\w-]*)+\s*$")
_WORDS = re.compile(r"[^\W\d_]{2,}")
# a table's delimiter row and a remote picture alone on a line: layout, not answer text
_NOT_SHOWN = re.compile(
    r"^\s*(?:\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?|!\[[^\]]*\]\(https?://[^)]*\))\s*$"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_STOPS = frozenset({"heading", "html", "skip", "skip-end"})


def find(ctx: Context) -> Iterator[Candidate]:
    prompts = [
        (n, prompt)
        for n, block in enumerate(ctx.blocks)
        if block.kind == "html" and not block.skipped and "<!--" in block.text
        for prompt in [_prompt(block.text)]
        if prompt and _answered(ctx, n)
    ]
    many = len(prompts) >= MIN_PROMPTS
    for n, prompt in prompts:
        if not (many or prompt.endswith(("?", "？"))):
            continue
        comment, after = ctx.blocks[n], ctx.blocks[n + 1]
        if any(line in ctx.claimed for line in range(comment.line, comment.end + 1)):
            continue
        if any(line in ctx.claimed for line in range(after.line, after.end + 1)):
            continue  # `Q:`/`A:` cards under it: the comment titles a batch of cards, asks nothing
        last = _answer_end(ctx, n)
        first_line, end_line = ctx.blocks[n + 1].line, ctx.blocks[last].end
        body = ctx.lines[first_line - ctx.note.body_line : end_line - ctx.note.body_line + 1]
        kept = (ATX_HEADING.sub("", line) for line in body if not _NOT_SHOWN.match(line))
        back, block_id, deck = clean_card_text("\n".join(kept).strip())
        front, _, _ = clean_card_text(prompt)
        if not front or not back:
            continue
        ctx.claim(comment.line, end_line)
        yield Candidate("commented", "basic", front, back, comment.line, block_id, deck=deck)


def _prompt(html: str) -> str:
    """The question a block holding only one comment asks, or "" for any other HTML."""
    m = _COMMENT.fullmatch(html.strip())
    if m is None:
        return ""
    text = " ".join(m.group(1).split())
    if not text or len(text) > _MAX_PROMPT or _TOOL.match(text) or _MARKER.fullmatch(text):
        return ""
    text = _TOOL_ID.sub("", text).rstrip(" .")
    wordy = len(_WORDS.findall(text)) >= 2 or len(_CJK.findall(text)) >= 4
    return text if wordy else ""


def _answered(ctx: Context, n: int) -> bool:
    """Whether the block after comment `n` is text that can answer it."""
    nxt = ctx.blocks[n + 1] if n + 1 < len(ctx.blocks) else None
    return nxt is not None and nxt.kind not in _STOPS and not nxt.skipped


def _answer_end(ctx: Context, n: int) -> int:
    """Index of the last block answering comment `n`: the blocks up to the next comment, skip
    mark or heading of the comment's own level or above (a sub-heading is part of the answer)."""
    above = ctx.blocks[n].heading
    level = ctx.blocks[above].level if above is not None else 0
    last = n + 1
    for k in range(n + 2, len(ctx.blocks)):
        block: Block = ctx.blocks[k]
        if block.skipped or (block.kind in _STOPS and not _deeper(block, level)):
            break
        last = k
    return last


def _deeper(block: Block, level: int) -> bool:
    """A heading below the comment's own section (`### O2` inside `## Min 0 to 1`)."""
    return block.kind == "heading" and level > 0 and block.level > level
