"""Write extracted articles into the database: idempotent and atomic.

Rows are upserted on their natural keys (article, source, entity and topic slugs; claim
ids). Reloading an article replaces its claims, so the same rows and ids come back. The
whole run is one transaction: it writes every article or none.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel
from tqdm import tqdm

from app.extraction.model import Article, Claim, DatePoint, ExtractedArticle, SourceRef
from app.storage.db import create_schema, fts_delete_article, fts_insert

PROGRESS_THRESHOLD = 50  # show a progress bar for runs with more articles than this

TABLES = SQLModel.metadata.tables
ARTICLES: Table = TABLES["articles"]
SOURCES: Table = TABLES["sources"]
ENTITIES: Table = TABLES["entities"]
TOPICS: Table = TABLES["topics"]
CLAIMS: Table = TABLES["claims"]
CLAIM_SOURCES: Table = TABLES["claim_sources"]
CLAIM_TOPICS: Table = TABLES["claim_topics"]


class LoadError(Exception):
    """The run could not be written; nothing was."""


@dataclass(frozen=True)
class ArticleLoad:
    """What happened to one article: its claim count, and whether it was unchanged."""

    slug: str
    title: str
    claims: int
    unchanged: bool = False


@dataclass
class LoadSummary:
    """What a run wrote, and how big the database is afterwards."""

    articles: list[ArticleLoad] = field(default_factory=list)
    sources: int = 0  # distinct sources of this run's claims
    total_articles: int = 0
    total_claims: int = 0
    total_sources: int = 0

    @property
    def claims(self) -> int:
        return sum(article.claims for article in self.articles)


def load_articles(
    engine: Engine, extracted: Iterable[ExtractedArticle], total: int | None = None
) -> LoadSummary:
    """Write `extracted` in one transaction (creating the schema if needed)."""
    summary = LoadSummary()
    source_slugs: set[str] = set()
    quiet = total is None or total <= PROGRESS_THRESHOLD
    progress = tqdm(extracted, total=total, unit="article", file=sys.stderr, disable=quiet)
    with engine.begin() as connection, progress:
        create_schema(connection)
        keys = NaturalKeys(connection)
        for item in progress:
            summary.articles.append(write_article(connection, keys, item))
            source_slugs.update(s.slug for claim in item.claims for s in claim.sources)
        prune_unused(connection)
        summary.sources = len(source_slugs)
        summary.total_articles = _count(connection, ARTICLES)
        summary.total_claims = _count(connection, CLAIMS)
        summary.total_sources = _count(connection, SOURCES)
    return summary


def write_article(connection: Connection, keys: NaturalKeys, item: ExtractedArticle) -> ArticleLoad:
    """Upsert one article and replace its claims, unless it is unchanged."""
    article = item.article
    content_hash = extraction_hash(item)
    row = connection.execute(
        select(ARTICLES.c.id, ARTICLES.c.content_hash).where(ARTICLES.c.slug == article.slug)
    ).first()
    if row is not None and row.content_hash == content_hash:
        return ArticleLoad(article.slug, article.title, len(item.claims), unchanged=True)
    article_id = _upsert_article(connection, article, row, content_hash)
    try:
        for position, claim in enumerate(item.claims):
            insert_claim(connection, keys, article_id, position, claim)
    except IntegrityError as error:
        problem = f"article {article.slug!r}: cannot store its claims ({error.orig})"
        raise LoadError(problem) from error
    return ArticleLoad(article.slug, article.title, len(item.claims))


def _upsert_article(connection: Connection, article: Article, row: Any, content_hash: str) -> int:
    """Insert or update the article row; an updated article loses its old claims."""
    values = {
        "slug": article.slug,
        "title": article.title,
        "publisher": article.publisher,
        "url": article.url,
        "published": article.published.isoformat(),
        "language": article.language,
        "body": article.body,
        "content_hash": content_hash,
    }
    if row is None:
        article_id = insert_row(connection, ARTICLES, values)
    else:
        article_id = row.id
        connection.execute(update(ARTICLES).where(ARTICLES.c.id == article_id).values(values))
        delete_claims(connection, article_id)
    return int(article_id)


def extraction_hash(item: ExtractedArticle) -> str:
    """A hash of the article and what was extracted from it: equal means nothing to do."""
    payload = json.dumps(asdict(item), sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def delete_claims(connection: Connection, article_id: int) -> None:
    """Remove an article's claims with their links and full-text rows."""
    claim_ids = select(CLAIMS.c.id).where(CLAIMS.c.article_id == article_id)
    fts_delete_article(connection, article_id)
    connection.execute(delete(CLAIM_SOURCES).where(CLAIM_SOURCES.c.claim_id.in_(claim_ids)))
    connection.execute(delete(CLAIM_TOPICS).where(CLAIM_TOPICS.c.claim_id.in_(claim_ids)))
    connection.execute(delete(CLAIMS).where(CLAIMS.c.article_id == article_id))


