"""Plain data shared by every stage: notes in, candidates out, cards and their memory state stored.

Every stage takes these and returns these; none of them does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, TypedDict

CardType = Literal["basic", "reversed", "cloze"]
#: Where a card is in FSRS's life cycle.
StateName = Literal["new", "learning", "review", "relearning"]

#: Rules whose cards the author wrote on purpose; every other rule mines untagged text.
EXPLICIT_RULES = frozenset(
    {
        "anki",
        "qa",
        "choice",
        "hashcards",
        "inline",
        "multiline",
        "cloze",
        "tagged",
        "commented",
        "details",
        "syncblock",
        "fenced",
        "sections",
        "ankdown",
        "panky",
        "sided",
    }
)
#: Lines longer than this (in characters) are read by the explicit rules only: the mining rules
#: leave their blocks alone. A pasted `data:` image is one line of hundreds of KB, and no note in
#: ../shared/corpus has a line over 2,902 characters.
MAX_MINED_LINE = 4000


@dataclass(frozen=True)
class Problem:
    """Something wrong with the input; reported, and the run goes on."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class NoteSettings:
    """What the author asked of this note in its frontmatter."""

    enabled: bool = True
    auto: bool = True
    disabled_rules: frozenset[str] = frozenset()
    enabled_rules: frozenset[str] = frozenset()

    def allows(self, rule: str) -> bool:
        """Whether a rule may run: explicit switches win, then `auto` gates mined rules."""
        if not self.enabled or rule in self.disabled_rules:
            return False
        if rule in self.enabled_rules or rule in EXPLICIT_RULES:
            return True
        return self.auto


@dataclass(frozen=True)
class AnkiSyntax:
    """The marker lines of the Obsidian_to_Anki plugin (its `Syntax` settings), which a vault
    may rename: `START_CARD`/`END_CARD` for `START`/`END`, `TARGET_DECK` for `TARGET DECK`;
    and the note types, patterns and cloze switches its settings file holds."""

    begin: str = "START"
    end: str = "END"
    begin_inline: str = "STARTI"
    end_inline: str = "ENDI"
    deck: str = "TARGET DECK"
    tags: str = "FILE TAGS"
    #: the vault's own card patterns (`CUSTOM_REGEXPS`): (note type, regular expression)
    custom: tuple[tuple[str, str], ...] = ()
    #: the vault's note types with their field names, in order (`fields_dict`)
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: `{text}` is a cloze in a note type named with "Cloze" (`CurlyCloze` in its `Defaults`)
    curly_cloze: bool = False
    #: and `==text==` too, with `curly_cloze` on (`CurlyCloze - Highlights to Clozes`)
    highlight_cloze: bool = False


@dataclass(frozen=True)
class Separators:
    """The vault's `[extract]` settings: explicit-card syntax (the defaults are the Obsidian
    Spaced Repetition plugin's) and the confidence a mined card needs to be kept."""

    inline: str = "::"
    inline_reversed: str = ":::"
    multiline: str = "?"
    multiline_reversed: str = "??"
    question: str = "Q:"
    answer: str = "A:"
    min_confidence: float = 0.0  # mined cards below it are left out; explicit cards are 1
    # read from the vault's Spaced Repetition plugin settings (`notes/plugins.py`), not set here:
    flashcard_tags: tuple[str, ...] = ()  # tags marking flashcard notes besides `flashcards`
    highlight_cloze: bool = True  # `==text==` is a cloze in flashcard notes
    curly_cloze: bool | None = None  # `{{text}}` is a cloze in flashcard notes (None: unknown)
    bold_cloze: bool = False  # `**text**` is a cloze in flashcard notes (off, as in the plugin)
    card_tag: str = "card"  # the Flashcards plugin's card tag (`flashcardsTag` in its settings)
    anki: AnkiSyntax = AnkiSyntax()  # the Obsidian_to_Anki plugin's markers (its `Syntax`)


#: `Separators` fields that come from the plugin's settings file, not from `[extract]`.
PLUGIN_FIELDS = frozenset(
    {"flashcard_tags", "highlight_cloze", "curly_cloze", "bold_cloze", "card_tag", "anki"}
)


