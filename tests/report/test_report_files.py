"""The report files: they exist, parse, carry the findings, the sheets, the embedded Korean font, and escape text."""

from __future__ import annotations

import json
import re

import pytest
from openpyxl import load_workbook
from tests.analysis.builders import S, build, study_inventory

from scatlas.report.writer import ReportError, write_report

DESIGN_KEYS = {
    "totals",
    "domains",
    "by_municipality",
    "subtypes",
    "functions",
    "target_groups",
    "technologies",
    "archetypes",
    "distinctiveness",
    "declared_vs_coded",
}


@pytest.fixture(scope="module")
def study_report(tmp_path_factory):
    base = tmp_path_factory.mktemp("report")
    cat = study_inventory(base / "study.db")
    result = write_report(cat, base / "out")
    cat.close()
    return result


def test_analysis_json_has_every_design_key_and_the_study_figures(study_report):
    data = json.loads(study_report.files["json"].read_text(encoding="utf-8"))
    assert set(data) >= DESIGN_KEYS
    assert {"reference", "trends", "similarity", "concentration"} <= set(data)
    safety = next(d for d in data["domains"] if d["domain_id"] == "safety")
    assert (safety["count"], safety["share"], safety["rank"]) == (59, 0.2, 1)
    admin = next(d for d in data["domains"] if d["domain_id"] == "admin")
    assert admin["rank"] == 4


def test_html_is_self_contained_and_states_the_study_finding(study_report):
    html = study_report.files["html"].read_text(encoding="utf-8")
    assert "방범·방재 서비스가 59개(20.0%)로 가장 많고, 물류 서비스가 2개(0.7%)로 가장 적었다." in html
    assert "교통정보 수집·제공 관련 서비스가 40.0%로 가장 높은 비율" in html
    assert html.count("data:image/png;base64,") >= 5
    assert not re.search(r'(src|href)="https?://', html)  # nothing fetched from the network
    assert 'id="diagnoses"' in html and "고양시" in html and 'class="sortable"' in html


def test_xlsx_has_a_sheet_per_table_with_frozen_headers_and_filters(study_report):
    wb = load_workbook(study_report.files["xlsx"], read_only=False)
    assert {
        "분야별",
        "자치단체×분야",
        "세부유형",
        "기능",
        "기술",
        "유사유형",
        "차별성",
        "참고연구",
        "서비스목록",
    } <= set(wb.sheetnames)
    ws = wb["서비스목록"]
    assert ws.max_row == 296 and ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    domains = {r[0]: r[1] for r in wb["분야별"].iter_rows(min_row=2, values_only=True)}
    assert domains["방범·방재"] == 59 and domains["물류"] == 2
    streamed = load_workbook(study_report.files["xlsx"], read_only=True)["서비스목록"]
    assert (streamed.max_row, streamed.max_column) == (296, 20)  # the sheet declares its used range


def test_pdf_has_pages_and_embeds_the_korean_font(study_report):
    data = study_report.files["pdf"].read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b", data)) >= 5
    assert b"ScatlasGothic" in data and b"/FontFile2" in data


def test_document_text_is_escaped_in_the_html(tmp_path):
    cat = build(
        tmp_path / "x.db",
        [
            ("고양시", (2019, 2023), [S("<script>alert(1)</script>", "safety", description="<b>굵게</b> & 기타")]),
            ("창원시", (2019, 2023), [S("스마트 가로등", "environment")]),
        ],
    )
    result = write_report(cat, tmp_path / "out", formats=("html",))
    html = result.files["html"].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_municipality_report_diagnoses_that_plan(tmp_path):
    cat = build(
        tmp_path / "x.db",
        [
            ("목포시", (2024, 2028), [S("해상 안개 감시", "safety"), S("스마트 버스정류장", "transport")]),
            ("고양시", (2019, 2023), [S("스마트 버스정류장", "transport"), S("미세먼지 알리미", "environment")]),
            ("창원시", (2019, 2023), [S("스마트버스정류장", "transport"), S("미세먼지 신호등", "environment")]),
        ],
    )
    result = write_report(cat, tmp_path / "out", municipality="목포시", formats=("json", "html", "pdf"))
    data = json.loads(result.files["json"].read_text(encoding="utf-8"))
    diag = data["diagnosis"]
    assert diag["municipality"] == "목포시" and diag["services"] == 2
    assert [e["domain_id"] for e in diag["empty_domains"]] == ["environment"]  # both peers plan one
    assert [s["name"] for s in diag["distinctive_services"]] == ["해상 안개 감시"]
    html = result.files["html"].read_text(encoding="utf-8")
    assert "목포시 계획 진단" in html and diag["findings"][0] in html
    with pytest.raises(ReportError, match="부산시"):
        write_report(cat, tmp_path / "out2", municipality="부산시")


def test_a_catalogue_without_any_coding_still_reports_and_says_so(tmp_path):
    cat = build(tmp_path / "x.db", [("고양시", None, [S("서비스 하나", None), S("서비스 둘", None)])])
    result = write_report(cat, tmp_path / "out")
    assert result.analysis["totals"]["unlabelled"] == 2
    html = result.files["html"].read_text(encoding="utf-8")
    assert "2개 서비스 모두 분야가 정해지지 않았다" in html
    assert result.files["pdf"].read_bytes().startswith(b"%PDF")
