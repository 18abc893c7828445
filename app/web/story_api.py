"""JSON and CSV of stories: the lists of /stories with the same filters, and one story
with its timeline. Documented at /openapi.json and /docs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Connection

from app.storage import queries
from app.storage.queries import StoryDetail, StoryFilters, StoryLine, TimelineClaim, deadline
from app.storage.queries.output import SaidOn, SourceRef
from app.stories.queries import StorySource
from app.web import schemas
from app.web.api import CSV_LIMIT, CSV_SECONDS, ERRORS, csv_response, model_response
from app.web.deps import ConnectionDep, UrlsDep
from app.web.stories import StoryFiltersDep, read_story
from app.web.urls import Urls

router = APIRouter(prefix="/api", tags=["stories"], responses=ERRORS)

STORY_LIST_COLUMNS = (
    "id", "url", "headline", "claims", "articles", "sources", "denials", "figures",
    "first_said_on", "first_said_precision", "first_said_by", "first_said_by_slugs",
)  # fmt: skip
TIMELINE_COLUMNS = (
    "claim_id", "url", "said_on_date", "said_on_precision", "sources", "source_slugs",
    "relation", "figures", "stance", "assertion", "article_slug", "article_title",
    "article_publisher", "article_url", "article_published",
)  # fmt: skip


def source_refs(sources: Iterable[StorySource]) -> list[SourceRef]:
    """Sources as the API names them."""
    return [SourceRef.model_construct(slug=s.slug, label=s.label, kind=s.kind) for s in sources]


def story_summary(line: StoryLine, urls: Urls) -> schemas.StorySummary:
    """A story as the API lists it."""
    return schemas.StorySummary.model_construct(
        id=line.id,
        url=urls.story(line.id),
        headline=line.headline,
        headline_claim=urls.claim(line.headline_claim_id) if line.headline_claim_id else None,
        claims=line.claims,
        articles=line.articles,
        sources=line.sources,
        denials=line.denials,
        figures=line.figures,
        first_said_on=SaidOn.model_construct(
            date=line.first_said_on, precision=line.first_said_precision
        ),
        first_said_by=source_refs(line.first_said_by),
        json_url=urls.api_story(line.id),
        feed=urls.story_feed(line.id),
    )


@router.get(
    "/stories",
    response_model=schemas.StoryList,
    name="api_stories",
    summary="Stories matching filters",
)
async def api_stories(
    filters: StoryFiltersDep, connection: ConnectionDep, urls: UrlsDep
) -> Response:
    """One page of stories (the same as /stories), most sources or newest first."""
    page = queries.list_stories(connection, filters)
    body = schemas.StoryList(
        stories=[story_summary(line, urls) for line in page.stories],
        total=page.total,
        total_capped=page.capped,
        page_size=page.page_size,
        next=urls.api_stories(filters, after=page.next) if page.next else None,
        next_token=page.next,
        first=urls.api_stories(filters),
        html=urls.stories(filters),
        csv=urls.api_stories_csv(filters),
    )
    return model_response(body)


@router.get(
    "/stories.csv",
    name="api_stories_csv",
    response_class=Response,
    summary="Stories matching filters, as CSV",
)
async def api_stories_csv(
    filters: StoryFiltersDep, connection: ConnectionDep, urls: UrlsDep
) -> Response:
    """Up to 10,000 stories matching the filters as CSV, in list order."""
    deadline.extend(connection, CSV_SECONDS)
    rows = (story_row(line, urls) for line in islice(every_story(connection, filters), CSV_LIMIT))
    return csv_response(STORY_LIST_COLUMNS, rows, "stories.csv")


def every_story(connection: Connection, filters: StoryFilters) -> Iterator[StoryLine]:
    """The stories of a list, page after page."""
    filters = filters.start()
    while True:
        page = queries.list_stories(connection, filters, page_size=500)
        yield from page.stories
        if page.next is None:
            return
        filters = replace(filters, after=page.next)


def story_row(line: StoryLine, urls: Urls) -> dict[str, Any]:
    """A story as a CSV row."""
    return {
        "id": line.id,
        "url": urls.story(line.id),
        "headline": line.headline,
        "claims": line.claims,
        "articles": line.articles,
        "sources": line.sources,
        "denials": line.denials,
        "figures": line.figures,
        "first_said_on": line.first_said_on,
        "first_said_precision": line.first_said_precision,
        "first_said_by": "; ".join(s.label for s in line.first_said_by),
        "first_said_by_slugs": "; ".join(s.slug for s in line.first_said_by),
    }


def timeline_entry(claim: TimelineClaim, urls: Urls) -> schemas.TimelineEntry:
    """A claim of a story's timeline as the API gives it."""
    article = claim.article
    return schemas.TimelineEntry.model_construct(
        id=claim.id,
        url=urls.claim(claim.id),
        assertion=claim.assertion,
        stance=claim.stance,
        relation=claim.relation,
        figures=list(claim.figures),
        said_on=SaidOn.model_construct(date=claim.said_on, precision=claim.said_on_precision),
        sources=source_refs(claim.sources),
        article=schemas.TimelineArticle.model_construct(
            slug=article.slug,
            title=article.title,
            publisher=article.publisher,
            url=article.url,
            published=article.published,
        ),
    )


