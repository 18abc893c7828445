"""Fetch web pages and feeds politely: one `Fetcher` per run, many pages at once.

A good citizen on other people's servers: a User-Agent naming claimtrack and its
version, connect and read timeouts, at most 5 redirects (robots.txt checked at every
hop), a 10 MB cap on the decoded body (so a compressed bomb is stopped too), only HTML,
XHTML and feed content types, at most `concurrency` requests in all and 2 to one host,
and retries with backoff on 429 and 503 that honour `Retry-After`.

Every failure is a `FetchError` with a one-line reason; the caller names the URL.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit

import httpx

from app.intake.robots import RobotsRules

try:
    VERSION = version("claimtrack")
except PackageNotFoundError:  # running from a source tree that was never installed
    VERSION = "0.1.0"
USER_AGENT = f"claimtrack/{VERSION} (news article loader; python-httpx)"
ROBOTS_AGENT = "claimtrack"  # the product token robots.txt rules are matched against
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,text/xml;q=0.9"
REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 503)
PER_HOST = 2  # requests at once to one host, below the overall --concurrency


class FetchError(Exception):
    """A page or feed that could not be fetched, with the reason in one line."""


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch: limits, timeouts and retries (the command's flags set some)."""

    concurrency: int = 4
    timeout: float = 30.0  # seconds to wait for an answer (and at most 10 to connect)
    max_bytes: int = 10 * 2**20
    max_redirects: int = 5
    retries: int = 3  # further tries after a 429 or 503
    backoff: float = 1.0  # seconds before the first retry without Retry-After; doubles
    max_retry_wait: float = 120.0  # a longer Retry-After is not waited for


@dataclass(frozen=True)
class Fetched:
    """A fetched document: where it ended up, its media type, charset and bytes."""

    url: str  # the address asked for
    final_url: str  # after redirects
    media_type: str
    charset: str | None
    content: bytes
    language: str | None  # the Content-Language header, if any

    @property
    def is_html(self) -> bool:
        return self.media_type in HTML_TYPES


