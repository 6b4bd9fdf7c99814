"""Exports imported into a fresh collection with the real Anki library, headless."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizgarden.export import export_apkg, plan_notes
from quizgarden.model import Card, CardState

anki_collection = pytest.importorskip("anki.collection")
from anki import import_export_pb2  # noqa: E402

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def make_card(card_id: str, **fields: object) -> Card:
    base = dict(
        id=card_id, note="Biology/cells.md", rule="qa", type="basic", front="Q?", back="A.",
        deck="Biology", tags=(), line=3, created=T0, updated=T0,
    )  # fmt: skip
    base.update(fields)
    return Card(**base)  # type: ignore[arg-type]


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "My Vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / "Biology" / "img").mkdir(parents=True)
    (root / "Biology" / "img" / "cell.png").write_bytes(PNG)
    (root / "attachments").mkdir()
    (root / "attachments" / "mito.png").write_bytes(PNG)
    return root


def open_fresh(tmp_path: Path, name: str = "anki") -> anki_collection.Collection:
    folder = tmp_path / name
    folder.mkdir()
    return anki_collection.Collection(str(folder / "collection.anki2"))


def import_package(col: anki_collection.Collection, path: Path, *, scheduling: bool = False):
    request = import_export_pb2.ImportAnkiPackageRequest(
        package_path=str(path),
        options=import_export_pb2.ImportAnkiPackageOptions(
            with_scheduling=scheduling, update_notes=0, update_notetypes=0
        ),
    )
    return col.import_anki_package(request).log


def fields_of(col: anki_collection.Collection) -> dict[str, dict[str, str]]:
    """Notes by their first field, each as {field name: value}."""
    result = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        result[note.fields[0]] = dict(note.items())
    return result


def sample_items() -> list[tuple[Card, CardState | None]]:
    return [
        (make_card("b1", front="What is a **cell**?", back="The unit of life.",
                   tags=("#bio", "cell biology", "science/life")), None),
        (make_card("r0", rule="inline", type="reversed", front="Mitochondrion", back="Powerhouse",
                   line=7, side=0), None),
        (make_card("r1", rule="inline", type="reversed", front="Powerhouse", back="Mitochondrion",
                   line=7, side=1), None),
        (make_card("c1", rule="cloze", type="cloze", front="{{c1::ATP}} is made in mitochondria",
                   back="ATP", line=9, side=1, deck="Biology::Energy"), None),
        (make_card("c2", rule="cloze", type="cloze", front="ATP is made in {{c2::mitochondria}}",
                   back="mitochondria", line=9, side=2, deck="Biology::Energy"), None),
        (make_card("m1", front="Picture ![](img/cell.png) and ![[mito.png|200]]",
                   back="![[missing.png]]", line=12), None),
        (make_card("old", retired=T0), None),
        (make_card("no", rejected=T0), None),
        (make_card("s1", front="Suspended?", line=20), CardState("s1", suspended=True)),
    ]  # fmt: skip


def test_import_counts_fields_decks_tags_media(tmp_path: Path, vault: Path) -> None:
    out = tmp_path / "out" / "vault.apkg"
    result = export_apkg(sample_items(), out, vault=vault, timestamp=T0.timestamp())
    assert result.files == (out,)
    assert (result.notes, result.cards, result.media, result.left_out) == (5, 6, 2, 3)
    assert [str(p) for p in result.problems] == [
        "Biology/cells.md:12: image not found in the vault: missing.png"
    ]
    col = open_fresh(tmp_path)
    log = import_package(col, out)
    assert len(log.new) == 5
    assert col.note_count() == 5
    assert col.card_count() == 6
    notes = fields_of(col)
    basic = notes["What is a <strong>cell</strong>?"]
    assert basic["Back"] == "The unit of life."
    assert basic["Deck"] == "Biology"
    assert basic["Source"] == (
        '<a href="obsidian://open?vault=My%20Vault&amp;file=Biology%2Fcells.md">'
        "Biology/cells.md:3</a>"
    )
    note = col.get_note(col.find_notes('"Front:What is a*"')[0])
    assert sorted(note.tags) == ["bio", "cell_biology", "science::life"]
    assert note.note_type()["name"] == "Basic (quizgarden)"
    reversed_note = col.get_note(col.find_notes("Front:Mitochondrion")[0])
    assert reversed_note.note_type()["name"] == "Basic (and reversed) (quizgarden)"
    assert [c.ord for c in reversed_note.cards()] == [0, 1]
    deck_names = {col.decks.name(col.get_card(cid).did) for cid in col.find_cards("")}
    assert deck_names == {"Biology", "Biology::Energy"}
    media = notes['Picture <img src="cell.png" alt=""> and <img src="mito.png" alt="" width="200">']
    assert media["Back"] == '<img src="missing.png" alt="">'
    media_dir = Path(col.media.dir())
    assert (media_dir / "cell.png").read_bytes() == PNG
    assert (media_dir / "mito.png").read_bytes() == PNG
    col.close()


def test_cloze_cards_are_anki_cloze_cards(tmp_path: Path, vault: Path) -> None:
    out = tmp_path / "c.apkg"
    export_apkg(sample_items()[3:5], out, vault=vault, timestamp=T0.timestamp())
    col = open_fresh(tmp_path)
    import_package(col, out)
    cards = [col.get_card(cid) for cid in col.find_cards("")]
    assert sorted(c.ord for c in cards) == [0, 1]
    for card in cards:
        assert card.note_type()["type"] == 1  # MODEL_CLOZE
        assert card.note_type()["name"] == "Cloze (quizgarden)"
    texts = sorted(col.get_note(c.nid)["Text"] for c in cards)
    assert texts == ["ATP is made in {{c2::mitochondria}}", "{{c1::ATP}} is made in mitochondria"]
    first = next(c for c in cards if c.ord == 0)
    assert first.question().endswith('data-ordinal="1">[...]</span> is made in mitochondria')
    assert '<span class="cloze" data-ordinal="1">ATP</span>' in first.answer()
    col.close()


def test_reexport_after_edit_updates_the_note(tmp_path: Path, vault: Path) -> None:
    items = sample_items()
    first = tmp_path / "v1.apkg"
    export_apkg(items, first, vault=vault, timestamp=T0.timestamp())
    col = open_fresh(tmp_path)
    import_package(col, first)
    note_id = col.find_notes('"Front:What is a*"')[0]
    card_id = col.get_note(note_id).cards()[0].id
    notes_before, cards_before = col.note_count(), col.card_count()

    later = T0 + timedelta(days=2)
    edited = [
        (replace(card, back="The smallest unit of life.", updated=later), state)
        if card.id == "b1"
        else (card, state)
        for card, state in items
    ]
    second = tmp_path / "v2.apkg"
    export_apkg(edited, second, vault=vault, timestamp=later.timestamp())
    log = import_package(col, second)
    assert len(log.updated) == 1 and len(log.new) == 0
    assert (col.note_count(), col.card_count()) == (notes_before, cards_before)
    note = col.get_note(note_id)
    assert note["Back"] == "The smallest unit of life."
    assert note.cards()[0].id == card_id  # the same card: Anki keeps its review history
    col.close()


def test_unchanged_reexport_is_a_duplicate_not_an_update(tmp_path: Path, vault: Path) -> None:
    items = sample_items()[:1]
    col = open_fresh(tmp_path)
    for index in range(2):
        out = tmp_path / f"same{index}.apkg"
        export_apkg(items, out, vault=vault, timestamp=T0.timestamp() + index * 3600)
        log = import_package(col, out)
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 0, 1)
    assert col.note_count() == 1
    col.close()


def test_script_in_note_is_escaped_and_math_converted(tmp_path: Path, vault: Path) -> None:
    items = [
        (make_card("x1", front="<script>alert(1)</script> $x^2$",
                   back='<img src=x onerror="alert(1)"> $$\\int_0^1 f$$'), None),
    ]  # fmt: skip
    out = tmp_path / "x.apkg"
    export_apkg(items, out, vault=vault, timestamp=T0.timestamp())
    col = open_fresh(tmp_path)
    import_package(col, out)
    note = col.get_note(col.find_notes("")[0])
    assert note["Front"] == "&lt;script&gt;alert(1)&lt;/script&gt; \\(x^2\\)"
    assert "<img" not in note["Back"] and "&lt;img src=x onerror=" in note["Back"]
    assert "\\[\\int_0^1 f\\]" in note["Back"]
    col.close()


def test_suspended_cards_included_as_suspended(tmp_path: Path, vault: Path) -> None:
    out = tmp_path / "s.apkg"
    result = export_apkg(
        sample_items(), out, vault=vault, include_suspended=True, timestamp=T0.timestamp()
    )
    assert (result.notes, result.left_out) == (6, 2)
    for scheduling in (True, False):
        col = open_fresh(tmp_path, f"anki-{scheduling}")
        import_package(col, out, scheduling=scheduling)
        queues = {col.get_note(col.get_card(c).nid).fields[0]: col.get_card(c).queue
                  for c in col.find_cards("")}  # fmt: skip
        # Anki keeps the suspension only when importing with learning progress;
        # otherwise the tag is there to find the cards again
        assert queues["Suspended?"] == (-1 if scheduling else 0)
        assert queues["What is a <strong>cell</strong>?"] == 0
        assert col.find_notes("tag:quizgarden::suspended") == col.find_notes("Front:Suspended?")
        col.close()


def test_split_writes_one_file_per_top_level_deck(tmp_path: Path, vault: Path) -> None:
    items = [
        (make_card("a", deck="Biology::Energy"), None),
        (make_card("b", deck="Chemistry", note="Chem/acids.md", front="pH?"), None),
    ]
    result = export_apkg(items, tmp_path / "decks", vault=vault, split=True, timestamp=1.0)
    assert sorted(p.name for p in result.files) == ["Biology.apkg", "Chemistry.apkg"]
    col = open_fresh(tmp_path)
    import_package(col, tmp_path / "decks" / "Chemistry.apkg")
    assert col.note_count() == 1
    assert col.decks.name(col.get_card(col.find_cards("")[0]).did) == "Chemistry"
    col.close()


def test_schedule_carried_into_anki(tmp_path: Path, vault: Path) -> None:
    now = datetime.now(UTC)
    state = CardState(
        "b1", state="review", stability=30.0, difficulty=4.2, due=now + timedelta(days=10),
        last_review=now - timedelta(days=20), reps=5, lapses=1,
    )  # fmt: skip
    out = tmp_path / "sched.apkg"
    export_apkg([(make_card("b1"), state)], out, vault=vault, with_schedule=True)
    col = open_fresh(tmp_path)
    import_package(col, out, scheduling=True)
    card = col.get_card(col.find_cards("")[0])
    assert (card.type, card.queue, card.reps, card.lapses) == (2, 2, 5, 1)
    assert card.ivl == 30
    assert 9 <= card.due - col.sched.today <= 11
    assert card.memory_state is not None
    assert card.memory_state.stability == pytest.approx(30.0)
    assert card.memory_state.difficulty == pytest.approx(4.2)
    col.close()


def test_without_schedule_cards_arrive_new(tmp_path: Path, vault: Path) -> None:
    state = CardState("b1", state="review", stability=30.0, difficulty=4.2, due=T0, last_review=T0)
    out = tmp_path / "new.apkg"
    export_apkg([(make_card("b1"), state)], out, vault=vault, timestamp=T0.timestamp())
    col = open_fresh(tmp_path)
    import_package(col, out, scheduling=True)
    card = col.get_card(col.find_cards("")[0])
    assert (card.type, card.queue) == (0, 0)
    col.close()


def test_ids_do_not_depend_on_content(tmp_path: Path, vault: Path) -> None:
    one = plan_notes([(make_card("same", front="old text"), None)])[0][0]
    two = plan_notes([(make_card("same", front="new text"), None)])[0][0]
    assert one.anchor.id == two.anchor.id
    paths = []
    for index, front in enumerate(("old text", "new text")):
        out = tmp_path / f"{index}.apkg"
        export_apkg([(make_card("same", front=front), None)], out, vault=vault, timestamp=1.0)
        paths.append(out)
    col = open_fresh(tmp_path)
    guids = set()
    for path in paths:
        with zipfile.ZipFile(path) as package:
            assert "collection.anki2" in package.namelist()
        import_package(col, path)
        guids.update(col.get_note(n).guid for n in col.find_notes(""))
    assert len(guids) == 1
    col.close()


def test_media_lookup_order_and_name_clashes(tmp_path: Path) -> None:
    from quizgarden.export.media import MediaPacker

    root = tmp_path / "v"
    for folder in ("a", "b", "c/deep"):
        (root / folder).mkdir(parents=True)
    (root / "a" / "pic.png").write_bytes(b"A")
    (root / "b" / "pic.png").write_bytes(b"B")
    (root / "c" / "deep" / "only.png").write_bytes(b"C")
    (root / "secret.png").write_bytes(b"S")
    packer = MediaPacker(root)
    assert packer.resolve("pic.png", "a/note.md", 1) == "pic.png"  # the note's own folder first
    other = packer.resolve("pic.png", "b/note.md", 2)
    assert other is not None and other.startswith("pic-") and other.endswith(".png")
    assert packer.files[other].read_bytes() == b"B"
    assert packer.resolve("only.png", "a/note.md", 3) == "only.png"  # found anywhere by name
    assert packer.resolve("https://example.org/x.png", "a/note.md", 4) is None
    assert packer.resolve("../../etc/passwd.png", "a/note.md", 5) == "passwd.png"
    assert "passwd.png" not in packer.files  # nothing outside the vault is packed
    assert [str(p) for p in packer.problems()] == [
        "a/note.md:5: image not found in the vault: ../../etc/passwd.png"
    ]
