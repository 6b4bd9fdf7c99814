"""Rich tables for listing cards in the terminal."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.table import Table


def cards_table(rows: Iterable[Mapping[str, Any]], *, title: str) -> Table:
    """A readable table of cards: where each came from, which rule, and both sides."""
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("note:line", style="dim", no_wrap=False, ratio=2)
    table.add_column("rule", ratio=1)
    table.add_column("front", ratio=4)
    table.add_column("back", ratio=5)
    for row in rows:
        rule = row["rule"] + ("" if row.get("mined") else " ✎")
        table.add_row(f"{row['note']}:{row['line']}", rule, row["front"], _short(row["back"]))
    return table


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
