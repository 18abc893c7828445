"""A throwaway PostgreSQL server for the tests: a new cluster in a temporary folder.

The server refuses to run as root, so when the tests run as root the cluster belongs to
an ordinary user (`claimtrack-pg`, created if missing). It listens only on a unix socket
in the cluster's folder (no TCP port is opened) and is stopped and deleted at the end.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg

from tests.servers import free_port  # it only names the socket file here

SERVER_USER = "claimtrack-pg"
BIN_GLOB = "/usr/lib/postgresql/*/bin"


class PostgresUnavailable(Exception):
    """No PostgreSQL binaries on this machine."""


def binaries() -> Path:
    """The newest installed PostgreSQL's bin folder."""
    found = sorted(Path("/").glob(BIN_GLOB.lstrip("/")), key=lambda p: int(p.parent.name))
    if not found:
        raise PostgresUnavailable(f"no PostgreSQL under {BIN_GLOB}: apt-get install postgresql")
    return found[-1]


def _as_server_user(command: list[str]) -> list[str]:
    """`command`, run as the ordinary server user when we are root."""
    if os.geteuid() != 0:
        return command
    if subprocess.run(["id", "-u", SERVER_USER], capture_output=True).returncode != 0:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                SERVER_USER,
            ],
            check=True,
        )
    return ["runuser", "-u", SERVER_USER, "--", *command]


@dataclass
class PostgresServer:
    """A running cluster: its folder, socket folder and port."""

    folder: Path
    port: int
    bin: Path

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of one database on this server."""
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}&port={self.port}"

    def create_database(self, name: str) -> str:
        """Create database `name` (dropping an old one); its URL."""
        with psycopg.connect(
            host=str(self.socket_dir), port=self.port, user="postgres", dbname="postgres"
        ) as connection:
            connection.autocommit = True
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server and delete the cluster."""
        pg_ctl = [str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate"]
        subprocess.run(_as_server_user([*pg_ctl, "stop"]), capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)


def start_server() -> PostgresServer:
    """initdb a new cluster in a temporary folder and start it; wait until it answers."""
    bin_dir = binaries()
    folder = Path(tempfile.mkdtemp(prefix="claimtrack-pg-"))
    server = PostgresServer(folder, free_port(), bin_dir)
    server.socket_dir.mkdir()
    if os.geteuid() == 0:
        _as_server_user(["true"])  # creates the user
        shutil.chown(folder, SERVER_USER)
        shutil.chown(server.socket_dir, SERVER_USER)
    data = folder / "data"
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust"]
    subprocess.run(
        _as_server_user([*initdb, "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]),
        check=True,
        capture_output=True,
        timeout=120,
    )
    options = (
        f"-k {server.socket_dir} -p {server.port} -c listen_addresses='' -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off"
    )
    start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log")]
    started = subprocess.run(
        _as_server_user([*start, "-o", options, "-w", "-t", "60", "start"]),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if started.returncode != 0:
        log = (folder / "server.log").read_text(errors="replace")
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {started.stderr}\n{log}")
    _wait_until_ready(server)
    return server


def _wait_until_ready(server: PostgresServer, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            psycopg.connect(
                host=str(server.socket_dir), port=server.port, user="postgres", dbname="postgres"
            ).close()
            return
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
