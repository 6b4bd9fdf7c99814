"""The light queue path against a plain model of the queue rules, and the daily review limit.

`build_session` reads light rows with SQL and loads full cards only when shown. The model
below (`reference_queue`) loads every card in full and applies the queue rules in plain
Python, as the first version of the session did; hypothesis checks that both give the same
queues, in the same order, on mixed collections (new, learning, due and not-due reviews,
siblings, suspended/buried/retired cards, ratings already given today, limits and filters).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_review_queue import NOW, add_card, reviewed
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.model import CardState
from quizgarden.review.runner import ReviewOptions, build_session
from quizgarden.schedule import make_scheduler, retrievability, review
from quizgarden.settings import SettingsFile
from quizgarden.store import open_collection, queue
from quizgarden.store import reviews as store
from quizgarden.store.queries import from_iso, to_iso
from quizgarden.store.queue import QueueItem


def _visible(item: QueueItem, now: datetime, deck: str | None) -> bool:
    card, state = item.card, item.state
    if card.retired or card.rejected or state.suspended:
        return False
    if state.buried_until is not None and state.buried_until > now:
        return False
    return _in_scope(card.deck, deck)


def reference_queue(
    db, now: datetime, settings: SettingsFile, options: ReviewOptions
) -> tuple[list[str], list[str], list[str]]:
    """(reviews, new, learning) ids, from every card loaded in full and filtered in Python."""
    days = settings.for_deck(None).days
    start, end = days.day_start(now), days.next_day_start(now)
    order = [card_id for (card_id,) in db.execute("SELECT id FROM cards ORDER BY rowid")]
    items = [i for i in queue.load_items(db, order) if _visible(i, now, options.deck)]
    by_id = {i.card.id: i for i in queue.load_items(db, order)}
    log = db.execute("SELECT id, card_id, kind, reviewed_at, state_before, undoes FROM reviews")
    log = log.fetchall()
    undone = {undoes for _id, _c, kind, _at, _b, undoes in log if kind == "undo"}
    today = [
        (card_id, json.loads(before)["state"])
        for rid, card_id, kind, at, before, _u in log
        if kind == "review" and start <= from_iso(at) < end and rid not in undone
    ]
    keys_today = {by_id[card_id].sibling_key for card_id, _ in today}
    ids_today = {card_id for card_id, _ in today}

    # every card due before the day ends: reviews all day from their due day's start
    due = [i for i in items if i.state.state != "new" and i.state.due < end]
    due = [i for i in due if i.sibling_key not in keys_today or i.card.id in ids_today]
    learning = sorted((i for i in due if i.state.state != "review"),
                      key=lambda i: (i.state.due, i.card.id))  # fmt: skip

    def urgency(item: QueueItem) -> tuple[float, datetime, str]:
        scheduler = make_scheduler(settings.for_deck(item.card.deck))
        chance = retrievability(item.state, now, scheduler=scheduler, days=days)
        return (chance, item.state.due, item.card.id)

    def above(deck: str) -> list[str | None]:
        """The studied deck (None: vault) and every deck under it down to `deck`."""
        parts = deck.split("::")
        names = ["::".join(parts[:k]) for k in range(1, len(parts) + 1)]
        if options.deck is None:
            return [None, *names]
        return [
            options.deck,
            *(n for n in names if n.lower().startswith(options.deck.lower() + "::")),
        ]

    # Anki v3: today's distinct review and new cards count in every deck above them, new
    # cards against the review limit too
    new_done: dict[str | None, int] = {}
    rev_done: dict[str | None, int] = {}
    counted: set[str] = set()
    for card_id, before in today:
        deck = by_id[card_id].card.deck
        if before not in ("new", "review") or not _in_scope(deck, options.deck):
            continue
        if card_id in counted:
            continue
        counted.add(card_id)
        for node in above(deck):
            rev_done[node] = rev_done.get(node, 0) + 1
            if before == "new":
                new_done[node] = new_done.get(node, 0) + 1

    def rev_left(node: str | None) -> int:
        return settings.for_deck(node).reviews_per_day - rev_done.get(node, 0)

    def new_left(node: str | None) -> int:
        return min(settings.for_deck(node).new_per_day - new_done.get(node, 0), rev_left(node))

    taken = keys_today | {i.sibling_key for i in learning}
    if options.limit is not None:  # --limit caps every card: learning first
        learning = learning[: options.limit]
    reviews = []
    for item in sorted((i for i in due if i.state.state == "review"), key=urgency):
        if options.limit is not None and len(reviews) >= options.limit - len(learning):
            break
        nodes = above(item.card.deck)
        if item.sibling_key in taken or any(rev_left(n) <= 0 for n in nodes):
            continue
        taken.add(item.sibling_key)
        for node in nodes:
            rev_done[node] = rev_done.get(node, 0) + 1
        reviews.append(item)

    budget = None if options.limit is None else max(0, options.limit - len(learning) - len(reviews))
    if options.new is not None:
        budget = options.new if budget is None else min(budget, options.new)
    new = []
    for item in (i for i in items if i.state.state == "new"):
        if budget is not None and len(new) >= budget:
            break
        nodes = above(item.card.deck)
        if options.new is None and any(new_left(n) <= 0 for n in nodes):
            continue
        if item.sibling_key in taken:
            continue
        taken.add(item.sibling_key)
        new.append(item)
        if options.new is None:
            for node in nodes:
                rev_done[node] = rev_done.get(node, 0) + 1
                new_done[node] = new_done.get(node, 0) + 1
    return ids(reviews), ids(new), ids(learning)


def by_id_decks(items: list[QueueItem]) -> set[str]:
    return {i.card.deck for i in items}


def _in_scope(deck: str, scope: str | None) -> bool:
    """Any case, any run of whole segments of the deck's path: `a` is in `B::A::x`."""
    if scope is None:
        return True
    parts, wanted = deck.lower().split("::"), scope.lower().split("::")
    return any(parts[i : i + len(wanted)] == wanted for i in range(len(parts)))


