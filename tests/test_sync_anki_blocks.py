"""A vault written for the Obsidian_to_Anki plugin syncs into the collection through `quiz sync`:
its START/END and STARTI/ENDI notes become cards in the TARGET DECK with their tags, and the
plugin's `<!--ID: …-->` keeps a card's history when its text is edited."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.store.db import open_collection
from quizgarden.store.queries import list_cards

T0 = "2025-03-01T08:00:00+00:00"

NOTE = """---
date_created: 2025-02-01
---
TARGET DECK: Biology::Cells
START
Basic
Which organelle makes most of a cell's ATP?
Back:
The **mitochondrion**:
- oxidative phosphorylation on the inner membrane
Tags: cells energy
<!--ID: 1700000000001-->
END

---

- STARTI [Basic (and reversed card)] ribosome Back: where proteins are made ENDI
"""


def run(*args: str | Path):
    return CliRunner().invoke(app, [str(a) for a in args], env={"QUIZGARDEN_NOW": T0})


def test_obsidian_to_anki_notes_sync_with_their_deck_tags_and_id(tmp_path: Path) -> None:
    vault = tmp_path / "Vault"
    (vault / "bio").mkdir(parents=True)
    note = vault / "bio" / "cells.md"
    note.write_text(NOTE, encoding="utf-8")
    db = tmp_path / "c.db"

    first = run("sync", vault, "--db", db, "--json")
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["cards_new"] == 3

    collection = open_collection(db)
    cards = [card for card, _ in list_cards(collection)]
    collection.close()
    assert [(c.rule, c.type, c.side, c.front) for c in cards] == [
        ("anki", "basic", 0, "Which organelle makes most of a cell's ATP?"),
        ("anki", "reversed", 0, "ribosome"),
        ("anki", "reversed", 1, "where proteins are made"),
    ]
    atp = cards[0]
    assert atp.back == "The **mitochondrion**:\n- oxidative phosphorylation on the inner membrane"
    assert atp.deck == "Biology::Cells" and atp.tags == ("cells", "energy")
    assert atp.block_id == "1700000000001" and not atp.mined and atp.confidence == 1.0
    assert {c.deck for c in cards} == {"Biology::Cells"}
    assert all("ID:" not in c.front + c.back and "START" not in c.front + c.back for c in cards)

    listed = run("cards", vault, "--db", db, "--json", "--tag", "energy")
    assert [json.loads(line)["front"] for line in listed.stdout.splitlines()] == [atp.front]

    # the author rewrites the card; the plugin's id says it is the same card
    rewritten = NOTE.replace("makes most of a cell's ATP", "produces most ATP").replace(
        "oxidative phosphorylation on the inner membrane", "its cristae hold the ATP synthase"
    )
    note.write_text(rewritten, "utf-8")
    second = run("sync", vault, "--db", db, "--json")
    assert second.exit_code == 0, second.output
    report = json.loads(second.stdout)
    assert (report["cards_new"], report["cards_retired"]) == (0, 0)
    collection = open_collection(db)
    again = {c.id: c for c, _ in list_cards(collection)}
    collection.close()
    assert again[atp.id].front == "Which organelle produces most ATP?"
