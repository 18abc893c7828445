"""Find how a sentence attributes what it says: the cue, the subject, and the content.

The shapes news uses, in the order they are tried:
  back      "This was stated on Friday by Shin Won-sik, head of ..." (the claim is before)
  according "According to Seoul, ..." / "..., according to Seoul."
  pre       "[Earlier,] Seoul [has] reported [in October] that ..." (also "... said: \"...\"")
  tail      "..., a move that some observers believe indicates that ..."
  post      "..., the minister said [on Monday]." / "\"...,\" said Peskov."
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.extraction.knowledge import Knowledge
from app.extraction.trie import trie_pattern
from app.extraction.vocabulary import (
    ASPECT_VERBS,
    AUXILIARIES,
    CLAUSE_VERBS,
    CONTINUING_VERBS,
    LEAD_PREPOSITION,
    NOUN_MARKERS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SUBORDINATORS,
)

WORD = re.compile(r"\S+")
_CONTINUING = rf",\s+(?:with\s+(?P<subject>[^,]{{2,80}}?)\s+)?(?P<verb>{CONTINUING_VERBS})\b"
CONTINUATION_THAT = re.compile(_CONTINUING + r"(?P<gap>(?:\s+[^\s,;:\"“]+){0,7}?)\s+that\s+")
CONTINUATION = re.compile(_CONTINUING + r"(?P<gap>)\s*:?\s+(?=[\"“A-Za-z])")
# "found that A, and that B": a second claim under the same cue
# (not "the norms that have brought peace ... and that have served as ...": a relative clause)
AND_THAT = re.compile(
    r",?\s+(?:and|but)\s+(?P<subject>)(?P<verb>)(?P<gap>)that\s+"
    rf"(?!(?:{trie_pattern(AUXILIARIES)})\b)(?=\S)"
)
QUOTES = "\"“”‘’'"
# after a cue set off by commas: nothing, or when or where it was said ("it said on
# Monday,", "she told reporters,"); not its object ("continued to shun treatment,")
SET_OFF_END = re.compile(
    r"(?P<when>(?:\s+(?:on|in|at|last|this|yesterday|today|earlier|later|late|during|after|"
    r"before|reporters|journalists|the|a|an|[A-Z])[^,]{0,40}?)?),\s+"
)
MANNER_ADVERB = re.compile(r"(?<=\S)\s+[a-z]{3,}ly$")  # "Jomra unequivocally criticizes"
# the words before a noun or an infinitive, never before a cue's verb
NOUN_MODIFIERS = {"media", "press", "news"}  # "media reports", in lower case only
# "to" and a verb after a cue ("continued to shun"), not "to reporters", "to the BBC"
INFINITIVE = re.compile(r"^to\s+(?!(?:the|a|an|his|her|their|its|reporters|journalists)\b)[a-z]+\b")
# where a name after an inverted cue ends: "said Bolden to the gathered crowd"
INVERTED_END = re.compile(r"\s+(?=(?:to|in|at|on|during|after|before|while|from|as|when)\s)")
INVERTED_SUBJECT = re.compile(r"^(?:the\s+[a-z]+|[A-ZÀ-Þ][\w.'’-]+(?:\s+[A-ZÀ-Þ][\w.'’-]+){0,3})$")
CLAUSE_MARK = re.compile(r"[:;]\s+")  # "Meta was more sceptical: a spokesman said ..."
# where the content starts after a cue: after "that" or a colon (a time may come between),
# at a quotation after a comma, or at once (not at "to": "promised to ..." reports no claim)
THAT_AFTER_CUE = re.compile(r"^((?:\s+[^\s,.;:\"“]+){0,7}?)\s+that\s+")
COLON_AFTER_CUE = re.compile(r"^((?:\s+[^\s,.;:\"“]+){0,7}?)\s*:\s*")
QUOTE_AFTER_CUE = re.compile(r"^(?:\s*,?\s*in part)?\s*,\s*(?=[\"“])")  # ", in part, "...""
# "promised to build" reports no claim; "explained to the press, "..."" does
ASIDE_AFTER_CUE = re.compile(r"^\s*,\s*(?P<aside>[^,;:\"“”]{3,80}),\s*(?=[\"“])")
# "says, although food is arriving, more is needed": an aside set off after the cue, then
# the clause it said (the aside is part of what was said)
# (not "Dollar admitted, and witnesses confirmed, that ...": a second subject and cue)
ASIDE_CLAUSE_AFTER_CUE = re.compile(
    r"^,\s+(?P<content>(?!(?:and|but|or)\b)[a-z][^,;:\"“”]{2,80},\s*)(?=[a-z])"
)
OBJECT_AFTER_CUE = re.compile(r"^\s+(?=\S)(?!to\s+(?!(?:the|a|an|reporters|journalists)\s))")
APPOSED_LAST = re.compile(r",\s+(?P<name>[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){1,3})\s*[.!]?$")
# where the agent after "by" ends at the latest: a comma, a clause or the sentence's end
PASSIVE_AGENT_END = re.compile(r"\s*[,;:.!?]|\s+that\s|\s+(?:on|at|after|via|during|when|while)\s")
RELATIVE_BEFORE_AUX = re.compile(r"\b(?:[Ww]ho|[Ww]hich|[Tt]hat)\s+(?:\w+ly\s+)?$")  # not "WHO"
NEXT_CLAUSE = re.compile(r",\s+(?:as|while|whereas|but|and|even as|though|although)\s+(?=\S)")


@dataclass(frozen=True)
class Finding:
    """One attribution in a sentence; offsets are relative to the sentence text."""

    kind: str
    subject: str
    stance: str
    content: tuple[int, int]
    said_text: str  # the words around the cue where a said-on time may be
    narration: tuple[int, int] | None = None  # the narration before a tail attribution
    shorter: str | None = None  # a shorter reading of the subject, tried after it


@dataclass(frozen=True)
class Patterns:
    cue: re.Pattern[str]
    back: re.Pattern[str]
    according_start: re.Pattern[str]
    according_bare: re.Pattern[str]  # "According to the Saudi Interior Ministry over 345 ..."
    according_end: re.Pattern[str]
    lead: re.Pattern[str]
    tail: re.Pattern[str]
    link: re.Pattern[str]
    opener: re.Pattern[str]
    adverbs: re.Pattern[str]
    and_cue: re.Pattern[str]
    aspectual: frozenset[str]  # "continued": a cue that before "to" and a verb is none
    according_words: tuple[str, ...]  # "according to", "citing": what according_end needs
    # "think tank", "declared a state of emergency": phrases that open with a cue word and
    # are no cue (a noun, or an act)
    not_cues: re.Pattern[str]
    # "... was hailed as fair by officials in Kyiv": a passive cue and who did the saying
    passive: re.Pattern[str]


@lru_cache(maxsize=4)
def patterns(knowledge: Knowledge) -> Patterns:
    """Regular expressions built once from the cue data."""
    lists = knowledge.cue_lists
    cue = trie_pattern(knowledge.cues)
    refs = _alternation(lists["back_reference_subjects"])
    according = _alternation(lists["according_to"])
    # "..., citing officials": only after what it attributes ("Citing X, Y said" is Y's)
    according_after = _alternation(lists["according_to"] + lists.get("according_to_after", []))
    aux = r"(?:was|were|is|are|has been|had been|have been)"
    return Patterns(
        cue=re.compile(rf"\b(?:{cue})\b", re.IGNORECASE),
        back=re.compile(
            rf"^(?:{refs})\s+{aux}\s+(?:\w+\s+){{0,2}}?(?P<cue>{cue})\b(?P<between>.{{0,80}}?)\bby\s+(?P<subject>.+?)[.!]?$",
            re.IGNORECASE,
        ),
        according_start=re.compile(rf"^(?:{according})\s+(?P<subject>[^,]{{2,120}}),\s*", re.IGNORECASE),
        # the name's capitals and the content's lower case are told apart whatever the
        # case of "According to"; "(USGS)" after the name is the name's
        according_bare=re.compile(
            rf"^(?:{according})\s+(?P<subject>(?:the\s+)?(?-i:[A-ZÀ-Þ])[\w.'’&-]*"
            rf"(?:\s+(?:of|for|and|the|on|(?-i:[A-ZÀ-Þ])[\w.'’&-]*))*?"
            rf"(?:\s+\((?-i:[A-ZÀ-Þ])[\w.&-]{{1,12}}\))?)"
            rf"(?:\s+(?=(?-i:[a-z0-9]))|:\s*(?=[\x22“]))",  # 'According to X: "..."' too
            re.IGNORECASE,
        ),
        according_end=re.compile(rf"(?:,\s*|\s*\(|(?<=\w)\s+|(?<=,[\x22”])\s+)(?:{according_after})\s+(?P<subject>[^,]{{2,120}}?(?:,[^,]{{2,80}}?)?)(?:,\s+(?:who|which)\s[^,\x22“”]{{2,160}})?\)?[.!]?[{QUOTES}]?$", re.IGNORECASE),
        lead=re.compile(rf"^(?:{_alternation(lists['leads'])})\b", re.IGNORECASE),
        tail=re.compile(rf",\s*(?:{_alternation(lists['tail_markers'])})\s+", re.IGNORECASE),
        link=re.compile(rf"^\s*(?:{_alternation(lists['content_links'])})\s+", re.IGNORECASE),
        opener=re.compile(rf"^\s*(?:{_alternation(lists['content_openers'])})\s+", re.IGNORECASE),
        adverbs=re.compile(rf"(?:\s+(?:{trie_pattern(lists['adverbs'])}))+$", re.IGNORECASE),
        and_cue=re.compile(
            rf",?\s+(?:and|but)\s+(?:also\s+|later\s+|then\s+)?(?P<subject>)(?![a-z]+ing\b)(?P<verb>{cue})\b"
            rf"(?P<gap>(?:(?:\s+[^\s,;:\"“]+){{0,7}}?\s+that)|)\s+",
            re.IGNORECASE,
        ),
        aspectual=frozenset(lists.get("aspectual_cues", ())),
        according_words=tuple(lists["according_to"] + lists.get("according_to_after", [])),
        not_cues=re.compile(rf"(?:{_alternation(lists['noun_compounds'] + lists['acts'])})\b", re.IGNORECASE),
        passive=re.compile(
            rf"\b{aux}\s+(?:\w+ly\s+)?(?P<cue>{_alternation(lists.get('passive_cues', ['said']))})"
            rf"(?:\s+as\s+[^,;]{{1,80}}?)?\s+by\s+(?P<subject>[^,;:\"“”()]{{2,120}}?)"
            rf"(?=\s*(?:[,;:.]|$)|\s+(?P<that>that)\s|\s+(?:on|in|at|after|via|during|when|while|following)\s)",
        ),
    )  # fmt: skip


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


THAT_IS_HOW = re.compile(
    r"^(?:That|This)(?:['’]s|\s+is|\s+was)\s+(?:how|what)\s+(?P<subject>[^,;]{2,80}?)\s+"
    r"(?:describes|described|puts|put|says|said|calls|called|sees|saw|characterizes|"
    r"characterized|characterises|characterised|sums\s+up|summed\s+up)\b"
)


def find_back_reference(text: str, knowledge: Knowledge) -> Finding | None:
    """ "This was stated ... by X": the sentence attributes the one before it."""
    match = patterns(knowledge).back.match(text)
    how = THAT_IS_HOW.match(text) if not match else None
    if how:  # "That is how Human Rights Watch describes the situation ...": the one before
        return Finding("back", how.group("subject"), "asserted", (0, 0), text)
    if not match:
        return None
    stance = knowledge.cues[match.group("cue").lower()]
    return Finding("back", match.group("subject"), stance, (0, 0), text)


def find_passive_agent(text: str, knowledge: Knowledge) -> Finding | None:
    """ "The result was hailed as fair by officials in Kyiv", "It has been reported by The
    Aviation Herald that ...": who did the saying follows "by"."""
    if text.rstrip().endswith(":"):
        return None  # "The dispatcher's words were reported by CNN as such:": an introduction
    # the main clause's, not a relative clause's ("Amman, who was described as ... by the
    # police, sent ...") nor an earlier clause's ("Unlike the results, which were criticized
    # by X, the re-run was hailed by Y")
    matches = [
        match
        for match in patterns(knowledge).passive.finditer(text)
        if not RELATIVE_BEFORE_AUX.search(text[: match.start()])
    ]
    if not matches:
        return None
    match = matches[-1]
    stance = knowledge.cues.get(match.group("cue").lower(), "asserted")
    start = match.end() + 1 + len("that") if match.group("that") else 0
    agent = text[match.start("subject") :]
    whole = PASSIVE_AGENT_END.split(agent, maxsplit=1)[0]
    named = APPOSED_LAST.match(agent, len(whole))
    if named:  # "by his son, Wolfgang Van Halen.": the person named
        whole = named.group("name")
    # the longest agent first ("officials in the United States"), then the shortest
    # ("the police" of "the police in a statement on Monday")
    shorter = match.group("subject") if match.group("subject") != whole else None
    return Finding("passive", whole, stance, (start, len(text)), text, shorter=shorter)


