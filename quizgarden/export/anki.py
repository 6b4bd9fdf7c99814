"""Write quizgarden cards to an Anki package (.apkg) that Anki imports, and later *updates*.

The only module that imports genanki (images are found by `media.py`, the card look lives in
`style.py`). genanki supplies the package schema, the note-type and deck
JSON and Anki's GUID format; the note and card rows are written here, because Anki's importer
decides on facts genanki fixes for every row alike:

- a note is matched by GUID, and replaced only when the incoming note's mtime is newer than the
  copy in Anki. So GUIDs come from quizgarden's stable card id (never from the text), and each
  note's mtime is the card's `updated` time, which advances with every edit;
- a note type is matched by id and accepted only when its field and template names are the
  same (Anki's "schema hash"); otherwise the notes under it are refused as conflicting. So model
  ids hash the name, field names and template names: a layout change gets a new id, a CSS or
  template-text change keeps the id and is taken over because the model mtime is newer;
- existing cards are never touched by an import, so Anki keeps its review history; FSRS
  progress (`with_schedule`) only reaches cards Anki does not have yet through the package.
  `update.py` writes it into the cards an Anki collection already has, when asked;
- a review card's due date is its day on the learner's calendar: the package collection
  starts at the start of the export day (Anki counts a package's days from its creation), and
  each due is that many days on, so after import the card is due on the same learner day,
  east or west of UTC.

Identity stays 1:1: one quizgarden card is one Anki note, except a reversed pair (the two sides of
`front:::back`), which is one "Basic (and reversed)" note whose GUID comes from the side-0 card.
Each cloze card becomes its own Cloze note holding only its own deletion(s), with the GUID from
its card id, rather than one Anki note per cloze block.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import shutil
import sqlite3
import stat
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import genanki
from markdown_it.common.utils import escapeHtml

from ..days import Days
from ..errors import ExportError, MediaError
from ..model import Card, CardState, Problem
from ..notes.vault import open_media
from ..render import neutralise_tex, to_anki_html
from .media import MediaPacker
from .style import CARD_CSS, TEMPLATES

#: genanki's package collection creation time, kept for exports without schedule.
PACKAGE_CRT = 1411124400
_DAY = 86400
SUSPENDED_TAG = "quizgarden::suspended"
_CLOZE_NUMBER = re.compile(r"\{\{c(\d+)::")
_TAG_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote, and what went wrong along the way without stopping it."""

    files: tuple[Path, ...]
    notes: int
    cards: int
    media: int
    left_out: int  # retired, rejected, and (unless asked for) suspended cards
    problems: tuple[Problem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": [str(path) for path in self.files],
            "notes": self.notes,
            "cards": self.cards,
            "media": self.media,
            "left_out": self.left_out,
            "problems": [str(problem) for problem in self.problems],
        }


@dataclass(frozen=True)
class PlannedNote:
    """One Anki note to write: which model, its quizgarden cards and Anki card ordinals."""

    kind: str  # "basic" | "reversed" | "cloze"
    anchor: Card  # the card whose id gives the GUID and whose text fills the fields
    cards: tuple[tuple[int, Card, CardState | None], ...]  # (Anki ord, card, state)

    @property
    def mtime(self) -> datetime | None:
        times = [t for _, c, _ in self.cards for t in (c.updated, c.created) if t is not None]
        return max(times) if times else None


@dataclass
class _Rows:
    notes: list[tuple[Any, ...]] = field(default_factory=list)
    cards: list[tuple[Any, ...]] = field(default_factory=list)
    decks: set[str] = field(default_factory=set)


