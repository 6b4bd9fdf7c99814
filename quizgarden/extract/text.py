"""Small judgements about text that several rules share: is this a term, prose, a link, code?

Each predicate errs towards "no": a missed card costs a learner less than a junk one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from itertools import islice

from ..scanning import GROUP_1, GROUP_2, SHORT, Replacement, delimited_sub, skipping_sub
from ..similarity import nfkc
from .lang import (
    ACTION,
    ANNOUNCES,
    ARTICLE,
    ASPECT_HEAD,
    BRANCH,
    CLAUSE_WORD,
    EXAMPLE_HEADING,
    EXAMPLE_LABEL,
    EXAMPLE_TAIL,
    FIRST_PERSON,
    FORMULA_LEAD,
    HEAD_FOLLOWER,
    JOINER,
    KIND_OF,
    LABEL_WORD,
    LIST_LABEL,
    NAMING_ACTION,
    NUMBERED_LABEL,
    QA_PREFIX,
    SEE,
    SELF_MENTION,
    STATEMENT_LABEL,
    STRUCTURAL_HEADING,
    TERM_BAD_END,
    TERM_BAD_START,
    TITLE_STOPWORDS,
    VALUE_LABEL,
    VALUE_START,
    VERSUS,
    ends_badly,
)
from .lang import ANSWER_MARK as ANSWER_MARK  # re-exported: heading and question rules read it
from .lang import GENERIC_FRONT as GENERIC_FRONT  # re-exported for the rules that read it
from .lang import TOPIC_SUFFIX as TOPIC_SUFFIX  # re-exported for the rules that read it

#: How many strings each of the extractor's text caches keeps: a note's worth. The rules ask
#: again of the strings of the note they read, rarely of those of the notes before it; a cache
#: of thousands keeps the last notes' strings, whose table and text spill the processor's
#: caches, so each lookup costs more by the clock than the few calls it saves (8192 and 4096
#: entries held 0.5% more hits over the corpus and extraction took 2-3% longer).
NOTE_CACHE = 1024

# Han and kana: scripts written without spaces between words
CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
# a reading unit: a Han character or a hiragana (a syllable, often a whole particle), or a run
# of katakana, which spells one loanword ("インフレーション") as Latin letters spell a word
_CJK_UNIT = re.compile(r"[\u30a0-\u30ff]+|[\u3040-\u309f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: The letters of the Latin script, accented ones too ("élève", "Größe", "à"; not × or ÷):
#: a word of French or German is one word, not cut at every accent.
LATIN = r"A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
# how a Latin word goes on after its first letter (a combining accent, "e\u0301", goes on too)
_WORD_TAIL = rf"[{LATIN}0-9'’+\-\u0300-\u036f]*"
_WORD = re.compile(rf"[{LATIN}]{_WORD_TAIL}")
#: A word of four letters or more in any script with letters: what two names must share to
#: speak of one thing ("Physical Quantities" and "physical quantity"), small words aside.
LONG_WORD = re.compile(r"[^\W\d_]{4,}")
# a CJK unit or a Latin word, one pass: `_CJK_UNIT|_WORD`, written to open with the class of
# every character a unit starts with, which the engine looks for in C from one character to the
# next (it tried each branch of the alternation at every character); the character found then
# tells how the unit goes on: a Latin word to its end, a katakana run to its end, else no further
_UNIT = re.compile(
    rf"[{LATIN}{CJK}](?:(?<=[{LATIN}]){_WORD_TAIL}|(?<=[\u30a0-\u30ff])[\u30a0-\u30ff]*|)"
)
_UNIT_START = re.compile(f"[{LATIN}{CJK}]")  # where a unit starts: there is one iff this is found
_URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+")
# a title may hold ( ); its runs and bracketed parts are taken whole (possessive): what a link
# holds never closes it, and a link left open was given back a character at a time
_MD_LINK = re.compile(r"!?\[([^\]\n]*+)\]\((?:[^()\n]++|\([^()\n]*+\))*+\)")
#: A code span: a run of backticks closed by the next run of the same length on its line. A run
#: starts a span only where it starts (not inside itself) and is taken whole, so a line of
#: thousands of backticks is read once, not once per backtick and length. (The first backtick
#: is matched before the one before it is looked behind for: the engine jumps from backtick to
#: backtick, where a pattern that opens with a lookbehind is tried at every character.)
INLINE_CODE = re.compile(r"(`(?<!``)`*+)(?!`)(.+?)(?<!`)\1(?!`)")
_EMPHASIS = re.compile(r"(\*\*|\*|==|~~)(?=\S)(.+?)(?<=\S)\1")
# CommonMark: an underscore inside a word (num_layers) is not emphasis; the first `_` is matched
# before the letter before it is looked behind for, as in INLINE_CODE (`(?<![^\W_])(__|_)…`)
_UNDERSCORE_EMPHASIS = re.compile(r"(_(?<![^\W_]_)_?)(?=\S)(.+?)(?<=\S)\1(?![^\W_])")
_MATH = re.compile(r"\$\$?[^$]++\$\$?")  # (a run without `$` is taken whole: nothing in it closes)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
#: A bracketed aside, round or full-width: "(SFT)", "（论文：…）".
PARENS = re.compile(r"[（(][^（）()]*[）)]")
# a number runs whole (never cut short before a digit, `.2` or `-2`): "1-2章…" counts
# chapters, it numbers nothing, and is not cut to "-2章…" or "章…"; a bare whole number before
# a word in lower case is a quantity ("60 mm Maksutov", "37 to 41 weeks"), not a section's number
# ("1.7 self-attention …" is one)
_NUMBERING = re.compile(
    r"^\s*(?:[（(]?[0-9]{1,2}(?:[.\-][0-9]{1,2})*(?![0-9]|[.\-][0-9])(?:[.．、)）]|(?![0-9A-Za-z章节讲课周年月日号岁])(?:(?<=[.\-][0-9])|(?<=[.\-][0-9]{2})|(?!\s+[a-z%°])))|[一二三四五六七八九十]{1,3}[、.．]"
    r"|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十0-9]+[章节部分篇]|[IVX]{1,4}\.|[A-Za-z][.)](?=\s))[\s\u00a0\u3000]*"
)
_TEMPLATE = re.compile(r"\{\{?\s*[A-Za-z_]\w*\s*\}\}?|\$\{\w+\}|<[A-Za-z_]+>")
# Code as a line starts: a keyword, a decorator, a `//` or `##` comment, a shell prompt
_CODE_START = re.compile(
    r"\s*(?:(?:import|from|def|class|return|public|private|var|let|const|function)\s"
    r"|@\w+\(|[#/]{2}"
    r"|(?:\(\w+\)\s*)?[\w.-]+@[\w.-]+:\S*\$)"  # a shell prompt: (env) user@host:~/dir$
)
# ...and anywhere in it: `;` or a brace at the end, `=>`, `->f(`, `f()`, `a.b(`, `==`, `&&`,
# `i++` (not a language's name: `C++`, `G++`). Every branch opens with a punctuation mark (`f()`
# is tested from its bracket), so the engine jumps from one such mark to the next instead of
# trying every branch at every character; what must stand before the mark is looked behind for
# once the mark is found (a pattern that opens with a lookbehind is tried at every character).
_CODE_HINTS = re.compile(
    r"[;{}]\s*$|=>|->\s*\w+\(|\((?<=\w\()\)|\.(?<=\w\.)\w+\(|==|!=|\+(?<![A-Z]\+)\+|&&|\|\|"
)
#: A log line's level, not a term: "INFO: loaded", "CRITICAL FIX: ..."
LOG_LEVEL = re.compile(r"^(?:INFO|WARNING|WARN|ERROR|DEBUG|CRITICAL|FATAL|TRACE|NOTE|TODO|FIXME)\b")
_SENTENCE_END = re.compile(r"[。！？!?…．.;；]\s*$")
#: What ends a card that runs over blank lines (hashcards' `A:` or `C:` alone on its line): a
#: heading, a thematic break, the next `Q:` or `C:`.
CARD_END = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]|(?:[-*_][ \t]*){3,}$|[QC][:：])")
#: What opens a line before its text: quote marks, then a list marker ("> - ", "2. ").
LINE_LEAD = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?")
#: A question, then an arrow and its answer: "2. Routing happens at which layer? → **Network**"
#: (the `arrow` rule's, which the `definition` and `question` rules leave to it).
ASKED_ARROW = re.compile(r"^(?P<asked>[^\n]*?[?？][*_]*)[ \t]*(?:-+>|=>|→|⇒|⟶)[ \t]*(?P<answer>.*)")
#: The marker a list item opens with, and the spaces after it: "- ", "* ", "3. ", "2) ".
ITEM_MARK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
#: What a span in bold opens with: a bold term, title or question starts with one of these.
BOLD_OPENERS = ("**", "__")
#: A full stop that ends a sentence, as a regex source for rules to build on: not one after a
#: number of one or two digits inside a sentence (an ordinal: "gegen die 10. Gebote", "am 3.
#: Mai"), nor one after a lone lowercase letter (an abbreviation: "d.h.", "z. B.", "e.g."), nor
#: one of capitals with dots the sentence goes on after in lower case ("the U.S. economy"), nor
#: an initial before another ("C. F. Gauss"), nor one after a word in lower case that a word in
#: lower case follows ("root extraction etc. on polynomial functions", "*up-to-me vs. not*",
#: "Vaswani et al. in 2017"): an abbreviation's, as a sentence opens with a capital.
FULL_STOP = (
    r"\.(?<!\s\d\.)(?<!\s\d\d\.)(?<![.\s][a-z]\.)(?<!\.\s[A-Z]\.)(?=\s|$)"
    r"(?!(?<=\.[A-Z]\.)\s+[a-z])(?!(?<=[\s\[(][A-Z]\.)\s[A-Z]\.)(?!(?<=[a-z]\.)\s[a-z]{2})"
)
#: One sentence, from where the match starts: it ends at CJK or Latin sentence punctuation, at
#: a FULL_STOP, or with the text. The "!" of an image (`![](…)`, `![[…]]`) ends none: the
#: image stands inside the sentence ("states that ![](…) holds for …"); a footnote's (`![^1]`)
#: follows an exclamation.
#: (Written as `.+?(?:[。！？!?]|{FULL_STOP}|$)` with re.S reads, and matching as that does: the
#: lazy `.+?` tried the ending at every character; here the text runs on in runs of characters
#: that end nothing, a newline that is not the last, and full stops that end no sentence
#: (`_NOT_STOP`), taken without going back, up to the ending: half the time.)
_NOT_STOP = (
    r"\.(?:(?<=\s\d\.)|(?<=\s\d\d\.)|(?<=[.\s][a-z]\.)|(?<=\.\s[A-Z]\.)|(?!\s|$)"
    r"|(?<=\.[A-Z]\.)(?=\s+[a-z])|(?<=[\s\[(][A-Z]\.)(?=\s[A-Z]\.)|(?<=[a-z]\.)(?=\s[a-z]{2}))"
)
#: An inline image, read whole: `![[…]]` or `![alt](url)` (a url with one level of brackets,
#: as a formula's `svg.latex?P(A)` has, its "?" and "." no sentence's end); not a footnote's
#: `![^1]` nor a bracket with no url after it (`Wow![1]`, a citation), which follow an
#: exclamation.
IMAGE_IN_TEXT = r"!\[(?!\^)(?:\[[^\]\n]*+\]\]|[^\]\n]*+\]\((?:[^()\n]++|\([^()\n]*+\))*+\))"
SENTENCE = re.compile(
    rf".(?:[^。！？!?.\n]++|\n(?!\Z)|{_NOT_STOP}|{IMAGE_IN_TEXT})*+(?:[。！？!?]|{FULL_STOP}|$)",
    re.S,
)
#: A Markdown ATX heading's marks as a line starts: "## ", up to three spaces before them.
ATX_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+")

#: A file name by its extension: "config.yaml", "train.py" name files, not things to learn.
FILE_NAME = re.compile(
    r"\.(?:md|py|txt|json|ya?ml|csv|tsv|h5ad|h5|pt|pth|bin|sh|ipynb|pdf|png|jpe?g)$", re.I
)


_LINK_TARGET = re.compile(r"(?<!!)\[([^\]\n]*+)\]\((?:[^()\n]++|\([^()\n]*+\))*+\)")
_LABEL_END = re.compile(r"[\]\n]")


def _links_sub(pattern: re.Pattern[str], repl: Replacement, text: str) -> str:
    """`pattern.sub` for the link patterns above, linear however many `[` a line holds."""
    if pattern is _LINK_TARGET:
        return skipping_sub(pattern, repl, text, "[", _LABEL_END, local=_not_after_bang)
    return skipping_sub(pattern, repl, text, "[", _LABEL_END, bang=True)


def _not_after_bang(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] != "!"


def without_link_targets(text: str) -> str:
    """ "[**GemmBatchedEx**](https://...)" as its words: where a link points is not knowledge."""
    return _links_sub(_LINK_TARGET, GROUP_1, text) if "](" in text else text


_LOCAL_LINK = re.compile(r"\[[^\]\n]*\]\((?!#wikilink\))(?!\w+://)[^()\n]*\)")


def is_local_link(text: str) -> bool:
    """One link to a file or a heading of this vault: a table-of-contents entry, not a term."""
    return _LOCAL_LINK.fullmatch(text.strip()) is not None


@lru_cache(maxsize=NOTE_CACHE)
def strip_markup(text: str) -> str:
    """Plain reading text: links to their words, emphasis and inline code marks removed."""
    if "](" in text:
        text = _links_sub(_MD_LINK, GROUP_1, text)
    if "`" in text:
        text = INLINE_CODE.sub(GROUP_2, text)
    if "<" in text:
        text = _HTML_TAG.sub("", text)
    if "*" in text or "_" in text or "==" in text or "~~" in text:  # what emphasis is made of:
        # a lone "=" or "~" (most formulas) is not, and the text is not cut at its math
        text = _outside_math(text, _unemphasize)
    return text.replace("\u00a0", " ").strip()


def _unemphasize(text: str) -> str:
    if "*" not in text and "_" not in text and "==" not in text and "~~" not in text:
        return text  # no mark of emphasis: a stretch between two formulas, most often
    for _ in range(2):  # twice, for "***both***"; a pass that changed nothing ends it early
        before = text
        if len(text) <= SHORT:
            if "*" in text or "==" in text or "~~" in text:  # a delimiter `_EMPHASIS` needs
                text = _EMPHASIS.sub(GROUP_2, text)
            if "_" in text:
                text = _UNDERSCORE_EMPHASIS.sub(GROUP_2, text)
        else:  # the same, without scanning to the end of the line from every unclosed `*`
            text = delimited_sub(text, ("**", "*", "==", "~~"))
            text = delimited_sub(text, ("__", "_"), word_bounded=True)
        if text == before:
            break
    return text


def _outside_math(text: str, change: Callable[[str], str]) -> str:
    """Apply `change` to the text between `$...$` spans: `_` and `*` in LaTeX are not Markdown."""
    if "$" not in text:
        return change(text)
    out: list[str] = []
    last = 0
    for m in _MATH.finditer(text):
        out += [change(text[last : m.start()]), m.group()]
        last = m.end()
    out.append(change(text[last:]))
    return "".join(out)


# (a work's title in CJK brackets, "《内经》", "『源氏物語』", opens with its bracket, no symbol)
_DECORATION = re.compile(r"^[^\w\s$\\(（\[《「『]+\s*")


def without_item_mark(text: str) -> str:
    """`ITEM_MARK.sub("", text)`, after a test of the first character, which every list mark
    opens with (a space, `-`, `*`, `+` or a digit): most texts open otherwise, and the call into
    the regex engine cost more than the test."""
    first = text[:1]
    if first and (first in "-*+" or first.isspace() or first.isdecimal()):
        return ITEM_MARK.sub("", text)
    return text


@lru_cache(maxsize=NOTE_CACHE)
def strip_numbering(text: str) -> str:
    """ "2.1 注意力机制" -> "注意力机制"; also drops wrapping `**`, `Q:` and trailing `#`s."""
    text = text.strip().strip("*_ ").rstrip("#").strip()
    text = _NUMBERING.sub("", text, count=1).strip().strip("*_ ").strip()
    return QA_PREFIX.sub("", text).strip()


def is_decorated(text: str) -> bool:
    """Starts with an emoji or symbol: a section label ("📘 今日学习总结"), not a term."""
    return _DECORATION.match(text.strip().lstrip("？?")) is not None


@lru_cache(maxsize=NOTE_CACHE)
def units(text: str) -> int:
    """Length in reading units: a CJK character, a katakana word or a Latin word each count one."""
    return _ascii_words(text) if text.isascii() else _count_units(text)


# An ASCII `_WORD` is a run of letters, digits, `'`, `+` and `-` with a letter in it, from that
# letter to the run's end: the bytes of a text with its letters kept, the rest of such runs
# deleted and every other byte a space split into one piece a word
_ASCII_TAIL = b"0123456789'+-"
_ASCII_SPACED = bytes(c if chr(c).isalpha() or c in _ASCII_TAIL else 32 for c in range(128)) + (
    b" " * 128
)


def _ascii_words(text: str) -> int:
    """`len(_WORD.findall(text))` of an ASCII text, without a string made for each word: a
    translation and a split in C, a quarter of the `findall`'s cost."""
    return len(text.encode("ascii").translate(_ASCII_SPACED, _ASCII_TAIL).split())


