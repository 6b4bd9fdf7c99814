"""Upgrading quizgarden re-reads every note: the rules fingerprint follows the rules' source."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

import quizgarden
import quizgarden.store.sync as sync
from quizgarden.model import Candidate, Separators
from quizgarden.store.db import open_collection
from quizgarden.store.queries import list_cards
from quizgarden.store.sync import extraction_fingerprint, rules_source_hash, sync_vault

T0 = datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
PACKAGE = Path(quizgarden.__file__).resolve().parent


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "quizgarden"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_the_hash_is_the_same_for_the_same_source(package_copy: Path) -> None:
    assert rules_source_hash(package_copy) == rules_source_hash(PACKAGE)


@pytest.mark.parametrize(
    "rel", ["extract/heading.py", "extract/lang/de.py", "notes/meta.py", "extract/dataview.py"]
)
def test_any_edit_to_a_rule_or_a_word_table_changes_the_hash(package_copy: Path, rel: str) -> None:
    before = rules_source_hash(package_copy)
    path = package_copy / rel
    path.write_text(path.read_text("utf-8") + "\n# one more word\n", "utf-8")
    rules_source_hash.cache_clear()
    assert rules_source_hash(package_copy) != before


def test_code_outside_the_rules_leaves_the_hash_alone(package_copy: Path) -> None:
    before = rules_source_hash(package_copy)
    (package_copy / "cli.py").write_text("# reworded help\n", "utf-8")
    rules_source_hash.cache_clear()
    assert rules_source_hash(package_copy) == before


def test_an_upgrade_retires_the_junk_the_old_rules_made(tmp_path: Path, monkeypatch) -> None:
    """The bug of issue 11: the version string never changed, so old junk stayed after an
    upgrade with `notes_changed: 0`. Here an "old" rule table adds a junk card under an old
    source hash; syncing with the real code retires it although no note changed."""
    vault = tmp_path / "v"
    vault.mkdir()
    (vault / "a.md").write_text("Q: What makes ATP?\nA: Mitochondria\n", "utf-8")
    db = open_collection(tmp_path / "c.db")
    real_rules, real_hash = sync.extraction_fingerprint, rules_source_hash(None)

    def junk(ctx):  # type: ignore[no-untyped-def]
        yield Candidate("definition", "basic", "Mitochondria", "an old wrong answer", 1)

    import quizgarden.extract as extract

    monkeypatch.setattr(extract, "RULES", (*extract.RULES, ("definition", junk)))
    monkeypatch.setattr(sync, "rules_source_hash", lambda package=None: "old-commit")
    old = sync_vault(db, vault, now=T0)
    assert old.cards_new == 2
    monkeypatch.undo()
    assert sync.extraction_fingerprint is real_rules and rules_source_hash(None) == real_hash
    new = sync_vault(db, vault, now=T0)
    assert new.notes_changed == 1 and new.cards_retired == 1
    live = [card.front for card, _ in list_cards(db)]
    assert live == ["What makes ATP?"]
    again = sync_vault(db, vault, now=T0)
    assert again.notes_changed == 0


def test_the_fingerprint_names_separators_and_source() -> None:
    seps = Separators(inline=";;")
    assert rules_source_hash(None) in extraction_fingerprint(seps)
    assert extraction_fingerprint(seps) != extraction_fingerprint(Separators())
