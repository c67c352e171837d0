"""Correcting the service list: every change logged (who, when, what, why), undoable, and kept over a re-ingest."""

from __future__ import annotations

import pytest
from tests.builders import make_plan, make_source

from scatlas.catalogue import Catalogue
from scatlas.catalogue.edits import ServiceEditor, history
from scatlas.errors import CatalogueError
from scatlas.records import CodingRecord

NAMES = ("스마트 버스정류장", "지능형 CCTV", "스마트 가로등 / 스마트 벤치", "주차 공유")


@pytest.fixture
def cat(tmp_path):
    with Catalogue.open(tmp_path / "c.db") as catalogue:
        catalogue.import_source(make_source(sha="a" * 64, path="/p/mokpo.csv"), [make_plan(names=NAMES)])
        yield catalogue


def _ids(cat):
    return {s["name"]: s["service_id"] for s in cat.services()}


def _human(cat, service_id, domain="transport"):
    return cat.add_coding(service_id, CodingRecord(domain, coder="human:kim", confidence=1.0))


def test_add_edit_and_their_log_with_who_when_what_why(cat):
    editor = ServiceEditor(cat, "kim")
    plan_id = cat.plans()[0]["id"]
    new = editor.add(plan_id, "스마트 쉼터", "냉난방 쉼터", page=12, reason="목차에만 있던 서비스")
    editor.edit(new, name="스마트 그늘막 쉼터", reason="본문 표기")
    assert cat.service(new)["name"] == "스마트 그늘막 쉼터" and cat.service(new)["page"] == 12
    log = history(cat, new)
    assert [(e.action, e.editor, e.reason) for e in log] == [
        ("edit", "human:kim", "본문 표기"),
        ("add", "human:kim", "목차에만 있던 서비스"),
    ]
    assert log[0].before["name"] == "스마트 쉼터" and log[0].after == {"name": "스마트 그늘막 쉼터"}
    assert log[0].created_at.endswith("+00:00")


def test_delete_keeps_the_service_in_history_and_restore_brings_it_back_with_codings(cat):
    ids = _ids(cat)
    coding_id = _human(cat, ids["지능형 CCTV"], "safety")
    editor = ServiceEditor(cat, "kim")
    editor.delete(ids["지능형 CCTV"], reason="사례 소개, 계획 서비스 아님")
    assert "지능형 CCTV" not in _ids(cat) and cat.counts()["services"] == 3
    editor.restore(ids["지능형 CCTV"], reason="다시 보니 계획 서비스")
    assert _ids(cat)["지능형 CCTV"] == ids["지능형 CCTV"]
    assert [c["id"] for c in cat.coding_history(ids["지능형 CCTV"])] == [coding_id]
    assert cat.service(ids["지능형 CCTV"])["domain_id"] == "safety"


def test_merge_carries_human_codings_and_history_and_undo_separates_them(cat):
    ids = _ids(cat)
    editor = ServiceEditor(cat, "lee")
    editor.edit(ids["주차 공유"], description="거주자 우선주차면 공유", reason="설명 보완")
    coding_id = _human(cat, ids["주차 공유"], "transport")
    editor.merge(ids["스마트 버스정류장"], [ids["주차 공유"]], reason="중복")
    kept = cat.service(ids["스마트 버스정류장"])
    assert "주차 공유" not in _ids(cat) and "거주자 우선주차면 공유" in kept["description"]
    assert coding_id in [c["id"] for c in cat.coding_history(ids["스마트 버스정류장"])]
    assert {e.action for e in history(cat, ids["스마트 버스정류장"])} == {"merge", "edit"}
    undone = editor.undo()
    assert undone.action == "merge"
    assert _ids(cat)["주차 공유"] == ids["주차 공유"]
    assert [c["id"] for c in cat.coding_history(ids["주차 공유"]) if c["coder"].startswith("human:")] == [coding_id]
    assert cat.service(ids["스마트 버스정류장"])["description"] == "스마트 버스정류장 설명"


