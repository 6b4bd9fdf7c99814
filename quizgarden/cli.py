"""The `quiz` command: parse arguments, call the library, print. No logic lives here."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from .errors import QuizgardenError
from .model import Separators
from .terminal import json_line, make_console, printable

app = typer.Typer(
    name="quiz",
    help="Flashcards from your own Markdown notes, scheduled with FSRS.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

# every line goes through terminal.printable: no escape sequence from a note or file name
out = make_console(highlight=False, soft_wrap=True)
err = make_console(stderr=True, highlight=False, soft_wrap=True)

VaultArg = Annotated[
    Path | None,
    typer.Argument(
        help="The vault (a folder of notes). Default: the one from `quiz init`, else the "
        "current folder.",
        show_default=False,
    ),
]
DbOpt = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="QUIZGARDEN_DB",
        help="The collection file. Default: <vault>/.quizgarden/collection.db.",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object a line.")]
DeckOpt = Annotated[
    str | None,
    typer.Option(
        help="Only this deck and its sub-decks; any part of the path, any case (ai, llm::rl).",
        show_default=False,
    ),
]
TagOpt = Annotated[
    str | None,
    typer.Option(
        help="Only cards with this tag or a nested one; any part of it, any case.",
        show_default=False,
    ),
]


@contextmanager
def errors_to_exit() -> Iterator[None]:
    """Turn a library error into one line on stderr and exit status 1."""
    try:
        yield
    except QuizgardenError as error:
        err.print(f"error: {error}", markup=False)
        raise typer.Exit(1) from None
    except OSError as error:  # the machine said no: a full disk, a permission, a lost mount
        where = f"{error.filename}: " if error.filename else ""
        err.print(f"error: {where}{error.strerror or error}", markup=False)
        raise typer.Exit(1) from None


def print_json(obj: Any) -> None:
    """One object, one line, UTF-8 kept readable."""
    sys.stdout.write(json_line(obj) + "\n")


def _separators(vault: Path) -> Separators:
    """The vault's card syntax: `[extract]` settings over its Spaced Repetition plugin's; a bad
    plugin settings file is a warning."""
    from .notes.plugins import read_plugin_settings
    from .settings import load_settings

    file = load_settings(vault)
    plugin, problems = read_plugin_settings(vault)
    for problem in problems:
        warn(problem)
    return file.separators(plugin)


def warn(message: object) -> None:
    err.print(f"warning: {message}", markup=False)


def _say(line: str) -> None:
    """A line for the learner from a long-running command: warnings to stderr."""
    (err if line.startswith("warning:") else out).print(line, markup=False)


@contextmanager
def _collection(
    vault: Path | None, db: Path | None, *, create: bool = False, writable: bool = False
) -> Iterator[tuple[Path, Any]]:
    """The vault and its opened collection, closed afterwards; any SQLite failure while it is
    in use becomes one `CollectionError` naming the file. Without `create`, a missing
    collection is an error telling the user to sync first. With `writable`, a collection that
    cannot be written is refused before the command shows anything."""
    from .config import resolve_db, resolve_vault
    from .store.db import check_writable, collection_errors, open_collection

    folder = resolve_vault(vault)
    path = resolve_db(folder, db)
    if not create and not path.exists():
        raise QuizgardenError(f"no collection at {path}; run `quiz sync` first")
    collection = open_collection(path)
    try:
        if writable:
            check_writable(collection, path)
        with collection_errors(path):
            yield folder, collection
    finally:
        collection.close()


@app.command()
def init(vault: Annotated[Path, typer.Argument(help="The vault to use by default.")]) -> None:
    """Remember VAULT so every later command works on it from anywhere."""
    from .config import remember_vault

    with errors_to_exit():
        if not vault.is_dir():
            raise QuizgardenError(f"{vault} is not a folder")
        path = remember_vault(vault)
    out.print(f"Default vault: {vault.resolve()} (saved in {path})", markup=False)


# --- extract (issue 3) ---


@app.command()
def extract(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Notes or folders of notes. Default: the vault.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Print the cards found in notes, without touching any collection."""
    from .config import resolve_vault, vault_of
    from .extract import scan
    from .identity import mint_unique_id
    from .model import card_dict, card_of
    from .render_cli import cards_table

    rows = []
    read = 0
    with errors_to_exit():
        paths = paths or [resolve_vault(None)]
        separators = _separators(vault_of(paths[0]))
        for result in scan(paths, separators):
            for problem in result.problems:
                warn(problem)
            if result.note is None:
                continue
            read += 1
            ids: set[str] = set()  # one id per card, as sync gives: "In::" and "in::" differ
            for found in result.candidates:
                card_id = mint_unique_id(result.note.path, found, ids.__contains__)
                ids.add(card_id)
                row = card_dict(card_of(found, card_id, result.note))
                if as_json:
                    print_json(row)
                else:
                    rows.append(row)
        if not read:
            shown = ", ".join(map(str, paths))
            raise QuizgardenError(
                f"no readable notes in {shown} (.md, .markdown, .txt, .qmd or .Rmd)"
            )
    if not as_json:
        out.print(cards_table(rows, title=f"{len(rows)} cards from {read} notes"))


