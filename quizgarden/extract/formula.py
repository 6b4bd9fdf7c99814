"""Formulas: display math becomes a card that asks for the right-hand side.

The front names the formula from its surroundings (the heading, the label or the sentence that
leads into it, and the left-hand side), the back keeps the LaTeX as LaTeX: a learner asked for
`\theta` must be told which quantity it is. Only equations with a short left-hand side are taken:
the steps of a derivation, a formula cut off mid-bracket and a matrix of one example's numbers
are not cards.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ..model import Candidate
from .blocks import Block
from .context import Context, heading_above, naming_heading
from .lang import (
    ARGUMENT_LEAD,
    CONCLUSION,
    EXAMPLE_HEADING,
    EXAMPLE_MARK,
    EXERCISE,
    FORMULA_DEFINER,
    FORMULA_LEAD,
    PART_HEADING,
    PROOF,
    PROOF_HEADING,
    PROOF_HINT,
    RESTATING_LEAD,
    REWRITING_LEAD,
    SOLUTION_LEAD,
    STEP_HEADING,
    STEP_LEAD,
)
from .text import (
    GENERIC_FRONT,
    NOTE_CACHE,
    SENTENCE,
    has_cjk,
    is_example_heading,
    is_link_only,
    is_structural,
    is_term,
    strip_markup,
    strip_numbering,
    units,
    without_item_mark,
)

_INLINE_DISPLAY = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]", re.S)
_ENV = re.compile(r"\\(?:begin|end)\{(?:aligned|align\*?|equation\*?|split|gather\*?)\}")
# a bracket, or a relation (`=`, `:=`, `\approx`, `\equiv`, `\triangleq`) not after `<>!\:`;
# every branch opens with its first character and the relation's is told apart after it (a
# pattern with a branch that opens with a lookbehind is tried at every character of the formula)
_TOKEN = re.compile(
    r"\\[{}]|[{}()\[\]]"
    r"|[:=\\](?<![<>!\\:].)(?:(?<=:)=|(?<==)|(?<=\\)(?:approx|equiv|triangleq|sim|propto)\b)"
)
# a left side that is itself a derivation step, a row of a system, or prose (`\le`, `\ge`, `\sim`
# as whole commands: the `\left(` of `P\left(w_i\right)` is no relation; a side with an `\in`,
# `\int` or `\infty` in it stays out, a membership, an integral or a limit worked out)
_BAD_LHS = re.compile(
    r"\\(?:(?:begin|end|leq?|geq?|simeq|sim|quad)(?![A-Za-z])|in|\\|text\s*\{\s*(?:where|s\.t))"
    r"|[<>]|\\\\"
)
# a left side that opens with an arrow or "therefore" (`\implies a_t = r\alpha`, `\Rightarrow p =
# mv`): the line follows from the one before it, a step of a derivation
_STEP_OPEN = re.compile(
    r"^(?:\\(?:implies|iff|Rightarrow|Longrightarrow|therefore|because)(?![A-Za-z])|[⇒⟹∴∵])"
)
#: How many unnamed formulas a section gives (`x_{t+1} = …`, `L(\mu) = …`): past them a section
#: is working something out. A named one (`F1 = …`, `\text{Precision} = …`, a formula under a
#: bold name) is a fact of its own and always counts.
MAX_PER_SECTION = 3
_LEAD_END = re.compile(r"[:：]\s*$")
_LEAD_UNITS = 20  # a longer lead is a paragraph, not words that name the formula
_LEAD_CHARS = 80
# "- Telescope diffraction limit: … $$\theta = …$$": the label the line opens with names it
# (the line goes on after the colon: a line that ends in one leads into what follows)
_LABEL_MAX = 60  # the most characters of a label
_LABEL = re.compile(rf"^([^:：$\n]{{2,{_LABEL_MAX}}}?)\s*[:：][ \t]*(?=[^\s])")
_INLINE_MATH = re.compile(r"\$([^$]++)\$")  # (taken whole: an unclosed `$` is not read again)
_COMMAND = re.compile(r"\\[A-Za-z]+(?:\{[A-Za-z*]*\})?|[{}]")  # \begin{pmatrix}, \frac
# a formula that ends by pointing onward is a step of a transformation: "… = b_i \Rightarrow"
_ONWARD = re.compile(r"(?:\\(?:Rightarrow|Longrightarrow|implies|iff|to)|⇒|→)\s*[.,;]?\s*$")
MAX_LATEX = 600
_SIZED_OPEN = re.compile(r"\\left(?![A-Za-z])")  # "\left(", not "\leftarrow"
_SIZED_CLOSE = re.compile(r"\\right(?![A-Za-z])")
MAX_LHS = 60


def find(ctx: Context) -> Iterator[Candidate]:
    if not any("$" in block.text or "\\[" in block.text for block in ctx.blocks):
        return  # a formula is in math (`$$`, `\[`, a lone `$…$`): half the notes hold none
    seen: set[tuple[int | None, str]] = set()  # a derivation restates its left side
    per_section: dict[int | None, int] = {}
    previous: Block | None = None
    previous_lone = False  # the previous block was a paragraph holding one `$…$` equation
    in_proof: int | None = -1  # the heading whose section has reached a proof
    proof_callout = 0  # the callout titled as a derivation (`> [!math]- Derivation: …`)
    steps: dict[int | None, bool] = {}  # per heading: a worked example or a derivation
    unread: dict[int | None, list[Block]] = {}  # per heading: paragraphs that may pose an exercise
    for block in ctx.blocks:
        if (
            block.kind in {"paragraph", "item"}
            and PROOF_HINT.match(block.text)
            and PROOF.match(strip_markup(block.text))
        ):
            in_proof = block.heading
        if block.callout_title and _titles_proof(block.callout_title):
            proof_callout = block.callout_id
        # a display formula right after another is a step of a derivation, not a new fact;
        # so is any formula in a proof, and a worked example is not a formula to learn
        set_apart = _set_apart(block) if block.parent is None else None
        lone = _lone_formula(block) if block.parent is not None else None
        lone_math = lone if block.parent is not None else set_apart
        inline = _named_inline(block) if block.kind == "item" and "$" in block.text else None
        defined = (
            _defined_inline(block)
            if inline is None and "$" in block.text and "$$" not in block.text
            else []
        )
        if lone and (previous is not ctx.blocks[block.parent or 0] or not _item_name(ctx, block)):
            lone = None  # not the first thing said under a name: a further step
        chained = (
            previous is not None
            and (previous.kind == "math" or previous_lone)
            and (block.kind == "math" or lone_math is not None)
        )
        previous_lone = lone_math is not None
        holds_math = (
            block.kind == "math"
            or lone_math
            or inline
            or defined
            or "$$" in block.text
            or "\\[" in block.text
        )
        if holds_math and block.heading not in steps:  # a section's title read where it matters
            steps[block.heading] = _in_example(ctx, block) or _in_derivation(ctx, block)
        if block.kind == "paragraph" and block.parent is None:
            # read only where a formula follows; a list's items that say "Compute $W_+$ …" are
            # the steps of a procedure, not an exercise
            unread.setdefault(block.heading, []).append(block)
        skip = (
            not holds_math
            or chained
            or block.heading == in_proof
            or steps[block.heading]
            or (block.callout_id != 0 and block.callout_id == proof_callout)
        )
        if not block.skipped and not skip and ctx.free(block):
            if inline:
                found = [(inline[0], "", block.line, False)]
            elif lone:
                found = [(lone, "", block.line, False)]
            elif defined:
                found = [(latex, lead, line, False) for latex, lead, line in defined]
            else:
                found = list(_formulas(block, previous, set_apart))
            if found and any(_poses_exercise(b.text) for b in unread.pop(block.heading, ())):
                # "Find the derivative of $f(x)=x^2$", "Ans.": the section works an exercise
                steps[block.heading] = True
                found = []
            for boxed, lead, line, displayed in found:
                latex = _unboxed(boxed)
                if latex != boxed and _carries_on(lead):
                    lead = ""  # "so $\boxed{…}$": the result the working ends on, boxed to learn
                lhs = left_side(latex)
                if lhs is None and displayed and _names_expression(latex, lead):
                    lhs = ""  # `输出的大小为:` over `(n_h - k_h + 1) \times …`: asked by its lead
                key = lhs or latex
                if lhs is None or (block.heading, key) in seen or _is_value(latex):
                    continue
                if _no_rule(latex):
                    continue  # cut off mid-bracket, or a matrix of one example's numbers
                if _is_system(latex):
                    continue  # a sequence worked out: `x_1 = A x_0 \\ x_2 = A x_1`
                if _is_working(latex) or (lead and _answers_exercise(lead)):
                    continue  # `\cancel{x-1}`, `= \boxed{38}`; after "Ans.", "Step 1: …"
                if STEP_LEAD.search(strip_markup(lead)) or _sets_numbers(lead):
                    continue  # "又因为:", "Or equivalently,": a step of a derivation
                if lead and _opens_example(lead):
                    continue  # "For example, suppose we want:", "例如，…": one example's formula
                if (
                    (lead and _carries_on(lead))
                    or (per_section.get(block.heading, 0) > 0 and _rewrites(lead))
                    or _restates(latex, lhs)
                ):
                    # "Thus:", "Solving for $t$, we get:": the next step of an argument, which
                    # still takes its place in the section as the steps above do; so does a
                    # formula after the section's own said again in other terms ("i.e.:") and
                    # a side said again (`y_i = y_i`), a row of a worked table
                    seen.add((block.heading, key))
                    per_section[block.heading] = per_section.get(block.heading, 0) + 1
                    continue
                if _ONWARD.search(latex):
                    continue
                name = (
                    (inline[1] if inline else None)
                    or _statement_name(block, previous)
                    or _item_label(block)
                    or (_item_name(ctx, block) if lone else None)
                    or _lead_name(block, previous, lead)
                )
                crowded = per_section.get(block.heading, 0) >= MAX_PER_SECTION
                if crowded and name is None and not is_named(lhs):
                    continue  # a fourth unnamed formula in a section is a step of a derivation
                seen.add((block.heading, key))
                if lhs:  # (an expression is named by its lead, and takes no unnamed one's place)
                    per_section[block.heading] = per_section.get(block.heading, 0) + 1
                front = _front(ctx, block, lead, lhs, latex, name)
                yield Candidate("formula", "basic", front, f"$$\n{latex}\n$$", line)
        previous = block


_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")
# where an exercise's first line breaks into parts: a spaced dash, a colon
_TASK_BREAK = re.compile(r"\s[—–-]\s|[:：]\s*")
_EQUALS = re.compile(r"(?<![<>!\\:])=")  # an equals sign, not part of `<=`, `!=`, `:=`
_DECIMAL = re.compile(r"[-+]?\d*\.\d+")
_DECIMALS = re.compile(r"\d+\.\d+")
_NEXT_SIDE = re.compile(r"[,;](?=[^,;]*=)")  # a comma before another side's `=`
_RELATION_SIGN = re.compile(r"^(?::=|=|\\approx|\\equiv|\\triangleq|\\sim\b|\\propto\b)")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?(?:\\%|%)?")
_ROW_BREAK = re.compile(r"\\\\")
# numbers joined by arithmetic only: `0.6 * 10 + 0.4 * 5`, `3 \times 4`
_SUM = re.compile(r"[-+]?\d+(?:\.\d+)?(?:\s*(?:[-+*/×·]|\\times|\\cdot)\s*\d+(?:\.\d+)?)+")
_ALIGN_SPACE = re.compile(r"[\s&]")  # spaces and the `&` of an aligned row
_ALIGN_SPACE_END = re.compile(r"[\s&]|[.,;]+$")  # those, and the punctuation that ends a row


def _carries_on(lead: str) -> bool:
    """A lead of connectives only (`Thus:`, `Hence we have,`, `From the graph we can see:`,
    `于是可得：`), or one whose last clause is (`Keeping only the terms in $x$, we have:`,
    `令 $Y = X - c$. 则有:`, `以均值为例, 可得:`): the formula goes on from the one
    before it, a step of an argument, and the lead gives it no name. A lead that names what
    follows (`Then the rejection region is:`, `…, which gives the standard identity:`) is not
    one, nor is `Then:` alone, which leads as often into the result an argument ends on (`Then`
    / `$$L_\text{Edd} = …$$`), nor a last clause that is a conclusion's word alone (`Si …,
    entonces:`), which states a theorem."""
    words = _lead_text(lead)
    if ARGUMENT_LEAD.match(words) is not None:
        return True
    last = _CLAUSE_BREAK.split(words)[-1].strip()
    if CONCLUSION.fullmatch(last):
        return False  # "Si $f$ es continua en $[a, b]$, entonces:": a theorem's conclusion
    return units(last) <= _CONNECTIVE_UNITS and ARGUMENT_LEAD.match(last) is not None


def _rewrites(lead: str) -> bool:
    """A whole lead that only says the line before again in other terms (`i.e.`,
    `Equivalently,`, `即：`): the formula after it is that line rewritten. Only the whole lead: as
    a last clause (`X 服从泊松分布，即`) the word follows the words that name the formula."""
    return RESTATING_LEAD.match(_lead_text(lead)) is not None


def _lead_text(lead: str) -> str:
    """The words of a lead, its math as `X`, without its list mark and closing punctuation."""
    words = _INLINE_MATH.sub("X", without_item_mark(strip_markup(lead).strip()))
    return _SPACES.sub(" ", words).strip(" \t:：,，.;；。")


# where a lead's clauses break: a comma, a semicolon, a sentence's stop
_CLAUSE_BREAK = re.compile(r"[,，;；。？！]|[.?!]\s")
_CONNECTIVE_UNITS = 4  # "we have", "可以得到"; a longer clause names what follows


def _is_working(latex: str) -> bool:
    """LaTeX only working uses: a factor struck out (`\\cancel{x-1}`) or an answer boxed on the
    right side (`= 35 + 3 = \\boxed{38}`). A formula boxed whole (`\\boxed{\\lim_{x \\to c}
    f(x) = f(c)}`) is one set off to learn."""
    if "cancel{" in latex:
        return True
    at = latex.find("\\boxed")
    return at >= 0 and _top_level_relation(latex[:at]) is not None


def _answers_exercise(lead: str) -> bool:
    """A lead that opens the worked answer of an exercise (`Ans.`, `Solution:`, `解：`) or one
    numbered step of it (`Step 1: Simplify …`, `第一步：…`)."""
    words = without_item_mark(strip_markup(lead).strip()).lstrip("*_[(（【 ")
    return SOLUTION_LEAD.match(words) is not None or STEP_HEADING.match(words) is not None


def _poses_exercise(text: str) -> bool:
    """A paragraph or heading that poses an exercise on given math (`Ex. Find the derivative of
    $f(x) = x^2$`, `5. Find a value $C$ such that …`, `Page 4 — Find the Derivative of
    1/(3x−5)`, `Solve:`) or opens its worked answer (`**Ans.**`): the formulas after it in its
    section are that exercise's working."""
    first = strip_numbering(strip_markup(text.lstrip().split("\n", 1)[0]))
    first = without_item_mark(first)
    if SOLUTION_LEAD.match(first):
        return True
    for part in _TASK_BREAK.split(first)[:3]:
        task = EXAMPLE_MARK.sub("", part.strip(" *_")).strip(" .:*_")
        # on given numbers (`Find the derivative of $f(x)=x^2$`), or set as an example (`Ex.
        # Find the derivative of $f(x) = x$`); `Compute the p-value`, `计算 $G_k(x)$ 的误差率`
        # are a procedure's steps, which hold the formulas to learn
        if EXERCISE.match(task) and (task != part.strip(" *_") or _DIGIT.search(task)):
            return True
    return False


