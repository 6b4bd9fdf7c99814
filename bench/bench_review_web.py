"""Time to the first card of `quiz review --web` in a real browser, with 100,000 cards.

The page is opened the moment the server prints its URL (as `webbrowser.open` does), so the
time from page load to the first card includes building the session. Target: first card
within 0.5 s of the page load. Baselines from the same run: the terminal's `quiz review`
start to first card (bench_review_start.py's measure) and the browser loading the page's
static files alone.

Needs Debian's chromium (/usr/bin/chromium) and the python `playwright` package.

    python bench/bench_review_web.py [--cards 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_review_start import NOW, build, time_first_card

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def time_web(browser, vault: Path, db_path: Path) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """(start -> URL printed, page load -> first card, static page alone) in seconds."""
    env = {**os.environ, "QUIZGARDEN_NOW": NOW.isoformat()}
    command = [sys.executable, "-m", "quizgarden", "review", str(vault), "--db", str(db_path)]
    start = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--web", "--no-open"], stdout=subprocess.PIPE, text=True, env=env
    )
    assert process.stdout is not None
    url = ""
    for line in process.stdout:
        if line.startswith("Reviewing at "):
            url = line.removeprefix("Reviewing at ").strip()
            break
    listening = time.perf_counter() - start
    page = browser.new_page()
    loaded = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector("body[data-state=question]")
    first_card = time.perf_counter() - loaded
    # the same page's static files again, without waiting for a card: the browser's own cost
    static = time.perf_counter()
    page.goto(url + "style.css")
    static_page = time.perf_counter() - static
    page.goto(url)
    page.wait_for_selector("body[data-state=question]")
    page.keyboard.press("q")
    page.wait_for_selector("body[data-state=summary]")
    page.close()
    process.wait(timeout=30)
    return listening, first_card, static_page


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        vault = Path(folder) / "vault"
        db_path = vault / ".quizgarden" / "collection.db"
        started = time.perf_counter()
        build(db_path, args.cards)
        print(f"built {args.cards} cards in {time.perf_counter() - started:.1f} s")
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_FLAGS
        )
        time_first_card(vault, db_path)  # warm the page cache once
        time_web(browser, vault, db_path)
        terminal, listening, first, static = [], [], [], []
        for _ in range(args.runs):
            terminal.append(time_first_card(vault, db_path)[0])
            up, card, plain = time_web(browser, vault, db_path)
            listening.append(up)
            first.append(card)
            static.append(plain)
        browser.close()
    median = statistics.median
    print(f"terminal: quiz review -> first card      median {median(terminal) * 1000:6.0f} ms")
    print(f"web: quiz review --web -> URL printed    median {median(listening) * 1000:6.0f} ms")
    print(f"web: browser, static file alone          median {median(static) * 1000:6.0f} ms")
    print(f"web: page load -> first card drawn       median {median(first) * 1000:6.0f} ms")
    verdict = "OK" if median(first) < 0.5 else "OVER TARGET"
    print(f"page load -> first card {median(first) * 1000:.0f} ms (target < 500 ms): {verdict}")


if __name__ == "__main__":
    main()
