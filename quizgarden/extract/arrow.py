"""`Term -> definition`, `Term → definition`, `Term => definition` and `Term = definition`:
shorthand definitions in lists and lines. Formulas (`F = m a`), code (`x => x + 1`) and chains
(`A -> B -> C`) are not definitions: the term must be a name and the answer words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import PurePosixPath

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text, naming_heading, section_title
from .entries import ENTRY_END, glossed_lines, is_gloss, spells_out, split_glossed
from .lang import ARTICLE, EFFECT, JOINER, SECTION_LABEL_HEADING, TITLE_STOPWORDS
from .shape import (
    MIN_GLOSSARY,
    MIN_RUN,
    glossary_lists,
    glossary_paragraphs,
    is_definition_label,
    is_label,
    names_already,
    names_some,
    subject_above,
)
from .text import (
    ASKED_ARROW,
    INLINE_CODE,
    NOTE_CACHE,
    has_cjk,
    has_colon,
    is_distinctive,
    is_explanation,
    is_link_only,
    is_sentence,
    is_series_point,
    is_term,
    names_kind,
    read_on,
    restates,
    strip_markup,
    strip_numbering,
    units,
    without_item_mark,
)

# a long arrow or a run of dashes is one separator: "A --> B", "A ---- B" (not "A -" + "-> B")
_ARROW = re.compile(r"\s*(?:-+>|==?>|→|⇒|⟶|-{2,})\s+|\s+=\s+")
# the mark `_ARROW`'s first match is read from: its first mark after which a match goes on
# (written to open with the class of the marks, the spaces before a lone `=` asked behind it)
_ARROW_MARK = re.compile(
    r"[-=→⇒⟶](?:(?<=[→⇒⟶])(?=\s)|(?<=-)(?=-*>\s|-+\s)|(?<==)(?==?>\s|(?<=\s=)\s))"
)
# in a list item, a spaced dash too: "- CFO - Chief Financial Officer"
_ITEM_DASH = re.compile(r"\s+[-–—]\s+")
# cheap test before the line-by-line reading: an arrow, or a spaced `=` or dash (the mark is
# matched first and the spaces looked for around it, so the engine jumps from mark to mark
# instead of stopping at every space)
# (`->|→|=>|⇒|⟶|--|[=\-–—](?<=\s.)(?=\s)`, written to open with the class of the marks: an
# alternation whose branches do not all open with a literal is tried at every character)
_HINT = re.compile(r"[-→=⇒⟶–—](?:(?<=[→⇒⟶])|(?<=[-=])>|(?<=-)-|(?<=\s[=\-–—])(?=\s))")


@lru_cache(maxsize=NOTE_CACHE)  # a one-line item is asked by the glossary test, then by `find`
def _hinted(text: str) -> bool:
    """`_HINT.search(text)`, after a test for the characters one of which every match of it
    holds: the pattern tries every branch at every character, where most blocks have none."""
    return (
        "-" in text
        or "=" in text
        or "→" in text
        or "⇒" in text
        or "⟶" in text
        or "–" in text
        or "—" in text
    ) and _HINT.search(text) is not None


# a relation sign: the line is an equation or an inequality, not an arrow
_RELATION = re.compile(r"[≤≥<>±×·∑√∫∈≠≈]")
_CHAIN = re.compile(r"->|→|=>|⇒|⟶|\s=\s")
# a point's number written onto it outside a list's syntax: "2.Setup -> …", "1- Files --> …"
_COUNTED = re.compile(r"[0-9]{1,2}(?:\.(?=[^\d\s.])|-\s)")


def _opens_entry(line: str) -> bool:
    """The next entry's line (`Term -> …`), or a label of its own (`genus name: …`)."""
    return has_colon(line) or _hinted(line)


