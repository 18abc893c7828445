"""Quotation paragraphs: text that is somebody's words without a cue of its own.

Round-ups and wire copy quote in three shapes that sentence rules cannot see:
  block    "Camerini, from blog Transbrasil, states:" and then the blogger's paragraphs,
           often the original language first and a translation after;
  post     "Poland's foreign ministry posted on X:" and then the post, or a paragraph
           marked as a quotation ("> ...") after the sentence that introduced it;
  colon    "Secretary of the Air Force James Roche: "No, Sir, ..."": a transcript, an
           e-mail exchange, an interview.
`Blocks` keeps who is being quoted while the reader goes paragraph by paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from app.extraction.attribution import is_clause, lead_end
from app.extraction.bodies import labelled
from app.extraction.context import Attribution
from app.extraction.model import Speaker
from app.extraction.text import Span
from app.extraction.trie import trie_pattern
from app.extraction.vocabulary import (
    CONNECTORS,
    ENGLISH_FUNCTION_WORDS,
    FIRST_PERSON,
    FOREIGN_FUNCTION_WORDS,
    HANDLE,
    HONORIFIC_GENDER,
    INTRO_VERBS,
    ISSUED_VERB_WORDS,
    NAME_PARTICLES,
    PLAIN_ENGLISH,
    PREPOSITIONS,
    PRONOUN_GENDER,
    SUBORDINATORS,
)

if TYPE_CHECKING:
    from app.extraction.knowledge import Knowledge
    from app.extraction.reader import Reader

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
INTRO_VERB = re.compile(rf"\b(?:{INTRO_VERBS})\b", re.IGNORECASE)
# "Secretary James Roche: "No, Sir, ..."", or in a transcript "Governor Paul Mbala: The road"
SPEAKER_COLON = re.compile(
    r"^(?:(?P<who>[^:\"“”]{3,160}?):\s*(?=[\"“])|(?P<named>[A-ZÀ-Þ][^:\"“”,]{2,60}?):\s+(?=[A-ZÀ-Þ]))"
)
# "I", "I'm", "we", "We", "my", "ours": a first-person word in lower case or opening a
# sentence ("US" is the United States)
FIRST_PERSON_WORD = re.compile(
    r"(?<![\w'’])(?:"
    + trie_pattern({"I"} | {c + w[1:] for w in FIRST_PERSON for c in (w[0], w[0].upper())})
    + r")(?![\w'’])"
)
RELATIVE_CLAUSE = re.compile(r"\b(?:who|whose)\b[^,]*")  # about the subject, not its verb
TRANSLATION_SHARE = 0.9  # a translation is about as long as the original
SHORT = 4  # words: a paragraph this short is an exclamation, not a passage to count
INTRO_WORDS = 14  # a paragraph ending in ":" this short introduces a quotation


@dataclass
class Blocks:
    """Who is quoted in the paragraph being read, if a quotation block is open."""

    speaker: Attribution | None = None  # whose block is open
    intro: Attribution | None = None  # set by a paragraph ending in ":", for the next one
    loose: bool = False  # whether the intro had no colon ("ZDistrict summed up his feelings.")
    inside: bool = False  # whether the paragraph being read belongs to the block
    prefix: int = 0  # where a colon-led quotation starts in the paragraph ("Name: "...")
    foreign: list[int] = field(default_factory=list)  # lengths of quoted paragraphs not in English
    english: list[int] = field(default_factory=list)  # lengths of those in English
    previous: tuple[Span, Span] | None = None  # the last paragraph read outside a block

    def enter(self, reader: Reader, paragraph: Span) -> None:
        """Decide, before a paragraph is read, whether it is quoted and whose it is."""
        self.prefix = 0
        colon = _speaker_colon(reader, paragraph)
        if colon:
            self.speaker, self.prefix, self.inside = colon[0], colon[1], True
            self.foreign, self.english = [], []
            return
        quoted = _marked_quotation(reader, paragraph) or excerpt(paragraph.text)
        if self.intro and self.loose and not _voiced(paragraph.text):
            # "Residents also reported their homes shaking.", then "According to the USGS,
            # damage could be ...": an intro without a colon introduces only quoted or
            # first-person words, not a paragraph of narration
            self.intro = None
        if self.intro or (quoted and self.speaker is None and _last_speaker(reader)):
            self.speaker = self.intro or _last_speaker(reader)
            self.intro, self.foreign, self.english = None, [], []
        elif self.speaker is None and self.previous and in_another_language(paragraph.text):
            # a post in another language right after the paragraph that named its author
            self.speaker, self.foreign, self.english = self._named_before(reader), [], []
        if self.speaker is None:
            self.inside = False
            return  # most paragraphs quote nobody: nothing more to weigh
        words = WORD.findall(paragraph.text)
        short = len(words) <= INTRO_WORDS
        # "Commenter Another Me states:", "... it's worth looking at a post CXW wrote in 2006.
        # Sadly, I can't see any change since this has been written:": the writer's own
        # words introducing a new block, not the last block going on
        ends = paragraph.text.rstrip().endswith(":")
        intro = ends and (short or INTRO_VERB.search(paragraph.text) is not None)
        self.inside = self.speaker is not None and not intro and self._continues(paragraph.text)
        if not self.inside:
            self.speaker = None
            return
        if len(words) >= SHORT:
            (self.foreign if foreign_language(words) else self.english).append(len(paragraph.text))

    def _named_before(self, reader: Reader) -> Attribution | None:
        paragraph, sentence = self.previous or (None, None)
        return _introduced(reader, paragraph, sentence) if paragraph and sentence else None

    def _continues(self, text: str) -> bool:
        if len(WORD.findall(text)) < SHORT:
            return True  # "Gente, que absurdo!": too short to tell or to count
        if foreign_language(WORD.findall(text)):
            return not self.english  # the original comes before its translation
        if self.foreign:  # the translation: about as long as the original
            return len(self.english) < len(self.foreign) and sum(
                self.english
            ) < TRANSLATION_SHARE * sum(self.foreign)
        return not self.english or first_person(text) or excerpt(text)

    def leave(self, reader: Reader, paragraph: Span, sentences: list[Span]) -> None:
        """After a paragraph: if it ends with a colon, who it introduces."""
        if self.prefix:  # a colon-led quotation is one paragraph long
            self.speaker, self.inside = None, False
        if not sentences:
            return
        inside, self.previous = self.inside, None if self.inside else (paragraph, sentences[-1])
        # "ZDistrict summed up his feelings.": an intro, unless it is the quoted words' own
        self.loose = False
        if paragraph.text.rstrip().endswith(":"):
            self.intro = _introduced(reader, paragraph, sentences[-1])
        elif not inside and says_nothing(sentences[-1]):
            # without a colon, only the verb's own subject introduces anybody: "Image widely
            # shared on Twitter." under a name in a caption introduces no one
            self.intro = _introduced(reader, paragraph, sentences[-1], colon=False)
            self.loose = self.intro is not None

    def close(self) -> None:
        """A paragraph attributed by its own words ends the block."""
        self.speaker, self.inside, self.intro = None, False, None


QUOTE_OPENINGS = "\"“‘'"


def in_another_language(text: str) -> bool:
    """Whether a paragraph is not in English: claims are read from English only, so an
    original quoted before its translation gives none."""
    return not plainly_english(text) and foreign_language(WORD.findall(text))


def plainly_english(text: str) -> bool:
    """A quick look before counting words: "the", "and", "to" over and over are English."""
    common = sum(text.count(word) for word in PLAIN_ENGLISH)
    return common >= 2


def foreign_language(words: list[str]) -> bool:
    """Whether words are not English: more of another language's commonest words than of
    English's ("Os experts de plantão", "Uwielbiam latać samolotem")."""
    english = sum(1 for w in words if w.lower() in ENGLISH_FUNCTION_WORDS)
    foreign = sum(
        1
        for i, w in enumerate(words)
        if w.lower() in FOREIGN_FUNCTION_WORDS and not _inside_a_name(words, i)
    )
    return foreign >= 2 and foreign > english


