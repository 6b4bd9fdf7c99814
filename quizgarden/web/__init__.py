"""`quiz review --web`: the daily session in the browser, for cards a terminal cannot show.

Formulas, images and highlighted code are why: the terminal turns LaTeX into Unicode and shows
no image. The session itself is the terminal's (review/runner.py); this package adds a screen
that talks HTTP (screen.py), the server (server.py) and the card HTML (card_html.py).
"""

from __future__ import annotations

import secrets
import signal
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from sqlite_utils import Database

from ..errors import QuizgardenError
from ..review.runner import ReviewOptions, run_session
from ..review.session import Summary
from ..settings import SettingsFile


@dataclass(frozen=True)
class WebOptions:
    """Where the server listens and whether to open a browser."""

    host: str = "127.0.0.1"
    port: int = 0  # 0: a free port
    open_browser: bool = True


def serve_review(
    db: Database,
    vault: Path,
    settings: SettingsFile,
    options: ReviewOptions,
    web: WebOptions,
    say: Callable[[str], None],
) -> Summary:
    """Run one review session served to the browser; return its summary when it ends.

    `say` prints a line for the learner (the URL, warnings, the summary). The session ends with
    `q` in the page, when the queue is empty, or with Ctrl-C here, which ends it as `q` does.
    """
    from .screen import WebScreen
    from .server import ReviewServer, VaultMedia

    media = VaultMedia(vault)
    token = secrets.token_urlsafe(24)

    def ready(card: bool) -> None:
        """The first card is drawn: only now give out the URL, so the page shows it at once
        (with nothing to review, the summary below is all there is to say)."""
        if not card:
            return
        if web.host not in ("127.0.0.1", "localhost", "::1"):
            say(
                f"warning: listening on {web.host}: anyone on your network who has the URL "
                "(token included) can review and change this collection"
            )
        say(f"Reviewing at {url}")
        if web.host in ("0.0.0.0", "::", ""):
            address = _lan_address()
            if address is not None:
                say(f"From another device: http://{address}:{server.port}/{token}/")
        say("q in the page or Ctrl-C here ends the session.")
        if web.open_browser:
            webbrowser.open(url)
        threading.Thread(target=_warm, name="quiz-web-warm", daemon=True).start()

    screen = WebScreen(media.for_note, ready)
    try:
        server = ReviewServer((web.host, web.port), token, screen, media)
    except OSError as error:
        raise QuizgardenError(f"cannot listen on {web.host}:{web.port}: {error.strerror}") from None
    shown_host = "127.0.0.1" if web.host in ("0.0.0.0", "::", "") else web.host
    if ":" in shown_host:
        shown_host = f"[{shown_host}]"
    url = f"http://{shown_host}:{server.port}/{token}/"
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="quiz-web", daemon=True
    )
    thread.start()

    def interrupted(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGINT, previous)  # a second Ctrl-C stops at once
        screen.end()

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        summary = run_session(db, vault, settings, options, screen)
        _let_page_fetch_summary()
    finally:
        signal.signal(signal.SIGINT, previous)
        server.shutdown()
        server.server_close()
    from ..review.screen import summary_lines

    for line in summary_lines(summary):
        say(line)
    return summary


def _warm() -> None:
    """What the page's stylesheet needs, computed while the learner reads the first card."""
    from .server import code_css

    code_css()


def _lan_address() -> str | None:
    """This machine's address on its network: the source address the system would use to
    reach a documentation address (a UDP "connect" sends no packet)."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            address = str(probe.getsockname()[0])
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def _let_page_fetch_summary() -> None:
    """The request that ended the session is answered with the summary from a handler
    thread; give it a moment to be written before the server goes away."""
    time.sleep(0.3)
