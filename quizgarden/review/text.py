"""Card text prepared for a terminal: cloze gaps, LaTeX as Unicode, Markdown left to rich.

Pure string transforms, so the screen and the plain-text mode show the same thing and tests can
check them without a terminal.
"""

from __future__ import annotations

import re
from functools import lru_cache

# {{c1::text}} or {{c1::text::hint}}; the text may hold single braces (LaTeX) but not `}}`
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
# $$display$$ first, then $inline$ (no space just inside the dollars, as in Pandoc)
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_INLINE_MATH = re.compile(r"(?<![\\$])\$(?=\S)([^$\n]+?)(?<=\S)\$(?![$\d])")
_SUPER = str.maketrans("0123456789+-=()n", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ")
_SUB = str.maketrans("0123456789+-=()aeioxn", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢₒₓₙ")
_SCRIPT = re.compile(r"([\^_])(?:\{([^{}]*)\}|([0-9a-zA-Z+\-=]))")
_MD_SPECIAL = re.compile(r"([\\*_`\[\]])")


def mask_cloze(text: str, number: int | None) -> str:
    """The front of cloze card `number`: its gaps as [...] or [hint], other clozes as plain text."""

    def gap(match: re.Match[str]) -> str:
        if number is None or int(match.group(1)) == number:
            return f"[{match.group(3) or '...'}]"
        return match.group(2)

    return CLOZE.sub(gap, text)


def fill_cloze(text: str, number: int | None, mark: str = "**") -> str:
    """The answer side: every gap filled, this card's gaps emphasised with `mark`."""

    def filled(match: re.Match[str]) -> str:
        if number is None or int(match.group(1)) == number:
            return f"{mark}{match.group(2)}{mark}"
        return match.group(2)

    return CLOZE.sub(filled, text)


def has_cloze(text: str) -> bool:
    return CLOZE.search(text) is not None


def latex_to_unicode(text: str, *, escape_markdown: bool = True) -> str:
    """Replace `$..$` and `$$..$$` with readable Unicode (α², ∫, √(x)); the rest is untouched."""
    if "$" not in text:
        return text

    def convert(match: re.Match[str]) -> str:
        result = _latex(_scripts(match.group(1).strip()))
        return _MD_SPECIAL.sub(r"\\\1", result) if escape_markdown else result

    text = _DISPLAY_MATH.sub(lambda m: "\n\n" + convert(m) + "\n\n", text)
    return _INLINE_MATH.sub(convert, text)


@lru_cache(maxsize=1)
def _converter():  # pylatexenc costs ~60 ms to import: only when a card has math
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text")


def _latex(source: str) -> str:
    try:
        return _converter().latex_to_text(source).strip()
    except Exception:  # a malformed formula is shown as written rather than crashing the session
        return source


def _scripts(text: str) -> str:
    """x^2 -> x², a_i -> aᵢ where Unicode has the characters; else keep ^(..) readable."""

    def script(match: re.Match[str]) -> str:
        body = match.group(2) if match.group(2) is not None else match.group(3)
        table = _SUPER if match.group(1) == "^" else _SUB
        converted = body.translate(table)
        if all(ord(c) > 127 for c in converted if not c.isspace()) and body:
            return "{}" + converted  # {} ends a preceding macro name: \\sum{}ᵢ
        return f"{match.group(1)}({body})" if len(body) > 1 else match.group(0)

    return _SCRIPT.sub(script, text)


def front_text(front: str, card_type: str, side: int) -> str:
    """The question as shown: cloze gaps masked, math converted."""
    if card_type == "cloze" or has_cloze(front):
        front = mask_cloze(front, side or None)
    return latex_to_unicode(front)


def back_text(front: str, back: str, card_type: str, side: int) -> str:
    """The answer as shown: for a cloze, the whole text with the gaps filled in."""
    if card_type == "cloze" or has_cloze(front):
        return latex_to_unicode(fill_cloze(front, side or None))
    return latex_to_unicode(back)


def plain(text: str) -> str:
    """Undo the Markdown escapes `latex_to_unicode` added, for plain-text output."""
    return re.sub(r"\\([\\*_`\[\]])", r"\1", text)
