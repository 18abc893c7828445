"""Running the web app: uvicorn through its public API, one process per worker.

Each worker is a process of its own that binds its own listening socket to the port
with SO_REUSEPORT and runs `uvicorn.Server(uvicorn.Config(...)).run(sockets=[...])`.
The kernel then spreads new connections evenly over the workers; with one shared
socket, a burst of keep-alive connections could all land on one worker. The parent only
starts the workers, restarts any that dies and stops them all on SIGINT or SIGTERM.

Workers start with glibc's `MALLOC_ARENA_MAX=2` in their environment (unless it is set),
which keeps a long-running threaded server from growing.

The limits are uvicorn's documented settings (`SERVER_LIMITS`). A client that sends its
request head slowly is cut off by the reverse proxy in front (README, "Deployment"):
uvicorn has no setting for that.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import time
from typing import Any

import uvicorn

log = logging.getLogger("uvicorn.error")

SERVER_LIMITS: dict[str, Any] = {
    # Idle keep-alive connections close after 5 s; past 200 open connections or requests
    # per worker, new requests get a 503 at once instead of queueing.
    "timeout_keep_alive": 5,
    "limit_concurrency": 200,
    "timeout_graceful_shutdown": 10,
    # A request head up to this size is read whole, however it arrives, so that the app
    # answers an over-long address or headers with its own 414 or 431 page. With the
    # parser's 16 KiB default a big head read in pieces got a bare 400 and a reset.
    "h11_max_incomplete_event_size": 256 * 1024,
    "http": "h11",
    # uvloop's event loop: a claim's JSON is answered about three times as fast as on
    # asyncio's own loop (bench/README.md).
    "loop": "uvloop",
}
MALLOC_ARENA_VARIABLE = "MALLOC_ARENA_MAX"
MALLOC_ARENAS = "2"
RESTART_PAUSE = 1.0  # seconds between a worker's death and its replacement


class PortInUseError(Exception):
    """Something else already listens on the port, or the port cannot be bound."""


def bind_socket(host: str, port: int) -> socket.socket:
    """A socket bound to (host, port) that other SO_REUSEPORT sockets may share."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def run_worker(app: str, host: str, port: int) -> None:
    """One worker: its own socket on the port, uvicorn serving the app factory `app`."""
    config = uvicorn.Config(app, factory=True, host=host, port=port, **SERVER_LIMITS)
    uvicorn.Server(config).run(sockets=[bind_socket(host, port)])


def serve(app: str, host: str, port: int, workers: int) -> None:
    """Serve the app factory `app` ("module:function") from `workers` processes."""
    if _listening(host, port):
        raise PortInUseError(f"{host}:{port}: another program already listens on this port")
    try:
        reserved = bind_socket(host, port)  # never listens: it only holds the port
    except OSError as error:
        raise PortInUseError(f"{host}:{port}: {error.strerror or error}") from error
    os.environ.setdefault(MALLOC_ARENA_VARIABLE, MALLOC_ARENAS)  # read by each new worker
    spawn = multiprocessing.get_context("spawn")
    stopping = False

    def start() -> multiprocessing.process.BaseProcess:
        process = spawn.Process(target=run_worker, args=(app, host, port), daemon=False)
        process.start()
        return process

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    shown = f"[{host}]" if ":" in host else host
    log.info("Serving on http://%s:%d with %d workers (Press CTRL+C to quit)", shown, port, workers)
    with reserved:
        running = [start() for _ in range(workers)]
        try:
            while not stopping:
                time.sleep(0.2)
                for index, process in enumerate(running):
                    if not process.is_alive() and not stopping:
                        log.warning(
                            "worker %s exited (%s); starting another", process.pid, process.exitcode
                        )
                        time.sleep(RESTART_PAUSE)
                        running[index] = start()
        finally:
            for process in running:
                if process.is_alive() and process.pid is not None:
                    os.kill(process.pid, signal.SIGTERM)
            for process in running:
                process.join(timeout=SERVER_LIMITS["timeout_graceful_shutdown"] + 5)
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def _listening(host: str, port: int) -> bool:
    """Whether a server already accepts connections on (host, port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    probe_host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        return probe.connect_ex((probe_host, port)) == 0
