"""Browsing by source and by topic: all values of the dimension, and one value's claims
grouped by the other dimension. Each browsable dimension is one `Browsable` entry."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import Connection

from app.storage import queries
from app.storage.queries import ClaimFilters
from app.web.deps import ConnectionDep, TemplatesDep, UrlsDep
from app.web.errors import NotFound

router = APIRouter(include_in_schema=False)

CLAIMS_PER_GROUP = 5


def _source_extras(connection: Connection, slug: str) -> dict[str, Any]:
    return {"speakers": queries.speakers(connection, slug)}


@dataclass(frozen=True)
class Browsable:
    """A dimension with pages: `/{plural}` lists its values, `/{plural}/{slug}` shows one
    value's claims grouped by `group_by`."""

    name: str
    plural: str
    group_by: str
    extras: Callable[[Connection, str], dict[str, Any]] = field(default=lambda *_: {})


BROWSABLE = (
    Browsable("source", "sources", group_by="topic", extras=_source_extras),
    Browsable("topic", "topics", group_by="source"),
)


def _all_values(browsable: Browsable) -> Callable[..., Awaitable[HTMLResponse]]:
    async def view(
        request: Request, connection: ConnectionDep, templates: TemplatesDep, urls: UrlsDep
    ) -> HTMLResponse:
        values = queries.top_values(connection, browsable.name)
        context = {"urls": urls, "values": values}
        return templates.TemplateResponse(request, f"{browsable.plural}.html", context)

    view.__doc__ = f"Every {browsable.name} with its claim count."
    return view


def _one_value(browsable: Browsable) -> Callable[..., Awaitable[HTMLResponse]]:
    async def view(
        request: Request,
        slug: str,
        connection: ConnectionDep,
        templates: TemplatesDep,
        urls: UrlsDep,
    ) -> HTMLResponse:
        value = queries.get_value(connection, browsable.name, slug)
        if value is None:
            raise NotFound(f"There is no {browsable.name} {slug[:60]!r}.")
        filters = ClaimFilters().choose(browsable.name, (value.slug,))
        groups = queries.grouped_claims(connection, browsable.group_by, filters, CLAIMS_PER_GROUP)
        context = {"urls": urls, "value": value, "filters": filters, "groups": groups}
        context.update(browsable.extras(connection, value.slug))
        return templates.TemplateResponse(request, f"{browsable.name}.html", context)

    view.__doc__ = f"One {browsable.name}: its claims grouped by {browsable.group_by}."
    return view


for _browsable in BROWSABLE:
    router.add_api_route(
        f"/{_browsable.plural}",
        _all_values(_browsable),
        name=_browsable.plural,
        response_class=HTMLResponse,
    )
    router.add_api_route(
        f"/{_browsable.plural}/{{slug}}",
        _one_value(_browsable),
        name=_browsable.name,
        response_class=HTMLResponse,
    )