def export_apkg(
    items: Iterable[tuple[Card, CardState | None]],
    out: Path,
    *,
    vault: Path,
    split: bool = False,
    with_schedule: bool = False,
    include_suspended: bool = False,
    timestamp: float | None = None,
    days: Days | None = None,
) -> ExportResult:
    """Write `items` as one .apkg at `out`, or with `split` one .apkg per top-level deck in the
    folder `out` (or, when `out` ends in .apkg, as `<stem>-<deck>.apkg` beside it).
    `timestamp` fixes note/card ids and model mtimes (for reproducible builds); `days` are the
    learner's days that due dates are counted in."""
    from ..clock import now

    timestamp = now().timestamp() if timestamp is None else timestamp
    calendar = _Calendar.at(days or Days(), timestamp) if with_schedule else None
    planned, left_out = plan_notes(items, include_suspended=include_suspended)
    # with split, `out` is a folder; `-o x.apkg` names the files x-<deck>.apkg beside it instead
    folder, prefix = (out.parent, out.stem + "-") if out.suffix.lower() == ".apkg" else (out, "")
    if not split or not prefix:  # each file written is checked again by write_package
        check_target(out, folder=split)
    packer = MediaPacker(vault)
    source_link = _source_linker(vault)
    groups: dict[str, list[PlannedNote]] = {}
    for note in planned:
        top = deck_name(note.anchor.deck, vault.name).split("::")[0] if split else ""
        groups.setdefault(top, []).append(note)
    if split:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise ExportError(f"cannot write {folder}: {err.strerror or err}") from err
    file_names = split_file_names(groups) if split else {}
    files: list[Path] = []
    notes = cards = 0
    media_total: set[str] = set()
    for top, group in sorted(groups.items()):
        rows = _Rows()
        used_media: dict[str, Path] = {}
        id_gen = itertools.count(int(timestamp * 1000))
        for position, note in enumerate(group):
            _add_note_rows(
                rows, note, vault_name=vault.name, packer=packer, used_media=used_media,
                source_link=source_link, id_gen=id_gen, position=position,
                calendar=calendar, timestamp=timestamp,
            )  # fmt: skip
        target = folder / f"{prefix}{file_names[top]}" if split else out
        crt = PACKAGE_CRT if calendar is None else calendar.crt
        write_package(target, rows, used_media, timestamp=timestamp, vault=vault, crt=crt)
        files.append(target)
        notes += len(rows.notes)
        cards += len(rows.cards)
        media_total.update(used_media)
    if not groups and not split:
        write_package(out, _Rows(), {}, timestamp=timestamp, vault=vault, crt=PACKAGE_CRT)
        files.append(out)
    return ExportResult(tuple(files), notes, cards, len(media_total), left_out, packer.problems())


def plan_notes(
    items: Iterable[tuple[Card, CardState | None]], *, include_suspended: bool = False
) -> tuple[list[PlannedNote], int]:
    """Group cards into Anki notes (pure): pairs for reversed cards, one note for every other
    card. Returns the notes in a stable order and how many cards were left out."""
    kept: list[tuple[Card, CardState | None]] = []
    left_out = 0
    for card, state in items:
        suspended = state is not None and state.suspended
        if card.retired or card.rejected or (suspended and not include_suspended):
            left_out += 1
        else:
            kept.append((card, state))
    kept.sort(key=lambda cs: (cs[0].note, cs[0].line, cs[0].rule, cs[0].side, cs[0].id))
    pairs: dict[tuple[str, str, int], list[tuple[Card, CardState | None]]] = {}
    planned: list[PlannedNote] = []
    for card, state in kept:
        if card.type == "reversed":
            key = (card.note, card.rule, card.line)
            if key not in pairs:
                pairs[key] = []
                planned.append(PlannedNote("reversed", card, ()))  # placeholder, filled below
            pairs[key].append((card, state))
        elif card.type == "cloze" and (cloze := _CLOZE_NUMBER.search(card.front)):
            number = int(cloze.group(1))
            planned.append(PlannedNote("cloze", card, ((number - 1, card, state),)))
        else:
            planned.append(PlannedNote("basic", card, ((0, card, state),)))
    result: list[PlannedNote] = []
    for note in planned:
        if note.kind == "reversed":
            sides = pairs[(note.anchor.note, note.anchor.rule, note.anchor.line)]
            anchor = min(sides, key=lambda cs: cs[0].side)[0]
            if anchor.side == 0:
                cards = tuple((min(c.side, 1), c, s) for c, s in sides[:2])
                note = PlannedNote("reversed", anchor, cards)
            else:  # the forward side is gone: keep the reverse as its own basic note
                note = PlannedNote("basic", anchor, ((0, anchor, sides[0][1]),))
        result.append(note)
    result.sort(key=lambda n: (n.anchor.deck, n.anchor.note, n.anchor.line, n.anchor.side))
    return result, left_out


