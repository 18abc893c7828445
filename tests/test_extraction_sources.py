"""A source must be one the text establishes: a person the article named, whose name may
also be a place's; a body; a group. The paragraphs are written the way feature and
wire stories name people; the expected sources and speakers are read from the words.
"""

from __future__ import annotations

from datetime import date

from tests.extraction_reading import claim, read, who

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


def test_a_misturned_closing_mark_ends_the_quotation() -> None:
    body = (
        "Calloway's statement added, \"There is no question the base should have stayed "
        "open. Today is an affront to every family in the county.“ However, the county "
        "will keep the airfield."
    )
    result = read(body)
    assert who(result, "will keep the airfield") == NARRATION


def test_a_quotation_after_a_sentence_that_says_a_person_issued_a_statement() -> None:
    body = (
        "Senator Ruth Calloway, Republican from Kansas, issued a statement regarding the "
        'closure of the base. "Like many Kansans, I am disappointed with the decision to '
        'close Fort Harmon."'
    )
    result = read(body)
    assert who(result, "I am disappointed with the decision")[1] == "Ruth Calloway"


def test_the_publisher_reporting_is_the_articles_narration() -> None:
    body = (
        "Many people the Daily Ledger observed took out their phones as they left the "
        "exhibition for the evening."
    )
    result = read(body, publisher="Daily Ledger")
    assert who(result, "took out their phones") == NARRATION


def test_a_curator_speaks_for_the_university_her_sentence_names() -> None:
    body = (
        "The Hollis Art Museum at the University of North Carolina at Greensboro drew "
        "11,000 visitors to its Warhol show in 2010, according to curator Elaine Moss."
    )
    result = read(body)
    assert who(result, "drew 11,000 visitors") == (
        ["University of North Carolina at Greensboro"],
        "Elaine Moss",
    )


def test_the_director_of_the_gallery_speaks_for_the_body_that_owns_it() -> None:
    body = (
        "USI's art gallery opened its Warhol exhibition on Thursday.\n\n"
        "Kathryn Walters, director of the gallery, welcomed the first visitors. "
        '"Pop art was about what popular culture thought was important," Walters said.'
    )
    result = read(body)
    assert who(result, "Pop art was about") == (["USI"], "Kathryn Walters")


def test_a_poll_with_no_owner_named_is_a_source_of_its_own() -> None:
    body = (
        "The government intends to hold two referendums on the flag, although a recent "
        "poll found only a quarter of citizens favoured a change."
    )
    result = read(body)
    assert who(result, "only a quarter of citizens") == (["A recent poll"], None)


def test_critics_charge_is_a_second_attribution() -> None:
    body = (
        "She was sent to a training camp in Sydney, which the Church of Unity describes as "
        "a retreat, but critics charge is a forced work camp."
    )
    result = read(body)
    assert who(result, "critics charge is a forced work camp") == (["Critics"], None)


def test_an_infinitive_joined_by_and_is_no_claim() -> None:
    body = (
        "People were encouraged to submit their designs online and suggest what the new "
        "flag should mean."
    )
    result = read(body)
    assert all(c.sources[0].label == "Unattributed" for c in result.claims)


def test_a_newspaper_named_after_its_country() -> None:
    body = (
        "According to the New Zealand Herald, Professor John Burrows said the flag had never "
        "been open to public choice."
    )
    result = read(body)
    assert who(result, "never been open to public choice")[0] == ["New Zealand Herald"]


def test_the_name_after_an_inverted_cue_ends_before_where_it_was_said() -> None:
    body = (
        "Space Agency Administrator Helen Okoro announced the winners on Tuesday. "
        '"We want to thank every city that applied," said Okoro to the gathered crowd, '
        "which included many of the centre's staff."
    )
    result = read(body)
    assert who(result, "thank every city that applied")[1] == "Helen Okoro"


def test_a_relative_clause_inside_the_sentence_is_no_tail() -> None:
    body = (
        "The United Nations Observer Group in Sierra Leone and Liberia, which monitors the "
        "border, said it had received complaints from both sides. The outage, which "
        "Harbourview first disclosed on April 22, forced two hospitals to divert ambulances."
    )
    result = read(body)
    assert who(result, "received complaints from both sides")[0] == [
        "United Nations Observer Group in Sierra Leone and Liberia"
    ]
    assert who(result, "forced two hospitals to divert") == NARRATION


def test_a_nationality_before_a_job_is_no_body() -> None:
    body = (
        'Scottish captain Andy Reid scored twice. He said, "In the first half it felt good '
        'out there and we could have scored three."'
    )
    result = read(body)
    assert who(result, "In the first half it felt good")[0] != ["Scottish"]


def test_a_quotation_after_a_person_who_disagreed_is_theirs() -> None:
    body = (
        '"We will rebuild," said Mayor Ana Ruiz of Lisbon.\n\n'
        "But Pedro Alves, a shopkeeper who lost his store, disagreed.\n\n"
        '"Nobody has come to see us. Not once."'
    )
    result = read(body)
    assert who(result, "Nobody has come to see us") == (["Shopkeepers"], "Pedro Alves")


def test_a_statement_from_a_ministry_is_the_stories_state() -> None:
    body = "WARSAW (Reuters) - A statement from the interior ministry said the border would reopen."
    result = read(body)
    assert who(result, "the border would reopen") == (["Warsaw"], None)


def test_a_surname_with_no_full_name_is_no_source() -> None:
    body = "Smith, who said last year he would retire, announced on Monday that he would stay."
    result = read(body)
    assert who(result, "he would stay")[0] != ["Smith"]


def test_a_report_published_by_a_body_is_the_bodys() -> None:
    body = (
        "The report, published by the Wildlife Trust, states that only 3,900 tigers remain "
        "in the wild. Poland and the Baltic states agreed on Wednesday to pool their purchases."
    )
    result = read(body)
    assert who(result, "only 3,900 tigers remain") == (["Wildlife Trust"], None)
    assert who(result, "pool their purchases") == NARRATION


def test_a_subject_with_a_cue_verb_in_it_is_a_clause_not_a_speaker() -> None:
    body = (
        "Police said the zoo was closed for two hours. The trust said in a statement posted "
        "on its website that it welcomed the births."
    )
    result = read(body)
    assert who(result, "it welcomed the births")[0] != ["Police"]


def test_a_word_that_names_an_act_is_a_verb_before_to() -> None:
    body = (
        "Jefferies analyst Tom Okafor says the backlog figures point to a recovery in 2026, "
        'and he maintains a "buy" rating.'
    )
    result = read(body)
    assert who(result, "figures point to a recovery") == (["Jefferies"], "Tom Okafor")


def test_a_first_person_paragraph_after_a_person_is_theirs_until_the_narration() -> None:
    body = (
        "Maria Lopez, a nurse at the Riverside Hospital, described the night of the flood.\n\n"
        "We waited for hours on the roof and nobody came. I thought we would die there. Her "
        "husband was rescued on Sunday."
    )
    result = read(body)
    nurse = (["Riverside Hospital"], "Maria Lopez")
    assert who(result, "We waited for hours on the roof") == nurse
    assert who(result, "I thought we would die there") == nurse
    assert who(result, "Her husband was rescued") == NARRATION


def test_the_writers_own_first_person_is_the_narration() -> None:
    body = (
        "I visited the lantern festival on Saturday night, the opening night.\n\n"
        "Mayor Hau Lung-bin switched on the lights.\n\n"
        "I think the crowds will be smaller on weekdays. We went back on Tuesday and the "
        "square was almost empty."
    )
    result = read(body)
    assert who(result, "crowds will be smaller on weekdays") == NARRATION
    assert who(result, "square was almost empty") == NARRATION


def test_the_writer_speaking_as_i_inside_a_paragraph_is_the_narration() -> None:
    body = (
        "On Saturday I visited the lantern festival with thousands of others.\n\n"
        "Mayor Hau Lung-bin switched on the lights.\n\n"
        "I think the crowds will be smaller on weekdays, when the schools are open."
    )
    result = read(body)
    assert who(result, "crowds will be smaller on weekdays") == NARRATION


def test_a_listed_leaders_administration_is_the_state_it_governs() -> None:
    body = (
        "The Biden administration said it would send more aid to the region next week. "
        "The Modi government said the new rules would take effect in April."
    )
    result = read(body, publisher="Wikinews")
    # data/people.json lists Joe Biden for Washington and Narendra Modi for New Delhi
    assert who(result, "send more aid to the region") == (["Washington"], None)
    assert who(result, "new rules would take effect") == (["New Delhi"], None)


def test_estimates_of_no_one_in_particular_are_nobodys_but_the_report_is_the_last_speakers() -> (
    None
):
    body = (
        "Jeff Tamsin, the State Department spokesperson, said the boats must be allowed to "
        "land. Estimates suggest 8000 migrants may be at sea in the region. The report said "
        "300 boats had been turned away since March."
    )
    result = read(body)
    assert who(result, "8000 migrants may be at sea") == NARRATION
    assert who(result, "300 boats had been turned away")[0] == ["Washington"]


def test_a_listed_leader_named_by_demonym_title_and_surname_is_the_speaker() -> None:
    body = (
        "Turkish president Erdoğan called for regional cooperation on Wednesday. "
        '"No project excluding our country can be carried out," he said.'
    )
    result = read(body)
    assert who(result, "No project excluding our country") == (["Ankara"], "Recep Tayyip Erdoğan")


def test_a_region_opened_by_a_compass_word_is_no_person() -> None:
    body = (
        "Greek prime minister Kyriakos Mitsotakis visited Cairo on Monday.\n\n"
        "The pipeline would connect East Mediterranean offshore gas fields with Europe. "
        '"The route is open to every country," he said.'
    )
    result = read(body)
    assert who(result, "The route is open to every country") == (["Athens"], "Kyriakos Mitsotakis")


def test_local_and_provincial_bodies_are_not_the_national_state() -> None:
    body = (
        "Norway's transport minister visited the airport on Monday. Police said they had "
        "questioned the car's owner.\n\n"
        "The fire produced heavy smoke, and local officials said the building might collapse. "
        "The fire spread quickly, and provincial authorities said the road would stay closed."
    )
    result = read(body)
    assert who(result, "the building might collapse")[0] != ["Oslo"]
    assert who(result, "the road would stay closed") == (["Provincial authorities"], None)


def test_continuing_to_move_is_no_speech() -> None:
    body = (
        "Japanese officials said the submarine entered Japan's waters on Wednesday. It continued "
        "travelling very slowly after being spotted, and remained in shallow waters."
    )
    result = read(body)
    assert who(result, "travelling very slowly") == NARRATION


def test_a_clause_before_a_trailing_attribution_is_no_subject() -> None:
    body = (
        "Hamid Rezaei, a member of the city council of Shiraz, died of pneumonia on Monday, "
        "Iran's government announced yesterday."
    )
    result = read(body, published=date(2020, 3, 3))
    assert who(result, "died of pneumonia")[0] == ["Tehran"]


def test_participles_that_describe_a_name_keep_it_the_subject() -> None:
    body = (
        "Justice Maria Okafor, joined in dissent by Justice Paul Renner, warned that the ruling "
        'would "throw the agencies into chaos".'
    )
    result = read(body)
    assert who(result, "throw the agencies into chaos")[1] == "Maria Okafor"


def test_people_around_a_named_person_are_a_group_not_that_person() -> None:
    body = (
        "Opposition leader Ilya Varin fell ill on a flight on Thursday. His associates have "
        "alleged Varin was poisoned. Associates of Varin alleged he drank tea laced with poison."
    )
    result = read(body)
    assert who(result, "drank tea laced with poison") == (["Associates of Varin"], None)
    assert who(result, "Varin was poisoned") == (["Associates"], None)


def test_words_the_evidence_rejects_in_a_statement_stay_its_authors() -> None:
    body = (
        "I applaud the vote today in the General Assembly. Russia's forces have committed "
        "atrocities in Ukraine. That's why nations in every region condemn its brutal "
        "aggression."
    )
    result = read(body, title="Statement of President Helen Ostrander on the UN Vote")
    assert who(result, "nations in every region condemn")[1] == "Helen Ostrander"


def test_a_devolved_government_is_filed_under_its_own_capital() -> None:
    body = (
        "Scotland's First Minister Nicola Sturgeon said a compulsory introduction of face "
        'coverings could be "inevitable".'
    )
    result = read(body)
    assert who(result, "could be")[0] == ["Edinburgh"]


def test_a_death_then_a_trailing_announcement_is_the_announcers() -> None:
    body = (
        "Japanese wrestler Aiko Mori, age 24, has died, wrestling promotion Stardom announced "
        "on Saturday."
    )
    result = read(body, published=date(2020, 5, 24))
    assert who(result, "has died")[0] != ["Aiko Mori"]


def test_two_offices_a_readout_named_are_both_holders_bodies() -> None:
    body = (
        "President Joseph R. Biden, Jr. met today with Prime Minister Justin Trudeau of Canada. "
        "The President and Prime Minister underscored their commitment to hold Russia "
        "accountable."
    )
    result = read(
        body,
        title="Readout of President Biden's Meeting with Prime Minister Trudeau of Canada",
        publisher="The White House",
    )
    assert who(result, "underscored their commitment") == (["Washington", "Ottawa"], None)


def test_initial_reports_are_no_ones() -> None:
    body = (
        "Initial reports stated the fruit was a pineapple, but it was later found to be a coconut."
    )
    result = read(body)
    assert who(result, "the fruit was a pineapple") == NARRATION


def test_a_leaders_government_office_and_his_supporters_are_his_side() -> None:
    body = (
        "Prime Minister Ivo Kranjc of Slovenia said on Friday he had tested positive. Without "
        "mentioning any symptoms, 47-year-old Kranjc's government office has said he has "
        "cancelled all upcoming events.\n\n"
        "President Donald Trump held a rally on Saturday. Trump and his supporters claimed the "
        "election had been stolen."
    )
    result = read(body)
    assert who(result, "cancelled all upcoming events") == (["Ljubljana"], None)
    assert who(result, "the election had been stolen")[0] == ["Washington"]


def test_an_age_before_a_first_name_is_no_part_of_the_source() -> None:
    body = (
        "A double-decker bus hit a railway bridge in Winchester on Tuesday. Fourteen-year-old "
        "Zoe, on the top deck when it happened, said the roof fell in."
    )
    result = read(body)
    assert who(result, "the roof fell in")[0] == ["Zoe"]


def test_a_place_named_for_a_state_is_not_that_state() -> None:
    # "New Mexico" and "New South Wales" are no mention of Mexico or Wales: the story's
    # country stays unknown, so "Authorities" are filed as the text names them.
    body = (
        "A truck overturned on a highway near Tulsa on Monday. Its driver was from "
        "Albuquerque, New Mexico. Authorities stated the road would stay closed until "
        "Wednesday."
    )
    assert who(read(body), "the road would stay closed") == (["Authorities"], None)
    body = (
        "A bus caught fire on a motorway near Leeds on Friday. Its driver, who grew up in New "
        "South Wales, was unhurt. Authorities said the fire began in the engine."
    )
    assert who(read(body), "the fire began in the engine") == (["Authorities"], None)


def test_a_mayor_of_a_place_speaks_for_the_place() -> None:
    body = (
        "A flood hit the town of Nysa in southern Poland on Friday.\n\n"
        "Mayor of Nysa Kordian Kolbiarz said the river had crested overnight. Kolbiarz added "
        "that the army had arrived.\n\n"
        "Governor of Opole Province Sławomir Kłosowski said aid was on its way."
    )
    result = read(body)
    assert who(result, "the river had crested") == (["Nysa"], "Kordian Kolbiarz")
    assert who(result, "the army had arrived") == (["Nysa"], "Kordian Kolbiarz")
    assert who(result, "aid was on its way") == (["Opole Province"], "Sławomir Kłosowski")
    # the place is named only there, right before the person's name: still a name of its own
    body = "Governor of Vermont Alan Hale said the state would send help on Monday."
    assert who(read(body), "the state would send help") == (["Vermont"], "Alan Hale")


def test_emergency_services_speak_for_themselves_not_for_the_state() -> None:
    body = (
        "A fire at a hostel in Gdansk, Poland, killed three guests on Friday night.\n\n"
        "Jan Lis, a fire service spokesman, told reporters a fourth guest was in hospital. "
        "Police spokeswoman Ewa Marek said the owner had been detained. Marek added that "
        "officers had not yet questioned him. The police said the fire began in a kitchen. "
        "Firefighters said the building had no working alarm."
    )
    result = read(body)
    assert who(result, "a fourth guest was in hospital") == (["Fire service"], "Jan Lis")
    assert who(result, "the owner had been detained") == (["Police"], "Ewa Marek")
    assert who(result, "officers had not yet questioned him") == (["Police"], "Ewa Marek")
    assert who(result, "the fire began in a kitchen") == (["Police"], None)
    assert who(result, "had no working alarm") == (["Firefighters"], None)


