"""What the browser review may show: card HTML, formulas, clozes, code, and the files served."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizgarden.web.card_html import card_html, clean_mathml, mathml, to_html
from quizgarden.web.server import VaultMedia, _host_allowed


def test_script_event_handlers_and_javascript_links_are_removed():
    html = to_html(
        'Hi <script>alert(1)</script><b onclick="alert(2)">bold</b> '
        '<a href="javascript:alert(3)">a</a> [b](javascript:alert(4)) '
        "<img src=x onerror=alert(5)><style>body{display:none}</style><iframe src=/></iframe>"
    )
    lowered = html.lower()
    for bad in ("<script", "onclick", "onerror", 'href="javascript', "<style", "<iframe"):
        assert bad not in lowered, html
    assert "<b>bold</b>" in html


def test_the_notes_own_harmless_html_renders():
    assert to_html("H<sub>2</sub>O<br>e<sup>x</sup>") == "H<sub>2</sub>O<br>e<sup>x</sup>"


def test_display_and_inline_math_become_mathml():
    html = to_html("Scaled: $$\\frac{QK^\\top}{\\sqrt{d_k}}$$ and $x_i$")
    assert "$" not in html and "\\frac" not in html
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">' in html
    assert "<mfrac>" in html and "<msqrt>" in html
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">' in html


def test_a_cases_block_is_a_table_of_rows():
    html = to_html("$$\nf(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & \\text{else} \\end{cases}\n$$")
    assert html.count("<mtr>") == 2 and "<mtext>else</mtext>" in html


def test_math_in_code_stays_code():
    html = to_html("`\\(x\\)` and\n\n```\n$$y$$ \\[z\\]\n```")
    assert "<math" not in html
    assert "<code>\\(x\\)</code>" in html


def test_mathml_from_card_text_is_sanitised_too():
    assert "<script" not in mathml("\\text{<script>alert(1)</script>}", display=False)
    assert "href" not in mathml("\\href{javascript:alert(1)}{x}", display=False)
    assert "style" not in mathml("\\style{color:red}{x}", display=False)
    cleaned = clean_mathml('<math><mi onclick="x" mathvariant="bold">a&lt;</mi><foo>b</foo></math>')
    assert cleaned == '<math><mi mathvariant="bold">a&lt;</mi>b</math>'


def test_a_formula_latex2mathml_cannot_read_shows_its_source():
    assert mathml("\\frac{", display=True) == '<code class="tex">\\frac{</code>'


def test_cloze_gaps_masked_on_the_front_and_revealed_on_the_back():
    text = "Attention grows {{c1::quadratically}} with {{c2::sequence length::what?}}."
    first = card_html(text, "", "cloze", 1)
    assert first.front == 'Attention grows <span class="cloze">[...]</span> with sequence length.'
    assert first.back == (
        'Attention grows <span class="cloze revealed">quadratically</span> with sequence length.'
    )
    assert card_html(text, "", "cloze", 2).front.endswith('<span class="cloze">[what?]</span>.')


def test_a_note_cannot_forge_cloze_markup():
    html = card_html("{{c1::a}} \ue000<b>x</b>\ue001", "", "cloze", 1).front
    assert html.count("<span") == 1


def test_fenced_code_is_highlighted_and_unknown_languages_stay_plain():
    html = to_html("```python\ndef f(x):\n    return x < 2\n```")
    assert html.startswith('<pre class="highlight"><code class="language-python">')
    assert '<span class="k">def</span>' in html and "&lt;" in html
    plain = to_html("```nosuchlanguage\na < b\n```")
    assert plain == '<pre><code class="language-nosuchlanguage">a &lt; b\n</code></pre>'
    assert 'class="evil"' not in to_html('<code class="evil">x</code>')


def test_images_go_through_the_media_lookup():
    def media(ref: str) -> str | None:
        return "media/found.png" if ref == "d.png" else None

    assert '<img src="media/found.png" alt="" width="300">' in to_html(
        "![[d.png|300]]", media=media
    )
    assert 'src="media/found.png"' in to_html('<img src="d.png">', media=media)
    assert "src=" not in to_html('<img src="/etc/passwd">', media=media)


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = tmp_path / "vault"
    (folder / "notes" / "img").mkdir(parents=True)
    (folder / "notes" / "img" / "ok.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def test_vault_media_serves_what_the_cards_referred_to(vault: Path):
    media = VaultMedia(vault)
    resolve = media.for_note("notes/card.md")
    url = resolve("img/ok.png")
    assert url == "media/0/ok.png"
    assert media.read("0/ok.png") == b"\x89PNG\r\n\x1a\n"
    assert resolve("ok.png") == url  # found by name, one URL per file
    assert resolve("missing.png") is None
    assert resolve("https://example.com/x.png") is None
    assert media.read("1/ok.png") is None  # never given out


def test_vault_media_keeps_to_the_vault_boundary(vault: Path, tmp_path: Path):
    media = VaultMedia(vault)
    resolve = media.for_note("card.md")
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"x")
    (vault / "link.png").symlink_to(outside)
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian" / "hidden.png").write_bytes(b"x")
    (vault / "notes.md").write_text("text")
    os.mkfifo(vault / "pipe.png")
    for ref in ("link.png", "../secret.png", ".obsidian/hidden.png", "notes.md", "pipe.png"):
        assert resolve(ref) is None, ref
    # a file given out and then swapped for a link out of the vault is no longer served
    (vault / "later.png").write_bytes(b"fine")
    assert resolve("later.png") == "media/0/later.png"
    (vault / "later.png").unlink()
    (vault / "later.png").symlink_to(outside)
    assert media.read("0/later.png") is None


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1:8000", True),
        ("localhost:8000", True),
        ("[::1]:8000", True),
        ("192.168.1.20:8000", True),
        ("127.0.0.1:8001", False),
        ("evil.example:8000", False),
        ("localhost.evil.example:8000", False),
        ("127.0.0.1", False),
        (None, False),
    ],
)
def test_the_host_header_must_name_this_machine_by_address(host: str | None, allowed: bool):
    assert _host_allowed(host, 8000) is allowed


def test_the_first_view_in_the_page_cannot_close_its_data_block():
    import json

    from quizgarden.web.server import _view_block

    view = {"front": "</script><script>alert(1)</script> & <!-- é"}
    block = _view_block(view).decode()
    inner = block.removeprefix('<script type="application/json" id="first-view">')
    inner = inner.removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == view
