"""Definitions nobody tagged: `术语：解释`, `Term: explanation`, `**Term** — explanation`.

Found in list items and short paragraphs, one per line. The term must be a name (short, no
sentence in it) and the explanation must say something: labels with a link (`原始论文：<url>`),
values (`参数大小：1B`), lists of names and breadcrumbs are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from itertools import pairwise
from typing import NamedTuple

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text, heading_title, naming_heading, section_title
from .entries import (
    MAX_LINE,
    bold_name,
    bold_term,
    enumerates,
    equation_alone,
    measured,
    one_han,
    run_in_head,
    says_something,
    spells_out,
    split_definition,
    wraps_term,
)
from .lang import (
    ADVICE_HEADING,
    ASPECT_LEAD,
    CASE_CLOSER,
    CASE_OPENER,
    CONTINUES,
    COPULA,
    COPULA_WORD,
    DEICTIC,
    EXAMPLE_LABEL,
    FIELD_NAME,
    FORMULA_LEAD,
    FORWARD_REF,
    GLOSSARY_HEADING,
    HEAD_FOLLOWER,
    NAMING_COPULA,
    POINT_LABEL,
    PROCEDURE_HEADING,
    QUOTE_OPEN,
    REASON_QUESTION,
    REFERENCE_HEADING,
    RESULT_HEADING,
    SECTION_LABEL,
    SETUP_OPENER,
    SETUP_WORD,
    SPEECH_VERB,
    STAGE_NAME,
    STATEMENT_LABEL,
    TO_READER,
)
from .shape import (
    ENTRY_MARK,
    MAX_ANSWER,
    MIN_GLOSSARY,
    as_list,
    asked_under,
    bold_defined,
    bold_name_above,
    called,
    framed,
    glossary_lists,
    glossary_paragraphs,
    introduced,
    is_label,
    is_question,
    items_after,
    may_name,
    named,
    named_plainly,
    names_already,
    names_some,
    names_subject,
    parent_name,
    placed,
    points_back,
    sentences,
    subject_above,
)
from .sheets import Entry, fact_sheet, is_record
from .text import (
    ASKED_ARROW,
    BOLD_OPENERS,
    FILE_NAME,
    FULL_STOP,
    GENERIC_FRONT,
    ITEM_MARK,
    PARENS,
    SPACED_DASH,
    continues_line,
    has_cjk,
    has_colon,
    is_bold_series,
    is_capitalised_phrase,
    is_cut,
    is_distinctive,
    is_example_heading,
    is_explanation,
    is_label_word,
    is_sentence,
    is_series_point,
    is_term,
    names_kind,
    read_on,
    strip_markup,
    strip_numbering,
    units,
    whole_sentences,
    without_item_mark,
)

# "**Gene**:" on a line of its own, its explanation on the lines under it, in one paragraph
_TERM_LINE = re.compile(r"^(?:\*\*[^*\n]{2,50}\*\*\s*[:：]|\*\*[^*\n]{2,50}[:：]\*\*)\s*$")


# "通货膨胀:" on a line of its own, the same without bold: a name, then only its colon
_PLAIN_TERM_LINE = re.compile(r"^(?P<term>[^:：*_`$#>|\n]{1,40}?)\s*[:：]\s*$")
# what a lead-in shows, where a term's line is over its explanation: display math, a quotation
_SHOWN = ("$$", "\\[", '"', "“", "「", ">")


def _lines(block: Block) -> list[str]:
    """The block's lines, a term's line and the explanation under it read as one."""
    lines = block.text.split("\n")
    if block.kind not in {"paragraph", "item"} or len(lines) < 2:
        return lines
    first = lines[0].rstrip()
    if run_in_head(first) and not any(line.lstrip().startswith(BOLD_OPENERS) for line in lines[1:]):
        # "**Sampling distribution.** Data … estimates θ." / "Its sampling distribution, …": a
        # run-in head's paragraph is its explanation, however the author wrapped its lines
        return [" ".join(line.strip() for line in lines)]
    plain = block.kind == "paragraph" and _plain_term_line(first, lines[1])
    if block.kind == "item" and _BOLD_LINE.fullmatch(first) and _explains_below(lines[1:]):
        first += ":"  # "- **Risk appetite**" / "  The amount of risk …": the line break sets it off
    elif not _TERM_LINE.match(first) and not plain:
        return lines
    if TO_READER.search(lines[0]):
        return lines  # "**Analogía con tu vida**:": a note to oneself, not a term
    return [first + " " + " ".join(line.strip() for line in lines[1:])]


# "- **Risk appetite**" alone on an item's first line, its explanation on the lines under it
_BOLD_LINE = re.compile(r"\*\*[^*\n:：?？]{2,50}\*\*")


def _explains_below(below: list[str]) -> bool:
    """The lines under a bold name in its item go on in prose: no list, colon, code,
    quotation or display math on the first (`Code snippet` under `1. **…的主体**` is a
    caption, short); in CJK text one sentence at most (a story told under a bold title,
    `**出身与家族**` / `…。然而，…。`, is a section of prose, not a definition)."""
    first = below[0].strip()
    if has_colon(first) or ITEM_MARK.match(first) or first.startswith(_SHOWN):
        return False
    if has_cjk(first):
        return units(first) >= 6 and "".join(below).rstrip().rstrip("。").count("。") == 0
    return len(first.split()) >= 3


def _plain_term_line(first: str, below: str) -> bool:
    """A name alone before its colon (`通货膨胀:`, `Segments:`) over a line that explains it;
    not over a line with a colon of its own (`negativ:`, `Cells: 6115`: labels, a log), a list,
    a quotation or display math (`考虑如下模型:` / `$$…$$`: a lead-in to what it shows)."""
    m = _PLAIN_TERM_LINE.match(first)
    if m is None or not is_term(m.group("term")) or is_label(m.group("term")):
        return False
    below = below.strip()
    return not (has_colon(below) or ITEM_MARK.match(below) or below.startswith(_SHOWN))


# "感受野是指……。", "BPE (byte pair encoding) refers to …": a definition written as a sentence
_SENTENCE = re.compile(
    r"^(?:\*\*|__)?(?P<term>[^，,。：:*_\n]{1,40}?)(?:\*\*|__)?"
    r"\s*(?P<alias>（[^）]{1,40}）|\([^)]{1,40}\))?\s*(?:，\s*)?"
    rf"(?P<verb>{NAMING_COPULA.pattern})\s*(?P<rest>.+)$",
    re.I,
)
# "**MFU（Model FLOPs Utilization）** 是衡量……的指标": a bolded subject, then what it is
_BOLD_SUBJECT = re.compile(
    rf"^(?:\*\*|__)(?P<term>[^*_\n]{{1,60}}?)(?:\*\*|__)\s*"
    # a copula follows; its verb is left out: "**X** is a …" -> "a …", "**X** 是一个…" -> "一个…"
    # (a Japanese copula is a run of kana, and a comma may follow it: "**X**とは、…")
    rf"(?={COPULA_WORD.pattern})(?P<verb>[\u3040-\u309f]+|[\u3400-\u9fff]|[^\W\d_]+)"
    r"\s*[、，]?\s*(?P<rest>.+)$",
    re.I,
)
_FIRST_SENTENCE = re.compile(rf"^.+?(?:。|{FULL_STOP}|；|$)")
# "国内生产总值（GDP）是在…", "实际利率 (real interest rates) 是…": a CJK term given with its
# Latin name, then a bare copula. The name in brackets marks the term as one being introduced,
# where a bare "是" alone describes as often as it defines ("ResNet 是 …").
_ALIASED = re.compile(
    r"^(?:\*\*|__)?(?P<term>[\u3400-\u9fff]{2,12})\s*"
    r"(?P<alias>（[A-Za-z][^）]{0,40}）|\([A-Za-z][^)]{0,40}\))(?:\*\*|__)?\s*"
    r"(?P<verb>就是|是)(?![指否])\s*(?P<rest>.+)$"
)


def _answers(term: str, explanation: str) -> bool:
    """An answer outside a glossary: an explanation, the members a CJK term names, the
    term's equation alone ("$I=MR^2$") or the words an abbreviation's letters stand for."""
    return (
        is_explanation(explanation)
        or spells_out(term, explanation)
        or names_kind(explanation)
        or enumerates(explanation)
        or equation_alone(explanation)
    )


def _measure(block: Block, explanation: str, listing: bool) -> bool:
    """ "- 胸外按壓速率：100-120 次/分鐘", "- Major seventh: 11 semitones": a plain term's quantity
    in its unit, a fact to learn; `**Key**: 20min` is a field of a record (a note's review log,
    its file counts), and an item of a `_listings` list a line of data, not one."""
    return not listing and not block.text.startswith(_MARKS) and measured(explanation)


#: How many `term: quantity` items a list may hold and still be notes: more make a listing of
#: data (a run's output, genes ranked by their cell counts), not facts to learn one by one.
MAX_MEASURES = 5
# an item's first line as `term: rest`
_ENTRY_REST = re.compile(r"[^:：\n]{1,40}[:：]\s*(?P<rest>[^\n]+)")


def _listings(ctx: Context) -> frozenset[int]:
    """The items of the lists with more than MAX_MEASURES items that give a quantity."""
    out: set[int] = set()
    for items in ctx.lists.values():
        if len(items) > MAX_MEASURES:
            entries = (_ENTRY_REST.match(ctx.blocks[n].text) for n in items)
            if sum(1 for m in entries if m and measured(m.group("rest"))) > MAX_MEASURES:
                out.update(items)
    return frozenset(out)


def _may_define(line: str, item: bool) -> bool:
    """A cheap test before the sentence forms: a naming copula, or in a list item a bracket for
    a term's name."""
    return NAMING_COPULA.search(line) is not None or (
        item
        and ("（" in line or "(" in line)
        and _ALIASED.match(without_item_mark(line.strip())) is not None
    )


