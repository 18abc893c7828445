"""The English function words extraction reads with, in one place.

The word lists are data (data/grammar.json); this module builds the sets and patterns
every other module uses, so a list of auxiliaries or determiners is never written twice.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from pathlib import Path

from app.extraction.trie import whole_words

GRAMMAR_FILE = Path(__file__).resolve().parents[2] / "data" / "grammar.json"


def _load() -> dict:
    with GRAMMAR_FILE.open(encoding="utf-8") as handle:
        return json.load(handle)


def in_any(words: Iterable[str], *vocabularies: AbstractSet[str]) -> bool:
    """Whether any of `words` is in one of the vocabularies (their union is never built:
    these checks run for every word, and a union costs as much as the sets are long)."""
    words = tuple(words)
    return any(not vocabulary.isdisjoint(words) for vocabulary in vocabularies)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_GRAMMAR = _load()

# "the", "some observers", "a few": what may stand before a name or a group
DETERMINER_WORDS: tuple[str, ...] = tuple(_GRAMMAR["determiners"])
POSSESSIVE_DETERMINERS = frozenset(_GRAMMAR["possessive_determiners"])
LEADING_ARTICLE = re.compile(rf"^(?:{_alternation(_GRAMMAR['determiners'])})\s+", re.IGNORECASE)
DETERMINERS = re.compile(
    rf"^(?:{_alternation(_GRAMMAR['determiners'] + _GRAMMAR['possessive_determiners'])})\s+",
    re.IGNORECASE,
)

# gender shown by pronouns, honorifics and nouns: "male", "female", "plural", "thing"
PRONOUN_GENDER: dict[str, str] = _GRAMMAR["pronouns"]
POSSESSIVE_GENDER: dict[str, str] = _GRAMMAR["possessive_pronouns"]
HONORIFIC_GENDER: dict[str, str] = _GRAMMAR["honorifics"]
NOUN_GENDER: dict[str, str] = _GRAMMAR["gendered_nouns"]
PERSON_PRONOUNS = frozenset(p for p, g in PRONOUN_GENDER.items() if g in ("male", "female"))
ANY_PRONOUNS = frozenset(PRONOUN_GENDER) - PERSON_PRONOUNS

# verbs: a word among these shows a clause, not a name or a noun phrase
AUXILIARIES = frozenset(_GRAMMAR["auxiliaries"])
COMMON_VERBS = frozenset(_GRAMMAR["common_verbs"])
CLAUSE_VERBS = AUXILIARIES | COMMON_VERBS
VERB_WORDS = AUXILIARIES | frozenset(_GRAMMAR["clause_openers"])  # "Can Tho" no, "can" yes
VERBISH = CLAUSE_VERBS | {"also"}  # where the phrase a sentence opens with ends
ADJECTIVES_IN_ED = frozenset(_GRAMMAR["adjectives_in_ed"])  # "armed forces" is no clause
PARTICIPLES = frozenset(_GRAMMAR["irregular_participles"])  # "born", "known", "shown"

PREPOSITIONS = frozenset(_GRAMMAR["prepositions"])
RELATIVE_PRONOUNS = frozenset(_GRAMMAR["relative_pronouns"])

# inside names: "Observatory for Human Rights", "Ursula von der Leyen", "al-Shaibani"
CONNECTORS: tuple[str, ...] = tuple(_GRAMMAR["name_connectors"])
NAME_PARTICLES = frozenset(_GRAMMAR["name_particles"])
POSTNOMINALS = frozenset(_GRAMMAR["postnominals"]["words"])  # "QC", "OBE", "Jr."
COUNT_WORDS = frozenset(_GRAMMAR["number_words"]["counts"])  # "two" to "twelve"
NUMBER_WORDS = COUNT_WORDS | frozenset(_GRAMMAR["number_words"]["multitudes"])  # "dozens"
POINTING_PERSONS = frozenset(_GRAMMAR["pointing_persons"]["words"])  # "this person"
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}  # "According to him", "For her"
# "an official government Twitter account", "the ministry's Telegram channel": the owner's
CHANNEL_ENDINGS = frozenset(noun[-4:] for noun in _GRAMMAR["accounts"]["nouns"])
CHANNEL = re.compile(
    r"^(?:(?i:an?|the|its|their|his|her)\s+)?(?:official\s+)?"
    r"(?P<owner>(?!(?i:the|an?|its|their|his|her)\s)[^\s].*?)(?:['’]s)?\s+"
    rf"(?:(?:{_alternation(_GRAMMAR['accounts']['platforms'])})\s+)?"
    rf"(?:{_alternation(_GRAMMAR['accounts']['nouns'])})$"
)
# "Twitter", "the Internet": where people speak, no body ("the Internet protest movement")
PLATFORMS = frozenset(_GRAMMAR["accounts"]["platforms"])
PARTICLE_NAME = re.compile(rf"^(?:{_alternation(_GRAMMAR['name_prefixes'])})-[^\W\d_]")
FUNCTION_WORDS = frozenset(_GRAMMAR["capitalised_function_words"])
# "Yesterday", "Former", "Despite": capitalised only because they open a sentence
SENTENCE_OPENERS = frozenset(_GRAMMAR["sentence_openers"])
ROLE_MODIFIERS = frozenset(_GRAMMAR["role_modifiers"])  # "former transport minister"
ACADEMIC_WORDS: tuple[str, ...] = tuple(_GRAMMAR["academic_words"])
# "the", "and", "of": a paragraph with almost none of them is in another language
ENGLISH_FUNCTION_WORDS = frozenset(_GRAMMAR["english_function_words"])
FIRST_PERSON = frozenset(_GRAMMAR["first_person"])  # a paragraph in quoted speech
# "que", "des", "się": common words of the languages round-ups quote in
FOREIGN_FUNCTION_WORDS = frozenset(_GRAMMAR["foreign_function_words"])
NAME_SUFFIXES = frozenset(_GRAMMAR["name_suffixes"])  # "Joseph R. Biden, Jr."
NAME_TITLES = frozenset(_GRAMMAR["name_titles"])  # "President Biden": a title, then a surname
INTRO_VERBS = _alternation(_GRAMMAR["intro_verbs"])  # "Jomra writes about García:"
# "rejected the proposal" is an act; "rejected the reports" denies a claim
ACTION_OBJECTS = frozenset(_GRAMMAR["action_objects"])
# "called the ruling a disgrace", "denied the charges": about the object, not an act on it
CHARACTERISING_CUES = frozenset(_GRAMMAR["characterising_cues"])
# "say", "told": cues whose object is always what is said, never a thing acted on
SPEECH_ONLY = frozenset(_GRAMMAR["speech_only_cues"])
# "gen" -> "general": the noun a later mention uses for a rank written short
RANK_NOUNS: dict[str, str] = {
    k: v for k, v in _GRAMMAR["rank_abbreviations"].items() if not k.startswith("_")
}
# "Ambassador to NATO": titles whose "to" or "for" stays in the role
ENVOY_TITLES = frozenset(_GRAMMAR["envoy_titles"])
# "Waukegan Police Department": words of a local service, no portfolio of the state
LOCAL_SERVICE_WORDS = frozenset(_GRAMMAR["local_service_words"])
# "The Indymedia group": nouns of one body that a name before them keeps singular
COLLECTIVE_NOUNS = frozenset(_GRAMMAR["collective_nouns"])
# "Opposition BNP secretary general": a party's side, before its initials
PARTY_SIDES = frozenset(_GRAMMAR["party_sides"])
# "the U.S. Attorney's Office for the Southern District of New York": an office's seat
JURISDICTIONS = frozenset(_GRAMMAR["jurisdictions"])
PART_NOUNS = _alternation(_GRAMMAR["part_nouns"])  # "the Dallas chapter of X" is X's
# "the National Iodine Nutrition study": a project named in sentence case
PROJECT_NOUNS = frozenset(_GRAMMAR["project_nouns"])

# "In a statement posted late on Wednesday, ...": words that open a leading phrase
# "In a statement, ...", and after a focus adverb "Even with X in jail, ..."
LEAD_PREPOSITION = re.compile(
    rf"^(?:(?:{_alternation([w.capitalize() for w in _GRAMMAR['leading_focus_adverbs']])})\s+"
    rf"(?:{_alternation([w.lower() for w in _GRAMMAR['lead_words']])})\b"
    rf"|(?:{_alternation(_GRAMMAR['lead_words'])})\b)"
)
# "As Heald told The Huffington Post, ...": the word before a subject is no part of it
# "But", "Yet just", "Even": the words before a subject that are no part of it
LEADING_CONJUNCTION = re.compile(
    rf"^(?:(?:{_alternation(_GRAMMAR['leading_conjunctions'])})\s+"
    rf"(?:(?:{_alternation(_GRAMMAR['leading_focus_adverbs'])})\s+)?"
    rf"|(?:{_alternation(_GRAMMAR['leading_focus_adverbs'])})\s+)",
    re.IGNORECASE,
)
CONTINUING_VERBS = _alternation(_GRAMMAR["continuing_verbs"])  # ", adding that ..."
# "fulue", "syrianews", "deep_blue": a blogger's handle in lower case, as round-ups print it
HANDLE = re.compile(r"^@?[a-z][a-z0-9_.]{2,30}$")

# "Statement by NSC Spokesperson Emily Horne on ...": a title that names the author of a
# first-person text; the author's name ends at the preposition that says what it is about
STATEMENT_TITLE = re.compile(
    rf"^(?:{_alternation(_GRAMMAR['statement_titles'])})\s+(?:by|from|of)\s+(?P<author>.+?)"
    rf"(?:\s+(?:{_alternation(_GRAMMAR['statement_author_ends'])})\s.*)?$",
    re.IGNORECASE,
)

ISSUED_VERB_WORDS = tuple(_GRAMMAR["issued_words"]["verbs"])  # "issued", "put out"
# "issued a statement", "in a letter": what a person puts out in their own words
# "the ministry released a statement" before "saying ...": who said it is the subject
ISSUED_WORDS = re.compile(
    rf"\s+(?:{_alternation(_GRAMMAR['issued_words']['verbs'])})\s+"
    rf"(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_alternation(_GRAMMAR['issued_words']['nouns'])})"
    r"(?:\s+(?:on|in|at|to|late|early|last|this)\s+\S+(?:\s+\S+){0,2}?)?\s*$",  # "on Monday"
    re.IGNORECASE,
)
# "X was quoted as saying ...", "X was quoted by state media as saying": X said it
QUOTED_AS = re.compile(
    r"\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+)?quoted"
    r"(?:\s+(?:by|in|on)\s+[^,;:\"“”]{1,80}?)?\s+as\s*$",
    re.IGNORECASE,
)
STATEMENT_TITLE_WORDS = tuple(_GRAMMAR["statement_titles"])  # "Press Statement", "Remarks"
STATEMENT_NOUNS = frozenset(t.lower() for t in _GRAMMAR["statement_titles"] if " " not in t)

# "Participants emphasized ...", "both sides agreed": everyone the last meeting named
GATHERING_SUBJECTS = frozenset(_GRAMMAR["gathering_subjects"])

# "When X was admitted in May, ...": a leading clause whose people are not its subject's
SUBORDINATORS = frozenset(_GRAMMAR["subordinators"])
# "the reports", "of claims": words after which a cue word is a noun
NOUN_MARKERS = frozenset(_GRAMMAR["noun_markers"])
# " the ", " and ": English words so common that two of them show a paragraph is English
PLAIN_ENGLISH = tuple(f" {w} " for w in _GRAMMAR["plain_english_words"])
# "began to worry", "continued to insist": a cue after "to" that still reports a view
ASPECT_VERBS = frozenset(_GRAMMAR["aspect_verbs"])
# "are also accused", "were widely reported": an auxiliary, adverbs, then a participle
AFTER_AUXILIARY = _alternation(_GRAMMAR["auxiliary_adverbs"])
# "met", "convened a call with": a sentence that gathers the people it names
MEETING = re.compile(whole_words(_GRAMMAR["meeting_words"]), re.IGNORECASE)

# "rejected that", "denied the accusation": a denial's object that only points back at a
# claim just made; the reasons that follow are what the denial says
ANSWER_POINTERS = frozenset(_GRAMMAR["answered_claims"]["pointers"])
ANSWERED_NOUNS = frozenset(_GRAMMAR["answered_claims"]["nouns"])

# "X, based in Paris,", "Y, joined in dissent by Z,": participles that still describe a name
APPOSED_PARTICIPLES = frozenset(_GRAMMAR["apposed_participles"]["words"])

# "Initial reports stated": words that leave a document no one's in particular
UNOWNED_ADJECTIVES = frozenset(_GRAMMAR["unowned_adjectives"]["words"])
