"""Dependencies the routes declare: a read-only database connection, the URL builder,
the templates, and the claim filters read from the query string."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import OperationalError

from app.storage import queries
from app.storage.queries import ClaimFilters
from app.web.filters import RawFilters, parse_filters
from app.web.urls import Urls

QUERY_SECONDS = 5.0  # a request whose queries run longer is stopped
CHECK_EVERY = 10_000  # SQLite virtual-machine steps between two looks at the clock


async def get_connection(request: Request) -> AsyncIterator[Connection]:
    """A connection to the read-only engine, for one request, with a time limit.

    A request waits for a free connection here, on the event loop, never in a worker
    thread: were every thread waiting for a connection, the requests holding the
    connections could get no thread to finish on, and the server would stall. Past the
    wait the pool has a connection ready, so taking and returning it do not block.
    """
    async with request.app.state.connection_slots:
        connection = _open(request.app.state.engine)
        try:
            yield connection
        finally:
            _close(connection)


def _open(engine: Engine) -> Connection:
    connection = engine.connect()
    deadline = time.monotonic() + QUERY_SECONDS
    raw = connection.connection.driver_connection
    if isinstance(raw, sqlite3.Connection):
        raw.set_progress_handler(lambda: int(time.monotonic() > deadline), CHECK_EVERY)
        return connection

    # Elsewhere the server stops any one long statement (statement_timeout); the request
    # as a whole stops at the next statement once its time is up.
    def check_deadline(*_: object) -> None:
        if time.monotonic() > deadline:
            raise OperationalError("", None, TimeoutError("the request ran out of time"))

    event.listen(connection, "before_cursor_execute", check_deadline)
    connection.info["deadline_check"] = check_deadline
    return connection


def _close(connection: Connection) -> None:
    if not connection.closed:
        raw = connection.connection.driver_connection
        if isinstance(raw, sqlite3.Connection):
            raw.set_progress_handler(None, 0)
        check = connection.info.pop("deadline_check", None)
        if check is not None:
            event.remove(connection, "before_cursor_execute", check)
    connection.close()


ConnectionDep = Annotated[Connection, Depends(get_connection)]


def get_urls(request: Request) -> Urls:
    """The URL builder for this request."""
    return Urls(request)


UrlsDep = Annotated[Urls, Depends(get_urls)]


def get_templates(request: Request) -> Jinja2Templates:
    """The app's templates."""
    return request.app.state.templates


TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]


class _Names:
    """Resolves source, topic and actor names against the database."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def source(self, value: str) -> str | None:
        return queries.resolve_source(self.connection, value)

    def topic(self, value: str) -> str | None:
        return queries.resolve_topic(self.connection, value)

    def actor(self, value: str) -> str | None:
        return queries.resolve_entity(self.connection, value)


def get_filters(
    connection: ConnectionDep,
    source: Annotated[
        list[str], Query(description="Source slug, label or alias; repeat for several")
    ] = [],  # noqa: B006  (FastAPI copies defaults)
    topic: Annotated[list[str], Query(description="Topic slug or label; repeat for several")] = [],  # noqa: B006
    actor: Annotated[str | None, Query(description="Who does what is claimed")] = None,
    stance: Annotated[
        str | None, Query(description="confirmed, asserted, reported, concerned, believes, denied")
    ] = None,
    date_from: Annotated[
        str | None, Query(alias="from", description="Said on or after: YYYY-MM-DD, YYYY-MM, YYYY")
    ] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Said on or before")] = None,
    q: Annotated[str | None, Query(description="Words to search for")] = None,
    hide_unattributed: Annotated[
        str | None, Query(description="1 to leave out the article's own narration")
    ] = None,
    sort: Annotated[str | None, Query(description="newest, oldest or relevance")] = None,
    page: Annotated[str | None, Query(description="Page number, from 1")] = None,
) -> ClaimFilters:
    """The validated claim filters of this request."""
    raw = RawFilters(
        source, topic, actor, stance, date_from, date_to, q, hide_unattributed, sort, page
    )
    return parse_filters(raw, _Names(connection))


FiltersDep = Annotated[ClaimFilters, Depends(get_filters)]
