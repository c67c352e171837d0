"""Numbered and bulleted service lists under a services chapter's domain headings."""

from __future__ import annotations

from scatlas.extract import extract_plan
from scatlas.extract.lists import marker_of

from .conftest import document


def test_numbered_items_under_domain_headings(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "제5장 스마트도시서비스 계획",
                "가. 교통 분야",
                "1) 스마트 버스정류장",
                "- 버스 도착 정보 제공",
                "- 냉난방 쉼터",
                "2) 수요응답형 버스",
                "- 호출형 버스 운행",
                "나. 방재·방범 분야",
                "1) 지능형 CCTV",
                "- 이상행동 자동 감지",
            ],
        )
    )
    assert [s.name for s in plan.services] == ["스마트 버스정류장", "수요응답형 버스", "지능형 CCTV"]
    assert plan.services[0].description == "버스 도착 정보 제공 냉난방 쉼터"
    assert [s.declared_domain for s in plan.services] == ["교통", "교통", "방범·방재"]
    assert plan.services[2].declared_label == "방재·방범 분야"
    assert all(s.page == 2 for s in plan.services)


def test_circled_parenthesised_and_converted_bullets(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "Ⅲ. 스마트도시서비스 발굴",
                "1. 스마트 안전",
                "① 안심 귀갓길 : 비상벨과 안심 조명",
                "② 드론 순찰 : 취약 지역 순찰",
            ],
            ["2. 환경·에너지", "(1) 미세먼지 알리미", "ㅇ 대기질 측정 정보를 전광판에 표출"],
            ["3. 문화·관광", "Ÿ 스마트 관광 안내", "Ÿ 디지털 문화 해설"],
        )
    )
    names = [s.name for s in plan.services]
    assert names == ["안심 귀갓길", "드론 순찰", "미세먼지 알리미", "스마트 관광 안내", "디지털 문화 해설"]
    assert plan.services[0].description == "비상벨과 안심 조명"
    assert plan.services[0].declared_label == "스마트 안전" and plan.services[0].declared_domain is None
    assert plan.services[2].description == "대기질 측정 정보를 전광판에 표출"
    assert plan.services[2].declared_domain == "환경·에너지·수자원"
    assert [s.page for s in plan.services] == [2, 2, 3, 4, 4]


def test_strategy_lists_and_prose_mentions_are_not_services(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "제3장 비전 및 추진전략",
                "1. 추진 전략",
                "1) 시민이 안전한 도시",
                "2) 편리한 교통 도시",
                "시는 스마트 버스정류장과 지능형 CCTV를 구축하여 시민 편의를 높일 계획이다.",
            ],
        )
    )
    assert plan.services == []
    assert any("no service list found" in w for w in plan.warnings)


def test_items_that_read_as_sentences_are_not_services(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "제4장 스마트도시서비스 구축계획",
                "가. 교통 분야",
                "- 교통 혼잡 구간이 늘어나 시민 불편이 커지고 있음",
                "- 대중교통 이용률이 낮아 개선이 필요함",
            ],
        )
    )
    assert plan.services == []


def test_marker_kinds():
    assert marker_of("1) 스마트 쉼터") == ("n)", "스마트 쉼터")
    assert marker_of("① 스마트 쉼터") == ("circled", "스마트 쉼터")
    assert marker_of("Ÿ 스마트 쉼터") == ("bulletŸ", "스마트 쉼터")
    assert marker_of("스마트 쉼터") is None


def test_criteria_under_a_services_heading_are_not_services(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "제4장 스마트도시서비스 구축계획",
                "1. 서비스 선정 기준",
                "- 시민 체감도가 높은 서비스",
                "- 지역 문제 해결형 서비스",
            ],
        )
    )
    assert plan.services == []


def test_services_heading_inside_an_analysis_chapter_stays_analysis(cover):
    plan = extract_plan(
        document(
            cover,
            ["제2장 현황 분석", "3. 스마트도시서비스 수요", "가. 교통 분야", "1) 스마트 주차 안내", "2) 공유 자전거"],
        )
    )
    assert plan.services == []


def test_plan_specific_labels_are_reported_once(cover):
    plan = extract_plan(document(cover, ["Ⅲ. 스마트도시서비스 발굴", "1. 스마트 안전", "① 안심 귀갓길", "② 드론 순찰"]))
    assert [s.declared_label for s in plan.services] == ["스마트 안전", "스마트 안전"]
    assert [w for w in plan.warnings if "plan-specific" in w] == [
        "plan-specific domain labels kept in declared_label only (not one of the 12 domains): '스마트 안전' ×2"
    ]


def test_aims_listed_under_domain_headings_are_not_services(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "제4장 스마트도시서비스 구축계획",
                "가. 교통 분야",
                "- 대중교통 편의 증진",
                "- 교통사고 위험 최소화",
                "나. 환경 분야",
                "1) 미세먼지 알리미",
                "- 대기질 정보 제공",
            ],
        )
    )
    assert [s.name for s in plan.services] == ["미세먼지 알리미"]
