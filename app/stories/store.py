"""Stories in the database, kept by `claimtrack load` in the same transaction as the claims.

A load never regroups what is stored, and touches only what it adds. Chunk by chunk, it
writes its claims' `story_keys` rows, asks the band index (`story_bands`) for the few
most recent stored claims sharing a band key with each (`keys.most_recent`), then
indexes its own. A claim joins the story of a candidate when it matches that story's
**headline** (merging the stories whose headlines it matches), or founds a new story
with a candidate that belongs to none and matches it. At the end it names the stories
it founded, and chooses headlines and recounts only for the stories it changed.
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, tuple_, update

from app.extraction.model import Claim
from app.storage.tables import (
    CLAIMS,
    STORIES,
    STORY_ALIASES,
    STORY_BANDS,
    STORY_CLAIMS,
    STORY_KEYS,
)
from app.stories.compare import closeness, compatible, relation
from app.stories.features import Features, features_from_json
from app.stories.grouping import Member, headline_rank, story_id
from app.stories.keys import (
    PER_BUCKET,
    Entry,
    NewClaim,
    batches,
    missing_claims,
    most_recent,
    new_claim,
    read_stored,
    stored_claim,
    write_bands,
    write_keys,
)
from app.stories.members import features_of, timeline_key
from app.stories.prepare import Prepared, band_keys_of
from app.stories.refresh import drop_story_rows, refresh_stories, retitle

HEADS_KEPT = 50_000  # headline features kept between chunks before the cache starts afresh
# This load's most recent claims, kept as candidates: the most recent claims of a band key
# are mostly the load's own, so most candidates need no reading back (3 KB each).
RECENT_KEPT = 30_000
# Candidates of a band key among the chunk's own claims: the most recent few, as the
# index gives the most recent stored ones, and as many of one article (`keys.PER_BUCKET`).
LOCAL_PER_KEY = 4 * PER_BUCKET
PROVISIONAL = "~"  # ids of stories founded by this load until it names them


@dataclass
class StoryLoad:
    """The story side of one load: keys and grouping per chunk, names and counts at the end."""

    connection: Connection
    next_id: int = 0
    pending: list[NewClaim] = field(default_factory=list)
    grouper: Grouper = field(init=False)

    def __post_init__(self) -> None:
        biggest = self.connection.execute(select(func.max(STORY_KEYS.c.id))).scalar_one()
        self.next_id = int(biggest or 0) + 1
        self.grouper = Grouper(self.connection)

    def add(
        self,
        claim: Claim,
        prepared: Prepared | None,
        article: tuple[int, str],
        first_day: str | None,
        position: int,
    ) -> None:
        """Remember a claim written by this load (`article`: its row id and published date).

        `prepared` is what the extraction worker computed for it, if anything."""
        order = timeline_key(first_day, article[1], position)
        if prepared is None:
            self.pending.append(
                new_claim(claim.id, features_of(claim), order, article[0], len(claim.assertion))
            )
            return
        self.pending.append(
            NewClaim(
                claim.id,
                prepared.features,
                prepared.encoded,
                prepared.bands,
                order,
                article[0],
                len(claim.assertion),
            )
        )

    def flush(self) -> None:
        """Write the keys of the claims added since the last flush, and group them."""
        if not self.pending:
            return
        entries = write_keys(self.connection, self.pending, self.next_id)
        self.next_id += len(self.pending)
        self.pending.clear()
        self.grouper.group(entries)

    def forget_article(self, article_id: int) -> None:
        """Take a changed article's claims out of their stories (before they are deleted)."""
        connection = self.connection
        claim_ids = select(CLAIMS.c.id).where(CLAIMS.c.article_id == article_id)
        stories = select(STORY_CLAIMS.c.story_id).where(STORY_CLAIMS.c.claim_id.in_(claim_ids))
        self.grouper.forget({row.story_id for row in connection.execute(stories)})
        headline = STORIES.c.headline_claim_id
        connection.execute(
            update(STORIES).where(headline.in_(claim_ids)).values(headline_claim_id=None)
        )
        connection.execute(delete(STORY_CLAIMS).where(STORY_CLAIMS.c.claim_id.in_(claim_ids)))
        keys = select(STORY_KEYS.c.id, STORY_KEYS.c.features).where(
            STORY_KEYS.c.claim_id.in_(claim_ids)
        )
        drop_bands(connection, [(row.id, row.features) for row in connection.execute(keys)])
        connection.execute(delete(STORY_KEYS).where(STORY_KEYS.c.claim_id.in_(claim_ids)))

    def finish(self) -> None:
        """Group what is left (and stored claims without keys); name, title and count the
        stories this load changed."""
        self.pending.extend(stored_claim(row) for row in missing_claims(self.connection))
        self.flush()
        touched = self.grouper.finish()
        retitle(self.connection, touched)
        refresh_stories(self.connection, touched)


