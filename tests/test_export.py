"""`claimtrack export`: the claim shape of docs/claims.md, field by field, in jsonl, json and csv."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app.extraction.model import PRECISIONS, STANCES
from app.storage.db import make_engine
from app.storage.queries import ClaimFilters, ClaimOut, claim_dict, iter_claims
from tests.conftest import run_cli, sqlite_url

SEED_SLUG = "oil-and-air-defence-how-russia-is-paying-north-korea-for-its-troops"
CLAIM_KEYS = {
    "id", "url", "assertion", "quote", "sources", "speaker", "actor", "target", "topics",
    "stance", "said_on", "event_period", "article",
}  # fmt: skip
DATE_FORMS = {
    "day": r"\d{4}-\d{2}-\d{2}",
    "month": r"\d{4}-\d{2}",
    "year": r"\d{4}",
}
ANY_DATE = "|".join(DATE_FORMS.values())
CSV_HEADER = [
    "id", "url", "assertion", "stance", "sources", "source_slugs", "speaker_name",
    "speaker_role", "actor", "actor_slug", "target", "target_slug", "topics", "topic_slugs",
    "said_on_date", "said_on_precision", "event_start", "event_end", "quote_text",
    "quote_start", "quote_end", "article_slug", "article_title", "article_url",
    "article_published",
]  # fmt: skip


def query(db: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def export(db: Path, *args: str) -> str:
    result = run_cli("export", "--db", str(db), *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def exported(loaded_db_path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in export(loaded_db_path).splitlines()]


def is_date(value: object, precision: str) -> bool:
    pattern = ANY_DATE if precision == "before" else DATE_FORMS[precision]
    return isinstance(value, str) and re.fullmatch(pattern, value) is not None


def test_every_claim_is_exported_once(loaded_db_path: Path, exported: list[dict]) -> None:
    ids = sorted(row[0] for row in query(loaded_db_path, "SELECT id FROM claims"))
    assert sorted(claim["id"] for claim in exported) == ids


def test_claim_shape(exported: list[dict[str, Any]]) -> None:
    for claim in exported:
        assert set(claim) == CLAIM_KEYS, claim["id"]
        assert isinstance(claim["id"], str) and claim["id"]
        assert claim["url"] == f"/claims/{claim['id']}"
        assert isinstance(claim["assertion"], str) and claim["assertion"].strip()
        assert claim["stance"] in STANCES
        assert set(claim["quote"]) == {"text", "start", "end", "prefix", "suffix"}
        assert isinstance(claim["quote"]["start"], int) and isinstance(claim["quote"]["end"], int)
        assert claim["sources"], "every claim has a source"
        for source in claim["sources"]:
            assert set(source) == {"slug", "label", "kind"}
            assert all(isinstance(value, str) and value for value in source.values())
        for topic in claim["topics"]:
            assert set(topic) == {"slug", "label"}
        for key in ("actor", "target"):
            assert claim[key] is None or set(claim[key]) == {"slug", "label"}
        if claim["speaker"] is not None:
            assert set(claim["speaker"]) == {"name", "role"}
            assert isinstance(claim["speaker"]["name"], str)


def test_said_on_and_event_period_forms(exported: list[dict[str, Any]]) -> None:
    for claim in exported:
        said_on = claim["said_on"]
        assert set(said_on) == {"date", "precision"}
        assert said_on["precision"] in PRECISIONS
        if said_on["precision"] == "unknown":
            assert said_on["date"] is None
        else:
            assert is_date(said_on["date"], said_on["precision"]), said_on
        period = claim["event_period"]
        if period is not None:
            assert set(period) == {"start", "end"}
            assert re.fullmatch(ANY_DATE, period["start"]), period
            assert re.fullmatch(ANY_DATE, period["end"]), period


def test_quotes_are_the_stored_body_words(loaded_db_path: Path, exported: list[dict]) -> None:
    bodies = dict(query(loaded_db_path, "SELECT slug, body FROM articles"))
    for claim in exported:
        quote, body = claim["quote"], bodies[claim["article"]["slug"]]
        assert body[quote["start"] : quote["end"]] == quote["text"], claim["id"]
        assert body[: quote["start"]].endswith(quote["prefix"])
        assert body[quote["end"] :].startswith(quote["suffix"])


def test_article_fields_come_from_the_article_file(
    exported: list[dict[str, Any]], seed_article_path: Path
) -> None:
    seed = json.loads(seed_article_path.read_text(encoding="utf-8"))
    seed_claims = [claim for claim in exported if claim["article"]["slug"] == SEED_SLUG]
    assert seed_claims
    for claim in seed_claims:
        assert claim["article"] == {
            "slug": SEED_SLUG,
            "title": seed["title"],
            "url": seed["url"],
            "published": seed["published"],
        }


def test_seed_claims_keep_the_seed_facts(exported: list[dict[str, Any]]) -> None:
    """Facts read from the seed: Shin Won-sik speaks for Seoul on Friday 22 November 2024."""
    opening = "Russia has supplied North Korea with anti-aircraft missiles"
    [first] = [claim for claim in exported if claim["quote"]["text"].startswith(opening)]
    assert [s["slug"] for s in first["sources"]] == ["seoul"]
    assert first["speaker"] == {
        "name": "Shin Won-sik",
        "role": "head of South Korea's National Security Office",
    }
    assert first["said_on"] == {"date": "2024-11-22", "precision": "day"}
    assert first["actor"] == {"slug": "russia", "label": "Russia"}
    assert first["target"] == {"slug": "north-korea", "label": "North Korea"}


def test_json_is_the_same_list(loaded_db_path: Path, exported: list[dict]) -> None:
    assert json.loads(export(loaded_db_path, "--format", "json")) == exported


def test_csv_has_a_header_and_a_row_per_claim(loaded_db_path: Path, exported: list[dict]) -> None:
    rows = list(csv.DictReader(io.StringIO(export(loaded_db_path, "--format", "csv"))))
    text = export(loaded_db_path, "--format", "csv")
    assert text.splitlines()[0].split(",") == CSV_HEADER
    assert len(rows) == len(exported)
    for row, claim in zip(rows, exported, strict=True):
        assert row["id"] == claim["id"]
        assert row["sources"] == "; ".join(s["label"] for s in claim["sources"])
        assert row["source_slugs"] == "; ".join(s["slug"] for s in claim["sources"])
        assert row["topic_slugs"] == "; ".join(t["slug"] for t in claim["topics"])
        assert row["said_on_precision"] == claim["said_on"]["precision"]
        assert row["said_on_date"] == (claim["said_on"]["date"] or "")
        assert row["speaker_name"] == ((claim["speaker"] or {}).get("name") or "")
        assert row["quote_text"] == claim["quote"]["text"]
        assert int(row["quote_start"]) == claim["quote"]["start"]
        assert row["article_slug"] == claim["article"]["slug"]


def claims_of_source(db: Path, slug: str) -> list[str]:
    sql = (
        "SELECT claim_id FROM claim_sources JOIN sources ON sources.id = source_id "
        "WHERE sources.slug = ?"
    )
    return sorted(row[0] for row in query(db, sql, slug))


@pytest.mark.parametrize("name", ["seoul", "SEOUL", "Seoul", "south korea", "South Korea"])
def test_source_by_slug_label_or_alias(loaded_db_path: Path, name: str) -> None:
    lines = export(loaded_db_path, "--source", name).splitlines()
    ids = sorted(json.loads(line)["id"] for line in lines)
    assert ids and ids == claims_of_source(loaded_db_path, "seoul")


def test_several_sources_and_a_topic(loaded_db_path: Path) -> None:
    lines = export(loaded_db_path, "--source", "nato", "--source", "Washington").splitlines()
    expected = claims_of_source(loaded_db_path, "nato") + claims_of_source(
        loaded_db_path, "washington"
    )
    assert sorted(json.loads(line)["id"] for line in lines) == sorted(set(expected))

    sql = (
        "SELECT claim_id FROM claim_topics JOIN topics ON topics.id = topic_id "
        "WHERE topics.slug = 'arms-transfers'"
    )
    on_topic = sorted(row[0] for row in query(loaded_db_path, sql))
    lines = export(loaded_db_path, "--topic", "Arms Transfers").splitlines()
    assert on_topic and sorted(json.loads(line)["id"] for line in lines) == on_topic


def test_unknown_source_is_an_error(loaded_db_path: Path) -> None:
    result = run_cli("export", "--db", str(loaded_db_path), "--source", "Atlantis")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("claimtrack: error: no source named 'Atlantis' (known: ")
    assert len(result.stderr.splitlines()) == 1


def test_unknown_topic_is_an_error(loaded_db_path: Path) -> None:
    result = run_cli("export", "--db", str(loaded_db_path), "--topic", "weather")
    assert result.exit_code == 1
    assert result.stderr.startswith("claimtrack: error: no topic named 'weather' (known: ")


def test_output_file(loaded_db_path: Path, tmp_path: Path, exported: list[dict]) -> None:
    target = tmp_path / "claims.json"
    result = run_cli(
        "export", "--db", str(loaded_db_path), "--format", "json", "--output", str(target)
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"Wrote {len(exported)} claims to {target}.\n"
    assert json.loads(target.read_text(encoding="utf-8")) == exported


def test_the_api_claim_dict_is_the_documented_model(loaded_db_path: Path) -> None:
    """The API writes `claim_dict` without a model: every claim must read back as a
    `ClaimOut` unchanged (no key missing or extra, no value of another type)."""
    engine = make_engine(sqlite_url(loaded_db_path), read_only=True)
    try:
        with engine.connect() as connection:
            records = list(iter_claims(connection, ClaimFilters()))
    finally:
        engine.dispose()
    assert len(records) == query(loaded_db_path, "SELECT count(*) FROM claims")[0][0]
    for record in records:
        plain = claim_dict(record)
        assert set(plain) == CLAIM_KEYS
        assert ClaimOut.model_validate(plain, strict=True).model_dump() == plain, record.id
