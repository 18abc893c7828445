"""The load stamp of a database that is not a file (PostgreSQL), for ETags.

A SQLite database's stamp is its file's time and size (`app.web.security.LoadStamp`);
a server database records one with every load, read here at most once a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import Engine

from app.storage.queries.info import load_info
from app.web.security import APP_VERSION

REREAD_SECONDS = 1.0


class DatabaseStamp:
    """(etag, modified time) from the `load_info` row, cached briefly."""

    def __init__(self, engine: Callable[[], Engine]) -> None:
        self.engine = engine
        self.cached: tuple[str, float] | None = None
        self.read_at = -REREAD_SECONDS

    def current(self) -> tuple[str, float] | None:
        """The stamp of the last load; None when the database has none."""
        if time.monotonic() - self.read_at >= REREAD_SECONDS:
            with self.engine().connect() as connection:
                info = load_info(connection)
            self.cached = (f'W/"{APP_VERSION}-{info.stamp}"', info.loaded_at) if info else None
            self.read_at = time.monotonic()
        return self.cached
