"""Text from documents is shown as text everywhere: service and municipality names that look like markup."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from .conftest import TOKEN, XSS_IMG, XSS_MUNICIPALITY, XSS_SCRIPT, login

RAW = (XSS_SCRIPT, "<img src=x onerror=alert(1)>", XSS_MUNICIPALITY)


def assert_only_escaped(html: str, *shown: str) -> None:
    for raw in RAW:
        assert raw not in html, f"unescaped {raw!r} in the page"
    for text in shown:
        assert str(escape(text)) in html, f"{text!r} is not shown (escaped)"


@pytest.mark.parametrize(
    "url, shown",
    [
        ("/services", (XSS_SCRIPT, XSS_IMG)),
        ("/services?q=" + quote("주입 시험"), (XSS_SCRIPT, XSS_IMG)),
        ("/", (XSS_MUNICIPALITY,)),
        ("/municipalities", (XSS_MUNICIPALITY,)),
        ("/municipalities/" + quote(XSS_MUNICIPALITY, safe=""), (XSS_MUNICIPALITY,)),
        ("/compare?m=" + quote("춘천시") + "&m=" + quote(XSS_MUNICIPALITY), (XSS_MUNICIPALITY,)),
        ("/archetypes", (XSS_MUNICIPALITY,)),
    ],
)
def test_markup_in_names_is_escaped_on_read_pages(client: TestClient, url: str, shown: tuple[str, ...]) -> None:
    response = client.get(url, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert_only_escaped(response.text, *shown)


def test_markup_in_names_is_escaped_on_detail_pages(client: TestClient, catalogue: tuple[Path, dict[str, int]]) -> None:
    for key, name in (("춘천시/" + XSS_SCRIPT, XSS_SCRIPT), ("목포시/" + XSS_IMG, XSS_IMG)):
        html = client.get(f"/services/{catalogue[1][key]}").text
        assert_only_escaped(html, name)
        assert f"<title>{escape(name)} · scatlas</title>" in html
    # a detail page listing a similar service of the markup-named municipality
    html = client.get(f"/services/{catalogue[1]['춘천시/스마트 버스정류장']}").text
    assert_only_escaped(html, XSS_MUNICIPALITY)


def test_markup_in_names_is_escaped_in_the_review_queue(writer_client: TestClient) -> None:
    login(writer_client)
    assert_only_escaped(writer_client.get("/review").text, XSS_SCRIPT, XSS_IMG)


def test_csv_download_carries_the_names_as_plain_text(client: TestClient) -> None:
    response = client.get(
        "/api/services/export", params={"format": "csv", "q": "주입 시험"}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(r["name"] for r in rows) == sorted([XSS_SCRIPT, XSS_IMG])
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-content-type-options"] == "nosniff"  # never sniffed into HTML


def test_json_api_returns_the_names_verbatim(client: TestClient) -> None:
    items = client.get("/api/services", params={"q": "주입 시험"}).json()["items"]
    assert sorted(s["name"] for s in items) == sorted([XSS_SCRIPT, XSS_IMG])
