"""One exception hierarchy, so the CLI can turn any library failure into one clear line."""

from __future__ import annotations


class QuizgardenError(Exception):
    """Base of every error the library raises on purpose."""


class NoteError(QuizgardenError):
    """A note could not be read; carries the file and line so the user can fix it."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


class VaultError(QuizgardenError):
    """The vault path does not exist or holds nothing readable."""


class CollectionError(QuizgardenError):
    """The collection file is unusable: locked, corrupt or newer than this code."""


class StaleCardError(CollectionError):
    """A card changed (in another session) after it was shown; the rating was not applied."""


class ConfigError(QuizgardenError):
    """A settings file or value is invalid."""


class ExportError(QuizgardenError):
    """An export could not be written."""


class FilterError(QuizgardenError):
    """A --deck or --tag matches nothing in the collection; the message lists what there is."""


class MediaError(QuizgardenError):
    """A media reference names no file that may leave the vault (missing, or refused)."""

    def __init__(self, ref: str, reason: str) -> None:
        super().__init__(f"{ref}: {reason}")
        self.ref = ref
        self.reason = reason