def test_a_named_police_force_before_a_role_is_that_force() -> None:
    body = (
        "Two lorries collided on the M3 near Winchester, England, on Monday. Hampshire "
        "Police spokesman Tom Reed said both drivers were taken to hospital."
    )
    assert who(read(body), "both drivers were taken") == (["Hampshire Police"], "Tom Reed")


def test_two_bodies_joined_by_and_the_are_two_sources() -> None:
    body = (
        "A ferry ran aground off Bergen on Sunday. The Marine Accident Bureau and the Coastal "
        "Rescue Agency said the crew had lost power. The Marine Accident Bureau says it has "
        "found no fault in the engine.\n\n"
        "The Department of Health and the Environment said the water was safe."
    )
    result = read(body)
    assert who(result, "the crew had lost power")[0] == [
        "Marine Accident Bureau",
        "Coastal Rescue Agency",
    ]
    assert who(result, "found no fault in the engine")[0] == ["Marine Accident Bureau"]
    # one body whose name holds "and the" stays one
    assert len(who(result, "the water was safe")[0]) == 1


def test_advice_is_a_claim_of_the_body_that_gives_it() -> None:
    body = (
        "Heavy snow closed roads across Vermont on Friday. The Vermont Agency of Transportation "
        "advised drivers to stay off the roads until Sunday. She was advised to stay home."
    )
    result = read(body)
    assert who(result, "drivers to stay off the roads") == (
        ["Vermont Agency of Transportation"],
        None,
    )
    assert who(result, "She was advised to stay home") == NARRATION


def test_a_capital_after_a_role_and_a_given_name_is_a_surname() -> None:
    body = (
        "Tributes poured in for the film director on Sunday. Actor Denzel Washington said he "
        "had lost a friend."
    )
    assert who(read(body), "he had lost a friend")[1] == "Denzel Washington"


def test_a_name_after_in_is_a_place_not_a_person_of_that_surname() -> None:
    body = (
        "Valeska Paris, an Australian woman, said she was held on the ship for years. "
        "Officials in Paris said the inquiry had been closed."
    )
    result = read(body)
    assert who(result, "held on the ship")[1] == "Valeska Paris"
    assert who(result, "the inquiry had been closed")[1] is None
    assert "Valeska Paris" not in who(result, "the inquiry had been closed")[0]


def test_englands_ministers_are_the_uk_governments_and_its_coach_englands() -> None:
    body = (
        "Face masks will be required on buses from June 15. Yesterday, England's transport "
        "secretary, Gavin Marsh, announced the rule at a briefing.\n\n"
        "England coach Lena Price said the team was ready for the final."
    )
    result = read(body)
    assert who(result, "announced the rule at a briefing") == (["London"], "Gavin Marsh")
    assert who(result, "the team was ready")[0] == ["England national team"]


def test_a_spokesperson_for_a_company_of_two_capitalised_words_speaks_for_it() -> None:
    body = (
        "A double-decker bus hit a railway bridge in Winchester, England, on Thursday. A "
        "spokesperson for Stagecoach South said their thoughts were with the children."
    )
    assert who(read(body), "their thoughts were with") == (["Stagecoach South"], None)


def test_a_person_with_a_role_before_and_a_university_after_speaks_for_the_university() -> None:
    body = (
        "Monarch butterflies wintering in Mexico rose in number this year. Ecologist Ryan "
        "Norris of the University of Guelph in Ontario also said human actions had little to "
        "do with the rise."
    )
    assert who(read(body), "human actions had little") == (["University of Guelph"], "Ryan Norris")


def test_a_leaders_spokesperson_named_after_speaks_for_the_leaders_state() -> None:
    body = (
        "Germany banned the Iranian airline from its airports on Monday. German Chancellor "
        "Anna Weber's spokesperson, Jonas Brandt, said the decision was about security."
    )
    assert who(read(body), "the decision was about security") == (["Berlin"], "Jonas Brandt")


def test_a_lawmaker_speaks_for_the_party_the_role_names() -> None:
    body = (
        "Nevada became the first state with a majority-female legislature on Tuesday. "
        "Republican Senator John Hale said the vote was historic. A Republican Assemblywoman, "
        "Jill Tolles, also said the change was long overdue. Democratic lawmaker Ann Lee said "
        "the work had only begun.\n\n"
        "In Ottawa, New Democrat MP Carla Dunn said the report raised serious questions."
    )
    result = read(body)
    assert who(result, "the vote was historic") == (["Republican Party"], "John Hale")
    assert who(result, "the change was long overdue") == (["Republican Party"], "Jill Tolles")
    assert who(result, "the work had only begun") == (["Democratic Party"], "Ann Lee")
    assert who(result, "raised serious questions") == (["New Democratic Party"], "Carla Dunn")


def test_another_is_a_determiner_and_a_witness_makes_witnesses() -> None:
    body = (
        "A court in Lyon jailed two guards on Thursday for the assault of a prisoner. Claire "
        "Morel, another lawyer for the victim, told reporters the verdict was fair. Another "
        "witness said the guards had been drinking."
    )
    result = read(body)
    assert who(result, "the verdict was fair") == (["Lawyers"], "Claire Morel")
    assert who(result, "the guards had been drinking") == (["Witnesses"], None)


def test_she_is_the_woman_not_a_man_named_after_her_with_a_french_given_name() -> None:
    body = (
        "Anna Berg, 41, met two officers, Pierre Lemaire and Antoine Dubois, at a bar in Lyon. "
        "In between, she testified, she was assaulted by Lemaire, Dubois, and a third officer. "
        "She told the court she had been threatened on the way home."
    )
    assert who(read(body), "she had been threatened")[1] == "Anna Berg"


def test_from_a_city_and_country_is_where_a_person_comes_from() -> None:
    body = (
        "A man pleaded guilty to fraud in Vancouver on Monday. Daniel Rourke, from Halifax, "
        "Canada, on Monday admitted his guilt in four cases. Dr. Jane Roe, from the University "
        "of Leeds, said the scheme was common."
    )
    result = read(body)
    assert who(result, "admitted his guilt") == (["Daniel Rourke"], "Daniel Rourke")
    assert who(result, "the scheme was common") == (["University of Leeds"], "Jane Roe")


def test_the_body_whose_job_it_is_is_the_one_named_before_the_possessive() -> None:
    body = (
        "Reactions came quickly after the verdict on Tuesday. National arts weekly Stage "
        "Monthly's editorial director, Ruth Keane, said she felt relief. Sam Ortiz, a "
        "representative for the Dover Sheriff's office, told reporters the case was closed."
    )
    result = read(body)
    assert who(result, "she felt relief") == (["Stage Monthly"], "Ruth Keane")
    # "office" is a body's word: the owner's office, named whole
    assert who(result, "the case was closed") == (["Dover Sheriff's office"], "Sam Ortiz")


def test_one_before_a_role_names_no_body_and_reports_are_no_ones() -> None:
    body = (
        "A fire destroyed hundreds of homes in a slum in Dhaka, Bangladesh, on Saturday. One "
        "activist, Rafiq Ahmed, on Sunday told reporters arson had been used to clear the land. "
        "Officials have struggled to find the cause, according to reports."
    )
    result = read(body)
    assert who(result, "arson had been used") == (["Activists"], "Rafiq Ahmed")
    assert who(result, "struggled to find the cause") == NARRATION


def test_a_state_attorney_general_speaks_for_the_state() -> None:
    body = (
        "Sixteen states sued the federal government on Monday over the emergency declaration. "
        '"The declaration is unlawful," said Oregon Attorney General Ellen Rosenblum.'
    )
    assert who(read(body), "The declaration is unlawful") == (["Oregon"], "Ellen Rosenblum")


def test_a_newly_elected_lawmaker_is_a_person_with_a_role() -> None:
    body = (
        "Nevada became the first state with a majority-female legislature on Tuesday. Newly "
        "elected Assemblywoman Rosa Diaz said the change was overdue. Newly elected Democratic "
        "Senator Ann Lee said the work had only begun."
    )
    result = read(body)
    assert who(result, "the change was overdue")[1] == "Rosa Diaz"
    assert who(result, "the work had only begun") == (["Democratic Party"], "Ann Lee")


def test_a_cue_word_after_an_owner_is_a_noun_and_isil_is_islamic_state() -> None:
    body = (
        "Thousands of protesters surrounded the police headquarters on Friday. Protesters' "
        "demands include an inquiry into the use of force.\n\n"
        "Three bombs hit Tunis in June. The militant organisation, the Islamic State of Iraq "
        "and the Levant, claimed responsibility for all three attacks."
    )
    result = read(body)
    assert who(result, "an inquiry into the use of force") == NARRATION
    assert who(result, "claimed responsibility for all three")[0] == ["Islamic State"]


def test_a_capitals_possessive_before_a_college_names_the_college() -> None:
    body = (
        "A study published on Thursday suggests early birds ran before they flew. Ana Gil, a "
        "biologist at Madrid's Royal Botanical College, said the evidence was thin. Spain's "
        "Interior Ministry said the museum would reopen."
    )
    result = read(body)
    assert who(result, "the evidence was thin") == (["Royal Botanical College"], "Ana Gil")
    assert who(result, "the museum would reopen")[0] == ["Madrid"]  # a state's ministry


def test_a_title_after_of_names_no_body() -> None:
    body = (
        "Sweden's parliament agreed on Tuesday to the request of Prime Minister Erik Lindqvist "
        "to extend the session. According to Lindqvist, the extra week will allow a vote on "
        "the budget."
    )
    assert who(read(body), "the extra week will allow") == (["Stockholm"], "Erik Lindqvist")


def test_a_regnal_number_ends_a_monarchs_name() -> None:
    body = (
        "Yesterday, Denmark's Queen Margrethe II announced she would step down in January, "
        "the palace said."
    )
    assert who(read(body), "she would step down")[1] == "Margrethe II"


def test_a_countrys_supreme_court_speaks_for_itself() -> None:
    body = (
        "The census question was dropped on Friday. In late June, the United States Supreme "
        "Court ruled against the first attempt to add it.\n\n"
        "In New Delhi, India's Supreme Court said on Monday the ban was lawful."
    )
    result = read(body)
    assert who(result, "ruled against the first attempt")[0] == ["United States Supreme Court"]
    assert who(result, "the ban was lawful")[0] == ["Supreme Court of India"]


def test_a_sentence_adverb_before_a_comma_is_no_source() -> None:
    body = (
        "The prisoner was not named by the prison on Friday. Rather, government sources "
        "confirmed his identity to several news outlets. Instead, officials said the prison "
        "was locked down."
    )
    result = read(body)
    assert who(result, "confirmed his identity")[0] == ["Government sources"]
    assert who(result, "the prison was locked down")[0] == ["Officials"]


def test_a_readout_with_mexicos_former_president_has_both_states() -> None:
    body = (
        "President Biden spoke today with President Andrés Manuel López Obrador. The two "
        "leaders reaffirmed their commitment to a safe and orderly border."
    )
    assert who(read(body), "a safe and orderly border")[0] == ["Washington", "Mexico City"]


def test_a_secretary_of_justice_is_no_judge() -> None:
    body = (
        "Chile's cabinet met on Monday. Secretary of Justice Marta Rojas said the reform "
        "would pass before March."
    )
    assert who(read(body), "the reform would pass") == (["Santiago"], "Marta Rojas")


def test_an_incumbent_holds_the_title_and_a_party_chairman_speaks_for_the_party() -> None:
    body = (
        "The senator ended his campaign on Friday. Incumbent President Donald Trump quickly "
        'took a parting shot on Twitter: "Oh no, really big news." Democratic committee '
        "chairman Jerrold Nadler of New York has repeatedly said an inquiry is under way."
    )
    result = read(body)
    assert who(result, "really big news") == (["Washington"], "Donald Trump")
    assert who(result, "an inquiry is under way") == (["Democratic Party"], "Jerrold Nadler")


def test_a_local_role_names_no_body_and_a_speakers_own_words_are_no_source() -> None:
    body = (
        "Four people were stabbed to death at the police headquarters in Lyon on Thursday. "
        "Local prosecutor Anne Morel said the suspect's wife was taken into custody.\n\n"
        'Regarding the call, former prosecutor Tom Vale said via Twitter: "If I saw a call '
        "like this in a fraud case, I'd think, 'Wow, they are saying this very openly.' \""
    )
    result = read(body)
    assert who(result, "wife was taken into custody") == (["Local prosecutors"], "Anne Morel")
    assert "I'd" not in who(result, "saw a call like this")[0]


def test_hong_kongs_government_and_police_speak_for_hong_kong() -> None:
    body = (
        "Police fired tear gas at protesters in Hong Kong on Tuesday. Police Senior "
        "Superintendent Mary Chan said the officers' lives were in danger. Hong Kong leader "
        "Carrie Lam said the bill would be withdrawn. China's foreign ministry said the "
        "city's affairs were internal."
    )
    result = read(body)
    assert who(result, "lives were in danger") == (["Police"], "Mary Chan")
    assert who(result, "the bill would be withdrawn") == (["Hong Kong"], "Carrie Lam")
    assert who(result, "affairs were internal")[0] == ["Beijing"]


def test_late_on_a_day_leads_a_sentence_and_a_court_is_named_once() -> None:
    body = (
        "Turkish troops crossed into Syria on Wednesday. Late on Sunday, the Kurdish-led Syrian "
        "Democratic Forces (SDF) announced it had entered into an agreement with the government "
        "in Damascus. District Court Judge Ruth Hale said the claim was without merit."
    )
    result = read(body)
    assert "Late" not in who(result, "entered into an agreement")[0]
    assert who(result, "the claim was without merit") == (["District Court"], "Ruth Hale")


def test_a_body_named_for_two_things_and_its_states_governor() -> None:
    body = (
        "A vintage plane crashed at an airport near Springfield on Wednesday. Nine people "
        "were hurt, according to Commissioner Dana Ortiz of the Vermont Department of Fire "
        "Safety and Public Protection. Vermont Governor Alan Breck said at a briefing, "
        '"Our thoughts are with the families tonight."'
    )
    result = read(body)
    assert who(result, "Nine people were hurt") == (
        ["Vermont Department of Fire Safety and Public Protection"],
        "Dana Ortiz",
    )
    assert who(result, "Our thoughts are with the families") == (["Vermont"], "Alan Breck")


def test_a_name_right_after_a_known_bodys_name_is_the_persons() -> None:
    body = (
        'Protesters marched through Bangkok again on Sunday. "The arrests show contempt for '
        'the right to assemble," Thailand director of Amnesty International Piyanut '
        "Kotsan said in a statement."
    )
    assert who(read(body), "contempt for the right to assemble") == (
        ["Amnesty International"],
        "Piyanut Kotsan",
    )


def test_a_colon_introduces_the_person_named_last_before_it() -> None:
    body = (
        "On Tuesday, Federal Judge Helen Ostrowski dismissed the mayor's lawsuit.\n\n"
        "The mayor had asked the court to stop a state inquiry into a Kansas City housing "
        "contract, arguing that he could not be investigated while in office. Ostrowski "
        "rejected this argument:\n\n"
        " The immunity the mayor invokes has no footing in the statutes he cites. No "
        "official stands above the ordinary process of the courts.\n\n"
        "The mayor said he would appeal."
    )
    result = read(body)
    speaker = who(result, "has no footing in the statutes")[1]
    assert speaker == "Helen Ostrowski"


def test_a_dashed_credit_under_a_block_quotation_is_its_source_and_no_claim() -> None:
    body = (
        "On Tuesday, the European Court of Human Rights ruled against Poland. In its "
        "judgment, the court set out its reasoning:\n\n"
        " The applicant's detention for eleven months without any review violated Article 5 "
        "of the Convention.\n\n"
        "– European Court of Human Rights\n\n"
        "Poland's government said it would study the ruling."
    )
    result = read(body)
    assert who(result, "without any review violated Article 5") == (
        ["European Court of Human Rights"],
        None,
    )
    assert not [
        c for c in result.claims if c.quote.text.strip() == "European Court of Human Rights"
    ]


def test_the_european_court_of_justice_is_known_by_its_names() -> None:
    body = (
        "The CJEU ruled on Thursday that national courts may order a platform to remove "
        "posts worldwide. According to the ruling, a host must also remove identical posts."
    )
    assert who(read(body), "a host must also remove identical posts")[0] == [
        "European Court of Justice"
    ]


def test_a_cue_word_that_names_an_act_attributes_nothing() -> None:
    body = (
        "Governor Lena Ortiz declared a state of emergency on Sunday as the river rose. "
        "Hassan Barre ruled Somalia for 21 years before he fled in 1991. In the women's race, "
        "Amina Keter posted a time of 2:18:40. The state legislature has twice denied funding "
        "for the bridge. Ortiz said the levees would hold."
    )
    result = read(body)
    for words in (
        "declared a state of emergency",
        "ruled Somalia",
        "posted a time",
        "denied funding",
    ):
        assert who(result, words) == (["Unattributed"], None), words
    assert who(result, "the levees would hold")[1] == "Lena Ortiz"


