"""report.pdf: A4, the package's Korean font embedded, the same numbered sections and tables as report.html.

Written from the shared document model (document.py): headings become PDF bookmarks, a heading never ends a page
(conditional page breaks instead of a break per section), wide tables are split into column groups that repeat the
first column so their headers stay readable, and long tables say where the rest is.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from scatlas.report import document as dm
from scatlas.report import findings as fnd

FONT, FONT_BOLD = "ScatlasGothic", "ScatlasGothicBold"
MARGIN = 18 * mm
WIDTH = A4[0] - 2 * MARGIN
MAX_CHART_HEIGHT = 110 * mm
#: A table wider than this many columns is printed in column groups (the first column repeated).
MAX_COLUMNS = 8


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
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=18,
            spaceBefore=10,
            spaceAfter=4,
            textColor=colors.HexColor("#1f5f8b"),
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=FONT_BOLD, fontSize=10.5, leading=14, spaceBefore=6, spaceAfter=2
        ),
        "finding": ParagraphStyle(
            "finding",
            parent=base,
            backColor=colors.HexColor("#eef4f9"),
            borderPadding=4,
            leftIndent=4,
            rightIndent=4,
            spaceBefore=4,
            spaceAfter=6,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7.5, leading=9.5),
        "cellnum": ParagraphStyle("cellnum", parent=base, fontSize=7.5, leading=9.5, alignment=2),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_BOLD, fontSize=7.5, leading=9.5),
        "note": ParagraphStyle("note", parent=base, fontSize=8, leading=11, textColor=colors.HexColor("#555555")),
        "item": ParagraphStyle("item", parent=base, leftIndent=10, bulletIndent=2, spaceAfter=2),
    }


class _Heading(Paragraph):
    """A heading that becomes a bookmark in the PDF's outline."""

    def __init__(self, text: str, style: str, level: int) -> None:
        super().__init__(escape(text), _styles()[style])
        self.outline = (text, level)


class _Report(SimpleDocTemplate):
    def afterFlowable(self, flowable: Any) -> None:
        outline = getattr(flowable, "outline", None)
        if outline:
            text, level = outline
            key = f"h{id(flowable)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)


def _p(text: str, style: str = "base") -> Paragraph:
    return Paragraph(escape(text), _styles()[style])


#: About one character of 7.5-pt cell text (Hangul is wider than digits; this errs on the wide side).
CHAR = 2.3 * mm
PAD = 3 * mm


def _widths(header: Sequence[str], rows: Sequence[Sequence[dm.Cell]], total: float) -> list[float]:
    """Column widths that fit short columns (numbers, names) whole and share what is left among long text columns."""
    natural = []
    for k, h in enumerate(header):
        longest = max([len(r[k].text()) for r in rows[:300]] + [max(len(w) for w in h.split()) + 1, 3])
        natural.append(min(longest, 80) * CHAR + PAD)
    if sum(natural) <= total:
        extra = (total - sum(natural)) / len(natural)
        return [w + extra for w in natural]
    short = [w <= 14 * CHAR + PAD for w in natural]
    fixed = sum(w for w, s in zip(natural, short, strict=True) if s)
    if fixed >= 0.7 * total:  # many middling columns: shrink everything alike
        return [w * total / sum(natural) for w in natural]
    long_total = sum(w for w, s in zip(natural, short, strict=True) if not s)
    return [w if s else w * (total - fixed) / long_total for w, s in zip(natural, short, strict=True)]


