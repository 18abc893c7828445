"""Parse the shapes of attribution in one sentence: who, how firmly, where the content is."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.extraction import attribution as attr
from app.extraction.context import Attribution
from app.extraction.dates import find_times
from app.extraction.knowledge import Knowledge
from app.extraction.model import Article, Speaker
from app.extraction.text import MISTURNED_CLOSE
from app.extraction.vocabulary import (
    ACTION_OBJECTS,
    AFTER_AUXILIARY,
    CHARACTERISING_CUES,
    CLAUSE_VERBS,
    ISSUED_WORDS,
    NUMBER_WORDS,
    QUOTED_AS,
    SPEECH_ONLY,
    SUBORDINATORS,
)

IMPERSONAL = re.compile(
    r"(?:^|\s)(?:it|this|that)\s+(?:is|was|has been|had been|is being)\s*$", re.IGNORECASE
)
PASSIVE = re.compile(
    rf"\b(?:is|are|was|were|be|been|being)(?:\s+(?:{AFTER_AUXILIARY}))*\s*$", re.IGNORECASE
)
DO_NOT = re.compile(r"\b(?:do|does|did)\s*(?:not|n't|n’t)\s*$", re.IGNORECASE)
# "authorities haven't yet confirmed that ...": the subject did not say it
NEGATIONS = ("n't", "n’t", "not", "never")
NEGATION_ADVERBS = {"yet", "publicly", "officially", "directly"}
NAMED_DAYS = ("Today", "Tonight")  # "USA Today", "Good Morning America Tonight": names
RELATIVE_END = re.compile(  # "WHO" in capitals is the World Health Organization
    r"\b(?:[Ww]hich|WHICH|[Ww]ho|[Ww]hom|WHOM|[Tt]hat|THAT)(?:\s+(?:he|she|it|they|we))?\s*$"
)


RELATIVE_WORDS = {"which", "who", "that", "whom"}
QUOTED_LEAD = re.compile(r"^\s*[\"“][^\"“”]+(?:[,?!—-]\s*[\"”]|[\"”],)\s+\w")
# after a relative clause's cue, the sentence's own verb: "... disclosed on April 22, forced"
# "..., which Iran has threatened since Dec. 23, will not be tolerated": after the relative
# clause, the sentence's own verb (a past form, or a modal or a form of "be" before another)
MAIN_VERB_AFTER = re.compile(
    r"^[^,;:\"“]{0,60},\s+(?:(?:has\s+|had\s+|have\s+)?[a-z]+ed\b"
    r"|(?:will|would|can|could|must|may|might|should|is|are|was|were)\s+(?:not\s+)?[a-z]+)"
)


@dataclass(frozen=True)
class Parsed:
    """An attribution found before its content: who, how firmly, and where the content is."""

    who: Attribution
    stance: str
    content_start: int
    said_text: str
    tail_start: int | None = None  # where a tail attribution begins (", a move that ...")
    tail_subject: str = ""  # the tail's subject, read again once the head is read ("it")


class SentenceParser:
    """Finds attributions before and after a sentence's content; `resolve` names the subject."""

    def __init__(
        self, article: Article, knowledge: Knowledge, resolve: Callable[[str], Attribution | None]
    ) -> None:
        self.article = article
        self.knowledge = knowledge
        self._resolve = resolve

    def parse_before(self, text: str) -> Parsed | None:
        times = find_times(text, self.article.published)
        comma = text.find(", ")
        has_time = comma > 0 and any(
            t.start <= 1 for t in times
        )  # "On Monday, ...", not "... in July,"
        lead = attr.lead_end(text, self.knowledge, has_time)
        if CONDITION.match(text) and comma > 0:
            lead = max(lead, comma + 2)  # "Should Burma continue to deny ..., we urge": no one
            # denies anything in a condition
        for cue in attr.candidate_cues(text, self.knowledge):
            if (
                cue.start() >= lead
                and not attr.in_noun_compound(text, cue, self.knowledge)
                and not quotation_open(text[: cue.start()])  # words inside a quotation
            ):
                parsed = self._parse_cue(text, cue, lead)
                if parsed:
                    return parsed
        return None

    def _parse_cue(self, text: str, cue: re.Match[str], lead: int) -> Parsed | None:
        knowledge = self.knowledge
        region = text[lead : cue.start()]
        split = attr.split_after_cue(text[cue.end() :])
        if split is None or IMPERSONAL.search(region) or not region.strip():
            return None
        if region.rstrip(" ,").endswith(('"', "”")) or QUOTED_LEAD.match(region):
            # '"...," said X', '"...," a rescue worker told reporters': the words before
            # the cue open with a quotation, read as a trailing attribution
            return None
        if attr.inverted_set_off(text, cue):
            return None  # "Recipients, said Maurer, are ...": set off, read as parenthetical
        believes = knowledge.cues[cue.group(0).lower()] == "believes"
        if _negated(region) and not (believes and DO_NOT.search(region)):
            # "Although authorities haven't yet confirmed that ...": not said; but "He does
            # not believe that ..." is his view
            return None
        progressive = cue.group(0).split()[0].lower().endswith("ing")  # "calling on"
        issued = (ISSUED_WORDS.search(region) or QUOTED_AS.search(region)) if progressive else None
        if issued:  # "the ministry released a statement saying ...": the ministry's words
            region = region[: issued.start()]
        elif progressive and not PASSIVE.search(region):
            return None  # "saying", "warning" are a cue after "is", "are", "were" only
        if PASSIVE.search(region) and not progressive:
            # "Russia is believed to have ...", "The parents are also accused of ...", "they
            # should be declared not guilty": the subject is what is said, not who says it
            return None
        between, offset, clause = split
        denial = knowledge.cues[cue.group(0).lower()] == "denied"
        acted = _act_on(cue.group(0), text[cue.end() + offset :], denial)
        if acted and (not clause or _object_then_clause(text[cue.end() + offset :])):
            return None  # "Lawmakers rejected the proposal", "conceded a penalty which ..."
        start = cue.end() + offset
        start += attr.link_end(text[start:], knowledge)
        if not re.search(r"(?:\bthat|:)\s*$", text[cue.end() : start]):
            start, between = self._time_first(text, start, between)
        if len(text[start if clause else lead :].split()) < 3:
            return None
        stance = knowledge.cues[cue.group(0).lower()]
        subject = attr.strip_adverbs(DO_NOT.sub("", region) if believes else region, knowledge)
        if subject.strip().lower() in ("one", "a", "an", "the"):
            return None  # "..., one suspect was arrested": a noun, not "one" who suspects
        if RELATIVE_END.search(subject):
            return None  # "Hungary, which had threatened to ...": the cue is in a relative clause
        if cue.group(0).lower() in NAMING_CUES and NAMED_OBJECT.search(region):
            return None  # "Mr. Samoud leads a list called ...": what the list is called
        joined = _second_clause(subject)  # "The broadcasts began ... and South Korea says"
        if joined and self._resolve(subject[joined.end() :]) is None:
            joined = None
        who = None if joined else self._resolve(without_times(subject, self.article))
        subordinate = SUBORDINATE_INSIDE.search(subject) if who is not None else None
        if subordinate and _finite_verb(subject[: subordinate.start()]):
            # "The reaction came after newspapers ... reported": the head's own verb comes
            # first; the cue is the subordinate clause's, said by a person it names ("Her
            # comments came after Mr. Weah said ...")
            who = self._resolve(without_times(subject[subordinate.end() :], self.article))
            if who is None or who.speaker is None:
                return None
        named = _one_name_then_pronoun(subject, who, text[cue.end() :]) if who else None
        if who is not None and named:
            # "Coffeewallah says that she has ...": a writer known by one name, a person
            who = replace(who, speaker=Speaker(named, None), personal=True)
        if who is not None:
            if not clause:  # "rejected any such role in January": the whole sentence says it
                # a time after a past cue is when it was said; after "expects", what is expected
                when = text[cue.end() :] if _past(cue.group(0)) else between
                return Parsed(who, stance, lead, f"{text[:lead]} {region} {when}")
            return Parsed(who, stance, start, f"{text[:lead]} {region} {between}")
        tail = joined or attr.tail_start(region, knowledge)
        if tail is None or _embedded_relative(tail, region, text[cue.end() :]):
            return None
        subject = without_times(attr.strip_adverbs(region[tail.end() :], knowledge), self.article)
        who = self._resolve(subject)
        if who is None:
            return None
        begin = lead + tail.start()
        return Parsed(
            who,
            stance,
            start if clause else begin,
            f"{region[tail.end() :]} {between}",
            begin,
            subject,
        )

    def _time_first(self, text: str, start: int, between: str) -> tuple[int, str]:
        """ "said last week he could not ...": a time right after the cue is when it was said."""
        for time in find_times(text[start:], self.article.published):
            if time.start == 0:
                return start + time.end, f"{between} {text[start : start + time.end]}"
        return start, between

    def post_reading(
        self, text: str, cue: re.Match[str]
    ) -> tuple[Attribution, tuple[int, str, str, int | None]] | None:
        """The first reading of a trailing attribution whose subject names somebody."""
        if AS_CUED.search(text[: cue.start()]):
            return None  # "..., as expected.": the content was expected, no one says it
        if ADJECTIVE_CUE.search(text[: cue.start()]) and ADJECTIVE_CUE_AFTER.match(
            text[cue.end() :]
        ):
            return None  # "the country with the highest confirmed number of deaths": a noun's word
        for reading in attr.post_subjects(text, cue, self.knowledge):
            subject = QUOTED_AS.sub("", reading[1])  # "..., Shoigu was quoted as saying."
            if PASSIVE.search(subject):
                continue  # "she was told to disconnect": what was said to her, not by her
            if SUBORDINATE_SUBJECT.match(subject.strip()):
                continue  # "..., especially after observers said the vote was ...": the cue's
                # content follows it, in a clause of its own
            subject = attr.strip_adverbs(subject, self.knowledge)  # "the company has said"
            subject = without_times(subject, self.article)
            own = OWN_SUBJECT.match(text) if subject.strip().lower() == "they" else None
            # "State prosecutors charged the suspect ..., they said": the clause's own subject
            who = (self._resolve(own.group("subject")) if own else None) or self._resolve(subject)
            if who is not None and len(text[: reading[0]].split()) >= 3:
                return who, reading
        return None


