"""Bad input gets a one-line message naming the file and the problem, exit 1, and no change.

Each case loads into a copy of a database that already holds the seed, and compares a
full dump of that database before and after.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import CliResult, dump_database, run_cli, run_cli_subprocess

GOOD_ARTICLE = {
    "title": "Helsinki says border crossings will stay shut",
    "publisher": "Test Wire",
    "url": "https://example.org/helsinki-border",
    "published": "2024-11-20",
    "language": "en",
    "body": (
        "Finland will keep its eastern border crossings closed until further notice, "
        "the interior minister said on Tuesday.\n\n"
        "According to the Finnish Border Guard, more than 1,300 people crossed last winter."
    ),
}


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory, seed_article_path: Path) -> Path:
    """A database holding only the seed; tests copy it before loading into it."""
    path = tmp_path_factory.mktemp("seeded") / "claims.db"
    result = run_cli("load", seed_article_path, "--db", path)
    assert result.exit_code == 0, result.stderr
    return path


@pytest.fixture
def db(seeded_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "claims.db"
    shutil.copy(seeded_db, path)
    return path


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def article(**changes: object) -> dict[str, object]:
    """The good article with fields changed; a value of ... removes the field."""
    data = {**GOOD_ARTICLE, **changes}
    return {key: value for key, value in data.items() if value is not ...}


def assert_refused(result: CliResult, *lines: str) -> None:
    """Exit 1, and stderr is exactly these one-line messages (no traceback)."""
    assert result.exit_code == 1, result
    assert result.stdout == ""
    assert result.stderr.splitlines() == list(lines), result.stderr


def load(db: Path, *paths: Path) -> CliResult:
    return run_cli("load", *paths, "--db", db)


def test_missing_file(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    missing = tmp_path / "nowhere.json"
    assert_refused(load(db, missing), f"claimtrack: error: {missing}: no such file or folder")
    assert dump_database(db) == before


def test_malformed_json_names_line_and_column(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    bad = tmp_path / "broken.json"
    # Line 3 lacks the colon after "body"; its value starts in column 10.
    bad.write_text('{\n  "title": "x",\n  "body" "y"\n}\n', encoding="utf-8")
    assert_refused(
        load(db, bad),
        f"claimtrack: error: {bad}: invalid JSON at line 3, column 10: Expecting ':' delimiter",
    )
    assert dump_database(db) == before


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (article(published=...), 'missing field "published"'),
        (article(title=...), 'missing field "title"'),
        (article(body=...), 'missing field "body"'),
        (article(title=42), 'field "title" must be a string, got a number'),
        (article(body=["one", "two"]), 'field "body" must be a string, got a list'),
        (article(published=20241120), 'field "published" must be a string, got a number'),
        (article(url={"href": "x"}), 'field "url" must be a string, got an object'),
        (article(title=None), 'field "title" is null'),
        (article(body=""), 'field "body" is empty'),
        (article(body="  \n\n\t "), 'field "body" is empty'),
        (
            article(published="2024-02-30"),
            'field "published": 2024-02-30 is not a real date (day is out of range for month)',
        ),
        (
            article(published="2023-13-01"),
            'field "published": 2023-13-01 is not a real date (month must be in 1..12)',
        ),
        (
            article(published="20 November 2024"),
            "field \"published\" must be a date YYYY-MM-DD, got '20 November 2024'",
        ),
        (
            article(slug="../etc/passwd"),
            "field \"slug\" must be lowercase letters, digits and hyphens, got '../etc/passwd'",
        ),
        ([GOOD_ARTICLE], "expected a JSON object, got a list"),
    ],
)
def test_bad_field(db: Path, tmp_path: Path, data: object, problem: str) -> None:
    before = dump_database(db)
    bad = write_json(tmp_path / "bad.json", data)
    assert_refused(load(db, bad), f"claimtrack: error: {bad}: {problem}")
    assert dump_database(db) == before


def test_not_utf8(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    bad = tmp_path / "latin1.json"
    text = json.dumps(article(title="Kyiv’s café"), ensure_ascii=False).replace("’", "'")
    bad.write_bytes(text.encode("latin-1"))
    offset = text.index("é")  # all characters before it are ASCII: one byte each
    assert_refused(
        load(db, bad),
        f"claimtrack: error: {bad}: not UTF-8 text (byte 0xe9 at offset {offset})",
    )
    assert dump_database(db) == before


def test_folder_with_no_articles(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.txt").write_text("not an article", encoding="utf-8")
    assert_refused(
        load(db, folder),
        f"claimtrack: error: {folder}: folder has no article files (*.json, *.html, *.htm, *.html.gz)",
    )
    assert dump_database(db) == before


def test_every_bad_file_is_named_and_nothing_is_loaded(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    folder = tmp_path / "batch"
    folder.mkdir()
    write_json(folder / "a_good.json", GOOD_ARTICLE)
    write_json(folder / "b_no_title.json", article(title=..., slug="other"))
    write_json(folder / "c_good.json", article(slug="third", title="Another good one"))
    write_json(folder / "d_bad_date.json", article(published="2024-04-31", slug="fourth"))
    missing = tmp_path / "missing.json"
    assert_refused(
        load(db, folder, missing),
        f"claimtrack: error: {missing}: no such file or folder",
        f'claimtrack: error: {folder / "b_no_title.json"}: missing field "title"',
        f'claimtrack: error: {folder / "d_bad_date.json"}: field "published": 2024-04-31 '
        "is not a real date (day is out of range for month)",
        "claimtrack: error: 3 inputs have problems; nothing was loaded",
    )
    assert dump_database(db) == before


def test_two_files_with_one_slug(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    first = write_json(tmp_path / "first.json", GOOD_ARTICLE)
    second = write_json(tmp_path / "second.json", article(body="Different words, same title."))
    slug = "helsinki-says-border-crossings-will-stay-shut"
    assert_refused(
        load(db, first, second),
        f"claimtrack: error: {second}: slug '{slug}' is also used by {first}",
    )
    assert dump_database(db) == before


def test_bad_input_creates_no_database(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    bad = write_json(tmp_path / "bad.json", article(body=" "))
    assert_refused(load(db, bad), f'claimtrack: error: {bad}: field "body" is empty')
    assert not db.exists()


def test_bad_input_in_a_real_process_prints_no_traceback(db: Path, tmp_path: Path) -> None:
    before = dump_database(db)
    bad = tmp_path / "broken.json"
    bad.write_text('{"title": "x",', encoding="utf-8")
    result = run_cli_subprocess("load", bad, "--db", db)
    assert_refused(
        result,
        f"claimtrack: error: {bad}: invalid JSON at line 1, column 15: "
        "Expecting property name enclosed in double quotes",
    )
    assert dump_database(db) == before


def test_unknown_kind_of_database() -> None:
    result = run_cli("claims", "--db", "nosuchdriver://x")
    assert_refused(
        result,
        "claimtrack: error: nosuchdriver://x: cannot open this kind of database "
        "(Can't load plugin: sqlalchemy.dialects:nosuchdriver)",
    )


def test_missing_database_for_reading(tmp_path: Path) -> None:
    db = tmp_path / "absent.db"
    result = run_cli("claims", "--db", db)
    assert_refused(
        result, f"claimtrack: error: {db}: no database here yet (run `claimtrack load` first)"
    )
    assert not db.exists()


def test_file_that_is_not_a_database(tmp_path: Path, seed_article_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("just some notes\n" * 100, encoding="utf-8")
    result = load(db, seed_article_path)
    assert_refused(result, f"claimtrack: error: {db}: file is not a database")
    assert db.read_text(encoding="utf-8") == "just some notes\n" * 100
