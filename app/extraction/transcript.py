"""Transcripts: who holds the floor, from the speaker labels that open each turn.

Official transcripts of speeches, press briefings and interviews label each turn with
the speaker in capitals and a colon ("THE PRESIDENT: Good afternoon.", "MS. PSAKI: He
does.", "SECRETARY BLINKEN: ..."), and a reporter's question with "Q"; Wikinews
interviews put the speaker's name in double brackets ("((Gregory Kurtzer))") and the
interviewer's initials ("((WN))") before a question. The label is no
part of a claim; the turn's sentences are the speaker's until the next label, and a
question gives no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.extraction.bodies import labelled, named_body
from app.extraction.context import Attribution
from app.extraction.framing import title_author
from app.extraction.model import SourceRef, Speaker
from app.extraction.text import Span
from app.extraction.vocabulary import HONORIFIC_GENDER
from app.slugs import slugify

if TYPE_CHECKING:
    from app.extraction.reader import Reader

# "MS. PSAKI: ", "THE PRESIDENT: ", "PRIME MINISTER KISHIDA: ": capitals, then a colon
LABEL = re.compile(r"^(?P<label>(?:[A-ZÀ-Þ][A-ZÀ-Þ.'’-]*\s+){0,4}[A-ZÀ-Þ][A-ZÀ-Þ'’-]+):\s+")
# "Q Thanks, Jen. Does the President ...", "QUESTION: Sudan. ...", "Question: Comment on ..."
QUESTION = re.compile(r"^(?:Q|QUESTION|Question(?=:))(?::|\.)?\s+(?=\S)")
# "Answer: We have repeatedly urged ...": a taken question's answer, the text's own voice
ANSWER = re.compile(r"^(?:A|ANSWER|Answer):\s+(?=\S)")
# Wikinews interviews: "((Gregory Kurtzer)) CentOS was created ...", "((WN)) How has ..."
BRACKETED = re.compile(r"^\(\((?P<label>[A-ZÀ-Þ][^()]{1,60})\)\)\s*(?=\S)")
OFFICIALS = {"official", "officials"}
MIN_LABEL_LETTERS = 2  # "A:" in a list is no speaker; "JM:" may be initials
INITIALS = re.compile(r"^[A-ZÀ-Þ]{2,3}$")  # "JM": an interview's label for Jane Morrow
# a television script's label on a line of its own: "((NARRATOR))", "((Jane Doe, Farmer))"
LABEL_ALONE = re.compile(r"^\(\((?P<label>[^()]{1,80}(?:\([^()]{1,30}\)[^()]{0,20})?)\)\)\s*$")
IN_LANGUAGE = re.compile(r"\s*\(in [A-ZÀ-Þ][a-zà-ÿ]+\)")
PRODUCTION_CUE = re.compile(r"^[A-Z][A-Z /&-]*$")  # "NARRATOR", "INTRO", "NATS", "SOUNDBITE"
# "@ONLINEBAHRAIN [4]: ...", "asteris: “...”": a handle and a colon open a quoted post
POST_LABEL = re.compile(
    r"^(?P<label>@[A-Za-z0-9_]{2,30}|[a-z][a-z0-9_]{2,30})(?:\s+\[\d+\])?\s*:\s+(?=\S)"
)
POST_LABEL_ALONE = re.compile(
    r"^(?P<label>@[A-Za-z0-9_]{2,30})(?:\s*\[\d+\][a-z]?|\s+[a-z])?\s*:\s*$"
)  # "@X [4]t:", its number blanked
OPENING_MARKS = '"“'
CLOSING_MARKS = '"”'
MAX_NAME_WORDS = 3  # "FRED ALLEN:", "MARY ANNE SMITH:"


@dataclass(frozen=True)
class Turn:
    """What opens a paragraph of a transcript: a speaker's label, or a question."""

    label: str | None  # "MS. PSAKI"; None for a question
    question: bool = False
    bracketed: bool = False  # "((WN))": a label that names no one known is the interviewer's
    # a radio script's sound bite: 'NYE: "No one's ever built ..."', the label then one
    # quotation to the paragraph's end; the turn is that paragraph only, recorded before
    clip: bool = False
    handle: bool = False  # a post under its writer's handle: "@Aljazita:", "asteris:"
    ahead: bool = False  # a label on a line of its own: the turn is the next paragraph