def split_sentence_definition(line: str, *, aliased: bool = False) -> tuple[str, str] | None:
    """(term, explanation) from a sentence that opens by defining its subject. With `aliased`
    (a list item: a paragraph that opens a section is its heading's answer) a term given with
    its Latin name defines with a bare copula too."""
    line = without_item_mark(line.strip())
    # the lazy term of `_SENTENCE` tried each of its lengths before it failed on a line that
    # holds no naming copula (nine in ten): one search of the copula refuses it
    named = NAMING_COPULA.search(line) is not None
    m = (_SENTENCE.match(line) if named else None) or _BOLD_SUBJECT.match(line)
    if m is None and aliased:
        m = _ALIASED.match(line)
    if m is None or line.endswith(("?", "？")):
        return None
    alias = m.groupdict().get("alias") or ""
    term = m.group("term").strip() + (" " if alias.startswith("(") else "") + alias
    rest = _FIRST_SENTENCE.match(m.group("rest").strip())
    back = rest.group().strip() if rest else ""
    if m.group("verb") in {"是一种", "是一类"}:
        back = m.group("verb")[1:] + back
    if not is_term(term) or not is_explanation(back, min_units=6):
        return None
    return strip_markup(term), back


def _aliased_paragraph(ctx: Context, block: Block, line: str) -> tuple[str, str] | None:
    """A paragraph that opens by giving a CJK term its Latin name and a bare copula
    (`向量空间模型（Vector Space Model, VSM）是…`) defines that term where its heading is about
    something else (`### 词向量`); under a heading that names the term, the heading's card answers
    with it."""
    found = split_sentence_definition(line, aliased=True)
    if found is None:
        return None
    name = PARENS.sub("", found[0]).strip().casefold()
    above = section_title(ctx, block) or ""
    return None if name and name in strip_markup(above).casefold() else found


#: A list by the block it is nested under (None at the top) and the block before it.
_ListKey = tuple[int | None, int]


class _Found(NamedTuple):
    """A definition's card and what may place it once the note's cards are all found: the list
    its item is one of (`_aspects` reads a list's items together), the subject of the aspect it
    was asked under, the subject a label of a point or a part of a group is to be asked under
    (`_owned`), and whether it is a claim unless so asked (`_plain_led_lists`' aspects)."""

    card: Candidate
    in_list: _ListKey | None = None
    aspect_of: str | None = None
    owner: str | None = None
    section: str | None = None
    claim: bool = False


def find(ctx: Context) -> Iterator[Candidate]:
    """Every definition of the note, an aspect list's items each under its subject (`_aspects`),
    but for a template's fields (`_fields`)."""
    found = list(_definitions(ctx))
    fields = _fields(ctx, [f.card for f in found])
    kept: list[tuple[Candidate, _Found]] = []
    lists: dict[_ListKey, list[_Found]] = {}
    for f in found:
        if f.in_list is None:
            if f.card.front.casefold() not in fields:
                kept.append((f.card, f))
        else:
            lists.setdefault(f.in_list, []).append(f)
    for run in lists.values():
        for card, f in zip(_aspects(run, ctx.note.title), run, strict=True):
            if card.front.casefold() not in fields:
                kept.append((card, f))
    # (a label the note repeats stays bare: which card of it stays is dedupe's call)
    fronts = Counter(card.front.casefold() for card, _ in kept)
    for card, f in kept:
        # a point of a series is placed however often the note repeats it ("1st group" of two
        # experiments): its owner is what tells the repeats apart
        alone = fronts[card.front.casefold()] == 1 or is_series_point(card.front)
        placed = _owned(card, f.owner) if alone else card
        if not (f.claim and " › " not in placed.front):
            yield placed


def _owned(card: Candidate, owner: str | None) -> Candidate:
    """`card` asked under `owner`, where nothing else placed it: the subject whose point a label
    of it names ("Key Insight", "Main Driver": the item it is nested under, else the nearest
    heading naming a subject), the label saying what kind of point it is, not whose; the group
    its item is a part of (`_group_of`); or what a capitalised phrase is a part of
    (`_phrase_owner`). Placed once the template's fields are told, by their bare fronts, so that
    no card is kept or lost by it."""
    if " › " in card.front:  # placed already, by its aspects or its section
        return card
    return replace(card, front=asked_under(owner, card.front))


#: A term given in this many places of one note is a field of the author's template.
MIN_FIELD = 3
#: The words a line opens with before a colon (`- **Pronunciation**: …`, `Symbol: …`), past any
#: indent, quote mark, list mark and markup.
_LABEL_LINE = re.compile(r"[ \t>]*(?:[-*+]|\d+[.)])?[ \t]*[*_]*([^:：\n*_]{1,80})[*_]*[:：]")


def _fields(ctx: Context, cards: list[Candidate]) -> set[str]:
    """The bare terms of a template's fields: `Pronunciation: …`, `Key insight: …`, `Formula: …`
    opening MIN_FIELD lines of the note or more, one for each subject the note goes through,
    whether or not each made a card. The term names no subject, only the slot the author fills
    for each, and asked alone it does not tell which one is meant; a front asked after its place
    (`X › Y`) tells it and stays, and so does a term the note's title holds, what the note is
    about (`毫米波雷达` in `毫米波雷达-激光雷达`)."""
    title = ctx.note.title.casefold()
    terms = {
        term
        for card in cards
        if " › " not in card.front and (term := card.front.casefold()) not in title
    }
    if not terms:
        return set()
    # only a line with a colon can open with a field's label (without one, `_LABEL_LINE` tried
    # each length of the label in turn): those lines alone are folded, not the note whole (a
    # third of its text), as case folding changes no colon and no line break (`has_colon`, in
    # line)
    lines = [line.casefold() for line in ctx.lines if ":" in line or "：" in line]
    text = "\n".join(lines)
    # (a term these lines say fewer times can open no more of them: most are ruled out in C)
    terms = {term for term in terms if text.count(term) >= MIN_FIELD}
    if not terms:
        return set()
    counts: dict[str, int] = {}
    for line in lines:
        if not any(term in line for term in terms):
            continue
        if (m := _LABEL_LINE.match(line)) and (label := m.group(1).strip()) in terms:
            counts[label] = counts.get(label, 0) + 1
    return {term for term, n in counts.items() if n >= MIN_FIELD}


def _aspects(run: list[_Found], title: str) -> Iterator[Candidate]:
    """The items of one list, where one of them is an aspect its section names ("相同点" under
    "RF和GBDT的异同", "Tradeoff" under "Router Architecture"): the list goes through aspects of
    that subject, and a sibling whose front names none of its own ("最终结果", "Market Size")
    asks about the same subject ("RF和GBDT的异同 › 最终结果"). A question's list is its answer,
    whose terms stand on their own ("SFT的数据集格式？" over `- 标签数据：…`). Where no item is
    an aspect but one is a common word asked under its section ("Vision Killers › Too vague"),
    the list names members of one kind under that section, and its other items ("Top-down
    only", "One-and-done") are of that kind too: each is asked under it, unless it has a subject
    of its own to be asked under (`_Found.owner`) or the note's `title` holds it (`激光雷达` in
    `毫米波雷达-激光雷达`: what the note is about, named in a list of its uses)."""
    subjects = {f.aspect_of for f in run if f.aspect_of}
    subject = next(iter(subjects)) if len(subjects) == 1 else None
    if subject and is_question(subject):
        subject = None
    sections = {f.section for f in run if f.section}
    section = next(iter(sections)) if not subjects and len(sections) == 1 else None
    if section and is_question(section):
        section = None
    title = title.casefold()
    for f in run:
        own = f.owner is not None or f.card.front.casefold() in title
        yield _owned(f.card, subject or (None if own else section))


