"""Exports of the collection to other programs. Importing this package loads genanki."""

from __future__ import annotations

from .anki import ExportResult, export_apkg, plan_notes

__all__ = ["ExportResult", "export_apkg", "plan_notes"]
