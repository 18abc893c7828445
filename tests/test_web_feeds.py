"""Atom feeds to follow a source, a topic, a story or any claim list, read by feedparser
(what feed readers use) and checked against RFC 4287's required elements, on every
backend. Expected entries are read from the test articles (see test_web_stories)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from app.web import create_app

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
BASE = "http://testserver"
# The soldiers story, newest first, as a feed lists it: (who, what the claim says).
SOLDIERS_NEWEST_FIRST = [
    (["Washington", "Seoul", "Kyiv"], "At least 10,000 North Korean soldiers have been sent"),
    (["Seoul"], "At least 11,000 North Korean soldiers have been sent to Russia"),
    (["Pyongyang"], "North Korean soldiers had been sent to Russia"),
    (["Kyiv"], "Pyongyang has dispatched some 12,000 soldiers to Russia."),
    (["Washington"], "About 10,000 North Korean soldiers have been sent to Russia"),
]


@pytest.fixture(scope="module")
def client(loaded_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(loaded_db), follow_redirects=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def soldiers(client: TestClient) -> dict[str, Any]:
    story = client.get("/api/stories").json()["stories"][0]
    assert story["claims"] == 5, story
    return story


def fetch_feed(client: TestClient, url: str) -> Any:
    """The feed at `url`, checked as Atom, parsed by feedparser."""
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.text}"
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    check_atom(response.content)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, f"{url}: {parsed.get('bozo_exception')}"
    assert parsed.version == "atom10"
    return parsed


def check_atom(document: bytes) -> None:
    """The elements RFC 4287 requires of a feed and of each entry."""
    root = ElementTree.fromstring(document)
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}") is not None, f"feed without {name}"
    assert RFC3339.fullmatch(root.findtext(f"{ATOM}updated") or "")
    assert root.find(f"{ATOM}author/{ATOM}name") is not None
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    ids = []
    for entry in root.iter(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "summary"):
            assert entry.find(f"{ATOM}{name}") is not None, f"entry without {name}"
        assert RFC3339.fullmatch(entry.findtext(f"{ATOM}updated") or "")
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        ids.append(entry.findtext(f"{ATOM}id"))
    assert len(ids) == len(set(ids)), "each entry once"


def test_a_story_feed_has_its_claims_newest_first(
    client: TestClient, soldiers: dict[str, Any]
) -> None:
    feed = fetch_feed(client, soldiers["feed"])
    assert feed.feed.title == f"Story: {soldiers['headline']}"
    assert feed.feed.link == f"{BASE}{soldiers['url']}"
    found = [([a.name for a in entry.authors], entry.title) for entry in feed.entries]
    assert len(found) == len(SOLDIERS_NEWEST_FIRST)
    for (authors, title), (who, words) in zip(found, SOLDIERS_NEWEST_FIRST, strict=True):
        assert authors == who and title.startswith(words), (authors, title)
    timeline = client.get(soldiers["json_url"]).json()["timeline"]
    assert {entry.link for entry in feed.entries} == {f"{BASE}{c['url']}" for c in timeline}
    assert {entry.id for entry in feed.entries} == {entry.link for entry in feed.entries}


def test_a_source_feed_has_what_the_source_said(client: TestClient) -> None:
    feed = fetch_feed(client, "/sources/pyongyang/feed.atom")
    assert feed.feed.title == "Claims by Pyongyang"
    (entry,) = feed.entries  # North Korea's foreign ministry, in pyongyang-denial.json
    assert entry.title == "North Korean soldiers had been sent to Russia to fight against Ukraine."
    assert entry.summary.startswith(
        "Pyongyang (denied, 4 November 2024): “North Korea's foreign ministry denied on Monday"
    )
    assert entry.summary.endswith(
        "In: Pyongyang calls troop reports 'groundless rumours', Korea Desk."
    )
    assert entry.published.startswith("2024-11-05")
    related = [link.href for link in entry.links if link.rel == "related"]
    assert related == ["https://korea-desk.example/news/2024/11/05/pyongyang-denial"]


def test_a_topic_feed_and_a_filtered_list_feed(client: TestClient) -> None:
    topic = fetch_feed(client, "/topics/troop-deployment/feed.atom")
    assert topic.feed.title == "Claims on Troop deployment"
    listed = client.get("/api/claims?topic=troop-deployment").json()["claims"]
    assert [e.link for e in topic.entries] == [f"{BASE}{c['url']}" for c in listed[:50]]
    for entry, claim in zip(topic.entries, listed, strict=False):
        assert [t.term for t in entry.tags] == [t["slug"] for t in claim["topics"]]
    # "Everything Seoul says about troop deployment": the seed's and the spy agency's.
    seoul = fetch_feed(client, "/claims/feed.atom?source=seoul&topic=troop-deployment")
    assert seoul.feed.title == "Claims: Seoul, Troop deployment"
    titles = [entry.title for entry in seoul.entries]
    assert (
        "At least 11,000 North Korean soldiers have been sent to Russia to fight against Ukraine."
        in titles
    )
    assert all("Seoul" in [a.name for a in entry.authors] for entry in seoul.entries)
    both = client.get("/api/claims?source=seoul&topic=troop-deployment").json()["claims"]
    assert [e.link for e in seoul.entries] == [f"{BASE}{c['url']}" for c in both]


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/sources/seoul", "/sources/seoul/feed.atom"),
        ("/topics/troop-deployment", "/topics/troop-deployment/feed.atom"),
        (
            "/claims?source=seoul&topic=arms-transfers",
            "/claims/feed.atom?source=seoul&topic=arms-transfers",
        ),
        ("/claims?q=troops&sort=oldest", "/claims/feed.atom?q=troops"),
    ],
)
def test_pages_link_their_feed(client: TestClient, page: str, feed: str) -> None:
    soup = BeautifulSoup(client.get(page).text, "html.parser")
    links = soup.select('link[rel="alternate"][type="application/atom+xml"]')
    assert [link["href"] for link in links] == [feed]
    assert links[0]["title"]
    fetch_feed(client, feed)


def test_a_feed_address_in_another_spelling_redirects(client: TestClient) -> None:
    response = client.get("/claims/feed.atom?source=South+Korea&sort=oldest&next=1.x")
    assert response.status_code == 302
    assert response.headers["location"] == "/claims/feed.atom?source=seoul"


@pytest.mark.parametrize(
    "url", ["/sources/nobody/feed.atom", "/topics/nothing/feed.atom", "/stories/none/feed.atom"]
)
def test_a_feed_of_nothing_is_not_found(client: TestClient, url: str) -> None:
    assert client.get(url).status_code == 404
