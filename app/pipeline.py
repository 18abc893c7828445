"""Article files to extracted claims: read, validate and extract in worker processes.

Extraction is pure and CPU-bound, so files are read and extracted in chunks by a pool
of processes (one per core). Results come back in input order, so a load is
deterministic, and only a few chunks are in flight at once, so memory stays flat
however many files there are. A bad file is a result too (an `ArticleError`): the
caller collects every one and decides what to do.
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

from app.articles import ArticleError, ArticleErrors, SlugRegister, read_article
from app.extraction.model import ExtractedArticle
from app.storage.load import HashedArticle

PR_SET_PDEATHSIG = 1  # prctl option: the signal a process gets when its parent dies
CHUNK = 32  # files per task: big enough to amortise pickling, small enough to balance
IN_FLIGHT = 4  # chunks queued per worker
PARALLEL_THRESHOLD = 200  # fewer files than this are extracted in this process


@dataclass(frozen=True)
class Extracted:
    """One good file: its article with the claims found in it, and their content hash."""

    path: Path
    item: ExtractedArticle
    content_hash: str


Result = Extracted | ArticleError


def extract_file(path: Path) -> Result:
    """Read, validate and extract one file; a problem comes back as an `ArticleError`."""
    from app.extraction import extract  # heavy: knowledge files are read on first use
    from app.storage.load import extraction_hash

    try:
        article = read_article(path)
    except ArticleError as error:
        return error
    try:
        item = extract(article)
    except Exception as error:  # a bug in extraction: name the article, load nothing
        return ArticleError(path, f"cannot extract claims ({type(error).__name__}: {error})")
    return Extracted(path, item, extraction_hash(item))


def extract_chunk(paths: Sequence[Path]) -> list[Result]:
    """`extract_file` for each of `paths`, in order."""
    return [extract_file(path) for path in paths]


def worker_count() -> int:
    """One worker per core this process may use."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def extract_files(files: Sequence[Path], workers: int | None = None) -> Iterator[Result]:
    """The result of `extract_file` for every file, in input order."""
    workers = worker_count() if workers is None else workers
    if workers <= 1 or len(files) < PARALLEL_THRESHOLD:
        yield from map(extract_file, files)
        return
    from app.extraction import load_knowledge

    load_knowledge()  # read once here: forked workers inherit it
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
    files: Sequence[Path], errors: list[ArticleError], workers: int | None = None
) -> Iterator[HashedArticle]:
    """The good articles of `files`, hashed, for `load_articles`, while all are good.

    Every bad file (and a slug used twice) is added to `errors`; once the files run
    out, any error is raised as `ArticleErrors`, so a load in progress rolls back.
    """
    slugs = SlugRegister()
    for result in extract_files(files, workers):
        if isinstance(result, Extracted):
            try:
                slugs.claim(result.item.article.slug, result.path)
            except ArticleError as error:
                result = error
        if isinstance(result, ArticleError):
            errors.append(result)
        elif not errors:  # once a file is bad nothing will be kept: only check the rest
            yield result.item, result.content_hash
    if errors:
        raise ArticleErrors(errors)
