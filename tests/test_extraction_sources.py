"""A source must be one the text establishes: a person the article named, whose name may
also be a place's; a body; a group. The paragraphs are written the way feature and
wire stories name people; the expected sources and speakers are read from the words.
"""

from __future__ import annotations

from tests.extraction_reading import read, who

NARRATION = (["Unattributed"], None)


def test_a_surname_that_is_also_a_city_names_the_person() -> None:
    body = (
        "Marguerite Paris, a retired nurse from Lyon, has claimed that the clinic overcharged "
        "her for a decade. Paris was born in Marseille and moved north in 1990. Paris claims "
        "she was billed twice for every visit. She also says that her complaints were ignored."
    )
    result = read(body)
    nurse = (["Marguerite Paris"], "Marguerite Paris")
    assert who(result, "billed twice for every visit") == nurse
    assert who(result, "her complaints were ignored") == nurse
    assert who(result, "born in Marseille") == NARRATION


def test_a_surname_before_a_document_is_the_persons() -> None:
    body = (
        "Senator Ruth Calloway, Republican from Kansas, issued a statement on Tuesday about "
        "the closure of the base. Calloway's statement added that the decision was made "
        '"without a single hearing".'
    )
    result = read(body)
    assert who(result, "without a single hearing")[1] == "Ruth Calloway"


def test_a_misspelt_short_surname_is_the_person_named_in_full() -> None:
    body = (
        "Donna Waters, director of the city museum, opened the exhibition on Friday. "
        '"Everybody knows these pictures, even people who never visit a gallery," Water said.'
    )
    result = read(body)
    assert who(result, "Everybody knows these pictures")[1] == "Donna Waters"


def test_initials_open_a_name() -> None:
    body = (
        "J.R. Okafor, chief financial officer at the Lantern Arts Foundation, said 300 "
        "schools had applied for the grants."
    )
    result = read(body)
    assert who(result, "300 schools had applied") == (["Lantern Arts Foundation"], "J.R. Okafor")


def test_he_goes_on_from_the_subject_not_from_a_name_in_the_object() -> None:
    body = (
        "Writing on his blog, Daniel Okoro Lima of the Harbour Times compared the dispute "
        "over the Rivera video to a siege. He characterized the council's campaign as "
        '"a war on its own residents".'
    )
    result = read(body)
    assert who(result, "a war on its own residents") == (["Harbour Times"], "Daniel Okoro Lima")


def test_a_follower_before_a_name_is_no_part_of_it_and_a_website_no_body() -> None:
    body = (
        "The group tried to remove a video featuring Scientologist Mark Beale from YouTube "
        "last week. Mark Beale said the video had been edited without his consent."
    )
    result = read(body)
    assert who(result, "edited without his consent") == (["Mark Beale"], "Mark Beale")


def test_dubbed_attributes_what_it_names() -> None:
    body = (
        "Columnist Lena Hartley of the Northern Ledger dubbed the stand-off "
        '"the longest lunch break in parliamentary history".'
    )
    result = read(body)
    assert who(result, "longest lunch break") == (["Northern Ledger"], "Lena Hartley")


def test_a_participle_opening_a_sentence_is_no_source() -> None:
    body = (
        "Started in 1988, the river festival continues a tradition of boat races that mark "
        "the end of the harvest. This year the town expects about 40,000 visitors according "
        "to the festival website."
    )
    result = read(body)
    assert who(result, "continues a tradition of boat races")[0] in (["Unattributed"],)
    assert who(result, "expects about 40,000 visitors")[0] != ["Started"]


def test_one_word_of_a_longer_name_is_no_source() -> None:
    body = (
        "In 2004 the Valech Report that was issued after interviewing 35,000 people who "
        "claimed to have been abused listed 27,255 victims of torture."
    )
    result = read(body)
    assert who(result, "listed 27,255 victims")[0] != ["Valech"]


def test_the_church_is_the_church_the_article_named_in_full() -> None:
    body = (
        "A former member has accused the Church of Unity's leadership of confiscating her "
        "passport. In a statement to the local paper, the Church denied these allegations."
    )
    result = read(body)
    assert who(result, "the Church denied these allegations") == (["Church of Unity"], None)


def test_what_a_person_was_told_is_not_what_she_said() -> None:
    body = (
        "Ana Ferreira Duarte, a former nurse, has claimed that the clinic kept her wages. "
        "In 1995, at age nineteen, she was told to stop speaking to reporters."
    )
    result = read(body)
    assert who(result, "she was told to stop speaking") == NARRATION


def test_a_quoted_title_in_a_role_and_a_given_name_spelt_two_ways() -> None:
    body = (
        'Kristin Okafor, curator of "Faces of the Delta" at the University of Eastbrook.\n\n'
        "The photographs were donated by a private collector, according to Kristen Okafor, "
        "assistant professor of photography and curator of the show."
    )
    result = read(body)
    assert who(result, "donated by a private collector") == (
        ["University of Eastbrook"],
        "Kristin Okafor",
    )


def test_a_quotation_mark_set_off_by_spaces_opens_or_closes_by_its_count() -> None:
    body = (
        'The installation was a room of silver balloons. " I thought it was magical," '
        'Tom Alder said. Mina Cole said, "It is influential. It was ground-breaking. " The '
        "format is not what made him famous."
    )
    result = read(body)
    assert who(result, "I thought it was magical")[1] == "Tom Alder"
    assert who(result, "The installation was a room") == NARRATION
    assert who(result, "format is not what made him famous") == NARRATION


def test_for_a_person_with_a_role_set_off_by_commas() -> None:
    body = "For Kevin Aldous, a USI instructor in English, the painter was also a legend."
    result = read(body)
    assert who(result, "the painter was also a legend") == (["USI"], "Kevin Aldous")


def test_an_inverted_attribution_set_off_by_commas() -> None:
    body = (
        "R.J. Maurer, treasurer at the Lantern Arts Foundation, said 300 schools had applied. "
        "Recipients, said Maurer, are required to show the pictures every ten years."
    )
    result = read(body)
    assert who(result, "required to show the pictures") == (
        ["Lantern Arts Foundation"],
        "R.J. Maurer",
    )


def test_a_role_noun_is_not_a_person_named_just_before_with_another_role() -> None:
    body = (
        "R.J. Maurer, treasurer at the Lantern Arts Foundation, said 300 schools had applied. "
        "The plan, said the minister, would cut the waiting list by half."
    )
    result = read(body)
    assert who(result, "cut the waiting list by half") == NARRATION