def keep_recent(kept: list[Candidate], new: Candidate) -> None:
    """Add `new` to a band key's recent claims, keeping at most `PER_BUCKET` of one article
    (a long speech repeats its own words) and `LOCAL_PER_KEY` in all; the oldest go."""
    same = [index for index, old in enumerate(kept) if old.article == new.article]
    if len(same) >= PER_BUCKET:
        del kept[same[0]]
    elif len(kept) >= LOCAL_PER_KEY:
        del kept[0]
    kept.append(new)


def drop_bands(connection: Connection, keys: Sequence[tuple[int, str]]) -> None:
    """Delete the band keys of claims (story_keys id, features), found again from their terms."""
    features = [features_from_json(encoded) for _, encoded in keys]
    rows = [
        (key_id, band)
        for (key_id, _), bands in zip(keys, band_keys_of(features), strict=True)
        for band in set(bands)
    ]
    pair = tuple_(STORY_BANDS.c.band_key, STORY_BANDS.c.key_id)
    for chunk in batches(rows, 400):
        connection.execute(delete(STORY_BANDS).where(pair.in_([(b, k) for k, b in chunk])))


@dataclass(frozen=True)
class Candidate:
    """A claim a new claim is compared with: stored, or written earlier in this load."""

    key_id: int
    article: int
    member: Member


