"""The reverse proxy in front: nginx with the project's own configuration (docs/nginx.conf)
cuts off clients that send their request head slowly or not at all, which uvicorn has no
setting for, and passes everything else to the app, whose 414 page and security headers
come through. nginx and the app both really run, on localhost."""

from __future__ import annotations

import re
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.web import create_app
from app.web.gate import MAX_TARGET_BYTES
from app.web.serving import SERVER_LIMITS
from tests.conftest import ROOT
from tests.servers import free_port, serving

NGINX = Path("/usr/sbin/nginx")
CONFIG = ROOT / "docs" / "nginx.conf"
HEADER_TIMEOUT = float(re.search(r"client_header_timeout (\d+)s", CONFIG.read_text())[1])  # type: ignore[index]


@pytest.fixture(scope="module")
def proxy(loaded_db_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """nginx with docs/nginx.conf in front of the app; yields nginx's port."""
    assert NGINX.exists(), f"{NGINX} is missing: apt-get install nginx-light (scripts/test does)"
    from tests.conftest import sqlite_url

    folder = tmp_path_factory.mktemp("nginx")
    with serving(create_app(sqlite_url(loaded_db_path)), **SERVER_LIMITS) as app_port:
        port = free_port()
        site = CONFIG.read_text().replace("127.0.0.1:8000", f"127.0.0.1:{app_port}")
        site = site.replace("listen 8080;", f"listen 127.0.0.1:{port};")
        (folder / "site.conf").write_text(site)
        (folder / "nginx.conf").write_text(
            "user root;\nworker_processes 1;\npid nginx.pid;\nerror_log error.log;\n"
            "events {}\nhttp {\n  access_log off;\n  client_body_temp_path tmp;\n"
            "  proxy_temp_path tmp;\n  include site.conf;\n}\n"
        )
        (folder / "tmp").mkdir()
        command = [str(NGINX), "-p", str(folder), "-c", str(folder / "nginx.conf")]
        process = subprocess.Popen([*command, "-g", "daemon off;"], stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 20
            while not _accepts(port):
                assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.05)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=20)


def _accepts(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def read_all(connection: socket.socket) -> bytes:
    data = b""
    while chunk := connection.recv(65536):
        data += chunk
    return data


def ask(port: int, head: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(head)
        return read_all(connection)


def test_pages_pass_through_with_the_security_headers(proxy: int) -> None:
    answer = ask(proxy, b"GET /api/topics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 200"), answer[:300]
    assert b"content-security-policy: default-src 'self'" in answer.lower()


def test_an_overlong_address_gets_the_apps_own_414(proxy: int) -> None:
    target = b"/claims?q=" + b"x" * MAX_TARGET_BYTES
    answer = ask(
        proxy, b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    assert answer.startswith(b"HTTP/1.1 414"), answer[:300]
    assert b"content-security-policy" in answer.lower()
    assert b"This address is too long" in answer


def test_slow_and_silent_clients_are_cut_off(proxy: int) -> None:
    """A client that sends nothing, or its headers a little at a time, loses the line."""
    silent = socket.create_connection(("127.0.0.1", proxy), timeout=HEADER_TIMEOUT + 10)
    slow = socket.create_connection(("127.0.0.1", proxy), timeout=HEADER_TIMEOUT + 10)
    started = time.monotonic()
    try:
        slow.sendall(b"GET /api/topics HTTP/1.1\r\nHost: localhost\r\n")
        for _ in range(3):
            time.sleep(1)
            slow.sendall(b"X-Slow: 1\r\n")
        for connection in (silent, slow):
            answer = read_all(connection)  # ends when nginx closes the connection
            assert answer == b"" or answer.startswith(b"HTTP/1.1 408"), answer[:200]
    finally:
        silent.close()
        slow.close()
    waited = time.monotonic() - started
    assert HEADER_TIMEOUT - 1 < waited < HEADER_TIMEOUT + 5, waited