def find(ctx: Context) -> Iterator[Candidate]:
    yield from _glossed(ctx)
    yield from _answered(ctx)
    glossaries, loose = glossary_lists(
        ctx, _hinted, lambda text: split_arrow(text, item=True, short=True)
    )
    vouched = _vouched(ctx, loose) if any(v is None for v in loose.values()) else {}
    # `Term - definition` lines of a paragraph: a glossary written without list marks
    lines = glossary_paragraphs(ctx, _hinted, lambda text: split_arrow(text, item=True, short=True))
    # each card, with the block whose section asks it where its term is a common word
    found_cards: list[tuple[Candidate, Block | None]] = []
    for n, block in ctx.prose:
        if not _hinted(block.text):
            continue
        short = block.kind == "item" and (block.parent, block.heading) in glossaries
        entries = lines.get(n, {})
        texts = block.text.split("\n")
        for offset, line in enumerate(texts):
            if offset in entries:
                found: tuple[str, str] | None = entries[offset]
            elif n in loose:  # read already, short glosses allowed: keep them only in a glossary
                found = loose[n] or vouched.get(n)
                if found is not None and not short and not _answers(*found):
                    found = None
            else:
                item = block.kind == "item" and offset == 0
                found = split_arrow(line, item=item, short=short)
                if found is None and len(texts) == 1 and not item:
                    # a paragraph of one line is an entry as an item is, a spaced dash setting
                    # its term off, when the term is titled as a name ("Creep - Caused by gel
                    # …"; not "Compren las camisas del club - Sell the club shirts.")
                    found = split_arrow(line, item=True)
                    if found is not None and not _titled(found[0]):
                        found = None
            if found is None:
                continue
            if block.kind == "item" and offset == 0 and _counted(ctx, n, block):
                continue
            term, rest = found
            if not is_sentence(rest):
                whole = read_on(rest, texts[offset + 1 :], _opens_entry)
                if whole is None:
                    continue  # "Belief - extent to which you accept and are obligated to follow"
                rest = whole
            # (an abbreviation spelled out means the same under any parent or section)
            common: Block | None = None
            if block.kind == "item" and offset == 0 and not _spelled(term, rest):
                if block.parent is not None:
                    term = _under_parent(ctx, block, term)
                elif _led_in(ctx, n):
                    term = _in_section(ctx, block, term)
                else:
                    common = block
            elif block.kind == "paragraph" and not _spelled(term, rest):
                common = block
            if " › " not in term and is_series_point(term):
                # "9-10th Nov 1938 - …" under "#### Kristallnacht": a date, an age or a rank
                # says where its line stands, the heading what it is a point of
                placed = _asked_under(subject_above(ctx, block), term)
                term, common = placed, (common if placed == term else None)
            back, block_id, deck = clean_card_text(rest)
            card = Candidate("arrow", "basic", term, back, block.line + offset, block_id, deck=deck)
            found_cards.append((card, common))
    # (a term the note repeats stays bare, as the `definition` rule leaves it: which card of it
    # stays is dedupe's call, and placing it keeps no card and loses none)
    fronts = Counter(card.front.casefold() for card, _ in found_cards)
    for card, common in found_cards:
        if common is not None and fronts[card.front.casefold()] == 1:
            card = replace(card, front=_common_in_section(ctx, common, card.front))
        yield card


# a label the question is set under: "**Core question**: What is …?"
_ASKED_LABEL = re.compile(r"^\*\*[^*\n]+\*\*\s*[:：]\s*")
# a tree drawn in text: "├─ Statistics? → folder/" sorts files, it asks nothing
_TREE = re.compile(r"[├└│┌┬┼─]")
#: A question of up to this many words ("Full-duplex example?") is asked under its section's name.
_SHORT_ASKED = 4


def _answered(ctx: Context) -> Iterator[Candidate]:
    """`Question? → answer`: a line of a paragraph or a list item that asks, its answer after an
    arrow (`Routing happens at which layer? → **Network (Layer 3)**`, `¿Qué capa cifra? ->
    la de presentación`); lines under it that ask nothing go on with the answer, which the
    arrow may end its line before. Not a chain (`A? → B → C`, an arrow in the question), a tree
    drawn in text, an answer that is a link or a path (`Statistics? → notes/stats/`), or one
    the question names already (a choice between two)."""
    for _, block in ctx.prose:
        if "?" not in block.text and "？" not in block.text:
            continue
        lines = block.text.split("\n")
        for offset, line in enumerate(lines):
            if "?" not in line and "？" not in line:
                continue
            m = ASKED_ARROW.match(without_item_mark(line.strip()))
            if m is None or _TREE.search(line) or "`" in line:
                continue
            raw = _ASKED_LABEL.sub("", m.group("asked"))
            asked = strip_numbering(strip_markup(raw))
            if _CHAIN.search(asked) or units(asked) < 2 or not asked.endswith(("?", "？")):
                continue
            answer = [m.group("answer")]
            for more in lines[offset + 1 :]:
                if not more.strip() or ASKED_ARROW.match(without_item_mark(more.strip())):
                    break
                answer.append(more.strip())
            said = " ".join(a for a in answer if a).strip()  # wrapped by hand: one line
            plain = strip_markup(said).strip()
            if not plain or is_link_only(said) or plain.endswith(("/", "\\")):
                continue
            back, block_id, deck = clean_card_text(said)
            if restates(asked, back):
                continue  # "Is TCP connection-oriented or connectionless? → oriented": a choice
                # the question names, which would stand in for a later card of its answer
            if units(asked) <= _SHORT_ASKED and (where := subject_above(ctx, block)):
                asked = f"{where} › {asked}"
            yield Candidate("arrow", "basic", asked, back, block.line + offset, block_id, deck=deck)


