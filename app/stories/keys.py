"""The `story_keys` table: every claim's LSH band keys and features, written as the
claims are, and read back to search or compare them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Connection, func, insert, select

from app.storage.tables import ARTICLES, CLAIMS, ENTITIES, STORY_KEYS
from app.stories.features import Features, claim_features, features_from_json, features_json
from app.stories.grouping import Member
from app.stories.members import timeline_key
from app.stories.minhash import band_layout, keys_of

BATCH = 900  # ids per IN (...) list: below every backend's limit on bound parameters


@dataclass(frozen=True)
class Entry:
    """A claim written by this load, as grouping needs it."""

    key_id: int
    member: Member
    bands: np.ndarray | None  # None: too short to join a story


NewClaim = tuple[str, Features, int, int, int]  # claim id, features, order, article, length


def write_keys(connection: Connection, items: Sequence[NewClaim], next_id: int) -> list[Entry]:
    """Insert the `story_keys` rows of `items`, ids from `next_id`; return them as entries."""
    groupable = [index for index, item in enumerate(items) if item[1].groupable]
    keys = keys_of([items[index][1].terms for index in groupable])
    bands = {index: keys[row] for row, index in enumerate(groupable)}
    rows, entries = [], []
    for index, (claim_id, features, order, article, length) in enumerate(items):
        band_row = bands.get(index)
        rows.append(
            {
                "id": next_id + index,
                "claim_id": claim_id,
                "bands": band_row.tobytes() if band_row is not None else None,
                "features": features_json(features),
                "timeline_key": order,
            }
        )
        member = Member(claim_id, article, features, order, length)
        entries.append(Entry(next_id + index, member, band_row))
    if rows:
        connection.execute(insert(STORY_KEYS), rows)
    return entries


def missing_claims(connection: Connection) -> list[NewClaim]:
    """Stored claims without keys (a database loaded before stories existed)."""
    actor, target = ENTITIES.alias("actor"), ENTITIES.alias("target")
    statement = (
        select(
            CLAIMS.c.id,
            CLAIMS.c.assertion,
            CLAIMS.c.stance,
            CLAIMS.c.article_id,
            actor.c.slug.label("actor"),
            target.c.slug.label("target"),
            func.coalesce(CLAIMS.c.said_on_start, CLAIMS.c.said_on_end).label("first_day"),
            ARTICLES.c.published,
            CLAIMS.c.position,
        )
        .join(ARTICLES, ARTICLES.c.id == CLAIMS.c.article_id)
        .outerjoin(actor, actor.c.id == CLAIMS.c.actor_id)
        .outerjoin(target, target.c.id == CLAIMS.c.target_id)
        .where(~select(STORY_KEYS.c.id).where(STORY_KEYS.c.claim_id == CLAIMS.c.id).exists())
        .order_by(CLAIMS.c.article_id, CLAIMS.c.position)
    )
    return [
        (
            row.id,
            claim_features(row.assertion, row.stance, row.actor, row.target),
            timeline_key(row.first_day, row.published, row.position),
            row.article_id,
            len(row.assertion),
        )
        for row in connection.execute(statement)
    ]


@dataclass
class StoredKeys:
    """Every groupable claim's band keys, in key order, with its article."""

    ids: np.ndarray  # story_keys ids
    articles: np.ndarray
    keys: np.ndarray  # (claims, bands) uint64


def read_keys(connection: Connection, batch: int = 50_000) -> StoredKeys:
    """All stored band keys (96 bytes per claim: the whole index fits in memory)."""
    bands, _ = band_layout()
    groupable = STORY_KEYS.c.bands.is_not(None)
    total = connection.execute(select(func.count()).where(groupable)).scalar_one()
    ids = np.zeros(total, dtype=np.int64)
    articles = np.zeros(total, dtype=np.int64)
    keys = np.zeros((total, bands), dtype=np.uint64)
    statement = (
        select(STORY_KEYS.c.id, CLAIMS.c.article_id, STORY_KEYS.c.bands)
        .join(CLAIMS, CLAIMS.c.id == STORY_KEYS.c.claim_id)
        .where(groupable)
        .order_by(STORY_KEYS.c.id)
    )
    result = connection.execute(statement)
    filled = 0
    while rows := result.fetchmany(batch):
        end = filled + len(rows)
        ids[filled:end] = [row.id for row in rows]
        articles[filled:end] = [row.article_id for row in rows]
        packed = b"".join(bytes(row.bands) for row in rows)
        keys[filled:end] = np.frombuffer(packed, dtype=np.uint64).reshape(-1, bands)
        filled = end
    return StoredKeys(ids[:filled], articles[:filled], keys[:filled])


def read_members(connection: Connection, key_ids: Iterable[int]) -> dict[int, Member]:
    """The stored claims of `key_ids` (story_keys ids) as members."""
    columns = (STORY_KEYS.c.id, STORY_KEYS.c.claim_id, CLAIMS.c.article_id, STORY_KEYS.c.features)
    found: dict[int, Member] = {}
    for chunk in batches(sorted(key_ids)):
        statement = (
            select(
                *columns, STORY_KEYS.c.timeline_key, func.length(CLAIMS.c.assertion).label("length")
            )
            .join(CLAIMS, CLAIMS.c.id == STORY_KEYS.c.claim_id)
            .where(STORY_KEYS.c.id.in_(chunk))
        )
        for row in connection.execute(statement):
            features = features_from_json(row.features)
            found[row.id] = Member(
                row.claim_id, row.article_id, features, row.timeline_key, row.length
            )
    return found


def batches(items: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
