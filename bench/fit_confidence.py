"""Fit the mined cards' confidence on the development labels, and check it on repositories left out.

Run by hand:
    python bench/fit_confidence.py                 # fit, print the checks, write the weights
    python bench/fit_confidence.py --dry-run       # the checks only
    python bench/fit_confidence.py --l2 1 3 10     # compare penalties (leave-one-repository-out)
    python bench/fit_confidence.py --labels L.json NOTES [--labels ...] [--verdicts V.jsonl ...]

Every mined card the extractor of this checkout gives on the development labels is labelled good
(it matches a required or acceptable item, by the scorer's own matching,
../shared/tools/eval_extract.py) or junk (it matches none, or holds what the labels forbid). The
labels: corpus sets A-H of ../shared/corpus and the wide notes of ../shared/corpus-wide (in the
repository), and each labels file given with `--labels`, over the folder its paths are under (the
study sets of bench/labels/ are kept there without their notes: their licences do not allow it;
the weights file names the command that wrote it).
Notes are copied as bench/score_labels.py copies them, with their vault's plugin settings, so each
card is the one the scorer sees. Held-out notes (corpus sets I, J and K, anything under a folder
of HELD_OUT_DIRS) are never read. Each card is described by
`quizgarden.extract.confidence.features`, structural and language-neutral (the card, and its
note's shape: the note is read as the extractor reads it), and a logistic regression with an L2
penalty (Newton's method, pure Python) is fitted on them.

The check that counts is leave-one-repository-out: for each repository (`owner__repo`, the first
folder of a note's path), fit on the others and rate its cards. Printed: AUC (good vs junk) of
the confidence the checkout gives (its weights before the refit; fitted on some of these
cards, so not a fair check of them) and of the model, pooled, over the `--labels` sets, and per
labels file; for thresholds 0.3-0.7 the share of junk left out and of good cards lost (pooled,
then per labels file); each `--labels` set's precision and recall at each threshold, re-scored by
the scorer; and, given judges' card-by-card verdicts (`--verdicts`, JSON lines of note, front,
back and verdict keep/junk), the same AUC and shares against the verdicts, for the cards they
judged. Last, the model fitted on every card is written to
quizgarden/extract/confidence_weights.py.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import textwrap
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
HELD_OUT_SETS = frozenset({"I", "J", "K"})
#: Folders of blind sets being labelled or kept for a last check: nothing under them is read.
#: The blind set of the day is named by QUIZGARDEN_HELD_OUT (folders joined by os.pathsep), so
#: that a new set is guarded without editing this file.
HELD_OUT_DIRS = tuple(
    Path(folder)
    for folder in ("/work/fresh", *os.environ.get("QUIZGARDEN_HELD_OUT", "").split(os.pathsep))
    if folder
)
#: The repository's own labels: always fitted on.
BUILT_IN = (
    ("corpus", ROOT / "tests" / "fixtures" / "corpus_gold.json", SHARED / "corpus"),
    ("wide", ROOT / "tests" / "fixtures" / "wide_gold.json", SHARED / "corpus-wide"),
)
BUILT_IN_NAMES = frozenset(name for name, _, _ in BUILT_IN)
WEIGHTS_FILE = ROOT / "quizgarden" / "extract" / "confidence_weights.py"
THRESHOLDS = (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7)

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SHARED / "tools"))
sys.path.insert(0, str(ROOT / "bench"))
from eval_extract import score_note  # noqa: E402
from score_labels import _checked, copy_notes  # noqa: E402

from quizgarden.extract.confidence import NoteShape, features  # noqa: E402
from quizgarden.model import Candidate  # noqa: E402
from quizgarden.notes import read_note  # noqa: E402


@dataclass(frozen=True)
class Row:
    """One card the extractor gave on a labelled note, and what the labels say of it."""

    source: str  # corpus, wide or a --labels file's name (A, DV, ...)
    repo: str
    note: str
    card: dict[str, object]
    good: bool
    features: dict[str, float]
    shipped: float  # the confidence the extractor gave it: the weights before a refit


def sources(extra: list[tuple[Path, Path]]) -> list[tuple[str, Path, Path, list[str]]]:
    """(name, labels, notes folder, sets) of each development labels file: the repository's own
    (held-out sets out), then each of `extra`, named by its file (`labels-A.json`: A). Fails on
    anything held out: a folder of HELD_OUT_DIRS, checked before any file is read, or a corpus
    note of a held-out set."""
    given = [(name, labels, folder) for name, labels, folder in BUILT_IN]
    given += [(labels.stem.removeprefix("labels-"), labels, folder) for labels, folder in extra]
    for _, labels, folder in given:
        for path in (labels.resolve(), folder.resolve()):
            assert not any(d in (path, *path.parents) for d in HELD_OUT_DIRS), path
    assert len({name for name, *_ in given}) == len(given), "two labels files of one name"
    corpus_sets = json.loads(BUILT_IN[0][1].read_text("utf-8"))["sets"]
    held_out = {p for s in HELD_OUT_SETS for p in corpus_sets.get(s, [])}
    found = []
    for name, labels, folder in given:
        members = json.loads(labels.read_text("utf-8"))["sets"]
        sets = sorted(set(members) - HELD_OUT_SETS) if name in BUILT_IN_NAMES else sorted(members)
        if folder.resolve() == BUILT_IN[0][2].resolve():
            assert not held_out & {p for s in sets for p in members[s]}, labels
        found.append((name, labels, folder, sets))
    return found


def collect(name: str, labels_path: Path, folder: Path, sets: list[str]) -> list[Row]:
    """Run this checkout's extractor on the labelled notes (copied as bench/score_labels.py
    copies them, a note of an Obsidian vault with the vault's plugin settings, each root with
    min_confidence 0 so no card is left out) and label every card it gives."""
    labels = json.loads(labels_path.read_text("utf-8"))
    paths = sorted({p for s in sets for p in labels["sets"][s]})
    floor = "[extract]\nmin_confidence = 0.0\n"
    with tempfile.TemporaryDirectory() as tmp:
        where, roots = copy_notes(folder, paths, Path(tmp))
        out = []
        for root in roots:
            (root / ".quizgarden").mkdir()
            (root / ".quizgarden" / "settings.toml").write_text(floor)
            run = subprocess.run(
                [sys.executable, "-m", "quizgarden", "extract", "--json", str(root)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                check=True,
            )
            out.append(run.stdout)
    by_note: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in "".join(out).splitlines():
        if line.strip():
            card = json.loads(line)
            by_note[str(card["note"])].append(card)
    rows = []
    for key, path in where.items():
        cards = by_note.get(key, [])
        result = score_note(_checked(path, labels["notes"][path]), cards)
        bad = {id(c) for c in result["junk"]} | {id(c) for c, _ in result["forbidden"]}
        candidates = [
            Candidate(str(c["rule"]), c["type"], str(c["front"]), str(c["back"]), int(c["line"]))  # type: ignore[arg-type,call-overload]
            for c in cards
        ]
        note, _ = read_note(folder / path, folder / path.split("/", 1)[0])
        # the extractor's: no card was left out (min 0), and the note's body as it read it
        shape = NoteShape.of(candidates, note.body if note else None)
        for card, candidate in zip(cards, candidates, strict=True):
            rows.append(
                Row(
                    name,
                    path.split("/", 1)[0],
                    path,
                    card,
                    id(card) not in bad,
                    features(candidate, shape) if candidate.mined else {},
                    float(card["confidence"]),  # type: ignore[arg-type]
                )
            )
    return rows


# -- logistic regression, sparse rows, Newton's method --


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a x = b, a symmetric positive definite (Cholesky)."""
    n = len(b)
    low = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1):
            s = a[i][j] - sum(low[i][k] * low[j][k] for k in range(j))
            low[i][j] = math.sqrt(max(s, 1e-12)) if i == j else s / low[j][j]
    y = [0.0] * n
    for i in range(n):
        y[i] = (b[i] - sum(low[i][k] * y[k] for k in range(i))) / low[i][i]
    x = [0.0] * n
    for i in reversed(range(n)):
        x[i] = (y[i] - sum(low[k][i] * x[k] for k in range(i + 1, n))) / low[i][i]
    return x


