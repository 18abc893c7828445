"""The values extraction works with: an article in, its claims out. No database here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

STANCES = ("confirmed", "asserted", "reported", "concerned", "believes", "denied")
PRECISIONS = ("day", "month", "year", "before", "unknown")


@dataclass(frozen=True)
class Article:
    """One news text with its metadata, as read from an article JSON file."""

    slug: str
    title: str
    published: date
    body: str
    publisher: str | None = None
    url: str | None = None
    language: str = "en"


@dataclass(frozen=True)
class SourceRef:
    """Who makes a claim, at the level a user filters by."""

    slug: str
    label: str
    kind: str  # government | organisation | outlet | group | unattributed | unresolved
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityRef:
    """Who does what a claim asserts (actor), or to whom (target)."""

    slug: str
    label: str


@dataclass(frozen=True)
class TopicRef:
    slug: str
    label: str


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str | None = None


@dataclass(frozen=True)
class Quote:
    """Exact words of the (cleaned) body: body[start:end] == text."""

    text: str
    start: int
    end: int
    prefix: str
    suffix: str


@dataclass(frozen=True)
class DatePoint:
    """A date with honest precision: '2024-11-22' day, '2024-10' month, '2024' year.

    precision 'before' means on or before `date`; 'unknown' has no date.
    """

    date: str | None
    precision: str


@dataclass(frozen=True)
class Period:
    """When what a claim describes happened, in DatePoint date forms."""

    start: str
    end: str


@dataclass(frozen=True)
class Claim:
    """One assertion attributed to one or more sources, with the span it was read from."""

    id: str
    assertion: str
    quote: Quote
    sources: tuple[SourceRef, ...]
    stance: str
    said_on: DatePoint
    speaker: Speaker | None = None
    actor: EntityRef | None = None
    target: EntityRef | None = None
    topics: tuple[TopicRef, ...] = ()
    event_period: Period | None = None
    rule: str | None = None  # the attribution rule that named its source; None: narration


@dataclass(frozen=True)
class ExtractedArticle:
    """An article with its body cleaned of scraping debris, and the claims read from it.

    Quote offsets refer to `article.body`, the cleaned body, which is what is stored.
    """

    article: Article
    claims: tuple[Claim, ...] = field(default_factory=tuple)
