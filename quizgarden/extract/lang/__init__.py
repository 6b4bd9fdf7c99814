"""Language as data: one small table per language, and the patterns rules build from them.

Rules match structure (headings, list items, tables, callouts); where a rule needs words (the
copula of a defining sentence, how a question opens, which heading only organises), it asks this
module, which joins the tables of every language: a vault mixes languages, often in one note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from re import _parser  # type: ignore[attr-defined]

from . import de, en, es, fr, it, ja, pt, zh
from .table import Table

TABLES: tuple[Table, ...] = (
    en.TABLE,
    zh.TABLE,
    ja.TABLE,
    de.TABLE,
    es.TABLE,
    fr.TABLE,
    it.TABLE,
    pt.TABLE,
    ja.TABLE,
)

__all__ = [
    "ACTION",
    "ADDITIVE",
    "ADVICE_HEADING",
    "ANNOUNCES",
    "ANNOUNCING",
    "ANSWER_MARK",
    "APPOSITIVE",
    "APPROXIMATION",
    "ARGUMENT_LEAD",
    "ARTICLE",
    "ASCII_COPULA_WORD",
    "ASCII_LIST_COPULA_WORD",
    "ASIDE_LABEL",
    "ASKING",
    "ASKING_INSTRUCTION",
    "ASPECT_HEAD",
    "ASPECT_HEADER",
    "ASPECT_LEAD",
    "BACK_FIELD",
    "BARE_ASKING",
    "BOLD_LEAD",
    "BRANCH",
    "CALLED_BOLD",
    "CALLING",
    "CASE_CLOSER",
    "CASE_OPENER",
    "CHOICE_ANSWER",
    "CLASS_OF",
    "CLAUSE_TAIL",
    "CLAUSE_WORD",
    "COMMA_NAMED",
    "COMPARISON",
    "COMPLEMENT_WORD",
    "CONCLUSION",
    "CONDITION",
    "CONTINUES",
    "COPULA",
    "COPULA_ADVERB",
    "COPULA_NEGATION",
    "COPULA_WORD",
    "COUNTED_KIND",
    "COUNT_LEAD",
    "DECK_NAME",
    "DEFINING",
    "DEFINITION_LABEL",
    "DEICTIC",
    "DEICTIC_COMPLEMENT",
    "DEICTIC_COPULA",
    "DEICTIC_PLURAL",
    "DEMONSTRATIVE",
    "DETERMINER",
    "EFFECT",
    "EXAMPLE_HEADING",
    "EXAMPLE_LABEL",
    "EXAMPLE_MARK",
    "EXERCISE",
    "FIELD_NAME",
    "FIRST_PERSON",
    "FIRST_PERSON_SINGULAR",
    "FORMULA_DEFINER",
    "FORMULA_LEAD",
    "FRAME_LEAD",
    "FRAME_OPENER",
    "FRAME_START",
    "FRONT_FIELD",
    "GENERIC_FRONT",
    "GENERIC_PERSON",
    "GERUND",
    "GLOSSARY_HEADING",
    "GLOSS_HEADER",
    "HEAD_FOLLOWER",
    "INDEX_HEADER",
    "INSTRUCTION_TITLE",
    "INTRODUCING_LEAD",
    "INTRO_HEADING",
    "JOINER",
    "JOINER_WORD",
    "JOINING_WORD",
    "KIND_COUNT",
    "KIND_OF",
    "LABEL_WORD",
    "LEAD_IN",
    "LEGEND_CLAIM",
    "LEGEND_OPENER",
    "LINKING_LEAD",
    "LINKING_VERB",
    "LIST_COPULA",
    "LIST_COPULA_WORD",
    "LIST_LABEL",
    "LIST_VERB",
    "LOCALIZER",
    "NAMED_BOLD",
    "NAMED_PLAIN",
    "NAMED_STATEMENT",
    "NAMER",
    "NAMING",
    "NAMING_COPULA",
    "NAMING_FRAMES",
    "NAMING_LEAD",
    "NARRATION",
    "NO_ANSWER",
    "NUMBERED_LABEL",
    "NUMBERED_SECTION",
    "NUMBER_MARK",
    "OPENER",
    "OPEN_CLAUSE",
    "ORDINAL_PART",
    "PARTICIPLE",
    "PART_HEADING",
    "PASSIVE",
    "PHRASE_FOLLOWER",
    "PLACEHOLDER",
    "PLACE_PREPOSITION",
    "PLAIN_NAMER",
    "PLAIN_VERB",
    "PLURAL_NOUN",
    "POINTER",
    "POINT_LABEL",
    "PREDICATE_OPENER",
    "PREPOSITION",
    "PREVIEW",
    "PROCEDURE_HEADING",
    "PROOF",
    "PROOF_HEADING",
    "PROOF_HINT",
    "PROOF_LABEL",
    "PROOF_START",
    "PRO_FORM",
    "QA_PREFIX",
    "QUESTION",
    "QUESTION_OPENER",
    "QUESTION_WORD_ONLY",
    "QUOTE_OPEN",
    "REFERENCE_HEADING",
    "REFERENCE_TITLE",
    "RELATED",
    "RELATED_WIDTH",
    "RELATION_HEADING",
    "RELATIVE_CLASS",
    "RELATIVE_WORD",
    "RESTATING_LEAD",
    "RESULT_HEADING",
    "REVEAL_LABEL",
    "REWRITING_LEAD",
    "RHETORICAL",
    "SECTION_LABEL",
    "SECTION_OPENER",
    "SEE",
    "SELF_MENTION",
    "SELF_REF",
    "SETUP_OPENER",
    "SETUP_WORD",
    "SOLUTION_LEAD",
    "SPACE_NAMER",
    "SPEECH_VERB",
    "STAGE_NAME",
    "STATEMENT_LABEL",
    "STATEMENT_START",
    "STEP_HEADING",
    "STEP_LEAD",
    "STRUCTURAL_HEADING",
    "SUBJECT_STOPWORD",
    "SUPERLATIVE",
    "SYMBOL_NAMER",
    "TABLES",
    "TERM_BAD_END",
    "TERM_BAD_START",
    "THANKS",
    "TITLE_STOPWORDS",
    "TOPIC_SUFFIX",
    "TO_READER",
    "VALUE_LABEL",
    "VALUE_START",
    "VERDICT",
    "WEAK_NAMER",
    "Table",
    "asks",
    "copula_adverb",
    "ends_asking",
    "ends_badly",
    "negates_copula",
    "vocabulary",
]


def _words(*fields: str) -> list[str]:
    """Every table's entries for `fields`, longest first so that "is a" loses to "is defined as"."""
    out = {w for table in TABLES for field in fields for w in getattr(table, field)}
    return sorted(out, key=lambda w: (-len(re.sub(r"\(\?<?[!=][^)]*\)", "", w)), w))


def _latin(word: str) -> bool:
    """Words between spaces; a CJK entry has no word boundaries to match."""
    return not any("\u3040" <= ch <= "\u9fff" for ch in word)  # kana and Han


# a whole word ends where no letter or hyphen follows; an elided one ("qu'", "lorsqu'", "c'")
# runs straight into the next word
_WORD_END = r"(?:(?<=['’])|(?![\w-]))"


def _alternation(words: list[str], *, ignore_case: bool = True, ascii_text: bool = False) -> str:
    """Latin words match whole words; CJK entries match anywhere (no spaces between words).

    Each group tells its words apart by their first character (see `_keyed`), and both groups
    open with one class of all those characters: the regex engine skips from one such character
    to the next instead of trying hundreds of words at every position, and the word-boundary
    check runs once per candidate position, not once per word.

    `re` skips ahead only on a leading class that `re.I` does not apply to (or that holds no
    letters), and never on an alternation of groups that each open with a class: so the one
    class lists every case of its characters and is kept out of `re.I` by `(?-i:…)`. It may
    admit more than the words' first characters (both cases where the pattern is compiled
    without `re.I`): each word checks its first character again with a lookbehind, under the
    pattern's own flags, so what matches is the same. `ignore_case=False`, for a pattern
    compiled without `re.I`, lists the characters as they are. `ascii_text`, for a pattern
    only ever asked about a text of ASCII characters, lists only their ASCII cases: a class of
    ASCII characters alone is tested a character at a time from a table of 256 bits.
    """
    spaced = [w.replace(" ", r"\s+") for w in words]
    latin = [w for w in spaced if _latin(w)]
    cjk = [w for w in spaced if not _latin(w)]
    keyed_latin, keyed_cjk = _keyed(latin), _keyed(cjk)
    if keyed_latin is None or keyed_cjk is None:  # a word opens with no plain character
        groups = []
        if latin:
            groups.append(
                rf"[{_chars(keyed_latin[0])}](?<!\w.){keyed_latin[1]}{_WORD_END}"
                if keyed_latin
                else rf"(?<!\w)(?:{_factored(latin)}){_WORD_END}"
            )
        if cjk:
            groups.append(
                f"[{_chars(keyed_cjk[0])}]{keyed_cjk[1]}" if keyed_cjk else f"(?:{_factored(cjk)})"
            )
        return "|".join(groups) or "(?!)"
    # each group checks first that the character read is one of its own, at once: else it
    # tries the lookbehind of each of its words in turn. The Latin group asks first that no word
    # character comes before the letter: most letters the class stops at are inside a word, and
    # fail there with one test instead of two
    groups = []
    if latin:
        groups.append(rf"(?<!\w.)(?<=[{_chars(keyed_latin[0])}]){keyed_latin[1]}{_WORD_END}")
    if cjk:
        groups.append(f"(?<=[{_chars(keyed_cjk[0])}]){keyed_cjk[1]}")
    if not groups:
        return "(?!)"
    firsts = {*keyed_latin[0], *keyed_cjk[0]}
    if ignore_case:
        firsts = {case for c in firsts for case in _cases(c)}
    if ascii_text:
        firsts = {c for c in firsts if c.isascii()}
    return f"(?-i:[{_chars(sorted(firsts))}])(?:{'|'.join(groups)})"


