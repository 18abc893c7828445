"""How many claims a list holds: from the summary tables when they can say, else counted
up to a cap, and said to be capped."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import func, select

from app.storage.queries.compiled import Prepared
from app.storage.queries.plan import ClaimQuery, Walk
from app.storage.queries.search import RANKED

COUNT_CAP = 10_000  # a total no summary answers is counted up to this many claims


def count_claims(query: ClaimQuery) -> tuple[int, bool]:
    """How many claims match, and whether that is a lower bound (capped)."""
    exact = query.summary_count()
    if exact is not None:
        return exact, False
    if query.plain_ranking:
        return query.ranking.total(), query.ranking.capped()
    if query.walk.key is None:
        # Only the RANKED most recent matches are ranked and listed: when all of those
        # match, there may be more, and the page says "more than".
        found = _count(query, RANKED)
        return found, found >= RANKED
    found = _count(query, COUNT_CAP + 1)
    return min(found, COUNT_CAP), found > COUNT_CAP


def _count(query: ClaimQuery, limit: int) -> int:
    return int(query.rows(_counted(query.walk), limit=limit)[0][0])


@lru_cache(maxsize=512)
def _counted(walk: Walk) -> Prepared:
    """How many rows the walk has, up to `:limit` (ranked matches are counted unordered;
    a walk stays in its index order, so that it stops at the limit)."""
    ids = walk.select(ordered=walk.key is not None).subquery()
    return Prepared(select(func.count()).select_from(ids))
