"""Scraped text: debris is never read as a claim, glued sentences are two, offsets hold.

Each body below is written the way a scrape delivers it; the expected claims are read
from the words (which sentences say something, and who says it).
"""

from __future__ import annotations

from datetime import date

import pytest

from app.extraction import Article, extract, load_knowledge
from app.extraction.model import Claim, ExtractedArticle
from app.extraction.scrape import debris_patterns, reading_view


def read(body: str, published: date = date(2026, 11, 27)) -> ExtractedArticle:
    return extract(Article(slug="scraped", title="Scraped", published=published, body=body))


def quotes(result: ExtractedArticle) -> list[str]:
    return [c.quote.text for c in result.claims]


def only(result: ExtractedArticle, words: str) -> Claim:
    found = [c for c in result.claims if words in c.quote.text]
    assert len(found) == 1, (words, quotes(result))
    return found[0]


def sources(claim: Claim) -> list[str]:
    return [s.label for s in claim.sources]


def assert_offsets_hold(result: ExtractedArticle) -> None:
    body = result.article.body
    for claim in result.claims:
        assert body[claim.quote.start : claim.quote.end] == claim.quote.text


def test_sentences_glued_after_a_full_stop_are_two_claims() -> None:
    body = (
        "Shares of Kanazawa Precision fell 6.2 percent in morning trading.The company said "
        "in a statement that China accounted for roughly 40 percent of its sales last year."
    )
    result = read(body)
    assert quotes(result) == [
        "Shares of Kanazawa Precision fell 6.2 percent in morning trading.",
        "The company said in a statement that China accounted for roughly 40 percent of "
        "its sales last year.",
    ]
    assert sources(result.claims[0]) == ["Unattributed"]
    assert_offsets_hold(result)


def test_sentences_glued_after_a_closing_quotation_mark_are_two_claims() -> None:
    body = (
        "“We will not sign the deal,” the minister said.”The ministry later warned that "
        "talks could collapse.With the deadline a week away, negotiators met again in Geneva."
    )
    result = read(body)
    assert len(result.claims) == 3, quotes(result)
    assert only(result, "We will not sign").quote.text.endswith("the minister said.”")
    assert only(result, "talks could collapse").quote.text.startswith("The ministry later")
    assert only(result, "negotiators met again").quote.text.startswith("With the deadline")
    assert_offsets_hold(result)


def test_an_abbreviation_or_a_web_address_is_not_a_glued_sentence_end() -> None:
    body = "The U.S.Navy said the destroyer had left Busan. Details are at news.example.com today."
    result = read(body)
    assert only(result, "had left Busan").quote.text.startswith("The U.S.Navy said")


def test_a_photo_credit_glued_to_the_first_sentence_is_cut_with_its_caption() -> None:
    body = (
        "Residents wade through floodwaters in Kisumu on Tuesday. (AP Photo/Brian Inganga)"
        "Officials in Nairobi said on Wednesday that at least 46 people had died in the "
        "floods.\n\n"
        "Rescuers wade into a flooded street in Kisumu, Kenya. (AP Photo/Brian Inganga)\n\n"
        "The Kenya Red Cross said more than 20,000 households had been displaced."
    )
    result = read(body, date(2026, 11, 12))
    assert len(result.claims) == 2, quotes(result)
    deaths = only(result, "46 people had died")
    assert deaths.quote.text.startswith("Officials in Nairobi said")
    assert "Photo" not in deaths.quote.text
    assert (deaths.said_on.date, deaths.said_on.precision) == ("2026-11-11", "day")
    assert sources(only(result, "households had been displaced")) == ["Kenya Red Cross"]
    assert "(AP Photo/Brian Inganga)" in result.article.body  # stored as published
    assert_offsets_hold(result)


def test_wiki_captions_with_an_image_credit_are_not_claims() -> None:
    body = (
        "Instituto Gonzaga, a catholic school in Milan. Image: Friedrichstrasse.\n\n"
        "Several municipalities have started asking religious schools to pay taxes."
    )
    assert quotes(read(body)) == [
        "Several municipalities have started asking religious schools to pay taxes."
    ]