def insert_claim(
    connection: Connection, keys: NaturalKeys, article_id: int, position: int, claim: Claim
) -> None:
    """Insert one claim, its source and topic links, and its full-text row."""
    start, end = said_on_range(claim.said_on)
    connection.execute(
        insert(CLAIMS).values(
            id=claim.id,
            article_id=article_id,
            position=position,
            assertion=claim.assertion,
            quote_text=claim.quote.text,
            quote_start=claim.quote.start,
            quote_end=claim.quote.end,
            quote_prefix=claim.quote.prefix,
            quote_suffix=claim.quote.suffix,
            speaker_name=claim.speaker.name if claim.speaker else None,
            speaker_role=claim.speaker.role if claim.speaker else None,
            actor_id=keys.entity(claim.actor.slug, claim.actor.label) if claim.actor else None,
            target_id=keys.entity(claim.target.slug, claim.target.label) if claim.target else None,
            stance=claim.stance,
            said_on=claim.said_on.date,
            said_on_precision=claim.said_on.precision,
            said_on_start=start,
            said_on_end=end,
            event_start=claim.event_period.start if claim.event_period else None,
            event_end=claim.event_period.end if claim.event_period else None,
        )
    )
    sources = [
        {"claim_id": claim.id, "source_id": keys.source(source), "position": index}
        for index, source in enumerate(_unique(claim.sources))
    ]
    if sources:
        connection.execute(insert(CLAIM_SOURCES), sources)
    topic_ids = {keys.topic(topic.slug, topic.label) for topic in claim.topics}
    if topic_ids:
        topics = [{"claim_id": claim.id, "topic_id": topic_id} for topic_id in sorted(topic_ids)]
        connection.execute(insert(CLAIM_TOPICS), topics)
    fts_insert(connection, [fts_row(claim)])


def fts_row(claim: Claim) -> dict[str, str]:
    """The words of a claim that full-text search looks at."""
    speaker = ""
    if claim.speaker:
        speaker = ", ".join(p for p in (claim.speaker.name, claim.speaker.role) if p)
    return {
        "claim_id": claim.id,
        "assertion": claim.assertion,
        "quote": claim.quote.text,
        "speaker": speaker,
        "sources": "; ".join(source.label for source in claim.sources),
    }


def said_on_range(said_on: DatePoint) -> tuple[str | None, str | None]:
    """The first and last day a said-on date may fall on (None: open-ended)."""
    if said_on.date is None or said_on.precision == "unknown":
        return None, None
    first, last = date_range(said_on.date)
    if said_on.precision == "before":
        return None, last
    return first, last


def date_range(value: str) -> tuple[str, str]:
    """First and last day of '2024-11-22', '2024-10' or '2024'."""
    parts = value.split("-")
    if len(parts) == 3:
        return value, value
    if len(parts) == 2:
        year, month = int(parts[0]), int(parts[1])
        last_day = calendar.monthrange(year, month)[1]
        return f"{value}-01", f"{value}-{last_day:02d}"
    return f"{value}-01-01", f"{value}-12-31"


