"""Write extracted articles into the database: idempotent and atomic.

Rows are upserted on their natural keys (article, source, entity and topic slugs; claim
ids). Reloading an article replaces its claims, so the same rows and ids come back. The
whole run is one transaction: it writes every article or none.
"""

from __future__ import annotations

import calendar
import hashlib
import secrets
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    delete,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlmodel import SQLModel
from tqdm import tqdm

from app.extraction.model import Article, Claim, DatePoint, ExtractedArticle, SourceRef
from app.storage.db import create_schema, fts_delete_article, fts_insert, is_sqlite
from app.storage.keys import NaturalKeys
from app.storage.sortkeys import newest_key, oldest_key
from app.storage.summaries import clear_summaries, refresh_summaries
from app.storage.tables import (
    ARTICLES,
    CLAIM_SOURCES,
    CLAIM_TOPICS,
    CLAIMS,
    ENTITIES,
    LOAD_INFO,
    SOURCES,
    TOPICS,
)

if TYPE_CHECKING:
    from app.stories.prepare import Prepared
    from app.stories.store import StoryLoad

PROGRESS_THRESHOLD = 50  # show a progress bar for runs with more articles than this
CHUNK = 200  # articles written together: a few multi-row statements per chunk
LOAD_CACHE_KIB = 256 * 1024  # SQLite page cache while loading: index writes stay in memory


class HashedArticle(NamedTuple):
    """An extracted article with its content hash and, when the extraction worker read
    them, its claims as story grouping sees them (one per claim, in order)."""

    item: ExtractedArticle
    content_hash: str
    prepared: tuple[Prepared, ...] | None = None


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
    engine: Engine,
    extracted: Iterable[HashedArticle],
    total: int | None = None,
    show_progress: bool | None = None,
) -> LoadSummary:
    """Write `extracted` (articles with their content hash) in one transaction.

    The schema is created if needed. Articles are written in chunks, each with a few
    multi-row statements. If the input raises (a bad file found late), nothing is written.
    A progress bar shows for more than PROGRESS_THRESHOLD articles, unless `show_progress` says.
    """
    summary = LoadSummary()
    source_slugs: set[str] = set()
    quiet = (
        not show_progress
        if show_progress is not None
        else total is None or total <= PROGRESS_THRESHOLD
    )
    progress = tqdm(extracted, total=total, unit="article", file=sys.stderr, disable=quiet)
    with engine.begin() as connection, progress:
        new_tables = set(SQLModel.metadata.tables) - set(inspect(connection).get_table_names())
        create_schema(connection)
        check_schema(connection)
        tune_for_load(connection)
        keys = NaturalKeys(connection)
        from app.stories.store import StoryLoad  # numpy and the vocabulary: only when loading

        stories = StoryLoad(connection)
        replaced = False
        for chunk in chunks(progress, CHUNK):
            loads, chunk_replaced = write_chunk(connection, keys, chunk, stories)
            summary.articles.extend(loads)
            replaced = replaced or chunk_replaced
            source_slugs.update(
                s.slug for entry in chunk for c in entry.item.claims for s in c.sources
            )
        keys.finish()
        stories.finish()  # before unused sources go: story sources only name used ones
        if replaced:
            clear_summaries(connection)  # they refer to what may be dropped; refilled below
            prune_unused(connection)
        summary.sources = len(source_slugs)
        summary.total_articles = _count(connection, ARTICLES)
        summary.total_claims = _count(connection, CLAIMS)
        summary.total_sources = _count(connection, SOURCES)
        changed = any(not article.unchanged for article in summary.articles)
        if changed or new_tables or not _has_info(connection):
            refresh_summaries(connection)
            write_load_info(connection, summary)
    return summary


def _has_info(connection: Connection) -> bool:
    return connection.execute(select(LOAD_INFO.c.id)).first() is not None


def write_load_info(connection: Connection, summary: LoadSummary) -> None:
    """Record a new load stamp and the database's totals."""
    now = datetime.now(UTC)
    values = {
        "stamp": f"{now.timestamp():.6f}-{secrets.token_hex(4)}",
        "loaded_at": now.isoformat(timespec="seconds"),
        "articles": summary.total_articles,
        "claims": summary.total_claims,
        "sources": summary.total_sources,
    }
    connection.execute(delete(LOAD_INFO))
    connection.execute(insert(LOAD_INFO).values(id=1, **values))


