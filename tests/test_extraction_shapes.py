"""The shapes real news comes in, each from a paragraph written the way wire copy,
newspapers and blogs write them: quotations set off in paragraphs of their own, court
reports, science, sport, business, and officials described rather than named.

Expected sources and speakers are read from the words of each paragraph.
"""

from __future__ import annotations

from datetime import date

from tests.extraction_reading import claim, read, who


def test_a_quotation_block_after_an_introducing_colon_is_the_introducers() -> None:
    body = (
        "Writing on his blog Skies of Lisbon, Rui Almeida, a former air traffic controller, "
        "was blunt:\n\n"
        "I have worked nights in that tower for twenty years. Nobody listened to us when we "
        "asked for a second radar.\n\n"
        "Now they all want to know why the system failed. I told them in 2019.\n\n"
        "The airport authority said on Monday that a review was under way."
    )
    result = read(body)
    assert who(result, "Nobody listened to us")[1] == "Rui Almeida"
    assert who(result, "they all want to know")[1] == "Rui Almeida"
    assert who(result, "a review was under way")[1] is None


def test_a_quotation_paragraph_with_no_attribution_goes_on_from_the_speaker() -> None:
    body = (
        '"We will not sign a deal that sells out our fishermen," Fisheries Minister Elin '
        "Haugen of Norway told reporters in Brussels.\n\n"
        '"Our position has not changed since June."\n\n'
        "Talks are due to resume on Thursday."
    )
    result = read(body)
    assert who(result, "Our position has not changed") == (["Oslo"], "Elin Haugen")
    assert who(result, "Talks are due to resume") == (["Unattributed"], None)


def test_a_transcript_names_each_speaker_before_a_colon() -> None:
    body = (
        "The exchange, as broadcast by Radio Kivu, went as follows:\n\n"
        "Reporter: Will the road to Goma reopen this week?\n\n"
        "Governor Paul Mbala: The road will reopen on Friday, once the bridge has been "
        "inspected."
    )
    result = read(body)
    assert who(result, "The road will reopen on Friday")[1] == "Paul Mbala"


def test_a_court_report_files_the_ruling_under_the_court_and_each_side_under_its_own() -> None:
    body = (
        "A federal judge in Denver on Tuesday blocked the state's new water-rights law, "
        "ruling that it likely violates the Colorado River Compact.\n\n"
        'U.S. District Judge Karen Whitfield wrote that the law "would strip downstream '
        'users of rights they have held for a century."\n\n'
        "Prosecutors said the defendant had falsified 14 invoices.\n\n"
        "The state attorney general's office said it would appeal."
    )
    result = read(body)
    assert who(result, "would strip downstream users") == (
        ["U.S. District Court"],
        "Karen Whitfield",
    )
    assert who(result, "falsified 14 invoices") == (["Prosecutors"], None)


def test_a_study_and_its_authors_speak_for_the_institutions_that_made_it() -> None:
    body = (
        "Children who live near busy roads are more likely to develop asthma, according to a "
        "study published on Monday by researchers at the University of Bergen.\n\n"
        "The researchers found that the risk rose by 9% for every additional 10 micrograms "
        "of nitrogen dioxide per cubic metre.\n\n"
        '"The effect is small for any one child but large for a city," said Ingrid Vik, a '
        "professor of epidemiology at the University of Bergen who led the study."
    )
    result = read(body)
    assert who(result, "more likely to develop asthma")[0] == ["University of Bergen"]
    assert who(result, "the risk rose by 9%")[0] == ["University of Bergen"]
    assert who(result, "large for a city") == (["University of Bergen"], "Ingrid Vik")


def test_sport_a_manager_speaks_for_the_club_and_a_captain_is_found_by_role() -> None:
    body = (
        'Harrowgate Town manager Sean Doyle said his side had "earned the right to dream" '
        "after a 2-1 win over Bramley City on Saturday.\n\n"
        'Captain Luke Adebayo scored both goals. "We never stopped running," the defender '
        "said."
    )
    result = read(body)
    assert who(result, "earned the right to dream") == (["Harrowgate Town"], "Sean Doyle")
    assert who(result, "We never stopped running")[1] == "Luke Adebayo"


def test_business_an_executive_speaks_for_the_company_named_in_the_story() -> None:
    body = (
        "Shares of Kestrel Foods fell 8% on Thursday after the Glasgow-based snack maker "
        "cut its profit forecast, blaming higher cocoa prices.\n\n"
        '"We expect conditions to remain difficult into next year," Chief Executive Morag '
        "Baird said on a call with analysts.\n\n"
        "The company said it would close two factories."
    )
    result = read(body)
    assert who(result, "remain difficult into next year") == (["Kestrel Foods"], "Morag Baird")
    assert who(result, "close two factories") == (["Kestrel Foods"], None)


