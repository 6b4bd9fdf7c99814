"""One line read as a term and what it says of it: `术语：解释`, `Term: explanation`,
`**Term** — explanation`. The `definition` rule reads its lines with it, and the `heading` rule
reads a heading that holds a whole definition (`## 知识密度：能力/参数量`) with it too.

The term must be a name (short, no sentence in it) and the explanation must say something:
labels with a link (`原始论文：<url>`), values (`参数大小：1B`), lists of names, rows of a
derivation and answers that only wrap the term again are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lang import (
    ACTION,
    APPROXIMATION,
    CONTINUES,
    FORWARD_REF,
    GENERIC_FRONT,
    NO_ANSWER,
    NUMBERED_LABEL,
    PLACEHOLDER,
    QUOTE_OPEN,
    SELF_MENTION,
    SETUP_OPENER,
    SETUP_WORD,
    STATEMENT_LABEL,
    TERM_BAD_START,
    ends_badly,
)
from .shape import is_label, names_some
from .text import (
    BOLD_OPENERS,
    NOTE_CACHE,
    PARENS,
    has_cjk,
    has_colon,
    is_bold_series,
    is_clause,
    is_explanation,
    is_label_word,
    is_link_only,
    is_local_link,
    is_term,
    is_value,
    looks_like_code,
    strip_markup,
    units,
    whole_sentences,
    without_item_mark,
)

MAX_LINE = 400
#: "**Term**: …", "**Term:** …", "**Term** — …": a bold term and what separates it from its text
#: (a run of dashes is one mark, "**X** ----- …", "**X** —— …", not an arrow's, "**X**--->");
#: a run-in head, "**Liquidity.** The ease with which …", ends in a full stop inside the bold
BOLD_TERM = re.compile(
    r"^(?:\*\*\*?|__)(?P<term>[^*_\n]{1,60}?)(?P<colon>[:：.])?(?:\*\*\*?|__)\s*"
    r"(?P<sep>[:：=，,]|—+|–+|-+(?![->]))?\s*(?P<rest>.*)$"
)


@lru_cache(maxsize=NOTE_CACHE)
def bold_term(text: str) -> re.Match[str] | None:
    """`BOLD_TERM.match(text)`, cached: the entry, definition and sibling readers each match a
    bold line in turn (a pass over the corpus matched 2,048 times on 774 texts), and the match
    is only read."""
    return BOLD_TERM.match(text)


#: The most units a bold name may have where the bold sets it off: a title, not a paragraph.
MAX_BOLD_TERM = 14
# what a name holds none of, a comma aside: sentence marks, a link, math, a path
_NOT_A_NAME = re.compile(r"[。！？!?；;：:\"“”<>|=$\\&\[\]/…]|\.(?:\s|$)")


def bold_name(plain: str) -> bool:
    """`plain`, the text of a bold span whose bold marks where the term ends, is a name in Latin
    script of up to MAX_BOLD_TERM units, commas allowed (`Lawfulness, Fairness and
    Transparency`, `BA 4, Primary motor cortex (M1)`): no other sentence mark, link, label,
    numbered label or opening verb."""
    core = PARENS.sub("", plain).strip() or plain
    if has_cjk(plain) or not 0 < units(core) <= MAX_BOLD_TERM or _NOT_A_NAME.search(core):
        return False
    if plain.count("(") != plain.count(")") or is_label(core) or NUMBERED_LABEL.match(core):
        return False
    if SELF_MENTION.search(core):
        return False  # "**Why this chapter matters**:": the text speaking of itself
    return not (ACTION.match(core) or TERM_BAD_START.match(core) or ends_badly(core))


def run_in_head(text: str) -> str | None:
    """The head `text` opens with, when it is a bold run-in head: words ending in a full stop
    inside the bold, the explanation going on from it on the same line ("**Liquidity.** The
    ease with which …")."""
    m = bold_term(text) if text.startswith(BOLD_OPENERS) else None
    if m is None or m.group("colon") != "." or not m.group("rest"):
        return None
    return m.group("term")


# "（1）太平天国：…": a number in brackets counts the item, it is not part of the term
_PAREN_NUMBER = re.compile(r"^[（(]\d{1,2}[）)]\s*")
# "洋务运动——十九世纪…": the Chinese dash (two em dashes) sets a term off as a colon does
_CJK_DASH = re.compile(r"\s*——\s*")
_DASH_TERM = 6
# a common word and a number: an entry of a numbered series; an acronym ("CRA 1960") names a thing
_NUMBERED = re.compile(
    r"^[^\W\d_](?:[^\W\d_]*[^\W\d_A-Z])?\.?\s+\d{1,4}(?:\s*[-–.]\s*\d{1,4})?$"
    # "实验2", "扩展 3", "结果1": a CJK word takes its number with no space
    r"|^[\u3400-\u9fff]{1,4}\s*\d{1,3}$"
)
_INLINE_MATH = re.compile(r"\$[^$]++\$")
_RELATION = re.compile(
    r"[=<>≤≥∈⊂]|\\(?:[lg]eq?|neq|sim|approx|equiv|propto|in|subset|supset|subseteq|supseteq|to"
    r"|[rR]ightarrow|xrightarrow|mapsto|forall)(?![A-Za-z])"
)
_ROW_EDGE = re.compile(r"^\s*[=&]|\\\\\s*$")
_LATEX_ROW = re.compile(_ROW_EDGE.pattern + r"|\\(?:frac|sum|begin|end)\b")
# the first colon that is not part of a URL, a time or `::` (an explicit card, a qualified name,
# a Dataview field): "Term: x", "术语：解释". The colon is matched first and the scheme looked
# behind for from after it: a pattern that opens with a lookbehind is tried at every character,
# one that opens with a character jumps from one colon to the next.
# "*Term:* explanation", "_Term:_ …": an italic term whose colon the emphasis holds (`**Term:**`
# is `BOLD_TERM`'s; `*Term*: …` parts at its colon as it is)
_EMPHASIS_COLON = re.compile(
    r"([*_])(?![*_])(?P<term>[^*_\n]{1,60}?)\s*[:：]\1(?![*_])\s*(?P<rest>.*)$"
)
# (`:(?<!::)`, not `(?<!:):`: a branch that opened with the lookbehind was tried at every character)
_COLON = re.compile(r"(：|:(?<!::)(?!//|\d|:))(?<!https.)(?<!http.)(?<!ftp.)")
# two single letters or digits a colon joins as a ratio or a cardinality: "1:n", "m:n", "N:M"
_RATIO = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]:[A-Za-z0-9](?![A-Za-z0-9])")