def _opens_example(lead: str) -> bool:
    """A short lead that opens an example (`For example, suppose we want:`, `E.g.:`, `[Example]
    Consider a set of points:`): the formula after it works one case, it states no rule."""
    words = without_item_mark(strip_markup(lead).strip()).lstrip("[(（【 ")
    if units(_INLINE_MATH.sub("X", words)) > _LEAD_UNITS:
        return False  # "例如，在 Encoder 中，……即：": a paragraph that explains by example
    return EXAMPLE_MARK.match(words) is not None or EXAMPLE_HEADING.match(words) is not None


def _in_example(ctx: Context, block: Block) -> bool:
    """Under "Example 2", "Worked example", "Step 3: …", "Caso 1": the working of one problem."""
    if block.heading is None:
        return False
    heading = ctx.blocks[block.heading].text
    if is_example_heading(heading) or _poses_exercise(heading):
        return True
    # the heading as read (`**第一步：代入 $Z$ …**`, its bold around math; `第⼆步`, a Kangxi
    # radical copied from a PDF for `二`)
    title = strip_numbering(strip_markup(heading))
    if not title.isascii():
        title = unicodedata.normalize("NFKC", title)
    return STEP_HEADING.match(title) is not None


def _sets_numbers(lead: str) -> bool:
    """A lead that gives a symbol numbers (`Prendiamo $A = \\begin{pmatrix}2 & 1…$:`) sets up
    a worked example; the formula after it computes with them."""
    for m in _INLINE_MATH.finditer(lead):
        _, eq, rhs = m.group(1).partition("=")
        rhs = _COMMAND.sub(" ", rhs)
        if eq and _DIGIT.search(rhs) and not _LETTER.search(rhs):
            return True
    return False