def _chars(chars: Iterable[str]) -> str:
    """The inside of a class of `chars` (`_DIGIT` among them as it is)."""
    return "".join(c if c == _DIGIT else re.escape(c) for c in chars)


#: Characters `re.I` takes for a Latin letter besides its cases: "İ" and "ı" for "i", "ſ" for
#: "s", the Kelvin sign for "k", the Angstrom sign for "å", "ẞ" for "ß".
_OTHER_CASES = "\u0130\u0131\u017f\u212a\u212b\u1e9e"


def _cases(c: str) -> set[str]:
    """`c` and every character that `re.I` takes for it (tests/test_lang_tables.py proves it
    for each first character of the tables' words)."""
    if c == _DIGIT:
        return {c}
    cases = {f for f in (c, c.lower(), c.upper()) if len(f) == 1}
    return cases | {x for x in _OTHER_CASES if re.fullmatch(re.escape(c), x, re.I)}


_NOT_AFTER = re.compile(r"^\(\?<!(\[[^\]]*\])\)")  # "(?<![还但])是": not after these


def _keyed(words: list[str]) -> tuple[list[str], str] | None:
    """`ab` and `(?:(?<=a)(?:…)|(?<=b)(?:…))`: the words' first characters, and the words grouped
    by them, in their order (the longest of those that match at a position still wins). None
    when a word does not start with a plain character or a digit, as `(?:x|y)` or `\\w` do. A
    leading `(?<![…])` of a word moves after its first character as `(?<![…].)`, and a leading
    `^` as `(?<=\\A.)`: a word read only where the text starts leaves the others their class."""
    keyed = _by_first(words)
    if keyed is None:
        return None
    branches = "|".join(f"(?<={_chars([c])})(?:{_factored(rests)})" for c, rests in keyed.items())
    return list(keyed), f"(?:{branches})"


def _by_first(words: list[str]) -> dict[str, list[str]] | None:
    """The words' rests by their first characters, in their order, as `_keyed` writes them;
    None where it writes none."""
    keyed: dict[str, list[str]] = {}
    for entry in words:
        extra = ""
        if m := _NOT_AFTER.match(entry):
            extra, entry = f"(?<!{m.group(1)}.)", entry[m.end() :]
        elif entry.startswith("^"):
            extra, entry = r"(?<=\A.)", entry[1:]
        for word in _unfolded(entry):
            if (opened := _opening(word)) is None:
                return None
            keyed.setdefault(opened[0], []).append(extra + opened[1])
    if _DIGIT in keyed and any(re.fullmatch(_DIGIT, c) for c in keyed):
        return None  # a digit written out would match where `\\d` does: their order would count
    return keyed


def _space_led(words: list[str]) -> str:
    """`\\s(?:_alternation(words))\\s` for a text whose only whitespace is plain spaces, led by
    one: `re` skips to a literal first character with a fast scan, where a leading `\\s` costs a
    class test at every character. After the space, a lookahead for the words' first letters,
    then each letter's words led by a class of its cases: the engine tests a branch's leading
    class without a jump, where each letter's lookbehind (`_alternation`'s form) was one, tried
    in turn at every such letter after a space. The lookbehinds for a word's start and for its
    letter hold wherever a space comes first. Words that are not all Latin, or that `_keyed`
    cannot key, keep `_alternation`'s form after the space."""
    spaced = [w.replace(" ", r"\s+") for w in words]
    keyed = _by_first(spaced) if all(map(_latin, spaced)) else None
    if not keyed:
        return f" (?:{_alternation(words)})\\s"
    firsts = sorted({case for c in keyed for case in _cases(c)})
    branches = "|".join(
        f"(?-i:[{_chars(sorted(_cases(c)))}])(?:{_factored(rests)})" for c, rests in keyed.items()
    )
    return f" (?=(?-i:[{_chars(firsts)}]))(?:{branches}){_WORD_END}\\s"


#: A word may open with any digit ("\\d+ kinds of …"): its key, which the leading class holds
#: as it is, as it holds a letter, where a word that opened with no plain character left the
#: whole pattern to be tried at every character.
_DIGIT = r"\d"


def _opening(word: str) -> tuple[str, str] | None:
    """A word's first character and what follows it (`\\d+…` is `\\d` and `\\d*…`), or None
    when it opens otherwise or its first character repeats or may be missing."""
    if word.startswith(_DIGIT) and word[2:3] not in {"?", "*", "{"} and word[3:4] != "?":
        return _DIGIT, (_DIGIT + "*" + word[3:] if word[2:3] == "+" else word[2:])
    if not word or word[0] in "\\()[].^$*+?{|" or word[1:2] in {"?", "*", "+", "{"}:
        return None
    return word[0], word[1:]


# what makes a character more than itself in a pattern, where it opens a word's rest
_META = frozenset("\\()[].^$*+?{}|")


def _factored(rests: list[str]) -> str:
    """`'|'.join(rests)`, the rests that open with the same character written under it once:
    `s\\s+a|st|s` is `s(?:\\s+a|t|)`. The engine tries the words of an alternation one by one,
    each a jump into it under `re.I`, at every position a group's character stands; factored,
    it tries only the characters that may come next, and then only the words that follow them.

    The words are tried in the same order. A word moves ahead of others only past words that
    open with a plain character no case of which is its own (they cannot match where it does),
    and never past one that opens otherwise (a class, a group, an escape, an empty rest, a
    character made optional) or holds an alternation of its own; so the first word to match at
    a position is the same, and so are the spans (tests/test_lang_tables.py, on every table)."""
    items: list[str | tuple[str, list[str]]] = []  # a rest as it is, or a character and its tails
    opened: dict[str, list[str]] = {}  # since the last word that cannot be moved past
    for rest in rests:
        c = rest[:1]
        if not c or c in _META or rest[1:2] in {"?", "*", "+", "{"} or "|" in rest:
            items.append(rest)
            opened = {}
        elif c in opened:
            opened[c].append(rest[1:])
        else:
            if any(_same_letter(c, other) for other in opened):
                opened = {}  # ("k" and "K", "s" and "ſ"): both match one character
            opened[c] = [rest[1:]]
            items.append((c, opened[c]))
    return "|".join(item if isinstance(item, str) else _opened(*item) for item in items)


def _opened(c: str, tails: list[str]) -> str:
    """`c` and the alternation of what may follow it (`ab`, `a(?:b|c)`)."""
    inner = _factored(tails)
    return re.escape(c) + (f"(?:{inner})" if len(tails) > 1 or "|" in inner else inner)


def _same_letter(a: str, b: str) -> bool:
    """Whether `re.I` takes `a` for `b` or `b` for `a` (its cases are a relation of equals)."""
    return re.fullmatch(re.escape(a), b, re.I) is not None or (
        re.fullmatch(re.escape(b), a, re.I) is not None
    )


