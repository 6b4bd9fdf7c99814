"""Rich tables for what the CLI lists: extracted cards, scheduled cards, a sync summary."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.table import Table
from rich.text import Text


def cards_table(rows: Iterable[Mapping[str, Any]], *, title: str) -> Table:
    """A readable table of cards: where each came from, which rule, and both sides."""
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("note:line", style="dim", no_wrap=False, ratio=2)
    table.add_column("rule", ratio=1)
    table.add_column("front", ratio=4)
    table.add_column("back", ratio=5)
    for row in rows:
        rule = row["rule"] + ("" if row.get("mined") else " ✎")
        # note text is never rich markup
        cells = (f"{row['note']}:{row['line']}", rule, row["front"], _short(row["back"]))
        table.add_row(*map(Text, cells))
    return table


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def schedule_table(found: Iterable[tuple[Any, Any]]) -> Table:
    """Stored cards with their schedule; the full record is in `quiz cards --json`."""
    rows = list(found)
    table = Table(title=f"{len(rows)} cards", expand=True)
    table.add_column("front", ratio=4)
    table.add_column("back", ratio=4)
    table.add_column("deck", ratio=2, style="dim")
    table.add_column("state", no_wrap=True)
    table.add_column("due", no_wrap=True)
    table.add_column("note:line", ratio=2, style="dim")
    for card, state in rows:
        flag = " (retired)" if card.retired else " (rejected)" if card.rejected else ""
        due = state.due.strftime("%Y-%m-%d") if state.due else ""
        cells = (_short(card.front, 120), _short(card.back, 120), card.deck, state.state + flag,
                 due, f"{card.note}:{card.line}")  # fmt: skip
        table.add_row(*map(Text, cells))
    return table


def sync_summary(report: Any) -> Table:
    """What a sync did, in two lines."""
    table = Table.grid(padding=(0, 2))
    failed = f"[red]{report.notes_failed} failed[/]" if report.notes_failed else "0 failed"
    table.add_row(
        "[bold]notes[/]", f"{report.notes_scanned} scanned", f"{report.notes_changed} changed",
        f"{report.notes_skipped} unchanged", f"{report.notes_removed} removed", failed,
    )  # fmt: skip
    table.add_row(
        "[bold]cards[/]", f"[green]{report.cards_new} new[/]", f"{report.cards_updated} updated",
        f"{report.cards_moved} moved", f"{report.cards_retired} retired",
        f"{report.cards_revived} revived",
    )  # fmt: skip
    if report.problems:
        table.add_row("[yellow]warnings[/]", f"{len(report.problems)} (listed above)")
    return table


def settings_table(rows: Iterable[tuple[str, Any, str]], *, deck: str | None) -> Table:
    """Each setting, its value, where the value comes from and what it means."""
    from .settings import meaning

    table = Table(title="Settings" + (f" for deck {deck}" if deck else ""))
    for column in ("setting", "value", "from", "meaning"):
        table.add_column(column)
    for name, current, source in rows:
        shown = " ".join(map(str, current)) if isinstance(current, tuple) else str(current)
        table.add_row(name, Text(shown or "(FSRS-6 defaults)"), source, meaning(name))
    return table
