"""Whom a named person speaks for, read from what the text says of them first.

The roles the register collected ("Poland's army chief Gen.", "Sen. ..., R-Ohio", "of the
School of Public Health at the University of Leeds", "Kisumu Governor", "Captain") are
read in that order of strength: a party-state tag, a body the role names (a demonym or
possessive, "of the X", "X spokesperson", a whole university), a local office, the
body the story is about for a job title, the state for a state title, a field for an
expert. `data/people.json` and `data/entities.json` are the knowledge to fall back on.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.extraction.bodies import (
    body_in_role,
    emergency_service,
    group_by_noun,
    labelled,
    named_body,
    names_state,
    proper_run,
    state_role,
    unresolved,
)
from app.extraction.context import Attribution, Context
from app.extraction.knowledge import Knowledge
from app.extraction.knowledge import Person as KnownPerson
from app.extraction.model import SourceRef, Speaker
from app.extraction.register import PARTY_TAG, Person, kind_by_clause
from app.extraction.vocabulary import (
    ACADEMIC_WORDS,
    LEADING_ARTICLE,
    LEADING_CONJUNCTION,
    PARTY_SIDES,
    STATEMENT_TITLE_WORDS,
    in_any,
)

OWNER = re.compile(r"\b(the)\s+([a-z]+)(?:'s|’s)\s", re.IGNORECASE)
INSTITUTION_OF = re.compile(r"\b(?:of|at)\s+the\s+(?P<noun>[a-z]+)$")  # "director of the gallery"
DETERMINER = re.compile(r"^[Tt]he\s+")
# "... Daily Xtra's editorial director": a name, its possessive, then the job in lower case
OWNED_JOB = re.compile(
    r"(?:^|\s)(?P<owner>[A-ZÀ-Þ][\w&.-]*(?:\s+(?:(?:of|and|for|on)\s+)?[A-ZÀ-Þ][\w&.-]*){0,6})(?:'s|’s)"
    r"(?:\s+[a-z][\w-]*){1,3}$"
)
BRACKETED_TAG = re.compile(r"\(([A-Z]-[A-Z][A-Za-z. ]{1,20})\)")
RANKS = {"Chief", "Associate", "Senior", "Deputy", "Presiding", "Lead", "Acting"}
WHO_HEADS = re.compile(r"^who\s+(?:heads|headed|leads|led|runs|ran|directs|chairs)\s+(?=the\s)")
FORMER = re.compile(r"\b(?:former|formerly|ex-|retired|outgoing)\b", re.IGNORECASE)
# "shadow chancellor": the opposition's, so only a party the role names is a body of it
SHADOW = re.compile(r"\bshadow\b", re.IGNORECASE)
ORIGIN = re.compile(r"^(?:of|from)\s+(?P<place>[^,]+?)(?:\s+\[\w\w\])?$")  # "of Cameroon [Fr]"
NATIONALITY = re.compile(r"^[A-ZÀ-Þ][\w.'’ -]*?(?:'s|’s)?$")  # "Chad's", "Brazilian"
STATE_ROLE_WORDS = {"minister", "spokesman", "spokeswoman", "spokesperson", "army", "secretary",
                    "undersecretary", "under-secretary", "parliament"}  # fmt: skip


ENVOY_WORDS = {"ambassador", "envoy", "chargé"}  # posted abroad: no dateline's state
NATIVE_OF = re.compile(r"^(?:(?:a|an)\s+)?(?:[A-Z][\w.'’-]*\s+){1,3}natives?\b\s*")


def speaks_for(
    roles: list[str], knowledge: Knowledge, context: Context, strong_only: bool = False
) -> SourceRef | None:
    """The body a person with these roles speaks for, the strongest reading first; with
    `strong_only`, only a body the roles name themselves (not one guessed from the story)."""
    kinds, current, speaking = _roles_read(tuple(roles), knowledge)
    readings = STRONG if strong_only else STRONG + WEAK
    described = any(len(role.split()) > 1 for role in speaking)
    for reading in readings:
        for role in current if reading is _field else speaking:
            if SHADOW.search(role) and reading not in (_party, _party_member, _named_in_role):
                continue
            if reading is _employer and described and len(role.split()) == 1:
                continue  # "Captain" beside "an Army prosecutor": a rank, no job at a club
            source = reading(role, knowledge, context)
            if source:
                return source
    if kinds and not strong_only:
        return labelled(kinds[0], "group")  # "Residents": nothing else names a body
    return None


def _without_rank(role: str, knowledge: Knowledge) -> str:
    """ "Chief of the Relief Agency Maj. Gen." -> "Chief of the Relief Agency": an
    abbreviated rank written right before the name is the person's, no part of the body's
    name. A rank in full stays ("Attorney General", "Secretary General" are offices)."""
    words = role.split()
    # the longest rank that ends the role ("Vice Adm.", not "Adm."), if it does not open it
    n = next((n for n in (4, 3, 2, 1) if " ".join(words[-n:]) in knowledge.military_ranks), 0)
    if not n or n >= len(words) or "." not in " ".join(words[-n:]):
        return role
    return " ".join(words[:-n])


STATEMENT_LEAD = re.compile(
    rf"^(?:{'|'.join(map(re.escape, STATEMENT_TITLE_WORDS))})\s+(?:by|of|from)\b", re.IGNORECASE
)
CANDIDATE_WORDS = {"candidate", "hopeful", "contender", "challenger"}
COUNTRY_OWNER = re.compile(r"^(?P<owner>[A-ZÀ-Þ][\w.-]*(?:\s+[A-ZÀ-Þ][\w.-]*)?)['’]s\s+")


def _candidate_of_no_state(role: str, knowledge: Knowledge) -> str:
    """ "Afghanistan's presidential candidate" -> "presidential candidate": one who seeks
    a country's office speaks for no state ("Republican candidate" keeps its party)."""
    words = role.lower().split()
    owner = COUNTRY_OWNER.match(role)
    if not words or words[-1].strip(",.") not in CANDIDATE_WORDS or owner is None:
        return role
    return role[owner.end() :] if names_state(owner.group("owner"), knowledge) else role


