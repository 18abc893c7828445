"""Totals and facet counts that no summary table answers are capped, and say so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

import app.storage.queries.facets as facet_queries
from app.storage.queries import counts
from app.web import create_app


@pytest.fixture
def client(loaded_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setattr(counts, "COUNT_CAP", 3)
    monkeypatch.setattr(facet_queries, "FACET_SAMPLE", 4)
    monkeypatch.setattr(facet_queries, "RANKED_SAMPLE", 2)
    with TestClient(create_app(loaded_db)) as test_client:
        yield test_client


def test_a_filtered_total_stops_at_its_cap_and_says_so(client: TestClient) -> None:
    # No summary table counts asserted claims outside the narration.
    params = {"stance": "asserted", "hide_unattributed": "1"}
    listed = client.get("/api/claims", params=params).json()
    assert (listed["total"], listed["total_capped"]) == (3, True)
    page = BeautifulSoup(client.get("/claims", params=params).text, "html.parser")
    assert page.select_one(".result-count").get_text().startswith("More than 3 claims")
    assert page.select_one(".facet-note").get_text() == (
        "Counts are over the first 4 matching claims (newest first)."
    )


def test_a_search_counts_its_facets_over_its_best_matches_and_says_so(
    client: TestClient, loaded_db: str
) -> None:
    # The seed and test articles have more than four claims with "troops". SQLite counts
    # a ranked search's facets over its RANKED_SAMPLE best matches, PostgreSQL over the
    # first FACET_SAMPLE of its ranked list.
    best = 2 if loaded_db.startswith("sqlite") else 4
    page = BeautifulSoup(client.get("/claims", params={"q": "troops"}).text, "html.parser")
    assert page.select_one(".facet-note").get_text() == (
        f"Counts are over the first {best} matching claims (best match first)."
    )
    oldest = client.get("/claims", params={"q": "troops", "sort": "oldest"}).text
    note = BeautifulSoup(oldest, "html.parser").select_one(".facet-note").get_text()
    assert note == "Counts are over the first 4 matching claims (oldest first)."


def test_a_total_the_summaries_answer_is_exact(client: TestClient) -> None:
    seoul = client.get("/api/claims", params={"source": "seoul"}).json()
    assert seoul["total"] > 3 and seoul["total_capped"] is False
    page = BeautifulSoup(client.get("/claims?source=seoul").text, "html.parser")
    assert page.select_one(".facet-note") is None
    ids = [claim["id"] for claim in seoul["claims"]]
    following = seoul["next"]
    while following:
        listed = client.get(following).json()
        ids += [claim["id"] for claim in listed["claims"]]
        following = listed["next"]
    assert len(ids) == len(set(ids)) == seoul["total"]
    stance = client.get("/api/claims", params={"stance": "asserted"}).json()
    assert stance["total"] > 3 and stance["total_capped"] is False  # stance_stats counts it
