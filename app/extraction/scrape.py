"""The body as a reader sees it: scraping debris blanked out, every offset kept.

Scraped bodies carry captions and their credits, bylines, "Reporting by" lines, e-mail
addresses, embedded posts with their links and signatures, markdown and inline HTML, a
wiki's "Sources" tail and a broadcaster's sign-off. They stay in the stored body (it is
what the publisher printed), but no claim is read from them. `reading_view` returns a
copy of the body of the same length in which every such character is a space (line
breaks stay), so a span found in the copy is the same span of the stored body:
`body[start:end]` is still the quote.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

MARKUP = re.compile(
    # inline HTML a scraper leaves: <p>, <br>, <div class="related">; other angle brackets
    # are text the article prints ("<script>" in a story about code)
    r"</?(?:p|br|div|span|a|em|strong|b|i|u|s|small|sup|sub|figure|figcaption|img|picture|"
    r"source|ul|ol|li|h[1-6]|blockquote|q|cite|section|article|aside|header|footer|time|"
    r"table|thead|tbody|tr|td|th|hr|iframe|abbr|mark)\b[^<>\n]{0,300}>"
    r"|\*\*|__"  # markdown emphasis
    r"|^[ \t]*(?:#{1,6}|>)[ \t]*",  # a markdown heading or quotation mark at a line start
    re.MULTILINE,
)
MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\[\]\n]{1,200})\]\((?:https?://|/)[^()\s]{0,500}\)")
# "[es]", "((it))", and a translator's gloss that ends in the original's language
# ("blog [Observatory of the Right for Communication, pt]")
LANGUAGE_MARK = re.compile(r"\s?(?:\[(?:[^\[\]\n]{1,120},\s*)?[a-z]{2}\]|\(\([a-z]{2}\)\))")
ADDRESS = re.compile(
    r"\b(?:https?://|www\.|pic\.twitter\.com/)[^\s<>()\[\]\"“”]*[^\s<>()\[\]\"“”.,;:!?]"  # links
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
)
# "— Polish MFA (@PolandMFA) November 26, 2026": the signature of an embedded post
POST_SIGNATURE = re.compile(
    r"(?:>[ \t]*)?[—–-]{1,2}[ \t]*[^\n()]{1,80}?\(@\w{1,30}\)(?:[ \t]*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4})?"
)
NAME = r"[A-ZÀ-Þ][\w'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|da|van|von|al|el)){1,4}"
# "Cquote1.svg", "Flag of Ukraine.png": an image's file name a wiki's quote box or map leaves
IMAGE_FILE = re.compile(r"\b[\w-]+\.(?:svg|png|jpe?g|gif)\b", re.IGNORECASE)
# "tweeted [5] that", "[2]Fútbol desde Ayacucho": a link's number a scrape left in the text
FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]")
# '""We are preparing ...," said X': a quotation mark a scrape doubled; the first is debris
DOUBLED_MARK = re.compile(r'(?:(?<=\s)|^)"(?="[A-ZÀ-Þ])', re.MULTILINE)
# each inline pattern, with the characters a body must have for it to match anything
INLINE = (
    (MARKUP, ("<", "*", "__", "#", ">")),
    (ADDRESS, ("http", "www.", "pic.twitter", "@")),
    (POST_SIGNATURE, ("(@",)),
    (LANGUAGE_MARK, ("[", "((")),
    (IMAGE_FILE, (".svg", ".png", ".jpg", ".jpeg", ".gif", ".SVG", ".PNG", ".JPG")),
    (DOUBLED_MARK, ('""',)),
    (FOOTNOTE_MARK, ("[",)),
)
CAPTION_BLOCK_WORDS = 150  # a caption block the page marks as one ("Click photo ...") is short
MONTH_NAMES = "|".join(name for name in calendar.month_name if name)
PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")  # lines up to a blank line


@dataclass(frozen=True)
class Debris:
    """The patterns that recognise debris, built once from data/text.json's "scrape" lists."""

    whole: re.Pattern[str]  # a paragraph that is debris from end to end
    caption_end: re.Pattern[str]  # a photo credit that ends a caption paragraph
    photo_credit: re.Pattern[str]  # "(AP Photo/Brian Inganga)", "(Kyodo Photo)"
    caption_phrase: re.Pattern[str]  # "shown here": a one-sentence caption
    tail: re.Pattern[str]  # "Sources", "Categories: ...": the rest of the page is not the article
    caption_lead: re.Pattern[str]  # "Click photo for screen-resolution image": a caption block


