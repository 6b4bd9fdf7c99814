"""Regression checks on extraction quality, scored by the project's own scorer on the seeds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED

SCORER = SHARED / "tools" / "eval_extract.py"


@pytest.mark.skipif(
    not SCORER.is_file(), reason="../shared/tools/eval_extract.py is not beside the repo"
)
def test_seed_precision_and_recall_stay_at_the_level_reached() -> None:
    quiz = f"{sys.executable} -m quizgarden extract --json"
    proc = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--gold",
            str(SHARED / "gold" / "seeds.json"),
            "--notes",
            str(SHARED / "seeds"),
            "--cmd",
            quiz,
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    summary = proc.stdout.strip().splitlines()[-1]
    scores = dict(re.findall(r"(\w+)=([\d.]+)", summary))
    assert float(scores["precision"]) >= 0.95, proc.stdout
    assert float(scores["recall"]) >= 0.95, proc.stdout
    assert scores["forbidden"] == "0", proc.stdout


CORPUS = SHARED / "corpus"
#: The level reached on each blind set of corpus notes, as (precision, recall); a change that
#: drops a set below it loses cards or adds junk. Every set is used to develop rules since it was
#: scored once (I, J and K, held out until session 23, too); the notes held out now live outside
#: the repository, with their labels, so that no run of this suite can learn from them.
#: A, B and D stand lower since session 36: their labels, made early, leave unlisted the rows of
#: the comparisons written in CJK, which the extractor then skipped, where the blind labels of
#: the corpus made later ask them (set EE); A, B and C again since session 43, for the later
#: columns of tables written in CJK, asked now as in Latin script (the blind labels of IE, JE and
#: L ask them): a driving level's definition and who is liable (A, 18 cells), what each job
#: command of a cluster is for (B, 3) and the typical models of each tokenizer (C, 4), none of
#: which the early labels list.
CORPUS_FLOORS: dict[str, tuple[float, float]] = {
    "A": (0.74, 0.91),
    "B": (0.88, 0.76),
    "C": (0.95, 0.88),
    "D": (0.88, 0.67),
    "E": (0.92, 0.82),
    "F": (0.91, 0.88),
    "G": (0.86, 0.79),
    "H": (0.81, 0.76),
    "I": (0.79, 0.47),
    "J": (0.58, 0.74),
    "K": (0.87, 0.47),
}
#: Cards that contain a string the labels forbid (junk a learner must never see); may only fall.
FORBIDDEN_CEILING = 25


def _score_sets(*options: str) -> tuple[dict[str, dict[str, str]], str]:
    """bench/score_labels.py's per-set lines, and its whole output for the failure message."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "score_labels.py"), *options],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    per_set = {
        fields["set"]: fields
        for line in proc.stdout.splitlines()
        if line.startswith("set=")
        for fields in [dict(re.findall(r"(\w+)=(\S+)", line))]
    }
    return per_set, proc.stdout


@pytest.fixture(scope="module")
def corpus_scores() -> tuple[dict[str, dict[str, str]], str]:
    return _score_sets()


@pytest.mark.skipif(
    not (SCORER.is_file() and CORPUS.is_dir()), reason="../shared/corpus is not beside the repo"
)
@pytest.mark.parametrize("name", sorted(CORPUS_FLOORS))
def test_corpus_set_stays_at_the_level_reached(name: str, corpus_scores) -> None:  # type: ignore[no-untyped-def]
    """Each blind set of corpus notes (tests/fixtures/corpus_gold.json)."""
    per_set, output = corpus_scores
    precision, recall = CORPUS_FLOORS[name]
    assert float(per_set[name]["precision"]) >= precision, output
    assert float(per_set[name]["recall"]) >= recall, output
    summary = dict(re.findall(r"(\w+)=([\d.]+)", output.strip().splitlines()[-1]))
    assert int(summary["forbidden"]) <= FORBIDDEN_CEILING, output


WIDE_LABELS = ROOT / "tests" / "fixtures" / "wide_gold.json"
#: The level reached on each blind set of ../shared/corpus-wide (notes of many subjects and
#: languages), as (precision, recall); a change that drops a set below it loses cards or adds junk.
WIDE_FLOORS: dict[str, tuple[float, float]] = {
    "W1": (0.95, 0.91),
    "W2": (0.93, 0.86),
    "W3": (0.88, 0.77),
    "W4": (0.95, 0.86),
    "W5": (0.85, 0.85),
    "W6": (0.93, 0.82),
    "W7": (0.83, 0.75),
    "W8": (0.77, 0.74),
}
WIDE_FORBIDDEN_CEILING = 14


@pytest.fixture(scope="module")
def wide_scores() -> tuple[dict[str, dict[str, str]], str]:
    return _score_sets("--wide")


