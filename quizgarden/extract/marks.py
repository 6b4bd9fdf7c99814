"""What note-taking tools put into a line that is no part of what it says: HTML comments
(`<!--IMPORTANT-->`), Obsidian comments (`%% … %%`), Hugo shortcodes (`{{< katex >}}`),
footnote references (`[^1]`) and the tags a card line ends with (`… #card #cloud`)."""

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