def find_according(text: str, knowledge: Knowledge) -> Finding | None:
    """ "According to X, ..." at either end of the sentence."""
    return find_according_start(text, knowledge) or find_according_end(text, knowledge)


@lru_cache(maxsize=4096)  # several readings ask of the same sentence
def find_according_start(text: str, knowledge: Knowledge) -> Finding | None:
    """ "According to X, ...", or with no comma when X is a name ("According to the Saudi
    Interior Ministry over 345 pilgrims ...")."""
    p = patterns(knowledge)
    bare = _according_bare(text, p.according_bare)
    comma = p.according_start.match(text)
    spelt_out = bare is not None and bare.group("subject").endswith(")")
    if comma and bare and spelt_out and len(bare.group("subject")) < len(comma.group("subject")):
        comma = None  # "According to the USGS (USGS) a magnitude 5.6 quake, lasting ...": the
        # name ends before the content, not at the comma the content holds
    start = (
        _according_group(text, knowledge)  # before a comma far on: "... sources Brazil and ..."
        or comma
        or bare
    )
    if not start:
        return None
    subject, end = start.group("subject"), start.end()
    named = APPOSED_NAME.match(text, end)
    if named and " " not in named.group("name") and subject.endswith("s"):
        named = None  # "According to official statements, Trump, now ...": no role of his
    if named and subject.split()[-1:] and subject.split()[-1].islower():
        # "According to Windsor Locks' first selectman, Chris Kervick, there were ...": the
        # role and the name set off after it
        subject, end = f"{subject}, {named.group('name')}", named.end()
    return Finding("according", subject, "reported", (end, len(text)), text[:end])


