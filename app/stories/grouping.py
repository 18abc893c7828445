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

MAX_WORDINGS = 400  # a linked group with more distinct term sets is split along its links
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

    Band by band, each bucket of equal keys is walked in order and each claim tried
    against its next few neighbours, so a bucket of k claims costs k pairs, not k
    squared; identical claims still end up linked through their neighbours. One band
    at a time keeps memory to a few arrays of one number per claim.
    """
    count, bands = keys.shape
    found = [np.zeros((0, 2), dtype=np.int64)]
    for band in range(bands if count > 1 else 0):
        column = keys[:, band]
        order = np.argsort(column, kind="stable")
        ordered = column[order]
        for distance in range(1, min(MAX_NEIGHBOURS, count - 1) + 1):
            same = np.flatnonzero(ordered[distance:] == ordered[:-distance])
            first, second = order[same], order[same + distance]
            keep = (articles[first] != articles[second]) & (fresh[first] | fresh[second])
            first, second = first[keep], second[keep]
            found.append(np.stack([np.minimum(first, second), np.maximum(first, second)], axis=1))
    return np.unique(np.concatenate(found), axis=0)


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
    counts = term_counts(members)
    return min(members, key=lambda member: headline_rank(member, counts))


def term_counts(members: Iterable[Member]) -> Counter[str]:
    return Counter(term for member in members for term in member.features.terms)


def headline_rank(member: Member, counts: Counter[str]) -> tuple[int, int, int, int, str]:
    """Lower is a better headline (see `headline`)."""
    features = member.features
    return (
        int(features.negative or features.hedged),
        -sum(counts[term] for term in features.terms),
        member.order,
        member.length,
        member.claim_id,
    )


def star_clusters(
    group: Iterable[int], members: Sequence[Member], linked_to: dict[int, set[int]]
) -> list[list[int]]:
    """Split a linked group into stories whose every claim matches the story's headline.

    Linking alone chains: A matches B, B matches C, and A and C may say different
    things (a long claim that contains two short ones links both). So the best
    headline of the group takes the claims that match it, the next best of those left
    takes its own, and so on. Claims with the same terms are judged once; a group with
    very many different wordings is split along the links already judged instead.
    A story needs claims from two articles.
    """
    items = list(group)
    counts = term_counts(members[i] for i in items)
    alike: dict[frozenset[str], list[int]] = {}
    for item in items:
        alike.setdefault(members[item].features.terms, []).append(item)
    free = set(items)
    stories = []
    heads = sorted(items, key=lambda i: headline_rank(members[i], counts))
    for head in heads:
        if head not in free:
            continue
        story = [head, *_matching(head, members, free, alike, linked_to)]
        if len({members[i].article for i in story}) > 1:
            stories.append(story)
            free.difference_update(story)
    return stories


def _matching(
    head: int,
    members: Sequence[Member],
    free: set[int],
    alike: dict[frozenset[str], list[int]],
    linked_to: dict[int, set[int]],
) -> list[int]:
    """The free claims that match `head`, in index order."""
    features = members[head].features
    if len(alike) > MAX_WORDINGS:
        found = {other for other in linked_to.get(head, ()) if other in free}
    else:
        found = set()
        for items in alike.values():
            candidates = [item for item in items if item in free and item != head]
            if candidates and relation(features, members[candidates[0]].features) is not None:
                found.update(item for item in candidates if _joins(features, members[item]))
    return sorted(found)


def _joins(head: Features, member: Member) -> bool:
    return relation(head, member.features) is not None


def adjacency(edges: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    """Each item's linked items."""
    linked_to: dict[int, set[int]] = {}
    for left, right in edges:
        linked_to.setdefault(left, set()).add(right)
        linked_to.setdefault(right, set()).add(left)
    return linked_to


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
