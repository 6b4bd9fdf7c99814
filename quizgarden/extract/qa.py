"""`Q: question` / `A: answer` pairs; the answer runs to the end of its block (a blank line or the
next `Q:`), and a fenced code block inside it, blank lines and all, belongs to it.

As hashcards writes them, a question may also run over blank lines to its `A:` (an image set
apart under it), and an `A:` alone on its line opens an answer that runs over blank lines (a
list under it) to the next card, heading or rule.

A deck that writes each card as a record of more fields (`hint: …`, `tags: …` under its `A:`)
ends the answer at the record's next field, which is its reader's, not the learner's (`fields`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text
from .fields import edge, field_key, opens_with, repeated, until_field
from .text import CARD_END, LINE_LEAD

_BOLD_START = re.compile(r"^(?:\*\*|__)")
_BOLD = re.compile(r"\*\*|__")
#: A marker set in bold by itself, as many published decks write it: `**Q:** …`, `__A:__ …`.
_BOLD_MARK = re.compile(r"^(?:\*\*|__)([^*_\s]{1,12}?[:：])(?:\*\*|__)[ \t]*")


def _lead(line: str) -> str:
    """A line's text after its quote and list marks; a bold marker unbolded (`**A:**`)."""
    text = LINE_LEAD.sub("", line)
    return _BOLD_MARK.sub(r"\1 ", text) if text[:1] in "*_" else text


def find(ctx: Context) -> Iterator[Candidate]:
    q, a = ctx.separators.question, ctx.separators.answer
    first = ctx.note.body_line
    records = list(_records(ctx, q, a))
    fields = repeated((r.keys for r in records), (q, a))
    for record in records:
        back = until_field(record.back, record.keys, fields)
        while back and not back[-1]:
            back.pop()  # the blank lines before the record's first field
        if not back:
            continue
        front_text, block_id, deck = _clean(_unbold("\n".join(record.front)))
        back_text, back_id, back_deck = _clean("\n".join(back))
        if front_text and back_text:
            ctx.claim(first + record.start, first + record.end - 1)
            yield Candidate(
                "qa",
                "basic",
                front_text,
                back_text,
                first + record.start,
                block_id=block_id or back_id,
                deck=deck or back_deck,
            )


@dataclass(frozen=True)
class _Record:
    """A card as written, by body line: its question's lines, its answer's lines and, for each
    answer line, its key if it has a field's shape (see `fields`)."""

    start: int
    end: int  # the line after the record's last (its trailing blank lines left out)
    front: list[str]
    back: list[str]
    keys: list[str | None]


def _records(ctx: Context, q: str, a: str) -> Iterator[_Record]:
    first = ctx.note.body_line
    lines = ctx.lines
    key = q[:-1] if q.endswith(":") else q  # in every line that can open a question
    if key not in ctx.text:
        return  # one search in C: most notes hold no marker, and no line is read
    n = 0
    while n < len(lines):
        if key not in lines[n]:  # the cheap test first: most lines hold no marker at all
            n += 1
            continue
        text = _BOLD_START.sub("", _lead(lines[n]))  # "**Q: ...？** A: ..."
        # a line the vault's own Obsidian_to_Anki pattern took is that plugin's card already
        if not ctx.usable(first + n) or first + n in ctx.claimed or not opens_with(text, q):
            n += 1
            continue
        front = [text[len(q) :].strip()]
        back: list[str] = []
        keys: list[str | None] = []  # each answer line's key, if it has a field's shape
        at = edge(lines[n])  # where the record's answer lines open: its fields open there too
        inline = _answer_on_line(front[0], a)  # "**Q: 作业为何中断？** A: 超时被杀掉"
        if inline:
            front[0], first_answer = inline
            back.append(first_answer)
            keys.append(None)
        end = n + 1
        open_answer = False  # "A:" alone on its line: the answer is the blocks under it
        while end < len(lines) and first + end not in ctx.skipped_lines:
            if first + end in ctx.code_lines:
                block = _block_at(ctx, first + end)
                if block is None or block.kind not in {"fence", "code", "math"}:
                    break  # HTML ends the answer, as a blank line does
                code_end = block.end - first + 1  # a code or math block: kept whole, as written
                text = "\n".join(lines[end:code_end])
                (back or front).append(_code(text) if block.kind != "math" else text.strip())
                if back:
                    keys.append(None)
                end = code_end
                continue
            nxt = _lead(lines[end]) if end > n else ""
            if opens_with(nxt, q) or (open_answer and CARD_END.match(lines[end])):
                break
            if not lines[end].strip():
                if open_answer or (not back and _answer_below(lines, end, q, a)):
                    (back if back else front).append("")
                    if back:
                        keys.append(None)
                    end += 1
                    continue
                break
            if opens_with(nxt, a) and not back:
                back.append(nxt[len(a) :].strip())
                keys.append(None)
                at = edge(lines[end])
                open_answer = not back[0]
            elif back:
                back.append(lines[end].strip())
                keys.append(field_key(lines[end], at))
            else:
                front.append(lines[end].strip())
            end += 1
        while back and not back[-1]:
            back.pop()  # the blank lines after an open answer are not part of its record
            keys.pop()
            end -= 1
        if back:
            yield _Record(n, end, front, back, keys)
        n = max(end, n + 1)


