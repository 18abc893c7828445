"""Name the body a phrase speaks for: a known one ("South Korea's military", "a U.S.
official"), or an unknown one labelled from the text ("The Baltic Maritime Observatory",
"cybersecurity firm Mandiant", "shipping industry sources", "XP Investimentos")."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import dropwhile, takewhile

from app.extraction.dates import DAY_AND_MONTH_NAMES
from app.extraction.knowledge import Knowledge
from app.extraction.mentions import find_mentions
from app.extraction.model import SourceRef
from app.extraction.vocabulary import (
    ACADEMIC_WORDS,
    ADJECTIVES_IN_ED,
    COLLECTIVE_NOUNS,
    CONNECTORS,
    DETERMINER_WORDS,
    DETERMINERS,
    FUNCTION_WORDS,
    JURISDICTIONS,
    LOCAL_SERVICE_WORDS,
    PART_NOUNS,
    PARTY_SIDES,
    PLATFORMS,
    PREPOSITIONS,
    PROJECT_NOUNS,
    ROLE_MODIFIERS,
    in_any,
)
from app.slugs import slugify

POSSESSIVE_WORD = re.compile(r"^(.+?)(?:'s|’s|(?<=s)['’])$")  # "UNEP's", "Windsor Locks'"
MODIFIED_ROLE = re.compile(  # "Incumbent President", "Former Minister"
    rf"^(?:{'|'.join(map(re.escape, sorted(ROLE_MODIFIERS)))})\s+", re.IGNORECASE
)
# "USGS Acting Director": a modifier inside a role, between the body and the title
INNER_MODIFIER = re.compile(
    rf"(?<=\S)\s+(?:{'|'.join(sorted(m.capitalize() for m in ROLE_MODIFIERS if m != 'deputy'))})"
    r"(?=\s+[A-Z])"
)
QUALIFIED_ROLE = re.compile(r"^[A-Za-z]+ly\s+[a-z-]+ed\s+")  # "Newly elected", "recently appointed"
ABBREVIATION = re.compile(r"\s*\(([^()]{2,12})\)")
GLOSS = re.compile(r"\s*\([^()]{2,60}\)")  # a short name or a translation in brackets
# "CEI (Italian Episcopal ...)", "the RMT union (National Union of Rail, ...)": the acronym
# (and the noun after it) is enough
BODY_ACRONYM = re.compile(r"^[A-Z]{2,6}$")  # "RCMP", "NHS": a body's initials
NAME_LIKE = re.compile(r"^[A-ZÀ-Þ][\w&.-]*$")  # one capitalised word, no possessive
EXPANSION = re.compile(r"(?<=[A-Z]{2})(?P<noun>(?:\s+[a-z]+)?)\s*\([^()]{3,80}\)")
PART_OF = re.compile(rf"\b(?:{PART_NOUNS})\s+of\s+(?:the\s+)?(?P<whole>[A-ZÀ-Þ].*)$")
# "the Animal Production and Health Division of the F.A.O": a named unit of a known body
NAMED_PART_OF = re.compile(
    r"\b(?:the\s+)?(?:[A-ZÀ-Þ][\w&-]*\s+(?:(?:and|of|for)\s+)?){1,6}"
    r"(?:Division|Department|Bureau|Office|Unit|Branch|Section)\s+of\s+(?:the\s+)?"
    r"(?P<whole>[A-ZÀ-Þ][^,;]*?)[.,]?$"
)
# a body's possessive before a capitalised unit of it: "TNC’s North America Strategy"
OWNED_UNIT = re.compile(
    r"^(?P<owner>[A-ZÀ-Þ][\w&.-]*(?:\s+[A-ZÀ-Þ][\w&.-]*){0,4})(?:'s|’s)\s+[A-ZÀ-Þ]"
)
MAX_NAME = 8  # words: a longer run of capitals is no one body's name ...
MAX_NAME_IN = 12  # ... unless it says where ("... Observer Group in India and Pakistan")
JOB_ENDINGS = ("er", "or", "ist", "man", "woman", "person")  # "organiser", "spokeswoman"
NOT_THE_STATE = {"opposition", "party", "parties", "coalition", "rebels", "rebel"}
# "Sudan Liberation Army", "Kosovo Liberation Army": armed, but against the state
INSURGENT_WORDS = {"liberation", "resistance", "rebel", "insurgent"}
# a name with these is a body of civil society, not the state's ("Australian Council of
# Trade Unions", "Kenyan Chamber of Commerce", "National Employers Association")
CIVIL_WORDS = {"trade", "unions", "union", "workers", "employers", "chamber", "association",
               "associations", "confederation"}  # fmt: skip
RANK_WORDS = {"associate", "assistant", "deputy", "senior", "junior", "vice", "acting", "lead"}
ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ern", "ior", "ed", "ing")  # "regional"
ROLE_BODY = re.compile(r"\b(?:at|of|for|with|within|from)\s+(?:the\s+)?(?P<rest>.+)$")


@lru_cache(maxsize=8192)
def named_body(head: str, knowledge: Knowledge) -> SourceRef | None:
    """A known body, possibly with a descriptor, or a body of its own named with a demonym."""
    head = ABBREVIATION.sub("", head)
    named = knowledge.lookup(head)
    if named:
        return named.source
    mentions = find_mentions(head, knowledge)
    if not mentions or len(head.split()) > 8:
        return None
    first = mentions[0]
    before = head[: first.start].split()
    if _sub_body(before) or _organ_of(before, knowledge):
        return first.named.source  # "the Eastern Theater Command of the People's Liberation Army"
    # The body must head the phrase ("a senior U.S. official"), not sit in a
    # complement ("the war in Ukraine").
    if len(before) > 2 or any(word.lower() in PREPOSITIONS for word in before):
        return None
    owner = POSSESSIVE_WORD.match(before[-1]) if len(before) == 1 else None
    if owner and owner.group(1) in knowledge.name_gender and head[first.end :].strip() == "":
        return unresolved(head, knowledge)  # "Steve's Dominica": a blog's name, not the state
    if before and _name_continues(before[-1], knowledge):
        return None  # "Liberal Democrats", "New Democrat": a longer name of its own
    rest = head[first.end :]
    possessive = rest.startswith(("'s", "’s"))
    plural_owned = rest.startswith(("' ", "’ "))  # "the United Nations' Intergovernmental Panel"
    after = rest[2:].split() if possessive or plural_owned else rest.split()
    possessive = possessive or plural_owned
    owned = knowledge.lookup(" ".join(after)) if possessive and after else None
    if owned is not None and owned.source.kind == "organisation":
        return owned.source  # "Argentina's Amnesty International": a body of its own
    court = " ".join(after).strip(" ,.")
    if first.named.source.kind == "government" and court in knowledge.state_courts:
        # "the United States Supreme Court", "India's Supreme Court": the court, not the state
        name = first.named.entity.label
        written = DETERMINERS.sub("", first.text)
        return labelled(f"{court} of {name}" if possessive else f"{written} {court}")
    institution = proper_run(after) if possessive else []
    if (
        institution
        and len(institution) == len(after)
        and first.named.source.kind == "government"
        and {w.lower().strip(",.") for w in institution} & knowledge.institution_nouns
    ):
        # "London's Royal Veterinary College", "China's Tsinghua University": an
        # institution of the country, speaking for itself, not its state
        return unresolved(" ".join(institution), knowledge)
    if after and after[0] in ("at", "of", "from", "with"):
        if first.text.lower() in knowledge.members_not_speakers:
            return first.named.source  # "Residents of Chakothi", "students at X": members
        return body_in_role(rest, knowledge) or first.named.source  # "analysts at the IDB"
    proper = proper_run(after)
    if (
        proper
        and len(proper) == len(after)
        and not possessive
        and not state_body(proper, knowledge)
    ):
        # "the Syrian Observatory for Human Rights" is a body of its own, not Damascus.
        return unresolved(" ".join([first.text, *proper]), knowledge)
    if len(after) > 4 or any(past_verb(w) for w in after):
        return None  # "NATO launched a patrol mission" is a clause, not a name
    if possessive and first.named.source.kind == "government":
        against = {w.lower().strip(",.") for w in after} & NOT_THE_STATE
        group = proper_run(after)
        if against and group and len(group) < len(after):
            return unresolved(" ".join(group), knowledge)  # "Ivory Coast's New Forces rebels"
        if against:
            return _opposition(against, knowledge)  # "Kenya's opposition", not Nairobi
    if first.named.source.kind == "government" and not possessive and not proper:
        return _of_the_state(after, first.named.source, knowledge)
    described = possessive and after and after[0][:1].islower() and _trailing_name(after)
    if first.named.source.kind == "government" and described:
        # "Ukraine's grid operator Ukrenergo": a body of the country, named after what it is
        return _of_the_state(after, first.named.source, knowledge)
    people = possessive and after and all(w.islower() for w in after)
    if people and first.named.source.kind == "government" and group_by_noun(after, knowledge):
        # "Kenya's farmers": people of the country, not its state ("Kenya's officials" are)
        bare = {POSSESSIVE_WORD.sub(r"\1", w.strip(",.")) for w in after}
        body = knowledge.back_nouns.get(after[-1].strip(",."))  # "Brazil's central bank"
        if not bare & knowledge.state_nouns and body is None:
            return unresolved(" ".join(after), knowledge)
    return first.named.source


def _name_continues(word: str, knowledge: Knowledge) -> bool:
    """Whether a capitalised word right before a known name makes a longer name with it."""
    bare = word.strip(",.")
    return (
        bare[:1].isupper()
        and bare not in knowledge.title_words
        and bare.lower() not in DETERMINER_WORDS
        and not POSSESSIVE_WORD.match(bare)
        and knowledge.lookup(bare) is None
    )


def _of_the_state(after: list[str], state: SourceRef, knowledge: Knowledge) -> SourceRef | None:
    """ "Russian officials" speak for Moscow; a "South Korean battery maker Hanbit Energy" for
    itself; a "German middle-distance runner" for no state at all."""
    bare = [POSSESSIVE_WORD.sub(r"\1", w.strip(",.")).lower() for w in after]
    if not after or any(w in knowledge.state_nouns for w in bare):
        return state  # "The U.S. military's Central Command" too
    name = _trailing_name(after)
    if not name or knowledge.lookup(" ".join(name)):
        return None  # "Peruvian ex-pat in Spain": where, not a body of its own
    return unresolved(" ".join(name), knowledge)


def _trailing_name(words: list[str]) -> list[str]:
    for i, word in enumerate(words):
        if word[:1].isupper():
            run = proper_run(words[i:])
            return run if len(run) == len(words) - i else []
    return []


def past_verb(word: str) -> bool:
    """ "launched" in "NATO launched a mission"; not "armed" in "Norway's armed forces"."""
    bare = word.strip(",.").lower()
    return (
        word.islower()  # "el-Sayed" is a name
        and word[:1].islower()
        and bare.endswith("ed")
        and bare not in ADJECTIVES_IN_ED
        and not bare.endswith("-based")
    )


def portfolio(words: list[str]) -> bool:
    """A state's department named by its portfolio alone ("Ministry of Economy, Trade and
    Industry", "Unification Ministry"): it belongs to the story's state."""
    if not words or set(words) & LOCAL_SERVICE_WORDS:
        return False  # "Waukegan Police Department", "Fairfax County Fire Department": local
    heads = ("Ministry", "Department", "Directorate")
    return words[-1] in heads or (words[0] in heads and len(words) > 2 and words[1] == "of")


