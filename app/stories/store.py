"""Stories in the database, kept by `claimtrack load` in the same transaction as the claims.

A load never regroups what is stored. Every claim it writes gets a row of `story_keys`
(its LSH band keys and features); at the end of the load the new rows are matched
against all stored band keys, the candidate pairs that involve a new claim are judged,
and each group of linked claims joins the story its older claims already belong to, or
founds a new one. The rules users rely on:

- A story's id is derived from the claim that founded it: the earliest of the claims
  that formed it (said-on day, then published day, then position, then claim id). It
  never changes while the story lives; claims that join later, even earlier ones, keep it.
- A new claim that joins two stories merges them. The story whose founding claim is
  earlier keeps its id; the other id becomes an alias of it (`story_aliases`), so its
  links keep working, and aliases never chain.
- A changed article's removed claims leave their stories. A story left with one claim is
  still a story (its link keeps working; lists show stories of two claims or more); a
  story left with none is deleted, with its aliases.
- Reloading an unchanged article writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, func, insert, select, update

from app.extraction.model import Claim
from app.storage.tables import (
    ARTICLES,
    CLAIMS,
    ENTITIES,
    STORIES,
    STORY_ALIASES,
    STORY_CLAIMS,
    STORY_KEYS,
)
from app.stories.compare import relation
from app.stories.features import Features, features_from_json, features_json
from app.stories.grouping import (
    Member,
    adjacency,
    candidate_pairs,
    components,
    star_clusters,
    story_id,
)
from app.stories.members import features_of, timeline_key
from app.stories.minhash import band_layout, keys_of
from app.stories.refresh import drop_story_rows, refresh_stories, retitle

BATCH = 900  # ids per IN (...) list: below every backend's limit on bound parameters
NewKey = tuple[str, Features, int]  # claim id, features, timeline key


@dataclass
class StoryLoad:
    """The story side of one load: keys written per chunk, grouping at the end."""

    connection: Connection
    first_new_id: int = 0
    next_id: int = 0
    pending: list[NewKey] = field(default_factory=list)
    changed: bool = False

    def __post_init__(self) -> None:
        biggest = self.connection.execute(select(func.max(STORY_KEYS.c.id))).scalar_one()
        self.first_new_id = self.next_id = int(biggest or 0) + 1

    def add(self, claim: Claim, first_day: str | None, published: str, position: int) -> None:
        """Remember a claim written by this load (its keys go out with `flush`)."""
        self.pending.append(
            (claim.id, features_of(claim), timeline_key(first_day, published, position))
        )

    def flush(self) -> None:
        """Write the keys of the claims added since the last flush (after their claims)."""
        if self.pending:
            self.next_id = write_keys(self.connection, self.pending, self.next_id)
            self.pending.clear()
            self.changed = True

    def forget_article(self, article_id: int) -> None:
        """Take a changed article's claims out of their stories (before they are deleted)."""
        claim_ids = select(CLAIMS.c.id).where(CLAIMS.c.article_id == article_id)
        headline = STORIES.c.headline_claim_id
        self.connection.execute(
            update(STORIES).where(headline.in_(claim_ids)).values(headline_claim_id=None)
        )
        self.connection.execute(delete(STORY_CLAIMS).where(STORY_CLAIMS.c.claim_id.in_(claim_ids)))
        self.connection.execute(delete(STORY_KEYS).where(STORY_KEYS.c.claim_id.in_(claim_ids)))
        self.changed = True

    def finish(self) -> None:
        """Group this load's claims (and any stored claim without keys) into stories."""
        self.flush()
        self.next_id = backfill(self.connection, self.next_id)
        if self.next_id > self.first_new_id:
            self.changed = True
        if not self.changed:
            return
        touched = group_new_claims(self.connection, self.first_new_id)
        retitle(self.connection, touched)
        refresh_stories(self.connection)


def write_keys(connection: Connection, items: Sequence[NewKey], next_id: int) -> int:
    """Insert the `story_keys` rows of `items` from id `next_id`; return the next free id."""
    groupable = [index for index, (_, features, _) in enumerate(items) if features.groupable]
    keys = keys_of([items[index][1].terms for index in groupable])
    bands = {index: keys[row].tobytes() for row, index in enumerate(groupable)}
    rows = [
        {
            "id": next_id + index,
            "claim_id": claim_id,
            "bands": bands.get(index),
            "features": features_json(features),
            "timeline_key": key,
        }
        for index, (claim_id, features, key) in enumerate(items)
    ]
    connection.execute(insert(STORY_KEYS), rows)
    return next_id + len(items)


