"""Tables written in HTML: `<table>` blocks read as the rows of a Markdown table.

A note converted by Pandoc, or written for a Jekyll, Hugo or VitePress site, keeps its tables as
HTML (`<tr><td>Bernoulli $B(p)$</td><td>Distribution for binary variables.</td>…`); the table
is the same glossary or comparison a pipe table would be, so the table rule reads its cells the
same way. A table whose cells span rows or columns (`rowspan`, `colspan`) sets its cells under
columns only a browser lays out, and a table within a cell nests one table in another: neither
is read.
"""

from __future__ import annotations

import html
import re

from .blocks import HTML_TAG, Block, html_as_marks
from .context import HTML_BREAK, Context

_TABLE = re.compile(r"<table\b", re.I)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr\s*>", re.I | re.S)
_CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t[hd]\s*>", re.I | re.S)
_SPANNED = re.compile(r"\b(?:rowspan|colspan)\s*=", re.I)
_SPACE = re.compile(r"\s+")


def is_html_table(block: Block) -> bool:
    """Whether an HTML block holds one table, as a site or Pandoc writes a note's table."""
    return block.kind == "html" and len(_TABLE.findall(block.text)) == 1


def html_table_rows(ctx: Context, block: Block) -> tuple[list[list[str]], list[int]]:
    """The rows of the one table in an HTML block, header first, each a list of its cells as
    Markdown text (`<strong>` as `**`, `<br>` kept as the break a pipe table's cell holds,
    entities read: `&#x2714;` is `✔`), and the file line each row opens on; none where a cell
    spans rows or columns or holds a table of its own."""
    source = "\n".join(ctx.line_text(n) for n in range(block.line, block.end + 1))
    start = _TABLE.search(source)
    if start is None or _SPANNED.search(source):
        return [], []
    end = source.lower().find("</table", start.end())
    inner = source[start.end() : end if end >= 0 else len(source)]
    if _TABLE.search(inner):
        return [], []
    rows: list[list[str]] = []
    lines: list[int] = []
    offset = start.end()
    for row in _ROW.finditer(inner):
        cells = [_cell_text(m.group(2)) for m in _CELL.finditer(row.group(1))]
        if cells:
            rows.append(cells)
            lines.append(block.line + source.count("\n", 0, offset + row.start()))
    return rows, lines


def _cell_text(cell: str) -> str:
    """A cell's HTML as the Markdown a pipe table's cell would hold: one line, its emphasis as
    marks, its other tags gone."""
    text = html_as_marks(HTML_BREAK.sub("<br>", cell))
    text = HTML_TAG.sub(lambda m: m.group(0) if m.group(0) == "<br>" else "", text)
    return _SPACE.sub(" ", html.unescape(text)).strip()
