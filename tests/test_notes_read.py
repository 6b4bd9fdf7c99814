"""Reading notes as they arrive: encodings, frontmatter, links, hidden folders, binaries."""

from __future__ import annotations

from pathlib import Path

from quizgarden.notes import discover, inline_tags, read_note
from quizgarden.notes.decode import decode_bytes, repair_mojibake


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_bom_and_crlf_are_removed_and_line_count_kept() -> None:
    text, fixed = decode_bytes(b"\xef\xbb\xbfline1\r\nline2\r\n")
    assert text == "line1\nline2\n"
    assert fixed is None


def test_gb18030_file_is_detected_not_guessed() -> None:
    source = "注意力机制：通过查询和键的相似度对值加权求和。\n位置编码：为序列注入顺序信息。\n"
    text, fixed = decode_bytes(source.encode("gb18030"))
    assert text == source
    assert fixed is not None and "gb18030" in fixed


def test_mojibake_is_repaired() -> None:
    original = "注意力机制是一种加权求和的方法，用于序列建模。"
    garbled = original.encode("utf-8").decode("cp1252", errors="ignore")
    assert garbled != original
    repaired = repair_mojibake(garbled)
    # every character whose bytes survived comes back; of those that lost a byte, the ones
    # with a single plausible restoration come back too
    assert "机制是一种" in repaired and "求和的方法" in repaired
    latin = sum(1 for ch in repaired if "\u00c0" <= ch <= "\u00ff")
    assert latin < sum(1 for ch in garbled if "\u00c0" <= ch <= "\u00ff") / 3


def test_unrepairable_lines_are_reported_and_blanked(tmp_path: Path) -> None:
    good = "第一行是正常的中文笔记内容。"
    bad = "注意力机制是一种加权求和的方法，用于序列建模。"
    garbled = bad.encode("utf-8").decode("cp1252", errors="ignore")
    note = write(tmp_path / "n.md", "\n".join([good, garbled, garbled, garbled]))
    result, problems = read_note(note, tmp_path)
    assert result is not None
    assert result.body.split("\n")[0] == good
    assert any("garbled" in p.message for p in problems)


def test_latin_text_is_left_alone() -> None:
    text = "Café résumé — naïve “quotes” déjà vu"
    assert decode_bytes(text.encode())[0] == text


def test_invalid_yaml_frontmatter_warns_with_line_and_keeps_body(tmp_path: Path) -> None:
    note = write(
        tmp_path / "post.md",
        "---\ntitle: LLM notes\ncategories:\n\t-LLM\n---\n\n# Heading\n\nBody text.\n",
    )
    result, problems = read_note(note, tmp_path)
    assert result is not None
    assert result.title == "LLM notes"
    assert result.body_line == 6
    assert "Body text." in result.body
    assert len(problems) == 1
    assert problems[0].path == "post.md" and problems[0].line == 4
    assert "invalid frontmatter" in problems[0].message


def test_json_frontmatter_and_settings(tmp_path: Path) -> None:
    note = write(
        tmp_path / "a" / "b" / "n.md",
        '---\n{"tags": ["x", "#y"], "quiz": {"auto": false, "formula": false}}\n---\nbody\n',
    )
    result, problems = read_note(note, tmp_path)
    assert problems == []
    assert result is not None
    assert result.tags == ("x", "y")
    assert result.deck == "a::b"
    assert result.settings.auto is False
    assert not result.settings.allows("definition")
    assert not result.settings.allows("formula")
    assert result.settings.allows("qa")


def test_hugo_toml_frontmatter_is_read(tmp_path: Path) -> None:
    note = write(
        tmp_path / "post.md",
        '+++\ntitle = "Osmosis"\ntags = ["biology"]\n\n[quiz]\nformula = false\n+++\nBody.\n',
    )
    result, problems = read_note(note, tmp_path)
    assert problems == []
    assert result is not None
    assert result.title == "Osmosis" and result.tags == ("biology",)
    assert not result.settings.allows("formula")
    assert result.body == "Body.\n" and result.body_line == 8


def test_hashcards_toml_between_dashes_is_read_not_reported(tmp_path: Path) -> None:
    note = write(tmp_path / "deck.md", '---\nname = "Cell biology"\n---\nQ: a?\nA: b\n')
    result, problems = read_note(note, tmp_path)
    assert problems == []
    assert result is not None and result.body.startswith("Q: a?")
    assert "name" not in result.body


