"""The claim list with filters, facets and chips, and the claim permalink page."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from sqlalchemy import Connection

from app.extraction.model import STANCES
from app.storage import queries
from app.storage.queries import ClaimFilters, ClaimQuery
from app.web.deps import ConnectionDep, TemplatesDep, UrlsDep
from app.web.errors import NotFound
from app.web.filters import ClaimQueryDep
from app.web.present import period_words, plural, quote_in_context, text_fragment_url, web_url
from app.web.sharing import description, json_ld, source_names
from app.web.urls import Urls, canonical_query, chips

router = APIRouter(include_in_schema=False)

MAX_ID_LENGTH = 64
LIST_FACETS = ("source", "topic")  # the facets the list shows, in order


@dataclass(frozen=True)
class FacetItem:
    label: str
    count: int
    url: str
    selected: bool


@dataclass(frozen=True)
class FacetView:
    """A facet as the page shows it: its values with toggle links, or that it timed out."""

    id: str
    title: str
    kind: str
    items: list[FacetItem]
    timed_out: bool


@dataclass(frozen=True)
class Pager:
    first: str | None  # the list's first page, when this is not it
    next: str | None


def facet_views(facets: list[queries.Facet], filters: ClaimFilters, urls: Urls) -> list[FacetView]:
    """Each facet's values with their counts and the URLs that toggle them."""
    views = []
    for facet in facets:
        name = facet.dimension.name
        chosen = filters.values(name)
        links = urls.toggles(filters, name, [v.slug for v in facet.values])
        items = [
            FacetItem(v.label, v.count, link, v.slug in chosen)
            for v, link in zip(facet.values, links, strict=True)
        ]
        items.sort(key=lambda item: not item.selected)  # chosen values stay in sight
        plural_name = facet.dimension.plural
        views.append(
            FacetView(f"facet-{plural_name.lower()}", plural_name, name, items, facet.timed_out)
        )
    return views


def pager(page: queries.ClaimPage, filters: ClaimFilters, urls: Urls) -> Pager:
    """Links to the first page (when past it) and to the next page (when there is one)."""
    first = None if page.first else urls.claims(filters)
    return Pager(first, urls.next_page("claims", filters, page.next))


def count_words(page: queries.ClaimPage) -> str:
    """How many claims a list holds, saying so when the count stopped at its cap."""
    if page.capped:
        return f"More than {page.total:,} claims"
    return plural(page.total, "claim")


SAMPLE_ORDER = {"relevance": "best match first", "oldest": "oldest first"}


def facet_note(facets: list[queries.Facet], sort: str) -> str | None:
    """Why facet counts may be lower than the list's, when they were sampled (the first
    claims of the list, in its order)."""
    sample = max((facet.sampled for facet in facets), default=0)
    if not sample:
        return None
    order = SAMPLE_ORDER.get(sort, "newest first")
    return f"Counts are over the first {sample:,} matching claims ({order})."


def labels(connection: Connection, filters: ClaimFilters) -> dict[tuple[str, str], str]:
    """What to show for each chosen value, by (dimension, slug)."""
    found: dict[tuple[str, str], str] = {}
    for dimension in queries.DIMENSIONS:
        chosen = filters.values(dimension.name)
        if chosen:
            shown = dimension.labels(connection, chosen)
            found.update({(dimension.name, slug): shown.get(slug, slug) for slug in chosen})
    return found


def name_options(connection: Connection, templates: Jinja2Templates, table_name: str) -> Markup:
    """The <option>s of a form's list of sources or actors ("entities"): the same on every
    page until a load, so rendered once per load."""

    def render() -> Markup:
        names = queries.all_names(connection, table_name)
        return Markup(templates.get_template("_name_options.html").render(names=names))

    return queries.per_load(connection, ("name options", table_name), render)


def old_page_redirect(request: Request, query: ClaimQuery, urls: Urls, route: str) -> str | None:
    """Where an old `?page=N` link now leads: the list from that page's first claim on."""
    if "page" not in request.query_params:
        return None
    number = queries.parse_page(request.query_params.get("page"))
    return urls.list_from(route, query.filters.start(), queries.page_start(query, number))


