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
