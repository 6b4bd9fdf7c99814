"""An outline: a heading or a list item over a list that opens with bullets saying what it is,
then sets out its parts, each with bullets of its own. The `brief` rule reads a heading so, the
`nested` rule a parent item; what both read lives here (no rule imports another).
"""

from __future__ import annotations

import re

from .blocks import Block
from .context import Context, clean_card_text
from .lang import CONTINUES, DEICTIC, EXAMPLE_MARK, OPENER, SECTION_OPENER
from .shape import as_list, plural_title
from .text import has_cjk, is_example_label, is_first_person, strip_markup, units

# "Term: …", "Term - …", "Term → …", math and code open an item that is a card of its own
ITEM_TERM = re.compile(r"[:：$`=]|\s[-–—]\s|->|→")


def aside(plain: str) -> bool:
    """ "到这里已经介绍完…", "This is what the next part covers", "Besides …": not about it."""
    return bool(OPENER.match(plain) or DEICTIC.match(plain) or SECTION_OPENER.match(plain))


#: How many bullets may open an outline's list and say what its heading or parent item is.
MAX_LEAD = 5
#: Each opening bullet says a word or more; most of them say this many (`Mostly in Britain`).
MIN_OUTLINE_UNITS = 3
_LINKED = re.compile(r"\]\(|\[\[|https?://|\.(?:md|html?|pdf)\b", re.I)
_CJK_SAYS = re.compile(r"[，。；！、]")
_QUOTED = re.compile(r"""^["“'‘][^"”'’]+["”'’]\W*$""")


def outline_lead(ctx: Context, items: list[Block], name: str) -> str | None:
    """The bullets that open an outline's list and say what its heading (or parent item) is,
    before the bullets that name its parts, each with bullets of its own:

        ### Progressive Rock
        - Mostly in Britain
        - Lyrics about philosophy
        - King Crimson
          - In the Court of the Crimson King

    An outline note of any subject sets a topic out so: what it is first, then its members,
    kinds or examples, each explained under it. `items` are the blocks under the heading (or
    the items nested under the parent); the opening bullets, one to `MAX_LEAD`, nothing nested
    under them, are the answer, where a part (an item with items of its own, or a work named
    by its title in quotes or capitals: `"Black Magic Woman"`) follows them. Not a numbered
    list (steps), nor bullets that are entries of their own (`Term: …`, `Term - …`), math,
    code, links, questions, labels over lists (`…:`) or names and titles themselves (a list of
    sub-headings says nothing of its heading); most of them say `MIN_OUTLINE_UNITS` units. A
    first bullet that opens with the `name` (`- Race is a social classification …`) is a
    sentence about its subject, the `subject` rule's. Under a `name` that is a collection in the
    plural (`## Objections`, `- Social problems`) every bullet is one of its members, the
    opening ones included: the answer is all of them (`_members`), never the first few."""
    blocks = ctx.blocks
    first = items[0] if items else None
    if first is None or first.kind != "item" or _NUMBERED.match(ctx.line_text(first.line)):
        return None
    lead: list[Block] = []
    for block in items:
        if block.kind != "item" or block.level != first.level:
            return None  # a paragraph or a bullet nested under an opening one: no outline
        if any(blocks[c].kind == "item" for c in block.children) or names_work(block):
            break
        if block.children or len(lead) == MAX_LEAD or not ctx.free(block):
            return None
        lead.append(block)
    else:
        return None  # no part follows: a list of bullets, the other readings' to judge
    if not lead:
        return None
    said = 0
    for block in lead:
        text = clean_card_text(block.text)[0]
        plain = strip_markup(text).strip()
        size = units(plain)
        if not size or "\n" in plain or is_first_person(plain) or _LINKED.search(text):
            return None  # "- Tokenizer ([tokenizer.md](…))": a table of contents
        if "?" in plain or "？" in plain or plain.endswith((":", "：")) or _capitalised(plain):
            return None
        if is_example_label(plain):
            return None  # "- Examples given in class": a remark over what the note shows
        if ITEM_TERM.search(text[:40]) or plain[0] in "([":
            return None  # "- Census: count of people": the entries are the cards; a citation
        if has_cjk(plain) and not _CJK_SAYS.search(plain):
            return None  # "- 分块矩阵的定义": a CJK phrase with no sentence mark names a part
        said += size >= MIN_OUTLINE_UNITS
    opening = strip_markup(lead[0].text).strip()
    if opening.casefold().startswith(name.casefold()) or aside(opening):
        return None
    if CONTINUES.match(opening):
        return None  # "- unless anticoagulation contraindicated": a clause cut from the parent
    if units(opening) < 2 or said * 2 < len(lead):
        return None  # "- Rest" / "- Drugs": names, not what the heading is
    if plural_title(name):
        return _members(ctx, items, first.level)
    return clean_card_text(lead[0].text)[0] if len(lead) == 1 else as_list(ctx, lead)


#: How many bullets, nested ones included, a collection's members may take and still be shown
#: whole; a longer list is shown by its members alone, if there are at most `MAX_MEMBERS`.
MAX_MEMBER_LINES = 8
MAX_MEMBERS = 8


def _members(ctx: Context, items: list[Block], level: int) -> str | None:
    """The list of a collection's members (`## Main challenges` / `- Insufficient data` / `-
    Poor data quality` + its bullets / `- Overfitting`): every bullet at `level` until the list
    ends, with the bullets nested under them where all fit in `MAX_MEMBER_LINES`, else the
    members alone (with the bullets under a member that ends on a colon: they say it). None
    where a member is a link or an example (`- E.g. …`) or the list is too long to recall: a
    card cut after its first members passes a part of the answer off as all of it."""
    blocks = ctx.blocks
    top: list[Block] = []
    for block in items:
        if block.kind != "item":
            break  # the list has ended: what follows speaks of something else
        if block.level == level:
            top.append(block)
    if len(top) > MAX_MEMBERS:
        return None
    whole: list[Block] = []
    shown: list[Block] = []
    for block in top:
        text = clean_card_text(block.text)[0]
        plain = strip_markup(text).strip()
        if not plain or _LINKED.search(text) or EXAMPLE_MARK.match(plain):
            return None
        tree = _tree(blocks, block)
        whole.extend(tree)
        shown.extend(tree if plain.endswith((":", "：")) else [block])
    return as_list(ctx, whole if len(whole) <= MAX_MEMBER_LINES else shown)


def _tree(blocks: list[Block], block: Block) -> list[Block]:
    """`block` and the items nested under it, in order."""
    out = [block]
    for child in block.children:
        if blocks[child].kind == "item":
            out.extend(_tree(blocks, blocks[child]))
    return out


# a numbered item opens its line with its number: `1.`, `2)`
_NUMBERED = re.compile(r"\s*\d+[.)]")


def names_work(block: Block) -> bool:
    """A bullet that only names a work: its title in quotes (`"Evil Ways"`) or in capitals
    (`Close to the Edge`, three words or more)."""
    plain = strip_markup(clean_card_text(block.text)[0]).strip()
    return bool(_QUOTED.match(plain)) or _capitalised(plain)


def _capitalised(plain: str) -> bool:
    """A title: every word of four letters or more capitalised, three such words at least
    (`Days of Future Past`; not `Started from Kenny Gamble`, `Mostly in Britain`)."""
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", plain) if len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words) and not has_cjk(plain)