def ids(items) -> list[str]:
    return [getattr(i, "card_id", None) or i.card.id for i in items]


def light_queue(db, now, settings, options) -> tuple[list[str], list[str], list[str]]:
    session = build_session(db, now, settings, options)
    return ids(session.reviews), ids(session.new), ids(session.learning)


# few distinct values, so that ties in retrievability and due time happen and are checked too
HOURS = st.sampled_from([-72, -25, -3, 0, 2, 21, 30]).map(lambda h: timedelta(hours=h))
card_specs = st.lists(
    st.fixed_dictionaries(
        {
            "deck": st.sampled_from(["A", "A::x", "B"]),
            "note": st.sampled_from(["n1.md", "n2.md", "n3.md"]),
            "rule": st.sampled_from(["qa", "cloze"]),
            "line": st.integers(1, 8),
            "state": st.sampled_from(["none", "new", "new", "learning", "relearning", "review"]),
            "due": HOURS,
            "seen": st.sampled_from([1, 4, 30]),  # days since the last review
            "stability": st.sampled_from([0.5, 2.0, 7.5, 30.0]),
            "flag": st.sampled_from(["", "", "", "suspended", "buried", "retired"]),
            "rated_today": st.sampled_from([None, None, None, 1, 3]),
        }
    ),
    min_size=4,
    max_size=40,
)


def _settings_file(new_a: int, new_b: int, rev_a: int, rev_b: int, rev_vault: int) -> SettingsFile:
    """Small limits so they bite; deck B has its own FSRS weights, so another forgetting curve."""
    from fsrs.scheduler import DEFAULT_PARAMETERS

    weights = [*DEFAULT_PARAMETERS[:-1], 0.5]  # w20, the decay of the forgetting curve
    deck_a = {"new_per_day": new_a, "reviews_per_day": rev_a}
    deck_b = {"new_per_day": new_b, "reviews_per_day": rev_b, "parameters": weights}
    return SettingsFile({"reviews_per_day": rev_vault}, {"A": deck_a, "B": deck_b})


counts = st.integers(0, 4)
settings_files = st.builds(_settings_file, counts, counts, counts, counts, st.integers(0, 8))
options = st.builds(
    ReviewOptions,
    deck=st.sampled_from([None, "A", "B"]),
    limit=st.sampled_from([None, None, None, 0, 3, 6]),
    new=st.sampled_from([None, None, None, 0, 2, 5]),
)


def _fill(db, specs: list[dict]) -> None:
    for index, spec in enumerate(specs):
        card_id = f"{index:016x}"
        state = None
        if spec["state"] == "new":
            state = CardState(card_id, due=NOW - timedelta(days=3))  # as sync writes it
        elif spec["state"] != "none":
            state = CardState(
                card_id, spec["state"], 0 if spec["state"] != "review" else None,
                spec["stability"], 5.0, NOW + spec["due"],
                NOW - timedelta(days=spec["seen"]), 3,
            )  # fmt: skip
        if state is not None and spec["flag"] == "suspended":
            state = CardState(**{**state.__dict__, "suspended": True})
        if state is not None and spec["flag"] == "buried":
            state = CardState(**{**state.__dict__, "buried_until": NOW + timedelta(hours=5)})
        add_card(db, card_id, note=spec["note"], rule=spec["rule"], line=spec["line"],
                 deck=spec["deck"], side=index, state=state)  # fmt: skip
        if spec["flag"] == "retired":
            db.execute("UPDATE cards SET retired = ? WHERE id = ?", [to_iso(NOW), card_id])
        if (
            spec["rated_today"]
            and spec["flag"] == ""
            and spec["state"] in ("none", "new", "review")
        ):
            before = queue.load_item(db, card_id).state
            _, log = review(before, spec["rated_today"], NOW - timedelta(minutes=30))
            store.record_review(db, log)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(card_specs, settings_files, options)
def test_light_queue_equals_the_full_card_model(specs, settings_file, review_options):
    db = open_collection(":memory:")
    try:
        _fill(db, specs)
        expected = reference_queue(db, NOW, settings_file, review_options)
        assert light_queue(db, NOW, settings_file, review_options) == expected
    finally:
        db.close()