def test_a_co_author_speaks_for_the_body_that_did_the_study() -> None:
    body = (
        "In findings published on Wednesday in the journal Science, researchers from the "
        "University of Oslo reported that early birds flapped their wings while running.\n\n"
        'Co-author Ingrid Dahl said, "Our work shows that the motion began passively."'
    )
    assert who(read(body), "the motion began passively") == (["University of Oslo"], "Ingrid Dahl")


def test_a_senior_vice_president_speaks_for_the_company_of_the_story() -> None:
    body = (
        "Northwind Power Cooperative began cutting electricity to 40,000 homes on Tuesday to "
        "lower the risk of wildfires.\n\n"
        'Senior vice president Dana Kessler added, "We know how hard this is for families."'
    )
    assert who(read(body), "how hard this is for families") == (
        ["Northwind Power Cooperative"],
        "Dana Kessler",
    )


def test_they_said_after_a_clause_is_the_clauses_own_plural_subject() -> None:
    body = (
        "Police in Tulsa arrested a man after the shooting at a bank on Saturday.\n\n"
        "County prosecutors charged the suspect with first-degree murder, they said Monday."
    )
    assert who(read(body), "charged the suspect with first-degree murder")[0] == [
        "County prosecutors"
    ]


def test_a_quotation_opening_with_a_bracketed_letter_is_a_sentence_of_its_own() -> None:
    body = (
        "A man stabbed two people near the station before police shot him on Friday.\n\n"
        'Tom Ames of The Herald told the BBC, "He had been released a year ago."\n\n'
        "\"In Britain there is a phenomenon known as 'suicide by cop'\", Leeds Beckett "
        'University criminology professor Ruth Hale told the press. "[I]ncreasingly what we '
        'are seeing is attackers wearing fake vests."'
    )
    result = read(body)
    assert "fake vests" not in claim(result, "a phenomenon known as").quote.text
    assert who(result, "a phenomenon known as") == (["Leeds Beckett University"], "Ruth Hale")
    assert who(result, "attackers wearing fake vests") == (
        ["Leeds Beckett University"],
        "Ruth Hale",
    )


def test_a_name_after_a_role_in_lower_case_or_a_rank_is_the_speaker() -> None:
    body = (
        "Engineers at the Northfield Institute measured soot from 900 chimneys last winter.\n\n"
        "Another engineer, civil and environmental engineering professor Omar "
        'Haddad, said, "We saw the same pattern in every town."\n\n'
        "The base's commander, Col. Ivan Petrov, said the unit had withdrawn by dawn."
    )
    result = read(body)
    assert who(result, "the same pattern in every town")[1] == "Omar Haddad"
    assert who(result, "the unit had withdrawn by dawn")[1] == "Ivan Petrov"


def test_a_group_named_before_a_judge_is_not_the_judges_role() -> None:
    body = (
        "In response to a lawsuit by the veterans' group National Alliance for Veterans, U.S. "
        "District Judge Carla Benton ruled the rule violated the Constitution."
    )
    assert who(read(body), "the rule violated the Constitution")[1] == "Carla Benton"
    assert "Veterans" not in who(read(body), "the rule violated the Constitution")[0]


def test_researchers_of_two_institutions_are_both_and_a_co_author_no_field() -> None:
    body = (
        "In findings published Wednesday, researchers from the University of Bergen and "
        "Uppsala University reported that coal plants caused 4,000 early deaths.\n\n"
        'A co-author, chemistry professor Lena Berg, said, "We looked at every plant in the '
        'region."'
    )
    result = read(body)
    assert who(result, "coal plants caused 4,000 early deaths")[0] == [
        "University of Bergen",
        "Uppsala University",
    ]
    assert who(result, "every plant in the region") == (["Lena Berg"], "Lena Berg")


def test_a_lead_before_a_comma_is_no_body_of_the_sentence() -> None:
    body = (
        "The senator's office confirmed his death on Tuesday.\n\n"
        "Yesterday, former senator Tom Reyes died in his sleep, according to a spokesperson.\n\n"
        "Regarding the phone call, former federal prosecutor Nina Alvarez said via Twitter that "
        "the transcript showed a crime."
    )
    result = read(body)
    assert "Yesterday" not in who(result, "died in his sleep")[0]
    assert who(result, "the transcript showed a crime") == (["Nina Alvarez"], "Nina Alvarez")


def test_a_survey_published_by_a_body_is_the_bodys() -> None:
    body = (
        "Few people wash their hands for long enough, doctors warn.\n\n"
        "According to a survey published in 2018 by the Royal College of Nursing, 62% of "
        "adults did not wash their hands after using public transport."
    )
    assert who(read(body), "did not wash their hands")[0] == ["Royal College of Nursing"]


def test_a_mayor_of_a_town_in_a_province_speaks_for_the_town() -> None:
    body = (
        "A strong earthquake damaged schools across the south of the island on Tuesday.\n\n"
        "Maria Santos, the mayor of Bantayan, Northern Cebu, announced classes would be "
        "suspended for a week."
    )
    assert who(read(body), "classes would be suspended") == (["Bantayan"], "Maria Santos")


def test_a_team_leader_speaks_for_the_project_with_a_number_in_its_name() -> None:
    body = (
        "The Deep 40 Project announced it had found the wreck of a submarine off Malta.\n\n"
        'Team leader Carl Vella told the Times of Malta, "It was an emotional moment."'
    )
    result = read(body)
    assert who(result, "found the wreck of a submarine")[0] == ["Deep 40 Project"]
    assert who(result, "an emotional moment") == (["Deep 40 Project"], "Carl Vella")


def test_a_territory_and_a_national_red_cross_are_their_own() -> None:
    body = (
        "The government of American Samoa issued a statement saying the question belonged to "
        'Congress: "Citizenship should not be imposed by judges."\n\n'
        'Philippine Red Cross chair Ana Lim, in remarks to the BBC, said "Thousands have lost '
        'their homes."'
    )
    result = read(body)
    assert who(result, "should not be imposed by judges")[0] == ["Pago Pago"]
    assert who(result, "Thousands have lost") == (["Philippine Red Cross"], "Ana Lim")


def test_a_cue_then_to_the_press_then_a_quotation() -> None:
    body = (
        "Researchers studied the DNA of 40 mummified birds from six burial sites.\n\n"
        "Lead author Mira Holm of Sweden's Lund University explained to the press, \"The "
        'birds were caught in the wild, not farmed."'
    )
    assert who(read(body), "caught in the wild") == (["Lund University"], "Mira Holm")


def test_a_quotation_with_no_comma_before_an_inverted_cue() -> None:
    body = (
        "Resistant bacteria in food rarely reach people, a British study found.\n\n"
        '"We wanted to know how these bacteria spread" said lead author Professor Alan Reed '
        "of the University of Kent.\n\n"
        '"The city thanks everyone who helped" tweeted Mayor of Leeds Sara Iqbal.'
    )
    result = read(body)
    assert who(result, "how these bacteria spread") == (["University of Kent"], "Alan Reed")
    assert who(result, "thanks everyone who helped") == (["Leeds"], "Sara Iqbal")


def test_a_body_that_released_a_statement_saying_said_it() -> None:
    body = (
        "Rockets struck an air base west of the capital late on Friday.\n\n"
        "On Friday, the Combined Joint Task Force Operation Inherent Resolve released a "
        "statement saying the attack caused no casualties."
    )
    assert who(read(body), "the attack caused no casualties")[0] == ["CJTF-OIR"]


def test_letters_after_a_name_are_no_part_of_the_role() -> None:
    body = (
        "Nine carers were jailed at Leeds Crown Court on Friday for abusing children in their "
        "care.\n\n"
        'Judge Alan Moss QC said they had "betrayed the trust of every family".'
    )
    labels, speaker = who(read(body), "betrayed the trust")
    assert speaker == "Alan Moss"
    assert not any("QC" in label for label in labels)


def test_this_person_is_no_group_of_its_own() -> None:
    body = (
        "One of the children spoke to reporters outside the court.\n\n"
        "However, this person also said that they still loved their parents."
    )
    assert "This people" not in who(read(body), "still loved their parents")[0]


def test_a_towns_police_chief_and_a_named_force_mid_sentence() -> None:
    body = (
        "A gunman killed eight people at a shopping centre on Saturday.\n\n"
        "Dayton's police chief Ray Ortiz said late Sunday the police had found a note.\n\n"
        "The call came at about 2:20 a.m., according to British Transport Police (BTP), but "
        "the man was found dead."
    )
    result = read(body)
    assert who(result, "the police had found a note") == (["Dayton police"], "Ray Ortiz")
    assert who(result, "The call came")[0] == ["British Transport Police"]


def test_a_bodys_account_speaks_for_the_body() -> None:
    body = (
        "Tonga closed its schools for two weeks to stop a measles outbreak.\n\n"
        "Earlier this week, an official government Twitter account made the following "
        'announcement: "Latest update: 612 measles cases have been reported since October."'
    )
    assert who(read(body), "612 measles cases")[0] == ["Nuku'alofa"]


def test_he_after_a_new_subject_is_that_subject_not_the_last_speaker() -> None:
    body = (
        "Researchers at Lund University have developed a coating that keeps toilets clean.\n\n"
        "Paul Grant of the Wellcome Trust said the coating was unlikely to be used widely in "
        "poor countries.\n\n"
        "Erik Lindqvist and three of his co-authors have started a company to sell it. He "
        'remarked, "My goal is to invent things that everyone can benefit from."'
    )
    assert who(read(body), "invent things that everyone")[1] == "Erik Lindqvist"


def test_a_cue_inside_a_quotation_is_the_quoted_words_own() -> None:
    body = (
        "The Oregon Department of Corrections did not name the injured man.\n\n"
        'The Department issued a statement that an inmate had been stabbed: "There was an '
        "assault on an inmate on Friday at 2:21 p.m. [...] Officers responded quickly and found "
        'an inmate with stab wounds [...] He is in stable condition."'
    )
    result = read(body)
    assert who(result, "There was an assault")[0] == ["Oregon Department of Corrections"]
    assert "Officers" not in " ".join(who(result, "There was an assault")[0])
    assert "He is in stable condition" in claim(result, "There was an assault").quote.text


def test_a_quotation_is_not_split_at_an_and_inside_it() -> None:
    body = (
        'Prime Minister Lena Berg told the public via Twitter, "Her rival wants to cancel the '
        "vote and argue about the treaty for years [...] I am committed to leading our country "
        'forward."'
    )
    quote = claim(read(body), "Her rival wants").quote.text
    assert "argue about the treaty" in quote
    assert "committed to leading" in quote


def test_bodies_that_speak_together_are_each_a_source() -> None:
    body = (
        "The state senate passed the bill on Tuesday.\n\n"
        "Planned Parenthood, along with the American Civil Liberties Union have announced "
        "plans to challenge the law in court.\n\n"
        "According to police and county officials, the driver was speeding.\n\n"
        "Baton Rouge and Ascension Parish officials have said they are not worried about the "
        "levees."
    )
    result = read(body)
    assert who(result, "plans to challenge the law")[0] == ["Planned Parenthood", "ACLU"]
    assert who(result, "the driver was speeding")[0] == ["Police", "County officials"]
    assert who(result, "not worried about the levees") == (
        ["Baton Rouge officials", "Ascension Parish officials"],
        None,
    )


def test_a_local_government_spokeswoman_speaks_for_that_government() -> None:
    body = (
        "Floods swept through three districts of the province on Monday.\n\n"
        "A provincial government spokeswoman said 40 people had died."
    )
    assert who(read(body), "40 people had died")[0] == ["Provincial government"]


def test_a_regional_governor_governs_the_region_the_story_named() -> None:
    body = (
        "A gas explosion destroyed part of a block of flats in the Tomsk region on Monday.\n\n"
        "Regional governor Ivan Sorokin said the building had been inspected in May."
    )
    assert who(read(body), "the building had been inspected") == (["Tomsk"], "Ivan Sorokin")


def test_a_statement_reads_and_a_lead_adverb() -> None:
    body = (
        "The Supreme Court ruled on the appointment on Wednesday.\n\n"
        'The opinion of the Court, released on Wednesday, read in part, "The oath of office '
        'was taken against the Constitution."\n\n'
        'The federation published a statement. It read, "We have always condemned any form of '
        'discrimination."\n\n'
        'Namely, President Recep Tayyip Erdoğan said on Wednesday, "Those who stay silent '
        'cannot lecture us."'
    )
    result = read(body)
    assert who(result, "The oath of office")[0] == ["Supreme Court"]
    assert who(result, "always condemned any form")[0] != ["Unattributed"]
    assert who(result, "Those who stay silent")[0] == ["Ankara"]


def test_went_on_to_add_after_a_surname() -> None:
    body = (
        "Kelly Moran, a professor at Rutgers University, studies women in politics.\n\n"
        'Moran went on to add, "If we want parity, we need more women in both parties."'
    )
    assert who(read(body), "we need more women") == (["Rutgers University"], "Kelly Moran")


def test_a_quotation_split_by_its_attribution() -> None:
    body = (
        "Mary Jones is the mayor of Kendal.\n\n"
        '"The plan is sound and fair to everyone," she said, "and we will build it next year."'
        "\n\n"
        '"However," said Tom Hale of the Royal Veterinary College, "this study lays groundwork '
        'for more tests."'
    )
    result = read(body)
    assert who(result, "The plan is sound") == (["Kendal"], "Mary Jones")
    assert claim(result, "The plan is sound").assertion == (
        "The plan is sound and fair to everyone and we will build it next year."
    )
    assert who(result, "this study lays groundwork") == (["Royal Veterinary College"], "Tom Hale")


def test_a_cue_in_a_relative_clause_and_a_set_off_citing() -> None:
    body = (
        "The state parliament passed the bill on Thursday.\n\n"
        'The bill was drafted by Nora Quinn, who said on the parliament floor, "It follows '
        'decades of work from campaigners."\n\n'
        'Meta released a statement which read, in part, "This judgment raises critical '
        'questions."\n\n'
        "Reuters, citing anonymous sources, reported that oil exports had been disrupted.\n\n"
        "The court heard requests for leniency from Nora Quinn's lawyers, who argued she had "
        "acted alone."
    )
    result = read(body)
    assert who(result, "decades of work from campaigners")[1] == "Nora Quinn"
    assert who(result, "raises critical questions")[0] == ["Meta"]
    assert who(result, "oil exports had been disrupted")[0] == ["Reuters"]
    assert who(result, "she had acted alone")[1] != "Nora Quinn"


def test_according_to_a_role_and_the_name_set_off_after_it() -> None:
    body = (
        "A vintage bomber crashed at the airport on Wednesday morning.\n\n"
        "According to Windsor Locks' first selectman, Chris Kervick, there were ten passengers "
        "and three crew members aboard."
    )
    assert who(read(body), "ten passengers") == (["Windsor Locks"], "Chris Kervick")


def test_according_to_him_and_a_study_co_author_with_a_second_role() -> None:
    body = (
        "Colonel Omar Haddad spoke to reporters on Sunday. According to him, it was the "
        "largest raid inside the country.\n\n"
        "Researchers at the University of Tromsø studied the bloom for a year.\n\n"
        'Study co-author and geochemist Lena Dahl remarked in a press release, "There was no '
        'reason to expect a bloom like this."'
    )
    result = read(body)
    assert who(result, "the largest raid")[1] == "Omar Haddad"
    assert who(result, "no reason to expect") == (["University of Tromsø"], "Lena Dahl")


def test_a_hospital_spokesperson_speaks_for_the_hospital_named() -> None:
    body = (
        "The minister was taken to Saint Mary's Hospital in Leeds after the attack.\n\n"
        'Mark Boyd suffered "two deep wounds" in the attack according to a hospital spokesperson.'
    )
    assert who(read(body), "two deep wounds")[0] == ["Saint Mary's Hospital"]


def test_a_known_bodys_letter_and_a_person_briefed_on_the_talks() -> None:
    body = (
        "Asylum seekers were sent a questionnaire last week.\n\n"
        'The Home Office letter reads "we may extend the use of the questionnaire to other '
        'claimants."\n\n'
        "A diplomat briefed on the talks said the mediators were considering a 60-day truce.\n\n"
        "According to Manila Bulletin, the earthquake was the strongest to hit the city."
    )
    result = read(body)
    assert who(result, "extend the use of the questionnaire")[0] == ["London"]
    assert who(result, "considering a 60-day truce")[0] == ["Diplomats"]
    assert who(result, "the strongest to hit the city")[0] != ["Manila"]


def test_two_people_who_both_said_something() -> None:
    body = (
        "Oleh Marchenko, a drone unit commander, and Ivan Hrytsenko, a medic, spoke to "
        "reporters near the front.\n\n"
        "Marchenko and Hrytsenko both said that glide bombs remained the biggest threat."
    )
    assert who(read(body), "glide bombs remained")[0] != ["Unattributed"]


