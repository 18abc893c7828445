"""A story's headline, its claims' relations to it, and its counts, sources and topics.

Headlines and relations are chosen in Python for the stories a load touched; counts,
sources and topics are recomputed in SQL for every story at the end of a load that
changed anything, like the other summary tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from app.storage.tables import (
    CLAIM_SOURCES,
    CLAIM_TOPICS,
    CLAIMS,
    STORIES,
    STORY_ALIASES,
    STORY_CLAIMS,
    STORY_KEYS,
    STORY_SOURCES,
    STORY_TOPICS,
)
from app.stories.compare import Relation
from app.stories.features import features_from_json
from app.stories.grouping import Member, headline, relation_to

BATCH = 900


def retitle(connection: Connection, touched: Iterable[str]) -> None:
    """Choose the headline of each touched story (and of any that lost its headline)."""
    orphans = select(STORIES.c.id).where(STORIES.c.headline_claim_id.is_(None))
    story_ids = sorted(set(touched) | {row.id for row in connection.execute(orphans)})
    for start in range(0, len(story_ids), BATCH):
        chunk = story_ids[start : start + BATCH]
        members = story_members(connection, chunk)
        heads: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        for story, group in members.items():
            head = headline(group)
            heads.append({"story": story, "head": head.claim_id})
            links.extend(
                {"claim": member.claim_id, "relation": str(relation_to(head, member))}
                for member in group
            )
        write_titles(connection, heads, links)


def story_members(connection: Connection, story_ids: Sequence[str]) -> dict[str, list[Member]]:
    """The members of each of `story_ids` that still has claims."""
    statement = (
        select(
            STORY_CLAIMS.c.story_id,
            STORY_CLAIMS.c.claim_id,
            STORY_CLAIMS.c.timeline_key,
            CLAIMS.c.article_id,
            STORY_KEYS.c.features,
            func.length(CLAIMS.c.assertion).label("length"),
        )
        .join(CLAIMS, CLAIMS.c.id == STORY_CLAIMS.c.claim_id)
        .join(STORY_KEYS, STORY_KEYS.c.claim_id == STORY_CLAIMS.c.claim_id)
        .where(STORY_CLAIMS.c.story_id.in_(story_ids))
    )
    members: dict[str, list[Member]] = {}
    for row in connection.execute(statement):
        member = Member(
            row.claim_id,
            row.article_id,
            features_from_json(row.features),
            row.timeline_key,
            row.length,
        )
        members.setdefault(row.story_id, []).append(member)
    return members


def write_titles(
    connection: Connection, heads: list[dict[str, Any]], links: list[dict[str, Any]]
) -> None:
    """Store headlines and relations, one statement each."""
    if heads:
        statement = (
            update(STORIES)
            .where(STORIES.c.id == bindparam("story"))
            .values(headline_claim_id=bindparam("head"))
        )
        connection.execute(statement, heads)
    if links:
        marks = (
            update(STORY_CLAIMS)
            .where(STORY_CLAIMS.c.claim_id == bindparam("claim"))
            .values(relation=bindparam("relation"))
        )
        connection.execute(marks, links)


def drop_story_rows(connection: Connection, story_ids: Sequence[str]) -> None:
    """Delete stories with their sources, topics and the aliases that point to them."""
    for start in range(0, len(story_ids), BATCH):
        chunk = list(story_ids[start : start + BATCH])
        for table in (STORY_SOURCES, STORY_TOPICS, STORY_ALIASES):
            connection.execute(delete(table).where(table.c.story_id.in_(chunk)))
        connection.execute(delete(STORIES).where(STORIES.c.id.in_(chunk)))


def refresh_stories(connection: Connection) -> None:
    """Drop stories left without claims; recount every story; rebuild sources and topics."""
    empty = select(STORIES.c.id).where(
        ~select(STORY_CLAIMS.c.claim_id).where(STORY_CLAIMS.c.story_id == STORIES.c.id).exists()
    )
    drop_story_rows(connection, [row.id for row in connection.execute(empty)])
    connection.execute(update(STORIES).values(**story_counts()))
    for table in (STORY_SOURCES, STORY_TOPICS):
        connection.execute(delete(table))
    links = STORY_CLAIMS.c
    by_source = (
        select(
            links.story_id, CLAIM_SOURCES.c.source_id, func.count(), func.min(links.timeline_key)
        )
        .join(CLAIM_SOURCES, CLAIM_SOURCES.c.claim_id == links.claim_id)
        .group_by(links.story_id, CLAIM_SOURCES.c.source_id)
    )
    connection.execute(
        insert(STORY_SOURCES).from_select(
            ["story_id", "source_id", "claims", "first_key"], by_source
        )
    )
    by_topic = (
        select(links.story_id, CLAIM_TOPICS.c.topic_id, func.count())
        .join(CLAIM_TOPICS, CLAIM_TOPICS.c.claim_id == links.claim_id)
        .group_by(links.story_id, CLAIM_TOPICS.c.topic_id)
    )
    connection.execute(
        insert(STORY_TOPICS).from_select(["story_id", "topic_id", "claims"], by_topic)
    )


def story_counts() -> dict[str, Any]:
    """Correlated subqueries for each count of a story."""
    links = STORY_CLAIMS.c
    mine = links.story_id == STORIES.c.id

    def of(*columns: Any, where: Any = None) -> Any:
        query = select(*columns).where(mine)
        return (query.where(where) if where is not None else query).scalar_subquery()

    joined = STORY_CLAIMS.join(CLAIMS, CLAIMS.c.id == links.claim_id)
    sources = STORY_CLAIMS.join(CLAIM_SOURCES, CLAIM_SOURCES.c.claim_id == links.claim_id)
    return {
        "claims": of(func.count()),
        "articles": select(func.count(func.distinct(CLAIMS.c.article_id)))
        .select_from(joined)
        .where(mine)
        .scalar_subquery(),
        "sources": select(func.count(func.distinct(CLAIM_SOURCES.c.source_id)))
        .select_from(sources)
        .where(mine)
        .scalar_subquery(),
        "denials": of(func.count(), where=links.relation == Relation.DENIAL.value),
        "figures": of(func.count(), where=links.relation == Relation.FIGURE.value),
        "first_key": of(func.min(links.timeline_key)),
        "newest_key": select(func.max(CLAIMS.c.newest_key))
        .select_from(joined)
        .where(mine)
        .scalar_subquery(),
    }
