"""The loader: stable ids, idempotent reloads, all-or-nothing runs, said-on ranges, search."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

import app.storage.load as loader
from app.articles import article_slug
from app.cli import load_files
from app.extraction.model import DatePoint
from app.storage.db import DatabaseError, database_url, make_engine
from tests.conftest import dump_database, run_cli

OTHER_ARTICLE = {
    "title": "Warsaw doubles its order for air defence batteries",
    "publisher": "Test Wire",
    "url": "https://example.org/warsaw-air-defence",
    "published": "2024-09-03",
    "body": (
        "Poland will double its order of Patriot air defence batteries, "
        "the defence ministry announced on Monday.\n\n"
        "Officials in Warsaw said that the first deliveries are expected in 2026."
    ),
}
TABLE_KEYS = [
    ("articles", "slug"),
    ("sources", "slug"),
    ("entities", "slug"),
    ("topics", "slug"),
    ("claims", "id"),
    ("claim_sources", "claim_id, source_id"),
    ("claim_topics", "claim_id, topic_id"),
]
SEED_CLAIMS = (
    "SELECT claims.* FROM claims JOIN articles ON articles.id = claims.article_id "
    "WHERE articles.slug = 'oil-and-air-defence-how-russia-is-paying-north-korea-for-its-troops' "
    "ORDER BY claims.id"
)


def write_article(folder: Path, name: str, data: dict[str, object]) -> Path:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def query(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def claim_ids(db: Path) -> set[str]:
    return {row[0] for row in query(db, "SELECT id FROM claims")}


def logical_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, and the words in the full-text index, in key order."""
    rows = {name: query(db, f"SELECT * FROM {name} ORDER BY {key}") for name, key in TABLE_KEYS}
    rows["claims_fts"] = query(db, "SELECT * FROM claims_fts ORDER BY claim_id")
    return rows


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


def test_seed_slug_comes_from_its_title(loaded_db_path: Path) -> None:
    slugs = {row[0] for row in query(loaded_db_path, "SELECT slug FROM articles")}
    assert "oil-and-air-defence-how-russia-is-paying-north-korea-for-its-troops" in slugs


def test_article_slug() -> None:
    assert article_slug("Kyïv: Zelensky’s “victory plan”, part 2/3") == (
        "kyiv-zelenskys-victory-plan-part-2-3"
    )
    assert article_slug("South Korea's NIS") == "south-koreas-nis"
    assert article_slug("Déjà vu in Čačak") == "deja-vu-in-cacak"
    assert re.fullmatch(r"article-[0-9a-f]{12}", article_slug("Нафта і ППО"))
    assert article_slug("...") != article_slug("!!!")
    long = article_slug("word " * 40)
    assert len(long) <= 80 and long.endswith("word") and not long.startswith("-")


def test_reloading_the_seed_keeps_every_row_and_id(db: Path, seed_article_path: Path) -> None:
    load_files([seed_article_path], database_url(db))
    before = logical_rows(db)
    assert before["claims"], "the seed has claims"

    summary = load_files([seed_article_path], database_url(db))  # unchanged: skipped
    assert [a.unchanged for a in summary.articles] == [True]
    assert logical_rows(db) == before

    query_db = sqlite3.connect(db)  # make it look changed, so its claims are rewritten
    with query_db:
        query_db.execute("UPDATE articles SET content_hash = 'stale'")
    query_db.close()
    summary = load_files([seed_article_path], database_url(db))
    assert [a.unchanged for a in summary.articles] == [False]
    assert logical_rows(db) == before


def test_loading_another_article_keeps_existing_ids(
    db: Path, tmp_path: Path, seed_article_path: Path, test_article_paths: list[Path]
) -> None:
    load_files([seed_article_path], database_url(db))
    seed_ids = claim_ids(db)
    seed_claims = query(db, SEED_CLAIMS)
    other = write_article(tmp_path, "warsaw.json", OTHER_ARTICLE)

    load_files([other, *test_article_paths], database_url(db))
    assert seed_ids < claim_ids(db)
    assert query(db, SEED_CLAIMS) == seed_claims

    load_files([seed_article_path, other], database_url(db))
    assert seed_ids < claim_ids(db)


