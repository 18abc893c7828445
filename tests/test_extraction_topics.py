"""Topics: a claim gets every topic one of whose keywords occurs in its words
(data/topics.json), found by one scan of every topic's stems."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.extraction.knowledge import DATA_DIR, load_knowledge
from tests.extraction_reading import every_sentence


def slugs(text: str) -> list[str]:
    return [ref.slug for ref in load_knowledge().topics.found_in(text)]


def test_keywords_that_overlap_give_each_their_topic() -> None:
    # "air defense" (arms transfers) and "defense agreement" (defence pact) share a word
    assert slugs("The two sides signed an air defense agreement on Monday.") == [
        "arms-transfers",
        "defence-pact",
    ]


def test_a_keyword_matches_at_word_starts_only_and_stars_take_any_ending() -> None:
    assert slugs("The farms were flooded.") == []  # "arms" inside a word
    assert slugs("Troops were redeployed.") == ["troop-deployment"]  # "troops"
    assert slugs("Officials said they would redeploy staff.") == []  # "deploy*" mid-word
    assert slugs("Moscow is deploying more units.") == ["troop-deployment"]  # "deploy*"
    assert slugs("A missile programme was expanded.") == ["nuclear-and-missile-technology"]
    assert slugs("OIL PRICES rose as SANCTIONS bit.") == ["oil-and-economic-aid", "sanctions"]


def test_a_letter_that_lowercases_to_two_moves_no_keyword() -> None:
    # "İ" is two characters in lower case: every word after it is one place further on
    assert slugs("İSTANBUL İS hosting talks on grain.") == ["oil-and-economic-aid", "diplomacy"]
    assert slugs("İzmir farms reopened.") == []


def test_every_sentence_gets_the_topics_whose_own_pattern_matches() -> None:
    """The one scan names the same topics as trying every topic's pattern on its own."""
    knowledge = load_knowledge()
    texts = every_sentence()
    assert len(texts) > 1000
    for text in texts:
        each = [t.ref.slug for t in knowledge.topics.topics if t.pattern.search(text)]
        assert slugs(text) == each, text


def test_a_keyword_that_cannot_start_a_word_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    taxonomy = json.loads((data / "topics.json").read_text(encoding="utf-8"))
    taxonomy["topics"][0]["keywords"].append("-tanks")
    (data / "topics.json").write_text(json.dumps(taxonomy), encoding="utf-8")
    with pytest.raises(ValueError, match=r"data/topics.json: arms-transfers: keyword '-tanks'"):
        load_knowledge(data)