def test_officials_described_rather_than_named_keep_the_words_that_described_them() -> None:
    body = (
        "WASHINGTON (Reuters) - The United States is preparing new sanctions on Iranian oil "
        "shipments, two people familiar with the matter said on Wednesday.\n\n"
        "A senior U.S. official, speaking on condition of anonymity, said the measures "
        "could be announced as early as next week.\n\n"
        "Diplomats in Vienna said the talks had stalled."
    )
    result = read(body)
    assert who(result, "preparing new sanctions") == (["Sources familiar with the matter"], None)
    assert who(result, "as early as next week") == (["Washington"], None)
    assert who(result, "the talks had stalled") == (["Diplomats"], None)


def test_every_claim_has_at_least_one_source() -> None:
    body = (
        'Lindqvist said the results were clear. "They are," she added.\n\n'
        "The ministry, however, declined to comment. Analysts were divided."
    )
    assert all(c.sources for c in read(body).claims)


def test_a_blogger_who_goes_by_one_name_is_the_speaker_of_the_block() -> None:
    body = (
        "Bloggers in Recife were quick to react. Tiago, from blog Maré Alta, writes:\n\n"
        "Nobody in this city believes the official figures. I walked past the hospital "
        "last night and the queue went round the block.\n\n"
        "The state health secretariat said on Tuesday that 41 people had been admitted."
    )
    result = read(body)
    assert who(result, "Nobody in this city believes") == (["Maré Alta"], "Tiago")
    assert who(result, "41 people had been admitted")[1] is None


def test_a_reporter_named_with_the_outlets_possessive_speaks_for_the_outlet() -> None:
    body = (
        "The BBC's Tom Ainsley, reporting from Mosul, says the road to the airport has been "
        "closed for three days."
    )
    assert who(read(body), "road to the airport") == (["BBC"], "Tom Ainsley")


def test_a_portfolio_title_is_no_part_of_the_name() -> None:
    body = 'Minister of Culture Paola Ferri said a "broader review" of museum fees is needed.'
    assert who(read(body), "broader review")[1] == "Paola Ferri"


def test_narration_joined_to_an_attribution_by_and_stays_narration() -> None:
    body = (
        "The strike began on March 3 and the union says it will continue until the company "
        "improves its offer."
    )
    result = read(body)
    assert who(result, "The strike began on March 3") == (["Unattributed"], None)
    assert who(result, "it will continue until the company")[0] != ["Unattributed"]


def test_a_study_named_by_its_maker_is_the_makers() -> None:
    body = (
        "The Pew Research Center carried out the survey and released the results last "
        "month.\n\n"
        "Pew researchers found that 71 percent of Kenyans say religion matters to national "
        "identity. The Pew study found that 64 percent of Ghanaians agree."
    )
    result = read(body)
    assert who(result, "71 percent of Kenyans")[0] == ["Pew Research Center"]
    assert who(result, "64 percent of Ghanaians")[0] == ["Pew Research Center"]


def test_sport_an_act_on_the_pitch_is_no_claim() -> None:
    body = (
        "In the 71st minute defender Ryu Ji-ho conceded a penalty which the referee awarded "
        "after a video review. Lawmakers rejected the proposal in March, officials said."
    )
    result = read(body)
    assert who(result, "conceded a penalty") == (["Unattributed"], None)


def test_a_quotation_before_an_unnamed_speaker_and_a_cue_is_theirs_not_a_word_in_it() -> None:
    body = '"It\'s a terrible scene," a rescue worker told reporters in Amatrice.'
    result = read(body)
    assert who(result, "It's a terrible scene") == (["Rescue workers"], None)


def test_a_body_named_in_a_capital_and_a_lowercase_noun_before_a_job_is_whole() -> None:
    body = (
        "Civil protection chief Fabrizio Curcio said 1,000 rescuers were at work in the "
        "mountain towns."
    )
    result = read(body)
    assert who(result, "1,000 rescuers were at work") == (["Civil protection"], "Fabrizio Curcio")


def test_a_state_body_in_common_words_is_the_state_the_sentences_lead_names() -> None:
    body = (
        "ANKARA, Feb 6 (Reuters) - A magnitude 7.8 earthquake struck southern Turkey and "
        "northern Syria early on Monday. In Syria, the health ministry said at least 430 "
        "people had died in government-held areas."
    )
    result = read(body)
    assert who(result, "at least 430 people had died") == (["Damascus"], None)


def test_a_named_group_before_the_kind_of_body_it_is_keeps_its_name() -> None:
    body = "The White Helmets rescue group reported 380 deaths in rebel-held areas of Idlib."
    result = read(body)
    assert who(result, "380 deaths in rebel-held areas") == (["White Helmets"], None)


def test_a_body_apposed_with_its_acronym_after_a_persons_possessive_is_the_body() -> None:
    body = (
        "A court in Islamabad sentenced former prime minister Imran Khan to three years in "
        "prison. Khan's party, Pakistan Tehreek-e-Insaf (PTI), said it would challenge the "
        "ruling in the High Court."
    )
    result = read(body)
    assert who(result, "would challenge the ruling") == (["Pakistan Tehreek-e-Insaf"], None)


