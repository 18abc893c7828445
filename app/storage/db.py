"""Where the database is, how to open it, and its schema.

Every command finds its database the same way: `--db` (a SQLAlchemy URL or a plain file
path, taken as SQLite), else the environment variable `CLAIMTRACK_DATABASE_URL`, else
the SQLite file `data/claims.db` in the project folder.

PostgreSQL URLs (`postgresql://...`) use the psycopg 3 driver. Serving engines open every
PostgreSQL connection with `default_transaction_read_only=on`, so no request can write,
and with a statement time limit.

On SQLite, full-text search lives in the FTS5 table `claims_fts`, one row per claim,
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

On PostgreSQL, the table `claims_search` holds per claim two `tsvector`s (text search
configuration `simple`: no stemming, like FTS5's tokenizer), each with a GIN index:
`assertion` (the assertion alone) and `document` (assertion, quote, speaker and sources,
weighted in that order). Queries use `to_tsquery` with prefix terms, `ts_rank` and
`ts_headline` (see `app/storage/queries/search.py`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import NoSuchModuleError
from sqlalchemy.pool import QueuePool
from sqlmodel import SQLModel

from app.storage import models  # noqa: F401  (registers the tables on SQLModel.metadata)

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATABASE = PROJECT_ROOT / "data" / "claims.db"
ENV_VARIABLE = "CLAIMTRACK_DATABASE_URL"
FTS_TABLE = "claims_fts"
# Serving connections per process: each keeps a page cache, so the pool is bounded (a
# request waits up to `pool_timeout` seconds for one rather than opening another) and
# hands out the most recently used first, so that a few warm ones do most of the work.
POOL_SIZE = 8
POOL_OVERFLOW = 8
SERVING_POOL: dict[str, Any] = {
    "pool_size": POOL_SIZE,
    "max_overflow": POOL_OVERFLOW,
    "pool_timeout": 10,
    "pool_use_lifo": True,  # the most recently used connection: its page cache is warm
}
SERVING_CONNECTIONS = POOL_SIZE + POOL_OVERFLOW  # the most a serving engine opens at once
# Serving connections read a SQLite file through memory mapping (SQLite's `mmap_size`):
# a page is read straight from the operating system's cache instead of being copied into
# each connection's own. Reading claims scattered over a 1M-claim file (the three
# statements of a claim record) took 78-83 us a claim mapped against 89-92 us not.
# The pages mapped are the file's, shared by every worker.
SERVING_MMAP_BYTES = 1 << 32  # SQLite maps at most its build's maximum (2 GiB in most)
FTS_COLUMNS = ("claim_id", "assertion", "quote", "speaker", "sources")
PG_SEARCH_TABLE = "claims_search"
PG_TEXT_CONFIG = "simple"
PG_STATEMENT_MS = 5000  # a serving query running longer is cancelled (PostgreSQL)
WRITE_WAIT_SECONDS = 60  # how long a load waits for readers to finish before it commits
PG_SEARCH_DDL = (
    f"CREATE TABLE IF NOT EXISTS {PG_SEARCH_TABLE} ("
    "claim_id TEXT PRIMARY KEY REFERENCES claims (id), "
    "assertion TSVECTOR NOT NULL, document TSVECTOR NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS ix_{PG_SEARCH_TABLE}_assertion "
    f"ON {PG_SEARCH_TABLE} USING GIN (assertion)",
    f"CREATE INDEX IF NOT EXISTS ix_{PG_SEARCH_TABLE}_document "
    f"ON {PG_SEARCH_TABLE} USING GIN (document)",
)
_PG_VECTOR = f"to_tsvector('{PG_TEXT_CONFIG}', coalesce(:{{name}}, ''))"
PG_SEARCH_INSERT = (
    f"INSERT INTO {PG_SEARCH_TABLE} (claim_id, assertion, document) VALUES (:claim_id, "
    + _PG_VECTOR.format(name="assertion")
    + ", "
    + " || ".join(
        f"setweight({_PG_VECTOR.format(name=name)}, '{weight}')"
        for name, weight in (("assertion", "A"), ("quote", "B"), ("speaker", "C"), ("sources", "D"))
    )
    + ")"
)


class DatabaseError(Exception):
    """The database cannot be used as asked (missing file, bad URL)."""


def database_url(value: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL from a URL or a plain file path (taken as SQLite)."""
    value = str(value)
    if "://" in value:
        try:
            parsed = make_url(value)
        except Exception as error:  # SQLAlchemy raises ArgumentError with a clear text
            raise DatabaseError(f"{value}: not a database URL ({error})") from error
        if parsed.drivername in ("postgresql", "postgres"):
            # psycopg 3 is the driver we install; SQLAlchemy's default would be psycopg2.
            return parsed.set(drivername="postgresql+psycopg").render_as_string(False)
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


def is_postgres(bind: Engine | Connection) -> bool:
    return bind.dialect.name == "postgresql"


