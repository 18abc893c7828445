"""The loader and the read-only guarantee on PostgreSQL (the web tests run on both backends
through `loaded_db`). Skipped unless CLAIMTRACK_TEST_BACKENDS includes postgres."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from app.cli import load_files
from app.storage.db import make_engine
from tests.conftest import run_cli

TABLES = ("articles", "sources", "entities", "topics", "claims", "claim_sources", "claim_topics")


def rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, and the search vectors, in a fixed order."""
    engine = create_engine(url)
    with engine.connect() as connection:
        found = {
            table: [
                tuple(r) for r in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2"))
            ]
            for table in TABLES
        }
        search = "SELECT claim_id, document::text FROM claims_search ORDER BY claim_id"
        found["claims_search"] = [tuple(r) for r in connection.execute(text(search))]
    engine.dispose()
    return found


def test_loading_twice_keeps_every_row(postgres_db: str, seed_article_path: Path) -> None:
    first = load_files([seed_article_path], postgres_db)
    assert first.total_claims > 10 and first.claims == first.total_claims
    before = rows(postgres_db)
    assert len(before["claims_search"]) == first.total_claims
    again = load_files([seed_article_path], postgres_db)
    assert [article.unchanged for article in again.articles] == [True]
    assert rows(postgres_db) == before


def test_a_bad_file_loads_nothing(
    postgres_db: str, seed_article_path: Path, tmp_path: Path
) -> None:
    load_files([seed_article_path], postgres_db)
    before = rows(postgres_db)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"title": "No body", "published": "2024-01-01"}), encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text(
        json.dumps({"title": "Kyiv says so", "published": "2024-01-02", "body": "Kyiv said it."}),
        encoding="utf-8",
    )
    result = run_cli("load", other, bad, "--db", postgres_db)
    assert result.exit_code == 1
    assert result.stderr == f'claimtrack: error: {bad}: missing field "body"\n'
    assert rows(postgres_db) == before


def test_serving_connections_are_read_only(postgres_db: str, seed_article_path: Path) -> None:
    load_files([seed_article_path], postgres_db)
    engine = make_engine(postgres_db, read_only=True)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM claims")).scalar_one() > 0
        with pytest.raises(DBAPIError, match="read-only transaction"):
            connection.execute(text("DELETE FROM claim_topics"))
    engine.dispose()


def test_a_reading_connection_sees_one_state_of_the_database(
    postgres_db: str, seed_article_path: Path
) -> None:
    load_files([seed_article_path], postgres_db)
    engine = make_engine(postgres_db, read_only=True)
    writer = create_engine(postgres_db)
    count = text("SELECT count(*) FROM claim_topics")
    with engine.connect() as connection:
        before = connection.execute(count).scalar_one()
        assert before > 0
        with writer.begin() as writing:
            writing.execute(text("DELETE FROM claim_topics"))
        assert connection.execute(count).scalar_one() == before
    with engine.connect() as connection:
        assert connection.execute(count).scalar_one() == 0
    engine.dispose()
    writer.dispose()


def test_search_ranks_and_highlights(postgres_db: str, seed_article_path: Path) -> None:
    from fastapi.testclient import TestClient

    from app.web import create_app

    load_files([seed_article_path], postgres_db)
    with TestClient(create_app(postgres_db)) as client:
        found = client.get("/api/claims", params={"q": "oil"}).json()
        page = client.get("/claims", params={"q": "oil"})
    assert found["total"] > 0
    for claim in found["claims"]:
        assert "oil" in (claim["assertion"] + " " + claim["quote"]["text"]).lower()
    assert "<mark>oil</mark>" in page.text.lower()
