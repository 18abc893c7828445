"""Time expressions: each kind of pattern is tried only on texts with the words it needs."""

from __future__ import annotations

from datetime import date

from app.extraction.dates import NEEDS, PATTERNS, TRIGGER, _trigger, find_times
from app.extraction.model import DatePoint, Period
from tests.extraction_reading import every_sentence

FRIDAY = date(2024, 11, 22)


def points(text: str) -> list[tuple[str, DatePoint, Period | None]]:
    return [(text[t.start : t.end], t.point, t.period) for t in find_times(text, FRIDAY)]


def test_every_kind_of_time_names_the_words_it_needs() -> None:
    assert {kind for kind, _ in PATTERNS} == set(NEEDS)


def test_times_of_each_kind_are_read() -> None:
    assert points("The ministry said on Tuesday that talks would go on.") == [
        ("on Tuesday", DatePoint("2024-11-19", "day"), Period("2024-11-19", "2024-11-19"))
    ]
    assert points("Prices have risen since March 2022, the bank said.") == [
        ("since March 2022", DatePoint("2024-11-22", "before"), Period("2022-03", "2024-11-22"))
    ]
    assert points("EARLIER THIS MONTH the court ruled.") == [
        ("EARLIER THIS MONTH", DatePoint("2024-11", "month"), Period("2024-11", "2024-11"))
    ]
    assert points("Officials met last week.") == [
        ("last week", DatePoint("2024-11-22", "before"), None)
    ]
    assert points("Over the past two years, exports fell.") == [
        ("Over the past two years", DatePoint("2024-11-22", "before"), Period("2022-11", "2024-11"))
    ]
    assert points("No time is named here, nor a date.") == []


def test_an_unusual_spelling_of_a_trigger_word_tries_every_pattern() -> None:
    # a dotless "ı" matches "i" when case is ignored, but lowercases to itself
    assert _trigger("sınce") is None
    assert points("Prices have risen sınce 2019.") == [
        ("sınce 2019", DatePoint("2024-11-22", "before"), Period("2019", "2024-11-22"))
    ]


def test_no_pattern_matches_a_text_without_the_words_it_needs() -> None:
    """Skipping a pattern never loses a time: over every sentence of the evaluation sets,
    each pattern that matches has one of its words among the text's trigger words."""
    texts = every_sentence()
    matched = 0
    for text in texts:
        triggers = {_trigger(match.group(0)) for match in TRIGGER.finditer(text)}
        for kind, pattern in PATTERNS:
            if pattern.search(text):
                matched += 1
                assert None in triggers or triggers & NEEDS[kind], (kind, text)
    assert matched > 300
