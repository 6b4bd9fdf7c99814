"""What the learner typed, as a command: single keys on a terminal, one line a command otherwise.

On a terminal each key is read in raw mode (termios), restored right after every key, so a crash
or Ctrl-C never leaves the shell without echo. Without a terminal, one answer a line, so sessions
can be scripted: `printf '3\\n1\\nq\\n' | quiz review`.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Literal

Command = Literal["reveal", "undo", "suspend", "bury", "open", "reject", "restore", "quit"] | int

KEYS: dict[str, Command] = {
    "1": 1, "a": 1, "again": 1,
    "2": 2, "h": 2, "hard": 2,
    "3": 3, "g": 3, "good": 3,
    "4": 4, "e": 4, "easy": 4,
    " ": "reveal", "\r": "reveal", "\n": "reveal", "": "reveal",
    "u": "undo", "undo": "undo",
    "s": "suspend", "suspend": "suspend",
    "b": "bury", "bury": "bury",
    "o": "open", "open": "open",
    "x": "reject", "reject": "reject",
    "r": "restore", "restore": "restore",
    "q": "quit", "quit": "quit", "\x03": "quit", "\x04": "quit",
}  # fmt: skip


def parse_command(text: str) -> Command | None:
    """A key or a line as a command; None for anything we do not know."""
    key = text.strip().lower() if text not in (" ", "\r", "\n") else text
    return KEYS.get(key)


def read_key(stream: IO[str] | None = None) -> str:
    """One key press from the terminal, without waiting for Enter."""
    import termios
    import tty

    stream = stream or sys.stdin
    fd = stream.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setraw(fd, termios.TCSANOW)  # not TCSAFLUSH: keys typed ahead are kept
        key = os.read(fd, 1)
        if key == b"\x1b":  # an escape sequence (arrow keys...): swallow it whole
            import select

            while select.select([fd], [], [], 0.02)[0]:
                os.read(fd, 16)
            return "\x1b"
        if key and key[0] >= 0xC0:  # the rest of a UTF-8 character
            more = 1 if key[0] < 0xE0 else 2 if key[0] < 0xF0 else 3
            key += os.read(fd, more)
        return key.decode("utf-8", "replace")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def read_line(stream: IO[str] | None = None) -> str | None:
    """One line of input without its newline; None at end of input, or with no input at all
    (a closed stdin, as in some CI runners, where `sys.stdin` is None)."""
    stream = stream or sys.stdin
    if stream is None:
        return None
    line = stream.readline()
    if not line:
        return None
    return line.rstrip("\r\n")


def is_terminal(stream: IO[str] | None = None) -> bool:
    stream = stream or sys.stdin
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
