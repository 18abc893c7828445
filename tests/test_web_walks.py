"""A filtered list is the same whichever index walks it.

A source or topic combined with a stance or an actor walks the link index of the source
or topic, or the claims' own index of the stance or actor when that has fewer claims.
Every combination found in the data is listed here and compared with the unfiltered
list, filtered by reading each claim's own fields.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.extraction.model import STANCES
from app.web import create_app


@pytest.fixture(scope="module")
def client(loaded_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(loaded_db)) as test_client:
        yield test_client


def listed(client: TestClient, **params: str) -> list[dict[str, Any]]:
    """Every claim of a list, page after page, in its order."""
    found: list[dict[str, Any]] = []
    page = 1
    while True:
        answer = client.get("/api/claims", params={**params, "page": str(page)}).json()
        found += answer["claims"]
        if answer["next"] is None:
            return found
        page += 1


def has(claim: dict[str, Any], kind: str, slug: str) -> bool:
    if kind == "source":
        return slug in {source["slug"] for source in claim["sources"]}
    if kind == "topic":
        return slug in {topic["slug"] for topic in claim["topics"]}
    if kind == "stance":
        return bool(claim["stance"] == slug)
    return bool(claim["actor"] and claim["actor"]["slug"] == slug)


def test_every_source_or_topic_with_every_stance_or_actor(client: TestClient) -> None:
    everything = listed(client)
    values = {
        "source": {s["slug"] for c in everything for s in c["sources"]},
        "topic": {t["slug"] for c in everything for t in c["topics"]},
        "stance": set(STANCES),
        "actor": {c["actor"]["slug"] for c in everything if c["actor"]},
    }
    checked = 0
    for wide in ("source", "topic"):
        for narrow in ("stance", "actor"):
            for first in sorted(values[wide]):
                for second in sorted(values[narrow]):
                    expected = [
                        c["id"]
                        for c in everything
                        if has(c, wide, first) and has(c, narrow, second)
                    ]
                    found = [c["id"] for c in listed(client, **{wide: first, narrow: second})]
                    assert found == expected, f"{wide}={first}&{narrow}={second}"
                    checked += 1 if expected else 0
    assert checked > 50, "combinations that list something were compared"
