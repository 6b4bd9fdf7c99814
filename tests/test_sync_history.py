"""Review history survives the edits learners make every day, and only those.

Each case builds a vault, syncs, records two reviews on every card, edits the notes, syncs again
and checks, card by card, whether the id, state and review log were kept, retired or started anew.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import quizgarden.extract as extract
from quizgarden.model import Card
from quizgarden.store.db import open_collection
from quizgarden.store.queries import list_cards
from quizgarden.store.sync import SyncReport, sync_vault

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)


def write_vault(vault: Path, files: dict[str, str]) -> None:
    """Make `vault` hold exactly `files` (a rewrite keeps unchanged files byte-identical)."""
    if vault.exists():
        for child in vault.iterdir():
            if child.name != ".quizgarden":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    for rel, text in files.items():
        path = vault / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def sync(db, vault: Path, day: int) -> SyncReport:
    return sync_vault(db, vault, now=T0 + timedelta(days=day))


def review(db, card_id: str, when: datetime, rating: int = 3) -> None:
    """Append a review and move the card's state on, as the review command does."""
    db.execute("BEGIN IMMEDIATE")
    db.execute(
        "INSERT INTO reviews (card_id, rating, reviewed_at, state_before, state_after)"
        " VALUES (?, ?, ?, '{}', '{}')",
        [card_id, rating, when.isoformat()],
    )
    db.execute(
        "UPDATE card_state SET state = 'review', reps = reps + 1, stability = 3.5,"
        " difficulty = 5.0, due = ?, last_review = ? WHERE card_id = ?",
        [(when + timedelta(days=3)).isoformat(), when.isoformat(), card_id],
    )
    db.execute("COMMIT")


def history(db, card_id: str) -> int:
    return db.execute("SELECT count(*) FROM reviews WHERE card_id = ?", [card_id]).fetchone()[0]


def reps(db, card_id: str) -> int:
    return db.execute("SELECT reps FROM card_state WHERE card_id = ?", [card_id]).fetchone()[0]


def active(db) -> dict[str, Card]:
    """Active cards by front (fronts are unique in these vaults)."""
    found = {card.front: card for card, _ in list_cards(db)}
    assert len(found) == len(list_cards(db)), "fronts must be unique in the test vaults"
    return found


def card_row(db, card_id: str) -> dict:
    cursor = db.execute("SELECT * FROM cards WHERE id = ?", [card_id])
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


@dataclass(frozen=True)
class Case:
    """One kind of edit: the vault before and after, and what must happen to each card."""

    name: str
    before: dict[str, str]
    after: dict[str, str]
    keep: dict[str, str]  # front before -> front after: same id, state and history
    retire: tuple[str, ...] = ()  # fronts before whose cards must be retired, history kept
    new: tuple[str, ...] = ()  # fronts after that must be new cards
    moved: int = 0  # cards expected in the report as moved
    extra: dict[str, str] = field(default_factory=dict)  # front after -> expected note path


FRANCE = (
    "# France\n\nQ: What is the capital of France?\nA: {answer}\n\n"
    "Q: What river flows through Paris?\nA: The Seine\n"
)
BIO = (
    "# Cells\n\n"
    "- Mitochondria::Organelles that make ATP for the cell.\n"
    "- Ribosome::Molecular machine that builds proteins.\n"
    "- Nucleus::Holds the genetic material.\n"
)
SECTIONS = (
    "# Physics\n\n## Light\n\nQ: What is the speed of light?\nA: About 300,000 km/s\n\n"
    "## Gravity\n\nQ: What is g on Earth?\nA: About 9.81 m/s²\n"
)
SECTIONS_SWAPPED = (
    "# Physics\n\n## Gravity\n\nQ: What is g on Earth?\nA: About 9.81 m/s²\n\n"
    "## Light\n\nQ: What is the speed of light?\nA: About 300,000 km/s\n"
)
OTHER = "# Misc\n\nQ: Who painted the Mona Lisa?\nA: Leonardo da Vinci\n"
CAPITAL = "What is the capital of France?"
RIVER = "What river flows through Paris?"
MONA = "Who painted the Mona Lisa?"
LIGHT = "What is the speed of light?"
GRAVITY = "What is g on Earth?"

