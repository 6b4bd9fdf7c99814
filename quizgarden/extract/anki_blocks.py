"""Cards written for the Obsidian_to_Anki plugin: `START`/`END` block notes, `STARTI … ENDI`
inline notes, and the `TARGET DECK` and `FILE TAGS` lines that file them.

    TARGET DECK: Biology
    START
    Basic
    Which organelle makes ATP?
    Back: The **mitochondrion**.
    Tags: cells energy
    <!--ID: 1706231523626-->
    END

    - STARTI [Basic] Which base pairs with adenine? Back: Thymine. ENDI

The plugin's own syntax, read as it reads it: the line after `START` names the note type; the
first field may go without its prefix (`Front:`, `Text:` for a cloze), every other field starts
a line with `Name:` and runs to the next prefix, so a back keeps its lists, quotes and math as
written. A `Tags: a b` line and the `<!--ID: …-->` the plugin writes end the note and are no part
of any field. `Basic (and reversed card)` makes a card each way (`Basic (optional reversed
card)` when its `Add Reverse` field is filled), `Cloze` a card per `{{cN::…}}` number (the
plugin's `{curly}` and `==highlight==` clozes count where the vault's settings turn them on, in a
type named with "Cloze", as the plugin converts them; else they are left as text). A type the
vault's settings list with its fields (`fields_dict`) is split by those names, as the plugin
splits it: the first field of a basic-like type is the front, the next its back, later fields
with text follow under their names; a cloze-like type asks its first field holding a deletion,
its other fields following the answer. Any other type is read as Basic, or, when its fields have
names of their own (`Vorderseite:`, `Rückseite:`), first field to front and the rest to back.
The first `TARGET DECK` of a file (`TARGET DECK: X`, or `X` on the next line) is the deck of
every card of the note, as the plugin files every note of the file by it, and its `FILE TAGS`
are added to each. These cards are explicit: their lines are claimed, and no mined rule reads them.

The plugin lets a vault rename its marker lines (`START_CARD`/`END_CARD`, `TARGET_DECK`); the
vault's plugin settings name them (`notes/plugins.py`). A note copied out of its vault is read by
the plugin's own shape instead: a line of capitals right above an Anki note type (`START_CARD`
over `Basic`) opens a note, the line of capitals that closes each such note ends it, and a line of
capitals naming a deck (`TARGET_DECK: X`) files it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from ..model import AnkiSyntax, Candidate, CardType
from .context import Context, clean_card_text
from .deletions import CLOZE, curly_to_cloze, numbered
from .fields import opens_with

RULE = "anki"

_DEFAULT = AnkiSyntax()
#: a marker line a vault may choose: words of capitals and digits (`START_CARD`, `TARGET DECK`)
_MARKER = re.compile(r"[A-Z][A-Z0-9]*(?:[ _-][A-Z0-9]+)*")
#: what makes a renamed marker line in a note copied out of its vault: a deck line or a tags line
_DECK_WORD, _TAGS_WORD = "DECK", "TAGS"
_ID = re.compile(r"(?:<!--)?ID: (\d+)")  # what the plugin appends: "<!--ID: 1706231523626-->"
_TAGS = "Tags:"
_INLINE_TAGS = re.compile(r"(?:^|\s)Tags: (.*)$")
#: field names by kind of note type (Anki's built-in types; `Extra` is Cloze's older name)
_BASIC_FIELDS: tuple[str, ...] = ("Front", "Back", "Add Reverse")
_CLOZE_FIELDS: tuple[str, ...] = ("Text", "Back Extra", "Extra")


@dataclass(frozen=True)
class Filing:
    """Where the file puts its cards: the deck of its first `TARGET DECK`, the tags of its first
    `FILE TAGS`, and the body lines these settings take."""

    deck: str | None
    tags: tuple[str, ...]
    lines: tuple[int, ...]

    def apply(self, card: Candidate) -> Candidate:
        """`card` in this deck (unless it names its own) and with these tags after its own."""
        if self.deck is None and not self.tags:
            return card
        tags = tuple(dict.fromkeys((*card.tags, *self.tags)))
        return replace(card, deck=card.deck or self.deck, tags=tags)


NO_FILING = Filing(None, (), ())


def find(ctx: Context) -> Iterator[Candidate]:
    syntax = syntax_of(ctx)
    if syntax is None:
        return
    first = ctx.note.body_line
    for n in filing(ctx, syntax).lines:
        ctx.claim(first + n, first + n)
    cards: list[Candidate] = []
    n = 0
    while n < len(ctx.lines):
        if ctx.lines[n].rstrip() == syntax.begin and _usable(ctx, n):
            end = _block_end(ctx, n, syntax)
            if end is not None:
                found = _block(ctx, n, end, syntax)
                if found is not None:
                    ctx.claim(first + n, first + end)
                    cards.extend(found)
                    n = end + 1
                    continue
        n += 1
    begin, close = syntax.begin_inline, syntax.end_inline
    for n, raw in enumerate(ctx.lines):
        if begin not in raw or first + n in ctx.claimed or not _usable(ctx, n):
            continue
        # no note runs past the last end marker: a search stops there, not at the end of the line
        notes = _inline_pattern(begin, close).finditer(raw, 0, raw.rfind(close) + len(close))
        found_inline = [card for m in notes for card in _inline(m, first + n, syntax)]
        if found_inline:
            ctx.claim(first + n, first + n)
            cards.extend(found_inline)
    for kind, pattern in syntax.custom:
        cards.extend(_pattern_notes(ctx, kind, pattern, syntax))
    yield from cards


#: what the plugin lets follow a vault's own pattern: a `Tags:` line, then the id it wrote
_TAG_PATTERN, _ID_PATTERN = r"(Tags: .*)", r"\n?(?:<!--)?(?:ID: (\d+).*)"


def _pattern_notes(ctx: Context, kind: str, pattern: str, syntax: AnkiSyntax) -> list[Candidate]:
    """The notes of type `kind` a vault's own pattern finds, as the plugin finds them: with an
    id and tags after it first, then without, each match outside code and outside the plugin's
    other notes; a match's groups are the note type's fields in order."""
    body, first = ctx.note.body, ctx.note.body_line
    cards: list[Candidate] = []
    for with_id in (True, False):
        for with_tags in (True, False):
            full = pattern + (_TAG_PATTERN if with_tags else "") + (_ID_PATTERN if with_id else "")
            for m in _compiled(full).finditer(body):
                if m.end() == m.start():
                    continue
                top = body.count("\n", 0, m.start())
                # the id the plugin writes is an HTML comment, on a line of its own: not one the
                # rules read, so only the lines above it must be
                text_end = m.start(m.lastindex or 0) if with_id else m.end()
                text_lines = body.count("\n", m.start(), text_end) + (0 if with_id else 1)
                lines = range(first + top, first + top + m.group().count("\n") + 1)
                if not _found_in_text(ctx, first + top, first + top + max(text_lines, 1) - 1):
                    continue
                if any(n in ctx.claimed for n in lines):
                    continue
                ctx.claim(lines.start, lines.stop - 1)
                groups = [g or "" for g in m.groups()]
                block_id = groups.pop() if with_id else None
                tags = tuple(groups.pop().removeprefix("Tags:").split()) if with_tags else ()
                fields = dict(zip(_field_names(kind, syntax), groups, strict=False))
                fields = _unlabelled(fields, ctx.separators.question, ctx.separators.answer)
                found = _note(kind, fields, first + top, syntax)
                cards.extend(_filed(c, block_id, tags) for c in found)
    return cards


def _found_in_text(ctx: Context, start: int, end: int) -> bool:
    """A match of a vault's own pattern on file lines `start` to `end` is a note of the plugin's
    where it neither opens nor closes inside fenced code (a pattern shown as an example) and no
    line of it is skipped. Its markers may be HTML comments the plugin finds in the raw text
    (`<!--ankiQ-->` over the question, `<!--ankiA-->` over the answer), and its fields may hold
    whole code blocks (an answer that is code): Markdown hides the one and fences the other,
    and the plugin reads both."""
    fenced = ctx.fenced_lines
    return (
        start not in fenced
        and end not in fenced
        and ctx.skipped_lines.isdisjoint(range(start, end + 1))
    )


def _unlabelled(fields: dict[str, str], question: str, answer: str) -> dict[str, str]:
    """A vault's own pattern that takes `Q: …` / `A: …` lines whole keeps the markers the author
    typed to tell the two sides apart: they label the fields, they are not what is asked or
    answered (the `qa` rule, which leaves such lines to this one, drops them too)."""
    front, back = fields.get("Front", "").lstrip(), fields.get("Back", "").lstrip()
    if not (opens_with(front, question) and opens_with(back, answer)):
        return fields
    return {**fields, "Front": front[len(question) :], "Back": back[len(answer) :]}


@lru_cache(maxsize=32)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.MULTILINE)


def _usable(ctx: Context, n: int) -> bool:
    """Body line `n` is one of the plugin's lines: not code, but it may be in an HTML block (the
    plugin reads a note's text as it is, and a `<center>` line before `END` makes the `END` line
    part of one)."""
    line = ctx.note.body_line + n
    return ctx.usable(line) or line in ctx.html_lines


def syntax_of(ctx: Context) -> AnkiSyntax | None:
    """The plugin's markers as this note uses them: the vault's, or where the note has none of
    them, markers of its own read from the plugin's shape (see the module's docstring). None for
    a note with no line of the plugin's, as nearly every note: one pass in C tells. Read once a
    note (the rule and the filing of the note's cards both ask)."""
    if ctx.anki_syntax is False:
        ctx.anki_syntax = _syntax_of(ctx)
    return ctx.anki_syntax


def _syntax_of(ctx: Context) -> AnkiSyntax | None:
    vault = ctx.separators.anki
    body = ctx.note.body
    if "\nBasic" in body or "\nCloze" in body:  # a note type named: most notes name none
        # the vault's note types and cloze switches are no marker of its
        plain = replace(vault, fields=(), curly_cloze=False, highlight_cloze=False)
        own = _own_syntax(ctx) if plain == _DEFAULT else None
        if own is not None and own.begin != vault.begin:
            return own
    markers = (vault.begin, vault.deck, vault.tags, vault.begin_inline)
    return vault if vault.custom or any(marker in body for marker in markers) else None


def _own_syntax(ctx: Context) -> AnkiSyntax | None:
    """Markers read from the note: the line of capitals most often right above a note type, and
    the line of capitals that first follows each of those; None when none closes."""
    lines = ctx.lines
    opened = Counter(
        lines[n].rstrip()
        for n in range(len(lines) - 1)
        if lines[n + 1].strip() in _KNOWN and _MARKER.fullmatch(lines[n].rstrip())
    )
    if not opened:
        return None
    begin = opened.most_common(1)[0][0]
    # the first line of capitals at or after each line, found in one pass from the end
    next_marker: list[str | None] = [None] * (len(lines) + 2)
    for n in range(len(lines) - 1, -1, -1):
        line = lines[n].rstrip()
        next_marker[n] = line if _MARKER.fullmatch(line) else next_marker[n + 1]
    closed = Counter(
        after
        for n, line in enumerate(lines)
        if line.rstrip() == begin and (after := next_marker[n + 2]) not in (None, begin)
    )
    if not closed:
        return None
    end = closed.most_common(1)[0][0]
    named = {
        word: next((m.group(1) for m in map(_file_line, lines) if m and word in m.group(1)), None)
        for word in (_DECK_WORD, _TAGS_WORD)
    }
    return AnkiSyntax(
        begin=begin,
        end=end,
        deck=named[_DECK_WORD] or _DEFAULT.deck,
        tags=named[_TAGS_WORD] or _DEFAULT.tags,
    )


def _file_line(line: str) -> re.Match[str] | None:
    """`KEY: value` or `KEY` alone, KEY a line of capitals: the shape of a deck or tags line."""
    return _FILE_LINE.match(line) if line[:1].isupper() else None


_FILE_LINE = re.compile(rf"^({_MARKER.pattern})(?::[ \t]+(\S.*?))?[ \t]*$")


@lru_cache(maxsize=8)
def _inline_pattern(begin: str, end: str) -> re.Pattern[str]:
    """An inline note: `[type]` in group 1, its text up to the end marker in group 2."""
    return re.compile(rf"{re.escape(begin)}\s*\[([^\[\]\n]*)\](.*?){re.escape(end)}")


def filing(ctx: Context, syntax: AnkiSyntax | None = None) -> Filing:
    """The file's first deck line and first tags line (`TARGET DECK`, `FILE TAGS`), outside
    code. The plugin files every card of the file by them (its regex-styled cards too), so
    `extract_note` applies them to each card of the note that has no deck of its own."""
    syntax = syntax or syntax_of(ctx)
    if syntax is None:
        return NO_FILING
    body = ctx.note.body
    if syntax.deck not in body and syntax.tags not in body:
        return NO_FILING
    deck: str | None = None
    tags: tuple[str, ...] = ()
    lines: list[int] = []
    seen: set[str] = set()
    for n, raw in enumerate(ctx.lines):
        if not raw.startswith((syntax.deck, syntax.tags)):
            continue
        m = _file_line(raw)
        if m is None or m.group(1) not in (syntax.deck, syntax.tags) or not _usable(ctx, n):
            continue
        value, taken = m.group(2), [n]
        below = ctx.lines[n + 1].strip() if n + 1 < len(ctx.lines) else ""
        if value is None and below != syntax.begin and _usable(ctx, n + 1):
            value, taken = below, [n, n + 1]
        if not value:
            continue
        lines.extend(taken)
        if m.group(1) in seen:
            continue  # the plugin reads the first of each
        seen.add(m.group(1))
        if m.group(1) == syntax.deck:
            deck = "::".join(p.strip() for p in re.split(r"::|/", value) if p.strip()) or None
        else:
            tags = tuple(value.split())
    return Filing(deck, tags, tuple(lines))


def _block_end(ctx: Context, start: int, syntax: AnkiSyntax) -> int | None:
    """The body line of the end marker closing the block opened at `start`; None when another
    begin marker or the end of the note comes first."""
    for n in range(start + 1, len(ctx.lines)):
        line = ctx.lines[n].rstrip()
        if line == syntax.end and _usable(ctx, n):
            return n
        if line == syntax.begin and _usable(ctx, n):
            return None
    return None


def _block(ctx: Context, start: int, end: int, syntax: AnkiSyntax) -> list[Candidate] | None:
    """The cards of the block note between body lines `start` and `end` (its `START` and
    `END`): [] for a plugin note that asks nothing (an empty back), None for lines that only
    happen to open with `START` and close with `END` (no note type, no field, no tag, no id)."""
    rows = ctx.lines[start + 1 : end]
    while rows and not rows[-1].strip():
        rows.pop()
    block_id = None
    if rows and _ID.match(rows[-1].strip()):
        block_id = _ID.match(rows.pop().strip()).group(1)  # type: ignore[union-attr]
        while rows and not rows[-1].strip():
            rows.pop()
    tags: tuple[str, ...] = ()
    tagged = bool(rows) and rows[-1].startswith(_TAGS)
    if tagged:
        tags = tuple(rows.pop()[len(_TAGS) :].split())
    while rows and not rows[0].strip():
        rows.pop(0)
    if not rows:
        return None
    kind = rows[0].strip()
    names = _field_names(kind, syntax)
    fields, prefixed = _fields(rows[1:], names)
    vault_type = _vault_fields(kind, syntax) is not None
    if not prefixed and not vault_type and kind not in _KNOWN and not _is_cloze(kind):
        own = _own_fields(rows[1:])  # a translated or custom type: "Vorderseite:", "Rückseite:"
        fields, prefixed = (own, True) if own else (fields, False)
    if not (prefixed or tagged or block_id or kind in _KNOWN or vault_type):
        return None
    line = ctx.note.body_line + start
    return [_filed(c, block_id, tags) for c in _note(kind, fields, line, syntax)]


def _filed(card: Candidate, block_id: str | None, tags: tuple[str, ...]) -> Candidate:
    """`card` with the plugin's id (before any `^block-id` of its text) and its note's tags."""
    return replace(card, block_id=block_id or card.block_id, tags=tags)


#: Anki's built-in note types; another name (a custom type) is read as Basic
_KNOWN = frozenset(
    {
        "Basic",
        "Basic (and reversed card)",
        "Basic (optional reversed card)",
        "Basic (type in the answer)",
        "Cloze",
    }
)


def _field_names(kind: str, syntax: AnkiSyntax = _DEFAULT) -> tuple[str, ...]:
    """The field names a note of type `kind` is split by: the vault's for a type it lists
    (the plugin splits by those alone), else Anki's built-in Basic or Cloze ones."""
    own = _vault_fields(kind, syntax)
    if own is not None:
        return own
    return _CLOZE_FIELDS if _is_cloze(kind) else _BASIC_FIELDS


def _vault_fields(kind: str, syntax: AnkiSyntax) -> tuple[str, ...] | None:
    """The field names the vault's settings list for note type `kind` (`fields_dict`), if any."""
    return _vault_types(syntax.fields).get(kind) if syntax.fields else None


@lru_cache(maxsize=8)
def _vault_types(fields: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[str, ...]]:
    return dict(fields)


def _curly(kind: str, syntax: AnkiSyntax) -> bool:
    """The vault's `{curly}` clozes count in this type: the plugin converts them only in a type
    whose name holds "Cloze" (as written: not "cloze")."""
    return syntax.curly_cloze and "Cloze" in kind


def _is_cloze(kind: str) -> bool:
    return "cloze" in kind.lower()


def _fields(rows: list[str], names: tuple[str, ...]) -> tuple[dict[str, str], bool]:
    """Each field's text, as the plugin splits it: a line opening with `Name:` starts field
    `Name`, every other line goes on with the field before it (the first, at the start); and
    whether any line had a prefix."""
    current, prefixed = names[0], False
    values: dict[str, list[str]] = {}
    for row in rows:
        for name in names:
            if row.startswith(name + ":"):
                current, row, prefixed = name, row[len(name) + 1 :], True
                break
        values.setdefault(current, []).append(row)
    return {name: "\n".join(lines) for name, lines in values.items()}, prefixed


#: a field prefix of a note type the plugin's user named: a word or a few, then a colon
_OWN_PREFIX = re.compile(r"([^\W\d_][^:\n]{0,30}?):(?:[ \t]|$)")


def _own_fields(rows: list[str]) -> dict[str, str] | None:
    """Front and back of a note whose type has fields of its own names (a custom type, or
    Basic in a translated Anki: `Vorderseite:`/`Rückseite:`), read from the shape alone: the
    first line opens with a field prefix and another line with a second one. The first field is
    the front; the second is the back, and any later field follows it as written, prefix and
    all. None when the lines do not read so."""
    if not rows or _OWN_PREFIX.match(rows[0]) is None:
        return None
    starts = [k for k, row in enumerate(rows) if _OWN_PREFIX.match(row)]
    if len(starts) < 2:
        return None
    first, second = (_OWN_PREFIX.match(rows[k]) for k in starts[:2])
    assert first is not None and second is not None
    front = [rows[0][first.end() :], *rows[1 : starts[1]]]
    back = [rows[starts[1]][second.end() :], *rows[starts[1] + 1 :]]
    return {"Front": "\n".join(front), "Back": "\n".join(back)}


@lru_cache(maxsize=64)
def _inline_field(names: tuple[str, ...]) -> re.Pattern[str]:
    """An inline note's field prefix: a word of its own, "Back:" (not "Backend:")."""
    return re.compile(rf"(?:^|\s)({'|'.join(map(re.escape, names))}):(?=\s|$)")


def _inline(m: re.Match[str], line: int, syntax: AnkiSyntax) -> list[Candidate]:
    """The cards of one inline note: `[type]` in group 1, the rest up to `ENDI` in group 2,
    split at the words that are a field prefix (`Back:`), as the plugin splits it; its tags
    (`Tags: a b`) and id (`<!--ID: …-->`) close it and are no part of a field."""
    kind, text = m.group(1).strip(), m.group(2)
    block_id = None
    found = _ID.search(text)
    if found:
        block_id, text = found.group(1), text[: found.start()]
    tags: tuple[str, ...] = ()
    found = _INLINE_TAGS.search(text.rstrip())
    if found:
        tags, text = tuple(found.group(1).split()), text[: found.start()]
    names = _field_names(kind, syntax)
    fields: dict[str, str] = {}
    current, last = names[0], 0
    for prefix in _inline_field(names).finditer(text):
        fields[current] = fields.get(current, "") + text[last : prefix.start()]
        current, last = prefix.group(1), prefix.end()
    fields[current] = fields.get(current, "") + text[last:]
    return [_filed(c, block_id, tags) for c in _note(kind, fields, line, syntax)]


def _note(
    kind: str, fields: dict[str, str], line: int, syntax: AnkiSyntax = _DEFAULT
) -> list[Candidate]:
    """The cards one plugin note of type `kind` makes from its `fields` (by field name)."""
    names = _vault_fields(kind, syntax)
    if names is not None:
        if kind not in _KNOWN:
            return _typed_note(kind, names, fields, line, syntax)
        # a built-in type by the vault's names for its fields (a translated Anki): by place
        built_in = zip(_field_names(kind), names, strict=False)
        fields = {own: fields.get(name, "") for own, name in built_in}
    if _is_cloze(kind):
        text = fields.get("Text", "")
        if _curly(kind, syntax):
            text = curly_to_cloze(text, syntax.highlight_cloze)
        extra = clean_card_text(fields.get("Back Extra") or fields.get("Extra") or "")[0]
        return _cloze_cards(text, extra, line)
    front, front_id, front_deck = clean_card_text(fields.get("Front", ""))
    back, back_id, back_deck = clean_card_text(fields.get("Back", ""))
    if not front or not back:
        return []
    lower = kind.lower()
    reverse = "reversed" in lower and (
        "optional" not in lower or bool(fields.get("Add Reverse", "").strip())
    )
    card_type: CardType = "reversed" if reverse else "basic"
    block_id, deck = front_id or back_id, front_deck or back_deck
    out = [Candidate(RULE, card_type, front, back, line, block_id=block_id, deck=deck)]
    if reverse:
        out.append(replace(out[0], front=back, back=front, side=1))
    return out


def _cloze_cards(text: str, extra: str, line: int) -> list[Candidate]:
    """The cards of one cloze note's `text`, each with the note's `extra` fields after its
    answer."""
    text, block_id, deck = clean_card_text(text)
    return [
        replace(
            c,
            rule=RULE,
            back=c.back + "\n\n" + extra if extra else c.back,
            block_id=block_id,
            deck=deck,
        )
        for c in numbered(text, line)
    ]


#: a field that only shows images: `![[a.png]]`, `![](a.png)`, `<img src=…>`
_IMAGES_ONLY = re.compile(r"(?:!\[\[[^\]\n]*\]\]|!\[[^\]\n]*\]\([^)\n]*\)|<img\b[^>]*>|\s)+")


def _typed_note(
    kind: str, names: tuple[str, ...], fields: dict[str, str], line: int, syntax: AnkiSyntax
) -> list[Candidate]:
    """The cards of a note of one of the vault's own types (`fields_dict`), split by its field
    names. A type named with "cloze": the first field holding a deletion (a curly one too, where
    the vault turned `CurlyCloze` on) is the cloze text, and the other fields with text follow
    the answer as written, in the type's order (a `Title` first); none, no card. Any other type:
    the first field is the front; the second is the back, later fields with text follow it under
    their names (`Examples: …`); empty fields and fields of images only are left out."""
    heads = {name + ":" for name in names}
    values = [
        (name, "\n".join(r for r in fields.get(name, "").split("\n") if r.strip() not in heads))
        for name in names
    ]
    if _is_cloze(kind):
        convert = _curly(kind, syntax)
        texts = [curly_to_cloze(v, syntax.highlight_cloze) if convert else v for _, v in values]
        k = next((j for j, text in enumerate(texts) if CLOZE.search(text)), None)
        if k is None:
            return []
        context = [
            shown for j, (_, value) in enumerate(values) if j != k and (shown := _shown(value))
        ]
        return _cloze_cards(texts[k], "\n\n".join(context), line)
    back = [
        shown if name == names[1] else f"{name}: {shown}"
        for name, value in values[1:]
        if name != "Add Reverse" and (shown := _shown(value))
    ]
    basic = {"Front": values[0][1], "Back": "\n\n".join(back)}
    if "Add Reverse" in fields:
        basic["Add Reverse"] = fields["Add Reverse"]
    return _note(kind, basic, line)


def _shown(value: str) -> str:
    """A field's text as a card shows it; empty for a field of images only."""
    text = clean_card_text(value)[0]
    return "" if _IMAGES_ONLY.fullmatch(text) else text