def without_label(paragraph: Span) -> tuple[Span, Turn | None]:
    """The paragraph after a transcript's speaker label or question mark, and the turn."""
    question = QUESTION.match(paragraph.text)
    if question:
        start = paragraph.start + question.end()
        return Span(paragraph.text[question.end() :], start, paragraph.end), Turn(None, True)
    answer = ANSWER.match(paragraph.text)
    if answer:  # the answer is read as the text itself is: the label names no one
        start = paragraph.start + answer.end()
        return Span(paragraph.text[answer.end() :], start, paragraph.end), None
    alone = LABEL_ALONE.match(paragraph.text)
    if alone:  # "((Prajuk Kantiya, Farm Labor Manager (in Thai)))": whose sound bite follows
        label = IN_LANGUAGE.sub("", alone.group("label")).strip()  # "(in Thai)": how, not who
        empty = Span("", paragraph.end, paragraph.end)
        return empty, Turn(None if PRODUCTION_CUE.match(label) else label, bracketed=True)
    bracketed = BRACKETED.match(paragraph.text)
    if bracketed:
        start = paragraph.start + bracketed.end()
        rest = Span(paragraph.text[bracketed.end() :], start, paragraph.end)
        # "((Laura Hale)) Katie Hill, we know you've won ... What state are you from?": a
        # turn that ends in a question is the interviewer's, whoever the label names
        asks = rest.text.rstrip().endswith("?")
        return rest, Turn(bracketed.group("label").strip(), question=asks, bracketed=True)
    alone_post = POST_LABEL_ALONE.match(paragraph.text)
    if alone_post:  # "@kabaros [6]:" on its own line: the post is the paragraph after it
        empty = Span("", paragraph.end, paragraph.end)
        return empty, Turn(alone_post.group("label"), handle=True, ahead=True)
    post = POST_LABEL.match(paragraph.text)
    if post:  # "@Aljazita [7]: The riot police ...", "asteris: “#griots ...”": a post
        start = paragraph.start + post.end()
        rest = Span(paragraph.text[post.end() :], start, paragraph.end)
        return rest, Turn(post.group("label"), clip=True, handle=True)
    match = LABEL.match(paragraph.text)
    letters = sum(c.isalpha() for c in match.group("label")) if match else 0
    if not match or letters < MIN_LABEL_LETTERS:
        return paragraph, None
    start = paragraph.start + match.end()
    words = paragraph.text[match.end() :]
    turn = Turn(match.group("label"), clip=_one_quotation(words))
    return Span(words, start, paragraph.end), turn


def _one_quotation(text: str) -> bool:
    """Whether the words are one quotation that runs to their end (or is left open there):
    '"He was the guy that devised ...', not '"Our World" theme'."""
    text = text.strip()
    if text[:1] not in OPENING_MARKS:
        return False
    closing = [i for i, c in enumerate(text) if i and c in CLOSING_MARKS]
    return not closing or closing == [len(text) - 1]


