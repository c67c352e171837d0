import sqlite3

import pytest
from tests.builders import make_plan, make_source

from scatlas.catalogue import Catalogue
from scatlas.catalogue.migrations import available_migrations
from scatlas.errors import CatalogueError
from scatlas.records import CodingRecord, PlanRecord, ServiceRecord


class FixedCoder:
    """A coder at the system edge: codes every service as the same domain."""

    def __init__(self, domain_id="transport", subtype="traffic_info"):
        self.domain_id, self.subtype = domain_id, subtype

    def code(self, services, subtype_within=None):
        return [
            CodingRecord(self.domain_id, self.subtype, "정보제공", ["일반"], [], 0.42, "test", "auto:test")
            for _ in services
        ]


def test_catalogue_file_is_wal_with_foreign_keys(catalogue):
    assert catalogue.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert catalogue.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    versions = [r[0] for r in catalogue.conn.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [v for v, _, _ in available_migrations()]


def test_reopening_applies_no_migration_twice(tmp_path):
    Catalogue.open(tmp_path / "c.db").close()
    with Catalogue.open(tmp_path / "c.db") as cat:
        assert cat.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(available_migrations())


def test_a_catalogue_from_a_newer_schema_is_refused(tmp_path):
    Catalogue.open(tmp_path / "c.db").close()
    conn = sqlite3.connect(tmp_path / "c.db")
    conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(CatalogueError, match="newer scatlas"):
        Catalogue.open(tmp_path / "c.db")


def test_reimporting_the_same_content_changes_nothing(catalogue):
    first = catalogue.import_source(make_source(), [make_plan()], coder=FixedCoder())
    before = catalogue.counts()
    second = catalogue.import_source(make_source(), [make_plan()], coder=FixedCoder())
    assert (first.status, second.status) == ("added", "unchanged")
    assert catalogue.counts() == before


def test_a_changed_file_replaces_its_plan_and_keeps_human_codings_by_name(catalogue):
    catalogue.import_source(
        make_source(sha="a" * 64), [make_plan(names=("스마트 버스정류장", "지능형 CCTV"))], coder=FixedCoder()
    )
    cctv = next(s for s in catalogue.services() if s["name"] == "지능형 CCTV")
    catalogue.add_coding(
        cctv["service_id"],
        CodingRecord("safety", "crime_prevention", "정보제공", ["일반"], ["CCTV"], 1.0, "reviewed", "human:kim"),
    )
    result = catalogue.import_source(
        make_source(sha="b" * 64), [make_plan(names=("지능형  CCTV", "드론 배송"))], coder=FixedCoder()
    )
    assert result.status == "replaced" and result.kept_human_codings == 1
    rows = {s["name"]: s for s in catalogue.services()}
    assert set(rows) == {"지능형  CCTV", "드론 배송"}
    assert rows["지능형  CCTV"]["domain_id"] == "safety" and rows["지능형  CCTV"]["coder"] == "human:kim"
    assert catalogue.counts()["sources"] == 1 and catalogue.counts()["plans"] == 1


def test_effective_coding_is_human_then_declared_then_auto(catalogue):
    plan = make_plan(names=("가", "나", "다"))
    plan.services[1].declared_domain = "방범·방재"
    plan.services[2].declared_domain = "방범·방재"
    catalogue.import_source(make_source(), [plan], coder=FixedCoder("transport", "traffic_info"))
    ids = [s["service_id"] for s in catalogue.services()]
    catalogue.add_coding(
        ids[2], CodingRecord("welfare", "elderly_care", "문제해결", ["노인"], [], 1.0, "", "human:lee")
    )
    rows = catalogue.services()
    assert [r["domain_id"] for r in rows] == ["transport", "safety", "welfare"]
    assert [r["coder"] for r in rows] == ["auto:test", "declared", "human:lee"]
    # auto's sub-type belongs to 교통, so it is not shown under the declared 방범·방재
    assert rows[0]["subtype"] == "traffic_info" and rows[1]["subtype"] is None
    assert rows[1]["function"] == "정보제공"  # other dimensions still come from the auto coding
    assert len(catalogue.coding_history(ids[2])) == 2


def test_add_coding_refuses_unknown_codes_and_services(catalogue):
    catalogue.import_source(make_source(), [make_plan()])
    sid = catalogue.services()[0]["service_id"]
    with pytest.raises(CatalogueError, match="belongs to transport"):
        catalogue.add_coding(sid, CodingRecord("safety", "parking", coder="human:kim"))
    with pytest.raises(CatalogueError, match="no service"):
        catalogue.add_coding(99999, CodingRecord("safety", coder="human:kim"))
    with pytest.raises(CatalogueError, match="coder must be"):
        catalogue.add_coding(sid, CodingRecord("safety", coder="kim"))
    with pytest.raises(CatalogueError, match="target group"):
        catalogue.add_coding(sid, CodingRecord("safety", target_groups=["학생"], coder="human:kim"))


def test_review_queue_puts_disagreements_then_low_confidence_first(catalogue):
    plan = make_plan(names=("가", "나", "다"))
    plan.services[2].declared_domain = "방범·방재"  # the coder says 교통: a disagreement
    catalogue.import_source(make_source(), [plan], coder=FixedCoder())
    queue = catalogue.review_queue()
    assert queue[0]["name"] == "다"
    catalogue.add_coding(queue[0]["service_id"], CodingRecord("safety", coder="human:kim"))
    assert "다" not in [r["name"] for r in catalogue.review_queue()]


def test_korean_substring_search_uses_trigram_index(catalogue):
    catalogue.import_source(make_source(), [make_plan(names=("스마트 버스정류장", "지능형 CCTV 관제"))])
    hits = catalogue.conn.execute("SELECT rowid FROM service_fts WHERE service_fts MATCH ?", ('"버스정"',)).fetchall()
    assert len(hits) == 1


def test_a_failing_import_leaves_the_catalogue_as_it_was(catalogue):
    catalogue.import_source(make_source(sha="a" * 64, path="/p/a.csv"), [make_plan()])
    before = catalogue.counts()

    class BrokenPlan(PlanRecord):
        pass

    bad = make_plan(names=("ok",))
    bad.services.append(ServiceRecord(name=None))  # NOT NULL violation half-way through the transaction
    with pytest.raises(sqlite3.IntegrityError):
        catalogue.import_source(make_source(sha="b" * 64, path="/p/a.csv"), [bad])
    assert catalogue.counts() == before
    assert [s["name"] for s in catalogue.services()] == ["스마트 버스정류장", "지능형 CCTV"]
