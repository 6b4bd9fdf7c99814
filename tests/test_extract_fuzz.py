"""No input crashes the reader or the extractor (hypothesis)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgarden.extract import extract_note
from quizgarden.notes import read_note

MARKDOWNISH = st.lists(
    st.sampled_from(
        [
            "Q: ",
            "A: ",
            "::",
            ":::",
            "?",
            "??",
            "==",
            "{{c1::",
            "}}",
            "$$",
            "\\[",
            "\\]",
            "- ",
            "# ",
            "## ？",
            "```",
            "~~~",
            "\n",
            "\n\n",
            "：",
            ": ",
            "**",
            "[[",
            "]]",
            "|",
            "![[",
            "<!--SR:!2025-01-01,1,230-->",
            "^abc",
            "#flashcards/x",
            "<!-- quiz:skip -->",
            "<!-- quiz:end -->",
            "> ",
            "1. ",
            "https://x.y",
            "术语",
            "Term",
            "是什么",
            "\t",
            "---\n",
        ]
    )
    | st.text(max_size=20),
    max_size=60,
).map("".join)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=MARKDOWNISH, frontmatter=st.text(max_size=80))
def test_any_text_and_frontmatter_extract_without_error(
    tmp_path: Path, body: str, frontmatter: str
) -> None:
    path = tmp_path / "n.md"
    path.write_text(f"---\n{frontmatter}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
    note, problems = read_note(path, tmp_path)
    if note is None:  # a NUL byte makes it a binary file: skipped, with the reason
        assert problems and "binary" in problems[0].message
        return
    lines = path.read_text(encoding="utf-8", errors="replace").count("\n") + 1
    for card in extract_note(note):
        assert card.front.strip() and card.back.strip()
        assert 1 <= card.line <= lines
        assert card.type in {"basic", "reversed", "cloze"}
    for problem in problems:
        assert problem.path == "n.md" and problem.line >= 1


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=400))
def test_any_bytes_read_without_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes(data)
    note, problems = read_note(path, tmp_path)
    if note is None:
        assert problems
    else:
        extract_note(note)


def test_fuzz_find_empty_cloze_makes_no_card(tmp_path: Path) -> None:
    """Found by hypothesis: `{{c1::}}` once made a card with an empty answer."""
    path = tmp_path / "n.md"
    path.write_text("{{c1::}} and {{c2::RoPE}}", encoding="utf-8")
    note, _ = read_note(path, tmp_path)
    assert note is not None
    assert [(c.side, c.back) for c in extract_note(note)] == [(2, "RoPE")]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([":::tip", ":::note[T]", "::: details D", ":::", "::::", "```", "x", ""]),
        max_size=40,
    )
)
def test_containers_keep_every_line_and_never_nest_past_the_limit(lines: list[str]) -> None:
    from quizgarden.extract.blocks import prepare

    text = "\n".join(lines)
    out = prepare(text).split("\n")
    assert len(out) == len(text.split("\n"))
    assert all(not line.startswith("> " * 9) for line in out)


def test_tight_headings_get_their_space_outside_code_only() -> None:
    """`##Title` becomes `## Title`; a `#tag`, a fenced `##define` and `## Spaced` stay."""
    from quizgarden.extract.blocks import prepare

    text = "#tag\n##Xylem\n1. ###Phloem\n```\n##define X 1\n```\n## Spaced\n#####\n"
    assert prepare(text).split("\n") == [
        "#tag",
        "## Xylem",
        "1. ### Phloem",
        "```",
        "##define X 1",
        "```",
        "## Spaced",
        "#####",
        "",
    ]
