"""Judgements the structural rules share: what a block is about, what a list says, whether a
front is only a label. Rules import this module, never each other."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .blocks import Block
from .context import Context, clean_card_text, heading_above, heading_title, naming_heading
from .lang import (
    APPOSITIVE,
    ARTICLE,
    BOLD_LEAD,
    CALLED_BOLD,
    CALLING,
    CARRIED_OPENER,
    COMMA_NAMED,
    COMPLEMENT_WORD,
    CONDITION,
    COUNT_LEAD,
    COUNTED_KIND,
    DEFINITION_LABEL,
    DEICTIC,
    EXAMPLE_MARK,
    FRAME_LEAD,
    FRAME_OPENER,
    FRAME_START,
    INTRODUCING_LEAD,
    KIND_COUNT,
    LINKING_LEAD,
    NAMED_BOLD,
    NAMED_PLAIN,
    NAMER,
    NAMING,
    NAMING_FRAMES,
    NAMING_LEAD,
    NO_ANSWER,
    NUMBER_MARK,
    NUMBERED_SECTION,
    PLAIN_NAMER,
    POINT_LABEL,
    PREPOSITION,
    RELATIVE_WORD,
    SECTION_LABEL_HEADING,
    SPACE_NAMER,
    TOPIC_SUFFIX,
    asks,
)
from .text import (
    GENERIC_FRONT,
    ITEM_MARK,
    NOTE_CACHE,
    SENTENCE,
    aspect_phrase,
    has_cjk,
    is_cut,
    is_decorated,
    is_distinctive,
    is_enumeration,
    is_explanation,
    is_first_person,
    is_label_word,
    is_link_only,
    is_list_label,
    is_local_link,
    is_structural,
    is_term,
    strip_markup,
    strip_numbering,
    units,
)

MAX_ANSWER = 1200
#: A list with this many one-line items of one shape (`Term: …`, `word -> gloss`) is a glossary:
#: a short answer, or a list of names, is a whole answer there.
MIN_GLOSSARY = 3


@lru_cache(maxsize=NOTE_CACHE)  # rules ask it of the same headings and fronts again and again
def is_question(title: str) -> bool:
    """A heading or a line that asks: a question word opens it or a question mark ends it."""
    return asks(title)


def topic(ctx: Context, block: Block) -> str:
    """The name of what `block` is about: the nearest heading that names something, else the
    note's title."""
    return naming_heading(ctx, block.heading) if block.heading is not None else ctx.note.title


def subject_above(ctx: Context, block: Block) -> str | None:
    """The nearest heading over `block` that names a subject, or None where none does. A label,
    a slot of the author's template, an aspect, a numbered part of a course, a count of kinds or
    a common word or two ("Overview", "Advantages", "Unit 3", "3 main kinds", "原理介绍",
    "Basics") says what kind of fact the items are but not whose, and is passed over for the
    heading above it, and so is an item that a dash under it made a heading (`- Ball-and-socket`
    over `\t- `): an item names no subject of its siblings. Never the note's title: under no
    heading that names something it is the file's name, or a heading passed over already."""
    n = block.heading
    while n is not None:
        heading = ctx.blocks[n]
        title = heading_title(heading)
        listed = ITEM_MARK.match(ctx.line_text(heading.line))
        if not listed and n not in ctx.organising and names_subject(title):
            return title
        n = heading_above(ctx, n)
    return None


#: How long a text that is only a definition label can be ("**Definition:**", "定义："): a
#: cheap precheck before the markup is stripped.
_LABEL_CHARS = 20


def is_definition_label(text: str) -> bool:
    """`text` only says that a definition follows ("**Definition:**", "定义：", the tables'
    `definition_labels`), naming nothing of its own."""
    return (
        len(text) <= _LABEL_CHARS
        and DEFINITION_LABEL.match(strip_markup(text).strip(" *_:：")) is not None
    )


def placed(owner: str, front: str) -> str:
    """`front` asked under the subject `owner` it is a part, a point or a row of, written the one
    way every rule writes a place (`TCP Congestion Control › Slow start`), so that a learner
    reads the same mark for "of" in every card. A front that only says the definition follows
    ("**Definition:** Anything an organization considers valuable." under `## Asset`, the
    tables' `definition_labels`) asks the subject itself, by its name: `Asset`, not
    `Asset › Definition`; a label that names an aspect (`Purpose`, `优点`) stays."""
    if is_definition_label(front):
        return owner
    return f"{owner} › {front}"


def asked_under(owner: str | None, front: str) -> str:
    """`front` asked under `owner` (`placed`) where there is one and the front does not name it
    already: "Sorting › Bubble sort › Sorting" says the subject twice. Each rule decides first
    which subject it means and what else makes it keep a front bare; this is the guard all share."""
    if owner is None or names_already(front, owner):
        return front
    return placed(owner, front)


#: The shortest name whose letters inside a longer word of a title are still that name, inflected
#: or compounded ("Cost" in "Costs", "Analyse" in "Materialanalyse"); the letters of a shorter
#: one (a letter, a symbol, an abbreviation) turn up inside many words that do not name it.
_STEM = 4


def names_already(title: str, name: str) -> bool:
    """Whether `title` (a heading, an owner, a front) names `name` already, so that asking
    `name` under it would say the subject twice. A Latin-script name shorter than `_STEM` counts
    only as a whole word of the title: the row `A` of an ABC analysis is not named by "Einkauf
    und Materialanalyse", nor Vim's key `i` by "Vim 快捷键", though their letters are there.
    CJK writes no spaces between words, and any run of its characters counts."""
    t, n = title.casefold(), name.casefold().strip()
    at = t.find(n)
    if at < 0 or len(n) >= _STEM or not n or not _in_word(n[0]):
        return at >= 0
    while at >= 0:
        end = at + len(n)
        if (at == 0 or not _in_word(t[at - 1])) and (end == len(t) or not _in_word(t[end])):
            return True
        at = t.find(n, at + 1)
    return False


