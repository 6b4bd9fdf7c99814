"""Markdown/LaTeX -> Anki field HTML: escaping, math, cloze, images, code."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgarden import render
from quizgarden.render import image_refs, to_anki_html


def full_render(text: str) -> str:
    """The parser path, bypassing the plain-text shortcut."""
    md = render._markdown()
    html = md.renderer.render(md.parse(text, {}), md.options, {})
    if html.startswith("<p>") and html.endswith("</p>\n") and html.count("<p>") == 1:
        return html[3:-5]
    return html.rstrip("\n")


def test_plain_text_is_escaped_and_unwrapped() -> None:
    assert to_anki_html('Tom said "hi"') == "Tom said &quot;hi&quot;"
    assert to_anki_html("") == ""


def test_raw_html_never_becomes_markup() -> None:
    assert to_anki_html("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    html = to_anki_html('x <img src=x onerror="alert(1)"> **y**')
    assert "<img" not in html
    assert html == "x &lt;img src=x onerror=&quot;alert(1)&quot;&gt; <strong>y</strong>"
    assert "<iframe" not in to_anki_html("<iframe src='https://evil'></iframe>\n\npara")


def test_dangerous_link_targets_are_not_emitted() -> None:
    for target in ("javascript:alert(1)", "vbscript:msgbox(1)", "JAVASCRIPT:alert(1)"):
        html = to_anki_html(f"[click]({target})")
        assert "href" not in html and "<a" not in html
    assert "<img" not in to_anki_html("![x](javascript:alert(1))")
    assert to_anki_html("[ok](https://example.org/a?b=1&c=2)") == (
        '<a href="https://example.org/a?b=1&amp;c=2">ok</a>'
    )


def test_inline_and_display_math_become_mathjax_delimiters() -> None:
    assert to_anki_html("$E = mc^2$") == "\\(E = mc^2\\)"
    assert to_anki_html("see $a_1 * b_2 * c_3$ here") == "see \\(a_1 * b_2 * c_3\\) here"
    assert to_anki_html("$$\\sum_{i=1}^n i$$") == "<div>\\[\\sum_{i=1}^n i\\]</div>"
    assert to_anki_html("inline $$x$$ display") == "inline \\[x\\] display"
    assert to_anki_html("$a < b$") == "\\(a &lt; b\\)"


def test_money_is_not_math() -> None:
    assert to_anki_html("costs $5 and $6") == "costs $5 and $6"
    assert to_anki_html("a $ b $ c") == "a $ b $ c"


def test_existing_anki_delimiters_keep_their_backslashes() -> None:
    assert to_anki_html("x \\(a_b\\) and \\[c^2\\]") == "x \\(a_b\\) and \\[c^2\\]"


def test_cloze_markup_survives() -> None:
    assert to_anki_html("{{c1::Paris}} is in France") == "{{c1::Paris}} is in France"
    assert to_anki_html("{{c2::**bold**::hint}} x") == "{{c2::<strong>bold</strong>::hint}} x"
    # a formula's `}}` must not close the deletion early
    assert to_anki_html("{{c1::$\\frac{a}{b^{2}}$}}") == "{{c1::\\(\\frac{a}{b^{2} }\\)}}"


def test_code_blocks_stay_readable() -> None:
    html = to_anki_html("```python\nif a < b:\n    print('x')\n```")
    assert html == (
        "<pre><code class=\"language-python\">if a &lt; b:\n    print('x')\n</code></pre>"
    )
    assert to_anki_html("use `a_b*c`") == "use <code>a_b*c</code>"


def test_lists_tables_breaks() -> None:
    assert to_anki_html("- a\n- b") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"
    assert "<table>" in to_anki_html("| a | b |\n|---|---|\n| 1 | 2 |")
    assert to_anki_html("line one\nline two") == "line one<br />\nline two"


def test_images_resolved_through_callback() -> None:
    seen = []

    def resolve(ref: str) -> str:
        seen.append(ref)
        return ref.rsplit("/", 1)[-1]

    html = to_anki_html(
        "![a](sub/my%20pic.png) ![[cell.png|300]] ![[b.jpg|40x30]] ![[Other note]]",
        image=resolve,
    )
    assert html == (
        '<img src="my pic.png" alt="a"> <img src="cell.png" alt="" width="300"> '
        '<img src="b.jpg" alt="" width="40" height="30"> Other note'
    )
    assert seen == ["sub/my pic.png", "cell.png", "b.jpg"]
    assert image_refs("![[x.png]] and ![](y.gif) [[z.png]]") == ["x.png", "y.gif"]
    assert image_refs("no images") == []


def test_wikilinks_show_their_text() -> None:
    assert to_anki_html("see [[Cell biology|cells]] and [[Atoms#Core]]") == "see cells and Atoms"


def test_cjk_text_passes_through() -> None:
    assert to_anki_html("光合作用的**产物**是什么？") == "光合作用的<strong>产物</strong>是什么？"
    assert to_anki_html("日本語のテキスト") == "日本語のテキスト"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40))
def test_plain_shortcut_matches_the_parser(text: str) -> None:
    if render._is_plain(text):
        assert to_anki_html(text) == full_render(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab #-1.)*_<>&\"'\t \n$\\{}:|~`[]!=+", max_size=12))
def test_plain_shortcut_matches_the_parser_on_markdown_characters(text: str) -> None:
    if render._is_plain(text):
        assert to_anki_html(text) == full_render(text)


SIMPLE_LINES = st.from_regex(
    r"[a-z ]{0,4}(\*\*[a-z $`\\]{1,4}\*\*|`[a-z $*\\]{1,4}`|\$[a-z *`\\{}]{1,4}\$)"
    r"[a-z ?.]{0,4}(\*\*[a-z]{1,3}\*\*|\$[a-z\\]{1,3}\$)?[a-z .]{0,3}",
    fullmatch=True,
)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="ab 1.?*$`\\{}_-#:\u00a0中", max_size=16) | SIMPLE_LINES)
def test_simple_line_shortcut_matches_the_parser(text: str) -> None:
    simple = render._render_simple_line(text)
    if simple is not None:
        assert simple == full_render(text)


def test_simple_line_shortcut_covers_common_fields() -> None:
    for text in ("What is **ATP**?", "use `x_1` and $a_1 * b$ here", "**Bold** start", "$x$"):
        assert render._render_simple_line(text) == full_render(text)
    assert render._render_simple_line("a *b* c") is None
    assert render._render_simple_line("- **x**") is None
