"""A plain sentence that defines its subject: `Dialysis is the process of …`, `LoRA is a
fine-tuning method …`, `Ein Enzym ist ein Protein, das …`, `感受野是 …`.

The copula comes from the language tables. A subject followed by a copula is common in any
prose ("The results are …"), so the sentence must open its paragraph and the paragraph must be
about that subject: the subject is what its heading or note names, it is set in bold, or the
paragraph opens its section. A list item's first sentence, at any depth, counts only when it
is shaped as a definition wherever it stands (`_restricted`, `_classed`), or, for an item, as a
class a complement bounds (`_bounded`: "- tetrachord is a group of four notes …") or with a
subject its author set in bold ("- An **interface** is the point where …"); a nested item
that points at its parent ("- PARTICULARS are a lesser form of this") leans on it. A
paragraph's subject its author marked (bold, italics, code) is introduced whatever the verb:
"A _competitive market_ has …", and so is an item's in a list whose items open so, one term
an item (`_marked_runs`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import islice

from ..model import Candidate
from .blocks import Block
from .context import Context, clean_card_text, heading_title
from .lang import (
    ACTION,
    ADDITIVE,
    ARTICLE,
    ASCII_COPULA_WORD,
    ASCII_LIST_COPULA_WORD,
    CLASS_OF,
    CLAUSE_TAIL,
    CLAUSE_WORD,
    CONTINUES,
    COPULA,
    COPULA_WORD,
    DEICTIC,
    DEMONSTRATIVE,
    DETERMINER,
    FIRST_PERSON,
    GENERIC_FRONT,
    GENERIC_PERSON,
    HEAD_FOLLOWER,
    JOINER,
    LINKING_VERB,
    LIST_COPULA_WORD,
    LOCALIZER,
    NAMING_COPULA,
    PASSIVE,
    PLACE_PREPOSITION,
    PLAIN_VERB,
    PLURAL_NOUN,
    PREDICATE_OPENER,
    PREPOSITION,
    RELATIVE_CLASS,
    RELATIVE_WORD,
    SECTION_OPENER,
    SUBJECT_STOPWORD,
    SUPERLATIVE,
    TERM_BAD_START,
    TITLE_STOPWORDS,
    copula_adverb,
    negates_copula,
)
from .shape import is_label, named_plainly, points_back, topic
from .text import (
    BOLD_OPENERS,
    IMAGE_IN_TEXT,
    LONG_WORD,
    PARENS,
    SENTENCE,
    cjk_before_stop,
    has_cjk,
    is_example_heading,
    is_explanation,
    is_first_person,
    is_term,
    strip_markup,
    units,
)

MAX_SUBJECT = 60
#: How many sentences of a paragraph are read: a long paragraph's later sentences lean on it.
_MAX_SENTENCES = 6


def find(ctx: Context) -> Iterator[Candidate]:
    opening: set[int] = set()  # blocks that open their section
    last_heading = None
    for n, block in enumerate(ctx.blocks):
        if block.kind == "heading":
            last_heading = n
        elif block.kind == "paragraph" and (n - 1 == last_heading or n == 0):
            opening.add(n)
    examples: dict[int | None, bool] = {}  # per heading: a section of worked examples
    runs = _defining_runs(ctx)
    marked = _marked_runs(ctx)
    titles = (
        {heading_title(b).casefold() for b in ctx.blocks if b.kind == "heading"}
        if marked
        else set()
    )
    # a paragraph whose first sentence defines a subject nothing else vouches for waits: a
    # note where MIN_SIBLINGS paragraphs or more each open by defining their own subject is a
    # run of definitions, one a paragraph, as a list of them is (`_defining_runs`)
    waiting: list[Candidate] = []
    defining: set[str] = set()
    for n, block in ctx.prose:
        item = block.kind == "item"  # an item at any depth: its first sentence, if a definition
        if block.heading not in examples:  # once per section, not once per paragraph
            heading = ctx.blocks[block.heading].text if block.heading is not None else ""
            examples[block.heading] = is_example_heading(heading)
        if examples[block.heading]:
            continue
        # a paragraph may open a sentence with a subject its author marked, whatever its verb
        marks = (not item and n not in runs and _marks_open(block.text)) or n in marked
        lone = item and not marks and _marks_open(block.text)  # an item no run vouches for
        read = _MAX_SENTENCES
        if not marks and _copula_word(block.text, n in runs).search(block.text) is None:
            # no sentence of it has a verb to define with: one search, not six (the bare word,
            # without COPULA's leading spaces, which made the engine try it at every character)
            if not lone:
                continue
            read = 1  # a lone item's first sentence, whose verb may agree with its subject
        text, title = _untitled(block)
        said = islice(_sentences(text), read)
        defined: str | None = None  # the subject of the paragraph's first sentence, if it defines
        for k, sentence in enumerate(said):
            found = split_defining(sentence, opens=n in runs, lower=item and k == 0)
            if found is None and marks:
                found = _marked_entry(sentence) if item else marked_subject(sentence)
            agreed = (
                found is None
                and lone
                and k == 0
                and (found := _agreeing_entry(sentence)) is not None
            )
            placed = found is None and (found := _placed(sentence)) is not None
            if found is None:
                continue
            if named_plainly(sentence) is not None:
                continue  # "Rocks formed from lava are known as igneous rocks.": a description
                # named, the name the `definition` rule's term
            subject, back, bold = found[:3]
            wait = False
            if title:
                # a titled paragraph is about its title: a subject the title does not name is
                # one of the things said of it ("![Höhlengleichnis]" over "Menschen sind …")
                if not _names_alike(title, subject):
                    continue
                bold = True  # the title sets the subject apart, as bold would
            if defined is not None and (not bold or subject.casefold() == defined):
                continue  # the paragraph is about its first subject; another term is in bold
            # opening its section is evidence enough where words are spaced and a subject is
            # marked by its place; a bare "是" needs the heading to name the subject as well
            # "- 社会属性是人的**本质属性**": the author stressed the answer in the first clause of
            # what is said of it, a bare "是" then defines ("一级目录即为最终分类，**避免…**" adds
            # advice after the comma)
            stressed = item and not bold and has_cjk(subject) and _STRESSED.match(back) is not None
            if not found[3] and n not in runs and not stressed:
                # a bare "是" ("X 是 NVIDIA 推出的…") describes as often as it defines; in a list
                # whose items each define their own subject it counts, as "is" does there
                continue
            about = _about(ctx, block, subject)
            if k == 0 and not item and _agreeing_verb(subject, back) is None:
                # a plain verb after a plural says something of its subject, defines nothing
                defining.add(subject.casefold())
            if n in opening and about and block.heading is not None:
                if k == 0 and _is_title(ctx.blocks[block.heading], subject):
                    break  # the heading names it and this paragraph explains it: a heading card
                run = k == 0 and (bold or _defines(found)) and _all_defined(ctx, n)
                if not (run or _defines_alone(found)):
                    continue
                # "# Physical Quantities" + "A **physical quantity** is …": the term as the
                # sentence names it is asked, and the heading's card yields to it (`dedupe`);
                # a heading card that names the term asks it already, and the term yields
            if n in marked and subject.casefold() in titles:
                continue  # "- **机器问答**综合了…" over "## 机器问答": its section answers for it
            if n in runs or n in marked or agreed:
                pass  # one of a list of definitions, or a subject its verb vouches for
            elif placed:
                pass  # "In geology, a moraine is an accumulation of rock that …": see _placed
            elif item and k > 0:
                # a later sentence of an item ("* Three kinds of sciences: … Practical sciences
                # are ones that guide behavior, …") only when shaped as a definition, its class
                # its own (not "is an example of this protocol"); emphasis there is no term's
                if not (_restricted(found) or _classed(found)) or points_back(_class(back)):
                    continue
            elif item:  # "- Boosting is an ensemble technique that …": shaped as a definition
                # a one-word subject its heading names is the subject rule's ("## Race" /
                # "- Race is a social classification …": that item answers the heading)
                one = block.heading is None or not _is_title(ctx.blocks[block.heading], subject)
                # a one-word subject put in its class defines in a top-level item; under an item
                # it is as often a symbol its parent's formula uses ("- distance is the distance
                # traveled …") or a claim ("- Sex is a greater investment for …")
                alone = one and block.parent is None
                if block.parent is not None and points_back(back):
                    continue  # "- PARTICULARS are a lesser form of this": leans on its parent
                if not (
                    _restricted(found)
                    or _classed(found)
                    or _classed(found, named=False, one_word=alone)
                    # "- Tonic means the first degree of a scale.": short, but bounded by its "of"
                    or (one and _bounded(found))
                    # "- An **interface** is the point where …": a term its author set apart
                    or (found[2] and _marked_entry(sentence) is not None)
                    or stressed
                ):
                    continue
            elif k == 0:
                first = n in opening and not has_cjk(subject) and not _passive(found)
                if not (bold or first or about or _classed(found) or _restricted(found)):
                    if block.parent is not None or title or not _vouched(found):
                        continue
                    wait = True  # its siblings decide, once the note is read
            elif not (bold or _restricted(found) or _classed(found)):
                continue  # past the first sentence, only a sentence shaped as a definition
            if DEMONSTRATIVE.search(back):
                continue  # "Lubrication is used to reduce friction in this case!": which case?
            back, block_id, deck = clean_card_text(back)
            card = Candidate("sentence", "basic", subject, back, block.line, block_id, deck=deck)
            if wait:
                waiting.append(card)
                continue
            yield card
            if k == 0:
                defined = subject.casefold()
    if len(defining) >= MIN_SIBLINGS:
        yield from waiting
    yield from _contrasted(ctx)


#: How many words a kind's name takes: a modifier and the head it shares with its siblings
#: ("Standard ACLs"), or a head and a phrase ("Capacitors in series").
_KIND_WORDS = range(2, 5)
# a word of a kind's name: letters, a hyphen or an apostrophe inside ("Non-zero"); a hyphen
# that ends a word sets a term off from what is said of it ("Prefix- Formed by deleting …")
_KIND_WORD = re.compile(r"[^\W\d_](?:[\w'’-]*[\w'’])?")
# a name its author set off in bold or code, an article before it at most; the words of a
# subject, where the mark holds them all, are the term the definition rules ask
_SET_OFF = re.compile(r"(?:[A-Za-z]+\s+)?(?P<mark>\*\*|__|`)(?P<name>[^*_`]+)(?P=mark)")
# what an item may open with before its words: a tick, a cross, an emoji
_DECORATION = re.compile(r"^[^\w(\[*_`]+")


def _contrasted(ctx: Context) -> Iterator[Candidate]:
    """Sibling items that each open one statement with a kind of the same thing, and so set
    the kinds side by side (`- Standard ACLs are placed near the destination` / `- Extended
    ACLs are placed near the source`, `- Capacitors in series have …` / `- Capacitors in
    parallel have …`): each says what sets its kind apart, and is asked by its kind, which the
    sibling tells apart from the other. A statement alone opening with its subject is one of
    many an outline holds and asks nothing; the pair is what makes the subject a term. Not a
    kind a heading of the note names: its section answers for it."""
    titles: set[str] | None = None
    for items in ctx.lists.values():
        if len(items) < MIN_CONTRASTED:
            continue
        said: dict[int, tuple[str, str]] = {}
        for n in items:
            block = ctx.blocks[n]
            if ctx.free(block) and (found := _kind_statement(block.text)) is not None:
                said[n] = found
        for n, (subject, rest) in said.items():
            if not any(_contrasts(subject, other) for m, (other, _) in said.items() if m != n):
                continue
            if titles is None:
                titles = {heading_title(b).casefold() for b in ctx.blocks if b.kind == "heading"}
            if subject.casefold() in titles:
                continue
            back, block_id, deck = clean_card_text(rest)
            block = ctx.blocks[n]
            yield Candidate("sentence", "basic", subject, back, block.line, block_id, deck=deck)


#: Sibling items it takes to set kinds side by side.
MIN_CONTRASTED = 2


def _kind_statement(text: str) -> tuple[str, str] | None:
    """(subject, what is said of it) when an item's first sentence opens with a name of two to
    four words and goes on with its verb in lower case (`Leading zeros are not counted as …`;
    an aside in brackets after the name is left out, and so is a leading article). A verb of
    the tables' `predicate_openers` that ends in `s` (`allows`, `focuses`) follows a name that
    does not (`Dynamic polymorphism allows …`): after a plural it is a noun. Not in CJK text,
    not a clause (`If positive work is …`) or an instruction (`Use early wins …`: the tables'
    actions), and not a name that ends on a small word (`Capacitors in` + `series …`) or holds
    an article (`Master the basic` + `principles …`)."""
    line = text.split("\n", 1)[0]
    if cjk_before_stop(line):
        return None  # a CJK sentence, known before it is found: most items of a CJK note
    first = next(_sentences(line), None)
    if first is None or has_cjk(first):
        return None
    set_off = _SET_OFF.match(_DECORATION.sub("", first))
    words = PARENS.sub(" ", _DECORATION.sub("", strip_markup(first))).split()
    shortest = _KIND_WORDS[0]
    if len(words) < shortest + MIN_CONTRASTED or not all(
        _KIND_WORD.fullmatch(w) for w in words[:shortest]
    ):
        return None  # (the loop's first test, before the tables' patterns: most items fail it)
    if TERM_BAD_START.match(" ".join(words)) or SUBJECT_STOPWORD.match(words[0]):
        return None
    if ACTION.match(words[0]):
        return None  # "Use early wins to …" / "Use quick wins to …": steps, no kinds
    for k in _KIND_WORDS:
        if len(words) < k + MIN_CONTRASTED:
            return None
        verb, name = words[k], words[:k]
        if not all(_KIND_WORD.fullmatch(w) for w in name):
            return None
        if any(ARTICLE.match(w + " ") or DETERMINER.match(w) for w in name[1:]):
            return None  # "Master the basic" + "principles …": an instruction, no name
        if _small_word(name[-1]) or not (verb.isalpha() and verb.islower()) or _small_word(verb):
            continue
        if LIST_COPULA_WORD.fullmatch(verb) is None:
            if PREDICATE_OPENER.match(verb) is None:
                continue
            if verb.endswith("s") and name[-1].casefold().endswith("s"):
                continue  # "Use early" + "wins to build …": a plural, not a verb
        subject = ARTICLE.sub("", " ".join(name))
        if set_off and len(PARENS.sub(" ", set_off["name"]).split()) >= len(subject.split()):
            return None  # "**Axial resistance** is …": a term set off, the definition rules' own
        rest = " ".join(words[k:])
        if not is_explanation(rest) or DEMONSTRATIVE.search(rest) or ADDITIVE.search(rest):
            return None  # "Improper integral is also complex …": a point added to another
        return subject, rest
    return None


def _small_word(word: str) -> bool:
    """An article, a preposition, a joiner or a word that picks which or how many: no word a
    kind is named by, nor a verb."""
    return bool(
        ARTICLE.match(word + " ")
        or HEAD_FOLLOWER.fullmatch(word)
        or JOINER.fullmatch(word)
        or DETERMINER.match(word)
    )


def _contrasts(subject: str, other: str) -> bool:
    """Two names of the same length that differ in one word only, which names a kind, and
    share a word that names what they are kinds of: `Standard ACLs` / `Extended ACLs`,
    `Capacitors in series` / `Capacitors in parallel`; not a word that picks which or how many
    (`Each process` / `No process`, `One option` / `Another option`: the tables'
    `determiners`), nor two names that share only a small word (`The owner` / `The sender`).
    The word they share is the head, last or before the phrase that tells the kinds apart
    (`in series`); names that differ in their last word are two things (`Moral law` / `Moral
    worth`)."""
    mine, theirs = subject.casefold().split(), other.casefold().split()
    if len(mine) != len(theirs):
        return False
    differ = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
    shared = [a for a, b in zip(mine, theirs, strict=True) if a == b]
    if len(differ) != 1 or all(_small_word(w) for w in shared):
        return False
    if mine[-1] != theirs[-1] and (len(mine) < 3 or not HEAD_FOLLOWER.fullmatch(mine[-2])):
        return False  # "Moral law" / "Moral worth": two things, not two kinds of one
    return not any(_small_word(w) or TERM_BAD_START.match(w) for w in differ[0])


# a stressed span in the first clause: before any comma, semicolon or full stop
_STRESSED = re.compile(r"[^，,；;。*]*\*\*[^*]+\*\*")

# a line that titles what is under it: wholly in bold or italics, or an image alone
_TITLE_LINE = re.compile(
    r"[ \t]*(?:<u>)?(?:(?P<mark>\*{1,3}|_{1,3})[^*_\n]+(?P=mark)|!\[[^\]\n]*\]\([^)\n]*\))"
    r"(?:</u>)?[ \t]*(?:<br\s*/?>[ \t]*)?",
    re.I,
)


# "are those that have no product": a class named by its clause, not the text before
_THOSE = re.compile(r"\b(?:those|ones)\s+(?:that|which|who|whose)\b", re.I)


def _class(back: str) -> str:
    """The class a copula puts its subject in, up to the first comma, "those" that a clause
    names taken out: where "is an example of this protocol" points back, and "are those that
    have no product, but in which …" does not."""
    return _THOSE.sub("", back.split(",", 1)[0])


