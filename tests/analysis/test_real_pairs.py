"""Archetypes against labelled pairs of real services (data/pairs/real_*.csv; docs/analysis.md).

The settings in code must be the ones chosen on the tuning part (real_pairs_report.json is written by
`python -m scatlas.analysis.archetype_eval --choose --out …`), and the test part's figures are recomputed here.
"""

from __future__ import annotations

import json
from importlib import resources

import pytest

from scatlas.analysis import archetype_eval as E
from scatlas.analysis import archetypes as A
from scatlas.analysis import textsim


def _json(name: str) -> dict:
    return json.loads(resources.files("scatlas.data").joinpath(f"pairs/{name}").read_text(encoding="utf-8"))


def test_real_pairs_are_bundled_with_both_coders_and_their_agreement():
    services = E.load_services()
    pairs = E.load_pairs()
    ids = {s["id"] for s in services}
    assert len(pairs) >= 600 and len({p["pair_id"] for p in pairs}) == len(pairs)
    assert {p["label"] for p in pairs} == {"same", "related", "different"}
    assert all(p["a_id"] in ids and p["b_id"] in ids for p in pairs)
    assert sum(bool(p["label_a"] and p["label_b"]) for p in pairs) >= 0.9 * len(pairs)
    assert all(s["source_url"] and s["retrieved"] for s in services)
    agreement = _json("real_pairs_agreement.json")
    assert agreement["pairs"] == len(pairs)
    assert -1 <= agreement["kappa_three_labels"] <= 1 and -1 <= agreement["kappa_same_vs_not"] <= 1
    muni = {s["id"]: s["municipality"] for s in services}
    assert all(
        not muni[p["a_id"]] or muni[p["a_id"]] != muni[p["b_id"]] or muni[p["a_id"]] == "전국" for p in pairs
    )  # never two services of one municipality


def test_fixed_test_part_by_hash_of_the_pair_id():
    pairs = E.load_pairs()
    test, tune = E.load_pairs(part="test"), E.load_pairs(part="tune")
    assert len(test) + len(tune) == len(pairs) and 0.2 <= len(test) / len(pairs) <= 0.4
    assert all(p["split"] == A.pair_split(p["pair_id"]) for p in pairs)


def test_settings_in_code_are_the_ones_chosen_on_the_tuning_part():
    chosen = _json("real_pairs_report.json")["settings"]
    assert chosen == {
        "threshold": A.THRESHOLD,
        "name_threshold": A.NAME_THRESHOLD,
        "weak_link": A.WEAK_LINK,
        "kind_weight": textsim.KIND_WEIGHT,
        "text_weight": textsim.TEXT_WEIGHT,
        "kind_gate": textsim.KIND_GATE,
    }


@pytest.mark.slow
def test_test_part_figures_are_what_the_docs_report():
    recorded = _json("real_pairs_report.json")
    services, test = E.load_services(), E.load_pairs(part="test")
    q = E.group_quality(services, test)
    assert q["pairwise"] == pytest.approx(recorded["test"]["pairwise"], abs=0.011)
    assert q["bcubed"]["f1"] == pytest.approx(recorded["test"]["bcubed"]["f1"], abs=0.011)
    baseline = E.best_threshold(E.baseline_scores(services, test), test)
    assert baseline["f1"] == pytest.approx(recorded["baseline"]["test_best"]["f1"], abs=0.011)
