"""quizgarden: flashcards mined from your own Markdown notes, scheduled with FSRS.

Importing the package stays cheap: the heavy parts (fsrs, genanki, markdown-it) load in the
functions that need them.
"""

from .errors import QuizgardenError
from .model import Candidate, Card, CardState, Note, Problem, Review

__version__ = "0.1.0"

__all__ = [
    "Candidate",
    "Card",
    "CardState",
    "Note",
    "Problem",
    "QuizgardenError",
    "Review",
    "__version__",
]
