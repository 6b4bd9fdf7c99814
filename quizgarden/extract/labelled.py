"""A label and its list: `Causes:` / `Symptoms:` / `优点：` / `Vorteile:` followed by bullets.

The label names what the list holds about the section's subject, so the front is
"Hypertension › Causes" and the back the list. Only labels the language tables know as asking
for a list count: "Steps:" before a procedure is as much a list as "Causes:", but "Note:" is not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text, heading_above, heading_title, naming_heading
from .lang import (
    DEICTIC,
    JOINER,
    KIND_OF,
    LIST_VERB,
    SECTION_LABEL,
    SUBJECT_STOPWORD,
)
from .outline import MAX_MEMBERS
from .shape import (
    MAX_ANSWER,
    as_list,
    bold_name_above,
    items_after,
    lists_entries,
    names_a_thing,
    names_already,
    opens_term,
    parent_name,
    plural_title,
    section,
    topic,
)
from .text import (
    has_cjk,
    is_distinctive,
    is_first_person,
    is_label_word,
    is_list_label,
    is_sentence,
    is_term,
    strip_markup,
    units,
)

MIN_ITEMS, MAX_ITEMS = 2, 15
# "Causes:", "**Symptoms**", "Risk factors of stroke:", "高血压的症状："
_LABEL = re.compile(r"^(?P<label>[^:：\n]{2,60}?)\s*[:：]?$")
_MAX_LABEL = 60  # (`_LABEL`'s longest label)
# a lead-in that is a clause or more: "…，其中包括" goes on from a sentence
_CLAUSE_PUNCT = re.compile(r"[，,。.;；！？!?]")


def _points_or_labels(subject: str) -> bool:
    """ "这样的位置编码" points back, "答案" only labels: no subject of a lead-in."""
    return SUBJECT_STOPWORD.match(subject) is not None or is_label_word(subject)


def find(ctx: Context) -> Iterator[Candidate]:
    before = ctx.before_items
    for n, block in enumerate(ctx.blocks):
        if block.kind not in {"paragraph", "item", "heading"} or not ctx.free(block):
            continue
        if block.kind == "heading":
            text = heading_title(block)
        else:
            raw = block.text.strip()
            if "\n" in raw or (not raw.rstrip("*_ ").endswith((":", "：")) and "**" not in raw):
                continue  # a label ends with a colon or stands alone in bold
            text = strip_markup(raw).strip()
        # the label first: most headings and lines are none, and their lists are not read
        found = _front(ctx, n, text, before[n])
        if found is None:
            if block.kind == "paragraph" and text.endswith((":", "：")):
                yield from _collection(ctx, n, text)
            continue
        front, kind = found
        if block.kind == "heading":
            whole = section(ctx, n)
            items = [b for b in whole if b.kind == "item"]
            if len(items) != len([b for b in whole if ctx.free(b)]):
                continue  # the section says more than its list
        else:
            items = items_after(ctx, n)
        if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
            continue
        if not all(ctx.free(b) for b in items):
            continue
        glossary = lists_entries(items) or (LIST_VERB.search(front) and _marked_terms(items))
        if not glossary and kind:
            glossary = _outlines_terms(items)
        if glossary:
            # "Types of losses:" over "- **Pecuniary**: …": each item is a card; a lead-in that
            # counts them ("BERT有两个任务：") asks for their names as well
            names = _counted_names(front, items)
            if names:
                yield Candidate("label", "basic", front, names, block.line)
            elif block.kind == "paragraph" and text.endswith((":", "：")):
                yield from _collection(ctx, n, text)  # "Types of losses:": its members' names
            continue
        back = as_list(ctx, items)
        if back and len(back) <= MAX_ANSWER:
            yield Candidate("label", "basic", front, back, block.line)


# the count a lead-in gives its list: "有两个任务", "分为三种"
_COUNT = re.compile(
    r"(?:有|包括|包含|分为|体现在)(?:以下|如下)?(?P<n>[两二三四五六七八九])(?:个|大|种|项|类|条|点|层)?"
)
_NUMBER = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# the term a glossary item opens with: in bold or code, or before its colon or dash
_OPENING = re.compile(
    r"^(?:\*\*(?P<bold>[^*\n]{1,40})\*\*|`(?P<code>[^`\n]{1,40})`"
    r"|(?P<led>[^:：\n]{1,40}?)\s*(?:[:：]|\s[-–—]\s))"
)


def _counted_names(front: str, items: list[Block]) -> str:
    """The names of a glossary's items under a lead-in that counts them (`Word2vec有两个变体：`
    over `1. `Skip-Gram`：…` / `2. `Continuous Bag of Words`：…`), one a line, when the list
    holds as many items as the lead-in says: what the learner recalls before each one's card."""
    m = _COUNT.search(front)
    if m is None:
        return ""
    base = min(b.level for b in items)
    top = [b for b in items if b.level == base]
    if len(top) != _NUMBER[m.group("n")]:
        return ""
    names = []
    for b in top:
        opening = _OPENING.match(b.text.lstrip())
        term = opening.group(opening.lastgroup or "led") if opening else ""
        term = strip_markup(term).strip(" *")
        if not is_term(term):
            return ""
        names.append(f"- {term}")
    return "\n".join(names)