def _term_colon(line: str) -> re.Match[str] | None:
    """The colon a `Term: …` line parts at: the first that is no part of an inline code span
    (`记住 `用户:组` 的写法`, `` `Town1: 0.85` ``: the code's own colon, which cut the code in two
    between the front and the back) and joins no ratio (`type 1:n, …`)."""
    c = _COLON.search(line)
    while c is not None and (
        line.count("`", 0, c.start()) % 2 or _RATIO.match(line, max(c.start() - 1, 0))
    ):
        c = _COLON.search(line, c.end())
    return c


#: A mark that ends a clause or parts one (`text.is_term`'s sentence marks that stay what they
#: are without markup and under NFKC): a term before its colon holding one is no name, and no
#: generic front holds one. The test runs on the raw term, before the markup is stripped and
#: before `is_term` and the other names' tests, which most such terms reached only to fail:
#: unless a bracket (`PARENS`, a link's address), a formula (`named_symbol`), an HTML tag or a
#: code span is there, where stripping could take the mark away.
_CLAUSE_MARK = re.compile(r"[，,。；;！？!?、]")
_HIDES_MARK = re.compile(r"[(（$<`]")


def _numbered(label: str) -> bool:
    """`_NUMBERED.match(label)`, after a test of the last character, on which every match ends
    (a digit, before a final newline at most): most labels end otherwise, and the pattern read
    the word a label opens with before it failed."""
    return (label[-2:-1] if label.endswith("\n") else label[-1:]).isdecimal() and (
        _NUMBERED.match(label) is not None
    )


