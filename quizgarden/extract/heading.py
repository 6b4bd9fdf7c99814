"""Headings as questions: a question heading answered by its section, a named thing explained
by the paragraph under it ("## Attention Is All You Need" + summary), or a heading that is
itself a definition ("## 知识密度：能力/参数量").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text, heading_above, naming_heading
from .entries import glossed_lines, split_definition
from .lang import (
    ANNOUNCING,
    ARTICLE,
    BARE_ASKING,
    CARRIED_OPENER,
    COMPARISON,
    CONCLUSION,
    COPULA,
    DEFINING,
    DEICTIC,
    DEICTIC_COMPLEMENT,
    DEICTIC_COPULA,
    DEICTIC_PLURAL,
    EXAMPLE_MENTION,
    FIRST_PERSON_SINGULAR,
    FORWARD_REF,
    GERUND,
    INSTRUCTION_TITLE,
    LEAD_IN,
    NAMED_STATEMENT,
    NARRATION,
    OPENER,
    PART_HEADING,
    POINTER,
    PREDICATE_OPENER,
    QUESTION_WORD_ONLY,
    REFERENCE_HEADING,
    REVEAL_LABEL,
    SECTION_LABEL_HEADING,
    SECTION_OPENER,
    SELF_MENTION,
    SETUP_OPENER,
    THANKS,
    TITLE_STOPWORDS,
    TO_READER,
    VALUE_LABEL,
)
from .shape import (
    MAX_ANSWER,
    asked_under,
    cjk_triples,
    counts_parts,
    drop_caption,
    is_definition_label,
    is_question,
    may_name,
    named,
    only_counts,
    opens_part,
    opens_term,
    placed,
    plural_title,
    sentences,
    speaks_of_owner,
    table_rows,
)
from .text import (
    ANSWER_MARK,
    BOLD_OPENERS,
    GENERIC_FRONT,
    IMAGE_IN_TEXT,
    ITEM_MARK,
    NOTE_CACHE,
    TOPIC_SUFFIX,
    has_cjk,
    is_decorated,
    is_distinctive,
    is_example_heading,
    is_explanation,
    is_first_person,
    is_instruction,
    is_label_word,
    is_link_only,
    is_period,
    is_pointer,
    is_sentence,
    is_structural,
    is_term,
    strip_markup,
    strip_numbering,
    units,
    without_links,
    without_urls,
)

_CLAUSE_END = re.compile(r"[，,；;。]")
_COLON = re.compile(r"[:：]")


def find(ctx: Context) -> Iterator[Candidate]:
    blocks = ctx.blocks

    bold = bold_headings(ctx)  # "__Subtraction:__" over the paragraph that explains it

    @cache
    def section_of(n: int) -> list[Block]:
        if n in bold:
            return bold[n]
        if blocks[n].level == BOLD_LEVEL:  # a bold question alone on its line
            return _bold_section(blocks, n)
        return _section(blocks, n)

    @cache
    def summary_of(n: int) -> tuple[str | None, bool]:
        """The text explaining heading `n`, and whether it is a bare list of sentences."""
        section = section_of(n)
        prose = _summary(ctx, section, title=titles[n])
        if prose:
            return prose, False
        listed = _bullets(ctx, section)
        return listed, listed is not None

    cleaned = {
        n: clean_card_text(block.text)
        for n, block in enumerate(blocks)
        if block.kind == "heading" or n in bold
    }
    titles = {n: strip_numbering(strip_markup(raw)) for n, (raw, _, _) in cleaned.items()}
    for n in bold:  # "__Subtraction:__": the colon sets the name apart, as a heading would
        titles[n] = titles[n].rstrip(":：").strip()
    catalogue = _catalogue(ctx, titles, summary_of, bold)
    told_parts: set[int] = set()

    @cache
    def asking_levels() -> frozenset[int]:
        """The levels at which a heading of the note asks: a sheet of questions."""
        return frozenset(
            blocks[m].level
            for m, text in titles.items()
            if blocks[m].kind == "heading" and is_question(text)
        )

    for n, block in enumerate(blocks):
        if n not in cleaned or not ctx.free(block) or n in told_parts:
            continue
        _, block_id, deck = cleaned[n]
        title = titles[n]
        asked = title.lstrip("？?").strip().rstrip(":：").strip()
        if not asked or SECTION_LABEL_HEADING.match(asked):
            # "## Understanding check 9", "### MCQs", "## Why care?": a part of a course names no
            # subject, and what it holds is a recap, a drill or a bundle of questions
            continue
        direct = section_of(n)
        # "### 27. Explain XGBoost.", "## Describe the organometallics of the lanthanoids.": an
        # exam's order asks as a question does, but only among headings that ask; elsewhere
        # it is a step ("## Define the model")
        asks = title.startswith(("？", "?")) or is_question(asked)
        ordered = (
            not asks
            and block.kind == "heading"
            and block.level in asking_levels()  # (most notes ask in no heading: no order read)
            and _orders(asked)
        )
        if asks or ordered:
            if QUESTION_WORD_ONLY.match(asked):
                continue  # "## Who?": what it asks is in the section's own questions, if anywhere
            answer = _answer(ctx, direct)
            if answer and (_leans_latin(answer) or _of_the_text(answer) or _announces(answer)):
                continue  # "How many Variables?" + "Therefore, a system in equilibrium …"
            if answer and not TO_READER.search(asked):
                # "Nennen Sie die Phasen!", "Zählen Sie sie auf.": an order already ends as it is
                mark = (
                    ""
                    if ordered or asked.endswith(_ASKED_ENDS)
                    else "？"
                    if has_cjk(asked)
                    else "?"
                )
                front = asked + mark
                if POINTER.search(asked):  # "Why is it important here?" asks about its section
                    front = f"{_owner(ctx, n)} › {front}"
                yield Candidate("heading", "basic", front, answer, block.line, block_id, deck=deck)
            continue
        # a summary is read only for a heading that could be its front: reading it is most of
        # this rule's cost, and most headings are topic labels ("Summary", "训练流程")
        names = (_names_a_thing(title) or _repeated(ctx, direct, title)) and not (
            block.level == 1 and _FILE_NAME.fullmatch(title)
        )
        summary, listed = summary_of(n) if names else (None, False)
        if (
            summary
            and not _leans(summary)
            and not _sets_up(summary)
            and not _only_counts(summary)
            and not _names_another(title, summary)
            and not _defines_another(title, summary)
            # a bare list explains its heading only as an entry of a catalogue
            and (
                n in catalogue
                or (
                    not listed and (_explains(title, summary) or _leaf_term(ctx, n, title, summary))
                )
            )
            and not _of_the_text(summary)
        ):
            back = summary if listed else _announced(ctx, direct, title, summary)
            if back == summary and not listed and COMPARISON.search(title):
                compared = _compared(ctx, direct, summary)
                if compared is None:
                    continue  # "The two modes differ." over a long list: a lead-in
                back = compared
            if not listed and _announces(back):
                continue  # "The following details the major stages …" over the stages' sections
            front = _front(ctx, n, title, back)
            yield Candidate("heading", "basic", front, back, block.line, block_id, deck=deck)
            continue
        listed_answer = _list_answer(ctx, n, title, direct) if names and not summary else None
        if listed_answer:
            # "## Heraclitus (fl. c. 500 BC)" + "* The doctrine of universal flux …": a name over
            # the list that says what it is, the list its answer
            front = _front(ctx, n, title, listed_answer)
            yield Candidate(
                "heading", "basic", front, listed_answer, block.line, block_id, deck=deck
            )
            continue
        stated = _standing_for(ctx, direct) if names else None
        if stated:
            # "### Stomata" + "These are small pores on the underside of a leaf.": the pronoun
            # stands for the heading, which the paragraph need not name
            front = _front(ctx, n, title, stated)
            yield Candidate("heading", "basic", front, stated, block.line, block_id, deck=deck)
            continue
        led = _lead_and_list(ctx, title, direct) if names and not summary else None
        if led:
            # "## Data Link Layer" / "Deals with:" / the list: the line and its list answer
            front = _front(ctx, n, title, led)
            yield Candidate("heading", "basic", front, led, block.line, block_id, deck=deck)
            continue
        if names and not summary and block.level > 1:
            # "### 1.Adapter Tuning" over "#### 背景" and "#### 技术原理": a method told in parts
            told = _stated_in_parts(ctx, n, title, titles)
            if told:
                stated, parts = told
                told_parts.update(parts)  # "技术原理" alone asks nothing: its card is this one
                yield Candidate("heading", "basic", title, stated, block.line, block_id, deck=deck)
                continue
        # "## 知识密度：能力/参数量" over an empty section: the heading is the whole note; one over
        # headings of its own titles a part, and what follows its colon is a subtitle saying what
        # the part covers ("Recession Risk: The Cost of Disinflation"), no answer; nor is one
        # over a table ("## 主要区别：单播与组播" + the table that sets them apart), which its
        # rows' cards ask
        empty = not any(_usable(ctx, b) or b.kind == "table" for b in direct)
        if empty and not opens_part(ctx, n):
            found = split_definition(title)
            if found:
                yield Candidate(
                    "heading", "basic", found[0], found[1], block.line, block_id, deck=deck
                )


_ASKED_ENDS = ("?", "？", ".", "!", "！", "。")


def _orders(asked: str) -> bool:
    """Whether a heading opens with an exam's instruction (the tables' `asking_instructions`:
    "Explain …", "Describe …", "列出…") and goes on to what it asks for as a sentence does: a
    capital in Latin script, no clause set off by a comma, not about "this"."""
    head = BARE_ASKING.match(asked)
    if head is None or not head.group("instruction") or "," in asked:
        return False
    if _latin_start(asked) and not asked[0].isupper():
        return False
    return DEICTIC.search(asked, head.end()) is None


def _latin_start(text: str) -> bool:
    return text[:1].isascii() and text[:1].isalpha()


#: The level a bold line that heads a paragraph takes among headings: below all of them.
BOLD_LEVEL = 7
#: How many bold lines of a note must head paragraphs before any is read as a heading.
MIN_BOLD_HEADS = 2
# "**Term**", "__Term:__", "**Term**:": a paragraph that is only a bold name
_BOLD_ONLY = re.compile(r"(\*{2,3}|__)(?P<title>[^*_\n]{2,60}?)[:：]?\1[:：]?")


def bold_headings(ctx: Context) -> dict[int, list[Block]]:
    """The paragraphs that are only a bold name over a paragraph that explains it, each with
    the blocks it heads: a learner who writes no `#` sets a name apart in bold as a heading
    (`__Subtraction:__` / "The vector difference can be expressed as …"), a term in Latin
    script over a paragraph in Latin script. What it heads runs to the next heading or bold
    line; a bold line over a list is a label (the `labelled` and `termlist` rules'). A note
    that heads paragraphs so `MIN_BOLD_HEADS` times or more writes its headings so; a bold
    line alone heads its paragraph only when it is a name that says what it is (`**De
    Moivre's Formula**`): "**Either:**" alone is emphasis."""
    blocks = ctx.blocks
    found: dict[int, list[Block]] = {}
    names: dict[int, str] = {}
    for n, block in enumerate(blocks[:-1]):
        if block.kind != "paragraph" or block.parent is not None or block.quoted:
            continue
        if blocks[n + 1].kind != "paragraph" or blocks[n + 1].line > block.end + 2:
            continue
        bold = _BOLD_ONLY.fullmatch(block.text.strip())
        if bold is None or not ctx.free(block):
            continue
        title = bold.group("title").strip()
        if has_cjk(title) or has_cjk(blocks[n + 1].text) or not is_term(title):
            continue  # CJK notes bold a sub-point as often as a name; "**Either:**" names nothing
        out = []
        for m in range(n + 1, len(blocks)):
            after = blocks[m]
            # the next bold name, alone or over its text ("**Point of inflection:**" / "The
            # point at which …"), opens the next part
            if after.kind == "heading" or _BOLD_ONLY.fullmatch(_first_line(after.text)):
                break
            out.append(after)
        found[n], names[n] = out, title
    if len(found) >= MIN_BOLD_HEADS:
        return found
    # alone, only a name that says what it is ("De Moivre's Formula"), not "**Either:**"
    return {n: out for n, out in found.items() if is_distinctive(names[n])}


def _first_line(text: str) -> str:
    return text.strip().partition("\n")[0].rstrip()


#: How many organising sub-headings ("背景", "技术原理", "Motivation") make a method told in parts.
MIN_PARTS = 2
#: How many of the parts' sentences that name the method make its card.
MAX_STATEMENTS = 3
_STATEMENT_CHARS = 500


def _stated_in_parts(
    ctx: Context, n: int, title: str, titles: dict[int, str]
) -> tuple[str, list[int]] | None:
    """What a method heading's parts say of it: "### 1.Adapter Tuning" has no text of its own,
    only sub-sections whose headings organise ("#### 背景", "#### 技术原理"; the language
    tables' structural and part headings), and the sentences of those parts that name the
    method ("作者提出了Adapter Tuning，…", "UniPELT（论文：…）是 LoRA、…的门控组合。") state
    what it is and does, with the organising parts read. None unless MIN_PARTS sub-headings
    organise and a sentence names the method."""
    level = ctx.blocks[n].level
    parts: list[int] = []
    for m in range(n + 1, len(ctx.blocks)):
        block = ctx.blocks[m]
        if block.kind != "heading":
            continue
        if block.level <= level:
            break
        if block.level == level + 1:
            parts.append(m)
    read = [m for m in parts if m in ctx.organising or _organises(titles[m])]
    if len(read) < MIN_PARTS or len(read) * 2 < len(parts):
        return None
    keys = _name_keys(title)
    if not keys:
        return None
    found: list[str] = []
    size = 0
    for m in read:
        for block in _section(ctx.blocks, m):
            if block.kind != "paragraph" or not _usable(ctx, block):
                continue
            for said in sentences(_clean(block, ctx)):
                squeezed = strip_markup(said).replace(" ", "").casefold()
                if not any(key in squeezed for key in keys) or not is_explanation(said):
                    continue
                if said.count("**") % 2:
                    said = said.replace("**", "")  # the bold ran on past the sentence
                opener = CARRIED_OPENER.match(said)
                if opener and opener.end() < len(said):
                    # "基于此，作者提出了X": the connective leans on the background, not on the card
                    said = said[opener.end() :]
                    said = said[0].upper() + said[1:]
                found.append(said)
                size += len(said)
                if len(found) >= MAX_STATEMENTS or size > _STATEMENT_CHARS:
                    return "\n".join(found), read
    return ("\n".join(found), read) if found else None


def _leans(answer: str) -> bool:
    """The section opens by going on from the one before ("Therefore, …", "However, …") or by
    announcing itself ("In this topic, we will …", "Let's …"): no answer to its heading."""
    plain = strip_markup(answer)
    if SECTION_OPENER.match(plain):
        return True
    # (a CJK answer that opens "首先，" or "为了解决…" goes through its points: it answers)
    return not has_cjk(plain[:12]) and CARRIED_OPENER.match(plain) is not None


#: How much of an answer's opening is read for its first sentence speaking of the note.
_SELF_OPENING = 240


def _of_the_text(answer: str) -> bool:
    """The answer's first sentence speaks of the note itself or of the project, course or sheet
    it belongs to, wherever in the sentence (the tables' `self_refs`: "When the class decks
    arrive, this sheet should grow …", "… all content of this project", "本项目的源码…存放在
    GitHub 仓库。"): it tells what the text is, holds or offers, not what its heading is. (A
    back that opens so is no card of any rule; past the opening, a definition's clause may
    quote such words, "总领句子 In this section …", so only the heading rule, whose section
    this sentence opens, reads them there.)"""
    opening = strip_markup(answer[:_SELF_OPENING]).strip()
    return SELF_MENTION.search(_first_sentence(opening)) is not None


#: How many sentences a back that opens by announcing what follows may hold and still only
#: announce it: the announcement and a remark on it ("It's a good idea to stick to these").
_ANNOUNCED_SENTENCES = 2


def _announces(answer: str) -> bool:
    """The answer opens by announcing what follows it and holds none of it: "The following
    details the major stages in developing a lab." over the stages' own sections, "Here are
    AQA's suggested timings …" over the timings, "为方便讨论, 这里给出一个随机优化…的典型应用." over
    the example (the tables' `announcing_openers`). The sentence says what the section is
    about to give, not what its heading is; the card stops before the answer. One that goes
    on to a list, a table or a lead-in's formula carries what it announced, and answers; so
    does one that goes on past `_ANNOUNCED_SENTENCES` sentences ("Here is the short version.
    The client sends …"), which says it in prose."""
    plain = strip_markup(answer).lstrip()
    if ANNOUNCING.match(plain) is None:
        return False
    # (a stray ")." after "(or ink...?" ends no sentence of its own)
    said = [s for s in sentences(plain) if any(map(str.isalpha, s))]
    if len(said) > _ANNOUNCED_SENTENCES:
        return False
    return not any(
        ITEM_MARK.match(line)
        or line.lstrip().startswith(("|", "!["))
        or line.rstrip().endswith(_COLON_ENDS)
        for line in answer.split("\n")
    )


def _leans_latin(answer: str) -> bool:
    """`_leans`, for a question heading's answer in Latin script only: a CJK answer that
    opens "首先，…" or "参考…" goes on to answer its question point by point."""
    return not has_cjk(answer[:12]) and _leans(answer)


def _organises(title: str) -> bool:
    """ "背景", "技术原理", "Motivation": a heading that organises a section, naming nothing."""
    return bool(is_structural(title) or PART_HEADING.match(title) or is_label_word(title))


_LATIN_RUN = re.compile(r"[A-Za-z][\w\-. ]*[\w)]")


def _name_keys(title: str) -> set[str]:
    """How a sentence may write the name: whole, or one script of a bilingual one
    ("Negative Sampling 负采样"), without spaces and case."""
    keys = {title.replace(" ", "").casefold()}
    if has_cjk(title):
        keys.update(run.casefold() for run in _CJK_RUN.findall(title))
        keys.update(m.group().replace(" ", "").casefold() for m in _LATIN_RUN.finditer(title))
    return {key for key in keys if len(key) >= 2}


def _repeated(ctx: Context, section: list[Block], title: str) -> bool:
    """ "### 基于词典的分词算法" + "基于词典的分词算法，本质上就是**字符串匹配**。": the paragraph
    opens by naming its heading word for word, so the heading names what it explains, though
    it reads like a topic ("…的…", "… 方法")."""
    if units(title) < 2 or is_structural(title) or "\n" in title:
        return False
    first = next((b for b in section if _usable(ctx, b)), None)
    if first is None or first.kind != "paragraph":
        return False
    # markup is stripped from the opening alone first: most paragraphs open otherwise
    opening = strip_markup(first.text[: 2 * len(title) + 16]).lstrip()
    if not opening.casefold().startswith(title.casefold()):
        return False
    plain = strip_markup(first.text).strip()
    # "…其整体流程如下.": the section is a procedure, not a definition
    return LEAD_IN.search(plain.rstrip("。. ").split("。")[-1]) is None


def _catalogue(
    ctx: Context,
    titles: dict[int, str],
    summary_of: Callable[[int], tuple[str | None, bool]],
    bold: dict[int, list[Block]],
) -> set[int]:
    """Headings in a run of sibling headings that each name a thing, most of them explained.

    "### BitFit / ### Prefix Tuning / ### LoRA", each over a paragraph: once most siblings are
    plainly explained by their paragraph, the others are entries of the same catalogue even when
    their paragraph does not repeat the name ("在每一个Transformer层都带上一些virtual token...").
    `titles` holds each heading's cleaned title.
    """
    siblings: dict[tuple[int | None, int], list[int]] = {}
    stack: list[int] = []
    for n, block in enumerate(ctx.blocks):
        if n in bold:  # a bold line heading a paragraph: below every heading it sits under
            level = BOLD_LEVEL
        elif block.kind == "heading":
            level = block.level
            while stack and ctx.blocks[stack[-1]].level >= level:
                stack.pop()
        else:
            continue
        parent = stack[-1] if stack else None
        if n not in bold:
            stack.append(n)
        title = titles[n]
        if is_question(title) or not _names_a_thing(title):
            continue
        siblings.setdefault((parent, level), []).append(n)
    out: set[int] = set()
    for candidates in siblings.values():
        if len(candidates) < 3:
            continue  # fewer than 3 siblings make no catalogue: their summaries are not read here
        members = []
        for n in candidates:
            summary, _ = summary_of(n)
            if summary:
                members.append((n, _explains(titles[n], summary)))
        explained = sum(ok for _, ok in members)
        if explained >= 3 and explained * 3 >= len(members):
            out.update(n for n, _ in members)
    return out


_LEAF_SUMMARY = 300
_LEAF_WORDS = 10
_LEAF_SUBJECT = 30  # how far into the paragraph the subject of a defining sentence may reach
_INLINE_MATH = re.compile(r"\$[^$]++\$")
_LABEL_LINE = re.compile(r"^[^:：\n]{1,20}[:：]", re.M)


def _front(ctx: Context, n: int, title: str, answer: str) -> str:
    """The heading as a front: a common word or a part heading means something only under the
    heading it belongs to ("Benford's Law › The Law"), and so does a slot of the author's
    template, written again under each sibling section ("#### 模型总览" under "## Adapter",
    "## LoRA" and "## Prefix-Tuning": `Adapter › 模型总览`; see `organising_headings`)."""
    if (
        GENERIC_FRONT.match(title)
        or PART_HEADING.match(title)
        or not is_distinctive(title)
        or n in ctx.organising
        or is_period(title)  # "#### Late 1960s and 1970s" under "### History of database systems"
    ):
        owner = _owner(ctx, n)
        if title.casefold() not in owner.casefold():
            return placed(owner, title)  # "### Definition" under "## Gaussian Processes" asks it
    elif speaks_of_owner(title, owner := _owner(ctx, n), answer):
        return asked_under(owner, title)
    return title


def _leaf_term(ctx: Context, n: int, title: str, summary: str) -> bool:
    """ "### 词嵌入" + one short paragraph, and no subsection: a term and what the author says it
    is, though the paragraph does not repeat the name."""
    if len(summary) > _LEAF_SUMMARY or "\n\n" in summary.strip():
        return False
    one_word = len(title.split()) < 2
    if not has_cjk(title) and not is_distinctive(title) and (has_cjk(summary) or one_word):
        # "Briefing": a Latin word alone labels a part of a CJK note; over Latin text a single
        # word ("Xylem") names too little, but a name of two words or more is a term whatever
        # its capitals (`##### naiver Realismus`, `### Specific performance`): the capitals
        # `is_distinctive` reads are English title case, which German (nouns only) and
        # sentence-case headings never show
        return False
    if units(_INLINE_MATH.sub("", summary)) < _LEAF_WORDS:
        return False  # "给定 $s=…$，求 $…$": an exercise, not an explanation
    plain = strip_markup(summary)
    if OPENER.match(plain) or DEICTIC.match(plain):
        return False  # "到这里已经介绍完…": the text goes on; it explains no term
    verb = COPULA.search(plain, 0, _LEAF_SUBJECT)
    if verb and verb.start() > 0 and title.casefold() not in plain[: verb.start()].casefold():
        return False  # "# 生化学" + "ミトコンドリアとは…": the paragraph defines something else
    if len(_LABEL_LINE.findall(summary)) >= 2:
        return False  # "*停止*：…" line after line: a list of its own, not one explanation
    if opens_part(ctx, n):
        return False  # the heading opens a part of the note, not a term
    if not has_cjk(summary) and not _latin_leaf(title, summary, plain):
        return False
    # CJK words take no spaces: "计算 MFU" is the instruction "计算MFU"
    return (
        is_term(title, max_units=8)
        and is_term(title.replace(" ", ""), max_units=8)
        and not GENERIC_FRONT.match(title)
    )


#: How many words a Latin-script heading read as a term may have ("Quantum Meruit").
_LATIN_LEAF_WORDS = 4
# "**General Rule:** …", "**Quorum** : …": a term set out in bold, a card of its own
_BOLD_LEAD = re.compile(r"^\s*(?:\*\*|__)[^*_\n]+(?:(?:\*\*|__)\s*[:：]|[:：]\s*(?:\*\*|__))")


def _latin_leaf(title: str, summary: str, plain: str) -> bool:
    """The further tests a leaf heading in Latin script and its paragraph pass
    (`### Quantum Meruit` + "Essentially a reasonable sum paid for work done when no price
    was agreed for it."): a short name with no number (`L4`, `Week 3` are parts of a
    course), no example, and a paragraph that neither leans on the text before it ("However,
    …", "Another reason is …"), nor sets out a bold term of its own, nor holds a display
    formula (the `formula` rule's)."""
    if any(map(str.isdigit, title)) or is_example_heading(title):
        return False
    if len(title.split()) > _LATIN_LEAF_WORDS:
        return False
    if "$$" in summary or _BOLD_LEAD.match(summary):
        return False
    return not (SECTION_OPENER.match(plain) or CARRIED_OPENER.match(plain))


#: The first sentence of a paragraph that says what its heading is through a pronoun is the
#: answer, with the next one when it is shorter than this (as the `subject` rule's back).
_STANDING_WORDS = 8


def _standing_for(ctx: Context, section: list[Block]) -> str | None:
    """What the section's opening paragraph says its heading is, when it says so through a
    pronoun: "### Xylem" + "This is the tissue that carries water up from the roots.", "### Stomata"
    + "These are small pores …", "# Parallax" + "This is how the distance of a star is found …". The
    complement names a class (an article, or a plural word after a plural copula: "These are
    small pores") or opens as a clause the tables list ("how", "what"); "This is
    important", "This is why …" say nothing of what the heading is. Links, images and value
    labels before the paragraph are passed over; a quotation or a box is someone else's words."""
    first = next((b for b in section if _usable(ctx, b)), None)
    if first is None or first.kind != "paragraph" or first.quoted or first.callout:
        return None
    text = _clean(first, ctx)
    plain = strip_markup(without_urls(text)).strip()
    opener = DEICTIC_COPULA.match(plain)
    if opener is None:
        return None
    said = sentences(text)
    if not said or said[0].endswith((":", "：", "?", "？")):
        return None  # "These are the steps:": it leads into what follows
    rest = plain[opener.end() : opener.end() + len(said[0])]
    words = rest.split()
    plural = DEICTIC_PLURAL.match(plain) is not None and any(
        w.rstrip(",.;").endswith("s") and not w.endswith("ss") for w in words[:3]
    )
    if not (ARTICLE.match(rest) or DEICTIC_COMPLEMENT.match(rest) or plural):
        return None
    answer = said[0]
    if units(answer) < _STANDING_WORDS and len(said) > 1:
        answer = f"{answer} {said[1]}"
    if not is_explanation(answer, min_units=6) or is_first_person(answer):
        return None
    return answer


def _names_another(title: str, summary: str) -> bool:
    """ "### 失業の分類" over "…を**自然失業率**という。": the paragraph names another thing."""
    if not may_name(summary):
        return False
    first = sentences(summary)[:1]
    found = named(first[0]) if first else None
    return found is not None and title.casefold() not in found[0].casefold()


def _defines_another(title: str, summary: str) -> bool:
    """ "## 光的衍射" over "衍射现象：波在传播过程中，…", "### 偏振片偏振" over "理想偏振片：…": the
    paragraph opens as a `Term：…` entry of its own, for a term that is not the heading, and the
    `definition` rule asks it by that term. A label ("**原则**：…", "用处：…") is no term."""
    first = summary.split("\n", 1)[0]
    if ITEM_MARK.match(first):
        return False  # a list of entries: the heading's answer, each entry a card of its own
    if "\n" in summary and glossed_lines(summary):
        return True  # `反码(…)` over `补码(…)`: a glossary without list marks, asked line by line
    found = split_definition(first)
    if found is None or not _is_prose(strip_markup(found[1])) or FORWARD_REF.search(found[1]):
        return False  # "分为两步：如下图…": a lead into what follows
    term = found[0].strip().rstrip(":：").strip()
    if GENERIC_FRONT.match(term) or is_label_word(term) or not is_distinctive(term):
        return False
    if ARTICLE.match(term):
        return False  # "**A maior pegadinha da LGPD:** …": a remark on the heading, no name
    if _cites_work(found[1]):
        return False  # "Megatron-LM 发表的论文：Reducing Activation …，主要是…": its source
    key, heading = term.casefold().replace(" ", ""), title.casefold().replace(" ", "")
    return heading not in key  # "## BERT损失函数" + "Bert 损失函数组成：…" speaks of the heading


def _cites_work(explanation: str) -> bool:
    """The explanation opens with a work's title, three capitalised words or more before its
    first comma ("Sequence Parallelism: Long Sequence Training from System Perspective，…")."""
    clause = _CLAUSE_END.split(strip_markup(explanation), maxsplit=1)[0]
    return _names_work(_title_words(clause))


def _owner(ctx: Context, n: int) -> str:
    """What heading `n` is part of: the heading above it, else the note ("RNN › Drawbacks")."""
    return naming_heading(ctx, heading_above(ctx, n))


def _section(blocks: list[Block], n: int) -> list[Block]:
    """The blocks between heading `n` and the next heading."""
    out = []
    for m in range(n + 1, len(blocks)):  # not a slice: copying the rest per heading is quadratic
        if blocks[m].kind == "heading":
            break
        out.append(blocks[m])
    return out


def _bold_section(blocks: list[Block], n: int) -> list[Block]:
    """The blocks a bold question alone on its line heads (`**What is an operating system?**`):
    up to the next heading, or to the next bold line alone over a list of its own that leads
    into nothing (`**OS manages CPU on behalf of the process**` / `- OS provides the process
    abstraction`). A note that heads its sections with bold lines asks some and names others;
    each starts a section, as the question did. A bold label that leads into its list
    (`**BN算法过程：**`) or a caption over a table (`**表 1：…**`) is part of the answer."""
    out = []
    for m in range(n + 1, len(blocks)):
        block = blocks[m]
        if block.kind == "heading" or _heads_list(blocks, m):
            break
        out.append(block)
    return out


def _heads_list(blocks: list[Block], m: int) -> bool:
    """Block `m` is a bold line alone, not ending in a colon, right over a top-level list."""
    block = blocks[m]
    if block.kind != "paragraph" or block.parent is not None or block.quoted:
        return False
    text = block.text.strip()
    if m + 1 >= len(blocks) or text.endswith(_COLON_ENDS) or not _BOLD_ONLY.fullmatch(text):
        return False
    after = blocks[m + 1]
    return after.kind == "item" and after.level == 1 and after.line <= block.end + 2


_COLON_ENDS = (":", "：", ":**", "：**", ":__", "：__", ":***", "：***")


def _usable(ctx: Context, block: Block) -> bool:
    if not ctx.free(block) or block.kind not in {"paragraph", "item", "math", "table"}:
        return False
    text = block.text.strip()
    if not text or text.startswith("![") or is_link_only(text):
        return False
    return not is_pointer(text)  # "Please see [Motion](…) for more information"


# a paragraph that is only images: it belongs to the answer around it, never starts one
_IMAGES_ONLY = re.compile(r"(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\(<?([^)>\n]+?)>?(?:\s+\"[^\"]*\")?\)")


def _images(ctx: Context, block: Block) -> str | None:
    """The images of a paragraph holding nothing else, when they exist in the vault."""
    if block.kind != "paragraph" or "![" not in block.text or not ctx.free(block):
        return None  # `_IMAGES_ONLY` needs a "![", seen without a regex
    text = block.text.strip()
    if not _IMAGES_ONLY.fullmatch(text):
        return None
    kept = [m.group() for m in _IMAGE.finditer(text) if _exists(ctx, m.group(1))]
    return "\n".join(kept) or None


def _exists(ctx: Context, target: str) -> bool:
    """Whether an image the note refers to was found in the vault (a broken one is noise)."""
    return _in_media(ctx.note.media, target)


def _in_media(media: tuple[str, ...], target: str) -> bool:
    name = target.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return any(path.rsplit("/", 1)[-1].lower() == name for path in media)


def _answer(ctx: Context, section: list[Block]) -> str | None:
    """The section's readable text: prose, lists and formulas; links and code left out."""
    parts: list[str] = []
    size = 0
    for block in section:
        if not _usable(ctx, block):
            if parts and block.kind == "fence":
                parts[-1] = drop_caption(parts[-1])  # "Code snippet" over the code left out
            if parts and (image := _images(ctx, block)):
                parts.append(image)  # "as the diagram shows:" + the diagram
            elif parts and (table := _announced_table(ctx, block, parts[-1])):
                parts.append(table)  # "以下策略可显著提升 MFU：" + the table, row by row
                size += len(table)
            continue
        text = _clean(block, ctx)
        if not text or (not parts and _source_line(text)):
            continue  # "> 参考资料：ACL 2023 Tutorial: …" over the answer names where it is from
        if block.kind == "item":
            text = _item_line(block, text)
        parts.append(text)
        size += len(text)
        if size > MAX_ANSWER:
            break
    # it introduced what was left out: code, or a link ("Herleitung siehe: https://…")
    while parts and without_urls(parts[-1]).rstrip().endswith((":", "：")):
        parts.pop()
    answer = ANSWER_MARK.sub("", "\n".join(parts).strip(), count=1)
    if not answer or not is_explanation(answer, long=True) or is_instruction(answer):
        return None
    return answer


def _source_line(text: str) -> bool:
    """ "参考资料：ACL 2023 Tutorial: …", "论文名称：FlashAttention: Fast and …": a line that
    says where the section comes from, no answer: a reference label of the language tables, or
    a value label before a work's title or a link."""
    found = _COLON.split(strip_markup(text).strip(" >*_"), maxsplit=1)
    if len(found) != 2 or "\n" in found[1].strip():
        return False
    label, value = found[0].strip(), found[1]
    if REFERENCE_HEADING.match(label):
        return True
    return bool(VALUE_LABEL.match(label)) and (_cites_work(value) or "://" in text)


def _announced_table(ctx: Context, block: Block, before: str) -> str | None:
    """A table the text before it announces ("…如下："), though its rows made cards of their
    own: the question's answer is the table, and leaving it out leaves only the lead-in. It is
    given row by row ("- 增大 Batch Size：提高计算密度…"), since a learner reads no pipes; a
    table of formulas is a derivation, not an answer."""
    if block.kind != "table" or block.skipped or id(block) in ctx.junk_blocks:
        return None
    if not before.rstrip().endswith((":", "：")):
        return None
    return _said_by_rows(ctx, block, before)


def _said_by_rows(ctx: Context, block: Block, before: str) -> str | None:
    """A table given row by row, in the script of the text `before` it; None for a table of
    formulas or of one row."""
    rows = table_rows(ctx, block)
    if len(rows) < 2:
        return None
    header, body = rows[0], [row for row in rows[1:] if len(row) >= 2 and row[0] and any(row[1:])]
    cells = [c for row in body for c in row]
    if not body or sum("$" in c for c in cells) * 2 >= len(cells):
        return None
    colon, semicolon = ("：", "；") if has_cjk(before) else (": ", "; ")
    out = []
    for row in body:
        said = [
            # a wider table names each column: "收费方式：A：…；C：…"
            f"{header[c]}{colon}{cell}" if len(row) > 2 and c < len(header) and header[c] else cell
            for c, cell in enumerate(row[1:], start=1)
            if cell
        ]
        out.append(f"- {row[0]}{colon}{semicolon.join(said)}")
    return "\n".join(out)


def _summary(ctx: Context, section: list[Block], *, title: str) -> str | None:
    """The prose paragraph(s) that open a section and explain its heading, `title`."""
    parts: list[str] = []
    for block in section:
        if parts and (image := _images(ctx, block)):
            parts.append(image)  # "as the diagram shows:" + the diagram
            continue
        if block.kind != "paragraph" or not _usable(ctx, block):
            if parts or (block.kind not in {"paragraph"} and _usable(ctx, block)):
                break
            if block.callout and not ctx.free(block):
                return None  # the box under the heading is carded: what follows it is another box
            if not parts and not ctx.free(block) and NAMED_STATEMENT.match(block.text):
                return None  # so is a named statement: what follows goes on from it
            continue
        text = _clean(block, ctx)
        plain = strip_markup(without_urls(text))
        if not parts and VALUE_LABEL.match(without_links(text).strip(" *:：")):
            continue  # "**Video**: [link]" before the paragraph that explains
        if not parts and is_definition_label(text):
            # "### Batch Systems" + "**Definition:**" alone + the paragraph: the label only
            # says that what follows defines the heading, which the paragraph under it does
            continue
        if not _is_prose(plain, opening=not parts):
            if not parts and LEAD_IN.search(plain) and units(plain) >= _LONG_LEAD:
                parts.append(text)  # a lead-in: handled below
            break
        parts.append(text)
        if sum(len(p) for p in parts) > 600:
            break
    if parts and LEAD_IN.search(strip_markup(parts[-1]).rstrip("。. ").split("。")[-1]):
        # "...常见的衡量如下：" introduces what follows: the answer is the whole section; when
        # what it introduces is no text (a diagram, code, a broken image), the sentences before
        # the lead-in still say what the heading is
        return _answer(ctx, section) or _before_lead_in(title, parts)
    if len(parts) == 1 and _opens_list(ctx, section, parts[0]):
        return _answer(ctx, section)
    return "\n\n".join(parts) or None


#: How short an opening clause with a word pointing back ("From this, …") leans on the text
#: before it (as the `brief` rule reads one).
_POINTER_WORDS = 3
#: How long a lead-in that opens a section is read as its summary, with the whole section as the
#: answer (`_summary`); a shorter one is read with its list alone (`_lead_and_list`).
_LONG_LEAD = 16


def _before_lead_in(title: str, parts: list[str]) -> str | None:
    """The opening paragraphs less the sentence that leads in to what follows them ("全0填充" +
    "为了避免…，可以在…加入全0填充。这样可以使得…保持一致：" over a diagram; "### Return from
    exception" + "L'istruzione RFE (Return From Exception) permette di … La sintassi è:" over
    code): a card cannot show what the lead-in announces, but what was said before it
    answers the heading, when its first sentence names the heading (whole, or one script of
    a bilingual name). A first sentence that does not ("Consideration is usually very easy to
    identify …" under "Requirements for Consideration", "这个相对较简单，…") is a remark on
    the topic, or on the step before, no answer. None when the lead-in is all there is
    ("给定$n$个输入的函数：")."""
    said = sentences(parts[-1])
    if len(said) < 2 or not LEAD_IN.search(strip_markup(said[-1])):
        return None
    kept = [*parts[:-1], " ".join(said[:-1])]
    first = sentences(strip_markup(without_urls(kept[0])))[:1]
    if not first or not _is_prose(first[0]):
        return None
    squeezed = first[0].replace(" ", "").casefold()
    return "\n\n".join(kept) if any(key in squeezed for key in _name_keys(title)) else None


#: How long a line that only leads in to what follows it is ("The dot product is defined in two
#: ways:"): a shorter one is a label ("Example:", "Method 2:", "Three possible states:") over a
#: list of its own, a longer one says something of its own before its colon.
_LEAD_LINE_UNITS = (4, 40)
#: A word two texts share: a Latin word this long (its first letters).
_KEY_LETTERS = 4


def _word_keys(text: str) -> set[str]:
    """The words of `text` another text may share: Latin words of `_KEY_LETTERS` letters or
    more by their first five (`defined`, `definition`), and three CJK characters in a row
    (`cjk_triples`)."""
    keys = {w[:5] for w in re.findall(rf"[^\W\d_]{{{_KEY_LETTERS},}}", text.casefold())}
    return keys | cjk_triples(text)


def _announced(ctx: Context, section: list[Block], title: str, summary: str) -> str:
    """The summary, and the list the paragraph right after it leads in to ("The dot product is
    defined in two ways:" + its two forms, "更新规则如下：" + its steps): the heading's answer
    goes on there, and the summary alone stops before it. The lead-in speaks of what the
    heading or summary does (it shares a word with them): one that shares none starts a topic
    of its own. Only that list is carried, and only while the card stays short: what comes
    after it is the section's next topic. A list that holds a display formula is left to the
    `formula` rule, whose cards ask each formula."""
    if not any(b.kind == "paragraph" and (":" in b.text or "：" in b.text) for b in section[1:-1]):
        return summary  # no lead-in can end on a colon: the summary's paragraphs go unsought
    said = [i for i, b in enumerate(section) if b.kind == "paragraph" and _clean(b, ctx) in summary]
    if not said or said[-1] + 2 >= len(section):
        return summary
    lead = section[said[-1] + 1]
    if lead.kind != "paragraph" or not _usable(ctx, lead):
        return summary
    line = _clean(lead, ctx)
    plain = strip_markup(line).strip()
    if "\n" in plain or not plain.endswith((":", "：")):
        return summary
    if not _LEAD_LINE_UNITS[0] <= units(plain) <= _LEAD_LINE_UNITS[1]:
        return summary  # "Example:", "Method 2:": a label over a list of its own
    if not _word_keys(plain) & (_word_keys(title) | _word_keys(summary)):
        return summary  # "Key features of Kantian ethics:" under another heading: a new topic
    carried = _listed(ctx, section[said[-1] + 2 :])
    if carried is None:
        return summary  # a display formula is the `formula` rule's card, asked on its own
    top = sum(not line.startswith(" ") for line in carried)  # (the items of the first level)
    if not carried or top > _LIST_MOST or strip_markup(carried[-1]).endswith((":", "：")):
        # "- 二者区分如下图：": the list goes on to what it leads in to, which is left out
        return summary
    back = "\n".join([summary, line, *carried])
    return back if len(back) <= MAX_ANSWER else summary


def _compared(ctx: Context, section: list[Block], summary: str) -> str | None:
    """The summary under a heading that sets two things against each other ("## Stop-and-wait
    vs. Sliding Window", "### malloc 与 calloc 区别"), and the list or table right after it, which
    sets them apart: the summary alone ("Both recover lost frames, but they use the link very
    differently.") only leads in to it. None where that list or table is too long for a card:
    the lead-in alone answers nothing. The summary alone where nothing of the kind follows it."""
    # one paragraph, no more: paragraphs of its own, or what it led in to, have set them apart
    said = [i for i, b in enumerate(section) if b.kind == "paragraph" and _clean(b, ctx) == summary]
    if not said or said[0] + 1 >= len(section):
        return summary
    after = section[said[0] + 1]
    if after.kind == "table" and not after.skipped and id(after) not in ctx.junk_blocks:
        # (its rows may be cards of their own: the question is still the table's)
        rows = _said_by_rows(ctx, after, summary)
        if rows is None or rows.count("\n") >= _LIST_MOST:
            return None
        carried = [rows]
    elif after.kind == "item" and _usable(ctx, after):
        listed = _listed(ctx, section[said[0] + 1 :])
        if listed is None or len(listed) > _LIST_MOST:
            return None  # (a display formula in it is the `formula` rule's card)
        carried = listed
    else:
        return summary
    back = "\n".join([summary, *carried])
    return back if len(back) <= MAX_ANSWER else None


def _listed(ctx: Context, blocks: list[Block]) -> list[str] | None:
    """The usable list items `blocks` open with, each a line of the answer; None where one holds
    a display formula, which the `formula` rule asks on its own."""
    lines: list[str] = []
    for block in blocks:
        if block.kind != "item" or not _usable(ctx, block):
            break
        if "$$" in block.text:
            return None
        lines.append(_item_line(block, _clean(block)))
    return lines


def _lead_and_list(ctx: Context, title: str, section: list[Block]) -> str | None:
    """A section that opens with one short line leading in to a list, and the list (`## Data
    Link Layer` / "Deals with:" / its three items; `### ARC的修饰符` /
    "ARC提供四种修饰符，分别是：" / the four): the line alone says nothing and the list alone
    has lost what it lists, so neither `_summary` (a lead-in of `_LONG_LEAD` units or more)
    nor `_list_answer` (a list right under the heading) reads it, and the `brief` rule's
    lead-in stops where the section goes on past its list. Together they say what the
    heading is or has, whatever follows the list (a section that holds no more than the two
    is the `brief` rule's). The line must speak of the heading (a word
    of it, `_word_keys`), go on from it with a verb ("Deals with:", the tables'
    `predicate_openers`) or count what it lists ("three (main) kinds:"); not a bold label
    (`**符号定义**：`, the `termlist` rule's), nor a line that sets up notation, speaks in the
    first person or to the reader, gives an order, leads in to an example or leans on the
    text before ("From this, Mill concludes:"); and not under a heading that opens with an
    article or names a class in the plural ("The Logic of Convergence", "Dual Cones"), whose
    lead-in opens one point of a part. Only the run of items right after it is carried: two
    to `_LIST_MOST` lines, none a display formula (the `formula` rule's), the last not
    leading in to something left out, and not past `MAX_ANSWER`."""
    if ARTICLE.match(title) or plural_title(title):
        # "The Logic of Convergence", "Dual Cones", "Axiomatic Foundations": a part of the note
        # or a class, whose lead-in opens one point of it ("… the following three axioms:")
        return None
    usable = [b for b in section if _usable(ctx, b)]
    if len(usable) < 3 or usable[0].kind != "paragraph" or usable[1].kind != "item":
        return None
    at = section.index(usable[0])
    if section[at + 1] is not usable[1]:
        return None  # a picture or code between: the line leads in to that
    line = _clean(usable[0], ctx)
    plain = strip_markup(line).strip()
    if "\n" in plain or not plain.endswith((":", "：")) or units(plain) >= _LONG_LEAD:
        return None
    if len(plain.split()) < 2 and not has_cjk(plain):
        return None  # "Causes:": a label of one aspect over its list, the `label` rule's card
    if not (
        _word_keys(plain) & _word_keys(title)
        or PREDICATE_OPENER.match(plain)
        or counts_parts(plain)
    ):
        return None  # "From the roots:", "Refs:", "Method:": a label of a list of its own
    if line.lstrip().startswith(BOLD_OPENERS) or is_first_person(plain) or is_instruction(plain):
        return None
    if TO_READER.search(plain) or EXAMPLE_MENTION.search(plain):
        return None
    if ANNOUNCING.match(plain):
        return None  # "The following are the steps of …:": the `brief` rule's, as above
    if SETUP_OPENER.match(plain) or SECTION_OPENER.match(plain) or CARRIED_OPENER.match(plain):
        return None
    opening = _CLAUSE_BREAK.split(plain, maxsplit=1)[0]
    if len(opening.split()) <= _POINTER_WORDS and opening != plain and POINTER.search(opening):
        return None  # "From this, Mill concludes:": it leans on the text before
    carried = _listed(ctx, section[at + 1 :])
    if not carried:
        return None
    if not any(b.text.strip() for b in section[at + 1 + len(carried) :]):
        return None  # the line and its list are all the section holds: the `brief` rule's
    if _glossary(section[at + 1 : at + 1 + len(carried)]):
        return None  # "- `beta_1`：一阶矩估计的…": entries, each a card of its own
    top = sum(not item.startswith(" ") for item in carried)
    if not _LIST_ITEMS <= top <= len(carried) <= _LIST_MOST:
        return None  # a long outline under the line is a part of the note, told point by point
    if strip_markup(carried[-1]).endswith((":", "：")):
        return None
    back = "\n".join([line, *carried])
    return back if len(back) <= MAX_ANSWER else None


def _glossary(items: list[Block]) -> bool:
    """Half or more of the list's first-level items are entries of their own, a term and what
    it is (`Term: …`, `Term - …`), which other rules ask one by one. A marked name alone
    (`` `strong` ``, `**Routers** specialize in …`) is a member of the list, no entry."""
    top = [b for b in items if b.kind == "item" and b.parent is None]
    entries = 0
    for block in top:
        line = strip_markup(_clean(block).split("\n", 1)[0]).strip()
        entries += _LABEL_LINE.match(line) is not None or opens_term(block, line)
    return entries * 2 >= len(top)


def _item_line(block: Block, text: str) -> str:
    """An item's text as a line of an answer, indented by its depth and opened by its own
    number ("1) Präprozessor"): an ordered list keeps its order."""
    return "  " * (block.level - 1) + (block.number or "-") + " " + text


def _only_counts(summary: str) -> bool:
    """ "Enzyme activity is shaped by three main factors." over the sub-sections that name
    them: one sentence that only counts what the section goes on to tell says nothing of
    its own. Over a list it has carried the list already (`_opens_list`); over sub-headings,
    more prose or nothing, what it counts is not in the card."""
    if "\n" in summary:
        return False
    plain = strip_markup(without_urls(summary)).strip()
    return _first_sentence(plain).strip() == plain and only_counts(plain)


def _opens_list(ctx: Context, section: list[Block], opening: str) -> bool:
    """ "Congestion control has two main goals." over the list of them: a section that opens
    with one sentence that only counts what it has ("there are several kinds", "分为三个阶段")
    and goes straight on to a list has said nothing yet; the list is the answer, and the card
    carries both."""
    plain = strip_markup(without_urls(opening)).strip()
    if _first_sentence(plain).strip() != plain or not counts_parts(plain):
        return False
    at = next(i for i, b in enumerate(section) if b.kind == "paragraph" and _usable(ctx, b))
    following = section[at + 1 : at + 2]
    return bool(following) and following[0].kind == "item" and _usable(ctx, following[0])


MAX_BULLETS = 6


def _bullets(ctx: Context, section: list[Block]) -> str | None:
    """A section that is only a short list of sentences ("### Independence" + "- Observations are
    independent of each other." ...): the list explains the heading."""
    usable = [b for b in section if _usable(ctx, b)]
    if not 2 <= len(usable) <= MAX_BULLETS or any(b.kind != "item" for b in usable):
        return None
    for block in usable:
        plain = strip_markup(without_urls(_clean(block)))
        if units(plain) < 5 or not is_explanation(plain) or is_first_person(plain):
            return None
        if "$$" in block.text:
            return None  # a formula in the list has a card of its own
        if VALUE_LABEL.match(_COLON.split(plain.strip(" *_"), maxsplit=1)[0].strip()):
            return None  # "Reading Reference: ...", "论文：..."
    return _answer(ctx, section)


#: How many words a Latin-script name over a list may have ("Presentation of Tuberous Sclerosis").
_LIST_NAME_WORDS = 5
#: The fewest and most items of the list that answers a name (a longer one is an outline of
#: the section, not one answer).
_LIST_ITEMS = 2
_LIST_MOST = 8
#: How many words an item that only names something has ("Soft tissue tumors").
_NAME_UNITS = 4
#: How long a lower-case first item must be to go on from the heading (the `brief` rule's
#: answer) unless it ends as a sentence; a shorter one names a thing of a list (`- verbal
#: comprehension`).
_GOES_ON = 5


def _list_answer(ctx: Context, n: int, title: str, section: list[Block]) -> str | None:
    """The list right under a heading that names a thing, as its answer ("## Heraclitus (fl.
    c. 500 BC)" + "* The doctrine of universal flux …", "### Gardner Syndrome" + "- Familial
    adenomatous polyposis (FAP)" …): what the author lists of the thing. Not a heading that
    ends in a number (`Week 3`, `LE 10`, `s.94`: one of a series, a page), an example, an
    answers or a gerund heading (`Making bread`: steps), one that opens with an article
    (`The first campaign`: a story's part) or a part of the note; not a long list (an
    outline), nor one of entries, each
    a card of its own (`Term: …`, `Term - …`, `$x_0$ : …`, a bold or code term, a bare term
    over its nested explanation), of questions, or led by a label (`- **Behavioral:**`); not
    a plural heading over names (`Painters of the period`: examples of an open class), a
    section with a formula (its own card), a list with links (works cited, a record's
    metadata), tasks, or CJK text (a CJK note's heading over its list is a topic far more
    often than a name); and not a first item that goes on from the heading (`## Porosity` /
    `- the share of a soil's volume …`; a lower-case name of four words or fewer, `- verbal
    comprehension`, is a member of the list, no clause) or is a phrase of five words or more
    saying what it is (the `brief` rule's), or names it as its subject (the `subject`
    rule's)."""
    first = next((b for b in section if _usable(ctx, b)), None)
    if first is None or first.kind != "item" or first.parent is not None:
        return None
    if has_cjk(title) or title[-1:].isdigit() or len(title.split()) > _LIST_NAME_WORDS:
        return None
    if not is_term(title, max_units=8) or is_example_heading(title) or REVEAL_LABEL.match(title):
        return None
    if ARTICLE.match(title) or GERUND.match(title) or GENERIC_FRONT.match(title):
        return None  # "### The first campaign": a part of a story told; "Making bread": steps
    if PART_HEADING.match(title):
        return None
    opening = strip_markup(first.text).strip()
    phrase = "\n" not in opening and units(opening) >= 5 and not is_sentence(opening)
    goes_on = opening[:1].islower() and (units(opening) >= _GOES_ON or is_sentence(opening))
    if goes_on or phrase or opening.casefold().startswith(title.casefold()):
        # "- the share of a soil's volume …" goes on from the heading, "- Many small firms
        # selling the same good …" is a phrase saying what it is: the `brief` rule's answer;
        # "- Race is a social classification …": the `subject` rule's sentence. A short
        # lower-case name ("- verbal comprehension", "- barriers (paint)") goes on from
        # nothing: it is the list's first member
        return None
    top = [b for b in section if b.kind == "item" and b.parent is None and _usable(ctx, b)]
    if not _LIST_ITEMS <= len(top) <= _LIST_MOST or _clean(first).rstrip("*_ ").endswith(":"):
        return None
    if all("$" in b.text for b in top) or any(_formula(b) for b in section):
        return None  # a formula has a card of its own, which the list would take; steps of math
    entries = names = 0
    for block in top:
        text = block.text
        if "](" in text or "://" in text or text.startswith("[") or has_cjk(text):
            return None  # links (works cited, a record's metadata), tasks, a CJK list's items
        line = strip_markup(_clean(block).split("\n", 1)[0]).strip()
        if line.endswith(("?", "？", ":")):
            return None  # questions, or a label over items of its own ("* Sources compared:")
        if (
            text.lstrip().startswith(("$", "**", "__", "`"))  # a marked term opens an entry
            or _LABEL_LINE.match(line)
            or opens_term(block, line)  # "- root position - root, 3rd, 5th"
        ):
            entries += 1
        names += units(line) <= _NAME_UNITS and not is_sentence(line)
    if names * 2 > len(top) and plural_title(title):
        return None  # "## Painters of the period" / "- Monet": examples of an open class
    if entries * 2 >= len(top) or opens_part(ctx, n):
        return None  # "- **Experiment**: Random assignment …": a glossary, asked entry by entry
    return _answer(ctx, section)


def _formula(block: Block) -> bool:
    """A display formula, or a paragraph that is one equation (`$R=\\frac{U}{I}$`)."""
    text = block.text.strip()
    return block.kind == "math" or "$$" in text or (text[:1] == "$" and text[-1:] == "$")


_LABEL_MARK = re.compile(r"[:：?？]")
_CJK_PROSE = 8  # CJK notes often drop the final "。": a clause this long is prose all the same


def _is_prose(plain: str, *, opening: bool = True) -> bool:
    """A paragraph that explains: a sentence or a long enough clause, not a label line, and not
    the writer telling their course. The textbook's "we" of a later clause is heard only in the
    paragraph that opens the section: past it, such a paragraph goes on to work something out
    (the formulas the `formula` rule asks of)."""
    plain = plain.strip()
    # ...but a "来源：…"/"适用场景：…" label line is no clause, prose or not
    cjk = has_cjk(plain) and units(plain) >= _CJK_PROSE and not _LABEL_MARK.search(plain)
    return (
        (is_sentence(plain) or units(plain) >= 25 or cjk)
        and (units(plain) >= 12 or cjk)
        and is_explanation(plain)
        and not (
            _narrated(_first_sentence(plain))
            if opening
            else is_first_person(_first_sentence(plain))
        )
    )


def _narrated(sentence: str) -> bool:
    """The sentence tells what the writer does: one writer's "I" anywhere ("I learned …"), the
    first person in its opening clause ("接着我们来实现…", "We can fill the space …"), or a
    first person that tells the writer's course ("到这里，我们已经实现了…"). A later clause's
    plural the language tables list (`first_person_plural`) is a textbook's voice, after the
    sentence has set its scene: "在 Decoder 中, 由于其生成序列的特性, 我们在生成序列的过程中是
    不能看到未来的信息的", "Gumbel分布是…，而我们这里…就属于取极值的操作"."""
    if FIRST_PERSON_SINGULAR.search(sentence) or NARRATION.search(sentence):
        return True
    return is_first_person(_CLAUSE_BREAK.split(sentence, maxsplit=1)[0])


_CLAUSE_BREAK = re.compile(r"[，,；;：:]")


def _first_sentence(plain: str) -> str:
    match = _FIRST_SENTENCE.match(plain)  # it always matches: a sentence may end with the text
    return match.group() if match else plain


# "We are interested in..." later in a textbook paragraph is style; opening with it is a diary
# (`^.*?(?:[。！？!?]|\.(?:\s|$)|$)` with re.S, what ends no sentence taken a run at a time)
_FIRST_SENTENCE = re.compile(
    rf"^(?:[^。！？!?.\n]++|\.(?!\s|$)|\n(?!\Z)|{IMAGE_IN_TEXT})*+(?:[。！？!?]|\.(?:\s|$)|$)", re.S
)


def _clean(block: Block, ctx: Context | None = None) -> str:
    """The block's text less lines that are only links; `$$` lines and images that exist stay.
    A callout's title names the box, which is a thing of its own: it is no answer."""
    text = block.text
    if block.callout_title:
        text = text.split("\n", 1)[1] if "\n" in text else ""
    return _cleaned(text, None if ctx is None else ctx.note.media)


@lru_cache(maxsize=NOTE_CACHE)
def _cleaned(text: str, media: tuple[str, ...] | None) -> str:
    """`_clean` of a block's text, given the note's images (None: keep no image line): a
    section's blocks are read for its summary, its answer and its list, so once is enough."""
    lines = [ln for ln in text.split("\n") if not _link_line(ln, media)]
    cleaned, _, _ = clean_card_text("\n".join(lines))
    return cleaned


def _link_line(line: str, media: tuple[str, ...] | None) -> bool:
    stripped = line.strip()
    if stripped in {"$$", "\\[", "\\]"}:
        return False
    if (
        media is not None
        and "![" in stripped  # an image opens so: most lines hold none, seen without a regex
        and any(_in_media(media, m.group(1)) for m in _IMAGE.finditer(stripped))
    ):
        return False
    return is_link_only(line)


_CJK_RUN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]{2,}")
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'\-]+")


def _title_words(text: str) -> list[str]:
    """The Latin words of `text` a title capitalises (its stopwords, "of", "the", left out)."""
    return [w for w in _TITLE_WORD.findall(text) if w.casefold() not in TITLE_STOPWORDS]


def _names_work(words: list[str]) -> bool:
    """Three words or more, all capitalised but one at most: a paper's or a book's title."""
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= len(words) - 1


def _explains(title: str, summary: str) -> bool:
    """The paragraph is about the heading: it names it, or the heading is a work's title."""
    plain = strip_markup(summary)
    if SECTION_OPENER.match(plain):
        return False
    words = _title_words(title)
    if _names_work(words):
        return True  # "Attention Is All You Need": a paper or book, summarised
    # a name of two words or more is specific enough to be found anywhere in a short summary
    head = (plain if len(words) >= 2 and len(plain) <= 900 else plain[:300]).lower()
    if any(w.lower().rstrip("s") in head for w in words):
        return True
    if DEFINING.search(plain[:120]) and not _defines_its_opener(plain):
        return True
    cjk = _CJK_RUN.findall(title)  # Han and kana
    return any(run[i : i + 2] in head for run in cjk for i in range(len(run) - 1))


def _defines_its_opener(plain: str) -> bool:
    """ "L'osmose est un phénomène …", "The mitochondrion is an organelle …": an article, a
    name and a copula open the paragraph, so what it defines is that name, not a heading that
    it does not name (`## Physiologie cellulaire`); the sentence rule takes it."""
    article = ARTICLE.match(plain)
    if article is None:
        return False
    verb = COPULA.search(plain, article.end(), article.end() + 60)
    return verb is not None and not any(c in plain[article.end() : verb.start()] for c in ",;:")


def _sets_up(summary: str) -> bool:
    """The paragraph sets up notation ("Sean $A, B$ dos matrices …", "Dados $V$ …", "Let $x$
    be …") and bolds no term it defines: it names symbols for what follows, it does not say
    what the heading is. ("Sea $A$ …, un **autovalor** de $A$ es …" defines, and stays; so
    does "Let $X_i$ be i.i.d. … Then …", a theorem, and a set-up ending in ":" before its
    statement.)"""
    if SETUP_OPENER.match(summary.lstrip()) is None or "**" in summary:
        return False
    return CONCLUSION.search(summary) is None and not strip_markup(summary).rstrip().endswith(":")


_CLAUSE_MARK = re.compile(r"[。！!；;，,]|[:：.]$")
# a note titled after its file: "# faster_transformer"
_FILE_NAME = re.compile(r"[a-z0-9]+(?:_[a-z0-9]+)+")


@lru_cache(maxsize=NOTE_CACHE)
def _names_a_thing(title: str) -> bool:
    """A paper, model or concept name; not a topic label such as "训练流程" or "Summary".
    Cached: the catalogue and the rule itself both ask it of every heading."""
    if not title or is_structural(title) or TOPIC_SUFFIX.search(title):
        return False
    if _CLAUSE_MARK.search(title) or is_first_person(title):
        return False
    if has_cjk(title) and "的" in title and units(title) > 6:
        return False
    if "、" in title or is_decorated(title) or INSTRUCTION_TITLE.match(title):
        return False
    if THANKS.search(title):
        return False

    return 1 <= units(title) <= 16
