"""`quiz optimize` against Anki 26.09's own optimizer on one generated log.

tests/fixtures/anki_optimizer.json holds a simulated learner's 3,265 ratings of 400 cards and
the parameters Anki's "Optimize" (compute_fsrs_params) fitted on them; it is made by
bench/anki_optimizer_reference.py. Here the same log goes into a real collection and through
`optimize_parameters`: items in time order with card ids, learner-day deltas, 8 passes.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from test_review_queue import add_card

from quizgarden.days import Days
from quizgarden.model import CardState
from quizgarden.optimize import optimize_parameters
from quizgarden.schedule import make_scheduler, review
from quizgarden.settings import Settings, SettingsFile
from quizgarden.store import open_collection
from quizgarden.store import reviews as store

FIXTURE = Path(__file__).parent / "fixtures" / "anki_optimizer.json"


def test_parameters_within_one_percent_of_ankis_optimizer(tmp_path: Path):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    db = open_collection(tmp_path / "c.db")
    cards = 1 + max(row[0] for row in data["log"])
    for index in range(cards):  # added in order, as the Anki cards were
        add_card(db, f"{index + 1:016x}", line=index + 1)
    scheduler, days = make_scheduler(Settings()), Days(4, data["zone"])
    states: dict[int, CardState] = {}
    for index, when, rating, kind in data["log"]:
        before = states.get(index, CardState(f"{index + 1:016x}"))
        assert kind == {"new": 0, "learning": 0, "review": 1, "relearning": 2}[before.state]
        states[index], log = review(before, rating, datetime.fromisoformat(when), 4000,
                                    scheduler=scheduler, days=days)  # fmt: skip
        store.record_review(db, log, leech_threshold=0)  # Anki's log goes on past leeches
    fit = optimize_parameters(db, SettingsFile({}, {}), now=datetime.fromisoformat(data["now"]))
    db.close()
    anki = data["anki_parameters"]
    assert fit.reviews == len(data["log"]) and len(fit.parameters) == 21
    for ours, theirs in zip(fit.parameters, anki, strict=True):
        assert ours == pytest.approx(theirs, rel=0.01, abs=1e-4)
    # old and new scored on the same items: the fit lowers the log loss it minimises
    assert fit.new_loss < fit.old_loss and 0 < fit.new_rmse < 0.1 and 0 < fit.old_rmse < 0.1