def _in_derivation(ctx: Context, block: Block) -> bool:
    """Under "Derivation", "Proof", "推导过程": every formula is a step towards another."""
    if block.heading is None:
        return False
    if _sets_numbers(ctx.blocks[block.heading].text):
        return True  # a setext "heading" that is really the set-up of a worked example
    title = strip_numbering(strip_markup(ctx.blocks[block.heading].text)).strip(" .:：")
    return PROOF_HEADING.match(title) is not None


def _restates(latex: str, lhs: str) -> bool:
    """`y_i = y_i`: the right side says the left again."""
    side = _ALIGN_SPACE.sub("", lhs)
    return _ALIGN_SPACE_END.sub("", latex) == f"{side}={side}"


def _titles_proof(title: str) -> bool:
    """A callout titled "Derivation: decay width for fermions", "Proof": every formula in it is
    a step towards the result it names."""
    label = strip_markup(title.split("\n", 1)[0]).split(":", 1)[0].strip(" .*_")
    return PROOF_HEADING.match(label) is not None


def _is_value(latex: str) -> bool:
    """`a_{h1} = 0.5969`: a computed number, not a formula."""
    body = _ENV.sub("", latex).strip()
    last = _EQUALS.split(body)[-1].strip().rstrip(".,;")
    if _DECIMAL.fullmatch(last) or len(_DECIMALS.findall(body)) >= 3:
        return True  # the worked numbers of an example
    if any(_SUM.fullmatch(side.strip().rstrip(".,;")) for side in _EQUALS.split(body)[1:]):
        return True  # "= 0.6 * 10 + 0.4 * 5 = 8": numbers worked out
    at = _top_level_relation(body)
    first = body[at:].split("\\\\")[0] if at is not None else ""
    # "= 1, \int \pi(z) dz = 1", "= 3, h_1 = 1": values of several sides, each a number
    first = _NEXT_SIDE.split(first)[0]
    rhs = _RELATION_SIGN.sub("", first).strip().rstrip(".,;")
    return _NUMBER.fullmatch(rhs) is not None


