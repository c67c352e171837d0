"""report.html, report.pdf and report.xlsx say the same thing: sections, numbering, key figures, derived markers,
minus signs, and a plain note wherever a page cuts a long table."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook
from tests.analysis.builders import study_inventory

from scatlas.report import document as dm
from scatlas.report.writer import ReportOptions, write_report

HEADING = re.compile(r'<section id="[a-z_]+"><h2>(.*?)</h2>')


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    base = tmp_path_factory.mktemp("parity")
    cat = study_inventory(base / "study.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dm, "ARCHETYPE_ROWS", 3)  # the page cuts the archetype table: each format must say so
        result = write_report(
            cat,
            base / "out",
            options=ReportOptions(
                title="자치단체 스마트도시 서비스 분석",
                author="김연구",
                institution="한국지방행정연구원",
                date="2026-12-03",
            ),
        )
    cat.close()
    pdf = pdfium.PdfDocument(result.files["pdf"])
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    outline = [b.get_title() for b in pdf.get_toc() if b.level == 0]
    pdf.close()
    html = result.files["html"].read_text(encoding="utf-8")
    wb = load_workbook(result.files["xlsx"])
    return result, html, text, outline, wb


def _xlsx_sections(wb) -> list[str]:
    return [r[0] for r in wb["목차"].iter_rows(min_row=2, values_only=True) if r[0] and re.match(r"\d+\. ", r[0])]


def test_the_three_formats_have_the_same_numbered_sections(report) -> None:
    _, html, _, outline, wb = report
    sections = HEADING.findall(html)
    assert sections[0] == "1. 분야별 현황" and sections[-1] == "13. 방법" and len(sections) == 13
    assert [int(s.split(".")[0]) for s in sections] == list(range(1, 14))
    assert outline == sections
    assert _xlsx_sections(wb) == sections


def test_title_author_institution_and_date_are_on_every_format(report) -> None:
    _result, html, text, _, wb = report
    for where in (html, text, "\n".join(str(r[0]) for r in wb["목차"].iter_rows(values_only=True))):
        assert "자치단체 스마트도시 서비스 분석" in where
        assert "김연구 · 한국지방행정연구원 · 2026-12-03" in where


def test_key_figures_agree(report) -> None:
    result, html, text, _, wb = report
    a = result.analysis
    sheet = {r[0]: r for r in wb["분야별"].iter_rows(min_row=2, values_only=True)}
    for d in a["domains"]:
        row = f'<tr><td>{d["domain"]}</td><td class="num" data-sort="{d["count"]}">{d["count"]}</td>'
        assert row in html
        assert re.search(rf"{re.escape(d['domain'])} {d['count']} {100 * d['share']:.1f}% {d['rank']}\b", text)
        assert sheet[d["domain"]][1:4] == (d["count"], d["share"], d["rank"])
    assert sheet["합계"][1] == a["totals"]["services"] == 295
    assert "합계 295 100.0%" in text and '>295</td><td class="num">100.0%</td>' in html


def test_derived_reference_figures_are_marked_everywhere(report) -> None:
    _, html, text, _, wb = report
    # 행정 32 services and 교통 17.0% follow from the study's published figures by arithmetic: derived
    assert ">32*</td>" in html and ">17.0%*</td>" in html
    assert "32*" in text and "17.0%*" in text
    ws = wb["참고연구 분야"]
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2)}
    assert rows["행정"][4].value == 32 and rows["행정"][4].number_format.endswith('"*"')
    assert rows["방범·방재"][4].value == 59 and not rows["방범·방재"][4].number_format.endswith('"*"')
    assert re.search(r"도출\s*\*", text) and "도출*" in html  # the PDF may wrap the narrow column


def test_negative_differences_carry_a_real_minus_sign(report) -> None:
    _, html, text, _, wb = report
    assert re.search(r"\u2212\d+\.\d%p", text), "no U+2212 in the PDF's text"
    assert not re.search(r"(?<![\w.])-\d+\.\d%p", text)
    assert re.search(r"\u2212\d+\.\d%p", html)
    cell = next(
        c for r in wb["진단"].iter_rows(min_row=2) for c in r[5:6] if isinstance(c.value, float) and c.value < 0
    )
    assert "\u2212" in cell.number_format


def test_a_cut_table_says_so_and_where_the_rest_is(report) -> None:
    result, html, text, _, wb = report
    n = len(result.analysis["archetypes"])
    note = f"{n:,}행 중 3행만 싣는다. 전체는 report.xlsx의 ‘유사유형’ 시트와 analysis.json에 있다."
    assert note in html
    assert note in text.replace("\r", "").replace("\n", "")
    assert wb["유사유형"].max_row == n + 1


def test_xlsx_shares_are_percent_formatted_with_totals_and_frozen_headers(report) -> None:
    _, _, _, _, wb = report
    ws = wb["분야별"]
    assert ws.freeze_panes == "A2"
    assert ws["C2"].number_format == "0.0%" and 0 < ws["C2"].value < 1
    last = ws.max_row
    assert ws[f"A{last}"].value == "합계" and ws[f"B{last}"].font.b


def test_every_chart_is_written_as_a_300_dpi_png_and_an_svg(report) -> None:
    from PIL import Image

    result, *_ = report
    folder = result.files["charts"]
    names = {p.stem for p in folder.glob("*.png")}
    assert {"domains", "functions", "municipalities", "reference", "technologies"} <= names
    assert names == {p.stem for p in folder.glob("*.svg")}
    with Image.open(folder / "domains.png") as img:
        dpi = img.info.get("dpi", (0, 0))
        assert round(dpi[0]) == 300 and img.width > 1800


def test_korean_lists_join_with_commas_and_mit() -> None:
    from scatlas.report.findings import _join, join_words, pp

    assert join_words(["교육", "근로·고용", "주거"]) == "교육, 근로·고용 및 주거"  # two domains never read as one
    assert join_words(["교육", "근로·고용"]) == "교육 및 근로·고용" and join_words(["물류"]) == "물류"
    assert _join(["교육", "근로·고용"]) == "교육과 근로·고용"
    assert pp(-0.9) == "\u22120.9%p" and pp(1.25) == "+1.2%p" and pp(-0.04) == "0.0%p"
