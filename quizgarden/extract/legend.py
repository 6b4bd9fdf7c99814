"""Legends: a symbol of a formula named in the prose around it.

"$F_R \\le \\mu R$. Where $\\mu$ is the *coefficient of friction*, a measure of roughness",
"$Q = CV$. $C$ is the **capacitance**", "其中 $k$ 表示劲度系数": the sentence tells what a symbol
of the formula stands for, and a learner asked for the quantity by name must recall how it is
written and where it enters. The card asks for the name; the back gives the symbol, the formula
it belongs to and what the sentence says of it. A symbol named with no formula near it, or a
name that is no term ("$x$ is the one we want"), gives nothing: without the formula the card
only spells a letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context
from .lang import (
    ACTION,
    ARTICLE,
    CONTINUES,
    JOINER_WORD,
    JOINING_WORD,
    LEGEND_CLAIM,
    LEGEND_OPENER,
    SETUP_WORD,
    STEP_LEAD,
    SYMBOL_NAMER,
    WEAK_NAMER,
)
from .text import has_cjk, has_units, is_term, is_value, strip_markup, units

# one symbol in single dollars: `$\mu$`, `$F_{R}$`, `$\omega _{n}$`, `$\vec{E}$`, `$\Delta G$`
# (the dollar first, what may not stand before it looked behind for after it: the engine jumps
# from one dollar to the next, where a leading lookbehind is tried at every character)
_SYMBOL = re.compile(
    r"\$(?<![$\\]\$)(?!\$)\s*(?P<sym>(?:\\(?:vec|mathbf|hat|bar|boldsymbol|mathcal)\s*\{[^{}$]{1,6}\}"
    r"|(?:\\Delta\s*)?(?:\\[A-Za-z]+|[A-Za-z]))(?:\s*[_^]\s*(?:\{[^{}$]{1,12}\}|[A-Za-z0-9]))*)"
    r"\s*\$(?!\$)"
)
# where a legend may open: the start of the text, of a sentence or of a bracket
_OPEN = re.compile(rf"(?:^|[.!?;:,]\s+|[(（，；。：]\s*|\n\s*|(?:{JOINER_WORD})\s+)$", re.I)
# the name ends at punctuation, at the next math, or where a clause begins
_NAME = re.compile(
    r"(?P<name>[^,;.:()（），。；：$\n]+?)"
    rf"(?=\s*(?:[,;:()（），。；：$\n]|\.(?:\s|$)|$|\s(?:{JOINING_WORD})\s))",
    re.I,
)
# a relation: the formula states something (`=`, `\le`, `\propto`), it is not a lone symbol
_RELATION = re.compile(r"(?<![<>!])=|\\(?:le|leq|ge|geq|propto|approx|equiv|sim)\b|[≤≥∝≈]")
_MATH = re.compile(r"\$\$(?P<d>.+?)\$\$|(?<![$\\])\$(?P<i>[^$\n]+?)\$", re.S)
_COMMANDS = re.compile(r"\\[A-Za-z]+")
# the author sets the name off as a term: "*coefficient of friction*", "**capacitance**"
_EMPHASIS = re.compile(r"\s*(?:\*{1,3}|_{1,2}|==)(?=\S)")
# the left-hand side of a formula, up to its first `=` (`:=`, `\\equiv` too)
_LEFT = re.compile(r"(.*?):?(?:=|\\equiv|\\approx|\\triangleq)", re.S)
# what dresses a symbol without changing it: `\vec{L}`, `\boxed{…}`, braces, spaces
_DRESS = re.compile(r"\\(?:vec|mathbf|boldsymbol|boxed|displaystyle)\b|[{}\s]")
MAX_NAME_UNITS = 6
# the end of what a sentence says of a quantity: the sentence's end, or the next symbol's legend
_REST_END = re.compile(
    rf"(?<=[^\s.])\.(?:\s|$)|[;；。\n]|\s(?:{JOINER_WORD})\s+\$|[,，]\s*\$", re.I
)

_MATH_NEXT = re.compile(r"\s*\$")  # math right after: the name goes on past it
_NUMBERED_LINE = re.compile(r"\s*(?:>\s*)*\d+[.)]")  # "2. 计算 $y = …$", in a quote too
_NAME_COLON = re.compile(r"^([^$:：]+)[:：]\s*(?=\$)")  # "Name: $…$"
_NOT_A_NAME = re.compile(r"[\d$\\]")  # opens with a digit, math or a command
_WORD = re.compile(r"[A-Za-z]{3,}")
_CLAUSE_OPEN = re.compile(r"\s*[,，(（]")
_QUOTED_LINE = re.compile(r"(?m)^\s*>")
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")


def find(ctx: Context) -> Iterator[Candidate]:
    previous: Block | None = None
    # the runs of legend items: one list's, at one level, nothing but their own items between
    listed: dict[tuple[int | None, int | None, int], list[list[tuple[int, re.Match[str]]]]] = {}
    for at, block in enumerate(ctx.blocks):
        if block.kind in {"paragraph", "item"} and not block.skipped and "$" in block.text:
            yield from _legends(ctx, block, previous)
            named = _named_formula(ctx, at)
            if named is not None:
                yield named
            if block.kind == "item" and block.text.startswith("$"):
                entry = _LEGEND_ITEM.match(block.text)
                if entry is not None and ctx.free(block):
                    runs = listed.setdefault((block.heading, block.parent, block.level), [])
                    if not runs or not _one_list(ctx, runs[-1][-1][0], at):
                        runs.append([])
                    runs[-1].append((at, entry))
        if block.kind != "heading":
            previous = block
    for runs in listed.values():
        for entries in runs:
            if len(entries) >= MIN_LEGEND_ITEMS:
                yield from _legend_list(ctx, entries)


def _one_list(ctx: Context, before: int, at: int) -> bool:
    """Items `before` and `at` are of one list: only its items between (`$\\text{RecList}_i$：…`
    among `$N$：…` and `$G_i$：…`) and the ones nested under them."""
    level = ctx.blocks[at].level
    return all(b.kind == "item" and b.level >= level for b in ctx.blocks[before + 1 : at])


# "- $\mu$：磁导率", "* $FVA_n$: 后付年金的终值": an item that is a symbol, a colon and what the
# symbol stands for (not a value given to it, `$k$: $3$`)
_LEGEND_ITEM = re.compile(
    r"\$\s*(?P<sym>(?:\\[A-Za-z]+|[A-Za-z]{1,5})(?:\s*[_^]\s*(?:\{[^{}$]{1,12}\}|[A-Za-z0-9]))*)"
    r"\s*\$\s*[:：]\s*(?P<rest>[^\s$].*)"
)
#: How many items of one list must name symbols of the formula above them to make a legend.
MIN_LEGEND_ITEMS = 2
#: A formula longer than this is asked by its left-hand side (`$P_0(1-F) = …$`).
MAX_FRONT_FORMULA = 60


def _legend_list(ctx: Context, entries: list[tuple[int, re.Match[str]]]) -> Iterator[Candidate]:
    """A list under a formula whose items each name one of its symbols (`$$\\delta =
    \\sqrt{2/\\mu\\sigma\\omega}$$` over `- $\\mu$：磁导率`, `- $\\sigma$：电导率`; under a
    lead-in such as `其中：` or `where:` too): each item asks what its symbol stands for in that
    formula, `$\\delta = …$ › $\\mu$`. Two items at least must name symbols the formula holds."""
    first = entries[0][0]
    anchor = ctx.blocks[first - 1] if first else None
    if anchor is not None and anchor.kind == "paragraph" and "$" not in anchor.text:
        lead = anchor.text.strip()  # "其中：", "where:": the formula is above the lead-in
        if lead.endswith((":", "：")) and units(lead) <= 4 and first >= 2:
            anchor = ctx.blocks[first - 2]
    found = []
    for at, entry in entries:
        sym, rest = entry.group("sym").strip(), entry.group("rest").split("\n", 1)[0].strip()
        formula = _formula_above(anchor, sym)
        answer = rest.rstrip("；;,，。. ")
        if (
            formula is None
            or not has_units(answer, 2)
            or is_value(answer)
            or answer.endswith((":", "："))
        ):
            continue
        found.append((at, sym, formula, rest))
    if len(found) < MIN_LEGEND_ITEMS:
        return
    for at, sym, formula, rest in found:
        shown = " ".join(formula.split())
        if len(shown) > MAX_FRONT_FORMULA:
            left = _LEFT.match(shown)
            shown = f"{left.group(1).strip()} = …" if left else ""
        front = f"${shown}$ › ${sym}$" if shown else f"${sym}$"
        yield Candidate("legend", "basic", front, rest, ctx.blocks[at].line)


def _legends(ctx: Context, block: Block, previous: Block | None) -> Iterator[Candidate]:
    text = block.text
    for m in _SYMBOL.finditer(text):
        # the namer after the symbol is matched where it stands, first: most symbols have none,
        # and the opening is searched for in all the text before the symbol
        namer = SYMBOL_NAMER.match(text, m.end())
        if namer is None:
            continue
        before = text[: m.start()]
        opener = LEGEND_OPENER.search(before)
        lead = before[: opener.start()] if opener else before
        if not _OPEN.search(lead) and not (opener and opener.start() == 0):
            continue
        named = _NAME.match(text, namer.end())
        if named is None:
            continue
        name = _name(named.group("name"))
        if name is None or _MATH_NEXT.match(text, named.end()):
            continue  # "$x_t$ 表示第 $t$ 个…": the name goes on past the math, cut off here
        sym = m.group("sym").strip()
        formula = _formula(text[: m.start()], sym)
        if formula is None and WEAK_NAMER.match(namer.group()) and not opener:
            continue  # "$X$ 是对称矩阵" away from any formula: a claim about it, not its name
        formula = formula or _formula_of(previous, sym)
        if formula is None:
            continue
        if not (_EMPHASIS.match(named.group("name")) or _defines(formula, sym)):
            continue  # "$t$ 为迭代次数": a symbol in passing, neither set off nor the one defined
        rest = _rest(text[named.end() :])
        legend = f"${sym}$: {strip_markup(named.group('name')).strip()}{rest}"
        back = f"${formula}$\n\n{legend}"
        line = block.line + text.count("\n", 0, m.start())
        yield Candidate("legend", "basic", name, back, line)


# "- 平均收益    $AR = \\frac{TR}{Q}$", "- Grenzkosten $MC = …$": a name, then its formula alone
_NAMED_FORMULA = re.compile(
    r"(?P<name>[^\s$:：|#>*`][^$:：|,，;；。.!?()（）=]{0,40}?)(?P<gap>\s+)"
    r"\$(?P<latex>[^$\n]+)\$\s*[.。]?\s*"
)


# "上升时间$t_r = …$": a CJK name may run into its formula with no space between
_CJK_NAMED = re.compile(
    r"(?P<name>[\u3400-\u9fff][^\s$:：|,，;；。.!?()（）=]{0,15}?[\u3400-\u9fff])(?P<gap>)"
    r"\$(?P<latex>[^$\n]+)\$\s*[.。]?\s*"
)
# one symbol alone (`P`, `\\pi`, `x_0`): a right side that only states a fact (`$AR = P$`)
_ONE_SYMBOL = re.compile(r"\s*(?:\\[A-Za-z]+|[A-Za-z])(?:\s*[_^]\s*(?:\{[^{}]*\}|\w))*\s*")


def _cjk_named(card: Candidate) -> bool:
    """The card's name is a CJK term and its formula computes its symbol: a CJK name before a
    formula, no verb between, is the quantity's own, where a Latin word before one is as often
    a verb ("Solve $…$") and needs a sibling of its kind (`_named_formula`). A supposition
    ("假设…"), a sentence going on ("因此…"), a step ("代入…", "计算…") and a fact
    (`$AR = P$`) are none."""
    name, latex = card.front, card.back.strip("$")
    if not has_cjk(name) or not is_term(name):
        return False
    if SETUP_WORD.match(name) or CONTINUES.match(name) or STEP_LEAD.search(name):
        return False
    if ACTION.match(name) or ACTION.match(name + "之"):
        return False  # "计算": an action, alone or before its object
    left = _LEFT.match(latex)
    return left is not None and _ONE_SYMBOL.fullmatch(latex[left.end() :]) is None


# a symbol the formula defines: `AR`, `MP_{L}`, `\\sigma`, `\\mathbf{t}_a`
_LHS = re.compile(
    r"(?:\\(?:vec|mathbf|hat|bar|boldsymbol|mathcal)\s*\{[^{}$]{1,6}\}|\\[A-Za-z]+|[A-Za-z]{1,4})"
    r"(?:\s*[_^]\s*(?:\{[^{}$]{1,12}\}|[A-Za-z0-9]))*"
)


def _named_formula(ctx: Context, at: int) -> Candidate | None:
    """A list item that is a name and, after it, one formula defining a symbol, next to another
    such item of another name (a sheet of formulas: `- 平均收益    $AR = …$` / `- 边际收益
    $MR = …$`): the name asks for the formula. Items that repeat one verb (`- 计算 $y = …$`,
    `- 计算 $v = …$`) are steps."""
    found = _name_and_formula(ctx, ctx.blocks[at])
    if found is None:
        return None
    block = ctx.blocks[at]
    if _cjk_named(found):
        return found  # "电导 $G = 1/R$": a CJK name written straight before its formula
    if block.kind != "item":
        return None
    siblings = [
        b
        for b in ctx.blocks
        if b.kind == "item"
        and (b.level, b.parent, b.heading) == (block.level, block.parent, block.heading)
    ]
    k = siblings.index(block)
    for other in siblings[max(k - 1, 0) : k + 2]:
        sibling = _name_and_formula(ctx, other, colon=True) if other is not block else None
        if sibling is not None and sibling.front != found.front:
            return found
    return None


def _name_and_formula(ctx: Context, block: Block, *, colon: bool = False) -> Candidate | None:
    """The item as a name and the formula that defines a symbol after it: not a numbered item
    (a step), not an iterate or an update (`x^{(k+1)} = …`, `\\mu := \\mu - \\eta e`), not a
    value."""
    if block.kind not in {"item", "paragraph"} or "\n" in block.text.strip():
        return None
    if _NUMBERED_LINE.match(ctx.line_text(block.line)):
        return None  # "2. 计算 $y = …$": a step
    text = block.text.strip()
    text = _NAME_COLON.sub(r"\1 ", text) if colon else text
    m = _NAMED_FORMULA.fullmatch(text) or _CJK_NAMED.fullmatch(text)
    if m is None:
        return None
    latex = m.group("latex").strip()
    left = _LEFT.match(latex)
    if left is None or not _LHS.fullmatch(left.group(1).strip()):
        return None
    right = latex[left.end() :].strip()
    if "(" in left.group(1) or _holds(right, left.group(1).strip()):
        return None  # an iterate or an update: a step of an algorithm
    if not _LETTER.search(_COMMANDS.sub("", right)) or not _states(latex):
        return None  # `x = 3`: a value
    name = _name(m.group("name"))
    if name is None or LEGEND_OPENER.search(name):
        return None
    return Candidate("legend", "basic", name, f"${latex}$", block.line)


def _name(raw: str) -> str | None:
    """The quantity's name, without the article the namer left and the markup it is set in."""
    name = strip_markup(raw).strip().strip("*_").strip()
    name = ARTICLE.sub("", name).strip() if ARTICLE.match(name) else name
    if not name or _NOT_A_NAME.match(name) or units(name) > MAX_NAME_UNITS:
        return None
    if LEGEND_CLAIM.match(name):  # "$t$ 为任意实数", "$\\gamma$ 是一个常数": a claim, no name
        return None
    if not has_cjk(name) and not _WORD.search(name):
        return None
    return name if is_term(name) else None


