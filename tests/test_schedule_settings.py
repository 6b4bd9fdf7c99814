"""Scheduling settings: the TOML file, deck overrides, `quiz config`, and what they change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.days import Days
from quizgarden.errors import ConfigError
from quizgarden.model import CardState
from quizgarden.schedule import (
    format_interval,
    fsrs_card_id,
    make_scheduler,
    preview,
    retrievability,
    review,
    to_fsrs,
)
from quizgarden.settings import Settings, load_settings, parse_step, set_setting, settings_path

NOW = datetime(2024, 5, 10, 12, 0, tzinfo=UTC)


def test_settings_file_round_trip_and_deck_inheritance(tmp_path: Path):
    set_setting(tmp_path, "desired_retention", "0.85")
    set_setting(tmp_path, "new_per_day", "10", deck="Lang")
    set_setting(tmp_path, "learning_steps", "30s 5m 1h", deck="Lang::日本語")
    settings = load_settings(tmp_path)
    assert settings.for_deck(None) == Settings(desired_retention=0.85)
    assert settings.for_deck("Lang::日本語::N5") == Settings(
        desired_retention=0.85, new_per_day=10, learning_steps=("30s", "5m", "1h")
    )
    assert settings.for_deck("Language").new_per_day == 20  # a prefix, not a parent deck
    assert 'deck."Lang::日本語"' in settings_path(tmp_path).read_text("utf-8")
    set_setting(tmp_path, "new_per_day", "default", deck="Lang")
    assert load_settings(tmp_path).for_deck("Lang").new_per_day == 20


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("desired_retention", "1.5", "desired_retention: expected a number between 0 and 1"),
        ("desired_retention", "0", "desired_retention: expected a number between 0 and 1"),
        ("desired_retention", "nan", "desired_retention: expected a number between 0 and 1"),
        ("learning_steps", "1x", "bad step '1x'"),
        ("learning_steps", "99999999999999999999d", "at most 365d"),
        ("relearning_steps", "0m", "bad step '0m'"),
        ("fuzz", "maybe", "expected true or false"),
        ("colour", "red", "unknown setting 'colour'"),
        ("parameters", "1 2 3", r"parameters: Expected 21 parameters, got 3"),
        ("parameters", "a b", "parameters: expected numbers"),
        ("parameters", " ".join(["-100"] + ["0.5"] * 20), r"parameters\[0\] = -100.0 is out"),
        ("parameters", " ".join(["inf"] * 21), r"parameters\[0\] = inf is out of bounds"),
        ("new_per_day", "-1", "new_per_day: expected 0-1000000, got -1"),
        ("reviews_per_day", "1.5", "reviews_per_day: expected a whole number, got '1.5'"),
        ("leech_threshold", "-3", "leech_threshold: expected 0-1000000"),
        ("day_start_hour", "24", "day_start_hour: expected 0-23, got 24"),
        ("maximum_interval", "0", "maximum_interval: expected 1-36500, got 0"),
    ],
)
def test_bad_values_are_refused(tmp_path: Path, key: str, value: str, message: str):
    with pytest.raises(ConfigError, match=message):
        set_setting(tmp_path, key, value)
    assert not settings_path(tmp_path).exists()


def test_broken_settings_file_names_the_file(tmp_path: Path):
    settings_path(tmp_path).parent.mkdir()
    settings_path(tmp_path).write_text("desired_retention = [", "utf-8")
    with pytest.raises(ConfigError, match=r"settings\.toml"):
        load_settings(tmp_path)


def test_settings_reach_the_scheduler():
    scheduler = make_scheduler(Settings(learning_steps=("2m",), fuzz=False, maximum_interval=3))
    assert scheduler.learning_steps == (timedelta(minutes=2),)
    state, _ = review(CardState("ab" * 8), 4, NOW, scheduler=scheduler)
    assert state.due == Days().due_at(NOW, 3)  # capped by maximum_interval
    assert parse_step("1.5h") == timedelta(minutes=90) and parse_step("10") == timedelta(minutes=10)


def test_review_is_pure_and_preview_matches_review():
    state = CardState("0123456789abcdef", "review", None, 10.0, 5.0, NOW, NOW - timedelta(days=9))
    scheduler = make_scheduler(Settings(fuzz=False))
    intervals = preview(state, NOW, scheduler=scheduler)
    for rating, interval in intervals.items():
        after, log = review(state, rating, NOW, scheduler=scheduler)
        shown = interval if after.state != "review" else Days().due_at(NOW, interval.days) - NOW
        assert after.due - NOW == shown and log.before == state and log.rating == rating
    assert state.reps == 0  # untouched
    assert intervals[1] == timedelta(minutes=10) and intervals[3] > intervals[2]
    assert [format_interval(timedelta(seconds=s)) for s in (30, 600, 7200, 86400 * 3)] == [
        "30s", "10m", "2h", "3d",
    ]  # fmt: skip
    assert format_interval(timedelta(days=400)) == "1.1y"


def test_fsrs_card_and_retrievability_follow_pyfsrs():
    state = CardState("0123456789abcdef", "review", None, 4.0, 5.0, NOW, NOW - timedelta(days=6))
    card = to_fsrs(state, NOW)
    assert card.card_id == fsrs_card_id(state.card_id) == int("0123456789abcde", 16)
    assert fsrs_card_id("not-hex") == fsrs_card_id("not-hex") > 0
    scheduler = make_scheduler()
    expected = scheduler.get_card_retrievability(card, NOW)
    assert retrievability(state, NOW, scheduler=scheduler) == pytest.approx(expected, rel=1e-12)
    new = to_fsrs(CardState("ff" * 8), NOW)
    assert new.state.name == "Learning" and new.stability is None and new.step == 0


def test_config_command_shows_and_sets(tmp_path: Path):
    runner = CliRunner()
    result = runner.invoke(
        app, ["config", str(tmp_path), "--set", "new_per_day", "5", "--deck", "Bio"]
    )
    assert result.exit_code == 0, result.output
    assert "new_per_day = 5 for deck Bio" in result.stdout
    shown = runner.invoke(app, ["config", str(tmp_path), "--deck", "Bio::Cells", "--json"])
    rows = {row["key"]: row for row in map(__import__("json").loads, shown.stdout.splitlines())}
    assert rows["new_per_day"]["value"] == 5 and rows["new_per_day"]["source"] == "deck Bio"
    assert rows["desired_retention"]["source"] == "default"
    bad = runner.invoke(app, ["config", str(tmp_path), "--set", "fuzz", "sometimes"])
    assert bad.exit_code == 1
    assert bad.stderr.strip() == "error: fuzz: expected true or false, got 'sometimes'"
