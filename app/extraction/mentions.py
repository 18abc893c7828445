"""Find who is named in a text: known entities and groups, and people's names with roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.extraction.dates import WEEKDAYS
from app.extraction.knowledge import Knowledge, Named
from app.extraction.vocabulary import (
    CONNECTORS,
    FUNCTION_WORDS,
    HONORIFIC_GENDER,
    LEADING_ARTICLE,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOUN_GENDER,
    PARTICLE_NAME,
    POSTNOMINALS,
    PREPOSITIONS,
    in_any,
)

TOKEN = re.compile(r"[\w\"“][\w.'’\-]*")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
OWNER_WORD = re.compile(r"(?:'s|’s)$")  # "Fund's": a name ends here, another may begin
# A name word: capitalised, possibly hyphenated ("Won-sik") or with a particle.
# A name word: a capitalised word in any script ("Traoré", "Yıldız", "Won-sik", "O'Brien").
NAME_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*$")


# "aid workers in El Fasher", "her house on Spruce Crescent": a place, not a person
PLACE_PREPOSITIONS = {"in", "at", "from", "near", "to", "outside", "inside", "on", "along", "across",
                      "via", "into", "onto", "towards", "toward"}  # fmt: skip


HONORIFICS = frozenset(HONORIFIC_GENDER) | {"Dr.", "Dr", "Prof.", "Professor"}
# "pour", "la", "y": the small words inside a body's name in another language (not "on" or
# "of", which may follow a person's name in English: "Vold on Morning Report")
FOREIGN_CONNECTORS = frozenset(CONNECTORS) - PREPOSITIONS - {"and", "the", "-", "–"}
ACRONYM = re.compile(r"^\([A-Z][A-Za-z0-9&.-]{1,9}\)$")
INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
REGNAL = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XI|XII|XIII|XIV|XV|XVI)$")  # not "I", "V", "X"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    named: Named


@dataclass(frozen=True)
class NameSpan:
    """A person's name found in a phrase, with the words around it."""

    name: str
    before: str  # the words before the name: a title or role ("NATO Secretary-General")
    after: str  # the words after the name


def find_mentions(text: str, knowledge: Knowledge) -> list[Mention]:
    """Known entities and groups named in `text`, longest match first, left to right."""
    return list(_mentions(text, knowledge))


@lru_cache(maxsize=8192)
def _mentions(text: str, knowledge: Knowledge) -> tuple[Mention, ...]:
    # The same sentence is scanned for openings, subjects and actors: scan it once.
    tokens = list(TOKEN.finditer(text))
    firsts = [_first_word(token.group(0)) for token in tokens]
    places, words = knowledge.place_first_words, knowledge.first_words
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        first = firsts[i]
        # most words start no name: two dictionary looks decide it before any phrase is built
        place = _place_at(text, tokens, firsts, i, knowledge) if places.get(first, 0) > 1 else 0
        if place:  # "New Mexico": not Mexico
            i += place
            continue
        longest = max(words.get(first, 0), words.get(first.rstrip("."), 0))
        if (first in NAME_OPENERS or first.isdigit()) and i + 1 < len(tokens):
            # "the West", "two people familiar with the matter": the next word starts the name
            longest = max(longest, 1 + words.get(firsts[i + 1], 0))
        hit = _longest_at(text, tokens, i, longest, knowledge) if longest else None
        if hit:
            mention, used = hit
            found.append(mention)
            i += used
        else:
            i += 1
    return tuple(found)


NAME_OPENERS = frozenset(("the", "some", "a", "an"))


@lru_cache(maxsize=65536)  # words repeat: each is worked out once
def _first_word(token: str) -> str:
    """A token as the knowledge's first words are keyed: lower case, no possessive."""
    word = token.lstrip('"“').lower()
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


def _place_at(
    text: str, tokens: list[re.Match[str]], firsts: list[str], i: int, knowledge: Knowledge
) -> int:
    """How many words a place named for a state takes from word `i` on ("New Mexico",
    "the Indian Ocean's"), or 0."""
    longest = knowledge.place_first_words.get(firsts[i], 0)
    for n in range(min(longest, len(tokens) - i), 1, -1):
        phrase = text[tokens[i].start() : tokens[i + n - 1].end()]
        if any(form in knowledge.places_named_for_states for form in _candidates(phrase)):
            return n
    return 0


