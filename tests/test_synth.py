"""The synthetic corpus: reproducible for a seed, read by the real reader, loaded by the real
loader with the variety the scale benchmarks need."""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.articles import read_articles
from app.cli import load_files, main
from app.synth import generate_articles, write_corpus

ARTICLES = 200


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth") / "corpus"
    write_corpus(generate_articles(ARTICLES, seed=7), folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def loaded(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'synth.db'}"
    load_files([corpus], url)
    return url


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seed_gives_byte_identical_files(corpus: Path, tmp_path: Path) -> None:
    write_corpus(generate_articles(ARTICLES, seed=7), tmp_path / "again", ARTICLES)
    assert _files(tmp_path / "again") == _files(corpus)


def test_other_seed_gives_other_articles() -> None:
    first = list(generate_articles(5, seed=1))
    second = list(generate_articles(5, seed=2))
    assert [a["body"] for a in first] != [a["body"] for a in second]


def test_articles_are_streamed_and_a_prefix_does_not_depend_on_the_count() -> None:
    stream = generate_articles(10**9, seed=3)  # would not fit in memory as a list
    assert [next(stream) for _ in range(3)] == list(generate_articles(3, seed=3))


def test_every_file_is_a_valid_article(corpus: Path) -> None:
    articles = [article for _, article in read_articles([corpus])]
    assert len(articles) == ARTICLES
    years = {article.published.year for article in articles}
    assert years >= {2020, 2022, 2024, 2026}, years
    assert all(article.language == "en" and "\n\n" in article.body for article in articles)


def test_claims_per_article_average_about_ten(loaded: str) -> None:
    claims = _scalar(loaded, "SELECT count(*) FROM claims")
    assert 6 <= claims / ARTICLES <= 14, f"{claims} claims from {ARTICLES} articles"


def test_sources_are_known_and_unresolved(loaded: str) -> None:
    kinds = dict(_rows(loaded, "SELECT kind, count(*) FROM sources GROUP BY kind"))
    assert kinds.keys() >= {"government", "organisation", "group", "unresolved", "unattributed"}
    assert kinds["unresolved"] >= 50, kinds


def test_source_frequency_is_skewed(loaded: str) -> None:
    counts = [
        count
        for _, count in _rows(
            loaded,
            "SELECT s.slug, count(*) FROM claim_sources cs JOIN sources s ON s.id = cs.source_id"
            " WHERE s.kind != 'unattributed' GROUP BY s.slug",
        )
    ]
    assert max(counts) >= 10 * statistics.median(counts), sorted(counts)[-5:]


def test_several_stances_and_topics_occur(loaded: str) -> None:
    stances = Counter(dict(_rows(loaded, "SELECT stance, count(*) FROM claims GROUP BY stance")))
    assert set(stances) >= {"asserted", "reported", "concerned", "believes", "denied", "confirmed"}
    topics = _scalar(loaded, "SELECT count(DISTINCT topic_id) FROM claim_topics")
    assert topics >= 8


def test_some_claims_have_several_sources_and_speakers(loaded: str) -> None:
    several = _scalar(
        loaded,
        "SELECT count(*) FROM (SELECT claim_id FROM claim_sources GROUP BY claim_id"
        " HAVING count(*) > 1)",
    )
    assert several >= 20


def test_cli_refuses_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "old.json").write_text("{}", encoding="utf-8")
    assert main(["synth", "--articles", "3", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("claimtrack: error: ") and err.count("\n") == 1, err
    assert "not empty" in err
    assert [p.name for p in tmp_path.iterdir()] == ["old.json"]


def test_cli_writes_the_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "new"
    assert main(["synth", "--articles", "3", "--out", str(out), "--seed", "5"]) == 0
    assert capsys.readouterr().out == f"Wrote 3 articles to {out} (seed 5).\n"
    assert len(list(out.glob("*.json"))) == 3


def _rows(url: str, sql: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()


def _scalar(url: str, sql: str) -> int:
    return int(_rows(url, sql)[0][0])  # type: ignore[call-overload]


def test_the_corpus_repeats_stories_with_changing_figures_and_denials(corpus: Path) -> None:
    """The same story seed is worded differently in several articles, its figure moves with
    the article's date, and sometimes its actor denies it (read from the files)."""
    bodies = [json.loads(path.read_text(encoding="utf-8"))["body"] for path in corpus.iterdir()]
    story = re.compile(r"(?:has shipped more than|shipped nearly|committed|promised) ")
    denial = re.compile(r"(?:denied that it had|dismissed reports that it had|rejected claims)")
    assert sum(bool(story.search(body)) for body in bodies) >= 10
    assert sum(bool(denial.search(body)) for body in bodies) >= 3


def test_stories_are_grouped_when_the_corpus_is_loaded(loaded: str) -> None:
    sizes = _rows(loaded, "SELECT claims, sources, figures, denials FROM stories")
    assert len(sizes) >= 10, sizes
    assert max(claims for claims, _, _, _ in sizes) >= 3
    assert any(figures for _, _, figures, _ in sizes), "a figure that changed"
    assert any(denials for _, _, _, denials in sizes), "a denial"
