"""A term as a list item, explained by the item or two nested under it:

    - laissez-faire economics
      + an economic system in which private transactions are free of state intervention

Lecture notes and glossaries are written this way in every language; the parent must be a
name (short, no sentence, not a label) and the nested items must say something.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text
from .lang import (
    ASKING,
    CONTINUES,
    COUNTED_KIND,
    EXAMPLE_MARK,
    OPEN_CLAUSE,
    PREPOSITION,
)
from .outline import aside, names_work, outline_lead
from .shape import (
    as_list,
    defines_terms,
    is_label,
    labels_list,
    names_already,
    names_subject,
    parent_name,
    placed,
    subject_above,
    topic,
)
from .text import (
    GENERIC_FRONT,
    has_cjk,
    is_distinctive,
    is_explanation,
    is_first_person,
    is_link_only,
    is_list_label,
    is_term,
    strip_markup,
    units,
)

MAX_CHILDREN = 5
#: How many items nested under a CJK name that is itself nested may explain it.
MAX_CJK_CHILDREN = 3
#: Every nested item says this much ("Becomes DataFrame"); the first says more (four units).
MIN_UNITS = 2
#: The longest parent in Latin words: outline notes write statements ("Military occupation of
#: Germany and Japan", "special interests took advantage") as items with details nested under
#: them, and a learner cannot answer those; the names a glossary explains are short.
MAX_TERM_WORDS = 3
_PARENS = re.compile(r"\([^()]*\)|（[^（）]*）")
_LATIN_WORD = re.compile(r"[^\W\d_]*[A-Za-zÀ-ÿ][\w'’+/-]*")
#: A stretch set in corner brackets or 【】 to stress it ("『原则』", "【重点】").
_MARKED = re.compile(r"『[^』]*』|【[^】]*】|「[^」]*」")
_FILE = re.compile(r"\.(?:md|html?|pdf|ipynb)\b|\]\(", re.I)


def find(ctx: Context) -> Iterator[Candidate]:
    blocks = ctx.blocks
    kinds = _kinds(ctx)
    for n, block in enumerate(blocks):
        if block.kind != "item" or not block.children or not ctx.free(block):
            continue
        text, block_id, deck = clean_card_text(block.text)
        term = strip_markup(text).strip()
        opened = _completed(ctx, block, term)
        if opened is not None:
            clause, completion = opened
            front = f"{topic(ctx, block)} › {clause}"
            yield Candidate("nested", "basic", front, completion, block.line, block_id, deck=deck)
            continue
        if "\n" in term or not is_term(term, max_units=8) or is_label(term):
            continue
        if not _term_shaped(term):
            continue
        front = term
        if is_list_label(term) or GENERIC_FRONT.match(term) or COUNTED_KIND.match(term):
            front = f"{topic(ctx, block)} › {term}"  # "- appearance" under "### Psoriasis"
        children = [blocks[c] for c in block.children]
        if any(not ctx.free(c) for c in children):
            continue
        # "- Santana" / "  - Latin influence (Mexico)" / "  - \"Black Magic Woman\"": what the
        # item is, before its parts or works (`outline_lead`), where the items under it are more
        back = _explained(ctx, block, term, children, n in kinds)
        if back is None:
            back = outline_lead(ctx, children, term)
            if back and term.islower() and " " not in term and front == term:
                front = f"{topic(ctx, block)} › {term}"  # "- criticisms": of what it says
        if back and front == term and block.parent is not None:
            # "- 军事" under "- **西方的侵略**": the item it hangs from is the nearest subject
            # it is a part of, nearer than any heading (an outline's are chapters, "第一章")
            group = parent_name(ctx, block)
            if group and names_subject(group) and not names_already(group, term):
                front = placed(group, term)
        if back and front == term and not is_distinctive(term):
            # "- Slow start" under "## TCP Congestion Control": a common phrase, of its subject
            owner = subject_above(ctx, block)
            if owner is not None and not names_already(owner, term):
                front = placed(owner, term)
        if back:
            yield Candidate("nested", "basic", front, back, block.line, block_id, deck=deck)


def _explained(
    ctx: Context, block: Block, term: str, children: list[Block], in_kinds: bool
) -> str | None:
    """What the items nested under `block` (named `term`) say it is, or None: one to five
    items that say something, the first what the term is; `in_kinds`: the item is a kind
    among kinds (`_kinds`)."""
    blocks = ctx.blocks
    if len(children) > MAX_CHILDREN:
        return None
    # a nested item may hold details of its own, one level, MAX_DEEPER at most, part of the
    # answer (`- Castle exception` / `- no duty to retreat` / `- against attack` /
    # `  - only a threat of death`; `- threshold` / `- min. intensity needed to fire an AP` /
    # `  - AP does not stop until …`); the first says what the term is, and where it has
    # details the others have none (`- MOSFET` / `- Long-channel` + details / `- Power` +
    # details are kinds); in CJK text, where stressed words nest under stressed words, a
    # tree of them explains nothing
    if children[0].children and not _elaborated(ctx, children):
        return None
    if names_work(children[0]) and "**" not in children[0].text:
        return None  # `- Three Dog Night` / `  - "Mama Told Me"`: a work of it, not what it is
    # a later nested item ending with a colon labels a list of its own (`- Rhythm control`
    # / `  - DC cardioversion …` / `  - maintaining sinus rhythm:` / `    - amiodarone`):
    # a sub-heading of the answer, kept with its items and not judged as an explanation
    labels = [c for c in children[1:] if labels_list(c)]
    listed = [blocks[g] for c in labels for g in c.children]
    if listed and (
        any(len(c.children) > MAX_CHILDREN for c in labels)
        or any(d.children or not ctx.free(d) or "$" in d.text for d in listed)
    ):
        return None
    children = [c for c in children if c not in labels]
    deeper = [blocks[g] for c in children for g in c.children]
    if deeper and (
        len(deeper) > MAX_DEEPER
        or any(d.children or not ctx.free(d) or "$" in d.text for d in deeper)
        or has_cjk(term + "".join(c.text for c in children))
    ):
        return None  # an outline of a topic, or a derivation
    if listed and has_cjk(term + "".join(c.text for c in children + labels + listed)):
        return None
    if any(is_link_only(c.text) or _FILE.search(c.text) for c in children + deeper + listed):
        return None  # a table of contents (files, links), not an explanation
    if defines_terms(children):
        return None  # "- Hydrosphere" / "  - Cryosphere - study of ice": the item is its card
    # "- 惯性环节" / "  - $G(s) = \frac{1}{Ts+1}$" / "  - 惯性环节一般包含…": the name's
    # formula first, then what the other items say of it ("Which becomes" / "- $pV=nRT$"
    # leads into a step); math past the first item is a derivation
    named = not ASKING.match(term) and not CONTINUES.match(term)
    formula = children[:1] if named and _formula_item(children[0].text) else []
    children = children[len(formula) :]
    if any("$" in c.text for c in children):
        return None
    if formula and not children:
        return f"${_formula_item(formula[0].text)}$"
    plain = [strip_markup(clean_card_text(c.text)[0]) for c in children]
    if any(EXAMPLE_MARK.match(p) for p in plain):
        # "- E.G. Yes/No" shows the term at work; the answer is what the other items say
        kept = [(c, p) for c, p in zip(children, plain, strict=True) if not EXAMPLE_MARK.match(p)]
        children, plain = [c for c, _ in kept], [p for _, p in kept]
        if not children:
            return None
    # CJK counts a unit per character: its short items are words, not explanations; a name
    # that opens its list takes as many as in Latin script (`- 交换` over four points that say
    # what it is), one nested in an outline three (`1. 肝` / `- 系统连属` / four links: the
    # parent's parts, not a term's explanation)
    cjk = has_cjk(term + "".join(plain))
    least = 4 if cjk else MIN_UNITS
    most = MAX_CJK_CHILDREN if cjk and block.parent is not None else MAX_CHILDREN
    # a kind among kinds (`_kinds`): a word or a figure opens each nested item, the first
    # says two words, later ones one (`- Binary form` / `- Two sections: A B` / `- Repeatedly`)
    kind = in_kinds and least == MIN_UNITS and all(p[:1].isalnum() for p in plain)
    if kind:
        least = 1 if units(plain[0]) >= MIN_UNITS else MIN_UNITS
    if len(children) > most:
        return None
    if any(units(p) < least or is_first_person(p) or p.endswith((":", "：")) for p in plain):
        return None
    if not kind and any(p[:1].isdigit() for p in plain):  # "1/3 people at 90": figures
        return None
    if _in_taxonomy(ctx, block, plain):
        return None
    if not kind and not is_explanation(plain[0], long=True) and not _terse(term, plain, deeper):
        return None  # the first nested item says what the term is; later ones may be short
    if not all(is_explanation(p, long=True, min_units=least) for p in plain[1:]):
        return None
    children = formula + children
    if deeper or labels:  # each nested item followed by what is nested under it, in order
        # (`- Word family` / `- related lexemes …` / `  - Ex) "read", "readable"`: no example)
        deeper = [d for d in deeper if not EXAMPLE_MARK.match(strip_markup(d.text))]
        children = sorted(children + deeper + labels + listed, key=lambda c: c.line)
    return clean_card_text(children[0].text)[0] if len(children) == 1 else as_list(ctx, children)


#: The Latin words an open item says before its connective at least: a subject and what it
#: says of it ("Direct implementation is complicated"; "Repeat the following:" is a step).
MIN_OPEN_WORDS = 2


def _completed(ctx: Context, block: Block, term: str) -> tuple[str, str] | None:
    """An item left open on a connective that the items nested under it complete, as lecture
    outlines write reasons and conditions, and the answer they give; the front is the item's
    words after the name of its section, which the clause leaves to it (direct implementation
    of what the section names):

        - Direct implementation is complicated, because:
          - Maintaining multiple node types is cumbersome.
          - Need multiple compares to move down tree.

    The item says something of a subject before its connective ("… are independent if",
    "… indicated in one of the following:"); not a clause opening on a preposition, an aside
    or the writer, and each nested item says something in words: not a step of a derivation
    (an item opening with math: "The cost is lower if:" / "- $c = a + b$"), nor a link."""
    if "\n" in term:
        return None
    clause = term.rstrip(" :：")
    m = OPEN_CLAUSE.search(clause)
    if m is None:
        return None
    said = clause[: m.start()]
    if len(_LATIN_WORD.findall(said)) < MIN_OPEN_WORDS or PREPOSITION.match(said):
        return None
    if aside(said) or is_first_person(said) or CONTINUES.match(said):
        return None
    children = [ctx.blocks[c] for c in block.children]
    if len(children) > MAX_CHILDREN:
        return None
    if any(c.kind != "item" or c.children or not ctx.free(c) for c in children):
        return None
    plain = [strip_markup(clean_card_text(c.text)[0]).strip() for c in children]
    if any(p.startswith("$") or units(p) < MIN_UNITS for p in plain):
        return None
    if any(is_link_only(c.text) or _FILE.search(c.text) for c in children):
        return None
    back = clean_card_text(children[0].text)[0] if len(children) == 1 else as_list(ctx, children)
    return clause, back


#: The units a lone nested note says at least (a first item of several says four): two
#: (`- mouse` / `  - brown hair`) name a trait, as a list of traits does.
MIN_TERSE_UNITS = 3
#: A word in lower case of this many letters or more: a note says something, a name does not.
_PLAIN_WORD = re.compile(r"\b[a-z]{4,}\b")


def _terse(term: str, plain: list[str], deeper: list[Block]) -> bool:
    """A name with one short note nested under it and nothing else, as terse lecture outlines
    write them (`- brachioradialis` / `  - flexes the elbow`): the note is what the outline
    says of the name, in three units or more. Not under an aspect's label (`- symptoms` /
    `  - painless at first`: a fragment of its topic), and the note says it in words: not in
    symbols (`++ very rare`), as a form of options (`sudden/ gradual onset`) or as a name
    (`Praxiteles of Athens`), which holds no word in lower case."""
    if len(plain) != 1 or deeper or is_list_label(term) or GENERIC_FRONT.match(term):
        return False
    note = plain[0]
    if COUNTED_KIND.match(term) or units(note) < MIN_TERSE_UNITS or not note[:1].isalpha():
        return False
    if "/" in note or "=" in note:
        return False
    return _PLAIN_WORD.search(note) is not None


#: How many items may be nested under the nested items: more is an outline of a topic, not
#: the explanation of a term.
MAX_DEEPER = 2


# a nested item that is one equation in `$…$` and nothing else: `- $G(s) = \frac{1}{Ts+1}$`
_FORMULA_ITEM = re.compile(r"\$(?!\$)(?P<latex>[^$\n]*[^$\n<>!\\]=[^$\n]+)\$\s*")


def _formula_item(text: str) -> str | None:
    """The LaTeX of an item that is only an equation, else None."""
    m = _FORMULA_ITEM.fullmatch(text.strip())
    return m.group("latex").strip() if m else None


#: Sentence punctuation: an explanation has some; a name nested under a name has none.
_SAYS = re.compile(r"[,，。.;；:：、!?！？=]|\s\S+\s")
#: At least this many bare sibling names make the list a tree of names (an org chart).
_MIN_BARE_SIBLINGS = 2


def _in_taxonomy(ctx: Context, block: Block, plain: list[str]) -> bool:
    """An item of a tree of names ("- 公安部 / - 国家移民局（部管局）", "- Mammals / - Whales"):
    its siblings are names with nothing nested, and what is nested under it is a name too (no
    sentence punctuation once brackets are gone). An org chart or a taxonomy says what belongs
    where, not what the name means."""
    if any(_SAYS.search(_PARENS.sub("", p).strip()) for p in plain):
        return False
    siblings = [
        other
        for other in ctx.blocks
        if other is not block
        and other.kind == "item"
        and other.parent == block.parent
        and other.heading == block.heading
        and other.level == block.level
    ]
    bare = [s for s in siblings if not s.children and not _SAYS.search(_PARENS.sub("", s.text))]
    return len(bare) >= _MIN_BARE_SIBLINGS and len(bare) * 2 > len(siblings)


_HEAD_WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
#: figures or a dash that sets details off: the item says more than a kind's name
_NOT_A_KIND = re.compile(r"\d|--|[—–]|\s-\s")


def _kinds(ctx: Context) -> set[int]:
    """Items of a typology: sibling items, each a short name with items nested under it, that
    share their head word, last or first (`- Binary form` / `- Ternary form`, `- geocentric
    latitude` / `- geographic latitude`, `- Droit civil` / `- Droit pénal`). Each names a kind
    of one thing and what is nested under it says how that kind differs, however briefly
    (`- A B A`, `- less precise`), where under a lone name the same short items are a list."""
    groups: dict[tuple[int | None, int | None, int], list[tuple[int, list[str]]]] = {}
    for n, block in enumerate(ctx.blocks):
        if block.kind != "item" or not block.children or "\n" in block.text:
            continue
        name = strip_markup(block.text)
        if _NOT_A_KIND.search(name):
            continue  # "Infarto anteriore (40--50%) --- LAD": a name and its details already
        words = _HEAD_WORD.findall(_PARENS.sub(" ", name))
        if not words or len(words) > MAX_TERM_WORDS:
            continue
        key = (block.parent, block.heading, block.level)
        groups.setdefault(key, []).append((n, [words[0].casefold(), words[-1].casefold()]))
    out: set[int] = set()
    for members in groups.values():
        # counted, not compared pair by pair: a list of thousands of items stays linear
        firsts = Counter(first for _, (first, _) in members)
        lasts = Counter(last for _, (_, last) in members)
        both = Counter((first, last) for _, (first, last) in members)
        for n, (first, last) in members:
            # another item shares its last word but not its first, or its first but not its last
            if lasts[last] > both[first, last] or firsts[first] > both[first, last]:
                out.add(n)
    return out


#: A word of four letters or more: a title capitalises every one ("A Night at the Opera").
_LONG_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
#: An item opening with a term its author set apart, in bold or in capitals: its own term.
_SET_APART = re.compile(r"\s*(?:\*\*|__|[A-Z]{4,}\b)")


def _elaborated(ctx: Context, children: list[Block]) -> bool:
    """The first of `children` says what the term is and the items nested under it go on
    with it: the only one with items under it, not a title over its tracks (`- Queen` /
    `- A Night at the Opera` / `  - "Bohemian Rhapsody"`: a work of the name, not what it is)
    and not one opening with a term its author set apart in bold or capitals; what is
    nested under it says something (two words or more), not a work's title."""
    if any(c.children for c in children[1:]):
        return False
    text = clean_card_text(children[0].text)[0]
    words = _LONG_WORD.findall(strip_markup(text))
    if words and all(w[0].isupper() for w in words):
        return False
    if _SET_APART.match(text):
        return False  # "- UNIVERSALS are the essence of a thing": a term of its own, set apart
    details = [ctx.blocks[g] for g in children[0].children]
    # each detail says something of it ("- glbl env cris fcing" / "  - defrst": a jotting)
    return all(units(strip_markup(d.text)) >= MIN_UNITS and not names_work(d) for d in details)


