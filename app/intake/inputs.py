"""What the user names, to inputs the pipeline reads: files, folders, links and feeds.

A name is an http(s) URL (an article, or a feed), a folder (its article JSON files and
saved pages), or a file: `.json` is an article, a saved page is `.html`, `.htm` or
`.html.gz`, a feed file is `.rss`, `.atom`, `.xml` or `.rdf`; any other file is told
apart by its first bytes. URLs are all fetched here, before anything is loaded, and
every feed's entries after them; what cannot be fetched is an `ArticleError` naming it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from tqdm import tqdm

from app.articles import ArticleError
from app.intake.feeds import FEED_SUFFIXES, FeedEntry, FeedError, feed_entries, looks_like_feed
from app.intake.fetch import Fetched, FetchError, FetchOptions, fetch_all
from app.intake.metadata import normalized_url
from app.intake.pages import PAGE_SUFFIXES, Page, is_page_file, read_page_file
from app.pipeline import Input

PROGRESS_PAGES = 5  # fetching at least this many pages shows a progress bar
FEED_FILE_BYTES = 10 * 2**20


@dataclass(frozen=True)
class IntakeOptions:
    """How to take in pages: fetching limits, --limit for feeds, --published for undated pages."""

    fetch: FetchOptions = field(default_factory=FetchOptions)
    limit: int | None = None
    published: date | None = None


@dataclass
class Gathered:
    """The inputs to read, in the order named, and every name that could not be taken in."""

    inputs: list[Input] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)

    @property
    def has_pages(self) -> bool:
        return any(isinstance(source, Page) for source in self.inputs)


def is_url(name: str | Path) -> bool:
    """True for an http:// or https:// address."""
    return isinstance(name, str) and name.lower().startswith(("http://", "https://"))


def gather(names: Iterable[str | Path], options: IntakeOptions | None = None) -> Gathered:
    """Expand folders, read feed files, fetch every URL and every feed's entries."""
    options = options or IntakeOptions()
    gathered = Gathered()
    urls: list[str] = []
    entries: list[FeedEntry] = []
    seen: set[Path] = set()
    for name in names:
        if is_url(name):
            urls.append(str(name))
            continue
        for path in _expand(Path(name), gathered.errors):
            if path.resolve() not in seen:
                seen.add(path.resolve())
                _take_file(path, options, gathered, entries)
    for fetched in _fetch(urls, options, "Fetching links", PROGRESS_PAGES):
        _take_fetched(fetched, options, gathered, entries)
    _take_entries(entries, options, gathered)
    return gathered


def _expand(path: Path, errors: list[ArticleError]) -> list[Path]:
    """A file as it is, a folder's article files and pages (sorted), or an error."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and _in_folder(p))
        if not files:
            suffixes = ", ".join(
                f"*{suffix}" for suffix in (".json", *PAGE_SUFFIXES[:2], ".html.gz")
            )
            errors.append(ArticleError(path, f"folder has no article files ({suffixes})"))
        return files
    if path.is_file():
        return [path]
    errors.append(ArticleError(path, "no such file or folder"))
    return []


def _in_folder(path: Path) -> bool:
    return path.suffix.lower() == ".json" or is_page_file(path)


def _take_file(
    path: Path, options: IntakeOptions, gathered: Gathered, entries: list[FeedEntry]
) -> None:
    """A named file: an article JSON file, a saved page, or a feed file."""
    if path.suffix.lower() == ".json":
        gathered.inputs.append(path)
    elif is_page_file(path):
        gathered.inputs.append(Page(str(path), published=options.published))
    elif path.suffix.lower() in FEED_SUFFIXES or _starts_like_feed(path):
        _take_feed_file(path, options, gathered, entries)
    elif _starts_like_markup(path):
        gathered.inputs.append(Page(str(path), published=options.published))
    else:
        gathered.inputs.append(path)  # the JSON reader names what is wrong with it


def _take_feed_file(
    path: Path, options: IntakeOptions, gathered: Gathered, entries: list[FeedEntry]
) -> None:
    try:
        content = read_page_file(path)
        entries.extend(feed_entries(content, None, options.limit))
    except ArticleError as error:
        gathered.errors.append(error)
    except FeedError as error:
        gathered.errors.append(ArticleError(path, str(error)))


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            return stream.read(4096)
    except OSError:
        return b""  # the reader says what is wrong


def _starts_like_feed(path: Path) -> bool:
    return looks_like_feed(_head(path))


def _starts_like_markup(path: Path) -> bool:
    return _head(path).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def _fetch(
    urls: Sequence[str], options: IntakeOptions, label: str, minimum: int
) -> list[tuple[str, Fetched | FetchError]]:
    """Fetch each distinct URL once, with a progress bar for `minimum` or more."""
    chosen: dict[str, str] = {}
    for url in urls:
        chosen.setdefault(normalized_url(url), url)
    unique = list(chosen.values())
    quiet = len(unique) < max(minimum, 2)
    with tqdm(total=len(unique), unit="page", desc=label, file=sys.stderr, disable=quiet) as bar:
        results = fetch_all(unique, options.fetch, done=lambda: bar.update(1))
    return list(zip(unique, results, strict=True))


def _take_fetched(
    fetched: tuple[str, Fetched | FetchError],
    options: IntakeOptions,
    gathered: Gathered,
    entries: list[FeedEntry],
) -> None:
    """A fetched link: a page to read, or a feed whose entries are fetched next."""
    url, result = fetched
    if isinstance(result, FetchError):
        gathered.errors.append(ArticleError(url, str(result)))
    elif looks_like_feed(result.content):
        try:
            entries.extend(feed_entries(result.content, result.final_url, options.limit))
        except FeedError as error:
            gathered.errors.append(ArticleError(url, str(error)))
    elif result.is_html:
        gathered.inputs.append(_page(url, result, options, None))
    else:
        problem = f"not an HTML page or a feed ({result.media_type})"
        gathered.errors.append(ArticleError(url, problem))


def _take_entries(entries: list[FeedEntry], options: IntakeOptions, gathered: Gathered) -> None:
    """Fetch every feed entry's page; an entry that is not an HTML page is named."""
    dates = {entry.link: entry.published for entry in entries}
    for url, result in _fetch(
        [entry.link for entry in entries], options, "Fetching feed entries", PROGRESS_PAGES
    ):
        if isinstance(result, FetchError):
            gathered.errors.append(ArticleError(url, str(result)))
        elif not result.is_html:
            problem = f"not an HTML page ({result.media_type})"
            gathered.errors.append(ArticleError(url, problem))
        else:
            gathered.inputs.append(_page(url, result, options, dates.get(url)))


def _page(url: str, fetched: Fetched, options: IntakeOptions, feed_date: date | None) -> Page:
    return Page(
        name=url,
        content=fetched.content,
        url=fetched.final_url,
        charset=fetched.charset,
        header_language=fetched.language,
        feed_date=feed_date,
        published=options.published,
    )
