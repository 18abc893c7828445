"""A speaker named once, then referred to: by surname, pronoun, role, or not at all.

Each body is a paragraph or two written the way wire copy and newspapers write them; the
expected source and speaker of each claim are read from the words.
"""

from __future__ import annotations

from datetime import date

from app.extraction.context import Context
from tests.extraction_reading import read, who

SCIENCE = (
    "“We were surprised by how strong the effect is,” said Maria Lindqvist, head of the "
    "Institute for Arctic Policy, who led the research.\n\n"
    "Lindqvist added that the first ice-free September could come as early as 2035.\n\n"
    "“That doesn't mean the Arctic will be ice-free all year,” she said.\n\n"
    "“Winter ice will keep coming back for a long time.”\n\n"
    "Tom Reyes, of the School of Earth and Environment at the University of Leeds, a "
    "co-author, said the team had tested the model against two years of record melt."
)


def test_a_surname_a_pronoun_and_a_quotation_paragraph_are_the_person_named_before() -> None:
    result = read(SCIENCE)
    lindqvist = (["Institute for Arctic Policy"], "Maria Lindqvist")
    assert who(result, "surprised by how strong") == lindqvist
    assert who(result, "as early as 2035") == lindqvist  # "Lindqvist added"
    assert who(result, "ice-free all year") == lindqvist  # "she said"
    assert who(result, "Winter ice will keep coming back") == lindqvist  # a quotation alone
    # a school of a university speaks for the university, whole
    assert who(result, "tested the model") == (["University of Leeds"], "Tom Reyes")


def test_a_bare_surname_is_never_a_source_of_its_own() -> None:
    result = read(SCIENCE)
    labels = {s.label for c in result.claims for s in c.sources}
    assert "Lindqvist" not in labels and "Reyes" not in labels


def test_he_is_the_one_who_just_spoke_and_she_the_nearest_woman() -> None:
    body = (
        "KYIV, Ukraine — Col. Oleh Marchenko, who commands the 414th Unmanned Systems Brigade, "
        "told The "
        "Associated Press that his unit had destroyed more than 60 armoured vehicles.\n\n"
        "“They keep coming in small groups,” the commander said.\n\n"
        "He said the brigade was short of interceptor drones.\n\n"
        "Natalia Hrytsenko, a spokeswoman for Ukraine's Eastern Group of Forces, said Russian "
        "troops had launched 47 assaults. She said the situation around Pokrovsk remained "
        "extremely difficult."
    )
    result = read(body, date(2026, 11, 25))
    assert who(result, "keep coming in small groups") == (["Kyiv"], "Oleh Marchenko")
    assert who(result, "short of interceptor drones") == (["Kyiv"], "Oleh Marchenko")
    assert who(result, "around Pokrovsk") == (["Kyiv"], "Natalia Hrytsenko")


def test_a_pronoun_skips_a_person_of_the_other_gender() -> None:
    body = (
        "Kenya's interior minister, Joseph Kiprono, told parliament the government had deployed "
        "military helicopters. “No Kenyan will be left behind,” he said.\n\n"
        "Kisumu Governor Achieng Odero criticised the national government for what she called "
        "a slow response. “We warned them two weeks ago,” she told reporters."
    )
    result = read(body, date(2026, 11, 12))
    assert who(result, "No Kenyan will be left behind") == (["Nairobi"], "Joseph Kiprono")
    assert who(result, "We warned them") == (["Kisumu"], "Achieng Odero")


def test_a_role_noun_finds_the_person_of_that_role() -> None:
    body = (
        "Joe Mensah, the club's captain and a midfielder, said the players had to take "
        "responsibility for the defeat.\n\n"
        "Chairman Martin Kells said Dunmore Rovers would appoint a new manager within two "
        "weeks.\n\n"
        "“We let the gaffer down,” the midfielder told reporters."
    )
    result = read(body, date(2026, 11, 23))
    assert who(result, "We let the gaffer down")[1] == "Joe Mensah"


