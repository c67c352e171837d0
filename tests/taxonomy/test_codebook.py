import json

import pytest

from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook
from scatlas.taxonomy.codebook import _validate


def test_codebook_has_the_twelve_domains_of_design_in_order_with_definitions():
    book = load_codebook()
    assert [(d.id, d.name) for d in book.domains] == list(DOMAIN_ORDER)
    assert all(d.definition and d.decree_examples for d in book.domains)


def test_transport_has_the_studys_four_groups():
    ids = {s.id for s in load_codebook().subtypes_of("transport")}
    assert {"new_mobility_infra", "parking", "personal_mobility", "traffic_info"} <= ids


@pytest.mark.parametrize("domain_id", ["transport", "environment", "safety", "welfare", "admin"])
def test_major_domains_have_at_least_three_subtypes(domain_id):
    assert len(load_codebook().subtypes_of(domain_id)) >= 3


def test_vocabularies_match_design():
    book = load_codebook()
    assert tuple(book.functions) == FUNCTIONS
    assert tuple(book.target_groups) == TARGET_GROUPS
    assert {
        "IoT",
        "CCTV",
        "AI",
        "빅데이터",
        "비콘",
        "GPS",
        "드론",
        "AR/VR",
        "자율주행",
        "WiFi",
        "RFID",
        "디지털트윈",
        "블록체인",
        "5G",
    } <= set(book.technologies)


def test_a_codebook_that_renames_a_domain_is_rejected():
    from importlib import resources

    raw = json.loads(resources.files("scatlas.data").joinpath("codebook.json").read_text(encoding="utf-8"))
    raw["domains"][4]["name"] = "방범/방재"
    with pytest.raises(ValueError, match=r"differs from docs/contracts\.md"):
        _validate(raw)
