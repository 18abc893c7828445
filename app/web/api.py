"""JSON (and CSV) for every list: claims with the same filters as /claims, sources,
topics and articles. Documented at /openapi.json and /docs."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from itertools import islice
from typing import Any

import orjson
from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.storage import queries
from app.storage.queries import CSV_COLUMNS, ClaimOut, claim_dict, deadline
from app.web import schemas
from app.web.deps import ConnectionDep, UrlsDep
from app.web.errors import NotFound
from app.web.filters import ClaimQueryDep
from app.web.urls import Urls

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": schemas.ErrorBody, "description": "A parameter has a bad value"},
    404: {"model": schemas.ErrorBody, "description": "Nothing by that name"},
}
router = APIRouter(prefix="/api", tags=["claims"], responses=ERRORS)

CSV_LIMIT = 10_000
CSV_SECONDS = 30.0  # ten thousand rows take longer than a page: the CSV's own time limit
JSON = "application/json"


def json_response(body: dict[str, Any]) -> Response:
    """A body of plain values in the documented shape (the route's `response_model`) as
    JSON, serialised once (it is built from the database, so not validated again)."""
    return Response(orjson.dumps(body), media_type=JSON)


@router.get(
    "/claims",
    response_model=schemas.ClaimList,
    name="api_claims",
    summary="Claims matching filters",
)
async def api_claims(request: Request, query: ClaimQueryDep, urls: UrlsDep) -> Response:
    """One page of claims matching the filters (the same as /claims); `next` continues it."""
    page = None
    if "page" in request.query_params:  # an old link: the list from that page's first claim
        number = queries.parse_page(request.query_params.get("page"))
        start = queries.page_start(query, number)
        query = query.starting_at(start)
        if start is None and number > 1:  # past the end: an empty last page, as before
            page = queries.ClaimPage([], *queries.count_claims(query), next=None, first=False)
    page = page or queries.list_claims(query)
    filters = query.filters
    body = {
        "claims": [claim_dict(record) for record in page.claims],
        "total": page.total,
        "total_capped": page.capped,
        "page_size": page.page_size,
        "next": urls.next_page("api_claims", filters, page.next),
        "next_token": page.next.token() if page.next else None,
        "first": urls.api_claims(filters),
        "html": urls.claims(filters),
        "csv": urls.api_claims_csv(filters),
    }
    return json_response(body)


@router.get(
    "/claims.csv",
    name="api_claims_csv",
    response_class=Response,
    summary="Claims matching filters, as CSV",
)
async def api_claims_csv(query: ClaimQueryDep) -> Response:
    """Every claim matching the filters as CSV (up to 10,000 rows), in list order."""
    deadline.extend(query.connection, CSV_SECONDS)
    records = islice(queries.iter_claims(query.connection, query.filters), CSV_LIMIT)
    rows = (ClaimOut.of(record).csv_row() for record in records)
    return csv_response(CSV_COLUMNS, rows, "claims.csv")


@router.get(
    "/claims/{claim_id}", response_model=schemas.Claim, name="api_claim", summary="One claim"
)
async def api_claim(claim_id: str, connection: ConnectionDep) -> Response:
    """One claim by its id."""
    claim = queries.get_claim(connection, claim_id[:100])
    if claim is None:
        raise NotFound(f"There is no claim with the id {claim_id[:64]!r}.")
    return json_response(claim_dict(claim))


def value_items(connection: ConnectionDep, urls: Urls, name: str) -> list[dict[str, Any]]:
    """Every value of dimension `name` (sources or topics) with its claim count and links."""
    items = []
    for value in queries.top_values(connection, name):
        item: dict[str, Any] = {"slug": value.slug, "label": value.label}
        if value.kind is not None:
            item["kind"] = value.kind
        item.update(
            claims=value.count,
            url=urls.value_page(name, value.slug),
            claims_url=urls.api_claims(queries.ClaimFilters().choose(name, (value.slug,))),
        )
        items.append(item)
    return items


@router.get("/sources", response_model=schemas.SourceList, name="api_sources", summary="Sources")
async def api_sources(connection: ConnectionDep, urls: UrlsDep) -> dict[str, Any]:
    """Every source, most claims first."""
    return {"sources": value_items(connection, urls, "source")}


@router.get(
    "/sources.csv", name="api_sources_csv", response_class=Response, summary="Sources, as CSV"
)
async def api_sources_csv(connection: ConnectionDep, urls: UrlsDep) -> Response:
    """Every source as CSV."""
    columns = ("slug", "label", "kind", "claims", "url", "claims_url")
    return csv_response(columns, value_items(connection, urls, "source"), "sources.csv")


@router.get("/topics", response_model=schemas.TopicList, name="api_topics", summary="Topics")
async def api_topics(connection: ConnectionDep, urls: UrlsDep) -> dict[str, Any]:
    """Every topic, most claims first."""
    return {"topics": value_items(connection, urls, "topic")}


@router.get("/topics.csv", name="api_topics_csv", response_class=Response, summary="Topics, as CSV")
async def api_topics_csv(connection: ConnectionDep, urls: UrlsDep) -> Response:
    """Every topic as CSV."""
    columns = ("slug", "label", "claims", "url", "claims_url")
    return csv_response(columns, value_items(connection, urls, "topic"), "topics.csv")


@router.get(
    "/articles/{slug}",
    response_model=schemas.ArticleWithClaims,
    name="api_article",
    summary="One article with its claims",
)
async def api_article(slug: str, connection: ConnectionDep) -> dict[str, Any]:
    """An article, its body, and its claims in reading order."""
    article = queries.get_article(connection, slug)
    if article is None:
        raise NotFound(f"There is no article {slug[:60]!r}.")
    info = article.info
    return {
        "article": {**info.__dict__, "body": article.body},
        "claims": [claim_dict(record) for record in article.claims],
    }


def csv_response(columns: Iterable[str], rows: Iterable[dict[str, Any]], filename: str) -> Response:
    """Rows as UTF-8 CSV (built before the database connection is released)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    headers = {"Content-Disposition": f'inline; filename="{filename}"'}
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
