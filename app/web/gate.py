"""The request gate every request passes before any route: methods, sizes, caching.

Only GET and HEAD reach the app; anything else is answered 405 here. An address longer
than `MAX_TARGET_BYTES` gets a 414 and headers beyond `MAX_HEADER_BYTES` (or
`MAX_HEADERS` of them) a 431. A client holding the current copy gets a 304. Every
answer carries the safe headers (`app.web.security`); an error no handler caught
becomes a plain 500 page here, so it carries them too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.web.caching import Stamp, not_modified, send_not_modified, with_stamp
from app.web.errors import error_response
from app.web.security import with_safe_headers

log = logging.getLogger(__name__)

ALLOWED_METHODS = ("GET", "HEAD")
MAX_TARGET_BYTES = 16384  # path and query: a long search still gets its own 400 message
MAX_HEADER_BYTES = 8192  # all request headers together, as nginx's default buffer
MAX_HEADERS = 64


class RequestGate:
    """Refuses methods other than GET/HEAD and oversized requests; answers 304s."""

    def __init__(self, app: ASGIApp, stamp: Callable[[], Stamp | None], refuse: ASGIApp) -> None:
        self.app = app
        self.stamp = stamp
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = with_safe_headers(send)
        if scope["method"] not in ALLOWED_METHODS:
            await self.refuse(scope, receive, send)
            return
        if scope["method"] == "HEAD":
            # Routes are declared for GET; HEAD runs them and sends the headers only.
            scope = {**scope, "method": "GET"}
            send = _HeadersOnly(send)
        too_big = oversized(scope)
        if too_big is not None:
            await error_response(Request(scope), *too_big)(scope, receive, send)
            return
        stamp = None if scope["path"].startswith("/static/") else self.stamp()
        if stamp and not_modified(Headers(scope=scope), stamp):
            await send_not_modified(send, stamp)
            return
        await _serve_or_fail(self.app, scope, receive, with_stamp(send, stamp))


def oversized(scope: Scope) -> tuple[int, str] | None:
    """(status, message) if the request's address or headers are over the limits."""
    target = len(scope.get("raw_path") or scope["path"].encode()) + len(scope["query_string"])
    if target > MAX_TARGET_BYTES:
        return 414, f"This address is too long: at most {MAX_TARGET_BYTES:,} bytes are served."
    headers = scope["headers"]
    if len(headers) > MAX_HEADERS or sum(len(k) + len(v) for k, v in headers) > MAX_HEADER_BYTES:
        return 431, f"The request's headers are too large: at most {MAX_HEADER_BYTES:,} bytes."
    return None


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