def _definitions(ctx: Context) -> Iterator[_Found]:
    """Each definition; a list item's with its list, the subject an aspect item was asked
    under, and the subject a label of a point (`POINT_LABEL`) or a part of a group
    (`_group_of`) is to be asked under."""
    before_items = ctx.before_items
    parsed = _parsed_sentences(ctx, before_items)
    glossaries, loose = glossary_lists(
        ctx,
        has_colon,
        partial(split_definition, listed=True, short=True, item=True),
    )
    listings = _listings(ctx) if loose else frozenset()
    glossaries = _by_full_entries(ctx, glossaries, loose, listings)
    rescued = _bold_siblings(ctx, loose) | _all_entries(ctx, loose) | _short_siblings(ctx)
    led = _bold_led_lists(ctx)
    plain_led, plain_aspects = _plain_led_lists(ctx)
    bare = _bare_led_lists(ctx)
    named_in_code = _identifier_lists(ctx)
    cases = _case_lists(ctx)
    # `Term: definition` lines of a paragraph: a glossary written without list marks
    paragraphs = glossary_paragraphs(
        ctx,
        has_colon,
        partial(split_definition, listed=True, short=True),
    )
    sheet = fact_sheet(ctx)  # `key: value` items that sibling sections share their keys with
    barred: dict[int | None, bool] = {}  # per heading: a section whose items are not terms
    procedure: dict[str, bool] = {}  # per lead-in: the items of one list share theirs
    for n, block in ctx.prose:
        if n in parsed:
            continue
        if block.kind == "item":
            lead = _lead_in(ctx, n, before_items[n])
            if lead not in procedure:
                procedure[lead] = _heads(PROCEDURE_HEADING, lead)
            if procedure[lead] and not _named_stage(block.text) and n not in cases:
                continue  # a step, unless the author named the stage or it tells a case
        if block.heading not in barred:
            heading = ctx.blocks[block.heading].text if block.heading is not None else ""
            title = heading_title(ctx.blocks[block.heading]) if block.heading is not None else ""
            barred[block.heading] = (  # its words: `<Badge type="tip" />` gives no advice
                _heads(REFERENCE_HEADING, title)
                or _heads(RESULT_HEADING, title)
                or _heads(ADVICE_HEADING, title)
                or is_example_heading(heading)
            )
        if barred[block.heading]:
            continue  # paper titles, reported numbers, rules to follow, the cases of an example
        if n in sheet and not sheet[n].labelled:  # (a label over bullets: the `label` rule's)
            yield from map(_Found, _attribute(ctx, n, sheet[n]))
            continue
        asked = _asked_by(ctx, n, before_items[n])
        defined: set[str] = set()
        if may_name(block.text) and (given := list(_named(ctx, block))):  # most blocks name none
            yield from (_Found(card) for card, _ in given)
            if any(not whole for _, whole in given):
                continue  # a name given after its description: the block's other lines say it
            defined = {card.front.casefold() for card, _ in given}
        entries = paragraphs.get(n, {})
        lines = _lines(block)
        for offset, line in enumerate(lines):
            found = entries.get(offset)  # a line of a glossary paragraph, read already
            marked = has_colon(line) or "**" in line or "__" in line or "——" in line
            if found is None and marked:
                if n in loose:  # read already: keep a list of names only in a glossary
                    found = loose[n]
                    listed = (block.parent, block.heading) in glossaries
                    if found is not None and not listed and not _answers(*found):
                        found = found if _measure(block, found[1], n in listings) else None
                    elif found is not None and not listed and one_han(found[0]):
                        found = None  # "注：…" alone: a label, a term only among its kind
                elif offset and continues_line(line) and is_cut(lines[offset - 1]):
                    continue  # "… All beliefs are\ntrue: but …": a wrapped sentence, no term
                else:
                    found = split_definition(line, item=block.kind == "item")
            item = block.kind == "item"
            if found is None and offset == 0 and ("**" in line or _may_define(line, True)):
                found = split_sentence_definition(line, aliased=item)
                if found is None and not item:
                    found = _aliased_paragraph(ctx, block, line)
            if found is None and offset == 0 and n in led:
                found = _bold_led(line)
            if found is None and offset == 0 and n in plain_led:
                found = _plain_led(line)
            if found is None and offset == 0 and n in bare:
                found = _bare_led(line)
            if found is None and offset == 0:
                found = named_in_code.get(n) or cases.get(n)
            if found is None and offset == 0:
                found = rescued.get(n)
            if found is None and offset == 0 and line.endswith((":", "：")):
                found = _formula_lead(lines)
            if found is None:
                continue
            term, explanation = found
            subject = None  # the section an aspect item is asked under
            section = None  # the section a common word is asked under
            if not is_sentence(explanation):
                whole = _wrapped(explanation, lines[offset + 1 :], block)
                if whole is None:
                    continue  # "Pluralism: the different values are": a sentence cut short
                explanation = whole
            if offset == len(lines) - 1 and _runs_on(ctx, n, explanation):
                continue  # "A mapping $f$ is" + its list, "… of $G$ is" + a formula: cut short
            if SPEECH_VERB.search(term) and QUOTE_OPEN.match(explanation):
                continue  # "报告指出：“…”": a quotation to use, not what a term means
            if FIELD_NAME.match(term) and _opens_note(ctx, n):
                continue  # "topic：…", "date: …" the note opens with: its metadata
            if term.casefold() in defined:
                continue  # the sentence that sets it in bold is its card already
            if n in cases and term == cases[n][0]:
                # "T=0" alone asks for no quantity: the case is of what its section is about
                where = _topic(ctx, block)
                term = f"{where} › {term}" if where else term
            elif GENERIC_FRONT.match(term) or SECTION_LABEL.match(term) or not is_distinctive(term):
                # "不同点", "Sample": a word that means something only under its section
                aspect = GENERIC_FRONT.match(term) or SECTION_LABEL.match(term)
                named_above = bold_name_above(ctx, block, before_items[n]) if aspect else None
                where = _topic(ctx, block, lines[0] if offset else None, named_above)
                if not where and GENERIC_FRONT.match(term):
                    continue
                if where and term.casefold() not in where.casefold():
                    term = placed(where, term)
                    subject = where if aspect else None
                    section = where
            aspects = None
            if item and offset == 0 and not _aspect_label(found[0]):
                aspects = _aspect_of(ctx, n, before_items[n], placed=" › " in term)
            if aspects is not None and not aspects.casefold().endswith(found[0].casefold()):
                # "Slab allocator › Advantages › Fast allocation"; not a section that names the
                # item already ("Application: Face Verification" over "**Face Verification**: …")
                term, section = placed(aspects, found[0]), None
            elif asked is not None and offset == 0 and asked.casefold() not in term.casefold():
                term, section = f"{asked} › {term}", None  # "为什么SFT之后…？ › 数据偏移"
            if ASKED_ARROW.match(explanation):
                continue  # "**Core question**: What is …? → …": a question, the arrow rule's
            back, block_id, deck = clean_card_text(explanation)
            card = Candidate(
                "definition",
                "basic",
                term,
                back,
                block.line + offset,
                block_id=block_id,
                deck=deck,
            )
            listed = block.kind == "item" and offset == 0
            owner = _group_of(ctx, block, term, before_items[n]) if listed else None
            if POINT_LABEL.match(term):  # "- **Main Driver**: …" under "3. **2022 Decline**: …"
                owner = _parent_term(ctx, block) or subject_above(ctx, block)
            elif is_series_point(term):  # "- 1st group: …" under "- Signal Relations - …"
                owner = _series_owner(ctx, block, term)
            elif listed and owner is None:
                owner = _phrase_owner(ctx, block, term)
            in_list = (block.parent, before_items[n]) if listed else None
            # an aspect set off by a full stop is one only asked after its subject (`find`)
            claim = offset == 0 and n in plain_aspects
            yield _Found(card, in_list, subject, owner, section, claim)


# what follows a word that names its line: a colon, a bracket, a number ("Step 2"), another
# word joined to it ("Tips & tricks", "Results/Discussion"), or no word up to the end of the
# line (markup, punctuation, a decorating emoji: "Tips 💡")
_HEAD_END = re.compile(r"[*_]*\s*(?:[:：()（）\[\]&/]|\d)|\W*$")


def _asked_by(ctx: Context, n: int, before: int) -> str | None:
    """The question heading that bold-led item `n` answers when it asks why, whether or how
    (`REASON_QUESTION`: "### 为什么SFT之后感觉LLM傻了?" + "1. **数据偏移**：…") or for its
    subject's aspects (`ASPECT_LEAD`: "指令微调的好处？", "Partition Function 的作用"): its list
    comes right under the heading, or under the paragraph that opens the section, so the heading's
    card holds the list, and each item is a reason, a way or an aspect that means something only
    as part of that answer. A question asking which or what ("微调方法有哪些", "What are the main
    components") lists terms that stand on their own: None, as for an item that answers none."""
    block = ctx.blocks[n]
    if block.kind != "item" or block.parent is not None or block.heading is None:
        return None
    if not block.text.startswith(BOLD_OPENERS):
        return None
    h = block.heading
    if before != h and not (before == h + 1 and ctx.blocks[before].kind == "paragraph"):
        return None
    title = heading_title(ctx.blocks[h])
    if not title or not is_question(title) or DEICTIC.search(title):
        return None
    return title if REASON_QUESTION.search(title) or ASPECT_LEAD.search(title) else None


def _aspect_of(ctx: Context, n: int, before: int, *, placed: bool) -> str | None:
    """What item `n` of a list of its subject's aspects is asked under: the list is led in by a
    label of aspects alone (`ASPECT_LEAD`: "Advantages:", "**缺点：**", "### Limitations", a
    parent item "- Pros"), so each item ("**Fast allocation**: …") is one advantage of the subject
    the label sits under ("Slab allocator › Advantages"), the section's (the first heading that
    names something) or the note's; or the list opens a section whose heading names both
    ("二叉堆的缺点", "Limitations of bubble sort"). Asked alone, the item names neither the
    subject nor that it is an advantage. A short lead-in naming the aspects ("堆存在的问题：")
    names them too, unless the item is asked under its section already (`placed`). None for any
    other list, and under a question, whose list is its answer ("栈和队列的区别？" over "**栈**：…":
    terms that stand on their own)."""
    block = ctx.blocks[n]
    label = where = None
    if block.parent is not None:
        parent = ctx.blocks[block.parent]
        label = _aspect_label(parent.text.split("\n", 1)[0])
        where = section_title(ctx, parent) if label else None
    elif before >= 0 and before == block.heading:
        label = _aspect_label(ctx.blocks[before].text)
        where = naming_heading(ctx, before)
    elif before >= 0 and ctx.blocks[before].kind == "paragraph":
        line = ctx.blocks[before].text.rsplit("\n", 1)[-1]
        label = _aspect_label(line)
        if label is None and not placed and (lead := _aspect_lead(line)):
            return lead  # "堆存在的问题：", "Heaps fall short for two reasons:"
        if label or before - 1 == block.heading:  # a label, or the section's opening paragraph
            where = naming_heading(ctx, block.heading) if block.heading is not None else None
    if label is None:
        if not where or where.rstrip().endswith(("?", "？")):
            return None
        return where if _aspect_named(where) else None
    where = where or ctx.note.title
    if where.casefold().endswith(label.casefold()):
        return where  # a slot of the author's template, named already: "Sorting › Advantages"
    return f"{where} › {label}"


