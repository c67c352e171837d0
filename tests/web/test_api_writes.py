"""Writes through the API: human codings and uploads need the bearer token; refusals are specific."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from .conftest import TOKEN, make_client

AUTH = {"Authorization": f"Bearer {TOKEN}"}
INVENTORY = (
    "지자체,계획기간,서비스명,서비스내용,분야\n"
    "강릉시,2024~2028,스마트 횡단보도,보행자 감지와 바닥 신호등,교통\n"
    "강릉시,2024~2028,해변 안전 CCTV,해수욕장 익수 사고 감시,방범·방재\n"
).encode()


def wait_for(client: TestClient, job_id: str, seconds: float = 60.0) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {seconds} s")


def test_coding_without_token_is_401_and_with_a_wrong_token_403(writer_client: TestClient) -> None:
    body = {"coder": "kim", "domain_id": "safety"}
    missing = writer_client.post("/api/services/1/codings", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    wrong = writer_client.post("/api/services/1/codings", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    basic = writer_client.post("/api/services/1/codings", json=body, headers={"Authorization": f"Basic {TOKEN}"})
    assert basic.status_code == 401
    assert writer_client.get("/api/services/1/history").json()[0]["coder"] == "auto:fixture"  # nothing stored


def test_human_coding_becomes_effective_and_is_kept_in_history(
    writer_client: TestClient, fresh_catalogue: tuple[Path, dict[str, int]]
) -> None:
    sid = fresh_catalogue[1]["고양시/드론 순찰"]
    created = writer_client.post(
        f"/api/services/{sid}/codings",
        headers=AUTH,
        json={"coder": "김연구", "domain_id": "culture", "function": "정보제공"},
    )
    assert created.status_code == 201, created.text
    service = created.json()["service"]
    assert (service["domain_id"], service["function"], service["coder"]) == ("culture", "정보제공", "human:김연구")
    history = writer_client.get(f"/api/services/{sid}/history").json()
    assert [h["coder"] for h in history] == ["human:김연구", "auto:fixture"]
    assert history[0]["created_at"] and history[0]["target_groups"] == "일반"  # carried over
    assert all(s["service_id"] != sid for s in writer_client.get("/api/review-queue?limit=100").json())


@pytest.mark.parametrize(
    "body, status",
    [
        ({"coder": "kim", "domain_id": "space"}, 422),
        ({"coder": "kim", "function": "감시"}, 422),
        ({"coder": "kim", "target_groups": ["외계인"]}, 422),
        ({"coder": "bad name!", "domain_id": "admin"}, 422),
        ({"domain_id": "admin"}, 422),
    ],
)
def test_invalid_codings_are_refused(writer_client: TestClient, body: dict, status: int) -> None:
    response = writer_client.post("/api/services/1/codings", json=body, headers=AUTH)
    assert response.status_code == status, response.text


def test_coding_an_unknown_service_is_404(writer_client: TestClient) -> None:
    assert writer_client.post("/api/services/99999/codings", json={"coder": "kim"}, headers=AUTH).status_code == 404


def test_upload_needs_the_token(writer_client: TestClient) -> None:
    files = {"file": ("inventory.csv", INVENTORY, "text/csv")}
    assert writer_client.post("/api/uploads", files=files).status_code == 401
    assert writer_client.post("/api/uploads", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 403


def test_uploaded_inventory_is_ingested_in_the_background_and_its_services_listed(writer_client: TestClient) -> None:
    response = writer_client.post(
        "/api/uploads", files={"file": ("강릉 inventory.csv", INVENTORY, "text/csv")}, headers=AUTH
    )
    assert response.status_code == 202, response.text
    job = wait_for(writer_client, response.json()["job"]["id"])
    assert job["status"] == "done", job
    assert job["result"]["status"] == "added" and job["result"]["services"] == 2
    assert [s["name"] for s in job["services"]] == ["스마트 횡단보도", "해변 안전 CCTV"]
    assert job["services"][1]["domain"] == "방범·방재"
    assert writer_client.get("/api/services", params={"q": "횡단보도"}).json()["total"] == 1
    again = writer_client.post("/api/uploads", files={"file": ("copy.csv", INVENTORY, "text/csv")}, headers=AUTH)
    assert wait_for(writer_client, again.json()["job"]["id"])["result"]["status"] == "unchanged"
    assert any(j["id"] == job["id"] for j in writer_client.get("/api/jobs").json())


def test_a_document_that_yields_no_services_ends_as_a_failed_job_with_its_reason(writer_client: TestClient) -> None:
    response = writer_client.post(
        "/api/uploads", files={"file": ("empty.csv", b"a,b\n1,2\n", "text/csv")}, headers=AUTH
    )
    job = wait_for(writer_client, response.json()["job"]["id"])
    assert job["status"] == "failed" and job["error"]["code"] in {"bad_table", "no_services"}


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("readme.txt", "not a document")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content, status",
    [
        ("plan.exe", b"MZ\x90\x00binary", 415),  # suffix not accepted
        ("plan.pdf", b"just some text pretending", 415),  # text named .pdf: magic bytes disagree
        ("plan.pdf", _zip_bytes(), 415),  # a zip renamed .pdf
        ("plan.docx", b"%PDF-1.7\n%binary", 415),  # a PDF named .docx
        ("plan.csv", b"", 422),  # empty
    ],
)
def test_wrong_type_uploads_are_refused_by_content_not_only_by_name(
    writer_client: TestClient, name: str, content: bytes, status: int
) -> None:
    response = writer_client.post(
        "/api/uploads", files={"file": (name, content, "application/octet-stream")}, headers=AUTH
    )
    assert response.status_code == status, response.text
    assert name in response.json()["detail"]
    assert writer_client.get("/api/jobs").json() == []


def test_oversized_upload_is_413_whether_or_not_a_length_is_declared(
    fresh_catalogue: tuple[Path, dict[str, int]],
) -> None:
    with make_client(fresh_catalogue[0], max_upload_bytes=100_000) as small:
        big = b"a,b\n" + b"1,2\n" * 100_000  # 400 kB, over the 100 kB limit (and its multipart slack)
        declared = small.post("/api/uploads", files={"file": ("big.csv", big, "text/csv")}, headers=AUTH)
        assert declared.status_code == 413 and "한도" in declared.json()["detail"]

        def chunks():  # no Content-Length: the limit is enforced while reading
            boundary = b"--xyz\r\n"
            yield boundary + b'Content-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n'
            for _ in range(50):
                yield b"1,2\n" * 5_000
            yield b"\r\n--xyz--\r\n"

        streamed = small.post(
            "/api/uploads", content=chunks(), headers={**AUTH, "Content-Type": "multipart/form-data; boundary=xyz"}
        )
        assert streamed.status_code == 413
        # under the limit in bytes but over it once stored is impossible; a small file still goes through
        ok = small.post("/api/uploads", files={"file": ("ok.csv", INVENTORY, "text/csv")}, headers=AUTH)
        assert ok.status_code == 202


def test_uploaded_docx_plan_is_read_extracted_and_its_services_listed(
    writer_client: TestClient, tmp_path: Path
) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading("속초시 스마트도시계획(2025~2029)", 0)
    doc.add_paragraph("〈표 5-1〉 스마트도시 서비스 목록")
    table = doc.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("분야", "서비스명", "서비스 내용"), strict=True):
        cell.text = text
    for row in (
        ("교통", "스마트 버스정류장", "버스 도착 정보와 냉난방 쉼터 제공"),
        ("방범·방재", "해안 침수 감지 경보", "해안 저지대 수위 센서로 침수를 경보"),
    ):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    path = tmp_path / "속초시 계획.docx"
    doc.save(path)
    response = writer_client.post(
        "/api/uploads",
        headers=AUTH,
        files={
            "file": (
                path.name,
                path.read_bytes(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            )
        },
    )
    assert response.status_code == 202, response.text
    job = wait_for(writer_client, response.json()["job"]["id"])
    assert job["status"] == "done", job
    assert [(s["municipality"], s["name"], s["domain"]) for s in job["services"]] == [
        ("속초시", "스마트 버스정류장", "교통"),
        ("속초시", "해안 침수 감지 경보", "방범·방재"),
    ]
    detail = writer_client.get(f"/api/services/{job['services'][0]['service_id']}").json()["service"]
    assert detail["source_file"] == "속초시 계획.docx" and detail["plan_title"] == "속초시 스마트도시계획(2025~2029)"


def test_overview_follows_a_coding_change_also_when_refreshed_in_the_background(
    writer_client: TestClient, fresh_catalogue: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from scatlas.web import insights

    def culture() -> int:
        domains = writer_client.get("/api/overview").json()["domains"]
        return next(d["count"] for d in domains if d["domain_id"] == "culture")

    assert culture() == 2
    monkeypatch.setattr(insights, "STALE_OK_ROWS", 1)  # treat the small catalogue as a big one
    sid = fresh_catalogue[1]["고양시/드론 순찰"]
    writer_client.post(f"/api/services/{sid}/codings", json={"coder": "kim", "domain_id": "culture"}, headers=AUTH)
    deadline = time.monotonic() + 20
    while culture() != 3:
        assert time.monotonic() < deadline, "the overview never caught up with the new coding"
        time.sleep(0.05)