def state_body(words: list[str], knowledge: Knowledge) -> bool:
    """Whether a name is a state's: "Defence Ministry", "Security Council" belong to a
    state; "Council on Foreign Relations" does not, nor "(Sudan) Liberation Army"."""
    if {w.lower() for w in words} & (INSURGENT_WORDS | CIVIL_WORDS):
        return False
    if any(w in ("on", "for") for w in words):
        return bool(set(words) & {"Ministry", "Government", "Forces", "Army"})
    return bool(set(words) & knowledge.government_words)


def _organ_of(before: list[str], knowledge: Knowledge) -> bool:
    """ "the interior ministry of Peru", "the government of Japan": a state body of a country."""
    if not before or before[-1].lower() != "of":
        return False
    nouns = {w.lower() for w in before[:-1]}
    return any(knowledge.back_nouns.get(w) == "government" for w in nouns)


def _sub_body(before: list[str]) -> bool:
    """Whether the words before a known body name a part of it ("Central Command of the")."""
    if len(before) < 3 or [w.lower() for w in before[-2:]] != ["of", "the"]:
        return False
    return all(w[:1].isupper() for w in before[:-2] if w.lower() != "the")


def _is_date_word(word: str) -> bool:
    """ "the European Commission on Thursday": a day ends a name."""
    return word.strip(",.").lower() in DAY_AND_MONTH_NAMES


def _bare(word: str) -> str:
    """A word without the comma or full stop after it; "U.S." keeps its dots."""
    word = word.rstrip(",")
    return word if "." in word[:-1] else word.rstrip(".")


def proper_run(words: list[str]) -> list[str]:
    """The capitalised words that continue a name ("Observatory for Human Rights")."""
    run: list[str] = []
    for at, word in enumerate(words):
        if word == "and" and words[at + 1 : at + 2] == ["the"]:
            break  # "in Tromsø and the University of Leeds": a second name begins
        if word[:1].isupper() and not (run and run[-1] in CONNECTORS and _is_date_word(word)):
            run.append(_bare(word))
            if word.endswith(","):
                break  # "the blog Skies of Lisbon, Rui Almeida": a comma ends a name
        elif word in CONNECTORS and run:
            run.append(word)
        elif run and word.isdigit() and words[at + 1 : at + 2] and words[at + 1][:1].isupper():
            run.append(word)  # "Lost 52 Project": a number inside a name
        elif word == "at" and "University" in run and words[at + 1 : at + 2] != ["the"]:
            run.append(word)  # "University of North Carolina at Greensboro"
        else:
            break
    while run and run[-1] in CONNECTORS:
        run.pop()
    return run


TITLE_WITH_OF = re.compile(
    r"^(?:the\s+)?(?:Chief of Staff|Chief of Naval Operations)(?=\s+of\s)", re.IGNORECASE
)


