"""HTML pages on the database the real loader builds from the seed and the test articles.

Expected values come from reading the articles (and the issue's date rules); where the
exact extraction is not fixed, pages are checked against the API's data by property.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from fastapi.testclient import TestClient

from app.web import create_app

SEED = json.loads((Path(__file__).parents[1] / "data" / "seed_article.json").read_text())


@pytest.fixture(scope="module")
def client(loaded_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(loaded_db)) as test_client:
        yield test_client


def page(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url, follow_redirects=False)
    assert response.status_code == 200, f"{url}: {response.status_code} {response.text[:500]}"
    assert response.headers["content-type"].startswith("text/html")
    return BeautifulSoup(response.text, "html.parser")


def api_claims(client: TestClient, **params: object) -> list[dict]:
    """Every claim of a filtered list, through the JSON API's pages."""
    claims, page_number = [], 1
    while True:
        response = client.get("/api/claims", params={**params, "page": page_number})
        assert response.status_code == 200, response.text
        body = response.json()
        claims += body["claims"]
        if body["next"] is None:
            return claims
        page_number += 1


def text(tag: Tag | None) -> str:
    assert tag is not None
    return " ".join(tag.get_text(" ").split())


def card_ids(soup: BeautifulSoup, scope: str = ".claim-list") -> list[str]:
    return [str(card["data-claim-id"]) for card in soup.select(f"{scope} .claim-card")]


def claim_by(client: TestClient, source: str, words: str) -> dict:
    """The one claim of `source` whose assertion contains `words`."""
    found = [c for c in api_claims(client, source=source) if words in c["assertion"]]
    assert len(found) == 1, f"{source!r} {words!r}: {[c['assertion'] for c in found]}"
    return found[0]


def test_every_page_has_the_layout_landmarks(client: TestClient) -> None:
    soup = page(client, "/")
    assert soup.select_one("html")["lang"] == "en"
    assert soup.select_one("header nav[aria-label=Main]") is not None
    assert soup.select_one("main#content") is not None
    assert soup.select_one("footer") is not None
    assert [a.get_text() for a in soup.select("header nav a")] == [
        "claimtrack",
        "Claims",
        "Stories",
        "Sources",
        "Topics",
        "API",
    ]
    assert [a["href"] for a in soup.select("header nav a")] == [
        "/",
        "/claims",
        "/stories",
        "/sources",
        "/topics",
        "/docs",
    ]


def test_overview_groups_claims_by_source_with_counts(client: TestClient) -> None:
    soup = page(client, "/")
    seoul = soup.select_one("section.source-section#src-seoul, #src-seoul")
    assert seoul is not None
    section = seoul.find_parent("section")
    seoul_claims = api_claims(client, source="seoul")
    assert text(section.select_one("h3 .count")) == f"{len(seoul_claims)} claims"
    assert section.select_one("h3 a")["href"] == "/sources/seoul"
    # Newest first: the first listed is one of Seoul's claims said on the newest date.
    listed = [a["href"] for a in section.select("ul.compact a")]
    newest = sorted(seoul_claims, key=lambda c: c["said_on"]["date"] or "", reverse=True)
    assert listed[0] in [c["url"] for c in newest if c["said_on"] == newest[0]["said_on"]]
    assert set(listed) <= {c["url"] for c in seoul_claims}
    headings = [text(h.select_one("a")) for h in soup.select(".source-section h3")]
    assert {"Seoul", "NATO", "Washington", "Kyiv"} <= set(headings)
    assert headings[-1] == "Unattributed", "narration comes after the named sources"


def test_overview_lists_topics_and_a_source_topic_matrix(client: TestClient) -> None:
    soup = page(client, "/")
    topics = {text(a).rsplit(" ", 1)[0]: a["href"] for a in soup.select("ul.pills a")}
    assert topics["Arms transfers"] == "/topics/arms-transfers"
    assert topics["Troop deployment"] == "/topics/troop-deployment"
    header = [text(th) for th in soup.select("table.matrix thead th")]
    assert header[0] == "Source"
    row = next(
        tr for tr in soup.select("table.matrix tbody tr") if text(tr.select_one("th")) == "Seoul"
    )
    cell = row.select("td")[header.index("Arms transfers") - 1].select_one("a")
    expected = api_claims(client, source="seoul", topic="arms-transfers")
    # The seed: Seoul says Russia supplied missiles, and reported North Korea's artillery.
    assert len(expected) >= 2
    assert text(cell) == str(len(expected))
    assert cell["href"] == "/claims?source=seoul&topic=arms-transfers"


