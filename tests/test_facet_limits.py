"""Each facet has its own time limit: one that runs out says so and the page answers.

The limit itself is checked on both backends with a query that would run for long:
past a part's limit only that part stops, and the request's connection goes on.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import text

import app.storage.queries.facets as facet_queries
from app.storage.db import make_engine
from app.storage.queries import TimedOut, deadline, time_limit
from app.web import create_app

SLOW = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
    "SELECT count(*) FROM (SELECT i FROM n LIMIT 100000000)",
    "postgresql": "SELECT pg_sleep(3)",
}


@pytest.fixture
def client(loaded_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.setattr(facet_queries, "FACET_SECONDS", 0.0)
    with TestClient(create_app(loaded_db)) as test_client:
        yield test_client


def test_facets_that_run_out_of_time_say_so_and_the_list_is_served(client: TestClient) -> None:
    response = client.get("/claims?hide_unattributed=1")
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    for facet in ("facet-sources", "facet-topics"):
        section = soup.select_one(f"section[aria-labelledby={facet}]")
        assert section is not None and section.select(".facet li") == []
        assert section.select_one(".facet-timeout").get_text().startswith("Timed out")
    assert len(soup.select(".claim-list .claim-card")) == 25


def test_a_part_over_its_limit_stops_alone(loaded_db: str) -> None:
    engine = make_engine(loaded_db, read_only=True)
    try:
        with engine.connect() as connection:
            deadline.start(connection, 30)
            started = time.monotonic()
            with pytest.raises(TimedOut), time_limit(connection, 0.2):
                connection.execute(text(SLOW[connection.dialect.name])).all()
            assert time.monotonic() - started < 2.5
            assert connection.execute(text("SELECT count(*) FROM claims")).scalar_one() > 10
            deadline.stop(connection)
    finally:
        engine.dispose()
