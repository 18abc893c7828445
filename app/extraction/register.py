"""The people an article names, read once before its claims: who they are, what the text
says of them, and where each is mentioned.

A person is introduced once in full ("Maria Lindqvist, head of the Institute for Arctic
Policy") and then named by surname ("Lindqvist added"), by a pronoun ("she said") or by
a role ("the commander said"). The register lets later sentences find the person those
words refer to: by name, by the nearest compatible mention before them, or by role.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

from app.extraction.knowledge import Knowledge
from app.extraction.mentions import (
    INITIALS,
    POSSESSIVE,
    find_name,
    inside_body_name,
    is_name_word,
    kind_of_person,
    portfolio_first,
)
from app.extraction.text import Span
from app.extraction.trie import trie_pattern
from app.extraction.vocabulary import (
    ADJECTIVES_IN_ED,
    COLLECTIVE_NOUNS,
    COUNT_WORDS,
    ENVOY_TITLES,
    FUNCTION_WORDS,
    HONORIFIC_GENDER,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NAME_TITLES,
    NOUN_GENDER,
    PARTICIPLES,
    POSSESSIVE_GENDER,
    PRONOUN_GENDER,
    RANK_NOUNS,
    ROLE_MODIFIERS,
    SENTENCE_OPENERS,
    VERBISH,
    in_any,
)

TOKEN = re.compile(r"\S+")
# a word that may be a name: a capital after a space, a quotation mark or a bracket (the
# capital comes first and the look back after it, so the engine skips to capitals quickly)
CAPITALISED = re.compile(r"[A-ZÀ-Þ](?<![^\s\"“(].)\S*")
PARTY_TAG = re.compile(r"^(?P<party>[A-Z])-(?P<state>[A-Z][A-Za-z.]{1,14}(?: [A-Z][a-z.]+)?)$")
ROLE_CLAUSE = re.compile(
    r"^who\s+(?:commands|leads|heads|runs|directs|chairs|manages|coaches|captains|founded|"
    r"co-founded|represents|edits|writes for|teaches|works|lectures|researches|serves)\b"
)
# a role's words: up to a comma, a semicolon or a full stop, but through the stops of an
# abbreviation ("the captain of the U.S. Team")
# a role's words, through initials ("J. Smith") and an honorific ("an aide to Mr. Abbas")
ROLE_WORDS = (
    r"(?:[^,;.]|\.(?=\S)|(?<=\b[A-Z])\.(?=\s[A-Z])"
    r"|(?:(?<=\bMr)|(?<=\bMrs)|(?<=\bMs)|(?<=\bDr))\.(?=\s[A-Z]))"
)
COPULA = re.compile(
    rf"^\s*(?:is|was|has been)\s+(?P<role>(?:an?|the)\s+{ROLE_WORDS}{{3,120}}"
    rf"|[A-Z][\w-]*['’]s\s+{ROLE_WORDS}{{3,100}}|[a-z]{ROLE_WORDS}{{3,120}})"
)
TITLED_COPULA = re.compile(rf"^\s*(?:is|was|has been)\s+(?P<role>[A-ZÀ-Þ]{ROLE_WORDS}{{3,120}})")
ROLE_STOP = re.compile(
    r"\s+(?:who|which|whose|said|says|told|tells|added)\b|\s+and\s+(?=[a-z])"
    r"|\s+and\s+(?=[A-ZÀ-Þ][\w'’-]+\s+[A-ZÀ-Þ])"  # "of Entergy and Tom Fanning of ...": a second person
)
# " and a midfielder", " and vice president of the Planetary Society": a second role
SECOND_ROLE = re.compile(
    r"^\s+and\s+(?P<role>(?:an?|the)\s+[a-z][\w-]*"
    r"|(?:[a-z][\w-]*\s+){1,3}(?:of|at)\s+(?:the\s+)?[A-ZÀ-Þ][^,;]{1,80})"
)
PRONOUN = re.compile(
    rf"\b(?:{trie_pattern(['he', 'she', 'his', 'her', 'him', 'hers', 'himself', 'herself'])})\b",
    re.IGNORECASE,
)
OBJECT_GENDER = {"him": "male", "hers": "female", "himself": "male", "herself": "female"}
DISMISSED = {"sacked", "fired", "dismissed", "ousted", "axed", "sacks", "fires", "dismisses"}
ROLE_WORDS_BEFORE = {"of", "for", "at"}  # "head of X Name", "Minister for Y Name"
NAMING = ("named", "called")  # "a reader named Ogwera": a person known by one name
LONG_NAME = 4  # words: a run this long is a person's name only after a known given name
CLAUSE_WORDS = {"that", "and", "but", "or", "which", "who", "whom", "while", "as"}


@dataclass
class Person:
    """One person the article names, with everything the text says of them."""

    name: str
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    mentions: list[int] = field(default_factory=list)  # body offsets, in order
    parts: list[str] = field(init=False)  # the name words, lowercased ("cres", "eastman")

    def __post_init__(self) -> None:
        self.parts = [POSSESSIVE.sub("", w).lower() for w in self.name.split()]

    def mentioned_before(self, at: int) -> int:
        """The latest offset before `at` at which the person is mentioned, or -1."""
        index = bisect.bisect_left(self.mentions, at)
        return self.mentions[index - 1] if index else -1


def _one_person(people: list[Person]) -> bool:
    """Whether several names are one person's: the same surname after a given name and
    its short form ("Doug Hurley" in a caption, "Douglas Hurley" in the story)."""
    given = sorted((p.parts[0] for p in people), key=len)
    return (
        len({tuple(p.parts[1:]) for p in people}) == 1
        and len(given[0]) >= 3
        and all(given[-1].startswith(g) for g in given)
    )


@dataclass(frozen=True)
class PersonMention:
    """A full name found in a sentence, with the role words around it."""

    name: str
    start: int  # body offset
    roles: tuple[str, ...]
    gender: str | None


@dataclass
class Register:
    """The people of one article."""

    people: list[Person] = field(default_factory=list)
    titles: frozenset[str] = frozenset()  # "president", "minister": not part of a name
    _named: dict[str, Person | None] = field(default_factory=dict)  # phrases looked up so far
    # every word after the first of the names of people named in full, once all are in
    later_parts: frozenset[str] = frozenset()

    def named(self, words: str) -> Person | None:
        """The person a full name, a surname or a first name refers to ("Lindqvist",
        "President Biden", "Undersecretary for Education Mr. Toccafondi")."""
        if words not in self._named:
            self._named[words] = self._find(words)
        return self._named[words]

    def by_initials(self, initials: str) -> Person | None:
        """The one person whose name's initials these are ("JM" for Jane Morrow)."""
        found = [p for p in self.people if "".join(part[:1] for part in p.name.split()) == initials]
        return found[0] if len(found) == 1 else None

    def _find(self, words: str) -> Person | None:
        key = self._name_words(words)
        if not key:
            return None
        full = " ".join(key)
        exact = [p for p in self.people if " ".join(p.parts) == full]
        if len(key) > 1 and exact:
            return exact[0]
        for drop in range(1, len(key) - 1):  # "Communications Bill Bodie": a body word first
            tail = " ".join(key[drop:])
            longer = [p for p in self.people if len(p.parts) > 1 and " ".join(p.parts) == tail]
            if longer:
                return longer[0]
        respelt = [p for p in self.people if _respelt(p.parts, key)]
        if len(key) > 1 and len(respelt) == 1:
            return respelt[0]  # "Kristen Wilkins" after "Kristin Wilkins": a typo
        matches = [p for p in self.people if len(p.parts) > 1 and _names_part(p.parts, key)]
        if len(matches) == 1:
            return matches[0]  # "Pennock" is Sarah Pennock before any "Pennock" alone
        if len(matches) > 1 and _one_person(matches):
            return max(matches, key=lambda p: len(p.parts[0]))  # "Douglas Hurley"
        return exact[0] if exact else self.misspelt(full) if len(key) == 1 else None

    def misspelt(self, surname: str) -> Person | None:
        """The one person named in full whose surname this long single name misspells
        ("Ms Bauchtman said" after "Lydia Buchtmann"): news copy has typos."""
        key = surname.lower()
        if " " in key or len(key) < 5:
            return None
        close = [
            p
            for p in self.people
            if len(p.parts) > 1 and p.parts[-1][:1] == key[:1] and _misspells(p.parts[-1], key)
        ]
        return close[0] if len(close) == 1 else None

    def _name_words(self, words: str) -> list[str]:
        """The name at the end of a phrase, without the titles before it."""
        taken: list[str] = []
        for word in reversed(words.split()):
            bare = POSSESSIVE.sub("", word.strip(",;:")).lower()
            if taken and (bare.rstrip(".") in _HONORIFICS_LOWER or bare in self.titles):
                break
            if not word[:1].isupper() and bare not in ("de", "da", "van", "von", "al", "el"):
                break
            taken.insert(0, bare)
        return taken

    def nearest(self, at: int, gender: str | None = None) -> Person | None:
        """The person mentioned last before `at` whose gender fits ("she said")."""
        best, best_at = None, -1
        described = [p for p in self.people if p.roles or p.gender]  # names of bodies have neither
        for person in described or self.people:
            if gender and person.gender and person.gender != gender:
                continue
            seen = person.mentioned_before(at)
            if seen > best_at:
                best, best_at = person, seen
        return best

    def first_named(self, start: int, end: int) -> Person | None:
        """The person a stretch of text names first: the subject of the sentence, as news
        writes it ("Matthew Ingram of The Globe and Mail dubbed ... the Cruise video")."""
        people = self.named_in(start, end)
        return people[0] if people else None

    def named_in(self, start: int, end: int) -> list[Person]:
        """The people mentioned between two offsets, in the order they are first mentioned."""
        found = [p for p in self.people if start <= p.mentioned_before(end)]
        return sorted(found, key=lambda p: p.mentions[bisect.bisect_left(p.mentions, start)])

    def with_role(self, noun: str, at: int) -> Person | None:
        """The person last mentioned before `at` whose role has the noun ("the commander")."""
        stem = _stem(noun)
        found = [
            p
            for p in self.people
            if p.mentioned_before(at) >= 0 and any(_stem(w) == stem for w in _heads(p.roles))
        ]
        return max(found, key=lambda p: p.mentioned_before(at), default=None)

    def with_any_role(self, nouns: Iterable[str], at: int) -> list[Person]:
        """Everyone mentioned before `at` whose role has one of the nouns ("the leaders",
        "the two ministers"), in the order they were first mentioned."""
        stems = {_stem(n) for n in nouns if " " not in n}
        phrases = [n for n in nouns if " " in n]  # "prime minister": not any minister
        found = [
            p
            for p in self.people
            if p.mentioned_before(at) >= 0
            and (
                any(_stem(w) in stems for w in _heads(p.roles))
                or any(phrase in role.lower() for role in p.roles for phrase in phrases)
            )
        ]
        return sorted(found, key=lambda p: p.mentions[0])


