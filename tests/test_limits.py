"""Limits and headers: long addresses and big headers get a clear 4xx, only GET and HEAD,
the safe headers on every response (errors, 304s and static files too), no internals in
any answer, and the server's timeout for idle clients. Slow clients are cut off by the
reverse proxy (tests/test_proxy.py).
"""

from __future__ import annotations

import http.client
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from app.web import api, articles, browse, claims, create_app, docs, pages, serving
from app.web.gate import MAX_HEADER_BYTES, MAX_HEADERS, MAX_TARGET_BYTES
from app.web.security import CSP
from tests.servers import serving as real_server

LEAKS = ("Traceback", 'File "/', "site-packages", "/work/", "sqlalchemy", "sqlite3.", "Error:")
SECRET = "a secret at /work/main/app/web/secret.py line 12"
OTHER_METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "FOO"]


def boom() -> None:
    raise RuntimeError(SECRET)


@pytest.fixture(scope="module")
def app(loaded_db: str) -> Iterator[FastAPI]:
    application = create_app(loaded_db)
    application.add_api_route("/boom", boom)  # a bug, to see what a 500 shows
    application.add_api_route("/api/boom", boom)
    with TestClient(application):
        yield application


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app, follow_redirects=False)


@pytest.fixture(scope="module")
def urls(client: TestClient) -> list[str]:
    """One real address for every route the app serves, and a static file."""
    claim = client.get("/api/claims").json()["claims"][0]
    values = {
        "claim_id": claim["id"],
        "slug": claim["article"]["slug"],
    }
    routes = [
        route
        for module in (pages, claims, browse, articles, api, docs)
        for route in module.router.routes
        if isinstance(route, APIRoute)
    ]
    found = []
    for route in routes:
        path = route.path.replace("{claim_id}", values["claim_id"])
        if "/sources/" in path:
            path = path.replace("{slug}", claim["sources"][0]["slug"])
        elif "/topics/" in path:
            path = path.replace("{slug}", claim["topics"][0]["slug"])
        found.append(path.replace("{slug}", values["slug"]))
    assert len(found) >= 15
    return [*found, "/openapi.json", "/static/site.css"]


def assert_safe_headers(response: httpx.Response, what: str) -> None:
    headers = response.headers
    assert headers.get("content-security-policy") == CSP, what
    assert "unsafe-inline" not in CSP and "frame-ancestors 'none'" in CSP
    assert headers.get("x-content-type-options") == "nosniff", what
    assert headers.get("referrer-policy") == "strict-origin-when-cross-origin", what
    assert headers.get("x-frame-options") == "DENY", what


def assert_no_internals(response: httpx.Response, what: str) -> None:
    for leak in (*LEAKS, SECRET):
        assert leak not in response.text, f"{what}: {leak!r} in {response.text[:1000]}"


def test_every_route_answers_get_and_head(client: TestClient, urls: list[str]) -> None:
    for url in urls:
        got = client.get(url)
        assert got.status_code == 200, url
        assert_safe_headers(got, url)
        head = client.head(url)
        assert head.status_code == 200 and head.content == b"", url
        assert_safe_headers(head, f"HEAD {url}")


@pytest.mark.parametrize("method", OTHER_METHODS)
def test_every_route_refuses_other_methods(
    client: TestClient, urls: list[str], method: str
) -> None:
    for url in [*urls, "/nowhere", "/api/nowhere"]:
        response = client.request(method, url, content=b"x=1")
        assert response.status_code == 405, f"{method} {url}"
        assert response.headers["allow"] == "GET, HEAD"
        assert_safe_headers(response, f"{method} {url}")
        assert_no_internals(response, f"{method} {url}")


def error_responses(client: TestClient) -> dict[str, httpx.Response]:
    """One response of every kind of error the app gives, by what was asked."""
    etag = client.get("/claims").headers["etag"]
    long_query = "x" * (MAX_TARGET_BYTES + 1)
    many_headers = {f"x-h{n}": "1" for n in range(MAX_HEADERS + 1)}
    return {
        "404 page": client.get("/nowhere"),
        "404 claim": client.get("/claims/nope"),
        "404 api": client.get("/api/claims/nope"),
        "404 static": client.get("/static/nope.css"),
        "400 page": client.get("/claims?page=zero"),
        "400 api": client.get("/api/claims?from=yesterday"),
        "405": client.post("/claims"),
        "414 page": client.get(f"/claims?pad={long_query}"),
        "414 api": client.get(f"/api/claims?pad={long_query}"),
        "414 path": client.get("/claims/" + "a" * MAX_TARGET_BYTES),
        "414 head": client.head(f"/claims?pad={long_query}"),
        "431 big": client.get("/", headers={"x-big": "y" * MAX_HEADER_BYTES}),
        "431 many api": client.get("/api/sources", headers=many_headers),
        "304": client.get("/claims", headers={"if-none-match": etag}),
        "500 page": client.get("/boom"),
        "500 api": client.get("/api/boom"),
    }


