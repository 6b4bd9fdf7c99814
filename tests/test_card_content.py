"""A card holds all its note says, shown truly: from the note, through the collection and the
review screen, to Anki (read back from a real Anki import).

Notes with fenced code, display and inline math, images, a table and line breaks go through
`quiz sync`, `quiz cards --json`, the review screen (rich, rendered to text, and the plain
line mode) and `quiz export`; each stage is checked for what the note said.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from quizgarden.cli import app
from quizgarden.review.latex import formula_text
from quizgarden.review.text import back_text, hard_breaks, latex_to_unicode, short_source

NOW = "2026-03-02T09:00:00+00:00"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)

KERNEL = """\
# GPU kernels

Q: How do I run the fused kernel?
A: Use the fused kernel:
```python
def run(x):

    return fused(x)  # $not math$ \\_kept &amp; kept
```
Then compare the output with `run_slow`.

Q: Where is the next question?
A: Right after a blank line.

Q: What does softmax compute?
A: Scores made probabilities:
$$
\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}
$$
<!--SR:!2026-03-01,3,250-->

Q: Which launch settings fit an A100?
A: These, measured:
| block | warps |
|---|---|
| 128 | 4 |
Larger blocks spill registers.
"""

STATS = """\
# Statistics

## What is pooled regression?

Pooled regression is the simplest way to estimate a panel model. It is given as follows:
$$
y_{it} = \\frac{x_{it} - \\mu}{\\sigma} + \\epsilon_{it}
$$
Observations of one unit across time are usually correlated, as the diagram shows:
![[pooled.png]]

## What is the normal density?