@lru_cache(maxsize=4096)
def _roles_read(
    given: tuple[str, ...], knowledge: Knowledge
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What a person's roles say before the story is consulted: the kinds of person they
    make them, the roles they hold now, and of those the ones they speak in. A pure function
    of the words: a person named again (or a sentence read again) costs nothing."""
    roles = [NATIVE_OF.sub("", r) for r in given]  # "Pheonix native Cdr.": where from, no body
    # "Testimony of the Honorable X": the kind of text the line opens, no role of X's
    roles = [r for r in roles if not STATEMENT_LEAD.match(r)]
    roles = [WHO_HEADS.sub("head of ", r) for r in roles]  # "who heads the X": X's head
    roles = [r for r in (_without_rank(r, knowledge) for r in roles) if r]
    roles = [_candidate_of_no_state(r, knowledge) for r in roles]
    official = any(state_role(r, knowledge) for r in roles)
    # "who lives in the village of X" says what kind of person they are, never whom for
    kinds = tuple(label for r in roles if (label := kind_by_clause(r, knowledge)))
    current = tuple(
        r
        for r in roles
        if not FORMER.search(r)
        and not _nationality(r, knowledge, official)
        and not _origin(r, knowledge)
        and not kind_by_clause(r, knowledge)
        and not _a_relation(r, knowledge)
    )
    # "a resident of Y", "a reader": of a body without speaking for it, but of a kind
    speaking = tuple(r for r in current if not _member(r, knowledge))
    return kinds, current, speaking


def _origin(role: str, knowledge: Knowledge) -> bool:
    """ "from Toronto, Canada": places, where a person comes from, not whom they speak for
    (unlike "from the University of Leeds", "from blog Maré Alta" or "from Reuters")."""
    if not role.startswith("from "):
        return False
    places = [p.strip(" .") for p in role[5:].split(",") if p.strip(" .")]
    words = [w for place in places for w in place.split()]
    if not words or any(not w[:1].isupper() for w in words):
        return False  # "from blog X", "from the University of Y": a body's words
    if in_any(set(words), knowledge.organisation_words, knowledge.government_words):
        return False
    named = [knowledge.lookup(place) for place in places]
    return all(n is None or n.source.kind == "government" for n in named)


def _a_relation(role: str, knowledge: Knowledge) -> bool:
    """ "Huber's longtime tag team partner", "the wife of X": a tie to a person, whose
    body it is not."""
    words = role.split()
    return bool(words) and words[-1].strip(",.").lower() in knowledge.relation_nouns


def _member(role: str, knowledge: Knowledge) -> bool:
    """ "a psychology major at the University of X", "a resident of Y": belongs to a body
    without speaking for it."""
    head = re.split(r"\s+(?:at|of|for|from|with|in)\s+", role)[0].split()
    if len(head) > 1 and head[-2].lower() == "staff":
        return False  # "a U.N. staff member" works for the body, and speaks for it
    return bool(head) and head[-1].lower().strip(",.") in knowledge.members_not_speakers


def _nationality(role: str, knowledge: Knowledge, official: bool) -> bool:
    """ "Chad's Moussa Faki Mahamat", and "Emmanuel Bellart of Cameroon" unless a state's
    title says they hold office ("President Ana Ferreira of Portugal"): a country alone
    says where a person is from, not whom they speak for."""
    role = re.sub(r"^(?:the|a|an)\s+", "", role.strip())  # "Janzen, the Canadian, said"
    origin = ORIGIN.match(role)
    if origin and not official:
        role = origin.group("place")
    bare = role.replace("’s", "").replace("'s", "").strip()
    named = knowledge.lookup(bare) if NATIONALITY.match(role) else None
    # not "The BBC's X", nor "John Geiger of USGS": a state's organ employs, a country not
    organ = named is not None and named.alias in knowledge.state_organs
    return named is not None and named.source.kind == "government" and not organ


def person_attribution(
    person: Person, knowledge: Knowledge, context: Context, role: str | None = None
) -> Attribution:
    """A registered person as speaker, filed under the body they speak for."""
    roles = [r for r in (role, *person.roles) if r]
    known = knowledge.person(person.name)
    # the listed role only while it was theirs ("Joe Biden" in 2020 was no president),
    # or where the text gives them its title ("President Biden")
    shadowing = any(SHADOW.search(r) for r in roles)  # the text says they are in opposition
    held = (
        known is not None
        and not shadowing
        and (known.holds(context.published) or _titled(roles, known))
    )
    office = known if held else None
    spoken = role or _describing(person.roles) or (office.role if office else None)
    # the text's own words first; for a listed person, the data file beats a guess
    source = speaks_for(roles, knowledge, context, strong_only=office is not None)
    if office and source is None:
        source = office.source
    name = known.name if known else person.name
    source = source or unresolved(name, knowledge) or labelled(name)
    return Attribution((source,), Speaker(name, spoken), personal=True)


def _titled(roles: list[str], known: KnownPerson) -> bool:
    """Whether the text calls a listed person by the title of their listed role
    ("President" for the President of the United States), not a former one."""
    listed = set((known.role or "").lower().replace(";", " ").split())
    return any(
        r.split() and not FORMER.search(r) and set(r.lower().split()) <= listed for r in roles
    )


def _describing(roles: list[str]) -> str | None:
    """The role that says most about a person: not an age or a bare title."""
    described = [r for r in roles if len(r.split()) > 1 or r[:1].islower()]
    chosen = described or roles
    return chosen[0] if chosen else None


def _party(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "R-Ohio", "D-N.M.": a US lawmaker's party."""
    bracketed = BRACKETED_TAG.search(role)  # "U.S. Senator (R-Texas)"
    tag = PARTY_TAG.match(
        bracketed.group(1) if bracketed else role.strip(" ,.") + ("." if role.endswith(".") else "")
    )
    party = knowledge.party_tags.get(tag.group("party")) if tag else None
    named = knowledge.lookup(party) if party else None
    return named.source if named else None


# "a Massachusetts Democrat", "an Ohio Republican": a member of the party the noun names
# "a Massachusetts Democrat", "an Ohio Republican", "fellow Republican"
PARTY_MEMBER = re.compile(
    r"^(?:a|an|fellow|another)\s+(?:[A-Z][\w.'’-]*\s+){0,3}(?P<party>[A-Z][a-z]+)$"
)
PARTY_INITIALS = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z]{1,5}$")


