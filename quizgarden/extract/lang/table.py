"""The shape of one language's table: the words rules need that differ from language to language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    """Words of one language, lower case; entries may be small regular expressions (`notes?`).

    Adding a language means adding a module with one `TABLE` and listing it in `lang/__init__.py`:
    rule code never names a word of any language.
    """

    code: str
    copulas: tuple[str, ...]  # what follows the subject of a defining sentence: "is a", "是指"
    question_words: tuple[str, ...]  # how a question opens: "what", "为什么", "warum"
    question_ends: tuple[str, ...]  # how a question ends without "?": "是什么", "吗"
    structural_headings: tuple[str, ...]  # headings that organise, not name: "Summary", "总结"
    list_labels: tuple[str, ...]  # a label that asks for the list under it: "Causes", "原因"
    label_words: tuple[str, ...]  # labels that are never terms: "N.B", "Example", "注"
    field_names: tuple[str, ...]  # Dataview keys that are metadata: "author", "status"
    subject_stopwords: tuple[str, ...]  # a defining sentence's subject never opens with these
    # words that point back at the text: "this", "it", "这里"; every table's list applies to every
    # note, so a word that is ordinary in another language ("es" is Spanish for "is") stays out
    deictic: tuple[str, ...]
    gloss_headers: tuple[str, ...]  # a table column that defines its row: "Definition", "含义"
    joiners: tuple[str, ...]  # join two subjects or make one an attribute: "and", "和", "的"
    openers: tuple[str, ...]  # a paragraph opening so continues a text: "Next", "接下来"
    articles: tuple[str, ...]  # dropped before a subject: "The mitochondrion" -> "mitochondrion"
    # a term never opens with one: "According to experiments", "Unter Abwesenden" lead into a clause
    prepositions: tuple[str, ...] = ()
    # a section whose formulas are steps, not facts to learn: "Derivation", "Proof", "推导"
    proof_headings: tuple[str, ...] = ()
