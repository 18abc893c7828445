"""What the last load recorded: its stamp and time, and the database's totals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from app.storage.tables import LOAD_INFO


@dataclass(frozen=True)
class LoadInfo:
    """The last load's stamp and time, and how many articles, claims and sources there are."""

    stamp: str
    loaded_at: float  # POSIX time
    articles: int
    claims: int
    sources: int


def load_info(connection: Connection) -> LoadInfo | None:
    """What the last load recorded; None for a database loaded by an older version."""
    row = connection.execute(select(LOAD_INFO)).first()
    if row is None:
        return None
    loaded_at = datetime.fromisoformat(row.loaded_at).timestamp()
    return LoadInfo(row.stamp, loaded_at, row.articles, row.claims, row.sources)
