"""Rich tables for what the CLI lists: extracted cards, scheduled cards, a sync summary."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
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


def schedule_table(
    found: Iterable[tuple[Any, Any]],
    *,
    now: datetime | None = None,
    width: int = 120,
    ids: bool = False,
) -> Table:
    """Stored cards with their schedule; the full record is in `quiz cards --json`.

    A card a review will not show says why in its state: suspended, buried, rejected or
    retired. The source keeps its line number whatever the width: the path is shortened.
    With `ids`, the first column holds the start of each id, enough for `quiz unsuspend`.
    """
    from rich.cells import cell_len

    from .review.text import short_source
    from .store.queries import is_buried

    rows = list(found)
    table = Table(title=f"{len(rows)} cards", expand=True)
    limit = max(16, width // 6)
    sources = [short_source(card.note, card.line, limit) for card, _ in rows]
    if ids:
        table.add_column("id", no_wrap=True, style="dim")
    table.add_column("front", ratio=4)
    table.add_column("back", ratio=4)
    table.add_column("deck", ratio=2, style="dim")
    table.add_column("state")
    table.add_column("due", no_wrap=True)
    table.add_column(
        "note:line", style="dim", no_wrap=True, min_width=max(map(cell_len, sources), default=9)
    )
    for (card, state), source in zip(rows, sources, strict=True):
        flags = [
            name
            for name, on in (
                ("retired", card.retired is not None),
                ("rejected", card.rejected is not None),
                ("suspended", state.suspended),
                ("buried", is_buried(state, now)),
            )
            if on
        ]
        shown_state = state.state + "".join(f" ({flag})" for flag in flags)
        due = state.due.strftime("%Y-%m-%d") if state.due else ""
        cells = (_short(card.front, 120), _short(card.back, 120), card.deck, shown_state, due,
                 source)  # fmt: skip
        table.add_row(*map(Text, (card.id[:8], *cells) if ids else cells))
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
