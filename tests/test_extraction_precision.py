"""A claim filed under a named source must be right: where a sentence only looks like an
attribution, it stays the article's own narration.

Each body is written the way court, disaster and business reports are; the expected
sources are read from the words.
"""

from __future__ import annotations

from tests.extraction_reading import claim, read, who

NARRATION = (["Unattributed"], None)


def test_the_subject_of_a_passive_cue_is_what_is_said_not_who_says_it() -> None:
    body = (
        "The two directors are also accused of hiding losses from the auditors for three "
        "years. The company was widely reported to have lost its biggest client.\n\n"
        "Their lawyer said that, as the directors had repaid the money, they should be "
        "declared not guilty."
    )
    result = read(body)
    assert who(result, "accused of hiding losses") == NARRATION
    assert who(result, "lost its biggest client") == NARRATION
    assert who(result, "should be declared not guilty")[0] != ["Directors"]


def test_a_verb_that_goes_on_to_another_verb_attributes_nothing() -> None:
    body = (
        "Despite the warnings, the villagers continued to fish in the closed bay. The death "
        "toll continues to rise, passing 300 according to reports from local hospitals."
    )
    result = read(body)
    assert who(result, "continued to fish") == NARRATION
    assert who(result, "toll continues to rise")[0] != ["Passing 300"]


def test_citing_at_the_start_is_the_subjects_reason_not_an_attribution() -> None:
    body = (
        "Citing Togo's experience, blogger Kossi Agbo wrote that the heirs were already in "
        "place. The ministry cut its forecast, citing weak exports."
    )
    result = read(body)
    assert who(result, "heirs were already in place") == (["Bloggers"], "Kossi Agbo")


def test_a_prosecutor_with_no_office_named_is_filed_under_prosecutors() -> None:
    body = (
        "Her skin broke every time she was moved, and in the words of the Crown prosecutor, "
        'Ruth Hallam, QC, "the child spent her last months in pain."\n\n'
        "Ms. Hallam also told the court that both parents had been warned by a nurse."
    )
    result = read(body)
    assert who(result, "both parents had been warned") == (["Crown prosecutors"], "Ruth Hallam")


def test_according_to_reports_with_no_comma_and_a_cue_in_the_progressive() -> None:
    body = (
        "The toll from the floods has passed 1,200 according to reports from several news "
        "agencies. Engineers, such as those of the water board, are warning that cholera "
        "could spread within days. Doctors began to worry about the water supply last week."
    )
    result = read(body)
    assert who(result, "has passed 1,200") == (["News agencies"], None)
    assert who(result, "cholera could spread")[0] == ["Engineers"]
    assert claim(result, "cholera could spread").stance == "concerned"
    assert who(result, "worry about the water supply")[0] == ["Doctors"]


def test_a_relative_clause_or_an_infinitive_set_off_by_commas_attributes_nothing() -> None:
    body = (
        "A similar scheme was dropped in 2021, which the ministry today rejects, and never "
        "tested. Despite the warnings, the villagers continued to fish, ignoring the ban."
    )
    result = read(body)
    assert who(result, "A similar scheme was dropped") == NARRATION
    assert who(result, "continued to fish") == NARRATION


def test_a_hedged_sentence_is_the_articles_report() -> None:
    body = (
        "Allegedly, his sister pleaded with him to see a doctor, but he replied that he would not."
    )
    found = claim(read(body), "his sister pleaded")
    assert [s.label for s in found.sources] == ["Unattributed"]
    assert found.stance == "reported"


def test_a_countrys_media_are_a_group_and_its_state_media_the_state() -> None:
    body = (
        "On Sunday night, French media announced the death of the former president. "
        "Russian state media reported that talks had failed."
    )
    result = read(body)
    assert who(result, "announced the death")[0] == ["French media"]
    assert who(result, "talks had failed")[0] == ["Moscow"]


def test_the_one_country_a_title_names_is_the_storys() -> None:
    body = (
        "French newspapers reported the news first. But later Prime Minister Paul Biyoghe "
        "told state television that he had been surprised to read the reports."
    )
    result = read(body, title="Gabon: On the president's death")
    assert who(result, "surprised to read the reports") == (["Libreville"], "Paul Biyoghe")


