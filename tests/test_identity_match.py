"""Re-matching candidates to stored cards: the pure part of sync, without files or SQLite."""

from __future__ import annotations

from datetime import UTC, datetime

from quizgarden.identity import match_cards, mint_id, mint_unique_id
from quizgarden.model import Candidate, Card
from quizgarden.similarity import text_similarity, tokens

T0 = datetime(2025, 1, 1, tzinfo=UTC)


def card(card_id: str, note: str, front: str, back: str, **kw: object) -> Card:
    fields: dict = {"rule": "qa", "type": "basic", "deck": "d", "tags": (), "line": 1}
    fields.update(kw)
    return Card(id=card_id, note=note, front=front, back=back, **fields)


def cand(front: str, back: str, **kw: object) -> Candidate:
    fields: dict = {"rule": "qa", "type": "basic", "line": 1}
    fields.update(kw)
    return Candidate(front=front, back=back, **fields)


def ids(matching, note: str, count: int) -> list[str | None]:
    return [c.id if (c := matching.matched.get((note, i))) else None for i in range(count)]


def test_mint_id_is_stable_and_ignores_case_and_spacing() -> None:
    a = mint_id("a.md", cand("What is  X?", "y"))
    assert a == mint_id("a.md", cand("what is x?", "other answer"))
    assert len(a) == 16 and int(a, 16) >= 0
    assert a != mint_id("b.md", cand("What is X?", "y"))


def test_mint_unique_id_salts_until_free() -> None:
    first = mint_id("a.md", cand("Q", "A"))
    taken = {first}
    second = mint_unique_id("a.md", cand("Q", "A"), taken.__contains__)
    assert second != first and len(second) == 16
    assert mint_unique_id("a.md", cand("Q", "A"), taken.__contains__) == second


def test_similarity_typo_reword_and_different_question() -> None:
    assert text_similarity("The capital is Paris", "The capital is Pairs") > 0.85
    reword = text_similarity(
        "What is the capital of France?", "Which city is the capital of France?"
    )
    different = text_similarity("Who wrote Hamlet?", "Who wrote Macbeth?")
    assert reword >= 0.7
    assert different < 0.6


def test_similarity_counts_an_added_sentence_as_contained() -> None:
    short = "Mitochondria make ATP for the cell."
    longer = short + " They have their own DNA, inherited from the mother."
    assert text_similarity(short, longer) < 0.7
    assert text_similarity(short, longer, containment=True) >= 0.85


def test_cjk_text_is_compared_by_character_bigrams() -> None:
    assert "首都" in tokens("东京是日本的首都")
    assert text_similarity("东京是日本的首都", "东京是日本国的首都") >= 0.75
    assert text_similarity("东京是日本的首都", "巴黎是法国的首都") < 0.5


def test_exact_front_keeps_id_even_when_the_back_changes_completely() -> None:
    old = {"n.md": [card("c1", "n.md", "What is X?", "A thing")]}
    m = match_cards(old, {"n.md": [cand("What is X?", "Something else entirely", line=9)]})
    assert ids(m, "n.md", 1) == ["c1"]
    assert m.unmatched_old == () and m.unmatched_new == ()


def test_block_id_beats_text() -> None:
    old = {
        "n.md": [
            card("c1", "n.md", "Alpha question here", "one", block_id="q1"),
            card("c2", "n.md", "Beta question here", "two", block_id="q2"),
        ]
    }
    # the author rewrote both texts completely but kept the block ids
    new = {
        "n.md": [cand("Totally new wording", "x", block_id="q2"), cand("Other", "y", block_id="q1")]
    }
    assert ids(match_cards(old, new), "n.md", 2) == ["c2", "c1"]


def test_block_id_moves_with_the_card_to_another_note() -> None:
    old = {"a.md": [card("c1", "a.md", "Define entropy", "disorder measure", block_id="ent")]}
    new = {
        "a.md": [],
        "b.md": [cand("Define entropy (physics)", "a disorder measure", block_id="ent")],
    }
    m = match_cards(old, new)
    assert m.matched[("b.md", 0)].id == "c1"


def test_reworded_question_same_answer_keeps_id_but_different_question_does_not() -> None:
    old = {
        "n.md": [
            card("c1", "n.md", "What is the capital of France?", "Paris", line=1),
            card("c2", "n.md", "Who wrote Hamlet?", "Shakespeare", line=3),
        ]
    }
    new = {
        "n.md": [
            cand("Which city is the capital of France?", "Paris", line=1),
            cand("Who wrote Macbeth?", "Shakespeare", line=3),
        ]
    }
    m = match_cards(old, new)
    assert ids(m, "n.md", 2) == ["c1", None]
    assert [c.id for c in m.unmatched_old] == ["c2"]


