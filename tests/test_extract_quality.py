"""Regression checks on extraction quality, scored by the project's own scorer on the seeds."""

from __future__ import annotations

import json
import re
import shutil
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
CORPUS_GOLD = ROOT / "tests" / "fixtures" / "corpus_gold.json"
#: The level reached on those notes; a change that drops below it loses cards or adds junk.
PRECISION_FLOOR = 0.90
RECALL_FLOOR = 0.74


@pytest.mark.skipif(
    not (SCORER.is_file() and CORPUS.is_dir()), reason="../shared/corpus is not beside the repo"
)
def test_corpus_precision_and_recall_stay_at_the_level_reached(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Notes the rules were not written from, labelled blind (tests/fixtures/corpus_gold.json)."""
    labels = json.loads(CORPUS_GOLD.read_text("utf-8"))
    notes = tmp_path / "notes"
    notes.mkdir()
    gold: dict[str, object] = {"notes": {}}
    for n, (path, label) in enumerate(sorted(labels["notes"].items())):
        name = f"n{n:03d}{Path(path).suffix}"  # the scorer keys notes by file name
        shutil.copyfile(CORPUS / path, notes / name)
        gold["notes"][name] = label  # type: ignore[index]
    (tmp_path / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            str(SCORER),
            "--gold",
            str(tmp_path / "gold.json"),
            "--notes",
            str(notes),
            "--cmd",
            f"{sys.executable} -m quizgarden extract --json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    scores = dict(re.findall(r"(\w+)=([\d.]+)", proc.stdout.strip().splitlines()[-1]))
    assert float(scores["precision"]) >= PRECISION_FLOOR, proc.stdout
    assert float(scores["recall"]) >= RECALL_FLOOR, proc.stdout
