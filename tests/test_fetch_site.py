"""`claimtrack load` and `fetch` of links and feeds, against a news site on 127.0.0.1.

The expected titles, dates and text below were read from the saved pages themselves
(their headline, their dateline or published-time metadata, and their paragraphs).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

import pytest

from app.intake.fetch import USER_AGENT
from tests.conftest import run_cli
from tests.newsite import PAGES as COMMITTED
from tests.newsite import NewsSite, SavedPages, atom, committed_page, packaged_page, rss
from tests.servers import serving


@dataclass(frozen=True)
class Expected:
    """What reading the saved page says: its headline, date, publisher, URL and some text."""

    name: str
    title: str
    published: str
    publisher: str | None
    url: str  # empty: the page names no address of its own, so the fetched one is kept
    fragments: tuple[str, ...]


PAGES = {
    "yonhap.html": Expected(
        "yna_co_kr.html",
        "N. Korea slams S. Korea for joint military drill, warns of consequences",
        "2019-08-20",
        "Yonhap News Agency",
        "https://en.yna.co.kr/view/AEN20190820002300325",
        ("North Korea's official newspaper blasted South Korea on Tuesday",),
    ),
    "cnn.html": Expected(
        "cnn_article.html",
        "After storm, forecasters see smooth sailing for Thanksgiving",
        "2013-11-27",
        "CNN",
        "http://www.cnn.com/2013/11/27/travel/weather-thanksgiving/index.html",
        ('"We dodged a bullet," said Steve Cowan',),
    ),
    "fox13.html": Expected(
        "fox13now_001.html",
        "New Year, new laws: Obamacare, pot, guns and drones",
        "2013-12-30",
        "FOX 13 News Utah (KSTU)",
        "https://localtvkstu.wordpress.com/2013/12/30/new-year-new-laws-obamacare-pot-guns-and-drones/",
        ("Americans will be required to follow new laws in 2014",),
    ),
    "time.html": Expected(
        "time_001.html",
        # The h1; the Open Graph title words it "... Warming Says James Hansen".
        "We Need Geoengineering to Stop Out of Control Warming, Warns Climate Scientist James Hansen",
        "2023-11-02",
        "TIME",
        "https://time.com/6330957/james-hansen-climate-warning-geoengineering-study/",
        ("Climate scientists have been underestimating how sensitive the global climate",),
    ),
    "wikimedia.html": Expected(
        "blog.wikimedia.interactivemaps.html",
        "Interactive maps, now in your language",
        "2018-06-28",
        "Wikimedia Blog",
        "https://blog.wikimedia.org/2018/06/28/interactive-maps-now-in-your-language/",
        ("Imagine you needed to learn about a foreign land",),
    ),
    # Its h1 is the site's logo, a link to the front page; the headline is the h2 over the
    # byline "Wednesday, June 10th, 2009 @ 06:34 UTC". No canonical link, no date metadata.
    "globalvoices.html": Expected(
        "globalvoicesonline.org.green-dam.html",
        "China: A leaking dam?",
        "2009-06-10",
        "Global Voices Online",
        "",
        (
            "Chinese information activists have been testing and collecting information "
            "about the government sponsored filter software",
        ),
    ),
    "wikimediafoundation.html": Expected(
        "wikimediafoundation.org.turkey.html",
        "Access to Wikipedia restored in Turkey after more than two and a half years",
        "2020-01-15",
        "Wikimedia Foundation",
        "https://wikimediafoundation.org/news/2020/01/15/"
        "access-to-wikipedia-restored-in-turkey-after-more-than-two-and-a-half-years/",
        ("Today, on Wikipedia’s 19th birthday, the Wikimedia Foundation has received reports",),
    ),
}
GERMAN = "hobby-werkstatt-blog.de.roomba.html"  # a German blog post of 14 December 2015
UNDATED = "creativecommons.org.html"  # "What we do": an about page with no date of its own
SPANISH = (
    "voanoticias.com.nicaragua-covid.html"  # VOA in Spanish: "08 Octubre 2020" by its headline
)


def page_bytes(expected: Expected) -> bytes:
    if (COMMITTED / expected.name).exists():
        return committed_page(expected.name)
    return packaged_page(expected.name)


@pytest.fixture(scope="module")
def site() -> Iterator[tuple[NewsSite, str]]:
    loaders = {name: partial(page_bytes, expected) for name, expected in PAGES.items()}
    loaders["german.html"] = partial(committed_page, GERMAN)
    loaders["undated.html"] = partial(committed_page, UNDATED)
    loaders["spanish.html"] = partial(committed_page, SPANISH)
    news = NewsSite(SavedPages(loaders), slow_seconds=4.0)
    with serving(news.app()) as port:
        base = f"http://127.0.0.1:{port}"
        news.feeds["news.rss"] = rss(
            [
                (f"{base}/news/yonhap.html", "Yonhap", date(2019, 8, 20)),
                (f"{base}/news/cnn.html", "CNN", date(2013, 11, 27)),
                (f"{base}/news/fox13.html", "Fox", date(2013, 12, 30)),
            ]
        )
        news.feeds["news.atom"] = atom(  # relative links, resolved against the feed
            [
                ("../news/time.html", "Time", date(2023, 11, 2)),
                ("../moved/wikimedia.html", "Wikimedia", date(2018, 6, 28)),
            ]
        )
        news.feeds["mixed.rss"] = rss(
            [
                (f"{base}/news/cnn.html", "CNN", date(2013, 11, 27)),
                (f"{base}/news/gone.html", "Gone", date(2013, 11, 26)),
                (f"{base}/private/yonhap.html", "Private", date(2013, 11, 25)),
            ]
        )
        yield news, base


def articles(db: Path) -> dict[str, tuple[str, str, str, str, str]]:
    """Every stored article by URL: title, published, publisher, language, body."""
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            "SELECT url, title, published, publisher, language, body FROM articles"
        ).fetchall()
    finally:
        connection.close()
    return {row[0]: tuple(str(value) for value in row[1:]) for row in rows}  # type: ignore[misc]


def claim_ids(db: Path) -> list[str]:
    connection = sqlite3.connect(db)
    try:
        return [row[0] for row in connection.execute("SELECT id FROM claims ORDER BY id")]
    finally:
        connection.close()


def assert_article(stored: tuple[str, ...], expected: Expected) -> None:
    title, published, publisher, language, body = stored
    assert title == expected.title
    assert published == expected.published
    assert publisher == expected.publisher
    assert language.startswith("en")
    for fragment in expected.fragments:
        assert fragment in body, (fragment, body[:300])
    assert "\n\n" in body, "paragraphs are separated by a blank line"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_link_loads_with_the_pages_own_title_date_and_url(
    site: tuple[NewsSite, str], tmp_path: Path, name: str
) -> None:
    news, base = site
    db = tmp_path / "claims.db"
    result = run_cli("load", f"{base}/news/{name}", "--db", db)
    assert result.exit_code == 0, result.stderr
    stored = articles(db)
    expected = PAGES[name]
    url = expected.url or f"{base}/news/{name}"
    assert list(stored) == [url], "the canonical URL is stored, not the local one"
    assert_article(stored[url], expected)
    assert USER_AGENT in news.user_agents and USER_AGENT.startswith("claimtrack/")


def test_an_rss_feed_loads_every_entry(site: tuple[NewsSite, str], tmp_path: Path) -> None:
    _, base = site
    db = tmp_path / "claims.db"
    result = run_cli("load", f"{base}/feeds/news.rss", "--db", db)
    assert result.exit_code == 0, result.stderr
    stored = articles(db)
    for name in ("yonhap.html", "cnn.html", "fox13.html"):
        assert_article(stored[PAGES[name].url], PAGES[name])
    assert len(stored) == 3


def test_an_atom_feed_with_relative_links_and_a_redirect(
    site: tuple[NewsSite, str], tmp_path: Path
) -> None:
    _, base = site
    db = tmp_path / "claims.db"
    result = run_cli("load", f"{base}/feeds/news.atom", "--db", db)
    assert result.exit_code == 0, result.stderr
    stored = articles(db)
    assert sorted(stored) == sorted([PAGES["time.html"].url, PAGES["wikimedia.html"].url])
    assert_article(stored[PAGES["wikimedia.html"].url], PAGES["wikimedia.html"])


def test_limit_takes_the_newest_entries(site: tuple[NewsSite, str], tmp_path: Path) -> None:
    _, base = site
    db = tmp_path / "claims.db"
    result = run_cli("load", f"{base}/feeds/news.rss", "--limit", "2", "--db", db)
    assert result.exit_code == 0, result.stderr
    # The feed's dates: Yonhap 2019-08-20, Fox 2013-12-30, CNN 2013-11-27.
    assert sorted(articles(db)) == sorted([PAGES["yonhap.html"].url, PAGES["fox13.html"].url])


def test_loading_a_link_again_changes_nothing(site: tuple[NewsSite, str], tmp_path: Path) -> None:
    _, base = site
    db = tmp_path / "claims.db"
    url = f"{base}/news/yonhap.html"
    assert run_cli("load", url, "--db", db).exit_code == 0
    first = (articles(db), claim_ids(db))
    assert first[1], "the Yonhap report has attributed claims"
    again = run_cli("load", f"{base}/gzip/yonhap.html", "--db", db)  # same page, another way
    assert again.exit_code == 0, again.stderr
    assert "(unchanged)" in again.stdout
    assert (articles(db), claim_ids(db)) == first


@pytest.mark.parametrize("encoding", ["gzip", "brotli"])
def test_compressed_pages_are_decoded(
    site: tuple[NewsSite, str], tmp_path: Path, encoding: str
) -> None:
    _, base = site
    db = tmp_path / "claims.db"
    result = run_cli("load", f"{base}/{encoding}/cnn.html", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert_article(articles(db)[PAGES["cnn.html"].url], PAGES["cnn.html"])


def refusal(base: str, path: str, tmp_path: Path, *options: str) -> str:
    """The one error line of loading one bad link; nothing may be stored."""
    db = tmp_path / "claims.db"
    result = run_cli("load", f"{base}{path}", "--db", db, *options)
    assert result.exit_code == 1, result
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert not db.exists(), "a failed first load leaves no database"
    prefix = f"claimtrack: error: {base}{path}: "
    assert lines[0].startswith(prefix), lines[0]
    return lines[0].removeprefix(prefix)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/news/gone.html", "HTTP 404 Not Found"),
        ("/files/report.pdf", "not an HTML page or a feed (application/pdf)"),
        ("/huge/declared", "page is too large (11.0 MB; at most 10 MB)"),
        ("/huge/streamed", "page is too large (over 10.0 MB; at most 10 MB)"),
        ("/loop/0", "too many redirects (more than 5)"),
        (
            "/private/yonhap.html",
            "robots.txt of 127.0.0.1:{port} does not allow fetching this page",
        ),
        ("/always-busy/x", "HTTP 429 Too Many Requests, still after 4 tries"),
    ],
)
def test_a_bad_link_is_named_with_its_reason(
    site: tuple[NewsSite, str], tmp_path: Path, path: str, reason: str
) -> None:
    news, base = site
    port = base.rsplit(":", 1)[1]
    assert refusal(base, path, tmp_path) == reason.format(port=port)
    if path.startswith("/private/"):
        assert news.requests[path] == 0, "a page robots.txt forbids is never requested"


def test_a_slow_page_times_out(site: tuple[NewsSite, str], tmp_path: Path) -> None:
    _, base = site
    assert refusal(base, "/slow/cnn.html", tmp_path, "--timeout", "1") == (
        "timed out: no answer within 1 s"
    )


def test_an_unreachable_host_is_named(tmp_path: Path) -> None:
    from tests.servers import free_port

    base = f"http://127.0.0.1:{free_port()}"
    assert refusal(base, "/news/x.html", tmp_path).startswith("unreachable host")


def test_a_429_with_retry_after_is_retried(site: tuple[NewsSite, str], tmp_path: Path) -> None:
    news, base = site
    db = tmp_path / "claims.db"
    result = run_cli("load", f"{base}/busy/fox13.html", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert news.requests["/busy/fox13.html"] == 2
    assert_article(articles(db)[PAGES["fox13.html"].url], PAGES["fox13.html"])


def test_a_page_without_a_date_needs_published(site: tuple[NewsSite, str], tmp_path: Path) -> None:
    _, base = site
    assert refusal(base, "/news/undated.html", tmp_path) == (
        "no publication date found on the page (give one with --published YYYY-MM-DD)"
    )
    db = tmp_path / "claims.db"
    result = run_cli("load", f"{base}/news/undated.html", "--published", "2024-03-01", "--db", db)
    assert result.exit_code == 0, result.stderr
    [(title, published, publisher, language, body)] = articles(db).values()
    assert (title, published, publisher) == ("What we do", "2024-03-01", "Creative Commons")
    assert "Creative Commons helps you legally share your knowledge" in body


def test_a_page_not_in_english_loads_without_claims(
    site: tuple[NewsSite, str], tmp_path: Path
) -> None:
    _, base = site
    db = tmp_path / "claims.db"
    result = run_cli("load", f"{base}/news/german.html", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "loaded without claims (claims are read from English text only)" in result.stderr
    [(title, published, _, language, body)] = articles(db).values()
    assert title == "Eine Arduino-Virtual-Wall für den IRobot Roomba"
    assert (published, language.split("-")[0]) == ("2015-12-14", "de")
    assert "Einige unserer Türschwellen sind nicht voll Roomba-kompatibel." in body
    assert claim_ids(db) == []


def test_a_spanish_news_page_keeps_its_dateline_its_address_and_no_claims(
    site: tuple[NewsSite, str], tmp_path: Path
) -> None:
    """The page shows "08 Octubre 2020 06:36 AM" under its headline; a related story's teaser
    further down says "Miércoles, 07/10/2020"."""
    _, base = site
    db = tmp_path / "claims.db"
    result = run_cli("load", f"{base}/news/spanish.html", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "loaded without claims" in result.stderr
    stored = articles(db)
    url = "https://www.voanoticias.com/centroamerica/nicaragua-cientificos-alertan-gobierno-por-posible-rebrote-covid19"
    assert list(stored) == [url]
    title, published, publisher, language, body = stored[url]
    assert title == "Nicaragua: científicos alertan por posible rebrote de COVID-19"
    assert (published, publisher, language) == ("2020-10-08", "Voice of America", "es")
    assert body.startswith("MANAGUA - Los altos índices de pobreza en Nicaragua")
    assert "Sorry, but your browser cannot support embedded video" not in body
    assert claim_ids(db) == []


def test_a_partly_bad_feed_loads_nothing_and_names_every_bad_entry(
    site: tuple[NewsSite, str], tmp_path: Path
) -> None:
    news, base = site
    db = tmp_path / "claims.db"
    assert run_cli("load", f"{base}/news/fox13.html", "--db", db).exit_code == 0
    before = (articles(db), claim_ids(db))
    result = run_cli("load", f"{base}/feeds/mixed.rss", "--db", db)
    assert result.exit_code == 1
    port = base.rsplit(":", 1)[1]
    assert result.stderr.splitlines() == [
        f"claimtrack: error: {base}/news/gone.html: HTTP 404 Not Found",
        f"claimtrack: error: {base}/private/yonhap.html: robots.txt of 127.0.0.1:{port} "
        "does not allow fetching this page",
        "claimtrack: error: 2 inputs have problems; nothing was loaded",
    ]
    assert (articles(db), claim_ids(db)) == before


def test_skip_bad_loads_what_could_be_read(site: tuple[NewsSite, str], tmp_path: Path) -> None:
    _, base = site
    db = tmp_path / "claims.db"
    result = run_cli("load", f"{base}/feeds/mixed.rss", "--skip-bad", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert list(articles(db)) == [PAGES["cnn.html"].url]
    assert [line.split(": ", 2)[1] for line in result.stderr.splitlines()] == ["skipped"] * 2
    assert f"{base}/news/gone.html: HTTP 404 Not Found" in result.stderr


def test_fetch_writes_what_load_would_load(site: tuple[NewsSite, str], tmp_path: Path) -> None:
    _, base = site
    out = tmp_path / "out"
    result = run_cli("fetch", f"{base}/feeds/news.rss", "--out", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Wrote 3 articles to {out}.\n"
    files = sorted(out.glob("*.json"))
    written = {json.loads(f.read_text(encoding="utf-8"))["url"]: f for f in files}
    assert sorted(written) == sorted(
        PAGES[n].url for n in ("yonhap.html", "cnn.html", "fox13.html")
    )
    data = json.loads(written[PAGES["cnn.html"].url].read_text(encoding="utf-8"))
    assert list(data) == ["slug", "title", "publisher", "url", "published", "language", "body"]
    assert data["title"] == PAGES["cnn.html"].title and data["published"] == "2013-11-27"
    # Loading the files gives the same articles and claims as loading the feed.
    from_files, from_feed = tmp_path / "files.db", tmp_path / "feed.db"
    assert run_cli("load", out, "--db", from_files).exit_code == 0
    assert run_cli("load", f"{base}/feeds/news.rss", "--db", from_feed).exit_code == 0
    assert articles(from_files) == articles(from_feed)
    assert claim_ids(from_files) == claim_ids(from_feed) != []
