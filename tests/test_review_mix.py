"""New cards among reviews: Anki v3's "new/review order" (`new_mix`), pure and through the CLI."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_review_queue import add_card, reviewed
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.model import Card, CardState
from quizgarden.review.runner import ReviewOptions, build_session
from quizgarden.review.session import Session, intersperse, main_order
from quizgarden.settings import SettingsFile, load_settings, set_setting
from quizgarden.store import open_collection
from quizgarden.store.queue import QueueEntry, QueueItem

NOW = datetime(2024, 5, 10, 12, 0, tzinfo=UTC)
REVIEWS = [f"r{i}" for i in range(1, 10)]
NEW = ["n1", "n2", "n3"]


def test_three_new_among_nine_reviews_come_third_seventh_and_tenth():
    merged = intersperse(REVIEWS, NEW)
    assert [i for i, card in enumerate(merged, 1) if card in NEW] == [3, 7, 10]
    assert merged == ["r1", "r2", "n1", "r3", "r4", "r5", "n2", "r6", "r7", "n3", "r8", "r9"]


@pytest.mark.parametrize(
    ("reviews", "new", "expected"),
    [
        # the cases of Anki's own intersperser test (rslib scheduler/queue/builder)
        ("123", "abc", "1a2b3c"),
        ("123", "ab", "1a2b3"),
        ("123", "abcdef", "a1bc2de3f"),
        ("123", "abcdefgh", "ab1cd2ef3gh"),
        ("123", "", "123"),
        ("", "abc", "abc"),
        ("", "", ""),
        ("1", "a", "1a"),
    ],
)
def test_intersperse_places_as_anki_does(reviews: str, new: str, expected: str):
    assert "".join(intersperse(list(reviews), list(new))) == expected


@pytest.mark.parametrize(("reviews", "new"), [(200, 20), (20, 200), (57, 13), (5, 4), (1, 30)])
def test_runs_between_new_cards_differ_by_at_most_one(reviews: int, new: int):
    merged = intersperse(["r"] * reviews, ["n"] * new)
    runs = [len(run) for run in "".join(merged).split("n")]
    assert len(merged) == reviews + new and max(runs) - min(runs) <= 1


def test_after_and_before_put_all_new_cards_on_one_side():
    assert main_order(REVIEWS, NEW, "after") == [*REVIEWS, *NEW]
    assert main_order(REVIEWS, NEW, "before") == [*NEW, *REVIEWS]
    assert main_order(REVIEWS, NEW, "mix") == intersperse(REVIEWS, NEW)


# --- the session queue ---


def entry(card_id: str, state: str, *, due: datetime | None = None, line: int = 0) -> QueueEntry:
    return QueueEntry(card_id, "Default", f"notes/{card_id}.md", "qa", line, state, due)


def session_of(reviews: list[str], new: list[str], new_mix: str = "mix", learning=()) -> Session:
    """A session over plain entries, loading each card from a dict as the store would."""
    entries = [
        *(entry(i, "review", due=NOW) for i in reviews),
        *(entry(i, "new") for i in new),
        *learning,
    ]
    items = {
        e.card_id: QueueItem(
            Card(e.card_id, e.note, "qa", "basic", f"{e.card_id}?", "!", "Default", (), e.line),
            CardState(e.card_id, state=e.state, due=e.due),
        )
        for e in entries
    }
    return Session(
        reviews=[e for e in entries if e.state == "review"],
        new=[e for e in entries if e.state == "new"],
        learning=[e for e in entries if e.state == "learning"],
        load=lambda ids: {i: items[i] for i in ids if i in items},
        new_mix=new_mix,
    )


def answer_all(session: Session, now: datetime = NOW, rating: int = 4) -> list[str]:
    """Answer every card with a rating that sends it to review days away; the ids shown."""
    shown = []
    while (item := session.next_card(now)) is not None:
        shown.append(item.card.id)
        after = CardState(item.card.id, state="review", due=now + timedelta(days=5))
        session.answered(item, rating, len(shown), after)
    return shown


def answer_one(session: Session, now: datetime) -> str:
    item = session.next_card(now)
    assert item is not None
    after = CardState(item.card.id, state="review", due=now + timedelta(days=5))
    session.answered(item, 3, 0, after)
    return item.card.id


@pytest.mark.parametrize("new_mix", ["mix", "after", "before"])
def test_a_session_shows_the_main_queue_in_new_mix_order(new_mix: str):
    shown = answer_all(session_of(REVIEWS, NEW, new_mix))
    assert shown == main_order(REVIEWS, NEW, new_mix)


def test_a_learning_card_due_keeps_its_priority_over_the_mix():
    step = entry("l1", "learning", due=NOW + timedelta(minutes=5))
    session = session_of(REVIEWS, NEW, learning=[step])
    first = [answer_one(session, NOW) for _ in range(2)]
    assert first == ["r1", "r2"]  # not due yet: the main queue goes on
    later = NOW + timedelta(minutes=6)
    assert answer_one(session, later) == "l1"  # due now: before n1, whose turn it was
    assert answer_all(session, later) == [
        "n1", "r3", "r4", "r5", "n2", "r6", "r7", "n3", "r8", "r9"
    ]  # fmt: skip


def test_a_card_leaving_the_queue_does_not_move_the_others():
    """As in Anki, where the mixed queue is built once: a suspended review does not pull the
    next new card forward."""
    session = session_of(REVIEWS, NEW)
    assert [answer_one(session, NOW) for _ in range(3)] == ["r1", "r2", "n1"]
    item = session.next_card(NOW)
    assert item is not None and item.card.id == "r3"
    session.removed(item, "suspend")
    assert answer_all(session) == ["r4", "r5", "n2", "r6", "r7", "n3", "r8", "r9"]


def test_undo_shows_the_card_again_and_the_mix_goes_on():
    session = session_of(REVIEWS, NEW)
    assert [answer_one(session, NOW) for _ in range(3)] == ["r1", "r2", "n1"]
    step = session.pop_undo()
    assert step is not None and step.item.card.id == "n1"
    session.restore(step, step.item.state)
    assert answer_all(session) == ["n1", "r3", "r4", "r5", "n2", "r6", "r7", "n3", "r8", "r9"]


def test_a_new_day_places_its_own_queue():
    session = session_of(["r1"], ["n1"], "before")
    assert answer_one(session, NOW) == "n1"
    session.start_day(session_of(REVIEWS, NEW))
    assert answer_all(session) == intersperse(REVIEWS, NEW)


# --- build_session and settings ---


@pytest.fixture
def db(tmp_path: Path):
    collection = open_collection(tmp_path / "c.db")
    yield collection
    collection.close()


def add_reviews_and_new(db, reviews: int = 9, new: int = 3) -> None:
    """`reviews` review cards due today (most overdue first) and `new` new cards."""
    for i in range(reviews):
        card_id = f"a{i:015x}"
        add_card(db, card_id, line=i + 1, state=reviewed(card_id, 10, 1 + i, due_in=-1))
    for i in range(new):
        add_card(db, f"b{i:015x}", line=100 + i)


def test_build_session_mixes_new_cards_by_default(db):
    add_reviews_and_new(db)
    session = build_session(db, NOW, SettingsFile({}, {}), ReviewOptions())
    assert session.new_mix == "mix"
    shown = answer_all(session)
    assert "".join(card_id[0] for card_id in shown) == "aabaaabaabaa"


def test_the_studied_decks_new_mix_applies(db):
    add_reviews_and_new(db)
    settings = SettingsFile({"new_mix": "after"}, {"Default": {"new_mix": "before"}})
    vault = build_session(db, NOW, settings, ReviewOptions())
    assert vault.new_mix == "after"
    deck = build_session(db, NOW, settings, ReviewOptions(deck="Default"))
    assert [card_id[0] for card_id in answer_all(deck)] == ["b"] * 3 + ["a"] * 9


def test_new_mix_is_validated_when_set_and_when_read(tmp_path: Path):
    set_setting(tmp_path, "new_mix", "before", deck="Lang")
    assert load_settings(tmp_path).for_deck("Lang::German").new_mix == "before"
    assert load_settings(tmp_path).for_deck(None).new_mix == "mix"
    result = CliRunner().invoke(app, ["config", str(tmp_path), "--set", "new_mix", "random"])
    assert result.exit_code == 1
    assert result.stderr == "error: new_mix: expected one of mix, after, before; got 'random'\n"


# --- through the CLI ---


def review_states(vault: Path, answers: str) -> str:
    """`quiz review --json` with `answers` on stdin: the state of each card shown, in order."""
    result = CliRunner().invoke(
        app,
        ["review", str(vault), "--db", str(vault / ".quizgarden" / "collection.db"), "--json"],
        input=answers,
        env={"QUIZGARDEN_NOW": NOW.isoformat()},
    )
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    return " ".join(e["state"] for e in events if e["event"] == "card")


@pytest.mark.parametrize(
    ("new_mix", "expected"),
    [
        (None, "RRNRRRNRRNRR"),  # the default: as Anki's "mix with reviews" places them
        ("after", "RRRRRRRRRNNN"),
        ("before", "NNNRRRRRRRRR"),
    ],
)
def test_quiz_review_json_shows_new_cards_where_new_mix_puts_them(
    tmp_path: Path, new_mix: str | None, expected: str
):
    vault = tmp_path / "vault"
    (vault / ".quizgarden").mkdir(parents=True)
    collection = open_collection(vault / ".quizgarden" / "collection.db")
    add_reviews_and_new(collection)
    collection.close()
    if new_mix is not None:
        result = CliRunner().invoke(app, ["config", str(vault), "--set", "new_mix", new_mix])
        assert result.exit_code == 0, result.output
    # Easy sends every card, new ones included, days away: each is shown once
    shown = review_states(vault, "4\n" * 12)
    names = {"R": "review", "N": "new"}
    assert shown == " ".join(names[kind] for kind in expected)
