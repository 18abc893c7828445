"""Transcripts and readouts: speaker labels in capitals, reporters' questions, and the
offices a readout names without a name.

Each body is written the way official transcripts of briefings and speeches and the
readouts of calls are printed; the expected sources and speakers are read from the words.
"""

from __future__ import annotations

from datetime import date

from tests.extraction_reading import claim, read, who

BRIEFING = (
    "James S. Brady Press Briefing Room\n\n"
    "MS. PSAKI: Hi, everyone. The President will travel to Louisiana on Friday to survey "
    "the damage from Hurricane Ida.\n\n"
    "More than 25,000 line workers are now on the ground restoring power.\n\n"
    "Q Thanks, Jen. The storm knocked out power to a million homes. Is the administration "
    "considering sending more crews?\n\n"
    "MS. PSAKI: We are looking at every option to speed up the repairs.\n\n"
    "MR. SULLIVAN: Our team at FEMA has pre-positioned generators across the state."
)
BRIEFING_TITLE = "Press Briefing by Press Secretary Jen Psaki, September 1, 2021"


def test_a_label_in_capitals_opens_the_named_speakers_turn() -> None:
    result = read(BRIEFING, title=BRIEFING_TITLE, publisher="The White House")
    psaki = (["Washington"], "Jen Psaki")
    assert who(result, "will travel to Louisiana on Friday") == psaki
    assert who(result, "We are looking at every option") == psaki
    # the label is no part of the claim
    assert claim(result, "We are looking").quote.text.startswith("We are looking")
    assert all(c.rule == "transcript" for c in result.claims if c.speaker)


def test_a_turn_goes_on_over_the_paragraphs_until_the_next_label() -> None:
    result = read(BRIEFING, title=BRIEFING_TITLE, publisher="The White House")
    assert who(result, "25,000 line workers") == (["Washington"], "Jen Psaki")


def test_a_reporters_question_gives_no_claim() -> None:
    result = read(BRIEFING, title=BRIEFING_TITLE, publisher="The White House")
    assert not [c for c in result.claims if "knocked out power" in c.quote.text]


def test_a_label_the_title_does_not_name_is_read_through_the_text() -> None:
    result = read(BRIEFING, title=BRIEFING_TITLE, publisher="The White House")
    # "MR. SULLIVAN" is named nowhere in full: his words are not Psaki's
    found = claim(result, "pre-positioned generators")
    assert found.speaker is None or found.speaker.name != "Jen Psaki"


def test_the_president_label_under_a_remarks_title_is_the_president() -> None:
    body = (
        "State Dining Room\n\n"
        "THE PRESIDENT: Good afternoon. The damage across Louisiana is enormous, and the "
        "recovery will take time.\n\n"
        "My administration has already approved major disaster declarations for both states."
    )
    title = "Remarks by President Biden on the Federal Response to Hurricane Ida"
    result = read(body, title=title, publisher="The White House")
    assert who(result, "The damage across Louisiana") == (["Washington"], "Joe Biden")
    assert who(result, "approved major disaster declarations") == (["Washington"], "Joe Biden")


def test_a_leader_who_welcomed_something_and_said_more_is_the_speaker_of_the_rest() -> None:
    body = (
        "President Joseph R. Biden, Jr. spoke today with Prime Minister Fumio Kishida of "
        "Japan. Prime Minister Kishida welcomed the continued cooperation and said Japan "
        "would strengthen its own defense capabilities."
    )
    result = read(body, title="Readout of President Biden's Call with Prime Minister Kishida")
    assert who(result, "Japan would strengthen its own defense") == (["Tokyo"], "Fumio Kishida")
    # welcoming something is the welcomer's stance, and the short object and "and said"
    # make one claim of the sentence
    assert who(result, "welcomed the continued cooperation") == (["Tokyo"], "Fumio Kishida")


def test_an_act_joined_to_a_cue_with_no_content_stays_one_sentence_of_narration() -> None:
    body = "The governor's daughter chose the hashtag #StandWithKisumu and posted to Twitter."
    result = read(body)
    assert who(result, "chose the hashtag #StandWithKisumu and posted to Twitter") == (
        ["Unattributed"],
        None,
    )


def test_an_office_with_nobody_named_to_hold_it_is_the_publishing_state() -> None:
    body = (
        "MS. PSAKI: The President believes the team did an extraordinary job evacuating "
        "more than 120,000 people from Kabul."
    )
    result = read(body, title=BRIEFING_TITLE, publisher="The White House")
    assert who(result, "did an extraordinary job")[0] == ["Washington"]


