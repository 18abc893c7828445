"""Hostile and odd article files: each loads as given or is refused in one line, never more.

The corpus is `tests/hostile/` (small files, committed) plus files too big to commit,
written at run time. Every case loads into a copy of a database that already holds the
seed and a test article; refused cases must leave it exactly as it was (full dump), and
loaded ones must keep every article and claim it had.

Decided behaviour: a `published` date after tomorrow (UTC) is refused as a typo; a
date of tomorrow is accepted (time zones ahead of UTC). Bodies over 200,000 characters
and files over 5 MB are refused: no news article is that long, and extraction of such
a body would take minutes.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.storage.db import database_url
from app.web import create_app
from tests.conftest import CliResult, dump_database, run_cli, run_cli_subprocess

HOSTILE = Path(__file__).parent / "hostile"
OTHER_ARTICLE = Path(__file__).parent / "articles" / "baltic-cable.json"
TODAY = datetime.now(UTC).date()

REFUSED = {
    "invalid-json": "invalid JSON at line 1, column 51: Expecting value",
    "truncated": "invalid JSON at line 7, column 11: Unterminated string starting at",
    "empty-file": "invalid JSON at line 1, column 1: Expecting value",
    "just-a-string": "expected a JSON object, got a string",
    "wrong-type-body": 'field "body" must be a string, got an object',
    "wrong-type-published": 'field "published" must be a string, got true or false',
    "missing-body": 'missing field "body"',
    "null-body": 'field "body" is null',
    "whitespace-body": 'field "body" is empty',
    "nul-byte": 'field "body" has a control character (U+0000) at character 23',
    "control-characters": 'field "title" has a control character (U+001B) at character 9',
    "lone-surrogate": 'field "title" has a lone surrogate (U+D800) at character 9',
    "duplicate-key": "invalid JSON: key 'title' appears twice in one object",
    "nan": "invalid JSON: NaN is not a JSON value",
    "latin-1": "not UTF-8 text (byte 0xe9 at offset 19)",
    "slug-traversal": (
        "field \"slug\" must be lowercase letters, digits and hyphens, got '../../etc/passwd'"
    ),
    "slug-spaces": (
        'field "slug" must be lowercase letters, digits and hyphens, '
        "got 'border crossings stay shut'"
    ),
    "slug-too-long": 'field "slug" is longer than 80 characters',
    "date-february-30": (
        'field "published": 2024-02-30 is not a real date (day is out of range for month)'
    ),
    "date-far-future": f'field "published": 2999-01-01 is in the future (today is {TODAY} UTC)',
    "javascript-url": (
        "field \"url\" must be an http:// or https:// address, got 'javascript:window.__xss=1'"
    ),
    "relative-url": "field \"url\" must be an http:// or https:// address, got '/helsinki-border'",
    "bad-language": 'field "language" must be a language code such as "en", got \'<script>\'',
}
LOADED = {  # file -> the slug it loads as
    "right-to-left-emoji-korean": "rtl-emoji-korean",
    "korean-title": "article-",  # no Latin letters: a hash-based slug
    "html-in-title-and-body": "html-everywhere",
    "title-traversal": "etc-passwd",
    "utf8-bom": "with-bom",
    "unknown-fields": "unknown-fields",
    "duplicate-slug-a": "border-twice",
}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory, seed_article_path: Path) -> Path:
    """A database holding the seed and one test article; tests copy it."""
    path = tmp_path_factory.mktemp("hostile") / "claims.db"
    result = run_cli("load", seed_article_path, OTHER_ARTICLE, "--db", path)
    assert result.exit_code == 0, result.stderr
    return path


@pytest.fixture
def db(loaded: Path, tmp_path: Path) -> Path:
    path = tmp_path / "claims.db"
    shutil.copy(loaded, path)
    return path


def assert_refused(result: CliResult, *lines: str) -> None:
    """Exit 1, nothing on stdout, and stderr is exactly these one-line messages."""
    assert result.exit_code == 1, result
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"claimtrack: error: {line}" for line in lines]


def rows(path: Path, table: str) -> set[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return set(connection.execute(f"SELECT * FROM {table}"))
    finally:
        connection.close()


def article_row(path: Path, slug: str) -> dict[str, object]:
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        found = connection.execute(
            "SELECT * FROM articles WHERE slug LIKE ? || '%'", [slug]
        ).fetchall()
        assert len(found) == 1, f"one article {slug}"
        article = dict(found[0])
        claims = connection.execute(
            "SELECT quote_text, quote_start, quote_end FROM claims WHERE article_id = ?",
            [article["id"]],
        ).fetchall()
        article["claims"] = [tuple(claim) for claim in claims]
        return article
    finally:
        connection.close()


def test_the_corpus_is_what_the_cases_name() -> None:
    names = sorted(path.stem for path in HOSTILE.glob("*.json"))
    assert names == sorted([*REFUSED, *LOADED, "duplicate-slug-b"])


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_with_one_line_and_nothing_changes(db: Path, name: str) -> None:
    before = dump_database(db)
    file = HOSTILE / f"{name}.json"
    assert_refused(run_cli("load", file, "--db", db), f"{file}: {REFUSED[name]}")
    assert dump_database(db) == before


@pytest.mark.parametrize("name", list(LOADED))
def test_loaded_as_given_and_nothing_is_lost(db: Path, name: str) -> None:
    articles, claims = rows(db, "articles"), rows(db, "claims")
    file = HOSTILE / f"{name}.json"
    result = run_cli("load", file, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert rows(db, "articles") >= articles and rows(db, "claims") >= claims
    given = json.loads(file.read_text(encoding="utf-8-sig"))
    stored = article_row(db, LOADED[name])
    assert (stored["title"], stored["body"]) == (given["title"].strip(), given["body"])
    assert stored["publisher"] == given.get("publisher")
    assert stored["claims"], "every loaded case has an attributed sentence"
    quotes: list[tuple[str, int, int]] = stored["claims"]  # type: ignore[assignment]
    assert all(given["body"][start:end] == text for text, start, end in quotes)


def test_rtl_emoji_and_korean_come_back_through_the_api(db: Path) -> None:
    file = HOSTILE / "right-to-left-emoji-korean.json"
    assert run_cli("load", file, "--db", db).exit_code == 0
    given = json.loads(file.read_text(encoding="utf-8"))
    with TestClient(create_app(database_url(db))) as client:
        response = client.get("/api/articles/rtl-emoji-korean")
        page = client.get("/articles/rtl-emoji-korean")
    assert response.status_code == 200, response.text
    article = response.json()["article"]
    assert (article["title"], article["body"]) == (given["title"], given["body"])
    assert page.status_code == 200 and "서울 says 🚀" in page.text and "עברית" in page.text


def test_one_slug_in_two_files_is_refused(db: Path) -> None:
    before = dump_database(db)
    first, second = HOSTILE / "duplicate-slug-a.json", HOSTILE / "duplicate-slug-b.json"
    assert_refused(
        run_cli("load", first, second, "--db", db),
        f"{second}: slug 'border-twice' is also used by {first}",
    )
    assert dump_database(db) == before


def test_the_whole_corpus_in_a_real_process_names_every_bad_file(db: Path) -> None:
    before = dump_database(db)
    result = run_cli_subprocess("load", HOSTILE, "--db", db)
    assert "Traceback" not in result.stderr
    second = HOSTILE / "duplicate-slug-b.json"
    problems = {HOSTILE / f"{name}.json": problem for name, problem in REFUSED.items()}
    problems[second] = f"slug 'border-twice' is also used by {HOSTILE / 'duplicate-slug-a.json'}"
    assert_refused(
        result,
        *[f"{path}: {problems[path]}" for path in sorted(problems)],
        f"{len(problems)} inputs have problems; nothing was loaded",
    )
    assert dump_database(db) == before


def write_article(path: Path, **fields: object) -> Path:
    data = {"title": "Generated", "published": "2024-11-20", **fields}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


CLAIM_PARAGRAPH = "NATO said on Monday that Russia has sent {n} soldiers to the border."


def test_a_20_mb_body_is_refused_unread(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    file = write_article(tmp_path / "huge.json", body="word " * 4_000_000)
    size = file.stat().st_size / 2**20
    assert size > 19
    assert_refused(
        run_cli("load", file, "--db", db), f"{file}: file is too big ({size:.1f} MB; at most 5 MB)"
    )
    assert dump_database(db) == before


def test_a_body_over_the_limit_is_refused(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    file = write_article(tmp_path / "long.json", body="x" * 200_001)
    expected = 'field "body" is too long (200,001 characters; at most 200,000)'
    assert_refused(run_cli("load", file, "--db", db), f"{file}: {expected}")
    assert dump_database(db) == before


def test_thousands_of_claims_in_one_article_load(db: Path, tmp_path: Path) -> None:
    paragraphs = [CLAIM_PARAGRAPH.format(n=1000 + n) for n in range(2500)]
    body = "\n\n".join(paragraphs)
    assert len(body) <= 200_000
    file = write_article(tmp_path / "many.json", slug="many-claims", body=body)
    claims = rows(db, "claims")
    result = run_cli("load", file, "--db", db)
    assert result.exit_code == 0, result.stderr
    stored = article_row(db, "many-claims")
    quotes: list[tuple[str, int, int]] = stored["claims"]  # type: ignore[assignment]
    assert len(quotes) == len(paragraphs), "one claim per paragraph"
    assert all(body[start:end] == text for text, start, end in quotes)
    assert rows(db, "claims") >= claims


def test_deep_nesting_and_huge_numbers_are_refused(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    deep = tmp_path / "deep.json"
    deep.write_text('{"title": "x", "body": "y", "n": ' + "[" * 100_000 + "]" * 100_000 + "}")
    digits = tmp_path / "digits.json"
    digits.write_text('{"title": "x", "body": "y", "n": ' + "9" * 5000 + "}")
    assert_refused(
        run_cli("load", deep, digits, "--db", db),
        f"{deep}: invalid JSON: nested too deeply",
        f"{digits}: invalid JSON: a number has too many digits",
        "2 inputs have problems; nothing was loaded",
    )
    assert dump_database(db) == before


def test_fields_over_their_limits_are_refused(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    body = "NATO said on Monday that troops left."
    title = write_article(tmp_path / "title.json", title="T" * 501, body=body)
    url = write_article(tmp_path / "url.json", url="https://example.org/" + "a" * 2000, body=body)
    assert_refused(
        run_cli("load", title, url, "--db", db),
        f'{title}: field "title" is too long (501 characters; at most 500)',
        f'{url}: field "url" is too long (2,020 characters; at most 2,000)',
        "2 inputs have problems; nothing was loaded",
    )
    assert dump_database(db) == before


def test_tomorrow_is_accepted_the_day_after_is_not(db: Path, tmp_path: Path) -> None:
    body = "NATO said on Monday that troops left."
    tomorrow, later = TODAY + timedelta(days=1), TODAY + timedelta(days=2)
    late = write_article(tmp_path / "late.json", slug="later", published=str(later), body=body)
    before = dump_database(db)
    expected = f'field "published": {later} is in the future (today is {TODAY} UTC)'
    assert_refused(run_cli("load", late, "--db", db), f"{late}: {expected}")
    assert dump_database(db) == before
    soon = write_article(tmp_path / "soon.json", slug="soon", published=str(tomorrow), body=body)
    assert run_cli("load", soon, "--db", db).exit_code == 0
    assert article_row(db, "soon")["published"] == str(tomorrow)


def test_a_file_name_with_a_newline_still_gives_one_line(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    file = tmp_path / "bad\nname.json"
    file.write_text("{", encoding="utf-8")
    result = run_cli("load", file, "--db", db)
    shown = ascii(str(file))
    assert_refused(
        result,
        f"{shown}: invalid JSON at line 1, column 2: Expecting property name enclosed in double quotes",
    )
    assert dump_database(db) == before
