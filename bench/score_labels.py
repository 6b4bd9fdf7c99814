"""Score extraction on the blind-labelled corpus notes (tests/fixtures/corpus_gold.json).

Run by hand:  python bench/score_labels.py [--set A|B|C|D|E|F|G] [--verbose]

The labels name notes by their path under ../shared/corpus; the scorer
(../shared/tools/eval_extract.py) wants one folder of notes keyed by file name, so the notes are
copied into a temporary folder under short names first. The last line printed is the scorer's
summary: precision=… recall=… f1=… cards=… junk=… forbidden=… missed=…
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
LABELS = ROOT / "tests" / "fixtures" / "corpus_gold.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set", choices=["A", "B", "C", "D", "E", "F", "G"], help="one set of notes"
    )
    parser.add_argument("--verbose", action="store_true", help="list every miss and junk card")
    parser.add_argument(
        "--cmd",
        default=f"{sys.executable} -m quizgarden extract --json",
        help="the extractor to score (another checkout, say)",
    )
    args = parser.parse_args()
    labels = json.loads(LABELS.read_text("utf-8"))
    paths = labels["sets"][args.set] if args.set else sorted(labels["notes"])
    with tempfile.TemporaryDirectory() as folder:
        notes = Path(folder) / "notes"
        notes.mkdir()
        gold: dict[str, dict[str, object]] = {}
        for n, path in enumerate(paths):
            name = f"n{n:03d}{Path(path).suffix}"
            shutil.copyfile(SHARED / "corpus" / path, notes / name)
            gold[name] = labels["notes"][path]
        (Path(folder) / "gold.json").write_text(json.dumps({"notes": gold}), "utf-8")
        command = [
            sys.executable,
            str(SHARED / "tools" / "eval_extract.py"),
            "--gold",
            str(Path(folder) / "gold.json"),
            "--notes",
            str(notes),
            "--cmd",
            args.cmd,
        ]
        if args.verbose:
            command.append("--verbose")
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
