"""An inventory with the reference study's published counts gives back the study's figures exactly."""

from __future__ import annotations

import pytest
from tests.analysis.builders import study_inventory

from scatlas.analysis import build_analysis


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    cat = study_inventory(tmp_path_factory.mktemp("study") / "study.db")
    yield build_analysis(cat)
    cat.close()


def test_safety_is_59_services_and_20_percent_ranked_first(study):
    safety = next(d for d in study["domains"] if d["domain_id"] == "safety")
    assert (safety["count"], safety["rank"]) == (59, 1)
    assert safety["share"] == pytest.approx(0.2) and f"{safety['share']:.1%}" == "20.0%"


def test_admin_ranks_fourth_and_logistics_last(study):
    d = {x["domain_id"]: x for x in study["domains"]}
    assert d["admin"]["rank"] == 4 and f"{d['admin']['share']:.1%}" == "10.8%"
    assert d["logistics"]["rank"] == 12 and f"{d['logistics']['share']:.1%}" == "0.7%"
    assert study["totals"]["services"] == 295 and study["totals"]["plans"] == 10


def test_traffic_info_is_40_percent_of_transport(study):
    t = {x["subtype"]: x for x in study["subtypes"]["transport"]}
    assert t["traffic_info"]["count"] == 20 and t["traffic_info"]["share"] == pytest.approx(0.4)


def test_every_published_figure_matches_the_reference(study):
    for f in study["reference"]["figures"]:
        if f["key"].endswith(".share"):
            assert f["ours"] == pytest.approx(f["reference"], abs=0.0006), f["key"]
        else:
            assert f["ours"] == f["reference"], f["key"]