def test_state_officers_world_bodies_and_former_roles() -> None:
    body = (
        "Groups listed as Western Native Voice and Nevada Native Vote sued the state.\n\n"
        'Nevada Secretary of State Cara Voss said the law "is supported by most Nevadans".\n\n'
        "Secretary of State Antony Blinken said the talks would resume.\n\n"
        'Tedros Adhanom Ghebreyesus, Director-General of the WHO, said "We are deeply '
        'concerned by the levels of inaction."\n\n'
        "According to Dr. Ann Frey, formerly the director of the Centers for Disease Control "
        'and Prevention, the pandemic is "unprecedented."\n\n'
        "UEFA president Aleksander Ceferin said the final would be moved."
    )
    result = read(body)
    assert who(result, "supported by most Nevadans") == (["Nevada"], "Cara Voss")
    assert who(result, "the talks would resume")[0] == ["Washington"]
    assert who(result, "levels of inaction")[0] == ["WHO"]
    assert who(result, "unprecedented") == (["Ann Frey"], "Ann Frey")
    assert who(result, "the final would be moved")[0] == ["UEFA"]


def test_a_name_after_a_bodys_possessive_is_the_persons() -> None:
    body = (
        "Tribes sued the state over its ballot law on Wednesday.\n\n"
        "The Native American Rights Fund's Jacqueline De León said, \"The law ignores the "
        'realities of Native communities."'
    )
    assert who(read(body), "ignores the realities") == (
        ["Native American Rights Fund"],
        "Jacqueline De León",
    )


def test_an_aside_between_the_cue_and_the_quotation() -> None:
    body = (
        "The study was published on Wednesday.\n\n"
        'Immunologist Kristian Lund of Scripps Research said, in response to the study, "This '
        'virus spreads between humans far more easily."'
    )
    assert who(read(body), "spreads between humans") == (["Scripps Research"], "Kristian Lund")


def test_an_interview_with_names_in_double_brackets() -> None:
    body = (
        "Wikinews spoke to Anna Berg, founder of the Fjord Linux project, about its plans.\n\n"
        "((WN)) Why did you start the project?\n\n"
        "((Anna Berg)) The old distribution was closed overnight, and thousands of users were "
        "left without an upgrade path.\n\n"
        "We rebuilt the sources within a week to give them a stable base.\n\n"
        "((WN)) What comes next? We hear the first release is close.\n\n"
        "((Anna Berg)) The first release will ship before the end of the year."
    )
    result = read(body)
    assert who(result, "closed overnight")[1] == "Anna Berg"
    assert who(result, "rebuilt the sources")[1] == "Anna Berg"
    assert who(result, "ship before the end of the year")[1] == "Anna Berg"
    assert not any("We hear the first release" in c.quote.text for c in result.claims)
    said_on = claim(result, "closed overnight").said_on  # given before the day it was printed
    assert (said_on.date, said_on.precision) == ("2026-11-19", "before")


def test_a_long_body_name_before_a_job_is_whole() -> None:
    body = (
        "Johns Hopkins Center for Health Security medical anthropologist Ruth Kane told the "
        'press, "People are not to blame for a name."\n\n'
        "The National Institute of Allergy and Infectious Disease's director, Dr. Paul Ames, "
        'said, "Bottom line, it is going to be a pandemic."'
    )
    result = read(body)
    assert who(result, "not to blame for a name") == (
        ["Johns Hopkins Center for Health Security"],
        "Ruth Kane",
    )
    assert who(result, "going to be a pandemic") == (
        ["National Institute of Allergy and Infectious Disease"],
        "Paul Ames",
    )


def test_a_listed_role_counts_only_while_it_was_held() -> None:
    body = (
        "Vermont Senator Bernie Sanders ended his campaign last week.\n\n"
        'Joe Biden said he was "proud to have the fiercest of fighters" on his side.'
    )
    before = read(body, published=date(2020, 4, 14))
    during = read(body, published=date(2022, 4, 14))
    assert who(before, "fiercest of fighters") == (["Joe Biden"], "Joe Biden")
    assert who(during, "fiercest of fighters") == (["Washington"], "Joe Biden")


def test_an_envoy_for_a_country_speaks_for_whoever_sent_him() -> None:
    body = (
        "Talks on the ceasefire resumed in Geneva on Monday.\n\n"
        "UN Special Envoy for Yemen Hans Lund said both sides had agreed to meet again.\n\n"
        'US Special Representative for Iran Brian Hale said, "This is a propaganda stunt."'
    )
    result = read(body)
    assert who(result, "agreed to meet again") == (["UN"], "Hans Lund")
    assert who(result, "a propaganda stunt") == (["Washington"], "Brian Hale")


def test_continued_is_speech_only_before_its_words() -> None:
    body = (
        "Protesters blocked the main road on Sunday.\n\n"
        "Violence continued through the evening and the network withdrew its reporters.\n\n"
        "Mark Amodei, a Republican congressman, spoke to reporters. He continued by noting that "
        '"using government agencies to sway an election is not right."'
    )
    result = read(body)
    assert who(result, "Violence continued") == NARRATION
    assert who(result, "sway an election")[1] == "Mark Amodei"


def test_a_negotiator_for_a_union_named_by_its_initials() -> None:
    body = (
        "Rail workers will strike for three days next week.\n\n"
        '"Nobody strikes in June for fun," said Anna Roos, a negotiator for the FNV union.'
    )
    assert who(read(body), "Nobody strikes in June") == (["FNV"], "Anna Roos")


def test_a_named_bodys_decision_is_the_bodys_but_not_a_possessive_or_a_word() -> None:
    body = (
        "The justices ruled unanimously on Thursday in the bridge case.\n\n"
        "The Supreme Court decision stated the officials acted for a political reason.\n\n"
        "Unofficial results show the opposition leading with 52% of the vote."
    )
    result = read(body)
    assert "Supreme Court" in who(result, "acted for a political reason")[0][0]
    assert who(result, "the opposition leading") == NARRATION


def test_a_quotation_split_by_its_attribution_with_no_commas() -> None:
    body = (
        "Prime Minister Boris Johnson spoke about the Amazon fires on Friday.\n\n"
        'French President Emmanuel Macron called the fires an international crisis. "We stand '
        'ready" tweeted Johnson "to provide whatever help we can to bring them under control."'
    )
    assert who(read(body), "We stand ready")[1] == "Boris Johnson"


def test_a_source_within_a_ministry_is_the_ministrys_state() -> None:
    body = (
        "Taliban fighters attacked a military base in Afghanistan on Monday.\n\n"
        'A source within the Afghan Interior Ministry reportedly said "I have been told not to '
        'make the death toll public."'
    )
    assert who(read(body), "not to make the death toll public")[0] == ["Kabul"]


def test_quoted_as_saying_names_who_said_it_before_or_after_the_words() -> None:
    body = (
        "Russia's defence ministry announced new exercises near the border on Tuesday.\n\n"
        "Defence Minister Sergei Shoigu was quoted by the Interfax news agency as saying the "
        "drills would last a week.\n\n"
        '"We will answer any provocation," Kremlin spokesman Dmitry Peskov was quoted as saying.'
    )
    result = read(body)
    assert who(result, "the drills would last a week") == (["Moscow"], "Sergei Shoigu")
    assert who(result, "We will answer any provocation") == (["Moscow"], "Dmitry Peskov")


def test_the_agent_of_a_passive_cue_said_it() -> None:
    body = (
        "Ukraine held a re-run of its presidential election on Sunday.\n\n"
        "Unlike the November results, which were criticized by observers, the outcome of the "
        "re-run has been hailed as fair by officials in the United States and the European "
        "Union.\n\n"
        "Gordon Lightfoot died on Monday at the age of 84. His death was confirmed by his "
        "publicist, Eleanor Price.\n\n"
        "Amman, who was described as dangerous by the police, sent threatening messages."
    )
    result = read(body)
    assert sorted(who(result, "hailed as fair")[0]) == ["EU", "Washington"]
    assert who(result, "His death was confirmed")[1] == "Eleanor Price"
    assert who(result, "sent threatening messages") == NARRATION


def test_officials_in_a_country_speak_for_its_state() -> None:
    body = (
        "Officials in Japan said the typhoon had weakened overnight.\n\n"
        "Officials in Baytown, Texas, said the road would reopen on Friday."
    )
    result = read(body)
    assert who(result, "the typhoon had weakened") == (["Tokyo"], None)
    assert who(result, "the road would reopen")[0] != ["Tokyo"]


def test_an_inverted_cue_after_a_comma_outside_the_quotation_marks() -> None:
    body = (
        "The home side's boasts drew a muted reply from the visitors.\n\n"
        '"It\'s just history repeating itself", said former national coach and former test '
        "player John Bracewell."
    )
    assert who(read(body), "history repeating itself")[1] == "John Bracewell"


def test_a_view_held_in_the_negative_is_the_holders() -> None:
    body = (
        "Jeremy Desterhoft, an independent nuclear safety consultant, reviewed the design.\n\n"
        "He does not believe that economically viable cooling systems can be built.\n\n"
        "The company has not confirmed that the plant will close."
    )
    result = read(body)
    found = claim(result, "economically viable cooling")
    assert found.speaker is not None and found.speaker.name == "Jeremy Desterhoft"
    assert found.stance == "believes"
    assert who(result, "the plant will close") == NARRATION


def test_according_to_a_group_with_no_comma_before_the_content() -> None:
    body = "According to official sources Brazil and South Korea signed four agreements."
    assert who(read(body), "signed four agreements")[0] == ["Official sources"]


def test_initials_before_a_lawmakers_title_name_the_party() -> None:
    body = (
        "Parliament debated the fishing bill on Tuesday.\n\n"
        "SNP MP Ian Blackford said the vote was a disgrace.\n\n"
        "US Senator Chris Murphy said the bill would pass."
    )
    result = read(body)
    assert who(result, "the vote was a disgrace") == (["SNP"], "Ian Blackford")
    assert who(result, "the bill would pass")[0] == ["Washington"]


def test_another_persons_title_and_name_before_a_comma_is_no_role() -> None:
    body = (
        "United States President Ronald Reagan made his first state visit to Canada this "
        "week. Topics discussed included trade and acid rain.\n\n"
        "During a news conference with Prime Minister Brian Mulroney, Reagan said he was "
        "pleased with the welcome."
    )
    result = read(body, published=date(1985, 3, 18))
    assert who(result, "pleased with the welcome") == (["Washington"], "Ronald Reagan")


def test_a_named_party_after_ruling_or_opposition() -> None:
    body = (
        "Mozambique's election commission declared the results on Monday.\n\n"
        "The ruling Frelimo party said the vote was fair. Nevertheless, the opposition Renamo "
        "party has announced that it will not take its 90 seats."
    )
    result = read(body)
    assert who(result, "the vote was fair")[0] == ["Frelimo"]
    assert who(result, "will not take its 90 seats")[0] == ["Renamo"]


def test_a_players_position_opening_a_sentence_is_no_part_of_the_name() -> None:
    body = (
        "England beat Italy 2-1 in Naples on Thursday.\n\n"
        "Striker Harry Kane said the team was ready for the finals. Kane scored twice."
    )
    assert who(read(body), "the team was ready")[1] == "Harry Kane"


def test_a_lawmaker_described_as_a_states_party_member() -> None:
    body = (
        "The Senate voted 51-49 to confirm the nominee on Tuesday.\n\n"
        "Senator Elizabeth Warren, a Massachusetts Democrat, said the vote was a mistake.\n\n"
        "Rep. Jim Jordan, an Ohio Republican, said the inquiry would continue."
    )
    result = read(body)
    assert who(result, "the vote was a mistake") == (["Democratic Party"], "Elizabeth Warren")
    assert who(result, "the inquiry would continue") == (["Republican Party"], "Jim Jordan")


def test_a_group_of_officials_has_no_spokesperson() -> None:
    body = (
        "Interest rates were left unchanged on Wednesday.\n\n"
        "Officials will publish updated projections in May, a spokesperson said."
    )
    assert who(read(body), "updated projections in May")[0] != ["Officials"]


def test_a_bare_leaders_title_in_a_story_from_a_capital_is_the_states() -> None:
    body = (
        "NAIROBI, Kenya (AP) — Floods killed 42 people in central Kenya on Monday.\n\n"
        "The United Nations warned that more rain was expected.\n\n"
        "President Samuel Mwangi blamed the disaster on climate change."
    )
    assert who(read(body), "blamed the disaster") == (["Nairobi"], "Samuel Mwangi")


def test_a_capital_citys_police_is_the_citys_not_the_state() -> None:
    body = (
        "NAIROBI, Kenya (AP) — Floods closed roads across the city on Monday.\n\n"
        "Nairobi police chief Adamson Bungei said three bridges had collapsed.\n\n"
        "Kenyan police said two men were arrested."
    )
    result = read(body)
    assert who(result, "three bridges had collapsed")[0] == ["Nairobi police"]
    assert who(result, "two men were arrested")[0] == ["Nairobi"]


def test_her_lawyer_speaks_for_the_woman_the_sentence_before_was_about() -> None:
    body = (
        "MANCHESTER — A court on Friday sentenced a former nurse to life in prison.\n\n"
        "Anna Bell, 33, who was arrested by Detective Mark Hughes in 2019, has denied the "
        "charges. Her lawyer, Ben Myers, argued that the hospital's failings explained the "
        "deaths."
    )
    assert who(read(body), "the hospital's failings") == (["Anna Bell"], "Ben Myers")


def test_a_company_with_corp_is_no_person_and_its_name_no_time() -> None:
    body = (
        "TOKYO — Toyota Motor Corp. on Thursday reported a record quarterly profit.\n\n"
        "Operating profit rose 18% in the April-June quarter, the company said.\n\n"
        '"We cannot ignore the impact of tariffs," Chief Financial Officer Kenta Kon told '
        "reporters."
    )
    result = read(body)
    assert who(result, "record quarterly profit") == (["Toyota Motor Corp"], None)
    assert who(result, "Operating profit rose")[0] == ["Toyota Motor Corp"]
    assert who(result, "impact of tariffs") == (["Toyota Motor Corp"], "Kenta Kon")


def test_a_weekday_after_a_name_is_no_part_of_it() -> None:
    body = (
        "Colombian President Alvaro Uribe Monday criticized leftist rebels for delaying the "
        "handover of three hostages.\n\n"
        "He said the rebels had a history of breaking promises."
    )
    result = read(body, published=date(2007, 12, 31))
    assert who(result, "criticized leftist rebels")[1] == "Alvaro Uribe"
    assert who(result, "breaking promises")[1] == "Alvaro Uribe"


def test_a_name_set_off_after_a_bodys_name_is_whole() -> None:
    body = (
        "Speaking by satellite telephone, an official with the rebel Justice and Equality "
        "Movement, Abubaka Ahmed Noor, said the rebellion had not been defeated."
    )
    assert who(read(body), "had not been defeated")[1] == "Abubaka Ahmed Noor"


def test_a_surname_without_its_arabic_article_is_the_same_person() -> None:
    body = (
        "Sudanese President Omar Al-Bashir claimed victory in Darfur on Monday.\n\n"
        "Describing the area as entirely in government hands, Mr. Bashir said he would give "
        "amnesty to all rebels."
    )
    result = read(body, published=date(2004, 2, 10))
    assert who(result, "give amnesty")[1] == "Omar Al-Bashir"


def test_a_countrys_rebels_and_police_in_a_country_are_not_its_state() -> None:
    body = (
        "ABIDJAN — Ivory Coast's New Forces rebels said they would not accept the results of "
        "the elections.\n\n"
        "Kenya's opposition said the vote was rigged.\n\n"
        "Police in Zimbabwe said one man was killed."
    )
    result = read(body)
    assert who(result, "not accept the results")[0] == ["New Forces rebels"]
    assert who(result, "the vote was rigged")[0] == ["Opposition"]
    assert who(result, "one man was killed")[0] == ["Police"]


def test_a_byline_of_names_ranks_and_units_is_no_speaker() -> None:
    body = (
        "By American Forces Press Service Cheryl Pellerin\n\n"
        "WASHINGTON - More than 3,400 Guard members are helping communities hit by tornadoes, "
        "Army Maj. Gen. David L. Harris said Thursday.\n\n"
        '"We know that there are many still unaccounted for," Harris said. "It just couldn\'t '
        'be any harder than not knowing the status of a loved one."'
    )
    result = read(body, published=date(2011, 5, 27))
    assert who(result, "status of a loved one")[1] == "David L. Harris"


def test_a_list_of_places_before_the_speakers_name_is_no_subject() -> None:
    body = (
        "Army Maj. Gen. David L. Harris spoke at the Pentagon on Thursday.\n\n"
        "The states include Alabama, Arkansas, Minnesota, Missouri and Wisconsin, Harris said."
    )
    result = read(body, published=date(2011, 5, 27))
    assert who(result, "The states include")[1] == "David L. Harris"


