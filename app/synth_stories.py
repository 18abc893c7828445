"""Stories in the synthetic corpus: assertions that many articles repeat.

Each story is one assertion (who sent or supplied what to whom) that articles repeat in
different words (`story_templates` of data/synth.json), with a figure that grows over
time from where it started, and that the actor sometimes denies. Stories are drawn by a
Zipf law, so a few are repeated by thousands of articles and most by a few.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.synth import World

STORIES = 20_000  # the pool; a prefix of the corpus never depends on its size
DENIAL_SHARE = 0.12  # of a story's mentions, those that are the actor denying it
FIRST_DAY = date(2020, 1, 1)


@dataclass(frozen=True)
class StorySeed:
    """One repeated assertion: its kind, who does it to whom, with what, from what figure."""

    kind: str  # troops | weapons | oil | aid
    actor: dict[str, Any]  # a country of entities.json
    target: dict[str, Any]
    weapon: str
    start: int  # the figure on the corpus's first day
    growth: float  # how much it grows per year (0: it never changes)

    def figure(self, on: date) -> str:
        """The figure as an article of `on` gives it, rounded as news rounds."""
        years = (on - FIRST_DAY).days / 365
        value = self.start * (1 + self.growth * years)
        step = 10 ** max(len(str(int(value))) - 2, 0)
        return f"{int(round(value / step) * step):,}"


def story_pool(world: World, rng: random.Random) -> list[StorySeed]:
    """The corpus's stories, the same for a seed."""
    grammar = world.grammar
    kinds = sorted(grammar["story_templates"])
    seeds = []
    for _ in range(STORIES):
        kind = rng.choice(kinds)
        actor = world.countries.draw(rng)
        target = world.countries.draw(rng)
        while target is actor:
            target = world.countries.draw(rng)
        low, high = grammar["story_figures"][kind]
        start = int(10 ** rng.uniform(len(str(low)) - 1, len(str(high)) - 1))
        growth = rng.choice([0.0, 0.0, 0.1, 0.3, 0.6])
        seeds.append(
            StorySeed(kind, actor, target, rng.choice(grammar["story_weapons"]), start, growth)
        )
    return seeds


def story_sentence(world: World, rng: random.Random, seed: StorySeed, on: date) -> tuple[str, bool]:
    """One article's wording of a story (a denial or not), and whether it is a denial."""
    grammar = world.grammar
    denial = rng.random() < DENIAL_SHARE
    templates = grammar["story_denials" if denial else "story_templates"][seed.kind]
    values = {
        "actor": _name(world, rng, seed.actor),
        "target": _name(world, rng, seed.target),
        "actor_demonym": _demonym(seed.actor),
        "figure": seed.figure(on),
        "weapon": seed.weapon,
    }
    return world.expand(rng.choice(templates), rng, values), denial


def _name(world: World, rng: random.Random, country: dict[str, Any]) -> str:
    if rng.random() < 0.3:
        return str(country["capital"])
    name = str(country["name"])
    return f"the {name}" if name in world.grammar["the_countries"] else name


def _demonym(country: dict[str, Any]) -> str:
    return str(country["demonyms"][0]) if country["demonyms"] else str(country["name"])