def _aspect_named(title: str) -> bool:
    """A title that names an aspect of its subject at one end: "二叉堆的缺点", "排序的问题（总结）",
    "Limitations of bubble sort", "Heap drawbacks". A CJK word for an aspect heads its phrase,
    so only at its end: "问题求解框架" opens with one and names a framework."""
    bare = PARENS.sub("", title).strip()
    return any(
        m.end() == len(bare) or (m.start() == 0 and not has_cjk(m.group()))
        for m in ASPECT_LEAD.finditer(bare)
    )


#: How many reading units a lead-in line that names its subject's aspects may take: one clause.
MAX_ASPECT_LEAD = 20


def _aspect_lead(line: str) -> str | None:
    """A short lead-in that ends on a colon and names its subject's aspects ("堆存在的问题：",
    "死锁的产生可以归因于以下几个原因：", "Heaps fall short for two reasons:"), without the colon:
    its list's items are those aspects, each asked under it."""
    lead = strip_markup(line).strip()
    if not lead.endswith((":", "：")):
        return None
    lead = lead.rstrip(":：").strip()
    return lead if units(lead) <= MAX_ASPECT_LEAD and _aspect_named(lead) else None


def _aspect_label(line: str) -> str | None:
    """The line when it is only a label of aspects ("Advantages:", "1. **缺点**：", French
    "Inconvénients :" with its space before the colon), else None."""
    label = strip_numbering(strip_markup(without_item_mark(line.strip()))).strip()
    label = label.rstrip(":：").rstrip()
    return label if label and ASPECT_LEAD.fullmatch(label) else None


def _heads(pattern: re.Pattern[str], text: str) -> bool:
    """A word of `pattern` (a kind of section: "Tips", "Steps", "References") is what a line of
    `text` is about: the word ends the line or leads the phrase that follows ("Steps in MLE",
    "Tips for writing", "Step 2:"). Where another word of a name follows it, it only modifies
    that word ("Support Surfaces", "Step Size Selection", "steps known as normal forms"): the
    section is about that, not about steps. CJK words stand where they are found."""
    for m in pattern.finditer(text):
        if has_cjk(m.group()):
            return True
        rest = text[m.end() :].split("\n", 1)[0]
        if _HEAD_END.match(rest) or HEAD_FOLLOWER.match(rest.lstrip(" *_")):
            return True
    return False


def _attribute(ctx: Context, n: int, entry: Entry) -> Iterator[Candidate]:
    """The card of a fact sheet's entry (`sheets.fact_sheet`): the key asked of its section's
    subject (`CJD › path`), the value or the list nested under the key its answer, however short
    (`prions`)."""
    block = ctx.blocks[n]
    if entry.value:
        answer = entry.value
    else:
        items = items_after(ctx, n)
        if not items or any(b.children or not ctx.free(b) for b in items):
            return  # an outline under the key ("- clinical" / "+ appearance" / "* …"): its parts
            # are asked where they are named
        answer = as_list(ctx, items)
    back, block_id, deck = clean_card_text(answer)
    if not back or len(back) > MAX_ANSWER:
        return
    front = placed(entry.subject, strip_markup(entry.key).strip())
    yield Candidate("definition", "basic", front, back, block.line, block_id=block_id, deck=deck)


def _by_full_entries(
    ctx: Context,
    glossaries: set[tuple[int | None, int | None]],
    loose: dict[int, tuple[str, str] | None],
    listings: frozenset[int],
) -> set[tuple[int | None, int | None]]:
    """The glossary lists with MIN_GLOSSARY entries or more whose answer explains or lists
    names: there a sibling's short answer (`- Divergent: pull apart` among `- Convergent: two
    plates move towards each other …`) is an entry too; short answers alone (`- Taiga: cold
    forest`, a word list, or a plan) make no glossary, as in a paragraph. A list of two items,
    both entries ("- Largo: very slow", "- Presto: very fast"), is a glossary whole."""
    full: dict[tuple[int | None, int | None], int] = {}
    marked: dict[tuple[int | None, int | None], int] = {}
    entries: dict[tuple[int | None, int | None], int] = {}
    for n, found in loose.items():
        if found is None:
            continue
        key = (ctx.blocks[n].parent, ctx.blocks[n].heading)
        if key not in glossaries:
            continue  # counted in the lists that can be glossaries only
        entries[key] = entries.get(key, 0) + 1
        if _MARKED_ENTRY.match(without_item_mark(ctx.blocks[n].text)):
            marked[key] = marked.get(key, 0) + 1
        if (
            is_explanation(found[1])
            or names_some(found[1])
            or _measure(ctx.blocks[n], found[1], n in listings)
        ):
            full[key] = full.get(key, 0) + 1
    return {
        key
        for key in glossaries
        if full.get(key, 0) >= MIN_GLOSSARY
        or entries.get(key, 0) < MIN_GLOSSARY  # a list of only its two entries (`glossary_lists`)
        or (full.get(key, 0) >= MIN_MARKED_FULL and marked.get(key, 0) >= MIN_GLOSSARY)
    }


#: How many `**Term**: …` items of one list, and more than half of them, must read as
#: definitions for the list to vouch for the others' bold terms.
MIN_BOLD_SIBLINGS = 2


def _bold_siblings(
    ctx: Context, loose: dict[int, tuple[str, str] | None]
) -> dict[int, tuple[str, str]]:
    """(term, explanation) of the `**Term**: explanation` items that `split_definition` refused
    for their term's shape or their length, in a list where MIN_BOLD_SIBLINGS items or more of
    that shape, and most of them, read as definitions: the list is a glossary and the bold marks
    where each term ends, a title with a comma or a long name (`**Lawfulness, Fairness and
    Transparency**: …`, `**Right to Express Grievances and Complaints of the Patient**: …`) as
    surely as a short one; an explanation longer than a line keeps its whole sentences up to
    MAX_LINE characters."""
    out: dict[int, tuple[str, str]] = {}
    for listed in ctx.lists.values():
        items = [n for n in listed if n in loose]  # one-line items with a colon, read already
        bold = [n for n in items if _BOLD_COLON.match(ctx.blocks[n].text)]
        read = [n for n in bold if loose[n] is not None]
        if len(read) < MIN_BOLD_SIBLINGS or len(read) * 2 <= len(bold):
            continue
        for n in bold:
            if loose[n] is None and (found := _vouched(ctx.blocks[n].text)) is not None:
                out[n] = found
    return out


def _all_entries(
    ctx: Context, loose: dict[int, tuple[str, str] | None]
) -> dict[int, tuple[str, str]]:
    """(term, answer) of each item of a list whose items, MIN_GLOSSARY or more, are every one a
    one-line `**Term**: answer` with a term that names, set in bold or italics: a glossary of
    short answers (`- **Microsystem**: Immediate (Family, School)`, `- **Infancy (0-1y)**: Trust
    vs. Mistrust`), where the list's shape says each answer is whole however few or however
    punctuated its words (`entries.says_something`). A list with one item of another shape, or
    one term that is no name, vouches for none; plain terms need entries that explain
    (`_by_full_entries`): "- Milk: one litre", "- sleep: seven hours" list errands and logs,
    and so does a list under a dated or numbered heading (`## 2024-03-05`, `## Week 3`)."""
    out: dict[int, tuple[str, str]] = {}
    for (h, _, _), items in ctx.lists.items():
        if len(items) < MIN_GLOSSARY or any(n not in loose for n in items):
            continue
        if not all(ctx.blocks[n].text.startswith(_MARKS) for n in items):
            continue  # plain terms: a shopping list or a day's log ("- Milk: one litre")
        if h is not None and is_record(heading_title(ctx.blocks[h])):
            continue  # "## 2024-03-05" over "- **Mood**: good": a journal's entry
        read = [split_definition(ctx.blocks[n].text, listed=True, vouched=True) for n in items]
        if all(read):
            out.update((n, found) for n, found in zip(items, read, strict=True) if found)
    return out


#: How many items of a list, and more than half of them, must be `**Term** – explanation`
#: entries that read as definitions on their own for the list to vouch for a sibling's short
#: answer set off the same way.
MIN_READ_SIBLINGS = 2

#: The separators after a bold term, each by its kind: a colon (in or after the bold) or a dash.
_SEPARATOR_KIND = {":": ":", "：": ":", "—": "-", "–": "-", "-": "-"}


