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
