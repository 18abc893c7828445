"""Whether two claims tell the same story, and how: the precise test of a candidate pair.

Two claims are one story when they name no conflicting entities, do not swap who acts
and who is acted on, agree on whether it happened or may happen, and share most of
their content terms. Then a claim that denies or negates what the other says is a
denial, one that counts the same thing with another number is a differing figure, and
anything else is the same assertion.
"""

from __future__ import annotations

from enum import StrEnum

from app.stories.features import Features

JACCARD = 0.5  # shared content terms over all of both claims' content terms
CONTAINMENT = 0.8  # or: a short claim's terms nearly all found in a longer one ...
CONTAINED_TERMS = 3  # ... provided they are at least this many
CONTAINED_SHARE = 0.4  # ... and this share of the longer one's: a long compound claim
# that contains several short ones would otherwise link them all into one story
FIGURE_TERMS = 2  # two claims counting the same unit need this many shared content terms ...
FIGURE_CONTAINMENT = 0.5  # ... making this share of the shorter claim's
FIGURE_TOLERANCE = 0.005  # 60,000 and 60,100 are the same figure; 60,000 and 61,000 are not


class Relation(StrEnum):
    """How a claim stands to another in the same story."""

    SAME = "same"  # asserts the same thing
    FIGURE = "figure"  # the same thing with a differing figure
    DENIAL = "denial"  # denies or negates it


def relation(a: Features, b: Features) -> Relation | None:
    """How `b` stands to `a`, or None when they are not the same story."""
    if not (a.groupable and b.groupable):
        return None
    if conflicting_entities(a, b) or swapped_roles(a, b):
        return None
    if not (a.content & b.content) or not (
        similar_content(a.words, b.words) or counted_alike(a, b)
    ):
        return None
    if a.negative != b.negative:
        return Relation.DENIAL
    if figures_differ(a, b):
        return Relation.FIGURE
    return Relation.SAME


def similar_content(a: frozenset[str], b: frozenset[str]) -> bool:
    """Most content terms shared, or nearly all of the shorter claim's."""
    shared = len(a & b)
    if not shared:
        return False
    if shared / len(a | b) >= JACCARD:
        return True
    if shared < CONTAINED_TERMS or shared / min(len(a), len(b)) < CONTAINMENT:
        return False
    return shared / max(len(a), len(b)) >= CONTAINED_SHARE


def counted_alike(a: Features, b: Features) -> bool:
    """Both count the same thing (a shared unit) and share most of the shorter one's words."""
    if not shared_units(a, b):
        return False
    shared = len(a.content & b.content)
    return (
        shared >= FIGURE_TERMS
        and shared / min(len(a.content), len(b.content)) >= FIGURE_CONTAINMENT
    )


def shared_units(a: Features, b: Features) -> set[str]:
    return {f.unit for f in a.figures} & {f.unit for f in b.figures}


def conflicting_entities(a: Features, b: Features) -> bool:
    """Each names an entity the other does not: about different countries or bodies."""
    return bool(a.entities - b.entities) and bool(b.entities - a.entities)


def swapped_roles(a: Features, b: Features) -> bool:
    """One's actor is the other's target and back ("A supplied B" against "B supplied A")."""
    if None in (a.actor, a.target, b.actor, b.target) or a.actor == a.target:
        return False
    return a.actor == b.target and a.target == b.actor


def figures_differ(a: Features, b: Features) -> bool:
    """Both count the same unit with numbers that differ."""
    for first in a.figures:
        for second in b.figures:
            if first.unit == second.unit and not same_value(first.value, second.value):
                return True
    return False


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= FIGURE_TOLERANCE * max(abs(a), abs(b))
