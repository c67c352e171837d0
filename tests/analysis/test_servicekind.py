"""The kind of a service and the archetypes built on it: coherent groups on hand-made cases.

The texts below are written for these tests (not real plan text): brand names with the same kind of service must
group; the same technology or object for a different purpose must not.
"""

from __future__ import annotations

import pytest

from scatlas.analysis.archetype_names import archetype_label
from scatlas.analysis.archetypes import find_archetypes
from scatlas.analysis.differentiation import SHARED_BY, distinctiveness
from scatlas.analysis.frame import Row
from scatlas.analysis.servicekind import NAME_ONLY_CONFIDENCE, description_words, service_kinds

CASES = [
    # same kind (AI speaker care of elderly people living alone), three brand names
    (
        "care",
        "행복커뮤니티",
        "성동구",
        "독거 어르신 가구에 인공지능 스피커를 보급해 말벗과 안부 확인을 하고, 위급할 때 음성으로 관제센터를 호출한다.",
    ),
    (
        "care",
        "AI 돌봄 지킴이",
        "나주시",
        "홀로 사는 노인에게 AI 스피커를 설치하여 대화와 안부 확인을 하고 긴급 상황에는 119에 연결한다.",
    ),
    (
        "care",
        "효자손 안심케어",
        "계룡시",
        "혼자 사는 고령자 댁에 AI 스피커를 두어 말벗, 복약 알림, 응급 호출을 제공한다.",
    ),
    # same kind (dementia wandering), brand and plain name
    ("wander", "꼬까신", "진주시", "치매 어르신 신발에 위치 추적 장치를 달아 배회하면 보호자에게 위치를 알린다."),
    (
        "wander",
        "안심 배회감지기",
        "임실군",
        "치매 노인이 배회 감지기를 차고 다니면 보호자가 실시간으로 위치를 확인할 수 있다.",
    ),
    # same technology or object, different purpose: each its own kind
    ("spray", "드론 방제", "김제시", "드론으로 논과 밭에 농약을 살포하여 병해충을 방제한다."),
    ("delivery", "드론 배송", "통영시", "섬 지역 주민에게 드론으로 생필품과 택배를 배송한다."),
    ("bridge", "교량 안전 모니터링", "부산광역시", "IoT 센서로 교량의 변위와 진동을 상시 계측하여 이상 징후를 알린다."),
    (
        "sewer",
        "하수관로 모니터링",
        "대구광역시",
        "IoT 센서로 하수관로의 수위와 유량을 상시 계측하여 이상 징후를 알린다.",
    ),
    (
        "dust_measure",
        "미세먼지 측정망",
        "수원시",
        "동네마다 IoT 간이측정기를 설치해 미세먼지 농도를 측정하고 공개한다.",
    ),
    (
        "dust_reduce",
        "미세먼지 저감 쿨링포그",
        "안산시",
        "분사 장치로 미세한 물안개를 뿌려 미세먼지를 줄이고 기온을 낮춘다.",
    ),
    ("school", "어린이 안심 귀가 알림", "광명시", "초등학생이 학교에 오가면 보호자에게 등하교 알림을 보낸다."),
    ("park_info", "스마트 주차 안내", "춘천시", "공영주차장 주차면 센서로 빈 주차면을 앱과 전광판에 안내한다."),
    ("park_share", "거주자 주차 공유", "마포구", "비어 있는 거주자 우선주차 구획을 다른 시민에게 유료로 공유한다."),
]


def rows_of(cases) -> list[Row]:
    return [
        Row(
            k,
            k,
            muni,
            f"{muni} 스마트도시계획",
            2024,
            2028,
            "",
            10 + k,
            name,
            desc,
            None,
            None,
            None,
            "",
            None,
            None,
            None,
        )
        for k, (_, name, muni, desc) in enumerate(cases)
    ]


@pytest.fixture(scope="module")
def groups():
    rows = rows_of(CASES)
    result = find_archetypes(rows)
    return {sid: result.archetype_of.get(sid) for sid in range(len(rows))}, result


def _together(groups, kind: str) -> bool:
    ids = [k for k, c in enumerate(CASES) if c[0] == kind]
    found = {groups[0][k] for k in ids}
    return len(found) == 1 and None not in found


def test_same_kind_under_different_brand_names_is_one_archetype(groups):
    assert _together(groups, "care")
    assert _together(groups, "wander")


APART = [
    ("spray", "delivery"),
    ("bridge", "sewer"),
    ("dust_measure", "dust_reduce"),
    ("wander", "school"),
    ("park_info", "park_share"),
]
#: The shipped similarity was chosen on the real tuning pairs, where the kind of service (as a blend or a gate)
#: lowered the grouped F1 (0.924 → 0.910 at best): it joins these hand-made look-alikes, whose descriptions are
#: written in parallel. Known shortfall (docs/analysis.md); strict, so a change that fixes it shows up.
_SHORTFALL = pytest.mark.xfail(strict=True, reason="shipped similarity joins same-technology look-alikes")


