"""report.pdf: A4, the package's Korean font embedded, page numbers, the same sections and tables as report.html."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (Image, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                TableStyle)

from scatlas.analysis.diagnosis import diagnose
from scatlas.report import findings as fnd
from scatlas.report.html import BASIS_NOTES, diagnoses_for
from scatlas.taxonomy import DOMAIN_ORDER

NAMES = dict(DOMAIN_ORDER)
FONT, FONT_BOLD = "ScatlasGothic", "ScatlasGothicBold"
#: Long tables are cut to this many rows in the PDF (the XLSX has them all).
MAX_ROWS = 60
MAX_DIAGNOSES = 30
WIDTH = A4[0] - 36 * mm
MAX_CHART_HEIGHT = A4[1] - 80 * mm


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the package's Korean font (regular and bold) with reportlab; returns its folder."""
    from scatlas import fonts

    pdfmetrics.registerFont(TTFont(FONT, str(fonts.ttf())))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fonts.ttf(bold=True))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    return str(fonts.font_dir())


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=14, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=18, leading=24, spaceAfter=6),
        "h1": ParagraphStyle("h1", parent=base, fontName=FONT_BOLD, fontSize=13, leading=18, spaceBefore=10,
                             spaceAfter=4, textColor=colors.HexColor("#1f5f8b")),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=11, leading=15, spaceBefore=6),
        "finding": ParagraphStyle("finding", parent=base, backColor=colors.HexColor("#eef4f9"), borderPadding=4,
                                  leftIndent=4, rightIndent=4, spaceBefore=4, spaceAfter=6),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5),
        "note": ParagraphStyle("note", parent=base, fontSize=8, textColor=colors.grey),
    }


def _p(text: str, style: str = "base") -> Paragraph:
    return Paragraph(escape(text), _styles()[style])


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float] | None = None,
           numeric_from: int = 1) -> Table:
    cell = _styles()["cell"]
    data = [[Paragraph(escape(str(h)), cell) for h in header]]
    for r in rows:
        data.append([Paragraph(escape("" if v is None else str(v)), cell) for v in r])
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#c8c8c8")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde7f0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (numeric_from, 1), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return t


def _chart(png: bytes | None, width: float = WIDTH) -> list[Any]:
    if not png:
        return []
    img = Image(io.BytesIO(png))
    scale = min(1.0, width / img.imageWidth, MAX_CHART_HEIGHT / img.imageHeight)
    img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
    return [img]


def _findings(sentences: Sequence[str]) -> list[Any]:
    return [_p(" ".join(sentences), "finding")] if sentences else []


def _cut(rows: Sequence[Any], label: str) -> list[Any]:
    return [_p(f"{label}: {MAX_ROWS}행까지만 싣는다 (전체 {len(rows):,}행은 report.xlsx).", "note")] \
        if len(rows) > MAX_ROWS else []


def _diagnosis(d: dict[str, Any]) -> list[Any]:
    out: list[Any] = [_p(d["municipality"], "h2")] + _findings(fnd.diagnosis(d))
    mix = [x for x in d["domain_mix"] if x["count"] or x["overall_share"]]
    out.append(_table(["분야", "서비스 수", "비중", "전체 평균", "차이"],
                      [[x["domain"], x["count"], fnd.pct(x["share"]), fnd.pct(x["overall_share"]),
                        f"{x['difference_pp']:+.1f}%p"] for x in mix], [50 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm]))
    out.append(Spacer(1, 2 * mm))
    out.append(_table(["기능", "서비스 수", "비중", "전체 평균", "차이"],
                      [[x["function"], x["count"], fnd.pct(x["share"]), fnd.pct(x["overall_share"]),
                        f"{x['difference_pp']:+.1f}%p"] for x in d["function_mix"]],
                      [50 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm]))
    if d["generic_services"]:
        out.append(_p(f"보편적 서비스({d['generic_threshold']}곳 이상이 계획): " + "; ".join(
            f"{', '.join(g['names'])} ({g['municipalities']}곳)" for g in d["generic_services"][:15]), "note"))
    if d["distinctive_services"]:
        out.append(_p("차별적 서비스: " + ", ".join(s["name"] for s in d["distinctive_services"]), "note"))
    if d["empty_domains"]:
        out.append(_p("비어 있는 분야(다른 자치단체 절반 이상이 계획): "
                      + ", ".join(f"{e['domain']} ({e['peers_with']}곳)" for e in d["empty_domains"]), "note"))
    if d["disagreements"]:
        out.append(_p("분야 불일치: " + "; ".join(f"{x['name']} (계획서 {x['declared_domain']} → 자동 "
                                               f"{x['coded_domain']})" for x in d["disagreements"][:10]), "note"))
    return out