def test_a_readouts_president_who_thanked_or_spoke_about_something_says_it() -> None:
    body = (
        "This afternoon, President Biden convened a call with the governors of Louisiana "
        "and Mississippi. The President thanked the line workers for the vital work they "
        "are doing to restore power. He also spoke about Federal efforts to assist "
        "cellular customers as work continues to restore service."
    )
    title = "Readout of President Biden's Call with Governors on Hurricane Ida"
    result = read(body, title=title, publisher="The White House")
    assert who(result, "thanked the line workers") == (["Washington"], "Joe Biden")
    assert who(result, "Federal efforts to assist cellular customers") == (
        ["Washington"],
        "Joe Biden",
    )


def test_a_joint_press_conference_gives_each_leader_their_own_turns() -> None:
    body = (
        "East Room\n\n"
        "PRESIDENT BIDEN: Good morning. Prime Minister Kishida and I have just concluded a "
        "very productive meeting.\n\n"
        "PRIME MINISTER KISHIDA: (As interpreted.) Thank you, Joe. Japan will double its "
        "defense spending over the next five years.\n\n"
        "Q Mr. President, do you think Beijing will move against Taiwan this year?\n\n"
        "PRESIDENT BIDEN: I don't think that's going to happen. Our policy has not changed."
    )
    title = (
        "Remarks by President Biden and Prime Minister Kishida of Japan in Joint Press Conference"
    )
    result = read(body, title=title, publisher="The White House")
    assert who(result, "concluded a very productive meeting") == (["Washington"], "Joe Biden")
    assert who(result, "double its defense spending") == (["Tokyo"], "Fumio Kishida")
    assert who(result, "Our policy has not changed") == (["Washington"], "Joe Biden")


def test_a_title_and_surname_name_the_listed_person_whose_title_it_is() -> None:
    body = (
        "THE VICE PRESIDENT: Good afternoon, everyone. We have examined the evidence, we "
        "know the legal standards, and there is no doubt."
    )
    title = "Remarks by Vice President Harris at the Munich Security Conference"
    result = read(body, title=title, publisher="The White House")
    assert who(result, "examined the evidence") == (["Washington"], "Kamala Harris")


def test_a_joint_statement_of_two_states_leaders_is_both_states() -> None:
    body = (
        "We, the leaders of the United States and Japan, reaffirm our commitment to a free "
        "and open Indo-Pacific. Our alliance is stronger than ever."
    )
    title = "Joint Statement of the Leaders of the United States and Japan"
    result = read(body, title=title, publisher="The White House")
    assert who(result, "reaffirm our commitment")[0] == ["Washington", "Tokyo"]
    assert who(result, "stronger than ever")[0] == ["Washington", "Tokyo"]


def test_a_fact_sheets_president_who_is_announcing_something_says_it() -> None:
    body = (
        "Today, President Biden is announcing new actions to lower health care costs for "
        "American families."
    )
    title = "FACT SHEET: President Biden Announces New Actions to Lower Health Care Costs"
    result = read(body, title=title, publisher="The White House")
    assert who(result, "new actions to lower health care costs") == (["Washington"], "Joe Biden")


def test_an_interviews_initials_label_is_the_person_they_stand_for() -> None:
    body = (
        "Wikinews interviewed Green Party candidate Jane Morrow about her campaign for the "
        "Senate.\n\n"
        "((Wikinews)) Why did you decide to run for the Senate?\n\n"
        "JM: The current senator has not held a town hall in this county since 2019."
    )
    result = read(body, publisher="Wikinews")
    assert who(result, "has not held a town hall") == (["Green Party"], "Jane Morrow")


def test_a_label_that_names_a_body_opens_no_turn() -> None:
    body = (
        "NATO: Allies agree to raise spending\n\n"
        "Defence ministers met in Brussels on Thursday to discuss the alliance's budget for "
        "the next five years."
    )
    result = read(body)
    assert who(result, "Defence ministers met in Brussels") == (["Unattributed"], None)


def test_an_unnamed_officials_label_is_the_state_they_serve() -> None:
    body = (
        "MODERATOR: Thanks, everyone, for joining.\n\n"
        "SENIOR ADMINISTRATION OFFICIAL: Thanks. The President will announce new sanctions "
        "on Russia's financial sector tomorrow.\n\n"
        "Q Will the sanctions include energy?\n\n"
        "SENIOR ADMINISTRATION OFFICIAL: We are not taking any option off the table."
    )
    title = "Background Press Call by Senior Administration Officials on Russia Sanctions"
    result = read(body, title=title, publisher="The White House")
    assert who(result, "announce new sanctions") == (["Washington"], None)
    assert who(result, "not taking any option off the table") == (["Washington"], None)


