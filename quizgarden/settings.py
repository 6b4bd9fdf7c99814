"""Scheduling settings: one TOML file per vault, with per-deck overrides.

The file is `<vault>/.quizgarden/settings.toml`. Top-level keys are the vault's defaults; a
`[deck."Name"]` table overrides them for that deck and its subdecks (`Name::...`), the most
specific deck winning. Every value has a default, so an absent file is a valid configuration.

    desired_retention = 0.9
    learning_steps = ["1m", "10m"]

    [deck."Languages::Japanese"]
    new_per_day = 10
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields, replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import write_text_atomically
from .config import STATE_DIR
from .errors import ConfigError
from .model import PLUGIN_FIELDS, Separators
from .notes.meta import toml_library
from .notes.vault import read_state_file

if TYPE_CHECKING:
    from .days import Days

SETTINGS_FILE = "settings.toml"
DEFAULT_PARAMETERS_COUNT = 21


@dataclass(frozen=True)
class Settings:
    """How cards of one deck are scheduled and queued."""

    desired_retention: float = 0.9
    learning_steps: tuple[str, ...] = ("1m", "10m")
    relearning_steps: tuple[str, ...] = ("10m",)
    maximum_interval: int = 36500
    fuzz: bool = True
    new_per_day: int = 20
    reviews_per_day: int = 200  # as Anki's "maximum reviews/day": a backlog comes in slices
    leech_threshold: int = 8
    day_start_hour: int = 4  # local hour when "today" rolls over, as in Anki
    timezone: str = ""  # IANA zone of the learner's days; empty: TZ, else the system's
    parameters: tuple[float, ...] = ()  # empty: FSRS-6 defaults
    new_mix: str = "mix"  # where new cards go among reviews: Anki v3's "new/review order"

    @property
    def days(self) -> Days:
        """How this deck's learner days are cut: `day_start_hour` in `timezone`."""
        from .days import Days

        return Days(self.day_start_hour, self.timezone)


KEYS: dict[str, str] = {
    "desired_retention": "target probability of recall when a card comes due (0.7-0.99)",
    "learning_steps": "steps for new cards, e.g. '1m 10m' (s, m, h, d)",
    "relearning_steps": "steps after a lapse, e.g. '10m'",
    "maximum_interval": "longest interval in days",
    "fuzz": "spread intervals a little so cards learned together do not stay together",
    "new_per_day": "new cards per day for the deck (or vault) and all under it",
    "reviews_per_day": "most reviews per day for the deck (or vault) and all under it; new "
    "cards count too, learning steps do not",
    "leech_threshold": "lapses after which a card is tagged leech and suspended",
    "day_start_hour": "local hour at which a new day starts (0-23)",
    "timezone": "zone of the learner's days, e.g. 'Europe/Berlin' (empty: $TZ, else the system's)",
    "parameters": "21 FSRS weights (set by `quiz optimize`); empty for the defaults",
    "new_mix": "where new cards come among reviews: 'mix' (spread evenly, Anki's default), "
    "'after' or 'before' all reviews; the studied deck's (or the vault's) value applies",
}

#: `new_mix` values, as Anki's "mix with reviews", "show after reviews", "show before reviews".
NEW_MIX_VALUES = ("mix", "after", "before")


#: `[extract]`: the explicit-card syntax, for notes written with other separators, and the
#: confidence (0-1) below which mined cards are left out.
EXTRACT_KEYS: dict[str, str] = {
    f"extract.{f.name}": f"separator for {f.name.replace('_', ' ')} cards (default {f.default!r})"
    for f in fields(Separators)
    if f.name != "min_confidence" and f.name not in PLUGIN_FIELDS
} | {"extract.min_confidence": "leave out mined cards less sure than this, 0-1 (default 0.0)"}


@dataclass(frozen=True)
class SettingsFile:
    """The parsed file: vault-wide values, each deck's overrides and `[extract]`, as written."""

    vault: dict[str, Any]
    decks: dict[str, dict[str, Any]]
    extract: dict[str, Any] = field(default_factory=dict)

    def separators(self, plugin: dict[str, Any] | None = None) -> Separators:
        """The card syntax the extractor should read in this vault: `[extract]`, over what the
        vault's Spaced Repetition plugin settings say (`plugin`), over the defaults."""
        return replace(Separators(), **{**(plugin or {}), **self.extract})

    def for_deck(self, deck: str | None = None) -> Settings:
        """Effective settings for `deck`: defaults < vault < parent decks < the deck itself."""
        values = dict(self.vault)
        if deck:
            parts = deck.split("::")
            for depth in range(1, len(parts) + 1):
                values.update(self.decks.get("::".join(parts[:depth]), {}))
        return replace(Settings(), **{k: _coerce(k, v) for k, v in values.items()})


