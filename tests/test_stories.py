"""Stories: which claims tell the same story and how, from real-looking news sentences,
and datasketch's MinHash reproduced batch-wise."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from datasketch import MinHash

from app.extraction import extract
from app.extraction.model import Article, Claim
from app.stories.compare import Relation, closeness, relation
from app.stories.features import claim_features, features_from_json, features_json
from app.stories.grouping import Member
from app.stories.keys import PER_BUCKET
from app.stories.members import features_of
from app.stories.minhash import NUM_PERM, SCHEME, SEED, signatures
from app.stories.store import LOCAL_PER_KEY, Candidate, Grouper, keep_recent

PENTAGON = "The Pentagon said on Wednesday that at least 10,000 North Korean troops have been sent to Russia."
NATO = "Pyongyang has dispatched some 10,000 soldiers to Russia, according to NATO."
SEOUL = "South Korea's spy agency said on Monday that Pyongyang has dispatched some 12,000 soldiers to Russia."
DENIAL = "North Korea denied sending troops to Russia, its foreign ministry said on Thursday."
NEGATED = "Pyongyang has not sent any soldiers to Russia, a North Korean diplomat said."
TREATY = "North Korea ratified a defence treaty with Russia on Tuesday, state media reported."
SHELLS = "Seoul said that North Korea has sent millions of artillery shells to Russia."
SWAPPED = "Washington said that Russia has supplied North Korea with air defence missiles."
SUPPLIED = "Seoul said that North Korea has supplied Russia with air defence missiles."
KURSK = "NATO said on Monday that North Korean troops have been deployed to the Kursk region."
COMBAT = "Seoul's spy agency said some of the soldiers had already taken part in combat in the Kursk region."
UKRAINE_TROOPS = "Officials said that at least 10,000 Polish troops have been sent to Ukraine."


def claim(text: str) -> Claim:
    """The first claim the extractor reads in a one-sentence article."""
    claims = extract(Article("one", "One", date(2024, 11, 1), text)).claims
    assert claims, f"no claim read from {text!r}"
    return claims[0]


def related(first: str, second: str) -> Relation | None:
    return relation(features_of(claim(first)), features_of(claim(second)))


def test_a_paraphrase_with_other_words_and_names_is_the_same_assertion() -> None:
    # troops/soldiers, sent/dispatched, North Korean/Pyongyang: one assertion.
    assert related(PENTAGON, NATO) is Relation.SAME
    assert related(NATO, PENTAGON) is Relation.SAME


def test_another_figure_for_the_same_thing_joins_as_a_differing_figure() -> None:
    assert related(PENTAGON, SEOUL) is Relation.FIGURE
    assert related(NATO, SEOUL) is Relation.FIGURE


def test_a_denial_joins_as_a_denial() -> None:
    denial = claim(DENIAL)
    assert denial.stance == "denied"
    assert relation(features_of(claim(PENTAGON)), features_of(denial)) is Relation.DENIAL


def test_a_negated_claim_joins_as_a_denial() -> None:
    assert related(NATO, NEGATED) is Relation.DENIAL


def test_a_claim_that_only_shares_the_topic_does_not_join() -> None:
    assert related(PENTAGON, TREATY) is None
    assert related(PENTAGON, SHELLS) is None  # same countries, same verb, other cargo


def test_other_news_about_the_same_troops_and_place_does_not_join() -> None:
    # Deployed to Kursk, then fighting there: the same soldiers and region, two events.
    assert related(KURSK, COMBAT) is None
    assert related(COMBAT, KURSK) is None


def test_claims_about_other_countries_do_not_join() -> None:
    assert related(PENTAGON, UKRAINE_TROOPS) is None


def test_who_supplies_whom_matters() -> None:
    assert related(SWAPPED, SUPPLIED) is None


def test_greetings_and_asides_join_nothing() -> None:
    for text in ("Good afternoon.", "Thank you very much.", "May God bless you."):
        assert not claim_features(text).groupable, text


def test_figures_are_read_with_their_unit() -> None:
    figures = claim_features(
        "Russia has delivered one million barrels of oil and $350 million."
    ).figures
    assert [(f.value, f.unit) for f in figures] == [(1_000_000, "barrel"), (350_000_000, "dollar")]
    assert claim_features("It happened on January 25, 2005, in 2001.").figures == ()


def test_features_survive_storage() -> None:
    features = features_of(claim(SEOUL))
    assert features_from_json(features_json(features)) == features


@pytest.mark.parametrize(
    "terms",
    [
        frozenset({"troop", "send", "@russia"}),
        frozenset({"a"}),
        frozenset(f"w{i}" for i in range(40)),
    ],
)
def test_signatures_are_datasketch_minhash(terms: frozenset[str]) -> None:
    expected = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    expected.update_batch([term.encode("utf-8") for term in terms])
    assert signatures([terms])[0].tolist() == expected.hashvalues.tolist()


def test_a_band_key_keeps_few_recent_claims_and_few_of_one_article() -> None:
    # A speech repeats its own words: its claims must not crowd out other articles'.
    features = claim_features(PENTAGON)
    kept: list[Candidate] = []
    for key_id, article in enumerate([1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9]):
        keep_recent(kept, Candidate(key_id, article, Member(str(key_id), article, features, 0, 1)))
        articles = [candidate.article for candidate in kept]
        assert max(articles.count(a) for a in articles) <= PER_BUCKET
        assert len(kept) <= LOCAL_PER_KEY
    assert [c.key_id for c in kept][-1] == 10, "the newest claim is always kept"
    assert [c.key_id for c in kept] == list(range(11 - LOCAL_PER_KEY, 11))


def test_a_capitalised_word_is_the_same_word_in_lower_case() -> None:
    # "the Federal Government" and "the federal government"; cover the cost of rebuilding
    # and pay for the reconstruction say one thing.
    first = "Officials said the Federal Government will cover the cost of rebuilding the bridge."
    second = (
        "The governor said the federal government will pay for the reconstruction of the bridge."
    )
    assert related(first, second) is Relation.SAME


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "The prime minister said the nation mourns the victims of the ferry disaster.",
            "The president said the country grieves for the victims of the ferry disaster.",
        ),
        (
            "Police said gunmen massacred worshippers at a mosque in the northern city.",
            "Witnesses said worshippers were gunned down at a mosque in the northern city.",
        ),
        (
            "The governor said the president approved an emergency declaration for the state.",
            "The president said he had signed an emergency declaration for the state.",
        ),
    ],
)
def test_verbs_of_one_meaning_make_one_assertion(first: str, second: str) -> None:
    assert related(first, second) is Relation.SAME
    assert related(second, first) is Relation.SAME


def test_the_same_verb_about_another_thing_does_not_join() -> None:
    declaration = "The president said he had signed an emergency declaration for the state."
    trade = "The president said he had signed a trade agreement with Canada."
    assert related(declaration, trade) is None


WEIGHT_SCRIPT = """
from app.stories.compare import weight_of
from app.stories.features import Features
words = [f"word{index}" for index in range(40)]
weights = {word: 1.1 + (index % 7) / 10 for index, word in enumerate(words)}
print(repr(weight_of(frozenset(words), Features(frozenset(words), weights))))
"""


def test_a_claims_weight_does_not_depend_on_the_order_of_its_terms() -> None:
    # A set yields its words in another order in each process (string hashing is seeded
    # per process); the weight, and so whether two claims join, must not change with it.
    results = set()
    for seed in range(6):
        environment = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run(
            [sys.executable, "-c", WEIGHT_SCRIPT],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
            cwd=Path(__file__).resolve().parents[1],
        )
        results.add(done.stdout.strip())
    assert len(results) == 1, results


MEETING_APRIL = (
    "Earlier this week, officials from the Coast Guard and the Army Corps of Engineers met "
    "with Governor Wes Moore to discuss the salvage of the collapsed bridge."
)
MEETING_MAY = (
    "Today, officials from the Coast Guard and the Army Corps of Engineers met with Governor "
    "Wes Moore to discuss the salvage of the collapsed bridge."
)
MEETING_MAY_RETOLD = (
    "Officials from the Coast Guard and the Army Corps of Engineers met with Governor Wes "
    "Moore on Friday to discuss the salvage of the collapsed bridge, the White House said."
)


def claim_on(text: str, day: date) -> Claim:
    """The first claim read in a one-sentence article published on `day`."""
    claims = extract(Article("one", "One", day, text)).claims
    assert claims, f"no claim read from {text!r}"
    return claims[0]


def test_a_claim_said_before_an_event_began_does_not_tell_of_it() -> None:
    # An April readout of a meeting and the same words about a meeting on May 10: two
    # meetings. Told again two days later, the May meeting is one story.
    april = features_of(claim_on(MEETING_APRIL, date(2024, 4, 21)))
    may = features_of(claim_on(MEETING_MAY, date(2024, 5, 10)))
    retold = features_of(claim_on(MEETING_MAY_RETOLD, date(2024, 5, 12)))
    assert relation(april, may) is None
    assert relation(may, april) is None
    assert relation(may, retold) is Relation.SAME
    # The same April words with no day they were said on: nothing tells the two apart.
    assert relation(features_of(claim(MEETING_APRIL)), may) is not None


def test_an_earlier_count_of_the_same_thing_is_a_differing_figure() -> None:
    # A toll said on February 8 and a later one dated by its text: a running count.
    early = claim_features(
        "The earthquake in Turkey has killed more than 20,000 people, officials said.",
        said_by="2023-02-08",
    )
    later = claim_features(
        "The earthquake in Turkey had killed 40,000 people by February 17.",
        period=("2023-02-17", "2023-02-17"),
        said_by="2023-02-18",
    )
    assert relation(early, later) is Relation.FIGURE
    assert relation(later, early) is Relation.FIGURE


def test_a_figure_counts_the_noun_after_its_modifiers() -> None:
    # What is counted is the plural noun, not the first word after the number.
    figures = claim_features(
        "The Department of Defense has 60 high water vehicles and 14 rotary wing aircraft "
        "prepositioned to assist with search and rescue."
    ).figures
    assert [(f.value, f.unit) for f in figures] == [(60, "vehicl"), (14, "flight")]
    guard = claim_features("Governors have activated 5,200 National Guard personnel.").figures
    assert [(f.value, f.unit) for f in guard] == [(5_200, "troop")]
    assert [(f.value, f.unit) for f in claim_features("10,000 of the troops left.").figures] == [
        (10_000, "troop")
    ]


def test_two_counts_of_guard_troops_are_a_differing_figure() -> None:
    first = (
        "More than 6,000 National Guard soldiers have been deployed to Louisiana, officials said."
    )
    second = "The governor said 5,200 National Guard personnel have been deployed to Louisiana."
    assert related(first, second) is Relation.FIGURE


COMPLACENT = (
    "Critics said on Sunday that Norway had been complacent in its response to the pandemic."
)


def test_a_short_denial_of_one_telling_word_joins_as_a_denial() -> None:
    # "Norway was not complacent": all it says is in the longer claim, and "complacent"
    # is telling enough on its own.
    denial = "Prime Minister Erna Solberg said on Monday that Norway was not complacent."
    assert related(COMPLACENT, denial) is Relation.DENIAL
    assert related(denial, COMPLACENT) is Relation.DENIAL


def test_a_short_claim_of_common_words_joins_nothing_longer() -> None:
    for short in (
        "Prime Minister Erna Solberg said on Monday that Norway was ready.",
        "Prime Minister Erna Solberg said on Monday that it is going to happen.",
    ):
        assert related(COMPLACENT, short) is None, short


def test_a_claim_goes_with_the_claim_it_repeats_before_a_looser_headline() -> None:
    # Both the story "relief efforts are under way in Aceh" and Japan's pledge match the
    # repeated pledge; the pledge says what it says word for word, so it wins.
    headline = claim_features("Relief efforts are under way in Aceh.")
    pledge = claim_features("Japan has pledged $50 million in aid for the relief effort in Aceh.")
    repeat = claim_features("Tokyo has pledged $50 million in aid for the relief effort in Aceh.")
    assert relation(headline, repeat) is Relation.SAME
    candidates = [
        Candidate(key_id, key_id, Member(str(key_id), key_id, features, 0, 1))
        for key_id, features in enumerate([headline, pledge])
    ]
    member = Member("new", 9, repeat, 0, 1)
    closest = Grouper._closest(member, candidates, closeness(headline, repeat))
    assert closest is not None and closest.key_id == 1
    assert Grouper._closest(member, candidates, 1.0) is None, "none closer than an equal"


def test_claims_sharing_one_promise_word_and_nothing_else_do_not_join() -> None:
    # "pledged", "committed" and "promise" are one verb to grouping; alone, with no name or
    # other word in common, they tell of nothing in common.
    pledge = "And South Korea has pledged $200 million."
    committed = "We are committed to bringing them home if they want to come home."
    promise = "And I promise: we are not going anywhere."
    assert related(pledge, committed) is None
    assert related(committed, promise) is None
    assert related(pledge, promise) is None


def test_remaining_is_no_word_for_human_remains() -> None:
    recovery = "Crews continued the recovery of bodies from the collapsed bridge, officials said."
    remains = "The President said he remains committed to rebuilding the collapsed bridge."
    assert related(recovery, remains) is None
