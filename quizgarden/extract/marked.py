"""Answers an exam note marks in its sentences: `长江注入<u>东海</u>。`,
`中国最大的淡水湖是<font color=red>鄱阳湖</font>`, `中国最长的河流是{++长江++}`.

Chinese exam notes underline, colour or mark as inserted (CriticMarkup) the words an exam asks
for, the way a fill-in-the-blank question leaves them out; the sentence around them is the
question. Each such sentence is a cloze card whose deletions are the marked words. Bold is not
read: it is as often emphasis of a key term as an answer.

Underline and colour are emphasis too where a note uses them for whole sentences or in prose of
spaced words (`the interior is <u>electrically neutral</u>`), so only CJK lines count, and only
in a note that marks short answers: three lines or more, most of its marked lines (`_MOSTLY`),
each span short. A line the marks cover whole (`{==气候特点==}`) is a title, not a
question; a line of math, a table row or a question is left to the other rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text
from .text import has_cjk, strip_markup, units, without_trailing_tags

#: The marks of an answer: underline, coloured text, CriticMarkup insertion and highlight.
_MARK = re.compile(
    r"<u>(?P<u>[^<>\n]+?)</u>"
    r"|<font\b[^>\n]*>(?P<font>[^<>\n]+?)</font>"
    r"|<span\s+style=[\"']?color[^>\n]*>(?P<span>[^<>\n]+?)</span>"
    r"|\{\+\+(?P<ins>[^{}\n]+?)\+\+\}"
    r"|\{==(?P<hl>[^{}\n]+?)==\}",
    re.I,
)
_TAG = re.compile(r"</?[a-z][^<>\n]*>", re.I)
#: A marked term that opens its line before a colon or in brackets: a label, not an answer.
_LABEL = re.compile(rf"(?P<open>[(（])?(?:{_MARK.pattern})(?(open)[)）]|\s*[:：])", re.I)
_WORD = re.compile(r"\w")
#: How long a marked answer may be (characters): a longer span is a sentence set off, not a
#: word asked for.
MAX_MARK = 30
#: How long a line may be (characters, marks included) to be one question.
MAX_MARKED_LINE = 160
#: How long the title of a list may be to name what its items are about (characters).
MAX_TITLE = 30
#: How many lines of a note must mark short answers, and which share of its marked lines.
MIN_LINES = 3
_MOSTLY = 2 / 3
#: How much of a line the question around the answers must keep (units, `text.units`).
MIN_QUESTION = 4


def find(ctx: Context) -> Iterator[Candidate]:
    asked: list[tuple[int, str, tuple[str, list[str]]]] = []
    marked = 0  # the note's lines that mark words inside a sentence, asking or not
    for n, block in enumerate(ctx.blocks):
        if block.kind not in {"paragraph", "item"}:
            continue
        if ("<" not in block.text and "{" not in block.text) or not ctx.free(block):
            continue
        lead: Block | None = None
        if block.kind == "item":
            lead = _lead(ctx, n, ctx.before_items)
            if _answers_question(ctx, n, ctx.before_items):
                continue  # the list answers the question it is under: one card, that question's
        for offset, line in enumerate(block.text.split("\n")):
            if not has_cjk(line) or _MARK.search(line) is None:
                continue
            card = _cloze(line)
            if card is None and _titled(line):
                continue  # "<font color=red>季风气候</font>": a title set off, neither way
            marked += 1
            if card is not None:
                asked.append((block.line + offset, _title(lead), card))
    if len(asked) < MIN_LINES or len(asked) < _MOSTLY * marked:
        return  # marks are this note's emphasis, not its answers
    for at, about, (front, answers) in asked:
        text, block_id, deck = clean_card_text(front)
        if about and about not in text:
            text = f"{about} › {text}"
        yield Candidate(
            "marked", "cloze", text, "; ".join(answers), at, block_id, side=1, deck=deck
        )


def _lead(ctx: Context, n: int, before: list[int]) -> Block | None:
    """What leads into a list item's line: the item it sits under (`- 水系` /
    `  - 中国最长的河流是<u>长江</u>`) or the paragraph right before its list (`before`: the last
    block before each that is not an item); None when neither."""
    block = ctx.blocks[n]
    if block.parent is not None:
        return ctx.blocks[block.parent]
    m = before[n]
    if m < 0 or ctx.blocks[m].kind != "paragraph":
        return None
    return ctx.blocks[m]


def _answers_question(ctx: Context, n: int, before: list[int]) -> bool:
    """The item is part of a list, nested items and all, that a question right above answers."""
    while (parent := ctx.blocks[n].parent) is not None:
        n = parent
    m = before[n]
    return m >= 0 and ctx.blocks[m].kind == "paragraph" and _asks(ctx.blocks[m].text)


def _asks(text: str) -> bool:
    """A question on one line (`洋务运动的主要内容是什么？ #anki`): the items under it answer it."""
    asked = without_trailing_tags(strip_markup(_TAG.sub("", text))).strip().rstrip("*_ ")
    return "\n" not in asked and asked.endswith(("?", "？"))


def _title(lead: Block | None) -> str:
    """What a list item's sentence is about, where the line leading into it is a short title;
    "" when it is not."""
    if lead is None:
        return ""
    title = strip_markup(_TAG.sub("", _MARK.sub(_answer, lead.text))).strip().rstrip(":：")
    title = without_trailing_tags(title)
    if "\n" in title or len(title) > MAX_TITLE or title.endswith(("。", ".")):
        return ""
    return title


def _answer(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g is not None)


def _titled(line: str) -> bool:
    """The marks hold the line's words, or only the term its colon sets off: a title or a
    label (`<font color=red>季风气候</font>：…`), which asks for nothing."""
    line = line.strip()
    if _covered(line):
        return True
    return _LABEL.match(line) is not None and len(_MARK.findall(line)) == 1


def _covered(line: str) -> bool:
    """The marks are the line: too little is left around them to ask with (`{==气候特点==}`)."""
    return units(_TAG.sub("", _MARK.sub("", line))) < MIN_QUESTION


def _cloze(line: str) -> tuple[str, list[str]] | None:
    """The line as a cloze of its marked answers, with the answers; None when the marks do not
    ask: a span too long or without a word, a line they cover whole, a label's term, math, a
    question or a lead-in, a table row."""
    line = line.strip()
    if "$" in line or "|" in line or line.endswith(("?", "？", ":", "：")):
        return None
    if len(line) > MAX_MARKED_LINE:
        return None  # a paragraph of an essay: what it marks is its outline, not an answer
    answers: list[str] = []
    label = _LABEL.match(line)

    def blank(m: re.Match[str]) -> str:
        answer = _TAG.sub("", _answer(m)).strip()
        if label is not None and m.start() <= 1:
            return answer  # "<u>季风气候</u>：…": the term its explanation is about, no answer
        answers.append(answer)
        return "{{c1::" + answer + "}}"

    front = _MARK.sub(blank, line)
    if not answers or any(len(a) > MAX_MARK or not _WORD.search(a) for a in answers):
        return None
    if _covered(line):
        return None  # a title
    return _TAG.sub("", front), answers