@lru_cache(maxsize=8192)
def body_in_role(role: str, knowledge: Knowledge) -> SourceRef | None:
    """The body a role names: "a director at the DGHS", "head of South Korea's National
    Security Office", "NATO Secretary-General"."""
    role = EXPANSION.sub(r"\g<noun>", role)  # "CEI (Italian Episcopal Conference)"
    role = DETERMINERS.sub("", role)  # "One activist", "Another aide": no body called "One"
    role = QUALIFIED_ROLE.sub("", role)  # "Newly elected Senator": no body called "Newly"
    role = MODIFIED_ROLE.sub("", role)  # "Incumbent President": no body called "Incumbent"
    role = INNER_MODIFIER.sub("", role)  # "USGS Acting Director": no body called "USGS Acting"
    role = _unlocal(role, knowledge)  # "Local prosecutor X": no body called "Local"
    titled = TITLE_WITH_OF.match(role)
    if titled:
        role = role[titled.end() :]  # "Chief of Staff of the U.S. Army": the Army's
    whole = PART_OF.search(role)
    if whole:  # "the Dallas chapter of the Council on American - Islamic Relations"
        role = role[: whole.start()] + " of " + whole.group("whole")
    unit = NAMED_PART_OF.search(role) if not whole else None
    name = unit.group("whole") if unit else ""
    # "the F.A.O" with its last stop lost is the F.A.O.
    known = knowledge.lookup(name) or (knowledge.lookup(f"{name}.") if name[-2:-1] == "." else None)
    if unit and known is not None and known.source.kind == "organisation":
        return known.source  # "director of the Animal Production and Health Division of the FAO"
    envoy = _envoy_of(role, knowledge)
    if envoy:
        return envoy  # "UN Special Envoy for Yemen": the UN's, not Yemen's
    head = re.split(r"\s+of\s+", role.strip(), maxsplit=1)[0].split()
    if head and head[-1].lower() in knowledge.honour_nouns:
        return None  # "winner of the 2015 Nobel Prize in literature": an award, no body
    if _on_a_platform(role, knowledge):
        return None  # "Twitter user Nina Pires", "YouTube blogger": where they write, no body
    if _city_profession(role, knowledge):
        return None  # "Harare Economist Eric Bloch": where an economist works, no employer
    leading = _leading_body(role, knowledge) or _described_before_job(role, knowledge)
    if leading:
        return leading
    academic = _academic(role, knowledge)
    if academic:
        return academic  # "at London's Royal Veterinary College": the college, not London
    match = ROLE_BODY.search(role)
    owner = OWNED_UNIT.match(match.group("rest")) if match else None
    after = match.group("rest")[owner.end() - 1 :] if owner and match else ""
    owned = after.split()[0] if after else ""
    if (
        owner
        and _an_owner(owner.group("owner"), knowledge)
        and not _own_name(owner, owned, knowledge)
    ):
        # "Deputy Director of TNC’s North America Grazing Strategy": TNC's programme
        name = owner.group("owner")
        own = _states_own_body(name, after, knowledge)
        return own or named_body(name, knowledge) or unresolved(name, knowledge)
    before = role[: match.start()].split()[-1:] if match else []
    tie = match is not None and match.group(0).split()[0] in ("of", "with")
    seat = match is not None and match.group(0).split()[0] == "from"
    # "a representative for X" is a spokesperson; a senator "from" a state holds a seat
    legislator = bool(before) and before[0].lower() in knowledge.legislator_nouns
    legislator = legislator and before[0].lower() != "representative"
    if legislator and seat:
        rest_words = set(match.group("rest").split()) if match else set()
        if not rest_words & knowledge.organisation_words:
            return None  # "a politician from South Australia": the seat, a place, no body
    if before and before[0] in knowledge.place_nouns and tie:
        return None  # "an author in the Thai city of Chiang Mai": where, not whose
    if before and before[0].lower() in knowledge.relation_nouns and tie:
        # "the wife of Brittney Griner": of a person, for no body; but "film critic for the
        # New York Times", "a partner at Baker McKenzie" work for one
        return None
    # "Minister for Education" names a portfolio; "Chairman of the X Centre", a body
    rest = match.group("rest").split() if match else []
    portfolio = (
        bool(before)
        and before[0][:1].isupper()  # "a spokeswoman for Hearing Australia": a body
        and before[0] in knowledge.title_words
        and before[0] not in knowledge.company_only_titles  # "CEO of Tesco": a company
        # "Secretary of Energy" names a portfolio; "Chairman of the X Centre", a body
        and (not set(rest) & knowledge.organisation_words or len(rest) == 1)
        and not knowledge.lookup(" ".join(rest))
    )
    # "Deputy Minister of Education for Administration, Research and Development": a
    # minister's words after "of" name a portfolio, whatever bodies' words they hold
    minister = bool(before) and before[0].lower() in ("minister", "ministers")
    portfolio = portfolio or (minister and not knowledge.lookup(" ".join(rest)))
    inside = _name_with_of(role, before, knowledge) if match and not whole else None
    if inside:
        return inside  # "House of Representatives Speaker": "of" inside the body's name
    only_titles = bool(rest) and all(w.strip(",.") in knowledge.title_words for w in rest)
    if match and not portfolio and not only_titles:  # "Minister for International Affairs"
        # names a portfolio; "the request of Prime Minister" a title, no body
        words = ABBREVIATION.sub("", match.group("rest")).split()
        runs = _proper_runs(words)
        located = False
        joined = " ".join(words)
        for at, run in reversed(list(enumerate(runs))):  # "the Brussels-based group X"
            if (
                len(run) > 1
                and run[0].isupper()
                and run[0].lower() in knowledge.organisation_descriptors
            ):
                run = run[1:]  # "the health NGO Maristop": what the body is, then its name
            if at and at == len(runs) - 1 and f"{runs[at - 1][-1]}, {run[0]}" in joined:
                continue  # "mayor of Esperanza, Sultan Kudarat": where Esperanza lies
            longer = _known_past(run, joined, knowledge)
            if longer:
                return longer  # "the Organization for Security and Cooperation in Europe"
            led = _led_body(run, words, knowledge)
            if led:
                return named_body(led, knowledge) or unresolved(led, knowledge, True)
            if run[-1].endswith("-based") or _describes_a_body(run, words, knowledge):
                located = True
                continue
            if set(run) & knowledge.place_words and not set(run) & knowledge.organisation_words:
                continue  # "spokesperson for the West Philippine Sea": a place, not a body
            if _goes_on_in_lowercase(run, words, knowledge):
                continue  # "the blog Des avions et des hommes": where the name ends is unknown
            kind = _kind_after(run, words, knowledge)
            possessed = POSSESSIVE_WORD.match(run[-1]) if not kind and len(run) > 1 else None
            if possessed and not plural_owner(run[-1]) and not knowledge.lookup(" ".join(run)):
                run = [*run[:-1], possessed.group(1)]  # "the X Union's primate group": the union
            phrase = " ".join(run) + kind
            return named_body(phrase, knowledge) or unresolved(phrase, knowledge, bool(kind))
        if located:
            return None  # "a researcher at a Kyiv think tank": where the body is, not who
    mentions = [m for m in find_mentions(role, knowledge) if m.named.proper]
    if _legislator(role, knowledge):  # "an Ottawa New Democrat MP": the party, not the place
        mentions = [m for m in mentions if m.named.source.kind != "government"] or mentions
    if (
        mentions
        and mentions[0].named.source.kind == "government"
        and not state_role(role, knowledge)
    ):
        return None  # "American academic and professor": a nationality, not the state
    return mentions[0].named.source if mentions else None


def _unlocal(role: str, knowledge: Knowledge) -> str:
    """A role without the word that says it is a local one ("Local prosecutor"); not a local
    office ("Regional governor"), whose place the words do not give."""
    first, _, rest = role.partition(" ")
    local = first.lower() in knowledge.local_modifiers and first[:1].isupper()
    office = rest.split()[0].capitalize() in knowledge.local_titles if rest else False
    return rest if local and not office else role


