"""The review queue: order, limits, siblings, filters; and the store writes behind each key."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgarden.model import CardState
from quizgarden.review.runner import ReviewOptions, build_session
from quizgarden.review.session import day_start
from quizgarden.schedule import review
from quizgarden.settings import SettingsFile
from quizgarden.store import open_collection, queue
from quizgarden.store import reviews as store
from quizgarden.store.queries import to_iso

NOW = datetime(2024, 5, 10, 12, 0, tzinfo=UTC)
DEFAULTS = SettingsFile({}, {})
DEFAULTS_O = ReviewOptions()


def add_card(
    db,
    card_id: str,
    *,
    note: str = "notes/a.md",
    rule: str = "qa",
    card_type: str = "basic",
    front: str = "Question?",
    back: str = "Answer.",
    deck: str = "Default",
    tags: tuple[str, ...] = (),
    line: int = 1,
    side: int = 0,
    state: CardState | None = None,
) -> None:
    """Insert a card (and its state) with plain SQL, as sync would."""
    db.execute(
        "INSERT INTO cards (id, note, rule, type, front, back, deck, tags, line, side, created, "
        "updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [card_id, note, rule, card_type, front, back, deck, json.dumps(list(tags)), line, side,
         "2024-01-01T00:00:00+00:00", "2024-01-01T00:00:00+00:00"],
    )  # fmt: skip
    if state is not None:
        data = store.state_to_dict(state)
        columns = list(data)
        db.execute(
            f"INSERT INTO card_state ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            [int(v) if isinstance(v, bool) else v for v in data.values()],
        )


def reviewed(card_id: str, days_ago: float, stability: float, *, due_in: float = 0) -> CardState:
    """A review-state card last seen `days_ago` days before NOW, due `due_in` days from NOW."""
    return CardState(
        card_id,
        state="review",
        stability=stability,
        difficulty=5.0,
        last_review=NOW - timedelta(days=days_ago),
        due=NOW + timedelta(days=due_in),
        reps=3,
    )


@pytest.fixture
def db(tmp_path: Path):
    collection = open_collection(tmp_path / "c.db")
    yield collection
    collection.close()


def ids(entries) -> list[str]:
    return [entry.card_id for entry in entries]


def test_due_cards_come_lowest_retrievability_first(db):
    add_card(db, "a" * 16, line=1, state=reviewed("a" * 16, 10, 20, due_in=-1))
    add_card(db, "b" * 16, line=2, state=reviewed("b" * 16, 10, 2, due_in=-8))
    add_card(db, "c" * 16, line=3, state=reviewed("c" * 16, 3, 3, due_in=-0.1))
    add_card(db, "d" * 16, line=4, state=reviewed("d" * 16, 1, 30, due_in=5))  # not due
    session = build_session(db, NOW, DEFAULTS, ReviewOptions())
    assert ids(session.reviews) == ["b" * 16, "c" * 16, "a" * 16]
    assert session.next_card(NOW).card.id == "b" * 16


def test_new_cards_after_reviews_up_to_the_daily_limit_per_deck(db):
    for i in range(30):
        add_card(db, f"{i:016x}", line=i + 1, deck="Big")
    for i in range(3):
        add_card(db, f"{100 + i:016x}", line=i + 1, note="notes/b.md", deck="Small")
    add_card(db, "f" * 16, line=99, state=reviewed("f" * 16, 5, 4, due_in=-1))
    # the vault's limit (default 20) caps every deck together, as Anki's top deck does
    session = build_session(db, NOW, SettingsFile({}, {"Small": {"new_per_day": 2}}), DEFAULTS_O)
    assert ids(session.new) == [f"{i:016x}" for i in range(20)]  # order added
    decks = {"Small": {"new_per_day": 2}, "Big": {"new_per_day": 20}}
    settings = SettingsFile({"new_per_day": 40, "new_mix": "after"}, decks)
    session = build_session(db, NOW, settings, ReviewOptions())
    assert len(session.new) == 22
    assert ids(session.new)[:20] == [f"{i:016x}" for i in range(20)]  # order added
    assert session.next_card(NOW).card.id == "f" * 16
    assert session.counts() == (22, 0, 1)
    squeezed = build_session(db, NOW, SettingsFile({"new_per_day": 21}, decks), DEFAULTS_O)
    assert ids(squeezed.new) == [*(f"{i:016x}" for i in range(20)), f"{100:016x}"]
    # with --deck, that deck's limit caps its sub-decks and the vault's does not apply
    add_card(db, "e" * 16, line=1, note="notes/c.md", deck="Small::Sub")
    small = build_session(db, NOW, settings, ReviewOptions(deck="Small"))
    assert len(small.new) == 2


def test_new_cards_already_introduced_today_count_against_the_limit(db):
    for i in range(25):
        add_card(db, f"{i:016x}", line=i + 1)
    for i in range(5):
        _, log = review(CardState(f"{i:016x}"), 3, NOW - timedelta(hours=1))
        store.record_review(db, log)
    session = build_session(db, NOW, DEFAULTS, ReviewOptions())
    assert len(session.new) == 15
    # an undone introduction gives its slot back
    undone = db.execute("SELECT id FROM reviews ORDER BY id LIMIT 1").fetchone()[0]
    store.undo_review(db, undone, NOW)
    assert len(build_session(db, NOW, DEFAULTS, ReviewOptions()).new) == 16
    # yesterday's introductions do not count
    assert queue.introduced_since(db, day_start(NOW) + timedelta(days=1)) == {}


def test_new_cards_count_against_the_review_limit(db):
    for i in range(30):
        add_card(db, f"{i:016x}", line=i + 1)
    for i in range(8):
        cid = f"{200 + i:016x}"
        add_card(db, cid, line=100 + i, state=reviewed(cid, 9, 3, due_in=-1))
    # 8 reviews due, a review limit of 10: 8 reviews and only 2 new cards (Anki v3)
    settings = SettingsFile({"reviews_per_day": 10}, {})
    assert build_session(db, NOW, settings, DEFAULTS_O).counts() == (2, 0, 8)
    # a limit of 5 shows 5 reviews and no new cards
    settings = SettingsFile({"reviews_per_day": 5}, {})
    assert build_session(db, NOW, settings, DEFAULTS_O).counts() == (0, 0, 5)


def test_counters_reset_by_day_after_a_clock_that_ran_ahead(db):
    for i in range(25):
        add_card(db, f"{i:016x}", line=i + 1)
    # ten new cards introduced with the clock ten days fast
    for i in range(10):
        _, log = review(CardState(f"{i:016x}"), 3, NOW + timedelta(days=10))
        store.record_review(db, log)
    # back to the true time: today's counters are empty, so the full 20 come
    assert len(build_session(db, NOW, DEFAULTS, DEFAULTS_O).new) == 15  # 15 left unseen
    assert queue.ratings_since(db, day_start(NOW), day_start(NOW) + timedelta(days=1)) == []


def test_new_option_and_limit(db):
    for i in range(30):
        add_card(db, f"{i:016x}", line=i + 1)
    for i in range(3):
        cid = f"{200 + i:016x}"
        add_card(db, cid, line=100 + i, state=reviewed(cid, 9, 3, due_in=-1))
    assert len(build_session(db, NOW, DEFAULTS, ReviewOptions(new=25)).new) == 25
    assert len(build_session(db, NOW, DEFAULTS, ReviewOptions(new=0)).new) == 0
    limited = build_session(db, NOW, DEFAULTS, ReviewOptions(limit=5))
    assert (len(limited.reviews), len(limited.new)) == (3, 2)
    assert len(build_session(db, NOW, DEFAULTS, ReviewOptions(limit=2)).reviews) == 2


def test_excluded_cards_never_show(db):
    cards = {
        "retired": "1" * 16, "rejected": "2" * 16, "suspended": "3" * 16,
        "buried": "4" * 16, "ok": "5" * 16,
    }  # fmt: skip
    for line, cid in enumerate(cards.values()):
        add_card(db, cid, line=line)
    db.execute("UPDATE cards SET retired = ? WHERE id = ?", [to_iso(NOW), cards["retired"]])
    store.set_rejected(db, cards["rejected"], NOW)
    store.set_suspended(db, cards["suspended"], True)
    store.set_buried(db, cards["buried"], NOW + timedelta(hours=3))
    assert ids(build_session(db, NOW, DEFAULTS, ReviewOptions()).new) == [cards["ok"]]
    # burial ends at its time
    later = NOW + timedelta(hours=4)
    assert cards["buried"] in ids(build_session(db, later, DEFAULTS, ReviewOptions()).new)


def test_deck_and_tag_filters_include_children(db):
    add_card(db, "1" * 16, deck="Lang", line=1)
    add_card(db, "2" * 16, deck="Lang::Japanese", line=2, tags=("verbs/irregular",))
    add_card(db, "3" * 16, deck="Languages", line=3, tags=("verbs",))
    add_card(db, "4" * 16, deck="Math", line=4, tags=("verbsy",))
    by_deck = build_session(db, NOW, DEFAULTS, ReviewOptions(deck="Lang"))
    assert ids(by_deck.new) == ["1" * 16, "2" * 16]
    by_tag = build_session(db, NOW, DEFAULTS, ReviewOptions(tag="#verbs"))
    assert ids(by_tag.new) == ["2" * 16, "3" * 16]


def test_siblings_are_not_shown_the_same_day(db):
    # two sides of a reversed card, and the three clozes of one block
    add_card(db, "1" * 16, rule="inline", card_type="reversed", line=3, side=0)
    add_card(db, "2" * 16, rule="inline", card_type="reversed", line=3, side=1)
    for n in (1, 2, 3):
        add_card(db, f"{n:x}" * 16 if n > 3 else f"c{n:015x}", rule="cloze", card_type="cloze",
                 line=7, side=n)  # fmt: skip
    session = build_session(db, NOW, DEFAULTS, ReviewOptions())
    assert ids(session.new) == ["1" * 16, "c000000000000001"]
    # once one is answered today, its siblings stay away until tomorrow
    _, log = review(CardState("1" * 16), 3, NOW)
    store.record_review(db, log)
    again = build_session(db, NOW + timedelta(minutes=5), DEFAULTS, ReviewOptions())
    assert "2" * 16 not in ids(again.new)
    assert "1" * 16 in ids(again.learning)
    _, log = review(log.after, 4, NOW + timedelta(minutes=10))  # graduates: due in days
    store.record_review(db, log)
    tomorrow = build_session(db, NOW + timedelta(days=1), DEFAULTS, ReviewOptions())
    assert "2" * 16 in ids(tomorrow.new)


def test_learning_cards_come_back_when_their_step_is_due(db):
    add_card(db, "1" * 16, line=1)
    add_card(db, "2" * 16, line=2)
    session = build_session(db, NOW, DEFAULTS, ReviewOptions())
    first = session.next_card(NOW)
    _, log = review(first.state, 1, NOW)  # Again: back in 1 minute
    recorded = store.record_review(db, log)
    session.answered(first, 1, recorded.review_id, recorded.state)
    assert session.next_card(NOW).card.id == "2" * 16  # the other card while we wait
    assert session.counts() == (1, 1, 0)
    second = session.next_card(NOW)
    _, log = review(second.state, 3, NOW)
    session.answered(second, 3, store.record_review(db, log).review_id, log.after)
    # nothing else left: the learning card is shown early (within the learn-ahead limit)
    assert session.next_card(NOW).card.id == "1" * 16
    assert session.next_card(NOW).state.state == "learning"
