"""What an article has said so far: who spoke, which bodies were named, where it was filed.

Later sentences point back into this: "He added", "Rutte said", "the minister", "the
group", "It says", and roles such as "Interior Minister" that name no country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from app.extraction.knowledge import Named
from app.extraction.model import DatePoint, SourceRef, Speaker
from app.extraction.register import Person, Register

# A role of up to six words, perhaps a comma, then a full name that contains the surname:
# "Djibouti's foreign minister, Mahmoud Ali Youssouf", "Chad's Moussa Faki Mahamat".
RECENT_REACH = 600  # characters within which "he said" still means the one who just spoke
INTRODUCTION_REACH = 3000  # characters back in which a person's introduction is looked for
INTRODUCTION = (
    r"(?P<who>(?:[\w'’-]+ ){{0,5}}?(?:[\w'’-]+, )?(?:[A-ZÀ-Þ][\w'’-]+ ){{1,3}}?{name}"
    r"(?: [A-ZÀ-Þ][\w'’-]+){{0,2}})\b"
)
INTRODUCTION_WORDS = 5 + 1 + 3  # the most words, each ending in a space, before the name


@dataclass(frozen=True)
class Attribution:
    """Who a claim is attributed to, and when they said it (None when not stated)."""

    sources: tuple[SourceRef, ...]
    speaker: Speaker | None = None
    said_on: DatePoint | None = None
    subject: str = ""  # the words that named the source, for "the ministry" later on
    personal: bool = False  # a person spoke, even unnamed ("a spokesperson"): "he" can follow


@dataclass
class Context:
    """The memory of one article, sentence by sentence."""

    recent: list[Attribution] = field(default_factory=list)
    home: Named | None = None  # the country the story is filed from, when a dateline says
    publisher_state: SourceRef | None = None  # the state whose own publication this is
    opening: SourceRef | None = None  # the body the previous sentence opened with
    current: SourceRef | None = None  # the body the sentence being read opens with
    current_words: str = ""  # the words that named it
    bodies: list[SourceRef] = field(default_factory=list)  # every body named so far, in order
    # every body that spoke (True) or was named (False), in the order the text has them
    seen: list[tuple[SourceRef, bool]] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)  # states named so far
    article_countries: Counter[str] = field(default_factory=Counter)  # in the whole article
    by_slug: dict[str, SourceRef] = field(default_factory=dict)
    # the source a clause already named ("Polish officials rejected ..., with Minister X
    # saying"): a title with no country of its own speaks for it
    hint: SourceRef | None = None
    scene: SourceRef | None = None  # the state a sentence's lead places it in ("In Syria, ...")
    published: str = ""  # the article's publication day (ISO), for roles held at the time
    body: str = ""  # the article's body, and where in it the sentence being read starts
    position: int = 0
    previous: int = 0  # where the sentence before it starts
    register: Register = field(default_factory=Register)  # the article's people
    spoken_at: dict[int, int] = field(default_factory=dict)  # attribution -> where it was read
    research: tuple[SourceRef, ...] = ()  # who did the study the article reports, if it says
    in_sentence: list[SourceRef] = field(default_factory=list)  # bodies the sentence names
    acronyms: dict[str, str] = field(default_factory=dict)  # "TNC" -> "The Nature Conservancy"
    # the people and states the last sentence that named several people named: whom
    # "participants" and a "they" with no speaker before it are
    gathering: tuple[list[Person], list[SourceRef]] = ([], [])

    def remember(self, attribution: Attribution) -> None:
        self.recent.append(attribution)
        self.seen.extend((source, True) for source in attribution.sources)
        self.spoken_at[id(attribution)] = self.position

    def spoken_since(self, attribution: Attribution, at: int) -> bool:
        """Whether an attribution was read at or after an offset of the text."""
        spoken = self.spoken_at.get(id(attribution))
        return spoken is not None and spoken >= at

    def recently(self, attribution: Attribution) -> bool:
        """Whether an attribution was read in the last few hundred characters of text."""
        at = self.spoken_at.get(id(attribution))
        return at is not None and self.position - at <= RECENT_REACH

    def saw(self, bodies: list[SourceRef], opening: SourceRef | None) -> None:
        """Record the bodies a sentence named, and the one it opened with."""
        self.opening, self.current = opening, None
        for source in bodies:
            self.bodies.append(source)
            self.seen.append((source, False))
            if source.kind == "government":
                self.countries[source.slug] += 1
                self.by_slug[source.slug] = source

    def body_named(
        self, words: list[str], qualifiers: frozenset[str] = frozenset()
    ) -> SourceRef | None:
        """The latest body whose name has one of these words ("the authority") and every
        qualifier ("the unification ministry" is no "Defense Ministry" named before)."""
        wanted = {w for w in words if len(w) > 3}
        for attribution in reversed(self.recent):  # "Brazil's central bank said ... the bank's"
            said = set(attribution.subject.lower().split())
            if _head_noun(attribution.subject) in wanted and qualifiers <= said:
                return attribution.sources[0]
        for source in reversed([s for a in self.recent for s in a.sources] + self.bodies):
            label = {w.lower() for w in source.label.split()}
            if wanted & label and qualifiers <= label:
                return source
            if source.kind == "organisation" and not qualifiers:
                # "the agency" after "the U.N. refugee agency (UNHCR)": a known body by
                # the words of one of its names
                names = {w.lower() for alias in source.aliases for w in alias.split()}
                if wanted & names:
                    return source
        return None

    def last(self, person: bool) -> Attribution | None:
        """The last speaker ("he", "she") or the last attribution of any kind ("they")."""
        for attribution in reversed(self.recent):
            if attribution.speaker or attribution.personal or not person:
                return attribution
        return None

    def last_body(self, kinds: tuple[str, ...], spoken: bool = False) -> SourceRef | None:
        """The body of one of these kinds that spoke most recently, else (unless `spoken`)
        the one named most recently."""
        for attribution in reversed(self.recent):
            for source in attribution.sources:
                if source.kind in kinds and not self._a_person(source):
                    return source
        if spoken:
            return None
        for source in reversed(self.bodies):
            if source.kind in kinds:
                return source
        return None

    def _a_person(self, source: SourceRef) -> bool:
        """Whether a source is a person filed under their own name (no body was found)."""
        person = self.register.named(source.label) if source.kind == "unresolved" else None
        described = person is not None and bool(person.roles or person.gender)
        return described and person.name == source.label  # type: ignore[union-attr]

    def full_name(self, source: SourceRef, body_words: frozenset[str] = frozenset()) -> SourceRef:
        """ "Halvorsen" for "Halvorsen Air", "Rovers" for "Dunmore Rovers": an unknown body
        named short after it was named in full is the same body."""
        if source.kind != "unresolved":
            return source
        words = source.label.lower().split()
        for earlier, _ in reversed(self.seen):
            if earlier.kind == "organisation" and len(words) <= 2:
                # "Panel Chairman Rajendra Pachauri" after "the Intergovernmental Panel on
                # Climate Change": a known body named short by a word of its name
                names = [a.lower().split() for a in earlier.aliases]
                if any(len(n) > len(words) and _within(words, n) for n in names):
                    return earlier
            label = earlier.label.lower().split()
            longer = earlier.kind == "unresolved" and len(label) > len(words)
            same = _within(words, label) and not _owner_of(words, label)
            if (
                longer
                and same
                and not self._names_a_person(label)
                and not _person_of(label, words, body_words)
            ):
                return earlier
        return source

    def _names_a_person(self, label: list[str]) -> bool:
        """ "Education Stefania Giannini" was a person's name read as a body's."""
        return any(len(p.parts) > 1 and _within(p.parts, label) for p in self.register.people)

    def home_country(self) -> SourceRef | None:
        """The story's own country: from the dateline, else the one clearly named most."""
        if self.hint and self.hint.kind == "government":
            return self.hint
        if self.scene is not None:
            return self.scene  # "In Syria, the health ministry said ...": that state's
        if self.home and self.home.source.kind == "government":
            return self.home.source
        for counts in (self.countries, self.article_countries):  # so far, then the whole text
            ranked = counts.most_common(2)
            if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
                return self.by_slug[ranked[0][0]]
        return None

    def count_countries(self, states: list[SourceRef]) -> None:
        """The states the whole article names, read before its claims."""
        for source in states:
            self.article_countries[source.slug] += 1
            self.by_slug[source.slug] = source

    def introduction(self, surname: str) -> str | None:
        """The words that introduced a person first named in narration ("Djibouti's foreign
        minister, Mahmoud Ali Youssouf"), found by one of their names."""
        before = self.body[max(0, self.position - INTRODUCTION_REACH) : self.position]
        first = before.find(surname)
        if first < 0:
            return None  # the pattern holds the name: without it, it would try every word
        # an introduction is at most INTRODUCTION_WORDS words before the name: no match
        # starts before the space that many words before its first mention
        start = first
        for _ in range(INTRODUCTION_WORDS + 1):
            start = before.rfind(" ", 0, start) if start > 0 else -1
        pattern = re.compile(INTRODUCTION.format(name=re.escape(surname)))
        match = pattern.search(before, max(start, 0))
        return match.group("who").strip(" ,") if match else None

    def said_on_of(self, attribution: Attribution) -> DatePoint | None:
        """When the same speaker last spoke in this article ("also added" takes their date)."""
        if attribution.said_on:
            return attribution.said_on
        for earlier in reversed(self.recent):
            if attribution.speaker and earlier.speaker:
                if earlier.speaker.name == attribution.speaker.name:
                    return earlier.said_on
            elif not attribution.speaker and earlier.sources == attribution.sources:
                return earlier.said_on  # "the central bank said on Wednesday ... It said"
        return None

    def by_name(self, words: str) -> Attribution | None:
        """An earlier speaker named again in full or by surname, or a body by its common noun.

        "Rutte" and "Mark Rutte" find Mark Rutte; "the minister" finds the last speaker
        whose role has that word; "the ministry" finds the last source named with it.
        """
        key = words.lower().removeprefix("the ").strip()
        common_noun = len(key.split()) == 1 and (
            words.strip()[:1].islower() or words.lower().startswith("the ")
        )
        for attribution in reversed(self.recent):
            speaker = attribution.speaker
            if speaker and key in (speaker.name.lower(), *_name_parts(speaker.name)):
                return attribution
            if not common_noun:
                continue
            if speaker and speaker.role and key in speaker.role.lower().split():
                return attribution
            if key in attribution.subject.lower().split():
                return replace(attribution, speaker=None)
        return None


