"""Markdown/LaTeX -> Anki field HTML: escaping, math, cloze, images, code."""

from __future__ import annotations

from hypothesis import example, given, settings
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
    r"[a-z ]{0,4}(\*\*[a-z $`\\]{1,4}\*\*|`[a-z $*\\]{1,4}`|\$[a-z *`\\{}]{1,4}\$"
    r"|\$\$[a-z *`\\{}$]{1,4}\$\$)"
    r"[a-z ?.1]{0,4}(\*\*[a-z]{1,3}\*\*|\$[a-z\\]{1,3}\$|\$\$[a-z \\]{1,3}\$\$)?[a-z .1]{0,3}",
    fullmatch=True,
)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="ab 1.?*$`\\{}_-#:\u00a0中", max_size=16) | SIMPLE_LINES)
@example("1**_**")  # found by this test: the shortcut made it bold, the parser does not
@example("**_a_**")
def test_simple_line_shortcut_matches_the_parser(text: str) -> None:
    simple = render._render_simple_line(text)
    if simple is not None:
        assert simple == full_render(text)


def test_simple_line_shortcut_leaves_underscore_at_a_bold_edge_to_the_parser() -> None:
    # `\w` takes `_`, but CommonMark counts it as punctuation: after `1`, `**_**` cannot open
    # (hypothesis found `1**_**` rendered bold); and `_a_` inside `**` is emphasis of its own
    assert to_anki_html("1**_**") == full_render("1**_**") == "1**_**"
    assert to_anki_html("**_a_**") == "<strong><em>a</em></strong>"
    for text in ("1**_**", "**_a_**", "a**_a**", "**a_**"):
        assert render._render_simple_line(text) is None, text
        assert to_anki_html(text) == full_render(text), text
    assert render._render_simple_line("1**a**") == "1<strong>a</strong>"  # still the shortcut


def test_simple_line_shortcut_covers_common_fields() -> None:
    for text in ("What is **ATP**?", "use `x_1` and $a_1 * b$ here", "**Bold** start", "$x$"):
        assert render._render_simple_line(text) == full_render(text)
    assert render._render_simple_line("a *b* c") is None
    assert render._render_simple_line("- **x**") is None


def test_money_test_counts_every_digit_python_does() -> None:
    # dollarmath asks `str.isdigit`, which also holds for `²` and Arabic-Indic digits, and at
    # the start of a line it tests `src[-1]`, the last character of the paragraph
    for text in ("²$x$", "a $x$²", "٣$x$ b", "a $$x$$²", "$1$:1", "$a$ b\nc 1"):
        assert to_anki_html(text) == full_render(text)
    for text in ("²$x$", "a $x$²", "٣$x$ b", "$1$:1", "$a$ b\nc 1"):
        assert "\\(" not in to_anki_html(text), text


def test_inline_display_math_shortcut() -> None:
    for text in ("front $$\\frac{a}{b}$$", "a $$ x $$ b", "**a** $$x$$ and $y$ `z`"):
        assert render._render_simple_line(text) == full_render(text)
        assert render._render_simple_line(text) is not None
    # `$$` opening the field is a math block (`<div>`), left to the parser
    assert render._render_simple_line("$$x$$ tail") is None
    assert to_anki_html("$$x$$") == "<div>\\[x\\]</div>"


def test_block_shortcut_covers_common_multiline_fields() -> None:
    cases = {
        "- one **a**\n- two $x$": (
            "<ul>\n<li>one <strong>a</strong></li>\n<li>two \\(x\\)</li>\n</ul>"
        ),
        "Answer\n\n```python\nif a < b:\n\n    x = 1\n```": (
            '<p>Answer</p>\n<pre><code class="language-python">if a &lt; b:\n\n    x = 1\n'
            "</code></pre>"
        ),
        "line one\nline `two`\n\n- item": "<p>line one<br />\nline <code>two</code></p>\n"
        "<ul>\n<li>item</li>\n</ul>",
        "```\n<script>x</script>\n```": "<pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>",
        "| a | **b** |\n|:--|--:|\n| $x$ |  |": (
            '<table>\n<thead>\n<tr>\n<th style="text-align:left">a</th>\n'
            '<th style="text-align:right"><strong>b</strong></th>\n</tr>\n</thead>\n<tbody>\n'
            '<tr>\n<td style="text-align:left">\\(x\\)</td>\n<td style="text-align:right"></td>\n'
            "</tr>\n</tbody>\n</table>"
        ),
    }
    for text, html in cases.items():
        assert render._render_simple_blocks(text) == html
        assert full_render(text) == html
    for text in ("- a\n\n- b", "a\n- b", "- a\nb", "```\nx", "```\nx\n````", "a\n\n```\nx\n```\nb",
                 "a\n$$x$$", "a\n# b", "- [ ] task\n- b", "a\r\nb", "  a\nb", "|a|\n|-|\nb",
                 "| a |\n|-|\n| a | b |", "| a \\| b |\n|-|", "| <b> |\n|-|"):  # fmt: skip
        assert render._render_simple_blocks(text) is None, text


