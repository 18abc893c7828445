"""Soak: minutes of mixed traffic against claimtrack, watching errors, latency and memory.

It starts `claimtrack serve` on the given database (127.0.0.1 only), builds a list of
URLs from the database (lists, filters by several sources, topics, stances, actors and
dates, claim pages, searches, article pages, JSON and CSV, and 404s for unknown ids and
slugs), then sends them from a few concurrent workers for the given time. It reports the
requests served, errors (a 5xx, or any status other than the one expected: 200, or 404
for the 404 URLs), p50/p99 latency, and the server's memory (VmRSS of the uvicorn
process and its children) at the start and at the end.

    python3 bench/soak.py --db bench/out/claims-10000-seed1.db --minutes 2

Exit code 0 when there were no errors, no server process died and memory grew by less
than 10%, 1 otherwise, so it can serve as a check. Growth is measured from the RSS after
a warm-up (every URL once, then the first 10% of the run, 15 to 60 s): SQLite's page
cache and the app's caches fill during the warm-up, which is not a leak. The cold RSS is
shown too.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import sqlite3
import sys
import threading
import time
import urllib.parse
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from compare_datasette import (
    HOST,
    OUT,
    BenchError,
    Server,
    claimtrack_version,
    free_port,
    machine_lines,
    say,
    start_server,
    stop_server,
    wait_until_up,
)

GROWTH_LIMIT = 10.0  # percent
SLOWEST = 10  # the slowest requests are listed


@dataclass(frozen=True)
class Target:
    kind: str  # a label for the per-kind figures
    path: str
    expect: int = 200
    weight: int = 1


# ---------------------------------------------------------------- the URL list


def build_targets(db: Path, rng: random.Random) -> list[Target]:
    """Every URL the soak sends, built from what the database holds."""
    connection = sqlite3.connect(db.resolve().as_uri() + "?mode=ro", uri=True)
    rows = lambda sql, *p: [r[0] for r in connection.execute(sql, p)]  # noqa: E731
    try:
        frequent = rows(
            "SELECT s.slug FROM claim_sources cs JOIN sources s ON s.id = cs.source_id "
            "GROUP BY s.id ORDER BY COUNT(*) DESC LIMIT 8"
        )
        rare = rows("SELECT slug FROM sources ORDER BY id DESC LIMIT 200")
        topics = rows("SELECT slug FROM topics ORDER BY slug")
        actors = rows(
            "SELECT e.slug FROM claims c JOIN entities e ON e.id = c.actor_id "
            "GROUP BY e.id ORDER BY COUNT(*) DESC LIMIT 10"
        )
        stances = rows("SELECT DISTINCT stance FROM claims ORDER BY stance")
        months = rows(
            "SELECT DISTINCT substr(said_on_end, 1, 7) FROM claims "
            "WHERE said_on_end IS NOT NULL ORDER BY 1"
        )
        top = connection.execute("SELECT MAX(rowid) FROM claims").fetchone()[0] or 0
        picked = rng.sample(range(1, top + 1), min(top, 400))
        marks = ", ".join("?" * len(picked))
        claims = rows(f"SELECT id FROM claims WHERE rowid IN ({marks}) LIMIT 300", *picked)
        articles = rows("SELECT slug FROM articles ORDER BY random() LIMIT 150")
    finally:
        connection.close()
    if not (frequent and topics and claims and articles):
        raise BenchError(f"{db} holds too little to soak (no sources, topics or claims)")
    rare = rng.sample(rare, min(len(rare), 40))
    words = ["missiles", "troops", "oil", "sanctions", "nuclear", "drones", "border", "aid"]
    words += ['"air defence"', "missile*", "north korea", "ceasefire talks", "zzzznotaword"]
    q = urllib.parse.quote

    def filters(
        source: str = "",
        topic: str = "",
        actor: str = "",
        stance: str = "",
        since: str = "",
        until: str = "",
        text: str = "",
        sort: str = "",
        page: int = 1,
    ) -> str:
        # The canonical order of the query string, so no request is answered with a redirect.
        pairs = [
            ("source", source),
            ("topic", topic),
            ("actor", actor),
            ("stance", stance),
            ("from", since),
            ("to", until),
            ("q", text),
            ("sort", sort),
            ("page", str(page) if page > 1 else ""),
        ]
        query = "&".join(f"{k}={q(v)}" for k, v in pairs if v)
        return f"?{query}" if query else ""

    lists: list[str] = [""]
    lists += [filters(source=s) for s in frequent]
    lists += [filters(source=s) for s in rare[:20]]
    lists += [filters(topic=t) for t in topics]
    lists += [filters(source=s, topic=t) for s in frequent[:4] for t in topics[:4]]
    lists += [filters(stance=s) for s in stances]
    lists += [filters(actor=a) for a in actors]
    lists += [filters(source=frequent[0], stance=s) for s in stances]
    if months:
        spans = [(months[i], months[min(i + 2, len(months) - 1)]) for i in range(len(months))]
        lists += [filters(since=a, until=b) for a, b in spans[-12:]]
        lists += [filters(source=frequent[1 % len(frequent)], since=months[-3])]
    lists += [filters(sort="oldest"), filters(source=frequent[0], sort="oldest")]
    lists += [filters(page=p) for p in (2, 3, 10, 40)]
    lists += [filters(source=frequent[0], page=p) for p in (2, 5)]
    searches = [filters(text=w) for w in words]
    searches += [filters(source=frequent[0], text=words[0]), filters(topic=topics[0], text="oil")]
    searches += [filters(text="troops", sort="newest")]

    targets: list[Target] = []
    targets += [Target("html:list", "/claims" + f, weight=3) for f in lists]
    targets += [Target("json:list", "/api/claims" + f, weight=2) for f in lists]
    targets += [Target("html:search", "/claims" + f, weight=3) for f in searches]
    targets += [Target("json:search", "/api/claims" + f, weight=2) for f in searches]
    csvs = [filters(source=s) for s in rare[:10]]
    csvs += [filters(source=frequent[0], topic=topics[0]), filters(text="sanctions")]
    targets += [Target("csv:list", "/api/claims.csv" + f) for f in csvs]
    targets += [Target("html:claim", f"/claims/{c}", weight=4) for c in claims]
    targets += [Target("json:claim", f"/api/claims/{c}", weight=2) for c in claims[:100]]
    targets += [Target("html:article", f"/articles/{a}", weight=2) for a in articles]
    targets += [Target("json:article", f"/api/articles/{a}") for a in articles[:50]]
    targets += [Target("html:browse", p, weight=2) for p in ("/", "/sources", "/topics")]
    targets += [Target("html:browse", f"/sources/{s}") for s in frequent + rare[:10]]
    targets += [Target("html:browse", f"/topics/{t}") for t in topics]
    targets += [
        Target("json:browse", p)
        for p in ("/api/sources", "/api/topics", "/api/sources.csv", "/api/topics.csv")
    ]
    targets += [Target("other", p) for p in ("/openapi.json", "/docs", "/static/site.css")]
    missing = [
        "/claims/zzzzzzzzzzzz",
        "/claims/" + "x" * 64,
        "/api/claims/nosuchclaim",
        "/articles/no-such-article-anywhere",
        "/api/articles/no-such-article-anywhere",
        "/sources/no-such-source",
        "/topics/no-such-topic",
        "/no/such/page",
    ]
    targets += [Target("404", p, expect=404, weight=2) for p in missing]
    return targets


# ---------------------------------------------------------------- memory


def descendants(pid: int) -> list[int]:
    """`pid` and every process below it, from /proc/*/stat."""
    parents: dict[int, list[int]] = defaultdict(list)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = text.rsplit(")", 1)[1].split()
        parents[int(fields[1])].append(int(stat.parent.name))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(parents.get(current, []))
    return found


def rss_kib(pid: int) -> tuple[int, int]:
    """(total VmRSS in KiB of `pid` and its children, number of processes)."""
    total, count = 0, 0
    for each in descendants(pid):
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    count += 1
        except OSError:
            continue
    return total, count


# ---------------------------------------------------------------- traffic


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    requests: int = 0
    slowest: list[tuple[float, str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, target: Target, status: int, seconds: float, problem: str | None) -> None:
        with self.lock:
            self.requests += 1
            self.latencies[target.kind].append(seconds)
            self.statuses[(target.kind, status)] += 1
            self.slowest.append((seconds, target.path, status))
            if len(self.slowest) > 200:
                self.slowest = sorted(self.slowest, reverse=True)[:SLOWEST]
            if problem:
                self.error_count += 1
                if len(self.errors) < 20:
                    self.errors.append(problem)


def later_page(client: httpx.Client, base: str, target: Target) -> Target:
    """An HTML list target with an old `page=N` as the `next=` URL it now redirects to, so
    that the soak asks for deep pages the way the site links to them."""
    if "page=" not in target.path or not target.kind.startswith("html"):
        return target
    response = client.get(base + target.path)
    if response.status_code != 302:
        raise BenchError(f"{target.path}: {response.status_code} (expected a redirect)")
    return dataclasses.replace(target, path=response.headers["location"])


def send(client: httpx.Client, base: str, target: Target, tally: Tally, timeout: float) -> None:
    started = time.monotonic()
    try:
        response = client.get(base + target.path, timeout=timeout)
        status = response.status_code
        problem = None
        if status != target.expect:
            problem = f"{target.path}: {status} (expected {target.expect}) {response.text[:120]!r}"
    except httpx.HTTPError as error:
        status = 0
        problem = f"{target.path}: {type(error).__name__}: {error}"
    tally.add(target, status, time.monotonic() - started, problem)


def worker(
    base: str,
    targets: list[Target],
    weights: list[int],
    deadline: float,
    budget: threading.Semaphore,
    tally: Tally,
    seed: int,
    timeout: float,
) -> None:
    rng = random.Random(seed)
    with httpx.Client(headers={"Accept-Encoding": "identity"}) as client:
        while time.monotonic() < deadline and budget.acquire(blocking=False):
            send(client, base, rng.choices(targets, weights)[0], tally, timeout)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# ---------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="SQLite database file")
    parser.add_argument("--minutes", type=float, default=10, help="how long (10)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (4)")
    parser.add_argument("--workers", type=int, default=2, help="claimtrack worker processes (2)")
    parser.add_argument("--max-requests", type=int, default=2_000_000, help="upper bound")
    parser.add_argument("--timeout", type=float, default=30, help="per request, seconds (30)")
    parser.add_argument("--port", type=int, default=8771, help="claimtrack port (8771)")
    parser.add_argument("--seed", type=int, default=7, help="URL sampling seed (7)")
    parser.add_argument("--start-timeout", type=float, default=120, help="seconds (120)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    db = args.db.resolve()
    if not db.is_file():
        say(f"soak: error: no database at {db}")
        return 1
    rng = random.Random(args.seed)
    server: Server | None = None
    try:
        targets = build_targets(db, rng)
        port = free_port(args.port)
        command = ["claimtrack", "serve", "--db", str(db), "--host", HOST, "--port", str(port)]
        command += ["--workers", str(args.workers)]
        log = OUT / f"soak-server-{time.strftime('%Y%m%d-%H%M%S')}.log"
        server = start_server("claimtrack", command, port, log)
        wait_until_up(server, "/api/topics", args.start_timeout)
        cold, processes = rss_kib(server.pid)

        for line in machine_lines():
            say(line)
        say(f"version: {claimtrack_version()}")
        say(f"server: {' '.join(command)} (pid {server.pid}, {processes} processes); log {log}")
        say(
            f"soak: {args.minutes:g} min, {args.concurrency} client threads, "
            f"{len(targets)} URLs ({sum(t.expect == 404 for t in targets)} expected 404)"
        )

        tally = Tally()
        started = time.monotonic()
        with httpx.Client(headers={"Accept-Encoding": "identity"}) as client:
            targets = [later_page(client, server.base, target) for target in targets]
            for target in targets:  # every URL once: a check and a warm-up
                send(client, server.base, target, tally, args.timeout)
        say(
            f"warm-up pass: {len(targets)} URLs in {time.monotonic() - started:.0f} s, "
            f"{tally.error_count} errors"
        )

        seconds = args.minutes * 60
        warm = min(max(seconds * 0.1, 15), 60)
        budget = threading.Semaphore(max(args.max_requests - tally.requests, 0))
        deadline = time.monotonic() + seconds
        weights = [t.weight for t in targets]
        threads = [
            threading.Thread(
                target=worker,
                args=(server.base, targets, weights, deadline, budget, tally, args.seed + i),
                kwargs={"timeout": args.timeout},
                daemon=True,
            )
            for i in range(args.concurrency)
        ]
        soak_start = time.monotonic()
        warm_up = tally.requests
        for thread in threads:
            thread.start()
        time.sleep(min(warm, seconds))
        baseline, _ = rss_kib(server.pid)
        pids = set(descendants(server.pid))
        peak = baseline
        while any(t.is_alive() for t in threads):
            for thread in threads:
                thread.join(timeout=5)
            if server.process.poll() is not None:
                raise BenchError(f"the server exited during the soak; log {log}")
            peak = max(peak, rss_kib(server.pid)[0])
        elapsed = time.monotonic() - soak_start
        end, processes = rss_kib(server.pid)
        peak = max(peak, end)
        replaced = pids - set(descendants(server.pid))
    except BenchError as error:
        say(f"soak: error: {error}")
        return 1
    except KeyboardInterrupt:
        say("soak: interrupted")
        return 130
    finally:
        if server is not None:
            stop_server(server)

    every = [x for values in tally.latencies.values() for x in values]
    growth = (end - baseline) / baseline * 100 if baseline else float("inf")
    say()
    soaked = tally.requests - warm_up
    say(
        f"requests: {tally.requests} ({warm_up} in the warm-up pass, then {soaked} in "
        f"{elapsed:.0f} s: {soaked / elapsed:.1f}/s), errors: {tally.error_count}"
    )
    say("figures below include the warm-up pass")
    say(
        f"latency: p50 {percentile(every, 0.5) * 1000:.1f} ms, "
        f"p99 {percentile(every, 0.99) * 1000:.1f} ms, max {max(every) * 1000:.0f} ms"
    )
    say(f"{'kind':<14} {'requests':>9} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9}  statuses")
    for kind in sorted(tally.latencies):
        values = tally.latencies[kind]
        statuses = ", ".join(
            f"{status or 'failed'}: {n}"
            for (k, status), n in sorted(tally.statuses.items())
            if k == kind
        )
        say(
            f"{kind:<14} {len(values):>9} {percentile(values, 0.5) * 1000:>9.1f} "
            f"{percentile(values, 0.99) * 1000:>9.1f} {max(values) * 1000:>9.0f}  {statuses}"
        )
    say(
        f"memory (VmRSS, {processes} processes): cold {cold / 1024:.0f} MiB, after warm-up "
        f"{baseline / 1024:.0f} MiB, end {end / 1024:.0f} MiB, peak {peak / 1024:.0f} MiB; "
        f"growth {growth:+.1f}% (limit {GROWTH_LIMIT:g}%)"
    )
    say("slowest requests (warm-up pass included):")
    for seconds, path, status in sorted(tally.slowest, reverse=True)[:SLOWEST]:
        say(f"  {seconds * 1000:>7.0f} ms  {status or 'failed'}  {path}")
    if replaced:
        say(
            f"server processes {sorted(replaced)} ended during the soak (a worker died and "
            f"uvicorn started another; see {log}): memory growth is not meaningful"
        )
    for problem in tally.errors:
        say(f"  error: {problem}")
    failed = tally.error_count > 0 or growth >= GROWTH_LIMIT or bool(replaced)
    say("soak: FAILED" if failed else "soak: passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