def test_reversed_sides_never_swap() -> None:
    old = {
        "n.md": [
            card("f", "n.md", "chien", "dog", rule="inline", type="reversed", side=0),
            card("r", "n.md", "dog", "chien", rule="inline", type="reversed", side=1),
        ]
    }
    new = {
        "n.md": [
            cand("dog", "chien", rule="inline", type="reversed", side=1),
            cand("chien", "dog", rule="inline", type="reversed", side=0),
        ]
    }
    assert ids(match_cards(old, new), "n.md", 2) == ["r", "f"]


def test_cloze_renumbering_follows_the_deletion() -> None:
    text = "The {{c1::Seine}} flows through {{c2::Paris}}."
    old = {
        "n.md": [
            card(
                "s",
                "n.md",
                "The {{c1::Seine}} flows through Paris.",
                "Seine",
                rule="cloze",
                type="cloze",
                side=1,
            ),
            card(
                "p",
                "n.md",
                "The Seine flows through {{c2::Paris}}.",
                "Paris",
                rule="cloze",
                type="cloze",
                side=2,
            ),
        ]
    }
    assert text  # the note before; now a new deletion comes first and renumbers the others
    new = {
        "n.md": [
            cand(
                "The {{c1::river}} Seine flows through Paris.",
                "river",
                rule="cloze",
                type="cloze",
                side=1,
            ),
            cand(
                "The river {{c2::Seine}} flows through Paris.",
                "Seine",
                rule="cloze",
                type="cloze",
                side=2,
            ),
            cand(
                "The river Seine flows through {{c3::Paris}}.",
                "Paris",
                rule="cloze",
                type="cloze",
                side=3,
            ),
        ]
    }
    assert ids(match_cards(old, new), "n.md", 3) == [None, "s", "p"]


def test_duplicate_questions_pair_one_to_one_by_line() -> None:
    old = {
        "n.md": [
            card("a", "n.md", "Why?", "first", line=1),
            card("b", "n.md", "Why?", "second", line=5),
        ]
    }
    new = {"n.md": [cand("Why?", "second", line=6), cand("Why?", "first", line=2)]}
    assert ids(match_cards(old, new), "n.md", 2) == ["b", "a"]


def test_renamed_note_is_paired_and_its_edited_cards_follow() -> None:
    qs = [
        ("What is the speed of light?", "About 300,000 km per second"),
        ("What is Planck's constant?", "6.626e-34 joule seconds"),
        ("Who proposed general relativity?", "Albert Einstein in 1915"),
    ]
    old = {"old.md": [card(f"c{i}", "old.md", f, b, line=i) for i, (f, b) in enumerate(qs)]}
    edited = [cand(f, b, line=i) for i, (f, b) in enumerate(qs[:2])]
    # the third card is reworded in the same edit as the rename
    edited.append(cand("Who first proposed general relativity?", "Albert Einstein, 1915", line=2))
    m = match_cards(old, {"new.md": edited}, vanished=["old.md"], created=["new.md"])
    assert m.renamed == {"old.md": "new.md"}
    assert ids(m, "new.md", 3) == ["c0", "c1", "c2"]


def test_unrelated_card_elsewhere_is_not_stolen() -> None:
    old = {"a.md": [card("c1", "a.md", "What does DNA stand for?", "Deoxyribonucleic acid")]}
    new = {"a.md": [], "b.md": [cand("What does RNA stand for?", "Ribonucleic acid")]}
    m = match_cards(old, new)
    assert m.matched == {}
    assert [c.id for c in m.unmatched_old] == ["c1"]


def test_retired_card_revives_but_an_active_twin_is_preferred() -> None:
    old = {
        "n.md": [
            card("gone", "n.md", "Q?", "A", retired=T0, line=1),
            card("live", "n.md", "Q?", "A", line=4),
        ]
    }
    m = match_cards(old, {"n.md": [cand("Q?", "A", line=1)]})
    assert ids(m, "n.md", 1) == ["live"]
    assert [c.id for c in m.unmatched_old] == ["gone"]


def test_matching_is_deterministic() -> None:
    old = {
        "n.md": [card(f"c{i}", "n.md", "Same question", "same answer", line=i) for i in range(5)]
    }
    new = {"n.md": [cand("Same question", "same answer", line=i) for i in range(5)]}
    first = ids(match_cards(old, new), "n.md", 5)
    assert first == ids(match_cards(old, new), "n.md", 5) == [f"c{i}" for i in range(5)]
