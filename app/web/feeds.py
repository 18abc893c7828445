"""Atom feeds to follow in a feed reader: the newest claims of a source, a topic, a story,
or any filtered claim list ("everything Seoul says about arms transfers":
/claims/feed.atom?source=seoul&topic=arms-transfers). Each entry is a claim, its id
the claim's permalink, so a reader shows every claim once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import Connection

from app.storage import queries
from app.storage.queries import ClaimFilters, ClaimRecord
from app.web.atom import MEDIA_TYPE, Category, Entry, Feed, atom_document
from app.web.claims import labels
from app.web.deps import ConnectionDep, UrlsDep
from app.web.errors import NotFound
from app.web.filters import ClaimQueryDep
from app.web.present import said_on_words, web_url
from app.web.sharing import source_names
from app.web.stories import read_story
from app.web.urls import Chip, Urls, canonical_query, chips

router = APIRouter(include_in_schema=False)

FEED_SIZE = 50  # the newest claims a feed carries


def entry_summary(claim: ClaimRecord) -> str:
    """Who said it, how firmly and when, the words, and where they were published."""
    when = said_on_words(claim.said_on, claim.said_on_precision)
    article = claim.article
    where = article.title + (f", {article.publisher}" if article.publisher else "")
    return f"{source_names(claim)} ({claim.stance}, {when}): “{claim.quote_text}” In: {where}."


def claim_entry(claim: ClaimRecord, urls: Urls) -> Entry:
    """A claim as an Atom entry; its time is its article's publication day."""
    permalink = urls.absolute(urls.claim(claim.id))
    day = f"{claim.article.published}T00:00:00Z"
    return Entry(
        id=permalink,
        title=claim.assertion,
        link=permalink,
        updated=day,
        published=day,
        authors=tuple(source.label for source in claim.sources),
        summary=entry_summary(claim),
        categories=tuple(Category(topic.slug, topic.label) for topic in claim.topics),
        related=web_url(claim.article.url),
    )


def feed_response(
    connection: Connection,
    urls: Urls,
    filters: ClaimFilters,
    titles: tuple[str, str],
    page: str,
    self_link: str,
) -> Response:
    """The Atom feed of the newest claims of `filters`, following the page `page`."""
    claims = queries.newest_claims(connection, filters, FEED_SIZE)
    entries = [claim_entry(claim, urls) for claim in claims]
    feed = Feed(
        id=urls.absolute(self_link),
        title=titles[0],
        subtitle=titles[1],
        link=urls.absolute(page),
        self_link=urls.absolute(self_link),
        updated=max((entry.updated for entry in entries), default="1970-01-01T00:00:00Z"),
        entries=entries,
    )
    return Response(atom_document(feed), media_type=MEDIA_TYPE)


@router.get("/claims/feed.atom", name="claims_feed")
async def claims_feed(request: Request, query: ClaimQueryDep, urls: UrlsDep) -> Response:
    """The newest claims of a filtered list, as Atom (the list's own filters)."""
    filters = query.filters.start()
    wanted = urls.claims_feed(filters)
    if request.query_params.multi_items() != canonical_query(filters.first_page()):
        return RedirectResponse(wanted, status_code=302)
    shown = ", ".join(chip.value for chip in list_chips(query.connection, urls, filters))
    title = f"Claims: {shown}" if shown else "All claims"
    subtitle = "The newest claims of this list on claimtrack."
    page = urls.claims(filters)
    return feed_response(query.connection, urls, filters, (title, subtitle), page, wanted)


def list_chips(connection: Connection, urls: Urls, filters: ClaimFilters) -> list[Chip]:
    """The active filters of a list, as its page shows them."""
    return chips(urls, filters, labels(connection, filters))


def value_feed(name: str, title: str, subtitle: str) -> Callable[..., Awaitable[Response]]:
    async def view(slug: str, connection: ConnectionDep, urls: UrlsDep) -> Response:
        value = queries.get_value(connection, name, slug)
        if value is None:
            raise NotFound(f"There is no {name} {slug[:60]!r}.")
        filters = ClaimFilters().choose(name, (value.slug,))
        titles = (title.format(value.label), subtitle.format(value.label))
        page = urls.value_page(name, value.slug)
        return feed_response(connection, urls, filters, titles, page, urls.value_feed(name, slug))

    view.__doc__ = f"The newest claims of one {name}, as Atom."
    return view


router.add_api_route(
    "/sources/{slug}/feed.atom",
    value_feed("source", "Claims by {}", "The newest claims {} makes, on claimtrack."),
    name="source_feed",
)
router.add_api_route(
    "/topics/{slug}/feed.atom",
    value_feed("topic", "Claims on {}", "The newest claims on {}, on claimtrack."),
    name="topic_feed",
)


@router.get("/stories/{story_id}/feed.atom", name="story_feed")
async def story_feed(story_id: str, connection: ConnectionDep, urls: UrlsDep) -> Response:
    """The newest claims of a story, as Atom: a claim that joins it is a new entry."""
    live, row = read_story(connection, story_id)
    if live != story_id:
        return RedirectResponse(urls.story_feed(live), status_code=301)
    filters = ClaimFilters().choose("story", (live,))
    titles = (
        f"Story: {row.headline}",
        f"Claims that assert the same as “{row.headline}”, newest first, on claimtrack.",
    )
    page = urls.story(live)
    return feed_response(connection, urls, filters, titles, page, urls.story_feed(live))
