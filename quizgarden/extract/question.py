"""Questions written in the text rather than as headings, with the answer right under them.

- a list item that asks something, answered by what is nested under it
  ("2. GBDT如何做特征选择？" followed by indented paragraphs or sub-items);
- a paragraph that ends with a question, answered by the next paragraph opening with `答：`
  or `A:`/`Answer:`;
- a question on a line of its own and its answer on the lines right under it, in the same
  paragraph or list item ("什么是分封制？" + a new line "分封制是…", "问：…？" + "答：…"); one
  paragraph may hold several such pairs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import nested_in
from .context import Context, clean_card_text
from .lang import (
    ANSWER_MARK,
    ASKING,
    BARE_ASKING,
    DEICTIC,
    POINTER,
    QA_PREFIX,
    RHETORICAL,
    ends_asking,
)
from .shape import MAX_ANSWER, drop_caption, is_question, topic
from .text import (
    ASKED_ARROW,
    has_cjk,
    is_explanation,
    is_first_person,
    is_instruction,
    is_link_only,
    strip_markup,
    strip_numbering,
    units,
)

MAX_QUESTION = 200
_SHORT = 3  # a question this short ("Why does it exist?") leaves its subject to its section
_NUMBERED = re.compile(r"^\s*\d{1,2}[.、)）]\s*")
_MARKS = ("?", "？")
# a question's mark with its answer after it on the same line: "Why pad? Messages vary."
_RUN_ON = re.compile(r"[?？][*_]*[ \t]+(?=\S)|？[*_]*(?=[^\s*_])")


def find(ctx: Context) -> Iterator[Candidate]:
    blocks = ctx.blocks
    for n, block in enumerate(blocks):
        if block.kind not in {"item", "paragraph"}:
            continue
        if not block.text.rstrip("*_ ").endswith(_MARKS):
            asks = "?" in block.text or "？" in block.text
            if not (asks or block.kind == "item") or not ctx.free(block):
                continue
            if asks and _RUN_ON.search(block.text) and (card := _run_on(ctx, n)) is not None:
                yield card
            elif asks and "\n" in block.text:
                yield from _pairs_in(ctx, n)
            elif block.kind == "item":
                yield from _aspect_item(ctx, n)
            continue
        if not ctx.free(block):
            continue
        text, block_id, deck = clean_card_text(block.text)
        asked = strip_numbering(strip_markup(text))
        if not asked or len(asked) > MAX_QUESTION or "\n" in asked or not _asks(asked):
            continue
        nested = block.kind == "item"
        answer = _nested_answer(ctx, n) if nested else _marked_answer(ctx, n)
        if answer and nested and POINTER.search(asked) and block.heading is not None:
            asked = f"{topic(ctx, block)} › {asked}"  # "- Who produced it?": its section's subject
        if answer:
            yield Candidate("question", "basic", asked, answer, block.line, block_id, deck=deck)


def _pairs_in(ctx: Context, n: int) -> Iterator[Candidate]:
    """Question lines and the lines under each that answer it, in one block. Every question
    line must be answered, and the block must open with one: a question in the middle of a
    paragraph is the text thinking aloud."""
    block = ctx.blocks[n]
    pairs: list[tuple[int, str, list[str]]] = []
    lines = block.text.split("\n")
    for offset, line in enumerate(lines):
        text = clean_card_text(line)[0]
        asked = strip_numbering(strip_markup(text))
        # a question in words ("为什么…？"), or one marked so ("问：…？" / the next line "答：…")
        bare = _NUMBERED.sub("", strip_markup(text)).lstrip("*_ ")
        marked = QA_PREFIX.match(bare) is not None or (
            offset + 1 < len(lines) and ANSWER_MARK.match(lines[offset + 1]) is not None
        )
        if asked.endswith(_MARKS) and _stands_alone(asked) and (marked or ASKING.search(asked)):
            pairs.append((offset, asked, []))
        elif pairs and text.strip():
            pairs[-1][2].append(ANSWER_MARK.sub("", text, count=1) if not pairs[-1][2] else text)
        elif not pairs:
            return
    if not pairs or any(not answer for _, _, answer in pairs):
        return
    for offset, asked, lines in pairs:
        answer = _checked("\n".join(lines))
        if answer and not DEICTIC.match(strip_markup(answer)):
            if units(asked) <= _SHORT and block.heading is not None:
                asked = f"{topic(ctx, block)} › {asked}"  # "FPU › ¿Por qué existe?"
            yield Candidate("question", "basic", asked, answer, block.line + offset)


def _run_on(ctx: Context, n: int) -> Candidate | None:
    """A question that opens its paragraph or item and the statement that answers it after
    it on the same line (`Why padding? Message length is not a multiple of block-size.`,
    `**Why is a fine irreversible?** Before it, …`). The answer asks nothing itself (a run of
    questions is the text thinking aloud), and a question the text asks itself to go on
    (the tables' `rhetorical_ends`: `缺点是啥呢？`) is none, and so is a bracket after it (a
    note on the question: `(参考上一题)`, `(i.e. what happens …)`)."""
    text, block_id, deck = clean_card_text(ctx.blocks[n].text)
    mark = _RUN_ON.search(text)
    if mark is None or "\n" in text[: mark.start()] or text.count("`", 0, mark.start()) % 2:
        return None
    asked = strip_numbering(strip_markup(text[: mark.start() + 1])).strip()
    answer = text[mark.end() :].strip()
    if ASKED_ARROW.match(text):
        return None  # "What matters more? -> …": the arrow rule's
    if "?" in answer or "？" in answer or text.count("$", 0, mark.start()) % 2:
        return None
    if not (ASKING.search(asked) and _stands_alone(asked)) or RHETORICAL.search(asked):
        return None
    answer = _checked(answer) or ""
    opening = strip_markup(answer)
    if not answer or DEICTIC.match(opening) or opening.startswith(("(", "（", "[")):
        return None  # "(see the question above)", "(i.e. …)": a note on the question
    block = ctx.blocks[n]
    if block.kind == "item" and _in_question_sheet(ctx, n):
        return None
    if units(asked) <= _SHORT and block.heading is not None:
        asked = f"{topic(ctx, block)} › {asked}"
    return Candidate("question", "basic", asked, answer, block.line, block_id, deck=deck)


def _in_question_sheet(ctx: Context, n: int) -> bool:
    """An item of a list of review questions left unanswered (`62. 螺纹刀具有那些类型？` beside
    `63. 何为运动平衡式？可以根据传动系统图…列出运动平衡式。`): what runs on after a question
    there is more of the exam question, not its answer."""
    block = ctx.blocks[n]
    siblings = ctx.lists.get((block.heading, block.parent, ctx.before_items[n]), ())
    for m in siblings:
        answered = m + 1 < len(ctx.blocks) and ctx.blocks[m + 1].parent == m
        if m != n and not answered and ctx.blocks[m].text.rstrip("*_ ").endswith(_MARKS):
            return True
    return False


def _stands_alone(asked: str, start: int = 0) -> bool:
    """A question a learner can be asked on its own: not about "this", not a list of them.
    A pronoun is looked for from `start`, past a question word that holds one (`qu'est-ce`)."""
    if len(asked) > MAX_QUESTION or units(asked) < 3 or is_first_person(asked):
        return False
    if DEICTIC.search(asked, start) or ":" in asked or "：" in asked:
        return False
    return asked.count("?") + asked.count("？") == 1


def _asks(text: str) -> bool:
    return text.endswith(("?", "？")) and is_question(text)


def _nested_answer(ctx: Context, n: int) -> str | None:
    parts: list[str] = []
    base = ctx.blocks[n].level
    for m in range(n + 1, len(ctx.blocks)):
        block = ctx.blocks[m]
        if not nested_in(ctx.blocks, m, n):
            break
        if block.kind not in {"item", "paragraph", "math"} or not ctx.free(block):
            continue
        if is_link_only(block.text):
            continue
        text, _, _ = clean_card_text(block.text)
        if block.kind == "item":
            text = "  " * max(0, block.level - base - 1) + "- " + text
        parts.append(text)
        if sum(len(p) for p in parts) > MAX_ANSWER:
            break
    return _checked("\n".join(parts))


def _marked_answer(ctx: Context, n: int) -> str | None:
    following = ctx.blocks[n + 1] if n + 1 < len(ctx.blocks) else None
    if following is None or following.kind != "paragraph" or not ctx.free(following):
        return None
    if not ANSWER_MARK.match(following.text):
        return None
    text, _, _ = clean_card_text(ANSWER_MARK.sub("", following.text, count=1))
    return _checked(text)


def _checked(answer: str) -> str | None:
    answer = answer.strip()
    if not answer or not is_explanation(answer, long=True) or is_instruction(answer):
        return None
    return answer


def _aspect_item(ctx: Context, n: int) -> Iterator[Candidate]:
    """A list item whose first line asks as a textbook's numbered point does, with no mark
    (`3. 火的使用对原始人类生存和进化的作用`, `2. 经济法律关系的内容`: an aspect of a named
    thing, as the heading rule reads one), answered by the lines under it in the item or by
    the items nested under it. Asked as such a heading is, with its mark."""
    block = ctx.blocks[n]
    after = ctx.blocks[n + 1] if n + 1 < len(ctx.blocks) else None
    if "\n" not in block.text.strip() and (after is None or after.parent != n):
        return  # nothing under it to answer: most items are leaves, passed over cheaply
    line = strip_markup(block.text.partition("\n")[0]).rstrip()
    bare = None if ends_asking(line) else BARE_ASKING.match(strip_numbering(line))
    if bare is None and not ends_asking(line):
        return  # its first line asks nothing: cleaning the whole item would be wasted
    text, block_id, deck = clean_card_text(block.text)
    first, _, rest = text.partition("\n")
    asked = strip_numbering(strip_markup(first)).strip()
    mark = "？"
    if bare is not None:
        asked = asked.rstrip("。.")
        if not _asks_bare(ctx, n, asked):
            return
        # with no mark to end it, the question may run on in the lines of its item ("When a
        # process" / "leaves its critical section, …"): only what is nested under it answers
        rest = ""
        mark = "" if bare.group("instruction") else "？" if has_cjk(asked) else "?"
    elif not asked or not ends_asking(asked) or not _stands_alone(asked + "？"):
        return
    rest = rest.strip()
    if rest and after is not None and after.kind == "fence" and after.parent == n:
        rest = drop_caption(rest)  # "Code snippet" over the code the answer leaves out
    answer = _checked(rest) if rest else None
    nested = _nested_answer(ctx, n)
    if answer and nested:
        answer = f"{answer}\n{nested}"
    answer = answer or nested
    if answer and not DEICTIC.match(strip_markup(answer)):
        yield Candidate("question", "basic", asked + mark, answer, block.line, block_id, deck=deck)


def _asks_bare(ctx: Context, n: int, asked: str) -> bool:
    """A line that asks with no question mark (`1. What is a primary key`, `4. 列出实现金属切削过程
    的三个必备条件`): a question of its own, opening as a sentence does (a capital, in Latin
    script: "when the economy is humming" goes on from a sentence above) with no clause set
    off by a comma ("When a catalyst is full, the rate …" says when, it does not ask). An
    instruction ("Define …", "列出…") asks only in a list that asks: another item of its list
    is a question; elsewhere it is a step ("Define a set of learning algorithms")."""
    head = BARE_ASKING.match(asked)
    if head is None or asked[0].islower() or "," in asked:
        return False
    if not _stands_alone(asked + "？", head.end()):
        return False
    if not head.group("instruction"):
        return True
    block = ctx.blocks[n]
    siblings = ctx.lists.get((block.heading, block.parent, ctx.before_items[n]), ())
    for m in siblings:
        if m == n:
            continue
        line = strip_markup(ctx.blocks[m].text.partition("\n")[0]).rstrip("*_ ")
        if line.endswith(_MARKS):
            return True
        other = BARE_ASKING.match(strip_numbering(line))
        if other is not None and not other.group("instruction"):
            return True
    return False