def _inside_a_name(words: list[str], at: int) -> bool:
    """ "Luis de la Torre y Vega": small words between capitalised ones are part of a name."""
    before = next((w for w in reversed(words[:at]) if w.lower() not in FOREIGN_FUNCTION_WORDS), "")
    after = next((w for w in words[at + 1 :] if w.lower() not in FOREIGN_FUNCTION_WORDS), "")
    return words[at].islower() and before[:1].isupper() and after[:1].isupper()


def _voiced(text: str) -> bool:
    """Whether a paragraph reads as somebody's own words: quoted, cut from a longer text,
    or in the first person."""
    opening = text.lstrip()[:1]
    return opening in QUOTE_OPENINGS or excerpt(text) or first_person(text)


def excerpt(text: str) -> bool:
    """ "…[T]he skeptics would like ...": a paragraph that opens with an ellipsis is cut
    from somebody's longer text."""
    return text.lstrip().startswith(("…", "...", "[…]", "[...]"))


def first_person(text: str) -> bool:
    """Whether a paragraph speaks in the first person ("I think", "We are", but not "US")."""
    return FIRST_PERSON_WORD.search(text) is not None


def _speaker_colon(reader: Reader, paragraph: Span) -> tuple[Attribution, int] | None:
    """ "Secretary of the Air Force James Roche: "No, Sir, ...": a named speaker, a colon
    and a quotation."""
    if ":" not in paragraph.text[:170]:
        return None  # most paragraphs: no colon near the start
    bullet = BULLET.match(paragraph.text)  # "• Angela Merkel, CDU chair: "...""
    offset = bullet.end() if bullet else 0
    match = SPEAKER_COLON.match(paragraph.text[offset:])
    words = match.group("who") or match.group("named") if match else ""
    if not match or INTRO_VERB.search(words) or len(words.split()) > 8 and not match.group("who"):
        return None
    name = words.split(", ")[0]  # "Angela Merkel, CDU chair": a role may follow the name
    if name != words and len(words.split()) > LABEL_WORDS:
        name = words  # "Mayor X, a member of ..., spoke on MSNBC:": a sentence, no label
    if any(w[:1].islower() and not _links_a_name(w) for w in name.split()):
        return None  # "On the meeting between X and Y: "..."": a topic, not a speaker
    who = reader.resolve(words)
    if who is None or who.speaker is None:
        return None
    return who, offset + match.end()