def _owner_of(words: list[str], label: list[str]) -> bool:
    """Whether `words` open `label` as the owner of a body named by what it is "of" or
    "for": "Connecticut" in "Connecticut Department of Emergency Services" is the state,
    not its department ("Nordwind" in "Nordwind Airways" is the airline)."""
    rest = label[len(words) :]
    return label[: len(words)] == words and len(rest) >= 3 and rest[1] in ("of", "for")


def _person_of(label: list[str], words: list[str], body_words: frozenset[str]) -> bool:
    """ "Kate Hutton of the California Institute of Technology": a person of the body, two
    name words and "of" before it, read as one name; no longer name of the body."""
    prefix = label[: len(label) - len(words)]
    if label[len(prefix) :] != words or prefix[-2:] != ["of", "the"] and prefix[-1:] != ["of"]:
        return False
    name = prefix[: -2 if prefix[-1] == "the" else -1]
    return len(name) == 2 and all(w.isalpha() and w.capitalize() not in body_words for w in name)


def _within(words: list[str], label: list[str]) -> bool:
    """Whether `words` run in order inside `label` ("nordwind" in "nordwind airways")."""
    return any(label[i : i + len(words)] == words for i in range(len(label) - len(words) + 1))


def _head_noun(phrase: str) -> str:
    """ "Officials in the ministry" -> "officials"; "Brazil's central bank" -> "bank"."""
    head = re.split(r"\s+(?:in|of|at|for|from|with|on)\s+", phrase.lower().strip(" ,"))[0]
    words = head.split()
    return words[-1].strip(",.") if words else ""


def _name_parts(name: str) -> tuple[str, str]:
    parts = name.lower().split()
    return parts[0], parts[-1]
