"""Cross-site scripting: an article whose every field carries script, on every page, in Chromium.

The article is loaded by the real loader; its title, publisher, url, body sentences (so
claim assertions and quotes), a speaker's role and two source names carry payloads that
would set `window.__xss` or change the document's title. Each page that shows them is
opened in headless Chromium twice: as served, and with the Content-Security-Policy header
stripped, so escaping alone is shown to hold. A `javascript:` url, which the loader
refuses, is written into the database directly, as an older database might hold it.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, Page, Route

from app.storage.db import database_url
from app.web import create_app
from tests.conftest import run_cli
from tests.servers import chromium, serving

SCRIPT = "<script>window.__xss=1</script>"
IMAGE = '"><img src=x onerror=window.__xss=1>'
TITLE = "</title><script>document.title='pwned'</script>"
ARTICLE = {
    "slug": "xss-everywhere",
    "title": f"{TITLE} Seoul {IMAGE} says </script>{SCRIPT}",
    "publisher": f"{IMAGE}{SCRIPT}",
    "url": f'https://example.org/?q="><svg/onload=window.__xss=1>{SCRIPT}',
    "published": "2024-11-22",
    "language": "en",
    "body": "\n\n".join(
        [
            f"NATO said on Monday that {SCRIPT} troops had crossed the border.",
            f"Anna Nowak, head of the {SCRIPT} office at NATO, said on Tuesday that drones "
            "were seen near the border.",
            f"Officials at Velsk{SCRIPT}Corp said on Monday that Russia has supplied North "
            "Korea with missiles.",
            f"Anna Nowak{TITLE}, NATO spokeswoman, said on Monday that troops had crossed "
            "the border.",
            f"The Agency said on Friday that javascript:window.__xss=1 was the code word {IMAGE}.",
            "South Korea's National Security Office said on Friday that North Korea had sent "
            f"10,000 soldiers to Russia </script>{SCRIPT}.",
            # The seed's oil claim, repeated: a story whose page shows these payloads.
            f"Officials at Velsk{SCRIPT}Corp said on Tuesday that over the past eight months, "
            f"Russia has delivered one million barrels of oil to the DPRK {IMAGE}.",
        ]
    ),
}
SCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)
PAYLOAD_MARKS = ("<script>window", "<img src=x", "<script>document", "<svg/onload")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, seed_article_path: Path) -> Path:
    folder = tmp_path_factory.mktemp("xss")
    article = folder / "xss.json"
    article.write_text(json.dumps(ARTICLE), encoding="utf-8")
    path = folder / "claims.db"
    result = run_cli("load", seed_article_path, article, "--db", path)
    assert result.exit_code == 0, result.stderr
    # An article with a javascript: url, as a database from before urls were checked holds.
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO articles (slug, title, publisher, url, published, language, body, "
            "content_hash) SELECT 'javascript-link', title, publisher, "
            "'javascript:window.__xss=1', published, language, body, 'x' FROM articles "
            "WHERE slug = 'xss-everywhere'"
        )
    connection.close()
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(database_url(db))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def pages(client: TestClient) -> list[str]:
    """Every page that shows the article's fields: lists, claims, sources, topics, article,
    stories."""
    data = client.get("/api/articles/xss-everywhere").json()
    stories = [story["url"] for story in client.get("/api/stories").json()["stories"]]
    assert stories, "the oil claim repeats the seed's"
    claims = data["claims"]
    sources = sorted({s["slug"] for c in claims for s in c["sources"]})
    topics = sorted({t["slug"] for c in claims for t in c["topics"]})
    assert any("<script>" in s["label"] for c in claims for s in c["sources"]), sources
    assert any("<script>" in (c["speaker"] or {}).get("role", "") for c in claims)
    return [
        "/",
        "/claims",
        "/claims?q=troops",
        "/claims?source=nato",
        "/sources",
        "/topics",
        "/articles/xss-everywhere",
        "/articles/javascript-link",
        "/stories",
        *stories,
        *[f"/claims/{c['id']}" for c in claims],
        *[f"/sources/{slug}" for slug in sources],
        *[f"/topics/{slug}" for slug in topics],
    ]


def test_every_page_escapes_the_payloads(client: TestClient, pages: list[str]) -> None:
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        for mark in PAYLOAD_MARKS:
            assert mark not in response.text, f"{url}: {mark} unescaped"
        if url != "/articles/javascript-link":
            assert not SCRIPT_URL.search(response.text), f"{url}: a javascript: link"


@pytest.fixture(scope="module")
def feeds(client: TestClient, pages: list[str]) -> list[str]:
    """The Atom feed every page links to."""
    found = set()
    for url in pages:
        soup = BeautifulSoup(client.get(url).text, "html.parser")
        found |= {link["href"] for link in soup.select('link[type="application/atom+xml"]')}
    return sorted(found)


def test_every_feed_is_xml_with_the_payloads_as_text(client: TestClient, feeds: list[str]) -> None:
    assert any("/stories/" in url for url in feeds) and any("/sources/" in url for url in feeds), (
        feeds
    )
    seen = ""
    for url in feeds:
        response = client.get(url)
        assert response.status_code == 200, url
        for mark in PAYLOAD_MARKS:
            assert mark not in response.text, f"{url}: {mark} unescaped"
        root = ElementTree.fromstring(response.content)  # well-formed, or this raises
        seen += " ".join(root.itertext())
    assert SCRIPT in seen, "the payloads reach the feeds as text"


def test_a_stored_javascript_url_is_not_linked(client: TestClient) -> None:
    html = client.get("/articles/javascript-link").text
    assert not SCRIPT_URL.search(html)


def test_json_ld_cannot_be_closed_early(client: TestClient, pages: list[str]) -> None:
    blocks = 0
    for url in pages:
        soup = BeautifulSoup(client.get(url).text, "html.parser")
        for script in soup.select('script[type="application/ld+json"]'):
            raw = script.string or ""
            assert "<" not in raw and ">" not in raw, f"{url}: {raw[:200]}"
            json.loads(raw)
            blocks += 1
    assert blocks >= 6, "every claim page has its JSON-LD block"


@pytest.fixture(scope="module")
def base_url(db: Path) -> Iterator[str]:
    with serving(create_app(database_url(db))) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


def without_csp(route: Route) -> None:
    response = route.fetch()
    headers = {k: v for k, v in response.headers.items() if k != "content-security-policy"}
    route.fulfill(response=response, headers=headers)


def assert_no_script_ran(page: Page, url: str, title: str) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined", f"{url}: a payload ran"
    assert " ".join(page.title().split()) == title, f"{url}: the title was changed"
    assert page.evaluate("document.querySelectorAll('img[src=x], svg[onload]').length") == 0


def served_title(client: TestClient, url: str) -> str:
    """The page's title as the server wrote it, whitespace collapsed."""
    soup = BeautifulSoup(client.get(url).text, "html.parser")
    assert soup.title is not None and soup.title.string, url
    return " ".join(soup.title.string.split())


@pytest.mark.parametrize("csp", ["served", "stripped"])
def test_no_payload_runs_in_the_browser(
    browser: Browser, base_url: str, client: TestClient, pages: list[str], csp: str
) -> None:
    context = browser.new_context()
    if csp == "stripped":
        context.route("**/*", without_csp)
    page = context.new_page()
    try:
        for url in pages:
            response = page.goto(base_url + url)
            assert response is not None and response.status == 200, url
            page.wait_for_load_state("load")
            assert_no_script_ran(page, url, served_title(client, url))
        if csp == "served":  # the policy stops a stored javascript: link when clicked
            url = "/articles/javascript-link"
            page.goto(base_url + url)
            links = page.locator("a[href^='javascript:' i]")
            if links.count():
                links.first.click()
                page.wait_for_timeout(200)
            assert_no_script_ran(page, f"{url} (clicked)", served_title(client, url))
    finally:
        context.close()


def test_the_title_shows_the_payload_as_text(browser: Browser, base_url: str) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{base_url}/articles/xss-everywhere")
        assert ARTICLE["title"] in page.title()
        heading = page.locator("h1").first.inner_text()
        assert ARTICLE["title"] in heading
    finally:
        page.close()