def _untitled(block: Block) -> tuple[str, str]:
    """The block's text without the title its first line gives it (or the bold that sets off
    all of it): a callout's title
    (`> [!info] Rol fundamental`), a line wholly in bold or italics (`***Receptive Field***`) or
    an image (`![Hoehlengleichnis](…)`) over the text, or the bold line the paragraph opened
    with before it was set apart (`blocks._split_title`). A title is no subject of the sentence
    under it ("Rol fundamental La UC es …")."""
    if block.title:  # set apart already: the paragraph is what is left under it
        return block.text, strip_markup(block.title).strip()
    if (text := _unbolded(block.text)) is not block.text:
        return text, ""
    first, _, rest = block.text.partition("\n")
    if not rest:
        return block.text, ""
    if (block.callout_title and first.strip() == block.callout_title.strip()) or (
        _TITLE_LINE.fullmatch(first)
    ):
        return rest, strip_markup(_IMAGE_ALT.sub(r"\1", first)).strip()
    return block.text, ""


# a block wholly in one bold span
_WHOLE_BOLD = re.compile(r"\s*(?:\*\*(?P<a>[^*\s][^*]*)\*\*|__(?P<b>[^_\s][^_]*)__)\s*")


def _unbolded(text: str) -> str:
    """`text` without the bold that sets off all of it, and the quotation marks inside that bold
    (`**"The gross margin is gross profit divided by sales. …"**`): bold that stresses all a
    block says is no subject set apart, and the text is read as plain; else `text` itself."""
    whole = _WHOLE_BOLD.fullmatch(text) if text.startswith(BOLD_OPENERS) else None
    if whole is None:
        return text
    inner = whole.group("a") or whole.group("b")
    return inner[1:-1] if inner[:1] + inner[-1:] in {'""', "“”"} else inner


