"""The three faces of `quiz review`: a rich terminal screen, plain text lines, JSON lines.

Only this module (and cli.py) prints. Each screen takes a `Shown` card and draws it; the
terminal screen also reads single keys, the others read one answer a line.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING, Any

from ..model import CardState
from ..schedule import format_interval
from ..terminal import json_line, make_console, printable
from .input import Command, parse_command, read_key, read_line
from .runner import Shown
from .session import Summary
from .text import back_text, front_text, hard_breaks, plain, short_source

if TYPE_CHECKING:  # rich's renderables are imported where they are drawn: start-up stays light
    from rich.console import Group
    from rich.markdown import Markdown
    from rich.text import Text

LABELS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
# anything Markdown would render differently from plain text: emphasis, code, links, headings,
# lists, quotes, tables, HTML, escapes, line breaks
_MARKUP = re.compile(r"[*_`#\[\]<>|~&\\\n]|^\s*(?:[-+]|\d+[.)])\s")
STYLES = {1: "bold red", 2: "bold yellow", 3: "bold green", 4: "bold cyan"}


def _source(shown: Shown, width: int | None = None) -> str:
    """Deck and `note:line`; in `width` cells, the path is shortened, never the line number."""
    card = shown.item.card
    if width is None:
        return f"{card.deck} · {card.note}:{card.line}"
    from rich.cells import cell_len

    deck = card.deck if cell_len(card.deck) <= width // 3 else "…" + card.deck[-(width // 3) :]
    return f"{deck} · {short_source(card.note, card.line, max(12, width - cell_len(deck) - 3))}"


def _buttons(shown: Shown) -> str:
    return "  ".join(
        f"{rating} {LABELS[rating]} {format_interval(shown.intervals[rating])}" for rating in LABELS
    )


def summary_lines(summary: Summary) -> list[str]:
    minutes, seconds = divmod(round(summary.seconds), 60)
    retention = "n/a" if summary.retention is None else f"{summary.retention:.0%}"
    ratings = ", ".join(f"{LABELS[r]} {n}" for r, n in summary.ratings.items() if n)
    return [
        f"Cards reviewed: {summary.reviewed}" + (f" ({ratings})" if ratings else ""),
        f"Time: {minutes}m {seconds:02d}s",
        f"Retention this session: {retention}",
        f"Due tomorrow: {summary.due_tomorrow} reviews, {summary.new_tomorrow} new",
    ]


def _summary_dict(summary: Summary) -> dict[str, Any]:
    return {
        "event": "summary",
        "reviewed": summary.reviewed,
        "seconds": round(summary.seconds, 1),
        "retention": summary.retention,
        "due_tomorrow": summary.due_tomorrow,
        "new_tomorrow": summary.new_tomorrow,
        "ratings": {LABELS[r].lower(): n for r, n in summary.ratings.items()},
    }


class PlainScreen:
    """No terminal: each card as plain text (question, answer, buttons), one answer a line."""

    reveals = False

    def __init__(self, stdin: IO[str] | None = None, stdout: IO[str] | None = None) -> None:
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout

    def _print(self, text: str = "") -> None:
        self.stdout.write(printable(text) + "\n")
        self.stdout.flush()

    def show(self, shown: Shown, revealed: bool) -> None:
        card = shown.item.card
        new, learning, review = shown.counts
        self._print(f"--- {_source(shown)}  [new {new} · learning {learning} · review {review}]")
        self._print("Q: " + plain(front_text(card.front, card.type, card.side)))
        self._print("A: " + plain(back_text(card.front, card.back, card.type, card.side)))
        self._print(_buttons(shown))
        self.stdout.write("> ")
        self.stdout.flush()

    def ask(self, revealed: bool) -> Command | None:
        while True:
            line = read_line(self.stdin)
            if line is None:
                return None
            command = parse_command(line)
            if command is None:
                self.message(
                    f"? {line!r}: answer 1-4 (again|hard|good|easy), u, s, b, r, x or q",
                    "unknown_answer",
                )
                continue
            if command == "reveal" or command == "open":
                continue
            return command

    def recorded(self, shown: Shown, rating: int, after: CardState, review_id: int) -> None:
        assert after.due is not None
        self._print(f"{LABELS[rating]}: next in {format_interval(shown.intervals[rating])}")

    def message(self, text: str, event: str = "message", **data: object) -> None:
        self._print(text)

    def summary(self, summary: Summary) -> None:
        self._print("=== Session over")
        for line in summary_lines(summary):
            self._print(line)


class JsonScreen(PlainScreen):
    """`--json`: one object a line for each card shown, rating recorded, message and summary."""

    def _emit(self, obj: dict[str, Any]) -> None:
        self._print(json_line(obj))

    def show(self, shown: Shown, revealed: bool) -> None:
        card = shown.item.card
        new, learning, review = shown.counts
        self._emit(
            {
                "event": "card",
                "card_id": card.id,
                "deck": card.deck,
                "note": card.note,
                "line": card.line,
                "state": shown.item.state.state,
                "front": plain(front_text(card.front, card.type, card.side)),
                "back": plain(back_text(card.front, card.back, card.type, card.side)),
                "intervals": {
                    LABELS[r].lower(): format_interval(d) for r, d in shown.intervals.items()
                },
                "left": {"new": new, "learning": learning, "review": review},
            }
        )

    def recorded(self, shown: Shown, rating: int, after: CardState, review_id: int) -> None:
        self._emit(
            {
                "event": "rating",
                "card_id": shown.item.card.id,
                "review_id": review_id,
                "rating": rating,
                "state": after.state,
                "due": after.due.isoformat() if after.due else None,
                "stability": after.stability,
                "difficulty": after.difficulty,
            }
        )

    def message(self, text: str, event: str = "message", **data: object) -> None:
        self._emit({"event": event, "message": text, **data})

    def summary(self, summary: Summary) -> None:
        self._emit(_summary_dict(summary))


class TerminalScreen:
    """A full-screen rich view redrawn for every card; single keys from the terminal."""

    reveals = True

    def __init__(self) -> None:
        self.console = make_console(highlight=False)
        self.notes: list[str] = []

    def show(self, shown: Shown, revealed: bool) -> None:
        self.console.clear()
        self.console.print(render_card(shown, revealed, self.notes, width=self.console.width))
        self.notes = []

    def ask(self, revealed: bool) -> Command | None:
        while True:
            command = parse_command(read_key())
            if command is not None:
                return command

    def recorded(self, shown: Shown, rating: int, after: CardState, review_id: int) -> None:
        self.notes.append(f"{LABELS[rating]}: next in {format_interval(shown.intervals[rating])}")

    def message(self, text: str, event: str = "message", **data: object) -> None:
        self.notes.append(text)

    def summary(self, summary: Summary) -> None:
        from rich.panel import Panel

        self.console.clear()
        for note in self.notes:
            self.console.print(note, markup=False)
        self.console.print(Panel("\n".join(summary_lines(summary)), title="Session over"))


def _markdown(text: str) -> Text | Markdown:
    """Markdown for text that has some; plain text otherwise.

    rich.markdown (markdown-it, pygments) takes ~70 ms to import: most cards are one plain
    sentence, so the first card comes up without it.
    """
    from rich.text import Text

    if _MARKUP.search(text) is None:
        return Text(text)
    from rich.markdown import Markdown

    return Markdown(hard_breaks(text))  # each line on its own line, as Obsidian shows it


def render_card(shown: Shown, revealed: bool, notes: Sequence[str] = (), width: int = 80) -> Group:
    """The screen for one card as a rich renderable (tests render it to plain text)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.progress_bar import ProgressBar
    from rich.table import Table
    from rich.text import Text

    card = shown.item.card
    new, learning, review = shown.counts
    left = new + learning + review
    total = shown.done + left
    parts: list[Any] = []
    header = Table.grid(expand=True)
    header.add_column()
    header.add_column(justify="right")
    header.add_row(
        Text(_source(shown, width - 34), style="dim"),  # 34: the counts on the right
        Text.assemble(
            ("new ", "dim"), (str(new), "blue"), ("  learning ", "dim"), (str(learning), "red"),
            ("  review ", "dim"), (str(review), "green"),
        ),
    )  # fmt: skip
    parts.append(header)
    bar = Table.grid(expand=True)  # a bare ProgressBar ends without a line break
    bar.add_row(ProgressBar(total=max(total, 1), completed=shown.done, width=width))
    parts.append(bar)
    parts.append(Panel(_markdown(front_text(card.front, card.type, card.side)), title="Question"))
    if revealed:
        answer = _markdown(back_text(card.front, card.back, card.type, card.side))
        parts.append(Panel(answer, title="Answer", border_style="green"))
        buttons = Table.grid(padding=(0, 2))
        cells = []
        for rating in LABELS:
            buttons.add_column(justify="center")
            cells.append(
                Text.assemble(
                    (f"{rating} {LABELS[rating]}", STYLES[rating]),
                    "\n",
                    (format_interval(shown.intervals[rating]), "dim"),
                )
            )
        buttons.add_row(*cells)
        parts.append(buttons)
    else:
        parts.append(Text("space/enter: show answer", style="dim"))
    for note in notes:
        parts.append(Text(note, style="magenta"))
    keys = "u undo · s suspend · b bury · r bring back · o edit note · x reject · q quit"
    parts.append(Text(keys, style="dim"))
    return Group(*parts)
