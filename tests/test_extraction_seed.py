"""The seed article's claims, written out claim by claim from reading the article."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from app.extraction import Article, extract
from app.extraction.model import Claim, ExtractedArticle

SEED = Path(__file__).resolve().parents[1] / "data" / "seed_article.json"

# (words that identify the claim's quote, sources, speaker, actor, target, stance, said_on)
EXPECTED = [
    ("Russia has supplied North Korea with anti-aircraft missiles",
     ["Seoul"], "Shin Won-sik", "Russia", "North Korea", "asserted", ("2024-11-22", "day")),
    ("at least 10,000 North Korean soldiers have been sent to Russia",
     ["Washington", "Seoul", "Kyiv"], None, "North Korea", "Russia", "asserted", ("2024-11-22", "before")),
    ("Russia has provided economic assistance to North Korea",
     ["Seoul"], "Shin Won-sik", "Russia", "North Korea", "asserted", ("2024-11-22", "day")),
    ("Russia has delivered one million barrels of oil to the DPRK",
     ["Western sources"], None, "Russia", "North Korea", "asserted", ("2024-11-22", "before")),
    ("North Korea had sent at least 13,000 containers of artillery weapons",
     ["Seoul"], None, "North Korea", "Russia", "reported", ("2024-11-22", "before")),
    ("Russia may provide North Korea with sensitive nuclear and missile technologies",
     ["Seoul"], None, "Russia", "North Korea", "concerned", ("2024-11-22", "before")),
    ("The presence of North Korean troops in Russia fighting on its behalf",
     ["Unattributed"], None, "North Korea", "Russia", "asserted", ("2024-11-22", "day")),
    ("North Korean forces have been deployed to the Kursk region",
     ["Washington"], None, "North Korea", None, "confirmed", ("2024-11-22", "before")),
    ("If North Korean soldiers enter Ukrainian territory",
     ["Unattributed"], None, "North Korea", "Ukraine", "asserted", ("2024-11-22", "day")),
    ("Western nations consistently provide weapons and assistance to Ukraine",
     ["Unattributed"], None, "Western nations", "Ukraine", "asserted", ("2024-11-22", "day")),
    ("the presence of North Korean troops signifies a \"dangerous escalation\"",
     ["NATO"], "Mark Rutte", "North Korea", None, "asserted", ("2024-10", "month")),
    ("Russia's dependence on foreign support is a sign of its growing desperation",
     ["NATO"], "Mark Rutte", "Russia", None, "asserted", ("2024-10", "month")),
    ("North Korea also ratified a landmark defense pact with Russia",
     ["Unattributed"], None, "North Korea", "Russia", "asserted", ("2024-11-22", "day")),
    ("the DPRK may officially enter the war soon",
     ["Some observers"], None, "North Korea", None, "believes", ("2024-11-22", "before")),
]  # fmt: skip


@pytest.fixture(scope="module")
def seed() -> ExtractedArticle:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    article = Article(
        slug="seed",
        title=data["title"],
        published=date.fromisoformat(data["published"]),
        body=data["body"],
        publisher=data["publisher"],
        url=data["url"],
    )
    return extract(article)


def claim_with(result: ExtractedArticle, words: str) -> Claim:
    found = [c for c in result.claims if words in c.quote.text]
    assert len(found) == 1, f"expected one claim quoting {words!r}, got {len(found)}"
    return found[0]


def test_the_seed_has_exactly_the_claims_read_from_it(seed: ExtractedArticle) -> None:
    assert len(seed.claims) == len(EXPECTED), [c.quote.text for c in seed.claims]
    for words, *_ in EXPECTED:
        claim_with(seed, words)


@pytest.mark.parametrize("expected", EXPECTED, ids=[e[0][:40] for e in EXPECTED])
def test_each_seed_claim(seed: ExtractedArticle, expected: tuple) -> None:
    words, sources, speaker, actor, target, stance, said_on = expected
    claim = claim_with(seed, words)
    assert [s.label for s in claim.sources] == sources
    assert (claim.speaker.name if claim.speaker else None) == speaker
    assert (claim.actor.label if claim.actor else None) == actor
    assert (claim.target.label if claim.target else None) == target
    assert claim.stance == stance
    assert (claim.said_on.date, claim.said_on.precision) == said_on


def test_speakers_roles_and_source_kinds(seed: ExtractedArticle) -> None:
    shin = claim_with(seed, "Russia has supplied North Korea")
    assert shin.speaker is not None
    assert shin.speaker.role == "head of South Korea's National Security Office"
    rutte = claim_with(seed, "dangerous escalation")
    assert rutte.speaker is not None and rutte.speaker.role == "NATO Secretary-General"
    kinds = {s.label: s.kind for c in seed.claims for s in c.sources}
    assert kinds == {
        "Seoul": "government",
        "Washington": "government",
        "Kyiv": "government",
        "Western sources": "group",
        "Some observers": "group",
        "NATO": "organisation",
        "Unattributed": "unattributed",
    }


def test_event_periods(seed: ExtractedArticle) -> None:
    oil = claim_with(seed, "one million barrels of oil")
    assert oil.event_period is not None
    assert (oil.event_period.start, oil.event_period.end) == ("2024-03", "2024-11")
    kursk = claim_with(seed, "Kursk region")
    assert kursk.event_period is not None
    assert (kursk.event_period.start, kursk.event_period.end) == ("2024-08", "2024-08")
    pact = claim_with(seed, "ratified a landmark defense pact")
    assert pact.event_period is not None
    assert (pact.event_period.start, pact.event_period.end) == ("2024-11", "2024-11")
    assert claim_with(seed, "Russia has provided economic assistance").event_period is None


def test_back_reference_quote_spans_both_sentences(seed: ExtractedArticle) -> None:
    claim = claim_with(seed, "Russia has supplied North Korea")
    assert claim.quote.text.endswith(
        "This was stated on Friday by Shin Won-sik, head of South Korea's National Security Office."
    )
    assert claim.assertion.startswith("Russia has supplied North Korea with anti-aircraft missiles")


def test_tail_attribution_splits_the_sentence(seed: ExtractedArticle) -> None:
    observers = claim_with(seed, "the DPRK may officially enter the war soon")
    assert observers.assertion == "The DPRK may officially enter the war soon."
    narration = claim_with(seed, "ratified a landmark defense pact")
    assert "observers" not in narration.quote.text


def test_quotes_are_exact_words_of_the_stored_body(seed: ExtractedArticle) -> None:
    body = seed.article.body
    for claim in seed.claims:
        assert body[claim.quote.start : claim.quote.end] == claim.quote.text
        assert body[: claim.quote.start].endswith(claim.quote.prefix)
        assert body[claim.quote.end :].startswith(claim.quote.suffix)


def test_scraping_debris_is_gone_and_the_subheading_is_no_claim(seed: ExtractedArticle) -> None:
    assert "RelatedNATO" not in seed.article.body
    assert "NATO Secretary-General Mark Rutte stated in October" in seed.article.body
    assert "Expansion of Cooperation" in seed.article.body
    for claim in seed.claims:
        assert "Related" not in claim.quote.text + claim.assertion
        assert "Expansion of Cooperation" not in claim.quote.text


def test_topics_from_the_taxonomy(seed: ExtractedArticle) -> None:
    def topics(words: str) -> set[str]:
        return {t.slug for t in claim_with(seed, words).topics}

    assert "arms-transfers" in topics("anti-aircraft missiles")
    assert "troop-deployment" in topics("10,000 North Korean soldiers")
    assert "oil-and-economic-aid" in topics("one million barrels of oil")
    assert "nuclear-and-missile-technology" in topics("sensitive nuclear and missile technologies")
    assert "escalation" in topics("dangerous escalation")
    assert "defence-pact" in topics("landmark defense pact")


def test_ids_are_stable_and_derived_from_the_words(seed: ExtractedArticle) -> None:
    ids = [c.id for c in seed.claims]
    assert len(set(ids)) == len(ids)
    again = extract(seed.article)
    assert [c.id for c in again.claims] == ids