@pytest.mark.skipif(
    not (SCORER.is_file() and WIDE_LABELS.is_file() and (SHARED / "corpus-wide").is_dir()),
    reason="tests/fixtures/wide_gold.json or ../shared/corpus-wide is not there",
)
@pytest.mark.parametrize("name", sorted(WIDE_FLOORS))
def test_wide_set_stays_at_the_level_reached(name: str, wide_scores) -> None:  # type: ignore[no-untyped-def]
    """Each blind set of notes of other subjects and languages (bench/score_labels.py --wide)."""
    per_set, output = wide_scores
    precision, recall = WIDE_FLOORS[name]
    assert float(per_set[name]["precision"]) >= precision, output
    assert float(per_set[name]["recall"]) >= recall, output
    summary = dict(re.findall(r"(\w+)=([\d.]+)", output.strip().splitlines()[-1]))
    assert int(summary["forbidden"]) <= WIDE_FORBIDDEN_CEILING, output


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/eval_extract.py is not there")
def test_a_forbidden_label_that_matches_every_card_is_left_out(tmp_path: Path) -> None:
    """The scorer normalises backticks away, so a forbidden "```" is "" and would fail every card
    of its note; score_labels drops it, says so, and scores the note's cards as they are."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "db.md").write_text(
        "# Databases\n\nWhat is a primary key?\n?\nA column that identifies each row.\n", "utf-8"
    )
    label = {
        "required": [{"front": "primary key", "back": "identifies each row"}],
        "forbidden": ["```", "tags:"],
    }
    proc, summary = _score_one(tmp_path, "db.md", label)
    assert "db.md: forbidden entry '```' matches every card; left out" in proc.stderr
    assert "tags:" not in proc.stderr
    assert (summary["recall"], summary["forbidden"]) == ("1.00", "0"), proc.stdout


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/eval_extract.py is not there")
def test_a_labelled_note_is_read_with_its_vaults_plugin_settings(tmp_path: Path) -> None:
    """A note of an Obsidian vault is scored as its author's plugins read it: here the vault's
    Spaced Repetition settings make `%%` the separator, so `front %% back` is a card."""
    vault = tmp_path / "notes" / "owner__vault"
    settings = vault / ".obsidian" / "plugins" / "obsidian-spaced-repetition" / "data.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"settings": {"singleLineCardSeparator": "%%"}}), "utf-8")
    (vault / "deck").mkdir()
    (vault / "deck" / "words.md").write_text("#flashcards\n\nla mariposa %% the butterfly\n")
    path = "owner__vault/deck/words.md"
    label = {"required": [{"front": "la mariposa", "back": "the butterfly"}], "forbidden": ["%%"]}
    proc, summary = _score_one(tmp_path, path, label)
    assert (summary["precision"], summary["recall"]) == ("1.00", "1.00"), proc.stdout


@pytest.mark.skipif(not SCORER.is_file(), reason="../shared/tools/eval_extract.py is not there")
def test_cards_written_by_hand_are_scored_on_the_notes_they_name(tmp_path: Path) -> None:
    """`--cards` scores a person's cards, not the extractor's: the vault's note is matched to its
    copy, a card no label lists is junk, and a labelled note the cards never name is not scored
    (the extractor would make a card of it)."""
    vault = tmp_path / "notes" / "owner__vault"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / "cell.md").write_text("# Cell\n\nThe nucleus holds the DNA.\n", "utf-8")
    (tmp_path / "notes" / "db.md").write_text(
        "# Databases\n\nWhat is a primary key?\n?\nA column that identifies each row.\n", "utf-8"
    )
    cards = tmp_path / "hand.jsonl"
    path = "owner__vault/cell.md"
    written = [
        {"note": path, "front": "nucleus", "back": "holds the DNA", "type": "basic"},
        {"note": path, "front": "Cell", "back": "The nucleus", "type": "basic"},
    ]
    cards.write_text("".join(json.dumps(c) + "\n" for c in written), "utf-8")
    label = {"required": [{"front": "nucleus", "back": "the DNA"}, {"front": "DNA", "back": "x"}]}
    other = {"required": [{"front": "primary key", "back": "identifies each row"}]}
    proc, summary = _score_one(tmp_path, path, label, "--cards", str(cards), more={"db.md": other})
    assert (summary["precision"], summary["recall"]) == ("0.50", "0.50"), proc.stdout
    assert (summary["cards"], summary["missed"]) == ("2", "1"), proc.stdout


def _score_one(
    tmp_path: Path,
    path: str,
    label: dict[str, object],
    *options: str,
    more: dict[str, dict[str, object]] | None = None,
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """bench/score_labels.py on one labelled note under tmp_path/notes (and the `more` ones),
    and its summary line."""
    labels = tmp_path / "labels.json"
    notes = {path: label, **(more or {})}
    labels.write_text(json.dumps({"sets": {"X": sorted(notes)}, "notes": notes}), "utf-8")
    command = [sys.executable, str(ROOT / "bench" / "score_labels.py"), "--labels", str(labels)]
    command += ["--source", str(tmp_path / "notes"), *options]
    proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc, dict(re.findall(r"(\w+)=([\d.]+)", proc.stdout.strip().splitlines()[-1]))
