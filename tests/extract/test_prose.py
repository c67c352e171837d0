"""Services named in running text: each pattern on hand-written sentences, then the real texts' scores."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from scatlas.extract import extract_plan
from scatlas.ingest import read_document

from .conftest import document

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data" / "prose"


def names(*lines: str) -> list[str]:
    plan = extract_plan(document(list(lines)))
    assert all(s.from_prose for s in plan.services)
    return [s.name for s in plan.services]


def test_list_in_a_sentence():
    assert names("주요 사업은 스마트 버스정류장, 지능형 CCTV, 스마트 가로등 등이다.") == [
        "스마트 버스정류장",
        "지능형 CCTV",
        "스마트 가로등",
    ]


def test_inline_markers_with_counts_and_an_explaining_parenthesis():
    assert names(
        "올해 △스마트 횡단보도 12개 △돌발 상황 대응 CCTV(교통사고 발생 시 실시간 대응) △스마트 폴 25개를 "
        "구축하는 사업이다."
    ) == ["스마트 횡단보도", "돌발 상황 대응 CCTV", "스마트 폴"]


def test_domain_groups_in_parentheses():
    sentence = "분야별로 안전(지능형 CCTV, 스마트 가로등), 교통(스마트 버스정류장, 공유 주차) 서비스를 도입한다."
    found = extract_plan(document([sentence])).services
    assert [(s.name, s.declared_label) for s in found] == [
        ("지능형 CCTV", "안전"),
        ("스마트 가로등", "안전"),
        ("스마트 버스정류장", "교통"),
        ("공유 주차", "교통"),
    ]
    assert found[2].declared_domain == "교통"


def test_quoted_name_and_its_defining_sentence():
    assert names(
        "공영자전거 ‘타슈’는 시민 누구나 쓰는 교통수단이다.", "‘안심귀가 앱’은 늦은 밤 귀갓길을 지키는 서비스다."
    ) == ["타슈", "안심귀가 앱"]


def test_description_before_the_name():
    assert names("빈자리를 미리 알려주는 스마트 주차 시스템, 어르신을 돌보는 스마트 경로당 등을 추진한다.") == [
        "스마트 주차 시스템",
        "스마트 경로당",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "추진 전략은 시민 체감형 서비스 발굴, 데이터 기반 도시관리 강화, 민관 협력 활성화 등이다.",
        "대상지는 △아산시 방축동 77면 △금산군 금산읍 중도리 40면 △홍성군 홍성읍 월산리 40면 등이다.",
        "국토부는 스마트챌린지 사업, 통합플랫폼 기반구축사업, 테마형 특화단지 지원사업 등을 추진한다.",
        "Ⅰ. AI·데이터허브 플랫폼 구축 ······················ 7",
        "SFR-001 지능형 CCTV 영상분석 기능, SFR-002 스마트 가로등 원격 제어 기능 등을 제공해야 한다.",
        "시는 교통안전, 문화관광, 건강복지, 환경에너지 등 4개 분야로 사업을 추진한다.",
    ],
)
def test_strategies_zones_programmes_contents_and_requirements_are_not_services(text):
    assert names(text) == []


def test_services_in_a_table_keep_the_prose_reader_out():
    from .conftest import table

    plan = extract_plan(
        document(
            [
                "목포시 스마트도시계획(2023~2027)",
                "제4장 스마트도시서비스",
                table([["분야", "서비스명"], ["교통", "스마트 버스정류장"]]),
                "주요 사업은 스마트 가로등, 공공 와이파이 등이다.",
            ]
        )
    )
    assert [s.name for s in plan.services] == ["스마트 버스정류장"] and not plan.services[0].from_prose


def test_press_alias_names_the_municipality(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(
        "행복도시에 ▲스마트 버스정류장 ▲스마트 폴 등을 설치한다.\n행복청은 행복도시를 스마트시티로 만든다.\n",
        encoding="utf-8",
    )
    plan = extract_plan(read_document(path))
    assert plan.municipality == "세종특별자치시"
    assert [s.name for s in plan.services] == ["스마트 버스정류장", "스마트 폴"]
    assert plan.services[0].to_json()["from_prose"] is True


def _scores(split: str) -> tuple[float, int]:
    sys.path.insert(0, str(ROOT / "tools" / "prose"))
    from score_prose import extract, prf, score_text

    manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))["texts"]
    truth = json.loads((DATA / "truth.json").read_text(encoding="utf-8"))["texts"]
    total, from_contents = [0, 0, 0], 0
    for text in (t for t in manifest if t["split"] == split):
        got, _, flags = extract(DATA / text["file"])
        assert all(flags), text["id"]
        matched, _, _ = score_text(got, truth[text["id"]]["services"])
        total = [total[0] + matched, total[1] + len(got), total[2] + len(truth[text["id"]]["services"])]
        if not truth[text["id"]]["services"]:
            from_contents += len(got)
    return prf(*total)[2], from_contents


def test_real_texts_manifest_is_complete():
    manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))["texts"]
    truth = json.loads((DATA / "truth.json").read_text(encoding="utf-8"))["texts"]
    assert len(manifest) >= 20 and {t["id"] for t in manifest} == set(truth)
    for t in manifest:
        assert t["source_url"].startswith("http") and t["retrieved"] == "2026-12-03"
        assert (DATA / t["file"]).is_file()
    assert 0.25 <= sum(t["split"] == "held_out" for t in manifest) / len(manifest) <= 0.4


@pytest.mark.parametrize("split,floor", [("dev", 0.85), ("held_out", 0.70)])
def test_real_texts_service_f1(split, floor):
    f1, from_contents = _scores(split)
    assert f1 >= floor and from_contents == 0, (f1, from_contents)
