"""Each extraction rule against the cases in fixtures/rule_cases.yaml (see its header)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from quizgarden.extract import RULES, extract_note
from quizgarden.extract.shape import asked_under, names_already, placed
from quizgarden.extract.text import is_title
from quizgarden.model import Candidate
from quizgarden.notes import read_note

CASES = yaml.safe_load((Path(__file__).parent / "fixtures" / "rule_cases.yaml").read_text("utf-8"))


def extract_text(
    tmp_path: Path, body: str, frontmatter: dict[str, Any] | None = None
) -> list[Candidate]:
    text = body
    if frontmatter:
        text = "---\n" + yaml.safe_dump(frontmatter, allow_unicode=True) + "---\n" + body
    path = tmp_path / "note.md"
    path.write_text(text, encoding="utf-8")
    note, _ = read_note(path, tmp_path)
    assert note is not None
    return extract_note(note)


@pytest.mark.parametrize("case", CASES, ids=[c["title"] for c in CASES])
def test_rule_case(tmp_path: Path, case: dict[str, Any]) -> None:
    offset = 0
    if case.get("frontmatter"):
        offset = yaml.safe_dump(case["frontmatter"], allow_unicode=True).count("\n") + 2
    everything = extract_text(tmp_path, case["input"], case.get("frontmatter"))
    found = [c for c in everything if c.rule == case["rule"]]
    expected = case["cards"]
    assert len(found) == len(expected), [(c.front, c.back) for c in found]
    # every card the text yields is accounted for: junk from another rule fails the case too
    others = [c for c in everything if c.rule != case["rule"]]
    assert len(others) == len(case.get("others", [])), [(c.rule, c.front, c.back) for c in others]
    for card, want in zip(others, case.get("others", []), strict=True):
        assert card.rule == want["rule"], (card.rule, card.front)
        assert want["front_contains"].lower() in card.front.lower()
    for card, want in zip(found, expected, strict=True):
        assert card.type == want["type"]
        assert card.line - offset == want["line"]
        assert card.side == want.get("side", 0)
        if "front" in want:
            assert card.front == want["front"].strip()
            assert card.back == want["back"].strip()
        else:
            assert want["front_contains"].lower() in card.front.lower()
            assert want.get("back_contains", "").lower() in card.back.lower()
        for key in ("block_id", "deck"):
            if key in want:
                assert getattr(card, key) == want[key]
        if "tags" in want:
            assert list(card.tags) == want["tags"]
    for banned in case.get("excludes", []):
        assert all(banned not in c.front + c.back for c in found)


def test_every_rule_has_cases() -> None:
    assert {name for name, _ in RULES} <= {c["rule"] for c in CASES}


def test_explicit_cards_are_not_mined_again(tmp_path: Path) -> None:
    cards = extract_text(
        tmp_path, "Q: 什么是 RoPE？\nA: 旋转位置编码：用旋转矩阵注入相对位置信息。\n"
    )
    assert [c.rule for c in cards] == ["qa"]


def test_quiz_false_yields_nothing(tmp_path: Path) -> None:
    assert extract_text(tmp_path, "Q: a\nA: b\n", {"quiz": False}) == []


def test_auto_false_keeps_only_explicit_cards(tmp_path: Path) -> None:
    body = "Q: a?\nA: b\n\n- **KV Cache**：缓存历史 token 的键和值，避免重复计算。\n"
    assert [c.rule for c in extract_text(tmp_path, body, {"quiz": {"auto": False}})] == ["qa"]
    assert [c.rule for c in extract_text(tmp_path, body)] == ["qa", "definition"]


def test_a_note_that_repeats_itself_yields_each_card_once(tmp_path: Path) -> None:
    part = "## 4.1 长度外推\n\n- ALiBi：通过线性偏置惩罚远距离词元，增强外推能力。\n"
    cards = extract_text(tmp_path, part + "\n" + part)
    assert [(c.front, c.line) for c in cards] == [("ALiBi", 3)]


def test_skip_marker_skips_a_section(tmp_path: Path) -> None:
    body = (
        "<!-- quiz:skip -->\n## Skipped\n\n- Alpha：一段被跳过的定义解释文字。\n\n"
        "## Kept\n\n- Beta：一段应当保留的定义解释文字。\n"
    )
    assert [c.front for c in extract_text(tmp_path, body)] == ["Kept › Beta"]


def test_formula_front_comes_from_context_and_back_keeps_latex(tmp_path: Path) -> None:
    body = (
        "## 2.1 注意力机制\n\n缩放点积注意力的公式：\n\n"
        "$$\n\\text{Attention}(Q,K,V)=\\text{softmax}(QK^T)V\n$$\n"
    )
    (card,) = extract_text(tmp_path, body)
    assert card.rule == "formula"
    assert card.front.startswith("注意力机制 — 缩放点积注意力的公式")
    assert "\\text{Attention}(Q,K,V) = \\;?" in card.front
    assert card.back == "$$\n\\text{Attention}(Q,K,V)=\\text{softmax}(QK^T)V\n$$"
    assert card.line == 5


def test_callout_markers_never_reach_a_card(tmp_path: Path) -> None:
    body = (
        "# Neural networks\n\n## Backpropagation\n\n> [!NOTE]\n"
        "> Backpropagation computes the gradient of the loss for every weight "
        "by the chain rule.\n\n"
        "> [!tip]- Folded\n> - Dropout：训练时随机把一部分神经元的输出置零。\n"
    )
    cards = extract_text(tmp_path, body)
    assert {c.front for c in cards} >= {"Neural networks › Backpropagation"}
    assert all("[!" not in c.front + c.back for c in cards), [(c.front, c.back) for c in cards]


@pytest.mark.parametrize("name", ["flashcards.md", "Karteikarten.md", "anki-cards.md", "卡片.md"])
def test_a_note_named_as_a_deck_is_read_section_by_section(tmp_path: Path, name: str) -> None:
    """mdanki and md2apkg read every heading of a deck file as a card; a note named so is one."""
    text = "# Deck\n\n## Osmosis\n\nWater crossing a membrane.\n\n## Diffusion\n\nSpreading out.\n"
    cards = _extract_file(tmp_path, name, text)
    assert [(c.rule, c.front, c.back) for c in cards] == [
        ("sections", "Osmosis", "Water crossing a membrane."),
        ("sections", "Diffusion", "Spreading out."),
    ]
    assert all(c.rule != "sections" for c in _extract_file(tmp_path, "Membranes.md", text))


def _extract_file(tmp_path: Path, name: str, text: str) -> list[Candidate]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    note, _ = read_note(path, tmp_path)
    assert note is not None
    return extract_note(note)


def test_a_bare_front_is_asked_under_its_subject_once() -> None:
    # the join every rule writes a place with, and the guard they share: a front that names its
    # subject already, or no subject, leaves it bare
    assert placed("Glaciology", "Ablation zone") == "Glaciology › Ablation zone"
    assert asked_under("Glaciology", "Ablation zone") == "Glaciology › Ablation zone"
    assert asked_under("glaciology", "Glaciology basics") == "Glaciology basics"
    assert asked_under(None, "Ablation zone") == "Ablation zone"


def test_a_short_name_is_named_by_a_heading_only_as_a_word_of_it() -> None:
    # a letter or an abbreviation turns up inside many words: `A` is no word of "Management",
    # `i` none of "Vim 快捷键"; as a word of its own, or in CJK, or four letters and more inside
    # a compound or a plural, the heading names it
    assert not names_already("Warehouse Management", "A")
    assert not names_already("Vim 快捷键", "i")
    assert not names_already("ABC-Analyse", "A")
    assert names_already("Plan B Suppliers", "B")
    assert names_already("C++ 入门", "C")
    assert names_already("价值函数", "值")
    assert names_already("Fixed costs", "Cost")
    assert names_already("Materialanalyse", "Analyse")
    assert asked_under("C", "Classes") == "C › Classes"


_COVARIANCE = """# Statistics

