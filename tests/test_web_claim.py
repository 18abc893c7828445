"""The claim permalink page: words in context, facts, links, share meta and JSON-LD."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.web import create_app

SEED = json.loads((Path(__file__).parents[1] / "data" / "seed_article.json").read_text())


@pytest.fixture(scope="module")
def client(loaded_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(loaded_db)) as test_client:
        yield test_client


def find_claim(client: TestClient, source: str, words: str) -> dict:
    response = client.get("/api/claims", params={"source": source, "q": words})
    found = [c for c in response.json()["claims"] if words in c["assertion"]]
    assert len(found) == 1, (source, words, response.json())
    return found[0]


def claim_page(client: TestClient, claim_id: str) -> BeautifulSoup:
    response = client.get(f"/claims/{claim_id}")
    assert response.status_code == 200, response.text
    return BeautifulSoup(response.text, "html.parser")


def fact(soup: BeautifulSoup, name: str) -> str:
    for dt in soup.select("dl.facts dt"):
        if dt.get_text() == name:
            return " ".join(dt.find_next_sibling("dd").get_text(" ").split())
    raise AssertionError(f"no fact {name!r}")


def test_rutte_claim_page_shows_every_fact(client: TestClient) -> None:
    claim = find_claim(client, "nato", "dangerous escalation")
    soup = claim_page(client, claim["id"])
    assert " ".join(soup.select_one("h1.assertion").get_text().split()) == claim["assertion"]
    assert fact(soup, "Sources") == "NATO"
    assert fact(soup, "Speaker") == "Mark Rutte, NATO Secretary-General"
    assert fact(soup, "Stance") == "asserted"
    assert fact(soup, "Said on") == "October 2024"  # "stated in October", published November
    assert soup.select_one("dl.facts time")["datetime"] == "2024-10"
    marked = soup.select_one("blockquote.in-context mark").get_text()
    assert '"dangerous escalation"' in marked
    assert "RelatedNATO" not in soup.get_text()


def test_said_on_keeps_day_and_before_precision(client: TestClient) -> None:
    friday = find_claim(client, "seoul", "anti-aircraft missiles")
    soup = claim_page(client, friday["id"])
    assert fact(soup, "Said on") == "22 November 2024"
    assert fact(soup, "Speaker") == "Shin Won-sik, head of South Korea's National Security Office"
    assert fact(soup, "Actor") == "Russia"
    assert fact(soup, "Target") == "North Korea"
    earlier = find_claim(client, "seoul", "13,000 containers")  # "Earlier, Seoul reported"
    soup = claim_page(client, earlier["id"])
    assert fact(soup, "Said on") == "before 22 November 2024"
    assert fact(soup, "Stance") == "reported"
    assert soup.select_one("dl.facts time").get("datetime") is None


def test_quote_is_marked_inside_its_paragraph(client: TestClient) -> None:
    claim = find_claim(client, "seoul", "13,000 containers")
    soup = claim_page(client, claim["id"])
    quote = soup.select_one("blockquote.in-context")
    paragraph = next(p for p in SEED["body"].split("\n\n") if claim["quote"]["text"] in p)
    assert " ".join(quote.get_text().split()) == " ".join(paragraph.split())
    assert quote.select_one("mark").get_text() == claim["quote"]["text"]


def test_links_to_the_article_spot_and_the_original_words(client: TestClient) -> None:
    claim = find_claim(client, "seoul", "anti-aircraft missiles")
    soup = claim_page(client, claim["id"])
    links = {a.get_text(): a["href"] for a in soup.select(".provenance a")}
    slug = claim["article"]["slug"]
    assert links["See it in the article"] == f"/articles/{slug}#claim-{claim['id']}"
    fragment = links["Open the original at these words"]
    assert fragment.startswith(SEED["url"] + "#:~:text=")
    directive = fragment.split("#:~:text=", 1)[1]
    assert " " not in directive and "-" not in directive.replace("%2D", "")
    words = [unquote(part) for part in directive.split(",")]
    quote = claim["quote"]["text"]
    assert quote.startswith(words[0]) and quote.endswith(words[-1])
    assert "anti%2Daircraft" in fragment or "anti-aircraft" not in words[0]


def test_share_box_has_the_permalink_and_a_copy_button(client: TestClient) -> None:
    claim = find_claim(client, "nato", "dangerous escalation")
    soup = claim_page(client, claim["id"])
    permalink = f"http://testserver/claims/{claim['id']}"
    field = soup.select_one("input#permalink")
    assert field["value"] == permalink and field.has_attr("readonly")
    assert soup.select_one("label[for=permalink]") is not None
    button = soup.select_one("button.copy-link")
    assert button.get_text() == "Copy link" and button["data-copy-target"] == "permalink"
    assert button.has_attr("hidden"), "shown by the script; without it the field is enough"


def test_share_meta_and_canonical_link(client: TestClient) -> None:
    claim = find_claim(client, "nato", "dangerous escalation")
    soup = claim_page(client, claim["id"])
    permalink = f"http://testserver/claims/{claim['id']}"

    def meta(key: str) -> str:
        tag = soup.select_one(f'meta[property="{key}"], meta[name="{key}"]')
        assert tag is not None, key
        return str(tag["content"])

    assert soup.select_one("link[rel=canonical]")["href"] == permalink
    assert meta("og:url") == permalink
    assert meta("og:title") == f"{claim['assertion']} — NATO"
    assert meta("og:description").startswith("NATO (asserted, October 2024): “")
    assert "dangerous escalation" in meta("og:description")
    assert meta("og:type") == "article"
    assert meta("twitter:card") == "summary"
    assert meta("twitter:title") == meta("og:title")


def test_json_ld_describes_the_claim(client: TestClient) -> None:
    claim = find_claim(client, "seoul", "anti-aircraft missiles")
    soup = claim_page(client, claim["id"])
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Claim"
    assert data["url"] == f"http://testserver/claims/{claim['id']}"
    assert data["text"] == claim["assertion"]
    assert data["author"] == [{"@type": "GovernmentOrganization", "name": "Seoul"}]
    assert data["dateCreated"] == "2024-11-22"
    assert data["contributor"] == {
        "@type": "Person",
        "name": "Shin Won-sik",
        "jobTitle": "head of South Korea's National Security Office",
    }
    appearance = data["appearance"]
    assert appearance["@type"] == "NewsArticle"
    assert appearance["headline"] == SEED["title"]
    assert appearance["url"] == SEED["url"]
    assert appearance["datePublished"] == "2024-11-22"
    assert appearance["publisher"] == {"@type": "Organization", "name": "Glasno"}


def test_the_ten_thousand_soldiers_claim_has_three_sources(client: TestClient) -> None:
    claim = find_claim(client, "kyiv", "10,000 North Korean soldiers")
    soup = claim_page(client, claim["id"])
    assert fact(soup, "Sources") == "Washington , Seoul , Kyiv"
    assert [a["href"] for a in soup.select("dl.facts dd a.source")] == [
        "/sources/washington",
        "/sources/seoul",
        "/sources/kyiv",
    ]
    description = soup.select_one('meta[property="og:description"]')["content"]
    assert description.startswith("Washington, Seoul and Kyiv (asserted, before 22 November 2024)")


def test_the_claim_page_links_the_lists_of_its_actor_topics_and_sources(
    client: TestClient,
) -> None:
    claim = find_claim(client, "seoul", "anti-aircraft missiles")
    soup = claim_page(client, claim["id"])
    links = {a.get_text(): a["href"] for a in soup.select("ul.related-lists a")}
    topics = [t["label"] for t in claim["topics"]]
    assert topics, "the seed's missile claim is about arms transfers"
    assert links == {
        **{
            f"Russia on {label.lower()}": f"/claims?topic={slug}&actor=russia"
            for label, slug in ((t["label"], t["slug"]) for t in claim["topics"])
        },
        "Everything Seoul says": "/sources/seoul",
    }
    for url in links.values():
        assert client.get(url).status_code == 200, url
    stale = client.get("/api/sources", headers={"If-None-Match": 'W/"other"'})
    assert stale.status_code == 200
    assert "etag" not in client.get("/claims/nope").headers, "errors are not cached as pages"
