"""Read-only serving, safe headers, escaping of article text, and cheap revalidation."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app.cli import load_files
from app.storage.db import database_url
from app.web import create_app

ROOT = Path(__file__).parents[1]
PAGES = ["/", "/claims", "/claims?q=troops", "/sources", "/sources/seoul", "/topics"]

HOSTILE = {
    "slug": "hostile",
    "title": "<script>alert('title')</script> & <b>bold</b>",
    "publisher": "<i>Press</i>",
    "url": "https://example.org/a?b=1&c=<2>",
    "published": "2024-12-02",
    "language": "en",
    "body": (
        "NATO claims that at least 10,000 North Korean soldiers have been sent to "
        "Russia.\n\nThe Kremlin said on Monday that <img src=x onerror=alert(1)> weapons "
        "</script><script>alert(2)</script> were never sent."
    ),
}


@pytest.fixture(scope="module")
def client(loaded_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(loaded_db)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def hostile_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The seed plus an article full of markup, loaded by the real loader."""
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "hostile.json"
    article.write_text(json.dumps(HOSTILE), encoding="utf-8")
    url = database_url(folder / "claims.db")
    load_files([ROOT / "data" / "seed_article.json", article], url)
    with TestClient(create_app(url)) as test_client:
        yield test_client


def claim_links(client: TestClient, url: str) -> list[str]:
    soup = BeautifulSoup(client.get(url).text, "html.parser")
    return sorted({str(a["href"]) for a in soup.select("a[href^='/claims/']")})


def test_every_page_sends_the_safety_headers(client: TestClient) -> None:
    first_claim = claim_links(client, "/claims")[0]
    for url in [*PAGES, first_claim, "/api/claims", "/docs", "/nowhere"]:
        response = client.get(url)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, url
        assert "frame-ancestors 'none'" in csp
        assert "default-src 'self'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_pages_have_no_inline_script(client: TestClient) -> None:
    first_claim = claim_links(client, "/claims")[0]
    for url in [*PAGES, first_claim, "/docs", "/claims/nope"]:
        soup = BeautifulSoup(client.get(url).text, "html.parser")
        for script in soup.select("script"):
            if script.get("type") == "application/ld+json":
                continue
            assert script.get("src") and not script.string, f"{url}: {script}"
        assert not soup.select("[onclick], [onload], [onerror]"), url


def test_the_app_opens_the_database_read_only(client: TestClient) -> None:
    engine = client.app.state.engine  # type: ignore[attr-defined]
    # SQLite: a read-only file; PostgreSQL: every transaction read-only.
    refusal = "readonly" if engine.dialect.name == "sqlite" else "read-only transaction"
    with engine.connect() as connection, pytest.raises(DBAPIError, match=refusal):
        connection.execute(text("DELETE FROM claims"))


def test_pages_revalidate_with_etag_and_last_modified(client: TestClient) -> None:
    first = client.get("/claims?source=seoul")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert first.headers["cache-control"] == "no-cache"
    again = client.get("/claims?source=seoul", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    since = client.get("/api/sources", headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    stale = client.get("/api/sources", headers={"If-None-Match": 'W/"other"'})
    assert stale.status_code == 200
    assert "etag" not in client.get("/claims/nope").headers, "errors are not cached as pages"


def test_article_text_is_escaped_everywhere(hostile_client: TestClient) -> None:
    urls = ["/", "/claims", "/claims?q=weapons", "/articles/hostile", "/sources/moscow"]
    urls += ["/stories", "/sources/moscow/feed.atom", "/claims/feed.atom?source=moscow"]
    urls += claim_links(hostile_client, "/articles/hostile")
    assert len(urls) > 5, "the hostile article's claims were loaded"
    for url in urls:
        response = hostile_client.get(url)
        assert response.status_code == 200, url
        html = response.text
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert "<b>bold</b>" not in html and "<i>Press</i>" not in html, url
    article = hostile_client.get("/articles/hostile").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in (
        article
    )


def test_json_ld_cannot_close_its_script_element(hostile_client: TestClient) -> None:
    for url in claim_links(hostile_client, "/articles/hostile"):
        soup = BeautifulSoup(hostile_client.get(url).text, "html.parser")
        raw = soup.select_one('script[type="application/ld+json"]').string
        assert "<" not in raw and ">" not in raw and "&" not in raw, url
        data = json.loads(raw)
        assert data["appearance"]["headline"] == HOSTILE["title"]
        assert data["appearance"]["url"] == HOSTILE["url"]


def test_the_same_assertion_from_another_source_is_its_story(hostile_client: TestClient) -> None:
    claims = hostile_client.get("/api/claims", params={"source": "nato"}).json()["claims"]
    nato = next(c for c in claims if "10,000 North Korean soldiers" in c["assertion"])
    soup = BeautifulSoup(hostile_client.get(nato["url"]).text, "html.parser")
    story = soup.select_one("#story-title").find_parent("section")
    linked = [a["href"] for a in story.select("ol.story-excerpt a[href^='/claims/']")]
    others = [hostile_client.get(f"/api{href}").json() for href in linked]
    assert [sorted(s["slug"] for s in o["sources"]) for o in others] == [
        ["kyiv", "seoul", "washington"]
    ], "the seed's U.S., South Korea and Ukraine claim"
    page = hostile_client.get(story.select_one("p.story-headline a")["href"])
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<b>bold</b>" not in page.text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page.text, "the article's title"
