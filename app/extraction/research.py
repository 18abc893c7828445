"""Studies, surveys and reports as sources: whose findings "the study found" reports.

Science and survey stories name a study once with its owner ("The Pew Research Center
carried out the study", "The study's authors, from the Institute for Arctic Policy and
the University of Leeds", "a research team from MIT") and then speak of "the study",
"the researchers", "the authors", "they", or "91 percent of respondents". The owner is
read from the whole article first; every such mention is filed under it, or under
"Researchers" when the article never says who did the work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from app.extraction.bodies import named_body, proper_run, unresolved
from app.extraction.knowledge import Knowledge
from app.extraction.model import SourceRef
from app.extraction.text import Span

RESEARCH_NOUNS = r"(?:study|studies|survey|poll|report|research|paper|analysis|trial)"
NAME = r"[A-ZÀ-Þ][\w&'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w&'’.-]*|of|for|and|on|the|de))*"
OWNER_PATTERNS = (
    # "the Australian National Iodine Nutrition Study": a study named for itself
    re.compile(
        r"(?P<owner>[A-ZÀ-Þ][\w&'’.-]*(?:\s+(?:[A-ZÀ-Þ][\w&'’.-]*|of|on|for|and))*\s+"
        r"(?:Study|Survey|Trial|Report))\b"
    ),
    # "The Pew Research Center carried out the study", "Ipsos conducted the poll"
    re.compile(
        rf"(?P<owner>{NAME})\s+(?:carried out|conducted|published|released|commissioned|ran|led)"
        rf"\s+(?:the|a|this|its)\s+(?:new\s+)?{RESEARCH_NOUNS}\b"
    ),
    # "The Pew study", "a new Gallup poll", "Pew's study", "a study by the RAND Corporation"
    re.compile(
        rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts)\s+(?:new\s+|latest\s+)?(?P<owner>{NAME})\s+{RESEARCH_NOUNS}\b"
    ),
    re.compile(rf"(?P<owner>{NAME})['’]s\s+(?:new\s+|latest\s+)?{RESEARCH_NOUNS}\b"),
    re.compile(
        rf"\b{RESEARCH_NOUNS}\s+(?:carried out\s+|conducted\s+)?by\s+(?:the\s+)?(?P<owner>{NAME})"
    ),
)
# "The study's authors, from X and Y,", "A research team from X and Y has ...", "a study
# published on Monday by researchers at the University of Bergen."
TEAM = re.compile(
    rf"\b(?i:{RESEARCH_NOUNS}['’]s\s+authors|research\s+team|team\s+of\s+researchers|researchers)"
    r",?\s+(?:from|at)\s+(?P<bodies>(?:[^;.]|(?<=[A-Z])\.){4,200}?)"  # "U.S." goes on
    r"(?:,\s+(?:[a-z]+ed|found|said|used)\b|\s+(?:has|have|had|are|were|[a-z]+ed|found|said|used|"
    r"ran|led|took|made|began|built|spent|say|says)\b|\.?$)"
)
# "the study", "the researchers", "the study's authors", "they" in a study story
RESEARCH_SUBJECT = re.compile(
    rf"^(?:the|a|this|their|its|a\s+new|the\s+new)?\s*"
    r"(?P<maker>(?-i:[A-ZÀ-Þ][\w&'’.-]*)(?:\s+(?-i:[A-ZÀ-Þ][\w&'’.-]*)){0,3}\s+)?"  # "The Pew study"
    rf"(?:{RESEARCH_NOUNS}(?:['’]s\s+authors)?|"
    r"researchers|scientists|authors|co-?authors|the\s+team|research\s+team|results|findings)$",
    re.IGNORECASE,
)
# "a median of 91 percent of people", "93 percent of respondents from Mexico"
SHARE = re.compile(
    r"^(?:a\s+median\s+of\s+|about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|less\s+than\s+|"
    r"over\s+|under\s+)?\d[\d.,]*\s*(?:percent|per\s+cent|%)\s+of\b"
    r"|\b(?:respondents|those\s+surveyed|people\s+surveyed|those\s+polled)\b",
    re.IGNORECASE,
)
RESEARCHERS = "Researchers"
SCIENTISTS = "Scientists"
SCIENTIST = re.compile(r"\bscientists\b", re.IGNORECASE)
RESEARCH_STEMS = (
    "stud",
    "survey",
    "poll",
    "report",
    "research",
    "paper",
    "analys",
    "trial",
    "team",
)
# words one of which every research subject has ("study", "researchers", "percent", "%")
SUBJECT_WORDS = (*RESEARCH_STEMS, "scientist", "author", "result", "finding", "percent",
                 "per cent", "%", "respondents", "surveyed", "polled")  # fmt: skip
DOCUMENT_ONLY = re.compile(r"\b(?:report|survey|poll|results|findings)$", re.IGNORECASE)
PLACE_AFTER = re.compile(r"\s+(?:in|of\s+the)\s+[A-ZÀ-Þ][\w.]*(?:\s+[A-ZÀ-Þ][\w.]*)*$")


JOINED = re.compile(r",\s*(?:and\s+)?|\s+and\s+")  # "X, Y and Z"


def research_owner(sentences: Iterable[Span], knowledge: Knowledge) -> tuple[SourceRef, ...]:
    """Who did the research an article reports, as the article first says it."""
    for sentence in sentences:
        owners = _owners_in(sentence.text, knowledge)
        if owners:
            return owners
    return ()


@lru_cache(maxsize=8192)
def _owners_in(text: str, knowledge: Knowledge) -> tuple[SourceRef, ...]:
    """The owners of research one sentence names (a pure function of the sentence)."""
    lower = text.lower()
    if not any(word in lower for word in RESEARCH_STEMS):
        return ()  # a quick look for a research word before five patterns
    team = TEAM.search(text)
    if team:
        owners = _bodies(team.group("bodies"), knowledge)
        if owners:
            return owners
    for pattern in OWNER_PATTERNS:
        match = pattern.search(text)
        if match is None or _outlets_programme(match.group("owner"), knowledge):
            continue
        owners = joined_bodies(match.group("owner"), knowledge)
        owner = None if owners else _owner(match.group("owner"), knowledge)
        if owner is not None:
            return (owner,)
        if owners:
            return owners
    return ()


def _outlets_programme(owner: str, knowledge: Knowledge) -> bool:
    """ "the VOA Special English Health Report": a news outlet's programme, not research."""
    first = owner.split()[0]
    known = knowledge.lookup(first) if first.isupper() and len(owner.split()) > 2 else None
    return known is not None and known.source.kind == "outlet"