def _counted(ctx: Context, n: int, block: Block) -> bool:
    """Item `n` is one of a count that the text above it speaks of: a top-level item of an
    ordered list that goes on from a sentence or a formula, not from its heading, and that no
    colon introduces as entries (`The author ranks three ways of life.` / `1. Pleasure -> …`,
    `Why the two stages are kept apart` / `1. Simpler design - …`). Its words rank, order or
    give a reason as one of the members of what that text names, and alone they name nothing
    to learn; under its heading (`## Isolation levels` / `1. Read Uncommitted - …`) or after a
    lead-in ending on a colon (`The unit has four instructions for this:`) an ordered list is
    a glossary, and a nested one is asked under its parent."""
    if not block.number or block.parent is not None:
        return False
    before = ctx.before_items[n]
    return before >= 0 and ctx.blocks[before].kind != "heading" and not _led_in(ctx, n)


def _led_in(ctx: Context, n: int) -> bool:
    """Item `n`'s list follows a paragraph that ends on a colon: a lead-in ("**Environmental
    factors:**", "The same state can be labeled:", "Gründe für …:") that says what the items
    are of, so the terms under it ("Proximity", "I'm excited") are members of its section."""
    before = ctx.before_items[n]
    if before < 0 or ctx.blocks[before].kind != "paragraph":
        return False
    last = ctx.blocks[before].text.rstrip().rsplit("\n", 1)[-1]
    return last.rstrip(" *_").endswith((":", "："))


def _in_section(ctx: Context, block: Block, term: str) -> str:
    """`term` asked under the name of its section (the note's title at its top), which its
    lead-in speaks of: "Factors That Build Cohesion › Proximity"."""
    where = naming_heading(ctx, block.heading) if block.heading is not None else ctx.note.title
    return _asked_under(where, term)


def _common_in_section(ctx: Context, block: Block, term: str) -> str:
    """`term` asked under the name of its section where it is a common word or two and no name
    (`is_distinctive`: "advantage", "outdated", "small number", "Schools"): such a word says
    what kind of point a line of the section makes, not whose, and alone it asks nothing a
    learner can place ("Primary Cells › advantage", "DES › outdated"), as the `definition`
    rule asks its common words. Bare where no heading over it names more than the note does
    (its title, or its file's name), or where the one that does is a label of the course's
    calendar or a definition label ("Lecture 1 - 9/27", "Definition:"): those say when or what
    kind, not whose."""
    if block.heading is None or is_distinctive(term):
        return term
    where = naming_heading(ctx, block.heading)
    if where in (ctx.note.title, PurePosixPath(ctx.note.path).stem):
        return term
    if SECTION_LABEL_HEADING.match(where) or is_definition_label(where):
        return term
    if not where[:1].isalnum():
        return term  # ") Bowel interventions", a numbering cut short: no name to ask it under
    return _asked_under(where, term)


def _under_parent(ctx: Context, block: Block, term: str) -> str:
    """`term` asked under what its parent item names: an item nested under another is one of
    that item's members ("- Microaggressions" over "- Microinsults -> …"; "- Angina pectoris"
    over "- Stabile -> …"), and its term alone ("Stabile", "Proximity") says nothing of what is
    asked. The parent's own term when it is an entry ("- Influenza virus -> …" over "- antigenic
    drift -> …"), its label when short, else the section's name (`section_title`); a parent
    that says something after a colon ("- Answers the question: to whom?") is a remark, no
    name, and the section names its members."""
    first = ctx.blocks[block.parent].text.split("\n")[0] if block.parent is not None else ""
    entry = split_arrow(first, item=True, short=True)
    if entry:
        where: str | None = entry[0]
    elif has_colon(first.rstrip(" :：*_")):
        where = naming_heading(ctx, block.heading) if block.heading is not None else None
    else:
        where = section_title(ctx, block)
    return _asked_under(where, term)


