"""The filtered claim list: which index walks it, conditions, sorting, paging, counts, facets.

No query here reads every claim. A list walks one index in its sort order and stops at
the page: the source link index when a source is chosen (`claim_sources(source_id,
newest_key, claim_id)`), else the topic link index, else the claims' own sort index, or
the full-text matches by rank. A chosen stance or actor with fewer claims than the chosen
sources or topics (the summary tables say) walks the claims' index for it instead. Every
other filter is a check on each claim walked (`EXISTS` on a primary key). Totals and
facet counts come from the summary tables when they can answer (no filter, or one source
and/or one topic); otherwise a total is counted up to `COUNT_CAP` and facets over the
first `FACET_SAMPLE` matching claims, and the result says it was capped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from sqlalchemy import (
    ColumnElement,
    Connection,
    FromClause,
    Select,
    exists,
    func,
    select,
    true,
)

from app.storage.queries.info import load_info
from app.storage.queries.records import ClaimRecord, Named, Source, claim_records
from app.storage.queries.search import RANKED, fts_matches, highlights, ranked_matches
from app.storage.queries.spec import PAGE_SIZE, ClaimFilters
from app.storage.sortkeys import possibly_said_by, said_on_or_after
from app.storage.tables import (
    ACTOR_STATS,
    CLAIM_SOURCES,
    CLAIM_TOPICS,
    CLAIMS,
    ENTITIES,
    SOURCE_STATS,
    SOURCE_TOPIC_STATS,
    SOURCES,
    STANCE_STATS,
    TOPIC_STATS,
    TOPICS,
)

FACET_LIMIT = 30
COUNT_CAP = 10_000  # a total no summary answers is counted up to this many claims
FACET_SAMPLE = 5_000  # facets no summary answers count the first this many matches


@dataclass
class ClaimPage:
    """One page of a filtered claim list; `capped`: the total is at least `total`."""

    claims: list[ClaimRecord]
    total: int
    page: int
    page_size: int = PAGE_SIZE
    capped: bool = False

    @property
    def pages(self) -> int:
        """How many pages the whole list has (at least 1)."""
        return max(1, -(-self.total // self.page_size))


@dataclass
class Facets:
    """Claim counts per source and per topic, each within every other filter.

    `capped`: the counts cover only the first `FACET_SAMPLE` matching claims.
    """

    sources: list[Source] = field(default_factory=list)
    topics: list[tuple[Named, int]] = field(default_factory=list)
    capped: bool = False
    sample: int = FACET_SAMPLE


def source_ids(slugs: tuple[str, ...]) -> Select:
    """Row ids of the sources `slugs`."""
    return select(SOURCES.c.id).where(SOURCES.c.slug.in_(slugs))


def topic_ids(slugs: tuple[str, ...]) -> Select:
    """Row ids of the topics `slugs`."""
    return select(TOPICS.c.id).where(TOPICS.c.slug.in_(slugs))


@dataclass(frozen=True)
class Walk:
    """A claim list as a walk: the rows walked, the claim id column, the order."""

    base: FromClause
    claim_id: ColumnElement[str]
    order: list[ColumnElement[object]]
    where: list[ColumnElement[bool]]
    distinct: bool = False

    def ids(self, limit: int, offset: int = 0) -> Select:
        """The claim ids of the walk, in order, one page of them."""
        statement: Select = select(self.claim_id).select_from(self.base).where(*self.where)
        if self.distinct:  # a claim of two chosen sources is walked twice
            keys = (self.base.c.newest_key, self.base.c.oldest_key)  # what it is ordered by
            statement = select(self.claim_id, *keys).select_from(self.base)
            statement = statement.where(*self.where).distinct()
        return statement.order_by(*self.order).limit(limit).offset(offset)


def walk(filters: ClaimFilters, connection: Connection, skip: str = "") -> Walk:
    """How to list the claims matching `filters` (minus the `skip` facet) in their order."""
    sources = () if skip == "source" else filters.sources
    topics = () if skip == "topic" else filters.topics
    relevance = filters.sort == "relevance"
    dialect = connection.dialect.name
    if not filters.q:
        fts = None
    elif relevance:
        fts = ranked_matches(connection, filters.q)
    else:
        fts = fts_matches(dialect, filters.q)
    if filters.q and fts is None:  # a search with no words finds nothing
        return Walk(CLAIMS, CLAIMS.c.id, _order(filters, CLAIMS), [~true()])
    if filters.sort == "relevance" and fts is not None:
        where = _claim_checks(filters, fts.c.claim_id, sources, topics, None)
        return Walk(fts, fts.c.claim_id, [fts.c.rank, fts.c.claim_id], where)
    matches = select(fts.c.claim_id) if fts is not None else None
    if (sources or topics) and _own_columns_narrower(connection, filters, sources, topics):
        sources_checked, topics_checked = sources, topics
        sources, topics = (), ()
    else:
        sources_checked, topics_checked = (), ()
    for table, chosen, kind in (
        (CLAIM_SOURCES, sources, "source"),
        (CLAIM_TOPICS, topics, "topic"),
    ):
        if chosen:
            ids = source_ids(chosen) if kind == "source" else topic_ids(chosen)
            own = table.c.source_id if kind == "source" else table.c.topic_id
            rest_sources, rest_topics = ((), topics) if kind == "source" else (sources, ())
            where = [own.in_(ids), *_key_ranges(filters, table)]
            where += _claim_checks(filters, table.c.claim_id, rest_sources, rest_topics, matches)
            return Walk(
                table, table.c.claim_id, _order(filters, table), where, distinct=len(chosen) > 1
            )
    where = [*_key_ranges(filters, CLAIMS), *_column_conditions(filters)]
    where += _claim_checks(
        filters, CLAIMS.c.id, sources_checked, topics_checked, matches, columns=False
    )
    return Walk(CLAIMS, CLAIMS.c.id, _order(filters, CLAIMS), where)


def _own_columns_narrower(
    connection: Connection,
    filters: ClaimFilters,
    sources: tuple[str, ...],
    topics: tuple[str, ...],
) -> bool:
    """Whether the stance or actor chosen has fewer claims than the sources or topics.

    Then the list walks the claims' own index for it and checks the sources and topics
    on each claim: "Moscow's denials" walks the denials when they are fewer than
    Moscow's claims, and finds quickly that a source never denies anything.
    """
    narrow: list[Select] = []
    if filters.stance:
        narrow.append(select(STANCE_STATS.c.claims).where(STANCE_STATS.c.stance == filters.stance))
    if filters.actor:
        actor_id = select(ENTITIES.c.id).where(ENTITIES.c.slug == filters.actor)
        narrow.append(
            select(ACTOR_STATS.c.claims).where(ACTOR_STATS.c.actor_id == actor_id.scalar_subquery())
        )
    if not narrow:
        return False
    if sources:
        stats, key, ids = SOURCE_STATS, SOURCE_STATS.c.source_id, source_ids(sources)
    else:
        stats, key, ids = TOPIC_STATS, TOPIC_STATS.c.topic_id, topic_ids(topics)
    linked = connection.execute(select(func.sum(stats.c.claims)).where(key.in_(ids))).scalar()
    own = min(int(connection.execute(statement).scalar() or 0) for statement in narrow)
    return own < int(linked or 0)


def _order(filters: ClaimFilters, table: FromClause) -> list[ColumnElement[object]]:
    """Sort columns of a table with sort keys: oldest first, else newest first."""
    claim_id = table.c.id if table is CLAIMS else table.c.claim_id
    if filters.sort == "oldest":
        return [table.c.oldest_key.asc(), claim_id.asc()]
    return [table.c.newest_key.desc(), claim_id.desc()]


def _key_ranges(filters: ClaimFilters, table: FromClause) -> list[ColumnElement[bool]]:
    """Date bounds as ranges of the sort keys, which the walked index can seek to."""
    where: list[ColumnElement[bool]] = []
    if filters.day_from:
        where.append(table.c.newest_key >= said_on_or_after(filters.day_from))
    if filters.day_to:
        where.append(table.c.oldest_key < possibly_said_by(filters.day_to))
    return where


def _column_conditions(filters: ClaimFilters) -> list[ColumnElement[bool]]:
    """Conditions on the claims table's own columns."""
    where: list[ColumnElement[bool]] = []
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
    return where


