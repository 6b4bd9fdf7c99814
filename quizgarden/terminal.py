"""What may reach the user's terminal: text from notes and file names, never their control codes.

Why a module of its own: a note (or a file name) can hold escape sequences that a terminal
obeys, such as OSC 52, which writes the clipboard, or sequences that retitle the window, move
the cursor or hide text. Everything quizgarden prints passes through `printable` at the output
edge: the consoles made here apply it to every piece of text rich writes (while rich's own
colours and cursor moves still work), the plain review screen calls it on each line, and JSON
lines escape the control characters JSON itself leaves raw.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rich.console import Console, ConsoleOptions, RenderHook, RenderResult
from rich.segment import Segment

__all__ = ["json_line", "make_console", "printable"]

# C0 controls except tab and newline, DEL, and the C1 controls (U+0080-U+009F: CSI, OSC, ST...)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_JSON_RAW = re.compile(r"[\x7f-\x9f]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control picture: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def printable(text: str) -> str:
    """`text` with every control character (C0 but tab and newline, DEL, C1) replaced by a
    visible stand-in, so no escape sequence in it can act on the terminal."""
    return _CONTROL.sub(_shown, text)


def json_line(obj: Any) -> str:
    """One JSON object a line, UTF-8 kept readable: JSON escapes C0 controls itself, and DEL
    and the C1 controls (which it may leave raw) are written as `\\u00XX` escapes too."""
    text = json.dumps(obj, ensure_ascii=False, default=str)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _Printable:
    """A renderable that renders `inner` and passes its text (not rich's control codes)
    through `printable`."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control or _CONTROL.search(segment.text) is None:
                yield segment
            else:
                yield Segment(printable(segment.text), segment.style)


class _PrintableHook(RenderHook):
    """A rich render hook wrapping everything printed in `_Printable`."""

    def process_renderables(self, renderables: list[Any]) -> list[Any]:
        return [_Printable(renderable) for renderable in renderables]


def make_console(**options: Any) -> Console:
    """A rich Console (same options) that never writes a control character from its text."""
    console = Console(**options)
    console.push_render_hook(_PrintableHook())
    return console
