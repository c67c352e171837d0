"""Correcting the list in the web (logged in): edit, merge, split, move, delete, undo, full coding, the review
queue's filters and paging, several plans per city, and the source page rendered with the service marked."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from scatlas.catalogue import Catalogue

from .conftest import login, make_client


def write_plan_pdf(path: Path) -> Path:
    """A two-page plan: a cover, then a service table with pages the extractor reads."""
    from tests.ingest.builders import build_pdf, grid_table, text

    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [
        ["분야", "서비스명", "서비스 내용"],
        ["교통", "스마트 버스정류장", "버스 도착 정보와 냉난방"],
        ["안전", "지능형 CCTV", "영상 분석으로 위급 상황 감지"],
        ["환경", "미세먼지 알리미", "읍면동별 측정"],
    ]
    return build_pdf(
        path, [text(100, 700, "목포시 스마트도시계획(2023~2027)", 20), grid_table(60, 760, [80, 160, 260], rows)]
    )


@pytest.fixture()
def logged(writer_client: TestClient, fresh_catalogue) -> tuple[TestClient, str, dict[str, int], Path]:
    token = login(writer_client)
    return writer_client, token, fresh_catalogue[1], fresh_catalogue[0]


def _post(client: TestClient, url: str, token: str, **data: object):
    return client.post(url, data={"csrf_token": token, **data}, follow_redirects=False)


def test_editing_needs_a_login_and_a_csrf_token(writer_client: TestClient, fresh_catalogue) -> None:
    sid = next(iter(fresh_catalogue[1].values()))
    anonymous = writer_client.post(f"/services/{sid}/edit", data={"action": "delete"}, follow_redirects=False)
    assert anonymous.status_code == 403  # no CSRF token
    login(writer_client)
    assert _post(writer_client, f"/services/{sid}/edit", "wrong", action="delete").status_code == 403


def test_rename_merge_undo_through_the_forms(logged) -> None:
    client, token, ids, db = logged
    keep, other = ids["춘천시/스마트 버스정류장"], ids["춘천시/주차 공유 서비스"]
    page = client.get(f"/services/{keep}").text
    assert 'id="edit-panel"' in page and 'id="merge-form"' in page
    r = _post(client, f"/services/{keep}/edit", token, action="edit", name="스마트 BIS 정류장", reason="정식 명칭")
    assert r.status_code == 303 and r.headers["location"] == f"/services/{keep}"
    r = _post(client, f"/services/{keep}/edit", token, action="merge", others=str(other), reason="중복")
    assert r.status_code == 303
    assert client.get(f"/services/{other}", follow_redirects=False).headers["location"] == f"/edits?service={other}"
    log = client.get(f"/edits?service={keep}").text
    assert "병합" in log and "human:kim" in log and "중복" in log
    assert _post(client, f"/services/{keep}/edit", token, action="undo").status_code == 303
    assert client.get(f"/services/{other}").status_code == 200
    added = _post(client, f"/services/{keep}/edit", token, action="add", name="스마트 쉼터", page="7", reason="누락")
    new_id = int(added.headers["location"].rsplit("/", 1)[1])
    with Catalogue.open(db) as cat:
        assert cat.service(new_id)["plan_id"] == cat.service(keep)["plan_id"] and cat.service(new_id)["page"] == 7
    with Catalogue.open(db) as cat:
        assert cat.service(keep)["name"] == "스마트 BIS 정류장"


def test_bad_edits_are_422_with_the_reason(logged) -> None:
    client, token, ids, _ = logged
    sid = next(iter(ids.values()))
    r = client.post(
        f"/services/{sid}/edit",
        data={"csrf_token": token, "action": "split", "parts": "하나만"},
        headers={"Accept": "application/json"},
    )
    assert r.status_code == 422 and "둘 이상" in r.json()["detail"]
    r = client.post(
        f"/services/{sid}/edit",
        data={"csrf_token": token, "action": "merge", "others": "abc"},
        headers={"Accept": "application/json"},
    )
    assert r.status_code == 422


def test_full_coding_form_drops_a_subtype_of_another_domain(logged) -> None:
    client, token, ids, _db = logged
    sid = ids["춘천시/스마트 버스정류장"]
    r = client.post(
        f"/services/{sid}/coding",
        data={"csrf_token": token, "domain_id": "safety", "subtype": "traffic_info", "function": "문제해결"},
        headers={"Accept": "application/json"},
    )
    assert r.status_code == 422 and "다시 고르세요" in r.json()["detail"]
    r = client.post(
        f"/services/{sid}/coding",
        data={
            "csrf_token": token,
            "domain_id": "safety",
            "function": "문제해결",
            "target_groups_sent": "1",
            "target_groups": ["노인", "아동"],
            "technologies": "CCTV; AI",
        },
        headers={"Accept": "application/json"},
    )
    assert r.status_code == 200, r.text
    s = r.json()["service"]
    assert (s["domain_id"], s["subtype"], s["target_groups"], s["technologies"]) == (
        "safety",
        None,
        "노인;아동",
        "CCTV;AI",
    )


def test_review_queue_filters_pages_and_undo(logged) -> None:
    client, token, ids, _ = logged
    page = client.get("/review?municipality=고양시").text
    assert 'id="review-filters"' in page
    assert all(f'id="rv-{v}"' in page for k, v in ids.items() if k.startswith("고양시/"))
    assert not any(f'id="rv-{v}"' in page for k, v in ids.items() if not k.startswith("고양시/"))
    assert client.get("/review?max_confidence=7").status_code == 422
    sid = ids["춘천시/스마트 버스정류장"]
    saved = client.post(
        f"/review/{sid}", data={"csrf_token": token, "action": "accept"}, headers={"Accept": "application/json"}
    )
    assert saved.json()["service"]["human_coder"] == "human:kim"
    undone = client.post(f"/review/{sid}/undo", data={"csrf_token": token}, headers={"Accept": "application/json"})
    assert undone.status_code == 200 and undone.json()["service"]["human_coder"] is None


def test_two_plans_of_one_city_are_each_visible_with_the_counted_one_marked(tmp_path: Path) -> None:
    from scatlas.records import PlanRecord, ServiceRecord, SourceRecord

    db = tmp_path / "c.db"
    with Catalogue.open(db) as cat:
        for n, period in enumerate([(2019, 2023), (2024, 2028)]):
            plan = PlanRecord(
                "목포시",
                "4611000000",
                f"목포시 스마트도시계획({period[0]}~{period[1]})",
                period,
                [ServiceRecord("스마트 버스정류장"), ServiceRecord(f"서비스 {n}")],
            )
            cat.import_source(SourceRecord(f"/p/{n}.pdf", f"{n}.pdf", f"{n:064x}", "pdf", 1, 1), [plan])
    with make_client(db) as client:
        html = client.get("/municipalities/목포시").text
        assert html.count('data-plan="') == 2 and 'class="counted"' in html and 'class="not-counted"' in html
        assert 'id="plan-duplicates"' in html and "스마트 버스정류장" in html


def test_source_page_is_rendered_from_the_kept_file_with_the_service_marked(tmp_path: Path) -> None:
    from scatlas.pipeline import ingest_file

    pdf = write_plan_pdf(tmp_path / "plans" / "목포시_스마트도시계획.pdf")
    db = tmp_path / "c.db"
    with Catalogue.open(db) as cat:
        result = ingest_file(cat, pdf)
        assert result.status == "added", result.error
        service = next(s for s in cat.services() if s["name"] == "스마트 버스정류장")
    pdf.unlink()  # the original folder moves away: the catalogue still holds the file
    with make_client(db) as client:
        assert "source-link" in client.get(f"/services/{service['service_id']}").text
        image = client.get(f"/services/{service['service_id']}/source.png")
        assert image.status_code == 200 and image.content[:8] == b"\x89PNG\r\n\x1a\n"
        assert int(image.headers["X-Marked-Boxes"]) >= 1


def test_json_api_edits_need_the_token_and_are_logged(writer_client: TestClient, fresh_catalogue) -> None:
    from .conftest import TOKEN

    ids = fresh_catalogue[1]
    sid = ids["고양시/드론 순찰"]
    body = {"editor": "script", "action": "edit", "name": "드론 순찰 서비스", "reason": "일괄 정리"}
    assert writer_client.post(f"/api/services/{sid}/edits", json=body).status_code == 401
    r = writer_client.post(f"/api/services/{sid}/edits", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    log = writer_client.get(f"/api/services/{sid}/edits").json()
    assert log[0]["editor"] == "human:script" and log[0]["after"] == {"name": "드론 순찰 서비스"}
    bad = writer_client.post(
        f"/api/services/{sid}/edits", json={**body, "action": "explode"}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert bad.status_code == 422
    plans = writer_client.get("/api/plans").json()
    assert all("counted" in p and "duplicates" in p for p in plans)
