"""The municipality register and resolving names in text."""

from __future__ import annotations

from collections import Counter

import pytest

from scatlas.extract import load_register, resolve_municipality


def test_register_holds_17_metros_and_226_basic_governments():
    register = load_register()
    levels = Counter(row.level for row in register.rows)
    assert levels["metro"] == 17 and levels["basic"] == 226
    kinds = Counter(row.name[-1] for row in register.rows if row.level == "basic")
    assert kinds == {"시": 75, "군": 82, "구": 69}
    assert len({row.code for row in register.rows}) == len(register.rows)
    assert all(len(row.code) == 10 and row.code.isdigit() for row in register.rows)


@pytest.mark.parametrize(
    "code, name, full_name",
    [
        ("1100000000", "서울특별시", "서울특별시"),
        ("1111000000", "종로구", "서울특별시 종로구"),
        ("4611000000", "목포시", "전라남도 목포시"),
        ("5111000000", "춘천시", "강원특별자치도 춘천시"),
        ("5211000000", "전주시", "전북특별자치도 전주시"),
        ("2772000000", "군위군", "대구광역시 군위군"),
        ("3611000000", "세종특별자치시", "세종특별자치시"),
        ("4183000000", "양평군", "경기도 양평군"),
    ],
)
def test_known_codes(code, name, full_name):
    row = load_register().by_code[code]
    assert (row.name, row.full_name) == (name, full_name)


def test_basic_governments_point_at_their_metro():
    register = load_register()
    for row in register.rows:
        if row.level == "basic":
            parent = register.by_code[row.parent_code]
            assert parent.level == "metro" and row.code[:2] == parent.code[:2]
            assert row.full_name == f"{parent.name} {row.name}"
    assert not any(
        row.parent_code == "3611000000" or row.parent_code == "5000000000"
        for row in register.rows
        if row.level == "basic"
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("전라남도 목포시 스마트도시계획", ("목포시", "4611000000")),
        ("강원도 춘천시", ("춘천시", "5111000000")),
        ("전라북도 스마트도시계획", ("전북특별자치도", "5200000000")),
        ("부산광역시 중구 스마트도시계획", ("부산광역시 중구", "2611000000")),
        ("경남 고성군 스마트도시계획", ("경상남도 고성군", "4882000000")),
        ("서울특별시 강동구", ("강동구", "1174000000")),
        ("남양주시 스마트도시계획", ("남양주시", "4136000000")),
        ("광주광역시 스마트도시계획", ("광주광역시", "2900000000")),
        ("경기도 광주시 스마트도시계획", ("광주시", "4161000000")),
        ("제주시 스마트도시 계획", ("제주특별자치도", "5000000000")),
        ("인천광역시 서구 … 서구청 … 서구", ("인천광역시 서구", "2826000000")),
        ("수원특례시 스마트도시계획", ("수원시", "4111000000")),
        ("여주군 u-City 계획", ("여주시", "4167000000")),
    ],
)
def test_resolve(text, expected):
    assert resolve_municipality(text) == expected


@pytest.mark.parametrize("text", ["중구 스마트도시계획", "고성군 스마트도시계획", "강서구", "스마트도시계획", ""])
def test_unresolvable_or_ambiguous_gives_none(text):
    assert resolve_municipality(text) is None


def test_names_inside_longer_names_are_not_matched():
    assert resolve_municipality("강동구 해운대구에서") != ("동구", "2617000000")
    assert resolve_municipality("남양주시") == ("남양주시", "4136000000")


def test_stem_before_smart_city_resolves_only_when_unique():
    assert resolve_municipality("2030 목포 스마트도시계획") == ("목포시", "4611000000")
    assert resolve_municipality("고성 스마트도시계획") is None  # 고성군 in 강원 and 경남
    assert resolve_municipality("목포에서 출발") is None
