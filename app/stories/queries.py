"""What the story queries of the pages (`app.storage.queries.story` and `.stories`) share:
the least a story listed holds, a story's sources and each claim's, as plain data.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select

from app.storage.tables import CLAIM_SOURCES, SOURCES, STORY_SOURCES

MAX_LIMIT = 200  # the most sources of a story one call returns
MIN_CLAIMS = 2  # lists show stories repeated at least this often


@dataclass(frozen=True)
class StorySource:
    """A source of a story's claims, with how many of them it makes."""

    slug: str
    label: str
    kind: str
    claims: int


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