@dataclass(frozen=True)
class Note:
    """One note as read from the vault, decoded and split from its frontmatter."""

    path: str  # POSIX path relative to the vault root
    title: str
    deck: str
    tags: tuple[str, ...]
    body: str  # Markdown after the frontmatter, wikilinks already rendered
    body_line: int  # 1-based line of the file where `body` starts
    settings: NoteSettings = NoteSettings()
    media: tuple[str, ...] = ()  # vault-relative paths of embedded images that exist
    #: the tag a note written for the Flashcards plugin marks its cards with, when not `#card`
    card_tag: str | None = None


@dataclass(frozen=True)
class Candidate:
    """A card as a rule found it in one note, before it has a stable identity."""

    rule: str
    type: CardType
    front: str
    back: str
    line: int  # 1-based line in the note file
    block_id: str | None = None  # an Obsidian `^block-id` the author wrote
    side: int = 0  # 0 forward, 1 the reverse of a reversed pair, N for cloze number N
    deck: str | None = None  # set by an inline `#flashcards/deck` tag; else the note's deck
    tags: tuple[str, ...] = ()
    confidence: float = 1.0  # 0-1: how sure the rule is that this is a card (explicit: 1)

    @property
    def mined(self) -> bool:
        return self.rule not in EXPLICIT_RULES


@dataclass(frozen=True)
class Card:
    """A stored card: a candidate that has been given a stable id in the collection."""

    id: str
    note: str
    rule: str
    type: CardType
    front: str
    back: str
    deck: str
    tags: tuple[str, ...]
    line: int
    block_id: str | None = None
    side: int = 0
    created: datetime | None = None
    updated: datetime | None = None
    retired: datetime | None = None
    rejected: datetime | None = None
    confidence: float = 1.0

    @property
    def mined(self) -> bool:
        return self.rule not in EXPLICIT_RULES


class CardDict(TypedDict):
    """The JSON form of a card, as `quiz extract --json` and `quiz cards --json` print it."""

    id: str
    type: CardType
    rule: str
    mined: bool
    front: str
    back: str
    note: str
    line: int
    deck: str
    tags: list[str]
    block_id: str | None
    side: int
    confidence: float


def card_of(candidate: Candidate, card_id: str, note: Note, *, path: str | None = None) -> Card:
    """The card a candidate describes, filed under `path` (default: the note's own path)."""
    return Card(
        id=card_id,
        note=path if path is not None else note.path,
        rule=candidate.rule,
        type=candidate.type,
        front=candidate.front,
        back=candidate.back,
        deck=candidate.deck or note.deck,
        tags=tuple(dict.fromkeys((*note.tags, *candidate.tags))),  # note tags first, no repeats
        line=candidate.line,
        block_id=candidate.block_id,
        side=candidate.side,
        confidence=candidate.confidence,
    )


def card_dict(card: Card) -> CardDict:
    """The JSON form of a card: what `quiz extract --json` and `quiz cards --json` print."""
    return {
        "id": card.id,
        "type": card.type,
        "rule": card.rule,
        "mined": card.mined,
        "front": card.front,
        "back": card.back,
        "note": card.note,
        "line": card.line,
        "deck": card.deck,
        "tags": list(card.tags),
        "block_id": card.block_id,
        "side": card.side,
        "confidence": card.confidence,
    }


def card_from_dict(data: CardDict) -> Card:
    """A card read back from its JSON form (scripts feed `quiz ... --json` lines to tools)."""
    return Card(
        id=data["id"],
        note=data["note"],
        rule=data["rule"],
        type=data["type"],
        front=data["front"],
        back=data["back"],
        deck=data["deck"],
        tags=tuple(data["tags"]),
        line=data["line"],
        block_id=data["block_id"],
        side=data["side"],
        confidence=data.get("confidence", 1.0),
    )


@dataclass(frozen=True)
class CardState:
    """FSRS memory state of one card plus the queue flags the learner controls."""

    card_id: str
    state: StateName = "new"
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: datetime | None = None
    last_review: datetime | None = None
    reps: int = 0
    lapses: int = 0
    suspended: bool = False
    buried_until: datetime | None = None


@dataclass(frozen=True)
class Review:
    """One rating, as appended to the review log."""

    card_id: str
    rating: int  # 1 Again, 2 Hard, 3 Good, 4 Easy
    reviewed_at: datetime
    duration_ms: int | None
    before: CardState
    after: CardState
