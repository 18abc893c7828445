"""Story pages, lists, JSON and CSV on the loaded test database, on every backend.

Expected values are read from the test articles. Three of them report the seed's event
(`kursk-deployment.json`, Eastern Front Monitor, 31 October 2024; `pyongyang-denial.json`,
Korea Desk, and `seoul-estimate.json`, Han River Herald, both 5 November 2024):
- "The Pentagon said on Monday [28 October] that about 10,000 North Korean soldiers have
  been sent to Russia"; Ukraine's military intelligence "on Wednesday [30 October]":
  "Pyongyang has dispatched some 12,000 soldiers to Russia"; North Korea's foreign
  ministry "denied on Monday [4 November] that North Korean soldiers had been sent to
  Russia"; Seoul's spy agency "on Tuesday [5 November]": "at least 11,000"; and the seed
  (22 November 2024): "The U.S., South Korea, and Ukraine claim that at least 10,000 North
  Korean soldiers have been sent to Russia": one story of five claims by four sources in
  four articles, with two differing figures and one denial.
- NATO's Mark Rutte "said on Monday that North Korean troops have been deployed to the
  Kursk region" and the seed's "The U.S. previously confirmed that North Korean forces
  have been deployed to the Kursk region": a story of two claims by two sources.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator
from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.storage.db import make_engine
from app.storage.queries import StoryFilters, list_stories
from app.web import create_app

SOLDIERS = {
    "claims": 5,
    "articles": 4,
    "sources": 4,
    "denials": 1,
    "figures": 2,
    "first_said_on": {"date": "2024-10-28", "precision": "day"},
    "first_said_by": [{"slug": "washington", "label": "Washington", "kind": "government"}],
}
# (said on, sources, relation, words of the assertion), in time order.
SOLDIERS_TIMELINE = [
    ("2024-10-28", ["washington"], "same", "about 10,000 North Korean soldiers"),
    ("2024-10-30", ["kyiv"], "figure", "some 12,000 soldiers"),
    ("2024-11-04", ["pyongyang"], "denial", "North Korean soldiers had been sent to Russia"),
    ("2024-11-05", ["seoul"], "figure", "at least 11,000 North Korean soldiers"),
    ("2024-11-22", ["washington", "seoul", "kyiv"], "same", "at least 10,000 North Korean"),
]
# As the page says them: the seed's claim is said "before" its article's date.
SAID_ON_WORDS = [
    "28 October 2024",
    "30 October 2024",
    "4 November 2024",
    "5 November 2024",
    "before 22 November 2024",
]
KURSK = {"claims": 2, "articles": 2, "sources": 2, "denials": 0, "figures": 0}


@pytest.fixture(scope="module")
def client(loaded_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(loaded_db), follow_redirects=False) as test_client:
        yield test_client


def get_json(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.text}"
    assert response.headers["content-type"] == "application/json"
    return response.json()


def page(client: TestClient, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.text}"
    return BeautifulSoup(response.text, "html.parser")


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def stories(client: TestClient) -> list[dict[str, Any]]:
    return get_json(client, "/api/stories")["stories"]


@pytest.fixture(scope="module")
def soldiers(stories: list[dict[str, Any]]) -> dict[str, Any]:
    return stories[0]


def test_the_story_list_has_both_stories_most_sources_first(
    stories: list[dict[str, Any]],
) -> None:
    assert [s["headline"] for s in stories] == [
        "About 10,000 North Korean soldiers have been sent to Russia to fight against Ukraine.",
        "North Korean forces have been deployed to the Kursk region, where Ukraine launched an "
        "unexpected invasion in early August.",
    ]
    soldiers, kursk = stories
    assert {key: soldiers[key] for key in SOLDIERS} == SOLDIERS
    assert {key: kursk[key] for key in KURSK} == KURSK
    assert kursk["first_said_by"][0]["slug"] == "nato"
    assert kursk["first_said_on"] == {"date": "2024-10-28", "precision": "day"}
    for story in stories:
        assert story["url"] == f"/stories/{story['id']}"
        assert story["json_url"] == f"/api/stories/{story['id']}"
        assert story["feed"] == f"/stories/{story['id']}/feed.atom"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("source=pyongyang", [0]),  # only the soldiers story has North Korea's denial
        ("source=nato", [1]),
        ("source=pyongyang&source=nato", [0, 1]),
        ("source=North Korea", [0]),  # an alias, resolved as on /claims
        ("from=2024-10-29&to=2024-11-05", [0]),  # Kyiv, Pyongyang, Seoul; Kursk: 28 Oct, 22 Nov
        ("to=2024-10-27", []),
        ("from=2024-11-06", [0, 1]),  # the seed's claims of 22 November
        ("source=nato&from=2024-10-29&to=2024-11-05", []),
        ("sort=newest", [0, 1]),
    ],
)
def test_story_lists_filter_like_the_claim_list(
    client: TestClient, stories: list[dict[str, Any]], query: str, expected: list[int]
) -> None:
    found = get_json(client, f"/api/stories?{query}")
    assert [s["id"] for s in found["stories"]] == [stories[i]["id"] for i in expected]
    assert (found["total"], found["total_capped"], found["next"]) == (len(expected), False, None)
    response = client.get(f"/stories?{query}", follow_redirects=True)  # an alias: its one form
    assert response.status_code == 200, response.text
    soup = BeautifulSoup(response.text, "html.parser")
    cards = soup.select(".story-list .story-card")
    assert [card["data-story-id"] for card in cards] == [stories[i]["id"] for i in expected]


def test_a_story_list_continues_from_its_last_story(
    client: TestClient, loaded_db: str, stories: list[dict[str, Any]]
) -> None:
    engine = make_engine(loaded_db, read_only=True)
    seen, filters = [], StoryFilters()
    with engine.connect() as connection:
        while True:
            listed = list_stories(connection, filters, page_size=1)
            seen += [line.id for line in listed.stories]
            if listed.next is None:
                break
            response = client.get(f"/api/stories?next={listed.next}")
            assert [s["id"] for s in response.json()["stories"]] == [stories[len(seen)]["id"]]
            filters = StoryFilters(after=listed.next)
    engine.dispose()
    assert seen == [story["id"] for story in stories]


def test_the_story_list_page_shows_counts_first_sources_and_filters(
    client: TestClient, soldiers: dict[str, Any]
) -> None:
    soup = page(client, "/stories?source=seoul")
    card = soup.select_one(f'.story-card[data-story-id="{soldiers["id"]}"]')
    meta = squash(card.select_one(".meta").get_text())
    assert meta == (
        "5 claims · 4 sources · 4 articles · first said by Washington, 28 October 2024 · "
        "2 differing figures · 1 denial"
    )
    assert card.select_one("h3 a")["href"] == soldiers["url"]
    chips = [squash(li.get_text()) for li in soup.select("ul.chips li")]
    assert chips == ["Source: Seoul ×", "Clear all"]
    assert soup.select_one("ul.chips a.chip-remove")["href"] == "/stories"
    links = {a.get_text(): a["href"] for a in soup.select(".data-links a")}
    assert links == {"JSON": "/api/stories?source=seoul", "CSV": "/api/stories.csv?source=seoul"}


def test_a_list_in_another_spelling_redirects_to_its_one_address(client: TestClient) -> None:
    response = client.get("/stories?source=South+Korea&sort=sources&topic=")
    assert response.status_code == 302
    assert response.headers["location"] == "/stories?source=seoul"


def test_the_story_page_is_a_timeline_of_who_said_it_when(
    client: TestClient, soldiers: dict[str, Any]
) -> None:
    soup = page(client, soldiers["url"])
    assert squash(soup.select_one("h1").get_text()) == soldiers["headline"]
    items = soup.select("ol.story-timeline > li")
    assert len(items) == len(SOLDIERS_TIMELINE)
    for item, (said_on, sources, relation, words) in zip(items, SOLDIERS_TIMELINE, strict=True):
        when = item.select_one(".when time")
        assert when.get("datetime", said_on) == said_on  # none for "before 22 November"
        assert squash(when.get_text()) == SAID_ON_WORDS[items.index(item)]
        assert [a["href"] for a in item.select(".who a.source")] == [
            f"/sources/{slug}" for slug in sources
        ]
        assert words.lower() in item.select_one(".what a").get_text().lower()
        claim_url = item.select_one(".what a")["href"]
        assert claim_url == f"/claims/{item['data-claim-id']}"
        assert client.get(claim_url).status_code == 200, "each claim links to its permalink"
        assert item["class"] == [f"tl-{relation}"]
    labels = [squash(item.select_one(".relation").get_text()) for item in items]
    assert labels == ["first said", "differing figure", "denies", "differing figure", "repeats"]


def fact(soup: BeautifulSoup, name: str) -> str:
    for term in soup.select("dl.story-facts dt"):
        if term.get_text() == name:
            return squash(term.find_next_sibling("dd").get_text())
    raise AssertionError(f"no fact {name!r}")


def test_the_story_page_says_who_first_repeated_reported_differs_and_denies(
    client: TestClient, soldiers: dict[str, Any]
) -> None:
    soup = page(client, soldiers["url"])
    assert fact(soup, "First said by") == "Washington, 28 October 2024"
    assert fact(soup, "Said by") == (
        "Washington 2 claims, Kyiv 2 claims, Seoul 2 claims, Pyongyang 1 claim"
    )
    assert fact(soup, "Reported by") == (
        "Eastern Front Monitor 1 article, Glasno 1 article, Han River Herald 1 article, "
        "Korea Desk 1 article"
    )
    assert fact(soup, "Figures") == (
        "The headline says 10,000; Kyiv 12,000 (30 October 2024); Seoul 11,000 (5 November 2024)"
    )
    assert fact(soup, "Denied by") == "Pyongyang (4 November 2024)"
    feeds = soup.select('link[rel=alternate][type="application/atom+xml"]')
    assert [link["href"] for link in feeds] == [soldiers["feed"]]
    follow = {a.get_text(): a["href"] for a in soup.select(".follow a")}
    assert follow["All 5 claims as a list"] == f"/claims?story={soldiers['id']}"
    assert follow["CSV"] == f"/api/stories/{soldiers['id']}.csv"


def test_the_story_as_json(client: TestClient, soldiers: dict[str, Any]) -> None:
    body = get_json(client, soldiers["json_url"])
    assert body["story"] == soldiers
    timeline = body["timeline"]
    assert [
        (e["said_on"]["date"], [s["slug"] for s in e["sources"]], e["relation"]) for e in timeline
    ] == [(said_on, sources, relation) for said_on, sources, relation, _ in SOLDIERS_TIMELINE]
    assert [e["figures"] for e in body["figures"]] == [[12000], [11000]]
    assert body["headline_figures"] == [10000]
    assert [e["sources"][0]["slug"] for e in body["denials"]] == ["pyongyang"]
    assert [(o["name"], o["articles"], o["claims"]) for o in body["outlets"]] == [
        ("Eastern Front Monitor", 1, 2),
        ("Glasno", 1, 1),
        ("Han River Herald", 1, 1),
        ("Korea Desk", 1, 1),
    ]
    assert body["next"] is None and body["html"] == soldiers["url"]
    listed = get_json(client, body["claims_url"])
    assert sorted(c["id"] for c in listed["claims"]) == sorted(e["id"] for e in timeline)
    assert listed["total"] == 5


def test_the_story_as_csv(client: TestClient, soldiers: dict[str, Any]) -> None:
    response = client.get(f"/api/stories/{soldiers['id']}.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["said_on_date"], r["source_slugs"], r["relation"]) for r in rows] == [
        (said_on, "; ".join(sources), relation)
        for said_on, sources, relation, _ in SOLDIERS_TIMELINE
    ]
    assert [r["figures"] for r in rows] == ["10000", "12000", "", "11000", ""]
    listed = list(csv.DictReader(io.StringIO(client.get("/api/stories.csv").text)))
    assert [(r["id"], r["claims"], r["sources"]) for r in listed][0] == (soldiers["id"], "5", "4")


def test_a_claim_in_a_story_carries_it_in_its_json(
    client: TestClient, soldiers: dict[str, Any]
) -> None:
    timeline = get_json(client, soldiers["json_url"])["timeline"]
    expected = {
        "id": soldiers["id"],
        "url": soldiers["url"],
        "headline": soldiers["headline"],
        "claims": 5,
        "sources": 4,
        "first_said_on": {"date": "2024-10-28", "precision": "day"},
    }
    for entry in timeline:
        assert get_json(client, f"/api/claims/{entry['id']}")["story"] == expected
    alone = get_json(client, "/api/claims?q=Rutte+dangerous+escalation")
    assert [claim["story"] for claim in alone["claims"]] == [None], "repeated by no article"


def test_the_claim_page_shows_its_story(client: TestClient, soldiers: dict[str, Any]) -> None:
    timeline = get_json(client, soldiers["json_url"])["timeline"]
    kyiv = timeline[1]
    soup = page(client, kyiv["url"])
    box = soup.select_one("#story-title").find_parent("section")
    assert box.select_one("p.story-headline a")["href"] == soldiers["url"]
    text = squash(box.get_text())
    assert "5 claims by 4 sources, first said by Washington, 28 October 2024." in text
    assert "This claim is number 2 in time order." in text
    items = box.select("ol.story-excerpt li")
    assert [item.get("aria-current") for item in items] == [None, "true", None, None, None]
    linked = [a["href"] for a in box.select("ol.story-excerpt li a[href^='/claims/']")]
    assert linked == [e["url"] for e in timeline if e["id"] != kyiv["id"]]


def test_a_claim_in_no_story_says_so(client: TestClient) -> None:
    claim = get_json(client, "/api/claims?q=Rutte+dangerous+escalation")["claims"][0]
    box = page(client, claim["url"]).select_one("#story-title").find_parent("section")
    assert squash(box.get_text()).endswith(
        "No claim in another article makes this assertion, in the articles loaded so far."
    )


def test_the_overview_shows_the_most_repeated_claims(
    client: TestClient, stories: list[dict[str, Any]]
) -> None:
    soup = page(client, "/")
    section = soup.select_one("#repeated-title").find_parent("section")
    cards = section.select(".story-card")
    assert [card["data-story-id"] for card in cards] == [s["id"] for s in stories]
    assert [squash(card.h3.get_text()) for card in cards] == [s["headline"] for s in stories]


def test_a_story_filter_lists_the_claims_of_one_story(
    client: TestClient, soldiers: dict[str, Any]
) -> None:
    soup = page(client, f"/claims?story={soldiers['id']}")
    assert len(soup.select(".claim-list .claim-card")) == 5
    chips = [squash(li.get_text()) for li in soup.select("ul.chips li")]
    assert chips == [f"Story: {soldiers['headline']} ×", "Clear all"]
    hidden = soup.select_one('form.filter-form input[type=hidden][name="story"]')
    assert hidden["value"] == soldiers["id"], "the filter form keeps the story"
    seoul = get_json(client, f"/api/claims?story={soldiers['id']}&source=seoul")
    assert sorted(c["said_on"]["date"] for c in seoul["claims"]) == ["2024-11-05", "2024-11-22"]


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/stories/nope", 404, "There is no story with the id 'nope'."),
        ("/api/stories/nope", 404, "There is no story with the id 'nope'."),
        ("/api/stories/nope.csv", 404, "There is no story with the id 'nope'."),
        ("/stories/nope/feed.atom", 404, "There is no story with the id 'nope'."),
        ("/stories?sort=loudest", 400, "sort='loudest' is not known: use one of sources, newest."),
        ("/api/stories?source=nobody", 400, "no source named 'nobody'"),
        ("/stories?from=2024-13", 400, "from='2024-13' is not a date"),
        ("/stories?from=2024-11&to=2024-10", 400, "from=2024-11 is after to=2024-10."),
        ("/api/stories?next=junk", 400, "next='junk' is not a position in this list"),
        ("/api/claims?story=nope", 400, "no story named 'nope'"),
    ],
)
def test_bad_story_addresses_get_a_clear_answer(
    client: TestClient, url: str, status: int, words: str
) -> None:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert words in html.unescape(response.text)
    assert "Traceback" not in response.text


def test_a_story_timeline_token_must_be_a_position(
    client: TestClient, soldiers: dict[str, Any]
) -> None:
    response = client.get(f"{soldiers['url']}?next=junk")
    assert response.status_code == 400
    assert "next='junk' is not a position in this story" in html.unescape(response.text)