# "especially after international observers": a subordinate clause's subject, whose cue
# governs what follows it
SUBORDINATE_SUBJECT = re.compile(
    rf"^(?:(?:especially|particularly|even|just|only|shortly|soon|long|right|mainly|largely|partly)\s+)?"
    rf"(?:{'|'.join(sorted(SUBORDINATORS))})\s",
    re.IGNORECASE,
)
NAMING_CUES = frozenset({"called", "dubbed", "named", "termed"})
# "... leads an independent list": a verb's indefinite object, which the participle names
NAMED_OBJECT = re.compile(r"\b[a-z]+\s+(?:a|an)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*$")
CONDITION = re.compile(r"^(?:If|Unless|Should)\s")  # a leading condition: nothing said in it
AS_CUED = re.compile(r",\s+as\s+$")  # "..., as expected", "..., as predicted"
# "the highest confirmed number of deaths", "the most reported cases": a participle before a
# noun, after a superlative or an article
ADJECTIVE_CUE = re.compile(r"\b(?:the|a|an|most|least|[a-z]+est)\s+$")
ADJECTIVE_CUE_AFTER = re.compile(r"^\s+[a-z]+")
# A plural subject and its verb opening the content: "State prosecutors charged ...",
# "Investigators have found ..."
OWN_SUBJECT = re.compile(
    r"^(?P<subject>(?:[Tt]he\s+)?(?:[A-Z][\w-]*\s+)?(?:[a-z-]+\s+)?[a-z]+s)"
    r"\s+(?:(?:have|had)\s+)?[a-z]+ed\b"
)