def _rest(after: str) -> str:
    """What the sentence says of the quantity past its name: ", a measure of roughness (0 = …)"
    up to the end of the sentence or the next symbol's legend."""
    end = _REST_END.search(after)
    clause = after[: end.start()] if end else after
    clause = clause.rstrip(" ,，")
    if not _CLAUSE_OPEN.match(clause) or units(clause) < 3:
        return ""
    return strip_markup(clause)


def _formula(text: str, sym: str) -> str | None:
    """The last formula of `text` that states something of `sym`."""
    found = None
    for m in _MATH.finditer(text):
        latex = (m.group("d") or m.group("i") or "").strip()
        if _states(latex) and _holds(latex, sym):
            found = latex
    return found


def _formula_above(block: Block | None, sym: str) -> str | None:
    """The formula a legend list sits under, holding `sym`: display math, the display math an
    item or paragraph closes with, or the formula its last line ends with."""
    if block is None or block.kind not in {"math", "paragraph", "item"}:
        return None
    text = block.text.strip()
    if block.kind == "math" or text.endswith("$$"):
        latex = text.rsplit("$$", 2)[-2] if block.kind != "math" else text.strip("$")
        latex = latex.strip()
        if latex.startswith("\\[") and latex.endswith("\\]"):
            latex = latex[2:-2].strip()
    else:
        found = list(_MATH.finditer(text.split("\n")[-1]))
        latex = (found[-1].group("i") or "").strip() if found else ""
    if not _RELATION.search(latex) or "$" in latex or not _holds(latex, sym):
        return None
    return latex


