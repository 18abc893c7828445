"""What a claim list asks for: the filter values, validated, in one object per request.

`ClaimFilters` holds the chosen values of every dimension (source, topic, actor, stance,
speaker: see `dimensions.py`), the date bounds, the search words, the sort and where the
page starts (`after`, a keyset token). The web and the CLI build it with `parse_filters`
from the same raw values, so both refuse a bad value with the same message.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

PAGE_SIZE = 25
SORTS = ("newest", "oldest", "relevance")
MAX_QUERY_LENGTH = 200
MAX_VALUES = 20
TRUE_WORDS = ("1", "true", "on", "yes")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class FilterError(ValueError):
    """A filter value that cannot be used; the message names the parameter and the problem."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class ClaimFilters:
    """One validated view of the claims: what a /claims URL or an export's flags say."""

    chosen: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (dimension, slugs), by name
    date_from: str | None = None  # as written: YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None = None
    q: str = ""
    hide_unattributed: bool = False
    sort: str = "newest"  # newest | oldest | relevance
    after: str | None = None  # keyset token: the list continues after this row

    def values(self, dimension: str) -> tuple[str, ...]:
        """The slugs chosen for `dimension` (empty when it does not narrow the list)."""
        for name, values in self.chosen:  # a few pairs: asked for often, no dict built
            if name == dimension:
                return values
        return ()

    def choose(self, dimension: str, values: tuple[str, ...]) -> ClaimFilters:
        """The same filters with `values` for `dimension` (none: the dimension is dropped)."""
        chosen = dict(self.chosen)
        chosen[dimension] = tuple(values)
        kept = tuple(sorted((name, v) for name, v in chosen.items() if v))
        return replace(self, chosen=kept)

    @property
    def day_from(self) -> str | None:
        """First day of the `from` bound, for comparing with stored day ranges."""
        return date_bounds(self.date_from)[0] if self.date_from else None

    @property
    def day_to(self) -> str | None:
        """Last day of the `to` bound."""
        return date_bounds(self.date_to)[1] if self.date_to else None

    @property
    def is_empty(self) -> bool:
        """True when nothing narrows the list."""
        return self.first_page() == ClaimFilters()

    def first_page(self) -> ClaimFilters:
        """The same filters from the list's start, with the default sort."""
        return replace(self, after=None, sort=default_sort(self.q))

    def start(self) -> ClaimFilters:
        """The same filters and sort from the list's start."""
        return replace(self, after=None)


def default_sort(q: str) -> str:
    """Relevance when searching, newest first otherwise."""
    return "relevance" if q else "newest"


def date_bounds(value: str) -> tuple[str, str]:
    """First and last day of a YYYY, YYYY-MM or YYYY-MM-DD value (ValueError if none)."""
    match = _DATE.match(value)
    if not match:
        raise ValueError(value)
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None:
        return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, 1).isoformat(), date(year, month, last).isoformat()
    return (date(year, month, day).isoformat(),) * 2


def parse_date(name: str, value: str | None) -> str | None:
    """Validate a date bound; empty means no bound."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        date_bounds(value)
    except ValueError:
        raise FilterError(
            f"{name}={value[:40]!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY."
        ) from None
    return value


def parse_query(value: str | None) -> str:
    """Validate the search words: at most MAX_QUERY_LENGTH characters."""
    value = " ".join((value or "").split())
    if len(value) > MAX_QUERY_LENGTH:
        raise FilterError(
            f"The search is {len(value)} characters long; at most {MAX_QUERY_LENGTH} are allowed."
        )
    return value


def parse_choice(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    """Validate a value that must be one of `allowed` (case-insensitive)."""
    value = (value or "").strip().lower()
    if not value:
        return None
    if value not in allowed:
        raise FilterError(f"{name}={value[:40]!r} is not known: use one of {', '.join(allowed)}.")
    return value


def nonempty(values: list[str], name: str) -> list[str]:
    """Drop blank values; refuse absurdly many."""
    kept = [v.strip() for v in values if v.strip()]
    if len(kept) > MAX_VALUES:
        raise FilterError(f"At most {MAX_VALUES} values of {name} are allowed.")
    return kept


def parse_common(
    q: str | None,
    sort: str | None,
    date_from: str | None,
    date_to: str | None,
    hide_unattributed: str | None,
) -> ClaimFilters:
    """The filters that are not dimensions: words, sort, dates, narration."""
    words = parse_query(q)
    chosen_sort = parse_choice("sort", sort, SORTS) or default_sort(words)
    if chosen_sort == "relevance" and not words:
        chosen_sort = "newest"  # nothing to rank by: the canonical URL drops it
    first = parse_date("from", date_from)
    last = parse_date("to", date_to)
    if first and last and date_bounds(first)[0] > date_bounds(last)[1]:
        raise FilterError(f"from={first} is after to={last}.")
    return ClaimFilters(
        date_from=first,
        date_to=last,
        q=words,
        hide_unattributed=(hide_unattributed or "").strip().lower() in TRUE_WORDS,
        sort=chosen_sort,
    )
