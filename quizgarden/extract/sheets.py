"""Fact sheets: sibling sections that describe their subjects by the same attributes.

A note of facts often gives each thing its own heading and the same few attributes under each
(`### CJD` / `- path: prions` / `- treatment: supportive`, then `### NPH` / `- path: increased
ICP` / `- treatment: VP shunt`). The attribute keys recurring in sibling sections (same heading
level, same parent) tell that each `key: value` item there answers "what is the key of this
section's subject?", however short its value: a word list or a plan repeats no keys across
sibling sections. Journal entries, meeting notes and series of examples (dated or numbered
headings), metadata fields (`author:`, `date:`) and tasks (`- [ ] …`) are no fact sheets.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from .context import Context, heading_title, naming_heading
from .entries import MAX_LINE
from .lang import FIELD_NAME, NUMBERED_LABEL, PLACEHOLDER
from .shape import is_question
from .text import has_cjk, is_example_heading, is_link_only, is_value, strip_markup, units

#: Sibling sections are a fact sheet when this many of them each hold this many keys that
#: another of them holds too.
MIN_SHEET_SECTIONS = 2
MIN_SHARED_KEYS = 2
#: The longest key: an attribute is named in a few words ("why it matters", "核心价值主张").
MAX_KEY_WORDS = 4
MAX_KEY_CJK = 8
# a key alone on the first of two lines (a hard line break after it), the answer on the second
_KEY_LINE = re.compile(r"^[^\n]{1,80}[:：]\s*\n[^\n]+$")
_MAX_KEY_LINE = 80
# a key's colon, looked for among the first characters of its line ("- **Why it matters:**")
_COLON_EARLY = re.compile(r"[:：]")

# "key: value", "**key:** value", "**key**: value"; a key alone, its answer nested under it
_ENTRY = re.compile(
    r"^(?:(?P<b>\*\*|__)(?P<bold>[^*_:：\n]{1,60}?)\s*(?:[:：]\s*(?P=b)|(?P=b)\s*[:：]?)"
    r"|(?P<key>[^*_:：\n]{1,60}?)\s*(?:[:：]|$))\s*(?P<rest>.*)$"
)
# what an attribute's name holds none of: figures, sentence marks, brackets, code, math, links
_NOT_A_KEY = re.compile(r"[\d.?!。？！;；,，、()（）\[\]{}<>`$=|#@\"“”]")
# "2024-03-05", "05.03.2024", "3/5/24": a dated entry (a journal's, a meeting's)
_DATE = re.compile(r"\d{1,4}[-/.年]\d{1,2}(?:[-/.月]\d{1,4})?")
# "Meeting 2", "Week 3", "Session 4b": one of a numbered series, a record of what happened
_SERIES_TITLE = re.compile(r"^[^\W\d_]+\s*\d+[a-z]?$")
_TASK = re.compile(r"^\[[ xX]\]")
_FILE_TITLE = re.compile(r"\.(?:md|txt|pdf|docx?|py|ipynb|json|ya?ml|csv|png|jpe?g)$", re.I)


@dataclass(frozen=True)
class Entry:
    """An attribute of a fact sheet's section: its key as written, its one-line value, or ""
    when the answer is the list nested under the key; `labelled` when the key is set off as a
    label (`- **Symptoms:**` over bullets), which the `label` and `termlist` rules ask. `subject`
    names the section (`fact_sheet` fills it in)."""

    key: str
    value: str
    labelled: bool = False
    subject: str = ""


def fact_sheet(ctx: Context) -> dict[int, Entry]:
    """The list items, by block index, that are entries of a fact sheet: items at the top of
    their section's list that give a key recurring in sibling sections (`_read`), in sections
    where such entries are most of the list, MIN_SHEET_SECTIONS or more of them with
    MIN_SHARED_KEYS or more keys each."""
    items: dict[int, int] = {}  # heading -> its top-level items
    keyed = _keyed(ctx, items)
    if not keyed:
        return {}  # most notes: no two sibling sections with two keys in common
    read: dict[int, dict[int, tuple[str, Entry]]] = {}  # heading -> item -> (key, entry)
    title = ctx.note.title
    for n, h in keyed:
        block = ctx.blocks[n]
        entry = _read(block.text, bool(block.children))
        if entry is None or not ctx.free(block):
            continue
        key = strip_markup(entry.key).strip().casefold()
        if not _names_part(key, title):  # "毫米波雷达" of "毫米波雷达-激光雷达": the note compares
            # its subjects aspect by aspect, each heading an aspect and each key a subject
            read.setdefault(h, {})[n] = (key, entry)
    if len(read) < MIN_SHEET_SECTIONS:
        return {}  # most notes: no two sections with entries
    groups: dict[tuple[int | None, int], list[int]] = {}
    for h in read:
        if _entries_of(ctx, h) and 2 * len(read[h]) >= items[h]:
            groups.setdefault((ctx.above[h], ctx.blocks[h].level), []).append(h)
    out: dict[int, Entry] = {}
    # how often the note uses each heading, counted once a sheet is found
    titles: Counter[str] | None = None
    for sections in groups.values():
        if len(sections) < MIN_SHEET_SECTIONS:
            continue
        keys = {h: {key for key, _ in read[h].values()} for h in sections}
        seen: Counter[str] = Counter(key for h in sections for key in keys[h])
        shared = {key for key, count in seen.items() if count >= MIN_SHEET_SECTIONS}
        sheet = [h for h in sections if len(keys[h] & shared) >= MIN_SHARED_KEYS]
        if len(sheet) < MIN_SHEET_SECTIONS:
            continue  # one key in common ("- SE: …" under two drugs) is no schema yet
        # the schema: the keys the sheet's sections share among themselves
        seen = Counter(key for h in sheet for key in keys[h])
        shared = {key for key, count in seen.items() if count >= MIN_SHEET_SECTIONS}
        if titles is None:
            titles = Counter(b.text for b in ctx.blocks if b.kind == "heading")
        # "treatment: supportive" under several subjects: what the class has, no subject's own
        said = Counter((key, e.value.casefold()) for h in sections for key, e in read[h].values())
        for h in sections:  # a section of the sheet that gives one of its keys follows it too
            subject = _subject(ctx, h, titles[ctx.blocks[h].text] > 1)
            out.update(
                (n, replace(entry, subject=subject))
                for n, (key, entry) in read[h].items()
                if key in shared and (not entry.value or said[key, entry.value.casefold()] == 1)
            )
    return out


def _keyed(ctx: Context, items: dict[int, int]) -> list[tuple[int, int]]:
    """The top-level items, with their headings, that may be entries (their first words set off
    as a key, `_ENTRY`, the judgements of `_read` not made yet) in notes where two sibling
    sections share two such keys each: the cheap test most notes stop at. `items` gets each
    heading's count of items."""
    found: list[tuple[int, int, str]] = []  # (item, heading, key)
    for n, block in enumerate(ctx.blocks):
        h = block.heading
        if block.kind != "item" or block.parent is not None or h is None:
            continue
        items[h] = items.get(h, 0) + 1
        text = block.text
        if len(text) > MAX_LINE or ("\n" in text and not _KEY_LINE.match(text)):
            continue  # an entry is one line, or a key's line over its answer's ("**定义**：  ")
        if block.children:
            if len(text) > _MAX_KEY_LINE:
                continue  # a sentence over its details, not a key over its answer
        elif not _COLON_EARLY.search(text, 0, _MAX_KEY_LINE):
            continue  # most items: no key before a colon near their start
        m = _ENTRY.match(text)
        if m is not None:
            found.append((n, h, (m.group("bold") or m.group("key")).casefold()))
    sections: dict[tuple[int | None, int], dict[str, set[int]]] = {}  # group -> key -> headings
    for _, h, key in found:
        group = (ctx.above[h], ctx.blocks[h].level)
        sections.setdefault(group, {}).setdefault(key, set()).add(h)
    for keys in sections.values():
        shared = Counter(h for holders in keys.values() if len(holders) > 1 for h in holders)
        if sum(count >= MIN_SHARED_KEYS for count in shared.values()) >= MIN_SHEET_SECTIONS:
            return [(n, h) for n, h, _ in found]
    return []