def _unfolded(word: str) -> list[str]:
    """`word` with the group it opens with unfolded, in the order the engine tries them:
    `(?:exam|study) tips?` is `exam tips?|study tips?` and `(?:my )?legend` is `my legend|legend`,
    so that each can be keyed by its first character. A word that opens otherwise, or with a
    group repeated (`*`, `+`, `{`) or lazy (`??`), is left whole."""
    if not word.startswith("(?:"):
        return [word]
    depth, alternatives, start, i = 0, [], 3, 0
    while i < len(word):
        c = word[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: its "(", ")" and "|" are characters
            i += 2 if word[i + 1 : i + 2] in {"]", "^"} else 1
            while i < len(word) and word[i] != "]":
                i += 2 if word[i] == "\\" else 1
            i += 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                break
        elif c == "|" and depth == 1:
            alternatives.append(word[start:i])
            start = i + 1
        i += 1
    else:
        return [word]
    alternatives.append(word[start:i])
    rest = word[i + 1 :]
    if rest[:1] in {"*", "+", "{"} or rest[:2] == "??":
        return [word]
    if rest[:1] == "?":  # greedy: the group first, then without it
        rest = rest[1:]
        alternatives.append("")
    return [w for a in alternatives for w in _unfolded(a + rest)]


def _cjk_words(field: str) -> str:
    """The CJK entries of `field` as one alternation (no word boundaries to match)."""
    return "|".join(w for w in _words(field) if not _latin(w)) or "(?!)"


def _latin_words(field: str) -> str:
    """The Latin entries of `field` as one alternation of whole words."""
    words = [w.replace(" ", r"\s+") for w in _words(field) if _latin(w)]
    return rf"(?<!\w)(?:{'|'.join(words)})(?![\w-])" if words else "(?!)"


def vocabulary() -> str:
    """Every entry of every table, as one text: what the rules fingerprint hashes."""
    return repr(TABLES)


_STRUCTURAL = _alternation(_words("structural_headings"))
#: A heading that organises a text rather than names something to learn ("Summary", "总结").
STRUCTURAL_HEADING = re.compile(rf"^(?:{_STRUCTURAL})$", re.I)
#: The last word of a short title naming an aspect of its section: "(Security) Considerations".
ASPECT_HEAD = re.compile(rf"^(?:{_alternation(_words('aspect_heads'))})$", re.I)
#: A label of the point its section makes: "Key Insight", "Main Driver"; whose
#: point it is, an item or a heading above names.
POINT_LABEL = re.compile(rf"^(?:{_alternation(_words('point_labels'))})$", re.I)
#: A heading over links to other notes, each told how it relates: "Related Concepts", "相关概念".
RELATION_HEADING = re.compile(rf"^\W*(?:{_alternation(_words('relation_headings'))})", re.I)
#: A label that asks for the list under it: "Causes", "Symptômes", "优点".
LIST_LABEL = re.compile(rf"^(?:{_alternation(_words('list_labels'))})$", re.I)
#: A lead-in ending on a verb that lists what its subject holds: "…的内容体系包括", "…有两种类型".
LIST_VERB = re.compile(rf"(?:{_alternation(_words('list_verbs'))})$", re.I)
#: A heading that sets two things against each other: "Hubs vs. Bridges", "单播与组播的区别".
COMPARISON = re.compile(_alternation(_words("comparisons")), re.I)
#: An abbreviation that sets two names against each other, with its full stop: "vs. ".
VERSUS = re.compile(
    rf"(?<![^\W\d_])(?:{'|'.join(re.escape(w) for w in _words('versus'))})\.(?=\s)", re.I
)
#: A word that labels something without naming it: "N.B", "Example", "Beispiel".
LABEL_WORD = re.compile(rf"^(?:{_alternation(_words('label_words'))})$", re.I)
#: The label of a remark beside the matter, not a name: "Note", "Caution", "注意", "Hinweis".
ASIDE_LABEL = re.compile(rf"^(?:{_alternation(_words('aside_labels'))})$", re.I)
#: A label of an aspect of its section ("General Rule", "Principle"): a front once its section
#: names what it is about.
SECTION_LABEL = re.compile(rf"^(?:{_alternation(_words('section_labels'))})$", re.I)
_SECTION_LABEL_WORDS = [
    w for w in _words("section_label_words", "structural_headings") if _latin(w)
]
_FILLER_WORDS = [w for w in _words("articles", "prepositions", "joiners") if _latin(w)]


def _led(words: list[str]) -> str:
    """`words` as one alternation that reads a title's first letter once: a class of every
    first letter, kept out of `re.I` as `_alternation`'s is, and the words under each letter.

    Asked at a heading's every word, the plain alternation tried each of hundreds of words in
    turn; unlike `_alternation`, no word start is asked for ("3Summary" is a label's word) and
    no elision ends a word: what the heading's pattern matches is the same."""
    keyed = _keyed(words)
    if keyed is None:  # a word opens with no plain character
        return f"(?:{'|'.join(words)})"
    firsts = sorted({case for c in keyed[0] for case in _cases(c)})
    return f"(?-i:[{_chars(firsts)}]){keyed[1]}"


#: A heading made only of words that label a section of a course, numbers and small words
#: between them ("Chapter 3 Summary", "Likely exam questions with model answers", "Why care?").
SECTION_LABEL_HEADING = re.compile(
    rf"^[\W\d_]*{_led(_SECTION_LABEL_WORDS)}(?![\w-])"
    rf"(?:[\W\d_]*{_led(_SECTION_LABEL_WORDS + _FILLER_WORDS)}(?![\w-]))*[\W\d_]*$",
    re.I,
)
#: A true/false mark after a statement of a drill: "T", "F", "vero", "falsch".
VERDICT = re.compile(rf"(?:{'|'.join(_words('verdicts'))})", re.I)
#: A Dataview key that is metadata whatever its value: "author", "status".
FIELD_NAME = re.compile(rf"^(?:{_alternation(_words('field_names'))})$", re.I)
#: A copula that defines whatever its subject: "X refers to …", "X 是指 …".
NAMING_COPULA = re.compile(_alternation(_words("naming_copulas")), re.I)
#: Subject, copula, rest: "LoRA is a fine-tuning method …", "感受野是指 …", "Ein Enzym ist ein …".
_COPULAS = _alternation(_words("copulas", "naming_copulas"))
COPULA = re.compile(rf"\s*(?P<verb>{_COPULAS})\s*", re.I)
#: Any copula or a bare one ("is", "ist"): how an item of a list of definitions goes on.
_LIST_COPULAS = _alternation(_words("copulas", "naming_copulas", "bare_copulas"))
LIST_COPULA = re.compile(rf"\s*(?P<verb>{_LIST_COPULAS})\s*", re.I)
#: The same words bare, to test whether a text holds one: the leading `\s*` of LIST_COPULA makes
#: the engine try it at every character.
LIST_COPULA_WORD = re.compile(_LIST_COPULAS, re.I)


def _ascii(words: list[str]) -> list[str]:
    """The words a text of ASCII characters may hold: one with another letter ("é", "è", "à",
    "是") never matches such a text, as none of those letters is a case of an ASCII one
    (tests/test_lang_tables.py)."""
    return [w for w in words if w.isascii()]


#: `LIST_COPULA_WORD` for a text of ASCII characters, as a third of the texts searched for a
#: copula are: their first characters looked for by a class of ASCII letters alone, a table of
#: 256 bits, not one that holds every script's characters.
ASCII_LIST_COPULA_WORD = re.compile(
    _alternation(_ascii(_words("copulas", "naming_copulas", "bare_copulas")), ascii_text=True),
    re.I,
)
#: What opens a predicate that is passive or adverbial ("used to …", "clearly assigned").
PASSIVE = re.compile(rf"^(?:{'|'.join(_words('passive_marks')) or '(?!)'})(?![\w-])", re.I)
#: What opens a predicate that is no copula: "has …", "returns …", "can …".
PREDICATE_OPENER = re.compile(
    rf"^(?:{'|'.join(_words('predicate_openers')) or '(?!)'})(?![\w-])", re.I
)
#: A subject's last word in the plural: "points", "Enzymes".
PLURAL_NOUN = re.compile(rf"^(?:{'|'.join(_words('plural_nouns')) or '(?!)'})$", re.I)
_FUNCTION_WORDS = _alternation(
    _words("articles", "joiners", "prepositions", "relatives", "term_enders", "term_openers")
)
#: A verb's plain form, as it agrees with a plural subject: "give …", "occur …"; never a
#: function word ("Patents of …", "Cells that …").
PLAIN_VERB = re.compile(
    rf"^(?!(?:{_FUNCTION_WORDS})(?![\w-]))(?:{'|'.join(_words('plain_verbs')) or '(?!)'})(?![\w-])"
)
#: Any copula, as a plain alternation to build other patterns from.
COPULA_WORD = re.compile(_COPULAS, re.I)
#: `COPULA_WORD` for a text of ASCII characters (see `ASCII_LIST_COPULA_WORD`).
ASCII_COPULA_WORD = re.compile(
    _alternation(_ascii(_words("copulas", "naming_copulas")), ascii_text=True), re.I
)
#: A first word that makes a sentence's subject a pronoun or a clause: "This", "Es", "这".
SUBJECT_STOPWORD = re.compile(rf"^(?:{_alternation(_words('subject_stopwords'))})", re.I)
#: A pronoun anywhere: a question that points at its context ("Does it hold?", "这里为什么").
DEICTIC = re.compile(_alternation(_words("deictic")), re.I)
#: A word that joins two names or makes a phrase of one ("Overfitting and underfitting",
#: "ResNet的目标"): a subject with one is not a term.
JOINER = re.compile(_alternation(_words("joiners")), re.I)
#: How a paragraph that continues a text opens ("Next, …", "接下来…"): it explains no heading.
OPENER = re.compile(rf"^(?:{_alternation(_words('openers'))})", re.I)
#: A table column header that means "what the row's term means".
GLOSS_HEADER = re.compile(rf"^(?:{_alternation(_words('gloss_headers'))})$", re.I)
#: A table column header that numbers the rows: "No.", "Index", "序号".
INDEX_HEADER = re.compile(rf"^(?:{_alternation(_words('index_headers'))})$", re.I)
_ARTICLES = "|".join(w if w.endswith("'") else w + r"\s+" for w in _words("articles"))
#: A leading article: "The ", "Der ", "l'".
ARTICLE = re.compile(rf"^(?:{_ARTICLES})", re.I)


def _at_end(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether `pattern`, anchored at a text's end by `$`, is found in a text: searched from as
    many characters before the end as its widest match spans (and a line break, which `$` may
    stand before), where a search from the start tried the pattern at every character of the
    text. Its lookbehinds still see the text before that position. A pattern whose matches
    have no widest (a repeat without bound) is searched whole."""
    widest = _parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    if widest >= _parser.MAXREPEAT:
        return lambda text: pattern.search(text) is not None
    reach = widest + 1
    return lambda text: pattern.search(text, max(0, len(text) - reach)) is not None


def _search_at_end(pattern: re.Pattern[str]) -> Callable[[str], re.Match[str] | None]:
    """`pattern.search` of a pattern anchored at a text's end by `$`: the same match, since
    every match ends there and spans no more than the widest, searched only from where that
    one may start (`_at_end`); a pattern with no widest match is searched whole."""
    widest = _parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    if widest >= _parser.MAXREPEAT:
        return pattern.search
    reach = widest + 1
    return lambda text: pattern.search(text, max(0, len(text) - reach))


_QUESTION_WORDS = _words("question_words")
# a Latin question word must lead into more words: "Comment" alone is a heading, not a question
_STARTS = _alternation([w for w in _QUESTION_WORDS if _latin(w)])
_CJK_STARTS = "|".join(w for w in _QUESTION_WORDS if not _latin(w))
# an ending written from the line's start ("^…的作用") is tried there, with the question words:
# in the alternation of endings the engine searches, it was tried at every position
_LINE_ENDS = "|".join(w[1:] for w in _words("question_ends") if w.startswith("^")) or "(?!)"
_ENDS = "|".join(w for w in _words("question_ends") if not w.startswith("^")) or "(?!)"
#: A sentence that asks: opens with a question word or ends like a question.
# ...and a question word must ask about something: "简述？" alone asks nothing
_ASKS_FIRST = rf"^(?:¿|(?:{_STARTS})(?=\s+\S)|(?:{_CJK_STARTS})(?=[^?？])|(?:{_LINE_ENDS})$)"
_ASKS_LAST = rf"(?:[?？]|{_ENDS})$"
QUESTION = re.compile(f"{_ASKS_FIRST}|{_ASKS_LAST}", re.I)
#: A question a text asks itself to go on talking: "缺点是啥呢？".
RHETORICAL = re.compile(rf"(?:{_alternation(_words('rhetorical_ends')) or '(?!)'})[?？]$")
#: A line that ends as a question does, with no mark needed: "…是什么", "火的使用对…的作用".
_ENDS_ASKING_WHOLE = rf"^(?:{_LINE_ENDS})[?？]?$"
_ENDS_ASKING = rf"(?:{_ENDS})[?？]?$"
ASKING_END = re.compile(f"{_ENDS_ASKING_WHOLE}|{_ENDS_ASKING}", re.I)
# a spaced language's question word that is also one of its own verbs ("is", "can", "ist",
# "kann") opens a predicate as often as a question ("Can be used to …", "Are a hazard to …")
_BARE_QUESTION_WORDS = {
    w
    for table in TABLES
    for w in table.question_words
    if not _latin(w) or w not in {*table.clause_words, *table.predicate_openers}
}
_BARE_STARTS = _alternation([w for w in _QUESTION_WORDS if w in _BARE_QUESTION_WORDS])
#: A line that asks with no question mark: a question word opens it ("什么是机械制造技术",
#: "What is a primary key"), or an instruction of an exam question does ("列出…", "Define …").
BARE_ASKING = re.compile(
    rf"^(?:(?:{_BARE_STARTS})(?=\s*[^\s?？])"
    rf"|(?P<instruction>{_alternation(_words('asking_instructions'))})(?=\s*\S))",
    re.I,
)
#: An instruction of an exam question that opens a line, whatever else the language asks with:
#: "Explain …", "Nennen Sie …", "Expliquez …", "解释…".
ASKING_INSTRUCTION = re.compile(
    rf"^(?:{_alternation(_words('asking_instructions'))})(?=\s*\S)", re.I
)
#: A question word that opens a question, with the space after it: "What ", "Is ", "什么是".
QUESTION_OPENER = re.compile(rf"^(?:(?:{_STARTS})\s+|(?:{_CJK_STARTS})\s*)", re.I)
#: A question word and nothing it asks about: "Who?", "Warum?", "为什么？".
QUESTION_WORD_ONLY = re.compile(rf"^(?:{_alternation(_QUESTION_WORDS)})\s*[?？]?$", re.I)
#: A sentence that asks in words, whatever its last mark: "Why …", "为什么…", "…とは何か？".
ASKING = re.compile(
    rf"^(?:¿|(?:{_STARTS})(?=\s+\S)|(?:{_CJK_STARTS})(?=[^?？])|(?:{_LINE_ENDS})[?？]?$)"
    rf"|(?:{_ENDS})[?？]?$",
    re.I,
)
#: A preposition that opens a phrase: "According to …", "Unter …"; such a phrase is no term.
PREPOSITION = re.compile(rf"^(?:{_alternation(_words('prepositions'))})", re.I)
#: A preposition that places what follows in a field: "In statistics, X is …", "En economía, …".
PLACE_PREPOSITION = re.compile(rf"^(?:{_alternation(_words('place_prepositions'))})", re.I)
#: A heading over steps rather than results: "Derivation", "Beweis", "推导过程".
PROOF_HEADING = re.compile(rf"^(?:{_alternation(_words('proof_headings'))})$", re.I)

#: The writer speaking of themself ("I think", "我们"): a diary, not a definition. Case matters.
FIRST_PERSON = re.compile(_alternation(_words("first_person"), ignore_case=False))
_PLURAL_PERSON = set(_words("first_person_plural"))
#: The first person that speaks for anyone in a clause narrowing a class ("the process by
#: which we select …"): the words of `first_person` a match of `FIRST_PERSON` may be.
GENERIC_PERSON = frozenset(_words("generic_person"))
#: A number spelled out: "Part Two" counts a part of a course as "Part 2" does.
SPELLED_NUMBER = frozenset(w.casefold() for w in _words("spelled_numbers"))
#: The first person of one writer ("I", "我", "笔者"): a diary's voice, where "we" may be a
#: textbook's.
FIRST_PERSON_SINGULAR = re.compile(
    _alternation([w for w in _words("first_person") if w not in _PLURAL_PERSON], ignore_case=False)
)
#: The plural first person telling the writer's own course ("我们已经实现了…", "我们首先需要…"):
#: the person, at most a few characters, then a word of the tables' `narration`.
NARRATION = re.compile(
    rf"(?:{_alternation(sorted(_PLURAL_PERSON), ignore_case=False)})[^，,。；;：:\n]{{0,4}}?"
    rf"(?:{_alternation(_words('narration'), ignore_case=False)})"
)
#: A heading that ends so is a topic label ("训练流程", "Model comparison"), not a term.
TOPIC_SUFFIX = re.compile(rf"(?:{_alternation(_words('topic_suffixes'))})$", re.I)
#: Labels that carry a link or a value, never knowledge: "原始论文：<url>", "Code:".
VALUE_LABEL = re.compile(rf"^(?:{_alternation(_words('value_labels'))})$", re.I)
#: The first header of a comparison table, over the aspects its other columns are compared in.
ASPECT_HEADER = re.compile(rf"^(?:{_alternation(_words('aspect_headers'))})$", re.I)
#: How a phrase that is not a term opens: "This …", "如果 …", "Step 3 …".
TERM_BAD_START = re.compile(rf"^(?:{_alternation(_words('term_openers'))})", re.I)
#: How a phrase cut out of a sentence ends: "… of", "… 的".
TERM_BAD_END = re.compile(rf"(?:{_alternation(_words('term_enders'))})$", re.I)
#: `TERM_BAD_END.search(text) is not None`, searched from where such an ending may start.
ends_badly = _at_end(TERM_BAD_END)
_asks_first = re.compile(_ASKS_FIRST, re.I).match
_asks_last = _at_end(re.compile(_ASKS_LAST, re.I))
_ends_asking_whole = re.compile(_ENDS_ASKING_WHOLE, re.I).match
_ends_asking = _at_end(re.compile(_ENDS_ASKING, re.I))


def asks(text: str) -> bool:
    """`QUESTION.search(text) is not None`: its opening part matched at the start, and its
    ending part searched only where an ending may start (`_at_end`)."""
    return _asks_first(text) is not None or _asks_last(text)


def ends_asking(text: str) -> bool:
    """`ASKING_END.search(text) is not None`, in the same two parts as `asks`."""
    return _ends_asking_whole(text) is not None or _ends_asking(text)


#: The last word of a phrase that is a clause cut before its verb, not a name: a relative
#: ("Faute de jeu qui" + "consiste à …") or a personal pronoun ("… like you" + "are in …"), lower
#: case as running text writes them. A hyphen before it joins a name ("Add-on").
CLAUSE_TAIL = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(w.replace(" ", r"\s+") for w in _words("relatives", "subject_pronouns") if _latin(w))
    + r")\s*$"
)
#: A word that makes a phrase a clause ("LoRA is robust", "需要注意"). Lower case only: a title
#: capitalises its "Is".
CLAUSE_WORD = re.compile(_alternation(_words("clause_words"), ignore_case=False))
_NUMBER = r"[一二三四五六七八九十\d]"
#: A label and a number, nothing else: "Lemma 2", "定理 5.1", "第三章".
NUMBERED_LABEL = re.compile(
    rf"^(?:第{_NUMBER}+(?:部分|[篇章节步个点条种])"
    rf"|(?:{'|'.join(_words('numbered_labels'))})\s*[一二三四五六七八九十\d.]*[a-z]?)$",
    re.I,
)
#: The label of a statement, which a parenthesis may name: "Theorem 5.1 (Rank)".
STATEMENT_LABEL = re.compile(rf"^(?:{'|'.join(_words('statement_labels'))})", re.I)
#: A statement's label, perhaps numbered, up to the bracket that opens its name, as a block
#: opens with it: "***Definition* (", "*[Theorem]* **(", "**定理 4.2 (", "**Satz 3 (".
NAMED_STATEMENT = re.compile(
    rf"[*_\[【]*[ \t]*(?:{_alternation(_words('statement_labels'))})(?![^\W\d_])[*_\]】]*[ \t]*"
    r"(?:\d+(?:[.\-]\d+)*[a-z]?'?[ \t]*)?[*_\]】]*[ \t]*[:：]?[ \t]*[*_]*[ \t]*[（(]",
    re.I,
)


def _label_start(key: str) -> frozenset[str]:
    """The characters a block that opens with a label of the tables' `key` may open with: its
    emphasis, a bracket, or the first letter of a label in either case (a test in C before the
    pattern)."""
    return frozenset("*_[【" + "".join(w[0].lower() + w[0].upper() for w in _words(key)))


STATEMENT_START = _label_start("statement_labels")
PROOF_START = _label_start("proof_labels")
#: A proof labelled as a statement is, as a block opens with it: set off by its emphasis or
#: brackets ("*[Proof]*", "*Proof.* Let …", "***Proof***:", "**证明**：") or alone on its line
#: ("Beweis:", "证明："); not a sentence that opens with the word, nor a plain label with text
#: after it on its line ("- 证：某一阶段的病理概括", a term and its gloss).
PROOF_LABEL = re.compile(
    rf"[*_\[【]*[ \t]*(?:{_alternation(_words('proof_labels'))})"
    r"(?:[.:：。]?[*_\]】]+|[ \t]*[:：.。]?[ \t]*$)",
    re.I | re.M,
)
DECK_NAME = re.compile(rf"^(?:{_alternation(_words('deck_names'))})$", re.I)
DEFINITION_LABEL = re.compile(rf"^(?:{'|'.join(_words('definition_labels'))})$", re.I)
_NOUN_SUFFIX = "".join(_words("noun_suffixes"))
#: An instruction, not a name: "设定初始参数", "Draw a Sample" (a step of a procedure).
ACTION = re.compile(
    rf"^(?:(?:{_cjk_words('actions')})(?![{_NOUN_SUFFIX}])\S|{_latin_words('actions')})", re.I
)
#: The action words that open a name written in title case too: "Open Ball", "Split TLB".
NAMING_ACTION = re.compile(rf"^{_latin_words('naming_actions')}", re.I)
#: "Q:", "问题：" before a question.
QA_PREFIX = re.compile(rf"^(?:{'|'.join(_words('question_labels'))})\s*[:：]\s*", re.I)
#: "A:", "答：" before an answer.
FRONT_FIELD = re.compile(rf"^(?:{_alternation(_words('front_fields'))})$", re.I)
BACK_FIELD = re.compile(rf"^(?:{_alternation(_words('back_fields'))})$", re.I)
REVEAL_LABEL = re.compile(rf"^(?:{_alternation(_words('reveal_labels'))})$", re.I)
ANSWER_MARK = re.compile(rf"^\s*(?:{'|'.join(_words('answer_labels'))})\s*[:：]\s*", re.I)
#: The line that names a multiple-choice question's right option, its letter and, often, the
#: option's text again: "**Answer: B) Load balancer**", "正确答案：C", "- Lösung: (a)".
CHOICE_ANSWER = re.compile(
    rf"^[ \t]*(?:[-*+>][ \t]*)*(?:\*\*|__)?(?:{'|'.join(_words('choice_answer_labels'))})"
    r"[ \t]*(?:\*\*|__)?[ \t]*[:：][ \t]*(?:\*\*|__)?[ \t]*"
    # the letter, closed by a bracket or a stop, or alone on the line ("Answer: A simple …" is
    # no key)
    r"\(?(?P<letter>[A-Ha-h])(?:\)|[.、．](?!\w)|(?=[ \t]*(?:\*\*|__)?[ \t]*$))"
    r"[ \t]*(?P<text>.*?)[ \t]*(?:\*\*|__)?[ \t]*$",
    re.I,
)
#: A heading over an example: "例 2", "场景举例", "Worked example".
EXAMPLE_HEADING = re.compile(
    rf"(?:{_alternation(_words('example_suffixes'))})\s*(?:[\d.]+[a-z]?)?$"
    rf"|^(?:{_alternation(_words('example_words'))})",
    re.I,
)
#: A front that only labels an example: "案例", "举个例子", "Example 1: Affine Space Projection".
#: The example words alone, not the suffixes a heading may end with ("适用场景", "负例" name
#: things to learn).
EXAMPLE_LABEL = re.compile(
    rf"^(?:{_alternation(_words('example_words'))})"
    rf"|(?:{_alternation(_words('example_words'))})\s*(?:[\d.]+[a-z]?)?$",
    re.I,
)
#: A front that opens on an example word in brackets: "（例）练习1题1", "(Example) Two firms",
#: "(e.g.) …", "(Beispiel) …": the author tags a worked example or an exercise, not a term.
EXAMPLE_TAG = re.compile(
    r"^[(（\[【]\s*"
    rf"(?:{_alternation(_words('example_words', 'example_marks', 'example_suffixes'))})"
    r"\s*[)）\]】]",
    re.I,
)
#: An example named anywhere in a line ("In this example:", "Consider the following toy example,
#: for each task:", "举个例子："): a lead-in to one illustrates, it says nothing of its heading.
EXAMPLE_MENTION = re.compile(_alternation(_words("example_words")), re.I)
#: A number, perhaps approximate: "≈60%", "about 3 days", "约 2 小时".
VALUE_START = re.compile(rf"^(?:[≈~<>≤≥]|{_alternation(_words('approximations'))})?\s*\d", re.I)
#: What says a number is approximate or a bound, before it: "≈", "about", "约", "vers".
APPROXIMATION = re.compile(
    rf"(?:[≈~<>≤≥]|(?:{_alternation(_words('approximations'))})(?![^\W\d_]))\s*", re.I
)
#: "设 X 服从正态分布, 则": the statement goes on in the formula below.
ANNOUNCES = re.compile(rf"(?:{_alternation(_words('announcers'))})\s*[,，]?$", re.I)
#: "The surface brightness is given by", "其概率定义为": a sentence that names what the formula
#: below computes, and ends where the formula takes over.
FORMULA_LEAD = re.compile(rf"(?:{_alternation(_words('formula_leads'))})\s*[,，]?$", re.I)
#: "The distance … is defined as", "其闭包定义为:": what defines a quantity by the inline formula
#: right after it.
FORMULA_DEFINER = re.compile(rf"(?:{_alternation(_words('formula_definers'))})\s*[:：]?\s*$", re.I)
#: "$\\mu$ is the coefficient of friction", "$k$ 表示劲度系数": what joins a symbol to its name.
SYMBOL_NAMER = re.compile(rf"\s*(?:{_alternation(_words('symbol_namers'))})\s*", re.I)
#: "是", "为": a namer that also makes claims ("$X$ 是对称矩阵").
WEAK_NAMER = re.compile(rf"\s*(?:{_alternation(_words('weak_namers'))})\s*$", re.I)
#: "$t$ 为任意实数", "$x$ is any …": a claim about a symbol where its name would stand.
LEGEND_CLAIM = re.compile(rf"(?:{_alternation(_words('legend_claims'))})", re.I)
#: "where", "wobei", "其中": what opens the legend of a formula.
#: A joining or relative word of a Latin-script language ("and", "which", "und", "qui"): where a
#: name in running text ends and a clause begins, and where a second legend may open.
JOINER_WORD = _latin_words("joiners")
JOINING_WORD = JOINER_WORD + "|" + _latin_words("relatives")
LEGEND_OPENER = re.compile(rf"(?:{_alternation(_words('legend_openers'))})\s*[,，]?\s*$", re.I)
#: "If yes, code as such": a branch of a checklist.
BRANCH = re.compile(rf"^\W*(?:{_alternation(_words('branch_openers'))})", re.I)
#: The end of a front that introduces a quotation: "Einstein said", "报告指出".
SPEECH_VERB = re.compile(rf"(?:{_alternation(_words('speech_verbs'))})$", re.I)
#: An opening quotation mark: what follows is someone's words.
QUOTE_OPEN = re.compile(r"^\s*[“「『\"„«]")
#: Fronts that say nothing without the section they sit in: "不同点", "Challenges".
GENERIC_FRONT = re.compile(rf"^(?:{_alternation(_words('generic_fronts'))})$", re.I)
#: The end of a paragraph that announces a list or a formula instead of saying something.
LEAD_IN = re.compile(rf"[:：]\s*$|{_alternation(_words('lead_ins'))}", re.I)
#: The end of a list item left open for the items nested under it to complete: "… because:".
OPEN_CLAUSE = re.compile(
    rf"[^\w$]+(?:{_alternation(_words('open_connectives'))})\s*[:：]?\s*$", re.I
)
#: "你将收获什么？": a text speaking to its reader.
TO_READER = re.compile(_alternation(_words("to_reader")), re.I)
#: A paragraph that opens or reads so defines what its heading names.
DEFINING = re.compile(_alternation(_words("defining_phrases")), re.I)
#: A paragraph that opens so says what its heading is, through a pronoun: "This is a bone …".
DEICTIC_COPULA = re.compile(rf"^(?:{_alternation(_words('deictic_copulas'))})\s+", re.I)
#: ...those of them that take a plural complement: "These are large muscles …".
DEICTIC_PLURAL = re.compile(rf"^(?:{_alternation(_words('deictic_plural'))})\s+", re.I)
#: ...and the words that may open the complement of one in place of an article: "This is how …".
DEICTIC_COMPLEMENT = re.compile(rf"^(?:{_alternation(_words('deictic_complements'))})\s", re.I)
#: Words a title is counted without.
TITLE_STOPWORDS = frozenset(w.casefold() for w in _words("title_stopwords"))
#: A question heading that points at its section: "Why is it important here?", "这里为什么".
POINTER = re.compile(_alternation(_words("pointers")), re.I)
#: A determiner that points its noun back at the text before: "in this case", "these ideas".
DEMONSTRATIVE = re.compile(_alternation(_words("demonstratives")), re.I)
#: A phrase that ends on a word standing for a thing named elsewhere: "A few relevant ones".
PRO_FORM = re.compile(rf"(?:^|\s)(?:{_alternation(_words('pro_forms'))})$", re.I)
#: Words that send the reader to a linked page: "Please see [Motion](…) for more information".
SEE = re.compile(_alternation(_words("see_words")), re.I)
#: How a paragraph that does not explain the heading above it opens: "Next, …", "接下来".
SECTION_OPENER = re.compile(rf"^(?:{_alternation(_words('section_openers'))})", re.I)
#: A paragraph that sets up notation: "Let $A$ be …", "Sean $A, B$ dos matrices …", "设G0是 …".
#: A CJK phrase opening with a setup word ("假设", "设"): a supposition, not a name.
SETUP_WORD = re.compile(rf"^(?:{_cjk_words('setup_openers')})")
#: A setup opener followed within four words by a symbol (inline math; after a CJK opener, a
#: Latin letter too): what follows names symbols, not the heading above it.
SETUP_OPENER = re.compile(
    rf"^(?:(?:{_latin_words('setup_openers')})\s+(?:[^\s$]+\s+){{0,4}}\$"
    rf"|(?:{_cjk_words('setup_openers')})\s*[$A-Za-z])",
    re.I,
)
#: A class and what restricts it to one thing, as a copula's complement opens (its article
#: read already): "substance that keeps …", "process by which …", "Protein, das …", "méthode qui".
RELATIVE_CLASS = re.compile(
    rf"^(?P<cls>(?:[^\W\d_][\w'-]*\s+){{0,3}}[^\W\d_][\w'-]*)\s*,?\s+"
    rf"(?:{_alternation(_words('relatives'))})\s",
    re.I,
)
#: A relative word right after a word: "the theory that …", "ein Protein, das …"; the same
#: words point back when they open a sentence ("That is …").
RELATIVE_WORD = re.compile(
    rf"(?:(?<=[^\W\d_]\s)|(?<=[^\W\d_],\s))(?:{_alternation(_words('relatives'))})", re.I
)
#: "Then", "entonces", "则": the set-up before it was a theorem's, and the paragraph states it.
CONCLUSION = re.compile(_alternation(_words("conclusions")), re.I)
#: "基于此，", "However, ": a sentence's opener that leans on the sentence before, with its comma.
CARRIED_OPENER = re.compile(rf"^(?:{_alternation(_words('carried_openers'))})\s*[,，、]?\s*", re.I)
#: A paragraph that only points at related pages: "Related posts", "相关阅读".
RELATED = re.compile(rf"^(?:{_alternation(_words('related_labels'))})\s*[:：]?$", re.I)
#: The most characters other than spaces a text RELATED matches may hold: an entry's source
#: is no shorter than what it matches while it repeats nothing (`+`, `*`, `{n}`); the colon.
RELATED_WIDTH = (
    max(map(len, _words("related_labels"))) + 1
    if not any(mark in w for w in _words("related_labels") for mark in "+*{")
    else 1 << 30
)
#: Headings that name a part of a text, not what a formula is about: "Setup", "公式".
PART_HEADING = re.compile(rf"^(?:{_alternation(_words('part_headings'))})$", re.I)
_PROOF_LABEL = _alternation(_words("proof_labels"))
#: "Proof.", "证明：": a proof opens here.
PROOF = re.compile(rf"^(?:{_PROOF_LABEL})\s*[.:：。]", re.I)
#: A cheap test before `PROOF`, on text that still has its markup.
PROOF_HINT = re.compile(rf"^\W{{0,8}}(?:{'|'.join(_words('proof_labels'))})", re.I)
#: A lead that makes the formula after it a step of a derivation: "substituting", "代入".
#: A lead that ends by saying the line before turns into the formula below (`… becomes:`,
#: `此时上式变为:`): it points back at that line and names no quantity of its own.
REWRITING_LEAD = re.compile(rf"(?:{_alternation(_words('rewriting_leads'))})", re.I)
STEP_LEAD = re.compile(
    rf"{_alternation(_words('step_leads'))}|^\W*(?:\[?(?:{_PROOF_LABEL})\]?)\W*$", re.I
)
#: A lead, or a lead's last clause, that is all connective (`Thus:`, `Then we have:`, `Solving for
#: $t$:`, `于是可得：`, `Differentiating … yields:`, `If`): the formula after it is the next step of
#: an argument, and the lead names nothing to ask it by.
ARGUMENT_LEAD = re.compile(rf"^(?:{_alternation(_words('argument_leads'))})$", re.I)
#: A whole lead that says the line before again (`i.e.`, `Equivalently,`, `即：`): the formula
#: after it is that line rewritten, no fact of its own.
RESTATING_LEAD = re.compile(rf"^(?:{_alternation(_words('restating_leads'))})$", re.I)
#: A heading over one numbered step or case of a worked problem: "Step 3: …", "Caso 2", "第二步".
STEP_HEADING = re.compile(
    rf"^(?:(?:{_alternation(_words('step_headings'))})\s*(?:\d{{1,2}}|[一二三四五六七八九十]+)(?![\d.])"
    rf"|第[\d一二三四五六七八九十]+步)",
    re.I,
)
#: A lead that opens the worked answer of an exercise: "Ans.", "**Solution:**", "解：".
SOLUTION_LEAD = re.compile(
    rf"^\W*(?:{_alternation(_words('solution_labels'))})\s*(?:[.:：]|$)", re.I
)
#: A word in Latin letters that ends as a past participle or a gerund does: "Developed",
#: "Calculating".
PARTICIPLE = re.compile(rf"[A-Za-z]+(?:{'|'.join(_words('participle_endings')) or '(?!)'})\b")
GERUND = re.compile(rf"[A-Za-z]+(?:{'|'.join(_words('gerund_endings')) or '(?!)'})\b")
#: An imperative that poses an exercise: "Find …", "Solve …", "Berechne …", "求 …".
EXERCISE = re.compile(rf"^(?:{_alternation(_words('exercise_verbs'))})(?![^\W\d_])", re.I)
#: A table cell that answers nothing: a number, a mark, "yes", "n/a", "是", "无".
NO_ANSWER = re.compile(
    r"^(?:[-+±~≈<>≤≥]?\s*[\d.,]+\s*(?:%|[a-zA-Zµ]{0,3})(?:\s*[±/×x]\s*[\d.,]+\s*%?)?"
    rf"|[✓✔✗✘×xX✅❌—–\-/?]+|{_alternation(_words('no_answers'))}|√)$",
    re.I,
)
#: An answer still to be written: "*Definition to be added*", "TBD", "待补充…".
PLACEHOLDER = re.compile(rf"^\W*(?:{_alternation(_words('placeholders'))})\W*$", re.I)
#: "Types of cells", "Arten von Zellen": a kind, the joining word, what it belongs to.
KIND_OF = re.compile(rf"^(?P<kind>.+?)\s+(?:{_alternation(_words('of_words'))})\s+\S.*$", re.I)
#: A heading that thanks: "致谢", "Acknowledgements".
THANKS = re.compile(_alternation(_words("thanks")), re.I)
#: A heading that gives advice: "不要在登录节点运行", "Step 2".
INSTRUCTION_TITLE = re.compile(rf"^(?:{_alternation(_words('instruction_openers'))})", re.I)
#: A sentence that opens so goes on from the one before: "并", "而".
CONTINUES = re.compile(rf"^(?:{_alternation(_words('continuations'))})", re.I)
#: Sections whose items are not definitions: references, results, advice, procedures.
REFERENCE_HEADING = re.compile(_alternation(_words("reference_headings")), re.I)
#: A title that is only such a section's name: "Primary reference", "Recommended Texts".
REFERENCE_TITLE = re.compile(rf"^(?:{_alternation(_words('reference_headings'))})$", re.I)
RESULT_HEADING = re.compile(_alternation(_words("result_headings")), re.I)
ADVICE_HEADING = re.compile(_alternation(_words("advice_headings")), re.I)
PROCEDURE_HEADING = re.compile(_alternation(_words("procedure_headings")), re.I)
#: A lead-in of a list of aspects (advantages, problems, reasons), not of terms: "有两个优势".
ASPECT_LEAD = re.compile(_alternation(_words("aspect_leads")), re.I)
#: A question that asks why, whether or how: the list answering it gives reasons or ways.
REASON_QUESTION = re.compile(_alternation(_words("reason_questions")), re.I)
#: The name of a stage, by how it ends: "知识提取阶段", "Training phase".
#: What places or times a name and makes it part of a phrase ("**全自动模式**下…").
LOCALIZER = re.compile(rf"(?:{_alternation(_words('localizers'))})", re.I)
STAGE_NAME = re.compile(rf"(?:{_alternation(_words('stage_nouns'))})$", re.I)
#: The words that frame a case of a quantity as a condition: "当 $h(x) = 0$ 时，…".
CASE_OPENER = re.compile(_alternation(_words("case_openers")), re.I)
CASE_CLOSER = re.compile(_alternation(_words("case_closers")), re.I)
#: A section that gathers terms of the note's subject: "Glossary", "术语".
GLOSSARY_HEADING = re.compile(_alternation(_words("glossary_headings")), re.I)
#: What a sentence that announces the next block says: "the following", "以下の", "folgende".
FORWARD_REF = re.compile(_alternation(_words("forward_refs")), re.I)
#: How a sentence opens that only announces what follows it, after a short clause that sets it
#: up at most: "The following details …", "Here are …", "为方便讨论, 这里给出…", "Voici …".
ANNOUNCING = re.compile(
    rf"^(?:[^,，:：。.!?\n]{{1,12}}[,，]\s*)?(?:{_alternation(_words('announcing_openers'))})", re.I
)
#: A sentence that only says what the text after it will do: "we next analyse", "下面介绍".
PREVIEW = re.compile(_alternation(_words("previews")), re.I)
#: A text that opens speaking of itself: "This section explores", "本小节介绍".
SELF_REF = re.compile(rf"^(?:{_alternation(_words('self_refs'))})", re.I)
#: The same words anywhere in a text: "When the class decks arrive, this sheet should grow …".
SELF_MENTION = re.compile(_alternation(_words("self_refs")), re.I)
#: "… the CBOW model that we just covered", "前面介绍的": a sentence leaning on the text before.
BACK_REF = re.compile(_alternation(_words("back_refs")), re.I)
#: A count announcing items named next: "there are two", "esistono diversi", "分为两类", "2 つある".
COUNT_LEAD = re.compile(_alternation(_words("count_leads")), re.I)
#: A count of kinds an outline's line opens with: "four types of solid carbon".
KIND_COUNT = re.compile(_alternation(_words("kind_counts")), re.I)
#: How an effect, a reason or a condition opens ("so …", "less …", "weil …"): after an arrow
#: it makes the arrow causal ("Life too easy -> less reliance on religion"), not a definition.
EFFECT = re.compile(rf"^(?:{_alternation(_words('effects'))})", re.I)
#: A numbered part of a course or text anywhere in a title: "Topic 6- Further Mechanics",
#: "LGPD — Parte 1", "第3章 …"; such a title organises the notes, it names nothing to learn.
_SECTIONS = _words("numbered_sections")
# no `(?![\w-])` after the number, unlike a word: "Topic 6- Further Mechanics"
NUMBERED_SECTION = re.compile(
    rf"(?<!\w)(?:{'|'.join(w for w in _SECTIONS if _latin(w))})(?!\w)"
    rf"|{'|'.join(w for w in _SECTIONS if not _latin(w))}",
    re.I,
)
#: What every numbered part holds (each entry of the tables: `test_lang_tables`): a digit, or the
#: 第 of a CJK ordinal. Looked for first, in C: NUMBERED_SECTION opens with a lookbehind and is
#: tried at every character, and most titles hold no number.
NUMBER_MARK = re.compile(r"[\d第]")
#: Which one of a series by its place, alone: "Second act", "第一列" (a column of a table), "第二项"
#: (a term of a sum); such a front names nothing to learn.
ORDINAL_PART = re.compile(rf"^(?:{_alternation(_words('ordinal_parts'))})$", re.I)
#: A word that adds a point to one made before ("also", "as well"), anywhere in a text.
ADDITIVE = re.compile(rf"(?<![\w-])(?:{_alternation(_words('additives'))})(?![\w-])", re.I)
#: A word that picks which or how many of a kind ("each", "another"), not what kind.
DETERMINER = re.compile(rf"^(?:{_alternation(_words('determiners'))})$", re.I)
#: A count and the kind it counts, alone: "2 parts", "Two approaches"; asked after its section.
COUNTED_KIND = re.compile(rf"^(?:{_alternation(_words('counted_kinds'))})$", re.I)
#: How an example opens ("e.g. …", "z. B. …", "例如…"): an item that gives one explains nothing.
EXAMPLE_MARK = re.compile(rf"^(?:{_alternation(_words('example_marks'))})", re.I)
#: Where a line goes on to an example: "the genetic makeup, e.g. TT, tt, Tt", "…，例如…".
EXAMPLE_TAIL = re.compile(rf"[,，;；(（:：]\s*(?:{_alternation(_words('example_marks'))})", re.I)
_NAME_OBJECT = "|".join(_words("name_objects")) or "(?!)"
#: A name given after its description: "…を**自然失業率**という", the description ending at
#: the last object marker before the name.
NAMING = re.compile(
    rf"^(?P<back>.+)(?:{_NAME_OBJECT})\s*(?P<term>(?:[^{_NAME_OBJECT}、，,。(（]|[(（][^)）]{{0,60}}[)）]){{1,80}}?)\s*"
    rf"(?:{_alternation(_words('namers'), ignore_case=False)})(?:[。、，,]|$)"
)
_NAMING_VERBS = _alternation(_words("naming_verbs"))
#: A bold name given after its description and a naming verb: "以零为极限的变量称为**无穷小量**",
#: "A set with no elements is called the **empty set**".
NAMED_BOLD = re.compile(
    rf"^(?P<back>.+?)\s*(?:{_NAMING_VERBS})\s*(?:{_ARTICLES})?"
    r"(?:\*\*|__)(?P<term>[^*_\n]{1,40}?)(?:\*\*|__)",
    re.I,
)
_PARTICIPLES = _alternation(_words("participles"))
#: A bold name given after a comma and a participle: "… yields a charged ion, called **X**",
#: "…, conocido como **X**"; the description is the clause before the comma.
COMMA_NAMED = re.compile(
    rf"^(?P<back>.+?)[,，]\s*(?:{_PARTICIPLES})\s*(?:{_ARTICLES})?"
    r"(?:\*\*|__)(?P<term>[^*_\n]{1,40}?)(?:\*\*|__)",
    re.I,
)
_PLAIN_NAMING = _alternation(_words("plain_naming_verbs"))
#: A name given in plain words after its description and a naming verb, closing the sentence:
#: "Puzzles solved by reasoning alone are known as logic puzzles." The name is a few words of
#: letters (a gloss in brackets after it at most): a figure, a mark or more words after the
#: verb make it a claim ("… is called twice", "… is known as early as 1900").
NAMED_PLAIN = re.compile(
    rf"^(?P<back>.+?)\s+(?:{_PLAIN_NAMING})\s+(?:{_ARTICLES})?"
    r"(?P<term>[^\W\d_]+(?:[ '’-][^\W\d_]+){0,5})"
    r"\s*(?:\([^()\n]{1,40}\))?\s*\.?$",
    re.I,
)
_CALLING_VERBS = _alternation(_words("calling_verbs"))
#: A calling verb anywhere: the cheap test before CALLED_BOLD.
CALLING = re.compile(_CALLING_VERBS, re.I)
#: A bold name given to the object of a calling verb, the words between it and the name that
#: object: "We call $n$ (the highest power) the **degree** of …", "… we call it a **one-to-one
#: function**".
CALLED_BOLD = re.compile(
    rf"^(?P<lead>.*?)(?:{_CALLING_VERBS})\s+(?P<object>[^*_\n]{{1,80}}?)\s+"
    rf"(?:{_ARTICLES})?(?:\*\*|__)(?P<term>[^*_\n]{{1,40}}?)(?:\*\*|__)",
    re.I,
)
# the longest opening words first; one opening's frames in the order of its table
_FRAMES = sorted(
    dict.fromkeys(frame for table in TABLES for frame in table.naming_frames),
    key=lambda f: -len(f[0]),
)
#: Each naming frame (`naming_frames`) compiled: what opens the sentence before the name (an
#: article after it at most), and what ends the name, None where only its bold ends it.
NAMING_FRAMES: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (
        re.compile(rf"^(?:{opener})\s+(?:{_ARTICLES})?", re.I),
        # (a closer written as a lookahead matches no word: the spaces before it end the name)
        re.compile(rf"\s+(?:{closer})(?:\s+|(?<=\s))", re.I) if closer else None,
    )
    for opener, closer in _FRAMES
)
_FRAME_OPENERS = _alternation([o for o, _ in _FRAMES])
#: The cheap test before NAMING_FRAMES: the opening words of a naming frame.
FRAME_OPENER = re.compile(_FRAME_OPENERS, re.I)
_FRAME_LINE = rf"[ \t]*(?:[-*+]\s+)?(?:{_FRAME_OPENERS})"
#: The same words opening a block's text (`match`), to test a whole block with FRAME_START.
FRAME_LEAD = re.compile(_FRAME_LINE, re.I)
#: The same words where a later line or a sentence opens (`search`). It opens with one class of
#: characters that `re` skips ahead to, where `^` under `re.M` would have it try every position
#: of every block (most of them words of CJK text).
FRAME_START = re.compile(rf"[\n.!?](?:(?<=\n)|(?<=[.!?])\s+){_FRAME_LINE}", re.I)
#: The cheap test before NAMED_PLAIN: a plain naming verb anywhere in a block.
PLAIN_NAMER = re.compile(rf"\s(?:{_PLAIN_NAMING})\s", re.I)
#: `PLAIN_NAMER` for a text whose only whitespace is plain spaces, led by a space (`_space_led`).
SPACE_NAMER = re.compile(_space_led(_words("plain_naming_verbs")), re.I)
#: What follows a name given after its description: "という", "と呼ぶ" (the tables' `namers`).
NAMER = re.compile(_alternation(_words("namers"), ignore_case=False))
#: A naming verb (and an article) ending the text before a bold name: "… is called the",
#: "Se le denomina", "um SEL diz-se [" (a bold term may sit in a link: `[**possível**](…)`).
NAMING_LEAD = re.compile(rf"(?:{_NAMING_VERBS})\s*(?:{_ARTICLES})?\[?$", re.I)
#: A bare copula (and an article) ending the text before a bold term: "… is", "… es un".
LINKING_LEAD = re.compile(
    rf"(?:{_alternation(_words('linking_verbs'))})\s*(?:{_ARTICLES})?\[?$", re.I
)
#: A bare copula alone: "are", "son", "sind".
LINKING_VERB = re.compile(rf"^(?:{_alternation(_words('linking_verbs'))})$", re.I)
#: Either lead: the cheap test for both shapes at once.
BOLD_LEAD = re.compile(
    rf"(?:{_NAMING_VERBS}|{_PARTICIPLES}|{_alternation(_words('linking_verbs'))})"
    rf"\s*(?:{_ARTICLES})?\[?$",
    re.I,
)
#: An article, a preposition or a naming participle ending the text before a bold term: "the
#: principle of", "a kind of error called", "se guardan en una". It introduces the term as a
#: thing the sentence goes on to explain, where a bare name ("Even **Japan**, which …") is an
#: example.
INTRODUCING_LEAD = re.compile(
    rf"(?<!\w)(?:{_alternation(_words('articles', 'prepositions', 'of_words', 'participles'))})"
    r"\s*\[?$",
    re.I,
)
#: A condition word: "if", "si", "wenn", "caso".
CONDITION = re.compile(_alternation(_words("conditions")), re.I)
#: A preposition, or the word joining a thing to what it belongs to: one word of the complement
#: of a term ("**subespacio invariante** de $A$", "**stable** under $f$").
COMPLEMENT_WORD = re.compile(rf"^(?:{_alternation(_words('prepositions', 'of_words'))})$", re.I)
#: What may follow the word a heading is named by, the phrase it heads: a preposition, `of`, a
#: joiner, `to` ("Tips for …", "Steps in MLE", "Tips and tricks", "Steps to reproduce"), where
#: another word of a name does not ("Support Surfaces", "Step Size").
HEAD_FOLLOWER = re.compile(
    rf"^(?:{_alternation(_words('prepositions', 'of_words', 'joiners', 'infinitive_markers'))})",
    re.I,
)
#: A word ending the words before a copula that qualifies the verb, not the subject: "simply"
#: in "Dichotic listening simply refers to …".
COPULA_ADVERB = re.compile(rf"(?:{_alternation(_words('copula_adverbs'))})$", re.I)
#: A negation ending the words before a copula: "no" in "La escasez no es …".
COPULA_NEGATION = re.compile(rf"(?:{_alternation(_words('copula_negations'))})$", re.I)
#: `COPULA_ADVERB.search(text)` and whether `COPULA_NEGATION` is found, each searched only
#: from where its ending may start: `sentence` asks them of every subject before a copula.
copula_adverb = _search_at_end(COPULA_ADVERB)
negates_copula = _at_end(COPULA_NEGATION)
#: A class ranked among its kind, after the article: "most complex thing", "classic example".
SUPERLATIVE = re.compile(
    rf"^(?:{_alternation(_words('superlatives', 'example_words'))})(?![\w-])", re.I
)
#: The word after the head noun of a phrase that says what a thing is: `of`, `to` ("Ability to
#: influence …", "Ingestion of minute particles …").
PHRASE_FOLLOWER = re.compile(
    rf"^(?:{_alternation(_words('of_words', 'infinitive_markers'))})\s", re.I
)
#: The words of `of_words` that are no preposition of place or purpose ("in", "for", "von"):
#: the word that joins a class to what it is the class of ("of", "des", "de", "di").
_GENITIVES = sorted(
    {w for table in TABLES for w in table.of_words if w not in table.prepositions},
    key=lambda w: (-len(w), w),
)
#: A class and the complement that bounds it, as a copula's complement opens (its article read
#: already): "group of four notes …", "first degree of a scale", "ensemble des …".
CLASS_OF = re.compile(
    rf"^(?P<cls>(?:[^\W\d_][\w'-]*\s+){{0,3}}[^\W\d_][\w'()-]*)\s+"
    rf"(?:{_alternation(_GENITIVES)})\s+\S",
    re.I,
)
#: A clause that describes the bold term right before it, its parenthesis and a comma first:
#: "…**polling**, where", "…**CDMA (code division)**, which", "…**matriz aumentada**, que"; or
#: a dash and an article, a noun phrase that says what it is: "…**sudden stop** — an abrupt …".
APPOSITIVE = re.compile(
    r"\s*(?:\([^()\n]{0,80}\)|（[^（）\n]{0,80}）)?\s*"
    rf"(?:[,，]\s*(?:{_alternation(_words('appositives'))})|(?:—|–|--)\s*(?:{_ARTICLES}))",
    re.I,
)

#: A heading that introduces the note ("Introduction", "概述"): the paragraph under it still opens
#: the note, for the `subject` rule.
INTRO_HEADING = re.compile(rf"^(?:{_alternation(_words('intro_headings'))})$", re.I)
