"""Plain records the pages show, and the batch loading that fills them from rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, select
from sqlalchemy.orm import aliased

from app.storage.queries.compiled import Prepared, in_list
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


_OWN_FIELDS = [name for name in ClaimRecord.__dataclass_fields__ if name in CLAIMS.c]
_OWN = len(_OWN_FIELDS)
# A record is built from a row positionally: the claim's own columns come first, in order.
assert list(ClaimRecord.__dataclass_fields__)[:_OWN] == _OWN_FIELDS


def _claims_statement() -> Select:
    actor, target = aliased(ENTITIES), aliased(ENTITIES)
    return (
        select(
            *(CLAIMS.c[name] for name in _OWN_FIELDS),
            ARTICLES.c.slug,
            ARTICLES.c.title,
            ARTICLES.c.publisher,
            ARTICLES.c.url,
            ARTICLES.c.published,
            actor.c.slug,
            actor.c.label,
            target.c.slug,
            target.c.label,
        )
        .join(ARTICLES, ARTICLES.c.id == CLAIMS.c.article_id)
        .outerjoin(actor, actor.c.id == CLAIMS.c.actor_id)
        .outerjoin(target, target.c.id == CLAIMS.c.target_id)
        .where(in_list(CLAIMS.c.id, "ids"))
    )


# Compiled once: every page loads its claims with these three statements.
CLAIMS_BY_ID = Prepared(_claims_statement())
SOURCES_OF = Prepared(
    select(CLAIM_SOURCES.c.claim_id, SOURCES.c.slug, SOURCES.c.label, SOURCES.c.kind)
    .join(SOURCES, SOURCES.c.id == CLAIM_SOURCES.c.source_id)
    .where(in_list(CLAIM_SOURCES.c.claim_id, "ids"))
    .order_by(CLAIM_SOURCES.c.claim_id, CLAIM_SOURCES.c.position)
)
TOPICS_OF = Prepared(
    select(CLAIM_TOPICS.c.claim_id, TOPICS.c.slug, TOPICS.c.label)
    .join(TOPICS, TOPICS.c.id == CLAIM_TOPICS.c.topic_id)
    .where(in_list(CLAIM_TOPICS.c.claim_id, "ids"))
    .order_by(TOPICS.c.label)
)


def claim_records(connection: Connection, ids: Sequence[str]) -> list[ClaimRecord]:
    """Load the claims `ids`, in that order, with sources, topics, actor and article."""
    if not ids:
        return []
    wanted = {"ids": list(ids)}
    by_id = {row[0]: _record(row) for row in CLAIMS_BY_ID.rows(connection, wanted)}
    for claim_id, slug, label, kind in SOURCES_OF.rows(connection, wanted):
        by_id[claim_id].sources.append(Source(slug, label, kind))
    for claim_id, slug, label in TOPICS_OF.rows(connection, wanted):
        by_id[claim_id].topics.append(Named(slug, label))
    return [by_id[claim_id] for claim_id in ids if claim_id in by_id]


def _record(row: tuple[Any, ...]) -> ClaimRecord:
    """A record from a row of CLAIMS_BY_ID: the claim's own columns, then its article's,
    its actor's and its target's."""
    slug, title, publisher, url, published, actor, actor_label, target, target_label = row[_OWN:]
    own = dict(zip(_OWN_FIELDS, row, strict=False))
    record = ClaimRecord(**own, article=ArticleInfo(slug, title, publisher, url, published))
    if actor:
        record.actor = Named(actor, actor_label)
    if target:
        record.target = Named(target, target_label)
    return record
