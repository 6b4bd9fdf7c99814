"""A heading over a short section that explains it: one or two sentences (`## Primary key` +
"A primary key uniquely identifies each row.") or a few bullets, and nothing else; or a list
whose first bullet says what the heading is; or, in an outline, one line in a phrase that says
what the heading is before its formula, bullets or sub-headings.

Longer sections are the heading rule's; a section this short under a heading that names
something has no other reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from itertools import takewhile

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text, heading_above, heading_title, naming_heading
from .entries import run_in_head
from .lang import (
    ACTION,
    ANNOUNCING,
    ARTICLE,
    ASKING,
    ASPECT_HEAD,
    COPULA,
    DEFINITION_LABEL,
    GERUND,
    KIND_OF,
    LEAD_IN,
    LIST_COPULA_WORD,
    PART_HEADING,
    PARTICIPLE,
    PHRASE_FOLLOWER,
    POINTER,
    PREDICATE_OPENER,
    PREPOSITION,
    PRO_FORM,
    SECTION_LABEL_HEADING,
    SUBJECT_STOPWORD,
    THANKS,
    TO_READER,
    VALUE_LABEL,
)
from .outline import ITEM_TERM, aside, outline_lead
from .shape import (
    ENTRY_MARK,
    MAX_ANSWER,
    MIN_SURE_GLOSSARY,
    as_list,
    counts_parts,
    heading_glossaries,
    is_label,
    names_a_thing,
    only_counts,
    opens_part,
    opens_term,
    plural_title,
    section,
    sentences,
)
from .text import (
    BOLD_OPENERS,
    GENERIC_FRONT,
    LONG_WORD,
    PARENS,
    TOPIC_SUFFIX,
    aspect_phrase,
    has_cjk,
    is_cut,
    is_distinctive,
    is_example_heading,
    is_explanation,
    is_first_person,
    is_instruction,
    is_label_word,
    is_link_only,
    is_list_label,
    is_period,
    is_pointer,
    is_sentence,
    is_structural,
    is_term,
    says_enough,
    strip_markup,
    units,
)

MAX_SENTENCES = 2
MIN_ITEMS, MAX_ITEMS = 2, 5
MAX_LISTED = 8  # bullets, nested ones included
# an embedded drawing or picture ("benzene.excalidraw", "![[Empirismus.png]]"): not text to learn
_EMBED = re.compile(r"\.(?:excalidraw|png|jpe?g|gif|svg|webp|pdf|canvas)\b|!\[", re.I)


def find(ctx: Context) -> Iterator[Candidate]:
    blocks = ctx.blocks

    @cache
    def glossary() -> dict[int, int]:  # read once a note, and only where a paragraph asks for it
        return heading_glossaries(ctx)

    # "Cotton gin" / "- Mechanized the process …": lines that head lists as headings would
    pseudo = pseudo_headings(ctx)
    for n, block in enumerate(blocks):
        if block.kind == "heading":
            if not ctx.free(block):
                continue
            whole = section(ctx, n)
        elif n in pseudo:
            whole = pseudo[n]
        else:
            continue
        if not whole:
            continue
        title = heading_title(block)
        if not _names(title):
            continue
        answer = _answer(ctx, n, title, whole, glossary)
        if not answer or len(answer) > MAX_ANSWER or _EMBED.search(answer):
            continue
        if _titled(answer):
            continue
        front = title
        if GENERIC_FRONT.match(title) or not is_distinctive(title) or is_period(title):
            owner = naming_heading(ctx, heading_above(ctx, n))
            if title.casefold() not in owner.casefold():
                front = f"{owner} › {title}"
        back, _, deck = clean_card_text(answer)
        _, block_id, _ = clean_card_text(block.text)
        yield Candidate("brief", "basic", front, back, block.line, block_id, deck=deck)


#: The most units a line set as a title over the text under it holds: a label, a question.
_TITLE_UNITS = 6
#: How a line closes that is a sentence's or a lead-in's, not a title's: a stop, a colon, a
#: bracket, a comma; or markup (`***To develop artifacts …***`, a line stressed whole).
_CLOSED = re.compile(r"[.:：。!?？！;；,，)）*_`$]\s*$")
#: How a line opens that starts a text of its own: a list marker, a capital, a CJK character.
_OWN_START = re.compile(r"(?:[-*+]|\d+[.)])\s|[^\W\d_]")


def _titled(answer: str) -> bool:
    """`Objetivo` / `Entender los conceptos …`, `Why these portions are separated` / `- Simplicity
    of design …`, `To expand with the presentations` / `When the class decks arrive, …`: a
    short first line that closes on no mark, over more text that starts afresh, is a title the
    author set over what follows (a label, a question, a note to self), in a paragraph of its
    own as Markdown reads it. The text answers that title, not the heading: read as the
    heading's answer it is aims, reasons or plans. A line of hard-wrapped prose ends on a
    function word or a comma (`is_cut`), or runs longer, and the next line goes on in lower
    case; a line that opens with a verb goes on from the heading."""
    first, _, rest = answer.partition("\n")
    first, rest = first.strip(), rest.lstrip()
    if not first[:1].isalpha() or not rest:
        return False  # an item, a number, a mark: no title
    if _CLOSED.search(first) or units(first) > _TITLE_UNITS or is_cut(first):
        return False
    if PREDICATE_OPENER.match(first):
        return False  # "Holds the ozone layer …" over a bullet: a predicate that goes on from
        # the heading, its stop left out, says what the heading is
    nxt = _OWN_START.match(rest)
    return nxt is not None and (not nxt.group()[0].isalpha() or not nxt.group()[0].islower())


def _answer(
    ctx: Context, n: int, title: str, whole: list[Block], glossary: Callable[[], dict[int, int]]
) -> str | None:
    """What the section `whole` of heading (or pseudo-heading) `n` says the heading is."""
    # more than a short explanation is the heading rule's, but a long list may still
    # open with a bullet that says what the heading is
    long = len(whole) > MAX_LISTED + 1
    # links, and lines that only send the reader to one ("See [Motion](…)"), say nothing
    body: list[Block] = []
    links: list[Block] = []
    for b in whole:
        if body and _figure(b):
            continue  # a picture after the text illustrates it: it says nothing itself
        (links if is_link_only(b.text) or is_pointer(b.text) else body).append(b)
    if not body:
        return None
    # a list of links with notes under them: a reading list (an item emptied by the
    # formula it held, `- $$…$$`, is no link)
    linked = any(b.text.strip() or b.kind != "item" for b in links)
    answer = None
    if long:
        # ...only as a clause that goes on from the heading (`## Counterbalancing` /
        # `- varying the order of conditions so that …`) or a noun with what it is of
        # (`_headed`): a long lecture outline opens as often with a point of its own
        # ("Banks failed across the country."); the blocks after it may be anything
        free = not linked and ctx.free(body[0])
        answer = _first_bullet(ctx, n, body, long=True) if free else None
        plain = strip_markup(answer).strip() if answer else ""
        if answer and not body[0].number and not (_goes_on(plain) or _headed(plain)):
            # (a numbered list's answer is the list itself, and so is one of members)
            answer = answer if _lists_members(title) else None
    elif all(ctx.free(b) for b in body):
        answer = _prose(ctx, n, title, body, glossary)
        if not answer and not linked:
            answer = (
                _bullets(ctx, title, body)
                or _led_list(ctx, title, body)
                or _first_bullet(ctx, n, body)
                or _members(ctx, title, body)
                or _points(ctx, n, title, body)
            )
    elif not linked and ctx.free(body[0]):
        # "- liquids that dissolve a solute …" over items whose formulas are the formula
        # rule's: the first bullet still says what the heading is
        answer = _first_bullet(ctx, n, body)
    if not answer and not linked:
        # "### Progressive Rock" / "- Mostly in Britain" / … / "- King Crimson" + its bullets
        answer = outline_lead(ctx, body, title) or _opening_list(ctx, title, body)
    # the opening line alone may be free where later blocks are another rule's
    if not answer and not long:
        answer = _opening_line(ctx, n, title, body)
    return answer or _opening_sentences(ctx, n, title, body)


def _opening_list(ctx: Context, title: str, body: list[Block]) -> str | None:
    """The list that opens a section, as the paragraph that opens one does, answers its heading
    however the section goes on (`_ends_list`): code that carries out what the bullets say, a
    table, paragraphs that say more, a label and its list (`### Merge sort` / three steps / the
    code; `## Time sharing` / three bullets / `Summary:` / three shorter ones), each bullet
    saying something of the heading as `_bullets` asks. Not a list that runs on past what
    breaks it (its opening is only a part), a lone bullet before prose (a remark of the
    passage that follows), nor one with a bold run-in head among its items (`- **Note.** …`:
    entries and labels, the `definition` rule's)."""
    lead = list(takewhile(lambda b: b.kind == "item", body))
    if not lead or len(lead) == len(body) or not all(ctx.free(b) for b in lead):
        return None
    rest = body[len(lead) :]
    if not _ends_list(rest):
        return None
    top = sum(b.level == lead[0].level for b in lead)
    if top < MIN_ITEMS and any(b.kind == "paragraph" for b in rest):
        return None
    if any(run_in_head(b.text) for b in lead):
        return None  # "- **Note.** …", "- **Area 4.** …": entries and labels of their own
    return _bullets(ctx, title, lead)


#: How many words a label over a list of its own has ("Summary:", "Key points:").
MAX_LABEL_UNITS = 3


def _ends_list(rest: list[Block]) -> bool:
    """What follows a section's opening list ends it: blocks that are no items (code, tables,
    formulas, pictures, prose), and items only under a label alone on its line (`Summary:`,
    `Examples:`), a list of their own that sums up or illustrates the first; items after
    anything else go on with the opening list (`- step one` / code / `- step two`)."""
    labelled = False
    for block in rest:
        if block.kind == "item":
            if not labelled:
                return False
            continue
        plain = strip_markup(clean_card_text(block.text)[0]).strip()
        labelled = (
            block.kind == "paragraph"
            and plain.endswith((":", "："))
            and "\n" not in plain
            and units(plain) <= MAX_LABEL_UNITS
        )
    return True


# a picture alone: an embed (`![[scan.png|350]]`, `![alt](fig.png)`) or an HTML figure
_FIGURE = re.compile(
    r"(?:\s*(?:!\[\[[^\]\n]+\]\]|!\[[^\]\n]*\]\([^)\n]*\)))+\s*|\s*<(?:figure|img)\b.*",
    re.S | re.I,
)


def _figure(block: Block) -> bool:
    """The block is only a picture: an embedded image or an HTML figure."""
    return block.kind in {"paragraph", "html"} and _FIGURE.fullmatch(block.text) is not None


#: How many lines of a note must head lists so before any is read as a heading: a line over
#: a list once in a note that has headings is a remark or a lead-in ("Trending in the opposite
#: direction", "Qs"); an outline written without `#` heads its lists so again and again.
MIN_PSEUDO = 2


def pseudo_headings(ctx: Context) -> dict[int, list[Block]]:
    """The paragraphs that head a list as a heading would, each with its list.

    Many learners write no `#`: a short line alone over a bullet list (`Cotton gin` /
    `- Mechanized the process of removing seeds …`, `**Null Hypothesis**` / `- Always about a
    population value`) heads it. The line is one line of words in Latin script (a CJK line
    over a list leads into it, `主要步骤如下`), no figure (`image-2022…`, `L5`), and it ends in
    no sentence mark; the list opens on the next line or after one blank line, and is none of
    questions (a reader's own, `Qs`), nor a glossary of its own (`- Ogive - graph of …`).
    `_names` judges the line's words as it judges a heading's. Only where the note heads
    lists so with names `MIN_PSEUDO` times or more."""
    blocks = ctx.blocks
    found: dict[int, list[Block]] = {}
    for n, block in enumerate(blocks[:-1]):
        if block.kind != "paragraph" or block.parent is not None or block.quoted:
            continue
        first = blocks[n + 1]
        if first.kind != "item" or first.level != 1 or first.line > block.end + 2:
            continue
        raw = block.text.strip()
        # most lines over a list lead into it ("…:") or run long: seen before any cleaning
        if len(raw) > _MAX_HEAD_CHARS or not raw or raw[-1] in _HEAD_ENDS or "\n" in raw:
            continue
        if has_cjk(raw) or not ctx.free(block):
            continue
        text = strip_markup(clean_card_text(raw)[0]).strip()
        if not text or text[-1] in _HEAD_ENDS or text[0] in "([{<!" or PRO_FORM.search(text):
            continue
        if has_cjk(first.text) or any(map(str.isdigit, text)):
            continue
        listed = []
        for m in range(n + 1, len(blocks)):
            if blocks[m].kind != "item" and blocks[m].parent is None:
                break
            listed.append(blocks[m])
        if any("?" in b.text for b in listed):
            continue
        if ITEM_TERM.search(clean_card_text(first.text)[0].split("\n", 1)[0]):
            continue
        found[n] = listed
    named = {n: listed for n, listed in found.items() if _names(heading_title(blocks[n]))}
    return named if len(named) >= MIN_PSEUDO else {}


# a line that ends a sentence, leads into its list or is cut off heads nothing
_HEAD_ENDS = frozenset(".,;:!?…")
#: A line longer than this is no name (`_names` allows six words), whatever its markup.
_MAX_HEAD_CHARS = 80


def _names(title: str) -> bool:
    """A term ("Primary key", "Osmose"), not a topic ("实验结果"), a question or an example. A
    bracketed aside adds no words to the name: an abbreviation, a gloss or a source ("Gross
    Domestic Product (PIB, produit intérieur brut)", "Theory of Planned Behaviour (Ajzen and
    Fishbein, 1980)") says which thing is named, not that a topic is."""
    bare = PARENS.sub("", title).strip() or title
    if not names_a_thing(bare, max_units=6) or title.endswith(("?", "？")):
        return False
    if THANKS.search(title):
        return False  # "特别感谢", "Acknowledgements": whom the author thanks, no term
    if SECTION_LABEL_HEADING.match(title):
        return False  # "MCQs", "Quick check 2": a part of a course, holding a drill or a recap
    return is_term(title) and not TOPIC_SUFFIX.search(title) and not is_example_heading(title)


def _prose(
    ctx: Context, n: int, title: str, body: list[Block], glossary: Callable[[], dict[int, int]]
) -> str | None:
    """One paragraph of one or two sentences that speaks of the heading or defines it; in a
    glossary told in headings, one that explains it without its name, and the bullets after."""
    if not body or body[0].kind != "paragraph":
        return None
    text = clean_card_text(body[0].text)[0]
    plain = strip_markup(text)
    said = sentences(plain)
    if not 1 <= len(said) <= MAX_SENTENCES or plain.rstrip().endswith((":", "：", "?", "？")):
        return None
    if is_first_person(plain) or not is_explanation(plain, min_units=4) or "$" in plain:
        return None
    if re.match(r"^[^:：]{1,12}[:：]", plain):
        return None  # "文章来源：…", "Source: …": a label and its value
    if aside(plain):
        return None
    rest = body[1:]
    if len(body) == 1 and units(plain) >= 5 and _speaks_of(title, plain):
        # "… is shaped by three main factors." alone: what it counts is not in the card; nor
        # is what "The following details the main stages …" announces
        if ANNOUNCING.match(plain.lstrip()):
            return None
        return None if len(said) == 1 and only_counts(plain) else text
    if any(b.kind != "item" for b in rest) or not is_explanation(text, min_units=4):
        return None  # "`docker volume inspect x`": code in the text counts no words
    if TO_READER.search(plain):
        return None  # "Read and understand the derivation by yourself": a task, not an answer
    if has_cjk(plain) or has_cjk(title):
        return None  # a CJK leaf heading and its paragraph are the heading rule's
    lines = plain.strip().split("\n")
    if sum(len(line.split()) <= 1 for line in lines) * 2 > len(lines):
        return None  # "id / created_time / updated_time": names one to a line, not an answer
    entries = glossary().get(n, 0)
    if not entries:
        return None
    if entries < MIN_SURE_GLOSSARY:
        # a pair of sections is a glossary only where each names a term its paragraph explains:
        # not "1. Definizione" (a label), nor "L'osmose est un phénomène …" (its own subject)
        verb = COPULA.search(plain, 0, _SUBJECT_REACH)
        if DEFINITION_LABEL.match(title) or (
            verb and title.casefold() not in plain[: verb.start()].casefold()
        ):
            return None
    return f"{text}\n{as_list(ctx, rest)}" if rest else text


def _opening_line(ctx: Context, n: int, title: str, body: list[Block]) -> str | None:
    """One line under a heading that says what it is, in a phrase that is no sentence, before
    whatever the section goes on with: its formula, sub-items or sub-headings (`#### MAD` /
    "Median der absoluten Abweichung vom Median" / `MAD $= med…$`; `## Atmosphere` / "All the
    gases on the planet" / bullets). Outline notes give a term so, in any language; the line is
    the answer, what follows it elaborates. A sentence, a label ("Source: …"), a lead-in ("…:")
    or a line that names something else is not one; a line alone under a heading among others
    of its level is the glossary's to judge (`_prose`)."""
    first = body[0]
    if first.kind != "paragraph" or not ctx.free(first) or first.quoted:
        return None  # a quotation or a box is someone's words or a thing of its own
    if len(body) > 1 and body[1].kind == "math":
        return None  # "Take for instance the matrix" + `$$B = …$$`: it leads into the formula
    if len(body) == 1 and not opens_part(ctx, n):
        return None  # nothing elaborates on it: no sign the line says what the heading is
    if not all(
        _elaborates(b, body[k + 1] if k + 1 < len(body) else None)
        for k, b in enumerate(body[1:], start=1)
    ):
        return None  # more prose after it: the line is one remark of a passage
    if ARTICLE.match(title) or any(map(str.isdigit, title)):
        return None  # "L2", "A2 Objective List": a numbered part of a course, not a term
    text = clean_card_text(first.text)[0]
    plain = strip_markup(text).strip()
    if "\n" in plain or not _phrase(plain) or is_first_person(plain) or aside(plain):
        return None
    if ITEM_TERM.search(text) or is_cut(plain) or _EMPHASIS_ONLY.fullmatch(text.strip()):
        return None  # "X - …", "… -> …": a card of its own; "… consider": cut; "**…**": a title
    if "<" in text or not is_explanation(plain, min_units=MIN_PHRASE_UNITS):
        return None  # "<div>…": markup of a page, not a line of notes
    verb = COPULA.search(plain, 0, _SUBJECT_REACH)
    if verb and title.casefold() not in plain[: verb.start()].casefold():
        return None  # "Morality is a matter of …": it defines its own subject, not the heading
    return text


#: How long the paragraph that opens a section going on after it may be and still answer alone.
MAX_OPENING_CHARS = 400


def _opening_sentences(ctx: Context, n: int, title: str, body: list[Block]) -> str | None:
    """The paragraph that opens a heading's section, when it says in a sentence or two what the
    heading is, whatever the section goes on with: more paragraphs, a label and its list,
    sub-headings (`## WANs` / "Connected computers together more than 1km apart." / "Main
    applications:" / a list; `#### prevent deadlock` / "> adopting a policy that eliminates one
    of the conditions"); of a longer paragraph, the phrase that opens it ("The removal of the
    drug from the body."). It goes on from the heading with no subject of its own, or it speaks
    of the heading or the one above it: a sentence with a subject of its own is otherwise a point
    of a passage. Text in Latin script under a heading with no number that organises nothing
    (`Week 3`, `Overview`, `Definition`); not a lead-in, a question, a label line, a paragraph
    opening with bold (a term of its own: `**Fatigue** = …`), math, a symbol or a bracket, nor
    one that leans on the text before it ("Of these, …", "She frames …") or speaks to the
    reader or for the writer."""
    first = body[0]
    if first.kind != "paragraph" or first.callout or not ctx.free(first):
        return None
    # "the rate of flow of charge" / "$$ I = \frac{\Delta Q}{\Delta T}$$" with no blank line
    # between: one paragraph to Markdown, a phrase and the formula that elaborates on it
    stated = _before_display(first.text) if "$$" in first.text else None
    if len(body) == 1 and not stated and not opens_part(ctx, n):
        return None  # alone under its heading, it is the glossary's to judge (`_prose`)
    if n in ctx.organising or _NUMBER_END.search(title) or has_cjk(title):
        return None
    if PART_HEADING.match(title) or is_label_word(title):
        return None
    text = clean_card_text(stated or first.text)[0]
    if has_cjk(text) or text.lstrip().startswith(BOLD_OPENERS):
        return None
    said = sentences(strip_markup(text))
    article = ARTICLE.match(said[0]) if said else None
    if said and said[0][article.end() if article else 0 :].casefold().startswith(title.casefold()):
        return None  # "The current ratio compares …": a sentence on its heading, `subject`'s
    if len(said) > MAX_SENTENCES and (_subjectless(said[0]) or _stem_of(title, said[0])):
        # "The removal of the drug from the body. The main route …": the phrase that opens a
        # longer paragraph says what the heading is; the sentences after it say more of it
        text = sentences(text)[0]
    if len(text) > MAX_OPENING_CHARS:
        return None
    plain = strip_markup(text).strip()
    if not plain[:1].isalpha() or "$$" in text or is_cut(plain) or plain.endswith(("...", "…")):
        return None
    said = sentences(plain)
    if not 1 <= len(said) <= MAX_SENTENCES or any(s.endswith(_LEADS) for s in said):
        return None
    if len(said) == 1 and counts_parts(plain):
        return None  # "Congestion control has two main goals.": what they are comes after it
    if not is_explanation(plain, min_units=MIN_PHRASE_UNITS) or is_first_person(plain):
        return None
    if _LABEL_LINE.match(plain) or aside(plain) or TO_READER.search(plain):
        return None
    if PREPOSITION.match(plain) or LEAD_IN.search(said[-1]) or _DASHED.search(text):
        return None  # "In 1620 …", "For a tort action, consider", "…, as follows", "X - …"
    if ANNOUNCING.match(plain):
        return None  # "The following details the main stages …": what follows is the answer
    for line in plain.split("\n"):
        opener = line.split(None, 1)[0].strip(",") if line.strip() else ""
        if SUBJECT_STOPWORD.fullmatch(opener) or (opener.istitle() and ACTION.fullmatch(opener)):
            # "She frames …", "You can be …", "Write IPA in brackets"; in lower case the verb
            # goes on from the heading (`#### Detect deadlock` / "> detect that conditions …")
            return None
    clause = _LATIN_CLAUSE_BREAK.split(plain, maxsplit=1)
    if len(clause) > 1 and len(clause[0].split()) <= _POINTER_WORDS and POINTER.search(clause[0]):
        return None  # "Of these, the cultural factors …": it leans on the text before
    if ASKING.match(plain) and "," not in said[0]:
        return None  # "How good a measure GDP is": what the section asks, not its answer
    if not (_subjectless(plain) or _stem_of(title, said[0]) or _stem_of(_owner(ctx, n), said[0])):
        # "The river valleys held the first cities", "> Words spoken once can never be taken
        # back": a sentence with a subject of its own that is not the heading is a point of a
        # passage, a lecture's outline or a saying, not what the heading is
        return None
    verb = COPULA.search(plain, 0, _SUBJECT_REACH)
    if verb and title.casefold() not in plain[: verb.start()].casefold():
        return None  # "Morality is a matter of …": it defines its own subject
    return text


def _before_display(text: str) -> str | None:
    """The lines of a paragraph before the display formula it runs into (`the rate of flow of
    charge` / `$$ I = …$$`, written with no blank line between): what the text says before the
    formula it leads to, which the `formula` rule asks on its own. None where the paragraph opens
    with its formula or holds none on a line of its own."""
    lines = text.split("\n")
    cut = next((k for k, line in enumerate(lines) if line.lstrip().startswith("$$")), 0)
    if not cut:
        return None
    stated = "\n".join(lines[:cut]).rstrip()
    if any(LIST_COPULA_WORD.fullmatch(word) for word in stated.split()[-2:]):
        return None  # "The potential of a point charge is simply" / `$$…$$`: it leads into it
    return stated


_DASHED = re.compile(r"\s[-–—]\s|->|→|=>")  # "Tempo - the speed of a piece": an entry of its own
# a word ending in a number: "Week 3", "L4", "A2"; not "10BaseT"
_NUMBER_END = re.compile(r"\d(?!\w)")
_LATIN_CLAUSE_BREAK = re.compile(r"[,;:]")
_POINTER_WORDS = 3  # an opening clause this short with a word pointing back leans on the text
_LEADS = (":", "：", "?", "？")


def _subjectless(plain: str) -> bool:
    """A phrase that goes on from the heading, no sentence with a subject of its own: opening
    in lower case ("adopting a policy …"), with a past participle ("Connected computers
    together …", "Developed by …") or with a noun and what it is of or for ("Class of ancient
    receptors …")."""
    if plain[:1].islower() or PARTICIPLE.match(plain):
        return True
    # "Calculating the exact amount of loss is not …": a gerund is a sentence's subject
    return _head_of(plain) and GERUND.match(plain) is None


def _stem_of(name: str, sentence: str) -> bool:
    """The sentence speaks of `name`: one of its words of four letters or more, or the first
    five letters of a longer one ("Ratification" / "… can choose to ratify his act")."""
    said = sentence.casefold()
    return any(w.casefold()[:5] in said for w in LONG_WORD.findall(name))


def _owner(ctx: Context, n: int) -> str:
    """The heading above heading `n`, named, else the note's title."""
    return naming_heading(ctx, heading_above(ctx, n))


def _elaborates(block: Block, following: Block | None) -> bool:
    """What may follow the line that says what a heading is: items, formulas, code, a table, or
    a paragraph that is a formula, a label and its value ("Berechnung: $v = …$") or the lead
    of a list (`following` is the section's next block)."""
    if block.kind != "paragraph":
        return block.kind in {"item", "math", "fence", "code", "table"}
    if following is not None and following.kind == "item":
        return True
    return "$" in block.text or _LABEL_LINE.match(strip_markup(block.text)) is not None


_LABEL_LINE = re.compile(r"^[^:：\n]{1,30}[:：]")
_SUBJECT_REACH = 40  # how far into the line the subject of a copula may reach


# a line that is all bold: a sub-title over what follows, not what the heading is
_EMPHASIS_ONLY = re.compile(r"(\*\*|__)[^*_\n]+\1")


def _speaks_of(title: str, plain: str) -> bool:
    words = [w.casefold() for w in LONG_WORD.findall(title)]
    head = plain.casefold()
    if any(w in head for w in words):
        return True
    cjk = re.findall(r"[\u4e00-\u9fff]{2,}", title)
    return any(run[i : i + 2] in head for run in cjk for i in range(len(run) - 1))


def _led_list(ctx: Context, title: str, body: list[Block]) -> str | None:
    """A sentence about the heading that leads into a list, and the list ("Mitosis proceeds
    through four phases:" + the phases): the answer is both, never the lead-in alone."""
    lead, items = body[0], body[1:]
    end = next((k for k, b in enumerate(items) if b.kind != "item"), len(items))
    items = items[:end]  # the list the lead-in leads into; what follows it says more
    if lead.kind != "paragraph" or not items:
        return None
    if len(items) > MAX_LISTED or sum(b.level == items[0].level for b in items) < MIN_ITEMS:
        return None
    text = clean_card_text(lead.text)[0]
    plain = strip_markup(text).strip()
    # "Mitosis proceeds through four phases" leads into them all the same
    if not plain.endswith((":", "：")) and not counts_parts(plain):
        return None
    if len(sentences(plain)) > MAX_SENTENCES:
        return None
    if is_first_person(plain):
        return None
    if units(plain) < MIN_LEAD_UNITS or aside(plain) or not _speaks_of(title, plain):
        return None
    if text.lstrip().startswith(BOLD_OPENERS):
        return None  # "**Privity of contract**:": a label over its list, `termlist`'s
    if end < len(body) - 1 and (
        TO_READER.search(plain)
        or is_instruction(plain)
        or any("$" in b.text or "`" in b.text for b in items)
    ):
        # the section goes on past the list: a label ("**符号定义**："), an order to the reader
        # or a list of formulas or code is a part of a passage, not what the heading is
        return None
    listed = as_list(ctx, items)
    return f"{text}\n{listed}" if listed else None


MIN_LEAD_UNITS = 3


def _bullets(ctx: Context, title: str, body: list[Block]) -> str | None:
    """One to five bullets that each say something of the heading ("- Observations are
    independent.", "- Train with known function output"), a few nested ones allowed; not
    `Term: …` items (definitions of their own), nor `Term - …`, `Term => …` ones of a term that
    is a name (`- **Gravitational water** - water that …`; `- **Stage 1** - …` is a part of the
    heading and says something of it), math or code. One bullet that says something
    is the one-sentence paragraph of the same shape, written as a list item (`### Curse of
    Dimensionality` + `- In high-dimensional spaces, distances … become less meaningful`)."""
    if any(b.kind != "item" for b in body) or len(body) > MAX_LISTED:
        return None
    top = min(b.level for b in body)
    if sum(b.level == top for b in body) > MAX_ITEMS:
        return None
    said = 0
    for block in body:
        plain = strip_markup(clean_card_text(block.text)[0])
        size = units(plain)
        if size < (3 if block.level == top else 1) or is_first_person(plain) or "\n" in plain:
            return None
        if plain.endswith((":", "：")) or re.search(r"[:：`]", plain[:24]) or _math_item(plain):
            return None  # "Term: …" items are definitions of their own; math and code are not
        m = ENTRY_MARK.search(plain[:24]) if block.level == top else None
        if m and _entry_term(plain[: m.start()]):
            return None  # "- **Gravitational water** - water that …", "- Tariff => a tax": too
        if block.level == top and _entry_term(run_in_head(block.text) or ""):
            return None  # "- **Broca area.** Inferior frontal gyrus.": a run-in head's entry
        if plain.rstrip(" .;,").endswith(")") and len(plain.split("(", 1)[0].split()) <= 4:
            return None  # "Opportunity cost (the value …)": a glossary entry of its own
        said += says_enough(plain, 5) or is_sentence(plain)
    if said * 2 < len(body):
        return None  # mostly names: a list of things, not what the heading is
    return as_list(ctx, body)


#: The most top-level items, and words of a Latin-script name, of `_points`' list and heading.
MAX_POINTS, MAX_POINT_NAME_WORDS = 6, 4
#: How many words an item that only names something has ("Soft tissue tumors").
MAX_NAME_UNITS = 4
# "A slightly more sophisticated algorithm: …": a label of a few words before a colon
_ITEM_LABEL = re.compile(r"(?:\S+\s+){0,5}\S*[:：](?:\s|$)")


def _points(ctx: Context, n: int, title: str, body: list[Block]) -> str | None:
    """A short list of sentences alone under a sub-heading that names a thing in Latin script
    (`### Cell Wall` / `- Gives the cell a fixed shape and keeps it from bursting` / `  when
    it takes up water.` / `- Is made mostly of cellulose …`): what the author says of the
    thing, point by point, where `_bullets` stops (a bullet wrapped onto a second line, a
    sixth bullet). Not under a heading that is no term of its own (a number, more than
    `MAX_POINT_NAME_WORDS` words, a single common word, a common, part, label or structural
    word, an article, a gerund, an example, an aspect such as "Physical Properties"), a CJK
    heading (over its list, a CJK note's heading is a topic far more often than a name), the
    note's title or one that opens a part; not a list followed by code, a table or prose (its
    opening only), nor one of math steps (`- Let $x_i$ be …`), of entries (`- **Remote
    Object:** …`, `- A simple method: …`, each a card of its own) or of names (`1.
    Exponential function` over its lines: members of the list)."""
    heading = ctx.blocks[n]
    if heading.kind != "heading" or heading.level == 1 or n in ctx.organising:
        return None
    words = len(title.split())
    if has_cjk(title) or any(map(str.isdigit, title)) or words > MAX_POINT_NAME_WORDS:
        return None
    if words < 2 and not is_distinctive(title):
        return None  # "Tides": a single common word names too little on its own
    if is_structural(title) or PART_HEADING.match(title) or is_label_word(title):
        return None
    if GENERIC_FRONT.match(title) or aspect_phrase(title) or ARTICLE.match(title):
        return None
    if GERUND.match(title) or is_example_heading(title) or not is_term(title, max_units=8):
        return None
    if len(body) > MAX_LISTED or any(b.kind != "item" for b in body) or opens_part(ctx, n):
        return None
    top = [b for b in body if b.level == body[0].level]
    if not MIN_ITEMS <= len(top) <= MAX_POINTS:
        return None
    texts = [strip_markup(clean_card_text(b.text)[0]) for b in body]
    for block, text in zip(body, texts, strict=True):
        plain = text.strip()
        if units(plain) < 5 or not is_explanation(plain) or is_first_person(plain):
            return None
        if "$$" in block.text or VALUE_LABEL.match(re.split(r"[:：]", plain, maxsplit=1)[0]):
            return None  # a display formula is a card of its own; "Reading: …" a reference
    firsts = [
        (b, text.split("\n", 1)[0].strip())
        for b, text in zip(body, texts, strict=True)
        if b.level == body[0].level
    ]
    if any(_math_item(line) for _, line in firsts):
        return None  # "- Let $x_i$ be …": steps of math, whose formulas are asked on their own
    entries = sum(
        b.text.lstrip().startswith(("$", "**", "__", "`"))
        or _ITEM_LABEL.match(line) is not None
        or opens_term(b, line)
        or (units(line) <= MAX_NAME_UNITS and not is_sentence(line))
        for b, line in firsts
    )
    return as_list(ctx, body) if entries * 2 < len(top) else None


# words of prose before an item's first inline formula, which then is part of what it says
_MATH_LEAD = 2


def _math_item(plain: str) -> bool:
    """An item that is math: it opens with a formula (`- $x_0$ the start`), sets one after a
    word or so (`- Let $x$ …`, `- where $k$ …`), or states an equation or a display formula
    (`- P = $\\chi$ x P`, `- … is defined as $d = \\|u - v\\|$`: the formula rule's card). A
    formula inside a clause (`- Requires all $n$ eigenvalues`, `- 复杂度为 $O(mn)$`) is part of
    what the item says of its heading."""
    at = plain.find("$", 0, 24)
    if at < 0:
        return False
    lead = plain[:at]
    if units(lead) < _MATH_LEAD or "=" in lead or "$$" in plain:
        return True
    return any("=" in formula for formula in _INLINE_MATH.findall(plain))


_INLINE_MATH = re.compile(r"\$([^$]++)\$")  # (taken whole: an unclosed `$` is not read again)


#: How many words each member of a heading's list of members may have ("Muscle relaxation").
MAX_MEMBER_UNITS = 4


def _members(ctx: Context, title: str, body: list[Block]) -> str | None:
    """A heading that names a collection, in the plural and qualified (`### Triads of GA`,
    `## Similar matrices`), over a short list of its members, each a name of a few words
    (`1. Amnesia` / `2. Analgesia` / `3. Muscle relaxation`; `- same rank` / `- same trace`):
    the list is what the heading is, though no item says a sentence. Not under a heading in
    the singular (a list of names under `## Germany` is one of things the note goes on about)
    or a plural word alone (`## Crops` over `- Maize` / `- Rice`: examples of an open class),
    nor a list with items nested, labels, math, code or links in it."""
    if any(b.kind != "item" for b in body) or not MIN_ITEMS <= len(body) <= MAX_LISTED:
        return None
    if len({b.level for b in body}) > 1:
        return None
    if len(title.split()) < 2:
        return None  # "## Crops" over "- Maize" / "- Rice": examples, not a set the heading closes
    if not plural_title(title):
        return None
    for block in body:
        text = clean_card_text(block.text)[0]
        plain = strip_markup(text).strip()
        if not plain or "\n" in plain or units(plain) > MAX_MEMBER_UNITS or has_cjk(plain):
            return None
        if ITEM_TERM.search(text) or "[" in text or is_sentence(plain) or "?" in plain:
            return None
    return as_list(ctx, body)


def _first_bullet(ctx: Context, n: int, body: list[Block], *, long: bool = False) -> str | None:
    """A list under a heading whose first bullet says what the heading is, the later ones
    more about it (`## Viscosity` / `- how much a liquid resists flowing` / `- large forces
    result in greater viscosity` / `- Ex`; the heading may have sub-headings after its list,
    `## Biomes` / `- large regions whose climate decides …` / `### Tundra`): the first
    bullet is the answer. It must read as a
    definition: a clause that goes on from the heading (a lower-case opening in Latin script,
    `the pressure above the liquid at equilibrium`), a phrase that is no sentence (`_phrase`)
    or a sentence that names the heading, five units or more; not a question, a `Term: …`,
    `Term - …` or `Term (…)` item (a card of its own), math or code, nor the caption of a
    formula set under it. Formulas set in the later items (`- $$NaCl → Na^+ + Cl^-$$`, read
    as math blocks) elaborate as the items do. In a `long` section the blocks after it may be
    anything (quotations, paragraphs), and a colon anywhere in it makes it a value given."""
    if body[0].kind != "item" or (not long and any(b.kind not in {"item", "math"} for b in body)):
        return None
    if body[0].number:
        # "### Ways to Calculate GDP" / "1. sum …" / "2. add up …": the first is one of them,
        # and the list, when it is short and says something in each item, is the answer
        run = list(takewhile(lambda b: b.kind == "item", body))
        top = [b for b in run if b.level == run[0].level]
        if len(run) == len(body) or len(top) < MIN_ITEMS:
            return None
        # (a long one without the items nested under its members: "1. changes in income" over
        # "* normal good: …": the members are the answer)
        return _bullets(ctx, heading_title(ctx.blocks[n]), run if len(run) <= MAX_LISTED else top)
    text = clean_card_text(body[0].text)[0]
    plain = strip_markup(text).strip()
    if "\n" in plain or not says_enough(plain, 5) or is_first_person(plain) or aside(plain):
        return None
    if "?" in plain or "？" in plain or ITEM_TERM.search(text[:40]):
        return None
    if plain.rstrip(" .;,").endswith(")") and len(plain.split("(", 1)[0].split()) <= 4:
        return None  # "disinflation (reduction in inflation rates)": a glossary entry of its own
    if long and ("：" in plain or ":" in plain):
        return None  # "- nicht empfangsbedürftige WE (z.B Testament): Abgabe": a value given
    if len(body) > 1 and _captions(ctx, body[0], body[1]):
        return None  # "- Ecuación de onda …" over its formula: the formula's caption
    title = heading_title(ctx.blocks[n])
    if len(body) > 1 and _lists_members(title):
        # "### Labour-Market Factors" / "- **Shortage of …**" / …: the first is one of them,
        # and the list, where it is all the section holds, the answer
        whole = all(b.kind == "item" and ctx.free(b) for b in body)
        return as_list(ctx, body) if whole else None
    if not (
        _goes_on(plain)
        or (is_sentence(plain) and _speaks_of(title, plain))
        or ((_phrase(plain) or _headed(plain)) and not ARTICLE.match(title))
    ):
        return None  # "Concentration gradient", "Germany": one of a list of things
    return text


def _lists_members(title: str) -> bool:
    """The heading's head noun names what a list under it enumerates ("Supply-Side Factors",
    "Common Misconceptions", "Six steps", "Characteristics of Justice", "优点"): each bullet is
    one of them, the first no more what the heading is than the others, and a card of it alone
    gives one of several."""
    title = title.rstrip(":：")
    kind = KIND_OF.match(title)
    words = (kind["kind"] if kind else title).split()
    return any(
        is_list_label(head) or ASPECT_HEAD.match(head) is not None
        for head in (" ".join(words[-2:]), words[-1] if words else "")
    )


def _captions(ctx: Context, item: Block, after: Block) -> bool:
    """The item leads into a formula set under it (`- Ecuación de onda …` / `    $…$`)."""
    return (
        after.parent is not None
        and ctx.blocks[after.parent] is item
        and after.kind in {"paragraph", "math"}
        and after.text.lstrip().startswith("$")
    )


def _goes_on(plain: str) -> bool:
    """A bullet that goes on from the heading above it: a lower-case clause in Latin script
    (`the pressure above the liquid at equilibrium`)."""
    return plain[:1].islower() and not has_cjk(plain)


def _phrase(plain: str) -> bool:
    """A first bullet that is a phrase of its own, not a sentence ("Many small firms selling
    the same good", "Measures how fast a reaction goes"): what the heading is, in outline notes
    that write no sentences. An outline of a lecture writes sentences ("The war ended in a
    stalemate."); a phrase with a colon, math, a number or a quotation, or one that runs into
    a second sentence, is a value, a step, an example or a citation; under a heading that
    opens with an article (`## The decade in review`) it is a point of a lecture's outline."""
    if has_cjk(plain) or is_sentence(plain) or not says_enough(plain, MIN_PHRASE_UNITS):
        return False
    return _NOT_A_PHRASE.search(plain) is None and plain[0] not in _QUOTE_OPEN


MIN_PHRASE_UNITS = 5


def _headed(plain: str) -> bool:
    """A first bullet that names what the heading is by a noun and what it is of or for, its
    full stop aside ("Ability to influence another person's behavior.", "Ingestion of minute
    particles that form vesicles …", "Official government strategy to change the size …"):
    one to four words, then a word of the tables' `of_words` or `infinitive_markers`. Such a
    head is no sentence's subject and verb ("Banks failed across the country."), so a long
    section may open with it too; not with a colon, math, a number or a quotation (`_phrase`),
    not opened by a preposition or a pronoun ("In the end of …", "This is …"), and not opened
    by an article where a full stop ends it: a sentence, whose subject is the head."""
    if has_cjk(plain):
        return False
    body = plain[:-1] if plain.endswith(".") else plain
    if units(body) < MIN_PHRASE_UNITS or _NOT_A_PHRASE.search(body) or body[:1] in _QUOTE_OPEN:
        return False
    if PREPOSITION.match(body) or SUBJECT_STOPWORD.match(body):
        return False
    if body != plain and ARTICLE.match(body):
        return False  # "The bill of rights makes sure that …": a sentence, its subject definite
    return _head_of(body)


def _head_of(text: str) -> bool:
    """One to four words, then a word of the tables' `of_words` or `infinitive_markers`: a noun
    and what it is of or for ("Ability to influence …", "A comprehensive evaluation of …")."""
    end = 0
    for _ in range(_MAX_HEAD_WORDS):
        word = _HEAD_WORD.match(text, end)
        if word is None:
            return False
        end = word.end()
        if PHRASE_FOLLOWER.match(text[end:]):
            return True
    return False


_HEAD_WORD = re.compile(r"[^\W\d_][\w'-]*\s+")
_MAX_HEAD_WORDS = 4
_NOT_A_PHRASE = re.compile(r"[:：$\d]|\.\s")
_QUOTE_OPEN = "\"'“‘*(["


# the mark after the term of an entry written with a dash or an arrow ("Tariff - a tax …")
def _entry_term(text: str) -> bool:
    """The words before an entry's mark name a term ("Gravitational water"), not a label or a
    numbered part ("Stage 1", "Example"), which an item may set off so to say more of its
    heading."""
    term = text.strip(" *_")
    return is_term(term) and not is_label(term)
