"""Whether two claims tell the same story, and how: the precise test of a candidate pair.

Two claims are one story when they name no conflicting entities, do not swap who acts
and who is acted on, do not tell of different kinds of event, agree on whether it happened or may happen, and share most of
their content terms. Then a claim that denies or negates what the other says is a
denial, one that counts the same thing with another number is a differing figure, and
anything else is the same assertion.
"""

from __future__ import annotations

from enum import StrEnum
from math import fsum

from app.stories.features import Features, term_weight

# Overlap is weighed by how telling each shared term is (`vocabulary.information`), so
# that sharing "stingy" counts for more than sharing "said" or "support".
DICE = 0.7  # shared weight over the mean weight of both claims' words
CONTAINMENT = 0.9  # or: a short claim's weight nearly all found in a longer one ...
CONTAINED_WEIGHT = 4.5  # ... provided it says enough (a rare word and more) ...
CONTAINED_SHARE = 0.25  # ... making this share of the longer one's: a long compound claim
# that contains several short ones would otherwise link them all into one story.
# Both chosen inside the range that scores alike on the dev pairs (weight 3.5 to 5, share
# 0.15 to 0.28), away from its edges: `bench/story_eval.py`.
MIN_SHARED_WORDS = 2  # two claims that share one word only tell one story if a name is shared too
FIGURE_TERMS = 2  # two claims counting the same unit need this many shared content terms ...
FIGURE_CONTAINMENT = 0.5  # ... making this share of the shorter claim's weight
FIGURE_TOLERANCE = 0.005  # 60,000 and 60,100 are the same figure; 60,000 and 61,000 are not


class Relation(StrEnum):
    """How a claim stands to another in the same story."""

    SAME = "same"  # asserts the same thing
    FIGURE = "figure"  # the same thing with a differing figure
    DENIAL = "denial"  # denies or negates it


def relation(a: Features, b: Features) -> Relation | None:
    """How `b` stands to `a`, or None when they are not the same story."""
    if not compatible(a, b) or not (similar_content(a, b) or counted_alike(a, b)):
        return None
    if a.negative != b.negative:
        return Relation.DENIAL
    if figures_differ(a, b):
        return Relation.FIGURE
    return Relation.SAME


def compatible(a: Features, b: Features) -> bool:
    """Nothing tells the two apart but how much of their words they share."""
    if not (a.groupable and b.groupable) or not (a.content & b.content):
        return False
    return not (
        conflicting_entities(a, b)
        or swapped_roles(a, b)
        or other_times(a, b)
        or other_actions(a, b)
    )


def similar_content(a: Features, b: Features) -> bool:
    """Most of the words' weight shared, or nearly all of the shorter claim's; and more
    than one word shared, unless a name is too ("And Japan has pledged $500 million" and
    "We remain committed to ..." share one folded verb: no story)."""
    if len(a.words & b.words) < MIN_SHARED_WORDS and not (a.known & b.known):
        return False
    shared = shared_weight(a.words, b.words, a, b)
    if not shared:
        return False
    first, second = a.mass, b.mass
    if 2 * shared / (first + second) >= DICE:
        return True
    shorter, longer = min(first, second), max(first, second)
    return (
        shorter >= CONTAINED_WEIGHT
        and shared / shorter >= CONTAINMENT
        and shared / longer >= CONTAINED_SHARE
    )


def closeness(a: Features, b: Features) -> float:
    """How much of their words' weight two claims share (0 to 1)."""
    total = a.mass + b.mass
    return 2 * shared_weight(a.words, b.words, a, b) / total if total else 0.0


def counted_alike(a: Features, b: Features) -> bool:
    """Both count the same thing (a shared unit) and share most of the shorter one's words."""
    if not shared_units(a, b):
        return False
    shared = a.content & b.content
    shorter = min(weight_of(a.content, a), weight_of(b.content, b))
    return (
        len(shared) >= FIGURE_TERMS
        and shared_weight(a.content, b.content, a, b) / shorter >= FIGURE_CONTAINMENT
    )


# Weights are summed with `math.fsum`, exactly rounded: a plain sum depends on the order
# in which a set yields its terms, which changes from one process to the next, and a
# ratio at a threshold would then fall on either side of it.


def weight_of(terms: frozenset[str], features: Features) -> float:
    return fsum(term_weight(features, term) for term in terms)


def shared_weight(first: frozenset[str], second: frozenset[str], a: Features, b: Features) -> float:
    """The weight of the terms in both `first` (of `a`) and `second` (of `b`), each at the
    lesser of its two weights."""
    return fsum(min(term_weight(a, term), term_weight(b, term)) for term in first & second)


def shared_units(a: Features, b: Features) -> set[str]:
    return {f.unit for f in a.figures} & {f.unit for f in b.figures}


def conflicting_entities(a: Features, b: Features) -> bool:
    """Each names a known entity the other does not: about different countries or bodies.

    Only entities the data files know count: other capitalised words ('Department',
    'HKIA') are too often the same thing named another way."""
    return not (a.known <= b.known or b.known <= a.known)


def other_actions(a: Features, b: Features) -> bool:
    """Each tells what happens, but no kind of event is in both ('deployed to Kursk'
    against 'took part in combat in Kursk'): different news about the same place."""
    return bool(a.kinds) and bool(b.kinds) and a.kinds.isdisjoint(b.kinds)


def swapped_roles(a: Features, b: Features) -> bool:
    """One's actor is the other's target and back ("A supplied B" against "B supplied A")."""
    if None in (a.actor, a.target, b.actor, b.target) or a.actor == a.target:
        return False
    return a.actor == b.target and a.target == b.actor


def other_times(a: Features, b: Features) -> bool:
    """Both report events dated by their text, on days that do not overlap: two departures,
    two meetings, not one told twice; or one was said before the other's event began."""
    if a.period is not None and b.period is not None:
        return a.period[1] < b.period[0] or b.period[1] < a.period[0]
    return said_before(a, b) or said_before(b, a)


def said_before(a: Features, b: Features) -> bool:
    """`a` was said before the event `b` reports began, and not as what may come: it tells
    of an earlier one ("officials met on Monday" against a meeting a month later). Not so
    for a count of the same thing (a toll said earlier is the same story's figure), nor
    for a denial, which answers what was said before it."""
    if b.period is None or a.said_by is None or a.hedged or a.negative != b.negative:
        return False
    return a.said_by < b.period[0] and not shared_units(a, b)


def figures_differ(a: Features, b: Features) -> bool:
    """Both count the same unit with numbers that differ."""
    for first in a.figures:
        for second in b.figures:
            if first.unit == second.unit and not same_value(first.value, second.value):
                return True
    return False


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= FIGURE_TOLERANCE * max(abs(a), abs(b))
