"""Plain records the pages show, and the batch loading that fills them from rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, Select, bindparam, select
from sqlalchemy.orm import aliased

from app.storage.queries.storyref import StoryRef, story_refs
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
    story: StoryRef | None = None  # its story, when it is in one of two claims or more


def _claims_statement() -> Select:
    actor, target = aliased(ENTITIES), aliased(ENTITIES)
    return (
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
        .where(CLAIMS.c.id.in_(bindparam("ids", expanding=True)))
    )


# Built once: every page loads its claims with these three statements.
CLAIMS_BY_ID = _claims_statement()
SOURCES_OF = (
    select(CLAIM_SOURCES.c.claim_id, SOURCES.c.slug, SOURCES.c.label, SOURCES.c.kind)
    .join(SOURCES, SOURCES.c.id == CLAIM_SOURCES.c.source_id)
    .where(CLAIM_SOURCES.c.claim_id.in_(bindparam("ids", expanding=True)))
    .order_by(CLAIM_SOURCES.c.claim_id, CLAIM_SOURCES.c.position)
)
TOPICS_OF = (
    select(CLAIM_TOPICS.c.claim_id, TOPICS.c.slug, TOPICS.c.label)
    .join(TOPICS, TOPICS.c.id == CLAIM_TOPICS.c.topic_id)
    .where(CLAIM_TOPICS.c.claim_id.in_(bindparam("ids", expanding=True)))
    .order_by(TOPICS.c.label)
)
_OWN_FIELDS = [name for name in ClaimRecord.__dataclass_fields__ if name in CLAIMS.c]


def claim_records(connection: Connection, ids: Sequence[str]) -> list[ClaimRecord]:
    """Load the claims `ids`, in that order, with sources, topics, actor, article and story."""
    if not ids:
        return []
    wanted = {"ids": list(ids)}
    by_id = {row.id: _record(row) for row in connection.execute(CLAIMS_BY_ID, wanted)}
    for source in connection.execute(SOURCES_OF, wanted):
        by_id[source.claim_id].sources.append(Source(source.slug, source.label, source.kind))
    for topic in connection.execute(TOPICS_OF, wanted):
        by_id[topic.claim_id].topics.append(Named(topic.slug, topic.label))
    for claim_id, story in story_refs(connection, ids).items():
        by_id[claim_id].story = story
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
    record = ClaimRecord(**{name: values[name] for name in _OWN_FIELDS}, article=article)
    if values["actor_slug"]:
        record.actor = Named(values["actor_slug"], values["actor_label"])
    if values["target_slug"]:
        record.target = Named(values["target_slug"], values["target_label"])
    return record
