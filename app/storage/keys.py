"""Row ids of sources, entities and topics by slug, for the loader.

Every stored name is read once when a load starts; a name met for the first time gets
the next id at once and is written with the next chunk, in one statement per table.
A source met again with another label, kind or aliases is merged in memory and
updated once at the end. So a load costs a few statements per chunk, not per claim.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text, update

from app.extraction.model import SourceRef
from app.storage.tables import ENTITIES, SOURCES, TOPICS


class NaturalKeys:
    """Ids by (table, slug), with the values each name row should end up with."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.ids: dict[tuple[str, str], int] = {}
        self.values: dict[tuple[str, str], dict[str, Any]] = {}
        self.next_id: dict[str, int] = {}
        self.new: dict[str, list[str]] = {SOURCES.name: [], ENTITIES.name: [], TOPICS.name: []}
        self.changed: dict[str, set[str]] = {name: set() for name in self.new}
        self.last_ref: dict[str, SourceRef] = {}
        self.met: set[tuple[str, str]] = set()  # entities and topics met in this load
        for table in (SOURCES, ENTITIES, TOPICS):
            self._read(table)

    def _read(self, table: Table) -> None:
        """Every stored row of a name table, and the next free id."""
        source = table is SOURCES
        columns = [table.c.id, table.c.slug, table.c.label]
        columns += [table.c.kind, table.c.aliases] if source else []
        for row in self.connection.execute(select(*columns)):
            key = (table.name, row.slug)
            self.ids[key] = int(row.id)
            values: dict[str, Any] = {"label": row.label}
            if source:
                values.update(kind=row.kind, aliases=json.loads(row.aliases or "[]"))
            self.values[key] = values
        biggest = self.connection.execute(select(func.max(table.c.id))).scalar_one()
        self.next_id[table.name] = int(biggest or 0) + 1

    def _id(self, table: Table, slug: str, values: dict[str, Any]) -> int:
        """The id of `slug`, giving a new name the next id (written by `write_new`)."""
        key = (table.name, slug)
        if key not in self.ids:
            self.ids[key] = self.next_id[table.name]
            self.next_id[table.name] += 1
            self.values[key] = values
            self.new[table.name].append(slug)
        return self.ids[key]

    def source(self, ref: SourceRef) -> int:
        """The id of a source: newest label, a resolved kind wins, aliases merged."""
        if self.last_ref.get(ref.slug) == ref:
            return self.ids[(SOURCES.name, ref.slug)]
        self.last_ref[ref.slug] = ref
        fresh = {"label": ref.label, "kind": ref.kind, "aliases": list(ref.aliases)}
        source_id = self._id(SOURCES, ref.slug, fresh)
        key = (SOURCES.name, ref.slug)
        merged = merge_source(self.values[key], ref)
        if merged != self.values[key]:
            self.values[key] = merged
            self.changed[SOURCES.name].add(ref.slug)
        return source_id

    def entity(self, slug: str, label: str) -> int:
        """The id of an actor or target entity."""
        return self._labelled(ENTITIES, slug, label)

    def topic(self, slug: str, label: str) -> int:
        """The id of a topic."""
        return self._labelled(TOPICS, slug, label)

    def _labelled(self, table: Table, slug: str, label: str) -> int:
        key = (table.name, slug)
        if key not in self.met:
            self.met.add(key)
            if key in self.ids and self.values[key]["label"] != label:
                self.values[key] = {"label": label}  # a stored name takes the label first met
                self.changed[table.name].add(slug)
        return self._id(table, slug, {"label": label})

    def write_new(self) -> None:
        """Insert the names met for the first time since the last call."""
        for table in (SOURCES, ENTITIES, TOPICS):
            slugs = self.new[table.name]
            if slugs:
                rows = [self._row(table, slug) for slug in slugs]
                self.connection.execute(insert(table), rows)
                self.changed[table.name].difference_update(slugs)
                slugs.clear()

    def _row(self, table: Table, slug: str) -> dict[str, Any]:
        key = (table.name, slug)
        row = {"id": self.ids[key], "slug": slug, **self.values[key]}
        if "aliases" in row:
            row["aliases"] = json.dumps(row["aliases"], ensure_ascii=False)
        return row

    def finish(self) -> None:
        """Write new names and the merged values of changed ones; move id sequences on."""
        self.write_new()
        for table in (SOURCES, ENTITIES, TOPICS):
            slugs = sorted(self.changed[table.name])
            if slugs:
                self._update(table, [self._row(table, slug) for slug in slugs])
            if self.connection.dialect.name == "postgresql":
                sequence = f"pg_get_serial_sequence('{table.name}', 'id')"
                self.connection.execute(
                    text(f"SELECT setval({sequence}, :last, true)"),
                    {"last": self.next_id[table.name] - 1 or 1},
                )

    def _update(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Update name rows by id, in one statement."""
        names = [name for name in rows[0] if name != "id"]
        values: dict[str, Any] = {name: bindparam(f"new_{name}") for name in names}
        statement = update(table).where(table.c.id == bindparam("row_id")).values(values)
        params = [{"row_id": row["id"], **{f"new_{n}": row[n] for n in names}} for row in rows]
        self.connection.execute(statement, params)


def merge_source(values: dict[str, Any], ref: SourceRef) -> dict[str, Any]:
    """`values` updated by a new mention: its label, its kind unless unresolved, aliases."""
    aliases = values["aliases"]
    if not all(alias in aliases for alias in ref.aliases):
        aliases = list(dict.fromkeys([*aliases, *ref.aliases]))
    kind = values["kind"] if ref.kind == "unresolved" else ref.kind
    return {"label": ref.label, "kind": kind, "aliases": aliases}
