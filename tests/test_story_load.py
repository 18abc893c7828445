"""Stories in the database, through the real loader, on every test backend: grouping at
load time, stable ids across reloads and new articles, merges that keep old ids
reachable, changed articles leaving their stories, and the query functions."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from app.cli import load_files
from app.storage import load
from app.storage.db import make_engine
from app.storage.queries import StoryFilters, find_story, get_claim, list_stories, story_detail
from app.stories import store
from app.stories.grouping import story_id
from app.synth import generate_articles, write_corpus
from tests.conftest import BACKENDS, sqlite_url

PENTAGON = {
    "title": "Pentagon: North Korean troops in Russia",
    "publisher": "Test Wire",
    "published": "2024-10-24",
    "body": "The Pentagon said on Wednesday that at least 10,000 North Korean troops have been sent to Russia.",
}
SEOUL = {
    "title": "Seoul raises its estimate",
    "publisher": "Test Wire",
    "published": "2024-10-29",
    "body": "South Korea's spy agency said on Monday that Pyongyang has dispatched some 12,000 soldiers to Russia.",
}
DENIAL = {
    "title": "Pyongyang denies it",
    "publisher": "Other Wire",
    "published": "2024-10-31",
    "body": "North Korea denied sending troops to Russia, its foreign ministry said on Thursday.",
}
TREATY = {
    "title": "A treaty ratified",
    "publisher": "Other Wire",
    "published": "2024-11-12",
    "body": "North Korea ratified a defence treaty with Russia on Tuesday, state media reported.",
}
# Two stories about Russian deliveries that share only some goods, and a claim that
# matches both, so that it joins them into one.
OIL_GRAIN = [
    ("2024-03-04", "Russia delivered oil, grain and wheat to North Korea, Seoul said."),
    ("2024-03-06", "Moscow delivered oil, grain and wheat to Pyongyang, according to Kyiv."),
]
CASH_TRACTORS = [
    ("2024-04-08", "Russia delivered wheat, cash and tractors to North Korea, Tokyo said."),
    (
        "2024-04-09",
        "Moscow delivered wheat, cash and tractors to Pyongyang, according to Washington.",
    ),
]
BRIDGE = ("2024-05-02", "Russia delivered oil, wheat and cash to North Korea, NATO said.")


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty database on one backend."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "claims.db")
    server = request.getfixturevalue("postgres")
    return str(server.create_database("s_" + re.sub(r"\W", "_", request.node.name)[:50].lower()))


def write(folder: Path, name: str, article: dict[str, str]) -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps(article), encoding="utf-8")
    return path


def article(published: str, body: str) -> dict[str, str]:
    return {"title": body[:40], "publisher": "Test Wire", "published": published, "body": body}


@pytest.fixture
def connect(database: str) -> Iterator[object]:
    engines = []

    def opener() -> Connection:
        engine = make_engine(database, read_only=True)
        engines.append(engine)
        return engine.connect()

    yield opener
    for engine in engines:
        engine.dispose()


def rows(connect: object, sql: str) -> list[tuple[object, ...]]:
    with connect() as connection:  # type: ignore[operator]
        return [tuple(row) for row in connection.execute(text(sql))]


def story_rows(connect: object) -> list[tuple[object, ...]]:
    return rows(connect, "SELECT story_id, claim_id, relation FROM story_claims ORDER BY 1, 2")


def only_story(connect: object) -> str:
    found = rows(connect, "SELECT id FROM stories")
    assert len(found) == 1, found
    return str(found[0][0])


def test_a_load_groups_paraphrases_figures_and_denials_into_one_story(
    database: str, tmp_path: Path, connect: object
) -> None:
    paths = [
        write(tmp_path, name, a)
        for name, a in (
            ("pentagon", PENTAGON),
            ("seoul", SEOUL),
            ("denial", DENIAL),
            ("treaty", TREATY),
        )
    ]
    load_files(paths, database)
    story = only_story(connect)
    with connect() as connection:  # type: ignore[operator]
        found = find_story(connection, story)
        assert found is not None
        detail = story_detail(connection, found[1])
    assert [c.article.title for c in detail.timeline] == [
        "Pentagon: North Korean troops in Russia",
        "Seoul raises its estimate",
        "Pyongyang denies it",
    ], "claims in time order, the treaty left out"
    assert detail.line.headline == "At least 10,000 North Korean troops have been sent to Russia."
    assert [c.relation for c in detail.timeline] == ["same", "figure", "denial"]
    assert [s.label for s in detail.line.first_said_by] == ["Washington"]
    assert detail.line.first_said_on == "2024-10-23"  # "on Wednesday" before 24 October
    assert [c.article.title for c in detail.denials] == ["Pyongyang denies it"]
    assert [c.figures for c in detail.figures] == [(12_000,)]  # its unit: test_stories
    assert sorted(s.label for s in detail.sources) == ["Pyongyang", "Seoul", "Washington"]
    assert (detail.line.claims, detail.line.articles, detail.line.sources) == (3, 3, 3)
    assert (detail.line.denials, detail.line.figures) == (1, 1)
    # The id is derived from the earliest claim, the Pentagon's.
    assert story == story_id(detail.timeline[0].id)


def test_reloading_changes_nothing_and_keeps_the_id(
    database: str, tmp_path: Path, connect: object
) -> None:
    paths = [write(tmp_path, "pentagon", PENTAGON), write(tmp_path, "seoul", SEOUL)]
    load_files(paths, database)
    before = story_rows(connect), rows(connect, "SELECT * FROM stories")
    again = load_files(paths, database)
    assert all(a.unchanged for a in again.articles)
    assert (story_rows(connect), rows(connect, "SELECT * FROM stories")) == before


def test_a_new_article_joins_the_story_under_the_same_id(
    database: str, tmp_path: Path, connect: object
) -> None:
    load_files([write(tmp_path, "pentagon", PENTAGON), write(tmp_path, "seoul", SEOUL)], database)
    story = only_story(connect)
    load_files([write(tmp_path, "denial", DENIAL)], database)
    assert only_story(connect) == story
    assert [relation for _, _, relation in story_rows(connect)].count("denial") == 1
    assert len(story_rows(connect)) == 3


def test_an_earlier_claim_joining_later_keeps_the_id(
    database: str, tmp_path: Path, connect: object
) -> None:
    load_files([write(tmp_path, "seoul", SEOUL), write(tmp_path, "denial", DENIAL)], database)
    story = only_story(connect)
    load_files([write(tmp_path, "pentagon", PENTAGON)], database)
    assert only_story(connect) == story


def test_the_same_articles_loaded_in_another_order_give_the_same_id(tmp_path: Path) -> None:
    paths = [
        write(tmp_path, n, a)
        for n, a in (("pentagon", PENTAGON), ("seoul", SEOUL), ("denial", DENIAL))
    ]
    ids = []
    for name, order in (("one", paths), ("two", paths[::-1])):
        url = sqlite_url(tmp_path / f"{name}.db")
        load_files(order, url)
        engine = make_engine(url, read_only=True)
        with engine.connect() as connection:
            ids.append([row[0] for row in connection.execute(text("SELECT id FROM stories"))])
        engine.dispose()
    assert ids[0] == ids[1] and len(ids[0]) == 1


def test_a_bridging_claim_merges_two_stories_and_the_old_id_still_resolves(
    database: str, tmp_path: Path, connect: object
) -> None:
    paths = [
        write(tmp_path, f"a{i}", article(*item)) for i, item in enumerate(OIL_GRAIN + CASH_TRACTORS)
    ]
    load_files(paths, database)
    with connect() as connection:  # type: ignore[operator]
        before = {
            row.id: row.founder_claim_id
            for row in connection.execute(text("SELECT * FROM stories"))
        }
    assert len(before) == 2, "oil and grain, cash and tractors: two stories"
    assert all(story == story_id(str(founder)) for story, founder in before.items())
    load_files([write(tmp_path, "bridge", article(*BRIDGE))], database)
    survivor = only_story(connect)
    (merged,) = set(before) - {survivor}
    with connect() as connection:  # type: ignore[operator]
        found = find_story(connection, merged)
        assert found is not None and found[0] == survivor
        assert (find_story(connection, survivor) or ("",))[0] == survivor
        story = story_detail(connection, found[1])
    assert story.line.id == survivor and story.line.claims == 5
    # The March story is older than the April one: it keeps its id.
    assert [c.said_on or c.article.published for c in story.timeline][0].startswith("2024-03")
    assert story.timeline[0].id in {str(v) for v in before.values()}
    assert survivor == story_id(story.timeline[0].id)


def test_a_changed_article_leaves_its_story(database: str, tmp_path: Path, connect: object) -> None:
    paths = [
        write(tmp_path, n, a)
        for n, a in (("pentagon", PENTAGON), ("seoul", SEOUL), ("denial", DENIAL))
    ]
    load_files(paths, database)
    story = only_story(connect)
    write(tmp_path, "denial", {**DENIAL, "body": "Pyongyang held a military parade on Thursday."})
    load_files([tmp_path / "denial.json"], database)
    assert only_story(connect) == story
    assert len(story_rows(connect)) == 2
    assert rows(connect, "SELECT claims, denials FROM stories") == [(2, 0)]
    # Left with one claim, the story stays (its link works); lists leave it out.
    write(tmp_path, "seoul", {**SEOUL, "body": "Seoul hosted a trade fair on Monday."})
    load_files([tmp_path / "seoul.json"], database)
    assert only_story(connect) == story
    with connect() as connection:  # type: ignore[operator]
        assert find_story(connection, story) is not None
        for sort in ("sources", "newest"):
            assert list_stories(connection, StoryFilters(sort=sort)).stories == [], sort
    # Left with none, it is gone.
    write(tmp_path, "pentagon", {**PENTAGON, "body": "The Pentagon held a briefing on Wednesday."})
    load_files([tmp_path / "pentagon.json"], database)
    assert rows(connect, "SELECT id FROM stories") == []
    assert story_rows(connect) == []


def test_lists_order_stories_by_sources_and_by_newest(
    database: str, tmp_path: Path, connect: object
) -> None:
    paths = [
        write(tmp_path, n, a)
        for n, a in (("pentagon", PENTAGON), ("seoul", SEOUL), ("denial", DENIAL))
    ]
    paths += [write(tmp_path, f"a{i}", article(*item)) for i, item in enumerate(OIL_GRAIN)]
    load_files(paths, database)
    pentagon = rows(connect, "SELECT claim_id FROM story_claims ORDER BY timeline_key DESC")
    with connect() as connection:  # type: ignore[operator]
        by_sources = list_stories(connection, StoryFilters(sort="sources")).stories
        newest = list_stories(connection, StoryFilters(sort="newest")).stories
        troops = get_claim(connection, str(pentagon[0][0]))
    assert [s.sources for s in by_sources] == [3, 2]
    assert by_sources[0].headline.startswith("At least 10,000 North Korean troops")
    assert [s.headline[:6] for s in newest] == ["At lea", "Russia"]  # October before March
    assert troops is not None and troops.story is not None
    assert troops.story.id in {s.id for s in by_sources}


def test_a_load_of_many_chunks_groups_alike_with_its_recent_claims_kept_or_read_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The load keeps its recent claims in memory as candidates (`RECENT_KEPT`); reading
    every candidate back from the database must give the same stories."""
    corpus = tmp_path / "corpus"
    write_corpus(generate_articles(240, seed=11), corpus, 240)
    monkeypatch.setattr(load, "CHUNK", 30)  # eight chunks: candidates from earlier ones
    found = []
    for kept in (store.RECENT_KEPT, 0):
        monkeypatch.setattr(store, "RECENT_KEPT", kept)
        path = tmp_path / f"kept-{kept}.db"
        load_files([corpus], sqlite_url(path))
        with sqlite3.connect(path) as connection:
            links = connection.execute(
                "SELECT l.story_id, l.claim_id, l.relation, c.article_id FROM story_claims l"
                " JOIN claims c ON c.id = l.claim_id ORDER BY 1, 2"
            ).fetchall()
        found.append(links)
    with_recent, read_back = found
    assert with_recent == read_back
    articles_of: dict[str, set[int]] = {}
    for story, _, _, article_id in with_recent:
        articles_of.setdefault(story, set()).add(article_id)
    spans = [max(ids) - min(ids) for ids in articles_of.values()]
    assert max(spans) > 30, "some story takes claims from articles chunks apart"
