"""Quotations a page signs instead of attributing: pull quotes with a signature line,
quotation paragraphs followed by "— Name, role". Each body is laid out the way news pages
(and scrapes of them) print such boxes; the expected speakers are read from the words.
"""

from __future__ import annotations

from tests.extraction_reading import read, who


def test_a_pull_quote_that_repeats_the_body_is_no_claim_of_its_own() -> None:
    body = (
        "At the ceremony, Space Agency Administrator Helen Okoro announced where the four "
        "retired shuttles will go.\n\n"
        '"We thank every city that applied," said Okoro. "This was a very difficult '
        'decision, but one made with the public in mind."\n\n'
        "This was a very difficult decision, but one made with the public in mind. Helen "
        "Okoro, Space Agency Administrator\n\n"
        "The shuttles will be moved next year."
    )
    result = read(body)
    repeated = [c for c in result.claims if "very difficult decision" in c.quote.text]
    assert len(repeated) == 1, [c.quote.text for c in repeated]
    assert repeated[0].speaker is not None and repeated[0].speaker.name == "Helen Okoro"
    assert not [c for c in result.claims if c.quote.text == "Space Agency Administrator"]


def test_a_signed_quotation_the_body_does_not_repeat_is_the_signers() -> None:
    body = (
        "Hackers have taken the church's website offline for a second day.\n\n"
        "\"So far, it's the internet one, the church nil. But it's a long game.\" - Martin "
        "Ingleby\n\n"
        "Writing in a blog post, Martin Ingleby of the Harbour Times called the dispute a "
        '"skirmish".'
    )
    result = read(body)
    assert who(result, "it's a long game") == (["Harbour Times"], "Martin Ingleby")


def test_a_signature_on_its_own_line_signs_the_paragraph_above() -> None:
    body = (
        "Senator Ruth Calloway criticised the decision to close the base.\n\n"
        "\"Today's announcement is an affront to the thousands of men and women who "
        'worked there."\n\n'
        "— Ruth Calloway, U.S. Senator (R-Kansas)\n\n"
        "The base will close in March."
    )
    result = read(body)
    sources, speaker = who(result, "an affront to the thousands")
    assert speaker == "Ruth Calloway"
    assert sources == ["Republican Party"]
    assert not [c for c in result.claims if "U.S. Senator (R-Kansas)" in c.quote.text]


def test_an_unmarked_quotation_a_signed_pull_quote_repeats_is_the_signers() -> None:
    body = (
        "Marguerite Paris, a retired nurse, has claimed that the clinic kept her passport.\n\n"
        "I was told that my mother had attacked the clinic and that I had to stop seeing "
        "her. Marguerite Paris\n\n"
        "I was told that my mother had attacked the clinic and that I had to stop seeing "
        "her. Her mother had spoken out against the clinic on television."
    )
    result = read(body)
    told = [c for c in result.claims if "I was told that my mother" in c.quote.text]
    assert len(told) == 1
    assert told[0].speaker is not None and told[0].speaker.name == "Marguerite Paris"
    assert who(result, "Her mother had spoken out") == (["Unattributed"], None)


def test_a_credit_line_under_narration_signs_nothing() -> None:
    body = (
        "Nabil Rahim, a photojournalist, died in the city of Aden on Tuesday.\n\n"
        "He was 34 and reported extensively on the war.\n\n"
        "—Sabrina Lunt, of RSF"
    )
    result = read(body)
    assert who(result, "died in the city of Aden") == (["Unattributed"], None)
    assert who(result, "reported extensively on the war") == (["Unattributed"], None)


def test_a_readouts_conveyed_support_is_the_presidents() -> None:
    body = (
        "President Joseph R. Biden, Jr. spoke today with President Andrzej Duda of Poland. "
        "President Biden conveyed his strong support for efforts to help Ukraine."
    )
    result = read(
        body,
        title="Readout of President Biden's Call with President Duda",
        publisher="The White House",
    )
    assert who(result, "conveyed his strong support")[0] == ["Washington"]