def make_engine(url: str, read_only: bool = False) -> Engine:
    """An engine for `url`; read-only engines can never write (SQLite: `mode=ro`)."""
    path = sqlite_path(url)
    if make_url(url).get_backend_name() == "postgresql":
        return _postgres_engine(url, read_only)
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
        _roll_back_crashed_load(path)
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        connection.isolation_level = None  # transactions are begun below, not by pysqlite
        connection.execute(f"PRAGMA mmap_size = {SERVING_MMAP_BYTES}")
        return connection

    # "sqlite://" alone would get SQLAlchemy's pool for in-memory databases, which keeps
    # one connection per thread and closes them under other threads' feet: a web server
    # with a thread pool needs an ordinary pool of connections, each used by one thread
    # at a time.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, **SERVING_POOL)

    @event.listens_for(engine, "checkout")
    def after_a_crashed_load(*_: object) -> None:
        # A connection opened before a load was killed cannot read past the journal the
        # load left; once it is rolled back, the same connection reads the old data.
        _roll_back_crashed_load(path)

    @event.listens_for(engine, "begin")
    def one_snapshot_per_request(connection: Connection) -> None:
        # pysqlite would run each SELECT in a transaction of its own, so a page built
        # from several queries could read some before and some after a load's commit.
        # One deferred transaction holds the shared lock from the first read to the end.
        connection.exec_driver_sql("BEGIN")

    return engine


def _hot_journal(path: Path) -> bool:
    try:  # one system call: this runs every time a request takes a connection
        return os.stat(f"{path}-journal").st_size > 0
    except OSError:
        return False


def _roll_back_crashed_load(path: Path) -> None:
    """Undo the half-written load a killed `claimtrack load` left in its rollback journal.

    A read-only connection cannot roll a hot journal back, so it fails until someone
    opens the file for writing. Opening it briefly for reading does that: SQLite restores
    the pages the load had changed and writes nothing else. While a load is running its
    journal is not hot (the load holds a lock), so this leaves a running load alone.
    """
    if not _hot_journal(path):
        return
    connection = sqlite3.connect(path, timeout=0.2)
    try:
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError:
        pass  # a load holds the database: it is not a crashed one
    finally:
        connection.close()


def _create_engine(url: str, **options: Any) -> Engine:
    """`create_engine`, with unknown dialects and missing drivers as `DatabaseError`."""
    try:
        return create_engine(url, **options)
    except (NoSuchModuleError, ImportError) as error:
        shown = make_url(url).render_as_string(hide_password=True)
        raise DatabaseError(f"{shown}: cannot open this kind of database ({error})") from error


def _postgres_engine(url: str, read_only: bool) -> Engine:
    """PostgreSQL; serving engines run every transaction read-only, with a time limit."""
    if not read_only:
        return _create_engine(url)
    options = f"-c default_transaction_read_only=on -c statement_timeout={PG_STATEMENT_MS}"
    # Repeatable read: every query of a request sees the same snapshot, never part of a
    # load committed between two of them (read-only transactions cannot fail on it).
    return _create_engine(
        url, connect_args={"options": options}, isolation_level="REPEATABLE READ", **SERVING_POOL
    )


def _sqlite_engine(url: str) -> Engine:
    # A load commits once no page is being read; pages take at most seconds each, so it
    # waits for them rather than failing with "database is locked".
    engine = _create_engine(url, connect_args={"timeout": WRITE_WAIT_SECONDS})

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
    """Create the tables and the full-text index that do not exist yet."""
    SQLModel.metadata.create_all(bind)
    if is_sqlite(bind):
        columns = ", ".join(FTS_COLUMNS).replace("claim_id", "claim_id UNINDEXED")
        statements: tuple[str, ...] = (
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            f"{columns}, tokenize='unicode61 remove_diacritics 2')",
        )
    elif is_postgres(bind):
        statements = PG_SEARCH_DDL
    else:
        return
    if isinstance(bind, Engine):
        with bind.begin() as connection:
            for ddl in statements:
                connection.exec_driver_sql(ddl)
    else:
        for ddl in statements:
            bind.exec_driver_sql(ddl)


def fts_insert(connection: Connection, rows: Sequence[dict[str, str]]) -> None:
    """Index claims for full-text search; each row has the keys of `FTS_COLUMNS`."""
    if not rows:
        return
    if is_sqlite(connection):
        names = ", ".join(FTS_COLUMNS)
        values = ", ".join(f":{name}" for name in FTS_COLUMNS)
        statement = text(f"INSERT INTO {FTS_TABLE} ({names}) VALUES ({values})")
        connection.execute(statement, list(rows))
    elif is_postgres(connection):
        connection.execute(text(PG_SEARCH_INSERT), list(rows))


def fts_delete_article(connection: Connection, article_id: int) -> None:
    """Drop the full-text rows of one article's claims (before they are replaced)."""
    table = FTS_TABLE if is_sqlite(connection) else PG_SEARCH_TABLE
    if is_sqlite(connection) or is_postgres(connection):
        statement = text(
            f"DELETE FROM {table} WHERE claim_id IN "
            "(SELECT id FROM claims WHERE article_id = :article_id)"
        )
        connection.execute(statement, {"article_id": article_id})
