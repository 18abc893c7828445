"""Dependencies the routes declare: a read-only database connection with a time limit,
the URL builder and the templates. The claim filters are in `app.web.filters`.

Routes and dependencies are coroutines and run their queries on the event loop: a page's
queries take milliseconds and each worker process has a core, so handing every request
to a thread and back (and the threads fighting for the interpreter lock) cost more than
it gave. The request's time limit still stops any query that runs long.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from sqlalchemy import Connection

from app.storage.queries import deadline
from app.web.urls import Urls

QUERY_SECONDS = 5.0  # a request whose queries run longer is stopped


async def get_connection(request: Request) -> AsyncIterator[Connection]:
    """A connection to the read-only engine, for one request, with a time limit.

    A request waits for a free connection here, on the event loop, never in a worker
    thread: were every thread waiting for a connection, the requests holding the
    connections could get no thread to finish on, and the server would stall. Past the
    wait the pool has a connection ready, so taking and returning it do not block.
    """
    async with request.app.state.connection_slots:
        connection = request.app.state.engine.connect()
        deadline.start(connection, QUERY_SECONDS)
        try:
            yield connection
        finally:
            deadline.stop(connection)
            connection.close()


ConnectionDep = Annotated[Connection, Depends(get_connection)]


async def get_urls(request: Request) -> Urls:
    """The URL builder for this request."""
    return Urls(request)


UrlsDep = Annotated[Urls, Depends(get_urls)]


async def get_templates(request: Request) -> Jinja2Templates:
    """The app's templates."""
    return request.app.state.templates


TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]