def test_military_ranks_without_a_full_stop_and_enlisted_ranks() -> None:
    body = (
        "Thirty airmen were tried by court-martial last year.\n\n"
        '"The code applies to you so long as you are on active duty," said Capt Michael '
        "Carruthers, the area defense counsel.\n\n"
        '"Those charges are preventable," said Tech. Sgt. Steven Morris, a first sergeant.'
    )
    result = read(body, published=date(2010, 6, 14))
    assert who(result, "so long as you are on active duty")[1] == "Michael Carruthers"
    assert who(result, "Those charges are preventable")[1] == "Steven Morris"


def test_a_quotation_glued_after_said_opens_the_next_sentence() -> None:
    body = (
        "Tech. Sgt. Stephen Springer, 1st Security Forces Squadron, remembers a riot in Iraq."
        "\n\n"
        '"No training can prepare you for that feeling," he said."There\'s just a certain '
        "camaraderie you build in Iraq, it's real and it's priceless.\""
    )
    result = read(body, published=date(2008, 3, 20))
    assert who(result, "prepare you for that feeling") == (
        ["1st Security Forces Squadron"],
        "Stephen Springer",
    )
    assert who(result, "a certain camaraderie")[1] == "Stephen Springer"


def test_the_general_is_the_person_the_text_gave_the_rank() -> None:
    body = (
        "Air Force Gen. Joseph L. Lengyel told Pentagon reporters that guardsmen were "
        "assisting civilian agencies.\n\n"
        'Dorian is hitting South Carolina. "It is still a very dangerous and unpredictable '
        'storm," the general said.'
    )
    result = read(body, published=date(2019, 9, 5))
    assert who(result, "unpredictable storm")[1] == "Joseph L. Lengyel"


def test_a_participles_phrase_before_the_subject_is_a_lead() -> None:
    body = (
        "Sudanese President Omar Al-Bashir declared on Monday that operations in Darfur had "
        "ended.\n\n"
        "Describing the area as being entirely in government hands, Mr. Bashir said he would "
        "give amnesty to all rebels who surrender their weapons to police within a month."
    )
    result = read(body, published=date(2004, 2, 10))
    assert who(result, "give amnesty")[1] == "Omar Al-Bashir"


def test_a_surname_that_names_a_country_counts_for_no_state() -> None:
    body = (
        "A federal judge in Texas on Tuesday blocked a rule on overtime pay.\n\n"
        "U.S. District Judge Sean Jordan in Sherman ruled that the Labor Department had "
        'exceeded its authority. The rule "makes salary predominate over duties," Jordan '
        "wrote.\n\n"
        "The Labor Department said it was reviewing the decision."
    )
    result = read(body, published=date(2024, 11, 15))
    assert who(result, "exceeded its authority") == (["U.S. District Court"], "Sean Jordan")
    assert who(result, "reviewing the decision")[0] == ["Washington"]


def test_its_officer_after_a_body_opening_a_sentence_with_a_relative_clause() -> None:
    body = (
        "The Labor Department said it was reviewing the decision.\n\n"
        "The U.S. Chamber of Commerce, which led the lawsuit, welcomed the ruling. Its chief "
        "policy officer, Neil Bradley, said the rule would have forced employers to cut jobs."
    )
    result = read(body, published=date(2024, 11, 15))
    assert who(result, "cut jobs") == (["U.S. Chamber of Commerce"], "Neil Bradley")


def test_health_officials_in_a_country_with_a_clause_after_it() -> None:
    body = (
        "A new variant of the coronavirus has been found in 12 countries.\n\n"
        "Health officials in Britain, where the variant was first identified, said cases had "
        "doubled in a week.\n\n"
        "Local officials in Texas said the clinics would stay open."
    )
    result = read(body)
    assert who(result, "cases had doubled")[0] == ["London"]
    assert who(result, "clinics would stay open")[0] != ["Washington"]


def test_a_countrys_company_named_after_what_it_is() -> None:
    body = (
        "Russian forces struck Ukraine's energy infrastructure overnight.\n\n"
        "According to Ukraine's national grid operator, Ukrenergo, emergency blackouts were in "
        "place in six regions.\n\n"
        "Ukraine's grid operator Ukrenergo said repairs would take weeks.\n\n"
        "Russia's Defense Ministry said its forces had struck military targets."
    )
    result = read(body)
    assert who(result, "emergency blackouts")[0] == ["Ukrenergo"]
    assert who(result, "repairs would take weeks")[0] == ["Ukrenergo"]
    assert who(result, "struck military targets")[0] == ["Moscow"]


def test_a_publishers_initials_inside_a_word_are_not_the_publisher() -> None:
    body = (
        "A Salvadoran national wanted for murder was deported on Friday.\n\n"
        '"Returning this fugitive is a prime example of how we work with our partners," said '
        "Marc J. Moore, field office director for ERO Miami."
    )
    result = read(body, published=date(2015, 4, 10), publisher="ICE")
    assert who(result, "a prime example")[1] == "Marc J. Moore"


def test_a_long_phrase_after_the_cue_that_follows_a_quotation() -> None:
    body = (
        "Attorney General William P. Barr spoke at Quantico, Virginia, on Friday.\n\n"
        '"The gravest threats to society today are increasingly national in scope," Barr said '
        "to the crowd of 256 graduating students and the families they haven't seen for more "
        "than two months."
    )
    result = read(body, published=date(2019, 6, 7), publisher="FBI")
    assert who(result, "gravest threats")[1] == "William P. Barr"


def test_a_briefing_transcripts_question_label_and_a_speaker_named_by_surname() -> None:
    body = (
        "MR MILLER: Good afternoon, everyone.\n\n"
        "QUESTION: Are we edging any closer to sanctions in Sudan, given the fighting?\n\n"
        "MR MILLER: The ceasefire monitoring mechanism detected possible breaches of the "
        "agreement on May 24th. We are monitoring the conflict closely."
    )
    result = read(
        body,
        published=date(2023, 5, 25),
        title="Department Press Briefing – May 25, 2023",
        publisher="U.S. Department of State",
    )
    assert who(result, "possible breaches") == (["Washington"], "Miller")
    assert not [c for c in result.claims if "sanctions in Sudan" in c.quote.text]


def test_a_contraction_of_i_opens_no_name() -> None:
    body = (
        "Mr. Schiff: Hello, I’m Neal Schiff and welcome to Inside the FBI, a weekly podcast.\n\n"
        "Supervisory Special Agent Brett Hovington said the award was first presented in the "
        "early 1990s."
    )
    result = read(body, published=date(2009, 3, 20), publisher="FBI")
    assert all("I’m" not in (c.speaker.name if c.speaker else "") for c in result.claims)


def test_a_group_says_a_clause_whose_subject_is_a_measure() -> None:
    body = (
        "The Senate opened debate on the immigration bill on Monday.\n\n"
        "Supporters say the measure offers the best hope for reform in years.\n\n"
        "Lawmakers rejected the proposal on Tuesday."
    )
    result = read(body)
    assert who(result, "best hope for reform")[0] == ["Supporters"]
    assert who(result, "rejected the proposal") == NARRATION


def test_she_said_goes_to_the_woman_named_before_not_a_man_with_a_role() -> None:
    body = (
        "Democrats are eager to defeat President Bush in November.\n\n"
        "Sheila Pritt listened to a Kerry speech at a rally in West Virginia.\n\n"
        '"I think he is the one," she said.'
    )
    result = read(body, published=date(2004, 9, 7))
    assert who(result, "he is the one")[1] == "Sheila Pritt"


def test_a_second_leading_phrase_before_the_subject() -> None:
    body = (
        "Taiwan's president says he will hold a referendum next March.\n\n"
        "Earlier this week, during a visit by Chinese Prime Minister Wen Jiabao, President "
        "Bush warned the Taiwan president against holding a referendum.\n\n"
        "Last week, in the neighbouring state of Kerala, one suspect was arrested."
    )
    result = read(body, published=date(2003, 12, 13))
    # the President Bush of 2003, whom the data lists: George W. Bush, for Washington
    assert who(result, "against holding a referendum") == (["Washington"], "George W. Bush")
    assert who(result, "one suspect was arrested") == NARRATION


def test_a_headline_opening_with_a_kind_of_people_names_no_person() -> None:
    body = (
        "Astronomers Discover 5 New Planets\n\n"
        "Astronomers say these galaxies are much smaller than our own Milky Way galaxy.\n\n"
        "Senator Dianne Feinstein, a California Democrat and member of the Judiciary "
        "Committee, said the nominee was evasive."
    )
    result = read(body, published=date(2010, 1, 9))
    assert who(result, "much smaller than our own") == (["Astronomers"], None)
    assert who(result, "the nominee was evasive") == (["Democratic Party"], "Dianne Feinstein")


def test_a_kind_of_athlete_is_a_group_not_a_body_called_by_the_adjectives() -> None:
    body = (
        "Two American swimmers are setting their sights on the Beijing Olympics.\n\n"
        '"The Olympics are really our biggest stage," Natalie Coughlin, U.S. Olympic swimmer '
        "said.\n\n"
        '"We came here for a treaty," said Mereani Tuilagi, Fiji\'s lead negotiator.'
    )
    result = read(body, published=date(2008, 8, 7))
    assert who(result, "our biggest stage") == (["U.S. Olympic swimmers"], "Natalie Coughlin")
    assert who(result, "for a treaty")[0] == ["Suva"]


def test_an_agencys_own_news_service_files_its_officials_under_its_state() -> None:
    body = (
        "By Gerry J. Gilmore\n\n"
        "Defense Secretary Robert M. Gates expressed hope today that discussions between the "
        "United States and China would lead to more openness.\n\n"
        "FORT BRAGG, N.C. – Gen. Mark A. Milley, the Chief of Staff of the U.S. Army said "
        "readiness is his number one priority."
    )
    result = read(body, published=date(2008, 2, 26), publisher="American Forces Press Service")
    assert who(result, "more openness")[0] == ["Washington"]
    assert who(result, "number one priority")[0] == ["Washington"]


def test_an_ambassador_to_a_body_and_according_to_after_a_quotation() -> None:
    body = (
        "Defense Secretary Donald H. Rumsfeld \"feels very good about the results of today's "
        'meetings," according to U.S. Ambassador to NATO Nicholas Burns, who attended the '
        "informal meetings of NATO defense ministers here with the defense secretary.\n\n"
        "The key issue, Burns noted, is usability."
    )
    result = read(body, published=date(2004, 10, 13))
    assert who(result, "feels very good") == (["Washington"], "Nicholas Burns")


def test_a_caption_block_a_page_marks_as_one_is_no_claim() -> None:
    body = (
        "Click photo for screen-resolution image\nSecretary of State Condoleezza Rice and "
        "Iraqi Prime Minister Ibrahim al-Jafaari conduct a press conference in Baghdad, "
        "where Rice said the Iraqi people were growing impatient with delays.\n\n"
        "Rice made a surprise visit to Iraq on Friday."
    )
    result = read(body, published=date(2005, 5, 15))
    assert not [c for c in result.claims if "growing impatient" in c.quote.text]


def test_according_to_a_group_before_a_comma_further_on() -> None:
    body = (
        "According to official sources Brazil and South Korea also discussed energy "
        "cooperation, including oil and gas."
    )
    assert who(read(body), "also discussed energy")[0] == ["Official sources"]


def test_a_us_service_named_before_a_rank_is_the_us() -> None:
    body = (
        "The humanitarian mission in Georgia will go on, officials said at a Pentagon news "
        "conference.\n\n"
        "Russian troops are beginning to pull back, Marine Corps Gen. James E. Cartwright "
        "said today."
    )
    result = read(body, published=date(2008, 8, 14))
    assert who(result, "beginning to pull back") == (["Washington"], "James E. Cartwright")


def test_a_us_agencys_own_blog_files_its_secretary_under_the_us() -> None:
    body = (
        "KABUL, Afghanistan – Agriculture Secretary Tom Vilsack arrived in Afghanistan on "
        "Sunday.\n\n"
        '"Agriculture is at a critical intersection in our efforts," Vilsack said.'
    )
    result = read(body, published=date(2010, 1, 11), publisher="USDA Blog")
    assert who(result, "critical intersection") == (["Washington"], "Tom Vilsack")


def test_a_dateline_glued_to_its_first_word_by_a_dash() -> None:
    body = (
        "WASHINGTON—The Justice Department announced that two former deputies were "
        "sentenced in federal court in Montgomery."
    )
    result = read(body, published=date(2012, 6, 5))
    found = claim(result, "two former deputies")
    assert found.quote.text.startswith("The Justice Department")
    assert [s.label for s in found.sources] == ["Washington"]


def test_a_towns_police_department_is_no_state_department() -> None:
    body = (
        "Four times a year, 250 senior police officers arrive at the FBI's training facility.\n\n"
        "“It’s an excellent experience,” said Richard A. Davis, a commander with the Waukegan "
        "Police Department in Illinois."
    )
    result = read(body, published=date(2006, 5, 3), publisher="FBI")
    assert who(result, "excellent experience") == (
        ["Waukegan Police Department"],
        "Richard A. Davis",
    )


def test_a_named_group_is_one_group() -> None:
    body = (
        "Protesters clashed with riot police in Ottawa on Tuesday.\n\n"
        "The Indymedia group of websites reported a demonstration on the 29th.\n\n"
        "Shipping industry groups said the fees were too high."
    )
    result = read(body, published=date(2004, 11, 30))
    assert who(result, "reported a demonstration")[0] == ["Indymedia group"]
    assert who(result, "the fees were too high")[0] == ["Shipping industry groups"]


def test_a_numbered_rank_is_no_unit() -> None:
    body = (
        "Flood waters rose along the Missouri River on Tuesday.\n\n"
        '"We are ready for the crest," said 2nd Lt. John Quin.'
    )
    result = read(body, published=date(2010, 6, 29))
    assert who(result, "ready for the crest")[0] != ["2nd Lt"]


def test_naval_and_police_ranks_end_no_sentence_and_a_native_names_no_body() -> None:
    body = (
        "The hospital ship Mercy returned to San Diego on Thursday.\n\n"
        '"We worked hand-in-hand with the local doctors," said Pheonix native Cdr. Rosemarie '
        "Tan.\n\n"
        '"Nobody was hurt," said Det. Supt. John Smith of the Metropolitan Police.'
    )
    result = read(body, published=date(2008, 9, 25))
    tan = who(result, "hand-in-hand")
    assert tan[1] == "Rosemarie Tan" and tan[0] != ["Pheonix"]
    assert who(result, "Nobody was hurt")[0] == ["Metropolitan Police"]


def test_a_refusal_to_comment_that_goes_on_to_say_something() -> None:
    body = (
        "Warehouse workers walked out in Leipzig on Monday.\n\n"
        "A spokesperson for Amazon declined to comment, but said the company takes safety "
        "seriously.\n\n"
        "The union declined to comment."
    )
    result = read(body, published=date(2023, 3, 6))
    assert who(result, "takes safety seriously")[0] == ["Amazon"]
    assert not [c for c in result.claims if "union declined" in c.quote.text]


def test_one_subject_with_two_verbs_the_second_a_cue() -> None:
    body = (
        "Storms closed roads across the north on Monday.\n\n"
        "The mayor of Gdansk visited the harbour on Monday and told reporters the damage "
        "was severe."
    )
    result = read(body, published=date(2023, 3, 6))
    assert who(result, "the damage was severe")[0] == ["Gdansk"]


def test_a_state_governors_abbreviated_title_names_the_state() -> None:
    body = (
        "SACRAMENTO, Calif. (VOA) — Wildfires burned across the north of the state.\n\n"
        "California Gov. Gavin Newsom told reporters the fires were under control.\n\n"
        "Newsom said the state would ask for federal help.\n\n"
        "In Missouri, Gov. Jay Nixon called up Guard soldiers to clear debris."
    )
    result = read(body, published=date(2021, 8, 2))
    assert who(result, "fires were under control") == (["California"], "Gavin Newsom")
    assert who(result, "ask for federal help") == (["California"], "Gavin Newsom")
    assert who(result, "called up Guard soldiers") == NARRATION  # an act, not speech


def test_an_age_is_no_part_of_a_kind_of_person() -> None:
    body = (
        "The market reopened on Monday.\n\n"
        '"We are not going anywhere," said Ahmed Saleh, a 45-year-old shopkeeper in the '
        "market."
    )
    result = read(body, published=date(2023, 3, 6))
    assert who(result, "not going anywhere") == (["Shopkeepers"], "Ahmed Saleh")


