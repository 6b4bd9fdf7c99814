"""The vault's Obsidian Spaced Repetition settings (`data.json`): separators, flashcard tags and
cloze switches read through the vault boundary; a bad file is one warning naming it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.extract.deletions import curly_to_cloze
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


def test_a_custom_pattern_between_comment_markers_with_code_in_a_field(tmp_path: Path) -> None:
    """A vault's own pattern whose markers are HTML comments (`<!--ankiQ-->`, `<!--ankiA-->`,
    `<!--ankiE-->`), which Markdown hides and the plugin finds in the raw text, makes its notes,
    an answer that is a code block included; the same markers shown inside a code block do not."""
    vault = tmp_path / "vault"
    data = vault / ANKI_SETTINGS
    data.parent.mkdir(parents=True)
    field = r"((?:(?!<!--).*\n)*)"
    pattern = rf"<!--ankiQ-->\n*{field}\n*<!--ankiA-->\n*{field}\n*<!--ankiE-->\n?"
    data.write_text(json.dumps({"settings": {"CUSTOM_REGEXPS": {"Basic": pattern}}}), "utf-8")
    (vault / "ts.md").write_text(
        "# TypeScript\n\n<!--ankiQ-->\n\nDo type annotations change what a program does?\n\n"
        "<!--ankiA-->\n\nNo, never.\n\n<!--ankiE-->\n<!--ID: 1664295816662-->\n\n"
        "<!--ankiQ-->\n\nHow is only a type imported?\n\n<!--ankiA-->\n\n"
        "```ts\nimport type { T } from './m.js';\n```\n\n<!--ankiE-->\n\n"
        "```markdown\n<!--ankiQ-->\nWhat is shown here?\n<!--ankiA-->\nAn example.\n"
        "<!--ankiE-->\n```\n",
        "utf-8",
    )
    got = [(c["rule"], c["front"], c["back"], c["block_id"]) for c in _cards(vault)]
    assert got[0] == (
        "anki",
        "Do type annotations change what a program does?",
        "No, never.",
        "1664295816662",
    )
    assert got[1][:2] == ("anki", "How is only a type imported?")
    assert "import type { T }" in got[1][2]
    assert len(got) == 2, got


def _tagged_pattern_vault(tmp_path: Path) -> Path:
    """A vault whose own Obsidian_to_Anki pattern takes a question ended by `#flashcard` and
    the lines under it."""
    vault = tmp_path / "vault"
    data = vault / ANKI_SETTINGS
    data.parent.mkdir(parents=True)
    tagged = r"((?:[^\n][\n]?)+) #flashcard ?\n*((?:\n(?:^.{1,3}$|^.{4}(?<!<!--).*))+)"
    data.write_text(json.dumps({"settings": {"CUSTOM_REGEXPS": {"Basic": tagged}}}), "utf-8")
    return vault


def test_a_custom_pattern_over_q_and_a_lines_makes_each_card_once(tmp_path: Path) -> None:
    """A vault's own pattern that takes `Q: …` / `A: …` lines whole (a `#flashcard` tag ends the
    question) makes the plugin's card, with its id; the `qa` rule leaves those lines to it, and
    the markers that tell the sides apart are not part of either side. A `Q:`/`A:` pair the
    pattern does not take (no tag) is still the `qa` rule's."""
    vault = _tagged_pattern_vault(tmp_path)
    (vault / "security.md").write_text(
        "TARGET DECK: Security\n\n"
        "Q: What is symmetric encryption used for? #flashcard \n"
        "A: To conceal blocks or streams of data of any size.\n<!--ID: 1757946336438-->\n\n\n"
        "Q: What are data integrity algorithms used for? #flashcard \n"
        "A: To protect blocks of data from alteration.\n\n\n"
        "Q: What does a MAC give?\nA: Integrity and authenticity of a message.\n",
        "utf-8",
    )
    got = [(c["rule"], c["front"], c["back"], c["block_id"]) for c in _cards(vault)]
    assert got == [
        (
            "anki",
            "What is symmetric encryption used for?",
            "To conceal blocks or streams of data of any size.",
            "1757946336438",
        ),
        (
            "anki",
            "What are data integrity algorithms used for?",
            "To protect blocks of data from alteration.",
            None,
        ),
        ("qa", "What does a MAC give?", "Integrity and authenticity of a message.", None),
    ]