### {heading}

$$\\text{{Cov}}(X, Y) = E[(X - \\mu_X)(Y - \\mu_Y)]$$

- **Positive**: Variables increase together
- **Negative**: One increases as other decreases
- **Zero**: No linear relationship
"""


def test_pieces_of_a_short_whole_answer_to_a_question_are_not_asked_again(tmp_path: Path) -> None:
    body = _COVARIANCE.format(heading="What is the formula for covariance?")
    cards = extract_text(tmp_path, body)
    assert [c.front for c in cards] == ["What is the formula for covariance?"]
    assert "No linear relationship" in cards[0].back


def test_pieces_under_a_term_heading_stay(tmp_path: Path) -> None:
    cards = extract_text(tmp_path, _COVARIANCE.format(heading="Covariance"))
    assert any(c.rule == "definition" and c.back == "No linear relationship" for c in cards)


def test_pieces_of_a_long_answer_to_a_question_stay(tmp_path: Path) -> None:
    reasons = [
        "**Data shift**: The fine-tuning data may follow a distribution quite unlike the data the "
        "base model saw in pre-training, so that what it learnt there is pushed aside by what it "
        "sees now and the model answers worse on everything else it once knew.",
        "**Overfitting**: When the fine-tuning set is small or the model is large, the model may "
        "fit the fine-tuning examples too closely and lose the general abilities it had.",
        "**Narrow data**: A fine-tuning set that lacks variety fails to cover the inputs a model "
        "will meet on a new task, so it copes badly with anything new.",
    ]
    heading = "### Why does a model forget after fine-tuning?\n\n"
    body = heading + "".join(f"- {r}\n" for r in reasons)
    cards = extract_text(tmp_path, body)
    assert len(cards[0].back) > 300
    pieces = [c.front for c in cards if c.rule == "definition"]
    assert pieces == [
        "Why does a model forget after fine-tuning? › Data shift",
        "Why does a model forget after fine-tuning? › Overfitting",
        "Why does a model forget after fine-tuning? › Narrow data",
    ]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Routing Tokens to Experts at Scale - arXiv, accessed March 3, 2024,", True),
        ("Theory and Practice, Anna N. Author, Bert Writer, 2011.", True),
        ("Eliciting Facts from Language Models with Generated Prompts. 2020", True),
        ("Eliciting Facts from Language Models with Generated Prompts", True),
        # a sentence that ends on a year, or on a clause dated after a dash, says something
        ("Rates tracked the U.S. closely; the central bank was not founded until 1935.", False),
        ("the treaties that ended the war - signed at Münster, 1648", False),
        ("vote d'adoption en mars 2024.", False),
    ],
)
def test_a_work_cited_is_a_title(text: str, title: bool) -> None:
    assert is_title(text) is title


def test_before_display_keeps_the_phrase_over_its_formula() -> None:
    """A phrase set right over its formula is the answer; a clause whose verb leads into the
    formula, or a paragraph that opens with it, gives none."""
    from quizgarden.extract.brief import _before_display

    assert _before_display("the opposition to a current\n$$ R = V/I $$") == (
        "the opposition to a current"
    )
    assert _before_display("the potential of a point charge is simply\n$$ V = kq/r $$") is None
    assert _before_display("the potential of a charge ist\n$$ V = kq/r $$") is None
    assert _before_display("$$ E = mc^2 $$\nthe energy of a mass") is None


_OUTLINE = (
    "# Charitable Donations\n\n"
    "A promise to make a gift generally creates no enforceable contract, for want of "
    "consideration given for the promise.\n\n"
    "# Expiration of offer\n\n"
    "An offer comes to an end at the expiration of the time given in it for acceptance.\n\n"
    "{h} Death\n\n"
    "An offer terminates upon the death or mental incapacity of the offeror, even if the "
    "offeree does not learn of it before he dispatches an acceptance.\n"
)


def test_a_first_heading_is_no_title_over_its_siblings(tmp_path: Path) -> None:
    # "# Death" is a sibling of "# Charitable Donations", not a part of it
    cards = extract_text(tmp_path, _OUTLINE.format(h="#"))
    death = [c.front for c in cards if c.back.startswith("An offer terminates")]
    assert death and all("Charitable" not in f for f in death), death


def test_a_heading_under_a_section_is_still_placed_under_it(tmp_path: Path) -> None:
    # the look-alike: "## Death" under "# Expiration of offer" is a part of it
    cards = extract_text(tmp_path, _OUTLINE.format(h="##"))
    death = [c.front for c in cards if c.back.startswith("An offer terminates")]
    assert death and all(f.startswith("Expiration of offer") for f in death), death


_TAGGED = (
    "## 比较优势\n\n"
    "**{tag}练习1题1**：设每一小时，Jack生产1kg鱼或者2kg酒；Will生产3kg鱼或者1kg酒，"
    "求两人的比较优势。\n\n"
    "**(Example) Two firms**: one firm makes cars in two hours, the other in three hours.\n"
)


def test_a_front_tagged_as_an_example_is_no_term(tmp_path: Path) -> None:
    # "（例）练习1题1", "(Example) Two firms": the author's tag marks a worked exercise
    cards = extract_text(tmp_path, _TAGGED.format(tag="（例）"))
    assert not [c.front for c in cards if "练习1题1" in c.front or "Two firms" in c.front]


def test_a_front_opening_on_another_bracket_stays(tmp_path: Path) -> None:
    # the look-alike: a bracket that is no example tag ("(I) Interface segregation") opens a term
    cards = extract_text(tmp_path, _TAGGED.format(tag="（甲）").replace("(Example)", "(I)"))
    fronts = [c.front for c in cards]
    assert any("练习1题1" in f for f in fronts) and any("Two firms" in f for f in fronts), fronts


@pytest.mark.parametrize(
    ("heading", "kept"),
    [("Note", False), ("How do I reverse a list?", True), ("List comprehension", True)],
)
def test_a_deck_section_of_code_alone_is_a_card_only_under_a_front(
    tmp_path: Path, heading: str, kept: bool
) -> None:
    # "### Note" over a fenced note template asks nothing; a question or a name over code does
    text = (
        "# Deck\n\n## Osmosis\n\nWater crossing a membrane.\n\n"
        f"## {heading}\n\n```\nHeart failure - ***\n- Last EF: ***\n```\n"
    )
    fronts = [c.front for c in _extract_file(tmp_path, "flashcards.md", text)]
    assert "Osmosis" in fronts
    assert (heading in fronts) == kept, fronts


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Ca<sup>2+</sup> and H<sub>2</sub>O", "Ca²⁺ and H₂O"),
        ("C<sub>m<sub>1</sub></sub> = R<sub>m</sub>", "Cₘ₁ = Rₘ"),
        ("the E<sub>Δ</sub> of demand", "the E_Δ of demand"),  # no subscript Δ: marked
        ("<b>bold</b> and <a href='https://x.org'>a link</a>", "bold and a link"),
        ("Q\\&A, \\<data item\\>", "Q&A, <data item>"),
        ("line\n\\> 65 stays a line, not a quote", "line\n\\> 65 stays a line, not a quote"),
        ("1\\. not a list", "1\\. not a list"),
        ("node\\_rank, \\_init\\_ and a\\*b\\*c", "node_rank, \\_init\\_ and a\\*b\\*c"),
        ("100\\\\% and $a \\; b$ and \\, kept", "100\\\\% and $a \\; b$ and \\, kept"),
        ("`<sup>x</sup>` in code and $x<sup>2</sup>$ in math", None),
        ("para:\n^0d76f8\n- item", "para:\n- item"),
        ("x^2 and a ^caret mid-line", None),
    ],
)
def test_as_read(written: str, read: str | None) -> None:
    """What a note's viewer draws or hides is read so on every card; code, math, TeX and an
    escape that keeps a line from opening a block are left as written."""
    from quizgarden.extract.marks import as_read

    assert as_read(written) == (written if read is None else read)


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        # an adverb that says the definition is put plainly qualifies the verb, not the term
        (
            "Dichotic listening simply refers to the situation when two messages are presented "
            "simultaneously to an individual, with one message in each ear.",
            "Dichotic listening",
        ),
        (
            "Dichotic listening refers to the situation when two messages are presented "
            "simultaneously to an individual, with one message in each ear.",
            "Dichotic listening",
        ),
        # a negation says what the subject is not: no definition of it
        (
            "La **escasez** no es un problema tecnológico sino de **disparidad** entre deseos "
            "humanos y medios disponibles para satisfacerlos.",
            None,
        ),
    ],
)
def test_an_adverb_before_the_copula_is_no_part_of_the_term(
    tmp_path: Path, sentence: str, front: str | None
) -> None:
    body = f"# Notes\n\nSome words open the paragraph here. {sentence}\n"
    fronts = [c.front for c in extract_text(tmp_path, body) if c.rule == "sentence"]
    assert fronts == ([front] if front else []), fronts


@pytest.mark.parametrize(
    ("title", "front"),
    [
        ("Late 1960s and 1970s", "History of database systems › Late 1960s and 1970s"),
        (
            "July 1914 - 11 November 1918",
            "History of database systems › July 1914 - 11 November 1918",
        ),
        ("1950er Jahre", "History of database systems › 1950er Jahre"),
        # a name that holds a year names its subject on its own
        ("Windows 2000", "Windows 2000"),
        ("Threats to the Weimar Republic 1919-23", "Threats to the Weimar Republic 1919-23"),
    ],
)
def test_a_period_heading_is_asked_under_the_history_it_is_part_of(
    tmp_path: Path, title: str, front: str
) -> None:
    body = (
        "# Databases\n\n## History of database systems\n\n"
        f"### {title}\n\n"
        "- Hard disks allowed direct (random) access to data.\n"
        "- Network and hierarchical data models became widespread.\n"
    )
    fronts = [c.front for c in extract_text(tmp_path, body) if c.rule in ("heading", "brief")]
    assert fronts == [front], fronts


@pytest.mark.parametrize(
    ("sentence", "front"),
    [
        # a quantifier opens no term: it counts members of a kind the sentence leaves unnamed
        (
            "Many reference refer to trench warfare, which gave soldiers more time to take "
            "defensive steps.",
            None,
        ),
        (
            "Tous sont des sous-genres de l'*apologue*, un court récit allégorique à visée "
            "didactique.",
            None,
        ),
        # the kind itself, named, is the term
        (
            "Trench warfare refers to fighting from long ditches dug into the ground, which gave "
            "soldiers more time to take defensive steps.",
            "Trench warfare",
        ),
    ],
)
def test_a_quantifier_opens_no_term(tmp_path: Path, sentence: str, front: str | None) -> None:
    body = f"# Notes\n\nSome words open the paragraph here. {sentence}\n"
    fronts = [c.front for c in extract_text(tmp_path, body) if c.rule == "sentence"]
    assert fronts == ([front] if front else []), fronts


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("- **Sodium**, **potassium**, and **chloride ions** are lost in sweat.", False),
        ("- **Nord**, **Süd** und **West** grenzen an den See.", False),
        ("- **梯度裁剪**，**权重衰减**，**早停**都能缓解过拟合。", False),
        ("- **Osmosis**, the movement of water across a membrane.", True),
    ],
)
def test_a_series_of_bold_terms_is_no_term_and_its_definition(
    tmp_path: Path, line: str, kept: bool
) -> None:
    """Bold terms in a row, set apart by commas, are the sentence's subject: the first is no
    term that the rest of the line explains. A bold term and a comma before its explanation
    still is one."""
    items = "- **Diffusion**, the spread of particles from high to low concentration.\n"
    text = f"# Transport\n\n{items}{line}\n"
    cards = _extract_file(tmp_path, "transport.md", text)
    first = line[4:].split("**")[0]
    assert any(c.front.endswith(first) for c in cards) == kept, [c.front for c in cards]


def test_a_footnote_is_no_part_of_the_text_above_it(tmp_path: Path) -> None:
    """A footnote's text (`[^1]: …`) is set at the page's foot: it never runs into the back of
    the heading or paragraph above it, while the paragraph itself is still read."""
    text = (
        "# Soil\n\n## Humus over time\n\nMost of it ends up in the upper layer.[^1] As a result,"
        " there is less of it below the roots.\n\n[^1]: Also called the organic horizon in older"
        " texts.\n\n[^2]: A second note at the foot.\n"
    )
    cards = _extract_file(tmp_path, "soil.md", text)
    backs = [c.back for c in cards if c.front.endswith("Humus over time")]
    above = (
        "Most of it ends up in the upper layer. As a result, there is less of it below the roots."
    )
    assert backs == [above], backs


def test_an_inline_footnote_holding_a_link_is_no_part_of_the_back(tmp_path: Path) -> None:
    """An inline footnote (`^[…]`) ends at the bracket that closes it, past any wikilink or
    image inside it."""
    text = (
        "# Groups\n\n- **Cohesion**: members stay together ^[trust builds [[loyalty]] over time]\n"
        "- **Conformity**: members match the views of the group\n"
        "- **Polarisation**: views grow more extreme after discussion\n"
    )
    cards = _extract_file(tmp_path, "groups.md", text)
    backs = [c.back for c in cards if c.front.endswith("Cohesion")]
    assert backs == ["members stay together"], [(c.front, c.back) for c in cards]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("a cost \\(for example: the rent is paid before the month starts\\).", "(for example"),
        ("the rate \\(r_t\\) of the period", "$r_t$"),
        ("the value \\( Q \\) of the charge", "$ Q $"),
    ],
)
def test_escaped_brackets_are_math_only_when_they_hold_math(written: str, read: str) -> None:
    """`\\(…\\)` is ChatGPT's inline math where it holds math; words with no sign of TeX in
    them are prose in escaped brackets, which CommonMark shows as brackets."""
    from quizgarden.extract.blocks import parse_blocks

    (block,) = parse_blocks(written + "\n", 1)
    assert read in block.text, block.text


@pytest.mark.parametrize(
    "image", ["![](https://latex.codecogs.com/svg.latex?P(A%7CB))", "![[chain.png]]"]
)
def test_an_image_inside_a_sentence_does_not_end_it(tmp_path: Path, image: str) -> None:
    """The "!" of an image is no exclamation: a sentence runs on past it. Its words around a
    formula drawn as a picture make no statement ("states that holds for …"), so that
    sentence is not carded; the same sentence that says its content in words is."""
    text = (
        f"# Probability\n\n## Rules\n\nThe **Chain rule** states that {image} holds for every"
        " pair of events.\n\nThe **Sum rule** states that the probabilities of disjoint events"
        " add up.\n"
    )
    cards = _extract_file(tmp_path, "prob.md", text)
    assert not [c for c in cards if c.back.rstrip().endswith("!")], cards
    assert not [c for c in cards if "Chain rule" in c.front], cards
    assert [c.back for c in cards if c.front.endswith("Sum rule")] == [
        "states that the probabilities of disjoint events add up."
    ], cards


def test_a_figure_under_a_sentence_is_no_part_of_it(tmp_path: Path) -> None:
    """A sentence whose paragraph goes on to a line of images alone (a figure set under it)
    ends before the figure, where it was cut at the image's "!" (`… the Earth !`); words that
    lead into an image ("…: ![](…)") still do not answer."""
    text = (
        "# Geology\n\nThe **mantle convection** is the movement of the mantle caused by heat"
        " from the interior of the Earth\n![Woah](http://example.com/w.gif)\n\nThe **Law of"
        " cooling** is the law that reads: ![](https://example.com/law.png)\n"
    )
    cards = _extract_file(tmp_path, "geo.md", text)
    backs = {c.front: c.back for c in cards}
    assert backs.get("mantle convection") == (
        "is the movement of the mantle caused by heat from the interior of the Earth"
    ), cards
    assert not [c for c in cards if "cooling" in c.front], cards


@pytest.mark.parametrize("mark", ["[^1]", "[1]"])
def test_an_exclamation_before_a_footnote_still_ends_the_sentence(
    tmp_path: Path, mark: str
) -> None:
    """ "…star![^1]", "…star![1]": a footnote's or a citation's bracket, no image (no url
    follows it), comes after the exclamation, which ends the sentence."""
    text = (
        f"# Stars\n\nA **pulsar** is a rotating neutron star!{mark} It was found in 1967 by"
        " Jocelyn Bell.\n\n[^1]: Of high density.\n"
    )
    cards = _extract_file(tmp_path, "stars.md", text)
    assert [c.back for c in cards if c.front == "pulsar"] == ["is a rotating neutron star!"], cards