def chunks(items: Iterable[HashedArticle], size: int) -> Iterator[list[HashedArticle]]:
    """`items` in lists of `size` (the last one shorter)."""
    chunk: list[HashedArticle] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def check_schema(connection: Connection) -> None:
    """Refuse a database whose tables an older claimtrack made (no sort keys)."""
    columns = {column["name"] for column in inspect(connection).get_columns("claims")}
    if "newest_key" not in columns:
        problem = "this database was made by an older claimtrack; load into a new database"
        raise LoadError(problem)


def tune_for_load(connection: Connection) -> None:
    """A bigger page cache for the load's index writes (SQLite; per connection)."""
    if is_sqlite(connection):
        connection.exec_driver_sql(f"PRAGMA cache_size = -{LOAD_CACHE_KIB}")


def write_chunk(
    connection: Connection, keys: NaturalKeys, chunk: Sequence[HashedArticle], stories: StoryLoad
) -> tuple[list[ArticleLoad], bool]:
    """Upsert a chunk of articles and replace their claims; unchanged ones are skipped.

    Returns what happened to each article, in order, and whether any was replaced.
    """
    existing = existing_articles(connection, [entry.item.article.slug for entry in chunk])
    changed: list[HashedArticle] = []
    replaced = False
    for entry in chunk:
        row = existing.get(entry.item.article.slug)
        if row is None or row.content_hash != entry.content_hash:
            changed.append(entry)
            if row is not None:
                stories.forget_article(row.id)
                replace_article(connection, row.id, entry.item.article, entry.content_hash)
                replaced = True
    new = [entry for entry in changed if entry.item.article.slug not in existing]
    ids = {slug: row.id for slug, row in existing.items()}
    ids.update(insert_articles(connection, new))
    batch = RowBatch()
    for item, _, prepared in changed:
        article = (ids[item.article.slug], item.article.published.isoformat())
        for position, claim in enumerate(item.claims):
            first_day = insert_claim(batch, keys, article, position, claim)
            grouping = prepared[position] if prepared is not None else None
            stories.add(claim, grouping, article, first_day, position)
    keys.write_new()
    batch.flush(connection, [entry.item.article.slug for entry in changed])
    stories.flush()
    unchanged = {e.item.article.slug for e in chunk} - {e.item.article.slug for e in changed}
    loads = [
        ArticleLoad(
            e.item.article.slug,
            e.item.article.title,
            len(e.item.claims),
            e.item.article.slug in unchanged,
        )
        for e in chunk
    ]
    return loads, replaced


def existing_articles(connection: Connection, slugs: list[str]) -> dict[str, Any]:
    """The stored id and content hash of those of `slugs` already loaded."""
    statement = select(ARTICLES.c.id, ARTICLES.c.slug, ARTICLES.c.content_hash).where(
        ARTICLES.c.slug.in_(slugs)
    )
    return {row.slug: row for row in connection.execute(statement)}


def article_values(article: Article, content_hash: str) -> dict[str, Any]:
    """The articles row of `article`."""
    return {
        "slug": article.slug,
        "title": article.title,
        "publisher": article.publisher,
        "url": article.url,
        "published": article.published.isoformat(),
        "language": article.language,
        "body": article.body,
        "content_hash": content_hash,
    }


def insert_articles(connection: Connection, new: Sequence[HashedArticle]) -> dict[str, int]:
    """Insert new articles in one statement; their ids by slug."""
    if not new:
        return {}
    rows = [article_values(entry.item.article, entry.content_hash) for entry in new]
    statement = insert(ARTICLES).returning(ARTICLES.c.id, ARTICLES.c.slug)
    return {row.slug: int(row.id) for row in connection.execute(statement, rows)}


def replace_article(
    connection: Connection, article_id: int, article: Article, content_hash: str
) -> None:
    """Update a changed article's row and drop its old claims."""
    values = article_values(article, content_hash)
    connection.execute(update(ARTICLES).where(ARTICLES.c.id == article_id).values(values))
    delete_claims(connection, article_id)


def extraction_hash(item: ExtractedArticle) -> str:
    """A hash of the article and what was extracted from it: equal means nothing to do.

    It hashes the dataclasses' own text form (`repr`: every field, nested, in order),
    which is as complete as a JSON dump of them and twenty times faster to build."""
    return hashlib.sha256(repr(item).encode("utf-8")).hexdigest()


