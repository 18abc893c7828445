"""Time limits on a connection's queries: one for a whole request, tighter ones for a part.

A request's connection gets a deadline (`start`); any query still running past it is
stopped, and the request fails (a 503 page). A part of the page that may be slow, such
as a facet, runs inside `time_limit(connection, seconds)`: past that limit only the part
stops (`TimedOut`), and the page shows it as timed out and answers anyway.

SQLite checks the clock every `CHECK_EVERY` virtual-machine steps (a progress handler);
PostgreSQL stops a statement at `statement_timeout`, set per part inside a savepoint so
that a cancelled statement leaves the request's transaction usable.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, event, text
from sqlalchemy.exc import OperationalError

from app.storage.db import PG_STATEMENT_MS

CHECK_EVERY = 1_000  # SQLite virtual-machine steps between two looks at the clock
LIMITS = "claimtrack_deadlines"  # connection.info key: the deadlines in force, innermost last
CHECK = "claimtrack_deadline_check"


class TimedOut(Exception):
    """A part of a request ran past its own time limit."""


def start(connection: Connection, seconds: float) -> None:
    """Stop the connection's queries `seconds` from now (the whole request's limit)."""
    limits = connection.info[LIMITS] = [time.monotonic() + seconds]
    raw = connection.connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        raw.set_progress_handler(lambda: int(time.monotonic() > limits[-1]), CHECK_EVERY)
        return

    # Elsewhere the server stops any one long statement (statement_timeout); the request
    # as a whole stops at the next statement once its time is up.
    def check_deadline(*_: object) -> None:
        if time.monotonic() > limits[0]:
            raise OperationalError("", None, TimeoutError("the request ran out of time"))

    event.listen(connection, "before_cursor_execute", check_deadline)
    connection.info[CHECK] = check_deadline


def check(connection: Connection) -> None:
    """Fail now if the request ran out of time (for statements run on the driver's own
    connection, which SQLAlchemy's events do not see; SQLite's handler sees them all)."""
    check_deadline = connection.info.get(CHECK)
    if check_deadline is not None:
        check_deadline()


def extend(connection: Connection, seconds: float) -> None:
    """Give the request `seconds` from now in all (a bulk export gets longer than a page)."""
    limits: list[float] | None = connection.info.get(LIMITS)
    if limits is not None:
        limits[0] = limits[-1] = max(limits[0], time.monotonic() + seconds)


def stop(connection: Connection) -> None:
    """Remove the limits (before the connection goes back to the pool)."""
    if connection.closed:
        return
    raw = connection.connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        raw.set_progress_handler(None, 0)
    check = connection.info.pop(CHECK, None)
    if check is not None:
        event.remove(connection, "before_cursor_execute", check)
    connection.info.pop(LIMITS, None)


@contextmanager
def time_limit(connection: Connection, seconds: float) -> Iterator[None]:
    """Run a block with at most `seconds` more; `TimedOut` if the block runs past them.

    Past the request's own deadline the database error is raised as it is, so the
    request fails as a whole.
    """
    limits: list[float] = connection.info.setdefault(LIMITS, [float("inf")])
    ends = min(limits[-1], time.monotonic() + seconds)
    if ends <= time.monotonic():
        raise TimedOut()  # no time left to start it
    if connection.dialect.name == "postgresql":
        with _pg_time_limit(connection, ends, limits[0]):
            yield
        return
    limits.append(ends)
    try:
        yield
    except OperationalError:
        if time.monotonic() > ends and time.monotonic() <= limits[0]:
            raise TimedOut() from None
        raise
    finally:
        limits.pop()


@contextmanager
def _pg_time_limit(connection: Connection, ends: float, request_ends: float) -> Iterator[None]:
    milliseconds = max(1, int((ends - time.monotonic()) * 1000))
    try:
        with connection.begin_nested():
            connection.execute(text(f"SET LOCAL statement_timeout = {milliseconds}"))
            yield
            connection.execute(text(f"SET LOCAL statement_timeout = {PG_STATEMENT_MS}"))
    except OperationalError as error:
        cancelled = "statement timeout" in str(error.orig) or "canceling statement" in str(error)
        if cancelled and time.monotonic() <= request_ends:
            raise TimedOut() from None
        raise
