"""Lists of stories: the most-sourced or the newest, filtered by source, topic and date,
a page at a time from where the last page stopped.

A story is listed once it holds two claims or more. The filters are those of the claim
lists: `source` and `topic` (repeatable: a story matches any of them) and `from`/`to`.
A story is in a date range when one of its claims was said in it: the claim's first
possible day (its article's date when the text gives none) falls in the range, as the
story's timeline orders it.

No query reads every story. A list walks the stories' own sort index and checks each
story (the filters are primary-key look-ups), unless a chosen source or topic has few
stories: then its stories are read from its index and sorted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, exists, func, select, tuple_

from app.storage.queries.dimensions import SOURCE, TOPIC
from app.storage.queries.parse import first
from app.storage.queries.spec import (
    FilterError,
    date_bounds,
    nonempty,
    parse_choice,
    parse_date,
)
from app.storage.queries.storyref import earliest_claim
from app.storage.sortkeys import FIRST_SHIFT, day_number
from app.storage.tables import (
    CLAIM_SOURCES,
    CLAIMS,
    SOURCES,
    STORIES,
    STORY_CLAIMS,
    STORY_SOURCES,
    STORY_TOPICS,
)
from app.stories.queries import MIN_CLAIMS, StorySource, StorySummary

STORY_PAGE_SIZE = 25
STORY_SORTS = ("sources", "newest")
STORY_FILTER_NAMES = ("source", "topic", "from", "to", "sort", "next")
COUNT_CAP = 1_000  # a story list's total is counted up to this many
FEW_STORIES = 2_000  # a chosen source or topic with fewer stories drives the list


@dataclass(frozen=True)
class StoryFilters:
    """One validated view of the stories: what a /stories URL says."""

    sources: tuple[str, ...] = ()  # slugs
    topics: tuple[str, ...] = ()
    date_from: str | None = None  # as written: YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None = None
    sort: str = "sources"  # sources | newest
    after: str | None = None  # keyset token: the list continues after this story

    def start(self) -> StoryFilters:
        """The same filters from the list's first page."""
        return replace(self, after=None)

    def query_pairs(self) -> list[tuple[str, str]]:
        """The query-string pairs of the one URL form for these filters."""
        pairs = [("source", slug) for slug in self.sources]
        pairs += [("topic", slug) for slug in self.topics]
        optional = (
            ("from", self.date_from),
            ("to", self.date_to),
            ("sort", None if self.sort == "sources" else self.sort),
            ("next", self.after),
        )
        return pairs + [(name, value) for name, value in optional if value]


@dataclass(frozen=True)
class StoryLine(StorySummary):
    """A story as a list shows it: its headline and counts, who said it first and when."""

    first_said_on: str | None
    first_said_precision: str
    first_said_by: tuple[StorySource, ...]
    sort_key: tuple[int, ...]  # the walked index's key, for the next page's token


@dataclass(frozen=True)
class StoryPage:
    """One page of a story list; `next`: the token of the following page (None: last)."""

    stories: list[StoryLine]
    total: int
    capped: bool  # the total stopped at COUNT_CAP
    next: str | None
    first: bool
    page_size: int = STORY_PAGE_SIZE


def parse_story_filters(connection: Connection, raw: Mapping[str, Sequence[str]]) -> StoryFilters:
    """Validate the story list's filters in `raw` and resolve names to slugs."""
    date_from = parse_date("from", first(raw, "from"))
    date_to = parse_date("to", first(raw, "to"))
    if date_from and date_to and date_bounds(date_from)[0] > date_bounds(date_to)[1]:
        raise FilterError(f"from={date_from} is after to={date_to}.")
    sort = parse_choice("sort", first(raw, "sort"), STORY_SORTS) or "sources"
    chosen = {}
    for dimension in (SOURCE, TOPIC):
        given = nonempty(list(raw.get(dimension.name) or ()), dimension.name)
        slugs = [dimension.resolve(connection, value[:200]) for value in given]
        chosen[dimension.name] = tuple(dict.fromkeys(slugs))
    filters = StoryFilters(chosen["source"], chosen["topic"], date_from, date_to, sort)
    after = (first(raw, "next") or "").strip()
    if after:
        parse_story_token(after, sort)
        filters = replace(filters, after=after)
    return filters