def test_a_person_introduced_in_narration_is_found_by_surname_later() -> None:
    body = (
        "Among them is Jorge Catalan. He has lived in Mexico most of his life.\n\n"
        "Catalan said he agrees that speaking Spanish is very important. But he added that "
        "it is regrettable."
    )
    result = read(body, date(2024, 2, 21))
    assert who(result, "he agrees that speaking Spanish") == (["Jorge Catalan"], "Jorge Catalan")
    assert who(result, "it is regrettable") == (["Jorge Catalan"], "Jorge Catalan")


def test_a_titled_or_misspelt_surname_is_the_person_named_in_full() -> None:
    body = (
        "Professor Helen Marsh, director of the National Hearing Survey, says one child in "
        "ten has some hearing loss by the age of 12.\n\n"
        "Professor Marsh says schools could easily screen every pupil.\n\n"
        "Rebecca Lindqvist-Moore, a spokeswoman for Hearing Australia, says the agency is "
        'reviewing the guidance. "We want to get it right," Ms Lindqvist-Moor said.'
    )
    result = read(body)
    assert who(result, "schools could easily screen") == (
        ["National Hearing Survey"],
        "Helen Marsh",
    )
    assert who(result, "We want to get it right") == (
        ["Hearing Australia"],
        "Rebecca Lindqvist-Moore",
    )


def test_the_leaders_are_the_heads_of_state_the_article_named() -> None:
    body = (
        "President Ana Ferreira of Portugal spoke today with Prime Minister Lars Dahl of "
        "Norway. The leaders agreed that the fisheries talks should resume in March."
    )
    assert who(read(body), "fisheries talks should resume") == (["Lisbon", "Oslo"], None)


def test_a_conjunction_before_a_subject_and_a_negated_cue() -> None:
    body = (
        "Tomas Berg, an economist at Nordlys Bank, said rates would stay on hold.\n\n"
        "As Berg told the Financial Times, inflation has fallen for six months in a row.\n\n"
        "Although the ministry has not confirmed that the budget will be cut, officials "
        "expect a smaller deficit next year."
    )
    result = read(body)
    assert who(result, "inflation has fallen") == (["Nordlys Bank"], "Tomas Berg")
    assert "Ministry" not in " ".join(who(result, "budget will be cut")[0])


def test_a_name_after_a_body_name_is_the_persons_alone() -> None:
    body = (
        "Director of Air Force Communications Karen Holt said the review would take six "
        "weeks. Holt said the findings would be published."
    )
    result = read(body)
    assert who(result, "review would take six weeks")[1] == "Karen Holt"
    assert who(result, "findings would be published")[1] == "Karen Holt"


def test_a_given_name_tells_the_pronoun_when_the_text_does_not() -> None:
    body = (
        "The UN aid coordinator Jonas Berglund has said that relief is finally reaching the "
        "coast. The BBC's Rachel Okafor, stationed in the port city Beira, reports that "
        "the road north is still cut. He also said that new supply hubs had opened."
    )
    assert who(read(body), "new supply hubs had opened")[1] == "Jonas Berglund"


def test_a_conjunction_and_an_appositive_of_nationality_keep_the_speaker() -> None:
    body = (
        "Agnes Holm was born and raised in Norway. Holm said that language matters.\n\n"
        'But Holm, the Norwegian, said, "Being born here is not what makes you Norwegian."'
    )
    assert who(read(body), "Being born here")[1] == "Agnes Holm"


def test_participants_and_they_after_a_meeting_are_the_people_it_named() -> None:
    body = (
        "On Tuesday, Prime Minister Lars Dahl of Norway met Governor Eva Lind of Sweden and "
        "the heads of two shipping firms, Tor Berg of Nordic Lines and Ola Vik of "
        "Fjordfrakt.\n\n"
        "They agreed that the ferry route would reopen in May. Participants also stressed "
        "the need for a second icebreaker.\n\n"
        "The heads said the port would need new cranes."
    )
    result = read(body)
    everyone = ["Oslo", "Stockholm", "Nordic Lines", "Fjordfrakt"]
    assert sorted(who(result, "ferry route would reopen")[0]) == sorted(everyone)
    assert sorted(who(result, "a second icebreaker")[0]) == sorted(everyone)
    # "the heads": the people the article listed after that word
    assert sorted(who(result, "new cranes")[0]) == ["Fjordfrakt", "Nordic Lines"]