def settings_path(vault: Path) -> Path:
    return vault / STATE_DIR / SETTINGS_FILE


def load_settings(vault: Path) -> SettingsFile:
    """Read the vault's settings file; a missing file means all defaults."""
    path = settings_path(vault)
    raw = read_state_file(path)
    if raw is None:
        return SettingsFile({}, {})
    tomllib = toml_library()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}; fix or delete the file") from error
    decks = data.pop("deck", {})
    if not isinstance(decks, dict) or not all(isinstance(v, dict) for v in decks.values()):
        raise ConfigError(f'{path}: [deck."Name"] tables expected')
    extract = data.pop("extract", {})
    if not isinstance(extract, dict):
        raise ConfigError(f"{path}: [extract] must be a table")
    for key, value in extract.items():
        try:
            checked = _check_separator(f"extract.{key}", value)
        except ConfigError as error:
            raise ConfigError(f"{path}: {error}") from None
        if key == "min_confidence":
            extract[key] = checked
    for scope, values in [("", data), *((f' (deck "{d}")', v) for d, v in decks.items())]:
        for key, value in values.items():
            try:
                _coerce(key, value)
            except ConfigError as error:
                raise ConfigError(f"{path}{scope}: {error}") from None
    return SettingsFile(data, decks, extract)


def set_setting(vault: Path, key: str, text: str, deck: str | None = None) -> Path:
    """Parse `text` for `key`, store it for the vault (or `deck`), and return the file written.

    The file is edited with tomlkit, so the user's comments and layout stay as they were, and
    it is replaced atomically: a failed write (a full disk) leaves the old file intact.
    """
    import tomlkit

    value = parse_value(key, text)
    if key in EXTRACT_KEYS and deck:
        raise ConfigError(f"{key} is set for the whole vault, not per deck")
    load_settings(vault)  # a broken file is reported, never overwritten
    path = settings_path(vault)
    raw = read_state_file(path)
    doc = tomlkit.parse(raw.decode("utf-8")) if raw is not None else _new_document()
    if key in EXTRACT_KEYS:
        _set_in(doc, ["extract"], key.removeprefix("extract."), value)
    elif deck:
        _set_in(doc, ["deck", deck], key, value)
    else:
        _set_in(doc, [], key, value)
    rendered = tomlkit.dumps(doc)
    _check_toml(path, rendered)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_text_atomically(path, rendered)
    except OSError as error:
        raise ConfigError(
            f"cannot write {path}: {error.strerror or error} (the settings are unchanged)"
        ) from error


def _new_document() -> Any:
    import tomlkit

    doc = tomlkit.document()
    doc.add(tomlkit.comment("quizgarden settings; `quiz config` shows and sets them"))
    return doc


def _set_in(doc: Any, tables: list[str], key: str, value: Any) -> None:
    """Set (or with None, remove) `key` in the nested table `tables`; empty tables go away."""
    import tomlkit

    chain = [doc]
    made = None
    for name in tables:
        if name not in chain[-1]:
            if value is None:
                return
            made = tomlkit.table(is_super_table=name == "deck" and not chain[1:])
            chain[-1][name] = made
        chain.append(chain[-1][name])
    if value is None:
        chain[-1].pop(key, None)
    else:
        chain[-1][key] = value
        if made is not None:
            chain[-1].add(tomlkit.nl())  # a blank line between a new table and the next
    for parent, name, table in reversed(list(zip(chain[:-1], tables, chain[1:], strict=True))):
        if not list(table):  # no keys left (a blank line is not one)
            del parent[name]


def _check_toml(path: Path, text: str) -> None:
    """Never write what the reader would then refuse."""
    tomllib = toml_library()
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:  # pragma: no cover - tomlkit writes valid TOML
        raise ConfigError(
            f"refusing to write {path}: the result would not read back ({error})"
        ) from error


def parse_value(key: str, text: str) -> Any:
    """A command-line string turned into the TOML value for `key`; `default` clears it."""
    if key in EXTRACT_KEYS:
        return None if text.strip().lower() in ("default", "reset") else _check_separator(key, text)
    if key not in KEYS:
        raise ConfigError(f"unknown setting {key!r}; known: {', '.join([*KEYS, *EXTRACT_KEYS])}")
    text = text.strip()
    if text.lower() in ("default", "reset"):
        return None
    default = getattr(Settings(), key)
    value: Any
    if isinstance(default, bool):
        if text.lower() not in ("true", "false", "yes", "no", "on", "off", "1", "0"):
            raise ConfigError(f"{key}: expected true or false, got {text!r}")
        value = text.lower() in ("true", "yes", "on", "1")
    elif key == "parameters":
        try:
            value = [float(x) for x in re.split(r"[\s,]+", text.strip("[]")) if x]
        except ValueError:
            raise ConfigError(f"parameters: expected numbers, got {text!r}") from None
    elif isinstance(default, tuple):
        value = [x for x in re.split(r"[\s,]+", text.strip("[]")) if x]
    else:
        try:
            value = type(default)(text)
        except ValueError:
            kind = "a whole number" if isinstance(default, int) else "a number"
            raise ConfigError(f"{key}: expected {kind}, got {text!r}") from None
    _coerce(key, value)
    return value


