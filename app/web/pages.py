"""The overview page: claims by source, the most repeated claims, topics, a source-by-topic
matrix, a timeline."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.storage import queries
from app.storage.queries import ClaimFilters, ClaimRecord, FacetValue
from app.web.charts import timeline_chart
from app.web.deps import ConnectionDep, TemplatesDep, UrlsDep
from app.web.urls import Urls

router = APIRouter(include_in_schema=False)

OVERVIEW_SOURCES = 24
CLAIMS_PER_SOURCE = 3
NEWEST = 5
MOST_REPEATED = 5


@dataclass(frozen=True)
class SourceSection:
    source: FacetValue
    claims: list[ClaimRecord]


@dataclass(frozen=True)
class Cell:
    count: int
    url: str | None


@dataclass(frozen=True)
class MatrixRow:
    source: FacetValue
    cells: list[Cell]


def of_source(slug: str) -> ClaimFilters:
    """The claims of one source."""
    return ClaimFilters().choose("source", (slug,))


def matrix_rows(
    counts: dict[tuple[str, str], int],
    sources: list[FacetValue],
    topics: list[FacetValue],
    urls: Urls,
) -> list[MatrixRow]:
    """A row per source, a cell per topic, each cell linking to that filtered list."""
    rows = []
    for source in sources:
        cells = []
        for topic in topics:
            count = counts.get((source.slug, topic.slug), 0)
            filters = of_source(source.slug).choose("topic", (topic.slug,))
            cells.append(Cell(count, urls.claims(filters) if count else None))
        rows.append(MatrixRow(source, cells))
    return rows


@router.get("/", response_class=HTMLResponse, name="overview")
async def overview(
    request: Request, connection: ConnectionDep, templates: TemplatesDep, urls: UrlsDep
) -> HTMLResponse:
    """Claims grouped by source with counts, the most repeated claims, topics, the matrix
    and the timeline."""
    sources = queries.top_values(connection, "source", OVERVIEW_SOURCES)
    sources.sort(key=lambda source: source.kind == "unattributed")  # narration last
    sections = [
        SourceSection(s, queries.newest_claims(connection, of_source(s.slug), CLAIMS_PER_SOURCE))
        for s in sources
    ]
    topics = queries.top_values(connection, "topic")
    counts = queries.source_topic_matrix(connection, [s.slug for s in sources])
    context = {
        "urls": urls,
        "total": queries.total_claims(connection),
        "sections": sections,
        "source_total": queries.count_sources(connection),
        "topics": topics,
        "matrix_topics": topics,
        "matrix": matrix_rows(counts, sources, topics, urls),
        "timeline": timeline_chart(queries.timeline(connection), urls),
        "newest": queries.newest_claims(connection, ClaimFilters(), NEWEST),
        "repeated": queries.most_repeated(connection, MOST_REPEATED),
    }
    return templates.TemplateResponse(request, "overview.html", context)