def test_a_call_for_restraint_is_the_callers_claim() -> None:
    body = "UN Secretary-General António Guterres called for restraint on both sides."
    result = read(body)
    assert who(result, "called for restraint")[0] == ["UN"]


def test_according_to_a_name_without_a_comma_is_that_bodys() -> None:
    body = (
        "According to the Saudi Interior Ministry over 345 Muslim pilgrims have been killed "
        "in a stampede near Mecca."
    )
    result = read(body)
    assert who(result, "345 Muslim pilgrims have been killed")[0] == ["Riyadh"]


def test_according_to_figures_in_lower_case_without_a_comma_names_no_one() -> None:
    body = "According to the latest figures more than 300 pilgrims have been killed near Mecca."
    result = read(body)
    assert who(result, "300 pilgrims have been killed") == (["Unattributed"], None)


def test_a_court_no_name_gives_is_filed_by_where_it_sits() -> None:
    body = (
        "A Greek court has ruled that worshippers of the ancient Greek religion may now "
        "formally associate and worship at archeological sites."
    )
    result = read(body)
    assert who(result, "worshippers of the ancient Greek religion") == (["Greek court"], None)


def test_a_state_body_a_place_that_is_no_state_names_is_that_places_body() -> None:
    body = (
        "An airstrike on a camp for displaced people in Rafah killed at least 45 people on "
        "Sunday, the Gaza health ministry said."
    )
    result = read(body)
    assert who(result, "killed at least 45 people") == (["Gaza health ministry"], None)


def test_a_participle_that_names_no_clause_stays_in_the_claim_it_follows() -> None:
    body = (
        'Egypt\'s foreign ministry condemned the strike, calling it a "flagrant violation" '
        "of international law."
    )
    result = read(body)
    found = claim(result, "condemned the strike")
    assert found.quote.text == body
    assert [s.label for s in found.sources] == ["Cairo"]


def test_a_local_business_owner_does_not_speak_for_the_town_named_before() -> None:
    body = (
        'Amatrice mayor Sergio Pirozzi told RAI state television: "Half the town is no '
        'more." Speaking to Wikinews, a local hotel owner, Giulia Rossi, said the shaking '
        "lasted about twenty seconds."
    )
    result = read(body)
    assert who(result, "Half the town is no more") == (["Amatrice"], "Sergio Pirozzi")
    assert who(result, "the shaking lasted about twenty seconds")[0] != ["Amatrice"]


def test_a_leader_who_expressed_sympathy_says_so() -> None:
    body = (
        'Pope Francis expressed his "heartfelt closeness" to the victims of the earthquake '
        "during his weekly audience."
    )
    result = read(body)
    assert who(result, "heartfelt closeness") == (["Vatican"], "Pope Francis")


def test_the_company_with_no_company_named_is_no_group_of_companies() -> None:
    body = (
        "Nine mineworkers were killed when a rockfall struck a shaft near Rustenburg on "
        "Tuesday, the company said."
    )
    result = read(body)
    assert who(result, "Nine mineworkers were killed")[0] != ["Companies"]


def test_an_organ_named_with_a_known_bodys_possessive_is_that_bodys() -> None:
    body = (
        "In a communique read out at the close of the summit, the AU's Peace and Security "
        "Council said it strongly condemned the offensive on Goma."
    )
    result = read(body)
    assert who(result, "strongly condemned the offensive") == (["African Union"], None)


def test_a_trailing_attribution_before_a_tail_is_read_not_narrated() -> None:
    body = (
        "DHAKA — Dengue infections in Bangladesh have more than doubled in the past month, "
        "the health ministry said on Wednesday, as the World Health Organization warned "
        "that hospitals in the capital were running short of beds."
    )
    result = read(body)
    assert who(result, "more than doubled in the past month") == (["Dhaka"], None)
    assert who(result, "running short of beds") == (["WHO"], None)


def test_the_judges_of_a_court_the_story_named_are_the_court() -> None:
    body = (
        "The European Court of Human Rights ruled on Tuesday that Turkey had violated the "
        "rights of a jailed reporter. In a unanimous judgment, the seven judges found that "
        "Turkish courts had relied almost exclusively on her articles."
    )
    result = read(body)
    assert who(result, "relied almost exclusively on her articles")[0] == [
        "European Court of Human Rights"
    ]


def test_a_subject_after_but_is_not_a_lead_that_a_comma_ends() -> None:
    body = (
        "But economists at Itaú Unibanco, Brazil's largest private bank, expect growth to "
        "slow to around 2% this year."
    )
    result = read(body)
    assert who(result, "expect growth to slow") == (["Itaú Unibanco"], None)


def test_a_countrys_opposition_party_is_the_opposition_not_the_state() -> None:
    body = (
        "Malawi's main opposition party said on Wednesday that its candidate was leading "
        "the presidential race."
    )
    result = read(body)
    assert who(result, "was leading the presidential race") == (["Opposition"], None)