def test_datelines_bylines_credits_and_addresses_are_not_claims() -> None:
    body = (
        "By Aiko Tanabe, Trade correspondent\n\n"
        "TOKYO, Nov. 27 (Kyodo) -- Japan will tighten export controls on chipmaking tools "
        "from January, the trade ministry said Friday.\n\n"
        "OSLO/FRANKFURT, Nov 17 (Reuters) - Halvorsen Air agreed to buy Nordwind Airways, "
        "the companies said.\n\n"
        "(Reporting by Aiko Tanabe. Editing by Ryo Matsuda)\n\n"
        "Associated Press writer Lisa Chen contributed to this report.\n\n"
        "aiko.tanabe@kyodonews.example\n\n"
        "© 2026 Kyodo News. All rights reserved.\n\n"
        "I’m Bryan Lynn."
    )
    result = read(body)
    assert quotes(result) == [
        "Japan will tighten export controls on chipmaking tools from January, the trade "
        "ministry said Friday.",
        "Halvorsen Air agreed to buy Nordwind Airways, the companies said.",
    ]
    assert sources(result.claims[0]) == ["Tokyo"]
    assert_offsets_hold(result)


def test_an_embedded_post_is_read_without_its_link_and_signature() -> None:
    body = (
        "Poland's foreign ministry posted on X:\n\n"
        "> We stand united with our Baltic allies. Every drone that violates our airspace "
        "will be shot down. pic.twitter.com/Xy12AbCdEf\n"
        "> — Polish MFA (@PolandMFA) November 26, 2026"
    )
    result = read(body, date(2026, 11, 26))
    for claim in result.claims:
        assert "pic.twitter" not in claim.quote.text and "@PolandMFA" not in claim.quote.text
    shot = only(result, "will be shot down")
    assert shot.quote.text == "Every drone that violates our airspace will be shot down."
    assert_offsets_hold(result)


def test_markup_is_not_read_but_the_quote_keeps_the_stored_words() -> None:
    body = (
        "<p>**Allies pledge more air defence**</p>\n\n"
        "Xi Jinping made no reference to the drones in a call on Wednesday, according to a "
        "readout published by [Xinhua](https://xinhua.example/readout).<br>"
    )
    result = read(body, date(2026, 11, 26))
    (claim,) = result.claims
    assert sources(claim) == ["Xinhua"]
    assert claim.quote.text.endswith("[Xinhua](https://xinhua.example/readout).")
    assert "https" not in claim.assertion and "[" not in claim.assertion
    assert_offsets_hold(result)


def test_angle_brackets_that_are_no_scraped_tag_are_text() -> None:
    body = 'The researchers said the exploit began with the string "<script>" in a comment.'
    view = reading_view(body, debris_patterns(load_knowledge().scrape))
    assert "<script>" in view
    assert "<p>" not in reading_view("<p>Text</p>", debris_patterns(load_knowledge().scrape))


def test_a_wiki_sources_tail_is_not_read() -> None:
    body = (
        "Environment Canada spokesperson Julie Hahn said the documents were not secret.\n\n"
        "Sources\n\n"
        '"Sensitive government document found on rainy Ottawa street" — CBC.ca, August 15, 2008\n\n'
        '"Document found on street not secret, say feds" — The Canadian Press, August 15, 2008.\n\n'
        "Categories: August 15, 2008 Canada Published Politics and conflicts"
    )
    assert quotes(read(body, date(2008, 8, 15))) == [
        "Environment Canada spokesperson Julie Hahn said the documents were not secret."
    ]


def test_the_reading_view_keeps_length_and_line_breaks() -> None:
    body = "<p>Text</p>\n\nBy Ann Lee\n\nMore text here.\n(AP Photo/X Y)"
    view = reading_view(body, debris_patterns(load_knowledge().scrape))
    assert len(view) == len(body)
    assert [i for i, c in enumerate(view) if c == "\n"] == [
        i for i, c in enumerate(body) if c == "\n"
    ]
    assert view.split("\n\n")[0].strip() == "Text"
    assert view.split("\n\n")[1].strip() == ""


@pytest.mark.parametrize(
    "paragraph",
    [
        "By Monday, the army said, the town had been retaken.",
        "Follow-up talks are planned for next week, officials said.",
        "Photographers were kept away from the site, the police said.",
    ],
)
def test_prose_that_looks_like_debris_is_still_read(paragraph: str) -> None:
    assert quotes(read(paragraph)) == [paragraph]


def test_a_caption_naming_the_person_pictured_introduces_no_quotation() -> None:
    result = read(
        "Daiyrbek Orunbekov. Image widely shared on Twitter.\n\n"
        "A journalist has failed in his bid to countersue the president for defamation.\n\n"
        'Orunbekov wrote on his blog: "I will appeal."'
    )
    assert sources(only(result, "failed in his bid")) == ["Unattributed"]
    assert_offsets_hold(result)


def test_a_translators_gloss_with_the_original_language_is_not_read() -> None:
    body = "Interviewed by the Observatório blog [Observatory of the Right for Communication, pt] today."
    view = reading_view(body, debris_patterns(load_knowledge().scrape))
    assert len(view) == len(body)
    assert "Observatory" not in view and "Observatório blog" in view


