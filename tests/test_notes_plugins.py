"""The vault's Obsidian Spaced Repetition settings (`data.json`): separators, flashcard tags and
cloze switches read through the vault boundary; a bad file is one warning naming it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.model import AnkiSyntax, Separators
from quizgarden.notes.plugins import (
    ANKI_SETTINGS,
    FLASHCARDS_SETTINGS,
    OSR_SETTINGS,
    read_plugin_settings,
)
from quizgarden.settings import load_settings, set_setting

runner = CliRunner()


def _vault(tmp_path: Path, settings: object, note: str) -> Path:
    vault = tmp_path / "vault"
    data = vault / OSR_SETTINGS
    data.parent.mkdir(parents=True)
    data.write_text(json.dumps(settings), "utf-8")
    (vault / "note.md").write_text(note, "utf-8")
    return vault


def _cards(vault: Path) -> list[dict[str, object]]:
    result = runner.invoke(app, ["extract", str(vault), "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_custom_separators_and_tags_from_the_plugin_settings(tmp_path: Path) -> None:
    settings = {
        "settings": {
            "singleLineCardSeparator": "%%%",
            "singleLineReversedCardSeparator": "%%%%",
            "multilineCardSeparator": "+?+",
            "multilineReversedCardSeparator": "+??+",
            "flashcardTags": ["#fc", "#exam/bio"],
            "convertCurlyBracketsToClozes": True,
        }
    }
    note = (
        "---\ntags: [fc]\n---\n"
        "Capital of Chile %%% Santiago\n\n"
        "cell wall %%%% the rigid layer around a plant cell\n\n"
        "Largest organ of the body\n+?+\nthe skin\n\n"
        "Water boils at ==100 °C== at sea level and freezes at {{0 °C}}.\n"
    )
    cards = _cards(_vault(tmp_path, settings, note))
    got = [(c["rule"], c["type"], c["front"], c["back"]) for c in cards]
    assert ("inline", "basic", "Capital of Chile", "Santiago") in got
    assert ("inline", "reversed", "cell wall", "the rigid layer around a plant cell") in got
    assert ("inline", "reversed", "the rigid layer around a plant cell", "cell wall") in got
    assert ("multiline", "basic", "Largest organ of the body", "the skin") in got
    clozes = sorted(str(c["back"]) for c in cards if c["rule"] == "cloze")
    assert clozes == ["0 °C", "100 °C"]  # #fc is a flashcard tag: highlights and {{curly}}


def test_the_older_spelling_of_the_single_line_separators(tmp_path: Path) -> None:
    """Older versions of the plugin wrote `singlelineCardSeparator`; a vault set up then keeps
    that key. Its flashcard tag opening a card's line (`#🧠`) is no part of the question, and a
    card left with an empty code span for its answer is a blank, no card."""
    settings = {
        "settings": {
            "flashcardTags": ["#🧠"],
            "singlelineCardSeparator": "->->->",
            "singlelineReversedCardSeparator": ":::",
        }
    }
    note = (
        "#🧠 Bloom Filter 優點是什麼？ ->->-> `空間複雜度會是O(M)`\n\n"
        "#🧠 Question :: ->->-> ``\n\n"
        "cell wall ::: the rigid layer around a plant cell\n"
    )
    got = [(c["rule"], c["front"], c["back"]) for c in _cards(_vault(tmp_path, settings, note))]
    assert got == [
        ("inline", "Bloom Filter 優點是什麼？", "`空間複雜度會是O(M)`"),
        ("inline", "cell wall", "the rigid layer around a plant cell"),
        ("inline", "the rigid layer around a plant cell", "cell wall"),
    ]


def test_settings_at_the_top_level_and_switched_off_clozes(tmp_path: Path) -> None:
    settings = {
        "flashcardTags": ["#fc"],
        "convertHighlightsToClozes": False,
        "convertCurlyBracketsToClozes": False,
    }
    note = "#fc\n\nWater boils at ==100 °C== and freezes at {{0 °C}}.\n"
    assert not [c for c in _cards(_vault(tmp_path, settings, note)) if c["rule"] == "cloze"]


def test_curly_clozes_stay_on_where_only_highlights_are_switched_off(tmp_path: Path) -> None:
    """The plugin's two switches are independent: a vault that turns highlight clozes off and
    keeps `{{curly}}` clozes (a common set-up) has every curly cloze read, highlights not."""
    settings = {
        "settings": {"convertHighlightsToClozes": False, "convertCurlyBracketsToClozes": True}
    }
    note = (
        "#flashcards/chemistry\n\n"
        "> nitrates\n"
        "> - general solubility: {{soluble}}\n"
        "> - exception(s): {{none}} <!--SR:!2023-07-09,254,216!2023-04-18,120,269-->\n\n"
        "> acetates\n"
        "> - general solubility: {{soluble}}\n"
        "> - exception(s): {{silver compounds}}\n\n"
        "Water boils at ==100 °C== and freezes at {{0 °C}}.\n"
    )
    cards = [c for c in _cards(_vault(tmp_path, settings, note)) if c["rule"] == "cloze"]
    assert [str(c["back"]) for c in cards] == [
        "soluble",
        "none",
        "soluble",
        "silver compounds",
        "0 °C",
    ]
    # each item is asked with the line that names it, as the plugin shows a cloze with its
    # block: two "general solubility: {{…}}" items are two cards, not one and a repeat
    assert [c["front"] for c in cards][:3] == [
        "nitrates\ngeneral solubility: {{c1::soluble}}",
        "nitrates\nexception(s): {{c1::none}}",
        "acetates\ngeneral solubility: {{c1::soluble}}",
    ]


def test_bold_text_is_a_cloze_where_the_plugin_converts_it(tmp_path: Path) -> None:
    note = "#flashcards\n\nThe **mitochondrion** makes most of a cell's **ATP**.\n"
    on = {"settings": {"convertBoldTextToClozes": True}}
    cards = [c for c in _cards(_vault(tmp_path / "on", on, note)) if c["rule"] == "cloze"]
    assert [(c["front"], c["back"]) for c in cards] == [
        ("The {{c1::mitochondrion}} makes most of a cell's ATP.", "mitochondrion"),
        ("The mitochondrion makes most of a cell's {{c2::ATP}}.", "ATP"),
    ]
    # off by default, as in the plugin; and never in a note that is no flashcard note
    assert not [c for c in _cards(_vault(tmp_path / "off", {}, note)) if c["rule"] == "cloze"]
    plain = "The **mitochondrion** makes most of a cell's **ATP**.\n"
    assert not [c for c in _cards(_vault(tmp_path / "plain", on, plain)) if c["rule"] == "cloze"]


def test_extract_settings_win_over_the_plugin(tmp_path: Path) -> None:
    vault = _vault(tmp_path, {"settings": {"singleLineCardSeparator": "%%%"}}, "a %%% b\n")
    set_setting(vault, "extract.inline", ">>>")
    plugin, problems = read_plugin_settings(vault)
    assert problems == []
    assert load_settings(vault).separators(plugin).inline == ">>>"


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("{not json", "not readable JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"settings": {"singleLineCardSeparator": 5}}', "singleLineCardSeparator"),
    ],
)
def test_a_bad_settings_file_is_one_warning_naming_it(
    tmp_path: Path, content: str, why: str
) -> None:
    vault = tmp_path / "vault"
    data = vault / OSR_SETTINGS
    data.parent.mkdir(parents=True)
    data.write_text(content, "utf-8")
    (vault / "note.md").write_text("Capital of Peru::Lima\n", "utf-8")
    result = runner.invoke(app, ["extract", str(vault), "--json"])
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1, result.stderr
    assert OSR_SETTINGS.as_posix() in warnings[0] and why in warnings[0]
    assert [json.loads(line)["back"] for line in result.stdout.splitlines()] == ["Lima"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_in_place_of_the_settings_file_is_never_opened(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    data = vault / OSR_SETTINGS
    data.parent.mkdir(parents=True)
    os.mkfifo(data)  # opening it for reading would block for ever
    plugin, problems = read_plugin_settings(vault)
    assert plugin == {}
    assert len(problems) == 1 and "not a regular file" in problems[0].message


def test_a_huge_settings_file_is_refused(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    data = vault / OSR_SETTINGS
    data.parent.mkdir(parents=True)
    data.write_bytes(b" " * (2 << 20))
    plugin, problems = read_plugin_settings(vault)
    assert plugin == {} and "larger than 1 MiB" in problems[0].message


def test_no_settings_file_means_the_defaults(tmp_path: Path) -> None:
    assert read_plugin_settings(tmp_path) == ({}, [])
    assert load_settings(tmp_path).separators({}) == Separators()


def test_the_flashcards_plugin_tag_from_its_settings(tmp_path: Path) -> None:
    """A vault that renamed the Flashcards plugin's `#card` has its cards read with its tag."""
    vault = tmp_path / "vault"
    data = vault / FLASHCARDS_SETTINGS
    data.parent.mkdir(parents=True)
    data.write_text(json.dumps({"flashcardsTag": "#karte", "inlineID": False}), "utf-8")
    (vault / "note.md").write_text(
        "Hauptstadt von Chile #karte\nSantiago\n\nEin Satz. #thema\n", "utf-8"
    )
    plugin, problems = read_plugin_settings(vault)
    assert plugin == {"card_tag": "karte"} and problems == []
    got = [(c["rule"], c["front"], c["back"]) for c in _cards(vault)]
    assert got == [("tagged", "Hauptstadt von Chile", "Santiago")]
    data.write_text(json.dumps({"flashcardsTag": 7}), "utf-8")
    plugin, problems = read_plugin_settings(vault)
    assert plugin == {} and "flashcardsTag" in problems[0].message
    assert problems[0].path == FLASHCARDS_SETTINGS.as_posix()


