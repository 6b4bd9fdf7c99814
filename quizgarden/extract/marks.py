"""What note-taking tools put into a line that is no part of what it says: HTML comments
(`<!--IMPORTANT-->`), Obsidian comments (`%% … %%`), Hugo shortcodes (`{{< katex >}}`),
footnote references (`[^1]`) and the tags a card line ends with (`… #card #cloud`), which each
rule strips from what it reads; and `as_read`, the one pass every finished card takes, for the
markup a note's viewer draws or hides (HTML formatting, `<sup>`, Markdown escapes, block ids)."""

from __future__ import annotations

import re

_HTML_COMMENT = re.compile(r"[ \t]*<!--.*?-->", re.S)
_OBSIDIAN_COMMENT = re.compile(r"[ \t]*%%.*?%%", re.S)
_SHORTCODE = re.compile(r"\{\{[<%][^{}]*?[>%]\}\}")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]+\]")
# "#card #cloud" ending a line, or a line of tags only; "#flashcards" is read elsewhere
_TRAILING_TAGS = re.compile(r"(?:[ \t]+|^)(?:#(?!flashcards\b)[^\W\d][\w/-]*[ \t]*)+$", re.M)


def without_marks(text: str) -> str:
    """`text` without the tool marks above; a text without any comes back unchanged."""
    if "<!--" in text:
        text = _HTML_COMMENT.sub("", text)
    if "%%" in text:
        text = _OBSIDIAN_COMMENT.sub("", text)
    if "{{<" in text or "{{%" in text:
        text = _SHORTCODE.sub("", text)
    if "[^" in text:
        text = _FOOTNOTE_REF.sub("", text)
    if "#" in text:
        text = _TRAILING_TAGS.sub("", text)
    return text


# ---------------------------------------------------------------------------------------------
# A card as its note's reader sees it. Every card passes here once, whatever rule made it, since
# a card's fields are Markdown rendered with raw HTML off (render.py): an HTML tag the note's
# viewer drew as formatting would reach the learner as the tag itself, and an escape the viewer
# hid (`\<`, `\&`) as a backslash wherever the card is read as text.

#: What is left as written: a fence, a code span, math (`$…$`, `$$…$$`). An HTML tag or a
#: backslash there is code or TeX, not formatting.
_KEPT = re.compile(
    r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?^[ \t]*\1[ \t]*$"
    r"|(`+)(?!`).+?(?<!`)\2(?!`)"
    r"|\$\$.+?\$\$|\$[^$\n]+\$",
    re.M | re.S,
)
#: HTML that only formats the words it holds: the words are kept, the tags go. (`<br>`, `<font>`
#: and the rest read by clean_card_text are gone before this.) A tag after a backslash was
#: escaped by its writer to be read as text (`\<data item>`).
_FORMAT_NAMES = r"b|strong|i|em|u|ins|mark|span|font|small|big|center|a|h[1-6]|p|div"
_FORMAT_TAG = re.compile(rf"(?<!\\)</?(?:{_FORMAT_NAMES})(?:\s[^<>\n]*)?/?>", re.I)
#: An HTML list: each item is a line of a Markdown list.
_LIST_TAG = re.compile(r"(?<!\\)<(?P<item>li)(?:\s[^<>\n]*)?>|(?<!\\)</?(?:ul|ol|li)\s*>", re.I)
#: A super- or subscript typed as HTML (`4<sup>th</sup>`, `H<sub>2</sub>O`).
_SCRIPT_TAG = re.compile(r"(?<!\\)<(su[bp])>([^<>\n]{1,24})</\1>", re.I)
# (no superscript q and few capitals, no subscript b, c, d, f, g, q, w, y, z: those are marked)
_SUP_FROM = "0123456789+-−=()abcdefghijklmnoprstuvwxyz"
_SUP_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ"
_SUB_FROM = "0123456789+-−=()aehijklmnoprstuvx"
_SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"
_SUPERSCRIPT = str.maketrans(_SUP_FROM, _SUP_TO)
_SUBSCRIPT = str.maketrans(_SUB_FROM, _SUB_TO)
# what a script may hold to be written in those characters: theirs, and those already written
# so (`C<sub>m<sub>1</sub></sub>`, read from the inside out)
_SUPERSCRIPT_CHARS = frozenset(_SUP_FROM + _SUP_TO)
_SUBSCRIPT_CHARS = frozenset(_SUB_FROM + _SUB_TO)
#: A Markdown escape of a character a viewer shows as itself (CommonMark: any ASCII punctuation
#: may be escaped), of those that are no TeX: `\\`, `\{`, `\[`, `\(`, `\$`, `\%`, the spaces `\,`
#: `\;` `\:` `\!` and the accents `\'` `\"` `\^` are TeX as often (a note's math, its dollars
#: lost or unbalanced); nor `\|`, which keeps a table's cell whole, nor `\*`, which would open
#: emphasis on the rendered card (`a\*b\*c`).
_ESCAPE = re.compile(r"\\([\\_#~<>&.+\-])")  # (`\\` is taken whole: what follows it is no escape)
_BLOCK_OPENERS = frozenset(">#+-")
#: An Obsidian block id alone on a line after the first (`^0d76f8`, set under a list or paragraph
#: to link it): the link's anchor, which the viewer hides. (A card that opens with one holds
#: nothing before it to anchor.)
_BLOCK_ID_LINE = re.compile(r"(?<=\n)\^[A-Za-z0-9-]+[ \t]*(?:\n|\Z)")
#: Where a tag `as_read` reads may open: the test before the text is split at its code and math.
_TAG_START = re.compile(rf"<(?:su[bp]>|/?(?:{_FORMAT_NAMES}|ul|ol|li)\b)", re.I)


