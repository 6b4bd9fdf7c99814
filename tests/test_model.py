"""The JSON form of a card reads back into the same card."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from quizgarden.model import Card, card_dict, card_from_dict

cards = st.builds(
    Card,
    id=st.text(min_size=1, max_size=16),
    note=st.text(max_size=40),
    rule=st.sampled_from(["qa", "inline", "multiline", "cloze", "definition", "formula"]),
    type=st.sampled_from(["basic", "reversed", "cloze"]),
    front=st.text(),
    back=st.text(),
    deck=st.text(max_size=30),
    tags=st.lists(st.text(max_size=10), max_size=4).map(tuple),
    line=st.integers(min_value=1, max_value=10**6),
    block_id=st.none() | st.text(min_size=1, max_size=10),
    side=st.integers(min_value=0, max_value=20),
)


@given(cards)
def test_card_json_round_trip(card: Card) -> None:
    line = json.dumps(card_dict(card), ensure_ascii=False)
    assert card_from_dict(json.loads(line)) == card


def test_mined_is_derived_from_the_rule() -> None:
    card = Card("a", "n.md", "definition", "basic", "f", "b", "d", (), 1)
    assert card_dict(card)["mined"] is True
    assert card_dict(Card("a", "n.md", "qa", "basic", "f", "b", "d", (), 1))["mined"] is False
