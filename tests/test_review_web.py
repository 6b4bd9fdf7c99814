"""`quiz review --web` as a learner meets it: its own process, Debian's Chromium, real keys.

The browser is Chromium from the distribution (`/usr/bin/chromium`, installed by `.ci/run`),
driven by Playwright without any browser download. One browser session walks a whole review;
the security checks talk HTTP to a second server directly.

Screenshots of a basic, a formula and a cloze card are taken on every run (into a temp folder);
with QUIZGARDEN_UPDATE_SCREENSHOTS=1 they are written to docs/screenshots/ for the README.
"""

from __future__ import annotations

import http.client
import os
import queue
import re
import signal
import sqlite3
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "docs" / "screenshots"

NOTE = """\
---
tags: [flashcards]
---
# Attention

Q: What does the KV cache store?
A: The keys and values of earlier tokens, so **each new token** attends without recomputing them.

Q: What is scaled dot-product attention?
A: $$\\mathrm{Attention}(Q,K,V) = \\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V$$

The cost of attention grows {{c1::quadratically}} with {{c2::sequence length::what?}}.

Q: What does the diagram show?
A: ![[diagram.png]]

Q: Is this safe? <script>document.title = "ran"</script><img src=x onerror="document.title = 'ran'">
A: Nothing in a card runs. <a href="javascript:document.title='ran'">link</a>

Q: How does Python define a function?
A: ```python
def double(x):
    return 2 * x
```
"""


