"""The filtered claim list: conditions from the filters, sorting, paging and facets."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from sqlalchemy import ColumnElement, Connection, Select, func, select, true

from app.storage.queries.records import ClaimRecord, Named, Source, claim_records
from app.storage.queries.search import fts_matches, highlights
from app.storage.queries.spec import PAGE_SIZE, ClaimFilters
from app.storage.queries.tables import (
    ARTICLES,
    CLAIM_SOURCES,
    CLAIM_TOPICS,
    CLAIMS,
    ENTITIES,
    SOURCES,
    TOPICS,
)

FACET_LIMIT = 30


@dataclass
class ClaimPage:
    """One page of a filtered claim list."""

    claims: list[ClaimRecord]
    total: int
    page: int
    page_size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        """How many pages the whole list has (at least 1)."""
        return max(1, -(-self.total // self.page_size))


@dataclass
class Facets:
    """Claim counts per source and per topic, each within the other filters."""

    sources: list[Source] = field(default_factory=list)
    topics: list[tuple[Named, int]] = field(default_factory=list)


def claims_with_source(slugs: tuple[str, ...]) -> Select:
    """Ids of the claims made by any of the sources `slugs`."""
    return (
        select(CLAIM_SOURCES.c.claim_id)
        .join(SOURCES, SOURCES.c.id == CLAIM_SOURCES.c.source_id)
        .where(SOURCES.c.slug.in_(slugs))
    )


def claims_with_topic(slugs: tuple[str, ...]) -> Select:
    """Ids of the claims about any of the topics `slugs`."""
    return (
        select(CLAIM_TOPICS.c.claim_id)
        .join(TOPICS, TOPICS.c.id == CLAIM_TOPICS.c.topic_id)
        .where(TOPICS.c.slug.in_(slugs))
    )


def conditions(filters: ClaimFilters, dialect: str, *, skip: str = "") -> list[ColumnElement[bool]]:
    """WHERE conditions on CLAIMS for `filters`; `skip` leaves out one facet's own filter."""
    where: list[ColumnElement[bool]] = []
    if filters.sources and skip != "source":
        where.append(CLAIMS.c.id.in_(claims_with_source(filters.sources)))
    if filters.topics and skip != "topic":
        where.append(CLAIMS.c.id.in_(claims_with_topic(filters.topics)))
    if filters.actor:
        actor_id = select(ENTITIES.c.id).where(ENTITIES.c.slug == filters.actor)
        where.append(CLAIMS.c.actor_id == actor_id.scalar_subquery())
    if filters.stance:
        where.append(CLAIMS.c.stance == filters.stance)
    if filters.day_from:
        # A claim qualifies when the days it may have been said on overlap the range.
        where.append(CLAIMS.c.said_on_end >= filters.day_from)
    if filters.day_to:
        where.append(func.coalesce(CLAIMS.c.said_on_start, CLAIMS.c.said_on_end) <= filters.day_to)
    if filters.hide_unattributed:
        unattributed = (
            select(CLAIM_SOURCES.c.claim_id)
            .join(SOURCES, SOURCES.c.id == CLAIM_SOURCES.c.source_id)
            .where(SOURCES.c.kind == "unattributed")
        )
        where.append(CLAIMS.c.id.not_in(unattributed))
    if filters.q:
        fts = fts_matches(dialect, filters.q)
        if fts is None:
            where.append(~true())
        else:
            where.append(CLAIMS.c.id.in_(select(fts.c.claim_id)))
    return where


def matching_ids(filters: ClaimFilters, dialect: str, *, skip: str = "") -> Select:
    """Ids of the claims matching `filters` (minus the `skip` facet)."""
    return select(CLAIMS.c.id).where(*conditions(filters, dialect, skip=skip))


def count_claims(connection: Connection, filters: ClaimFilters) -> int:
    """How many claims match `filters`."""
    where = conditions(filters, connection.dialect.name)
    statement = select(func.count()).select_from(CLAIMS).where(*where)
    return int(connection.execute(statement).scalar_one())