CASES = [
    Case(
        "typo in an answer",
        {"france.md": FRANCE.format(answer="Pairs")},
        {"france.md": FRANCE.format(answer="Paris")},
        keep={CAPITAL: CAPITAL, RIVER: RIVER},
    ),
    Case(
        "question reworded slightly",
        {"france.md": FRANCE.format(answer="Paris")},
        {
            "france.md": FRANCE.format(answer="Paris").replace(
                CAPITAL, "Which city is the capital of France?"
            )
        },
        keep={CAPITAL: "Which city is the capital of France?", RIVER: RIVER},
    ),
    Case(
        "sentence added to a definition",
        {"bio.md": BIO},
        {
            "bio.md": BIO.replace(
                "make ATP for the cell.", "make ATP for the cell. They carry their own DNA."
            )
        },
        keep={"Mitochondria": "Mitochondria", "Ribosome": "Ribosome", "Nucleus": "Nucleus"},
    ),
    Case(
        "question reworded and answer extended at once",
        {"france.md": FRANCE.format(answer="Paris")},
        {
            "france.md": FRANCE.format(answer="Paris, on the Seine.").replace(
                CAPITAL, "What is the capital city of France?"
            )
        },
        keep={CAPITAL: "What is the capital city of France?", RIVER: RIVER},
    ),
    Case(
        "section moved within a note",
        {"physics.md": SECTIONS},
        {"physics.md": SECTIONS_SWAPPED},
        keep={LIGHT: LIGHT, GRAVITY: GRAVITY},
    ),
    Case(
        "card moved to another note",
        {"france.md": FRANCE.format(answer="Paris"), "misc.md": OTHER},
        {
            "france.md": "# France\n\nQ: What is the capital of France?\nA: Paris\n",
            "misc.md": OTHER + "\nQ: What river flows through Paris?\nA: The Seine\n",
        },
        keep={CAPITAL: CAPITAL, RIVER: RIVER, MONA: MONA},
        moved=1,
        extra={RIVER: "misc.md"},
    ),
    Case(
        "note renamed",
        {"france.md": FRANCE.format(answer="Paris"), "misc.md": OTHER},
        {"La France.md": FRANCE.format(answer="Paris"), "misc.md": OTHER},
        keep={CAPITAL: CAPITAL, RIVER: RIVER, MONA: MONA},
        moved=2,
        extra={CAPITAL: "La France.md"},
    ),
    Case(
        "note renamed and edited in the same sync",
        {"france.md": FRANCE.format(answer="Paris")},
        {
            "geo/France notes.md": FRANCE.format(answer="Paris").replace(
                "The Seine", "The Seine, then into the Channel"
            )
        },
        keep={CAPITAL: CAPITAL, RIVER: RIVER},
        moved=2,
    ),
    Case(
        "note moved to another folder",
        {"france.md": FRANCE.format(answer="Paris"), "misc.md": OTHER},
        {"europe/france.md": FRANCE.format(answer="Paris"), "misc.md": OTHER},
        keep={CAPITAL: CAPITAL, RIVER: RIVER, MONA: MONA},
        moved=2,
        extra={CAPITAL: "europe/france.md"},
    ),
    Case(
        "list items reordered",
        {"bio.md": BIO},
        {"bio.md": "\n".join([BIO.splitlines()[0], "", *reversed(BIO.splitlines()[2:])]) + "\n"},
        keep={"Mitochondria": "Mitochondria", "Ribosome": "Ribosome", "Nucleus": "Nucleus"},
    ),
    Case(
        "question replaced by a different one",
        {"france.md": FRANCE.format(answer="Paris")},
        {
            "france.md": FRANCE.format(answer="About 68 million").replace(
                CAPITAL, "What is the population of France?"
            )
        },
        keep={RIVER: RIVER},
        retire=(CAPITAL,),
        new=("What is the population of France?",),
    ),
    Case(
        "question replaced, answer kept",
        {"lit.md": "Q: Who wrote Hamlet?\nA: William Shakespeare\n"},
        {
            "lit.md": "Q: Who wrote Paradise Lost?\nA: John Milton\n\n"
            "Q: Who wrote Macbeth?\nA: William Shakespeare\n"
        },
        keep={},
        retire=("Who wrote Hamlet?",),
        new=("Who wrote Paradise Lost?", "Who wrote Macbeth?"),
    ),
    Case(
        "card deleted",
        {"france.md": FRANCE.format(answer="Paris")},
        {"france.md": "# France\n\nQ: What river flows through Paris?\nA: The Seine\n"},
        keep={RIVER: RIVER},
        retire=(CAPITAL,),
    ),
    Case(
        "note deleted",
        {"france.md": FRANCE.format(answer="Paris"), "misc.md": OTHER},
        {"misc.md": OTHER},
        keep={MONA: MONA},
        retire=(CAPITAL, RIVER),
    ),
    Case(
        "Chinese answer typo and question reworded",
        {"zh.md": "Q: 日本的首都是哪里？\nA: 东京是日本的首都\n"},
        {"zh.md": "Q: 日本的首都是哪个城市？\nA: 东京是日本的首都。\n"},
        keep={"日本的首都是哪里？": "日本的首都是哪个城市？"},
    ),
    Case(
        "block id kept through a full rewrite",
        {"n.md": "Q: What does ATP stand for? ^atp\nA: Adenosine triphosphate\n"},
        {"n.md": "Q: Expand the acronym ATP ^atp\nA: adenosine tri-phosphate\n"},
        keep={"What does ATP stand for?": "Expand the acronym ATP"},
    ),
]