def test_a_body_named_after_its_kind_or_by_its_possessive_before_a_document() -> None:
    body = (
        "The Internet security firm Secunia.com, has said that the browser has 277 known "
        "flaws. PC World's recent analysis of its own traffic concluded, \"Usually, the "
        'browser is second after Firefox."'
    )
    result = read(body)
    assert who(result, "277 known flaws")[0] == ["Secunia.com"]
    assert who(result, "second after Firefox")[0] == ["PC World"]


def test_according_to_in_brackets_and_people_who_open_a_sentence_are_no_body() -> None:
    body = (
        "Ana Lind and Per Holm have been sentenced to 12 years of hard labour (according to "
        "CNN). The vote was held on Sunday, according to the electoral commission."
    )
    result = read(body)
    assert who(result, "12 years of hard labour")[0] == ["CNN"]
    assert "Ana Lind and Per Holm" not in who(result, "The vote was held on Sunday")[0]


def test_what_a_camera_recorded_and_what_adds_to_a_process_are_no_ones_claims() -> None:
    body = (
        "Photos showed what looked like the shrine, reduced to rubble. Video footage showed "
        "soldiers firing on the crowd. Local TV footage showed the bridge in the river.\n\n"
        "The party vote adds uncertainty to a process that has dragged on for months."
    )
    result = read(body)
    assert who(result, "reduced to rubble") == NARRATION
    assert who(result, "firing on the crowd") == NARRATION
    assert who(result, "dragged on for months") == NARRATION


def test_a_camera_whose_maker_is_named_still_points_to_it() -> None:
    body = "CNN footage showed soldiers firing on the crowd."
    assert who(read(body), "firing on the crowd")[0] == ["CNN"]


def test_a_countrys_people_and_its_opposition_parties_are_not_its_state() -> None:
    body = (
        "Some of Malawi's leading opposition parties have condemned Saturday's vote. "
        "Malawi's farmers say the rains came late. Malawi's officials say the harvest "
        "will be poor.\n\n"
        "The Freedom Congress, one of the two main opposition parties, has dismissed the "
        "election as a sham. The council rejected the proposal on Monday."
    )
    result = read(body, title="Malawi votes")
    assert who(result, "condemned Saturday's vote")[0] == ["Opposition"]
    assert who(result, "the rains came late")[0] == ["Farmers"]
    assert who(result, "harvest will be poor")[0] != ["Farmers"]
    assert who(result, "as a sham")[0] == ["Freedom Congress"]
    assert who(result, "rejected the proposal") == NARRATION


def test_making_it_clear_is_saying_and_a_double_nationality_is_no_body() -> None:
    body = (
        "President Ana Ferreira made it clear Monday that she wants to limit the "
        "intervention.\n\n"
        "For example, syrianews, a British-Syrian, said the winner might be England."
    )
    result = read(body)
    assert who(result, "limit the intervention")[1] == "Ana Ferreira"
    assert "British-Syrian" not in who(result, "the winner might be England")[0]


def test_a_participle_before_a_noun_and_the_publishers_correspondent_are_no_source() -> None:
    body = (
        "The death toll continues to rise in Indonesia, the country with the highest "
        "confirmed number of deaths.\n\n"
        "VOA News correspondent Nancy Collins has been travelling with local doctors. She "
        'says, "I do think these doctors are making a difference."'
    )
    result = read(body, publisher="VOA")
    assert who(result, "the highest confirmed number") == NARRATION
    assert who(result, "making a difference")[0] == ["Unattributed"]


def test_a_cue_inside_a_leading_condition_attributes_nothing() -> None:
    body = (
        "Should Burma continue to deny its citizens basic rights, we urge the EU to consider "
        "further measures."
    )
    result = read(body)
    assert "Should Burma" not in who(result, "consider further measures")[0]


def test_welcoming_something_is_a_claim_of_who_welcomes_it() -> None:
    body = (
        "The United Nations Security Council welcomed Wednesday's vote, and called on the "
        "country's leaders to form a government quickly."
    )
    assert who(read(body), "welcomed Wednesday's vote")[0] == ["UN Security Council"]
