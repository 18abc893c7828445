"""claimtrack next to Datasette serving the same claims the way a Datasette user would.

One command: generate a synthetic corpus and load it into claimtrack's database; export
it with `claimtrack export --format csv` and load that flat table into a second SQLite
file with sqlite-utils (claim id as primary key, an index on the source column and one
on the date, full-text search on the assertion); start both servers on 127.0.0.1; run
wrk (16 connections, a fixed duration) over each kind of request, rotating over many
URLs (dozens of sources and words, thousands of claim ids, several page depths reached
through each side's own next-page tokens; the same rotation for both); print
requests/s, p50, p99 and errors for each tool with claimtrack's figure over Datasette's.

    python3 bench/compare_datasette.py --articles 10000            # about 100k claims
    python3 bench/compare_datasette.py --articles 100000 --reuse   # about 1M claims

Everything it writes goes under bench/out/ (git-ignored): the corpus, both databases,
the CSV, Datasette's own virtualenv (with sqlite-utils), the URL lists, the server logs
and a copy of the printed report. Datasette and sqlite-utils are installed there for the
benchmark only; they are never dependencies of claimtrack. No side caches whole
responses. See bench/README.md for the requests and how to read the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
VENV = OUT / "venv"
DATASETTE = VENV / "bin" / "datasette"
SQLITE_UTILS = VENV / "bin" / "sqlite-utils"
TOOL_SPECS = ("datasette==0.65.*", "sqlite-utils>=3.37,<4")
HOST = "127.0.0.1"
PAGE_SIZE = 25  # claimtrack's list page size; Datasette is asked for the same
FLAT_TABLE = "claims"
SOURCES = 40  # sources the list requests rotate over
WORDS = 40  # search words
CLAIM_IDS = 4000  # claims the one-claim requests rotate over
STORY_IDS = 2000  # stories of two claims or more the story requests rotate over
STORY_SHARE = 0.8  # the story page's throughput over the claim page's that the issue asks for
DEPTHS = (1, 2, 5)  # list pages asked for: the first, the second, the fifth
FACET_MS = 500  # each facet's time limit, on both sides (claimtrack: FACET_SECONDS)
ROTATE_LUA = """
-- Each wrk thread walks the same list of paths, from its own starting point.
local paths = {}
local position = 0
local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  position = (tonumber(id) or 0) * 7919
end
function request()
  position = position + 1
  return wrk.format("GET", paths[(position % #paths) + 1])
end
"""


class BenchError(Exception):
    """The benchmark cannot go on; the message says why."""


def say(message: str = "") -> None:
    print(message, flush=True)


# ---------------------------------------------------------------- servers


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    log: Path
    base: str

    @property
    def pid(self) -> int:
        return self.process.pid


def start_server(name: str, command: Sequence[str], port: int, log: Path) -> Server:
    """Start a server in its own process group, its output going to `log`."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as stream:
        process = subprocess.Popen(
            list(command),
            stdout=stream,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
            start_new_session=True,
        )
    return Server(name, process, log, f"http://{HOST}:{port}")


def log_tail(path: Path, lines: int = 25) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join("    " + line for line in text.splitlines()[-lines:]) or "    (empty log)"


def wait_until_up(server: Server, path: str, timeout: float) -> float:
    """Seconds until GET `path` answered 200; BenchError (with the log tail) otherwise."""
    started = time.monotonic()
    last = "no answer"
    while time.monotonic() - started < timeout:
        if server.process.poll() is not None:
            raise BenchError(
                f"{server.name} exited with code {server.process.returncode} while starting; "
                f"last lines of {server.log}:\n{log_tail(server.log)}"
            )
        try:
            with urllib.request.urlopen(server.base + path, timeout=5) as response:
                if response.status == 200:
                    return time.monotonic() - started
                last = f"status {response.status}"
        except urllib.error.HTTPError as error:
            last = f"status {error.code}"
        except (OSError, urllib.error.URLError) as error:
            last = str(getattr(error, "reason", error))
        time.sleep(0.3)
    raise BenchError(
        f"{server.name} did not come up on {server.base}{path} within {timeout:.0f} s "
        f"(last: {last}); last lines of {server.log}:\n{log_tail(server.log)}"
    )


def stop_server(server: Server, grace: float = 10.0) -> None:
    """SIGTERM the server's process group (which it leads), SIGKILL it after `grace`."""
    if server.process.poll() is not None:
        return
    try:
        os.killpg(server.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        server.process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        with _suppress_lookup():
            os.killpg(server.pid, signal.SIGKILL)
        server.process.wait(timeout=5)


class _suppress_lookup:
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, value: Any, trace: Any) -> bool:
        return kind is ProcessLookupError


def free_port(preferred: int) -> int:
    """`preferred` when nothing listens there, else a free port the OS picks."""
    import socket

    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            probe.bind((HOST, preferred))
            return preferred
        except OSError:
            probe.bind((HOST, 0))
            return int(probe.getsockname()[1])


# ---------------------------------------------------------------- machine and versions


def machine_lines() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {cpu}, "
        f"{memory} memory, load average {load}",
        f"system: {platform.platform()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}",
    ]


def claimtrack_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("claimtrack")
    except PackageNotFoundError:
        number = "?"
    commit = _run_text(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = _run_text(["git", "-C", str(ROOT), "status", "--porcelain", "--", "app"])
    state = " with uncommitted changes under app/" if dirty else ""
    return f"claimtrack {number} (commit {commit or '?'}{state})"


def _run_text(command: Sequence[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


# ---------------------------------------------------------------- preparing the data


def run_step(label: str, command: Sequence[str], log: Path | None = None) -> float:
    """Run a command to completion; its time in seconds; BenchError if it fails."""
    say(f"{label}: {' '.join(str(c) for c in command)}")
    started = time.monotonic()
    if log is None:
        done = subprocess.run(list(command), cwd=ROOT)
    else:
        with open(log, "wb") as stream:
            done = subprocess.run(list(command), cwd=ROOT, stdout=stream, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        tail = f"; last lines of {log}:\n{log_tail(log)}" if log else ""
        raise BenchError(f"{label} failed with exit code {done.returncode}{tail}")
    return seconds


def remove_database(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def prepare_database(args: argparse.Namespace, db: Path, corpus: Path) -> None:
    """Generate and load the corpus, unless --reuse finds a database already there."""
    if args.reuse and db.exists():
        missing = missing_tables(db)
        if not missing:
            say(f"reusing {db} ({db.stat().st_size / 2**20:.0f} MiB); no synth, no load")
            return
        say(f"{db} lacks tables the app now has ({', '.join(missing)}): loading it again")
    claimtrack = shutil.which("claimtrack") or str(Path(sys.executable).parent / "claimtrack")
    files = len(list(corpus.glob("*.json"))) if corpus.is_dir() else 0
    if not (args.reuse and files >= args.articles):
        if corpus.exists():
            shutil.rmtree(corpus)
        seconds = run_step(
            "synth",
            [claimtrack, "synth", "--articles", str(args.articles), "--out", str(corpus)]
            + ["--seed", str(args.seed)],
            OUT / f"synth-{db.stem}.log",
        )
        say(f"  generated {args.articles} articles in {seconds:.1f} s")
    else:
        say(f"reusing the corpus {corpus} ({files} files)")
    remove_database(db)
    log = OUT / f"load-{db.stem}.log"
    seconds = run_step("load", [claimtrack, "load", "--db", str(db), str(corpus)], log)
    import resource

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    say(
        f"  loaded in {seconds:.0f} s ({args.articles / seconds:.0f} articles/s), largest "
        f"process peak RSS {peak:.0f} MiB; log {log}"
    )


def missing_tables(db: Path) -> list[str]:
    """Tables of the current schema that an older database file does not have."""
    from sqlmodel import SQLModel

    import app.storage.models  # noqa: F401  (registers the tables)

    connection = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        have = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    return sorted(set(SQLModel.metadata.tables) - have)


# ---------------------------------------------------------------- the flat table


def claimtrack_command() -> str:
    return shutil.which("claimtrack") or str(Path(sys.executable).parent / "claimtrack")


def prepare_flat(db: Path, flat: Path) -> list[str]:
    """The flat table a Datasette user would build from the CSV export; lines saying how."""
    if flat.exists() and flat.stat().st_mtime > db.stat().st_mtime:
        say(f"reusing {flat} ({flat.stat().st_size / 2**20:.0f} MiB)")
        return flat_description(flat)
    remove_database(flat)
    csv_file = flat.with_suffix(".csv")
    seconds = run_step(
        "export",
        [claimtrack_command(), "export", "--db", str(db), "--format", "csv", "-o", str(csv_file)],
    )
    say(f"  exported in {seconds:.0f} s ({csv_file.stat().st_size / 2**20:.0f} MiB)")
    steps = [
        ["insert", str(flat), FLAT_TABLE, str(csv_file), "--csv", "--detect-types", "--pk", "id"],
        ["create-index", str(flat), FLAT_TABLE, "source_slugs"],
        ["create-index", str(flat), FLAT_TABLE, "said_on_date"],
        ["enable-fts", str(flat), FLAT_TABLE, "assertion", "--fts5"],
        ["analyze", str(flat)],
    ]
    for step in steps:
        seconds = run_step("sqlite-utils", [str(SQLITE_UTILS), *step])
        say(f"  {step[0]} in {seconds:.0f} s")
    csv_file.unlink()
    return flat_description(flat)


def flat_description(flat: Path) -> list[str]:
    connection = sqlite3.connect(flat.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        rows = connection.execute(f"SELECT count(*) FROM {FLAT_TABLE}").fetchone()[0]
        indexes = [
            f"{name} ({', '.join(r[2] for r in connection.execute(f'PRAGMA index_info({name})'))})"
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                (FLAT_TABLE,),
            )
        ]
        fts = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = ?", (f"{FLAT_TABLE}_fts",)
        ).fetchone()
    finally:
        connection.close()
    return [
        f"flat table: {flat} ({flat.stat().st_size / 2**20:.0f} MiB), {rows} rows, primary key id",
        f"  indexes: {'; '.join(indexes)}",
        f"  full-text: {fts[0] if fts else 'none'}",
    ]


# ---------------------------------------------------------------- what the requests rotate over


@dataclass(frozen=True)
class Sample:
    sources: list[str]
    words: list[str]
    claim_ids: list[str]
    claims: int
    stories: list[tuple[str, str]]  # (story id, its headline claim's id)


def pick_stories(db: Path, seed: int) -> list[tuple[str, str]]:
    """Stories of two claims or more, each with its headline claim, read from claimtrack's file."""
    connection = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        rows = connection.execute(
            "SELECT id, headline_claim_id FROM stories "
            "WHERE claims >= 2 AND headline_claim_id IS NOT NULL ORDER BY id"
        ).fetchall()
    finally:
        connection.close()
    return random.Random(seed).sample(rows, min(STORY_IDS, len(rows)))


def pick_sample(flat: Path, db: Path, seed: int) -> Sample:
    """Sources, search words and claim ids, read from the flat table (what both serve),
    and stories, read from claimtrack's file (Datasette has none)."""
    rng = random.Random(seed)
    connection = sqlite3.connect(flat.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        claims = connection.execute(f"SELECT max(rowid) FROM {FLAT_TABLE}").fetchone()[0]
        # Sources as a Datasette user filters them: the exact value of the source column.
        sources = [
            row[0]
            for row in connection.execute(
                f"SELECT source_slugs, count(*) AS n FROM {FLAT_TABLE} "
                "WHERE source_slugs NOT LIKE '%;%' AND source_slugs != 'unattributed' "
                "GROUP BY source_slugs ORDER BY n DESC LIMIT ?",
                (SOURCES,),
            )
        ]
        connection.execute(
            f"CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, {FLAT_TABLE}_fts, 'row')"
        )
        candidates = [
            row[0]
            for row in connection.execute(
                "SELECT term FROM temp.vocab WHERE length(term) >= 5 AND doc BETWEEN ? AND ? "
                "ORDER BY doc DESC, term",
                (max(claims // 2000, 20), max(claims // 30, 40)),
            )
            if row[0].isalpha()
        ]
        words = sorted(rng.sample(candidates, min(WORDS, len(candidates))))
        rowids = rng.sample(range(1, claims + 1), min(CLAIM_IDS, claims))
        claim_ids = []
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found = dict(
                connection.execute(
                    f"SELECT rowid, id FROM {FLAT_TABLE} WHERE rowid IN ({marks})", chunk
                ).fetchall()
            )
            claim_ids += [found[r] for r in chunk if r in found]
    finally:
        connection.close()
    if len(sources) < 5 or len(words) < 5 or not claim_ids:
        raise BenchError(f"{flat}: too few sources, words or claims to rotate over")
    stories = pick_stories(db, seed)
    if not stories:
        raise BenchError(f"{db}: no story of two claims or more to rotate over")
    return Sample(sources, words, claim_ids, claims, stories)


# ---------------------------------------------------------------- the requests


@dataclass(frozen=True)
class Request:
    name: str
    claimtrack: list[str]  # the paths wrk rotates over, in order
    datasette: list[str]  # the same values, in the same order
    goal: float  # claimtrack's throughput over Datasette's that the issue asks for


def fetch(url: str, timeout: float = 60) -> tuple[int, bytes, float]:
    started = time.monotonic()
    request = urllib.request.Request(url, headers={"Accept-Encoding": "identity"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            return response.status, body, time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read(), time.monotonic() - started


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


urllib.request.install_opener(urllib.request.build_opener(NoRedirect))


def fetch_json(base: str, path: str) -> dict[str, Any]:
    status, body, _ = fetch(base + path)
    if status != 200:
        raise BenchError(f"{base}{path}: {status} {body[:200]!r}")
    found: dict[str, Any] = json.loads(body)
    return found


def page_tokens(base: str, first: str, key: str, param: str) -> dict[int, str | None]:
    """The next-page token of each depth in DEPTHS (None for the first page), following
    the list's own `next` tokens from its first page; a depth past the end is left out."""
    tokens: dict[int, str | None] = {1: None}
    token = None
    for depth in range(2, max(DEPTHS) + 1):
        path = first + (f"&{param}={urllib.parse.quote(token)}" if token else "")
        token = fetch_json(base, path).get(key)
        if not token:
            break
        if depth in DEPTHS:
            tokens[depth] = token
    return tokens


def with_token(path: str, param: str, token: str | None) -> str:
    return path + (f"&{param}={urllib.parse.quote(token)}" if token else "")


def build_requests(sample: Sample, ct: str, ds: str, dbname: str) -> list[Request]:
    """Every kind of request, each with the URLs it rotates over on both sides."""
    q = urllib.parse.quote
    table = f"/{dbname}/{FLAT_TABLE}"
    lists: list[tuple[str, str, str, str]] = []  # (ours HTML, ours JSON, theirs HTML, JSON)
    for source in sample.sources:
        ours = f"/api/claims?source={q(source)}"
        theirs = f"{table}.json?source_slugs={q(source)}&_sort_desc=said_on_date&_size={PAGE_SIZE}"
        our_tokens = page_tokens(ct, ours, "next_token", "next")
        their_tokens = page_tokens(ds, theirs, "next", "_next")
        for depth in DEPTHS:
            if depth not in our_tokens or depth not in their_tokens:
                continue
            ours_json = with_token(ours, "next", our_tokens[depth])
            theirs_json = with_token(theirs, "_next", their_tokens[depth])
            ours_html = ours_json.replace("/api/claims?", "/claims?")
            facets = "&_facet=source_slugs&_facet=topic_slugs"
            theirs_html = theirs_json.replace(f"{table}.json?", f"{table}?") + facets
            lists.append((ours_html, ours_json, theirs_html, theirs_json))
    search = [
        (f"/claims?q={q(w)}", f"{table}?_search={q(w)}&_size={PAGE_SIZE}") for w in sample.words
    ]
    claims = [(f"/claims/{c}", f"{table}/{q(c)}") for c in sample.claim_ids]
    return [
        Request("source list + facets, HTML", [r[0] for r in lists], [r[2] for r in lists], 5),
        Request("source list, JSON", [r[1] for r in lists], [r[3] for r in lists], 3),
        Request("full-text search, HTML", [o for o, _ in search], [t for _, t in search], 5),
        Request(
            "full-text search, JSON",
            [o.replace("/claims?", "/api/claims?") for o, _ in search],
            [t.replace(f"{table}?", f"{table}.json?") for _, t in search],
            5,
        ),
        Request("one claim, HTML", [o for o, _ in claims], [t for _, t in claims], 3),
        Request(
            "one claim, JSON",
            [o.replace("/claims/", "/api/claims/") for o, _ in claims],
            [t + ".json" for _, t in claims],
            3,
        ),
        # Datasette has no stories: its side is the row page of each story's headline claim.
        Request(
            "one story, HTML",
            [f"/stories/{story}" for story, _ in sample.stories],
            [f"{table}/{q(headline)}" for _, headline in sample.stories],
            3 * STORY_SHARE,
        ),
    ]


def check_requests(requests: list[Request], ct: Server, ds: Server) -> list[str]:
    """Fetch the first URLs of each kind once on both (a check and a warm-up): each must
    answer 200. Lines describing them."""
    lines = []
    for request in requests:
        for server, paths in ((ct, request.claimtrack), (ds, request.datasette)):
            sizes, seconds = [], []
            for path in paths[:5]:
                status, body, took = fetch(server.base + path)
                if status != 200:
                    raise BenchError(
                        f"{server.name} answered {status} to {path} (expected 200): "
                        f"{body[:300].decode('utf-8', 'replace')!r}"
                    )
                sizes.append(len(body))
                seconds.append(took)
            lines.append(
                f"  {request.name:<28} {server.name:<10} {len(paths)} URLs, e.g. {paths[0]}\n"
                f"{'':34}first fetches {sum(sizes) / len(sizes) / 1024:.1f} KiB, "
                f"{max(seconds) * 1000:.0f} ms at most"
            )
    return lines


def totals(requests: list[Request], ct: Server, ds: Server) -> list[str]:
    """Both tools' row counts for the first list and the first search: the work each does."""
    lines = []
    for request in requests:
        if request.name not in ("source list, JSON", "full-text search, JSON"):
            continue  # (`--only` may have left either out)
        ours = fetch_json(ct.base, request.claimtrack[0]).get("total")
        theirs = fetch_json(ds.base, request.datasette[0]).get("filtered_table_rows_count")
        lines.append(f"  {request.name}: claimtrack total {ours}, Datasette rows {theirs}")
    return lines


# ---------------------------------------------------------------- wrk


@dataclass
class Result:
    rps: float  # 2xx/3xx answers per second (wrk's Requests/sec counts errors too)
    p50: float  # ms
    p99: float  # ms
    requests: int
    errors: int
    detail: str
    seconds: int = 0  # the run's length when it was not --duration


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value)
    if not match:
        raise ValueError(value)
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse_wrk(output: str) -> Result:
    def find(pattern: str) -> re.Match[str] | None:
        return re.search(pattern, output, re.MULTILINE)

    total = find(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m),")
    p50 = find(r"^\s+50%\s+(\S+)")
    p99 = find(r"^\s+99%\s+(\S+)")
    if not total:
        raise BenchError(f"cannot read wrk's output:\n{output}")
    non2xx = find(r"Non-2xx or 3xx responses:\s+(\d+)")
    socket = find(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")
    errors = int(non2xx.group(1)) if non2xx else 0
    detail = []
    if non2xx:
        detail.append(f"{non2xx.group(1)} non-2xx/3xx")
    if socket:
        counts = [int(g) for g in socket.groups()]
        errors += sum(counts)
        names = ("connect", "read", "write", "timeout")
        detail += [f"{n} {name}" for name, n in zip(names, counts, strict=True) if n]
    requests = int(total.group(1))
    seconds = _ms(total.group(2) + total.group(3)) / 1000
    answered = requests - (int(non2xx.group(1)) if non2xx else 0)
    return Result(
        rps=answered / seconds if seconds else 0.0,
        p50=_ms(p50.group(1)) if p50 else float("nan"),
        p99=_ms(p99.group(1)) if p99 else float("nan"),
        requests=requests,
        errors=errors,
        detail=", ".join(detail),
    )


def run_wrk(base: str, paths: list[str], args: argparse.Namespace, log: Path) -> Result:
    """One wrk run rotating over `paths`; again for four times as long when it got fewer
    answers than connections (a page slower than the run is long)."""
    result = run_wrk_once(base, paths, args, log, args.duration)
    if result.requests < args.connections:
        result = run_wrk_once(base, paths, args, log, args.duration * 4)
        result.detail = ", ".join(filter(None, [result.detail, f"{args.duration * 4} s run"]))
        result.seconds = args.duration * 4
    return result


def run_wrk_once(
    base: str, paths: list[str], args: argparse.Namespace, log: Path, duration: int
) -> Result:
    script = OUT / "rotate.lua"
    script.write_text(ROTATE_LUA)
    listing = OUT / "wrk-paths.txt"
    listing.write_text("\n".join(paths) + "\n")
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{duration}s",
        f"--timeout={args.request_timeout}s",
        "--latency",
        "-H",
        "Accept-Encoding: identity",
        "-s",
        str(script),
        base + "/",
        "--",
        str(listing),
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + args.request_timeout + 60
    )
    with open(log, "a", encoding="utf-8") as stream:
        stream.write(f"$ {' '.join(command)}  ({len(paths)} paths, {paths[0]} ...)\n")
        stream.write(f"{done.stdout}{done.stderr}\n")
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}) on {base}: {done.stderr.strip()}")
    return parse_wrk(done.stdout)


def ensure_tools() -> str:
    if not DATASETTE.exists() or not SQLITE_UTILS.exists():
        say(f"installing {', '.join(TOOL_SPECS)} into {VENV}, for the benchmark only")
        if not (VENV / "bin" / "python").exists():
            run_step("venv", [sys.executable, "-m", "venv", str(VENV)])
        log = OUT / "datasette-install.log"
        run_step("pip", [str(VENV / "bin" / "pip"), "install", *TOOL_SPECS], log)
    versions = []
    for tool in (DATASETTE, SQLITE_UTILS):
        done = subprocess.run([str(tool), "--version"], capture_output=True, text=True)
        if done.returncode != 0:
            raise BenchError(f"{tool} does not run: {done.stderr.strip()}")
        versions.append(done.stdout.strip())
    return ", ".join(versions)


def ensure_wrk() -> str:
    if shutil.which("wrk") is None:
        say("wrk is missing: apt-get install -y wrk")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        done = subprocess.run([*sudo, "apt-get", "install", "-y", "wrk"])
        if done.returncode != 0 or shutil.which("wrk") is None:
            raise BenchError("cannot install wrk (Debian package `wrk`); install it and rerun")
    done = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    first = (done.stdout + done.stderr).strip().splitlines()
    return first[0] if first else "wrk"


# ---------------------------------------------------------------- the report


P99_GOAL = 250.0  # ms, at 16 connections, for every page


def ratio(ours: float, theirs: float) -> str:
    if not theirs or theirs != theirs or ours != ours:
        return "-"
    return f"{ours / theirs:.2f}"


def figures(result: Result) -> str:
    if result.requests == 0:  # wrk counts no latency when nothing was answered
        return f"{0.0:>9.1f} {'-':>9} {'-':>9}"
    return f"{result.rps:>9.1f} {result.p50:>9.1f} {result.p99:>9.1f}"


def table(rows: list[tuple[Request, Result, Result]], args: argparse.Namespace) -> list[str]:
    head = (
        f"{'request':<28} {'tool':<11} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} "
        f"{'requests':>9} {'errors':>7}"
    )
    lines = [head, "-" * len(head)]
    for request, ours, theirs in rows:
        for label, result in (("claimtrack", ours), ("datasette", theirs)):
            name = request.name if label == "claimtrack" else ""
            note = f"  ({result.detail})" if result.detail else ""
            if result.requests == 0:
                note += f"  (no answer within the {result.seconds or args.duration} s run)"
            lines.append(
                f"{name:<28} {label:<11} {figures(result)} "
                f"{result.requests:>9} {result.errors:>7}{note}"
            )
        speed = ours.rps / theirs.rps if theirs.rps else float("inf")
        shown = (
            ratio(ours.rps, theirs.rps),
            ratio(ours.p50, theirs.p50),
            ratio(ours.p99, theirs.p99),
        )
        fast = speed >= request.goal
        met = "met" if fast and ours.p99 < P99_GOAL and ours.errors == 0 else "NOT met"
        lines.append(
            f"{'':<28} {'ours/theirs':<11} {shown[0]:>9} {shown[1]:>9} {shown[2]:>9}"
            f"   goal >= {request.goal:g}x req/s, p99 < {P99_GOAL:g} ms: {met}"
        )
    lines += [
        "",
        "req/s: 2xx/3xx answers per second (error answers are not counted); requests: all",
        "answers wrk received. ours/theirs: claimtrack's figure over Datasette's; for req/s",
        "higher is better, for p50/p99 lower is better (0.10 = a tenth of Datasette's).",
        "Errors: non-2xx/3xx answers plus socket errors and time-outs.",
    ]
    return lines


def story_share(rows: list[tuple[Request, Result, Result]]) -> list[str]:
    """The story page's throughput over the claim page's, both claimtrack's, in this run."""
    rps = {request.name: ours.rps for request, ours, _ in rows}
    story, claim = rps.get("one story, HTML"), rps.get("one claim, HTML")
    if not story or not claim:
        return []
    met = "met" if story / claim >= STORY_SHARE else "NOT met"
    return [
        f"story page over claim page (claimtrack): {story / claim:.2f}"
        f"   goal >= {STORY_SHARE:g} (within 20% of the claim page): {met}"
    ]


# ---------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    cores = len(os.sched_getaffinity(0))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (10000)")
    parser.add_argument("--seed", type=int, default=1, help="synth seed (1)")
    parser.add_argument("--reuse", action="store_true", help="reuse the corpus and databases")
    parser.add_argument("--db", type=Path, help="use this claimtrack database file as it is")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run (15)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--request-timeout", type=int, default=60, help="wrk --timeout s (60)")
    parser.add_argument("--workers", type=int, default=cores, help=f"claimtrack ({cores})")
    parser.add_argument("--sql-threads", type=int, default=3, help="Datasette's (3, default)")
    parser.add_argument("--port", type=int, default=8761, help="claimtrack port (8761)")
    parser.add_argument("--datasette-port", type=int, default=8762, help="(8762)")
    parser.add_argument("--start-timeout", type=float, default=180, help="seconds (180)")
    parser.add_argument("--only", help="run only requests whose name contains this")
    return parser.parse_args(argv)


def datasette_command(flat: Path, port: int, args: argparse.Namespace) -> list[str]:
    """Datasette at its documented best for this: immutable file, no facet suggestions."""
    command = [str(DATASETTE), "serve", "-i", str(flat), "-h", HOST, "-p", str(port)]
    for setting, value in (
        ("suggest_facets", "off"),
        ("sql_time_limit_ms", "10000"),
        ("facet_time_limit_ms", str(FACET_MS)),
        ("num_sql_threads", str(args.sql_threads)),
        ("default_page_size", str(PAGE_SIZE)),
    ):
        command += ["--setting", setting, value]
    return command


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    report: list[str] = []

    def out(line: str = "") -> None:
        report.append(line)
        say(line)

    servers: list[Server] = []
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        wrk_version = ensure_wrk()
        tool_versions = ensure_tools()
        if args.db:
            db = args.db.resolve()
            if not db.exists():
                raise BenchError(f"no database at {db}")
        else:
            db = OUT / f"claims-{args.articles}-seed{args.seed}.db"
            prepare_database(args, db, OUT / f"corpus-{args.articles}-seed{args.seed}")
        flat = OUT / f"flat-{db.stem}.db"
        flat_lines = prepare_flat(db, flat)
        sample = pick_sample(flat, db, args.seed)

        ct_port = free_port(args.port)
        ds_port = free_port(args.datasette_port)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        ct_command = [claimtrack_command(), "serve", "--db", str(db), "--host", HOST]
        ct_command += ["--port", str(ct_port), "--workers", str(args.workers)]
        ds_command = datasette_command(flat, ds_port, args)
        ct = start_server("claimtrack", ct_command, ct_port, OUT / f"claimtrack-{stamp}.log")
        servers.append(ct)
        ds = start_server("datasette", ds_command, ds_port, OUT / f"datasette-{stamp}.log")
        servers.append(ds)
        ct_up = wait_until_up(ct, "/api/topics", args.start_timeout)
        ds_up = wait_until_up(ds, "/-/versions.json", args.start_timeout)
        _, body, _ = fetch(ds.base + "/-/databases.json")
        dbname = next(d["name"] for d in json.loads(body) if d["path"] == str(flat))

        say("collecting the URLs (each side's own next-page tokens) ...")
        requests = build_requests(sample, ct.base, ds.base, dbname)
        if args.only:
            requests = [r for r in requests if args.only in r.name]
        out(f"claimtrack vs Datasette on a flat table, {time.strftime('%Y-%m-%d %H:%M %Z')}")
        for line in machine_lines():
            out(line)
        out(f"versions: {claimtrack_version()}; {tool_versions};")
        out(f"          {wrk_version.split(' Copyright')[0]}")
        out(
            f"claimtrack database: {db} ({db.stat().st_size / 2**20:.0f} MiB), {sample.claims} claims"
        )
        for line in flat_lines:
            out(line)
        out(
            f"rotation: {len(sample.sources)} sources x pages {DEPTHS} (each side's own next "
            f"tokens), {len(sample.words)} words, {len(sample.claim_ids)} claim ids, "
            f"{len(sample.stories)} stories"
        )
        out(f"claimtrack: {' '.join(ct_command)}  (up in {ct_up:.1f} s)")
        out(
            f"  {args.workers} worker processes, each facet limited to {FACET_MS} ms, no response cache"
        )
        out(f"datasette:  {' '.join(ds_command)}  (up in {ds_up:.1f} s)")
        out("  one process; -i: immutable file; no response cache")
        out(
            f"wrk: -t{args.threads} -c{args.connections} -d{args.duration}s "
            f"--timeout={args.request_timeout}s --latency -s rotate.lua (one path after "
            "another from the list), one run per request and tool, claimtrack then Datasette"
        )
        out("requests (the first URLs of each fetched once first, as a check and warm-up):")
        for line in check_requests(requests, ct, ds):
            out(line)
        for line in totals(requests, ct, ds):
            out(line)

        wrk_log = OUT / f"wrk-{stamp}.log"
        rows = []
        for request in requests:
            say(f"wrk: {request.name} ...")
            ours = run_wrk(ct.base, request.claimtrack, args, wrk_log)
            theirs = run_wrk(ds.base, request.datasette, args, wrk_log)
            rows.append((request, ours, theirs))
        out()
        for line in table(rows, args):
            out(line)
        for line in story_share(rows):
            out(line)
        out(f"load average after the runs: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        out(f"wrk output: {wrk_log}; server logs: {ct.log}, {ds.log}")
        report_file = OUT / f"compare-{db.stem}-{stamp}.txt"
        report_file.write_text("\n".join(report) + "\n", encoding="utf-8")
        say(f"report saved to {report_file}")
        return 0
    except BenchError as error:
        say(f"compare_datasette: error: {error}")
        return 1
    except KeyboardInterrupt:
        say("compare_datasette: interrupted")
        return 130
    finally:
        for server in servers:
            stop_server(server)
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
