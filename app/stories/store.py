"""Stories in the database, kept by `claimtrack load` in the same transaction as the claims.

A load never regroups what is stored. Every claim it writes gets a row of `story_keys`
(its LSH band keys and features), and, chunk by chunk, is looked up in an in-memory
index of every stored claim's band keys (`index.BandIndex`). It joins the story of a
candidate when it matches that story's headline (merging the stories whose headlines it
matches), or founds a new story with a candidate that belongs to none and matches it.
The rules users rely on:

- A story's id is derived from the claim that founded it: the earliest of the claims
  that formed it in the load that formed it (said-on day, then published day, then
  place in the article, then claim id). It never changes while the story lives; claims
  that join later, even earlier ones, keep it.
- A new claim that matches the headlines of two stored stories merges them. The story
  whose founding claim is earlier keeps its id; the other id becomes an alias of it
  (`story_aliases`), so its links keep working, and aliases never chain.
- A changed article's removed claims leave their stories. A story left with one claim is
  still a story (its link keeps working; lists show stories of two claims or more); a
  story left with none is deleted, with its aliases.
- Reloading an unchanged article writes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, func, insert, select, update

from app.extraction.model import Claim
from app.storage.tables import CLAIMS, STORIES, STORY_ALIASES, STORY_CLAIMS, STORY_KEYS
from app.stories.compare import relation
from app.stories.features import Features, features_from_json
from app.stories.grouping import Member, headline_rank, story_id
from app.stories.index import BandIndex
from app.stories.keys import (
    Entry,
    NewClaim,
    batches,
    missing_claims,
    read_keys,
    read_members,
    write_keys,
)
from app.stories.members import features_of, timeline_key
from app.stories.refresh import drop_story_rows, refresh_stories, retitle

RECENT = 50_000  # stored candidates kept in memory before the cache starts afresh


@dataclass
class StoryLoad:
    """The story side of one load: keys and grouping per chunk, stories written at the end."""

    connection: Connection
    next_id: int = 0
    pending: list[NewClaim] = field(default_factory=list)
    changed: bool = False
    grouper: Grouper | None = None

    def __post_init__(self) -> None:
        biggest = self.connection.execute(select(func.max(STORY_KEYS.c.id))).scalar_one()
        self.next_id = int(biggest or 0) + 1

    def add(
        self, claim: Claim, article: tuple[int, str], first_day: str | None, position: int
    ) -> None:
        """Remember a claim written by this load (`article`: its row id and published date)."""
        order = timeline_key(first_day, article[1], position)
        self.pending.append((claim.id, features_of(claim), order, article[0], len(claim.assertion)))

    def flush(self) -> None:
        """Write the keys of the claims added since the last flush, and group them."""
        if not self.pending:
            return
        if self.grouper is None:
            self.grouper = Grouper(self.connection)  # reads the stored keys before adding ours
        entries = write_keys(self.connection, self.pending, self.next_id)
        self.next_id += len(self.pending)
        self.pending.clear()
        self.grouper.group(entries)
        self.changed = True

    def forget_article(self, article_id: int) -> None:
        """Take a changed article's claims out of their stories (before they are deleted)."""
        claim_ids = select(CLAIMS.c.id).where(CLAIMS.c.article_id == article_id)
        if self.grouper is not None:
            gone = select(STORY_KEYS.c.id).where(STORY_KEYS.c.claim_id.in_(claim_ids))
            self.grouper.forget([row.id for row in self.connection.execute(gone)])
        headline = STORIES.c.headline_claim_id
        self.connection.execute(
            update(STORIES).where(headline.in_(claim_ids)).values(headline_claim_id=None)
        )
        self.connection.execute(delete(STORY_CLAIMS).where(STORY_CLAIMS.c.claim_id.in_(claim_ids)))
        self.connection.execute(delete(STORY_KEYS).where(STORY_KEYS.c.claim_id.in_(claim_ids)))
        self.changed = True

    def finish(self) -> None:
        """Group what is left (and stored claims without keys); write the stories."""
        self.pending.extend(missing_claims(self.connection))
        self.flush()
        if not self.changed:
            return
        touched = self.grouper.write() if self.grouper is not None else set()
        retitle(self.connection, touched)
        refresh_stories(self.connection)


@dataclass
class Slot:
    """A story as a load sees it: a stored one (with its id) or one the load founds."""

    head: Features | None  # the features a new claim must match to join
    story_id: str | None = None
    founder: tuple[int, str] = (0, "")  # a stored story's founding order, for merges
    merged_into: int | None = None


