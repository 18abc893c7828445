"""Links to a story keep working when it merges into another or shrinks, on every backend:
a merged story's id redirects to the story it joined (its page, JSON, CSV, feed and claim
list), and a story left with one claim still has its page but no list shows it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.cli import load_files
from app.web import create_app
from tests.conftest import BACKENDS, sqlite_url
from tests.test_story_load import BRIDGE, CASH_TRACTORS, DENIAL, OIL_GRAIN, PENTAGON, article, write


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database on one backend."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "claims.db")
    server = request.getfixturevalue("postgres")
    return str(server.create_database("m_" + re.sub(r"\W", "_", request.node.name)[:50].lower()))


@contextmanager
def serve(database: str) -> Iterator[TestClient]:
    with TestClient(create_app(database), follow_redirects=False) as client:
        yield client


@pytest.fixture
def merged(database: str, tmp_path: Path) -> tuple[str, str, str]:
    """(database, the id of the story merged away, the id of the story it joined): two
    stories of Russian deliveries (March: oil, grain and wheat; April: wheat, cash and
    tractors), then a May claim that matches both."""
    items = OIL_GRAIN + CASH_TRACTORS
    load_files([write(tmp_path, f"a{i}", article(*item)) for i, item in enumerate(items)], database)
    with TestClient(create_app(database)) as client:
        before = [story["id"] for story in client.get("/api/stories").json()["stories"]]
    assert len(before) == 2, "two stories before the bridging claim"
    load_files([write(tmp_path, "bridge", article(*BRIDGE))], database)
    with TestClient(create_app(database)) as client:
        after = [story["id"] for story in client.get("/api/stories").json()["stories"]]
    assert len(after) == 1 and after[0] in before
    (gone,) = set(before) - set(after)
    return database, gone, after[0]


def test_a_merged_story_id_redirects_to_the_story_it_joined(
    merged: tuple[str, str, str],
) -> None:
    database, gone, survivor = merged
    with serve(database) as client:
        for old, new in (
            (f"/stories/{gone}", f"/stories/{survivor}"),
            (f"/stories/{gone}?next=1.x", f"/stories/{survivor}?next=1.x"),
            (f"/api/stories/{gone}", f"/api/stories/{survivor}"),
            (f"/api/stories/{gone}.csv", f"/api/stories/{survivor}.csv"),
            (f"/stories/{gone}/feed.atom", f"/stories/{survivor}/feed.atom"),
        ):
            response = client.get(old)
            assert response.status_code == 301, old
            assert response.headers["location"] == new
        listed = client.get(f"/claims?story={gone}")
        assert listed.status_code == 302
        assert listed.headers["location"] == f"/claims?story={survivor}"
        story = client.get(f"/api/stories/{survivor}").json()
        assert story["story"]["claims"] == 5, "March's two, April's two and May's"
        dates = [entry["said_on"]["date"] or "" for entry in story["timeline"]]
        assert [d[:7] for d in dates] == ["2024-03", "2024-03", "2024-04", "2024-04", "2024-05"]


def test_a_story_left_with_one_claim_keeps_its_page_but_leaves_the_lists(
    database: str, tmp_path: Path
) -> None:
    paths = [write(tmp_path, "pentagon", PENTAGON), write(tmp_path, "denial", DENIAL)]
    load_files(paths, database)
    with serve(database) as client:
        (story,) = client.get("/api/stories").json()["stories"]
    write(tmp_path, "denial", {**DENIAL, "body": "Pyongyang held a military parade on Thursday."})
    load_files([tmp_path / "denial.json"], database)
    with serve(database) as client:
        assert client.get("/api/stories").json()["stories"] == []
        page = client.get(story["url"])
        assert page.status_code == 200
        assert "1 claim by 1 source in 1 article" in page.text
        (left,) = client.get(story["json_url"]).json()["timeline"]
        assert left["sources"][0]["slug"] == "washington", "the Pentagon's claim"
        assert client.get(f"/api/claims/{left['id']}").json()["story"] is None