#: How many members a label's list must name to be one the label closes (`Types of …:`).
MIN_MEMBERS = 2


def _collection(ctx: Context, n: int, text: str) -> Iterator[Candidate]:
    """A line alone that names a collection in the plural and ends on a colon, over a list of
    its members (`Types of Adversarial Attacks:` / `1. **White-box Attacks**: …` / `2. …`,
    `***Tensions in the early 20th century:***` / `1. Imperial Rivalries` + its bullets): the
    label asks for the members whatever its words, the tables' list labels or not, and the
    answer is their names alone, each member's own card saying what it is. The plural head
    noun (`plural_title`) says the list closes the collection, where a singular (`Global flow
    analysis:`) or a sentence (`There are couple of ways …:`) leads into points of one thing.
    Not where a member is no name (a sentence, a value, a question, a reading linked) nor
    where the list runs past `MAX_MEMBERS`: a card that recalls part of a list passes it off
    as all of it."""
    blocks = ctx.blocks
    block = blocks[n]
    if block.parent is not None or block.quoted or n + 1 >= len(blocks):
        return
    first = blocks[n + 1]
    if first.kind != "item" or first.level != 1 or first.line > block.end + 2:
        return
    label = text.rstrip(":： ").strip()
    if has_cjk(label) or len(label.split()) < 2 or not plural_title(label):
        return
    opening = label.split()[0]
    if (
        SUBJECT_STOPWORD.match(opening)
        or DEICTIC.fullmatch(opening)
        or is_first_person(opening.casefold())
    ):
        return  # "These factors:", "My goals:": the writer's own or a list named elsewhere
    if not names_a_thing(label, max_units=_MAX_COLLECTION) or not is_term(label):
        return
    members: list[str] = []
    for item in blocks[n + 1 :]:
        if item.kind != "item" and item.parent is None:
            break  # the list has ended
        if item.kind != "item" or item.level != 1:
            continue
        name = _member_name(clean_card_text(item.text)[0])
        if name is None or len(members) == MAX_MEMBERS or not ctx.free(item):
            return
        members.append(name)
    if len(members) < MIN_MEMBERS:
        return
    front = label
    if not is_distinctive(label):
        owner = naming_heading(ctx, heading_above(ctx, n))
        if owner and not names_already(owner, label):
            front = f"{owner} › {label}"
    back = "\n".join(f"- {name}" for name in members)
    yield Candidate("label", "basic", front, back, block.line)


#: The most units a label naming a collection holds (`Tensions in the early 20th century`).
_MAX_COLLECTION = 6
#: The most units a member's name holds: `Muscle relaxation`, `White-box Attacks`.
_MEMBER_UNITS = 5
# a link out of the note: a work to read (a link to a section of the note names a member)
_WEB_LINK = re.compile(r"https?://|www\.")


def _member_name(text: str) -> str | None:
    """The name an item gives its member: the item whole where it is a name (`Imperial
    Rivalries`), or the term of its `Term: …` entry (`**White-box Attacks**: The attacker …`);
    None for a sentence, a question, math or a link to a page elsewhere, which are no
    member's name."""
    first = text.split("\n", 1)[0]
    if _WEB_LINK.search(first):
        return None  # "[Guide to SWAP-200 Interpretation](https://…)": a reading, no member
    line = strip_markup(first).strip()
    head, colon, _ = line.partition(":")
    if colon and head.strip():
        line = head.strip()
    if not line or units(line) > _MEMBER_UNITS or "?" in line or "$" in line:
        return None
    if is_sentence(line) or not is_term(line):
        return None
    return line


