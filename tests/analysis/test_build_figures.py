"""Every figure of analysis.json on the hand-worked catalogue of conftest.SMALL (10 services, 3 plans)."""

from __future__ import annotations

import math

import pytest
from scipy.spatial.distance import jensenshannon

from scatlas.analysis import build_analysis


@pytest.fixture
def analysis(small_catalogue):
    return build_analysis(small_catalogue)


def by(key, items):
    return {i[key]: i for i in items}


def test_totals_count_plans_municipalities_services_and_unlabelled(analysis):
    assert analysis["totals"] == {"plans": 3, "municipalities": 3, "services": 10, "unlabelled": 1}
    assert analysis["unlabelled"] == {"count": 1, "share": 0.1}


def test_domain_table_lists_all_twelve_with_min_ranks_and_shares_of_all_services(analysis):
    d = by("domain_id", analysis["domains"])
    assert len(analysis["domains"]) == 12
    # transport 3, safety 3 (tie → both rank 1), environment 2, admin 1 (declared 행정 wins over auto 교통)
    assert (d["transport"]["count"], d["transport"]["share"], d["transport"]["rank"]) == (3, 0.3, 1)
    assert (d["safety"]["count"], d["safety"]["rank"]) == (3, 1)
    assert (d["environment"]["count"], d["environment"]["share"], d["environment"]["rank"]) == (2, 0.2, 3)
    assert (d["admin"]["count"], d["admin"]["rank"]) == (1, 4)
    assert all(d[z]["count"] == 0 and d[z]["rank"] == 5 for z in ("welfare", "logistics", "other"))
    assert d["safety"]["domain"] == "방범·방재"


def test_basis_switch_relabels_and_counts_missing_labels_as_unlabelled(small_catalogue):
    auto = by("domain_id", build_analysis(small_catalogue, "auto")["domains"])
    assert auto["transport"]["count"] == 4 and auto["admin"]["count"] == 0
    declared = build_analysis(small_catalogue, "declared")
    assert by("domain_id", declared["domains"])["admin"]["count"] == 1
    assert declared["totals"]["unlabelled"] == 9 and declared["totals"]["services"] == 10


def test_by_municipality_gives_counts_for_every_domain(analysis):
    m = by("municipality", analysis["by_municipality"])
    assert [x["municipality"] for x in analysis["by_municipality"]] == ["고양시", "목포시", "창원시"]
    assert m["목포시"]["services"] == 4
    assert m["목포시"]["domains"]["transport"] == 1 and m["목포시"]["domains"]["unlabelled"] == 1
    assert m["창원시"]["domains"]["admin"] == 1 and m["창원시"]["domains"]["welfare"] == 0
    assert m["고양시"]["shares"]["environment"] == pytest.approx(1 / 3)


def test_transport_subtypes_have_shares_of_the_domain(analysis):
    t = by("subtype", analysis["subtypes"]["transport"])
    assert [x["subtype"] for x in analysis["subtypes"]["transport"]] == [
        "new_mobility_infra",
        "parking",
        "personal_mobility",
        "traffic_info",
    ]
    assert t["traffic_info"]["count"] == 2 and t["traffic_info"]["share"] == pytest.approx(2 / 3)
    assert t["parking"]["count"] == 1 and t["traffic_info"]["rank"] == 1 and t["personal_mobility"]["rank"] == 3
    # the declared 행정 service keeps no transport sub-type: it shows as 미분류 under 행정
    admin = analysis["subtypes"]["admin"]
    assert admin[-1]["subtype"] is None and admin[-1]["count"] == 1 and admin[-1]["share"] == 1.0


def test_function_shares_overall_and_per_domain(analysis):
    f = by("function", analysis["functions"])
    assert (f["정보제공"]["count"], f["문제해결"]["count"], f["기반구축"]["count"]) == (6, 2, 1)
    assert f[None]["count"] == 1 and f["정보제공"]["share"] == 0.6
    env = by("function", analysis["functions_by_domain"]["environment"])
    assert env["정보제공"]["share"] == 0.5 and env["문제해결"]["share"] == 0.5


def test_target_groups_and_technologies(analysis):
    g = by("target_group", analysis["target_groups"])
    assert g["일반"]["count"] == 6 and g["노인"]["count"] == 1 and g["아동"]["count"] == 1
    assert g["농어민"]["share"] == 0.1 and g[None]["count"] == 1
    techs = analysis["technologies"]
    assert techs[0] == {
        "technology": "IoT",
        "count": 6,
        "share": 0.6,
        "domains": {"transport": 2, "environment": 2, "safety": 2},
    }
    assert {t["technology"]: t["count"] for t in techs} == {"IoT": 6, "CCTV": 1, "GPS": 1, "WiFi": 1, "비콘": 1}
    m = analysis["technology_domains"]
    row = m["counts"][m["technologies"].index("CCTV")]
    assert row[m["domains"].index("admin")] == 1 and sum(row) == 1


