"""claimtrack and Datasette side by side on the same SQLite file, driven by wrk.

One command: generate a synthetic corpus, load it, start both servers on 127.0.0.1,
run wrk (16 connections, a fixed duration) over the comparable requests, print
requests/s, p50, p99 and errors for each tool with claimtrack's figure over
Datasette's, then stop both servers.

    python3 bench/compare_datasette.py --articles 10000            # about 100k claims
    python3 bench/compare_datasette.py --articles 100000 --reuse   # about 1M claims

Everything it writes goes under bench/out/ (git-ignored): the corpus, the database,
Datasette's own virtualenv, the server logs and a copy of the printed report.
Datasette is installed there for the benchmark only; it is never a runtime dependency.
See bench/README.md for what each request is and how to read the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
VENV = OUT / "venv"
DATASETTE = VENV / "bin" / "datasette"
DATASETTE_SPEC = "datasette==0.65.*"
HOST = "127.0.0.1"
VIEW = "bench_claims"
# The one view the benchmark adds to its database file so that Datasette's table page
# can show what /claims shows: one row per claim, its source and topic slugs as JSON
# arrays (for `_facet_array`), filterable with `_where` through the source index.
VIEW_SQL = f"""
CREATE VIEW IF NOT EXISTS {VIEW} AS
SELECT c.id, c.assertion, c.stance, c.said_on, c.said_on_end, c.article_id,
  (SELECT json_group_array(s.slug) FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
    WHERE cs.claim_id = c.id) AS sources,
  (SELECT json_group_array(t.slug) FROM claim_topics ct JOIN topics t ON t.id = ct.topic_id
    WHERE ct.claim_id = c.id) AS topics
FROM claims c
"""
PAGE_SIZE = 25  # claimtrack's list page size; Datasette is asked for the same


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


def add_view(db: Path) -> None:
    """The one view Datasette's faceted list uses (no data, no index); claimtrack ignores it."""
    connection = sqlite3.connect(db)
    try:
        connection.execute(VIEW_SQL)
        connection.commit()
    finally:
        connection.close()


@dataclass(frozen=True)
class Sample:
    source: str
    source_id: int
    source_claims: int
    claim_id: str
    word: str
    word_claims: int
    claims: int
    articles: int
    sources: int


