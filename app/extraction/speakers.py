"""Resolve the subject of an attribution ("NATO Secretary-General Mark Rutte", "He",
"The U.S., South Korea, and Ukraine", "the group's media office") to sources and speaker."""

from __future__ import annotations

import re

from app.extraction.affiliation import CANDIDATE_WORDS, person_attribution, speaks_for
from app.extraction.bodies import (
    EXPANSION,
    GLOSS,
    NOT_THE_STATE,
    body_in_role,
    emergency_service,
    group_by_noun,
    labelled,
    named_body,
    names_state,
    past_verb,
    plural_owner,
    proper_run,
    state_role,
    unresolved,
    whole_name,
)
from app.extraction.context import Attribution, Context
from app.extraction.evidence import writes_as_handle
from app.extraction.knowledge import Knowledge
from app.extraction.knowledge import Person as KnownPerson
from app.extraction.mentions import (
    PLACE_PREPOSITIONS,
    POSSESSIVE,
    NameSpan,
    find_mentions,
    find_name,
)
from app.extraction.model import SourceRef, Speaker
from app.extraction.register import Person
from app.extraction.research import joined_bodies, research_source
from app.extraction.vocabulary import (
    ANY_PRONOUNS,
    APPOSED_PARTICIPLES,
    AUXILIARIES,
    CHANNEL,
    CHANNEL_ENDINGS,
    COLLECTIVE_NOUNS,
    CONNECTORS,
    DETERMINER_WORDS,
    DETERMINERS,
    ENGLISH_FUNCTION_WORDS,
    GATHERING_SUBJECTS,
    HANDLE,
    LEADING_CONJUNCTION,
    NOUN_MARKERS,
    OBJECT_PRONOUNS,
    PERSON_PRONOUNS,
    POINTING_PERSONS,
    PREPOSITIONS,
    PRONOUN_GENDER,
    RANK_NOUNS,
    UNOWNED_ADJECTIVES,
    VERB_WORDS,
    VERBISH,
)

JOINED = re.compile(r"\s(?:and|or|&)\s")  # names joined: "The U.S., South Korea, and Ukraine"
JOINED_PEOPLE = re.compile(r"\s(?:and|&)\s")  # "Both Strickland and Burnidge"
CONJUNCTS = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*&\s*")
MAX_SUBJECT_WORDS = 14
MAX_WITH_APPOSITIVES = 40
PERSONS_OFFICE = re.compile(
    r"^(?P<role>.*?)\b(?P<owner>(?:[A-ZÀ-Þ][\w-]+ ){1,3}[A-ZÀ-Þ][\w-]+)(?:'s|’s)\s+"
    r"(?P<office>office|team|spokesperson|spokesman|spokeswoman|aides?|government|"
    r"administration|party|campaign)\b"
)
# "briefed on the talks", "involved in the negotiations": how a person knows, not who they are
# what people are "close to": "the talks", "the chancellor", "President George W. Bush"
_WHOM = r"(?:the\s+[a-z]+(?:\s+[a-z]+)?|[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,4})"
INFORMED = re.compile(rf"(?<=[a-z])\s+(?:briefed on|involved in|close to)\s+{_WHOM}$")
CLOSE_TO = re.compile(rf"^(?:[Ss]ources|[Pp]eople)\s+close\s+to\s+{_WHOM}$")
FAMILIAR = re.compile(
    r"\b(?:people|person|sources?|someone|those|one)\s+"
    r"(?:familiar with|with (?:direct )?knowledge of|briefed on)\b",
    re.IGNORECASE,
)
NAMED_AS = re.compile(
    r"\b(?:calling itself|calls itself|known as)\s+(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"
)
ROLE_NOUN = re.compile(r"^the\s+(?P<noun>[a-z-]+)$", re.IGNORECASE)
ROLE_GROUP = re.compile(
    r"^(?:the\s+(?:two\s+|three\s+)?|both\s+(?:the\s+)?)(?P<noun>[a-z-]+s)$", re.IGNORECASE
)
ROLE_AFTER = re.compile(r"^(?:of|at|from|for|with)\s+\S")
# a participle that describes the subject ("a study published in ..."), not its verb
REDUCED = re.compile(
    r"\s+(?:published|released|issued|posted|conducted|carried out|seen|obtained)"
    r"\s+(?:in|on|at|last|this|earlier|late|online|yesterday|today)\b.*$"
)
ASKED_BY = re.compile(
    r"(?<=[a-z])\s+(?:interviewed|contacted|quoted|polled|surveyed|questioned|reached)\s+by\s.*$"
)
REDUCED_MAKER = re.compile(r"\bby\s+(?P<maker>(?:the\s+)?[A-ZÀ-Þ].*)$")
RELATIVE = re.compile(r"\s+(?:who|which|whose)\s+")
PARTITIVE = re.compile(
    r"^(?:[Mm]ost|[Mm]any|[Ss]ome|[Ss]everal|[Aa]ll|[Ff]ew|[Hh]alf|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|"
    r"[Ff]ive|[Bb]oth|[Ee]ach|[Aa] majority|[Tt]he majority)\s+of\s+"
    r"(?:(?:the|these|those)\s+(?!who\b|which\b|that\b)(?=[a-z])"
    r"|(?=[A-ZÀ-Þ][\w.-]*['’]s\s+[a-z]))"  # "Some of Nigeria's leading opposition parties"
)
OWNED_BY = re.compile(  # "Saudi-owned al-Arabiya TV": an Arabic article may open the name
    r"^(?:[Tt]he\s+)?[A-ZÀ-Þ][\w.]*-(?:owned|run|funded|financed|backed|controlled)\s+"
    r"(?=[A-ZÀ-Þ]|(?:al|el)-[A-ZÀ-Þ])"
)
BASED_IN = re.compile(r"(?<=\b[Tt]he )[^\s,][^,]{0,40}?(?:, [A-Z][^,]{0,30})?-based\s+")
OWNER = re.compile(r"\b(the)\s+([a-z]+)(?:'s|’s)\s", re.IGNORECASE)
# "a spokesman for the finance ministry", "the commander of a Ukrainian drone unit"
SPEAKS_FOR = re.compile(
    r"^(?:a|an|the|one)?\s*(?:[\w-]+\s+)?(?P<noun>[\w-]+)\s+(?:for|of|at|from|within|inside)\s+"
    r"(?P<body>(?:the|a|an|its|their)\s.+|(?-i:[A-ZÀ-Þ]).*)$",  # "director of research": no body
    re.IGNORECASE,
)
OWNED_DOCUMENT = re.compile(
    r"^(?:the\s+)?(?P<owner>[A-ZÀ-Þ][\w.&-]*(?:\s+[A-ZÀ-Þ][\w.&-]*){0,4})['’]s\s+"
    r"(?P<nouns>[a-z-]+(?:\s+[a-z-]+){0,2})"
)
INDEFINITE = re.compile(r"^(?:a|an|one|another)\s", re.IGNORECASE)
POLLS = {"poll", "survey"}
BOTH = re.compile(r"^(?:both|either)\s+", re.IGNORECASE)
AT_BODY = re.compile(r"^(?P<who>(?:\S+\s+){0,3}?\S+)\s+(?:at|from|with)\s+", re.IGNORECASE)
APPOSED_MAKER = re.compile(
    r"^(?:published|released|issued|compiled|commissioned|produced|written|conducted|"
    r"carried out)\s+by\s+(?P<maker>[^,]{2,80})$"
)
MADE_BY = re.compile(r"\b(?:by|from|of)\s+(?:the\s+)?(?P<maker>[^\W\d_].*)$")


PLACED_COURT = re.compile(
    r"^(?:[Aa]n?\s+|[Tt]he\s+)?(?P<where>[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)?)\s+"
    r"(?P<court>(?:(?:high|appeals|criminal|military|district|federal|regional)\s+)?court)$"
)
LEADERS_OF = re.compile(
    r"^(?:[Tt]he\s+)?(?:[Ll]eaders|[Gg]overnments|[Hh]eads of [Ss]tate|[Ff]oreign [Mm]inisters)"
    r"\s+of\s+(?P<states>.+)$"
)
OWNED_ORGAN = re.compile(  # "The group's Humanitarian Operations Coordination Center (HOCC)"
    r"^[Tt]he\s+(?P<noun>[a-z]+)(?:'s|’s)(?:\s+(?:[A-ZÀ-Þ][\w’'-]*|of|for|and|on))+"
    r"(?:\s+\([A-Z]{2,8}\))?$"
)
# "the Biden administration", "the Modi government": the state its leader heads
LEADERS_GOVERNMENT = re.compile(
    r"^(?:[Tt]he\s+)?(?P<leader>[A-ZÀ-Þ][\w’'.-]*(?:\s+[A-ZÀ-Þ][\w’'.-]*)?)"
    r"(?:'s|’s)?\s+(?:administration|government)(?:\s+office)?$"
)  # "the Biden administration", "Matovič's government office"
# "The President and the Governors": two offices joined, no one body's name
OFFICES_JOINED = re.compile(
    r"^[Tt]he\s+[A-ZÀ-Þ][\w’'-]*(?:\s+[A-ZÀ-Þ][\w’'-]*)?"
    r"\s+and\s+the\s+[A-ZÀ-Þ][\w’'-]*(?:\s+[A-ZÀ-Þ][\w’'-]*)?$"
)
BENCH_NOUNS = {"judge", "judges", "justices", "panel", "bench"}
BRACKETED_END = re.compile(r"\s*\([^()]{1,20}\)\s*$")


AND_OTHERS = re.compile(r"\s+and\s+(?:several\s+|many\s+)?others?\b[^,]*$")
# " led by Morgan Tsvangirai" after a body: who leads it, no part of who speaks
LED_BY = re.compile(
    r"(?<=\S)\s+(?:led|headed|chaired|founded|run)\s+by\s+"
    r"(?P<leader>[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,4})$"
)
# "a social networking group called Bahrain Online (@ONLINEBAHRAIN [3])"
SO_CALLED = re.compile(
    r"^(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?P<kind>[a-z]+)\s+(?:called|named)\s+"
    r"(?P<name>[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,4})(?:\s+\([^()]*\))?$"
)
COUNSEL_NOUNS = frozenset(
    {"lawyer", "lawyers", "attorney", "attorneys", "counsel", "solicitor", "solicitors",
     "barrister", "barristers"}
)  # fmt: skip
CLIENTS = re.compile(r"^[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,3}$")


def _counsel_for(
    spokesperson: re.Match[str], knowledge: Knowledge, context: Context
) -> Attribution | None:
    """ "Defense attorneys for Hassoun and Jayyousi", "a lawyer for Hassoun": counsel speak
    for their clients, each a person the text named (or a body); no client is the speaker."""
    if spokesperson.group("noun").lower() not in COUNSEL_NOUNS:
        return None
    if not re.search(r"\s+for\s+$", spokesperson.group(0)[: spokesperson.start("body")]):
        return None  # "lawyers at the firm": where they work, read below
    names = re.split(r",\s+(?:and\s+)?|\s+and\s+", spokesperson.group("body").strip(" ,"))
    if not all(CLIENTS.match(name) for name in names):
        return None
    sources = []
    for name in names:  # a client named in full elsewhere is their full name (as "X's lawyer")
        person = context.register.named(name)
        full = person.name if person is not None and len(person.parts) > 1 else name
        source = named_body(full, knowledge) or unresolved(full, knowledge)
        if source is None:
            return None
        sources.append(source)
    return Attribution(tuple(dict.fromkeys(sources)))


