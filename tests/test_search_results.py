"""A SQLite search shows exactly what its definition says, however it is computed.

The definition, read from the full-text table with one plain statement: the matches of
every word (each as a prefix), of which the RANKED most recently loaded are ranked by
bm25, best first (ties: the most recently loaded first); the total is how many were
ranked; the facets count the sources and topics of the RANKED_SAMPLE best. The pages
get there by shortcuts (only the best rows fetched, the count taken with them, claim ids
read for the rows used), and these tests hold them to the definition, with the limits
made small so that both caps are reached.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

import app.storage.queries.facets as facet_queries
import app.storage.queries.search as search_queries
from app.storage.db import database_url
from app.web import create_app

WORDS = ["troops", "north korea", "said", "missile", "oil barrels", "zzzz", "the"]


@pytest.fixture
def client(loaded_db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(database_url(loaded_db_path))) as test_client:
        yield test_client


@pytest.fixture
def raw(loaded_db_path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{loaded_db_path}?mode=ro", uri=True)
    yield connection
    connection.close()


def expected_ranking(raw: sqlite3.Connection, words: str, ranked: int) -> list[str]:
    """The claim ids a search lists, by the definition, from one plain statement."""
    match = " ".join(f'"{word}"*' for word in words.split())
    rows = raw.execute(
        "SELECT rowid, claim_id, bm25(claims_fts) FROM claims_fts WHERE claims_fts MATCH ?",
        [match],
    ).fetchall()
    newest = sorted(rows, key=lambda row: -row[0])[:ranked]
    return [claim_id for _, claim_id, _ in sorted(newest, key=lambda row: (row[2], -row[0]))]


def expected_facet(raw: sqlite3.Connection, table: str, claim_ids: list[str]) -> Counter[str]:
    """Claims per source or topic label among `claim_ids`."""
    key = "source_id" if table == "sources" else "topic_id"
    link = "claim_sources" if table == "sources" else "claim_topics"
    counts: Counter[str] = Counter()
    for claim_id in claim_ids:
        counts.update(
            label
            for (label,) in raw.execute(
                f"SELECT t.label FROM {link} l JOIN {table} t ON t.id = l.{key} "
                "WHERE l.claim_id = ?",
                [claim_id],
            )
        )
    return counts


def listed_ids(client: TestClient, words: str) -> tuple[list[str], int, bool]:
    """Every claim id the API lists for a search, following `next`, with its total."""
    body = client.get("/api/claims", params={"q": words}).json()
    total, capped = body["total"], body["total_capped"]
    ids = [claim["id"] for claim in body["claims"]]
    while body["next"]:
        body = client.get(body["next"]).json()
        ids += [claim["id"] for claim in body["claims"]]
    return ids, total, capped


def search_page(client: TestClient, words: str) -> BeautifulSoup:
    return BeautifulSoup(client.get("/claims", params={"q": words}).text, "html.parser")


def shown_facet(client: TestClient, words: str, plural: str) -> Counter[str]:
    soup = search_page(client, words)
    return Counter(
        {
            li.select_one("a").get_text(strip=True): int(li.select_one(".count").get_text())
            for li in soup.select(f"section[aria-labelledby=facet-{plural}] li")
        }
    )


@pytest.mark.parametrize("words", WORDS)
def test_a_search_lists_its_ranked_matches_in_order(
    client: TestClient, raw: sqlite3.Connection, words: str
) -> None:
    expected = expected_ranking(raw, words, search_queries.RANKED)
    ids, total, capped = listed_ids(client, words)
    assert ids == expected
    assert (total, capped) == (len(expected), len(expected) >= search_queries.RANKED)


@pytest.mark.parametrize("ranked,sample", [(5, 3), (40, 30)])
@pytest.mark.parametrize("words", WORDS)
def test_a_capped_search_lists_and_counts_only_its_ranked_matches(
    client: TestClient,
    raw: sqlite3.Connection,
    words: str,
    ranked: int,
    sample: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(search_queries, "RANKED", ranked)
    monkeypatch.setattr(facet_queries, "RANKED_SAMPLE", sample)
    expected = expected_ranking(raw, words, ranked)
    ids, total, capped = listed_ids(client, words)
    assert ids == expected
    # A page fetches only the rows it shows (and one more), and still says how many.
    assert (total, capped) == (len(expected), len(expected) == ranked)
    shown = search_page(client, words).select_one(".result-count").get_text()
    count = f"More than {len(expected)} claims" if capped else f"{len(expected)} claim"
    assert shown.startswith(count if expected else "0 claims"), shown
    for table, plural in (("sources", "sources"), ("topics", "topics")):
        shown = shown_facet(client, words, plural)
        counted = expected_facet(raw, table, expected[:sample])
        assert len(shown) == min(len(counted), facet_queries.FACET_LIMIT)
        assert all(counted[label] == count for label, count in shown.items()), plural


def test_the_capped_searches_reach_their_caps(raw: sqlite3.Connection) -> None:
    """The words above include searches past both caps (one past the larger, which is
    more than a page), one exactly at the smaller, and one with no match at all."""
    sizes = [len(expected_ranking(raw, words, 10_000)) for words in WORDS]
    assert max(sizes) > 40 and sum(size > 5 for size in sizes) >= 3, sizes
    assert 5 in sizes and 0 in sizes, sizes


@pytest.mark.parametrize("words", WORDS)
def test_a_search_counts_its_facets_over_its_best_matches(
    client: TestClient, raw: sqlite3.Connection, words: str
) -> None:
    best = expected_ranking(raw, words, search_queries.RANKED)[: facet_queries.RANKED_SAMPLE]
    for table, plural in (("sources", "sources"), ("topics", "topics")):
        shown = shown_facet(client, words, plural)
        expected = expected_facet(raw, table, best)
        # A facet shows its FACET_LIMIT largest values.
        assert len(shown) == min(len(expected), facet_queries.FACET_LIMIT)
        assert all(expected[label] == count for label, count in shown.items()), plural