def test_broken_toml_frontmatter_warns_with_its_line(tmp_path: Path) -> None:
    note = write(tmp_path / "post.md", '+++\ntitle = "x"\ndate = tomorrow\n+++\nBody.\n')
    result, problems = read_note(note, tmp_path)
    assert result is not None and result.body == "Body.\n"
    assert [(p.path, p.line) for p in problems] == [("post.md", 3)]
    assert "invalid TOML frontmatter" in problems[0].message


def test_quiz_false_and_deck_from_frontmatter(tmp_path: Path) -> None:
    note = write(tmp_path / "n.md", "---\nquiz: false\ndeck: llm/rl\n---\nQ: a\nA: b\n")
    result, _ = read_note(note, tmp_path)
    assert result is not None
    assert result.settings.enabled is False
    assert result.deck == "llm::rl"


def test_top_level_note_goes_to_the_vault_deck(tmp_path: Path) -> None:
    vault = tmp_path / "MyVault"
    result, _ = read_note(write(vault / "n.md", "x"), vault)
    assert result is not None and result.deck == "MyVault"


def test_wikilinks_render_as_alias_and_images_resolve(tmp_path: Path) -> None:
    write(tmp_path / "assets" / "pic.png", b"\x89PNG\r\n\x1a\n")
    note = write(
        tmp_path / "notes" / "n.md",
        "See [[Some Note|the alias]] and [[dir/Other\\|escaped]] and [[Plain]].\n"
        "![[pic.png]] ![[missing.png]]\n",
    )
    result, _ = read_note(note, tmp_path)
    assert result is not None
    assert "the alias" in result.body and "escaped" in result.body and "Plain" in result.body
    assert "[[" not in result.body
    assert result.media == ("assets/pic.png",)


def test_inline_tags_ignore_code_and_headings() -> None:
    text = "# Title\n#tag1 text #中文标签\n```\n#notatag\n```\nurl.html#anchor `#code`"
    assert inline_tags(text) == ["tag1", "中文标签"]


def test_pandoc_attributes_are_not_tags() -> None:
    text = "## Rank {#sec-rank}\n\n::: {#def-rank .definition}\nbody #real\n:::\n"
    assert inline_tags(text) == ["real"]


def test_html_colours_are_not_tags() -> None:
    text = 'a <font color=#ed1c24>red</font> and <font color="#ffff00">yellow</font> #real'
    assert inline_tags(text) == ["real"]


def test_a_flashcards_plugin_note_names_its_own_card_tag(tmp_path: Path) -> None:
    """The plugin lets a vault choose its tag: the one ending the lines whose backs follow."""
    body = "Q one? #anki\nback one\n\nQ two? #anki\n- back two\n\nA fact. #topic\n\nB. #topic\n"
    result, _ = read_note(write(tmp_path / "n.md", "---\ncards-deck: D\n---\n" + body), tmp_path)
    assert result is not None and result.card_tag == "anki" and result.tags == ("topic",)
    once = "---\ncards-deck: D\n---\nQ one? #anki\nback one\n"
    result, _ = read_note(write(tmp_path / "once.md", once), tmp_path)
    assert result is not None and result.card_tag is None  # one line is not a habit
    result, _ = read_note(write(tmp_path / "plain.md", body), tmp_path)
    assert result is not None and result.card_tag is None  # not written for the plugin


def test_flashcards_tag_sets_the_deck(tmp_path: Path) -> None:
    result, _ = read_note(write(tmp_path / "n.md", "#flashcards/llm/rl\n\nQ: a\nA: b\n"), tmp_path)
    assert result is not None and result.deck == "llm::rl"


def test_discover_skips_hidden_folders_and_other_files(tmp_path: Path) -> None:
    for name in (
        "a.md",
        "b.markdown",
        "c.txt",
        "lec.qmd",
        "r.Rmd",
        "d.png",
        ".obsidian/x.md",
        ".trash/y.md",
        "s/e.md",
    ):
        write(tmp_path / name, "x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a.md", "b.markdown", "c.txt", "lec.qmd", "r.Rmd", "s/e.md"]


def test_binary_and_huge_files_are_skipped_with_a_warning(tmp_path: Path) -> None:
    binary = write(tmp_path / "bin.md", b"abc\x00def")
    result, problems = read_note(binary, tmp_path)
    assert result is None and "binary" in problems[0].message
    huge = write(tmp_path / "huge.md", b"a" * (5 * 1024 * 1024))
    result, problems = read_note(huge, tmp_path)
    assert result is None and "larger" in problems[0].message