def test_the_countrys_court_is_the_court() -> None:
    body = (
        "NAIROBI, Kenya (VOA) — Police fired tear gas at protesters in Nairobi on Tuesday.\n\n"
        "The country's Supreme Court ruled that the new finance law was unconstitutional."
    )
    result = read(body, published=date(2024, 6, 25))
    assert who(result, "finance law was unconstitutional")[0] == ["Supreme Court"]


def test_a_services_spokesman_named_after_a_comma() -> None:
    body = (
        "NAIROBI, Kenya (VOA) — Police fired tear gas at protesters in Nairobi on Tuesday.\n\n"
        "A police spokesman, Bruno Shioso, denied that officers had used live bullets.\n\n"
        "Shioso said the officers had been attacked."
    )
    result = read(body, published=date(2024, 6, 25))
    assert who(result, "used live bullets") == (["Police"], "Bruno Shioso")
    assert who(result, "had been attacked") == (["Police"], "Bruno Shioso")


def test_a_lowercase_name_particle_stays_in_the_name() -> None:
    body = (
        "United lost 2-1 at home on Sunday.\n\n"
        "Manchester United manager Erik ten Hag said his team had been unlucky.\n\n"
        '"We created enough chances to win," ten Hag told the BBC after the match.'
    )
    result = read(body, published=date(2023, 10, 8))
    manager = (["Manchester United"], "Erik ten Hag")
    assert who(result, "had been unlucky") == manager
    assert who(result, "enough chances to win") == manager


def test_a_company_set_off_after_what_it_makes_is_no_person() -> None:
    body = (
        "The drug was approved in 2017.\n\n"
        "The drug's maker, Acme Pharma, said it would fund a larger trial.\n\n"
        "The company's founder, John Smith, said the trial would start in May."
    )
    result = read(body, published=date(2023, 10, 8))
    assert who(result, "fund a larger trial") == (["Acme Pharma"], None)
    assert who(result, "start in May") == (["Acme Pharma"], "John Smith")


def test_a_possessive_inside_a_universitys_name() -> None:
    body = (
        "The drug was approved in 2017.\n\n"
        '"This study cannot prove cause and effect," said Mark Hollis, a neurologist at '
        "King's College London.\n\n"
        '"The data are thin," said Ann Roe, a vet at London\'s Royal Veterinary College.'
    )
    result = read(body, published=date(2023, 10, 8))
    assert who(result, "cause and effect") == (["King's College London"], "Mark Hollis")
    assert who(result, "data are thin") == (["Royal Veterinary College"], "Ann Roe")


def test_a_ministry_named_by_its_portfolio_is_no_other_ministry_named_before() -> None:
    body = (
        "SEOUL, March 3 (Yonhap) -- North Korea fired two ballistic missiles on Monday.\n\n"
        "Japan's Defense Ministry said the missiles fell outside Japan's economic zone.\n\n"
        "Meanwhile, the unification ministry said it would push to resume humanitarian aid."
    )
    result = read(body, published=date(2025, 3, 3), publisher="Yonhap")
    assert who(result, "fell outside Japan")[0] == ["Tokyo"]
    assert who(result, "resume humanitarian aid")[0] == ["Seoul"]


def test_a_shadow_minister_speaks_for_no_state() -> None:
    body = (
        "LONDON — The budget was published on Wednesday.\n\n"
        "Britain's opposition Labour Party accused the government of losing control of the "
        "public finances.\n\n"
        "Shadow chancellor Anna Pryce said the budget would leave families worse off.\n\n"
        "Labour's shadow foreign secretary Tom Hale said the talks had failed."
    )
    result = read(body, published=date(2023, 3, 15))
    assert who(result, "losing control of the public finances")[0] == ["Labour Party"]
    assert who(result, "leave families worse off")[0] != ["London"]
    # "Labour's" is the Labour Party the text named in full before
    assert who(result, "the talks had failed") == (["Labour Party"], "Tom Hale")


def test_a_partys_initials_before_its_branch_and_a_role() -> None:
    body = (
        "LONDON — The budget was published on Wednesday.\n\n"
        'SNP Westminster leader Stephen Flynn called it "a con that leaves Scotland out."'
    )
    result = read(body, published=date(2023, 3, 15))
    assert who(result, "leaves Scotland out") == (["SNP"], "Stephen Flynn")


def test_sources_close_to_a_person_keep_the_words_that_named_them() -> None:
    body = (
        "LONDON — The budget was published on Wednesday.\n\n"
        "Sources close to the chancellor said he was not considering resigning."
    )
    result = read(body, published=date(2023, 3, 15))
    assert who(result, "not considering resigning")[0] == ["Sources close to the chancellor"]


def test_a_ministry_called_by_its_capitalised_portfolio_is_the_states() -> None:
    body = (
        "BAGHDAD — A bomb exploded in a market in Hilla on Thursday.\n\n"
        "An Interior Ministry official told Reuters the death toll could rise.\n\n"
        "A Health Ministry spokesman said 70 people were wounded."
    )
    result = read(body, published=date(2007, 3, 8))
    assert who(result, "death toll could rise")[0] == ["Baghdad"]
    assert who(result, "70 people were wounded")[0] == ["Baghdad"]


def test_a_prosecutors_office_named_with_its_district_and_its_indictment() -> None:
    body = (
        "NEW YORK — Three men were charged with fraud on Thursday.\n\n"
        "The U.S. Attorney's Office for the Southern District of New York said the three had "
        "been charged with wire fraud.\n\n"
        "According to the indictment, the men stole more than $2 million from an aid program."
    )
    result = read(body, published=date(2023, 3, 9))
    office = ["U.S. Attorney's Office"]
    assert who(result, "charged with wire fraud")[0] == office
    assert who(result, "stole more than $2 million")[0] == office


def test_a_partys_initials_after_its_side_and_a_union_named_by_its_members() -> None:
    body = (
        "Protesters marched in Dhaka on Sunday after fuel prices rose by half.\n\n"
        "Opposition BNP secretary general Mirza Fakhrul Islam Alamgir told a rally that the "
        "party would call a general strike.\n\n"
        "Transport owners' associations announced a strike, saying the new fares were too "
        "low.\n\n"
        "The teachers' union said its members would join the strike."
    )
    result = read(body, published=date(2022, 8, 7))
    assert who(result, "call a general strike") == (["BNP"], "Mirza Fakhrul Islam Alamgir")
    assert who(result, "fares were too low")[0] == ["Transport owners' associations"]
    assert who(result, "members would join")[0] == ["Teachers' union"]


def test_a_release_pages_labels_name_nobody() -> None:
    body = (
        "Main Content\nRelease date:\nJuly 22, 2011\nRelease Number:\n\n"
        "COLUMBIA, Mo. -- Two months after the tornado, disaster recovery efforts remain in "
        "full swing.\n\n"
        '"It takes many agencies to help a community recover," said Federal Coordinating '
        "Officer Libby Turner."
    )
    result = read(body, published=date(2011, 7, 22), publisher="FEMA")
    assert who(result, "remain in full swing") == NARRATION
    assert who(result, "many agencies to help") == (["Libby Turner"], "Libby Turner")


def test_an_assistant_secretary_of_state_is_no_places_office() -> None:
    body = (
        "WASHINGTON — The famine spread across the region on Monday.\n\n"
        '"The need is great," Assistant Secretary of State for African Affairs Johnnie '
        "Carson said on Monday."
    )
    result = read(body, published=date(2011, 8, 9))
    assert who(result, "The need is great") == (["Washington"], "Johnnie Carson")


def test_a_word_for_a_states_body_alone_is_no_source_of_its_own() -> None:
    body = (
        "Sunday, December 3, 2006\n\n"
        'The army chief said: "Prime Minister Laisenia Qarase was no longer in control of the '
        'Government."\n\n'
        "Mr Qarase said he expects to be Prime Minister for another four years."
    )
    result = read(body, published=date(2006, 12, 3), publisher="Wikinews")
    assert who(result, "another four years")[0] != ["Government"]


def test_a_figure_put_at_a_number_is_the_estimate_of_who_put_it() -> None:
    body = (
        "A magnitude 7.9 earthquake struck Sichuan province on Monday.\n\n"
        "The United States Geological Survey put the magnitude of the quake at 7.9.\n\n"
        "Local officials put the number of dead at more than 300.\n\n"
        "The government put pressure on the provinces to speed up the rescue."
    )
    result = read(body, published=date(2008, 5, 14))
    # the U.S. Geological Survey is a federal agency: the state's, filed under its capital
    assert who(result, "magnitude of the quake at 7.9")[0] == ["Washington"]
    assert who(result, "number of dead at more than 300")[0] == ["Local officials"]
    assert who(result, "put pressure on the provinces") == NARRATION


def test_a_listed_leaders_spokesperson_named_after_a_comma_is_the_speaker() -> None:
    body = (
        "BERLIN — Germany banned the airline on Monday.\n\n"
        "German Chancellor Angela Merkel's spokesperson, Steffen Seibert, said the ban was "
        "needed to protect the country's security."
    )
    result = read(body, published=date(2019, 1, 21))
    assert who(result, "protect the country's security") == (["Berlin"], "Steffen Seibert")


def test_a_leader_the_data_lists_speaks_for_the_state_only_in_office() -> None:
    body = (
        "JAKARTA — Rescue workers searched the rubble on Sunday.\n\n"
        "Mr. Bush said his government will provide additional support to Jakarta as needed."
    )
    in_office = read(body, published=date(2006, 5, 28))
    assert who(in_office, "additional support to Jakarta") == (["Washington"], "George W. Bush")
    later = read(body, published=date(2015, 5, 28))
    assert who(later, "additional support to Jakarta")[0] == ["George W. Bush"]


def test_a_person_who_heads_a_body_speaks_for_it() -> None:
    body = (
        "Prices rose again in March.\n\n"
        '"Prices will keep rising until the autumn," said Tom Hale, who heads the Institute '
        "for Fiscal Studies.\n\n"
        '"We will find them," said Samuel Aruwan, who heads the state security ministry.'
    )
    result = read(body, published=date(2023, 4, 2))
    assert who(result, "keep rising") == (["Institute for Fiscal Studies"], "Tom Hale")
    assert who(result, "We will find them")[0] != ["States"]


def test_a_relative_of_a_person_named_speaks_as_that_relative() -> None:
    body = (
        "Journalist Hrant Dink was killed today in Istanbul.\n\n"
        "Dink's daughter said the family was in shock after the killing.\n\n"
        "His widow told reporters that he had received threats for years.\n\n"
        "Following the killing, Dink's daughter, speaking to reporters, said:\n\n"
        "They shot my father. They were afraid to face him."
    )
    result = read(body, published=date(2007, 1, 19), publisher="Wikinews")
    assert who(result, "in shock after the killing") == (["Dink's daughter"], None)
    assert who(result, "received threats for years") == (["Widow"], None)
    assert who(result, "They shot my father") == (["Dink's daughter"], None)


def test_counsel_representing_a_client_and_an_office_in_lower_case() -> None:
    body = (
        "LOS ANGELES — A federal judge on Tuesday blocked a state law banning flavored "
        "tobacco.\n\n"
        "The state's attorney general, Rob Bonta, said he would appeal the ruling.\n\n"
        '"This is a victory for adult consumers," said Jim Reed, a lawyer representing R.J. '
        "Reynolds.\n\n"
        "The European Council met in Brussels on Friday.\n\n"
        "Council spokesperson Barend Leyts said the meeting had followed every safety rule."
    )
    result = read(body, published=date(2023, 3, 7))
    assert who(result, "would appeal the ruling")[0] != ["Attorneys"]
    assert who(result, "victory for adult consumers") == (["R.J. Reynolds"], "Jim Reed")
    assert who(result, "every safety rule") == (["European Council"], "Barend Leyts")


def test_the_department_or_office_between_a_body_and_a_name_is_no_part_of_the_body() -> None:
    body = (
        "ROTTERDAM — A container ship ran aground outside the port on Sunday.\n\n"
        "Maersk Line Communications Director Anna Berg said the ship had been refloated "
        "overnight.\n\n"
        '"No cargo was lost," said Jonas Wirth, Vesta Deputy Head of Operations.\n\n'
        '"The channel is open again," said Dr. Ines Maas, Harwich Ports\' Assistant Chief of '
        "the Pilotage Branch.\n\n"
        "Ministry of Transport Director Ana Paz said an inquiry would begin on Monday."
    )
    result = read(body, published=date(2024, 3, 4))
    assert who(result, "refloated overnight") == (["Maersk Line"], "Anna Berg")
    assert who(result, "No cargo was lost") == (["Vesta"], "Jonas Wirth")
    assert who(result, "The channel is open again") == (["Harwich Ports"], "Ines Maas")
    assert who(result, "an inquiry would begin")[0] != ["Ministry of"]


def test_a_critic_for_an_outlet_speaks_for_it_and_people_close_to_someone_are_not_him() -> None:
    body = (
        "The thriller opened in 2,400 theatres on Friday.\n\n"
        '"It never gives skeptics a chance to enjoy the film," said Ana Ruiz, film critic '
        "for the Daily Ledger.\n\n"
        "People close to Mr. Haas said he was considering an appeal against the verdict.\n\n"
        "Aides close to President Lena Park have reported that she will veto the bill."
    )
    result = read(body, published=date(2005, 1, 7))
    assert who(result, "never gives skeptics") == (["Daily Ledger"], "Ana Ruiz")
    assert who(result, "considering an appeal")[1] is None
    assert who(result, "veto the bill") == (["Aides"], None)


def test_a_plural_subject_takes_the_plain_form_of_a_verb_of_saying() -> None:
    body = (
        "The pension plan would index benefits to prices.\n\n"
        "Critics point out that the change would cut benefits for most retirees.\n\n"
        "Officials urge residents to leave the coast before the storm arrives."
    )
    result = read(body, published=date(2005, 1, 4))
    assert who(result, "cut benefits for most retirees") == (["Critics"], None)
    assert who(result, "leave the coast") == (["Officials"], None)


def test_one_name_after_a_kind_of_person_is_the_speaker_filed_under_that_kind() -> None:
    body = (
        "Bloggers tested the filter software this week.\n\n"
        "Blogger Jzyg wrote that all gay websites were blocked by the filter.\n\n"
        "Activist Zhang said the filter was useless and expensive."
    )
    result = read(body, published=date(2009, 6, 10))
    assert who(result, "all gay websites were blocked") == (["Bloggers"], "Jzyg")
    assert who(result, "useless and expensive") == (["Activists"], "Zhang")


def test_the_seat_a_legislator_holds_is_a_place_and_the_name_before_a_role_speaks() -> None:
    body = (
        "Congress debated the cybercrime bill again on Tuesday.\n\n"
        "In an interview for the Observatório blog Rui Falcão, a member of parliament for "
        "Belo Horizonte, stresses:\n\n"
        "The bill aims to introduce strict controls over the internet in Brazil."
    )
    result = read(body, published=date(2009, 6, 11))
    assert who(result, "strict controls over the internet") == (["Rui Falcão"], "Rui Falcão")


def test_a_service_before_a_rank_is_part_of_the_title_and_a_relative_clause_is_no_subject() -> None:
    body = (
        "Insurgent attacks in the border provinces doubled over the summer, Army Gen. Mark "
        "T. Ellison, commander of the International Security Assistance Force, said today.\n\n"
        "Rebel fighters who crossed the river last month are beginning to withdraw, Marine "
        "Corps Gen. Ruth A. Halvorsen, vice chairman of the Joint Chiefs of Staff, said "
        "on Friday."
    )
    result = read(body, published=date(2008, 8, 22))
    assert who(result, "attacks in the border provinces doubled") == (
        ["International Security Assistance Force"],
        "Mark T. Ellison",
    )
    # the troops are what is said; the general says it
    assert who(result, "beginning to withdraw") == (["Joint Chiefs of Staff"], "Ruth A. Halvorsen")


def test_a_commander_then_in_office_speaks_for_the_body_he_commanded() -> None:
    body = (
        "The then-NATO commander said in May that every ceasefire with the militants had "
        "been followed by more attacks across the border."
    )
    result = read(body, published=date(2008, 9, 10))
    assert who(result, "followed by more attacks")[0] == ["NATO"]


def test_a_focus_word_before_a_subject_is_no_part_of_it() -> None:
    body = (
        "Doctors rely on one antiviral drug to treat the new flu. Yet just last week "
        "researchers said resistance to the drug is spreading faster than expected."
    )
    result = read(body, published=date(2009, 1, 20))
    assert who(result, "resistance to the drug is spreading") == (["Researchers"], None)


def test_a_radio_programme_named_report_is_no_study() -> None:
    body = (
        "I'm Ann Kessler with the VOA Special English Health Report.\n\n"
        "Researchers said the virus spreads mostly among young adults."
    )
    result = read(body, published=date(2009, 1, 20))
    assert who(result, "spreads mostly among young adults") == (["Researchers"], None)


