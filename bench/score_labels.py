"""Score extraction on blind-labelled notes: the corpus (tests/fixtures/corpus_gold.json) or the
wide notes of many subjects and languages (tests/fixtures/wide_gold.json).

Run by hand:
    python bench/score_labels.py [--set A] [--verbose]          # ../shared/corpus
    python bench/score_labels.py --wide [--set W1]              # ../shared/corpus-wide, by group
    python bench/score_labels.py --checkout /work/main          # score another checkout
    python bench/score_labels.py --labels L.json --source DIR   # labels kept outside the repo
    python bench/score_labels.py --labels L.json --source DIR --cards HAND.jsonl  # cards by hand

The labels name notes by their path under the notes folder; the scorer
(../shared/tools/eval_extract.py) wants one folder of notes keyed by file name, so the notes are
copied into a temporary folder first, each into a numbered folder of its own (`n007/Dialysis.md`)
under its own file name, which may be its title. A note from an Obsidian vault (a folder above
it holds `.obsidian`) is copied with the vault's plugin settings, and that copy is read as a vault
of its own, as its author's flashcard plugins read it. The extractor runs once, from the checkout
being scored (its folder is the working directory and the only PYTHONPATH entry, so `-m quizgarden`
imports that checkout's package, not this one); the scorer then reads its cards. The cards are
also scored per set, and per language and per subject where the labels name them. The last line
printed is the scorer's summary of everything: precision=… recall=… f1=… cards=… junk=…
forbidden=… missed=…

`--cards` scores cards that were not made by the extractor (a person's, as a ceiling for it): JSON
Lines with `note` (the labelled path), `front`, `back` and `type`, over the notes they name.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "eval_extract.py"
CORPUS = (ROOT / "tests" / "fixtures" / "corpus_gold.json", SHARED / "corpus")
WIDE = (ROOT / "tests" / "fixtures" / "wide_gold.json", SHARED / "corpus-wide")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wide", action="store_true", help="score wide_gold.json (corpus-wide)")
    parser.add_argument("--set", help="one set of notes (A…I for the corpus, W1… for --wide)")
    parser.add_argument("--verbose", action="store_true", help="list every miss and junk card")
    parser.add_argument(
        "--labels", type=Path, help="a labels file in the same format (grouped as --wide)"
    )
    parser.add_argument("--source", type=Path, help="the folder the --labels paths are under")
    parser.add_argument(
        "--checkout", type=Path, default=ROOT, help="the quizgarden checkout to score"
    )
    parser.add_argument(
        "--cmd",
        help="the extractor command (default: this Python running -m quizgarden extract --json, "
        "from --checkout)",
    )
    parser.add_argument(
        "--cards",
        type=Path,
        help="score these cards (JSON Lines naming each note by its labelled path) instead of "
        "running the extractor, on the notes they name",
    )
    args = parser.parse_args()
    labels_path, source = WIDE if args.wide else CORPUS
    if args.labels:
        if not args.source:
            sys.exit("--labels needs --source")
        labels_path, source, args.wide = args.labels, args.source, True
    if not labels_path.is_file():
        sys.exit(f"{labels_path} is missing")
    labels = json.loads(labels_path.read_text("utf-8"))
    if args.set and args.set not in labels["sets"]:
        sys.exit(f"no set {args.set!r}; sets: {', '.join(labels['sets'])}")
    paths = labels["sets"][args.set] if args.set else sorted(labels["notes"])
    hand = _read_cards(args.cards) if args.cards else None
    if hand is not None:
        paths = [path for path in paths if path in hand]
    checkout = args.checkout.resolve()
    cmd = args.cmd or f"{sys.executable} -m quizgarden extract --json"
    with tempfile.TemporaryDirectory() as folder:
        where, roots = copy_notes(source, paths, Path(folder))
        in_set = {path: s for s, members in labels["sets"].items() for path in members}
        gold = {name: _checked(path, labels["notes"][path]) for name, path in where.items()}
        sets = {name: in_set.get(path, "?") for name, path in where.items()}
        cards = Path(folder) / "cards.jsonl"
        env = {**os.environ, "PYTHONPATH": str(checkout)}
        found = []
        if hand is not None:
            named = {path: name for name, path in where.items()}
            found = [_as_found(card, named[path]) for path in paths for card in hand[path]]
            roots = []
        for root in roots:
            argv = [*shlex.split(cmd), str(root)]
            run = subprocess.run(argv, capture_output=True, text=True, cwd=checkout, env=env)
            if run.returncode != 0:
                sys.exit(f"extractor failed ({run.returncode}): {run.stderr.strip()[-2000:]}")
            found.append(run.stdout)
        cards.write_text("".join(found), "utf-8")
        _by_group(folder, gold, cards, sets)
        result = _score(folder, "gold.json", gold, cards, verbose=args.verbose)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    sys.exit(result.returncode)


def _read_cards(path: Path) -> dict[str, list[dict[str, object]]]:
    """Hand-written cards by the labelled path of their note."""
    by_note: dict[str, list[dict[str, object]]] = defaultdict(list)
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.strip():
            card = json.loads(line)
            if "note" not in card:
                sys.exit(f"{path}:{n}: a card names no note")
            by_note[str(card["note"])].append(card)
    return by_note


def _as_found(card: dict[str, object], name: str) -> str:
    """`card` as the extractor prints it, under the name its note's copy has here."""
    fields = {"front": card.get("front", ""), "back": card.get("back", "")}
    return json.dumps({**fields, "type": card.get("type", "basic"), "note": name}) + "\n"


