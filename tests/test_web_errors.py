"""Errors people can read: 404 pages in the layout, JSON under /api, 400 for bad
parameters, 405 for writes; never a 500 or a traceback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.web import create_app


@pytest.fixture(scope="module")
def client(loaded_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(loaded_db)) as test_client:
        yield test_client


def error_page(client: TestClient, url: str, status: int) -> BeautifulSoup:
    response = client.get(url, follow_redirects=False)
    assert response.status_code == status, f"{url}: {response.status_code} {response.text[:300]}"
    assert response.headers["content-type"].startswith("text/html")
    assert "Traceback" not in response.text
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.select_one("header nav[aria-label=Main]") is not None, "in the site layout"
    assert soup.select_one("main .error a[href='/']").get_text() == "overview"
    return soup


def message(soup: BeautifulSoup) -> str:
    return " ".join(soup.select_one(".error-message").get_text().split())


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/claims/no-such-claim", "There is no claim with the id 'no-such-claim'."),
        ("/sources/atlantis", "There is no source 'atlantis'."),
        ("/topics/cooking", "There is no topic 'cooking'."),
        ("/articles/no-such-article", "There is no article 'no-such-article'."),
        ("/no/such/page", "There is no page at this address."),
    ],
)
def test_unknown_things_get_a_404_page_with_a_way_back(
    client: TestClient, url: str, expected: str
) -> None:
    soup = error_page(client, url, 404)
    assert soup.select_one("h1").get_text(" ").split()[:2] == ["Not", "found"]
    assert message(soup) == expected
    assert soup.select_one("title").get_text() == "Not found · claimtrack"


@pytest.mark.parametrize(
    "url",
    ["/api/claims/no-such-claim", "/api/articles/no-such-article", "/api/nothing"],
)
def test_unknown_things_under_api_get_json(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    error = response.json()["error"]
    assert error["status"] == 404 and error["title"] == "Not found" and error["message"]


LONG_SEARCH = "war " * 2560  # 10 kB


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("from=not-a-date", "from='not-a-date' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY."),
        ("to=2024-13-45", "to='2024-13-45' is not a date: use YYYY-MM-DD, YYYY-MM or YYYY."),
        ("from=2025-01&to=2024-01", "from=2025-01 is after to=2024-01."),
        ("page=-1", "page='-1' is not a page number: use 1, 2, 3 ..."),
        ("page=abc", "page='abc' is not a page number: use 1, 2, 3 ..."),
        ("page=0", "page='0' is not a page number: use 1, 2, 3 ..."),
        ("next=o25", "next='o25' is not a position in this list: start from its first page."),
        ("actor=russia&actor=japan", "Give one value of actor, not 2."),
        (f"q={LONG_SEARCH}", "The search is 10239 characters long; at most 200 are allowed."),
        (
            "topic=cooking",
            "no topic named 'cooking' (known: troop-deployment, arms-transfers, escalation, "
            "oil-and-economic-aid, nuclear-and-missile-technology, casualties, defence-pact, "
            "cyber-and-intelligence)",
        ),
        ("speaker=nobody", "no speaker named 'nobody'"),
        (
            "stance=shouted",
            "stance='shouted' is not known: use one of confirmed, asserted, "
            "reported, concerned, believes, denied.",
        ),  # fmt: skip
        ("sort=random", "sort='random' is not known: use one of newest, oldest, relevance."),
    ],
)
def test_bad_parameters_get_a_400_that_says_what_was_wrong(
    client: TestClient, query: str, expected: str
) -> None:
    soup = error_page(client, f"/claims?{query}", 400)
    assert message(soup) == expected
    response = client.get(f"/api/claims?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["message"] == expected


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("url", ["/", "/claims", "/api/claims", "/static/site.css", "/nowhere"])
def test_only_get_and_head_are_served(client: TestClient, method: str, url: str) -> None:
    response = client.request(method, url)
    assert response.status_code == 405, response.text
    assert response.headers["allow"] == "GET, HEAD"
    if url.startswith("/api"):
        assert response.json()["error"]["status"] == 405
    else:
        assert "read-only" in response.text


def test_head_is_served(client: TestClient) -> None:
    response = client.head("/claims")
    assert response.status_code == 200 and response.content == b""


@pytest.mark.parametrize(
    "query",
    [
        'q="',
        "q=*",
        "q=NEAR(a b)",
        "q=a AND OR NOT",
        "q=' OR 1=1 --",
        "q=%00",
        "q=!!!",
        "q=Kyïv",
        "source=%25",
        "source=_",
        "source=' OR '1'='1",
        "topic=%",
        "actor=",
        "from=2024&to=2024",
        "page=1000",
        "page=99999999999999999999",
        "source=seoul&source=Seoul&source=south korea",
    ],
)
def test_odd_input_never_breaks_a_page(client: TestClient, query: str) -> None:
    for url in (f"/claims?{query}", f"/api/claims?{query}", f"/api/claims.csv?{query}"):
        response = client.get(url)
        assert response.status_code in (200, 400), f"{url}: {response.status_code}"
        assert "Traceback" not in response.text


def test_a_query_over_its_time_limit_gets_a_503_not_a_500(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.storage.queries import deadline
    from app.web import deps

    monkeypatch.setattr(deps, "QUERY_SECONDS", -1.0)
    monkeypatch.setattr(deps.deadline, "CHECK_EVERY", 1)
    assert deps.deadline is deadline
    soup = error_page(client, "/claims?q=troops", 503)
    assert "took too long" in message(soup)
    response = client.get("/api/claims")
    assert response.status_code == 503 and response.json()["error"]["status"] == 503


def test_the_csv_export_has_a_longer_time_limit_than_a_page(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.web import deps

    monkeypatch.setattr(deps, "QUERY_SECONDS", -1.0)
    monkeypatch.setattr(deps.deadline, "CHECK_EVERY", 1)
    assert client.get("/api/claims").status_code == 503
    response = client.get("/api/claims.csv")
    assert response.status_code == 200, response.text[:300]
    assert len(response.text.splitlines()) > 25  # a header and every claim
