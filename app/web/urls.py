"""Every URL a page shows, built in one place from route names and filters.

Templates never concatenate URLs: they call these methods, which know the routes,
the canonical query-string form, and how a facet or a chip changes the filters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlencode
from weakref import WeakKeyDictionary

from fastapi import Request
from starlette.applications import Starlette

from app.storage.queries import (
    BY_NAME,
    DIMENSIONS,
    ClaimFilters,
    Position,
    StoryFilters,
    default_sort,
)


def canonical_query(filters: ClaimFilters) -> list[tuple[str, str]]:
    """The query-string pairs of the one URL form for these filters."""
    pairs = [(d.name, value) for d in DIMENSIONS for value in filters.values(d.name)]
    optional = (
        ("from", filters.date_from),
        ("to", filters.date_to),
        ("q", filters.q or None),
        ("hide_unattributed", "1" if filters.hide_unattributed else None),
        ("sort", None if filters.sort == default_sort(filters.q) else filters.sort),
        ("next", filters.after),
    )
    return pairs + [(name, value) for name, value in optional if value]


class Urls:
    """The URL builder for one request (it knows the site's root and host)."""

    def __init__(self, request: Request) -> None:
        self.request = request
        self.root = request.scope.get("root_path", "")

    def path(self, name: str, **params: str) -> str:
        """Root-relative path of the route `name`."""
        pattern = _pattern(self.request.app, name, tuple(sorted(params)))
        for key, value in params.items():
            pattern = pattern.replace(_placeholder(key), str(value))
        return self.root + pattern

    def absolute(self, path: str) -> str:
        """An absolute URL for a root-relative path, for sharing and canonical links."""
        return str(self.request.base_url).rstrip("/") + path[len(self.root) :]

    def static(self, file: str) -> str:
        """A file under static/."""
        return self.path("static", path=file)

    def home(self) -> str:
        return self.path("overview")

    def claims(self, filters: ClaimFilters | None = None, **changes: object) -> str:
        """The claim list for `filters` from its first page, with `changes` applied."""
        return self._with_query("claims", filters, {"after": None, **changes})

    def api_claims(self, filters: ClaimFilters | None = None, **changes: object) -> str:
        """The JSON of a claim list (from its first page unless `after` is given)."""
        return self._with_query("api_claims", filters, {"after": None, **changes})

    def api_claims_csv(self, filters: ClaimFilters | None = None) -> str:
        """The CSV of a claim list (all its pages)."""
        return self._with_query("api_claims_csv", filters, {"after": None})

    def claims_of(self, name: str, slug: str) -> str:
        """The claim list of one value of a dimension, e.g. ('source', 'seoul')."""
        return self.claims(ClaimFilters().choose(name, (slug,)))

    def next_page(self, route: str, filters: ClaimFilters, start: Position | None) -> str | None:
        """The page after the one shown, starting at `start`; None when there is none."""
        if start is None:
            return None
        return self._with_query(route, filters, {"after": start.token()})

    def list_from(self, route: str, filters: ClaimFilters, start: Position | None) -> str:
        """The list `route` ("claims" or "api_claims") from `start`, or from its first page."""
        return self.next_page(route, filters, start) or self._with_query(
            route, filters, {"after": None}
        )

    def claim(self, claim_id: str) -> str:
        return self.path("claim", claim_id=claim_id)

    def api_claim(self, claim_id: str) -> str:
        return self.path("api_claim", claim_id=claim_id)

    def sources(self) -> str:
        return self.path("sources")

    def source(self, slug: str) -> str:
        return self.path("source", slug=slug)

    def topics(self) -> str:
        return self.path("topics")

    def topic(self, slug: str) -> str:
        return self.path("topic", slug=slug)

    def value_page(self, name: str, slug: str) -> str:
        """The page of one source or topic."""
        return self.path(name, slug=slug)

    def article(self, slug: str, claim_id: str | None = None) -> str:
        """The article page, scrolled to a claim when `claim_id` is given."""
        path = self.path("article", slug=slug)
        return f"{path}#claim-{claim_id}" if claim_id else path

    def api(self, name: str, **params: str) -> str:
        """A JSON or CSV route without filters, e.g. api('api_sources')."""
        return self.path(name, **params)

    def stories(self, filters: StoryFilters | None = None, **changes: object) -> str:
        """The story list for `filters` from its first page, with `changes` applied."""
        return self._stories("stories", filters, {"after": None, **changes})

    def api_stories(self, filters: StoryFilters | None = None, **changes: object) -> str:
        """The JSON of a story list (from its first page unless `after` is given)."""
        return self._stories("api_stories", filters, {"after": None, **changes})

    def api_stories_csv(self, filters: StoryFilters | None = None) -> str:
        """The CSV of a story list's first page."""
        return self._stories("api_stories_csv", filters, {"after": None})

    def story(self, story_id: str, after: str | None = None) -> str:
        """A story's page, its timeline from `after` (a token) when given."""
        path = self.path("story", story_id=story_id)
        return f"{path}?{urlencode({'next': after})}" if after else path

    def api_story(self, story_id: str, after: str | None = None) -> str:
        path = self.path("api_story", story_id=story_id)
        return f"{path}?{urlencode({'next': after})}" if after else path

    def api_story_csv(self, story_id: str) -> str:
        return self.path("api_story_csv", story_id=story_id)

    def story_feed(self, story_id: str) -> str:
        """The Atom feed of a story's claims."""
        return self.path("story_feed", story_id=story_id)

    def value_feed(self, name: str, slug: str) -> str:
        """The Atom feed of one source's or topic's claims."""
        return self.path(f"{name}_feed", slug=slug)

    def claims_feed(self, filters: ClaimFilters | None = None) -> str:
        """The Atom feed of a claim list: its newest claims, whatever the list's sort (so
        the feed's address names no sort)."""
        filters = (filters or ClaimFilters()).first_page()
        return self._with_query("claims_feed", filters, {"after": None})

    def _stories(self, name: str, filters: StoryFilters | None, changes: dict) -> str:
        query = urlencode(replace(filters or StoryFilters(), **changes).query_pairs())
        return self.path(name) + (f"?{query}" if query else "")

    def toggle(self, filters: ClaimFilters, name: str, slug: str) -> str:
        """The list with `slug` of dimension `name` added, or removed when already chosen.

        A dimension taking one value has it replaced."""
        return self.toggles(filters, name, [slug])[0]

    def toggles(self, filters: ClaimFilters, name: str, slugs: Sequence[str]) -> list[str]:
        """`toggle` for each of `slugs`: the rest of the query is encoded once, since a
        facet shows up to thirty values and each link differs only in its dimension."""
        start = _first_page(filters)
        chosen, many = start.values(name), BY_NAME[name].many
        pairs = canonical_query(start.choose(name, ()))
        earlier = {d.name for d in DIMENSIONS[: DIMENSIONS.index(BY_NAME[name])]}
        split = sum(1 for key, _ in pairs if key in earlier)  # the dimensions come first
        head, tail = urlencode(pairs[:split]), urlencode(pairs[split:])
        path, found = self.path("claims"), []
        for slug in slugs:
            if slug in chosen:
                values = tuple(v for v in chosen if v != slug)
            else:
                values = (*chosen, slug) if many else (slug,)
            own = urlencode([(name, value) for value in values])
            query = "&".join(part for part in (head, own, tail) if part)
            found.append(path + (f"?{query}" if query else ""))
        return found

    def _with_query(self, name: str, filters: ClaimFilters | None, changes: dict) -> str:
        filters = replace(filters or ClaimFilters(), **changes)
        if filters.sort == "relevance" and not filters.q:
            filters = replace(filters, sort="newest")
        query = urlencode(canonical_query(filters))
        return self.path(name) + (f"?{query}" if query else "")


def _first_page(filters: ClaimFilters) -> ClaimFilters:
    """The filters of a list's first page, as `Urls.claims` links it."""
    start = replace(filters, after=None)
    return replace(start, sort="newest") if start.sort == "relevance" and not start.q else start


_PATTERNS: WeakKeyDictionary[Starlette, dict[tuple[str, tuple[str, ...]], str]] = (
    WeakKeyDictionary()
)


def _placeholder(key: str) -> str:
    return f"__{key}__"


def _pattern(app: Starlette, name: str, keys: tuple[str, ...]) -> str:
    """The path of route `name` with a placeholder for each parameter, found once.

    Routing tries every route in turn to build a URL, and a page shows a hundred
    links; the pattern is asked for once per route and filled in each time.
    """
    patterns = _PATTERNS.setdefault(app, {})
    found = patterns.get((name, keys))
    if found is None:
        params = {key: _placeholder(key) for key in keys}
        found = patterns[(name, keys)] = str(app.url_path_for(name, **params))
    return found


@dataclass(frozen=True)
class Chip:
    """One active filter, shown as a chip with a link that removes it."""

    name: str
    value: str
    remove_url: str


def chips(urls: Urls, filters: ClaimFilters, labels: dict[tuple[str, str], str]) -> list[Chip]:
    """A chip per active filter value; `labels` maps (dimension, slug) to what to show."""
    found = [
        Chip(d.label, labels.get((d.name, slug), slug), urls.toggle(filters, d.name, slug))
        for d in DIMENSIONS
        for slug in filters.values(d.name)
    ]
    singles: list[tuple[str, str | None, dict[str, object]]] = [
        ("From", filters.date_from, {"date_from": None}),
        ("To", filters.date_to, {"date_to": None}),
        ("Words", filters.q or None, {"q": ""}),
        (
            "Hide",
            "unattributed" if filters.hide_unattributed else None,
            {"hide_unattributed": False},
        ),
    ]
    for name, value, change in singles:
        if value:
            found.append(Chip(name, value, urls.claims(filters, **change)))
    return found