def fit(
    rows: list[dict[str, float]],
    labels: list[bool],
    names: list[str],
    l2: float,
    weight: list[float] | None = None,
    start: tuple[float, dict[str, float]] | None = None,
) -> tuple[float, dict[str, float]]:
    """Intercept and weights minimising the (card-weighted) log loss plus l2/2 * |weights|^2
    (not the intercept). The loss is convex, so `start` (a fit on more cards) only saves
    Newton steps: the optimum is the same."""
    weight = weight or [1.0] * len(rows)
    index = {name: i + 1 for i, name in enumerate(names)}
    sparse = [[(0, 1.0)] + [(index[k], v) for k, v in r.items() if k in index and v] for r in rows]
    d = len(names) + 1
    w = [0.0] * d
    if start is not None:
        w[0] = start[0]
        for name, i in index.items():
            w[i] = start[1].get(name, 0.0)
    for _ in range(30):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y, c in zip(sparse, labels, weight, strict=True):
            z = sum(w[i] * v for i, v in x)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g, h = c * (p - (1.0 if y else 0.0)), c * p * (1 - p)
            for i, v in x:
                grad[i] += g * v
                hv = h * v
                for j, u in x:
                    if j <= i:
                        hess[i][j] += hv * u
        for i in range(1, d):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        for i in range(d):
            for j in range(i + 1, d):
                hess[i][j] = hess[j][i]
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w[0], {name: w[index[name]] for name in names}