class Grouper:
    """Puts a load's claims into stories, chunk by chunk, writing as it goes."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.founded: dict[str, tuple[int, str]] = {}  # provisional id -> earliest claim
        self.foundings = 0
        self.merged: dict[str, str] = {}  # a story merged away by this load -> its survivor
        self.heads: dict[str, Features | None] = {}  # story id -> its headline's features
        self.founders: dict[str, tuple[int, str]] = {}  # stored story -> its founding order
        self.touched: set[str] = set()
        self.story_of: dict[int, str] = {}  # claims of the current chunk linked so far
        self.recent: dict[int, Candidate] = {}  # this load's last claims, oldest first
        self.recent_story: dict[int, str] = {}  # the stories of those linked to one

    def forget(self, stories: Iterable[str]) -> None:
        """Stories that lose claims: their headline may go, so read it again."""
        for story in stories:
            self.heads.pop(story, None)
            self.touched.add(story)
        self.recent.clear()  # a changed article's claims leave: read candidates afresh
        self.recent_story.clear()

    def resolve(self, story: str) -> str:
        while story in self.merged:
            story = self.merged[story]
        return story

    def group(self, entries: Sequence[Entry]) -> None:
        """Link each groupable entry to a story, or found one with a candidate."""
        entries = [entry for entry in entries if entry.claim.bands]
        if not entries:
            return
        keys = {key for entry in entries for key in entry.claim.bands}
        recent = most_recent(self.connection, keys)  # before this chunk's own keys are in
        write_bands(self.connection, entries)
        pool = self._pool({key_id for ids in recent.values() for key_id in ids})
        self._read_heads({self.resolve(self.story_of[key_id]) for key_id in self.story_of})
        local: dict[int, list[Candidate]] = {}  # band key -> this chunk's claims with it
        links: list[dict[str, Any]] = []
        for entry in entries:
            candidates = self._candidates(entry, recent, pool, local)
            links.extend(self._place(entry, candidates))
            mine = Candidate(entry.key_id, entry.claim.article, entry.member)
            for key in set(entry.claim.bands):
                keep_recent(local.setdefault(key, []), mine)
            self._remember(mine)
        for link in links:
            link["story_id"] = self.resolve(link["story_id"])
        for chunk in batches(links, 5000):
            self.connection.execute(insert(STORY_CLAIMS), list(chunk))
        for key_id, story in self.story_of.items():
            if key_id in self.recent:
                self.recent_story[key_id] = story
        self.story_of.clear()
        if len(self.heads) > HEADS_KEPT:
            self.heads.clear()

    def _pool(self, key_ids: set[int]) -> dict[int, Candidate]:
        """The stored candidates `key_ids`, from this load's recent claims or read back;
        the stories they belong to go into `story_of`."""
        pool = {key_id: self.recent[key_id] for key_id in key_ids if key_id in self.recent}
        for key_id in pool:
            if key_id in self.recent_story:
                self.story_of[key_id] = self.recent_story[key_id]
        for key_id, found in read_stored(self.connection, key_ids - pool.keys()).items():
            pool[key_id] = Candidate(key_id, found.article, found.member)
            if found.story_id is not None:
                self.story_of[key_id] = found.story_id
        return pool

    def _remember(self, candidate: Candidate) -> None:
        self.recent[candidate.key_id] = candidate
        while len(self.recent) > RECENT_KEPT:
            oldest = next(iter(self.recent))
            del self.recent[oldest]
            self.recent_story.pop(oldest, None)

    def _candidates(
        self,
        entry: Entry,
        recent: dict[int, list[int]],
        pool: dict[int, Candidate],
        local: dict[int, list[Candidate]],
    ) -> list[Candidate]:
        """Claims of other articles sharing a band key with `entry`, newest first, once each."""
        found: dict[int, Candidate] = {}
        for key in entry.claim.bands:
            for candidate in local.get(key, ()):
                found.setdefault(candidate.key_id, candidate)
            for key_id in recent.get(key, ()):
                if key_id in pool:
                    found.setdefault(key_id, pool[key_id])
        article = entry.claim.article
        return sorted(
            (c for c in found.values() if c.article != article),
            key=lambda c: -c.key_id,
        )

    def _place(self, entry: Entry, candidates: list[Candidate]) -> list[dict[str, Any]]:
        """Link `entry` to a story; the links to write.

        It joins the stories whose headline it matches, unless a candidate it matches is
        closer to it than those headlines: then, as when no headline matches, it joins
        that candidate's story (a paraphrase of a paraphrase) or founds a story with it."""
        member = entry.member
        stories = sorted(
            {self.resolve(self.story_of[c.key_id]) for c in candidates if c.key_id in self.story_of}
        )
        scores = {
            story: closeness(head, member.features)
            for story in stories
            if (head := self.heads.get(story)) is not None and relation(head, member.features)
        }
        matches = sorted(scores)
        closest = max(scores.values(), default=0.0)
        partner = self._closest(member, candidates, closest)
        if partner is None:
            return [self._link(entry.key_id, member, self._merge(matches))] if matches else []
        if partner.key_id in self.story_of:
            story = self.resolve(self.story_of[partner.key_id])
            return [self._link(entry.key_id, member, story)]
        story = self._found(partner.member, member)
        return [
            self._link(partner.key_id, partner.member, story),
            self._link(entry.key_id, member, story),
        ]

    @staticmethod
    def _closest(member: Member, candidates: list[Candidate], than: float) -> Candidate | None:
        """The candidate `member` matches most closely, if more closely than `than`.

        A short fragment that matches a story's headline loosely ("$350 million in aid")
        belongs with the claim it repeats word for word, not with the first story found.
        Equally close, the newest wins (`candidates` come newest first)."""
        features = member.features
        scored = [
            (closeness(c.member.features, features), c)
            for c in candidates
            if compatible(c.member.features, features)
        ]
        scored.sort(key=lambda pair: -pair[0])  # stable: the newest first among equals
        for score, candidate in scored:
            if score <= than:
                break
            if relation(candidate.member.features, member.features):
                return candidate
        return None

    def _link(self, key_id: int, member: Member, story: str) -> dict[str, Any]:
        self.story_of[key_id] = story
        self.touched.add(story)
        if story in self.founded:
            self.founded[story] = min(self.founded[story], (member.order, member.claim_id))
        return {
            "claim_id": member.claim_id,
            "story_id": story,
            "timeline_key": member.order,
            "relation": "same",
        }

    def _found(self, first: Member, second: Member) -> str:
        """A story founded by two claims, under a provisional id until the load ends."""
        pair = [first, second]
        counts = Counter(term for m in pair for term in m.features.terms)
        head = min(pair, key=lambda m: headline_rank(m, counts))
        earliest = min((m.order, m.claim_id) for m in pair)
        self.foundings += 1
        story = f"{PROVISIONAL}{self.foundings}"
        self.founded[story] = earliest
        self.heads[story] = head.features
        self.connection.execute(
            insert(STORIES).values(
                id=story,
                founder_claim_id=earliest[1],
                founder_key=earliest[0],
                headline_claim_id=head.claim_id,
            )
        )
        return story

    def _merge(self, stories: list[str]) -> str:
        """One story for all of `stories`: the stored one founded first, else the one of
        this load founded first."""
        stored = [story for story in stories if story not in self.founded]
        if stored:
            survivor = min(stored, key=lambda story: (self.founders[story], story))
        else:
            survivor = min(stories, key=lambda story: (self.founded[story], story))
        for story in stories:
            if story == survivor:
                continue
            if story in self.founded:
                if survivor in self.founded:
                    self.founded[survivor] = min(self.founded[survivor], self.founded[story])
                move_claims(self.connection, story, survivor)
                drop_story_rows(self.connection, [story])
                del self.founded[story]
            else:
                merge_story(self.connection, story, survivor)
            self.merged[story] = survivor
            self.touched.discard(story)
            self.touched.add(survivor)
            for key_id, linked in self.story_of.items():
                if linked == story:
                    self.story_of[key_id] = survivor
        return survivor

    def _read_heads(self, stories: set[str]) -> None:
        """The headline features (and founding order) of stored stories about to be compared."""
        wanted = sorted(story for story in stories if story not in self.heads)
        for chunk in batches(wanted):
            statement = (
                select(STORIES.c.id, STORIES.c.founder_key, STORY_KEYS.c.features)
                .outerjoin(STORY_KEYS, STORY_KEYS.c.claim_id == STORIES.c.headline_claim_id)
                .where(STORIES.c.id.in_(chunk))
            )
            for row in self.connection.execute(statement):
                self.founders[row.id] = (int(row.founder_key), row.id)
                self.heads[row.id] = features_from_json(row.features) if row.features else None
        headless = sorted(story for story in wanted if self.heads.get(story) is None)
        for chunk in batches(headless):
            # Its headline claim left the story: any remaining claim stands in until retitled.
            members = (
                select(STORY_CLAIMS.c.story_id, STORY_KEYS.c.features)
                .join(STORY_KEYS, STORY_KEYS.c.claim_id == STORY_CLAIMS.c.claim_id)
                .where(STORY_CLAIMS.c.story_id.in_(chunk))
            )
            for story, features in self.connection.execute(members):
                if self.heads.get(story) is None:
                    self.heads[story] = features_from_json(features)

    def finish(self) -> set[str]:
        """Name the stories this load founded; return the ids of all the stories it changed."""
        names = {
            provisional: story_id(claim_id) for provisional, (_, claim_id) in self.founded.items()
        }
        name_stories(self.connection, names, self.founded)
        self.touched -= names.keys()
        self.touched |= set(names.values())
        return self.touched