def a_persons_name(words: str, register: Register) -> bool:
    """Whether a word is the surname of a person the article names in full ("Jordan" of
    "Judge Sean Jordan"): then it names no country."""
    if words.lower() not in register.later_parts:
        return False  # most places: no one's name
    person = register.named(words)
    return person is not None and len(person.parts) > 1 and words.lower() in person.parts[1:]


def build_register(sentences: Iterable[Span], knowledge: Knowledge) -> Register:
    """Read every sentence for the people it names, then find their later mentions."""
    register = Register(titles=knowledge.title_words_lower)
    texts = list(sentences)
    for sentence in texts:
        for mention in people_in(sentence, knowledge):
            _enter(register, mention)
    by_part: dict[str, list[Person]] = {}
    for person in register.people:
        if len(person.parts) > 1:
            for part in person.parts:
                by_part.setdefault(part, []).append(person)
    for sentence in texts:
        _later_mentions(by_part, sentence, knowledge)
    for person in register.people:
        person.mentions.sort()
    for person in register.people:  # the given name: "Rachel Harvey" is "she"
        if person.gender is None and len(person.parts) > 1:
            person.gender = knowledge.name_gender.get(person.name.split()[0])
    _learn_genders(register, texts)
    register.later_parts = frozenset(w for p in register.people for w in p.parts[1:])
    return register


