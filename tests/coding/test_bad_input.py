"""Bad input gets an honest low-confidence coding, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scatlas.taxonomy import DOMAIN_ORDER

from .conftest import svc

_IDS = {d for d, _ in DOMAIN_ORDER}


def test_empty_service_has_low_confidence(coder):
    coding = coder.code([svc("", "")])[0]
    assert coding.domain_id in _IDS
    assert coding.confidence < 0.5
    assert "근거 부족" in coding.rationale


def test_english_only_and_one_word_are_less_confident_than_a_clear_case(coder):
    clear, english, one = coder.code(
        [
            svc("지능형 방범 CCTV", "범죄 취약지역 방범 CCTV 설치"),
            svc("Smart service", "A platform for the future city"),
            svc("플랫폼", ""),
        ]
    )
    assert english.confidence < clear.confidence and one.confidence < clear.confidence


def test_ten_thousand_character_description_is_coded(coder):
    long = "□ 버스 정류장 도착 정보 안내 | --- | <td>표</td> " * 250
    coding = coder.code([svc("정류장", long[:10_000])])[0]
    assert coding.domain_id == "transport"


noise = st.text(alphabet=st.sampled_from(list("□○※▶Ÿ①②|-=<>/ptdl &;0123456789abcXYZ가나다 \n\t")), max_size=200)
any_text = st.one_of(noise, st.text(max_size=300), st.just(""), st.text(alphabet="가각간갇갈", max_size=3))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=any_text, description=any_text)
def test_any_input_gets_a_valid_coding(coder, name, description):
    coding = coder.code([svc(name, description)])[0]
    assert coding.domain_id in _IDS
    assert 0.0 <= coding.confidence <= 1.0
    assert len(coding.top2) == 2 and coding.rationale
