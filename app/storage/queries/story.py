"""One story for its page: who said it when (its timeline, a page at a time), who said it
first, which sources repeat it, which outlets reported it, whose figures differ and who
denies it; and the few claims of a claim's story its own page shows.

A story that fits on one page of its timeline is read in three statements (the story,
its claims, their sources); everything else about it is counted from those claims.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, func, select, tuple_

from app.storage.queries.records import ArticleInfo
from app.storage.queries.spec import FilterError
from app.storage.queries.stories import StoryLine, first_claims, story_lines
from app.storage.queries.storyref import StoryRef
from app.storage.tables import (
    ARTICLES,
    CLAIMS,
    STORIES,
    STORY_ALIASES,
    STORY_CLAIMS,
    STORY_KEYS,
)
from app.stories.features import features_from_json
from app.stories.queries import StorySource, claim_sources, story_sources

TIMELINE_PAGE = 50  # claims of a story's timeline on one page
NOTABLE_LIMIT = 50  # differing figures and denials listed at most
EXCERPT = 5  # claims of its story a claim's page shows


@dataclass(frozen=True)
class TimelineClaim:
    """One claim in a story's timeline, and how it stands to the story's headline."""

    id: str
    assertion: str
    stance: str
    relation: str  # same | figure | denial
    figures: tuple[float, ...]  # the numbers it counts with, when they differ
    said_on: str | None
    said_on_precision: str
    sources: tuple[StorySource, ...]
    article: ArticleInfo
    timeline_key: int


@dataclass(frozen=True)
class Outlet:
    """A publisher whose articles carry claims of the story."""

    name: str
    articles: int
    claims: int


@dataclass(frozen=True)
class StoryDetail:
    """A story with one page of its timeline and what is known about all its claims."""

    line: StoryLine
    timeline: list[TimelineClaim]
    next: str | None  # token of the timeline's next page
    first_page: bool
    sources: tuple[StorySource, ...]  # most claims first
    outlets: list[Outlet]  # most articles first
    figures: list[TimelineClaim]  # claims whose figure differs from the headline's
    denials: list[TimelineClaim]
    headline_figures: tuple[float, ...]


def find_story(connection: Connection, story_id: str) -> tuple[str, Any] | None:
    """(live id, its row with `headline`) for a story id or a merged story's alias."""
    row = connection.execute(STORY_ROW, {"id": story_id}).first()
    if row is not None:
        return story_id, row
    alias = connection.execute(ALIAS_OF, {"id": story_id}).scalar_one_or_none()
    if alias is None:
        return None
    return alias, connection.execute(STORY_ROW, {"id": alias}).first()


def _story_row() -> Any:
    return (
        select(STORIES, CLAIMS.c.assertion.label("headline"))
        .outerjoin(CLAIMS, CLAIMS.c.id == STORIES.c.headline_claim_id)
        .where(STORIES.c.id == bindparam("id"))
    )


STORY_ROW = _story_row()
ALIAS_OF = select(STORY_ALIASES.c.story_id).where(STORY_ALIASES.c.alias == bindparam("id"))


def parse_timeline_token(value: str) -> tuple[int, str]:
    """The timeline position a `next` token names; FilterError when it names none."""
    key, _, claim_id = value.strip().partition(".")
    if key.isdigit() and len(key) < 20 and 0 < len(claim_id) <= 64:
        return int(key), claim_id
    raise FilterError(f"next={value[:40]!r} is not a position in this story: start from its top.")


def story_detail(
    connection: Connection, row: Any, after: str | None = None, size: int = TIMELINE_PAGE
) -> StoryDetail:
    """The story of `row` (from `find_story`), its timeline from `after` (a token)."""
    start = parse_timeline_token(after) if after else None
    page = timeline(connection, row.id, size + 1, start, row.headline_claim_id)
    following = None
    if len(page) > size:
        page = page[:size]
        following = f"{page[-1].timeline_key}.{page[-1].id}"
    whole = start is None and following is None  # every claim is on this page
    if whole and page:
        first = page[0]
        firsts = {row.id: (first.said_on, first.said_on_precision, first.sources)}
    else:
        firsts = first_claims(connection, [row.id])
    line = story_lines(connection, [row], "sources", firsts)[0]
    claims = page if whole else notable(connection, row.id)
    return StoryDetail(
        line=line,
        timeline=page,
        next=following,
        first_page=start is None,
        sources=sources_of(page) if whole else story_sources(connection, row.id),
        outlets=outlets_of(page) if whole else outlets(connection, row.id),
        figures=[c for c in claims if c.relation == "figure"],
        denials=[c for c in claims if c.relation == "denial"],
        headline_figures=head_figures(connection, row, page),
    )


def _timeline_statement() -> Any:
    return (
        select(
            CLAIMS.c.id,
            CLAIMS.c.assertion,
            CLAIMS.c.stance,
            CLAIMS.c.said_on,
            CLAIMS.c.said_on_precision,
            STORY_CLAIMS.c.relation,
            STORY_CLAIMS.c.timeline_key,
            STORY_KEYS.c.features,
            ARTICLES.c.slug,
            ARTICLES.c.title,
            ARTICLES.c.publisher,
            ARTICLES.c.url,
            ARTICLES.c.published,
        )
        .select_from(STORY_CLAIMS)
        .join(CLAIMS, CLAIMS.c.id == STORY_CLAIMS.c.claim_id)
        .join(ARTICLES, ARTICLES.c.id == CLAIMS.c.article_id)
        .outerjoin(STORY_KEYS, STORY_KEYS.c.claim_id == CLAIMS.c.id)
    )


TIMELINE = _timeline_statement()


