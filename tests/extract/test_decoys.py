"""What is not this plan's service list: contents, other cities' examples, already-built services, roadmaps."""

from __future__ import annotations

from scatlas.extract import extract_plan

from .conftest import document, table

HEADER = ["분야", "서비스명", "서비스 개요"]


def test_table_of_contents_lines_are_not_services(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "목 차",
                "제4장 스마트도시서비스 구축계획 ··········· 45",
                "가. 교통 분야 ··········· 46",
                "1) 스마트 버스정류장 ··········· 47",
                "2) 스마트 횡단보도 …… 49",
                "Ⅴ. 재원조달 ······ 80",
            ],
            ["제4장 스마트도시서비스 구축계획", "가. 교통 분야", "1) 스마트 주차 안내", "- 빈 주차면 안내"],
        )
    )
    assert [s.name for s in plan.services] == ["스마트 주차 안내"]
    assert plan.services[0].page == 3


def test_case_study_mentions_and_cited_tables_are_not_services(cover):
    case_table = table([HEADER, ["교통", "따릉이", "공공자전거 대여"]])
    own = table([HEADER, ["교통", "공유 킥보드 주차장", "개인형 이동장치 주차 구역"]])
    plan = extract_plan(
        document(
            cover,
            [
                "2. 스마트도시서비스 도입 방향",
                case_table,
                "* 자료: 서울특별시 스마트도시 백서(2021)",
                "시민 의견을 반영한 서비스를 도입한다.",
            ],
            ["3. 서비스 목록", own],
        )
    )
    assert [s.name for s in plan.services] == ["공유 킥보드 주차장"]


def test_existing_services_table_only_keeps_continued_rows(cover):
    existing = table(
        [
            ["구분", "서비스명", "향후 계획"],
            ["교통", "버스정보시스템", "현행 운영"],
            ["", "불법주정차 단속", "AI 기반 고도화"],
        ],
        merges={(1, 0): 2},
    )
    plan = extract_plan(document(cover, ["제2장 기 구축 서비스 현황", existing]))
    assert [s.name for s in plan.services] == ["불법주정차 단속"]
    assert plan.services[0].extra["continued"] is True
    assert plan.services[0].declared_domain == "교통"


def test_roadmap_with_short_names_adds_nothing_to_the_service_table(cover):
    services = table(
        [
            HEADER,
            ["교통", "스마트 버스정류장 구축", "버스 도착 정보"],
            ["교통", "스마트 횡단보도", "보행자 감지"],
            ["환경", "미세먼지 알리미", "대기질 정보"],
        ]
    )
    roadmap = table(
        [["서비스명", "2024", "2025", "2026"], ["스마트 버스정류장", "●", "", ""], ["미세먼지 알리미", "", "●", "●"]]
    )
    plan = extract_plan(document(cover, ["스마트도시서비스 목록", services], ["추진 로드맵", roadmap]))
    assert [s.name for s in plan.services] == ["스마트 버스정류장 구축", "스마트 횡단보도", "미세먼지 알리미"]
    assert [s.position for s in plan.services] == [0, 1, 2]


def test_chapter_number_on_its_own_line_takes_the_title_below(cover):
    case = table([HEADER, ["교통", "따릉이", "공공자전거 대여"]])
    own = table([HEADER, ["교통", "공유 킥보드 주차장", "개인형 이동장치 주차 구역"]])
    plan = extract_plan(document(cover, ["제3장", "국내외 사례", case], ["Ⅳ", "스마트도시서비스 구축계획", own]))
    assert [s.name for s in plan.services] == ["공유 킥보드 주차장"]
