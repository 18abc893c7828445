"""The `story_keys` and `story_bands` tables: every claim's features, and the LSH band
keys of every groupable claim under an index, written as the claims are.

A load finds a new claim's candidates by asking the index, per band key, for the few
most recent claims with that key (`most_recent`): a handful of index look-ups per
claim, whatever the size of the database, and nothing read into memory beforehand.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, TextClause, func, insert, select, text

from app.storage.db import is_sqlite
from app.storage.tables import ARTICLES, CLAIMS, ENTITIES, STORY_BANDS, STORY_CLAIMS, STORY_KEYS
from app.stories.features import Features, claim_features, features_from_json
from app.stories.grouping import Member
from app.stories.members import said_by, timeline_key

BATCH = 900  # values per IN (...) list or VALUES list: below every backend's parameter limit
PER_BUCKET = 2  # candidates taken per band key: the most recent claims with it


@dataclass(frozen=True)
class NewClaim:
    """A claim this load writes, as grouping needs it."""

    claim_id: str
    features: Features
    features_json: str
    bands: tuple[int, ...]  # signed 64-bit band keys; empty: too short to join a story
    order: int  # timeline key
    article: int  # its article's row id
    length: int  # of its assertion


@dataclass(frozen=True)
class Entry:
    """A new claim with its `story_keys` id."""

    key_id: int
    claim: NewClaim

    @property
    def member(self) -> Member:
        claim = self.claim
        return Member(claim.claim_id, claim.article, claim.features, claim.order, claim.length)


@dataclass(frozen=True)
class Stored:
    """A stored claim found as a candidate: its article, its story, and itself."""

    key_id: int
    article: int
    story_id: str | None
    member: Member


def write_keys(connection: Connection, claims: Sequence[NewClaim], next_id: int) -> list[Entry]:
    """Insert the `story_keys` rows of `claims`, ids from `next_id`; return them as entries."""
    entries = [Entry(next_id + index, claim) for index, claim in enumerate(claims)]
    rows = [
        {
            "id": entry.key_id,
            "claim_id": entry.claim.claim_id,
            "features": entry.claim.features_json,
            "timeline_key": entry.claim.order,
        }
        for entry in entries
    ]
    for chunk in batches(rows, 5000):
        connection.execute(insert(STORY_KEYS), list(chunk))
    return entries


def write_bands(connection: Connection, entries: Sequence[Entry]) -> None:
    """Index the band keys of `entries` (after their candidates were looked up)."""
    rows = [(key, entry.key_id) for entry in entries for key in set(entry.claim.bands)]
    if not rows:
        return
    if is_sqlite(connection):
        # A dozen rows a claim: SQLAlchemy's per-row parameter handling would cost about
        # as much as SQLite's insert, so the rows go to the driver as they are.
        connection.exec_driver_sql(BAND_INSERT, rows)
        return
    for chunk in batches(rows, 10_000):
        connection.execute(insert(STORY_BANDS), [{"band_key": b, "key_id": k} for b, k in chunk])


BAND_INSERT = "INSERT INTO story_bands (band_key, key_id) VALUES (?, ?)"


def most_recent(connection: Connection, keys: Iterable[int]) -> dict[int, list[int]]:
    """For each band key, the `story_keys` ids of the most recent claims that have it."""
    found: dict[int, list[int]] = {}
    for chunk in batches(sorted(set(keys))):
        parameters = {f"k{index}": key for index, key in enumerate(chunk)}
        for key, *ids in connection.execute(most_recent_statement(len(chunk)), parameters):
            found[int(key)] = [int(key_id) for key_id in ids if key_id is not None]
    return found


@lru_cache(maxsize=8)
def most_recent_statement(count: int) -> TextClause:
    """The look-up of `count` band keys (:k0, :k1, ...): per key, one index seek for each
    of the `PER_BUCKET` most recent ids. Written as text, built once per length: the
    same query built with the expression language costs more to bind than to run."""
    wanted = ", ".join(f"(:k{index})" for index in range(count))
    ranks = ", ".join(
        "(SELECT key_id FROM story_bands WHERE band_key = wanted.k"
        f" ORDER BY key_id DESC LIMIT 1 OFFSET {rank})"
        for rank in range(PER_BUCKET)
    )
    return text(f"WITH wanted (k) AS (VALUES {wanted}) SELECT wanted.k, {ranks} FROM wanted")


def read_stored(connection: Connection, key_ids: Iterable[int]) -> dict[int, Stored]:
    """Stored candidates by `story_keys` id, with their article and story."""
    found: dict[int, Stored] = {}
    for chunk in batches(sorted(set(key_ids))):
        statement = (
            select(
                STORY_KEYS.c.id,
                STORY_KEYS.c.claim_id,
                STORY_KEYS.c.features,
                STORY_KEYS.c.timeline_key,
                CLAIMS.c.article_id,
                func.length(CLAIMS.c.assertion).label("length"),
                STORY_CLAIMS.c.story_id,
            )
            .join(CLAIMS, CLAIMS.c.id == STORY_KEYS.c.claim_id)
            .outerjoin(STORY_CLAIMS, STORY_CLAIMS.c.claim_id == STORY_KEYS.c.claim_id)
            .where(STORY_KEYS.c.id.in_(chunk))
        )
        for row in connection.execute(statement):
            features = features_from_json(row.features)
            member = Member(row.claim_id, row.article_id, features, row.timeline_key, row.length)
            found[row.id] = Stored(row.id, row.article_id, row.story_id, member)
    return found


def missing_claims(connection: Connection) -> list[tuple[Any, ...]]:
    """Stored claims without keys (a database loaded before stories existed), as rows of
    (claim id, assertion, stance, actor, target, first day, published, position, article,
    event start, event end, said on, said-on precision)."""
    actor, target = ENTITIES.alias("actor"), ENTITIES.alias("target")
    statement = (
        select(
            CLAIMS.c.id,
            CLAIMS.c.assertion,
            CLAIMS.c.stance,
            actor.c.slug.label("actor"),
            target.c.slug.label("target"),
            func.coalesce(CLAIMS.c.said_on_start, CLAIMS.c.said_on_end).label("first_day"),
            ARTICLES.c.published,
            CLAIMS.c.position,
            CLAIMS.c.article_id,
            CLAIMS.c.event_start,
            CLAIMS.c.event_end,
            CLAIMS.c.said_on,
            CLAIMS.c.said_on_precision,
        )
        .join(ARTICLES, ARTICLES.c.id == CLAIMS.c.article_id)
        .outerjoin(actor, actor.c.id == CLAIMS.c.actor_id)
        .outerjoin(target, target.c.id == CLAIMS.c.target_id)
        .where(~select(STORY_KEYS.c.id).where(STORY_KEYS.c.claim_id == CLAIMS.c.id).exists())
        .order_by(CLAIMS.c.article_id, CLAIMS.c.position)
    )
    return [tuple(row) for row in connection.execute(statement)]


def stored_claim(row: Sequence[Any]) -> NewClaim:
    """A row of `missing_claims` as a claim to group."""
    claim_id, assertion, stance, actor, target, first_day, published, position, article = row[:9]
    start, end, said_on, precision = row[9:]
    period = (start, end) if start and end else None
    features = claim_features(assertion, stance, actor, target, period, said_by(said_on, precision))
    return new_claim(
        claim_id, features, timeline_key(first_day, published, position), article, len(assertion)
    )


def new_claim(claim_id: str, features: Features, order: int, article: int, length: int) -> NewClaim:
    """A claim to group, with its band keys computed here."""
    from app.stories.prepare import band_keys_of, encode

    bands = band_keys_of([features])[0]
    return NewClaim(claim_id, features, encode(features), bands, order, article, length)


def batches(items: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