def _enter(register: Register, mention: PersonMention) -> None:
    # "Professor Eastman" after "Cres Eastman": the same person, named by surname (or
    # misspelt)
    person = register.named(mention.name)
    if person is None:
        person = Person(mention.name)
        register.people.append(person)
    person.roles.extend(r for r in mention.roles if r not in person.roles)
    person.gender = person.gender or mention.gender
    person.mentions.append(mention.start)
    register._named.clear()  # a new person may answer a name differently


def people_in(sentence: Span, knowledge: Knowledge) -> list[PersonMention]:
    """The people a sentence names in full ("Col. Oleh Marchenko, who commands ..."), and
    the single names an honorific marks ("Mr. Toccafondi")."""
    return [replace(m, start=sentence.start + m.start) for m in _people(sentence.text, knowledge)]


@lru_cache(maxsize=8192)
def _people(text: str, knowledge: Knowledge) -> tuple[PersonMention, ...]:
    # A pure function of the sentence: a sentence read again (a reload) costs nothing.
    sentence = Span(text, 0, len(text))
    tokens = list(TOKEN.finditer(sentence.text))
    words = [t.group(0) for t in tokens]
    found: list[PersonMention] = []
    i = 0
    while i < len(words):
        if not words[i][:1].isupper():
            i += 1  # a name starts with a capital: most words are passed over at once
            continue
        j = i
        while j < len(words) and _name_word(words, j, knowledge):
            j += 1
            if words[j - 1].endswith((",", ";", ":")) or _sentence_end(words[j - 1], knowledge):
                break  # "... with Chrome. It might be": a full stop inside a quotation
        start = i
        if (j - i >= 4 and inside_body_name(words, i, j, knowledge)) or portfolio_first(
            words, i, j, knowledge
        ):
            start = j - 2  # "... University of Texas Arlington Amneh Jafari"
            if (
                start > i
                and INITIALS.match(words[start])
                and words[start - 1] in knowledge.name_gender
            ):
                start -= 1  # "Secretary of Labor Thomas E. Perez": a middle initial
        elif j - i >= 3 and i and _body_word(words[i - 1], knowledge) and words[i - 1][-1:] != ",":
            start = j - 2  # "Director of Air Force Communications Bill Bodie"
        while j - start > 2 and (
            _title_or_body(words[start], knowledge)
            or _a_state(words[start], words, start, knowledge)
            or words[start] in knowledge.party_adjectives  # "fellow Republican Marco Rubio"
        ):
            start += 1  # "Director of National Intelligence Tulsi Gabbard": the title's end
        for k in range(j - 3, start - 1, -1):  # "Phoenix Principal Investigator Peter Smith"
            if _title_or_body(words[k], knowledge) and words[k][:1].isupper():
                start = k + 1  # a job word inside the run: the name is after it
                break
        if j - start == 2 and kind_of_person(words[start], knowledge):
            start += 1  # "Blogger Jzyg", "Activist Zhang": one name after a kind of person
        if (
            _is_person(words, start, j, knowledge)
            and not _a_body_so_called(words, start, knowledge)
            and (start != i or _name_starts(words, i, knowledge))
            and not _a_place(words[max(0, start - 3) : start], knowledge)
        ):
            found.append(_mention(sentence, tokens, words, start, j, knowledge))
        i = max(j, i + 1)
    return tuple(_shared_roles(found, text))


