"""Claims as grouping sees them: their features and their place in time."""

from __future__ import annotations

from app.extraction.model import Claim
from app.storage.sortkeys import POSITION_BITS, day_number
from app.stories.features import Features, claim_features
from app.stories.grouping import Member

DAY_SHIFT = 22 + POSITION_BITS  # said-on day above published day above position
SAID_BY_DAY = frozenset({"day", "before"})  # said-on precisions that bound the day it was said


def features_of(claim: Claim) -> Features:
    """The features of an extracted claim."""
    return claim_features(
        claim.assertion,
        claim.stance,
        claim.actor.slug if claim.actor else None,
        claim.target.slug if claim.target else None,
        (claim.event_period.start, claim.event_period.end) if claim.event_period else None,
        said_by(claim.said_on.date, claim.said_on.precision),
    )


def said_by(said_on: str | None, precision: str) -> str | None:
    """The last day a claim may have been said on: its day, when said on or before one."""
    if said_on is None or precision not in SAID_BY_DAY or len(said_on) != len("2024-11-22"):
        return None
    return said_on


def timeline_key(first_day: str | None, published: str, position: int) -> int:
    """Sorts a story's claims by when they were said (the article's date when not known),
    then by the article's date, then by place in the article: oldest first."""
    said = day_number(first_day) if first_day else day_number(published)
    return said << DAY_SHIFT | day_number(published) << POSITION_BITS | position


def member_of(
    claim: Claim, article: int, first_day: str | None, published: str, position: int
) -> Member:
    """A claim of article `article` (any number unique to the article) as a story member."""
    return Member(
        claim_id=claim.id,
        article=article,
        features=features_of(claim),
        order=timeline_key(first_day, published, position),
        length=len(claim.assertion),
    )