def _in_word(char: str) -> bool:
    """A letter or digit a Latin-script word goes on with (CJK characters join no words)."""
    return char.isalnum() and not has_cjk(char)


@lru_cache(maxsize=NOTE_CACHE)
def names_subject(title: str, max_units: int = 8) -> bool:
    """Whether a heading's words name a subject on their own: a distinctive name
    (`is_distinctive`: "TCP", "Photoelectric Effect", "Henry VIII") or a CJK name that ends on
    no topic suffix ("堆排序", not "原理介绍"); not a label, an aspect, a numbered part or the
    point of a section ("Key Distinctions", "Main Findings"), nor a part of a course or a question
    to its reader that only title case makes look like a name ("Chapter Summary", "What You Will
    Learn"): its items are the subject's above it. `max_units` bounds a name's length: a name
    that joins two names ("最低纲领和最高纲领") may take twice a name's."""
    if GENERIC_FRONT.match(title) or is_list_label(title) or COUNTED_KIND.match(title):
        return False
    if POINT_LABEL.match(title) or SECTION_LABEL_HEADING.match(title):
        return False
    if aspect_phrase(title) or (NUMBER_MARK.search(title) and NUMBERED_SECTION.search(title)):
        return False
    if has_cjk(title):
        return TOPIC_SUFFIX.search(title) is None and names_a_thing(title, max_units=max_units)
    return is_distinctive(title) and names_a_thing(title, max_units=max_units)


def parent_name(ctx: Context, block: Block) -> str | None:
    """The name of the item `block` is nested under (`- 分布式操作系统` over `- 特點:` and
    `- 優點:`), when that item is a name: an aspect set off under it is the item's, not the
    section's, where sibling names each have their own (`整體式結構`, `層次式結構`)."""
    if block.kind != "item" or block.parent is None:
        return None
    name = strip_markup(clean_card_text(ctx.blocks[block.parent].text)[0]).strip()
    name = name.rstrip(":：").strip()
    if "\n" in name or not is_term(name) or is_label(name) or is_list_label(name):
        return None
    return name


#: How long a line over code may be and still only caption it ("Code snippet", "代码").
MAX_CAPTION_UNITS = 4
_SENTENCE_MARKS = (".", "。", "!", "！", "?", "？", ";", "；", ":", "：")


def drop_caption(text: str) -> str:
    """`text` without its last line when that line only captions the code block after it
    ("Code snippet", as a chat tool's copy leaves it): a few words with no sentence mark, under
    text of their own. An answer that leaves the code out leaves its caption out too."""
    head, _, last = text.rstrip().rpartition("\n")
    plain = strip_markup(last).strip()
    if not head.strip() or not plain or units(plain) > MAX_CAPTION_UNITS:
        return text
    return text if plain.endswith(_SENTENCE_MARKS) else head


@lru_cache(maxsize=NOTE_CACHE)  # asked of a line's term by several rules
def is_label(text: str) -> bool:
    """A word that labels rather than names ("N.B", "Example", "Summary", "Beispiel")."""
    plain = strip_markup(text).strip(" .:：")
    return bool(is_label_word(plain) or is_structural(plain))


#: How many leaf headings that name things, side by side under one heading, make a glossary
#: told in headings ("#### Scale" / "The way phenomena can be examined at spatial levels"); a
#: pair is one ("### Fluid intelligence" / "lose recall memory …" beside "### Crystalline
#: intelligence" / "accumulated knowledge does not decline with age").
MIN_GLOSSARY_HEADINGS = 2
#: How many such headings make a glossary whose paragraphs may define their own subject: a
#: pair of sections that each open by defining something else ("## Physiologie cellulaire" /
#: "L'osmose est un phénomène …") is a pair of topics, not of terms.
MIN_SURE_GLOSSARY = 3
_WORDY = re.compile(r"[^\W\d_]{3,}")


def heading_glossaries(ctx: Context) -> dict[int, int]:
    """The headings that are entries of a glossary told in headings, each with the number of
    its entries: leaf headings among MIN_GLOSSARY_HEADINGS or more sibling leaves (same level,
    same parent) that each name a thing. Their short paragraphs explain them even where they
    never repeat the name."""
    headings = [m for m, block in enumerate(ctx.blocks) if block.kind == "heading"]
    groups: dict[tuple[int, int | None], list[int]] = {}
    for k, m in enumerate(headings):
        block = ctx.blocks[m]
        after = ctx.blocks[headings[k + 1]] if k + 1 < len(headings) else None
        if after is not None and after.level > block.level:
            continue  # it opens a part of the note: no leaf
        title = heading_title(block)
        if not names_a_thing(title, max_units=6) or _WORDY.search(title) is None:
            continue
        if PREPOSITION.match(title):
            continue  # "Nach Aristoteles": whose view, not a term
        groups.setdefault((block.level, heading_above(ctx, m)), []).append(m)
    return {
        m: len(group)
        for group in groups.values()
        if len(group) >= MIN_GLOSSARY_HEADINGS
        for m in group
    }


#: A mark of a clause or a sentence, or a label's colon at the end: no name holds one.
_CLAUSE_MARK = re.compile(r"[。！!；;，,?？]|[:：.]$")


def names_a_thing(title: str, *, max_units: int = 8) -> bool:
    """A short name ("Primary key", "Dialyse"), not a label, a sentence or a decoration."""
    if not title or _CLAUSE_MARK.search(title):  # (one search in C first)
        return False
    if is_label(title) or is_decorated(title) or is_first_person(title):
        return False
    return 1 <= units(title) <= max_units


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, in order, as `SENTENCE` ends them: not at the full stop
    of "e.g." or of "etc." that the sentence goes on after ("(e.g. estrogen …)", "root extraction
    etc. on polynomial functions"), where a splitter of its own cut the answer short."""
    return [s.strip() for s in SENTENCE.findall(" ".join(text.split("\n"))) if s.strip()]


#: How much of a section's first sentence is read for the subject it speaks of.
_OWNER_REACH = 160
#: How many CJK characters in a row two names must share to speak of one thing ("长文本").
_SHARED_CJK = 3
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9]")
# a heading numbered as a part of a course, the number run into its words: "6.信息检索", "2、…"
_NUMBERED_PART = re.compile(r"\d+(?:\.\d+)*[.、．]")
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9]+(?![A-Za-z])")
_LONG_LATIN = re.compile(r"[A-Za-z]{4,}")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]{3,}")


