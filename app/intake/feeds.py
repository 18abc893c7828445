"""News feeds (RSS 0.9x, 1.0 and 2.0; Atom) to the links of their entries, newest first."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import feedparser

FEED_SUFFIXES = (".rss", ".atom", ".xml", ".rdf")
# The first element of a feed, after any XML declaration, comments or processing instructions.
FEED_ROOT = re.compile(
    rb"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<(?:[\w-]+:)?(rss|feed|RDF)\b", re.DOTALL
)


class FeedError(Exception):
    """A document that is not a usable feed, with the reason in one line."""


@dataclass(frozen=True)
class FeedEntry:
    """One entry: the address of its article and the date the feed gives it, if any."""

    link: str
    published: date | None


def looks_like_feed(content: bytes) -> bool:
    """True if the document starts like an RSS, RDF or Atom feed."""
    return FEED_ROOT.match(content.lstrip(b"\xef\xbb\xbf")[:4096]) is not None


def feed_entries(
    content: bytes, url: str | None = None, limit: int | None = None
) -> list[FeedEntry]:
    """The entries of a feed with a link, newest first (the feed's order when undated).

    Relative links are resolved against the feed's address. `limit` keeps the newest N.
    """
    headers = {"content-location": url} if url else {}
    parsed = feedparser.parse(content, response_headers=headers, sanitize_html=False)
    if not parsed.get("version") and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")()
        raise FeedError(f"not an RSS or Atom feed{f' ({reason})' if reason else ''}")
    entries = [entry for raw in parsed.entries if (entry := _entry(raw)) is not None]
    if not entries:
        raise FeedError("the feed has no entries with a web address")
    if all(entry.published is not None for entry in entries):
        entries.sort(key=lambda entry: entry.published or date.min, reverse=True)
    unique = list(dict.fromkeys(entries))  # a link listed twice is loaded once
    return unique[:limit] if limit is not None else unique


def _entry(raw: feedparser.FeedParserDict) -> FeedEntry | None:
    link = (raw.get("link") or "").strip()
    if urlsplit(link).scheme not in ("http", "https"):
        return None
    when = raw.get("published_parsed") or raw.get("updated_parsed")
    published = datetime.fromtimestamp(calendar.timegm(when), UTC).date() if when else None
    return FeedEntry(link, published)