def _asked_under(where: str | None, term: str) -> str:
    """`term` asked under `where` ("Microaggressions › Microinsults"); alone where there is no
    `where`, or where `where` names it already."""
    if not where or names_already(where, term):
        return term
    return f"{where} › {term}"


# a head of at most MAX_GLOSSARY_TERM words, none a sentence mark, before a spaced dash or arrow
_HEAD = re.compile(r"^[^\W\d_]?[\w'’&/()+-]*(?: [\w'’&/()+-]+){0,2}(?=\s*(?:-+>|=>|→|\s[-–—=]\s))")


def _vouched(ctx: Context, loose: dict[int, tuple[str, str] | None]) -> dict[int, tuple[str, str]]:
    """(term, answer) of the items `split_arrow` refused for their term's words ("3rd", "Read
    Committed", "First inversion") in a list whose every item, MIN_GLOSSARY or more (or two,
    both read), is one line `Head - answer` with a head of a few words, MIN_RUN of them read
    (one in a list of MIN_GLOSSARY): the list's shape says where each term ends. A list with
    one item of another shape ("- Paris - a trip we made" among plain items) vouches for none,
    the answer must still explain or gloss, and a second dash in it sets off an aside
    ("- Most lizards - the desert ones above all - are active …"), not an answer."""
    out: dict[int, tuple[str, str]] = {}
    for items in ctx.lists.values():
        if len(items) < MIN_RUN or any(n not in loose for n in items):
            continue  # every item a one-line hinted item, read already
        read = sum(loose[n] is not None for n in items)
        if read == len(items) or read < (1 if len(items) >= MIN_GLOSSARY else MIN_RUN):
            continue
        heads = [_HEAD.match(without_item_mark(ctx.blocks[n].text.strip())) for n in items]
        if not all(heads):
            continue
        for n, head in zip(items, heads, strict=True):
            if loose[n] is None and head and not is_label(head.group()):
                found = split_arrow(ctx.blocks[n].text, item=True, short=True, head=head.group())
                if found is not None and _ITEM_DASH.search(found[1]) is None:
                    out[n] = found  # not "Most lizards - the desert ones - are …": an aside
    return out


#: Items of one list written `Term (explanation)` that make it a glossary; an abbreviation
#: spelled out (`GDP (Gross Domestic Product)`) needs no company.
MIN_GLOSSED = 3
#: Items of a list, every one of them `term (gloss)`, that make it a vocabulary, where a word
#: or two answer (`- von (from)`, `- Visual (sight)`).
MIN_VOCABULARY = 2


def _glossed(ctx: Context) -> Iterator[Candidate]:
    """`- Opportunity cost (the value of the next best alternative given up)`: in a list of
    such items, the bracket explains the term before it. Where every item of a list, two or
    more, is so written, each with a gloss of its own, the list is a vocabulary in any language
    (`- bis (until / to)`, `- Olfactory (smell)`, `- Whole Note (Semibreve)`), and a gloss of a
    word or two answers (`_gloss`): not a figure (`- Python (3.11)`), and not one gloss twice
    (`- lipoprotein (gram negative)` / `- lipoteichoic acid (gram negative)`: a class)."""
    lists: dict[tuple[int | None, int | None], list[tuple[int, str, str, bool]]] = {}
    short: dict[int, tuple[str, str]] = {}  # items read with a gloss of a word or two
    for n, block in ctx.one_line_items:
        if block.children or not block.text.rstrip(ENTRY_END).endswith((")", "）")):
            continue  # the cheap test: most items end otherwise
        found = split_glossed(block.text)
        if found is not None:
            lists.setdefault((block.parent, block.heading), []).append((n, *found))
        elif (word := split_glossed(block.text, short=True)) is not None:
            short[n] = word[:2]
    if short or any(len(members) < MIN_GLOSSED for members in lists.values()):
        for items in ctx.lists.values():
            yield from _vocabulary(ctx, items, short, lists)
    yield from _glossed_lines(ctx)
    for members in lists.values():
        for n, term, gloss, spelled_out in members:
            if not (spelled_out or _abbreviation(term)) and _member(ctx, n):
                continue  # "- Peripherals (Keyboard, Mouse, etc)" under "- Input/Output devices"
            if has_cjk(term) and not spelled_out:
                continue  # (a CJK term: only a list every item of which is so written vouches)
            if spelled_out or len(members) >= MIN_GLOSSED:
                block = ctx.blocks[n]
                back, block_id, deck = clean_card_text(gloss)
                yield Candidate("arrow", "basic", term, back, block.line, block_id, deck=deck)


