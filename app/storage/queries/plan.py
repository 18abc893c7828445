"""How a claim list is read: one index walked in list order, every other filter a check.

No query here reads every claim. The list walks the index of the chosen dimension with
the fewest claims (the summary tables say how many; see `dimensions.py`), or the
claims' own sort index when nothing is chosen, or the full-text matches by rank. Every
other filter is a check on each claim walked (`EXISTS` on a primary key). Date bounds
are ranges of the walked sort key, so the index seeks to them.

`ClaimQuery` is built once per request from the filters; the page, the total and each
facet read the walks it plans (each facet the list without its own dimension).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    FromClause,
    Select,
    and_,
    exists,
    func,
    select,
    true,
    tuple_,
)

from app.storage.queries.dimensions import BY_NAME, DIMENSIONS, IndexWalk, pair_table
from app.storage.queries.info import load_info
from app.storage.queries.search import RANKED, fts_matches, ranked_matches
from app.storage.queries.spec import ClaimFilters, FilterError
from app.storage.sortkeys import possibly_said_by, said_on_or_after
from app.storage.tables import CLAIM_SOURCES, CLAIMS, SOURCES


@dataclass(frozen=True)
class Position:
    """Where a page starts: after the row with this sort key and claim id, or at an offset
    (ranked search results, which are few)."""

    key: int | None = None
    claim_id: str = ""
    offset: int = 0

    def token(self) -> str:
        """The `next` URL value: '<key>.<claim id>' or 'o<offset>'."""
        return f"o{self.offset}" if self.key is None else f"{self.key}.{self.claim_id}"


def parse_token(value: str, relevance: bool) -> Position:
    """The position a `next` token names; FilterError when it is not one of this list's."""
    value = value.strip()
    if relevance and value[:1] == "o" and value[1:].isdigit() and len(value) < 12:
        return Position(offset=int(value[1:]))
    key, _, claim_id = value.partition(".")
    if not relevance and key.isdigit() and len(key) < 20 and 0 < len(claim_id) <= 64:
        return Position(int(key), claim_id)
    raise FilterError(
        f"next={value[:40]!r} is not a position in this list: start from its first page."
    )


@dataclass(frozen=True, eq=False)
class Walk:
    """A claim list as a walk: the rows walked, their claim id, sort key and conditions."""

    base: FromClause
    claim_id: ColumnElement[str]
    key: ColumnElement[int] | None  # the sort key walked; None: ranked by `base.c.rank`
    descending: bool
    where: tuple[ColumnElement[bool], ...]
    distinct: bool = False

    def ids(self, limit: int, after: Position | None = None, offset: int = 0) -> Select:
        """The claim ids of the walk from `after` on, in order: (claim_id, key)."""
        if self.key is None:  # ranked: best first, a page at an offset
            statement = select(self.claim_id, self.base.c.rank).select_from(self.base)
            statement = statement.where(*self.where)
            if limit >= RANKED and after is None:
                return statement  # all the ranked matches (a total, a facet): no order needed
            statement = statement.order_by(self.base.c.rank, self.claim_id)
            return statement.limit(limit).offset(after.offset if after else 0)
        where = list(self.where)
        if after is not None and after.key is not None:
            past = tuple_(self.key, self.claim_id)
            start = tuple_(after.key, after.claim_id)
            where.append(past < start if self.descending else past > start)
        statement = select(self.claim_id, self.key).select_from(self.base).where(*where)
        if self.distinct:  # a claim of two chosen values is walked twice
            statement = statement.distinct()
        order: list[ColumnElement[Any]] = [self.key, self.claim_id]
        statement = statement.order_by(*(c.desc() if self.descending else c for c in order))
        return statement.limit(limit).offset(offset or None)


