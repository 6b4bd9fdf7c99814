"""Extraction: turn one note into candidate cards with an ordered table of small named rules.

Explicit rules (what authors wrote as cards) run first and claim their lines; mined rules then
look only at what is left. A rule is a module with `find(ctx) -> Iterator[Candidate]`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..errors import VaultError
from ..model import Candidate, Note, Problem, Separators
from ..notes.links import WIKILINK_HREF
from . import (
    admonition,
    anki_blocks,
    arrow,
    asked,
    brief,
    callout,
    choice,
    cloze,
    commented,
    decks,
    definition,
    deflist,
    details,
    fenced,
    formula,
    hashcards,
    heading,
    inline,
    labelled,
    legend,
    marked,
    multiline,
    nested,
    qa,
    question,
    sentence,
    sided,
    statement,
    subject,
    syncblocks,
    tables,
    tagged,
    termlist,
    verdict,
)
from .blocks import Block
from .confidence import NoteShape, rate
from .context import Context, build_context, heading_title
from .dedupe import dedupe
from .lang import (
    ARTICLE,
    ASKING_INSTRUCTION,
    COUNT_LEAD,
    EXAMPLE_MARK,
    EXAMPLE_TAG,
    FORWARD_REF,
    HEAD_FOLLOWER,
    KIND_COUNT,
    NUMBER_MARK,
    NUMBERED_SECTION,
    ORDINAL_PART,
    PLACEHOLDER,
    PREPOSITION,
    PREVIEW,
    PRO_FORM,
    REFERENCE_TITLE,
    RELATION_HEADING,
    SECTION_LABEL,
    SELF_REF,
    SPELLED_NUMBER,
    TERM_BAD_START,
)
from .marks import as_read
from .text import (
    CLAUSE_WORDS,
    GENERIC_FRONT,
    IMAGE_IN_TEXT,
    NOTE_CACHE,
    SENTENCE,
    continues_line,
    has_colon,
    is_example_heading,
    is_example_label,
    is_label_word,
    is_structural,
    restates,
    stops_mid_sentence,
    strip_markup,
    units,
    whole_sentences,
    without_link_targets,
    without_trailing_tags,
)

Rule = Callable[[Context], Iterator[Candidate]]

#: What a back holds when its author has not written the answer yet: a bare list mark ("- "
#: under "红军长征的胜利及其意义？ #anki"), spaces; no card asks with it.
_NO_ANSWER = " \t\n-*+•"

#: The rules in the order they run; the name is what `Candidate.rule` says.
RULES: tuple[tuple[str, Rule], ...] = (
    ("anki", anki_blocks.find),
    ("qa", qa.find),
    ("choice", choice.find),
    ("hashcards", hashcards.find),
    ("multiline", multiline.find),
    ("cloze", cloze.find),
    ("inline", inline.find),
    ("tagged", tagged.find),
    ("details", details.find),
    ("syncblock", syncblocks.find),
    ("fenced", fenced.find),
    ("commented", commented.find),
    ("sided", sided.find),
    ("sections", decks.find_sections),
    ("ankdown", decks.find_ankdown),
    ("panky", decks.find_panky),
    ("callout", callout.find),
    ("admonition", admonition.find),
    ("deflist", deflist.find),
    ("statement", statement.find),
    ("table", tables.find),
    ("formula", formula.find),
    ("legend", legend.find),
    ("heading", heading.find),
    ("question", question.find),
    ("asked", asked.find),
    ("marked", marked.find),
    ("definition", definition.find),
    ("sentence", sentence.find),
    ("subject", subject.find),
    ("label", labelled.find),
    ("termlist", termlist.find),
    ("nested", nested.find),
    ("arrow", arrow.find),
    ("brief", brief.find),
    ("verdict", verdict.find),
)

__all__ = ["RULES", "NoteResult", "Separators", "extract_note", "scan"]


def extract_note(note: Note, separators: Separators | None = None) -> list[Candidate]:
    """Every card in `note`, deduplicated, in file order."""
    if not note.settings.enabled:
        return []
    ctx = build_context(note, separators or Separators())
    found: list[Candidate] = []
    for name, rule in RULES:
        if note.settings.allows(name):
            found.extend(rule(ctx))
    found = _without_relations(_without_illustrations(found, ctx), ctx)
    found.sort(key=lambda c: (c.line, c.side))
    kept = (
        c
        for c in map(
            _uncounted,
            map(
                _without_lead_in,
                map(
                    _without_next_title,
                    _without_cut(dedupe(found, title=note.title, stands=_stands), ctx),
                ),
            ),
        )
        if c is not None
        and not (
            c.mined
            and (
                (_not_a_front(c.front, c.rule == "table") and not _named_in_list(c, found, ctx))
                or _not_an_answer(c.back, c.front)
                or _echoes(c)
                or _only_tasks(c)
            )
        )
    )
    cards = [
        c
        for c in map(_as_read, (_undecorated(_unlinked(c)) if c.mined else c for c in kept))
        if c.front.strip() and c.back.strip(_NO_ANSWER)
    ]
    # what the note's other cards say of each one, read where a mined card is to be rated
    shape = NoteShape.of(cards, note.body) if any(c.mined for c in cards) else NoteShape()
    floor = (separators or Separators()).min_confidence
    filed = anki_blocks.filing(ctx) if note.settings.allows("anki") else anki_blocks.NO_FILING
    out = []
    for card in cards:
        confidence = rate(card, shape) if card.mined else card.confidence
        if confidence >= floor:  # rated, filed and tagged in one copy of the card
            out.append(_with_tags(filed.apply(card), note, confidence))
    return out


_NUMBERED = re.compile(r"\s*(?:\d+(?:\.\d+)*[a-z]?|[IVX]+)\s*[.:：]?\s*$")  # "Week 13", "Paso 1"


# a number or a range of numbers with at most a short unit ("12 h", "18-70 岁", "2--3s"), and a
# dash left over from an arrow split
_QUANTITY = re.compile(r"\d[\d\s.,:/~–-]*\s*(?:[a-zµ]{1,2}|[\u4e00-\u9fff])?\s*[-–—]?")


_OPENERS, _CLOSERS = "([{（【", ")]}）】"


def _stands(front: str) -> bool:
    """A mined card's front that is kept as one (`dedupe` lets a term card ask in place of its
    section's only where the term's card stays)."""
    return not _not_a_front(front)


#: How many items of its list must name things for each label word among them, for those words
#: to name things too.
_NAMED_SIBLINGS = 2


def _named_in_list(card: Candidate, proposed: list[Candidate], ctx: Context) -> bool:
    """ "OSI Model › Session" among `Physical`, `Data Link`, `Transport`, `Presentation`;
    `Context` among the modules `Beans`, `Core`, `SpEL`; "Uso e Abitazione" among the rights
    `Superficie`, `Enfiteusi`: `card`, a mined card whose front is dropped (`_not_a_front`) only
    for its label word, from an item of a list whose other items' cards (of its rule, asked under
    the same section) name things, two for every label word of the list, is one more member of
    that list: the word names a layer, a module, a flag, not what kind of remark follows. A
    label among labels (`Exception` beside `General Rule`, `Analogía` beside `Función`) stays a
    label. The items are read as the rule `proposed` them, before repeats were weighed: a label
    that asked its section's card (`**Definition:** …`) is one of the list still. Only a front
    already dropped comes here, a few in a note."""
    if _not_a_front(card.front, card.rule == "table", listed=True):
        return False  # dropped for something else than a label word alone
    starts = [block.line for block in ctx.blocks]
    at = bisect_right(starts, card.line) - 1
    if at < 0 or ctx.blocks[at].kind != "item" or ctx.blocks[at].line != card.line:
        return False
    lines = {ctx.blocks[k].line for k in _list_siblings(ctx, at)}
    head = card.front.rpartition(" › ")[0]
    names = others = 0
    for sibling in proposed:
        if sibling.line not in lines or sibling.rule != card.rule or not sibling.mined:
            continue
        under, _, last = sibling.front.rpartition(" › ")
        last = strip_markup(last).strip(" .:：")
        if (
            under != head  # asked another way: the section's own card, a label's
            or GENERIC_FRONT.match(last)
            or SECTION_LABEL.match(last)
            or _not_a_front(sibling.front, sibling.rule == "table")
        ):
            others += 1
        else:
            names += 1
    # (two names or more for each label word of the list, this one counted)
    return names >= _NAMED_SIBLINGS * (others + 1)


def _list_siblings(ctx: Context, at: int) -> Iterator[int]:
    """The other items of the list that item `at` is in: the items of its parent under its
    heading, each way up to a block of that parent that is no item of its depth (a paragraph
    ends a list)."""
    item = ctx.blocks[at]
    for step in (-1, 1):
        k = at + step
        while 0 <= k < len(ctx.blocks):
            block = ctx.blocks[k]
            if block.heading != item.heading or block.kind == "heading":
                break
            if block.parent == item.parent:
                if block.kind != "item" or block.level != item.level:
                    break
                yield k
            k += step


def _not_a_front(front: str, table: bool = False, *, listed: bool = False) -> bool:
    """A label, a front cut inside brackets ("The Guiding principle {1"), a term from a worked
    example ("Example › Second copy"), or a front that holds a display formula on lines of its
    own: the words before a formula that follow another one are a derivation, not a question.
    A table card's front may end on its column's header, which may be a label ("Vitals ›
    Notes", "Banking › Examples": what the column holds of its row): then its row must name."""
    if "\n" in front and "$$" in front:
        return True
    plain = front.split(": $", 1)[0]  # a formula card's question is LaTeX, with its own braces
    if sum(map(plain.count, _OPENERS)) != sum(map(plain.count, _CLOSERS)):  # counted in C
        return True
    if table and " › " in front and not _labelled(front.rsplit(" › ", 1)[0]):
        return False
    return _labelled(front, listed=listed)


def _labelled(front: str, *, listed: bool = False) -> bool:
    if _only_a_label(front, listed=listed) or _stands_for_another(
        strip_markup(front.rsplit(" › ", 1)[-1])
    ):
        return True
    parts = front.split(" › ")
    return (
        any(is_example_heading(part) for part in parts[:-1])
        or is_example_label(parts[-1])
        # "（例）练习1题1", "(Example) …": a worked example the author tagged as one
        or any(part[:1] in "(（[【" and EXAMPLE_TAG.match(part) for part in parts)
    )


def _only_a_label(front: str, *, listed: bool = False) -> bool:
    """ "N.B", "Enter", "Photosynthesis › Beispiel", "Summary", "Further reading": a mined front
    whose last part labels or organises instead of naming, or names a section of references."""
    last = strip_markup(front.rsplit(" › ", 1)[-1])
    if _QUANTITY.fullmatch(last) and " › " not in front:
        return True  # "18-70 岁", "24h -", "12 h": a value (an age, a time), not a term
    # ("Appearance › 0": a score column of a table, named after its row, stays)
    if "$" not in last and NUMBER_MARK.search(last) and NUMBERED_SECTION.search(last):
        return True  # "Topic 6- Further Mechanics", "LGPD — Parte 1": a part of the course
    # (a formula's front names its section only as context: "Topic 2- Mechanics: $W = ?$")
    if any(map(str.isdigit, last)) or "I" in last or "V" in last or "X" in last:
        last = _NUMBERED.sub("", last)  # (what it takes off holds a digit or a numeral)
    last = last.strip(" .:：")
    if REFERENCE_TITLE.match(last):
        return True  # "Primary reference", "Recommended Texts": what to read, not what it says
    if ORDINAL_PART.match(last):
        return True  # "Second act", "Actual CPI-U basket › 第一列": which one, not what it is
    if GENERIC_FRONT.match(last):
        return False  # "L1 正则化 › 缺点": its section names what the word is about
    if " › " in front and SECTION_LABEL.match(last):
        return False  # "Legal Proximity › General Rule": the rule of that section
    if listed and _labels(last):
        return False  # a label word alone, among names: a name too (`_named_in_list`)
    return any(_labels(part) for part in _label_parts(last))


_MAX_LABEL_WORDS = 3
#: How long a phrase that ends on a pro-form may be: "A few relevant ones" leads into a list.
_MAX_PRO_FORM_WORDS = 5


def _stands_for_another(last: str) -> bool:
    """ "Others", "A few relevant ones", "Lafter that one": the front ends on a word that stands
    for things the note named elsewhere (the tables' `pro_forms`), after an article or a
    quantifier or alone, so it names nothing; "Defense of Others" names a thing and stays."""
    last = last.strip(" .:：")
    m = PRO_FORM.search(last)
    if m is None or len(last.split()) > _MAX_PRO_FORM_WORDS:
        return False
    head = last[: m.start()].strip()
    if not head or " " in m.group().strip():
        return True  # "Others", "that one"
    return ARTICLE.match(head) is not None or TERM_BAD_START.match(head) is not None


def _labels(text: str) -> bool:
    return is_label_word(text) or is_structural(text)


def _label_parts(last: str) -> tuple[str, ...]:
    """The whole last part, and in a short one (a label is a word or two: "En resumen",
    "Introduction to MAML") what follows an opening preposition or article, and its first word
    where the part is that label: see `_led_by_label`."""
    words = last.split()
    if not 1 < len(words) <= _MAX_LABEL_WORDS:
        return (last,)
    rest = PREPOSITION.sub("", ARTICLE.sub("", last), count=1).strip()
    first = words[0].strip(" .:：")
    if _labels(first) and _led_by_label(words):
        return (last, first, rest)
    # "Attention Mask", "solución factible": a name its label word opens (the part once where
    # nothing opens it: the tests read it once)
    return (last, rest) if rest != last else (last,)


#: A colon after a label word ("Example: Bonferroni"), a number or numeral after it ("Section 1
#: Lesson 10"): the word labels what follows.
_LABEL_MARK = re.compile(r"[:：]$")
_NUMBER_WORD = re.compile(r"^(?:#?\d[\d.]*[a-z]?|[IVX]+)[.:：)]?$")


def _led_by_label(words: list[str]) -> bool:
    """ "Example: Bonferroni Correction", "Section 1 Lesson 10", "Introduction to MAML",
    "Ejemplos de señales", "Week plan": the first word labels and what follows says what of (a
    number, a colon, or a phrase it heads: a preposition, `of`, a joiner, an article), or it is
    the word of a numbered part of a course before a phrase (`_counts_a_series`). Where another word
    of a name follows ("Attention Mask", "Notes payable", "solución factible"), the label word
    is part of a compound name whose other words carry the meaning, and the front names a thing."""
    after = " ".join(words[1:])
    follower = HEAD_FOLLOWER.match(after) or ARTICLE.match(after + " ")
    return (
        _LABEL_MARK.search(words[0]) is not None
        or _counts_a_series(words)
        or _NUMBER_WORD.match(words[1]) is not None
        or (follower is not None and _word_ends(after, follower.end()))
    )


def _counts_a_series(words: list[str]) -> bool:
    """ "Week plan", "Lecture notes", "Kapitel Zusammenfassung": the word of a numbered part of
    a course (the tables' `numbered_sections`: `Week 3`, `Lektion 2`) labels the phrase after it.
    Not words each capitalised as the first is, a name's words (`Unit Vector`, `Session Layer`,
    `Unit Lower-Triangular Matrix`), unless they label too (a German noun is capitalised
    anyway) or count (`Part Two`, `Teil Zwei`): a name that opens with such a word (a unit, a
    session of a protocol) is as much a term as `Attention Mask`, where a label runs on in lower
    case."""
    if NUMBERED_SECTION.fullmatch(f"{words[0].strip(' .:：')} 1") is None:
        return False
    named = words[0][:1].isupper() and all(word[:1].isupper() for word in words[1:])
    return (
        not named
        or _labels(" ".join(words[1:]))
        or any(word.strip(" .:：").casefold() in SPELLED_NUMBER for word in words[1:])
    )


def _word_ends(text: str, end: int) -> bool:
    return end >= len(text) or not text[end - 1].isalnum() or not text[end].isalnum()


#: How far from the end of a back a lead-in is looked for: "… has the following aims."
_LEAD_IN_TAIL = 48


def _not_an_answer(back: str, front: str) -> bool:
    """The back opens with an example ("e.g. …", "例如…"), stops at a lead-in, is a
    placeholder for an answer still to be written ("*Definition to be added*", "待补充") or an
    e-mail address alone."""
    opening = strip_markup(back[:_OPENING]).lstrip("-*+ ")  # an example mark is short
    if len(back) <= _OPENING and PLACEHOLDER.match(opening):
        return True
    return (
        EXAMPLE_MARK.match(opening) is not None
        or _stops_at_lead_in(back)
        or _contact_only(back)
        or _only_previews(back)
        or _about_itself(back)
        or _only_asks(back, front)
        or _image_in_sentence(back)
    )


#: An inline image: `![alt](url)` or Obsidian's `![[diagram.png]]` (`text.IMAGE_IN_TEXT`).
_INLINE_IMAGE = re.compile(IMAGE_IN_TEXT)
#: Images that close a line after its text, set off from it by a space: "… the next word: ![](…)".
_TRAILING_IMAGES = re.compile(rf"(?<=\S)[ \t]+(?:(?:{_INLINE_IMAGE.pattern})[ \t]*)+$")


#: What goes on or closes a clause after an image that ends it ("as in ![](…)."): punctuation
#: that sets the image in the sentence, as a word after it does.
_CLAUSE_MARKS = frozenset(".,;:。，；：、")


def _image_in_sentence(back: str) -> bool:
    """ "states that ![](…svg.latex?P(A|B)…) holds for every pair of events": an image stands
    between two words of one sentence (or after a word, with the punctuation of the sentence
    after it: "as in ![](…)."), so it carries part of what the sentence says (a formula
    or a symbol drawn as a picture), and the words around it make no statement of their own
    ("states that holds for …"). A picture after the words (an illustration) or on its own
    line leaves the sentence whole. Read only when the back holds "![" (most hold none)."""
    if "![" not in back:
        return False
    for m in _INLINE_IMAGE.finditer(back):
        before = back[: m.start()].rstrip(" \t")
        after = back[m.end() :].lstrip(" \t")
        if before[-1:].isalnum() and (after[:1].isalnum() or after[:1] in _CLAUSE_MARKS):
            return True
    return False


#: What may open a text before it speaks of itself: a marker in brackets ("[slide 1]") and a
#: label of a few words ("**Summary:**", "Introduction:", "概述：").
_SELF_LEAD = re.compile(
    r"(?:\[[^\]\n]{1,20}\]\s*)*(?:[^\s:：]{1,20}(?: [^\s:：]{1,20}){0,2}\s*[:：]\s*)?"
)


def _about_itself(back: str) -> bool:
    """ "**Summary:** This section lays the groundwork for …", "本小节介绍几种…": the back opens
    speaking of the note itself (the tables' `self_refs`), what it covers and how, not of the
    subject; what the section teaches is in the text it describes, not on the card."""
    plain = strip_markup(back[:_SELF_OPENING]).lstrip("-*+ \n")
    # (a lead is a bracket or a label with its colon: most backs open with neither, and the
    # pattern tried each length of their first words)
    lead = _SELF_LEAD.match(plain) if plain[:1] == "[" or has_colon(plain) else None
    after = plain[lead.end() :] if lead else plain
    if len(after) == len(plain):  # nothing leads it (most backs): the opening is matched once
        return SELF_REF.match(plain) is not None
    return SELF_REF.match(after) is not None or SELF_REF.match(plain) is not None


#: How much of a back's opening is read for a text speaking of itself.
_SELF_OPENING = 120
#: A list mark or a number that opens a line of a back: "- ", "2. ", "3) "
_ITEM_MARK = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)、])\s+")