def _longest_at(
    text: str, tokens: list[re.Match[str]], i: int, longest: int, knowledge: Knowledge
) -> tuple[Mention, int] | None:
    """The longest known name of at most `longest` words that starts at word `i`."""
    names = knowledge.names
    for n in range(min(longest, len(tokens) - i), 0, -1):
        start, end = tokens[i].start(), tokens[i + n - 1].end()
        for candidate in _candidates(text[start:end]):
            # a dictionary look first, with the article dropped as lookup drops it: most
            # word runs name nothing ("the ministry said", "some of the")
            bare = candidate.lower()
            if bare in names or (" " in bare and LEADING_ARTICLE.sub("", bare) in names):
                named = knowledge.lookup(candidate)
                if named:
                    return Mention(start, start + len(candidate), candidate, named), n
    return None


def _candidates(phrase: str) -> list[str]:
    phrase = phrase.lstrip('"“')
    forms = [phrase, POSSESSIVE.sub("", phrase)]
    if phrase.endswith("."):
        forms.append(phrase[:-1])
    return list(dict.fromkeys(f for f in forms if f))


@lru_cache(maxsize=8192)
def find_name(phrase: str, knowledge: Knowledge) -> NameSpan | None:
    """The last run of two to five name words in `phrase` that is not a known entity or title."""
    words = phrase.split()
    best: NameSpan | None = None
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and is_name_word(words, j, knowledge):
            j += 1
            if words[j - 1].endswith(","):
                break  # a comma closes a name: "Shin Won-sik, head of ..."
        if (j - i >= 4 and inside_body_name(words, i, j, knowledge)) or portfolio_first(
            words, i, j, knowledge
        ):
            i = j - 2  # "Minister for International Affairs Ryo Kashiwagi": the name ends the run
        i = _after_known_body(words, i, j, knowledge)
        owners = [k for k in range(i, j - 1) if OWNER_WORD.search(words[k])]
        if owners:  # "The Native American Rights Fund's Jacqueline De León": after the owner
            i = owners[-1] + 1
        run = " ".join(words[i:j]).rstrip(",.")
        if (
            j - i >= 2
            and is_name_word(words, j - 1, knowledge, last=True)
            and not knowledge.lookup(POSSESSIVE.sub("", run))
            and not POSSESSIVE.search(run)  # "European Union's": an owner, not a person
            and not inside_body_name(words, i, j, knowledge)
            # "Northwest Frontier Province", "Gulf Coast": a place, as the register reads it
            and words[j - 1].strip(",.;:") not in knowledge.place_words
        ):
            after = j
            while after < len(words) and words[after].rstrip(",") in POSTNOMINALS:
                after += 1  # "Judge Durham Hall QC": no part of the role
            best = NameSpan(
                " ".join(words[i:j]).rstrip(",."), " ".join(words[:i]), " ".join(words[after:])
            )
        i = max(j, i + 1)
    if best is None and len(words) >= 1:
        known = knowledge.person(phrase.strip(" ,."))
        if known:  # "President Biden", a listed alias: its title stays the role's
            titles = [w for w in words[:-1] if w.strip(".,") in knowledge.title_words]
            return NameSpan(
                known.name, " ".join(titles) if titles == words[: len(titles)] else "", ""
            )
    if best and not best.before and best.name.count(" ") == 1:
        kind, _, name = best.name.partition(" ")
        if kind_of_person(kind, knowledge):  # "Blogger Jzyg", "Activist Zhang": one name
            return NameSpan(name, kind, best.after)
    return best or _honoured(words, knowledge)


def _after_known_body(words: list[str], i: int, j: int, knowledge: Knowledge) -> int:
    """Where a person's name starts in a run that opens with a known body's name
    ("director of Amnesty International Man-kei Tam"): after the body."""
    for k in range(j - 2, i, -1):
        named = knowledge.lookup(" ".join(words[i:k]).rstrip(",."))
        if named is not None and named.source.kind in ("organisation", "government"):
            return k
    return i


def _honoured(words: list[str], knowledge: Knowledge) -> NameSpan | None:
    """ "Undersecretary for Education Mr. Toccafondi": one name that an honorific marks."""
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1] in HONORIFICS and is_name_word(words, i, knowledge, last=True):
            name = words[i].rstrip(",.")
            return NameSpan(name, " ".join(words[: i - 1]), " ".join(words[i + 1 :]))
    return None


