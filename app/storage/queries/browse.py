"""Counts and groupings for the overview, source, topic and article pages."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Connection, func, select

from app.storage.queries.claims import claims_with_source, claims_with_topic, newest_claims
from app.storage.queries.records import ArticleInfo, ClaimRecord, Named, Source, claim_records
from app.storage.queries.spec import ClaimFilters
from app.storage.queries.tables import (
    ARTICLES,
    CLAIM_SOURCES,
    CLAIM_TOPICS,
    CLAIMS,
    SOURCES,
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
    count = func.count(CLAIM_SOURCES.c.claim_id)
    statement = (
        select(SOURCES.c.slug, SOURCES.c.label, SOURCES.c.kind, count.label("n"))
        .join(CLAIM_SOURCES, CLAIM_SOURCES.c.source_id == SOURCES.c.id)
        .group_by(SOURCES.c.id)
        .order_by(count.desc(), SOURCES.c.label)
        .limit(limit)
    )
    if filters and filters.topics:
        statement = statement.where(CLAIM_SOURCES.c.claim_id.in_(claims_with_topic(filters.topics)))
    return [Source(r.slug, r.label, r.kind, r.n) for r in connection.execute(statement)]


def topic_counts(
    connection: Connection, limit: int = LIST_LIMIT, filters: ClaimFilters | None = None
) -> list[tuple[Named, int]]:
    """Topics with their claim counts (within `filters`), most claims first."""
    count = func.count(CLAIM_TOPICS.c.claim_id)
    statement = (
        select(TOPICS.c.slug, TOPICS.c.label, count.label("n"))
        .join(CLAIM_TOPICS, CLAIM_TOPICS.c.topic_id == TOPICS.c.id)
        .group_by(TOPICS.c.id)
        .order_by(count.desc(), TOPICS.c.label)
        .limit(limit)
    )
    if filters and filters.sources:
        statement = statement.where(
            CLAIM_TOPICS.c.claim_id.in_(claims_with_source(filters.sources))
        )
    return [(Named(r.slug, r.label), r.n) for r in connection.execute(statement)]


def source_topic_matrix(
    connection: Connection, source_slugs: list[str]
) -> dict[tuple[str, str], int]:
    """Claim counts by (source slug, topic slug) for the given sources."""
    statement = (
        select(SOURCES.c.slug, TOPICS.c.slug.label("topic"), func.count().label("n"))
        .select_from(CLAIM_SOURCES)
        .join(SOURCES, SOURCES.c.id == CLAIM_SOURCES.c.source_id)
        .join(CLAIM_TOPICS, CLAIM_TOPICS.c.claim_id == CLAIM_SOURCES.c.claim_id)
        .join(TOPICS, TOPICS.c.id == CLAIM_TOPICS.c.topic_id)
        .where(SOURCES.c.slug.in_(source_slugs))
        .group_by(SOURCES.c.slug, TOPICS.c.slug)
    )
    return {(r.slug, r.topic): r.n for r in connection.execute(statement)}


def count_sources(connection: Connection) -> int:
    """How many sources have claims."""
    statement = select(func.count(func.distinct(CLAIM_SOURCES.c.source_id)))
    return int(connection.execute(statement).scalar_one())


def get_source(connection: Connection, slug: str) -> Source | None:
    """One source with its claim count."""
    count = select(func.count()).where(CLAIM_SOURCES.c.source_id == SOURCES.c.id)
    statement = select(SOURCES, count.scalar_subquery().label("n")).where(SOURCES.c.slug == slug)
    row = connection.execute(statement).first()
    return Source(row.slug, row.label, row.kind, row.n) if row else None


def get_topic(connection: Connection, slug: str) -> tuple[Named, int] | None:
    """One topic with its claim count."""
    count = select(func.count()).where(CLAIM_TOPICS.c.topic_id == TOPICS.c.id)
    statement = select(TOPICS, count.scalar_subquery().label("n")).where(TOPICS.c.slug == slug)
    row = connection.execute(statement).first()
    return (Named(row.slug, row.label), row.n) if row else None


def speakers(connection: Connection, source_slug: str, limit: int = 50) -> list[Speaker]:
    """The people who spoke for a source, most claims first."""
    count = func.count()
    statement = (
        select(CLAIMS.c.speaker_name, CLAIMS.c.speaker_role, count.label("n"))
        .where(CLAIMS.c.id.in_(claims_with_source((source_slug,))))
        .where(CLAIMS.c.speaker_name.is_not(None))
        .group_by(CLAIMS.c.speaker_name, CLAIMS.c.speaker_role)
        .order_by(count.desc(), CLAIMS.c.speaker_name)
        .limit(limit)
    )
    return [Speaker(r.speaker_name, r.speaker_role, r.n) for r in connection.execute(statement)]


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
