"""One LaTeX formula as terminal text that keeps its meaning: (X−μ)/σ, never X−μ/σ.

A learner memorises what the screen shows, so a formula must read the way it is typeset:
what a fraction, root, sub- or superscript spans is grouped with parentheses whenever it is
more than one term, and scripts become Unicode (x², xᵢ) only where every character has a
Unicode form. Constructs a line of text cannot show faithfully (matrices, `cases`, `align`)
are shown as their LaTeX source instead. Symbols and accents come from pylatexenc.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

_SUPER = dict(
    zip(
        "0123456789+-=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ",
        strict=True,
    )
)
_SUPER.update({"'": "′", "′": "′", "⊤": "ᵀ", "∗": "*", "*": "*"})
_SUB = dict(
    zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ", strict=True)
)
# environments and macros a line of text cannot show faithfully: the source is shown instead
_AS_SOURCE = re.compile(
    r"\\begin\{(?:[pbBvV]?matrix|smallmatrix|array|cases|align|aligned|gather|gathered|split"
    r"|eqnarray|alignat|multline|subarray)\*?\}|\\(?:substack|overbrace|underbrace)\b"
)
_FRACTIONS = frozenset({"frac", "dfrac", "tfrac", "cfrac"})
_BINOMIALS = frozenset({"binom", "dbinom", "tbinom"})
_LINES = frozenset({"overline", "bar"})
# macros that take arguments whether or not pylatexenc knows them
_ARITY = {**dict.fromkeys(_FRACTIONS | _BINOMIALS, 2), "sqrt": 1, **dict.fromkeys(_LINES, 1)}
_TEXT_MACROS = frozenset(
    {"text", "textrm", "textit", "textbf", "mathrm", "mathit", "mathbf", "mathsf", "mathtt",
     "mathcal", "mathbb", "boldsymbol", "bm", "operatorname", "mbox", "mathnormal"}
)  # fmt: skip
_SIZES = frozenset(
    {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "biggl",
     "biggr", "Biggl", "Biggr", "middle", "displaystyle", "textstyle", "scriptstyle", "limits",
     "nolimits", "small", "quad", "qquad", ",", ";", ":", "!", " "}
)  # fmt: skip
_SCRIPTS = "".join(sorted(set(_SUPER.values()) | set(_SUB.values()) | {"′", "*"}))
# one term: a number, a symbol (with its accents and scripts), a function applied (f(x)), a
# root or a parenthesised group, with its scripts
_ONE_TERM = re.compile(
    rf"[{_SCRIPTS}]*√?(?:\d+(?:\.\d+)?|[^\s\d][\u0300-\u036f]*|[^\W\d_]*\(.*\))[{_SCRIPTS}]*",
    re.S,
)


def formula_text(source: str) -> str:
    """`source` (LaTeX without its `$`) as text a learner can read and trust."""
    source = source.strip()
    if _AS_SOURCE.search(source):
        return source
    try:
        from pylatexenc.latexwalker import LatexWalker

        nodes, _, _ = LatexWalker(source, tolerant_parsing=True).get_latex_nodes()
        return _spaced(_nodes(nodes or []))
    except Exception:  # a malformed formula is shown as written rather than crashing a session
        return source


@lru_cache(maxsize=1)
def _fallback() -> Any:  # pylatexenc's own names for symbols and accents
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text")


def _fallback_text(node: Any) -> str:
    """`node` as pylatexenc writes it: the names it knows for symbols and accents."""
    return str(_fallback().nodelist_to_text([node]))


def _spaced(text: str) -> str:
    return re.sub(r"[ \t]+", " ", text).strip()


def _nodes(nodes: list[Any]) -> str:
    """A node list as text, reading `^` and `_` as scripts on what follows them."""
    tokens: list[Any] = []
    for node in nodes:
        if node is None:
            continue
        if isinstance(node, str):  # already a character (the two sides of an \over)
            tokens.append(node)
        elif node.isNodeType(_kind("LatexCharsNode")):
            tokens.extend(node.chars)
        elif not node.isNodeType(_kind("LatexCommentNode")):
            tokens.append(node)
    over = next((n for n, t in enumerate(tokens) if _name(t) in ("over", "choose")), None)
    if over is not None:  # {a \over b}: TeX's own fraction, over everything in the group
        left, right = _nodes(tokens[:over]), _nodes(tokens[over + 1 :])
        if _name(tokens[over]) == "choose":
            return f"({_spaced(left)} choose {_spaced(right)})"
        return f"{_group(left)}/{_group(right)}"
    tokens = _with_arguments(tokens)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if isinstance(token, str) and token in "^_" and i + 1 < len(tokens):
            j = i + 1
            while j < len(tokens) - 1 and isinstance(tokens[j], str) and tokens[j].isspace():
                j += 1
            text = _script(token, _token(tokens[j]))
            i = j + 1
            if text[:1] in "^_" and not text.endswith(")") and _joins(tokens, i, parens=False):
                text = text[0] + f"({text[1:]})"  # W_(q)x, not W_qx
            out.append(text)
            continue
        text = _token(token)
        i += 1
        if _is_fraction(token) and _joins(tokens, i):
            text = f"({text})"  # (a/b)c, not a/bc
        out.append(text)
    return "".join(out)


def _name(token: Any) -> str | None:
    if isinstance(token, str | tuple):
        return None
    return getattr(token, "macroname", None)


def _with_arguments(tokens: list[Any]) -> list[Any]:
    """Macros pylatexenc does not know the arguments of (\\dfrac, \\binom) take theirs from the
    tokens that follow, as TeX does: (node, [arguments]) pairs."""
    out: list[Any] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        arity = _ARITY.get(_name(token) or "", 0)
        parsed = token.nodeargd.argnlist if arity and token.nodeargd else []
        if arity and not any(a is not None for a in parsed or []):
            args: list[Any] = []
            while len(args) < arity and i < len(tokens):
                if not (isinstance(tokens[i], str) and tokens[i].isspace()):
                    args.append(tokens[i])
                i += 1
            token = (token, args)
        out.append(token)
    return out


def _joins(tokens: list[Any], i: int, *, parens: bool = True) -> bool:
    """Whether the token at `i` continues the term before it (no space or operator between);
    with `parens`, an opening bracket counts too (1/2 (x+y)), else it applies a function."""
    if i >= len(tokens):
        return False
    nxt = tokens[i]
    if isinstance(nxt, str):
        return nxt.isalnum() or (parens and nxt in "({[")
    return _name(nxt[0] if isinstance(nxt, tuple) else nxt) not in _SIZES


def _is_fraction(token: Any) -> bool:
    """\\frac{a}{b}, or a group holding an \\over: {a \\over b}."""
    if isinstance(token, str):
        return False
    if isinstance(token, tuple):
        return _name(token[0]) in _FRACTIONS
    if token.isNodeType(_kind("LatexGroupNode")):
        return any(_name(node) == "over" for node in token.nodelist)
    return _name(token) in _FRACTIONS


def _token(token: Any) -> str:
    if isinstance(token, str):
        return token
    if isinstance(token, tuple):
        return _macro(*token)
    return _node(token)


def _node(node: Any) -> str:
    if node.isNodeType(_kind("LatexGroupNode")):
        inner = _nodes(node.nodelist)
        return f"[{inner}]" if node.delimiters[0] == "[" else inner
    if node.isNodeType(_kind("LatexMathNode")):
        return _nodes(node.nodelist)
    if node.isNodeType(_kind("LatexMacroNode")):
        return _macro(node)
    if node.isNodeType(_kind("LatexEnvironmentNode")):
        return str(node.latex_verbatim())
    return _fallback_text(node)


def _macro(node: Any, taken: list[Any] | None = None) -> str:
    name = node.macroname
    parsed = [a for a in (node.nodeargd.argnlist if node.nodeargd else []) if a is not None]
    args = taken if taken is not None else parsed
    if name in _FRACTIONS and len(args) >= 2:
        return f"{_group(_token(args[-2]))}/{_group(_token(args[-1]))}"
    if name in _BINOMIALS and len(args) >= 2:
        return f"({_spaced(_token(args[-2]))} choose {_spaced(_token(args[-1]))})"
    if name == "sqrt" and args:
        body = _group(_token(args[-1]))
        if len(args) > 1 and not isinstance(args[0], str):  # \sqrt[3]{x}: index as superscript
            return _script("^", _nodes(args[0].nodelist)) + "√" + body
        return "√" + body
    if name in _LINES and args:
        body = _spaced(_token(args[-1]))
        return body + "\u0305" if len(body) == 1 else f"({body})\u0305"
    if name in _TEXT_MACROS and args:
        return _token(args[-1])
    if taken is not None:  # arguments we took for it: the macro's own text, then theirs
        return _fallback_text(node) + "".join(map(_token, taken))
    if name in _SIZES:
        return " " if name in {"quad", "qquad", ",", ";", ":", " "} else ""
    if name == "|":
        return "‖"
    text = _fallback_text(node)
    spaced = node.macro_post_space and text and (not text[-1].isalnum() or len(text) > 1)
    return text + (" " if spaced else "")  # \log x, a \cdot b: the space is kept


def _script(mark: str, body: str) -> str:
    """x², xᵢ where Unicode has every character; else x^(a+b), x_θ."""
    body = body.strip()
    table = _SUPER if mark == "^" else _SUB
    if body and all(c in table for c in body):
        return "".join(table[c] for c in body)
    return mark + _group(body, applied=False)


def _group(text: str, *, applied: bool = True) -> str:
    """`text` in parentheses unless it is one term: a symbol, a number, a name or (if `applied`)
    f(x). A script is never f(x): e^λ(X-Y) would read as e^λ times (X-Y)."""
    text = _spaced(text)
    one = _ONE_TERM.fullmatch(text) and not re.search(r"[\s+\-−±=<>≤≥,/·×*]", _outside(text))
    if one and (applied or "(" not in text):
        return text
    if text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
        return text
    return f"({text})"


def _outside(text: str) -> str:
    """`text` without what its parentheses enclose: f(x+1) is one term."""
    depth, kept = 0, []
    for c in text:
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif depth == 0:
            kept.append(c)
    return "".join(kept)


def _balanced(text: str) -> bool:
    depth = 0
    for c in text:
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return False
    return depth == 0


@cache
def _kind(name: str) -> Any:
    from pylatexenc import latexwalker

    return getattr(latexwalker, name)


def shows_as_source(source: str) -> bool:
    """Whether `source` holds a construct (matrix, cases, align) shown as its LaTeX source."""
    return _AS_SOURCE.search(source) is not None
