"""A note's body as a flat list of blocks with file line numbers, built from markdown-it tokens.

Rules read blocks, not raw Markdown: the parser has already decided what is code, HTML, a list
item or a heading. Only block-level parsing runs (inline parsing is off), which keeps extraction
within a small factor of a bare parse.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, sub
from types import FunctionType, SimpleNamespace
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.ruler import Rule, Ruler
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore, normalize
from markdown_it.token import Token
from markdown_it.utils import EnvType

from ..fences import code_lines
from ..scanning import skipping_sub
from .text import BOLD_OPENERS, is_structural, units

# Pages saved as text keep bullets as characters; make them Markdown list items again.
_TEXT_BULLET = re.compile(r"^([ \t]*)[•●▪◦·‣][ \t\u00a0]+", re.M)
_SKIP = re.compile(r"<!--\s*quiz:\s*(skip|end)\s*-->", re.I)
# "2.1注意力机制", "一、博客美化": section titles of pages saved as text, where `#` was lost.
_PSEUDO_HEADING = re.compile(
    r"^(?:([0-9]{1,2}(?:\.[0-9]{1,2}){0,3})\.?|[一二三四五六七八九十]{1,3}、)[ \u00a0\u3000]*"
    r"(?P<title>[^\s。！？!?,，；;：:].{0,30})$"
)

_BOLD_QUESTION = re.compile(r"^(\*{2,3}|__)(?=\S)[^*\n]{2,150}?(?:[?？]\1|\1[?？])$")
CODE_KINDS = frozenset({"fence", "code", "html", "math"})


_CALLOUT = re.compile(r"^\[![\w-]+\][+-]?[ \t]*\n?")
_CALLOUT_TITLE = re.compile(r"^\[!([\w-]+)\][+-]?[ \t]*([^\n]*)")
# "[^1]: Examples would include …": a footnote's text (Markdown Extra, Pandoc, GitHub, Obsidian),
# which the viewer sets at the page's foot, away from the paragraph above it
_FOOTNOTE_DEF = re.compile(r"^[ \t]{0,3}\[\^[^\]\s]+\]:", re.M)
# "…vasospasmo^[Per iperproduzione di NO …]": an inline footnote (Pandoc, Obsidian), which may
# hold a link, an image or a wikilink of its own (`^[breeds [[stereotype]]]`): it ends at the
# bracket that closes it
_INLINE_FOOTNOTE = re.compile(r"[ \t]*\^\[(?:[^\[\]\n]|\[\[?[^\[\]\n]*\]\]?)*\]")
_PAREN_MATH = re.compile(r"\\\(([^\u3400-\u9fff\n]+?)\\\)")  # no CJK inside: "\(这里\)" is prose
_PAREN_MATH_END = re.compile(r"[\u3400-\u9fff\n]")  # an unclosed `\(` cannot reach past it
# what TeX is written with: a command, a script, a brace, a relation or an operator
_TEX_SIGN = re.compile(r"[\\^_{}=<>+*/|]")
# four words in a row, and nothing of TeX: "\(ex: the customers has not paid yet\)"
_PROSE_RUN = re.compile(r"[^\W\d_]{2,}(?:[ ,;:'’]+[^\W\d_]{2,}){3}")


def _footnote_gone(m: re.Match[str]) -> str:
    """Nothing for an inline footnote; the match itself for an index (`a^[l]`, no space in it)."""
    text = m.group()
    return "" if " " in text.lstrip() or "\t" in text.lstrip() else text


def _paren_math(m: re.Match[str]) -> str:
    """`\\(…\\)` read as inline math (`$…$`) when what it holds reads as math; a run of words
    with no sign of TeX is prose in escaped brackets, which CommonMark shows as brackets."""
    inner = m.group(1)
    if _TEX_SIGN.search(inner) is None and _PROSE_RUN.search(inner) is not None:
        return f"({inner})"
    return f"${inner}$"


#: An HTML line break closing a line of text (`**Controlling** <br>`, `- **Abstraction**<br>`,
#: `Examples: <br />`): it breaks the line where the note's own line ends already, so it adds
#: nothing a rule reads, and a term line would hold it as part of its term, no longer a name
#: alone. A break inside a line, or a line of breaks alone, stays as written.
_LINE_END_BREAK = re.compile(r"(?<=\S)(?:[ \t]*<br[ \t]*/?>)+[ \t]*$", re.M)
_SPACE_ENTITY = re.compile(r"&(?:#x0*20|#0*32|nbsp|#x0*a0|#0*160);", re.I)
# A pictograph (misc technical, misc symbols, dingbats, stars, the emoji planes) with the
# selector, joiner, keycap or skin tone that follow it; not an arrow, which leads to a
# consequence, nor a tick or a cross, which mark a pro, a con or a task done (`- ✅ **快**：…`)
_PICTOGRAPH_CHAR = "[\u2300-\u23ff\u2600-\u27bf\u2b50-\u2b55\U0001f000-\U0001faff]"
_PICTOGRAPH = (
    "(?![\u2611\u2705\u2714\u2716\u2717\u2718\u274c\u274e])"
    f"{_PICTOGRAPH_CHAR}"
    "[\ufe0f\u200d\u20e3\U0001f3fb-\U0001f3ff]*"
)
# "🌡️ **Isotherm:** …", "**🔑 Sitio activo:** …": pictographs before or inside the bold that opens
# a line, where the bold is a term set off by its colon (a dash sets off a README's feature list,
# `- 🚀 **Quick start** - …`)
_PICTOGRAPHS = rf"(?:{_PICTOGRAPH}[ \t\u00a0]*)+"
_COLON_TERM = r"(?=[^*\n]{1,60}?(?:[:：]\*\*|\*\*[ \t]*[:：]))"
_PICTOGRAPH_TERM = re.compile(
    rf"^{_PICTOGRAPHS}(?=\*\*{_COLON_TERM})|^(\*\*)[ \t\u00a0]*{_PICTOGRAPHS}{_COLON_TERM}", re.M
)
#: What every match of `_PICTOGRAPH_TERM` holds, looked for first: that pattern's `^` under `re.M`
#: is tried at every character of a paragraph, and most paragraphs hold no pictograph at all.
_ANY_PICTOGRAPH = re.compile(_PICTOGRAPH_CHAR)


@dataclass
class Block:
    """One block of a note. `line`/`end` are 1-based file lines (end inclusive)."""

    kind: str  # heading | paragraph | item | fence | code | html | math | table | quote
    text: str
    line: int
    end: int
    level: int = 0  # heading level; list depth for items
    heading: int | None = None  # index of the heading this block sits under
    parent: int | None = None  # index of the enclosing list item
    children: list[int] = field(default_factory=list)
    skipped: bool = False  # inside a `<!-- quiz:skip -->` region
    quoted: bool = False  # inside a blockquote or callout
    callout: str = ""  # inside `> [!definition] Title`: "definition" (lower case)
    callout_id: int = 0  # which callout of the note, counting from 1
    callout_title: str = ""  # on the callout's first paragraph: the title after the marker,
    # which stays the first line of that paragraph's text
    number: str = ""  # an item of an ordered list: its number and mark as written ("1.", "2)")
    title: str = ""  # the bold line that opened this paragraph, set apart (`_split_title`)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    md = MarkdownIt("commonmark").enable("table").use(dollarmath_plugin, double_inline=True)
    md.disable("inline")
    md.disable("text_join")  # it joins the text tokens inline parsing makes: there are none
    # markdown-it asks every list item for this option with `options.get`, which a missing key
    # answers by raising KeyError inside Mapping.get (a twentieth of the parse); set, it is read
    md.options["tasklists"] = False
    md.core.ruler.at("normalize", _normalize)
    for rule in md.block.ruler.__rules__:  # (`at` sets the chains a rule also ends; keep them)
        fn = _quiet(rule.fn)
        if rule.name == "table":  # a table's second line is its delimiter row: `|---|`
            fn = _opening("|-:", fn, ahead=1)
        elif rule.name == "lheading":
            fn = _underlined(fn)
        elif rule.name == "code":
            fn = _indented(fn)
        elif rule.name == "hr":
            fn = _ruled(fn)
        md.block.ruler.at(rule.name, fn, {"alt": rule.alt})
    md.block.ruler = _ByOpener(md.block.ruler.__rules__)
    md.block.parse = _block_parse(md)  # type: ignore[method-assign]
    return md


#: A logger for the block rules that drops their debug calls in C: each rule logs one every time
#: it is tried (72,000 calls a pass over the corpus, a twenty-fifth of the parse), which
#: `Logger.debug` asks the logging levels about in Python before dropping it.
_QUIET = SimpleNamespace(debug="".format)


def _quiet(rule: _BlockRule) -> _BlockRule:
    """markdown-it's block rule `rule` as it is, logging to `_QUIET`: the same function, read
    with its module's names, `LOGGER` taken for `_QUIET` (a rule with no logger is kept)."""
    names = getattr(rule, "__globals__", None)
    if not isinstance(rule, FunctionType) or names is None or "LOGGER" not in names:
        return rule
    quiet = FunctionType(
        rule.__code__,
        {**names, "LOGGER": _QUIET},
        rule.__name__,
        rule.__defaults__,
        rule.__closure__,
    )
    quiet.__kwdefaults__ = rule.__kwdefaults__
    return quiet