TABLE_ROW = st.lists(
    st.one_of(st.sampled_from(["", " ", "---", ":-", "-:", ":-:", " -- ", "a", "1"]), SIMPLE_LINES),
    min_size=1,
    max_size=3,
).map(lambda cells: "|" + "|".join(cells) + "|")

BLOCK_LINE = st.one_of(
    st.sampled_from(["", "```", "```py", "```c++", "````", " ```", "~~~", "- ", "-", "  ", "\t"]),
    st.sampled_from(["|", "||", "|-|", "|---|---|", "| :- | -: |", "|:-:|", "| a |", "|a|b|"]),
    TABLE_ROW,
    st.text(alphabet="|-: a\\$", max_size=8),
    st.text(alphabet="ab 1.)*$`\\_-#>:|²\u00a0\t中", max_size=8),
    SIMPLE_LINES,
    SIMPLE_LINES.map(lambda line: "- " + line),
    st.text(alphabet="ab *$`-", max_size=6).map(lambda line: "- " + line),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(BLOCK_LINE, max_size=9).map("\n".join))
def test_block_shortcut_matches_the_parser(text: str) -> None:
    simple = render._render_simple_blocks(text)
    if simple is not None:
        assert simple == full_render(text)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="ab \n-`*$\\{}1.)²:#>||\t", max_size=24))
def test_block_shortcut_matches_the_parser_on_markdown_characters(text: str) -> None:
    simple = render._render_simple_blocks(text)
    if simple is not None:
        assert simple == full_render(text)


CELL = st.one_of(st.sampled_from(["", " ", "a", " b ", "1", "-", "x | y"]), SIMPLE_LINES)


@st.composite
def simple_block(draw: st.DrawFn) -> str:
    """One block of a kind the shortcut renders, sometimes slightly off (it must then bail)."""
    kind = draw(st.sampled_from(["paragraph", "list", "fence", "table", "noise"]))
    line = st.one_of(SIMPLE_LINES, st.text(alphabet="ab ?.中", min_size=1, max_size=5))
    if kind == "paragraph":
        return "\n".join(draw(st.lists(line, min_size=1, max_size=3)))
    if kind == "list":
        return "\n".join("- " + item for item in draw(st.lists(line, min_size=1, max_size=3)))
    if kind == "fence":
        body = draw(st.lists(st.text(alphabet="a <&`~\t-$|", max_size=6), max_size=3))
        info = draw(st.sampled_from(["", "py", "c++", "a b", "`x"]))
        return "\n".join([f"```{info}", *body, draw(st.sampled_from(["```", "```", "````"]))])
    if kind == "table":
        width = draw(st.integers(1, 3))
        rule = "|" + "|".join(
            draw(st.sampled_from(["---", ":-", "-:", ":-:"])) for _ in range(width)
        )
        rows = draw(
            st.lists(st.lists(CELL, min_size=width, max_size=width), min_size=1, max_size=4)
        )
        lines = ["|" + "|".join(cells) + "|" for cells in rows]
        return "\n".join([lines[0], rule + "|", *lines[1:]])
    return draw(st.sampled_from(["# h", "> q", "1. x", "$$x$$", "a  ", "***", "- ", "|a"]))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(simple_block(), st.sampled_from(["\n\n", "\n\n", "\n"])), max_size=4))
def test_block_shortcut_matches_the_parser_on_whole_blocks(blocks: list[tuple[str, str]]) -> None:
    text = "".join(block + gap for block, gap in blocks)
    simple = render._render_simple_blocks(text)
    if simple is not None:
        assert simple == full_render(text)