def _add_note_rows(
    rows: _Rows,
    note: PlannedNote,
    *,
    vault_name: str,
    packer: MediaPacker,
    used_media: dict[str, Path],
    source_link: Any,
    id_gen: Iterator[int],
    position: int,
    calendar: _Calendar | None,
    timestamp: float,
) -> None:
    card = note.anchor
    deck = deck_name(card.deck, vault_name)
    rows.decks.add(deck)

    def image(ref: str) -> str | None:
        name = packer.resolve(ref, card.note, card.line)
        if name is not None and name in packer.files:
            used_media[name] = packer.files[name]
        return name

    front = to_anki_html(card.front, image=image)
    back = "" if note.kind == "cloze" else to_anki_html(card.back, image=image)
    fields = (front, back, source_link(card.note, card.line), _escaped(deck))
    model = MODELS[note.kind]
    mtime = note.mtime
    note_mod = int(mtime.timestamp()) if mtime is not None else int(timestamp)
    note_id = next(id_gen)
    suspended = any(state is not None and state.suspended for _, _, state in note.cards)
    rows.notes.append(
        (note_id, note_guid(card.id), model.model_id, note_mod, -1,
         _tags_column(tuple(card.tags), suspended), "\x1f".join(fields), front, 0, 0, "")
    )  # fmt: skip
    deck_id = deck_id_for(deck)
    for ord_, _card, state in note.cards:
        values = card_schedule(state, position=position, calendar=calendar)
        rows.cards.append((next(id_gen), note_id, deck_id, ord_, int(timestamp), -1, *values))


@dataclass(frozen=True)
class _Calendar:
    """Where review due days count from: the learner's `today`, which is Anki day `offset`."""

    days: Days
    today: date
    offset: int  # Anki's day number of `today` in the collection the cards go to
    crt: int  # that collection's creation time (the package's: the start of `today`)

    @classmethod
    def at(cls, days: Days, timestamp: float, offset: int = 0) -> _Calendar:
        moment = datetime.fromtimestamp(timestamp, UTC)
        today = days.date_of(moment)
        return cls(days, today, offset, int(days.start_of(today).timestamp()))

    def day_number(self, moment: datetime) -> int:
        """Anki's day number of the learner's day `moment` falls in."""
        return self.offset + (self.days.date_of(moment) - self.today).days


def card_schedule(
    state: CardState | None, *, position: int, calendar: _Calendar | None
) -> tuple[Any, ...]:
    """The scheduling columns of an Anki card row: (type, queue, due, ivl, factor, reps, lapses,
    left, odue, odid, flags, data). New unless a `calendar` carries FSRS progress over:
    review cards get their due day (counted in the learner's days from the calendar's today),
    an interval, and FSRS memory (`s`, `d`, `lrt`) in the card's `data`, which Anki reads when
    FSRS is on."""
    suspended = state is not None and state.suspended
    if calendar is None or state is None or state.state == "new" or state.due is None:
        return (0, -1 if suspended else 0, position, 0, 0, 0, 0, 0, 0, 0, 0, "")
    data: dict[str, Any] = {}
    if state.stability is not None and state.difficulty is not None:
        data = {"s": round(state.stability, 4), "d": round(state.difficulty, 4)}
    if state.last_review is not None:
        data["lrt"] = int(state.last_review.timestamp())
    if state.last_review is not None and state.state == "review":
        days = calendar.days
        ivl = max(1, (days.date_of(state.due) - days.date_of(state.last_review)).days)
    else:
        ivl = 0 if state.state == "learning" else max(1, round(state.stability or 1))
    if state.state == "review":
        ctype, queue, due = 2, 2, calendar.day_number(state.due)
    else:  # learning / relearning: a timestamp within the day, as Anki's intraday queue holds
        ctype = 1 if state.state == "learning" else 3
        queue, due = 1, int(state.due.timestamp())
    return (ctype, -1 if suspended else queue, due, ivl, 2500, state.reps, state.lapses,
            1 if queue == 1 else 0, 0, 0, 0, json.dumps(data, separators=(",", ":")))  # fmt: skip


