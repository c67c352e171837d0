"""A small page-layout engine on a reportlab canvas for the sample plans and the benchmark document.

Why not platypus: the ground truth needs the physical page of every service row or card, merged 분야 cells must
be drawn as one ruled cell spanning rows (no inner line), and a table that breaks over pages must repeat its header
row. Drawing by hand keeps all three exact and visible in the code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas

FONT = "NanumGothic"
FONT_BOLD = "NanumGothicBold"


def font_dir() -> Path:
    """The Korean font shipped inside scatlas (a NanumGothic subset, data/fonts/): no system font package needed."""
    from scatlas import fonts

    return fonts.font_dir()


def font_file(bold: bool = False) -> Path:
    from scatlas import fonts

    return fonts.ttf(bold)


def register_fonts() -> None:
    if {FONT, FONT_BOLD} <= set(pdfmetrics.getRegisteredFontNames()):
        return
    pdfmetrics.registerFont(TTFont(FONT, str(font_file())))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(font_file(bold=True))))


def wrap(text: str, width: float, font: str = FONT, size: float = 10) -> list[str]:
    """Greedy line breaking at spaces; a word wider than the line is broken between syllables."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if pdfmetrics.stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for ch in word:
            if pdfmetrics.stringWidth(current + ch, font, size) > width and current:
                lines.append(current)
                current = ""
            current += ch
    if current:
        lines.append(current)
    return lines or [""]


@dataclass
class Column:
    title: str
    width: float
    align: str = "left"  # left or center


@dataclass
class PageInfo:
    physical: int
    printed: str | None
    chapter: str


