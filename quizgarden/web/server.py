"""The local HTTP server of `quiz review --web`: the page, its two API calls and vault media.

Standard library only (`http.server.ThreadingHTTPServer`): the server answers one learner on
loopback, a handful of requests a card, so a framework would add install weight and start-up
time (the review must show its first card quickly) without adding anything we need.

Safe by default, because any web page the learner visits could otherwise talk to it:
- every path starts with a random token (`/<token>/…`); requests without it get 403;
- the Host header must be an IP address or `localhost` with our port (no DNS rebinding);
- a Content-Security-Policy allows scripts, styles and images from this server only: no
  inline script, whatever a card's HTML holds (card HTML is sanitised as well, card_html.py);
- media are only the files the cards on screen referred to, found and admitted by the vault
  boundary the Anki export uses (quizgarden/notes/vault.py: regular media files inside the
  vault after resolving links, outside hidden folders, not too large), checked again when
  each is opened.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import mimetypes
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from ..review.input import parse_command
from .card_html import MediaUrl
from .screen import WebScreen

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
# a media file opened on its own (an SVG can hold script): nothing runs, nothing loads
MEDIA_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
_STATIC = {
    "": ("index.html", "text/html; charset=utf-8"),
    "app.js": ("app.js", "text/javascript; charset=utf-8"),
    "style.css": ("style.css", "text/css; charset=utf-8"),
}


class VaultMedia:
    """The media files shown cards refer to, found and admitted by the vault boundary the Anki
    export uses (`notes.vault.find_media`), each served under a URL of its own."""

    def __init__(self, vault: Path) -> None:
        self.vault = vault.resolve()
        self._files: dict[str, Path] = {}  # "<n>/<name>" -> resolved file the boundary admitted
        self._names: dict[Path, str] = {}
        self._lock = threading.Lock()

    def for_note(self, note: str) -> MediaUrl:
        """The resolver for one note's media references: a `media/…` URL, or None for a URL,
        a missing file or one the boundary refuses."""

        def resolve(ref: str) -> str | None:
            from ..errors import MediaError
            from ..notes.vault import find_media

            if not ref.strip() or _URL.match(ref.strip()):
                return None
            try:
                path = find_media(self.vault, ref, note)
            except MediaError:
                return None
            with self._lock:
                name = self._names.get(path)
                if name is None:
                    name = self._names[path] = f"{len(self._names)}/{path.name}"
                    self._files[name] = path
            return "media/" + quote(name)

        return resolve

    def read(self, name: str) -> bytes | None:
        """The bytes behind a media URL, if it was given out and the file may still leave the
        vault (`open_media` checks the boundary again on the open file)."""
        from ..errors import MediaError
        from ..notes.vault import open_media

        with self._lock:
            path = self._files.get(name)
        if path is None:
            return None
        try:
            with open_media(self.vault, path) as stream:
                return stream.read()
        except (MediaError, OSError):
            return None


_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


class ReviewServer(ThreadingHTTPServer):
    """One review session's server: knows its token, screen and media."""

    daemon_threads = True
    block_on_close = False

    def __init__(
        self, address: tuple[str, int], token: str, screen: WebScreen, media: VaultMedia
    ) -> None:
        super().__init__(address, _Handler)
        self.token = token
        self.screen = screen
        self.media = media
        self.command_lock = threading.Lock()

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class _Handler(BaseHTTPRequestHandler):
    server: ReviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows the URL and the summary, not a line per request."""

    def do_GET(self) -> None:
        rest = self._authorised()
        if rest is None:
            return
        if rest in _STATIC:
            name, content_type = _STATIC[rest]
            body = resources.files("quizgarden.web").joinpath("static", name).read_bytes()
            if name == "style.css":
                body += code_css()
            elif name == "index.html":
                body = body.replace(b"<!--view-->", _view_block(self.server.screen.view()))
            self._send(HTTPStatus.OK, body, content_type)
        elif rest == "api/state":
            self._send_json(self.server.screen.view())
        elif rest.startswith("media/"):
            self._send_media(unquote(rest[len("media/") :]))
        else:
            self._refuse(HTTPStatus.NOT_FOUND, "not found")

    def do_POST(self) -> None:
        rest = self._authorised()
        if rest is None:
            return
        if rest != "api/command":
            self._refuse(HTTPStatus.NOT_FOUND, "not found")
            return
        try:
            length = int(self.headers.get("Content-Length") or 0)
            key = json.loads(self.rfile.read(min(length, 1024)) or b"{}").get("key")
        except (ValueError, AttributeError):
            key = None
        command = parse_command(key) if isinstance(key, str) and key else None
        if command is None:
            self._refuse(HTTPStatus.BAD_REQUEST, "unknown key")
            return
        with self.server.command_lock:  # one key at a time, in the order they came
            view = self.server.screen.send(None if command == "quit" else command)
        self._send_json(view)

    def _authorised(self) -> str | None:
        """The path after the token, or None once a refusal has been sent."""
        if not _host_allowed(self.headers.get("Host"), self.server.port):
            self._refuse(HTTPStatus.FORBIDDEN, "bad Host header")
            return None
        path = self.path.split("?", 1)[0]
        token, slash, rest = path.lstrip("/").partition("/")
        if not slash or not hmac.compare_digest(token.encode(), self.server.token.encode()):
            self._refuse(HTTPStatus.FORBIDDEN, "a valid token is required")
            return None
        return rest

    def _send_media(self, name: str) -> None:
        body = self.server.media.read(name)
        if body is None:
            self._refuse(HTTPStatus.NOT_FOUND, "not found")
            return
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        self._send(HTTPStatus.OK, body, content_type, csp=MEDIA_CSP)

    def _send_json(self, data: dict[str, Any]) -> None:
        body = json.dumps(data, ensure_ascii=False).encode()
        self._send(HTTPStatus.OK, body, "application/json; charset=utf-8")

    def _refuse(self, status: HTTPStatus, reason: str) -> None:
        self._send(status, (reason + "\n").encode(), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, csp: str = CSP) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def _host_allowed(host: str | None, port: int) -> bool:
    """`localhost` or an IP address, with our port: a rebinding attack has a domain name."""
    if not host:
        return False
    name, colon, given_port = host.rpartition(":")
    if not colon or given_port != str(port):
        return False
    if name.lower() == "localhost":
        return True
    try:
        ipaddress.ip_address(name[1:-1] if name.startswith("[") and name.endswith("]") else name)
    except ValueError:
        return False
    return True


def _view_block(view: dict[str, Any]) -> bytes:
    """The view as a JSON data block for the page: `<`, `>` and `&` escaped, so no card text
    can close the element; a data block is never run, so the CSP needs no exception."""
    data = json.dumps(view, ensure_ascii=False)
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/json" id="first-view">{data}</script>'.encode()


_css_cache: list[bytes] = []


def code_css() -> bytes:
    """pygments' classes for highlighted code, light and dark (computed once)."""
    if not _css_cache:
        from pygments.formatters import HtmlFormatter

        light = HtmlFormatter(style="default").get_style_defs(".highlight")
        dark = HtmlFormatter(style="monokai").get_style_defs(".highlight")
        _css_cache.append(
            f"\n{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n".encode()
        )
    return _css_cache[0]
