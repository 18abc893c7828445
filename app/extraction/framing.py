"""What the article's own framing says about who speaks: the author a title names, and
the speaker a heading names.

Official texts and round-ups say who speaks outside their sentences:
  author    "Statement by NSC Spokesperson Emily Horne on ...", then sentences in the first
            person ("We can confirm that ..."): every sentence is the author's, filed
            under the body the author speaks for;
  heading   "Secretary of State Marco Rubio on ABC This Week", then "On the war: "...""
            paragraphs: the quoted words under the heading are the named person's, until
            the next heading.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from app.extraction.bodies import named_body, proper_run, unresolved
from app.extraction.context import Attribution
from app.extraction.mentions import POSSESSIVE
from app.extraction.model import SourceRef
from app.extraction.register import people_in
from app.extraction.text import Span
from app.extraction.vocabulary import (
    CONNECTORS,
    FIRST_PERSON,
    STATEMENT_NOUNS,
    STATEMENT_TITLE,
    STATEMENT_TITLE_WORDS,
)

if TYPE_CHECKING:
    from app.extraction.reader import Reader

QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# after the name in a heading: nothing, a role set off by a comma, or where they spoke
HEADING_TAIL = re.compile(r"^(?:|,\s.*|\s+(?:on|at|in|to|with|for|of|from)\s.*)$")
TITLE_DATE = re.compile(r",\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}$")  # ", September 1, 2021"
# "I, JOSEPH R. BIDEN JR., President of ...": a text that names its author in its own words
SELF_NAMED = re.compile(
    r"\bI,\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4}),\s+(?P<role>[A-Z][^,]{0,80})"
)
NAME_SUFFIX = re.compile(r",?\s+(?:Jr|Sr)\.?$")
HEADING_REACH = 8  # words: the name opens the heading, after a title at most this long


def statement_author(reader: Reader) -> Attribution | None:
    """The author a title names ("Statement by President Joe Biden on ..."), when the body
    speaks in the first person; None for every other article."""
    body = reader.article.body
    titled = STATEMENT_TITLE.match(" ".join(reader.article.title.split()))
    named = SELF_NAMED.search(body) if "I, " in body else None
    header = HEADER_AUTHOR.search(body[:HEADER_REACH])
    # "Statement by R.J. Simonds, MD; Acting Director; Center for Global Health" as the
    # body's first line, under a title that names no author
    opening = body.lstrip().split("\n", 1)[0]
    lined = None if titled else _statement_line(body)
    # "Joseph A. Main - Assistant Secretary of Labor for Mine Safety and Health": a
    # column's byline with its author's office, as the first line
    signed = BYLINE_AUTHOR.match(opening.strip()) if " - " in opening[:80] else None
    # "Tom Frieden, M.D., M.P.H." then "Director, Centers for Disease Control and
    # Prevention" closing a text whose title says it is a statement
    stated = any(w.lower() in STATEMENT_NOUNS for w in WORD.findall(reader.article.title))
    closing = END_SIGNATURE.search(body[-SIGNATURE_REACH:]) if stated else None
    if not (titled or named or header or lined or signed or closing):
        return None  # most texts name no author: the body need not be read for "we"
    # a press statement's header makes every sentence under it its author's; remarks that
    # open every paragraph with a quotation mark are the titled author's own words quoted
    quoted = (titled and _all_quoted(body)) or (lined and _all_quoted(body, header_line=True))
    if not header and not first_person_outside_quotes(body) and not quoted:
        return None
    return (
        (title_author(reader) if titled else None)
        or (_self_named(reader, named) if named else None)
        or (_header_author(reader, header) if header else None)
        or (_line_author(reader, lined) if lined else None)
        or (_byline_author(reader, signed) if signed else None)
        or (_closing_author(reader, closing) if closing else None)
    )


def _statement_line(body: str) -> re.Match[str] | None:
    """ "Statement by Ambassador X" as one of the header lines that open the body (the first,
    or under a date line: "November 28, 2011", then "Statement by ...")."""
    lines = [line.strip() for line in body.strip().split("\n") if line.strip()]
    for line in lines[:HEADER_LINES]:
        lined = STATEMENT_TITLE.match(" ".join(line.split()))
        if lined:
            return lined
        if len(line.split()) > HEADER_LINE_WORDS:
            return None  # the text has begun: a statement line below it heads no header
    return None


HEADER_LINES = 3
HEADER_LINE_WORDS = 8  # a date line, a place, an office: a header line is short


SIGNATURE_REACH = 200  # characters: the signature closes the text
END_SIGNATURE = re.compile(
    r"\n\s*(?P<name>[A-ZÀ-Þ][\w.'’-]*(?:[ \t]+[A-ZÀ-Þ][\w.'’-]*){1,3})(?:,[ \t]*[^\n]{0,30})?"
    r"[ \t]*\n\s*(?P<role>[A-ZÀ-Þ][^\n.!?]{3,100})\s*$"
)


def _closing_author(reader: Reader, closing: re.Match[str]) -> Attribution | None:
    """The author a statement's closing signature names, with their office."""
    role = closing.group("role")
    who = reader.resolve(f"{closing.group('name')}, {role}")
    if who is None or who.speaker is None:
        return None
    _, comma, body = role.partition(", ")  # "Director, Centers for Disease Control ..."
    named = named_body(body, reader.knowledge) or unresolved(body, reader.knowledge, True)
    return replace(who, sources=(named,)) if comma and named else who


