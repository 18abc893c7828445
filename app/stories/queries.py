"""What pages need of the stored stories: one story with its claims in time order, a
claim's story, and lists of stories by number of sources and by newest.

Plain data out (dataclasses); every list has a limit with a hard cap.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from app.storage.tables import (
    ARTICLES,
    CLAIM_SOURCES,
    CLAIMS,
    SOURCES,
    STORIES,
    STORY_ALIASES,
    STORY_CLAIMS,
    STORY_KEYS,
    STORY_SOURCES,
)
from app.stories.features import features_from_json

MAX_LIMIT = 200  # the most stories or claims one call returns
MIN_CLAIMS = 2  # lists show stories repeated at least this often


@dataclass(frozen=True)
class StorySource:
    slug: str
    label: str
    kind: str
    claims: int


@dataclass(frozen=True)
class StoryClaim:
    """One claim of a story, in its timeline."""

    id: str
    assertion: str
    stance: str
    relation: str  # same | figure | denial (to the headline)
    figures: tuple[str, ...]  # "10,000 troop"
    said_on: str | None
    said_on_precision: str
    sources: tuple[StorySource, ...]
    article_slug: str
    article_title: str
    published: str


@dataclass(frozen=True)
class StorySummary:
    """A story as lists show it."""

    id: str
    headline: str
    headline_claim_id: str | None
    claims: int
    articles: int
    sources: int
    denials: int
    figures: int


@dataclass(frozen=True)
class Story:
    """A story with its claims, oldest first, and its sources by number of claims."""

    summary: StorySummary
    claims: tuple[StoryClaim, ...]
    sources: tuple[StorySource, ...]

    @property
    def first(self) -> StoryClaim:
        return self.claims[0]

    @property
    def first_said_on(self) -> str | None:
        return self.first.said_on

    @property
    def first_said_by(self) -> tuple[StorySource, ...]:
        return self.first.sources

    @property
    def denials(self) -> tuple[StoryClaim, ...]:
        return tuple(claim for claim in self.claims if claim.relation == "denial")

    @property
    def differing_figures(self) -> tuple[StoryClaim, ...]:
        return tuple(claim for claim in self.claims if claim.relation == "figure")


def resolve_story_id(connection: Connection, story_id: str) -> str | None:
    """The live id for `story_id`: itself, or the story it was merged into."""
    if connection.execute(select(STORIES.c.id).where(STORIES.c.id == story_id)).first():
        return story_id
    alias = select(STORY_ALIASES.c.story_id).where(STORY_ALIASES.c.alias == story_id)
    return connection.execute(alias).scalar_one_or_none()


def story_of_claim(connection: Connection, claim_id: str) -> str | None:
    """The id of a claim's story, if it has one."""
    statement = select(STORY_CLAIMS.c.story_id).where(STORY_CLAIMS.c.claim_id == claim_id)
    return connection.execute(statement).scalar_one_or_none()


def get_story(connection: Connection, story_id: str, limit: int = MAX_LIMIT) -> Story | None:
    """A story by its id or an alias of it, with up to `limit` claims in time order."""
    live = resolve_story_id(connection, story_id)
    if live is None:
        return None
    summaries = story_summaries(connection, select(STORIES.c.id).where(STORIES.c.id == live))
    claims = story_claims(connection, live, min(limit, MAX_LIMIT))
    return Story(summaries[0], claims, story_sources(connection, live))


def claim_story(connection: Connection, claim_id: str, limit: int = MAX_LIMIT) -> Story | None:
    """The story a claim belongs to, or None."""
    story_id = story_of_claim(connection, claim_id)
    return get_story(connection, story_id, limit) if story_id else None


def stories_by_sources(connection: Connection, limit: int = 20) -> list[StorySummary]:
    """The stories told by the most sources (then the newest), of two claims or more."""
    ids = (
        select(STORIES.c.id)
        .where(STORIES.c.claims >= MIN_CLAIMS)
        .order_by(STORIES.c.sources.desc(), STORIES.c.newest_key.desc(), STORIES.c.id)
        .limit(min(limit, MAX_LIMIT))
    )
    return story_summaries(connection, ids)


def newest_stories(connection: Connection, limit: int = 20) -> list[StorySummary]:
    """The stories with the most recent claims, of two claims or more."""
    ids = (
        select(STORIES.c.id)
        .where(STORIES.c.claims >= MIN_CLAIMS)
        .order_by(STORIES.c.newest_key.desc(), STORIES.c.id)
        .limit(min(limit, MAX_LIMIT))
    )
    return story_summaries(connection, ids)


