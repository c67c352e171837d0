"""Small documents built by hand for the reader tests: PDFs (reportlab), DOCX (python-docx), HWPX (zip + OWPML)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas as rl_canvas
from tools.samples.pdf_layout import FONT, register_fonts

# the Korean font ships inside scatlas (data/fonts/): no system font package needed
register_fonts()

W, H = A4
Draw = Callable[[rl_canvas.Canvas], None]


def build_pdf(path: Path, pages: Sequence[Draw], pagesize: tuple[float, float] = A4, **canvas_kw: object) -> Path:
    """A PDF with one page per drawing function."""
    c = rl_canvas.Canvas(str(path), pagesize=pagesize, **canvas_kw)
    for draw in pages:
        c.setFont(FONT, 11)
        draw(c)
        c.showPage()
    c.save()
    return path


def text(x: float, y: float, s: str, size: float = 11) -> Draw:
    def draw(c: rl_canvas.Canvas) -> None:
        c.setFont(FONT, size)
        c.drawString(x, y, s)

    return draw


def grid_table(
    x: float,
    top: float,
    col_widths: Sequence[float],
    rows: Sequence[Sequence[str | None]],
    row_h: float = 20,
    merges: Sequence[tuple[int, int, int, int]] = (),
) -> Draw:
    """A ruled table; `merges` are (row, col, row_span, col_span) whose inner rules are left out.

    A None cell text means 'covered by a merge' and draws nothing.
    """
    xs = [x]
    for w in col_widths:
        xs.append(xs[-1] + w)
    ys = [top - i * row_h for i in range(len(rows) + 1)]

    def covered(r: int, c: int) -> tuple[int, int, int, int] | None:
        for m in merges:
            if m[0] <= r < m[0] + m[2] and m[1] <= c < m[1] + m[3]:
                return m
        return None

    def draw(c: rl_canvas.Canvas) -> None:
        c.setFont(FONT, 10)
        for r in range(len(rows)):
            for col in range(len(col_widths)):
                m = covered(r, col)
                # top edge unless inside a vertical merge
                if not (m and r > m[0]):
                    c.line(xs[col], ys[r], xs[col + 1], ys[r])
                if not (m and col > m[1]):
                    c.line(xs[col], ys[r], xs[col], ys[r + 1])
        c.line(xs[0], ys[-1], xs[-1], ys[-1])
        c.line(xs[-1], ys[0], xs[-1], ys[-1])
        for r, row in enumerate(rows):
            for col, s in enumerate(row):
                if s:
                    c.drawString(xs[col] + 4, ys[r] - row_h + 6, s)

    return draw


def rotated_page(lines: Sequence[str]) -> Draw:
    """A portrait page with /Rotate 90 whose text is drawn turned, so it reads upright on screen."""

    def draw(c: rl_canvas.Canvas) -> None:
        c.setPageRotation(90)
        c.saveState()
        c.translate(W, 0)
        c.rotate(90)
        for i, s in enumerate(lines):
            c.drawString(72, W - 72 - 20 * i, s)
        c.restoreState()

    return draw


def landscape_size() -> tuple[float, float]:
    return landscape(A4)


def shape_only(c: rl_canvas.Canvas) -> None:
    """A page with a drawn picture and no text at all (what a scan looks like to a text extractor)."""
    c.setFillColorRGB(0.2, 0.4, 0.6)
    c.rect(100, 300, 300, 200, fill=1)
    c.circle(250, 600, 50, fill=1)


# ---------------------------------------------------------------- HWPX

HWPX_NS = (
    'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"'
)


def hwpx_para(s: str) -> str:
    return f"<hp:p><hp:run><hp:t>{s}</hp:t></hp:run></hp:p>"


def hwpx_cell(s: str, row: int, col: int, row_span: int = 1, col_span: int = 1) -> str:
    return (
        f'<hp:tc><hp:subList>{hwpx_para(s)}</hp:subList><hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
        f'<hp:cellSpan colSpan="{col_span}" rowSpan="{row_span}"/></hp:tc>'
    )


def hwpx_table(rows: Sequence[Sequence[str]], n_rows: int, n_cols: int) -> str:
    body = "".join(f"<hp:tr>{''.join(r)}</hp:tr>" for r in rows)
    return f'<hp:p><hp:run><hp:tbl rowCnt="{n_rows}" colCnt="{n_cols}">{body}</hp:tbl></hp:run></hp:p>'


def build_hwpx(path: Path, sections: Sequence[str], spine: Sequence[int] | None = None) -> Path:
    """An HWPX package: `sections` are the inner XML of each hs:sec; `spine` orders them (default as given)."""
    order = list(spine) if spine is not None else list(range(len(sections)))
    items = "".join(
        f'<opf:item id="section{i}" href="Contents/section{i}.xml" media-type="application/xml"/>'
        for i in range(len(sections))
    )
    refs = "".join(f'<opf:itemref idref="section{i}"/>' for i in order)
    hpf = (
        '<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/">'
        f"<opf:metadata><opf:title>시험 문서</opf:title></opf:metadata><opf:manifest>{items}</opf:manifest>"
        f"<opf:spine>{refs}</opf:spine></opf:package>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        zf.writestr("Contents/content.hpf", hpf)
        for i, inner in enumerate(sections):
            zf.writestr(
                f"Contents/section{i}.xml", f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {HWPX_NS}>{inner}</hs:sec>'
            )
    return path
