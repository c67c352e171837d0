"""Exports: behind login or the token unless the server opens them (--public-exports); CSV and JSON stream."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from fastapi.testclient import TestClient

from .conftest import TOKEN, login, make_client


def test_exports_need_login_or_token_by_default(client: TestClient) -> None:
    anonymous = client.get("/api/services/export", params={"format": "xlsx"})
    assert anonymous.status_code == 401 and "로그인" in anonymous.json()["detail"]
    wrong = client.get("/api/services/export", headers={"Authorization": "Bearer wrong"})
    assert wrong.status_code == 403
    assert "download-login" in client.get("/services").text  # the page offers the login instead of dead links


def test_logged_in_coder_downloads(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    with make_client(fresh_catalogue[0]) as c:
        login(c)
        assert 'id="download-csv"' in c.get("/services").text
        response = c.get("/api/services/export", params={"format": "csv"})
        assert response.status_code == 200
        assert len(list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))) == 11


def test_public_exports_open_to_everyone_and_stream(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    with make_client(fresh_catalogue[0], public_exports=True) as c:
        with c.stream("GET", "/api/services/export", params={"format": "json"}) as response:
            assert response.status_code == 200
            assert "content-length" not in response.headers  # streamed, not built whole first
            body = b"".join(response.iter_bytes())
        records = json.loads(body)
        assert len(records) == 11 and records[0]["municipality"]
        csv_text = c.get("/api/services/export", params={"format": "csv", "q": "버스"}).content.decode("utf-8-sig")
        assert {r["name"] for r in csv.DictReader(io.StringIO(csv_text))} >= {"스마트 버스정류장"}


def test_token_holder_downloads_xlsx(client: TestClient) -> None:
    response = client.get(
        "/api/services/export", params={"format": "xlsx"}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 200 and response.content[:2] == b"PK"