def _names_part(key: str, title: str) -> bool:
    """`key` is a word or words of the note's title (`毫米波雷达` of `毫米波雷达-激光雷达`)."""
    title = title.casefold()
    at = title.find(key)
    while at >= 0:
        end = at + len(key)
        if (at == 0 or not title[at - 1].isalnum()) and (
            end == len(title) or not title[end].isalnum()
        ):
            return True
        at = title.find(key, at + 1)
    return False


def _subject(ctx: Context, h: int, again: bool) -> str:
    """What section `h` is about: its heading's name, after the heading above when the note
    names another section so too (`again`: `Formal commands › Regulars`, `Informal commands ›
    Regulars`)."""
    title = naming_heading(ctx, h)
    above = ctx.above[h]
    if not again or above is None or h in ctx.organising:  # a slot's name holds its owner's
        return title
    return f"{naming_heading(ctx, above)} › {title}"


def _entries_of(ctx: Context, h: int) -> bool:
    """Heading `h` names a subject whose attributes its entries give: not a date (a journal's or
    a meeting's entry), one of a numbered series (`Week 3`, `Meeting 2`), an example, a
    question or a file."""
    title = heading_title(ctx.blocks[h])
    if not title or is_record(title) or is_example_heading(title) or is_question(title):
        return False  # a question's section answers it: its items are parts of the answer
    return "`" not in ctx.blocks[h].text and _FILE_TITLE.search(title) is None
    # ("1. `notes_0718.md`", "`figs/` 文件夹": an index of files, not subjects)