@lru_cache(maxsize=4)
def _debris(lists: tuple[tuple[str, tuple[str, ...]], ...]) -> Debris:
    words = {key: _alternation(values) for key, values in lists}
    photo = words["photo_words"]
    return Debris(
        whole=re.compile(
            rf"^\(?\s*(?:{words['credit_leads']})\s+[A-ZÀ-Þ]"  # "(Reporting by Aiko Tanabe"
            rf"|^(?:{words['byline_leads']})\s+{NAME}(?:\s*(?:,|and|&)\s[^.]*)?$"  # "By Sofia Brandt, ..."
            # "By Staff Sgt. Barry Loo 633d Air Base Wing Public Affairs", "Sept. 5, 2019 | BY
            # Jim Garamone": names, ranks and units only, no sentence
            rf"|^(?:[^|\n]{{1,40}}\|\s*)?(?:{words['byline_leads']})\s+[A-ZÀ-Þ][\w.'’-]*"
            rf"(?:,?\s+(?:[A-ZÀ-Þ0-9][\w.'’-]*|of|and|for|the|&)){{1,12}}\s*$"
            rf"|\b(?:{words['credit_phrases']})\b"  # "contributed to this report"
            rf"|^(?:{photo})s?(?:\s*:|\s+(?:by|of|from|courtesy)\b)"  # "Photo: ...", "Picture by ..."
            # "Amira Yahyaoui Picture from sawtmostakel.com": a name, then where its picture is from
            rf"|^[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){{0,4}}\.?\s+(?:{photo})s?\s+"
            rf"(?:by|from|courtesy\s+of)\s(?:(?!\.\s)[^\n]){{0,80}}$"
            rf"|^(?:©|\(c\)\s|Copyright\b)"
            rf"|^(?:And\s+)?I['’]m\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’,-]*){{0,3}}\.?"
            rf"(?:\s+And\s+I['’]m\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’,-]*){{0,3}}\.?)?\s*$"
            rf"|^[\w'’ -]{{1,40}}?\s?[—–-]+\s?(?:{words['glossary_parts']})\.?\s"  # "key—adj. ..."
            rf"|^Follow\b.{{0,80}}\bat\s*$"  # "Follow AP's coverage at <link>"
            # "• 5 March 2015: Spanish authorities arrest ...": a dated headline in a box of
            # related articles, another story's
            rf"|^[•·*-]?\s*\d{{1,2}}\s+(?:{MONTH_NAMES})\s+\d{{4}}:\s"
            r"|^\(?END\)?$",
        ),
        caption_end=re.compile(
            rf"(?:\((?:[^()]{{0,60}}\b(?:{photo})s?\b[^()]{{0,60}})\)|\b(?:{photo}):\s*[^.]{{1,80}}\.?)\s*$"
        ),
        photo_credit=re.compile(rf"\((?:[^()]{{0,40}}\b(?:{photo})s?\b[^()]{{0,60}})\)"),
        caption_phrase=re.compile(rf"\b(?:{words['caption_phrases']})\b", re.IGNORECASE),
        tail=re.compile(rf"^(?:(?:{words['tail_headings']})\s*:?|(?:{words['tail_leads']})\s.*)$"),
        caption_lead=re.compile(rf"^\(?(?:{words['caption_leads']})\b"),
    )


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def debris_patterns(scrape: dict[str, Any]) -> Debris:
    """The debris patterns for the word lists of data/text.json's "scrape" section."""
    lists = tuple(sorted((k, tuple(v)) for k, v in scrape.items() if isinstance(v, list)))
    return _debris(lists)


