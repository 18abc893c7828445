"""Statements compiled once and run on the driver's own connection.

A page runs a handful of small statements. Building each with SQLAlchemy, compiling it
and wrapping its rows costs far more than SQLite takes to answer it (a page of claims
is read in about a millisecond). A `Prepared` statement is still written with SQLAlchemy
Core, against the same tables and dimensions as every other query, but it is compiled
once per dialect and run with bound parameters on the DB-API connection; its rows come
back as plain tuples.

A list of values is bound as one parameter (`in_list`): SQLite reads it as a JSON array
(`json_each`), PostgreSQL as an array (`= ANY`), so a statement has one compiled form
whatever the number of values. The request's transaction, time limit and error handling
are the same as for any other statement: it begins the transaction when none is open,
checks the request's deadline, and raises SQLAlchemy's own errors.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, Boolean, ColumnElement, Connection, Dialect, bindparam
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.types import NullType, TypeDecorator

from app.storage.queries import deadline

Params = Mapping[str, Any]


class Values(TypeDecorator[Any]):
    """A list bound as one parameter: a JSON array on SQLite, an array on PostgreSQL."""

    impl = NullType
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return bound_list(value, dialect.name == "sqlite")


def bound_list(values: Any, as_json: bool) -> Any:
    """How a list of values is bound: JSON text for SQLite, a list for PostgreSQL."""
    return json.dumps(list(values)) if as_json else list(values)


class InList(ColumnElement[bool]):
    """`column` is one of the values bound to the list parameter `name`."""

    inherit_cache = True
    type = Boolean()
    _is_implicitly_boolean = True  # a condition as it is, not `(...) = 1` on SQLite

    def __init__(self, column: ColumnElement[Any], name: str) -> None:
        self.column = column
        self.values: BindParameter[Any] = bindparam(name, type_=Values())


def in_list(column: ColumnElement[Any], name: str) -> ColumnElement[bool]:
    """`column IN (:name)`, with `:name` a list bound as one parameter."""
    return InList(column, name)


@compiles(InList)
def _in_list_elsewhere(element: InList, compiler: SQLCompiler, **kw: Any) -> str:
    raise NotImplementedError(f"no list parameter on {compiler.dialect.name}")


@compiles(InList, "sqlite")
def _in_list_sqlite(element: InList, compiler: SQLCompiler, **kw: Any) -> str:
    column = compiler.process(element.column, **kw)
    return f"{column} IN (SELECT value FROM json_each({compiler.process(element.values, **kw)}))"


@compiles(InList, "postgresql")
def _in_list_postgresql(element: InList, compiler: SQLCompiler, **kw: Any) -> str:
    return (
        f"{compiler.process(element.column, **kw)} = ANY({compiler.process(element.values, **kw)})"
    )


@dataclass(frozen=True)
class _Form:
    """A statement as one dialect runs it: SQL text, parameter order, fixed values."""

    sql: str
    order: tuple[str, ...] | None  # positional parameter names; None: named parameters
    fixed: dict[str, Any]  # the statement's own literal values (limits, constants)
    lists_as_json: bool
    names: frozenset[str]  # every parameter it binds


class Prepared:
    """A Core statement compiled once per dialect, run on the DB-API connection."""

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._forms: dict[str, _Form] = {}

    def rows(self, connection: Connection, params: Params | None = None) -> list[tuple[Any, ...]]:
        """All rows, as tuples."""
        return execute(connection, self._form(connection.dialect), params).fetchall()

    def first(self, connection: Connection, params: Params | None = None) -> tuple[Any, ...] | None:
        """The first row, or None."""
        return execute(connection, self._form(connection.dialect), params).fetchone()

    def scalar(self, connection: Connection, params: Params | None = None) -> Any:
        """The first column of the first row, or None."""
        row = self.first(connection, params)
        return row[0] if row else None

    def binds(self, connection: Connection, name: str) -> bool:
        """Whether the statement binds the parameter `name`."""
        return name in self._form(connection.dialect).names

    def _form(self, dialect: Dialect) -> _Form:
        form = self._forms.get(dialect.name)
        if form is None:
            compiled = self.statement.compile(dialect=dialect)
            assert isinstance(compiled, SQLCompiler)
            if "POSTCOMPILE" in compiled.string:
                raise ValueError(f"an expanding parameter cannot be prepared: {compiled.string}")
            order = tuple(compiled.positiontup) if compiled.positiontup is not None else None
            fixed = {name: value for name, value in compiled.params.items() if value is not None}
            names = frozenset(compiled.params)
            form = _Form(compiled.string, order, fixed, dialect.name == "sqlite", names)
            self._forms[dialect.name] = form
        return form


def execute(connection: Connection, form: _Form, params: Params | None) -> Any:
    """Run `form` with `params` on the connection's driver connection; its cursor."""
    values = dict(form.fixed)
    for name, value in (params or {}).items():
        if isinstance(value, list | tuple):
            value = bound_list(value, form.lists_as_json)
        values[name] = value
    bound: Sequence[Any] | Mapping[str, Any] = (
        values if form.order is None else [values.get(name) for name in form.order]
    )
    if not connection.in_transaction():
        connection.begin()  # the request's one snapshot, begun as for any other statement
    deadline.check(connection)
    raw = connection.connection.driver_connection
    try:
        return raw.execute(form.sql, bound)  # type: ignore[union-attr]
    except connection.dialect.loaded_dbapi.Error as error:
        raise DBAPIError.instance(
            form.sql, bound, error, connection.dialect.loaded_dbapi.Error
        ) from error
