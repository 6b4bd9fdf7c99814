"""Export 50,000 cards through quizgarden, next to genanki writing the same notes on its own.

Run: .venv/bin/python bench/bench_export.py [--cards 50000] [--repeat 5]

Both sides write the same notes (same GUIDs, decks, tags, note types and field count) to an .apkg
in a temp folder, interleaved in one process. The baseline is what a genanki user writes by hand:
html.escape on each field, genanki.Note per note, Package.write_to_file. quizgarden additionally
renders Markdown and math, resolves media and pairs reversed cards. Target: quizgarden <= 1.3x.

Every quizgarden run is cold: before it, the in-process caches of the export and render modules
(deck/tag names, the markdown-it instance) are cleared, as in a fresh `quiz export`; quizgarden
keeps no render cache on disk. The first run of each side (nothing warmed by an earlier run) is
printed next to the best of `--repeat` runs.
The card text mixes plain one-line prose (~60%) with Markdown, math, code, lists and tables (~40%).
"""

from __future__ import annotations

import argparse
import html
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import genanki

# this checkout's quizgarden, not whichever one is installed: a bench measures its own code
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import quizgarden.export.anki
import quizgarden.render
from quizgarden.export import export_apkg
from quizgarden.model import Card
from quizgarden.render import to_anki_html