def _a_body_so_called(words: list[str], start: int, knowledge: Knowledge) -> bool:
    """ "a social networking group called Bahrain Online": a body's name after the kind of
    body it is, no person's."""
    if start < 2 or words[start - 1] not in NAMING:
        return False
    kind = words[start - 2].strip(",").lower()
    return kind in COLLECTIVE_NOUNS or kind in knowledge.organisation_descriptors


def _shared_roles(found: list[PersonMention], text: str) -> list[PersonMention]:
    """ "NASA astronauts Bob Behnken and Doug Hurley": the second of two names joined by
    "and" shares the role written before the first."""
    for at in range(1, len(found)):
        first, second = found[at - 1], found[at]
        between = text[first.start + len(first.name) : second.start]
        if between.strip() == "and" and first.roles and not second.roles:
            found[at] = replace(second, roles=first.roles)
    return found


def _a_place(before: list[str], knowledge: Knowledge) -> bool:
    """ "provincial capital Banda Aceh", "the village of Chakothi": a place, not a person
    (but "Secretary of State Marco Rubio": a title's capitalised "State" is no place)."""
    nouns = {w.strip(",.") for w in before}
    return bool(nouns & knowledge.place_nouns)


def _sentence_end(word: str, knowledge: Knowledge) -> bool:
    """A word with a full stop that is neither an initial ("F.") nor an abbreviation."""
    initials = INITIALS.match(word.lstrip('"“(')) is not None  # "K.C. Maurer"
    return (
        word.endswith(".")
        and len(word) > 2
        and word not in knowledge.abbreviations
        and not initials
    )


def _a_state(word: str, words: list[str], at: int, knowledge: Knowledge) -> bool:
    """ "Ambassador to Thailand Eric John": a country a title names, right before the name."""
    named = knowledge.lookup(word.strip(",."))
    return (
        bool(at)
        and words[at - 1] == "to"
        and named is not None
        and named.source.kind == "government"
    )


def _title_or_body(word: str, knowledge: Knowledge) -> bool:
    """A title, a body's word, or a writer's ("Commenter Another Me") before a name."""
    bare = word.strip(",.")
    return (
        bare in knowledge.title_words
        or bare in knowledge.organisation_words
        or bare in knowledge.government_words
        or bare.lower() in knowledge.writer_nouns
        or bare.lower() in _people_nouns(knowledge)  # "Rancher Ana Ruiz" opening a sentence
        or bare.lower() in knowledge.team_roles  # "Striker Harry Kane said"
        or _follower(bare)  # "Scientologist Tom Cruise", "Columnist Jo Tan"
    )


def _follower(word: str) -> bool:
    """A kind of person named by what they practise or follow ("Scientologist",
    "Journalist", "Economist"): a word before a name, never part of it."""
    return len(word) > 6 and word[:1].isupper() and word.endswith(("ist", "ists"))


def _body_word(word: str, knowledge: Knowledge) -> bool:
    bare = word.strip(",.")  # "Force", "Ministry"; not a title such as "President"
    return bare in knowledge.organisation_words and bare not in knowledge.title_words


def _name_starts(words: list[str], i: int, knowledge: Knowledge) -> bool:
    """Whether a name can start at words[i]: not right after a capitalised word of another
    name ("the National Iodine Nutrition study"), unless that word ends a title
    ("Interior Minister"), is an honorific, a country or an owner ("Chad's Moussa Faki
    Mahamat")."""
    if i == 0 or words[i - 1].endswith((",", ".", ";", ":", '"', "“", "”", ")")):
        return True
    before = words[i - 1].strip('"“”(')
    if not before[:1].isupper() or before in knowledge.title_heads or before in HONORIFIC_GENDER:
        return True
    if before in FUNCTION_WORDS or before in SENTENCE_OPENERS:
        return True  # "For Kevin Allton, ...", "But Maria Lindqvist said"
    if before in knowledge.organisation_words or before in knowledge.government_words:
        return True  # "Secretary of Energy Jennifer Granholm": a portfolio ends the title
    return bool(POSSESSIVE.search(before)) or knowledge.lookup(before) is not None


def _opens_sentence(words: list[str], j: int) -> bool:
    """Whether words[j] opens a sentence: the first word, or after a full stop or a quote."""
    return j == 0 or words[j - 1].endswith((".", '"', "“", "”"))


def _name_word(words: list[str], j: int, knowledge: Knowledge) -> bool:
    bare = words[j].strip(",.;:\"“”'’()")
    if _opens_sentence(words, j) and bare in SENTENCE_OPENERS:
        return False  # "Yesterday Mohamed received ...", "Former Rovers striker ..."
    return is_name_word(words, j, knowledge)


