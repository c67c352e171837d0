"""The DOCX (python-docx) and XLSX (openpyxl) sample plans."""

from __future__ import annotations

import random
import re
import zipfile
from datetime import datetime
from pathlib import Path

from content import FICTION_NOTICE, Plan, short_name
from docx import Document as new_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

FIXED = datetime(2024, 1, 1, 0, 0, 0)


def stabilise_zip(path: Path) -> None:
    """Rewrite an OOXML zip with fixed member timestamps and fixed core dates, so every run gives the same bytes."""
    with zipfile.ZipFile(path) as zf:
        members = [(info, zf.read(info.filename)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w") as zf:
        for info, data in members:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zf.writestr(fixed, data)


def _page_number_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _docx_base(plan: Plan, cover_date: str):
    doc = new_docx()
    props = doc.core_properties
    props.title = plan.title
    props.author = "scatlas samples (fictional)"
    props.created = FIXED
    props.modified = FIXED
    props.last_modified_by = "scatlas"
    props.revision = 1
    style = doc.styles["Normal"]
    style.font.name = "맑은 고딕"
    style.font.size = Pt(10)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    header = section.header.paragraphs[0]
    header.text = plan.title
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_field(footer)

    for text, size, bold in ((plan.title, 24, True), (cover_date, 14, False),
                             (f"{plan.province} {plan.municipality}", 16, True),
                             (f"수행기관: {plan.consultant}", 10, False), (FICTION_NOTICE, 9, False)):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
    doc.add_page_break()
    return doc


def _toc(doc, entries: list[tuple[str, str]]) -> None:
    doc.add_paragraph("목 차").runs[0].bold = True
    for label, printed in entries:
        doc.add_paragraph(f"{label} {'·' * max(4, 44 - 2 * len(label))} {printed}")
    doc.add_page_break()


def _intro(doc, plan: Plan, numbered_headings: bool) -> None:
    doc.add_heading("제1장 계획의 개요", level=1)
    doc.add_paragraph(f"시간적 범위는 {plan.period[0]}년부터 {plan.period[1]}년까지이며, 공간적 범위는 "
                      f"{plan.municipality} 전역이다.")
    doc.add_heading("제2장 현황 분석", level=1)
    for text in plan.context:
        doc.add_paragraph(text)
    doc.add_paragraph("기 구축 서비스: " + ", ".join(plan.built) + " (기존 사업)")
    doc.add_heading("제3장 국내외 사례", level=1)
    for i, (city, name, what) in enumerate(plan.cases, 1):
        doc.add_heading(f"({i}) {city} {name}" if numbered_headings else f"{city} – {name}", level=3)
        doc.add_paragraph(what)
    doc.add_heading("제4장 비전 및 추진 전략", level=1)
    doc.add_paragraph(f"비전: {plan.vision}")
    for strategy in plan.strategies:
        doc.add_heading(strategy, level=2)
        doc.add_paragraph("관련 서비스를 묶어 단계적으로 추진하고 성과를 점검한다.")


def _finance(doc, plan: Plan) -> None:
    rng = random.Random(plan.key)
    years = [str(y) for y in range(plan.period[0], plan.period[1] + 1)]
    doc.add_heading("제6장 재원 조달 및 추진 계획", level=1)
    doc.add_paragraph("〈표 6-1〉 연차별 투자계획 (단위: 억원)")
    labels = list(dict.fromkeys(s.label for s in plan.services))
    table = doc.add_table(rows=1, cols=len(years) + 1)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["구분"] + years):
        cell.text = text
    for label in labels:
        cells = table.add_row().cells
        cells[0].text = label
        for k in range(len(years)):
            cells[k + 1].text = f"{rng.uniform(1, 30):.1f}"
    doc.add_paragraph("〈표 6-2〉 추진 로드맵")
    road = doc.add_table(rows=1, cols=2)
    road.style = "Table Grid"
    road.rows[0].cells[0].text, road.rows[0].cells[1].text = "사업명", "추진 기간"
    for s in plan.services:
        cells = road.add_row().cells
        start = plan.period[0] + rng.randrange(0, 3)
        cells[0].text, cells[1].text = short_name(s.name), f"{start}~{plan.period[1]}"


def build_table_docx(plan: Plan, path: Path) -> None:
    """A services table whose 분야 cells are merged vertically (w:vMerge)."""
    doc = _docx_base(plan, f"{plan.period[0] - 1}. 10.")
    _toc(doc, [("제1장 계획의 개요", "1"), ("제2장 현황 분석", "3"), ("제3장 국내외 사례", "11"),
               ("제4장 비전 및 추진 전략", "17"), ("제5장 스마트도시서비스", "23"), ("제6장 재원 조달 및 추진 계획", "61")])
    _intro(doc, plan, numbered_headings=False)
    doc.add_heading("제5장 스마트도시서비스", level=1)
    doc.add_paragraph(f"분야별 스마트도시서비스 {len(plan.services)}개는 다음 표와 같다.")
    doc.add_paragraph("〈표 5-1〉 스마트도시서비스 목록")
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["분야", "서비스명", "서비스 내용", "추진시기"]):
        cell.text = text
    first_of_run = None
    for i, s in enumerate(plan.services):
        cells = table.add_row().cells
        if i == 0 or plan.services[i - 1].label != s.label:
            cells[0].text = s.label
            first_of_run = cells[0]
        else:
            first_of_run.merge(cells[0])  # a vertical merge: the label stays in the run's first cell only
        cells[1].text = s.name
        cells[2].text = s.description
        cells[3].text = "단기" if i % 3 else "중장기"
    _finance(doc, plan)
    doc.save(str(path))
    stabilise_zip(path)