def test_a_quotation_mark_a_scrape_doubled_opens_one_quotation() -> None:
    body = (
        "Doctors in Brazil say the outbreak may spread to the coast. "
        '""We are ready for the worst," said Ana Ferraz, director of epidemics at Brazil\'s '
        'health ministry. "We have opened three new wards," she said.'
    )
    result = read(body)
    ready = only(result, "ready for the worst")
    assert (sources(ready), ready.speaker and ready.speaker.name) == (["Brasília"], "Ana Ferraz")
    assert ready.quote.text.startswith('"We are ready')
    assert_offsets_hold(result)


def test_a_links_number_between_a_cue_and_that_is_debris() -> None:
    body = (
        "Fans argued online after the final.\n\n"
        "Ana Lopes blogged [4] that the referee had been unfair.\n\n"
        "However, jorgefutbol99 tweeted [5] that the better team had won."
    )
    result = read(body)
    blogged = only(result, "referee had been unfair")
    assert (sources(blogged), blogged.speaker and blogged.speaker.name) == (
        ["Ana Lopes"],
        "Ana Lopes",
    )
    tweeted = only(result, "better team had won")
    assert tweeted.speaker is not None and tweeted.speaker.name == "jorgefutbol99"
    assert_offsets_hold(result)


def test_a_correspondents_credit_in_an_aside_is_the_articles_own_reporting() -> None:
    body = (
        "Rebels attacked an army post near the border on Sunday.\n\n"
        "This latest attack, as Maria Costa reports from Ankara for VOA, is the deadliest "
        "in months.\n\n"
        "As Tom Reed reports from Izmir, officials say the roads are closed."
    )
    result = read(body)
    latest = only(result, "deadliest in months")
    assert sources(latest) == ["Unattributed"] and latest.speaker is None
    assert sources(only(result, "roads are closed")) == ["Officials"]


def test_a_caption_whose_photo_is_used_with_permission_is_no_claim() -> None:
    body = (
        "Zone 9 bloggers Zelalem Kibret, Edom Kasaye, and Befeqadu Hailu. Photos used with "
        "permission.\n\n"
        "President Rafael Correa and Carlos Pérez, ex-director of El Universo –Photo "
        "reproduced under authorisation\n\n"
        "The court upheld the verdict on Thursday, the newspaper said."
    )
    quotes = [c.quote.text for c in read(body).claims]
    assert not any("permission" in q or "authorisation" in q for q in quotes)
    assert any("upheld the verdict" in q for q in quotes)


def test_a_caption_the_page_prints_twice_is_no_claim() -> None:
    caption = (
        "Ukrainian President Petro Poroshenko addresses the media in the presidential office "
        "in Kyiv, Dec. 22, 2014."
    )
    body = (
        f"{caption}\n\n{caption}\n\n"
        "Talks on the conflict will resume this week, officials said on Monday."
    )
    quotes = [c.quote.text for c in read(body).claims]
    assert not any("addresses the media" in q for q in quotes)
    assert any("will resume this week" in q for q in quotes)


def test_a_file_photos_caption_after_a_quotation_signs_nothing() -> None:
    body = (
        "“The first order of business will be the presentation of a budget,” Premier Alan "
        "Brooks told reporters.\n\n"
        "Maria Dion, file photo\n\n"
        "Maria Dion, the leader of the opposition, said the coalition would go on."
    )
    result = read(body)
    first = [c for c in result.claims if "first order of business" in c.quote.text][0]
    assert first.speaker is not None and first.speaker.name == "Alan Brooks"


def test_a_dateline_in_plain_case_glued_to_its_dash_is_no_source() -> None:
    body = (
        "Beirut- Foreign Minister Lena Haddad announced on Monday that the border crossing "
        "would reopen next week."
    )
    claim = only(read(body), "border crossing would reopen")
    assert [s.label for s in claim.sources] != ["Beirut-"]
    assert claim.speaker is not None and claim.speaker.name == "Lena Haddad"
    assert not claim.quote.text.startswith("Beirut")


def test_a_name_then_where_its_picture_is_from_is_a_caption() -> None:
    body = (
        "Four bloggers are standing for the assembly.\n\n"
        "Leila Mansour Picture from leilamansour.tn\n\n"
        "Leila Mansour (@lmansour):\n\n"
        "The 31-year-old teacher heads an independent list in Sfax.\n\n"
        "I want to write a constitution that protects every citizen."
    )
    result = read(body)
    assert not any("Picture" in s.label for c in result.claims for s in c.sources)
    assert not any("Picture from" in q for q in quotes(result))
    assert [s.label for s in only(result, "protects every citizen").sources] == ["Leila Mansour"]
