"""One claim, its article's body, and the timeline of claim counts by date."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, select

from app.storage.queries.compiled import Prepared
from app.storage.queries.plan import ClaimQuery
from app.storage.queries.records import ClaimRecord, claim_records
from app.storage.queries.spec import ClaimFilters
from app.storage.tables import (
    ARTICLES,
    TIMELINE_STATS,
)

TIMELINE_LIMIT = 24


@dataclass(frozen=True)
class DateGroup:
    """The claims said on one date as written (one precision), for the timeline."""

    said_on: str | None
    precision: str
    start: str | None
    end: str | None
    count: int


def get_claim(connection: Connection, claim_id: str) -> ClaimRecord | None:
    """One claim by its id."""
    records = claim_records(connection, [claim_id])
    return records[0] if records else None


ARTICLE_BODY = Prepared(select(ARTICLES.c.body).where(ARTICLES.c.slug == bindparam("slug")))


def article_body(connection: Connection, article_slug: str) -> str:
    """The body of an article, which a claim's quote offsets point into."""
    row = ARTICLE_BODY.first(connection, {"slug": article_slug})
    if row is None:
        raise LookupError(f"no article {article_slug!r}")
    return str(row[0])


def timeline(connection: Connection, limit: int = TIMELINE_LIMIT) -> list[DateGroup]:
    """Claim counts per said-on date as written, newest first."""
    stats = TIMELINE_STATS
    statement = (
        select(stats)
        .order_by(stats.c.said_on_end.desc().nulls_last(), stats.c.said_on_precision)
        .limit(limit)
    )
    return [
        DateGroup(r.said_on, r.said_on_precision, r.said_on_start, r.said_on_end, r.claims)
        for r in connection.execute(statement)
    ]


def total_claims(connection: Connection) -> int:
    """How many claims there are."""
    total = ClaimQuery(connection, ClaimFilters()).summary_count()
    assert total is not None  # nothing narrows the list: the summaries answer
    return total
