"""The server-rendered pages: every page renders, login and CSRF guard every form, review stores human codings."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from scatlas.catalogue import Catalogue
from scatlas.records import CodingRecord
from scatlas.web.session import COOKIE

from .conftest import TOKEN, csrf_of, login

HTML = {"Accept": "text/html"}


@pytest.mark.parametrize(
    "url, text",
    [
        ("/", "분야별 분포"),
        ("/services", "서비스명"),
        ("/services?q=버스정류장", "스마트 버스정류장 구축"),
        ("/services/1", "코딩 이력"),
        ("/municipalities", "고양시"),
        ("/municipalities/고양시", "드론 순찰"),
        ("/compare?m=춘천시&m=고양시", "방범·방재"),
        ("/archetypes", "스마트 버스정류장"),
        ("/login", "접근 토큰"),
    ],
)
def test_every_page_renders_in_korean(client: TestClient, url: str, text: str) -> None:
    response = client.get(url, headers=HTML)
    assert response.status_code == 200, response.text[:500]
    assert text in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_lang_parameter_switches_to_english_and_a_cookie_keeps_it(client: TestClient) -> None:
    english = client.get("/?lang=en", headers=HTML)
    assert "Services by domain" in english.text and english.cookies.get("scatlas_lang") == "en"
    remembered = client.get("/services", headers=HTML).text  # the cookie remembers
    assert '<html lang="en">' in remembered and "Previous" not in remembered and ">Search<" in remembered
    assert "분야별 분포" in client.get("/?lang=ko", headers=HTML).text


def test_unknown_pages_show_an_html_error_with_the_reason(client: TestClient) -> None:
    response = client.get("/services/424242", headers=HTML)
    assert response.status_code == 404 and "no service with id 424242" in response.text
    assert "<html" in response.text
    bad = client.get("/services?sort=weight", headers=HTML)
    assert bad.status_code == 422 and "sort" in bad.text


def test_review_and_upload_pages_send_anonymous_visitors_to_login(client: TestClient) -> None:
    for url in ("/review", "/upload"):
        response = client.get(url, headers=HTML, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")


def test_login_needs_the_csrf_token_and_the_right_access_token(writer_client: TestClient) -> None:
    csrf = csrf_of(writer_client.get("/login").text)
    form = {"name": "kim", "token": TOKEN, "next": "/review"}
    assert writer_client.post("/login", data=form).status_code == 403  # no CSRF token
    assert writer_client.post("/login", data={**form, "csrf_token": "forged"}).status_code == 403
    wrong = writer_client.post("/login", data={**form, "csrf_token": csrf, "token": "guess"})
    assert wrong.status_code == 403 and "토큰이 맞지 않습니다" in wrong.text
    bad_name = writer_client.post("/login", data={**form, "csrf_token": csrf, "name": "<kim>"})
    assert bad_name.status_code == 400
    ok = writer_client.post(
        "/login", data={**form, "csrf_token": csrf, "next": "//evil.example"}, follow_redirects=False
    )
    assert ok.status_code == 303 and ok.headers["location"] == "/review"  # no open redirect
    assert "검토자: kim" in writer_client.get("/review").text


def test_a_decomposed_hangul_login_name_is_stored_composed(
    writer_client: TestClient, fresh_catalogue: tuple[Path, dict[str, int]]
) -> None:
    import unicodedata

    login(writer_client, unicodedata.normalize("NFD", "김연구"))
    csrf = csrf_of(writer_client.get("/review").text)
    sid = fresh_catalogue[1]["고양시/드론 순찰"]
    saved = writer_client.post(
        f"/review/{sid}", data={"action": "accept", "csrf_token": csrf}, headers={"Accept": "application/json"}
    ).json()
    assert saved["service"]["coder"] == "human:김연구"


def test_a_tampered_session_cookie_is_not_trusted(writer_client: TestClient) -> None:
    login(writer_client)
    value = writer_client.cookies.get(COOKIE)
    payload, mac = value.split(".")
    writer_client.cookies.set(COOKIE, payload + "x." + mac)
    response = writer_client.get("/review", follow_redirects=False)
    assert response.status_code == 303  # back to login


def test_review_form_posts_store_human_codings_and_need_csrf(
    writer_client: TestClient, fresh_catalogue: tuple[Path, dict[str, int]]
) -> None:
    sid = fresh_catalogue[1]["목포시/침수 감지 경보"]
    with Catalogue.open(fresh_catalogue[0]) as cat:  # a coder's coding carries its two best candidates
        cat.add_coding(
            sid,
            CodingRecord(
                domain_id="safety",
                function="정보제공",
                confidence=0.55,
                rationale="침수(+1.0)",
                coder="auto:fixture",
                top2=[("safety", 0.55), ("environment", 0.3)],
            ),
        )
    csrf = login(writer_client, "park")
    page = writer_client.get("/review")
    assert "침수 감지 경보" in page.text and csrf_of(page.text) == csrf
    assert 'class="rv-top2">방범·방재 0.55 · 환경·에너지·수자원 0.30<' in page.text  # review shows the top two
    assert writer_client.post(f"/review/{sid}", data={"action": "accept"}).status_code == 403
    assert writer_client.post(f"/review/{sid}", data={"action": "accept", "csrf_token": "x"}).status_code == 403
    accepted = writer_client.post(
        f"/review/{sid}", data={"action": "accept", "csrf_token": csrf}, headers={"Accept": "application/json"}
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["service"]["coder"] == "human:park"
    assert accepted.json()["service"]["domain_id"] == "safety"  # accepting keeps the effective (declared) domain
    changed = writer_client.post(
        f"/review/{sid}",
        data={"action": "set", "domain_id": "environment", "function": "정보제공", "csrf_token": csrf},
        follow_redirects=False,
    )
    assert changed.status_code == 303
    history = writer_client.get(f"/api/services/{sid}/history").json()
    assert [(h["coder"], h["domain_id"]) for h in history[:2]] == [
        ("human:park", "environment"),
        ("human:park", "safety"),
    ]
    assert "검토에서 수정" in history[0]["rationale"]  # the review note is in Korean by default
    bad = writer_client.post(f"/review/{sid}", data={"action": "set", "domain_id": "moon", "csrf_token": csrf})
    assert bad.status_code == 422
    assert writer_client.post("/review/99999", data={"action": "accept", "csrf_token": csrf}).status_code == 404


def test_review_post_without_login_is_refused(writer_client: TestClient) -> None:
    csrf = csrf_of(writer_client.get("/login").text)
    response = writer_client.post(
        "/review/1", data={"action": "accept", "csrf_token": csrf}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 401
    assert writer_client.get("/api/services/1/history").json()[0]["coder"] == "auto:fixture"


def test_upload_page_posts_need_csrf_and_show_the_job(writer_client: TestClient) -> None:
    csrf = login(writer_client)
    inventory = "지자체,서비스명,분야\n속초시,스마트 어항 관리,물류\n".encode()
    files = {"file": ("속초.csv", inventory, "text/csv")}
    assert writer_client.post("/upload", files=files, data={"csrf_token": "bad"}).status_code == 403
    response = writer_client.post("/upload", files=files, data={"csrf_token": csrf}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/upload/")
    job_url = response.headers["location"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and writer_client.get("/api/jobs").json()[0]["status"] not in ("done", "failed"):
        time.sleep(0.1)
    page = writer_client.get(job_url)
    assert "스마트 어항 관리" in page.text and "완료" in page.text
    assert "속초.csv" in writer_client.get("/upload").text


def test_logout_needs_csrf_and_ends_the_login(writer_client: TestClient) -> None:
    csrf = login(writer_client)
    assert writer_client.post("/logout", data={}).status_code == 403
    writer_client.post("/logout", data={"csrf_token": csrf})
    assert writer_client.get("/review", follow_redirects=False).status_code == 303


def test_korean_font_is_served_from_the_installed_package(client: TestClient) -> None:
    for name in ("ScatlasGothic-Regular.woff2", "ScatlasGothic-Bold.woff2"):
        response = client.get(f"/fonts/{name}")
        assert response.status_code == 200 and response.content[:4] == b"wOF2"
        assert response.headers["content-type"] == "font/woff2"
    assert client.get("/fonts/..%2Fcodebook.json").status_code == 404
    assert client.get("/fonts/NanumGothic.ttf").status_code == 404


def test_every_sort_key_has_words_in_both_languages() -> None:
    from scatlas.web.messages import MESSAGES
    from scatlas.web.search import SORTS

    for key in SORTS:
        assert set(MESSAGES[f"sort_{key}"]) == {"ko", "en"}, key
    assert all(set(entry) == {"ko", "en"} for entry in MESSAGES.values())


def test_service_page_says_it_was_read_by_ocr_or_from_prose(fresh_catalogue: tuple[Path, dict[str, int]]) -> None:
    from scatlas.catalogue import Catalogue

    db, ids = fresh_catalogue
    ocr_id, prose_id = list(ids.values())[:2]
    with Catalogue.open(db) as cat:
        cat.conn.execute("UPDATE service SET ocr_confidence = 0.874 WHERE id = ?", (ocr_id,))
        cat.conn.execute("UPDATE service SET from_prose = 1 WHERE id = ?", (prose_id,))
    from .conftest import make_client

    with make_client(db) as client:
        ocr_page = client.get(f"/services/{ocr_id}", headers=HTML).text
        prose_page = client.get(f"/services/{prose_id}", headers=HTML).text
        api = client.get(f"/api/services/{ocr_id}", headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert "스캔 이미지를 OCR로 읽음" in ocr_page and "0.87" in ocr_page
    assert "본문 문장에서 찾음" in prose_page and "OCR" not in prose_page.split('id="service-origin"')[1][:80]
    assert api.get("origin") == {"from_prose": False, "ocr_confidence": 0.874}