def joined_bodies(phrase: str, knowledge: Knowledge) -> tuple[SourceRef, ...]:
    """ "the University of Washington and Stanford University": two institutions, each
    named in full; not "the Department of Emergency Services and Public Protection"."""
    if " and " not in phrase:
        return ()
    parts = [re.sub(r"^(?:the|The)\s+", "", p) for p in JOINED.split(phrase.strip())]
    if len(parts) < 2 or not all(
        len(p.split()) >= 2 and set(p.split()) & knowledge.organisation_words for p in parts
    ):
        return ()
    owners = [_owner(part, knowledge) for part in parts]
    return tuple(dict.fromkeys(o for o in owners if o)) if all(owners) else ()


def research_source(
    subject: str, owner: tuple[SourceRef, ...], knowledge: Knowledge
) -> tuple[SourceRef, ...]:
    """The sources of "the study found", "the researchers said", "91 percent of
    respondents said": the research's owner, else researchers as a group."""
    lower = subject.lower()
    if not any(word in lower for word in SUBJECT_WORDS):
        return ()  # a quick look before the patterns: most subjects are no research
    research = RESEARCH_SUBJECT.match(subject.strip())
    if not (research or SHARE.search(subject)):
        return ()
    maker = research.group("maker").strip() if research and research.group("maker") else ""
    joined = joined_bodies(maker, knowledge) if maker else ()
    if joined and set(joined) <= set(owner):
        return joined  # "researchers from the University of X and Y University"
    if maker and not any(maker in source.label for source in owner):
        known = knowledge.lookup(maker)  # "Gallup researchers": another body's research
        return (known.source,) if known else ()  # "Security researchers": a group, elsewhere
    if owner:
        return owner
    if SHARE.search(subject) or DOCUMENT_ONLY.search(subject):
        return ()  # "the report" with no owner points back to whoever reported (speakers.py)
    # "scientists said" is filed as the text says it; "the study found", "the team", as researchers
    group = unresolved(SCIENTISTS if SCIENTIST.search(subject) else RESEARCHERS, knowledge)
    return (group,) if group else ()


def _owner(phrase: str, knowledge: Knowledge) -> SourceRef | None:
    words = phrase.split()
    while words and words[0] in ("The", "A", "An", "Its"):
        words = words[1:]
    run = proper_run(words)
    if not run or len(run) != len(words):
        return None
    name = " ".join(run)
    return named_body(name, knowledge) or unresolved(name, knowledge)


def _bodies(text: str, knowledge: Knowledge) -> tuple[SourceRef, ...]:
    """ "the Institute for Arctic Policy in Tromsø and the University of Leeds" -> both."""
    found: list[SourceRef] = []
    for part in re.split(r",\s*|\s+and\s+(?=the\s|[A-Z])", text):
        part = PLACE_AFTER.sub("", part.strip())  # "... of the UK", "... in Tromsø"
        owner = _owner(re.sub(r"^the\s+", "", part), knowledge)
        if owner and owner not in found:
            found.append(owner)
    return tuple(found)
