"""The review queue driven by piped input on a real catalogue; training that picks up reviewed codings."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from scatlas.catalogue import Catalogue
from scatlas.cli import app
from scatlas.coding.corpus import load_corpus, real_test_split
from scatlas.records import PlanRecord, ServiceRecord, SourceRecord

runner = CliRunner()


@pytest.fixture
def filled_db(tmp_path: Path, coder) -> Path:
    db = tmp_path / "scatlas.db"
    services = [
        ServiceRecord("스마트 버스정류장", "버스 도착 정보와 냉난방 시설을 갖춘 정류장", position=0),
        ServiceRecord("스마트 가로등", "가로등", position=1),
        ServiceRecord(
            "어린이 안심 통학", "[대상] 어린이 [/] 위치를 보호자에게 알림", declared_domain="교통", position=2
        ),
    ]
    plan = PlanRecord("목포시", title="목포시 스마트도시계획", period=(2023, 2027), services=services)
    with Catalogue.open(db) as cat:
        cat.import_source(SourceRecord("/plans/p.csv", "p.csv", "a" * 64, "csv", None, 1), [plan], coder=coder)
    return db


def _queue_ids(db: Path) -> list[int]:
    with Catalogue.open(db) as cat:
        return [r["service_id"] for r in cat.review_queue()]


def test_review_queue_puts_declared_vs_coded_disagreement_first(filled_db):
    with Catalogue.open(filled_db) as cat:
        first = cat.review_queue()[0]
    assert first["name"] == "어린이 안심 통학" and first["auto_domain_id"] != "transport"


def test_review_accept_and_change_domain_with_piped_input(filled_db):
    order = _queue_ids(filled_db)
    # first in the queue: change domain to 2 (교통) with sub-type 1; second: accept; third: quit
    result = runner.invoke(app, ["review", "--db", str(filled_db), "--coder", "kim"], input="d\n2\n1\na\nq\n")
    assert result.exit_code == 0, result.output
    assert "1 accepted, 1 changed" in result.output
    assert "[a]ccept" in result.output and "[q]uit" in result.output  # the keys are shown, not eaten as markup
    with Catalogue.open(filled_db) as cat:
        human = cat.latest_codings("human:kim")
        assert len(human) == 2
        changed, accepted = human[order[0]], human[order[1]]
        assert changed["rationale"] == "검토자 수정" and accepted["rationale"] == "검토자 승인"
        assert accepted["domain_id"] == cat.service(order[1])["domain_id"]
        assert changed["domain_id"] == "transport" and changed["subtype"] == "new_mobility_infra"
        history = cat.coding_history(changed["service_id"])
        assert [h["coder"].split(":")[0] for h in history] == ["human", "auto"]  # the auto coding is kept
        assert cat.service(changed["service_id"])["domain_id"] == "transport"


def test_review_change_function_and_end_of_input(filled_db):
    result = runner.invoke(app, ["review", "--db", str(filled_db), "--coder", "lee"], input="s\nf\n3\n")
    assert result.exit_code == 0, result.output
    with Catalogue.open(filled_db) as cat:
        (coding,) = cat.latest_codings("human:lee").values()
        assert coding["function"] == "기반구축"


def test_review_rejects_bad_keys_until_a_valid_one(filled_db):
    result = runner.invoke(
        app, ["review", "--db", str(filled_db), "--coder", "park", "--limit", "1"], input="x\nd\n99\n5\n\n"
    )
    assert result.exit_code == 0, result.output
    with Catalogue.open(filled_db) as cat:
        (coding,) = cat.latest_codings("human:park").values()
        assert coding["domain_id"] == "safety" and coding["subtype"] is None


def test_agreement_between_auto_and_a_reviewer(filled_db):
    runner.invoke(app, ["review", "--db", str(filled_db), "--coder", "kim"], input="a\na\na\n")
    result = runner.invoke(
        app, ["agreement", "--db", str(filled_db), "--coder", "auto", "--coder", "human:kim", "--json"]
    )
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.output)
    assert data["services"] == 3
    assert {d["dimension"] for d in data["dimensions"]} == {
        "domain",
        "subtype",
        "function",
        "target_groups",
        "technologies",
    }


@pytest.mark.slow
def test_train_include_reviewed_learns_a_human_coding(filled_db, tmp_path):
    from scatlas.coding.store import reviewed_items

    with Catalogue.open(filled_db) as cat:
        first = cat.review_queue()[0]
    runner.invoke(app, ["review", "--db", str(filled_db), "--coder", "kim", "--limit", "1"], input="d\n9\n\n")
    with Catalogue.open(filled_db) as cat:
        items = reviewed_items(cat)
    assert [(i.name, i.domain_id) for i in items] == [(first["name"], "logistics")]
    out = tmp_path / "model.pkl.gz"
    result = runner.invoke(app, ["train", "--include-reviewed", "--db", str(filled_db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())  # Rich wraps long lines
    assert "+ 1 reviewed codings" in output
    assert "real-text test split" in output or not real_test_split(load_corpus())
    assert out.is_file()
    import gzip
    import pickle

    with gzip.open(out) as fh:
        trained = pickle.load(fh)["coder"]
    assert ".rev." in trained.version