def pick_sample(db: Path, source: str | None, word: str) -> Sample:
    """The values the requests use: a frequent source, a claim id, a search word."""
    connection = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        one: Callable[..., Any] = lambda sql, *p: connection.execute(sql, p).fetchone()  # noqa: E731
        if source is None:
            row = one(
                "SELECT s.slug, s.id, COUNT(*) AS n FROM claim_sources cs "
                "JOIN sources s ON s.id = cs.source_id WHERE s.slug != 'unattributed' "
                "GROUP BY s.id ORDER BY n DESC LIMIT 1"
            )
        else:
            row = one(
                "SELECT s.slug, s.id, COUNT(cs.claim_id) FROM sources s "
                "LEFT JOIN claim_sources cs ON cs.source_id = s.id WHERE s.slug = ?",
                source,
            )
        if row is None or row[0] is None:
            raise BenchError(f"no source {source!r} in {db}")
        claims = one("SELECT COUNT(*) FROM claims")[0]
        if not claims:
            raise BenchError(f"{db} holds no claims")
        claim_id = one("SELECT id FROM claims ORDER BY id LIMIT 1 OFFSET ?", claims // 2)[0]
        word_claims = one("SELECT COUNT(*) FROM claims_fts WHERE claims_fts MATCH ?", word)[0]
        if not word_claims:
            raise BenchError(f"the search word {word!r} matches no claim in {db}")
        return Sample(
            source=row[0],
            source_id=row[1],
            source_claims=row[2],
            claim_id=claim_id,
            word=word,
            word_claims=word_claims,
            claims=claims,
            articles=one("SELECT COUNT(*) FROM articles")[0],
            sources=one("SELECT COUNT(*) FROM sources")[0],
        )
    finally:
        connection.close()


# ---------------------------------------------------------------- the requests


@dataclass(frozen=True)
class Request:
    name: str
    claimtrack: str
    datasette: str
    goal: float  # claimtrack's throughput over Datasette's that the issue asks for


def requests_for(sample: Sample, dbname: str) -> list[Request]:
    q = urllib.parse.quote
    where = q(
        "id in (select claim_id from claim_sources "
        f"where source_id = (select id from sources where slug = '{sample.source}'))"
    )
    listing = f"/{dbname}/{VIEW}?_where={where}&_sort_desc=said_on_end&_size={PAGE_SIZE}"
    facets = "&_facet_array=sources&_facet_array=topics"
    listing_json = listing.replace(f"/{VIEW}?", f"/{VIEW}.json?")
    search = f"/{dbname}/claims_fts?_search={q(sample.word)}&_size={PAGE_SIZE}"
    return [
        Request(
            "source list + facets, HTML",
            f"/claims?source={sample.source}",
            listing + facets,
            10,
        ),
        Request("source list, JSON", f"/api/claims?source={sample.source}", listing_json, 10),
        Request(
            "full-text search, HTML",
            f"/claims?q={q(sample.word)}",
            search,
            10,
        ),
        Request(
            "full-text search, JSON",
            f"/api/claims?q={q(sample.word)}",
            search.replace("/claims_fts?", "/claims_fts.json?"),
            10,
        ),
        Request(
            "one claim, HTML",
            f"/claims/{sample.claim_id}",
            f"/{dbname}/claims/{sample.claim_id}",
            2,
        ),
        Request(
            "one claim, JSON",
            f"/api/claims/{sample.claim_id}",
            f"/{dbname}/claims/{sample.claim_id}.json",
            2,
        ),
    ]


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


def check_requests(requests: list[Request], ct: Server, ds: Server) -> list[str]:
    """Fetch every URL once (also a warm-up): each must answer 200. Lines describing them."""
    lines = []
    for request in requests:
        for server, path in ((ct, request.claimtrack), (ds, request.datasette)):
            status, body, seconds = fetch(server.base + path)
            if status != 200:
                raise BenchError(
                    f"{server.name} answered {status} to {path} (expected 200): "
                    f"{body[:300].decode('utf-8', 'replace')!r}"
                )
            lines.append(
                f"  {server.name:<10} {path}\n"
                f"             200, {len(body) / 1024:.1f} KiB, first fetch {seconds * 1000:.0f} ms"
            )
    return lines


def matching_rows(ct: Server, ds: Server, sample: Sample, dbname: str) -> list[str]:
    """Both tools' row counts for the list and the search, to show they do the same work."""
    requests = {r.name: r for r in requests_for(sample, dbname)}
    lines = []
    for label, name in (("source list", "source list, JSON"), ("search", "full-text search, JSON")):
        _, ct_body, _ = fetch(ct.base + requests[name].claimtrack)
        _, ds_body, _ = fetch(ds.base + requests[name].datasette)
        try:
            ct_total = json.loads(ct_body)["total"]
        except (ValueError, KeyError):
            ct_total = "?"
        try:
            ds_total = json.loads(ds_body).get("filtered_table_rows_count", "?")
        except ValueError:
            ds_total = "?"
        lines.append(f"  {label}: claimtrack total {ct_total}, Datasette rows {ds_total}")
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


def run_wrk(url: str, args: argparse.Namespace, log: Path) -> Result:
    """One wrk run; again for four times as long when it got fewer answers than connections
    (a page slower than the run is long: a short run would measure nothing)."""
    result = run_wrk_once(url, args, log, args.duration)
    if result.requests < args.connections:
        result = run_wrk_once(url, args, log, args.duration * 4)
        result.detail = ", ".join(filter(None, [result.detail, f"{args.duration * 4} s run"]))
        result.seconds = args.duration * 4
    return result


def run_wrk_once(url: str, args: argparse.Namespace, log: Path, duration: int) -> Result:
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{duration}s",
        f"--timeout={args.request_timeout}s",
        "--latency",
        "-H",
        "Accept-Encoding: identity",
        url,
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + args.request_timeout + 60
    )
    with open(log, "a", encoding="utf-8") as stream:
        stream.write(f"$ {' '.join(command)}\n{done.stdout}{done.stderr}\n")
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}) on {url}: {done.stderr.strip()}")
    return parse_wrk(done.stdout)


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


def ensure_datasette() -> str:
    if not DATASETTE.exists():
        say(f"installing Datasette ({DATASETTE_SPEC}) into {VENV}, for the benchmark only")
        if not (VENV / "bin" / "python").exists():
            run_step("venv", [sys.executable, "-m", "venv", str(VENV)])
        log = OUT / "datasette-install.log"
        run_step("pip", [str(VENV / "bin" / "pip"), "install", DATASETTE_SPEC], log)
    done = subprocess.run([str(DATASETTE), "--version"], capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"{DATASETTE} does not run: {done.stderr.strip()}")
    return done.stdout.strip()


# ---------------------------------------------------------------- the report


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
        if theirs.requests == 0 and ours.rps:
            # Datasette answered fewer than one request in the run: a lower bound.
            speed = ours.rps * (theirs.seconds or args.duration)
            shown = (f">{speed:.1f}", "-", "-")
        else:
            speed = ours.rps / theirs.rps if theirs.rps else float("inf")
            shown = (
                ratio(ours.rps, theirs.rps),
                ratio(ours.p50, theirs.p50),
                ratio(ours.p99, theirs.p99),
            )
        met = "met" if speed >= request.goal and ours.p99 < 50 and ours.errors == 0 else "NOT met"
        lines.append(
            f"{'':<28} {'ours/theirs':<11} {shown[0]:>9} {shown[1]:>9} {shown[2]:>9}"
            f"   goal >= {request.goal:g}x req/s, p99 < 50 ms: {met}"
        )
    lines += [
        "",
        "req/s: 2xx/3xx answers per second (error answers are not counted); requests: all",
        "answers wrk received. ours/theirs: claimtrack's figure over Datasette's; for req/s",
        "higher is better, for p50/p99 lower is better (0.10 = a tenth of Datasette's).",
        "'>N': Datasette answered nothing within the run, so the ratio is at least N.",
        f"claimtrack: {args.workers} worker process(es); Datasette: one process, "
        f"num_sql_threads {args.sql_threads}.",
        "Errors: non-2xx/3xx answers plus socket errors (read: the server closed the",
        "connection) and time-outs.",
    ]
    return lines


