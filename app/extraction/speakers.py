"""Resolve the subject of an attribution ("NATO Secretary-General Mark Rutte", "He",
"The U.S., South Korea, and Ukraine", "the group's media office") to sources and speaker."""

from __future__ import annotations

import re

from app.extraction.context import Attribution, Context
from app.extraction.knowledge import Knowledge
from app.extraction.mentions import POSSESSIVE, NameSpan, find_mentions, find_name
from app.extraction.model import SourceRef, Speaker
from app.slugs import slugify

CONJUNCTS = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*&\s*")
VERB_WORDS = {
    "is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "should",
    "must", "not", "did", "does", "do", "has", "have", "had", "if", "when", "while", "because",
    "be", "been", "being",
}  # fmt: skip
PREPOSITIONS = {"in", "of", "on", "at", "from", "for", "with", "against", "to", "by", "near"}
DETERMINERS = re.compile(
    r"^(?:the|a|an|some|two|three|four|several|many|one|a few|other|its|their|his|her)\s+",
    re.IGNORECASE,
)
PERSON_PRONOUNS = {"he", "she"}
ANY_PRONOUNS = {"they", "it", "we", "i"}
MAX_SUBJECT_WORDS = 14


def resolve_subject(subject: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """Sources and speaker for an attribution subject, or None if it names nobody."""
    text = subject.strip(' ,:;"“”')
    text = re.sub(r"^(?:and|but|yet|so|while)\s+", "", text, flags=re.IGNORECASE)
    if not text or len(text.split()) > MAX_SUBJECT_WORDS:
        return None
    if text.lower() in PERSON_PRONOUNS | ANY_PRONOUNS:
        return _pronoun(text.lower(), context)
    head, _, appositive = text.partition(", ")
    if _has_verb(head):
        return None
    known = knowledge.lookup(head)
    return (
        _several(text, knowledge)
        or (Attribution((known.source,)) if known else None)
        or _pointing_back(head, knowledge, context)
        or _person(head, appositive, knowledge, context)
        or _named(head, knowledge)
        or _unresolved(head, knowledge)
    )


def _pronoun(pronoun: str, context: Context) -> Attribution | None:
    if pronoun == "it" and context.opening and context.opening.source.kind != "group":
        return Attribution((context.opening.source,))  # "Israel's military ... It said"
    return context.last(person=pronoun in PERSON_PRONOUNS)


def _has_verb(text: str) -> bool:
    return any(word.lower() in VERB_WORDS for word in text.split())


def _several(text: str, knowledge: Knowledge) -> Attribution | None:
    """ "The U.S., South Korea, and Ukraine", "Iranian and U.S. officials": all known."""
    parts = [p for p in CONJUNCTS.split(text) if p.strip()]
    if len(parts) < 2:
        return None
    sources = []
    for part in parts:
        named = _named(part.strip(), knowledge)
        if named is None or named.sources[0].kind == "unresolved":
            return None
        sources.append(named.sources[0])
    return Attribution(tuple(dict.fromkeys(sources)))


def _pointing_back(head: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "the group's media office", "the army", "a spokesperson": a body named before."""
    words = DETERMINERS.sub("", head.strip()).split()
    if not words or not head[:1].islower() and not DETERMINERS.match(head):
        return None
    noun = POSSESSIVE.sub("", words[0]).lower()
    kind = knowledge.back_nouns.get(noun) if (len(words) == 1 or words[0] != noun) else None
    if kind == "spokesperson":
        earlier = context.last(person=False)
        return earlier and Attribution(earlier.sources, said_on=earlier.said_on)
    if kind == "document":  # "according to the report": whoever reported last
        earlier = context.last(person=False)
        return earlier and Attribution(earlier.sources, said_on=earlier.said_on)
    if kind == "organisation":
        source = context.last_body(("organisation", "unresolved"))
        return Attribution((source,)) if source else None
    if kind == "government":
        source = context.last_body(("government",)) or context.home_country()
        return Attribution((source,)) if source else None
    return None


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
    if {w.lower() for w in name.before.split()[-1:]} & knowledge.organisation_descriptors:
        return None  # "cybersecurity firm Recorded Future" names a body, not a person
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
    source = _source_in(role or "", knowledge) or _home_for_role(role, knowledge, context)
    if source is None:
        unresolved = _unresolved(name.name, knowledge)
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


def _home_for_role(role: str | None, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "Interior Minister Diosdado Cabello" in a story from Caracas speaks for Caracas."""
    words = set((role or "").replace("-", " ").split())
    if not words & (knowledge.government_words | {"minister", "spokesman", "spokeswoman", "army"}):
        return None
    return context.home_country()


def _named(head: str, knowledge: Knowledge) -> Attribution | None:
    """A known body, possibly with a descriptor: "South Korea's military", "a U.S. official"."""
    named = knowledge.lookup(head)
    if named:
        return Attribution((named.source,))
    mentions = find_mentions(head, knowledge)
    if not mentions or len(head.split()) > 8:
        return None
    first = mentions[0]
    # The body must head the phrase ("a senior U.S. official"), not sit in a
    # complement ("the war in Ukraine").
    before = head[: first.start].split()
    if _sub_body(before):
        return Attribution((first.named.source,))  # "the Eastern Theater Command of the PLA"
    if len(before) > 2 or any(word.lower() in PREPOSITIONS for word in before):
        return None
    proper = _proper_run(head[first.end :].split())
    if (
        proper
        and not first.text.endswith(("'s", "’s"))
        and not (set(proper) & knowledge.government_words)
    ):
        # "the Syrian Observatory for Human Rights" is a body of its own, not Damascus.
        return _unresolved(" ".join([first.text, *proper]), knowledge)
    return Attribution((first.named.source,))


def _sub_body(before: list[str]) -> bool:
    """Whether the words before a known body name a part of it ("Central Command of the")."""
    if len(before) < 3 or [w.lower() for w in before[-2:]] != ["of", "the"]:
        return False
    return all(w[:1].isupper() for w in before[:-2] if w.lower() != "the")


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


def _unresolved(head: str, knowledge: Knowledge) -> Attribution | None:
    """An unknown speaker still becomes a source, labelled from the text.

    "The Baltic Maritime Observatory", "cybersecurity firm Mandiant" (the name after a
    descriptor), "shipping industry sources" (a group by its noun).
    """
    words = DETERMINERS.sub("", head.strip()).split()
    if not words or len(words) > 8:
        return None
    if not words[0][:1].isupper():
        label = _named_after_descriptor(words) or _group_by_noun(words, knowledge)
    elif len(words) <= 6:
        label = " ".join(words)
    else:
        label = None
    if not label:
        return None
    label = label[0].upper() + label[1:]
    slug = slugify(label)
    return Attribution((SourceRef(slug, label, "unresolved", (label,)),)) if slug else None


def _named_after_descriptor(words: list[str]) -> str | None:
    """ "cybersecurity firm Mandiant" -> "Mandiant"."""
    for i, word in enumerate(words):
        if word[:1].isupper():
            name = _proper_run(words[i:])
            rest = words[i + len(name) :]
            return " ".join(name) if name and not rest and i <= 3 else None
    return None


def _group_by_noun(words: list[str], knowledge: Knowledge) -> str | None:
    """ "shipping industry sources", "residents of Ménaka reached by telephone" -> a group."""
    for i, word in enumerate(words):
        if word.lower() in PREPOSITIONS or i >= 4:
            return None
        if word.lower() in knowledge.source_nouns:
            return " ".join(words[: i + 1])
    return None
