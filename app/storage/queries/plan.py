"""How a claim list is read: one index walked in list order, every other filter a check.

No query here reads every claim. The list walks the index of the chosen dimension with
the fewest claims (the summary tables say how many; see `dimensions.py`), or the
claims' own sort index when nothing is chosen, or the full-text matches by rank. Every
other filter is a check on each claim walked (`EXISTS` on a primary key). Date bounds
are ranges of the walked sort key, so the index seeks to them.

`ClaimQuery` is built once per request from the filters; the page, the total and each
facet read the walks it plans (each facet the list without its own dimension). A walk's
statements hold no values, only parameters: they depend on the list's shape (which
dimensions are chosen, which one is walked, dates, words, sort), so each shape is
planned and compiled once (`compiled.py`) and every request binds its own values.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Connection,
    FromClause,
    Select,
    String,
    and_,
    bindparam,
    exists,
    func,
    select,
    true,
    tuple_,
)

from app.storage.queries.compiled import Prepared
from app.storage.queries.dimensions import BY_NAME, DIMENSIONS, IndexWalk, pair_table
from app.storage.queries.info import load_info
from app.storage.queries.search import (
    RANKED,
    RankedMatches,
    fts_matches,
    ranked_matches,
    search_params,
)
from app.storage.queries.spec import ClaimFilters, FilterError
from app.storage.sortkeys import possibly_said_by, said_on_or_after
from app.storage.tables import CLAIM_SOURCES, CLAIMS, SOURCES

Chosen = list[tuple[str, tuple[str, ...]]]


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
    _statements: dict[tuple[bool, bool, bool], Prepared] = field(default_factory=dict)

    def ids(self, after: bool = False, offset: bool = False, ordered: bool = True) -> Prepared:
        """The statement of the walk's claim ids in order, rows (claim_id, key or rank): at
        most `:limit`, from the row `:after_key`, `:after_id` on (`after`), past `:offset`
        rows (`offset`). Not `ordered`: any `:limit` of them (a count, a facet's sample)."""
        shape = (after, offset, ordered)
        if shape not in self._statements:
            self._statements[shape] = Prepared(self.select(after, offset, ordered))
        return self._statements[shape]

    def select(self, after: bool = False, offset: bool = False, ordered: bool = True) -> Select:
        """The Core statement of `ids` (to build on: a count, a facet's sample)."""
        limit, skip = bindparam("limit", type_=BigInteger), bindparam("offset", type_=BigInteger)
        if self.key is None:  # ranked: best first, a page at an offset
            statement = select(self.claim_id, self.base.c.rank).select_from(self.base)
            statement = statement.where(*self.where)
            if not ordered:
                return statement.limit(limit)
            statement = statement.order_by(self.base.c.rank, self.claim_id)
            return statement.limit(limit).offset(skip if offset else None)
        where = list(self.where)
        if after:
            past = tuple_(self.key, self.claim_id)
            start = tuple_(
                bindparam("after_key", type_=BigInteger), bindparam("after_id", type_=String)
            )
            where.append(past < start if self.descending else past > start)
        statement = select(self.claim_id, self.key).select_from(self.base).where(*where)
        if self.distinct:  # a claim of two chosen values is walked twice
            statement = statement.distinct()
        if ordered:
            order: list[ColumnElement[Any]] = [self.key, self.claim_id]
            statement = statement.order_by(*(c.desc() if self.descending else c for c in order))
        return statement.limit(limit).offset(skip if offset else None)


@dataclass(frozen=True)
class Shape:
    """What a walk's statements depend on: everything about a list but its values."""

    dialect: str
    chosen: tuple[tuple[str, bool], ...]  # (dimension, more than one value), in order
    driver: str | None  # the dimension whose index is walked
    search: str | None  # None, "none" (no words), "member" or "ranked"
    sort: str
    day_from: bool
    day_to: bool
    hide_unattributed: bool


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
            self._walks[dimension] = _planned(self._shape(dimension))
        return self._walks[dimension]

    def chosen(self, skip: str = "") -> Chosen:
        """(dimension, values) narrowing the list, in the order of DIMENSIONS."""
        return [
            (d.name, self.filters.values(d.name))
            for d in DIMENSIONS
            if d.name != skip and self.filters.values(d.name)
        ]

    @cached_property
    def words(self) -> dict[str, str] | None:
        """The parameters binding the search words; None when there is no search or
        nothing to search for."""
        if not self.filters.q:
            return None
        return search_params(self.connection.dialect.name, self.filters.q)

    @property
    def ranked(self) -> bool:
        """Whether the list is search results ranked by relevance."""
        return self.words is not None and self.filters.sort == "relevance"

    @cached_property
    def ranking(self) -> RankedMatches:
        """SQLite's search ranked by relevance (`search.RankedMatches`)."""
        assert self.words is not None
        return RankedMatches(self.connection, self.words["match"])

    @property
    def plain_ranking(self) -> bool:
        """Whether the list is SQLite's ranked matches with nothing else narrowing them,
        so a page is a slice of `ranking`."""
        rest = replace(self.filters, q="", sort="newest", after=None)
        return self.ranked and self.connection.dialect.name == "sqlite" and rest == ClaimFilters()

    @cached_property
    def params(self) -> dict[str, Any]:
        """The values every statement of the list binds (some use only a few)."""
        filters = self.filters
        params: dict[str, Any] = {}
        for name, values in self.chosen():
            params.update(BY_NAME[name].bind(values))
        if filters.day_from:
            params["day_from"] = filters.day_from
            params["newest_from"] = said_on_or_after(filters.day_from)
        if filters.day_to:
            params["day_to"] = filters.day_to
            params["oldest_before"] = possibly_said_by(filters.day_to)
        params.update(self.words or {})
        return params

    @cached_property
    def ranked_rows(self) -> list[list[Any]]:
        """SQLite's ranked matches as [claim id, place], bound to `search.ranked_matches`."""
        ranked = self.ranking.claim_ids(0, RANKED)
        return [[claim_id, place] for place, claim_id in enumerate(ranked)]

    def rows(self, statement: Prepared, **values: Any) -> list[tuple[Any, ...]]:
        """The rows of one of the list's statements, with its values and `values` bound."""
        params = {**self.params, **values}
        if statement.binds(self.connection, "ranked"):
            params["ranked"] = self.ranked_rows
        return statement.rows(self.connection, params)

    def _shape(self, skip: str) -> Shape:
        filters = self.filters
        chosen = self.chosen(skip)
        search = None
        if filters.q:
            search = "none" if self.words is None else "ranked" if self.ranked else "member"
        driver = self._driver(chosen) if search != "ranked" else None
        return Shape(
            self.connection.dialect.name,
            tuple((name, len(values) > 1) for name, values in chosen),
            driver,
            search,
            filters.sort,
            bool(filters.day_from),
            bool(filters.day_to),
            filters.hide_unattributed,
        )

    def _driver(self, chosen: Chosen) -> str | None:
        """The chosen dimension with an index and the fewest claims, which the list walks."""
        walkable = [
            (name, values) for name, values in chosen if BY_NAME[name].walk(False) is not None
        ]
        if len(walkable) <= 1:
            return walkable[0][0] if walkable else None
        return min(walkable, key=lambda item: self.estimate(*item))[0]

    def estimate(self, name: str, values: tuple[str, ...]) -> int:
        """About how many claims have one of `values` (summary tables; 0 when unknown)."""
        if (name, values) not in self._estimates:
            statement = _estimate_statement(name)
            found = (
                statement.scalar(self.connection, BY_NAME[name].bind(values)) if statement else 0
            )
            self._estimates[(name, values)] = int(found or 0)
        return self._estimates[(name, values)]

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
            return int(ALL_CLAIMS.scalar(self.connection))
        statement = _summary_statement(tuple(name for name, _ in chosen))
        if statement is None:
            return None
        return int(statement.scalar(self.connection, self.params) or 0)


ALL_CLAIMS = Prepared(select(func.count()).select_from(CLAIMS))


@cache
def _estimate_statement(name: str) -> Prepared | None:
    """Claims with one of the bound values of dimension `name`, from a summary table."""
    dimension = BY_NAME[name]
    stats = dimension.stats if dimension.stats is not None else pair_table("source", name)
    if stats is None:
        return None
    return Prepared(
        select(func.sum(stats.c.claims)).where(dimension.has_key(stats.c[dimension.key]))
    )


@cache
def _summary_statement(names: tuple[str, ...]) -> Prepared | None:
    """The total of one bound value of each dimension `names` (one or two), from the
    summary table counting them; None when no summary does."""
    if len(names) == 1:
        table = BY_NAME[names[0]].stats
    elif len(names) == 2:
        table = pair_table(*names)
    else:
        return None
    if table is None:
        return None
    conditions = [BY_NAME[name].has_key(table.c[BY_NAME[name].key]) for name in names]
    return Prepared(select(func.sum(table.c.claims)).where(*conditions))


@lru_cache(maxsize=1024)
def _planned(shape: Shape) -> Walk:
    """The walk of a list of this shape (built once per shape)."""
    chosen = list(shape.chosen)
    if shape.search == "none":  # a search with no words finds nothing
        return Walk(CLAIMS, CLAIMS.c.id, CLAIMS.c.newest_key, True, (~true(),))
    if shape.search == "ranked":
        fts = ranked_matches(shape.dialect)
        where = _checks(shape, chosen, fts.c.claim_id, None)
        return Walk(fts, fts.c.claim_id, None, False, tuple(where))
    walked = None
    if shape.driver is not None:
        many = dict(chosen)[shape.driver]
        walked = BY_NAME[shape.driver].walk(many)
    if walked is None:
        walked = IndexWalk(CLAIMS, CLAIMS.c.id, true())
    rest = [(name, many) for name, many in chosen if name != shape.driver]
    descending = shape.sort != "oldest"
    key = walked.table.c.newest_key if descending else walked.table.c.oldest_key
    matches = None
    if shape.search == "member":
        matches = select(fts_matches(shape.dialect).c.claim_id)
    where = [walked.where, *_key_ranges(shape, walked.table)]
    where += _checks(shape, rest, walked.claim_id, matches)
    return Walk(walked.table, walked.claim_id, key, descending, tuple(where), walked.distinct)


def _key_ranges(shape: Shape, table: FromClause) -> list[ColumnElement[bool]]:
    """Date bounds as ranges of the sort keys, which the walked index can seek to."""
    where: list[ColumnElement[bool]] = []
    if shape.day_from:
        where.append(table.c.newest_key >= bindparam("newest_from", type_=BigInteger))
    if shape.day_to:
        where.append(table.c.oldest_key < bindparam("oldest_before", type_=BigInteger))
    return where


def _checks(
    shape: Shape,
    chosen: list[tuple[str, bool]],
    claim_id: ColumnElement[str],
    matches: Any,
) -> list[ColumnElement[bool]]:
    """Checks on each walked claim, by primary key: dimensions, dates, words, narration."""
    where = [BY_NAME[name].check(claim_id) for name, _ in chosen]
    days = _day_conditions(shape)
    if days:
        where.append(and_(*days) if claim_id is CLAIMS.c.id else _claim_has(claim_id, days))
    if shape.hide_unattributed:
        where.append(~_filed_unattributed(claim_id))
    if matches is not None:
        where.append(claim_id.in_(matches))
    return where


def _day_conditions(shape: Shape) -> list[ColumnElement[bool]]:
    """A claim qualifies when the days it may have been said on overlap the range."""
    where: list[ColumnElement[bool]] = []
    if shape.day_from:
        where.append(CLAIMS.c.said_on_end >= bindparam("day_from", type_=String))
    if shape.day_to:
        first = func.coalesce(CLAIMS.c.said_on_start, CLAIMS.c.said_on_end)
        where.append(first <= bindparam("day_to", type_=String))
    return where


def _claim_has(
    claim_id: ColumnElement[str], conditions: list[ColumnElement[bool]]
) -> ColumnElement[bool]:
    return exists().where(CLAIMS.c.id == claim_id, *conditions)


def _filed_unattributed(claim_id: ColumnElement[str]) -> ColumnElement[bool]:
    """Whether a claim is filed under "Unattributed". The link table is aliased: when the
    list walks `claim_sources` itself (a source filter), an unaliased check would be
    correlated to the walked row and test only the source being walked."""
    link = CLAIM_SOURCES.alias("unattributed_link")
    unattributed = select(SOURCES.c.id).where(SOURCES.c.kind == "unattributed")
    return exists().where(link.c.claim_id == claim_id, link.c.source_id.in_(unattributed))
