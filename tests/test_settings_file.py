"""settings.toml as the user keeps it: comments survive `--set`, writes are atomic, values are
checked when set and when read."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.settings import load_settings, settings_path

runner = CliRunner()

USER_FILE = """\
# my settings, tuned by hand
desired_retention = 0.85   # a bit lower: exams are far away
learning_steps = [ "1m",  "10m" ]

[deck."Lang::日本語"]
# kanji need more steps
learning_steps = ["1m", "10m", "1h"]
"""


def write_settings(vault: Path, text: str) -> Path:
    path = settings_path(vault)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_set_keeps_the_users_comments_and_layout(tmp_path: Path) -> None:
    path = write_settings(tmp_path, USER_FILE)
    result = runner.invoke(app, ["config", str(tmp_path), "--set", "new_per_day", "5"])
    assert result.exit_code == 0, result.output
    runner.invoke(app, ["config", str(tmp_path), "--set", "new_per_day", "7", "--deck", "Bio"])
    text = path.read_text("utf-8")
    assert text.startswith(USER_FILE.split("\n[deck")[0])  # untouched, spacing and all
    assert "# kanji need more steps" in text
    assert "# a bit lower: exams are far away" in text
    data = tomllib.loads(text)
    assert data["new_per_day"] == 5 and data["deck"]["Bio"] == {"new_per_day": 7}
    runner.invoke(
        app, ["config", str(tmp_path), "--set", "new_per_day", "default", "--deck", "Bio"]
    )
    assert "Bio" not in tomllib.loads(path.read_text("utf-8"))["deck"]


def test_a_control_character_is_written_so_the_file_reads_back(tmp_path: Path) -> None:
    result = runner.invoke(app, ["config", str(tmp_path), "--set", "extract.inline", "=\x7f="])
    assert result.exit_code == 0, result.output
    text = settings_path(tmp_path).read_text("utf-8")
    assert "\x7f" not in text
    assert tomllib.loads(text)["extract"]["inline"] == "=\x7f="
    assert load_settings(tmp_path).separators().inline == "=\x7f="


def test_set_keeps_the_files_permissions(tmp_path: Path) -> None:
    path = write_settings(tmp_path, USER_FILE)
    path.chmod(0o600)
    assert runner.invoke(app, ["config", str(tmp_path), "--set", "fuzz", "off"]).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(os.listdir(path.parent)) == ["settings.toml"]  # no temporary file left


def test_a_failed_write_leaves_the_old_file_intact(tmp_path: Path) -> None:
    padding = "".join(f"# note {i}: {'-' * 60}\n" for i in range(60))  # about 4 KB
    path = write_settings(tmp_path, padding + USER_FILE)
    before = path.read_bytes()
    assert len(before) > 2048
    proc = subprocess.run(
        ["bash", "-c", 'ulimit -f 2 && "$@"', "-", sys.executable, "-m", "quizgarden",
         "config", str(tmp_path), "--set", "new_per_day", "5"],
        capture_output=True, text=True, timeout=60, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert proc.returncode == 1
    assert proc.stderr == (
        f"error: cannot write {path}: File too large (the settings are unchanged)\n"
    )
    assert path.read_bytes() == before
    assert sorted(os.listdir(path.parent)) == ["settings.toml"]
    shown = runner.invoke(app, ["config", str(tmp_path), "--get", "desired_retention", "--json"])
    assert shown.exit_code == 0 and '"value": 0.85' in shown.stdout


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("parameters = [-100" + ", 0.5" * 20 + "]", "parameters[0] = -100.0 is out of bounds"),
        ("parameters = [1, 2]", "parameters: Expected 21 parameters, got 2."),
        ('parameters = ["a"]', "parameters: expected a list of 21 numbers"),
        ("desired_retention = 1.0", "desired_retention: expected a number between 0 and 1"),
        ('learning_steps = ["1m", "soon"]', "bad step 'soon'"),
        ("new_per_day = -5", "new_per_day: expected 0-1000000, got -5"),
        ("day_start_hour = 24", "day_start_hour: expected 0-23, got 24"),
        ("fuzz = 1", "fuzz: expected true or false"),
        ('new_mix = "shuffle"', "new_mix: expected one of mix, after, before; got 'shuffle'"),
    ],
)
def test_a_bad_value_in_the_file_is_one_line_naming_the_key(
    tmp_path: Path, line: str, message: str
) -> None:
    (tmp_path / "bio.md").write_text("Q: Cell?\nA: Unit of life\n", encoding="utf-8")
    assert runner.invoke(app, ["sync", str(tmp_path)]).exit_code == 0
    path = write_settings(tmp_path, f'[deck."Bio"]\n{line}\n')
    for command in (["config"], ["review"], ["sync"]):
        result = runner.invoke(app, [*command, str(tmp_path)])
        assert result.exit_code == 1
        assert result.stderr.startswith(f'error: {path} (deck "Bio"): ')
        assert message in result.stderr and result.stderr.count("\n") == 1


def test_review_never_crashes_on_parameters_accepted_by_set(tmp_path: Path) -> None:
    bad = " ".join(["-100"] + ["0.5"] * 20)
    result = runner.invoke(app, ["config", str(tmp_path), "--set", "parameters", bad])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: parameters: parameters[0] = -100.0 is out of bounds")
    assert not settings_path(tmp_path).exists()
