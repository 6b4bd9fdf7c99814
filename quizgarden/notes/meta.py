"""Frontmatter: YAML or JSON between `---` lines, and what the author asks of a note in it.

Broken frontmatter (a tab in YAML is the classic) must not cost the note: it is reported with
its line and the simple `key: value` lines are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from ..model import NoteSettings, Problem

_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_SIMPLE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


def split_frontmatter(text: str, path: str) -> tuple[dict[str, Any], str, int, list[Problem]]:
    """Split `text` into (metadata, body, 1-based line where the body starts, problems)."""
    match = _FENCE.match(text)
    if not match:
        return {}, text, 1, []
    raw = match.group(1) or ""
    body = text[match.end() :]
    body_line = text.count("\n", 0, match.end()) + 1
    meta, problem = _load(raw, path)
    if not isinstance(meta, dict):
        if problem is None and meta is not None:
            problem = Problem(path, 2, "frontmatter is not a mapping; ignored")
        meta = {}
    return meta, body, body_line, [problem] if problem else []


def _load(raw: str, path: str) -> tuple[Any, Problem | None]:
    if raw.lstrip().startswith("{"):
        try:
            return json.loads(raw), None
        except ValueError:
            pass
    import yaml
    from frontmatter.default_handlers import YAMLHandler

    try:
        return YAMLHandler().load(raw), None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = 2 + (mark.line if mark is not None else 0)
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        salvaged = _salvage(raw)
        return salvaged, Problem(
            path, line, f"invalid frontmatter ({reason}); read {len(salvaged)} simple keys"
        )


def _salvage(raw: str) -> dict[str, Any]:
    """The plain `key: value` lines of frontmatter YAML could not parse."""
    found: dict[str, Any] = {}
    for line in raw.splitlines():
        m = _SIMPLE.match(line)
        if m and m.group(2):
            value: Any = m.group(2).strip("'\"")
            if value.lower() in {"true", "false"}:
                value = value.lower() == "true"
            found[m.group(1)] = value
    return found


def read_settings(meta: Mapping[str, Any], *, auto: bool = True) -> NoteSettings:
    """`quiz: false` skips the note; `quiz: {auto: false, formula: false, ...}` steers the rules.

    `auto` is the default for mining untagged text, which the note's folder decides.
    """
    value = meta.get("quiz", meta.get("flashcards", True))
    if isinstance(value, str):
        value = value.strip().lower() not in {"false", "no", "off", "0"}
    if isinstance(value, bool):
        return NoteSettings(enabled=value, auto=auto)
    if not isinstance(value, Mapping):
        return NoteSettings(auto=auto)
    switches = {str(k): bool(v) for k, v in value.items() if isinstance(v, (bool, int))}
    return NoteSettings(
        enabled=switches.pop("enabled", True),
        auto=switches.pop("auto", auto),
        disabled_rules=frozenset(k for k, v in switches.items() if not v),
        enabled_rules=frozenset(k for k, v in switches.items() if v),
    )


def read_tags(meta: Mapping[str, Any]) -> list[str]:
    """Tags from `tags:` (list or comma/space separated string), without `#`."""
    value = meta.get("tags", meta.get("tag"))
    if value is None:
        return []
    items = value if isinstance(value, list) else re.split(r"[,\s]+", str(value))
    return [str(t).strip().lstrip("#") for t in items if str(t).strip().lstrip("#")]