def split_definition(
    line: str,
    *,
    listed: bool = False,
    short: bool = False,
    vouched: bool = False,
    item: bool = False,
) -> tuple[str, str] | None:
    """(term, explanation) when `line` reads as a definition, else None. With `listed` (an item
    of a glossary list) a list of names is an answer too: "IADL: driving, meds, finances"; with
    `short` (a line of a glossary paragraph) a few words are: "Gas: fills its container"; with
    `vouched` (an item of a list all of whose items are `**Term**: …`) any answer in words is:
    "**Infancy**: Trust vs. Mistrust", "**Macrosystem**: Culture/Values"; with `item` (a line of
    a list item) an explanation may close on a lead-in to the items under it."""
    line = line.strip()
    # a list mark or a bracketed number opens the line, if any: most lines open with neither,
    # and the patterns that take them off are not run there
    line = without_item_mark(line)
    if line[:1] in "(（":
        line = _PAREN_NUMBER.sub("", line)
    if line[:1] in "*_" and (e := _EMPHASIS_COLON.match(line)):
        line = f"{e.group('term')}: {e.group('rest')}"  # "*BCa:* …", the colon set in italics
    if not line:
        return None
    m = bold_term(line) if line.startswith(BOLD_OPENERS) else None  # (what it opens with)
    if m is None and line.startswith("**") and "$" in line:
        m = bold_term(_INLINE_MATH.sub(_masked_marks, line))  # "**Latent Heat ($L_f$):** …"
    bold = m is not None and bool(m.group("sep") or m.group("colon"))
    if len(line) > MAX_LINE and not bold:
        return None  # a paragraph with a colon in it, not a term's line
    if m and bold:
        term, rest = _unmasked(m.group("term")).strip(), _unmasked(m.group("rest")).strip()
        if len(line) > MAX_LINE:
            # "**Conformity**: The tendency to … For instance; in a research, …": the bold
            # sets the term off however long its explanation runs on; the opening sentences
            # that fit a definition's line answer
            if QUOTE_OPEN.match(rest):
                return None  # "**Individualism**: "But the general …": a passage quoted
            rest = whole_sentences(rest[:MAX_LINE])
        elif m.group("colon") == ".":
            # a run-in head's paragraph ends in whole sentences, not on the lead-in to what
            # it shows ("… applies this principle to the sampling distribution itself:")
            rest = whole_sentences(rest) or rest
        if m.group("sep") in {"，", ","} and CONTINUES.match(rest):
            return None  # "**K V Cache**，并采用…": the sentence goes on, it does not define
        if m.group("sep") in {"，", ","} and is_bold_series(line):
            return None  # "**Free**, **unbound**, and **water-soluble drugs** are …": a series
    else:
        c = _term_colon(line) if has_colon(line) else None  # a literal first
        if c is None:  # "洋务运动——…"; "X 还有另一个优势——…" is a sentence going on
            c = _CJK_DASH.search(line) if "——" in line else None  # (`\s*` first: every character)
            if c is not None and units(line[: c.start()]) > _DASH_TERM:
                return None
        if not c or c.start() == 0:
            return None
        term, rest = line[: c.start()].strip(), line[c.end() :].strip()
        if _CLAUSE_MARK.search(term) and not _HIDES_MARK.search(term):
            return None  # "作者在实验中也发现了，比如：…": a clause leads in, no name
    label = strip_markup(term).strip().rstrip(":：")
    if _numbered(label):
        return None  # "Rule 1:", "Page 3-4:", "Fall 3:": which one of a series, not a name
    named = (
        is_term(term)
        or (listed and one_han(term))
        or named_symbol(term)
        or _titled_term(term, rest)
        or (bold and _quoted_name(term))
    )
    if m and m.group("colon") == ".":
        # a run-in head, "**Liquidity.** The ease …": the bold and its full stop end the term,
        # so a comma may stand in it (`**BA 4, Primary motor cortex (M1).**`); a label set so
        # ("**Note.**", "**Ex.**"), an answer ("**Yes.** Return traffic is …", under a
        # question) or a sentence in bold ("**This is key.** …") is none
        plain = strip_markup(term).strip()
        if is_label(plain) or is_clause(plain) or NO_ANSWER.match(plain):
            return None
        named = named or bold_name(plain)
    # a generic label ("目的", "Basic idea") is a term once its section names it (see `find`)
    if is_local_link(term) or not (named or GENERIC_FRONT.match(label) is not None):
        return None  # a linked term is a table-of-contents entry
    if item and rest.endswith((":", "：")):
        rest = _before_lead_in(term, rest)
    if not (
        is_explanation(rest)
        or (vouched and says_something(rest))
        or spells_out(term, rest)
        or (listed and names_some(rest))
        or (short and _few_words(rest))
        or (listed and not m and measured(rest))  # (`**Key**: 20min`: a record's field)
        or enumerates(rest)
        or equation_alone(rest)
    ):
        return None
    words = _INLINE_MATH.sub("", rest)
    if words.strip(" .,;。，；"):
        if _LATEX_ROW.search(words):  # LaTeX outside $...$: a row of a derivation
            return None
    elif not _RELATION.search(rest) or _ROW_EDGE.search(rest.strip(" $.,;。，；")):
        return None  # math alone: an equation for the term, not an expression or a derivation row
    if wraps_term(strip_markup(term), strip_markup(rest)):
        return None
    return strip_markup(term), rest