def post_writer(reader: Reader, label: str) -> Attribution | None:
    """Who wrote a post under a handle: the body the text names with it ("a social
    networking group called Bahrain Online (@ONLINEBAHRAIN)"), else the handle's writer
    when the text introduces them ("A Bahraini girl (@Aljazita) wrote", "One Twitter user,
    “asteris” was sending updates")."""
    handle = label.lstrip("@")
    body = reader.article.body
    introduced = rf"(?<!\w)@?{re.escape(handle)}\b(?!\s*(?:\[\d+\]\s*)?:)"
    if not label.startswith("@") and not re.search(introduced, body):
        return None  # a word and a colon the text never introduced as anyone's handle
    named = re.search(
        rf"(?P<name>[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){{0,4}})\s+\(@{re.escape(handle)}\b",
        body,
    )
    if named and named.group("name").split()[0] not in ("A", "An", "The"):
        name = named.group("name")
        return Attribution((named_body(name, reader.knowledge) or labelled(name),))
    source = SourceRef(slugify(handle), handle, "unresolved", (handle,))  # as written
    return Attribution((source,), Speaker(handle, None), personal=True)


def clip_speaker(reader: Reader, label: str) -> Attribution | None:
    """Who a sound bite's label names: the person the text names so elsewhere ("NYE:" and
    "That's Bill Nye, vice president of the Planetary Society"; "KING:" and "its lead
    author, Dr. Dana King", not a king), else whom the label names as a transcript's would
    ("THE PRESIDENT:"), else the name itself ("LEWIS:" is Lewis)."""
    name = " ".join(word.capitalize() for word in label.split())
    person = reader.context.register.named(name)
    if person is not None:
        return reader.person(person)
    named = turn_speaker(reader, label)
    if named is not None:
        return named
    if not all(word.isalpha() for word in name.split()) or len(name.split()) > MAX_NAME_WORDS:
        return None
    if reader.knowledge.lookup(name) is not None:
        return None  # "WASHINGTON:", "NATO:": a place or a body, no voice
    return Attribution((labelled(name),), Speaker(name, None), personal=True)


def turn_speaker(reader: Reader, label: str) -> Attribution | None:
    """Who a label names: the author the title names when the label is their surname or
    title ("MS. PSAKI" under "Press Briefing by Press Secretary Jen Psaki", "THE PRESIDENT"
    under "Remarks by President Biden"), else the person or body the text knows by it."""
    if INITIALS.match(label):
        person = reader.context.register.by_initials(label)
        if person is not None:
            return reader.person(person)
    words = [word.capitalize() for word in label.split()]  # "MS. PSAKI" -> "Ms. Psaki"
    author = title_author(reader)
    if author is not None and author.speaker is not None:
        said_by = {w.lower() for w in author.speaker.name.split()}
        said_by |= {w.lower() for w in (author.speaker.role or "").split()}
        if words[-1].lower() in said_by:
            return author
    if words[-1].lower() in OFFICIALS:  # "SENIOR ADMINISTRATION OFFICIAL": officials, unnamed
        group = reader.resolve("a " + label.lower())
        if group is not None and all(s.kind in ("group", "government") for s in group.sources):
            return group  # the state they serve, else the words that name them
    who = reader.resolve(" ".join(words))
    unknown = who is None or all(s.kind == "unresolved" for s in who.sources)
    titled = words[0] in HONORIFIC_GENDER or words[0] in reader.knowledge.title_words
    if unknown and len(words) == 2 and titled:
        # "MR MILLER" in the department's own briefing, "AMBASSADOR BRZEZINSKI" in its
        # transcript of remarks
        return _named_only(reader, words[1])
    if who is None or not who.sources:
        return None
    office = all(w.lower() == "the" or w in reader.knowledge.title_words for w in words)
    # a person, or an office ("THE PRESIDENT"); never a body or a place ("NATO:", "UPDATE:")
    return who if who.speaker is not None or office else None


def _named_only(reader: Reader, surname: str) -> Attribution:
    """A speaker the transcript names only by an honorific and a surname: they speak for
    the body that publishes the transcript ("MR MILLER" in a State Department briefing),
    else for themselves."""
    publisher = reader.resolve(reader.article.publisher) if reader.article.publisher else None
    body = publisher.sources if publisher is not None and publisher.speaker is None else ()
    return Attribution(body or (labelled(surname),), Speaker(surname, None), personal=True)
