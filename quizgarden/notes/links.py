"""Obsidian links: `[[target|alias]]` reads as its alias; `![[image.png]]` is a media reference.

Images are resolved the way Obsidian resolves them: next to the note first, then by file name
anywhere in the vault.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

from .vault import IMAGE_SUFFIXES


_EMBED = re.compile(r"!\[\[([^\]\n|]+?)(?:\\?\|([^\]\n]*))?\]\]")
_WIKILINK = re.compile(r"\[\[([^\]\n|]+?)(?:\\?\|([^\]\n]*))?\]\]")
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")

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

    text = _EMBED.sub(embed, text)
    text = _WIKILINK.sub(link, text)
    for m in _MD_IMAGE.finditer(text):
        target = m.group(1)
        if "://" not in target and not target.startswith("data:"):
            found = resolve(target)
            if found and found not in media:
                media.append(found)
    return text, media


def _label(target: str, alias: str | None) -> str:
    if alias and alias.strip() and not alias.strip().isdigit():
        return alias.strip()
    page, _, heading = target.partition("#")
    name = PurePosixPath(page).name if page else ""
    heading = heading.lstrip("^")
    return f"{name} > {heading}" if name and heading else name or heading