def _formulas(
    block: Block, previous: Block | None, set_apart: str | None
) -> Iterator[tuple[str, str, int, bool]]:
    """Each display formula of `block`: its LaTeX, the words leading into it, its line, and
    whether it stands on lines of its own (not `$$U/L$$` inside a sentence, used as inline math).
    `set_apart` is the block's one `$…$` equation set apart as display math (`_set_apart`)."""
    if block.kind == "math" or set_apart:
        lead = ""
        if previous is not None and previous.kind in {"paragraph", "item"}:
            last = previous.text.strip().split("\n")[-1]
            if (_LEAD_END.search(last) or units(last) <= 12) and not _file_named(last):
                lead = last
            elif FORMULA_LEAD.search(last) and not _file_named(last):
                lead = _naming_clause(last)
        yield set_apart or _unwrap(block.text).strip("$").strip(), lead, block.line, not set_apart
    elif block.kind in {"paragraph", "item"} and ("$$" in block.text or "\\[" in block.text):
        end = -1
        for m in _INLINE_DISPLAY.finditer(block.text):
            if end >= 0 and not block.text[end : m.start()].strip():
                end = m.end()
                continue  # right after another display formula: a step of the same working
            end = m.end()
            own_line = not block.text[: m.start()].rsplit("\n", 1)[-1].strip()
            before = block.text[: m.start()].rstrip().split("\n")[-1]  # the line leading in
            if FORMULA_LEAD.search(before) and _too_long(before):
                before = _naming_clause(before)
            line = block.line + block.text.count("\n", 0, m.start())
            latex = (m.group(1) or m.group(2)).strip().strip("$").strip()
            yield latex, before, line, own_line


def _naming_clause(line: str) -> str:
    """Of a line that the formula completes ("… The surface brightness is given by"), the words
    that name it: its last sentence, and of a long one its last clause ("For the conformal group
    $G$, the characters on its modules are given by", "…，这个量的大小定义为")."""
    lead = [m.group() for m in SENTENCE.finditer(line)][-1].strip()
    if not _too_long(lead):
        return lead
    outside = _INLINE_MATH.sub(lambda m: "x" * len(m.group()), lead)  # `$d(u, v)$` is one word
    return lead[max(map(outside.rfind, ",，;；、")) + 1 :].strip()


# what follows an equation that ends its clause: a stop or a comma, or the end of its line
_CLAUSE_END = re.compile(r"[ \t]*(?:[.,;。，；]|$)", re.M)


def _defined_inline(block: Block) -> list[tuple[str, str, int]]:
    """Each inline equation by which a sentence of `block` defines a quantity, ending its clause
    (`The **distance** $d(u, v)$ between two vectors is defined as $d(u, v) = \\|u - v\\|$.`,
    `其闭包定义为: $\\text{cl}(C) = …$`): its LaTeX, the words leading into it (of a long
    sentence, its last clause) and its line. A bare copula (`is $x = 1$`) or a notation (`记为
    $…$`) defines nothing: the tables' `formula_definers`. An equation boxed whole (`The
    reduction of the field: $\\boxed{\\kappa = E_0 / E}$.`) is one the author set off as a
    result to learn, whatever words lead into it."""
    opening = _label(without_item_mark(block.text.lstrip()))
    label = strip_markup(opening.group(1)).strip("*_ ") if opening else ""
    if label and is_term(label) and not FORMULA_DEFINER.search(label):
        # "**Closure**: … 其闭包定义为 $…$", "**Cone:** …": the entry's, which the `definition`
        # rule asks whole
        return []
    found = []
    for m in _INLINE_MATH.finditer(block.text):
        before = block.text[: m.start()].rstrip()
        latex = m.group(1).strip()
        boxed = _unboxed(latex) != latex
        if boxed or (FORMULA_DEFINER.search(before) and _CLAUSE_END.match(block.text, m.end())):
            line = block.line + block.text.count("\n", 0, m.start())
            found.append((latex, _naming_clause(before) if before else "", line))
    return found


