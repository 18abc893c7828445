"""The last check on every attributed claim: is each of its sources one the text
establishes as a speaker or a body?

A claim filed under a wrong source is a false statement about who said what; a claim
left to the article's narration is only incomplete. So a source passes only when the
text shows what it is: a known entity, a group named by its noun, a person the article
named (filed under their own name when no body speaks through them), a name of several
words, an acronym, or a single name the text writes as a name in the middle of a
sentence. A bare surname or first name of a person named in full, a word capitalised
only because it opens a sentence ("Started in 1990, ..."), and one word of a longer name
("Valech" of "the Valech Report") are none.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.extraction.context import Attribution, Context
from app.extraction.knowledge import Knowledge
from app.extraction.mentions import POSSESSIVE
from app.extraction.model import SourceRef
from app.extraction.vocabulary import HANDLE, INTRO_VERBS, UNOWNED_ADJECTIVES

ACRONYM_LIKE = re.compile(r"^(?:[A-Z]{2,}[\w&.-]*|\w+[A-Z]\w*|[\w-]+\.[a-z]{2,4})$")
NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:ish|ese)$")  # "English", "Scottish", "Maltese"
SENTENCE_BREAK = (".", "!", "?", ":", '"', "“", "”", "—", "–")
FIRST_OR_SECOND_PERSON = re.compile(r"^(?:I|We|You)(?:['’](?:d|m|ve|ll|re))?$")
DEMONSTRATIVES = {"that", "this", "these", "those", "it", "there", "here"}


def established(who: Attribution, context: Context, knowledge: Knowledge) -> bool:
    """Whether the text establishes every source of an attribution."""
    return all(_established(source, context, knowledge) for source in who.sources)


def _established(source: SourceRef, context: Context, knowledge: Knowledge) -> bool:
    if source.kind != "unresolved":
        return True  # a known body or state, a group named by its noun, the narration
    words = source.label.split()
    if len(words) > 1:
        return True  # "Hollis Media", or a person named in full with no body of theirs
    word = POSSESSIVE.sub("", words[0])
    if FIRST_OR_SECOND_PERSON.match(word):
        return False  # "If I got a transcript ...": "I'd" is a speaker's own word, no source
    if word.lower() in DEMONSTRATIVES | UNOWNED_ADJECTIVES:
        return False  # "That's why nations condemn ...", "Initial reports stated": no speaker
    if word.lower() in knowledge.source_nouns:
        return True  # "Traders", "Nurses": a group of people named by its noun
    person = context.register.named(word)
    opens_a_name = person is not None and len(person.parts) > 1 and person.parts[0] == word.lower()
    if person is not None and not opens_a_name:
        # "Jomra", a blogger who goes by one name, is a person; "Paris" of "Valeska
        # Paris" and "Water" for "Kathryn Waters" are not names of their own ("Montana"
        # of "Montana Native Vote" is read below)
        return len(person.parts) == 1 and person.parts[0] == word.lower()
    if ACRONYM_LIKE.match(word):
        return True  # "USI", "OpenAI", "Secunia.com"
    if _introduces_as_handle(word.lower(), context.body):
        return True  # "fulue highlighted the software's implications:": a blogger's handle
    if writes_as_handle(word.lower(), context.body):
        return True  # "jasonmumbles tweeted that ...": a writer's handle, in lower case
    if _opens_an_introduction(word, context.body):
        return True  # "Maung, who had come back to Myanmar wrote:": a blogger by one name
    if f"@{word}" in context.body:
        return True  # "A Bahraini girl (@Aljazita) wrote ...": a handle the text prints
    if _labels_a_turn(word, context.body):
        return True  # 'LEWIS: "He was the guy ..."': a transcript's label for its speaker
    if NATIONALITY.match(word):
        return False  # "English captain Harry Kane": where from, not a body
    if re.search(rf"\b{re.escape(word)},\s+who\b", context.body):
        return False  # "Smith, who said last year ...": a person's surname, never a body
    return _written_as_a_name(word, context, knowledge)


def _opens_an_introduction(word: str, body: str) -> bool:
    """Whether a sentence that ends a paragraph in a colon opens with the word as the
    subject of an intro verb ("Maung, who had come back to Myanmar wrote:")."""
    return word.lower() in _introducers(body)


@lru_cache(maxsize=256)  # one look per article, not one per word asked about
def _introducers(body: str) -> frozenset[str]:
    return frozenset(m.group("word").lower() for m in INTRODUCING_LINE.finditer(body))


# "Maung, who had come back to Myanmar wrote:": a sentence that ends its line in a colon,
# its first word and an intro verb in it
INTRODUCING_LINE = re.compile(
    rf"(?:^|[.!?]\s+)(?P<word>[^\W\d_][\w'’-]*)\b[^\n.!?]*\b(?:{INTRO_VERBS})\b[^\n]*:[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)


def _labels_a_turn(word: str, body: str) -> bool:
    """Whether a paragraph of the text opens with the word in capitals as a speaker's
    label ("LEWIS: ...")."""
    return word.upper() in _turn_labels(body)


@lru_cache(maxsize=256)  # one look per article
def _turn_labels(body: str) -> frozenset[str]:
    return frozenset(m.group(1) for m in TURN_LABEL.finditer(body))


TURN_LABEL = re.compile(r"(?:^|\n)([^\W\d_a-z][^\W\da-z]*):\s")  # "LEWIS: ", "O'HARA: "


@lru_cache(maxsize=4096)  # asked again for every claim of the same source
def _introduces_as_handle(handle: str, body: str) -> bool:
    """Whether the text writes a word in lower case in a line that ends in a colon and
    introduces a quoted post ("fulue highlighted ...:"): a blogger's handle, as round-ups
    print it."""
    if HANDLE.fullmatch(handle) is None:
        return False
    line = re.compile(rf"(?:^|[\s,])[\"“‘']?@?{re.escape(handle)}\b[^\n]*:[ \t]*$", re.MULTILINE)
    return line.search(body) is not None


def writes_as_handle(handle: str, body: str) -> bool:
    """Whether the text writes a word in lower case as the subject of a verb of posting
    ("jasonmumbles tweeted [5] that ...") or of an intro before a colon ("fulue highlighted
    ...:"): a writer's handle."""
    if HANDLE.fullmatch(handle) is None or f"{handle} " not in body:
        return False  # most words asked about never stand before a verb in the text
    posted = any(
        f"{handle} {verb} " in body or f"{handle} also {verb} " in body for verb in POSTING_VERBS
    )
    return posted or _introduces_as_handle(handle, body)


# the verbs a writer posts with ("tweeted [5] that": the link's number is blanked to spaces)
POSTING_VERBS = ("tweeted", "tweets", "posted", "posts", "blogged", "blogs", "wrote", "writes",
                 "commented", "comments")  # fmt: skip


def _written_as_a_name(word: str, context: Context, knowledge: Knowledge) -> bool:
    """Whether the text writes a word as a name of its own: capitalised inside a
    sentence, not only as one word of a longer name ("the Valech Report") but maybe before
    a person's ("Governor of California Gavin Newsom"); or, where it only opens sentences,
    a word that is no participle or adverb ("Started in 1990,") and never written in lower
    case."""
    body = context.body
    people = [f" {person.name}" for person in context.register.people]
    opens = False
    for found in re.finditer(rf"(?<![\w-]){re.escape(word)}(?:['’]s)?(?![\w-])", body):
        before = body[: found.start()].rstrip(" ")
        if not before or before.endswith(SENTENCE_BREAK) or before.endswith("\n"):
            opens = True  # it opens a sentence or a paragraph
            continue
        following = body[found.end() :].split(maxsplit=1)[:1] if body[found.end() :] else []
        word_after = following[0].strip(",.;:") if following else ""
        gap = body[found.end() : found.end() + 1] == " "
        if (
            gap
            and word_after[:1].isupper()
            and word_after not in knowledge.title_words
            and not body.startswith(tuple(people), found.end())
        ):
            continue  # "the Valech Report": one word of a longer name; "Maryland Governor"
            # is a name and a title
        return True
    lower = word.lower()
    if not opens or lower.endswith(("ed", "ing", "ly")):
        return False
    return re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", body) is None