def predict(intercept: float, weights: dict[str, float], found: dict[str, float]) -> float:
    z = intercept + sum(weights.get(k, 0.0) * v for k, v in found.items())
    return round(min(0.99, max(0.01, 1 / (1 + math.exp(-z)))), 2)


def auc(scores: list[float], good: list[bool]) -> float:
    """The chance that a good card is rated above a junk one (ties count half)."""
    n_good = sum(good)
    n_junk = len(good) - n_good
    if not n_good or not n_junk:
        return math.nan
    pairs = sorted(zip(scores, good, strict=True))
    ranks_good, i = 0.0, 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mid = (i + 1 + j) / 2  # ranks are 1-based; ties share their mean rank
        ranks_good += mid * sum(1 for k in range(i, j) if pairs[k][1])
        i = j
    return (ranks_good - n_good * (n_good + 1) / 2) / (n_good * n_junk)


def cut(scores: list[float], good: list[bool], threshold: float) -> tuple[float, float]:
    """(share of junk left out, share of good cards lost) at `threshold`."""
    junk = [s for s, g in zip(scores, good, strict=True) if not g]
    kept = [s for s, g in zip(scores, good, strict=True) if g]
    return (
        sum(s < threshold for s in junk) / len(junk),
        sum(s < threshold for s in kept) / len(kept),
    )


def rescore(rows: list[Row], rating: dict[int, float], labels: dict[str, dict[str, object]],
            threshold: float) -> tuple[float, float]:  # fmt: skip
    """Precision and recall by the scorer once mined cards rated below `threshold` are left out."""
    by_note: dict[str, list[dict[str, object]]] = defaultdict(list)
    for n, row in enumerate(rows):
        if not row.card["mined"] or rating[n] >= threshold:
            by_note[row.note].append(row.card)
    cards = good = found = required = 0
    for note, label in labels.items():
        result = score_note(label, by_note.get(note, []))
        cards += result["cards"]
        good += result["good"]
        found += result["found"]
        required += result["required"]
    return (good / cards if cards else 1.0), (found / required if required else 1.0)


def balanced(rows: list[Row], balance: float) -> list[float]:
    """Each card's weight in the fit: 1 at balance 0; at 1, every repository weighs the same
    in all, however many cards it gave (a few large repositories would otherwise teach their
    own habits). Normalised to the number of cards."""
    per_repo: dict[str, int] = defaultdict(int)
    for r in rows:
        per_repo[r.repo] += 1
    raw = [(1 / per_repo[r.repo]) ** balance for r in rows]
    scale = len(rows) / sum(raw)
    return [x * scale for x in raw]