# a run of units that count one a character (Han, hiragana), written `[…][…]*`, not `[…]+`:
# a pattern that opens with its class is skipped to from one such character to the next in C,
# one that opens with a repeat is tried at every character; and what counts one a run
_HAN = r"[\u3040-\u309f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_CHAR_UNITS = re.compile(f"{_HAN}{_HAN}*")
# (`[\u30a0-\u30ff]+|_WORD`, opening with one class as `_UNIT` does)
_RUN_UNIT = re.compile(rf"[\u30a0-\u30ff{LATIN}](?:(?<=[{LATIN}]){_WORD_TAIL}|[\u30a0-\u30ff]*)")


def _count_units(text: str) -> int:
    """`len(_UNIT.findall(text))`, which makes a string of every Han character of a CJK text:
    its Han and hiragana characters counted by length, a run at a time (what `subn` replaces),
    then its katakana words and Latin words. The classes share no character, so no match of
    one touches another's: they are looked for in what is left, each run a space that parts
    them as the run did, which is a fraction of a CJK text's length."""
    rest, runs = _CHAR_UNITS.subn(" ", text)
    words = _ascii_words(rest) if rest.isascii() else len(_RUN_UNIT.findall(rest))
    return len(text) - len(rest) + runs + words


def _at_least(pattern: re.Pattern[str], text: str, n: int) -> bool:
    """Whether `pattern` is found `n` times in `text`: the count stops there, where `findall`
    would list every match of a long paragraph to compare its length with 4."""
    return n <= 0 or next(islice(pattern.finditer(text), n - 1, None), None) is not None