def kind_of_person(word: str, knowledge: Knowledge) -> bool:
    """ "Activist", "Blogger": a capitalised noun for a kind of person, opening a phrase."""
    if not word[:1].isupper() or word in knowledge.title_words:
        return False  # "Governor Vázquez", "Judge Marrero": a title, read as one
    return in_any({word.lower()}, knowledge.person_nouns, knowledge.writer_nouns)


def portfolio_first(words: list[str], i: int, j: int, knowledge: Knowledge) -> bool:
    """ "Minister of Education Stefania Giannini": a portfolio, then the name."""
    if i >= 3 and words[i - 1] == "the":  # "Secretary of the Treasury Scott Bessent"
        i -= 1
    joined = i >= 2 and words[i - 1] in ("of", "for") and words[i - 2] in knowledge.title_words
    return j - i >= 3 and joined


def inside_body_name(words: list[str], i: int, j: int, knowledge: Knowledge) -> bool:
    """Capitals that belong to a body's name, not a person's.

    "Observatory for Human Rights" continues after "for"; "Baltic Maritime Observatory"
    ends in a word that names a kind of body.
    """
    after = POSSESSIVE.sub("", words[j].strip(",.")) if j < len(words) else ""
    if _a_body_word(after, knowledge) or after == "&" or ACRONYM.match(after):
        return True  # "... Phase Classification (IPC)", "European Aeronautic Defense & Space"
    if after in FOREIGN_CONNECTORS and not words[j - 1].endswith(",") and _capital_after(words, j):
        return True  # "Jeunesse Citoyenne pour la Paix": a name that goes on is a body's
    if i >= 1 and words[i - 1].lower() in PLACE_PREPOSITIONS:
        return True  # "aid workers in El Fasher": a place, not a person
    if i >= 2 and words[i - 1] == "for" and _seat_holder(words[: i - 1], knowledge):
        return True  # "member of parliament for São Paulo", "MP for Islington North": a seat
    if i >= 1 and words[i - 1].lower() == "the":
        return True  # "the Liberal Democrats": nobody's name takes "the"
    if words[i - 1] == "and" and _portfolio_before(words, i - 1, knowledge):
        return True  # "Department of Emergency Services and Public Protection"
    # "Council on American - Islamic"; but "Leo Denault of Entergy and Tom Fanning": a name
    joined = words[i - 1] in ("for", "of", "on", "-", "–")
    return i >= 2 and joined and words[i - 2][:1].isupper()


def _seat_holder(before: list[str], knowledge: Knowledge) -> bool:
    """Whether the words before "for" name a legislator, whose "for X" is a constituency."""
    tail = " ".join(before[-3:]).lower().strip(",")
    return any(tail == noun or tail.endswith(" " + noun) for noun in knowledge.legislator_nouns)


def _portfolio_before(words: list[str], at: int, knowledge: Knowledge) -> bool:
    """Whether the capitalised words right before `at` are what a body's name is "of" or
    "for" ("Department of Emergency Services", "Center for Research"), so that the words
    after "and" go on with that name; not "Leo Denault of Entergy", a person's employer."""
    k = at
    while k > 0 and words[k - 1][:1].isupper() and not words[k - 1].endswith(","):
        k -= 1
    if k == at or k < 2 or words[k - 1] not in ("of", "for"):
        return False
    return _a_body_word(POSSESSIVE.sub("", words[k - 2].strip(",.")), knowledge)


def _a_body_word(word: str, knowledge: Knowledge) -> bool:
    """ "Ministry", "Department", "Observatory": a word that names a kind of body."""
    return word in knowledge.organisation_words or word in knowledge.government_words


def _capital_after(words: list[str], at: int) -> bool:
    """Whether a capitalised word follows, after connectors ("pour la Paix")."""
    for word in words[at : at + 4]:
        if word not in CONNECTORS:
            return word[:1].isupper()
    return False