def test_a_custom_pattern_over_full_width_markers_drops_them_too(tmp_path: Path) -> None:
    """`Q：`/`A：` (a Chinese keyboard's colon) label the sides as `Q:`/`A:` do, for the
    plugin's pattern as for the `qa` rule."""
    vault = _tagged_pattern_vault(tmp_path)
    (vault / "crypto.md").write_text(
        "Q：对称加密用于什么？ #flashcard \nA：隐藏任意大小的数据块或数据流。\n\n\n"
        "Q：消息认证码提供什么？\nA：消息的完整性和真实性。\n",
        "utf-8",
    )
    got = [(c["rule"], c["front"], c["back"]) for c in _cards(vault)]
    assert got == [
        ("anki", "对称加密用于什么？", "隐藏任意大小的数据块或数据流。"),
        ("qa", "消息认证码提供什么？", "消息的完整性和真实性。"),
    ]


_SCHOOL_TYPES = {
    "Basic": ["Front", "Back"],
    "School": ["Front", "Explaination", "Examples", "Image"],
    "School Cloze": ["Title", "Front", "Back", "Extra", "Image Occlusion"],
}


def test_the_obsidian_to_anki_note_types_from_its_fields_dict(tmp_path: Path) -> None:
    """A vault's own note types (the plugin's `fields_dict`, beside its settings) split a note
    by their field names: a basic-like type's first field is the front, the next its back and
    later fields with text follow under their names; a type named with "Cloze" asks its first
    field holding a deletion, `{curly}` and `==highlight==` ones with `CurlyCloze` on, the other
    fields following the answer, title first. Empty fields, image-only fields and a cloze note
    with no deletion give nothing."""
    vault = tmp_path / "vault"
    data = vault / ANKI_SETTINGS
    data.parent.mkdir(parents=True)
    defaults = {"CurlyCloze": True, "CurlyCloze - Highlights to Clozes": True}
    data.write_text(
        json.dumps({"settings": {"Defaults": defaults}, "fields_dict": _SCHOOL_TYPES}), "utf-8"
    )
    (vault / "stats.md").write_text(
        "TARGET DECK: School::Math\n\n"
        "START\nSchool\nFront: What does Mean find?\nExplaination:  Average of the data.\n"
        "Examples: 2, 4 and 6 give 4\nImage: ![[mean.png]]\n<!--ID: 1639204652627-->\nEND\n\n"
        "START\nSchool\nFront: What is Mode?\nExplaination:\nExamples:\nImage:\nEND\n\n"
        "START\nSchool Cloze\nTitle: Measures of central tendencies\n"
        "Front: Doe will use {Median} as his measure, *because he has {2:outliers}*.\n"
        "Back:  Mean is affected by outliers.\n Extra: \nImage Occlusion: \n"
        "<!--ID: 1639204652649-->\nEND\n\n"
        "START\nSchool Cloze\nTitle: Range\nFront: Formula is?\n\n$r = H - L$\n\n"
        "- $H$ = ==Highest value==\n- $x_{1}$ = {c3:Lowest value}\nBack:\nExtra:\n"
        "Image Occlusion:\nEND\n\n"
        "START\nSchool Cloze\nTitle: Standard Deviation\nFront: The smaller the deviation\n"
        "Back: the better\nEND\n",
        "utf-8",
    )
    plugin, problems = read_plugin_settings(vault)
    syntax = plugin["anki"]
    assert problems == []
    assert dict(syntax.fields)["School Cloze"] == tuple(_SCHOOL_TYPES["School Cloze"])
    assert syntax.curly_cloze and syntax.highlight_cloze
    got = [(c["type"], c["front"], c["back"], c["deck"]) for c in _cards(vault)]
    deck = "School::Math"
    doe = "Doe will use {} as his measure, *because he has {}*."
    context = "Measures of central tendencies\n\nMean is affected by outliers."
    formula = "Formula is?\n\n$r = H - L$\n\n- $H$ = {}\n- $x_{{1}}$ = {}"
    assert got == [
        (
            "basic",
            "What does Mean find?",
            "Average of the data.\n\nExamples: 2, 4 and 6 give 4",
            deck,
        ),
        ("cloze", doe.format("{{c1::Median}}", "outliers"), "Median\n\n" + context, deck),
        ("cloze", doe.format("Median", "{{c2::outliers}}"), "outliers\n\n" + context, deck),
        (
            "cloze",
            formula.format("{{c1::Highest value}}", "Lowest value"),
            "Highest value\n\nRange",
            deck,
        ),
        (
            "cloze",
            formula.format("Highest value", "{{c3::Lowest value}}"),
            "Lowest value\n\nRange",
            deck,
        ),
    ]