def loro(rows: list[Row], names: list[str], l2: float, balance: float) -> dict[int, float]:
    """Each mined card's rating by a model fitted without its repository."""
    mined = [n for n, r in enumerate(rows) if r.card["mined"]]
    every = fit(
        [rows[n].features for n in mined], [rows[n].good for n in mined], names, l2,
        balanced([rows[n] for n in mined], balance),
    )  # fmt: skip
    rated: dict[int, float] = {}
    for repo in sorted({rows[n].repo for n in mined}):
        train = [n for n in mined if rows[n].repo != repo]
        present = sorted({k for n in train for k in rows[n].features})
        intercept, weights = fit(
            [rows[n].features for n in train], [rows[n].good for n in train],
            [k for k in names if k in present], l2, balanced([rows[n] for n in train], balance),
            every,
        )  # fmt: skip
        for n in mined:
            if rows[n].repo == repo:
                rated[n] = predict(intercept, weights, rows[n].features)
    return rated


def repo_auc(
    rows: list[Row], keep: list[int], rating: dict[int, float], truth: dict[int, bool] | None = None
) -> tuple[float, int]:
    """The mean AUC within a repository, over those with at least 3 good and 3 junk cards: how
    well the rating sorts one vault's cards, which the pooled AUC mixes with how junky each
    repository is as a whole. Also the number of repositories it averages. Good is by the
    labels, or by `truth` where given."""
    by_repo: dict[str, list[int]] = defaultdict(list)
    for n in keep:
        by_repo[rows[n].repo].append(n)
    found = []
    for members in by_repo.values():
        good = [truth[n] if truth is not None else rows[n].good for n in members]
        if sum(good) >= 3 and len(good) - sum(good) >= 3:
            found.append(auc([rating[n] for n in members], good))
    return (sum(found) / len(found) if found else math.nan), len(found)


def report(
    rows: list[Row],
    rated: dict[int, float],
    title: str,
    truth: dict[int, bool] | None = None,
    detail: bool = False,
) -> None:
    """AUC pooled and within a repository, and with `detail` the shares left out at each
    threshold, pooled, over the `--labels` sets and per labels file; judged by the labels, or
    by `truth` (the judges' verdicts) for the cards it holds."""
    truth = truth if truth is not None else {n: rows[n].good for n in rated}
    mined = sorted(n for n in rated if n in truth)
    shipped = {n: rows[n].shipped for n in mined}
    dev = [n for n in mined if rows[n].source not in BUILT_IN_NAMES]
    scopes = [("all", mined)] + ([("labels", dev)] if dev and len(dev) < len(mined) else [])
    if detail:
        scopes += [(s, [n for n in mined if rows[n].source == s]) for s in _sources_of(rows)]
    for scope, keep in scopes:
        if not keep:
            continue
        good = [truth[n] for n in keep]
        old = [shipped[n] for n in keep]
        new = [rated[n] for n in keep]
        old_within, repos = repo_auc(rows, keep, shipped, truth)
        new_within, _ = repo_auc(rows, keep, rated, truth)
        print(
            f"{title} {scope}: cards={len(keep)} good={sum(good)} junk={len(good) - sum(good)} "
            f"AUC shipped={auc(old, good):.3f} model={auc(new, good):.3f}; within a repository "
            f"({repos}) shipped={old_within:.3f} model={new_within:.3f}"
        )
        if not detail or all(good) or not any(good):
            continue
        for t in THRESHOLDS:
            oj, og = cut(old, good, t)
            nj, ng = cut(new, good, t)
            print(
                f"  t={t}: junk out shipped={oj:.2f} model={nj:.2f}; "
                f"good lost shipped={og:.2f} model={ng:.2f}"
            )


