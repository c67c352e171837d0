"""The hybrid coder on clear cases, its determinism, rationale, top-2, sub-types and identity."""

from __future__ import annotations

import re

import pytest

from scatlas.records import CodingRecord
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook

from .conftest import svc

CLEAR = {
    "admin": svc("무인민원발급기 확대", "주민등록등본 등 각종 민원서류를 24시간 무인으로 발급"),
    "transport": svc("실시간 버스도착 정보", "정류장 안내기에 버스 도착 예정 시간과 노선 정보를 표출"),
    "welfare": svc("독거노인 응급안전 돌봄", "독거 어르신 댁에 활동감지 센서를 설치하여 응급 시 보호자와 119에 알림"),
    "environment": svc("미세먼지 측정망", "생활권 곳곳에 미세먼지 측정기를 설치하여 대기질 정보를 실시간 공개"),
    "safety": svc("지능형 방범 CCTV", "범죄 취약지역 골목에 방범 CCTV와 비상벨을 설치하여 범죄 예방"),
    "facilities": svc("교량 안전 모니터링", "노후 교량에 계측 센서를 부착하여 시설물 균열과 변위를 상시 점검"),
    "education": svc("스마트 도서관", "무인 도서 대출 반납기를 설치한 24시간 도서관 운영"),
    "culture": svc("관광지 AR 체험", "주요 관광지와 역사 유적에서 증강현실로 문화 해설을 제공"),
    "logistics": svc("드론 택배 배송", "도서 지역 주민에게 생활 물품을 드론으로 배송"),
    "employment": svc("청년 일자리 매칭", "구직 청년과 지역 기업의 채용 정보를 연결하는 취업 지원"),
    "housing": svc("공동주택 스마트홈", "임대아파트 세대에 홈네트워크를 설치하여 조명과 난방을 원격 제어"),
    "other": svc("공공 와이파이 구축", "버스정류장과 공원에 무료 공공 WiFi를 설치하는 자가 통신망 구축"),
}


@pytest.mark.parametrize("domain_id", [d for d, _ in DOMAIN_ORDER])
def test_clear_case_of_every_domain(coder, domain_id):
    coding = coder.code([CLEAR[domain_id]])[0]
    assert coding.domain_id == domain_id, coding.rationale


def test_codings_fill_every_dimension_with_codebook_values(coder):
    book = load_codebook()
    for coding in coder.code(list(CLEAR.values())):
        assert isinstance(coding, CodingRecord)
        assert coding.subtype is None or book.subtype(coding.subtype).domain_id == coding.domain_id
        assert coding.function in FUNCTIONS
        assert coding.target_groups and set(coding.target_groups) <= set(TARGET_GROUPS)
        assert 0.0 <= coding.confidence <= 1.0


def test_coding_is_deterministic(coder):
    services = list(CLEAR.values())
    assert coder.code(services) == coder.code(services)
    # a service codes the same alone as in a batch
    assert coder.code([services[3]])[0] == coder.code(services)[3]


def test_rationale_names_the_deciding_words(coder):
    coding = coder.code([svc("스마트 버스정류장", "버스 도착 정보를 알려 주는 정류장")])[0]
    assert coding.domain_id == "transport"
    assert coding.rationale.startswith("교통: ")
    assert re.search(r"(정류장|버스)\(\+\d+\.\d\)", coding.rationale), coding.rationale


def test_top2_holds_two_domains_best_first(coder):
    coding = coder.code([CLEAR["welfare"]])[0]
    (first, p1), (second, p2) = coding.top2
    assert first == coding.domain_id and first != second
    assert p1 == coding.confidence and p1 >= p2


def test_ambiguous_service_has_a_close_runner_up(coder):
    clear = coder.code([CLEAR["safety"]])[0]
    mixed = coder.code([svc("스마트 가로등", "가로등")])[0]
    assert mixed.confidence < clear.confidence


def test_subtype_within_a_declared_domain(coder):
    service = svc("어린이 안심 통학로", "통학로에 CCTV와 비상벨을 설치하여 어린이 등하교 안전 확보")
    own, within = coder.code([service, service], subtype_within=[None, "교통"])
    assert own.subtype is None or load_codebook().subtype(own.subtype).domain_id == own.domain_id
    assert within.subtype in {s.id for s in load_codebook().subtypes_of("transport")}
    assert within.domain_id == own.domain_id  # the coder's own domain is unchanged


def test_target_groups_and_technologies(coder):
    coding = coder.code([svc("치매어르신 배회감지", "GPS 단말로 치매 노인의 위치를 보호자 스마트폰 앱에 알림")])[0]
    assert "노인" in coding.target_groups
    assert "GPS" in coding.technologies


def test_version_and_coder_name(coder):
    assert re.fullmatch(r"2\.0\+corpus\.[0-9a-f]{8}(\.rev\.[0-9a-f]{8})?", coder.version)
    assert coder.code([CLEAR["admin"]])[0].coder == f"auto:{coder.version}"


def test_empty_batch_gives_no_codings(coder):
    assert coder.code([]) == []


def test_fit_is_deterministic_and_estimator_shaped():
    from scatlas.coding.coder import HybridCoder

    texts = list(CLEAR.values()) * 3
    labels = list(CLEAR) * 3
    a = HybridCoder(cv=3).fit(texts, labels)
    b = HybridCoder(cv=3).fit(texts, labels)
    assert a is not None and list(a.classes_) == sorted(CLEAR)
    assert (a.domain_model_.coef_ == b.domain_model_.coef_).all() and a.temperature_ == b.temperature_
    assert list(a.predict(list(CLEAR.values()))) == list(CLEAR)