def test_they_after_people_named_in_no_meeting_are_not_those_people() -> None:
    body = (
        "Police arrested Tom Hale, 42, and Ann Berg, 38, on Tuesday. They said the two had "
        "planned the robbery for months."
    )
    sources = who(read(body), "planned the robbery")[0]
    assert "Tom Hale" not in sources and "Ann Berg" not in sources


def test_a_quotation_paragraph_after_narration_about_a_speaker_and_two_named_together() -> None:
    body = (
        "Rancher Ana Ruiz said the collars had paid for themselves in a year.\n\n"
        "Ruiz and her staff now move the herd from their phones. All they do is draw a new "
        "line on a map.\n\n"
        "“Every half hour the line moves, and the cows move with it.”\n\n"
        "Tom Beck, a researcher at the Prairie Institute, said the fences protected rivers. "
        "Both Ruiz and Beck note that no animal has been hurt by a virtual fence."
    )
    result = read(body)
    assert who(result, "Every half hour the line moves") == (["Ranchers"], "Ana Ruiz")
    assert who(result, "no animal has been hurt") == (["Ranchers", "Prairie Institute"], None)


def test_a_sentence_that_only_introduces_a_quotation_gives_it_its_speaker() -> None:
    # a scraper that joins block quotes into their paragraph leaves ":." after the intro
    body = (
        'Reactions came quickly. At the Daily Courier, columnist Ruth Amos writes:. "The '
        'council has failed the town twice. It will not get a third chance.". Hmm. '
        "Another columnist disagreed with her on every point."
    )
    result = read(body)
    assert who(result, "failed the town twice")[1] == "Ruth Amos"
    assert not [c for c in result.claims if "Ruth Amos writes" in c.quote.text and c.rule]
    assert not [c for c in result.claims if c.quote.text.strip() == "Hmm."]
    assert who(result, "disagreed with her") == (["Unattributed"], None)


def test_a_person_the_body_dismissed_no_longer_speaks_for_it() -> None:
    body = (
        "Harbour City have sacked manager Tom Ellery after a seventh straight defeat. "
        "The club said Ellery had been relieved of his duties.\n\n"
        "Ellery said he was \u201cbitterly disappointed\u201d by the decision."
    )
    result = read(body)
    assert who(result, "bitterly disappointed")[0] != ["Harbour City"]
    assert who(result, "bitterly disappointed")[1] == "Tom Ellery"


def test_she_after_a_newly_named_woman_is_her_not_the_last_speaker() -> None:
    body = (
        '"Crews will stay on the ridge all week," fire service spokesperson Robin Haldane '
        "told reporters in Kelso.\n\n"
        "Agnes Moray has farmed sheep above the village since 1988. Her barn is gone. "
        '"I counted the ewes twice and came up short both times," she said.'
    )
    result = read(body)
    assert who(result, "counted the ewes twice")[1] == "Agnes Moray"


def test_he_after_a_name_inside_the_last_speakers_quote_stays_with_the_speaker() -> None:
    body = (
        "Kaspar Lind was sworn in as chancellor on Friday.\n\n"
        "Foreign Minister Ilse Brandt of Norway said on Friday that Oslo would not send an "
        'envoy. "Lind\'s election was neither free nor fair," Brandt said. "His mandate is '
        'not one we recognise," she added.'
    )
    result = read(body)
    assert who(result, "His mandate is not one we recognise")[1] == "Ilse Brandt"


def test_an_introduction_is_found_however_far_back_and_only_with_the_name() -> None:
    narration = "Talks resumed in the capital after a week of delays and several rounds. " * 20
    introduced = "Djibouti's foreign minister, Mahmoud Ali Youssouf, opened the session. "
    body = narration + introduced + narration[:600]
    context = Context(body=body, position=len(body))
    assert context.introduction("Youssouf") == "Djibouti's foreign minister, Mahmoud Ali Youssouf"
    assert context.introduction("Moussa") is None  # named nowhere before
    context.position = len(narration)  # before the introduction
    assert context.introduction("Youssouf") is None