def _entry_kind(m: re.Match[str]) -> str | None:
    """The kind of separator that sets a `BOLD_TERM` match's term off (":" or "-"), else None:
    a bold span that runs into its sentence, or a comma or `=` after it, makes no entry."""
    sep = m.group("colon") or m.group("sep") or ""
    return _SEPARATOR_KIND.get(sep[:1]) if sep != "." else None


def _short_siblings(ctx: Context) -> dict[int, tuple[str, str]]:
    """(term, answer) of each `**Term** – answer` item (a colon in or after the bold, or a dash
    after it) whose answer is too short to explain alone ("**Session** – Manages connections",
    "**Hygrometer:** Humidity (water vapour)"), in a list where MIN_READ_SIBLINGS items or more,
    and more than half of all its items, are entries set off the same way that
    `split_definition` reads as definitions: the list is a glossary, its author's bold sets each
    term off, and a short answer is as whole as its siblings' long ones, if it says something
    in words (`entries.says_something`: not a value, code, a link or a lead-in). A list with a
    few such entries among items of other kinds, or entries that mostly do not explain (a
    record's `**Status**: done`, `**Owner**: …`), vouches for none."""
    out: dict[int, tuple[str, str]] = {}
    for items in ctx.lists.values():
        if len(items) <= MIN_READ_SIBLINGS:
            continue
        texts = [ctx.blocks[n].text for n in items]
        if sum(1 for text in texts if text.startswith(BOLD_OPENERS)) * 2 <= len(items):
            continue  # (most lists: no bold entries, or a few; no regex run)
        entries: list[tuple[str, str]] = []  # each entry that explains: its kind and line
        vouched: list[tuple[int, str, str, str]] = []  # each short answer in words
        for n, text in zip(items, texts, strict=True):
            if not text.startswith(BOLD_OPENERS):
                continue
            line = text.split("\n", 1)[0].strip()
            m = bold_term(line)
            kind = _entry_kind(m) if m else None
            if m is None or kind is None:
                continue
            rest = m.group("rest").strip()
            if is_explanation(rest):  # (cached: the rule asks again)
                entries.append((kind, line))
                continue
            plain = strip_markup(m.group("term")).strip().rstrip(":：").strip()
            if not says_something(rest) or not (bold_name(plain) or is_term(plain)):
                continue  # a value, a lead-in, a field's word: nothing to vouch for
            if not wraps_term(plain, strip_markup(rest)):
                vouched.append((n, kind, plain, rest))
        if not vouched or len(entries) < MIN_READ_SIBLINGS or len(entries) * 2 <= len(items):
            continue  # (the entries that explain bound those that read: most lists stop here)
        read: dict[str, int] = {}
        for kind, line in entries:
            if split_definition(line, item=True) is not None:
                read[kind] = read.get(kind, 0) + 1
        for n, kind, plain, rest in vouched:
            got = read.get(kind, 0)
            if got >= MIN_READ_SIBLINGS and got * 2 > len(items):
                out[n] = (plain, rest)
    return out


_MARKS = ("**", "__", "*", "_")  # what sets a term in bold or italics


# "**Term**: …", "**Term:** …": a bold term, a colon in or after the bold, then text
_BOLD_COLON = re.compile(
    r"^(?:\*\*|__)(?P<term>[^*_\n]{1,80}?)[:：]?(?:\*\*|__)(?<=[:：]\*\*|[:：]__)\s*(?P<rest>\S.*)$"
    r"|^(?:\*\*|__)(?P<term2>[^*_\n]{1,80}?)(?:\*\*|__)\s*[:：]\s*(?P<rest2>\S.*)$"
)


def _vouched(text: str) -> tuple[str, str] | None:
    """The term and explanation of a bold entry its list vouches for: the bold holds a name
    (`entries.bold_name`) and the rest explains. CJK lists set steps and merits in bold
    (`**准备微调数据**：…`), which `is_term` refuses as actions: no vouching there."""
    m = _BOLD_COLON.match(text)
    if m is None:
        return None
    term = (m.group("term") or m.group("term2")).strip()
    rest = (m.group("rest") or m.group("rest2") or "").strip()
    plain = strip_markup(term).strip()
    if not bold_name(plain):
        return None
    if len(rest) > MAX_LINE:
        rest = whole_sentences(rest[:MAX_LINE])
    if not is_explanation(rest) or wraps_term(plain, strip_markup(rest)):
        return None
    return plain, rest


#: In a glossary list whose terms the author set apart in bold, italics or code (three or more),
#: this many entries that explain make the short answers of the others whole: the marks say
#: where each term ends, one gloss that the list glosses its terms ("- `wc`: counts words").
MIN_MARKED_FULL = 1
_MARKED_ENTRY = re.compile(
    r"^(?:(?:\*\*|__|\*|_)[^*_\n]{1,60}?(?:\*\*|__|\*|_)?|`[^`\n]{1,60}`)\s*[:：]"
)


def _formula_lead(lines: list[str]) -> tuple[str, str] | None:
    """(term, sentence) of a `Term: …` line that is one sentence leading into the display formula
    under it ("- **E-step**: Estimate the posterior probability by setting:" / `$$…$$`,
    "- **Multiplicative Model**: Assumes that the components multiply together to form the
    observed data:"): the sentence says what the term does, the formula how, and the formula
    rule asks the formula. A lead-in to items stays refused (`split_definition`): there the
    substance is the items; so does a statement's, one that only points at what follows ("… as
    follows:", "…如下："), sets up a premise ("Let $f$ be convex:", "设 …：") or only names the
    formula ("… is given by:", "…定义为：", a name alone): there the substance is the formula."""
    if len(lines) < 2 or not lines[1].lstrip().startswith(("$$", "\\[")):
        return None
    found = split_definition(lines[0].rstrip()[:-1], item=True)
    if found is None or STATEMENT_LABEL.match(strip_markup(found[0]).strip()):
        return None  # "Proposition (…): 若 …, 则 …也是": a statement, its formula the claim
    rest = strip_markup(found[1]).strip()
    if FORWARD_REF.search(rest) or SETUP_WORD.match(rest) or SETUP_OPENER.match(rest):
        return None
    if FORMULA_LEAD.search(rest) or is_term(rest):
        return None  # "…定义多项式核为", "前沿知识：泰勒展开式：": it only names the formula
    return found


def _wrapped(explanation: str, following: list[str], block: Block) -> str | None:
    """The explanation read on over the lines of prose wrapped by hand that go on with it, not
    into the next `Term:` line (`text.read_on`); None when its sentence stays cut. A CJK
    sentence cut at a comma goes on in the items under it ("寡头的规模：随着企业数量的增加，"
    + items): None too."""
    whole = read_on(explanation, following, _opens_term)  # the next term, or a label
    if whole is not None and block.children and _CJK_COMMA_END.search(whole):
        return whole_sentences(whole) or None
    return whole


#: The head of a line's first colon that opens the next `Term: …` (or a label): a few words.
_COLON_HEAD = re.compile(r"^[^:：.!?;→=]{0,40}[:：]")


def _opens_term(line: str) -> bool:
    """The next `Term: …` line or a label of its own: a colon after a few words, not one that a
    wrapped line's later sentence holds ("finite degree → … C is the step beyond: sin(x) …")."""
    return has_colon(line) and _COLON_HEAD.match(line.strip()) is not None


def _runs_on(ctx: Context, n: int, explanation: str) -> bool:
    """The explanation stops on a copula or a function word ("A mapping $f$ is", "… reverses
    the sign by") and a display formula or a list follows its paragraph: the sentence goes on
    there, and read without it says nothing."""
    if ctx.blocks[n].kind != "paragraph" or n + 1 == len(ctx.blocks):
        return False
    return ctx.blocks[n + 1].kind in {"math", "item"} and is_cut(explanation)


_CJK_COMMA_END = re.compile(r"[\u3400-\u9fff][,，、]\s*$")


def _opens_note(ctx: Context, n: int) -> bool:
    """Block `n` is a plain paragraph with only plain paragraphs before it, above any heading:
    where a note without frontmatter keeps its "topic：…" and "date: …" lines."""
    block = ctx.blocks[n]
    if block.kind != "paragraph" or block.quoted or block.heading is not None:
        return False
    return all(b.kind == "paragraph" and not b.quoted for b in ctx.blocks[:n])


_DEICTIC_BACK = 6  # "このこと", "これ": a description this short that points back says nothing


def _named(ctx: Context, block: Block) -> Iterator[tuple[Candidate, bool]]:
    """Each card of a name a sentence of `block` gives, and whether the sentence was its
    answer. "…を**自然失業率**という": a name given after its description, the description
    its answer; a description that only points back ("このことを**X**という") takes the
    sentence before it. Else "One approach is **polling**, where …", "es **semejante** a B
    si …": a term its sentence sets in bold and defines (`shape.bold_defined`), or "… the
    principle of **popular sovereignty**, which …": one it introduces and describes
    (`shape.introduced`), the sentence its answer. A name its heading already asks about is
    the heading rule's card."""
    said = sentences(block.text)
    heading = section_title(ctx, block) or ""
    for k, sentence in enumerate(said):
        found, whole = _description(said, k)
        if found is None:
            term = bold_defined(sentence) or introduced(sentence)
            if term is None or is_label(term) or not is_term(term, max_units=8):
                continue
            if not is_explanation(sentence, min_units=6):
                continue
            found = term, sentence
        term, back = found
        name = PARENS.sub("", term).strip().casefold()
        if heading and name in heading.casefold():
            continue  # the heading asks about it already
        back, block_id, deck = clean_card_text(back)
        card = Candidate(
            "definition", "basic", term, back, block.line, block_id=block_id, deck=deck
        )
        yield card, whole


