"""Values derived from the database that change only with a load, computed once per load.

Some of what a page shows is the same for every request until the next `claimtrack
load`: the most frequent sources, actors and topics a filter form offers, the top of a
facet nothing narrows. `per_load` computes such a value the first time a request asks
for it and keeps it under the load's stamp (`load_info.stamp`, which every load
changes), read inside the request's own snapshot: a request never mixes a value from
one load with rows from another. Nothing else is kept, and never a response: the values
are the database's, not a page's. A database without a stamp (loaded by an old
version) gets every value computed afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from threading import Lock
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, select

from app.storage.queries.compiled import Prepared
from app.storage.tables import LOAD_INFO

T = TypeVar("T")
STAMP = Prepared(select(LOAD_INFO.c.stamp).limit(1))
STAMP_KEY = "claimtrack_load_stamp"  # connection.info: (transaction, the stamp it reads)


class _Values:
    """One database's values, under the stamp they were computed for."""

    def __init__(self) -> None:
        self.stamp: str | None = None
        self.values: dict[Hashable, Any] = {}
        self.lock = Lock()


_DATABASES: WeakKeyDictionary[Engine, _Values] = WeakKeyDictionary()
_DATABASES_LOCK = Lock()


def load_stamp(connection: Connection) -> str | None:
    """The stamp of the load this connection's transaction reads (None: the database has
    none); read once per transaction."""
    held = connection.info.get(STAMP_KEY)
    if held is not None and connection.in_transaction() and held[0] is connection.get_transaction():
        stamp: str | None = held[1]
        return stamp
    stamp = STAMP.scalar(connection)  # begins the transaction when none is open
    connection.info[STAMP_KEY] = (connection.get_transaction(), stamp)
    return stamp


def per_load(connection: Connection, key: Hashable, compute: Callable[[], T]) -> T:
    """The value `compute()` gives for the database as it is, computed once per load."""
    stamp = load_stamp(connection)
    if stamp is None:
        return compute()
    with _DATABASES_LOCK:
        held = _DATABASES.setdefault(connection.engine, _Values())
    with held.lock:
        if held.stamp == stamp and key in held.values:
            found: T = held.values[key]
            return found
    value = compute()
    with held.lock:
        if held.stamp != stamp:
            held.stamp, held.values = stamp, {}
        held.values[key] = value
    return value
