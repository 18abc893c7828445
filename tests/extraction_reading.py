"""Helpers for the extraction tests: read a paragraph as an article, find one claim."""

from __future__ import annotations

from datetime import date

from app.extraction import Article, extract
from app.extraction.model import Claim, ExtractedArticle


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
