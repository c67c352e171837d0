"""A whole plan laid out as real ones are: every decoy chapter present, only the plan's own services out."""

from __future__ import annotations

from scatlas.extract import extract_plan

from .conftest import document, table


def _plan():
    cover = ["전라남도", "순천시", "스마트도시 기본계획", "(2024~2028)", "2023. 12.", "○○엔지니어링"]
    contents = [
        "목 차",
        "제1장 계획의 개요 ······ 1",
        "제2장 현황 분석 ······ 5",
        "제3장 국내외 사례 ······ 9",
        "제4장 비전 및 추진전략 ······ 15",
        "제5장 스마트도시서비스 ······ 21",
        "5-1. 스마트 정류장 ······ 22",
        "5-2. 드론 산불 감시 ······ 23",
        "제6장 재원조달 ······ 40",
    ]
    summary = table(
        [
            ["분야", "서비스명", "추진시기"],
            ["교통", "스마트 정류장", "2024~2025"],
            ["", "수요응답형 버스", "2025"],
            ["방재", "드론 산불 감시", "2026"],
            ["스마트 복지", "독거노인 안심 케어", "2027"],
        ],
        merges={(1, 0): 2},
        caption="〈요약표〉 스마트도시서비스 총괄",
    )
    survey = table([["구분", "서비스", "응답(%)"], ["교통", "스마트 주차", "31.2"], ["안전", "CCTV 확대", "22.0"]])
    case = table([["지역", "서비스명", "주요 내용"], ["세종특별자치시", "자율주행 셔틀", "BRT 구간 자율주행"]])
    budget = table(
        [["서비스명", "합계", "국비", "시비"], ["스마트 정류장", "500", "250", "250"]],
        caption="〈표 6-1〉 연차별 투자계획",
    )
    kpi = table([["서비스명", "성과지표", "목표치"], ["드론 산불 감시", "산불 조기 발견율", "90%"]])
    roadmap = table(
        [
            ["서비스", "2024", "2025", "2026", "2027"],
            ["스마트 정류장", "●", "●", "", ""],
            ["안심 케어", "", "", "", "●"],
        ]
    )
    return document(
        cover,
        contents,
        ["요 약", "순천시는 4개 서비스를 단계적으로 구축한다.", summary],
        ["제1장 계획의 개요", "1. 계획의 범위", "○ 시간적 범위 : 2024년 ~ 2028년", "○ 공간적 범위 : 순천시 전역"],
        [
            "제2장 현황 분석",
            "1. 시민 설문",
            survey,
            "2. 기 구축 서비스 현황",
            "- 버스정보시스템 (운영 중)",
            "- 방범 CCTV 관제 (운영 중)",
        ],
        [
            "제3장 국내외 사례",
            "1. 국내 사례",
            case,
            "* 자료: 세종특별자치시(2022)",
            "□ 부산광역시 스마트 쉼터",
            "○ 서비스 개요 : 냉난방 쉼터",
        ],
        [
            "제4장 비전 및 추진전략",
            "1. 추진 전략",
            "1) 안전한 생태 도시",
            "2) 편리한 교통 도시",
            "시는 스마트 정류장과 드론 산불 감시를 통해 시민 체감도를 높일 계획이다.",
        ],
        [
            "제5장 스마트도시서비스",
            "가. 교통 분야",
            "5-1. 스마트 정류장",
            "○ 서비스 개요 : 버스 도착 정보와 냉난방 쉼터를 갖춘 정류장",
            "○ 적용 기술 : IoT",
            "5-2. 수요응답형 버스",
            "○ 서비스 개요 : 호출하면 오는 마을 버스",
        ],
        [
            "나. 방범·방재 분야",
            "5-3. 드론 산불 감시",
            "○ 서비스 개요 : 드론으로 산림을 순찰하고 산불을 조기에 감지",
            "○ 추진 주체 : 산림과",
            "다. 스마트 복지",
            "5-4. 독거노인 안심 케어",
            "○ 서비스 개요 : 활동 감지 센서로 독거노인 안부 확인",
        ],
        ["제6장 재원조달 및 추진계획", "1. 연차별 투자계획", budget, "2. 성과지표", kpi, "3. 추진 로드맵", roadmap],
    )


def test_only_the_plans_own_services_come_out():
    plan = extract_plan(_plan())
    assert [s.name for s in plan.services] == [
        "스마트 정류장",
        "수요응답형 버스",
        "드론 산불 감시",
        "독거노인 안심 케어",
    ]
    stop, bus, drone, care = plan.services
    assert stop.description == "버스 도착 정보와 냉난방 쉼터를 갖춘 정류장" and stop.page == 8
    assert stop.extra["추진시기"] == "2024~2025" and stop.extra["적용 기술"] == "IoT"
    assert bus.declared_domain == "교통"  # carried down the summary table's merged 분야 cell
    assert drone.declared_domain == "방범·방재" and drone.declared_label == "방재"
    assert care.declared_domain == "보건·의료·복지" and care.declared_label == "스마트 복지"
    assert care.page == 9


def test_whole_plan_metadata():
    plan = extract_plan(_plan())
    assert plan.title == "순천시 스마트도시 기본계획(2024~2028)"
    assert (plan.municipality, plan.municipality_code) == ("순천시", "4615000000")
    assert plan.period == (2024, 2028)
