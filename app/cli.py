"""The `claimtrack` command: flags in, one library call, a message out.

Domain errors become one line on stderr, `claimtrack: error: <what>: <problem>`, and exit
code 1; usage errors exit with 2, as argparse does. Never a traceback for bad input.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import fcntl
import os
import shutil
import sys
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from app.articles import ArticleError, ArticleErrors
from app.export import FORMATS, write_export
from app.intake.fetch import FetchOptions
from app.intake.inputs import IntakeOptions, gather
from app.intake.write import write_articles
from app.pipeline import loadable_articles
from app.storage.db import (
    ENV_VARIABLE,
    PROJECT_ROOT,
    DatabaseError,
    database_url,
    default_database_url,
    make_engine,
    sqlite_path,
)
from app.storage.load import LoadError, LoadSummary, load_articles
from app.storage.queries import (
    DIMENSIONS,
    ClaimFilters,
    ClaimOut,
    FilterError,
    iter_claims,
    parse_filters,
)

SEED_ARTICLE = PROJECT_ROOT / "data" / "seed_article.json"
PAGE_PROGRESS = 5  # a run with pages shows a progress bar from this many inputs
LOAD_HELP = "Load articles: JSON files, saved web pages, links and news feeds."
INPUT_HELP = (
    "article .json file, saved page (.html, .htm, .html.gz), folder of them, "
    "http(s) link to an article, or RSS/Atom feed (link or file)"
)
LOAD_EPILOG = """\
A run loads all its articles or none: if any input cannot be read (a bad file, a page
that cannot be fetched or has no date or main text, robots.txt forbids it, ...), nothing
is loaded and every bad input is named on a line of its own. To load a feed whose
entries are not all readable, add --skip-bad: what could be read is loaded and the rest
is named. A page with no date of its own needs --published YYYY-MM-DD.

examples:
  claimtrack load article.json more/articles/
  claimtrack load https://example.org/news/item
  claimtrack load saved-page.html
  claimtrack load https://example.org/feed.xml --limit 20 --skip-bad"""
SUMMARY_ARTICLES = 20  # per-article lines shown after a load; the rest are counted
DOMAIN_ERRORS = (ArticleError, DatabaseError, LoadError, FilterError)


@dataclass
class LoadReport:
    """What a load wrote, what it skipped (--skip-bad) and notes on what it loaded."""

    summary: LoadSummary
    skipped: list[ArticleError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def load_files(
    paths: Sequence[Path | str],
    url: str,
    intake: IntakeOptions | None = None,
    skip_bad: bool = False,
) -> LoadSummary:
    """Read, validate and extract every article and load them all in one transaction."""
    return load_inputs(paths, url, intake, skip_bad).summary


def load_inputs(
    names: Sequence[Path | str],
    url: str,
    intake: IntakeOptions | None = None,
    skip_bad: bool = False,
) -> LoadReport:
    """Take in files, folders, links and feeds, then load them all in one transaction.

    Links and feeds are fetched first, then inputs stream through extraction (in
    parallel) into the database; if any is bad, every bad input is named
    (`ArticleErrors`) and the transaction rolls back, unless `skip_bad` loads the rest.
    """
    gathered = gather(names, intake)
    errors = list(gathered.errors)
    notes: list[str] = []
    path = sqlite_path(url)
    existed = path is None or path.exists()
    engine = make_engine(url)
    articles = loadable_articles(gathered.inputs, errors, skip_bad=skip_bad, notes=notes)
    progress = len(gathered.inputs) >= PAGE_PROGRESS if gathered.has_pages else None
    try:
        summary = load_articles(engine, articles, len(gathered.inputs), show_progress=progress)
    except BaseException:
        if not existed and path is not None:
            _remove_sqlite_files(path)  # a failed first load leaves no empty database behind
        raise
    finally:
        engine.dispose()
    return LoadReport(summary, errors, notes)


def _remove_sqlite_files(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + "-journal")):
        leftover.unlink(missing_ok=True)


def load_command(args: argparse.Namespace) -> int:
    """Load articles, pages, links and feeds; print what was loaded and what was skipped."""
    with load_lock(args.db):
        report = load_inputs(args.inputs, args.db, intake_options(args), args.skip_bad)
    for note in report.notes:
        print(f"claimtrack: note: {note}", file=sys.stderr)
    for error in report.skipped:
        print(f"claimtrack: skipped: {error}", file=sys.stderr)
    print(format_summary(report.summary, args.db))
    return 0


