"""All sources, and one source's claims grouped by topic with its speakers."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.storage import queries
from app.storage.queries import ClaimFilters
from app.web.deps import ConnectionDep, TemplatesDep, UrlsDep
from app.web.errors import NotFound

router = APIRouter(include_in_schema=False)

CLAIMS_PER_GROUP = 5


@router.get("/sources", response_class=HTMLResponse, name="sources")
def source_list(
    request: Request, connection: ConnectionDep, templates: TemplatesDep, urls: UrlsDep
) -> HTMLResponse:
    """Every source with its kind and claim count."""
    context = {"urls": urls, "sources": queries.source_counts(connection)}
    return templates.TemplateResponse(request, "sources.html", context)


@router.get("/sources/{slug}", response_class=HTMLResponse, name="source")
def source_page(
    request: Request,
    slug: str,
    connection: ConnectionDep,
    templates: TemplatesDep,
    urls: UrlsDep,
) -> HTMLResponse:
    """One source: its speakers and its claims grouped by topic."""
    source = queries.get_source(connection, slug)
    if source is None:
        raise NotFound(f"There is no source {slug[:60]!r}.")
    filters = ClaimFilters(sources=(source.slug,))
    context = {
        "urls": urls,
        "source": source,
        "filters": filters,
        "speakers": queries.speakers(connection, source.slug),
        "groups": queries.grouped_claims(connection, "topic", filters, CLAIMS_PER_GROUP),
    }
    return templates.TemplateResponse(request, "source.html", context)
