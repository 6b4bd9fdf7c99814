"""Bringing the collection up to date with the vault, without losing a card's history.

Files are read and parsed before the write lock is taken, so another `quiz` command waits for
milliseconds, not for the whole parse. Unchanged files (same size and mtime, else the same
content hash) are not parsed at all. The writes happen in one transaction: a sync that is killed
or fails halfway leaves the collection exactly as it was.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..errors import VaultError
from ..identity import match_cards, mint_unique_id
from ..model import Candidate, Card, Note, Problem, Separators, card_of
from ..similarity import normalize_text
from .db import write_transaction
from .queries import CARD_COLUMNS, card_from_row, card_to_row, to_iso
from .reviews import LEECH_TAG

#: A file modified this recently may change again within the same mtime tick; its mtime is not
#: trusted (stored as -1) so the next sync re-hashes it, as git does for "racily clean" files.
RACY_WINDOW_S = 2.0
_CHUNK = 500


@dataclass(frozen=True)
class SyncReport:
    """What one sync did; every note scanned is exactly one of changed, skipped or failed."""

    notes_scanned: int = 0
    notes_changed: int = 0  # new or edited, parsed again
    notes_skipped: int = 0  # unchanged since the last sync, not parsed
    notes_failed: int = 0  # unreadable or unparsable: their cards were left as they were
    notes_removed: int = 0
    cards_new: int = 0
    cards_updated: int = 0
    cards_moved: int = 0  # now in another note (a moved card, or a renamed or moved note)
    cards_retired: int = 0
    cards_revived: int = 0
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class _Stored:
    hash: str
    mtime: float
    size: int
    error: str | None


@dataclass(frozen=True)
class _Parsed:
    """One file read in this sync: its fingerprint and either its cards or why it failed."""

    path: str
    hash: str
    mtime: float
    size: int
    note: Note | None = None
    candidates: tuple[Candidate, ...] = ()
    problems: tuple[Problem, ...] = ()
    error: str | None = None


@dataclass
class _Plan:
    changed: list[_Parsed] = field(default_factory=list)
    failed: list[_Parsed] = field(default_factory=list)
    touched: list[_Parsed] = field(default_factory=list)  # same content, new mtime
    still_failed: list[_Parsed] = field(default_factory=list)  # unchanged and still unreadable
    skipped: list[str] = field(default_factory=list)
    vanished: list[str] = field(default_factory=list)


def sync_vault(
    db: Database, vault: Path, *, now: datetime, separators: Separators | None = None
) -> SyncReport:
    """Extract every note of `vault` and bring the collection's cards up to date."""
    if not vault.exists():
        raise VaultError(f"{vault} does not exist")
    base = vault if vault.is_dir() else vault.parent
    files: dict[str, Path] = {}
    misnamed: list[Problem] = []  # names that are not UTF-8: skipped with a warning
    for path in _discover(vault):
        rel = _relative(path, base)
        problem = _misnamed(rel)
        if problem is None:
            files[rel] = path
        else:
            misnamed.append(problem)
    stored = _load_notes(db)
    if vault.is_dir() and not files and stored:
        raise VaultError(
            f"found no notes in {vault}, but the collection holds {len(stored)}; "
            "check the vault path (nothing was changed)"
        )
    separators = separators or Separators()
    # new extraction rules or separators: every note is read again, as if it had changed
    fingerprint = extraction_fingerprint(separators)
    row = db.execute("SELECT value FROM meta WHERE key = 'extract_fingerprint'").fetchone()
    force = bool(stored) and (row is None or row[0] != fingerprint)
    cache: dict[str, _Parsed] = {}
    read = partial(_read, separators=separators)
    plan = _plan(files, stored, base, cache, read, whole_vault=vault.is_dir(), force=force)
    problems = [*misnamed, *_problems(plan)]
    counts: dict[str, int] = {}
    if plan.changed or plan.failed or plan.touched or plan.vanished:
        with write_transaction(db):
            fresh = _load_notes(db)
            if fresh != stored:  # another sync ran meanwhile: plan again against its result
                plan = _plan(
                    files, fresh, base, cache, read, whole_vault=vault.is_dir(), force=force
                )
                problems = [*misnamed, *_problems(plan)]
            counts = _apply(db, plan, now)
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('extract_fingerprint', ?)",
                [fingerprint],
            )
    elif row is None or row[0] != fingerprint:
        with write_transaction(db):
            db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('extract_fingerprint', ?)",
                [fingerprint],
            )
    touched_bad = sum(1 for p in plan.touched if p.error)
    return SyncReport(
        notes_scanned=len(files) + len(misnamed),
        notes_changed=len(plan.changed),
        notes_skipped=len(plan.skipped) + len(plan.touched) - touched_bad,
        notes_failed=len(plan.failed) + len(plan.still_failed) + touched_bad + len(misnamed),
        notes_removed=len(plan.vanished),
        problems=tuple(problems),
        **counts,
    )


