"""What the review screen shows, rendered to plain text; cloze and math text transforms."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO
from pathlib import Path

from rich.console import Console

from quizgarden.model import Card, CardState
from quizgarden.review.runner import Shown
from quizgarden.review.screen import render_card
from quizgarden.review.text import back_text, fill_cloze, front_text, latex_to_unicode, mask_cloze
from quizgarden.store.queue import QueueItem

INTERVALS = {1: timedelta(minutes=1), 2: timedelta(minutes=6), 3: timedelta(minutes=10),
             4: timedelta(days=8)}  # fmt: skip


def render(shown: Shown, revealed: bool) -> str:
    console = Console(file=StringIO(), width=80, color_system=None)
    console.print(render_card(shown, revealed, width=80))
    return console.file.getvalue()


def cloze_card() -> Card:
    front = "The {{c2::mitochondria::organelle}} makes {{c1::ATP}} from $C_6H_{12}O_6$"
    return Card("c" * 16, "bio/cell.md", "cloze", "cloze", front, "mitochondria", "Bio::Cells",
                (), 14, side=2)  # fmt: skip


def test_cloze_front_masks_only_this_cards_gap():
    card = cloze_card()
    assert front_text(card.front, card.type, card.side) == "The [organelle] makes ATP from C₆H₁₂O₆"
    assert back_text(card.front, card.back, card.type, 2) == (
        "The **mitochondria** makes ATP from C₆H₁₂O₆"
    )
    assert mask_cloze("{{c1::a}} {{c1::b}}", 1) == "[...] [...]"
    assert fill_cloze("{{c1::a}} {{c3::b::hint}}", 3, mark="_") == "a _b_"


def test_latex_becomes_readable_unicode():
    assert latex_to_unicode(r"$\alpha^2 + \beta_i$") == "α² + βᵢ"
    assert latex_to_unicode(r"$\sum_{i=1}^n i = \frac{n(n+1)}{2}$") == "∑ᵢ₌₁ⁿ i = n(n+1)/2"
    assert latex_to_unicode("costs $5 and $6 today") == "costs $5 and $6 today"
    assert latex_to_unicode(r"$\sqrt{x}$ and $$\int_0^1 x\,dx$$").startswith("√x and")


def test_screen_before_and_after_reveal():
    item = QueueItem(cloze_card(), CardState("c" * 16))
    shown = Shown(item, (3, 1, 5), 2, INTERVALS, Path("/vault"))
    hidden = render(shown, False)
    assert "Bio::Cells · bio/cell.md:14" in hidden
    assert "new 3  learning 1  review 5" in hidden
    assert "The [organelle] makes ATP from C₆H₁₂O₆" in hidden
    assert "mitochondria" not in hidden and "space/enter: show answer" in hidden
    lines = hidden.splitlines()
    # the progress bar has a line of its own and the question panel keeps its top border
    bar = next(i for i, line in enumerate(lines) if "━" in line)
    assert set(lines[bar].strip()) <= {"━", "╺", "╸"}
    assert lines[bar + 1].startswith("╭") and "Question" in lines[bar + 1]
    shown_answer = render(shown, True)
    assert "The mitochondria makes ATP" in shown_answer
    for label in ("1 Again", "2 Hard", "3 Good", "4 Easy", "1m", "6m", "10m", "8d"):
        assert label in shown_answer
