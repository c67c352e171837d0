"""The request guard: every route's body is capped before authentication, every response carries the security
headers (413 and 500 included), and an unhandled error answers 500 without dropping the connection."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from tests.web.conftest import TOKEN, csrf_of, make_client

from scatlas.web import WebSettings, create_app
from scatlas.web.guard import SECURITY_HEADERS, SMALL_BODY_BYTES

HEADERS = tuple(SECURITY_HEADERS)


def _assert_security_headers(response) -> None:  # type: ignore[no-untyped-def]
    for name in HEADERS:
        assert name in response.headers, f"{name} missing on a {response.status_code}"


@pytest.mark.parametrize(
    "method,path",
    [
        ("POST", "/api/services/1/codings"),  # JSON, token needed: refused before the 401
        ("POST", "/login"),  # a form, CSRF needed: refused before the 403
        ("POST", "/review/1"),
        ("POST", "/logout"),
        ("PUT", "/api/services/1"),  # a route that does not exist still does not read a big body
    ],
)
def test_big_bodies_are_refused_before_authentication(client: TestClient, method: str, path: str) -> None:
    body = b"x" * (SMALL_BODY_BYTES + 1)
    response = client.request(method, path, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert "한도" in response.json()["detail"]
    _assert_security_headers(response)


def test_streamed_body_without_length_is_cut_at_the_limit(client: TestClient) -> None:
    sent = 0

    def chunks() -> Iterator[bytes]:
        nonlocal sent
        for _ in range(10_000):  # up to 640 MB if the server kept reading
            sent += 65536
            yield b"x" * 65536

    response = client.post("/api/services/1/codings", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    _assert_security_headers(response)


def test_small_json_still_reaches_the_token_check(client: TestClient) -> None:
    response = client.post("/api/services/1/codings", json={"coder": "kim", "domain_id": "transport"})
    assert response.status_code == 401
    _assert_security_headers(response)


def test_bad_content_length_is_400(client: TestClient) -> None:
    response = client.post("/login", content=b"a=b", headers={"Content-Length": "abc"})
    assert response.status_code == 400


def test_unhandled_error_is_500_with_headers(
    fresh_catalogue: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    with make_client(fresh_catalogue[0]) as c:
        insights = c.app.state.web.insights  # type: ignore[attr-defined]

        def broken() -> dict:
            raise RuntimeError("boom")

        monkeypatch.setattr(insights, "overview", broken)
        response = c.get("/api/overview")
        assert response.status_code == 500
        assert "boom" not in response.text  # no internals leak
        _assert_security_headers(response)
        assert c.get("/api/facets").status_code == 200


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_connection_survives_a_500_on_a_real_server(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    """Through uvicorn: after a 500 the keep-alive connection answers the next request."""
    import http.client

    app = create_app(WebSettings(db=fresh_catalogue[0], token=TOKEN, secret=b"s" * 32, coder_factory=None))

    def broken() -> dict:
        raise RuntimeError("boom")

    app.state.web.insights.overview = broken  # type: ignore[method-assign]
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/overview")
        first = conn.getresponse()
        first.read()
        assert first.status == 500
        assert first.getheader("x-content-type-options") == "nosniff"
        sock = conn.sock
        conn.request("GET", "/api/facets")
        second = conn.getresponse()
        second.read()
        assert second.status == 200
        assert conn.sock is sock  # the same TCP connection
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_login_page_form_still_works(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    with make_client(fresh_catalogue[0]) as c:
        token = csrf_of(c.get("/login").text)
        response = c.post(
            "/login",
            data={"csrf_token": token, "name": "kim", "token": TOKEN, "next": "/review"},
            follow_redirects=False,
        )
        assert response.status_code == 303