# ---------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    cores = len(os.sched_getaffinity(0))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (10000)")
    parser.add_argument("--seed", type=int, default=1, help="synth seed (1)")
    parser.add_argument("--reuse", action="store_true", help="reuse the corpus and database")
    parser.add_argument("--db", type=Path, help="use this database file as it is")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run (15)")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections (16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--request-timeout", type=int, default=60, help="wrk --timeout s (60)")
    parser.add_argument("--workers", type=int, default=cores, help=f"claimtrack ({cores})")
    parser.add_argument("--sql-threads", type=int, default=3, help="Datasette's (3, default)")
    parser.add_argument("--source", help="source slug (default: the most frequent)")
    parser.add_argument("--word", default="missiles", help="search word (missiles)")
    parser.add_argument("--port", type=int, default=8761, help="claimtrack port (8761)")
    parser.add_argument("--datasette-port", type=int, default=8762, help="(8762)")
    parser.add_argument("--start-timeout", type=float, default=180, help="seconds (180)")
    parser.add_argument("--only", help="run only requests whose name contains this")
    return parser.parse_args(argv)


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
        datasette_version = ensure_datasette()
        if args.db:
            db = args.db.resolve()
            if not db.exists():
                raise BenchError(f"no database at {db}")
        else:
            db = OUT / f"claims-{args.articles}-seed{args.seed}.db"
            prepare_database(args, db, OUT / f"corpus-{args.articles}-seed{args.seed}")
        add_view(db)
        sample = pick_sample(db, args.source, args.word)

        ct_port = free_port(args.port)
        ds_port = free_port(args.datasette_port)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        claimtrack = shutil.which("claimtrack") or str(Path(sys.executable).parent / "claimtrack")
        ct_command = [claimtrack, "serve", "--db", str(db), "--host", HOST]
        ct_command += ["--port", str(ct_port), "--workers", str(args.workers)]
        ds_command = [str(DATASETTE), "serve", "-i", str(db), "-h", HOST, "-p", str(ds_port)]
        for setting, value in (
            ("suggest_facets", "off"),
            ("sql_time_limit_ms", "20000"),
            ("facet_time_limit_ms", "20000"),
            ("num_sql_threads", str(args.sql_threads)),
        ):
            ds_command += ["--setting", setting, value]
        ct = start_server("claimtrack", ct_command, ct_port, OUT / f"claimtrack-{stamp}.log")
        servers.append(ct)
        ds = start_server("datasette", ds_command, ds_port, OUT / f"datasette-{stamp}.log")
        servers.append(ds)
        ct_up = wait_until_up(ct, "/api/topics", args.start_timeout)
        ds_up = wait_until_up(ds, "/-/versions.json", args.start_timeout)
        _, body, _ = fetch(ds.base + "/-/databases.json")
        dbname = next(d["name"] for d in json.loads(body) if d["path"] == str(db))

        requests = requests_for(sample, dbname)
        if args.only:
            requests = [r for r in requests if args.only in r.name]
        out(f"claimtrack vs Datasette, {time.strftime('%Y-%m-%d %H:%M %Z')}")
        for line in machine_lines():
            out(line)
        out(f"versions: {claimtrack_version()}, Datasette {datasette_version.split()[-1]},")
        out(f"          {wrk_version.split(' Copyright')[0]}")
        out(
            f"database: {db} ({db.stat().st_size / 2**20:.0f} MiB): {sample.articles} articles, "
            f"{sample.claims} claims, {sample.sources} sources"
        )
        out(
            f"sample: source {sample.source!r} ({sample.source_claims} claims), claim "
            f"{sample.claim_id}, search {sample.word!r} ({sample.word_claims} claims)"
        )
        out(f"claimtrack: {' '.join(ct_command)}  (up in {ct_up:.1f} s)")
        out(f"datasette:  {' '.join(ds_command)}  (up in {ds_up:.1f} s)")
        out(
            f"wrk: -t{args.threads} -c{args.connections} -d{args.duration}s "
            f"--timeout={args.request_timeout}s --latency, one run per request and tool, "
            "claimtrack then Datasette"
        )
        out("requests (each fetched once first as a check and warm-up):")
        for line in check_requests(requests, ct, ds):
            out(line)
        for line in matching_rows(ct, ds, sample, dbname):
            out(line)

        wrk_log = OUT / f"wrk-{stamp}.log"
        rows = []
        for request in requests:
            say(f"wrk: {request.name} ...")
            ours = run_wrk(ct.base + request.claimtrack, args, wrk_log)
            theirs = run_wrk(ds.base + request.datasette, args, wrk_log)
            rows.append((request, ours, theirs))
        out()
        for line in table(rows, args):
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
