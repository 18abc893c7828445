"""Counts and groupings for the overview, source, topic and article pages."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Connection, func, select

from app.storage.queries.claims import newest_claims, source_facet, source_ids, topic_facet
from app.storage.queries.info import load_info
from app.storage.queries.records import ArticleInfo, ClaimRecord, Named, Source, claim_records
from app.storage.queries.spec import ClaimFilters
from app.storage.tables import (
    ARTICLES,
    CLAIMS,
    SOURCE_STATS,
    SOURCE_TOPIC_STATS,
    SOURCES,
    SPEAKER_STATS,
    TOPIC_STATS,
    TOPICS,
)

LIST_LIMIT = 200  # sources or topics on one page
ARTICLE_CLAIM_LIMIT = 500


@dataclass(frozen=True)
class Group:
    """Some of the claims sharing one source or topic, with how many there are in all."""

    key: Named
    count: int
    claims: list[ClaimRecord]


@dataclass(frozen=True)
class Speaker:
    """A named person who spoke for a source."""

    name: str
    role: str | None
    count: int


@dataclass(frozen=True)
class Article:
    """An article with its body and its claims in reading order."""

    info: ArticleInfo
    body: str
    claims: list[ClaimRecord]


def source_counts(
    connection: Connection, limit: int = LIST_LIMIT, filters: ClaimFilters | None = None
) -> list[Source]:
    """Sources with their claim counts (within `filters`), most claims first."""
    return source_facet(connection, filters or ClaimFilters(), limit)[0]


def topic_counts(
    connection: Connection, limit: int = LIST_LIMIT, filters: ClaimFilters | None = None
) -> list[tuple[Named, int]]:
    """Topics with their claim counts (within `filters`), most claims first."""
    return topic_facet(connection, filters or ClaimFilters(), limit)[0]


def source_topic_matrix(
    connection: Connection, source_slugs: list[str]
) -> dict[tuple[str, str], int]:
    """Claim counts by (source slug, topic slug) for the given sources."""
    statement = (
        select(SOURCES.c.slug, TOPICS.c.slug.label("topic"), SOURCE_TOPIC_STATS.c.claims)
        .select_from(SOURCE_TOPIC_STATS)
        .join(SOURCES, SOURCES.c.id == SOURCE_TOPIC_STATS.c.source_id)
        .join(TOPICS, TOPICS.c.id == SOURCE_TOPIC_STATS.c.topic_id)
        .where(SOURCE_TOPIC_STATS.c.source_id.in_(source_ids(tuple(source_slugs))))
    )
    return {(r.slug, r.topic): r.claims for r in connection.execute(statement)}


def count_sources(connection: Connection) -> int:
    """How many sources have claims."""
    info = load_info(connection)
    if info is not None:
        return info.sources
    return int(connection.execute(select(func.count()).select_from(SOURCE_STATS)).scalar_one())


def get_source(connection: Connection, slug: str) -> Source | None:
    """One source with its claim count."""
    statement = (
        select(SOURCES, func.coalesce(SOURCE_STATS.c.claims, 0).label("n"))
        .outerjoin(SOURCE_STATS, SOURCE_STATS.c.source_id == SOURCES.c.id)
        .where(SOURCES.c.slug == slug)
    )
    row = connection.execute(statement).first()
    return Source(row.slug, row.label, row.kind, row.n) if row else None


def get_topic(connection: Connection, slug: str) -> tuple[Named, int] | None:
    """One topic with its claim count."""
    statement = (
        select(TOPICS, func.coalesce(TOPIC_STATS.c.claims, 0).label("n"))
        .outerjoin(TOPIC_STATS, TOPIC_STATS.c.topic_id == TOPICS.c.id)
        .where(TOPICS.c.slug == slug)
    )
    row = connection.execute(statement).first()
    return (Named(row.slug, row.label), row.n) if row else None


def speakers(connection: Connection, source_slug: str, limit: int = 50) -> list[Speaker]:
    """The people who spoke for a source, most claims first."""
    stats = SPEAKER_STATS
    statement = (
        select(stats.c.speaker_name, stats.c.speaker_role, stats.c.claims)
        .where(stats.c.source_id == source_ids((source_slug,)).scalar_subquery())
        .order_by(stats.c.claims.desc(), stats.c.speaker_name)
        .limit(limit)
    )
    rows = connection.execute(statement)
    return [Speaker(r.speaker_name, r.speaker_role, r.claims) for r in rows]


def grouped_claims(
    connection: Connection, by: str, within: ClaimFilters, per_group: int
) -> list[Group]:
    """Claims of a list split by topic (by="topic") or by source, newest first in each."""
    groups = []
    if by == "topic":
        for topic, count in topic_counts(connection, filters=within):
            scoped = replace(within, topics=(topic.slug,))
            groups.append(Group(topic, count, newest_claims(connection, scoped, per_group)))
    else:
        for source in source_counts(connection, filters=within):
            scoped = replace(within, sources=(source.slug,))
            key = Named(source.slug, source.label)
            groups.append(Group(key, source.count, newest_claims(connection, scoped, per_group)))
    return groups


def get_article(connection: Connection, slug: str) -> Article | None:
    """An article, its body and its claims in reading order."""
    row = connection.execute(select(ARTICLES).where(ARTICLES.c.slug == slug)).first()
    if row is None:
        return None
    ids = select(CLAIMS.c.id).where(CLAIMS.c.article_id == row.id).order_by(CLAIMS.c.position)
    claim_ids = list(connection.execute(ids.limit(ARTICLE_CLAIM_LIMIT)).scalars())
    info = ArticleInfo(row.slug, row.title, row.publisher, row.url, row.published)
    return Article(info, row.body, claim_records(connection, claim_ids))