def _too_long(lead: str) -> bool:
    """Too long to stand in a front: a paragraph, not words that name the formula."""
    return units(lead) > _LEAD_UNITS or len(lead) > _LEAD_CHARS


_FILE_EXTENSION = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|bmp|pdf)\b", re.I)


def _file_named(line: str) -> bool:
    """A picture above the formula named by its file (`![[Pasted image 2023….png]]`) says
    nothing of it; one with a caption (`![Dice](dice.png)`) names it."""
    return is_link_only(line) and _FILE_EXTENSION.search(strip_markup(line)) is not None


# a box around the whole formula, a stop after it at most: `\boxed{V = \frac{W}{q}}.`
_BOX = re.compile(r"\\boxed\s*\{(.*)\}[\s.,;]*", re.S)


def _unboxed(latex: str) -> str:
    """The formula inside a box drawn around all of it (`\\boxed{V = \\frac{EPE}{q}}`): the
    author set it off as the result to learn, which is the formula the box holds. A box around
    one side only (`= \\boxed{38}`, an answer worked out) is left as written."""
    m = _BOX.fullmatch(latex)
    if m is None:
        return latex
    depth = 0
    for ch in m.group(1):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return latex  # `\boxed{a} = \boxed{b}`: two boxes, not one around the whole
    return m.group(1).strip()


def _unwrap(source: str) -> str:
    source = source.strip()
    for open_, close in (("$$", "$$"), ("\\[", "\\]")):
        if source.startswith(open_) and source.endswith(close) and len(source) > 4:
            return source[len(open_) : -len(close)].strip()
    return source


# a name written out in a left side: `\text{Recall}`, `\operatorname{Var}`, `Accuracy`, `F1`
_WRAPPED = re.compile(r"\\(?:text|mathrm|operatorname|textrm|textit|mathit)\s*\{([^{}]*)\}")
_COMMAND_WORD = re.compile(r"\\[A-Za-z]+")
_NAME = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]{3,}|[A-Z][A-Za-z]?\d{1,2})(?![A-Za-z])")
# the functions of the notation itself, written out (`\mathrm{log}`, `max`): no name
_FUNCTION = re.compile(
    r"(?:log|exp|sin|cos|tan|max|min|lim|det|sup|inf|arg|argmax|argmin|sgn|mod)",
    re.I,
)


def is_named(lhs: str) -> bool:
    """A left side that names what it defines (`F1`, `Accuracy`, `\\text{MSE}(y)`), not a symbol
    of a derivation (`x_{t+1}`, `\\nabla_\\phi L`, `\\frac{\\partial l}{\\partial w}`)."""
    words = _WRAPPED.sub(lambda m: f" {m.group(1)} ", lhs)
    words = _COMMAND_WORD.sub(" ", words)  # \\frac, \\log, \\mathbb: notation, not a name
    words = _without_indices(words)  # `x_{\text{new}}`, `\beta^{\text{MLE}}`: indices name nothing
    return any(not _FUNCTION.fullmatch(m.group()) for m in _NAME.finditer(words))


def _without_indices(text: str) -> str:
    """`text` less its sub- and superscripts, braced ones (nested braces too) included."""
    out: list[str] = []
    at = 0
    while at < len(text):
        ch = text[at]
        if ch not in "_^":
            out.append(ch)
            at += 1
            continue
        at += 1
        while at < len(text) and text[at] == " ":
            at += 1
        if at < len(text) and text[at] == "{":
            depth = 0
            while at < len(text):
                depth += {"{": 1, "}": -1}.get(text[at], 0)
                at += 1
                if depth == 0:
                    break
        else:
            at += 1  # one character: `x_i`
        out.append(" ")
    return "".join(out)


def left_side(latex: str) -> str | None:
    """The named side of an equation (`\\text{Attention}(Q,K,V)`), or None if it has none."""
    if len(latex) > MAX_LATEX or len(latex) < 6:
        return None
    body = _ENV.sub("", latex).strip()
    at = _top_level_relation(body)
    if at is None:
        return None
    lhs = body[:at].replace("&", "").strip()
    if not lhs or len(lhs) > MAX_LHS or not _LETTER.search(lhs):
        return None
    if lhs[0].isdigit():
        return None  # `1\mathrm{l} = 1\mathrm{dm}^3`, `1\times2^{\lg N} = x`: a value worked out
    if lhs.startswith("\\{"):
        return None  # `\{s_{kl}\}_{l=1}^N = \{…\}`: a set listed out, no name to ask it by
    if "$" in lhs or lhs.startswith(("- ", "* ", "+ ")):
        return None  # "- $$ \frac{…}": a list marker and a stray `$$`, the math block is broken
    if _BAD_LHS.search(lhs) or has_cjk(lhs) or _STEP_OPEN.match(lhs):
        return None
    if len(_SIZED_OPEN.findall(lhs)) != len(_SIZED_CLOSE.findall(lhs)):
        return None  # "\left\{ x = …": cut inside a bracket the LaTeX sizes, not a side
    return lhs


@lru_cache(maxsize=NOTE_CACHE)
def _top_level_relation(body: str) -> int | None:
    """Offset of the first `=` (or `\\approx`, `:=`, ...) outside braces and brackets.

    Cached: a formula's LaTeX is asked this by `left_side`, `_relation`, `_is_value` and
    `_names_expression` in turn (a pass over the corpus asked it 1,542 times of 761 texts), each
    time a walk over its tokens."""
    depth = 0
    for m in _TOKEN.finditer(body):
        tok = m.group()
        if len(tok) == 2 and tok[0] == "\\":
            tok = tok[1]  # `\{`, `\}`: a set's braces, a bracket as `{` is, never the relation
        if tok in "{([":
            depth += 1
        elif tok in "})]":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0:
            return m.start()
    return None