_CODE_MARK = "\x00code{}\x00"


def _clean(text: str) -> tuple[str, str | None, str | None]:
    """`clean_card_text`, with the code blocks (kept as `_code` made them) left exactly as written:
    a `\\_` or `&amp;` in code is code, not an escape."""
    if "\x01" not in text:
        return clean_card_text(text)
    codes: list[str] = []

    def hide(match: re.Match[str]) -> str:
        codes.append(match.group(1))
        return _CODE_MARK.format(len(codes) - 1)

    cleaned, block_id, deck = clean_card_text(re.sub(r"\x01(.*?)\x01", hide, text, flags=re.S))
    for number, code in enumerate(codes):
        cleaned = cleaned.replace(_CODE_MARK.format(number), code)
    return cleaned, block_id, deck


def _block_at(ctx: Context, line: int) -> Block | None:
    """The block that file line `line` is part of."""
    return next((b for b in ctx.blocks if b.line <= line <= b.end), None)


def _code(text: str) -> str:
    """A code block as the card keeps it: indented as in the note, less the list's indent."""
    import textwrap

    return "\x01" + textwrap.dedent(text).rstrip() + "\x01"  # marked: `_clean` leaves it alone


#: How far below a question, over blank lines, its `A:` may stand: an image or two, not a section.
_MAX_GAP = 12


def _answer_below(lines: list[str], blank: int, q: str, a: str) -> bool:
    """Whether the question above the blank line `blank` goes on to its `A:` a few blocks
    below ("Q: What does this diagram show?" / image / "A: …"), before anything else begins."""
    for line in lines[blank + 1 : blank + 1 + _MAX_GAP]:
        text = _lead(line)
        if opens_with(text, a):
            return True
        if opens_with(text, q) or CARD_END.match(line):
            return False
    return False


def _answer_on_line(text: str, answer: str) -> tuple[str, str] | None:
    """(question, answer) when the answer marker follows the question on the same line."""
    marks = {answer, answer[:-1] + "："} if answer.endswith(":") else {answer}
    pattern = "|".join(re.escape(m) for m in sorted(marks))
    m = re.search(rf"(?:\*\*|__)?\s+(?:\*\*|__)?(?:{pattern})(?:\*\*|__)?\s*", text)
    if m is None or m.start() == 0 or not text[m.end() :].strip():
        return None
    return text[: m.start()].strip(), _unbold(text[m.end() :]).strip()


def _unbold(text: str) -> str:
    """A question set in bold as a whole: the marks around it are not part of it."""
    return _BOLD.sub("", text) if text.count("**") + text.count("__") == 1 else text