def _name_with_of(role: str, before: list[str], knowledge: Knowledge) -> SourceRef | None:
    """ "United States House of Representatives Speaker", "House of Commons Speaker": a
    capitalised word that is no title before "of" puts the "of" inside the body's name."""
    if not before or not before[0][:1].isupper() or before[0] in knowledge.title_words:
        return None
    words = ABBREVIATION.sub("", role).split()
    start = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if start is None:
        return None
    run = proper_run(words[start:])
    run = run[: len(run) - len(_trailing_title(run, knowledge))]
    if "of" not in run or run[-1] == "of":
        return None
    phrase = " ".join(run)
    return named_body(phrase, knowledge) or unresolved(phrase, knowledge, allow_in=True)


def _legislator(role: str, knowledge: Knowledge) -> bool:
    return bool({w.strip(",.").lower() for w in role.split()} & knowledge.legislator_nouns)


def state_role(role: str, knowledge: Knowledge) -> bool:
    """Whether a role is one a state's officer holds: "official", "army chief", "leader"."""
    words = {w.strip(",.") for w in role.replace("-", " ").split()}
    lower = {w.lower() for w in words}
    state = in_any(lower, knowledge.state_nouns, {"minister", "ministry", "chief", "head"})
    return state or in_any(words, knowledge.title_words, knowledge.government_words)


def _word_after(run: list[str], words: list[str]) -> str:
    """The word right after a run of words, without its punctuation ("" at the end)."""
    at = next((i for i in range(len(words)) if words[i : i + len(run)] == run), -1)
    return words[at + len(run)].strip(",.;") if 0 <= at < len(words) - len(run) else ""


def _led_body(run: list[str], words: list[str], knowledge: Knowledge) -> str:
    """ "a spokesman for the U.S.-led coalition forces": a name that leads or backs a body
    is part of that body's name ("U.S.-led coalition"), not the body itself."""
    if not run[-1].endswith(("-led", "-backed")):
        return ""
    following = _word_after(run, words)
    if knowledge.back_nouns.get(following) not in ("organisation", "government"):
        return ""
    return f"{' '.join(run)} {following}"


def _capitalised_local_state_body(run: list[str], knowledge: Knowledge) -> bool:
    """ "Minnesota National Guard": a place no country's, then the words of a state body."""
    if len(run) < 3 or run[-1] not in knowledge.government_words:
        return False
    place = run[0]
    return (
        place not in knowledge.government_words
        and place not in knowledge.title_words
        and knowledge.lookup(place) is None
        and all(w in knowledge.government_words for w in run[1:] if w != "National")
    )


def _kind_after(run: list[str], words: list[str], knowledge: Knowledge) -> str:
    """The kind of body a name goes on with in lowercase: "Director of the National Iodine
    Nutrition study" (a project), "a representative for the LA Sheriff's office"."""
    following = _word_after(run, words)
    if following in PROJECT_NOUNS:
        return f" {following.capitalize()}"
    owned = POSSESSIVE_WORD.match(run[-1]) is not None
    return (
        f" {following}" if owned and following.capitalize() in knowledge.organisation_words else ""
    )


def _goes_on_in_lowercase(run: list[str], words: list[str], knowledge: Knowledge) -> bool:
    """Whether a one-word run is followed by lowercase words that are no preposition: the
    start of a name written in sentence case, not a name of its own ("the CNE union" is the
    CNE's, a kind of body after a name)."""
    at = next((i for i in range(len(words)) if words[i].strip(",.") == run[0]), -1)
    following = words[at + 1] if 0 <= at < len(words) - 1 else ""
    plain = following[:1].islower() and following not in CONNECTORS
    kind = following.strip(",.;").lower() in knowledge.organisation_descriptors
    return len(run) == 1 and plain and not kind and following.lower() not in PREPOSITIONS


def _academic(role: str, knowledge: Knowledge) -> SourceRef | None:
    """The university a role names, whole: "School of Public Health at the University of
    Leeds", "the University of NSW's school of public health", "Kyungnam University's
    Institute for Far Eastern Studies" all speak for the university."""
    for run in _proper_runs(ABBREVIATION.sub("", role).split(), stop=False):
        joined = " ".join(run)
        if not any(word in joined for word in ACADEMIC_WORDS):
            continue
        if run[0] in knowledge.title_words and "of" in run:
            # "Professor of the University of East Anglia": the title's holder's university
            run = run[run.index("of") + 1 :]
            run = run[1:] if run[:1] == ["the"] else run
            if not any(word in " ".join(run) for word in ACADEMIC_WORDS):
                continue
        owner = next((i for i, w in enumerate(run) if POSSESSIVE_WORD.match(w)), None)
        if owner is not None:
            owned_by = POSSESSIVE_WORD.match(run[owner]).group(1)  # type: ignore[union-attr]
            if any(w in " ".join(run[: owner + 1]) for w in ACADEMIC_WORDS):
                # "Kyungnam University's Institute ...": the university
                run = [*run[:owner], owned_by]
            elif knowledge.lookup(" ".join([*run[:owner], owned_by])) is not None:
                run = run[owner + 1 :]  # "London's Royal Veterinary College": the college
            # else "King's College London", "Queen's University Belfast": a name of its own
        phrase = " ".join(run)
        return named_body(phrase, knowledge) or unresolved(phrase, knowledge, allow_in=True)
    return None


def _describes_a_body(run: list[str], words: list[str], knowledge: Knowledge) -> bool:
    """ "a Kyiv think tank": the name before a kind of body says where it is, not who."""
    at = next((i for i in range(len(words)) if words[i : i + len(run)] == run), -1)
    following = words[at + len(run) : at + len(run) + 2] if at >= 0 else []
    described = any(w.lower().strip(",.") in knowledge.organisation_descriptors for w in following)
    # "a Kyiv think tank" says where; "the CNE union" names the union
    return described and knowledge.lookup(" ".join(run)) is not None


def _envoy_of(role: str, knowledge: Knowledge) -> SourceRef | None:
    """ "US Special Representative for Iran", "UN Special Envoy for Yemen": a known body or
    state before a title, and the place the title is for after it: the first one's."""
    words = role.split()
    for size in (3, 2, 1):
        named = knowledge.lookup(" ".join(words[:size]).rstrip(",")) if len(words) > size else None
        if named is None or not named.proper or words[size] not in knowledge.title_words:
            continue
        rest = words[size:]
        titles = len(rest) - len(list(dropwhile(lambda w: w in knowledge.title_words, rest)))
        if rest[titles : titles + 1] in (["for"], ["to"]):
            return named.source
    return None


