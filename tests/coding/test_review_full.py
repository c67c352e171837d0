"""The terminal review covers every dimension, asks the sub-type again after a domain change, undoes the last
decision, filters the queue and has no cap."""

from __future__ import annotations

from rich.console import Console
from tests.builders import make_plan, make_source

from scatlas.catalogue import Catalogue
from scatlas.coding.review import run_review
from scatlas.records import CodingRecord


class FixedCoder:
    def code(self, services, subtype_within=None):
        return [
            CodingRecord("transport", "traffic_info", "정보제공", ["일반"], ["IoT"], 0.3, "test", "auto:test")
            for _ in services
        ]


def _catalogue(tmp_path, n=70):
    cat = Catalogue.open(tmp_path / "c.db")
    cat.import_source(
        make_source(sha="a" * 64, path="/p/a.csv"),
        [make_plan(names=tuple(f"서비스 {i}" for i in range(n)))],
        coder=FixedCoder(),
    )
    cat.import_source(
        make_source(sha="b" * 64, path="/p/b.csv"), [make_plan("순천시", ("자율주행 셔틀",))], coder=FixedCoder()
    )
    return cat


def _answers(*items):
    it = iter(items)
    return lambda prompt: next(it, None)


def _quiet():
    return Console(file=open("/dev/null", "w"), width=120)


def test_domain_change_asks_the_subtype_again_and_every_dimension_is_set(tmp_path):
    from scatlas.taxonomy import DOMAIN_ORDER, load_codebook

    with _catalogue(tmp_path) as cat:
        safety = [d for d, _ in DOMAIN_ORDER].index("safety") + 1
        subs = load_codebook().subtypes_of("safety")
        answers = ["d", str(safety)] + (["1"] if subs else []) + ["g", "2,3", "k", "CCTV;AI 영상분석", "q"]
        queue = [r["service_id"] for r in cat.review_queue(municipality="목포시")]
        summary = run_review(cat, "kim", _answers(*answers), _quiet(), municipality="목포시")
        assert summary.changed == 3  # each key stores a decision and moves on
        first = next(c for c in cat.coding_history(queue[0]) if c["coder"] == "human:kim")
        assert first["domain_id"] == "safety"
        assert first["subtype"] == (subs[0].id if subs else None)  # never the old 교통 sub-type
        assert cat.service(queue[1])["target_groups"] == "노인;아동"
        assert cat.service(queue[2])["technologies"] == "CCTV;AI 영상분석"


def test_undo_takes_back_the_last_decision_and_shows_the_service_again(tmp_path):
    with _catalogue(tmp_path) as cat:
        first = cat.review_queue()[0]["service_id"]
        summary = run_review(cat, "kim", _answers("a", "u", "s", "q"), _quiet())
        assert summary.accepted == 1 and summary.undone == 1 and summary.shown == 4  # shown again after undo
        assert cat.service(first)["human_coder"] is None
        from scatlas.catalogue.edits import history

        assert [e.action for e in history(cat, first)] == ["uncode"]


def test_queue_filters_and_has_no_cap(tmp_path):
    with _catalogue(tmp_path) as cat:
        assert len(cat.review_queue()) == 71  # no cap of 50
        assert [r["name"] for r in cat.review_queue(municipality="순천시")] == ["자율주행 셔틀"]
        assert len(cat.review_queue(domain_id="transport", max_confidence=0.3)) == 71
        assert cat.review_queue(max_confidence=0.1) == []
