"""Claim ids of the seed article do not change when the extractor changes.

A claim's id is its permanent link (docs/claims.md: reloading an article "never changes
or breaks the link of an existing claim"). The ids below were computed by the extractor
as it was before its rules were reworked, and are kept here as a regression reference.
Copying program output into a test is normally wrong; here it is the point: the
specification is that ids never change, so the only right expectation for an id is the
id the product already handed out. Each id is pinned to the quote it was derived from
(its offsets in the stored body), so the test fails if a quote or its id moves.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from app.articles import read_articles
from app.extraction import extract
from app.extraction.claims import claim_id
from app.extraction.model import ExtractedArticle

SEED = Path(__file__).resolve().parents[1] / "data" / "seed_article.json"

# (quote start, quote end, id) of every claim of the seed, loaded as `claimtrack load` does
SEED_IDS = [
    (0, 254, "3y3esw6w6ajn"),
    (256, 455, "wht4on2xydrf"),
    (457, 541, "l2iyo22mcf4f"),
    (542, 658, "swdmlguxfixu"),
    (660, 817, "vwdw5tlrotix"),
    (819, 1036, "dfxsj4csvxxw"),
    (1064, 1189, "b3ufpvatl45z"),
    (1191, 1348, "onjanwziw4mx"),
    (1350, 1487, "kceooqsv7sv4"),
    (1488, 1588, "ayupdegrkvae"),
    (1590, 1734, "ced2o4vvu4vi"),
    (1736, 1932, "3sxfej64psew"),
    (1934, 2093, "t72ehplx3dib"),
    (2095, 2188, "agfceyc4pad2"),
]


@pytest.fixture(scope="module")
def seed() -> ExtractedArticle:
    ((_, article),) = read_articles([SEED])
    return extract(article)


def test_every_seed_claim_keeps_its_id(seed: ExtractedArticle) -> None:
    got = [(c.quote.start, c.quote.end, c.id) for c in seed.claims]
    assert got == SEED_IDS


def test_a_reload_gives_the_same_ids(seed: ExtractedArticle) -> None:
    ((_, article),) = read_articles([SEED])
    assert [c.id for c in extract(article).claims] == [c.id for c in seed.claims]


def test_an_id_depends_only_on_the_article_and_the_quoted_words() -> None:
    words = "Russia has supplied North Korea with anti-aircraft missiles."
    assert claim_id("seed", words) == claim_id(
        "seed", "  Russia has supplied North Korea\nwith anti-aircraft missiles."
    )
    assert claim_id("seed", words) != claim_id("other", words)
    assert claim_id("seed", words, 2) != claim_id("seed", words)
