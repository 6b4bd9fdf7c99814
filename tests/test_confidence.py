"""Every card carries a confidence: explicit 1, mined below; it orders new cards and can filter."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.extract.confidence import (
    BACK_SIZES,
    FRONT_SIZES,
    NOTE_SIZES,
    NoteShape,
    features,
    rate,
)
from quizgarden.extract.confidence_weights import WEIGHTS
from quizgarden.model import Candidate
from quizgarden.review.runner import ReviewOptions, build_session
from quizgarden.settings import SettingsFile
from quizgarden.store import open_collection
from quizgarden.store.migrations import SCHEMA_VERSION
from quizgarden.store.sync import sync_vault

NOW = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
NOTE = (
    "# Cardiology\n\n"
    "Q: Which node sets the heart rhythm?\nA: The sinoatrial node\n\n"
    "## Ejection fraction\n\n"
    "Ejection fraction is the share of blood in the left ventricle pumped out with each beat; "
    "a normal value is 55 to 70 percent.\n\n"
    "- Preload: the stretch of the ventricle walls at the end of filling.\n"
)


def run(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args], env={"QUIZGARDEN_NOW": NOW.isoformat()})


def cards(vault: Path) -> list[dict]:
    result = run("extract", vault, "--json")
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_extract_json_gives_every_card_a_confidence(tmp_path: Path) -> None:
    (tmp_path / "heart.md").write_text(NOTE, "utf-8")
    found = cards(tmp_path)
    assert {c["rule"] for c in found} >= {"qa", "definition"}
    for card in found:
        assert 0 < card["confidence"] <= 1
        assert (card["confidence"] == 1) == (not card["mined"]), card


def test_min_confidence_leaves_out_mined_cards_below_it(tmp_path: Path) -> None:
    (tmp_path / "heart.md").write_text(NOTE, "utf-8")
    mined = sorted(c["confidence"] for c in cards(tmp_path) if c["mined"])
    assert mined, "the note should give mined cards"
    assert run("config", tmp_path, "--set", "extract.min_confidence", "0.99").exit_code == 0
    assert [c["rule"] for c in cards(tmp_path)] == ["qa"]  # explicit cards always stay
    bad = run("config", tmp_path, "--set", "extract.min_confidence", "2")
    assert bad.exit_code == 1 and "0 to 1" in bad.output


def test_new_cards_enter_review_highest_confidence_first(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "heart.md").write_text(NOTE, "utf-8")
    db = open_collection(tmp_path / "c.db")
    sync_vault(db, vault, now=NOW)
    stored = db.execute("SELECT id, confidence, rowid FROM cards").fetchall()
    assert len({conf for _, conf, _ in stored}) >= 2
    session = build_session(db, NOW, SettingsFile({}, {}), ReviewOptions())
    order = [entry.card_id for entry in session.new]
    by_id = {card_id: (conf, rowid) for card_id, conf, rowid in stored}
    assert order == sorted(by_id, key=lambda i: (-by_id[i][0], by_id[i][1]))
    assert by_id[order[0]][0] == 1.0  # the explicit card first


def test_an_older_collection_gains_the_column(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = open_collection(path)
    old.execute("DROP INDEX cards_deck_confidence")
    old.execute("ALTER TABLE cards DROP COLUMN confidence")
    old.execute("DELETE FROM _sqlite_migrations WHERE name = 'm003_card_confidence'")
    old.execute(
        "INSERT INTO cards (id, note, rule, type, front, back, deck, line, created, updated) "
        "VALUES ('a', 'n.md', 'qa', 'basic', 'f', 'b', 'Default', 1, 'x', 'x')"
    )
    old.conn.close()
    db = open_collection(path)
    assert db.execute("SELECT confidence FROM cards").fetchall() == [(1.0,)]
    names = [n for (n,) in sqlite3.connect(path).execute("SELECT name FROM _sqlite_migrations")]
    assert names[-1] == "m003_card_confidence" and len(names) == SCHEMA_VERSION


def test_answers_short_by_design_are_not_rated_as_fragments(tmp_path: Path) -> None:
    """A true/false drill answers with its mark and a table cell with a word: there a short back
    is the shape itself, not a fragment cut from prose (before, these sat at 0.65 and 0.5)."""
    (tmp_path / "drill.md").write_text(
        "# Physiology drill\n\n"
        "1 The heart has four chambers. T\n"
        "2 Red blood cells have a nucleus. F\n"
        "3 Arteries carry blood away from the heart. T\n\n"
        "## Verbs\n\n"
        "| Person | Present |\n|---|---|\n| Yo | hablo |\n| Tú | hablas |\n| Él | habla |\n",
        "utf-8",
    )
    rated = [(c["rule"], c["back"], c["confidence"]) for c in cards(tmp_path) if c["mined"]]
    verdicts = [v for rule, _, v in rated if rule == "verdict"]
    cells = [v for rule, _, v in rated if rule == "table"]
    assert len(verdicts) == 3 and len(cells) == 3, rated
    assert min(verdicts) >= 0.75 and min(cells) >= 0.7, rated


# -- the fitted confidence (extract/confidence.py, weights from bench/fit_confidence.py) --

#: Cards of shapes a learner keeps: a term named in its own answer, a deflist entry, a
#: true/false drill repeated through its note. Written for this test, not taken from notes.
KEPT_SHAPES = [
    (
        Candidate("definition", "basic", "Osmosis", "Osmosis moves water across a membrane.", 3),
        NoteShape(per_rule={"definition": 12}),
    ),
    (
        Candidate("deflist", "basic", "Anion", "an ion with a negative charge.", 5),
        NoteShape(per_rule={"deflist": 8}),
    ),
    (
        Candidate("verdict", "basic", "Arteries carry blood away from the heart.", "T", 7),
        NoteShape(per_rule={"verdict": 20}),
    ),
]
#: Shapes that are junk, each met once in a long note whose sections gave heading cards (its
#: rule a minor shape there, on few of the note's lines): a counted label over an answer that
#: opens on its own bold label, a formula block under a section path, questions given as an
#: answer in a note whose author wrote cards on purpose.
JUNK_SHAPES = [
    (
        Candidate("definition", "basic", "Case 2", "**Then:** the second branch applies.", 9),
        NoteShape(per_rule={"definition": 1, "heading": 12}, lines=150, used=13),
    ),
    (
        Candidate("formula", "basic", "Kinetics › Rates: $k = \\;?$", "$$\nk = A e^{-E/RT}\n$$", 4),
        NoteShape(per_rule={"formula": 1, "heading": 12}, lines=150, used=13),
    ),
    (
        Candidate("label", "basic", "Examples", "- Which one?\n- Why?\n- How many?", 2),
        NoteShape(explicit=True, per_rule={"label": 1, "heading": 12}, lines=150, used=13),
    ),
]


def _note_of(card: Candidate, shape: NoteShape) -> NoteShape:
    """`shape` again, from a note's cards and body: `card`, then cards of each rule to its
    count, each on a line of its own and under a front of its own."""
    cards = [card] + [
        Candidate(rule, "basic", f"Other {rule} {n}", "An answer.", 100 + 10 * k + n)
        for k, (rule, count) in enumerate(sorted(shape.per_rule.items()))
        for n in range(count - (rule == card.rule))
    ]
    if shape.explicit:
        cards.append(Candidate("qa", "basic", "Q", "A", 1))
    body = "\n".join(f"line {n}" for n in range(shape.lines)) if shape.lines else None
    return NoteShape.of(cards, body)


def test_the_fitted_confidence_ranks_kept_shapes_above_junk_shapes() -> None:
    kept = [rate(card, shape) for card, shape in KEPT_SHAPES]
    junk = [rate(card, shape) for card, shape in JUNK_SHAPES]
    assert min(kept) > max(junk), (kept, junk)
    assert all(0 < v < 1 for v in kept + junk)


def test_the_fitted_confidence_is_deterministic_and_rounded() -> None:
    for card, shape in KEPT_SHAPES + JUNK_SHAPES:
        first = rate(card, shape)
        assert rate(card, shape) == first == round(first, 2)
        assert rate(card, _note_of(card, shape)) == first  # the same shape, from a note
    explicit = Candidate("qa", "basic", "Q", "A", 1)
    assert rate(explicit, NoteShape(explicit=True)) == 1.0


def test_the_same_notes_always_give_the_same_confidences(tmp_path: Path) -> None:
    (tmp_path / "heart.md").write_text(NOTE, "utf-8")
    first = [(c["front"], c["confidence"]) for c in cards(tmp_path)]
    assert first == [(c["front"], c["confidence"]) for c in cards(tmp_path)]


def test_every_weight_names_a_feature_the_rater_can_give() -> None:
    """The weights are data from the fit: each must be a name `features` produces (a rule of
    the table, a size bin, a structural shape), none a word of a note."""
    from quizgarden.extract import RULES

    shapes = {
        "note_explicit", "rule_once", "rule_few", "rule_many", "front_asks", "front_path",
        "front_deep_path", "front_distinctive", "front_label", "front_counted", "front_math",
        "front_caps", "front_open", "front_joined", "front_in_back", "back_lines", "back_list",
        "back_math", "back_display_math", "back_code", "back_open", "back_sentence",
        "back_asks", "back_bold_lead", "back_links", "back_markup", "cjk", "rule_main",
        "rule_minor", "note_sparse", "note_low", "note_mid", "note_dense", "note_full",
        "front_twice", "front_symbol", "front_aside", "front_digit", "section_one",
        "section_few", "section_many",
    }  # fmt: skip
    bins = {f"front<={b}" for b in FRONT_SIZES} | {f"front>{FRONT_SIZES[-1]}"}
    bins |= {f"note_cards<={b}" for b in NOTE_SIZES} | {f"note_cards>{NOTE_SIZES[-1]}"}
    bins |= {f"back<={b}" for b in BACK_SIZES} | {f"back>{BACK_SIZES[-1]}"}
    known = shapes | bins | {f"rule={name}" for name, _ in RULES}
    assert set(WEIGHTS) <= known, set(WEIGHTS) - known
    assert {f"rule={name}" for name in ("definition", "heading", "formula")} <= set(WEIGHTS)
    for card, shape in KEPT_SHAPES + JUNK_SHAPES:
        assert set(features(card, shape)) <= known


# -- what the note shows of a card: how many cards it gives, how much of it they cover --

#: A glossary: every line a term and its meaning, so the definition rule reads the whole note.
GLOSSARY = [
    Candidate("definition", "basic", term, meaning, n + 1)
    for n, (term, meaning) in enumerate(
        [
            ("Osmosis", "water moving across a membrane towards more solute."),
            ("Diffusion", "particles spreading from high to low concentration."),
            ("Anion", "an ion with a negative charge."),
            ("Cation", "an ion with a positive charge."),
            ("Isotope", "an atom with another number of neutrons."),
            ("Catalyst", "a substance that speeds a reaction and is not used up."),
            ("Enzyme", "a protein that is a catalyst in living things."),
            ("Solute", "what is dissolved in a solution."),
        ]
    )
]
#: An essay of 150 lines of prose: its sections gave heading cards, and the definition rule
#: fired twice on one stray line, on one front.
ESSAY_BODY = "\n".join(f"Line {n} of a long argument about trade and empire." for n in range(150))
ESSAY = [
    *(
        Candidate("heading", "basic", f"Part {n}", "What the part argues.", 10 * n)
        for n in range(12)
    ),
    Candidate("definition", "basic", "Osmosis", "water moving across a membrane.", 125),
    Candidate("definition", "basic", "Osmosis", "see the lab sheet.", 126),
]


def test_the_note_shape_ranks_a_stray_card_below_the_same_card_in_a_glossary() -> None:
    """The same card reads differently by its note: in a glossary whose every line is a card of
    its rule it is the author's habit; in an essay, a minor shape on a sparse note whose front
    the note gives twice, it is more often a stray."""
    card = GLOSSARY[0]
    glossary = NoteShape.of(GLOSSARY, "\n".join(f"{c.front}: {c.back}" for c in GLOSSARY))
    essay = NoteShape.of(ESSAY, ESSAY_BODY)
    kept, stray = features(card, glossary), features(card, essay)
    assert {"rule_main", "note_full"} <= set(kept), kept
    assert {"rule_minor", "note_sparse", "front_twice"} <= set(stray), stray
    assert rate(card, glossary) - rate(card, essay) >= 0.2, (
        rate(card, glossary),
        rate(card, essay),
    )


def test_the_card_section_and_the_front_shape_are_read() -> None:
    """How many mined cards the card's section gives (one, 2-5, more), and whether the front's
    last part is only a symbol, holds an aside in brackets or a digit."""
    terms = [
        Candidate("definition", "basic", f"Plants › Term {n}", "a thing named.", n)
        for n in range(7)
    ]
    stray = Candidate("definition", "basic", "Animals › Cell", "the unit of life.", 20)
    shape = NoteShape.of([*terms, stray])
    assert "section_many" in features(terms[0], shape)
    assert "section_one" in features(stray, shape)
    assert "section_few" in features(terms[0], NoteShape.of(terms[:3]))
    assert "section_one" not in features(GLOSSARY[0], NoteShape.of(GLOSSARY))  # no section
    symbol = Candidate("definition", "basic", "P_0", "the sum raised at the start.", 3)
    aside = Candidate("definition", "basic", "Ferns (vascular)", "plants with spores.", 3)
    assert {"front_symbol", "front_digit"} <= set(features(symbol))
    assert "front_aside" in features(aside) and "front_symbol" not in features(aside)
    assert "front_symbol" not in features(
        Candidate("definition", "basic", "细胞", "生命的单位。", 1)
    )