def units_upto(text: str, n: int) -> int:
    """`min(units(text), n)`: the count stops at `n`; a long section is not read to its end."""
    ascii_only = text.isascii()
    if len(text) < 8 * n:  # too short to hold much more than n: a whole count is faster
        return min(n, _ascii_words(text) if ascii_only else _count_units(text))
    return sum(1 for _ in islice((_WORD if ascii_only else _UNIT).finditer(text), n))


def has_units(text: str, n: int) -> bool:
    """`units(text) >= n`, counting no further than `n`."""
    return _at_least(_WORD if text.isascii() else _UNIT, text, n)


# The tables' whole-text labels, asked of the same titles, terms and label words by a dozen
# rules (a pass over the corpus asked `STRUCTURAL_HEADING` 7,694 times of 3,351 texts): each match
# tries the words keyed by the text's first letter, many times the cost of a cache's lookup.


@lru_cache(maxsize=NOTE_CACHE)
def is_structural(text: str) -> bool:
    """`STRUCTURAL_HEADING.match(text)`: a heading that organises, "Summary", "总结"."""
    return STRUCTURAL_HEADING.match(text) is not None


@lru_cache(maxsize=NOTE_CACHE)
def is_list_label(text: str) -> bool:
    """`LIST_LABEL.match(text)`: a label over a list of things, "Types", "Advantages"."""
    return LIST_LABEL.match(text) is not None


@lru_cache(maxsize=NOTE_CACHE)
def is_label_word(text: str) -> bool:
    """`LABEL_WORD.match(text)`: a word that labels rather than names, "Example", "Note"."""
    return LABEL_WORD.match(text) is not None


