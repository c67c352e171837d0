"""Through a real reader: a Markdown plan whose headings carry styles (heading1 … heading3)."""

from __future__ import annotations

from pathlib import Path

from scatlas.extract import extract_plan
from scatlas.ingest import read_document

PLAN = """# 제2차 화성시 스마트도시 기본계획

계획기간 : 2025년 ~ 2029년

# 제3장 국내외 사례

## 1. 국내 사례

### 스마트 쉼터

○ 서비스 개요 : 서울특별시의 냉난방 쉼터

# 제5장 스마트도시서비스 구축계획

## 가. 교통 분야

### 5-1. 스마트 버스정류장

○ 서비스 개요 : 버스 도착 정보 제공

○ 주요 기능

1) 도착 안내

2) 냉난방

### 5-2. 수요응답형 버스

○ 서비스 개요 : 호출형 마을 버스

## 나. 환경 분야

### 5-3. 미세먼지 알리미

○ 서비스 개요 : 대기질 정보 전광판
"""


def test_markdown_plan_with_styled_headings(tmp_path: Path):
    path = tmp_path / "hwaseong.md"
    path.write_text(PLAN, encoding="utf-8")
    plan = extract_plan(read_document(path))
    assert [(s.name, s.declared_domain) for s in plan.services] == [
        ("스마트 버스정류장", "교통"),
        ("수요응답형 버스", "교통"),
        ("미세먼지 알리미", "환경·에너지·수자원"),
    ]
    assert plan.services[0].extra["주요 기능"] == "도착 안내 냉난방"
    assert (plan.municipality, plan.municipality_code) == ("화성시", "4159000000")
    assert plan.title == "제2차 화성시 스마트도시 기본계획" and plan.period == (2025, 2029)
