"""Errors that carry an HTTP status, and the one handler that shows them.

A page gets the error rendered inside the site layout with a way back; a path under
/api gets JSON. Unexpected exceptions become a plain 500 page without a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.storage.queries.spec import FilterError

log = logging.getLogger(__name__)

TITLES = {
    400: "Bad request",
    404: "Not found",
    405: "Method not allowed",
    503: "Try again later",
    500: "Something went wrong",
}


class HTTPProblem(Exception):
    """An error a reader should see, with its HTTP status."""

    status = 500

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadRequest(HTTPProblem):
    """A parameter has a value the app cannot use."""

    status = 400


class NotFound(HTTPProblem):
    """The claim, source, topic or article asked for does not exist."""

    status = 404


def is_api(request: Request) -> bool:
    """True for JSON routes, which get JSON errors."""
    path = request.url.path
    return path == "/api" or path.startswith("/api/") or path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """Render an error as JSON under /api, or as a page in the site layout."""
    title = TITLES.get(status, "Error")
    headers = {"Allow": "GET, HEAD"} if status == 405 else None
    if is_api(request):
        body = {"error": {"status": status, "title": title, "message": message}}
        return JSONResponse(body, status_code=status, headers=headers)
    from app.web.urls import Urls  # here: urls -> filters -> errors would be circular

    templates = request.app.state.templates
    context: dict[str, Any] = {"status": status, "title": title, "message": message}
    context["urls"] = Urls(request)
    return templates.TemplateResponse(
        request, "error.html", context, status_code=status, headers=headers
    )


async def on_problem(request: Request, exc: Exception) -> Response:
    """Handle the app's own errors."""
    assert isinstance(exc, HTTPProblem)
    return error_response(request, exc.status, exc.message)


async def on_filter_error(request: Request, exc: Exception) -> Response:
    """A filter the query layer refused (a bad value, an unknown or ambiguous name): 400."""
    assert isinstance(exc, FilterError)
    return error_response(request, 400, exc.message)


async def on_http_exception(request: Request, exc: Exception) -> Response:
    """Handle routing errors: unknown paths and methods."""
    assert isinstance(exc, StarletteHTTPException)
    messages = {
        404: "There is no page at this address.",
        405: "This site is read-only: only GET and HEAD requests are served.",
    }
    message = messages.get(exc.status_code, str(exc.detail))
    return error_response(request, exc.status_code, message)


async def on_validation_error(request: Request, exc: Exception) -> Response:
    """Turn a parameter FastAPI could not read into a 400 that names it."""
    assert isinstance(exc, RequestValidationError)
    problems = [
        f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg', 'invalid')}"
        for e in exc.errors()
    ]
    return error_response(request, 400, "Bad parameter: " + "; ".join(problems))


async def on_database_error(request: Request, exc: Exception) -> Response:
    """A query stopped by the time limit (or a database that went away): 503, not 500."""
    log.warning("database error on %s: %s", request.url.path, exc)
    message = "The database took too long to answer. Try a narrower filter, or try again."
    return error_response(request, 503, message)


async def on_unexpected(request: Request, exc: Exception) -> Response:
    """Log a bug and show a short page rather than a traceback."""
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return error_response(request, 500, "The page could not be shown. Please try again later.")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers on an app."""
    app.add_exception_handler(HTTPProblem, on_problem)
    app.add_exception_handler(FilterError, on_filter_error)
    app.add_exception_handler(StarletteHTTPException, on_http_exception)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(OperationalError, on_database_error)
    app.add_exception_handler(Exception, on_unexpected)