def _glossed_lines(ctx: Context) -> Iterator[Candidate]:
    """The entries of each paragraph that is a glossary of `Term (explanation)` lines
    (`glossed_lines`)."""
    for _, block in ctx.prose:
        if block.kind != "paragraph" or "\n" not in block.text:
            continue
        for offset, term, gloss in glossed_lines(block.text):
            back, block_id, deck = clean_card_text(gloss)
            yield Candidate("arrow", "basic", term, back, block.line + offset, block_id, deck=deck)


def _vocabulary(
    ctx: Context,
    items: list[int],
    short: dict[int, tuple[str, str]],
    lists: dict[tuple[int | None, int | None], list[tuple[int, str, str, bool]]],
) -> Iterator[Candidate]:
    """The cards of a list whose items are every one `term (gloss)`, a gloss of a word or two
    (`short`) or one that explains (`lists`, where these items are taken out of theirs, to be
    asked here: `- CBC-MAC (used in banking)` / `- HMAC (used in internet protocols)`)."""
    if len(items) < MIN_VOCABULARY:
        return
    key = (ctx.blocks[items[0]].parent, ctx.blocks[items[0]].heading)
    read = {n: (term, gloss) for n, term, gloss, _ in lists.get(key, ())}
    entries = [short.get(n) or read.get(n) for n in items]
    if not all(entries) or len({e[1].casefold() for e in entries if e}) < len(items):
        return
    if key in lists:
        lists[key] = [m for m in lists[key] if m[0] not in items]
    nested, led = ctx.blocks[items[0]].parent is not None, _led_in(ctx, items[0])
    for n, entry in zip(items, entries, strict=True):
        if entry is not None and not (
            (nested or (led and n not in short)) and not _abbreviation(entry[0])
        ):  # a member's aside (`_member`); after a lead-in, a word glossed in a word or two
            # ("Akkusativ:" over "- bis (until / to)") is still a word list's translation
            back, block_id, deck = clean_card_text(entry[1])
            yield Candidate(
                "arrow", "basic", entry[0], back, ctx.blocks[n].line, block_id, deck=deck
            )


def _member(ctx: Context, n: int) -> bool:
    """Item `n` is one member of what its list's lead names: nested under an item ("- Data
    Storage" over "- Short-term memory (RAM)") or after a paragraph ending on a colon
    ("Examples:", "…, including:"). A bracket there is the author's aside on that member, the
    instances it covers (`(such as food, newspapers and petrol)`, `(Keyboard, Mouse, etc)`) or
    why it belongs (`- Cancer screening (missing a cancer diagnosis is catastrophic)`), not
    what the term means: a glossary of `term (gloss)` items stands on its own under a heading."""
    return ctx.blocks[n].parent is not None or _led_in(ctx, n)


# a term written in capitals and figures, an abbreviation: "SSAT16", "ENIAC", "GDP"
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*")


def _abbreviation(term: str) -> bool:
    """`term` is an abbreviation, whose bracket spells it out wherever the list stands
    (`1. SSAT(Signed Saturate)` after a lead-in, `- ENIAC (Electronic Numerical …)`)."""
    return _ABBREVIATION.fullmatch(term) is not None


def split_arrow(
    line: str, *, item: bool = False, short: bool = False, head: str | None = None
) -> tuple[str, str] | None:
    """(term, definition) when `line` is a `Term -> definition` shorthand (in a list item, also
    `Term - definition`). With `short`, in a vocabulary list, a gloss of one or two words counts.
    With `head`, the term its list vouches for (`_vouched`), whatever its words."""
    line = without_item_mark(line.strip())
    if "$" in line:
        return None  # math: an arrow there is an operator
    # CJK notes define with "：", and a dash between CJK words joins them instead
    dash = item and not has_cjk(line)
    # (a code span's words are no separator: the marks are looked for in a copy with them masked)
    marks = _code_masked(line) if "`" in line else line
    if marks is None:
        return None
    m = _arrow(marks) or (_ITEM_DASH.search(marks) if dash else None)
    if not m or m.start() == 0 or "`" in line[m.end() :]:
        return None  # code after the separator: the answer is code, or the arrow is in code
    term, rest = strip_markup(line[: m.start()]).strip(), line[m.end() :].strip()
    term = _unquoted(term)
    if term[:1].isdigit() and _COUNTED.match(term):
        return None  # one numbered point of an enumeration, its words no term
    if m.group().strip() == "=" and _equation(term, rest):
        return None  # "… resuelve Ax = b se llama …": an equation in prose, not an arrow
    if head is not None and strip_markup(head).strip() != term:
        return None
    if _CHAIN.search(rest) or not (head or is_term(term, max_units=6)) or is_label(term):
        return None
    if re.search(r"[\^\\{}]", term + rest):
        return None  # "z^l = a^{l-1} W^l + b": LaTeX written without dollars
    if _spelled(term, rest):
        return term, rest.rstrip(" :：")
    if short and (is_gloss(rest) or ("/" not in rest and names_some(rest))):
        # in a glossary a few words, or a list of names, answer; a scale of options written
        # with slashes ("mild/moderate/severe") is a form to fill in
        return term, rest
    if not _explains(rest):
        return None
    return term, rest


