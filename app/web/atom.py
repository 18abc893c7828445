"""Atom (RFC 4287) documents: a feed of claims, serialised with the standard library's
ElementTree, which escapes every text and attribute; characters XML cannot carry are
dropped first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml; charset=utf-8"
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Category:
    term: str
    label: str


@dataclass(frozen=True)
class Entry:
    """One entry: a claim, with the absolute links it points to."""

    id: str  # a permanent IRI: the claim's permalink
    title: str
    link: str
    updated: str  # RFC 3339
    published: str
    authors: tuple[str, ...]
    summary: str
    categories: tuple[Category, ...] = ()
    related: str | None = None  # the original article


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    subtitle: str
    link: str  # the page the feed follows
    self_link: str
    updated: str
    entries: list[Entry]


def clean(text: str) -> str:
    """`text` without the characters XML 1.0 cannot carry."""
    return _NOT_XML.sub("", text)


def _add(
    parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str
) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, {k: clean(v) for k, v in attributes.items()})
    if text is not None:
        element.text = clean(text)
    return element


def _entry(feed: ElementTree.Element, entry: Entry) -> None:
    element = _add(feed, "entry")
    _add(element, "id", entry.id)
    _add(element, "title", entry.title, type="text")
    _add(element, "link", rel="alternate", type="text/html", href=entry.link)
    if entry.related:
        _add(element, "link", rel="related", type="text/html", href=entry.related)
    _add(element, "published", entry.published)
    _add(element, "updated", entry.updated)
    for name in entry.authors:
        _add(_add(element, "author"), "name", name)
    for category in entry.categories:
        _add(element, "category", term=category.term, label=category.label)
    _add(element, "summary", entry.summary, type="text")


def atom_document(feed: Feed) -> bytes:
    """The feed as an Atom document, UTF-8."""
    root = ElementTree.Element("feed", {"xmlns": ATOM})
    _add(root, "id", feed.id)
    _add(root, "title", feed.title, type="text")
    _add(root, "subtitle", feed.subtitle, type="text")
    _add(root, "link", rel="self", type="application/atom+xml", href=feed.self_link)
    _add(root, "link", rel="alternate", type="text/html", href=feed.link)
    _add(root, "updated", feed.updated)
    _add(_add(root, "author"), "name", "claimtrack")
    _add(root, "generator", "claimtrack")
    for entry in feed.entries:
        _entry(root, entry)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
