"""The words grouping knows: synonyms, stop words, negation, denial, modality and numbers.

Read from `data/stories.json`; attribution verbs come from `data/cues.json` and names of
countries and organisations from `data/entities.json`, both through the extraction
knowledge loader. Every word and phrase is stemmed the way claim text is, so the data
file lists base forms.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import snowballstemmer

from app.extraction.knowledge import Knowledge, load_knowledge

DATA_FILE = Path(__file__).resolve().parents[2] / "data" / "stories.json"
STOP, NEGATION, DENIAL, MODAL = "", "!not", "!deny", "!maybe"  # what a phrase stands for
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|[$€£%]")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word (cached: news reuses its words)."""
    return str(_STEMMER.stemWord(word))


def stems(phrase: str) -> tuple[str, ...]:
    """A phrase as the tuple of stems grouping compares."""
    return tuple(stem(word) for word in WORD.findall(phrase.lower().replace("’", "'")))


# How telling a word is: its rarity in English, as wordfreq's Zipf frequency (log10 of
# occurrences per billion words: 'the' 7.7, 'support' 5.5, 'declaration' 4.1, 'stingy'
# 3.0), turned around and bounded: a rare word shared says more than a common one.
INFORMATION_CEILING = 8.0
LEAST_WEIGHT, MOST_WEIGHT = 1.0, 6.0
DEFAULT_WEIGHT = 3.0  # a term stored without a weight


@lru_cache(maxsize=200_000)
def information(phrase: str) -> float:
    """How telling `phrase` (a word or a name) is, from 1 (common) to 6 (rare or unknown)."""
    from wordfreq import zipf_frequency  # reads its word list on first use

    zipf = zipf_frequency(phrase.lower().replace("’", "'"), "en")
    return round(min(max(INFORMATION_CEILING - zipf, LEAST_WEIGHT), MOST_WEIGHT), 1)


@dataclass
class Vocabulary:
    """Phrases (as stem tuples) and what each stands for, plus number words."""

    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    longest: int = 1
    starts: dict[str, int] = field(default_factory=dict)  # first stem -> longest phrase from it
    number_words: dict[str, float] = field(default_factory=dict)
    scales: dict[str, float] = field(default_factory=dict)
    currencies: dict[str, str] = field(default_factory=dict)
    percent: frozenset[str] = frozenset()
    plurals: frozenset[str] = frozenset()  # plural nouns without an -s ("personnel")
    actions: dict[str, str] = field(default_factory=dict)  # synonym -> kind of event
    knowledge: Knowledge | None = None

    def add(self, phrase: str, meaning: str, replace: bool = False) -> None:
        """Let `phrase` stand for `meaning` (a canonical word or a marker)."""
        key = stems(phrase)
        if not key:
            return
        if replace or key not in self.phrases:
            self.phrases[key] = meaning
        self.longest = max(self.longest, len(key))
        self.starts[key[0]] = max(self.starts.get(key[0], 1), len(key))


@cache
def load_vocabulary(data_file: Path = DATA_FILE) -> Vocabulary:
    """Read the vocabulary (cached: the data files do not change while a process runs)."""
    data: dict[str, Any] = json.loads(data_file.read_text(encoding="utf-8"))
    knowledge = load_knowledge()
    vocabulary = Vocabulary(knowledge=knowledge)
    for word in data["stopwords"]:
        vocabulary.add(word, STOP)
    for cue, stance in knowledge.cues.items():
        vocabulary.add(cue, DENIAL if stance == "denied" else STOP, replace=True)
    for word in data["denials"]:
        vocabulary.add(word, DENIAL, replace=True)
    for word in data["negations"]:
        vocabulary.add(word, NEGATION, replace=True)
    for word in data["modals"]:
        vocabulary.add(word, MODAL, replace=True)
    for canonical, forms in data["synonyms"].items():
        for form in [canonical, *forms]:
            vocabulary.add(form, canonical, replace=True)
    vocabulary.number_words = {key: float(value) for key, value in data["number_words"].items()}
    vocabulary.scales = {key: float(value) for key, value in data["scales"].items()}
    vocabulary.currencies = dict(data["currencies"])
    vocabulary.percent = frozenset(data["percent_words"])
    vocabulary.plurals = frozenset(data["plural_words"]["words"])
    vocabulary.actions = {
        word: kind
        for kind, words in data["actions"].items()
        if not kind.startswith("_")
        for word in words
    }
    return vocabulary
