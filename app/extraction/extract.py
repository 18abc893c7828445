"""Extraction: an article in, its attributed claims out. Pure: no database, no I/O."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from app.extraction.acronyms import defined_acronyms
from app.extraction.claims import build_claims
from app.extraction.framing import heading_speaker, statement_author
from app.extraction.knowledge import Knowledge, Named, load_knowledge
from app.extraction.mentions import find_mentions
from app.extraction.model import Article, ExtractedArticle, SourceRef
from app.extraction.reader import Reader
from app.extraction.register import Register, a_persons_name, build_register
from app.extraction.research import research_owner
from app.extraction.scrape import debris_patterns, reading_view
from app.extraction.signatures import find_signatures
from app.extraction.text import (
    Span,
    clean_body,
    is_heading,
    paragraphs,
    sentences,
    without_bullet,
    without_dateline,
)
from app.extraction.transcript import Turn, without_label

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
    published_by = _publisher_home(article, knowledge)  # a state's own publication
    reader.context.publisher_state = published_by.source if published_by else None
    reader.context.home = (
        published_by  # wherever it is filed
        or _dateline_home(units, knowledge)
        or _title_home(article, knowledge)
    )
    everything = [sentence for unit in units for sentence in unit.sentences]
    reader.context.register = build_register(everything, knowledge)
    reader.context.count_countries(_states(everything, knowledge, reader.context.register))
    reader.context.research = research_owner(everything, knowledge)
    reader.context.acronyms = defined_acronyms(everything)
    reader.author = statement_author(reader)
    reader.signatures = find_signatures(units, body, reader.context.register, knowledge)
    prose = False  # whether a paragraph of prose has been read yet
    for unit in units:
        if unit.paragraph.start in reader.signatures.lines:
            continue  # "— John Cornyn, U.S. Senator": it signs the paragraph above
        if unit.heading:
            # a bare name on its own line before the first paragraph is a byline, no speaker
            byline = not prose and BARE_NAME.match(unit.paragraph.text.strip()) is not None
            reader.section = None if byline else heading_speaker(reader, unit.paragraph)
            continue
        prose = prose or len(unit.paragraph.text.split()) > BYLINE_WORDS
        signed = reader.signatures.signed.get(unit.paragraph.start)
        if signed is not None:
            reader.read_signed(unit.paragraph, signed)
            continue
        reader.in_list = unit.in_list
        reader.take_turn(unit.turn)
        reader.start_paragraph(unit.paragraph)
        for sentence in unit.sentences:
            reader.read(sentence, unit.paragraph)
        reader.end_paragraph(unit.paragraph, unit.sentences)
    return ExtractedArticle(cleaned, build_claims(cleaned, reader.drafts, knowledge))


def _dateline_home(units: list[Unit], knowledge: Knowledge) -> Named | None:
    """The country the dateline of one of the first paragraphs names."""
    place = next((unit.place for unit in units if unit.place), None)
    return _home(place, knowledge) if place else None


def _title_home(article: Article, knowledge: Knowledge) -> Named | None:
    """The one country a title names ("Gabon: On President Omar Bongo's death")."""
    states = {m.named.source.slug: m.named for m in find_mentions(article.title, knowledge)}
    states = {slug: named for slug, named in states.items() if named.source.kind == "government"}
    return next(iter(states.values())) if len(states) == 1 else None


def _publisher_home(article: Article, knowledge: Knowledge) -> Named | None:
    """A state's own publication ("The White House") is filed from that state."""
    if not article.publisher:
        return None
    named = knowledge.lookup(article.publisher)
    if named is None:  # "American Forces Press Service", "U.S. Central Command": the state's
        first = next(iter(find_mentions(article.publisher, knowledge)), None)
        named = first.named if first is not None and first.start == 0 else None
    return named if named is not None and named.source.kind == "government" else None


def _states(sentences: list[Span], knowledge: Knowledge, register: Register) -> list[SourceRef]:
    """Every state a text names, once per mention ("South African mines", "Seoul"); not a
    word of a person's name ("Judge Sean Jordan" names no Jordan)."""
    mentions = (m for s in sentences for m in find_mentions(s.text, knowledge))
    return [
        m.named.source
        for m in mentions
        if m.named.source.kind == "government" and not a_persons_name(m.text, register)
    ]


@dataclass(frozen=True)
class Unit:
    """A paragraph as the reader takes it: a heading, or prose with its sentences."""

    paragraph: Span
    sentences: list[Span]
    heading: bool = False
    in_list: bool = False  # a list item
    place: str | None = None  # the place its dateline names (only in the first paragraphs)
    turn: Turn | None = None  # the transcript's speaker label or question that opens it


def _paragraphs(reading: str, knowledge: Knowledge) -> Iterator[Unit]:
    """Each heading and each paragraph of prose, in order."""
    for index, paragraph in enumerate(paragraphs(reading)):
        if not paragraph.text:
            continue
        if is_heading(paragraph.text):  # a heading may name who speaks under it
            yield Unit(paragraph, [paragraph], heading=True)
            continue
        paragraph, turn = without_label(paragraph)
        place = _dateline_label(turn, knowledge)
        if place:
            turn = None  # "NEW DELHI: Sowing of kharif crops ...": a dateline, not a speaker
        else:
            paragraph, place = without_dateline(paragraph)
        paragraph, in_list = without_bullet(paragraph)
        place = place if index < DATELINE_REACH else None
        spans = list(sentences(paragraph, knowledge.abbreviations))
        yield Unit(paragraph, spans, in_list=in_list, place=place, turn=turn)


BYLINE_WORDS = 12  # a caption or a dek may stand before the first paragraph; prose is longer
BARE_NAME = re.compile(r"^[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){1,3}$")  # "Margaret Besheer"


def _dateline_label(turn: Turn | None, knowledge: Knowledge) -> str | None:
    """The place a label in capitals names when it is a dateline ("NEW DELHI: ...")."""
    if turn is None or turn.label is None:
        return None
    place = turn.label.title()
    named = knowledge.lookup(place)
    return place if named is not None and named.source.kind == "government" else None