class Fetcher:
    """Fetches many URLs at once within the limits, checking robots.txt per site."""

    def __init__(self, options: FetchOptions | None = None) -> None:
        self.options = options or FetchOptions()
        self._robots: dict[str, asyncio.Task[RobotsRules]] = {}
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(PER_HOST)
        )
        self._slots = asyncio.Semaphore(max(1, self.options.concurrency))
        timeout = httpx.Timeout(self.options.timeout, connect=min(self.options.timeout, 10.0))
        self._client = httpx.AsyncClient(
            headers={"User-Agent": USER_AGENT, "Accept": ACCEPT},
            timeout=timeout,
            follow_redirects=False,  # followed here, so robots.txt is checked at each hop
        )

    async def close(self) -> None:
        """Close the connections."""
        await self._client.aclose()

    async def fetch(self, url: str) -> Fetched:
        """Fetch `url` (following redirects); raise `FetchError` saying why it failed."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            await self._check_robots(current)
            response = await self._get_with_retries(current)
            if isinstance(response, str):  # a redirect's target
                current = response
                continue
            return Fetched(url, current, *response)
        raise FetchError(f"too many redirects (more than {self.options.max_redirects})")

    async def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = asyncio.ensure_future(self._read_robots(origin))
        rules = await self._robots[origin]
        if not rules.allows(ROBOTS_AGENT, url):
            raise FetchError(f"robots.txt of {parts.netloc} does not allow fetching this page")

    async def _read_robots(self, origin: str) -> RobotsRules:
        """The site's robots.txt rules (RFC 9309: missing allows all, 5xx allows none)."""
        try:
            async with self._slot(origin):
                response = await self._client.get(origin + "/robots.txt", follow_redirects=True)
        except httpx.HTTPError as error:
            raise FetchError(describe_error(error, self.options.timeout)) from error
        if response.status_code >= 500:
            return RobotsRules.disallow_all(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            return RobotsRules.allow_all()
        return RobotsRules.parse(response.content[: self.options.max_bytes])

    def _slot(self, url: str) -> _Slots:
        return _Slots(self._slots, self._hosts[urlsplit(url).netloc.lower()])

    async def _get_with_retries(self, url: str) -> str | tuple[str, str | None, bytes, str | None]:
        """One GET, retried on 429 and 503; a redirect's absolute target, or the document."""
        wait = self.options.backoff
        for attempt in range(self.options.retries + 1):
            try:
                async with self._slot(url):
                    result = await self._get(url)
            except _Retry as retry:
                last_try = attempt == self.options.retries
                delay = retry.after if retry.after is not None else wait
                if last_try or delay > self.options.max_retry_wait:
                    raise FetchError(f"{retry.status}, still after {attempt + 1} tries") from None
                await asyncio.sleep(delay)
                wait *= 2
                continue
            return result
        raise AssertionError("unreachable")  # pragma: no cover

    async def _get(self, url: str) -> str | tuple[str, str | None, bytes, str | None]:
        try:
            async with self._client.stream("GET", url) as response:
                status = response.status_code
                if status in REDIRECTS and "location" in response.headers:
                    return redirect_target(url, response.headers["location"])
                if status in RETRY_STATUSES:
                    raise _Retry(status_text(response), retry_after(response.headers))
                if status != 200:
                    raise FetchError(status_text(response))
                media_type, charset = content_type(response.headers.get("content-type", ""))
                if media_type not in HTML_TYPES + FEED_TYPES:
                    shown = media_type or "no content type"
                    raise FetchError(f"not an HTML page or a feed ({shown})")
                content = await self._read_body(response)
        except httpx.HTTPError as error:
            raise FetchError(describe_error(error, self.options.timeout)) from error
        return media_type, charset, content, response.headers.get("content-language")

    async def _read_body(self, response: httpx.Response) -> bytes:
        """The decoded body, refused as soon as it passes the size cap."""
        limit = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(too_large(int(declared), limit))
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():  # gzip, deflate and brotli decoded
            size += len(chunk)
            if size > limit:
                raise FetchError(too_large(size, limit, at_least=True))
            chunks.append(chunk)
        return b"".join(chunks)


class _Retry(Exception):
    """A 429 or 503: try again, after `after` seconds if the server said."""

    def __init__(self, status: str, after: float | None) -> None:
        super().__init__(status)
        self.status = status
        self.after = after


class _Slots:
    """Hold one overall request slot and one slot of the host, in that order."""

    def __init__(self, overall: asyncio.Semaphore, host: asyncio.Semaphore) -> None:
        self.overall, self.host = overall, host

    async def __aenter__(self) -> None:
        await self.host.acquire()
        try:
            await self.overall.acquire()
        except BaseException:
            self.host.release()
            raise

    async def __aexit__(self, *_: object) -> None:
        self.overall.release()
        self.host.release()


def fetch_all(
    urls: Sequence[str],
    options: FetchOptions | None = None,
    done: Callable[[], object] | None = None,
) -> list[Fetched | FetchError]:
    """Fetch every URL at once within the limits; results in input order."""

    async def run() -> list[Fetched | FetchError]:
        fetcher = Fetcher(options)
        try:
            return list(await asyncio.gather(*(one(fetcher, url) for url in urls)))
        finally:
            await fetcher.close()

    async def one(fetcher: Fetcher, url: str) -> Fetched | FetchError:
        try:
            return await fetcher.fetch(url)
        except FetchError as error:
            return error
        finally:
            if done is not None:
                done()

    return asyncio.run(run()) if urls else []


def redirect_target(url: str, location: str) -> str:
    """The absolute http(s) address a redirect points to."""
    target = urljoin(url, location.strip())
    if urlsplit(target).scheme not in ("http", "https"):
        raise FetchError(f"redirected to an address that is not http(s): {target[:100]!r}")
    return target


def content_type(header: str) -> tuple[str, str | None]:
    """The media type, lowercased, and the charset of a Content-Type header."""
    media_type, _, parameters = header.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').lower()
    return media_type.strip().lower(), charset


def retry_after(headers: httpx.Headers) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), if any."""
    value = headers.get("retry-after", "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def status_text(response: httpx.Response) -> str:
    phrase = response.reason_phrase or ""
    return f"HTTP {response.status_code} {phrase}".rstrip()


def too_large(size: int, limit: int, at_least: bool = False) -> str:
    shown = f"{'over ' if at_least else ''}{size / 2**20:.1f} MB"
    return f"page is too large ({shown}; at most {limit / 2**20:.0f} MB)"


def describe_error(error: httpx.HTTPError, timeout: float) -> str:
    """A one-line reason for a transport error: unreachable host, timeout, and so on."""
    if isinstance(error, httpx.ConnectTimeout):
        return f"unreachable host: no connection within {min(timeout, 10.0):g} s"
    if isinstance(error, httpx.TimeoutException):
        return f"timed out: no answer within {timeout:g} s"
    if isinstance(error, httpx.ConnectError):
        return f"unreachable host ({error or 'connection failed'})"
    if isinstance(error, httpx.TooManyRedirects):
        return "too many redirects"
    if isinstance(error, httpx.DecodingError):
        return "the page's compressed content is corrupt"
    return f"cannot fetch ({type(error).__name__}: {error})"