def name_stories(
    connection: Connection, names: dict[str, str], founders: dict[str, tuple[int, str]]
) -> None:
    """Give the stories founded by this load their ids (`names`: provisional -> final);
    a story whose id is a live story's already joins that story. A few statements for
    all of them, each run once per story."""
    finals = sorted(set(names.values()))
    live: set[str] = set()
    for chunk in batches(finals):
        found = connection.execute(select(STORIES.c.id).where(STORIES.c.id.in_(chunk)))
        live.update(found.scalars())
    for chunk in batches([final for final in finals if final not in live]):
        connection.execute(delete(STORY_ALIASES).where(STORY_ALIASES.c.alias.in_(chunk)))
    new = []
    for provisional, final in sorted(names.items()):
        if final not in live:
            order, founder = founders[provisional]
            new.append(
                {"final": final, "provisional": provisional, "key": order, "founder": founder}
            )
            live.add(final)  # a second story of the same id joins this one
    if new:
        head = select(STORIES.c.headline_claim_id).where(STORIES.c.id == bindparam("provisional"))
        founding = insert(STORIES).values(
            id=bindparam("final"),
            founder_claim_id=bindparam("founder"),
            founder_key=bindparam("key"),
            headline_claim_id=head.scalar_subquery(),
        )
        connection.execute(founding, new)
    moves = [{"final": final, "provisional": provisional} for provisional, final in names.items()]
    if moves:
        connection.execute(
            update(STORY_CLAIMS)
            .where(STORY_CLAIMS.c.story_id == bindparam("provisional"))
            .values(story_id=bindparam("final")),
            moves,
        )
        connection.execute(delete(STORIES).where(STORIES.c.id == bindparam("provisional")), moves)


def move_claims(connection: Connection, story: str, survivor: str) -> None:
    connection.execute(
        update(STORY_CLAIMS).where(STORY_CLAIMS.c.story_id == story).values(story_id=survivor)
    )


def merge_story(connection: Connection, other: str, survivor: str) -> None:
    """Move `other`'s claims into `survivor`; `other` lives on as an alias of it."""
    execute = connection.execute
    move_claims(connection, other, survivor)
    execute(
        update(STORY_ALIASES).where(STORY_ALIASES.c.story_id == other).values(story_id=survivor)
    )
    drop_story_rows(connection, [other])
    execute(insert(STORY_ALIASES).values(alias=other, story_id=survivor))