# "*[Theorem]* **(Neyman Factorization Theorem)**": the name a statement is given in bold
_BOLD_NAME = re.compile(
    r"^(?:\*?\[?[A-Za-z\u4e00-\u9fff]+\]?\*?\s*)?\*\*\(?([^*()\n]{3,60})\)?\*\*"
)


def _statement_name(block: Block, previous: Block | None) -> str | None:
    """The bold name opening the paragraph that holds or introduces the formula."""
    holder = block if block.kind != "math" else previous
    if holder is None or holder.kind not in {"paragraph", "item"}:
        return None
    m = _BOLD_NAME.match(holder.text.strip())
    name = m.group(1).strip().rstrip(":：") if m else ""
    return name if name and is_term(name) else None


# what may follow the bold name in the sentence that leads into its formula: its symbol and a
# colon or a lead of the tables (`… the **displacement field** $D$ given by`, `… the **forward
# cross section:**`, `我们得到 **准去均值模型**:`)
_NAME_TAIL = re.compile(r"[\s,，]*(?:\$[^$\n]{1,20}\$)?[\s,，]*(.{0,30}?)[\s:：.,，]*")
_BOLD = re.compile(r"\*\*([^*\n]+)\*\*")


def _lead_name(block: Block, previous: Block | None, lead: str) -> str | None:
    """The name the sentence leading into a display formula gives it in bold, at its end."""
    if block.kind == "math":
        if previous is None or previous.kind not in {"paragraph", "item"}:
            return None
        lead = previous.text.rstrip().rsplit("\n", 1)[-1]
    if "**" not in lead:
        return None
    spans = list(_BOLD.finditer(lead))
    tail = _NAME_TAIL.fullmatch(lead, spans[-1].end()) if spans else None
    if tail is None or (tail.group(1) and not FORMULA_LEAD.match(tail.group(1))):
        return None  # the sentence goes on past the name: it names something else
    opened = max(lead.rfind(". ", 0, spans[-1].start()), lead.rfind("? ", 0, spans[-1].start()))
    if sum(m.start() > opened for m in spans) != 1:
        return None  # several bold spans in one sentence: emphasis, not a name
    name = spans[-1].group(1).strip().rstrip(":：").strip()
    if any(map(str.isdigit, name)):
        return None  # "**multiplicamos por -1**:": a step taken, not a quantity named
    return name if is_term(name) else None


def _front(
    ctx: Context, block: Block, lead: str, lhs: str, latex: str, name: str | None = None
) -> str:
    parts = []
    if block.heading is not None:
        heading = strip_numbering(strip_markup(ctx.blocks[block.heading].text)).rstrip(":：")
        if is_structural(heading) or PART_HEADING.match(heading) or GENERIC_FRONT.match(heading):
            owner = naming_heading(ctx, heading_above(ctx, block.heading))
            heading = name or f"{owner} › {heading}"  # "Uplift Curve › 计算公式"
        parts.append(heading)
    elif name and name == _item_label(block):
        parts.append(ctx.note.title)  # a label inside the note names a part of what it is about
    elif name:
        parts.append(name)
    lead = _lead_words(lead)
    if not parts and lead and ctx.note.title not in lead:
        # no heading over it: the note's title says what the sentence leading in is about
        # (`Kruskal-Wallis_Test — Define the test statistic $H$ as:`)
        parts.append(ctx.note.title)
    if name and parts and name not in parts[0] and name not in lead:
        parts.append(name)  # "Basic concepts & formulae — Telescope diffraction limit"
    if lead and not (parts and lead in parts[0]):
        parts.append(lead)
    parts = [p for p in parts if p]
    if not parts:
        parts.append(ctx.note.title)
    if not lhs:
        return f"{' — '.join(parts)}?"  # an expression: the lead's words ask for it
    return f"{' — '.join(parts)}: ${lhs} {_relation(latex)} \\;?$"


# a relation that is no equality: a scaling (`\tau \sim r/v`), a proportion, a distribution
_LOOSE_RELATION = re.compile(r"\\(?:sim|propto)\b")


def _relation(latex: str) -> str:
    """The relation a front asks across: `=` for an equation (`:=`, `\\approx` and `\\equiv`
    too, read as one), and `\\sim` or `\\propto` as written, which say no equality."""
    body = _ENV.sub("", latex).strip()
    at = _top_level_relation(body)
    loose = _LOOSE_RELATION.match(body, at) if at is not None else None
    return loose.group() if loose else "="


#: What `_front` ends every front with: the lead's words, then the left side asked for.
_ASKED = re.compile(r":\s\$[^$]*(?:=|\\sim|\\propto) \\;\?\$$")


def named_by_lead(front: str) -> bool:
    """A formula front that names its formula by the sentence leading into it, the quantity
    being that sentence's subject (`Cost Function — The cost function for linear regression is:
    $J(\\theta) = \\;?$`, `CART — 属性 $a$ 的基尼指数定义为: …`), not only by its heading."""
    asked = _ASKED.search(front)
    if asked is None or " — " not in front[: asked.start()]:
        return False
    lead = front[: asked.start()].rsplit(" — ", 1)[1].rstrip(" :：")
    verb = FORMULA_LEAD.search(lead)
    return verb is not None and units(_INLINE_MATH.sub("", lead[: verb.start()])) >= 2


# a footnote's mark (`XOR[^3]`): it points to the foot of the page and names nothing
_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]")


def _lead_words(lead: str) -> str:
    """The words of a lead that can stand in a front, or "" when it holds other math, template
    tags or a whole paragraph, which name nothing; a footnote's mark is dropped."""
    lead = _FOOTNOTE.sub("", lead)
    lead = without_item_mark(strip_markup(lead).strip().rstrip(":：").strip())
    if lead.startswith("|"):  # the cell before it in a table row: "| Energy of a Photon |"
        lead = lead.strip("| ").rstrip(":：")
    if re.search(r"\$\$|\{%|<", lead):
        return ""
    if _too_long(lead):
        lead = _naming_tail(lead)
    return _FINAL_STOP.sub("", lead)  # a sentence read as a lead: its colon follows in the front


