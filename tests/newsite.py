"""A news site on 127.0.0.1 for the intake tests: real saved pages, feeds and bad answers.

Pages come from `tests/pages/` (openly licensed, committed; see SOURCES.md there) and
from the newspaper4k 0.9.6 source distribution on PyPI (news pages that may not be
redistributed: downloaded once into `tests/pages/.cache/`, checked against their hash,
never committed). The site also serves synthetic pages made from `claimtrack synth`
articles, for a feed of 50 entries.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import html
import subprocess
import sys
import tarfile
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import brotli
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Route

from app.synth import generate_articles

PAGES = Path(__file__).resolve().parent / "pages"
CACHE = PAGES / ".cache"
PACKAGE = "newspaper4k==0.9.6"
PACKAGE_FILE = "newspaper4k-0.9.6.tar.gz"
PACKAGE_SHA256 = "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e"
PACKAGE_PAGES = "newspaper4k-0.9.6/tests/data/html/"
ROBOTS = "User-agent: *\nDisallow: /private/\n"
HTML = "text/html; charset=utf-8"
HUGE_BYTES = 11 * 2**20


def packaged_page(name: str) -> bytes:
    """A saved page from the newspaper4k source distribution (downloaded once, hash-checked)."""
    archive = CACHE / PACKAGE_FILE
    if not archive.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "pip", "download", "-q", "--no-deps"]
        command += ["--no-binary", ":all:", "-d", str(CACHE), PACKAGE]
        subprocess.run(command, check=True, capture_output=True, timeout=300)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    assert digest == PACKAGE_SHA256, f"{archive} is not the expected file (sha256 {digest})"
    with tarfile.open(archive) as bundle:
        member = bundle.extractfile(PACKAGE_PAGES + name)
        assert member is not None, name
        return member.read()


def committed_page(name: str) -> bytes:
    """A saved page committed under tests/pages/."""
    return (PAGES / name).read_bytes()


class SavedPages(Mapping[str, bytes]):
    """Pages by name, read before the site serves them; one that cannot be read fails alone.

    Without PyPI the pages of the source distribution cannot be had: only the tests that
    serve them fail (with the reason), and the tests of the committed pages still run.
    """

    def __init__(self, loaders: dict[str, Callable[[], bytes]]) -> None:
        self._loaders = loaders
        self._read: dict[str, bytes] = {}
        self._failed: dict[str, Exception] = {}
        for name in loaders:
            try:
                self._read[name] = loaders[name]()
            except (OSError, subprocess.SubprocessError) as error:
                self._failed[name] = error

    def __getitem__(self, name: str) -> bytes:
        if name in self._failed:
            raise RuntimeError(f"saved page {name} could not be read: {self._failed[name]}")
        return self._read[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaders)

    def __len__(self) -> int:
        return len(self._loaders)


def synthetic_page(article: dict[str, Any]) -> bytes:
    """An article of the synthetic corpus as a news page: navigation, article, footer."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in article["body"].split("\n\n"))
    title = html.escape(article["title"])
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Synthetic Wire</title>
<meta property="og:site_name" content="Synthetic Wire">
<meta property="article:published_time" content="{article["published"]}T08:00:00Z">
</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a>
<a href="/business">Business</a></nav></header>
<main><article><h1>{title}</h1>{paragraphs}</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Another story</a></li></ul></aside>
<footer><p>Synthetic Wire. All rights reserved.</p></footer></body></html>"""
    return page.encode("utf-8")


def rss(entries: list[tuple[str, str, date]]) -> bytes:
    """An RSS 2.0 feed of (link, title, published) entries."""
    items = "".join(
        f"<item><title>{html.escape(title)}</title><link>{html.escape(link)}</link>"
        f"<pubDate>{format_datetime(datetime(d.year, d.month, d.day, 9, tzinfo=UTC))}</pubDate></item>"
        for link, title, d in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Test news</title><link>http://127.0.0.1/</link><description>Test</description>{items}"
        "</channel></rss>"
    ).encode()


def atom(entries: list[tuple[str, str, date]]) -> bytes:
    """An Atom feed of (link, title, published) entries; links relative to the feed."""
    items = "".join(
        f'<entry><title>{html.escape(title)}</title><link rel="alternate" href="{html.escape(link)}"/>'
        f"<id>urn:test:{index}</id><updated>{d.isoformat()}T09:00:00Z</updated></entry>"
        for index, (link, title, d) in enumerate(entries)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Test news</title><id>urn:test</id><updated>2024-01-01T00:00:00Z</updated>{items}</feed>"
    ).encode()


@dataclass
class NewsSite:
    """What the site serves, and what it was asked for."""

    pages: Mapping[str, bytes]
    feeds: dict[str, bytes] = field(default_factory=dict)
    synthetic: list[bytes] = field(default_factory=list)
    synthetic_delay: float = 0.0
    slow_seconds: float = 5.0
    requests: Counter[str] = field(default_factory=Counter)
    user_agents: set[str] = field(default_factory=set)

    def app(self) -> Starlette:
        """The site as an ASGI app."""
        return Starlette(routes=[Route("/{path:path}", self.answer)])

    async def answer(self, request: Request) -> Response:
        path = "/" + request.path_params["path"]
        self.requests[path] += 1
        self.user_agents.add(request.headers.get("user-agent", ""))
        section, _, name = path[1:].partition("/")
        handler = getattr(self, f"_{section.replace('-', '_').replace('.', '_')}", None)
        if handler is None:
            return PlainTextResponse("not found", status_code=404)
        response: Response = await handler(name, request)
        return response

    async def _robots_txt(self, name: str, request: Request) -> Response:
        return PlainTextResponse(ROBOTS)

    async def _news(self, name: str, request: Request) -> Response:
        if name not in self.pages:
            return PlainTextResponse("not found", status_code=404)
        return Response(self.pages[name], media_type=HTML)

    _private = _news

    async def _gzip(self, name: str, request: Request) -> Response:
        body = gzip.compress(self.pages[name])
        return Response(body, media_type=HTML, headers={"content-encoding": "gzip"})

    async def _brotli(self, name: str, request: Request) -> Response:
        body = brotli.compress(self.pages[name])
        return Response(body, media_type=HTML, headers={"content-encoding": "br"})

    async def _moved(self, name: str, request: Request) -> Response:
        return RedirectResponse(f"/news/{name}", status_code=301)

    async def _loop(self, name: str, request: Request) -> Response:
        return RedirectResponse(f"/loop/{int(name or 0) + 1}", status_code=302)

    async def _busy(self, name: str, request: Request) -> Response:
        if self.requests[f"/busy/{name}"] == 1:
            return PlainTextResponse("slow down", status_code=429, headers={"retry-after": "1"})
        return await self._news(name, request)

    async def _always_busy(self, name: str, request: Request) -> Response:
        return PlainTextResponse("slow down", status_code=429, headers={"retry-after": "1"})

    async def _slow(self, name: str, request: Request) -> Response:
        await asyncio.sleep(self.slow_seconds)
        return await self._news(name, request)

    async def _huge(self, name: str, request: Request) -> Response:
        if name == "streamed":  # no Content-Length: the cap must stop the reading

            async def chunks() -> Any:
                for _ in range(HUGE_BYTES // 2**16):
                    yield b"<p>" + b"x" * (2**16 - 7) + b"</p>\n"

            return StreamingResponse(chunks(), media_type=HTML)
        return Response(b"<html><body>" + b"x" * HUGE_BYTES, media_type=HTML)

    async def _files(self, name: str, request: Request) -> Response:
        return Response(b"%PDF-1.4 not a page", media_type="application/pdf")

    async def _feeds(self, name: str, request: Request) -> Response:
        if name not in self.feeds:
            return PlainTextResponse("not found", status_code=404)
        kind = "application/atom+xml" if name.endswith(".atom") else "application/rss+xml"
        return Response(self.feeds[name], media_type=kind)

    async def _synthetic(self, name: str, request: Request) -> Response:
        await asyncio.sleep(self.synthetic_delay)
        return Response(self.synthetic[int(name.removesuffix(".html"))], media_type=HTML)


def synthetic_pages(count: int, seed: int = 5) -> tuple[list[bytes], list[dict[str, Any]]]:
    """`count` synthetic news pages and the articles they were made from."""
    articles = list(generate_articles(count, seed))
    return [synthetic_page(article) for article in articles], articles


def synthetic_feed(base: str, articles: list[dict[str, Any]]) -> bytes:
    """An RSS feed listing every synthetic page."""
    start = date(2024, 1, 1)
    entries = [
        (f"{base}/synthetic/{index}.html", article["title"], start + timedelta(days=index))
        for index, article in enumerate(articles)
    ]
    return rss(entries)