# --- sync and cards (issue 4) ---


@app.command()
def sync(vault: VaultArg = None, db: DbOpt = None, json_out: JsonOpt = False) -> None:
    """Bring the collection up to date with the notes; review history survives edits."""
    from dataclasses import asdict

    from .clock import now
    from .config import resolve_vault
    from .store.sync import sync_vault

    with errors_to_exit():
        separators = _separators(resolve_vault(vault))
        with _collection(vault, db, create=True) as (folder, collection):
            report = sync_vault(collection, folder, now=now(), separators=separators)
    for problem in report.problems:
        warn(problem)
    if json_out:
        data = asdict(report)
        data["problems"] = [asdict(p) for p in report.problems]
        print_json(data)
        return
    from .render_cli import sync_summary

    out.print(sync_summary(report))


@app.command()
def cards(
    vault: VaultArg = None,
    db: DbOpt = None,
    json_out: JsonOpt = False,
    deck: DeckOpt = None,
    tag: TagOpt = None,
    due: Annotated[bool, typer.Option("--due", help="Only cards a review would show now.")] = False,
    all_cards: Annotated[
        bool, typer.Option("--all", help="Include retired and rejected cards.")
    ] = False,
    suspended: Annotated[
        bool, typer.Option("--suspended", help="Only suspended cards (bring back: quiz unsuspend).")
    ] = False,
    buried: Annotated[
        bool, typer.Option("--buried", help="Only buried cards (bring back: quiz unbury).")
    ] = False,
    rejected: Annotated[
        bool, typer.Option("--rejected", help="Only rejected cards (bring back: quiz unreject).")
    ] = False,
) -> None:
    """List the collection's cards with their schedule (run `quiz sync` first)."""
    from .clock import now
    from .store.queries import card_listing, check_filters, list_cards

    chosen = [name for name, on in (("suspended", suspended), ("buried", buried),
                                    ("rejected", rejected)) if on]  # fmt: skip
    if len(chosen) > 1:
        err.print("error: give one of --suspended, --buried, --rejected", markup=False)
        raise typer.Exit(2)
    with errors_to_exit(), _collection(vault, db) as (_, collection):
        moment = now()
        deck = check_filters(collection, deck=deck, tag=tag)
        found = list_cards(
            collection,
            deck=deck,
            tag=tag,
            due_before=moment if due else None,
            include_retired=all_cards,
            hidden=chosen[0] if chosen else None,
            now=moment,
        )
    if json_out:
        for card, state in found:
            print_json(card_listing(card, state, moment))
        return
    from .render_cli import schedule_table

    out.print(schedule_table(found, now=moment, width=out.width, ids=bool(chosen)))


IdsArg = Annotated[
    list[str] | None,
    typer.Argument(help="Card ids, or their start, as `quiz cards` shows.", show_default=False),
]
VaultOpt = Annotated[
    Path | None,
    typer.Option(
        "--vault", help="The vault. Default: from `quiz init`, else the current folder.",
        show_default=False,
    ),
]  # fmt: skip
AllOpt = Annotated[bool, typer.Option("--all", help="Every such card (within --deck/--tag).")]


