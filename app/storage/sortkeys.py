"""Integer sort keys for claim lists, so that each list order is one index.

`newest_key` orders by said-on end day (unknown last), then article date (newest
first), then position in the article; `oldest_key` by first possible day (unknown
last), then article date (newest first), then position. Each packs three numbers into
one 64-bit integer: day numbers (`date.toordinal`, below 2**22) and the position.
"""

from __future__ import annotations

from datetime import date

DAY_BITS = 22
POSITION_BITS = 14
MAX_DAY = (1 << DAY_BITS) - 1
MAX_POSITION = (1 << POSITION_BITS) - 1
FIRST_SHIFT = DAY_BITS + POSITION_BITS


def day_number(value: str) -> int:
    """The day number of an ISO date."""
    return date.fromisoformat(value).toordinal()


def newest_key(said_on_end: str | None, published: str, position: int) -> int:
    """Sorts descending: latest said-on day first, unknown ones last."""
    end = day_number(said_on_end) if said_on_end else 0
    rest = day_number(published) << POSITION_BITS | MAX_POSITION - min(position, MAX_POSITION)
    return end << FIRST_SHIFT | rest


def oldest_key(first_day: str | None, published: str, position: int) -> int:
    """Sorts ascending: earliest possible day first, unknown ones last."""
    first = day_number(first_day) if first_day else MAX_DAY
    rest = (MAX_DAY - day_number(published)) << POSITION_BITS | min(position, MAX_POSITION)
    return first << FIRST_SHIFT | rest


def said_on_or_after(day: str) -> int:
    """The least `newest_key` of a claim whose said-on end day is on or after `day`."""
    return day_number(day) << FIRST_SHIFT


def possibly_said_by(day: str) -> int:
    """One more than the greatest `oldest_key` of a claim whose first day is by `day`."""
    return (day_number(day) + 1) << FIRST_SHIFT
