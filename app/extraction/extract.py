"""Extraction: an article in, its attributed claims out. Pure: no database, no I/O."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from app.extraction.claims import build_claims
from app.extraction.knowledge import Knowledge, Named, load_knowledge
from app.extraction.mentions import find_mentions
from app.extraction.model import Article, ExtractedArticle, SourceRef
from app.extraction.reader import Reader
from app.extraction.register import build_register
from app.extraction.research import research_owner
from app.extraction.scrape import debris_patterns, reading_view
from app.extraction.text import (
    Span,
    clean_body,
    is_heading,
    paragraphs,
    sentences,
    without_bullet,
    without_dateline,
)

DATELINE_REACH = 3  # a dateline opens one of the first paragraphs (a caption may come first)


def _home(place: str, knowledge: Knowledge) -> Named | None:
    """The country a dateline names: "Limón, Panama" is Panama; "San Jose, Calif." none."""
    city, _, where = place.partition(", ")
    if where:
        return knowledge.lookup(where)  # "Calif." names no country: no home
    return knowledge.lookup(city)


def extract(article: Article, knowledge: Knowledge | None = None) -> ExtractedArticle:
    """The article with its body cleaned, and every claim read from it."""
    knowledge = knowledge or load_knowledge()
    body = clean_body(article.body, knowledge.widget_labels)
    cleaned = replace(article, body=body)
    reader = Reader(cleaned, knowledge)
    reading = reading_view(body, debris_patterns(knowledge.scrape))
    units = list(_paragraphs(reading, knowledge))
    for _, _, _, place in units:
        if place:
            reader.context.home = _home(place, knowledge)
            break
    everything = [sentence for _, _, spans, _ in units for sentence in spans]
    reader.context.register = build_register(everything, knowledge)
    reader.context.count_countries(_states(everything, knowledge))
    reader.context.research = research_owner(everything, knowledge)
    for paragraph, in_list, spans, _ in units:
        reader.in_list = in_list
        reader.start_paragraph(paragraph)
        for sentence in spans:
            reader.read(sentence, paragraph)
        reader.end_paragraph(paragraph, spans)
    return ExtractedArticle(cleaned, build_claims(cleaned, reader.drafts, knowledge))


def _states(sentences: list[Span], knowledge: Knowledge) -> list[SourceRef]:
    """Every state a text names, once per mention ("South African mines", "Seoul")."""
    mentions = (m for s in sentences for m in find_mentions(s.text, knowledge))
    return [m.named.source for m in mentions if m.named.source.kind == "government"]


def _paragraphs(
    reading: str, knowledge: Knowledge
) -> Iterator[tuple[Span, bool, list[Span], str | None]]:
    """Each paragraph of prose: the paragraph, whether it is a list item, its sentences, and
    the place its dateline names (only in the first paragraphs)."""
    for index, paragraph in enumerate(paragraphs(reading)):
        if not paragraph.text or is_heading(paragraph.text):
            continue
        paragraph, place = without_dateline(paragraph)
        paragraph, in_list = without_bullet(paragraph)
        place = place if index < DATELINE_REACH else None
        yield paragraph, in_list, list(sentences(paragraph, knowledge.abbreviations)), place