def is_name_word(words: list[str], j: int, knowledge: Knowledge, last: bool = False) -> bool:
    """Whether words[j] can be part of a person's name (the last one, if `last`)."""
    raw = words[j].rstrip(",;:")
    word = raw.rstrip(".")
    if word.lower().endswith(("-year-old", "-years-old")):
        return False  # "Fourteen-year-old Zoe": an age, no part of the name
    if word.lower().endswith(("-owned", "-run", "-backed", "-funded", "-controlled")):
        return False  # "Saudi-owned al-Arabiya TV": who owns a body, no part of a name
    if word.endswith("s") and word[:-1] in knowledge.title_words:
        return False  # "the Joint Chiefs of Staff": a title in the plural, a body's name
    if (
        word.lower() in NAME_PARTICLES
        and not last
        and j > 0
        and is_name_word(words, j - 1, knowledge)
    ):
        return True  # "Centro de ..." no, "Ursula von der Leyen" yes: a particle inside a name
    if INITIALS.match(raw) and raw not in knowledge.abbreviations and not knowledge.lookup(raw):
        return True  # an initial: "John F. Kennedy", "K.C. Maurer"
    if PARTICLE_NAME.match(word):
        return True  # "Hisham el-Sayed", "Asaad al-Shaibani"
    if REGNAL.match(word) and j > 0 and words[j - 1][:1].isupper() and words[j - 1][-1:].isalpha():
        return True  # "Queen Elizabeth II", "Pope Benedict XVI": a regnal number ends the name
    if (
        not NAME_WORD.match(word)
        or not word[0].isupper()
        or word.isupper()
        or word in FUNCTION_WORDS
        or word in knowledge.page_words  # "Release Number:", "Contact Information"
        or word.lower() in WEEKDAYS  # "President Alvaro Uribe Monday criticized ..."
        or word[:2] in ("I'", "I’")  # "Hello, I’m Neal Schiff": a contraction, no name
    ):
        return False
    if in_any((raw, word), knowledge.title_words, knowledge.organisation_words):
        # a title after a given name ends the name as a surname: "Dr. Dana King, of the
        # ...", "Stephen King said"; not "Jordan King Abdullah"
        given = j > 0 and words[j - 1] in knowledge.name_gender
        # "Maj. General Shaukat Sultan": a given name the data does not list, after a title
        given = given or (
            j > 1
            and words[j - 2].rstrip(",") in knowledge.title_words
            and NAME_WORD.match(words[j - 1]) is not None
            and words[j - 1] not in knowledge.title_words
        )
        ends = j + 1 == len(words) or not words[j + 1][:1].isupper() or raw != words[j]
        # "Martin Luther King Jr.": a suffix after it says the title is the surname
        suffixed = j > 0 and words[j - 1][:1].isupper() and j + 1 < len(words)
        suffixed = suffixed and words[j + 1].rstrip(",.;:") in NAME_SUFFIXES
        return (given and ends or suffixed) and word not in knowledge.organisation_words
    return knowledge.lookup(POSSESSIVE.sub("", word)) is None or _place_as_surname(
        words, j, knowledge
    )


def _place_as_surname(words: list[str], j: int, knowledge: Knowledge) -> bool:
    """ "Valeska Paris, an Australian woman", "Rachel Jordan", "Denzel Washington, who": a
    word that also names a place ends a person's name after a given name, or before a role
    or a "who" that says a person."""
    if j == 0 or words[j - 1].endswith((",", ".", ";", ":")):
        return False
    given = words[j - 1].strip('"“')
    if not NAME_WORD.match(given) or knowledge.lookup(given) is not None:
        return False
    opening = words[j - 2].strip('"“') if j >= 2 and not words[j - 2].endswith(",") else ""
    if given in knowledge.name_gender or opening in knowledge.name_gender:
        return True  # "Daniel Lima", "Daniel Okoro Lima"
    role = opening.lower()
    if opening and (
        opening in knowledge.title_words
        or role in knowledge.role_nouns
        or f"{role}s" in knowledge.source_nouns
    ):
        return True  # "Actor Denzel Washington", "Senator Amy Paris": a role, then a name
    set_off = words[j - 2].rstrip(",").lower() if j >= 2 and words[j - 2].endswith(",") else ""
    if set_off and (set_off in knowledge.role_nouns or f"{set_off}s" in knowledge.source_nouns):
        return True  # "according to his associate, Gleb German": a role set off, then a name
    if not words[j].endswith(","):
        return False
    after = [w.strip(",.;:").lower() for w in words[j + 1 : j + 6]]
    if after[:1] == ["who"]:
        return True  # "Denzel Washington, who paid for ...": a person
    if not after or after[0] not in ("a", "an", "the"):
        return False
    people = (knowledge.person_nouns, knowledge.writer_nouns, knowledge.role_nouns)
    return any(
        any(w in nouns for nouns in people) or w in NOUN_GENDER or f"{w}s" in knowledge.source_nouns
        for w in after
    )
