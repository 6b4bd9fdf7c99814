"""Tables: a two-column glossary gives a card per row; a table whose rows are named by their
first column (`| Digoxin | Na/K-ATPase inhibitor | arrhythmia |`) gives a card per row and asked
column, its front naming both: "Digoxin › Mechanism".

The asked columns are the one right after the name (what the row is) and any whose header says
it defines ("Definition", "含义"); in a list of three rows or more told by two columns, both, and
in a wider one any later column that tells each row in words ("Texture": "banded or foliated"),
where a spec sheet's later columns hold figures, symbols or marks. A
comparison (`| Feature | Gram-positive | Gram-negative |`) asks each aspect of every thing
compared so, in every script (`| 维度 | TCP | UDP |`), a row a label names (`Examples`) of each
thing, its figures and marks left out cell by cell, and a table whose corner names both what
the rows and what the columns are (`| Method \\ Setting |`) asks every cell. A cell of math
answers when it is a quantity or a formula (`$10^6 - 10^8 K$`), not a lone symbol, and a
reference table's column of formulas (`| Solid | Volume | Surface area |`) is asked in any
table. Tables of numbers (results, benchmarks; a list of named things whose one column of
figures gives each one's quantity, `| Interval | Semitones |`, asks it), of index numbers, of
yes/no marks, of rows named by symbols, of the vault's files and folders or its own kinds of
note, and kinds of a thing side by side (lists of their own, `| Scalar quantities | Vector
quantities |`, a subject's `| Pros | Cons |`) ask nothing, nor does a column of links or one
whose header an earlier column said (`| | 1st | 2nd | 1st | 2nd |`). A first column that
groups, counts or codes the rows hands their names to the next one. A table written in HTML
(`<table>`, as Pandoc or a site writes one) is read as a pipe table (`htmltable`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text, heading_above, heading_title
from .entries import MAX_LINE
from .htmltable import html_table_rows, is_html_table
from .lang import (
    ASIDE_LABEL,
    ASPECT_HEADER,
    ASPECT_LEAD,
    GENERIC_FRONT,
    GLOSS_HEADER,
    INDEX_HEADER,
    NO_ANSWER,
    NUMBERED_SECTION,
    SECTION_LABEL,
)
from .marks import without_marks
from .shape import (
    asked_under,
    is_label,
    math_cut_at,
    names_already,
    placed,
    subject_above,
    table_rows,
)
from .text import SENTENCE, SPACED_DASH, has_cjk, is_distinctive, is_link_only, strip_markup, units

MAX_COLUMNS = 8
#: A table this wide, a name and two columns, tells each row by both, in MIN_LISTED_ROWS rows
#: or more.
NARROW = 3
MIN_LISTED_ROWS = 3
MAX_ROWS = 60
_NOTE_FILE = re.compile(r"\.(?:md|markdown|ipynb|pdf|txt)\s*[⭐*]*$", re.I)


# "student_id", "department_location": a column named the way a database or Dataview names fields
_FIELD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+")


def find(ctx: Context) -> Iterator[Candidate]:
    """Every table's cards; where two tables of the note name rows alike ("Yo" in the table of
    each tense), each front is led by the headings the table sits under until they differ."""
    leads: dict[int, str] = {}
    found = [
        (n, list(_cards(ctx, b, leads, n)))
        for n, b in enumerate(ctx.blocks)
        if b.kind == "table" or is_html_table(b)
    ]
    tables = [(n, cards, False) for n, cards in found if cards]
    if len(tables) > 1:
        tables = _told_apart(ctx, tables)
    for n, cards, told in tables:
        lead = leads.get(n, "")
        # (a table led by its headings to tell it from another names its subject already)
        owner = None if told else subject_above(ctx, ctx.blocks[n])
        for c in cards:
            if lead and lead.casefold() not in c.front.casefold():
                c = replace(c, front=f"{lead} › {c.front}")  # "Tissue Necrosis › Brain › …"
            elif owner and _of_section(c.front, owner):
                c = replace(c, front=asked_under(owner, c.front))  # "Coordination › Impact"
            yield c


#: A digit in a heading marks a numbered part of a course or a page ("Weeks 1–2", "KB s.75"),
#: not the name of what a table's rows belong to.
_NUMBERED = re.compile(r"\d")


def _of_section(front: str, owner: str) -> bool:
    """Whether a row's front (`Lack of Coordination › Impact`) is common words that mean
    something only of the subject its section names (`owner`): no part of it a name on its own
    (`Strength › Sigma (σ) bond`), the heading no numbered part of a course or a page ("Weeks
    1–2", "KB s.75"). A front naming its owner already stays bare by `asked_under`."""
    parts = front.split(" › ")
    if any(is_distinctive(p) for p in parts) or names_already(owner, parts[0]):
        return False
    return not _NUMBERED.search(owner)


#: How many headings up a front may name to tell two tables apart.
MAX_CONTEXT = 2


def _told_apart(
    ctx: Context, tables: list[tuple[int, list[Candidate], bool]]
) -> list[tuple[int, list[Candidate], bool]]:
    """The tables with each one whose fronts clash with another's led by the headings it sits
    under, one more each pass, and marked told apart where any heading now leads it."""
    titles = [_headings(ctx, n) for n, _, _ in tables]
    depth = [0] * len(tables)

    def fronts(k: int) -> list[str]:
        lead = " › ".join(titles[k][len(titles[k]) - depth[k] :])
        return [f"{lead} › {c.front}" if lead else c.front for c in tables[k][1]]

    for _ in range(MAX_CONTEXT):  # each pass leads the clashing tables with one heading more
        seen: dict[str, set[int]] = {}
        for k in range(len(tables)):
            for front in fronts(k):
                seen.setdefault(front.casefold(), set()).add(k)
        clashing = {k for owners in seen.values() if len(owners) > 1 for k in owners}
        grown = [k for k in clashing if depth[k] < len(titles[k])]
        if not grown:
            break
        for k in grown:
            depth[k] += 1
    return [
        (n, [replace(c, front=f) for c, f in zip(cards, fronts(k), strict=True)], depth[k] > 0)
        for k, (n, cards, _) in enumerate(tables)
    ]


def _headings(ctx: Context, n: int) -> list[str]:
    """The titles of the headings above block `n`, outermost first, at most MAX_CONTEXT."""
    titles: list[str] = []
    h = ctx.blocks[n].heading
    while h is not None and len(titles) < MAX_CONTEXT:
        title = heading_title(ctx.blocks[h])
        if title and not is_label(title):
            titles.insert(0, title)
        h = heading_above(ctx, h)
    return titles


def _cards(ctx: Context, block: Block, leads: dict[int, str], n: int) -> Iterator[Candidate]:
    """The cards of one table block (block `n`); where its columns are conditions, its heading
    goes into `leads`, to lead each front once the tables are told apart."""
    if not ctx.free(block):
        return
    if block.kind == "table":
        rows = table_rows(ctx, block)
        # row k of `rows` sits on line k of the table, past the delimiter row from the second on
        row_lines = [block.line + k + (k > 0) for k in range(len(rows))]
    elif is_html_table(block):
        rows, row_lines = html_table_rows(ctx, block)  # "<tr><td>Bernoulli</td>…": a table too
    else:
        return
    if len(rows) < 2:
        return
    header, body = _unshifted(rows[0], rows[1:]), rows[1:]
    lines = row_lines[1:]
    headless = _headless(header, body)
    if headless and any(strip_markup(h) for h in header):
        body, lines = rows, row_lines  # the header row is the first entry
    width = len(header)
    if not 2 <= width <= MAX_COLUMNS or len(body) > MAX_ROWS:
        return
    body, lines = _continued(body, lines)
    if math_cut_at(header) is not None:
        return  # "| $|x|$ | … |": the columns are pieces of the header's math
    # "| **Converges** if $|r| < 1$ |": a pipe of the math ended the cell, and from there on the
    # row's cells are pieces of its math under the wrong columns; they ask nothing, the cells
    # before them are asked as written, and the table is read as it was (its other rows too)
    cut = {k: at for k, r in enumerate(body) if (at := math_cut_at(r)) is not None}
    order = list(range(max(map(len, body))))  # where each cell was written, as columns move
    if any(_FIELD.fullmatch(strip_markup(h)) for h in header):
        return  # "| student_id | department_location |": records of a database, not notes
    if any(_places(body, c) for c in range(width)) or any(_filed(r) for r in body):
        return  # "| Course notes | `Notes/Lectures/` |": the vault's layout
    groups = [""] * len(body)
    if kind := _number_kind(header, body):
        # "| Year | Hospital |" over "| 1577 | Hospital Real de Manila |": each row is named by
        # its number and what the first column says the number is ("Year 1577 › Hospital")
        body = [[f"{kind} {strip_markup(r[0])}", *r[1:]] for r in body]
    elif key := _key_column(body):
        # "| Mechanism | Class | Drug | … |" over "| Cell wall | Penicillins | **Penicillin G** |
        # … |": the first columns sort the rows into groups several rows share, a later one
        # names each row; it keys the row and the grouping columns are what the row is
        # ("Penicillin G › Mechanism"), where the group's value keyed nothing of its own
        header = [header[key], *header[:key], *header[key + 1 :]]
        body = [[r[key], *r[:key], *r[key + 1 :]] for r in body]
        order = [order[key], *order[:key], *order[key + 1 :]]
    elif _grouped(body):
        # "| 唐 | 张旭 | 草书《肚痛帖》 |" under "| 晋 | 王羲之 | … |": the first column groups the
        # rows (a period, a category, a merged cell left blank), the next one names each; a
        # group leads the front of each row it holds ("ctrl+b › c": a key of that prefix)
        if not _counted([strip_markup(r[0]) for r in body]):
            for k, row in enumerate(body):
                groups[k] = strip_markup(row[0]) or (groups[k - 1] if k else "")
        elif _parallel([r[1:] for r in body]):
            return  # "| Rank | Female | Male |" over "| 2 | Lung | Lung |": ranked lists side
            # by side, the names of one the values of another
        header, body = header[1:], [r[1:] for r in body]
        order = order[1:]
        width -= 1
    names = [_name_cell(r[0]) for r in body]
    if sum(_named(n) for n in names) * 2 <= len(names):
        return  # rows not named by a term: an index column, numbers, empty cells
    if any(_ENTRY.match(r[0].strip()) for r in body) and any(
        _entries(body, c) for c in range(1, width)
    ):
        return  # "| Strengths | Weaknesses |" over "| **Holistic** -- … | **Bias** -- … |": lists
        # of entries side by side, no row named
    if is_label(header[0]) and any(len(strip_markup(n)) == 1 for n in names):
        return  # "| Mnemonic | Cancer |" over "| O | Oral |": a cue's letters, no row names
    defines = headless or any(GLOSS_HEADER.match(strip_markup(h)) for h in header[1:])
    # "| 刑法 | case one | … |" over "| 刑法 | case two | … |": a name several rows share names
    # none of them (a subject, an example value, a page), and where half the rows share theirs
    # the first column names no row at all; a glossary's term defined twice is still the term
    glossary = headless or GLOSS_HEADER.match(strip_markup(header[1])) is not None
    shared_names = set() if glossary else _shared_names(body)
    if len(shared_names) * 2 >= len(body):
        return
    grid = not defines and _compares(header)
    if (grid and _kinds_compared(header)) or (not defines and _same_head(header)):
        return  # "| Natürliche Person | Juristische Person |": kinds side by side, no row names
    if not grid and _aspects_side_by_side(header):
        return  # "| Vorteile | Nachteile |" over "| relativ einfach | fehlende Dynamik |": a
        # subject's advantages and disadvantages listed side by side, rows paired by position
    # "| Feature | Gram-positive | Gram-negative |": a comparison, its rows the aspects compared,
    # each row named, each column a thing; a value many rows share (`Absent`) is still what
    # this row says of that thing
    # (a column that defines the row, "| Term | Approx. Date | Significance |", is no thing
    # compared: its rows are terms)
    # the column right after the name says what the row is; later ones only if they define
    # "| Verb | Ud. | Uds. |" over "| dar | dé | den |": every cell after the name a form of a word
    # or two, a paradigm; each column is one form of the row's word
    # (not a table wrapped into pairs of columns, `| 标签 | 含义 | 标签 | 含义 |`)
    forms = (
        width > 2
        and len({strip_markup(h).casefold() for h in header}) == width
        and all(_form(r[c]) for r in body for c in range(1, width) if c < len(r))
    )
    # "| Tissue | Infection | Non-infection |" over "| Brain | Liquefactive | Liquefactive |":
    # columns of one kind of value, the same values under several of them; the columns are
    # conditions and what the cells are is what the table's heading says (a form of the word
    # in a paradigm, the necrosis of the tissue): it leads the front
    topic = heading_title(ctx.blocks[block.heading]) if block.heading is not None else ""
    if forms and topic and _shared_across(body, width):
        leads[n] = topic
    repeated = _repeated(header)
    # "| Interval | Semitones |" over "| Minor second | 1 |": a quantity each named thing has
    measured = 0 if grid or forms else _measured(header, body)
    usable = [
        c
        for c in range(1, width)
        if (headless or strip_markup(header[c]))
        and c not in repeated
        and (c == measured or grid or not _numeric(body, c))
        and not _linked(body, c)
        and strip_markup(header[c]).strip().lower() not in _PROPERTIES
    ]
    # the column that says what the row is: the first after the name, or past one that only
    # sorts the rows into a category most of them share (`| Cancer | Population | … | Tests |`
    # over `| Breast | All | … | Mammography |`)
    first = 1
    if not grid and not forms and 1 in usable and _common(body, 1):
        first = next((c for c in usable if c > 1), 1)
    # a list of things told by two columns after the name tells each row by both (`| Radiation |
    # Temperature | Typical sources |`), a column headed by a label (`Notes`) only where the row
    # says something before it (not a remark on a figure, `| Metric | Value | Notes |`); in a
    # wider table the columns after the one that says what the row is are its side aspects (a
    # spec sheet, a feature matrix), and two rows are a pair set side by side (`Actual` and
    # `Potential` across `Inevitable` and `Contingent`, each cell where two choices cross): there
    # the later columns are asked only where they define (a line of text run on under a table is
    # a row of one cell, none of the list)
    listed = sum(sum(bool(strip_markup(x)) for x in r) > 1 for r in body)
    # "| Method \\ Setting | Convex | Smooth |": a corner split in two names what the rows are
    # and what the columns are, each cell where a row and a column cross, all of them asked
    crossed = "$" not in header[0] and _CROSS.search(strip_markup(header[0])) is not None
    told_by_both = width <= NARROW and listed >= MIN_LISTED_ROWS
    # "| Solid | Volume | Surface area |": a reference table, a formula of each row in
    # each column, however the column is named and whatever script the table is written in
    formulas = set() if grid or forms else {c for c in usable if _formulas(header[c], body, c)}
    # a later column that tells each row in words, in a list of three rows or more, is asked
    # too (`| Rock type | Formed by | Grain size | Texture |`: `Igneous › Texture`)
    described = (
        [c for c in usable if c > first and (c in formulas or _describes(header[c], body, c))]
        if width > NARROW and listed >= MIN_LISTED_ROWS and not grid and not forms
        else []
    )
    asked = [
        c
        for c in usable
        if c in (1, first)
        or (c > 1 and GLOSS_HEADER.match(strip_markup(header[c])))
        or forms
        or told_by_both
        or (grid and listed >= MIN_LISTED_ROWS and not _listed_again(header, c))
        or crossed
    ]
    remarks = {c for c in asked if told_by_both and c not in (1, first) and is_label(header[c])}
    # a row that leaves that column blank or only says its own name there (`| APC | - | FAP |`,
    # `| LAP stain | Leukocyte alkaline phosphatase (LAP) | AML & CML |`) is told by the next
    # column that says something of it
    later = (
        [
            c
            for c in usable
            if c > first
            and c not in asked
            and _WORDY.search(header[c])
            and strip_markup(header[c]).casefold() != strip_markup(header[0]).casefold()
            and not is_label(header[c])  # "| Metric | Value | Notes |": remarks on a figure
        ]
        if first in usable and not grid and not forms and len(body) > 1
        else []
    )
    common = {c: set() if grid else _common(body, c) for c in usable}
    shared = _common(body, 0)  # "| `ctrl+b` | `d` | …": a name every row says names none
    numbered = all(_ROW_NUMBER.match(r[0]) for r in body)
    for k, (line, row, group) in enumerate(zip(lines, body, groups, strict=True)):
        if k in cut and order[0] >= cut[k]:
            continue  # the row's name is a piece of its math
        # "WT1<br>WT2": two names of the row; "EGFR<br>[HER1]": a name and another in brackets
        name = strip_markup(_BREAK.sub(", ", _name_cell(row[0])).replace(", [", " ["))
        if "$" in name and (bold := _BOLD_MATH.fullmatch(name)):
            name = bold.group(2)  # "**Sphere($r$)**": bold that its math cut in two
        if numbered:
            name = _ROW_NUMBER.sub("", name)  # "| 1.地址转换 | …": the row's place, not its name
        if _CODE.fullmatch(row[0].strip()) is None and (
            not (_answers(name) and units(name) <= 8) or (_symbol(name) and not _math_named(name))
        ):
            continue
        # "| Examples | office network | home router |" in a comparison: a row a label names is
        # one more aspect of each thing compared, asked of the thing ("Wi-Fi › Examples")
        aspect = grid and is_label(name)
        if is_label(name) and not aspect and not _listed_label(name, names):
            continue
        if name.casefold() in shared:
            continue
        if k in shared_names:
            continue
        if _NOTE_FILE.search(name):
            continue  # "| BERT.md | BERT 模型 |": an index of the vault's notes
        entry = _ENTRY.match(row[0].strip())
        if entry and entry.group("gloss") and _answers(entry.group("gloss")):
            # "| 1 | **Safety** -- security, stability |": the row's name and what it is, an entry
            # of a glossary set in the cell
            front = (
                f"{group} › {name}" if group and group.casefold() not in name.casefold() else name
            )
            back, _, _ = clean_card_text(_opening(entry.group("gloss")))
            yield Candidate("table", "basic", front, back, line)
        told = [
            c
            for c in asked
            if (c == measured and c < len(row) and _quantity(row[c]))
            or _tells(row, c, name, common[c], width, formulas=c in formulas)
        ]
        if not any(c not in remarks and c != measured for c in told):
            # "| Global market | $1.9B | 2003 estimate |": a remark on a figure
            told = [c for c in told if c == measured]
        said = row[first] if first < len(row) else ""  # "| Soil |": a row cut short
        if later and first not in told and (_blank(said) or _said_again(said, name)):
            told += [
                c for c in later if _tells(row, c, name, common[c], width, formulas=c in formulas)
            ][:1]
        # a figure the row is answered by makes the later cells remarks on it (`| Global
        # market | $1.9B | 2003 estimate |`), not a quantity of a named thing (`| Mode |
        # Interval pattern | … | Character |`: `Dorian › Character` is still asked); a column
        # of formulas is no remark, whatever the row says first
        if described:
            remarked = first in usable and first not in (measured, *formulas) and _figure(said)
            told += [
                c
                for c in described
                if c not in told
                and (c in formulas or not remarked)
                and _tells(row, c, name, common[c], width, formulas=c in formulas)
            ]
        if k in cut:
            told = [c for c in told if order[c] < cut[k]]
        for c in told:
            cell = row[c]
            column = strip_markup(header[c])
            glossary = headless or (width == 2 and GLOSS_HEADER.match(column) is not None)
            front = name if glossary else f"{column} › {name}" if aspect else placed(name, column)
            if glossary and (GENERIC_FRONT.match(name) or SECTION_LABEL.match(name)):
                front = f"{topic} › {name}" if topic else front  # "概念": of what its section says
            if group and group.casefold() not in front.casefold():
                front = f"{group} › {front}"
            back, _, _ = clean_card_text(_opening(_unnamed(cell, name)))
            yield Candidate("table", "basic", front, back, line)


_WORDY = re.compile(r"[^\W\d_]{2,}")
#: A name set in bold whole, math inside it, which `strip_markup` leaves bold
_BOLD_MATH = re.compile(r"(\*\*|__)(.+)\1")


def _describes(header: str, body: list[list[str]], c: int) -> bool:
    """A later column of a wide table that tells each row in words, not a side aspect of a spec
    sheet: a column's name (no label), every cell a word or a phrase outside its brackets
    (`banded or foliated`, `German`, `true when both are`, `推动血液流动`), where a spec sheet
    holds figures, symbols, note names, marks or a place of two characters (`2`, `1-5 mm`,
    `C D E F`, `x (…)`, `胸腔`); not a column of quoted titles (`"The Magic Flute", …`: a row's
    examples). A table written in CJK is read the same way: its later columns of phrases are
    what each row is for or did (`适用场景`, `重大历史事件`), as the blind labels of the later
    sets ask them."""
    name = strip_markup(header)
    if not _WORDY.search(name) or is_label(name):
        return False
    cells = [strip_markup(r[c]) for r in body if c < len(r) and strip_markup(r[c])]
    quoted = sum(x.startswith(_QUOTES) for x in cells)
    return (
        bool(cells)
        and quoted * 2 <= len(cells)
        and all(_LONG_WORD.search(_BRACKETED.sub("", x)) for x in cells)
    )


def _measured(header: list[str], body: list[list[str]]) -> int:
    """The column right after the name where every row gives one figure or range of its own,
    in a list of three rows or more (`| Interval | Semitones |` over `| Minor second | 1 |`,
    `| material | $\\kappa$ |` over `| water | 80.4 |`, `| Subject | Marks |` over `| Criminal
    law | 22–25 |`): a quantity each named thing has, worth recalling, where it is the table's
    only column of figures; 1, or 0 for none. Several columns of figures are a run's results or
    a spec sheet, a share (`45.6%`) or a sum of money is a result or a breakdown, a value most
    rows share says nothing of one, a part of a course (`Week` over `1`) is a schedule, and rows
    named like fields (`de_direction_match`) are the metrics of a run."""
    if len(header) < 2 or len(body) < MIN_LISTED_ROWS or not strip_markup(header[1]):
        return 0
    if not all(len(r) > 1 and _quantity(r[1]) for r in body) or _common(body, 1):
        return 0
    if NUMBERED_SECTION.search(f"{strip_markup(header[1])} {strip_markup(body[0][1])}"):
        return 0  # "| Topic | Week |" over "| Sets | 1 |": a schedule
    if any(_FIELD.fullmatch(strip_markup(r[0]).strip()) for r in body):
        return 0
    others = range(2, len(header))
    return 0 if any(_numeric(body, c) and not _linked(body, c) for c in others) else 1


def _quantity(cell: str) -> bool:
    """ "80.4", "-0.5", "1,024", "22–25", "3.3 TB", "40分钟": one figure or a range of two, with
    the unit it is counted in at most; not a share, money, a sum or a list of figures."""
    return _QUANTITY.fullmatch(strip_markup(cell).strip()) is not None


_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_QUANTITY = re.compile(
    rf"[~≈<>≤≥±+-]?\s*{_NUMBER}(?:\s*[–—~-]\s*{_NUMBER})?\s*(?:[a-zA-Zµ]{{1,3}}|[\u4e00-\u9fff]{{1,2}})?"
)


def _figure(cell: str) -> bool:
    """ "$1.9B", "15-20%": a figure, no word of what it counts."""
    return any(map(str.isdigit, strip_markup(cell))) and not _word(cell)


_QUOTES = ('"', "“", "'", "‘", "«")
#: a word of three letters or more: what a figure, a note name or a mark is not
_LONG_WORD = re.compile(r"[^\W\d_]{3,}")
_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.I)