def _marked_terms(items: list[Block]) -> bool:
    """Half the items or more open with a term set in bold or code (`1. **核采样**。…`,
    `` - `persist`：… ``): each names a term of its own, which the `definition` rule asks."""
    return sum(b.text.lstrip().startswith(("**", "`")) for b in items) * 2 >= len(items)


def _label(text: str) -> re.Match[str] | None:
    """`_LABEL.match(text)`, for a text no longer than a label once the spaces and the colon
    that may close it are left out, as a match's is: the lazy label tried each of its lengths
    on the first line of a longer text before it failed."""
    if len(text.rstrip().rstrip(":：").rstrip()) > _MAX_LABEL:
        return None
    return _LABEL.match(text)


def _front(ctx: Context, n: int, text: str, m_before: int) -> tuple[str, bool] | None:
    """The front a label asks, and whether the label is a kind of a list label of the tables."""
    m = _label(text)
    if not m:
        return None
    label = m.group("label").strip()
    block = ctx.blocks[n]
    listed = is_list_label(label) or SECTION_LABEL.match(label) is not None
    # (a kind of a list label is read where a colon or a heading sets it off as a label: a bold
    # line alone, `**Scientific Management**`, names a thing)
    marked = block.kind == "heading" or text.rstrip().endswith((":", "："))
    kind = not listed and marked and _kind_of_label(label)
    if listed or kind:
        if block.kind == "heading":
            where = _above(ctx, n)
        else:  # "**Strict stationarity**" over "- 性质:" and its items: the name's property
            where = (
                bold_name_above(ctx, block, m_before)
                or parent_name(ctx, block)
                or topic(ctx, block)
            )
        return (f"{where} › {label}", kind) if where else None
    of = KIND_OF.match(label)
    if of and is_list_label(of.group("kind")):
        return label, False  # "Causes of hypertension" names its subject itself
    if "的" in label and is_list_label(label.rsplit("的", 1)[1]):
        return label, False  # "高血压的症状"
    if ctx.blocks[n].kind != "heading" and (verb := LIST_VERB.search(label)):
        subject = label[: verb.start()].strip()  # "军事思想的内容体系包括": what it holds
        if len(subject) < 2 or _CLAUSE_PUNCT.search(subject) or _points_or_labels(subject):
            return None
        return label, False
    return None


def _outlines_terms(items: list[Block]) -> bool:
    """Half the list's top items or more open with a term of their own: set off by a dash or an
    arrow (`- Rainfall -> heavy drops …`), or a term over the items nested under it (`- Paging`
    / `  - divides memory into frames …`). Such a list is an outline of terms, each asked on
    its own, under a heading that names a topic (`## Memory management`), not a kind of list."""
    top = [b for b in items if b.level == min(i.level for i in items)]
    led = 0
    for block in top:
        line = strip_markup(clean_card_text(block.text)[0].split("\n", 1)[0]).strip()
        led += opens_term(block, line)
    return led * 2 >= len(top)


#: How many words may stand before a list label and make a kind of it ("Environmental factors",
#: "Reversible causes", "Good thermometric properties").
_KIND_WORDS = 2


def _kind_of_label(label: str) -> bool:
    """A list label of the tables with a word or two before it that says which of its kind the
    list holds: `**Environmental factors:**` and `**Team factors:**` over their bullets, `##
    Reversible Causes` over its list. The words before it qualify the label: no digit, no
    pronoun or first person (`These factors`, `My goals` point elsewhere), no joiner
    (`Advantages and Disadvantages` are two labels). Words run together without spaces (CJK)
    are left to the tables' own entries."""
    words = label.split()
    for k in (1, 2):
        head, kind = " ".join(words[-k:]), words[:-k]
        if not is_list_label(head) or not 1 <= len(kind) <= _KIND_WORDS:
            continue
        return not (
            has_cjk(label)
            or any(not w.isalpha() for w in kind)
            or SUBJECT_STOPWORD.match(kind[0])
            or DEICTIC.fullmatch(kind[0])
            or any(JOINER.fullmatch(w) or is_first_person(w.casefold()) for w in kind)
        )
    return False


def _above(ctx: Context, n: int) -> str:
    return naming_heading(ctx, heading_above(ctx, n))
