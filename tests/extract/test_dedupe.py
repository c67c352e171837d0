"""One service mentioned in a summary table, its own section and a list is one service."""

from __future__ import annotations

from scatlas.extract import extract_plan
from scatlas.extract.candidates import Candidate
from scatlas.extract.dedupe import merge_candidates, name_key

from .conftest import document, table


def test_summary_table_and_card_are_one_service_with_the_richest_description(cover):
    summary = table(
        [
            ["분야", "서비스명", "추진시기"],
            ["교통", "스마트 버스정류장", "2024"],
            ["방범·방재", "지능형 CCTV", "2025"],
            ["환경", "미세먼지 알리미", "2026"],
        ],
        caption="〈요약표〉 스마트도시서비스 총괄",
    )
    plan = extract_plan(
        document(
            cover,
            ["요 약", summary],
            [
                "제4장 스마트도시서비스 구축계획",
                "4-1. 스마트 버스 정류장",
                "○ 서비스 개요 : 버스 도착 정보와 냉난방 쉼터를 제공하는 정류장",
                "○ 적용 기술 : IoT",
            ],
            ["4-2. 지능형 CCTV", "○ 서비스 개요 : 이상행동을 자동으로 감지하는 CCTV"],
        )
    )
    assert [s.name for s in plan.services] == ["스마트 버스정류장", "지능형 CCTV", "미세먼지 알리미"]
    stop = plan.services[0]
    assert stop.description == "버스 도착 정보와 냉난방 쉼터를 제공하는 정류장"
    assert stop.page == 3  # the first page where it is described, not the summary's page
    assert stop.declared_domain == "교통"
    assert stop.extra["추진시기"] == "2024" and stop.extra["적용 기술"] == "IoT"
    assert plan.services[2].page == 2  # described nowhere: the page where it is listed


def test_names_fold_whitespace_punctuation_numbering_and_width():
    assert name_key("1. 스마트 버스 정류장") == name_key("스마트버스정류장")
    assert name_key("지능형 CCTV") == name_key("지능형ＣＣＴＶ")
    assert name_key("스마트 주차 시스템") == name_key("스마트 주차")
    assert name_key("스마트 가로등") != name_key("스마트 횡단보도")


def _c(name: str, order: int, description: str = "", page: int | None = None) -> Candidate:
    return Candidate(name=name, description=description, page=page, order=order)


def test_short_name_joins_only_an_unambiguous_full_name():
    merged, warnings = merge_candidates(
        [_c("독거노인 응급안전 알림", 1, "응급 호출", 5), _c("응급안전 알림", 2, page=9)]
    )
    assert [m.name for m in merged] == ["독거노인 응급안전 알림"]
    assert merged[0].page == 5 and warnings == []


def test_short_name_inside_several_names_stays_apart_with_a_warning():
    merged, warnings = merge_candidates([_c("스마트 주차 안내", 1), _c("스마트 주차 공유", 2), _c("스마트 주차", 3)])
    assert [m.name for m in merged] == ["스마트 주차 안내", "스마트 주차 공유", "스마트 주차"]
    assert any("short form of several services" in w for w in warnings)


def test_conflicting_domain_labels_are_reported(cover):
    summary = table([["분야", "서비스명", "내용"], ["교통", "스마트 횡단보도", "보행자 감지"]])
    plan = extract_plan(
        document(
            cover,
            ["서비스 목록", summary],
            ["1-1. 스마트 횡단보도", "○ 서비스 분야 : 방범·방재", "○ 서비스 개요 : 보행자 감지와 바닥 신호등"],
        )
    )
    assert len(plan.services) == 1
    assert plan.services[0].declared_domain == "교통"  # the table's 분야 column wins
    assert any("different domains" in w for w in plan.warnings)


def test_a_name_ending_in_a_number_is_not_a_short_form_of_a_longer_number():
    merged, _ = merge_candidates(
        [_c("스마트 버스정류장 1", 1), _c("스마트 버스정류장 12", 2), _c("AI 관제", 3), _c("AIoT 관제 플랫폼", 4)]
    )
    assert [m.name for m in merged] == ["스마트 버스정류장 1", "스마트 버스정류장 12", "AI 관제", "AIoT 관제 플랫폼"]


def test_a_shortened_name_joins_the_one_service_holding_its_words_in_order():
    merged, _ = merge_candidates(
        [
            _c("AI CCTV", 1),
            _c("응급안전 돌봄", 2),
            _c("AI 기반 지능형 CCTV 선별관제", 3),
            _c("IoT 기반 독거노인 응급안전 돌봄", 4),
        ]
    )
    assert [m.name for m in merged] == ["AI 기반 지능형 CCTV 선별관제", "IoT 기반 독거노인 응급안전 돌봄"]


def test_a_shortened_name_matching_two_services_or_only_vague_words_stays_apart():
    merged, _ = merge_candidates(
        [
            _c("주차 안내", 1),
            _c("공영 주차장 빈자리 안내", 2),
            _c("노상 주차 정보 안내", 3),
            _c("스마트 기반", 4),
            _c("스마트 AI 기반 교통 분석", 5),
        ]
    )
    assert len(merged) == 5
