"""Start-up stays light: the CLI module imports none of the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("genanki", "fsrs", "fsrs_rs_python", "markdown_it", "sqlite_utils", "pylatexenc",
         "charset_normalizer", "ftfy", "frontmatter", "yaml", "rich.markdown")  # fmt: skip


def test_importing_the_cli_loads_no_heavy_module() -> None:
    code = (
        "import json, sys, quizgarden, quizgarden.cli; "
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


def test_no_extraction_rule_imports_another() -> None:
    """Each rule reads as one unit: what two rules share lives in a shared module (shape, text,
    entries, deletions, context, lang), never in one rule imported by another."""
    import ast
    from pathlib import Path

    from quizgarden.extract import RULES

    extract = Path(__file__).parents[1] / "quizgarden" / "extract"
    rule_modules = {
        fn.__module__.rsplit(".", 1)[-1]
        for _, fn in RULES  # e.g. decks holds two rules
    }
    crossing = []
    for name in sorted(rule_modules):
        tree = ast.parse((extract / f"{name}.py").read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                imported = {node.module} if node.module else {a.name for a in node.names}
                crossing += [(name, other) for other in imported & rule_modules if other != name]
    assert crossing == []


def test_no_module_binds_one_name_twice() -> None:
    """A module-level constant written twice under one name replaces the first for every function
    that reads it at run time, above or below the second (a sentence-stop pattern once gained
    commas that way): each name is bound once per module."""
    import ast
    from collections import Counter
    from pathlib import Path

    package = Path(__file__).parents[1] / "quizgarden"
    twice = []
    for path in sorted(package.rglob("*.py")):
        names: Counter[str] = Counter()
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.Assign):
                names.update(t.id for t in node.targets if isinstance(t, ast.Name))
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names[node.target.id] += 1
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names[node.name] += 1
        twice += [f"{path.relative_to(package)}: {n}" for n, k in names.items() if k > 1]
    assert twice == []
