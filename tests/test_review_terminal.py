"""`quiz review` as a learner meets it: in a real terminal (tmux), and killed mid-session."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_review_queue import add_card

from quizgarden.store import open_collection

NOW = "2024-05-10T08:00:00Z"


def make_vault(tmp_path: Path, cards: int = 2) -> tuple[Path, Path]:
    vault = tmp_path / "vault"
    db_path = vault / ".quizgarden" / "collection.db"
    db = open_collection(db_path)
    add_card(db, "a000000000000001", front="What is $E = mc^2$?",
             back="Mass–energy **equivalence**",
             note="physics/relativity.md", deck="Physics", line=12)  # fmt: skip
    add_card(db, "a000000000000002", front="「猫」は英語で何ですか？", back="cat 🐈",
             note="日本語/単語.md", deck="日本語", line=3)  # fmt: skip
    for index in range(2, cards):
        add_card(db, f"{0xA000000000000001 + index:016x}", front=f"Card {index}?", line=index)
    db.close()
    return vault, db_path


def reviews(db_path: Path) -> list[tuple]:
    db = open_collection(db_path)
    try:
        return db.execute("SELECT card_id, kind, rating FROM reviews ORDER BY id").fetchall()
    finally:
        db.close()


class Tmux:
    """One private tmux server (its own socket) running one command in a 100x30 window.

    The server owes nothing to the terminal pytest runs in: no user tmux.conf (`-f /dev/null`),
    and an environment of its own, so running the tests inside tmux (where $TMUX, $TERM and
    the locale differ) gives the same screen as running them anywhere else.
    """

    def __init__(self, socket: str, command: list[str]) -> None:
        self.base = ["tmux", "-u", "-f", os.devnull, "-L", socket]
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/tmp"),
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        if "PYTHONPATH" in os.environ:  # the code under test, not whatever is installed
            self.env["PYTHONPATH"] = os.environ["PYTHONPATH"]
        shell = " ".join(_quote(part) for part in command) + "; sleep 60"
        self._run("new-session", "-d", "-x", "100", "-y", "30", shell)

    def _run(self, *args: str) -> str:
        done = subprocess.run(
            [*self.base, *args], capture_output=True, text=True, check=True, env=self.env
        )
        return done.stdout

    def screen(self) -> str:
        return self._run("capture-pane", "-p")

    def send(self, *keys: str) -> None:
        self._run("send-keys", *keys)

    def wait_for(self, *texts: str, timeout: float = 15) -> str:
        """The screen once every one of `texts` is on it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{texts!r} never all appeared; screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run([*self.base, "kill-server"], check=False, capture_output=True, env=self.env)


def easy_label(card_id: str) -> str:
    """What Easy shows on a new card at NOW with default settings (fuzz is per card)."""
    from quizgarden.clock import parse_instant
    from quizgarden.days import Days
    from quizgarden.model import CardState
    from quizgarden.schedule import format_interval, preview

    return format_interval(preview(CardState(card_id), parse_instant(NOW), days=Days(4, "UTC"))[4])


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_review_in_a_real_terminal(tmp_path: Path):
    vault, db_path = make_vault(tmp_path)
    command = ["env", f"QUIZGARDEN_NOW={NOW}", "TZ=UTC", "EDITOR=true", sys.executable,
               "-m", "quizgarden", "review", str(vault), "--db", str(db_path)]  # fmt: skip
    tmux = Tmux(f"qg-{os.getpid()}-{tmp_path.name}", command)
    try:
        screen = tmux.wait_for("space/enter: show answer")
        assert "What is E = mc²?" in screen
        assert "Physics · physics/relativity.md:12" in screen
        assert "new 2" in screen and "Answer" not in screen
        tmux.send("Space")
        easy = easy_label("a000000000000001")
        labels = ("Answer", "1 Again", "2 Hard", "3 Good", "4 Easy", "1m", "6m", "10m", easy)
        screen = tmux.wait_for(*labels)  # the button row may still be drawing after "Answer"
        assert "Mass–energy equivalence" in screen
        tmux.send("Space")  # space on the answer side rates Good, as in Anki
        screen = tmux.wait_for("「猫」は英語で何ですか？")
        assert "日本語 · 日本語/単語.md:3" in screen
        tmux.send("o")  # $EDITOR is `true`: opens and returns at once
        tmux.wait_for("Back from 単語.md")
        tmux.send("Enter")
        screen = tmux.wait_for("cat 🐈")
        # CJK is two cells wide: the panel's right border stays in line with the others
        lines = [line for line in screen.splitlines() if line.startswith("│")]
        assert len({_cells(line) for line in lines}) == 1, lines
        tmux.send("1")
        tmux.wait_for("Again: next in")
        tmux.send("u")
        screen = tmux.wait_for("Undid the last rating.")
        assert "「猫」" in screen
        tmux.send("Space")
        tmux.wait_for("cat 🐈")
        tmux.send("4")
        screen = tmux.wait_for(f"Easy: next in {easy_label('a000000000000002')}")
        # the learning card comes back early (learn-ahead) rather than ending the session
        assert "What is E = mc²?" in screen and "learning 1" in screen
        tmux.send("q")
        screen = tmux.wait_for("Session over")
        assert "Cards reviewed: 2 (Good 1, Easy 1)" in screen
    finally:
        tmux.close()
    assert reviews(db_path) == [
        ("a000000000000001", "review", 3),
        ("a000000000000002", "review", 1),
        ("a000000000000002", "undo", 0),
        ("a000000000000002", "review", 4),
    ]


def _cells(line: str) -> int:
    from rich.cells import cell_len

    return cell_len(line.rstrip())


def test_killed_session_keeps_every_rating_given(tmp_path: Path):
    vault, db_path = make_vault(tmp_path, cards=8)
    env = {**os.environ, "QUIZGARDEN_NOW": NOW}
    process = subprocess.Popen(
        [sys.executable, "-m", "quizgarden", "review", str(vault), "--db", str(db_path), "--json"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert process.stdin is not None and process.stdout is not None
    rated = []
    try:
        for answer in ("3", "1", "4", "2", "3"):
            line = process.stdout.readline()
            assert '"event": "card"' in line, line
            process.stdin.write(answer + "\n")
            process.stdin.flush()
            line = process.stdout.readline()
            assert '"event": "rating"' in line, line
            rated.append(int(answer))
        assert '"event": "card"' in process.stdout.readline()  # the sixth card is on screen
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        process.stdin.close()
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    log = reviews(db_path)
    assert [rating for _card, _kind, rating in log] == rated
    assert all(kind == "review" for _card, kind, _rating in log)
