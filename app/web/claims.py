"""The claim list with filters, facets and chips, and the claim permalink page."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.extraction.model import STANCES
from app.storage import queries
from app.storage.queries import ClaimFilters
from app.web.deps import ConnectionDep, FiltersDep, TemplatesDep, UrlsDep
from app.web.errors import NotFound
from app.web.filters import canonical_query
from app.web.present import period_words, plural, quote_in_context, text_fragment_url, web_url
from app.web.sharing import description, json_ld, source_names
from app.web.urls import Urls, chips

router = APIRouter(include_in_schema=False)

MAX_ID_LENGTH = 64


@dataclass(frozen=True)
class FacetItem:
    label: str
    count: int
    url: str
    selected: bool


@dataclass(frozen=True)
class Pager:
    page: int
    pages: int
    previous: str | None
    next: str | None


def facet_items(
    facets: queries.Facets, filters: ClaimFilters, urls: Urls
) -> dict[str, list[FacetItem]]:
    """Each facet value with its count and the URL that toggles it."""
    sources = [
        FacetItem(s.label, s.count, urls.toggle_source(filters, s.slug), s.slug in filters.sources)
        for s in facets.sources
    ]
    sources.sort(key=lambda item: not item.selected)  # chosen values stay in sight
    topics = [
        FacetItem(t.label, n, urls.toggle_topic(filters, t.slug), t.slug in filters.topics)
        for t, n in facets.topics
    ]
    topics.sort(key=lambda item: not item.selected)
    return {"sources": sources, "topics": topics}


def pager(page: queries.ClaimPage, filters: ClaimFilters, urls: Urls) -> Pager:
    """Links to the previous and next pages, where there are such pages."""
    previous = urls.claims(filters, page=page.page - 1) if page.page > 1 else None
    following = urls.claims(filters, page=page.page + 1) if page.page < page.pages else None
    return Pager(page.page, page.pages, previous, following)


def count_words(page: queries.ClaimPage) -> str:
    """How many claims a list holds, saying so when the count stopped at its cap."""
    if page.capped:
        return f"More than {page.total:,} claims"
    return plural(page.total, "claim")


def facet_note(facets: queries.Facets) -> str | None:
    """Why facet counts may be lower than the list's, when they were sampled."""
    if not facets.capped:
        return None
    return f"Counts are over the first {facets.sample:,} matching claims (newest first)."


def is_canonical(request: Request, filters: ClaimFilters) -> bool:
    """True when the query string is already the one canonical form of `filters`."""
    return request.query_params.multi_items() == canonical_query(filters)


@router.get("/claims", response_class=HTMLResponse, name="claims")
def claim_list(
    request: Request,
    connection: ConnectionDep,
    filters: FiltersDep,
    templates: TemplatesDep,
    urls: UrlsDep,
) -> Response:
    """Filtered, sorted, paged claims with facet counts and removable filter chips."""
    if not is_canonical(request, filters):
        return RedirectResponse(urls.claims(filters), status_code=302)
    page = queries.list_claims(connection, filters)
    labels = queries.labels(connection, filters.sources, filters.topics, filters.actor)
    facets = queries.facets(connection, filters)
    context = {
        "urls": urls,
        "filters": filters,
        "page": page,
        "count_words": count_words(page),
        "pager": pager(page, filters, urls),
        "facets": facet_items(facets, filters, urls),
        "facet_note": facet_note(facets),
        "chips": chips(urls, filters, labels),
        "source_names": queries.all_names(connection, "sources"),
        "actor_names": queries.all_names(connection, "entities"),
        "topic_names": queries.all_names(connection, "topics"),
        "stances": STANCES,
        "labels": labels,
    }
    return templates.TemplateResponse(request, "claims.html", context)


@router.get("/claims/{claim_id}", response_class=HTMLResponse, name="claim")
def claim_page(
    request: Request,
    claim_id: str,
    connection: ConnectionDep,
    templates: TemplatesDep,
    urls: UrlsDep,
) -> HTMLResponse:
    """One claim: its words in context, who said it and when, and links to share it."""
    claim = queries.get_claim(connection, claim_id) if len(claim_id) <= MAX_ID_LENGTH else None
    if claim is None:
        raise NotFound(f"There is no claim with the id {claim_id[:MAX_ID_LENGTH]!r}.")
    body = queries.article_body(connection, claim.article.slug)
    same = queries.same_assertion(connection, claim)
    permalink = urls.absolute(urls.claim(claim.id))
    context = {
        "urls": urls,
        "claim": claim,
        "permalink": permalink,
        "context_segments": quote_in_context(body, claim.quote_start, claim.quote_end),
        "fragment_url": text_fragment_url(claim.article.url, claim.quote_text),
        "original_url": web_url(claim.article.url),
        "same": same,
        "related": queries.related_claims(connection, claim, [c.id for c in same]),
        "event_period": period_words(claim.event_start, claim.event_end),
        "description": description(claim),
        "source_names": source_names(claim),
        "json_ld": json_ld(claim, permalink),
    }
    return templates.TemplateResponse(request, "claim.html", context)