_IMAGE_ALT = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")


def _defines(found: tuple[str, str, bool, bool]) -> bool:
    """The sentence is shaped as a definition: a class after the verb ("Deadlock is the
    permanent blocking of …", "A compiler is a program that …"), or a naming copula in CJK
    ("有限合伙企业是指…"), not a remark about its subject ("Distributed systems are complex")."""
    return has_cjk(found[0]) or _restricted(found) or _classed(found, named=False, one_word=True)


def _defines_alone(found: tuple[str, str, bool, bool]) -> bool:
    """ "The boiling points are temperatures at which …", "A *sedimentary rock* is a rock that
    forms from …": a copula puts the subject in a class of its own, which a clause or a
    complement bounds, the shape of a definition whatever else its section says; a class that
    points back ("the record of these flows") leans on the text before, where a pronoun in the
    clause after it ("… equals the pressure around it") points at the class itself."""
    cls = _class(found[1])
    if (clause := RELATIVE_WORD.search(cls)) is not None:
        cls = cls[: clause.start()]
    if has_cjk(found[0]) or points_back(cls):
        return False
    return _restricted(found) or _classed(found, named=False, one_word=True)


def _all_defined(ctx: Context, n: int) -> bool:
    """The section block `n` opens is a run of definitions, a sentence a paragraph ("A
    **physical quantity** is …", "**Measurement** is …"): its terms are what it asks."""
    heading = ctx.blocks[n].heading
    for k in range(n, len(ctx.blocks)):  # up to the section's end, or the first block no definition
        block = ctx.blocks[k]
        if block.heading != heading or block.kind == "heading":
            return True
        if block.kind != "paragraph" or len(list(islice(_sentences(block.text), 2))) > 1:
            return False
        if split_defining(block.text) is None and marked_subject(block.text) is None:
            return False
    return True


