"""Fit the mined cards' confidence on the development labels, and check it on repositories left out.

Run by hand:
    python bench/fit_confidence.py                 # fit, print the checks, write the weights
    python bench/fit_confidence.py --dry-run       # the checks only
    python bench/fit_confidence.py --l2 1 3 10     # compare penalties (leave-one-repository-out)

Every mined card the extractor of this checkout gives on the development labels (corpus sets
A-H of ../shared/corpus, the wide notes of ../shared/corpus-wide, and every labels-D*.json in
$QUIZGARDEN_FRESH_DEV, default /work/fresh-dev27, over the notes of its notes/ folder, where that
folder exists: it lives outside the repository; fresh-dev27 holds DR, DS, DT and DU, the R, S, T
and U sets, as symlinks) is labelled good (it matches a required or acceptable item, by the scorer's
own matching, ../shared/tools/eval_extract.py) or junk (it matches none, or holds what the labels
forbid). Held-out notes (corpus sets I, J and K, anything under /work/fresh) are
never read. Each card is described by `quizgarden.extract.confidence.features`, structural and
language-neutral (the card, and its note's shape: the note is read as the extractor reads it),
and a logistic regression with an L2 penalty (Newton's method, pure Python) is fitted on them.

The check that counts is leave-one-repository-out: for each repository (`owner__repo`, the first
folder of a note's path), fit on the others and rate its cards. Printed: AUC (good vs junk) of
the hand-set confidence this replaced and of the model, overall and on the fresh dev sets; for
thresholds 0.3-0.7 the share of junk left out and of good cards lost (overall, then per
labels file); and each fresh dev set's precision and recall at each threshold, re-scored by the
scorer. Last, the model fitted on every card is written to
quizgarden/extract/confidence_weights.py.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
#: Fresh dev labels kept outside the repo (their notes may not be shipped); skipped if absent.
FRESH_DEV = Path(os.environ.get("QUIZGARDEN_FRESH_DEV", "/work/fresh-dev27"))
HELD_OUT_SETS = frozenset({"I", "J", "K"})
HELD_OUT_DIR = Path("/work/fresh")
WEIGHTS_FILE = ROOT / "quizgarden" / "extract" / "confidence_weights.py"
THRESHOLDS = (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7)

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(SHARED / "tools"))
from eval_extract import score_note  # noqa: E402

from quizgarden.extract.confidence import NoteShape, features  # noqa: E402
from quizgarden.extract.lang import LABEL_WORD, QUESTION, SECTION_LABEL  # noqa: E402
from quizgarden.extract.text import is_distinctive, is_mostly_code, strip_markup, units  # noqa: E402
from quizgarden.model import Candidate  # noqa: E402
from quizgarden.notes import read_note  # noqa: E402


@dataclass(frozen=True)
class Row:
    """One card the extractor gave on a labelled note, and what the labels say of it."""

    source: str  # corpus, wide or the fresh dev labels' set (DA, DB, ...)
    repo: str
    note: str
    card: dict[str, object]
    good: bool
    features: dict[str, float]
    hand_set: float


def sources() -> list[tuple[str, Path, Path, list[str]]]:
    """(name, labels, notes folder, sets) of each development labels file, held-out sets out."""
    found = []
    for name, labels, folder in (
        ("corpus", ROOT / "tests" / "fixtures" / "corpus_gold.json", SHARED / "corpus"),
        ("wide", ROOT / "tests" / "fixtures" / "wide_gold.json", SHARED / "corpus-wide"),
    ):
        sets = json.loads(labels.read_text("utf-8"))["sets"]
        found.append((name, labels, folder, sorted(set(sets) - HELD_OUT_SETS)))
    for labels in sorted(FRESH_DEV.glob("labels-D*.json")):
        sets = json.loads(labels.read_text("utf-8"))["sets"]
        name = labels.stem.removeprefix("labels-")
        found.append((name, labels, FRESH_DEV / "notes", sorted(sets)))
    for _, labels, folder, sets in found:
        assert HELD_OUT_DIR not in (labels.resolve(), *labels.resolve().parents)
        assert HELD_OUT_DIR not in (folder.resolve(), *folder.resolve().parents)
        assert not HELD_OUT_SETS & set(sets)
    return found


def collect(name: str, labels_path: Path, folder: Path, sets: list[str]) -> list[Row]:
    """Run this checkout's extractor on the labelled notes (copied as bench/score_labels.py
    does, with min_confidence 0 so no card is left out) and label every card it gives."""
    labels = json.loads(labels_path.read_text("utf-8"))
    paths = sorted({p for s in sets for p in labels["sets"][s]})
    with tempfile.TemporaryDirectory() as tmp:
        notes = Path(tmp) / "notes"
        (notes / ".quizgarden").mkdir(parents=True)
        (notes / ".quizgarden" / "settings.toml").write_text("[extract]\nmin_confidence = 0.0\n")
        where = {}
        for n, path in enumerate(paths):
            key = f"n{n:03d}/{Path(path).name}"
            (notes / key).parent.mkdir()
            shutil.copyfile(folder / path, notes / key)
            where[key] = path
        run = subprocess.run(
            [sys.executable, "-m", "quizgarden", "extract", "--json", str(notes)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            check=True,
        )
    by_note: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in run.stdout.splitlines():
        if line.strip():
            card = json.loads(line)
            by_note[str(card["note"])].append(card)
    rows = []
    for key, path in where.items():
        cards = by_note.get(key, [])
        result = score_note(labels["notes"][path], cards)
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
                    hand_set(candidate),
                )
            )
    return rows


# -- the confidence this replaced: a rule's base moved by hand-set nudges (kept to compare) --
_BASE = {
    "callout": 0.9, "admonition": 0.85, "deflist": 0.85, "question": 0.8, "verdict": 0.8,
    "heading": 0.75, "definition": 0.75, "asked": 0.7, "table": 0.7, "arrow": 0.7,
    "nested": 0.7, "termlist": 0.7, "brief": 0.7, "formula": 0.65, "subject": 0.55, "label": 0.6,
    "sentence": 0.55,
}  # fmt: skip


def hand_set(card: Candidate) -> float:
    """The hand-set confidence of quizgarden/extract/confidence.py before the fit (commit
    4ef8d6d: c4c095a's, with termlist at 0.7)."""
    if not card.mined:
        return 1.0
    score = _BASE.get(card.rule, 0.6)
    front = strip_markup(card.front)
    topic = front.rsplit(" › ", 1)[-1]
    if front.endswith(("?", "？")) or QUESTION.search(topic):
        score += 0.05
    if " › " in front:
        score -= 0.05
    elif is_distinctive(topic):
        score += 0.05
    label = topic.strip(" .:：")
    if LABEL_WORD.match(label) and not (" › " in front and SECTION_LABEL.match(label)):
        score -= 0.3
    size = units(strip_markup(card.back))
    if size < 4 and card.rule not in ("verdict", "table"):
        score -= 0.15
    elif size <= 80:
        score += 0.05
    elif size > 200:
        score -= 0.1
    if is_mostly_code(card.back):
        score -= 0.2
    return round(min(0.99, max(0.05, score)), 2)


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


def repo_auc(rows: list[Row], keep: list[int], rating: dict[int, float]) -> tuple[float, int]:
    """The mean AUC within a repository, over those with at least 3 good and 3 junk cards: how
    well the rating sorts one vault's cards, which the pooled AUC mixes with how junky each
    repository is as a whole. Also the number of repositories it averages."""
    by_repo: dict[str, list[int]] = defaultdict(list)
    for n in keep:
        by_repo[rows[n].repo].append(n)
    found = []
    for members in by_repo.values():
        good = [rows[n].good for n in members]
        if sum(good) >= 3 and len(good) - sum(good) >= 3:
            found.append(auc([rating[n] for n in members], good))
    return (sum(found) / len(found) if found else math.nan), len(found)


def report(rows: list[Row], rated: dict[int, float], title: str, detail: bool = False) -> None:
    mined = sorted(rated)
    hand = {n: rows[n].hand_set for n in mined}
    fresh = [n for n in mined if rows[n].source not in ("corpus", "wide")]
    # the fresh dev labels live outside the repository ($QUIZGARDEN_FRESH_DEV): absent, no scope
    scopes = [("all", mined)] + ([("fresh-dev", fresh)] if fresh else [])
    if detail:
        scopes += [(s, [n for n in mined if rows[n].source == s]) for s in _sources_of(rows)]
    for scope, keep in scopes:
        good = [rows[n].good for n in keep]
        old = [hand[n] for n in keep]
        new = [rated[n] for n in keep]
        old_within, repos = repo_auc(rows, keep, hand)
        new_within, _ = repo_auc(rows, keep, rated)
        print(
            f"{title} {scope}: cards={len(keep)} good={sum(good)} junk={len(good) - sum(good)} "
            f"AUC hand-set={auc(old, good):.3f} model={auc(new, good):.3f}; within a repository "
            f"({repos}) hand-set={old_within:.3f} model={new_within:.3f}"
        )
        if scope not in ("all", "fresh-dev") and not detail:
            continue
        for t in THRESHOLDS:
            oj, og = cut(old, good, t)
            nj, ng = cut(new, good, t)
            print(
                f"  t={t}: junk out hand-set={oj:.2f} model={nj:.2f}; "
                f"good lost hand-set={og:.2f} model={ng:.2f}"
            )


def floor_table(
    rows: list[Row],
    rated: dict[int, float],
    labels_of: dict[str, tuple[dict[str, dict[str, object]], list[str]]],
    title: str,
) -> None:
    """For each threshold, on each fresh dev set (LORO ratings): the share of junk left out and
    of good cards lost, precision and recall re-scored by the scorer and their change from no
    floor; and whether the floor earns a default: on every set junk cut at least 3x the good cut
    and precision up by 0.01 or more."""
    print(f"floors on the fresh dev sets (LORO ratings, {title}): junk out/good lost, P/R (change)")
    fresh = [name for name in labels_of if name not in ("corpus", "wide")]
    base: dict[str, tuple[float, float]] = {}
    for t in (0.0, *THRESHOLDS):
        line, ok = [f"  t={t:<4}"], bool(fresh)
        for name in fresh:
            labels, _ = labels_of[name]
            offset = next(n for n, r in enumerate(rows) if r.source == name)
            mine = [r for r in rows if r.source == name]
            model = {n - offset: rated[n] for n in rated if rows[n].source == name}
            p, r = rescore(mine, model, labels, t)
            base.setdefault(name, (p, r))
            keep = [n for n in rated if rows[n].source == name]
            junk_out, good_lost = cut([rated[n] for n in keep], [rows[n].good for n in keep], t)
            dp, dr = p - base[name][0], r - base[name][1]
            line.append(
                f"{name} {junk_out:.3f}/{good_lost:.3f} P {p:.3f} ({dp:+.3f}) R {r:.3f} ({dr:+.3f})"
            )
            ok = ok and t > 0 and junk_out >= 3 * good_lost and dp >= 0.01
        print("; ".join(line) + ("  <- earns a default" if ok else ""))


def _sources_of(rows: list[Row]) -> list[str]:
    return list(dict.fromkeys(r.source for r in rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, nargs="+", default=[3.0], help="penalties to try")
    parser.add_argument(
        "--balance", type=float, nargs="+", default=[0.5],
        help="0: every card weighs the same; 1: every repository does",
    )  # fmt: skip
    parser.add_argument("--dry-run", action="store_true", help="do not write the weights")
    parser.add_argument("--min-cards", type=int, default=10, help="fewest cards per feature")
    args = parser.parse_args()
    rows: list[Row] = []
    labels_of: dict[str, tuple[dict[str, dict[str, object]], list[str]]] = {}
    for name, labels_path, folder, sets in sources():
        got = collect(name, labels_path, folder, sets)
        rows += got
        labels = json.loads(labels_path.read_text("utf-8"))
        members = sorted({p for s in sets for p in labels["sets"][s]})
        labels_of[name] = ({p: labels["notes"][p] for p in members}, sets)
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
    floor_table(rows, rated, labels_of, f"l2={l2} balance={balance}")
    intercept, weights = fit(
        [r.features for r in mined], [r.good for r in mined], names, l2, balanced(mined, balance)
    )
    if not args.dry_run:
        write(intercept, weights, l2, balance, rows)
        print(f"wrote {WEIGHTS_FILE.relative_to(ROOT)}")


def write(
    intercept: float, weights: dict[str, float], l2: float, balance: float, rows: list[Row]
) -> None:
    mined = [r for r in rows if r.card["mined"]]
    by_source: dict[str, int] = defaultdict(int)
    for r in mined:
        by_source[r.source] += 1
    made_from = ", ".join(f"{k} {v}" for k, v in sorted(by_source.items()))
    repos = len({x.repo for x in mined})
    about = (
        f"A logistic regression (L2 penalty {l2:g}, not on the intercept; repository balance "
        f"{balance:g}, the script's defaults: at the refit of 2026-12 L2 1, 3, 10 and balance 0, "
        "0.5, 1 were compared by leaving one repository out, and L2 1 and 3 at balance 0.5 sorted "
        "each left-out repository's cards best, tied) fitted on "
        f"{len(mined)} mined cards of {repos} repositories, each labelled good or junk by the "
        f"blind labels and the scorer's matching. Cards per labels file: {made_from} (corpus: "
        "sets A-H only; held-out sets and notes are never read)."
    )
    lines = [
        '"""Weights of the mined cards\' confidence (`confidence.py`). GENERATED, do not edit:',
        "run `python bench/fit_confidence.py` to refit.",
        "",
        *textwrap.wrap(about, 96),
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