@lru_cache(maxsize=NOTE_CACHE)
def has_cjk(text: str) -> bool:
    return not text.isascii() and _CJK_CHAR.search(text) is not None


# a character that may end a sentence of `SENTENCE`: a full stop, or CJK or Latin punctuation
_SENTENCE_STOP = re.compile(r"[。！？!?.]")


def cjk_before_stop(line: str) -> bool:
    """Whether a CJK character comes before every mark that may end a sentence in a line without
    line breaks: its first sentence (`SENTENCE`, which runs at least up to that mark) then holds
    CJK text, known without finding where that sentence ends. False says nothing either way."""
    if line.isascii():
        return False
    m = _CJK_CHAR.search(line)
    return m is not None and _SENTENCE_STOP.search(line, 0, m.start()) is None


#: A dash set off by spaces, as between a term and what it is ("Tempo - the speed", "**Safety** —
#: security"): no hyphen inside a word.
SPACED_DASH = re.compile(r"\s[-–—]\s")


@lru_cache(maxsize=NOTE_CACHE)
def without_urls(text: str) -> str:
    return _without_urls(_links_sub(_MD_LINK, GROUP_1, text) if "](" in text else text)


@lru_cache(maxsize=NOTE_CACHE)
def without_links(text: str) -> str:
    """Text with its links and URLs taken out, words and all: what is left besides them."""
    return _without_urls(_links_sub(_MD_LINK, "", text) if "](" in text else text)


def _without_urls(text: str) -> str:
    """`_URL.sub("", text)`, after a test in C for what every URL holds: most text has none,
    and the pattern is tried at every character (as `_MD_LINK` needs a "](")."""
    return _URL.sub("", text) if "://" in text or "www." in text else text


@lru_cache(maxsize=NOTE_CACHE)
def is_link_only(text: str) -> bool:
    """Nothing left once links, URLs and punctuation are taken out."""
    # "no unit" needs no count: a unit is there exactly when a Latin letter or a CJK character is
    if "](" not in text and "://" not in text and "www." not in text:
        return _UNIT_START.search(text) is None
    rest = without_urls(text)
    return _UNIT_START.search(rest) is None or _links_sub(_MD_LINK, "", text).strip() == ""


_WIKI_LINK = re.compile(r"!?\[\[[^\]\n]+\]\]")
#: The most words a pointer says around its link: "Please see … for more information." has five.
MAX_POINTER_UNITS = 8


def is_pointer(text: str) -> bool:
    """ "Please see [Motion](…) for more information.", "Siehe [[Kinematik]].": a link and a few
    words that send the reader to it. The link's title is what the card would show as its
    answer, yet it only names the page where the answer is. The sending word opens the line
    (a word such as "Please" may come first): "[[Osmosis]] moves water; see [[Diffusion]]"
    says something before it points on."""
    if "](" not in text and "[[" not in text:
        return False
    rest = _WIKI_LINK.sub(" ", without_links(text)).strip()
    if units(rest) > MAX_POINTER_UNITS:
        return False
    sent = SEE.search(rest)
    return sent is not None and units(rest[: sent.start()]) <= 1


@lru_cache(maxsize=NOTE_CACHE)
def looks_like_code(text: str) -> bool:
    """Code or a template: `f(x);`, `import x`, `{question}`. LaTeX in `$...$` is not code."""
    if "$" in text:
        text = _MATH.sub(" ", text)
    return (
        _CODE_START.match(text) is not None
        or (_may_hint(text) and _CODE_HINTS.search(text) is not None)
        or (("{" in text or "<" in text) and _TEMPLATE.search(text) is not None)
    )


def _may_hint(text: str) -> bool:
    """Whether `text` holds what every branch of `_CODE_HINTS` needs: searched in C, a literal
    is some hundred times faster than the pattern, which tries its branches at every character
    of a prose line."""
    return (
        ";" in text
        or "{" in text
        or "}" in text
        or "=" in text
        or "->" in text
        or "()" in text
        or ("." in text and "(" in text)
        or "++" in text
        or "&&" in text
        or "||" in text
    )


def is_mostly_code(text: str) -> bool:
    """More than half of the lines read as code: a snippet, not an answer."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    return sum(looks_like_code(ln) and not _cjk_prose(ln) for ln in lines) * 2 > len(lines)


_CJK_PROSE = re.compile(f"[{CJK}]{{4,}}[，。；：、][^，。；：、]*[{CJK}]{{4,}}")


def _cjk_prose(line: str) -> bool:
    """ "== 比较的是两个对象的内存地址，equals 默认…": CJK clauses around code words are prose
    about the code; a Chinese comment after code has no second clause."""
    return not line.isascii() and _CJK_PROSE.search(line) is not None


#: Obsidian tags that end a line (`…是什么？ #anki`, `Osmosis #bio #exam`): they file the line,
#: they are never its words. A tag opens with a letter (`#1` is a number).
_TRAILING_TAGS = re.compile(r"(?:[ \t]+#[^\W\d_][\w/-]*)+[ \t]*$")


def without_trailing_tags(text: str) -> str:
    """`text` without the tags that end its lines."""
    if "#" not in text:
        return text
    return "\n".join(_TRAILING_TAGS.sub("", line) for line in text.split("\n"))


def has_colon(text: str) -> bool:
    """A colon, ASCII or full-width: where a `Term: explanation` line parts, seen without a
    regex."""
    return ":" in text or "：" in text


def is_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


#: A mark after which a sentence must go on: a comma, an enumeration comma.
_HANGING_MARK = re.compile(r"[,，、]\s*$")
#: A word after which a Latin sentence must go on ("… irrespective of", "… between an").
_HANGING_WORD = re.compile(rf"(?<=\s)(?:{TERM_BAD_END.pattern})\s*$", re.I)


def is_cut(text: str) -> bool:
    """ "studies decision making when actors interact with", "… continuous (interval),": a
    line of hard-wrapped Latin prose that stops mid-sentence, on a comma, a function word or a
    copula; read alone it says nothing whole. Only for a line the next goes on from: a line of
    its own may end so and be whole ("… the noun it modifies refers to", "…, "). A CJK text is
    left to the caller: its writers end a whole thought on a comma often."""
    plain = strip_markup(text).rstrip()
    if has_cjk(plain[-12:]):
        return False
    return _HANGING_MARK.search(plain) is not None or _HANGING_WORD.search(plain) is not None


def _stops_on_word(text: str) -> bool:
    """`is_cut` on a function word or a copula only ("… when an", "… Vector space = a"): a line
    that ends on a comma may be whole, an item's last words before a line of its own."""
    plain = strip_markup(text).rstrip()
    if not plain[-1:].isalpha():
        return False  # the words `_HANGING_WORD` ends on end in a letter, CJK ones too
    return not has_cjk(plain[-12:]) and _HANGING_WORD.search(plain) is not None


#: The last word of a text, its closing markup aside.
_LAST_WORD = re.compile(r"(\w+)[*_`]*\s*$")


