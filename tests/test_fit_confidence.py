"""bench/fit_confidence.py reads the labels files it is given, and never a held-out folder."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT, SHARED

pytestmark = pytest.mark.skipif(
    not (SHARED / "tools" / "eval_extract.py").is_file(), reason="needs ../shared/tools (scorer)"
)


def _fit_confidence() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fit_confidence", ROOT / "bench" / "fit_confidence.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fit_confidence", module)
    spec.loader.exec_module(module)
    return module


def test_a_labels_file_given_is_fitted_on_under_its_name(tmp_path: Path) -> None:
    fit = _fit_confidence()
    labels = tmp_path / "labels-Q.json"
    labels.write_text(json.dumps({"sets": {"QA": ["a/x.md"], "QB": ["b/y.md"]}, "notes": {}}))
    found = fit.sources([(labels, tmp_path)])
    assert [name for name, *_ in found] == ["corpus", "wide", "Q"]
    assert found[-1] == ("Q", labels, tmp_path, ["QA", "QB"])


def test_the_blind_set_of_the_day_is_named_by_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blind = tmp_path / "blind"
    monkeypatch.setenv("QUIZGARDEN_HELD_OUT", str(blind))
    fit = _fit_confidence()
    assert blind in fit.HELD_OUT_DIRS
    with pytest.raises(AssertionError):
        fit.sources([(blind / "labels-X.json", tmp_path)])
    monkeypatch.delenv("QUIZGARDEN_HELD_OUT")
    assert blind not in _fit_confidence().HELD_OUT_DIRS


def test_a_held_out_folder_is_refused_before_anything_in_it_is_read(tmp_path: Path) -> None:
    fit = _fit_confidence()
    # a file that does not exist: reading it would raise FileNotFoundError, not the refusal
    unread = fit.HELD_OUT_DIRS[0] / "labels-never-written.json"
    with pytest.raises(AssertionError):
        fit.sources([(unread, tmp_path)])
    with pytest.raises(AssertionError):
        fit.sources([(tmp_path / "labels.json", fit.HELD_OUT_DIRS[0] / "notes")])
