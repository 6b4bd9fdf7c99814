"""Bytes to text, as notes really arrive: BOMs, CRLF, GBK files and UTF-8 shown as Windows-1252.

Encodings are detected (charset-normalizer), not guessed, and mojibake is repaired where the
original bytes can be recovered, including the common case where the bytes Windows-1252 has no
character for were dropped on the way (ftfy alone leaves those).
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Bytes Windows-1252 does not map (and U+00AD, which editors strip): what mojibake loses.
_LOST_BYTES = (0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xAD)
_CP1252_HIGH = "".join(
    ch for b in range(0x80, 0x100) if (ch := bytes([b]).decode("cp1252", "ignore"))
)
_MOJIBAKE_RUN = re.compile(f"[{re.escape(_CP1252_HIGH)}]{{2,}}")
_MOJIBAKE_LEADS = "åæçèéä"  # the Latin-1 reading of the lead byte of a CJK character
_MOJIBAKE_HINT = re.compile(f"[{_MOJIBAKE_LEADS}][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def _hints(text: str) -> int:
    """How many traces of mojibake `text` holds. Each opens with one of a few letters, looked for
    first in C (a search for each is a twentieth of the pattern's scan of a note with none,
    and a note is read twice: to repair it, and for lines still damaged)."""
    if not any(lead in text for lead in _MOJIBAKE_LEADS):
        return 0
    return len(_MOJIBAKE_HINT.findall(text))


# in a file that needed repair, one Latin-1 letter next to Chinese is a leftover, not a word
_LEFTOVER = re.compile("[\u00c0-\u00ff][\u4e00-\u9fff]|[\u4e00-\u9fff][\u00c0-\u00ff]")


def damaged_lines(text: str, *, repaired: bool = False) -> list[int]:
    """0-based numbers of lines that still read as mojibake (after a repair, any trace of it)."""
    found: list[int] = []
    if not repaired and (text.isascii() or _hints(text) < 2):
        return found  # mojibake is never plain ASCII, and a line needs two traces of it
    for n, line in enumerate(text.split("\n")):
        hints = len(_MOJIBAKE_HINT.findall(line))
        if hints >= 2 or (repaired and (hints or _LEFTOVER.search(line))):
            found.append(n)
    return found


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode a note: the text with LF line ends, and what was repaired, if anything."""
    fixed: str | None = None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _detect(data)
        fixed = f"decoded as {encoding}"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() and _hints(text) >= 3:
        repaired = repair_mojibake(text)
        if repaired != text:
            text = repaired
            fixed = "repaired UTF-8 text that had been decoded as Windows-1252 (mojibake)"
    # zero-width spaces are invisible noise (they even sit inside LaTeX subscripts)
    return text.lstrip("\ufeff").replace("\u200b", ""), fixed


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return data.decode("utf-8", errors="replace"), "utf-8 with replacement characters"
    encoding = best.encoding
    # GB2312/GBK detections decode more files correctly as their superset
    if encoding in {"gb2312", "gbk", "hz"}:
        encoding = "gb18030"
    return data.decode(encoding, errors="replace"), encoding


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252 in every run of characters where the bytes come back whole."""
    out = _MOJIBAKE_RUN.sub(lambda m: _repair_run(m.group()) or m.group(), text)
    if len(_MOJIBAKE_HINT.findall(out)) >= 3:
        import ftfy

        out = ftfy.fix_encoding(out)
    return out


def _repair_run(run: str) -> str | None:
    """Decode one run chunk by chunk; chunks that cannot be recovered keep their characters."""
    data = run.encode("cp1252")
    out: list[str] = []
    repaired = 0
    i = 0
    while i < len(data):
        lead = data[i]
        size = (
            2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if lead <= 0xF4 else 0
        )
        j = i + 1
        while size and j < len(data) and j - i < size and 0x80 <= data[j] <= 0xBF:
            j += 1
        chunk = data[i:j]
        char = None
        if size and len(chunk) == size:
            char = chunk.decode("utf-8", errors="ignore") or None
        elif size and len(chunk) == size - 1:
            char = _restore_lost_byte(chunk)
        if char is None:
            out.append(run[i:j] if size else run[i])
            j = j if size else i + 1
        else:
            out.append(char)
            repaired += 1
        i = j
    return "".join(out) if repaired else None


def _restore_lost_byte(chunk: bytes) -> str | None:
    """The character a sequence missing one byte was, when only one very common one fits.

    A wrong guess would put a plausible but false character into a card, so anything short of
    a single match among the most frequent Chinese characters is left for the caller to flag.
    """
    found = set()
    for pos in range(1, len(chunk) + 1):
        for byte in _LOST_BYTES:
            try:
                ch = (chunk[:pos] + bytes([byte]) + chunk[pos:]).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if ch in _common_chinese():
                found.add(ch)
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _common_chinese() -> dict[str, int]:
    from charset_normalizer.constant import FREQUENCIES

    return {ch: n for n, ch in enumerate(FREQUENCIES.get("Chinese", []))}