def parse_story_token(value: str, sort: str) -> tuple[tuple[int, ...], str]:
    """The sort key and story id a `next` token names; FilterError when it names none."""
    *numbers, story_id = value.split(".")
    wanted = 2 if sort == "sources" else 1
    if (
        len(numbers) == wanted
        and all(n.isdigit() and len(n) < 20 for n in numbers)
        and 0 < len(story_id) <= 64
    ):
        return tuple(int(n) for n in numbers), story_id
    raise FilterError(
        f"next={value[:40]!r} is not a position in this list: start from its first page."
    )


def story_token(line: StoryLine) -> str:
    """The `next` value that continues a list after `line`."""
    return ".".join([*map(str, line.sort_key), line.id])


def list_stories(
    connection: Connection, filters: StoryFilters, page_size: int = STORY_PAGE_SIZE
) -> StoryPage:
    """One page of the stories matching `filters`, with the total (capped)."""
    conditions = _conditions(connection, filters)
    statement = _walk(filters.sort, conditions)
    if filters.after:
        key, story_id = parse_story_token(filters.after, filters.sort)
        order = _order_columns(filters.sort)
        statement = statement.where(tuple_(*order) < tuple_(*key, story_id))
    rows = connection.execute(statement.limit(page_size + 1)).all()
    lines = story_lines(connection, rows[:page_size], filters.sort)
    following = story_token(lines[-1]) if len(rows) > page_size else None
    total = _count(connection, _walk(filters.sort, conditions))
    return StoryPage(lines, min(total, COUNT_CAP), total > COUNT_CAP, following, not filters.after)


def most_repeated(connection: Connection, limit: int) -> list[StoryLine]:
    """The stories told by the most sources (then the newest)."""
    rows = connection.execute(_walk("sources", []).limit(limit)).all()
    return story_lines(connection, rows, "sources")


def _order_columns(sort: str) -> list[ColumnElement[Any]]:
    if sort == "sources":
        return [STORIES.c.sources, STORIES.c.newest_key, STORIES.c.id]
    return [STORIES.c.newest_key, STORIES.c.id]


def _walk(sort: str, conditions: list[ColumnElement[bool]]) -> Select:
    """The stories of a list in order (every column of `stories` and the headline)."""
    return (
        select(STORIES, CLAIMS.c.assertion.label("headline"))
        .outerjoin(CLAIMS, CLAIMS.c.id == STORIES.c.headline_claim_id)
        .where(STORIES.c.claims >= MIN_CLAIMS, *conditions)
        .order_by(*(column.desc() for column in _order_columns(sort)))
    )


def _conditions(connection: Connection, filters: StoryFilters) -> list[ColumnElement[bool]]:
    """A check on each story per filter; a chosen source or topic with few stories is read
    from its own index instead (an IN list the engine looks each story up from)."""
    where: list[ColumnElement[bool]] = []
    for table, dimension, slugs in (
        (STORY_SOURCES, SOURCE, filters.sources),
        (STORY_TOPICS, TOPIC, filters.topics),
    ):
        if not slugs:
            continue
        key = table.c[dimension.key].in_(dimension.keys(slugs))
        if _has_few(connection, table, key):
            where.append(STORIES.c.id.in_(select(table.c.story_id).where(key)))
        else:
            where.append(exists().where(table.c.story_id == STORIES.c.id, key))
    where += _date_conditions(filters)
    return where


