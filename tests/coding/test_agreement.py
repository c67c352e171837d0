"""Cohen's kappa and Krippendorff's alpha against hand-computed and published values."""

from __future__ import annotations

import math

import pytest

from scatlas.coding.agreement import coder_prefix, cohen_kappa, compare, krippendorff_alpha_nominal


def test_alpha_matches_krippendorffs_worked_example_with_missing_values():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers, 12 units, nominal α = 0.743
    n = None
    a = [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n]
    b = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3]
    c = [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n]
    d = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n]
    assert krippendorff_alpha_nominal(list(zip(a, b, c, d, strict=True))) == pytest.approx(0.743, abs=5e-4)


def test_alpha_matches_the_two_observer_binary_example():
    # Krippendorff's two-observer binary example: α = 0.095
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha_nominal(list(zip(a, b, strict=True))) == pytest.approx(0.095, abs=5e-4)


def test_alpha_by_hand_for_a_small_table():
    # units (x,x),(x,y),(y,y): coincidences o_xx=2, o_xy=o_yx=1, o_yy=2; n=6, n_x=n_y=3
    # α = 1 - (n-1)·D_o / Σ n_c n_k = 1 - 5·2 / (3·3·2) = 1 - 10/18
    assert krippendorff_alpha_nominal([("x", "x"), ("x", "y"), ("y", "y")]) == pytest.approx(1 - 10 / 18)


def test_alpha_is_one_for_perfect_agreement_and_undefined_without_variation():
    assert krippendorff_alpha_nominal([(1, 1), (2, 2), (3, 3)]) == pytest.approx(1.0)
    assert math.isnan(krippendorff_alpha_nominal([(1, 1), (1, 1)]))


def test_kappa_by_hand():
    # p_o = 4/6, p_e = 0.5·0.5 + 0.5·0.5 = 0.5 → κ = (2/3 - 1/2) / (1/2) = 1/3
    assert cohen_kappa([1, 1, 0, 0, 1, 0], [1, 0, 0, 0, 1, 1]) == pytest.approx(1 / 3)


def test_compare_per_dimension_with_multilabel_as_per_label_binary():
    a = {
        1: {
            "domain_id": "transport",
            "subtype": "parking",
            "function": "정보제공",
            "target_groups": "노인",
            "technologies": "IoT;CCTV",
        },
        2: {
            "domain_id": "safety",
            "subtype": None,
            "function": "문제해결",
            "target_groups": "일반",
            "technologies": "",
        },
        3: {"domain_id": "admin", "subtype": None, "function": "정보제공", "target_groups": "일반", "technologies": ""},
    }
    b = {
        1: {
            "domain_id": "transport",
            "subtype": "parking",
            "function": "문제해결",
            "target_groups": "노인;장애인",
            "technologies": "IoT",
        },
        2: {
            "domain_id": "safety",
            "subtype": "crime_prevention",
            "function": "문제해결",
            "target_groups": "일반",
            "technologies": "",
        },
        9: {"domain_id": "admin"},
    }
    dims = {d.dimension: d for d in compare(a, b)}
    assert dims["domain"].units == 2 and dims["domain"].percent == 1.0
    assert dims["subtype"].units == 1  # service 2: one coder left the sub-type blank
    assert dims["function"].percent == 0.5
    assert dims["target_groups"].units == 2 * 10 and dims["target_groups"].method == "per-label binary"
    assert dims["target_groups"].percent == pytest.approx(19 / 20)
    assert dims["technologies"].units == 2 * 2 and dims["technologies"].percent == pytest.approx(3 / 4)


def test_coder_names():
    assert coder_prefix("auto") == "auto:"
    assert coder_prefix("kim") == "human:kim"
    assert coder_prefix("human:lee") == "human:lee"
