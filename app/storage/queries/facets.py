"""Facets: claim counts per value of a dimension, each within every other filter.

Like Datasette's facets, each is read on its own under its own time limit: one that
runs out says "timed out" and the page answers anyway. A facet comes from the summary
tables when they can answer (nothing else narrows the list, or one value of one other
dimension with a pair table); otherwise it counts the first `FACET_SAMPLE` claims of
the list (newest first) and says so; the sample is a subquery, so the claims it holds
never leave the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from sqlalchemy import Select, func, select

from app.storage.queries.deadline import TimedOut, time_limit
from app.storage.queries.dimensions import BY_NAME, Dimension, FacetValue, pair_table
from app.storage.queries.plan import ClaimQuery
from app.storage.queries.spec import ClaimFilters

FACET_LIMIT = 30  # values shown per facet
FACET_SAMPLE = 5_000  # facets no summary answers count the first this many claims
FACET_SECONDS = 0.5  # each facet's own time limit


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
    try:
        with time_limit(query.connection, FACET_SECONDS if seconds is None else seconds):
            statement, sampled = _statement(query, dimension, limit)
            values = dimension.facet_values(query.connection, statement)
    except TimedOut:
        return Facet(dimension, timed_out=True)
    return Facet(dimension, values, sampled)


def read_facets(
    query: ClaimQuery, names: tuple[str, ...], seconds: float | None = None
) -> list[Facet]:
    """The facets `names`, in that order."""
    return [facet(query, name, seconds=seconds) for name in names]


def _statement(query: ClaimQuery, dimension: Dimension, limit: int) -> tuple[Select, int]:
    """The facet's statement, and the sample's size limit when the sample was full (0:
    every claim was counted)."""
    others = query.chosen(skip=dimension.name)
    if not others and _only_dimensions(query) and dimension.stats is not None:
        return _top_values(dimension.name, limit), 0
    summary = _summary_counts(query, dimension, limit)
    if summary is not None:
        return dimension.facet_statement(summary), 0
    sample = query.walk_without(dimension.name).ids(FACET_SAMPLE).subquery("sample")
    counts = dimension.sample_counts(select(sample.c[0]), limit)
    size = query.connection.execute(select(func.count()).select_from(sample)).scalar_one()
    return dimension.facet_statement(counts), FACET_SAMPLE if size >= FACET_SAMPLE else 0


def _only_dimensions(query: ClaimQuery) -> bool:
    """Whether nothing but dimensions narrows the list (no words, dates or narration)."""
    return replace(query.filters, chosen=(), sort="newest", after=None) == ClaimFilters()


@lru_cache(maxsize=64)
def _top_values(name: str, limit: int) -> Select:
    """The statement of a facet nothing else narrows: the top of the dimension's own
    summary. Built once: forms and lists ask for it on every page."""
    dimension = BY_NAME[name]
    assert dimension.stats is not None
    table, key = dimension.stats, dimension.stats.c[dimension.key]
    counts = select(key.label("key"), table.c.claims.label("n"))
    return dimension.facet_statement(counts.order_by(table.c.claims.desc(), key).limit(limit))


def _summary_counts(query: ClaimQuery, dimension: Dimension, limit: int) -> Select | None:
    """The top values from a summary table, when one answers for the rest of the filters."""
    others = query.chosen(skip=dimension.name)
    if not _only_dimensions(query) or len(others) > 1 or any(len(v) > 1 for _, v in others):
        return None
    if not others:
        table = dimension.stats
        if table is None:
            return None
        key = table.c[dimension.key]
        statement = select(key.label("key"), table.c.claims.label("n"))
        return statement.order_by(table.c.claims.desc(), key).limit(limit)
    other, values = others[0]
    table = pair_table(dimension.name, other)
    if table is None:
        return None
    key, n = table.c[dimension.key], func.sum(table.c.claims).label("n")
    statement = select(key.label("key"), n).where(
        table.c[BY_NAME[other].key].in_(BY_NAME[other].keys(values))
    )
    return statement.group_by(key).order_by(n.desc(), key).limit(limit)
