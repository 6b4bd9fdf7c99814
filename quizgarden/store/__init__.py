"""The collection: one SQLite file per vault holding cards, their FSRS state and the review log."""

from .db import open_collection, write_transaction

__all__ = ["open_collection", "write_transaction"]