def _embedded_relative(tail: re.Match[str], region: str, after: str) -> bool:
    """Whether a ", which ..." before the cue is a relative clause inside the sentence, not
    its tail: "The group, which monitors the line, said ..." (the group speaks), "The
    attack, which Crestview disclosed on April 22, forced ..." (what was disclosed is the
    attack, not what follows)."""
    if tail.group(0).strip(" ,").lower() not in RELATIVE_WORDS:
        return False
    if region.rstrip().endswith(","):
        return True  # the relative clause is set off and the cue is the main verb
    return MAIN_VERB_AFTER.match(after) is not None


def _negated(region: str) -> bool:
    """Whether the words before a cue end in a negation ("has not", "haven't yet")."""
    words = region.split()[-2:]
    if len(words) == 2 and words[1].lower() in NEGATION_ADVERBS:
        words = words[:1]
    return bool(words) and words[-1].lower().endswith(NEGATIONS)


JOINED = re.compile(r",?\s+(?:and|but)\s+(?=[A-ZÀ-Þ]|the\s)")
PLACE_THEN_AND = re.compile(r"\b(?:in|of|from|across)\s+(?:the\s+)?[A-ZÀ-Þ][\w'’-]*$")
PLACE_ONLY = re.compile(r"(?:the\s+)?[A-ZÀ-Þ][\w'’-]*")
SUBORDINATE_INSIDE = re.compile(r"\s(?:after|because|until|once)\s+(?=[A-Za-z])")
RELATIVE_INSIDE = re.compile(r",\s+(?:where|who|which|whose|when)\s")


