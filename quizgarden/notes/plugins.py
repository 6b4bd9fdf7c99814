"""The card syntax a vault set in the Obsidian Spaced Repetition plugin, read from its settings file.

The plugin lets a vault replace `::`, `:::`, `?` and `??` with anything, name its own flashcard
tags (`#fc`, `#card`) and choose which clozes it reads (highlights, `{{curly}}`). Its settings live
in `.obsidian/plugins/obsidian-spaced-repetition/data.json`, under `settings` (older versions
kept them at the top level). Reading them lets quizgarden see the cards the plugin sees. The file
is read through the vault boundary's size-capped regular-file read; a file that is not what the
plugin writes is one warning naming it, and the defaults apply.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import Problem
from .vault import read_state_file

OSR_SETTINGS = Path(".obsidian") / "plugins" / "obsidian-spaced-repetition" / "data.json"

# the plugin's key -> the `Separators` field it sets
_SEPARATORS = {
    "singleLineCardSeparator": "inline",
    "singleLineReversedCardSeparator": "inline_reversed",
    "multilineCardSeparator": "multiline",
    "multilineReversedCardSeparator": "multiline_reversed",
}
_SWITCHES = {
    "convertHighlightsToClozes": "highlight_cloze",
    "convertCurlyBracketsToClozes": "curly_cloze",
    "convertBoldTextToClozes": "bold_cloze",
}


def read_plugin_settings(vault: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The `Separators` fields the vault's Spaced Repetition settings set (empty without the
    file), and a problem naming the file when it could not be read."""
    path = vault / OSR_SETTINGS
    shown = OSR_SETTINGS.as_posix()
    try:
        raw = read_state_file(path)
    except ConfigError as err:
        return {}, [Problem(shown, 1, f"ignored: {err}")]
    if raw is None:
        return {}, []
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as err:
        return {}, [Problem(shown, 1, f"ignored: not readable JSON ({err}); default separators used")]
    if not isinstance(data, dict):
        return {}, [Problem(shown, 1, "ignored: expected a JSON object; default separators used")]
    settings = data.get("settings", data)
    if not isinstance(settings, dict):
        return {}, [Problem(shown, 1, "ignored: `settings` is not an object; default separators used")]
    return plugin_fields(settings)


def plugin_fields(settings: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The `Separators` fields set by the plugin's `settings` object; a value of the wrong
    type is left out with a problem naming its key."""
    found: dict[str, Any] = {}
    problems: list[str] = []
    for key, name in _SEPARATORS.items():
        value = settings.get(key)
        if value is None:
            continue
        if isinstance(value, str) and value.strip():
            found[name] = value.strip()
        else:
            problems.append(f"{key}: expected a non-empty string")
    for key, name in _SWITCHES.items():
        value = settings.get(key)
        if isinstance(value, bool):
            found[name] = value
        elif value is not None:
            problems.append(f"{key}: expected true or false")
    tags = settings.get("flashcardTags")
    if isinstance(tags, list) and all(isinstance(t, str) for t in tags):
        names = (t.strip().lstrip("#") for t in tags)
        found["flashcard_tags"] = tuple(dict.fromkeys(n for n in names if n))
    elif tags is not None:
        problems.append("flashcardTags: expected a list of tags")
    if not problems:
        return found, []
    why = "; ".join(problems)
    return found, [Problem(OSR_SETTINGS.as_posix(), 1, f"ignored {why}; the default is used")]