def test_archetypes_join_same_and_near_identical_names_across_municipalities(analysis):
    arch = analysis["archetypes"]
    assert [(a["id"], a["municipalities"]) for a in arch] == [("A001", 3), ("A002", 2)]
    assert arch[0]["label"] == "스마트버스정류장"
    assert {m["name"] for m in arch[0]["members"]} == {"스마트 버스정류장", "스마트버스정류장", "스마트 버스 정류장"}
    assert arch[1]["label"] == "미세먼지 알리미"
    assert [(m["municipality"], m["name"]) for m in arch[1]["members"]] == [
        ("고양시", "미세먼지 알리미"),
        ("목포시", "미세먼지 알리미 서비스"),
    ]
    assert analysis["archetype_summary"]["services_in_archetypes"] == 5


def test_distinctiveness_counts_unique_few_and_generic_services(analysis):
    d = by("municipality", analysis["distinctiveness"])
    # 3 municipalities: generic = planned by ≥3, few = by ≤2. 고양: 슈즈 unique, 알리미 few, 버스 generic
    assert (d["고양시"]["unique"], d["고양시"]["few"], d["고양시"]["generic"]) == (1, 1, 1)
    assert d["고양시"]["index"] == pytest.approx(2 / 3)
    assert (d["창원시"]["unique"], d["창원시"]["few"], d["창원시"]["generic"]) == (2, 0, 1)
    assert d["목포시"]["index"] == 0.75
    top = d["창원시"]["most_distinctive"]
    assert {s["name"] for s in top} == {"어린이 안심통학", "불법주정차 단속"}  # its two unique services
    assert [s["best_match_elsewhere"] for s in top] == sorted(s["best_match_elsewhere"] for s in top)
    assert all(s["best_match_elsewhere"] < 1.0 for s in top)  # below the join threshold by definition


def test_concentration_hhi_entropy_and_js_distance_per_plan(analysis):
    c = by("municipality", analysis["concentration"])
    for muni in ("고양시", "창원시", "목포시"):
        assert c[muni]["hhi"] == pytest.approx(1 / 3, abs=1e-4)
        assert c[muni]["entropy"] == pytest.approx(math.log(3) / math.log(12), abs=1e-4)
    overall = [1, 3, 0, 2, 3, 0, 0, 0, 0, 0, 0, 0]  # admin, transport, welfare, environment, safety, …
    goyang = [0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    changwon = [1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    assert c["고양시"]["js_distance"] == pytest.approx(jensenshannon(goyang, overall, base=2), abs=1e-4)
    assert c["창원시"]["js_distance"] == pytest.approx(jensenshannon(changwon, overall, base=2), abs=1e-4)
    assert c["목포시"]["labelled"] == 3 and c["목포시"]["services"] == 4


def test_similarity_matrix_of_domain_mixes_and_shared_archetypes(analysis):
    s = analysis["similarity"]
    assert s["municipalities"] == ["고양시", "목포시", "창원시"]
    assert s["domain_cosine"][0][2] == pytest.approx(2 / 3, abs=1e-4)
    assert s["domain_cosine"][0][1] == 1.0
    assert s["archetype_jaccard"][0][2] == 0.5 and s["archetype_jaccard"][0][1] == 1.0


def test_declared_vs_coded_lists_disagreements_with_rationale(analysis):
    (d,) = analysis["declared_vs_coded"]
    assert (d["name"], d["declared_domain"], d["coded_domain"], d["rationale"]) == (
        "불법주정차 단속",
        "행정",
        "교통",
        "주정차, 단속",
    )
    assert analysis["consistency"]["compared"] == 1 and analysis["consistency"]["agreement"] == 0.0


def test_trends_compare_the_two_plan_periods(analysis):
    t = analysis["trends"]
    assert t["available"] and (t["first"], t["last"]) == ("2019–2023", "2024–2028")
    d = by("domain_id", t["domains"])
    assert d["transport"]["shares"] == {"2019–2023": pytest.approx(2 / 6), "2024–2028": 0.25}
    assert d["transport"]["change_pp"] == -8.3 and d["environment"]["change_pp"] == 8.3


def test_reference_puts_published_figures_beside_ours_and_leaves_unknown_empty(analysis):
    ref = analysis["reference"]
    fig = by("key", ref["figures"])
    assert fig["totals.services"]["reference"] == 295 and fig["totals.services"]["ours"] == 10
    assert fig["domain.safety.share"]["ours"] == 0.3 and fig["domain.safety.share"]["difference"] == 0.1
    dom = by("domain_id", ref["domains"])
    assert dom["welfare"]["reference_count"] is None  # not published: unknown, never guessed
    assert dom["safety"]["reference_count"] == 59 and dom["safety"]["reference_count_status"] == "published"


def test_per_municipality_and_period_tables_carry_ranks_and_the_other_dimensions(analysis):
    m = by("municipality", analysis["by_municipality"])["창원시"]
    assert m["ranks"]["admin"] == 1 and m["ranks"]["transport"] == 1 and m["ranks"]["welfare"] == 4
    assert m["functions"] == {"정보제공": 2, "문제해결": 1}
    assert m["target_groups"] == {"일반": 2, "아동": 1}
    assert m["technologies"]["IoT"] == 2 and m["subtypes"] == {"traffic_info": 1, "vulnerable_safety": 1}
    p = by("period", analysis["by_period"])["2024–2028"]
    assert p["services"] == 4 and p["domains"]["unlabelled"] == 1 and p["ranks"]["safety"] == 1