def story_summaries(connection: Connection, ids: object) -> list[StorySummary]:
    """The summaries of the stories `ids` (a select of story ids), in its order."""
    wanted = [row[0] for row in connection.execute(ids)]  # type: ignore[call-overload]
    if not wanted:
        return []
    statement = (
        select(STORIES, CLAIMS.c.assertion)
        .outerjoin(CLAIMS, CLAIMS.c.id == STORIES.c.headline_claim_id)
        .where(STORIES.c.id.in_(wanted))
    )
    rows = {row.id: row for row in connection.execute(statement)}
    return [
        StorySummary(
            id=row.id,
            headline=row.assertion or "",
            headline_claim_id=row.headline_claim_id,
            claims=row.claims,
            articles=row.articles,
            sources=row.sources,
            denials=row.denials,
            figures=row.figures,
        )
        for row in (rows[story_id] for story_id in wanted)
    ]


def story_claims(connection: Connection, story_id: str, limit: int) -> tuple[StoryClaim, ...]:
    """A story's claims, oldest first."""
    statement = (
        select(
            CLAIMS.c.id,
            CLAIMS.c.assertion,
            CLAIMS.c.stance,
            CLAIMS.c.said_on,
            CLAIMS.c.said_on_precision,
            STORY_CLAIMS.c.relation,
            STORY_KEYS.c.features,
            ARTICLES.c.slug,
            ARTICLES.c.title,
            ARTICLES.c.published,
        )
        .join(STORY_CLAIMS, STORY_CLAIMS.c.claim_id == CLAIMS.c.id)
        .join(STORY_KEYS, STORY_KEYS.c.claim_id == CLAIMS.c.id)
        .join(ARTICLES, ARTICLES.c.id == CLAIMS.c.article_id)
        .where(STORY_CLAIMS.c.story_id == story_id)
        .order_by(STORY_CLAIMS.c.timeline_key, CLAIMS.c.id)
        .limit(limit)
    )
    rows = connection.execute(statement).fetchall()
    sources = claim_sources(connection, [row.id for row in rows])
    return tuple(
        StoryClaim(
            id=row.id,
            assertion=row.assertion,
            stance=row.stance,
            relation=row.relation,
            figures=tuple(
                f"{figure.value:,.0f} {figure.unit}"
                for figure in features_from_json(row.features).figures
            ),
            said_on=row.said_on,
            said_on_precision=row.said_on_precision,
            sources=sources.get(row.id, ()),
            article_slug=row.slug,
            article_title=row.title,
            published=row.published,
        )
        for row in rows
    )


def claim_sources(
    connection: Connection, claim_ids: list[str]
) -> dict[str, tuple[StorySource, ...]]:
    """The sources of each claim, in the order named."""
    if not claim_ids:
        return {}
    statement = (
        select(CLAIM_SOURCES.c.claim_id, SOURCES.c.slug, SOURCES.c.label, SOURCES.c.kind)
        .join(SOURCES, SOURCES.c.id == CLAIM_SOURCES.c.source_id)
        .where(CLAIM_SOURCES.c.claim_id.in_(claim_ids))
        .order_by(CLAIM_SOURCES.c.claim_id, CLAIM_SOURCES.c.position)
    )
    found: dict[str, list[StorySource]] = {}
    for row in connection.execute(statement):
        found.setdefault(row.claim_id, []).append(StorySource(row.slug, row.label, row.kind, 1))
    return {claim_id: tuple(sources) for claim_id, sources in found.items()}


def story_sources(connection: Connection, story_id: str) -> tuple[StorySource, ...]:
    """A story's sources, most claims first, then who spoke first."""
    statement = (
        select(SOURCES.c.slug, SOURCES.c.label, SOURCES.c.kind, STORY_SOURCES.c.claims)
        .join(SOURCES, SOURCES.c.id == STORY_SOURCES.c.source_id)
        .where(STORY_SOURCES.c.story_id == story_id)
        .order_by(STORY_SOURCES.c.claims.desc(), STORY_SOURCES.c.first_key, SOURCES.c.slug)
        .limit(MAX_LIMIT)
    )
    return tuple(
        StorySource(row.slug, row.label, row.kind, row.claims)
        for row in connection.execute(statement)
    )