def _only_asks(back: str, front: str) -> bool:
    """ "Discussion Questions" over "- Should Cialis compete …? - How can Cialis …?", "What is
    shared memory?" over "Explain swapping in and out.": every line of the back is a prompt, so
    the card asks and the note never answers (a bank of unanswered prompts pairs each with the
    next one). A back of instructions alone (the tables' `asking_instructions`) is a prompt
    only under a question (a front ending on its mark): under a name or a label it may say what
    the thing does ("t-test › When to Use" + "Compare means", "Device topology" + "描述实际设备的
    topo关系")."""
    first = _ITEM_MARK.sub("", back.lstrip().partition("\n")[0]).strip()
    if not _prompts(first):
        return False  # most backs: their first line asks nothing
    asked = questioned = False
    for raw in back.splitlines():
        line = _ITEM_MARK.sub("", raw).strip()
        if not line:
            continue
        if not _prompts(line):
            return False
        asked = True
        questioned = questioned or _asks_plainly(line)
    return asked and (questioned or _asks_plainly(front))


def _asks_plainly(text: str) -> bool:
    """`text` ends on a question mark, its markup aside."""
    return strip_markup(text).rstrip(" *_").endswith(("?", "？"))


def _prompts(line: str) -> bool:
    """A line that only asks: it ends on a question mark, or each of its sentences does or is an
    instruction of an exam ("Explain swapping in and out.", "Nennen Sie Beispiele!", "简述…"),
    a Latin one capitalised as a sentence opens ("define a model from the data" says what a
    thing does), with no colon after which it would answer itself ("说明：…" labels an answer)."""
    plain = strip_markup(line).rstrip(" *_")
    if plain.endswith(("?", "？")):
        return True
    if ASKING_INSTRUCTION.match(plain) is None and "?" not in plain and "？" not in plain:
        return False  # most lines: nothing in them asks
    said = [m.group().strip() for m in SENTENCE.finditer(plain)]
    return all(s.endswith(("?", "？")) or _instructs(s) for s in said if s)