def _claim_checks(
    filters: ClaimFilters,
    claim_id: ColumnElement[str],
    sources: tuple[str, ...],
    topics: tuple[str, ...],
    matches: Select | None,
    columns: bool = True,
) -> list[ColumnElement[bool]]:
    """Checks on each walked claim, by primary key: its sources, topics, columns, words."""
    where: list[ColumnElement[bool]] = []
    if sources:
        where.append(
            _linked(CLAIM_SOURCES, claim_id, CLAIM_SOURCES.c.source_id, source_ids(sources))
        )
    if topics:
        where.append(_linked(CLAIM_TOPICS, claim_id, CLAIM_TOPICS.c.topic_id, topic_ids(topics)))
    own = _column_conditions(filters) if columns else []
    if own:
        where.append(exists().where(CLAIMS.c.id == claim_id, *own))
    if filters.hide_unattributed:
        unattributed = select(SOURCES.c.id).where(SOURCES.c.kind == "unattributed")
        where.append(~_linked(CLAIM_SOURCES, claim_id, CLAIM_SOURCES.c.source_id, unattributed))
    if matches is not None:
        where.append(claim_id.in_(matches))
    return where


def _linked(
    table: FromClause, claim_id: ColumnElement[str], key: ColumnElement[int], ids: Select
) -> ColumnElement[bool]:
    """True when the claim has a link row to one of `ids`."""
    return exists().where(table.c.claim_id == claim_id, key.in_(ids))


