"""World knowledge read from the data files: who is who, which words cue a claim, topics.

Nothing here is about one article: entities, people, cue words and topics all come from
`data/*.json`, so a newsroom extends the loader by editing data, not code.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.extraction.model import EntityRef, SourceRef, TopicRef
from app.extraction.trie import trie_pattern, whole_words
from app.extraction.vocabulary import LEADING_ARTICLE, PREPOSITIONS
from app.slugs import slugify

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
UNATTRIBUTED = SourceRef("unattributed", "Unattributed", "unattributed")


@dataclass(frozen=True)
class Named:
    """What a name in a text refers to: the source that speaks, the entity that acts."""

    source: SourceRef
    entity: EntityRef
    exact_case: bool = False  # short all-caps names ("US", "NIS") match only as written
    proper: bool = True  # a proper name must be capitalised in the text
    alias: str = ""  # the name as the data file spells it


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    source: SourceRef
    terms: tuple[tuple[str, str | None], ...] = ()  # when the role was held; () for always

    def holds(self, day: str) -> bool:
        """Whether the listed role was the person's on a day (ISO date; "" for unknown)."""
        if not self.terms or not day:
            return True
        return any(start <= day and (end is None or day < end) for start, end in self.terms)


@dataclass(frozen=True)
class Topic:
    ref: TopicRef
    pattern: re.Pattern[str]
    stems: frozenset[str] = frozenset()  # its keywords' literal words, lowercased


@dataclass(frozen=True)
class Topics:
    """The topic taxonomy, with every topic's stems in one trie: one scan of a claim says
    which topics it may name, and only their patterns are tried."""

    topics: tuple[Topic, ...] = ()
    # at each word start, the longest stem that starts there (a lookahead: overlapping)
    stems: re.Pattern[str] = re.compile(r"(?!)")
    # a stem -> the topics with a stem it begins with: found there too ("missile", "missiles")
    owners: dict[str, frozenset[int]] = field(default_factory=dict)

    def found_in(self, text: str) -> tuple[TopicRef, ...]:
        """The topics whose keywords occur in a text, in the taxonomy's order."""
        lower = text.lower()
        places: dict[int, list[int]] = {}  # a topic -> the word starts its stems are at
        for match in self.stems.finditer(lower):
            for index in self.owners[match.group(1)]:
                places.setdefault(index, []).append(match.start())
        # a keyword is tried where its stem is; "İ" lowercases to two characters, which
        # moves every place after it: such a text is searched whole
        aligned = len(lower) == len(text)
        return tuple(
            topic.ref
            for index, topic in enumerate(self.topics)
            if index in places
            and (
                any(topic.pattern.match(text, at) for at in places[index])
                if aligned
                else topic.pattern.search(text)
            )
        )