def _repeated(header: list[str]) -> set[int]:
    """The columns after the name whose header an earlier one already says (`| | 1st | 2nd | 1st
    | 2nd |`, singular then plural, the number said only above the table or in a sentence): a
    front that two different cells share asks no question, so only the column the header names
    first is asked by it, the form a reader takes it for (and in a table wrapped into pairs of
    columns, `| 标签 | 含义 | 标签 | 含义 |`, the pair that holds the row's name)."""
    names = [strip_markup(cell).casefold() for cell in header]
    return {c for c in range(2, len(names)) if names[c] and names[c] in names[1:c]}


def _same_head(header: list[str]) -> bool:
    """ "| Scalar quantities | Vector quantities |": headers of two words or more that all end on
    one word, each column a kind of that thing, a list of its own; the rows set unrelated items
    side by side (`mass` beside `force`), and no cell says what the one before it is."""
    heads = [_LETTERS.findall(_BRACKETED.sub("", strip_markup(h)).casefold()) for h in header]
    return all(len(words) > 1 for words in heads) and len({words[-1] for words in heads}) == 1


def _aspects_side_by_side(header: list[str]) -> bool:
    """ "| Vorteile | Nachteile |", "| Pros | Cons |", "| 优点 | 缺点 |": every header names a kind
    of aspect of one subject (the tables' `aspect_leads`), the first no word for the aspects a
    comparison's rows are (`Feature`, `差异`, the tables' `aspect_headers`). Each column is a
    list of its own, the subject's advantages beside its disadvantages, and a row only sets
    the first advantage beside the first disadvantage: the first column names no row, and the
    cell beside it says nothing of it (`relativ einfach › Nachteile` → `fehlende Dynamik`)."""
    heads = [strip_markup(h) for h in header]
    return (
        not ASPECT_HEADER.match(heads[0])
        and all(heads)
        and all(ASPECT_LEAD.fullmatch(h) for h in heads)
    )


