"""The web dashboard: `create_app(database_url)` builds the FastAPI app.

Nothing is opened at import time: the read-only engine is made in the lifespan.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
import jinja2
from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.types import Receive, Scope, Send

from app.storage.db import SERVING_CONNECTIONS, make_engine, sqlite_path
from app.web import api, articles, browse, claims, docs, feeds, pages, stories, story_api
from app.web.caching import DatabaseStamp, FileStamp
from app.web.errors import error_response, install_error_handlers
from app.web.gate import RequestGate
from app.web.present import date_words, figure_words, marked_html, plural, said_on_words

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = PROJECT_ROOT / "templates"
STATIC = PROJECT_ROOT / "static"

__all__ = ["create_app"]


def make_templates() -> Jinja2Templates:
    """Templates with autoescaping on and the few formatting filters pages use."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates ship with the release: no file check per page
    )
    environment.filters.update(
        said_on=said_on_words,
        date_words=date_words,
        plural=plural,
        marked=marked_html,
        figure=figure_words,
    )
    return Jinja2Templates(env=environment)


async def refuse_method(scope: Scope, receive: Receive, send: Send) -> None:
    """Answer 405 to anything but GET and HEAD, as a page or as JSON."""
    request = Request(scope, receive)
    message = "This site is read-only: only GET and HEAD requests are served."
    response = error_response(request, 405, message)
    await response(scope, receive, send)


def create_app(database_url: str) -> FastAPI:
    """The dashboard app over the database at `database_url`, opened read-only."""

    path = sqlite_path(database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engines = [make_engine(database_url, read_only=True)]
        app.state.engine = engines[0]
        app.state.connection_slots = anyio.Semaphore(SERVING_CONNECTIONS)
        if path is None:
            # A server database's load stamp is read on the event loop: from an engine of
            # its own, so that it never waits for a connection the requests hold.
            app.state.stamp_engine = make_engine(database_url, read_only=True)
            engines.append(app.state.stamp_engine)
        try:
            yield
        finally:
            for engine in engines:
                engine.dispose()

    app = FastAPI(
        title="claimtrack",
        summary="Who claims what in the news: attributed claims, by source and topic.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        # The app sets up no OpenTelemetry; with it on, FastAPI looks for providers and
        # records each request's span and metrics.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.templates = make_templates()
    stamp = FileStamp(path) if path else DatabaseStamp(lambda: app.state.stamp_engine)
    app.add_middleware(RequestGate, stamp=stamp.current, refuse=refuse_method)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (pages, feeds, claims, browse, stories, articles, api, story_api, docs):
        app.include_router(module.router)
    return app
