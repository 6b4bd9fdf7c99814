"""A card's text as the HTML the browser review shows: the note's Markdown, safe to display.

Why a module of its own: the browser is the one place where a note's own HTML meets a script
engine, so one function decides what reaches it. The Markdown goes through the renderer the Anki
export uses (quizgarden/render.py), here with the note's raw HTML let through (`<sub>`, `<br>`,
`<img width=…>` render as they do in Obsidian) and then sanitised by nh3 (the Rust `ammonia`
sanitiser): `<script>`, `<style>`, event handlers, `style=` and `javascript:` links are removed.
Only after that do we add markup of our own, which nh3 would strip or which must not be
built from card text: MathML from latex2mathml (offline, no script: Chromium and Firefox draw
MathML natively), pygments spans for fenced code, and the cloze gaps.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..render import to_anki_html
from ..review.text import CLOZE, has_cloze

#: Maps an image reference as written in the note to the URL the page should load, or None.
MediaUrl = Callable[[str], "str | None"]

# Private-use characters stand for the cloze markup while the text goes through Markdown and
# the sanitiser; the note's own private-use characters are removed first, so a note cannot
# forge them.
_GAP_OPEN, _GAP_CLOSE, _FILL_OPEN, _FILL_CLOSE = "\ue000", "\ue001", "\ue002", "\ue003"
_PRIVATE = re.compile("[\ue000-\ue003]")
_MARKUP = {
    _GAP_OPEN: '<span class="cloze">[',
    _GAP_CLOSE: "]</span>",
    _FILL_OPEN: '<span class="cloze revealed">',
    _FILL_CLOSE: "</span>",
}
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.DOTALL)
_CODE_BLOCK = re.compile(
    r'<pre><code(?: class="language-([\w+.#-]+)")?>(.*?)</code></pre>', re.DOTALL
)
_LANGUAGE_CLASS = re.compile(r"language-[\w+.#-]+")


@dataclass(frozen=True)
class CardHtml:
    """The two sides of a card, ready for the page."""

    front: str
    back: str


def card_html(
    front: str, back: str, card_type: str, side: int, *, media: MediaUrl | None = None
) -> CardHtml:
    """Both sides of a card: a cloze's gaps masked on the front and shown filled on the back."""
    if card_type == "cloze" or has_cloze(front):
        number = side or None
        return CardHtml(
            to_html(_cloze(front, number, reveal=False), media=media),
            to_html(_cloze(front, number, reveal=True), media=media),
        )
    return CardHtml(to_html(front, media=media), to_html(back, media=media))


def _cloze(text: str, number: int | None, *, reveal: bool) -> str:
    """The cloze markup replaced by placeholders: this card's gaps masked (or revealed), the
    other clozes as plain text."""
    text = _PRIVATE.sub("", text)

    def gap(match: re.Match[str]) -> str:
        if number is not None and int(match.group(1)) != number:
            return match.group(2)
        if reveal:
            return _FILL_OPEN + match.group(2) + _FILL_CLOSE
        return _GAP_OPEN + (match.group(3) or "...") + _GAP_CLOSE

    return CLOZE.sub(gap, text)