def _leading_body(role: str, knowledge: Knowledge) -> SourceRef | None:
    """ "Democratic Progressive Party (DPP) spokesperson", "Corvane chief executive",
    "Norvik Cells Chief Executive": the body before a job names the employer."""
    words = GLOSS.sub("", role).split()  # "(ABHM)", "(All India Hindu Union)"
    run = proper_run(words)
    kind = len(run) > 2 and run[0].lower() in knowledge.person_nouns
    if kind and run[0] not in knowledge.title_words and run[1] == "and":
        words, run = words[2:], run[2:]  # "Parliamentarian and Radical Party leader": a job first
    if run and run[0] in knowledge.title_words and {"of", "for"} & set(run):
        return None  # "CEO of Edison Electric Institute": a title, then the body (below)
    owner = _owner_in(run, knowledge)
    if owner:  # "Greenpeace Nordic's head of campaigns", "Labour's Shadow Home Secretary"
        return named_body(owner, knowledge) or unresolved(owner, knowledge)
    before_office = _name_before_office(run, knowledge)
    office_holder = before_office and (
        named_body(before_office, knowledge) or unresolved(before_office, knowledge)
    )
    if office_holder:  # "Acme Deputy Head of Operations", "Ames Assistant Chief of the X Branch"
        return office_holder
    after = words[len(run) : len(run) + 1]
    # "Johns Hopkins Center for Health Security medical anthropologist": a job in lower case
    # follows the whole name, so "Security" ends the name, not a title
    named = len(run) > 2 and after and after[0][:1].islower()
    title = [] if named else _trailing_title(run, knowledge)
    run = run[: len(run) - len(title)]
    if (
        title
        and len(run) >= 2
        and run[-1].lower() in knowledge.job_functions
        and run[-2] not in CONNECTORS  # "Ministry of Education Director": the name goes on
    ):
        # "Acme Marketing Director", "NASA Ames Education Director": the part of the body
        # the job is in, no part of the body's name
        run = run[:-1]
    if (
        title
        and len(run) >= 2
        and title[0] in PORTFOLIO_TITLES
        and run[-1].lower() in knowledge.portfolios
    ):
        run = run[:-1]  # "Ukrainian Energy Minister": a minister's portfolio, no body's name
    job = words[len(run) : len(run) + 2]
    lowercase_name = not title and _noun_before_job(run, job, knowledge)
    if lowercase_name:
        run, job = [*run, job[0]], job[1:]  # "Civil protection chief": the body is two words
        if len(run) > 2 and run[0].lower() in PARTY_SIDES:
            run = run[1:]  # "Opposition Sam Rainsy party legislator": the party's own name
    lowercase_job = not title and bool(job) and job[0][:1].islower() and _is_job(job, knowledge)
    employer = bool(run) and (
        " ".join(title) in knowledge.corporate_titles
        or (lowercase_job and not _state_job(run, job, knowledge))
    )
    if (
        employer
        and len(run) == 1
        and (
            run[0].lower().endswith("ing")
            or run[0].lower() in RANK_WORDS
            or run[0].lower() in knowledge.local_modifiers
            or run[0].lower() in knowledge.unaffiliated_modifiers
            or knowledge.back_nouns.get(run[0].lower()) == "document"  # "Study co-author X"
        )
    ):
        # "Polling expert X", "Lead author X", "Regional governor X", "Independent political
        # analyst X": no employer named
        employer = False
    body_word = bool(run) and (
        run[-1] in knowledge.organisation_words - knowledge.government_words
        or BODY_ACRONYM.match(run[-1]) is not None  # "Kamloops RCMP Constable": a body's acronym
    )
    # "ABHM president X", "FIFA president X": a body's initials right before its job
    # "MDC Secretary General X": an unknown body's initials before a title in capitals too
    unknown_initials = bool(title) and knowledge.lookup(run[0] if run else "") is None
    initials = (
        len(run) == 1
        and BODY_ACRONYM.match(run[0]) is not None
        and (lowercase_job or unknown_initials)
    )
    if title and not body_word and _capitalised_local_state_body(run, knowledge):
        # "Minnesota National Guard Adjutant General": a state body of a place that is no
        # country speaks as itself
        return unresolved(" ".join(run), knowledge)
    if not employer and not initials and (len(run) < 2 or not body_word):
        return None  # "Chief Cabinet Secretary": a state title; the story's state speaks
    if len(run) == 1 and run[0] in knowledge.state_body_words:
        return None  # "Police director": a state's body in common words; the state reading
    phrase = " ".join(run)
    source = named_body(phrase, knowledge) or unresolved(phrase, knowledge, lowercase_name)
    organ = phrase in knowledge.state_organs  # "NASA astronauts": the state's own agency
    if source and source.kind == "government" and not state_role(role, knowledge) and not organ:
        return None  # "Ivorian blogger": a nationality, not an employer
    return source


PORTFOLIO_TITLES = frozenset({"Minister", "Secretary", "Ministers", "Secretaries"})


def _described_before_job(role: str, knowledge: Knowledge) -> SourceRef | None:
    """ "Train drivers' trade union Aslef general secretary", "Rail union RMT chief": the name
    a kind of body introduces, right before a job in lowercase, is the employer."""
    words = ABBREVIATION.sub("", role).split()
    for at in range(1, len(words) - 1):
        if words[at - 1].lower() not in knowledge.organisation_descriptors:
            continue
        run = proper_run(words[at:])
        job = words[at + len(run) :]
        if run and job and job[0][:1].islower() and _is_job(job, knowledge):
            phrase = " ".join(run)
            return named_body(phrase, knowledge) or unresolved(phrase, knowledge)
    return None


def _noun_before_job(run: list[str], job: list[str], knowledge: Knowledge) -> bool:
    """ "Civil protection chief", "Civil defence spokesman": one capitalised word and a
    noun in lower case name the body before the job; "AMCU regional organiser" has an
    adjective there, part of the job."""
    if not run or len(job) != 2 or not job[0].isalpha() or not job[0].islower():
        return False
    noun = job[0]
    if len(run) > 1:  # "Khmer Rouge tribunal spokesman": a body's own noun after a name
        return knowledge.back_nouns.get(noun) == "organisation" and _is_job(job[1:], knowledge)
    return (
        knowledge.lookup(run[0]) is None  # "Commerce ministry spokesperson", "German runner"
        and noun not in knowledge.state_nouns
        and noun not in RANK_WORDS
        and not _is_job([noun], knowledge)
        and not noun.endswith(ADJECTIVE_ENDINGS)
        and _is_job(job[1:], knowledge)
    )


def _name_before_office(run: list[str], knowledge: Knowledge) -> str | None:
    """The one name before a capitalised office "of" or "for" something: "Acme" in "Acme
    Deputy Head of Operations", "Ames" in "Ames Assistant Chief of the Gravitational
    Research Branch"; not a word of the office itself ("Cabinet Secretary for Health",
    "Parliamentary Under-Secretary of State") or a portfolio ("Foreign Secretary of ...")."""
    joint = next((i for i, w in enumerate(run) if w in ("of", "for")), None)
    if joint is None or joint < 2 or run[1] not in knowledge.title_words:
        return None
    if any(w not in knowledge.title_words for w in run[1:joint]):
        return None  # "Acme Corp Head of ...": a longer name, read as before
    name = run[0]
    known = knowledge.lookup(name)
    if known is not None:
        return name if known.proper and known.source.kind != "government" else None
    lower = name.lower()
    plain = (
        lower in knowledge.portfolios
        or lower in knowledge.local_modifiers
        or lower in RANK_WORDS
        or lower in ROLE_MODIFIERS
        or lower.endswith(ADJECTIVE_ENDINGS)
        or name in knowledge.title_words
        or name in knowledge.government_words
        or name in knowledge.organisation_words
        or name in knowledge.not_names
        or name in FUNCTION_WORDS
    )
    return None if plain or not NAME_LIKE.match(name) else name


def _owner_in(run: list[str], knowledge: Knowledge) -> str | None:
    """The name a run of capitals gives as an owner: "Labour" in "Labour's Shadow Home
    Secretary", "PWA" in "Deputy Director of PWA’s Lake Restoration Programme"."""
    owned = next(
        (i for i, w in enumerate(run) if POSSESSIVE_WORD.match(w) and not _for_whom(w)), None
    )
    if owned is None:
        return None  # "National People's Congress Vice Chairman": a name, no owner in it
    words = run[:owned] + [POSSESSIVE_WORD.match(run[owned]).group(1)]  # type: ignore[union-attr]
    links = [i for i, w in enumerate(words) if w in ("of", "for", "at")]
    owner = " ".join(words[links[-1] + 1 :] if links else words)
    last = owned == len(run) - 1  # "Greenpeace Nordic's head of campaigns"
    # the words of the office, up to what it is "of" ("Ames' Assistant Chief of the
    # Gravitational Research Branch"): titles, and no body's word ("St John's Ambulance")
    office = list(takewhile(lambda w: w not in ("of", "for"), run[owned + 1 :]))
    rest = set(office)
    titled = bool(rest & knowledge.title_words) and not rest & knowledge.organisation_words
    return owner if owner and (last or titled or _an_owner(owner, knowledge)) else None


