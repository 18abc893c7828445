"""The summary tables: counts per source, topic, source and topic, stance, actor, speaker
and said-on date, and source aliases. Rebuilt from the claim tables at the end of a load,
inside its transaction, so readers see old counts with old claims or new with new."""

from __future__ import annotations

import json

from sqlalchemy import Connection, delete, func, insert, select

from app.storage.tables import (
    ACTOR_STATS,
    CLAIM_SOURCES,
    CLAIM_TOPICS,
    CLAIMS,
    SOURCE_ALIASES,
    SOURCE_STATS,
    SOURCE_TOPIC_STATS,
    SOURCES,
    SPEAKER_STATS,
    STANCE_STATS,
    TIMELINE_STATS,
    TOPIC_STATS,
)

SAID_ON = ("said_on", "said_on_precision", "said_on_start", "said_on_end")
SUMMARY_TABLES = (
    SOURCE_STATS,
    TOPIC_STATS,
    SOURCE_TOPIC_STATS,
    STANCE_STATS,
    ACTOR_STATS,
    SPEAKER_STATS,
    TIMELINE_STATS,
)


def clear_summaries(connection: Connection) -> None:
    """Empty the summary tables, so that rows they refer to can be dropped."""
    for table in (*SUMMARY_TABLES, SOURCE_ALIASES):
        connection.execute(delete(table))


def refresh_summaries(connection: Connection) -> None:
    """Rebuild every summary table from the claims."""
    clear_summaries(connection)
    count = func.count().label("claims")
    sources = CLAIM_SOURCES.c.source_id
    speaker = (CLAIMS.c.speaker_name, CLAIMS.c.speaker_role)
    said_on = [CLAIMS.c[name] for name in SAID_ON]
    fills = {
        SOURCE_STATS: select(sources, count).group_by(sources),
        TOPIC_STATS: select(CLAIM_TOPICS.c.topic_id, count).group_by(CLAIM_TOPICS.c.topic_id),
        SOURCE_TOPIC_STATS: select(sources, CLAIM_TOPICS.c.topic_id, count)
        .join(CLAIM_TOPICS, CLAIM_TOPICS.c.claim_id == CLAIM_SOURCES.c.claim_id)
        .group_by(sources, CLAIM_TOPICS.c.topic_id),
        STANCE_STATS: select(CLAIMS.c.stance, count).group_by(CLAIMS.c.stance),
        ACTOR_STATS: select(CLAIMS.c.actor_id, count)
        .where(CLAIMS.c.actor_id.is_not(None))
        .group_by(CLAIMS.c.actor_id),
        SPEAKER_STATS: select(sources, *speaker, count)
        .join(CLAIMS, CLAIMS.c.id == CLAIM_SOURCES.c.claim_id)
        .where(CLAIMS.c.speaker_name.is_not(None))
        .group_by(sources, *speaker),
        TIMELINE_STATS: select(*said_on, count).group_by(*said_on),
    }
    for table, query in fills.items():
        names = [column.name for column in query.selected_columns]
        connection.execute(insert(table).from_select(names, query))
    refresh_aliases(connection)


def refresh_aliases(connection: Connection) -> None:
    """One row per lower-cased alias of each source (into the emptied table)."""
    rows = {
        (alias.strip().lower(), row.id)
        for row in connection.execute(select(SOURCES.c.id, SOURCES.c.aliases))
        for alias in json.loads(row.aliases or "[]")
        if alias.strip()
    }
    if rows:
        values = [{"alias": alias, "source_id": source_id} for alias, source_id in sorted(rows)]
        connection.execute(insert(SOURCE_ALIASES), values)