def _instructs(sentence: str) -> bool:
    if ASKING_INSTRUCTION.match(sentence) is None or ":" in sentence or "：" in sentence:
        return False
    return not sentence[0].isalpha() or not sentence[0].isascii() or sentence[0].isupper()


#: How long a back may be and still be read as one sentence that only previews the text after it.
_MAX_PREVIEW = 200


def _only_previews(back: str) -> bool:
    """ "If there is a valid offer, we next analyse whether the offer has been accepted.",
    "这里对 Fourier coefficients 的 OLS 估计公式进行一些简单的推导.": the back is one sentence
    that only says what the text after it will do (the tables' `previews`); its answer is in
    that text, not on the card."""
    if len(back) > _MAX_PREVIEW or "\n" in back.strip():
        return False
    plain = strip_markup(back).strip().strip("()（）")
    if PREVIEW.search(plain) is None:
        return False
    return sum(1 for m in SENTENCE.finditer(plain) if m.group().strip()) == 1


_OPENING = 40


# an address to write to, alone: contact details, never something to learn
_EMAIL = re.compile(r"<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?")


def _contact_only(back: str) -> bool:
    """An e-mail address alone (`Email: someone@example.edu`) is contact details, never an
    answer to learn, as a link alone is none. (Without an @ there is no address, and no markup
    to take off the back first.)"""
    return "@" in back and _EMAIL.fullmatch(strip_markup(back).strip()) is not None