def _described_as_a_person(words: list[str], j: int, knowledge: Knowledge) -> bool:
    """ "Charles, a commenter on ZDistrict", "Camerini, from blog Transbrasil", "Peruvian
    ex-pat in Spain, Jomra": a single name set off by the role of a person who writes (a
    blogger goes by one name), or after a person's role."""
    i = j - 1
    before = words[i - 1] if i else ""
    if before in NAMING and i >= 2:  # "a Gabonese reader named Ogwera"
        role = {w.strip(",.;:").lower() for w in words[max(0, i - 4) : i - 1]}
        return in_any(
            role, knowledge.writer_nouns, knowledge.person_nouns, _people_nouns(knowledge)
        )
    if before.endswith(",") and i >= 2:  # "Peruvian ex-pat in Spain, Jomra criticizes ..."
        if j < len(words) and words[j] in ("and", "&"):
            return False  # "Director of Immunization, Vaccination and Biologicals": a list
        role = {w.strip(",.;:").lower() for w in words[max(0, i - 5) : i]}
        if in_any(role, knowledge.writer_nouns, knowledge.person_nouns):
            return True
        if before.strip(",").lower() in knowledge.kin_nouns and words[j - 1].endswith(","):
            return True  # "Ms. Tymoshenko's daughter, Yevgenia, says": a relative by her name
    if not words[i].endswith(",") or j >= len(words):
        return False
    role = {w.strip(",.;:").lower() for w in words[j : j + 4]}
    return bool(role & knowledge.writer_nouns)


def _is_person(words: list[str], i: int, j: int, knowledge: Knowledge) -> bool:
    run = " ".join(words[i:j]).strip(",.;:")
    if j <= i:
        return False
    if j - i == 1:  # "Mr. Toccafondi", "President Biden", "Camerini, from blog Transbrasil"
        before = words[i - 1] if i else ""
        titled = before in HONORIFIC_GENDER or before in NAME_TITLES
        # "Blogger Jzyg" opening a sentence: one name after a kind of person
        kind = i >= 1 and _opens_sentence(words, i - 1) and kind_of_person(before, knowledge)
        single = titled or kind or _described_as_a_person(words, j, knowledge)
        return single and not knowledge.lookup(run) and run not in knowledge.title_words
    if j - i > 5 or any(POSSESSIVE.search(w.strip(",.;:")) for w in words[i:j]):
        return False  # "Mecca's Grand Mosque", "European Union's"
    if knowledge.lookup(run):
        return False
    # "Humberto De la Calle": a name's particles are no words of a long run
    length = sum(1 for w in words[i:j] if w.lower() not in NAME_PARTICLES)
    if length >= LONG_NAME and not _known_given_name(words, i, knowledge):
        return False  # "Regenerative Grazing Lands Strategy": a programme, not a person
    # "the Environmental Protection Agency, Marianne Horinko": a name set off after a body's
    # proper name is a person; "his club, Sporting Vilanova" a body named after its kind
    apposed = i and words[i - 1].endswith(",") and words[i - 1][:1].isupper()
    descriptor = words[i - 1].lower().rstrip(",") if i and not apposed else ""
    if descriptor in knowledge.organisation_descriptors and not (
        words[i] in knowledge.name_gender
        and (words[i - 1].endswith(",") or descriptor in knowledge.role_nouns)
    ):
        return False  # "budget airline Halvorsen Air", "his club, Sporting Vilanova", but
        # "on his blog, Daniel Okoro", "Virgin owner Richard Branson"
    if words[j - 1].strip(",.;:") in knowledge.place_words:
        return False  # "Francis Scott Key Bridge", "Gulf Coast": a place
    if words[j - 1].strip(",.;:") in knowledge.event_words:
        return False  # "World Immunization Week": an event
    if j < len(words) and words[j].rstrip(",.;:").isdigit() and words[j - 1][-1:].isalpha():
        return False  # "A SpaceX Falcon 9 rocket", "Boeing 737": a model, not a person
    if words[i].strip('"“(') in knowledge.place_openers:
        return False  # "East Mediterranean", "Northern Cape": a place
    if words[i].lower() in knowledge.source_nouns and words[i].lower().endswith("s"):
        return False  # "Astronomers Discover 5 New Planets": a headline, not a name
    if i >= 2 and words[i - 1] in ("a", "an") and words[i - 2].lower() in TITLE_CONNECTORS:
        return False  # "The Phoenix in a Gas House": the end of a title, no person
    last = is_name_word(words, j - 1, knowledge, last=True)
    return last and not inside_body_name(words, i, j, knowledge)


TITLE_CONNECTORS = {"in", "on", "of", "with", "for", "from", "under"}


def _known_given_name(words: list[str], i: int, knowledge: Knowledge) -> bool:
    """Whether a long run of capitals opens with a given name or follows an honorific."""
    before = words[i - 1] if i else ""
    return words[i] in knowledge.name_gender or before in HONORIFIC_GENDER


def _mention(
    sentence: Span, tokens: list[re.Match[str]], words: list[str], i: int, j: int,
    knowledge: Knowledge,
) -> PersonMention:  # fmt: skip
    name = POSSESSIVE.sub("", " ".join(words[i:j]).strip(",.;:\"“”'’()"))  # "Zelenskyy’s team"
    start = sentence.start + tokens[i].start()
    before = _role_before(words[:i], knowledge)
    last = tokens[j - 1]
    bare_end = last.end() - (len(last.group(0)) - len(last.group(0).rstrip(",;:")))
    after = sentence.text[bare_end:]  # from the comma that may end the name
    roles = [r for r in (before, *_roles_after(after, knowledge)) if r]
    honorific = words[i - 1] if i else ""
    gender = HONORIFIC_GENDER.get(honorific) or _gender_of(roles)
    return PersonMention(name, start, tuple(roles), gender)


