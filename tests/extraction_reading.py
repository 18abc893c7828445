"""Helpers for the extraction tests: read a paragraph as an article, find one claim, and
every sentence of the articles the repository holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.articles import read_articles
from app.extraction import Article, extract, load_knowledge
from app.extraction.model import Claim, ExtractedArticle
from app.extraction.text import paragraphs, sentences

ROOT = Path(__file__).resolve().parents[1]


def read(
    body: str,
    published: date = date(2026, 11, 19),
    title: str = "Case",
    publisher: str | None = None,
) -> ExtractedArticle:
    article = Article(slug="case", title=title, published=published, body=body, publisher=publisher)
    return extract(article)


def claim(result: ExtractedArticle, words: str) -> Claim:
    """The one claim whose quote has these words."""
    found = [c for c in result.claims if words in c.quote.text]
    assert len(found) == 1, (words, [c.quote.text for c in result.claims])
    return found[0]


def who(result: ExtractedArticle, words: str) -> tuple[list[str], str | None]:
    """The source labels and the speaker of the claim whose quote has these words."""
    found = claim(result, words)
    return [s.label for s in found.sources], found.speaker.name if found.speaker else None


def every_sentence() -> list[str]:
    """Every sentence of the seed, the test articles and the evaluation sets."""
    abbreviations = load_knowledge().abbreviations
    files = [ROOT / "data" / "seed_article.json", ROOT / "tests" / "articles"]
    files += sorted(ROOT.glob("bench/eval_articles*"))
    return [
        sentence.text
        for _, article in read_articles(files)
        for paragraph in paragraphs(article.body)
        for sentence in sentences(paragraph, abbreviations)
    ]
