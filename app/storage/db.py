"""Where the database is, how to open it, and its schema.

Every command finds its database the same way: `--db` (a SQLAlchemy URL or a plain file
path, taken as SQLite), else the environment variable `CLAIMTRACK_DATABASE_URL`, else
the SQLite file `data/claims.db` in the project folder.

Full-text search (SQLite only) lives in the FTS5 table `claims_fts`, one row per claim,
written in the same transaction as the claim:

    claim_id   UNINDEXED: claims.id, to join back
    assertion  the claim's readable sentence
    quote      the exact words from the article body
    speaker    speaker name and role, e.g. "Shin Won-sik, head of ... Office"
    sources    the source labels joined by "; ", e.g. "Washington; Seoul; Kyiv"

Tokenizer `unicode61 remove_diacritics 2`, so "Kyiv" matches "Kyïv". Query it as e.g.

    SELECT claim_id, bm25(claims_fts) AS rank,
           snippet(claims_fts, 2, '<mark>', '</mark>', '…', 12) AS snippet
    FROM claims_fts WHERE claims_fts MATCH :q ORDER BY rank
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import NoSuchModuleError
from sqlmodel import SQLModel

from app.storage import models  # noqa: F401  (registers the tables on SQLModel.metadata)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATABASE = PROJECT_ROOT / "data" / "claims.db"
ENV_VARIABLE = "CLAIMTRACK_DATABASE_URL"
FTS_TABLE = "claims_fts"
FTS_COLUMNS = ("claim_id", "assertion", "quote", "speaker", "sources")


class DatabaseError(Exception):
    """The database cannot be used as asked (missing file, bad URL)."""


def database_url(value: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL from a URL or a plain file path (taken as SQLite)."""
    value = str(value)
    if "://" in value:
        try:
            make_url(value)
        except Exception as error:  # SQLAlchemy raises ArgumentError with a clear text
            raise DatabaseError(f"{value}: not a database URL ({error})") from error
        return value
    path = Path(value).expanduser().resolve()
    return URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)


def default_database_url() -> str:
    """`CLAIMTRACK_DATABASE_URL`, else the SQLite file `data/claims.db` of the project."""
    return database_url(os.environ.get(ENV_VARIABLE) or DEFAULT_DATABASE)


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def is_sqlite(bind: Engine | Connection) -> bool:
    return bind.dialect.name == "sqlite"


def make_engine(url: str, read_only: bool = False) -> Engine:
    """An engine for `url`; read-only engines can never write (SQLite: `mode=ro`)."""
    path = sqlite_path(url)
    if path is None:
        # Other databases: read-only is enforced by the database role the URL names.
        return _create_engine(url)
    if read_only:
        return _sqlite_read_only_engine(path)
    return _sqlite_engine(url)


def _sqlite_read_only_engine(path: Path) -> Engine:
    if not path.is_file():
        raise DatabaseError(f"{path}: no database here yet (run `claimtrack load` first)")
    uri = path.resolve().as_uri() + "?mode=ro"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, check_same_thread=False)

    return create_engine("sqlite://", creator=connect)


def _create_engine(url: str, **options: Any) -> Engine:
    """`create_engine`, with unknown dialects and missing drivers as `DatabaseError`."""
    try:
        return create_engine(url, **options)
    except (NoSuchModuleError, ImportError) as error:
        shown = make_url(url).render_as_string(hide_password=True)
        raise DatabaseError(f"{shown}: cannot open this kind of database ({error})") from error


def _sqlite_engine(url: str) -> Engine:
    engine = _create_engine(url)

    # pysqlite opens transactions lazily and never for DDL; take over so that a whole
    # load, schema included, is one real transaction (SQLAlchemy's documented recipe).
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def create_schema(bind: Engine | Connection) -> None:
    """Create the tables (and, on SQLite, the full-text index) that do not exist yet."""
    SQLModel.metadata.create_all(bind)
    if is_sqlite(bind):
        columns = ", ".join(FTS_COLUMNS).replace("claim_id", "claim_id UNINDEXED")
        ddl = (
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            f"{columns}, tokenize='unicode61 remove_diacritics 2')"
        )
        if isinstance(bind, Engine):
            with bind.begin() as connection:
                connection.exec_driver_sql(ddl)
        else:
            bind.exec_driver_sql(ddl)


def fts_insert(connection: Connection, rows: Iterable[dict[str, str]]) -> None:
    """Index claims for full-text search; each row has the keys of `FTS_COLUMNS`."""
    rows = list(rows)
    if rows and is_sqlite(connection):
        names = ", ".join(FTS_COLUMNS)
        values = ", ".join(f":{name}" for name in FTS_COLUMNS)
        statement = text(f"INSERT INTO {FTS_TABLE} ({names}) VALUES ({values})")
        connection.execute(statement, rows)


def fts_delete_article(connection: Connection, article_id: int) -> None:
    """Drop the full-text rows of one article's claims (before they are replaced)."""
    if is_sqlite(connection):
        statement = text(
            f"DELETE FROM {FTS_TABLE} WHERE claim_id IN "
            "(SELECT id FROM claims WHERE article_id = :article_id)"
        )
        connection.execute(statement, {"article_id": article_id})
