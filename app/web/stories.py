"""Stories: the list of the most-sourced or newest stories, and one story's page, a
timeline of who said it when. A merged story's old id redirects to the story it joined."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import Connection

from app.storage import queries
from app.storage.queries import StoryDetail, StoryFilters
from app.web.claims import name_options
from app.web.deps import ConnectionDep, TemplatesDep, UrlsDep
from app.web.errors import NotFound
from app.web.urls import Chip, Urls

router = APIRouter(include_in_schema=False)

MAX_ID_LENGTH = 64


async def _story_filters(
    request: Request,
    connection: ConnectionDep,
    source: Annotated[list[str], Query(description=queries.BY_NAME["source"].help)] = [],  # noqa: B006
    topic: Annotated[list[str], Query(description=queries.BY_NAME["topic"].help)] = [],  # noqa: B006
    date_from: Annotated[
        str | None, Query(alias="from", description="A claim said on or after: YYYY-MM-DD")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", description="A claim said on or before")
    ] = None,
    sort: Annotated[str | None, Query(description="sources (most first) or newest")] = None,
    next: Annotated[
        str | None, Query(description="Where the page starts: the `next_token` of the page before")
    ] = None,
) -> StoryFilters:
    """The story list's filters, read from the query string once (the parameters are
    declared for the API's documentation)."""
    raw = {name: request.query_params.getlist(name) for name in request.query_params}
    return queries.parse_story_filters(connection, raw)


StoryFiltersDep = Annotated[StoryFilters, Depends(_story_filters)]


@dataclass(frozen=True)
class StoryPager:
    first: str | None
    next: str | None


def story_chips(connection: Connection, urls: Urls, filters: StoryFilters) -> list[Chip]:
    """A chip per active filter of a story list, each with the link that removes it."""
    found = []
    for name, chosen in (("source", filters.sources), ("topic", filters.topics)):
        dimension = queries.BY_NAME[name]
        labels = dimension.labels(connection, chosen)
        for slug in chosen:
            rest = tuple(value for value in chosen if value != slug)
            link = urls.stories(filters, **{f"{name}s": rest})
            found.append(Chip(dimension.label, labels.get(slug, slug), link))
    for name, value, change in (
        ("From", filters.date_from, "date_from"),
        ("To", filters.date_to, "date_to"),
    ):
        if value:
            found.append(Chip(name, value, urls.stories(filters, **{change: None})))
    return found


@router.get("/stories", response_class=HTMLResponse, name="stories")
async def story_list(
    request: Request,
    filters: StoryFiltersDep,
    connection: ConnectionDep,
    templates: TemplatesDep,
    urls: UrlsDep,
) -> Response:
    """Stories told by the most sources, or the newest, filtered like the claim list."""
    if request.query_params.multi_items() != filters.query_pairs():
        return RedirectResponse(urls.stories(filters, after=filters.after), status_code=302)
    page = queries.list_stories(connection, filters)
    context = {
        "urls": urls,
        "filters": filters,
        "page": page,
        "pager": StoryPager(
            None if page.first else urls.stories(filters),
            urls.stories(filters, after=page.next) if page.next else None,
        ),
        "chips": story_chips(connection, urls, filters),
        "source_labels": queries.BY_NAME["source"].labels(connection, filters.sources),
        "source_options": name_options(connection, templates, "sources"),
        "topic_names": queries.all_names(connection, "topics"),
        "sorts": queries.STORY_SORTS,
    }
    return templates.TemplateResponse(request, "stories.html", context)


def read_story(connection: Connection, story_id: str) -> tuple[str, Any]:
    """(live id, row) of a story id or alias; NotFound when there is no such story."""
    found = queries.find_story(connection, story_id) if len(story_id) <= MAX_ID_LENGTH else None
    if found is None:
        raise NotFound(f"There is no story with the id {story_id[:MAX_ID_LENGTH]!r}.")
    return found


def story_context(detail: StoryDetail, urls: Urls) -> dict[str, Any]:
    """What the story page shows besides the story: its links."""
    story_id = detail.line.id
    return {
        "urls": urls,
        "story": detail,
        "permalink": urls.absolute(urls.story(story_id)),
        "later": urls.story(story_id, after=detail.next) if detail.next else None,
        "claims_filters": queries.ClaimFilters().choose("story", (story_id,)),
    }


@router.get("/stories/{story_id}", response_class=HTMLResponse, name="story")
async def story_page(
    request: Request,
    story_id: str,
    connection: ConnectionDep,
    templates: TemplatesDep,
    urls: UrlsDep,
    next: str | None = None,
) -> Response:
    """One story: who said it when, first said by, repeated by, reported by, differing
    figures and denials, each claim linking to its page."""
    live, row = read_story(connection, story_id)
    if live != story_id:  # merged into an older story: its links lead there
        return RedirectResponse(urls.story(live, after=next), status_code=301)
    detail = queries.story_detail(connection, row, next)
    return templates.TemplateResponse(request, "story.html", story_context(detail, urls))
