"""Grouping claims into stories, in memory: candidate pairs, the precise test of each,
then the connected groups, each with its headline and each claim's relation to it.

A claim joins a story when it passes `compare.relation` with any claim of it (from
another article), so a story grows by linking: a new claim that matches claims of two
stories bridges them into one.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from app.stories.compare import Relation, figures_differ, relation
from app.stories.features import Features

MAX_NEIGHBOURS = 2  # in one LSH bucket, each claim is tried against its 2 neighbours each way


@dataclass(frozen=True)
class Member:
    """A claim as a story holds it."""

    claim_id: str
    article: int  # claims of one article are never compared with each other
    features: Features
    order: int  # time order: said-on day, then published day, then position
    length: int  # of its assertion, to prefer a short clear headline


def story_id(founder_claim_id: str) -> str:
    """A story's id, derived from the claim that founded it (12 lowercase base32 letters)."""
    digest = hashlib.sha256(f"story\n{founder_claim_id}".encode()).digest()
    return base64.b32encode(digest).decode("ascii")[:12].lower()


def candidate_pairs(keys: np.ndarray, articles: np.ndarray, fresh: np.ndarray) -> np.ndarray:
    """Pairs (i, j), i < j, sharing a band key, of two articles, at least one `fresh`.

    Each bucket of equal keys is walked in order and each claim tried against its next
    few neighbours, so a bucket of k claims costs k pairs, not k squared; identical
    claims still end up linked through their neighbours.
    """
    count, bands = keys.shape
    if count < 2:
        return np.zeros((0, 2), dtype=np.int64)
    flat = keys.ravel()
    owners = np.repeat(np.arange(count, dtype=np.int64), bands)
    order = np.argsort(flat, kind="stable")
    flat, owners = flat[order], owners[order]
    found = []
    for distance in range(1, MAX_NEIGHBOURS + 1):
        if distance >= len(flat):
            break
        same = flat[distance:] == flat[:-distance]
        first, second = owners[:-distance][same], owners[distance:][same]
        found.append(np.stack([np.minimum(first, second), np.maximum(first, second)], axis=1))
    pairs = np.concatenate(found) if found else np.zeros((0, 2), dtype=np.int64)
    left, right = pairs[:, 0], pairs[:, 1]
    keep = (left != right) & (articles[left] != articles[right]) & (fresh[left] | fresh[right])
    return np.unique(pairs[keep], axis=0)


class UnionFind:
    """Disjoint sets over 0..n-1 (path halving, union by size)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.size = [1] * size

    def find(self, item: int) -> int:
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a == b:
            return
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.parent[b] = a
        self.size[a] += self.size[b]


def linked(features: Sequence[Features | None], pairs: np.ndarray) -> list[tuple[int, int]]:
    """The candidate pairs that `relation` judges to be one story."""
    edges = []
    for left, right in pairs.tolist():
        a, b = features[left], features[right]
        if a is not None and b is not None and relation(a, b) is not None:
            edges.append((left, right))
    return edges


def components(size: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The groups of two or more items that `edges` connect, each in index order."""
    sets = UnionFind(size)
    touched: set[int] = set()
    for left, right in edges:
        sets.union(left, right)
        touched.update((left, right))
    groups: dict[int, list[int]] = {}
    for item in sorted(touched):
        groups.setdefault(sets.find(item), []).append(item)
    return [group for group in groups.values() if len(group) > 1]


def headline(members: Sequence[Member]) -> Member:
    """The clearest assertion: affirming, sharing most terms with the rest, then the
    earliest (who said it first), then the shortest."""
    counts = Counter(term for member in members for term in member.features.terms)

    def rank(member: Member) -> tuple[int, int, int, int, str]:
        shared = sum(counts[term] for term in member.features.terms)
        return (
            int(member.features.negative or member.features.hedged),
            -shared,
            member.order,
            member.length,
            member.claim_id,
        )

    return min(members, key=rank)


def star_clusters(members: Sequence[Member]) -> list[list[Member]]:
    """Split a linked group into stories whose every claim matches the story's headline.

    Linking alone chains: A matches B, B matches C, and A and C may say different
    things (a long claim that contains two short ones links both). So each story is
    its headline and the claims that match the headline itself; the rest are split
    again. A story needs claims from two articles.
    """
    remaining = list(members)
    stories = []
    while len(remaining) > 1:
        head = headline(remaining)
        story = [head] + [
            m
            for m in remaining
            if m is not head and relation(head.features, m.features) is not None
        ]
        if len({member.article for member in story}) > 1:
            stories.append(story)
            taken = {id(member) for member in story}
            remaining = [m for m in remaining if id(m) not in taken]
        else:
            remaining = [m for m in remaining if m is not head]
    return stories


def relation_to(head: Member, member: Member) -> Relation:
    """How a member stands to its story's headline: denies it, differs in figure, or agrees."""
    if member.features.negative != head.features.negative:
        return Relation.DENIAL
    if figures_differ(head.features, member.features):
        return Relation.FIGURE
    return Relation.SAME


def founder(members: Iterable[Member]) -> Member:
    """The earliest claim, which names a new story."""
    return min(members, key=lambda member: (member.order, member.claim_id))