def _bring_back(
    hidden: str, ids: list[str] | None, every: bool, vault: Path | None, db: Path | None,
    deck: str | None, tag: str | None, json_out: bool,
) -> None:  # fmt: skip
    """Unsuspend, unbury or unreject cards: by id, or --all of them within --deck/--tag."""
    from .store.queries import check_filters, find_ids, list_cards
    from .store.reviews import bring_back

    verb = {"suspended": "unsuspend", "buried": "unbury", "rejected": "unreject"}[hidden]
    if not ids and not every:
        err.print(f"error: name the cards to {verb} by id, or give --all", markup=False)
        raise typer.Exit(2)
    with errors_to_exit():
        with _collection(vault, db) as (_, collection):
            if ids:
                wanted = find_ids(collection, ids)
            else:
                deck = check_filters(collection, deck=deck, tag=tag)
                hid = list_cards(collection, deck=deck, tag=tag, hidden=hidden)
                wanted = [card.id for card, _ in hid]
            changed = bring_back(collection, wanted, hidden)
        if ids and not changed:
            raise QuizgardenError(f"none of these cards is {hidden}; nothing to {verb}")
    if json_out:
        for card_id in changed:
            print_json({"card_id": card_id, "action": verb})
        return
    skipped = [card_id for card_id in wanted if card_id not in changed]
    noun = "card" if len(changed) == 1 else "cards"
    out.print(f"{len(changed)} {noun} back in review ({verb}).", markup=False)
    if skipped:
        out.print(f"Not {hidden}, left as they were: {', '.join(skipped)}", markup=False)


@app.command()
def unsuspend(
    ids: IdsArg = None, every: AllOpt = False, vault: VaultOpt = None, db: DbOpt = None,
    deck: DeckOpt = None, tag: TagOpt = None, json_out: JsonOpt = False,
) -> None:  # fmt: skip
    """Bring suspended cards (leeches too) back; list them with `quiz cards --suspended`."""
    _bring_back("suspended", ids, every, vault, db, deck, tag, json_out)


@app.command()
def unbury(
    ids: IdsArg = None, every: AllOpt = False, vault: VaultOpt = None, db: DbOpt = None,
    deck: DeckOpt = None, tag: TagOpt = None, json_out: JsonOpt = False,
) -> None:  # fmt: skip
    """Bring buried cards back today; list them with `quiz cards --buried`."""
    _bring_back("buried", ids, every, vault, db, deck, tag, json_out)


@app.command()
def unreject(
    ids: IdsArg = None, every: AllOpt = False, vault: VaultOpt = None, db: DbOpt = None,
    deck: DeckOpt = None, tag: TagOpt = None, json_out: JsonOpt = False,
) -> None:  # fmt: skip
    """Bring rejected mined cards back; list them with `quiz cards --rejected`."""
    _bring_back("rejected", ids, every, vault, db, deck, tag, json_out)


# --- review, stats, optimize, config (issue 5) ---


@app.command()
def review(
    vault: VaultArg = None,
    db: DbOpt = None,
    json_out: JsonOpt = False,
    deck: DeckOpt = None,
    tag: TagOpt = None,
    limit: Annotated[
        int | None,
        typer.Option(min=0, help="At most this many cards, learning cards included."),
    ] = None,
    new: Annotated[
        int | None,
        typer.Option("--new", min=0, help="New cards this session, instead of the daily limits."),
    ] = None,
    web: Annotated[
        bool, typer.Option("--web", help="Review in the browser: formulas, images, code.")
    ] = False,
    host: Annotated[
        str,
        typer.Option(help="With --web: the address to listen on (0.0.0.0: your whole network)."),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=0, max=65535, help="With --web: the port (0: a free one).")
    ] = 0,
    no_open: Annotated[
        bool, typer.Option("--no-open", help="With --web: print the URL, open no browser.")
    ] = False,
) -> None:
    """Review the cards due today: space shows the answer, 1-4 rate, u undoes, q quits.

    Without a terminal, reads one answer a line (1-4 or again|hard|good|easy, u, s, b, x, q).
    With --web, the same session runs in the browser at a local URL that holds a secret token.
    """
    from .review.input import is_terminal
    from .review.runner import ReviewOptions, run_session
    from .settings import load_settings
    from .store.queries import check_filters

    with errors_to_exit(), _collection(vault, db, writable=True) as (folder, collection):
        deck = check_filters(collection, deck=deck, tag=tag)
        options = ReviewOptions(deck=deck, tag=tag, limit=limit, new=new)
        if web:
            from .web import WebOptions, serve_review

            where = WebOptions(host=host, port=port, open_browser=not no_open)
            serve_review(collection, folder, load_settings(folder), options, where, _say)
            return
        if json_out:
            from .review.screen import JsonScreen

            screen: Any = JsonScreen()
        elif is_terminal() and sys.stdout.isatty():
            from .review.screen import TerminalScreen

            screen = TerminalScreen()
        else:
            from .review.screen import PlainScreen

            screen = PlainScreen()
        run_session(collection, folder, load_settings(folder), options, screen)