def test_a_changed_article_that_drops_a_source_reloads(db: Path, tmp_path: Path) -> None:
    # Two sentences, two sources; the new version keeps only NATO's, so Tokyo, its
    # claim and its counts go, and nothing stale is left in the summaries.
    article = {
        "title": "Two capitals",
        "published": "2024-01-02",
        "body": "NATO said that Russia attacked Kyiv. Tokyo said that Moscow invaded Ukraine.",
    }
    path = write_article(tmp_path, "two.json", article)
    load_files([path], database_url(db))
    assert query(db, "SELECT slug FROM sources ORDER BY slug") == [("nato",), ("tokyo",)]
    write_article(tmp_path, "two.json", {**article, "body": "NATO said that Russia attacked Kyiv."})
    result = run_cli("load", path, "--db", db)
    assert result.exit_code == 0, result.stderr
    assert query(db, "SELECT slug FROM sources") == [("nato",)]
    stats = "SELECT s.slug, t.claims FROM source_stats t JOIN sources s ON s.id = t.source_id"
    assert query(db, stats) == [("nato", 1)]
    assert query(db, "SELECT stance, claims FROM stance_stats") == [("asserted", 1)]


def test_a_file_named_twice_is_loaded_once(db: Path, tmp_path: Path) -> None:
    path = write_article(tmp_path, "warsaw.json", OTHER_ARTICLE)
    summary = load_files([path, tmp_path, tmp_path / "." / "warsaw.json"], database_url(db))
    assert [article.slug for article in summary.articles] == [
        "warsaw-doubles-its-order-for-air-defence-batteries"
    ]


