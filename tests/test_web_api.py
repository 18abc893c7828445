"""The JSON and CSV API: the claim shape of docs/claims.md, paging, filters, OpenAPI and /docs."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.export import CSV_COLUMNS
from app.web import create_app

CLAIM_KEYS = {
    "id",
    "url",
    "assertion",
    "quote",
    "sources",
    "speaker",
    "actor",
    "target",
    "topics",
    "stance",
    "said_on",
    "event_period",
    "article",
    "story",
}


@pytest.fixture(scope="module")
def client(loaded_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(loaded_db)) as test_client:
        yield test_client


def get_json(client: TestClient, url: str, **params: object) -> dict:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def test_claim_list_pages_through_every_claim_in_the_design_shape(client: TestClient) -> None:
    first = get_json(client, "/api/claims")
    assert first["page_size"] == 25 and len(first["claims"]) == 25
    assert first["next"] == f"/api/claims?next={first['next_token']}"
    assert first["first"] == "/api/claims"
    assert first["html"] == "/claims" and first["csv"] == "/api/claims.csv"
    claims = list(first["claims"])
    following = first["next"]
    while following:
        answer = client.get(following).json()
        assert answer["first"] == "/api/claims"
        claims += answer["claims"]
        following = answer["next"]
    assert len(claims) == len({c["id"] for c in claims}) == first["total"]
    bodies: dict[str, str] = {}
    for claim in claims:
        assert set(claim) == CLAIM_KEYS
        assert claim["url"] == f"/claims/{claim['id']}"
        assert set(claim["quote"]) == {"text", "start", "end", "prefix", "suffix"}
        assert claim["sources"] and all(
            set(s) == {"slug", "label", "kind"} for s in claim["sources"]
        )
        assert claim["said_on"]["precision"] in ("day", "month", "year", "before", "unknown")
        slug = claim["article"]["slug"]
        if slug not in bodies:
            bodies[slug] = get_json(client, f"/api/articles/{slug}")["article"]["body"]
        quote = claim["quote"]
        assert bodies[slug][quote["start"] : quote["end"]] == quote["text"]


def test_claim_list_takes_the_same_filters_as_the_page(client: TestClient) -> None:
    body = get_json(client, "/api/claims", source="South Korea", topic="Arms transfers")
    assert body["claims"]
    for claim in body["claims"]:
        assert "seoul" in [s["slug"] for s in claim["sources"]]
        assert "arms-transfers" in [t["slug"] for t in claim["topics"]]
    assert body["html"] == "/claims?source=seoul&topic=arms-transfers"
    assert body["csv"] == "/api/claims.csv?source=seoul&topic=arms-transfers"


def test_one_claim_as_json(client: TestClient) -> None:
    listed = get_json(client, "/api/claims", source="nato", q="dangerous escalation")["claims"]
    claim = get_json(client, f"/api/claims/{listed[0]['id']}")
    assert claim == listed[0]
    assert claim["speaker"] == {"name": "Mark Rutte", "role": "NATO Secretary-General"}
    assert claim["said_on"] == {"date": "2024-10", "precision": "month"}
    assert claim["sources"] == [{"slug": "nato", "label": "NATO", "kind": "organisation"}]


def test_sources_and_topics_as_json_and_csv(client: TestClient) -> None:
    sources = get_json(client, "/api/sources")["sources"]
    seoul = next(s for s in sources if s["slug"] == "seoul")
    assert seoul["label"] == "Seoul" and seoul["kind"] == "government"
    assert seoul["url"] == "/sources/seoul"
    assert seoul["claims_url"] == "/api/claims?source=seoul"
    assert seoul["claims"] == get_json(client, "/api/claims", source="seoul")["total"]
    counts = [s["claims"] for s in sources]
    assert counts == sorted(counts, reverse=True)
    rows = list(csv.DictReader(io.StringIO(client.get("/api/sources.csv").text)))
    assert [r["slug"] for r in rows] == [s["slug"] for s in sources]

    topics = get_json(client, "/api/topics")["topics"]
    arms = next(t for t in topics if t["slug"] == "arms-transfers")
    assert arms["label"] == "Arms transfers" and arms["url"] == "/topics/arms-transfers"
    response = client.get("/api/topics.csv")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["slug"], int(r["claims"])) for r in rows] == [
        (t["slug"], t["claims"]) for t in topics
    ]


def test_claims_csv_has_the_export_columns_and_every_matching_row(client: TestClient) -> None:
    response = client.get("/api/claims.csv", params={"source": "seoul"})
    assert response.status_code == 200
    reader = csv.DictReader(io.StringIO(response.text))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    rows = list(reader)
    listed = get_json(client, "/api/claims", source="seoul")
    assert len(rows) == listed["total"]
    assert [r["id"] for r in rows][:25] == [c["id"] for c in listed["claims"]]
    assert all("seoul" in r["source_slugs"].split("; ") for r in rows)


def test_article_as_json(client: TestClient) -> None:
    article = get_json(client, "/api/articles/syria-strike")
    assert article["article"]["title"] == "Strike hits weapons depot near Damascus"
    assert article["article"]["published"] == "2025-01-09"
    assert article["article"]["url"] is None
    positions = [c["quote"]["start"] for c in article["claims"]]
    assert positions == sorted(positions), "claims in reading order"


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    spec = get_json(client, "/openapi.json")
    assert set(spec["paths"]) == {
        "/api/claims",
        "/api/claims.csv",
        "/api/claims/{claim_id}",
        "/api/sources",
        "/api/sources.csv",
        "/api/topics",
        "/api/topics.csv",
        "/api/articles/{slug}",
        "/api/stories",
        "/api/stories.csv",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}.csv",
    }
    parameters = {p["name"] for p in spec["paths"]["/api/claims"]["get"]["parameters"]}
    assert parameters == {
        "source",
        "topic",
        "actor",
        "stance",
        "from",
        "to",
        "q",
        "hide_unattributed",
        "sort",
        "page",
        "next",
        "speaker",
        "story",
    }
    assert "ClaimOut" in spec["components"]["schemas"]


def test_docs_load_swagger_ui_from_this_site(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    scripts = [s.get("src") for s in soup.select("script")]
    assert scripts == ["/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/docs.js"]
    assert soup.select_one("#swagger-ui")["data-openapi-url"] == "/openapi.json"
    for src in scripts + [soup.select_one("link[rel=stylesheet]")["href"]]:
        assert client.get(src).status_code == 200, src


def test_hiding_the_narration_keeps_every_claim_a_source_filter_lists_under_a_source(
    client: TestClient,
) -> None:
    """Hiding the article's own narration removes only claims filed under "Unattributed":
    with a source filter it keeps every claim of that source that names a source."""
    listed = get_json(client, "/api/claims", source="seoul")["claims"]
    hidden = get_json(client, "/api/claims", source="seoul", hide_unattributed=1)["claims"]
    named = [
        claim["id"]
        for claim in listed
        if "unattributed" not in {source["slug"] for source in claim["sources"]}
    ]
    assert named, "the seed has claims filed under Seoul"
    assert [claim["id"] for claim in hidden] == named
