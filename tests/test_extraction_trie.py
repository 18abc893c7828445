"""Word-list patterns built as tries match what a plain alternation of the words matches."""

from __future__ import annotations

import re

from app.extraction.knowledge import load_knowledge
from app.extraction.trie import trie_pattern, whole_words
from tests.extraction_reading import every_sentence

CUES = ["accuse", "accused", "accuses", "accusing", "add", "added", "adds", "admit", "say"]


def test_a_trie_matches_the_longest_word_first_and_ends_in_a_class() -> None:
    pattern = trie_pattern(CUES)
    assert pattern == "(?:a(?:ccus(?:e[ds]?|ing)|d(?:d(?:ed|s)?|mit))|say)"
    words = re.compile(rf"\b(?:{pattern})\b")
    assert [m.group(0) for m in words.finditer("She accused him; he adds, admits nothing")] == [
        "accused",
        "adds",
    ]


def test_whole_words_match_as_the_plain_alternation_does_on_every_sentence() -> None:
    """Over every sentence of the repository's articles, the cue words as a trie with its
    first-letter look match the same places as the words one after another."""
    cues = sorted(load_knowledge().cues, key=len, reverse=True)
    plain = re.compile(r"\b(?:{})\b".format("|".join(map(re.escape, cues))), re.IGNORECASE)
    trie = re.compile(whole_words(cues), re.IGNORECASE)
    matched = 0
    for text in every_sentence():
        spans = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in trie.finditer(text)] == spans, text
        matched += len(spans)
    assert matched > 1000


def test_no_words_match_nothing() -> None:
    assert re.search(whole_words([]), "any text at all") is None