def to_html(markdown_text: str, *, media: MediaUrl | None = None) -> str:
    """One side of a card as sanitised HTML with MathML, highlighted code and cloze marks."""
    import nh3

    def image(ref: str) -> str | None:
        return media(ref) if media is not None else None

    rendered = to_anki_html(markdown_text, image=image, raw_html=True)

    def attribute(element: str, name: str, value: str) -> str | None:
        if name == "class":
            return value if element == "code" and _LANGUAGE_CLASS.fullmatch(value) else None
        if element == "img" and name == "src":
            return _raw_image_src(value, media)
        return value

    clean = nh3.clean(
        rendered,
        attributes=_attributes(),
        attribute_filter=attribute,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    clean = _highlight_code(clean)
    clean = _typeset_math(clean)
    for placeholder, markup in _MARKUP.items():
        clean = clean.replace(placeholder, markup)
    return clean


def _raw_image_src(value: str, media: MediaUrl | None) -> str | None:
    """An `<img src>` written as raw HTML in the note: through the same media lookup as
    Markdown images (a src the renderer already resolved is a `media/` URL and is kept)."""
    if value.startswith("media/"):
        return value
    resolved = media(html.unescape(value)) if media is not None else None
    return resolved


@cache
def _attributes() -> dict[str, set[str]]:
    import nh3

    allowed = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
    allowed.setdefault("code", set()).add("class")
    return allowed


def _highlight_code(text: str) -> str:
    """Fenced code with a known language, coloured by pygments (classes; the CSS is served)."""

    def highlight(match: re.Match[str]) -> str:
        language, body = match.group(1), match.group(2)
        if not language:
            return match.group(0)
        from pygments import highlight as pygmentize
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import get_lexer_by_name
        from pygments.util import ClassNotFound

        try:
            lexer = get_lexer_by_name(language)
        except ClassNotFound:
            return match.group(0)
        code = pygmentize(html.unescape(body), lexer, HtmlFormatter(nowrap=True))
        return f'<pre class="highlight"><code class="language-{language}">{code}</code></pre>'

    return _CODE_BLOCK.sub(highlight, text)


def _typeset_math(text: str) -> str:
    """`\\(…\\)` and `\\[…\\]` in text (not in code) as MathML; a formula latex2mathml cannot
    read stays visible as its TeX source."""
    parts = _TAG_OR_TEXT.split(text)
    in_code = 0
    for index, part in enumerate(parts):
        if part.startswith("<"):
            tag = part[1:].split(">", 1)[0].split(" ", 1)[0].lower()
            if tag in ("code", "pre"):
                in_code += 1
            elif tag in ("/code", "/pre"):
                in_code = max(0, in_code - 1)
            continue
        if not in_code and "\\" in part:
            parts[index] = _MATH.sub(_mathml, part)
    return "".join(parts)


def _mathml(match: re.Match[str]) -> str:
    inline, display = match.group(1), match.group(2)
    tex = html.unescape(inline if inline is not None else display)
    return mathml(tex, display=display is not None)


def mathml(tex: str, *, display: bool) -> str:
    """One formula as a MathML element, or its source in `<code class="tex">` if unreadable."""
    from latex2mathml.converter import convert

    try:
        converted = convert(tex, display="block" if display else "inline")
    except Exception:  # latex2mathml raises many kinds; a card must still show
        return f'<code class="tex">{html.escape(tex)}</code>'
    return clean_mathml(converted)


# MathML Core's elements and the presentation attributes latex2mathml writes; nothing else
# (no href, style, class, event handler) survives `clean_mathml`.
_MATHML_TAGS = frozenset(
    [
        "math",
        "mrow",
        "mi",
        "mn",
        "mo",
        "ms",
        "mtext",
        "mspace",
        "msub",
        "msup",
        "msubsup",
        "munder",
        "mover",
        "munderover",
        "mfrac",
        "msqrt",
        "mroot",
        "mstyle",
        "merror",
        "mpadded",
        "mphantom",
        "menclose",
        "mtable",
        "mtr",
        "mtd",
        "mlabeledtr",
        "mmultiscripts",
        "mprescripts",
        "none",
        "semantics",
        "annotation",
    ]
)
_MATHML_ATTRIBUTES = frozenset(
    [
        "xmlns",
        "display",
        "displaystyle",
        "mathvariant",
        "stretchy",
        "fence",
        "form",
        "separator",
        "largeop",
        "symmetric",
        "movablelimits",
        "accent",
        "accentunder",
        "lspace",
        "rspace",
        "minsize",
        "maxsize",
        "width",
        "height",
        "depth",
        "linethickness",
        "columnalign",
        "rowalign",
        "columnspacing",
        "rowspacing",
        "columnlines",
        "rowlines",
        "frame",
        "framespacing",
        "equalrows",
        "equalcolumns",
        "notation",
        "scriptlevel",
        "mathcolor",
        "mathbackground",
        "mathsize",
        "columnspan",
        "rowspan",
        "voffset",
        "align",
        "side",
    ]
)


def clean_mathml(markup: str) -> str:
    """latex2mathml's output rebuilt from an allowlist, every text re-escaped.

    latex2mathml copies `\\text{…}` into `<mtext>` unescaped and turns `\\href` into an
    attribute, so its output is card text too and gets the same distrust as the note's HTML.
    """
    from html.parser import HTMLParser

    out: list[str] = []

    def start(tag: str, attrs: list[tuple[str, str | None]], *, empty: bool) -> None:
        if tag not in _MATHML_TAGS:
            return
        kept = "".join(
            f' {name}="{html.escape(value or "")}"'
            for name, value in attrs
            if name in _MATHML_ATTRIBUTES and not (value or "").lower().startswith("javascript")
        )
        out.append(f"<{tag}{kept}{' /' if empty else ''}>")

    class Rebuild(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            start(tag, attrs, empty=False)

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            start(tag, attrs, empty=True)

        def handle_endtag(self, tag: str) -> None:
            if tag in _MATHML_TAGS:
                out.append(f"</{tag}>")

        def handle_data(self, data: str) -> None:
            out.append(html.escape(data, quote=False))

    parser = Rebuild(convert_charrefs=True)
    parser.feed(markup)
    parser.close()
    return "".join(out)
