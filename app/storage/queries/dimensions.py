"""The dimensions a claim list is filtered and faceted by, each described once.

A dimension says where its values live (a link table or a column of `claims`), which
index lists its claims in order, which summary table counts them, how a typed name
resolves, and its URL parameter and label. Everything else (the planner, the counts,
the facets, the web's filters, chips and toggle links, the export's flags) reads these
descriptions: a new dimension is one more entry in `DIMENSIONS`.

Summary tables answer counts without counting: a dimension's own (`stats`: claims per
value) and the pair tables in `PAIRS` (claims per value of two dimensions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Table, exists, func, select

from app.extraction.model import STANCES
from app.storage.queries import names
from app.storage.queries.compiled import Prepared, in_list
from app.storage.queries.spec import parse_choice
from app.storage.tables import (
    ACTOR_STATS,
    CLAIM_SOURCES,
    CLAIM_TOPICS,
    CLAIMS,
    ENTITIES,
    SOURCE_ALIASES,
    SOURCE_STATS,
    SOURCE_TOPIC_STATS,
    SOURCES,
    SPEAKER_STATS,
    STANCE_STATS,
    TOPIC_STATS,
    TOPICS,
)


@dataclass(frozen=True)
class FacetValue:
    """One value of a dimension with its claim count (and a source's kind)."""

    slug: str
    label: str
    count: int
    kind: str | None = None


@dataclass(frozen=True)
class IndexWalk:
    """Where a dimension's claims are listed in order: rows of `table` matching `where`."""

    table: Table
    claim_id: ColumnElement[str]
    where: ColumnElement[bool]
    distinct: bool = False  # a claim may be walked once per chosen value


@dataclass(frozen=True)
class Dimension:
    """A way to narrow claims: its parameter, label, storage and summary table."""

    name: str  # URL parameter and key in ClaimFilters: "source"
    help: str  # what the URL parameter takes, for the API docs and the CLI
    stats: Table | None = None  # claims per value; None when no summary counts them exactly
    many: bool = False  # several values may be chosen (a claim matches any of them)
    column: str = ""  # the column naming a value in claims and summaries (default name_id)

    @property
    def label(self) -> str:
        """What a page calls it: "Source"."""
        return self.name.capitalize()

    @property
    def plural(self) -> str:
        """What a page calls several: "Sources"."""
        return f"{self.label}s"

    @property
    def key(self) -> str:
        """The column naming a value in the summary tables: "source_id"."""
        return self.column or f"{self.name}_id"

    def resolve(self, connection: Connection, value: str) -> str:
        """The slug a typed value names; UnknownName or AmbiguousName otherwise."""
        raise NotImplementedError

    def labels(self, connection: Connection, slugs: tuple[str, ...]) -> dict[str, str]:
        """What to show for each slug."""
        return {slug: slug for slug in slugs}

    @property
    def param(self) -> str:
        """The parameter its statements bind the chosen values to: "source_values"."""
        return f"{self.name}_values"

    def bind(self, values: Sequence[str]) -> dict[str, list[str]]:
        """The parameters binding `values` as the chosen ones."""
        return {self.param: list(values)}

    def keys(self, values: Sequence[str]) -> Any:
        """The summary-table keys of `values`, written into a statement run once (ids, or the
        values themselves); statements compiled once bind them instead (`has_key`)."""
        table = self.names
        if table is None:
            return list(values)
        return select(table.c.id).where(table.c.slug.in_(list(values)))

    def has_key(self, column: ColumnElement[Any]) -> ColumnElement[bool]:
        """`column` (of a claim or a summary) holds one of the chosen values' keys."""
        table = self.names
        if table is None:
            return in_list(column, self.param)
        return column.in_(select(table.c.id).where(in_list(table.c.slug, self.param)))

    def check(self, claim_id: ColumnElement[str]) -> ColumnElement[bool]:
        """True for the claim `claim_id` when it has one of the chosen values."""
        raise NotImplementedError

    def walk(self, many: bool) -> IndexWalk | None:
        """The index that lists the claims of the chosen values (`many`: more than one) in
        list order, if there is one."""
        return None

    def sample_counts(self, sample: Select, limit: int) -> Select:
        """(key, n): the `limit` most frequent values among the claim ids `sample` selects."""
        raise NotImplementedError

    @property
    def names(self) -> Table | None:
        """The table naming the values (slug, label), when the values are ids."""
        return None

    def facet_statement(self, counts: Select) -> Select:
        """The facet's rows for (key, n) `counts`: each value named, most claims first."""
        table = self.names
        if table is None:
            return counts
        top = counts.subquery("top")
        kind = [table.c.kind] if "kind" in table.c else []
        statement = select(table.c.slug, table.c.label, top.c.n, *kind)
        statement = statement.join(top, top.c.key == table.c.id)
        return statement.order_by(top.c.n.desc(), table.c.label)

    def facet_values(
        self, connection: Connection, statement: Prepared, params: dict[str, Any]
    ) -> list[FacetValue]:
        """FacetValues from a `facet_statement` run with `params`, most claims first."""
        return self.facet_rows(statement.rows(connection, params))

    def facet_rows(self, rows: list[tuple[Any, ...]]) -> list[FacetValue]:
        """FacetValues from the rows of a `facet_statement`, most claims first."""
        if self.names is None:
            found = [FacetValue(str(key), str(key), int(n)) for key, n in rows if key is not None]
            return sorted(found, key=lambda value: (-value.count, value.label))
        return [
            FacetValue(row[0], row[1], int(row[2]), row[3] if len(row) > 3 else None)
            for row in rows
        ]


@dataclass(frozen=True)
class LinkDimension(Dimension):
    """A dimension stored in a link table (claim_id, key) with a table of names."""

    table: Table = SOURCES  # the names
    link: Table = CLAIM_SOURCES
    aliases: Table | None = None

    def resolve(self, connection: Connection, value: str) -> str:
        found = names.by_slug_or_label(connection, self.table, value)
        if not found and self.aliases is not None:
            found = names.by_alias(connection, self.table, self.aliases, self.key, value)
        known = []
        if not found and self.stats is not None:
            known = names.most_frequent(
                connection, self.table, self.stats, self.key, names.KNOWN_SHOWN + 1
            )
        return names.one_of(self.name, value, found, known)

    def labels(self, connection: Connection, slugs: tuple[str, ...]) -> dict[str, str]:
        return names.labels_of(connection, self.table, slugs)

    def check(self, claim_id: ColumnElement[str]) -> ColumnElement[bool]:
        link = self.link
        return exists().where(link.c.claim_id == claim_id, self.has_key(link.c[self.key]))

    def walk(self, many: bool) -> IndexWalk:
        where = self.has_key(self.link.c[self.key])
        return IndexWalk(self.link, self.link.c.claim_id, where, distinct=many)

    def sample_counts(self, sample: Select, limit: int) -> Select:
        key, n = self.link.c[self.key], func.count().label("n")
        statement = select(key.label("key"), n).where(self.link.c.claim_id.in_(sample))
        return statement.group_by(key).order_by(n.desc(), key).limit(limit)

    @property
    def names(self) -> Table | None:
        return self.table


@dataclass(frozen=True)
class ColumnDimension(Dimension):
    """A dimension stored in a column of `claims`, walked by an index (column, newest_key)."""

    table: Table | None = None  # names, when the column holds their ids
    choices: tuple[str, ...] = ()  # the only values there are, when fixed

    def resolve(self, connection: Connection, value: str) -> str:
        if self.choices:
            chosen = parse_choice(self.name, value, self.choices)
            assert chosen is not None
            return chosen
        if self.table is not None:
            found = names.by_slug_or_label(connection, self.table, value)
            known: list[str] = []
            if not found and self.stats is not None:
                known = names.most_frequent(
                    connection, self.table, self.stats, self.key, names.KNOWN_SHOWN + 1
                )
            return names.one_of(self.name, value, found, known)
        return names.one_of(self.name, value, self._named(connection, value), None)

    def _named(self, connection: Connection, value: str) -> list[str]:
        """Stored values equal to `value` in any case (a speaker's name as written)."""
        wanted = " ".join(value.split()).lower()
        statement = (
            select(SPEAKER_STATS.c[self.key])
            .where(func.lower(SPEAKER_STATS.c[self.key]) == wanted)
            .distinct()
            .limit(names.KNOWN_SHOWN)
        )
        return list(connection.execute(statement).scalars())

    def labels(self, connection: Connection, slugs: tuple[str, ...]) -> dict[str, str]:
        if self.table is None:
            return {slug: slug for slug in slugs}
        return names.labels_of(connection, self.table, slugs)

    def own(self) -> ColumnElement[bool]:
        """The condition on the claims table itself."""
        return self.has_key(CLAIMS.c[self.key])

    def check(self, claim_id: ColumnElement[str]) -> ColumnElement[bool]:
        if claim_id is CLAIMS.c.id:
            return self.own()
        return exists().where(CLAIMS.c.id == claim_id, self.own())

    def walk(self, many: bool) -> IndexWalk:
        return IndexWalk(CLAIMS, CLAIMS.c.id, self.own())

    def sample_counts(self, sample: Select, limit: int) -> Select:
        column, n = CLAIMS.c[self.key], func.count().label("n")
        statement = select(column.label("key"), n).where(CLAIMS.c.id.in_(sample))
        statement = statement.where(column.is_not(None)).group_by(column)
        return statement.order_by(n.desc(), column).limit(limit)

    @property
    def names(self) -> Table | None:
        return self.table


SOURCE_HELP = "Source slug, label or alias; repeat for several"
SOURCE = LinkDimension(
    "source", SOURCE_HELP, SOURCE_STATS, True, table=SOURCES, aliases=SOURCE_ALIASES
)
TOPIC_HELP = "Topic slug or label; repeat for several"
TOPIC = LinkDimension("topic", TOPIC_HELP, TOPIC_STATS, True, table=TOPICS, link=CLAIM_TOPICS)
ACTOR = ColumnDimension(
    "actor", "Who does what is claimed: slug or label", ACTOR_STATS, table=ENTITIES
)
STANCE = ColumnDimension(
    "stance", ", ".join(STANCES), STANCE_STATS, column="stance", choices=STANCES
)
# speaker_stats counts per source: exact only within one source, so no summary of its own.
SPEAKER_HELP = "The named person who spoke, as written (any case)"
SPEAKER = ColumnDimension("speaker", SPEAKER_HELP, None, column="speaker_name")

DIMENSIONS: tuple[Dimension, ...] = (SOURCE, TOPIC, ACTOR, STANCE, SPEAKER)
BY_NAME = {dimension.name: dimension for dimension in DIMENSIONS}
# Claims per value of two dimensions: (dimensions, table). speaker_stats has one row per
# source, speaker and role; summed over roles it counts a speaker's claims for a source.
PAIRS: tuple[tuple[frozenset[str], Table], ...] = (
    (frozenset({"source", "topic"}), SOURCE_TOPIC_STATS),
    (frozenset({"source", "speaker"}), SPEAKER_STATS),
)


def pair_table(first: str, second: str) -> Table | None:
    """The summary table counting claims per value of both dimensions, if there is one."""
    wanted = frozenset({first, second})
    return next((table for dimensions, table in PAIRS if dimensions == wanted), None)
