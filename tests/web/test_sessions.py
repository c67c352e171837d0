"""Sessions to OWASP ASVS level 1: logout and expiry end a session on the server (an old cookie opens nothing),
failed tokens are throttled per client, and the CSRF token is rotated at login."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tests.web.conftest import TOKEN, csrf_of, login, make_client

from scatlas.web.session import COOKIE
from scatlas.web.session_store import FREE_FAILURES, SessionStore

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_logout_ends_the_session_on_the_server(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    sid = fresh_catalogue[1]["목포시/침수 감지 경보"]
    with make_client(fresh_catalogue[0]) as c:
        csrf = login(c, "park")
        stolen = c.cookies.get(COOKIE)
        assert c.get("/review", follow_redirects=False).status_code == 200
        assert c.post("/logout", data={"csrf_token": csrf}, follow_redirects=False).status_code == 303
    with make_client(fresh_catalogue[0]) as replay:  # an attacker replaying the cookie from before the logout
        replay.cookies.set(COOKIE, stolen)
        assert replay.get("/review", follow_redirects=False).status_code == 303  # back to the login page
        page = replay.get("/login")
        posted = replay.post(
            f"/review/{sid}",
            data={"action": "accept", "csrf_token": csrf_of(page.text)},
            headers={"Accept": "application/json"},
        )
        assert posted.status_code == 401
        assert replay.get(f"/api/services/{sid}/history").json()[0]["coder"] == "auto:fixture"


def test_expired_session_opens_nothing(
    fresh_catalogue: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    with make_client(fresh_catalogue[0]) as c:
        login(c)
        assert c.get("/review", follow_redirects=False).status_code == 200
        store: SessionStore = c.app.state.web.sessions  # type: ignore[attr-defined]
        later = time.time() + store.max_age + 1
        monkeypatch.setattr(time, "time", lambda: later)  # the clock is the system edge here
        assert c.get("/review", follow_redirects=False).status_code == 303


def test_csrf_token_is_rotated_at_login(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    with make_client(fresh_catalogue[0]) as c:
        before = csrf_of(c.get("/login").text)
        after = login(c)
        assert before != after
        sid = fresh_catalogue[1]["목포시/침수 감지 경보"]
        stale = c.post(f"/review/{sid}", data={"action": "accept", "csrf_token": before})
        assert stale.status_code == 403  # a token planted before the login is worthless after it


def test_failed_tokens_are_throttled_on_the_api(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    with make_client(fresh_catalogue[0]) as c:
        statuses = [
            c.post(
                "/api/services/1/codings", json={"coder": "kim"}, headers={"Authorization": f"Bearer wrong-{i}"}
            ).status_code
            for i in range(30)
        ]
        assert statuses[:FREE_FAILURES] == [403] * FREE_FAILURES
        assert statuses[FREE_FAILURES + 1 :].count(429) >= 20  # hundreds a second are no longer possible
        throttled = c.post("/api/services/1/codings", json={"coder": "kim"}, headers=AUTH)
        assert throttled.status_code == 429 and int(throttled.headers["retry-after"]) >= 1
        assert "초" in throttled.json()["detail"]


def test_failed_logins_are_throttled_on_the_form(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    with make_client(fresh_catalogue[0]) as c:
        codes = []
        for i in range(FREE_FAILURES + 3):
            csrf = csrf_of(c.get("/login").text)
            codes.append(
                c.post(
                    "/login", data={"csrf_token": csrf, "name": "kim", "token": f"bad{i}"}, follow_redirects=False
                ).status_code
            )
        assert codes[:FREE_FAILURES] == [403] * FREE_FAILURES and 429 in codes[FREE_FAILURES:]


def test_backoff_grows_and_success_forgives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = SessionStore(tmp_path / "s.db", max_age=60)
    now = [1_000_000.0]
    monkeypatch.setattr(time, "time", lambda: now[0])
    for _ in range(FREE_FAILURES):
        store.failed("1.2.3.4")
    first = store.wait_seconds("1.2.3.4")
    store.failed("1.2.3.4")
    assert store.wait_seconds("1.2.3.4") > first > 0
    assert store.wait_seconds("5.6.7.8") == 0  # per client
    now[0] += 3600  # failures are forgotten after the window
    assert store.wait_seconds("1.2.3.4") == 0
    for _ in range(FREE_FAILURES + 2):
        store.failed("1.2.3.4")
    store.succeeded("1.2.3.4")
    assert store.wait_seconds("1.2.3.4") == 0


def test_sessions_are_shared_between_server_processes(tmp_path: Path) -> None:
    """Two stores on one file (two worker processes): a logout in one ends the session in the other."""
    a, b = SessionStore(tmp_path / "s.db", 60), SessionStore(tmp_path / "s.db", 60)
    sid = a.create("kim")
    assert b.user(sid) == "kim"
    b.end(sid)
    assert a.user(sid) is None