@lru_cache(maxsize=64)
def reading_view(body: str, debris: Debris) -> str:
    """The body with its debris blanked: same length, same line breaks, same offsets.
    (Pure: a body read again, as on a reload, is blanked once.)"""
    visible = _blanked(body, list(_inline(body)))
    return _blanked(visible, list(_debris_paragraphs(visible, debris)))


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text  # most bodies are clean: no copy
    chars = list(text)
    for start, end in spans:
        chars[start:end] = _blanks(text[start:end])
    return "".join(chars)


def _inline(body: str) -> Iterator[tuple[int, int]]:
    """Markup, links, addresses and post signatures inside paragraphs."""
    for pattern, marks in INLINE:
        if any(mark in body for mark in marks):  # most bodies have none of them
            for match in pattern.finditer(body):
                yield match.start(), match.end()
    if "](" in body:
        for link in MARKDOWN_LINK.finditer(body):  # "[Xinhua](https://...)": keep the words
            yield link.start(), link.start() + 1
            yield link.end("text"), link.end()


def _debris_paragraphs(text: str, debris: Debris) -> Iterator[tuple[int, int]]:
    """Spans to blank: debris paragraphs, a caption before a glued credit, a caption the
    page printed twice, the page's tail."""
    twice = _printed_twice(text)
    for match in PARAGRAPH.finditer(text):
        paragraph = " ".join(match.group(0).split())
        if not paragraph:
            continue
        if paragraph in twice:
            yield match.start(), match.end()  # a photo's caption, printed as alt text too
            continue
        if debris.tail.match(paragraph):
            yield match.start(), len(text)  # "Sources" and the references after it
            return
        if _is_debris(paragraph, debris):
            yield match.start(), match.end()
            continue
        credit = debris.photo_credit.search(match.group(0))
        if credit and credit.start() < 400 and match.group(0)[credit.end() :].strip():
            yield match.start(), match.start() + credit.end()  # "(AP Photo)Officials said ..."


CAPTION_REACH = 4  # paragraphs: a caption printed twice opens the page
CAPTION_WORDS = 60
CAPTION_MIN_WORDS = 4


def _printed_twice(text: str) -> set[str]:
    """Paragraphs near the top that the page prints twice, without quotation marks: a
    photo's caption and its alt text ("Australia's conservative leader Tony Abbott gestures
    as he claims victory ..." twice)."""
    paragraphs = [" ".join(m.group(0).split()) for m in PARAGRAPH.finditer(text)]
    paragraphs = [p for p in paragraphs if p]
    seen = paragraphs[:CAPTION_REACH]
    return {
        p
        for p in seen
        if paragraphs.count(p) > 1
        and CAPTION_MIN_WORDS <= len(p.split()) <= CAPTION_WORDS  # not "((NARRATOR))"
        and not any(mark in p for mark in '"“”')
    }


def _is_debris(paragraph: str, debris: Debris) -> bool:
    words = paragraph.count(" ") + 1
    if words <= 40 and debris.whole.search(paragraph):
        return True
    if words <= CAPTION_BLOCK_WORDS and debris.caption_lead.match(paragraph):
        return True  # "Click photo for screen-resolution image Secretary Rice and ...": a caption
    if words <= 60 and debris.caption_end.search(paragraph):
        return True  # "Residents wade through floodwaters ... (AP Photo/Brian Inganga)"
    one_sentence = words <= 40 and not re.search(r"[.!?]\s+\S", paragraph.rstrip(".!? "))
    return one_sentence and bool(debris.caption_phrase.search(paragraph))


def _blanks(text: str) -> list[str]:
    return ["\n" if char == "\n" else " " for char in text]
