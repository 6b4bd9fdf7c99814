"""`quiz review` driven without a terminal: one answer a line, days replayed with QUIZGARDEN_NOW."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_review_queue import add_card
from test_review_terminal import easy_label
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.store import open_collection, queue


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    (folder / "notes").mkdir(parents=True)
    (folder / "notes" / "bio.md").write_text("# Bio\n\nQ: Cell?\nA: Unit of life\n", "utf-8")
    db = open_collection(folder / ".quizgarden" / "collection.db")
    add_card(
        db, "a000000000000001", front="Cell?", back="Unit of life", note="notes/bio.md", line=3
    )
    add_card(db, "a000000000000002", front="DNA?", back="Deoxyribonucleic acid", line=7)
    add_card(db, "a000000000000003", rule="definition", front="Osmosis", back="water", line=9)
    db.close()
    return folder


def run(vault: Path, day: str, answers: str, *extra: str):
    result = CliRunner().invoke(
        app,
        ["review", str(vault), "--db", str(vault / ".quizgarden" / "collection.db"), *extra],
        input=answers,
        env={"QUIZGARDEN_NOW": day},
    )
    assert result.exit_code == 0, result.output
    return result


def states(vault: Path) -> dict[str, object]:
    db = open_collection(vault / ".quizgarden" / "collection.db")
    try:
        return {i: queue.load_item(db, i).state for i in ("a000000000000001", "a000000000000002")}
    finally:
        db.close()


def test_scripted_session_over_several_days(vault: Path):
    first = run(vault, "2024-05-10T08:00:00Z", "good\n3\nx\ngood\n3\n")
    out = first.stdout
    assert out.index("Q: Cell?") < out.index("Q: DNA?") < out.index("Q: Osmosis")
    assert "Default · notes/bio.md:3" in out
    assert f"1 Again 1m  2 Hard 6m  3 Good 10m  4 Easy {easy_label('a000000000000001')}" in out
    assert "Rejected: this mined card will not come back." in out
    assert "Cards reviewed: 4 (Good 4)" in out
    day1 = states(vault)
    assert all(s.state == "review" and s.reps == 2 for s in day1.values())
    # the next day nothing is due yet (Good after two steps gives about two days)
    second = run(vault, "2024-05-11T08:00:00Z", "")
    assert "Cards reviewed: 0" in second.stdout and "Q:" not in second.stdout
    # two days later both come back; forget one, remember the other
    third = run(vault, "2024-05-12T09:00:00Z", "again\n4\n1\n3\n")
    assert third.stdout.count("Q: ") == 4  # the forgotten card returns after its step
    assert "Retention this session: 50%" in third.stdout
    day3 = states(vault)
    assert sorted((s.lapses, s.state) for s in day3.values()) == [(0, "review"), (1, "review")]
    db = open_collection(vault / ".quizgarden" / "collection.db")
    kinds = db.execute("SELECT kind, rating FROM reviews ORDER BY id").fetchall()
    assert [k for k, _ in kinds] == ["review"] * 8
    assert db.execute("SELECT rejected FROM cards WHERE rule = 'definition'").fetchone()[0]
    db.close()


def test_json_lines_and_undo(vault: Path):
    result = run(vault, "2024-05-10T08:00:00Z", "1\nu\n2\nq\n", "--json", "--limit", "2")
    events = [json.loads(line) for line in result.stdout.splitlines()]
    kinds = [e["event"] for e in events]
    assert kinds == [
        "card", "rating", "card", "undo", "card", "rating", "card", "learning_later", "summary",
    ]  # fmt: skip
    assert events[0]["card_id"] == events[4]["card_id"] == "a000000000000001"
    assert events[2]["card_id"] == events[6]["card_id"] == "a000000000000002"
    easy = easy_label("a000000000000001")
    assert events[0]["intervals"] == {"again": "1m", "hard": "6m", "good": "10m", "easy": easy}
    assert easy in {f"{days}d" for days in range(6, 11)}  # S 8.3 d, fuzzed as Anki: 6-10 d
    assert events[3]["undoes"] == events[1]["review_id"]
    assert events[-1]["reviewed"] == 1 and events[-1]["ratings"]["hard"] == 1
    db = open_collection(vault / ".quizgarden" / "collection.db")
    log = db.execute("SELECT kind, rating, undoes FROM reviews ORDER BY id").fetchall()
    db.close()
    assert log == [("review", 1, None), ("undo", 0, 1), ("review", 2, None)]


def test_unknown_answer_is_reported_and_asked_again(vault: Path):
    result = run(vault, "2024-05-10T08:00:00Z", "maybe\n3\nq\n")
    assert "? 'maybe': answer 1-4" in result.stdout
    assert "Cards reviewed: 1" in result.stdout


def test_missing_collection_is_one_line_error(tmp_path: Path):
    result = CliRunner().invoke(app, ["review", str(tmp_path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == f"error: no collection at {tmp_path / 'x.db'}; run `quiz sync` first"
    )


def test_nothing_due_says_when_and_how_many_new(vault: Path):
    run(vault, "2024-05-10T08:00:00Z", "3\n3\nx\n3\n3\n")  # both learned, the third rejected
    later = run(vault, "2024-05-10T20:00:00Z", "")
    assert (
        "Nothing due now: the next card is due on Sun 12 May. "
        "New cards: 0 left for today, 0 not yet seen." in later.stdout
    )


def test_nothing_due_counts_the_new_cards_waiting(vault: Path):
    fresh = run(vault, "2024-05-09T08:00:00Z", "q\n", "--new", "0")
    assert (
        "Nothing due now: no card is scheduled. New cards: 3 left for today, 3 not yet seen."
        in fresh.stdout
    )


def test_learning_cards_left_at_quit_say_due_now_or_later(vault: Path):
    first = run(vault, "2024-05-10T08:00:00Z", "1\nq\n")  # Again: back in one minute
    assert "1 learning card(s) due later today, the next at 08:01." in first.stdout
    again = run(vault, "2024-05-10T08:30:00Z", "q\n")  # it is on screen, overdue, when we quit
    assert "1 learning card(s) are due now (since 08:01); `quiz review` shows them." in again.stdout