def _parallel(body: list[list[str]]) -> bool:
    """Lists side by side, not rows named by their first column: two names or more, a third of
    the rows at least, are values of another column too (`| Lung | Lung |`)."""
    names = {strip_markup(r[0]).casefold() for r in body if r and r[0].strip()}
    values = {strip_markup(c).casefold() for r in body for c in r[1:] if c.strip()}
    shared = len(names & values)
    return shared >= 2 and shared * 3 >= len(body)


def _shared_across(body: list[list[str]], width: int) -> bool:
    """Two values or more that stand under two columns or more after the name: columns that
    hold one kind of value."""
    columns: dict[str, set[int]] = {}
    for row in body:
        for c in range(1, min(width, len(row))):
            if row[c].strip() and not NO_ANSWER.match(strip_markup(row[c])):
                columns.setdefault(strip_markup(row[c]).casefold(), set()).add(c)
    return sum(len(cs) > 1 for cs in columns.values()) >= 2


def _tells(
    row: list[str], c: int, name: str, common: set[str], width: int, *, formulas: bool = False
) -> bool:
    """Whether cell `c` of the row says something of it: an answer, not a lone figure, symbol or
    mark in a wide table, not the row's own name said again, not a value most rows share; in a
    column of formulas (`formulas`) an expression answers, a power of a figure too (`Kibi ›
    Faktor` → `$2^{10}$`), and one most rows share is still this row's (`Heapsort › Extra
    memory` → `$O(1)$`), where a lone symbol still names where a value would be."""
    cell = row[c] if c < len(row) else ""
    if formulas and (math := _MATH_CELL.fullmatch(_bare(cell))) and _expression(math.group(1)):
        return True
    if not _answers(cell):
        return False
    if width > 2 and not _word(cell):
        # a cell of math answers when it is a quantity or a formula, however few its words
        math = _MATH_CELL.fullmatch(cell.strip())
        lone = not _formula(math.group(1)) if math else units(cell) < 2
        if lone:
            return False
    return strip_markup(cell).casefold() not in common and not _said_again(cell, name)