def _description(said: list[str], k: int) -> tuple[tuple[str, str] | None, bool]:
    """(name, description) of sentence `k` when it names a thing after describing it, and
    whether the sentence is all it says (the block's other sentences are read too)."""
    found = framed(said[k])
    if found is not None:
        return found, True  # "Unter X versteht man …": the frame names, what follows defines
    found = named(said[k])
    if found is None:
        # "… are known as logic puzzles.": the sentence is one reading of the block among others
        return named_plainly(said[k]) or _called(said, k), True
    term, back = found
    pointer = DEICTIC.match(strip_markup(back))
    if pointer:
        if units(strip_markup(back)[pointer.end() :]) > _DEICTIC_BACK:
            back = said[k]  # "These cyclical transformations … are called **X**": the
            # demonstrative only links the sentences; "このような状態を" says nothing
        elif k == 0:
            return None, True
        else:
            back = said[k - 1]
    elif points_back(strip_markup(back)):
        if has_cjk(back):
            return None, True  # "若 A 满足这个条件，则称 A 为**X**": the condition is elsewhere
        # "Fats without these double bonds are called **saturated fats** because …", "If a
        # number is not algebraic, it is called **transcendental**": the sentence says it
        if said[k].count("**") != 2 or not is_term(term, max_units=8):
            return None, True  # several bold spans are emphasis
        if not is_explanation(said[k], min_units=6):
            return None, True
        return (term, said[k]), True
    if not is_term(term, max_units=8) or not is_explanation(back, min_units=5):
        return None, True
    return (term, back), False


def _called(said: list[str], k: int) -> tuple[str, str] | None:
    """(name, answer) of sentence `k` when its speaker names a thing by a bold name
    (`shape.called`): the sentence, or, where it only points back ("We call this the **electric
    potential**."), the sentence before it. A pointer after a condition ("If …, we call it a
    **one-to-one function**") names what the condition says: the sentence is the answer."""
    found = called(said[k])
    if found is None:
        return None
    term, lead, pointer = found
    if pointer and not lead:
        if k == 0:
            return None
        back = said[k - 1]
    else:
        back = said[k]
    if not is_term(term, max_units=8) or not is_explanation(back, min_units=6):
        return None
    return term, back


def _topic(
    ctx: Context, block: Block, first: str | None = None, above: str | None = None
) -> str | None:
    """What a generic term belongs to (`_where`), by its name: a topic line that defines its
    own term ("Neural compartments: the parts of a neuron.") is named by that term, and one
    that is a sentence ("Transmembrane voltage is regulated by …") names nothing."""
    where = above or _where(ctx, block, first)
    if not where or not where.rstrip().endswith((".", "。")):
        return where  # a question asks for the term: "What is X? › Main goal" stays
    found = split_definition(where)
    return found[0] if found else None


def _where(ctx: Context, block: Block, first: str | None = None) -> str | None:
    """What a generic term belongs to: the name the block's `first` line is when the term's
    line follows it (`2. 指数函数` over `形式：…`, `单调性：…`), the term its parent item
    defines or names, else the section (the note, for a glossary section)."""
    if first is not None:
        name = strip_markup(without_item_mark(first)).strip()
        name = strip_numbering(name).strip()
        entry = has_colon(name) or SPACED_DASH.search(name)  # a line defining a term itself
        if name and not entry and is_term(name, max_units=16) and not is_label(name):
            return name
    if (parent := _parent_term(ctx, block)) is not None:
        return parent
    where = section_title(ctx, block)
    if where and GLOSSARY_HEADING.search(where):
        return ctx.note.title
    return where


def _group_of(ctx: Context, block: Block, term: str, before: int) -> str | None:
    """The subject that item `block`, defining `term`, is one part of: the item it is nested
    under, or the bold name alone over its top-level list (`bold_name_above`: "**Marketing
    Tactics:**" over "- Iconic campaigns: …"; `before` is the block before the list), when
    that name names a subject (`names_subject`: "- **Spin Core Services:**" over "- **Memory
    Management:** …", not "- Process:" or "- Two types"). Its items are that subject's parts,
    features or kinds, and a part's name alone does not say whose it is. A bold line that is a
    label or an example ("**Study Tip:**", "**Example Consideration:**") says what kind of note
    its list is, not whose parts. None where the group's name holds the term already ("AIC for
    Model Selection" over "AIC 是…")."""
    if block.parent is not None:
        name = parent_name(ctx, block)
    else:
        name = bold_name_above(ctx, block, before)
        bare = PARENS.sub("", name).strip() if name else ""
        if is_label_word(bare) or EXAMPLE_LABEL.search(bare):
            return None
    name = strip_numbering(name).rstrip(" -–—").strip() if name is not None else None
    if not name:
        return None
    if term.casefold() not in name.casefold():
        return name if names_subject(name) else None
    # a name of two of its items' names may be twice a name's length ("最低纲领和最高纲领");
    # a pair of aspects' labels ("优点和缺点" over "优点：…") names no subject of its own
    if _aspect_label(term) or not _names_siblings(ctx, block, name, term, before):
        return None
    return name if names_subject(name, max_units=16) else None


def _names_siblings(ctx: Context, block: Block, name: str, term: str, before: int) -> bool:
    """Whether the group's `name` holds a second item's term besides `term` ("Things vs.
    Ideas" over "Things: …" and "Ideas: …"; "最低纲领和最高纲领" over "最低：…" and "最高：…"):
    such a name names the set its items divide, not one of them, so an item's term alone
    ("Things", "最低") does not say whose half it is, while a name that holds only the term
    ("AIC for Model Selection" over "AIC 是…") is that term's own heading."""
    folded = name.casefold()
    # the item's own list: its parent's children, or the top-level items after its lead-in
    # (not another list under the same heading)
    siblings = (
        ctx.blocks[block.parent].children
        if block.parent is not None
        else ctx.lists.get((block.heading, None, before), [])
    )
    for n in siblings:
        other = ctx.blocks[n]
        if other is block or other.kind != "item":
            continue
        if (m := _LABEL_LINE.match(other.text)) is None:
            continue
        label = strip_markup(m.group(1)).strip().casefold()
        if label and label != term.casefold() and label in folded:
            return True
    return False


def _phrase_owner(ctx: Context, block: Block, term: str) -> str | None:
    """The subject a list item's term written as a capitalised phrase (`is_capitalised_phrase`:
    "- **Data Handling:** It manages …" under "### The Remote Reference Layer") is a part, a
    feature or a point of: the term its parent item defines, else the nearest heading naming
    a subject. Alone, the pair reads like a name but does not say whose data, whose services
    or whose news is asked. None where that subject holds the term already, or where a heading
    of the note is the term: the note gives it a section."""
    if not is_capitalised_phrase(term):
        return None
    defined = split_definition(_parent_line(ctx, block))  # (a name alone is `_group_of`'s)
    owner = defined[0] if defined else subject_above(ctx, block)
    if owner is None or names_already(owner, term):
        return None
    return None if term.casefold() in ctx.heading_titles else owner


def _parent_term(ctx: Context, block: Block) -> str | None:
    """The term the item `block` is nested under defines or names, if any."""
    if block.parent is None:
        return None
    first = _parent_line(ctx, block)
    found = split_definition(first)
    if found:
        return found[0]
    name = strip_markup(first).strip().rstrip(":：").strip()
    if name and is_term(name, max_units=16) and not is_label(name):
        return name  # "- 反侵略斗争失败的原因" over "- 根本原因: 社会制度的腐败"
    return None


def _series_owner(ctx: Context, block: Block, term: str) -> str | None:
    """What the series a point of (`is_series_point`: "12 weeks", "1st group", "Response #1")
    is of: the term the item it is nested under defines or names, or the term of the entry it
    is (`_parent_entry`), else the nearest heading naming a subject. Not a parent that only
    names the kind its points count ("- Responses" over "- Response #1: …", "- Groups" over
    "- 1st group: …"): the series' own label, which says no more than each point does."""
    kind = _SERIES_NUMBER.sub("", strip_markup(term)).strip().casefold()
    for owner in (_parent_term(ctx, block), _parent_entry(ctx, block)):
        if owner and not (kind and _counts_kind(owner.casefold(), kind)):
            return owner
    return subject_above(ctx, block)


# a number of a series point and the ordinal ending or the mark that goes with it
_SERIES_NUMBER = re.compile(r"#?\s?\d[\d.,:/–-]*[^\W\dA-Z_]{0,2}\.?")
#: How many letters a plural adds to the word it counts ("Responses", "Gruppen", "groupes").
_PLURAL_LETTERS = 2


def _counts_kind(owner: str, kind: str) -> bool:
    """`owner` is `kind` itself or its plural: the label of the series, not its subject."""
    return owner.startswith(kind) and len(owner) - len(kind) <= _PLURAL_LETTERS