def floor_table(
    rows: list[Row],
    rated: dict[int, float],
    labels_of: dict[str, dict[str, dict[str, object]]],
    title: str,
) -> None:
    """For each threshold, on each labels file (LORO ratings): the share of junk left out and
    of good cards lost, precision and recall re-scored by the scorer and their change from no
    floor; and whether the floor earns a default: on every file junk cut at least 3x the good
    cut and precision up by 0.01 or more."""
    print(f"floors per labels file (LORO ratings, {title}): junk out/good lost, P/R (change)")
    base: dict[str, tuple[float, float]] = {}
    for t in (0.0, *THRESHOLDS):
        line, ok = [f"  t={t:<4}"], True
        for name, labels in labels_of.items():
            offset = next(n for n, r in enumerate(rows) if r.source == name)
            mine = [r for r in rows if r.source == name]
            model = {n - offset: rated[n] for n in rated if rows[n].source == name}
            p, r = rescore(mine, model, labels, t)
            base.setdefault(name, (p, r))
            keep = [n for n in rated if rows[n].source == name]
            junk_out, good_lost = cut([rated[n] for n in keep], [rows[n].good for n in keep], t)
            dp, dr = p - base[name][0], r - base[name][1]
            line.append(
                f"{name} {junk_out:.2f}/{good_lost:.2f} P {p:.3f} ({dp:+.3f}) R {r:.3f} ({dr:+.3f})"
            )
            ok = ok and t > 0 and junk_out >= 3 * good_lost and dp >= 0.01
        print(";".join(line) + ("  <- earns a default" if ok else ""))


def _sources_of(rows: list[Row]) -> list[str]:
    return list(dict.fromkeys(r.source for r in rows))


def verdicts_of(rows: list[Row], paths: list[Path]) -> dict[int, bool]:
    """Each mined card a judge gave a verdict on (the same note, front and back), and whether
    the judge kept it. The judges read an earlier commit's cards: a card changed since has none."""
    judged: dict[tuple[str, str, str], bool] = {}
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                v = json.loads(line)
                judged[v["note"], v["front"], v["back"]] = v["verdict"] == "keep"
    found = {}
    for n, row in enumerate(rows):
        key = (row.note, str(row.card["front"]), str(row.card["back"]))
        if row.card["mined"] and key in judged:
            found[n] = judged[key]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, nargs="+", default=[3.0], help="penalties to try")
    parser.add_argument(
        "--balance", type=float, nargs="+", default=[0.5],
        help="0: every card weighs the same; 1: every repository does",
    )  # fmt: skip
    parser.add_argument("--dry-run", action="store_true", help="do not write the weights")
    parser.add_argument("--min-cards", type=int, default=10, help="fewest cards per feature")
    parser.add_argument(
        "--labels", nargs=2, action="append", type=Path, default=[], metavar=("LABELS", "NOTES"),
        help="a labels file and the folder its paths are under, fitted on too (repeat)",
    )  # fmt: skip
    parser.add_argument(
        "--verdicts", nargs="+", type=Path, default=[],
        help="judges' verdicts (JSON lines: note, front, back, verdict) to check the rating by",
    )  # fmt: skip
    args = parser.parse_args()
    rows: list[Row] = []
    labels_of: dict[str, dict[str, dict[str, object]]] = {}
    for name, labels_path, folder, sets in sources([(a, b) for a, b in args.labels]):
        got = collect(name, labels_path, folder, sets)
        rows += got
        labels = json.loads(labels_path.read_text("utf-8"))
        members = sorted({p for s in sets for p in labels["sets"][s]})
        labels_of[name] = {p: _checked(p, labels["notes"][p]) for p in members}
        mined = [r for r in got if r.card["mined"]]
        print(
            f"{name}: notes={len(members)} repos={len({r.repo for r in got})} cards={len(got)} "
            f"mined={len(mined)} junk={sum(not r.good for r in mined)}"
        )
    mined = [r for r in rows if r.card["mined"]]
    counts: dict[str, int] = defaultdict(int)
    for r in mined:
        for k in r.features:
            counts[k] += 1
    names = sorted(k for k, c in counts.items() if c >= args.min_cards)
    print(f"repos={len({r.repo for r in mined})} mined cards={len(mined)} features={len(names)}")
    best = None
    for l2, balance in [(a, b) for a in args.l2 for b in args.balance]:
        rated = loro(rows, names, l2, balance)
        report(rows, rated, f"LORO l2={l2} balance={balance}")
        loss = -sum(
            math.log(max(1e-6, rated[n] if rows[n].good else 1 - rated[n])) for n in rated
        ) / len(rated)
        within, _ = repo_auc(rows, sorted(rated), rated)
        print(f"  log loss={loss:.4f}")
        # kept: the penalty and balance that sort a vault's cards best on vaults left out
        if best is None or within > best[0]:
            best = (within, l2, balance, rated)
    assert best is not None
    _, l2, balance, rated = best
    report(rows, rated, f"LORO kept l2={l2} balance={balance}", detail=True)
    if args.verdicts:
        judged = verdicts_of(rows, args.verdicts)
        report(rows, rated, f"LORO kept, by the verdicts ({len(judged)} cards)", judged, True)
    floor_table(rows, rated, labels_of, f"l2={l2} balance={balance}")
    intercept, weights = fit(
        [r.features for r in mined], [r.good for r in mined], names, l2, balanced(mined, balance)
    )
    if not args.dry_run:
        write(intercept, weights, l2, balance, rows, " ".join(map(_as_recorded, sys.argv[1:])))
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)}")