def fetch_command(args: argparse.Namespace) -> int:
    """Write what `load` would load as article JSON files, to read or correct first."""
    gathered = gather(args.inputs, intake_options(args))
    written, skipped = write_articles(gathered, args.out, args.skip_bad)
    for error in skipped:
        print(f"claimtrack: skipped: {error}", file=sys.stderr)
    print(f"Wrote {_plural(written, 'article')} to {args.out}.")
    return 0


def intake_options(args: argparse.Namespace) -> IntakeOptions:
    """The fetching and reading options of a load or fetch command."""
    fetch = FetchOptions(concurrency=args.concurrency, timeout=args.timeout)
    return IntakeOptions(fetch=fetch, limit=args.limit, published=args.published)


@contextlib.contextmanager
def load_lock(url: str) -> Iterator[None]:
    """Hold an exclusive lock beside a SQLite database while loading into it.

    A second load refuses at once rather than failing later with SQLite's "database is
    locked" (or removing a first load's new database when its own run fails). A POSIX
    record lock belongs to this process alone: forked extraction workers do not inherit
    it, and the kernel releases it when the load ends, even by SIGKILL.
    """
    path = sqlite_path(url)
    if path is None or not path.parent.is_dir():
        yield  # other databases lock for themselves; a missing folder fails in the load
        return
    lock = path.with_name(path.name + ".lock")
    try:
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise DatabaseError(f"{lock}: cannot create the load lock ({error.strerror})") from error
    try:
        fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        os.close(descriptor)
        if error.errno not in (errno.EACCES, errno.EAGAIN):
            raise DatabaseError(f"{lock}: cannot lock ({error.strerror})") from error
        problem = "another load is running; try again when it has finished"
        raise DatabaseError(f"{path}: {problem}") from None
    try:
        yield
    finally:
        if not path.exists():
            lock.unlink(missing_ok=True)  # a failed first load leaves nothing behind
        os.close(descriptor)  # closing releases the lock


def format_summary(summary: LoadSummary, url: str) -> str:
    """A few lines: totals of the run, per-article claim counts, totals of the database."""
    unchanged = sum(article.unchanged for article in summary.articles)
    note = f" ({unchanged} unchanged)" if unchanged else ""
    lines = [
        f"Loaded {_plural(len(summary.articles), 'article')}{note}: "
        f"{_plural(summary.claims, 'claim')} from {_plural(summary.sources, 'source')}."
    ]
    width = max((len(a.slug) for a in summary.articles[:SUMMARY_ARTICLES]), default=0)
    for article in summary.articles[:SUMMARY_ARTICLES]:
        flag = "  (unchanged)" if article.unchanged else ""
        lines.append(f"  {article.slug:<{width}}  {article.claims:>4} claims{flag}")
    if len(summary.articles) > SUMMARY_ARTICLES:
        lines.append(f"  ... and {len(summary.articles) - SUMMARY_ARTICLES} more articles")
    lines.append(
        f"Database {_describe(url)} now holds {_plural(summary.total_articles, 'article')}, "
        f"{_plural(summary.total_claims, 'claim')}, {_plural(summary.total_sources, 'source')}."
    )
    return "\n".join(lines)


EXPORT_FILTERS = (
    *(dimension.name for dimension in DIMENSIONS),
    "from",
    "to",
    "q",
    "sort",
    "hide_unattributed",
)


def export_command(args: argparse.Namespace) -> int:
    """Write the claims of a filter, in list order, as jsonl, json or csv."""
    raw: dict[str, list[str]] = {}
    for name in EXPORT_FILTERS:
        value = getattr(args, "date_from" if name == "from" else name, None)
        if value:
            raw[name] = value if isinstance(value, list) else [value]
    with read_claims(args.db) as connection:
        filters = parse_filters(connection, raw)
        claims = (ClaimOut.of(record) for record in iter_claims(connection, filters))
        if args.output is None:
            write_export(args.format, sys.stdout, claims)
            return 0
        with open(args.output, "w", encoding="utf-8", newline="") as stream:
            count = write_export(args.format, stream, claims)
    print(f"Wrote {_plural(count, 'claim')} to {args.output}.", file=sys.stderr)
    return 0