def speaks_of_owner(title: str, owner: str, answer: str) -> bool:
    """ "#### 并行训练" under "### Transformer 的优势", its section opening "Transformer 不依赖
    上一步的输出，…": a heading of CJK words alone whose section opens speaking of the subject
    it sits under (a name the owner shares with the first sentence: an acronym, a Latin word,
    three characters in a row) is a point or a part of that subject, asked under it. Four
    characters make a CJK heading distinctive (`is_distinctive`) whether it names a thing
    ("最短路径算法") or a point of one ("并行训练", "参数估计"), and only its section tells
    which; a section that opens with the heading's own name defines it, a heading with Latin
    letters or digits in it ("KV 缓存", "T5 式") names its own subject, and one the owner holds
    already ("4. 张量并行" over "张量并行") is asked as it is; a numbered part of a course names
    no subject to ask under."""
    if not has_cjk(title) or _LATIN_OR_DIGIT.search(title) or title in owner:
        return False
    if _NUMBERED_PART.match(owner) or (
        NUMBER_MARK.search(owner) and NUMBERED_SECTION.search(owner)
    ):
        return False  # "6.…", "第一章：…": a part of a course, whose sections are its topics
    found = sentences(strip_markup(answer[: 2 * _OWNER_REACH]))
    opening = found[0][:_OWNER_REACH] if found else ""
    if not opening or opening.startswith(title):
        return False
    return not _name_keys(owner).isdisjoint(_name_keys(opening))


def _name_keys(text: str) -> set[str]:
    """What two texts naming one subject may share: an acronym, a Latin word by its first
    letters, three CJK characters in a row."""
    names = {m.group() for m in _ACRONYM.finditer(text)}
    names.update(w[:5].casefold() for w in _LONG_LATIN.findall(text))
    return names | cjk_triples(text)


def cjk_triples(text: str) -> set[str]:
    """Every `_SHARED_CJK` CJK characters in a row in `text`: what two CJK texts share when
    they speak of one thing, where no spaces mark their words."""
    return {
        run[i : i + _SHARED_CJK]
        for run in _CJK_RUN.findall(text)
        for i in range(len(run) - _SHARED_CJK + 1)
    }


_CELL_SPLIT = re.compile(r"(?<!\\)\|")
_RULE_ROW = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?\s*$")


def counts_parts(sentence: str) -> bool:
    """The sentence counts the parts or kinds of something ("there are two", "four types of",
    "分为三类") or ends on a count and what it counts ("… has two main goals."), not on "the two
    main goals", which were named before: what they are is still to come."""
    if COUNT_LEAD.search(sentence) or KIND_COUNT.search(sentence):
        return True
    words = sentence.rstrip(" .。:：").split()
    return any(
        COUNTED_KIND.match(" ".join(words[-k:]))
        and not (len(words) > k and ARTICLE.fullmatch(f"{words[-k - 1]} "))
        for k in range(2, _COUNTED_WORDS + 1)
        if len(words) >= k
    )


#: How many words a count and what it counts may take at the end of a sentence: "two main goals".
_COUNTED_WORDS = 4


def only_counts(sentence: str) -> bool:
    """The sentence closes on its count ("Enzyme activity is shaped by three main factors.",
    "There are several kinds of rock."): it says how many things its section goes on to tell
    and nothing of them. Not one that goes on past the count to say what they do ("模型把推理
    分为两步来减少显存占用", "Il existe deux méthodes qui mesurent …"): it says more. Nor a long
    one: "First isolated in 1825, it is a flat ring of six carbon atoms." ends on a count of
    what it tells of."""
    if units(sentence) > _COUNTING_MOST:
        return False
    found = COUNT_LEAD.search(sentence) or KIND_COUNT.search(sentence)
    if found is None:
        # "two cases: the list is empty, or it holds many items": named after the colon
        return ":" not in sentence and "：" not in sentence and counts_parts(sentence)
    tail = sentence[found.end() :].rstrip(" .。:：")
    return units(tail) <= _COUNTED_TAIL and not _NAMING.search(tail)


#: How many reading units a sentence that only counts runs to ("The energetic cost of it can
#: generally be explained by three causative factors." is 14).
_COUNTING_MOST = 16
#: How many reading units may follow a count before the sentence ends: "there are several |
#: kinds of igneous rock" names the kind of the items, not the items.
_COUNTED_TAIL = 6
_NAMING = re.compile(r"[:：,，、(（\-–—]")


def table_rows(ctx: Context, block: Block) -> list[list[str]]:
    """A table block's rows as written, header first, each a list of its cells (escaped pipes
    unescaped); the delimiter row and blank lines are not rows."""
    rows = []
    for line_no in range(block.line, block.end + 1):
        line = ctx.line_text(line_no).strip()
        if _RULE_ROW.match(line) or not line:
            continue
        if line[:1] in "-*+" and line[1:2].isspace() and line[1:].lstrip()[:1] == "|":
            # "- | Case | Singular |", "-   | Rods | Cones |": a table opening a list item, its
            # mark followed by one space or by the padding a formatter aligns items with
            line = line[1:].lstrip()
        line = line.removeprefix("|").removesuffix("|") if "|" in line else line
        rows.append([c.strip().replace("\\|", "|") for c in _CELL_SPLIT.split(line)])
    return rows