def _block_parse(md: MarkdownIt) -> Callable[..., list[Token] | None]:
    """markdown-it's `ParserBlock.parse` for `md`, with its state's line marks found a line at a
    time in C (`_LineState`)."""
    tokenize = md.block.tokenize

    def parse(src: str, md: MarkdownIt, env: EnvType, out: list[Token]) -> list[Token] | None:
        if not src:
            return None
        state = _LineState(src, md, env, out)
        tokenize(state, state.line, state.lineMax)
        return state.tokens

    return parse


class _LineState(StateBlock):
    """markdown-it's block state, its line marks (where each line begins and ends, its indent
    in characters and in columns) worked out from the note's lines split in C, where markdown-it
    visits every line in Python: the same marks, with a line of only spaces and tabs at the very
    end (no newline after it) left out as markdown-it leaves it out."""

    def __init__(self, src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]) -> None:
        self.src, self.md, self.env, self.tokens = src, md, env, tokens
        self.blkIndent = self.line = self.lineMax = self.level = 0
        self.tight = self._in_table = False
        self.ddIndent = self.listIndent = -1
        self.parentType = "root"
        self.result = ""
        lines = src.split("\n")
        if not lines[-1].strip(" \t"):  # "" after a final newline, or a last line of blanks
            lines.pop()
        lengths = list(map(len, lines))
        begins = list(accumulate(map(add, lengths, repeat(1)), initial=0))  # (a line and its \n)
        n = len(lines)
        shifts = list(map(sub, lengths, map(len, map(str.lstrip, lines, repeat(" \t")))))
        counts = (
            [_columns(line[:k]) if k else 0 for k, line in zip(shifts, lines, strict=True)]
            if "\t" in src
            else shifts[:]
        )
        length = len(src)
        begins[n] = length  # the fake line after the last, as markdown-it marks it
        self.bMarks = begins
        self.eMarks = [*map(add, begins, lengths), length]
        self.tShift = [*shifts, 0]
        self.sCount = [*counts, 0]
        self.bsCount = [0] * (n + 1)
        self.lineMax = n
        self._code_enabled = "code" in md.block.ruler.get_active_rules()

    def push(self, ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        """markdown-it's `push`: the same token, its fields set here, where `Token(...)` made
        three dicts, two thrown away (a sixtieth of extraction, a token per line and more).

        Only the tokens `parse_blocks` reads are made and kept (`_READ`): a closing tag, a
        list's wrapper, a rule and a table's rows and cells (a table is read from its lines)
        get one scratch token for the rule to fill in, left out of the stream (a third of the
        tokens of the corpus). markdown-it's own reading of the stream marks tight paragraphs
        hidden, which nothing reads here."""
        if nesting < 0:
            self.level -= 1  # closing tag
        if ttype not in _READ or self._in_table:
            if ttype == "table_close":
                self._in_table = False
            elif nesting > 0:
                self.level += 1
            return _SCRATCH
        token = _new(Token)
        token.type, token.tag, token.nesting = ttype, tag, nesting
        token.attrs, token.map, token.children = {}, None, None
        token.content = token.markup = token.info = ""
        token.meta, token.block, token.hidden = {}, True, False
        token.level = self.level
        if nesting > 0:
            self.level += 1  # opening tag
            self._in_table = ttype == "table_open"
        self.tokens.append(token)
        return token

    def getLines(self, begin: int, end: int, indent: int, keepLastLF: bool) -> str:
        """markdown-it's `getLines`; lines of no indent to take off (a paragraph outside any
        list, most of them one line) cut from the note as they stand, where markdown-it reads
        every line for an indent it then takes none of."""
        if indent or begin >= end:
            return super().getLines(begin, end, indent, keepLastLF)
        src, starts, ends = self.src, self.bMarks, self.eMarks
        last = src[starts[end - 1] : ends[end - 1] + 1 if keepLastLF else ends[end - 1]]
        if end - begin == 1:
            return last
        return "".join([*(src[starts[n] : ends[n] + 1] for n in range(begin, end - 1)), last])


_new = object.__new__
#: The tokens `parse_blocks` builds blocks from; the inline token after a paragraph's or a
#: heading's opening tag holds its text.
_READ = frozenset(
    {
        "blockquote_open",
        "blockquote_close",
        "list_item_open",
        "list_item_close",
        "heading_open",
        "paragraph_open",
        "inline",
        "fence",
        "code_block",
        "html_block",
        "math_block",
        "table_open",
    }
)
#: What `push` hands a rule for a token no block is built from: filled in and thrown away.
_SCRATCH = Token("", "", 0)


def _columns(indent: str) -> int:
    """How many columns a line's indent of spaces and tabs takes, a tab to the next stop of 4."""
    offset = 0
    for ch in indent:
        offset += 4 - offset % 4 if ch == "\t" else 1
    return offset


def _normalize(state: StateCore) -> None:
    """markdown-it's `normalize` (CR LF and CR to LF, NUL to U+FFFD), run only on a note that
    holds a CR or a NUL: its two substitutions copied every note whole, a match a line, to
    change nothing in a note read with LF line ends (a 100 KB line lost a sixth of its time
    there)."""
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


#: The characters a block may open with (after its indent), for the markdown-it block rules
#: that open with a mark of their own (CommonMark's, and `$$` for math); a table, indented code,
#: a setext heading and a paragraph open with anything and are not listed.
OPENERS = {
    "math_block": "$",
    "fence": "`~",
    "blockquote": ">",
    "hr": "*-_",
    "list": "*-+0123456789",
    "reference": "[",
    "html_block": "<",
    "heading": "#",
}

_BlockRule = Callable[[StateBlock, int, int, bool], bool]


class _ByOpener(Ruler[_BlockRule]):
    """markdown-it's block rules, each chain of them (the rules tried at a line, and those that
    may end a paragraph, a list, a quote or a reference there) run as one rule that tries only
    the rules the line's first character may open (`OPENERS`), in the chain's order.

    markdown-it tries its block rules in turn at every line, and at every line of a paragraph
    or a list item for whether a block there ends it; each rule logs a debug call and works out
    where the line starts before it tests that character, and most lines are text, which no
    listed rule opens. Each rule tested the character first (a sixth less of the parse than
    none doing so); looking it up once a line, where a text line still called nine rules to be
    told no, gives the same tokens in another eighth less (0.98 -> 0.86 s on the corpus). (The
    end of the note gives "": every rule decides there.)
    """

    def __init__(self, rules: list[Rule[_BlockRule]]) -> None:
        super().__init__()
        self.__rules__ = rules

    def __compile__(self) -> None:
        active = [rule for rule in self.__rules__ if rule.enabled]
        chains = {"", *(name for rule in active for name in rule.alt)}
        self.__cache__ = {
            chain: [_by_opener([rule for rule in active if not chain or chain in rule.alt])]
            for chain in chains
        }


def _by_opener(rules: list[Rule[_BlockRule]]) -> _BlockRule:
    """One rule for the chain `rules`: the first of them, in order, that takes the line."""
    unmarked = tuple(rule.fn for rule in rules if rule.name not in OPENERS)
    by_mark = {
        mark: tuple(rule.fn for rule in rules if mark in OPENERS.get(rule.name, mark))
        for rule in rules
        for mark in OPENERS.get(rule.name, "")
    }
    by_mark[""] = tuple(rule.fn for rule in rules)

    def by_opener(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        at = state.bMarks[line] + state.tShift[line]
        for rule in by_mark.get(state.src[at : at + 1], unmarked):
            if rule(state, line, end, silent):
                return True
        return False

    return by_opener


def _opening(chars: str, rule: _BlockRule, ahead: int) -> _BlockRule:
    """`rule`, tried only where the line `ahead` lines further down opens with one of `chars`:
    a table opens with any text, and its second line is its delimiter row."""

    def opening(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        at = state.bMarks[line + ahead] + state.tShift[line + ahead]
        return state.src[at : at + 1] in chars and rule(state, line, end, silent)

    return opening


def _indented(rule: _BlockRule) -> _BlockRule:
    """markdown-it's `code` (an indented code block), tried only at a line indented four columns
    or more past the block it sits in, the test `code` opens with: `code` opens no block and is
    tried at every line of text, and logs a debug call first (a fortieth of the block parse of
    the corpus, 0.76 -> 0.74 s)."""

    def indented(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        return state.sCount[line] - state.blkIndent >= 4 and rule(state, line, end, silent)

    return indented


def _ruled(rule: _BlockRule) -> _BlockRule:
    """markdown-it's `hr`, tried only at a line that holds its opening mark three times, as a
    rule needs (`* * *`, `---`): `hr` is tried at every list item's line (`- term`, `* item`),
    and read each one a character at a time to find it is no rule."""

    def ruled(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        at = state.bMarks[line] + state.tShift[line]
        mark = state.src[at : at + 1]
        return (not mark or state.src.count(mark, at, state.eMarks[line]) >= 3) and rule(
            state, line, end, silent
        )

    return ruled


#: A line that may underline a setext heading (`===`, `---`), after the marks of the quotes and
#: the indent of the items it sits in: what markdown-it's `lheading` looks for under a paragraph.
#: It is found from the newline before it, a character the engine jumps to (the `^` of a
#: multi-line pattern is tried at every character); the first line underlines nothing.
_UNDERLINE = re.compile(r"\n[ \t>]*(?:=+|-+)[ \t]*(?=\n|\Z)")


def _underlined(rule: _BlockRule) -> _BlockRule:
    """markdown-it's `lheading`, tried only where a line below may underline the paragraph.

    `lheading` reads every paragraph to its end for an underline, and when none is there the
    paragraph rule reads it again; most notes have no line that could underline anything. When
    no such line follows (in the note, or before the next blank line, where every paragraph
    ends), the rule fails as `lheading` fails: it leaves `parentType` at "paragraph", as
    `lheading` does when it reads a paragraph and finds no underline, and the tokens stay the
    same.
    """

    def underlined(state: StateBlock, line: int, end: int, silent: bool) -> bool:
        found = state.env.get(_UNDERLINES)  # markdown-it's scratch space for one parse
        if found is None or found[0] is not state.src:
            found = state.env[_UNDERLINES] = (state.src, _underline_starts(state.src))
        starts = found[1]
        k = bisect_right(starts, state.eMarks[line])  # the first such line below this one
        if k < len(starts) and _BLANK_LINE.search(state.src, state.eMarks[line], starts[k]) is None:
            return rule(state, line, end, silent)
        if not state.is_code_block(line):
            state.parentType = "paragraph"
        return False

    return underlined


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


#: Where `state.env` keeps the note's text and where its lines that may underline start: found
#: once a parse (a cache keyed by the text compared a note read anew with the last one whole, at
#: every paragraph)
_UNDERLINES = "quizgarden.underlines"


def _underline_starts(src: str) -> list[int]:
    """Where each line that may underline a setext heading starts in `src`, in order."""
    return [m.start() + 1 for m in _UNDERLINE.finditer(src)]


def prepare(body: str) -> str:
    """Undo what saving a page as text did to its lists, read MkDocs boxes and the `:::`
    containers of Docusaurus and VitePress as callouts, and give `##Title` headings their
    space; line count is unchanged."""
    if "!!!" in body or "???" in body:
        body = "\n".join(_boxes_as_callouts(body.split("\n")))
    if ":::" in body:
        body = "\n".join(_containers_as_callouts(body.split("\n")))
    if "##" in body and _has_tight_heading(body):
        body = "\n".join(_spaced_headings(body.split("\n")))
    if not any(bullet in body for bullet in "•●▪◦·‣"):
        return body
    return _TEXT_BULLET.sub(lambda m: m.group(1) + "- ", body)


# `##Causes`, `1. ###Efficiency`: a heading written without the space after its marks, as
# older Markdown tools accepted; two marks at least (`#tag` is a tag), then a letter
_TIGHT_HEADING = re.compile(r"^( {0,3}(?:\d{1,2}[.)][ \t]+)?#{2,6})(?=[^\W\d_])", re.M)
# the same after the newline that opens its line: a character the engine jumps to, where the
# `^` of a multi-line pattern is tried at every character of the note
_TIGHT_HEADING_LINE = re.compile(r"\n" + _TIGHT_HEADING.pattern.removeprefix("^"))


#: What every tight heading holds: a `#` right before a letter (a search that jumps to each `#`)
_HASH_LETTER = re.compile(r"#[^\W\d_]")


def _has_tight_heading(body: str) -> bool:
    """`_TIGHT_HEADING.search(body) is not None`, its lines found from their newlines, once a
    `#` is seen before a letter somewhere (most notes space every heading)."""
    return _HASH_LETTER.search(body) is not None and bool(
        _TIGHT_HEADING.match(body) or _TIGHT_HEADING_LINE.search(body)
    )


def _spaced_headings(lines: list[str]) -> list[str]:
    """`##Causes` read as the heading `## Causes` its author meant (CommonMark wants the space,
    and without it the title and its section run into one paragraph); code is left alone."""
    return [
        line if code else _TIGHT_HEADING.sub(r"\1 ", line)
        for line, code in zip(lines, code_lines(lines), strict=True)
    ]


# `!!! note "Title"`, `???+ tip`, `!!! danger inline end "Title"`: an admonition of MkDocs
# (Python-Markdown's admonition and pymdownx.details), its content indented under it
_BOX = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]*(?P<kind>[A-Za-z][\w-]*)"
    r"(?:[ \t]+inline(?:[ \t]+end)?)?(?:[ \t]+\"(?P<title>[^\"\n]*)\")?[ \t]*$"
)


def _boxes_as_callouts(lines: list[str]) -> list[str]:
    """MkDocs boxes rewritten as the Obsidian callouts they are (`> [!note] Title`), so a box
    and a callout are one thing to every rule; boxes nest as callouts do."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _BOX.match(lines[i])
        if m is None:
            out.append(lines[i])
            i += 1
            continue
        indent = m.group("indent")
        inner, tab = indent + "    ", indent + "\t"
        body: list[str] = []
        i += 1
        while i < len(lines) and (
            not lines[i].strip() or lines[i].startswith(inner) or lines[i].startswith(tab)
        ):
            line = lines[i]
            body.append(line[len(tab) :] if line.startswith(tab) else line[len(inner) :])
            i += 1
        blank = len(body)
        while blank and not body[blank - 1].strip():
            blank -= 1  # blank lines after the box are not in it
        title = (m.group("title") or "").strip()
        out.append(f"{indent}> [!{m.group('kind').lower()}] {title}".rstrip())
        out.extend(f"{indent}> {line}".rstrip() for line in _boxes_as_callouts(body[:blank]))
        out.extend("" for _ in body[blank:])
    return out


# `:::note[Title]`, `:::tip Title` (Docusaurus), `::: details Title` (VitePress), and Pandoc's
# fenced divs as Quarto writes them (`::: {.callout-note title="T"}`, `::: {#def-rank}`): a
# container closed by a line of colons, its content not indented
_CONTAINER = re.compile(
    r"^ {0,3}:{3,}[ \t]*(?:(?P<kind>[A-Za-z][\w-]*)"
    r"(?:\[(?P<bracket>[^\]\n]*)\]|[ \t]+(?P<title>[^\n{]*?))?|\{(?P<attrs>[^}\n]*)\})[ \t]*$"
)
_CONTAINER_END = re.compile(r"^ {0,3}:{3,}[ \t]*$")
_MAX_CONTAINER_DEPTH = 8
# `## Rank {#sec-rank .unnumbered}`: attributes of a heading (Pandoc, Quarto, kramdown)
_HEADING_ATTRS = re.compile(
    r"[ \t]+\{(?:[ \t]*(?:[#.][\w:.-]+|-|[\w-]+=(?:\"[^\"]*\"|\S+)))+[ \t]*\}$"
)
# Quarto's cross-reference prefixes: `#thm-pythagoras` is a theorem
_QUARTO_IDS = {
    "def": "definition",
    "thm": "theorem",
    "lem": "lemma",
    "cor": "corollary",
    "prp": "proposition",
    "cnj": "conjecture",
    "exm": "example",
    "exr": "exercise",
}
_ATTR_TITLE = re.compile(r"""\b(?:title|name)=["']([^"'\n]*)["']""")
_TITLE_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")


def _container_kind(match: re.Match[str]) -> tuple[str, str]:
    """A container's callout type and title; type "" for a div that only lays text out."""
    attrs = match.group("attrs")
    if attrs is None:
        title = match.group("bracket") or match.group("title") or ""
        return match.group("kind").lower(), title.strip().strip('"')
    title = m.group(1) if (m := _ATTR_TITLE.search(attrs)) else ""
    for word in attrs.split():
        if word.startswith(".callout-"):
            return word[len(".callout-") :].lower(), title
        if word.startswith("#") and (kind := _QUARTO_IDS.get(word[1:].split("-")[0])):
            return kind, title
        if word.startswith(".") and word[1:].lower() in _QUARTO_IDS.values():
            return word[1:].lower(), title
    return "", title


def _containers_as_callouts(lines: list[str]) -> list[str]:
    """`:::` containers rewritten as the callouts they are (`> [!tip] Title`), as MkDocs boxes
    are; a div that only lays text out loses its fences. A container never closed is left as it
    was written, and colons in code are code."""
    opened: list[tuple[int, re.Match[str]]] = []
    pairs: list[tuple[int, int]] = []
    kinds: dict[int, tuple[str, str]] = {}  # per opening line that is closed: type and title
    for i, (line, code) in enumerate(zip(lines, code_lines(lines), strict=True)):
        if code:
            continue
        if (m := _CONTAINER.match(line)) is not None:
            opened.append((i, m))
        elif opened and _CONTAINER_END.match(line):
            first, m = opened.pop()
            pairs.append((first, i))
            kinds[first] = _container_kind(m)
    if not pairs:
        return lines
    change = [0] * len(lines)
    for first, last in pairs:
        if kinds[first][0]:
            change[first + 1] += 1
            change[last] -= 1
    depths = list(accumulate(change))
    if max(depths) > _MAX_CONTAINER_DEPTH:
        return lines  # quoting each line once per level would grow the note quadratically
    out = [("> " * d + line).rstrip() if d else line for d, line in zip(depths, lines, strict=True)]
    for first, last in pairs:
        kind, title = kinds[first]
        quote = "> " * depths[first]
        out[last] = quote.rstrip()
        if not kind:
            out[first] = quote.rstrip()
            continue
        if not title:  # Quarto's `## Title` as the div's first line
            after = next((j for j in range(first + 1, last) if lines[j].strip()), last)
            if after < last and (h := _TITLE_HEADING.match(lines[after])):
                title = h.group(1)
                out[after] = (quote + "> ").rstrip()
        out[first] = f"{quote}> [!{kind}] {title}".rstrip()
    return out


def parse_blocks(body: str, first_line: int) -> list[Block]:
    """Blocks of `body`, whose first line is line `first_line` of the file."""
    tokens = _parser().parse(body)
    blocks: list[Block] = []
    items: list[int] = []  # stack of open list items
    quote = 0
    callouts: list[tuple[str, int]] = []  # per open blockquote: its callout kind and number
    n_callouts = 0
    heading: int | None = None
    pending_item: int | None = None
    body_lines: list[str] | None = None  # split once, on the first math block
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "blockquote_open":
            quote += 1
            callouts.append(("", 0))
        elif kind == "blockquote_close":
            quote -= 1
            if callouts:
                callouts.pop()
        elif kind == "list_item_open":
            start, end = tok.map or (0, 1)
            block = Block(
                "item", "", first_line + start, first_line + end - 1, level=len(items) + 1
            )
            block.parent = items[-1] if items else None
            block.heading, block.quoted = heading, quote > 0
            if tok.info:  # markdown-it keeps an ordered item's number here, its mark in markup
                block.number = tok.info + tok.markup
            blocks.append(block)
            if block.parent is not None:
                blocks[block.parent].children.append(len(blocks) - 1)
            items.append(len(blocks) - 1)
            pending_item = len(blocks) - 1
        elif kind == "list_item_close":
            if items:  # a heading inside a list item resets the stack
                items.pop()
            pending_item = None
        elif kind in {"heading_open", "paragraph_open"}:
            inline = tokens[i + 1]
            if "&" in inline.content:  # "内在幻觉：……。 &#x20;" as exported from Yuque or Notion
                inline.content = _SPACE_ENTITY.sub(" ", inline.content).rstrip()
            if "<br" in inline.content:  # "- **Abstraction**<br>": the line ends there anyway
                inline.content = _LINE_END_BREAK.sub("", inline.content)
            # (not in a quotation: there a pictograph and its bold label set off an aside, "> 💡
            # **Tip:** …", as a callout's icon does)
            if (
                kind == "paragraph_open"
                and not quote
                and "**" in inline.content
                and not inline.content.isascii()
                and _ANY_PICTOGRAPH.search(inline.content) is not None
                and not _keyed(blocks, pending_item)
            ):
                inline.content = _PICTOGRAPH_TERM.sub(r"\1", inline.content)
            if "[^" in inline.content and (f := _FOOTNOTE_DEF.search(inline.content)):
                # a footnote is read where its mark stands, never as the text around it: its
                # lines are no part of a back, a term or a heading's explanation
                inline.content = inline.content[: f.start()].rstrip()
                if not inline.content and pending_item is None:
                    i += 2
                    continue
            if "^[" in inline.content:
                inline.content = _INLINE_FOOTNOTE.sub(_footnote_gone, inline.content)
            title = ""
            if quote and inline.content.startswith("[!"):  # "> [!note] Title": an Obsidian callout
                if m := _CALLOUT_TITLE.match(inline.content):
                    n_callouts += 1
                    callouts[-1] = (m.group(1).lower(), n_callouts)
                    title = m.group(2).strip()
                inline.content = _CALLOUT.sub("", inline.content, count=1)
            if "\\(" in inline.content:  # ChatGPT's inline math, \(x_c\), read as $x_c$
                inline.content = skipping_sub(
                    _PAREN_MATH, _paren_math, inline.content, "\\(", _PAREN_MATH_END
                )
            start, end = inline.map or tok.map or (0, 1)
            if kind == "heading_open":
                if inline.content.endswith("}"):
                    inline.content = _HEADING_ATTRS.sub("", inline.content)
                blocks.append(
                    Block(
                        "heading",
                        inline.content,
                        first_line + start,
                        first_line + end - 1,
                        level=int(tok.tag[1]),
                        quoted=quote > 0,
                    )
                )
                heading = len(blocks) - 1
                items.clear()
            elif pending_item is not None:
                item = blocks[pending_item]
                item.text = inline.content
                pending_item = None
            elif (level := _implied_heading(inline.content, quoted=quote > 0)) and not items:
                text, lines = inline.content.strip(), (first_line + start, first_line + end - 1)
                blocks.append(Block("heading", text, *lines, level=level, quoted=quote > 0))
                heading = len(blocks) - 1
            else:
                text, line = inline.content, first_line + start
                if not items and not quote and text.startswith(BOLD_OPENERS):
                    text, line, heading = _split_title(blocks, text, line, heading)
                blocks.append(
                    Block(
                        "paragraph",
                        text,
                        line,
                        first_line + end - 1,
                        heading=heading,
                        parent=items[-1] if items else None,
                        quoted=quote > 0,
                        title=inline.content.partition("\n")[0]
                        if text is not inline.content
                        else "",
                    )
                )
            _tag_callout(blocks, callouts, title)
            i += 1  # past its inline token (closing tags are not kept: see `push`)
        elif (
            kind == "html_block"
            and "<h" in tok.content
            and _HTML_HEADING.search(tok.content)
            and not _HTML_WHOLE.search(tok.content)
        ):
            start = (tok.map or (0, 1))[0]
            for at, last, part, level, text in _html_sections(tok.content):
                line, end_line = first_line + start + at, first_line + start + last
                if part == "heading":
                    blocks.append(Block("heading", text, line, end_line, level, quoted=quote > 0))
                    heading = len(blocks) - 1
                    items.clear()
                else:
                    blocks.append(
                        Block(
                            part,
                            text,
                            line,
                            end_line,
                            heading=heading,
                            parent=items[-1] if items else None,
                            quoted=quote > 0,
                        )
                    )
                    if part == "html":
                        _mark_skip(blocks, text)
                _tag_callout(blocks, callouts, "")
        elif kind in {"fence", "code_block", "html_block", "math_block", "table_open"}:
            start, end = tok.map or (0, 1)
            name = {
                "fence": "fence",
                "code_block": "code",
                "html_block": "html",
                "math_block": "math",
                "table_open": "table",
            }[kind]
            text = tok.content
            if name == "math":
                if body_lines is None:
                    body_lines = body.split("\n")
                text = _math_source(body_lines, start, end)
            blocks.append(
                Block(
                    name,
                    text,
                    first_line + start,
                    first_line + end - 1,
                    heading=heading,
                    parent=items[-1] if items else None,
                    quoted=quote > 0,
                )
            )
            _tag_callout(blocks, callouts, "")
            if name == "html":
                _mark_skip(blocks, tok.content)
        i += 1
    _apply_skips(blocks)
    _nest_unindented(blocks)
    return blocks


#: `<h3>Mailbox rule</h3>`, `<h2 id="x"><strong>Sigma Bonds</strong></h2>`: an HTML heading alone on
#: its line, as a site's template, a converter (gd2md-html, Notion) or an author who styles it
#: writes a section title
_HTML_HEADING = re.compile(
    r"^[ \t]*<h([1-6])(?:\s[^>]*)?>(?P<title>(?:(?!</?h[1-6]\b).)*?)</h\1\s*>[ \t]*$", re.M | re.I
)
#: what an HTML block holds that is read whole or not at all, never cut at a heading in it: a
#: comment (what it hides stays hidden), a disclosure block (the `details` rule's question and
#: answer), preformatted text or a script, and a whole table (the table rule's rows)
_HTML_WHOLE = re.compile(
    r"<!--|<(?:details|summary|pre|script|style|textarea)\b|<table\b.*</table\s*>", re.I | re.S
)
#: HTML that formats the words it holds, read as the Markdown it displays as (`html_as_marks`); a
#: tag's name, then its attributes or its end: "<b>", "<td class=…>", "</b >"; not the "<b" of
#: math that compares, `$a<b$`
_HTML_STRONG = re.compile(r"</?(?:strong|b)(?:\s[^>]*)?>", re.I)
_HTML_EMPHASIS = re.compile(r"</?(?:em|i)(?:\s[^>]*)?>", re.I)
_HTML_CODE = re.compile(r"</?code(?:\s[^>]*)?>", re.I)
_HTML_LINK = re.compile(r"<a\s[^>]*?href\s*=\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\s*>", re.I)
HTML_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^>]*)?/?>")


def _html_sections(content: str) -> list[tuple[int, int, str, int, str]]:
    """An HTML block cut at the headings alone on a line in it, as (first line, last line,
    kind, level, text) with lines counted from the block's first: each heading read as the
    Markdown heading it displays as (its bold as `**`, its links as `[text](url)`), the text
    after it up to the next heading a paragraph when it opens with words (the browser shows
    it as text, the section's body), HTML when it opens with a tag; blank lines are left out."""
    lines = content.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    out: list[tuple[int, int, str, int, str]] = []
    run: list[int] = []

    def close() -> None:
        while run and not lines[run[-1]].strip():
            run.pop()
        if run:
            text = "\n".join(lines[n] for n in run)
            kind = "html" if text.lstrip().startswith("<") else "paragraph"
            out.append((run[0], run[-1], kind, 0, text.strip() if kind == "paragraph" else text))
        run.clear()

    for n, line in enumerate(lines):
        m = _HTML_HEADING.match(line) if "<h" in line or "<H" in line else None
        if m is None:
            if run or line.strip():
                run.append(n)
            continue
        close()
        out.append((n, n, "heading", int(m.group(1)), _html_inline(m.group("title"))))
    close()
    return out


def _html_inline(text: str) -> str:
    """A heading's HTML as the Markdown it displays as: bold and emphasis as marks, code as
    backticks, a link as `[text](url)`, other tags gone, entities read."""
    text = _HTML_LINK.sub(lambda m: f"[{m.group(2)}]({m.group(1)})", text)
    return " ".join(html.unescape(HTML_TAG.sub("", html_as_marks(text))).split())


def html_as_marks(text: str) -> str:
    """HTML bold, emphasis and code as the Markdown marks a viewer shows them as: the one
    reading of them for an HTML heading here and an HTML table's cells (`htmltable`)."""
    return _HTML_CODE.sub("`", _HTML_EMPHASIS.sub("*", _HTML_STRONG.sub("**", text)))


#: How many numbered items of one outline must each have bullets right under them, not
#: indented, before those bullets are read as theirs.
MIN_OUTLINE_HEADS = 2


def _nest_unindented(blocks: list[Block]) -> None:
    """Bullets the author meant under a numbered item but did not indent, as outlines often
    are: `1. **Batch Gradient Descent**` / `- Uses the entire dataset …` / `2. **Mini-Batch
    Gradient Descent**` / `- A compromise …`. CommonMark ends the ordered list at the first
    bullet and starts another list, so the numbered name holds nothing and its bullets stand
    alone. Where MIN_OUTLINE_HEADS or more numbered items of one run of top-level items (no
    paragraph, heading or other block between, and its numbers counting on by one past the
    bullets) are each followed right away by such bullets, and hold none of their own, the
    bullets are nested under the numbered item before them, one level deeper. A numbered list
    followed once by bullets is left as written, and so is one numbered anew after them (`2.`
    … `1.`): those bullets may be a list of their own."""
    runs: list[list[tuple[int, list[int]]]] = [[]]
    head: int | None = None
    for n, block in enumerate(blocks):
        if block.parent is not None:
            continue  # inside an item: it moves with its item
        run = runs[-1]
        if block.kind != "item":
            head = None
            runs.append([])
        elif block.number:
            if run and not _counts_on(blocks[run[-1][0]].number, block.number):
                runs.append([])  # numbered anew: another list, not the same outline
            head = None if block.children else n
            runs[-1].append((n, []))
        elif head is not None and run and _follows(blocks, run[-1], n):
            run[-1][1].append(n)
        else:
            head = None
            runs.append([])
    for run in runs:
        heads = [(n, bullets) for n, bullets in run if bullets]
        if len(heads) < MIN_OUTLINE_HEADS:
            continue
        for n, bullets in heads:
            for b in bullets:
                blocks[b].parent = n
                blocks[n].children.append(b)
                for d in range(b, _subtree_end(blocks, b)):
                    if blocks[d].kind == "item":
                        blocks[d].level += 1


def _counts_on(before: str, number: str) -> bool:
    """`number` ("2.") is the one after `before` ("1."): the outline's numbering goes on past
    the bullets between them."""
    a, b = before[:-1], number[:-1]
    return a.isdigit() and b.isdigit() and int(b) == int(a) + 1


def _follows(blocks: list[Block], head: tuple[int, list[int]], n: int) -> bool:
    """Bullet `n` goes on right after the numbered item (or the bullet before it) of `head`,
    under the same heading, at most a blank line between."""
    last = head[1][-1] if head[1] else head[0]
    before, block = blocks[last], blocks[n]
    same = block.heading == before.heading and block.quoted == before.quoted
    return same and block.line <= _last_line(blocks, last) + 2


def _subtree_end(blocks: list[Block], n: int) -> int:
    """The index past top-level item `n` and everything nested in it: the next block that sits
    in no item (blocks are in file order, so what an item holds follows it)."""
    m = n + 1
    while m < len(blocks) and blocks[m].parent is not None:
        m += 1
    return m


def _last_line(blocks: list[Block], n: int) -> int:
    """The last line of top-level item `n` with everything nested in it."""
    return max(blocks[m].end for m in range(n, _subtree_end(blocks, n)))


def _keyed(blocks: list[Block], item: int | None) -> bool:
    """An item under a study aid's label (`- **My Legend:**` over `- 🔑 **Key term:** …`): its
    pictographs are the marks the label explains, not decorations."""
    if item is None or (parent := blocks[item].parent) is None:
        return False
    label = blocks[parent].text.split("\n")[0].strip().strip("*_ ").rstrip(":：").strip("*_ ")
    return is_structural(label)


def _tag_callout(blocks: list[Block], callouts: list[tuple[str, int]], title: str) -> None:
    """Mark the block just added as inside the innermost open callout (list items included)."""
    if not callouts:
        return  # outside any blockquote: most blocks
    kind, number = next((c for c in reversed(callouts) if c[0]), ("", 0))
    if not kind or not blocks:
        return
    for block in reversed(blocks):  # the paragraph, and an item it filled in that same quote
        if block.callout or not block.quoted:
            break
        block.callout, block.callout_id = kind, number
        if block.kind != "item":
            break
    if title and not blocks[-1].callout_title:
        blocks[-1].callout_title = title


def _implied_heading(text: str, *, quoted: bool) -> int:
    """The level of a paragraph that works as a heading, or 0.

    "**1.3 Attention 和 Seq2Seq 有什么区别？**" alone on its line asks like a heading (level 7,
    below every real one); "2.1注意力机制" is a section title of a page saved as text.
    """
    text = text.strip()
    if _BOLD_QUESTION.match(text):
        return 7
    m = _PSEUDO_HEADING.match(text)
    if quoted or "\n" in text or not m or re.search(r"[。！？!?；;]$|[，,：:].", text):
        return 0
    return 2 + (m.group(1).count(".") + 1 if m.group(1) else 0)


#: A line wholly in bold that names or asks, a question mark inside or after the bold allowed:
#: "**Stakeholder**", "**Q9 What cross-validation … dataset?**"; not a label closed by a colon
#: ("**Answer:**", "**Short description:**"), which opens what follows it on its line or not.
_BOLD_TITLE = re.compile(r"(\*{2,3}|__)(?=\S)[^*\n]{1,150}?[^*\s:：]\1[?？]?")


#: The units a bold question over its answer in one paragraph says at least to head it: a
#: shorter one (`**¿Qué hace?**`, `**¿Por qué existe?**`) asks of its section's subject, a
#: slot of the note's template under each heading, and stays part of the paragraph.
MIN_TITLE_QUESTION = 4


def _split_title(
    blocks: list[Block], text: str, line: int, heading: int | None
) -> tuple[str, int, int | None]:
    """A paragraph whose first line is a bold title and whose next lines say what it is
    (`**Stakeholder**` / `Interessensgruppen, Anspruchsgruppen - …`, `**Q11- Which is more
    important …?**` / `Depends on the usecase.`): the title is set apart as a line of its own,
    as a blank line after it would set it, and what is left stays the paragraph. A line break
    inside one paragraph is how many notes write a title over its text; the title heads the
    text whichever way the line ends, and read as one paragraph it was neither a title nor a
    sentence. Appends the title's block and returns the text left, its first line and the
    heading it sits under (a bold question is a heading of its own: `_implied_heading`)."""
    first, sep, rest = text.partition("\n")
    if not sep or not rest.strip() or _BOLD_TITLE.fullmatch(first.rstrip()) is None:
        return text, line, heading
    if rest.lstrip().startswith(("$$", "\\[")):
        return text, line, heading  # "**It can then be proved that**" / "$$ … $$": its lead-in
    first = first.rstrip()
    if _implied_heading(first, quoted=False):
        if units(first) < MIN_TITLE_QUESTION:
            return text, line, heading  # "**¿Qué hace?**": asked of its section's subject
        blocks.append(Block("heading", first, line, line, level=7))
        return rest, line + 1, len(blocks) - 1
    blocks.append(Block("paragraph", first, line, line, heading=heading))
    return rest, line + 1, heading


def _math_source(lines: list[str], start: int, end: int) -> str:
    """The math block as written in the note, its `$$` lines included."""
    return "\n".join(lines[start:end]).strip()


def _mark_skip(blocks: list[Block], html: str) -> None:
    m = _SKIP.search(html)
    if m:
        blocks[-1].kind = "skip" if m.group(1).lower() == "skip" else "skip-end"


def _apply_skips(blocks: list[Block]) -> None:
    """`<!-- quiz:skip -->` skips to `<!-- quiz:end -->`, or before a heading, that section."""
    skipping = False
    section_level = 0  # > 0 while skipping one heading's section
    last_end = max((n for n, b in enumerate(blocks) if b.kind == "skip-end"), default=-1)
    for n, block in enumerate(blocks):
        if block.kind == "skip":
            nxt = blocks[n + 1] if n + 1 < len(blocks) else None
            at_heading = nxt is not None and nxt.kind == "heading" and last_end < n
            skipping, section_level = True, nxt.level if at_heading and nxt else 0
            continue
        if block.kind == "skip-end":
            skipping, section_level = False, 0
            continue
        ends_section = block.kind == "heading" and block.level <= section_level
        if skipping and ends_section and blocks[n - 1].kind != "skip":
            skipping, section_level = False, 0
        block.skipped = skipping


def nested_in(blocks: list[Block], k: int, n: int) -> bool:
    """Whether block `k` is nested, at any depth, in the list item at `n`."""
    parent = blocks[k].parent
    while parent is not None:
        if parent == n:
            return True
        parent = blocks[parent].parent
    return False