def _coerce(key: str, value: Any) -> Any:
    """Check one stored value and return it in the type `Settings` holds."""
    if key not in KEYS:
        raise ConfigError(f"unknown setting {key!r}; known: {', '.join(KEYS)}")
    if key in ("learning_steps", "relearning_steps"):
        if not isinstance(value, list | tuple):
            raise ConfigError(f"{key}: expected a list like ['1m', '10m']")
        steps = tuple(str(v) for v in value)
        for step in steps:
            parse_step(step)
        return steps
    if key == "parameters":
        if not isinstance(value, list | tuple) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value
        ):
            raise ConfigError(f"parameters: expected a list of {DEFAULT_PARAMETERS_COUNT} numbers")
        weights = tuple(float(v) for v in value)
        if weights:
            from .schedule import parameters_problem

            problem = parameters_problem(weights)
            if problem:
                raise ConfigError(f"parameters: {problem}")
        return weights
    if key == "fuzz":
        if not isinstance(value, bool):
            raise ConfigError("fuzz: expected true or false")
        return value
    if key == "timezone":
        if not isinstance(value, str):
            raise ConfigError("timezone: expected a zone name like 'Europe/Berlin'")
        if value:
            from .days import check_zone

            try:
                check_zone(value)
            except ValueError as error:
                raise ConfigError(f"timezone: {error}") from None
        return value
    if key == "new_mix":
        if value not in NEW_MIX_VALUES:
            raise ConfigError(
                f"new_mix: expected one of {', '.join(NEW_MIX_VALUES)}; got {value!r}"
            )
        return value
    if key == "desired_retention":
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1:
            raise ConfigError(
                f"desired_retention: expected a number between 0 and 1, e.g. 0.9; got {value!r}"
            )
        return float(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ConfigError(f"{key}: expected a whole number, got {value!r}")
    low, high = {"day_start_hour": (0, 23), "maximum_interval": (1, 36500)}.get(key, (0, 10**6))
    if not low <= value <= high:
        raise ConfigError(f"{key}: expected {low}-{high}, got {value}")
    return value


def _check_separator(key: str, value: Any) -> str | float:
    if key not in EXTRACT_KEYS:
        raise ConfigError(f"unknown setting {key!r}; known: {', '.join(EXTRACT_KEYS)}")
    if key == "extract.min_confidence":
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if isinstance(value, bool) or not 0.0 <= number <= 1.0:
            raise ConfigError(f"{key}: expected a number from 0 to 1, got {value!r}")
        return number
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise ConfigError(f"{key}: expected a non-empty one-line string, got {value!r}")
    return value.strip()


_STEP = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhd]?)$")
_UNITS = {"s": 1, "m": 60, "": 60, "h": 3600, "d": 86400}
MAX_STEP_S = 365 * 86400


def parse_step(text: str) -> timedelta:
    """'1m', '10m', '1h', '1d', '30s'; a bare number is minutes, as in Anki."""
    match = _STEP.match(text.strip().lower())
    seconds = float(match.group(1)) * _UNITS[match.group(2)] if match else 0.0
    if not 0 < seconds <= MAX_STEP_S:
        raise ConfigError(
            f"bad step {text!r}: use a number with s, m, h or d, e.g. '10m' (at most 365d)"
        )
    return timedelta(seconds=seconds)


def meaning(key: str) -> str:
    """What a setting does, for `quiz config`; an unknown key is an error."""
    found = KEYS.get(key) or EXTRACT_KEYS.get(key)
    if found is None:
        raise ConfigError(f"unknown setting {key!r}; known: {', '.join([*KEYS, *EXTRACT_KEYS])}")
    return found


def describe(file: SettingsFile, deck: str | None = None) -> list[tuple[str, Any, str]]:
    """Rows of (key, effective value, where it comes from) for `quiz config`."""
    effective = file.for_deck(deck)
    rows = []
    for setting in fields(Settings):
        source = "default"
        if setting.name in file.vault:
            source = "vault"
        if deck:
            parts = deck.split("::")
            for depth in range(1, len(parts) + 1):
                name = "::".join(parts[:depth])
                if setting.name in file.decks.get(name, {}):
                    source = f"deck {name}"
        rows.append((setting.name, getattr(effective, setting.name), source))
    separators = file.separators()
    for key in EXTRACT_KEYS:
        name = key.removeprefix("extract.")
        rows.append(
            (key, getattr(separators, name), "vault" if name in file.extract else "default")
        )
    return rows
