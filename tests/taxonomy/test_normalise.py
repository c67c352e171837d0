import pytest

from scatlas.errors import LabelError
from scatlas.taxonomy import DOMAIN_ORDER, domain_name, normalise_domain, try_normalise_domain

# Every spelling docs/contracts.md lists, plus the variants docs/plan-layouts.md and the study show.
ALIASES = {
    "방범·방재": "safety",
    "방범/방재": "safety",
    "방범・방재": "safety",
    "방범ㆍ방재": "safety",
    "방범,방재": "safety",
    "방범 방재": "safety",
    "방재·방범": "safety",
    "방재/방범": "safety",
    "방법·방재": "safety",
    "방법/방재": "safety",
    "방재": "safety",
    "방범": "safety",
    "방범‧방재": "safety",
    "시설물 관리": "facilities",
    "시설물관리": "facilities",
    "문화관광": "culture",
    "문화/관광/스포츠": "culture",
    "문화 관광 스포츠": "culture",
    "보건복지": "welfare",
    "보건/의료/복지": "welfare",
    "보건ㆍ의료ㆍ복지": "welfare",
    "환경에너지": "environment",
    "환경/에너지/수자원": "environment",
    "환경·에너지·수자원": "environment",
    "교통분야": "transport",
    "교통 분야": "transport",
    "스마트 교통": "transport",
    "행정": "admin",
    "근로/고용": "employment",
    "근로·고용": "employment",
    "주거": "housing",
    "기타": "other",
    "물류": "logistics",
    "교육": "education",
    "[교통]": "transport",
    "교통 부문": "transport",
    "방재／방범": "safety",
}


@pytest.mark.parametrize("label,expected", sorted(ALIASES.items()))
def test_every_listed_spelling_maps_to_its_domain(label, expected):
    assert normalise_domain(label) == expected


@pytest.mark.parametrize("domain_id,name", DOMAIN_ORDER)
def test_canonical_names_map_to_themselves(domain_id, name):
    assert normalise_domain(name) == domain_id
    assert domain_name(domain_id) == name


@pytest.mark.parametrize("junk", ["xyz", "스마트 안전", "안전", "산업", "12345"])
def test_a_label_outside_the_codebook_is_refused_with_the_label_in_the_message(junk):
    with pytest.raises(LabelError) as info:
        normalise_domain(junk)
    assert repr(junk) in str(info.value)
    assert try_normalise_domain(junk) is None


def test_a_label_spanning_two_domains_says_so():
    with pytest.raises(LabelError, match="mixes the domains"):
        normalise_domain("교통·환경")


@pytest.mark.parametrize("empty", ["", "   ", "·"])
def test_empty_labels_are_refused(empty):
    with pytest.raises(LabelError):
        normalise_domain(empty)