def test_a_leader_who_defended_a_record_says_so() -> None:
    body = (
        "Home Secretary Suella Braverman announced the new forms on Monday. During Prime "
        "Minister's Questions on Wednesday, Prime Minister Rishi Sunak defended the "
        "government's record on asylum claims."
    )
    result = read(body)
    assert who(result, "defended the government's record")[1] == "Rishi Sunak"


def test_an_organ_named_with_the_groups_possessive_is_the_groups() -> None:
    body = (
        "The Houthis said on Sunday they would restrict their attacks on ships in the Red "
        "Sea. The group's Humanitarian Operations Coordination Center (HOCC) also said that "
        "sanctions on vessels linked to the United States would stay in place."
    )
    result = read(body)
    assert who(result, "sanctions on vessels linked")[0] == who(result, "restrict their attacks")[0]
    assert who(result, "sanctions on vessels linked")[0] != ["Unattributed"]


def test_a_body_described_then_named_by_its_acronym_is_the_named_body() -> None:
    body = "The U.N. humanitarian office, OCHA, said it was sending emergency supplies to Kisumu."
    result = read(body)
    assert who(result, "sending emergency supplies") == (["OCHA"], None)


def test_the_agencies_are_the_several_bodies_that_spoke_together_just_before() -> None:
    body = (
        "Britain, the United States and Germany on Tuesday accused Russia's GRU military "
        "intelligence agency of running a hacking campaign against logistics companies.\n\n"
        "In a joint advisory, the agencies said the GRU's Unit 26165 had targeted dozens of "
        "organisations in 12 countries."
    )
    result = read(body)
    assert who(result, "had targeted dozens of organisations")[0] == [
        "London",
        "Washington",
        "Berlin",
    ]


def test_a_short_statement_that_ends_a_paragraph_introduces_no_quotation() -> None:
    body = (
        "According to the Israel Defense Forces (IDF), 12 rockets were fired from southern "
        "Lebanon. The IDF said most were intercepted.\n\n"
        "Hezbollah, the Iran-backed militant group, said it had targeted an Israeli army base "
        '"in response to the enemy\'s attacks".'
    )
    result = read(body)
    assert who(result, "targeted an Israeli army base") == (["Hezbollah"], None)


def test_a_group_named_with_a_hyphenated_adjective_keeps_its_words() -> None:
    body = "Russian-installed officials said three civilians had been killed by shelling."
    result = read(body)
    assert who(result, "three civilians had been killed") == (["Russian-installed officials"], None)


def test_a_statements_closing_prayer_and_plea_are_no_claims() -> None:
    body = (
        "Today I spoke with the families of the sailors lost off Cape Farrow. Their courage "
        "will not be forgotten.\n\n"
        "Please keep them in your prayers in the days ahead. May God bless their families and "
        "all who serve at sea."
    )
    result = read(
        body, title="Statement from President Helen Ostrander on the Loss of the USS Farrow"
    )
    quotes = [c.quote.text for c in result.claims]
    assert any("courage will not be forgotten" in q for q in quotes)
    assert not any("Please keep them" in q or "May God bless" in q for q in quotes)


def test_a_farewell_in_a_quoted_post_is_no_claim() -> None:
    body = (
        "Blogger Amadou Sy wrote on his site Dakar Notes:\n\n"
        "The general ruled for thirty years and left the country poorer than he found it. "
        "Goodbye to the general, and let the people choose now."
    )
    result = read(body)
    quotes = [c.quote.text for c in result.claims]
    assert any("left the country poorer" in q for q in quotes)
    assert not any("Goodbye to the general" in q for q in quotes)


def test_a_readouts_closing_and_framing_leads_keep_the_official_as_speaker() -> None:
    body = (
        "Secretary of State Marta Quill today spoke with Foreign Minister Tomas Reyes of Chile "
        "about the fisheries agreement.\n\n"
        "Throughout the call, the Secretary underscored the value of the partnership. Lastly, "
        "the Secretary reaffirmed U.S. support for the Pacific Alliance's trade agenda."
    )
    result = read(
        body,
        title="Readout of Secretary Quill's Call with Foreign Minister Reyes of Chile",
        publisher="The White House",
    )
    assert who(result, "underscored the value of the partnership") == (
        ["Washington"],
        "Marta Quill",
    )
    assert who(result, "reaffirmed U.S. support") == (["Washington"], "Marta Quill")


def test_thats_why_opens_the_authors_own_sentence() -> None:
    body = (
        "Russia's forces have committed atrocities in Ukraine. That's why nations in every "
        "region condemn its brutal aggression."
    )
    result = read(body, title="Statement of President Helen Ostrander on the UN Vote")
    assert who(result, "nations in every region condemn")[0] != ["That"]


def test_the_president_in_a_readout_is_the_president_not_the_vice_president() -> None:
    body = (
        "President Biden, joined by Vice President Harris, spoke today with Cherelle Griner, "
        "the wife of Brittney Griner. The President called Cherelle to reassure her that he is "
        "working to secure Brittney's release as soon as possible."
    )
    result = read(
        body,
        title="Readout of President Biden's Call with Cherelle Griner",
        publisher="The White House",
    )
    assert who(result, "working to secure Brittney's release") == (["Washington"], "Joe Biden")


