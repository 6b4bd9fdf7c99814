"""Where things are: which vault, which collection file, and the vault's settings.

Resolution order is the same for every command so scripts can rely on it:
vault = argument > vault remembered by `quiz init` > current directory;
collection = `--db` > `QUIZGARDEN_DB` > `<vault>/.quizgarden/collection.db`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .atomic import write_text_atomically
from .errors import ConfigError, VaultError
from .notes.vault import read_state_file

ENV_DB = "QUIZGARDEN_DB"
ENV_CONFIG_DIR = "QUIZGARDEN_CONFIG_DIR"
STATE_DIR = ".quizgarden"


def user_config_dir() -> Path:
    """The per-user config folder (platformdirs), overridable for tests and sandboxes."""
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("quizgarden", appauthor=False)


def remembered_vault() -> Path | None:
    """The vault saved by `quiz init`, if any."""
    path = user_config_dir() / "config.json"
    raw = read_state_file(path)
    if raw is None:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError as err:
        raise ConfigError(
            f"{path}: unreadable ({err}); delete it or run `quiz init` again"
        ) from err
    value = data.get("vault") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(value, str | None):
        raise ConfigError(
            f'{path}: expected an object like {{"vault": "/path/to/vault"}}; '
            "delete it or run `quiz init` again"
        )
    return Path(value) if value else None


def remember_vault(vault: Path) -> Path:
    """Save `vault` as the default for every later command; returns the config file written."""
    folder = user_config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.json"
    data: dict[str, object] = {}
    try:
        raw = read_state_file(path)
        found = json.loads(raw.decode("utf-8")) if raw is not None else None
    except ValueError:
        found = None
    data = found if isinstance(found, dict) else {}
    data["vault"] = str(vault.resolve())
    try:
        return write_text_atomically(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except OSError as err:
        raise ConfigError(f"cannot write {path}: {err.strerror or err}") from err


def resolve_vault(vault: Path | None) -> Path:
    """The vault a command works on (see the module docstring for the order).

    It must be an existing folder: a mistyped or unmounted path is an error, so that no
    command creates folders or an empty collection where the user did not mean one.
    """
    remembered = None
    if vault is None:
        remembered = remembered_vault()
        vault = remembered or Path.cwd()
    vault = vault.expanduser()
    whose = " (the vault saved by `quiz init`)" if remembered else ""
    if not vault.exists():
        raise VaultError(f"the vault {vault}{whose} does not exist; check the path")
    if not vault.is_dir():
        raise VaultError(
            f"{vault}{whose} is a file, not a vault (a folder of notes); "
            "`quiz extract FILE` shows the cards of one note"
        )
    return vault


def resolve_db(vault: Path, db: Path | None) -> Path:
    """The collection file for `vault`."""
    if db is None:
        env = os.environ.get(ENV_DB)
        db = Path(env) if env else vault / STATE_DIR / "collection.db"
    return db.expanduser()


VAULT_MARKERS = (STATE_DIR, ".obsidian")


def vault_of(path: Path) -> Path:
    """The vault a note or folder belongs to, so `quiz extract FILE` reads FILE as part of it
    (deck, card ids and image paths as a sync would give them).

    The nearest folder holding `.quizgarden` or `.obsidian`; else the vault `quiz init`
    remembered, when `path` is inside it; else the folder itself (or the file's folder).
    """
    path = path.expanduser().resolve()
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        if any((folder / marker).is_dir() for marker in VAULT_MARKERS):
            return folder
    try:
        remembered = remembered_vault()
    except ConfigError:
        remembered = None
    if remembered is not None:
        remembered = remembered.expanduser().resolve()
        if remembered == start or remembered in start.parents:
            return remembered
    return start