def _formula(latex: str) -> bool:
    """ "$>10^8 K$", "$O(n^2)$", "$y^* - L$": a cell's math that holds a figure or two letters or
    more once its sub- and superscripts are set aside, a quantity, a bound or a formula; not a
    lone symbol (`$R_{0,1}$`, `$y^*$`, `$\\cdots$`), which names where a value would be."""
    body = _SCRIPT.sub("", _COMMAND.sub("", latex))
    return any(map(str.isdigit, body)) or sum(map(str.isalpha, body)) > 1


_MATH_CELL = re.compile(r"\$([^$\n]+)\$")


def _formulas(header: str, body: list[list[str]], c: int) -> bool:
    """Column `c` is a column of formulas, a reference table's (`| Solid | Volume | Surface area
    |` over `| Cube($a$) | $a^3$ | $6a^2$ |`, `| Präfix | Zeichen | Faktor |` over `| Kibi | Ki |
    $2^{10}$ |`): a header that is no label over every cell set in math alone, more than half
    of them an expression (`_expression`); not a column of symbols (`$a$`, `$\\mathrm{K}$`) nor
    one of figures written in math (`$0.93$`: a result)."""
    cells = [_bare(r[c]) for r in body if c < len(r) and r[c].strip()]
    if not cells or not all(x.startswith("$") for x in cells) or is_label(strip_markup(header)):
        return False
    maths = [_MATH_CELL.fullmatch(x) for x in cells]
    expressions = sum(_expression(m.group(1)) for m in maths if m)
    return all(maths) and expressions * 2 > len(cells)