#: Rules that read a table's cells or a list's `Term (gloss)` entries as terms without asking
#: what the section they sit in is for (the prose rules pass over an example section themselves).
_ILLUSTRATED = frozenset({"table", "arrow"})


def _without_illustrations(found: list[Candidate], ctx: Context) -> list[Candidate]:
    """ "### Examples" over `- Alcohols (C-O in sp³)`, "## Example" over a table of payoffs,
    "示例" over a table of typical sizes: a table or a top-level list that an example heading
    opens shows the idea at work on a case; its rows and entries are the case's data, not terms
    to learn. An entry nested under an item of its own (`- Negligence` / `  - Intent -> …`) is
    that item's, whatever the section, and stays."""
    if not any(c.mined and c.rule in _ILLUSTRATED for c in found):
        return found

    def illustrates(card: Candidate, block: Block) -> bool:
        if card.rule not in _ILLUSTRATED or block.parent is not None or block.heading is None:
            return False
        return is_example_heading(heading_title(ctx.blocks[block.heading]))

    return _without_mined(found, ctx, illustrates)


def _without_relations(found: list[Candidate], ctx: Context) -> list[Candidate]:
    """ "## Related Concepts" over `- [[Albedo]] — Explains why fresh snow slows the melt`,
    "## Conexiones" over `- Se usa en: [[Regla de la cadena]]`: an item that links to another
    note (a wikilink) in a section of such links (the tables' `relation_headings`) says how
    that note relates to this one. Its term is the other note's subject, its back a remark on
    the relation: neither is a fact to learn here. An item without a link stays."""
    if not any(c.mined for c in found):
        return found

    def relates(_: Candidate, block: Block) -> bool:
        if block.kind != "item" or WIKILINK_HREF not in block.text or block.heading is None:
            return False
        return RELATION_HEADING.match(heading_title(ctx.blocks[block.heading])) is not None

    return _without_mined(found, ctx, relates)