def test_split_a_cell_holding_two_services_and_undo_it(cat):
    ids = _ids(cat)
    editor = ServiceEditor(cat, "kim")
    first, second = editor.split(
        ids["스마트 가로등 / 스마트 벤치"],
        [("스마트 가로등", "LED"), ("스마트 벤치", "충전")],
        reason="한 칸에 두 서비스",
    )
    names = [s["name"] for s in cat.services(order_by="position")]
    assert names == ["스마트 버스정류장", "지능형 CCTV", "스마트 가로등", "스마트 벤치", "주차 공유"]
    assert first == ids["스마트 가로등 / 스마트 벤치"]
    editor.undo()
    assert [s["name"] for s in cat.services(order_by="position")] == list(NAMES)
    assert cat.service(second) is None


def test_move_to_another_plan_and_undo_refuses_out_of_order(cat):
    cat.import_source(make_source(sha="b" * 64, path="/p/suncheon.csv"), [make_plan("순천시", ("자율주행 셔틀",))])
    ids = _ids(cat)
    suncheon = next(p["id"] for p in cat.plans() if p["municipality"] == "순천시")
    editor = ServiceEditor(cat, "kim")
    editor.move(ids["주차 공유"], suncheon, reason="순천시 서비스")
    assert cat.service(ids["주차 공유"])["municipality"] == "순천시"
    editor.edit(ids["주차 공유"], page=3)
    move_edit = history(cat, ids["주차 공유"])[1]
    with pytest.raises(CatalogueError, match="그것부터"):
        editor.undo(move_edit.id)
    editor.undo()
    editor.undo()
    assert cat.service(ids["주차 공유"])["municipality"] == "목포시"


def test_review_decision_can_be_undone_and_is_logged(cat):
    ids = _ids(cat)
    coding_id = _human(cat, ids["지능형 CCTV"], "safety")
    editor = ServiceEditor(cat, "kim")
    removed = editor.uncode(ids["지능형 CCTV"], reason="잘못 누름")
    assert removed["id"] == coding_id and cat.service(ids["지능형 CCTV"])["human_coder"] is None
    editor.undo()
    assert cat.service(ids["지능형 CCTV"])["domain_id"] == "safety"


def test_every_human_edit_survives_a_reingest_of_the_changed_file(cat):
    ids = _ids(cat)
    editor = ServiceEditor(cat, "kim")
    plan_id = cat.plans()[0]["id"]
    added = editor.add(plan_id, "스마트 쉼터", reason="누락")
    editor.edit(ids["스마트 버스정류장"], name="스마트 BIS 정류장", reason="정식 명칭")
    coding_id = _human(cat, ids["스마트 버스정류장"], "transport")
    editor.delete(ids["지능형 CCTV"], reason="사례")
    editor.split(ids["스마트 가로등 / 스마트 벤치"], [("스마트 가로등", ""), ("스마트 벤치", "")])
    # the file changes: descriptions rewritten, one new service; re-ingested under the same path
    plan = make_plan(names=(*NAMES, "스마트 횡단보도"))
    for service in plan.services:
        service.description = service.description + " (개정)"
    result = cat.import_source(make_source(sha="c" * 64, path="/p/mokpo.csv"), [plan])
    assert result.status == "replaced"
    now = {s["name"]: s for s in cat.services()}
    assert "지능형 CCTV" not in now  # deleted stays deleted
    assert now["스마트 BIS 정류장"]["service_id"] == ids["스마트 버스정류장"]  # rename kept, same id
    assert now["스마트 BIS 정류장"]["description"] == "스마트 버스정류장 설명 (개정)"  # unedited field refreshed
    assert coding_id in [c["id"] for c in cat.coding_history(ids["스마트 버스정류장"])]
    assert now["스마트 가로등"]["service_id"] == ids["스마트 가로등 / 스마트 벤치"] and "스마트 벤치" in now
    assert now["스마트 쉼터"]["service_id"] == added
    assert "스마트 횡단보도" in now
    assert cat.counts()["plans"] == 1 and cat.counts()["sources"] == 1