def _expression(latex: str) -> bool:
    """ "$6a^2$", "$\\pi r^2 h$", "$\\frac{1}{\\lambda}$", "$2^{10}$": a formula or a power of a
    figure, not a lone symbol (`$\\mu$`, `$\\mathrm{K}$`, `$\\sigma^2$`) nor figures worked out
    (`$0.93$`, `$28 \\times 28$`, `$2^{1/2} \\approx 1.41$`: a result, a value of a sum)."""
    if _LONE_SYMBOL.fullmatch(latex):
        return False
    return _FIGURES.fullmatch(latex) is None or _POWER.fullmatch(latex) is not None


#: "\\mu", "x", "\\mathrm{K}", "\\sigma^2", "R_{0,1}", "y^*": one symbol, its sub- and superscripts
_LONE_SYMBOL = re.compile(
    r"\s*(?:\\[A-Za-z]+\s*\{\s*[A-Za-z]\s*\}|\\[A-Za-z]+|[A-Za-z])(?:[_^](?:\{[^{}]*\}|[\w*])|')*\s*"
)
#: "0.93", "28 \\times 28 + 10", "2^{1/2} \\approx 1.41": figures and the operators
#: between them
_FIGURES = re.compile(r"(?:[\s\d.,+\-*/=(){}^]|\\(?:times|cdot|div|approx))*")
#: "2^{10}", "10^{-3}": a power of a figure, a factor (a unit's prefix)
_POWER = re.compile(r"\s*\d+\s*\^\s*(?:\{\s*-?\d+\s*\}|\d)\s*")


def _bare(cell: str) -> str:
    """The cell without the bold or italics around it (`**$x^2$**`)."""
    return cell.strip().strip("*_").strip()


#: a subscript or a superscript: "_{0,1}", "_t", "^*" (a superscript that is a figure, the
#: exponent of a quantity, stays: "10^8")
_SCRIPT = re.compile(r"_\{[^{}]*\}|_\w|\^\{?\D\}?")


#: Obsidian's own note properties, keys in every language: a column of them (a Dataview table
#: pasted as text, `| File | tags |` over `| [[Structural Realism]] | IR-Theory, Realism |`)
#: files the notes, it teaches nothing
_PROPERTIES = frozenset({"tags", "tag", "aliases", "alias", "cssclasses", "cssclass"})


def _linked(body: list[list[str]], c: int) -> bool:
    """A column of links, more than half its cells (`| Chrome | browser | [download](…) |`):
    where to find each row; a cell of it that is no link says where too."""
    cells = [r[c].strip() for r in body if c < len(r) and r[c].strip()]
    links = [x for x in cells if _LINK_CELL.fullmatch(x) or ("://" in x and is_link_only(x))]
    return len(links) * 2 > len(cells)


def _places(body: list[list[str]], c: int) -> bool:
    """A column of folders or note files, every cell filled (`` `20_StudyNotes/Lectures/` ``,
    `` `math.LA_LinearAlgebra/` ``, `BERT.md`): the table maps things to where the vault keeps
    them, the layout of the notes, not what they teach."""
    return all(_filed_cell(strip_markup(r[c]) if c < len(r) else "") for r in body)


def _filed(row: list[str]) -> bool:
    """A row whose every cell after the name is note files or folders, two or more
    (`| Example | `Word2Vec.md` | `Survey.md` |`): the columns are the kinds of note the vault
    keeps, what its own conventions compare, not what the notes teach."""
    return len(row) > 2 and all(_filed_cell(strip_markup(c)) for c in row[1:])


def _filed_cell(text: str) -> bool:
    """A cell that is a folder or a note file of the vault."""
    return _FOLDER.fullmatch(text) is not None or _NOTE_FILE.search(text) is not None


#: "Method \\ Setting", "方法 \\ 目标类": a corner split in two by a backslash
_CROSS = re.compile(r"[^\W\d_]\s+\\\s+[^\W\d_]")

#: "20_StudyNotes/Lectures/", "ml.AL_Algorithms/": a path that ends on a folder
_FOLDER = re.compile(r"[^\s/]+(?:/[^\s/]+)*/")


def _blank(cell: str) -> bool:
    """ "", "-", "n/a", "✓": a cell left without an answer, no value in it."""
    plain = strip_markup(cell).strip()
    return not any(map(str.isalpha, plain)) or NO_ANSWER.match(plain) is not None


def _said_again(cell: str, name: str) -> bool:
    """The row's name said again: the name itself, or words of it (`Leukocyte alkaline
    phosphatase (LAP)` in the row of the `… (LAP) stain`); one word of a name is a word that
    may answer it (`| Jury, die | jury |`)."""
    value = strip_markup(cell).casefold()
    if value == name.casefold():
        return True
    return " " in value and bool(re.search(rf"(?<!\w){re.escape(value)}(?!\w)", name.casefold()))


