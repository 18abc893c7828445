"""A story's headline, its claims' relations to it, and its counts, sources and topics.

At the end of a load, for the stories it changed only: headlines and relations are
chosen in Python, counts, sources and topics recomputed in SQL.
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
    """Choose the headline of each touched story and each claim's relation to it."""
    story_ids = sorted(touched)
    for start in range(0, len(story_ids), BATCH):
        chunk = story_ids[start : start + BATCH]
        members = story_members(connection, chunk)
        heads: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        for story, group in members.items():
            head = headline([member for member, _ in group])
            heads.append({"story": story, "head": head.claim_id})
            for member, stored in group:
                now = str(relation_to(head, member))
                if now != stored:
                    links.append({"claim": member.claim_id, "relation": now})
        write_titles(connection, heads, links)


def story_members(
    connection: Connection, story_ids: Sequence[str]
) -> dict[str, list[tuple[Member, str]]]:
    """The members of each of `story_ids` that still has claims, with their stored relation."""
    statement = (
        select(
            STORY_CLAIMS.c.story_id,
            STORY_CLAIMS.c.claim_id,
            STORY_CLAIMS.c.timeline_key,
            STORY_CLAIMS.c.relation,
            CLAIMS.c.article_id,
            STORY_KEYS.c.features,
            func.length(CLAIMS.c.assertion).label("length"),
        )
        .join(CLAIMS, CLAIMS.c.id == STORY_CLAIMS.c.claim_id)
        .join(STORY_KEYS, STORY_KEYS.c.claim_id == STORY_CLAIMS.c.claim_id)
        .where(STORY_CLAIMS.c.story_id.in_(story_ids))
    )
    members: dict[str, list[tuple[Member, str]]] = {}
    for row in connection.execute(statement):
        member = Member(
            row.claim_id,
            row.article_id,
            features_from_json(row.features),
            row.timeline_key,
            row.length,
        )
        members.setdefault(row.story_id, []).append((member, row.relation))
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


def refresh_stories(connection: Connection, touched: Iterable[str]) -> None:
    """For each touched story: drop it if left without claims, else recount it and
    rebuild its sources and topics."""
    story_ids = sorted(touched)
    links = STORY_CLAIMS.c
    for start in range(0, len(story_ids), BATCH):
        chunk = story_ids[start : start + BATCH]
        empty = select(STORIES.c.id).where(
            STORIES.c.id.in_(chunk),
            ~select(links.claim_id).where(links.story_id == STORIES.c.id).exists(),
        )
        drop_story_rows(connection, [row.id for row in connection.execute(empty)])
        connection.execute(update(STORIES).where(STORIES.c.id.in_(chunk)).values(**story_counts()))
        for table in (STORY_SOURCES, STORY_TOPICS):
            connection.execute(delete(table).where(table.c.story_id.in_(chunk)))
        mine = links.story_id.in_(chunk)
        by_source = (
            select(
                links.story_id,
                CLAIM_SOURCES.c.source_id,
                func.count(),
                func.min(links.timeline_key),
            )
            .join(CLAIM_SOURCES, CLAIM_SOURCES.c.claim_id == links.claim_id)
            .where(mine)
            .group_by(links.story_id, CLAIM_SOURCES.c.source_id)
        )
        columns = ["story_id", "source_id", "claims", "first_key"]
        connection.execute(insert(STORY_SOURCES).from_select(columns, by_source))
        by_topic = (
            select(links.story_id, CLAIM_TOPICS.c.topic_id, func.count())
            .join(CLAIM_TOPICS, CLAIM_TOPICS.c.claim_id == links.claim_id)
            .where(mine)
            .group_by(links.story_id, CLAIM_TOPICS.c.topic_id)
        )
        columns = ["story_id", "topic_id", "claims"]
        connection.execute(insert(STORY_TOPICS).from_select(columns, by_topic))


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