def test_failure_in_the_middle_of_writing_changes_nothing(
    db: Path, tmp_path: Path, seed_article_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write_article(tmp_path, "warsaw.json", OTHER_ARTICLE)
    load_files([first], database_url(db))
    before = dump_database(db)
    second = write_article(tmp_path, "changed.json", {**OTHER_ARTICLE, "body": "Warsaw said so."})
    real_insert = loader.insert_claim
    calls = []

    def failing_insert(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk on fire")
        real_insert(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "insert_claim", failing_insert)
    with pytest.raises(RuntimeError, match="disk on fire"):
        load_files([seed_article_path, second], database_url(db))
    assert len(calls) == 3, "the failure came after claims had been written"
    assert dump_database(db) == before


def test_failed_first_load_leaves_no_database(
    db: Path, seed_article_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_insert(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(loader, "insert_claim", failing_insert)
    with pytest.raises(RuntimeError):
        load_files([seed_article_path], database_url(db))
    assert not db.exists()


@pytest.mark.parametrize(
    ("date", "precision", "start", "end"),
    [
        ("2024-11-22", "day", "2024-11-22", "2024-11-22"),
        ("2024-10", "month", "2024-10-01", "2024-10-31"),
        ("2024-02", "month", "2024-02-01", "2024-02-29"),
        ("2023-02", "month", "2023-02-01", "2023-02-28"),
        ("2024", "year", "2024-01-01", "2024-12-31"),
        ("2024-11-22", "before", None, "2024-11-22"),
        ("2024-11", "before", None, "2024-11-30"),
        (None, "unknown", None, None),
    ],
)
def test_said_on_range(
    date: str | None, precision: str, start: str | None, end: str | None
) -> None:
    assert loader.said_on_range(DatePoint(date, precision)) == (start, end)


def test_stored_said_on_ranges_agree_with_said_on(loaded_db_path: Path) -> None:
    rows = query(
        loaded_db_path, "SELECT said_on, said_on_precision, said_on_start, said_on_end FROM claims"
    )
    for said_on, precision, start, end in rows:
        assert (start, end) == loader.said_on_range(DatePoint(said_on, precision)), said_on


def test_sources_keep_kind_and_aliases(loaded_db_path: Path) -> None:
    rows = query(loaded_db_path, "SELECT slug, kind, aliases FROM sources")
    assert rows
    for slug, kind, aliases in rows:
        assert kind in {
            "government",
            "organisation",
            "outlet",
            "group",
            "unattributed",
            "unresolved",
        }, slug
        assert isinstance(json.loads(aliases), list), slug


def test_full_text_index_has_every_claim(loaded_db_path: Path) -> None:
    claims = query(loaded_db_path, "SELECT id, assertion, quote_text FROM claims ORDER BY id")
    indexed = query(
        loaded_db_path, "SELECT claim_id, assertion, quote FROM claims_fts ORDER BY claim_id"
    )
    assert indexed == claims


def test_full_text_search_finds_words(loaded_db_path: Path) -> None:
    claims = query(loaded_db_path, "SELECT id, assertion || ' ' || quote_text FROM claims")
    expected = {claim_id for claim_id, words in claims if re.search(r"\boil\b", words, re.I)}
    assert expected, "the seed speaks of oil"
    found = query(
        loaded_db_path,
        "SELECT claim_id, snippet(claims_fts, 2, '[', ']', '…', 8) FROM claims_fts "
        "WHERE claims_fts MATCH ? ORDER BY bm25(claims_fts)",
        "oil",
    )
    assert {claim_id for claim_id, _ in found} == expected


def test_progress_bar_only_for_large_runs(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(51):
        write_article(folder, f"{number:02d}.json", {**OTHER_ARTICLE, "title": f"Report {number}"})
    small = run_cli("load", folder / "00.json", "--db", db)
    assert small.exit_code == 0, small.stderr
    assert small.stderr == ""
    large = run_cli("load", folder, "--db", db)
    assert large.exit_code == 0, large.stderr
    assert "51/51" in large.stderr and "article/s" in large.stderr


def test_read_only_engine_cannot_write(tmp_path: Path, loaded_db_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(loaded_db_path, copy)
    engine = make_engine(database_url(copy), read_only=True)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM claims")).scalar_one() > 0
        with pytest.raises(OperationalError, match="readonly"):
            connection.execute(text("DELETE FROM claims"))
    engine.dispose()


def test_a_reading_connection_sees_one_state_of_the_database(
    tmp_path: Path, loaded_db_path: Path
) -> None:
    # A page is built from several queries on one connection: a load must not commit
    # between them, or the page would mix the database before and after it.
    copy = tmp_path / "copy.db"
    shutil.copy(loaded_db_path, copy)
    engine = make_engine(database_url(copy), read_only=True)
    writer = sqlite3.connect(copy, timeout=0.2)
    with engine.connect() as connection:
        count = text("SELECT count(*) FROM claim_topics")
        before = connection.execute(count).scalar_one()
        assert before > 0
        writer.execute("DELETE FROM claim_topics")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            writer.commit()
        assert connection.execute(count).scalar_one() == before
    writer.commit()  # once the reader is done, the writer commits
    writer.close()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM claim_topics")).scalar_one() == 0
    engine.dispose()


def test_read_only_engine_needs_an_existing_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="no database here yet"):
        make_engine(database_url(tmp_path / "none.db"), read_only=True)
    assert not (tmp_path / "none.db").exists()


def test_forms_offer_the_sources_and_actors_with_most_claims(
    db: Path, seed_article_path: Path
) -> None:
    from collections import Counter

    from app.storage.queries import all_names
    from tests.test_extraction_seed import EXPECTED

    load_files([seed_article_path], database_url(db))
    # From the seed's claims as read by hand: Seoul is named by the most claims, then
    # the article's own narration (unattributed); North Korea then Russia act the most.
    sources = Counter(source for _, names, *_ in EXPECTED for source in names or ["Unattributed"])
    actors = Counter(actor for _, _, _, actor, *_ in EXPECTED if actor)
    assert [name for name, _ in sources.most_common(2)] == ["Seoul", "Unattributed"]
    assert [name for name, _ in actors.most_common(2)] == ["North Korea", "Russia"]
    engine = make_engine(database_url(db), read_only=True)
    with engine.connect() as connection:
        offered = all_names(connection, "sources", limit=2)
        assert offered == [("seoul", "Seoul"), ("unattributed", "Unattributed")]
        offered = all_names(connection, "entities", limit=2)
        assert offered == [("north-korea", "North Korea"), ("russia", "Russia")]
        assert len(all_names(connection, "sources")) == len(sources)
    engine.dispose()
