"""A load killed at any moment leaves the database as it was or fully loaded, never between.

A synthetic corpus is loaded in two parts: `first` (170 articles), then `more` (260
articles, 30 of them changed versions of first articles, so the load also replaces
claims). Reference databases hold the state before and after `more`; each test starts
`claimtrack load more` as a real process and kills it, reads it, or races it.

"As before" is the exact dump of the database file. "Fully loaded" is the dump of a
reference load with its lines sorted (schema objects may be created in another order)
and without the `load_info` row, which records when and by which run it was written.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.storage.db import database_url
from app.web import create_app
from tests.conftest import ROOT, dump_database, run_cli

ARTICLES = 400
FIRST = 170
CHANGED = 30  # first articles that come back, with one more paragraph, in `more`
MORE = ARTICLES - FIRST + CHANGED
EXTRA_PARAGRAPH = "NATO said on Monday that Russia has sent more troops to the border."
PROGRESS = re.compile(r"(\d+)/(\d+) \[")
LOCKED = "another load is running; try again when it has finished"
LOAD_INFO = 'INSERT INTO "load_info"'


@dataclass(frozen=True)
class Corpus:
    """The two parts of the corpus and the databases before and after loading `more`."""

    first: Path
    more: Path
    before: Path  # holds `first`
    after: Path  # holds `first`, then `more`
    changed: list[str]  # slugs of the articles `more` changes


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    root = tmp_path_factory.mktemp("crash")
    every = root / "all"
    result = run_cli("synth", "--articles", ARTICLES, "--out", every, "--seed", 3)
    assert result.exit_code == 0, result.stderr
    files = sorted(every.glob("*.json"))
    assert len(files) == ARTICLES
    first, more = root / "first", root / "more"
    first.mkdir()
    more.mkdir()
    changed = []
    for index, file in enumerate(files):
        shutil.copy(file, (first if index < FIRST else more) / file.name)
        if index < CHANGED:
            data = json.loads(file.read_text(encoding="utf-8"))
            data["body"] += "\n\n" + EXTRA_PARAGRAPH
            (more / file.name).write_text(json.dumps(data), encoding="utf-8")
            changed.append(data["slug"])
    # The references are loaded the way the tests load: by the command, in a process.
    before, after = root / "before.db", root / "after.db"
    with Load(before, first) as load:
        assert load.finish() == 0, load.message
    shutil.copy(before, after)
    with Load(after, more) as load:
        assert load.finish() == 0, load.message
    return Corpus(first, more, before, after, changed)


@dataclass(frozen=True)
class States:
    """The two states a reader or a killed load may leave: before and after `more`."""

    before: list[str]  # the exact dump
    after: list[str]  # the content

    def which(self, path: Path) -> str | None:
        """'before', 'after', or None for anything in between."""
        if dump_database(path) == self.before:
            return "before"
        return "after" if content(path) == self.after else None


def content(path: Path) -> list[str]:
    """The database's rows and schema, in a fixed order, without the run's own record."""
    return sorted(line for line in dump_database(path) if not line.startswith(LOAD_INFO))


@pytest.fixture(scope="module")
def states(corpus: Corpus) -> States:
    found = States(dump_database(corpus.before), content(corpus.after))
    assert content(corpus.before) != found.after
    return found


@pytest.fixture
def db(corpus: Corpus, tmp_path: Path) -> Path:
    """A copy of the database holding `first`, for a test to load `more` into."""
    path = tmp_path / "claims.db"
    shutil.copy(corpus.before, path)
    return path


class Load:
    """`claimtrack load` running as a real process, its stderr read as it comes.

    Use it as a context manager: on leaving, its whole process group is killed, so no
    extraction worker it forked outlives the test.
    """

    def __init__(self, db: Path, *paths: Path) -> None:
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "load", *map(str, paths), "--db", str(db)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, which its workers keep
        )
        self.stderr = b""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def __enter__(self) -> Load:
        return self

    def __exit__(self, *_: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.reader.join(timeout=10)

    def _read(self) -> None:
        assert self.process.stderr is not None
        while chunk := self.process.stderr.read1(4096):
            self.stderr += chunk

    @property
    def message(self) -> str:
        return self.stderr.decode("utf-8", "replace")

    def progress(self) -> int:
        """Articles taken into the load so far, from its progress bar (0 before it shows)."""
        found = PROGRESS.findall(self.message)
        return int(found[-1][0]) if found else 0

    def wait_until(self, ready: Callable[[], bool], timeout: float = 60) -> bool:
        """Wait until `ready()`; False if the process ended first."""
        deadline = time.monotonic() + timeout
        while not ready():
            if self.process.poll() is not None:
                return ready()
            assert time.monotonic() < deadline, f"timed out; stderr: {self.message[-500:]}"
            time.sleep(0.005)
        return True

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Stop the whole load (SIGSTOP to its group) for the block, so it cannot finish."""
        os.killpg(self.process.pid, signal.SIGSTOP)
        try:
            yield
        finally:
            os.killpg(self.process.pid, signal.SIGCONT)

    def kill(self) -> bool:
        """SIGKILL the load process (only it, as a crash would); True if it was running."""
        running = self.process.poll() is None
        if running:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        return running and self.process.returncode == -signal.SIGKILL

    def finish(self) -> int:
        code = self.process.wait(timeout=120)
        self.reader.join(timeout=10)
        return code