def prune_unused(connection: Connection) -> None:
    """Drop sources, entities and topics no claim refers to any more (after reloads)."""
    used_sources = select(CLAIM_SOURCES.c.source_id)
    used_topics = select(CLAIM_TOPICS.c.topic_id)
    actors = select(CLAIMS.c.actor_id).where(CLAIMS.c.actor_id.is_not(None))
    targets = select(CLAIMS.c.target_id).where(CLAIMS.c.target_id.is_not(None))
    connection.execute(delete(SOURCES).where(SOURCES.c.id.not_in(used_sources)))
    connection.execute(delete(TOPICS).where(TOPICS.c.id.not_in(used_topics)))
    connection.execute(
        delete(ENTITIES).where(ENTITIES.c.id.not_in(actors), ENTITIES.c.id.not_in(targets))
    )


def insert_row(connection: Connection, table: Table, values: dict[str, Any]) -> int:
    """Insert one row and return its integer id."""
    key = connection.execute(insert(table).values(values)).inserted_primary_key
    assert key is not None  # every table inserted this way has an integer id
    return int(key[0])


def _count(connection: Connection, table: Table) -> int:
    return connection.execute(select(func.count()).select_from(table)).scalar_one()


def _unique(sources: Iterable[SourceRef]) -> list[SourceRef]:
    """Sources in the order named, each once (a claim links a source at most once)."""
    seen: dict[str, SourceRef] = {}
    for source in sources:
        seen.setdefault(source.slug, source)
    return list(seen.values())


class NaturalKeys:
    """Row ids of sources, entities and topics by slug, upserting each as it is first met."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.ids: dict[tuple[str, str], int] = {}
        self.sources: dict[str, SourceRef] = {}

    def source(self, ref: SourceRef) -> int:
        """Upsert a source: newest label and kind (a resolved kind wins), aliases merged."""
        key = (SOURCES.name, ref.slug)
        if self.sources.get(ref.slug) == ref:
            return self.ids[key]
        statement = select(SOURCES.c.id, SOURCES.c.kind, SOURCES.c.aliases)
        row = self.connection.execute(statement.where(SOURCES.c.slug == ref.slug)).first()
        values: dict[str, Any] = {"slug": ref.slug, "label": ref.label, "kind": ref.kind}
        aliases = list(ref.aliases)
        if row is not None:
            aliases = list(dict.fromkeys([*json.loads(row.aliases or "[]"), *ref.aliases]))
            if ref.kind == "unresolved":
                values["kind"] = row.kind
        values["aliases"] = json.dumps(aliases, ensure_ascii=False)
        self.ids[key] = self._write(SOURCES, row, values)
        self.sources[ref.slug] = ref
        return self.ids[key]

    def entity(self, slug: str, label: str) -> int:
        """Upsert an actor or target entity by slug."""
        return self._labelled(ENTITIES, slug, label)

    def topic(self, slug: str, label: str) -> int:
        """Upsert a topic by slug."""
        return self._labelled(TOPICS, slug, label)

    def _labelled(self, table: Table, slug: str, label: str) -> int:
        key = (table.name, slug)
        if key not in self.ids:
            statement = select(table.c.id).where(table.c.slug == slug)
            row = self.connection.execute(statement).first()
            self.ids[key] = self._write(table, row, {"slug": slug, "label": label})
        return self.ids[key]

    def _write(self, table: Table, row: Any, values: dict[str, Any]) -> int:
        """Insert `values`, or update the existing `row` with them; return the row id."""
        if row is None:
            return insert_row(self.connection, table, values)
        self.connection.execute(update(table).where(table.c.id == row.id).values(values))
        return int(row.id)
