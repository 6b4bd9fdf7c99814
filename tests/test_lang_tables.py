"""The language tables' word patterns: built for speed, they match what a plain alternation of
the words matches."""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgarden.extract import lang
from quizgarden.extract.lang import TABLES, _alternation, _cases, _latin, _unfolded, _words

# every character, to find each one `re.I` takes for a given one
_EVERY_CHARACTER = "".join(map(chr, range(0x110000)))


def _first_characters() -> set[str]:
    firsts = set()
    for table in TABLES:
        for field in dataclasses.fields(table):
            value = getattr(table, field.name)
            if isinstance(value, (list, tuple)):
                for word in value:
                    if isinstance(word, str) and (word := lang._NOT_AFTER.sub("", word)):
                        # (a word that opens with a group is keyed by each of its openings)
                        firsts.update(w[0] for w in _unfolded(word) if w)
    return firsts


def test_every_case_of_a_first_character_is_listed() -> None:
    # the leading class of `_alternation` is kept out of `re.I` and lists the cases itself: it
    # must admit every character `re.I` takes for a word's first character ("İ" for "i")
    for c in _first_characters():
        taken = set(re.findall(re.escape(c), _EVERY_CHARACTER, re.I))
        assert taken <= _cases(c), (c, taken - _cases(c))


def _plain(words: list[str]) -> str:
    """The alternation `_alternation` stands for: Latin words whole (an elided one, `qu'`,
    `lorsqu'`, may run into the next word), CJK entries anywhere."""
    spaced = [w.replace(" ", r"\s+") for w in words]
    latin = "|".join(w for w in spaced if _latin(w))
    cjk = "|".join(w for w in spaced if not _latin(w))
    return "|".join(
        g
        for g in (latin and rf"(?<!\w)(?:{latin})(?:(?<=['’])|(?![\w-]))", cjk and f"(?:{cjk})")
        if g
    )


