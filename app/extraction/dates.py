"""Time expressions resolved against an article's published date, with honest precision."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from app.extraction.model import DatePoint, Period
from app.extraction.trie import trie_pattern

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
DAY_AND_MONTH_NAMES = frozenset(WEEKDAYS) | {n.lower() for n in calendar.month_name if n}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "eighteen": 18, "twenty": 20, "thirty": 30, "several": None, "few": None,
}  # fmt: skip

MONTH = rf"(?P<month>{trie_pattern(MONTHS)})\.?"  # a trie: one try per letter, not per name
YEAR = r"(?P<year>(?:19|20)\d\d)"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
COUNT = r"(?P<count>\d+|{})(?P<half> and a half)?".format("|".join(NUMBERS))

# Each pattern names what it means; order matters (the more specific first).
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in [
        ("past_span", rf"\b(?:over|in|during|for) the (?:past|last) {COUNT} (?P<unit>months?|years?)\b"),
        ("since", rf"\bsince (?:(?:early|mid|late)[- ])?(?:{MONTH} )?{YEAR}\b"),
        ("day_month_year", rf"\b(?:on )?{DAY} {MONTH},? {YEAR}\b"),
        ("month_day_year", rf"\b(?:on )?{MONTH} {DAY},? {YEAR}\b"),
        ("day_month", rf"\b(?:on )?{DAY} {MONTH}\b(?!,? \d)"),
        ("month_day", rf"\b(?:on )?{MONTH} {DAY}\b(?!,? \d|\d)"),
        ("month_year", rf"\b(?:in )?(?:(?:early|mid|late)[- ])?{MONTH} {YEAR}\b"),
        ("month", rf"\bin (?:(?:early|mid|late)[- ])?{MONTH}\b(?! \d)"),
        ("year", rf"\b(?:in|during) {YEAR}\b"),
        ("weekday", rf"\b(?:on |last |this )?(?P<weekday>{trie_pattern(WEEKDAYS)})\b"),
        ("yesterday", r"\byesterday\b"),
        ("today", r"\b(?:today|on the same day)\b"),
        ("this_month", r"\b(?:this|earlier this|later this) month\b"),
        ("last_month", r"\blast month\b"),
        ("this_year", r"\b(?:this|earlier this) year\b"),
        ("last_year", r"\blast year\b"),
        ("before", r"\b(?:earlier|previously|recently|in the past|last week|earlier this week)\b"),
    ]
]  # fmt: skip


# Every pattern above contains one of these words or a year.
TRIGGER_WORDS = frozenset([*MONTHS, "past", "last", "since", "this", "yesterday", "today",
                           "same day", "earlier", "previously", "recently", *WEEKDAYS])  # fmt: skip
TRIGGER = re.compile(rf"\b(?:{trie_pattern(TRIGGER_WORDS)}|(?:19|20)\d\d)\b", re.IGNORECASE)
# The trigger words each pattern contains, as whole words (any month name is "<month>",
# any weekday "<weekday>", any year "<year>"): a text without them is not tried for it.
NEEDS: dict[str, frozenset[str]] = {
    kind: frozenset(words)
    for kind, words in [
        ("past_span", ["past", "last"]),
        ("since", ["since"]),
        ("day_month_year", ["<month>"]),
        ("month_day_year", ["<month>"]),
        ("day_month", ["<month>"]),
        ("month_day", ["<month>"]),
        ("month_year", ["<month>"]),
        ("month", ["<month>"]),
        ("year", ["<year>"]),
        ("weekday", ["<weekday>"]),
        ("yesterday", ["yesterday"]),
        ("today", ["today", "same day"]),
        ("this_month", ["this"]),
        ("last_month", ["last"]),
        ("this_year", ["this"]),
        ("last_year", ["last"]),
        ("before", ["earlier", "previously", "recently", "past", "last"]),
    ]
}


@dataclass(frozen=True)
class TimeMention:
    """A time expression found in a text, with what it resolves to."""

    start: int
    end: int
    point: DatePoint
    period: Period | None


def find_times(text: str, published: date) -> list[TimeMention]:
    """Every time expression in `text`, resolved; overlapping matches keep the first pattern."""
    return list(_times(text, published))


@lru_cache(maxsize=8192)
def _times(text: str, published: date) -> tuple[TimeMention, ...]:
    # Sentences and their parts are read for times more than once: read each once.
    triggers = {_trigger(match.group(0)) for match in TRIGGER.finditer(text)}
    if not triggers:
        return ()  # most sentences name no time: one cheap look instead of every pattern
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        if None not in triggers and triggers.isdisjoint(NEEDS[kind]):
            continue  # "last week" is never read as a month or a weekday
        for match in pattern.finditer(text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            resolved = _resolve(kind, match, published)
            if resolved:
                taken.append((match.start(), match.end()))
                found.append(TimeMention(match.start(), match.end(), *resolved))
    return tuple(sorted(found, key=lambda t: t.start))


def _trigger(word: str) -> str | None:
    """A trigger word as NEEDS names it; None for a spelling the table does not know (a
    letter whose lower case is unusual), for which every pattern is tried."""
    lower = word.lower()
    if lower in MONTHS:
        return "<month>"
    if lower in WEEKDAYS:
        return "<weekday>"
    if lower.isdigit():
        return "<year>"
    return lower if lower in TRIGGER_WORDS else None


def _resolve(
    kind: str, m: re.Match[str], published: date
) -> tuple[DatePoint, Period | None] | None:
    groups = m.groupdict()
    if kind == "past_span":
        months = _span_months(groups["count"], groups["half"], groups["unit"])
        if months is None:
            return None
        start = _add_months(published, -months)
        return _before(published), Period(_month(start), _month(published))
    if kind == "since":
        month = groups["month"]
        begin = f"{groups['year']}-{MONTHS[month.lower()]:02d}" if month else groups["year"]
        return _before(published), Period(begin, published.isoformat())
    if kind in ("day_month_year", "month_day_year", "day_month", "month_day"):
        year = int(groups["year"]) if groups.get("year") else None
        return _day_point(year, MONTHS[groups["month"].lower()], int(groups["day"]), published)
    if kind in ("month_year", "month"):
        year = int(groups["year"]) if groups.get("year") else None
        month = MONTHS[groups["month"].lower()]
        year = year or (published.year if month <= published.month else published.year - 1)
        return _as_point(f"{year}-{month:02d}", "month")
    if kind == "year":
        return _as_point(groups["year"], "year")
    return _relative(kind, groups, published)


def _relative(
    kind: str, groups: dict[str, str], published: date
) -> tuple[DatePoint, Period | None]:
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        return _as_point((published - timedelta(days=back)).isoformat(), "day")
    if kind == "yesterday":
        return _as_point((published - timedelta(days=1)).isoformat(), "day")
    if kind == "today":
        return _as_point(published.isoformat(), "day")
    if kind == "this_month":
        return _as_point(_month(published), "month")
    if kind == "last_month":
        return _as_point(_month(_add_months(published, -1)), "month")
    if kind == "this_year":
        return _as_point(str(published.year), "year")
    if kind == "last_year":
        return _as_point(str(published.year - 1), "year")
    return _before(published), None


def _day_point(
    year: int | None, month: int, day: int, published: date
) -> tuple[DatePoint, Period | None] | None:
    if year is None:
        year = (
            published.year
            if (month, day) <= (published.month, published.day)
            else published.year - 1
        )
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return _as_point(when.isoformat(), "day")


def _as_point(value: str, precision: str) -> tuple[DatePoint, Period | None]:
    return DatePoint(value, precision), Period(value, value)


def _before(published: date) -> DatePoint:
    return DatePoint(published.isoformat(), "before")


def _span_months(count: str, half: str | None, unit: str) -> int | None:
    number = int(count) if count.isdigit() else NUMBERS.get(count.lower())
    if number is None:
        return None
    per_unit = 12 if unit.lower().startswith("year") else 1
    return number * per_unit + (per_unit // 2 if half else 0)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _month(day: date) -> str:
    return f"{day.year}-{day.month:02d}"