def _is_title(heading: Block, subject: str) -> bool:
    """The heading is the subject's name as the sentence writes it ("## LoRA" + "LoRA is …")."""
    return heading_title(heading).casefold() == subject.casefold()


def _names_alike(title: str, subject: str) -> bool:
    """The title names the subject: one holds the other, brackets aside ("Receptive Field
    (感受野)" over "感受野 (receptive field) 是指 …")."""
    a, b = title.casefold(), subject.casefold()
    names_a = {p.strip() for p in re.split(r"[()（）]", a) if p.strip()}
    names_b = {p.strip() for p in re.split(r"[()（）]", b) if p.strip()}
    return bool(names_a & names_b) or any(x in b for x in names_a) or any(x in a for x in names_b)


def _sentences(text: str) -> Iterator[str]:
    """The sentences of a paragraph, in order; "e.g.", "d.h." and "am 3. Mai" end none
    (`SENTENCE`). A line that opens with a subject in bold ("A **not for resuscitation order**
    is …") starts a sentence of its own even when the line before it has no full stop: lines
    typed one definition each, indented under the first, are one paragraph to Markdown. Found
    one at a time: the rule reads the first few of a long paragraph only."""
    for line in _BOLD_LINE.split(text):
        rows = line.split("\n")
        if "![" in line:  # a line of images alone is a figure under the text, no words of it
            rows = [row for row in rows if not _IMAGE_ROW.fullmatch(row)]
        for m in SENTENCE.finditer(" ".join(rows)):
            if s := m.group().strip():
                yield s


# a line that holds images and nothing else: "… the interior of the Earth" over
# "![Woah](…mantle_convection2.gif)", a figure set under the sentence, which ended before it
_IMAGE_ROW = re.compile(rf"\s*(?:{IMAGE_IN_TEXT}\s*)+")

# a line break before a line that opens with a subject in bold, an article before it at most
_BOLD_LINE = re.compile(
    rf"\n(?=[ \t]*(?:{ARTICLE.pattern.removeprefix('^')})?"
    rf"(?:\*\*|__)[^*_\n]{{1,{MAX_SUBJECT}}}(?:\*\*|__))",
    re.I,
)


