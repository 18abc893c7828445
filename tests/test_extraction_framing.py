"""Who speaks, as the article's own framing says it: the author a title names, the speaker
a heading names, and quoted originals in another language.

Each body is written the way official statements, round-ups of officials' interviews and
blog round-ups are; the expected sources and speakers are read from the words.
"""

from __future__ import annotations

import pytest

from tests.extraction_reading import read, who

STATEMENT = (
    "Today, the government of Norway completed the evacuation of 212 citizens from the "
    "port of Tartus. We are grateful to the crews who made it possible.\n\n"
    "The situation in the city remains dangerous. We will not hesitate to send a second "
    "ship if it is needed."
)


def test_a_first_person_statement_is_its_titled_authors_in_every_sentence() -> None:
    title = "Statement by Foreign Minister Ingrid Vold of Norway on the Evacuation from Tartus"
    result = read(STATEMENT, title=title)
    minister = (["Oslo"], "Ingrid Vold")
    assert who(result, "completed the evacuation of 212 citizens") == minister
    assert who(result, "grateful to the crews") == minister
    assert who(result, "remains dangerous") == minister
    assert who(result, "send a second ship") == minister
    assert {c.rule for c in result.claims} == {"statement_author"}


def test_a_statement_by_a_known_body_is_the_bodys() -> None:
    title = "Joint Statement from the European Union on the Evacuation from Tartus"
    result = read(STATEMENT, title=title)
    assert who(result, "grateful to the crews") == (["EU"], None)


def test_a_title_naming_a_statement_but_a_report_in_the_third_person_is_narration() -> None:
    body = (
        "The government of Norway completed the evacuation of 212 citizens from the port "
        "of Tartus on Monday. The ship is due in Bergen on Friday."
    )
    title = "Statement by Foreign Minister Ingrid Vold of Norway on the Evacuation from Tartus"
    result = read(body, title=title)
    assert who(result, "completed the evacuation") == (["Unattributed"], None)


def test_a_news_title_names_no_author() -> None:
    result = read(STATEMENT, title="Norway evacuates 212 citizens from Tartus")
    assert who(result, "grateful to the crews") == (["Unattributed"], None)


def test_a_heading_that_names_a_person_makes_the_quotes_under_it_theirs() -> None:
    body = (
        "This morning, members of Norway's government were out on the morning shows.\n\n"
        "Foreign Minister Ingrid Vold on Morning Report\n\n"
        "On the evacuation: “Every citizen who wanted to leave Tartus is now on the ship. "
        "We will bring them home by Friday.”\n\n"
        "Defence Minister Pål Strand on The Week in Politics\n\n"
        "On the navy: “Two more frigates will be in service before the summer.”\n\n"
        "How the evacuation was run\n\n"
        "On the ship: “The crew worked for three days without rest.”"
    )
    result = read(body)
    assert who(result, "Every citizen who wanted to leave") == (["Oslo"], "Ingrid Vold")
    assert who(result, "Two more frigates") == (["Oslo"], "Pål Strand")
    # a heading that names no one ends the last speaker's section
    assert who(result, "The crew worked for three days") == (["Unattributed"], None)


def test_a_heading_about_a_person_is_not_a_speakers() -> None:
    body = (
        "Ingrid Vold meets the Syrian envoy in Geneva\n\n"
        "On the evacuation: “Every citizen who wanted to leave Tartus is now on the ship.”"
    )
    result = read(body)
    assert who(result, "Every citizen who wanted to leave")[0] == ["Unattributed"]


def test_a_quoted_original_in_another_language_gives_no_claim_but_its_translation_does() -> None:
    body = (
        "Ivorian blogger Awa Koné, of Jeunesse Citoyenne pour la Paix, wrote:\n\n"
        "Maintenant que le président n'est plus là, nous entrons dans une ère "
        "d'incertitude et de questions pour tout le pays.\n\n"
        "Now that the president is gone, we are entering an era of uncertainty and "
        "questions for the whole country."
    )
    result = read(body)
    assert not [c for c in result.claims if "Maintenant" in c.quote.text]
    assert who(result, "entering an era of uncertainty") == (
        ["Jeunesse Citoyenne pour la Paix"],
        "Awa Koné",
    )


def test_an_english_paragraph_with_names_in_another_language_is_read() -> None:
    body = "Luis de la Torre y Vega told reporters: “No comment on the vote, we will wait.”"
    result = read(body)
    assert [c.quote.text for c in result.claims] == [body]