def test_an_apology_is_a_claim_of_the_one_who_apologised() -> None:
    body = (
        "Prime Minister Ivo Kranjc of Slovenia tested positive on Friday.\n\n"
        "After the economy minister failed to procure testing kits, the Prime Minister "
        'apologised to the people of his country for "having an idiot as economy minister."'
    )
    result = read(body)
    assert who(result, "having an idiot as economy minister") == (["Ljubljana"], "Ivo Kranjc")


def test_two_speakers_joined_by_while_without_a_comma_are_two_claims() -> None:
    body = (
        "A dam burst above Nysa, Poland, on Friday. President Andrzej Duda said the flood was "
        "a tragedy while Interior Minister Marek Nowak wrote he had ordered checks on every dam."
    )
    result = read(body)
    assert who(result, "the flood was a tragedy") == (["Warsaw"], "Andrzej Duda")
    assert who(result, "ordered checks on every dam") == (["Warsaw"], "Marek Nowak")


def test_a_blog_that_translated_comments_introduces_them_and_let_me_is_no_claim() -> None:
    body = (
        "The filter software drew complaints from schools across the province.\n\n"
        "ChinaWatcher translated some teacher's comments on the software from a forum:\n\n"
        "We are a rural school, and our old computers cannot run the filter at all. Let me "
        "say something here.\n\n"
        "The ministry said on Monday that the software would stay."
    )
    result = read(body)
    assert who(result, "cannot run the filter")[0] == ["ChinaWatcher"]
    assert not any("Let me say" in c.quote.text for c in result.claims)
    assert who(result, "the software would stay")[0] != ["ChinaWatcher"]


def test_a_quotation_paragraph_after_narration_about_someone_who_spoke_to_reporters() -> None:
    body = (
        "The team leaves for Brazil next week.\n\n"
        "Last month, Ghana head coach Kwesi Appiah spoke to reporters. He has led the side "
        "since 2012. He is hopeful about the team's chances.\n\n"
        "\u201cIt is a tough group. We expect to go into the knockout stage.\u201d\n\n"
        "The squad trains in Miami this week."
    )
    result = read(body)
    assert who(result, "We expect to go into the knockout stage") == (
        ["Ghana national team"],
        "Kwesi Appiah",
    )


def test_a_blogger_known_by_a_handle_in_lower_case_introduces_a_quoted_post() -> None:
    body = (
        "The filter software drew criticism online this week.\n\n"
        "Apart from technical concerns, moonriver highlighted the software's political "
        "implications:\n\n"
        "People are more worried about what the filter will block next. Control over the "
        "Internet is already tight.\n\n"
        "The ministry said on Monday that the software would stay."
    )
    result = read(body)
    assert who(result, "worried about what the filter will block") == (["Moonriver"], "moonriver")
    assert who(result, "the software would stay")[1] is None


def test_praise_and_credit_are_the_claims_of_who_gives_them() -> None:
    body = (
        "Mr Halvorsen also praised the train's driver for staying in the cab. The space "
        "agency said the mission had ended. It also credited the engineers with keeping the "
        "probe alive. The reforms were widely praised by economists."
    )
    result = read(body, title="Rail chief praises driver")
    assert who(result, "praised the train's driver") == (["Halvorsen"], "Halvorsen")
    assert who(result, "credited the engineers")[0] == who(result, "the mission had ended")[0]
    assert who(result, "credited the engineers")[0] != ["Unattributed"]
    # in the passive the subject is praised, it says nothing
    assert who(result, "The reforms were widely praised")[0] != ["The reforms"]


def test_a_leading_clause_before_the_subject_is_no_part_of_the_speaker() -> None:
    body = (
        "As Storm Hilda made landfall on the coast, the secretary of the Department of "
        "Homeland Security praised the Coast Guard for its rescues. As he met Gen. Tomas "
        "Rivera, commander of Peru's army, and other officers, Ambassador Laura Kim of the "
        "United States said the two armies would train together."
    )
    result = read(body, title="Storm")
    praised = claim(result, "praised the Coast Guard")
    assert [s.label for s in praised.sources] == ["Washington"]
    assert praised.speaker is None or "Hilda" not in praised.speaker.name
    assert who(result, "the two armies would train together")[1] == "Laura Kim"


def test_a_blogger_by_one_name_with_a_relative_clause_left_open_introduces_the_post() -> None:
    body = (
        "Football fans in Yangon are happy that electricity became more regular. Maung, who "
        "had come back to Myanmar wrote:\n\n"
        "While I was in Japan, I was able to watch the matches daily with my friends."
    )
    result = read(body, title="World Cup in Myanmar", publisher="Global Voices")
    assert who(result, "watch the matches daily") == (["Maung"], "Maung")


