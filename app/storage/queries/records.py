"""Plain records the pages show, and the batch loading that fills them from rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, select
from sqlalchemy.orm import aliased

from app.storage.tables import (
    ARTICLES,
    CLAIM_SOURCES,
    CLAIM_TOPICS,
    CLAIMS,
    ENTITIES,
    SOURCES,
    TOPICS,
)


@dataclass(frozen=True)
class Named:
    """Something with a slug and a label: an entity or a topic."""

    slug: str
    label: str


@dataclass(frozen=True)
class Source:
    """Who makes claims, with its kind and, in lists, how many."""

    slug: str
    label: str
    kind: str
    count: int = 0


@dataclass(frozen=True)
class ArticleInfo:
    """An article's metadata, without its body."""

    slug: str
    title: str
    publisher: str | None
    url: str | None
    published: str


@dataclass
class ClaimRecord:
    """One claim with everything a page shows about it."""

    id: str
    assertion: str
    quote_text: str
    quote_start: int
    quote_end: int
    quote_prefix: str
    quote_suffix: str
    speaker_name: str | None
    speaker_role: str | None
    stance: str
    said_on: str | None
    said_on_precision: str
    said_on_start: str | None
    said_on_end: str | None
    event_start: str | None
    event_end: str | None
    position: int
    article: ArticleInfo
    actor: Named | None = None
    target: Named | None = None
    sources: list[Source] = field(default_factory=list)
    topics: list[Named] = field(default_factory=list)
    assertion_marked: str | None = None  # search matches wrapped in MARK_START/MARK_END
    quote_marked: str | None = None


def claim_records(connection: Connection, ids: Sequence[str]) -> list[ClaimRecord]:
    """Load the claims `ids`, in that order, with sources, topics, actor and article."""
    if not ids:
        return []
    actor, target = aliased(ENTITIES), aliased(ENTITIES)
    statement = (
        select(
            CLAIMS,
            ARTICLES.c.slug.label("article_slug"),
            ARTICLES.c.title.label("article_title"),
            ARTICLES.c.publisher.label("article_publisher"),
            ARTICLES.c.url.label("article_url"),
            ARTICLES.c.published.label("article_published"),
            actor.c.slug.label("actor_slug"),
            actor.c.label.label("actor_label"),
            target.c.slug.label("target_slug"),
            target.c.label.label("target_label"),
        )
        .join(ARTICLES, ARTICLES.c.id == CLAIMS.c.article_id)
        .outerjoin(actor, actor.c.id == CLAIMS.c.actor_id)
        .outerjoin(target, target.c.id == CLAIMS.c.target_id)
        .where(CLAIMS.c.id.in_(list(ids)))
    )
    by_id = {row.id: _record(row) for row in connection.execute(statement)}
    _attach_sources(connection, by_id)
    _attach_topics(connection, by_id)
    return [by_id[claim_id] for claim_id in ids if claim_id in by_id]


def _record(row: Row[Any]) -> ClaimRecord:
    values = row._mapping
    article = ArticleInfo(
        values["article_slug"],
        values["article_title"],
        values["article_publisher"],
        values["article_url"],
        values["article_published"],
    )
    own = {name: values[name] for name in ClaimRecord.__dataclass_fields__ if name in values}
    record = ClaimRecord(**own, article=article)
    if values["actor_slug"]:
        record.actor = Named(values["actor_slug"], values["actor_label"])
    if values["target_slug"]:
        record.target = Named(values["target_slug"], values["target_label"])
    return record


def _attach_sources(connection: Connection, by_id: dict[str, ClaimRecord]) -> None:
    statement = (
        select(CLAIM_SOURCES.c.claim_id, SOURCES.c.slug, SOURCES.c.label, SOURCES.c.kind)
        .join(SOURCES, SOURCES.c.id == CLAIM_SOURCES.c.source_id)
        .where(CLAIM_SOURCES.c.claim_id.in_(list(by_id)))
        .order_by(CLAIM_SOURCES.c.claim_id, CLAIM_SOURCES.c.position)
    )
    for row in connection.execute(statement):
        by_id[row.claim_id].sources.append(Source(row.slug, row.label, row.kind))


def _attach_topics(connection: Connection, by_id: dict[str, ClaimRecord]) -> None:
    statement = (
        select(CLAIM_TOPICS.c.claim_id, TOPICS.c.slug, TOPICS.c.label)
        .join(TOPICS, TOPICS.c.id == CLAIM_TOPICS.c.topic_id)
        .where(CLAIM_TOPICS.c.claim_id.in_(list(by_id)))
        .order_by(TOPICS.c.label)
    )
    grouped: dict[str, list[Named]] = defaultdict(list)
    for row in connection.execute(statement):
        grouped[row.claim_id].append(Named(row.slug, row.label))
    for claim_id, topics in grouped.items():
        by_id[claim_id].topics = topics