def test_the_obsidian_to_anki_markers_from_its_settings(tmp_path: Path) -> None:
    """A vault that renamed the Obsidian_to_Anki plugin's marker lines has its notes read with
    them, and `START`/`END` are then plain text; a marker that is not a line of text is named."""
    vault = tmp_path / "vault"
    data = vault / ANKI_SETTINGS
    data.parent.mkdir(parents=True)
    syntax = {"Begin Note": "KARTE", "End Note": "ENDE", "Target Deck Line": "ZIELDECK"}
    data.write_text(json.dumps({"settings": {"Syntax": syntax}, "Added Media": []}), "utf-8")
    (vault / "note.md").write_text(
        "ZIELDECK: Biologie\n\nKARTE\nBasic\nWas speichert ein Kondensator?\nBack: Ladung.\nENDE\n"
        "\nSTART\nBasic\nNicht gelesen\nBack: nein\nEND\n",
        "utf-8",
    )
    plugin, problems = read_plugin_settings(vault)
    assert plugin == {"anki": AnkiSyntax(begin="KARTE", end="ENDE", deck="ZIELDECK")}
    assert problems == []
    got = [
        (c["rule"], c["front"], c["back"], c["deck"]) for c in _cards(vault) if c["rule"] == "anki"
    ]
    assert got == [("anki", "Was speichert ein Kondensator?", "Ladung.", "Biologie")]
    syntax["End Note"] = "ENDE\nMEHR"
    data.write_text(json.dumps({"settings": {"Syntax": syntax}}), "utf-8")
    plugin, problems = read_plugin_settings(vault)
    assert plugin == {"anki": AnkiSyntax(begin="KARTE", deck="ZIELDECK")}
    assert "End Note" in problems[0].message and problems[0].path == ANKI_SETTINGS.as_posix()


