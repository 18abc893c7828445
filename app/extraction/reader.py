"""Read an article sentence by sentence into claim drafts, remembering who spoke."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from app.extraction import attribution as attr
from app.extraction.affiliation import person_attribution
from app.extraction.bodies import (
    described_bodies,
    named_bodies,
    named_body,
    portfolio,
    unresolved,
)
from app.extraction.claims import Draft
from app.extraction.context import Attribution, Context
from app.extraction.dates import find_times
from app.extraction.evidence import established
from app.extraction.knowledge import UNATTRIBUTED, Knowledge
from app.extraction.mentions import POSSESSIVE, find_mentions, find_name
from app.extraction.model import Article, DatePoint, SourceRef
from app.extraction.parsing import SentenceParser, quotation_open, without_times
from app.extraction.quotations import (
    Blocks,
    exhorts,
    first_person,
    heading,
    in_another_language,
    says_nothing,
)
from app.extraction.register import Person, a_persons_name
from app.extraction.rules import RULES
from app.extraction.signatures import Signatures, Signed
from app.extraction.speakers import ASKED_BY, resolve_subject
from app.extraction.text import Span, trim
from app.extraction.transcript import Turn, clip_speaker, post_writer, turn_speaker
from app.extraction.vocabulary import (
    DETERMINERS,
    LEAD_PREPOSITION,
    MEETING,
    NAME_PARTICLES,
    SENTENCE_OPENERS,
    STATEMENT_TITLE,
    VERBISH,
)

MIN_CLAIM_WORDS = 4
FOLLOWING_INTRO = re.compile(
    r"\b(?:issued|released|posted|uploaded|sent|made|gave|delivered)\s+the\s+following\b[^.!?]{0,120}:\s*$"
)
NARRATORS = {"signature", "transcript", "statement_author"}  # rules narration itself applies
FIRST_PERSON_REACH = 400  # characters: the person was named in the paragraph just before
# "I thought ...", "We waited ...", "My mother ...": a paragraph that opens in the first person
FIRST_PERSON_OPENING = re.compile(r"^(?:I|We|My|Our|I['’](?:m|ve|d|ll)|We['’](?:re|ve|d|ll))\b")
MARKET = re.compile(r"^(?:Shares|Stock|Stocks|Bonds|Shareholders)\s+(?:of|in)\s+")  # the company
# where a clause may bring its own attribution: ", but X said", "; X said", " while X wrote"
CLAUSE_BOUNDARY = re.compile(
    r",\s+(?:and|but|while|whereas|as|though|although)\s+|;\s+|\s+(?:while|whereas)\s+"
)
NOT_CLAIMS = re.compile(
    r"\b(?:could not (?:be )?(?:independently )?(?:verif|confirm)\w*|did not (?:immediately )?respond|"
    r"declined to comment|(?:was|were) not (?:immediately )?available for comment|"
    r"could not be reached|did not reply to|could (?:not )?be independently (?:verified|confirmed))\b",
    re.IGNORECASE,
)  # fmt: skip
# "X declined to comment, but said ...": the clause after the refusal still says something
BUT_SAYS = re.compile(r"[^.;]*?\bbut\s+(?:\w+\s+)?(?:said|says|added|noted|told)\b")


@lru_cache(maxsize=4096)  # a sentence read again costs nothing
def says_nothing_more(text: str) -> bool:
    """A sentence that only reports that someone would not or could not speak."""
    refusal = NOT_CLAIMS.search(text)
    return refusal is not None and BUT_SAYS.match(text, refusal.end()) is None


def _first_at(source: SourceRef, text: str) -> int:
    """Where a sentence first names a body (its order when several speak together)."""
    found = [text.find(name) for name in (source.label, *source.aliases)]
    return min((at for at in found if at >= 0), default=len(text))


SIGNATURE_WORDS = 6
# "Phuong Tran reports from VOA's regional bureau in Dakar.", "(Jim Garamone writes for the
# American Forces Press Service.)": the article's own reporter signing, not a source
PARTICLE = "|".join(sorted((p for p in NAME_PARTICLES if p.isalpha()), key=len, reverse=True))
SIGN_OFF = re.compile(  # "Gilbert da Costa reports for VOA that ...": a particle in the name
    rf"^\(?(?:From\s+[A-ZÀ-Þ][\w.'’ -]{{1,40}},\s+)?"  # "From Abuja, X reports for VOA."
    rf"(?P<name>[A-ZÀ-Þ][\w.'’-]+(?:\s+(?:(?:{PARTICLE})\s+)?[A-ZÀ-Þ][\w.'’-]+){{1,3}})\s+"
    r"(?:reports|writes|reported)\s+(?:from|for)\s+(?P<rest>.+?)\)?$"
)
# ", as Dorian Jones reports from Istanbul for VOA,": a correspondent's credit in an aside
AS_REPORTS = re.compile(
    r"(?:^|,\s+|\b[Bb]ut\s+)[Aa]s\s+(?:[A-ZÀ-Þ][\w.-]*['’]s\s+)?"
    r"(?P<name>[A-ZÀ-Þ][\w.'’-]+(?:\s+[A-ZÀ-Þ][\w.'’-]+){1,3})\s+reports\s+(?:from|for)\s+[^,]{2,80},\s*"
)
THAT_AFTER_PLACE = re.compile(r",?\s+that\s+(?=\S)")
SCENE = re.compile(
    r"^(?:(?:Meanwhile|But|And),?\s+)?[Ii]n\s+(?P<place>[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,3}),\s"
)


class Reader:
    """Turns sentences into claim drafts by the attribution rules (rules.py), in order;
    later sentences may amend or extend earlier ones."""

    def __init__(self, article: Article, knowledge: Knowledge) -> None:
        self.article = article
        self.knowledge = knowledge
        # the words of a body's name ("Court", "Bank"): "Supreme Court of the X" is no person of X
        self._body_words = knowledge.organisation_words | knowledge.government_words
        self.context = Context(body=article.body, published=article.published.isoformat())
        # the publisher's name as a whole word: its own reporting is the article's narration
        publisher = re.escape((article.publisher or "").lower())
        self._publisher_word = re.compile(rf"(?<!\w){publisher}(?!\w)")
        self.parser = SentenceParser(article, knowledge, self.resolve)
        self.drafts: list[Draft] = []
        self.paragraph = Span("", -1, -1)  # the paragraph being read
        self.new_paragraph = False  # whether the sentence being read opens it
        self.in_list = False  # list items that name no one count only if they are sentences
        self.blocks = Blocks()  # a quotation that goes on over paragraphs
        self.foreign = False  # whether the paragraph being read is in another language
        self.author: Attribution | None = None  # whose first-person statement the article is
        self.turn: Attribution | None = None  # who holds the floor in a transcript
        self.turn_precision = "day"  # when its words were said: "before" for an interview
        # the paragraphs a sound bite's turn still lasts: 1 when it ends with the paragraph
        # being read, 2 when it is the next one ("@kabaros [6]:" alone); 0 goes on
        self.clip_left = 0
        self.question = False  # whether the paragraph being read is a reporter's question
        self.section: Attribution | None = None  # who the heading above names as speaker
        # who a sentence ending in a colon introduced ("X says:"), for the quotation after it
        self.introduced: Attribution | None = None
        self.signatures = Signatures({}, frozenset(), {})  # quotations the page signs
        # whose words the paragraph being read is, when it speaks in the first person after
        # a paragraph about a person; and whether the paragraph before spoke so itself
        self.first_person: Attribution | None = None
        self.after_first_person = False
        self.writer_voice = False  # whether the writer has spoken in the first person

    def take_turn(self, turn: Turn | None) -> None:
        """A transcript's label opens a speaker's turn, which goes on over the paragraphs
        after it; a question ("Q ...") gives no claim and ends the turn."""
        self.question = turn is not None and turn.question
        if turn is None:
            return
        if turn.bracketed and turn.label and turn.label in self.article.title:
            self.question = False  # "((Gregory Kurtzer))" under "Gregory Kurtzer discusses ...":
            # the interviewee's answer, even one that ends in a question
        self.turn = turn_speaker(self, turn.label) if turn.label else None
        if turn.bracketed and self.turn is None:
            self.question = True  # "((WN))": the interviewer asks; no claim
        if turn.handle and turn.label:
            self.turn = post_writer(self, turn.label)
            self.clip_left = 0 if self.turn is None else 2 if turn.ahead else 1
        elif turn.clip and turn.label:
            self.turn = clip_speaker(self, turn.label)
            self.clip_left = 0 if self.turn is None else 1
        # an official transcript is of the day it is published; an interview's answers
        # and a radio script's sound bites were given before it was
        self.turn_precision = "before" if turn.bracketed or turn.clip or turn.handle else "day"

    def start_paragraph(self, paragraph: Span) -> None:
        """Before a paragraph: is it somebody's quoted words, and is it in English?"""
        self.blocks.enter(self, paragraph)
        self.foreign = in_another_language(paragraph.text)
        self.first_person = self._first_person_speaker(paragraph)
        self.after_first_person = first_person(paragraph.text)

    def _first_person_speaker(self, paragraph: Span) -> Attribution | None:
        """Whose words a paragraph in the first person, unquoted, is: the person the
        paragraph just before spoke as or told of ("Maria Lopez described the night.",
        then "We waited for hours ..."); None in an article the writer tells in the first
        person, or when nobody was named just before."""
        text = paragraph.text
        if self.author or self.turn or any(mark in text for mark in '"“”'):
            return None
        if self.writer_voice or self.after_first_person or not FIRST_PERSON_OPENING.match(text):
            return None
        last = self.drafts[-1] if self.drafts else None
        if last is None or paragraph.start - last.quote.end > FIRST_PERSON_REACH:
            person = None
        elif last.attributed:
            return last.attribution if last.attribution.speaker else None
        else:
            person = self.context.register.first_named(last.quote.start, last.quote.end)
        if person is None:
            self.writer_voice = True  # "I visited the festival ...": the writer tells it
            return None
        return self.person(person)

    def end_paragraph(self, paragraph: Span, sentences: list[Span]) -> None:
        """After a paragraph: does it introduce a quotation ("X writes:")?"""
        self.introduced = None
        self.blocks.leave(self, paragraph, sentences)
        if self.clip_left:  # a post's label line is read: the post after it is the turn
            self.clip_left -= 1
            if not self.clip_left:
                self.turn = None  # the script's own words go on after a sound bite
        last = self.drafts[-1] if self.drafts else None
        intro = self.blocks.intro and sentences and last and not last.attributed
        if intro and last and last.quote.start >= sentences[-1].start and says_nothing(last.quote):
            self.drafts.pop()  # "Jomra writes about García:" says nothing itself

    def person(self, person: Person) -> Attribution:
        """A registered person as the speaker of what follows."""
        return person_attribution(person, self.knowledge, self.context)

    def read(self, sentence: Span, paragraph: Span) -> None:
        """Turn one sentence into claim drafts."""
        opening = self._enter(sentence, paragraph)
        sign_off = self._sign_off(sentence)
        if sign_off is not None:
            if sign_off.text:  # "X reports from Nairobi that ...": the article's own words
                self.narration(sign_off)
        elif (aside := self._as_correspondent_reports(sentence.text)) is not None:
            if aside:  # "As X reports from Houston, officials say ...": the officials'
                self.read_clause(trim(sentence, aside))
            else:  # "..., as Dorian Jones reports from Istanbul, is ...": the article's own
                self.narration(sentence)
        elif self._hedged(sentence.text):
            self.narration(sentence, "reported")  # "Allegedly, ...": the article reports it
        elif not says_nothing_more(sentence.text) and not (self.foreign or self.question):
            self.read_clause(sentence)
        self._observe(sentence, opening[0])
        self.new_paragraph = False

    def _sign_off(self, sentence: Span) -> Span | None:
        """A reporter's sign-off: what it reports (after "that"), else an empty span; None
        when the sentence is none. A body that reports ("Reuters reports from Moscow that")
        is a source, read by the rules."""
        match = SIGN_OFF.match(sentence.text.rstrip(" ."))
        if match is None or self.knowledge.lookup(match.group("name")) is not None:
            return None
        words = match.group("name").split()
        outlet = self.knowledge.lookup(POSSESSIVE.sub("", words[0]))
        if POSSESSIVE.search(words[0]) and outlet and outlet.source.kind == "outlet":
            words = words[1:]  # "VOA's Brian Wagner reports from Miami."
        if set(words) & self._body_words:
            return None  # a body's name: "Border Patrol reports from the scene"
        if words[0] == "As" or any(POSSESSIVE.search(word) for word in words):
            return None  # "As VOA's Greg Flakus reports from Houston, ...": read as prose
        that = THAT_AFTER_PLACE.search(sentence.text, match.start("rest"))
        return trim(sentence, that.end()) if that else Span("", sentence.end, sentence.end)

    def _as_correspondent_reports(self, text: str) -> int | None:
        """Where the words after a correspondent's credit start, when a sentence opens with
        it and goes on to its own attribution ("As Greg Flakus reports from Houston,
        officials say ..."); 0 when the sentence is the article's own reporting, credited
        in an aside ("This latest clash, as Dorian Jones reports from Istanbul for VOA, is
        ..."); None when there is no such credit."""
        aside = AS_REPORTS.search(text) if " reports " in text else None
        if aside is None or self.knowledge.lookup(aside.group("name")) is not None:
            return None  # "as Reuters reports from Moscow": an agency, a source
        rest = text[: aside.start()] + text[aside.end() :]
        if not attr.candidate_cues(rest, self.knowledge):
            return 0
        return aside.end() if aside.start() == 0 else None

    def _enter(self, sentence: Span, paragraph: Span) -> tuple[SourceRef | None, str]:
        """Move the article's memory to a sentence; the body it opens with."""
        self.new_paragraph = paragraph.start != self.paragraph.start
        self.paragraph = paragraph
        if not sentence.text.startswith(('"', "“")):
            self.introduced = None  # an intro's quotation follows it at once
        opening = self._opening(sentence.text)
        self.context.current, self.context.current_words = opening
        self.context.in_sentence = self._bodies_in(sentence.text)
        self.context.scene = self._scene(sentence.text)
        self.context.previous, self.context.position = self.context.position, sentence.start
        return opening

    def _scene(self, text: str) -> SourceRef | None:
        """The state a sentence's lead places it in: "In Syria, the health ministry said"."""
        lead = SCENE.match(text)
        named = self.knowledge.lookup(lead.group("place")) if lead else None
        return named.source if named and named.source.kind == "government" else None

    def read_signed(self, paragraph: Span, signed: Signed) -> None:
        """A quotation the page signs ("... - Matthew Ingram"): the signer's claims, or
        none when it is a pull quote that repeats the body (signatures.py)."""
        self.blocks.close()
        if signed.repeated:
            return  # display: the body's own sentences carry the claims
        who: Attribution | None = None
        for sentence in signed.sentences:
            opening = self._enter(sentence, paragraph)
            who = who or self.resolve(signed.signer)
            if who is None or not established(who, self.context, self.knowledge):
                self.read_clause(sentence)  # a signer the text does not place: read as prose
            elif len(sentence.text.split()) >= MIN_CLAIM_WORDS:
                self.add(sentence, sentence, who, "asserted", "", "signature")
            self._observe(sentence, opening[0])

    def read_clause(self, clause: Span) -> None:
        """Try the rules on a sentence or a clause of it; narration if none reads it."""
        if not any(rule.read(self, clause) for rule in RULES):
            self.narration(clause)

    def _observe(self, sentence: Span, opening: SourceRef | None) -> None:
        """Remember the bodies a sentence named, for "It said", "the group" and home country."""
        bodies = self.context.in_sentence
        self.context.saw(bodies + ([opening] if opening and opening not in bodies else []), opening)
        if MEETING.search(sentence.text):  # a meeting, a call: whom "participants" mean next
            described = [
                p
                for p in self.context.register.named_in(sentence.start, sentence.end)
                if any(not role.isdigit() for role in p.roles)  # not "John Smith, 42"
            ]
            if len(described) >= 2:
                states = [b for b in bodies if b.kind == "government"]
                self.context.gathering = (described, states)

    def _bodies_in(self, text: str) -> list[SourceRef]:
        """The bodies a sentence names: known ones, named ones ("Panama Canal Authority"),
        described ones ("budget airline Halvorsen Air")."""
        mentions = find_mentions(text, self.knowledge)
        register = self.context.register
        found = [
            (m.start, m.named.source)
            for m in mentions
            if m.named.proper
            and not (m.named.source.kind == "government" and a_persons_name(m.text, register))
        ]
        named = named_bodies(text, self.knowledge) + described_bodies(text, self.knowledge)
        found += [(_first_at(source, text), source) for source in named]
        found.sort(key=lambda item: item[0])  # the order the sentence names them in
        return [source for _, source in found]

    def _opening(self, text: str) -> tuple[SourceRef | None, str]:
        """The body a sentence opens with: "Israel's military has ...", "The Directorate
        General of Health Services (DGHS) recorded ...", "Press freedom groups welcomed ..."."""
        chunks = text.split(", ")
        words = chunks[0].split()  # "Its chair, Justice Grace Mhango, told": not a body
        for i, word in enumerate(words[:9]):
            bare = word.strip(",.;:").lower()
            verbish = bare in VERBISH or bare in self.knowledge.cues or bare.endswith("ed")
            if i and word[:1].islower() and verbish:
                return self._opening_body(" ".join(words[:i]).strip(","))
        named = words and words[0][:1].isupper() and not DETERMINERS.match(chunks[0])
        # "Yesterday, ...", "On Monday, ...", "In Lagos, ...": a lead, not a body
        lead = words and (words[0] in SENTENCE_OPENERS or LEAD_PREPOSITION.match(chunks[0]))
        if len(chunks) > 1 and named and not lead and len(words) <= 6:
            return self._opening_body(chunks[0])  # "Kanazawa Precision, a Tokyo-based maker"
        relative = len(chunks) > 1 and chunks[1].startswith(("which ", "who "))
        if relative and not lead and len(words) <= 8 and any(w[:1].isupper() for w in words[1:]):
            return self._opening_body(chunks[0])  # "The U.S. Chamber of Commerce, which led"
        return None, ""

    def opening_speaker(self, head: str) -> Attribution | None:
        """The person a clause opens with, before its first verb ("Prime Minister Kishida
        welcomed the cooperation", "He also joined the call"): who goes on to speak after
        "and said"."""
        who = self.opening_subject(head, reach=7)
        return who if who is not None and who.speaker is not None else None

    def opening_subject(self, head: str, reach: int = 8) -> Attribution | None:
        """Who a clause opens with, before its first verb: a person or a body the text
        names ("the Department of Defense justified the strike ...")."""
        words = head.split()
        for i, word in enumerate(words[:reach]):
            bare = word.strip(",.;:").lower()
            verbish = bare in VERBISH or bare in self.knowledge.cues or bare.endswith("ed")
            if i and word[:1].islower() and verbish:
                subject = attr.strip_adverbs(" ".join(words[:i]), self.knowledge)
                subject = without_times(subject, self.article)  # "The court on Friday"
                who = self.resolve(subject) if "," not in subject else None
                return who if who is not None and who.sources != (UNATTRIBUTED,) else None
        return None

    def _opening_body(self, phrase: str) -> tuple[SourceRef | None, str]:
        phrase = MARKET.sub("", phrase)  # "Shares of Kanazawa Precision fell"
        phrase = without_times(phrase, self.article)  # "Toyota Motor Corp. on Thursday reported"
        name = find_name(phrase, self.knowledge)
        register = self.context.register
        person = register.named(phrase) or (register.named(name.name) if name else None)
        known = name is not None and self.knowledge.person(name.name) is not None
        named = name is not None and register.named(name.name) is not None
        if POSSESSIVE.search(phrase) or known or (person and (person.roles or person.gender)):
            return None, ""  # "Tiago Meireles's proposed move", "Kisumu Governor X": a person
        if named and " and " in phrase:
            return None, ""  # "Laura Ling and Euna Lee": people
        return named_body(phrase, self.knowledge) or unresolved(phrase, self.knowledge), phrase

    def clause_end(self, sentence: Span, start: int) -> int:
        """Where the content ends: at a clause that brings its own attribution, else the end."""
        for boundary in CLAUSE_BOUNDARY.finditer(sentence.text, start):
            if quotation_open(sentence.text[: boundary.start()]):
                continue  # the quoted words run on: one speaker's
            rest = sentence.text[boundary.end() :]
            if self.parser.parse_before(rest) or attr.find_according(rest, self.knowledge):
                return boundary.start()
        return len(sentence.text)

    def _hedged(self, text: str) -> bool:
        """Whether a sentence opens with a hedge ("Allegedly, his sister pleaded ...")."""
        first, comma, _ = text[:20].partition(", ")
        return bool(comma) and first.lower() in self.knowledge.cue_lists["hedges"]

    def narration(self, content: Span, stance: str = "asserted") -> None:
        """The article's own words: a claim filed under "Unattributed"."""
        if len(content.text.split()) < MIN_CLAIM_WORDS or content.text.rstrip().endswith("?"):
            return
        if exhorts(content.text, self.knowledge):
            return  # "May God protect our troops": a prayer, no claim
        if FOLLOWING_INTRO.search(content.text):
            return  # "X issued the following statement about ...:": it introduces, says nothing
        if content.text.isupper() and len(content.text.split()) <= SIGNATURE_WORDS:
            return  # "JOSEPH R. BIDEN JR.": a signature in capitals says nothing
        if self.in_list and not attr.is_clause(content.text):
            return  # "- a ban on imports of primary aluminium": an item, not an assertion
        said = DatePoint(self.article.published.isoformat(), "day")
        signer = self.signatures.signer_of(content.text)
        who = self.resolve(signer) if signer else None
        if who is not None:  # the words a signed pull quote repeats are the signer's
            self.add(content, content, who, "asserted", "", "signature")
            return
        if self.turn is not None:  # a transcript's turn is its speaker's
            dated = replace(self.turn, said_on=replace(said, precision=self.turn_precision))
            self.add(content, content, dated, "asserted", "", "transcript")
            return
        if self.author is not None and STATEMENT_TITLE.match(" ".join(content.text.split())):
            return  # "Statement by R.J. Simonds, MD; ...": the statement's own heading line
        if self._signs(content.text):
            return  # "Tom Frieden, M.D., M.P.H.": the statement's signature
        if self.author is not None:  # a statement's sentences are all its author's
            author = replace(self.author, said_on=said)
            self.add(content, content, author, "asserted", "", "statement_author")
            return
        if not any(mark in content.text for mark in '"“”') and first_person(content.text):
            self.writer_voice = True  # "On Saturday I visited ...": the writer speaks as "I"
        self._unattributed(content, stance)

    def _signs(self, text: str) -> bool:
        """Whether a short line is the statement author's signature: their name, perhaps
        with degrees after it."""
        speaker = self.author.speaker if self.author is not None else None
        words = text.split()
        return (
            speaker is not None and len(words) <= SIGNATURE_WORDS and text.startswith(speaker.name)
        )

    def _unattributed(self, content: Span, stance: str) -> None:
        if len(content.text.split()) < MIN_CLAIM_WORDS or heading(content.text):
            return  # a fragment, or a section's heading ("Assistance to Disaster Survivors:")
        said = DatePoint(self.article.published.isoformat(), "day")
        who = Attribution((UNATTRIBUTED,), None, said)
        self.drafts.append(Draft(content, content, who, stance, attributed=False))

    def add(
        self, quote: Span, content: Span, who: Attribution, stance: str, said_text: str,
        rule: str, tail_quote: Span | None = None, assertion: str | None = None,
    ) -> None:  # fmt: skip
        """An attributed claim, read by the named rule; the article's narration when the
        text does not establish its source (evidence.py)."""
        if not established(who, self.context, self.knowledge) or self.own_voice(who):
            if rule in NARRATORS:  # the narration's own speaker did not hold: plain narration
                self._unattributed(tail_quote or quote, stance)
            else:  # a statement's own words stay its author's
                self.narration(tail_quote or quote, stance)
            return
        who = self.dated(who, said_text)
        self.context.remember(who)
        draft = Draft(
            tail_quote or quote, content, who, stance, True, assertion=assertion, rule=rule
        )
        self.drafts.append(draft)

    def own_voice(self, who: Attribution) -> bool:
        """Whether the source is the outlet that published the article ("Wikinews
        observed ..."): its reporting is the article's own narration."""
        publisher = (self.article.publisher or "").lower()
        if not publisher or any(s.kind == "government" for s in who.sources):
            return False  # "The White House" publishes the state's own words
        # "many people the Daily Ledger observed"; not "ICE" inside "field office director",
        # nor "FBI Director Christopher Wray said": a person, not the reporting
        # "Residents interviewed by a journalist working for VOA said": the residents speak
        subject = ASKED_BY.sub("", who.subject).lower()
        named = who.speaker is None and self._publisher_word.search(subject) is not None
        return named or any(
            publisher in (s.label.lower(), *map(str.lower, s.aliases)) for s in who.sources
        )

    def resolve(self, subject: str) -> Attribution | None:
        """The sources and speaker an attribution's subject names, if it names any."""
        who = resolve_subject(subject, self.knowledge, self.context)
        if who is None:
            return None
        words = {w.strip(",.").lower() for w in subject.split()}
        personal = who.personal or bool(words & self.knowledge.person_nouns)
        sources = tuple(dict.fromkeys(self._whole(source) for source in who.sources))
        return replace(who, sources=sources, subject=subject, personal=personal)

    def _whole(self, source: SourceRef) -> SourceRef:
        """An unknown body as the article first named it ("Halvorsen" is "Halvorsen Air"); an
        unknown state body ("Ministry of Economy") is the story's state."""
        if source.kind != "unresolved":
            return source
        full = self.context.acronyms.get(source.label)
        if full:  # "TNC" after "The Nature Conservancy (TNC)"
            return named_body(full, self.knowledge) or unresolved(full, self.knowledge) or source
        words = source.label.split()
        if portfolio(words) and not find_mentions(source.label, self.knowledge):
            whole = self.context.full_name(source, self._body_words)
            if whole != source:
                return whole  # "the Department" after "the California Department of ..."
            home = self.context.home_country()
            if home:
                return home
        if self.context.register.named(source.label):
            return source  # a person's name is theirs alone
        return self.context.full_name(source, self._body_words)

    def dated(self, who: Attribution, said_text: str) -> Attribution:
        """Said-on from the attribution's own words, else the speaker's, else before publication."""
        times = find_times(said_text, self.article.published)
        if times:
            return replace(who, said_on=times[0].point)
        earlier = self.context.said_on_of(who)
        return replace(
            who, said_on=earlier or DatePoint(self.article.published.isoformat(), "before")
        )
