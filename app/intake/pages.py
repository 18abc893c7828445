"""A web page's HTML to a validated `Article`: main text and metadata by trafilatura.

trafilatura finds the main text (without navigation, ads, comments, related links or
image captions) and the metadata: title, publication date (htmldate), site name and
canonical URL. Around it this module decides what claimtrack stores: a title without
the site's name glued on, the publisher, the page's own URL, the language, a slug
derived from the URL, and the body as paragraphs separated by a blank line. The result
goes through the same validation as an article JSON file.
"""

from __future__ import annotations

import copy
import gzip
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html

from app.articles import ArticleError, article_from_dict
from app.extraction.model import Article
from app.intake.dates import dateline_date
from app.intake.metadata import (
    canonical_url,
    clean_title,
    headline,
    page_language,
    publisher_name,
    site_name,
    url_slug,
)

MAX_PAGE_BYTES = 10 * 2**20  # a saved page, decompressed; as for fetched pages
MIN_WORDS = 20  # a shorter text is a menu or a caption, not an article
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")


@dataclass(frozen=True)
class Page:
    """A page to read: fetched bytes, or a saved file (`content` None), and what is known."""

    name: str  # the file or URL as given, for messages
    content: bytes | None = None
    url: str | None = None  # where it was fetched from, after redirects
    charset: str | None = None  # from the Content-Type header
    header_language: str | None = None  # from the Content-Language header
    feed_date: date | None = None  # the feed entry's date, when it came from a feed
    published: date | None = None  # --published: for a page with no date of its own


def is_page_file(path: Path) -> bool:
    """True for a saved web page: .html, .htm or .xhtml, possibly gzip-compressed."""
    return path.name.lower().endswith(PAGE_SUFFIXES)


def read_page(page: Page) -> Article:
    """The article a page holds; raise `ArticleError` naming the page and the problem."""
    content = page.content if page.content is not None else read_page_file(Path(page.name))
    tree = parse_html(content, page.charset)
    if tree is None:
        raise ArticleError(page.name, "not an HTML page (nothing could be parsed)")
    return page_article(tree, page)


def read_page_file(path: Path) -> bytes:
    """The bytes of a saved page, decompressed if it ends in .gz, within the size cap."""
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise ArticleError(path, f"file is too big ({size / 2**20:.1f} MB; at most 10 MB)")
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(path, f"cannot read file ({error.strerror})") from error
    if path.name.lower().endswith(".gz"):
        try:
            with gzip.open(path, "rb") as stream:
                raw = stream.read(MAX_PAGE_BYTES + 1)
        except (OSError, EOFError) as error:
            raise ArticleError(path, f"not a readable gzip file ({error})") from error
    if len(raw) > MAX_PAGE_BYTES:
        raise ArticleError(path, "page is too big (over 10 MB)")
    return raw


def parse_html(content: bytes, charset: str | None) -> HtmlElement | None:
    """The page's tree; bytes are decoded with the server's charset when it gave one."""
    if charset:
        try:
            return load_html(content.decode(charset, errors="replace"))
        except LookupError:  # an unknown charset name: let the parser detect it
            pass
    return load_html(content)


def page_article(tree: HtmlElement, page: Page) -> Article:
    """Build and validate the article from a parsed page."""
    url = canonical_url(tree, page.url)
    document = trafilatura.bare_extraction(
        copy.deepcopy(tree),  # trafilatura prunes the tree it reads; the dateline needs it whole
        url=url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        date_extraction_params=date_options(),
    )
    if not isinstance(document, Document) or not (document.text or "").strip():
        raise ArticleError(page.name, "no main text found on the page")
    site = site_name(document.sitename, tree, url)
    title = clean_title(headline(tree, document.title or "", url), site, url)
    if not title:
        raise ArticleError(page.name, "no title found on the page")
    body = body_text(document.text or "", title)
    words = len(body.split())
    if words < MIN_WORDS:  # what trafilatura falls back to on a page with no article
        problem = f"no main text found on the page (only {words} words outside navigation)"
        raise ArticleError(page.name, problem)
    data: dict[str, Any] = {
        "title": title,
        "publisher": publisher_name(site, url),
        "url": url,
        "published": _published(dateline_date(tree, title) or document.date, page),
        "language": page_language(tree, body, page.header_language),
        "body": body,
    }
    if url is not None:
        data["slug"] = url_slug(url)
    return article_from_dict(data, page.name)


def date_options() -> dict[str, Any]:
    """htmldate's options: the original publication date, from the page's metadata only.

    Its "extensive" search guesses from any date-like text on the page (a copyright
    year becomes January 1st); a wrong date is worse than asking for --published.
    """
    today = datetime.now(UTC).date()
    return {"original_date": True, "extensive_search": False, "max_date": today.isoformat()}


def body_text(text: str, title: str) -> str:
    """Paragraphs separated by a blank line; a leading headline repeating the title is dropped."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if paragraphs and _squashed(paragraphs[0]) == _squashed(title):
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def _squashed(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def _published(found: str | None, page: Page) -> str:
    """The page's own date (its dateline, else its metadata), else the feed entry's, else --published."""
    if found:
        return found
    fallback = page.feed_date or page.published
    if fallback is None:
        problem = "no publication date found on the page (give one with --published YYYY-MM-DD)"
        raise ArticleError(page.name, problem)
    return fallback.isoformat()