def is_record(title: str) -> bool:
    """A heading over a record of what happened, not a subject: a date (a journal's or a
    meeting's entry) or one of a numbered series (`Week 3`, `Meeting 2`, `Lemma 4`)."""
    return (
        _DATE.search(title) is not None
        or NUMBERED_LABEL.match(title) is not None
        or _SERIES_TITLE.match(title) is not None
    )


def _read(text: str, nested: bool) -> Entry | None:
    """The entry an item gives: `key: value` on one line, or a key alone (`- treatment`,
    `- **Cause:**`) over the items nested under it."""
    if _TASK.match(text):
        return None  # "[ ] buy milk": a task, whatever it says
    m = _ENTRY.match(text)
    if m is None:
        return None
    key = (m.group("bold") or m.group("key") or "").strip()
    rest = m.group("rest").strip()
    head = text[: m.start("rest")]
    colon = ":" in head or "：" in head
    if "\n" in rest or not _is_key(key):
        return None
    if not rest:  # a key alone: plain ("- treatment"), or a label ("- **Symptoms:**")
        return Entry(key, "", labelled=colon or bool(m.group("bold"))) if nested else None
    if not colon or nested or is_link_only(rest) or PLACEHOLDER.match(strip_markup(rest)):
        return None  # "**Term** rest": a term run into its text; a link; "TBD"
    if is_value(rest):
        return None  # "servings: 4", "time: 20 min": a recipe's or a log's measure
    return Entry(key, rest)


def _is_key(key: str) -> bool:
    """A short name of an attribute: a few words, no figure or sentence mark, no metadata field
    (`author`, `date`)."""
    plain = strip_markup(key).strip()
    if not plain or _NOT_A_KEY.search(plain) or _is_field(plain):
        return False
    most = MAX_KEY_CJK if has_cjk(plain) else MAX_KEY_WORDS
    return units(plain) <= most and not is_example_heading(plain)


def _is_field(key: str) -> bool:
    """A metadata field, or a kind of one: `author`, `first author`, `代表性作者`."""
    if FIELD_NAME.match(key):
        return True
    if not has_cjk(key):
        return FIELD_NAME.match(key.rsplit(None, 1)[-1]) is not None
    return any(FIELD_NAME.match(key[-k:]) for k in range(2, min(len(key), 5)))