def summary_scope(filters: ClaimFilters, skip: str = "") -> tuple[str | None, str | None] | None:
    """(source, topic) when the summary tables can answer for `filters`, else None.

    They can when nothing narrows the list but at most one source and one topic.
    """
    sources = () if skip == "source" else filters.sources
    topics = () if skip == "topic" else filters.topics
    rest = replace(filters, sources=(), topics=(), sort="newest", page=1)
    if rest != ClaimFilters() or len(sources) > 1 or len(topics) > 1:
        return None
    return (sources[0] if sources else None, topics[0] if topics else None)


def summary_count(connection: Connection, source: str | None, topic: str | None) -> int:
    """Claims of one source and/or topic (or all claims), from the summary tables."""
    if source is None and topic is None:
        info = load_info(connection)
        if info is not None:
            return info.claims
        statement = select(func.count()).select_from(CLAIMS)  # a database from before load_info
    elif topic is None and source is not None:
        statement = select(SOURCE_STATS.c.claims).where(
            SOURCE_STATS.c.source_id == source_ids((source,)).scalar_subquery()
        )
    elif source is None and topic is not None:
        statement = select(TOPIC_STATS.c.claims).where(
            TOPIC_STATS.c.topic_id == topic_ids((topic,)).scalar_subquery()
        )
    else:
        assert source is not None and topic is not None
        statement = select(SOURCE_TOPIC_STATS.c.claims).where(
            SOURCE_TOPIC_STATS.c.source_id == source_ids((source,)).scalar_subquery(),
            SOURCE_TOPIC_STATS.c.topic_id == topic_ids((topic,)).scalar_subquery(),
        )
    return int(connection.execute(statement).scalar() or 0)


def count_claims(connection: Connection, filters: ClaimFilters) -> tuple[int, bool]:
    """How many claims match `filters`, and whether that is a lower bound (capped)."""
    scope = summary_scope(filters)
    if scope is not None:
        return summary_count(connection, *scope), False
    if filters.sort == "relevance" and filters.q:
        # Only the RANKED most recent matches are ranked and listed: when all of those
        # match, there may be more, and the page says "more than".
        found = _count(connection, filters, RANKED)
        return found, found >= RANKED
    found = _count(connection, filters, COUNT_CAP + 1)
    return min(found, COUNT_CAP), found > COUNT_CAP


def _count(connection: Connection, filters: ClaimFilters, limit: int) -> int:
    ids = walk(filters, connection).ids(limit).subquery()
    return int(connection.execute(select(func.count()).select_from(ids)).scalar_one())


def list_claims(
    connection: Connection, filters: ClaimFilters, page_size: int = PAGE_SIZE
) -> ClaimPage:
    """One page of the claims matching `filters`, with search matches marked."""
    offset = (filters.page - 1) * page_size
    statement = walk(filters, connection).ids(page_size, offset)
    ids = [row[0] for row in connection.execute(statement)]
    records = claim_records(connection, ids)
    if filters.q:
        marked = highlights(connection, ids, filters.q)
        for record in records:
            record.assertion_marked, record.quote_marked = marked.get(record.id, (None, None))
    total, capped = count_claims(connection, filters)
    return ClaimPage(records, total, filters.page, page_size, capped)