# a name set off by commas after a role, before content in lower case
APPOSED_NAME = re.compile(
    r"(?P<name>[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,3}),\s+(?!(?:who|a|an|the|aged?)\b)(?=[a-z])"
)


def _according_group(text: str, knowledge: Knowledge) -> re.Match[str] | None:
    """ "According to official sources Brazil and South Korea signed ...": a group named by
    its noun, with no comma before the content, which opens with a capital."""
    words = knowledge.cue_lists["according_to"]
    if not text[:24].lower().startswith(tuple(words)):
        return None  # most sentences: no "according to" at all
    match = ACCORDING_GROUP.match(text)
    if match is None or match.group("according").lower() not in words:
        return None
    noun = match.group("subject").split()[-1].lower()
    return match if noun in knowledge.source_nouns else None


ACCORDING_GROUP = re.compile(
    r"^(?P<according>\w+(?:\s+\w+){0,3}?\s+(?:to|by|of))\s+"
    r"(?P<subject>(?:(?:the|some|several)\s+)?(?:[a-z-]+\s+){0,2}[a-z]+s)\s+(?=[A-ZÀ-Þ])"
)


def _according_bare(text: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """A name right after "According to" and the content in lower case after it."""
    match = pattern.match(text)
    if (
        match is None
        or not match.group("subject")[:1].isupper()
        and not match.group("subject").lower().startswith("the ")
    ):
        return None
    name = match.group("subject").split()
    if not name[-1].lstrip("(")[:1].isupper() or len(text[match.end() :].split()) < 4:
        return None  # "According to the latest figures": no name
    return match


@lru_cache(maxsize=4096)  # several readings ask of the same sentence
def find_according_end(text: str, knowledge: Knowledge) -> Finding | None:
    p = patterns(knowledge)
    lower = text.lower()
    if not any(word in lower for word in p.according_words):
        return None  # a quick look before the pattern: most sentences cite no one
    end = p.according_end.search(text)
    if not end:
        return None
    subject = end.group("subject")
    _, comma, after = subject.partition(",")
    if comma and after.split()[:1] and after.split()[0].lower() in knowledge.cues:
        return None  # "Reuters, citing anonymous sources, reported ...": set off, not the end
    if subject.count("(") > subject.count(")"):
        subject += ")"  # "the Korean Central News Agency (KCNA)": the bracket closed the name
    return Finding("according", subject, "reported", (0, end.start()), end.group(0))


CONJUNCTIONS = {"but", "and", "still", "also", "then"}  # leads that a subject may follow


# "Describing the area ...,", "Speaking to reporters ...,": a participle's phrase before the
# subject (not "Nothing has changed, ...": a pronoun; not "Beijing, ...": a name)
LEAD_PARTICIPLE = re.compile(
    r"^(?!(?:Nothing|Something|Anything|Everything)\b)([A-Z][a-z]{3,}ing)\s+[^,\"“”]{2,120}?,\s"
)


def lead_end(text: str, knowledge: Knowledge, has_time: bool) -> int:
    """Where the leading phrases end: "Earlier," / "On Monday," / "In a joint advisory,",
    and a second one after the first ("Earlier this week, during a visit by X, ...")."""
    pronoun = LEAD_THEN_PRONOUN.match(text) if LEAD_PREPOSITION.match(text) else None
    if pronoun and not any(w.lower() in knowledge.cues for w in text[: pronoun.end()].split()):
        return pronoun.end()  # "During a visit to the stadium he praised ...": he
    end = _lead_end(text, knowledge, has_time)
    aside = LEAD_DASH_ASIDE.match(text) if "-" in text or "—" in text else None
    if aside and (not end or end > aside.end()):
        return aside.end()  # "Speaking with VOA in front of X -- a record holder -- he says"
    place = PLACE_LEAD.match(text) if text.startswith("In ") else None
    if place and (not end or end > place.end()) and _a_place_lead(place, knowledge):
        return place.end()  # "In the neighboring Northwest Frontier Province authorities say"
    second = SECOND_LEAD.match(text, end) if end else None
    end = second.end() - 1 if second else end
    named = PLACE_NAMED.match(text, end) if end else None
    if named and text[:end].rstrip(" ,").split()[-1].lower() in knowledge.place_nouns:
        end = named.end() - 1  # "From the capital, Harare, MDC spokesman X": where, no subject
    described = (
        LEAD_APPOSITIVE.match(text, end) if end and text[end - 2 : end - 1].isalpha() else None
    )
    if described and knowledge.back_nouns.get(described.group("noun")) in (
        "company",
        "organisation",
    ):
        # "In an interview with Público, a Spanish newspaper, the prime minister ...": what
        # the lead's name is, no part of the subject
        return described.end() - 1
    return end


# "During a visit to Johannesburg's 90,000-seat Soccer City he": a lead with no comma before
# the pronoun that is the subject
LEAD_THEN_PRONOUN = re.compile(r"^(?:[^,;:]|,(?=\d)){6,120}?\s(?=(?:he|she|they)\s+[a-z])")
# "In the neighboring X Province " before a plural kind of people, with no comma
PLACE_LEAD = re.compile(
    r"^In\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(?P<place>[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,3})"
    r"\s+(?=(?P<people>[a-z]+s)\s)"
)


def _a_place_lead(match: re.Match[str], knowledge: Knowledge) -> bool:
    """Whether a comma-less lead names a place before the people who speak."""
    if match.group("people") not in knowledge.source_nouns:
        return False
    place = match.group("place")
    named = knowledge.lookup(place)
    return (named is not None and named.source.kind == "government") or place.split()[
        -1
    ] in knowledge.place_words


# a lead that opens with a participle and ends with an aside between dashes, with no comma
LEAD_DASH_ASIDE = re.compile(
    r"^[A-Z][a-z]+ing\s[^,\"“”]{1,200}?\s(?:--|—|–)\s[^\"“”]{1,200}?\s(?:--|—|–)\s+"
)
# ", Harare, " after "From the capital": the place a lead's place noun stands for
PLACE_NAMED = re.compile(r"\s*[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,2},\s")
# ", a Spanish newspaper, ": an indefinite description of the name that ends a lead
LEAD_APPOSITIVE = re.compile(r"\s*(?:a|an)\s+(?:[\w'’-]+\s+){0,3}?(?P<noun>[a-z]+),\s")


# "..., during a visit by Chinese Prime Minister Wen Jiabao, President Bush warned"
SECOND_LEAD = re.compile(
    r"\s*(?:during|in|at|after|before|amid|despite|following|on|with|aside from|apart from|"
    r"besides|beyond|unlike)\s[^,\"“”]{2,100},\s"
)


def _lead_end(text: str, knowledge: Knowledge, has_time: bool) -> int:
    comma = text.find(", ")
    if comma < 0:
        return 0
    words = len(WORD.findall(text[:comma]))
    p = patterns(knowledge)
    lead = p.lead.match(text)
    single = lead is not None and " " not in lead.group(0) and lead.end() < comma
    if single and any(cue.start() < comma for cue in candidate_cues(text, knowledge)):
        return 0  # "But NASA said during the flight, ...": a conjunction, then a subject
    named = text[lead.end() : comma].split() if single and lead else []
    if named and len(named) <= 4 and all(w[:1].isupper() for w in named):
        return 0  # "But Janzen, the Canadian, said": a subject set off by an appositive
    lead_phrase = bool(named) and SECOND_LEAD.match(" " + " ".join(named) + ", ") is not None
    if named and lead and lead.group(0).lower() in CONJUNCTIONS and not has_time:
        # "But economists at Itaú Unibanco, Brazil's largest bank, expect ...", but "But
        # despite that, a new study indicates ...": a lead phrase after the conjunction
        return comma + 1 if lead_phrase else 0
    if words <= 8 and (has_time or p.lead.match(text)):
        return comma + 1
    if words <= 12 and LEAD_PREPOSITION.match(
        text
    ):  # "In a statement posted on WeChat late on Wednesday,"
        return comma + 1
    participle = LEAD_PARTICIPLE.match(text)
    if words <= 14 and participle and knowledge.lookup(participle.group(1)) is None:
        return comma + 1  # "Describing the area as in government hands, Mr. Bashir said"
    return _subordinate_clause_end(text, knowledge)


DEGREE_WORDS = {"soon", "just", "long", "even", "right", "only"}  # "Soon after ...", "Even as ..."


def _subordinate_clause_end(text: str, knowledge: Knowledge) -> int:
    """ "As he met here with Gen. X, commander of ..., Pace praised ...": a clause that
    opens with a subordinator leads up to the last comma before the first cue; the
    subject stands after it. Nothing when a cue stands inside the clause ("As the
    minister said, ..."): that clause is read as it is."""
    words = text.split(" ", 2)
    first = words[0]
    if len(words) > 1 and (first.lower().endswith("ly") or first.lower() in DEGREE_WORDS):
        first = words[1]  # "Shortly after the earthquake struck, ...", "Soon after ..."
    if not words[0][:1].isupper() or first.lower() not in SUBORDINATORS:
        return 0
    # the first cue in lower case: "the United States play ..." holds no cue
    cue = next((c for c in candidate_cues(text, knowledge) if c.group(0).islower()), None)
    if cue is None:
        return 0
    comma = text.rfind(", ", 0, cue.start())
    after = text[comma + 2 :].split(" ", 1)[0].lower()
    if comma < 0 or after in RELATIVE_PRONOUNS or after in ("and", "but", "or"):
        return 0  # "..., which the company maintained": the cue is in a relative clause
    return comma + 1


def candidate_cues(text: str, knowledge: Knowledge) -> list[re.Match[str]]:
    """Cue words in the sentence, left to right."""
    return list(_cues(text, knowledge))


@lru_cache(maxsize=4096)
def _cues(text: str, knowledge: Knowledge) -> tuple[re.Match[str], ...]:
    # A sentence is searched for cues by several readings: search it once.
    return tuple(patterns(knowledge).cue.finditer(text))


def split_after_cue(after: str) -> tuple[str, int, bool] | None:
    """Where content starts after a cue: after "that", a colon, or directly.

    Returns the words between cue and content (which may hold a time: "in October"),
    the content's offset in `after`, and whether the content is a reported clause (as
    after "that") rather than an object ("denied the reports").
    """
    that = THAT_AFTER_CUE.match(after)
    rest = after[that.end() :] if that else ""
    if that and (len(rest.split()) > 4 or is_clause(" " + rest)):  # not "rejected that reading"
        return that.group(1), that.end(), True
    colon = COLON_AFTER_CUE.match(after)
    # "said she was nervous during the match:" says its own clause before the colon that
    # introduces the post after it; "said in a statement:" says nothing before its colon
    own = colon is not None and not after[colon.end() :].strip() and is_clause(colon.group(1))
    if colon and not own:
        return colon.group(1), colon.end(), True
    quote = QUOTE_AFTER_CUE.match(after)
    if quote:
        return "", quote.end(), True
    aside = ASIDE_AFTER_CUE.match(after)  # 'said, in response to the study, "..."'
    if aside:
        return aside.group("aside"), aside.end(), True
    direct = OBJECT_AFTER_CUE.match(after)  # "promised to ..." reports no claim
    if direct:
        return "", direct.end(), is_clause(after[direct.end() :])
    set_off = ASIDE_CLAUSE_AFTER_CUE.match(after)  # "says, at the moment, those affected ..."
    if set_off and is_clause(" " + after[set_off.end() :]):
        return "", set_off.start("content"), True
    return None


def is_clause(text: str) -> bool:
    """Whether words read as a clause with a verb ("police had detained 125") rather than
    a bare object ("responsibility for the attack")."""
    words = [w.strip(',.;:"“”').lower() for w in text.split()[:14]]
    for before, word in zip(words, words[1:], strict=False):
        if word in CLAUSE_VERBS:
            return True
        # "the strike violated ..." reads as a clause; "the reports as fabricated" does not
        if (
            len(word) > 4
            and word.endswith("ed")
            and before not in ("as", "so", "too", "and", "very")
        ):
            return True
    return False


def strip_adverbs(subject: str, knowledge: Knowledge) -> str:
    """ "South Korea has also" -> "South Korea"; "Jomra unequivocally" -> "Jomra";
    "Dittmar went on to" -> "Dittmar"."""
    subject = ASPECT_TAIL.sub("", subject.rstrip())
    subject = patterns(knowledge).adverbs.sub("", subject)
    return MANNER_ADVERB.sub("", subject)


# "went on to (add)", "continued to (say)": the subject's verb before the cue, no part of it
ASPECT_TAIL = re.compile(
    rf"\s+(?:(?:also|then|later)\s+)?(?:(?:went|goes|go)\s+on|{'|'.join(sorted(ASPECT_VERBS))})\s+to$"
)


def tail_start(region: str, knowledge: Knowledge) -> re.Match[str] | None:
    """The last ", a move that" / ", which" marker in the words before a cue."""
    matches = list(patterns(knowledge).tail.finditer(region)) + list(CLAUSE_MARK.finditer(region))
    return max(matches, key=lambda m: m.start()) if matches else None


def link_end(content: str, knowledge: Knowledge) -> int:
    """Skip "indicates that" after a tail cue, and "claims that" after a denial."""
    p = patterns(knowledge)
    match = p.link.match(content) or p.opener.match(content)
    return match.end() if match else 0


def post_subjects(
    text: str, cue: re.Match[str], knowledge: Knowledge
) -> list[tuple[int, str, str, int | None]]:
    """Readings of "<content>, <subject> <cue> [when]." with the longest subject first:
    "..., the bank's committee, known as Copom, said" is the committee, not "known as Copom"."""
    found = post_subject(text, cue, patterns(knowledge).aspectual)
    if found is None or any(mark in text[: cue.start()] for mark in (',"', ",”")):
        return [found] if found else []  # a quotation's end marks where the subject starts
    readings = []
    titles = knowledge.abbreviations | knowledge.military_services
    for comma in re.finditer(r", ", text[: found[0]]):
        subject = text[comma.end() : cue.start()].strip(' ,"”')
        words = {w.lower() for w in WORD.findall(subject)}
        # "Marine Corps Gen. James E. Cartwright, vice chairman of ...": a service, a rank and
        # initials are a title, not words of a clause
        short = {w for w in subject.split() if len(w.strip(".,")) > 1 and w not in titles}
        plain = len(short) <= 10 and not words & CLAUSE_VERBS  # an appositive, not a clause
        if subject.count(", ") > 1 or " and " in subject.partition(", ")[0]:
            continue  # "..., Arkansas, Minnesota, Missouri and Wisconsin, Harris said": a list
        if len(WORD.findall(text[: comma.start()])) >= 3 and plain:
            readings.append((comma.start() + 1, subject, found[2], found[3]))
    longest = (readings or [found])[0]
    named = (
        NAME_BEFORE_APPOSITIVE.search(text[: longest[0] - 1])
        if APPOSITIVE.match(longest[1])
        else None
    )
    before = text[: named.start()].split()[-1:] if named else []
    if named and not (before and before[0].lower() in PREPOSITIONS):
        # "In an interview for the X blog Paulo Teixeira, a PT member of parliament, stresses:"
        # the appositive's person is the name right before its comma
        subject = f"{named.group(0)}, {longest[1]}"
        readings.insert(0, (named.start(), subject, longest[2], longest[3]))
    return readings + [found]


# "a PT member of parliament for São Paulo" (not "the ministry", which may be the subject)
APPOSITIVE = re.compile(r"^(?:a|an)\s")
# two to four capitalised words ending right before the appositive's comma, not the object
# of a preposition ("a letter to Elaine Chao, ..."): a person's name
NAME_BEFORE_APPOSITIVE = re.compile(r"(?<!\S)[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){1,3}$")


QUOTATION_ENDS = (',"', ",”", '?"', "?”", '!"', "!”")  # a quotation's end before its cue


def post_subject(
    text: str, cue: re.Match[str], aspectual: frozenset[str] = frozenset()
) -> tuple[int, str, str, int | None] | None:
    """For "<content>, <subject> <cue> [when][, as <more>]." return the content's end, the
    subject, the words around the cue, and where a following clause starts (if any)."""
    before, after = text[: cue.start()], text[cue.end() :]
    if after.lstrip().startswith(","):
        return None  # "The pause, it said, would ...": set off by commas, not at the end
    clause = NEXT_CLAUSE.search(after)
    rest = cue.end() + clause.start() if clause else None
    trailing = (after[: clause.start()] if clause else after).strip().rstrip(".!?" + QUOTES).strip()
    inverted = before.rstrip().endswith(tuple(QUOTES))  # '"...," said X, a professor at Y who ...'
    quoted = max(before.rfind(mark) for mark in QUOTATION_ENDS)
    # '"...," Barr said to the crowd of 256 graduating students and the families ...': after
    # a quotation, the words after the cue may run long
    if (
        len(WORD.findall(trailing)) > (30 if inverted or quoted >= 0 else 14)
        or " that " in f" {trailing} "
    ):
        return None
    if INFINITIVE.match(trailing) and cue.group(0).lower() in aspectual:
        return None  # "the Sams continued to shun treatment": a verb, not an attribution
    closed = before.rstrip()
    if quoted < 0 and closed.endswith(('"', "”")) and text.lstrip().startswith(('"', "“")):
        quoted = len(closed) - 2  # '"We wanted to know" said X': no comma before the mark
    boundary = quoted + 1 if quoted >= 0 else before.rfind(", ")
    if boundary < 0:
        return None
    subject = before[boundary + 1 :].strip(' ,"”')
    said = trailing
    if not subject:  # inverted: ', said the minister.', ', said Bolden to the crowd.'
        subject, said = _inverted_subject(trailing), ""
        said = trailing[len(subject) :]
    return boundary + 1, subject, said, rest + 1 if rest is not None else None


def _inverted_subject(trailing: str) -> str:
    """The subject after an inverted cue: "Bolden" of "Bolden to the gathered crowd"; a
    role set off by a comma stays whole ("John Smith, a professor at the University")."""
    for end in INVERTED_END.finditer(trailing):
        before = trailing[: end.start()]
        if "," in before or not before.split()[-1][:1].isupper():
            break
        return before
    return trailing


def inverted_set_off(text: str, cue: re.Match[str]) -> bool:
    """Whether a cue opens an attribution set off by commas with its subject after it
    ("Recipients, said Maurer, are required to ...")."""
    if not text[: cue.start()].rstrip().endswith(","):
        return False
    close = SET_OFF_END.match(text[cue.end() :])
    return close is not None and INVERTED_SUBJECT.match(close.group("when").strip()) is not None


def parenthetical(text: str, cue: re.Match[str]) -> tuple[int, int, str] | None:
    """ "The pause, it said, would allow ...": (start, end) of ", it said," and its subject."""
    comma = text.rfind(", ", 0, cue.start())
    close = SET_OFF_END.match(text[cue.end() :])
    if comma < 0 or not close:
        return None
    subject = text[comma + 2 : cue.start()].strip()
    inverted = close.group("when").strip()
    end = cue.end() + close.end()
    if not subject and INVERTED_SUBJECT.match(inverted):
        subject = inverted  # "Recipients, said Maurer, must ...", ", said the minister,"
        role = SET_OFF_ROLE.match(text[end:]) if inverted[:1].isupper() else None
        if role:  # "The team, says Gordon Oluoch, Nairobi's Commissioner of Sports, expects"
            subject = f"{inverted}, {role.group('role')}"
            end += role.end()
    if not subject or len(subject.split(", ")[0].split()) > 6 or len(text[end:].split()) < 3:
        return None
    first = subject.split()[0].lower()
    if first in RELATIVE_PRONOUNS or first in SUBORDINATORS or first in ("and", "but"):
        return None  # ", which the Home Office today rejects,": a clause about one word
    return comma, end, subject


# the role set off after an inverted speaker's name: "Nairobi's Commissioner of Sports, ",
# "a professor at Y, ", "the city's mayor, "
SET_OFF_ROLE = re.compile(
    r"^(?P<role>(?:(?:a|an|the)\s+|[A-ZÀ-Þ][\w.-]*(?:\s+[A-ZÀ-Þ][\w.-]*)?['’]s\s+)"
    r"[^,;:\"“”]{2,60}?),\s+"
)


def set_off_speaker(text: str, knowledge: Knowledge) -> int | None:
    """Where an attribution set off by commas with a named speaker after its cue starts
    ("The team, says Gordon Oluoch, ..., expects"): a later cue is inside what they said."""
    for cue in candidate_cues(text, knowledge):
        found = parenthetical(text, cue) if inverted_set_off(text, cue) else None
        if found and found[2][:1].isupper():
            return cue.start()
    return None


@lru_cache(maxsize=4096)  # several readings ask of the same sentence
def find_continuation(text: str, knowledge: Knowledge) -> re.Match[str] | None:
    """ ", adding that ...", ", with X saying ...", "... and warned that ...": a second claim."""
    found = [
        m
        for m in (
            CONTINUATION_THAT.search(text),
            CONTINUATION.search(text),
            patterns(knowledge).and_cue.search(text),
            AND_THAT.search(text),
        )
        if m
    ]
    return min(found, key=lambda m: m.start()) if found else None


# "put the death toll at 120", "puts the number of dead at about 3,000": a figure estimated
FIGURE_AT = re.compile(
    r"\s+(?:the|its|their|his|her)\s+[^,;.\"“]{1,60}?\s+at\s+"
    r"(?:(?:about|around|roughly|some|nearly|almost|over|up to|more than|at least|less than)\s+)?"
    r"[$€£]?\d"
)
# "ruled Zimbabwe for 37 years", "ruled the Soviet Union until 1953", "ruled Libya.": a
# state and then a time or the sentence's end, not "ruled Zimbabwe had breached ...": a clause
STATE_AFTER = re.compile(
    r"\s+((?:the\s+)?[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,3})"
    r"(?=\s*[,.;]|\s+(?:for|from|until|since|with|as|in|between|during|after|before)\b)"
)


# "states that support ...", "states that have signed": "that" then a verb, a relative
# clause after a plural noun; not "states that the ...", "states that it ...", "states
# that more than ..."
RELATIVE_THAT = re.compile(
    r"\s+that\s+(?:have|has|had|are|were|support|supported|back|backed|oppose|opposed|"
    r"signed|border|share|joined|belong|make|form|host|want|refuse|refused|include)\b"
)


def in_noun_compound(text: str, cue: re.Match[str], knowledge: Knowledge) -> bool:
    """ "think tank", "according to reports", "the claims": a cue word that is a noun here,
    or an infinitive ("refused to say")."""
    if text[cue.end() : cue.end() + 1] == "-" or text[cue.start() - 1 : cue.start()] == "-":
        return True  # "think-tank", "self-reported"
    if cue.start() > 0 and cue.group(0)[:1].isupper() and text[cue.start() - 2] not in ".!?:":
        return True  # "the United States", "Human Rights Watch Reports": part of a name
    if cue.group(0).lower() in knowledge.cue_lists.get("figure_cues", ()):
        # "The ministry put the death toll at 120": a figure; "put pressure on": no claim
        return FIGURE_AT.match(text, cue.end()) is None
    if cue.group(0).lower() in knowledge.cue_lists.get("aspectual_cues", ()):
        # "continued: "..."", '"...," he continued': speech; "It continued traveling",
        # "continued to fall", "Violence continued through the evening": no one speaks
        return not re.match(r"\s*(?:[,:.]|$|that\b|by\s+[a-z]+ing\b)", text[cue.end() :])
    if cue.group(0).lower() in knowledge.cue_lists.get("cues_before_that", ()):
        # "The report states that ...", "the statement reads, "..."", but "the Baltic
        # states agreed": a noun
        if RELATIVE_THAT.match(text, cue.end()) and cue.group(0).endswith("s"):
            return True  # "the coalition of Arab states that support ...": a relative clause
        return not re.match(r"\s*(?:,?\s*in part\b)?\s*(?:that\b|:|,?\s*[\"“])", text[cue.end() :])
    before = text[max(0, cue.start() - 16) : cue.start()].lower().split()
    if before and (before[-1] in NOUN_MARKERS or before[-2:] == ["according", "to"]):
        return True  # "the claims", "according to reports"
    if before and before[-1].endswith(("'", "’", "'s", "’s")) and cue.group(0).islower():
        return True  # "Protesters' demands include", "Trump's claims": an owner's noun
    if before[-1:] == ["to"] and cue.group(0).islower():
        # "are required to show", "refused to say": no claim; but "began to worry", "went
        # on to add"
        aspectual = " ".join(before[-3:-1]) in knowledge.cue_lists.get("aspectual_cues", ())
        return before[-2:-1] == [] or (before[-2] not in ASPECT_VERBS and not aspectual)
    if text[: cue.start()].split()[-1:] in ([m] for m in NOUN_MODIFIERS):
        return cue.group(0).endswith("s")  # "media reports", not "media reported"
    if patterns(knowledge).not_cues.match(text, cue.start()):
        return True  # "think tank", "found guilty", "declared a state of emergency"
    if cue.group(0).lower() not in knowledge.cue_lists.get("acts_over_a_state", ()):
        return False
    ruled = STATE_AFTER.match(text, cue.end())
    named = knowledge.lookup(ruled.group(1)) if ruled else None
    return named is not None and named.source.kind == "government"  # "ruled Zimbabwe for 37 years"