def story_body(detail: StoryDetail, urls: Urls) -> schemas.StoryWithTimeline:
    """A story with a page of its timeline, as the API gives it."""
    story_id = detail.line.id
    claims = queries.ClaimFilters().choose("story", (story_id,))
    return schemas.StoryWithTimeline.model_construct(
        story=story_summary(detail.line, urls),
        sources=[
            schemas.StorySourceCount.model_construct(
                slug=s.slug, label=s.label, kind=s.kind, claims=s.claims
            )
            for s in detail.sources
        ],
        outlets=[
            schemas.OutletCount.model_construct(name=o.name, articles=o.articles, claims=o.claims)
            for o in detail.outlets
        ],
        headline_figures=list(detail.headline_figures),
        figures=[timeline_entry(claim, urls) for claim in detail.figures],
        denials=[timeline_entry(claim, urls) for claim in detail.denials],
        timeline=[timeline_entry(claim, urls) for claim in detail.timeline],
        next=urls.api_story(story_id, after=detail.next) if detail.next else None,
        next_token=detail.next,
        html=urls.story(story_id),
        csv=urls.api_story_csv(story_id),
        claims_url=urls.api_claims(claims),
    )


@router.get(
    "/stories/{story_id}.csv",
    name="api_story_csv",
    response_class=Response,
    summary="One story's timeline, as CSV",
)
async def api_story_csv(story_id: str, connection: ConnectionDep, urls: UrlsDep) -> Response:
    """Every claim of a story (up to 10,000) in time order, as CSV."""
    live, row = read_story(connection, story_id)
    if live != story_id:
        return RedirectResponse(urls.api_story_csv(live), status_code=301)
    deadline.extend(connection, CSV_SECONDS)
    rows = (timeline_row(claim, urls) for claim in islice(every_claim(connection, row), CSV_LIMIT))
    return csv_response(TIMELINE_COLUMNS, rows, f"story-{live}.csv")


def every_claim(connection: Connection, row: Any) -> Iterator[TimelineClaim]:
    """A story's claims in time order, a page at a time."""
    start = None
    while True:
        page = queries.story_timeline(connection, row.id, 500, start, row.headline_claim_id)
        yield from page
        if len(page) < 500:
            return
        start = (page[-1].timeline_key, page[-1].id)


def timeline_row(claim: TimelineClaim, urls: Urls) -> dict[str, Any]:
    """A claim of a story's timeline as a CSV row."""
    article = claim.article
    return {
        "claim_id": claim.id,
        "url": urls.claim(claim.id),
        "said_on_date": claim.said_on,
        "said_on_precision": claim.said_on_precision,
        "sources": "; ".join(s.label for s in claim.sources),
        "source_slugs": "; ".join(s.slug for s in claim.sources),
        "relation": claim.relation,
        "figures": "; ".join(f"{value:g}" for value in claim.figures),
        "stance": claim.stance,
        "assertion": claim.assertion,
        "article_slug": article.slug,
        "article_title": article.title,
        "article_publisher": article.publisher,
        "article_url": article.url,
        "article_published": article.published,
    }


@router.get(
    "/stories/{story_id}",
    response_model=schemas.StoryWithTimeline,
    name="api_story",
    summary="One story with its timeline",
)
async def api_story(
    request: Request,
    story_id: str,
    connection: ConnectionDep,
    urls: UrlsDep,
    next: str | None = None,
) -> Response:
    """A story by its id (a merged story's id redirects to the story it joined), with its
    claims in time order, a page at a time (`next`)."""
    live, row = read_story(connection, story_id)
    if live != story_id:
        return RedirectResponse(urls.api_story(live, after=next), status_code=301)
    detail = queries.story_detail(connection, row, next)
    return model_response(story_body(detail, urls))