def test_a_government_document_named_with_a_demonym_is_that_governments() -> None:
    body = (
        "The outbreak has killed 41 people, according to Chinese government releases.\n\n"
        "Vietnamese health ministry figures show 12 more cases in the north."
    )
    result = read(body, published=date(2005, 3, 2))
    assert who(result, "has killed 41 people")[0] == ["Beijing"]
    assert who(result, "12 more cases in the north")[0] == ["Hanoi"]


def test_it_in_a_tail_is_the_body_the_sentence_just_named() -> None:
    body = (
        "Schiphol Airport reopened its second runway on Monday.\n\n"
        "Travellers whose trains are delayed by more than an hour are owed half the fare, the "
        "consumer group Consumentenbond said, though it warned that operators often refuse "
        "refunds."
    )
    result = read(body, published=date(2023, 5, 8))
    assert who(result, "owed half the fare")[0] == ["Consumentenbond"]
    assert who(result, "operators often refuse refunds")[0] == ["Consumentenbond"]


def test_a_relative_clause_with_its_own_verb_stays_in_the_subject() -> None:
    body = (
        "The ministry is believed to be weighing a ban on rice exports, according to two "
        "officials in the food ministry who asked not to be named."
    )
    result = read(body, published=date(2025, 8, 14))
    assert who(result, "weighing a ban on rice exports")[0] == ["Officials"]


def test_a_body_led_by_a_state_is_named_with_its_leader() -> None:
    body = (
        "A spokesman for the U.S.-led coalition forces, Lena Ortiz, told reporters in Kabul "
        "they welcome the agreement."
    )
    result = read(body, published=date(2001, 12, 5))
    assert who(result, "they welcome the agreement") == (["U.S.-led coalition"], "Lena Ortiz")


def test_a_numbered_unit_after_a_rank_and_name_speaks_for_the_soldier() -> None:
    body = (
        "Spc. Carla Dunn of the 1212th Engineer Company said the levee would hold through "
        "the weekend.\n\n"
        "Tech. Sgt. Omar Haddad of the 633d Comptroller Squadron said most late fees are "
        "preventable."
    )
    result = read(body, published=date(2008, 6, 26))
    assert who(result, "levee would hold") == (["1212th Engineer Company"], "Carla Dunn")
    assert who(result, "late fees are preventable") == (
        ["633d Comptroller Squadron"],
        "Omar Haddad",
    )


def test_a_modifier_inside_a_role_is_no_part_of_the_body() -> None:
    body = (
        '"Floods may come as early as October," said USGS Acting Director Mark Lowry during '
        "testimony before the House on October 31, 1997."
    )
    result = read(body, published=date(1997, 11, 4))
    # the USGS, a federal agency, is the state's; "USGS Acting" would be no body at all
    assert who(result, "Floods may come as early as October") == (["Washington"], "Mark Lowry")


def test_a_liberation_army_named_after_a_country_is_no_part_of_its_state() -> None:
    body = (
        "Adam Haroun, a senior commander within the Sudan Liberation Army, has told "
        "reporters that his fighters still hold the road to El Fasher."
    )
    result = read(body, published=date(2007, 10, 26))
    assert who(result, "still hold the road") == (["Sudan Liberation Army"], "Adam Haroun")


def test_a_numbered_unit_owned_by_a_guard_is_the_soldiers_body() -> None:
    body = (
        "Pfc. Luis Ortega, a military police officer with the Puerto Rico Army National "
        "Guard's 480th Military Police Company, said he joined to serve his neighbours."
    )
    result = read(body, published=date(2017, 12, 1))
    assert who(result, "joined to serve his neighbours") == (
        ["480th Military Police Company"],
        "Luis Ortega",
    )


def test_a_reporters_sign_off_is_no_claim_and_what_they_report_is_the_articles() -> None:
    body = (
        "Fighting resumed in the north on Friday. Maria Okafor reports from the bureau in "
        "Nairobi, that the clashes have dimmed hopes for the talks in Libya.\n\n"
        "Union leaders called a new general strike. VOA's Tom Reyes reports from Dakar.\n\n"
        "(Dana Kim writes for the American Forces Press Service.)\n\n"
        "Reuters reports from Moscow that the talks collapsed on Friday night."
    )
    result = read(body, published=date(2007, 10, 26))
    assert who(result, "the clashes have dimmed hopes") == NARRATION
    quotes = [c.quote.text for c in result.claims]
    assert not any("reports from Dakar" in q or "writes for" in q for q in quotes)
    assert who(result, "the talks collapsed on Friday night")[0] == ["Reuters"]


def test_a_guard_of_a_state_that_is_no_country_speaks_as_itself() -> None:
    body = (
        '"We have been helping county agencies with logistics since March," said Maj. Gen. '
        "Lena Ward, Iowa National Guard Adjutant General.\n\n"
        '"The river will crest on Friday," said Brig. Gen. Omar Reyes, the Ohio adjutant '
        "general."
    )
    result = read(body, published=date(2020, 6, 1))
    assert who(result, "helping county agencies") == (["Iowa National Guard"], "Lena Ward")
    assert who(result, "river will crest on Friday") == (["Ohio"], "Omar Reyes")


def test_a_description_of_the_outlet_in_a_lead_is_no_part_of_the_subject() -> None:
    body = (
        "I'm Ann Brooks, and here are today's stories.\n\n"
        "In an interview with El Diario, a Chilean newspaper, the president of Chile, "
        "Gabriel Boric, has stated that the country will avoid a recession next year."
    )
    result = read(body, published=date(2023, 10, 21))
    assert who(result, "avoid a recession next year") == (["Santiago"], "Gabriel Boric")


def test_an_independent_politician_from_a_state_speaks_for_himself() -> None:
    body = (
        "Senator Tom Hale called for an inquiry into the charity on Tuesday. Senator Hale, "
        "an independent politician from Tasmania, also requested that police examine its "
        "accounts."
    )
    result = read(body, published=date(2009, 11, 19))
    assert who(result, "called for an inquiry") == (["Tom Hale"], "Tom Hale")
    assert who(result, "police examine its accounts") == (["Tom Hale"], "Tom Hale")


def test_a_person_of_a_body_is_not_a_longer_name_of_the_body() -> None:
    body = (
        "According to Kate Lowe of the California Institute of Technology, the quake was "
        "caused by an earlier one in April. Lowe says that the fault line moved."
    )
    result = read(body, published=date(2010, 7, 8))
    assert who(result, "the fault line moved") == (
        ["California Institute of Technology"],
        "Kate Lowe",
    )


def test_who_in_capitals_is_the_world_health_organization_not_a_relative_pronoun() -> None:
    body = (
        "WHO said three more countries have reported their first cases of the virus.\n\n"
        "The WHO said two more countries, Chile and Peru, have reported deaths. The agency "
        "said the new deaths occurred in Mexico."
    )
    result = read(body, published=date(2009, 5, 27))
    assert who(result, "three more countries have reported")[0] == ["WHO"]
    assert who(result, "Chile and Peru, have reported deaths")[0] == ["WHO"]
    assert who(result, "the new deaths occurred in Mexico")[0] == ["WHO"]


def test_an_ambassador_to_a_country_named_again_by_title_and_surname() -> None:
    body = (
        "U.S. Ambassador to Thailand Mark Owen said no airlift was under way. "
        '"We do not have permission yet for the plane to go in," Ambassador Owen said.'
    )
    result = read(body, published=date(2008, 5, 8))
    assert who(result, "no airlift was under way") == (["Washington"], "Mark Owen")
    assert who(result, "permission yet for the plane") == (["Washington"], "Mark Owen")


def test_a_writer_in_a_city_speaks_for_no_body_there() -> None:
    body = (
        "Karl Moen, an author in the Thai city of Chiang Mai who has written on its history, "
        "says it is impossible to tell whether the promise is real."
    )
    result = read(body, published=date(2008, 5, 26))
    assert who(result, "impossible to tell whether the promise") == (["Karl Moen"], "Karl Moen")


def test_jurors_and_skeptics_are_kinds_of_person_that_speak() -> None:
    body = (
        "The singer was cleared on all counts on Monday. The jurors said that they had "
        "reasonable doubt about every charge.\n\n"
        "Skeptics said the generals would not let aid workers in."
    )
    result = read(body, published=date(2005, 6, 13))
    assert who(result, "reasonable doubt about every charge") == (["Jurors"], None)
    assert who(result, "would not let aid workers in") == (["Skeptics"], None)


def test_an_outlet_whose_name_ends_in_today_is_no_time_and_a_document_is_not_the_outlets() -> None:
    body = (
        "USA Today noted that the commission may advise on the draft.\n\n"
        "Acme Motors said in a filing that it had found errors in its emissions tests. Acme "
        "hired a law firm to investigate, according to The Verge. According to the filing, "
        "Acme disclosed the matter to regulators in February."
    )
    result = read(body, published=date(2019, 4, 26))
    assert who(result, "the commission may advise")[0] == ["USA Today"]
    assert who(result, "hired a law firm")[0] == ["The Verge"]
    assert who(result, "disclosed the matter to regulators")[0] == ["Acme Motors"]


def test_unnamed_scientists_are_filed_as_the_text_calls_them() -> None:
    body = (
        "The telescope will launch next year. Scientists have also described its potential "
        "to find planets like Earth.\n\n"
        "Researchers said the mirror passed every test."
    )
    result = read(body, published=date(2019, 4, 10))
    assert who(result, "potential to find planets") == (["Scientists"], None)
    assert who(result, "mirror passed every test") == (["Researchers"], None)


def test_an_acronym_that_says_what_a_body_is_is_no_part_of_its_name() -> None:
    body = (
        "Luis Pena, who works for the health NGO Salud Viva in the province, said rural "
        "clinics have run out of vaccines."
    )
    result = read(body, published=date(2008, 6, 24))
    assert who(result, "rural clinics have run out") == (["Salud Viva"], "Luis Pena")


def test_a_rank_beside_a_role_is_no_job_at_the_body_the_story_named_last() -> None:
    body = (
        "The private leaked the files to the website Leakbox.\n\n"
        "In closing arguments on Monday, an Army prosecutor, Captain Joe Morrow, said the "
        "private should be sentenced to 60 years."
    )
    result = read(body, published=date(2013, 8, 20))
    assert who(result, "should be sentenced to 60 years") == (["Army prosecutors"], "Joe Morrow")


def test_leaders_listed_at_a_meeting_are_they_and_of_the_united_states_is_whole() -> None:
    body = (
        "Today the Pacific Leaders – Prime Minister Anna Kerr of New Zealand, Prime Minister "
        "Ravi Lal of Fiji, and President Joe Biden of the United States – convened to "
        "discuss fisheries. They reaffirmed their commitment to a treaty on illegal fishing."
    )
    result = read(body, title="Joint Readout of the Pacific Leaders' Meeting")
    assert sorted(who(result, "reaffirmed their commitment")[0]) == [
        "Suva",
        "Washington",
        "Wellington",
    ]


def test_a_role_after_is_runs_through_the_stops_of_an_abbreviation() -> None:
    body = (
        "Clint Dempsey is the captain of the U.S. Team. He said it was an honor to be "
        "named to that position."
    )
    result = read(body, title="Soccer")
    assert who(result, "an honor to be named") == (["U.S. Team"], "Clint Dempsey")


def test_a_possessive_no_one_knows_before_the_kind_of_body_is_one_name() -> None:
    body = (
        "Kuon Nguon, general secretary of the Cambodian Teacher's Association, said Monday "
        "the exam was unfair. Jane Roe, deputy director of TNC's North America Grazing "
        "Strategy, said grazing helps."
    )
    result = read(body, title="Exams")
    assert who(result, "the exam was unfair") == (
        ["Cambodian Teacher's Association"],
        "Kuon Nguon",
    )
    # a body the text knows by its letters owns what follows
    assert who(result, "grazing helps") == (["TNC"], "Jane Roe")


def test_an_associate_or_assistant_before_a_bodys_name_is_no_part_of_it() -> None:
    body = (
        "Associate NASA administrator Bill Readdy said the shuttle was ready. Assistant "
        "WHO director Mara Lind said the outbreak had slowed."
    )
    result = read(body, title="Space and health")
    assert who(result, "the shuttle was ready")[0] in (["NASA"], ["Washington"])
    assert who(result, "the outbreak had slowed")[0] == ["WHO"]


def test_a_person_of_a_state_agency_speaks_for_the_state_not_only_as_someone_from_it() -> None:
    body = (
        "John Geiger of USGS told the press that the quakes would continue. Ana Silva of "
        'Portugal said the vote was fair. "We now monitor streams," said Dr. Robert Hirsch, '
        'USGS Chief Hydrologist. "Evidence was observed in every basin," said USGS landslide '
        "expert Sue Cannon. U.S. Olympic swimmer Ann Lee said the pool was cold."
    )
    result = read(body, title="Quakes and floods")
    # an agency of the state employs its people: filed under its capital
    assert who(result, "the quakes would continue") == (["Washington"], "John Geiger")
    assert who(result, "We now monitor streams") == (["Washington"], "Robert Hirsch")
    assert who(result, "Evidence was observed") == (["Washington"], "Sue Cannon")
    # a country alone says where a person is from, not whom they speak for
    assert who(result, "the vote was fair")[0] != ["Lisbon"]
    assert who(result, "the pool was cold")[0] != ["Washington"]


def test_a_group_a_platform_only_places_is_the_group_not_the_platform() -> None:
    body = (
        "In a global speech, the Internet protest movement said the church had betrayed its "
        "members. A Facebook protest group said the rally was peaceful. The White Helmets "
        "rescue group said six people died."
    )
    result = read(body, title="Protests")
    assert who(result, "betrayed its members")[0] == ["Internet protest movement"]
    assert who(result, "the rally was peaceful")[0] == ["Facebook protest group"]
    # a name before the kind of body it is stays the body's name
    assert who(result, "six people died")[0] == ["White Helmets"]


def test_a_company_named_with_a_possessive_keeps_it_and_a_lead_after_but_is_no_subject() -> None:
    body = (
        "Mark Zandi, chief economist at Moody's, says the recession is deepening. But "
        "despite that, a new study indicates that few adults follow the advice. UNEP's "
        "executive director said the seas were rising."
    )
    result = read(body, title="Economy")
    assert who(result, "the recession is deepening") == (["Moody's"], "Mark Zandi")
    assert who(result, "few adults follow the advice")[0] != ["Unattributed"]
    # a known body's possessive before a job in lower case is still the body's
    assert who(result, "the seas were rising")[0] == ["UNEP"]


def test_counsel_for_named_clients_speak_for_each_client_and_are_no_client() -> None:
    body = (
        "The charges against Jose Padilla, Adham Hassoun and Kifah Jayyousi carry life "
        "terms. Defense attorneys for Hassoun and Jayyousi said they were disappointed by "
        "the verdict. A lawyer for Hassoun said he would appeal. Lawyers at Baker McKenzie "
        "said the deal was legal."
    )
    result = read(body, title="Verdict")
    assert sorted(who(result, "disappointed by the verdict")[0]) == [
        "Adham Hassoun",
        "Kifah Jayyousi",
    ]
    # the lawyer is not the client: nobody named speaks
    assert who(result, "he would appeal") == (["Adham Hassoun"], None)
    # lawyers "at" a firm work there
    assert who(result, "the deal was legal")[0] == ["Baker McKenzie"]


def test_an_opposition_partys_officers_speak_for_the_party_not_the_capital() -> None:
    body = (
        "HARARE, Zimbabwe - Zimbabwe's electoral commission has delayed the results. MDC "
        "Secretary General Tendai Biti said the delay was a threat to the vote. From the "
        "capital, Harare, MDC spokesman Nelson Chamisa tells reporter Peter Clottey that he "
        "believes the opposition will win. The Movement for Democratic Change (MDC) led by "
        "Morgan Tsvangirai says it is prepared to win a run-off."
    )
    result = read(body, title="Zimbabwe")
    # the text spells the initials out later ("Movement for Democratic Change (MDC)")
    mdc = ["Movement for Democratic Change"]
    assert who(result, "the delay was a threat") == (mdc, "Tendai Biti")
    # where he spoke from is no part of who speaks
    assert who(result, "the opposition will win") == (mdc, "Nelson Chamisa")
    # the party speaks; its leader named after "led by" is not its speaker
    assert who(result, "prepared to win a run-off") == (mdc, None)


def test_an_opposition_leader_speaks_for_the_opposition_and_she_after_her_lawyer_is_her() -> None:
    body = (
        "Protesters are led by opposition leader Imran Khan. Khan vowed not to back down.\n\n"
        "Former prime minister Yulia Tymoshenko is on hunger strike. Yulia’s lawyer, Serhiy "
        "Vlasenko, cited her treatment in prison as the reason. She has accused jail guards "
        "of assaulting her."
    )
    result = read(body, title="Opposition")
    assert who(result, "vowed not to back down") == (["Opposition"], "Imran Khan")
    # the lawyer speaks for his client; "she" is the client, not the lawyer
    assert who(result, "accused jail guards")[1] == "Yulia Tymoshenko"