# inline math as Pandoc reads it: an opening "$" with no space after it, a closing one with no
# space before it and no figure after it (so "$5 | $10" is two prices, no math); `_CUT` stands
# where a cell ended, so a span that holds one ran across a pipe
_CUT = "\x00"
_MATH_SPANS = re.compile(
    r"(?<![\\$])\$(?![\s$])[^$\x00]*?(?<![\s\\])\$(?![\d$])"  # closed within its cell
    r"|(?P<cut>(?<![\\$])\$(?![\s$])[^$]*?\x00[^$]*?(?<![\s\\])\$(?![\d$]))"
)


def math_cut_at(row: list[str]) -> int | None:
    """The first cell of a table row whose math ran across the cell's pipe (`| Converges if
    $|r| < 1$ |`), or None: the pipe of the math (an absolute value, a norm) ends the cell, as
    markdown-it, GitHub and Obsidian all read it, so that cell and every one after it are pieces
    of the math under the wrong columns, and the author's own table shows them broken; the
    cells before it still stand where they were written. Math closed within its cell, however
    many pipes the row has, cuts nothing."""
    if sum("$" in cell for cell in row) < 2:
        return None  # math cut in two leaves a "$" in two cells: the cheap test first
    joined = _CUT.join(row)
    # spans are paired left to right, so "| $a$ | $b$ |" pairs each cell's own two signs
    for found in _MATH_SPANS.finditer(joined):
        if found.group("cut"):
            return joined.count(_CUT, 0, found.start())
    return None


def section(ctx: Context, n: int) -> list[Block]:
    """The blocks between heading `n` and the next heading, whatever its level."""
    out = []
    blocks = ctx.blocks
    for m in range(n + 1, len(blocks)):  # not a slice: copying the rest per heading is quadratic
        if blocks[m].kind == "heading":
            break
        out.append(blocks[m])
    return out


# "**ELMo**", "**马吕斯定律**：", "**Strict stationarity:**": a paragraph that is only a bold name
_BOLD_NAME = re.compile(r"^(?:\*\*|__)(?P<name>[^*_\n]{1,60}?)[:：]?(?:\*\*|__)\s*[:：]?\s*$")


def bold_name_above(ctx: Context, block: Block, m: int) -> str | None:
    """The name a bold line alone right above a top-level list gives its items: `**ELMo**` over
    `- **优点**：…`, `- **缺点**：…` (asked `ELMo › 优点`, not after the section that compares
    ELMo, GPT and BERT), `**马吕斯定律**：` over `- 参数：…`. Not a question or a label. `m` is
    the last block before the list (`Context.before_items`)."""
    if block.kind != "item" or block.parent is not None or m < 0:
        return None
    above = ctx.blocks[m]
    if above.kind != "paragraph" or above.heading != block.heading or "\n" in above.text:
        return None
    found = _BOLD_NAME.match(above.text.strip())
    if found is None:
        return None
    name = strip_numbering(found.group("name").strip()).strip()
    if not name or name.endswith(("?", "？")) or GENERIC_FRONT.match(name) or is_label(name):
        return None
    return name if is_term(name, max_units=16) else None


def opens_part(ctx: Context, n: int) -> bool:
    """Heading `n` has headings under it: the next heading is deeper, so the heading names a part
    of the note, not a term its section explains."""
    blocks = ctx.blocks
    for m in range(n + 1, len(blocks)):  # not a slice: copying the rest per heading is quadratic
        if blocks[m].kind == "heading":
            return blocks[m].level > blocks[n].level
    return False


def as_list(ctx: Context, items: list[Block]) -> str:
    """Items as Markdown bullets, nested ones indented: an answer that keeps the list's shape."""
    if not items:
        return ""
    base = min(b.level for b in items)
    lines = []
    for block in items:
        text, _, _ = clean_card_text(block.text)
        if text and not is_link_only(text):
            lines.append("  " * (block.level - base) + "- " + text)
    return "\n".join(lines)


def items_after(ctx: Context, n: int) -> list[Block]:
    """The list that follows block `n`: its nested items if it is an item, else the items right
    after it (a paragraph introducing a list)."""
    block = ctx.blocks[n]
    out: list[Block] = []
    if block.kind == "item":
        for m in range(n + 1, len(ctx.blocks)):
            nested, parent = ctx.blocks[m], ctx.blocks[m].parent
            while parent is not None and parent != n:
                parent = ctx.blocks[parent].parent
            if parent != n:
                break
            if nested.kind == "item":
                out.append(nested)
        return out
    for m in range(n + 1, len(ctx.blocks)):
        nxt = ctx.blocks[m]
        if nxt.kind != "item" or nxt.heading != block.heading:
            break
        out.append(nxt)
    return out


# an item that is a term and its definition of its own: "**Load**: …", "**Rule 1:** …",
# "**static** - …", "Bus de datos: …", "duplicated code - …"
_LED = re.compile(
    r"^(?:\*\*[^*\n]{1,50}?(?:[:：]\*\*|\*\*\s*(?:[:：]|[-–—]\s))"
    r"|[^:：\s][^:：\n]{0,40}(?:[:：]|\s[-–—])\s)"
)


def is_led(item: Block) -> bool:
    """The item opens with a term and goes on to say what it is (`- intake - of food`)."""
    return _LED.match(clean_card_text(item.text)[0].strip()) is not None


# where a led item's term ends: its colon, or a dash between spaces
_LED_END = re.compile(r"[:：]|\s[-–—]\s")


def defines_terms(items: list[Block]) -> bool:
    """Every item is a term of its own and its definition (`- Cryosphere - study of ice`,
    `- **Gravitational water** - water that …`): those items are the cards, and what they are
    nested under, or the heading over them, is not what they say. A label or a numbered part
    (`- **Stage 1** - …`, `- Goal: …`) is an aspect of what they sit under, no term."""
    if not items:
        return False
    for item in items:
        text = clean_card_text(item.text)[0].strip()
        if _LED.match(text) is None:
            return False
        term = strip_markup(_LED_END.split(text, maxsplit=1)[0]).strip(" *")
        if not is_term(term) or is_label(term):
            return False
    return True