def _on_a_platform(role: str, knowledge: Knowledge) -> bool:
    """ "a Twitter user", "YouTube blogger": a platform, then a kind of writer on it."""
    words = DETERMINERS.sub("", re.sub(r"\s*\([^()]*\)", "", role).strip()).split()
    return (
        len(words) == 2
        and words[0] in PLATFORMS
        and words[1].lower().rstrip("s") in knowledge.writer_nouns
    )


def _city_profession(role: str, knowledge: Knowledge) -> bool:
    """ "Harare Economist", "Nairobi Analyst": a capital city, then a profession (a title
    that is also a kind of person, no state's office)."""
    words = role.strip(" ,").split()
    if len(words) != 2:
        return False
    place = knowledge.lookup(words[0])
    job = words[1].lower()
    if place is None or place.source.kind != "government" or place.alias != place.source.label:
        return False  # "U.S. Attorney": a country's office; only a capital city is a place
    return f"{job}s" in knowledge.source_nouns and job not in knowledge.state_nouns


def _own_name(owner: re.Match[str], owned: str, knowledge: Knowledge) -> bool:
    """ "the Cambodian Teacher's Association": a possessive no one knows, then the kind of
    body, is one name ("Women's League"), not a body and its part."""
    kind = owned.strip(",.") in knowledge.organisation_words
    return (
        kind
        and knowledge.lookup(owner.group("owner")) is None
        and not owner.group("owner").isupper()
    )


def _states_own_body(owner: str, owned: str, knowledge: Knowledge) -> SourceRef | None:
    """ "South Africa's World Cup Organizing Committee": a body of its own that a country
    has, not one of the state's organs ("Kenya's Ministry of Health" is the state's)."""
    named = knowledge.lookup(owner)
    if named is None or named.source.kind != "government" or named.alias in knowledge.state_organs:
        return None  # "the Justice Department's Environment Division" is the department's
    run = proper_run(owned.split())
    if not run or not set(run) & knowledge.organisation_words:
        return None
    if set(run) & knowledge.state_body_words or knowledge.lookup(" ".join(run)) is not None:
        return None
    return unresolved(" ".join(run), knowledge)


def _an_owner(name: str, knowledge: Knowledge) -> bool:
    """Whether a possessive names a body that owns what follows ("TNC’s North America
    Strategy", "Labour's Shadow Home Secretary"), not the first word of a name of its own
    ("the Parkinson's Foundation", "St John's Ambulance")."""
    return name.isupper() or " " in name or knowledge.lookup(name) is not None


def _state_job(run: list[str], job: list[str], knowledge: Knowledge) -> bool:
    """ "Energy minister", "Army spokesman", "Conservative leader": a state's or a party's
    job, not an employer's; "Bokamoso spokesperson" is the company's."""
    if len(run) >= 3 and knowledge.lookup(" ".join(run)) is None:
        return False  # "Akhil Bharat Hindu Mahasabha president": a body's own name
    nouns = {w.lower().strip(",.") for w in job} & knowledge.state_nouns
    spokes = {"spokesperson", "spokesman", "spokeswoman"}
    return bool(nouns - spokes) or bool(nouns and set(run) & knowledge.government_words)


def _trailing_title(run: list[str], knowledge: Knowledge) -> list[str]:
    """The title words that end a run of capitals ("Chief Executive", "Prime Minister")."""
    end = len(run)
    while end and run[end - 1] in knowledge.title_words:
        end -= 1
    return run[end:]


def _is_job(words: list[str], knowledge: Knowledge) -> bool:
    """ "chief executive", "spokesperson", "regional organiser": a person's job."""
    bare = [w.lower().strip(",.") for w in words]
    if bare and bare[-1] in knowledge.relation_nouns:
        return False  # "Trump loyalist": someone's supporter, not their employee (but an
        # "associate professor" is a job)
    return any(
        w in knowledge.person_nouns or w in knowledge.title_words_lower or w.endswith(JOB_ENDINGS)
        for w in bare
    )


@lru_cache(maxsize=8192)
def named_bodies(text: str, knowledge: Knowledge) -> tuple[SourceRef, ...]:
    """Unknown bodies a sentence names in passing ("if the Panama Canal Authority gets its
    way"), so that "the authority" can point back to them later."""
    found = []
    runs = _proper_runs(ABBREVIATION.sub("", text).split(), stop=False)
    for run in (part for whole in runs for part in two_bodies(whole, knowledge)):
        run = _after_title(run, knowledge)  # "CEO of Edison Electric Institute"
        owner = POSSESSIVE_WORD.match(run[-1])
        if owner:  # "the Church of Scientology's website": the body is its owner
            run = [*run[:-1], owner.group(1)]
        titled = next((i for i, w in enumerate(run) if w in knowledge.title_heads), len(run))
        if run[-1] not in knowledge.organisation_words:  # but "Oregon State University"
            run = run[:titled]  # "Navy Secretary Carlos Brandt": the Navy, then a person
        if (
            len(run) >= 2
            and set(run) & knowledge.organisation_words
            and not knowledge.lookup(" ".join(run))
        ):
            source = named_body(" ".join(run), knowledge) or unresolved(" ".join(run), knowledge)
            if source:
                found.append(source)
    return tuple(found)


def _after_title(run: list[str], knowledge: Knowledge) -> list[str]:
    """A run of capitals without the title that opens it: "CEO of Edison Electric
    Institute" names the institute."""
    at = 0
    while at < len(run) and run[at] in knowledge.title_words:
        at += 1
    named = run[-1] in knowledge.organisation_words  # not "Secretary of the Air Force James Roche"
    if named and 0 < at < len(run) - 1 and run[at] in ("of", "for", "at"):
        return run[at + 1 :]
    return run


def _known_past(run: list[str], joined: str, knowledge: Knowledge) -> SourceRef | None:
    """A known body whose name goes on past a run of capitals, over a lower-case word
    ("Organization for Security and Cooperation in Europe")."""
    name = " ".join(run)
    at = joined.find(name)
    if at < 0 or len(joined) == at + len(name):
        return None
    first = next(iter(find_mentions(joined[at:], knowledge)), None)
    if first is None or first.start != 0 or len(first.text) <= len(name):
        return None
    return first.named.source if first.named.source.kind != "government" else None


def two_bodies(run: list[str], knowledge: Knowledge) -> list[list[str]]:
    """ "Department of Agriculture and Oregon State University": two names joined by "and",
    each with a word for a body; "Ministry of Trade and Industry" is one."""
    if "and" not in run:
        return [run]
    at = run.index("and")
    before, after = set(run[:at]), set(run[at + 1 :])
    words = (knowledge.organisation_words, knowledge.government_words)
    return [run[:at], run[at + 1 :]] if in_any(before, *words) and in_any(after, *words) else [run]