def test_kind_of_service_tells_same_kind_from_same_technology_for_another_purpose():
    kinds = service_kinds([c[1] for c in CASES], [c[3] for c in CASES])
    from scatlas.analysis.servicekind import kind_matrix

    m = kind_matrix(kinds)

    def cos(i: int, j: int) -> float:
        return float((m[i] @ m[j].T).toarray()[0, 0])

    same = [cos(i, j) for i in range(len(CASES)) for j in range(i + 1, len(CASES)) if CASES[i][0] == CASES[j][0]]
    mean_same = sum(same) / len(same)
    for a, b in APART:
        i = next(k for k, c in enumerate(CASES) if c[0] == a)
        j = next(k for k, c in enumerate(CASES) if c[0] == b)
        assert cos(i, j) < mean_same, (a, b)


@pytest.mark.parametrize("a,b", [pytest.param(a, b, marks=_SHORTFALL) for a, b in APART] + [("care", "wander")])
def test_same_technology_or_object_for_another_purpose_stays_apart(groups, a, b):
    of = groups[0]
    ga = {of[k] for k, c in enumerate(CASES) if c[0] == a}
    gb = {of[k] for k, c in enumerate(CASES) if c[0] == b}
    assert not (ga & gb) - {None}, (a, b)


def test_archetype_members_carry_city_and_plan_page(groups):
    result = groups[1]
    members = [m for a in result.archetypes for m in a["members"]]
    assert members and all(m["municipality"] and m["plan_title"] and m["page"] for m in members)


def test_kind_slots_from_name_and_description():
    kind = service_kinds(["꼬까신"], ["치매 어르신 신발에 위치 추적 장치를 달아 배회하면 보호자에게 위치를 알린다."])[0]
    assert {"치매", "어르신"} <= set(kind.target)
    assert "감지알림" in kind.action  # 추적 … 알린다: one action, detecting and telling (감지·알림)
    assert "배회" in kind.object and "위치" in kind.object
    assert kind.confidence == 1.0


def test_names_without_descriptions_still_give_a_kind_with_lower_confidence():
    kind = service_kinds(["치매 노인 배회 감지 서비스"], [""])[0]
    assert kind.confidence == NAME_ONLY_CONFIDENCE
    assert "감지알림" in kind.action and "어르신" in kind.target and "배회" in kind.object


def test_place_names_and_news_words_are_not_part_of_the_kind():
    kind = service_kinds(["성동 스마트쉼터"], ["서울 성동구는 버스정류장에 스마트쉼터를 설치했다고 밝혔다."])[0]
    words = set(kind.object)
    assert not words & {"성동", "성동구", "서울", "밝혔다", "밝히"}
    assert "정류장" in " ".join(words) or "버스정류장" in words


def test_description_words_drop_particles_and_verb_endings():
    assert description_words("버스정류장에서 감지해 설치된 어린이") == ["버스정류장", "감지", "설치", "어린이"]


def _member(k: int, muni: str, name: str) -> Row:
    return Row(k, k, muni, "", None, None, "", None, name, "", None, None, None, "", None, None, None)


def test_archetype_name_is_generic_never_one_citys_proper_noun():
    members = [
        _member(1, "서울특별시 성동구", "성동 스마트쉼터"),
        _member(2, "서울특별시 용산구", "용산형 스마트쉼터"),
        _member(3, "경기도 이천시", "스마트쉼터"),
        _member(4, "충청북도 청주시", "내수 스마트쉼터 구축"),
    ]
    assert archetype_label(members) == "스마트쉼터"
    brands = [
        _member(1, "a시", "행복커뮤니티 AI 돌봄"),
        _member(2, "b군", "효자손 AI 돌봄 사업"),
        _member(3, "c구", "AI 돌봄 지킴이"),
    ]
    label = archetype_label(brands)
    assert "AI 돌봄" in label and not any(b in label for b in ("행복커뮤니티", "효자손", "지킴이"))


def test_distinctiveness_gives_share_in_archetypes_shared_by_three_and_distinctive_services():
    rows = rows_of(
        [("x", "스마트 버스정류장", m, "") for m in ("가시", "나시", "다시")]
        + [("y", "우리 동네 고래 축제 앱", "가시", "")]
    )
    result = find_archetypes(rows)
    table = {d["municipality"]: d for d in distinctiveness(rows, result)}
    assert SHARED_BY == 3
    assert table["가시"]["shared"] == 1 and table["가시"]["shared_share"] == 0.5
    assert [s["name"] for s in table["가시"]["distinctive"]] == ["우리 동네 고래 축제 앱"]
    assert table["나시"]["shared_share"] == 1.0
