"""No control character or escape sequence from a note or a file name reaches the terminal raw:
OSC 52 (write the clipboard), CSI (clear the screen), C1 controls, in every command's output."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.terminal import json_line, make_console, printable

OSC52 = "\x1b]52;c;aGFja2Vk\x07"  # puts "hacked" on the clipboard
CLEAR = "\x1b[2J"
C1_CSI = "\x9b2J"
NOTE = f"Q: Copy{OSC52} this?\nA: yes{CLEAR} and{C1_CSI} done\n"
RAW = ("\x1b", "\x07", "\x9b")


def assert_clean(text: str) -> None:
    for char in RAW:
        assert char not in text, repr(text)


def test_printable_shows_controls_as_visible_stand_ins() -> None:
    assert printable(f"a{OSC52}b\tc\nd") == "a␛]52;c;aGFja2Vk␇b\tc\nd"
    assert printable("x\x9b\x7fy\r") == "x\ufffd␡y␍"
    line = json_line({"a": f"{OSC52}{C1_CSI}\x7f"})
    assert_clean(line)
    assert json.loads(line) == {"a": f"{OSC52}{C1_CSI}\x7f"}  # the data itself is kept


def test_rich_output_keeps_its_colours_but_not_the_notes_escapes() -> None:
    from rich.table import Table

    buffer = io.StringIO()
    console = make_console(file=buffer, force_terminal=True, color_system="standard", width=60)
    table = Table("front")
    table.add_row(f"Copy{OSC52}")
    console.print(table, style="red")
    console.print(f"warning: {CLEAR}", markup=False)
    output = buffer.getvalue()
    assert "\x1b[31m" in output  # rich's own colour codes still work
    assert "]52;" in output and "\x1b]52" not in output and "\x07" not in output
    assert "\x1b[2J" not in output


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    root.mkdir()
    (root / "n.md").write_text(NOTE, encoding="utf-8")
    # a file name with an escape in it, which gives a warning (bad frontmatter)
    (root / f"evil{OSC52}.md").write_text("---\na: [\n---\nQ: x?\nA: y\n", encoding="utf-8")
    return root


# Midday: a card reviewed now comes back in its 10-minute learning step today, which it would
# not do shortly before the day's 4 a.m. rollover.
NOW = "2026-03-02T12:00:00+00:00"


def run(*args: str | Path, stdin: str | None = None):
    result = CliRunner().invoke(
        app, [str(a) for a in args], input=stdin, env={"QUIZGARDEN_NOW": NOW}
    )
    assert result.exit_code == 0, result.output
    return result


def test_extract_sync_cards_and_review_never_print_escapes(vault: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    outputs = []
    for args in (
        ["extract", vault],
        ["extract", vault, "--json"],
        ["sync", vault, "--db", db],
        ["cards", vault, "--db", db],
        ["cards", vault, "--db", db, "--json"],
    ):
        result = run(*args)
        outputs.append(result)
        assert_clean(result.stdout)
        assert_clean(result.stderr)
    assert "␛]52" in outputs[0].stdout  # shown, not obeyed
    assert "evil␛]52;c;aGFja2Vk" in outputs[0].stderr  # the warning names the file
    assert any(
        json.loads(line)["front"] == f"Copy{OSC52} this?" for line in outputs[1].stdout.splitlines()
    )
    for extra in ([], ["--json"]):
        review = run("review", vault, "--db", db, *extra, stdin="3\n3\nq\n")
        assert_clean(review.stdout)
        assert_clean(review.stderr)
        assert "Copy" in review.stdout


def test_the_review_screen_draws_no_escape_from_a_card(vault: Path, tmp_path: Path) -> None:
    from quizgarden.review.runner import Shown
    from quizgarden.review.screen import TerminalScreen, render_card

    screen = TerminalScreen()
    buffer = io.StringIO()
    screen.console = make_console(file=buffer, force_terminal=True, width=80)
    db = tmp_path / "c.db"
    run("sync", vault, "--db", db)
    from quizgarden.store import open_collection, queue

    collection = open_collection(db)
    try:
        ids = [row[0] for row in collection.execute("SELECT id FROM cards").fetchall()]
        items = [queue.load_item(collection, card_id) for card_id in ids]
    finally:
        collection.close()
    for item in items:
        minute = timedelta(minutes=1)
        intervals = {1: minute, 2: minute, 3: minute, 4: minute}
        shown = Shown(item=item, counts=(1, 0, 0), done=0, intervals=intervals, vault=vault)
        screen.console.print(render_card(shown, True, [f"note {CLEAR}"], width=80))
    output = buffer.getvalue()
    assert "]52;" in output and "\x1b]52" not in output and "\x1b[2J" not in output
    assert "\x9b" not in output


def test_stats_config_json_and_error_lines_never_print_escapes(vault: Path, tmp_path: Path) -> None:
    """The commands the first test does not run, and the one-line errors that quote user text
    (a deck filter, a vault path), with an escape in a folder (deck) name too."""
    db = tmp_path / "c.db"
    deck = vault / f"deck{OSC52}x"
    deck.mkdir()
    (deck / f"n{OSC52}.md").write_text(NOTE, encoding="utf-8")
    run("sync", vault, "--db", db)
    outputs = [
        run("stats", vault, "--db", db).output,
        run("stats", vault, "--db", db, "--json").output,
        run("cards", vault, "--db", db, "--json").output,
        run("config", vault, "--set", "new_per_day", "5", "--deck", f"d{OSC52}").output,
        run("config", vault, "--deck", f"d{OSC52}").output,
        run(
            "review", vault, "--db", db, "--json", "--deck", f"deck{OSC52}x", stdin="3\nq\n"
        ).output,
    ]
    for args in (
        ["cards", str(vault), "--db", str(db), "--deck", f"zz{OSC52}"],
        ["sync", str(tmp_path / f"gone{OSC52}"), "--db", str(db)],
    ):
        failed = CliRunner().invoke(app, args)
        assert failed.exit_code == 1
        outputs.append(failed.output + failed.stderr)
    assert "]52;c;aGFja2Vk" in "".join(outputs)  # the text is shown, made harmless
    for text in outputs:
        assert_clean(text)
