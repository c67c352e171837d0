"""Plan metadata rules shared by the extractor and the importer: the period, the title, the register."""

from __future__ import annotations

import pytest

from scatlas.planmeta import decide_period, find_title, metadata_from_lines, parse_period, strip_quotes


@pytest.mark.parametrize(
    "text, period",
    [
        ("2021년부터 2025년까지", (2021, 2025)),
        ("계획기간: 2021년에서 2025년", (2021, 2025)),
        ("2021~25", (2021, 2025)),
        ("’21~’25", (2021, 2025)),
        ("'23~'27", (2023, 2027)),
        ("2023～2027", (2023, 2027)),
        ("목포시 스마트도시 중장기 계획(2023~2027)", (2023, 2027)),  # '장기' inside 중장기 is not a phase
        ("단기(2023~2024), 중기(2025~2026), 장기(2027)", None),
        ("1단계 2023~2024, 2단계 2025~2027", None),
    ],
)
def test_period_spellings_and_phases(text, period):
    assert parse_period(text) == period


def test_a_phasing_line_never_decides_the_period_the_title_does():
    lines = ["목포시 스마트도시계획(2023~2027)", "기준연도 2022년, 단기(2023~2024), 중기(2025~2026), 장기(2027)"]
    assert decide_period(lines, find_title(lines)) == ((2023, 2027), "title")


def test_a_planning_period_line_beats_the_title_and_phases():
    lines = ["1단계(2024~2025) 기반 구축", "계획기간 : 2024년부터 2028년까지", "양평군 스마트도시계획(2023~2027)"]
    assert decide_period(lines, "양평군 스마트도시계획(2023~2027)")[0] == (2024, 2028)


def test_base_and_target_year_still_give_a_period_with_phases_beside_them():
    lines = ["화성시 스마트도시계획", "기준연도 2022년, 목표연도 2027년", "단기(2023~2024)"]
    assert decide_period(lines, find_title(lines))[0] == (2022, 2027)


@pytest.mark.parametrize(
    "lines, title",
    [
        (["「목포시 스마트도시계획(2023~2027)」"], "목포시 스마트도시계획(2023~2027)"),
        (["“고양시 스마트도시 기본계획”"], "고양시 스마트도시 기본계획"),
        (["순천시 스마트", "도시계획", "(2024~2028)"], "순천시 스마트도시계획(2024~2028)"),
        (["김해시 스마트도시", "기본계획"], "김해시 스마트도시 기본계획"),
    ],
)
def test_titles_lose_quote_marks_and_broken_titles_are_joined(lines, title):
    assert find_title(lines) == title


def test_strip_quotes_keeps_every_syllable():
    assert strip_quotes("『세종특별자치시 스마트시티 조성계획』") == "세종특별자치시 스마트시티 조성계획"


def test_lines_metadata_resolves_the_municipality_and_falls_back_to_the_file_name():
    meta = metadata_from_lines(["서비스 목록"], names=("청주시_서비스목록",))
    assert (meta.municipality, meta.municipality_code) == ("청주시", "4311000000")