def _page_number(canvas: Any, doc: Any) -> None:
    canvas.saveState()
    canvas.setFont(FONT, 8)
    canvas.drawCentredString(A4[0] / 2, 10 * mm, f"- {doc.page} -")
    canvas.drawRightString(A4[0] - 18 * mm, A4[1] - 10 * mm, "scatlas 스마트도시 서비스 분석")
    canvas.restoreState()


def write_pdf(analysis: dict[str, Any], charts: dict[str, bytes], path: Path, *,
              municipality: str | None = None) -> Path:
    """Write the PDF report (with `municipality`: that municipality's diagnosis and the overall picture)."""
    register_fonts()
    a, f = analysis, fnd.all_findings(analysis)
    story: list[Any] = []
    title = f"{municipality} 스마트도시계획 진단" if municipality else "스마트도시 서비스 분석 보고서"
    story += [_p(title, "title"),
              _p(f"자치단체 {a['totals']['municipalities']}곳 · 계획 {a['totals']['plans']}건 · 서비스 "
                 f"{a['totals']['services']:,}개 · 분류 기준: {BASIS_NOTES[a['basis']][0]} · "
                 f"{datetime.now(timezone.utc):%Y-%m-%d}", "note")]
    if municipality:
        story += _diagnosis(diagnose(a, municipality))
        story += [_p("비교: 전체 계획의 분야별 현황", "h1")] + _findings(f["domains"]) + _chart(charts.get("domains"))
        doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                                bottomMargin=16 * mm, title=title, author="scatlas")
        path.parent.mkdir(parents=True, exist_ok=True)
        doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
        return path
    story += [_p("1. 분야별 현황", "h1")] + _findings(f["domains"]) + _chart(charts.get("domains"))
    rows = [[d["domain"], d["count"], fnd.pct(d["share"]), d["rank"]] for d in a["domains"]]
    if a["unlabelled"]["count"]:
        rows.append(["미분류", a["unlabelled"]["count"], fnd.pct(a["unlabelled"]["share"]), "—"])
    story.append(_table(["분야", "서비스 수", "비중", "순위"], rows + [["합계", a["totals"]["services"], "100.0%", ""]],
                        [60 * mm, 30 * mm, 30 * mm, 20 * mm]))
    story += [PageBreak(), _p("2. 자치단체별 현황", "h1")]
    dist = {d["municipality"]: d for d in a["distinctiveness"]}
    munis = a["by_municipality"]
    story.append(_table(["자치단체", "계획 수", "서비스 수", "차별성 지수"],
                        [[m["municipality"], m["plans"], m["services"], fnd.pct(dist[m["municipality"]]["index"])]
                         for m in munis[:MAX_ROWS]], [60 * mm, 25 * mm, 25 * mm, 30 * mm]))
    story += _cut(munis, "자치단체별 현황")
    story += [_p("자치단체 × 분야 교차표", "h2")] + _chart(charts.get("municipalities"))
    ids = [d for d, _ in DOMAIN_ORDER]
    short = [NAMES[d].split("·")[0] for d in ids]
    story.append(_table(["자치단체"] + short + ["계"],
                        [[m["municipality"]] + [m["domains"].get(d, 0) for d in ids] + [m["services"]]
                         for m in munis[:MAX_ROWS]], [24 * mm] + [11.2 * mm] * 12 + [10 * mm]))
    story += _cut(munis, "교차표")
    story += [PageBreak(), _p("3. 교통 서비스 세부 유형", "h1")] + _findings(f["subtypes"])
    story += _chart(charts.get("transport_subtypes"))
    story.append(_table(["세부 유형", "서비스 수", "교통 내 비중"],
                        [[t["label"], t["count"], fnd.pct(t["share"])] for t in a["subtypes"]["transport"]],
                        [70 * mm, 30 * mm, 30 * mm]))
    story += [_p("4. 서비스 기능과 대상", "h1")] + _findings(f["functions"]) + _chart(charts.get("functions"))
    story += _findings(f["target_groups"])
    story += [PageBreak(), _p("5. 적용 기술", "h1")] + _findings(f["technologies"]) + _chart(charts.get("technologies"))
    story += [_p("6. 여러 자치단체가 함께 계획한 서비스 유형", "h1")] + _findings(f["archetypes"])
    arch = a["archetypes"][:25]
    if arch:
        story.append(_table(["유형", "대표 명칭", "자치단체 수", "서비스 수"],
                            [[x["id"], x["label"], x["municipalities"], x["services"]] for x in arch],
                            [20 * mm, 90 * mm, 25 * mm, 25 * mm], numeric_from=2))
    story += [PageBreak(), _p("7. 차별성과 집중도", "h1")] + _findings(f["distinctiveness"])
    story.append(_table(["자치단체", "고유", "소수 공유", "보편", "차별성 지수"],
                        [[d["municipality"], fnd.pct(d["unique_share"]), fnd.pct(d["few_share"]),
                          fnd.pct(d["generic_share"]), fnd.pct(d["index"])] for d in a["distinctiveness"][:MAX_ROWS]],
                        [50 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm]))
    story += _cut(a["distinctiveness"], "차별성") + _findings(f["concentration"])
    story += [_p("8. 계획서 분야와 자동 분류의 일치", "h1")] + _findings(f["consistency"])
    if a["declared_vs_coded"]:
        story.append(_table(["자치단체", "서비스", "계획서 분야", "자동 분류", "근거"],
                            [[d["municipality"], d["name"], d["declared_domain"], d["coded_domain"], d["rationale"]]
                             for d in a["declared_vs_coded"][:MAX_ROWS]],
                            [25 * mm, 50 * mm, 28 * mm, 28 * mm, 43 * mm], numeric_from=99))
        story += _cut(a["declared_vs_coded"], "분야 불일치")
    story += [PageBreak(), _p("9. 참고 연구와의 비교", "h1")] + _findings(f["reference"]) + _chart(charts.get("reference"))
    story.append(_table(["분야", "이 목록 수", "이 목록 비중", "참고 수", "참고 비중", "참고 순위"],
                        [[d["domain"], d["count"], fnd.pct(d["share"]),
                          "—" if d["reference_count"] is None else d["reference_count"],
                          fnd.pct(d["reference_share"]), "—" if d["reference_rank"] is None else d["reference_rank"]]
                         for d in a["reference"]["domains"]],
                        [45 * mm, 22 * mm, 25 * mm, 22 * mm, 25 * mm, 22 * mm]))
    story += [_p("공표되지 않은 참고 연구 수치는 ‘—’로 두며 추정하지 않는다.", "note")]
    story += [_p("10. 계획 기간별 변화", "h1")] + _findings(f["trends"]) + _chart(charts.get("trends"))
    diagnoses = diagnoses_for(a, MAX_DIAGNOSES)
    if diagnoses:
        story += [PageBreak(), _p("11. 자치단체별 계획 진단", "h1")]
        if len(diagnoses) < len(munis):
            story.append(_p(f"서비스가 많은 {len(diagnoses)}곳만 싣는다.", "note"))
        for d in diagnoses:
            story.append(KeepTogether(_diagnosis(d)))
            story.append(Spacer(1, 4 * mm))
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=16 * mm, title=title, author="scatlas")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return path