@lru_cache(maxsize=4)
def _people_nouns(knowledge: Knowledge) -> frozenset[str]:
    """Singular nouns for kinds of people ("reader", "farmer") from the plural group nouns."""
    return frozenset(n[:-1] for n in knowledge.source_nouns if n.endswith("s"))


def _role_before(words: list[str], knowledge: Knowledge) -> str:
    """ "Civil Defense Authority director General", "Poland's army chief Gen.", or the role
    set off before the name: "Kenya's interior minister, Joseph Kiprono"."""
    taken: list[str] = []
    if words and words[-1] in NAMING:
        if len(words) < 2 or not words[-2][:1].islower():
            return ""  # "The President called Cherelle": a verb, not "a man called Tom"
        words = words[:-1]  # "a Gabonese reader named Ogwera": the role is before "named"
    window = words[-8:]
    for at in range(len(window) - 1, -1, -1):
        word = window[at]
        bare = word.strip(',.;:"“”').lower()
        cue = bare in knowledge.cues and word[:1].islower()  # not "States" of "United States"
        if word.endswith((",", ";", ":", '"', "”")) or bare in VERBISH or cue:
            if taken or not word.endswith(","):
                break
            clause = _clause_before(words, knowledge)
            if _ends_in_a_titled_name(clause, knowledge):
                return ""  # "a news conference with Prime Minister Paul Martin, Bush said"
            return clause if _names_a_role(clause, knowledge) else ""
        if word in FUNCTION_WORDS and word.endswith(("'s", "’s")):
            break  # "That's Bill Nye, ...": who the name is, no role
        if bare in ("to", "for") and at and window[at - 1].strip(",.") in ENVOY_TITLES:
            taken.insert(0, word)  # "U.S. Ambassador to NATO Nicholas Burns": one role
            continue
        inside = bare == "the" and at and window[at - 1] in ("of", "for", "on") and taken
        if _ends_role(word, bare) and not inside:  # but "Council for the Welfare of ..."
            if taken and bare in DISMISSED:
                taken.insert(0, "former")  # "have sacked manager Callum Reid": no longer theirs
            break
        taken.insert(0, word)
    return " ".join(taken).strip(",")


def _ends_role(word: str, bare: str) -> bool:
    """ "days after the North's leader Kim", "a video featuring actor Tom Cruise": a
    preposition or a verb is not part of a role."""
    if bare in ROLE_WORDS_BEFORE or not word[:1].islower():
        return False
    opener = bare.capitalize() in SENTENCE_OPENERS and bare not in ROLE_MODIFIERS
    verb = bare.endswith(("ed", "ing")) and bare not in ROLE_MODIFIERS
    return opener or bare in ("and", "or", "with", "by", "to", "as") or verb


def _clause_before(words: list[str], knowledge: Knowledge) -> str:
    taken: list[str] = []
    for word in reversed(words[:-1] + [words[-1].rstrip(",")]):
        bare = word.strip(",.;:").lower()
        ends = bare in VERBISH or bare in CLAUSE_WORDS or len(taken) > 8
        if (taken and word.endswith((",", ".", ";", ":"))) or ends:
            break
        taken.insert(0, word)
    clause = " ".join(taken)
    lead = knowledge.according_lead.match(clause)  # "in the words of the Crown prosecutor"
    return clause[lead.end() :] if lead else clause


def _ends_in_a_titled_name(phrase: str, knowledge: Knowledge) -> bool:
    """Whether a phrase set off before a name ends in another person's title and name
    ("with Prime Minister Paul Martin"): it is no role of the name after it."""
    words = phrase.split()
    if len(words) < 3 or not all(w[:1].isupper() for w in words[-2:]):
        return False
    return words[-3].lower() in knowledge.title_words_lower


def _names_a_role(phrase: str, knowledge: Knowledge) -> bool:
    """Whether a phrase set off before a name is a role; its head, before "of", "for", "in"
    or "to", ends in a role's word ("Kenya's interior minister", "head of the X"), unlike
    a body ("the U.S. District Court for the District of Columbia, James Momon")."""
    head = re.split(r"\s+(?:of|for|in|to|at)\s+", phrase, maxsplit=1)[0].split()
    if head and head[-1].strip(",.") in knowledge.organisation_words:
        return False
    words = {w.strip(",.").lower() for w in phrase.split()}
    return in_any(
        words, knowledge.person_nouns, knowledge.writer_nouns, knowledge.title_words_lower
    )


LIST_PREPOSITIONS = frozenset({"from", "of", "at", "with", "for", "in", "on", "by"})


def _next_in_a_list(part: str, knowledge: Knowledge) -> bool:
    """Whether a part after a name's comma is the next person of a list, their role then
    their name ("human rights activist Vladimir Bukovsky"), not a role of the first."""
    if not part[:1].islower() or part.split()[0] in LIST_PREPOSITIONS:
        return False  # "Tiago, from blog Maré Alta,": where he writes, his role
    found = find_name(part.rstrip("."), knowledge)
    if found is None or found.after.strip():
        return False
    role = [w for w in found.before.split() if w.lower() not in ("a", "an", "the")]
    return bool(role) and role[-1][:1].islower()  # not "a Massachusetts Democrat"


