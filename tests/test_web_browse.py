"""Source, topic and article pages on the loaded database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.web import create_app

SEED = json.loads((Path(__file__).parents[1] / "data" / "seed_article.json").read_text())


@pytest.fixture(scope="module")
def client(loaded_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(loaded_db)) as test_client:
        yield test_client


def page(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.text[:300]}"
    return BeautifulSoup(response.text, "html.parser")


def squash(value: str) -> str:
    return " ".join(value.split())


@pytest.fixture(scope="module")
def sources(client: TestClient) -> dict[str, dict]:
    return {s["slug"]: s for s in client.get("/api/sources").json()["sources"]}


def test_sources_page_lists_every_source_with_kind_and_count(
    client: TestClient, sources: dict[str, dict]
) -> None:
    soup = page(client, "/sources")
    rows = [[squash(td.get_text()) for td in tr.select("td")] for tr in soup.select("tbody tr")]
    expected = [[s["label"], s["kind"], str(s["claims"])] for s in sources.values()]
    assert rows == expected
    kinds = {s["slug"]: s["kind"] for s in sources.values()}
    assert kinds["seoul"] == kinds["washington"] == kinds["kyiv"] == "government"
    assert kinds["nato"] == "organisation"
    assert kinds["western-sources"] == kinds["some-observers"] == "group"
    assert kinds["unattributed"] == "unattributed"
    links = soup.select("tbody tr td:first-child a")
    assert [a["href"] for a in links] == [f"/sources/{slug}" for slug in sources]


def test_source_page_groups_claims_by_topic_with_speakers(client: TestClient) -> None:
    soup = page(client, "/sources/seoul")
    assert squash(soup.select_one("h1").get_text()) == "Seoul"
    speakers = [squash(li.get_text()) for li in soup.select("#speakers-title ~ ul li")]
    assert any(
        s.startswith("Shin Won-sik, head of South Korea's National Security Office")
        for s in speakers
    )
    groups = soup.select("section.group")
    seoul = client.get("/api/claims", params={"source": "seoul"}).json()["claims"]
    topics = {t["slug"] for c in seoul for t in c["topics"]}
    assert {g.h3.a["href"] for g in groups} == {f"/topics/{slug}" for slug in topics}
    for group in groups:
        topic = group.h3.a["href"].rsplit("/", 1)[1]
        for card in group.select(".claim-card"):
            claim = client.get(f"/api/claims/{card['data-claim-id']}").json()
            assert "seoul" in [s["slug"] for s in claim["sources"]]
            assert topic in [t["slug"] for t in claim["topics"]]
    links = {a.get_text(): a["href"] for a in soup.select(".data-links a")}
    assert links == {
        "JSON": "/api/claims?source=seoul",
        "CSV": "/api/claims.csv?source=seoul",
        "Atom feed": "/sources/seoul/feed.atom",
    }


def test_nato_speaks_through_mark_rutte(client: TestClient) -> None:
    soup = page(client, "/sources/nato")
    speakers = [squash(li.get_text()) for li in soup.select("#speakers-title ~ ul li")]
    assert speakers[0].startswith("Mark Rutte, NATO Secretary-General")


def test_topics_page_and_one_topic_grouped_by_source(client: TestClient) -> None:
    topics = client.get("/api/topics").json()["topics"]
    soup = page(client, "/topics")
    rows = [[squash(td.get_text()) for td in tr.select("td")] for tr in soup.select("tbody tr")]
    assert rows == [[t["label"], str(t["claims"])] for t in topics]
    assert {"arms-transfers", "troop-deployment", "escalation"} <= {t["slug"] for t in topics}

    soup = page(client, "/topics/troop-deployment")
    assert squash(soup.select_one("h1").get_text()) == "Troop deployment"
    groups = soup.select("section.group")
    assert groups
    for group in groups:
        source = group.h3.a["href"].rsplit("/", 1)[1]
        for card in group.select(".claim-card"):
            claim = client.get(f"/api/claims/{card['data-claim-id']}").json()
            assert source in [s["slug"] for s in claim["sources"]]
            assert "troop-deployment" in [t["slug"] for t in claim["topics"]]
    labels = [squash(g.h3.a.get_text()) for g in groups]
    assert {"Seoul", "Washington", "Kyiv", "NATO"} <= set(labels)


def test_article_page_marks_every_claim_with_its_source(client: TestClient) -> None:
    data = client.get("/api/claims", params={"q": "Rutte dangerous escalation"}).json()["claims"]
    slug = data[0]["article"]["slug"]
    article = client.get(f"/api/articles/{slug}").json()
    soup = page(client, f"/articles/{slug}")
    assert squash(soup.select_one("h1").get_text()) == SEED["title"]
    anchored = soup.select("mark.claim-mark[id]")
    assert [m["id"] for m in anchored] == [f"claim-{c['id']}" for c in article["claims"]]
    for mark in anchored:
        claim = next(c for c in article["claims"] if f"claim-{c['id']}" == mark["id"])
        badge = mark.select_one("a.claim-source")
        assert badge.get_text() == ", ".join(s["label"] for s in claim["sources"])
        assert badge["href"] == f"/claims/{claim['id']}"
        words = squash(mark.get_text()).removeprefix(badge.get_text()).strip()
        assert claim["quote"]["text"].startswith(words[:40])
    # No word of the body is lost: the paragraphs read as the stored body.
    for badge in soup.select("a.claim-source"):
        badge.decompose()
    paragraphs = [squash(p.get_text()) for p in soup.select("article.article-body p")]
    assert paragraphs == [squash(p) for p in article["article"]["body"].split("\n\n")]
    assert "RelatedNATO" not in soup.get_text()
    assert "Expansion of Cooperation" in paragraphs