def test_light_queue_equals_the_model_on_a_fixed_mixed_collection():
    """A named case: every kind of card at once, limits that bite, one undone rating."""
    db = open_collection(":memory:")
    specs = [
        {"deck": deck, "note": f"n{i % 4}.md", "rule": "qa", "line": i % 3 + 1, "state": state,
         "due": timedelta(hours=(i * 7) % 50 - 30), "seen": i % 20 + 1,
         "stability": [0.5, 2.0, 7.5, 30.0][i % 4], "flag": "", "rated_today": None}
        for i, (deck, state) in enumerate(
            (d, s) for d in ("A", "A::x", "B") for s in ("none", "new", "learning", "review") * 4
        )
    ]  # fmt: skip
    _fill(db, specs)
    first = db.execute("SELECT MIN(id) FROM reviews").fetchone()[0]
    if first is not None:
        store.undo_review(db, first, NOW)
    settings_file = SettingsFile({"reviews_per_day": 10}, {"A": {"reviews_per_day": 3}})
    for review_options in (ReviewOptions(), ReviewOptions(deck="A"), ReviewOptions(limit=7)):
        expected = reference_queue(db, NOW, settings_file, review_options)
        assert light_queue(db, NOW, settings_file, review_options) == expected
        if review_options.limit is None:  # the case really has reviews and learning cards
            assert expected[0] and expected[2]
        else:  # --limit caps them all, learning cards included
            assert sum(map(len, expected)) == review_options.limit
    db.close()


@pytest.fixture
def db(tmp_path: Path):
    collection = open_collection(tmp_path / "c.db")
    yield collection
    collection.close()


def _due_reviews(db, deck: str, count: int, first: int = 0) -> list[str]:
    made = []
    for i in range(first, first + count):
        card_id = f"{i:016x}"
        add_card(db, card_id, deck=deck, line=i + 1, state=reviewed(card_id, 10 + i, 3, due_in=-1))
        made.append(card_id)
    return made


def test_reviews_per_day_limits_each_deck_and_counts_todays_reviews(db):
    big = _due_reviews(db, "Big", 10)
    small = _due_reviews(db, "Small", 2, first=50)
    settings_file = SettingsFile({}, {"Big": {"reviews_per_day": 3}})
    session = build_session(db, NOW, settings_file, ReviewOptions())
    # the three most overdue of Big (longest since seen, same stability), all of Small
    assert sorted(ids(session.reviews)) == sorted([*big[-3:], *small])
    assert session.counts() == (0, 0, 5)
    # two Big reviews rated today leave one slot for the rest of the day
    for card_id in big[-2:]:
        _, log = review(queue.load_item(db, card_id).state, 3, NOW - timedelta(hours=1))
        store.record_review(db, log)
    later = build_session(db, NOW, settings_file, ReviewOptions())
    assert [i for i in ids(later.reviews) if i in big] == [big[-3]]
    # the default is 200, like Anki's
    assert SettingsFile({}, {}).for_deck("Big").reviews_per_day == 200


def test_reviews_per_day_of_the_vault_or_deck_caps_the_whole_session(db):
    _due_reviews(db, "Lang::Japanese", 4)
    _due_reviews(db, "Lang::German", 4, first=20)
    _due_reviews(db, "Math", 4, first=40)
    settings_file = SettingsFile({"reviews_per_day": 5}, {"Lang": {"reviews_per_day": 6}})
    assert build_session(db, NOW, settings_file, ReviewOptions()).counts() == (0, 0, 5)
    by_deck = build_session(db, NOW, settings_file, ReviewOptions(deck="Lang"))
    assert by_deck.counts() == (0, 0, 6)
    assert all(entry.deck.startswith("Lang::") for entry in by_deck.reviews)
    # learning steps are never held back by the review limit
    card_id = "f" * 16
    add_card(db, card_id, deck="Math", line=99,
             state=CardState(card_id, "learning", 1, 1.0, 5.0, NOW, NOW, 1))  # fmt: skip
    no_reviews = SettingsFile({"reviews_per_day": 0}, {})
    assert build_session(db, NOW, no_reviews, ReviewOptions()).counts() == (0, 1, 0)


def test_config_shows_and_sets_reviews_per_day(tmp_path: Path):
    runner = CliRunner()
    shown = runner.invoke(app, ["config", str(tmp_path), "--get", "reviews_per_day", "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout) == {
        "key": "reviews_per_day", "value": 200, "source": "default", "deck": None,
    }  # fmt: skip
    result = runner.invoke(
        app, ["config", str(tmp_path), "--set", "reviews_per_day", "50", "--deck", "Bio"]
    )
    assert result.exit_code == 0, result.output
    table = runner.invoke(app, ["config", str(tmp_path), "--deck", "Bio::Cells"])
    row = next(line for line in table.stdout.splitlines() if "reviews_per_day" in line)
    assert "50" in row and "deck Bio" in row
    bad = runner.invoke(app, ["config", str(tmp_path), "--set", "reviews_per_day", "lots"])
    assert bad.exit_code == 1
    assert bad.stderr.strip() == "error: reviews_per_day: expected a whole number, got 'lots'"