def labels_list(item: Block) -> bool:
    """A list item that ends with a colon over items nested under it (`- Determinants:` /
    `  - Price sensitivity`): it labels a list of its own, a sub-heading of whatever holds it."""
    return bool(item.children) and clean_card_text(item.text)[0].rstrip().endswith((":", "："))


def lists_entries(items: list[Block]) -> bool:
    """Half the items or more are each a term and its definition (`- **Load**: …`,
    `- **Store**: …`): a glossary whose items are the cards, not one answer to learn whole."""
    return sum(map(is_led, items)) * 2 >= len(items)


_NAMING_TAIL = re.compile(r"[\s,，]*(?:则|就|便|被)?$")
MAX_NAMING = 400
# a bold span, perhaps the words of a link (`[**possível**](color:orange)`)
_BOLD_SPAN = re.compile(r"(\*\*|__)(?P<term>[^*_\n]{1,60}?)\1(?:\]\([^)\s]*\))?")
#: How far before a bold term its naming verb or copula ends at the latest, in characters.
_LEAD = 60


def names_plainly(text: str) -> bool:
    """Whether `PLAIN_NAMER` finds a plain naming verb in `text`, most often read by a search
    led by a plain space. The pattern reads every whitespace character alike (as `\\s`; it holds
    no space, and its one `.` reads a word's first letter), so a line break may stand as a space;
    a text printable once its line breaks are spaces holds no other whitespace."""
    spaced = text.replace("\n", " ") if "\n" in text else text
    if spaced.isprintable():
        return SPACE_NAMER.search(spaced) is not None
    return PLAIN_NAMER.search(text) is not None


def may_name(text: str) -> bool:
    """The cheap test before `named`, `bold_defined` and `introduced`: whether `text` holds a
    namer ("という"), a bold span right after a naming verb or a copula, or one right before an
    appositive. The words are the language tables'."""
    if "と" in text and NAMER.search(text) is not None:
        return True
    if names_plainly(text):
        return True  # "… are known as logic puzzles.": a name in plain words
    if FRAME_LEAD.match(text) is not None or _framed_later(text):
        return True  # "Unter X versteht man …": a name framed in plain words
    if "**" not in text and "__" not in text:
        return False  # no bold span: most text, seen without a regex
    if CALLING.search(text) is not None:
        return True  # "We call $n$ the **degree** …": a bold name for the verb's object
    for m in _BOLD_SPAN.finditer(text):
        start = m.start()
        if start > 1 and BOLD_LEAD.search(text, max(0, start - _LEAD), start):
            return True  # (a bold span opening the text has no lead to read)
        if start > 1 and APPOSITIVE.match(text, m.end()) is not None:
            return True  # "the principle of **X**, which …": a clause says what it is
    return False


# `FRAME_START` (`[\n.!?](?:(?<=\n)|(?<=[.!?])\s+)` and the frame's line, `FRAME_LEAD`) led by
# each of its first characters apart: `re` finds a literal with a fast scan, where the leading
# class cost it a test of the class at every character of the block
_NEWLINE_FRAME = re.compile("\n" + FRAME_LEAD.pattern, FRAME_START.flags)
_FULL_STOP_FRAME, _EXCLAIMED_FRAME, _ASKED_FRAME = (
    re.compile(re.escape(stop) + r"\s+" + FRAME_LEAD.pattern, FRAME_START.flags) for stop in ".!?"
)


def _framed_later(text: str) -> bool:
    """`FRAME_START.search(text)`, searched from each line break and each kind of stop the text
    holds (a test in C first: half the blocks, one line with no stop, hold none)."""
    return (
        ("\n" in text and _NEWLINE_FRAME.search(text) is not None)
        or ("." in text and _FULL_STOP_FRAME.search(text) is not None)
        or ("!" in text and _EXCLAIMED_FRAME.search(text) is not None)
        or ("?" in text and _ASKED_FRAME.search(text) is not None)
    )


# what may stand between a bold name and the condition that gives its meaning: a gloss in
# brackets, a symbol, a comma ("is called **bounded** $A$ if", "is called **even** (symmetric) if")
_GLOSS = re.compile(r"^\s*(?:\([^()\n]{0,80}\)|\$[^$\n]+\$)?\s*,?\s*")


def named(sentence: str) -> tuple[str, str] | None:
    """(name, description) of a sentence that names a thing after describing it ("…を
    **自然失業率**という", the words from the language tables), else None."""
    if len(sentence) > MAX_NAMING or not may_name(sentence):
        return None
    m = NAMING.match(sentence) or NAMED_BOLD.match(sentence) or COMMA_NAMED.match(sentence)
    if m is None:
        return None
    if m.group("back").endswith("-"):
        return None  # "the so-called **X**": a name quoted, not given
    back = _NAMING_TAIL.sub("", m.group("back").strip())
    if CARRIED_OPENER.match(strip_markup(back)):
        return None  # "Otherwise, a reaction occurs, known as **X**": leans on the one before
    if CONDITION.match(_GLOSS.sub("", sentence[m.end() :])):
        back = sentence  # "A function is called **even** if it …": what the name means is the
        # condition after it, the text before it only the kind of thing named
    # "are called the **ATP cycle,** which …": a comma inside the bold is the sentence's
    return strip_markup(m.group("term")).strip().rstrip(",，").rstrip(), back


def called(sentence: str) -> tuple[str, str, bool] | None:
    """(name, the words before the calling verb, whether its object only points back) of a
    sentence whose speaker names the object of a calling verb by a bold name after it ("We call
    $n$ (the highest power) the **degree** of the polynomial.", "If no two inputs share an
    output, we call it a **one-to-one function**.", "We call this the **electric potential**."),
    else None. The name is the sentence's only bold span (several are emphasis)."""
    if len(sentence) > MAX_NAMING or len(_BOLD_SPAN.findall(sentence)) != 1:
        return None
    m = CALLED_BOLD.match(sentence)
    if m is None:
        return None
    pointer = DEICTIC.fullmatch(strip_markup(m.group("object")).strip()) is not None
    term = strip_markup(m.group("term")).strip().rstrip(",，").rstrip()
    return term, strip_markup(m.group("lead")).strip(" ,，"), pointer