def test_posts_under_handles_are_their_writers_and_a_group_so_called_is_a_body() -> None:
    body = (
        "Four days before the vote, a social networking group called Bahrain Online "
        "(@ONLINEBAHRAIN [3]) tweeted pictures from the streets, including this one:\n\n"
        "@ONLINEBAHRAIN [4]: balloons hung on traffic lights in Daih ahead of the march\n\n"
        "A Bahraini girl (@Aljazita [6]) wrote what she saw ahead of the protests:\n\n"
        "@Aljazita [7]: The riot police all over the villages are armed and waiting.\n\n"
        "One Twitter user, “asteris” was sending updates from Thessaloniki:\n\n"
        "asteris: “The city is spookily quiet and deserted tonight”\n\n"
        "note: the police did not comment on the arrests."
    )
    result = read(body, title="Protests on election eve", publisher="Global Voices")
    assert who(result, "balloons hung on traffic lights") == (["Bahrain Online"], None)
    assert who(result, "The riot police all over") == (["Aljazita"], "Aljazita")
    assert who(result, "spookily quiet") == (["asteris"], "asteris")
    # a word and a colon that no one was introduced as is no one's handle
    assert who(result, "the police did not comment")[0] == ["Unattributed"]


def test_a_related_articles_box_and_image_file_names_give_no_claims() -> None:
    body = (
        "Wednesday, May 9, 2012\n\n"
        "Related articles\n\n"
        "  • 15 February 2015: Netanyahu calls for European Jews to move to Israel\n\n"
        "  • 2 September 2014: Russia accused of supporting Ukrainian rebels’ advance\n\n"
        "Flag of Ukraine.svg\n\n"
        "Yevgenia Tymoshenko has announced her mother will end her hunger strike."
    )
    result = read(body, title="Tymoshenko to end hunger strike", publisher="Wikinews")
    texts = " ".join(c.quote.text for c in result.claims)
    assert "Netanyahu" not in texts and "Russia accused" not in texts
    assert ".svg" not in texts
    assert who(result, "will end her hunger strike")[0] == ["Yevgenia Tymoshenko"]


def test_a_science_story_cites_its_agency_without_commas_and_in_a_block() -> None:
    body = (
        "According to the United States Geological Survey (USGS) a magnitude 5.6 earthquake, "
        "lasting about 30 seconds, struck at 20:04 on October 30.\n\n"
        "Residents and business owners also reported their homes shaking.\n\n"
        "Aftershocks are likely, and damage could be moderate to heavy in older buildings.\n\n"
        "According to EPA officials:\n\n"
        "Skylane Farms has submitted late annual pesticide reports twice in three years.\n\n"
        "Shortly after the quake struck, Governor Ana Ruiz issued a statement saying the state "
        "would send help."
    )
    result = read(body, title="Quake", publisher="Wikinews")
    assert who(result, "a magnitude 5.6 earthquake")[0] == ["Washington"]
    # a sentence that reports, with no colon, introduces no paragraph of narration after it
    assert who(result, "damage could be moderate")[0] == ["Unattributed"]
    assert who(result, "late annual pesticide reports")[0] == ["Washington"]
    assert who(result, "would send help")[1] == "Ana Ruiz"


def test_an_intro_that_says_something_before_its_colon_is_a_claim_too() -> None:
    body = (
        "Twitter user Nina Pires (@ninapires_) said she was nervous during the whole match:\n\n"
        "Que nervoso esse jogo, meu deus do ceu, nunca mais.\n\n"
        "Douma brilliantly dismissed four Ugandan batters, setting a new record."
    )
    result = read(body, title="Football and protests", publisher="Global Voices")
    assert who(result, "she was nervous") == (["Nina Pires"], "Nina Pires")
    # dismissing four batters denies nothing
    assert who(result, "dismissed four Ugandan batters")[0] == ["Unattributed"]


def test_a_handle_on_a_line_of_its_own_names_the_post_below_it() -> None:
    body = (
        "Below are some tweets from voices inside and outside Sudan about the protests.\n\n"
        "@kabaros [6]:\n\n"
        "Demonstrations in Madani and electricity outage in the whole city #march21\n\n"
        "Sudan's cyber-activists are changing the world around them."
    )
    result = read(body, title="Sudan protests", publisher="Global Voices")
    assert who(result, "Demonstrations in Madani") == (["kabaros"], "kabaros")
    assert claim(result, "Demonstrations in Madani").said_on.precision == "before"
    # the writer's own words go on after the post
    assert who(result, "cyber-activists are changing")[0] == ["Unattributed"]


def test_an_official_who_issued_the_following_statement_speaks_the_block_after_it() -> None:
    body = (
        "WASHINGTON — Secretary of Labor Thomas E. Perez issued the following statement today "
        "to commemorate Labor Day on Monday, Sept. 2:\n\n"
        '"Our job is to make the American Dream a reality for all. People who work full-time '
        'in America should not live in poverty."'
    )
    result = read(body, title="Statement on Labor Day by Secretary of Labor Thomas E. Perez")
    assert who(result, "make the American Dream a reality") == (["Washington"], "Thomas E. Perez")