def _table(t: dm.Table, rows: Sequence[Sequence[dm.Cell]], columns: Sequence[int]) -> Table:
    st = _styles()
    header = [t.header[k] for k in columns]
    body = [[r[k] for k in columns] for r in rows]
    if t.total:
        body_total = [t.total[k] for k in columns]
    data = [[Paragraph(escape(h), st["head"]) for h in header]]
    for r in body + ([body_total] if t.total else []):
        data.append([Paragraph(escape(c.text()), st["cellnum" if c.numeric else "cell"]) for c in r])
    table = Table(data, colWidths=_widths(header, body, WIDTH), repeatRows=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#c8c8c8")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde7f0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if t.total:
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f2f2f2")))
    table.setStyle(TableStyle(style))
    return table


def _tables(t: dm.Table) -> list[Any]:
    """A table (in column groups when wide), its cut note and its note."""
    n = len(t.header)
    groups = [list(range(n))]
    if n > MAX_COLUMNS:
        rest = list(range(1, n))
        per = -(-len(rest) // -(-len(rest) // (MAX_COLUMNS - 1)))
        groups = [[0, *rest[k : k + per]] for k in range(0, len(rest), per)]
    out: list[Any] = []
    for g, columns in enumerate(groups, 1):
        title = t.title + (f" ({g}/{len(groups)})" if len(groups) > 1 else "")
        out += [CondPageBreak(35 * mm), _p(title, "h2"), Spacer(1, 1 * mm)]
        out.append(_table(t, t.shown, columns))
    for note in (t.cut_note(), t.note):
        if note:
            out.append(_p(note, "note"))
    out.append(Spacer(1, 3 * mm))
    return out


def _chart(png: bytes | None) -> list[Any]:
    if not png:
        return []
    img = Image(io.BytesIO(png))
    scale = min(WIDTH / img.imageWidth, MAX_CHART_HEIGHT / img.imageHeight)
    img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
    return [img, Spacer(1, 2 * mm)]


def _findings(sentences: Sequence[str]) -> list[Any]:
    return [_p(" ".join(sentences), "finding")] if sentences else []


def _diagnosis(d: dict[str, Any], heading: bool) -> list[Any]:
    out: list[Any] = []
    if heading:
        out.append(_Heading(d["municipality"], "h2", 1))
    out += _findings(fnd.diagnosis(d))
    for t in dm.diagnosis_tables(d):
        out += [_table(t, t.rows, list(range(len(t.header)))), Spacer(1, 2 * mm)]
    out += [_p(f"{label}: {text}", "note") for label, text in dm.diagnosis_notes(d)]
    return out


def _page_number(title: str):
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.drawCentredString(A4[0] / 2, 10 * mm, f"- {doc.page} -")
        canvas.drawRightString(A4[0] - MARGIN, A4[1] - 10 * mm, title)
        canvas.restoreState()

    return draw


def write_pdf(
    analysis: dict[str, Any],
    charts: dict[str, bytes],
    path: Path,
    *,
    municipality: str | None = None,
    doc: dm.Document | None = None,
    author: str = "scatlas",
) -> Path:
    """Write the PDF report (with `municipality`: that municipality's diagnosis and the overall picture)."""
    register_fonts()
    doc = doc or dm.build_document(analysis, municipality=municipality, max_diagnoses=30)
    story: list[Any] = [_p(doc.title, "title")] + [_p(line, "note") for line in doc.meta] + [Spacer(1, 4 * mm)]
    for s in doc.sections:
        story += [CondPageBreak(60 * mm), _Heading(s.heading, "h1", 0)]
        story += _findings(s.findings)
        for name, _alt in s.charts:
            story += _chart(charts.get(name))
        for t in s.tables:
            if not t.xlsx_only:
                story += _tables(t)
        story += [_p(n, "note") for n in s.notes]
        story += [Paragraph(escape(x), _styles()["item"], bulletText="•") for x in s.items]
        for d in s.diagnoses:
            # heading and findings stay together; the tables flow on (whole diagnoses kept together left pages
            # half empty)
            parts = _diagnosis(d, heading=s.id != "diagnosis")
            head = 2 if s.id != "diagnosis" else 1
            story += [CondPageBreak(45 * mm), KeepTogether(parts[:head]), *parts[head:], Spacer(1, 4 * mm)]
    pdf = _Report(
        str(path),
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=doc.title,
        author=author,
        creator="scatlas",
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    header = _page_number(doc.title)
    pdf.build(story, onFirstPage=header, onLaterPages=header)
    return path