def split_defining(
    text: str, *, opens: bool = False, lower: bool = False
) -> tuple[str, str, bool, bool] | None:
    """(subject, what the sentence says of it, subject in bold, copula says "defined as"/"是指")
    for a defining first sentence. With `opens` the text opens an item of a list of
    definitions (a bare copula counts); with `opens` or `lower` it opens a list item, so a
    subject in lower case is where the item starts, not a sentence's middle."""
    m = SENTENCE.match(text.lstrip())
    sentence = m.group().replace("\n", " ").strip() if m else ""
    if not sentence or sentence.endswith(("?", "？")):
        return None
    verb = _copula(sentence, opens)
    if verb is None or verb[0] == 0 or verb[0] > MAX_SUBJECT:
        return None
    raw = _without_closing_comma(sentence[: verb[0]].strip())
    if negates_copula(raw):
        return None  # "La escasez no es …": says what the subject is not
    qualifier = copula_adverb(raw)
    if qualifier is not None:  # "Dichotic listening simply refers to …": the adverb says the
        # definition is put plainly, no part of the term, and the answer reads the same without it
        raw = raw[: qualifier.start()].rstrip()
        if not raw:
            return None
    if ("," in raw or "，" in raw) and "](" not in raw and "<" not in raw:
        return None  # (the comma test below, on the markup: only a link or a tag drops a comma)
    subject = ARTICLE.sub("", strip_markup(raw)).strip()
    # (the tests of the short subject come before those that read the whole sentence: they
    # reject two sentences in three; a comma is looked for before the stopwords' pattern)
    if "," in subject or "，" in subject or SUBJECT_STOPWORD.match(subject):
        return None
    if subject.endswith(("'", "’")):
        return None  # "C’est un béton …", "L’acqua è …": an elided word opens the sentence
    if " - " in subject:
        return None  # "Economic Costs - Including opportunity costs are …": a term, a dash
    if CLAUSE_TAIL.search(subject):
        return None  # "Faute de jeu qui consiste …", "Mentally zoom out like you are …": the
        # copula's subject is the relative or the pronoun, and the words before it a clause
    if PREPOSITION.match(subject):
        return None  # "Nach Aristoteles ist eine Handlung …": a phrase before the verb (V2)
    if DEICTIC.search(subject) or JOINER.search(PARENS.sub("", subject)):
        return None  # "Found that the …", "Overfitting and underfitting", "ResNet的目标"
    if not is_term(subject, max_units=6) or is_label(subject):
        return None
    if is_first_person(sentence) and not _anyones(sentence, verb[0]):
        return None  # the writer's own voice ("The baseline is the model that I trained")
    if SECTION_OPENER.match(strip_markup(sentence)):
        return None  # "A different approach is SJF", "The next requirement is …": adds to before
    # "An **advance directive** is", "_Diseconomies of scale_ refer to": a subject set apart in
    # bold, or wholly in italics, is the term the sentence introduces
    marked = ARTICLE.sub("", raw)
    bold = marked.startswith(BOLD_OPENERS) or _EMPHASISED.fullmatch(marked) is not None
    if not has_cjk(subject) and strip_markup(raw)[:1].islower() and not (bold or opens or lower):
        return None  # a sentence's middle, not its subject
    if has_cjk(subject) and units(subject) < 2 and len(subject) < 3:
        return None
    # "ミトコンドリアとは、…": the comma after a CJK copula is not part of the answer
    cut = sentence[verb[1] :].lstrip("、，,:： ")
    if opens and PASSIVE.match(cut):
        return None  # "- Responsibilities are clearly assigned": said of it, not what it is
    back = sentence[verb[0] :].strip() if not has_cjk(subject) else cut
    if not is_explanation(back, min_units=5):
        return None
    strong = verb[2].strip() not in {"是", "是一个"} or _modified_class(cut)
    return subject, back.strip(), bold, strong


def _anyones(sentence: str, start: int) -> bool:
    """The first person of the sentence, whose copula is at `start`, speaks for anyone: it is
    only in the relative clause that narrows the class the copula puts the subject in, and is
    plural (the tables' `generic_person`): "Perception is the process by which we select, organize
    and interpret …", "… is the idea that we don't directly experience the world". There it is
    the textbook's "one", as "the process by which one selects" would say; in the subject or
    the class ("Our model is the network …", "X is what we …") or in the singular ("the model
    that I trained") it is the writer's own, a diary's, and the sentence defines nothing."""
    back = sentence[start:].lstrip()
    predicate = _predicate(back)
    if predicate is None or (predicate[2] is None and not predicate[3]):
        return False
    said, article = predicate[1], predicate[2]
    rest = said[article.end() :] if article else said
    clause = RELATIVE_CLASS.match(rest)
    if clause is None:
        return False
    cut = len(sentence) - len(rest) + clause.end("cls")
    head = sentence[:cut]
    if is_first_person(head) or is_first_person(head.casefold()):
        return False  # ("Our model": the tables write the possessive in lower case)
    return all(m.group() in GENERIC_PERSON for m in FIRST_PERSON.finditer(sentence, cut))


def _without_closing_comma(raw: str) -> str:
    """The words before the copula without a comma that closes them, where it is their only
    one: "Acute lymphoblastic leukaemia (ALL), is a …", "Los **costos fijos** (CF), son los
    costos de …", "Square root time complexity, means that …". A writer who sets the subject off
    from its verb, often after the abbreviation in brackets, still names the subject whole;
    a comma anywhere else ("In practice, the cost is …", "X, however, is …") makes the words
    before the verb a phrase and a subject, or a subject and an aside, and is read as before.
    A CJK comma before "是" is kept: there it ends a clause ("这样做的原因，是…")."""
    if raw.endswith(",") and raw.count(",") == 1:
        return raw[:-1].rstrip()
    return raw


def _modified_class(back: str) -> bool:
    """ "GEARS 是一个融合了图神经网络与深度表征学习的模型，…", "ZeRO-Infinity是ZeRO-3的拓展。":
    after a bare "是" the first clause is a noun a "的" clause narrows, the head noun last,
    which is how Chinese writes "a model that fuses …" (the relative clause comes before the
    noun). That is the class `_restricted` reads after "is a" in English, so the bare copula
    defines as "是指" does. A clause a clause word opens ("是为了解决…的问题") says why, "的" with
    no noun after it ("是…得来的") stresses, and a class that counts ("另一种…的方法") leans on
    the text before: none of them puts the subject in a class."""
    m = _CJK_CLASS.match(back)
    if m is None or SUBJECT_STOPWORD.match(back) or CLAUSE_WORD.match(back):
        return False
    return not points_back(m.group())


# the first clause after a bare "是": a modifier of two characters or more, "的", and a head
# noun of a few characters that ends the clause (a comma or a full stop, or the sentence's end)
_CJK_CLASS = re.compile(r"[^，,。；;：:.!?！？]{2,}的[^\W\d_的]{1,8}(?=[，,。；;：:.!?！？]|$)")


def _placed(sentence: str) -> tuple[str, str, bool, bool] | None:
    """ "In geology, a moraine is an accumulation of rock and soil that …", "In time-series data,
    stationarity refers to …": a sentence that first places its subject in a field, by a short
    phrase a preposition opens, then defines it. The field is where the term belongs, the way an
    encyclopaedia opens an article, so the sentence defines wherever it stands when what follows
    the phrase is shaped as a definition on its own (`_defines_alone`: a class a clause or a
    complement bounds, or a naming copula); a phrase that points back ("In this case, the cost is
    …") places nothing, and a bare copula after a place ("In a closed system, momentum is
    conserved") says what holds there. A second term set in bold after the subject makes the
    sentence a pair the field holds, which its section answers for."""
    m = _PLACED.match(sentence)
    if m is None or DEICTIC.search(m.group("place")) or units(m.group("place")) > _PLACE_UNITS:
        return None
    found = split_defining(sentence[m.end() :], lower=True)
    if found is None or not _defines_alone(found) or _MARKED_AGAIN.search(found[1]):
        return None  # a second term in bold ("**population** … while **sample** …"): a pair
    return found