def _party_member(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "Republican Senator", "a Democratic lawmaker", "Labour MP": a lawmaker speaks for
    the party the role names."""
    words = [w.strip(",.") for w in role.split()]
    for before, initials in zip(words, words[1:], strict=False):
        if before.lower() in PARTY_SIDES and PARTY_INITIALS.match(initials):
            # "Opposition BNP secretary general", "ruling ANC spokesman": the party named
            named = knowledge.lookup(initials)
            if named is None:
                return unresolved(initials, knowledge)
            if named.source.kind == "organisation":
                return named.source
    bare = LEADING_CONJUNCTION.sub("", role.strip(" ,."))  # "But fellow Republican"
    member = PARTY_MEMBER.match(bare.split(" and ")[0])  # "and member of X"
    if member and member.group("party") in knowledge.party_adjectives:
        named = knowledge.lookup(knowledge.party_adjectives[member.group("party")])
        if named:
            return named.source  # "a Massachusetts Democrat", "an Ohio Republican"
    if not any(w.lower() in knowledge.party_roles for w in words):
        return None  # "Democratic committee chairman", "Republican Senator": a party's member
    for size in (3, 2):  # "New Democrat MP": the party a run of words names itself
        for i in range(len(words) - size + 1):
            named = knowledge.lookup(" ".join(words[i : i + size]))
            if named and named.source.kind == "organisation":
                return named.source
    for i, word in enumerate(words):
        party = knowledge.party_adjectives.get(" ".join(words[i : i + 2])) or (
            knowledge.party_adjectives.get(word)
        )
        named = knowledge.lookup(party) if party else None
        if named:
            return named.source
    return _party_initials(words, knowledge)


def _party_initials(words: list[str], knowledge: Knowledge) -> SourceRef | None:
    """ "SNP MP", "PCdoB Deputy", "BJP MLA": the initials right before a lawmaker's title
    name their party, unless they name a state ("US Senator")."""
    if len(words) < 2 or words[-1].lower() not in knowledge.legislator_nouns:
        return _regional_party_initials(words, knowledge)
    initials = words[-2]
    if not PARTY_INITIALS.match(initials):
        return None
    named = knowledge.lookup(initials)
    if named is None:
        return unresolved(initials, knowledge)
    return named.source if named.source.kind == "organisation" else None


def _regional_party_initials(words: list[str], knowledge: Knowledge) -> SourceRef | None:
    """ "SNP Westminster leader", "ANC Gauteng chairman": a party's initials, where its
    branch sits, then a party's role: the party, not the place."""
    if not 3 <= len(words) <= 4 or words[-1].lower() not in knowledge.party_roles:
        return None
    if not PARTY_INITIALS.match(words[0]) or not all(w[:1].isupper() for w in words[1:-1]):
        return None
    named = knowledge.lookup(words[0])
    if named is None:
        return unresolved(words[0], knowledge)
    return named.source if named.source.kind == "organisation" else None


def _named_in_role(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """The body a role names: "its" body, "the company's", or "head of the X"."""
    if role.lower().startswith(("its ", "their ")):  # "... Commission. Its chair, Justice X"
        spoke = context.last_body(("organisation", "unresolved", "government"), spoken=True)
        return context.opening or context.current or spoke
    noun, leading = _body_noun(role, knowledge)
    if noun:
        named = context.body_named([noun])
        kind = knowledge.back_nouns.get(noun)
        if named or (leading and kind == "organisation"):
            return named  # "Council spokesperson X" is a council named before, or nobody's
        if kind in ("organisation", "company"):
            return context.last_body(("organisation", "unresolved"))  # "the company's CEO"
    client = _client(role, knowledge, context)
    court = _court(role, knowledge, context)
    if client or court:
        return client or court
    if _kind_of_person(role, knowledge):
        return None  # "U.S. Olympic swimmer": a kind of person (read as a field), no body
    owner = PERSONS_OWN.match(role)
    personal = owner is not None and owner.group("job") in knowledge.team_roles
    person = context.register.named(owner.group("name")) if owner and personal else None
    if person is not None and len(person.parts) > 1:
        return None  # "Liu's coach": an athlete's, no body's ("Tesco's CEO" is Tesco's)
    return _owner_of_job(role, knowledge, context) or body_in_role(role, knowledge)


PERSONS_OWN = re.compile(r"^(?P<name>[A-ZÀ-Þ][\w'’-]+)(?:'s|’s)\s+(?P<job>[a-z][\w-]*)")


def _kind_of_person(role: str, knowledge: Knowledge) -> bool:
    """Whether a role is a kind of person and no job at a body: "U.S. Olympic swimmer",
    "Ivorian blogger" (not "Kremlin spokesman", "Rhodium Group analyst")."""
    words = role.strip(" ,").split()
    if not words or " of " in role or " at " in role or " for " in role:
        return False
    head = words[-1].lower().strip(",.")
    if head not in knowledge.source_nouns or head in knowledge.person_nouns:
        return False
    if any(w.endswith(("'s", "’s")) for w in words[:-1]):
        return False  # "Fiji's lead negotiator": a job of the country's
    if any(knowledge.back_nouns.get(w.lower()) == "government" for w in words[:-1]):
        return False  # "Colombian government lead negotiator": a job of the state's
    for word in words[:-1]:
        bare = word.strip(",.")
        named = knowledge.lookup(bare)
        body = named is not None and (
            named.source.kind != "government" or named.alias in knowledge.state_organs
        )
        if bare in knowledge.organisation_words or body:
            return False  # "Rhodium Group analyst", "NASA astronaut": a body's people
    return True


def _owner_of_job(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "National LGBT news source Daily Xtra's editorial director": the body whose job it
    is, named right before it, not the words that describe that body."""
    owned = OWNED_JOB.search(role)
    if owned is None or context.register.named(owned.group("owner")):
        return None  # "Almasi's lawyer": a person's (read as the client)
    job = role[owned.end("owner") :].split()[1:]
    if any(
        w in knowledge.back_nouns or w.capitalize() in knowledge.organisation_words for w in job
    ):
        return None  # "the LA Sheriff's office": the owner's body, named whole elsewhere
    return named_body(owned.group("owner"), knowledge) or unresolved(
        owned.group("owner"), knowledge
    )


CLIENTS_COUNSEL = re.compile(
    r"^(?P<pronoun>[Hh]is|[Hh]er)\s+(?:(?:defen[cs]e|criminal|longtime|personal)\s+)?"
    r"(?:lawyer|lawyers|attorney|attorneys|counsel|barrister|solicitor)$"
)


def _body_noun(role: str, knowledge: Knowledge) -> tuple[str, bool]:
    """The common noun of a body named before that a role points back to, and whether it
    leads the role: "the canal's administrator" -> canal; "Council spokesperson",
    "Company spokeswoman" -> council, company (leading)."""
    first, _, rest = role.strip().partition(" ")
    kind = knowledge.back_nouns.get(first.lower()) if first[:1].isupper() else None
    job = rest.split()[0] if rest.split() else ""
    if kind in ("organisation", "company") and job in knowledge.person_nouns:
        return first.lower(), True
    owner = OWNER.search(role)
    if owner and owner.group(1).lower() not in ("its", "their"):
        return owner.group(2).lower(), False
    return "", False


def _client(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "Almasi's lawyer": a person named by surname owns the role; their full name is the
    source, never the bare surname."""
    owner = PERSONS_OWN.match(role)
    if owner and owner.group("job") in knowledge.team_roles:
        owner = None  # "Liu's coach, Sun Hai Ping": the coach speaks for no athlete
    person = context.register.named(owner.group("name")) if owner else None
    counsel = None if owner else CLIENTS_COUNSEL.match(role.strip(" ,"))
    if counsel:  # "Her lawyer, Ben Myers": the previous sentence's subject, else the
        # person of that gender the text named last
        gender = {"his": "male", "her": "female"}[counsel.group("pronoun").lower()]
        subject = context.register.first_named(context.previous, context.position)
        fits = subject is not None and subject.gender in (gender, None)
        person = subject if fits else context.register.nearest(context.position, gender)
    if person:
        return unresolved(person.name, knowledge)
    aide = AIDE_FOR.search(role)  # "a spokesperson for Tsvangirai": for the person's body
    principal = context.register.named(aide.group("principal")) if aide else None
    if principal is not None and len(principal.parts) > 1 and principal.roles:
        return person_attribution(principal, knowledge, context).sources[0]
    represents = REPRESENTING.search(role)  # "a lawyer representing R.J. Reynolds"
    if represents:
        return named_body(represents.group("client"), knowledge) or unresolved(
            represents.group("client"), knowledge
        )
    return None


# "a spokesperson for Tsvangirai", "an aide to Mr. Ruto": the person's own people
AIDE_FOR = re.compile(
    r"\b(?:spokesperson|spokesman|spokeswoman|aide|adviser|advisor)\s+(?:for|to)\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<principal>[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,2})$"
)
# "a lawyer representing R.J. Reynolds": counsel speaks for the client named
REPRESENTING = re.compile(
    r"\b(?:lawyer|lawyers|attorney|attorneys|counsel)\s+(?:representing|for)\s+"
    r"(?P<client>(?:the\s+)?[A-ZÀ-Þ][\w.&'’-]*(?:\s+[A-ZÀ-Þ][\w.&'’-]*){0,4})$"
)


SEAT_AFTER = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*$")


def _court(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "U.S. District Judge": the court the judge sits on; "Justice", "Chief Justice": the
    court the story names."""
    words = SEAT_AFTER.sub("", role).split()  # "U.S. District Judge in Sherman"
    if not words or words[-1] not in knowledge.judicial_titles:
        return None
    if len(words) >= 2 and words[-2].lower() in ("of", "for"):
        return None  # "Secretary of Justice", "Minister for Justice": a portfolio, no judge
    if len(words) == 1 or words[-2] in RANKS:  # "Chief Justice": a rank, not a court
        return context.body_named(["court"])
    court_word = knowledge.judicial_titles[words[-1]]
    # "U.S. District Judge": the District Court; "District Court Judge": not "Court Court"
    court = " ".join(words[:-1] if words[-2] == court_word else [*words[:-1], court_word])
    return unresolved(court, knowledge)


def _local_office(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "Kisumu Governor", "New Orleans Mayor", "Mayor of Koszalin", "California Attorney
    General": the place whose office it is."""
    words = role.split()
    titles = [  # "Governor", or two or three words: "Attorney General", "Secretary of State"
        i
        for i, w in enumerate(words)
        if any(" ".join(words[i : i + n]) in knowledge.local_titles for n in (1, 2, 3))
    ]
    if not titles:
        return _regional_office(words, knowledge, context)
    if titles[0] == 0:  # "Mayor of Koszalin", "Governor of Opole Province"
        size = max(n for n in (1, 2, 3) if " ".join(words[:n]) in knowledge.local_titles)
        rest = words[size:]
        named = rest[1:] if rest[:1] == ["of"] else []  # "Secretary of State X": no place
    else:
        named = words[: titles[0]]
        if all(w in knowledge.title_words for w in named):
            return None  # "Assistant Secretary of State for ...": a longer title, no place's office
    run = proper_run(named)
    place = " ".join(run)
    if not run or len(run) != len(named) or knowledge.lookup(place):
        return None  # "Kenya's Governor" is a state's; "the Governor" names no place
    return unresolved(place, knowledge)


def _regional_office(words: list[str], knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "Regional governor Boris Dubrovsky" after "the Chelyabinsk region": the region the
    story named, when the role names none."""
    bare = [w.strip(",.").lower() for w in words]
    if len(bare) != 2 or bare[0] not in knowledge.local_modifiers:
        return None
    if bare[1].capitalize() not in knowledge.local_titles:
        return None
    areas = list(knowledge.local_area.finditer(context.body[: context.position]))
    named = [a.group("place") for a in areas if not knowledge.lookup(a.group("place"))]
    return unresolved(named[-1], knowledge) if named else None


TEAM_ROLE_RANKS = frozenset({"head", "assistant", "interim", "caretaker"})


def _team(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "Panama coach", "Tunisia's coach": a country's national side in a sports story."""
    words = role.replace("’s", "").replace("'s", "").split()
    if len(words) < 2 or words[-1].lower() not in knowledge.team_roles:
        return None
    if len(words) > 2 and words[-2].lower() in TEAM_ROLE_RANKS:
        words = [*words[:-2], words[-1]]  # "U.S. head coach": the side's coach
    written = " ".join(words[:-1])
    named = knowledge.lookup(written)
    if named is None or named.source.kind != "government":
        return None
    # "England coach": England's side, though England's government is the United Kingdom's
    country = written if written in knowledge.country_names else named.entity.label
    return unresolved(f"{country} national team", knowledge, allow_in=True)


JOB_RANK = re.compile(r"^(?:senior|executive|acting|interim|associate|assistant)\s+(?=\S)", re.I)


def _employer(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "Chief Executive Kari Nygaard", "Captain Joe Mensah": in a story about a company or
    a club, a job title with no body of its own is the job there."""
    words = [w.strip(",.").lower() for w in role.split()]
    if " ".join(words) in knowledge.leader_titles and context.home_country():
        return None  # "President William Ruto" in a story from Nairobi: the state's leader
    job = JOB_RANK.sub("", role.strip(" ,."))  # "Senior vice president", "Executive Director"
    titled = job.title() in {t.title() for t in knowledge.corporate_titles}
    if not (titled or (words and words[-1] in knowledge.team_roles)):
        return None
    if not titled and _own_business(role.split()[-2:-1], knowledge):
        return None  # "a local hotel owner": the job at a business of their own
    return context.last_body(("organisation", "unresolved"))


def _own_business(before: list[str], knowledge: Knowledge) -> bool:
    """Whether the word before a job names a business of its own ("hotel owner"), not the
    company or club the story is about ("club captain", "head coach")."""
    word = before[0].strip(",.") if before else ""
    return (
        word.isalpha()
        and word.islower()
        and word not in knowledge.back_nouns
        and word not in knowledge.title_words_lower
        and word not in {"head", "assistant", "first", "new", "former", "interim", "team"}
    )


def _service(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "Police press officer Monika Kosiec", "a fire service spokesman": the service they
    speak for, not the story's state. A bare "police" is no one's role."""
    if len(role.split()) < 2:
        return None
    return emergency_service(role, knowledge)


def _state(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "Interior Minister Diosdado Cabello" in a Caracas story: the story's own state."""
    words = set(role.replace("-", " ").split())  # "Interior Minister", "Col.", "undersecretary"
    lower = {w.lower() for w in words}
    if lower & ENVOY_WORDS:
        # "Ambassador Antonio O. Garza" in his embassy's release: the state that sent him,
        # never the state of the dateline, where he is posted
        return context.publisher_state
    leader = " ".join(role.lower().split()) in knowledge.leader_titles  # "President", "King"
    if not (
        in_any(words, knowledge.government_words, knowledge.military_ranks)
        or lower & STATE_ROLE_WORDS
        or leader
    ):
        return None
    for opened in (context.current, context.opening):
        if opened and opened.kind == "government":
            return opened  # "Pakistan's foreign office summoned ..., spokeswoman X said"
    return context.home_country()


def _study_author(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "Co-author Jing-Shan Zhao", "study co-author Karen Alley": an author of the study
    the article reports speaks for the one body it says did that research."""
    bare = LEADING_ARTICLE.sub("", role.strip(" ,").lower())
    bare = bare.split(" and ")[0]  # "study co-author and geochemist"
    if bare not in knowledge.study_author_nouns or len(context.research) != 1:
        return None
    return context.research[0]


def _field(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "a security researcher at a Dakar-based think tank" -> Security researchers;
    "Ivorian blogger" -> Bloggers, "rancher" -> Ranchers: the kind of person they are."""
    words = re.split(r"\s+(?:at|of|for|from|with|in|who|which|named|called)\s+", role)[0].split()
    # where they are from and their rank are no part of their kind ("Lead prosecutor")
    words = [w for w in words if not names_state(w, knowledge) and w.capitalize() not in RANKS]
    if all(w in knowledge.title_words for w in words):
        return None  # a title alone ("Chief Executive") names no group
    if len(words) >= 2 and " ".join(w.capitalize() for w in words[-2:]) in knowledge.titles:
        return None  # "the state's attorney general": an office, written in lower case
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return None  # "Federal Coordinating Officer": an office's title, no kind of person
    if any(w.lower() in knowledge.study_author_nouns for w in words):
        return None  # a study's co-author is no field: theirs is the study's body or none
    if words and words[-1].lower().strip(",.") in knowledge.office_nouns:
        # "Rodrigo Pinho, state attorney", "council official Angel Capilli": a post in a
        # body the text does not name, no kind of person; the person speaks for themselves
        return None
    if words and words[-1].lower().strip(",.") in knowledge.status_nouns:
        return None  # "billionaire Elon Musk": what he is, no field he speaks for
    label = group_by_noun(words[-3:], knowledge)
    return unresolved(label, knowledge) if label else None


def _institution_named(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "director of the gallery": the gallery the article named before, as a whole
    ("USI's art gallery", "the USI art gallery" are USI's; "the Weatherspoon Art Museum")."""
    match = INSTITUTION_OF.search(role.strip())
    noun = match.group("noun") if match else ""
    if noun not in knowledge.institution_nouns:
        return None
    given = context.body.find(role)  # where the text gave the role, else this sentence
    before = context.body[: given if given >= 0 else context.position]
    named = list(_institutions(noun).finditer(before))
    if not named:
        return None
    last = named[-1]
    name = last.group("name") or DETERMINER.sub("", last.group("owner"))
    return named_body(name, knowledge) or unresolved(name, knowledge, allow_in=True)


@lru_cache(maxsize=64)
def _institutions(noun: str) -> re.Pattern[str]:
    """ "USI's art gallery", "the USI art gallery" (its owner), "Weatherspoon Art Museum"."""
    capitalised = re.escape(noun.capitalize())
    return re.compile(
        rf"(?P<name>(?:[A-ZÀ-Þ][\w&.'’-]*\s+){{1,4}}{capitalised})\b"
        rf"|(?P<owner>(?:[Tt]he\s+)?[A-ZÀ-Þ][\w&.-]*(?:\s+[A-ZÀ-Þ][\w&.-]*){{0,3}})(?:['’]s)?"
        rf"\s+(?:[a-z-]+\s+){{0,2}}{re.escape(noun)}\b"
    )


def _institution(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "according to curator Elaine Gustafon" in a sentence that names the museum at a
    university: the staff of an institution speak for the one their sentence names (a
    university as a whole before its museum)."""
    head = re.split(r"\s+(?:of|for|at|in|and)\s+", role.strip())[0].split()
    if not head or head[-1].lower().strip(",.") not in knowledge.institution_jobs:
        return None
    places = [s for s in context.in_sentence if s.kind in ("organisation", "unresolved")]
    institutions = [s for s in places if _an_institution(s.label, knowledge)]
    academic = [s for s in institutions if any(w in s.label for w in ACADEMIC_WORDS)]
    chosen = academic or institutions
    return chosen[0] if chosen else None


def _an_institution(label: str, knowledge: Knowledge) -> bool:
    return any(w.lower() in knowledge.institution_nouns for w in label.split())


# "1st Security Forces Squadron", "the 633d Air Base Wing lodging clerk": a numbered unit
NUMBERED_UNIT = re.compile(  # "the 1438th Engineer Company", "Spc. of the 633d Squadron"
    r"(?:^|\b(?:of|with|from|in)\s+|['’]s\s+)(?:(?:the|a|an)\s+)?"
    r"(?P<unit>\d+(?:st|nd|rd|th|d)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)"
)


def _numbered_unit(role: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """A military or police unit named by its number: the unit speaks, not the state."""
    match = NUMBERED_UNIT.search(role.strip(" ,"))
    rank = match.group("unit").split()[1] if match else ""
    if match is None or rank in knowledge.military_ranks or f"{rank}." in knowledge.military_ranks:
        return None  # "2nd Lt.": a rank, not a unit
    return labelled(match.group("unit"))


STRONG = (
    _numbered_unit,
    _party,
    _party_member,
    _team,
    _service,
    _named_in_role,
    _institution_named,
    _local_office,
)  # the role names it
WEAK = (
    _institution,
    _employer,
    _state,
    _study_author,
    _field,
)  # a body guessed from the story, or a field
