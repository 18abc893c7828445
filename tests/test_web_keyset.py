"""Lists continue from the last row seen (`next`), so every claim of every list is
reachable; the export of a filter is the API's list for it; names mean one thing.

The long lists come from a synthetic corpus of a few thousand claims (`claimtrack synth`,
fixed seed), loaded once per backend.

The expected lists are read from the tables with plain SQL in the documented list order
(newest first: said-on end, then article date, then position; `newest_key` packs these,
see app/storage/sortkeys.py), not through the app's query layer.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.cli import load_files
from app.synth import generate_articles, write_corpus
from app.web import create_app
from tests.conftest import BACKENDS, run_cli, sqlite_url

NEWEST = "ORDER BY c.newest_key DESC, c.id DESC"
OLDEST = "ORDER BY c.oldest_key ASC, c.id ASC"
SYNTH_ARTICLES = 300
WHERE = {
    # the narration left out: most claims, walked down the claims' own index
    "hide_unattributed=1": (
        "NOT EXISTS (SELECT 1 FROM claim_sources cs JOIN sources s ON s.id = cs.source_id "
        "WHERE cs.claim_id = c.id AND s.kind = 'unattributed')",
        NEWEST,
    ),
    # two sources: a claim of both is walked twice and listed once
    "source=moscow&source=unattributed": (
        "EXISTS (SELECT 1 FROM claim_sources cs JOIN sources s ON s.id = cs.source_id "
        "WHERE cs.claim_id = c.id AND s.slug IN ('moscow', 'unattributed'))",
        NEWEST,
    ),
    "source=unattributed&sort=oldest": (
        "EXISTS (SELECT 1 FROM claim_sources cs JOIN sources s ON s.id = cs.source_id "
        "WHERE cs.claim_id = c.id AND s.slug = 'unattributed')",
        OLDEST,
    ),
    "stance=asserted&from=2024": (
        "c.stance = 'asserted' AND c.said_on_end >= '2024-01-01'",
        NEWEST,
    ),
}


@pytest.fixture(scope="module", params=BACKENDS)
def large_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The URL of a database holding a synthetic corpus of a few thousand claims."""
    corpus = tmp_path_factory.mktemp("synth") / "corpus"
    write_corpus(generate_articles(SYNTH_ARTICLES, 7), corpus, SYNTH_ARTICLES)
    if request.param == "sqlite":
        url = sqlite_url(tmp_path_factory.mktemp("large") / "claims.db")
    else:
        url = request.getfixturevalue("postgres").create_database("large")
    load_files([corpus], url)
    return url


@pytest.fixture(scope="module")
def client(large_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(large_db)) as test_client:
        yield test_client


def expected_ids(url: str, where: str, order: str) -> list[str]:
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text(f"SELECT c.id FROM claims c WHERE {where} {order}"))
        found = [row[0] for row in rows]
    engine.dispose()
    return found


def walk(client: TestClient, first: str) -> list[dict[str, Any]]:
    """Every claim of a list, following `next` from its first page to its end."""
    claims: list[dict[str, Any]] = []
    following: str | None = first
    while following:
        answer = client.get(following)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert len(body["claims"]) <= body["page_size"]
        claims += body["claims"]
        following = body["next"]
    return claims


@pytest.mark.parametrize("query", sorted(WHERE))
def test_walking_next_lists_every_claim_once_in_order(
    client: TestClient, large_db: str, query: str
) -> None:
    expected = expected_ids(large_db, *WHERE[query])
    assert len(expected) > 200, "a list of many pages"
    listed = [claim["id"] for claim in walk(client, f"/api/claims?{query}")]
    assert listed == expected


def test_the_html_list_follows_the_same_next_links(client: TestClient, large_db: str) -> None:
    expected = expected_ids(large_db, *WHERE["stance=asserted&from=2024"])
    seen: list[str] = []
    following: str | None = "/claims?stance=asserted&from=2024"
    while following:
        soup = BeautifulSoup(client.get(following).text, "html.parser")
        seen += [card["data-claim-id"] for card in soup.select(".claim-list .claim-card")]
        link = soup.select_one("nav.pager a[rel=next]")
        following = link["href"] if link else None
    assert seen == expected


def export(db: str, *args: str) -> list[dict[str, Any]]:
    result = run_cli("export", "--db", db, *args)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    ("flags", "query"),
    [
        ((), ""),
        # two sources, one named by an alias; both are among the prominent countries the
        # synthetic corpus always has, whatever the data files' lists of people hold
        (("--source", "Russia", "--source", "Washington"), "source=moscow&source=washington"),
        (("--hide-unattributed", "--sort", "oldest"), "hide_unattributed=1&sort=oldest"),
        (("--q", "troops", "--sort", "newest"), "q=troops&sort=newest"),
        (("--q", "troops"), "q=troops"),
        (("--stance", "asserted", "--from", "2024-11"), "stance=asserted&from=2024-11"),
    ],
)
def test_an_export_is_the_api_list_of_the_same_filter(
    client: TestClient, large_db: str, flags: tuple[str, ...], query: str
) -> None:
    exported = export(large_db, *flags)
    listed = walk(client, f"/api/claims?{query}")
    assert exported and exported == listed


AMBIGUOUS = (
    "source 'Observers' is ambiguous: it may mean analysts, some-observers; "
    "give one of these instead"
)


@pytest.fixture(scope="module")
def shared_alias_db(loaded_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test database where "observers" is also an alias of Analysts (two sources)."""
    db = tmp_path_factory.mktemp("ambiguous") / "claims.db"
    shutil.copy(loaded_db_path, db)
    connection = sqlite3.connect(db)
    connection.execute(
        "INSERT INTO source_aliases (alias, source_id) "
        "SELECT 'observers', id FROM sources WHERE slug = 'analysts'"
    )
    connection.commit()
    connection.close()
    return db


def test_an_ambiguous_name_is_refused_alike_on_the_web_and_in_the_cli(
    shared_alias_db: Path,
) -> None:
    with TestClient(create_app(sqlite_url(shared_alias_db))) as web:
        for url in ("/claims?source=Observers", "/api/claims?source=Observers"):
            response = web.get(url)
            assert response.status_code == 400, url
            shown = BeautifulSoup(response.text, "html.parser").get_text()
            assert AMBIGUOUS in shown, shown[:500]
        assert web.get("/api/claims?source=some-observers").status_code == 200
    result = run_cli("export", "--db", str(shared_alias_db), "--source", "Observers")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"claimtrack: error: {AMBIGUOUS}\n"
