"""What grouping compares in a claim: its content terms, the entities it names, its
figures, and whether it denies or only supposes what it says.

"At least 10,000 North Korean troops have been sent to Russia" and "Pyongyang has
dispatched some 10,000 soldiers to Russia" both read as the terms {@north-korea,
@russia, send, troop} with the figure 10,000 troops: names resolve to entities through
the data files, words to stems and synonyms, numbers to figures with their unit.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from math import fsum
from sys import intern

from app.stories.vocabulary import (
    DEFAULT_WEIGHT,
    DENIAL,
    MODAL,
    NEGATION,
    STOP,
    Vocabulary,
    information,
    load_vocabulary,
    stem,
)

# A number ($350, 10,000, 1.2, 40%), a word (U.S., don't, Pyongyang) or a currency sign.
TOKEN = re.compile(
    r"(?P<number>\d[\d,]*(?:\.\d+)?)(?P<ordinal>st|nd|rd|th)?\b"
    r"|(?P<word>[^\W\d_]+(?:\.[^\W\d_]\.?)*(?:['’][^\W\d_]+)?)"
    r"|(?P<sign>[$€£%])"
)
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
CLITICS = frozenset({"re", "ve", "ll", "d", "m", "s"})
NOT_PLURAL = ("ss", "us", "is", "'s")  # glass, status, crisis, Israel's
UNIT_REACH = 3  # a figure's unit is among the next few content words ("10,000 North Korean troops")
MIN_TERMS = 2  # fewer terms ("Good afternoon.", "We will never forget.") join no story
DENYING_STANCE = "denied"
PREFIX = {"term": "", "entity": "@", "name": "#"}  # how each kind of item is written as a term


@dataclass(frozen=True)
class Figure:
    """A number with what it counts: 10,000 troops, $350 million."""

    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Features:
    """A claim as grouping sees it."""

    terms: frozenset[str]  # stems and synonyms; entities as "@slug", other names as "#stem"
    weights: Mapping[str, float] = field(default_factory=dict)  # how telling each term is
    figures: tuple[Figure, ...] = ()
    negative: bool = False  # denies or negates what it says
    hedged: bool = False  # says it may, might, could or will happen
    actor: str | None = None
    target: str | None = None
    period: tuple[str, str] | None = None  # first and last day of what it reports, when dated
    said_by: str | None = None  # the last day it may have been said on, when known
    # Derived from `terms`, kept because every comparison reads them.
    known: frozenset[str] = field(init=False, compare=False, repr=False)  # entities data knows
    # Content and names by their stem: a capitalised word ("the Federal government") is the
    # same word as its lower-case form elsewhere ("the federal government").
    words: frozenset[str] = field(init=False, compare=False, repr=False)
    content: frozenset[str] = field(init=False, compare=False, repr=False)
    kinds: frozenset[str] = field(init=False, compare=False, repr=False)  # of event it tells
    mass: float = field(init=False, compare=False, repr=False)  # the weight of its `words`
    groupable: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        terms = self.terms
        known = frozenset(term for term in terms if term[0] == "@")
        content = frozenset(term for term in terms if term[0] not in "@#")
        actions = load_vocabulary().actions
        derived = {
            "known": known,
            "words": frozenset(term.removeprefix("#") for term in terms - known),
            "content": content,
            "kinds": frozenset(actions[term] for term in terms if term in actions),
            # Enough content to be a claim worth following (not a greeting or an aside).
            "groupable": len(terms) >= MIN_TERMS and bool(content),
        }
        for name, value in derived.items():
            object.__setattr__(self, name, value)
        # Summed exactly (`math.fsum`): a plain sum would depend on the order the set
        # yields its words in, which changes from one process to the next.
        object.__setattr__(self, "mass", fsum(term_weight(self, term) for term in self.words))


def term_weight(features: Features, term: str) -> float:
    """How telling `term` is in `features`; a word of `words` may be stored as a name."""
    weights = features.weights
    found = weights.get(term)
    if found is None:
        found = weights.get("#" + term, DEFAULT_WEIGHT)
    return found


@dataclass(frozen=True)
class Item:
    """One piece of a read claim: a term, an entity, a number or a marker."""

    kind: str  # term | entity | number | marker
    text: str = ""
    value: float = 0.0  # a number's value; a term's or an entity's weight (`information`)
    start: int = 0  # the first token it spans
    end: int = 0  # one past its last token: an item starting there follows with no word between
    plural: bool = False  # its last word reads as a plural noun


def claim_features(
    text: str,
    stance: str = "asserted",
    actor: str | None = None,
    target: str | None = None,
    period: tuple[str, str] | None = None,
    said_by: str | None = None,
) -> Features:
    """The features of a claim's assertion, its stance, its actor and target slugs, the
    days of the event it reports and the last day it may have been said on."""
    vocabulary = load_vocabulary()
    items = list(read_items(text, vocabulary))
    weights: dict[str, float] = {}
    for item in items:
        if item.kind in PREFIX:
            term = PREFIX[item.kind] + item.text
            weights[term] = max(weights.get(term, 0.0), item.value)
    markers = [i.text for i in items if i.kind == "marker"]
    denies = stance == DENYING_STANCE or DENIAL in markers
    negated = markers.count(NEGATION) % 2 == 1
    return Features(
        terms=frozenset(weights),
        weights=weights,
        figures=tuple(figures_of(items)),
        negative=denies != negated,
        hedged=MODAL in markers,
        actor=actor,
        target=target,
        period=period,
        said_by=said_by,
    )


def read_items(text: str, vocabulary: Vocabulary) -> Iterator[Item]:
    """The items of `text`, in order: names first, then phrases, then single words."""
    tokens = [match for match in TOKEN.finditer(text.replace("’", "'"))]
    for item, start, end in _spans(tokens, vocabulary):
        last = (tokens[end - 1].group("word") or "").lower()
        yield replace(item, start=start, end=end, plural=looks_plural(last, vocabulary))


def looks_plural(word: str, vocabulary: Vocabulary) -> bool:
    """Whether an English word reads as a plural noun: "vehicles" (not "glass" or
    "status"), or one the data files list ("personnel")."""
    if word in vocabulary.plurals:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(NOT_PLURAL)


def _spans(tokens: list[re.Match[str]], vocabulary: Vocabulary) -> Iterator[tuple[Item, int, int]]:
    """Each item with the tokens it spans (first, and one past the last)."""
    index = 0
    while index < len(tokens):
        start = index
        match = tokens[index]
        word = (match.group("word") or "").lower()
        if match.group("number") is not None or word in vocabulary.number_words:
            item, index = _number(tokens, index, vocabulary)
            if item is not None:
                yield item, start, index
            continue
        if match.group("sign") is not None:
            sign = match.group("sign")
            index += 1
            if sign in vocabulary.currencies:
                yield Item("marker", "currency:" + vocabulary.currencies[sign]), start, index
            elif sign in vocabulary.percent:
                yield Item("marker", "percent"), start, index
            continue
        entity, length = _entity(tokens, index, vocabulary)
        if entity is not None:
            index += length
            yield entity, start, index
            continue
        item, length = _phrase(tokens, index, vocabulary)
        index += length
        if item is not None:
            yield item, start, index


def _words(tokens: list[re.Match[str]], start: int, count: int) -> list[str]:
    """The words of the `count` tokens from `start`, stopping at a number or sign."""
    words = []
    for match in tokens[start : start + count]:
        word = match.group("word")
        if word is None:
            break
        words.append(word)
    return words


def _entity(
    tokens: list[re.Match[str]], index: int, vocabulary: Vocabulary
) -> tuple[Item | None, int]:
    """The entity a name starting at `index` refers to, and how many tokens it spans."""
    knowledge = vocabulary.knowledge
    first = tokens[index].group("word")
    if knowledge is None or first is None:
        return None, 1
    first = first.lower().removesuffix("'s")
    most = knowledge.first_words.get(first) or knowledge.first_words.get(first.rstrip("."))
    if not most:
        return None, 1
    words = _words(tokens, index, most)
    for length in range(len(words), 0, -1):
        phrase = " ".join(words[:length]).removesuffix("'s")
        named = knowledge.lookup(phrase) or knowledge.lookup(phrase.rstrip("."))
        if named is not None and (length > 1 or named.source.kind != "group"):
            return Item("entity", named.entity.slug, information(phrase)), length
    return None, 1


def _phrase(
    tokens: list[re.Match[str]], index: int, vocabulary: Vocabulary
) -> tuple[Item | None, int]:
    """The longest vocabulary phrase at `index` (or the word there), and its length."""
    word = (tokens[index].group("word") or "").lower()
    if not word:
        return None, 1
    if word.endswith("n't"):
        return Item("marker", NEGATION), 1
    base, _, suffix = word.partition("'")
    if suffix in CLITICS:
        word = base  # "we're" is "we", "it's" is "it"
        if suffix == "ll":
            return Item("marker", MODAL), 1
    key = _word_stem(word)
    most = vocabulary.starts.get(key, 1)
    if most > 1:
        rest = [_word_stem(w.lower()) for w in _words(tokens, index + 1, most - 1)]
        for length in range(len(rest), 0, -1):
            meaning = vocabulary.phrases.get((key, *rest[:length]))
            if meaning is not None:
                return _meaning_item(meaning), length + 1
    meaning = vocabulary.phrases.get((key,))
    if meaning is not None:
        return _meaning_item(meaning), 1
    if len(key) < 2 or word in MONTHS:
        return None, 1
    original = tokens[index].group("word") or ""
    if index > 0 and original[:1].isupper():
        return Item("name", key, information(word)), 1  # a name the data files do not know
    return Item("term", key, information(word)), 1


def _word_stem(word: str) -> str:
    return stem(word.removesuffix("'s"))


def _meaning_item(meaning: str) -> Item | None:
    if meaning == STOP:
        return None
    if meaning.startswith("!"):
        return Item("marker", meaning)
    return Item("term", meaning, information(meaning))  # synonyms weigh alike


def _number(
    tokens: list[re.Match[str]], index: int, vocabulary: Vocabulary
) -> tuple[Item | None, int]:
    """A figure starting at `index`, with its scale word ("1.2 million"); years and days drop."""
    match = tokens[index]
    raw = match.group("number") or match.group("word")
    digits = raw.replace(",", "")
    if match.group("number") is None:
        value = vocabulary.number_words[raw.lower()]
    elif digits.replace(".", "", 1).isdigit():
        value = float(digits)
    else:
        return None, index + 1  # "1,2,3": not one number
    after = index + 1
    if match.group("ordinal"):
        return None, after
    previous = tokens[index - 1].group("word") if index > 0 else None
    if previous and previous.lower() in MONTHS:
        return None, after  # a day of the month
    next_word = (tokens[after].group("word") or "").lower() if after < len(tokens) else ""
    if next_word in vocabulary.scales:
        return Item("number", raw, value * vocabulary.scales[next_word]), after + 1
    if match.group("number") and "," not in raw and "." not in raw and 1800 <= value <= 2100:
        return None, after  # a year
    return Item("number", raw, value), after


def figures_of(items: list[Item]) -> Iterator[Figure]:
    """Each number with its unit: a currency or percent sign, else the next content word."""
    for position, item in enumerate(items):
        if item.kind != "number":
            continue
        before = items[position - 1] if position else None
        unit = None
        if before is not None and before.text.startswith("currency:"):
            unit = before.text.removeprefix("currency:")
        else:
            unit = _following_unit(items, position)
        if unit is not None:
            yield Figure(item.value, unit)


def _following_unit(items: list[Item], position: int) -> str | None:
    """The unit of the number at `position`: the first plural noun among the words right
    after it ("60 high water vehicles", "6,000 National Guard soldiers"), else the first
    content word within reach ("10,000 of the troops")."""
    first = None
    run = items[position].end  # where a word right after the number's phrase starts
    for reach, item in enumerate(items[position + 1 :]):
        if item.kind == "marker" and item.text == "percent":
            return "percent"
        if item.kind == "number" or (reach >= UNIT_REACH and item.start != run):
            break
        if item.kind == "term":
            if item.start == run and item.plural:
                return item.text
            first = first or item.text
        # After a stop word the words are no longer the number's own phrase.
        run = item.end if item.start == run else -1
    return first


def features_json(features: Features) -> str:
    """`features` as compact JSON, to store beside the claim."""
    terms = sorted(features.terms)
    data: dict[str, object] = {
        "t": terms,
        "w": [round(features.weights.get(term, DEFAULT_WEIGHT), 1) for term in terms],
    }
    if features.figures:
        data["f"] = [[figure.value, figure.unit] for figure in features.figures]
    if features.negative:
        data["n"] = 1
    if features.hedged:
        data["h"] = 1
    if features.actor:
        data["a"] = features.actor
    if features.target:
        data["g"] = features.target
    if features.period:
        data["p"] = list(features.period)
    if features.said_by:
        data["d"] = features.said_by
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def features_from_json(text: str) -> Features:
    """The features `features_json` stored."""
    data = json.loads(text)
    terms = [intern(term) for term in data["t"]]  # one copy of a word for all the claims
    weights = dict.fromkeys(terms, DEFAULT_WEIGHT)
    weights.update(zip(terms, data.get("w", ()), strict=False))
    return Features(
        terms=frozenset(terms),
        weights=weights,
        figures=tuple(Figure(float(value), str(unit)) for value, unit in data.get("f", ())),
        negative=bool(data.get("n")),
        hedged=bool(data.get("h")),
        actor=data.get("a"),
        target=data.get("g"),
        period=tuple(data["p"]) if "p" in data else None,  # type: ignore[arg-type]
        said_by=data.get("d"),
    )
