"""Fenced code is found as CommonMark (markdown-it) finds it; every reader skips the same lines."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from quizgarden.extract import extract_note
from quizgarden.fences import code_lines
from quizgarden.notes import inline_tags, read_note
from quizgarden.review.text import hard_breaks


def test_a_fence_closes_only_on_its_own_character_and_length() -> None:
    lines = ["````md", "~~~", "```", "`````", "after", "~~~ py", "````", "~~~~", "end"]
    assert code_lines(lines) == [True, True, True, True, False, True, True, True, False]


def test_inline_code_and_unclosed_fences() -> None:
    assert code_lines(["```code``` in a line", "text"]) == [False, False]
    assert code_lines(["- item", "    ```", "    #code", "    ```", "#tag"]) == [
        False,
        True,
        True,
        True,
        False,
    ]
    assert code_lines(["text", "~~~", "never closed"]) == [False, True, True]


def test_a_tag_in_a_tilde_fence_holding_backticks_is_code() -> None:
    text = "#real\n~~~\n```\n#hidden\n~~~\n#after"
    assert inline_tags(text) == ["real", "after"]


def test_line_breaks_are_kept_outside_code_only() -> None:
    text = "one\ntwo\n````\ncode\n```\nstill code\n````\nthree\nfour"
    assert hard_breaks(text).split("\n") == [
        "one  ",
        "two  ",
        "````",
        "code",
        "```",
        "still code",
        "````",
        "three  ",
        "four",
    ]


def test_a_container_inside_a_longer_fence_stays_code(tmp_path: Path) -> None:
    path = tmp_path / "box.md"
    path.write_text(
        "## Box\n\n````\n```\n:::tip Inside\nQ: not a card\nA: no\n:::\n```\n````\n\n"
        "Q: outside\nA: yes\n",
        "utf-8",
    )
    note, _ = read_note(path, tmp_path)
    cards = extract_note(note)
    assert [card.front for card in cards] == ["outside"]


_LINES = st.sampled_from(
    ["```", "````", "``` py", "~~~", "~~~~", "~~~ `x`", " ```", "   ~~~", "```a`b", "x", "", "#t"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=14))
def test_code_lines_agree_with_markdown_it(lines: list[str]) -> None:
    while lines and not lines[-1]:
        lines.pop()  # markdown-it leaves blank lines at the end out of a fence never closed
    expected = [False] * len(lines)
    for token in MarkdownIt("commonmark").parse("\n".join(lines)):
        if token.type == "fence" and token.map is not None:
            first, end = token.map  # its lines, the closing fence included
            expected[first:end] = [True] * (end - first)
    assert code_lines(lines) == expected