HARDER = [
    Case(
        "typo fixed in a question",
        {"france.md": FRANCE.format(answer="Paris").replace("capital", "captial")},
        {"france.md": FRANCE.format(answer="Paris")},
        keep={CAPITAL.replace("capital", "captial"): CAPITAL, RIVER: RIVER},
    ),
    Case(
        "typo fixed in a two-way card",
        {"fr.md": "- chien:::dgo\n- chat:::cat\n"},
        {"fr.md": "- chien:::dog\n- chat:::cat\n"},
        keep={"chien": "chien", "dgo": "dog", "chat": "chat", "cat": "cat"},
    ),
    Case(
        "cloze deletion added to a sentence",
        {"c.md": "The {{c1::Seine}} flows through {{c2::Paris}}.\n"},
        {"c.md": "The {{c1::Seine}} flows through {{c2::Paris}}, the {{c3::capital}}.\n"},
        keep={
            "The {{c1::Seine}} flows through Paris.": (
                "The {{c1::Seine}} flows through Paris, the capital."
            ),
            "The Seine flows through {{c2::Paris}}.": (
                "The Seine flows through {{c2::Paris}}, the capital."
            ),
        },
        new=("The Seine flows through Paris, the {{c3::capital}}.",),
    ),
    Case(
        "mined definition: term typo fixed and definition extended",
        {"bio.md": "# Cells\n\n- **Mitochondrion**: the powerhouse of the cell.\n"},
        {"bio.md": "# Cells\n\n- **Mitochondria**: the powerhouse of the cell, making ATP.\n"},
        keep={"Cells › Mitochondrion": "Cells › Mitochondria"},
    ),
    Case(
        "card moved to another note with its answer fixed",
        {"france.md": FRANCE.format(answer="Paris"), "misc.md": OTHER},
        {
            "france.md": "# France\n\nQ: What is the capital of France?\nA: Paris\n",
            "misc.md": OTHER + "\nQ: What river flows through Paris?\nA: The river Seine\n",
        },
        keep={CAPITAL: CAPITAL, RIVER: RIVER, MONA: MONA},
        moved=1,
    ),
    Case(
        "card moved to another note and reworded",
        {"france.md": FRANCE.format(answer="Paris"), "misc.md": OTHER},
        {
            "france.md": "# France\n\nQ: What river flows through Paris?\nA: The Seine\n",
            "misc.md": OTHER + "\nQ: Which city is the capital of France?\nA: Paris\n",
        },
        keep={CAPITAL: "Which city is the capital of France?", RIVER: RIVER, MONA: MONA},
        moved=1,
    ),
]
CASES += HARDER


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_edit_keeps_history_where_it_should(tmp_path: Path, case: Case) -> None:
    vault = tmp_path / "vault"
    write_vault(vault, case.before)
    db = open_collection(tmp_path / "c.db")
    first = sync(db, vault, 0)
    before = active(db)
    assert first.cards_new == len(before) > 0
    for n, card in enumerate(before.values()):
        review(db, card.id, T0 + timedelta(hours=n + 1))
        review(db, card.id, T0 + timedelta(days=1, hours=n + 1))

    write_vault(vault, case.after)
    report = sync(db, vault, 5)
    after = active(db)
    old_ids = {c.id for c in before.values()}

    for old_front, new_front in case.keep.items():
        kept = after[new_front]
        assert kept.id == before[old_front].id, f"{old_front!r} lost its id"
        assert history(db, kept.id) == 2 and reps(db, kept.id) == 2
        assert kept.created == T0
    for old_front in case.retire:
        gone = card_row(db, before[old_front].id)
        assert gone["retired"] == (T0 + timedelta(days=5)).isoformat()
        assert history(db, gone["id"]) == 2
        assert old_front not in after or after[old_front].id != gone["id"]
    for new_front in case.new:
        assert after[new_front].id not in old_ids
        assert reps(db, after[new_front].id) == 0
    for front, note in case.extra.items():
        assert after[front].note == note
    assert set(after) == set(case.keep.values()) | set(case.new)
    assert report.cards_retired == len(case.retire)
    assert report.cards_new == len(case.new)
    assert report.cards_moved == case.moved