def test_the_obsidian_to_anki_custom_patterns_from_its_settings(tmp_path: Path) -> None:
    """A vault's own card patterns (the plugin's `CUSTOM_REGEXPS`, written for JavaScript) are
    read as the plugin reads them: groups are fields, the id it wrote after a match is the card's
    block id, code is never a card; a pattern Python cannot read is named, the others still work."""
    vault = tmp_path / "vault"
    data = vault / ANKI_SETTINGS
    data.parent.mkdir(parents=True)
    heading_style = r"^#+(?<front>.+)\n*((?:\n(?:^[^\n#].{0,2}$|^[^\n#].{3}(?<!<!--).*))+)"
    patterns = {"Basic": heading_style, "Basic (and reversed card)": "", "Cloze": "(unclosed"}
    data.write_text(json.dumps({"settings": {"CUSTOM_REGEXPS": patterns}}), "utf-8")
    (vault / "cells.md").write_text(
        "## Mitochondrion\nThe organelle that makes most of the cell's ATP.\n"
        "<!--ID: 1700000000001-->\n\n## Ribosome\nReads mRNA and builds proteins.\n\n"
        "```\n## not a card\ncode line\n```\n",
        "utf-8",
    )
    plugin, problems = read_plugin_settings(vault)
    assert [kind for kind, _ in plugin["anki"].custom] == ["Basic"]
    assert "(?P<front>" in plugin["anki"].custom[0][1]
    assert len(problems) == 1 and "CUSTOM_REGEXPS of Cloze" in problems[0].message
    got = [(c["rule"], c["front"], c["back"], c["block_id"]) for c in _cards(vault)]
    assert got == [
        (
            "anki",
            "Mitochondrion",
            "The organelle that makes most of the cell's ATP.",
            "1700000000001",
        ),
        ("anki", "Ribosome", "Reads mRNA and builds proteins.", None),
    ]