def timeline(
    connection: Connection,
    story_id: str,
    limit: int,
    start: tuple[int, str] | None = None,
    headline_id: str | None = None,
) -> list[TimelineClaim]:
    """A story's claims in time order, from after `start` (timeline key, claim id); the
    figures of those that differ and of the headline `headline_id` read."""
    statement = TIMELINE.where(STORY_CLAIMS.c.story_id == story_id)
    if start is not None:
        position = tuple_(STORY_CLAIMS.c.timeline_key, STORY_CLAIMS.c.claim_id)
        statement = statement.where(position > tuple_(*start))
    order = (STORY_CLAIMS.c.timeline_key, STORY_CLAIMS.c.claim_id)
    rows = connection.execute(statement.order_by(*order).limit(limit))
    return timeline_claims(connection, rows, headline_id)


def notable(connection: Connection, story_id: str) -> list[TimelineClaim]:
    """The claims of a story whose figure differs from its headline's or that deny it."""
    statement = TIMELINE.where(
        STORY_CLAIMS.c.story_id == story_id, STORY_CLAIMS.c.relation != "same"
    )
    order = (STORY_CLAIMS.c.timeline_key, STORY_CLAIMS.c.claim_id)
    rows = connection.execute(statement.order_by(*order).limit(2 * NOTABLE_LIMIT))
    return timeline_claims(connection, rows)


def timeline_claims(
    connection: Connection, rows: Any, headline_id: str | None = None
) -> list[TimelineClaim]:
    """TimelineClaims from rows of the timeline statement, with their sources; figures
    are read for the claims whose figure differs and for the headline."""
    rows = list(rows)
    sources = claim_sources(connection, [row.id for row in rows])
    return [
        TimelineClaim(
            id=row.id,
            assertion=row.assertion,
            stance=row.stance,
            relation=row.relation,
            figures=_figures(row.features)
            if row.relation == "figure" or row.id == headline_id
            else (),
            said_on=row.said_on,
            said_on_precision=row.said_on_precision,
            sources=sources.get(row.id, ()),
            article=ArticleInfo(row.slug, row.title, row.publisher, row.url, row.published),
            timeline_key=row.timeline_key,
        )
        for row in rows
    ]


def _figures(features: str | None) -> tuple[float, ...]:
    if not features:
        return ()
    return tuple(figure.value for figure in features_from_json(features).figures)


def head_figures(connection: Connection, row: Any, page: list[TimelineClaim]) -> tuple[float, ...]:
    """The numbers the headline counts with, when other claims' figures differ from them."""
    if not row.figures or row.headline_claim_id is None:
        return ()
    head = next((claim for claim in page if claim.id == row.headline_claim_id), None)
    if head is not None:
        return head.figures
    statement = select(STORY_KEYS.c.features).where(STORY_KEYS.c.claim_id == row.headline_claim_id)
    return _figures(connection.execute(statement).scalar_one_or_none())


def sources_of(claims: Sequence[TimelineClaim]) -> tuple[StorySource, ...]:
    """The sources of `claims` with their claim counts, most first, then who spoke first."""
    counts: Counter[str] = Counter()
    found: dict[str, StorySource] = {}
    for claim in claims:
        for source in claim.sources:
            counts[source.slug] += 1
            found.setdefault(source.slug, source)
    order = {slug: place for place, slug in enumerate(found)}
    ranked = sorted(found, key=lambda slug: (-counts[slug], order[slug]))
    return tuple(
        StorySource(slug, found[slug].label, found[slug].kind, counts[slug]) for slug in ranked
    )


def outlets_of(claims: Sequence[TimelineClaim]) -> list[Outlet]:
    """The publishers of the articles of `claims`, most articles first."""
    articles: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for claim in claims:
        name = claim.article.publisher or "Publisher not named"
        articles.setdefault(name, set()).add(claim.article.slug)
        counts[name] += 1
    return sorted(
        (Outlet(name, len(slugs), counts[name]) for name, slugs in articles.items()),
        key=lambda outlet: (-outlet.articles, -outlet.claims, outlet.name),
    )


def outlets(connection: Connection, story_id: str) -> list[Outlet]:
    """The publishers of the articles whose claims a story holds, most articles first."""
    name = func.coalesce(ARTICLES.c.publisher, "Publisher not named")
    articles = func.count(func.distinct(ARTICLES.c.id)).label("articles")
    claims = func.count().label("claims")
    statement = (
        select(name.label("name"), articles, claims)
        .select_from(STORY_CLAIMS)
        .join(CLAIMS, CLAIMS.c.id == STORY_CLAIMS.c.claim_id)
        .join(ARTICLES, ARTICLES.c.id == CLAIMS.c.article_id)
        .where(STORY_CLAIMS.c.story_id == story_id)
        .group_by(name)
        .order_by(articles.desc(), claims.desc(), name)
        .limit(100)
    )
    return [Outlet(row.name, row.articles, row.claims) for row in connection.execute(statement)]


@dataclass(frozen=True)
class ClaimStory:
    """A claim's story as the claim's page shows it: the story and its first claims."""

    story: StoryRef
    excerpt: list[TimelineClaim]  # its first claims, in time order
    place: int | None  # the claim's place in the timeline, from 1, when among them

    @property
    def first(self) -> TimelineClaim:
        return self.excerpt[0]


def claim_story(connection: Connection, claim_id: str, story: StoryRef) -> ClaimStory:
    """The story `story` of the claim `claim_id`, with its first few claims."""
    excerpt = timeline(connection, story.id, EXCERPT)
    place = next((n for n, claim in enumerate(excerpt, 1) if claim.id == claim_id), None)
    return ClaimStory(story, excerpt, place)