def test_a_readouts_office_is_the_person_named_with_that_title_before() -> None:
    body = (
        "Vice President Kamala Harris met today with President Emmanuel Macron of France in "
        "Paris. The Vice President emphasized the strength of the transatlantic alliance. "
        "The two leaders affirmed their commitment to holding Russia accountable."
    )
    title = "Readout of Vice President Harris's Meeting with President Macron of France"
    result = read(body, title=title, publisher="The White House")
    assert who(result, "strength of the transatlantic alliance") == (
        ["Washington"],
        "Kamala Harris",
    )
    assert who(result, "holding Russia accountable")[0] == ["Washington", "Paris"]


def test_two_leaders_the_data_or_the_text_name_speak_together() -> None:
    body = (
        "Prime Minister Fumio Kishida of Japan visited the White House today. President "
        "Biden and Prime Minister Kishida reaffirmed the importance of the alliance."
    )
    result = read(body, publisher="The White House")
    assert who(result, "reaffirmed the importance of the alliance")[0] == ["Washington", "Tokyo"]


def test_a_readout_sentence_with_two_clauses_gives_no_claim_without_words() -> None:
    body = (
        "The meeting also focused on support for workers and families. The group also "
        "discussed how the port is open for business, and the President reiterated his "
        "support for bringing commerce and tourism back to the city."
    )
    title = "Readout of President Biden's Meeting with the Port Recovery Team"
    result = read(body, title=title, publisher="The White House")
    assert all(c.quote.text.strip() for c in result.claims)
    assert who(result, "reiterated his support for bringing commerce")[0] == ["Washington"]


FACT_SHEET = (
    "The Administration has taken swift action to support response and recovery "
    "efforts.\n\n"
    "Providing Emergency Support:\n\n"
    "FEMA has already delivered more than 4.5 million meals and 3.6 million liters of water "
    "to the region. The Defense Logistics Agency has been activated for leasing of "
    "additional generators.\n\n"
    "Assistance to Disaster Survivors:\n\n"
    "FEMA and the Small Business Administration are providing assistance to disaster "
    "survivors who have sustained losses from the storm."
)


def test_a_fact_sheets_section_headings_name_no_speaker_and_are_no_claims() -> None:
    title = "FACT SHEET: Federal Response to the Storm"
    result = read(FACT_SHEET, title=title, publisher="The White House")
    # the paragraphs under a heading are the fact sheet's own words, not the heading's
    for words in ("4.5 million meals", "Defense Logistics Agency", "sustained losses"):
        sources, speaker = who(result, words)
        assert speaker is None and "Providing Emergency Support" not in sources
    assert not [c for c in result.claims if "Disaster Survivors:" in c.quote.text]


def test_a_heading_that_is_a_persons_name_still_introduces_their_words() -> None:
    body = (
        "Readers wrote in about the flood.\n\n"
        "Maria Lindqvist:\n\n"
        '"We lost everything on the ground floor, and nobody from the council came."'
    )
    result = read(body, title="Letters on the flood")
    assert who(result, "nobody from the council came")[1] == "Maria Lindqvist"


def test_two_offices_joined_in_a_readout_are_no_bodys_name() -> None:
    body = (
        "The President and the Governors talked about the potential impacts of the storm, "
        "and the concerns about storm surge and heavy rainfall."
    )
    title = "Readout of the President's Call with Governors on the Storm"
    result = read(body, title=title, publisher="The White House")
    sources, _ = who(result, "potential impacts of the storm")
    assert "President and the Governors" not in sources


RADIO_SCRIPT = (
    'MUSIC: "Science Weekly" theme\n\n'
    "Coming up this week ... a comet mission and a look at sleep research.\n\n"
    'OKAFOR: "Sleep is not a luxury. Our bodies repair themselves while we rest."\n\n'
    "I'm Dana Hill. Welcome to the programme.\n\n"
    "A probe built to sail on sunlight failed to reach orbit on Tuesday, and the cause is "
    "still unknown.\n\n"
    'VANCE: "Nobody has flown a sail like this before. This is where spaceflight is '
    'going."\n\n'
    "That's Marta Vance, a physicist and deputy director of the Lunar Sail Foundation.\n\n"
    "The launch vehicle was a converted missile."
)


def test_a_radio_scripts_sound_bite_is_the_labelled_speakers_said_before_airing() -> None:
    result = read(RADIO_SCRIPT, title="Science Weekly", publisher="VOA")
    # "OKAFOR" is named nowhere else: the label is the source and the speaker
    assert who(result, "Sleep is not a luxury") == (["Okafor"], "Okafor")
    assert who(result, "Our bodies repair themselves") == (["Okafor"], "Okafor")
    assert claim(result, "Sleep is not a luxury").said_on.precision == "before"
    # the label is no part of the claim
    assert claim(result, "Sleep is not a luxury").quote.text.startswith('"Sleep')