def resolve_subject(subject: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """Sources and speaker for an attribution subject, or None if it names nobody."""
    subject = EXPANSION.sub(r"\g<noun>", subject)  # "the RMT union (National Union of ...)"
    bracketed = ROLE_THEN_NAME.match(subject.strip())
    if bracketed:  # "A U.S. Defense Department spokesman (Bryan Whitman)": the person
        subject = f"{bracketed.group('name')}, {bracketed.group('role')}"
    if FAMILIAR.search(subject):  # "two people familiar with the company's plans"
        group = knowledge.lookup("people familiar with the matter")
        if group:
            return Attribution((group.source,))
    # "But a spokeswoman for X": the conjunction is no part of the subject
    spokesperson = SPEAKS_FOR.match(LEADING_CONJUNCTION.sub("", subject.strip()))
    counsel = _counsel_for(spokesperson, knowledge, context) if spokesperson else None
    if counsel is not None:
        return counsel
    if (
        spokesperson
        and spokesperson.group("noun").islower()  # "Minister of Education X" is a title
        and spokesperson.group("noun") in knowledge.person_nouns
    ):  # "a spokesman for the finance ministry", "a spokesperson for Rescue 1122"
        found = _spokesperson_named(spokesperson, knowledge, context) or resolve_subject(
            spokesperson.group("body"), knowledge, context
        )
        if found and _a_name_not_a_person(spokesperson.group("body"), found, knowledge, context):
            # "a spokesperson for Stagecoach South": a body with a name, not a person's
            found = Attribution(
                (
                    unresolved(spokesperson.group("body"), knowledge)
                    or labelled(spokesperson.group("body").strip()),
                )
            )
        if found:
            return found
    text = subject.strip(' ,:;"“”')
    text = LEADING_CONJUNCTION.sub("", text)
    if "," not in text:  # "One of the study's authors, herpetologist X": the person
        text = PARTITIVE.sub("", text)  # "most of the scientists at the conference": scientists
    text = THEN.sub("", text)  # "the then-NATO commander": the NATO commander of that day
    region = CITY_THEN_REGION.search(text)
    if region and _a_region(region.group("region"), knowledge):
        text = text[: region.start("comma")]  # "... in St. Louis, Missouri": where the city is
    called = SO_CALLED.match(text)
    if called and (
        called.group("kind").lower() in COLLECTIVE_NOUNS
        or called.group("kind").lower() in knowledge.organisation_descriptors
    ):
        # "a social networking group called Bahrain Online (@ONLINEBAHRAIN)": the body
        name = called.group("name")
        return Attribution((named_body(name, knowledge) or labelled(name),))
    others = AND_OTHERS.search(text)
    if others and others.start() > 0:
        one = resolve_subject(text[: others.start()], knowledge, context)
        if one is not None and one.sources:  # "The Muslim Brotherhood and other groups"
            return one  # the one it names; the others are no one in particular
    led = LED_BY.search(text)
    if led and knowledge.lookup(led.group("leader")) is None:
        text = text[: led.start()]  # "the MDC led by Morgan Tsvangirai": the party, not him
    led = LED_NOUN.fullmatch(DETERMINERS.sub("", text.strip()))
    if led and knowledge.back_nouns.get(led.group("noun")) in ("organisation", "government"):
        return Attribution((labelled(led.group("body")),))  # "The Saudi-led coalition"
    alliance = _described_alliance(text, context)
    if alliance:
        return alliance  # "the coalition of Arab states that support ...", "the Arab coalition"
    pair = _both_states(text, context)
    if pair:
        return pair  # "Laos confirmed it ..., but both countries say": the two named last
    if CANDIDATE.search(text):
        # "Afghanistan's frontrunner presidential hopeful": one who seeks an office speaks
        # for no state; the person the text gives that role, if any
        return _candidate(text, knowledge, context)
    leaders = LEADERS_OF.match(text)
    states = _several(leaders.group("states"), knowledge) if leaders else None
    if states:
        return states  # "the Leaders of the United States and Japan": both states
    text = BASED_IN.sub("", text)  # "The San Jose, California-based company" is "The company"
    text = OWNED_BY.sub("", text)  # "Saudi-owned al-Arabiya TV": who owns it, not who speaks
    text = AGE_BEFORE.sub("", text)  # "Fourteen-year-old Zoe": Zoe
    if _evidence_only(text, knowledge):
        return None  # "Photos showed ...": the writer describes what a camera recorded
    pointer = COUNTRY_POINTER.match(text)
    if pointer and text[pointer.end() :].split()[0][:1].isupper():
        # "The country's Supreme Court": the court of the country the story is about, as
        # "the Supreme Court" alone would be
        found = resolve_subject(f"the {text[pointer.end() :]}", knowledge, context)
        if found:
            return found
    # "the police", "British Transport Police (BTP), but the man was found dead"
    service = emergency_service(text, knowledge) or (
        emergency_service(text.partition(", ")[0], knowledge) if ", " in text else None
    )
    if service:
        role, _, named = text.partition(", ")
        if named and _names_only(named, knowledge):
            # "A police spokesman, Bruno Shioso": the person, for the service, as "Bruno
            # Shioso, a police spokesman" would be
            person = _person(named.strip(" ,"), role, knowledge, context)
            if person and person.speaker and service in person.sources:
                return person
        return Attribution((service,))  # "the police", "a fire brigade spokesman"
    government = _leaders_government(text, knowledge, context)
    if government:
        return government
    pronoun = OBJECT_PRONOUNS.get(text.lower(), text.lower())  # "According to him"
    if pronoun in PERSON_PRONOUNS | ANY_PRONOUNS:
        return _pronoun(pronoun, knowledge, context)
    handle = _handle_subject(text, knowledge, context.body)
    if handle:
        return handle  # "jasonmumbles tweeted that ...": a writer by their lower-case handle
    kin, _, named = text.partition(", ")
    relative = None if _name_in(named, knowledge) else _relative(kin, knowledge, context)
    given = context.register.named(named.strip(" ,")) if relative and named.strip(" ,") else None
    if relative and given is not None and " " not in given.name:
        # "Ms. Tymoshenko's daughter, Yevgenia, says": the relative, who speaks by her name
        return Attribution(relative.sources, Speaker(given.name, kin), personal=True)
    if relative:
        return relative  # "Dink's daughter", "his widow": a relative of the person named
    channel = CHANNEL.match(text) if text[-4:].lower() in CHANNEL_ENDINGS else None
    if channel and channel.group("owner").lower() not in ("official", "an official"):
        owner = resolve_subject(f"the {channel.group('owner')}", knowledge, context)
        if owner is not None and owner.speaker is None:
            return owner  # "an official government Twitter account": the government's
    if text.lower() in POINTING_PERSONS:  # "this person also said": who just spoke, or nobody
        last = context.last(person=True)
        return last if last and context.recently(last) else None
    text = SUBORDINATE_AFTER.split(text)[0]  # "X, when asked whether ..., told ...": X
    if CLOSE_TO.match(text):  # "Sources close to the chancellor": the group, as named
        return Attribution((labelled(text[:1].upper() + text[1:], "group"),))
    if " briefed " in text or " involved " in text or " close " in text:
        text = INFORMED.sub("", text)  # "A diplomat briefed on the talks": a diplomat
    document = _named_body_document(text, knowledge, context)
    if document:
        return document  # "The Home Office letter", "a NATO statement": the body's
    followers = HIS_CIRCLE.search(text)
    if followers and followers.group("group") in knowledge.source_nouns:
        text = text[: followers.start()]  # "Trump and his supporters claimed": Trump's side
    party = _named_party(text, knowledge)
    if party:
        return party  # "the ruling Frelimo party", "the opposition Renamo party"
    joined = _joined_groups(text, knowledge, context)
    if joined:
        return joined  # "police and county officials", "X, along with Y,"
    officials = _officials_in(text, knowledge)
    if officials:
        return officials  # "officials in the United States and the European Union"
    placed = _body_in_state(text, knowledge, context)
    if placed:
        return placed  # "the MDC party in Zimbabwe": the party, not the place
    head, _, appositive = text.partition(", ")
    circle = _circle_of(head, knowledge, context)
    if circle:
        return circle  # "Associates of Navalny": people around him, not Navalny
    if _clause_after(text) or _relative_runs_on(head):
        return None  # "X, a council member, died of COVID-19, the government": a clause
    head = RELATIVE.split(head)[0]  # "Security researchers who examined the leaked files"
    head = ASKED_BY.sub("", head)  # "Residents interviewed by a journalist for VOA": residents
    reduced = REDUCED.search(head)  # "a study published on Wednesday in the journal X"
    if reduced:
        by = REDUCED_MAKER.search(reduced.group(0))
        head = head[: reduced.start()]
        made = by.group("maker") if by and _names_a_document(head, knowledge) else None
        found = resolve_subject(made, knowledge, context) if made else None
        if found:
            return found  # "a survey published in 2017 by the Royal Pharmaceutical Society"
    surname = _by_surname(head, knowledge, context)
    if surname:
        return surname  # "Paris claims" after "Valeska Paris": the person, not the city
    organ = OWNED_ORGAN.match(head)
    if organ:  # "The group's Humanitarian Operations Coordination Center": the group's
        owner = resolve_subject(f"the {organ.group('noun')}", knowledge, context)
        if owner and owner.speaker is None:
            return owner
    research = research_source(head, context.research, knowledge)
    if research:
        return Attribution(research)  # "the study found", "the researchers said"
    owned = _owned_document(head, knowledge, context)
    if owned:
        return owned  # "PC World's recent analysis of its own traffic", "Cornyn's statement"
    maker = _made_by_apposed(head, appositive, knowledge)
    if maker:
        found = resolve_subject(maker, knowledge, context)
        if found:
            return found  # "The report, published by the Wildlife Trust, states ..."
    if (
        not head
        or len(head.split()) > MAX_SUBJECT_WORDS
        or len(text.split()) > MAX_WITH_APPOSITIVES
    ):
        return None
    words = head.split()
    clause = any(  # "X, age 22, died": a clause; "Newly elected Senator X": a title's adjective
        past_verb(w)
        and nxt != "by"
        and nxt not in knowledge.title_words
        and not before.endswith("ly")
        for before, w, nxt in zip(words, words[1:], [*words[2:], ""], strict=False)
    )
    if _has_verb(head) or clause or _has_cue(words, knowledge):
        return None  # "Pakistan's foreign office summoned ...": a clause, not a subject
    known = knowledge.lookup(head)
    named_as = NAMED_AS.search(head)  # "a ransomware gang calling itself Ironwake"
    if named_as:
        source = unresolved(named_as.group("name"), knowledge)
        return Attribution((source,)) if source else None
    apposed_name = BRACKETED_END.sub("", appositive)  # "Pakistan Tehreek-e-Insaf (PTI)"
    body_before = appositive and _descriptor(head, knowledge)
    if body_before and _proper_name(
        apposed_name, knowledge, _headed_by_descriptor(head, knowledge)
    ):
        # "The Norwegian shipping federation, Rederiforbundet", "Khan's party, PTI"
        source = named_body(apposed_name, knowledge) or unresolved(apposed_name, knowledge)
        return Attribution((source,)) if source else None
    bench = _bench(head, context)
    if bench:
        return bench  # "the seven judges found": the court the story named
    role_noun = _role_noun(head, knowledge, context) or _role_group(head, knowledge, context)
    if role_noun:
        return role_noun  # "the commander", "the midfielder": the person of that role
    offices = _offices_together(head, knowledge, context)
    if offices:
        return offices  # "The President and Prime Minister underscored": both holders
    office = _office_alone(head, knowledge, context)
    if office:
        return office  # "The President believes ..." with no president named: the state
    apposed = knowledge.lookup(appositive.strip(" ,")) if appositive else None
    described = _descriptor(head, knowledge) or head.split()[-1].islower()
    if apposed and apposed.proper and described:
        return Attribution((apposed.source,))  # "The U.N. humanitarian office, OCHA"
    titled = appositive and _name_in(appositive, knowledge) is not None
    # "The UN Military Observer Group in India and Pakistan", but not "Erik Haagenrud of
    # Rogaland Fire and Rescue" or "Ecologist Ryan Norris of the University of Guelph in
    # Ontario": a person named first, then their body
    names_person = any(
        " " in p.name and f" {p.name} " in f" {head} " for p in context.register.people
    )
    one_name = None if names_person else _one_name_of_body(head, knowledge)
    if one_name:
        return one_name  # "Surono of Indonesia's Directorate of Vulcanology"
    whole = None if names_person else whole_name(head, knowledge)
    if _nobodys_document(head, knowledge):
        return None  # "Estimates suggest", "Reports say": no document of anyone's in particular
    # "The Investigative Committee and the Federal Security Service": two bodies, not one
    # "The World Food Program and International Organization for Migration": two known
    # bodies joined without a second "the" are two too
    bare_and = (
        whole is not None
        and whole.kind == "unresolved"
        and " and " in whole.label
        and " and the " not in whole.label
    )
    two = whole is not None and (" and the " in whole.label or bare_and)
    joined = _several(text, knowledge) if two else None
    if (
        joined
        and bare_and
        and any(s.kind not in ("organisation", "outlet") for s in joined.sources)
    ):
        joined = None  # "the High Court of England and Wales": one name with a place in it
    return (
        joined
        or (Attribution((whole,)) if whole else None)
        or _several(text, knowledge)
        or _several_people(text, knowledge, context)
        or (Attribution((known.source,)) if known else None)
        or (_person(head, appositive, knowledge, context) if titled else None)
        or _pointing_back(head, knowledge, context)
        or _person(head, appositive, knowledge, context)
        or _body(head, knowledge)
    )


ONE_NAME_OF = re.compile(r"^(?P<name>[A-ZÀ-Þ][a-zß-ÿ]{2,})\s+of\s+(?P<body>[A-ZÀ-Þ].*)$")


def _one_name_of_body(head: str, knowledge: Knowledge) -> Attribution | None:
    """ "Surono of Indonesia's Directorate of Vulcanology": a person who goes by one name,
    then the body they work for (not "Bank of England", "Mayor of London", "People of X")."""
    match = ONE_NAME_OF.match(head.strip())
    if match is None:
        return None
    name = match.group("name")
    if (
        knowledge.lookup(name) is not None
        or name in knowledge.organisation_words
        or name in knowledge.government_words
        or name in knowledge.title_words
        or name in knowledge.place_words
        or name.lower() in knowledge.source_nouns
        or name.lower() in knowledge.role_nouns
    ):
        return None
    body = match.group("body")
    if not set(body.split()) & (knowledge.organisation_words | knowledge.government_words):
        return None  # "Ahmad of Jakarta": where a person is from, no body
    source = body_in_role(f"of {body}", knowledge)
    if source is None or source.kind == "group":
        return None
    return Attribution((source,), Speaker(name, f"of {body}"))


def _evidence_only(text: str, knowledge: Knowledge) -> bool:
    """ "Photos", "Video footage", "Satellite images posted online": what a camera made,
    with no one named who made or aired it ("CNN footage" names CNN)."""
    words = DETERMINERS.sub("", text).split()
    if not any(w.lower() in knowledge.evidence_nouns for w in words[:2]):
        return False
    # "New images from the earth-orbiting Hubble Space Telescope": a maker is named
    return not any(w[:1].isupper() for w in words[1:]) and not find_mentions(text, knowledge)


# "Researchers at Washington University in St. Louis, Missouri": the region after the city
CITY_THEN_REGION = re.compile(
    r"(?<=\s[Ii]n\s)(?:[A-Z][\w.'’-]*\s+){0,2}[A-Z][\w'’-]*(?P<comma>,)\s+"
    r"(?P<region>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)$"
)


def _a_region(name: str, knowledge: Knowledge) -> bool:
    """ "Missouri", "Nigeria": a state, province or country a city lies in, not a person."""
    return name in knowledge.regions or names_state(name, knowledge)


# "a Taliban spokesman (Zabiullah Mujaheed)": a role, then the name in brackets
ROLE_THEN_NAME = re.compile(
    r"^(?P<role>(?:[Aa]n?|[Tt]he)\s+[^()]{3,80}?)\s+"
    r"\((?P<name>[A-ZÀ-Þ][a-zà-ÿ'’.-]+(?:\s+[A-ZÀ-Þ][a-zà-ÿ'’.-]+){1,3})\)$"
)
THEN = re.compile(r"(?<![\w-])[Tt]hen-(?=[A-Za-z])")
COUNTRY_POINTER = re.compile(r"^[Tt]he\s+(?:country|nation)['’]s\s+(?=\S)")
AGE_BEFORE = re.compile(r"^(?:[Tt]he\s+)?[\w-]+-years?-old\s+(?=[A-ZÀ-Þ])")
HIS_CIRCLE = re.compile(r"\s+and\s+(?:his|her|its|their)\s+(?:[a-z]+\s+)?(?P<group>[a-z]+)$")
SUBORDINATE_AFTER = re.compile(r",\s+(?:when|while|after|before|though|although|if)\s")
OWNED_CIRCLE = re.compile(
    r"^(?P<person>[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+){0,2})['’]s\s+(?P<group>[a-z]+s)$"
)
CIRCLE_OF = re.compile(
    r"^(?P<group>[A-Z]?[a-z]+) of (?P<person>[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+)*)$"
)


KIN = re.compile(
    r"^(?:(?P<owner>[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,3})['’]s?|(?P<pronoun>[Hh]is|[Hh]er))"
    r"\s+(?:(?:late|eldest|youngest|elder|younger|older|only|grieving|teenage|adult)\s+)?"
    r"(?P<kin>[a-zé]+)$"
)


def _relative(text: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "Dink's daughter", "his widow": a relative of a person, filed under the relation the
    text names ("Dink's daughter", "Widow"), with no speaker of their own."""
    kin = KIN.match(text)
    if kin is None or kin.group("kin") not in knowledge.kin_nouns:
        return None
    earlier = context.by_name(text)
    if earlier and earlier.speaker:
        return None  # "his father" after "his father, Amin Gemayel": that person
    owner = kin.group("owner")
    if owner is None:  # "his widow": whose, the sentence may say only after ("..., Huber died")
        return Attribution((labelled(kin.group("kin").capitalize(), "group"),), personal=True)
    if knowledge.lookup(owner) is not None:
        return None  # "Russia's sister city": a body's, no person's relative
    label = f"{owner.split()[-1]}'s {kin.group('kin')}"
    return Attribution((labelled(label, "group"),), personal=True)


def _circle_of(head: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "Associates of Navalny", "supporters of Mayor Diaz": a group of people around a
    person the article names, filed as the text names it."""
    owned = OWNED_CIRCLE.match(head.strip())
    # "Chen's supporters", "Navalny's associates": his circle, as the text names it
    if (
        owned
        and owned.group("group") in knowledge.relation_nouns
        and context.register.named(owned.group("person").split()[-1]) is not None
    ):
        return Attribution((labelled(owned.group(0), "group"),))
    match = CIRCLE_OF.match(head.strip())
    if match is None or match.group("group").lower() not in knowledge.source_nouns:
        return None
    if context.register.named(match.group("person").split()[-1]) is None:
        return None
    label = f"{match.group('group').capitalize()} of {match.group('person')}"
    return Attribution((labelled(label, "group"),))


def _clause_after(text: str) -> bool:
    """Whether a part set off by commas goes on with a verb of its own ("died of COVID-19"):
    the words are a clause, not a subject with appositives ("X, based in Paris,")."""
    for part in text.split(", ")[1:]:
        first = part.split()[0] if part.split() else ""
        if past_verb(first) and first.lower() not in APPOSED_PARTICIPLES:
            return True
        if first in AUXILIARIES:
            return True  # "Hana Kimura, age 22, has died, Stardom announced"
    return False


def _relative_runs_on(head: str) -> bool:
    """Whether a relative clause goes on into the sentence's own verb: in "Russian troops
    who invaded Georgia last week are beginning to pull back", "are" is not the relative
    clause's ("Officials who were briefed on the talks" has one verb, "who have seen it and
    are sure" two of one clause)."""
    relative = RELATIVE.search(head)
    if relative is None:
        return False
    words = head[relative.end() :].split()
    return any(
        word in AUXILIARIES - NONFINITE and words[i - 1] not in AUXILIARIES | LINKED
        for i, word in enumerate(words)
        if i
    )


NONFINITE = frozenset({"be", "been", "being"})  # "who asked not to be named": no verb of its own
LINKED = frozenset({"and", "or", "but", "to", "not", "also"})  # "who ... and are": one clause


def _nobodys_document(head: str, knowledge: Knowledge) -> bool:
    """A bare plural document noun ("Estimates suggest", "Reports say", "according to
    reports"): documents of no one in particular, unlike "The report said" or "Its figures
    show"."""
    words = head.split()
    if len(words) == 2 and words[0].lower() in UNOWNED_ADJECTIVES:
        words = words[1:]  # "Initial reports stated", "Unconfirmed reports say"
    if len(words) != 1 or not head.endswith("s"):
        return False
    return knowledge.back_nouns.get(_singular(words[0].lower(), knowledge)) == "document"


def _owned_document(head: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """The maker of a document named with its possessive: "PC World's recent analysis",
    "Cornyn's statement" (a person the article named); "the ministry's annual report" is
    found by the other readings."""
    owned = OWNED_DOCUMENT.match(head)
    if owned is None:
        return None
    nouns = [_singular(w, knowledge) for w in owned.group("nouns").split()]
    kinds = [knowledge.back_nouns.get(noun) for noun in nouns]
    if not any(
        kind == "document" and kinds[i + 1 : i + 2] in ([], [None], ["document"])
        for i, kind in enumerate(kinds)
    ):
        return None  # "Ethiopia's ruling party": a body the document's word only qualifies
    owner = owned.group("owner")
    person = _by_surname(owner, knowledge, context)
    if person:
        return person
    source = named_body(owner, knowledge) or unresolved(owner, knowledge)
    return Attribution((source,)) if source else None


def _named_body_document(text: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "The Home Office letter", "a NATO statement", "The Supreme Court decision", "the
    JHU data": a named body's document speaks for it."""
    last = text.rsplit(maxsplit=1)[-1] if text.strip() else ""
    if not last.islower() or knowledge.back_nouns.get(_singular(last, knowledge)) != "document":
        return None  # "Manila Bulletin": a newspaper's name, not Manila's bulletin
    words = DETERMINERS.sub("", text.strip()).split()
    if len(words) < 2 or not all(
        w[:1].isupper() or w in CONNECTORS or (i and w.capitalize() in knowledge.government_words)
        for i, w in enumerate(words[:-1])
    ):
        return None  # "the latest report", "Tuesday's letter"; but "Chinese government data"
    known = knowledge.lookup(" ".join(words[:-1]))
    if known is not None:
        governs = words[-2].capitalize() in knowledge.government_words  # "Chinese government data"
        return Attribution((known.source,)) if known.proper or governs else None
    name = words[:-1]
    if any(POSSESSIVE.search(w) for w in name):
        return None  # "RIAA's DMCA notice": the owner's document, read by _owned_document
    if len(name) == 1 and not name[0].isupper():
        return None  # "Unofficial results", "The Oregon study": no body's name of its own
    owner = resolve_subject(f"the {' '.join(name)}", knowledge, context)
    if owner is None or owner.speaker is not None or not owner.sources:
        return None
    return None if any(s.kind == "group" for s in owner.sources) else owner


def _made_by_apposed(head: str, appositive: str, knowledge: Knowledge) -> str | None:
    """The maker a document's appositive names: "The report, published by X," -> X."""
    made = APPOSED_MAKER.match(appositive.strip(" ,")) if appositive else None
    return made.group("maker") if made and _names_a_document(head, knowledge) else None


def _names_a_document(head: str, knowledge: Knowledge) -> bool:
    """Whether a subject names a document ("The report", "a survey")."""
    nouns = [_singular(w.lower(), knowledge) for w in head.split()]
    return any(knowledge.back_nouns.get(n) == "document" for n in nouns)


def _by_surname(word: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """A person the article named in full, named again by surname: "Paris claims" after
    "Valeska Paris", "Cornyn's statement" after "Senator John Cornyn". The person wins
    over a place or a body the same word names."""
    bare = POSSESSIVE.sub("", word.strip(" ,."))
    if not bare[:1].isupper() or " " in bare:
        return None
    person = context.register.named(bare)
    if person is None or len(person.parts) < 2 or bare.lower() in person.parts[:-1]:
        return None  # one name only, or a first name ("Israel" is not Israel Katz)
    earlier = context.by_name(person.name)
    return (
        earlier if earlier and earlier.speaker else person_attribution(person, knowledge, context)
    )


def _court_of(head: str, knowledge: Knowledge) -> Attribution | None:
    """ "A Greek court", "an Istanbul court": a court no name gives, by where it sits."""
    match = PLACED_COURT.match(head.strip())
    named = knowledge.lookup(match.group("where")) if match else None
    if match is None or named is None or named.source.kind != "government":
        return None
    source = unresolved(f"{match.group('where')} {match.group('court')}", knowledge, True)
    return Attribution((source,)) if source else None


def _body(head: str, knowledge: Knowledge) -> Attribution | None:
    if OFFICES_JOINED.match(head):
        return None  # "The President and the Governors": two offices, no one body's name
    court = _court_of(head, knowledge)
    if court:
        return court
    words = head.split()
    owned = bool(words) and POSSESSIVE.search(words[0]) is not None
    if owned and {w.lower().strip(",.") for w in words} & NOT_THE_STATE:
        source = unresolved(head, knowledge)  # "Malawi's main opposition party": not the state
        return Attribution((source,)) if source else None
    pointer = len(words) == 2 and words[0] in ("the", "The")
    if pointer and knowledge.back_nouns.get(words[1]) == "company":
        return None  # "the company" points back to one; with none named it is no group
    if head.split()[-1].lower() in knowledge.person_nouns:
        source = body_in_role(head, knowledge)  # "An Aeris spokesperson", "A Fifa spokesperson"
        if source:
            return Attribution((source,))
    at_body = AT_BODY.match(head)
    members = at_body and at_body.group("who").split()[-1].lower() in knowledge.members_not_speakers
    if at_body and members:  # "Students at the University of Leeds": of it, not for it
        group = unresolved(at_body.group("who"), knowledge)
        return Attribution((group,)) if group else None
    if at_body and group_by_noun(at_body.group("who").split(), knowledge):
        joined = joined_bodies(head[at_body.end() :], knowledge)
        if joined:  # "researchers from the University of Washington and Stanford University"
            return Attribution(joined)
        source = body_in_role(head, knowledge)  # "Economists at the Asian Development Bank"
        if source:
            return Attribution((source,))
    made_by = MADE_BY.search(head)
    words = head.lower().split()
    maker = made_by.group("maker").split() if made_by else []
    if made_by and any(
        knowledge.back_nouns.get(_singular(w, knowledge)) == "document"
        for w in words[: len(words) - len(maker)]
    ):
        # "figures compiled by the Stockholm International ...", "a poll by Ipsos Peru published"
        head = " ".join(proper_run(maker)) or made_by.group("maker")
    titled = _known_body_then_title(head, knowledge)
    if titled is not None:
        return Attribution((titled,))  # "WHO Director of Immunization": the WHO's
    source = named_body(head, knowledge) or unresolved(head, knowledge)
    return Attribution((source,)) if source else None


def _known_body_then_title(head: str, knowledge: Knowledge) -> SourceRef | None:
    """A known body, then a title of someone in it ("WHO Director of Immunization"): the
    body, not a body named by the whole phrase."""
    words = DETERMINERS.sub("", head.strip()).split()
    for size in (3, 2, 1):
        if len(words) <= size or words[size].split("-")[0] not in knowledge.title_heads:
            continue
        known = knowledge.lookup(" ".join(words[:size]))
        if known is not None and known.proper:
            return known.source
    return None


def _pronoun(pronoun: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    if pronoun == "it":
        body = context.last(person=False)
        if body and context.spoken_at.get(id(body)) == context.position:
            return body  # "..., Test Achats said, though it warned": the body just named
    if pronoun == "it" and context.opening and context.opening.kind != "group":
        return Attribution((context.opening,))  # "Israel's military ... It said"
    if pronoun in PERSON_PRONOUNS:
        return _person_pronoun(pronoun, knowledge, context)
    if PRONOUN_GENDER.get(pronoun) == "speaker" or pronoun == "we":
        return None  # "I think", "we believe" outside a quotation: the writer's own voice
    last = context.last(person=False)
    if pronoun == "they":
        group = _plural_subject_before(knowledge, context)
        if group is not None and (last is None or not context.spoken_since(last, context.previous)):
            return group  # "The officials agreed on ... For example, they said ..."
    if pronoun == "they" and (last is None or not context.recently(last)):
        return _gathering(knowledge, context) or last  # "They assessed" after a meeting
    return last


def _plural_subject_before(knowledge: Knowledge, context: Context) -> Attribution | None:
    """The group the sentence before opened with as its subject, when it named no one
    else: "The officials agreed on the need for changes.", then "they said"."""
    before = context.body[context.previous : context.position].strip()
    words = before.split()[:6]
    head: list[str] = []
    for word in words:
        bare = word.strip(",.;:").lower()
        if bare in VERBISH or bare.endswith("ed") or bare in ("said", "says", "met"):
            break
        head.append(word.strip(",.;:"))
    if not head or head[-1].lower() not in knowledge.source_nouns or not head[-1].endswith("s"):
        return None  # "Officials", "The researchers": a plural kind of people opens it
    named = [
        w for w in head[:-1] if w[:1].isupper() and w.lower() not in ("the", "a", "an", "some")
    ]
    if head[-1].lower() == "leaders" or named:
        return None  # "The leaders" of a meeting, "Pew researchers": read by their own rules
    group = unresolved(" ".join(head), knowledge)
    return Attribution((group,)) if group is not None and group.kind == "group" else None


def _person_pronoun(pronoun: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "she said": the nearest person before it whose gender fits, as the last time they
    spoke if they did; else the last speaker."""
    gender = PRONOUN_GENDER[pronoun]
    last = context.last(person=True)
    subject = _subject_before(gender, context)
    spoken = context.spoken_at.get(id(last)) if last else None
    moved_on = spoken is not None and spoken < context.previous
    if subject and last and last.speaker and subject.name != last.speaker.name and moved_on:
        # "Wong and his co-authors started a company. He remarked": the sentence before
        # made another person its subject since the last one spoke
        earlier = context.by_name(subject.name)
        if earlier and earlier.speaker:
            return earlier
        return person_attribution(subject, knowledge, context)
    if last and last.speaker and context.recently(last):
        speaker = context.register.named(last.speaker.name)
        if speaker is None or speaker.gender == gender:
            return last  # the one who just spoke goes on speaking: "..., he said."
        if speaker.gender is None and not _named_since(last, gender, context):
            # "Yulia's lawyer, Serhiy Vlasenko, cited ...", then "She has accused ...": the
            # client the lawyer spoke for, whom the pronoun fits; else no one fits better
            client = _source_person(last, gender, context)
            return person_attribution(client, knowledge, context) if client else last
    person = _subject_before(gender, context) or context.register.nearest(context.position, gender)
    if person is None:
        return last
    earlier = context.by_name(person.name)
    if earlier and earlier.speaker:
        return earlier
    return person_attribution(person, knowledge, context)


def _source_person(last: Attribution, gender: str, context: Context) -> Person | None:
    """A person the last attribution was filed under, not its speaker, whom a pronoun of
    this gender fits."""
    if last.speaker is None:
        return None
    for source in last.sources:
        person = context.register.named(source.label)
        if person is not None and person.gender == gender and person.name != last.speaker.name:
            return person
    return None


def _named_since(last: Attribution, gender: str, context: Context) -> bool:
    """Whether the text introduced a person of the pronoun's gender after the last speaker
    spoke ("For Marlene Cook, ... "...," she said" after Darcy Lindgren spoke)."""
    person = context.register.nearest(context.position, gender)
    spoken = context.spoken_at.get(id(last))
    if spoken is None or person is None or not person.mentions:
        return False
    # "Beside a poster of X -- ... -- he says ...": a name in the sentence the last speaker
    # spoke in is no one named since
    in_their_sentence = spoken >= context.previous and person.mentions[0] < context.position
    return person.gender == gender and person.mentions[0] > spoken and not in_their_sentence


def _subject_before(gender: str, context: Context) -> Person | None:
    """The person the sentence before named first, when the pronoun fits them: "he" goes on
    from the subject of the sentence before, not from a name in its object."""
    register = context.register
    subject = register.first_named(context.previous, context.position)
    if subject is None or subject.gender not in (None, gender):
        return None
    if subject.gender is None and register.nearest(context.position, gender) is not subject:
        return None  # no sign the pronoun fits them better than the person named last
    return subject


def _has_cue(words: list[str], knowledge: Knowledge) -> bool:
    """ "The trust said in a statement": a cue verb inside a subject makes it a clause (but
    "the claims", "a report" are nouns)."""
    for before, word in zip(["", *words], words, strict=False):
        if not word.islower():
            continue
        bare = word.strip(",.;:")
        if bare not in knowledge.cues or before.lower() in NOUN_MARKERS:
            continue
        if bare.endswith(("ed", "id", "ld", "ote")) or bare in ("says", "tells"):
            return True
    return False


def _has_verb(text: str) -> bool:
    return any(word in VERB_WORDS for word in text.split())  # "Can Tho" is a place, "can" a verb


def _leaders_government(text: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "The Biden administration said": the state of the listed leader it is named for
    (filed by its capital, with nobody as the speaker)."""
    match = LEADERS_GOVERNMENT.match(text)
    leader = knowledge.person(match.group("leader")) if match else None
    if leader is None or leader.source.kind != "government":
        return None if match is None else _named_leaders_government(match.group("leader"), context)
    return Attribution((leader.source,))


def _named_leaders_government(name: str, context: Context) -> Attribution | None:
    """ "Matovič's government office" after "Prime Minister Igor Matovič of the Slovak
    Republic": the state the article's own leader speaks for."""
    person = context.register.named(name)
    earlier = context.by_name(person.name) if person else None
    if earlier is None or not all(s.kind == "government" for s in earlier.sources):
        return None
    return Attribution(earlier.sources)


ALONG_WITH = re.compile(r"^(?P<a>[^,]+?),?\s+(?:along|together)\s+with\s+(?P<b>[^,]+?),?$")
SHARED_NOUN = re.compile(
    r"^(?P<a>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Za-z][\w.'’-]*)\s+and\s+"
    r"(?P<b>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Za-z][\w.'’-]*)\s+"
    r"(?P<noun>officials|authorities|leaders|police|prosecutors)$"
)


def _joined_groups(text: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """Two bodies that speak together: "Planned Parenthood, along with the American Civil
    Liberties Union"; "police and county officials" (the police, and county officials);
    "New Orleans and Jefferson Parish officials" (each place's officials)."""
    if " with " not in text and " and " not in text:
        return None  # most subjects: one body or person
    along = ALONG_WITH.match(text)
    if along:
        parts = [along.group("a"), along.group("b")]
    else:
        shared = SHARED_NOUN.match(text)
        if shared is None or shared.group("a").lower() in DETERMINER_WORDS:
            return None
        noun = shared.group("noun")
        first = shared.group("a")
        parts = [first if emergency_service(first, knowledge) else f"{first} {noun}"]
        parts.append(f"{shared.group('b')} {noun}")
    found = [resolve_subject(part, knowledge, context) for part in parts]
    if not all(f is not None and f.speaker is None and f.sources for f in found):
        return None
    sources = tuple(dict.fromkeys(s for f in found if f for s in f.sources))
    return Attribution(sources) if len(sources) > 1 else None


NAMED_PARTY = re.compile(
    r"^(?:[Tt]he\s+|[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*)?['’]s\s+)?"  # "Britain's"
    r"(?:(?:(?!(?:of|for|from|with|to|by|and)\s)[a-z-]+\s+){0,3}"
    r"(?P<name>[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,3})\s+party"
    # "Britain's opposition Labour Party": a party its own name gives after "opposition"
    r"|(?:(?!(?:of|for|from|with|to|by|and)\s)[a-z-]+\s+){1,3}"
    r"(?P<titled>[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,3})\s+Party)$"
)


def _named_party(text: str, knowledge: Knowledge) -> Attribution | None:
    """ "The ruling Frelimo party", "the opposition Renamo party": a party its name gives,
    known or not, before any reading of "opposition" or "ruling" as a group."""
    match = NAMED_PARTY.match(text.strip())
    if match is None:
        return None
    name = match.group("name") or match.group("titled")
    named = knowledge.lookup(name) or knowledge.lookup(f"{name} Party")
    if named is not None:
        return Attribution((named.source,)) if named.source.kind == "organisation" else None
    source = unresolved(name, knowledge)
    return Attribution((source,)) if source else None


OFFICIALS_IN = re.compile(
    r"^(?:(?:[Tt]he|[Ss]ome|[Oo]ther|[Ss]enior|[Tt]op)\s+)?(?:(?![Ll]ocal\b)[A-Za-z-]+\s+)?"
    r"(?:[Oo]fficials|[Aa]uthorities|[Gg]overnments?)\s+(?:in|of|from)\s+(?P<places>[^,]+)"
)


def _officials_in(text: str, knowledge: Knowledge) -> Attribution | None:
    """ "Officials in the United States and the European Union": the states and bodies
    named, as "U.S. and EU officials" would be; a place no state or body is known for
    ("officials in Baytown, Texas") is left to the other readings."""
    match = OFFICIALS_IN.match(text)
    if match is None:
        return None
    places = match.group("places").strip()
    found = _several(places, knowledge)
    if found is None:
        single = named_body(places, knowledge)
        found = Attribution((single,)) if single else None
    if found is None or not all(s.kind in ("government", "organisation") for s in found.sources):
        return None
    return found


BODY_IN_STATE = re.compile(
    r"^(?P<body>.{2,80}?)\s+in\s+(?P<state>[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){0,2})$"
)


def _body_in_state(text: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "the Movement for Democratic Change (MDC) party in Zimbabwe", "the U.N. monitoring
    mission in Ukraine": a body named by its kind, then the state it is in, is the body."""
    match = BODY_IN_STATE.match(text)
    body = (
        GLOSS.sub("", match.group("body")) if match else ""
    )  # "the World Food Program (WFP) in Niger"
    kind = body.split()[-1] if body else ""
    known = knowledge.lookup(body) if body else None
    if known is not None and known.source.kind == "organisation":
        kind = "body"  # "The World Food Program in Niger": a known body, then where it works
    if not kind.islower() or kind in knowledge.source_nouns:
        return None  # "the Court of Session in Scotland" is one name; "scientists in Britain"
    state = knowledge.lookup(match.group("state")) if match else None
    if match is None or state is None or state.source.kind != "government":
        return None
    found = resolve_subject(body, knowledge, context)
    if found is None or found.speaker is not None:
        return None
    if not all(s.kind in ("organisation", "unresolved") for s in found.sources):
        return None
    return found


def _handle_subject(text: str, knowledge: Knowledge, body: str) -> Attribution | None:
    """A writer known by a handle in lower case ("jasonmumbles tweeted that ..."), which
    the text writes as the subject of a post: the writer, as a person."""
    word = text.strip()
    if not HANDLE.match(word) or word in ENGLISH_FUNCTION_WORDS or word in PRONOUN_GENDER:
        return None
    if word in INDEFINITE_SUBJECTS or word in knowledge.source_nouns:
        return None  # "someone wrote", "users posted": no one's handle
    if knowledge.lookup(word) is not None or not writes_as_handle(word.lstrip("@"), body):
        return None
    name = word.lstrip("@")
    return Attribution((labelled(name),), Speaker(name, None), personal=True)


# English words that may stand before "wrote" or "posted" as its subject, and are no handle
INDEFINITE_SUBJECTS = frozenset(
    ("someone", "somebody", "everyone", "everybody", "anyone", "anybody", "nobody", "no one",
     "one", "many", "some", "others", "another", "each", "all", "few", "most", "both",
     "several", "none", "people", "readers", "users", "commenters", "fans", "critics")
)  # fmt: skip


CANDIDATE = re.compile(rf"^(?:[\w’'.-]+\s+){{0,4}}(?:{'|'.join(sorted(CANDIDATE_WORDS))})$")


def _candidate(text: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """The one person the text gives a candidate's role ("presidential candidate Abdullah
    Abdullah"), for an unnamed "the frontrunner presidential hopeful"; else no one."""
    noun = text.split()[-1].lower()
    running = [
        p
        for p in context.register.people
        if len(p.parts) > 1 and any(noun in r.lower() for r in p.roles)
    ]
    if len(running) != 1:
        return None
    return person_attribution(running[0], knowledge, context)


BOTH_STATES = re.compile(r"^(?:[Bb]oth|[Tt]he\s+two)\s+(?:countries|nations|governments)$")


def _both_states(text: str, context: Context) -> Attribution | None:
    """ "both countries", "the two governments": the last two states the text named."""
    if not BOTH_STATES.match(text):
        return None
    states: list[SourceRef] = []
    for source in reversed(context.bodies):
        if source.kind == "government" and source not in states:
            states.append(source)
            if len(states) == 2:
                return Attribution(tuple(reversed(states)))
    return None


def _several(text: str, knowledge: Knowledge) -> Attribution | None:
    """ "The U.S., South Korea, and Ukraine", "Iranian and U.S. officials": all known."""
    if not JOINED.search(text):
        return None  # "The UN's humanitarian office, OCHA": one body named twice
    parts = _joined_names([p.strip() for p in CONJUNCTS.split(text) if p.strip()], knowledge)
    if len(parts) < 2:
        return None
    sources = []
    for part in parts:
        own_name = _a_body_name(part)  # "the Federal Security Service": no known body needed
        source = named_body(part.strip(), knowledge)
        if source is None and own_name:
            source = unresolved(part.strip(), knowledge)
        if source is None or (source.kind == "unresolved" and not own_name):
            return None
        sources.append(source)
    return Attribution(tuple(dict.fromkeys(sources)))


def _a_body_name(part: str) -> bool:
    """ "the Federal Security Service (FSB)": a body's name of its own among several joined
    ("The Investigative Committee and the Federal Security Service said"), two capitalised
    words or more after "the"; not a word of one longer name ("Health and the Environment")."""
    words = part.split()
    if not words or words[0] not in ("the", "The") or len(words) < 3:
        return False
    return all(w[:1].isupper() or w in ("of", "for") or w.startswith("(") for w in words[1:])


def _several_people(text: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "Both Strickland and Burnidge": people the article named, each for their body."""
    if not JOINED_PEOPLE.search(text):
        return None
    parts = [p.strip() for p in CONJUNCTS.split(BOTH.sub("", text)) if p.strip()]
    if any(not w[:1].isupper() for part in parts for w in part.split()):
        return None  # names only: not "Sotomayor, joined by Justices Kagan and Jackson"
    if len(parts) < 2:
        return None
    found = []
    for part in parts:
        person = context.register.named(part)
        if person is not None and len(person.parts) >= 2:  # a person named in full before
            found.append(person_attribution(person, knowledge, context))
            continue
        data = knowledge.person(part) or _titled_surname(part, knowledge)
        listed = _person(part, "", knowledge, context) if data else None
        if listed is None or listed.speaker is None:
            return None  # each one a person: "President Biden" the data lists, or named before
        found.append(listed)
    return Attribution(tuple(dict.fromkeys(a.sources[0] for a in found)))  # no one speaker


def _joined_names(parts: list[str], knowledge: Knowledge) -> list[str]:
    """Put back names that contain "and": "Saint Kitts", "Nevis" -> "Saint Kitts and Nevis"."""
    joined: list[str] = []
    for part in parts:
        if joined and knowledge.lookup(f"{joined[-1]} and {part}"):
            joined[-1] = f"{joined[-1]} and {part}"
        else:
            joined.append(part)
    return joined


def _singular(word: str, knowledge: Knowledge) -> str:
    """ "companies" -> "company", "firms" -> "firm", when the singular is a pointing noun."""
    for plural, single in (("ies", "y"), ("s", "")):
        if word.endswith(plural) and word[: -len(plural)] + single in knowledge.back_nouns:
            return word[: -len(plural)] + single if word not in knowledge.back_nouns else word
    return word


def _role_noun(head: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "the commander", "the midfielder", "the minister": the person the article gave that
    role, else the person it named last (when they were named only just before)."""
    match = ROLE_NOUN.match(head.strip())
    noun = match.group("noun").lower() if match else ""
    rank = noun in RANK_NOUNS.values()  # "the general", "the sergeant"
    if noun not in knowledge.person_nouns and noun not in knowledge.team_roles and not rank:
        return None
    register = context.register
    person = register.with_role(noun, context.position)
    if person is not None and match and _deputy_of(person, match.group("noun")):
        # "The President" is not the Vice President named last: the office's own holder
        person = _holder([match.group("noun")], knowledge, context)
    if person is None and match and match.group("noun").islower():  # "the midfielder"
        last = register.nearest(context.position)
        near = last is not None and context.position - last.mentioned_before(context.position) < 300
        # the person named just before, unless the text gave them a role of another kind
        # ("the minister" is not the chief financial officer named before)
        sport = noun in knowledge.team_roles
        person = last if near and last is not None and (sport or not _described(last)) else None
    if person is None:
        return None
    earlier = context.by_name(person.name)
    return (
        earlier if earlier and earlier.speaker else person_attribution(person, knowledge, context)
    )


DEPUTY_WORDS = {"vice", "deputy", "assistant", "under", "associate", "lieutenant"}


def _deputy_of(person: Person, title: str) -> bool:
    """Whether a person holds only a deputy's form of a title ("Vice President")."""
    deputy = False
    for role in person.roles:
        words = role.split()
        for before, word in zip(["", *words], words, strict=False):
            if word.lower() == title.lower():
                if before.lower() not in DEPUTY_WORDS:
                    return False
                deputy = True
    return deputy


def _bench(head: str, context: Context) -> Attribution | None:
    """ "the judges", "the seven judges", "the panel": the court the story named, as a
    judge speaks for their court."""
    words = head.strip().split()
    if len(words) < 2 or words[0].lower() not in ("the", "all") or words[-1] not in BENCH_NOUNS:
        return None
    if any(w[:1].isupper() for w in words[1:]):
        return None  # "the Supreme Court judges": named in the words themselves
    court = context.body_named(["court", "tribunal"])
    return Attribution((court,)) if court else None


OFFICES_TOGETHER = re.compile(r"^[Tt]he\s+(?P<first>.+?)\s+and\s+(?:the\s+)?(?P<second>.+)$")


def _offices_together(head: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "The President and Prime Minister" after a readout named both holders: each
    holder's body, with no one speaker; None unless both offices have a named holder."""
    match = OFFICES_TOGETHER.match(head.strip())
    if match is None:
        return None
    sources: list[SourceRef] = []
    for office in (match.group("first"), match.group("second")):
        words = office.split()
        holder = _holder(words, knowledge, context) if words else None
        if holder is None or not all(w in knowledge.title_words for w in words):
            return None
        sources.extend(person_attribution(holder, knowledge, context).sources)
    return Attribution(tuple(dict.fromkeys(sources)))


def _office_alone(head: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "The President", "the Vice President": a state's office with nobody named to hold
    it is the story's own state."""
    words = DETERMINERS.sub("", head.strip()).split()
    if not DETERMINERS.match(head.strip()) or not words:
        return None
    capitalised = all(w[:1].isupper() for w in words)  # an office, not "a spokesperson"
    titles = all(w in knowledge.title_words for w in words)
    if not (capitalised and titles and state_role(head, knowledge)):
        return None
    holder = _holder(words, knowledge, context)
    if holder is not None:  # "The Vice President" after "Vice President Kamala Harris"
        earlier = context.by_name(holder.name)
        if earlier is not None and earlier.speaker is not None:
            return earlier
        return person_attribution(holder, knowledge, context)
    home = context.home_country()
    if home is None:
        return None
    listed = _listed_holder(words, home, knowledge, context)
    if listed is not None:  # "THE PRESIDENT" in a White House text of 2001: George W. Bush
        return Attribution((home,), Speaker(listed.name, " ".join(words)), personal=True)
    return Attribution((home,))


def _listed_holder(
    title: list[str], home: SourceRef, knowledge: Knowledge, context: Context
) -> KnownPerson | None:
    """The one person the data lists in this office of the story's state on the day the
    text was published (terms given): "The President" of the United States in 2001."""
    if not context.published:
        return None
    wanted = " ".join(title).lower()
    holders = {
        p.name: p
        for p in knowledge.people.values()
        if p.terms
        and p.source == home
        and (p.role or "").lower().startswith(f"{wanted} of")
        and p.holds(context.published)
    }
    return next(iter(holders.values())) if len(holders) == 1 else None


def _holder(title: list[str], knowledge: Knowledge, context: Context) -> Person | None:
    """The person named before whose role ends in exactly this title."""
    at = context.position
    found = []
    for person in context.register.people:
        if person.mentioned_before(at) < 0:
            continue
        for role in person.roles:
            words = role.split()
            run = len(words)
            while run and words[run - 1] in knowledge.title_words:
                run -= 1
            if words[run:] == title:
                found.append(person)
                break
    return max(found, key=lambda p: p.mentioned_before(at), default=None)


def _described(person: Person) -> bool:
    """Whether the text gave a person a role of words (not only an age)."""
    return any(not role.isdigit() for role in person.roles)


def _role_group(head: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "The leaders agreed that ...", "the two ministers said": the people the article gave
    that role, each for the body they speak for."""
    if head.strip().lower() in GATHERING_SUBJECTS:
        return _gathering(knowledge, context)  # "Participants emphasized ..."
    match = ROLE_GROUP.match(head.strip())
    noun = match.group("noun").lower()[:-1] if match else ""
    if noun == "leader":
        nouns: tuple[str, ...] = knowledge.leader_titles
    elif noun in knowledge.role_nouns:
        nouns = (noun,)  # "the two ministers", "the midfielders", "the CEOs"
    else:
        return None
    register = context.register
    people = register.with_any_role(nouns, context.position)
    listed = _listed_after(match.group("noun"), context) if match else []  # type: ignore[union-attr]
    people = list({id(p): p for p in people + listed}.values())
    if len(people) < 2:
        return None
    sources = [person_attribution(p, knowledge, context).sources[0] for p in people]
    return Attribution(tuple(dict.fromkeys(sources)))


def _listed_after(plural: str, context: Context) -> list[Person]:
    """The people a sentence lists after a plural role ("the CEOs of two utilities, Leo
    Denault of Entergy and Tom Fanning of Southern Company"), before the current one."""
    before = context.body[: context.position]
    used = list(re.finditer(rf"\b{re.escape(plural)}\b", before, re.IGNORECASE))
    if not used:
        return []
    start = used[-1].end()
    end = before.find(". ", start)
    return context.register.named_in(start, end if end >= 0 else len(before))


def _gathering(knowledge: Knowledge, context: Context) -> Attribution | None:
    """Everyone the last sentence that named several people named, each for their body,
    and the states it named ("White House officials met Governor X and Secretary Y")."""
    people, states = context.gathering
    if not people:
        return None
    sources = [person_attribution(p, knowledge, context).sources[0] for p in people]
    return Attribution(tuple(dict.fromkeys(states + sources)))


def _pointing_back(head: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "the group's media office", "the health ministry", "a spokesperson", "its bulletin",
    "the Portuguese club", "the Russian embassy"."""
    first = POSSESSIVE.sub("", head.split()[0]).lower() if head.split() else ""
    if head[:1].isupper() and not DETERMINERS.match(head) and first not in knowledge.back_nouns:
        return None  # but "Customs data show" opens a sentence with a common noun
    bare = DETERMINERS.sub("", head.strip()).split()
    words = [_singular(POSSESSIVE.sub("", w).lower(), knowledge) for w in bare]
    named = [knowledge.lookup(POSSESSIVE.sub("", w)) if w[:1].isupper() else None for w in bare]
    portfolio = _portfolio_end(bare, words, knowledge)
    for word, found in zip(bare[portfolio:], named[portfolio:], strict=True):
        state = found is not None and found.source.kind == "government"
        if (
            word[:1].isupper()
            and POSSESSIVE.sub("", word).lower() not in knowledge.back_nouns
            and not state
        ):
            # "a U.S. official", "the Kremlin" name a body themselves; "the Commission" not
            return _local_state_body(bare, words, knowledge)
    own = head.lower().startswith(("its ", "their "))
    kinds = [knowledge.back_nouns[w] for w in words if w in knowledge.back_nouns]
    if len(bare) == 2 and plural_owner(bare[0]) and kinds[-1:] == ["organisation"]:
        # "the teachers' union": a body of those people, named by them, not one named before
        return Attribution((labelled(bare[0][:1].upper() + " ".join(bare)[1:]),))
    if not kinds:
        return None
    local = {w.lower() for w in bare[:-1]} & knowledge.local_modifiers
    if local and kinds[0] in ("government", "spokesperson"):
        # "provincial authorities", "local police": not the state; "a provincial
        # government spokeswoman" speaks for the provincial government
        speaks = len(kinds) > 1 and knowledge.back_nouns.get(words[-1]) == "spokesperson"
        kept = bare[:-1] if speaks and kinds[-2] == "government" else bare
        label = " ".join(kept)
        return Attribution((labelled(label[:1].upper() + label[1:], "group"),))
    maker = MADE_BY.search(" ".join(bare)) if kinds[0] == "document" else None
    if maker and maker.group("maker")[:1].islower():
        # "a statement from the interior ministry": the ministry, as "the ministry" is
        return _pointing_back(f"the {maker.group('maker')}", knowledge, context)
    if set(words) & POLLS and INDEFINITE.match(head) and not context.research:
        # "a recent poll": a poll of its own, not a body named before (a study whose
        # owner the article names is the owner's: research.py)
        return Attribution((labelled(head.strip()),))
    states = [n.source for n in named if n and n.source.kind == "government"]
    if states and kinds[0] in ("government", "spokesperson"):
        # "the government of American Samoa": the state the words name together, not
        # "American"; "the Russian embassy", "a senior U.S. official"
        mentioned = find_mentions(" ".join(bare), knowledge) if len(states) > 1 else []
        together = [m.named.source for m in mentioned if m.named.source.kind == "government"]
        return Attribution(((together or states)[0],))
    if len(words) == 2 and kinds == ["organisation", "document"]:
        return Attribution((labelled(" ".join(bare)),))  # "court documents": theirs alone
    if len(words) == 2 and kinds[0] == "organisation" and words[1] in knowledge.source_nouns:
        # "court officials", "union members": a group of people of a kind of body, who
        # do not speak for the body a story named (a court speaks through its rulings)
        return Attribution((unresolved(" ".join(bare), knowledge) or labelled(head),))
    institution = words[-2] if len(words) >= 2 and kinds[-1] == "spokesperson" else ""
    if institution in knowledge.institution_nouns:  # "a hospital spokesperson": the hospital's
        body = context.body_named([institution])
        return Attribution((body or labelled(institution.capitalize(), "group"),))
    if kinds[0] == "document" and len(bare) == len(head.split()) and len(bare) > 1:
        # "international news reports", "local press reports": no determiner ties them to
        # anyone named before; the kind of report the words end in, where the data knows it
        for start in range(1, len(bare) - 1):
            known = knowledge.lookup(" ".join(bare[start:]))
            if known is not None and known.source.kind == "group":
                return Attribution((known.source,))
    earlier = context.by_name(head)
    if earlier and earlier.speaker:
        return earlier  # "the minister": the speaker whose role that is
    if own and context.current:
        return Attribution((context.current,))  # "according to its daily bulletin"
    plural = bool(bare) and POSSESSIVE.sub("", bare[-1]).lower() != words[-1]
    return _back_to(kinds[0], words, knowledge, context, plural)


def _portfolio_end(bare: list[str], words: list[str], knowledge: Knowledge) -> int:
    """How many words of "Health Ministry spokesman", "Interior Ministry officials" are a
    ministry's capitalised name (its portfolio, then "Ministry" or "Department"): a
    ministry of the state the story is about, as "the health ministry" is."""
    for at, word in enumerate(words[1:4], start=1):
        if knowledge.back_nouns.get(word) == "government" and bare[at][:1].isupper():
            before = bare[:at]
            if all(w[:1].isupper() and w.lower() in knowledge.portfolios for w in before):
                return at + 1
            return 0
    return 0


def _local_state_body(
    bare: list[str], words: list[str], knowledge: Knowledge
) -> Attribution | None:
    """ "the Gaza health ministry", "the Sindh irrigation department": a place that is no
    state, then a state body in common words, is that place's body, named as the text does."""
    if len(bare) < 2 or not bare[0][:1].isupper() or any(w[:1].isupper() for w in bare[1:]):
        return None
    if POSSESSIVE.search(bare[0]) or knowledge.back_nouns.get(words[-1]) != "government":
        return None
    source = unresolved(" ".join(bare), knowledge, allow_in=True)
    return Attribution((source,)) if source else None


def _document_owner(context: Context) -> Attribution | None:
    """Whose "the filing", "the report" is: the last to speak, passing over news outlets
    that only reported it ("..., according to The Verge. According to the filing, ...")."""
    for attribution in reversed(context.recent):
        if not all(source.kind == "outlet" for source in attribution.sources):
            return attribution
    return context.last(person=False)


def _several_before(context: Context) -> Attribution | None:
    """ "The agencies say": the last few attributions back, the latest that filed a claim
    under several bodies ("the IOM and the UNHCR say", then "The survivors say", then "The
    agencies say" are the IOM and the UNHCR again)."""
    bodies = ("organisation", "government", "unresolved", "outlet")
    for attribution in list(reversed(context.recent))[:SEVERAL_REACH]:
        several = len(attribution.sources) >= 2
        if several and all(s.kind in bodies for s in attribution.sources):
            return attribution
    return context.last(person=False)


SEVERAL_REACH = 4  # attributions: how far back "the agencies" look for the bodies they are


def _owner_just_named(noun: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "Malaysia's foreign ministry released a version ... However, the ministry told
    reporters": the state whose body of that noun the sentence before named."""
    before = context.body[context.previous : context.position]
    if noun not in before:
        return None
    owners = [
        m.named.source
        for m in find_mentions(before, knowledge)
        if m.named.source.kind == "government"
        and noun in before[m.end : m.end + OWNED_REACH].lower().split()
    ]
    return owners[-1] if len(set(owners)) == 1 else None


OWNED_REACH = 30  # characters after a state's name in which the body's noun follows it


def _back_to(
    kind: str, words: list[str], knowledge: Knowledge, context: Context, plural: bool = False
) -> Attribution | None:
    if kind == "document" and MADE_BY.search(" ".join(words)):
        return None  # "a survey by X": X is named; the body resolver reads it
    made_by = MADE_BY.search(" ".join(words))
    if kind == "spokesperson" and made_by:
        return None  # "a spokesman for the finance ministry": resolved as what it speaks for
    if kind in ("spokesperson", "document"):
        if context.current and kind == "spokesperson" and context.current.kind != "group":
            # "Meta was sceptical: a spokesman said"; not "Officials will ..., a spokesperson
            # said": a group of people has no spokesperson
            return Attribution((context.current,))
        earlier = _spoken_for(context) if kind == "spokesperson" else _document_owner(context)
        return earlier and Attribution(earlier.sources, said_on=earlier.said_on)
    together = _several_before(context) if plural and kind not in ("document", "company") else None
    if together is not None and len(together.sources) >= 2:
        return Attribution(
            together.sources
        )  # "Britain, the U.S. and Germany accused ...", "the agencies said"
    # "the authority" -> "Panama Canal Authority"; "the unification ministry" names its portfolio
    portfolio = frozenset(w for w in words[:-1] if len(w) > 3) if kind == "government" else None
    named = context.body_named(words, portfolio or frozenset())
    if named:
        return Attribution((named,))
    if kind == "government":  # "the ministry": the dateline's state, else the last to speak
        dateline = (
            context.home.source
            if context.home and context.home.source.kind == "government"
            else None
        )
        source = (
            context.scene  # "In Syria, the health ministry said": the state the lead names
            or _owner_just_named(words[-1], knowledge, context)
            or dateline
            or context.last_body(("government",), spoken=True)
            or context.home_country()
        )
    elif kind == "company":  # "the company", "the club": never a state
        several = _companies(context) if plural else ()
        if several:
            return Attribution(several)  # "..., the companies said."
        opened = context.opening if context.opening and context.opening.kind != "group" else None
        ours = opened if opened and opened.kind in ("organisation", "unresolved") else None
        # "... at Bokamoso Platinum's mine ..., the company said": the one the sentence named
        in_sentence = [s for s in context.in_sentence if s.kind in ("organisation", "unresolved")]
        source = (
            ours
            or context.last_body(("organisation", "unresolved"))
            or next(iter(in_sentence), None)
        )
    else:  # "the agency": the last body, of any kind, that spoke or was named
        source = _led_before(words[-1], knowledge, context) or context.last_body(
            ("organisation", "unresolved", "government")
        )
    return Attribution((source,)) if source else None


def _led_before(noun: str, knowledge: Knowledge, context: Context) -> SourceRef | None:
    """ "The coalition said" after "the Saudi-led coalition": the body the text named
    by who leads it."""
    if f"-led {noun}" not in context.body[: context.position]:
        return None
    named = list(LED_NOUN.finditer(context.body[: context.position]))
    found = [m for m in named if m.group("noun").lower() == noun.lower()]
    return labelled(found[-1].group("body")) if found else None


def _described_alliance(text: str, context: Context) -> Attribution | None:
    """ "the coalition of Arab states that support Yemen's exiled president", "the Arab
    coalition": the alliance the article named before by that noun ("Saudi-led coalition
    air raids"), else the alliance as the words describe it."""
    bare = RELATIVE_TAIL.sub("", DETERMINERS.sub("", text.strip()))
    described = ALLIANCE.fullmatch(bare)
    if described is None or not (described.group("adj") or described.group("members")):
        return None
    noun = described.group("noun")
    earlier = context.body_named([noun])
    if earlier is not None:
        return Attribution((earlier,))
    members = described.group("members") or ""
    if members.split()[-1:] and members.split()[-1].lower() in GENERIC_MEMBERS:
        # "A coalition of voting rights groups": the groups, as a user would look them up
        return Attribution((labelled(members, "group"),))
    label = bare if described.group("adj") else f"{noun.capitalize()} of {members}"
    return Attribution((labelled(label),))


GENERIC_MEMBERS = {"groups", "organisations", "organizations", "parties", "unions", "associations"}


ALLIANCE_NOUNS = ("coalition", "alliance", "bloc", "federation", "confederation")
ALLIANCE = re.compile(
    rf"(?:(?P<adj>[A-ZÀ-Þ][\w'’-]*)\s+)?(?P<noun>{'|'.join(ALLIANCE_NOUNS)})"
    r"(?:\s+of\s+(?P<members>[a-zA-Z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}))?"
)
RELATIVE_TAIL = re.compile(r"\s+(?:that|which|who)\s.*$")
# "the Saudi-led coalition", "U.S.-backed forces": a body named by who leads or backs it
LED_NOUN = re.compile(
    r"(?P<body>[A-ZÀ-Þ][\w.'’]*(?:-[A-Z][\w.'’]*)?-(?:led|backed)\s+(?P<noun>[a-z]+))"
)


def _a_name_not_a_person(
    body: str, found: Attribution, knowledge: Knowledge, context: Context
) -> bool:
    """Whether what a spokesperson speaks for, read as a person, is only a name of two
    capitalised words that opens with no given name and that the text gives no role
    ("a spokesperson for Stagecoach South"): a company's name, not a person's."""
    name = DETERMINERS.sub("", body.strip(" ,."))
    if found.speaker is None or found.speaker.name != name:
        return False
    person = context.register.named(name)
    # "A spokesperson for" is the role the register read from this very phrase
    roles = [
        r
        for r in (person.roles if person else [])
        if not r.rstrip().endswith(" for") and r.lower() not in DETERMINER_WORDS
    ]
    return name.split()[0] not in knowledge.name_gender and not roles


def _spokesperson_named(
    match: re.Match[str], knowledge: Knowledge, context: Context
) -> Attribution | None:
    """ "a spokesman for the Dunmoor Fire Service, Alan Pryce": the body, with the person
    the text names after it as the speaker."""
    body, comma, name = match.group("body").rstrip(" ,").rpartition(", ")
    name = name.strip(" .")
    person = context.register.named(name) if comma else None
    if person is None or person.name != name:
        return None
    found = resolve_subject(body, knowledge, context)
    role = DETERMINERS.sub("", match.string[: match.start("body")]).strip() + f" {body}"
    if found is not None and found.speaker is not None:
        # "Opposition spokesman for Public Accountability, Kelvin Thomson": a portfolio
        # that only reads as a name; the words before the spokesman say whose
        ahead = PORTFOLIO_FOR.sub("", match.string[: match.start("body")])
        whose = resolve_subject(ahead, knowledge, context) if ahead.strip() else None
        if whose is None or whose.speaker is not None or not whose.sources:
            return None
        return Attribution(whose.sources, Speaker(person.name, role), personal=True)
    if found is None:
        return None
    return Attribution(found.sources, Speaker(person.name, role), personal=True)


PORTFOLIO_FOR = re.compile(r"\s+(?:spokesperson|spokesman|spokeswoman)\s+(?:for|on)\s*$")


def _spoken_for(context: Context) -> Attribution | None:
    """The last attribution a spokesperson can speak for: a body, not a group of people
    ("Early investigators' reports say ..., a spokeswoman said" is no investigator's)."""
    for attribution in reversed(context.recent):
        if all(source.kind != "group" for source in attribution.sources):
            return attribution
    return None


def _companies(context: Context) -> tuple[SourceRef, ...]:
    """ "the companies said", "both firms said": the bodies the sentence itself named."""
    named = [s for s in context.in_sentence if s.kind in ("organisation", "unresolved")]
    unique = tuple(dict.fromkeys(named))
    return unique if len(unique) >= 2 else ()


def _person(
    head: str, appositive: str, knowledge: Knowledge, context: Context
) -> Attribution | None:
    owner = knowledge.person_in(head)
    spokesperson = bool(appositive) and _names_only(appositive, knowledge)
    if owner and head[owner[2] : owner[2] + 2] in ("'s", "’s") and not spokesperson:
        return Attribution((owner[0].source,))  # "Prime Minister Benjamin Netanyahu's office"
    office = PERSONS_OFFICE.match(head)
    if office:  # "Prime Minister Jonas Gahr Store's office": whom the title serves
        return _persons_office(office, appositive, knowledge, context)
    name, appositive = _name_and_role(head, appositive, knowledge)
    after = name.after.strip(" ,").lower() if name else ""
    if name and not name.before and after in knowledge.source_nouns and after.endswith("s"):
        # "New Orleans officials": a place's or a body's people, no person called so
        label = f"{name.name} {after}"
        return Attribution((unresolved(label, knowledge) or labelled(label, "group"),))
    listed = _titled_surname(head, knowledge) if name is None else None
    if listed:  # "Vice President Harris", "Secretary Blinken": a listed person's title
        person = context.register.named(listed.name) or Person(listed.name)
        title = " ".join(head.split()[:-1]) or None  # "President", with the surname dropped
        return person_attribution(person, knowledge, context, title)
    apposed = context.register.named(appositive.strip(" ,.")) if appositive else None
    if apposed is not None and apposed.name != appositive.strip(" ,."):
        apposed = None  # a surname alone is no name set off after a role
    if apposed is None and appositive and _names_only(appositive, knowledge):
        found = _name_in(appositive.strip(" ,"), knowledge)
        apposed = (context.register.named(found.name) or Person(found.name)) if found else None
    governed = name is not None and name.before.split()[-1:] in (["of"], ["for"], ["at"])
    if (name is None or governed) and apposed is not None:
        # "his associate, Gleb German", "the attorney general of New York State, Eliot
        # Spitzer": the person named after the role, not a name inside it
        return person_attribution(apposed, knowledge, context, head.strip())
    if name is None:
        earlier = context.by_name(head)
        if earlier is None and _descriptor(head, knowledge) and _proper_name(appositive, knowledge):
            named = unresolved(appositive, knowledge)  # "The Italian athletics federation, Fidal"
            return Attribution((named,)) if named else None
        return earlier or _introduced(head, knowledge, context)
    descriptor = {w.lower() for w in name.before.split()[-1:]} & knowledge.organisation_descriptors
    if descriptor and name.before != head:
        return None  # "cybersecurity firm Recorded Future" names a body, not a person
    known = knowledge.person(name.name)
    earlier = context.by_name(known.name if known else name.name)
    # The article's own words for a role beat the data file's, which may be out of date.
    role = _role(name, appositive, knowledge) or (
        earlier.speaker.role if earlier and earlier.speaker else None
    )
    if earlier and earlier.speaker and not known:
        return Attribution(earlier.sources, Speaker(earlier.speaker.name, role))
    person = context.register.named(name.name) or Person(name.name)
    return person_attribution(person, knowledge, context, role)


def _persons_office(
    office: re.Match[str], appositive: str, knowledge: Knowledge, context: Context
) -> Attribution | None:
    """ "Prime Minister Jonas Gahr Store's office", "German Chancellor Angela Merkel's
    spokesperson, Steffen Seibert": the body the owner's title serves, with the
    spokesperson the text names as the speaker."""
    owner = office.group("role") + office.group("owner")
    name = find_name(owner, knowledge)  # the title is all before the owner's name
    role = name.before if name and name.before else office.group("role")
    source = speaks_for([role], knowledge, context)
    if source is None:
        return None
    spokesperson = _name_in(appositive, knowledge) if appositive else None
    speaks = knowledge.back_nouns.get(office.group("office")) == "spokesperson"
    if speaks and spokesperson and not spokesperson.before:
        return Attribution((source,), Speaker(spokesperson.name, office.string.strip()))
    return Attribution((source,))


def _titled_surname(head: str, knowledge: Knowledge) -> KnownPerson | None:
    """The listed person a title and a surname name, when the title is theirs
    ("Secretary Blinken", "Turkish president Erdoğan")."""
    words = DETERMINERS.sub("", head.strip()).split()
    title = [w for w in words[:-1] if not _a_state_word(w, knowledge)]
    if len(words) < 2 or not title:
        return None
    if not all(w in knowledge.title_words or w in knowledge.title_words_lower for w in title):
        return None
    return knowledge.titled(title, words[-1])


def _a_state_word(word: str, knowledge: Knowledge) -> bool:
    """ "Turkish", "Turkey's": a word that names a state, before a title."""
    named = knowledge.lookup(POSSESSIVE.sub("", word))
    return named is not None and named.source.kind == "government"


def _descriptor(head: str, knowledge: Knowledge) -> bool:
    """ "the Italian athletics federation", "the environmental group": a kind of body."""
    words = {w.lower().strip(",.") for w in head.split()}
    kinds = {knowledge.back_nouns.get(w) for w in words}
    return bool(kinds & {"organisation", "company"}) or bool(
        words & knowledge.organisation_descriptors
    )


def _headed_by_descriptor(head: str, knowledge: Knowledge) -> bool:
    """ "The drug's maker", "the drugmaker": a phrase whose head noun is a kind of body, so
    the name set off after it is the body's ("Novo Nordisk"), not a person's."""
    words = [w.lower().strip(",.") for w in head.split()]
    if not words or " of " in head or set(words) & knowledge.person_nouns:
        return False  # "Its director of research": a person's job at the body
    last = words[-1]
    return last in knowledge.organisation_descriptors or knowledge.back_nouns.get(last) in (
        "organisation",
        "company",
    )


def _names_only(text: str, knowledge: Knowledge) -> bool:
    """Whether words are a person's name and nothing else ("Bruno Shioso")."""
    name = _name_in(text.strip(" ,"), knowledge)
    return name is not None and name.name == text.strip(" ,")


def _proper_name(text: str, knowledge: Knowledge, after_a_body: bool = False) -> bool:
    """One to four capitalised words that are not a person's name ("Fidal",
    "Rederiforbundet"); `after_a_body` (set off after "The drug's maker"), also words
    shaped like a name ("Acme Pharma") unless a title opens them or the data lists them."""
    words = text.split()
    if not (0 < len(words) <= 4 and all(w[:1].isupper() for w in words)):
        return False
    titled = words[0].strip(".") in knowledge.title_words
    if after_a_body and not titled and knowledge.person(text) is None:
        return True
    return find_name(text, knowledge) is None


def _introduced(head: str, knowledge: Knowledge, context: Context) -> Attribution | None:
    """ "Faki said": a person the article named before, in narration, with their role;
    not "Officials in Paris" after "Valeska Paris": a name after "in" is a place."""
    person = None if _placed(head) else context.register.named(head)
    if person is not None:
        return person_attribution(person, knowledge, context)
    words = head.split()
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    earlier = context.introduction(words[0].strip(",."))
    if earlier is None:
        return None
    found = resolve_subject(earlier, knowledge, Context())
    return found if found and found.speaker else None


def _placed(head: str) -> bool:
    """Whether the capitalised words that end a phrase follow a preposition of place
    ("Officials in Paris", "a source at Whitehall"): a place, not a person's name."""
    words = head.split()
    while words and words[-1][:1].isupper():
        words.pop()
    return bool(words) and words[-1] in PLACE_PREPOSITIONS and len(words) < len(head.split())


def _name_and_role(head: str, appositive: str, knowledge: Knowledge) -> tuple[NameSpan | None, str]:
    name = _name_in(head, knowledge)
    if name is None and appositive and not _ends_in_a_name(head, knowledge):
        # "Israel's defence minister, Israel Katz", "Its chair, Justice Grace Mhango, said"
        after = _name_in(appositive, knowledge)
        if after and _only_titles(after.before, knowledge) and not after.after.strip(" ,"):
            return NameSpan(after.name, head, ""), ""
        if (
            after
            and _only_titles(after.before, knowledge)
            and appositive.startswith(f"{after.before} {after.name},".strip())
        ):
            return NameSpan(after.name, head, ""), ""
        if after and _only_titles(after.before, knowledge) and ROLE_AFTER.match(after.after):
            # "The mission's co-director, Dr Eleanor Whitcombe of the University of Liverpool"
            return NameSpan(after.name, head, ""), after.after
    return name, appositive


def _ends_in_a_name(head: str, knowledge: Knowledge) -> bool:
    """ "the men's rights group National Coalition for Men": a head that ends in a name of
    several words right after a common noun names a body, not the role of the person
    after it. "Minister for International Development and the Pacific" is a title, "a
    spokesman for the Sudanese Armed Forces" a role in a body."""
    words = head.split()
    run = len(words)
    while run > 0 and (words[run - 1][:1].isupper() or words[run - 1] in CONNECTORS):
        run -= 1
    while run < len(words) and words[run] in CONNECTORS:
        run += 1  # the run opens with its first capitalised word
    name = [w for w in words[run:] if w not in CONNECTORS]
    if len(name) < 2 or any(w.strip(".,") in knowledge.title_heads for w in name):
        return False
    return run > 0 and words[run - 1] not in CONNECTORS and words[run - 1] not in PREPOSITIONS


def _only_titles(words: str, knowledge: Knowledge) -> bool:
    """ "Col.", "professor", "Justice", "doctoral candidate", "civil and environmental
    engineering professor": the words before a name are a title's or a role's in lower
    case (no preposition, no verb: "according to X", "citing X", "told X" are not)."""
    parts = [w.strip(",") for w in words.split()]
    service = 0  # "Army Gen.", "Marine Corps Gen.": the service before a rank
    while service < len(parts) - 1 and parts[service] in knowledge.military_services:
        service += 1
    if service and parts[service] not in knowledge.military_ranks:
        service = 0
    if all(w.lower().strip(".") in knowledge.title_words_lower for w in parts[service:]):
        return True
    return (
        all(w.islower() and w.isalpha() for w in parts if w != "and")
        and not any(w in PREPOSITIONS or w in knowledge.cues or w in VERB_WORDS for w in parts)
        and not parts[-1].endswith(("ing", "ed", "ly"))
    )


def _name_in(text: str, knowledge: Knowledge) -> NameSpan | None:
    """A known person's full name in the text, else a run of name words."""
    known = knowledge.person_in(text)
    if known:
        person, start, end = known
        if text[end : end + 2] in ("'s", "’s"):
            return None  # "Benjamin Netanyahu's office": his office speaks, not he
        return NameSpan(person.name, text[:start].strip(" ,"), text[end:].strip(" ,"))
    return find_name(text, knowledge)


def _role(name: NameSpan, appositive: str, knowledge: Knowledge) -> str | None:
    """The words that say what a person is: the appositive, else the title around the name."""
    if re.match(
        r"(?:who|which|whose|speaking|in|on|at|[a-z]+(?:ing|ed)\s+(?:from|in|at|on|near))\b",
        appositive.strip(),
    ):
        appositive = ""  # a clause or circumstance ("reporting from Mosul"), not a role
    appositive = re.split(r",\s+(?:who|which|whose)\b", appositive)[0]  # "X's negotiator, who ..."
    role = appositive.strip(" ,") or " ".join(p for p in (name.before, name.after) if p).strip(" ,")
    role = re.sub(r"^\d{1,3},\s+", "", role)  # "Mohammad Bashir, 54, a shopkeeper": the age
    role = re.sub(r"^(?:the|a|an)\s+", "", role)
    return role or None
