"""Frontmatter: YAML or JSON between `---` lines, TOML between `+++` lines (Hugo) or `---` lines
(hashcards), and what the author asks of a note in it.

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
#: Frontmatter after blank lines: not frontmatter to a strict reader, but its closing `---` would
#: make the keys a setext heading and leak "title: … date: …" into every front under it. Read it
#: as frontmatter when it opens with a `key:` line.
_LATE_FENCE = re.compile(
    r"\A(?:[ \t]*\n)+---[ \t]*\n(?=[A-Za-z_][\w-]*[ \t]*:)(.*?\n)---[ \t]*(?:\n|\Z)", re.S
)
#: Hugo's TOML frontmatter.
_TOML_FENCE = re.compile(r"\A\+\+\+[ \t]*\n(.*?\n)?\+\+\+[ \t]*(?:\n|\Z)", re.S)
_SIMPLE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


def split_frontmatter(text: str, path: str) -> tuple[dict[str, Any], str, int, list[Problem]]:
    """Split `text` into (metadata, body, 1-based line where the body starts, problems)."""
    match = _FENCE.match(text) or _LATE_FENCE.match(text)
    toml = match is None
    if toml:
        match = _TOML_FENCE.match(text)
    if not match:
        return {}, text, 1, []
    raw = match.group(1) or ""
    body = text[match.end() :]
    body_line = text.count("\n", 0, match.end()) + 1
    meta, problem = _load_toml(raw, path) if toml else _load(raw, path)
    if not isinstance(meta, dict) and not toml:
        # hashcards writes TOML between `---` lines: YAML reads `name = "Deck"` as one string.
        as_toml, toml_problem = _load_toml(raw, path)
        if toml_problem is None:
            meta, problem = as_toml, None
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

    try:
        return _load_yaml(raw), None
    except AliasBomb as err:
        salvaged = {k: v for k, v in _salvage(raw).items() if not str(v).startswith(("&", "*"))}
        return salvaged, Problem(
            path,
            2 + err.line,
            f"frontmatter aliases expand to more than {MAX_ALIAS_NODES:,} values; "
            f"read {len(salvaged)} simple keys",
        )
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = 2 + (mark.line if mark is not None else 0)
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        salvaged = _salvage(raw)
        return salvaged, Problem(
            path, line, f"invalid frontmatter ({reason}); read {len(salvaged)} simple keys"
        )


def toml_library() -> Any:
    """`tomllib`, imported when first needed: most vaults have no TOML frontmatter."""
    import tomllib

    return tomllib


def _load_toml(raw: str, path: str) -> tuple[dict[str, Any], Problem | None]:
    tomllib = toml_library()
    try:
        return tomllib.loads(raw), None
    except tomllib.TOMLDecodeError as err:
        reason, _, where = str(err).partition(" (at line ")
        line = int(where.split(",")[0]) if where[:1].isdigit() else 1
        return {}, Problem(path, 1 + line, f"invalid TOML frontmatter ({reason})")


#: How many values YAML aliases may add to frontmatter. Nine lines of `&a [*b, *b, ...]` (the
#: "billion laughs") expand to 387 million: 45 s and 3 GB for whatever walks them.
MAX_ALIAS_NODES = 10_000


class AliasBomb(ValueError):
    """Frontmatter whose aliases expand beyond `MAX_ALIAS_NODES`; `line` is 0-based in it."""

    def __init__(self, line: int) -> None:
        super().__init__(f"aliases expand too far (line {line + 1})")
        self.line = line


def _load_yaml(raw: str) -> Any:
    """`yaml.safe_load`, refusing a document whose aliases would expand without bound.

    The document is composed into nodes first (aliases stay shared there, so this is cheap),
    its expanded size is counted once per distinct node, and only then is it constructed.
    """
    from frontmatter.default_handlers import SafeLoader

    loader = SafeLoader(raw)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _check_expansion(root: Any) -> None:
    """Raise `AliasBomb` when expanding every alias under `root` would add too many values."""
    import yaml

    sizes: dict[int, int] = {}  # expanded size of each distinct node
    distinct = 0
    limit = MAX_ALIAS_NODES

    def size(node: yaml.Node, path: set[int]) -> int:
        nonlocal distinct
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in path:  # `&a [*a]`: an alias inside itself expands for ever
            raise AliasBomb(node.start_mark.line)
        total = 1
        distinct += 1
        if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)):
            path.add(key)
            children = (
                node.value
                if isinstance(node, yaml.SequenceNode)
                else [part for pair in node.value for part in pair]
            )
            for child in children:
                total += size(child, path)
                if total - distinct > limit:
                    raise AliasBomb(child.start_mark.line)
            path.discard(key)
        sizes[key] = total
        return total

    if size(root, set()) - distinct > limit:
        raise AliasBomb(root.start_mark.line)


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
