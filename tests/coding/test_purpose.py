"""Where the purpose is written: the name's head and the main clause (guide P2, P3)."""

from __future__ import annotations

from scatlas.coding.features import analyse_with_offsets_lazily
from scatlas.coding.purpose import bounds, has_head, head_words, purpose_features, purpose_text
from scatlas.coding.text import service_text


def _features(name: str, description: str) -> tuple[str, list[str]]:
    text = service_text(name, description)
    feats, starts = next(iter(analyse_with_offsets_lazily([text])))
    return text, purpose_features(text, feats, starts)


def test_bounds_split_name_and_first_sentence():
    text = service_text("스마트 버스정류장", "정류장에 냉난방기를 설치했다. 미세먼지 측정기도 달았다.")
    name_end, main_end = bounds(text)
    assert text[:name_end] == "스마트 버스정류장"
    assert text[name_end + 2 : main_end].strip() == "정류장에 냉난방기를 설치했다."
    assert bounds("이름만") == (3, 3)


def test_head_is_the_last_strong_word_of_the_name():
    assert head_words(["미세먼지", "알리미", "버스", "정류장", "버스정류장"]) == ["정류장", "버스정류장"]
    assert head_words(["CCTV", "설치", "사업"]) == []  # a technology and generic tails: no head
    assert head_words(["어르신", "돌봄", "서비스"]) == ["돌봄"]


def test_components_of_the_description_get_no_purpose_features():
    text, feats = _features(
        "스마트 버스정류장", "버스 도착 정보를 안내하는 정류장이다. 미세먼지 측정기와 공기청정기를 갖추었다."
    )
    assert "H:버스정류장" in feats and "M:도착" in feats
    assert not any(f.endswith("미세먼지") for f in feats)  # a listed component: only in the whole-text bag
    assert "미세먼지" not in purpose_text(text)


def test_weak_words_never_become_purpose_features():
    _, feats = _features("어린이보호구역 CCTV 설치", "학교 앞 CCTV로 과속 차량을 단속한다.")
    assert not [f for f in feats if f.endswith(("CCTV", "학교"))]
    assert "M:과속" in feats


def test_a_vague_name_has_no_head():
    text = service_text("스마트 서비스", "")
    feats, starts = next(iter(analyse_with_offsets_lazily([text])))
    assert not has_head(text, feats, starts)
    text = service_text("스마트 교량 관리", "")
    feats, starts = next(iter(analyse_with_offsets_lazily([text])))
    assert has_head(text, feats, starts)
