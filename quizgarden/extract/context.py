"""What every rule sees: the note, its blocks and lines, and which lines are off limits."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import PurePosixPath
from typing import Literal

from ..model import MAX_MINED_LINE, AnkiSyntax, Note, Separators
from ..scanning import GROUP_1, skipping_sub
from .blocks import CODE_KINDS, Block, parse_blocks, prepare
from .lang import (
    GENERIC_FRONT,
    RELATED,
    RELATED_WIDTH,
    SECTION_LABEL_HEADING,
)
from .marks import without_marks
from .proofs import proof_blocks
from .separators import inline_separators, multiline_separators
from .text import (
    NOTE_CACHE,
    is_label_word,
    is_link_only,
    is_list_label,
    is_structural,
    strip_markup,
    strip_numbering,
    units,
)

_WIKILINK = re.compile(r"\[([^\]\n]*)\]\(#wikilink\)")
_LABEL_END = re.compile(r"[\]\n]")
_HEXO_TAG = re.compile(r"\{%.*?%\}")
_MD_ESCAPE = re.compile(r"\\([_*#|\[\]~`])")
_MATH_SPAN = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.S)
_FONT_TAG = re.compile(r"</?(?:font|span|u|center)\b[^>\n]*>", re.I)
#: A line break typed as HTML, in every form editors and hands write it: `<br>`, `<br/>`,
#: `<br />`, `<BR>`, `<br clear="all">`, and the closing `</br>` browsers read as one too.
HTML_BREAK = re.compile(r"<\s*/?\s*br\b[^<>\n]*>", re.I)
_BREAK = re.compile(rf"[ \t]*(?:{HTML_BREAK.pattern})[ \t]*", re.I)
_SR_COMMENT = re.compile(r"\s*<!--SR:[^>]*-->")
_BLOCK_ID = re.compile(r"\s+\^([A-Za-z0-9-]+)\s*$")
_DECK_TAG = re.compile(r"(?<![\w#])#flashcards(?:/([\w\-/]+))?")
#: The Flashcards plugin's numbered cloze, `{1:text}`; not a LaTeX group (`x_{1:n}`, `\\frac{1:2}`)
PLUGIN_CLOZE = re.compile(r"(?<![\w\\_^$}])\{(\d{1,2}):(?=\S)(?=[^{}\n]*[^\W\d_]{2})([^{}\n]+?)\}")
#: The cheap test before PLUGIN_CLOZE: a literal first, so the scan is fast.
PLUGIN_HINT = re.compile(r"\{\d{1,2}:\S")
# a `#card` tag: the note is written for the Flashcards plugin
_CARD_TAG = re.compile(r"#(?:card|flashcard)(?![\w])", re.I)


#: HTML blocks whose content is no text of the note: comments, code, scripts, styles
_RAW_HTML = re.compile(r"\s*<(?:!--|(?:pre|script|style|textarea)\b)", re.I)


@dataclass
class Context:
    """A parsed note. `claimed` holds file lines an earlier rule turned into cards."""

    note: Note
    blocks: list[Block]
    lines: list[str]
    #: `lines` joined: the body as the rules read it (`prepare`d), for a test in C before a
    #: rule reads it line by line
    text: str
    separators: Separators
    code_lines: frozenset[int]
    skipped_lines: frozenset[int]
    junk_blocks: frozenset[int]
    highlights: bool
    flashcard_note: bool = False  # tagged #flashcards: every `key::value` is a card, not metadata
    bold_clozes: bool = False  # the vault's OSR settings make `**bold**` a cloze in this note
    curly_clozes: bool = False  # `{{text}}` is a cloze in this note (OSR's curly-bracket clozes)
    #: separators this note uses besides the vault's (see `separators.py`), most used first
    inline_marks: tuple[str, ...] = ()
    multiline_marks: tuple[str, ...] = ()
    #: the Flashcards plugin's card tags besides `#card`: the vault's and this note's own
    card_tags: tuple[str, ...] = ()
    claimed: set[int] = field(default_factory=set)
    #: for each block, the heading it belongs to (see `heading_above`), found in one pass
    above: list[int | None] = field(default_factory=list)
    #: headings that organise a section rather than name a thing (see `organising_headings`)
    organising: frozenset[int] = frozenset()
    #: the Obsidian_to_Anki plugin's markers as this note uses them (`anki_blocks.syntax_of`),
    #: None where it has none; False until read
    anki_syntax: AnkiSyntax | Literal[False] | None = False

    @cached_property
    def sibling_title(self) -> int | None:
        """The first `#` heading when the note's title is taken from it yet it is only the
        first of a run of sibling entries: another `#` heading follows, and the next heading
        after it is one (it holds no sub-heading). Headings of one level are siblings:
        "# Charitable Donations" over a paragraph, then "# Consideration", "# Death", … is the
        first entry of an outline, not what the others are part of. A title over parts
        ("# Grundlagen der BWL" + "## Inhalt", then "# Einführung") stays over them."""
        heads = [n for n, b in enumerate(self.blocks) if b.kind == "heading"]
        if len(heads) < 2 or self.blocks[heads[0]].level != 1:
            return None
        first, after = self.blocks[heads[0]], self.blocks[heads[1]]
        if after.level != 1 or first.text.strip() != self.note.title.strip():
            return None
        return heads[0]

    def line_text(self, line: int) -> str:
        return self.lines[line - self.note.body_line]

    def usable(self, line: int) -> bool:
        """A line explicit rules may read: not code, not skipped."""
        return line not in self.code_lines and line not in self.skipped_lines

    @cached_property
    def html_lines(self) -> frozenset[int]:
        """Lines of the note's HTML blocks, but for comments and `<pre>`, `<script>`, `<style>`
        or `<textarea>` ones: markup a card written for a plugin may hold, whose block runs on
        to the next blank line (`<center>$x$</center>` in a field, then the note's end marker)."""
        return frozenset(
            n
            for block in self.blocks
            if block.kind == "html" and not _RAW_HTML.match(block.text) and not block.skipped
            for n in range(block.line, block.end + 1)
        )

    @cached_property
    def table_lines(self) -> frozenset[int]:
        """Lines of the note's tables: a cell is a cell, even where its text holds a card
        separator (`| Ethosuximide | Seizure :: absence |`, a qualifier the author set off)."""
        return frozenset(
            n
            for block in self.blocks
            if block.kind == "table"
            for n in range(block.line, block.end + 1)
        )

    def claim(self, first: int, last: int) -> None:
        self.claimed.update(range(first, last + 1))

    @cached_property
    def heading_titles(self) -> frozenset[str]:
        """The note's heading titles, numbering off and case folded: found once a note for the
        rules that ask whether a term has a section of its own (asking every block, item by
        item, was quadratic in a long list)."""
        return frozenset(
            strip_numbering(heading_title(block)).casefold()
            for block in self.blocks
            if block.kind == "heading"
        )

    @cached_property
    def before_items(self) -> list[int]:
        """For each block, the last block before it that is not a list item (-1 if none): found
        once a note, in one pass (walking back from every item of a 10,000-item list was
        quadratic), for the rules that read a list with what leads into it."""
        out, last = [], -1
        for n, block in enumerate(self.blocks):
            out.append(last)
            if block.kind != "item":
                last = n
        return out

    @cached_property
    def lists(self) -> dict[tuple[int | None, int | None, int], list[int]]:
        """The list items of the note by the list they make up: one heading, one parent item and
        one lead-in (`before_items`), in order; found once a note for the rules that weigh a
        list by its items."""
        out: dict[tuple[int | None, int | None, int], list[int]] = {}
        before = self.before_items
        for n, block in enumerate(self.blocks):
            if block.kind == "item":
                out.setdefault((block.heading, block.parent, before[n]), []).append(n)
        return out

    @cached_property
    def prose(self) -> list[tuple[int, Block]]:
        """The free paragraphs and list items, by index: the blocks most mined rules read, found
        once a note (each such rule walked every block and asked each whether it was free),
        after the explicit rules' claims as `paragraph_runs`."""
        return [
            (n, block)
            for n, block in enumerate(self.blocks)
            if (block.kind == "paragraph" or block.kind == "item") and self.free(block)
        ]

    @cached_property
    def one_line_items(self) -> list[tuple[int, Block]]:
        """The free list items of one line, by index: what a glossary list is made of (see
        `shape.glossary_lists`, and the `arrow` rule's `Term (gloss)` lists), found once a note,
        after the explicit rules' claims as `paragraph_runs`."""
        return [
            (n, block) for n, block in self.prose if block.kind == "item" and "\n" not in block.text
        ]

    @cached_property
    def paragraph_runs(self) -> list[list[tuple[int, int, str]]]:
        """The free paragraphs that may hold a glossary written without list marks, each as its
        lines (block, offset in it, text): a paragraph of softbroken lines, or a run of one-line
        paragraphs under one heading (a one-line paragraph alone is left out). Found once a note
        for the rules that read such glossaries (`shape.glossary_paragraphs`); read after every
        explicit rule has claimed its lines, as only mined rules ask for it."""
        runs: list[list[int]] = []
        for n, block in enumerate(self.blocks):
            if block.kind != "paragraph" or not self.free(block):
                continue
            if "\n" in block.text:
                runs.append([n])
                continue
            last = runs[-1] if runs else None
            if (  # a one-line paragraph joins the run of one-line paragraphs right before it
                last is not None
                and last[-1] == n - 1
                and "\n" not in self.blocks[last[0]].text
                and self.blocks[last[0]].heading == block.heading
            ):
                last.append(n)
            else:
                runs.append([n])
        return [
            [(n, k, line) for n in run for k, line in enumerate(self.blocks[n].text.split("\n"))]
            for run in runs
            if len(run) > 1 or "\n" in self.blocks[run[0]].text
        ]

    @cached_property
    def fenced_lines(self) -> frozenset[int]:
        """File lines inside fenced or indented code: markup shown as an example there (a
        disclosure block, a plugin's card) is no card. `code_lines` holds more: HTML comment
        lines too, which some plugins write their cards between. Read once a note: a vault's
        own card pattern asks it of every match."""
        return frozenset(
            line
            for block in self.blocks
            if block.kind in {"fence", "code"}
            for line in range(block.line, block.end + 1)
        )

    def free(self, block: Block) -> bool:
        """A block mined rules may read: not skipped, not junk, not already made into cards."""
        return (
            not block.skipped
            and id(block) not in self.junk_blocks
            and (not self.claimed or self.claimed.isdisjoint(range(block.line, block.end + 1)))
        )


def build_context(note: Note, separators: Separators) -> Context:
    body = prepare(note.body)
    blocks = parse_blocks(body, note.body_line)
    code: set[int] = set()
    skipped: set[int] = set()
    for block in blocks:
        lines = range(block.line, block.end + 1)
        if block.kind in CODE_KINDS or block.kind.startswith("skip"):
            code.update(lines)
        if block.skipped:
            skipped.update(lines)
    body_lines = body.split("\n")
    long_lines = (  # the lengths are compared in C first: almost no note has such a line
        [n + note.body_line for n, ln in enumerate(body_lines) if len(ln) > MAX_MINED_LINE]
        if max(map(len, body_lines)) > MAX_MINED_LINE
        else []
    )
    long = {id(block) for block in blocks if _holds_any(block, long_lines)} if long_lines else set()
    above = _headings_above(blocks)
    flashcard_note = is_flashcard_note(note, separators)
    flashcard_note = flashcard_note or (
        "#flashcards" in body
        and any(_DECK_TAG.search(line) for line in body_lines if "#flashcards" in line)
    )
    # the Spaced Repetition plugin writes its schedule comments only into the notes it reviews,
    # whatever tag the vault marks them with (`#myanki`, set in the plugin's settings)
    flashcard_note = flashcard_note or "<!--SR:" in body
    code_or_skipped = frozenset(code | skipped)
    taken = {separators.inline, separators.inline_reversed}
    inline_marks = inline_separators(body_lines, code_or_skipped, note.body_line, taken, body)
    taken = {separators.multiline, separators.multiline_reversed}
    multiline_marks = multiline_separators(body_lines, code_or_skipped, note.body_line, taken, body)
    own_marks = bool(inline_marks or multiline_marks)
    flashcards_plugin = (
        "{" in body
        and PLUGIN_HINT.search(body) is not None
        and PLUGIN_CLOZE.search(body) is not None
    )
    card_tags = tuple(t for t in (separators.card_tag, note.card_tag) if t and t != "card")
    flashcards_plugin = (
        flashcards_plugin
        or any("#" + t in body for t in card_tags)
        or ("#" in body and _CARD_TAG.search(body) is not None)
    )
    # a note written with its own separators, or for the Flashcards plugin, is a flashcard note:
    # its highlights are clozes
    card_note = flashcard_note or own_marks or flashcards_plugin
    highlight_rule = note.settings.enabled_rules >= {"highlight"}  # the author turned it on
    highlights = separators.highlight_cloze and card_note
    # the plugin's `convertBoldTextToClozes`: bold text is a cloze there too
    bold = separators.bold_cloze and card_note
    # and `convertCurlyBracketsToClozes`, whatever the switch for highlights says
    curly = separators.curly_cloze is not False and (card_note or highlight_rule)
    return Context(
        note=note,
        blocks=blocks,
        lines=body_lines,
        text=body,
        separators=separators,
        code_lines=frozenset(code),
        skipped_lines=frozenset(skipped),
        junk_blocks=frozenset(_junk_blocks(blocks, long) | long | proof_blocks(blocks)),
        highlights=highlights or highlight_rule,
        flashcard_note=flashcard_note,
        bold_clozes=bold,
        curly_clozes=curly,
        inline_marks=inline_marks,
        multiline_marks=multiline_marks,
        card_tags=card_tags,
        above=above,
        organising=organising_headings(blocks, above),
    )


def is_flashcard_note(note: Note, separators: Separators) -> bool:
    """Whether the author marked `note` for flashcards: `#flashcards` (or `#flashcards/deck`),
    or one of the flashcard tags the vault's Spaced Repetition settings name."""
    tags = {"flashcards", *separators.flashcard_tags}
    return any(t in tags or t.split("/", 1)[0] in tags for t in note.tags)


def _headings_above(blocks: list[Block]) -> list[int | None]:
    """For each block, the nearest heading before it of a higher level (any heading, for a block
    that is not one). A stack keeps this linear: "# h" on every line walked back to the top."""
    above: list[int | None] = []
    stack: list[int] = []  # headings, levels rising
    for n, block in enumerate(blocks):
        level = block.level if block.kind == "heading" else 99
        while stack and blocks[stack[-1]].level >= level:
            stack.pop()
        above.append(stack[-1] if stack else None)
        if block.kind == "heading":
            stack.append(n)
    return above


def organising_headings(blocks: list[Block], above: list[int | None]) -> frozenset[int]:
    """The sub-headings a note repeats under sibling sections: "## 贪婪解码" and "## 束搜索"
    each over "### 原理说明", "### 使用示例", "### 优缺点分析"; "### CJD" and "### NPH" each over
    "#### Causes". A heading the author writes again under each of a run of sections is a slot
    of their template, which organises the section it opens and names nothing of its own, as
    "背景" and "Motivation" do: what is under it belongs to the section above it ("贪婪解码 ›
    核心思想", not "原理说明 › 核心思想"). `above` is `_headings_above(blocks)`."""
    seen: dict[tuple[int | None, int, int, str], list[int]] = {}
    for n, block in enumerate(blocks):
        parent = above[n]
        if parent is None or block.kind != "heading":
            continue
        title = _slot_title(block.text)
        if title:
            owner = blocks[parent]
            # sections are siblings when they sit at one level under one heading (or none)
            key = (above[parent], owner.level, block.level, title)
            seen.setdefault(key, []).append(n)
    out: set[int] = set()
    for members in seen.values():
        # under sections of two or more names: a section pasted twice is no template
        owners = {_slot_title(blocks[above[n] or 0].text) for n in members}
        if len(owners) >= 2:
            out.update(members)
    return frozenset(out)


def _slot_title(heading: str) -> str:
    """A heading as a template slot: its words (`heading_words`), any case."""
    return heading_words(heading).casefold()


def heading_title(block: Block) -> str:
    """A heading's words: markup, numbering and a trailing colon gone."""
    return heading_words(block.text)


@lru_cache(maxsize=NOTE_CACHE)
def heading_words(heading: str) -> str:
    """The words of a heading's text: markup, numbering and a trailing colon gone."""
    return strip_numbering(strip_markup(clean_card_text(heading)[0])).rstrip(":：").strip()


def _holds_any(block: Block, lines: list[int]) -> bool:
    """Whether `block` spans one of `lines` (sorted file line numbers)."""
    k = bisect_left(lines, block.line)
    return k < len(lines) and lines[k] <= block.end


def _junk_blocks(blocks: list[Block], long: set[int]) -> set[int]:
    """Link lists, tables of contents and "related articles" lists: never knowledge."""
    junk: set[int] = set()
    related_until_heading = False
    for block in blocks:
        if id(block) in long:  # too long to be a "related articles" title; mined rules skip it
            related_until_heading = related_until_heading and block.kind != "heading"
            continue
        if block.kind == "heading":
            related_until_heading = RELATED.match(strip_markup(block.text)) is not None
            continue
        if block.kind == "paragraph" and _may_be_related(block.text) and _related(block.text):
            related_until_heading = True
            continue
        if related_until_heading or (block.kind == "item" and is_link_only(block.text)):
            junk.add(id(block))
    return junk


def _related(text: str) -> bool:
    return RELATED.match(strip_markup(text)) is not None


def _may_be_related(text: str) -> bool:
    """Whether `_related(text)` may hold, told in C for a paragraph too long to be a "Related
    posts" label: where no link or HTML tag can be (no `](` or `<`), markup takes off only its
    marks (backticks, `*`, `_`, `=`, `~`), so every other character that is not a space stays,
    and there are more of them than the label has (stripping markup from every paragraph was a
    fiftieth of extraction)."""
    if len(text) <= RELATED_WIDTH or "](" in text or "<" in text:
        return True
    kept = len("".join(text.split())) - sum(map(text.count, "`*_=~"))
    return kept <= RELATED_WIDTH


def section_title(ctx: Context, block: Block) -> str | None:
    """The name of what `block` is about: its parent list item if that is a short label, else its
    heading; None at the top of a note."""
    if block.parent is not None:
        # "- 十八反 <!-- TODO -->": a comment is no part of the label
        first = without_marks(ctx.blocks[block.parent].text.split("\n")[0])
        label = strip_markup(first).strip().rstrip(":：")
        if 0 < units(label) <= 12:
            return label
    return naming_heading(ctx, block.heading) if block.heading is not None else None


def naming_heading(ctx: Context, n: int | None) -> str:
    """The title of heading `n`, or of the first heading above it that names something: "## 总结"
    or "### Advantages" name nothing on their own, and nor does a label ("## TL;DR", "### Key
    Points:"), which asks a term under it as nothing's. The note's title when none does. A slot of
    the template (`organising_headings`) is named after its section: "束搜索 › 优缺点分析"; so is
    a heading that labels an aspect (`LIST_LABEL`): "Stoicism › Characteristics"."""
    start = n
    while n is not None:
        title = naming_title(ctx.blocks[n].text)
        if title is not None and (n in ctx.organising or _aspect_title(title)):
            # "### Advantages:" under "## Content-Based Recommender Systems", as under each of
            # its siblings: a slot of the author's template names its part of the section, and
            # "### Characteristics" names a part of what the heading above it names
            return f"{naming_heading(ctx, heading_above(ctx, n))} › {title.rstrip(':：')}"
        if title is not None:
            return title
        n = heading_above(ctx, n)
    first = ctx.sibling_title
    if first is None or start == first:
        return ctx.note.title
    # a later entry of an outline is no part of its first: placed under the note's file name,
    # as in a note with no title heading
    return PurePosixPath(ctx.note.path).stem


def _aspect_title(title: str) -> bool:
    """A heading that labels an aspect of what the heading above names ("Characteristics",
    "Causes", "Steps", "优点"): asked alone, what is under it names neither."""
    return is_list_label(title.rstrip(":：").strip())


@lru_cache(maxsize=NOTE_CACHE)
def naming_title(heading: str) -> str | None:
    """The title of a heading that names something, else None (a label: "Note", "总结"): asked
    for the section of every block that needs one, so the same headings come again and again."""
    title = strip_numbering(strip_markup(clean_card_text(heading)[0]))
    if title and not (
        is_structural(title)
        or GENERIC_FRONT.match(title)
        or is_label_word(title.rstrip(":："))
        or SECTION_LABEL_HEADING.match(title)
    ):
        return title
    return None


def heading_above(ctx: Context, n: int) -> int | None:
    """The heading that heading (or block) `n` belongs to."""
    return ctx.above[n]


# "…vasospasmo^[Per iperproduzione di NO …]": an inline footnote (Pandoc, Obsidian) is an aside
# the reader opens, not part of the answer; a space inside tells it from an index (`a^[l]`)
_INLINE_FOOTNOTE = re.compile(r"\^\[[^\[\]\n]*\s[^\[\]\n]*\]")


@lru_cache(maxsize=NOTE_CACHE)  # rules ask again for the same headings, and a note may repeat one
def clean_card_text(text: str) -> tuple[str, str | None, str | None]:
    """Strip OSR scheduling comments, inline footnotes, a trailing `^block-id` and deck tags.

    Returns (text, block id, deck from a `#flashcards/deck` tag).
    """
    if "<" in text:
        text = _BREAK.sub("\n", _FONT_TAG.sub("", _SR_COMMENT.sub("", text)))
    text = without_marks(text)
    if "#wikilink" in text:
        text = skipping_sub(_WIKILINK, GROUP_1, text, "[", _LABEL_END)
    if "{%" in text:
        text = _HEXO_TAG.sub("", text)
    if "ad-" in text:
        text = _AD_FENCE.sub(_ad_body, text)
    text = _unescape(text)
    if "^[" in text:
        text = _INLINE_FOOTNOTE.sub("", text)
    block_id = None
    m = _block_id(text) if "^" in text else None
    if m:
        block_id, text = m.group(1), text[: m.start()]
    if text.count("**") % 2:  # a bold run cut in half by the rule that took the text
        text = text.replace("**", "")
    deck = None
    if "#flashcards" in text:
        for m in _DECK_TAG.finditer(text):
            if m.group(1):
                deck = m.group(1).strip("/").replace("/", "::")
        text = _DECK_TAG.sub("", text)
    return text.strip(), block_id, deck


#: A box of the Obsidian Admonition plugin (```` ```ad-question ````, its `title:` and other
#: settings on the lines under the fence): a box set around the text, which is no code.
_AD_FENCE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})ad-[\w-]+[ \t]*\n"
    r"(?:[ \t]*(?:title|collapse|icon|color)[ \t]*:[^\n]*\n)*"
    r"(?P<body>.*?)\n?^(?P=fence)[ \t]*$",
    re.M | re.S | re.I,
)


def _ad_body(m: re.Match[str]) -> str:
    """An Admonition box's text without its fence and settings."""
    return m["body"].strip("\n")


def _block_id(text: str) -> re.Match[str] | None:
    """`_BLOCK_ID.search(text)`, searched from the run of spaces before the text's last `^`:
    nothing after an id's `^` is another one, so a match opens there (at its run's start, where
    the search from the text's start finds it) or nowhere; a LaTeX note's `x^2` had the search
    try every space of the block."""
    last = text.rfind("^")
    return _BLOCK_ID.search(text, len(text[:last].rstrip())) if last > 0 else None


def _unescape(text: str) -> str:
    """Entities (`&#x20;`) and Markdown escapes (`node\\_rank`) outside math, as read."""
    if "&" not in text and "\\" not in text:
        return text
    out, last = [], 0
    for m in _MATH_SPAN.finditer(text):
        out.append(_unescape_words(text[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(_unescape_words(text[last:]))
    return "".join(out)


def _unescape_words(text: str) -> str:
    """`_unescape` of text outside math; most such text holds no backslash (LaTeX's are in the
    math), and then the escape pattern is not run."""
    import html

    text = html.unescape(text)
    return _MD_ESCAPE.sub(GROUP_1, text) if "\\" in text else text