def test_they_after_a_sentence_opened_by_a_group_is_that_group() -> None:
    body = (
        "Oxford Economic Forecasting estimates poultry losses at ten billion dollars.\n\n"
        "Top animal health officials from twenty-eight nations met last month in Vietnam. "
        "The officials agreed on the need for changes in farming.\n\n"
        "For example, they said mixing different kinds of birds can spread the disease."
    )
    result = read(body, title="Bird flu")
    assert who(result, "mixing different kinds of birds")[0] == ["Officials"]


def test_both_countries_are_the_two_states_named_last() -> None:
    body = (
        "Bird flu has been found on farms in Cambodia and Vietnam.\n\n"
        "Vietnam's agriculture ministry said thousands of ducks had died. Earlier, Cambodia "
        "confirmed the virus in chickens, but both countries say no person has been infected."
    )
    result = read(body)
    assert sorted(who(result, "no person has been infected")[0]) == ["Hanoi", "Phnom Penh"]


def test_a_name_after_the_smelter_of_is_a_place_not_a_person_to_refer_back_to() -> None:
    body = (
        "Bolivian workers of the tin smelter of Vinto Oruro march in Oruro city.\n\n"
        "Unionized workers at Bolivia's Vinto, the world's fifth-largest tin smelter, went "
        "back to work on Tuesday. Vinto said it had lost 300 tons of tin in the strike."
    )
    result = read(body)
    assert who(result, "lost 300 tons of tin")[1] is None  # a company, no person "Vinto"


def test_a_set_off_speaker_with_a_role_then_he_after_a_dashed_aside() -> None:
    body = (
        "Ethiopia won four medals at the last Games.\n\n"
        "This time, says Abebe Tadesse, Ethiopia's Minister of Sport, the team expects to win "
        "at least six. Standing beside a poster of Kenenisa Bekele -- the country's most "
        "famous runner and a hero to many -- he says the squad has never been stronger.\n\n"
        '"We are confident, but not arrogant," he says.'
    )
    result = read(body)
    assert who(result, "expects to win at least six") == (["Addis Ababa"], "Abebe Tadesse")
    assert who(result, "never been stronger") == (["Addis Ababa"], "Abebe Tadesse")
    assert who(result, "but not arrogant") == (["Addis Ababa"], "Abebe Tadesse")


def test_a_product_model_with_a_number_is_no_person_to_refer_back_to() -> None:
    body = (
        "A Boeing Starliner 2 capsule is seen on the launch pad at Cape Canaveral.\n\n"
        "Boeing said the capsule would fly next year."
    )
    sources, speaker = who(read(body), "fly next year")
    assert speaker is None and "Boeing Starliner" not in sources


def test_a_group_calling_on_someone_is_no_inverted_subject() -> None:
    body = (
        "Parents of the missing students held a news conference in Mexico City on Friday, "
        "calling on the government to reopen the investigation."
    )
    sources, speaker = who(read(body), "reopen the investigation")
    # whom they call on, and where they met, are not who speaks
    assert not {"Governments", "Mexico City"} & set(sources) and speaker is None


def test_a_name_set_off_after_a_bodys_proper_name_is_a_person() -> None:
    body = (
        "The government has eased a rule on older factories.\n\n"
        "The acting head of the National Water Agency, Solveig Halvorsen, signed the new rule. "
        "She says it will not weaken protections for rivers."
    )
    result = read(body)
    assert who(result, "weaken protections")[1] == "Solveig Halvorsen"


def test_the_agencies_are_the_bodies_that_spoke_together_before_a_group_spoke() -> None:
    body = (
        "In a joint statement, the International Organization for Migration (IOM) and the "
        "World Health Organization (WHO) say 30 people were hurt.\n\n"
        "The survivors say the boat had no engine.\n\n"
        "The agencies say they gave the survivors food and water."
    )
    assert sorted(who(read(body), "food and water")[0]) == ["IOM", "WHO"]


