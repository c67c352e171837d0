"""Several plans of one city: each visible, the latest counts unless a person chooses, duplicates flagged."""

from __future__ import annotations

from tests.builders import make_plan, make_source

from scatlas.catalogue import Catalogue
from scatlas.catalogue.edits import ServiceEditor
from scatlas.catalogue.plans import counted_plan_ids, duplicate_services, plan_overview


def _two_plans_of_one_city(cat):
    old = make_plan(names=("스마트 버스정류장", "지능형 CCTV"))
    old.period = (2019, 2023)
    new = make_plan(names=("스마트 버스정류장", "드론 배송"))
    new.period = (2024, 2028)
    cat.import_source(make_source(sha="a" * 64, path="/p/mokpo_2019.pdf"), [old])
    cat.import_source(make_source(sha="b" * 64, path="/p/mokpo_2024.pdf"), [new])
    cat.import_source(make_source(sha="c" * 64, path="/p/suncheon.pdf"), [make_plan("순천시", ("자율주행 셔틀",))])
    return {p["period_start"]: p["id"] for p in cat.plans() if p["municipality"] == "목포시"}


def test_latest_plan_counts_by_default_and_a_person_can_choose(tmp_path):
    with Catalogue.open(tmp_path / "c.db") as cat:
        ids = _two_plans_of_one_city(cat)
        overview = plan_overview(cat, "목포시")
        assert [(p["period_start"], p["counted"], p["rule"]) for p in overview] == [
            (2019, 0, "latest"),
            (2024, 1, "latest"),
        ]
        assert ids[2024] in counted_plan_ids(cat) and len(counted_plan_ids(cat)) == 2
        ServiceEditor(cat, "kim").choose_plan(ids[2019], True, reason="비교 연구는 2019년 계획 기준")
        assert [(p["counted"], p["rule"]) for p in plan_overview(cat, "목포시")] == [(1, "chosen"), (0, "latest")]
        ServiceEditor(cat, "kim").undo()
        assert [p["counted"] for p in plan_overview(cat, "목포시")] == [0, 1]


def test_the_same_service_in_two_plans_of_one_city_is_flagged(tmp_path):
    with Catalogue.open(tmp_path / "c.db") as cat:
        _two_plans_of_one_city(cat)
        dupes = duplicate_services(cat)
        assert [(d["municipality"], d["name"], len(d["services"])) for d in dupes] == [
            ("목포시", "스마트 버스정류장", 2)
        ]
        assert [p["duplicates"] for p in plan_overview(cat, "목포시")] == [1, 1]


def test_analysis_counts_one_plan_per_city_and_periods_see_both(tmp_path):
    from scatlas.analysis import build_analysis

    with Catalogue.open(tmp_path / "c.db") as cat:
        ids = _two_plans_of_one_city(cat)
        analysis = build_analysis(cat)
    assert analysis["totals"]["plans"] == 2 and analysis["totals"]["services"] == 3
    assert [p for _, p, _ in analysis["plans_not_counted"]] == [ids[2019]]
    assert {p["period"] for p in analysis["by_period"]} >= {"2019–2023", "2024–2028"}


def test_the_report_lists_the_plans_it_did_not_count(tmp_path):
    from scatlas.analysis import build_analysis
    from scatlas.report.html import render_html

    with Catalogue.open(tmp_path / "c.db") as cat:
        ids = _two_plans_of_one_city(cat)
        analysis = build_analysis(cat)
    html = render_html(analysis, {})
    section = html[html.index("집계하지 않은 계획") :]
    assert "목포시" in section[:3000] and f">{ids[2019]}<" in section[:3000]
