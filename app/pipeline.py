"""Articles to extracted claims: read, validate and extract in worker processes.

An input is an article JSON file or a web page (a saved file, or one fetched already:
`app.intake`). Reading a page's main text and extraction are pure and CPU-bound, so
inputs are read and extracted in chunks by a pool of processes (one per core), which
also read each claim the way story grouping compares claims (`app/stories/prepare.py`),
so that the process writing the database only writes and groups. Results come back in
input order, so a load is deterministic, and only a few chunks are in flight at once,
so memory stays flat however many files there are. A bad file is a result too (an `ArticleError`): the
caller collects every one and decides what to do.

Claims are read from English text only: an article in another language is loaded with
its language code and no claims, and a note says so.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.articles import ArticleError, ArticleErrors, SlugRegister, read_article
from app.extraction.model import Article, ExtractedArticle
from app.intake.pages import Page, read_page
from app.storage.load import HashedArticle

if TYPE_CHECKING:
    from app.stories.prepare import Prepared

Input = Path | Page  # an article JSON file, or a web page

PR_SET_PDEATHSIG = 1  # prctl option: the signal a process gets when its parent dies
CHUNK = 32  # files per task: big enough to amortise pickling, small enough to balance
IN_FLIGHT = 4  # chunks queued per worker
PARALLEL_THRESHOLD = 200  # fewer files than this are extracted in this process


@dataclass(frozen=True)
class Extracted:
    """One good input: its article with the claims found in it, and their content hash."""

    name: str  # the file or URL it was read from
    item: ExtractedArticle
    content_hash: str
    prepared: tuple[Prepared, ...] = ()  # each claim as story grouping reads it

    @property
    def claims_read(self) -> bool:
        """False for an article whose language claims are not read from."""
        return is_english(self.item.article)


Result = Extracted | ArticleError


def input_name(source: Input) -> str:
    """The file or URL an input was read from, as the user gave it."""
    return source.name if isinstance(source, Page) else str(source)


def read_input(source: Input) -> Article:
    """The validated article of a JSON file or a page; raise `ArticleError` if bad."""
    return read_page(source) if isinstance(source, Page) else read_article(source)


def is_english(article: Article) -> bool:
    """True if claims can be read from the article: English text ("en", "en-GB")."""
    return article.language.split("-")[0].lower() == "en"


def extract_file(source: Input) -> Result:
    """Read, validate and extract one input; a problem comes back as an `ArticleError`."""
    from app.extraction import extract  # heavy: knowledge files are read on first use
    from app.storage.load import extraction_hash
    from app.stories.prepare import prepare_article

    name = input_name(source)
    try:
        article = read_input(source)
    except ArticleError as error:
        return error
    except Exception as error:  # a bug in reading a page: name it, load nothing
        return ArticleError(name, f"cannot read the page ({type(error).__name__}: {error})")
    if not is_english(article):
        item = ExtractedArticle(article)
        return Extracted(name, item, extraction_hash(item))
    try:
        item = extract(article)
        prepared = prepare_article(item)
    except Exception as error:  # a bug in extraction: name the article, load nothing
        return ArticleError(name, f"cannot extract claims ({type(error).__name__}: {error})")
    return Extracted(name, item, extraction_hash(item), prepared)


def extract_chunk(sources: Sequence[Input]) -> list[Result]:
    """`extract_file` for each of `sources`, in order."""
    return [extract_file(source) for source in sources]


def worker_count() -> int:
    """One worker per core this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def extract_files(files: Sequence[Input], workers: int | None = None) -> Iterator[Result]:
    """The result of `extract_file` for every input, in input order."""
    workers = worker_count() if workers is None else workers
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        yield from map(extract_file, files)
        return
    from app.extraction import load_knowledge

    load_knowledge()  # read once here: forked workers inherit it
    from app.stories.prepare import warm_up

    warm_up()  # the story vocabulary and word weights too
    context = multiprocessing.get_context("fork")
    parent = os.getpid()
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_die_with, initargs=(parent,)
    ) as pool:
        chunks = (files[start : start + CHUNK] for start in range(0, len(files), CHUNK))
        pending: deque[Future[list[Result]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(extract_chunk, chunk))
            if len(pending) >= workers * IN_FLIGHT:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _die_with(parent: int) -> None:
    """Make a worker end when the load that started it dies, even by SIGKILL (Linux)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the worker ends when its queue closes
        return
    if os.getppid() != parent:  # the load died before the line above took effect
        os._exit(1)


def loadable_articles(
    files: Sequence[Input],
    errors: list[ArticleError],
    workers: int | None = None,
    skip_bad: bool = False,
    notes: list[str] | None = None,
) -> Iterator[HashedArticle]:
    """The good articles of `files`, hashed, for `load_articles`, while all are good.

    Every bad input (and a slug used twice) is added to `errors`; once the inputs run
    out, any error is raised as `ArticleErrors`, so a load in progress rolls back. With
    `skip_bad`, the good ones are all yielded and the bad ones only listed in `errors`.
    An article loaded without claims (not English) is noted in `notes`.
    """
    slugs = SlugRegister()
    hashes: dict[str, str] = {}
    for result in extract_files(files, workers):
        if isinstance(result, Extracted):
            slug = result.item.article.slug
            if hashes.get(slug) == result.content_hash:
                continue  # the same page reached twice (a feed and a link, say)
            try:
                slugs.claim(slug, result.name)
            except ArticleError as error:
                result = error
            else:
                hashes[slug] = result.content_hash
        if isinstance(result, ArticleError):
            errors.append(result)
            continue
        if not result.claims_read and notes is not None:
            language = result.item.article.language
            notes.append(
                f"{result.name}: the page is in {language!r}; loaded without claims "
                "(claims are read from English text only)"
            )
        if skip_bad or not errors:  # once an input is bad nothing will be kept
            yield HashedArticle(result.item, result.content_hash, result.prepared or None)
    if errors and not skip_bad:
        raise ArticleErrors(errors)
