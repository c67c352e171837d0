"""Fixtures: the small hand-worked catalogue every analysis figure is checked against."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.analysis.builders import S, build

#: Three plans, ten services. Every expected figure in test_build_figures.py is worked out from this by hand.
SMALL = [
    (
        "고양시",
        (2019, 2023),
        [
            S(
                "스마트 버스정류장",
                "transport",
                subtype="traffic_info",
                function="정보제공",
                groups=["일반"],
                techs=["IoT"],
            ),
            S(
                "치매노인 스마트슈즈",
                "safety",
                subtype="vulnerable_safety",
                function="정보제공",
                groups=["노인"],
                techs=["GPS"],
                description="GPS 위치정보가 내장된 스마트 슈즈로 치매노인의 실시간 위치를 파악",
            ),
            S(
                "미세먼지 알리미",
                "environment",
                subtype="air_quality",
                function="정보제공",
                groups=["일반"],
                techs=["IoT"],
            ),
        ],
    ),
    (
        "창원시",
        (2019, 2023),
        [
            S(
                "스마트버스정류장",
                "transport",
                subtype="traffic_info",
                function="정보제공",
                groups=["일반"],
                techs=["IoT", "WiFi"],
            ),
            S(
                "어린이 안심통학",
                "safety",
                subtype="vulnerable_safety",
                function="정보제공",
                groups=["아동"],
                techs=["IoT", "비콘"],
                description="IoT와 비콘 무선통신기술로 어린이의 위치 정보를 제공",
            ),
            S(
                "불법주정차 단속",
                "transport",
                declared="행정",
                subtype="traffic_info",
                function="문제해결",
                groups=["일반"],
                techs=["CCTV"],
                rationale="주정차, 단속",
            ),
        ],
    ),
    (
        "목포시",
        (2024, 2028),
        [
            S("스마트 버스 정류장", "transport", subtype="parking", function="기반구축", groups=["일반"]),
            S(
                "해상 안개 감시",
                "safety",
                subtype="disaster_management",
                function="정보제공",
                groups=["농어민"],
                techs=["IoT"],
            ),
            S("미확인 서비스", None),
            S(
                "미세먼지 알리미 서비스",
                "environment",
                subtype="air_quality",
                function="문제해결",
                groups=["일반"],
                techs=["IoT"],
            ),
        ],
    ),
]


@pytest.fixture
def small_catalogue(tmp_path: Path):
    cat = build(tmp_path / "small.db", SMALL)
    yield cat
    cat.close()
