"""Conditional requests: pages carry an ETag and Last-Modified taken from the database's
last load, and a client that has the current copy gets a 304 instead of the page.

A SQLite database's stamp is its file's time and size (`FileStamp`); a server database
records one with every load, read at most once a second (`DatabaseStamp`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

from sqlalchemy import Engine
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import Message, Send

from app.storage.queries.info import load_info
from app.web.security import add_safe_headers

APP_VERSION = "2"  # bump when pages change shape, so cached copies are not reused
REREAD_SECONDS = 1.0
Stamp = tuple[str, float]  # (etag, modified time)


class FileStamp:
    """When a SQLite file was last written."""

    def __init__(self, database_file: Path) -> None:
        self.files = [str(database_file), f"{database_file}-wal"]

    def current(self) -> Stamp | None:
        """(etag, modified time) of the database's load; None when unknown."""
        stats = [found for found in map(_stat, self.files) if found is not None]
        if not stats:
            return None
        modified = max(s.st_mtime for s in stats)
        fingerprint = "-".join(f"{s.st_mtime_ns:x}-{s.st_size:x}" for s in stats)
        return f'W/"{APP_VERSION}-{fingerprint}"', modified


def _stat(path: str) -> os.stat_result | None:
    """The file's status; None when it does not exist (one system call: every request)."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


class DatabaseStamp:
    """(etag, modified time) from the `load_info` row, cached briefly."""

    def __init__(self, engine: Callable[[], Engine]) -> None:
        self.engine = engine
        self.cached: Stamp | None = None
        self.read_at = -REREAD_SECONDS

    def current(self) -> Stamp | None:
        """The stamp of the last load; None when the database has none."""
        if time.monotonic() - self.read_at >= REREAD_SECONDS:
            with self.engine().connect() as connection:
                info = load_info(connection)
            self.cached = (f'W/"{APP_VERSION}-{info.stamp}"', info.loaded_at) if info else None
            self.read_at = time.monotonic()
        return self.cached


def not_modified(headers: Headers, stamp: Stamp) -> bool:
    """Whether the client's copy (If-None-Match, If-Modified-Since) is current."""
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


def _stamp_headers(headers: MutableHeaders, stamp: Stamp) -> None:
    headers["etag"] = stamp[0]
    headers["last-modified"] = formatdate(stamp[1], usegmt=True)
    headers.setdefault("cache-control", "no-cache")


async def send_not_modified(send: Send, stamp: Stamp) -> None:
    """A 304 with the stamp and the safe headers."""
    headers = MutableHeaders()
    add_safe_headers(headers)
    _stamp_headers(headers, stamp)
    await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
    await send({"type": "http.response.body", "body": b""})


def with_stamp(send: Send, stamp: Stamp | None) -> Send:
    """`send` that stamps a 200 response with the ETag and Last-Modified of `stamp`."""
    if stamp is None:
        return send

    async def send_stamped(message: Message) -> None:
        if message["type"] == "http.response.start" and message["status"] == 200:
            _stamp_headers(MutableHeaders(scope=message), stamp)
        await send(message)

    return send_stamped