def test_a_proclamation_that_names_its_author_in_its_own_words_is_theirs() -> None:
    body = (
        "Fifty years ago, Americans came together to protect the air we breathe. Today, my "
        "Administration is building on that legacy.\n\n"
        "NOW, THEREFORE, I, JOSEPH R. BIDEN JR., President of the United States of America, "
        "by virtue of the authority vested in me, do hereby proclaim April 22, 2023, as "
        "Earth Day.\n\n"
        "JOSEPH R. BIDEN JR."
    )
    result = read(body, title="A Proclamation on Earth Day, 2023", publisher="The White House")
    assert who(result, "protect the air we breathe") == (["Washington"], "Joe Biden")
    assert who(result, "building on that legacy") == (["Washington"], "Joe Biden")
    # the signature in capitals is no claim
    assert not [c for c in result.claims if c.quote.text == "JOSEPH R. BIDEN JR."]


def test_a_press_statements_header_lines_name_its_author() -> None:
    body = (
        "Colombia Peace Process\n\n"
        "Press Statement\n\n"
        "John Kerry\n\n"
        "Secretary of State\n\n"
        "Washington, DC\n\n"
        "June 23, 2016\n\n"
        "Today's announcement is welcome news to the people of that country. I congratulate "
        "President Santos and his negotiating partners for this milestone."
    )
    result = read(body, title="The Announcement on the Peace Process is Welcome News")
    assert who(result, "welcome news to the people") == (["Washington"], "John Kerry")
    assert who(result, "I congratulate President Santos") == (["Washington"], "John Kerry")


@pytest.mark.parametrize("degrees", ["MD", "M.D.", "M.D., MPH", "PhD"])
def test_a_statements_first_line_names_its_author_and_the_body_after_the_last_semicolon(
    degrees: str,
) -> None:
    body = (
        f"Statement by R.J. Simonds, {degrees}; Acting Director; Center for Global Health\n\n"
        "As we mark World Malaria Day this Sunday, we must recommit to ending the disease. "
        "Malaria occurs throughout Haiti."
    )
    result = read(body, title="The United States Is Helping to Count Malaria Out")
    assert who(result, "Malaria occurs throughout Haiti") == (
        ["Center for Global Health"],
        "R.J. Simonds",
    )
    # the heading line is no claim
    assert not [c for c in read(body, title="Malaria").claims if "Statement by" in c.quote.text]


def test_a_columns_byline_with_an_office_names_the_author_of_a_first_person_text() -> None:
    # the byline glued to the first sentence, as a scrape leaves it
    body = (
        "Maria Alvarez - Deputy Secretary of the U.S. Department of Transportation Today, "
        "March 3, we mark the tenth National Work Zone Day.\n\n"
        "I have spent twenty years working on road safety. We have cut work zone deaths by "
        "a third since 2015."
    )
    result = read(body, title="From the Deputy Secretary's Desk: National Work Zone Day")
    assert who(result, "cut work zone deaths") == (["Washington"], "Maria Alvarez")
    assert who(result, "tenth National Work Zone Day") == (["Washington"], "Maria Alvarez")


def test_every_sentence_under_a_press_statements_header_is_its_authors() -> None:
    body = (
        "Press Statement\n\n"
        "Daniel Ortmann, Spokesman\n\n"
        "Washington, DC\n\n"
        "November 2, 2005\n\n"
        "The United States condemns the arrests. These actions appear to be an attempt to "
        "silence critics. Detained leaders should be treated humanely."
    )
    title = "Ruritania: Arrest of Opposition Leaders"
    result = read(body, title=title, publisher="U.S. Department of State")
    spokesman = (["Washington"], "Daniel Ortmann")
    assert who(result, "attempt to silence critics") == spokesman
    assert who(result, "treated humanely") == spokesman


def test_a_taken_questions_answer_is_the_publishing_offices() -> None:
    body = (
        "Taken Question\n\n"
        "Office of the Spokesperson\n\n"
        "Washington, DC\n\n"
        "September 10, 2013\n\n"
        "Question: Comment on the political situation in Ruritania. What are the next steps?\n\n"
        "Answer: We have repeatedly urged the leaders of the major parties to come together. "
        "Nonviolence is essential to any solution."
    )
    title = "Ruritania's Elections (Taken Question)"
    result = read(body, title=title, publisher="U.S. Department of State")
    assert who(result, "repeatedly urged the leaders") == (["Washington"], None)
    assert who(result, "essential to any solution") == (["Washington"], None)
    assert not [c for c in result.claims if "next steps" in c.quote.text]