#: How many words of a back's end find the block it ends in.
_TAIL_WORDS = 3
#: How a block opens that goes on with the sentence before it: "… water as a by-product".
_ELLIPSIS_OPENING = ("...", "…")


def _without_cut(found: list[Candidate], ctx: Context) -> list[Candidate]:
    """ "Distillation: separates a mixture by boiling. Collect only the vapour that" over a
    condition drawn as a picture, "… is again in the group, meaning that" and nothing after
    it: a mined back that stops mid-sentence (`stops_mid_sentence`) where the note does not go
    on with that sentence keeps what before the cut is whole (`_whole_part`); with nothing
    whole it gives no card. Where the next block goes on with it (`… by boiling the liquid
    and` / `then condensing its vapour.`, a PDF's lines set apart; `- … forms a salt and` /
    `  - ... water`), the rule read too little of the note, not the author too little of the
    sentence: the card stays as it was."""
    if not any(c.mined and stops_mid_sentence(c.back) for c in found):
        return found
    starts = [block.line for block in ctx.blocks]
    out = []
    for card in found:
        if card.mined and stops_mid_sentence(card.back):
            first = bisect_right(starts, card.line) - 1
            if not _goes_on(ctx, first, card.back):
                whole = _whole_part(card.back)
                if not whole:
                    continue
                card = replace(card, back=whole)
        out.append(card)
    return out