def stops_mid_sentence(text: str) -> bool:
    """ "… Collect only the vapour that", "… is again in the group, meaning that": a Latin text
    that ends on a function word (`is_cut`'s words) in lower case, where its sentence went on in
    what no card holds (a formula drawn as a picture, a blank, the next line). A copula or a
    verb may end a sentence whole ("… shows how fast the method is", "… a list of things to
    do"), a capital is a symbol ("A + B = B + A"), and a phrase of fewer words than a clause
    (`CLAUSE_WORDS`) is a gloss or a cell that may end so whole ("until / to", "none to speak
    of"): those are not cut."""
    if len(text.split()) < CLAUSE_WORDS or not _stops_on_word(text):
        return False
    m = _LAST_WORD.search(strip_markup(text))
    return m is not None and m[1].islower() and not CLAUSE_WORD.fullmatch(m[1])


def whole_sentences(text: str) -> str:
    """The sentences of `text` that end, without the fragment a cut leaves after them ("man is
    the measure of all things. Whatever appears true to a" -> "man is the measure of all
    things."); empty when no sentence ends."""
    ends = [m.end() for m in SENTENCE.finditer(text) if is_sentence(m.group())]
    return text[: ends[-1]].strip() if ends else ""


def continues_line(line: str) -> bool:
    """A line that goes on with the sentence of the line above, in prose wrapped by hand: it
    opens with a lower-case Latin letter, not with a list mark, markup or a symbol ("σ² = …")."""
    first = line.lstrip()[:1]
    return first.islower() and unicodedata.name(first, "").startswith("LATIN")


def _goes_on(line: str) -> bool:
    """`continues_line`, emphasis before the word or not ("*define* a vector space, and …"):
    a word the author stressed goes on with the sentence as well."""
    return continues_line(line.lstrip().lstrip("*_"))


#: How long a text read on over wrapped lines may grow (a definition's line is at most 400).
_READ_ON = 400
#: A line that opens with one display formula written whole on it ("$$k_1 \\alpha_1 + … = 0$$,
#: 则称 …"), not the opening of one set on lines of its own ("$$" alone).
_WHOLE_FORMULA = re.compile(r"\s*(?:\$\$(?=[^$]*\S)[^$]+\$\$|\\\[.+?\\\])")
#: Inline and display math, where a stop ("\\ldots", "…", "0.5", a formula's closing ".") is no
#: sentence's end.
_MATH_SPAN = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|\\\[.*?\\\]", re.S)


def _shows_formula(text: str, line: str) -> bool:
    """A line of the same block that opens with a display formula written whole on it, where
    `text`'s sentence is cut before it and goes on in it, in any script: the sentence leads into
    the formula (`FORMULA_LEAD`, `ANNOUNCES`, a Latin function word: "the update is", "…则",
    "其概率定义为"), or goes on after it on the formula's line ("…如果存在一组不全为0的数 $k_i$
    使得" + "$$k_1 \\alpha_1 + … = 0$$, 则称向量组线性相关"). A formula under a whole phrase
    ("Beneficio neto" + "$$BN = …$$") is a fact of its own, and a text that ends on the
    formula already has it."""
    m = _WHOLE_FORMULA.match(line)
    if m is None or text.rstrip().endswith(("$$", "\\]")):
        return False
    if line[m.end() :].strip(" \t.,;:。，；："):
        return True
    plain = strip_markup(text).rstrip()
    return bool(FORMULA_LEAD.search(plain) or ANNOUNCES.search(plain)) or _stops_on_word(text)


def _reads_on_in_words(text: str) -> bool:
    """Whether a line in lower case goes on with `text`'s sentence: Latin prose wrapped by hand,
    or a CJK sentence wrapped inside a Latin phrase ("一个抽象的virtual" + "base class, 没有…").
    A CJK text that ends on its own script is left as it is: its writers end a whole thought
    without a stop often, and a line under it may start a thought of its own."""
    last = text.rstrip()[-1:]
    return not has_cjk(text[-12:]) or (last.isascii() and last.isalpha())


def read_on(text: str, following: list[str], opens_entry: Callable[[str], bool]) -> str | None:
    """`text`, the end of a line, with the lines under it that go on with its sentence, in prose
    wrapped by hand ("moral reasons are universally binding, irrespective of" + "time, place,
    person."): up to the end of that sentence, never into a line that `opens_entry` (the next
    term). A sentence still cut then (`is_cut`) keeps the sentences before it that end; None
    when none does."""
    cut_at, wrapped = len(text), False
    for line in following:
        if is_sentence(text) or len(text) > _READ_ON or opens_entry(line):
            break
        if not (_shows_formula(text, line) or (_goes_on(line) and _reads_on_in_words(text))):
            break
        text, wrapped = f"{text} {line.strip()}", True
    if not wrapped:
        # a line cut on a function word that its paragraph goes on from: no whole sentence
        return (whole_sentences(text) or None) if following and _stops_on_word(text) else text
    # up to the end of the sentence that was cut: the lines may go on with sentences of their own
    # (a stop inside math ends no sentence: "$$k_1 \\alpha_1 + ... = 0$$")
    bare = _MATH_SPAN.sub(lambda m: "x" * len(m.group()), text) if "$" in text else text
    end = next(
        (m.end() for m in SENTENCE.finditer(bare) if m.end() > cut_at and is_sentence(m.group())), 0
    )
    if end:
        return text[:end].strip()
    return (whole_sentences(text) or None) if is_cut(text) else text


def is_first_person(text: str) -> bool:
    return FIRST_PERSON.search(text) is not None


#: A CJK work's title in its brackets and nothing else: "《神农本草经》", "『源氏物語』".
_WORK_TITLE = re.compile(r"《[^《》]+》|『[^『』]+』")
_SENTENCE_MARK = re.compile(r"[。！？!?，,；;：:、\"“”《》<>|=$\\\[\]]|&(?! )|\.\s")
_QUANTITY = re.compile(r"[\d\s.%/\-+]+[A-Za-z]{0,2}")
_ADDRESS = re.compile(r"\w@(?:[A-Za-z]+\d|[\w-]+\.\w)")