def test_deleted_card_is_retired_then_revived_with_its_history(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    write_vault(vault, {"france.md": FRANCE.format(answer="Paris")})
    db = open_collection(tmp_path / "c.db")
    sync(db, vault, 0)
    capital = active(db)[CAPITAL]
    review(db, capital.id, T0 + timedelta(hours=1))

    write_vault(vault, {"france.md": "Q: What river flows through Paris?\nA: The Seine\n"})
    report = sync(db, vault, 1)
    assert report.cards_retired == 1
    assert CAPITAL not in active(db)
    assert [c.id for c, _ in list_cards(db, include_retired=True)].count(capital.id) == 1

    write_vault(vault, {"france.md": FRANCE.format(answer="Paris")})
    report = sync(db, vault, 2)
    assert report.cards_revived == 1 and report.cards_new == 0
    revived = active(db)[CAPITAL]
    assert revived.id == capital.id and revived.retired is None
    assert history(db, capital.id) == 1 and reps(db, capital.id) == 1


def test_card_revives_when_restored_in_a_different_note(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    write_vault(vault, {"a.md": OTHER, "b.md": "# B\n\nQ: Unrelated?\nA: Yes\n"})
    db = open_collection(tmp_path / "c.db")
    sync(db, vault, 0)
    mona = active(db)[MONA]
    write_vault(vault, {"a.md": "# Misc\n", "b.md": "# B\n\nQ: Unrelated?\nA: Yes\n"})
    assert sync(db, vault, 1).cards_retired == 1
    write_vault(vault, {"a.md": "# Misc\n", "b.md": "# B\n\nQ: Unrelated?\nA: Yes\n\n" + OTHER})
    report = sync(db, vault, 2)
    assert report.cards_revived == 1
    assert active(db)[MONA].id == mona.id and active(db)[MONA].note == "b.md"


def test_rejected_card_stays_rejected_after_a_small_edit(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    write_vault(vault, {"france.md": FRANCE.format(answer="Pairs")})
    db = open_collection(tmp_path / "c.db")
    sync(db, vault, 0)
    capital = active(db)[CAPITAL]
    db.execute("UPDATE cards SET rejected = ? WHERE id = ?", [T0.isoformat(), capital.id])

    write_vault(
        vault, {"france.md": FRANCE.format(answer="Paris").replace("capital", "capital city")}
    )
    report = sync(db, vault, 1)
    assert report.cards_new == 0
    assert CAPITAL.replace("capital", "capital city") not in active(db)  # still hidden
    row = card_row(db, capital.id)
    assert row["rejected"] == T0.isoformat() and row["retired"] is None
    assert row["front"] == "What is the capital city of France?"


def test_unreadable_note_keeps_its_cards_and_is_reported(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    write_vault(vault, {"france.md": FRANCE.format(answer="Paris"), "misc.md": OTHER})
    db = open_collection(tmp_path / "c.db")
    sync(db, vault, 0)
    before = active(db)
    review(db, before[CAPITAL].id, T0 + timedelta(hours=1))

    (vault / "france.md").write_bytes(b"\x00\x01binary garbage\x00" * 10)
    report = sync(db, vault, 1)
    assert report.notes_failed == 1 and report.cards_retired == 0
    assert [p.path for p in report.problems] == ["france.md"]
    assert active(db) == before
    # still broken and unchanged: still reported, still nothing retired
    report = sync(db, vault, 2)
    assert report.notes_failed == 1 and report.cards_retired == 0
    assert [str(p) for p in report.problems] == ["france.md:1: skipped: binary file"]

    (vault / "france.md").write_text(FRANCE.format(answer="Paris!"), encoding="utf-8")
    report = sync(db, vault, 3)
    assert report.notes_failed == 0 and report.cards_updated == 1
    assert active(db)[CAPITAL].id == before[CAPITAL].id and history(db, before[CAPITAL].id) == 1


def test_unchanged_notes_are_not_parsed_again(tmp_path: Path, monkeypatch) -> None:
    vault = tmp_path / "v"
    write_vault(vault, {f"n{i}.md": f"Q: Question {i}?\nA: Answer {i}\n" for i in range(20)})
    db = open_collection(tmp_path / "c.db")
    assert sync(db, vault, 0).cards_new == 20
    old = T0.timestamp()
    for path in vault.glob("*.md"):  # as if written long ago: mtimes can be trusted
        os.utime(path, (old, old))
    sync(db, vault, 1)  # records the trusted mtimes (content unchanged)
    parsed: list[str] = []
    real = extract.extract_note
    monkeypatch.setattr(
        extract, "extract_note", lambda note, *a: parsed.append(note.path) or real(note, *a)
    )
    (vault / "n3.md").write_text("Q: Question 3?\nA: Answer three\n", encoding="utf-8")
    report = sync(db, vault, 2)
    assert parsed == ["n3.md"]
    assert (report.notes_changed, report.notes_skipped, report.cards_updated) == (1, 19, 1)


def test_same_content_new_mtime_changes_nothing(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    write_vault(vault, {"france.md": FRANCE.format(answer="Paris")})
    db = open_collection(tmp_path / "c.db")
    sync(db, vault, 0)
    before = card_row(db, active(db)[CAPITAL].id)
    write_vault(vault, {"france.md": FRANCE.format(answer="Paris")})
    report = sync(db, vault, 1)
    assert report.notes_changed == 0 and report.notes_skipped == 1
    assert card_row(db, before["id"]) == before


def test_leech_tag_from_reviews_survives_a_note_edit(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    write_vault(vault, {"france.md": FRANCE.format(answer="Paris")})
    db = open_collection(tmp_path / "c.db")
    sync(db, vault, 0)
    card_id = active(db)[CAPITAL].id
    db.execute("UPDATE cards SET tags = '[\"leech\"]' WHERE id = ?", [card_id])
    write_vault(vault, {"france.md": FRANCE.format(answer="Paris, France")})
    sync(db, vault, 1)
    assert active(db)[CAPITAL].tags == ("leech",)


def test_empty_vault_folder_refuses_to_retire_everything(tmp_path: Path) -> None:
    from quizgarden.errors import VaultError

    vault = tmp_path / "v"
    write_vault(vault, {"france.md": FRANCE.format(answer="Paris")})
    db = open_collection(tmp_path / "c.db")
    sync(db, vault, 0)
    write_vault(vault, {})
    with pytest.raises(VaultError, match="found no notes"):
        sync(db, vault, 1)
    assert len(active(db)) == 2
