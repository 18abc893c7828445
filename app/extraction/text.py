"""Text handling: clean a scraped body, split it into paragraphs and sentences with offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
# A sentence ends at . ! ? (maybe followed by closing quotes or brackets), then space,
# then something that can start a sentence; or, where a scrape glued two sentences, with
# no space between a word's last letter and a capitalised word ("trading.The company",
# "the deal.”The ministry"). Every reading starts at the mark, so that the engine skips
# from mark to mark.
SENTENCE_END = re.compile(
    r"[.!?](?:"
    r"[\"'”’)\]]*“?(?=\s+[\"“‘'(\[]{0,2}[A-Z0-9À-Þ])"  # '... press. "[I]ncreasingly'
    r"|(?<=[a-z0-9%à-ÿ].)[\"”’]?(?=[\"“‘]?[A-ZÀ-Þ][a-zà-ÿ])"  # glued: a letter before the mark
    r"|[\"”]?(?=\s\"\s[A-Z0-9À-Þ])"  # a quotation mark set off by spaces: '... regard. " The'
    r")"
)
MISTURNED_CLOSE = re.compile(r"(?<=[.!?,])“(?=\s|$)")  # 'the decision.“ However': a typo
SPACED_QUOTE = re.compile(r'\s"(?=\s)')
DOTTED = re.compile(r"(?:[A-Z]\.)+")  # "F.", "U.S."
TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")", ":", ";", "…")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# "DUBAI, Jan 21 (Reuters) - ", "KYIV (AP) — ": where and who filed the story.
DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ /-]{1,40}?)(?:,\s*(?P<where>[^()\n]{0,40}?))?"
    r"(?:\s*\([^)]{1,40}\))?(?:\s+[-–—]{1,2}\s+|\s*[–—]\s*(?=[A-Z]))"  # "WASHINGTON—The ..."
)
# "Amman- Secretary of State John Kerry announced ...": a city in plain case, its dash glued
GLUED_DATELINE = re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?P<where>)-\s+(?=[A-Z])")
# "15:40 PKT — ": a live blog's time stamp before each entry.
TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[A-Z]{2,5})?\s*[-–—]{1,2}\s+")
LIST_ITEM = re.compile(r"^(?:[-•*▪◦–]|\d{1,2}[.)])\s")


@dataclass(frozen=True)
class Span:
    """A piece of the body: body[start:end] == text."""

    text: str
    start: int
    end: int


def clean_body(body: str, widget_labels: Iterable[str]) -> str:
    """Normalise whitespace, drop widget-only paragraphs and unglue widget labels.

    Scraped pages leave labels such as "Related" glued to the next paragraph
    ("RelatedNATO Secretary-General ..."); they are not part of the article.
    """
    glued, alone = _widget_patterns(tuple(widget_labels))
    paragraphs = []
    for raw in PARAGRAPH_BREAK.split(CONTROL.sub("", body.replace("\r\n", "\n"))):
        text = " ".join(raw.split())
        if not text or alone.match(text):
            continue
        unglued = glued.sub("", text, count=1)
        if unglued != text and not unglued.endswith(TERMINAL):
            continue  # a glued label before a headline: a link to another article
        paragraphs.append(unglued)
    return "\n\n".join(paragraphs)


@lru_cache(maxsize=4)
def _widget_patterns(widget_labels: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A label glued to the paragraph after it, and a paragraph that is a label alone
    (built once for the knowledge's labels, not per article)."""
    labels = "|".join(re.escape(label) for label in sorted(widget_labels, key=len, reverse=True))
    # "RelatedNATO ...", "ADVERTISEMENTThe ...": a label glued to a capitalised word
    glued = re.compile(rf"^(?i:{labels})(?=[A-Z][a-z]|[A-Z]{{2}})")
    alone = re.compile(rf"^(?:{labels})\s*(?::.*)?$", re.IGNORECASE)
    return glued, alone


def paragraphs(body: str) -> list[Span]:
    """The paragraphs of a cleaned body (or of its reading view), with their offsets;
    blank edges (blanked debris) are left out."""
    spans, start = [], 0
    for part in body.split("\n\n"):
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        spans.append(Span(" ".join(text.split("\n")), start + lead, start + lead + len(text)))
        start += len(part) + 2
    return spans