#: What stands in for an underscore and an asterisk inside inline math while a bold term is
#: matched: characters of the Private Use Area, which no note's text holds.
_MATH_MARKS = {ord("_"): "\ue000", ord("*"): "\ue001"}
_MATH_UNMARKS = {ord("\ue000"): "_", ord("\ue001"): "*"}


def _masked_marks(math: re.Match[str]) -> str:
    """An inline formula with its subscripts' `_` and its `*` set aside: they are the math's,
    no emphasis, and a bold term holding a symbol (`**Latent Heat ($L_f$):** …`)
    ended at them, its bold never closed."""
    return math.group().translate(_MATH_MARKS)


def _unmasked(text: str) -> str:
    return text.translate(_MATH_UNMARKS) if "\ue000" in text or "\ue001" in text else text


#: A word or a phrase of a name set in quote marks, straight or curly.
_QUOTED = re.compile(r'"([^"\n]{1,40})"|“([^“”\n]{1,40})”')


def _quoted_name(term: str) -> bool:
    """ "**"Truth-in-Sentencing" Laws:**", "**The "Broken Windows" Theory:**": a bold term
    whose quote marks set a word apart, the author's name for it or a word used in a sense of
    its own, no quotation; the bold marks where the term ends, and without the marks it is a
    name. Not in CJK, where marks set a word of a claim apart ("量刑是“尺子”", "价格是“信号”"):
    a sentence, not a name."""
    if '"' not in term and "“" not in term:
        return False  # (most terms: no quote mark)
    plain = strip_markup(term).strip()
    if has_cjk(plain):
        return False
    bare = _QUOTED.sub(r"\1\2", plain)
    return bare != plain and not any(q in bare for q in '"“”') and is_term(bare)


def _before_lead_in(term: str, rest: str) -> str:
    """The whole sentences of an item's explanation before the lead-in it closes on ("- Stack: a
    list whose last item in is the first out. It supports:", "- 输入迭代器：…。必须支持以下操作："):
    the lead-in opens the items under it, and what comes before already says what the term is.
    Not a labelled statement ("Theorem (Jensen): Let $f$ be convex. Then:"), a setup ("设 $V$
    是…。满足以下性质：") or a term that itself points at what follows ("考虑如下模型"): there the
    sentences before the lead-in are the premise, and the substance is below it. With no whole
    sentence before it the line only leads in, and stays as it is (refused for its colon)."""
    plain = strip_markup(term).strip()
    if STATEMENT_LABEL.match(plain) or FORWARD_REF.search(plain):
        return rest
    if SETUP_WORD.match(rest) or SETUP_OPENER.match(rest):
        return rest
    return whole_sentences(rest) or rest