def write_package(
    out: Path,
    rows: _Rows,
    media: dict[str, Path],
    *,
    timestamp: float,
    vault: Path,
    crt: int = PACKAGE_CRT,
) -> None:
    """Write the collection and media into `out` atomically: a fresh temporary file beside it,
    renamed over `out` when complete and removed when anything fails. Media files are opened
    through `open_media`, so the vault boundary is checked again as they are read."""
    decks: dict[str, Any] = {}
    for name in sorted(rows.decks):
        parts = name.split("::")
        for depth in range(1, len(parts) + 1):  # parents too, so every id is ours
            parent = "::".join(parts[:depth])
            deck = genanki.Deck(deck_id_for(parent), parent).to_json()
            deck["mod"] = int(timestamp)
            decks[str(deck["id"])] = deck
    first_deck = int(next(iter(decks), "1"))
    models = {str(m.model_id): m.to_json(timestamp, first_deck) for m in MODELS.values()}
    check_target(out, folder=False)
    partial: Path | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="quizgarden-export-") as tmp:
            db_path = Path(tmp) / "collection.anki2"
            conn = sqlite3.connect(db_path)
            with conn:
                _create_collection(conn, timestamp)
                base = json.loads(conn.execute("SELECT decks FROM col").fetchone()[0])
                base.update(decks)
                conn.execute(
                    "UPDATE col SET decks = ?, models = ?, crt = ?",
                    (json.dumps(base), json.dumps(models), crt),
                )
                conn.executemany(f"INSERT INTO notes VALUES({_marks(11)})", rows.notes)
                conn.executemany(f"INSERT INTO cards VALUES({_marks(18)})", rows.cards)
            conn.close()
            fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
            partial = Path(name)
            with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w") as package:
                package.write(db_path, "collection.anki2")
                names = sorted(media)
                package.writestr("media", json.dumps({str(i): n for i, n in enumerate(names)}))
                for index, media_name in enumerate(names):
                    with (
                        open_media(vault, media[media_name]) as source,
                        package.open(str(index), "w") as target,
                    ):
                        shutil.copyfileobj(source, target)
            partial.replace(out)
            partial = None
    except OSError as err:
        raise ExportError(f"cannot write {out}: {err.strerror or err}") from err
    except MediaError as err:
        raise ExportError(f"cannot write {out}: media file {err}") from err
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)


def _create_collection(conn: sqlite3.Connection, timestamp: float) -> None:
    """An empty Anki collection (schema and `col` row), through genanki's public API: a
    package of no decks writes exactly that. The note and card rows inserted afterwards rely
    on its `notes` (11 columns) and `cards` (18 columns) tables, which
    tests/test_export_safety.py checks against the installed genanki."""
    genanki.Package([]).write_to_db(conn.cursor(), timestamp, itertools.count())


def check_target(out: Path, *, folder: bool) -> None:
    """Refuse an output path that is a symbolic link, a FIFO, a device or a socket (and, for
    one package, a folder; for --split, anything but a folder): writing through it could
    replace a file elsewhere, block for ever or write to a device."""
    try:
        info = os.lstat(out)
    except FileNotFoundError:
        return
    except OSError as err:
        raise ExportError(f"cannot write {out}: {err.strerror or err}") from err
    if stat.S_ISLNK(info.st_mode):
        raise ExportError(f"{out} is a symbolic link; give the real path to write to")
    if folder and not stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{out} is not a folder (--split writes one file per deck into it)")
    if not folder and stat.S_ISDIR(info.st_mode):
        raise ExportError(f"{out} is a folder; give a file name ending in .apkg")
    if not folder and not stat.S_ISREG(info.st_mode):
        raise ExportError(f"{out} is not a regular file (a FIFO, device or socket)")