def _arrow(text: str) -> re.Match[str] | None:
    """`_ARROW.search(text)`, found from its mark: the pattern opens with spaces, so `re` tried
    the whole match at every character of the line, where the mark's class is skipped to in C.
    Every match is a run of spaces (or none) and a mark with what follows it: the first mark a
    match goes on from is the first match's, which opens at the run of spaces before it."""
    m = _ARROW_MARK.search(text)
    return None if m is None else _ARROW.match(text, len(text[: m.start()].rstrip()))


def _code_masked(line: str) -> str | None:
    """`line` with what its code spans hold masked, their marks kept, so a separator is looked
    for in its text alone: `` `nslookup` – Resolve domain to IP ``, `` `Primärbedarf` - Bedarf an
    Endprodukten `` part at the dash after the span as `- nslookup – …` does, where
    `` `direction = "forward"` 表示… `` holds its `=` inside the code, an operator, no separator.
    None where a backtick opens no span on the line (code cut off, or a fence's marks)."""
    masked = INLINE_CODE.sub(lambda m: m.group(1) + "x" * len(m.group(2)) + m.group(1), line)
    return None if "`" in INLINE_CODE.sub("", masked) else masked


def _titled(term: str) -> bool:
    """Every word of `term` opens with a capital, the tables' small words of titles aside."""
    words = [w for w in term.split() if w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() or w.casefold() in TITLE_STOPWORDS for w in words)


# a term the author put in quotes, as a word spoken of: `- "isolated system" - assumption …`
_QUOTED = re.compile(r'^(?:"(?P<a>[^"]+)"|“(?P<b>[^”]+)”|\'(?P<c>[^\']+)\'|‘(?P<d>[^’]+)’)$')


def _unquoted(term: str) -> str:
    """The term without the quotes around the whole of it (a term quoted as a word spoken of);
    quotes inside a term stay."""
    m = _QUOTED.match(term)
    return next(g for g in m.groups() if g is not None).strip() if m else term


def _spelled(term: str, rest: str) -> bool:
    """ "ASCII -> American Standard Code for Information Interchange", "**LLC** -> Logical Link
    Control:": the capitals of the term are the initials of the words, which answer the
    abbreviation in any list, alone or among other items, as its bracket does (`split_glossed`),
    where a capitalised name answers nothing elsewhere (`_explains`)."""
    return term.isupper() and spells_out(term, rest.rstrip(" :："))


def _answers(term: str, rest: str) -> bool:
    """`rest` answers `term` outside a glossary: it explains it, or spells it out."""
    return _explains(rest) or _spelled(term, rest)


def _explains(rest: str) -> bool:
    """Says what the term is; "Life too easy -> less reliance on religion" gives an effect."""
    return (is_explanation(rest) or names_kind(rest)) and EFFECT.match(strip_markup(rest)) is None


def _equation(term: str, rest: str) -> bool:
    """ "… resuelve Ax = b se llama …": `=` between symbols, inside prose; "AI = artificial
    intelligence" and "Term = a measure of …" stay arrows."""
    if _RELATION.search(term + rest):
        return True
    before, after = term.split()[-1:], rest.split()[:1]
    return bool(before and _symbol(before[0], 2)) or bool(after and _symbol(after[0], 1))


def _symbol(word: str, longest: int) -> bool:
    """A variable: one or two letters, not all capitals (an acronym), not a word like "a"."""
    word = word.strip(".,;:")
    if not word.isalpha() or len(word) > longest or (len(word) > 1 and word.isupper()):
        return False
    return not (ARTICLE.match(word + " ") or JOINER.fullmatch(word))