BYLINE_AUTHOR = re.compile(
    r"^(?P<name>[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){1,3})\s+-\s+(?P<role>[A-ZÀ-Þ].*)$"
)


def _byline_author(reader: Reader, signed: re.Match[str]) -> Attribution | None:
    """The author a column's byline names with their office ("Joseph A. Main - Assistant
    Secretary of Labor for Mine Safety and Health", perhaps glued to the first sentence)."""
    words = signed.group("role").split()
    role = proper_run(words)
    if role and words[len(role) - 1].endswith(","):
        role = role[:-1]  # "... Health Today, December 6": the first sentence begins
    while role and role[-1] in CONNECTORS:
        role = role[:-1]
    if not role or not set(role) & reader.knowledge.title_words:
        return None  # an office ("Secretary", "Director"), not a reporter's outlet
    who = reader.resolve(f"{signed.group('name')}, {' '.join(role)}")
    return who if who is not None and who.speaker is not None else None


def _line_author(reader: Reader, lined: re.Match[str]) -> Attribution | None:
    """The author a statement's first line names ("Statement by R.J. Simonds, MD; Acting
    Director; Center for Global Health"): their name, with the body after the last ";"."""
    line = lined.string[lined.start("author") :]  # to the line's end: "...; Center for X"
    parts = [p.strip() for p in TITLE_DATE.sub("", line).split(";")]
    who = reader.resolve(parts[0])  # "R.J. Simonds, MD": the reader leaves the degree out
    if who is None or who.speaker is None:
        return None
    body = named_body(parts[-1], reader.knowledge) if len(parts) > 1 else None
    body = body or (unresolved(parts[-1], reader.knowledge) if len(parts) > 2 else None)
    body = body or _body_line_below(reader)
    return replace(who, sources=(body,)) if body else who  # the body the last part names


def _body_line_below(reader: Reader) -> SourceRef | None:
    """The body a header line under the first names ("Testimony of ... Hersman", then
    "Chairman", then "National Transportation Safety Board")."""
    lines = [line.strip() for line in reader.article.body.split("\n") if line.strip()][1:3]
    for line in lines:
        words = line.split()
        if len(words) >= 2 and set(words) & reader.knowledge.organisation_words:
            return named_body(line, reader.knowledge) or unresolved(line, reader.knowledge)
    return None


# "Press Statement\n\nJohn Kerry\n\nSecretary of State": a statement's header lines name
# its author, and perhaps their title, under the kind of statement it is
HEADER_AUTHOR = re.compile(
    rf"(?:^|\n)[ \t]*(?:{'|'.join(re.escape(t) for t in STATEMENT_TITLE_WORDS)})[ \t]*\n\s*\n"
    r"[ \t]*(?P<name>[A-ZÀ-Þ][\w.'’-]*(?:[ \t]+(?:of[ \t]+|the[ \t]+)*[A-ZÀ-Þ][\w.'’-]*){1,3})"
    r"(?:,[ \t]*(?P<title>[A-ZÀ-Þ][^\n.!?]{2,60}?))?[ \t]*\n"  # "Sean McCormack, Spokesman"
    r"(?:\s*\n[ \t]*(?P<role>[A-ZÀ-Þ][^\n.!?]{2,60}?)[ \t]*\n)?"
)
HEADER_REACH = 600  # characters: the header stands before the statement's first sentence


