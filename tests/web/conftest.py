"""Shared fixtures of the web tests: a real catalogue file built through the catalogue's own API, and clients."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from scatlas.catalogue import Catalogue
from scatlas.records import CodingRecord, PlanRecord, ServiceRecord, SourceRecord
from scatlas.web import WebSettings, create_app

TOKEN = "test-token-0123456789"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
XSS_MUNICIPALITY = "<b>악성</b>군"

# (municipality, period, [(name, description, declared domain or None, auto domain, auto function, confidence)])
PLANS = [
    (
        "춘천시",
        (2023, 2027),
        [
            (
                "스마트 버스정류장",
                "버스 도착 정보와 냉난방 쉼터를 제공하는 정류장",
                "교통",
                "transport",
                "정보제공",
                0.95,
            ),
            ("주차 공유 서비스", "공영 주차장 빈자리 안내", None, "transport", "정보제공", 0.55),
            ("AI 독거노인 돌봄", "노인 가구 생활 감지 센서와 AI 안부 확인", None, "welfare", "문제해결", 0.91),
            (XSS_SCRIPT, "스크립트 주입 시험용 서비스", None, "admin", "기반구축", 0.30),
        ],
    ),
    (
        "목포시",
        (2024, 2028),
        [
            ("스마트 버스정류장 구축", "실시간 버스 도착 안내 정류장", None, "transport", "정보제공", 0.88),
            ("침수 감지 경보", "하천 수위 IoT 센서로 침수 위험을 경보", "방범·방재", "environment", "문제해결", 0.62),
            (XSS_IMG, "이미지 태그 주입 시험용 서비스", None, "culture", "정보제공", 0.40),
        ],
    ),
    (
        "고양시",
        (2023, 2027),
        [
            ("스마트 버스정류장", "버스 정보 안내와 공공 와이파이", None, "transport", "정보제공", 0.93),
            ("드론 순찰", "공원과 하천의 드론 순찰로 안전 관리", None, "safety", "문제해결", 0.81),
            ("관광 안내 키오스크", "관광객에게 다국어 관광 정보를 제공", None, "culture", "정보제공", 0.77),
        ],
    ),
    (
        XSS_MUNICIPALITY,
        (2025, 2029),
        [
            ("스마트 버스정류장", "버스 정보 안내", None, "transport", "정보제공", 0.90),
        ],
    ),
]


def build_catalogue(path: Path) -> dict[str, int]:
    """Write PLANS into a new catalogue file; returns 'municipality/name' → service id."""
    ids: dict[str, int] = {}
    with Catalogue.open(path) as cat:
        for n, (municipality, period, services) in enumerate(PLANS):
            plan = PlanRecord(
                municipality=municipality,
                title=f"{municipality} 스마트도시계획",
                period=period,
                services=[
                    ServiceRecord(
                        name=name,
                        description=desc,
                        declared_domain=declared,
                        declared_label=declared,
                        page=10 + i,
                        position=i,
                        extra={"적용 기술": "IoT"} if i == 0 else {},
                    )
                    for i, (name, desc, declared, *_rest) in enumerate(services)
                ],
            )
            source = SourceRecord(
                path=f"/plans/{n}.pdf",
                file_name=f"plan-{n}.pdf",
                sha256=f"{n:064x}",
                format="pdf",
                pages=100,
                size=1000,
            )
            result = cat.import_source(source, [plan])
            plan_id = result.plan_ids[0]
            rows = cat.services("plan_id = ?", (plan_id,), order_by="position")
            for row, (name, _d, _decl, domain_id, function, conf) in zip(rows, services, strict=True):
                ids[f"{municipality}/{name}"] = row["service_id"]
                cat.add_coding(
                    row["service_id"],
                    CodingRecord(
                        domain_id=domain_id,
                        function=function,
                        target_groups=["일반"],
                        technologies=["IoT"] if "IoT" in _d or "센서" in _d else [],
                        confidence=conf,
                        rationale=f"{name[:4]}(+1.0)",
                        coder="auto:fixture",
                    ),
                )
    return ids


@pytest.fixture(scope="session")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A read-mostly catalogue shared by tests that do not write."""
    path = tmp_path_factory.mktemp("web") / "scatlas.db"
    return path, build_catalogue(path)


@pytest.fixture()
def fresh_catalogue(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """A catalogue of its own for a test that writes."""
    path = tmp_path / "scatlas.db"
    return path, build_catalogue(path)


def make_client(db: Path, **settings: object) -> TestClient:
    options: dict[str, object] = {"token": TOKEN, "secret": b"s" * 32, "coder_factory": None}
    options.update(settings)
    return TestClient(create_app(WebSettings(db=db, **options)))  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def client(catalogue: tuple[Path, dict[str, int]]) -> Iterator[TestClient]:
    with make_client(catalogue[0]) as c:
        yield c


@pytest.fixture()
def writer_client(fresh_catalogue: tuple[Path, dict[str, int]]) -> Iterator[TestClient]:
    with make_client(fresh_catalogue[0]) as c:
        yield c


def csrf_of(html: str) -> str:
    """The CSRF token a page's forms carry."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no CSRF field"
    return match.group(1)


def login(client: TestClient, name: str = "kim") -> str:
    """Log the client in through the form; returns the logged-in session's CSRF token (rotated at login)."""
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login", data={"csrf_token": token, "name": name, "token": TOKEN, "next": "/review"}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    rotated = csrf_of(client.get("/").text)
    assert rotated != token, "the CSRF token must change at login"
    return rotated
