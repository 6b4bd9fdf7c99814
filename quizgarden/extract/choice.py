"""Multiple-choice questions with their key: a question, its lettered options, and a line that
names the right one (`**Answer: B) Load balancer**`, `正确答案：C`, `Lösung: (a)`).

Quizzes and exam banks in every subject are written this way, by hand and by chatbots alike;
the author wrote the question and its answer on purpose, so the card is theirs. The options go
on the front, as a question that reads "which of the following" needs them; the back is the
right option as the options give it. Only a key whose letter is one of the options counts, so
a line such as "Answer: A simple way is …" is never read as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .context import Context, clean_card_text
from .lang import CHOICE_ANSWER, QA_PREFIX

#: An option line: "A) …", "b. …", "(C) …", "- a) …", "- [ ] B) …", "**D)** …".
_OPTION = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\[[ xX]\][ \t]+)?(?:\*\*|__)?\(?(?P<letter>[A-Ha-h])[).．、]"
    r"(?:\*\*|__)?[ \t]+(?P<text>\S.*?)[ \t]*$"
)
#: Lines between the options and the key that fold the key away or set it apart.
_FOLD = re.compile(
    r"^[ \t]*(?:</?details>|<summary>.*</summary>|>[ \t]*(?:\[![^\]]+\][-+]?.*)?|-{3,}|\*{3,})"
    r"[ \t]*$",
    re.I,
)
#: What numbers or labels a question: "**Q1:**", "Q2.", "Question 3:", "4.", "### ".
_QUESTION_LEAD = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]+)?(?:[-*+][ \t]+)?(?:\*\*|__)?"
    r"(?:(?:q(?:uestion)?[ \t]*\d*|\d{1,3})[ \t]*[.:：)]|(?:q(?:uestion)?)[ \t]*\d+)?"
    r"(?:\*\*|__)?[ \t]*",
    re.I,
)
_BOLD = re.compile(r"\*\*|__")
#: The fewest options a question offers.
_MIN_OPTIONS = 2
#: A key is looked for this many lines under the last option at most.
_MAX_GAP = 4
#: The marks that tick the right option where no key names it: "C) Assembler ✅".
_TICKS = ("✅", "✔", "✔️", "☑", "☑️", "✓")
_TICK = re.compile("|".join(_TICKS))
_UNTICK = re.compile(r"[ \t]*(?:" + "|".join(_TICKS) + r")[ \t]*$")
#: A line that opens with a second option ("B) …", "- b. …", "(B) …"): one search over the
#: note, from each line break, before any other; most notes offer no choice. The search is
#: tried at every line break, so the attempt is kept cheap: the marks are taken whole (`*+`:
#: nothing after them opens with a mark, so giving one back never matches) and the checkbox is
#: an alternative with an empty one, `(?:…|)`, where `(?:…)?` set up a repeat (an allocation)
#: at each line break.
_SECOND_OPTION = re.compile(r"\n[ \t>*+-]*+(?:\[[ xX]\][ \t]+|)\(?[Bb][).．、]")
#: One search over the note before any line is read: most notes hold no key.
_HINT = re.compile(
    r"[:：][ \t]*(?:\*\*|__)?[ \t]*\(?[A-Ha-h](?:[).、．]|[ \t]*(?:\*\*|__)?[ \t]*$)", re.M
)


def find(ctx: Context) -> Iterator[Candidate]:
    if _SECOND_OPTION.search(ctx.text) is None:
        return
    keyed = _HINT.search(ctx.text) is not None
    if not keyed and _TICK.search(ctx.text) is None:
        return
    first = ctx.note.body_line
    for n, line in enumerate(ctx.lines):
        if not ctx.usable(first + n) or first + n in ctx.claimed:
            continue
        key = CHOICE_ANSWER.match(line) if keyed else None
        if key is not None:
            card = _keyed(ctx, n, key)
        elif line.rstrip().endswith(_TICKS) and _OPTION.match(line):
            card = _ticked(ctx, n)
        else:
            continue
        if card is not None:
            yield card


def _keyed(ctx: Context, n: int, key: re.Match[str]) -> Candidate | None:
    """The question whose key is line `n`: its options above the key (a blank line, a fold or a
    rule between them at most) and the question above its options."""
    lines = ctx.lines
    end = n - 1
    while end >= 0 and n - end <= _MAX_GAP and (not lines[end].strip() or _FOLD.match(lines[end])):
        end -= 1
    top, options = _options_up(ctx, end)
    chosen = key["letter"].upper()
    if chosen not in options:
        return None
    answer = _BOLD.sub("", key["text"]).strip() or options[chosen]
    return _card(ctx, top, options, chosen, answer, n)


def _ticked(ctx: Context, n: int) -> Candidate | None:
    """The question whose right option, line `n`, carries a tick (`C) Assembler ✅`): the other
    options around it, none ticked, and the question above them."""
    lines = ctx.lines
    last = n
    while last + 1 < len(lines) and _OPTION.match(lines[last + 1]):
        last += 1
    top, options = _options_up(ctx, last)
    ticked = [letter for letter, text in options.items() if text.endswith(_TICKS)]
    if len(ticked) != 1:
        return None
    options = {letter: _UNTICK.sub("", text) for letter, text in options.items()}
    return _card(ctx, top, options, ticked[0], options[ticked[0]], last)


def _options_up(ctx: Context, end: int) -> tuple[int, dict[str, str]]:
    """The lettered options that end on line `end`, read upwards (a blank line between two at
    most), by letter in order from A, and the line above them; no options unless they run A,
    B, … without a gap."""
    lines = ctx.lines
    first = ctx.note.body_line
    found: list[tuple[str, str]] = []
    k = end
    while k >= 0:
        m = _OPTION.match(lines[k]) if ctx.usable(first + k) else None
        if m is None:
            if lines[k].strip() or not found:
                break
            k -= 1  # a blank line between two options
            continue
        found.append((m["letter"].upper(), m["text"]))
        k -= 1
    found.reverse()
    letters = [letter for letter, _ in found]
    if len(found) < _MIN_OPTIONS or letters != [chr(65 + i) for i in range(len(letters))]:
        return k, {}
    return k, dict(found)


def _card(
    ctx: Context, k: int, options: dict[str, str], chosen: str, answer: str, last: int
) -> Candidate | None:
    """The card of the question above line `k + 1`, its `options`, and the `answer` to it, the
    option `chosen`; lines from the question to `last` are claimed."""
    lines = ctx.lines
    first = ctx.note.body_line
    while k >= 0 and not lines[k].strip():
        k -= 1
    top = k
    while top > 0 and _goes_on(lines[top - 1]) and not lines[top].lstrip().startswith("#"):
        top -= 1  # (a heading is the question itself, or above it)
    if k < 0 or not all(ctx.usable(first + i) for i in range(top, k + 1)):
        return None
    question = _question(lines[top : k + 1])
    if not question:
        return None
    listed = "\n".join(f"{letter}) {text}" for letter, text in options.items())
    front, block_id, deck = clean_card_text(f"{question}\n{listed}")
    back, _, _ = clean_card_text(f"{chosen}) {answer}")
    if not front or not back:
        return None
    ctx.claim(first + top, first + last)
    return Candidate("choice", "basic", front, back, first + top, block_id, deck=deck)


def _goes_on(line: str) -> bool:
    """`line` may be part of the question under it: not blank, no heading over it, and not the
    option or the key of a question before it."""
    return (
        bool(line.strip())
        and not line.lstrip().startswith("#")
        and not _OPTION.match(line)
        and not CHOICE_ANSWER.match(line)
    )


def _question(asked: list[str]) -> str:
    """The question's text without what numbers or labels it (`**Q1: …**`, `### Question 2`)."""
    text = "\n".join(asked).strip()
    text = QA_PREFIX.sub("", _QUESTION_LEAD.sub("", text, count=1), count=1)
    return _BOLD.sub("", text).strip()
