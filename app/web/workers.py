"""Several worker processes on one port, each listening on a socket of its own.

uvicorn's `--workers` hands every worker one shared listening socket, and each worker's
event loop accepts all the connections waiting when it wakes. A burst of keep-alive
connections (a browser opening several, a load balancer's pool) can so land on one
worker while the others idle, halving what the server answers. Here each worker binds
its own socket to the port with SO_REUSEPORT, and the kernel spreads new connections
evenly across them. uvicorn's supervisor still starts, watches and restarts the workers.
"""

from __future__ import annotations

import logging
import socket
from typing import Any

from uvicorn import Config
from uvicorn.supervisors import Multiprocess


class PortInUseError(Exception):
    """Something else already listens on the port."""


class WorkerSocket(socket.socket):
    """A socket bound to the serving port with SO_REUSEPORT.

    The parent's only reserves the port and never listens. Each worker process receives
    it pickled, and unpickling binds a new socket of the worker's own to the same port.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        host, port = self.getsockname()[:2]
        return (bind_worker_socket, (self.family, host, port))


def bind_worker_socket(family: int, host: str, port: int) -> WorkerSocket:
    """A new socket bound to (host, port) that others with SO_REUSEPORT may share."""
    sock = WorkerSocket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def serve_workers(app: str, host: str, port: int, workers: int, **options: Any) -> None:
    """Serve the app factory `app` ("module:function") from `workers` processes."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    if _listening(family, host, port):
        raise PortInUseError(f"{host}:{port}: another program already listens on this port")
    config = Config(app, factory=True, host=host, port=port, workers=workers, **options)
    try:
        reserved = bind_worker_socket(family, host, port)
    except OSError as error:
        raise PortInUseError(f"{host}:{port}: {error.strerror or error}") from error
    shown = f"[{host}]" if family == socket.AF_INET6 else host
    logging.getLogger("uvicorn.error").info(
        "Uvicorn running on http://%s:%d with %d workers (Press CTRL+C to quit)",
        shown,
        reserved.getsockname()[1],
        workers,
    )
    with reserved:
        Multiprocess(config, sockets=[reserved]).run()


def _listening(family: int, host: str, port: int) -> bool:
    """Whether a server already accepts connections on (host, port)."""
    probe_host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.settimeout(1)
        return probe.connect_ex((probe_host, port)) == 0