def png(width: int, height: int) -> bytes:
    """A real PNG of one colour (the browser must decode it for naturalWidth > 0)."""
    raw = b"".join(b"\x00" + b"\x3b\x6f\xb6" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def quiz(*args: str) -> list[str]:
    return [sys.executable, "-m", "quizgarden", *args]


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    """A vault of six notes' worth of cards, synced into the collection QUIZGARDEN_DB names."""
    folder = tmp_path / "vault"
    (folder / "img").mkdir(parents=True)
    (folder / "img" / "diagram.png").write_bytes(png(160, 90))
    (folder / "attention.md").write_text(NOTE, encoding="utf-8")
    subprocess.run(quiz("sync", str(folder)), check=True, capture_output=True, timeout=60)
    return folder


class Served:
    """`quiz review --web --no-open` running as its own process; its URL from its stdout."""

    def __init__(self, vault: Path, editor: str | None = None) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        env.pop("VISUAL", None)
        env.pop("EDITOR", None)
        if editor is not None:
            env["EDITOR"] = editor
        self.process = subprocess.Popen(
            quiz("review", str(vault), "--web", "--no-open"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: queue.SimpleQueue[str] = queue.SimpleQueue()
        assert self.process.stdout is not None
        self.reader = threading.Thread(target=self._read, args=(self.process.stdout,))
        self.reader.start()
        self.output: list[str] = []
        self.url = ""
        while not self.url:
            line = self.lines.get(timeout=20)
            self.output.append(line)
            if line.startswith("Reviewing at "):
                self.url = line.removeprefix("Reviewing at ").strip()
        parts = urlsplit(self.url)
        self.host, self.port, self.token = parts.hostname, parts.port, parts.path.strip("/")

    def _read(self, stream) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            self.lines.put(line)

    def finish(self, timeout: float = 10) -> str:
        """Wait for the process to exit; everything it printed."""
        status = self.process.wait(timeout=timeout)
        errors = self.close()
        assert status == 0, errors
        while not self.lines.empty():
            self.output.append(self.lines.get())
        return "".join(self.output)

    def close(self) -> str:
        """After the process has ended: its stderr; both pipes closed."""
        self.reader.join(timeout=10)
        assert self.process.stdout is not None and self.process.stderr is not None
        errors = self.process.stderr.read()
        self.process.stdout.close()
        self.process.stderr.close()
        return errors

    def request(
        self, method: str, path: str, host: str | None = None, body: str | None = None
    ) -> tuple[int, bytes, dict[str, str]]:
        connection = http.client.HTTPConnection(str(self.host), self.port, timeout=10)
        headers = {"Host": host or f"127.0.0.1:{self.port}"}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        return response.status, data, dict(response.getheaders())

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if not self.process.stdout.closed:  # type: ignore[union-attr]
            self.close()


@pytest.fixture
def editor(tmp_path: Path) -> tuple[str, Path]:
    """An $EDITOR that records the arguments it was started with."""
    script = tmp_path / "editor.py"
    opened = tmp_path / "opened.txt"
    script.write_text(f"import sys\nopen({str(opened)!r}, 'w').write(' '.join(sys.argv[1:]))\n")
    return f"{sys.executable} {script}", opened


@pytest.fixture
def served(vault: Path, editor: tuple[str, Path]) -> Iterator[Served]:
    server = Served(vault, editor[0])
    yield server
    server.kill()


def reviews(db_path: Path) -> list[tuple[str, str, int]]:
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
        return db.execute("SELECT card_id, kind, rating FROM reviews ORDER BY id").fetchall()


@pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CI"),
    reason="Debian chromium is not installed (.ci/run installs it)",
)
def test_a_review_in_the_browser(
    served: Served, vault: Path, editor: tuple[str, Path], tmp_path: Path
) -> None:
    from playwright.sync_api import sync_playwright

    db_path = Path(os.environ["QUIZGARDEN_DB"])
    shots = SCREENSHOTS if os.environ.get("QUIZGARDEN_UPDATE_SCREENSHOTS") else tmp_path / "shots"
    shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        try:
            page = browser.new_page(viewport={"width": 820, "height": 640})
            violations: list[str] = []
            page.on("console", lambda message: violations.append(message.text))
            page.goto(served.url)
            page.wait_for_selector("body[data-state=question]")

            def card() -> str:
                return str(page.evaluate("document.body.dataset.card"))

            def press(key: str, *, expect: str | None = None) -> None:
                before = card()
                page.keyboard.press(key)
                if expect == "same":
                    page.wait_for_selector("body[data-state=answer]")
                else:
                    page.wait_for_function(
                        "(before) => document.body.dataset.card !== before"
                        " || document.body.dataset.state === 'summary'",
                        arg=before,
                    )

            def said(text: str) -> None:
                page.wait_for_function(
                    "(text) => document.getElementById('messages').innerText.includes(text)",
                    arg=text,
                )

            # 1. a basic card: header, reveal with space, intervals on the buttons, rate Good
            assert "What does the KV cache store?" in page.inner_text("#front")
            assert page.inner_text("#note") == "attention.md:6"
            assert page.inner_text("#count-new") == "6"
            page.keyboard.press("u")
            said("Nothing to undo.")
            press("Space", expect="same")
            assert "each new token" in page.inner_text("#back strong")
            intervals = page.locator("#ratings .interval").all_inner_texts()
            assert intervals[:3] == ["1m", "6m", "10m"] and re.fullmatch(r"\d+d", intervals[3])
            page.screenshot(path=str(shots / "basic.png"))
            kv = card()
            press("o", expect="same")  # the note at the card's line, in $EDITOR
            said("Back from attention.md")
            assert editor[1].read_text() == f"+6 {vault / 'attention.md'}"
            assert card() == kv
            press("3")
            # committed before the next card was shown
            assert reviews(db_path) == [(kv, "review", 3)]

            # 2. a display formula, typeset as MathML: no raw TeX left; Again with the button
            press("Enter", expect="same")
            page.wait_for_selector("#back math[display=block] mfrac")
            back = page.inner_text("#back")
            assert "$$" not in back and "\\frac" not in back
            page.screenshot(path=str(shots / "formula.png"))
            formula = card()
            page.click("#ratings .again")
            page.wait_for_function("(b) => document.body.dataset.card !== b", arg=formula)

            # 3. a cloze: masked on the front, revealed on the back; Easy, then undo it
            assert page.inner_text("#front .cloze") == "[...]"
            assert "quadratically" not in page.inner_text("#front")
            press("Space", expect="same")
            assert page.inner_text("#back .cloze.revealed") == "quadratically"
            page.screenshot(path=str(shots / "cloze.png"))
            cloze = card()
            press("4")
            press("u")
            assert card() == cloze
            assert "Undid the last rating." in page.inner_text("#messages")
            press("Space", expect="same")
            press("2")

            # 4. an image from the vault, loaded
            press("Space", expect="same")
            page.wait_for_function(
                "() => { const img = document.querySelector('#back img');"
                " return img && img.complete && img.naturalWidth > 0; }"
            )
            assert page.evaluate("document.querySelector('#back img').naturalWidth") == 160
            diagram = card()
            press("3")

            # 5. a card with script, an event handler and a javascript: link: nothing runs
            front = page.inner_html("#front")
            assert "Is this safe?" in front
            assert page.locator("#front script, #front [onerror]").count() == 0
            press("Space", expect="same")
            assert page.locator("a[href^='javascript']").count() == 0
            assert page.title() == "quiz review"
            unsafe = card()
            press("s")  # suspend
            assert "Suspended" in page.inner_text("#messages")

            # 6. highlighted code; then bury it and end with q
            press("Space", expect="same")
            assert page.locator("#back pre.highlight span.k").first.inner_text() == "def"
            code = card()
            press("b")
            if page.evaluate("document.body.dataset.state") != "summary":
                press("q")
            page.wait_for_selector("body[data-state=summary]")
            summary = page.inner_text("#summary")
            assert "Cards reviewed: 4" in summary
            assert page.title() == "quiz review"
            assert not [v for v in violations if "ran" in v]
        finally:
            browser.close()
    printed = served.finish()
    assert "Cards reviewed: 4 (Again 1, Hard 1, Good 2)" in printed
    assert reviews(db_path) == [
        (kv, "review", 3),
        (formula, "review", 1),
        (cloze, "review", 4),
        (cloze, "undo", 0),
        (cloze, "review", 2),
        (diagram, "review", 3),
    ]
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as db:
        flags = dict(
            db.execute(
                "SELECT card_id, suspended || '/' || (buried_until IS NOT NULL) FROM card_state"
                " WHERE card_id IN (?, ?)",
                [unsafe, code],
            ).fetchall()
        )
    assert flags == {unsafe: "1/0", code: "0/1"}
    for name in ("basic", "formula", "cloze"):
        assert (shots / f"{name}.png").read_bytes().startswith(b"\x89PNG")


def test_requests_need_the_token_and_a_local_host(served: Served) -> None:
    token = served.token
    status, _body, headers = served.request("GET", f"/{token}/")
    assert status == 200
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert served.request("GET", "/")[0] == 403
    assert served.request("GET", "/api/state")[0] == 403
    assert served.request("GET", f"/{token[:-1]}/api/state")[0] == 403
    assert served.request("POST", "/api/command", body='{"key": "3"}')[0] == 403
    assert served.request("GET", f"/{token}/api/state", host="evil.example:80")[0] == 403
    evil = f"rebind.example:{served.port}"
    assert served.request("GET", f"/{token}/api/state", host=evil)[0] == 403
    assert served.request("GET", f"/{token}/api/state", host=f"localhost:{served.port}")[0] == 200
    # media: only files the cards referred to, never a path into or out of the vault
    for path in ("media/attention.md", "media/..%2Fattention.md", "media/%2Fetc%2Fpasswd"):
        assert served.request("GET", f"/{token}/{path}")[0] == 404
    assert served.request("POST", f"/{token}/api/command", body='{"key": "z"}')[0] == 400
    # Ctrl-C ends the session cleanly, with its summary
    served.process.send_signal(signal.SIGINT)
    printed = served.finish()
    assert "Cards reviewed: 0" in printed