def _parent_entry(ctx: Context, block: Block) -> str | None:
    """The term of the `Term - explanation` entry the item `block` is nested under, if it is
    one ("- Signal Relations - predictive value of …" over "- 1st group: …"): the series its
    points belong to, where the parent is written as the `arrow` rule's entry (read here by
    its mark, `shape.ENTRY_MARK`, as no rule imports another)."""
    if block.parent is None:
        return None
    first = without_item_mark(_parent_line(ctx, block).strip())
    mark = ENTRY_MARK.search(first)
    if mark is None:
        return None
    term = strip_markup(first[: mark.start()]).strip()
    return term if term and is_term(term) and not is_label(term) else None


def _parent_line(ctx: Context, block: Block) -> str:
    """The first line of the item `block` is nested under ("" at the top of a list)."""
    return ctx.blocks[block.parent].text.split("\n")[0] if block.parent is not None else ""


_WORD = re.compile(r"\w+")
#: A run of at least this many items whose terms are words of the sentence above is a parse.
_MIN_PARSE = 3


def _parsed_sentences(ctx: Context, before_items: list[int]) -> set[int]:
    """List items that take a sentence apart word by word (`### "As tristes canções…"` then
    `* **tristes:** Adjetivo …`, `* **canções:** Substantivo …`): the terms are the words of the
    heading or lead-in above them, so the list is a parse of that sentence, not a glossary."""
    runs: dict[tuple[int | None, int | None, int], list[tuple[int, str]]] = {}
    for n, block in enumerate(ctx.blocks):
        if block.kind != "item" or not block.text.startswith(BOLD_OPENERS):
            continue
        m = bold_term(block.text)
        if m and (m.group("sep") or m.group("colon")):
            first = before_items[n] + 1  # the run of items this one belongs to
            runs.setdefault((block.heading, block.parent, first), []).append((n, m.group("term")))
    parsed: set[int] = set()
    for items in runs.values():
        if len(items) < _MIN_PARSE:
            continue
        lead = _lead_in(ctx, items[0][0], before_items[items[0][0]])
        above = {w.casefold() for w in _WORD.findall(lead)}
        words = [n for n, term in items if len(term.split()) <= 2 and _words_of(term) <= above]
        if len(words) < _MIN_PARSE or 2 * len(words) < len(items):
            continue
        if not _lists_terms(lead, [term for _, term in items]):
            parsed.update(words)
    return parsed


# what sets the names of a list apart: a comma, a semicolon, a slash, an arrow
_LIST_GAP = re.compile(r"[,，、;；/→>]")


def _lists_terms(lead: str, terms: list[str]) -> bool:
    """The lead-in lists the terms ("there are strong, weak, and failed states", "Stem -> Body
    -> Head"): the items define each of them, where a parse takes a sentence word by word with
    only spaces between ("As tristes canções")."""
    text = lead.casefold()
    found = sorted(
        (m.start(), m.end())
        for term in {t.strip().casefold() for t in terms}
        if (m := re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text))
    )
    gaps = [text[a[1] : b[0]] for a, b in pairwise(found)]
    return bool(gaps) and sum(_LIST_GAP.search(g) is not None for g in gaps) * 2 > len(gaps)


def _words_of(term: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(term)} or {"\0"}


def _named_stage(text: str) -> bool:
    """ "**监督微调 (SFT)**：…" in a list of steps: a stage the author named in bold, with its
    short name or alias beside it or called a stage ("**知识提取阶段**：…"; the tables'
    `stage_nouns`), is a term to learn, unlike "**Step 1**: load the data"."""
    m = bold_term(without_item_mark(text.split("\n")[0].strip()))
    if not m or not (m.group("sep") or m.group("colon")):
        return False
    term = m.group("term").strip()
    named = PARENS.search(term) is not None or STAGE_NAME.search(term) is not None
    return named and is_term(term)


# "1. **正向最大匹配法**，从左到右…", "2. **n最短路径方法**。将所有…": a bold term that opens an
# item and ends at a comma or full stop, the explanation after it
_BOLD_LED = re.compile(
    r"^(?:\*\*|__)(?P<term>[^*_\n]{1,40}?)(?:\*\*|__)\s*(?P<sep>[。，,.])\s*(?P<rest>\S.*)$"
)
#: How many items of one list must open so for the list to be a list of terms.
MIN_LED = 2


def _bold_led_lists(ctx: Context) -> set[int]:
    """The items of lists where MIN_LED items or more, and most of the list, open with a bold
    term set off by a comma or a full stop: the author lists terms, each explained after it
    (`BOLD_TERM` wants a colon, and takes a comma only where the sentence does not go on).
    A list led in by its subject's aspects ("有两个优势：", "the main drawbacks") names none."""
    led: dict[tuple[int | None, int | None, int], list[int]] = {}
    for key, items in ctx.lists.items():
        for n in items:
            text = ctx.blocks[n].text
            if text.startswith(BOLD_OPENERS) and _BOLD_LED.match(text.split("\n")[0]):
                led.setdefault(key, []).append(n)
    out: set[int] = set()
    for key, items in led.items():
        if len(items) < MIN_LED or len(items) * 2 < len(ctx.lists[key]):
            continue
        if ASPECT_LEAD.search(_lead_in(ctx, items[0], key[2])):
            continue  # "有两个优势：" + "**可移植性**。…": aspects of the subject, not its terms
        out.update(items)
    return out


def _bold_led(line: str) -> tuple[str, str] | None:
    """(term, explanation) of an item of a bold-led list, when the bold is a name."""
    m = _BOLD_LED.match(without_item_mark(line.strip()))
    if m is None:
        return None
    term, rest = m.group("term").strip(), m.group("rest").strip()
    if m.group("sep") in {"，", ","} and is_bold_series(without_item_mark(line.strip())):
        return None  # "**Free**, **unbound**, and **water-soluble drugs** are …": a series
    if m.group("sep") in {"，", ","} and CONTINUES.match(rest):
        return None  # "**K V Cache**，并采用…": the sentence goes on, it does not define
    if not is_term(term) or not is_explanation(rest) or wraps_term(term, strip_markup(rest)):
        return None
    return strip_markup(term), rest


# "6. Pauperisation. Poverty is the result of …", "- Transformer 架构。正如我们在…": a plain term
# that opens an item and ends at a full stop, a sentence of its own after it; the last word of
# the term is no abbreviation whose full stop a name goes on after ("Dr. Smith", "vs. Rome")
_PLAIN_LED = re.compile(
    r"^(?P<term>[^\W\d_][^.。:：*_`$|\[\]\n]{0,59}?(?:[^\W\d_]{3}|[A-Z]{2}|[^\x00-\u2fff]))"
    r"(?P<sep>\.(?=\s)|。)\s*(?P<rest>\S.*)$"
)


def _plain_led_lists(ctx: Context) -> tuple[set[int], set[int]]:
    """The items of lists where MIN_LED items or more, and most of the list, open with a plain
    term set off by a full stop and go on with a sentence (`_plain_led`): the author lists
    terms, each explained after it, as `_bold_led_lists` does in bold. One such item alone is
    a short sentence and another ("- Idealize the system. First examine …"); most of a list so
    written is the author's way of setting a name off. Second, those of them in a list led in
    by its subject's aspects (`ASPECT_LEAD`): an aspect means something only asked after its
    subject ("Main aspects of Class Conflict › Alienation"), and bare it is a claim ("仅有三点
    细微差异：" over "使用 Post Norm 而非 Pre Norm。…"), so the caller keeps it only so asked.
    The shape is matched first and the words read only in a list most of whose items have it:
    most items hold a full stop somewhere, few lists open their items so."""
    out: set[int] = set()
    aspects: set[int] = set()
    for key, items in ctx.lists.items():
        if len(items) < MIN_LED:
            continue
        shaped = [n for n in items if _plain_led_shape(ctx.blocks[n].text) is not None]
        if len(shaped) < MIN_LED or len(shaped) * 2 < len(items):
            continue
        led = [n for n in shaped if _plain_led(ctx.blocks[n].text.split("\n")[0]) is not None]
        if len(led) < MIN_LED or len(led) * 2 < len(items):
            continue
        if ASPECT_LEAD.search(_lead_in(ctx, led[0], key[2])):
            aspects.update(led)
        out.update(led)
    return out, aspects


#: How far into an item the full stop after a plain term may be: `_PLAIN_LED`'s term and mark.
_PLAIN_LED_REACH = 62


def _plain_led_shape(text: str) -> re.Match[str] | None:
    """`_PLAIN_LED` on an item's first line, tried only where a full stop followed by a space or
    a `。` comes within reach of its start (a plain string search, no regex)."""
    head = text[:_PLAIN_LED_REACH]
    if ". " not in head and "。" not in head:
        return None
    return _PLAIN_LED.match(without_item_mark(text.split("\n", 1)[0].strip()))


def _plain_led(line: str) -> tuple[str, str] | None:
    """(term, explanation) of an item that opens with a plain name and its full stop, a
    sentence after it: in Latin script one that opens with a capital (a new sentence, where
    "Mr. smith" or a cut line goes on), after `。` any; a CJK term that holds a copula is a
    sentence of its own ("另一项是一个约束。…"), not a name."""
    m = _plain_led_shape(line.strip())
    if m is None:
        return None
    term, rest = m.group("term").strip(), m.group("rest").strip()
    if m.group("sep") == "." and not (rest[0].isupper() or has_cjk(rest[0])):
        return None  # "Fig. 3 shows …", "approx. three …": the sentence goes on
    if m.group("sep") == "。" and COPULA_WORD.search(term):
        return None
    if not is_term(term) or not is_explanation(rest):
        return None
    return term, rest


