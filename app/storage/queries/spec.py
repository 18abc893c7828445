"""What a claim list asks for: the filter values the query layer understands."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

PAGE_SIZE = 25
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class ClaimFilters:
    """One validated view of the claims: what a /claims URL says."""

    sources: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    actor: str | None = None
    stance: str | None = None
    date_from: str | None = None  # as written: YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None = None
    q: str = ""
    hide_unattributed: bool = False
    sort: str = "newest"  # newest | oldest | relevance
    page: int = 1

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
        """The same filters on page 1 with the default sort."""
        return replace(self, page=1, sort=default_sort(self.q))


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
