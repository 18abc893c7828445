"""A feed of 50 entries: it loads whole with a progress bar, and a kill mid-way loses nothing.

The pages are synthetic articles (`claimtrack synth`) laid out as news pages, served by
a site on 127.0.0.1 a little slowly, so that a load can be killed while it fetches and
while it writes. As in tests/test_crash.py, "as before" is the exact dump of the file.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_ARTICLES, dump_database, run_cli
from tests.newsite import NewsSite, synthetic_feed, synthetic_pages
from tests.servers import serving
from tests.test_crash import Load

ENTRIES = 50
BAR = re.compile(r"(\d+)/(\d+) \[[^\]]*?(page|article)")


@pytest.fixture(scope="module")
def feed() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    pages, articles = synthetic_pages(ENTRIES)
    site = NewsSite({}, synthetic=pages, synthetic_delay=0.05)
    with serving(site.app()) as port:
        base = f"http://127.0.0.1:{port}"
        site.feeds["fifty.rss"] = synthetic_feed(base, articles)
        yield f"{base}/feeds/fifty.rss", articles


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database holding one article already."""
    path = tmp_path / "claims.db"
    assert run_cli("load", TEST_ARTICLES / "baltic-cable.json", "--db", path).exit_code == 0
    return path


def titles(db: Path) -> list[str]:
    connection = sqlite3.connect(db)
    try:
        return sorted(row[0] for row in connection.execute("SELECT title FROM articles"))
    finally:
        connection.close()


def progress(load: Load, unit: str) -> int:
    """How far the progress bar of `unit` (page: fetching; article: loading) has come."""
    found = [int(done) for done, _, seen in BAR.findall(load.message) if seen == unit]
    return found[-1] if found else 0


def test_a_feed_of_50_entries_loads_with_a_progress_bar(
    feed: tuple[str, list[dict[str, Any]]], db: Path
) -> None:
    url, articles = feed
    before = titles(db)
    with Load(db, url) as load:  # type: ignore[arg-type]
        assert load.finish() == 0, load.message
    assert "Fetching feed entries" in load.message and f"{ENTRIES}/{ENTRIES} [" in load.message
    assert progress(load, "article") == ENTRIES, "the load shows its own progress too"
    assert titles(db) == sorted(before + [article["title"] for article in articles])


def at_progress(unit: str, count: int) -> Callable[[Load], bool]:
    def reached(load: Load) -> bool:
        return load.wait_until(lambda: progress(load, unit) >= count)

    return reached


KILL_POINTS = {
    "half the pages fetched": at_progress("page", ENTRIES // 2),
    "every page fetched": at_progress("page", ENTRIES),
    "half the articles taken": at_progress("article", ENTRIES // 2),
    "every article taken": at_progress("article", ENTRIES),
}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_feed_load_killed_mid_way_leaves_the_database_as_it_was(
    feed: tuple[str, list[dict[str, Any]]], db: Path, point: str
) -> None:
    url, articles = feed
    before = dump_database(db)
    with Load(db, url) as load:  # type: ignore[arg-type]
        reached = KILL_POINTS[point](load)
        killed = load.kill()
    assert reached and killed, f"the load ended before the kill: {load.message[-300:]}"
    assert dump_database(db) == before, f"{point}: the database changed"
    with Load(db, url) as again:  # type: ignore[arg-type]
        assert again.finish() == 0, again.message
    assert len(titles(db)) == 1 + len(articles)