# a short phrase a preposition opens, up to the comma after it: where the subject belongs
_PLACED = re.compile(
    rf"{PLACE_PREPOSITION.pattern}\s+(?P<place>[^,，;:.!?\n]{{1,{MAX_SUBJECT}}}?),\s+",
    PLACE_PREPOSITION.flags,
)
#: The longest place a sentence names before its subject, in units: past it, a clause.
_PLACE_UNITS = 5


# a mark an author sets a term apart with: bold, italics, code
_MAY_MARK = re.compile(r"[*_`]")
# where a sentence may open with one, a short article between, found as two patterns: at the
# paragraph's start, and after a line's or a sentence's end, which opens with one class of
# characters, so the engine jumps from one such character to the next (one alternation that
# opened with `^` was tried at every character)
_MARK_AT_START = re.compile(r"\s*(?:[^\W\d_]{1,3}\s+)?[*_`]")
_MARK_AFTER_END = re.compile(
    r"[\n.!?。！？](?:(?<=[\n。！？])|(?<=[.!?])\s)\s*(?:[^\W\d_]{1,3}\s+)?[*_`]"
)


def _marks_open(text: str) -> bool:
    """Whether a sentence of `text` opens with a mark, after a test in C for the marks every
    match ends on: most paragraphs set no word apart."""
    return ("*" in text or "_" in text or "`" in text) and (
        _MARK_AT_START.match(text) is not None or _MARK_AFTER_END.search(text) is not None
    )


# a subject so marked (an article before it is matched first) and what the sentence says of it
_MARKED_SUBJECT = re.compile(
    r"(?:\*\*(?P<bold>[^*\n]{1,60}?)\*\*|__(?P<under>[^_\n]{1,60}?)__"
    r"|\*(?P<star>[^*\s][^*\n]{0,58}?)\*|_(?P<ital>[^_\s][^_\n]{0,58}?)_"
    r"|`(?P<code>[^`\n]{1,40})`[ \t]+(?P<kind>[^\W\d_]+))"
    # its symbol after it: "The **zero vector**, $0$ has …"
    r"(?P<symbol>[ \t]*,?[ \t]*\$\$?[^$\n]{1,60}\$\$?,?)?(?P<gap>[ \t]*)(?P<rest>\S.*)$"
)


def marked_subject(sentence: str) -> tuple[str, str, bool, bool] | None:
    """(subject, what the sentence says of it, True, True) for a sentence whose subject is a term
    its author set apart in bold or italics, or in code followed by the kind of thing it names
    ("The `exists` construct returns …"), an article before it at most and its symbol after it:
    "A **unit vector** has length 1.", "The _Sample space_ $Ω$ is the set of …". The mark says
    the sentence introduces the term, whatever its verb; the predicate opens with a copula or a
    verb of the tables (`predicate_openers`). Only a paragraph's sentences are read so: a list
    item is a statement among others."""
    text = sentence.strip()
    lead = ARTICLE.match(text)
    m = _MARKED_SUBJECT.match(text, lead.end() if lead else 0)
    if m is None:
        return None
    term = m.group("bold") or m.group("under") or m.group("star") or m.group("ital")
    rest = m.group("rest").strip()
    if term is None:
        if _predicate_word(m.group("kind")):
            return None  # "`git add` stages changes …": a verb or a plural noun, who can tell
        term = f"{m.group('code')} {m.group('kind')}"  # "The `exists` construct returns …"
    term = term.strip()
    if not (_cjk_predicate(m, rest) if has_cjk(rest[:1]) else _predicate_opens(m, term, rest)):
        return None
    if DEICTIC.match(rest) or is_label(term) or not is_term(term, max_units=6):
        return None
    if _MAY_MARK.search(term) or _MARKED_AGAIN.search(rest[:40]):
        return None
    symbol = (m.group("symbol") or "").strip(" ,\t")
    back = f"{symbol} {rest}" if symbol else rest
    if units(rest) < _MIN_PREDICATE or not is_explanation(text, min_units=_MIN_PREDICATE + 2):
        return None  # (the whole sentence: "has length 1" says enough of a "unit vector")
    return term, back, True, True


def _cjk_predicate(m: re.Match[str], rest: str) -> bool:
    """ "**Subword Tokenizer** 介于词和字符之间…": CJK runs on with no space after a name, so the
    mark alone shows where the subject ends; not before a joiner ("**A** 和 …"), a noun that goes
    on with the name ("**Output Parsers** 部分的目标是…"), or after code ("`max_tokens` 参数…")."""
    if m.group("code") is not None or JOINER.match(rest) or CONTINUES.match(rest):
        return False
    if LOCALIZER.match(rest):
        return False  # "**全自动模式**下所有 tensor …": in that mode, a phrase of place
    return JOINER.search(rest, 1, _HEAD_NOUN + 1) is None


def _predicate_word(word: str) -> bool:
    """`word` may open a predicate: a copula or a verb of the tables."""
    return COPULA.fullmatch(f" {word} ") is not None or PREDICATE_OPENER.fullmatch(word) is not None


def _predicate_opens(m: re.Match[str], term: str, rest: str) -> bool:
    """A predicate in spaced words opens after a space with a copula or a verb of the tables."""
    if has_cjk(term) or not rest[:1].islower() or not m.group("gap"):
        return False
    if COPULA.match(" " + rest) is not None:
        return True
    verb = PREDICATE_OPENER.match(rest) or _agreeing_verb(term, rest)
    if verb is None:
        return False
    # a noun in the plural with the verb after it goes on with the subject: "The **main** ideas
    # are …", "… **shared** resources can …"
    after = rest[verb.end() :].lstrip()
    return COPULA.match(" " + after) is None and PREDICATE_OPENER.match(after) is None


def _agreeing_verb(term: str, rest: str) -> re.Match[str] | None:
    """A verb's plain form after a term whose last word is plural: "**Patents** give …",
    "**Inflection points** occur …". The two agree as a subject and its verb do, which an
    imperative ("**Use** a …") or a stressed word ("is **very** …") does not."""
    words = term.split()
    if not words or len(words) > _MAX_AGREEING or PLURAL_NOUN.match(words[-1]) is None:
        return None
    return PLAIN_VERB.match(rest)


