"""What a page says about itself, as claimtrack stores it: URL, slug, title, publisher, language."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml.html import HtmlElement

from app.articles import LANGUAGE_PATTERN
from app.slugs import SLUG_MAX, slugify

# Separators between a headline and the site's name: "Headline - Outlet", "Outlet | Headline".
TITLE_SEPARATOR = re.compile(r"(\s+[-|–—·»«:]{1,2}\s+)")
TRACKING_PARAMETER = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)
SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)
ADDRESS = re.compile(r"[\w.-]+\.[a-z0-9]+(:\d+)?", re.IGNORECASE)
HASH_LENGTH = 10
LANGUAGE_SAMPLE = 5000  # characters of the body the language is guessed from
LANGUAGE_CONFIDENCE = 0.9
HEADLINE_WORDS = (3, 40)  # fewer is a section name, more is a paragraph
REWORDED_SHARE = 0.8  # of the title's words found in an h1 that rewords or completes it


def canonical_url(tree: HtmlElement, fetched: str | None) -> str | None:
    """The page's own address: its canonical link, else og:url, else where it was fetched.

    A canonical link to the site's front page from an article page is a common template
    mistake, so it is not taken over a longer fetched address.
    """
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in tree.xpath(xpath):
            url = _absolute(str(value), fetched)
            if url and not _front_page_instead_of(url, fetched):
                return url
    if fetched:
        return fetched
    return _saved_from(tree)


def _absolute(value: str, base: str | None) -> str | None:
    value = value.strip()
    url = urljoin(base, value) if base else value
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc and not any(c.isspace() for c in url):
        return url
    return None


def _front_page_instead_of(url: str, fetched: str | None) -> bool:
    return (
        fetched is not None
        and urlsplit(url).path in ("", "/")
        and urlsplit(fetched).path not in ("", "/")
    )


def _saved_from(tree: HtmlElement) -> str | None:
    """The address a browser noted when the page was saved ("<!-- saved from url=... -->")."""
    root = tree.getroottree()
    for node in root.iter():
        if callable(node.tag):  # a comment
            found = SAVED_FROM.search(b"<!--" + str(node.text or "").encode() + b"-->")
            if found:
                return found.group(1).decode()
    return None


def normalized_url(url: str) -> str:
    """`url` without what does not change the page: fragment, tracking parameters, default port."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not TRACKING_PARAMETER.match(k)
        ]
    )
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def url_slug(url: str) -> str:
    """A stable slug for the article at `url`: words of its path and a hash of the URL.

    The same address (up to fragment, tracking parameters and case of the host) always
    gives the same slug, so reloading a page updates it instead of adding a copy.
    """
    normalized = normalized_url(url)
    digest = hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:HASH_LENGTH]
    words = _path_words(urlsplit(normalized))
    room = SLUG_MAX - HASH_LENGTH - 1
    return f"{slugify(words, room) or 'page'}-{digest}"


def _path_words(parts: Any) -> str:
    """The last path segments with letters in them ("/2024/05/some-story.html" -> "some-story")."""
    segments = [s for s in parts.path.split("/") if s]
    for segment in reversed(segments):
        stem = re.sub(r"\.(s?html?|php|aspx?|jsp)$", "", segment, flags=re.IGNORECASE)
        if re.search(r"[A-Za-z]{2,}", stem):
            return stem
    return (parts.hostname or "").removeprefix("www.")


def clean_title(title: str, sitename: str | None, url: str | None) -> str:
    """The headline without the site's name glued on ("Headline - Outlet", "Outlet | Headline")."""
    pieces = TITLE_SEPARATOR.split(" ".join(title.split()))  # part, separator, part, ...
    names = _site_names(sitename, url)
    while len(pieces) > 1 and _names_site(pieces[-1], names):
        del pieces[-2:]
    while len(pieces) > 1 and _names_site(pieces[0], names):
        del pieces[:2]
    return "".join(pieces).strip()


def headline(tree: HtmlElement, title: str, url: str | None = None) -> str:
    """The page's visible headline when the title metadata names the same story.

    Metadata titles often carry a kicker ("Analysis: ..."), the site's name, a shorter
    or an older wording; the headline the page shows is taken instead when it is an
    h1 (else an h2) whose words all appear in the document or Open Graph title, or an
    h1 that opens like a title and holds most of its words. A heading that is only a link
    to the site's front page is its logo, not a headline.
    """
    titles = [
        title,
        *tree.xpath("//title/text()"),
        *tree.xpath('//meta[@property="og:title"]/@content'),
    ]
    titles = [" ".join(str(t).split()) for t in titles if str(t).strip()]
    for tag in ("h1", "h2"):
        for heading in tree.iter(tag):
            text = " ".join(heading.text_content().split())
            if not HEADLINE_WORDS[0] <= len(text.split()) <= HEADLINE_WORDS[1]:
                continue
            if site_heading(heading, url) is not None:
                continue
            if any(_repeats(text, t) or (tag == "h1" and _rewords(text, t)) for t in titles):
                return text
    return title


