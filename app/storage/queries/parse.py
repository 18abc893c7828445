"""Filters from raw values (a query string, command-line flags): validated, names resolved.

The web and `claimtrack export` both call `parse_filters`, so a value either refuses
is refused by both, with the same message (`FilterError`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from sqlalchemy import Connection

from app.storage.queries.dimensions import DIMENSIONS
from app.storage.queries.plan import parse_token
from app.storage.queries.spec import ClaimFilters, FilterError, nonempty, parse_common

COMMON_NAMES = ("from", "to", "q", "hide_unattributed", "sort", "next", "page")
FILTER_NAMES = (*(dimension.name for dimension in DIMENSIONS), *COMMON_NAMES)
MAX_NAME_LENGTH = 200


def first(raw: Mapping[str, Sequence[str]], name: str) -> str | None:
    """The first value given for `name`, if any."""
    values = raw.get(name) or ()
    return values[0] if values else None


def parse_filters(connection: Connection, raw: Mapping[str, Sequence[str]]) -> ClaimFilters:
    """Validate every filter in `raw` (name -> values) and resolve names to slugs."""
    filters = parse_common(
        first(raw, "q"),
        first(raw, "sort"),
        first(raw, "from"),
        first(raw, "to"),
        first(raw, "hide_unattributed"),
    )
    for dimension in DIMENSIONS:
        given = nonempty(list(raw.get(dimension.name) or ()), dimension.name)
        if len(given) > 1 and not dimension.many:
            raise FilterError(f"Give one value of {dimension.name}, not {len(given)}.")
        slugs = [dimension.resolve(connection, value[:MAX_NAME_LENGTH]) for value in given]
        filters = filters.choose(dimension.name, tuple(dict.fromkeys(slugs)))
    after = (first(raw, "next") or "").strip()
    if after:
        parse_token(after, filters.sort == "relevance")
        filters = replace(filters, after=after)
    return filters


def parse_page(value: str | None) -> int:
    """An old `page` number: a whole number from 1 (1 when not given)."""
    value = (value or "").strip()
    if not value:
        return 1
    if not value.isdigit() or len(value) > 9 or int(value) < 1:
        raise FilterError(f"page={value[:20]!r} is not a page number: use 1, 2, 3 ...")
    return int(value)
