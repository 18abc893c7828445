"""A claim's story as every claim record carries it: the story's id, headline, counts and
when it was first said, read for a batch of claims in one statement."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from app.storage.queries.compiled import Prepared, in_list
from app.storage.tables import CLAIMS, STORIES, STORY_CLAIMS
from app.stories.queries import MIN_CLAIMS


@dataclass(frozen=True)
class StoryRef:
    """The story a claim belongs to, as the claim shows it."""

    id: str
    headline: str
    claims: int
    sources: int
    first_said_on: str | None
    first_said_precision: str


def earliest_claim(story_id: Any) -> Any:
    """The id of the earliest claim of the story `story_id` (a correlated subquery)."""
    earliest = STORY_CLAIMS.alias("earliest")
    return (
        select(earliest.c.claim_id)
        .where(earliest.c.story_id == story_id)
        .order_by(earliest.c.timeline_key, earliest.c.claim_id)
        .limit(1)
        .scalar_subquery()
    )


def _refs_statement() -> Any:
    head, first = CLAIMS.alias("head"), CLAIMS.alias("first")
    return (
        select(
            STORY_CLAIMS.c.claim_id,
            STORIES.c.id,
            STORIES.c.claims,
            STORIES.c.sources,
            head.c.assertion,
            first.c.said_on,
            first.c.said_on_precision,
        )
        .join(STORIES, STORIES.c.id == STORY_CLAIMS.c.story_id)
        .outerjoin(head, head.c.id == STORIES.c.headline_claim_id)
        .outerjoin(first, first.c.id == earliest_claim(STORIES.c.id))
        .where(
            in_list(STORY_CLAIMS.c.claim_id, "ids"),
            STORIES.c.claims >= MIN_CLAIMS,
        )
    )


# Compiled once: every claim record is given its story with it.
REFS_OF = Prepared(_refs_statement())


def story_refs(connection: Connection, claim_ids: Sequence[str]) -> dict[str, StoryRef]:
    """The story of each of `claim_ids` that is in a story of two claims or more."""
    if not claim_ids:
        return {}
    rows = REFS_OF.rows(connection, {"ids": list(claim_ids)})
    return {
        claim_id: StoryRef(
            story_id, headline or "", claims, sources, said_on, precision or "unknown"
        )
        for claim_id, story_id, claims, sources, headline, said_on, precision in rows
    }