def _discover(vault: Path) -> Iterable[Path]:
    from ..notes import discover

    return discover(vault)


def _misnamed(rel: str) -> Problem | None:
    from ..notes import misnamed

    return misnamed(rel)


def _relative(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.name


def _load_notes(db: Database) -> dict[str, _Stored]:
    rows = db.execute("SELECT path, hash, mtime, size, error FROM notes").fetchall()
    return {path: _Stored(h, mtime, size, error) for path, h, mtime, size, error in rows}


def _plan(
    files: dict[str, Path],
    stored: dict[str, _Stored],
    base: Path,
    cache: dict[str, _Parsed],
    read: Callable[..., _Parsed],
    *,
    whole_vault: bool,
    force: bool = False,
) -> _Plan:
    """Sort the vault's files into unchanged / touched / changed / failed, reading what changed."""
    plan = _Plan()
    for rel, path in files.items():
        old = stored.get(rel)
        try:
            st = path.stat()
        except OSError as err:
            parsed = _Parsed(rel, "", -1.0, -1, error=f"cannot read: {err.strerror or err}")
        else:
            same_stat = old is not None and (old.size, old.mtime) == (st.st_size, st.st_mtime)
            if old is not None and same_stat and not force and old.mtime >= 0:
                if old.error:
                    plan.still_failed.append(
                        _Parsed(rel, old.hash, old.mtime, old.size, error=old.error)
                    )
                else:
                    plan.skipped.append(rel)
                continue
            parsed = cache.get(rel) or read(path, rel, base, st.st_size, st.st_mtime)
            cache[rel] = parsed
        same = old and parsed.hash and parsed.hash == old.hash and parsed.error == old.error
        if same and not force:
            plan.touched.append(parsed)
        elif parsed.error:
            plan.failed.append(parsed)
        else:
            plan.changed.append(parsed)
    if whole_vault:
        plan.vanished = sorted(stored.keys() - files.keys())
    return plan


def extraction_fingerprint(separators: Separators) -> str:
    """What decides a note's cards besides its text: the rules' code and words, and separators.

    `__version__` alone never changed between commits, so a user who upgraded kept the cards the
    old rules made; the hash of the source that reads notes and mines them changes with any edit.
    """
    from .. import __version__
    from ..extract import RULES

    rules = ",".join(name for name, _ in RULES)
    return f"{__version__}|{rules}|{rules_source_hash()}|{separators!r}"


#: What turns a file into cards: reading it (notes/), the rules and their word tables (extract/).
_RULE_SOURCES = ("extract", "notes", "model.py", "similarity.py")


@lru_cache(maxsize=4)
def rules_source_hash(package: Path | None = None) -> str:
    """A digest of every source file that can change what a note yields, in a fixed order."""
    root = package or Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for name in _RULE_SOURCES:
        path = root / name
        files = sorted(path.rglob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.relative_to(root).as_posix().encode())
            digest.update(b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _read(
    path: Path, rel: str, base: Path, size: int, mtime: float, *, separators: Separators
) -> _Parsed:
    """Read, decode and extract one file; never raises for a bad file."""
    from ..errors import NoteError
    from ..extract import extract_note
    from ..notes import MAX_NOTE_BYTES, read_note
    from ..notes.vault import read_note_bytes

    if time.time() - mtime < RACY_WINDOW_S:
        mtime = -1.0
    data: bytes | None = None
    digest = ""
    if size <= MAX_NOTE_BYTES:
        try:  # the vault boundary: never a FIFO, a device or a link out of the vault
            data = read_note_bytes(path, base)
        except NoteError as err:
            again = -1.0 if err.message.startswith("cannot read") else mtime
            problem = Problem(rel, 1, err.message)
            return _Parsed(rel, "", again, size, problems=(problem,), error=err.message)
        digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    try:
        note, problems = read_note(path, base, data)
        if note is None:
            reason = problems[0].message if problems else "not a readable note"
            return _Parsed(rel, digest, mtime, size, problems=tuple(problems), error=reason)
        candidates = extract_note(note, separators)
    except Exception as err:  # a bad note is reported and keeps its cards; the run goes on
        message = f"cannot parse: {err}"
        return _Parsed(
            rel, digest, mtime, size, problems=(Problem(rel, 1, message),), error=message
        )
    return _Parsed(rel, digest, mtime, size, note, tuple(candidates), tuple(problems))


def _problems(plan: _Plan) -> list[Problem]:
    found: list[Problem] = []
    for parsed in (*plan.changed, *plan.failed, *plan.touched, *plan.still_failed):
        found.extend(parsed.problems)
        if parsed.error and not parsed.problems:
            found.append(Problem(parsed.path, 1, parsed.error))
    return sorted(set(found), key=lambda p: (p.path, p.line, p.message))


def _apply(db: Database, plan: _Plan, now: datetime) -> dict[str, int]:
    """All the writes of one sync (the caller holds the transaction)."""
    stamp = to_iso(now)
    changed = {p.path: p for p in plan.changed}
    created = [p for p in changed if not _note_exists(db, p)]
    old = _cards_of_notes(db, [*changed, *plan.vanished])
    fronts = {normalize_text(c.front) for p in plan.changed for c in p.candidates}
    for card in _retired_twins(db, fronts, exclude=old.keys()):
        old.setdefault(card.note, []).append(card)
    matching = match_cards(
        old,
        {path: p.candidates for path, p in changed.items()},
        vanished=plan.vanished,
        created=created,
    )
    counts = {"cards_new": 0, "cards_updated": 0, "cards_moved": 0}
    counts |= {"cards_retired": 0, "cards_revived": 0}
    assigned: set[str] = set()
    for path, parsed in changed.items():
        assert parsed.note is not None
        for index, cand in enumerate(parsed.candidates):
            card = _card_for(path, parsed.note, cand)
            prior = matching.matched.get((path, index))
            if prior is None:
                card_id = mint_unique_id(path, cand, lambda i: i in assigned or _card_exists(db, i))
                assigned.add(card_id)
                row = _card_row(card, card_id, created=stamp, updated=stamp)
                db.execute(_insert("cards", row), list(row.values()))
                db.execute(
                    "INSERT INTO card_state (card_id, state, due) VALUES (?, 'new', ?)",
                    [card_id, stamp],
                )
                counts["cards_new"] += 1
                continue
            assigned.add(prior.id)
            if LEECH_TAG in prior.tags and LEECH_TAG not in card.tags:
                # the review log's tag, not the note's: it must survive edits of the note
                card = replace(card, tags=(*card.tags, LEECH_TAG))
            edited = _content(card) != _content(prior)
            kind = (
                "cards_revived"
                if prior.retired is not None
                else "cards_moved"
                if prior.note != path
                else "cards_updated"
                if edited
                else None
            )
            if kind:
                counts[kind] += 1
            if kind or card.line != prior.line or card.confidence != prior.confidence:
                updated = stamp if kind else to_iso(prior.updated)
                row = _card_row(card, prior.id, created=to_iso(prior.created), updated=updated)
                row["rejected"] = to_iso(prior.rejected)
                sets = ", ".join(f"{k} = ?" for k in row if k != "id")
                values = [v for k, v in row.items() if k != "id"]
                db.execute(f"UPDATE cards SET {sets} WHERE id = ?", [*values, prior.id])
    for card in matching.unmatched_old:
        if card.retired is None:
            db.execute("UPDATE cards SET retired = ? WHERE id = ?", [stamp, card.id])
            counts["cards_retired"] += 1
    _write_notes(db, plan, stamp)
    return counts


def _content(card: Card) -> tuple[object, ...]:
    """The fields whose change makes this sync count the card as edited."""
    return (
        card.note,
        card.rule,
        card.type,
        card.front,
        card.back,
        card.deck,
        card.tags,
        card.block_id,
        card.side,
    )


def _card_for(path: str, note: Note, cand: Candidate) -> Card:
    # `path` is the notes-table key: the reader's `note.path` could differ for a symlinked folder
    return card_of(cand, "", note, path=path)


def _card_row(
    card: Card, card_id: str, *, created: str | None, updated: str | None
) -> dict[str, Any]:
    row = card_to_row(card)
    row.update(id=card_id, created=created, updated=updated, retired=None)
    return row


def _insert(table: str, row: dict[str, Any]) -> str:
    return f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})"


