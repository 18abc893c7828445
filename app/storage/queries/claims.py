"""Pages of a claim list: each continues from the last row of the one before (keyset).

A page is the next `page_size` claims of the list's walk after a position (its sort key
and claim id), so the thousandth page is read as fast as the first, and every claim of
every list can be reached. Ranked search results, which are at most `RANKED`, page by
offset. `iter_claims` reads a whole list the same way, for the export.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from sqlalchemy import Connection

from app.storage.queries.counts import count_claims
from app.storage.queries.plan import ClaimQuery, Position
from app.storage.queries.records import ClaimRecord, claim_records
from app.storage.queries.search import highlighter
from app.storage.queries.spec import PAGE_SIZE, ClaimFilters

EXPORT_BATCH = 500


@dataclass
class ClaimPage:
    """One page of a list; `next`: where the following page starts (None: this is the last).

    `capped`: the total stopped at its cap, so there are at least `total` claims.
    """

    claims: list[ClaimRecord]
    total: int
    capped: bool
    next: Position | None
    first: bool
    page_size: int = PAGE_SIZE


def page_rows(
    query: ClaimQuery, size: int, after: Position | None
) -> tuple[list[str], Position | None]:
    """The claim ids of one page from `after`, and where the page after it starts."""
    if query.plain_ranking:  # a slice of the ranked matches
        start = after.offset if after else 0
        more = query.ranking.more_than(start + size)
        ids = query.ranking.claim_ids(start, start + size)
        return ids, Position(offset=start + size) if more else None
    walk = query.walk
    if walk.key is None:  # ranked, with other filters: pages by offset
        start = after.offset if after else 0
        rows = query.rows(walk.ids(offset=True), limit=size + 1, offset=start)
    elif after is not None and after.key is not None:
        values = {"after_key": after.key, "after_id": after.claim_id}
        rows = query.rows(walk.ids(after=True), limit=size + 1, **values)
    else:
        rows = query.rows(walk.ids(), limit=size + 1)
    ids = [row[0] for row in rows[:size]]
    if len(rows) <= size:
        return ids, None
    last = rows[size - 1]
    if walk.key is None:
        return ids, Position(offset=(after.offset if after else 0) + size)
    return ids, Position(int(last[1]), last[0])


def list_claims(query: ClaimQuery, page_size: int = PAGE_SIZE) -> ClaimPage:
    """One page of the claims matching the query, with search matches marked."""
    ids, following = page_rows(query, page_size, query.after)
    records = claim_records(query.connection, ids)
    mark = highlighter(query.filters.q)
    if mark is not None:
        for record in records:
            record.assertion_marked, record.quote_marked = mark(record.assertion, record.quote_text)
    total, capped = count_claims(query)
    return ClaimPage(records, total, capped, following, query.after is None, page_size)


def page_start(query: ClaimQuery, page: int, page_size: int = PAGE_SIZE) -> Position | None:
    """Where page number `page` of an old `?page=N` link starts; None: the first page or past
    the end. Read once by offset, then the list goes on by keyset."""
    if page <= 1:
        return None
    skipped = (page - 1) * page_size
    if query.walk.key is None:
        return Position(offset=skipped)
    rows = query.rows(query.walk.ids(offset=True), limit=1, offset=skipped - 1)
    return Position(int(rows[0][1]), rows[0][0]) if rows else None


def newest_claims(connection: Connection, filters: ClaimFilters, limit: int) -> list[ClaimRecord]:
    """The first `limit` claims of a list, newest first."""
    query = ClaimQuery(connection, replace(filters, sort="newest", after=None))
    ids, _ = page_rows(query, limit, None)
    return claim_records(connection, ids)


def iter_claims(connection: Connection, filters: ClaimFilters) -> Iterator[ClaimRecord]:
    """Every claim of a list, in list order, read a batch at a time from where the last
    stopped: the same walk as the pages, so an export equals the pages one after another."""
    query = ClaimQuery(connection, filters.start())
    after = None
    while True:
        ids, after = page_rows(query, EXPORT_BATCH, after)
        yield from claim_records(connection, ids)
        if after is None:
            return