def is_heading(paragraph: str) -> bool:
    """A short line without closing punctuation is a subheading, not prose."""
    words = paragraph.split()
    if LIST_ITEM.match(paragraph):
        return False
    return len(words) <= 10 and not paragraph.rstrip().endswith(TERMINAL)


def without_bullet(paragraph: Span) -> tuple[Span, bool]:
    """A list item without its bullet ("- ", "• ", "1. "), and whether it was one."""
    bullet = LIST_ITEM.match(paragraph.text)
    if not bullet:
        return paragraph, False
    start = paragraph.start + bullet.end()
    return Span(paragraph.text[bullet.end() :], start, paragraph.end), True


def without_dateline(paragraph: Span) -> tuple[Span, str | None]:
    """The paragraph after a leading dateline, and the dateline's place if there is one.

    The place is "Limón, Panama" or "San Jose, Calif." when the dateline says where the
    city is, and the city alone when it says a date instead ("KYIV, March 5 (Reuters) -").
    """
    stamp = TIMESTAMP.match(paragraph.text)
    if stamp:
        return Span(
            paragraph.text[stamp.end() :], paragraph.start + stamp.end(), paragraph.end
        ), None
    match = DATELINE.match(paragraph.text) or GLUED_DATELINE.match(paragraph.text)
    if not match:
        return paragraph, None
    start = paragraph.start + match.end()
    place, where = match.group("place").strip().title(), (match.group("where") or "").strip()
    if where and not re.match(r"^[A-Z][a-z]{2,8}\.? \d{1,2}$", where):  # not a date
        place = f"{place}, {where}"
    return Span(paragraph.text[match.end() :], start, paragraph.end), place


def sentences(paragraph: Span, abbreviations: frozenset[str]) -> Iterator[Span]:
    """Split a paragraph into sentences; abbreviations and initials do not end one, and
    sentences a scrape glued together are two."""
    text, begin = paragraph.text, 0
    for match in SENTENCE_END.finditer(text):
        if _ends_with_abbreviation(text[: match.start() + 1], abbreviations):
            continue
        end = match.end()
        glued_open = end < len(text) and not text[end].isspace() and text[end - 1] == '"'
        if glued_open and text.count('"', 0, match.start()) % 2 == 0:
            end -= 1  # 'he said."There is ...': the mark opens the next sentence's quotation
        spaced = SPACED_QUOTE.match(text, end)
        if spaced and text.count('"', 0, end) % 2 == 1:
            end = spaced.end()  # the spaced mark closes the quotation: the sentence has it
        if _inside_quotation(text, end):
            continue  # a quotation of several sentences is one piece of speech
        yield _span(paragraph, begin, end)
        begin = end
        while begin < len(text) and text[begin].isspace():
            begin += 1
    if begin < len(text):
        yield _span(paragraph, begin, len(text))


def _inside_quotation(text: str, at: int) -> bool:
    """Whether a quotation is open at `at` and closes later in the paragraph."""
    before, after = text[:at], text[at:]
    closing = before.count("”") + len(MISTURNED_CLOSE.findall(before))
    if before.count("“") > closing:
        return "”" in after
    return before.count('"') % 2 == 1 and '"' in after


def _ends_with_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    """Whether the word that ends `before` (the text up to a sentence mark, the mark
    included) is an abbreviation or an initial."""
    words = before.rsplit(maxsplit=1)  # the last word alone: the text before may be long
    if not words or before[-1].isspace():
        return False
    token = words[-1].lstrip("(\"'“‘")
    if token in abbreviations:
        return True
    # An initial ("John F. Kennedy") or a dotted acronym ("U.S.") is not a sentence end.
    return DOTTED.fullmatch(token) is not None


def _span(paragraph: Span, start: int, end: int) -> Span:
    text = paragraph.text[start:end].rstrip()
    return Span(text, paragraph.start + start, paragraph.start + start + len(text))


def trim(span: Span, left: int = 0, right: int | None = None) -> Span:
    """A sub-span of `span` (offsets relative to it), without surrounding spaces and commas."""
    right = len(span.text) if right is None else right
    piece = span.text[left:right]
    lead = len(piece) - len(piece.lstrip(" ,;:"))
    piece = piece.strip(" ,;:")
    start = span.start + left + lead
    return Span(piece, start, start + len(piece))