def _note_exists(db: Database, path: str) -> bool:
    return db.execute("SELECT 1 FROM notes WHERE path = ?", [path]).fetchone() is not None


def _card_exists(db: Database, card_id: str) -> bool:
    return db.execute("SELECT 1 FROM cards WHERE id = ?", [card_id]).fetchone() is not None


def _cards_of_notes(db: Database, paths: Sequence[str]) -> dict[str, list[Card]]:
    """Every stored card (active or retired) of these notes, by note."""
    found: dict[str, list[Card]] = {}
    columns = ", ".join(CARD_COLUMNS)
    for start in range(0, len(paths), _CHUNK):
        chunk = list(paths[start : start + _CHUNK])
        marks = ", ".join("?" * len(chunk))
        cursor = db.execute(
            f"SELECT {columns} FROM cards WHERE note IN ({marks}) ORDER BY note, line, side, id",
            chunk,
        )
        for values in cursor.fetchall():
            card = card_from_row(dict(zip(CARD_COLUMNS, values, strict=True)))
            found.setdefault(card.note, []).append(card)
    return found


def _retired_twins(db: Database, fronts: set[str], *, exclude: Iterable[str]) -> list[Card]:
    """Retired cards elsewhere in the collection whose front reappeared: revival candidates."""
    if not fronts:
        return []
    skip = set(exclude)
    columns = ", ".join(CARD_COLUMNS)
    cursor = db.execute(f"SELECT {columns} FROM cards WHERE retired IS NOT NULL ORDER BY id")
    twins = []
    for values in cursor:
        card = card_from_row(dict(zip(CARD_COLUMNS, values, strict=True)))
        if card.note not in skip and normalize_text(card.front) in fronts:
            twins.append(card)
    return twins


def _write_notes(db: Database, plan: _Plan, stamp: str | None) -> None:
    upsert = (
        "INSERT INTO notes (path, hash, mtime, size, title, deck, scanned, error)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET hash = excluded.hash,"
        " mtime = excluded.mtime, size = excluded.size, title = coalesce(excluded.title, title),"
        " deck = coalesce(excluded.deck, deck), scanned = excluded.scanned, error = excluded.error"
    )
    for parsed in (*plan.changed, *plan.failed, *plan.touched):
        if parsed.mtime == -1.0 and parsed.size == -1:
            continue  # could not even stat it: nothing worth recording
        note = parsed.note
        db.execute(
            upsert,
            [
                parsed.path,
                parsed.hash,
                parsed.mtime,
                parsed.size,
                note.title if note else None,
                note.deck if note else None,
                stamp,
                parsed.error,
            ],
        )
    for path in plan.vanished:
        db.execute("DELETE FROM notes WHERE path = ?", [path])
