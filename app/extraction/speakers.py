"""Resolve the subject of an attribution ("NATO Secretary-General Mark Rutte", "He",
"The U.S., South Korea, and Ukraine") to its sources and speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from app.extraction.knowledge import Knowledge
from app.extraction.mentions import NameSpan, find_mentions, find_name
from app.extraction.model import DatePoint, SourceRef, Speaker
from app.slugs import slugify

CONJUNCTS = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*&\s*")
VERB_WORDS = {
    "is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "should",
    "must", "not", "did", "does", "do", "has", "have", "had", "if", "when", "while", "because",
}  # fmt: skip
PREPOSITIONS = {"in", "of", "on", "at", "from", "for", "with", "against", "to", "by"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
ANY_PRONOUNS = {"they", "it", "we", "i"}
MAX_SUBJECT_WORDS = 14


@dataclass(frozen=True)
class Attribution:
    """Who a claim is attributed to, and when they said it (None when not stated)."""

    sources: tuple[SourceRef, ...]
    speaker: Speaker | None = None
    said_on: DatePoint | None = None
    subject: str = ""  # the words that named the source, for "the ministry" later on


@dataclass
class Context:
    """What an article has said so far: the speakers a pronoun or surname can point back to."""

    recent: list[Attribution] = field(default_factory=list)

    def remember(self, attribution: Attribution) -> None:
        self.recent.append(attribution)

    def last(self, person: bool) -> Attribution | None:
        for attribution in reversed(self.recent):
            if attribution.speaker or not person:
                return attribution
        return None

    def said_on_of(self, attribution: Attribution) -> DatePoint | None:
        """When the same speaker last spoke in this article ("also added" takes their date)."""
        if attribution.said_on:
            return attribution.said_on
        if attribution.speaker is None:
            return None
        for earlier in reversed(self.recent):
            if earlier.speaker and earlier.speaker.name == attribution.speaker.name:
                return earlier.said_on
        return None

    def by_name(self, words: str) -> Attribution | None:
        """An earlier speaker named again in full or by surname, or a body by its common noun.

        "Rutte" and "Mark Rutte" find Mark Rutte; "the minister" finds the last speaker
        whose role has that word; "the ministry" finds the last source named with it.
        """
        key = words.lower().removeprefix("the ").strip()
        common_noun = len(key.split()) == 1 and (
            words.strip()[:1].islower() or words.lower().startswith("the ")
        )
        for attribution in reversed(self.recent):
            speaker = attribution.speaker
            if speaker and key in (speaker.name.lower(), *_name_parts(speaker.name)):
                return attribution
            if not common_noun:
                continue
            if speaker and speaker.role and key in speaker.role.lower().split():
                return attribution
            if key in attribution.subject.lower().split():
                return replace(attribution, speaker=None)
        return None


def _name_parts(name: str) -> tuple[str, str]:
    parts = name.lower().split()
    return parts[0], parts[-1]


def resolve_subject(subject: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """Sources and speaker for an attribution subject, or None if it names nobody."""
    text = subject.strip(' ,:;"“”')
    text = re.sub(r"^(?:and|but|yet|so)\s+", "", text, flags=re.IGNORECASE)
    if not text or len(text.split()) > MAX_SUBJECT_WORDS:
        return None
    if text.lower() in PERSON_PRONOUNS | ANY_PRONOUNS:
        return context.last(person=text.lower() in PERSON_PRONOUNS)
    head, _, appositive = text.partition(", ")
    if _has_verb(head):
        return None
    known = knowledge.lookup(head)
    return (
        _several(text, knowledge)
        or (Attribution((known.source,)) if known else None)
        or _person(head, appositive, knowledge, context)
        or _named(head, knowledge)
        or _unresolved(head)
    )


def _has_verb(text: str) -> bool:
    return any(word.lower() in VERB_WORDS for word in text.split())


def _several(text: str, knowledge: Knowledge) -> Attribution | None:
    """ "The U.S., South Korea, and Ukraine": every part names a known source."""
    parts = [p for p in CONJUNCTS.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    sources = []
    for part in parts:
        named = knowledge.lookup(part.strip())
        if named is None:
            return None
        sources.append(named.source)
    return Attribution(tuple(dict.fromkeys(sources)))


def _person(
    head: str, appositive: str, knowledge: Knowledge, context: Context
) -> Attribution | None:
    name = _name_in(head, knowledge)
    if name is None and appositive:
        # "Israel's defence minister, Israel Katz": the role comes first, the name after.
        named_after = _name_in(appositive, knowledge)
        if named_after and not named_after.before and not named_after.after:
            name, appositive = NameSpan(named_after.name, head, ""), ""
    if name is None:
        return context.by_name(head)
    known = knowledge.person(name.name)
    earlier = context.by_name(known.name if known else name.name)
    # The article's own words for a role beat the data file's, which may be out of date.
    role = _role(name, appositive) or (
        earlier.speaker.role if earlier and earlier.speaker else None
    )
    if known:
        return Attribution((known.source,), Speaker(known.name, role or known.role))
    if earlier and earlier.speaker:
        return Attribution(earlier.sources, Speaker(earlier.speaker.name, role))
    source = _source_in(role or "", knowledge)
    if source is None:
        unresolved = _unresolved(name.name)
        return unresolved and Attribution(unresolved.sources, Speaker(name.name, role))
    return Attribution((source,), Speaker(name.name, role))


def _name_in(text: str, knowledge: Knowledge) -> NameSpan | None:
    """A known person's full name in the text, else a run of name words."""
    known = knowledge.person_in(text)
    if known:
        person, start, end = known
        return NameSpan(person.name, text[:start].strip(" ,"), text[end:].strip(" ,"))
    return find_name(text, knowledge)