@contextlib.contextmanager
def read_claims(url: str) -> Iterator[Any]:
    """A read-only connection: one snapshot of the database for the whole command."""
    engine = make_engine(url, read_only=True)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def claims_command(args: argparse.Namespace) -> int:
    """Print the loaded claims as a readable table."""
    width = shutil.get_terminal_size((120, 24)).columns
    with read_claims(args.db) as connection:
        claims = (ClaimOut.of(record) for record in iter_claims(connection, ClaimFilters()))
        for line in claims_table(claims, width):
            print(line)
    return 0


def claims_table(claims: Iterable[ClaimOut], width: int = 120) -> Iterator[str]:
    """Lines of a table: source(s), stance, said on, and the assertion wrapped to fit."""
    rows = [
        (
            ", ".join(source.label for source in claim.sources),
            claim.stance,
            _said_on(claim.said_on.date, claim.said_on.precision),
            claim.assertion,
        )
        for claim in claims
    ]
    header = ("SOURCES", "STANCE", "SAID ON", "ASSERTION")
    widths = [min(max(len(r[i]) for r in [header, *rows]), 28) for i in range(3)]
    text_width = max(width - sum(widths) - 6, 30)
    for row in [header, *rows]:
        cells = [_fit(cell, w) for cell, w in zip(row[:3], widths, strict=True)]
        lead = "  ".join(cells)
        wrapped = textwrap.wrap(row[3], text_width) or [""]
        yield f"{lead}  {wrapped[0]}"
        for more in wrapped[1:]:
            yield " " * (len(lead) + 2) + more
    yield f"{_plural(len(rows), 'claim')}."


def _fit(cell: str, width: int) -> str:
    """`cell` padded or cut (with an ellipsis) to exactly `width` characters."""
    return cell.ljust(width) if len(cell) <= width else cell[: width - 1] + "…"


def _said_on(date: str | None, precision: str) -> str:
    if precision == "unknown" or date is None:
        return "unknown"
    if precision == "before":
        return f"before {date}"
    return date


def serve_command(args: argparse.Namespace) -> int:
    """Run the read-only web app, loading the seed article first into a new database."""
    from app.web.serving import PortInUseError, serve  # the web app is imported only to serve

    path = sqlite_path(args.db)
    if path is not None and not path.exists():
        print(f"No database at {path} yet: loading {SEED_ARTICLE} first.", file=sys.stderr)
        with load_lock(args.db):
            print(format_summary(load_files([SEED_ARTICLE], args.db), args.db), file=sys.stderr)
    make_engine(args.db, read_only=True).dispose()  # fail here, clearly, if unreadable
    # Worker processes build their own app, so they find the database in the environment.
    os.environ[ENV_VARIABLE] = args.db
    try:
        serve("app.cli:app_from_environment", args.host, args.port, max(1, args.workers))
    except PortInUseError as error:
        _error(str(error))
        return 1
    return 0


def synth_command(args: argparse.Namespace) -> int:
    """Write a synthetic corpus of article JSON files, reproducible for a seed."""
    from app.synth import SynthError, generate_articles, write_corpus

    try:
        written = write_corpus(generate_articles(args.articles, args.seed), args.out, args.articles)
    except SynthError as error:
        _error(str(error))
        return 1
    print(f"Wrote {_plural(written, 'article')} to {args.out} (seed {args.seed}).")
    return 0