def _roles_after(after: str, knowledge: Knowledge) -> list[str]:
    """ ", editor at large at the Saudi Gazette,", " of Gran Combo Club", ", R-Ohio,",
    " is a research associate at the Pew Research Center", ", who commands the ..."."""
    suffix = re.match(r"^,\s*(\S+)", after)
    if suffix and suffix.group(1).rstrip(",") in NAME_SUFFIXES:
        after = after[suffix.end() :]  # "Joseph R. Biden, Jr. spoke": part of the name
    copula = COPULA.match(after)
    if copula and not _verb_first(copula.group("role"), knowledge):
        return [_cut_at_verb(copula.group("role"), knowledge)]
    titled = TITLED_COPULA.match(after)  # "is Deputy Director of TNC’s ... Strategy"
    if titled and titled.group("role").split()[0] in knowledge.title_words:
        return [_cut_at_verb(titled.group("role"), knowledge)]
    direct = re.match(r"^\s+((?:of|for|at|from|with)\s+[^,;]{2,80})", after)
    if direct and not _from_a_body(direct.group(1), knowledge):
        direct = None  # "a video featuring Tom Cruise from YouTube": where from, not whose
    if direct:
        role = _cut_at_verb(ROLE_STOP.split(direct.group(1))[0], knowledge)
        return [role.strip().rstrip(".")]  # "of Portugal spoke today with ...": "of Portugal"
    if not after.startswith(","):
        return []
    roles = []
    for part in re.split(r",\s*", after[1:])[:3]:
        part = part.strip()
        if PARTY_TAG.match(part.rstrip(".")) or ROLE_CLAUSE.match(part):
            roles.append(part)
            continue
        if kind_by_clause(part, knowledge):  # ", who has lived in Limón all her life,"
            roles.append(part.rstrip("."))
            continue
        first = part.split()[0].lower() if part else ""
        if first in COUNT_WORDS and len(part.split()) > 1:
            break  # "Íngrid Betancourt, three American contractors and ...": a list goes on
        if (
            not part
            or first in VERBISH
            or first in knowledge.cues
            or part.startswith(("who ", "which "))
        ):
            break
        if first.endswith("ed") and first not in ADJECTIVES_IN_ED:
            break  # "Gregory Almasi, 58, of Annapolis, pleaded guilty ..."
        role = _cut_at_verb(ROLE_STOP.split(part)[0], knowledge)
        if _next_in_a_list(role, knowledge):
            break  # "Garry Kasparov, human rights activist Vladimir Bukovsky, ...": a list
        if role and (role[0].islower() or role.split()[0] in ("A", "An", "The") or len(roles) == 0):
            roles.append(re.sub(r"^and\s+", "", role))
            also = SECOND_ROLE.match(part[len(role) :])
            if also:  # "the club's captain and a midfielder": two roles; "TV science
                # personality and vice president of the Planetary Society": the second a body's
                roles.append(also.group("role").rstrip("."))
        if part != role:
            break
    return roles


def _from_a_body(role: str, knowledge: Knowledge) -> bool:
    """Whether "from X" after a name says whom they speak for: a body's word ("from the
    University of Leeds") or a known body, not a place or a website they came from."""
    if not role.startswith("from "):
        return True
    words = {w.strip(",.;:()") for w in role.split()[1:]}
    if in_any(words, knowledge.organisation_words, knowledge.government_words):
        return True
    named = [knowledge.lookup(w) for w in words if w[:1].isupper()]
    return any(n is not None and n.source.kind in ("organisation", "outlet") for n in named)


def _verb_first(role: str, knowledge: Knowledge) -> bool:
    """ "was born in Canada", "is expected to": a clause after the name, not a role."""
    first = role.split()[0].lower() if role.split() else ""
    verb_like = first.endswith(("ed", "ing")) and first not in ADJECTIVES_IN_ED
    return verb_like or first in PARTICIPLES or first in VERBISH or first in knowledge.cues


def _cut_at_verb(role: str, knowledge: Knowledge) -> str:
    """A role up to the first verb or quotation mark: "the writer of the blog X expresses";
    a quoted title after "of" is part of it ("curator of "Pop Portraits" at the X")."""
    taken: list[str] = []
    titled = False  # inside a quoted title
    for word in role.split():
        bare = word.strip(",.;:").lower()
        if titled or (word[:1] in '"“' and taken and taken[-1] in ("of", "for")):
            rest = word if titled else word[1:]  # the words of the title, its opening aside
            titled = not rest.rstrip(",.;:").endswith(('"', "”"))
            taken.append(word)
            continue
        # a verb or a cue ends it, but not "States" of "of the United States"
        cue = bare in knowledge.cues and word[:1].islower()
        if word[:1] in '"“”' or (taken and (bare in VERBISH or cue)):
            break
        after_name = bool(taken) and (taken[-1][:1].isupper() or taken[-1].endswith(("]", ")")))
        if after_name and word.islower() and bare.endswith("ed") and bare not in ADJECTIVES_IN_ED:
            break  # "of Cameroon [Fr] expressed his relief": the verb after the name
        taken.append(word)
    return " ".join(taken).strip().rstrip(".")