#: The most words of a plural subject its verb vouches for: a longer bold span is as often an
#: imperative with its object ("**Try out different drum hits** …").
_MAX_AGREEING = 3


#: How many characters of a CJK noun may follow a marked name and still belong to its subject.
_HEAD_NOUN = 2
#: The fewest words a predicate after a marked subject says: "has length 1".
_MIN_PREDICATE = 2


# another marked span right after: "A **need** becomes a **motive** when …" sets two apart
_MARKED_AGAIN = re.compile(r"\*\*|__")

_EMPHASISED = re.compile(r"(?P<m>[*_])[^*_\s][^*_]*(?P=m)")


def _copula_word(text: str, opens: bool) -> re.Pattern[str]:
    """`LIST_COPULA_WORD` with `opens`, else `COPULA_WORD`: their ASCII forms for a text of
    ASCII characters (`isascii` reads a flag the string keeps), which find the same words
    there, testing each character against a smaller class."""
    if text.isascii():
        return ASCII_LIST_COPULA_WORD if opens else ASCII_COPULA_WORD
    return LIST_COPULA_WORD if opens else COPULA_WORD


def _copula(sentence: str, opens: bool) -> tuple[int, int, str] | None:
    """Where `COPULA` (`LIST_COPULA` with `opens`) finds its match in the first characters of a
    sentence, where a short subject leaves the verb (start and end, the spaces around the verb
    included), and the verb. The bare word is looked for and the spaces around it taken after:
    the pattern's leading `\\s*` made the engine try it at every character (a word never opens
    with a space, so the match starts where the spaces before the first word start)."""
    end = MAX_SUBJECT + 24  # the subject is short: look no further
    word = _copula_word(sentence, opens).search(sentence, 0, end)
    if word is None:
        return None
    after = sentence[word.end() : end]
    start = len(sentence[: word.start()].rstrip())
    return start, word.end() + len(after) - len(after.lstrip()), word.group()


_TITLE_WORD = re.compile(r"[^\W\d_][\w'-]*")


def _classed(
    found: tuple[str, str, bool, bool], *, named: bool = True, one_word: bool = False
) -> bool:
    """ "The Dynastic Cycle is the process where a dynasty rises …": a name (its words
    capitalised) put in its class by an article after the verb: a definition wherever it
    stands in the note."""
    subject, back = found[0], found[1]
    if has_cjk(subject):
        return False
    words = [w for w in _TITLE_WORD.findall(PARENS.sub("", subject)) if w not in TITLE_STOPWORDS]
    if named:
        named = len(words) >= 2 and all(w[0].isupper() for w in words)
    else:
        named = len(words) >= (1 if one_word else 2) and not GENERIC_FRONT.match(words[-1])
    predicate = _predicate(back) if named else None
    if predicate is None:
        return False
    _, said, article, held = predicate
    if article is None and not held:
        return False
    if not found[2] and SUPERLATIVE.match(said[article.end() :] if article else said):
        return False  # "brain is the most complex thing discovered": ranked, not defined
    return units(said) >= _CLASSED_WORDS


def _passive(found: tuple[str, str, bool, bool]) -> bool:
    """ "Cards are drawn from …", "Damages are granted as of right …": a bare copula before a
    participle or an adverb says what is done to the subject or how it is, not what it is."""
    predicate = _predicate(found[1])
    return predicate is not None and not predicate[3] and PASSIVE.match(predicate[1]) is not None


def _vouched(found: tuple[str, str, bool, bool]) -> bool:
    """A first sentence that defines its subject once its siblings do too: its verb defines
    ("states that", "describes", "means") or a bare copula puts the subject in a class ("is the
    decision which …"); a bare copula before anything else describes ("Costs are actually hard
    to figure out", "GRNNs are newer …")."""
    predicate = _predicate(found[1])
    if predicate is None:
        return False
    verb, _, article, held = predicate
    return article is not None or held or LINKING_VERB.match(verb.strip()) is None


def _bounded(found: tuple[str, str, bool, bool]) -> bool:
    """ "tetrachord is a group of four notes in sequence.", "Tonic means the first degree of a
    scale.", "qualification is the process of adding …": the copula puts the subject in a class,
    the article after the verb, and a complement (`of_words`) bounds the class to it; a class
    ranked among its kind ("the classic example of …") says what it is like, not what it is."""
    subject, back = found[0], found[1]
    if has_cjk(subject) or GENERIC_FRONT.match(subject.split()[-1]):
        return False
    said = back.split(None, 1)[1] if " " in back else ""  # past the copula's first word
    article = ARTICLE.match(said)
    if article is None:
        return False
    rest = said[article.end() :]
    m = CLASS_OF.match(rest)
    return m is not None and not SUPERLATIVE.match(rest) and units(rest) >= _BOUNDED_WORDS


#: How much a class and its complement say: "set of (conditions, actions)".
_BOUNDED_WORDS = 4


#: How much a sentence that puts a name in its class must say: "… is a dynasty of China" is
#: not enough; "… is the process where a dynasty rises, rules, declines" is.
_CLASSED_WORDS = 7


def _about(ctx: Context, block: Block, subject: str) -> bool:
    """The paragraph is about `subject`: its heading or note names it, or shares a word."""
    where = topic(ctx, block).casefold()
    name = subject.casefold()
    if name in where or where in name:
        return True
    return bool(set(LONG_WORD.findall(name)) & set(LONG_WORD.findall(where)))


def _restricted(found: tuple[str, str, bool, bool]) -> bool:
    """ "A buffer is a substance that keeps the pH …", "Ein Enzym ist ein Protein, das …": the
    copula puts the subject in a class and a relative clause narrows the class to it, the shape
    of a definition wherever the sentence stands. "The result is a matrix." has no clause; a
    copula that defines by itself ("refers to", "is defined as") needs none."""
    subject, back = found[0], found[1]
    if has_cjk(subject) or GENERIC_FRONT.match(subject.split()[-1]):
        return False  # "The main advantage is a method that …" says what, not what it is
    predicate = _predicate(back)
    if predicate is None:
        return False
    verb, said, article, held = predicate
    if NAMING_COPULA.fullmatch(verb.strip()):
        return True
    bare = article is None and not held
    rest = said[article.end() :] if article else said
    m = RELATIVE_CLASS.match(rest)
    if m is None or units(rest) < _CLASSED_WORDS:
        return bare and _plural_class(subject, rest)
    # without an article the class is a plural, a word or two: "Bases are substances that …"
    return not bare or len(m.group("cls").split()) <= _BARE_CLASS


