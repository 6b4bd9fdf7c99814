"""The card syntax a vault set in its flashcard plugins, read from their settings files.

The plugin lets a vault replace `::`, `:::`, `?` and `??` with anything, name its own flashcard
tags (`#fc`, `#card`) and choose which clozes it reads (highlights, `{{curly}}`). Its settings live
in `.obsidian/plugins/obsidian-spaced-repetition/data.json`, under `settings` (older versions
kept them at the top level). Reading them lets quizgarden see the cards the plugin sees. The file
is read through the vault boundary's size-capped regular-file read; a file that is not what the
plugin writes is one warning naming it, and the defaults apply.

The Flashcards (flashcards-obsidian) plugin lets a vault choose its card tag instead of `#card`
(`flashcardsTag` in `.obsidian/plugins/flashcards-obsidian/data.json`); it is read the same way,
and so are the marker lines the Obsidian_to_Anki plugin lets a vault rename (`Syntax` in
`.obsidian/plugins/obsidian-to-anki-plugin/data.json`: `START_CARD` for `START`), with the card
patterns it lets a vault write as regular expressions (`CUSTOM_REGEXPS`, by note type), the
vault's note types and their fields (`fields_dict`, which the plugin keeps beside its settings)
and its curly-cloze switches (`CurlyCloze`, `CurlyCloze - Highlights to Clozes` in `Defaults`).
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..model import AnkiSyntax, Problem
from .vault import read_state_file

OSR_SETTINGS = Path(".obsidian") / "plugins" / "obsidian-spaced-repetition" / "data.json"
#: The Flashcards (flashcards-obsidian) plugin's settings: `flashcardsTag` names its card tag.
FLASHCARDS_SETTINGS = Path(".obsidian") / "plugins" / "flashcards-obsidian" / "data.json"
#: The Obsidian_to_Anki plugin's settings: `Syntax` names its marker lines.
ANKI_SETTINGS = Path(".obsidian") / "plugins" / "obsidian-to-anki-plugin" / "data.json"

# the plugin's key -> the `Separators` field it sets
_SEPARATORS = {
    "singleLineCardSeparator": "inline",
    "singleLineReversedCardSeparator": "inline_reversed",
    "multilineCardSeparator": "multiline",
    "multilineReversedCardSeparator": "multiline_reversed",
}
# older versions of the plugin spelt the single-line keys "singleline…", and a vault set up
# then keeps them so ("singlelineCardSeparator": "->->->")
_OLD_SPELLINGS = {
    "singleLineCardSeparator": "singlelineCardSeparator",
    "singleLineReversedCardSeparator": "singlelineReversedCardSeparator",
}
_SWITCHES = {
    "convertHighlightsToClozes": "highlight_cloze",
    "convertCurlyBracketsToClozes": "curly_cloze",
    "convertBoldTextToClozes": "bold_cloze",
}


def read_plugin_settings(vault: Path) -> tuple[dict[str, Any], list[Problem]]:
    """The `Separators` fields the vault's Spaced Repetition and Flashcards plugin settings set
    (empty without the files), and a problem naming a file that could not be read."""
    settings, problems = _settings_object(vault, OSR_SETTINGS)
    found, more = plugin_fields(settings) if settings is not None else ({}, [])
    flashcards, flashcards_problems = _settings_object(vault, FLASHCARDS_SETTINGS)
    problems += more + flashcards_problems
    tag = (flashcards or {}).get("flashcardsTag")
    if isinstance(tag, str) and tag.strip().lstrip("#"):
        found["card_tag"] = tag.strip().lstrip("#")
    elif tag is not None:
        why = "ignored flashcardsTag: expected a tag; #card is used"
        problems.append(Problem(FLASHCARDS_SETTINGS.as_posix(), 1, why))
    anki, anki_problems, root = _settings_and_root(vault, ANKI_SETTINGS)
    problems += anki_problems
    if anki is not None:
        syntax, wrong = anki_syntax(anki.get("Syntax"))
        custom, bad = anki_patterns(anki.get("CUSTOM_REGEXPS"))
        # the plugin keeps the note types it read from Anki beside its settings, not in them
        fields, bad_fields = anki_fields(root.get("fields_dict", anki.get("fields_dict")))
        curly, highlight, bad_defaults = anki_clozes(anki.get("Defaults"))
        syntax = replace(
            syntax, custom=custom, fields=fields, curly_cloze=curly, highlight_cloze=highlight
        )
        wrong = "; ".join(w for w in (wrong, bad, bad_fields, bad_defaults) if w) or None
        if syntax != AnkiSyntax():
            found["anki"] = syntax
        if wrong:
            problems.append(Problem(ANKI_SETTINGS.as_posix(), 1, wrong))
    return found, problems


# the Obsidian_to_Anki plugin's `Syntax` key -> the `AnkiSyntax` field it sets
_ANKI_MARKERS = {
    "Begin Note": "begin",
    "End Note": "end",
    "Begin Inline Note": "begin_inline",
    "End Inline Note": "end_inline",
    "Target Deck Line": "deck",
    "File Tags Line": "tags",
}


def anki_syntax(syntax: object) -> tuple[AnkiSyntax, str | None]:
    """The plugin's marker lines from its `Syntax` object; a marker that is not a one-line
    string is left at its default, and named in the problem returned."""
    if syntax is None:
        return AnkiSyntax(), None
    if not isinstance(syntax, dict):
        return AnkiSyntax(), "ignored Syntax: expected an object; the defaults are used"
    found: dict[str, Any] = {}
    bad: list[str] = []
    for key, name in _ANKI_MARKERS.items():
        value = syntax.get(key)
        if value is None:
            continue
        if isinstance(value, str) and value.strip() and "\n" not in value:
            found[name] = value.strip()
        else:
            bad.append(key)
    why = f"ignored {', '.join(bad)}: expected a line of text; the default is used" if bad else None
    return AnkiSyntax(**found), why


def anki_patterns(patterns: object) -> tuple[tuple[tuple[str, str], ...], str | None]:
    """The plugin's card patterns, (note type, pattern as Python reads it), from its
    `CUSTOM_REGEXPS`; an empty pattern is off, and one Python cannot read is named."""
    if patterns is None:
        return (), None
    if not isinstance(patterns, dict):
        return (), "ignored CUSTOM_REGEXPS: expected an object"
    found: list[tuple[str, str]] = []
    bad: list[str] = []
    for kind, pattern in patterns.items():
        if not isinstance(pattern, str) or not pattern.strip():
            continue
        python = python_pattern(pattern)
        try:
            re.compile(python, re.MULTILINE)
        except re.error:
            bad.append(str(kind))
            continue
        found.append((str(kind), python))
    why = f"ignored the CUSTOM_REGEXPS of {', '.join(bad)}: not a pattern Python reads" if bad else None
    return tuple(found), why


def anki_fields(
    fields_dict: object,
) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], str | None]:
    """The note types the plugin read from Anki, (note type, its field names in order), from
    its `fields_dict`; a type whose fields are not a list of names is left out and named."""
    if fields_dict is None:
        return (), None
    if not isinstance(fields_dict, dict):
        return (), "ignored fields_dict: expected an object of note types"
    found: list[tuple[str, tuple[str, ...]]] = []
    bad: list[str] = []
    for kind, names in fields_dict.items():
        if (
            isinstance(names, list)
            and names
            and all(isinstance(n, str) and n.strip() and "\n" not in n for n in names)
        ):
            found.append((str(kind), tuple(names)))
        else:
            bad.append(str(kind))
    why = f"ignored the fields_dict of {', '.join(bad)}: expected a list of field names"
    return tuple(found), why if bad else None


# the plugin's `Defaults` key -> what it turns on
_CLOZE_DEFAULTS = ("CurlyCloze", "CurlyCloze - Highlights to Clozes")


def anki_clozes(defaults: object) -> tuple[bool, bool, str | None]:
    """The plugin's `CurlyCloze` and `CurlyCloze - Highlights to Clozes` switches from its
    `Defaults` object (off when missing); a switch that is not true or false is named, and off."""
    if defaults is None:
        return False, False, None
    if not isinstance(defaults, dict):
        return False, False, "ignored Defaults: expected an object; clozes stay as written"
    found: list[bool] = []
    bad: list[str] = []
    for key in _CLOZE_DEFAULTS:
        value = defaults.get(key, False)
        if not isinstance(value, bool):
            bad.append(key)
        found.append(value is True)
    why = f"ignored {', '.join(bad)}: expected true or false; off is used" if bad else None
    return found[0], found[1], why


def python_pattern(pattern: str) -> str:
    """A JavaScript pattern as Python writes it: named groups `(?<name>…)` are `(?P<name>…)`,
    and `[^]` (any character) is `[\\s\\S]`."""
    pattern = re.sub(r"\(\?<(?=[A-Za-z_])", "(?P<", pattern)
    return pattern.replace("[^]", r"[\s\S]")


def _settings_object(vault: Path, name: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """A plugin's settings object (under `settings` in some versions), or None with the problem
    that says why when the file is missing or not what the plugin writes."""
    settings, problems, _ = _settings_and_root(vault, name)
    return settings, problems


def _settings_and_root(
    vault: Path, name: Path
) -> tuple[dict[str, Any] | None, list[Problem], dict[str, Any]]:
    """`_settings_object`, and the whole object of the file (empty when there is none)."""
    shown = name.as_posix()
    try:
        raw = read_state_file(vault / name)
    except ConfigError as err:
        return None, [Problem(shown, 1, f"ignored: {err}")], {}
    if raw is None:
        return None, [], {}
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as err:
        why = f"ignored: not readable JSON ({err}); defaults used"
        return None, [Problem(shown, 1, why)], {}
    if not isinstance(data, dict):
        return None, [Problem(shown, 1, "ignored: expected a JSON object; defaults used")], {}
    settings = data.get("settings", data)
    if not isinstance(settings, dict):
        why = "ignored: `settings` is not an object; defaults used"
        return None, [Problem(shown, 1, why)], data
    return settings, [], data


def plugin_fields(settings: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The `Separators` fields set by the plugin's `settings` object; a value of the wrong
    type is left out with a problem naming its key."""
    found: dict[str, Any] = {}
    problems: list[str] = []
    for key, name in _SEPARATORS.items():
        if key not in settings and key in _OLD_SPELLINGS:
            key = _OLD_SPELLINGS[key]
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
