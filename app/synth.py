"""Synthetic news articles for scale tests, in the article JSON format of docs/claims.md.

The corpus is reproducible for a seed and streamed one article at a time. Its sources
follow a Zipf law (a few very frequent, many rare), many of them invented and unknown to
the data files; its cue verbs come from `data/cues.json`, its topics from
`data/topics.json`, and its word lists and sentence grammar from `data/synth.json`.
"""

from __future__ import annotations

import calendar
import json
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from tqdm import tqdm

from app.articles import article_slug

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
FIRST_DAY, LAST_DAY = date(2020, 1, 1), date(2026, 10, 31)
INVENTED_VOICES = 30_000  # invented experts, think tanks, newspapers and local officials
PROGRESS_THRESHOLD = 1_000  # show a progress bar when writing more articles than this
SLOT = re.compile(r"\{(\w+)\}")
COUNT_WORDS = ["two", "three", "four", "six", "eight", "ten", "twelve", "18"]

ArticleDict = dict[str, str | None]


class SynthError(Exception):
    """The corpus cannot be written where asked."""


@dataclass(frozen=True)
class Voice:
    """A source as an article writes it: how to name it, refer back to it, and its pronoun."""

    subject: str  # "Anna Kowalczyk, a senior fellow at ...", "Poland's defence ministry"
    short: str  # "Kowalczyk", "the ministry": how a later sentence names it again
    pronoun: str  # "he", "she" or "it"

    @property
    def person(self) -> bool:
        return self.pronoun in ("he", "she")


@dataclass(frozen=True)
class Zipf:
    """Items drawn with probability proportional to 1 / rank ** exponent."""

    items: Sequence[Any]
    cumulative: list[float]

    @classmethod
    def over(cls, items: Sequence[Any], exponent: float = 1.0) -> Zipf:
        weights = (1 / (rank + 1) ** exponent for rank in range(len(items)))
        return cls(items, list(accumulate(weights)))

    def draw(self, rng: random.Random) -> Any:
        return rng.choices(self.items, cum_weights=self.cumulative)[0]


