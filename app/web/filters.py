"""The claim filters a list takes from its query string: parsed, validated, canonical.

Only the names in `FILTER_NAMES` are read. Values are validated here and turned into a
`ClaimFilters`; a bad value raises `BadRequest` with a message a reader understands.
Source values may be slugs, labels or aliases; `canonical_query` writes the one form
that shared links use, so a list route can redirect any other form to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from app.extraction.model import STANCES
from app.storage.queries.spec import ClaimFilters, date_bounds, default_sort
from app.web.errors import BadRequest

FILTER_NAMES = (
    "source",
    "topic",
    "actor",
    "stance",
    "from",
    "to",
    "q",
    "hide_unattributed",
    "sort",
    "page",
)
SORTS = ("newest", "oldest", "relevance")
MAX_QUERY_LENGTH = 200
MAX_VALUES = 20
MAX_PAGE = 1000
TRUE_WORDS = ("1", "true", "on", "yes")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")


def parse_date(name: str, value: str | None) -> str | None:
    """Validate a date bound; empty means no bound."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        date_bounds(value)
    except ValueError:
        raise BadRequest(
            f"{name}={value[:40]!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY."
        ) from None
    return value


def parse_page(value: str | None) -> int:
    """Validate the page number: a whole number from 1 to MAX_PAGE."""
    value = (value or "").strip()
    if not value:
        return 1
    if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE:
        raise BadRequest(f"page={value[:20]!r} is not a page number: use 1 to {MAX_PAGE}.")
    return int(value)


def parse_query(value: str | None) -> str:
    """Validate the search words: at most MAX_QUERY_LENGTH characters."""
    value = " ".join((value or "").split())
    if len(value) > MAX_QUERY_LENGTH:
        raise BadRequest(
            f"The search is {len(value)} characters long; at most {MAX_QUERY_LENGTH} are allowed."
        )
    return value


def parse_choice(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    """Validate a value that must be one of `allowed` (case-insensitive)."""
    value = (value or "").strip().lower()
    if not value:
        return None
    if value not in allowed:
        raise BadRequest(f"{name}={value[:40]!r} is not known: use one of {', '.join(allowed)}.")
    return value


def parse_slug(name: str, value: str | None) -> str | None:
    """Validate a slug-shaped value such as an actor or a topic."""
    value = (value or "").strip().lower()
    if not value:
        return None
    if not _SLUG.match(value):
        raise BadRequest(f"{name}={value[:40]!r} is not a valid {name} name.")
    return value


def nonempty(values: list[str], name: str) -> list[str]:
    """Drop blank values; refuse absurdly many."""
    kept = [v.strip() for v in values if v.strip()]
    if len(kept) > MAX_VALUES:
        raise BadRequest(f"At most {MAX_VALUES} values of {name} are allowed.")
    return kept


def dedupe(values: list[str]) -> tuple[str, ...]:
    """Keep the first occurrence of each value, in order."""
    return tuple(dict.fromkeys(values))


def canonical_query(filters: ClaimFilters) -> list[tuple[str, str]]:
    """The query-string pairs of the one URL form for these filters."""
    pairs: list[tuple[str, str]] = [("source", s) for s in filters.sources]
    pairs += [("topic", t) for t in filters.topics]
    optional = (
        ("actor", filters.actor),
        ("stance", filters.stance),
        ("from", filters.date_from),
        ("to", filters.date_to),
        ("q", filters.q or None),
        ("hide_unattributed", "1" if filters.hide_unattributed else None),
        ("sort", None if filters.sort == default_sort(filters.q) else filters.sort),
        ("page", None if filters.page == 1 else str(filters.page)),
    )
    pairs += [(name, value) for name, value in optional if value]
    return pairs


@dataclass(frozen=True)
class RawFilters:
    """The filter values exactly as the query string gave them."""

    source: list[str]
    topic: list[str]
    actor: str | None = None
    stance: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None
    hide_unattributed: str | None = None
    sort: str | None = None
    page: str | None = None


class Names(Protocol):
    """Resolves what a user typed to a canonical slug, or None when unknown."""

    def source(self, value: str) -> str | None: ...
    def topic(self, value: str) -> str | None: ...
    def actor(self, value: str) -> str | None: ...


def resolve_all(kind: str, values: list[str], resolve: Callable[[str], str | None]) -> list[str]:
    """Canonical slugs for `values`; an unknown one is a bad request that names it."""
    slugs = []
    for value in nonempty(values, kind):
        slug = resolve(value[:200])
        if slug is None:
            raise BadRequest(f"There is no {kind} called {value[:60]!r}.")
        slugs.append(slug)
    return slugs


def parse_filters(raw: RawFilters, names: Names) -> ClaimFilters:
    """Validate every filter and resolve names to canonical slugs."""
    q = parse_query(raw.q)
    sort = parse_choice("sort", raw.sort, SORTS) or default_sort(q)
    if sort == "relevance" and not q:
        sort = "newest"  # nothing to rank by: the canonical URL drops it
    actor = resolve_all("actor", [raw.actor] if raw.actor else [], names.actor)
    date_from = parse_date("from", raw.date_from)
    date_to = parse_date("to", raw.date_to)
    if date_from and date_to and date_bounds(date_from)[0] > date_bounds(date_to)[1]:
        raise BadRequest(f"from={date_from} is after to={date_to}.")
    return ClaimFilters(
        sources=dedupe(resolve_all("source", raw.source, names.source)),
        topics=dedupe(resolve_all("topic", raw.topic, names.topic)),
        actor=actor[0] if actor else None,
        stance=parse_choice("stance", raw.stance, STANCES),
        date_from=date_from,
        date_to=date_to,
        q=q,
        hide_unattributed=(raw.hide_unattributed or "").strip().lower() in TRUE_WORDS,
        sort=sort,
        page=parse_page(raw.page),
    )