def copy_notes(source: Path, paths: list[str], folder: Path) -> tuple[dict[str, str], list[Path]]:
    """Copy the labelled notes into `folder` as the extractor should read them: each keeps its
    file name (a note's title is often its file's stem) in a folder of its own, as names repeat
    across repositories ("README.md"); a note of an Obsidian vault goes into a copy of that vault's
    plugin settings, so its cards are read as in the author's vault. Returns each copy's name
    (`n007/Dialysis.md`) with the labelled path it came from, and the folders to extract."""
    notes = folder / "notes"
    notes.mkdir()
    vaults: dict[Path, Path] = {}  # a vault the labels' notes sit in -> its copy here
    where: dict[str, str] = {}
    for n, path in enumerate(paths):
        vault = _vault_of(source, path)
        here = notes
        if vault is not None:
            if vault not in vaults:
                vaults[vault] = _settings_copy(vault, folder / f"vault{len(vaults)}")
            here = vaults[vault]
        name = f"n{n:03d}/{Path(path).name}"
        (here / name).parent.mkdir(parents=True)
        shutil.copyfile(source / path, here / name)
        where[name] = path
    return where, [notes, *vaults.values()] if any(notes.iterdir()) else list(vaults.values())


def _vault_of(source: Path, path: str) -> Path | None:
    """The Obsidian vault a labelled note sits in (the nearest folder above it with an
    `.obsidian` folder), so its plugin settings are read as in the author's vault."""
    for folder in (source / path).parents:
        if folder == source or source not in folder.parents:
            return None
        if (folder / ".obsidian").is_dir():
            return folder
    return None


def _settings_copy(vault: Path, here: Path) -> Path:
    """`here`, a vault holding a copy of `vault`'s plugin settings files and nothing else yet."""
    for data in (vault / ".obsidian" / "plugins").glob("*/data.json"):
        target = here / data.relative_to(vault)
        target.parent.mkdir(parents=True)
        shutil.copyfile(data, target)
    here.mkdir(parents=True, exist_ok=True)
    return here


def _checked(path: str, label: dict[str, object]) -> dict[str, object]:
    """`label` without the forbidden entries the scorer's `norm` turns into "" (a fence of
    backticks, a lone `**`): "" is in every card, so one such entry would fail every card of the
    note. Each is named on stderr, so the labels can be mended."""
    out = dict(label)
    for key in ("forbidden", "forbidden_fronts"):
        entries = label.get(key)
        if not isinstance(entries, list):
            continue
        empty = [entry for entry in entries if not _norm()(str(entry))]
        for entry in empty:
            print(
                f"warning: {path}: {key} entry {entry!r} matches every card; left out",
                file=sys.stderr,
            )
        out[key] = [entry for entry in entries if entry not in empty]
    return out


@functools.cache
def _norm() -> Callable[[str], str]:
    """The scorer's own `norm`, so "matches every card" means what the scorer will do."""
    spec = importlib.util.spec_from_file_location("eval_extract", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return cast(Callable[[str], str], module.norm)


def _score(
    folder: str, name: str, gold: dict[str, dict[str, object]], cards: Path, *, verbose: bool
) -> subprocess.CompletedProcess[str]:
    labels = Path(folder) / name
    labels.write_text(json.dumps({"notes": gold}), "utf-8")
    command = [sys.executable, str(SCORER), "--gold", str(labels), "--notes", str(folder)]
    command += ["--cards", str(cards)] + (["--verbose"] if verbose else [])
    return subprocess.run(command, capture_output=True, text=True, check=False)


def _by_group(
    folder: str, gold: dict[str, dict[str, object]], cards: Path, sets: dict[str, str]
) -> None:
    """Precision, recall and cards per note for each set, and for each language and each subject
    where the labels name them."""
    keys = ["set"] + [
        key for key in ("language", "subject") if any(key in g for g in gold.values())
    ]
    for key in keys:
        groups: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
        for name, label in gold.items():
            group = sets[name] if key == "set" else str(label.get(key, "?"))
            groups[group][name] = label
        for group, members in sorted(groups.items()):
            safe = "".join(c if c.isalnum() else "_" for c in group)
            out = _score(folder, f"{key}-{safe}.json", members, cards, verbose=False)
            summary = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else "?"
            fields = dict(part.split("=", 1) for part in summary.split() if "=" in part)
            per_note = int(fields.get("cards", 0)) / len(members)
            print(
                f"{key}={group} notes={len(members)} precision={fields.get('precision')} "
                f"recall={fields.get('recall')} cards_per_note={per_note:.1f}"
            )


if __name__ == "__main__":
    main()