@dataclass(eq=False)  # compared and hashed by identity: patterns are cached per instance
class Knowledge:
    """Everything extraction knows about the world, indexed for lookup."""

    names: dict[str, Named] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    cues: dict[str, str] = field(default_factory=dict)
    cue_lists: dict[str, list[str]] = field(default_factory=dict)
    topics: Topics = field(default_factory=Topics)
    widget_labels: list[str] = field(default_factory=list)
    scrape: dict[str, Any] = field(default_factory=dict)  # debris word lists (scrape.py)
    abbreviations: frozenset[str] = frozenset()
    titles: list[str] = field(default_factory=list)
    title_words: frozenset[str] = frozenset()
    title_words_lower: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()
    government_words: frozenset[str] = frozenset()
    organisation_words: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    organisation_descriptors: frozenset[str] = frozenset()
    state_body_words: frozenset[str] = frozenset()
    portfolios: frozenset[str] = frozenset()  # "Health" in "the Health Ministry", lowercase
    page_words: frozenset[str] = frozenset()  # "Release Number:": a page's label, no name
    kin_nouns: frozenset[str] = frozenset()  # "Dink's daughter": a relative of someone named
    job_functions: frozenset[str] = frozenset()  # "Acme Marketing Director": Acme's, lowercase
    not_names: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    corporate_titles: frozenset[str] = frozenset()
    party_tags: dict[str, str] = field(default_factory=dict)  # "R" -> "Republican Party"
    judicial_titles: dict[str, str] = field(default_factory=dict)  # "Judge" -> "Court"
    local_titles: frozenset[str] = frozenset()  # "Governor", "Mayor"
    team_roles: frozenset[str] = frozenset()  # "coach", "captain"
    role_nouns: frozenset[str] = frozenset()  # every noun for a person's role, lowercase
    writer_nouns: frozenset[str] = frozenset()  # "blogger", "commenter": may go by one name
    study_author_nouns: frozenset[str] = frozenset()  # "co-author": of the article's study
    place_nouns: frozenset[str] = frozenset()  # "capital", "village": a place's name follows
    name_gender: dict[str, str] = field(default_factory=dict)  # "Rachel" -> "female"
    leader_titles: tuple[str, ...] = ()  # "the leaders": presidents, prime ministers, kings
    members_not_speakers: frozenset[str] = frozenset()  # "student": of a body, not for it
    office_nouns: frozenset[str] = frozenset()  # "official": a post in a body, no kind of person
    honour_nouns: frozenset[str] = frozenset()  # "winner of the X Prize": an award, no body
    status_nouns: frozenset[str] = frozenset()  # "billionaire": what a person is, no field
    # "who has lived in" -> "Residents": the kind of person a clause after a name makes them
    kinds_by_clause: tuple[tuple[str, str], ...] = ()
    exhortations: tuple[str, ...] = ()  # "please", "may god": openings of no claim
    place_openers: frozenset[str] = frozenset()  # "East", "Mount": open places, not people
    event_words: frozenset[str] = frozenset()  # "Week", "Summit": end events, not people
    # "New Mexico", "Indian Ocean": places that hold a state's name and are not that state,
    # and the most words one starting with a given word has
    places_named_for_states: frozenset[str] = frozenset()
    state_courts: frozenset[str] = frozenset()  # "Supreme Court": a state's court, its own body
    place_first_words: dict[str, int] = field(default_factory=dict)
    local_modifiers: frozenset[str] = frozenset()  # "local", "provincial": not the state
    unaffiliated_modifiers: frozenset[str] = frozenset()  # "Independent analyst X": no employer
    evidence_nouns: frozenset[str] = frozenset()  # "Photos showed ...": no one's claim
    regions: frozenset[str] = frozenset()  # "Missouri" in "St. Louis, Missouri": where a city is
    local_area: re.Pattern[str] = re.compile(r"(?!)")  # "the Chelyabinsk region"
    # "the police", "a fire brigade spokesman": services that speak for themselves
    emergency_service: re.Pattern[str] = re.compile(r"(?!)")
    # "Hampshire Police spokesman", "the Metropolitan Police": a service with a name
    named_service: re.Pattern[str] = re.compile(r"(?!)")
    company_only_titles: frozenset[str] = frozenset()  # "CEO": a company's, never a state's
    relation_nouns: frozenset[str] = frozenset()  # "loyalist", "ally": of someone, not employed
    state_organs: set[str] = field(default_factory=set)  # "NASA", "Pentagon": a state's own bodies
    # "England", "Britain", "Panama": what a country is called, not its people ("English")
    country_names: set[str] = field(default_factory=set)
    institution_nouns: frozenset[str] = frozenset()  # "gallery", "museum": bodies with staff
    institution_jobs: frozenset[str] = frozenset()  # "curator", "professor": staff of one
    military_ranks: frozenset[str] = frozenset()  # "Col.", "Gen.": an officer of the state
    military_services: frozenset[str] = frozenset()  # "Army Gen.", "Air Force Lt. Gen."
    legislator_nouns: frozenset[str] = frozenset()  # "MP", "senator": speaks for a party
    party_adjectives: dict[str, str] = field(default_factory=dict)  # "Republican" -> its party
    # "senator", "chairman": roles that, after a party's adjective, speak for the party
    party_roles: frozenset[str] = frozenset()
    back_nouns: dict[str, str] = field(default_factory=dict)  # "group" -> "organisation"
    # "according to", "in the words of": words before the role of the person they name
    according_lead: re.Pattern[str] = re.compile(r"(?!)")
    people_pattern: re.Pattern[str] | None = None
    by_surname: dict[str, list[Person]] = field(default_factory=dict)  # "Blinken" -> people
    longest_name: int = 1
    # first word of every name -> the most words a name starting with it has
    first_words: dict[str, int] = field(default_factory=dict)

    def lookup(self, phrase: str) -> Named | None:
        """The entity a phrase names ("the U.S.", "Moscow", "some observers"), if known."""
        phrase = phrase.strip()
        named = self.names.get(phrase.lower())
        if named and _case_fits(named, phrase):
            return named
        if " " not in phrase:
            return None  # a single word has no leading article to drop
        bare = LEADING_ARTICLE.sub("", phrase)
        named = self.names.get(bare.lower()) if bare != phrase else None
        return named if named and _case_fits(named, bare) else None

    def person(self, name: str) -> Person | None:
        """A known person by full name or unambiguous alias."""
        return self.people.get(name.lower())

    def titled(self, title: list[str], surname: str) -> Person | None:
        """The one listed person with this surname whose role has these title words
        ("Vice President Harris", "Secretary Blinken")."""
        wanted = {w.lower() for w in title}
        found = {
            p.name: p
            for p in self.by_surname.get(surname, ())
            if wanted <= set((p.role or "").lower().split())
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def person_in(self, text: str) -> tuple[Person, int, int] | None:
        """The first known person named in full in `text`, with where the name is."""
        match = self.people_pattern.search(text) if self.people_pattern else None
        return (self.people[match.group(0).lower()], match.start(), match.end()) if match else None


def _case_fits(named: Named, text: str) -> bool:
    if named.exact_case:
        return text in named.source.aliases or text == named.entity.label
    if named.proper:  # "al-Arabiya", "al-Shabab": an Arabic article in lower case opens it
        return text[:1].isupper() or (text[:3] in ("al-", "el-") and text[3:4].isupper())
    # A group may open a sentence or not ("Analysts", "analysts"), but "the West" is
    # not "the west": past the first letter, the case must be as written.
    return text[1:] == named.alias[1:] or text[1:] == named.alias.lower()[1:]


# The lists of words in data/text.json read as sets, each into the attribute of its name.
WORD_SETS = (
    "government_words", "organisation_words", "source_nouns", "organisation_descriptors",
    "state_body_words", "not_names", "place_words", "person_nouns", "state_nouns",
    "corporate_titles", "local_titles", "team_roles", "writer_nouns", "members_not_speakers",
    "office_nouns", "honour_nouns", "status_nouns",
    "military_ranks", "military_services", "legislator_nouns", "place_nouns", "institution_nouns",
    "institution_jobs",
    "study_author_nouns", "portfolios",
)  # fmt: skip


@lru_cache(maxsize=4)
def load_knowledge(data_dir: Path = DATA_DIR) -> Knowledge:
    """Read and index the data files (cached: they do not change while a process runs)."""
    knowledge = Knowledge()
    entities = _read(data_dir / "entities.json")
    for country in entities.get("countries", []):
        _add_country(knowledge, country)
    for kind, section in (("organisation", "organisations"), ("outlet", "outlets")):
        for item in entities.get(section, []):
            _add_body(knowledge, item, kind)
    for item in entities.get("groups", []):
        _add_body(knowledge, item, "group")
    for person in _read(data_dir / "people.json"):
        _add_person(knowledge, person)
    _add_cues(knowledge, _read(data_dir / "cues.json"))
    _add_topics(knowledge, _read(data_dir / "topics.json"))
    text = _read(data_dir / "text.json")
    knowledge.widget_labels = text["widget_labels"]
    knowledge.scrape = text["scrape"]
    knowledge.abbreviations = frozenset(text["abbreviations"])
    knowledge.titles = sorted(text["titles"], key=len, reverse=True)
    titles = text["titles"] + text["corporate_titles"]
    # the words of titles, not their connectives ("Minister of Trade and Industry")
    knowledge.title_words = frozenset(
        w
        for t in titles + text["military_ranks"]  # "Capt Michael Carruthers", "Tech. Sgt. X"
        for w in t.split()
        if w not in PREPOSITIONS | {"and", "the"}
    )
    knowledge.title_words_lower = frozenset(w.lower().strip(".") for w in knowledge.title_words)
    knowledge.title_heads = frozenset(t.split()[-1] for t in titles)  # "Minister", not "National"
    for name in WORD_SETS:  # "government_words", "person_nouns", ...: lists of words
        setattr(knowledge, name, frozenset(text[name]))
    knowledge.party_tags = {k: v for k, v in text["party_tags"].items() if not k.startswith("_")}
    knowledge.party_adjectives = {
        k: v for k, v in text["party_adjectives"].items() if not k.startswith("_")
    }
    knowledge.page_words = frozenset(text["page_words"]["words"])
    knowledge.kin_nouns = frozenset(text["kin_nouns"]["words"])
    knowledge.job_functions = frozenset(text["job_functions"]["words"])
    knowledge.party_roles = knowledge.legislator_nouns | frozenset(text["party_roles"]["words"])
    knowledge.judicial_titles = {
        k: v for k, v in text["judicial_titles"].items() if not k.startswith("_")
    }
    knowledge.leader_titles = tuple(text["leader_titles"])
    knowledge.kinds_by_clause = tuple(
        (opening, label)
        for label, openings in text["kinds_by_clause"].items()
        if not label.startswith("_")
        for opening in openings
    )
    knowledge.exhortations = tuple(text["exhortation_openings"]["openings"])
    knowledge.place_openers = frozenset(text["place_openers"]["words"])
    knowledge.event_words = frozenset(text["event_words"]["words"])
    knowledge.state_courts = frozenset(text["state_courts"]["names"])
    places = text["places_named_for_states"]["names"]
    knowledge.places_named_for_states = frozenset(places)
    for place in places:
        first = place.split()[0].lower()
        knowledge.place_first_words[first] = max(
            knowledge.place_first_words.get(first, 0), len(place.split())
        )
    knowledge.local_modifiers = frozenset(text["local_modifiers"]["words"])
    knowledge.unaffiliated_modifiers = frozenset(text["unaffiliated_modifiers"]["words"])
    knowledge.evidence_nouns = frozenset(text["evidence_nouns"]["words"])
    knowledge.regions = frozenset(text["regions"]["words"])
    knowledge.local_area = re.compile(  # "the Chelyabinsk region", "Chelyabinsk regional"
        r"\b(?P<place>[A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+)?) (?:"
        + "|".join(map(re.escape, text["local_areas"]["words"]))
        + r")\b"
    )
    knowledge.emergency_service, knowledge.named_service = _emergency_services(
        text["emergency_services"], knowledge
    )
    knowledge.company_only_titles = frozenset(text["company_only_titles"]["words"])
    # "Putin ally", "the wife of Brittney Griner": ties, the relatives' nouns among them
    knowledge.relation_nouns = frozenset(text["relation_nouns"]["words"]) | knowledge.kin_nouns
    knowledge.role_nouns = (
        knowledge.person_nouns | knowledge.team_roles | knowledge.title_words_lower
    )
    names = _read(data_dir / "names.json")
    knowledge.name_gender = {n: g for g in ("female", "male") for n in names[g]}
    knowledge.back_nouns = {w: kind for kind, words in text["back_nouns"].items() for w in words}
    knowledge.longest_name = max((len(n.split()) for n in knowledge.names), default=1)
    for name in knowledge.names:
        words = name.split()
        for first in {words[0], LEADING_ARTICLE.sub("", name).split()[0]}:
            knowledge.first_words[first] = max(knowledge.first_words.get(first, 0), len(words))
    full_names = sorted({p.name for p in knowledge.people.values()}, key=len, reverse=True)
    for person in knowledge.people.values():
        knowledge.by_surname.setdefault(person.name.split()[-1], []).append(person)
    knowledge.people_pattern = re.compile(whole_words(full_names))
    return knowledge


def _emergency_services(
    section: dict[str, Any], knowledge: Knowledge
) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "the police", "Local police", "a fire service spokesman": a whole phrase that is a
    service, maybe local, maybe with the role of one who speaks for it; and the same with a
    service's name ("Hampshire Police spokesman")."""
    local, services, ranks, people = (
        "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
        for words in (
            knowledge.local_modifiers,
            section["services"],
            section["ranks"],
            section["people"],
        )
    )
    titled = "|".join(re.escape(s.title().replace(" And ", " and ")) for s in section["services"])
    # the rank and the job in any case: "Christchurch Police Inspector John Price"
    role = rf"(?:\s+(?i:(?:(?:{ranks})\s+)?(?:{people})))?$"
    generic = re.compile(
        rf"^(?:(?:the|a|an)\s+)?(?:(?:{ranks})\s+)?(?P<service>(?:(?:{local})\s+)?(?:{services})){role}",
        re.IGNORECASE,
    )
    # "Hampshire Police spokesman", "El Paso police chief", "A Borno police spokesman"
    named = re.compile(
        rf"^(?:(?:[Tt]he|an?|An?)\s+)?(?P<service>(?P<owner>(?:[A-ZÀ-Þ][\w'’.-]*\s+){{1,4}}?)"
        rf"(?P<kind>{titled}|{services})){role}"
    )
    return generic, named


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _add_country(knowledge: Knowledge, country: dict[str, Any]) -> None:
    name, capital = country["name"], country["capital"]
    demonyms = country.get("demonyms", [])
    names = [name, capital, *country.get("aliases", []), *country.get("government", [])]
    government = [f"{d} government" for d in demonyms[:1]] + [f"{name} government"]
    aliases = tuple(dict.fromkeys([*names, *demonyms, *government]))
    knowledge.state_organs.update(country.get("government", []))
    knowledge.country_names.update([name, *country.get("aliases", [])])
    source = SourceRef(slugify(capital), capital, "government", aliases)
    entity = EntityRef(slugify(name), name)
    for alias in aliases:
        _add_name(knowledge, alias, source, entity, True)


def _add_body(knowledge: Knowledge, item: dict[str, Any], kind: str) -> None:
    proper = kind != "group"
    label = item["label"]
    aliases = tuple(dict.fromkeys([label, *item.get("aliases", [])]))
    source = SourceRef(slugify(label), label, kind, aliases)
    for alias in aliases:
        _add_name(knowledge, alias, source, EntityRef(source.slug, label), proper)


def _add_name(
    knowledge: Knowledge, alias: str, source: SourceRef, entity: EntityRef, proper: bool
) -> None:
    exact = alias.isupper() and len(alias.replace(".", "")) <= 3
    proper = proper and any(c.isupper() for c in alias)
    knowledge.names.setdefault(alias.lower(), Named(source, entity, exact, proper, alias))


def _add_person(knowledge: Knowledge, person: dict[str, Any]) -> None:
    named = knowledge.lookup(person["source"])
    if named is None:
        raise ValueError(f"data/people.json: {person['name']}: unknown source {person['source']!r}")
    terms = tuple((str(start), end) for start, end in person.get("terms", []))
    entry = Person(person["name"], person.get("role"), named.source, terms)
    for alias in [person["name"], *person.get("aliases", [])]:
        knowledge.people.setdefault(alias.lower(), entry)


def _add_cues(knowledge: Knowledge, cues: dict[str, Any]) -> None:
    for stance, forms in cues["stances"].items():
        for form in forms:
            knowledge.cues.setdefault(form.lower(), stance)
    for key, value in cues.items():
        if isinstance(value, list):
            knowledge.cue_lists[key] = sorted(value, key=len, reverse=True)
    leads = "|".join(re.escape(w) for w in knowledge.cue_lists["according_to"])
    knowledge.according_lead = re.compile(rf"^(?:in\s+)?(?:{leads})\s+", re.IGNORECASE)


def _add_topics(knowledge: Knowledge, taxonomy: dict[str, Any]) -> None:
    topics = tuple(_topic(topic) for topic in taxonomy["topics"])
    every = {stem for topic in topics for stem in topic.stems}
    owners = {
        stem: frozenset(
            i for i, topic in enumerate(topics) if any(stem.startswith(s) for s in topic.stems)
        )
        for stem in every
    }
    # a keyword matches at a word start; a stem's first letter is looked for first, which
    # lets the engine pass over every other place quickly
    initials = "".join(sorted({re.escape(stem[0]) for stem in every}))
    stems = re.compile(rf"(?=[{initials}])\b(?=({trie_pattern(every)}))")
    knowledge.topics = Topics(topics, stems, owners)


def _topic(topic: dict[str, Any]) -> Topic:
    for keyword in topic["keywords"]:
        if not keyword[:1].isalnum():  # matched at word starts only
            raise ValueError(
                f"data/topics.json: {topic['slug']}: keyword {keyword!r} must start with "
                "a letter or a digit"
            )
    words = [_keyword_pattern(k) for k in topic["keywords"]]
    pattern = re.compile(r"\b(?:{})".format("|".join(words)), re.IGNORECASE)
    stems = frozenset(k.rstrip("*").lower() for k in topic["keywords"])
    return Topic(TopicRef(topic["slug"], topic["label"]), pattern, stems)


def _keyword_pattern(keyword: str) -> str:
    if keyword.endswith("*"):
        return re.escape(keyword[:-1]) + r"\w*"
    return re.escape(keyword) + r"\b"