def _whole_part(back: str) -> str:
    """What of a back cut mid-sentence says something whole: the sentences before the cut that
    end (not a list's lines before the cut one, which end no sentence), else the clause its last
    line closes with a comma before the cut words (`The product of two elements of a group is
    again in the group, meaning that`), a clause's words at least; else nothing."""
    whole = whole_sentences(back)
    if _ENDS_SENTENCE.search(whole):
        return whole
    head, comma, tail = back.rpartition(",")
    if comma and "\n" not in tail and len(head.rsplit("\n", 1)[-1].split()) >= CLAUSE_WORDS:
        return head.rstrip()
    return ""


def _goes_on(ctx: Context, first: int, back: str) -> bool:
    """Whether the block that `back` ends with (the first from `first` whose text ends as the
    back does) is followed by a block that goes on with its sentence: one opening in lower case
    or on an ellipsis. A back cut inside a block (`… gives the value we` of `… gives the value
    we call the **present value**`) ends no block, and the note goes on with no sentence of it."""
    tail = " ".join(strip_markup(back).split()[-_TAIL_WORDS:])
    for k in range(max(first, 0), len(ctx.blocks) - 1):
        if " ".join(strip_markup(ctx.blocks[k].text).split()).endswith(tail):
            following = ctx.blocks[k + 1].text.lstrip()
            return continues_line(following) or following.startswith(_ELLIPSIS_OPENING)
    return False


def _without_mined(
    found: list[Candidate], ctx: Context, drops: Callable[[Candidate, Block], bool]
) -> list[Candidate]:
    """`found` without the mined cards that `drops` given the block each came from (the last
    block starting at or above its line); an explicit card always stays."""
    starts = [block.line for block in ctx.blocks]
    return [
        c for c in found if not (c.mined and drops(c, ctx.blocks[bisect_right(starts, c.line) - 1]))
    ]


@lru_cache(maxsize=NOTE_CACHE)
def _stops_at_lead_in(back: str) -> bool:
    """ "…, we have the following rights:", "…注文者に以下の権利が認められる。": the back ends
    where the note announces its answer (a list, a table, the next paragraph), so the answer is
    not on the card. A back that goes on past the lead-in (its list included) is kept.

    Cached: each mined back is asked this by `_without_lead_in` and again by `_not_an_answer`
    (a pass over the corpus asked it 3,209 times of 1,576 texts)."""
    last = back.rstrip().rsplit("\n", 1)[-1].strip()
    # "… the next word: !": a sentence cut at the "!" of the image it leads into
    if "![" in last:  # "… the next word: ![](…)": the image it leads into closes the line
        last = _TRAILING_IMAGES.sub("", " " + last).strip()
    if last.removesuffix("!").rstrip().endswith((":", "：")):
        return True
    tail = last[-_LEAD_IN_TAIL:]
    ref = FORWARD_REF.search(tail)
    return ref is not None and _LISTED_AFTER.match(tail, ref.end()) is None


#: What a forward reference announces, given after its colon in the same sentence: three names
#: or more set apart by commas ("…拆成如下环节：切分、前向计算、反向计算", "as follows: planning,
#: building and testing"), so the sentence is no lead-in.
_LISTED_AFTER = re.compile(r"[^:：\n]{0,12}[:：][^:：、,，\n]+(?:[、,，][^:：、,，\n]+){2,}")


def _without_lead_in(card: Candidate) -> Candidate:
    """ "调用时不传这个参数就用定义时给的值。" then "以下是定义和调用它的写法" over its code: a
    mined back that answered in whole sentences and then closes on a lead-in to what
    the note shows next (code, a figure, a table) keeps its answer without the lead-in, which
    points at what the card cannot show. A back that is the lead-in alone, mostly the lead-in,
    or whose lead-in is the last item of its list, still has left its answer out
    (`_stops_at_lead_in` drops it)."""
    if not card.mined or not _stops_at_lead_in(card.back):
        return card
    at = _lead_in_at(card.back)
    return replace(card, back=card.back[:at].rstrip()) if at else card


