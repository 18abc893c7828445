"""The response headers that keep every page safe: a strict Content-Security-Policy (no
inline script), no MIME sniffing, no framing, a careful referrer policy. Every response
carries them, error pages, 304s and static files included (`app.web.gate` adds them)."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import Message, Send

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


def add_safe_headers(headers: MutableHeaders) -> None:
    """Set the safe headers a response does not set itself."""
    for name, value in SAFE_HEADERS.items():
        headers.setdefault(name, value)


def with_safe_headers(send: Send) -> Send:
    """`send` that adds the safe headers to the response's start."""

    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            add_safe_headers(MutableHeaders(scope=message))
        await send(message)

    return send_with_headers