def test_remarks_quoted_whole_are_their_titled_authors() -> None:
    body = (
        "“I’m here to announce that we are taking action against unfair duties on our "
        "poultry.\n\n"
        "“Today’s action pertains to what we believe is a wrongful imposition of duties. "
        "It’s a case that has implications for an estimated 300,000 farmers."
    )
    title = "Remarks by Trade Minister Helen Varga Announcing Action with Regard to Poultry"
    result = read(body, title=title)
    assert who(result, "taking action against unfair duties")[1] == "Helen Varga"
    assert who(result, "implications for an estimated 300,000 farmers")[1] == "Helen Varga"


def test_a_testimonys_first_line_names_its_author_and_a_line_below_the_body() -> None:
    body = (
        "Testimony of the Honorable Maria A.P. Lindgren\n\n"
        "Chairman\n\n"
        "National Rail Safety Board\n\n"
        "Good morning, Senator. We have launched 12 rail investigations this year."
    )
    result = read(body, title="Honorable Maria Lindgren, Board Member")
    assert who(result, "12 rail investigations") == (
        ["National Rail Safety Board"],
        "Maria A.P. Lindgren",
    )


def test_a_statement_signed_at_its_end_is_its_signers() -> None:
    body = (
        "Measles is a critical issue for the region. We anticipate that the campaign will "
        "slow the spread of the outbreak.\n\n"
        "Once enough children are vaccinated, cases will decline very rapidly.\n\n"
        "Anna Kovacs, M.D., M.P.H.\n\n"
        "Director, Regional Institute for Public Health"
    )
    result = read(body, title="Institute Statement from the Director: Measles")
    signer = (["Regional Institute for Public Health"], "Anna Kovacs")
    assert who(result, "critical issue for the region") == signer
    assert who(result, "cases will decline very rapidly") == signer
    assert not [c for c in result.claims if c.quote.text.startswith("Anna Kovacs")]


def test_quoted_remarks_under_a_statement_line_are_the_ambassadors_of_his_embassys_state() -> None:
    body = (
        "Statement by Ambassador Helen R. Marsh\n\n"
        "Lima, March 3, 2011, 9:00pm -- “Today, both our peoples can welcome a decisive step "
        "in the fight against the traffickers who threaten our communities.”\n\n"
        "“I have been informed that eleven fugitives have been handed over to face trial in "
        "our courts.”"
    )
    result = read(body, title="A Decisive Step", publisher="U.S. Embassy Lima")
    ambassador = (["Washington"], "Helen R. Marsh")
    assert who(result, "a decisive step") == ambassador
    assert who(result, "eleven fugitives have been handed over") == ambassador


def test_a_linked_blog_title_closing_an_intro_with_no_verb_introduces_the_block() -> None:
    body = (
        "Regional bloggers are celebrating the win.\n\n"
        "The meaning of the final is not lost on The Lantern in a Rum Shop [4]:\n\n"
        "One day this team will lose a match like everybody else. Until then, we will "
        "dance in the streets."
    )
    result = read(body, title="Caribbean: Champions again", publisher="Global Voices")
    assert who(result, "lose a match")[0] == ["The Lantern in a Rum Shop"]
    assert who(result, "dance in the streets")[0] == ["The Lantern in a Rum Shop"]


def test_a_statement_line_under_a_date_line_names_the_statements_author() -> None:
    body = (
        "March 2, 2012\n\n"
        "Statement by Ambassador Paula R. Osgood\n\n"
        "We commend the patient work of the mission in gathering this evidence. It is clear "
        "to anyone who reads the report that the killing must stop."
    )
    result = read(
        body,
        title="Report of the Fact-Finding Mission",
        publisher="U.S. Mission to the United Nations in Geneva (U.S. Department of State)",
    )
    assert who(result, "patient work of the mission") == (["Washington"], "Paula R. Osgood")
    assert who(result, "the killing must stop") == (["Washington"], "Paula R. Osgood")


def test_a_line_that_issued_the_following_statement_introduces_and_says_nothing() -> None:
    body = (
        "Secretary of Commerce Maria L. Vance issued the following statement about the "
        "trade figures released today:\n\n"
        "Exports rose for the fourth month in a row, and we expect that to continue."
    )
    result = read(body, title="Statement of Commerce Secretary Vance on Trade Figures")
    assert not any("issued the following" in c.quote.text for c in result.claims)