def test_a_name_on_its_own_line_before_the_first_paragraph_is_a_byline() -> None:
    body = (
        "FILE - U.N. Security Council meeting.\n\n"
        "Margaret Besheer\n\n"
        "U.N. member states elected five countries to the Security Council on Thursday, each "
        "for a two-year term.\n\n"
        "The only suspense in Thursday's ballot was in the group known as “Western Europe and "
        "Others”."
    )
    result = read(body, title="UN membership fills 5 Security Council seats", publisher="VOA")
    assert who(result, "The only suspense in Thursday") == (["Unattributed"], None)


def test_a_body_that_issued_a_document_before_a_colon_speaks_the_block_after_it() -> None:
    # the words the advisory is about ("Rift Valley Fever") are no speaker of it
    body = (
        "Kenya's health ministry counted 40 cases of the disease in Garissa this month.\n\n"
        "The ministry also issued an advisory on the signs of Rift Valley Fever:\n\n"
        "“Rift Valley Fever is a viral disease that mostly affects animals but can also infect "
        "humans. Most people have a mild illness with fever and muscle pain.”"
    )
    result = read(body)
    assert who(result, "mostly affects animals") == (["Nairobi"], None)


def test_a_lead_naming_a_province_without_a_comma_is_no_person() -> None:
    body = (
        "Floods have killed dozens across Pakistan since Friday.\n\n"
        "In the mountainous Gilgit-Baltistan Region officials say 40 bridges were washed away.\n\n"
        "From the valley, villagers are describing roads turned into rivers."
    )
    result = read(body)
    sources, speaker = who(result, "40 bridges were washed away")
    assert speaker is None  # a region is no speaker
    assert sources != ["Unattributed"]
    assert who(result, "roads turned into rivers") == (["Villagers"], None)


def test_a_lead_after_even_is_no_part_of_the_subject() -> None:
    body = (
        "Even with opposition leader Ana Moreno under arrest, European observers said the vote "
        "had been largely calm."
    )
    assert who(read(body), "largely calm") == (["European observers"], None)


def test_a_blog_that_writes_a_post_titled_with_an_exclamation_speaks_the_block() -> None:
    # the title's "!" ends a sentence before the colon; "[4]" are the links' numbers
    body = (
        "Let's hear what some Mexican fans have to say about the tournament.\n\n"
        "The blog [4]Voces desde Oaxaca [es] [4] writes a post titled ¡Vamos México! [5] [es] "
        "(Go Mexico Go!):\n\n"
        "Faltan pocos días para el partido inaugural en el estadio.\n\n"
        "Only a few days are left before the opening match at the stadium."
    )
    assert who(read(body), "opening match at the stadium") == (["Voces desde Oaxaca"], None)


def test_people_interviewed_by_the_outlets_reporter_speak_for_themselves() -> None:
    body = (
        "Gunmen attacked a market in Maiduguri on Friday.\n\n"
        "Traders interviewed by a reporter for VOA's Hausa service said at least 12 people "
        "were killed.\n\n"
        "A Borno police spokesman confirmed the attack but gave no figures.\n\n"
        "Cotton exporters say the market had been closed twice this year."
    )
    result = read(body, publisher="VOA")
    assert who(result, "at least 12 people") == (["Traders"], None)
    assert who(result, "gave no figures") == (["Borno police"], None)
    assert who(result, "closed twice this year") == (["Cotton exporters"], None)


def test_a_party_named_by_its_kind_and_its_country_is_the_party() -> None:
    body = (
        "The Popular Renewal Front (PRF) is Malawi's largest opposition party.\n\n"
        "According to the PRF party in Malawi, its leader has been stopped at a roadblock near "
        "Blantyre."
    )
    sources, speaker = who(read(body), "stopped at a roadblock")
    assert speaker is None and sources[0] in ("PRF", "Popular Renewal Front")


def test_who_owns_or_funds_an_outlet_is_no_part_of_its_name() -> None:
    body = "Kremlin-funded RT said the talks had ended without a deal."
    assert who(read(body), "without a deal") == (["RT"], None)


def test_a_name_set_off_after_a_role_with_a_place_in_it_is_the_speaker() -> None:
    body = (
        "But the attorney general of New York State, Maria Lindgren, calls the new rule illegal. "
        "She says it means more children will breathe dirty air."
    )
    result = read(body)
    assert who(result, "calls the new rule illegal")[1] == "Maria Lindgren"
    assert who(result, "breathe dirty air")[1] == "Maria Lindgren"


def test_most_of_a_group_and_an_industry_are_that_group() -> None:
    body = (
        "But most of the doctors at the Geneva meeting said they believe the vaccine is safe.\n\n"
        "The shipping industry says the new fuel rules will raise freight costs."
    )
    result = read(body)
    assert who(result, "the vaccine is safe") == (["Doctors"], None)
    assert who(result, "raise freight costs") == (["Shipping industry"], None)