@lru_cache(maxsize=8192)
def described_bodies(text: str, knowledge: Knowledge) -> tuple[SourceRef, ...]:
    """Bodies named after the kind they are ("budget airline Halvorsen Air", "German rival
    Nordwind Airways", "the cybersecurity firm Mandiant")."""
    found = [*_apposed_bodies(text, knowledge)]
    words = text.split()
    for i, word in enumerate(words[:-1]):
        if word.strip(",").lower() not in knowledge.organisation_descriptors:
            continue
        owned = i > 0 and POSSESSIVE_WORD.match(words[i - 1]) is not None
        if word.endswith(",") and not owned:
            continue  # but "The station's owner, Hollis Media, ...": named after a comma
        run = proper_run(words[i + 1 : i + 6])
        name = " ".join(run)
        if run and not knowledge.lookup(name) and not POSSESSIVE_WORD.match(run[-1]):
            source = unresolved(name, knowledge)
            if source:
                found.append(source)
    return tuple(found)


APPOSED = re.compile(
    r"(?P<name>(?:[A-ZÀ-Þ][\w&.-]*\s){0,3}[A-ZÀ-Þ][\w&.-]*), (?:an?|the) (?P<kind>[^,;.]{2,60}?)"
    r"(?=\s+(?:in|of|based|that|which|with|for|from|on)\b|[,;.]|$)"
)
APPOSITION_MARKS = (", a ", ", an ", ", the ")  # what APPOSED needs after the name


def _apposed_bodies(text: str, knowledge: Knowledge) -> list[SourceRef]:
    """ "KTXR-FM, a Christian station in Lubbock": a name set off before the kind it is."""
    if not any(mark in text for mark in APPOSITION_MARKS):
        return []  # most sentences have none: the pattern would try every capital
    found = []
    for match in APPOSED.finditer(text):
        kind = match.group("kind").split()[-1].lower()
        name = DETERMINERS.sub("", match.group("name"))
        if kind in knowledge.organisation_descriptors and name and not knowledge.lookup(name):
            source = unresolved(name, knowledge)
            if source:
                found.append(source)
    return found


def _proper_runs(words: list[str], stop: bool = True) -> list[list[str]]:
    runs, i = [], 0
    while i < len(words):
        run = proper_run(words[i:])
        if run:
            runs.append(run)
            i += len(run)
        elif stop and words[i][:1].islower() and words[i] not in CONNECTORS and runs:
            break  # "at XP Investimentos in São Paulo": the body ends at the first plain word
        else:
            i += 1
    return runs


SERVICE_IN_PLACE = re.compile(
    r"^(?P<service>(?:[Tt]he\s+)?[Pp]olice)\s+in\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,3}$"
)


def emergency_service(phrase: str, knowledge: Knowledge) -> SourceRef | None:
    """ "the police", "Local police", "a fire brigade spokesman": the service itself, as a
    group named as the text names it ("Police", "Local police", "Fire brigade");
    "Hampshire Police spokesman": the service by its name. "Polish police" is no service
    of its own: the state's, read elsewhere."""
    phrase = ABBREVIATION.sub("", phrase).strip(" ,")  # "British Transport Police (BTP)"
    placed = SERVICE_IN_PLACE.match(phrase)
    if placed:
        phrase = placed.group("service")  # "Police in Zimbabwe": the police
    match = knowledge.emergency_service.match(phrase)
    if match is not None:
        return labelled(match.group("service").lower(), "group")
    match = knowledge.named_service.match(phrase)
    owner = POSSESSIVE_WORD.sub(r"\1", match.group("owner").strip()) if match else ""
    known = knowledge.lookup(owner) if match else None
    # "Nairobi police" is the city's police, though "Nairobi" also names Kenya's state
    capital = (
        known is not None and known.source.kind == "government" and known.source.label == owner
    )
    if match is None or (known and not capital) or any(_is_date_word(w) for w in owner.split()):
        return None  # "Polish police" is the state's; "Tuesday police" no service's name
    service = f"{owner} {match.group('kind')}"
    return unresolved(service, knowledge) or labelled(service)


def labelled(phrase: str, kind: str = "unresolved") -> SourceRef:
    """A source named by the words the text used ("court documents" -> Court documents)."""
    label = phrase[:1].upper() + phrase[1:]
    return SourceRef(slugify(label), label, kind, (label,))


INITIALISM_END = re.compile(r"(?:^|\s)(?:[A-Z]\.){2,}$")  # "F.A.O.", "U.N."


@lru_cache(maxsize=8192)
def unresolved(head: str, knowledge: Knowledge, allow_in: bool = False) -> SourceRef | None:
    """An unknown speaker still becomes a source, labelled from the text."""
    head = ABBREVIATION.sub("", head).strip(" ,")
    head = head if INITIALISM_END.search(head) else head.rstrip(".")  # "F.A.O." keeps its stop
    words = DETERMINERS.sub("", head).split()
    limit = MAX_NAME_IN if allow_in else MAX_NAME
    if len(words) > limit:
        words = _office_before_its_seat(words, limit, knowledge)
    if not words or len(words) > limit:
        return None
    if (
        len(words) == 1
        and "-" in words[0]
        and all(names_state(p, knowledge) for p in words[0].split("-"))
    ):
        return None  # "a British-Syrian": a nationality, no body
    noun = words[0].lower() if len(words) == 1 else ""
    people = plural(noun) in knowledge.source_nouns and noun not in knowledge.back_nouns
    if noun and (noun in knowledge.source_nouns or people):
        # "Supporters say ...": a group by its noun; "Eyewitness reports": eyewitnesses
        return labelled(plural(words[0]), "group")
    if len(words) == 1 and knowledge.back_nouns.get(words[0].lower()) == "government":
        return None  # "the Government", "the Ministry": a state's body, never a name alone
    if words[0] in knowledge.not_names and not knowledge.lookup(" ".join(words[:2])):
        return None  # "New rules", but "New Zealand Herald"
    owner = POSSESSIVE_WORD.match(words[0])
    known = knowledge.lookup(owner.group(1)) if owner and words[0][:1].isupper() else None
    if known is not None and known.proper and len(words) > 1 and words[1][:1].isupper():
        return known.source  # "the AU's Peace and Security Council": an organ of the AU
    if (
        owner
        and owner.group(1) in knowledge.name_gender
        and len(words) > 2
        and _all_capitalised(words[1:])
        and words[-1] in knowledge.organisation_words
    ):
        # "Keiko’s Popular Force party": a person's party, named by its own name
        return unresolved(" ".join(words[1:]), knowledge, allow_in)
    rest = {w.lower().strip(",.") for w in words[1:]}
    if known is not None and known.source.kind == "government" and rest & NOT_THE_STATE:
        # "Malawi's main opposition party": a party of the country, not its state
        return _opposition(rest, knowledge)
    # "UNEP’s executive director" speaks for UNEP; "Moody's" alone is a name of its own
    alone = len(words) == 1 and known is not None
    if owner and words[0][:1].isupper() and (alone or len(words) > 1 and words[1][:1].islower()):
        words = [owner.group(1)]
    label = _label(words, knowledge, allow_in)
    if not label:
        return None
    # "Engineers", "Residents": a group of people, not a body that "the agency" could be
    named = len(words) > 1 and words[-1][:1].isupper()  # "Hollis Media" is a company's name
    kind = "group" if label == group_by_noun(words, knowledge) and not named else "unresolved"
    label = label[0].upper() + label[1:]
    slug = slugify(label)
    return SourceRef(slug, label, kind, (label,)) if slug else None


def names_state(word: str, knowledge: Knowledge) -> bool:
    """Whether a capitalised word or name is a state's ("Kenya", "Syrian", "Nairobi")."""
    named = knowledge.lookup(word.strip(",.")) if word[:1].isupper() else None
    return named is not None and named.source.kind == "government"