#: The longest name given in plain words, in reading units: "propositional calculus or
#: propositional logic"; past it the words after the verb say more than a name.
_PLAIN_NAME = 6


def named_plainly(sentence: str) -> tuple[str, str] | None:
    """(name, description) of a sentence that gives a name in plain words after describing it
    ("Puzzles solved by reasoning alone are known as logic puzzles."), else None. The
    description is one noun phrase, as the subject of a naming verb is when it describes: no
    comma, no second name ("X is called A and Y is called B"), no condition ("When it holds,
    the estimator is called …") and nothing set in bold (a bold name is `named`'s; a bold title
    run into the sentence is no part of it)."""
    if len(sentence) > MAX_NAMING or "**" in sentence or "__" in sentence:
        return None
    plain = strip_markup(sentence)
    m = NAMED_PLAIN.match(plain)
    if m is None:
        return None
    back = m.group("back").strip()
    if any(mark in back for mark in ",，;；:：") or names_plainly(f" {back} "):
        return None
    if CONDITION.match(back) or CARRIED_OPENER.match(back) or points_back(back):
        return None  # "If …, they are called …", "This …": the description is elsewhere
    term = m.group("term").strip()
    if re.search(rf"(?<!\w){re.escape(term)}(?!\w)", back, re.I):
        return None  # "The intervals of a diatonic scale are called diatonic.": says it again
    if not is_term(term, max_units=_PLAIN_NAME) or not is_explanation(back, min_units=5):
        return None  # "The inverse CDF is also known as …": a name given another, no description
    return term, back


#: How far a name in a naming frame reaches, in characters: "Unter X versteht man" names a
#: term, not a clause.
_FRAMED_NAME = 60


def framed(sentence: str) -> tuple[str, str] | None:
    """(name, description) of a sentence that opens by framing the name it gives, the
    description after the frame ("Unter X versteht man …", "Se llama X a …", "Con X si intende
    …", "On appelle **X** …": the tables' `naming_frames`), else None. The name is a few words,
    no comma; the description says something of its own."""
    if len(sentence) > MAX_NAMING or FRAME_OPENER.match(sentence) is None:
        return None
    if CARRIED_OPENER.match(sentence) or EXAMPLE_MARK.match(sentence):
        return None  # "Por lo tanto se entiende que …", "Unter anderem versteht man …"
    for opener, closer in NAMING_FRAMES:
        lead = opener.match(sentence)
        if lead is None:
            continue
        rest = sentence[lead.end() :]
        if closer is None:
            bold = _BOLD_SPAN.match(rest)
            if bold is None:
                continue
            term, back = bold.group("term"), rest[bold.end() :]
        else:
            end = closer.search(rest, 0, _FRAMED_NAME)
            if end is None:
                continue
            term, back = rest[: end.start()], rest[end.end() :]
        term, back = strip_markup(term).strip(), back.strip()
        if any(mark in term for mark in ",，;；:：") or not is_term(term, max_units=_PLAIN_NAME):
            continue
        if DEICTIC.match(term) or not is_explanation(back, min_units=5):
            continue
        return term, back
    return None


#: A condition word this many words after the bold term at most still belongs to the term,
#: the words between only its complement: prepositions, short words and math ("es un
#: **subespacio invariante** de $A$ si", "es **semejante** a $B$ si"). After other words it
#: belongs to a clause of their own ("are **curved** cells that open when …").
_CONDITION_WORDS = 4
_SHORT_WORD = 3
_MATH = re.compile(r"\$[^$]+\$")


def _complement(text: str) -> bool:
    """Whether `text`, between a bold term and its condition word, only completes the term."""
    words = _MATH.sub("$", text).replace(",", " ").split()
    return len(words) <= _CONDITION_WORDS and all(
        w.startswith("$") or len(w) <= _SHORT_WORD or COMPLEMENT_WORD.match(w) for w in words
    )


def points_back(text: str) -> bool:
    """A pronoun or demonstrative in `text` that points at the text before ("This is known as
    …", "若 A 满足这个条件"); a relative word after a noun ("the theory that moral statements
    …") only opens a clause of the same sentence."""
    if DEICTIC.search(text) is None:
        return False
    return DEICTIC.search(RELATIVE_WORD.sub(" ", text)) is not None


def _lone_bold(sentence: str) -> re.Match[str] | None:
    """The one bold span of a sentence short enough to name something, else None: several
    spans are emphasis, not a name."""
    if len(sentence) > MAX_NAMING:
        return None
    spans = list(_BOLD_SPAN.finditer(sentence))
    return spans[0] if len(spans) == 1 else None


def bold_defined(sentence: str) -> str | None:
    """The term a sentence defines by setting it in bold inside it, else None: after a naming
    verb ("Se le denomina **X** de λ a …", "um SEL diz-se [**possível**](…) caso …"), after a
    copula with a condition after it ("A is **bounded** if …", "es **semejante** a B si …"), or
    after a copula and before an appositive clause ("One approach is **polling**, where …").
    The term is the sentence's only bold span (several are emphasis) and not its first words
    (a bold subject is `split_sentence_definition`'s). The words are the language tables'."""
    m = _lone_bold(sentence)
    if m is None:
        return None
    before = strip_markup(sentence[: m.start()]).strip(" -*+>[")
    if not before or points_back(before):
        return None  # a bold subject; "This is known as **X**": what it names is elsewhere
    term = m.group("term").strip()
    after = sentence[m.end() :]
    if term.endswith((",", "，")):  # "**ATP cycle,** which …": the comma inside the bold
        term, after = term[:-1].rstrip(), term[-1] + after
    lead = sentence[max(0, m.start() - _LEAD) : m.start()]
    name = strip_markup(term).strip()
    lead_verb = NAMING_LEAD.search(lead)
    if lead_verb and not lead[: lead_verb.start()].endswith("-"):  # not "so-called **X**"
        named_by = strip_markup(sentence[: m.start() - len(lead) + lead_verb.start()])
        if "$" in named_by and not _MATH.sub("", named_by).strip(" ,"):
            return None  # "$W$ is also called a **UMVUE**": a symbol named, nothing said
        return name
    if LINKING_LEAD.search(lead):  # "every transaction creates **outputs**, which …" tells
        if APPOSITIVE.match(after):  # what outputs do; "… is **polling**, where …" says what it is
            return name
        cond = CONDITION.search(after)
        if cond and _complement(after[: cond.start()]):
            return name
    return None