def split_file_names(groups: Iterable[str]) -> dict[str, str]:
    """A distinct `.apkg` file name for each top-level deck. Decks whose safe names clash
    (`a:b`, `a_b`, `a?b` are all `a_b`; `A` and `a` clash on case-insensitive disks) keep
    the bare name only for a deck that is its own safe name, the others get a short hash of
    the deck's name, so no package overwrites another and the names stay the same run to run."""
    by_file: dict[str, list[str]] = {}
    for top in sorted(groups):
        by_file.setdefault(_safe_file_name(top).casefold(), []).append(top)
    names: dict[str, str] = {}
    for clashing in by_file.values():
        bare = next((top for top in clashing if _safe_file_name(top) == top), clashing[0])
        for top in clashing:
            safe = _safe_file_name(top)
            if top == bare:
                names[top] = f"{safe}.apkg"
            else:
                digest = hashlib.blake2b(top.encode("utf-8"), digest_size=4).hexdigest()
                names[top] = f"{safe}-{digest}.apkg"
    return names


def _marks(count: int) -> str:
    return ",".join("?" * count)


def stable_id(*parts: str) -> int:
    """A positive id below 2**53 (safe in Anki's JSON and JavaScript) from names only."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return (1 << 32) + int.from_bytes(digest, "big") % ((1 << 52) - (1 << 32))


def note_guid(card_id: str) -> str:
    """The Anki GUID of the note built from quizgarden card `card_id`."""
    return str(genanki.guid_for("quizgarden", card_id))


@lru_cache(maxsize=4096)
def deck_id_for(name: str) -> int:
    return stable_id("quizgarden deck", name)


@lru_cache(maxsize=4096)
def deck_name(deck: str, vault_name: str) -> str:
    """Anki deck path: `::`-separated, no empty or padded parts, the vault's name if empty."""
    parts = [part.strip() for part in deck.split("::") if part.strip()]
    return "::".join(parts) if parts else (vault_name or "quizgarden")


@lru_cache(maxsize=4096)
def anki_tags(tags: tuple[str, ...]) -> tuple[str, ...]:
    """Tags Anki accepts: no `#`, no spaces or quotes, Obsidian's `a/b` nesting as `a::b`."""
    clean = set()
    for tag in tags:
        tag = _TAG_SPACE.sub("_", tag.strip().lstrip("#").strip()).replace('"', "_")
        tag = "::".join(part for part in tag.split("/") if part)
        if tag:
            clean.add(tag)
    return tuple(sorted(clean, key=str.casefold))


@lru_cache(maxsize=4096)
def _tags_column(tags: tuple[str, ...], suspended: bool) -> str:
    """The notes.tags column: space-separated, padded with a space each side."""
    # Anki drops the suspension when a package is imported without "learning progress";
    # the extra tag lets the learner find and suspend these cards again.
    clean = anki_tags(tags) + ((SUSPENDED_TAG,) if suspended else ())
    return f" {' '.join(clean)} " if clean else ""


#: Plain text (a deck, a note path) as it may sit in an Anki field.
@lru_cache(maxsize=4096)
def _escaped(text: str) -> str:
    return neutralise_tex(escapeHtml(text))


def _source_linker(vault: Path) -> Any:
    """`note.md:12`, linked back into Obsidian when the vault is an Obsidian vault."""
    from urllib.parse import quote

    is_obsidian = (vault / ".obsidian").is_dir()
    vault_param = quote(vault.resolve().name, safe="")

    @lru_cache(maxsize=4096)
    def href(note: str) -> str:
        return escapeHtml(f"obsidian://open?vault={vault_param}&file={quote(note, safe='')}")

    def link(note: str, line: int) -> str:
        label = f"{_escaped(note)}:{line}"
        return f'<a href="{href(note)}">{label}</a>' if is_obsidian else label

    return link


def _safe_file_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(" .") or "deck"


def _build_models() -> dict[str, genanki.Model]:
    models = {}
    for kind, (name, field_names, templates) in TEMPLATES.items():
        model_id = stable_id(
            "quizgarden model", name, *field_names, *(t["name"] for t in templates)
        )
        models[kind] = genanki.Model(
            model_id,
            name,
            fields=[{"name": f} for f in field_names],
            templates=[dict(t) for t in templates],
            css=CARD_CSS,
            model_type=genanki.Model.CLOZE if kind == "cloze" else genanki.Model.FRONT_BACK,
        )
    return models


MODELS = _build_models()
