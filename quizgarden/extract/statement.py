"""Named statements: `***Definition* (Convex Set)**: …`, `*[Theorem]* **(Weak Law of Large
Numbers)** Let …`, `- **定理 4.2 (线性相关与线性表示)**: 设 … 则以下命题等价:` and its list.

Maths, statistics, physics and economics notes label what they state and name it in brackets
after the label. The label says the paragraph is a result or a definition to learn; the name is
what the learner is asked, and the statement, with the display math and the list it leads into,
is the answer. The same statement titling a callout is the `callout` rule's; one without a name
(`***Theorem 1***: …`) has nothing to ask by, and is left to the other rules. A proof, an
example or a remark labelled the same way states nothing to learn (see `context.proof_blocks`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block, nested_in
from .context import Context, clean_card_text
from .lang import NAMED_STATEMENT, PROOF_LABEL, STATEMENT_START
from .proofs import opens_label
from .shape import MAX_ANSWER, lists_entries
from .text import strip_markup

#: what may close a name and its label before the statement: the bold or italics around both,
#: a colon or a full stop (`**Definition 2.3 (Convex set).**`, `***Lemma* (Young's Inequality)**:`)
_NAME_CLOSE = re.compile(r"[*_]*[ \t]*[:：.。]?[*_]*[ \t]*")
#: a statement that leads into what follows it: its formula or its list
_LEAD = (":", "：")
_SENTENCE_END = (".", "。", "．", "!", "！")
#: how a statement ends that stops before what it leads into
_OPEN_END = (":", "：", ",", "，", "…")
_MAX_NAME = 100
#: what counts the parts of a statement, not names it: `(ii)`, `(b)`, `(iv)`
_ENUMERATOR = re.compile(r"[ivxlc]+|[a-z]", re.I)


def find(ctx: Context) -> Iterator[Candidate]:
    blocks = ctx.blocks
    # (the first character first, in C: most blocks open with none a label may open with)
    opening = [n for n, b in enumerate(blocks) if b.text[:1] in STATEMENT_START]
    done = -1  # the last block of the statement before
    for n in opening:
        block = blocks[n]
        if n <= done or block.kind not in {"paragraph", "item"}:
            continue
        named = _named(block)
        if named is None or not ctx.free(block):
            continue
        name, rest = named
        if not rest and block.kind == "item":
            continue  # an item that only names, over a list of topics: an outline, no statement
        parts, last, claimed = _statement(ctx, n, rest)
        back, block_id, deck = clean_card_text("\n".join(parts).strip())
        front = strip_markup(name).strip()
        if back.endswith(_OPEN_END):
            continue  # a statement cut before what it leads into: half a fact
        if front and back and len(back) <= MAX_ANSWER:
            ctx.claim(block.line, claimed)
            yield Candidate("statement", "basic", front, back, block.line, block_id, deck=deck)
        done = last


def _named(block: Block) -> tuple[str, str] | None:
    """The name a labelled statement is given in brackets and the text after it, or None where
    the block opens with no such label and name."""
    text = block.text
    if block.callout_title:  # (a callout's title is the callout rule's)
        return None
    m = NAMED_STATEMENT.match(text)
    if m is None:
        return None
    close = _closing(text, m.end())
    if close is None:
        return None
    name = text[m.end() : close].strip()
    plain = strip_markup(name).strip()
    if not 2 <= len(plain) <= _MAX_NAME or not any(c.isalpha() for c in plain.replace("$", "")):
        return None
    if plain.endswith(_SENTENCE_END) or "\n" in name or _ENUMERATOR.fullmatch(plain):
        return None  # a sentence in brackets, or one of a list's parts (`Lemma 2 (ii)`): no name
    after = _NAME_CLOSE.match(text, close + 1)
    rest = text[after.end() if after else close + 1 :].strip()
    # a line of the same paragraph that opens a statement, a proof or an example of its own
    # (`*[Corollary]* …` right under the theorem) ends this one
    lines = rest.split("\n")
    end = next((k for k in range(1, len(lines)) if opens_label(lines[k])), len(lines))
    return name, "\n".join(lines[:end]).strip()


def _closing(text: str, start: int) -> int | None:
    """Where the bracket opened just before `start` closes: brackets inside the name's math
    (`(Key Estimate for $\\mathbf{y}_\\mu(\\mathbf{x})$)`) and inside it (`(Cardinal Number of
    $\\mathbb{R}$ and $\\mathbb{Z^+})$`) are the name's own."""
    depth, math = 1, False
    for i in range(start, min(len(text), start + 2 * _MAX_NAME)):
        ch = text[i]
        if ch == "\n":
            return None
        if ch == "$":
            math = not math
        elif math:
            continue
        elif ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth == 0:
                return i
    return None