PIECES = ["is", " is a ", "Is", "IS", "ist", "是", "是指", "还是", "とは", "I ", "我们", "we", "We"]
PIECES += [" refers to ", "est un", "s", "ſ", "i", "İ", "ı", "K", "，", "\n", " ", "-", "x", "É"]


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_the_keyed_alternation_matches_as_the_plain_one(text: str) -> None:
    for fields, flags in (
        (("copulas", "naming_copulas", "bare_copulas"), re.I),
        (("first_person",), 0),
        (("deictic",), re.I),
        (("clause_words",), 0),
    ):
        words = _words(*fields)
        keyed = re.compile(_alternation(words, ignore_case=bool(flags)), flags)
        plain = re.compile(_plain(words), flags)
        assert [m.span() for m in keyed.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_leading_group_unfolds_in_the_order_it_is_tried() -> None:
    assert _unfolded(r"(?:exam|study)\s+tips?") == [r"exam\s+tips?", r"study\s+tips?"]
    assert _unfolded("(?:简记|记忆)?口诀") == ["简记口诀", "记忆口诀", "口诀"]
    assert _unfolded(r"(?:a(?:b|c)|[)|]x)?y") == ["a(?:b|c)y", "[)|]xy", "y"]
    for whole in ("(?:a)*b", "(?:a)??b", "(?:a|b", "abc", r"[a-z]+ed"):
        assert _unfolded(whole) == [whole]


UNFOLDED = ["exam tips", "Study Tip", "test  tips", "quick-check", "self checks", "legend", "my "]
UNFOLDED += ["Legend", "time complexity", "complexity", "space ", "口诀", "记忆口诀", "简记", " "]


@given(st.lists(st.sampled_from(UNFOLDED + PIECES), max_size=12).map("".join))
@settings(max_examples=300, deadline=None)  # the first example compiles the patterns
def test_the_unfolded_alternation_matches_as_the_plain_one(text: str) -> None:
    # the tables whose words open with a group (`(?:my )?legend`), unfolded to be keyed
    for field in ("label_words", "structural_headings", "generic_fronts", "reveal_labels"):
        words = _words(field)
        keyed = re.compile(rf"^(?:{_alternation(words)})$", re.I)
        plain = re.compile(rf"^(?:{_plain(words)})$", re.I)
        assert bool(keyed.match(text)) == bool(plain.match(text)), (field, text)
        keyed, plain = re.compile(_alternation(words), re.I), re.compile(_plain(words), re.I)
        assert [m.span() for m in keyed.finditer(text)] == [m.span() for m in plain.finditer(text)]


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
def test_the_unfolded_tables_match_as_the_plain_ones_on_the_corpus() -> None:
    # each line of the corpus as a heading or a label is read: without its marks, to its colon
    texts = set()
    for path in sorted(CORPUS.rglob("*.md")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            bare = line.strip().lstrip("#-*> 0123456789.").strip()
            texts.update({bare, bare.strip("*_:："), re.split("[:：]", bare)[0].strip(" *_")})
    for field in ("label_words", "structural_headings", "generic_fronts"):
        words = _words(field)
        keyed = re.compile(rf"^(?:{_alternation(words)})$", re.I)
        plain = re.compile(rf"^(?:{_plain(words)})$", re.I)
        assert [t for t in texts if keyed.match(t)] == [t for t in texts if plain.match(t)], field


def _written_section_label_heading() -> re.Pattern[str]:
    """`SECTION_LABEL_HEADING` as it was written, each word tried in turn."""
    labels, filler = "|".join(lang._SECTION_LABEL_WORDS), "|".join(lang._FILLER_WORDS)
    return re.compile(
        rf"^[\W\d_]*(?:{labels})(?![\w-])(?:[\W\d_]*(?:{labels}|{filler})(?![\w-]))*[\W\d_]*$",
        re.I,
    )


def test_a_section_label_heading_reads_each_first_letter_once() -> None:
    # tried at every word of every heading, the plain alternation tried hundreds of words each
    assert lang.SECTION_LABEL_HEADING.pattern.startswith(r"^[\W\d_]*(?-i:[")
    assert lang._led(["[ab]c", "d"]) == "(?:[ab]c|d)"  # a word no letter keys


SECTION_PIECES = ["Summary", "chapter", "Chapter", " ", "3", "of", "the", "Key", " terms", "Photo"]
SECTION_PIECES += ["-", "?", "l'", "intro", "İ", "ſ", "K", "\u212a", "EY", ": ", "q&a", "why care"]
SECTION_PIECES += ["sources used", " a b c d", "my ", "legend", "_", "s", "x", "é", "Exercises"]


@given(st.lists(st.sampled_from(SECTION_PIECES), max_size=10).map("".join))
@settings(max_examples=400, deadline=None)
def test_a_section_label_heading_matches_as_its_written_pattern(text: str) -> None:
    written = _written_section_label_heading()
    assert bool(lang.SECTION_LABEL_HEADING.match(text)) == bool(written.match(text)), text


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")
def test_a_section_label_heading_matches_as_written_on_the_corpus() -> None:
    written = _written_section_label_heading()
    titles = set()
    for path in sorted(CORPUS.rglob("*.md")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("#"):
                titles.add(line.lstrip("#").strip())
    matched = [t for t in titles if lang.SECTION_LABEL_HEADING.match(t)]
    assert matched == [t for t in titles if written.match(t)]
    assert matched  # the corpus has such headings


def test_every_numbered_section_holds_a_number_mark() -> None:
    """`NUMBER_MARK` is looked for before `NUMBERED_SECTION`: each entry needs a digit or 第."""
    for word in _words("numbered_sections"):
        assert "\\d" in word or "第" in word, word


def test_words_that_open_alike_are_factored_in_their_order() -> None:
    assert lang._factored([r"s\s+a", "st", "s"]) == r"s(?:\s+a|t|)"
    # moved ahead only past a word of another first character, never past a class or "K"
    assert lang._factored(["ab", "cd", "ae"]) == "a(?:b|e)|cd"
    assert lang._factored(["ab", "[xy]z", "ae"]) == "ab|[xy]z|ae"
    assert lang._factored(["kb", "\u212ac", "ke"]) == "kb|\u212ac|ke"
    assert lang._factored(["a|b", "ac"]) == "a|b|ac"


def test_a_latin_word_start_is_asked_before_its_first_letter() -> None:
    # most letters the leading class stops at are inside a word: the word-start test fails
    # them at once, where the first-letter lookbehind would pass them to it
    assert r"(?:(?<!\w.)(?<=[ab])" in _alternation(["ab", "bc"])


def test_a_word_that_opens_with_a_digit_is_keyed() -> None:
    # `\\d+ kinds` is keyed by `\\d`: the engine skips to the next digit or letter of the class
    words = ["(?:two|\\d+) kinds", "many kinds"]
    keyed = re.compile(_alternation(words), re.I)
    assert keyed.pattern.startswith("(?-i:[")
    plain = re.compile(_plain(words), re.I)
    for text in ["12 kinds", "a12 kinds", "x 3 Kinds", "two kinds, 7 kinds", "٣ kinds", "1kinds"]:
        assert [m.span() for m in keyed.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_word_read_where_the_text_starts_is_keyed() -> None:
    # `^the model` is keyed by "t" and asks for the text's start after it: the engine skips to
    # the next letter of the class, where the whole pattern was tried at every character
    words = ["^(?:this|the) model", "is a"]
    keyed = re.compile(_alternation(words), re.I)
    assert keyed.pattern.startswith("(?-i:[")
    plain = re.compile(_plain(words), re.I)
    for text in ["The model is a map", "the models", "x the model", "\nthe model", "this model"]:
        assert [m.span() for m in keyed.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in keyed.finditer(text, 1)] == [
            m.span() for m in plain.finditer(text, 1)
        ]


QUESTION_LINES = [
    "残差网络的作用",
    "在代码中的作用",
    "存在的问题",
    "RAG 的基本原理",
    "DP和DDP的关系",
]
QUESTION_LINES += [
    "这是什么",
    "为什么？",
    "LoRA 的作用吗",
    "とは何か",
    "What is it",
    "Why?",
    "好的作用。",
]


@pytest.mark.parametrize("line", QUESTION_LINES + [f"前言\n{line}" for line in QUESTION_LINES])
def test_an_ending_read_from_the_line_start_is_tried_there_only(line: str) -> None:
    # searched among the other endings, `^…的作用` was tried at every position of the line
    assert "^" not in lang._ENDS
    ends = "|".join(_words("question_ends"))
    starts = rf"^(?:¿|(?:{lang._STARTS})(?=\s+\S)|(?:{lang._CJK_STARTS})(?=[^?？]))"
    written = re.compile(rf"{starts}|(?:[?？]|{ends})$", re.I)
    assert (lang.QUESTION.search(line) is None) == (written.search(line) is None)
    asking_end = re.compile(rf"(?:{ends})[?？]?$", re.I)
    assert (lang.ASKING_END.search(line) is None) == (asking_end.search(line) is None)
    asking = re.compile(rf"{starts}|(?:{ends})[?？]?$", re.I)
    assert (lang.ASKING.search(line) is None) == (asking.search(line) is None)
    assert (lang.ASKING.match(line) is None) == (asking.match(line) is None)


END_PIECES = ["吗", "呢", "是什么", "为什么", "的作用", "とは何か", "?", "？", "\n", " ", "What"]
END_PIECES += ["is", "it", "of", "der", "中", "A", "的", "。", "作用", "，", "é"]
END_PIECES += ["not", "no", "simply", "不", "并不", "其实", "nunca", "never"]


@given(st.lists(st.sampled_from(END_PIECES), max_size=16).map("".join))
@settings(max_examples=500)
def test_an_ending_is_searched_for_only_where_it_may_start(text: str) -> None:
    # a pattern anchored at the end was tried at every character of the text; its ending is
    # now searched from as far before the end as its widest match spans
    assert lang.asks(text) == (lang.QUESTION.search(text) is not None)
    assert lang.ends_asking(text) == (lang.ASKING_END.search(text) is not None)
    assert lang.ends_badly(text) == (lang.TERM_BAD_END.search(text) is not None)
    assert lang.negates_copula(text) == (lang.COPULA_NEGATION.search(text) is not None)
    adverb, found = lang.COPULA_ADVERB.search(text), lang.copula_adverb(text)
    assert (found and found.span()) == (adverb and adverb.span())  # the same match
    for line in QUESTION_LINES:
        assert lang.asks(line + text) == (lang.QUESTION.search(line + text) is not None)
        assert lang.asks(text + line) == (lang.QUESTION.search(text + line) is not None)
        assert lang.ends_asking(text + line) == (lang.ASKING_END.search(text + line) is not None)


def test_a_pattern_with_no_widest_match_is_searched_whole() -> None:
    found = lang._at_end(re.compile(r"a\s+b$"))
    assert found("x a    b") and found("a b\n") and not found("a b c")
    bounded = lang._at_end(re.compile(r"(?<=x)ab$"))  # its lookbehind sees before the tail
    assert bounded("xxxab") and not bounded("yyyab")


def _table_fields() -> list[str]:
    return [
        f.name
        for f in dataclasses.fields(TABLES[0])
        if all(isinstance(w, str) for t in TABLES for w in getattr(t, f.name))
        and isinstance(getattr(TABLES[0], f.name), tuple)
    ]


_SAMPLED = sorted({w for t in TABLES for f in _table_fields() for w in getattr(t, f)})
_SAMPLED = [w for w in _SAMPLED if not set(w) & set("\\()[]?*+{}|^$.")][::7]


@given(st.lists(st.sampled_from(PIECES + UNFOLDED + _SAMPLED), max_size=10).map("".join))
@settings(max_examples=200, deadline=None)  # the first example compiles the patterns
def test_every_table_matches_as_its_plain_alternation(text: str) -> None:
    # factored words (`_factored`) in every field's pattern: the same spans as the words one by one
    for field in _table_fields():
        keyed, plain = _compiled(field)
        assert [m.span() for m in keyed.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], (field, text)


@functools.cache
def _compiled(field: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = _words(field)
    return re.compile(_alternation(words), re.I), re.compile(_plain(words), re.I)


def test_a_copula_with_another_letter_never_matches_an_ascii_text() -> None:
    # `_ascii` leaves a word out of the ASCII copulas for a character besides ASCII ones, which
    # it must read (not only look behind for), and which no ASCII character is a case of
    ascii_text = "".join(map(chr, range(128)))
    for word in _words("copulas", "naming_copulas", "bare_copulas"):
        if lang._ascii([word]):
            continue
        read = re.sub(r"\(\?<?[!=][^)]*\)", "", word)
        others = {c for c in read if not c.isascii()}
        assert others, word
        for c in others:
            assert re.search(re.escape(c), ascii_text, re.I) is None, (word, c)