def _role(name: NameSpan, appositive: str) -> str | None:
    """The words that say what a person is: the appositive, else the title around the name."""
    if re.match(r"(?:who|which|whose|speaking|in|on|at)\b", appositive.strip()):
        appositive = ""  # a clause or circumstance, not a role
    role = appositive.strip(" ,") or " ".join(p for p in (name.before, name.after) if p).strip(" ,")
    role = re.sub(r"^(?:the|a|an)\s+", "", role)
    return role or None


def _source_in(text: str, knowledge: Knowledge) -> SourceRef | None:
    mentions = [m for m in find_mentions(text, knowledge) if m.named.proper]
    return mentions[0].named.source if mentions else None


def _named(head: str, knowledge: Knowledge) -> Attribution | None:
    """A known body, possibly with a descriptor: "South Korea's military", "a U.S. official"."""
    mentions = find_mentions(head, knowledge)
    if not mentions or len(head.split()) > 8:
        return None
    first = mentions[0]
    # The body must head the phrase ("a senior U.S. official"), not sit in a
    # complement ("the war in Ukraine").
    before = head[: first.start].split()
    if len(before) > 2 or any(word.lower() in PREPOSITIONS for word in before):
        return None
    proper = _proper_run(head[first.end :].split())
    if (
        proper
        and not first.text.endswith(("'s", "’s"))
        and not (set(proper) & knowledge.government_words)
    ):
        # "the Syrian Observatory for Human Rights" is a body of its own, not Damascus.
        return _unresolved(" ".join([first.text, *proper]))
    return Attribution((first.named.source,))


def _proper_run(words: list[str]) -> list[str]:
    """The capitalised words that continue a name ("Observatory for Human Rights")."""
    run: list[str] = []
    for word in words:
        if word[:1].isupper():
            run.append(word.strip(",."))
        elif word in ("for", "of", "and", "on") and run:
            run.append(word)
        else:
            break
    while run and run[-1] in ("for", "of", "and", "on"):
        run.pop()
    return run


def _unresolved(head: str) -> Attribution | None:
    """An unknown speaker still becomes a source, labelled from the text."""
    label = re.sub(r"^(?:the|a|an)\s+", "", head.strip(), flags=re.IGNORECASE)
    words = label.split()
    if not words or len(words) > 6 or not (label[0].isupper() or head[:4].lower() == "the "):
        return None
    label = label[0].upper() + label[1:]
    slug = slugify(label)
    return Attribution((SourceRef(slug, label, "unresolved", (label,)),)) if slug else None
