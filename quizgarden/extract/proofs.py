"""Proofs labelled in the text: `*[Proof]*`, `- *Proof.*`, `***Proof***:`, `**证明**：`, `Beweis:`.

A maths note states a result, then proves it under a label of the same kind as the statement's
(`***Theorem* (…)**` then `- *Proof*`). The proof's formulas are steps towards a result the
statement already gives, and its sentences argue: none is a fact to learn, so its blocks are
set aside before the mined rules read the note (`context.build_context`), as a section under a
heading of the tables' `proof_headings` is by the rules that read headings.
"""

from __future__ import annotations

import re

from .blocks import Block, nested_in
from .lang import EXAMPLE_LABEL, NAMED_STATEMENT, PROOF_LABEL, PROOF_START, STATEMENT_LABEL

#: The marks a proof ends with: `$\square$`, `∎`, `□`, `Q.E.D.`, `\blacksquare`, `\qed`.
_END = re.compile(r"\\square|\\blacksquare|\\qed\b|∎|□|Q\.E\.D", re.I)
_OPENING_MARKS = "*_[【 \t"
#: after a statement's label, what makes it one: its emphasis or bracket closing, a colon or a
#: bracket (`Theorem 2*:`, `定义 (`), not the next word of a sentence (`Definitions vary …`)
_LABEL_END = re.compile(r"[\w\u00c0-\u024f]*[\s\d.]*[*_\]】:：(（]")


def opens_label(text: str) -> bool:
    """Text that opens with the label of a statement, a proof or an example (`***Theorem 2***:`,
    `*[Proof]*`, `*[Example 1]*`, `**证明**:`), its markup aside: where the statement or the
    proof before it ends."""
    if PROOF_LABEL.match(text) is not None:
        return True
    plain = text.lstrip(_OPENING_MARKS)
    if STATEMENT_LABEL.match(plain) is not None and _LABEL_END.match(plain) is not None:
        return True
    return EXAMPLE_LABEL.match(plain) is not None


def proof_blocks(blocks: list[Block]) -> set[int]:
    """The ids of the blocks of every labelled proof: a list item so labelled with the items
    nested under it, or a paragraph so labelled with what follows it, up to the end mark, the
    next heading or the next labelled block. In a note that labels its statements so
    (`***Theorem* (…)**`), an example set off the same way (`*[Example 1]*`, `***Example*
    (…)**:`) works one case of a statement, and is set aside as a proof is."""
    out: set[int] = set()
    # (the first character first, in C: most blocks open with none a label may open with)
    opening = [n for n, b in enumerate(blocks) if b.text[:1] in PROOF_START]
    stated: bool | None = None  # whether the note names a statement, read where it matters
    for n in opening:
        block = blocks[n]
        if id(block) in out or block.kind not in {"paragraph", "item"}:
            continue
        if PROOF_LABEL.match(block.text) is None:
            if not _set_off_example(block.text):
                continue
            if stated is None:
                stated = any(NAMED_STATEMENT.match(b.text) for b in blocks if b.text[:1] in "*_[")
            if not stated:
                continue
        out.add(id(block))
        k = n + 1
        if block.kind == "item":
            while k < len(blocks) and nested_in(blocks, k, n):
                out.add(id(blocks[k]))
                k += 1
        elif _END.search(block.text) is None:
            example = PROOF_LABEL.match(block.text) is None
            while k < len(blocks) and blocks[k].kind != "heading":
                if blocks[k].kind in {"paragraph", "item"} and opens_label(blocks[k].text):
                    break
                if example and blocks[k].text[:1] in "*_":
                    break  # (an example ends where a term set off in bold or italics opens)
                out.add(id(blocks[k]))
                k += 1
                if _END.search(blocks[k - 1].text):
                    break
    return out


#: an example's label set off by its emphasis or brackets, perhaps numbered and named:
#: `*[Example 1]*`, `***Example* (…)**:`, `- *Example 2*:`
_SET_OFF = re.compile(r"[*_\[【]+[ \t]*")
_LABEL_REACH = 40
_SET_OFF_END = re.compile(r"[\w\u00c0-\u024f]*[ \t\d.]*[*_\]】]")


def _set_off_example(text: str) -> bool:
    """Text that opens with an example's label set off by emphasis or brackets."""
    m = _SET_OFF.match(text)
    if m is None:
        return False
    label = text[m.end() : m.end() + _LABEL_REACH]
    return EXAMPLE_LABEL.match(label) is not None and _SET_OFF_END.match(label) is not None