def introduced(sentence: str) -> str | None:
    """The term a sentence introduces in bold and describes in a clause right after it ("… the
    principle of **popular sovereignty**, which shifted …", "… face a **sudden stop** — an
    abrupt reversal …"), else None: an article, a preposition or a naming participle before
    the bold span (a bare name, "Even **Japan**, which …", is an example), an appositive after
    it. The term is the sentence's only bold span (several are emphasis), not its subject, and
    not after a copula (`bold_defined`'s shape, which "This is the **X**, which …" fails: it
    names what came before). The words before may point back ("… these estimates never agree,
    and the residual is reported as a **X** — a …"): the clause after the term says what it
    is."""
    m = _lone_bold(sentence)
    if m is None or not strip_markup(sentence[: m.start()]).strip(" -*+>["):
        return None  # a bold subject
    lead = sentence[max(0, m.start() - _LEAD) : m.start()]
    if not INTRODUCING_LEAD.search(lead) or not APPOSITIVE.match(sentence, m.end()):
        return None
    if LINKING_LEAD.search(lead):
        return None
    return strip_markup(m.group("term")).strip()


def names_some(rest: str) -> bool:
    """A list of names or features ("bathing, dressing, eating"), not a value or a link: in a
    glossary, a whole answer."""
    plain = strip_markup(rest).strip()
    if (
        has_cjk(plain)
        or any(map(str.isdigit, plain))
        or "$" in plain
        or ":" in plain
        or "：" in plain
    ):
        return False  # CJK lists of names are read by the stricter rules; values and math are not
    return is_enumeration(plain) and not is_local_link(plain)


#: The lists a glossary check found, by (parent item, heading), and each one-line item's reading.
Glossaries = tuple[set[tuple[int | None, int | None]], dict[int, tuple[str, str] | None]]


def glossary_lists(
    ctx: Context, hinted: Callable[[str], bool], read: Callable[[str], tuple[str, str] | None]
) -> Glossaries:
    """The lists (by parent item and heading) holding MIN_GLOSSARY or more free one-line items
    that `read` takes as a term and its answer, or only MIN_RUN items that both are or open the
    list (a list of two terms under their topic: "- Perfect cadence: sounds finished",
    "- Imperfect cadence: sounds unfinished", though not two cases with a verdict each:
    "- House: yes"), and each
    item's reading (read once, here: the rule keeps it only where the list is a glossary).
    `hinted` is a cheap test before `read`."""
    counts: dict[tuple[int | None, int | None], int] = {}
    loose: dict[int, tuple[str, str] | None] = {}
    for n, block in ctx.one_line_items:
        if not hinted(block.text):
            continue
        loose[n] = found = read(block.text)
        if found is not None:
            key = (block.parent, block.heading)
            counts[key] = counts.get(key, 0) + 1
    glossaries = {key for key, count in counts.items() if count >= MIN_GLOSSARY}
    if any(MIN_RUN <= count < MIN_GLOSSARY for count in counts.values()):
        glossaries.update(_pairs(ctx, counts, loose))  # rare: most notes pass over it
    return glossaries, loose


def _pairs(
    ctx: Context,
    counts: dict[tuple[int | None, int | None], int],
    loose: dict[int, tuple[str, str] | None],
) -> set[tuple[int | None, int | None]]:
    """The lists whose entries, MIN_RUN or more and fewer than MIN_GLOSSARY, are all their
    items or open them, points with no separator following ("- Red giant - swollen star" /
    "- White dwarf - stellar remnant" / "- Both are late stages of a star's life": the kinds
    glossed first, then what they share; not "- Eggs: twelve" after two such items, an entry
    that says nothing, nor "- Primary key unique -> so …", a cause), none a verdict on a case
    ("- House -> Yes", "- Car -> No")."""
    items: dict[tuple[int | None, int | None], list[int]] = {}
    for n, block in enumerate(ctx.blocks):
        if block.kind == "item":
            items.setdefault((block.parent, block.heading), []).append(n)
    return {
        key
        for key, count in counts.items()
        if MIN_RUN <= count < MIN_GLOSSARY
        and all(loose.get(n) for n in items[key][:count])
        and not any(n in loose for n in items[key][count:])
        and not any(_verdict(loose.get(n)) for n in items[key])
    }


def _verdict(entry: tuple[str, str] | None) -> bool:
    return entry is not None and NO_ANSWER.match(strip_markup(entry[1]).strip(" .!")) is not None


#: In a paragraph glossary at least this share of the lines are entries (the rest continue an
#: entry, or name a term its author has not defined yet).
GLOSSARY_LINES = 0.5
#: The term of a paragraph glossary's entry is a name of at most this many words: a longer one
#: ("Tiere haben keinen Humor - …") is a claim and its reason, not a term.
MAX_GLOSSARY_TERM = 3


def _leading(found: dict[int, dict[int, tuple[str, str]]]) -> bool:
    """Each entry opens its paragraph or follows an entry: a line after prose that is not one
    ("… All passions, therefore, are" / "errors of judgement: they …") goes on with a sentence."""
    return all(k == 0 or k - 1 in lines for lines in found.values() for k in lines)


#: A run of two such lines is a glossary where another run of the note is one, or where both
#: explain.
MIN_RUN = 2
#: Where the separator after such a term stands at the latest: within this many characters.
_ENTRY_HEAD = 80


