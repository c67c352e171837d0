"""Cleaning plan text: noise goes, words and acronyms stay, Hangul is NFC."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from scatlas.coding.text import MAX_CHARS, clean_text, service_text


def test_bullets_and_numbering_are_removed():
    raw = "□ 스마트 버스정류장\n ○ 서비스 개요\n ※ 참고 ▶ 주요 기능 Ÿ 실시간 안내 ① 첫째 1) 둘째 (2) 셋째 가. 넷째 나) 다섯째"
    assert clean_text(raw) == "스마트 버스정류장 서비스 개요 참고 주요 기능 실시간 안내 첫째 둘째 셋째 넷째 다섯째"


def test_html_tags_and_entities_are_removed():
    raw = '<ul style="x"><li>• 무료 WiFi&nbsp;접속 로그 분석</li></ul><p>* 자료: 고양시</p>'
    out = clean_text(raw)
    assert "<" not in out and "&nbsp" not in out
    assert "무료 WiFi 접속 로그 분석" in out


def test_table_debris_and_captions_are_removed():
    raw = "〈표 4-1〉 서비스 목록 | 구분 | 서비스명 |\n|------|--------|\n┃ 교통 ┃ 스마트 횡단보도 ┃ (cid:123)"
    out = clean_text(raw)
    assert out == "서비스 목록 구분 서비스명 교통 스마트 횡단보도"


def test_words_ending_like_numbering_keep_their_syllables():
    # '증가.' ends with 가. but is a word, not the list marker 가.
    assert clean_text("이용자 증가. 다음 단계") == "이용자 증가. 다음 단계"


def test_latin_acronyms_are_kept_as_written():
    raw = "□ CCTV·IoT 기반 AI 분석, DRT 운행, BIS 연계, AR/VR 체험"
    out = clean_text(raw)
    for acronym in ("CCTV", "IoT", "AI", "DRT", "BIS", "AR/VR"):
        assert acronym in out


def test_decomposed_hangul_becomes_nfc():
    decomposed = unicodedata.normalize("NFD", "스마트 정류장")
    assert clean_text(decomposed) == "스마트 정류장"


def test_very_long_text_is_cut_at_a_word_boundary():
    out = clean_text("정류장 " * 5000)
    assert len(out) <= MAX_CHARS and out.endswith("정류장")


def test_service_text_joins_name_and_description():
    assert service_text("□ 스마트 쉼터", "① 냉난방") == "스마트 쉼터. 냉난방"
    assert service_text("스마트 쉼터", "") == "스마트 쉼터"


hangul_word = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=2, max_size=6)


@settings(max_examples=150)
@given(
    st.lists(hangul_word, min_size=1, max_size=12),
    st.lists(st.sampled_from(["□", "○", "※", "▶", "Ÿ", "①", "1)", "(3)", "<b>", "</p>", "|", "----"]), max_size=6),
)
def test_cleaning_never_loses_a_syllable_of_a_word(words, noise):
    text = " ".join(noise + words)
    out = clean_text(text)
    assert re.findall(r"[가-힣]+", out) == words