def test_the_state_of_information_is_no_source_and_two_known_bodies_are_two() -> None:
    body = (
        "According to the current state of information, the three men arrived last year.\n\n"
        "The World Food Program and International Organization for Migration report they "
        "handed out food to 4,000 families."
    )
    result = read(body)
    assert who(result, "the three men arrived") == (["Unattributed"], None)
    assert who(result, "4,000 families") == (["WFP", "IOM"], None)


def test_remarks_prepared_for_delivery_by_an_official_are_the_officials() -> None:
    body = (
        "Good afternoon. Today we are announcing charges against 12 people in a fraud "
        "scheme. We will keep working with our partners abroad."
    )
    result = read(
        body,
        title="Remarks Prepared for Delivery by U.S. Deputy Attorney General Mark Halvorsen at "
        "the Press Conference",
    )
    assert who(result, "charges against 12 people") == (["Washington"], "Mark Halvorsen")


def test_a_bulleted_label_with_a_role_names_the_speaker_of_its_quotation() -> None:
    body = (
        "Party leaders reacted on election night.\n\n"
        '• Ingrid Solberg, Centre Party chair: "The campaign is over. We will talk with all '
        'parties."\n\n'
        '• Mayor Lars Holm, a member of the Centre Party since 1998, spoke on NRK: "We have '
        'lost the capital."'
    )
    result = read(body)
    assert who(result, "talk with all parties")[1] == "Ingrid Solberg"


def test_a_known_body_in_a_country_and_an_aside_after_the_cue() -> None:
    body = (
        "The World Food Program in Chad says the country has 60 percent of the food it needs.\n\n"
        "A spokesperson for the World Food Program (WFP) in Chad, Aline Moreau, says, although "
        "food is arriving, more is needed.\n\n"
        "She says, at the moment, those affected most are children under five."
    )
    result = read(body)
    assert who(result, "60 percent of the food") == (["WFP"], None)
    assert who(result, "more is needed") == (["WFP"], "Aline Moreau")
    assert who(result, "children under five") == (["WFP"], "Aline Moreau")


def test_a_long_paragraph_introducing_a_new_post_ends_the_last_speakers_block() -> None:
    body = (
        "Says former minister Omar Bek:\n\n"
        "“What is our aim? Reforms and an early election. We have no other aim.”\n\n"
        "To get a sense of the mood in the capital, it is worth reading a post a local "
        "blogger wrote in 2006. Sadly, I can't see much change since this was written:\n\n"
        "Everyone has a theory of who is to blame, and everyone wants the factories reopened."
    )
    result = read(body)
    assert who(result, "We have no other aim")[1] == "Omar Bek"
    assert who(result, "Everyone has a theory")[1] != "Omar Bek"


def test_blogs_named_for_their_writers_introduce_their_posts() -> None:
    body = (
        "The Caribbean blogosphere is abuzz over the storm:\n\n"
        "Steve's Dominica reports:\n\n"
        "“The storm will be passing over us around 6am on Friday.”\n\n"
        "Cuba, too, seems to have been spared; Havana Times writes:\n\n"
        "The storm has picked up steam on Monday morning."
    )
    result = read(body)
    assert who(result, "passing over us")[0] == ["Steve's Dominica"]
    assert who(result, "picked up steam")[0] == ["Havana Times"]


def test_greetings_and_thanks_in_a_briefing_are_no_claims() -> None:
    body = (
        "MR. NOWAK: Good morning. And welcome all to today’s briefing on the outbreak. We "
        "will turn it over to the acting director for an update.\n\n"
        "DR. BESSER: Thank you very much, Glen. Thanks to all of you for being here this "
        "morning. We have confirmed 109 cases in 11 states."
    )
    result = read(body, title="Briefing on the outbreak")
    quotes = [c.quote.text for c in result.claims]
    assert not any(q.startswith(("And welcome", "Thank you", "Thanks to all")) for q in quotes)
    assert claim(result, "109 cases in 11 states")


def test_a_cue_with_a_short_object_and_what_follows_it_are_one_claim() -> None:
    body = (
        "Iran has criticized the initiative and accused the United States of using the "
        "Internet to organize opposition forces.\n\n"
        "The army denied the reports, saying in a second statement on Thursday that no "
        "civilian was harmed.\n\n"
        "The ministry rejected the reports as fabricated and warned that any further attack "
        "would draw a response."
    )
    result = read(body, published=date(2025, 3, 14), title="Tehran and the army")
    whole = claim(result, "criticized the initiative")
    assert "organize opposition forces" in whole.quote.text
    denial = claim(result, "no civilian was harmed")
    assert "denied the reports" in denial.quote.text
    assert (denial.said_on.date, denial.said_on.precision) == ("2025-03-13", "day")
    assert claim(result, "would draw a response").stance == "concerned"


def test_a_quotation_that_opens_with_lets_and_goes_on_is_a_claim() -> None:
    body = (
        "“The first order of business will be a budget,” Premier Alan Brooks told reporters. "
        "“Let’s get on with actually working on a package. That’s what I think voters want us "
        "to do.”"
    )
    result = read(body)
    assert who(result, "That’s what I think voters want")[1] == "Alan Brooks"
