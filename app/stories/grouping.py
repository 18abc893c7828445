"""A story's members, its id, its headline and each claim's relation to the headline.

A claim joins a story when it matches the story's headline (`compare.relation`), so a
story cannot drift by chains of partial overlaps; `store.Grouper` does the placing.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.stories.compare import Relation, figures_differ
from app.stories.features import Features


@dataclass(frozen=True)
class Member:
    """A claim as a story holds it."""

    claim_id: str
    article: int  # claims of one article never found a story together
    features: Features
    order: int  # time order: said-on day, then published day, then position
    length: int  # of its assertion, to prefer a short clear headline


def story_id(founder_claim_id: str) -> str:
    """A story's id, derived from the claim that founded it (12 lowercase base32 letters)."""
    digest = hashlib.sha256(f"story\n{founder_claim_id}".encode()).digest()
    return base64.b32encode(digest).decode("ascii")[:12].lower()


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
