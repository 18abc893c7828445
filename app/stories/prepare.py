"""What grouping needs of an extracted article's claims, computed where the article is
extracted: in the worker processes of a load (`app/pipeline.py`), not in the process
that writes the database.

For each claim: its features (`features.py`), those features as stored JSON, and the
LSH band keys of its terms (`minhash.py`), empty for a claim too short to join a story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.extraction.model import ExtractedArticle
from app.stories.features import Features, features_json
from app.stories.members import features_of
from app.stories.minhash import keys_of

encode = features_json


@dataclass(frozen=True)
class Prepared:
    """One claim as grouping reads it."""

    features: Features
    encoded: str  # the features as stored JSON
    bands: tuple[int, ...]  # signed 64-bit band keys; empty: it joins no story


def prepare_article(item: ExtractedArticle) -> tuple[Prepared, ...]:
    """The grouping view of each of the article's claims, in order."""
    features = [features_of(claim) for claim in item.claims]
    bands = band_keys_of(features)
    return tuple(
        Prepared(feature, encode(feature), keys)
        for feature, keys in zip(features, bands, strict=True)
    )


def band_keys_of(features: Sequence[Features]) -> list[tuple[int, ...]]:
    """The band keys of each claim's terms, as signed integers (none when not groupable)."""
    groupable = [index for index, feature in enumerate(features) if feature.groupable]
    keys = keys_of([features[index].terms for index in groupable]).view("int64")
    found: list[tuple[int, ...]] = [() for _ in features]
    for row, index in enumerate(groupable):
        found[index] = tuple(int(key) for key in keys[row])
    return found


def warm_up() -> None:
    """Read the vocabulary and the word weights now (before worker processes fork)."""
    from app.stories.features import claim_features

    band_keys_of([claim_features("Pyongyang has sent 10,000 troops to Russia.")])