@dataclass
class World:
    """What the whole corpus shares: grammar, countries, voices, cues and topics."""

    grammar: dict[str, Any]
    countries: Zipf  # of dicts from entities.json, the prominent first
    invented: Zipf  # of Voice
    known: Zipf  # of Voice: organisations, outlets, groups and people of the data files
    topics: Zipf  # of dicts from topics.json, in the file's order
    cues: dict[str, list[str]]  # stance -> past-tense forms that take "that ..."
    plural_cues: list[str]  # "insist", "claim": for "France and Poland insist that"
    stances: list[str] = field(default_factory=list)
    stance_weights: list[int] = field(default_factory=list)

    def expand(self, template: str, rng: random.Random, values: dict[str, str]) -> str:
        """Fill every {slot} from `values`, else from a grammar list (expanded in turn)."""

        def fill(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in values:
                return values[name]
            if name == "n":
                return rng.choice([str(rng.randint(2, 60)), f"{rng.randint(2, 150) * 100:,}"])
            return self.expand(rng.choice(self.grammar[name]), rng, values)

        text = SLOT.sub(fill, template)
        return re.sub(r"\s+([,.])", r"\1", re.sub(r"\s{2,}", " ", text)).strip()

    def stance(self, rng: random.Random) -> str:
        return rng.choices(self.stances, weights=self.stance_weights)[0]


def generate_articles(count: int, seed: int = 0) -> Iterator[ArticleDict]:
    """Yield `count` article dicts; the same seed always gives the same articles."""
    world = build_world(seed)
    for index in range(count):
        yield write_article(world, random.Random(f"{seed}/article/{index}"), index)


def write_corpus(articles: Iterable[ArticleDict], folder: Path, total: int) -> int:
    """Write each article as `<slug>.json` into a new or empty `folder`; return the count."""
    _check_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    quiet = total <= PROGRESS_THRESHOLD
    for article in tqdm(articles, total=total, unit="article", disable=quiet):
        text = json.dumps(article, ensure_ascii=False, indent=2) + "\n"
        (folder / f"{article['slug']}.json").write_text(text, encoding="utf-8")
        written += 1
    return written


def _check_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise SynthError(f"{folder}: exists and is not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise SynthError(f"{folder}: folder is not empty; choose a new or empty one")


@cache
def read_data(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def build_world(seed: int) -> World:
    """The corpus-wide pools for `seed`: the same seed, the same sources and weights."""
    rng = random.Random(f"{seed}/world")
    grammar, entities = read_data("synth.json"), read_data("entities.json")
    world = World(
        grammar=grammar,
        countries=Zipf.over(_ranked_countries(rng, entities, grammar), 1.1),
        invented=Zipf.over([]),
        known=Zipf.over(_known_voices(rng, entities)),
        topics=Zipf.over(read_data("topics.json")["topics"], 1.2),
        cues=_past_cues(grammar),
        plural_cues=_plural_cues(),
    )
    world.stances = list(grammar["stance_weights"])
    world.stance_weights = list(grammar["stance_weights"].values())
    world.invented = Zipf.over([_invented_voice(world, rng) for _ in range(INVENTED_VOICES)])
    return world


def _ranked_countries(
    rng: random.Random, entities: dict[str, Any], grammar: dict[str, Any]
) -> list[dict[str, Any]]:
    """The prominent countries first, then the rest in an order fixed by the seed."""
    by_name = {country["name"]: country for country in entities["countries"]}
    prominent = [by_name[name] for name in grammar["prominent_countries"]]
    rest = [c for c in entities["countries"] if c["name"] not in grammar["prominent_countries"]]
    rng.shuffle(rest)
    return prominent + rest


def _known_voices(rng: random.Random, entities: dict[str, Any]) -> list[Voice]:
    bodies = [
        Voice(item["label"], item["label"], "it" if section != "groups" else "they")
        for section in ("organisations", "outlets", "groups")
        for item in entities[section]
    ]
    people = [
        Voice(f"{p['name']}, {p['role']}", p["name"].split()[-1], "he")
        for p in read_data("people.json")
    ]
    voices = bodies + people
    rng.shuffle(voices)
    return voices


def _past_cues(grammar: dict[str, Any]) -> dict[str, list[str]]:
    """Per stance, the cue forms of cues.json that read "<subject> <cue> that <content>"."""
    skip = set(grammar["needs_object"])
    irregular = {"said", "wrote", "thought", "told"}
    return {
        stance: [
            form
            for form in forms
            if form not in skip and (form.split()[0].endswith("ed") or form in irregular)
        ]
        for stance, forms in read_data("cues.json")["stances"].items()
    }


def _plural_cues() -> list[str]:
    forms = {form for forms in read_data("cues.json")["stances"].values() for form in forms}
    return sorted(form for form in forms if " " not in form and form + "s" in forms)


def _invented_voice(world: World, rng: random.Random) -> Voice:
    kind = rng.choices(["expert", "think_tank", "newspaper", "local"], [4, 3, 2, 2])[0]
    if kind in ("think_tank", "newspaper"):
        # "the Velgrad Institute" keeps its lowercase "the" inside a sentence.
        name = world.expand(f"{{{kind}}}", rng, _place_values(world, rng))
        return Voice(name, name, "it")
    person, pronoun = _person_name(world, rng)
    role = world.expand(f"{{{kind}_role}}", rng, _place_values(world, rng))
    return Voice(f"{person}, {role}", person.split()[-1], pronoun)


def _place_values(world: World, rng: random.Random) -> dict[str, str]:
    return {
        "place": invented_word(rng, world.grammar["place_parts"]),
        "surname": _surname(world, rng),
    }


def invented_word(rng: random.Random, parts: dict[str, list[str]]) -> str:
    """A plausible proper name from syllables: "Kolvenburg", "Marenko"."""
    return rng.choice(parts["start"]) + rng.choice(parts["end"])


def _surname(world: World, rng: random.Random) -> str:
    return invented_word(rng, world.grammar["surname_parts"])


def _person_name(world: World, rng: random.Random) -> tuple[str, str]:
    pronoun = rng.choice(["he", "she"])
    return f"{rng.choice(world.grammar['first_names'][pronoun])} {_surname(world, rng)}", pronoun


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def write_article(world: World, rng: random.Random, index: int) -> ArticleDict:
    """One article: a title, a publisher and a body of about ten claims."""
    from app.synth_text import ArticleWriter  # the sentence grammar, kept apart for size

    published = FIRST_DAY + timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
    writer = ArticleWriter(world, rng, published)
    title = writer.title()
    slug = f"{article_slug(title)[:70].rstrip('-')}-{index + 1}"
    publisher = _publisher(world, rng)
    domain = re.sub(r"[^a-z]", "", publisher.lower().removeprefix("the "))
    suffix = rng.choice(world.grammar["domains"])
    return {
        "slug": slug,
        "title": title,
        "publisher": publisher,
        "url": f"https://www.{domain}{suffix}.com/{published:%Y/%m/%d}/{slug}",
        "published": published.isoformat(),
        "language": "en",
        "body": writer.body(),
    }


def _publisher(world: World, rng: random.Random) -> str:
    if rng.random() < 0.3:
        return str(rng.choice(read_data("entities.json")["outlets"])["label"])
    # A few hundred invented newspapers, the same for every seed's world of this size.
    papers = random.Random(rng.randint(0, 300))
    return _capitalise(world.expand("{newspaper}", papers, _place_values(world, papers)))


def month_name(month: int) -> str:
    return calendar.month_name[month]


def count_word(rng: random.Random) -> str:
    return rng.choice(COUNT_WORDS)


def earlier_day(rng: random.Random, published: date, most: int) -> date:
    return published - timedelta(days=rng.randint(1, most))