def _naming_tail(lead: str) -> str:
    """Of a lead too long for a front, the words that end it, where a sentence names what the
    formula after it is (`… The rate is given by the Stefan-Boltzmann law`, `When an object is
    surrounded …, the net radiated power is`, `…，那么有如下状态转移公式`): its last sentence,
    or its last clause, widened by the clause before it while that clause is a connective alone
    (`…之间的误差, 即`); "" when even that is too long."""
    sentence = [m.group() for m in SENTENCE.finditer(lead)][-1].strip()
    if not _too_long(sentence):
        return sentence if _names_quantity(sentence) else ""
    outside = _INLINE_MATH.sub(lambda m: "x" * len(m.group()), sentence)  # `$d(u, v)$`: one word
    breaks = [i for i, ch in enumerate(outside) if ch in ",，;；、"]
    for at in reversed(breaks):
        tail = sentence[at + 1 :].strip(" \t\\*_")  # `…\*\*。\*\* 写成表达式就是`
        if _too_long(tail):
            return ""
        words = _lead_text(tail)
        if units(words) >= 2 and not RESTATING_LEAD.match(words) and not ARGUMENT_LEAD.match(words):
            return tail if _names_quantity(tail) else ""
    return ""


_BLOCKS = re.compile(r"\\begin\{(?:[pbvBV]?matrix|array)\}")
# what makes math a formula: an operation or a relation between terms
_OPERATOR = re.compile(
    r"[-+*/≤≥±×·]|\\(?:frac|d?frac|sum|prod|int|times|cdot|pm|mp|sqrt|min|max|inf|sup|arg"
    r"|leq?|geq?|in|subset|subseteq|odot|otimes|oplus|leftarrow|circ|cup|cap|exp|log)(?![A-Za-z])"
)
# an optimisation problem posed (`\min_x f(x)`, `\sup_\mu …`, `\arg\max …`)
_PROBLEM = re.compile(r"\\(?:min|max|inf|sup|arg\s*(?:min|max)|argmin|argmax)(?![A-Za-z])")
_SUBSCRIPT = re.compile(r"[_^](?:\{[^{}]*\}|.)")  # `y_{m+1}`: an index's `+` is no operation


def _names_expression(latex: str, lead: str) -> bool:
    """Math with no relation at all (`(n_h - k_h + 1) \\times (n_w - k_w + 1)`, `\\mathcal{N}(0,
    \\frac{2}{n})`, a problem `\\min … \\text{s.t.} …`) under a sentence that names what it is
    (`那么输出的大小为:`, `A 95% prediction interval for $X_4$ is:`): the expression is that
    quantity's formula, asked by the lead's words as an equation is by its left side."""
    body = _ENV.sub("", latex).strip()
    if not lead or _top_level_relation(body) is not None or _BLOCKS.search(body):
        return False  # (a matrix or array written out shows one case's entries, not a rule)
    if not _OPERATOR.search(_SUBSCRIPT.sub("", body)):
        return False  # `S_{max}`, `p(y_{m+1} \mid x)`: a symbol named, no formula to learn
    if _PROBLEM.match(body.lstrip("& \n")):
        return False  # `\min_\beta … \text{s.t.} …`: a problem posed, a task rather than a quantity
    words = _lead_words(lead)
    return bool(words) and _names_quantity(words) and not REWRITING_LEAD.search(words)


def _names_quantity(clause: str) -> bool:
    """A clause that ends on a word of the tables' `formula_leads` after a subject of two units
    or more (`其 Hessian 矩阵为`, `the net radiated power is`): it says what the formula is.
    A clause that only says what was done (`以减少运算量`, `By Khintchine Weak LLN`) names
    nothing."""
    words = _lead_text(clause)
    verb = FORMULA_LEAD.search(words)
    return verb is not None and units(words[: verb.start()]) >= 2


# the full stop a sentence ends on, not one of an abbreviation (`i.e.`, `e.g.`)
_FINAL_STOP = re.compile(r"(?<![.\s]\w)(?<!^\w)\.$")


def _label(text: str) -> re.Match[str] | None:
    """`_LABEL.match(text)`, asked only where its colon can be: a label holds no colon and is
    followed by nothing but spaces, so the colon that closes it is the text's first, within
    its first characters or after spaces that reach past them. The lazy label tried each of
    its lengths on a text without one before it failed."""
    n = _LABEL_MAX + 1
    if text.find(":", 0, n) < 0 and text.find("：", 0, n) < 0 and not text[n - 1 : n].isspace():
        return None
    return _LABEL.match(text)


def _item_label(block: Block) -> str | None:
    """The label a paragraph or list item opens with (`Luminosity: $$L = …$$`), if a name."""
    if block.kind == "math":
        return None
    m = _label(without_item_mark(block.text.lstrip()))
    label = strip_markup(m.group(1)).strip() if m else ""
    return label if label and is_term(label) else None


_MATRIX = re.compile(r"^\\begin\{([pbvBV]?matrix|array)\}.*\\end\{\1\}$", re.S)
# `\vdots`, `\cdots`: a matrix that shows a pattern, not the numbers of one example
_ELLIPSIS = re.compile(r"\\[vcdl]?dots|…")


def _no_rule(latex: str) -> bool:
    """No rule to learn: the formula is cut off (a bracket opened and never closed, as in
    `S' = S, O' = O, a'\\[s,y`, where `\\[…\\]` display math held a bracket of its own), or
    its right side is a matrix of an example's numbers (`\\begin{bmatrix} 2 & 1 \\\\ 3 &
    1 \\end{bmatrix}`); a matrix with `\\vdots` shows a pattern and stays."""
    body = _ENV.sub("", latex).strip()
    if not _balanced(body):
        return True
    at = _top_level_relation(body) if "matrix}" in body or "{array}" in body else None
    if at is None:
        return False
    rhs = _RELATION_SIGN.sub("", body[at:]).strip()
    rhs = rhs.rstrip(" .,;")
    if _MATRIX.match(rhs) and not _ELLIPSIS.search(rhs):
        return _LETTER.search(_COMMAND.sub(" ", rhs)) is None
    return False