def test_overview_timeline_draws_each_precision_honestly(client: TestClient) -> None:
    soup = page(client, "/")
    rows = {text(li.select_one(".tl-label")): li for li in soup.select("ol.timeline li") if li.a}
    # "on Friday" (day), "in October" (month) and "Earlier" (before) in the seed.
    assert rows["22 November 2024"].select_one("circle.tl-point") is not None
    assert rows["October 2024"].select_one("rect.tl-span") is not None
    before = rows["before 22 November 2024"].select_one("rect.tl-open")
    assert before is not None and before["x"] == "0.00%", "open-ended: drawn from the axis start"
    assert before["fill"] == "url(#tl-fade)"
    assert rows["October 2024"].a["href"] == "/claims?from=2024-10&to=2024-10"
    assert rows["before 22 November 2024"].a["href"] == "/claims?to=2024-11-22"
    month = rows["October 2024"].select_one("rect.tl-span")
    day = rows["22 November 2024"].select_one("circle.tl-point")
    assert float(month["width"].rstrip("%")) > 0
    assert float(month["x"].rstrip("%")) < float(day["cx"].rstrip("%"))


def test_claim_list_by_source_shows_only_that_source(client: TestClient) -> None:
    soup = page(client, "/claims?source=seoul")
    expected = api_claims(client, source="seoul")
    assert all("seoul" in [s["slug"] for s in c["sources"]] for c in expected)
    assert card_ids(soup) == [c["id"] for c in expected][:25]
    for card in soup.select(".claim-list .claim-card"):
        assert "Seoul" in [a.get_text() for a in card.select(".sources a")]
    assert text(soup.select_one(".result-count")) == f"{len(expected)} claims"
    ids = {c["id"] for c in expected}
    missiles = claim_by(client, "seoul", "anti-aircraft missiles")
    assert missiles["id"] in ids


def test_chips_and_facets_add_and_remove_values(client: TestClient) -> None:
    soup = page(client, "/claims?source=seoul&topic=arms-transfers")
    chips = [(text(li.select_one(".chip-name")), li) for li in soup.select("ul.chips li")[:-1]]
    assert [(name, li.select_one("a.chip-remove")["href"]) for name, li in chips] == [
        ("Source:", "/claims?topic=arms-transfers"),
        ("Topic:", "/claims?source=seoul"),
    ]
    assert "Seoul" in text(chips[0][1]) and "Arms transfers" in text(chips[1][1])
    sources = {
        text(li.select_one("a")).removeprefix("✓ "): li
        for li in soup.select("section[aria-labelledby=facet-sources] li")
    }
    assert sources["Seoul"].select_one("a")["aria-current"] == "true"
    assert sources["Seoul"].select_one("a")["href"] == "/claims?topic=arms-transfers"
    others = [label for label in sources if label != "Seoul"]
    assert others, "other sources also speak of arms transfers (e.g. Jerusalem on missiles)"
    slugs = {s["label"]: s["slug"] for s in client.get("/api/sources").json()["sources"]}
    for label in others:
        link = sources[label].select_one("a")
        assert link["href"] == (f"/claims?source=seoul&source={slugs[label]}&topic=arms-transfers")
        # A source's count is its claims within the other filters (here: the topic).
        expected = api_claims(client, source=slugs[label], topic="arms-transfers")
        assert text(sources[label].select_one(".count")) == str(len(expected)), label
    topics = {
        text(li.select_one("a")).removeprefix("✓ "): li
        for li in soup.select("section[aria-labelledby=facet-topics] li")
    }
    assert topics["Arms transfers"].select_one("a")["href"] == "/claims?source=seoul"
    seoul_topics = {t["label"] for c in api_claims(client, source="seoul") for t in c["topics"]}
    assert set(topics) == seoul_topics
    nuclear = len(api_claims(client, source="seoul", topic="nuclear-and-missile-technology"))
    assert text(topics["Nuclear and missile technology"].select_one(".count")) == str(nuclear)


@pytest.mark.parametrize("given", ["Seoul", "SEOUL", "south korea", "South%20Korea"])
def test_source_names_and_aliases_redirect_to_the_canonical_url(
    client: TestClient, given: str
) -> None:
    response = client.get(f"/claims?source={given}", follow_redirects=False)
    assert response.status_code == 302, response.text
    assert response.headers["location"] == "/claims?source=seoul"


