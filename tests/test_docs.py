"""Every command has help text and is documented in the README."""

from __future__ import annotations

import re
import tomllib

import typer.main

from quizgarden.cli import app

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> dict[str, str]:
    group = typer.main.get_command(app)
    return {name: cmd.help or "" for name, cmd in group.commands.items()}  # type: ignore[attr-defined]


def test_every_command_has_help_and_a_readme_entry() -> None:
    found = commands()
    assert {"init", "extract", "sync", "cards", "review", "stats", "optimize", "config",
            "export"} <= set(found)  # fmt: skip
    for name, help_text in found.items():
        assert help_text.strip(), f"quiz {name} has no help text"
        assert f"`quiz {name}" in README, f"quiz {name} is not in the README"


def test_quick_start_has_exactly_two_commands_and_ci_runs_both_in_order() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 2
    assert lines[1] == 'pip install -e ".[test]" && python -m pytest -q'
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert lines[0] in ci and lines[1] in ci  # whole lines, exactly as written
    assert ci.index(lines[0]) < ci.index(lines[1])


def test_ci_checks_lint_format_and_strict_types_after_the_tests() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    check = "ruff check . && ruff format --check . && mypy"
    assert check in ci
    assert ci.index(check) > ci.index('pip install -e ".[test]" && python -m pytest -q')
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert mypy["strict"] is True and mypy["files"] == ["quizgarden"]
    assert f"`{check}`" in README