def _term_shaped(term: str) -> bool:
    """A short noun phrase, not the head of an outline statement: at most MAX_TERM_WORDS Latin
    words outside brackets ("aggregate demand (aka domestic final demand)" counts two), no
    opening preposition from the language tables ("According to experiments"), and not a run of
    separately stressed words."""
    core = _PARENS.sub(" ", term).strip()
    if not core or PREPOSITION.match(core):
        return False  # "(fetal alcohol disorder)": an aside in brackets, no name of its own
    if len(_MARKED.findall(term)) > 1 and not _MARKED.sub("", term).strip():
        return False  # "『最核心』『原则』": words the author stressed one by one, no name
    words = len(_LATIN_WORD.findall(core))
    return words <= MAX_TERM_WORDS or (words <= MAX_NAMED_WORDS and _abbreviated(term))


#: The longest name in Latin words that an abbreviation after it makes a term: a glossary's
#: names of institutions and components run longer than three words ("Arithmetic and Logic
#: Unit (ALU)"), and an outline's statements carry no initials of themselves.
MAX_NAMED_WORDS = 6
#: A name closed by its abbreviation in brackets: two to six capitals, a plural "s" aside.
_ABBREVIATED = re.compile(
    r"(?P<name>[^()（）]+?)\s*[(（](?P<short>[A-Z][A-Za-z]?[A-Z]{0,5}s?)[)）]\s*"
)


def _abbreviated(term: str) -> bool:
    """ "Arithmetic and Logic Unit (ALU)", "The Dietary Reference Intakes (DRIs)",
    "Committee to Re-Elect the President (CREEP)": the bracket closing the name abbreviates it,
    its capitals taken in order from the name's letters and its first the initial of the name's
    first or second word (an article may open it). A name its author gave initials to is a
    term however many words it takes; a statement has none."""
    m = _ABBREVIATED.fullmatch(term)
    if m is None:
        return False
    capitals = [c.casefold() for c in m.group("short") if c.isupper()]
    words = _LATIN_WORD.findall(m.group("name"))
    if len(capitals) < 2 or not words or capitals[0] not in {w[0].casefold() for w in words[:2]}:
        return False
    letters = iter("".join(words).casefold())
    return all(c in letters for c in capitals)
