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
HASH_LENGTH = 10
LANGUAGE_SAMPLE = 5000  # characters of the body the language is guessed from
LANGUAGE_CONFIDENCE = 0.9


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


def headline(tree: HtmlElement, title: str) -> str:
    """The page's visible headline (its first h1) when the title metadata repeats it.

    Metadata titles often carry a kicker ("Analysis: ...") or an older wording; an h1
    whose words all appear in the document or Open Graph title is the headline itself.
    """
    heading = next((h for h in tree.iter("h1") if " ".join(h.text_content().split())), None)
    if heading is None:
        return title
    text = " ".join(heading.text_content().split())
    titles = [
        title,
        *tree.xpath("//title/text()"),
        *tree.xpath('//meta[@property="og:title"]/@content'),
    ]
    squashed = _squash(text)
    if len(text.split()) >= 3 and any(squashed and squashed in _squash(str(t)) for t in titles):
        return text
    return title


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


def publisher_name(sitename: str | None, url: str | None) -> str | None:
    """The site's name the page gives; else the host name ("www." dropped)."""
    looks_like_address = sitename is not None and (
        "/" in sitename or re.fullmatch(r"[\w.-]+\.[a-z]{2,}", sitename.strip(), re.IGNORECASE)
    )
    if sitename and not looks_like_address:
        return " ".join(sitename.split())[:200]
    if url:
        return (urlsplit(url).hostname or "").removeprefix("www.") or None
    return sitename


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
