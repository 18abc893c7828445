"""Many requests at once, as a browser full of tabs or a proxy sends them: every one is
answered, and no request closes or shares another's database connection."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from app.web import create_app

THREADS = 16
ROUNDS = 12


def test_concurrent_requests_are_all_answered(loaded_db: str) -> None:
    with TestClient(create_app(loaded_db)) as client:
        ids = [c["id"] for c in client.get("/api/claims").json()["claims"][:4]]
        urls = [f"/api/claims/{i}" for i in ids] + [f"/claims/{i}" for i in ids]
        urls += ["/", "/claims?source=seoul", "/api/claims?q=Russia", "/sources"]

        def fetch(n: int) -> list[tuple[str, int]]:
            return [(url, client.get(url).status_code) for url in urls[n % 3 :: 3]]

        with ThreadPoolExecutor(THREADS) as pool:
            answers = [a for batch in pool.map(fetch, range(THREADS * ROUNDS)) for a in batch]
    failed = [(url, status) for url, status in answers if status != 200]
    assert not failed, failed[:10]
    assert len(answers) > THREADS * ROUNDS


def test_more_requests_than_threads_and_connections_are_all_answered(loaded_db: str) -> None:
    # More requests at once than the server has worker threads (40) and database
    # connections (16) together: none may wait for a connection while holding a thread,
    # or the requests holding connections get no thread to finish on.
    import threading

    import httpx

    from app.web.serving import SERVER_LIMITS
    from tests.servers import serving

    clients = 120
    with serving(create_app(loaded_db), **SERVER_LIMITS) as port:
        base = f"http://127.0.0.1:{port}"
        ids = [c["id"] for c in httpx.get(f"{base}/api/claims").json()["claims"][:4]]
        start = threading.Barrier(clients)
        statuses: list[int] = []

        def fetch(n: int) -> None:
            start.wait()
            url = f"{base}/claims/{ids[n % len(ids)]}" if n % 2 else f"{base}/sources"
            statuses.append(httpx.get(url, timeout=60).status_code)

        threads = [threading.Thread(target=fetch, args=(n,)) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert statuses == [200] * clients