def _formula_of(block: Block | None, sym: str) -> str | None:
    """The formula of the block just above, when it is display math or ends in a formula."""
    if block is None or block.kind not in {"math", "paragraph", "item"}:
        return None
    if block.kind == "math":
        latex = block.text.strip().strip("$").strip()
        if latex.startswith("\\[") and latex.endswith("\\]"):
            latex = latex[2:-2].strip()
        return latex if _states(latex) and _holds(latex, sym) else None
    last = block.text.rstrip().split("\n")[-1]
    return _formula(last, sym)


def _defines(latex: str, sym: str) -> bool:
    """`sym` is the left-hand side of `latex`: the formula is the named quantity's own
    (`$\\vec{L} = \\vec{r} \\times \\vec{p}$` then "($L$ is the angular momentum)")."""
    m = _LEFT.match(_DRESS.sub("", latex))
    return m is not None and m.group(1) == _DRESS.sub("", sym)


def _states(latex: str) -> bool:
    """A formula that relates symbols: not a lone symbol, not a tuple in angle brackets, not a
    worked number (`\\mathcal{O}(10^{6} \\times 10^{6})`), not math broken by a quote."""
    if not _RELATION.search(latex) or "$" in latex or _QUOTED_LINE.search(latex):
        return False
    digits = len(_DIGIT.findall(latex))
    return digits <= len(_LETTER.findall(_COMMANDS.sub("", latex)))


def _holds(latex: str, sym: str) -> bool:
    """`sym` stands in `latex` as a symbol of its own: `C` in `Q=CV`, not in `\\Cap`."""
    want = r"\s*".join(re.escape(ch) for ch in re.sub(r"\s+", "", sym))
    if sym.startswith("\\"):
        return re.search(want + r"(?![A-Za-z])", latex) is not None
    bare = _COMMANDS.sub(lambda c: " " * len(c.group()), latex)
    return re.search(r"(?<![A-Za-z])" + want, bare) is not None
