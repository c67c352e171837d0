"""Plan metadata: title, period and municipality from the cover and first pages."""

from __future__ import annotations

import pytest

from scatlas.extract import extract_plan, parse_period
from scatlas.extract.metadata import find_title

from .conftest import document


@pytest.mark.parametrize(
    "text, period",
    [
        ("목포시 스마트도시계획(2023~2027)", (2023, 2027)),
        ("계획기간 : 2023-2027", (2023, 2027)),
        ("2023년~2027년", (2023, 2027)),
        ("2023년 ~ 2027년", (2023, 2027)),
        ("('23~'27)", (2023, 2027)),
        ("2019∼23", (2019, 2023)),
        ("기준연도 : 2022년, 목표연도 : 2030년", (2022, 2030)),
        ("2023. 12.", None),
        ("목표연도 2030", None),  # no start year: not guessed
        ("2027~2023", None),
    ],
)
def test_period_spellings(text, period):
    assert parse_period(text) == period


@pytest.mark.parametrize(
    "lines, title",
    [
        (["목포시 스마트도시계획(2023~2027)"], "목포시 스마트도시계획(2023~2027)"),
        (["제2차 고창군 스마트도시 기본계획", "2024. 12."], "제2차 고창군 스마트도시 기본계획"),
        (["전라남도", "목포시", "스마트도시계획", "(2023~2027)"], "목포시 스마트도시계획(2023~2027)"),
        (["2023. 5.", "화성시 스마트도시계획 수립 용역", "최종보고서"], "화성시 스마트도시계획"),
        (["부산광역시 중구 스마트도시계획 (변경)"], "부산광역시 중구 스마트도시계획 (변경)"),
        (["제출문", "최종보고서"], None),
        (["창원특례시 스마트시티 조성계획 2025~2029"], "창원특례시 스마트시티 조성계획 2025~2029"),
    ],
)
def test_title_spellings(lines, title):
    assert find_title(lines) == title


def test_metadata_from_cover_and_inner_page():
    plan = extract_plan(
        document(
            ["제2차 고창군 스마트도시 기본계획", "2024. 12.", "고창군"],
            ["제1장 계획의 개요", "계획기간 : 2025년 ~ 2029년", "기준연도 2024년"],
        )
    )
    assert plan.title == "제2차 고창군 스마트도시 기본계획"
    assert (plan.municipality, plan.municipality_code) == ("고창군", "5279000000")
    assert plan.period == (2025, 2029)


def test_target_year_with_base_year():
    plan = extract_plan(document(["양평군 스마트도시계획", "기준연도 : 2024", "목표연도 : 2030"]))
    assert plan.period == (2024, 2030)
    assert (plan.municipality, plan.municipality_code) == ("양평군", "4183000000")


def test_municipality_not_taken_from_case_study_chapters():
    plan = extract_plan(
        document(
            ["스마트도시 기본계획", "2024. 3."],
            ["제1장 개요", "목포시는 서남권 거점 도시이다.", "목포시 원도심"],
            [
                "제3장 국내외 사례",
                "서울특별시 스마트 쉼터",
                "서울특별시 따릉이",
                "서울특별시 스마트 폴",
                "서울특별시 디지털 트윈",
            ],
        )
    )
    assert (plan.municipality, plan.municipality_code) == ("목포시", "4611000000")


def test_same_name_district_without_metro_is_ambiguous():
    plan = extract_plan(document(["중구 스마트도시계획(2023~2027)"]))
    assert plan.municipality == "중구" and plan.municipality_code is None
    assert any("shared by" in w for w in plan.warnings)


def test_same_name_district_with_metro_on_the_cover():
    plan = extract_plan(document(["중구 스마트도시계획(2023~2027)", "부산광역시 중구"]))
    assert (plan.municipality, plan.municipality_code) == ("부산광역시 중구", "2611000000")


def test_metadata_from_workbook_cover_lines():
    from scatlas.extract.metadata import metadata_from_lines

    meta = metadata_from_lines(["양평군 스마트도시계획(2024~2028) 부록", "", "경기도 양평군"])
    assert meta.title == "양평군 스마트도시계획(2024~2028)"
    assert meta.period == (2024, 2028)
    assert (meta.municipality, meta.municipality_code) == ("양평군", "4183000000")


def test_cover_with_phasing_line_takes_the_period_from_the_title():
    plan = extract_plan(
        document(
            [
                "“목포시 스마트도시계획(2023~2027)”",
                "기준연도 2022년, 단기(2023~2024), 중기(2025~2026), 장기(2027)",
                "2023. 5.",
                "목포시",
            ]
        )
    )
    assert plan.title == "목포시 스마트도시계획(2023~2027)"
    assert plan.period == (2023, 2027)


def test_cover_with_korean_range_words():
    plan = extract_plan(document(["순천시 스마트도시 기본계획", "계획기간 2021년부터 2025년까지", "순천시"]))
    assert plan.period == (2021, 2025)