#: A column's name is a word or a few ("Definition", "Mechanism of action", "含义"); a header
#: cell longer than this, in words or in Han characters, is an explanation: the header row is
#: an entry.
MAX_HEADER, MAX_HEADER_CJK = 5, 10
#: "1.", "2)", "3、": the rows' places in a numbered table
_ROW_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)、．]\s*(?=\S)")


def _headless(header: list[str], body: list[list[str]]) -> bool:
    """A two-column glossary written without a header, as editors that need one let authors do:
    both header cells left empty, or the header row already an entry: an explanation where a
    column's name would be (`| Mitosis | cell division producing two identical daughter cells
    |`), or the first of the numbered rows (`| 1.地址转换 | … |` over `| 2.内存共享 | … |`); or a
    glossary of three columns whose first counts or codes the rows, the first row where its
    header would be (`| a1 | Concentrated forces | … |` over `| a2 | Distributed forces | … |`)."""
    if len(header) == NARROW:
        places = [strip_markup(header[0]), *(strip_markup(r[0]) for r in body)]
        return bool(places[0]) and len(body) > 1 and _counted(places)
    if len(header) != 2:
        return False
    name, answer = (strip_markup(cell) for cell in header)
    if not name:
        return not answer
    first = _ROW_NUMBER.match(name)
    if first and body and body[0] and (then := _ROW_NUMBER.match(body[0][0])):
        return first.group(1) == "1" and then.group(1) == "2"
    return units(answer) > (MAX_HEADER_CJK if has_cjk(answer) else MAX_HEADER)


def _unshifted(header: list[str], body: list[list[str]]) -> list[str]:
    """The header as the columns are: where its last cell is blank over a column every row fills
    and its first names something (`| Incipit | Arrivée | Double aveu | |` over `| **Thème** |
    Famine | Religion | Aveu, amour |`), the author typed the column names one cell to the left,
    over the rows' names, so each would name its left neighbour's cells; moved back over their
    columns, the rows' names stand under a blank corner, as a comparison's do."""
    if (
        len(header) < 3
        or strip_markup(header[-1])
        or not strip_markup(header[0])
        or not all(len(r) == len(header) and strip_markup(r[-1]) for r in body)
    ):
        return header
    return ["", *header[:-1]]


def _continued(body: list[list[str]], lines: list[int]) -> tuple[list[list[str]], list[int]]:
    """The rows with the lines that go on with them: where every row whose first cell is blank
    fills one cell at most (`| Fundoscopy | Assess fundi … |` over `|  | Papilloedema is a bad
    sign … |`, `|MLT System|Mass (M)|…|` over `||Length (L)||`), such a row is the next line of
    the row above, as a cell split over lines in an editor that cannot wrap one; a blank first
    cell beside two filled ones is a merged group cell (`|  | 王献之 | 《洛神赋》 |`)."""
    going_on = {k for k in range(1, len(body)) if not strip_markup(body[k][0])}
    if not going_on or any(sum(bool(strip_markup(c)) for c in body[k]) > 1 for k in going_on):
        return body, lines
    rows: list[list[str]] = []
    kept: list[int] = []
    for k, row in enumerate(body):
        if k not in going_on:
            rows.append(list(row))
            kept.append(lines[k])
            continue
        above = rows[-1]
        for c, cell in enumerate(row):
            if cell.strip() and c < len(above):
                above[c] = f"{above[c]}<br>{cell}" if above[c].strip() else cell
    return rows, kept


def _unnamed(cell: str, name: str) -> str:
    """The cell without its row's name said again before a colon (`| 编译 | 编译：由… |`)."""
    plain = cell.lstrip()
    if name and plain.startswith(name) and plain[len(name) : len(name) + 1] in (":", "："):
        return plain[len(name) + 1 :].lstrip()
    return cell


#: A cell longer than this is a paragraph: its answer is the sentences that open it (the
#: length a definition line of the other rules runs to at most).
MAX_CELL = MAX_LINE


def _opening(cell: str) -> str:
    """The cell, or for a paragraph of a cell ("| Bacon's Rebellion | 1676 | Those that … |")
    its whole sentences up to MAX_CELL characters, at least the first: what a card can ask."""
    if len(cell) <= MAX_CELL:
        return cell
    kept = ""
    for m in SENTENCE.finditer(cell):
        if kept and len(m.group()) + len(kept) > MAX_CELL:
            break
        kept = cell[: m.end()]
    return kept.strip() or cell


def _answers(cell: str) -> bool:
    if _LINK_CELL.fullmatch(cell.strip()):
        return False  # "[🤖 ModelScope](https://…)": where to find it, nothing to recall
    plain = strip_markup(cell).strip()
    if not plain or NO_ANSWER.match(plain):
        return False
    if "](" in plain or "://" in plain or "www." in plain:
        return not is_link_only(plain)
    if "\\" in plain and any(map(str.isdigit, plain)):
        plain = _COMMAND.sub("", plain)  # "$2 \times 64 \times 1024$": a sum, no words
    return any(map(str.isalpha, plain))  # "-é", a verb ending, is a letter and a mark


_LINK_CELL = re.compile(r"!?\[[^\]\n]*\]\(\w+://[^)\n]*\)")
_COMMAND = re.compile(r"\\[A-Za-z]+")


def _word(cell: str) -> bool:
    """ "Formylation", "Pocket", "vaya", "-en": a word of its own, a kind, a name or a form the
    row is told by, where a lone figure, symbol, mark or character (`$1.9B`, `1亿`, `$y^*$`,
    `D`, `test +`, `✅ 是`) is a value or a mark."""
    plain = strip_markup(cell).strip()
    if len(plain) > 1 and _WORD_CELL.fullmatch(plain) is not None:
        return True
    # "6 million", "0.5% agar", "1,3-bisphosphoglycerate": a count or a measure with the word
    # of what it counts, or a name with figures in it, in lower case (a capitalised word after
    # a figure names a title or a place: `5 Diretores`, `` `10_AtomicKnowledge/` ``)
    if _IDENTIFIER.fullmatch(plain):
        return True  # "G6PD", "HER2", "CD4": a name written with figures in it
    words = _LETTERS.findall(plain)
    return (
        any(map(str.isdigit, plain))
        and any(len(w) > 2 for w in words)
        and all(w.islower() for w in words)
    )


