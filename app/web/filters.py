"""The claim filters of a request: read from the query string once, written back in one
canonical form.

The parameters are the dimensions' (`app.storage.queries.dimensions`) and the common
ones (`from`, `to`, `q`, `hide_unattributed`, `sort`, `next`, and the old `page`). The
dependency's signature, and so the API documentation, is built from those descriptions.
"""

from __future__ import annotations

import inspect
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from app.storage.queries import DIMENSIONS, ClaimQuery, parse_filters
from app.web.deps import ConnectionDep
from app.web.urls import canonical_query

__all__ = ["ClaimQueryDep", "canonical_query", "get_claim_query"]

COMMON_PARAMETERS: tuple[tuple[str, str, str], ...] = (
    ("date_from", "from", "Said on or after: YYYY-MM-DD, YYYY-MM or YYYY"),
    ("date_to", "to", "Said on or before"),
    ("q", "q", "Words to search for"),
    ("hide_unattributed", "hide_unattributed", "1 to leave out the article's own narration"),
    ("sort", "sort", "newest, oldest or relevance"),
    ("next", "next", "Where the page starts: the `next_token` of the page before"),
    ("page", "page", "Old page number, from 1 (lists now continue with `next`)"),
)


async def _raw_values(request: Request, connection: ConnectionDep, **_: Any) -> ClaimQuery:
    raw = {name: request.query_params.getlist(name) for name in request.query_params}
    return ClaimQuery(connection, parse_filters(connection, raw))


def _documented(function: Any) -> Any:
    """`function` with one documented query parameter per filter, for FastAPI and OpenAPI.

    The values are read from the request itself; the parameters only describe them.
    """
    parameters = [
        inspect.Parameter("request", inspect.Parameter.KEYWORD_ONLY, annotation=Request),
        inspect.Parameter("connection", inspect.Parameter.KEYWORD_ONLY, annotation=ConnectionDep),
    ]
    described = [(d.name, d.name, d.help, list[str] if d.many else str | None) for d in DIMENSIONS]
    described += [(name, alias, help_, str | None) for name, alias, help_ in COMMON_PARAMETERS]
    for name, alias, help_, kind in described:
        annotation = Annotated[kind, Query(alias=alias, description=help_)]  # type: ignore[valid-type]
        default: list[str] | None = [] if kind == list[str] else None
        parameters.append(
            inspect.Parameter(
                f"p_{name}", inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
            )
        )
    function.__signature__ = inspect.Signature(parameters, return_annotation=ClaimQuery)
    return function


get_claim_query = _documented(_raw_values)
ClaimQueryDep = Annotated[ClaimQuery, Depends(get_claim_query)]
