"""No page scans a big table: every query the app issues, collected while every page and
API route is requested, is checked with SQLite's EXPLAIN QUERY PLAN.

SQLite only: the plans are SQLite's (PostgreSQL runs the same queries, built by the same
code, in `test_web_*` through `loaded_db`).

A full scan of the claims, link or article tables fails. The one scan allowed is a walk
down a claims sort-key index (`ix_claims_newest`, `ix_claims_oldest`) in a statement
with a LIMIT: a newest-first list stops at its page.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from app.web import create_app
from tests.conftest import sqlite_url

BIG_TABLES = ("claims", "claim_sources", "claim_topics", "articles", "claims_fts")
# A full-text query (FTS5's plan `INDEX n:M...`) or a lookup by its rowid (`INDEX n:=`)
# reads only what it finds; the full-text table read whole is `INDEX n:`.
SCAN = re.compile(r"\bSCAN (" + "|".join(BIG_TABLES) + r")\b(?! VIRTUAL TABLE INDEX \d+:[M=])")
BOUNDED_WALK = re.compile(r"\bSCAN claims USING (?:COVERING )?INDEX ix_claims_(?:newest|oldest)\b")
SUMMARY_TABLES = (
    "source_stats",
    "topic_stats",
    "source_topic_stats",
    "stance_stats",
    "actor_stats",
    "speaker_stats",
    "timeline_stats",
    "source_aliases",
    "load_info",
)


def next_of(client: TestClient, query: str) -> str:
    """The `next` parameter of the second page of a list."""
    token = client.get(f"/api/claims?{query}").json()["next_token"]
    assert token, f"{query}: a list of more than one page"
    return f"next={token}"


def page_urls(client: TestClient) -> list[str]:
    """Every page and API route, with each kind of filter, alone and combined."""
    claim = client.get("/api/claims", params={"source": "seoul"}).json()["claims"][0]
    topic = claim["topics"][0]["slug"]
    article = claim["article"]["slug"]
    lists = [
        "",
        "source=seoul",
        "source=seoul&source=nato",
        f"topic={topic}",
        f"topic={topic}&topic=troop-deployment",
        f"source=seoul&topic={topic}",
        "q=oil",
        "q=oil&sort=newest",
        "q=oil&source=seoul",
        "stance=asserted",
        "actor=russia",
        "source=seoul&stance=reported",  # fewer reports than Seoul's claims: the stance walks
        f"topic={topic}&actor=north-korea",
        "from=2024-10&to=2024-11",
        "hide_unattributed=1",
        "sort=oldest",
        "source=seoul&sort=oldest&from=2024",
        f"source=seoul&topic={topic}&stance=asserted&hide_unattributed=1",
        "source=seoul&page=2",
        "source=South Korea",  # an alias: resolved through source_aliases
        "q=!!!",
        "speaker=Mark Rutte",
        "source=nato&speaker=mark rutte",
        f"next={client.get('/api/claims').json()['next_token']}",
        "page=3",
        "sort=oldest&" + next_of(client, "sort=oldest"),
        "hide_unattributed=1&" + next_of(client, "hide_unattributed=1"),
        "q=the&" + next_of(client, "q=the"),
    ]
    urls = [f"/claims?{query}" for query in lists] + [f"/api/claims?{query}" for query in lists]
    urls += ["/api/claims.csv?source=seoul", "/api/claims.csv?q=troops"]
    urls += ["/", "/sources", "/sources/seoul", "/topics", f"/topics/{topic}"]
    urls += [f"/claims/{claim['id']}", f"/articles/{article}", f"/api/claims/{claim['id']}"]
    urls += ["/api/sources", "/api/topics", f"/api/articles/{article}", "/api/sources.csv"]
    return urls


@pytest.fixture(scope="module")
def statements(loaded_db_path: Path) -> list[tuple[str, Any]]:
    """Every SQL statement the app ran while serving every page, as SQLite ran it (its
    parameters written in), whether SQLAlchemy or the driver's own connection ran it."""
    seen: list[tuple[str, Any]] = []

    def record(statement: str) -> None:
        seen.append((statement, ()))

    def trace(connection: sqlite3.Connection, *_: Any) -> None:
        connection.set_trace_callback(record)

    with TestClient(create_app(sqlite_url(loaded_db_path))) as client:
        urls = page_urls(client)
        event.listen(client.app.state.engine, "checkout", trace)  # type: ignore[attr-defined]
        for url in urls:
            response = client.get(url)
            assert response.status_code in (200, 302), f"{url}: {response.status_code}"
    return seen


def plan(database: Path, statement: str, parameters: Any) -> list[str]:
    """The EXPLAIN QUERY PLAN lines of one statement."""
    connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("EXPLAIN QUERY PLAN " + statement, parameters or ()).fetchall()
    finally:
        connection.close()
    return [row[-1] for row in rows]


def full_scans(lines: list[str], statement: str) -> list[str]:
    """The plan lines that read a whole big table."""
    bounded = "LIMIT" in statement.upper()
    return [
        line for line in lines if SCAN.search(line) and not (bounded and BOUNDED_WALK.search(line))
    ]


def test_no_query_scans_a_big_table(
    statements: list[tuple[str, Any]], loaded_db_path: Path
) -> None:
    problems = []
    for statement, parameters in statements:
        if not statement.lstrip().upper().startswith("SELECT"):
            continue
        scans = full_scans(plan(loaded_db_path, statement, parameters), statement)
        if scans:
            problems.append(f"{scans} in:\n{statement}\n")
    assert not problems, "\n".join(problems)


def test_every_kind_of_query_was_checked(statements: list[tuple[str, Any]]) -> None:
    text = "\n".join(statement for statement, _ in statements)
    for table in (*SUMMARY_TABLES, "claims_fts", "claim_sources", "claim_topics"):
        assert re.search(rf"\b{table}\b", text), f"no query read {table}"
    assert len(statements) > 200, len(statements)


@pytest.mark.parametrize(
    ("statement", "scans"),
    [
        ("SELECT count(*) FROM claims WHERE quote_text LIKE '%oil%'", True),
        ("SELECT source_id, count(*) FROM claim_sources GROUP BY source_id", True),
        ("SELECT id FROM claims ORDER BY newest_key DESC, id DESC", True),
        ("SELECT id FROM claims ORDER BY newest_key DESC, id DESC LIMIT 25", False),
        ("SELECT claim_id FROM claim_sources WHERE source_id = 1 ORDER BY newest_key", False),
        ("SELECT claim_id FROM claims_fts", True),
        ("SELECT claim_id FROM claims_fts WHERE claims_fts MATCH 'oil'", False),
        (
            "SELECT claim_id FROM claims_fts WHERE rowid IN (SELECT value FROM json_each('[1]'))",
            False,
        ),
    ],
)
def test_the_check_tells_scans_from_searches(
    loaded_db_path: Path, statement: str, scans: bool
) -> None:
    assert bool(full_scans(plan(loaded_db_path, statement, ()), statement)) is scans
