"""Response headers that keep the site safe and cheap to revalidate, and the request gate.

Only GET and HEAD reach the app; anything else is answered 405 here. An address longer
than `MAX_TARGET_BYTES` gets a 414 and headers beyond `MAX_HEADER_BYTES` (or
`MAX_HEADERS` of them) a 431, before any route runs. Every response, error pages and
static files included, carries a strict Content-Security-Policy (no inline script) and
the other safe headers; an error no handler caught becomes a plain 500 page here, so it
carries them too. Pages get an ETag and Last-Modified taken from the database's last
load, so a client revalidates with a 304. `SlowClientTimeout` is the server's side: it
closes connections that take too long to send a request.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from app.web.errors import error_response

log = logging.getLogger(__name__)

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SAFE_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
ALLOWED_METHODS = ("GET", "HEAD")
MAX_TARGET_BYTES = 16384  # path and query: a long search still gets its own 400 message
MAX_HEADER_BYTES = 8192  # all request headers together, as nginx's default buffer
MAX_HEADERS = 64
HEAD_TIMEOUT = 10.0  # seconds a client has to send a request line and headers
APP_VERSION = "1"  # bump when pages change shape, so cached copies are not reused


class LoadStamp:
    """When the database was last written: an ETag and a Last-Modified value."""

    def __init__(self, database_file: Path | None) -> None:
        self.files = [database_file, Path(f"{database_file}-wal")] if database_file else []

    def current(self) -> tuple[str, float] | None:
        """(etag, modified time) of the database's load; None when unknown."""
        stats = [os.stat(f) for f in self.files if f.exists()]
        if not stats:
            return None
        modified = max(s.st_mtime for s in stats)
        fingerprint = "-".join(f"{s.st_mtime_ns:x}-{s.st_size:x}" for s in stats)
        return f'W/"{APP_VERSION}-{fingerprint}"', modified


class SecurityMiddleware:
    """Refuses methods other than GET/HEAD, adds safe headers and conditional caching."""

    def __init__(
        self, app: ASGIApp, stamp: Callable[[], tuple[str, float] | None], refuse: ASGIApp
    ) -> None:
        self.app = app
        self.stamp = stamp
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cacheable = not scope["path"].startswith("/static/")
        stamp = self.stamp() if cacheable else None
        if scope["method"] not in ALLOWED_METHODS:
            await self.refuse(scope, receive, _with_headers(send, None))
            return
        too_big = _oversized(scope)
        if too_big is not None:
            status, message = too_big
            response = error_response(Request(scope), status, message)
            if scope["method"] == "HEAD":
                send = _HeadersOnly(send)
            await response(scope, receive, _with_headers(send, None))
            return
        if stamp and _not_modified(Headers(scope=scope), stamp):
            await _send_not_modified(send, stamp)
            return
        if scope["method"] == "HEAD":
            # Routes are declared for GET; HEAD runs them and sends the headers only.
            scope = {**scope, "method": "GET"}
            send = _HeadersOnly(send)
        await _serve_or_fail(self.app, scope, receive, _with_headers(send, stamp))


async def _serve_or_fail(app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    """Run the app; an exception before the response started becomes a plain 500 page.

    Starlette's own last-resort handler sits outside this middleware, so its 500 page
    would go out without the safe headers. Nothing of the error reaches the client.
    """
    started = False

    async def send_tracking(message: Message) -> None:
        nonlocal started
        started = started or message["type"] == "http.response.start"
        await send(message)

    try:
        await app(scope, receive, send_tracking)
    except Exception:
        if started:
            raise  # too late for an error page: the server closes the connection
        log.exception("unhandled error on %s", scope.get("path"))
        message = "The page could not be shown. Please try again later."
        await error_response(Request(scope), 500, message)(scope, receive, send)


def _oversized(scope: Scope) -> tuple[int, str] | None:
    """(status, message) if the request's address or headers are over the limits."""
    target = len(scope.get("raw_path") or scope["path"].encode()) + len(scope["query_string"])
    if target > MAX_TARGET_BYTES:
        return 414, f"This address is too long: at most {MAX_TARGET_BYTES:,} bytes are served."
    headers = scope["headers"]
    if len(headers) > MAX_HEADERS or sum(len(k) + len(v) for k, v in headers) > MAX_HEADER_BYTES:
        return 431, f"The request's headers are too large: at most {MAX_HEADER_BYTES:,} bytes."
    return None


def _not_modified(headers: Headers, stamp: tuple[str, float]) -> bool:
    etag, modified = stamp
    if "if-none-match" in headers:
        return etag in [tag.strip() for tag in headers["if-none-match"].split(",")]
    if "if-modified-since" in headers:
        try:
            since = parsedate_to_datetime(headers["if-modified-since"]).timestamp()
        except (TypeError, ValueError):
            return False
        return int(modified) <= since
    return False


async def _send_not_modified(send: Send, stamp: tuple[str, float]) -> None:
    headers = MutableHeaders()
    for name, value in SAFE_HEADERS.items():
        headers[name] = value
    headers["etag"] = stamp[0]
    headers["last-modified"] = formatdate(stamp[1], usegmt=True)
    headers["cache-control"] = "no-cache"
    await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
    await send({"type": "http.response.body", "body": b""})


def _with_headers(send: Send, stamp: tuple[str, float] | None) -> Send:
    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            for name, value in SAFE_HEADERS.items():
                headers.setdefault(name, value)
            if stamp and message["status"] == 200:
                headers["etag"] = stamp[0]
                headers["last-modified"] = formatdate(stamp[1], usegmt=True)
                headers.setdefault("cache-control", "no-cache")
        await send(message)

    return send_with_headers


class _HeadersOnly:
    """Passes a response on without its body (for HEAD), keeping its headers."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.done = False

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.body":
            if self.done:
                return
            self.done = True
            message = {**message, "body": b"", "more_body": False}
        await self.send(message)


def _send_at_once(transport: asyncio.BaseTransport) -> None:
    """Turn off Nagle's algorithm, as asyncio does for sockets it made itself.

    A listening socket handed to a server by file descriptor (as uvicorn's own
    `--workers` does) is not recognised by asyncio as TCP, so the connections accepted
    from it keep Nagle on and every small response waits for the client's delayed ACK
    (about 40 ms). Whoever made the socket, a connection here always sends at once.
    """
    sock = transport.get_extra_info("socket")
    if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class SlowClientTimeout(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection whose request head is late.

    uvicorn times out idle keep-alive connections, but not a client that connects and
    sends nothing, or sends its request line and headers a byte at a time: each holds a
    connection (and a slot of `limit_concurrency`) for ever. Here the request head must
    be complete within `head_timeout` seconds of the connection or of the last response.
    """

    head_timeout = HEAD_TIMEOUT
    head_timer: asyncio.TimerHandle | None = None
    awaited: object = None  # the request cycle in place when the timer was armed

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        _send_at_once(transport)
        self._expect_head()

    def handle_events(self) -> None:
        super().handle_events()
        if self.head_timer is not None and self.cycle is not self.awaited:
            self._stop_timer()  # a new request's head has arrived

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._expect_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_timer()
        super().connection_lost(exc)

    def _expect_head(self) -> None:
        self._stop_timer()
        self.awaited = self.cycle
        self.head_timer = self.loop.call_later(self.head_timeout, self._head_timed_out)

    def _stop_timer(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None

    def _head_timed_out(self) -> None:
        self.head_timer = None
        answering = self.cycle is not None and not self.cycle.response_complete
        if not answering and not self.transport.is_closing():
            self.transport.close()