def test_curly_clozes_are_read_only_where_the_plugin_turns_them_on(tmp_path: Path) -> None:
    """With `CurlyCloze` off (its default) a vault type's `{curly}` text is no deletion, and a
    note with none asks nothing; a malformed `fields_dict` or switch is named and ignored."""
    vault = tmp_path / "vault"
    data = vault / ANKI_SETTINGS
    data.parent.mkdir(parents=True)
    data.write_text(json.dumps({"fields_dict": _SCHOOL_TYPES}), "utf-8")
    (vault / "note.md").write_text(
        "START\nSchool Cloze\nTitle: Median\nFront: Doe will use {Median}.\nBack: b\nEND\n\n"
        "START\nSchool Cloze\nTitle: Mean\nFront: x = {{c1::sum over n}}\nEND\n",
        "utf-8",
    )
    got = [(c["front"], c["back"]) for c in _cards(vault) if c["rule"] == "anki"]
    assert got == [("x = {{c1::sum over n}}", "sum over n\n\nMean")]
    bad = {"settings": {"Defaults": {"CurlyCloze": "yes"}}, "fields_dict": {"School": "Front"}}
    data.write_text(json.dumps(bad), "utf-8")
    plugin, problems = read_plugin_settings(vault)
    assert plugin == {}
    assert len(problems) == 1 and problems[0].path == ANKI_SETTINGS.as_posix()
    assert "fields_dict of School" in problems[0].message and "CurlyCloze" in problems[0].message


@pytest.mark.parametrize(
    ("text", "highlights", "want"),
    [
        ("a {b} c {d}", False, "a {{c1::b}} c {{c2::d}}"),
        ("{2:x} {c3:y} {c4|z} {w}", False, "{{c2::x}} {{c3::y}} {{c4::z}} {{c1::w}}"),
        ("{{c1::kept}} and {{template}}", False, "{{c1::kept}} and {{template}}"),
        ("$a_{1}$ `{code}` \\(x^{2}\\) {q}", False, "$a_{1}$ `{code}` \\(x^{2}\\) {{c1::q}}"),
        ("{$\\frac{n+1}{2}$}", False, "{{c1::$\\frac{n+1}{2}$}}"),
        ("==hi== {x}", True, "{{c1::hi}} {{c2::x}}"),
        ("==hi== {x}", False, "==hi== {{c1::x}}"),
        ("{not\n\nacross a blank line}", False, "{not\n\nacross a blank line}"),
    ],
)
def test_curly_to_cloze_as_the_plugin_converts(text: str, highlights: bool, want: str) -> None:
    assert curly_to_cloze(text, highlights) == want


@given(st.lists(st.text("abcxyz 12", min_size=1, max_size=6), min_size=1, max_size=6))
def test_curly_to_cloze_numbers_the_unnumbered_in_order(words: list[str]) -> None:
    text = " | ".join("{" + w + "}" for w in words)
    want = " | ".join(f"{{{{c{k}::{w}}}}}" for k, w in enumerate(words, start=1))
    assert curly_to_cloze(text) == want