def _as_recorded(arg: str) -> str:
    """A path as the weights file records it: relative to the checkout, or, outside it (a
    folder of notes that are not shipped), by its last two parts, so no machine's layout is
    written into the package; a file (a judge's verdicts) by its last three, as every session's
    judges write `judge/verdicts-A.jsonl` in a folder of their own."""
    if os.sep not in arg:
        return arg
    path = Path(arg).resolve()
    if path.is_relative_to(ROOT):
        return str(path.relative_to(ROOT))
    return str(Path(*path.parts[-3 if path.is_file() else -2 :]))


def write(
    intercept: float,
    weights: dict[str, float],
    l2: float,
    balance: float,
    rows: list[Row],
    command: str,
) -> None:
    mined = [r for r in rows if r.card["mined"]]
    by_source: dict[str, int] = defaultdict(int)
    for r in mined:
        by_source[r.source] += 1
    made_from = ", ".join(f"{k} {v}" for k, v in sorted(by_source.items()))
    repos = len({x.repo for x in mined})
    about = (
        f"A logistic regression (L2 penalty {l2:g}, not on the intercept; repository balance "
        f"{balance:g}, the script's defaults: at the refits of sessions 27 and 34 L2 1, 3, 10 and "
        "balance 0, 0.5, 1 were compared by leaving one repository out, and L2 1 and 3 at balance "
        "0.5 sorted each left-out repository's cards best, tied) fitted on "
        f"{len(mined)} mined cards of {repos} repositories, each labelled good or junk by the "
        f"blind labels and the scorer's matching. Cards per labels file: {made_from} (corpus: "
        "sets A-H only; held-out sets and notes are never read)."
    )
    lines = [
        '"""Weights of the mined cards\' confidence (`confidence.py`). GENERATED, do not edit:',
        "run `python bench/fit_confidence.py` to refit.",
        "",
        *textwrap.wrap(about, 96),
        "",
        "Written by:",
        *textwrap.wrap(
            f"python bench/fit_confidence.py {command}".strip(),
            92,
            initial_indent="    ",
            subsequent_indent="        ",
            break_on_hyphens=False,
            break_long_words=False,
        ),
        '"""',
        "",
        f"INTERCEPT = {intercept:.4f}",
        "WEIGHTS: dict[str, float] = {",
        *(f'    "{k}": {v:.4f},' for k, v in sorted(weights.items())),
        "}",
        "",
    ]
    WEIGHTS_FILE.write_text("\n".join(lines), "utf-8")


if __name__ == "__main__":
    main()
