"""Facets: claim counts per value of a dimension, each within every other filter.

Like Datasette's facets, each is read on its own under its own time limit: one that
runs out says "timed out" and the page answers anyway. A facet comes from the summary
tables when they can answer (nothing else narrows the list, or one value of one other
dimension with a pair table); otherwise it counts the first `FACET_SAMPLE` claims of
the list (newest first) and says so. Claims read for one facet are reused by the next
that walks the same list.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

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
            counts, sampled = _counts(query, dimension, limit)
            values = dimension.facet_values(query.connection, counts)
    except TimedOut:
        return Facet(dimension, timed_out=True)
    return Facet(dimension, values, sampled)


def read_facets(
    query: ClaimQuery, names: tuple[str, ...], seconds: float | None = None
) -> list[Facet]:
    """The facets `names`, in that order."""
    return [facet(query, name, seconds=seconds) for name in names]


def _counts(query: ClaimQuery, dimension: Dimension, limit: int) -> tuple[Select, int]:
    """(key, n) rows of the top values, and the sample's size limit when the sample was
    full (0: every claim was counted)."""
    summary = _summary_counts(query, dimension, limit)
    if summary is not None:
        return summary, 0
    ids = _sample(query, dimension.name)
    return dimension.sample_counts(ids, limit), FACET_SAMPLE if len(ids) >= FACET_SAMPLE else 0


def _summary_counts(query: ClaimQuery, dimension: Dimension, limit: int) -> Select | None:
    """The top values from a summary table, when one answers for the rest of the filters."""
    rest = replace(query.filters, chosen=(), sort="newest", after=None)
    others = query.chosen(skip=dimension.name)
    if rest != ClaimFilters() or len(others) > 1 or any(len(v) > 1 for _, v in others):
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


def _sample(query: ClaimQuery, skip: str) -> list[str]:
    """The first FACET_SAMPLE claim ids of the list without `skip`, read once per walk."""
    walk = query.walk_without(skip)
    found = query.samples.get(walk)
    if found is None:
        rows = query.connection.execute(walk.ids(FACET_SAMPLE))
        found = query.samples[walk] = [row[0] for row in rows]
    return found