def _second_clause(subject: str) -> re.Match[str] | None:
    """ "The broadcasts began on August 10 and South Korea": a clause of narration, then
    the subject of a second clause that has the cue."""
    for joined in reversed(list(JOINED.finditer(subject))):
        before, after = subject[: joined.start()], subject[joined.end() :]
        if RELATIVE_INSIDE.search(after):
            continue  # "... Taiz and Aden, where residents reported": the cue is the relative's
        if PLACE_THEN_AND.search(before) and PLACE_ONLY.fullmatch(after.strip()):
            continue  # "newspapers in Australia and Britain reported": two places, one subject
        if _finite_verb(before) and 0 < len(after.split()) <= 8 and not attr.is_clause(after):
            return joined
    return None


def _finite_verb(text: str) -> bool:
    """Whether words have a verb of their own ("The broadcasts began on August 10"), not
    only names ("The United Nations") or a participle set off ("X, joined in dissent by")."""
    words = text.split()
    if {"that", "which", "who"} & set(words):
        return False  # "a group ... that includes Russia, Iran and Kuwait": one subject
    for before, word in zip(words, words[1:], strict=False):
        if not word.islower() or before.endswith(",") or before.lower() == "by" or "-" in word:
            continue
        if word in CLAUSE_VERBS or (len(word) > 4 and word.endswith("ed")):
            return True
    return False


def _object_then_clause(content: str) -> bool:
    """ "a penalty which the referee awarded": an object that a relative clause goes on
    to describe, not a clause of its own ("the proposal was dead")."""
    words = [w.strip(",.").lower() for w in content.split()[:4]]
    heads = [i for i, w in enumerate(words[:3]) if w in ACTION_OBJECTS]
    following = words[heads[0] + 1] if heads and heads[0] + 1 < len(words) else ""
    return bool(heads) and following in ("which", "that", "who", "after", "for", "in", "on", "")


def _act_on(cue: str, content: str, denial: bool = False) -> bool:
    """Whether a cue's object is a proposal, a bill, a fine: something acted on ("rejected
    the proposal", "contested the fine"), unless the cue characterises it ("called the
    ruling a disgrace")."""
    if cue.lower() in CHARACTERISING_CUES or cue.lower() in SPEECH_ONLY:
        return False  # "say the measure offers ...": one says no measure, one says a clause
    words = [w.strip(",.").lower() for w in content.split()[:5]]
    counted = _counted(words)
    if "as" in words[1:] and not counted:
        return False  # "dismissed the election as a sham": what it is called, a claim
    if counted and denial:
        return True  # "dismissed four Ugandan batters", "rejected 12 applicants": people acted on
    return any(
        w in ACTION_OBJECTS and following not in ("to", "that", "at")  # "figures point to"
        for w, following in zip(words[:4], [*words[1:], ""], strict=False)
    )


# "that she has", "he would": a person's pronoun opens what the cue reports
PERSON_PRONOUN_OPENS = re.compile(r"^\s*(?:that\s+)?(?:he|she)\b")
ONE_NAME = re.compile(r"^\s*[A-ZÀ-Þ][\w'’-]+\s*$")


def _one_name_then_pronoun(subject: str, who: Attribution, content: str) -> str | None:
    """The unknown one-word name that is a person's: "X says that she ...", "X, in a post
    titled Y, says that she ..."; None otherwise."""
    name = subject.split(",")[0].strip()
    unknown = who.speaker is None and [(s.label, s.kind) for s in who.sources] == [
        (name, "unresolved")
    ]
    unknown = unknown and not name.isupper()  # "NPR reported he had ...": he is another
    person = unknown and ONE_NAME.match(name) and PERSON_PRONOUN_OPENS.match(content)
    return name if person else None


def _counted(words: list[str]) -> bool:
    """ "four batters", "12 applicants": people counted, acted on."""
    return bool(words) and (words[0].isdigit() or words[0] in NUMBER_WORDS)


def _past(cue: str) -> bool:
    return cue.lower().endswith(("ed", "said", "told", "wrote", "thought", "saw"))


def quotation_open(text: str) -> bool:
    """Whether a quotation opened in `text` is still open at its end (a "“" after a stop
    and before a space closes one: 'the decision.“ However')."""
    misturned = [m.start() for m in MISTURNED_CLOSE.finditer(text)] if "“" in text else []
    if text.count("“") - len(misturned) > text.count("”"):
        return True
    if text.count('"') % 2 == 0:
        return False
    return not any(at > text.rfind('"') for at in misturned)


def without_times(subject: str, article: Article) -> str:
    """ "Seoul on Friday" -> "Seoul": a time inside a subject is not part of the name."""
    for time in reversed(find_times(subject, article.published)):
        before = subject[: time.start].split()[-1:]
        if subject[time.start : time.end] in NAMED_DAYS and before and before[0][:1].isupper():
            continue  # "USA Today noted": a name that ends in "Today", no time
        subject = subject[: time.start] + subject[time.end :]
    return " ".join(subject.split())