def backfill(connection: Connection, next_id: int, batch: int = 5000) -> int:
    """Keys for stored claims that have none (a database loaded before stories existed)."""
    actor, target = ENTITIES.alias("actor"), ENTITIES.alias("target")
    missing = (
        select(
            CLAIMS.c.id,
            CLAIMS.c.assertion,
            CLAIMS.c.stance,
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
    rows = connection.execute(missing).fetchall()
    for start in range(0, len(rows), batch):
        items = [
            (
                row.id,
                _features(row.assertion, row.stance, row.actor, row.target),
                timeline_key(row.first_day, row.published, row.position),
            )
            for row in rows[start : start + batch]
        ]
        next_id = write_keys(connection, items, next_id)
    return next_id


def _features(assertion: str, stance: str, actor: str | None, target: str | None) -> Features:
    from app.stories.features import claim_features

    return claim_features(assertion, stance, actor, target)


@dataclass
class StoredKeys:
    """Every groupable claim's band keys, in key order, with its article."""

    ids: np.ndarray  # story_keys ids
    articles: np.ndarray
    keys: np.ndarray  # (claims, bands) uint64


def read_keys(connection: Connection, batch: int = 50_000) -> StoredKeys:
    """All stored band keys (a few bytes per claim: the whole index fits in memory)."""
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


def group_new_claims(connection: Connection, first_new_id: int) -> set[str]:
    """Link the new claims to stored ones and to each other; return the stories touched."""
    stored = read_keys(connection)
    fresh = stored.ids >= first_new_id
    if not fresh.any():
        return set()
    pairs = candidate_pairs(stored.keys, stored.articles, fresh)
    involved = np.unique(pairs)
    members = read_members(connection, stored.ids[involved].tolist())
    local = np.searchsorted(involved, pairs)
    edges = [
        (left, right)
        for left, right in local.tolist()
        if relation(members[left].features, members[right].features) is not None
    ]
    groups = components(len(members), edges)
    return Assigner(connection, members, adjacency(edges)).assign(groups)


def read_members(connection: Connection, key_ids: list[int]) -> list[Member]:
    """The members for `key_ids` (story_keys ids), in that order."""
    columns = (STORY_KEYS.c.id, STORY_KEYS.c.claim_id, CLAIMS.c.article_id, STORY_KEYS.c.features)
    found: dict[int, Member] = {}
    for chunk in batches(key_ids):
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
    return [found[key_id] for key_id in key_ids]


def batches(items: Sequence[Any], size: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Assigner:
    """Puts groups of linked claims into stories: join, found, or merge."""

    def __init__(
        self, connection: Connection, members: list[Member], linked_to: dict[int, set[int]]
    ) -> None:
        self.connection = connection
        self.members = members
        self.linked_to = linked_to
        self.merged: dict[str, str] = {}  # story merged away in this load -> its survivor
        self.touched: set[str] = set()
        self.new_links: list[dict[str, Any]] = []

    def assign(self, groups: list[list[int]]) -> set[str]:
        """Every group into stories; return the ids of the stories that changed.

        A new claim joins a stored story when it matches the story's headline (and
        merges the stories whose headlines it matches); new claims that join no stored
        story form new stories of their own (`star_clusters`).
        """
        claim_ids = [self.members[index].claim_id for group in groups for index in group]
        current = story_of_claims(self.connection, claim_ids)
        founders = founder_keys(self.connection, set(current.values()))
        heads = headline_features(self.connection, set(current.values()))
        for group in groups:
            self.assign_group([self.members[index] for index in group], current, founders, heads)
            self.found_stories(group, current, founders, heads)
        for chunk in batches(self.new_links, 5000):
            self.connection.execute(insert(STORY_CLAIMS), list(chunk))
        return {self.resolve(story) for story in self.touched}

    def assign_group(
        self,
        group: list[Member],
        current: dict[str, str],
        founders: dict[str, tuple[int, str]],
        heads: dict[str, Features],
    ) -> None:
        """The new claims of one linked group into stored stories or new ones."""
        for member in group:
            if member.claim_id in current:
                heads.setdefault(self.resolve(current[member.claim_id]), member.features)
        for member in sorted(group, key=lambda m: (m.order, m.claim_id)):
            if member.claim_id in current:
                continue
            live = {self.resolve(current[m.claim_id]) for m in group if m.claim_id in current}
            matches = {story for story in live if relation(heads[story], member.features)}
            if matches:
                self.link(self.target(matches, founders), member, current)

    def found_stories(
        self,
        group: list[int],
        current: dict[str, str],
        founders: dict[str, tuple[int, str]],
        heads: dict[str, Features],
    ) -> None:
        """New stories of the group's new claims that joined no stored story."""
        leftovers = [index for index in group if self.members[index].claim_id not in current]
        for story in star_clusters(leftovers, self.members, self.linked_to):
            members = [self.members[index] for index in story]
            target = self.found(members, founders)
            heads[target] = members[0].features
            for member in members:
                self.link(target, member, current)

    def link(self, story: str, member: Member, current: dict[str, str]) -> None:
        self.new_links.append(_link(story, member))
        current[member.claim_id] = story
        self.touched.add(story)

    def resolve(self, story: str) -> str:
        while story in self.merged:
            story = self.merged[story]
        return story

    def target(self, stories: set[str], founders: dict[str, tuple[int, str]]) -> str:
        """The oldest of `stories`; the others are merged into it."""
        survivor = min(stories, key=lambda story: founders[story])
        for other in stories - {survivor}:
            self.merge(other, survivor)
        return survivor

    def found(self, group: list[Member], founders: dict[str, tuple[int, str]]) -> str:
        """A new story named after the earliest claim of `group` (reusing a freed id)."""
        first = min(group, key=lambda member: (member.order, member.claim_id))
        new_id = story_id(first.claim_id)
        self.connection.execute(delete(STORY_ALIASES).where(STORY_ALIASES.c.alias == new_id))
        exists = self.connection.execute(select(STORIES.c.id).where(STORIES.c.id == new_id)).first()
        values = {"founder_claim_id": first.claim_id, "founder_key": first.order}
        if exists:
            self.connection.execute(update(STORIES).where(STORIES.c.id == new_id).values(values))
        else:
            self.connection.execute(insert(STORIES).values(id=new_id, **values))
        founders[new_id] = (first.order, new_id)
        return new_id

    def merge(self, other: str, survivor: str) -> None:
        """Move `other`'s claims into `survivor`; `other` lives on as an alias."""
        execute = self.connection.execute
        execute(
            update(STORY_CLAIMS).where(STORY_CLAIMS.c.story_id == other).values(story_id=survivor)
        )
        execute(
            update(STORY_ALIASES).where(STORY_ALIASES.c.story_id == other).values(story_id=survivor)
        )
        for link in self.new_links:
            if link["story_id"] == other:
                link["story_id"] = survivor
        drop_story_rows(self.connection, [other])
        execute(insert(STORY_ALIASES).values(alias=other, story_id=survivor))
        self.merged[other] = survivor
        self.touched.discard(other)


def _link(story: str, member: Member) -> dict[str, Any]:
    return {
        "claim_id": member.claim_id,
        "story_id": story,
        "timeline_key": member.order,
        "relation": "same",
    }


def story_of_claims(connection: Connection, claim_ids: Iterable[str]) -> dict[str, str]:
    """The stored story of each of `claim_ids` that has one."""
    found: dict[str, str] = {}
    for chunk in batches(list(claim_ids)):
        statement = select(STORY_CLAIMS.c.claim_id, STORY_CLAIMS.c.story_id).where(
            STORY_CLAIMS.c.claim_id.in_(chunk)
        )
        found.update({row.claim_id: row.story_id for row in connection.execute(statement)})
    return found


def headline_features(connection: Connection, story_ids: set[str]) -> dict[str, Features]:
    """The features of each story's headline claim (stories without one are left out)."""
    found: dict[str, Features] = {}
    for chunk in batches(sorted(story_ids)):
        statement = (
            select(STORIES.c.id, STORY_KEYS.c.features)
            .join(STORY_KEYS, STORY_KEYS.c.claim_id == STORIES.c.headline_claim_id)
            .where(STORIES.c.id.in_(chunk))
        )
        found.update(
            {row.id: features_from_json(row.features) for row in connection.execute(statement)}
        )
    return found


def founder_keys(connection: Connection, story_ids: set[str]) -> dict[str, tuple[int, str]]:
    """Each story's founder order, to decide which survives a merge."""
    found: dict[str, tuple[int, str]] = {}
    for chunk in batches(sorted(story_ids)):
        statement = select(STORIES.c.id, STORIES.c.founder_key).where(STORIES.c.id.in_(chunk))
        found.update(
            {row.id: (int(row.founder_key), row.id) for row in connection.execute(statement)}
        )
    return found