def _titled_term(term: str, rest: str) -> bool:
    """ "Split TLB: The TLB is divided …", "Open Ball: …": a name in title case that an action
    of the tables opens (`text.is_term`'s `titled`), its answer saying what it is; an answer
    that gives an order ("Split Reaction: write the two half-reactions apart") makes the term
    a step of a procedure."""
    if ACTION.match(strip_markup(term).strip()) is None:
        return False  # (most terms refused: no action opens them)
    return ACTION.match(strip_markup(rest).strip()) is None and is_term(term, titled=True)


# "光强$I$", "列空间 $\text{Col}(A)$": a quantity's name and the symbol it goes by
_NAMED_SYMBOL = re.compile(r"^(?P<name>[^$]+?)\s*\$(?P<symbol>[^$]{1,30})\$$")


def named_symbol(term: str) -> bool:
    """A name followed by the symbol it goes by (`- 光强$I$：平均能流密度`, `- 列空间
    $\text{Col}(A)$: 由 …构成的子空间`): the name is the term, and the symbol no equation or
    relation (`状态 $s=1$` gives a value)."""
    if "$" not in term:  # (the symbol is in `$`; the lazy name tried every length first)
        return False
    m = _NAMED_SYMBOL.match(strip_markup(term).strip())
    if m is None or _RELATION.search(m.group("symbol")):
        return False
    name = m.group("name").strip()
    return is_term(name) and SETUP_OPENER.match(name) is None


def equation_alone(rest: str) -> bool:
    """ "$I=MR^2$": one short equation in math and nothing else, the term's formula, which says
    what it is however few its symbols."""
    m = _INLINE_MATH.fullmatch(rest.strip(" .,;。，；"))
    if m is None or _EQUATES.search(m.group()) is None:
        return False  # "$h_1, \ldots, h_N \in \mathbb{R}^h$": where symbols live, no formula
    return not _SETTING.fullmatch(m.group()[1:-1])


# what makes math an equation: equality, equivalence, proportion
_EQUATES = re.compile(r"=|\\(?:sim|simeq|equiv|approx|propto|cong)(?![A-Za-z])")


# "$k=50, T=1$": numbers given to symbols, a setting, not a formula
_SETTING = re.compile(r"\s*\w+\s*=\s*-?[\d.]+\s*(?:,\s*\w+\s*=\s*-?[\d.]+\s*)*")


_HAN = re.compile(r"[\u3400-\u9fff]")
#: How many members a CJK enumeration names, and how long each may be (characters).
MIN_MEMBERS = 3
MAX_MEMBER = 16


def enumerates(rest: str) -> bool:
    """ "马、牛、羊、鸡、狗、猪": the members a CJK term names, set apart by the enumeration
    comma `、`, which joins items of one list and nothing else. Alone on a line after a term it
    is the answer to "which are they?" (`- 六畜：…`), where a list of names in Latin script
    answers only inside a glossary (`names_some`)."""
    plain = strip_markup(rest).strip().rstrip("。.；;")
    members = plain.split("、")
    if len(members) < MIN_MEMBERS or not has_cjk(plain):
        return False
    return all(0 < len(m.strip()) <= MAX_MEMBER and not _CLAUSE.search(m) for m in members)


#: What no member of an enumeration holds: a sentence's own punctuation, math or a link.
_CLAUSE = re.compile(r"[，,。；;：:$|\[\]()（）]")


def one_han(term: str) -> bool:
    """ "病", "气", "酶": one Han character, a word of its own in a glossary of such terms
    ("- 病：…", "- 证：…", "- 症：…"), though alone on a line it is more often a label ("注")."""
    plain = strip_markup(term).strip()
    return len(plain) == 1 and _HAN.match(plain) is not None and not is_label_word(plain)


#: In a glossary paragraph an answer of this many words or more is whole ("makes nitrate salts").
_MIN_SHORT = 2
_MAX_SHORT = 4


#: "三十岁", "刘完素", "2—3 岁": in a CJK glossary a short answer is a word or two of Han
#: characters, a number with its unit among them; no punctuation, so no clause or list.
_SHORT_CJK = re.compile(r"(?=[^\u3400-\u9fff]*[\u3400-\u9fff])[\u3400-\u9fff\d—–～~ ]{2,8}")