@router.get("/claims", response_class=HTMLResponse, name="claims")
async def claim_list(
    request: Request, query: ClaimQueryDep, templates: TemplatesDep, urls: UrlsDep
) -> Response:
    """Filtered, sorted claims a page at a time, with facet counts and removable chips."""
    moved = old_page_redirect(request, query, urls, "claims")
    if moved is not None:
        return RedirectResponse(moved, status_code=302)
    filters = query.filters
    if request.query_params.multi_items() != canonical_query(filters):
        return RedirectResponse(urls.claims(filters, after=filters.after), status_code=302)
    connection = query.connection
    # Facets first: a search's facets count its best matches, of which the page is a
    # slice, so the matches are ranked once for both.
    facets = queries.read_facets(query, LIST_FACETS)
    page = queries.list_claims(query)
    names = labels(connection, filters)
    context = {
        "urls": urls,
        "filters": filters,
        "page": page,
        "count_words": count_words(page),
        "pager": pager(page, filters, urls),
        "facets": facet_views(facets, filters, urls),
        "facet_note": facet_note(facets, filters.sort),
        "chips": chips(urls, filters, names),
        "source_options": name_options(connection, templates, "sources"),
        "actor_options": name_options(connection, templates, "entities"),
        "topic_names": queries.all_names(connection, "topics"),
        "stances": STANCES,
        "labels": {slug: label for (_, slug), label in names.items()},
        "chosen": {
            name: names.get((name, filters.values(name)[0]), "") if filters.values(name) else ""
            for name in ("actor", "stance", "speaker")
        },
    }
    return templates.TemplateResponse(request, "claims.html", context)


@dataclass(frozen=True)
class RelatedList:
    """A list the claim belongs to, linked from its page (no query: the list's own page
    counts it)."""

    label: str
    url: str


def related_lists(claim: queries.ClaimRecord, urls: Urls) -> list[RelatedList]:
    """The lists to read more of: the same actor on each of its topics, its sources."""
    found = []
    if claim.actor is not None:
        actor = ClaimFilters().choose("actor", (claim.actor.slug,))
        for topic in claim.topics:
            filters = actor.choose("topic", (topic.slug,))
            label = f"{claim.actor.label} on {topic.label.lower()}"
            found.append(RelatedList(label, urls.claims(filters)))
        if not claim.topics:
            found.append(RelatedList(f"What {claim.actor.label} does", urls.claims(actor)))
    for source in claim.sources:
        found.append(RelatedList(f"Everything {source.label} says", urls.source(source.slug)))
    return found


@router.get("/claims/{claim_id}", response_class=HTMLResponse, name="claim")
async def claim_page(
    request: Request,
    claim_id: str,
    connection: ConnectionDep,
    templates: TemplatesDep,
    urls: UrlsDep,
) -> HTMLResponse:
    """One claim: its words in context, who said it and when, its story (the same
    assertion in other articles, grouped at load time) and links to share it."""
    claim = queries.get_claim(connection, claim_id) if len(claim_id) <= MAX_ID_LENGTH else None
    if claim is None:
        raise NotFound(f"There is no claim with the id {claim_id[:MAX_ID_LENGTH]!r}.")
    body = queries.article_body(connection, claim.article.slug)
    story = queries.claim_story(connection, claim.id, claim.story) if claim.story else None
    permalink = urls.absolute(urls.claim(claim.id))
    context = {
        "urls": urls,
        "claim": claim,
        "permalink": permalink,
        "context_segments": quote_in_context(body, claim.quote_start, claim.quote_end),
        "fragment_url": text_fragment_url(claim.article.url, claim.quote_text),
        "original_url": web_url(claim.article.url),
        "story": story,
        "related": related_lists(claim, urls),
        "event_period": period_words(claim.event_start, claim.event_end),
        "description": description(claim),
        "source_names": source_names(claim),
        "json_ld": json_ld(claim, permalink),
    }
    return templates.TemplateResponse(request, "claim.html", context)