#: A word of two letters or more, hyphens inside or a suffix's before it ("ε-greedy", "-en")
_WORD_CELL = re.compile(r"-?[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
#: A capital, then letters and figures, two letters at least: "G6PD", "HER2", "CD4"
_IDENTIFIER = re.compile(r"(?=(?:\d*[A-Za-z]){2})[A-Z][A-Za-z]*\d[A-Za-z\d]*")


#: A cell that is one code span: a command, a flag or a variable (`$?`, `-r`, `git stash`)
_CODE = re.compile(r"`[^`\n]+`")


def _grouped(body: list[list[str]]) -> bool:
    """Rows whose first column names none of them, and whose second column names each, every
    name its own, in a table of three columns or more: a first column that groups the rows,
    its values shared by several rows or left blank under the one that spans them, or one that
    counts them (`| 1 | **Finalidade** | … |` over `| 2 | **Adequação** | … |`)."""
    if len(body) < MIN_GROUPED_ROWS or any(len(r) < 3 for r in body):
        return False
    groups = [strip_markup(r[0]).casefold() for r in body]
    names = [strip_markup(r[1]).casefold() for r in body]
    if not all(names) or len(set(names)) < len(names):
        return False
    if not _counted(groups) and (
        not groups[0] or (all(groups) and len(set(groups)) == len(groups))
    ):
        return False  # a first column that names each row is the rows' names
    # ("| Missed Trigger — insufficient effort … |": a name with what it is, no name alone;
    # "| **Safety** -- security, stability |" sets the name off in bold, `_name_cell`)
    cells = [(_name_cell(r[1]), r[1]) for r in body]
    named = sum(_named(n) and (n != c or not SPACED_DASH.search(c)) for n, c in cells)
    return named * 2 > len(body)


def _shared_names(body: list[list[str]]) -> set[int]:
    """The rows whose name another row gives too, as written (`o` and `O` are two keys); not a
    row of a template's placeholder, every cell the same word (`| 单元格 | 单元格 |`)."""
    names = [strip_markup(_name_cell(r[0])) for r in body]
    counts = Counter(names)
    return {
        k
        for k, (name, row) in enumerate(zip(names, body, strict=True))
        if name and counts[name] > 1 and any(strip_markup(x) != name for x in row[1:])
    }


#: How far right the column that names each row may stand past the columns that group them.
MAX_KEY_COLUMN = 3


def _key_column(body: list[list[str]]) -> int:
    """The column past the second that names each row, the first whose values are all filled and
    each its own, most of them names, where the first column groups the rows (each value shared
    by two rows on average or more, its rows together: a mechanism, then a class, then the
    drug); 0 where there is none."""
    if len(body) < MIN_GROUPED_ROWS:
        return 0
    for key in range(1, MAX_KEY_COLUMN + 1):
        cells = [strip_markup(r[key]).casefold() if key < len(r) else "" for r in body]
        if all(cells) and len(set(cells)) == len(cells):
            break
    else:
        return 0
    if key < 2:
        return 0  # one grouping column: `_grouped`
    groups = [strip_markup(r[0]).casefold() for r in body]
    if not all(groups) or len(set(groups)) * 2 > len(groups):
        return 0  # a first column that names rows of its own, or one left blank under merged cells
    runs = [g for k, g in enumerate(groups) if not k or g != groups[k - 1]]
    if len(runs) > len(set(runs)):
        return 0  # "Active, Passive, Active, …": two conditions crossed, no group of rows
    names = [_name_cell(r[key]) for r in body]
    return key if sum(_named(n) for n in names) * 2 > len(names) else 0


#: "**Safety** -- security, stability", "**Palaeo – lithic age** *(Old – Stone)*": a bold name
#: opening a cell, then what it is after a dash or a remark in brackets
_ENTRY = re.compile(
    r"(\*\*|__)(?P<term>(?:(?!\1)[^\n])+?)\1"
    r"(?:\s+(?:--?|[—–])\s+(?P<gloss>\S.*)|\s*\*?[(（].*)$"
)


def _name_cell(cell: str) -> str:
    """The cell that names a row, or the bold name that opens it where what it is or a remark
    follows (`**Safety** -- security, stability` names the row `Safety`); a tool's marks around
    the name are not part of it (`{{< tc left >}}神经调节{{< /tc >}}`, a Hugo site's shortcode)."""
    cell = without_marks(cell)
    entry = _ENTRY.match(cell.strip())
    return entry.group("term") if entry else cell


def _entries(body: list[list[str]], c: int) -> bool:
    """Column `c` holds bold names each with what it is, half its filled cells or more: a list
    of entries of its own."""
    cells = [r[c].strip() for r in body if c < len(r) and r[c].strip()]
    return bool(cells) and sum(_ENTRY.match(x) is not None for x in cells) * 2 >= len(cells)


def _number_kind(header: list[str], body: list[list[str]]) -> str:
    """What the numbers that name the rows are, where they are steps, years or codes: the first
    column's header (`Year` over `1577`, `Step` over `2a`, `描述符` over `0`); none where it only
    numbers them (`No.`, `序号`, a field name, or rows counted 1, 2, 3 with no column that says
    what each number means), or where the rows are the parts of a course (`Week 1`, `Lecture 2`:
    a schedule)."""
    kind = strip_markup(header[0])
    if not kind or not any(map(str.isalpha, kind)) or INDEX_HEADER.match(kind):
        return ""
    cells = [strip_markup(r[0]) for r in body]
    if not all(_ROW_PLACE.fullmatch(c) for c in cells) or _FIELD.fullmatch(kind) or _symbol(kind):
        return ""
    if _counted(cells) and not any(GLOSS_HEADER.match(strip_markup(h)) for h in header[1:]):
        return ""  # "| Rank | Team |" over 1, 2, 3: the rows' places
    return "" if NUMBERED_SECTION.search(f"{kind} {cells[0]}") else kind


#: A row's number: "1577", "0", "2a" (the second part of step 2)
_ROW_PLACE = re.compile(r"\d{1,4}[a-z]?")


def _counted(cells: list[str]) -> bool:
    """ "1", "2", "3" or "①", "②", "③": the rows' places, counted up from 0 or 1 or down to
    it (`| 7 | **Application** |` over `| 6 | **Presentation** |`, layers listed from the top),
    not their names."""
    places = [_place(c) for c in cells]
    if any(p is None for p in places):
        return _coded(cells)
    up = list(range(len(places)))
    return places in (up, [k + 1 for k in up], up[::-1], [k + 1 for k in up][::-1])


def _place(cell: str) -> int | None:
    """The number a cell counts its row by: "3", "3.", or one numbered sign, "③", "❸"."""
    if _INDEX.fullmatch(cell):
        return int(cell.rstrip("."))
    if len(cell) == 1 and unicodedata.category(cell) == "No":
        return int(unicodedata.numeric(cell))
    return None


_INDEX = re.compile(r"\d{1,3}\.?")


def _coded(cells: list[str]) -> bool:
    """ "a1", "a2", "b1", "b2": the rows' places in an outline, a letter for each part and a
    count within it, in order, not their names (`m2`, `M2`, `P4`, interval names, are out of
    any such order)."""
    codes = [_OUTLINE.fullmatch(c) for c in cells]
    if len(cells) < MIN_GROUPED_ROWS or not all(codes):
        return False
    places = [(m.group(1), int(m.group(2))) for m in codes if m]
    for k, (part, n) in enumerate(places):
        before = places[k - 1] if k else None
        if before is None or before[0] != part:
            if n != 1 or (before is not None and part <= before[0]):
                return False
        elif n != before[1] + 1:
            return False
    return True


#: "a1", "B2": a part of an outline and a place in it
_OUTLINE = re.compile(r"([a-z])(\d{1,2})", re.I)


#: How many rows a table needs before its first column can be read as a grouping.
MIN_GROUPED_ROWS = 3


def _named(cell: str) -> bool:
    """A row name: a short term, or a code literal a programming note explains (`$?`, `-r`)."""
    return _CODE.fullmatch(cell.strip()) is not None or (_answers(cell) and units(cell) <= 8)


def _listed_label(name: str, names: list[str]) -> bool:
    """A row named by a word that elsewhere labels (`| **A**ctivity | Exercise, Rest, Sleep |`
    among `Diet`, `Stress`, `Habits`; `| **References** | All earlier studies … |` among the
    guidelines of good science; `| **Observation** | Information collected … |` in a glossary)
    is one of the things its table lists, named like the rows around it: most of the table's
    rows are named by terms, not labels. Not the label of an aside (`| **CAUTION** | If the
    limit is 0 … |`, `Note`, `Example`, `注意`: a remark on the rows above, `ASIDE_LABEL`)."""
    if ASIDE_LABEL.match(strip_markup(name).strip(" .:：")):
        return False
    labels = sum(is_label(n) for n in names if strip_markup(n))
    return labels * 2 < sum(bool(strip_markup(n)) for n in names)


def _symbol(name: str) -> bool:
    """ "$x$", "(K)", "\\mathbf{X}": a symbol of a formula, not a term."""
    return "$" in name or "\\" in name or (name.startswith("(") and name.endswith(")"))


def _math_named(name: str) -> bool:
    """ "Variable $j$", "$AX = B$": a row name with math in it that still names the row, by a
    word outside the math (the symbol indexes the thing the word names) or by an equation the
    row is about, its math set off by dollars; not a lone symbol (`$x$`, `(K)`, math written
    otherwise, `(\\mathbf{X})`), nor a label with its value (`Period: $T$`), a statement."""
    outside = _MATH_CELL.sub("", name)
    if ":" in name or "：" in name or "\\" in outside or outside == name:
        return False
    if _LONG_WORD.search(outside):
        return True
    math = _MATH_CELL.fullmatch(name.strip())
    return math is not None and "=" in math.group(1) and _formula(math.group(1))


def _compares(header: list[str]) -> bool:
    """ "| 特性 | MFU | GPU-Util |", "| | RAG | SFT |", "| Method | Gradient Descent | Newton's
    Method |": half the columns or more after the first name things, and the first column's
    header is no name of what the rows are: left blank, a word for the aspects compared, or a
    kind the things share a word with. Where the first header, in Latin script, names what the
    rows are (`| Reaction | Type | What it does |`, `| Country | … | Largest Trading Partner |`),
    the other columns are what each row is told by, however their names are capitalised; where
    it says the rows are aspects (`| Property | diamond | graphite |`), the columns are things
    compared, however theirs are written."""
    first = strip_markup(header[0])
    if len(header) > 2 and ASPECT_HEADER.match(first) and all(map(strip_markup, header[1:])):
        return True  # "| Property | diamond | graphite |": the rows are aspects, whatever the names
    if sum(_names(h) for h in header[1:]) * 2 < len(header) - 1:
        return False
    if not first or ASPECT_HEADER.match(first) or _symbol(first):
        return True  # a blank corner, "特性", "$k$", "方法 \ 目标类": a grid of things
    return _side_by_side(header)


def _side_by_side(header: list[str]) -> bool:
    """ "| Natürliche Person | Juristische Person |", "| Col 1 | Col 2 |": the first header a
    kind the others share a word with, each column one kind of a thing, none naming rows."""
    kinds = _kind_words(header[0])
    return any(kinds & _kind_words(h) for h in header[1:])


def _kinds_compared(header: list[str]) -> bool:
    """A comparison whose columns are kinds of what the first header says, side by side, or
    things of that kind by name (`| Method | Gradient Descent | Newton's Method |`), no row
    named: the first header shares a word with most of the others, or with one of others that
    all name things. A word it shares with one column of several, another naming no thing
    (`| Generic Name | Brand Name | Drug Class | Use |`, `| Nom Scientifique | Nom Courant |
    Habitat |`), makes the first column the rows' names and the others what each is told by."""
    kinds = _kind_words(header[0])
    shared = sum(bool(kinds & _kind_words(h)) for h in header[1:])
    if not shared:
        return False
    return shared * 2 > len(header) - 1 or all(_names(h) for h in header[1:])


def _listed_again(header: list[str], c: int) -> bool:
    """Column `c`'s header is the kind the first header names, or a word of it (`| Cyclic
    alcohol | BP | Alcohol | BP |`): a second list of things of that kind set beside the first,
    each cell a row's counterpart, not what the row is told by."""
    words = _kind_words(header[c])
    return bool(words) and words <= _kind_words(header[0])


def _kind_words(cell: str) -> set[str]:
    """The words a header names its column by, not those of what it says in brackets after
    (`Common reduced form (what the oxidant becomes)`)."""
    return set(_WORD.findall(_BRACKETED.sub("", strip_markup(cell)).casefold()))


_BRACKETED = re.compile(r"\([^()]*\)|（[^（）]*）")


_WORD = re.compile(r"[^\W\d_]{3,}")


def _names(cell: str) -> bool:
    """A header that names a thing ("MFU", "Newton's Method"), not an attribute ("Use")."""
    plain = strip_markup(cell)
    return is_distinctive(plain) and re.search(r"[A-Z]", plain) is not None and units(plain) > 0


#: A value this many rows share, more than half of them, is a category ("noun suffix") or a
#: placeholder, not what one row alone is; fewer share a fact (the chairman of three
#: committees of eight).
MAX_SHARED = 3


def _common(body: list[list[str]], c: int) -> set[str]:
    """The values of column `c` that MAX_SHARED rows or more share, more than half of them."""
    counts: dict[str, int] = {}
    for row in body:
        if c < len(row) and row[c].strip():
            value = strip_markup(row[c]).casefold()
            counts[value] = counts.get(value, 0) + 1
    return {value for value, n in counts.items() if n >= MAX_SHARED and n * 2 > len(body)}


def _numeric(body: list[list[str]], c: int) -> bool:
    """A column of numbers or marks: a result, not something to recall."""
    cells = [strip_markup(r[c]) for r in body if c < len(r) and r[c].strip()]
    return not cells or sum(NO_ANSWER.match(x) is not None for x in cells) * 2 >= len(cells)


def _form(cell: str) -> bool:
    """ "dé", "no digas", "-en": a word or two, no figure, mark or link: a form of the row's
    word."""
    plain = strip_markup(cell)
    words = plain.split()
    if not _answers(cell) or (has_cjk(plain) and units(plain) > 2):
        return False  # "希望代码被广泛使用": a phrase written without spaces
    return 1 <= len(words) <= 2 and all(_WORD_CELL.fullmatch(w) for w in words)