# a number or a range of numbers, the unit it is counted in ("mg", "次/分鐘": two letters or
# more, or CJK; "1B", "304M" are magnitudes) and a remark in brackets, nothing to compute
_MEASURE = re.compile(
    r"[-−]?\d[\d.,]*(?:\s*[-–~]\s*[-−]?\d[\d.,]*)?"
    r"(?P<unit>\s*(?:[^\W\d_]{2,}|[\u3400-\u9fff]+)(?:/[^\W\d_]+)?)?"
    r"(?:\s*[（(][^)）]*[)）])?"
)


def measured(rest: str) -> bool:
    """ "100-120 次/分鐘", "11 semitones", "vers -3100 (Narmer)": a quantity in its unit, or a
    number said to be approximate (a date), the fact a list of rates, doses or dates holds; a
    bare number ("Epochs: 10") or a sum ("24 h × $33.80") is not."""
    plain = strip_markup(rest).strip(" .;。；")
    approx = APPROXIMATION.match(plain)
    m = _MEASURE.fullmatch(plain[approx.end() :] if approx else plain)
    return m is not None and (approx is not None or m.group("unit") is not None)


def _few_words(rest: str) -> bool:
    """A short answer of words ("fills its container"), not a value, a name or a symbol."""
    plain = strip_markup(rest).strip(" .;")
    if has_cjk(plain):
        return _SHORT_CJK.fullmatch(plain) is not None and not PLACEHOLDER.match(plain)
    words = plain.split()
    if not _MIN_SHORT <= len(words) <= _MAX_SHORT:
        return False
    return all(w.replace("-", "").replace(",", "").isalpha() for w in words)


def spells_out(term: str, gloss: str) -> bool:
    """ "GDP" and "Gross Domestic Product": the capitals are the initials of the words, which
    say what the abbreviation stands for however few they are."""
    if not term.isupper():
        return False  # (most terms, told before any markup is taken off)
    term = strip_markup(term).strip()
    if not (term.isalpha() and 2 <= len(term) <= 6):
        return False
    gloss = strip_markup(gloss).strip(" .")
    initials = "".join(w[0] for w in re.split(r"[\s-]+", gloss) if w[:1].isupper())
    return initials == term


def says_something(rest: str) -> bool:
    """An answer of words, however few or however punctuated ("dominant", "Culture/Values",
    "**filament + anther**", "红绿蓝"): not a value ("208 seats", "+0.6% AUC"), a link, code, a
    setting in math ("$k=50, T=1$"), a question or a lead-in to what follows."""
    if "`" in rest or is_link_only(rest) or is_local_link(rest):
        return False  # a path, an identifier, a page to go to: the code rules' or nobody's
    plain = strip_markup(_INLINE_MATH.sub(" ", rest)).strip()
    if plain.endswith((":", "：", "?", "？")) or _LETTER.search(plain) is None:
        return False
    return not (is_value(plain.lstrip("+-±")) or looks_like_code(plain))


_LETTER = re.compile(r"[^\W\d_]")


def wraps_term(term: str, explanation: str) -> bool:
    """ "重复率: 分析了不同采样方法生成文本的重复率": the answer only wraps the term again."""
    explanation = explanation.rstrip("。.；; ")
    return explanation.find(term) > 0 and len(explanation) - len(term) <= 14


#: In a vocabulary list (shape.MIN_GLOSSARY or more `word -> gloss` items, or a list of `word
#: (gloss)` items) a gloss of up to this many words ("Ayer -> yesterday", "bis (until / to)") is
#: a whole answer, where a lone short arrow is a note to self.
MAX_GLOSS_WORDS = 4
# the gloss may hold brackets of its own: "aus (out (of) / from)"
_GLOSSED = re.compile(
    r"^(?P<term>[^()（）\n]{2,60}?)\s*[(（]"
    r"(?P<gloss>(?:[^()（）\n]|\([^()\n]*\)){2,200})[)）]\s*[.;,、，；。]?$"
)
#: what a call's arguments hold and a gloss does not: a string literal opening the bracket
#: (`print("…")`, `f"…"`), braces, an assignment (`plot(x, color=c)`)
_ARGUMENTS = re.compile(r"[A-Za-z]?[\"']|[^{}=]*[{}=]")
#: what may close an entry after its bracket: the mark that parts it from the next entry
ENTRY_END = " .;,、，；。"
_MAX_TERM_WORDS = 4