def app_from_environment(url: str | None = None) -> Any:
    """The web app for `url`, or for the database the environment names."""
    from app.web import create_app

    return create_app(url or default_database_url())


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: one subcommand per job, each with help text."""
    parser = argparse.ArgumentParser(
        prog="claimtrack",
        description="Track who claims what in the news: load articles, export or serve claims.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    db_help = (
        f"database: a SQLAlchemy URL or a SQLite file path (default: ${ENV_VARIABLE}, "
        "else data/claims.db)"
    )

    def command(name: str, handler: Any, summary: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=summary, description=summary)
        sub.add_argument("--db", type=_database_arg, default=None, metavar="URL", help=db_help)
        sub.set_defaults(handler=handler)
        return sub

    load = command("load", load_command, LOAD_HELP)
    load.epilog = LOAD_EPILOG
    load.formatter_class = argparse.RawDescriptionHelpFormatter
    load.add_argument("inputs", nargs="+", metavar="INPUT", help=INPUT_HELP)
    add_intake_arguments(load)

    fetch_help = "Write what load would load as article JSON files, to read or correct first."
    fetch = commands.add_parser("fetch", help=fetch_help, description=fetch_help)
    fetch.set_defaults(handler=fetch_command, db="")  # no database: "" skips the default
    fetch.add_argument("inputs", nargs="+", metavar="INPUT", help=INPUT_HELP)
    fetch.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write to")
    add_intake_arguments(fetch)

    export = command(
        "export",
        export_command,
        "Export claims as JSON lines, JSON or CSV: the claims /api/claims lists for the same "
        "filters, in the same order.",
    )
    export.add_argument("--format", choices=FORMATS, default="jsonl", help="default: jsonl")
    for dimension in DIMENSIONS:
        export.add_argument(
            f"--{dimension.name}",
            action="append" if dimension.many else "store",
            metavar=dimension.name.upper(),
            help=dimension.help,
        )
    export.add_argument("--from", dest="date_from", metavar="DATE", help="said on or after")
    export.add_argument("--to", metavar="DATE", help="said on or before")
    export.add_argument("--q", metavar="WORDS", help="words to search for")
    export.add_argument("--sort", help="newest (default), oldest or relevance (with --q)")
    export.add_argument(
        "--hide-unattributed", action="store_const", const="1", help="leave out narration"
    )
    export.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")

    command("claims", claims_command, "Print the loaded claims as a table.")

    serve = command("serve", serve_command, "Run the read-only web dashboard.")
    serve.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="default: 8000")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default: 1)")

    synth_help = "Write a synthetic corpus of article JSON files (for scale tests)."
    synth = commands.add_parser("synth", help=synth_help, description=synth_help)
    synth.set_defaults(handler=synth_command, db="")  # no database: "" skips the default
    synth.add_argument("--articles", type=int, required=True, metavar="N", help="how many")
    synth.add_argument("--out", type=Path, required=True, metavar="DIR", help="new or empty folder")
    synth.add_argument("--seed", type=int, default=0, help="same seed, same files (default: 0)")
    return parser


def add_intake_arguments(parser: argparse.ArgumentParser) -> None:
    """The flags of taking in pages, links and feeds, shared by load and fetch."""
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="take what could be read and name the rest, instead of taking nothing",
    )
    parser.add_argument(
        "--limit", type=_positive_int, metavar="N", help="from each feed, the newest N entries"
    )
    parser.add_argument(
        "--published",
        type=_date_arg,
        metavar="YYYY-MM-DD",
        help="publication date for pages that give none",
    )
    parser.add_argument(
        "--concurrency",
        type=_positive_int,
        default=4,
        metavar="N",
        help="pages fetched at once in all (default: 4; at most 2 from one site)",
    )
    parser.add_argument(
        "--timeout",
        type=_positive_float,
        default=30.0,
        metavar="SECONDS",
        help="wait this long for a page's answer (default: 30; connecting: at most 10)",
    )


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < number <= 3600:
        raise argparse.ArgumentTypeError(f"must be between 0 and 3600, got {value}")
    return number


def _date_arg(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def _database_arg(value: str) -> str:
    try:
        return database_url(value)
    except DatabaseError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `claimtrack` command; return its exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.db is None:
            args.db = default_database_url()
        return int(args.handler(args))
    except ArticleErrors as errors:
        for error in errors.errors:
            _error(str(error))
        if len(errors.errors) > 1:
            _error(f"{len(errors.errors)} inputs have problems; nothing was loaded")
        return 1
    except DOMAIN_ERRORS as error:
        _error(str(error))
        return 1
    except SQLAlchemyError as error:
        problem = getattr(error, "orig", None) or error
        _error(f"{_describe(args.db)}: {problem}")
        return 1
    except BrokenPipeError:
        # Output piped into e.g. `head`, which stopped reading: not an error. Point stdout
        # at /dev/null so Python's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


def _error(message: str) -> None:
    print(f"claimtrack: error: {message}", file=sys.stderr)


def _describe(url: str) -> str:
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    from sqlalchemy import make_url

    return make_url(url).render_as_string(hide_password=True)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


if __name__ == "__main__":
    sys.exit(main())
