"""`quiz stats` and `quiz optimize` over a simulated review log."""

from __future__ import annotations

import io
import json
import random
from datetime import timedelta
from pathlib import Path

import pytest
from test_review_queue import NOW, add_card
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.days import Days
from quizgarden.model import CardState
from quizgarden.optimize import fsrs_items, load_histories, optimize_parameters
from quizgarden.schedule import make_scheduler, retrievability, review
from quizgarden.settings import Settings, SettingsFile, load_settings
from quizgarden.stats import collect_stats, render_stats
from quizgarden.store import open_collection
from quizgarden.store import reviews as store
from quizgarden.store.queries import from_iso, to_iso

START = NOW - timedelta(days=60)


def simulate(db, cards: int, *, seed: int = 7, deck: str = "Sim") -> int:
    """A learner with a known memory: recall happens with FSRS's own predicted probability."""
    rng = random.Random(seed)
    scheduler = make_scheduler(Settings(fuzz=False))
    count = 0
    for index in range(cards):
        card_id = f"{0xB000 + index:016x}"
        add_card(db, card_id, line=index + 1, deck=deck, note=f"notes/{deck}.md")
        state, when = CardState(card_id), START + timedelta(hours=index)
        while when < NOW:
            r = retrievability(state, when, scheduler=scheduler) if state.reps else 0.5
            rating = 3 if rng.random() < max(r, 0.6) else 1
            _, log = review(state, rating, when, 4000, scheduler=scheduler)
            state = store.record_review(db, log).state  # as stored (a leech is suspended)
            count += 1
            when = state.due
    return count


@pytest.fixture
def vault(tmp_path: Path):
    folder = tmp_path / "vault"
    db = open_collection(folder / ".quizgarden" / "collection.db")
    yield folder, db
    db.close()


def test_stats_counts_forecast_and_retention(vault):
    _folder, db = vault
    simulate(db, 12)
    add_card(db, "c" * 16, deck="Other", line=1)
    store.set_suspended(db, "c" * 16, True)
    add_card(db, "d" * 16, deck="Other", line=2)
    stats = collect_stats(db, NOW, SettingsFile({}, {}))
    assert sum(stats.by_state.get(k, 0) for k in ("learning", "review", "relearning")) == 12
    assert stats.by_state["new"] == 1 and stats.by_state["suspended"] == 1
    days = Days(4)
    today = days.date_of(NOW)
    dues = [from_iso(d) for (d,) in db.execute("SELECT due FROM card_state WHERE reps > 0")]
    assert sum(stats.forecast) == sum((days.date_of(d) - today).days < 30 for d in dues)
    assert 0 < sum(stats.forecast) < 12
    logged = db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    assert sum(stats.per_day.values()) == logged
    ok, total = stats.retention["month"]
    expected = db.execute(
        "SELECT SUM(rating > 1), COUNT(*) FROM reviews WHERE json_extract(state_before, "
        "'$.state') = 'review' AND reviewed_at >= ?",
        [to_iso(NOW - timedelta(days=30))],
    ).fetchone()
    assert (ok, total) == tuple(expected) and total > 0
    assert [d.deck for d in stats.decks] == ["Other", "Sim"]
    assert collect_stats(db, NOW, SettingsFile({}, {}), deck="Other").by_state == {
        "new": 1, "suspended": 1,
    }  # fmt: skip
    from rich.console import Console

    console = Console(width=100, record=True, color_system=None, file=io.StringIO())
    console.print(render_stats(stats))
    text = console.export_text()
    assert (
        "True retention" in text and "Sim" in text and f"next 30 days {sum(stats.forecast)}" in text
    )


def test_stats_cli_json(vault):
    folder, db = vault
    simulate(db, 3)
    result = CliRunner().invoke(
        app,
        ["stats", str(folder), "--db", str(folder / ".quizgarden" / "collection.db"), "--json"],
        env={"QUIZGARDEN_NOW": NOW.isoformat()},
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"by_state", "forecast", "retention", "per_day", "decks"}
    assert len(data["forecast"]) == 30


def test_optimize_fits_better_and_saves_only_when_asked(vault):
    folder, db = vault
    reviews = simulate(db, 120)
    assert reviews >= 400
    items, card_ids = fsrs_items(load_histories(db), NOW)
    assert items and len(card_ids) == len(items)
    fit = optimize_parameters(db, SettingsFile({}, {}), now=NOW)
    assert len(fit.parameters) == 21 and fit.new_loss <= fit.old_loss
    db_path = str(folder / ".quizgarden" / "collection.db")
    runner = CliRunner()
    shown = runner.invoke(app, ["optimize", str(folder), "--db", db_path])
    assert shown.exit_code == 0, shown.output
    assert "Log loss: current" in shown.stdout and "Not saved" in shown.stdout
    assert load_settings(folder).for_deck(None).parameters == ()
    saved = runner.invoke(app, ["optimize", str(folder), "--db", db_path, "--yes"])
    assert saved.exit_code == 0, saved.output
    assert "Memory states recomputed for 120 cards." in saved.stdout
    parameters = load_settings(folder).for_deck(None).parameters
    assert len(parameters) == 21
    scheduler = make_scheduler(load_settings(folder).for_deck(None))  # py-fsrs accepts them
    # every card's stored memory state is its log replayed with the new parameters
    card_id = f"{0xB000 + 5:016x}"
    state = CardState(card_id)
    for when, rating, _before in load_histories(db)[card_id]:
        state, _ = review(state, rating, when, scheduler=scheduler)
    stored = db.execute(
        "SELECT stability, difficulty FROM card_state WHERE card_id = ?", [card_id]
    ).fetchone()
    assert stored == pytest.approx((state.stability, state.difficulty))


def test_optimize_refuses_a_tiny_log(vault):
    folder, db = vault
    simulate(db, 2)
    result = CliRunner().invoke(
        app, ["optimize", str(folder), "--db", str(folder / ".quizgarden" / "collection.db")]
    )
    assert result.exit_code == 1
    assert "optimizing needs at least 400" in result.stderr