def test_empty_form_fields_and_unknown_parameters_redirect_to_a_clean_url(
    client: TestClient,
) -> None:
    url = "/claims?q=&source=nato&source=&actor=&stance=&from=&to=&sort=newest&utm_source=x"
    response = client.get(url, follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == "/claims?source=nato"


def test_search_ranks_by_relevance_and_marks_the_matched_words(client: TestClient) -> None:
    soup = page(client, "/claims?q=barrels+oil")
    cards = soup.select(".claim-list .claim-card")
    assert cards, "the seed's Western sources claim mentions a million barrels of oil"
    first = cards[0]
    assert [m.get_text().lower() for m in first.select("h3 mark")] == ["barrels", "oil"]
    assert "Western sources" in [a.get_text() for a in first.select(".sources a")]
    assert soup.select_one("#f-sort option[selected]")["value"] == "relevance"
    assert "best match first" in text(soup.select_one(".result-count"))


def test_search_can_sort_by_date_instead(client: TestClient) -> None:
    soup = page(client, "/claims?q=north+korean&sort=oldest")
    assert soup.select_one("#f-sort option[selected]")["value"] == "oldest"
    days = [c["said_on"] for c in api_claims(client, q="north korean", sort="oldest")]
    firsts = [d["date"] for d in days if d["date"]]
    assert len(card_ids(soup)) == len(days)
    assert firsts[0] <= firsts[-1]


def test_pagination_covers_every_claim_once(client: TestClient) -> None:
    total = len(api_claims(client))
    assert total > 25, "the seed and test articles hold more than one page of claims"
    first = page(client, "/claims")
    assert first.select_one("nav.pager a[rel=next]")["href"].startswith("/claims?next=")
    assert first.select(".pager a") == [first.select_one("nav.pager a[rel=next]")]
    seen = card_ids(first)
    following = first.select_one("nav.pager a[rel=next]")["href"]
    while following:
        later = page(client, following)
        assert later.select(".pager a")[0]["href"] == "/claims"  # back to the first page
        assert "continued" in text(later.select_one(".result-count"))
        seen += card_ids(later)
        link = later.select_one("nav.pager a[rel=next]")
        following = link["href"] if link else None
    assert len(seen) == len(set(seen)) == total


def test_old_page_links_lead_to_the_same_claims(client: TestClient) -> None:
    everything = [c["id"] for c in api_claims(client)]
    response = client.get("/claims?page=2", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"].startswith("/claims?next=")
    assert card_ids(page(client, response.headers["location"])) == everything[25:50]
    assert [c["id"] for c in client.get("/api/claims?page=2").json()["claims"]] == everything[25:50]
    past_the_end = client.get("/claims?page=999", follow_redirects=False)
    assert past_the_end.headers["location"] == "/claims"
    beyond = client.get("/api/claims?page=999").json()
    assert (beyond["claims"], beyond["next"], beyond["total"]) == ([], None, len(everything))
    assert client.get("/claims?page=zero").status_code == 400


def test_filters_by_stance_actor_dates_and_narration(client: TestClient) -> None:
    confirmed = page(client, "/claims?stance=confirmed")
    stances = {text(s) for s in confirmed.select(".claim-list .stance")}
    assert stances == {"confirmed"}
    kursk = claim_by(client, "washington", "Kursk")  # "The U.S. previously confirmed ..."
    assert kursk["id"] in card_ids(confirmed)

    russia = api_claims(client, actor="Russia")
    assert russia and all(c["actor"]["slug"] == "russia" for c in russia)

    october = {c["id"] for c in api_claims(client, **{"from": "2024-10", "to": "2024-10"})}
    rutte = claim_by(client, "nato", "dangerous escalation")  # "stated in October"
    friday = claim_by(client, "seoul", "anti-aircraft missiles")  # "on Friday": 22 November
    assert rutte["id"] in october and friday["id"] not in october

    hidden = page(client, "/claims?hide_unattributed=1")
    labels = {a.get_text() for a in hidden.select(".claim-list .sources a")}
    assert "Unattributed" not in labels
    assert "Unattributed" in {a.get_text() for a in page(client, "/claims").select(".sources a")}


def test_list_links_to_its_json_and_csv(client: TestClient) -> None:
    soup = page(client, "/claims?source=nato")
    links = {a.get_text(): a["href"] for a in soup.select(".data-links a")}
    assert links == {
        "JSON": "/api/claims?source=nato",
        "CSV": "/api/claims.csv?source=nato",
        "Atom feed": "/claims/feed.atom?source=nato",
    }
    assert soup.select_one("link[rel=canonical]")["href"] == "http://testserver/claims?source=nato"
