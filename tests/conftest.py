"""Shared fixtures: no test may touch a real vault, config folder or collection."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from quizgarden.config import STATE_DIR

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE_VAULT = ROOT / "notes"


@pytest.fixture(autouse=True)
def isolated_env(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Point config and collection at temp dirs; clear the frozen clock and editor."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("QUIZGARDEN_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("QUIZGARDEN_DB", str(home / "collection.db"))
    monkeypatch.delenv("QUIZGARDEN_NOW", raising=False)
    # the learner's days are cut in local time: every test runs in UTC unless it says otherwise
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    time.tzset()  # monkeypatch has put TZ back by the time the next test reads it


@pytest.fixture
def sample_vault(tmp_path: Path) -> Path:
    """A private copy of the bundled `notes/` vault, as cloned: without the collection that the
    README's first command (`quiz sync notes`) leaves in `notes/.quizgarden/`."""
    return copy_sample_vault(SAMPLE_VAULT, tmp_path / "vault")


def copy_sample_vault(source: Path, dest: Path) -> Path:
    """Copy a vault's notes, leaving out any collection and settings in it."""
    shutil.copytree(source, dest, ignore=shutil.ignore_patterns(STATE_DIR))
    return dest


def record_texts(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, method: str) -> list[str]:
    """Put in place of the compiled pattern `owner.name` one whose `method` notes the text it is
    given (its last argument) and then does what the pattern did: a test that a scan is skipped
    reads what the pattern was asked to read."""
    pattern = getattr(owner, name)
    read: list[str] = []

    def call(*args: Any) -> Any:
        read.append(args[-1])
        return getattr(pattern, method)(*args)

    monkeypatch.setattr(owner, name, SimpleNamespace(**{method: call}))
    return read