T0 = datetime(2026, 1, 1, tzinfo=UTC)
WORDS = " ".join(
    (
        "cell membrane protein enzyme energy gradient transport signal receptor pathway nucleus",
        "ribosome genome mutation selection population equilibrium entropy kinetic potential",
        "光合作用 线粒体 細胞 酵素 integral derivative matrix vector theorem lemma proof",
    )
).split()


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def card_text(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    front = sentence(rng, rng.randint(4, 10)) + "?"
    back = sentence(rng, rng.randint(3, 14))
    if roll < 0.60:
        return front, back
    if roll < 0.75:
        return front.replace(" ", " **", 1).replace("?", "**?"), f"{back} with $x_{{i}}^2 + y$"
    if roll < 0.85:
        return f"{front} `code_{rng.randint(0, 99)}`", f"- {back}\n- {sentence(rng, 4)}"
    if roll < 0.95:
        return f"{front} $$\\frac{{a}}{{b}}$$", f"{back}\n\n```python\nx = {rng.randint(0, 9)}\n```"
    return front, f"| a | b |\n|---|---|\n| {back} | 1 |"


def make_cards(count: int, seed: int = 7) -> list[Card]:
    """`count` cards: 80% basic, 10% cloze, 10% in reversed pairs, over 60 decks."""
    rng = random.Random(seed)
    cards: list[Card] = []
    while len(cards) < count:
        index = len(cards)
        deck = f"Subject {index % 6}::Topic {index % 10}"
        note = f"Subject {index % 6}/note{index // 20}.md"
        tags = (f"tag{index % 13}", "topic/sub")
        front, back = card_text(rng)
        common = dict(note=note, deck=deck, tags=tags, line=index % 500 + 1, created=T0,
                      updated=T0 + timedelta(seconds=index))  # fmt: skip
        roll = rng.random()
        if roll < 0.10 and len(cards) + 2 <= count:
            cards.append(Card(id=f"r{index}a", rule="inline", type="reversed", front=front,
                              back=back, side=0, **common))  # fmt: skip
            cards.append(Card(id=f"r{index}b", rule="inline", type="reversed", front=back,
                              back=front, side=1, **common))  # fmt: skip
        elif roll < 0.20:
            cloze = f"The {{{{c1::{back}}}}} is {front}"
            cards.append(Card(id=f"c{index}", rule="cloze", type="cloze", side=1,
                              front=cloze, back=back, **common))  # fmt: skip
        else:
            cards.append(Card(id=f"b{index}", rule="qa", type="basic", front=front, back=back,
                              **common))  # fmt: skip
    return cards


def genanki_baseline(cards: list[Card], out: Path) -> int:
    """The same notes written with genanki alone (no quizgarden code)."""
    fields = [{"name": n} for n in ("Front", "Back", "Source", "Deck")]
    basic = genanki.Model(
        1001,
        "Basic",
        fields=fields,
        templates=[
            {"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}
        ],
    )
    rev = genanki.Model(
        1002,
        "Basic (and reversed)",
        fields=fields,
        templates=[
            {"name": "Card 1", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"},
            {"name": "Card 2", "qfmt": "{{Back}}", "afmt": "{{FrontSide}}<hr id=answer>{{Front}}"},
        ],
    )
    cloze = genanki.Model(1003, "Cloze", model_type=genanki.Model.CLOZE,
                          fields=[{"name": n} for n in ("Text", "Extra", "Source", "Deck")],
                          templates=[{"name": "Cloze", "qfmt": "{{cloze:Text}}",
                                      "afmt": "{{cloze:Text}}<br>{{Extra}}"}])  # fmt: skip
    decks: dict[str, genanki.Deck] = {}
    notes = 0
    for card in cards:
        if card.type == "reversed" and card.side == 1:
            continue  # written with its side-0 sibling
        model = {"basic": basic, "reversed": rev, "cloze": cloze}[card.type]
        back = "" if card.type == "cloze" else html.escape(card.back)
        source = html.escape(f"{card.note}:{card.line}")
        note = genanki.Note(model=model, guid=genanki.guid_for("quizgarden", card.id),
                            fields=[html.escape(card.front), back, source, html.escape(card.deck)],
                            tags=[t.replace("/", "::") for t in card.tags])  # fmt: skip
        deck = decks.get(card.deck)
        if deck is None:
            deck = decks[card.deck] = genanki.Deck(len(decks) + 2000, card.deck)
        deck.add_note(note)
        notes += 1
    genanki.Package(list(decks.values())).write_to_file(str(out), timestamp=T0.timestamp())
    return notes


def timed(run) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def clear_caches() -> None:
    """Forget everything quizgarden memoised in this process (functools caches)."""
    for module in (quizgarden.export.anki, quizgarden.render):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    cards = make_cards(args.cards)
    with tempfile.TemporaryDirectory() as tmp:
        vault = Path(tmp) / "vault"
        vault.mkdir()
        items = [(card, None) for card in cards]
        ours: list[float] = []
        base: list[float] = []
        for _ in range(args.repeat):  # interleaved, so load on the machine hits both alike
            clear_caches()
            seconds, result = timed(
                lambda: export_apkg(
                    items, Path(tmp) / "quizgarden.apkg", vault=vault, timestamp=T0.timestamp()
                )
            )
            ours.append(seconds)
            seconds, notes = timed(lambda: genanki_baseline(cards, Path(tmp) / "genanki.apkg"))
            base.append(seconds)
    fields = [text for card in cards for text in (card.front, card.back)]
    clear_caches()
    render_s, _ = timed(lambda: [to_anki_html(text) for text in fields])
    print(f"python {sys.version.split()[0]}; cards: {len(cards)}; "
          f"notes: quizgarden {result.notes}, genanki {notes}")  # type: ignore[attr-defined]  # fmt: skip
    print(f"{'':22}{'first run':>10}{f'best of {args.repeat}':>12}")
    print(f"{'genanki alone':22}{base[0]:>9.3f}s{min(base):>11.3f}s")
    print(f"{'quizgarden (cold)':22}{ours[0]:>9.3f}s{min(ours):>11.3f}s")
    print(
        f"{'ratio':22}{ours[0] / base[0]:>9.2f}x{min(ours) / min(base):>11.2f}x  (target <= 1.3x)"
    )
    print(f"of which Markdown/math rendering of {len(fields)} fields: ~{render_s:.3f} s")


if __name__ == "__main__":
    main()
