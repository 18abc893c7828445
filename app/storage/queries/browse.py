"""Counts and groupings for the overview, source, topic and article pages."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, func, select

from app.storage.queries.claims import newest_claims
from app.storage.queries.dimensions import BY_NAME, SOURCE, FacetValue, LinkDimension
from app.storage.queries.facets import facet
from app.storage.queries.info import load_info
from app.storage.queries.perload import per_load
from app.storage.queries.plan import ClaimQuery
from app.storage.queries.records import ArticleInfo, ClaimRecord, Named, claim_records
from app.storage.queries.spec import ClaimFilters
from app.storage.tables import (
    ARTICLES,
    CLAIMS,
    SOURCE_STATS,
    SOURCE_TOPIC_STATS,
    SOURCES,
    SPEAKER_STATS,
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


def top_values(
    connection: Connection, name: str, limit: int = LIST_LIMIT, filters: ClaimFilters | None = None
) -> list[FacetValue]:
    """Values of dimension `name` with their claim counts (within `filters`), most first."""
    query = ClaimQuery(connection, filters or ClaimFilters())
    return facet(query, name, limit, seconds=float("inf")).values


FORM_DIMENSIONS = {"sources": "source", "entities": "actor", "topics": "topic"}


def all_names(connection: Connection, table_name: str, limit: int = 300) -> list[tuple[str, str]]:
    """(slug, label) of the sources, actors ("entities") or topics a form offers, by label.

    They are the `limit` with the most claims (a corpus may name tens of thousands; the
    first few hundred by alphabet would be a poor choice); anything else typed is still
    found by name.
    """

    def by_label() -> list[tuple[str, str]]:
        values = top_values(connection, FORM_DIMENSIONS[table_name], limit)
        return sorted(((v.slug, v.label) for v in values), key=lambda n: (n[1].lower(), n[0]))

    return per_load(connection, ("form names", table_name, limit), by_label)


def source_topic_matrix(
    connection: Connection, source_slugs: list[str]
) -> dict[tuple[str, str], int]:
    """Claim counts by (source slug, topic slug) for the given sources."""
    statement = (
        select(SOURCES.c.slug, TOPICS.c.slug.label("topic"), SOURCE_TOPIC_STATS.c.claims)
        .select_from(SOURCE_TOPIC_STATS)
        .join(SOURCES, SOURCES.c.id == SOURCE_TOPIC_STATS.c.source_id)
        .join(TOPICS, TOPICS.c.id == SOURCE_TOPIC_STATS.c.topic_id)
        .where(SOURCE_TOPIC_STATS.c.source_id.in_(SOURCE.keys(source_slugs)))
    )
    return {(r.slug, r.topic): r.claims for r in connection.execute(statement)}


def count_sources(connection: Connection) -> int:
    """How many sources have claims."""
    info = load_info(connection)
    if info is not None:
        return info.sources
    return int(connection.execute(select(func.count()).select_from(SOURCE_STATS)).scalar_one())


def get_value(connection: Connection, name: str, slug: str) -> FacetValue | None:
    """One source or topic (a dimension with a table of names) with its claim count."""
    dimension = BY_NAME[name]
    assert isinstance(dimension, LinkDimension) and dimension.stats is not None
    table, stats = dimension.table, dimension.stats
    statement = (
        select(table, func.coalesce(stats.c.claims, 0).label("n"))
        .outerjoin(stats, stats.c[dimension.key] == table.c.id)
        .where(table.c.slug == slug)
    )
    row = connection.execute(statement).first()
    if row is None:
        return None
    return FacetValue(row.slug, row.label, int(row.n), getattr(row, "kind", None))


def speakers(connection: Connection, source_slug: str, limit: int = 50) -> list[Speaker]:
    """The people who spoke for a source, most claims first."""
    stats = SPEAKER_STATS
    statement = (
        select(stats.c.speaker_name, stats.c.speaker_role, stats.c.claims)
        .where(stats.c.source_id.in_(SOURCE.keys([source_slug])))
        .order_by(stats.c.claims.desc(), stats.c.speaker_name)
        .limit(limit)
    )
    rows = connection.execute(statement)
    return [Speaker(r.speaker_name, r.speaker_role, r.claims) for r in rows]


def grouped_claims(
    connection: Connection, by: str, within: ClaimFilters, per_group: int
) -> list[Group]:
    """Claims of a list split by the values of dimension `by`, newest first in each."""
    groups = []
    for value in top_values(connection, by, filters=within):
        scoped = within.choose(by, (value.slug,))
        key = Named(value.slug, value.label)
        groups.append(Group(key, value.count, newest_claims(connection, scoped, per_group)))
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