def _statement(ctx: Context, n: int, rest: str) -> tuple[list[str], int, int]:
    """The statement of the block at `n` (its text after the name, `rest`), with what it leads
    into: the items nested under it, the display math right after a statement that has not
    ended, and the list after one that ends with a colon. Returns its parts, the index of its
    last block and the last line it claims: a list of entries (`- 加法交换律: …`) is the
    statement's and each entry's card, and is left to the rules that ask the entries."""
    blocks = ctx.blocks
    first = blocks[n]
    parts = [rest] if rest else []
    items: list[Block] = []
    last = n
    if first.kind == "item" and first.children:
        if rest.endswith(_SENTENCE_END):
            # (under a statement said whole, `- 矩阵相抵: … 记为 $A \simeq B$.`, its items say
            # more of it: facts of their own)
            return parts, n, blocks[first.children[0]].line - 1
        for k in range(n + 1, len(blocks)):
            if not nested_in(blocks, k, n):
                break
            if PROOF_LABEL.match(blocks[k].text):
                break  # (a proof nested under it: the statement ends there)
            parts.append(_as_item(blocks[k], first.level + 1))
            items += [blocks[k]] if blocks[k].parent == n else []
            last = k
    while last + 1 < len(blocks):
        nxt = blocks[last + 1]
        said = "\n".join(parts).rstrip()
        ended = said.endswith(_SENTENCE_END) or said.endswith("$")
        if not ctx.free(nxt) or nxt.kind == "heading" or opens_label(nxt.text):
            break
        if not said and nxt.kind in {"paragraph", "math"} and nxt.quoted == first.quoted:
            parts.append(nxt.text)  # the label alone on its line: the statement is below it
            last += 1
        elif nxt.kind == "math" and not said.endswith(_SENTENCE_END):
            parts.append(nxt.text)
            last += 1
        elif (
            nxt.kind == "item"
            and nxt.parent is None
            and not items
            # (a list right under a sentence that has not ended goes on with it: `… is` over
            # `- **Injective** if …`)
            and (said.endswith(_LEAD) or (nxt.line == blocks[last].end + 1 and not ended))
        ):
            top = last + 1
            parts.append(_as_item(nxt, 1))
            items.append(nxt)
            last = top
            while last + 1 < len(blocks) and (
                nested_in(blocks, last + 1, top)
                or (blocks[last + 1].kind == "item" and blocks[last + 1].parent is None)
            ):
                if blocks[last + 1].parent is None:
                    top = last + 1
                    if opens_label(blocks[top].text):
                        break
                    items.append(blocks[top])
                parts.append(_as_item(blocks[last + 1], 1))
                last += 1
        else:
            break
    if len(items) > 1 and lists_entries(items):
        return parts, last, items[0].line - 1
    return parts, last, blocks[last].end


def _as_item(block: Block, base: int) -> str:
    """An item of the statement's list as a line of the back, indented from the list's `base`
    level (1: a list of its own; an item's children: one deeper than the item)."""
    if block.kind != "item":
        return block.text
    return "  " * max(0, block.level - base) + "- " + block.text