The normal density is $p(x) = \\frac{1}{\\sigma\\sqrt{2\\pi}} e^{-\\frac{(x-\\mu)^2}{2\\sigma^2}}$.
Its mean is $\\mu$ and its spread is $\\sigma$.\x20\x20
A hard break keeps this line apart too.
"""


def run(*args: str | Path):
    result = CliRunner().invoke(app, [str(a) for a in args], env={"QUIZGARDEN_NOW": NOW})
    return result


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "Vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / "gpu").mkdir()
    (root / "gpu" / "kernels.md").write_text(KERNEL, "utf-8")
    (root / "stats").mkdir()
    (root / "stats" / "regression.md").write_text(STATS, "utf-8")
    (root / "stats" / "pooled.png").write_bytes(PNG)
    return root


def synced_cards(vault: Path, db: Path) -> dict[str, dict[str, object]]:
    assert run("sync", vault, "--db", db).exit_code == 0
    result = run("cards", vault, "--db", db, "--json")
    assert result.exit_code == 0, result.output
    return {row["front"]: row for row in map(json.loads, result.stdout.splitlines())}


def test_nothing_is_lost_from_note_to_collection_to_screen_to_anki(vault: Path, tmp_path: Path):
    db = tmp_path / "c.db"
    cards = synced_cards(vault, db)

    # 1. extraction and the collection: the answer runs to the end of its block, code included
    kernel = cards["How do I run the fused kernel?"]["back"]
    assert kernel == (
        "Use the fused kernel:\n```python\ndef run(x):\n\n"
        "    return fused(x)  # $not math$ \\_kept &amp; kept\n```\n"
        "Then compare the output with `run_slow`."
    )
    assert cards["Where is the next question?"]["back"] == "Right after a blank line."
    softmax = cards["What does softmax compute?"]["back"]
    assert softmax == (
        "Scores made probabilities:\n$$\n\\sigma(z)_i = \\frac{e^{z_i}}{\\sum_j e^{z_j}}\n$$"
    )
    pooled = cards["What is pooled regression?"]["back"]
    assert "$$\ny_{it} = \\frac{x_{it} - \\mu}{\\sigma} + \\epsilon_{it}\n$$" in pooled
    assert pooled.endswith("as the diagram shows:\n![pooled.png](<stats/pooled.png>)")
    normal = cards["What is the normal density?"]["back"]
    assert "\nIts mean is $\\mu$" in normal and "$\\sigma$.  \nA hard break" in normal

    # 2. the review screen, as the terminal draws it
    def screen(back: str) -> str:
        from quizgarden.review.screen import _markdown

        console = Console(width=100, record=True, file=io.StringIO())
        console.print(_markdown(back_text("q", back, "basic", 0)))
        return console.export_text()

    shown = screen(kernel)
    assert "def run(x):" in shown and "    return fused(x)  # $not math$" in shown
    assert "Then compare the output with run_slow." in shown
    assert "σ(z)ᵢ = (e^zᵢ)/(∑ⱼ e^zⱼ)" in screen(softmax)
    shown = screen(pooled)
    assert "yᵢₜ = (xᵢₜ - μ)/σ + ϵᵢₜ" in shown
    assert "[image: pooled.png]" in shown
    lines = [line.strip() for line in screen(normal).splitlines() if line.strip()]
    assert "The normal density is p(x) = 1/(σ√(2π)) e^(-(x-μ)²/(2σ²))." in lines
    assert "Its mean is μ and its spread is σ." in lines  # its own line, as in Obsidian
    assert "A hard break keeps this line apart too." in lines
    table = cards["Which launch settings fit an A100?"]["back"]
    assert table == "These, measured:\n| block | warps |\n|---|---|\n| 128 | 4 |\n" + (
        "Larger blocks spill registers."
    )
    lines = [line.strip() for line in screen(table).splitlines() if line.strip()]
    assert any(re.search(r"128\s+4", line) for line in lines)  # drawn as a table
    assert "Larger blocks spill registers." in lines

    # ... and in the plain line mode (no terminal)
    result = CliRunner().invoke(
        app, ["review", str(vault), "--db", str(db), "--new", "10"], input="q\n",
        env={"QUIZGARDEN_NOW": NOW},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "A: Use the fused kernel:\n```python\ndef run(x):" in result.stdout

    # 3. Anki, read back from a real import
    anki_collection = pytest.importorskip("anki.collection")
    from anki import import_export_pb2

    package = tmp_path / "out.apkg"
    assert run("export", vault, "--db", db, "-o", package).exit_code == 0
    folder = tmp_path / "anki"
    folder.mkdir()
    col = anki_collection.Collection(str(folder / "collection.anki2"))
    try:
        request = import_export_pb2.ImportAnkiPackageRequest(
            package_path=str(package),
            options=import_export_pb2.ImportAnkiPackageOptions(update_notes=0),
        )
        col.import_anki_package(request)
        notes = {col.get_note(nid)["Front"]: col.get_note(nid) for nid in col.find_notes("")}
        code = notes["How do I run the fused kernel?"]["Back"]
        assert "<pre><code" in code and "def run(x):\n\n    return fused(x)" in code
        assert "Then compare the output with <code>run_slow</code>" in code
        pooled_html = notes["What is pooled regression?"]["Back"]
        assert "\\[" in pooled_html and "\\frac{x_{it} - \\mu}{\\sigma}" in pooled_html
        assert '<img src="pooled.png"' in pooled_html
        media = Path(col.media.dir()) / "pooled.png"
        assert media.read_bytes() == PNG  # packed and imported
        normal_html = notes["What is the normal density?"]["Back"]
        assert normal_html.count("<br") >= 2 and "\\(\\mu\\)" in normal_html
        table_html = notes["Which launch settings fit an A100?"]["Back"]
        assert "<table" in table_html and "<td>128</td>" in table_html
    finally:
        col.close()


@pytest.mark.parametrize(
    ("latex", "shown"),
    [
        (r"\frac{X-\mu}{\sigma}", "(X-μ)/σ"),
        (r"\frac{1}{\sigma\sqrt{2\pi}}", "1/(σ√(2π))"),
        (r"h_{\theta}(x)", "h_θ(x)"),
        (r"x_i^2 + x_{ij}", "xᵢ² + xᵢⱼ"),
        (r"W_{q}x", "W_(q)x"),  # no Unicode q: grouped, so it cannot read as W_qx
        (r"\frac{a}{b}c", "(a/b)c"),
        (r"e^{-\frac{x^2}{2}}", "e^(-x²/2)"),
        (r"\sqrt{x+1} \sqrt{2}", "√(x+1) √2"),
        (r"\sqrt[3]{8}", "³√8"),
        (r"\sum_{i=1}^{n} i = \frac{n(n+1)}{2}", "∑ᵢ₌₁ⁿ i = n(n+1)/2"),
        (r"\text{softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right)V", "softmax((QKᵀ)/√dₖ)V"),
        (r"\|x\|_2", "‖x‖₂"),
        (r"RF = {BAT\over FP}", "RF = (BAT)/(FP)"),
        (r"e^{\lambda (X-Y)} + e^{(a+b)^2} + x^{(i)}", "e^(λ(X-Y)) + e^((a+b)²) + x⁽ⁱ⁾"),
        (r"{1 \over 2}x", "(1/2)x"),
        (r"\dfrac{a+b}{c} + \dfrac12", "(a+b)/c + 1/2"),
        (r"\binom{n}{k}", "(n choose k)"),
        (r"\overline{x} \log p(x)", "x\u0305 log p(x)"),
    ],
)
def test_terminal_math_keeps_its_meaning(latex: str, shown: str):
    assert formula_text(latex) == shown


def test_what_a_line_cannot_show_is_shown_as_latex_source():
    matrix = r"A = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}"
    assert latex_to_unicode(f"$${matrix}$$") == f"\n\n```latex\n{matrix}\n```\n\n"
    cases = r"f(x) = \begin{cases} 1 & x > 0 \\ 0 & \text{else} \end{cases}"
    assert latex_to_unicode(f"so ${cases}$ here") == f"so `{cases}` here"
    aligned = r"\begin{align} a &= b \\ c &= d \end{align}"
    assert latex_to_unicode(f"$${aligned}$$").strip() == f"```latex\n{aligned}\n```"


def test_code_and_prices_are_not_math():
    text = "Run `echo $HOME $PATH` then\n```bash\nexport A=$B$C\n```\nfor $5 and $x^2$"
    assert latex_to_unicode(text) == (
        "Run `echo $HOME $PATH` then\n```bash\nexport A=$B$C\n```\nfor $5 and x²"
    )


def test_line_breaks_are_kept_outside_code_and_tables():
    text = "one\ntwo\n\n```\na\nb\n```\n| a | b |\n|---|---|"
    assert hard_breaks(text) == "one  \ntwo\n\n```\na\nb\n```\n| a | b |\n|---|---|"


def test_the_source_keeps_its_line_number_when_shortened():
    assert short_source("a/b/CNN.md", 1234, 40) == "a/b/CNN.md:1234"
    assert short_source("deep/learning/conv/CNN.md", 1234, 18) == "…/conv/CNN.md:1234"
    assert short_source("deep/a-very-long-file-name.md", 7, 12) == "…e-name.md:7"
