"""The extractor's parser tests each block rule's opening character before the rule runs
(`blocks.OPENERS`): it must give exactly the tokens markdown-it gives without that test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from quizgarden.extract import blocks

from conftest import record_texts

FIXTURES = Path(__file__).parent / "fixtures"

# every opener at the start of a note, after a paragraph line (where a block may end the
# paragraph), inside list items and quotes, indented by 1 to 3 spaces or a tab, and by 4
# (indented code, which no listed rule may take)
SAMPLE = """\
$$
x = 1
$$
para
$$ y $$
```py
code
```
para
~~~
tilde
~~~
> quote
> - item in quote
para
> quote after para
***
para
- - -
___
- one
+ two
* three
1. first
2) second
para
10. ten
[ref]: http://example.com "title"
[not a ref]
<div>
html
</div>
para
<!-- comment -->
# heading
para
## heading after para
Setext
------
Setext two
===
| a | b |
|---|---|
| 1 | 2 |
   # indented heading
   - indented item
  > indented quote
\t- tab item
    # indented code, not a heading
    - indented code, not an item
- item
  continued
  > quote in item
  ```
  fence in item
  ```
  $$
  math in item
  $$
-
  empty item first
#not a heading
-not an item
1.not an item
>quote without space
"""


def _plain() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table").use(dollarmath_plugin, double_inline=True)
    md.disable("inline")
    return md


def _tokens(md: MarkdownIt, text: str) -> list[tuple[object, ...]]:
    """The tokens of `text`; not `hidden`, which markdown-it sets on a tight list's paragraphs
    by counting tokens from them and nothing here reads."""
    return [
        (t.type, t.tag, t.map, t.content, t.markup, t.info, t.level, t.nesting)
        for t in md.parse(text)
    ]


def _kept(md: MarkdownIt, text: str) -> list[tuple[object, ...]]:
    """`_tokens` less those the block parser does not keep (`blocks._READ`: closing tags, list
    wrappers, rules, a table's rows and cells)."""
    out, table = [], False
    for t in md.parse(text):
        if t.type not in blocks._READ or table:
            table = table and t.type != "table_close"
            continue
        table = t.type == "table_open"
        out.append((t.type, t.tag, t.map, t.content, t.markup, t.info, t.level, t.nesting))
    return out


def test_the_rules_that_open_with_a_mark_are_tested_for_it() -> None:
    names = set(blocks._parser().block.ruler.get_active_rules())
    assert set(blocks.OPENERS) <= names  # a rule renamed upstream would go untested


def test_same_tokens_as_markdown_it_on_every_opener() -> None:
    plain = _plain()
    text = SAMPLE.replace("\\t", "\t")
    assert _tokens(blocks._parser(), text) == _kept(plain, text)
    # and each line alone, where it opens the note
    for line in text.split("\n"):
        assert _tokens(blocks._parser(), line) == _kept(plain, line), line


def test_same_tokens_as_markdown_it_on_the_rule_cases() -> None:
    text = (FIXTURES / "rule_cases.yaml").read_text(encoding="utf-8")
    assert _tokens(blocks._parser(), text) == _kept(_plain(), text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab 1.)*_-+#>`~$[]:|<!=\t\n", max_size=60))
def test_same_tokens_as_markdown_it_on_generated_text(text: str) -> None:
    assert _tokens(blocks._parser(), text) == _kept(_plain(), text)


def test_same_tokens_as_markdown_it_with_carriage_returns_and_nuls() -> None:
    # the parser normalises line ends and NULs only in a note that holds them
    for text in ("a\r\nb\r\n\r\n- c\rd\r", "# h\0\n\0para\n- \0", "x\r\n===\r\n> q\r\n"):
        assert _tokens(blocks._parser(), text) == _kept(_plain(), text), repr(text)


def test_same_tokens_as_markdown_it_where_a_setext_underline_or_a_table_may_start() -> None:
    # the parser tries lheading only where an underline may follow before a blank line, and a
    # table only where the next line may be its delimiter row
    texts = (
        "a\n\n---\nb\n===",
        "> a\n> ---\n\n> b\n>===",
        "- a\n  ===\n- b\n\n  ---",
        "a\nb\n    ---\nc\n \t-- \t",
        "a | b\n-|-\n| c |\n:-:|\n\nd | e\n|--|--|",
        "```\na\n```\n---\n    a\n---",
    )
    for text in texts:
        assert _tokens(blocks._parser(), text) == _kept(_plain(), text), repr(text)


def test_bullets_not_indented_under_an_outline_of_numbered_names_are_nested_in_them() -> None:
    """`1. Name` / `- bullet` / `2. Name` / `- bullet`: each bullet (and what is nested in it,
    a level deeper) belongs to the numbered item above it, which CommonMark left empty."""
    body = "1. Granite\n- cools slowly\n  - large crystals\n2. Basalt\n- cools fast\n"
    found = blocks.parse_blocks(body, 1)
    items = [(b.text, b.level, None if b.parent is None else found[b.parent].text) for b in found]
    assert items == [
        ("Granite", 1, None),
        ("cools slowly", 2, "Granite"),
        ("large crystals", 3, "cools slowly"),
        ("Basalt", 1, None),
        ("cools fast", 2, "Basalt"),
    ]
    assert [found[c].text for c in found[0].children] == ["cools slowly"]


def test_a_paragraph_without_a_pictograph_is_not_searched_for_a_pictograph_term(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the pattern's `^` under `re.M` is tried at every character: a test in C for a pictograph
    # comes first, and most paragraphs with bold hold none
    searched = record_texts(monkeypatch, blocks, "_PICTOGRAPH_TERM", "sub")
    found = blocks.parse_blocks("**术语**：一段解释\n\n🔑 **要点**：另一段\n", 1)
    assert searched == ["🔑 **要点**：另一段"]
    assert [b.text for b in found] == ["**术语**：一段解释", "**要点**：另一段"]