LABEL_WORDS = 8  # a speaker's label with their role: "Angela Merkel, CDU chair"
BULLET = re.compile(r"^[•·▪◦*–-]\s+")  # a list's mark before a speaker's label


def _links_a_name(word: str) -> bool:
    """ "of", "the", "to", "von": the small words a title or a name may have."""
    return word in CONNECTORS or word in NAME_PARTICLES or word in PREPOSITIONS


def _marked_quotation(reader: Reader, paragraph: Span) -> bool:
    """A paragraph the page marked as a quotation ("> ..."), its mark blanked for reading."""
    line = reader.article.body.rfind("\n", 0, paragraph.start) + 1
    return reader.article.body[line : paragraph.start].strip().startswith(">")


def _last_speaker(reader: Reader) -> Attribution | None:
    last = reader.drafts[-1] if reader.drafts else None
    return last.attribution if last and last.attributed else None


def says_nothing(sentence: Span) -> bool:
    """ "Jomra writes about García:", "Commenter Another Me states:": an intro whose words
    after the verb are too few to say anything."""
    return _says_nothing(sentence.text)


@lru_cache(maxsize=4096)
def _says_nothing(text: str) -> bool:
    sentence = Span(text, 0, len(text))
    if any(mark in sentence.text for mark in '"“”') or sentence.text.count(" ") > 2 * INTRO_WORDS:
        return False  # '"...," he added.' said it all before the verb
    verbs = list(INTRO_VERB.finditer(sentence.text))
    if not verbs:
        return False
    before, after = sentence.text[: verbs[-1].start()], sentence.text[verbs[-1].end() :]
    # "The IDF said most were intercepted." says something in few words
    short = len(after.split()) <= 3 and len(before.split()) <= 14 and not is_clause(" " + after)
    subject = RELATIVE_CLAUSE.sub("", before)  # "a shopkeeper who lost his store, disagreed"
    return short and not is_clause(" " + subject)  # "At least 12 died, the ministry said."


