"""JSON (and CSV) for every list: claims with the same filters as /claims, sources,
topics and articles. Documented at /openapi.json and /docs."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter
from fastapi.responses import Response

from app.export import CSV_COLUMNS
from app.storage import queries
from app.storage.queries import ClaimFilters
from app.web import schemas
from app.web.deps import ConnectionDep, FiltersDep, UrlsDep
from app.web.errors import NotFound
from app.web.serialize import claim_csv_row, claim_json

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": schemas.ErrorBody, "description": "A parameter has a bad value"},
    404: {"model": schemas.ErrorBody, "description": "Nothing by that name"},
}
router = APIRouter(prefix="/api", tags=["claims"], responses=ERRORS)

CSV_LIMIT = 10_000


@router.get(
    "/claims",
    response_model=schemas.ClaimList,
    name="api_claims",
    summary="Claims matching filters",
)
def api_claims(connection: ConnectionDep, filters: FiltersDep, urls: UrlsDep) -> dict[str, Any]:
    """One page of claims matching the filters (the same as /claims)."""
    page = queries.list_claims(connection, filters)
    return {
        "claims": [claim_json(record) for record in page.claims],
        "total": page.total,
        "total_capped": page.capped,
        "page": page.page,
        "pages": page.pages,
        "page_size": page.page_size,
        "next": urls.api_claims(filters, page=page.page + 1) if page.page < page.pages else None,
        "previous": urls.api_claims(filters, page=page.page - 1) if page.page > 1 else None,
        "html": urls.claims(filters),
        "csv": urls.api_claims_csv(filters),
    }


@router.get(
    "/claims.csv",
    name="api_claims_csv",
    response_class=Response,
    summary="Claims matching filters, as CSV",
)
def api_claims_csv(connection: ConnectionDep, filters: FiltersDep) -> Response:
    """Every claim matching the filters as CSV (up to 10,000 rows), in list order."""
    rows = (claim_csv_row(r) for r in queries.iter_claims(connection, filters, CSV_LIMIT))
    return csv_response(CSV_COLUMNS, rows, "claims.csv")


@router.get(
    "/claims/{claim_id}", response_model=schemas.Claim, name="api_claim", summary="One claim"
)
def api_claim(claim_id: str, connection: ConnectionDep) -> dict[str, Any]:
    """One claim by its id."""
    claim = queries.get_claim(connection, claim_id[:100])
    if claim is None:
        raise NotFound(f"There is no claim with the id {claim_id[:64]!r}.")
    return claim_json(claim)


def source_items(connection: ConnectionDep, urls: UrlsDep) -> list[dict[str, Any]]:
    """Every source with its claim count and links."""
    return [
        {
            "slug": s.slug,
            "label": s.label,
            "kind": s.kind,
            "claims": s.count,
            "url": urls.source(s.slug),
            "claims_url": urls.api_claims(ClaimFilters(sources=(s.slug,))),
        }
        for s in queries.source_counts(connection)
    ]


@router.get("/sources", response_model=schemas.SourceList, name="api_sources", summary="Sources")
def api_sources(connection: ConnectionDep, urls: UrlsDep) -> dict[str, Any]:
    """Every source, most claims first."""
    return {"sources": source_items(connection, urls)}


@router.get(
    "/sources.csv", name="api_sources_csv", response_class=Response, summary="Sources, as CSV"
)
def api_sources_csv(connection: ConnectionDep, urls: UrlsDep) -> Response:
    """Every source as CSV."""
    columns = ("slug", "label", "kind", "claims", "url", "claims_url")
    return csv_response(columns, source_items(connection, urls), "sources.csv")


def topic_items(connection: ConnectionDep, urls: UrlsDep) -> list[dict[str, Any]]:
    """Every topic with its claim count and links."""
    return [
        {
            "slug": t.slug,
            "label": t.label,
            "claims": n,
            "url": urls.topic(t.slug),
            "claims_url": urls.api_claims(ClaimFilters(topics=(t.slug,))),
        }
        for t, n in queries.topic_counts(connection)
    ]


@router.get("/topics", response_model=schemas.TopicList, name="api_topics", summary="Topics")
def api_topics(connection: ConnectionDep, urls: UrlsDep) -> dict[str, Any]:
    """Every topic, most claims first."""
    return {"topics": topic_items(connection, urls)}


@router.get("/topics.csv", name="api_topics_csv", response_class=Response, summary="Topics, as CSV")
def api_topics_csv(connection: ConnectionDep, urls: UrlsDep) -> Response:
    """Every topic as CSV."""
    columns = ("slug", "label", "claims", "url", "claims_url")
    return csv_response(columns, topic_items(connection, urls), "topics.csv")


@router.get(
    "/articles/{slug}",
    response_model=schemas.ArticleWithClaims,
    name="api_article",
    summary="One article with its claims",
)
def api_article(slug: str, connection: ConnectionDep) -> dict[str, Any]:
    """An article, its body, and its claims in reading order."""
    article = queries.get_article(connection, slug)
    if article is None:
        raise NotFound(f"There is no article {slug[:60]!r}.")
    info = article.info
    return {
        "article": {**info.__dict__, "body": article.body},
        "claims": [claim_json(record) for record in article.claims],
    }


def csv_response(columns: Iterable[str], rows: Iterable[dict[str, Any]], filename: str) -> Response:
    """Rows as UTF-8 CSV (built before the database connection is released)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    headers = {"Content-Disposition": f'inline; filename="{filename}"'}
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