def build_list_docx(plan: Plan, path: Path) -> None:
    """A list layout: Heading 2 per group (plan-specific labels), Heading 3 per service, body paragraphs."""
    doc = _docx_base(plan, f"{plan.period[0] - 1}. 8.")
    _toc(doc, [("제1장 계획의 개요", "1-1"), ("제2장 현황 분석", "2-1"), ("제3장 국내외 사례", "3-1"),
               ("제4장 비전 및 추진 전략", "4-1"), ("제5장 분야별 스마트도시서비스", "5-1"),
               ("제6장 재원 조달 및 추진 계획", "6-1")])
    _intro(doc, plan, numbered_headings=True)
    doc.add_heading("제5장 분야별 스마트도시서비스", level=1)
    labels = list(dict.fromkeys(s.label for s in plan.services))
    for k, label in enumerate(labels, 1):
        doc.add_heading(f"{k}. {label}", level=2)
        for n, s in enumerate([s for s in plan.services if s.label == label], 1):
            doc.add_heading(f"({n}) {s.name}", level=3)
            doc.add_paragraph(f"Ÿ {s.description}")  # the bullet as converted documents show it
            doc.add_paragraph("기대효과: 시민 생활 편의와 안전 수준 향상", style="List Bullet")
    _finance(doc, plan)
    doc.save(str(path))
    stabilise_zip(path)


def build_annex_xlsx(plan: Plan, path: Path) -> None:
    """A plan annex: a cover sheet, the services sheet (분야 merged over rows) and a decoy budget sheet."""
    wb = Workbook()
    wb.properties.creator = "scatlas samples (fictional)"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.title = f"{plan.title} 부록"
    cover = wb.active
    cover.title = "표지"
    cover["A1"] = f"{plan.title} 부록"
    cover["A1"].font = Font(bold=True, size=16)
    cover["A3"] = f"{plan.province} {plan.municipality}"
    cover["A4"] = FICTION_NOTICE

    ws = wb.create_sheet("서비스 목록")
    ws["A1"] = f"{plan.title} 부록 1. 스마트도시서비스 목록"
    ws["A1"].font = Font(bold=True, size=13)
    header = ["번호", "분야", "서비스명", "내용", "추진시기"]
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, text in enumerate(header, 1):
        cell = ws.cell(row=3, column=col, value=text)
        cell.font = Font(bold=True)
        cell.border = box
    rng = random.Random(plan.key)
    run_start = 4
    for i, s in enumerate(plan.services):
        row = 4 + i
        start = plan.period[0] + rng.randrange(0, 3)
        values = [i + 1, s.label, s.name, s.description, f"{start}~{plan.period[1]}"]
        for col, value in enumerate(values, 1):
            cell = ws.cell(row=row, column=col, value=value if col != 2 or row == run_start else None)
            cell.border = box
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        nxt = plan.services[i + 1].label if i + 1 < len(plan.services) else None
        if nxt != s.label:
            if row > run_start:
                ws.merge_cells(start_row=run_start, start_column=2, end_row=row, end_column=2)
            run_start = row + 1
    for col, width in zip("ABCDE", (6, 16, 26, 60, 12)):
        ws.column_dimensions[col].width = width

    budget = wb.create_sheet("연차별 투자계획")
    budget["A1"] = "연차별 투자계획 (단위: 백만원)"
    years = list(range(plan.period[0], plan.period[1] + 1))
    budget.append([])
    budget.append(["사업명"] + [f"{y}년" for y in years] + ["합계"])
    for s in plan.services:
        amounts = [rng.randrange(0, 900, 50) for _ in years]
        budget.append([short_name(s.name)] + amounts + [sum(amounts)])
    wb.save(str(path))
    stabilise_zip(path)