class PlanPdf:
    """A document being drawn: running header and footer, a text cursor, ruled tables that break over pages."""

    margin = 56.0

    def __init__(self, path: str | Path, header_title: str,
                 printed_number: Callable[[int], str | None]) -> None:
        register_fonts()
        # invariant=1: fixed creation date and document id, so the bytes are the same on every run
        self.c = rl_canvas.Canvas(path if hasattr(path, "write") else str(path), pagesize=A4, invariant=1)
        self.c.setTitle(header_title)
        self.c.setAuthor("scatlas samples (fictional)")
        self.header_title = header_title
        self.printed_number = printed_number
        self.page = 0  # physical page being drawn, 1-based
        self.chapter = ""
        self.size = A4
        self.y = 0.0
        self.open = False
        self.decorate = True
        self.rotated = False
        self.pages: list[PageInfo] = []
        self.page_format: dict = {"size": A4, "decorate": True, "rotate90": False}

    # ---------------------------------------------------------------- pages
    @property
    def width(self) -> float:
        return self.size[0]

    @property
    def height(self) -> float:
        return self.size[1]

    @property
    def text_width(self) -> float:
        return self.width - 2 * self.margin

    def new_page(self, *, size: tuple[float, float] = A4, decorate: bool = True, rotate90: bool = False) -> None:
        """Start a physical page. rotate90 draws a landscape layout on a portrait MediaBox with /Rotate 90."""
        if self.open:
            self.c.showPage()
        self.page += 1
        self.open = True
        self.decorate = decorate
        self.rotated = rotate90
        if rotate90:
            # reportlab writes MediaBox [0 0 h w] when /Rotate is 90, so the landscape size yields a portrait box
            self.c.setPageSize(landscape(A4))
            self.c.setPageRotation(90)
            # /Rotate 90 turns the page clockwise when shown: draw in landscape coordinates (u, v) mapped to
            # x = W - v, y = u so the viewer sees upright text on a landscape page.
            self.c.transform(0, 1, -1, 0, A4[0], 0)
            self.size = landscape(A4)
        else:
            self.c.setPageSize(size)
            self.c.setPageRotation(0)
            self.size = size
        self.page_format = {"size": size, "decorate": decorate, "rotate90": rotate90}
        printed = self.printed_number(self.page) if decorate else None
        self.pages.append(PageInfo(self.page, printed, self.chapter))
        if decorate:
            self._header_footer(printed)
        self.y = self.height - self.margin - 18

    def _header_footer(self, printed: str | None) -> None:
        c = self.c
        c.setFont(FONT, 8)
        c.setStrokeGray(0.4)
        top = self.height - self.margin + 16
        c.drawString(self.margin, top, self.header_title)
        if self.chapter:
            c.drawRightString(self.width - self.margin, top, self.chapter)
        c.line(self.margin, top - 4, self.width - self.margin, top - 4)
        c.line(self.margin, self.margin - 14, self.width - self.margin, self.margin - 14)
        if printed:
            c.drawCentredString(self.width / 2, self.margin - 28, f"- {printed} -")
        c.setStrokeGray(0)

    def ensure(self, needed: float) -> None:
        """A new page if `needed` points do not fit above the bottom margin."""
        if not self.open or self.y - needed < self.margin:
            self.new_page(**self.page_format)

    def finish(self) -> None:
        self.c.showPage()
        self.c.save()

    # ---------------------------------------------------------------- text
    def text(self, text: str, *, size: float = 10, bold: bool = False, indent: float = 0, gap: float = 4,
             leading: float | None = None, center: bool = False) -> int:
        """A wrapped paragraph at the cursor; returns the physical page its first line landed on."""
        font = FONT_BOLD if bold else FONT
        leading = leading or size * 1.6
        lines = wrap(text, self.text_width - indent, font, size)
        self.ensure(leading * min(len(lines), 2))
        first_page = self.page
        for line in lines:
            self.ensure(leading)
            self.c.setFont(font, size)
            if center:
                self.c.drawCentredString(self.width / 2, self.y, line)
            else:
                self.c.drawString(self.margin + indent, self.y, line)
            self.y -= leading
        self.y -= gap
        return first_page

    def heading(self, text: str, size: float = 14) -> int:
        self.ensure(size * 4)
        self.y -= size * 0.4
        return self.text(text, size=size, bold=True, gap=size * 0.6)

    def toc_line(self, label: str, printed: str, *, indent: float = 0, size: float = 10) -> None:
        """A 목차 line with a dot leader to the printed page number."""
        self.ensure(size * 1.7)
        c = self.c
        c.setFont(FONT, size)
        x0 = self.margin + indent
        c.drawString(x0, self.y, label)
        right = self.width - self.margin
        c.drawRightString(right, self.y, printed)
        start = x0 + pdfmetrics.stringWidth(label, FONT, size) + 6
        end = right - pdfmetrics.stringWidth(printed, FONT, size) - 6
        dot = pdfmetrics.stringWidth(".", FONT, size) * 1.6
        n = int((end - start) / dot)
        if n > 0:
            c.drawString(start, self.y, "." * n)
        self.y -= size * 1.7

    # ---------------------------------------------------------------- tables
    def table(self, columns: list[Column], rows: list[list[str]], *, merge_first: bool = False,
              size: float = 8.5, caption: str | None = None, repeat_header: bool = True,
              total_row: list[str] | None = None) -> list[int]:
        """A ruled table; returns the physical page of each body row.

        merge_first draws runs of equal first-column values as one cell spanning those rows (no ruling line
        between them, the label once, vertically centred in its part of the page); after a page break the part on
        the new page is left blank, as word processors print a split merged cell.
        """
        leading = size * 1.45
        pad = 4.0
        widths = [col.width for col in columns]
        x0 = self.margin
        if caption:
            self.ensure(70)
            self.text(caption, size=9.5, bold=True, gap=2)

        def n_lines(text: str, width: float, bold: bool = False) -> int:
            return len(wrap(text, width - 2 * pad, FONT_BOLD if bold else FONT, size))

        def row_height(cells: list[str], bold: bool = False) -> float:
            return max(n_lines(t, w, bold) for t, w in zip(cells, widths)) * leading + 2 * pad

        header = [col.title for col in columns]
        header_h = row_height(header, True)
        body = list(rows) + ([total_row] if total_row else [])
        heights = [row_height(r) for r in body]
        self.ensure(header_h + (heights[0] if heights else 0))

        # Plan the placement first, so a merged run knows its extent on every page it touches.
        top_of_page = self.height - self.margin - 18
        plan: list[tuple[int, float, bool]] = []  # (page, top y, header drawn above this row on a new page)
        page, y = self.page, self.y - header_h
        for i, h in enumerate(heights):
            new = False
            if y - h < self.margin:
                page, y, new = page + 1, top_of_page - (header_h if repeat_header else 0), True
            plan.append((page, y, new))
            y -= h

        merged: dict[int, tuple[float, float, str]] = {}  # first row of a part -> (top, bottom, label)
        if merge_first:
            i = 0
            while i < len(rows):
                j = i
                while j + 1 < len(rows) and rows[j + 1][0] in ("", rows[i][0]):
                    j += 1
                first_part = True
                k = i
                while k <= j:
                    m = k
                    while m + 1 <= j and plan[m + 1][0] == plan[k][0]:
                        m += 1
                    merged[k] = (plan[k][1], plan[m][1] - heights[m], rows[i][0] if first_part else "")
                    first_part = False
                    k = m + 1
                i = j + 1

        self._draw_row(header, widths, x0, self.y, header_h, size, leading, pad, bold=True, shade=True,
                       columns=columns)
        pages: list[int] = []
        for i, h in enumerate(heights):
            _page_i, top, new = plan[i]
            if new:
                self.new_page(**self.page_format)
                if repeat_header:
                    self._draw_row(header, widths, x0, top + header_h, header_h, size, leading, pad,
                                   bold=True, shade=True, columns=columns)
            is_body = i < len(rows)
            self._draw_row(body[i], widths, x0, top, h, size, leading, pad, skip_first=merge_first and is_body,
                           columns=columns, bold=not is_body)
            if i in merged:
                m_top, m_bottom, label = merged[i]
                self._draw_merged(x0, m_top, m_bottom, widths[0], label, size, leading)
            pages.append(self.page)
            self.y = top - h
        self.y -= 8
        return pages[: len(rows)]

    def _draw_row(self, cells: list[str], widths: list[float], x0: float, top: float, h: float, size: float,
                  leading: float, pad: float, *, bold: bool = False, shade: bool = False,
                  skip_first: bool = False, columns: list[Column] | None = None) -> None:
        c = self.c
        font = FONT_BOLD if bold else FONT
        x = x0
        for j, (text, w) in enumerate(zip(cells, widths)):
            if skip_first and j == 0:
                x += w
                continue
            if shade:
                c.setFillGray(0.88)
                c.rect(x, top - h, w, h, stroke=0, fill=1)
                c.setFillGray(0)
            c.setLineWidth(0.6)
            c.rect(x, top - h, w, h, stroke=1, fill=0)
            c.setFont(font, size)
            ty = top - pad - size
            center = shade or (columns is not None and columns[j].align == "center")
            for line in wrap(text, w - 2 * pad, font, size):
                if center:
                    c.drawCentredString(x + w / 2, ty, line)
                else:
                    c.drawString(x + pad, ty, line)
                ty -= leading
            x += w

    def _draw_merged(self, x: float, top: float, bottom: float, w: float, label: str, size: float,
                     leading: float) -> None:
        c = self.c
        c.setLineWidth(0.6)
        c.rect(x, bottom, w, top - bottom, stroke=1, fill=0)
        if label:
            lines = wrap(label, w - 8, FONT, size)
            mid = (top + bottom) / 2 + (len(lines) - 1) * leading / 2 - size / 3
            c.setFont(FONT, size)
            for line in lines:
                c.drawCentredString(x + w / 2, mid, line)
                mid -= leading
