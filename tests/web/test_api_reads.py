"""The read side of the JSON API on a real catalogue file: search, filters, detail, profiles, exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from scatlas.catalogue.export import EXPORT_COLUMNS

from .conftest import TOKEN, XSS_IMG, XSS_MUNICIPALITY, XSS_SCRIPT

Fixture = tuple[Path, dict[str, int]]

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def names(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [s["name"] for s in response.json()["items"]]


def test_overview_counts_every_domain_and_the_totals(client: TestClient) -> None:
    data = client.get("/api/overview").json()
    assert data["totals"] == {"plans": 4, "municipalities": 4, "services": 11, "unlabelled": 0}
    assert len(data["domains"]) == 12
    counts = {d["domain_id"]: d["count"] for d in data["domains"]}
    # 침수 감지 경보 is declared 방범·방재: the declared domain beats the auto coding (environment)
    assert counts["transport"] == 5 and counts["safety"] == 2 and counts["environment"] == 0
    assert sum(f["count"] for f in data["functions"]) == 11
    assert {m["municipality"] for m in data["by_municipality"]} == {"춘천시", "목포시", "고양시", XSS_MUNICIPALITY}


def test_korean_substring_search_uses_trigrams_and_like_for_short_words(client: TestClient) -> None:
    assert sorted(names(client.get("/api/services", params={"q": "버스정류장"}))) == ["스마트 버스정류장"] * 3 + [
        "스마트 버스정류장 구축"
    ]
    assert names(client.get("/api/services", params={"q": "정류장 구축"})) == ["스마트 버스정류장 구축"]
    # two-syllable words cannot be trigram-matched: the bigram index finds 침수 and 드론
    assert names(client.get("/api/services", params={"q": "침수"})) == ["침수 감지 경보"]
    assert names(client.get("/api/services", params={"q": "드론 하천"})) == ["드론 순찰"]
    # description text is searched too
    assert names(client.get("/api/services", params={"q": "다국어"})) == ["관광 안내 키오스크"]
    # FTS syntax in a query is taken literally, not parsed
    assert names(client.get("/api/services", params={"q": '"버스" OR NEAR('})) == []


def test_filters_select_by_every_dimension(client: TestClient) -> None:
    def get(**p):
        return names(client.get("/api/services", params=p))

    assert sorted(get(municipality="고양시")) == ["관광 안내 키오스크", "드론 순찰", "스마트 버스정류장"]
    assert sorted(get(domain="safety")) == ["드론 순찰", "침수 감지 경보"]
    assert get(function="기반구축") == [XSS_SCRIPT]
    assert sorted(get(tech="IoT")) == ["AI 독거노인 돌봄", "침수 감지 경보"]
    assert len(get(target="일반")) == 11 and get(target="노인") == []
    assert sorted(get(period="2024~2028")) == sorted(["스마트 버스정류장 구축", "침수 감지 경보", XSS_IMG])
    assert "스마트 버스정류장 구축" not in get(period="2023")  # 2024~2028 does not cover 2023
    assert sorted(get(conf_max="0.5")) == sorted([XSS_SCRIPT, XSS_IMG])
    assert get(conf_min="0.92", municipality=["춘천시", "고양시"]) == ["스마트 버스정류장", "스마트 버스정류장"]
    assert get(subtype="parking") == []


def test_sorting_and_pagination(client: TestClient) -> None:
    first = client.get("/api/services", params={"sort": "-confidence", "per_page": 3}).json()
    assert first["total"] == 11 and first["pages"] == 4 and not first["total_is_lower_bound"]
    confidences = [s["confidence"] for s in first["items"]]
    assert confidences == sorted(confidences, reverse=True) and confidences[0] == 1.0  # declared → 1.0
    page4 = client.get("/api/services", params={"sort": "-confidence", "per_page": 3, "page": 4}).json()
    assert len(page4["items"]) == 2
    by_name = names(client.get("/api/services", params={"sort": "name"}))
    assert by_name == sorted(by_name)


@pytest.mark.parametrize(
    "params, word",
    [
        ({"sort": "size"}, "sort"),
        ({"page": "0"}, "page"),
        ({"per_page": "1000"}, "per_page"),
        ({"conf_min": "2"}, "conf_min"),
        ({"conf_max": "high"}, "conf_max"),
        ({"period": "soon"}, "period"),
    ],
)
def test_bad_filter_values_are_refused_with_the_parameter_named(client: TestClient, params: dict, word: str) -> None:
    response = client.get("/api/services", params=params)
    assert response.status_code == 422 and word in response.json()["detail"]


def test_csv_and_xlsx_downloads_carry_the_selection_with_export_columns(client: TestClient) -> None:
    response = client.get("/api/services/export", params={"q": "버스정류장", "format": "csv"}, headers=AUTH)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert tuple(rows[0].keys()) == EXPORT_COLUMNS
    assert len(rows) == 4 and {r["municipality"] for r in rows} == {"춘천시", "목포시", "고양시", XSS_MUNICIPALITY}
    xlsx = client.get("/api/services/export", params={"domain": "safety", "format": "xlsx"}, headers=AUTH)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = list(sheet.values)
    assert values[0] == EXPORT_COLUMNS and len(values) == 3
    as_json = client.get("/api/services/export", params={"format": "json", "function": "기반구축"}, headers=AUTH).json()
    assert [r["name"] for r in as_json] == [XSS_SCRIPT]
    assert client.get("/api/services/export", params={"format": "pdf"}, headers=AUTH).status_code == 422


def test_service_detail_has_source_coding_history_and_similar_services(client: TestClient, catalogue: Fixture) -> None:
    sid = catalogue[1]["춘천시/스마트 버스정류장"]
    data = client.get(f"/api/services/{sid}").json()
    service = data["service"]
    assert service["name"] == "스마트 버스정류장" and service["page"] == 10 and service["source_file"] == "plan-0.pdf"
    assert service["coder"] == "declared" and service["domain"] == "교통"
    assert data["extra"] == {"적용 기술": "IoT"}
    assert [h["coder"] for h in data["history"]] == ["auto:fixture"]
    similar = data["similar"]
    assert similar["method"] in {"trigram", "archetype"}
    found = {(s["municipality"], s["name"]) for s in similar["services"]}
    assert ("고양시", "스마트 버스정류장") in found and ("목포시", "스마트 버스정류장 구축") in found
    assert all(s["municipality"] != "춘천시" for s in similar["services"])
    assert client.get(f"/api/services/{sid}/history").json() == data["history"]
    assert client.get(f"/api/services/{sid}/similar").json()["services"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/services/999999",
        "/api/services/999999/history",
        "/api/services/999999/similar",
        "/api/municipalities/없는시",
        "/api/jobs/nope",
        "/api/compare?m=춘천시&m=없는시",
    ],
)
def test_unknown_ids_are_404(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404, response.text
    assert response.json()["detail"]


def test_municipalities_profiles_and_comparison(client: TestClient) -> None:
    listing = {m["municipality"]: m for m in client.get("/api/municipalities").json()}
    assert listing["고양시"]["services"] == 3 and listing["춘천시"]["top_domain"] == "transport"
    profile = client.get("/api/municipalities/목포시").json()
    assert profile["totals"]["services"] == 3 and len(profile["domains"]) == 12
    both = client.get("/api/compare", params={"m": ["춘천시", "고양시"]}).json()
    assert [p["municipality"] for p in both] == ["춘천시", "고양시"]
    assert client.get("/api/compare", params={"m": "춘천시"}).status_code == 422


def test_archetypes_group_the_same_service_across_municipalities(client: TestClient) -> None:
    response = client.get("/api/archetypes")
    assert response.status_code == 200
    groups = response.json()["archetypes"]
    bus = [g for g in groups if any(m["name"] == "스마트 버스정류장" for m in g["members"])]
    assert bus and bus[0]["municipalities"] >= 3


def test_review_queue_puts_disagreements_then_low_confidence_first(client: TestClient) -> None:
    queue = client.get("/api/review-queue", params={"limit": 5}).json()
    assert queue[0]["name"] == "침수 감지 경보"  # declared 방범·방재, auto environment
    assert [q["name"] for q in queue[1:3]] == [XSS_SCRIPT, XSS_IMG]  # lowest confidence next
    assert client.get("/api/review-queue", params={"limit": 0}).status_code == 422


def test_facets_and_openapi_describe_the_api(client: TestClient) -> None:
    facets = client.get("/api/facets").json()
    assert "춘천시" in facets["municipalities"] and "2023~2027" in facets["periods"]
    assert len(facets["domains"]) == 12
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/overview",
        "/api/services",
        "/api/services/export",
        "/api/services/{service_id}",
        "/api/services/{service_id}/codings",
        "/api/uploads",
        "/api/jobs/{job_id}",
        "/api/compare",
        "/api/archetypes",
        "/api/review-queue",
        "/api/municipalities/{name}",
    ):
        assert path in paths, path
