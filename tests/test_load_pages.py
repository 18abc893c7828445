"""`claimtrack load` of saved web pages: .html, .html.gz, folders that mix pages and JSON."""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

from tests.conftest import TEST_ARTICLES, run_cli
from tests.newsite import PAGES

WIKIMEDIA = PAGES / "blog.wikimedia.interactivemaps.html"
WIKIMEDIA_URL = "https://blog.wikimedia.org/2018/06/28/interactive-maps-now-in-your-language/"


def stored(db: Path) -> list[tuple[str, str, str, str | None]]:
    connection = sqlite3.connect(db)
    try:
        query = "SELECT slug, title, published, url FROM articles ORDER BY slug"
        return list(connection.execute(query))
    finally:
        connection.close()


def test_page_html_loads_instead_of_invalid_json(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    page = tmp_path / "page.html"
    shutil.copy(WIKIMEDIA, page)
    result = run_cli("load", page, "--db", db)
    assert result.exit_code == 0, result.stderr
    [(slug, title, published, url)] = stored(db)
    # Read from the page: its headline, its "June 28th, 2018", its canonical link.
    assert (title, published, url) == (
        "Interactive maps, now in your language",
        "2018-06-28",
        WIKIMEDIA_URL,
    )
    assert slug.startswith("interactive-maps-now-in-your-language-")


def test_a_gzipped_page_and_a_folder_mixing_pages_and_json(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "wikimedia.html.gz").write_bytes(gzip.compress(WIKIMEDIA.read_bytes()))
    shutil.copy(TEST_ARTICLES / "baltic-cable.json", folder)
    (folder / "notes.txt").write_text("not an article", encoding="utf-8")  # not taken
    db = tmp_path / "claims.db"
    result = run_cli("load", folder, "--db", db)
    assert result.exit_code == 0, result.stderr
    baltic = json.loads((TEST_ARTICLES / "baltic-cable.json").read_text(encoding="utf-8"))
    titles = sorted(title for _, title, _, _ in stored(db))
    assert titles == sorted([baltic["title"], "Interactive maps, now in your language"])


def test_the_same_page_saved_twice_is_one_article(tmp_path: Path) -> None:
    """Two copies of a page share its canonical URL, so its slug: loaded once, not refused."""
    db = tmp_path / "claims.db"
    copy = tmp_path / "copy.htm"
    shutil.copy(WIKIMEDIA, copy)
    result = run_cli("load", WIKIMEDIA, copy, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert len(stored(db)) == 1


def test_a_changed_page_reloads_like_a_changed_json_file(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    page = tmp_path / "page.html"
    original = WIKIMEDIA.read_text(encoding="utf-8")
    page.write_text(original, encoding="utf-8")
    assert run_cli("load", page, "--db", db).exit_code == 0
    before = stored(db)
    marker = "Imagine you needed to learn about a foreign land"
    assert marker in original
    added = "<p>The Foundation said on Monday that more languages would follow.</p><p>" + marker
    page.write_text(original.replace("<p>" + marker, added, 1), encoding="utf-8")
    result = run_cli("load", page, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "(unchanged)" not in result.stdout
    assert stored(db) == before, "same slug, title, date and URL: the article is replaced"
    connection = sqlite3.connect(db)
    try:
        [(body,)] = connection.execute("SELECT body FROM articles")
    finally:
        connection.close()
    assert "more languages would follow" in body


def test_bad_pages_are_named_and_nothing_is_loaded(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    empty = tmp_path / "empty.html"
    menu = "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    empty.write_text(
        f"<html><head><title>Home</title></head><body>{menu}</body></html>", encoding="utf-8"
    )
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"not gzip at all")
    result = run_cli("load", WIKIMEDIA, empty, broken, "--db", db)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"claimtrack: error: {empty}: no main text found on the page")
    assert lines[1].startswith(f"claimtrack: error: {broken}: not a readable gzip file")
    assert lines[2] == "claimtrack: error: 2 inputs have problems; nothing was loaded"
    assert not db.exists()


def test_help_says_how_to_load_a_partly_bad_feed() -> None:
    result = run_cli("load", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "--skip-bad" in text and "loads all its articles or none" in text
    assert "claimtrack load https://example.org/feed.xml" in text