@lru_cache(maxsize=NOTE_CACHE)
def is_term(text: str, *, max_units: int = 10, titled: bool = False) -> bool:
    """A name, not a sentence: short, no sentence punctuation, not a label or a pronoun. With
    `titled`, a name in title case an action opens is one too (`_titled_name`): the caller has
    read what follows it as an explanation, where a title alone over sub-steps ("**Split
    Reaction**") is a step. Cached: a line's term is asked for by the glossary test, the
    definition rule and others."""
    plain = nfkc(strip_markup(text)).strip()
    if plain[:1] in {"《", "『"} and _WORK_TITLE.fullmatch(plain):
        plain = plain[1:-1]  # "《内经》": a work named by its title, brackets and all
    # NFKC turns "（" into "(": a bracket left in `plain` is one `PARENS` needs
    core = (PARENS.sub("", plain).strip() or plain) if "(" in plain or "（" in plain else plain
    # (sentence marks first: one search in C turns down more terms than any other test)
    if "." in core:  # "Volatile vs. Persistent Storage": the full stop of "vs." ends nothing
        core = VERSUS.sub(lambda m: m.group()[:-1], core)
    if _SENTENCE_MARK.search(core) or core.endswith((".", "…")):
        return False
    if len(core) <= 1 or len(core) > 60 or not 0 < units(core) <= max_units:
        return False
    if NUMBERED_LABEL.match(core) and not (STATEMENT_LABEL.match(core) and _names_something(plain)):
        return False  # "Lemma 2", "定理 5.1"; but "定理 5.1 (可逆矩阵与行列式)" names something
    if is_decorated(core) or "*" in core or CLAUSE_WORD.search(core):
        return False
    if ACTION.match(core) and not (titled and _titled_name(core)):
        return False
    if "_" in core or core.endswith("/") or FILE_NAME.search(core):
        return False  # an identifier, a folder, a file name
    if "@" in core and _ADDRESS.search(core):  # (the pattern tried at every letter)
        return False  # user@host or an e-mail address
    if plain.count("（") != plain.count("）") or plain.count("(") != plain.count(")"):
        return False  # cut out of a longer phrase
    if units(core) == 1 and has_cjk(core) and len(core) == 1:
        return False
    if _QUANTITY.fullmatch(core):
        return False
    if VALUE_LABEL.match(core) or is_structural(core) or LOG_LEVEL.match(core):
        return False
    if TERM_BAD_START.match(core):
        return False
    if is_clause(core):
        return False
    # "Why this chapter matters": the text speaking of itself names no term
    return not ends_badly(core) and SELF_MENTION.search(core) is None


#: The words of a name in title case that an action of the tables opens ("Open Ball").
_TITLED_WORDS = (2, 4)


def _titled_name(core: str) -> bool:
    """ "Open Ball", "Split TLB", "Open & Democratic Society": an action of the tables'
    `naming_actions` before capitalised words qualifies them, as an adjective or a noun, and
    the phrase names a thing; "Open the file" and "Draw a Sample", words in lower case after
    the verb, are orders. Title case alone tells nothing: "Create Account" is a step."""
    words = core.split()
    if not _TITLED_WORDS[0] <= len(words) <= _TITLED_WORDS[1] or not NAMING_ACTION.match(core):
        return False
    return all(w[:1].isupper() or w == "&" for w in words)


#: A name runs to a few words; from this many on, words mostly in lower case make a clause.
CLAUSE_WORDS = 6
_SPACED_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_clause(text: str) -> bool:
    """ "Existing law recognises the claims of the first", "Para hacer el análisis consideramos
    dos gastos": a stretch of prose, not a name. In languages that space their words a name of
    six words or more is written in title case or carries capitalised parts ("Dynamic Time
    Warping (DTW) for Clustering", "Cost of Cure vs Diminution of Value"); prose keeps most of its
    words in lower case. It reads word count and capitals, and the prepositions of the tables
    only where a head and one short phrase after one name a thing (`_head_and_phrase`)."""
    if text.count(" ") < CLAUSE_WORDS - 1 or has_cjk(text):
        return False
    words = _SPACED_WORD.findall(text)
    if len(words) < CLAUSE_WORDS:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return 3 * lower >= 2 * len(words) and not _head_and_phrase(text)


#: The most words of the head of a name as long as a clause ("Electric field") ...
_HEAD_WORDS = 2
#: ... and of the one phrase after its preposition and article ("point charge").
_PHRASE_WORDS = 3


def _head_and_phrase(text: str) -> bool:
    """ "Electric field of a point charge", "Lines on the treble clef staff": a head of a word
    or two, then a preposition of the tables and a short phrase, one name however many of its
    words are in lower case; "OS manages the memory of the process" and "Leadership in sport
    operates at multiple levels" say more before or after theirs."""
    if ARTICLE.match(text):
        return False  # "the extremes in dipole forces": a description, not a name
    words = text.split()
    for head in range(1, _HEAD_WORDS + 1):
        rest = " ".join(words[head:])
        m = HEAD_FOLLOWER.match(rest)
        if m is None or (m.end() < len(rest) and rest[m.end()].isalnum()):
            continue
        phrase = ARTICLE.sub("", rest[m.end() :].strip(), count=1).split()
        return 0 < len(phrase) <= _PHRASE_WORDS and not any(
            HEAD_FOLLOWER.fullmatch(w) for w in phrase
        )
    return False


_ROMAN = re.compile(r"^[ivx]+$", re.I)


def _names_something(text: str) -> bool:
    """A parenthesis that names the labelled thing: "(Closure)", "(秩)"; not "(a)" or "(ii)"."""
    for group in PARENS.findall(text):
        if has_cjk(group):
            return True
        if any(len(w) >= 3 and not _ROMAN.match(w) for w in re.findall(r"[A-Za-z]+", group)):
            return True
    return False


@lru_cache(maxsize=NOTE_CACHE)
def is_example_heading(heading: str) -> bool:
    """ "例 2", "场景举例", "Worked example": what follows illustrates, it does not define."""
    return EXAMPLE_HEADING.search(strip_numbering(strip_markup(heading)).strip()) is not None


def is_example_label(part: str) -> bool:
    """ "案例", "举个例子", "Example 1: …": a front that names an example, not a term."""
    return EXAMPLE_LABEL.search(strip_numbering(strip_markup(part)).strip()) is not None


_DIGIT = re.compile(r"\d")


def is_value(text: str) -> bool:
    """ "1.5h on 32 V100 GPUs", "≈60%（采样）": a measurement, nothing to understand."""
    if _DIGIT.search(text) is None:  # a measurement has a number, and markup adds none
        return False
    plain = PARENS.sub("", strip_markup(text)).strip()
    return VALUE_START.match(plain) is not None and units(plain) <= 6  # numbers are not units


#: A word of more than three characters (`[A-Za-z][\w'-]*` of that length: the short words are
#: passed over in the search, not listed and thrown away).
_TITLE_WORD = re.compile(r"[A-Za-z][\w'-]{3,}")


def is_title(text: str) -> bool:
    """ "Your Language Model is Secretly a Reward Model": a title, which explains nothing; so is
    a title with what a list of works cited adds after it (`_uncited`), and title case leaves a
    short word of the tables' `title_stopwords` in lower case ("Eliciting Knowledge from
    Language Models with Automatically Generated Prompts")."""
    plain = strip_markup(text).strip()
    if _ENDS_ON_YEAR.search(plain[-_YEAR_TAIL:]):  # (a year ends every citation: most end so)
        plain = _uncited(plain)
    if has_cjk(plain) or plain.endswith((".", "。", ":", ";")):
        return False
    words = [w for w in _TITLE_WORD.findall(plain) if w.casefold() not in TITLE_STOPWORDS]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


