"""The note's opening sentence about its own subject: an atomic note titled `Cauchy Distribution`
that opens `The Cauchy Distribution does not have a definable mean …`, `Dialysis removes …`.

Wiki, Zettelkasten and Obsidian notes name one thing in their title and say what it is in their
first sentence, often with a verb that is no copula, so the `sentence` rule does not take it.
The evidence here is the structure, not a verb: the sentence opens the note's first prose
paragraph (before any heading but one that repeats the title or introduces the note), its
subject is the title (an article before it, a plural or possessive ending, an alias in brackets
or set off by commas allowed), and what follows the subject reads as a verb: a lower-case word
that the language tables do not list as a preposition, a conjunction or an article. In CJK
text, where no space marks the verb, a copula of the tables must follow (`AdaBoost 是…`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from pathlib import PurePosixPath

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text, heading_title
from .lang import (
    ARTICLE,
    BACK_REF,
    CLAUSE_WORD,
    CONTINUES,
    COPULA,
    DEICTIC,
    INTRO_HEADING,
    JOINER,
    PREPOSITION,
    TERM_BAD_END,
)
from .shape import names_a_thing
from .text import (
    GENERIC_FRONT,
    SENTENCE,
    has_cjk,
    has_units,
    is_explanation,
    is_link_only,
    strip_markup,
    units,
)

#: A first sentence shorter than this (in units) takes the next one with it.
SHORT = 12
MAX_BACK = 400
#: What a paragraph needs to be the note's opening prose, not a tag line or a caption.
MIN_PROSE = 6
_HEAD = 300
# after the title: a plural or possessive ending ("Markov Chains", "Bayes' rule's"), then an
# alias in brackets ("(CLT)") or set off by commas (", or Rectified Linear Unit,")
_ENDING = re.compile(r"^(?:e?s|['’]s?)?(?=[\s,(（]|$)")
_ALIAS = re.compile(r"^\s*(?:[（(][^()（）]{1,60}[)）]|,[^,.;:!?]{1,60},)")
_PAREN = re.compile(r"[(（]")
_NEXT_WORD = re.compile(r"^\s+([^\W\d_][\w'’-]*)")
_SPACES = re.compile(r"[\s_-]+")
_FIELD_LINE = re.compile(r"^\s*[^\s:]+::|^\s*(?:#[\w/-]+\s*)+$")
# an inline tag used as a word ("for #ml/classification tasks"): its last part, as a word
_TAG = re.compile(r"(?<![\w#&])#(?:[\w-]+/)*([^\W\d_][\w-]*)")
_DATE = re.compile(r"\d{4}[-_.]\d{1,2}(?:[-_.]\d{1,2})?")


# what a section opens with to say what its heading is: a paragraph or a top-level list item
_OPENS_SECTION = frozenset({"paragraph", "item"})


def find(ctx: Context) -> Iterator[Candidate]:
    names = _names(ctx)
    block = _opening(ctx, names) if names else None
    if block is not None:
        yield from _card(ctx, block, names)
    # "## Primary key" + "A primary key uniquely identifies …": a section opening with its term,
    # in a paragraph or in the first item of a list ("### Race" + "- Race is a social
    # classification …"): an outline opens a section so, however long its list runs on
    for n, heading in enumerate(ctx.blocks[:-1]):
        if heading.kind != "heading" or not ctx.free(heading):
            continue
        under = ctx.blocks[n + 1]
        if under is block or under.kind not in _OPENS_SECTION or under.parent is not None:
            continue
        title = heading_title(heading)
        if title[:4].casefold() not in under.text[: len(title) + 24].casefold():
            continue  # the cheap test first: the paragraph does not open with the heading's term
        if GENERIC_FRONT.match(title) or PREPOSITION.match(title):
            continue  # "Nach Aristoteles": a phrase, not a name
        if not names_a_thing(title, max_units=6):
            continue
        yield from _card(ctx, under, {_key(title): title})


def _card(ctx: Context, block: Block, names: dict[str, str]) -> Iterator[Candidate]:
    """The card of `block` when its first sentence opens with one of `names` as its subject."""
    if not ctx.free(block):
        return
    text, block_id, deck = clean_card_text(block.text)
    found = SENTENCE.finditer(" ".join(text.split("\n")))  # two at most: a paragraph may be long
    said = [s for s in (m.group().strip() for m in islice(found, 3)) if s][:2]
    if not said:
        return
    front = _subject(said[0], names)
    if front is None:
        return
    back = said[0]
    if BACK_REF.search(back):
        return  # "X is closely related to the Y model that we just covered": X only relates
    if units(back) < SHORT and len(said) > 1:
        back = f"{back} {said[1]}"
    back = _TAG.sub(lambda m: m.group(1).replace("-", " "), back)
    # the academic "we" ("… is trying to see if we can use …") is kept: the subject is the title
    if len(back) > MAX_BACK or not is_explanation(back, min_units=6):
        return
    yield Candidate("subject", "basic", front, back, block.line, block_id, deck=deck)


def _key(text: str) -> str:
    """How a name is compared: case, markup and `-`/`_`/space differences aside."""
    return _SPACES.sub(" ", strip_markup(text)).strip().casefold()


def _names(ctx: Context) -> dict[str, str]:
    """The names the note goes by (its title, its file's stem), by comparison key, each as it is
    best written: the title as the author typed it, a file stem with its `_` made spaces (its
    `-` kept: `Box-Cox`)."""
    out: dict[str, str] = {}
    stem = PurePosixPath(ctx.note.path).stem
    for name in (ctx.note.title, stem):
        shown = " ".join(name.replace("_", " ").split()) if name == stem else name.strip()
        if _DATE.search(shown) or not names_a_thing(shown, max_units=6):
            continue  # a daily note, a label ("Summary"), a sentence
        out.setdefault(_key(shown), shown)
    return out


def _opening(ctx: Context, names: dict[str, str]) -> Block | None:
    """The note's first prose paragraph: before any heading, or under one that repeats the title
    or introduces the note. Tag lines, Dataview fields, captions and links are passed over."""
    for block in ctx.blocks:
        if block.kind == "heading":
            title = heading_title(block)
            if _key(title) in names or INTRO_HEADING.match(title):
                continue
            return None
        if block.kind != "paragraph" or block.parent is not None or block.quoted:
            continue
        if not ctx.free(block):
            return None  # a card written on purpose, or a line too long to mine, opens the note
        head = block.text[:_HEAD]  # enough to tell prose from a tag line, a field or a link
        if is_link_only(head) or all(_FIELD_LINE.match(ln) for ln in head.split("\n")):
            continue
        if not has_units(strip_markup(head), MIN_PROSE):
            continue
        return block
    return None


def _subject(sentence: str, names: dict[str, str]) -> str | None:
    """The name `sentence` opens with, as the note writes it, when what follows reads as a verb."""
    plain = strip_markup(sentence).strip()
    body = ARTICLE.sub("", plain, count=1)
    if body != plain and not body[:1].isupper() and plain[:1].islower():
        return None  # "the model …" inside a sentence, not its subject
    folded = _SPACES.sub(" ", body).casefold()
    for key, shown in names.items():
        if not folded.startswith(key):
            continue
        # the same characters in `body`: spaces and dashes were only normalised, never removed
        rest = body[_span(body, key) :]
        if has_cjk(key) or has_cjk(rest.lstrip()[:1]):  # "迁移学习是…", "`PCA` 是…"
            verb = COPULA.match(rest)
            return shown if verb is not None and not rest.startswith("的") else None
        ending = _ENDING.match(rest)
        if ending is None:
            return None  # "Transformers" is not "Transformer-XL"
        rest = rest[ending.end() :]
        alias = _ALIAS.match(rest)
        if alias is not None:
            rest = rest[alias.end() :]
        if not _reads_as_verb(rest):
            return None
        said = alias.group().strip() if alias is not None else ""
        if said[:1] and said[0] in "(（" and not _PAREN.search(shown):
            return f"{shown} {said}"  # "k-Nearest Neighbors (KNN)": the short name asked too
        return shown
    return None


def _span(body: str, key: str) -> int:
    """How many characters of `body` the normalised `key` covers."""
    n = 0
    for at, ch in enumerate(body):
        if n >= len(key):
            return at
        if ch in " _-\t\n" and (at > 0 and body[at - 1] in " _-\t\n"):
            continue  # a run of separators is one space in the key
        n += 1
    return len(body)


def _reads_as_verb(rest: str) -> bool:
    """What follows a subject is a lower-case word that is no preposition, conjunction, article
    or function word of the tables ("does", "provides", "removes", "can"). A noun that carries
    the subject on ("The CBOW model is …") still speaks of the title."""
    m = _NEXT_WORD.match(rest)
    if m is None:
        return False
    word = m.group(1)
    if not word[:1].islower():
        return False  # "Transfer Learning Theory …": the name goes on
    after = rest[m.start(1) :]
    if COPULA.match(after) or CLAUSE_WORD.fullmatch(word):
        return True  # "Regularisation, also known as normalisation, is …"
    if PREPOSITION.match(after) or ARTICLE.match(after) or CONTINUES.match(after):
        return False
    function_word = JOINER.fullmatch(word) or TERM_BAD_END.fullmatch(word)
    return not (function_word or DEICTIC.fullmatch(word))
