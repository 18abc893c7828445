"""Shared fixtures: the seed and test articles, a database loaded once per session, a CLI runner.

`loaded_db` (a SQLAlchemy URL) holds the seed plus every `tests/articles/*.json`, loaded
by the same function `claimtrack load` uses, once per backend named in the environment
variable `CLAIMTRACK_TEST_BACKENDS` (comma-separated `sqlite`, `postgres`; default
`sqlite`): every test that takes it runs on each. With `postgres`, a throwaway server is
started for the session (`tests/postgres.py`) and stopped at its end.
`loaded_db_path` is the SQLite file, for tests of SQLite itself.
Treat these databases as read-only: copy the file (`shutil.copy`) before changing anything.
"""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli import load_files, main
from app.storage.db import database_url
from tests.postgres import PostgresServer, start_server

ROOT = Path(__file__).resolve().parents[1]
SEED_ARTICLE = ROOT / "data" / "seed_article.json"
TEST_ARTICLES = ROOT / "tests" / "articles"
BACKENDS_VARIABLE = "CLAIMTRACK_TEST_BACKENDS"
BACKENDS = tuple(
    name.strip() for name in os.environ.get(BACKENDS_VARIABLE, "sqlite").split(",") if name.strip()
)


@dataclass(frozen=True)
class CliResult:
    """What a `claimtrack` run printed and returned."""

    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str | os.PathLike[str]) -> CliResult:
    """Run `claimtrack ARGS...` in this process, capturing its output and exit code."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as exit_:  # argparse exits on --help and usage errors
            code = exit_.code if isinstance(exit_.code, int) else 1
    return CliResult(code, out.getvalue(), err.getvalue())


def run_cli_subprocess(
    *args: str | os.PathLike[str], env: dict[str, str] | None = None
) -> CliResult:
    """Run `python -m app.cli ARGS...` as a separate process, as a user would."""
    completed = subprocess.run(
        [sys.executable, "-m", "app.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=120,
    )
    return CliResult(completed.returncode, completed.stdout, completed.stderr)


def dump_database(path: Path) -> list[str]:
    """Every table of a SQLite file (schema and rows) as SQL lines; [] if there is no file."""
    if not path.exists():
        return []
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite file."""
    return database_url(path)


@pytest.fixture(scope="session")
def seed_article_path() -> Path:
    return SEED_ARTICLE


@pytest.fixture(scope="session")
def test_article_paths() -> list[Path]:
    """All `tests/articles/*.json` (none yet is fine)."""
    return sorted(TEST_ARTICLES.glob("*.json")) if TEST_ARTICLES.is_dir() else []


@pytest.fixture(scope="session")
def loaded_db_path(
    tmp_path_factory: pytest.TempPathFactory,
    seed_article_path: Path,
    test_article_paths: Sequence[Path],
) -> Path:
    """A SQLite file holding the seed and the test articles, built once per session."""
    path = tmp_path_factory.mktemp("loaded") / "claims.db"
    load_files([seed_article_path, *test_article_paths], sqlite_url(path))
    return path


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for this session (skips unless `postgres` is a test backend)."""
    if "postgres" not in BACKENDS:
        pytest.skip(f"PostgreSQL tests run when {BACKENDS_VARIABLE} includes postgres")
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def postgres_db(postgres: PostgresServer, request: pytest.FixtureRequest) -> str:
    """The URL of a new, empty PostgreSQL database for one test."""
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name)[:50].lower()
    return postgres.create_database(name)


@pytest.fixture(scope="session", params=BACKENDS)
def loaded_db(
    request: pytest.FixtureRequest,
    seed_article_path: Path,
    test_article_paths: Sequence[Path],
) -> str:
    """The SQLAlchemy URL of the loaded database on one backend."""
    if request.param == "sqlite":
        return sqlite_url(request.getfixturevalue("loaded_db_path"))
    server: PostgresServer = request.getfixturevalue("postgres")
    url = server.create_database("loaded")
    load_files([seed_article_path, *test_article_paths], url)
    return url
