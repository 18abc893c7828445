"""Resolve what a user typed (slug, label or alias, any case) to a canonical slug."""

from __future__ import annotations

from sqlalchemy import Connection, Table, func, or_, select

from app.slugs import slugify
from app.storage.tables import (
    ACTOR_STATS,
    ENTITIES,
    SOURCE_ALIASES,
    SOURCE_STATS,
    SOURCES,
    TOPIC_STATS,
    TOPICS,
)


def _by_slug_or_label(connection: Connection, table: Table, value: str) -> str | None:
    wanted = value.strip().lower()
    statement = (
        select(table.c.slug)
        .where(or_(table.c.slug == slugify(wanted), func.lower(table.c.label) == wanted))
        .order_by(table.c.slug != slugify(wanted))
        .limit(1)
    )
    return connection.execute(statement).scalar_one_or_none()


def resolve_source(connection: Connection, value: str) -> str | None:
    """The slug of the source `value` names by slug, label or alias; None if none does."""
    found = _by_slug_or_label(connection, SOURCES, value)
    if found or not value.strip():
        return found
    statement = (
        select(SOURCES.c.slug)
        .join(SOURCE_ALIASES, SOURCE_ALIASES.c.source_id == SOURCES.c.id)
        .where(SOURCE_ALIASES.c.alias == value.strip().lower())
        .order_by(SOURCES.c.slug)
        .limit(1)
    )
    return connection.execute(statement).scalar_one_or_none()


def resolve_topic(connection: Connection, value: str) -> str | None:
    """The slug of the topic `value` names by slug or label."""
    return _by_slug_or_label(connection, TOPICS, value)


def resolve_entity(connection: Connection, value: str) -> str | None:
    """The slug of the actor or target entity `value` names by slug or label."""
    return _by_slug_or_label(connection, ENTITIES, value)


def labels(
    connection: Connection, sources: tuple[str, ...], topics: tuple[str, ...], actor: str | None
) -> dict[str, str]:
    """Labels of the given source, topic and entity slugs, by slug."""
    found: dict[str, str] = {}
    for table, slugs in (
        (SOURCES, sources),
        (TOPICS, topics),
        (ENTITIES, (actor,) if actor else ()),
    ):
        if slugs:
            statement = select(table.c.slug, table.c.label).where(table.c.slug.in_(slugs))
            found.update({row.slug: row.label for row in connection.execute(statement)})
    return found


def all_names(connection: Connection, table_name: str, limit: int = 300) -> list[tuple[str, str]]:
    """(slug, label) of the sources, topics or entities a form offers, by label.

    Sources and actors are the `limit` with the most claims (a corpus may name tens of
    thousands; the first few hundred by alphabet would be a poor choice); anything else
    typed is still found by name.
    """
    table, stats, key = {
        "sources": (SOURCES, SOURCE_STATS, SOURCE_STATS.c.source_id),
        "entities": (ENTITIES, ACTOR_STATS, ACTOR_STATS.c.actor_id),
        "topics": (TOPICS, TOPIC_STATS, TOPIC_STATS.c.topic_id),
    }[table_name]
    statement = (
        select(table.c.slug, table.c.label)
        .join(stats, key == table.c.id)
        .order_by(stats.c.claims.desc(), table.c.id)
        .limit(limit)
    )
    found = [(row.slug, row.label) for row in connection.execute(statement)]
    return sorted(found, key=lambda name: (name[1].lower(), name[0]))