def _has_few(connection: Connection, table: Any, key: ColumnElement[bool]) -> bool:
    """Whether fewer than FEW_STORIES stories match `key` (counted up to that many)."""
    some = select(table.c.story_id).where(key).limit(FEW_STORIES).subquery()
    return int(connection.execute(select(func.count()).select_from(some)).scalar_one()) < (
        FEW_STORIES
    )


def _date_conditions(filters: StoryFilters) -> list[ColumnElement[bool]]:
    """A claim of the story said in the range (its timeline day), and the story's span
    overlapping the range, which the walked index can seek to."""
    if not (filters.date_from or filters.date_to):
        return []
    low = high = None
    where: list[ColumnElement[bool]] = []
    if filters.date_from:
        low = day_number(date_bounds(filters.date_from)[0]) << FIRST_SHIFT
        where.append(STORIES.c.newest_key >= low)
    if filters.date_to:
        high = (day_number(date_bounds(filters.date_to)[1]) + 1) << FIRST_SHIFT
        where.append(STORIES.c.first_key < high)
    said = [STORY_CLAIMS.c.story_id == STORIES.c.id]
    if low is not None:
        said.append(STORY_CLAIMS.c.timeline_key >= low)
    if high is not None:
        said.append(STORY_CLAIMS.c.timeline_key < high)
    where.append(exists().where(and_(*said)))
    return where


def _count(connection: Connection, statement: Select) -> int:
    ids = statement.with_only_columns(STORIES.c.id).limit(COUNT_CAP + 1).subquery()
    return int(connection.execute(select(func.count()).select_from(ids)).scalar_one())


FirstSaid = tuple[str | None, str, tuple[StorySource, ...]]  # said on, precision, by


def story_lines(
    connection: Connection,
    rows: Sequence[Any],
    sort: str,
    firsts: dict[str, FirstSaid] | None = None,
) -> list[StoryLine]:
    """StoryLines from rows of `stories` (with `headline`), with who said each first
    (`firsts`, when the caller knows it)."""
    if firsts is None:
        firsts = first_claims(connection, [row.id for row in rows])
    lines = []
    for row in rows:
        said_on, precision, sources = firsts.get(row.id, (None, "unknown", ()))
        key = (row.sources, row.newest_key) if sort == "sources" else (row.newest_key,)
        lines.append(
            StoryLine(
                id=row.id,
                headline=row.headline or "",
                headline_claim_id=row.headline_claim_id,
                claims=row.claims,
                articles=row.articles,
                sources=row.sources,
                denials=row.denials,
                figures=row.figures,
                first_said_on=said_on,
                first_said_precision=precision,
                first_said_by=sources,
                sort_key=key,
            )
        )
    return lines


def first_claims(connection: Connection, story_ids: list[str]) -> dict[str, FirstSaid]:
    """For each story: its earliest claim's said-on date, precision and sources."""
    if not story_ids:
        return {}
    firsts = (
        select(STORIES.c.id.label("story_id"), earliest_claim(STORIES.c.id).label("claim_id"))
        .where(STORIES.c.id.in_(story_ids))
        .subquery("firsts")
    )
    statement = (
        select(
            firsts.c.story_id,
            CLAIMS.c.said_on,
            CLAIMS.c.said_on_precision,
            SOURCES.c.slug,
            SOURCES.c.label,
            SOURCES.c.kind,
        )
        .join(CLAIMS, CLAIMS.c.id == firsts.c.claim_id)
        .join(CLAIM_SOURCES, CLAIM_SOURCES.c.claim_id == CLAIMS.c.id)
        .join(SOURCES, SOURCES.c.id == CLAIM_SOURCES.c.source_id)
        .order_by(firsts.c.story_id, CLAIM_SOURCES.c.position)
    )
    found: dict[str, FirstSaid] = {}
    for row in connection.execute(statement):
        said_on, precision, sources = found.get(
            row.story_id, (row.said_on, row.said_on_precision, ())
        )
        source = StorySource(row.slug, row.label, row.kind, 1)
        found[row.story_id] = (said_on, precision, (*sources, source))
    return found