def _gender_of(roles: list[str]) -> str | None:
    for role in roles:
        for word in re.findall(r"[a-z]+", role.lower()):
            if word in NOUN_GENDER:
                return NOUN_GENDER[word]
    return None


def _later_mentions(by_part: dict[str, list[Person]], sentence: Span, knowledge: Knowledge) -> None:
    """Surnames and first names of registered people: "Lindqvist added", "Mr. Yushchenko";
    the kind of person a clause after one says they are ("Castillo, 58, who has lived in
    Limón all her life")."""
    for token in CAPITALISED.finditer(sentence.text):
        word = POSSESSIVE.sub("", token.group(0).rstrip(',.;:"”)')).lower()
        for person in by_part.get(word, ()):
            at = sentence.start + token.start()
            if not _near(at, person):
                person.mentions.append(at)
            if token.group(0).endswith(","):  # "Castillo, 58, who ...": set off by a comma
                after = sentence.text[token.end() - 1 :]
                roles = _roles_after(after, knowledge)
                kinds = [r for r in roles if kind_by_clause(r, knowledge)]
                person.roles.extend(r for r in kinds if r not in person.roles)


def _learn_genders(register: Register, sentences: list[Span]) -> None:
    """ "Jan Egeland has said that he is ...": a pronoun right after the only person named
    in its sentence or the sentence before shows that person's gender."""
    previous: Span | None = None
    for sentence in sentences:
        if all(person.gender for person in register.people):
            return  # nobody's gender left to learn
        for pronoun in PRONOUN.finditer(sentence.text):
            word = pronoun.group(0).lower()
            gender = (
                PRONOUN_GENDER.get(word) or POSSESSIVE_GENDER.get(word) or OBJECT_GENDER.get(word)
            )
            at = sentence.start + pronoun.start()
            since = previous.start if previous else sentence.start
            near = [p for p in register.people if since <= p.mentioned_before(at)]
            if len(near) == 1 and near[0].gender is None:
                near[0].gender = gender
        previous = sentence


def _respelt(parts: list[str], key: list[str]) -> bool:
    """The same full name with the given name one letter off ("Kristin", "Kristen")."""
    same = len(parts) == len(key) > 1 and parts[1:] == key[1:]
    return same and len(key[0]) >= 4 and _misspells(parts[0], key[0])


def _misspells(name: str, word: str) -> bool:
    """Whether a word is a typo of a name: close in a long name ("Bauchtman" for
    "Buchtmann"), one letter off in a short one ("Water" for "Waters", "Mauer" for
    "Maurer")."""
    if min(len(name), len(word)) >= 7:
        return SequenceMatcher(None, name, word).ratio() >= 0.85
    if abs(len(name) - len(word)) > 1 or name == word:
        return False
    shorter, longer = sorted((name, word), key=len)
    if len(shorter) == len(longer):
        return sum(a != b for a, b in zip(shorter, longer, strict=True)) == 1
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


def _near(at: int, person: Person) -> bool:
    """Whether `at` falls inside a mention already counted ("Cres Eastman": "Eastman")."""
    return any(abs(at - m) < len(person.name) + 2 for m in person.mentions)


ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an|ul)-(?=\w)")


def _names_part(parts: list[str], key: list[str]) -> bool:
    """ "Eastman" and "Professor Eastman" name Cres Eastman; "Eastman Kodak" does not;
    "Bashir" names Omar Al-Bashir (an Arabic article before a surname is often dropped)."""
    if len(key) >= len(parts):
        return False
    if all(word in parts for word in key):
        return True
    if not any("-" in part for part in parts):
        return False  # most names: no article to drop
    bare = [ARTICLE_PREFIX.sub("", part) for part in parts]
    return all(word in parts or word in bare for word in key)


def _heads(roles: list[str]) -> list[str]:
    """The head word of each role: "minister" in "Kenya's interior minister", "head" in
    "head of the Institute", "commands" in "who commands the brigade"."""
    heads = []
    for role in roles:
        clause = ROLE_CLAUSE.match(role)
        if clause:
            heads.append(role.split()[1])
            continue
        words = re.split(r"\s+(?:of|for|at|from|with|in|to)\s+", role)[0].split()
        if words:
            head = words[-1].strip(",.").lower()
            heads.append(RANK_NOUNS.get(head, head))  # "Gen." is "the general"
    return heads


def _stem(word: str) -> str:
    word = word.lower()
    for ending in ("ers", "er", "ing", "s", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


_HONORIFICS_LOWER = {h.lower().rstrip(".") for h in HONORIFIC_GENDER} | {"professor", "prof", "dr"}


def kind_by_clause(role: str, knowledge: Knowledge) -> str | None:
    """The kind of person a clause after a name makes them: "who has lived in X" ->
    Residents, "whose brother was among those killed" -> Families (data/text.json)."""
    lowered = role.lower()
    for opening, label in knowledge.kinds_by_clause:
        if lowered.startswith(opening) and lowered[len(opening) : len(opening) + 1] in ("", " "):
            return label
    return None