def split_glossed(line: str, *, short: bool = False) -> tuple[str, str, bool] | None:
    """(term, explanation, whether it spells out an abbreviation) for `Term (explanation)`;
    with `short`, for an item of a vocabulary, a gloss of a word or two, no figure in it."""
    m = _GLOSSED.match(without_item_mark(line.strip()))
    if m is None or "$" in line or "`" in line:
        return None
    if _ARGUMENTS.match(m.group("gloss")):
        return None  # `print(f"Data shape: {adata.shape}")`: a call's arguments, code
    term, gloss = strip_markup(m.group("term")).strip(), m.group("gloss").strip()
    if has_cjk(term):
        # "逆序数(大数在前,小数在后,就构成一个逆序)": a CJK term explained in its own script;
        # a bracket of Latin words after it gives its name in another language
        # ("醛固酮 (Aldosterone)", "注意力机制（Attention Mechanism）"), no explanation
        if short or not has_cjk(gloss) or units(gloss) < MIN_CJK_GLOSS_UNITS:
            return None
    elif len(term.split()) > _MAX_TERM_WORDS:
        return None
    if not is_term(term, max_units=5):
        return None
    if is_label(term) or is_label(gloss.split()[0]):
        return None  # "Example (…)", "(see chapter 3)", "(e.g. lupus)"
    if short:
        if _DIGIT.search(term + gloss) or not is_gloss(gloss):
            return None  # "Python (3.11)", "Locke (1632)": a version, a year
        if spells_out(gloss, term):
            return None  # "Zero Flag (ZF)": the term's abbreviation, not what it means
        return term, gloss, False
    if spells_out(term, gloss):
        return term, gloss, True
    if units(gloss) < MIN_GLOSS_UNITS or not is_explanation(gloss):
        return None
    return term, gloss, False


_DIGIT = re.compile(r"\d")


MIN_GLOSS_UNITS = 3
#: A CJK gloss explains from this many characters on: a word or two of Han characters
#: (`林则徐（民族英雄）`, `秦朝（统一）`) tags the term, a clause (`大数在前,小数在后`) says it.
MIN_CJK_GLOSS_UNITS = 6


def is_gloss(rest: str) -> bool:
    """A translation or a form: "yesterday", "the day before", "tuv-"; words, no sentence."""
    plain = strip_markup(rest).strip()
    words = plain.replace("-", " ").split()
    return 0 < len(words) <= MAX_GLOSS_WORDS and any(w.strip(",;").isalpha() for w in words)


def glossed_lines(text: str) -> list[tuple[int, str, str]]:
    """(offset, term, explanation) of each line of a paragraph written `Term (explanation)`,
    where such lines are two or more and half its lines at least (`反码(正数的反码和它的原码一样
    …)` over `补码(…)`, `Xmx(程序运行期间最大可占用的内存大小)、` over `Xss(…)、`): a glossary
    written without list marks, one entry a line, as the `Term -> …` lines of a paragraph are
    (`glossary_paragraphs`), and as a list whose every item is so written is (`_vocabulary`).
    The bracket must explain, where a word or two is a name's aside, and one gloss given twice
    is a class, not a meaning. Else nothing."""
    lines = text.split("\n")
    ends = [line.rstrip(ENTRY_END).endswith((")", "）")) for line in lines]
    if sum(ends) < 2 or 2 * sum(ends) < len(lines):
        return []  # the cheap test: most paragraphs' lines end otherwise
    found = []
    for offset, (line, end) in enumerate(zip(lines, ends, strict=True)):
        entry = split_glossed(line) if end else None
        if entry is not None:
            found.append((offset, entry[0], entry[1]))
    if len(found) < 2 or 2 * len(found) < len(lines):
        return []
    if len({gloss.casefold() for _, _, gloss in found}) < len(found):
        return []
    return found
