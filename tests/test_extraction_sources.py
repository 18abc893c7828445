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