def newest_claims(connection: Connection, filters: ClaimFilters, limit: int) -> list[ClaimRecord]:
    """The first `limit` claims of a list, newest first."""
    scoped = replace(filters, sort="newest", page=1)
    statement = walk(scoped, connection).ids(limit)
    return claim_records(connection, [row[0] for row in connection.execute(statement)])


def source_facet(
    connection: Connection, filters: ClaimFilters, limit: int = FACET_LIMIT
) -> tuple[list[Source], bool]:
    """Sources by claim count within `filters` (but their own source filter); capped?"""
    count, capped = _facet_counts(connection, filters, "source", limit)
    statement = (
        select(SOURCES.c.slug, SOURCES.c.label, SOURCES.c.kind, count.c.n)
        .join(count, count.c.key == SOURCES.c.id)
        .order_by(count.c.n.desc(), SOURCES.c.label)
    )
    rows = connection.execute(statement)
    return [Source(r.slug, r.label, r.kind, r.n) for r in rows], capped


def topic_facet(
    connection: Connection, filters: ClaimFilters, limit: int = FACET_LIMIT
) -> tuple[list[tuple[Named, int]], bool]:
    """Topics by claim count within `filters` (but their own topic filter); capped?"""
    count, capped = _facet_counts(connection, filters, "topic", limit)
    statement = (
        select(TOPICS.c.slug, TOPICS.c.label, count.c.n)
        .join(count, count.c.key == TOPICS.c.id)
        .order_by(count.c.n.desc(), TOPICS.c.label)
    )
    return [(Named(r.slug, r.label), r.n) for r in connection.execute(statement)], capped


def _facet_counts(
    connection: Connection, filters: ClaimFilters, kind: str, limit: int
) -> tuple[FromClause, bool]:
    """A (key, n) subquery: the top `limit` sources or topics by count; capped?"""
    scope = summary_scope(filters, skip=kind)
    if scope is not None:
        return _summary_facet(kind, *scope, limit), False
    sample = walk(filters, connection, skip=kind).ids(FACET_SAMPLE).subquery()
    size = int(connection.execute(select(func.count()).select_from(sample)).scalar_one())
    links = CLAIM_SOURCES if kind == "source" else CLAIM_TOPICS
    key = links.c.source_id if kind == "source" else links.c.topic_id
    n = func.count().label("n")
    statement = (
        select(key.label("key"), n)
        .where(links.c.claim_id.in_(select(sample.c[0])))
        .group_by(key)
        .order_by(n.desc(), key)
        .limit(limit)
    )
    return statement.subquery("facet"), size >= FACET_SAMPLE


def _summary_facet(kind: str, source: str | None, topic: str | None, limit: int) -> FromClause:
    """The top sources (or topics) by claims, of one topic (or source) or of all."""
    if kind == "source":
        stats, key, other = SOURCE_STATS, SOURCE_STATS.c.source_id, topic
        if other is not None:
            stats, key = SOURCE_TOPIC_STATS, SOURCE_TOPIC_STATS.c.source_id
    else:
        stats, key, other = TOPIC_STATS, TOPIC_STATS.c.topic_id, source
        if other is not None:
            stats, key = SOURCE_TOPIC_STATS, SOURCE_TOPIC_STATS.c.topic_id
    statement = select(key.label("key"), stats.c.claims.label("n"))
    if other is not None and kind == "source":
        statement = statement.where(stats.c.topic_id == topic_ids((other,)).scalar_subquery())
    elif other is not None:
        statement = statement.where(stats.c.source_id == source_ids((other,)).scalar_subquery())
    return statement.order_by(stats.c.claims.desc(), key).limit(limit).subquery("facet")


def facets(connection: Connection, filters: ClaimFilters) -> Facets:
    """Source and topic counts, each facet counted within every other filter."""
    sources, sources_capped = source_facet(connection, filters)
    topics, topics_capped = topic_facet(connection, filters)
    return Facets(sources, topics, sources_capped or topics_capped, FACET_SAMPLE)


def iter_claims(
    connection: Connection, filters: ClaimFilters, limit: int, batch: int = 500
) -> Iterator[ClaimRecord]:
    """Every claim matching `filters` in list order, at most `limit`, loaded in batches."""
    statement = walk(replace(filters, page=1), connection).ids(limit)
    ids = [row[0] for row in connection.execute(statement)]
    for start in range(0, len(ids), batch):
        yield from claim_records(connection, ids[start : start + batch])