def _handle(subjects: list[str], reader: Reader) -> Attribution | None:
    """A blogger known by a handle in lower case, the whole subject of an intro verb before
    a colon ("fulue highlighted the software's implications:"): the blogger, as a person."""
    word = subjects[0] if subjects else ""
    if not HANDLE.match(word) or word in ENGLISH_FUNCTION_WORDS or word in PRONOUN_GENDER:
        return None
    if reader.knowledge.lookup(word) is not None or word in reader.knowledge.source_nouns:
        return None  # "officials explained:", "police said:": a kind of person, read above
    name = word.lstrip("@")
    return Attribution((labelled(name),), Speaker(name, None), personal=True)


def _subjects(before: str) -> list[str]:
    """The words before an intro verb, then what follows each comma in them."""
    cuts = [0] + [m.end() for m in re.finditer(r",\s+", before)]
    found = [s for s in (before[cut:].strip(" ,") for cut in cuts) if s]
    # "Maung, who had come back to Myanmar wrote:": the relative clause's closing comma
    # left out, the name before it is the subject
    return [named for s in found for named in (RELATIVE_AFTER.sub("", s), s) if named]


ISSUED_BEFORE = re.compile(rf"\s+(?:{'|'.join(ISSUED_VERB_WORDS)})$")
# "According to EPA officials:" on a line of its own, before the block it introduces
ACCORDING_INTRO = re.compile(
    r"^(?:[Aa]ccording to|[Aa]s reported by|[Ii]n the words of)\s+(?P<subject>[^,:;]{2,80}):$"
)


def _a_person_by_one_name(who: Attribution, subject: str, before: str) -> bool:
    """Whether a name no one knows is a person's: "who" follows it."""
    unknown = who.speaker is None and all(s.kind == "unresolved" for s in who.sources)
    return unknown and (before.startswith(f"{subject}, who ") or f" {subject}, who " in before)


# ", who had come back to Myanmar": a relative clause after a name, to its end
RELATIVE_AFTER = re.compile(r",\s+(?:who|which)\s+[^,]*$")


# "... not lost on The Phoenix in a Gas House [9]:": a linked title, its link's number
# after it, closing an intro with no verb of its own
LINKED_TITLE_END = re.compile(
    r"\b(?:on|by|from|at|of)\s+(?P<name>(?:The\s+)?[A-ZÀ-Þ][\w'’-]*"
    r"(?:\s+(?:[A-ZÀ-Þ][\w'’-]*|in|of|a|an|the|on|and|with|for))*?\s+[A-ZÀ-Þ][\w'’-]*)"
    r"\s*\[\d{1,3}\]\s*:\s*$"
)


def _introduced(
    reader: Reader, paragraph: Span, sentence: Span, colon: bool = True
) -> Attribution | None:
    """Whom a paragraph ending in ":" introduces: the claim it just made ("She also
    criticizes the media ...:"), the subject of its intro verb ("Jomra writes about
    García:"), its last speaker, or a person it names."""
    last = reader.drafts[-1] if reader.drafts else None
    if last and last.attributed and last.quote.start >= paragraph.start:
        return last.attribution
    if heading(paragraph.text) and not _names_someone(reader, paragraph.text):
        return None  # "Providing Emergency Support:": a fact sheet's section, no speaker
    according = ACCORDING_INTRO.match(sentence.text.strip()) if colon else None
    if according:  # "According to EPA officials:": the block after is theirs
        who = reader.resolve(according.group("subject"))
        if who is not None and who.sources:
            return who
    # the last intro verb first; "ESWN translated some teacher's comments ...:" has its
    # subject before an earlier one
    text = sentence.text
    earlier = paragraph.text[: sentence.start - paragraph.start].rstrip()
    if not INTRO_VERB.search(text) and earlier.endswith(("!", "?")):
        # "The blog X writes a post titled ¡Y que viva 2010! (...):": a title's "!" ended
        # the sentence that has the verb; the paragraph up to the colon introduces
        text = paragraph.text[: sentence.end - paragraph.start]
    for verb in reversed(list(INTRO_VERB.finditer(text))):
        before = text[: verb.start()]
        before = before[lead_end(before, reader.knowledge, False) :].strip(" ,")
        before = ISSUED_BEFORE.sub("", before)  # "X issued the following statement:": X
        before = before.rpartition("; ")[2]  # "Cuba seems to have been spared; X writes:": X
        for subject in _subjects(before):  # "Not forgetting X, Polish blog Tierra Incognita,"
            who = reader.resolve(subject)
            if who is not None and _a_person_by_one_name(who, subject, before):
                # "Maung, who had come back to Myanmar wrote:": "who" says a person
                who = replace(who, speaker=Speaker(subject, None), personal=True)
            if (
                who is not None
                and who.sources
                and (who.speaker or who.personal or who.sources[0].kind != "group")
            ):
                return who  # a person (perhaps filed under their field, or unnamed), or a body
        handle = _handle(_subjects(before)[-1:], reader) if colon else None
        if handle is not None:
            return handle
    if not colon:
        return None
    linked = LINKED_TITLE_END.search(reader.article.body[sentence.start : sentence.end])
    if linked:  # "... is not lost on The Phoenix in a Gas House [9]:": the blog the link names
        name = linked.group("name")
        known = reader.knowledge.lookup(name)
        if known is None or known.source.kind != "government":
            return Attribution((known.source if known else labelled(name),))
    # a person the main clause names ("Commenter Another Me states:"), not one named in a
    # leading subordinate clause ("When Omar Bongo was admitted ..., a comment predicted:")
    main = sentence.start + _subordinate_end(sentence.text)
    # the one named last before the colon: "Trump had asked the court to intervene in a
    # New York City case [...]. Marrero rejected this argument:" introduces Marrero
    named = {
        at: p
        for p in reader.context.register.people
        for at in p.mentions
        if paragraph.start <= at < sentence.end and not sentence.start <= at < main
    }
    if named:
        return reader.person(named[max(named)])
    return None


