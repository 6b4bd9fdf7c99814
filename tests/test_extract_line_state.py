"""The block parser's own state (`_LineState`) gives the tokens markdown-it's gives, less those
no block is built from (`_READ`: closing tags, list wrappers, rules, a table's rows and cells)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from markdown_it.parser_block import ParserBlock

from quizgarden.extract.blocks import _READ, _parser, prepare

EDGES = [
    "",
    " ",
    "\n",
    "a",
    "a\n",
    "a\n  ",
    "a\n  \n",
    "\t x\n \t\ty\n  \t",
    "- a\n  b\n\n  c\n",
    "> a\nb\n> c",
    "    code\n\tmore\n",
    "1. x\n   y\n   > q\n   > r\n",
    "Title\n===\n\ntext\n---\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "$$\nx = 1\n$$\n",
]
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _tokens(md, text: str, *, all_kept: bool = True) -> list[tuple[object, ...]]:
    """The tokens of `text`, each as a tuple of its fields; not `hidden`, which markdown-it sets
    on a tight list's paragraphs by counting tokens from them and nothing here reads. Without
    `all_kept`, only those `parse_blocks` reads (as `_LineState.push` keeps them)."""
    out, table = [], False
    for token in md.parse(text):
        if not all_kept and (token.type not in _READ or table):
            table = table and token.type != "table_close"
            continue
        table = token.type == "table_open"
        out.append(dataclasses.astuple(dataclasses.replace(token, hidden=False)))
    return out


def test_same_tokens_as_markdown_it() -> None:
    ours = _parser()
    theirs = _parser.__wrapped__()
    theirs.block.parse = ParserBlock.parse.__get__(theirs.block)  # markdown-it's own state
    texts = list(EDGES)
    if CORPUS.is_dir():
        notes = sorted(CORPUS.rglob("*.md"))[:200]
        texts += [p.read_bytes().decode("utf-8", "replace") for p in notes]
    for text in texts + [prepare(t) for t in texts]:
        assert _tokens(ours, text) == _tokens(theirs, text, all_kept=False), text[:80]
