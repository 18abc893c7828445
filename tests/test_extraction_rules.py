"""Every attributed claim names the rule that read its source; narration names none."""

from __future__ import annotations

from pathlib import Path

from app.articles import read_articles
from app.extraction import extract
from app.extraction.rules import RULE_NAMES, RULES

SEED = Path(__file__).resolve().parents[1] / "data" / "seed_article.json"
ARTICLES = Path(__file__).resolve().parent / "articles"

# the seed's claims in order, with the shape of attribution each is written in
SEED_RULES = [
    ("Russia has supplied North Korea", "back_reference"),  # "This was stated on Friday by"
    ("The U.S., South Korea, and Ukraine claim that", "cue_before"),
    ("Shin Won-sik also added that", "cue_before"),
    ("Western sources assert that", "cue_before"),
    ("Earlier, Seoul reported that", "cue_before"),
    ("South Korea has expressed concerns that", "cue_before"),
    ("The presence of North Korean troops", None),
    ("The U.S. previously confirmed that", "cue_before"),
    ("If North Korean soldiers enter", None),
    ("Western nations consistently provide", None),
    ("NATO Secretary-General Mark Rutte stated in October that", "cue_before"),
    ("He added that Russia's dependence", "cue_before"),
    ("This month, North Korea also ratified", None),
    ("a move that some observers believe", "tail"),
]


def test_the_seed_claims_name_the_rule_of_their_attribution() -> None:
    ((_, article),) = read_articles([SEED])
    claims = extract(article).claims
    assert len(claims) == len(SEED_RULES)
    got = [(c.quote.text[: len(w)], c.rule) for c, (w, _) in zip(claims, SEED_RULES, strict=True)]
    assert got == SEED_RULES


def test_rules_have_distinct_names_and_every_claim_names_a_listed_rule() -> None:
    own = [rule.name for rule in RULES]
    assert len(set(own)) == len(own) - own.count("according_to") + 1  # one name, two ends
    for _, article in read_articles([ARTICLES]):
        for claim in extract(article).claims:
            unattributed = [s.label for s in claim.sources] == ["Unattributed"]
            assert (claim.rule is None) == unattributed, claim.quote.text
            assert claim.rule is None or claim.rule in RULE_NAMES, claim.rule