#: A year, as a citation dates a work.
_YEAR_DIGITS = r"(?:1[5-9]|20)\d\d"
_YEAR = re.compile(rf"(?<!\d){_YEAR_DIGITS}(?!\d)")
#: A year with at most a closing mark or two after it, the last thing a citation holds; looked
#: for in the last `_YEAR_TAIL` characters only, so that a long answer costs no more than a
#: short one.
_ENDS_ON_YEAR = re.compile(rf"(?<!\d){_YEAR_DIGITS}\W{{0,3}}$")
_YEAR_TAIL = 8
#: The year that closes a citation after a full stop or a comma: "… Prompts. 2020", "…, C. M.
#: Shetty, 2006.", with the comma a URL taken out before it leaves ("…, 2025, <url>").
_CITED_YEAR = re.compile(rf"[.,]\s*{_YEAR_DIGITS}\W{{0,3}}$")
#: The spaced dash before the source a work was found in ("… Self-Distillation - arXiv").
_SOURCE_DASH = " - "


def _uncited(plain: str) -> str:
    """`plain` without what a list of works cited adds after a title, where it ends so: the
    source and the date it was read ("Compressing Chain-of-Thought into Continuous Space via
    Self-Distillation - arXiv, accessed November 30, 2025,", its URL taken out), the authors'
    names and the year ("Theory and Algorithms, Mokhtar S. Bazaraa, …, 2006." keeps the names,
    which a title test counts as capitalised words) or the year alone ("… Prompts. 2020"). A
    sentence that ends on a year stays as it is ("… was not founded until 1935."): no full stop
    or comma stands before its year. A spaced dash parts a source off only where what follows
    it holds a year and a comma, as a source and the date it was read do; what is left before
    it must still read as a title ("the treaties that ended the war - signed at Münster, 1648"
    leaves a clause in lower case)."""
    head, dash, source = plain.rpartition(_SOURCE_DASH)
    if dash and head and _YEAR.search(source) and "," in source:
        return head.rstrip()  # "Title - Source, accessed <date>": the source holds the date
    cut = _CITED_YEAR.search(plain)
    return plain[: cut.start()].rstrip() if cut else plain


_BREADCRUMB = re.compile(r"\S\s*>\s*\S+\s*>")
_PATH = re.compile(r"[A-Za-z0-9_.~-]*(?:/[A-Za-z0-9_.~-]+)+/?|[A-Za-z0-9_~-]+\.[A-Za-z0-9]{1,5}")


_NAME_SIGNAL = re.compile(r"[A-Z][^A-Z]*[A-Z]|[a-z][A-Z]|\d|[A-Za-z][-/][A-Za-z]")


@lru_cache(maxsize=NOTE_CACHE)  # asked of a front by its rule and again when it is rated
def is_distinctive(term: str) -> bool:
    """A name that says on its own what it is ("LoRA", "t-SNE", "梯度消失问题", "Mean Absolute
    Error"), unlike a common word or two ("Sample", "More Data", "传统", "正样本") that needs its
    section to mean anything."""
    plain = strip_markup(term)
    if PARENS.search(plain):
        return True  # "困惑度 (Perplexity)": an alias pins it down
    if aspect_phrase(plain):
        return False  # "Physical Properties", "Security Considerations": an aspect of its section
    if _NAME_SIGNAL.search(plain):
        return True  # acronyms, CamelCase, versions, hyphenated names
    cjk = len(_CJK_CHAR.findall(plain))
    if cjk:
        return cjk >= 4 or _WORD.search(plain) is not None
    return len(_WORD.findall(plain)) >= 3


#: A capital inside a word: an acronym or a CamelCase name ("TCP", "LoRA", "iPhone").
_INNER_CAPITAL = re.compile(r"\w[A-Z]")


def is_capitalised_phrase(term: str) -> bool:
    """A common word or two that only their capitals make look like a name ("Data Handling",
    "Bad News", "External Services"): `is_distinctive` by them alone, which a heading's title
    case ("Photoelectric Effect") needs, but a list's term written that way may be the same
    point about whatever its section is about as a lowercase one ("Data handling"). Three
    capitalised words with no mark of a name among them ("Stock Market Response", "Typical
    Growth Rate") are such a point too: their number alone makes them distinctive."""
    plain = strip_markup(term)
    if not is_distinctive(plain) or _INNER_CAPITAL.search(plain) is not None:
        return False
    lower = plain.lower()
    if not is_distinctive(lower):
        return True
    words = plain.split()
    return (
        len(words) == _CAPITALISED_WORDS
        and all(word[0].isupper() for word in words)
        and _NAME_SIGNAL.search(lower) is None
        and PARENS.search(plain) is None
        and not has_cjk(plain)
    )


#: How many capitalised common words a list's term may run to and still make no name.
_CAPITALISED_WORDS = 3


# a number that opens a term and words after it, an ordinal's ending of two lower-case letters
# between them at most ("12 weeks", "1st group", "2e groupe", "9-10th Nov 1938", "5 to 21 days
# before birth"; not a name the number is part of, "5G", "3D printing", "4bit NormalFloat",
# "401(k)"); or the number closing a
# term in a series ("Response #1", "Phase #2")
_SERIES_POINT = re.compile(r"^\d[\d.,:/–-]*[^\W\dA-Z_]{0,2}\.?\s+\S|#\s?\d+$")


def is_series_point(term: str) -> bool:
    """`term` is a point of a series, not a name: a time, an age, a count or a rank that
    opens it ("12 weeks", "23-25 weeks", "1st group", "5 to 21 days before birth") or a
    number that closes it ("Response #4"). Under an item or a heading it says where its line
    stands among its siblings (the weeks of a pregnancy, the groups of an experiment, the
    replies to an objection), and alone it does not say what the series is of: every blind
    judge who read `12 weeks` or `1st group` bare junked it as naming no subject."""
    plain = strip_markup(term).strip()
    return _SERIES_POINT.search(plain) is not None


# a decade ("1960s", "'90s", "1960er", "1950年代") or a span between two years or dates ("1914 -
# 11 November 1918", "1919-23", "c1500-1700")
_PERIOD_MARK = re.compile(r"\d0(?:s|er|年代)(?!\w)|\d{3,4}\s*[-–—~]\s*\d")
_LETTER = re.compile(r"[^\W\d_]")


def is_period(title: str) -> bool:
    """`title` names a stretch of time and nothing else: a decade or a span of years, with no
    more words than numbers around them ("Early 2000s", "Late 1960s and 1970s", "July 1914 - 11
    November 1918"). Under a heading of a history it says which part of that history its section
    tells, and alone it names no subject: the blind judges junked each such front read bare. A
    name that holds a year ("Windows 2000", "Threats to the Weimar Republic 1919-23") is none."""
    plain = PARENS.sub("", strip_markup(title))
    if _PERIOD_MARK.search(plain) is None:
        return False
    numbers = words = 0
    for token in plain.split():
        if _DIGIT.search(token):
            numbers += 1
        elif _LETTER.search(token):
            words += 1
    return words <= numbers


