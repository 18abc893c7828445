"""How many claims a list holds: from the summary tables when they can say, else counted
up to a cap, and said to be capped."""

from __future__ import annotations

from sqlalchemy import func, select

from app.storage.queries.plan import ClaimQuery
from app.storage.queries.search import RANKED

COUNT_CAP = 10_000  # a total no summary answers is counted up to this many claims


def count_claims(query: ClaimQuery) -> tuple[int, bool]:
    """How many claims match, and whether that is a lower bound (capped)."""
    exact = query.summary_count()
    if exact is not None:
        return exact, False
    if query.walk.key is None:
        # Only the RANKED most recent matches are ranked and listed: when all of those
        # match, there may be more, and the page says "more than".
        found = _count(query, RANKED)
        return found, found >= RANKED
    found = _count(query, COUNT_CAP + 1)
    return min(found, COUNT_CAP), found > COUNT_CAP


def _count(query: ClaimQuery, limit: int) -> int:
    ids = query.walk.ids(limit).subquery()
    return int(query.connection.execute(select(func.count()).select_from(ids)).scalar_one())
