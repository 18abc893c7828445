"""The web app under generated input: no 5xx, ever, and no traceback in any answer.

schemathesis generates requests for every operation in `/openapi.json` and checks the
answers against the schema; a hypothesis property sends the HTML pages random query
strings: known and unknown names, repeated keys, odd, unicode and huge values.
Both are bounded (`max_examples`) so the file runs in well under a minute.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote, urlencode

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from app.extraction.model import STANCES
from app.storage.queries import FILTER_NAMES, SORTS, STORY_SORTS
from app.web import api, create_app, story_api

LEAKS = ("Traceback", 'File "/', "site-packages", "/work/", "sqlalchemy", "sqlite3.")
FUZZ_SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,  # the same examples every run: a failure reproduces
    database=None,
)


@pytest.fixture(scope="module")
def app(loaded_db: str) -> Iterator[FastAPI]:
    application = create_app(loaded_db)
    with TestClient(application):  # runs the lifespan, which opens the read-only engine
        yield application


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app, follow_redirects=False)


@pytest.fixture(scope="module")
def api_schema(app: FastAPI) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_asgi("/openapi.json", app)


# One test per API operation, listed from the router (no database needed to collect).
# Each runs hypothesis over the operation's own strategy rather than through
# schemathesis' pytest plugin, whose fixture hooks follow pytest's private internals.
API_ROUTES = [*api.router.routes, *story_api.router.routes]
OPERATIONS = sorted(
    (method, route.path)
    for route in API_ROUTES
    if isinstance(route, APIRoute)
    for method in route.methods
    if method != "HEAD"
)


@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_every_api_operation(api_schema: schemathesis.BaseSchema, method: str, path: str) -> None:
    """No 5xx; bodies and content types as the schema documents them."""
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @FUZZ_SETTINGS
    def check(case: schemathesis.Case) -> None:
        response = case.call()
        assert response.status_code < 500, response.text
        assert not any(leak in response.text for leak in LEAKS), response.text
        case.validate_response(
            response,
            checks=[not_a_server_error, response_schema_conformance, content_type_conformance],
        )

    check()


def test_the_schema_lists_every_api_route(api_schema: schemathesis.BaseSchema) -> None:
    """So the fuzzing above reaches every JSON route the app serves."""
    routes = {route.path for route in API_ROUTES if isinstance(route, APIRoute)}
    assert len(routes) >= 12
    assert set(api_schema.raw_schema["paths"]) == routes
    assert {path for _, path in OPERATIONS} == routes


PAGES = [
    "/",
    "/claims",
    "/sources",
    "/sources/seoul",
    "/topics",
    "/topics/arms-transfers",
    "/docs",
    "/articles/nope",
    "/claims/nope",
    "/api/claims",
    "/api/claims.csv",
    "/stories",
    "/stories/nope",
    "/api/stories",
    "/claims/feed.atom",
    "/sources/seoul/feed.atom",
    "/topics/arms-transfers/feed.atom",
]
KNOWN_VALUES = [
    "seoul",
    "nato",
    "kyiv",
    "Seoul",
    "South Korea",
    "arms-transfers",
    "russia",
    "north-korea",
    *STANCES,
    *SORTS,
    *STORY_SORTS,
    "2024",
    "2024-11",
    "2024-11-22",
    "2024-02-30",
    "1",
    "0",
    "-1",
    "1000",
    "1001",
    "99999999999999999999",
    "true",
    "Mark Rutte",
    "o25",
    "o99999999",
    "12345.abc",
    "99999999999999999999.x",
    "troops",
    '"troops',
    "troops*",
    "NEAR(a b)",
    "a OR",
    "-",
    "",
]
NAMES = st.sampled_from([*FILTER_NAMES, "source[]", "utm_source", "", "ünïcode", "a" * 300])
VALUES = st.one_of(
    st.sampled_from(KNOWN_VALUES),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.text(alphabet="<>\"'&%;()*:/\\ \t\n-", max_size=20),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=201, max_value=6000).map(lambda n: "x" * n),
)


@given(
    page=st.sampled_from(PAGES),
    pairs=st.lists(st.tuples(NAMES, VALUES), max_size=12),
)
@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
)
def test_pages_take_any_query_string(
    client: TestClient, page: str, pairs: list[tuple[str, str]]
) -> None:
    url = f"{page}?{urlencode(pairs, quote_via=quote)}" if pairs else page
    response = client.get(url)
    assert response.status_code < 500, f"{url}: {response.status_code}"
    assert response.status_code in (200, 301, 302, 303, 307, 308, 400, 404, 414), url
    assert not any(leak in response.text for leak in LEAKS), f"{url}: {response.text[:2000]}"
