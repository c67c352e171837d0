"""Service cards: a section per service, as text or as a label table."""

from __future__ import annotations

from scatlas.extract import extract_plan

from .conftest import document, table


def test_text_cards_with_heading_and_fields(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "제4장 스마트도시서비스 구축계획",
                "가. 교통 분야",
                "4-1. 스마트 버스정류장",
                "○ 서비스 개요",
                "- 버스 도착 정보와 냉난방 쉼터를 제공하는 정류장",
                "○ 주요 기능",
                "- 실시간 도착 안내",
                "- 냉난방",
                "○ 적용 기술 : IoT, 디지털 사이니지",
                "○ 추진 주체 : 교통행정과",
                "○ 추진시기 : 2024~2025",
            ],
            [
                "4-2. 스마트 횡단보도",
                "○ 서비스 개요 : 보행자를 감지해 운전자에게 알리는 횡단보도",
                "○ 주요 기능",
                "1) 보행자 감지",
                "2) 바닥 신호등",
            ],
        )
    )
    assert [s.name for s in plan.services] == ["스마트 버스정류장", "스마트 횡단보도"]
    stop, crossing = plan.services
    assert stop.description == "버스 도착 정보와 냉난방 쉼터를 제공하는 정류장"
    assert stop.extra["적용 기술"] == "IoT, 디지털 사이니지"
    assert stop.extra["추진 주체"] == "교통행정과"
    assert stop.extra["추진시기"] == "2024~2025"
    assert stop.extra["주요 기능"] == "실시간 도착 안내 냉난방"
    assert stop.declared_domain == "교통" and stop.declared_label == "교통 분야"
    assert stop.page == 2 and crossing.page == 3
    assert "보행자 감지" in crossing.extra["주요 기능"]


def test_service_name_line_cards(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "Ⅴ. 분야별 스마트도시서비스",
                "□ 서비스명 : 스마트 안심 귀갓길",
                "○ 서비스 분야 : 방범/방재",
                "○ 서비스 개요 : 여성 1인 가구 귀갓길에 비상벨과 안심 조명 설치",
                "□ 서비스명 : 지능형 산불 감시",
                "○ 개요",
                "드론과 열화상 카메라로 산불 조기 감지",
            ],
        )
    )
    assert [s.name for s in plan.services] == ["스마트 안심 귀갓길", "지능형 산불 감시"]
    assert plan.services[0].declared_domain == "방범·방재"
    assert plan.services[0].declared_label == "방범/방재"
    assert plan.services[1].description == "드론과 열화상 카메라로 산불 조기 감지"


def test_card_tables_with_label_cells(cover):
    card = table(
        [
            ["서비스명", "스마트 경로당"],
            ["서비스 분야", "보건·의료·복지"],
            ["서비스 개요", "경로당에 원격 건강상담\n장비 보급"],
            ["적용 기술", "IoT, 화상회의"],
        ]
    )
    headed = table([["서비스 개요", "공공 와이파이로 관광 정보 제공"], ["주요 기능", "관광지 안내, 혼잡도 정보"]])
    plan = extract_plan(document(cover, ["3. 스마트도시서비스 세부계획", card], ["3-2. 스마트 관광 안내", headed]))
    assert [s.name for s in plan.services] == ["스마트 경로당", "스마트 관광 안내"]
    assert plan.services[0].description == "경로당에 원격 건강상담 장비 보급"
    assert plan.services[0].declared_domain == "보건·의료·복지"
    assert plan.services[0].extra["적용 기술"] == "IoT, 화상회의"
    assert plan.services[1].description == "공공 와이파이로 관광 정보 제공"
    assert plan.services[1].page == 3


def test_cards_in_case_study_chapter_are_not_this_plans_services(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "제2장 국내외 스마트도시 사례",
                "1. 국내 사례",
                "□ 서울시 스마트 쉼터",
                "○ 서비스 개요 : 냉난방과 충전 기능을 갖춘 버스정류장",
                "* 자료: 서울특별시",
            ],
            ["제4장 스마트도시서비스 구축계획", "1-1. 스마트 쉼터", "○ 서비스 개요 : 목포형 스마트 쉼터 설치"],
        )
    )
    assert [s.name for s in plan.services] == ["스마트 쉼터"]
    assert plan.services[0].page == 3


def test_existing_services_only_when_continued(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "제3장 기 구축 서비스 현황",
                "1) 버스정보시스템",
                "○ 서비스 개요 : 2015년 구축 운영",
                "2) 불법주정차 단속",
                "○ 서비스 개요 : 기존 시스템을 AI 기반으로 고도화",
            ],
        )
    )
    assert [s.name for s in plan.services] == ["불법주정차 단속"]
    assert plan.services[0].extra["continued"] is True


def test_unknown_box_labels_become_fields_not_description(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "제4장 스마트도시서비스 구축계획",
                "1-1. 스마트 쉼터",
                "○ 서비스 개요 : 냉난방 쉼터와 충전기",
                "○ 유사 사례 : 서울특별시 스마트 쉼터",
                "○ 주요 기능",
                "○ 실시간 버스 정보",
                "○ 휴대폰 충전",
            ],
        )
    )
    shelter = plan.services[0]
    assert shelter.description == "냉난방 쉼터와 충전기"
    assert shelter.extra["유사 사례"] == "서울특별시 스마트 쉼터"
    assert shelter.extra["주요 기능"] == "실시간 버스 정보 휴대폰 충전"


def test_numbered_name_lines_and_domain_after_the_name(cover):
    plan = extract_plan(
        document(
            cover,
            [
                "Ⅳ. 스마트도시서비스",
                "1. 서비스명 : 스마트 버스정류장 (교통)",
                "2. 서비스 개요 : 버스 도착 정보 제공",
                "1. 서비스명 : 드론 순찰",
                "2. 서비스 개요 : 취약 지역 순찰",
            ],
        )
    )
    assert [(s.name, s.declared_domain) for s in plan.services] == [("스마트 버스정류장", "교통"), ("드론 순찰", None)]
    assert plan.services[0].description == "버스 도착 정보 제공"