def _lead_in_at(back: str) -> int:
    """Where the closing lead-in of `back` starts: its last sentence, after whole sentences that
    answer (a line of its own, or the last sentence of its line); 0 where nothing answers before
    it, or the lead-in is an item of a list."""
    text = back.rstrip()
    line_start = text.rfind("\n") + 1
    if _ITEM_MARK.match(text[line_start:]):
        return 0
    parts = [m.start() for m in _SENTENCE_END.finditer(text, line_start)]
    start = [line_start, *(p for p in parts if text[p:].strip())][-1]
    head, lead = text[:start].rstrip(), text[start:]
    if not head or not _stops_at_lead_in(lead) or _stops_at_lead_in(head):
        return 0
    # a sentence that only opens what the lead-in goes on to announce ("The server ships several
    # engines. Each trades …, as the following table shows.") is no answer: the answer is the
    # larger part of the back
    return start if _ENDS_SENTENCE.search(head) and units(head) > units(lead) else 0


#: How a text ends that ends as a sentence, its closing markup aside.
_ENDS_SENTENCE = re.compile(r"[.!?。！？][*_)）」”\"']*$")


#: How many reading units may follow a count before the sentence ends: "esistono diversi | tipi
#: di algoritmi di scheduling." names the kind of the items, not the items.
_COUNTED_NOUN = 6
#: How many reading units may come before a count of kinds that opens its line: "Same | 5 types
#: of formulas …", "table of | four classes …".
_KIND_COUNT_AT = 2
_SENTENCE_END = re.compile(r"(?<=[。！？?])|(?<=!)(?!\[(?!\^))|(?<=[.;；])\s")
_NAMING = re.compile(r"[:：,，、(（\-–—]")


def _count_lead_at(back: str) -> int | None:
    """Where the back's closing sentence starts when that sentence only counts the items the
    note lists next and names none of them ("可以看到数据并行有两个核心点。", "Il existe plusieurs
    méthodes.", "主な要因は 2 つある。"), or opens with a count of kinds, as an outline's line does
    ("four types of solid carbon" over its nested items); None when it does not, or when an
    article opens the count ("The two kinds of …"): those kinds were named before, and the
    sentence says something of them."""
    text = back.rstrip()
    line_start = text.rfind("\n") + 1
    if COUNT_LEAD.search(text, line_start) is None and KIND_COUNT.search(text, line_start) is None:
        return None  # most backs: no count at all, no sentence to find
    parts = [m.start() for m in _SENTENCE_END.finditer(text, line_start)]
    starts = [line_start, *(p for p in parts if text[p:].strip())]
    start = starts[-1]
    sentence = text[start:]
    m = COUNT_LEAD.search(sentence)
    if m is None:
        m = KIND_COUNT.search(sentence)
        if m is None or units(sentence[: m.start()]) > _KIND_COUNT_AT:
            return None  # "split N classes into N problems of two classes": a sentence's object
    before = sentence[: m.start()].split()
    if before and ARTICLE.fullmatch(f"{before[-1]} "):
        return None  # "The two kinds of fibre differ in speed.": kinds named before, spoken of
    tail = sentence[m.end() :]
    if units(tail) > _COUNTED_NOUN or _NAMING.search(tail):
        return None
    return start + len(sentence) - len(sentence.lstrip())


#: A line that is only a bold title, no sentence: "**(一) 审判制度**", "**正确处理 null**"
_BOLD_TITLE = re.compile(r"(\*\*|__)(?=\S)[^*_\n]{1,60}(?<=\S)\1[:：]?")
#: How a bold line that says something ends: "**经验上, … 作为默认选项.**"
_SENTENCE_END_MARK = re.compile(r"[.!?。！？…]\s*(?:\*\*|__)[:：]?$")


def _without_next_title(card: Candidate) -> Candidate:
    """ "…所以所有记录都被排除了\n\n**正确处理 in、not in 和 null**": a mined back that ends on
    a line that is only a bold title (no sentence: it does not end as one) has run into the next
    part of the note, which that title opens; the back stops before it."""
    if not card.mined or "\n" not in card.back.strip():
        return card
    head, _, last = card.back.rstrip().rpartition("\n")
    last = last.strip()
    if not head.strip() or not _BOLD_TITLE.fullmatch(last) or _SENTENCE_END_MARK.search(last):
        return card
    return replace(card, back=head.rstrip())


def _uncounted(card: Candidate) -> Candidate | None:
    """ "…从中选择最佳的切分路径。分为两种选择方法": a definition that closes by counting what the
    note lists next keeps the definition without the count; a back that only counts ("可以看到数据
    并行有两个核心点。") has left its answer out: None."""
    at = _count_lead_at(card.back) if card.mined else None
    if at is None:
        return card
    return replace(card, back=card.back[:at].rstrip()) if at else None


