"""Parameters a client controls are validated: out-of-range numbers, huge strings and word floods are 4xx, never a
500, and every error carries the security headers."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

BAD = [
    "/api/services/9223372036854775808",  # 2**63: past SQLite's integer
    "/api/services/99999999999999999999999999",
    "/api/services/0",
    "/api/services/-1",
    "/api/services/9223372036854775808/history",
    "/api/services/9223372036854775808/similar",
    "/services/9223372036854775808",
    "/api/services?page=9223372036854775808",
    "/api/services?page=100001",
    "/services?page=9223372036854775808",
    "/api/services?per_page=9223372036854775808",
    "/api/services?conf_min=nan",
    "/api/services?conf_min=1e999",
    "/api/services?q=" + "a" * 60_000,
    "/api/services?q=" + "가" * 5_000,
    "/api/services?q=" + "+".join(["버스"] * 2000),
    "/services?q=" + "+".join(["버스"] * 2000),
    "/api/services?municipality=" + "a" * 60_000,
    "/api/services?" + "&".join(["domain=transport"] * 500),
    "/api/services/export?q=" + "a" * 60_000,
    "/api/municipalities/" + "가" * 5_000,
    "/api/compare?" + "&".join(f"m=시{i}" for i in range(500)),
    "/compare?" + "&".join(f"m=시{i}" for i in range(500)),
    "/api/jobs/" + "a" * 5000,
]


@pytest.mark.parametrize("url", BAD, ids=[u[:50] for u in BAD])
def test_bad_parameter_is_a_client_error(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:200])
    assert response.headers.get("x-content-type-options") == "nosniff"


def test_bounds_still_accept_ordinary_values(client: TestClient) -> None:
    assert client.get("/api/services?q=버스 정류장&page=1&per_page=200").status_code == 200
    assert client.get("/api/services/9223372036854775807").status_code == 404  # the largest id: just not there