def heading(text: str) -> bool:
    """ "Assistance to Disaster Survivors:": a short line ending in a colon, its words
    capitalised but for the small ones a title has, with no verb to introduce anybody."""
    if not text.rstrip().endswith(":"):
        return False  # most sentences: no colon at the end, nothing to split
    words = text.strip().rstrip(":").split()
    if not words or len(words) > INTRO_WORDS // 2:
        return False
    return all(w[:1].isupper() or _links_a_name(w) for w in words)


def _names_someone(reader: Reader, text: str) -> bool:
    """Whether a heading is somebody's name ("Jane Doe:", "Governor Okoro:", "NATO:"): a
    given name, an honorific or a title the data knows opens it, or it is a known body."""
    words = text.strip().rstrip(":").split()
    knowledge = reader.knowledge
    return (
        words[0] in knowledge.name_gender
        or words[0] in HONORIFIC_GENDER
        or words[0] in knowledge.title_words
        or knowledge.lookup(" ".join(words)) is not None
    )


def _subordinate_end(text: str) -> int:
    """Where a leading subordinate clause ("When X was admitted in May, ...") ends, or 0."""
    first = text.split(maxsplit=1)[0].lower() if text.strip() else ""
    if first not in SUBORDINATORS:
        return 0
    comma = text.find(", ")
    return comma + 2 if comma > 0 else 0


MORE_SENTENCES = re.compile(r"[.!?]\s+[\"“‘']?[A-ZÀ-Þ]")


# "Madam Secretary, thank you ...", "Oh, Mark, thank you.", "To that end, I want to thank
# ...": a form of address or a link before the greeting or the thanks
ADDRESSED = re.compile(
    r"^(?:(?:Oh|Well|And|So|To that end|Finally|Again),\s+)?"
    r"(?:(?:(?:Madam|Mister|Mr\.|Ms\.|Mrs\.|Dear|Ladies and gentlemen)(?:\s+[A-Z][\w.'’-]*){0,2}"
    r"|[A-Z][a-z]+),\s+)?(?=(?:[Tt]hank|I\s+(?:thank|want\s+to\s+thank|would\s+like)|[Ww]elcome))"
)


def exhorts(text: str, knowledge: Knowledge) -> bool:
    """Whether a sentence exhorts, prays or bids farewell instead of asserting ("Please
    take sensible precautions", "May God protect our troops", "Let us remember")."""
    lowered = ADDRESSED.sub("", text.lstrip(" \"“‘'"), count=1).lower()
    if MORE_SENTENCES.search(text.rstrip(" .!?\"”’'")):
        return False  # "“Let’s get on with it. That’s what Canadians want ...”": more is said
    return any(
        lowered.startswith(opening)
        and lowered[len(opening) : len(opening) + 1] in (" ", ",", ".", "!", "")
        for opening in knowledge.exhortations
    )
