import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scatlas.catalogue import Catalogue
from scatlas.cli import app
from scatlas.pipeline import ingest_paths

runner = CliRunner()


def _inventory(path, municipality, names):
    rows = ["지자체,분야,서비스명,내용"] + [f"{municipality},교통,{n},{n} 설명" for n in names]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _batch(folder):
    folder.mkdir()
    _inventory(folder / "a.csv", "목포시", ["스마트 버스정류장", "주차 공유"])
    _inventory(folder / "b.csv", "순천시", ["자율주행 셔틀"])
    (folder / "c.csv").write_bytes(b"\x00\x01\x02 not text" * 50)
    (folder / "d.pdf").write_bytes(b"")
    (folder / "e.csv").write_text("서비스명,내용\n가,나,다\n", encoding="utf-8")
    _inventory(folder / "f.csv", "여수시", ["스마트 신호등"])
    return folder


def test_one_broken_file_in_a_batch_is_reported_and_the_rest_land(tmp_path):
    folder = _batch(tmp_path / "plans")
    with Catalogue.open(tmp_path / "c.db") as cat:
        results = ingest_paths(cat, [folder])
        by_name = {r.path.split("/")[-1]: r for r in results}
        assert {n: r.status for n, r in by_name.items()} == {
            "a.csv": "added",
            "b.csv": "added",
            "c.csv": "failed",
            "d.pdf": "failed",
            "e.csv": "failed",
            "f.csv": "added",
        }
        assert by_name["c.csv"].error["code"] == "unsupported_format"
        assert by_name["d.pdf"].error["code"] == "empty"
        assert by_name["e.csv"].error["code"] == "bad_table"
        assert cat.counts()["services"] == 4 and cat.counts()["plans"] == 3
        assert cat.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_ingest_command_prints_a_line_per_file_and_exits_1_when_any_failed(tmp_path):
    folder = _batch(tmp_path / "plans")
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-code"])
    assert result.exit_code == 1, result.output
    for name in ("a.csv", "b.csv", "c.csv", "d.pdf", "e.csv", "f.csv"):
        assert name in result.output
    assert "unsupported_format" in result.output and "bad_table" in result.output
    again = runner.invoke(app, ["ingest", str(folder / "a.csv"), "--db", str(db), "--no-code"])
    assert again.exit_code == 0 and "같은 내용이 이미 있음" in again.output  # Korean by default


def test_a_failed_file_leaves_the_catalogue_unchanged(tmp_path):
    db = tmp_path / "c.db"
    good = _inventory(tmp_path / "good.csv", "목포시", ["스마트 버스정류장"])
    runner.invoke(app, ["ingest", str(good), "--db", str(db), "--no-code"])
    with Catalogue.open(db) as cat:
        before = (cat.counts(), cat.services())
    good.write_text("서비스명,내용\n가,나,다\n", encoding="utf-8")  # the same file, now ragged
    result = runner.invoke(app, ["ingest", str(good), "--db", str(db), "--no-code"])
    assert result.exit_code == 1
    with Catalogue.open(db) as cat:
        assert (cat.counts(), cat.services()) == before


def test_export_writes_design_columns_in_json_csv_and_xlsx(tmp_path):
    db = tmp_path / "c.db"
    runner.invoke(
        app,
        ["ingest", str(_inventory(tmp_path / "a.csv", "목포시", ["스마트 버스정류장"])), "--db", str(db), "--no-code"],
    )
    out = tmp_path / "out.json"
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "json", "-o", str(out)]).exit_code == 0
    record = json.loads(out.read_text(encoding="utf-8"))[0]
    assert list(record) == [
        "municipality",
        "municipality_code",
        "plan_title",
        "period",
        "source_file",
        "page",
        "name",
        "description",
        "declared_domain",
        "domain",
        "domain_id",
        "subtype",
        "subtype_label",
        "function",
        "target_groups",
        "technologies",
        "confidence",
        "coder",
        "coder_label",
    ]
    assert record["name"] == "스마트 버스정류장" and record["domain_id"] == "transport"
    assert record["municipality_code"] == "4611000000"
    csv_out = tmp_path / "out.csv"
    assert runner.invoke(app, ["export", "--db", str(db), "-f", "csv", "-o", str(csv_out)]).exit_code == 0
    assert "스마트 버스정류장" in csv_out.read_text(encoding="utf-8-sig")
    bad = runner.invoke(app, ["export", "--db", str(db), "-f", "pdf", "-o", str(tmp_path / "x")])
    assert bad.exit_code == 2


def test_exported_spreadsheets_never_run_document_text_as_a_formula(tmp_path):
    from openpyxl import load_workbook

    db = tmp_path / "c.db"
    path = tmp_path / "a.csv"
    path.write_text(
        '지자체,서비스명,내용\n목포시,"=HYPERLINK(""http://x"")",+1\n목포시,- 글머리표 설명,-2+3\n', encoding="utf-8"
    )
    assert runner.invoke(app, ["ingest", str(path), "--db", str(db), "--no-code"]).exit_code == 0
    xlsx = tmp_path / "out.xlsx"
    assert runner.invoke(app, ["export", "--db", str(db), "-f", "xlsx", "-o", str(xlsx)]).exit_code == 0
    ws = load_workbook(xlsx).active
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)]
    assert [r["name"] for r in rows] == ['\'=HYPERLINK("http://x")', "- 글머리표 설명"]
    assert [r["description"] for r in rows] == ["'+1", "'-2+3"]
    assert all(c.data_type == "s" for row in ws.iter_rows(min_row=2) for c in row if c.value)
    csv_out = tmp_path / "out.csv"
    runner.invoke(app, ["export", "--db", str(db), "-f", "csv", "-o", str(csv_out)])
    assert "'=HYPERLINK" in csv_out.read_text(encoding="utf-8-sig")


def test_scanned_plan_lands_with_ocr_confidence_and_its_pages_cached(tmp_path):
    from importlib import resources

    from scatlas.catalogue import Catalogue
    from scatlas.ingest.ocr import ocr_unavailable
    from scatlas.pipeline import ingest_file

    if ocr_unavailable() is not None:
        pytest.skip(f"Tesseract's Korean model is absent: {ocr_unavailable()}")
    scan = Path(str(resources.files("scatlas.data").joinpath("samples", "haenam_2024_scan.pdf")))
    with Catalogue.open(tmp_path / "c.db") as cat:
        result = ingest_file(cat, scan)
        assert result.status == "added" and result.services >= 8, result
        rows = cat.conn.execute("SELECT ocr_confidence, from_prose FROM service").fetchall()
        assert all(r[0] is not None and 0.5 < r[0] <= 1 and r[1] == 0 for r in rows)
        assert cat.conn.execute("SELECT count(*) FROM ocr_page").fetchone()[0] == 2
