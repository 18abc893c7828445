"""The sentences of one synthetic article: attribution before and after the content,
"according to", back references, pronouns, quotations, several sources, tails, narration.

Each move writes one paragraph and counts the claims it should give; an article adds moves
until it reaches its planned number of claims (6 to 14, about 10 on average).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any

from app.synth import (
    Voice,
    World,
    count_word,
    earlier_day,
    invented_word,
    month_name,
    read_data,
)
from app.synth_stories import story_sentence

Paragraph = tuple[str, int]  # text, claims it should give


class ArticleWriter:
    """Writes one article's title and body around a topic, a cast of sources and countries."""

    def __init__(self, world: World, rng: random.Random, published: date) -> None:
        self.world, self.rng, self.published = world, rng, published
        self.topic: dict[str, Any] = world.topics.draw(rng)
        self.second_topic: dict[str, Any] = world.topics.draw(rng)
        self.countries = self._distinct_countries(3)
        self.cast = [self._voice() for _ in range(rng.randint(2, 5))]
        self.introduced: set[str] = set()
        self.last: Voice | None = None

    def title(self) -> str:
        """A headline about the article's main topic and countries."""
        return _capitalise(self._expand(self.rng.choice(self.world.grammar["headline"])))

    def body(self) -> str:
        """Paragraphs separated by blank lines, with a subheading about halfway."""
        target = self.rng.randint(6, 14)
        paragraphs: list[str] = []
        claims = 0
        moves = self._moves()
        while claims < target:
            move = self.rng.choices(list(moves), weights=list(moves.values()))[0]
            text, count = move()
            paragraphs.append(text)
            claims += count
            if len(paragraphs) == 3 and self.rng.random() < 0.5:
                paragraphs.append(self._subheading())
        return "\n\n".join(paragraphs)

    def _moves(self) -> dict[Callable[[], Paragraph], int]:
        return {
            self.before_content: 30,
            self.after_content: 10,
            self.according_to: 6,
            self.back_reference: 6,
            self.continuation: 8,
            self.quotation: 5,
            self.several_sources: 5,
            self.tail: 5,
            self.unknown_cue: 3,
            self.narration: 14,
            self.story: 12,
        }

    # Moves: each returns a paragraph and the number of claims it should give.

    def before_content(self) -> Paragraph:
        """ "Seoul said on Tuesday that ..."."""
        voice = self._speaker()
        cue = self._cue()
        return f"{self._subject(voice)} {cue}{self._when()} that {self._content()}.", 1

    def after_content(self) -> Paragraph:
        """ "..., the ministry said." """
        voice = self._speaker()
        name = voice.short if voice.subject in self.introduced else voice.subject.split(", ")[0]
        self._mark(voice)
        content = _capitalise(self._content())
        return f"{content}, {name} {self._cue()}{self._when()}.", 1

    def according_to(self) -> Paragraph:
        """ "According to Reuters, ..."."""
        voice = self._speaker()
        self._mark(voice)
        return f"According to {voice.subject.split(', ')[0]}, {self._content()}.", 1

    def back_reference(self) -> Paragraph:
        """ "<content>. This was stated on Friday by <name>, <role>." """
        voice = self._speaker()
        content = _capitalise(self._content())
        by = voice.subject if voice.subject not in self.introduced else voice.short
        self._mark(voice)
        return f"{content}. This was stated{self._when(always=True)} by {by}.", 1

    def continuation(self) -> Paragraph:
        """ "He added that ..." after a person; "The ministry also said that ..." after a body."""
        last = self.last
        if last is None:
            return self.before_content()
        who = last.pronoun.capitalize() if last.person else _capitalise(last.short)
        verb = self.rng.choice(["added", "also said", "further noted", "also warned"])
        return f"{who} {verb} that {self._content()}.", 1

    def quotation(self) -> Paragraph:
        """A quotation over several sentences, attributed after its first sentence."""
        voice = self._person()
        self._mark(voice)
        name = voice.subject.split(", ")[0]
        first, second, third = (_capitalise(self._content()) for _ in range(3))
        pronoun = voice.pronoun
        return f'"{first}," said {name}. "{second}. {third}," {pronoun} added.', 3

    def several_sources(self) -> Paragraph:
        """ "France, Germany and Poland insist that ..."."""
        names = [self._country_name(c) for c in self._distinct_countries(self.rng.randint(2, 4))]
        subject = ", ".join(names[:-1]) + " and " + names[-1]
        cue = self.rng.choice(self.world.plural_cues)
        return f"{_capitalise(subject)} {cue} that {self._content()}.", 1

    def tail(self) -> Paragraph:
        """ "<narration>, a move that analysts believe signals that <content>." """
        cues = read_data("cues.json")
        marker = self.rng.choice(cues["tail_markers"][:6])
        who = self.rng.choice(self.world.grammar["tail_subjects"])
        links = [c for c in cues["content_links"] if c.split()[0] not in ("is", "could")]
        link = self.rng.choice([c for c in links if c.split()[0].endswith("s")])  # "signals that"
        verb = self.rng.choice(["believe", "think", "suspect", "fear", "say"])
        content = _capitalise(self._content())
        return f"{content}, {marker} {who} {verb} {link} {self._content()}.", 2

    def unknown_cue(self) -> Paragraph:
        """An attribution verb the extractor does not know: read as narration."""
        voice = self._speaker()
        cue = self.rng.choice(self.world.grammar["unknown_cues"])
        return f"{self._subject(voice)} {cue}{self._when()} that {self._content()}.", 1

    def story(self) -> Paragraph:
        """A story many articles repeat: "<source> said that <assertion>", or its denial."""
        seed = self.world.stories.draw(self.rng)
        content, denial = story_sentence(self.world, self.rng, seed, self.published)
        if denial:
            return f"{_capitalise(content)}{self._when()}.", 1
        voice = self._speaker()
        return f"{self._subject(voice)} {self._cue()}{self._when()} that {content}.", 1

    def narration(self) -> Paragraph:
        """The article's own words, one or two sentences."""
        grammar = self.world.grammar
        sentences = [_capitalise(self._content())]
        if self.rng.random() < 0.4:
            sentences.append(_capitalise(self._expand(self.rng.choice(grammar["narration"]))))
        return " ".join(s + "." for s in sentences), len(sentences)

    # Parts of sentences.

    def _content(self) -> str:
        """A claim's content from the grammar of one of the article's topics."""
        topic = self.topic if self.rng.random() < 0.7 else self.second_topic
        templates = self.world.grammar["topics"][topic["slug"]]
        actor, target, third = self.rng.sample(self.countries, 3)
        keywords = self._keywords(topic)
        values = self._values(actor, target, third, keywords)
        return self._expand(self.rng.choice(templates), values)

    def _values(
        self, actor: dict[str, Any], target: dict[str, Any], third: dict[str, Any], kw: list[str]
    ) -> dict[str, str]:
        rng, published = self.rng, self.published
        return {
            "actor": self._country_name(actor),
            "target": self._country_name(target),
            "third": self._country_name(third),
            "actor_demonym": _demonym(actor),
            "target_demonym": _demonym(target),
            "keyword": rng.choice(kw) if kw else "weapons",
            "count": count_word(rng),
            "month": month_name(rng.randint(1, 12)),
            "year": str(published.year - rng.randint(0, 3)),
            "place": invented_word(rng, self.world.grammar["place_parts"]),
            "topic": str(self.topic["label"]).lower(),
        }

    def _expand(self, template: str, values: dict[str, str] | None = None) -> str:
        if values is None:
            actor, target, third = self.countries
            values = self._values(actor, target, third, self._keywords(self.topic))
        return self.world.expand(template, self.rng, values)

    def _keywords(self, topic: dict[str, Any]) -> list[str]:
        skip = self.world.grammar["keyword_skip"]
        return [k for k in topic["keywords"] if "*" not in k and k not in skip]

    def _subheading(self) -> str:
        return _capitalise(self._expand(self.rng.choice(self.world.grammar["subheading"])))

    def _when(self, always: bool = False) -> str:
        """When the source spoke, relative or absolute, or nothing."""
        rng, published = self.rng, self.published
        if not always and rng.random() < 0.3:
            return ""
        day = earlier_day(rng, published, 6)
        absolute = earlier_day(rng, published, 90)
        month = month_name(rng.randint(1, published.month - 1)) if published.month > 1 else ""
        choices = [
            f" on {day:%A}",
            f" on {day:%A}",
            f" in {month}" if month else " last month",
            " last month",
            " earlier this month",
            " earlier",
            " last week",
            f" on {absolute.day} {absolute:%B %Y}",
            " yesterday",
            " this week",
        ]
        return rng.choice(choices)

    def _cue(self) -> str:
        return self.rng.choice(self.world.cues[self.world.stance(self.rng)])

    def _speaker(self) -> Voice:
        """Mostly a voice of the article's cast, the first most; sometimes a new one."""
        if self.rng.random() < 0.15:
            voice = self._voice()
            self.cast.append(voice)
        else:
            weights = [1 / (rank + 1) for rank in range(len(self.cast))]
            voice = self.rng.choices(self.cast, weights=weights)[0]
        return voice

    def _person(self) -> Voice:
        people = [voice for voice in self.cast if voice.person]
        if people:
            return self.rng.choice(people)
        voice = self._official(self.world.countries.draw(self.rng))
        self.cast.append(voice)
        return voice

    def _subject(self, voice: Voice) -> str:
        """The full name and role the first time, the short name after."""
        words = voice.short if voice.subject in self.introduced else voice.subject
        if words == voice.subject and ", " in words:
            words += ","  # the appositive closes: "Anna Kowalczyk, a senior fellow, said"
        self._mark(voice)
        return _capitalise(words)

    def _mark(self, voice: Voice) -> None:
        self.introduced.add(voice.subject)
        self.last = voice

    def _voice(self) -> Voice:
        """A new voice: a country's state body or official, an invented or a known source."""
        kind = self.rng.choices(["state", "official", "invented", "known"], [35, 15, 35, 15])[0]
        if kind == "invented":
            return self.world.invented.draw(self.rng)  # type: ignore[no-any-return]
        if kind == "known":
            return self.world.known.draw(self.rng)  # type: ignore[no-any-return]
        country = self.world.countries.draw(self.rng)
        return self._official(country) if kind == "official" else self._state_body(country)

    def _state_body(self, country: dict[str, Any]) -> Voice:
        values = self._country_values(country)
        subject = self.world.expand("{state_body}", self.rng, values)
        short = next(
            (ref for ref in self.world.grammar["state_body_reference"] if ref[4:] in subject),
            subject,
        )
        return Voice(subject, short, "it")

    def _official(self, country: dict[str, Any]) -> Voice:
        first = self.rng.choice(["he", "she"])
        name = f"{self.rng.choice(self.world.grammar['first_names'][first])} " + invented_word(
            self.rng, self.world.grammar["surname_parts"]
        )
        role = self.world.expand("{official_role}", self.rng, self._country_values(country))
        return Voice(f"{name}, {role}", name.split()[-1], first)

    def _country_values(self, country: dict[str, Any]) -> dict[str, str]:
        return {
            "country": self._country_name(country, capital=False),
            "demonym": _demonym(country),
            "capital": country["capital"],
        }

    def _country_name(self, country: dict[str, Any], capital: bool = True) -> str:
        """The country's name ("the United States"), sometimes its capital ("Washington")."""
        if capital and self.rng.random() < 0.25:
            return str(country["capital"])
        name = str(country["name"])
        return f"the {name}" if name in self.world.grammar["the_countries"] else name

    def _distinct_countries(self, count: int) -> list[dict[str, Any]]:
        chosen: list[dict[str, Any]] = []
        while len(chosen) < count:
            country = self.world.countries.draw(self.rng)
            if country not in chosen:
                chosen.append(country)
        return chosen


def _demonym(country: dict[str, Any]) -> str:
    return str(country["demonyms"][0]) if country["demonyms"] else str(country["name"])


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