def ordered_ids(filters: ClaimFilters, dialect: str, limit: int, offset: int = 0) -> Select:
    """The ids of matching claims in the order `filters.sort` asks for."""
    statement = select(CLAIMS.c.id).where(*conditions(filters, dialect))
    fts = fts_matches(dialect, filters.q) if filters.q else None
    if filters.sort == "relevance" and fts is not None:
        statement = statement.join(fts, fts.c.claim_id == CLAIMS.c.id)
        statement = statement.order_by(fts.c.rank, CLAIMS.c.id)
    else:
        statement = statement.join(ARTICLES, ARTICLES.c.id == CLAIMS.c.article_id)
        if filters.sort == "oldest":
            first_day = func.coalesce(CLAIMS.c.said_on_start, CLAIMS.c.said_on_end)
            statement = statement.order_by(first_day.asc().nulls_last())
        else:
            statement = statement.order_by(CLAIMS.c.said_on_end.desc().nulls_last())
        statement = statement.order_by(ARTICLES.c.published.desc(), CLAIMS.c.position)
    return statement.limit(limit).offset(offset)


def list_claims(
    connection: Connection, filters: ClaimFilters, page_size: int = PAGE_SIZE
) -> ClaimPage:
    """One page of the claims matching `filters`, with search matches marked."""
    offset = (filters.page - 1) * page_size
    statement = ordered_ids(filters, connection.dialect.name, page_size, offset)
    ids = list(connection.execute(statement).scalars())
    records = claim_records(connection, ids)
    if filters.q:
        marked = highlights(connection, ids, filters.q)
        for record in records:
            record.assertion_marked, record.quote_marked = marked.get(record.id, (None, None))
    return ClaimPage(records, count_claims(connection, filters), filters.page, page_size)


def newest_claims(connection: Connection, filters: ClaimFilters, limit: int) -> list[ClaimRecord]:
    """The first `limit` claims of a list, newest first."""
    statement = ordered_ids(replace(filters, sort="newest", page=1), connection.dialect.name, limit)
    return claim_records(connection, list(connection.execute(statement).scalars()))


def facets(connection: Connection, filters: ClaimFilters) -> Facets:
    """Source and topic counts, each facet counted within every other filter."""
    source_ids = matching_ids(filters, connection.dialect.name, skip="source")
    claim_count = func.count(CLAIM_SOURCES.c.claim_id)
    sources = (
        select(SOURCES.c.slug, SOURCES.c.label, SOURCES.c.kind, claim_count.label("n"))
        .join(CLAIM_SOURCES, CLAIM_SOURCES.c.source_id == SOURCES.c.id)
        .where(CLAIM_SOURCES.c.claim_id.in_(source_ids))
        .group_by(SOURCES.c.id)
        .order_by(claim_count.desc(), SOURCES.c.label)
        .limit(FACET_LIMIT)
    )
    topic_ids = matching_ids(filters, connection.dialect.name, skip="topic")
    topic_count = func.count(CLAIM_TOPICS.c.claim_id)
    topics = (
        select(TOPICS.c.slug, TOPICS.c.label, topic_count.label("n"))
        .join(CLAIM_TOPICS, CLAIM_TOPICS.c.topic_id == TOPICS.c.id)
        .where(CLAIM_TOPICS.c.claim_id.in_(topic_ids))
        .group_by(TOPICS.c.id)
        .order_by(topic_count.desc(), TOPICS.c.label)
        .limit(FACET_LIMIT)
    )
    return Facets(
        sources=[Source(r.slug, r.label, r.kind, r.n) for r in connection.execute(sources)],
        topics=[(Named(r.slug, r.label), r.n) for r in connection.execute(topics)],
    )


def iter_claims(
    connection: Connection, filters: ClaimFilters, limit: int, batch: int = 500
) -> Iterator[ClaimRecord]:
    """Every claim matching `filters` in list order, at most `limit`, loaded in batches."""
    statement = ordered_ids(replace(filters, page=1), connection.dialect.name, limit)
    ids = list(connection.execute(statement).scalars())
    for start in range(0, len(ids), batch):
        yield from claim_records(connection, ids[start : start + batch])
