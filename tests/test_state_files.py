"""quizgarden's own files (`settings.toml`, `config.json`) get the vault's regular-file,
size-capped read: a FIFO, a device or a huge file there is one `error:` line, never a hang,
a balloon, or a rename over the thing it points at.

Every case runs `quiz` in its own process with a timeout, on real FIFOs and links.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from test_cli_failures import assert_one_error_line, make_vault, quiz


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    folder = make_vault(tmp_path / "vault", notes=1, cards=1)
    (folder / ".quizgarden").mkdir()
    assert quiz("sync", folder, "--db", db(folder)).returncode == 0
    return folder


def db(vault: Path) -> Path:
    return vault.parent / "c.db"


def settings(vault: Path) -> Path:
    return vault / ".quizgarden" / "settings.toml"


@pytest.mark.parametrize("command", [("stats",), ("config",), ("sync",), ("review",)])
def test_a_fifo_as_settings_is_one_line_not_a_hang(vault: Path, command: tuple[str]) -> None:
    os.mkfifo(settings(vault))
    dbs = () if command == ("config",) else ("--db", db(vault))
    proc = quiz(*command, vault, *dbs)  # the helper's timeout fails the test on a hang
    assert_one_error_line(proc, f"{settings(vault)}: not a regular file")


def test_settings_linked_to_a_device_are_refused(vault: Path) -> None:
    settings(vault).symlink_to("/dev/null")
    assert_one_error_line(quiz("config", vault), "not a regular file")


def test_a_huge_settings_file_is_refused_unread(vault: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * (2 * 1024 * 1024) + b"\n")
    settings(vault).symlink_to(big)
    assert_one_error_line(quiz("stats", vault, "--db", db(vault)), "larger than 1 MiB")


def test_set_never_renames_over_a_fifo_a_settings_link_points_at(
    vault: Path, tmp_path: Path
) -> None:
    target = tmp_path / "elsewhere"
    os.mkfifo(target)
    settings(vault).symlink_to(target)
    proc = quiz("config", vault, "--set", "new_per_day", "5")
    assert_one_error_line(proc, "not a regular file")
    assert stat.S_ISFIFO(os.stat(target).st_mode)  # still the FIFO, not a settings file
    assert not list(tmp_path.glob(".elsewhere.*"))


@pytest.mark.parametrize("kind", ["fifo", "device", "huge"])
def test_config_json_that_is_not_a_small_file_is_one_line(
    vault: Path, tmp_path: Path, kind: str
) -> None:
    config = tmp_path / "config"
    config.mkdir()
    path = config / "config.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    else:
        path.write_bytes(b" " * (2 * 1024 * 1024) + b"{}")
    env = {"QUIZGARDEN_CONFIG_DIR": str(config)}
    reason = "larger than 1 MiB" if kind == "huge" else "not a regular file"
    for command in (("stats",), ("init", str(vault))):
        assert_one_error_line(quiz(*command, env=env), f"{path}: {reason}")
    assert path.is_symlink() or path.exists()
    if kind == "device":
        assert stat.S_ISCHR(os.stat("/dev/zero").st_mode)