def hashed(items: Iterable[ExtractedArticle]) -> Iterator[HashedArticle]:
    """Each of `items` with its content hash, for `load_articles`."""
    for item in items:
        yield HashedArticle(item, extraction_hash(item))


def delete_claims(connection: Connection, article_id: int) -> None:
    """Remove an article's claims with their links and full-text rows."""
    claim_ids = select(CLAIMS.c.id).where(CLAIMS.c.article_id == article_id)
    fts_delete_article(connection, article_id)
    connection.execute(delete(CLAIM_SOURCES).where(CLAIM_SOURCES.c.claim_id.in_(claim_ids)))
    connection.execute(delete(CLAIM_TOPICS).where(CLAIM_TOPICS.c.claim_id.in_(claim_ids)))
    connection.execute(delete(CLAIMS).where(CLAIMS.c.article_id == article_id))


@dataclass
class RowBatch:
    """Rows of many claims, written with one multi-row statement per table."""

    claims: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    topics: list[dict[str, Any]] = field(default_factory=list)
    fts: list[dict[str, str]] = field(default_factory=list)

    def flush(self, connection: Connection, slugs: list[str]) -> None:
        """Write the rows; a clash (e.g. a repeated claim id) names the articles."""
        try:
            for table, rows in ((CLAIMS, self.claims), (CLAIM_SOURCES, self.sources)):
                if rows:
                    connection.execute(insert(table), rows)
            if self.topics:
                connection.execute(insert(CLAIM_TOPICS), self.topics)
        except IntegrityError as error:
            shown = ", ".join(repr(slug) for slug in slugs[:5])
            problem = f"articles {shown}: cannot store their claims ({error.orig})"
            raise LoadError(problem) from error
        fts_insert(connection, self.fts)


def insert_claim(
    batch: RowBatch, keys: NaturalKeys, article: tuple[int, str], position: int, claim: Claim
) -> str | None:
    """Add one claim, its source and topic links, and its full-text row to `batch`.

    `article` is the article's row id and its published date. Returns the first day the
    claim may have been said on (None when unknown).
    """
    article_id, published = article
    start, end = said_on_range(claim.said_on)
    order = {
        "newest_key": newest_key(end, published, position),
        "oldest_key": oldest_key(start or end, published, position),
    }
    batch.claims.append(
        {
            **order,
            "id": claim.id,
            "article_id": article_id,
            "position": position,
            "assertion": claim.assertion,
            "quote_text": claim.quote.text,
            "quote_start": claim.quote.start,
            "quote_end": claim.quote.end,
            "quote_prefix": claim.quote.prefix,
            "quote_suffix": claim.quote.suffix,
            "speaker_name": claim.speaker.name if claim.speaker else None,
            "speaker_role": claim.speaker.role if claim.speaker else None,
            "actor_id": keys.entity(claim.actor.slug, claim.actor.label) if claim.actor else None,
            "target_id": (
                keys.entity(claim.target.slug, claim.target.label) if claim.target else None
            ),
            "stance": claim.stance,
            "said_on": claim.said_on.date,
            "said_on_precision": claim.said_on.precision,
            "said_on_start": start,
            "said_on_end": end,
            "event_start": claim.event_period.start if claim.event_period else None,
            "event_end": claim.event_period.end if claim.event_period else None,
        }
    )
    batch.sources.extend(
        {"claim_id": claim.id, "source_id": keys.source(source), "position": index, **order}
        for index, source in enumerate(_unique(claim.sources))
    )
    topic_ids = {keys.topic(topic.slug, topic.label) for topic in claim.topics}
    batch.topics.extend(
        {"claim_id": claim.id, "topic_id": topic_id, **order} for topic_id in sorted(topic_ids)
    )
    batch.fts.append(fts_row(claim))
    return start or end


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


def _count(connection: Connection, table: Table) -> int:
    return connection.execute(select(func.count()).select_from(table)).scalar_one()


def _unique(sources: Iterable[SourceRef]) -> list[SourceRef]:
    """Sources in the order named, each once (a claim links a source at most once)."""
    seen: dict[str, SourceRef] = {}
    for source in sources:
        seen.setdefault(source.slug, source)
    return list(seen.values())