def test_errors_are_clear_safe_and_show_no_internals(client: TestClient) -> None:
    for what, response in error_responses(client).items():
        assert response.status_code == int(what[:3]), f"{what}: {response.status_code}"
        assert_safe_headers(response, what)
        assert_no_internals(response, what)
        if what.endswith("api"):
            assert response.json()["error"]["status"] == response.status_code
        elif what[:3] not in ("304", "404") and "head" not in what:
            assert '<h1 id="error-title">' in response.text, f"{what}: an error page in the layout"


def test_limit_messages_say_what_is_too_big(client: TestClient) -> None:
    errors = error_responses(client)
    assert errors["414 api"].json()["error"]["message"] == (
        f"This address is too long: at most {MAX_TARGET_BYTES:,} bytes are served."
    )
    assert "headers are too large" in errors["431 many api"].text
    assert errors["500 api"].json()["error"]["message"] == (
        "The page could not be shown. Please try again later."
    )


def test_just_under_the_limits_is_served(client: TestClient) -> None:
    path = "/api/sources?pad="
    response = client.get(path + "x" * (MAX_TARGET_BYTES - len(path)))
    assert response.status_code == 200, response.text
    headers = {f"x-h{n}": "1" for n in range(MAX_HEADERS - 10)}
    assert client.get("/api/sources", headers=headers).status_code == 200


def test_workers_run_uvicorn_with_its_documented_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[tuple[uvicorn.Config, list[Any]]] = []

    def run(server: uvicorn.Server, sockets: list[Any]) -> None:
        started.append((server.config, sockets))

    monkeypatch.setattr(uvicorn.Server, "run", run)
    serving.run_worker("app.cli:app_from_environment", "127.0.0.1", 0)
    ((config, sockets),) = started
    try:
        assert config.timeout_keep_alive == 5
        assert config.limit_concurrency == 200
        assert config.timeout_graceful_shutdown == 10
        assert config.h11_max_incomplete_event_size == 256 * 1024
        assert config.http == "h11" and config.factory is True
        assert len(sockets) == 1 and sockets[0].getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT)
    finally:
        for sock in sockets:
            sock.close()


@pytest.fixture(scope="module")
def server(loaded_db: str) -> Iterator[int]:
    """The app on a real uvicorn with the serve command's limits; yields the port."""
    with real_server(create_app(loaded_db), **serving.SERVER_LIMITS) as port:
        yield port


def read_all(connection: socket.socket) -> bytes:
    data = b""
    while chunk := connection.recv(65536):
        data += chunk
    return data


def test_an_idle_connection_is_closed(server: int) -> None:
    with socket.create_connection(("127.0.0.1", server), timeout=15) as connection:
        connection.sendall(b"GET /api/topics HTTP/1.1\r\nHost: localhost\r\n\r\n")
        started = time.monotonic()
        answer = read_all(connection)  # ends when the server closes the connection
        waited = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 200 OK"), answer[:200]
    assert serving.SERVER_LIMITS["timeout_keep_alive"] - 1 < waited < 12, waited


@pytest.mark.parametrize(
    ("request_line", "status"),
    [
        (b"GET /claims?q=" + b"x" * 100_000 + b" HTTP/1.1", b"414"),
        (b"GET /" + b"a" * 20_000 + b" HTTP/1.1", b"414"),
        (b"GET / HTTP/1.1\r\nX-Big: " + b"y" * 100_000, b"431"),
    ],
)
def test_huge_requests_to_the_real_server(server: int, request_line: bytes, status: bytes) -> None:
    with socket.create_connection(("127.0.0.1", server), timeout=15) as connection:
        connection.sendall(request_line + b"\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        answer = read_all(connection)
    assert answer.split(b" ")[1] == status, answer[:300]
    assert b"content-security-policy" in answer.lower()
    assert b"Traceback" not in answer and b"/work/" not in answer


def test_a_huge_head_sent_in_pieces_gets_the_same_answer(server: int) -> None:
    # Over a real network a big head arrives in several reads; the answer must not
    # depend on how it was cut (the parser must not give up on it half-read).
    head = b"GET / HTTP/1.1\r\nX-Big: " + b"y" * 100_000 + b"\r\nHost: localhost\r\n"
    head += b"Connection: close\r\n\r\n"
    with socket.create_connection(("127.0.0.1", server), timeout=15) as connection:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for start in range(0, len(head), 8192):
            connection.sendall(head[start : start + 8192])
            time.sleep(0.01)
        answer = read_all(connection)
    assert answer.split(b" ")[1] == b"431", answer[:300]
    assert b"content-security-policy" in answer.lower()


def test_a_kept_alive_connection_serves_request_after_request(server: int) -> None:
    """A reused connection answers request after request."""
    connection = http.client.HTTPConnection("127.0.0.1", server, timeout=15)
    try:
        for _ in range(3):
            connection.request("GET", "/api/topics")
            response = connection.getresponse()
            assert response.status == 200 and response.read()
            time.sleep(1)
    finally:
        connection.close()