_BARE_CLASS = 2


def _plural_class(subject: str, rest: str) -> bool:
    """ "Proteins are amino-acid chains linked by peptide bonds.", "Unchecked exceptions are
    subclasses of …": a plural takes no article, so a plural subject is put in a plural class
    of a word or two by a bare copula, and a participle or a genitive right after the class
    bounds it, as a relative clause would; an adjective ("Protons are positive …") or an
    adverb ("… are classically used …") after the copula is said of the subject, no class."""
    if PLURAL_NOUN.match(subject.split()[-1]) is None or units(rest) < _BOUNDED_WORDS:
        return False
    if PASSIVE.match(rest) is not None:
        return False  # "Damages are granted as of right …": what is done to it, no class
    words = rest.split(None, _BARE_CLASS + 1)[: _BARE_CLASS + 1]
    for k in range(1, len(words)):
        if PLURAL_NOUN.match(words[k - 1]) is not None:
            of = CLASS_OF.match(rest)
            return PASSIVE.match(words[k]) is not None or (
                of is not None and of.group("cls").split() == words[:k]
            )
    return False


def _predicate(back: str) -> tuple[str, str, re.Match[str] | None, bool] | None:
    """What a sentence says of its subject, taken apart: (its copula, what follows it, the
    article that opens that, whether the copula holds the article itself: "is the", "ist ein"
    in the tables). None when `back` opens with no copula."""
    verb = COPULA.match(back)
    if verb is None:
        return None
    said = back[verb.end() :]
    article = ARTICLE.match(said)
    held = article is None and ARTICLE.match(verb.group("verb").split()[-1] + " ") is not None
    return verb.group("verb"), said, article, held


#: How many paragraphs of a note must each open by defining their own subject for the note to
#: be one of definitions, a paragraph each: two are as often a section's subject and a word
#: of its prose ("The heart of the transformer is …").
MIN_SIBLINGS = 3

#: How many sibling items must each open by defining their own subject for the list to be one
#: of definitions.
MIN_DEFINING = 2


def _marked_runs(ctx: Context) -> set[int]:
    """The items of lists where MIN_DEFINING items or more, and half the list or more, open with
    a subject their author set apart (`marked_subject`: `* The **Bonferroni correction**
    controls …` / `* The **validation set** is reserved for …`), each a different one: the
    author introduces one term an item, whatever the verb, as a paragraph does with one. One
    such item alone is a statement among others."""
    return _runs(ctx, _marks_open, _marked_term)


def _marked_term(sentence: str) -> tuple[str, bool] | None:
    found = _marked_entry(sentence)
    return (found[0], True) if found is not None else None


def _marked_entry(sentence: str) -> tuple[str, str, bool, bool] | None:
    """`marked_subject` of a list item's first sentence, where a statement is as likely: not
    a pair (`**Rewards and punishments** can influence behavior.`), a passive (`**Performance
    criteria** are taken into consideration`) or a predicate of fewer than five units."""
    found = marked_subject(sentence)
    if found is None:
        return None
    subject, back = found[0], found[1]
    if JOINER.search(PARENS.sub("", subject)) or not is_explanation(back, min_units=5):
        return None
    verb = COPULA.match(" " + back)
    if verb is not None and PASSIVE.match(back[verb.end() - 1 :].lstrip()):
        return None
    return found


def _agreeing_entry(sentence: str) -> tuple[str, str, bool, bool] | None:
    """`_marked_entry` of an item no sibling vouches for, where its verb agrees with a marked
    plural subject (`- **Patents** give the holder …`): the agreement shows the bold is the
    subject of the statement, as a run of marked siblings does."""
    found = _marked_entry(sentence)
    if found is None or _agreeing_verb(found[0], found[1]) is None:
        return None
    return found


def _defining_runs(ctx: Context) -> set[int]:
    """The items of lists where MIN_DEFINING items or more, and half the list or more, open with
    a sentence that defines its subject, each a different one (`- Perihelion is the point …` /
    `- Aphelion is the point …`, `- ABSOLUTE SPACE is …` / `- ABSOLUTE TIME is …` under a
    lead-in): the author lists terms, one definition each, at any depth of the list. One such
    item alone is a statement among others."""
    return _runs(ctx, lambda line: _copula_word(line, True).search(line) is not None, _defined_term)


def _defined_term(sentence: str) -> tuple[str, bool] | None:
    """The subject of an item that opens by defining it, and whether its copula is no bare "是"
    ("是指", "is"): a bare "是" counts in a longer list only (`MIN_BARE`)."""
    found = split_defining(sentence, opens=True)
    return (found[0], found[3]) if found is not None else None


#: How many items of a list must open with a bare "是" (or a stronger copula) for the list to be
#: one of definitions: a bare "是" describes as often as it defines, and two such items in a row
#: ("- LR是线性模型…" / "- GBDT是非线性模型…") compare as often as they define.
MIN_BARE = 3


def _runs(
    ctx: Context,
    may_open: Callable[[str], bool],
    term_of: Callable[[str], tuple[str, bool] | None],
) -> set[int]:
    """The items of each list (one heading, one parent, one lead-in) whose first sentence gives
    a term (`term_of`: the term, and whether the item gives it firmly), where MIN_DEFINING items
    or more and half the list or more give each a different one, firmly, or MIN_BARE items or
    more give one at all; `may_open` passes over, cheaply, a first line that cannot."""
    out: set[int] = set()
    for items in ctx.lists.values():
        need = max(MIN_DEFINING, (len(items) + 1) // 2)
        terms: dict[str, int] = {}
        firm = 0
        for k, n in enumerate(items):
            if len(terms) + len(items) - k < need:
                break  # too few items left to make it a list of terms
            first = _unbolded(ctx.blocks[n].text).split("\n")[0]
            if not may_open(first):
                continue
            said = list(islice(_sentences(first), 1))
            found = term_of(said[0]) if said else None
            if found is not None and found[0].casefold() not in terms:
                terms[found[0].casefold()] = n
                firm += found[1]
        if firm >= need or len(terms) >= max(need, MIN_BARE):
            out.update(terms.values())
    return out
