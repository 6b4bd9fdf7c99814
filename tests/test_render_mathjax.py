"""Math handed to Anki's MathJax cannot reach outside the formula: links to scripts, CSS, HTML
attributes, arbitrary characters or loaded extensions are taken out of every field."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from quizgarden.render import neutralise_tex, to_anki_html

HOSTILE = [
    (r"$\href{javascript:alert(1)}{click}$", r"\({click}\)"),
    (r"$\href{ JavaScript:alert(1)}{x}$", r"\({x}\)"),
    (r"$\href{data:text/html,<b>}{x}$", r"\({x}\)"),
    (r"$\href javascript:alert(1)$", r"\(javascript:alert(1)\)"),
    (r"$\style{background:url(https://evil/x)}{x}$", r"\({x}\)"),
    (r"$\class{hidden}{x} + \cssId{login}{y}$", r"\({x} + {y}\)"),
    (r"$\unicode[Comic Sans]{x263A} a$", r"\( a\)"),
    (r"$\require{html} \htmlStyle{color:red}{x}$", r"\( {x}\)"),
    (r"$\htmlClass{a}{x}\htmlId{b}{y}\htmlData{c=d}{z}\data{e=f}{w}$", r"\({x}{y}{z}{w}\)"),
    (r"$\mmlToken{mi}{x}$", r"\({x}\)"),
    (r"$$\style{position:fixed}{\frac{1}{2}}$$ text", r"\[{\frac{1}{2} }\] text"),
]


@pytest.mark.parametrize(("source", "html"), HOSTILE)
def test_dangerous_mathjax_commands_are_taken_out(source: str, html: str) -> None:
    assert to_anki_html(source) == html


def test_an_https_link_and_ordinary_latex_are_kept() -> None:
    assert to_anki_html(r"$\href{https://en.wikipedia.org}{e}$") == (
        r"\(\href{https://en.wikipedia.org}{e}\)"
    )
    assert to_anki_html(r"$\frac{a}{b} \\ \text{style}$ and **bold**") == (
        r"\(\frac{a}{b} \\ \text{style}\) and <strong>bold</strong>"
    )


def test_math_outside_what_was_parsed_as_math_is_neutralised_too() -> None:
    # a Markdown escape gives `\(` in plain text, which Anki's MathJax typesets all the same
    html = to_anki_html(r"see \\(\href{javascript:alert(1)}{x}\\) and \begin{align}\style{a}{b}")
    assert "javascript" not in html and "\\style" not in html and "\\href" not in html
    html = to_anki_html("Q\n\n```\n\\(\\href{javascript:alert(1)}{x}\\)\n```\n\n- a")
    assert "javascript" not in html


def test_an_http_link_cannot_hide_a_command_in_another_formula() -> None:
    html = to_anki_html(r"$\href{https://a$ and $\style{color:red}{x}}$")
    assert "\\style" not in html


def test_neutralising_is_linear_in_the_field() -> None:
    start = time.perf_counter()
    for text in ("\\href{https://" * 40_000, "\\style{" * 40_000, "\\unicode[" * 40_000):
        neutralise_tex(text)
    assert time.perf_counter() - start < 5


def test_the_anki_field_holds_no_script_link(tmp_path: Path) -> None:
    anki_collection = pytest.importorskip("anki.collection")
    from anki import import_export_pb2

    from quizgarden.export import export_apkg
    from quizgarden.model import Card

    front = r"What is $\href{javascript:alert(1)}{x}$?"
    back = r"$\style{color:red}{y}$ \\(\unicode{x1F600}\\)"
    card = Card(
        id="m1", note="m.md", rule="qa", type="basic", front=front, back=back, deck="Math",
        tags=(), line=1,
    )  # fmt: skip
    vault = tmp_path / "vault"
    vault.mkdir()
    out = tmp_path / "m.apkg"
    export_apkg([(card, None)], out, vault=vault, timestamp=1_700_000_000.0)
    (tmp_path / "anki").mkdir()
    col = anki_collection.Collection(str(tmp_path / "anki" / "c.anki2"))
    request = import_export_pb2.ImportAnkiPackageRequest(
        package_path=str(out), options=import_export_pb2.ImportAnkiPackageOptions()
    )
    col.import_anki_package(request)
    (nid,) = col.find_notes("")
    note = col.get_note(nid)
    assert note["Front"] == r"What is \({x}\)?"
    assert "\\style" not in note["Back"] and "\\unicode" not in note["Back"]
    col.close()
