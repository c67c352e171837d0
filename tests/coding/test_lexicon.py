"""The codebook lexicon: keyword hits, technology aliases, target groups."""

from __future__ import annotations

from scatlas.coding.lexicon import default_lexicon


def test_domain_keywords_ignore_spacing():
    hits = default_lexicon().hits("독거 노인 돌봄과 원격 진료")
    assert "돌봄" in hits.domains["welfare"]


def test_technology_aliases_map_to_codebook_ids():
    hits = default_lexicon().hits("와이파이 접속 로그와 사물인터넷 센서, 지능형 영상분석, 증강현실 안내")
    assert {"WiFi", "IoT", "센서", "AI", "AR/VR"} <= set(hits.technologies)


def test_short_acronyms_match_only_as_words():
    lex = default_lexicon()
    assert "AR/VR" not in lex.hits("CARE 서비스와 PARKING 안내").technologies
    assert "AR/VR" in lex.hits("AR 역사 체험").technologies


def test_target_groups_default_to_general():
    lex = default_lexicon()
    assert lex.target_groups(lex.hits("도로 포트홀 신고")) == ["일반"]
    assert lex.target_groups(lex.hits("어르신과 어린이 통학 안전")) == ["노인", "아동"]


def test_guide_rules_for_implied_and_excluded_technologies():
    lex = default_lexicon()
    assert "AI" not in lex.hits("지능형교통체계(ITS) 구축으로 교통 정보 수집").technologies
    assert "AI" in lex.hits("지능형 CCTV 선별관제").technologies
    assert "AI" not in lex.hits("구제역·AI 등 가축 전염병 차단 방역").technologies
    assert "센서" in lex.hits("하천 수위계로 범람 위험 감지").technologies
    assert "모바일앱" in lex.hits("주차면 정보를 앱으로 안내").technologies
    assert "CCTV" in lex.hits("번호판 인식 카메라로 체납 차량 확인").technologies