# "- `Capital` Anything produced that is used …", "- **Bias** The error a model makes …": a
# term in code or bold that runs straight into its explanation, with no mark between them; after
# bold the explanation opens a phrase of its own (a capital letter), after code (a name the
# author types as code, `COUNT()`) it may open with a verb ("`COUNT()` counts the rows")
_MARKED_TERM = r"`(?P<code>[^`\n]{1,40})`|(?:\*\*|__)(?P<bold>[^*_\n]{1,40}?)(?:\*\*|__)"
_BARE_LED = re.compile(rf"^(?:{_MARKED_TERM})[ \t]+(?P<rest>[^\W\d_].*)$")
_BARE_TERM = re.compile(_MARKED_TERM)  # an item that is only a term ("`Scarcity`")
# a word or two after the marked word, then a spaced dash: the marks set off part of a term that
# the dash ends (`` `geographische` Segmentierung - nach Land, Stadt ``), as the `arrow` rule
# reads it, not a term and its explanation run into each other
_RUN_ON_TERM = re.compile(r"[^\W\d_][\w-]*(?:[ \t]+[^\W\d_][\w-]*)?[ \t]+[-–—][ \t]")


def _bare_led_lists(ctx: Context) -> set[int]:
    """The items of lists where MIN_LED items or more open with a term set off by no mark
    (`_BARE_LED`), and they are most of the items that say more than a term: a glossary whose
    author left some terms to fill in later ("- `Scarcity`" alone) and typed the others with
    their explanation after a space. One such item alone is a sentence opening with a name."""
    out: set[int] = set()
    for items in ctx.lists.values():
        firsts = [(n, ctx.blocks[n].text.split("\n")[0].strip()) for n in items]
        says = sum(_BARE_TERM.fullmatch(first) is None for _, first in firsts)  # more than a term
        led = [n for n, first in firsts if _bare_led(first) is not None]
        if len(led) >= MIN_LED and len(led) * 2 >= says:
            out.update(led)
    return out


def _bare_led(line: str) -> tuple[str, str] | None:
    """(term, explanation) of an item that runs a marked term into its explanation."""
    m = _BARE_LED.match(line.strip())
    if m is None or has_cjk(m.group("rest")):
        return None  # CJK prose after a code span is a sentence about it ("`X` 用于 …")
    term, rest = (m.group("code") or m.group("bold")).strip(), m.group("rest").strip()
    if _RUN_ON_TERM.match(rest):
        return None  # "`geographische` Segmentierung - nach Land, …": the term runs on to its dash
    if m.group("bold") is not None and not rest[0].isupper():
        return None  # "**Worsening** of the balance occurs when …": the sentence goes on
    if COPULA.match(" " + rest) or not is_term(term) or not is_explanation(rest):
        return None  # "**Ledger** is …": a defining sentence, read as one
    return strip_markup(term), rest


# "- `lora_alpha`：缩放参数…", "3. **num_encoder_layers**：编码器encoder的block数目": a name typed
# as code (an identifier, a dotted attribute) set off by a colon
_IDENTIFIER_ENTRY = re.compile(
    r"(?:`(?P<code>[A-Za-z_][\w.]*)`|(?:\*\*|__)(?P<bold>[A-Za-z_][\w.]*)(?:\*\*|__))"
    r"\s*[:：]\s*(?P<rest>\S.*)"
)
#: How many items of a list must give an identifier and its explanation to make it their glossary.
MIN_IDENTIFIERS = 2


def _identifier_lists(ctx: Context) -> dict[int, tuple[str, str]]:
    """The entries of lists that explain names typed as code, MIN_IDENTIFIERS or more of them:
    the parameters of a call or a class (`LoraConfig`: "- `task_type`：模型类型…", "-
    `lora_alpha`：缩放参数…"), the fields of a record, the members of a library. There an
    identifier (`lora_dropout`, `d_model`, `__weak`), which `is_term` refuses anywhere else (a
    Dataview field, a file name), is the term, and the explanation after its colon its answer."""
    found: dict[int, tuple[str, str]] = {}
    for n, block in enumerate(ctx.blocks):
        if block.kind != "item" or ("`" not in block.text and "_" not in block.text):
            continue
        m = _IDENTIFIER_ENTRY.fullmatch(block.text.split("\n")[0].strip())
        if m is None or not ctx.free(block):
            continue
        name, rest = m.group("code") or m.group("bold"), m.group("rest").strip()
        if FILE_NAME.search(name) or not is_explanation(rest) or rest.endswith(("?", "？")):
            continue  # "`config.yaml`：…": a file to keep, not a name to learn
        found[n] = (name, rest)
    out: dict[int, tuple[str, str]] = {}
    for items in ctx.lists.values():
        entries = [n for n in items if n in found]
        if len(entries) >= MIN_IDENTIFIERS:
            out.update((n, found[n]) for n in entries)
    return out


# "- T=0：确定性地…", "- $\lambda = 0$: Logarithmic transformation", "- $\text{PMI} > 0$：正相关":
# one quantity (a function of its argument too, "h(x)") compared with a value, or put between
# two ("$0<\xi<1$"), set off by a colon from what that case means
_CASE = (
    r"(?P<case>(?P<math>\$?)(?:[-+]?[\w.]+\s*(?:<|≤|\\lt|\\leq?)\s*)?"
    r"(?P<symbol>\\?[A-Za-z][\w\\{}]*(?:\([^()$\s]{1,8}\))?)\s*"
    r"(?:=|<|>|≈|≥|≤|→|∈|∉|\\to|\\[gl]eq?|\\[gl]t|\\approx|\\rightarrow|\\(?:not)?in(?![a-z]))\s*"
    r"[-+]?[\w∞.\\{}()]+(?P=math))"
)
_CASE_ENTRY = re.compile(rf"{_CASE}\s*[:：]\s*(?P<rest>\S.*)")
# "- 当 $h(x) = 0$ 时，该算法退化为…", "- $\xi = 1$ 时，有两个相等负实根": the case framed as a
# condition by the words of the tables, set off by a comma
_FRAMED_CASE = re.compile(
    rf"(?P<opener>{CASE_OPENER.pattern}\s*)?{_CASE}\s*(?P<closer>{CASE_CLOSER.pattern})?"
    r"\s*[,，]\s*(?P<rest>\S.*)",
    re.I,
)
# the rest of an item that is one display formula alone
_DISPLAY = re.compile(r"\$\$[^$]+\$\$")
_COMPARED = re.compile(r"[=<>≈≥≤→∈∉\\]")
#: How many items of a list must give cases of one quantity to make them terms.
MIN_CASES = 2


def _case_lists(ctx: Context) -> dict[int, tuple[str, str]]:
    """The entries of lists that tell the cases of one quantity, MIN_CASES or more of them,
    each by what it means (`- T=0：确定性地选择最可能的令牌`, `- T=1：从纯语言模型采样`, `-
    $λ = 0$: Logarithmic transformation`, or framed as a condition by the words of the tables:
    `- $ξ = 1$ 时，有两个相等负实根`): the case is the term, though a value given to a
    symbol is none elsewhere (`$k=50, T=1$`: the settings of a run). Cases are no steps, even
    right after a list of them."""
    found: dict[int, tuple[str, str]] = {}
    symbols: dict[int, str] = {}  # the quantity each case is of
    for n, block in enumerate(ctx.blocks):
        if block.kind != "item":
            continue
        first = block.text.split("\n", 1)[0].strip()
        if _COMPARED.search(first) is None:
            continue  # nothing compared: one test for most items
        if not ctx.free(block):
            continue
        m = _CASE_ENTRY.fullmatch(first)
        if m is None and (m := _FRAMED_CASE.fullmatch(first)) is not None:
            m = m if m.group("opener") or m.group("closer") else None
        if m is None:
            continue
        rest = m.group("rest").strip()
        if not has_cjk(rest) and not is_explanation(rest, min_units=2):
            continue
        shown = block.text.split("\n", 1)[1:]
        if rest.endswith((":", "：")) and shown and _DISPLAY.fullmatch(shown[0].strip()):
            rest = f"{rest}\n{shown[0].strip()}"  # "…退化为传统的梯度下降方法:" over its formula
        found[n] = (m.group("case"), rest)
        symbols[n] = m.group("symbol")
    out: dict[int, tuple[str, str]] = {}
    for items in ctx.lists.values():
        by_symbol: dict[str, list[int]] = {}
        for n in items:
            if n in symbols:
                by_symbol.setdefault(symbols[n], []).append(n)
        for cases in by_symbol.values():
            if len(cases) >= MIN_CASES:
                out.update((n, found[n]) for n in cases)
    return out


def _lead_in(ctx: Context, n: int, m: int) -> str:
    """What introduces list item `n`: its parent item, else the paragraph and heading above
    (`m`, the last block before `n` that is not an item)."""
    block = ctx.blocks[n]
    if block.parent is not None:
        return ctx.blocks[block.parent].text.split("\n")[0]
    heading = ctx.blocks[block.heading].text if block.heading is not None else ""
    above = ctx.blocks[m] if m >= 0 else None
    lead = above.text.split("\n")[-1] if above is not None and above.kind == "paragraph" else ""
    return f"{heading}\n{lead}"
