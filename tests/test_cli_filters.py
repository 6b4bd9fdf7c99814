"""Filters and commands that never fail silently: --deck/--tag, --limit, suspended, buried and
rejected cards and how to bring them back, config --get, export --split -o, extract FILE."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.store import open_collection
from quizgarden.store.queries import check_filters, deck_matches, tag_matches

NOW = "2026-03-02T09:00:00+00:00"


def run(*args: str | Path, answers: str | None = None, now: str = NOW):
    return CliRunner().invoke(
        app, [str(a) for a in args], input=answers, env={"QUIZGARDEN_NOW": now}
    )


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUIZGARDEN_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("QUIZGARDEN_DB", str(tmp_path / "collection.db"))
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "Garden"
    (root / ".obsidian").mkdir(parents=True)
    (root / "Tech" / "Architecture").mkdir(parents=True)
    (root / "Tech" / "Architecture" / "cqrs.md").write_text(
        "---\ntags: [design/patterns]\n---\nQ: What does CQRS separate?\nA: Reads from writes.\n\n"
        "Q: What is an event store?\nA: An append-only log of events.\n",
        "utf-8",
    )
    (root / "AI").mkdir()
    (root / "AI" / "nets.md").write_text(
        "# Nets\n\n## What is dropout?\n\n"
        "Dropout is a regularisation method that zeroes random activations during training, "
        "so the network cannot rely on any single unit.\n\n"
        "Q: Who wrote the dropout paper?\nA: Srivastava et al.\n",
        "utf-8",
    )
    result = run("sync", root)
    assert result.exit_code == 0, result.output
    return root


def fronts(*args: str | Path) -> list[str]:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return sorted(json.loads(line)["front"] for line in result.stdout.splitlines())


def card_id(vault: Path, front: str) -> str:
    result = run("cards", vault, "--json", "--all")
    return next(r["id"] for r in map(json.loads, result.stdout.splitlines()) if r["front"] == front)


def test_deck_and_tag_match_any_case_and_any_whole_segment(vault: Path):
    cqrs = ["What does CQRS separate?", "What is an event store?"]
    assert fronts("cards", vault, "--deck", "architecture") == cqrs
    assert fronts("cards", vault, "--deck", "tech::ARCHITECTURE") == cqrs
    dropout = ["What is dropout?", "Who wrote the dropout paper?"]
    assert fronts("cards", vault, "--deck", "ai") == dropout
    assert fronts("cards", vault, "--tag", "Patterns") == cqrs
    assert fronts("cards", vault, "--tag", "#design") == cqrs
    assert deck_matches("Tech::Architecture::Patterns", "architecture")
    assert not deck_matches("Paint", "ai") and not deck_matches("Tech::Arch", "architecture")
    assert tag_matches("design/patterns", "DESIGN") and not tag_matches("designs", "design")
    db = open_collection(Path(str(vault.parent / "collection.db")))
    try:  # the deck's own name comes back, so per-deck settings apply
        assert check_filters(db, deck="architecture") == "Tech::Architecture"
    finally:
        db.close()


@pytest.mark.parametrize(
    "command",
    [["cards"], ["review"], ["stats"], ["optimize", "--yes"], ["export", "-o", "x.apkg"]],
)
def test_a_filter_that_matches_nothing_says_so_lists_the_decks_and_exits_1(vault: Path, command):
    result = run(command[0], vault, *command[1:], "--deck", "Architectur")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: no deck matches --deck 'Architectur'; the decks are: AI, Tech::Architecture\n"
    )
    assert not Path("x.apkg").exists()
    if command[0] in ("cards", "review", "export"):
        result = run(command[0], vault, *command[1:], "--tag", "pattern")
        assert result.exit_code == 1
        assert "no tag matches --tag 'pattern'; the tags are: design/patterns" in result.stderr


def test_review_and_export_honour_the_loose_deck_filter(vault: Path, tmp_path: Path):
    result = run("review", vault, "--deck", "architecture", "--new", "5", answers="q\n")
    assert result.exit_code == 0, result.output
    assert "Q: What does CQRS separate?" in result.stdout
    result = run("export", vault, "--deck", "AI", "-o", tmp_path / "ai.apkg", "--json")
    assert json.loads(result.stdout)["notes"] == 2


def test_limit_caps_learning_cards_too(vault: Path):
    # four new cards rated Again: all four are learning cards by the next session
    first = run("review", vault, "--new", "10", answers="1\n1\n1\n1\nq\n")
    assert first.stdout.count("Q: ") == 5  # the fifth, a learning card shown early: quit
    later = run("review", vault, "--limit", "2", answers="3\n3\n3\n3\n3\n",
                now="2026-03-02T09:05:00+00:00")  # fmt: skip
    assert later.exit_code == 0, later.output
    shown = {line for line in later.stdout.splitlines() if line.startswith("Q: ")}
    assert len(shown) == 2


def test_suspended_buried_and_rejected_cards_can_be_found_and_brought_back(vault: Path):
    # new cards come most confident first: the three written cards, then the mined one.
    # s suspends the first, b buries the second, the third is rated Good, x rejects the mined
    result = run("review", vault, "--new", "10", answers="s\nb\n3\nx\nq\n")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in run("cards", vault, "--json", "--all").stdout.splitlines()]
    flags = {r["front"]: (r["suspended"], r["buried"], r["rejected"] is not None) for r in rows}
    assert sorted(flags.values()) == [
        (False, False, False), (False, False, True), (False, True, False), (True, False, False),
    ]  # fmt: skip
    suspended = fronts("cards", vault, "--suspended")
    buried = fronts("cards", vault, "--buried")
    rejected = fronts("cards", vault, "--rejected")
    assert len(suspended) == len(buried) == len(rejected) == 1
    assert suspended[0] not in fronts("cards", vault, "--due")  # not due: a review hides it
    table = run("cards", vault, "--suspended").stdout
    assert "(suspended)" in table
    assert card_id(vault, suspended[0])[:8] in table  # the id to bring it back by

    for command, front in (("unsuspend", suspended), ("unbury", buried), ("unreject", rejected)):
        prefix = card_id(vault, front[0])[:8]
        result = run(command, prefix, "--vault", vault)
        assert result.exit_code == 0, result.output
        assert "1 card back in review" in result.stdout
        again = run(command, prefix, "--vault", vault)
        assert again.exit_code == 1 and "nothing to" in again.stderr
    assert fronts("cards", vault, "--suspended") == fronts("cards", vault, "--buried") == []
    assert len(fronts("cards", vault, "--due")) == 3  # the card rated Good waits for its step
    assert run("unsuspend", "ffffffffffff", "--vault", vault).exit_code == 1
    assert run("unsuspend", "--vault", vault).exit_code == 2  # neither ids nor --all


def test_r_brings_back_the_card_just_suspended_and_x_on_an_explicit_card_says_why(vault: Path):
    result = run("review", vault, "--new", "10", "--deck", "Architecture", answers="x\ns\nr\nq\n")
    out = result.stdout
    assert "x rejects mined cards only: this card is written in the note" in out
    assert "o opens Tech/Architecture/cqrs.md at line 4" in out
    assert "Unsuspended; it is shown again in this session." in out
    assert fronts("cards", vault, "--suspended") == []


def test_a_leech_is_suspended_and_r_brings_it_back(vault: Path, tmp_path: Path):
    run("config", vault, "--set", "leech_threshold", "1")
    run("review", vault, "--deck", "architecture", "--new", "1", answers="4\n")
    lapse = run("review", vault, "--deck", "architecture", answers="1\nr\nq\n",
                now="2026-03-30T09:00:00+00:00")  # fmt: skip
    assert "Leech:" in lapse.stdout and "Unsuspended the leech" in lapse.stdout
    assert fronts("cards", vault, "--suspended") == []


def test_config_get_prints_the_bare_value(vault: Path):
    assert run("config", vault, "--get", "new_per_day").stdout == "20\n"
    assert run("config", vault, "--get", "learning_steps").stdout == "1m 10m\n"
    assert run("config", vault, "--get", "no_such_key").exit_code == 1


def test_export_split_to_a_file_name_writes_one_file_per_deck_beside_it(vault: Path, tmp_path):
    target = tmp_path / "out" / "x.apkg"
    result = run("export", vault, "--split", "-o", target)
    assert result.exit_code == 0, result.output
    assert not target.exists()
    assert sorted(p.name for p in target.parent.iterdir()) == ["x-AI.apkg", "x-Tech.apkg"]


def test_export_counts_every_card_left_out(vault: Path, tmp_path: Path):
    # the written cards come first (most confident), the mined card last: x rejects it
    run("review", vault, "--new", "10", answers="s\nb\n3\nx\nq\n")
    note = vault / "Tech" / "Architecture" / "cqrs.md"
    note.write_text(note.read_text("utf-8").split("\n\nQ: What is an event")[0], "utf-8")
    run("sync", vault)  # the event store card is retired
    result = run("export", vault, "-o", tmp_path / "all.apkg")
    assert result.exit_code == 0, result.output
    summary = result.stdout.splitlines()[-1]
    assert "cards left out (1 retired, 1 rejected, 1 suspended)" in summary
    left = int(summary.split(" cards left out")[0].rsplit(", ", 1)[1])
    assert left == 3


def test_extract_reads_a_file_as_part_of_its_vault(vault: Path, monkeypatch):
    monkeypatch.chdir(vault.parent)
    rows = run("extract", vault, "--json").stdout.splitlines()
    from_vault = {row["front"]: row for row in map(json.loads, rows)}
    note = vault / "Tech" / "Architecture" / "cqrs.md"
    alone = [json.loads(line) for line in run("extract", note, "--json").stdout.splitlines()]
    assert alone and all(row == from_vault[row["front"]] for row in alone)
    assert alone[0]["deck"] == "Tech::Architecture"
    assert alone[0]["note"] == "Tech/Architecture/cqrs.md"


def test_overdue_learning_cards_are_not_due_later_today(vault: Path):
    run("review", vault, "--new", "1", answers="1\nq\n")
    result = run("review", vault, answers="q\n", now="2026-03-02T21:00:00+00:00")
    assert "due later today" not in result.stdout
    assert "learning card(s) are due now" in result.stdout
    assert datetime.fromisoformat(NOW) < datetime(2026, 3, 3, tzinfo=UTC)