# "**Free**, **unbound**, and **water-soluble drugs** are filtered", "**Firma**, **Sitz** und
# **Gegenstand**", "**预训练学知识**，**指令微调学格式**": bold spans in a row, set apart by commas
_BOLD_SERIES = re.compile(
    rf"^(?:\*\*|__)[^*_\n]+(?:\*\*|__)\s*[,，、]\s*(?:(?:{JOINER.pattern})\s*)?(?:\*\*|__)(?=\S)",
    re.I,
)


def is_bold_series(text: str) -> bool:
    """`text` opens with a series of bold terms, the first set off from the next by a comma.

    The series is the sentence's subject, each term one of its kind: the first is no term
    that the rest of the line explains, so a comma after it sets off no definition. Every
    blind judge who read such a line split at its first comma junked the card as broken."""
    return text.startswith(BOLD_OPENERS) and _BOLD_SERIES.match(text) is not None


#: How many words a title naming an aspect by its last word runs to ("Key Design Considerations").
_ASPECT_WORDS = 3
#: How many words two aspects joined run to ("Mechanical and Thermal Properties").
_JOINED_ASPECT_WORDS = 5


def aspect_phrase(plain: str) -> bool:
    """A few words ending on a word that makes them an aspect of something (`ASPECT_HEAD`:
    "Physical Properties", "Key Assumptions", "Security Considerations"): an aspect of what its
    section names, which says what kind of fact it is but not whose. Two aspects joined
    ("Definition and global properties", "Historical Evolution & Features") are one too: the
    joiner, not a name, made them longer."""
    words = plain.rstrip(":：").split()
    n = len(words)
    if not 1 < n <= _JOINED_ASPECT_WORDS or ASPECT_HEAD.match(words[-1]) is None:
        return False
    return n <= _ASPECT_WORDS or any(w == "&" or JOINER.fullmatch(w) for w in words[1:-1])


_LIST_MARKS = "、；;，,/"  # what `is_enumeration` splits on
# (not a comma between digits: "3,2 millions", a decimal comma of French or German, lists nothing)
_LIST_MARK = re.compile(r"[、；;，/]|(?<!\d),|,(?!\d)")


#: Names in a list run a word or three ("loss function, learning rate"); clauses run longer.
_NAME_WORDS = 3.5


def is_enumeration(text: str) -> bool:
    """ "损失函数、激活函数；学习率": a list of names, nothing said about them. The examples a
    description ends with ("the genetic makeup, e.g. TT, tt, Tt") are not the text's list, and
    clauses between commas ("cannot act alone, only in pairs, rarely seen") are not names."""
    if sum(map(text.count, _LIST_MARKS)) < 2:  # three names need two marks (counted in C)
        return False
    tail = EXAMPLE_TAIL.search(text)
    if tail is not None:
        text = text[: tail.start()]
    if is_sentence(text):
        return False  # (tested first: most texts with commas are sentences, read no further)
    plain = PARENS.sub("", strip_markup(text))
    parts = [p.strip() for p in _LIST_MARK.split(plain) if p.strip()]
    if len(parts) < 3:
        return False
    sizes = [units(p) for p in parts]
    if max(sizes) > 6:
        return False
    return has_cjk(plain) or sum(sizes) <= _NAME_WORDS * len(sizes)


def is_instruction(text: str) -> bool:
    """ "If yes, code as such": a branch of a checklist, not an answer to learn."""
    return BRANCH.match(strip_markup(text)) is not None


#: Letters a word holds on average in a text that says enough with a word fewer: compound
#: words say in one what English says in two ("Außerachtlassen der Sorgfalt", "Durch reguläre
#: Ausdrücke", "Willenserklärung (von L)").
_LONG_WORDS = 5
_LATIN_LETTER = re.compile(f"[{LATIN}]")


def says_enough(text: str, n: int) -> bool:
    """`n` units, or a unit fewer of long Latin words (`_LONG_WORDS` letters each on average)."""
    if has_units(text, n):
        return True
    if text.isascii() or n < 3:
        return False
    return has_units(text, n - 1) and _at_least(_LATIN_LETTER, text, _LONG_WORDS * n)


@lru_cache(maxsize=NOTE_CACHE)
def is_explanation(text: str, *, min_units: int = 4, long: bool = False) -> bool:
    """Enough said to learn from: words, not a link, a value, a list of names or a question."""
    if is_link_only(text):
        return False
    plain = strip_markup(without_urls(text)).strip()
    words = without_urls(text)
    if "`" in words:
        words = INLINE_CODE.sub(" ", words)
    if not says_enough(words, min_units) or plain.endswith((":", "：")):
        return False  # paths, identifiers and values in `code` are not an explanation
    if long:  # a whole answer: lists of names and "a > b" in math are fine there
        only_a_question = "\n" not in plain and plain.endswith(("?", "？"))
        return not only_a_question and not is_mostly_code(plain)
    if plain.endswith(("?", "？")) or looks_like_code(plain) or is_enumeration(plain):
        return False
    if is_value(plain) or is_title(plain) or ANNOUNCES.search(plain):
        return False
    if _PATH.fullmatch(plain):
        return False  # "data_raw/k562_standardized.h5ad": where a file is, not what a thing is
    if ">" in plain and _BREADCRUMB.search(plain):  # 首页 > news > 正文
        return False
    return not (has_cjk(plain) is False and not _at_least(_WORD, plain, 3))


def names_kind(text: str) -> bool:
    """ "study of neurons", "the energy of motion": a kind and what it is of, three words (an
    article before them aside). Too short for `is_explanation`, it still puts the term in its
    class, as a glossary's short answers do; two words ("Common Era") or a label do not."""
    plain = strip_markup(text).strip().rstrip(".;")
    words = ARTICLE.sub("", plain, count=1).split()
    if len(words) != 3 or not all(w.isalpha() for w in words) or has_cjk(plain):
        return False
    m = KIND_OF.match(" ".join(words))
    return m is not None and " " not in m.group("kind") and not words[0][0].isupper()


# what is left of a text once markup, math delimiters, punctuation and spaces are gone
_NOT_CONTENT = re.compile(
    r"[\W_]+|(?<![A-Za-z])(?:hat|bar|frac|left|right|quad|dots|ldots|cdots)(?![A-Za-z])"
)


#: How much longer than its front a back may be and still say nothing new: "$$\n…\n$$", "A: "
_MARKUP_ROOM = 16


def restates(front: str, back: str) -> bool:
    """ "Show that $E(\\hat\\beta_1)=\\beta_1$ is unbiased." -> "A: $E(\\hat\\beta_1)=\\beta_1$",
    "BN: … $BN = ?$" -> "$$BN = ...$$": the back's words and symbols are all in the front already,
    in order, so recalling it teaches nothing (an answer label is not part of the answer)."""
    if len(back) > len(front) + _MARKUP_ROOM:
        return False  # more to say than the front holds: most backs, told without a regex
    said = _NOT_CONTENT.sub("", ANSWER_MARK.sub("", back.strip(), count=1)).casefold()
    return bool(said) and said in _NOT_CONTENT.sub("", front).casefold()
