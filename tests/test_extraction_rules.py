"""Every attributed claim names the rule that read its source; narration names none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.articles import read_articles
from app.extraction import extract
from app.extraction.rules import RULE_NAMES, RULES
from tests.extraction_reading import claim, read

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
        for found in extract(article).claims:
            unattributed = [s.label for s in found.sources] == ["Unattributed"]
            assert (found.rule is None) == unattributed, found.quote.text
            assert found.rule is None or found.rule in RULE_NAMES, found.rule


def test_a_denial_that_only_points_back_is_one_claim_with_its_reasons() -> None:
    body = (
        "Fishermen in Kilmore said the new quota would close half the harbour's boats.\n\n"
        "Ireland's Marine Minister Aoife Brennan rejected that, saying the quota left every "
        "licensed "
        "boat at least 200 days at sea.\n\n"
        "Ireland's marine ministry denied the reports, saying in a second statement on Thursday "
        "that no "
        "boat had been refused a licence."
    )
    result = read(body, published=date(2026, 3, 14))
    quotes = [c.quote.text for c in result.claims]
    answer = claim(result, "200 days at sea")
    assert answer.quote.text.startswith("Ireland's Marine Minister Aoife Brennan rejected that")
    assert answer.stance == "denied"
    assert not any(q.startswith("Ireland's Marine") and "200 days" not in q for q in quotes)
    second = claim(result, "no boat had been refused")
    assert second.quote.text.startswith("Ireland's marine ministry denied the reports")
    assert (second.said_on.date, second.stance) == ("2026-03-12", "denied")  # Thursday


def test_a_denial_of_something_named_keeps_its_own_claim() -> None:
    body = (
        "Norway's fisheries ministry rejected the fishing ban as unlawful, saying it broke the "
        "1998 treaty."
    )
    result = read(body)
    assert claim(result, "rejected the fishing ban").stance == "denied"
    assert claim(result, "broke the 1998 treaty") is not claim(result, "rejected the fishing ban")


def test_a_quotation_a_colon_introduces_is_the_subjects_whatever_the_verb() -> None:
    body = (
        "In a statement released on Friday, Norway's defence ministry justified the strike as "
        '"proportionate" in nature: "The depot held weapons bound for the front. No civilians '
        'lived within two kilometres of it."'
    )
    result = read(body)
    found = claim(result, "The depot held weapons bound for the front")
    assert [s.label for s in found.sources] == ["Oslo"]
    assert found.rule == "colon_quotation"


def test_a_colon_after_narration_with_no_speaker_gives_no_one_the_quotation() -> None:
    body = 'The sign on the door read: "Closed until further notice by order of the council."'
    result = read(body)
    assert [s.label for s in claim(result, "Closed until further notice").sources] == [
        "Unattributed"
    ]


def test_and_that_opening_a_relative_clause_is_no_second_claim() -> None:
    body = (
        "Vice President Kamala Harris reaffirmed U.S. support for the rules that have kept the "
        "peace in Europe and that have served as the foundation of the Alliance."
    )
    result = read(body, publisher="The White House")
    quotes = [c.quote.text for c in result.claims]
    assert len(quotes) == 1, quotes


def test_a_storm_is_no_speaker() -> None:
    body = (
        "The President is following the recovery in the wake of Hurricane Mara. He made clear "
        "there will be a robust Federal response, and that the Federal government will "
        "coordinate with local partners."
    )
    result = read(
        body, title="Fact Sheet: The Response to Hurricane Mara", publisher="The White House"
    )
    speakers = {c.speaker.name for c in result.claims if c.speaker}
    assert not any("Hurricane" in name for name in speakers), speakers


def test_a_back_reference_never_reaches_into_the_paragraph_before() -> None:
    body = (
        "The allegation was rejected by Norway's defence ministry on Friday.\n\n"
        "The claim was confirmed by a NATO spokesperson."
    )
    result = read(body)
    for found in result.claims:
        assert "\n" not in found.quote.text, found.quote.text
