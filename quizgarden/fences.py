"""Which lines of a note are fenced code, read once and the same way everywhere.

Tags, `:::` containers and line breaks are all looked for outside code, and a reader that closed a
fence differently from another would find a tag the extractor skipped or miss a box it read. The
rule is CommonMark's: a run of three or more backticks or tildes opens a fence, and only a line
holding a run of the same character at least as long, and nothing else, closes it; a fence never
closed runs to the end. Fences in list items are indented, so any indentation counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_OPEN = re.compile(r"[ \t]*(`{3,}|~{3,})(.*)")


def code_lines(lines: Sequence[str]) -> list[bool]:
    """For each line, whether it belongs to fenced code, its opening and closing lines included."""
    inside: list[bool] = []
    fence = ""
    for line in lines:
        if fence:
            run = line.strip()
            if run.startswith(fence) and not run.strip(fence[0]):
                fence = ""
            inside.append(True)
            continue
        m = _OPEN.match(line) if ("`" in line or "~" in line) else None
        # a backtick run followed by another backtick is inline code, not a fence
        if m is not None and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            fence = m.group(1)
        inside.append(fence != "")
    return inside