class ClaimQuery:
    """One request's claim list: its filters, and the walks planned from them (once)."""

    def __init__(self, connection: Connection, filters: ClaimFilters) -> None:
        self.connection = connection
        self.filters = filters
        self._walks: dict[str, Walk] = {}
        self._estimates: dict[tuple[str, tuple[str, ...]], int] = {}

    @cached_property
    def after(self) -> Position | None:
        """Where this page starts; None on the first page."""
        if self.filters.after is None:
            return None
        return parse_token(self.filters.after, self.filters.sort == "relevance")

    def starting_at(self, start: Position | None) -> ClaimQuery:
        """The same list from `start` (None: from its first page)."""
        filters = replace(self.filters, after=start.token() if start else None)
        return ClaimQuery(self.connection, filters)

    @property
    def walk(self) -> Walk:
        """The walk of the whole list."""
        return self.walk_without("")

    def walk_without(self, dimension: str) -> Walk:
        """The walk of the list without its `dimension` filter (for that facet)."""
        if dimension not in self._walks:
            self._walks[dimension] = self._plan(dimension)
        return self._walks[dimension]

    def chosen(self, skip: str = "") -> list[tuple[str, tuple[str, ...]]]:
        """(dimension, values) narrowing the list, in the order of DIMENSIONS."""
        return [
            (d.name, self.filters.values(d.name))
            for d in DIMENSIONS
            if d.name != skip and self.filters.values(d.name)
        ]

    def _plan(self, skip: str) -> Walk:
        filters = self.filters
        chosen = self.chosen(skip)
        fts = None
        if filters.q:
            if filters.sort == "relevance":
                fts = ranked_matches(self.connection, filters.q)
            else:
                fts = fts_matches(self.connection.dialect.name, filters.q)
            if fts is None:  # a search with no words finds nothing
                return Walk(CLAIMS, CLAIMS.c.id, CLAIMS.c.newest_key, True, (~true(),))
        if fts is not None and filters.sort == "relevance":
            where = self._checks(chosen, fts.c.claim_id, None)
            return Walk(fts, fts.c.claim_id, None, False, tuple(where))
        driver = self._driver(chosen)
        walked = BY_NAME[driver[0]].walk(driver[1]) if driver else None
        if walked is None:
            walked = IndexWalk(CLAIMS, CLAIMS.c.id, true())
        rest = [(name, values) for name, values in chosen if driver is None or name != driver[0]]
        descending = filters.sort != "oldest"
        key = walked.table.c.newest_key if descending else walked.table.c.oldest_key
        matches = select(fts.c.claim_id) if fts is not None else None
        where = [walked.where, *self._key_ranges(walked.table)]
        where += self._checks(rest, walked.claim_id, matches)
        return Walk(walked.table, walked.claim_id, key, descending, tuple(where), walked.distinct)

    def _driver(
        self, chosen: list[tuple[str, tuple[str, ...]]]
    ) -> tuple[str, tuple[str, ...]] | None:
        """The chosen dimension with an index and the fewest claims, which the list walks."""
        walkable = [
            (name, values) for name, values in chosen if BY_NAME[name].walk(values) is not None
        ]
        if len(walkable) <= 1:
            return walkable[0] if walkable else None
        return min(walkable, key=lambda item: self.estimate(*item))

    def estimate(self, name: str, values: tuple[str, ...]) -> int:
        """About how many claims have one of `values` (summary tables; 0 when unknown)."""
        if (name, values) not in self._estimates:
            dimension = BY_NAME[name]
            stats = dimension.stats
            if stats is None:
                stats = pair_table("source", name)
            found = 0
            if stats is not None:
                key = stats.c[dimension.key]
                total = select(func.sum(stats.c.claims)).where(key.in_(dimension.keys(values)))
                found = int(self.connection.execute(total).scalar() or 0)
            self._estimates[(name, values)] = found
        return self._estimates[(name, values)]

    def _key_ranges(self, table: FromClause) -> list[ColumnElement[bool]]:
        """Date bounds as ranges of the sort keys, which the walked index can seek to."""
        where: list[ColumnElement[bool]] = []
        if self.filters.day_from:
            where.append(table.c.newest_key >= said_on_or_after(self.filters.day_from))
        if self.filters.day_to:
            where.append(table.c.oldest_key < possibly_said_by(self.filters.day_to))
        return where

    def _checks(
        self,
        chosen: list[tuple[str, tuple[str, ...]]],
        claim_id: ColumnElement[str],
        matches: Select | None,
    ) -> list[ColumnElement[bool]]:
        """Checks on each walked claim, by primary key: dimensions, dates, words, narration."""
        where = [BY_NAME[name].check(values, claim_id) for name, values in chosen]
        days = self._day_conditions()
        if days:
            where.append(and_(*days) if claim_id is CLAIMS.c.id else _claim_has(claim_id, days))
        if self.filters.hide_unattributed:
            unattributed = select(SOURCES.c.id).where(SOURCES.c.kind == "unattributed")
            linked = CLAIM_SOURCES.c.source_id.in_(unattributed)
            where.append(~_exists_link(claim_id, linked))
        if matches is not None:
            where.append(claim_id.in_(matches))
        return where

    def _day_conditions(self) -> list[ColumnElement[bool]]:
        """A claim qualifies when the days it may have been said on overlap the range."""
        where: list[ColumnElement[bool]] = []
        if self.filters.day_from:
            where.append(CLAIMS.c.said_on_end >= self.filters.day_from)
        if self.filters.day_to:
            first = func.coalesce(CLAIMS.c.said_on_start, CLAIMS.c.said_on_end)
            where.append(first <= self.filters.day_to)
        return where

    def summary_count(self, skip: str = "") -> int | None:
        """The list's total from the summary tables, when they can answer; else None.

        They can when only dimensions narrow the list: none (every claim), one value of
        one with a summary of its own, or one value each of two with a pair table.
        """
        rest = replace(self.filters, chosen=(), sort="newest", after=None)
        chosen = self.chosen(skip)
        if rest != ClaimFilters() or any(len(values) > 1 for _, values in chosen):
            return None
        if not chosen:
            info = load_info(self.connection)
            if info is not None:
                return info.claims
            return int(
                self.connection.execute(select(func.count()).select_from(CLAIMS)).scalar_one()
            )
        if len(chosen) == 1:
            table = BY_NAME[chosen[0][0]].stats
        elif len(chosen) == 2:
            table = pair_table(chosen[0][0], chosen[1][0])
        else:
            return None
        if table is None:
            return None
        conditions = [
            table.c[BY_NAME[name].key].in_(BY_NAME[name].keys(values)) for name, values in chosen
        ]
        total = select(func.sum(table.c.claims)).where(*conditions)
        return int(self.connection.execute(total).scalar() or 0)


def _claim_has(
    claim_id: ColumnElement[str], conditions: list[ColumnElement[bool]]
) -> ColumnElement[bool]:
    return exists().where(CLAIMS.c.id == claim_id, *conditions)


def _exists_link(
    claim_id: ColumnElement[str], condition: ColumnElement[bool]
) -> ColumnElement[bool]:
    return exists().where(CLAIM_SOURCES.c.claim_id == claim_id, condition)