def test_and_or_yet_set_off_by_a_comma_is_a_lead_before_she() -> None:
    body = (
        "U.N. spokeswoman Marta Lindqvist says the airport has reopened.\n\n"
        "And, she says a reception center has been set up for aid flights.\n\n"
        "Yet, she says the roads to the south are still blocked."
    )
    result = read(body)
    assert who(result, "reception center")[1] == "Marta Lindqvist"
    assert who(result, "still blocked")[1] == "Marta Lindqvist"


def test_a_known_body_named_short_by_a_word_of_its_name_is_that_body() -> None:
    body = (
        "The United Nations' Intergovernmental Panel on Climate Change released its report "
        "in Brussels.\n\n"
        '"The report deals with impacts and adaptation," explains Panel Chairman Ravi Menon.'
    )
    assert who(read(body), "impacts and adaptation") == (["IPCC"], "Ravi Menon")


def test_an_aide_to_mr_x_set_after_is_reads_through_the_honorific() -> None:
    body = (
        "Palestinian President Mahmoud Abbas met Israel's prime minister on Monday. "
        "Samir Awad is an aide to Mr. Abbas. Israel has made promises, Awad said, but we "
        "want things in writing.\n\n"
        "According to a senior local police officer, the roads were closed."
    )
    result = read(body, date(2007, 9, 10))
    assert who(result, "things in writing") == (["Ramallah"], "Samir Awad")
    assert who(result, "roads were closed") == (["Local police"], None)


def test_the_ministry_is_the_one_the_sentence_before_named() -> None:
    body = (
        "Foreign ministers met on Monday in Kunming, in China.\n\n"
        "Vietnam's foreign ministry released its own version of the statement. However, the "
        "ministry told reporters that changes were needed."
    )
    assert who(read(body), "changes were needed") == (["Hanoi"], None)


def test_a_named_persons_supporters_are_his_circle_not_him() -> None:
    body = (
        "Blind activist Li Wenbo was jailed on Thursday.\n\n"
        "Li's supporters say local officials made up the charges."
    )
    assert who(read(body), "made up the charges") == (["Li's supporters"], None)


def test_a_body_named_by_who_leads_it_and_then_by_its_noun() -> None:
    body = (
        "The French-led coalition has fought the rebels in the north since 2013. U.N. envoy "
        "Amadou Diallo condemned the new attacks.\n\n"
        "The coalition said Wednesday that the airport would stay open."
    )
    result = read(body)
    assert who(result, "airport would stay open") == (["French-led coalition"], None)


def test_the_agency_is_a_known_body_named_before_by_one_of_its_names() -> None:
    body = (
        "The U.N. refugee agency appealed for $400 million to help refugees in Chad.\n\n"
        "Officials in N'Djamena said 20,000 people crossed the border last month.\n\n"
        "But the agency says more money is needed for refugees from three other countries."
    )
    assert who(read(body), "three other countries") == (["UNHCR"], None)


def test_a_short_given_name_in_a_caption_is_the_same_person_as_the_full_one() -> None:
    body = (
        "NASA astronauts Doug Hurley (foreground) and Bob Behnken call down to mission "
        "control. (Credit: NASA TV)\n\n"
        "U.S. astronauts Douglas Hurley and Bob Behnken docked the capsule at the station on "
        "Sunday.\n\n"
        "“Let’s light this candle,” commander Hurley said before liftoff."
    )
    sources, speaker = who(read(body), "light this candle")
    assert speaker == "Douglas Hurley" and "Hurley" not in sources


def test_a_lead_without_a_comma_before_he_leaves_him_the_subject() -> None:
    body = (
        "Coach Tomas Reyna arrived in Pretoria on Monday. During a visit to Johannesburg's "
        "90,000-seat Soccer City he praised the country's new football facilities.\n\n"
        "At the dinner President Ana Ferreira said the partnership was strategic and she "
        "also thanked her hosts."
    )
    result = read(body)
    assert who(result, "new football facilities")[1] == "Tomas Reyna"
    assert who(result, "the partnership was strategic")[1] == "Ana Ferreira"