@app.command()
def stats(
    vault: VaultArg = None, db: DbOpt = None, json_out: JsonOpt = False, deck: DeckOpt = None
) -> None:
    """Cards by state, the next 30 days, true retention, and a calendar of reviews."""
    from .clock import now
    from .settings import load_settings
    from .stats import collect_stats, render_stats
    from .store.queries import check_filters

    with errors_to_exit(), _collection(vault, db) as (folder, collection):
        deck = check_filters(collection, deck=deck)
        report = collect_stats(collection, now(), load_settings(folder), deck=deck)
    if json_out:
        print_json(report.to_dict())
        return
    out.print(render_stats(report))


@app.command()
def optimize(
    vault: VaultArg = None,
    db: DbOpt = None,
    json_out: JsonOpt = False,
    deck: Annotated[
        str | None,
        typer.Option(help="Fit this deck only and save its parameters for it.", show_default=False),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Save without asking.")] = False,
) -> None:
    """Fit FSRS parameters to your own review log; shows old vs new log loss before saving.

    Saving recomputes every card's memory state from its log with the new parameters.
    """
    from .optimize import optimize_parameters, save_parameters
    from .settings import load_settings
    from .store.queries import check_filters

    with errors_to_exit():
        with _collection(vault, db) as (folder, collection):
            deck = check_filters(collection, deck=deck)
            result = optimize_parameters(collection, load_settings(folder), deck=deck)
        better = result.new_loss < result.old_loss
        if json_out:
            print_json({**result.to_dict(), "saved": bool(yes and better)})
        else:
            out.print(
                f"Fitted on {result.reviews} reviews of {result.cards} cards.\n"
                f"Log loss: current {result.old_loss:.4f} -> fitted {result.new_loss:.4f}"
                f"  (RMSE {result.old_rmse:.4f} -> {result.new_rmse:.4f})",
                markup=False,
            )
        if not better:
            if not json_out:
                out.print("The fitted parameters are no better; nothing saved.")
            return
        if not yes and not json_out:
            yes = sys.stdin.isatty() and typer.confirm("Save the fitted parameters?")
        if yes:
            path = save_parameters(folder, result.parameters, deck=deck)
            recomputed = _recompute(folder, db)
            if not json_out:
                out.print(f"Saved to {path}", markup=False)
                out.print(f"Memory states recomputed for {recomputed} cards.", markup=False)
        elif not json_out:
            out.print("Not saved (run with --yes to save).")


def _recompute(vault: Path | None, db: Path | None) -> int:
    """Every card's memory state again from its log, with the parameters just saved."""
    from .optimize import recompute_memory_states
    from .settings import load_settings

    with _collection(vault, db) as (folder, collection):
        return recompute_memory_states(collection, load_settings(folder).for_deck)


@app.command()
def config(
    vault: VaultArg = None,
    get: Annotated[
        str | None,
        typer.Option("--get", help="Print only this setting's value.", show_default=False),
    ] = None,
    set_: Annotated[
        tuple[str, str] | None,
        typer.Option("--set", help="Set KEY to VALUE ('default' resets it).", show_default=False),
    ] = None,
    deck: Annotated[
        str | None, typer.Option(help="Show or set this deck's value.", show_default=False)
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Show the vault's settings and where each comes from, or set one with --set KEY VALUE."""
    from .config import resolve_vault
    from .settings import describe, load_settings, meaning, set_setting

    with errors_to_exit():
        folder = resolve_vault(vault)
        if set_ is not None:
            key, value = set_
            path = set_setting(folder, key, value, deck=deck)
            if not json_out:
                out.print(f"{key} = {value}" + (f" for deck {deck}" if deck else ""), markup=False)
                out.print(f"(saved in {path})", markup=False, style="dim")
                return
            get = key
        rows = describe(load_settings(folder), deck)
        if get is not None:
            meaning(get)  # an unknown key is an error, not an empty table
            rows = [row for row in rows if row[0] == get]
    if json_out:
        for name, current, source in rows:
            print_json({"key": name, "value": current, "source": source, "deck": deck})
        return
    if get is not None:  # the bare value, for scripts: `quiz config --get new_per_day`
        for _name, current, _source in rows:
            value = " ".join(map(str, current)) if isinstance(current, tuple) else str(current)
            sys.stdout.write(printable(value) + "\n")
        return
    from .render_cli import settings_table

    out.print(settings_table(rows, deck=deck))


# --- export (issue 6) ---


@app.command()
def export(
    vault: VaultArg = None,
    db: DbOpt = None,
    json_out: JsonOpt = False,
    deck: DeckOpt = None,
    tag: TagOpt = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="The .apkg to write (with --split: the folder, or x.apkg for x-<deck>.apkg). "
            "Default: ./decks/<vault name>.apkg (with --split: ./decks/).",
            show_default=False,
        ),
    ] = None,
    split: Annotated[bool, typer.Option("--split", help="One .apkg per top-level deck.")] = False,
    with_schedule: Annotated[
        bool,
        typer.Option(
            "--with-schedule",
            help="Carry FSRS progress to Anki (import with 'learning progress' on).",
        ),
    ] = False,
    include_suspended: Annotated[
        bool,
        typer.Option("--include-suspended", help="Include suspended cards, suspended."),
    ] = False,
    update_anki: Annotated[
        Path | None,
        typer.Option(
            "--update-anki",
            help="Also write the schedule into the cards this Anki collection file "
            "(collection.anki2) already has; close Anki first. Implies --with-schedule.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write the cards to an Anki package; importing it again updates the notes in Anki."""
    from .clock import now
    from .export import export_apkg
    from .settings import load_settings
    from .store.queries import check_filters, list_cards

    with errors_to_exit():
        with _collection(vault, db) as (folder, collection):
            deck = check_filters(collection, deck=deck, tag=tag)
            # retired and rejected cards too: the summary counts every card left out
            found = list_cards(collection, deck=deck, tag=tag, include_retired=True)
        folder = folder.resolve()
        reasons = _left_out(found, include_suspended)
        default = Path.cwd() / "decks"
        target = output or (default if split else default / f"{folder.name}.apkg")
        days = load_settings(folder).for_deck(None).days
        result = export_apkg(
            found,
            target,
            vault=folder,
            split=split,
            with_schedule=with_schedule or update_anki is not None,
            include_suspended=include_suspended,
            days=days,
        )
        updated = None
        if update_anki is not None:
            from .export.update import update_collection

            updated = update_collection(update_anki, found, days=days, now=now())
    for problem in result.problems:
        warn(problem)
    if json_out:
        print_json({**result.to_dict(), **({"anki_updated": vars(updated)} if updated else {})})
        return
    for file in result.files:
        out.print(f"Wrote {file}", markup=False)
    if updated is not None:
        out.print(
            f"Updated the schedule of {updated.updated} cards in {update_anki}"
            f" ({updated.missing} not there yet: import the package;"
            f" {updated.skipped} new here, left as they are)",
            markup=False,
        )
    why = ", ".join(f"{n} {reason}" for reason, n in reasons.items() if n)
    out.print(
        f"{result.notes} notes, {result.cards} cards, {result.media} media files"
        f", {result.left_out} cards left out"
        + (f" ({why})" if why else "")
        + (f", {len(result.problems)} warnings" if result.problems else ""),
        markup=False,
    )


def _left_out(found: list[tuple[Any, Any]], include_suspended: bool) -> dict[str, int]:
    """Why cards stay out of an export, as the summary counts them."""
    reasons = {"retired": 0, "rejected": 0, "suspended": 0}
    for card, state in found:
        if card.retired is not None:
            reasons["retired"] += 1
        elif card.rejected is not None:
            reasons["rejected"] += 1
        elif state.suspended and not include_suspended:
            reasons["suspended"] += 1
    return reasons


def main() -> None:
    app()