# the separator an entry's line sets between its term and its answer, markup left out
_MARK_TAIL = re.compile(r"(?:->|=>|[-–—=:：|→⇒⟶])+$")


def _mark(line: str, answer: str) -> str:
    """The separator of an entry (`-`, `=`, `->`, `:`), read where its answer starts: dashes of
    any length are one mark."""
    head = strip_markup(line[: line.rfind(answer)]).rstrip(" *_")
    m = _MARK_TAIL.search(head)
    return m.group().replace("–", "-").replace("—", "-") if m else ""


def _gloss(answer: str) -> bool:
    """A short answer that glosses ("Song Dynasty invention"), not a list of names."""
    return not names_some(answer)


def _one_mark(
    found: dict[int, dict[int, tuple[str, str]]],
    lines: list[tuple[int, int, str]],
) -> dict[int, dict[int, tuple[str, str]]]:
    """The entries of a run of lines mixed with prose ("Better mapmaking" between
    "Astrolabe - used to determine latitude" and "Caravel - sturdier ship …"): those that share
    one separator, when they are GLOSSARY_LINES of the lines and MIN_RUN of them explain, the
    others' short answers kept when they are no list; an entry after a line cut mid-sentence
    goes on with its prose and is none."""
    text = {(n, k): line for n, k, line in lines}
    marks: dict[str, dict[int, dict[int, tuple[str, str]]]] = {}
    for n, entries in found.items():
        for k, entry in entries.items():
            above = text.get((n, k - 1))
            if above is not None and is_cut(above):
                continue
            mark = _mark(text[(n, k)], entry[1])
            if mark:
                marks.setdefault(mark, {}).setdefault(n, {})[k] = entry
    for same in marks.values():
        if sum(map(len, same.values())) < GLOSSARY_LINES * len(lines):
            continue
        explained = {
            (n, k) for n, at in same.items() for k, e in at.items() if is_explanation(e[1])
        }
        if len(explained) < MIN_RUN:
            continue
        # a short answer is a gloss ("Song Dynasty invention"); a list of names ("addition,
        # scaling, inner products") answers only in a glossary all of whose lines are entries
        return {
            n: kept
            for n, at in same.items()
            if (kept := {k: e for k, e in at.items() if (n, k) in explained or _gloss(e[1])})
        }
    return {}


def glossary_paragraphs(
    ctx: Context, hinted: Callable[[str], bool], read: Callable[[str], tuple[str, str] | None]
) -> dict[int, dict[int, tuple[str, str]]]:
    """Glossaries written without list marks, one entry a line: a paragraph of softbroken lines,
    or a run of one-line paragraphs under one heading, where MIN_GLOSSARY or more lines (and
    GLOSSARY_LINES of them) read as a short term and its answer, MIN_GLOSSARY of the answers
    explaining (a plan, "Monday - rest", is no glossary), or MIN_RUN entries that all explain
    ("Unipolarity - one state that …" / "Bipolarity - two main powers …"). By paragraph, the
    readings of its lines (by offset). `hinted` is a cheap test before `read`."""
    out: dict[int, dict[int, tuple[str, str]]] = {}
    shorter: list[dict[int, dict[int, tuple[str, str]]]] = []
    for lines in ctx.paragraph_runs:
        # a term of a few words puts its separator near the start of the line: the cheap test
        # on that head finds the candidate lines, most prose has too few to read any
        marked = [(n, k, line) for n, k, line in lines if hinted(line[:_ENTRY_HEAD])]
        if len(marked) < MIN_RUN or len(marked) < GLOSSARY_LINES * len(lines):
            continue
        found: dict[int, dict[int, tuple[str, str]]] = {}
        count = explained = 0
        for n, k, line in marked:
            entry = read(line)
            if entry is not None and len(entry[0].split()) <= MAX_GLOSSARY_TERM:
                found.setdefault(n, {})[k] = entry
                count += 1
                if explained < MIN_GLOSSARY and is_explanation(entry[1]):
                    explained += 1  # counted up to the threshold: the test reads the answer
        if count < GLOSSARY_LINES * len(lines):
            continue
        if explained >= MIN_GLOSSARY or (MIN_RUN <= explained == count and _leading(found)):
            out.update(found)
        elif (same := _one_mark(found, lines)) and (count < len(lines) or same == found):
            out.update(same)  # (a run of entries only, all kept, or one mixed with prose)
        elif count == len(lines):
            shorter.append(found)
    if out:  # the note writes its glossary so: a shorter run of such lines is one too
        for found in shorter:
            out.update(found)
    return out


ENTRY_MARK = re.compile(r"\s(?:[-–—]|==?)\s|->|=>|→")
#: How far into an item's first line the mark after its term may stand.
ENTRY_REACH = 30


def opens_term(block: Block, line: str) -> bool:
    """List item `block`, whose first line reads `line` (plain), opens with a term of its own:
    set off by a dash or an arrow (`- root position - root, 3rd, 5th`, `- Rainfall -> heavy
    drops …`), or a term over the items nested under it (`- Paging` / `  - divides memory …`)."""
    return ENTRY_MARK.search(line, 0, ENTRY_REACH) is not None or bool(
        block.children and is_term(line)
    )


# the head noun of a heading that names a collection: its last word, or the word before a
# preposition ("Triads of GA", "Similar matrices", "Noble gases in industry")
_HEAD_NOUN = re.compile(r"([A-Za-z]+)(?:\s+(?:of|in|for|on|at|during)\b.*)?$", re.I)
_PLURAL = re.compile(r"[a-z]{2,}(?<!ss)(?<!us)(?<!is)s$", re.I)


def plural_title(title: str) -> bool:
    """The heading names a collection: its head noun is plural (`Triads of GA`, `Rivers`)."""
    head = _HEAD_NOUN.search(title.strip())
    return head is not None and _PLURAL.fullmatch(head.group(1)) is not None