def _office_before_its_seat(words: list[str], limit: int, knowledge: Knowledge) -> list[str]:
    """ "U.S. Attorney's Office for the Southern District of New York": a name too long to
    be one body's is the office it opens with, when that ends in a body's word."""
    cut = next((i for i, w in enumerate(words) if w in ("for", "in")), 0)
    office = words[cut - 1].strip(",.") if cut else ""
    seat = set(words[cut:]) & JURISDICTIONS
    if 2 <= cut <= limit and seat and office in knowledge.government_words:
        return words[:cut]
    return words


def _opposition(rest: set[str], knowledge: Knowledge) -> SourceRef | None:
    """ "Kenya's opposition coalition" is the opposition, "Ethiopia's ruling party" the
    ruling party, never the state; a country's party no one names otherwise is no source."""
    if "opposition" in rest:
        return unresolved("opposition", knowledge)
    if rest & {"ruling", "governing"} and rest & {"party", "coalition"}:
        return labelled(f"{'ruling' if 'ruling' in rest else 'governing'} party")
    return None


def _label(words: list[str], knowledge: Knowledge, allow_in: bool) -> str | None:
    """ "cybersecurity firm Mandiant" -> Mandiant; "residents of Chakothi" -> Residents;
    "The Baltic Maritime Observatory" -> itself."""
    lower = not words[0][:1].isupper()
    named = _named_after_descriptor(words, knowledge) or _named_before_descriptor(words, knowledge)
    group = group_by_noun(words, knowledge)
    if named and lower:
        return named
    if group and (lower or words[0].lower() in knowledge.source_nouns):
        return group
    if not lower and (_all_capitalised(words) or allow_in):
        return " ".join(words)  # its length is bounded in `unresolved`
    return named or group


@lru_cache(maxsize=8192)
def whole_name(head: str, knowledge: Knowledge) -> SourceRef | None:
    """A body's full name that contains "and" or "in" ("the United Nations Military Observer
    Group in India and Pakistan"), so it is not read as a list of sources."""
    words = DETERMINERS.sub("", ABBREVIATION.sub("", head)).split()
    if len(words) < 4 or not re.search(r"\s(?:and|in)\s", head):
        return None
    if not all(w[:1].isupper() or w in (*CONNECTORS, "in") for w in words):
        return None
    if not set(words) & knowledge.organisation_words or knowledge.lookup(" ".join(words)):
        return None
    return unresolved(" ".join(words), knowledge, allow_in=True)


def _all_capitalised(words: list[str]) -> bool:
    return all(w[:1].isupper() or w in CONNECTORS for w in words)


def _named_after_descriptor(words: list[str], knowledge: Knowledge) -> str | None:
    """ "cybersecurity firm Mandiant" -> "Mandiant"; "Internet security firm Secunia.com"."""
    kinds = [i for i, w in enumerate(words[:-1]) if w.lower() in knowledge.organisation_descriptors]
    if kinds:
        name = proper_run(words[kinds[-1] + 1 :])
        if name and len(name) == len(words) - kinds[-1] - 1:
            return " ".join(name)
    for i, word in enumerate(words):
        if word.lower() in PREPOSITIONS:
            return None  # "a police official in Poonch": a place, not a name
        if word[:1].isupper():
            name = proper_run(words[i:])
            rest = words[i + len(name) :]
            return " ".join(name) if name and not rest and i <= 3 else None
    return None


def _named_before_descriptor(words: list[str], knowledge: Knowledge) -> str | None:
    """ "the White Helmets rescue group" -> "White Helmets": a name, then the kind of body
    it is in lower case; "Syrian rescue group" names a place, not the body."""
    name = proper_run(words)
    rest = [w.lower().strip(",.") for w in words[len(name) :]]
    if not name or not rest or len(rest) > 3 or any(w[:1].isupper() for w in rest):
        return None
    if rest[-1] not in knowledge.organisation_descriptors or " ".join(name) in PLATFORMS:
        return None  # "the Internet protest movement": a group on the Internet, not it
    place = knowledge.lookup(" ".join(name))
    return None if place is not None and place.source.kind == "government" else " ".join(name)


def plural_owner(word: str) -> bool:
    """ "owners'", "Teachers'": people a body belongs to ("the teachers' union"), not an
    owner named before it ("the country's")."""
    return word[1:].islower() and (word.endswith(("s'", "s’")) or _for_whom(word))


def _for_whom(word: str) -> bool:
    """ "People's", "Women's": whom a body is for, inside its name."""
    return word.lower().rstrip("'’s") in IRREGULAR_PLURALS and word.endswith(("'s", "’s"))


# "People's", "Women's", "Children's": plurals whose possessive names whom a body is for
# ("National People's Congress", "the Children's Hospital"), never an owner before it
IRREGULAR_PLURALS = frozenset({"people", "women", "men", "children"})


AGE = re.compile(r"^\d+-(?:year|month|week)s?-old$")


def group_by_noun(words: list[str], knowledge: Knowledge) -> str | None:
    """ "shipping industry sources", "Press freedom groups", "European chief executives" -> a
    group, named by its last source noun before any preposition."""
    owned = [  # "the country's main farm lobby", but "transport owners' associations" whole
        i for i, w in enumerate(words[:3]) if POSSESSIVE_WORD.match(w) and not plural_owner(w)
    ]
    words = words[owned[-1] + 1 :] if owned else words  # "the country's main farm lobby"
    found = None
    for i, word in enumerate(words[:5]):
        bare = word.lower()
        verb = word.endswith("ed") and "-" not in word  # "Russian-installed": an adjective
        if bare in PREPOSITIONS or bare == "also" or verb:
            break  # "Dizon also showed reporters": a clause, not a group
        if found is not None and word.islower() and bare.endswith("ing"):
            break  # "Unions representing about 1,800 staff": the group is "Unions"
        if bare in knowledge.source_nouns or plural(word).lower() in knowledge.source_nouns:
            found = i
        elif bare in COLLECTIVE_NOUNS and any(w[:1].isupper() for w in words[:i]):
            found = i  # "the Internet protest movement": a group the name only places
    if found is None:
        return None
    if words[found].lower() in ("state", "source") and words[found + 1 : found + 2] == ["of"]:
        return None  # "the current state of information", "a source of concern": no one
    bodies = ("government", "organisation", "company")
    if any(knowledge.back_nouns.get(w.lower().strip(",.")) in bodies for w in words[found + 1 : 5]):
        return None  # "the state security ministry": a body the noun only qualifies
    if words[found].lower() in ("leader", "leaders") and "opposition" in (
        w.lower() for w in words[:found]
    ):
        return "Opposition"  # "opposition leader Imran Khan" speaks for the opposition
    named = any(w[:1].isupper() for w in words[:found])
    if named and words[found].lower() in COLLECTIVE_NOUNS:
        return " ".join(words[: found + 1])  # "The Indymedia group": one group, named
    described = [w for w in words[:found] if not AGE.match(w)]  # "a 45-year-old shopkeeper"
    return " ".join([*described, plural(words[found])])  # "a diplomat" -> "Diplomats"


def plural(noun: str) -> str:
    """ "diplomat" -> "diplomats", "economy" -> "economies"; plurals stay as they are."""
    lower = noun.lower()
    if lower.endswith(("ss", "ch", "sh", "x")):
        return noun + "es"  # "witness" -> "witnesses", "coach" -> "coaches"
    if lower.endswith("s") or lower in (
        "people",
        "staff",
        "police",
        "opposition",
        "media",
        "industry",
    ):
        return noun
    if lower.endswith("person"):
        return noun[:-6] + "people"
    if lower.endswith("man"):
        return noun[:-3] + "men"
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if lower.endswith(("ch", "sh", "x")):
        return noun + "es"
    return noun + "s"
