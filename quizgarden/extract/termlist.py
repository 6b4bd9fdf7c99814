"""A term and the list that explains it:

    **Hawthorne effect**:
    - Respondent feels obligated to please the interviewer
    - Train interviewers well to minimise it

    - Coverage error:
        - results from selection bias

Lecture notes in every language set a term on a line of its own, in bold or before a colon, and
explain it in the bullets under it. `label` reads the same layout when the line is a label the
language tables know (`Causes:`); here the line must be a name, and the bullets must say
something of it (not list names or links).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text
from .lang import (
    FORWARD_REF,
    PREPOSITION,
    PROCEDURE_HEADING,
    REFERENCE_HEADING,
    RESULT_HEADING,
    SECTION_LABEL,
    TITLE_STOPWORDS,
    asks,
)
from .shape import (
    MAX_ANSWER,
    as_list,
    is_label,
    is_led,
    items_after,
    labels_list,
    lists_entries,
    names_a_thing,
    names_already,
    parent_name,
    topic,
)
from .text import (
    GENERIC_FRONT,
    has_cjk,
    is_cut,
    is_example_heading,
    is_explanation,
    is_first_person,
    is_link_only,
    is_list_label,
    is_term,
    strip_markup,
)

MAX_ITEMS = 6
_LINE_ENDS = (":", "：", "*", "_")
# the whole line is the term: in bold (a colon inside or after it) or before a colon
_BOLD_LINE = re.compile(r"^(?:\*\*|__)(?P<term>[^*_\n]{2,60}?)[:：]?(?:\*\*|__)\s*[:：]?$")
_COLON_LINE = re.compile(r"^(?P<term>[^:：*_\n]{2,60}?)\s*[:：]$")
# "tags:", "output:": a lower-case key of a field, not a term (a term of one Latin word is
# capitalised or set in bold)
_KEY = re.compile(r"^[a-z][a-z_-]*$")
# three or more words, the first in lower case: a clause that leads into the list
_CLAUSE = re.compile(r"^[a-zà-ÿ][\w'’-]*(?:\s+\S+){2,}$")


def find(ctx: Context) -> Iterator[Candidate]:
    series: Counter[int | None] | None = None  # counted once, when a paragraph first asks
    headlines: int | None = None  # likewise
    for n, block in enumerate(ctx.blocks):
        if block.kind not in {"paragraph", "item"} or "\n" in block.text.strip():
            continue  # cheap, before anything is cleaned: a term line is one line
        if not block.text.rstrip().endswith(_LINE_ENDS) and "^" not in block.text:
            continue  # a term line ends with its colon or its bold (or a `^block-id`)
        if not (block.children if block.kind == "item" else _list_follows(ctx, n)):
            continue  # no bullets under it
        if not ctx.free(block):
            continue
        text, block_id, deck = clean_card_text(block.text)
        line = text.strip()
        if "\n" in line or not line.endswith(_LINE_ENDS):
            continue
        in_series = headed = False
        if block.kind == "paragraph":
            series = _series(ctx) if series is None else series
            in_series = series[block.heading] >= MIN_SERIES
            headlines = _headlines(ctx) if headlines is None else headlines
            headed = headlines >= MIN_HEADLINES
        term = _term(line, block.kind == "item" or in_series, headed=headed)
        if term is None:
            continue
        heading = ctx.blocks[block.heading].text if block.heading is not None else ""
        if is_example_heading(heading):
            continue
        items = items_after(ctx, n)
        top = [b for b in items if b.level == min((i.level for i in items), default=0)]
        if not 1 <= len(top) <= MAX_ITEMS or not all(ctx.free(b) for b in items):
            continue
        if not _explain(top):
            continue
        if in_series and any(map(is_led, items)):
            continue  # "Solutions:" over "- Scaled attention: $…$": the items are the cards
        back = as_list(ctx, items)
        if not back or len(back) > MAX_ANSWER:
            continue
        # the front keeps its section ("Metriche › Throughput", "Frequentists › Parameters"): a
        # term set off above its bullets is often an aspect of what the section is about, and
        # the same term may stand under several sections that compare on it
        where = parent_name(ctx, block) or topic(ctx, block)
        front = term if names_already(where, term) else f"{where} › {term}"
        if not is_term(term):
            front = term  # a bold line written as a heading says what its list is about itself
        yield Candidate("termlist", "basic", front, back, block.line, block_id, deck=deck)


def _list_follows(ctx: Context, n: int) -> bool:
    return n + 1 < len(ctx.blocks) and ctx.blocks[n + 1].kind == "item"


#: Sibling `Name:` paragraphs, each over its own list, that make each line a term.
MIN_SERIES = 2


def _series(ctx: Context) -> Counter[int | None]:
    """Per section (its heading's block), its plain `Name:` lines over lists, counted up to
    MIN_SERIES: `Industrial:` + its bullets, then `Commercial buildings:` + theirs. One such line
    leads into its list ("Given:"), but MIN_SERIES or more side by side name the things the
    section sets out, each explained by its list. One pass over the note, so that a note of many
    such lines stays linear (asking each line's section anew cost 580 s for 4,000 of them)."""
    series: Counter[int | None] = Counter()
    for m, other in enumerate(ctx.blocks):
        if other.kind != "paragraph" or series[other.heading] >= MIN_SERIES:
            continue  # counted far enough: the answer is known
        line = other.text.strip()
        if "\n" in line or not _list_follows(ctx, m) or not _COLON_LINE.match(line):
            continue
        series[other.heading] += _term(line, True) is not None
    return series


#: How many bold lines alone over lists make a note that writes its headings so.
MIN_HEADLINES = 3


def _headlines(ctx: Context) -> int:
    """How many paragraphs of the note are a bold line alone right over a list, leading into
    nothing: a note written without `#` sets its headings so, again and again (`**Perfect
    Balance**`, `**Insert into a 3-node at bottom**`, `**OS manages memory on behalf of the
    process**`, each over its bullets). A label that leads into its list (`**Remark:**`, nine
    times in a note) is no heading."""
    count = 0
    for m, other in enumerate(ctx.blocks):
        if other.kind != "paragraph" or other.parent is not None or not _list_follows(ctx, m):
            continue
        line = other.text.strip()
        count += _BOLD_LINE.match(line) is not None and ":" not in line and "：" not in line
    return count


#: How many words a bold line read as a heading may have.
MAX_HEADLINE_WORDS = 12
# a mark that ends or splits a sentence, or leads into what follows: no heading holds one
_HEADLINE_MARK = re.compile(r"[.!?;:,…\"“”]")


def _headline(term: str) -> bool:
    """A bold line of such a note that is no name but says what its list is about, as a
    lecture's slide titles do: a clause (`OS manages CPU on behalf of the process`), a step
    (`Insert into a 3-node at bottom`), a long name mostly in lower case (`Design goals of an
    operating system`). In Latin script, capitalised, three words or more, with no sentence
    mark, not cut off (`A BST such that`) and not opened by a word a title leaves in lower case
    (`Of the Rights and Duties of …`: a chapter quoted from a code; `The …`)."""
    words = term.split()
    if has_cjk(term) or not 3 <= len(words) <= MAX_HEADLINE_WORDS or not term[0].isupper():
        return False
    if words[0].casefold() in TITLE_STOPWORDS:
        return False
    return _HEADLINE_MARK.search(term) is None and not is_cut(term)


def _term(line: str, item: bool, *, headed: bool = False) -> str | None:
    """The name the line holds, if the whole line is a name set off as a term: in bold, or, as
    a list item over its own bullets or one of a series of such lines, before a colon (one plain
    paragraph ending in a colon leads into its list: "Given:", "Dann:", "Requires three
    circumstances:"). In a note that heads its lists with bold lines (`headed`), such a line
    that is no name but a heading's clause (`_headline`) counts too."""
    m = _BOLD_LINE.match(line)
    bold = m is not None
    if m is None and item:
        m = _COLON_LINE.match(line)
    if m is None:
        return None
    term = strip_markup(m.group("term")).strip().rstrip(":：").strip()
    if not term:
        return None
    named = names_a_thing(term, max_units=6) and is_term(term)
    if not named and not (bold and headed and _headline(term)):
        return None
    head = term.rsplit(None, 1)[-1]
    if is_label(term) or is_list_label(term) or is_list_label(head):
        return None  # "Examples:", "Causes:" (the label rule's), "Relevant considerations:"
    if SECTION_LABEL.match(term):
        return None  # "General rule:"
    if GENERIC_FRONT.match(term) or asks(term) or is_first_person(term):
        return None
    if PREPOSITION.match(term):
        return None  # "Within a mitochondrion:": a phrase that places what follows, no name
    if FORWARD_REF.search(term):
        return None  # "观察下述例子": it leads into an example
    if (
        PROCEDURE_HEADING.search(term)
        or RESULT_HEADING.search(term)
        or REFERENCE_HEADING.search(term)
    ):
        return None  # "改进步骤:", "Results:": what follows is steps or findings, not what it is
    if not bold and (_KEY.match(term) or _CLAUSE.match(term)):
        return None  # "tags:"; "controlla il risultato della syscall:" leads into steps
    return term


def _explain(items: list[Block]) -> bool:
    """Most bullets say something (a clause, not a name), none is only a link, and they are not
    a glossary of their own ("- **Load**: …", "- **Store**: …": those items are the cards). A
    later bullet that labels a list of its own (`- Determinants:` over its bullets) is part of
    the answer, as a sub-heading is part of a section: no lead-in that bars it, though it says
    nothing itself, so the bullets that do must still be most of them."""
    said = 0
    for k, block in enumerate(items):
        plain = strip_markup(clean_card_text(block.text)[0]).strip()
        if is_link_only(plain):
            return False
        if k > 0 and labels_list(block):
            continue
        if plain.endswith((":", "：")):
            return False
        said += is_explanation(plain, min_units=4)
    return said * 2 > len(items) and not lists_entries(items)