class Grouper:
    """Puts a load's claims into stories, chunk by chunk, in memory; writes at the end."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        stored = read_keys(connection)
        self.index = BandIndex(stored.ids, stored.keys)
        size = int(stored.ids.max()) + 1 if len(stored.ids) else 1
        self.articles = np.full(size, -1, dtype=np.int64)
        self.articles[stored.ids] = stored.articles
        self.story_of = np.full(size, -1, dtype=np.int64)  # key id -> slot
        self.slots: list[Slot] = []
        self.slot_of_story: dict[str, int] = {}
        self.links: dict[int, tuple[str, int]] = {}  # key id -> claim id, order: linked now
        self.recent: dict[int, Member] = {}  # stored claims read as candidates
        self._read_memberships()

    def _read_memberships(self) -> None:
        statement = select(STORY_KEYS.c.id, STORY_CLAIMS.c.story_id).join(
            STORY_CLAIMS, STORY_CLAIMS.c.claim_id == STORY_KEYS.c.claim_id
        )
        for row in self.connection.execute(statement):
            self.story_of[row.id] = self._stored_slot(row.story_id)

    def _stored_slot(self, story: str) -> int:
        if story not in self.slot_of_story:
            self.slot_of_story[story] = len(self.slots)
            self.slots.append(Slot(head=None, story_id=story))
        return self.slot_of_story[story]

    def forget(self, key_ids: list[int]) -> None:
        """Claims deleted by this load are no longer candidates."""
        for key_id in key_ids:
            if key_id < len(self.articles):
                self.articles[key_id] = -1
                self.story_of[key_id] = -1
            self.links.pop(key_id, None)

    def find(self, slot: int) -> int:
        while self.slots[slot].merged_into is not None:
            slot = self.slots[slot].merged_into  # type: ignore[assignment]
        return slot

    def group(self, entries: Sequence[Entry]) -> None:
        """Link each groupable entry to a story, or found one with a candidate."""
        entries = [entry for entry in entries if entry.bands is not None]
        if not entries:
            return
        ids = np.array([entry.key_id for entry in entries], dtype=np.int64)
        self._grow(int(ids.max()) + 1)
        self.articles[ids] = [entry.member.article for entry in entries]
        keys = np.stack([entry.bands for entry in entries])  # type: ignore[misc]
        self.index.add(ids, keys)
        candidates = self._candidates(entries, self.index.lookup(keys))
        known = {entry.key_id: entry.member for entry in entries}
        unknown = {
            c for found in candidates for c in found if c not in known and self.story_of[c] < 0
        }
        known.update(read_members(self.connection, unknown))
        self._load_heads(
            {
                self.find(int(self.story_of[c]))
                for found in candidates
                for c in found
                if self.story_of[c] >= 0
            }
        )
        for entry, found in zip(entries, candidates, strict=True):
            if self.story_of[entry.key_id] < 0:
                self._place(entry.key_id, entry.member, found, known)

    def _members(self, key_ids: set[int]) -> dict[int, Member]:
        """Stored claims that belong to no story, read once and kept a while."""
        missing = key_ids - self.recent.keys()
        if missing:
            if len(self.recent) > RECENT:
                self.recent.clear()
            self.recent.update(read_members(self.connection, missing))
        return {key_id: self.recent[key_id] for key_id in key_ids if key_id in self.recent}

    def _grow(self, size: int) -> None:
        if size > len(self.articles):
            extra = size * 2 - len(self.articles)
            self.articles = np.concatenate([self.articles, np.full(extra, -1, dtype=np.int64)])
            self.story_of = np.concatenate([self.story_of, np.full(extra, -1, dtype=np.int64)])

    def _candidates(self, entries: Sequence[Entry], found: list[set[int]]) -> list[list[int]]:
        """Candidates from other articles that still exist, in id order."""
        return [
            sorted(
                c for c in ids if self.articles[c] >= 0 and self.articles[c] != entry.member.article
            )
            for entry, ids in zip(entries, found, strict=True)
        ]

    def _load_heads(self, slots: set[int]) -> None:
        """The headline features of stored stories about to be compared."""
        wanted = {self.slots[s].story_id: s for s in slots if self.slots[s].head is None}
        for chunk in batches(sorted(story for story in wanted if story)):
            statement = (
                select(STORIES.c.id, STORIES.c.founder_key, STORY_KEYS.c.features)
                .outerjoin(STORY_KEYS, STORY_KEYS.c.claim_id == STORIES.c.headline_claim_id)
                .where(STORIES.c.id.in_(chunk))
            )
            for row in self.connection.execute(statement):
                slot = self.slots[wanted[row.id]]
                slot.founder = (int(row.founder_key), row.id)
                slot.head = features_from_json(row.features) if row.features else None
        headless = sorted(
            story for story, s in wanted.items() if story and self.slots[s].head is None
        )
        for chunk in batches(headless):
            # Its headline claim left the story: any remaining claim stands in until retitled.
            statement = (
                select(STORY_CLAIMS.c.story_id, STORY_KEYS.c.features)
                .join(STORY_KEYS, STORY_KEYS.c.claim_id == STORY_CLAIMS.c.claim_id)
                .where(STORY_CLAIMS.c.story_id.in_(chunk))
            )
            for member_row in self.connection.execute(statement):
                slot = self.slots[wanted[member_row.story_id]]
                slot.head = slot.head or features_from_json(member_row.features)

    def _place(
        self, key_id: int, member: Member, found: list[int], known: dict[int, Member]
    ) -> None:
        slots = {self.find(int(self.story_of[c])) for c in found if self.story_of[c] >= 0}
        matches = [
            s for s in slots if (head := self.slots[s].head) and relation(head, member.features)
        ]
        if matches:
            self._link(key_id, member, self._merge(matches))
            return
        for other in found:
            partner = known.get(other)
            if partner is None or self.story_of[other] >= 0:
                continue
            if relation(partner.features, member.features):
                pair = [partner, member]
                counts = Counter(term for m in pair for term in m.features.terms)
                best = min(pair, key=lambda m: headline_rank(m, counts))
                self.slots.append(Slot(head=best.features))
                self._link(other, partner, len(self.slots) - 1)
                self._link(key_id, member, len(self.slots) - 1)
                return

    def _link(self, key_id: int, member: Member, slot: int) -> None:
        self.story_of[key_id] = slot
        self.links[key_id] = (member.claim_id, member.order)

    def _merge(self, slots: list[int]) -> int:
        """One slot for all of `slots`: the stored story founded first, else the first."""
        stored = [s for s in slots if self.slots[s].story_id is not None]
        survivor = min(stored, key=lambda s: self.slots[s].founder) if stored else min(slots)
        for slot in slots:
            if slot != survivor:
                self.slots[slot].merged_into = survivor
        return survivor

    def write(self) -> set[str]:
        """Write merges, new stories and new links; return the ids of the stories touched."""
        members: dict[int, list[tuple[str, int]]] = {}
        for key_id, linked in self.links.items():
            members.setdefault(self.find(int(self.story_of[key_id])), []).append(linked)
        touched = self._write_merges()
        rows: list[dict[str, Any]] = []
        for slot, linked_claims in members.items():
            story = self.slots[slot].story_id or self._found(linked_claims)
            touched.add(story)
            rows.extend(
                {"claim_id": claim_id, "story_id": story, "timeline_key": order, "relation": "same"}
                for claim_id, order in linked_claims
            )
        for chunk in batches(rows, 5000):
            self.connection.execute(insert(STORY_CLAIMS), list(chunk))
        return touched

    def _write_merges(self) -> set[str]:
        """Stored stories merged into others: claims moved, the old id kept as an alias."""
        survivors = set()
        for slot in self.slots:
            if slot.story_id is None or slot.merged_into is None:
                continue
            survivor = self.slots[self.find(slot.merged_into)].story_id
            assert survivor is not None  # a stored story only merges into a stored one
            merge_story(self.connection, slot.story_id, survivor)
            survivors.add(survivor)
        return survivors

    def _found(self, members: list[tuple[str, int]]) -> str:
        """A new story named after its earliest claim (reusing an id that was freed)."""
        first_id, first_order = min(members, key=lambda member: (member[1], member[0]))
        new_id = story_id(first_id)
        self.connection.execute(delete(STORY_ALIASES).where(STORY_ALIASES.c.alias == new_id))
        exists = self.connection.execute(select(STORIES.c.id).where(STORIES.c.id == new_id)).first()
        values: dict[str, Any] = {"founder_claim_id": first_id, "founder_key": first_order}
        if exists:
            self.connection.execute(update(STORIES).where(STORIES.c.id == new_id).values(values))
        else:
            self.connection.execute(insert(STORIES).values(id=new_id, **values))
        return new_id


def merge_story(connection: Connection, other: str, survivor: str) -> None:
    """Move `other`'s claims into `survivor`; `other` lives on as an alias of it."""
    execute = connection.execute
    execute(update(STORY_CLAIMS).where(STORY_CLAIMS.c.story_id == other).values(story_id=survivor))
    execute(
        update(STORY_ALIASES).where(STORY_ALIASES.c.story_id == other).values(story_id=survivor)
    )
    drop_story_rows(connection, [other])
    execute(insert(STORY_ALIASES).values(alias=other, story_id=survivor))