def after_seconds(seconds: float) -> Callable[[Load], bool]:
    def reached(load: Load) -> bool:
        return load.wait_until(lambda: time.monotonic() - load.started >= seconds)

    return reached


def after_progress(articles: int, then: float = 0.0) -> Callable[[Load], bool]:
    def reached(load: Load) -> bool:
        if not load.wait_until(lambda: load.progress() >= articles):
            return False
        time.sleep(then)
        return True

    return reached


# Time points fall in start-up, extraction and writing on a typical machine; progress
# points are what the load reports as it goes (articles taken into the transaction):
# the first, half, all (the last chunk being written, then the commit), and just after.
TIME_POINTS = {
    "after 0.2 s": after_seconds(0.2),
    "after 1 s": after_seconds(1.0),
    "after 2 s": after_seconds(2.0),
}
PROGRESS_POINTS = {
    "first articles taken": after_progress(1),
    "half taken": after_progress(MORE // 2),
    "all taken": after_progress(MORE),
    "all taken, then 20 ms": after_progress(MORE, then=0.02),
}


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.parametrize("point", [*TIME_POINTS, *PROGRESS_POINTS])
def test_a_killed_load_leaves_the_old_or_the_new_database(
    corpus: Corpus, states: States, tmp_path: Path, db: Path, point: str
) -> None:
    with Load(db, corpus.more) as load:
        {**TIME_POINTS, **PROGRESS_POINTS}[point](load)
        killed = load.kill()
    assert killed or point in TIME_POINTS, f"the load ended before the kill: {load.message}"
    state = states.which(db)  # a read-write open rolls back what the kill left
    assert state is not None, f"{point}: the database is neither as before nor fully loaded"
    assert integrity(db) == "ok"
    loaded = content(db)
    # The next load runs, and no lock or journal left behind gets in its way.
    with Load(db, next(corpus.first.glob("*.json"))) as again:
        assert again.finish() == 0, f"{point}: the next load failed: {again.message}"
    assert content(db) == loaded, f"{point}: loading an unchanged article changed the data"
    # A journal may stay behind if the kill came before it held anything; it is not hot,
    # so a read-only reader (the web app) is not stopped by it.
    names = {p.name for p in tmp_path.iterdir()}
    assert names - {"claims.db-journal"} == {"claims.db", "claims.db.lock"}, names
    assert read_only_count(db, "articles") == (ARTICLES if state == "after" else FIRST)


def read_only_count(path: Path, table: str) -> int:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def test_the_next_load_completes_a_killed_one(corpus: Corpus, states: States, db: Path) -> None:
    with Load(db, corpus.more) as first:
        assert after_progress(MORE // 2)(first) and first.kill()
    with Load(db, corpus.more) as second:
        assert second.finish() == 0, second.message
    assert states.which(db) == "after"


def snapshot(path: Path, slugs: list[str]) -> tuple[object, ...]:
    """Counts of every table and the claims of the changed articles, read-only."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    connection.isolation_level = None
    try:
        connection.execute("BEGIN")  # all the reads below in one snapshot, as a reader sees
        counts = tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "claims", "claim_sources", "claim_topics", "claims_fts")
        )
        marks = ",".join("?" * len(slugs))
        claims = connection.execute(
            "SELECT a.slug, c.id FROM claims c JOIN articles a ON a.id = c.article_id "
            f"WHERE a.slug IN ({marks}) ORDER BY a.slug, c.position",
            slugs,
        ).fetchall()
        return counts, tuple(claims)
    finally:
        connection.close()


def article_json(db: Path, slug: str) -> object:
    with TestClient(create_app(database_url(db))) as client:
        response = client.get(f"/api/articles/{slug}")
        assert response.status_code == 200, response.text
        return response.json()


def test_readers_see_the_old_or_the_new_data_while_a_load_runs(corpus: Corpus, db: Path) -> None:
    slug = next(
        s for s in corpus.changed if article_json(corpus.before, s) != article_json(corpus.after, s)
    )
    pages = [article_json(corpus.before, slug), article_json(corpus.after, slug)]
    snapshots = [snapshot(corpus.before, corpus.changed), snapshot(corpus.after, corpus.changed)]
    assert snapshots[0] != snapshots[1]
    seen_pages, seen_snapshots, statuses = [], [], []
    with TestClient(create_app(database_url(db))) as client, Load(db, corpus.more) as load:
        while load.process.poll() is None:
            seen_snapshots.append(snapshot(db, corpus.changed))
            response = client.get(f"/api/articles/{slug}")
            statuses.append(response.status_code)
            if response.status_code == 200:
                seen_pages.append(response.json())
        assert load.finish() == 0, load.message
        final = client.get(f"/api/articles/{slug}").json()
    assert set(statuses) == {200}, "the web app kept serving the article throughout the load"
    assert len(seen_pages) > 10, "the readers looked often while the load ran"
    for number, seen in enumerate(seen_snapshots):
        assert seen in snapshots, f"read {number} saw a half-loaded database"
    for number, page in enumerate(seen_pages):
        assert page in pages, f"request {number} saw a half-loaded article"
    assert seen_pages[0] == pages[0] and final == pages[1]


def test_a_second_load_refuses_while_one_runs(corpus: Corpus, states: States, db: Path) -> None:
    with Load(db, corpus.more) as first:
        assert first.wait_until(lambda: "|" in first.message), "the first load shows progress"
        with Load(db, next(corpus.first.glob("*.json"))) as second:
            assert second.finish() == 1
        assert second.message.splitlines() == [f"claimtrack: error: {db}: {LOCKED}"]
        assert first.finish() == 0, first.message
    assert states.which(db) == "after"


def test_a_second_first_load_leaves_the_new_database_alone(
    corpus: Corpus, states: States, tmp_path: Path
) -> None:
    """The refused load does not remove the new database the running one is writing."""
    db = tmp_path / "claims.db"
    with Load(db, corpus.first) as first:
        assert first.wait_until(db.exists), first.message
        # Paused, the first load still holds its lock but cannot finish before the second
        # one asks for it, however slowly the second process starts.
        with first.paused(), Load(db, corpus.more) as second:
            assert second.finish() == 1
        assert second.message.splitlines() == [f"claimtrack: error: {db}: {LOCKED}"]
        assert first.finish() == 0, first.message
    assert content(db) == content(corpus.before)


def test_no_extraction_worker_outlives_a_killed_load(corpus: Corpus, db: Path) -> None:
    with Load(db, corpus.more) as load:
        assert after_progress(1)(load) and load.kill()
        deadline = time.monotonic() + 3
        while orphans := group_members(load.process.pid):
            assert time.monotonic() < deadline, f"workers left running: {orphans}"
            time.sleep(0.1)


def group_members(group: int) -> list[int]:
    """Processes in the process group `group`, but its leader."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == group:
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended while listed
            continue
        if int(fields[2]) == group:  # fields: state, parent, process group, ...
            found.append(int(entry.name))
    return found


CRASH_MID_WRITE = """
import os, signal, sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA cache_size = 10")  # spill: the database file itself is changed
connection.execute("BEGIN IMMEDIATE")
connection.execute("DELETE FROM claims_fts")
connection.execute("UPDATE articles SET body = body || ' changed'")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_the_web_app_serves_after_a_load_crashed_mid_write(
    corpus: Corpus, states: States, tmp_path: Path, db: Path
) -> None:
    crashed = subprocess.run([sys.executable, "-c", CRASH_MID_WRITE, str(db)], timeout=60)
    assert crashed.returncode == -signal.SIGKILL
    assert (tmp_path / "claims.db-journal").stat().st_size > 0, "a hot journal is left"
    with TestClient(create_app(database_url(db))) as client:
        response = client.get("/api/sources")
    assert response.status_code == 200, response.text
    assert states.which(db) == "before"


def test_the_running_web_app_serves_after_a_load_crashed_mid_write(
    corpus: Corpus, states: States, tmp_path: Path, db: Path
) -> None:
    """The app was serving, its connections open, when the load died."""
    with TestClient(create_app(database_url(db))) as client:
        assert client.get("/api/sources").status_code == 200
        crashed = subprocess.run([sys.executable, "-c", CRASH_MID_WRITE, str(db)], timeout=60)
        assert crashed.returncode == -signal.SIGKILL
        assert (tmp_path / "claims.db-journal").stat().st_size > 0, "a hot journal is left"
        statuses = {url: client.get(url).status_code for url in ("/api/sources", "/", "/claims")}
    assert statuses == {"/api/sources": 200, "/": 200, "/claims": 200}
    assert states.which(db) == "before"


def test_a_failed_first_load_leaves_no_files(tmp_path: Path) -> None:
    db = tmp_path / "new" / "claims.db"
    db.parent.mkdir()
    missing = tmp_path / "missing.json"
    result = run_cli("load", missing, "--db", db)
    assert result.exit_code == 1, result
    assert result.stderr == f"claimtrack: error: {missing}: no such file or folder\n"
    assert list(db.parent.iterdir()) == []
