"""`claimtrack serve --workers N`: real worker processes, each with its own socket.

Connections opened together (as wrk's or a load balancer's pool are) must be spread over
the workers: with one shared socket, one worker could accept them all while the others
idle. Which worker holds a connection is read from /proc (Linux).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.servers import free_port

WORKERS = 2
CONNECTIONS = 16


def children(pid: int) -> list[int]:
    """The processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


def established(port: int) -> dict[str, int]:
    """Inode -> 1 for each established TCP connection whose local port is `port`."""
    found = {}
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local_port = int(fields[1].split(":")[1], 16)
        if local_port == port and fields[3] == "01":  # 01: ESTABLISHED
            found[fields[9]] = 1
    return found


def get(connection: socket.socket, path: str) -> bytes:
    connection.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
    data = b""
    while b"\r\n\r\n" not in data:
        data += connection.recv(65536)
    return data


@pytest.fixture
def server(tmp_path: Path, loaded_db_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    db = tmp_path / "claims.db"
    shutil.copy(loaded_db_path, db)
    port = free_port()
    command = [sys.executable, "-m", "app.cli", "serve", "--db", str(db), "--port", str(port)]
    environment = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"}
    process = subprocess.Popen(
        [*command, "--workers", str(WORKERS)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(children_serving(process.pid, port)) < WORKERS:
            assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the workers did not start"
            time.sleep(0.1)
        yield process, port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def children_serving(pid: int, port: int) -> list[int]:
    """The children of `pid` that answer: each listens on a socket of its own."""
    listening = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[1].split(":")[1], 16) == port and fields[3] == "0A":  # 0A: LISTEN
            listening.add(fields[9])
    return [child for child in children(pid) if socket_inodes(child) & listening]


def test_connections_opened_together_are_spread_over_the_workers(
    server: tuple[subprocess.Popen[bytes], int],
) -> None:
    process, port = server
    workers = children_serving(process.pid, port)
    assert len(workers) == WORKERS
    connections = [socket.create_connection(("127.0.0.1", port)) for _ in range(CONNECTIONS)]
    try:
        for connection in connections:
            assert get(connection, "/api/sources").startswith(b"HTTP/1.1 200")
        open_ones = established(port)
        held = Counter(
            worker for worker in workers for inode in socket_inodes(worker) if inode in open_ones
        )
    finally:
        for connection in connections:
            connection.close()
    assert sum(held.values()) == CONNECTIONS
    assert len(held) == WORKERS, f"connections per worker: {dict(held)}"


def test_workers_run_with_two_malloc_arenas(server: tuple[subprocess.Popen[bytes], int]) -> None:
    # glibc reads MALLOC_ARENA_MAX when a process starts: each worker must have it.
    process, port = server
    for worker in children_serving(process.pid, port):
        environment = Path(f"/proc/{worker}/environ").read_bytes().split(b"\0")
        assert b"MALLOC_ARENA_MAX=2" in environment


def test_a_port_in_use_is_refused_clearly(
    server: tuple[subprocess.Popen[bytes], int], loaded_db_path: Path
) -> None:
    _, port = server
    again = subprocess.run(
        [sys.executable, "-m", "app.cli", "serve", "--db", str(loaded_db_path)]
        + ["--port", str(port), "--workers", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 1
    assert again.stderr == (
        f"claimtrack: error: 127.0.0.1:{port}: another program already listens on this port\n"
    )
