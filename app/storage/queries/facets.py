"""Facets: claim counts per value of a dimension, each within every other filter.

Like Datasette's facets, each is read on its own under its own time limit: one that
runs out says "timed out" and the page answers anyway. A facet comes from the summary
tables when they can answer (nothing else narrows the list, or one value of one other
dimension with a pair table); otherwise it counts the first `FACET_SAMPLE` claims of
the list (newest first) and says so; the sample is a subquery, so the claims it holds
never leave the database. A search ranked by relevance counts its best `RANKED_SAMPLE`
matches. The top of a facet nothing narrows is the same until the next load, so it is
read once per load (`perload.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from sqlalchemy import bindparam, func, select

from app.storage.queries.compiled import Prepared, Values
from app.storage.queries.deadline import TimedOut, time_limit
from app.storage.queries.dimensions import BY_NAME, Dimension, FacetValue, pair_table
from app.storage.queries.perload import per_load
from app.storage.queries.plan import ClaimQuery, Walk
from app.storage.queries.spec import ClaimFilters

FACET_LIMIT = 30  # values shown per facet
FACET_SAMPLE = 5_000  # facets no summary answers count the first this many claims
FACET_SECONDS = 0.5  # each facet's own time limit
RANKED_SAMPLE = 500  # a search's facets count its best this many matches


@dataclass
class Facet:
    """A dimension's values with their claim counts within the rest of the filters."""

    dimension: Dimension
    values: list[FacetValue] = field(default_factory=list)
    sampled: int = 0  # when counted over a sample: how many claims it held at most
    timed_out: bool = False


def facet(
    query: ClaimQuery, name: str, limit: int = FACET_LIMIT, seconds: float | None = None
) -> Facet:
    """The facet of dimension `name` for the query, within its own time limit (by default
    FACET_SECONDS)."""
    dimension = BY_NAME[name]
    connection = query.connection
    try:
        with time_limit(connection, FACET_SECONDS if seconds is None else seconds):
            if _unnarrowed(query, dimension):  # the same for every page until a load
                statement = _top_values(name, limit)
                values = per_load(
                    connection,
                    ("top values", name, limit),
                    lambda: dimension.facet_values(connection, statement, {}),
                )
                return Facet(dimension, list(values))  # a copy: callers may sort theirs
            summary = _summary_counts(query, dimension, limit)
            if summary is not None:
                return Facet(dimension, dimension.facet_values(connection, summary, query.params))
            return _sampled(query, dimension, limit)
    except TimedOut:
        return Facet(dimension, timed_out=True)


def read_facets(
    query: ClaimQuery, names: tuple[str, ...], seconds: float | None = None
) -> list[Facet]:
    """The facets `names`, in that order."""
    return [facet(query, name, seconds=seconds) for name in names]


def _sampled(query: ClaimQuery, dimension: Dimension, limit: int) -> Facet:
    """The facet counted over the first claims of the list without its own dimension:
    FACET_SAMPLE of them, or a search's RANKED_SAMPLE best matches."""
    connection = query.connection
    if query.plain_ranking:
        full = query.ranking.more_than(RANKED_SAMPLE)
        ids = query.ranking.claim_ids(0, RANKED_SAMPLE)
        statement = _listed_counts(dimension.name, limit)
        values = dimension.facet_values(connection, statement, {"sample": ids})
        return Facet(dimension, values, RANKED_SAMPLE if full else 0)
    walk = query.walk_without(dimension.name)
    counts, size = _sample_statements(walk, dimension.name, limit)
    found = dimension.facet_rows(query.rows(counts, limit=FACET_SAMPLE))
    full = int(query.rows(size, limit=FACET_SAMPLE)[0][0]) >= FACET_SAMPLE
    return Facet(dimension, found, FACET_SAMPLE if full else 0)


@lru_cache(maxsize=256)
def _sample_statements(walk: Walk, name: str, limit: int) -> tuple[Prepared, Prepared]:
    """The counts of dimension `name` over the first `:limit` claims of `walk`, and the
    number of claims that sample holds."""
    dimension = BY_NAME[name]
    sample = walk.select().subquery("sample")
    counts = dimension.sample_counts(select(sample.c[0]), limit)
    size = select(func.count()).select_from(sample)
    return Prepared(dimension.facet_statement(counts)), Prepared(size)


@lru_cache(maxsize=64)
def _listed_counts(name: str, limit: int) -> Prepared:
    """The counts of dimension `name` over the claim ids bound as the list `:sample` (a
    SQLite search's best matches: read straight from the JSON list bound)."""
    dimension = BY_NAME[name]
    values = func.json_each(bindparam("sample", type_=Values())).table_valued("value")
    listed = select(values.c.value)
    return Prepared(dimension.facet_statement(dimension.sample_counts(listed, limit)))


def _unnarrowed(query: ClaimQuery, dimension: Dimension) -> bool:
    """Whether nothing but the dimension itself narrows the list, and its own summary
    counts its values: the facet is the top of that summary."""
    return (
        dimension.stats is not None
        and not query.chosen(skip=dimension.name)
        and _only_dimensions(query)
    )


def _only_dimensions(query: ClaimQuery) -> bool:
    """Whether nothing but dimensions narrows the list (no words, dates or narration)."""
    return replace(query.filters, chosen=(), sort="newest", after=None) == ClaimFilters()


@lru_cache(maxsize=64)
def _top_values(name: str, limit: int) -> Prepared:
    """The statement of a facet nothing else narrows: the top of the dimension's own
    summary. Built once: forms and lists ask for it on every page."""
    dimension = BY_NAME[name]
    assert dimension.stats is not None
    table, key = dimension.stats, dimension.stats.c[dimension.key]
    counts = select(key.label("key"), table.c.claims.label("n"))
    counts = counts.order_by(table.c.claims.desc(), key).limit(limit)
    return Prepared(dimension.facet_statement(counts))


def _summary_counts(query: ClaimQuery, dimension: Dimension, limit: int) -> Prepared | None:
    """The top values from a pair table, when one value of one other dimension is all
    that narrows the list."""
    others = query.chosen(skip=dimension.name)
    if not _only_dimensions(query) or len(others) != 1 or len(others[0][1]) > 1:
        return None
    return _pair_counts(dimension.name, others[0][0], limit)


@lru_cache(maxsize=64)
def _pair_counts(name: str, other: str, limit: int) -> Prepared | None:
    """The top values of `name` among the claims of one bound value of `other`."""
    dimension = BY_NAME[name]
    table = pair_table(name, other)
    if table is None:
        return None
    key, n = table.c[dimension.key], func.sum(table.c.claims).label("n")
    statement = select(key.label("key"), n).where(
        BY_NAME[other].has_key(table.c[BY_NAME[other].key])
    )
    statement = statement.group_by(key).order_by(n.desc(), key).limit(limit)
    return Prepared(dimension.facet_statement(statement))