def test_the_honorable_before_a_judges_name_is_no_part_of_it() -> None:
    body = (
        "The verdict came after a trial before the Honorable Richard J. Leon, United States "
        "District Court for the District of Columbia. Judge Leon declared a mistrial in the "
        "co-defendant's case today."
    )
    result = read(body, title="Verdict")
    assert claim(result, "declared a mistrial").speaker is not None
    assert claim(result, "declared a mistrial").speaker.name == "Richard J. Leon"


def test_a_promise_in_an_infinitive_after_and_is_the_subjects_claim() -> None:
    body = (
        "Opposition leader Imran Khan addressed his supporters Sunday night and vowed not to "
        "back down unless the prime minister steps down. The governor toured the town and "
        "laid a wreath at the memorial."
    )
    result = read(body, title="Protests")
    assert who(result, "vowed not to back down") == (["Opposition"], "Imran Khan")
    # an act after "and" is no claim of its own
    assert who(result, "laid a wreath")[0] == ["Unattributed"]


def test_a_bodys_own_noun_after_a_name_before_a_job_is_part_of_the_body() -> None:
    body = (
        "Khmer Rouge tribunal spokesman Reach Sambath told VOA that the lawyers met on "
        "Wednesday. Opposition Sam Rainsy party legislator Keo Remy says that the documents "
        "are useful."
    )
    result = read(body, title="Tribunal")
    assert who(result, "the lawyers met") == (["Khmer Rouge tribunal"], "Reach Sambath")
    assert who(result, "the documents are useful") == (["Sam Rainsy party"], "Keo Remy")


def test_a_named_speakers_clause_after_and_in_an_according_to_sentence_is_theirs() -> None:
    body = (
        'According to the USGS, damage could be "moderate to heavy" and Rafael Abreu of the '
        'USGS said that the earthquake is considered "moderate," but so far there are "no '
        'injuries." According to police, the suspect and his brother fled north.'
    )
    result = read(body, title="Quake")
    assert who(result, "moderate to heavy") == (["Washington"], None)
    assert who(result, "the earthquake is considered") == (["Washington"], "Rafael Abreu")
    assert claim(result, "the earthquake is considered").quote.text.startswith("and Rafael")
    # "and" between two people no one quotes opens no clause
    assert who(result, "the suspect and his brother fled")[0] == ["Police"]


def test_job_words_inside_a_run_of_capitals_and_a_suffix_after_a_title_word_shape_the_name() -> (
    None
):
    body = (
        '"Phoenix has given us some surprises," said Phoenix Principal Investigator Peter '
        "Smith of the University of Arizona. The Rev. Martin Luther King Jr. said the march "
        "would go on."
    )
    result = read(body, title="Names")
    assert who(result, "given us some surprises") == (["University of Arizona"], "Peter Smith")
    assert claim(result, "the march would go on").speaker is not None
    assert claim(result, "the march would go on").speaker.name == "Martin Luther King Jr"


def test_a_capital_before_a_profession_is_where_not_whom_and_initials_keep_their_stops() -> None:
    body = (
        "HARARE — Harare Economist Eric Bloch said the figures flatter inflation. U.S. "
        "Attorney Rachel Okafor said the sentence was just. The F.A.O. says one hundred "
        "million dollars would be needed."
    )
    result = read(body, title="Inflation")
    assert who(result, "the figures flatter inflation")[0] != ["Harare"]
    assert who(result, "the sentence was just")[0] == ["Washington"]
    assert who(result, "one hundred million dollars")[0] == ["FAO"]


def test_a_named_unit_of_a_known_body_is_the_body_and_mister_is_an_honorific() -> None:
    body = (
        "Samuel Jutzi is director of the Animal Production and Health Division of the F.A.O., "
        "a United Nations agency. Mister Jutzi says wild birds should not be destroyed."
    )
    result = read(body, title="Bird flu")
    assert who(result, "wild birds should not be destroyed") == (["FAO"], "Samuel Jutzi")


def test_eyewitness_reports_are_the_eyewitnesses() -> None:
    body = (
        "Eyewitness reports say that two main attacks targeted the finance ministry. Company "
        "meteorologist Evan Duffey of PG&E said the wind would be strong."
    )
    result = read(body, title="Attacks")
    assert who(result, "two main attacks targeted")[0] == ["Eyewitnesses"]
    assert who(result, "the wind would be strong")[0] != ["Companies"]


def test_a_presumptive_nominee_speaks_for_the_party_not_a_presumptive_one() -> None:
    body = (
        "John McCain, Presumptive Republican Party nominee for President of the U.S., said he "
        "had been briefed on the operation."
    )
    result = read(body, title="Rescue")
    assert who(result, "briefed on the operation") == (["Republican Party"], "John McCain")


def test_a_list_after_a_name_and_a_job_before_and_give_no_role_or_body() -> None:
    body = (
        "Among them are former presidential candidate Íngrid Betancourt, three American "
        "contractors for the United States military and 11 soldiers. Betancourt called the "
        'operation "perfect." Parliamentarian and Radical Party leader Oleg Lyashko says '
        "voters are tired. Justice and Development Party leader Ali Demir said the vote was fair."
    )
    result = read(body, title="Rescue")
    # "three American contractors ..." is the next item of the list, no role of hers
    assert who(result, "called the operation")[0] != ["Washington"]
    assert who(result, "voters are tired") == (["Radical Party"], "Oleg Lyashko")
    # a party whose name holds "and" keeps it whole
    assert who(result, "the vote was fair")[0] == ["Justice and Development Party"]


def test_a_map_caption_gives_no_claim_and_aside_from_is_a_lead() -> None:
    body = (
        "Map of executions across the world in 2012, according to Amnesty International.\n\n"
        "But aside from the violations that forced people to flee their homes, Amnesty also "
        "criticizes countries that receive refugees."
    )
    result = read(body, title="Refugees")
    assert not [c for c in result.claims if "Map of executions" in c.quote.text]
    # "Amnesty" alone, as the text calls it, or the body named in full before it
    assert who(result, "criticizes countries that receive refugees")[0] in (
        ["Amnesty"],
        ["Amnesty International"],
    )


def test_a_body_and_other_groups_is_the_body_it_names() -> None:
    body = "The Muslim Brotherhood and other groups have urged a boycott of the vote."
    result = read(body, title="Egypt")
    assert who(result, "urged a boycott of the vote")[0] == ["Muslim Brotherhood"]


def test_an_editor_of_a_named_body_speaks_for_it() -> None:
    body = (
        "Analyst and Executive Editor of Independent Diplomat Carne Ross tells VOA he expects "
        "Venezuela will echo its foreign policy opinions."
    )
    result = read(body, title="Security Council")
    assert who(result, "Venezuela will echo") == (["Independent Diplomat"], "Carne Ross")


def test_as_expected_at_the_end_is_no_ones_attribution() -> None:
    body = (
        "Oil prices fell slightly today, following the IEA statement, as expected. Prices "
        "rose sharply on Monday, analysts said."
    )
    result = read(body, title="Oil")
    assert who(result, "Oil prices fell slightly today")[0] == ["Unattributed"]
    assert who(result, "Prices rose sharply on Monday")[0] == ["Analysts"]


def test_a_channel_its_owner_describes_with_an_arabic_article_in_lower_case() -> None:
    body = (
        "Saudi-owned al-Arabiya TV reported that coalition warplanes struck the homes of "
        "seven commanders."
    )
    assert who(read(body), "warplanes struck") == (["Al Arabiya"], None)


def test_a_reporters_sign_off_with_a_particle_in_the_name_is_no_claim() -> None:
    body = (
        "Some parties have condemned the vote. Gilbert da Costa reports for VOA that at "
        "least one of the parties is considering a legal challenge."
    )
    result = read(body, published=date(2007, 4, 22))
    assert who(result, "considering a legal challenge") == NARRATION
    assert not [c for c in result.claims if "da Costa" in c.quote.text]


def test_a_ruling_party_and_a_body_with_its_allies_are_the_party_and_the_body() -> None:
    body = (
        "Ethiopia’s ruling party says it won Sunday’s parliamentary elections.\n\n"
        "Hezbollah and its allies are demanding a third of the seats in the cabinet."
    )
    result = read(body, published=date(2005, 5, 17))
    assert who(result, "won Sunday’s parliamentary elections")[0] == ["Ruling party"]
    assert who(result, "a third of the seats")[0] == ["Hezbollah"]


def test_the_state_after_a_city_is_where_it_lies_not_who_speaks() -> None:
    body = (
        "Researchers at Washington University in St. Louis, Missouri say they have found "
        "that obesity rates fall when fuel prices rise.\n\n"
        "The WHO's representative in Bangladesh, Tomas Lindqvist, said the agency had "
        "delivered 20,000 test kits."
    )
    result = read(body)
    assert who(result, "obesity rates fall")[0] == ["Washington University"]
    assert who(result, "20,000 test kits") == (["WHO"], "Tomas Lindqvist")


def test_a_writer_known_by_one_name_whom_the_text_calls_she_is_a_person() -> None:
    body = (
        "Coffeewallah, in a post titled Corset Diaries, says that she has been tightening "
        "her belt for months.\n\n"
        "NPR reported he had served in Congress longer than any other member."
    )
    result = read(body)
    assert who(result, "tightening her belt") == (["Coffeewallah"], "Coffeewallah")
    assert who(result, "served in Congress")[1] != "NPR"


def test_a_name_in_brackets_after_a_role_and_a_plural_title_in_a_bodys_name() -> None:
    body = (
        'A U.S. Defense Department spokesman (Bryan Whitman) called the attacks "bold and '
        'troubling."\n\n'
        "A statement from the South Korean Joint Chiefs of Staff said the missile had failed "
        "seconds after launch."
    )
    result = read(body, published=date(2008, 2, 14))
    assert who(result, "bold and troubling") == (["Washington"], "Bryan Whitman")
    assert who(result, "the missile had failed")[1] is None


def test_a_sign_off_after_the_place_it_comes_from_is_no_claim() -> None:
    body = "The campaign began on Saturday. From Abuja, Gilbert da Costa reports for VOA."
    assert [c.quote.text for c in read(body).claims] == ["The campaign began on Saturday."]


def test_a_relative_clause_before_the_sentences_own_verb_attributes_nothing() -> None:
    body = (
        "BRUSSELS, March 4, 2014 – Any blockade of the port of Varna, which Moscow has "
        "threatened while its warships exercise nearby, will not be accepted, alliance "
        "spokeswoman Ingrid Solberg said today.\n\n"
        "According to local news reports, the ships left the area on Sunday."
    )
    result = read(body, published=date(2014, 3, 4))
    assert who(result, "will not be accepted")[1] == "Ingrid Solberg"
    assert who(result, "the ships left the area")[0] == ["Media reports"]


def test_a_persons_wealth_is_no_field_they_speak_for() -> None:
    body = (
        "The Lagos-based Ardent Foods is owned by its founder, billionaire Adaeze Okonkwo.\n\n"
        '"We will open two more mills next year," Okonkwo said.'
    )
    result = read(body)
    assert who(result, "two more mills") == (["Adaeze Okonkwo"], "Adaeze Okonkwo")


def test_a_ministers_portfolio_that_also_ends_company_names_is_no_body() -> None:
    body = (
        "Moldovan Energy Minister Ion Cebotari told reporters the contract lets his country "
        "buy gas at a lower price until March."
    )
    result = read(body, published=date(2015, 11, 2))
    assert who(result, "buy gas at a lower price") == (["Chisinau"], "Ion Cebotari")


def test_a_cue_in_a_clause_opened_by_after_names_no_subject_for_the_head() -> None:
    body = (
        "The vote is seen as a test of the government's promises, especially after "
        "regional monitors said the first round was marred by fraud."
    )
    result = read(body)
    assert "Especially after regional monitors" not in who(result, "marred by fraud")[0]


def test_the_next_person_of_a_list_is_no_role_of_the_one_before() -> None:
    body = (
        "Former boxing champion Arkady Volkov, veteran activist Nina Sorokina and "
        "economist Pavel Ilyin were barred from the ballot.\n\n"
        'Volkov called the vote "a circus".'
    )
    result = read(body, published=date(2008, 3, 3))
    assert who(result, "a circus") == (["Arkady Volkov"], "Arkady Volkov")


def test_a_relative_named_by_a_given_name_speaks_and_she_goes_on_from_her() -> None:
    body = (
        "Jailed opposition leader Marta Kovacs has refused food for ten days. Ms. Kovacs's "
        "son, Andras, says his mother is too weak to stand. He said he hopes the prison "
        "will let her see a doctor."
    )
    result = read(body)
    son = (["Kovacs's son"], "Andras")
    assert who(result, "too weak to stand") == son
    assert who(result, "let her see a doctor") == son


def test_a_state_that_is_calling_for_something_says_it() -> None:
    body = (
        "The European Union is calling for the release of the jailed editor Tomas Berg and "
        "two of his reporters."
    )
    result = read(body)
    assert who(result, "release of the jailed editor")[0] == ["EU"]


def test_a_list_called_something_is_what_the_list_is_named_not_what_anyone_said() -> None:
    body = 'Mr. Okafor leads an independent list called "Clean Hands" in the northern district.'
    assert who(read(body), "Clean Hands") == NARRATION


def test_a_court_set_off_before_a_defendants_name_is_no_role_of_his() -> None:
    body = (
        "According to the plea agreement filed today in the U.S. District Court for the "
        "District of Maryland, Daniel Prewitt, a contractor who lives in Ohio, paid bribes "
        "to two officials. He has also agreed that $2 million in restitution is owed to "
        "the government."
    )
    result = read(body, published=date(2009, 5, 6))
    assert who(result, "restitution is owed") == (["Daniel Prewitt"], "Daniel Prewitt")


def test_a_relative_clause_after_a_place_in_a_list_is_its_own_speakers() -> None:
    body = (
        "Shelling hit army posts in the north of the country and in the towns of Kadugli "
        "and Dilling, where residents reported heavy gunfire through the night."
    )
    result = read(body)
    assert who(result, "heavy gunfire")[0] == ["Residents"]


def test_an_alliance_described_by_its_members_speaks_under_that_description() -> None:
    body = (
        "A spokesman for the alliance of Gulf states that back the exiled president said "
        "the truce did not bind its air force.\n\n"
        "A coalition of press freedom groups sued the ministry on Monday, arguing the new "
        "licence rules would silence small papers."
    )
    result = read(body)
    assert who(result, "did not bind its air force")[0] == ["Alliance of Gulf states"]
    assert who(result, "would silence small papers")[0] == ["Press freedom groups"]


def test_a_rival_who_is_charging_that_something_happened_says_it() -> None:
    body = (
        "The incumbent has taken a large lead in the count. Her rival, former boxer Samuel "
        "Tarr, is charging that the tally was rigged."
    )
    result = read(body)
    assert who(result, "the tally was rigged") == (["Samuel Tarr"], "Samuel Tarr")


def test_places_joined_by_and_after_in_are_one_subject_in_a_clause_after_after() -> None:
    body = (
        "Athletics officials in Kenya have reacted angrily to a leaked doping report. The "
        "anger came after newspapers in Germany and France reported the samples showed a "
        "banned hormone."
    )
    result = read(body)
    assert who(result, "banned hormone")[0] not in (["Paris"], ["Athletics officials"])


def test_her_comments_are_a_noun_and_the_person_after_after_says_what_follows() -> None:
    body = (
        "The head of the election board, Grace Mensah, said complaints must be filed "
        "within three days. Her comments came after Kofi Adjei said officials had found "
        "ballots already marked."
    )
    result = read(body)
    assert who(result, "ballots already marked") == (["Kofi Adjei"], "Kofi Adjei")


def test_a_palace_spokeswoman_speaks_for_the_palace_and_is_no_person_named_palace() -> None:
    body = "A Rideau Palace spokeswoman said the Queen had sent a private message to the team."
    assert who(read(body), "private message") == (["Rideau Palace"], None)


def test_an_event_a_region_and_a_known_bodys_title_name_no_person() -> None:
    body = (
        "In advance of Global Literacy Week, which starts May 2, the agency is calling on "
        "donors to fund more schools. Most of the children out of school live in Southeast "
        "Asia.\n\n"
        "UNESCO Director of Education, Planning and Statistics, Kofi Mensah, says the gap is "
        "widest for girls. He notes that cost keeps many families from sending them."
    )
    result = read(body)
    assert who(result, "widest for girls")[0] == ["UNESCO"]
    assert who(result, "cost keeps many families")[1] == "Kofi Mensah"


def test_that_is_how_a_body_describes_it_gives_it_the_sentence_before() -> None:
    body = (
        "Governments are using fear of unrest to silence their critics. That is how Amnesty "
        "International describes the state of the world in its new annual report."
    )
    result = read(body)
    assert who(result, "silence their critics")[0] == ["Amnesty International"]