def test_a_sound_bites_speaker_named_after_it_speaks_for_the_body_named_there() -> None:
    result = read(RADIO_SCRIPT, title="Science Weekly", publisher="VOA")
    # "That's Marta Vance, a physicist and deputy director of the Lunar Sail Foundation"
    assert who(result, "Nobody has flown a sail") == (["Lunar Sail Foundation"], "Marta Vance")


def test_the_scripts_own_words_after_a_sound_bite_are_narration() -> None:
    result = read(RADIO_SCRIPT, title="Science Weekly", publisher="VOA")
    assert who(result, "failed to reach orbit") == (["Unattributed"], None)
    assert who(result, "a converted missile") == (["Unattributed"], None)
    # a production cue in capitals quotes a title, not a speaker
    assert all(c.speaker is None or c.speaker.name != "Music" for c in result.claims)


def test_a_sound_bites_label_that_is_also_a_title_is_the_person_the_script_named() -> None:
    body = (
        "A new study came out this week, and I spoke with its lead author, Dr. Dana King, "
        "of the Medical University of South Carolina.\n\n"
        'KING: "We are exercising less and eating fewer vegetables than twenty years ago."'
    )
    result = read(body, title="Science Weekly", publisher="VOA")
    # "King" is a title too, but here the surname of the author introduced above
    assert who(result, "We are exercising less") == (
        ["Medical University of South Carolina"],
        "Dana King",
    )


def test_an_interviewers_turn_that_ends_in_a_question_gives_no_claim() -> None:
    body = (
        "Wikinews interviewed Katie Hill of Australia's national wheelchair basketball team.\n\n"
        "((Laura Hale)) Katie Hill, we know you've won a bronze medal before. What state are "
        "you from?\n\n"
        "((Katie Hill)) I'm from New South Wales, and I play for the Sydney Uni Flames. Why "
        "would I play anywhere else?"
    )
    result = read(body, title="Wikinews interviews Katie Hill", publisher="Wikinews")
    assert not [c for c in result.claims if "bronze medal" in c.quote.text]
    # the interviewee the title names answers, even when the answer ends in a question
    assert who(result, "I play for the Sydney Uni Flames")[1] == "Katie Hill"


def test_a_television_scripts_label_on_its_own_line_names_the_sound_bite_after_it() -> None:
    body = (
        "((NARRATOR))\n\n"
        "It is the annual rice planting season here in Thailand.\n\n"
        "((Prajuk Kantiya, Farm Labor Manager (in Thai)))\n\n"
        "“I want the government to help us farmers more, not just the middleman.”\n\n"
        "((NARRATOR))\n\n"
        "A weak Thai baht has helped make rice export prices more attractive."
    )
    result = read(body, title="Thai rice demand", publisher="VOA")
    assert who(result, "I want the government to help us")[1] == "Prajuk Kantiya"
    assert who(result, "I want the government to help us")[0] != ["Bangkok"]
    assert who(result, "A weak Thai baht") == (["Unattributed"], None)
    assert not [c for c in result.claims if "((" in c.quote.text]


def test_the_president_in_a_white_house_text_is_the_president_of_its_day() -> None:
    body = (
        "THE PRESIDENT: Good morning. A strong storm struck the Gulf Coast last night. "
        "My administration stands ready to help in any way we can."
    )
    result = read(body, date(2005, 8, 30), publisher="The White House")
    assert who(result, "stands ready to help") == (["Washington"], "George W. Bush")


def test_a_city_police_inspector_speaks_for_that_police() -> None:
    body = (
        "A strong earthquake struck Christchurch, New Zealand, on Tuesday.\n\n"
        "Christchurch Police Inspector Mark Reilly told reporters that six people were arrested."
    )
    assert who(read(body), "six people were arrested") == (["Christchurch Police"], "Mark Reilly")


def test_a_title_and_surname_label_under_a_remarks_header_is_that_speakers_turn() -> None:
    body = (
        "Remarks\n\n"
        "Hillary Rodham Clinton\n\n"
        "Secretary of State\n\n"
        "Oslo, Norway\n\n"
        "AMBASSADOR WHITCOMB: Madam Secretary, thank you for making this visit. Norway "
        "stands with us on every question that matters in the Arctic.\n\n"
        "SECRETARY CLINTON: Oh, Mark, thank you. Our partnership with Norway has never "
        "been stronger."
    )
    result = read(body, title="Meeting with Embassy Staff", publisher="U.S. Department of State")
    assert who(result, "Norway stands with us") == (["Washington"], "Whitcomb")
    assert who(result, "never been stronger")[1] in ("Hillary Clinton", "Hillary Rodham Clinton")
    quotes = [c.quote.text for c in result.claims]
    assert not any("thank you" in q for q in quotes), quotes