def logo_name(tree: HtmlElement, url: str | None) -> str | None:
    """The site's name as its logo heading shows it, for pages whose metadata gives none."""
    for heading in tree.iter("h1", "h2"):
        name = site_heading(heading, url)
        if name:
            return name
    return None


def site_heading(heading: HtmlElement, url: str | None) -> str | None:
    """The site's name, when a heading is nothing but a link to the site's front page."""
    text = " ".join(heading.text_content().split())
    for link in heading.iter("a"):
        target = urlsplit(urljoin(url or "", str(link.get("href", ""))))
        if target.path in ("", "/") and " ".join(link.text_content().split()) == text:
            return text or None
    return None


def _repeats(heading: str, title: str) -> bool:
    """The heading's text appears whole in the title ("Headline | Section | Outlet")."""
    squashed = _squash(heading)
    return bool(squashed) and squashed in _squash(title)


def _rewords(heading: str, title: str) -> bool:
    """The heading opens like the title and holds most of its words: reworded or completed.

    A heading that opens otherwise ("KNOWHOW Wie ...") puts a kicker before the headline.
    """
    title_words, heading_words = _words(title), _words(heading)
    if len(set(title_words)) < HEADLINE_WORDS[0] or title_words[0] != heading_words[0]:
        return False
    shared = set(title_words) & set(heading_words)
    return len(shared) >= REWORDED_SHARE * len(set(title_words))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", slugify(text, 1000))


def _site_names(sitename: str | None, url: str | None) -> set[str]:
    names = set()
    if sitename:
        names.add(_squash(sitename))
    if url:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        names.add(_squash(host))
        names.add(_squash(host.rsplit(".", 1)[0]))  # "globalvoices.org" -> "globalvoices"
    return {name for name in names if len(name) >= 2}


def _names_site(part: str, names: set[str]) -> bool:
    """True if a title part is the site's name ("BBC News" for bbc.co.uk, "VOA" for voanews.com)."""
    squashed = _squash(part)
    if len(squashed) < 3 or len(part.split()) > 6:
        return False
    return any(
        squashed == name or name.startswith(squashed) or squashed.startswith(name) for name in names
    )


def site_name(sitename: str | None, tree: HtmlElement, url: str | None) -> str | None:
    """The site's name: from the page's metadata, else from its logo heading; None if neither."""
    if sitename and not _looks_like_address(sitename):
        return sitename
    return logo_name(tree, url) or sitename


def publisher_name(sitename: str | None, url: str | None) -> str | None:
    """The site's name the page gives; else the host name ("www." dropped)."""
    if sitename and not _looks_like_address(sitename):
        return " ".join(sitename.split())[:200]
    if url:
        return (urlsplit(url).hostname or "").removeprefix("www.") or None
    return sitename


def _looks_like_address(name: str) -> bool:
    """A host name or address given as a site's name ("example.org", "127.0.0.1:8000")."""
    name = name.strip()
    return "/" in name or bool(ADDRESS.fullmatch(name))


def page_language(tree: HtmlElement, body: str, header: str | None) -> str:
    """The page's language: declared (html lang, meta, header) unless the text clearly says otherwise."""
    declared = _declared_language(tree, header)
    detected, confidence = _detect_language(body)
    if declared and declared.split("-")[0].lower() == detected:
        return declared
    if confidence >= LANGUAGE_CONFIDENCE or not declared:
        return detected
    return declared


def _declared_language(tree: HtmlElement, header: str | None) -> str | None:
    candidates = [
        *tree.xpath("/html/@lang"),
        *tree.xpath("/html/@xml:lang", namespaces={"xml": "http://www.w3.org/XML/1998/namespace"}),
        *tree.xpath(
            '//meta[translate(@http-equiv, "CONTENTLAGU", "contentlagu")="content-language"]/@content'
        ),
        *tree.xpath('//meta[@property="og:locale"]/@content'),
        header or "",
    ]
    for candidate in candidates:
        value = str(candidate).split(",")[0].strip().replace("_", "-")
        if value and LANGUAGE_PATTERN.match(value) and len(value) <= 35:
            primary, _, rest = value.partition("-")
            return primary.lower() + (f"-{rest}" if rest else "")
    return None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _detect_language(text: str) -> tuple[str, float]:
    """The language of the text and the probability of that guess (py3langid)."""
    language, probability = _identifier().classify(text[:LANGUAGE_SAMPLE])
    return str(language), float(probability)