def as_read(text: str) -> str:
    """`text` with the markup its viewer draws or hides (HTML formatting and lists, HTML super-
    and subscripts, Markdown escapes, block id lines) turned into what the reader sees; code and
    math are left as written. A text without any comes back unchanged (the same object)."""
    if not (
        ("<" in text and _TAG_START.search(text))
        or ("\\" in text and _ESCAPE.search(text))
        or "\n^" in text
    ):  # most cards hold none; a backslash or `<` is most often TeX or a comparison
        return text
    out, last = [], 0
    for m in _KEPT.finditer(text):
        out.append(_read_words(text[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(_read_words(text[last:]))
    read = "".join(out)
    return read if read == text else read.strip()


def _read_words(text: str) -> str:
    """`as_read` of text outside code and math."""
    if "<" in text:
        if "<su" in text or "<SU" in text:
            text = _SCRIPT_TAG.sub(_script, text)
            if "</su" in text:  # a script inside a script: the inner one is read first
                text = _SCRIPT_TAG.sub(_script, text)
        text = _FORMAT_TAG.sub("", text)
        text = _LIST_TAG.sub(_list_mark, text)
    if "\\" in text:
        text = _ESCAPE.sub(_unescaped, text)
    if "\n^" in text:
        text = _BLOCK_ID_LINE.sub("", text)
    return text


def _unescaped(m: re.Match[str]) -> str:
    """An escaped character as shown, unless the escape keeps it from opening a block where a
    line opens (`\\> 65`, `\\- x`, `\\# 1`, `1\\.`): there the card, rendered as Markdown,
    needs it as the note did."""
    char, text, at = m.group(1), m.string, m.start()
    if char == "\\":
        return m.group()
    if char == "_" and not (text[at - 1 : at].isalnum() and text[m.end() : m.end() + 1].isalnum()):
        return m.group()  # only inside a word is `_` never emphasis (`node_rank`; not `\_init\_`)
    lead = text[text.rfind("\n", 0, at) + 1 : at]
    if not lead.strip() and char in _BLOCK_OPENERS:
        return m.group()
    if char == "." and lead.strip().isdigit():
        return m.group()
    return char


def _script(m: re.Match[str]) -> str:
    """A super- or subscript in the characters made for it (`²`, `₂`, `ᵗʰ`), or marked by `^`
    or `_` where one of its characters has none (`E_Δ`, `x^(n+1)` has `⁽ⁿ⁺¹⁾`)."""
    sup, body = m.group(1).lower() == "sup", m.group(2).strip()
    if not body:
        return ""
    if sup and _SUPERSCRIPT_CHARS.issuperset(body):
        return body.translate(_SUPERSCRIPT)
    if not sup and _SUBSCRIPT_CHARS.issuperset(body):
        return body.translate(_SUBSCRIPT)
    mark = "^" if sup else "_"
    return mark + (body if len(body) == 1 or body.isalnum() else f"({body})")


def _list_mark(m: re.Match[str]) -> str:
    return "\n- " if m.group("item") else ""