#: Rules whose answer may repeat its question's words by design: a table cell under a column
#: that names its scale ("Licence › Permissiveness" -> "permissive"), a true/false mark ("F")
#: that the statement may well contain, a cloze whose front holds its deletions.
_MAY_ECHO = frozenset({"table", "verdict", "marked"})


#: A task-list item: "- [ ] Read chapter 3", "* [x] Book the room", "1. [ ] …"
_TASK_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,2}[.)])\s+\[(?P<done>[ xX])\]")


def _only_tasks(card: Candidate) -> bool:
    """Every line of the back is a task-list item ("- [ ] Read chapter 3", "- [x] …"): a to-do
    list, a checklist to tick or a syllabus's boxes of topics still to study, none of them a
    fact to recall. A question whose boxes mark its answer ("Which … ?" over "- [ ] CAP" and
    "- [x] Shine-Dalgarno box") is a quiz, and a card: the ticked box is its answer."""
    if "[" not in card.back:
        return False  # most backs: no box, so no line of them is a task (one pass in C)
    marks = [_TASK_ITEM.match(line) for line in card.back.splitlines() if line.strip()]
    if not marks or not all(marks):
        return False
    ticked = any(m.group("done") != " " for m in marks if m)
    return not (ticked and strip_markup(card.front).rstrip(" *_").endswith(("?", "？")))


def _echoes(card: Candidate) -> bool:
    """The back only repeats the front: a claim to show answered by the claim, a placeholder."""
    return card.rule not in _MAY_ECHO and restates(card.front, card.back)


def _as_read(card: Candidate) -> Candidate:
    """The card as its note's reader sees it, whatever rule made it (`marks.as_read`): one place
    for the markup a viewer draws or hides, so no rule leaks it and none need strip it again."""
    front, back = as_read(card.front), as_read(card.back)
    if front is card.front and back is card.back:
        return card
    return replace(card, front=front, back=back)


def _unlinked(card: Candidate) -> Candidate:
    front, back = without_link_targets(card.front), without_link_targets(card.back)
    return (
        replace(card, front=front, back=back) if (front, back) != (card.front, card.back) else card
    )


#: Unicode classes of what decorates a heading without naming anything: symbols and emoji (So,
#: Sk), and the marks and format characters they are built of (keycap U+20E3, variation
#: selector U+FE0F, zero-width joiner)
_DECORATION_CLASSES = frozenset({"So", "Sk", "Mn", "Me", "Cf"})


def _undecorated(card: Candidate) -> Candidate:
    """ "1️⃣ ALU › Función" loses its number to the numbering rule and keeps "️⃣": each part of a
    mined front drops the emoji, symbols and keycap residue it opens with, and the Obsidian tags
    it ends with (`…是什么？ #anki`: they file the line, they ask nothing)."""
    if "#" in card.front:
        card = replace(card, front=" › ".join(map(without_trailing_tags, card.front.split(" › "))))
    if card.front.isascii():
        return card
    parts = [_lstrip_decoration(part) for part in card.front.split(" › ")]
    front = " › ".join(p for p in parts if p)
    return replace(card, front=front) if front and front != card.front else card


def _lstrip_decoration(part: str) -> str:
    start = 0
    while start < len(part) and (
        part[start].isspace() or unicodedata.category(part[start]) in _DECORATION_CLASSES
    ):
        start += 1
    return part[start:]


def _with_tags(card: Candidate, note: Note, confidence: float) -> Candidate:
    """`card` with its note's tags before its own, and rated `confidence`."""
    tags = tuple(dict.fromkeys((*note.tags, *card.tags)))
    if tags == card.tags and confidence == card.confidence:
        return card
    # (the fields as they stand, `replace` reading the class's fields anew for every card)
    return Candidate(
        card.rule,
        card.type,
        card.front,
        card.back,
        card.line,
        card.block_id,
        card.side,
        card.deck,
        tags,
        confidence,
    )


@dataclass(frozen=True)
class NoteResult:
    """What one file gave: the note (None if it could not be read), its cards, its problems."""

    path: Path
    note: Note | None
    candidates: list[Candidate]
    problems: list[Problem]


def scan(paths: Sequence[Path], separators: Separators | None = None) -> Iterator[NoteResult]:
    """Read and extract every note under `paths`; a bad file is reported, never fatal."""
    from ..config import vault_of
    from ..notes import discover, misnamed, read_note, relative_path

    for root in paths:
        if not root.exists():
            raise VaultError(f"{root}: no such file or folder")
        vault = vault_of(root)  # a note inside a vault is read as part of it
        for path in discover(root):
            bad_name = misnamed(relative_path(path, vault))
            if bad_name is not None:
                yield NoteResult(path, None, [], [bad_name])
                continue
            note, problems = read_note(path, vault)
            cards: list[Candidate] = []
            if note is not None:
                try:
                    cards = extract_note(note, separators)
                except Exception as err:  # a bad note must never stop the run
                    problems = [*problems, Problem(note.path, 1, f"extraction failed: {err!r}")]
            yield NoteResult(path, note, cards, problems)