def _is_system(latex: str) -> bool:
    """Rows each giving one more term of the same symbol, computed from an earlier one
    (`x_1 = A x_0 \\\\ x_2 = A x_1 = A^2 x_0`): a sequence worked out step by step, not one
    formula. `p = … \\\\ L = … p …` defines a helper for the rule and stays; rows that go on
    from the first (`&= …`) are one formula derived; a pair such as `PE(pos, 2i) = … \\\\
    PE(pos, 2i+1) = …` gives two rules side by side and stays."""
    if "\\\\" not in latex:
        return False
    rows: list[tuple[str, str]] = []
    for row in _ROW_BREAK.split(_ENV.sub("", latex)):
        row = _SPACES.sub("", row.replace("&", ""))
        at = _top_level_relation(row)
        if at is not None and row[:at]:
            rows.append((row[:at], row[at + 1 :]))
    return any(
        lhs != later_lhs and lhs in later_rhs and _stem(lhs) == _stem(later_lhs)
        for i, (lhs, _) in enumerate(rows)
        for later_lhs, later_rhs in rows[i + 1 :]
    )


def _stem(lhs: str) -> str:
    """The symbol a left side indexes: `x` of `x_1` and of `x_{t+1}`."""
    return _SPACES.sub("", _without_indices(lhs))


def _balanced(body: str) -> bool:
    """Every bracket opened is closed (`[0, 1)` counts as closed; so does `\\left\\{ … \\right.`):
    the formula is whole. (`\\{` holds a `{`, so counting characters counts it once.)"""
    depth = body.count("\\left.") - body.count("\\right.")
    depth += sum(map(body.count, "{([")) - sum(map(body.count, "})]"))
    return depth == 0


# a paragraph that is one inline-math equation: `$\\sigma = \\frac{F}{S}$`
_LONE_MATH = re.compile(r"\$(?!\$)([^$\n]+)\$")


def _lone_formula(block: Block) -> str | None:
    """The LaTeX of a paragraph of a list item that holds one `$…$` and nothing else: written
    under the item's name (`- Tensión` then `$\\sigma = \\frac{F}{S}$`), it is that name's
    formula set apart as display math is, with single dollars."""
    if block.kind != "paragraph" or block.parent is None or "$" not in block.text:
        return None
    m = _LONE_MATH.fullmatch(block.text.strip())
    return m.group(1).strip() if m else None


def _set_apart(block: Block) -> str | None:
    """The LaTeX of a paragraph of its own, outside any list, that is one `$…$` and nothing else
    (`### Efecto Doppler` / `$f' = \\frac{v-v_0}{v-v_F}f$`): display math written with single
    dollars, set apart on its line as `$$…$$` is, and read as display math."""
    if block.kind != "paragraph" or block.parent is not None or block.quoted:
        return None  # (in a quote it is as often one line of an example worked through)
    if "$" not in block.text:
        return None
    m = _LONE_MATH.fullmatch(block.text.strip())
    return m.group(1).strip() if m else None


# the symbol a name is given after it: "Módulo de Young $E$"
_SYMBOL_AFTER = re.compile(r"\s*\$[^$\n]{1,20}\$\s*$")


def _item_name(ctx: Context, block: Block) -> str | None:
    """The name a list item opens with, when its first paragraph is only that name (and its
    symbol: `- Módulo de Young $E$`)."""
    if block.parent is None:
        return None
    text = _SYMBOL_AFTER.sub("", ctx.blocks[block.parent].text.strip())
    return text if "\n" not in text and "$" not in text and is_term(text) else None


# a list item that is a name and one `$…$` equation on its line, the name before it (`- Capilary
# rise $h=\frac{2T \cos \theta}{r \rho g}$`, `- rms velocity = $V_{rms} = …$`) or after
# it (`- $I_2=I_1+md^2$ Paralell axis theorm`, `- $\frac{P_1V_1}{T_1n_1} = …$ (ultimate combined
# gas law)`)
_NAMED_INLINE = re.compile(r"([^$\n]*?)[\s=]*\$(?!\$)([^$\n]+)\$\s*([^$\n]*)")
_ARROW = re.compile(r"\\(?:Leftrightarrow|Rightarrow|iff|implies|to)(?![A-Za-z])|[⇒⇔→]")
_RHS_SYMBOL = re.compile(r"=\s*-?\s*(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]{1,3}\}?)?\s*$")


def _named_inline(block: Block) -> tuple[str, str] | None:
    """The LaTeX and the name of a list item that is only a short name (two to six words) and
    one inline equation: a formula sheet's line. Not a clause with math in it (`They then use
    $…$`), and not a name after an equation whose right side is one symbol (`$P_{2n} - P_{1n} =
    \\sigma_b$, surface charge density …`): that names the symbol."""
    text = block.text.strip()
    # the pattern's lazy name was tried at each character of a line with no equation: it takes
    # exactly two `$`, which `count` tells in C
    m = _NAMED_INLINE.fullmatch(text) if text.count("$") == 2 else None
    if m is None:
        return None
    before, latex, after = m.group(1).strip(), m.group(2).strip(), m.group(3).strip()
    if before and after:
        return None
    if before.endswith((":", "：")) or _ARROW.search(latex):
        return None  # `Name: $…$`, the `definition` rule's; `$r \Leftrightarrow r = …$`
    name = (before or after).strip(" .,;-–—")
    if after:
        if name.startswith("(") and name.endswith(")"):
            name = name[1:-1].strip()
        elif _RHS_SYMBOL.search(latex):
            return None
    name = strip_markup(name).strip()
    if not 2 <= len(name.split()) <= 6 or has_cjk(name) or not is_term(name):
        return None
    return latex, name
