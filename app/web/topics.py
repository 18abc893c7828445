"""All topics, and one topic's claims grouped by source."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.storage import queries
from app.storage.queries import ClaimFilters
from app.web.deps import ConnectionDep, TemplatesDep, UrlsDep
from app.web.errors import NotFound

router = APIRouter(include_in_schema=False)

CLAIMS_PER_GROUP = 5


@router.get("/topics", response_class=HTMLResponse, name="topics")
def topic_list(
    request: Request, connection: ConnectionDep, templates: TemplatesDep, urls: UrlsDep
) -> HTMLResponse:
    """Every topic with its claim count."""
    context = {"urls": urls, "topics": queries.topic_counts(connection)}
    return templates.TemplateResponse(request, "topics.html", context)


@router.get("/topics/{slug}", response_class=HTMLResponse, name="topic")
def topic_page(
    request: Request,
    slug: str,
    connection: ConnectionDep,
    templates: TemplatesDep,
    urls: UrlsDep,
) -> HTMLResponse:
    """One topic: its claims grouped by source."""
    found = queries.get_topic(connection, slug)
    if found is None:
        raise NotFound(f"There is no topic {slug[:60]!r}.")
    topic, count = found
    filters = ClaimFilters(topics=(topic.slug,))
    context = {
        "urls": urls,
        "topic": topic,
        "count": count,
        "filters": filters,
        "groups": queries.grouped_claims(connection, "source", filters, CLAIMS_PER_GROUP),
    }
    return templates.TemplateResponse(request, "topic.html", context)
