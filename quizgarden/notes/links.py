"""Obsidian links: `[[target|alias]]` reads as its alias; `![[image.png]]` is a media reference.

Images are resolved the way Obsidian resolves them: next to the note first, then by file name
anywhere in the vault.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

from ..scanning import skipping_finditer, skipping_sub
from .vault import IMAGE_SUFFIXES

_EMBED = re.compile(r"!\[\[([^\]\n|]+?)(?:\\?\|([^\]\n]*))?\]\]")
_WIKILINK = re.compile(r"\[\[([^\]\n|]+?)(?:\\?\|([^\]\n]*))?\]\]")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")
# where a link or an image label ends: every try between a failed one and this fails alike
_LABEL_END = re.compile(r"[\]\n]")

Resolver = Callable[[str], str | None]
#: The href a rendered wikilink gets; card text shows only its label.
WIKILINK_HREF = "#wikilink"


def render_links(text: str, resolve: Resolver) -> tuple[str, list[str]]:
    """Render wikilinks to plain text and image embeds to Markdown images; return media found."""
    media: list[str] = []

    def embed(m: re.Match[str]) -> str:
        target = m.group(1).strip()
        if PurePosixPath(target).suffix.lower() not in IMAGE_SUFFIXES:
            return _label(target, m.group(2))
        found = resolve(target)
        if found:
            media.append(found)
        return f"![{PurePosixPath(target).name}](<{found or target}>)"

    def link(m: re.Match[str]) -> str:
        # a Markdown link keeps "this is only a link" visible to the rules; cards show the label
        return f"[{_label(m.group(1).strip(), m.group(2))}]({WIKILINK_HREF})"

    text = skipping_sub(_EMBED, embed, text, "![[", _LABEL_END, local=_has_target(3))
    text = skipping_sub(_WIKILINK, link, text, "[[", _LABEL_END, local=_has_target(2))
    for m in skipping_finditer(_MD_IMAGE, text, "![", _LABEL_END):
        target = m.group(1)
        if "://" not in target and not target.startswith("data:"):
            found = resolve(target)
            if found and found not in media:
                media.append(found)
    return text, media


def _has_target(opener: int) -> Callable[[str, int], bool]:
    """Whether the link opened at `i` has a target at all (`[[|x]]` has none)."""

    def check(text: str, i: int) -> bool:
        at = i + opener
        return at < len(text) and text[at] not in "]\n|"

    return check


def _label(target: str, alias: str | None) -> str:
    if alias and alias.strip() and not alias.strip().isdigit():
        return alias.strip()
    page, _, heading = target.partition("#")
    name = PurePosixPath(page).name if page else ""
    heading = heading.lstrip("^")
    return f"{name} > {heading}" if name and heading else name or heading