def _header_author(reader: Reader, header: re.Match[str]) -> Attribution | None:
    """The author a statement's header lines name: "John Kerry", "Secretary of State"."""
    name, role = header.group("name"), header.group("title") or header.group("role")
    if name.split()[0] == "Office":
        # "Office of the Spokesperson": the publisher's own office, no person
        publisher = reader.article.publisher
        who = reader.resolve(publisher) if publisher else None
        return who if who is not None and who.sources and who.speaker is None else None
    who = (reader.resolve(f"{name}, {role}") if role else None) or reader.resolve(name)
    return who if who is not None and who.speaker is not None else None


def _self_named(reader: Reader, named: re.Match[str]) -> Attribution | None:
    """The author a proclamation names in its own words ("I, JOSEPH R. BIDEN JR., President
    of the United States of America, ... do hereby proclaim")."""
    name = " ".join(w.capitalize() if w.isupper() else w for w in named.group("name").split())
    role = named.group("role").strip()  # "President of the United States of America"
    for candidate in (NAME_SUFFIX.sub("", name), name):  # the listed name first
        who = reader.resolve(f"{candidate}, {role}") or reader.resolve(candidate)
        if who is not None and who.speaker is not None:
            return who
    return None


def title_author(reader: Reader) -> Attribution | None:
    """The person or known body a statement's, a speech's or a briefing's title names as
    its author ("Press Briefing by Press Secretary Jen Psaki, September 1, 2021")."""
    match = STATEMENT_TITLE.match(" ".join(reader.article.title.split()))
    if match is None:
        return None
    who = reader.resolve(TITLE_DATE.sub("", match.group("author")))
    if who is None or not who.sources:
        return None
    known = who.sources[0].kind in ("government", "organisation", "outlet")
    return who if who.speaker is not None or known else None  # a person, or a known body


def _all_quoted(body: str, header_line: bool = False) -> bool:
    """Whether every paragraph opens with a quotation mark (remarks a release quotes whole,
    one open quotation per paragraph; after the header line that names the author and a
    dateline, "Mexico City, January 20, 2007 -- “Today, ..."), and the words inside say "I"
    or "we"."""
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()][1 if header_line else 0 :]
    paragraphs = [LEADING_DATELINE.sub("", p, count=1) for p in paragraphs]
    opened = bool(paragraphs) and all(p[:1] in '“"' for p in paragraphs)
    return opened and _says_i_or_we(body)


LEADING_DATELINE = re.compile(r"^[A-ZÀ-Þ][^“\"\n]{2,80}?\s(?:--|—|–)\s*(?=[“\"])")


def first_person_outside_quotes(body: str) -> bool:
    """Whether the text itself (not a quotation in it) says "I" or "we"."""
    return _says_i_or_we(QUOTED.sub(" ", body))


def _says_i_or_we(text: str) -> bool:
    return any(w == "I" or w.lower() in FIRST_PERSON for w in WORD.findall(text))


def heading_speaker(reader: Reader, heading: Span) -> Attribution | None:
    """The person a heading names as the speaker of the section under it: the heading is
    their name, perhaps after a title and before where they spoke; None otherwise."""
    found = people_in(heading, reader.knowledge)
    if not found:
        return None
    mention = found[0]  # names after it are where they spoke ("on Fox News Sunday"), if any
    before = heading.text[: mention.start - heading.start].split()
    after = heading.text[mention.start - heading.start + len(mention.name) :]
    if len(before) > HEADING_REACH or POSSESSIVE.search(mention.name):
        return None
    if any(w[:1].islower() and w not in CONNECTORS for w in before):
        return None  # "Reaction from Kyiv as Zelensky visits": a heading of its own
    if not _plainly_a_person(mention.name, before, reader):
        return None  # "North Korea: Two American Journalists Sentenced": a headline
    if not HEADING_TAIL.match(after.rstrip(" .:")):
        return None  # "Trump meets Putin in Helsinki": a verb after the name
    person = reader.context.register.named(mention.name)
    return reader.person(person) if person is not None else None


def _plainly_a_person(name: str, before: list[str], reader: Reader) -> bool:
    """A title before the name, a given name the data knows, or a person the data lists."""
    knowledge = reader.knowledge
    titled = any(w.strip(",.:") in knowledge.title_words for w in before)
    given = name.split()[0] in knowledge.name_gender
    return titled or given or knowledge.person(name) is not None
