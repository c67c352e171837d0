"""PDF reader: pypdfium2 text on every page, ordered by position; pdfplumber tables only where rules are drawn."""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from scatlas.errors import DocumentError
from scatlas.ingest.document import Block, Cell, Document, Page, Table, TextBlock
from scatlas.ingest.limits import DEFAULT_LIMITS, Limits
from scatlas.ingest.normalise import GARBLED_THRESHOLD, clean, garbled_share, squash
from scatlas.ingest.pdf_layout import Box, PageItems, drop_running_lines, join_continued_tables, to_reading
from scatlas.ingest.tables import build_table

#: a page needs this many thin horizontal and vertical path objects before pdfplumber looks for tables
MIN_RULES = 2
_EOF_WINDOW = 4096


def read_pdf(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """A PDF as pages of position-ordered lines and tables; running headers/footers and page numbers dropped."""
    truncated = _missing_eof(path)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise DocumentError("encrypted", "password-protected PDF", path=path) from exc
        raise DocumentError("corrupt", f"PDF cannot be parsed ({exc})", path=path) from exc
    try:
        return _read(pdf, path, limits, truncated)
    finally:
        pdf.close()


def _missing_eof(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - _EOF_WINDOW))
        return b"%%EOF" not in fh.read()


def _read(pdf: pdfium.PdfDocument, path: Path, limits: Limits, truncated: bool) -> Document:
    n_pages = len(pdf)
    if n_pages == 0:
        raise DocumentError("corrupt", "no pages", path=path)
    if n_pages > limits.max_pages:
        raise DocumentError("too_large", f"{n_pages:,} pages > limit {limits.max_pages:,}", path=path)
    if truncated:
        raise DocumentError("corrupt", "truncated: the %%EOF end marker is missing", path=path)
    doc = Document(path=str(path), format="pdf", page_count=n_pages, title=_title(pdf))
    tables = _TableFinder(path)
    items: list[PageItems] = []
    blank: list[int] = []
    garbled: list[int] = []
    try:
        for index in range(n_pages):
            try:
                page_items = _read_page(pdf, index, tables)
            except pdfium.PdfiumError as exc:
                raise DocumentError("corrupt", f"page cannot be loaded ({exc})", path=path, page=index + 1) from exc
            if page_items.chars == 0:
                blank.append(index + 1)
            elif page_items.garbled:
                garbled.append(index + 1)
            items.append(page_items)
    finally:
        tables.close()
    if tables.failures:
        doc.warnings.append(f"table structure could not be read on {len(tables.failures)} page(s) "
                            f"(text kept): {_page_list(tables.failures)}")
    with_text = n_pages - len(blank)
    if with_text == 0:
        raise DocumentError("no_text_layer", f"none of the {n_pages} pages has a text layer", path=path)
    if garbled and len(garbled) >= max(1, with_text // 2):
        raise DocumentError("garbled_text", f"{len(garbled)} of {with_text} text pages do not decode "
                            f"(first: page {garbled[0]})", path=path, page=garbled[0])
    if blank:
        doc.warnings.append(f"{len(blank)} page(s) without a text layer (image-only): {_page_list(blank)}")
    if garbled:
        doc.warnings.append(f"{len(garbled)} page(s) with undecodable text, skipped: {_page_list(garbled)}")
        for it in items:
            if it.number in garbled:
                it.lines.clear()
                it.tables.clear()
    dropped = drop_running_lines(items)
    if dropped:
        doc.warnings.append(f"dropped running headers/footers repeated on most pages: {'; '.join(dropped[:3])}")
    doc.pages = [Page(number=it.number, blocks=it.blocks()) for it in items]
    joined = join_continued_tables(doc.pages)
    if joined:
        doc.warnings.append(f"joined {joined} table(s) continued over a page break")
    return doc


def _page_list(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:10])
    return shown + (f" … (+{len(pages) - 10})" if len(pages) > 10 else "")


def _title(pdf: pdfium.PdfDocument) -> str | None:
    try:
        title = pdf.get_metadata_value("Title")
    except Exception:  # metadata is optional; a damaged info dictionary must not fail the read
        return None
    title = squash(clean(title or ""))
    return title or None


def _read_page(pdf: pdfium.PdfDocument, index: int, finder: "_TableFinder") -> PageItems:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        rotation = page.get_rotation()
        mediabox = page.get_mediabox()
        items = PageItems(number=index + 1)
        n_chars = textpage.count_chars()
        items.chars = n_chars
        if n_chars <= 0:
            return items
        quarter = _text_quarter(textpage, n_chars)
        found: list[tuple[Table, Box]] = []
        if _has_rules(page):
            found = finder.tables(index, textpage, rotation, mediabox, quarter)
        pieces: list[tuple[Box, str]] = []
        n_rects = textpage.count_rects()
        for i in range(n_rects):
            rect = textpage.get_rect(i)
            cx, cy = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
            if any(_inside(cx, cy, box) for _, box in found):
                continue  # table text lives in its cells only
            text = textpage.get_text_bounded(*rect, errors="replace")
            if text.strip():
                pieces.append((to_reading(rect, quarter), text))
        all_text = "".join(t for _, t in pieces) + "".join(c.text for t, _ in found for c in t.cells)
        visible = sum(1 for ch in all_text if not ch.isspace())
        if visible == 0:
            # glyphs drawn as text but without any Unicode mapping: CID fonts lacking ToUnicode
            if textpage.get_text_range().strip() or n_chars < 5:
                items.chars = 0
            else:
                items.garbled = True
            return items
        items.garbled = garbled_share(all_text) > GARBLED_THRESHOLD
        items.add_pieces(pieces)
        for table, box in found:
            items.tables.append((to_reading(box, quarter).top, table))
        return items
    finally:
        textpage.close()
        page.close()


def _inside(x: float, y: float, box: Box) -> bool:
    left, bottom, right, top = box
    return left - 1 <= x <= right + 1 and bottom - 1 <= y <= top + 1


def _text_quarter(textpage: pdfium.PdfTextPage, n_chars: int) -> int:
    """The dominant text direction in quarter turns counter-clockwise (0 upright, 1 running up the page, …)."""
    votes = [0, 0, 0, 0]
    step = max(1, n_chars // 24)
    for i in range(0, n_chars, step):
        angle = pdfium_c.FPDFText_GetCharAngle(textpage, i)
        if angle < 0:
            continue
        # pdfium measures clockwise
        votes[round(((2 * math.pi - angle) % (2 * math.pi)) / (math.pi / 2)) % 4] += 1
    return max(range(4), key=lambda q: (votes[q], q == 0))


def _has_rules(page: pdfium.PdfPage) -> bool:
    """Whether the page draws enough horizontal and vertical strokes to frame a table (a cheap pre-check)."""
    horizontal = vertical = 0
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    count = pdfium_c.FPDFPage_CountObjects(page)
    for i in range(count):
        obj = pdfium_c.FPDFPage_GetObject(page, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        w, h = right.value - left.value, top.value - bottom.value
        if h <= 3 and w > 8:
            horizontal += 1
        elif w <= 3 and h > 8:
            vertical += 1
        elif w > 8 and h > 8:
            # a rectangle framing a cell gives both directions
            horizontal += 2
            vertical += 2
        if horizontal >= MIN_RULES and vertical >= MIN_RULES:
            return True
    return False


@dataclass
class _TableFinder:
    """pdfplumber, opened lazily on the first page that may hold a table, and asked for lattice tables only."""

    path: Path
    unreadable: bool = False
    failures: list[int] = field(default_factory=list)
    _pdf: Any = field(default=None, init=False)

    def tables(self, index: int, textpage: pdfium.PdfTextPage, rotation: int, mediabox: tuple[float, ...],
               quarter: int) -> list[tuple[Table, Box]]:
        """Lattice tables of one page; [] (and a note in `failures`) where pdfminer cannot parse what pdfium can."""
        if self.unreadable:
            return []
        try:
            if self._pdf is None:
                import pdfplumber  # lazy: pdfminer is slow to import and needed only for table pages

                self._pdf = pdfplumber.open(str(self.path))
            ppage = self._pdf.pages[index]
        except Exception:  # pdfminer raises many types on damaged files: keep the text, lose table structure
            self.unreadable = True
            self.failures.append(index + 1)
            return []
        try:
            found = ppage.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
            out = []
            for ptable in found:
                table_box = _to_user(ptable.bbox, rotation, mediabox)
                table = _table_from_cells(ptable.cells, textpage, rotation, mediabox, index + 1)
                if table is not None and (table.n_rows >= 2 or table.n_cols >= 2):
                    out.append((table, table_box))
            return out
        except Exception:
            self.failures.append(index + 1)
            return []
        finally:
            try:
                ppage.close()
            except Exception:  # closing only frees caches
                pass

    def close(self) -> None:
        if self._pdf is not None:
            pdf, self._pdf = self._pdf, None
            try:
                pdf.close()  # pdfplumber's close walks every page and can fail on damaged page trees
            except Exception:
                stream = getattr(pdf, "stream", None)
                if stream is not None:
                    stream.close()


def _to_user(bbox: tuple[float, float, float, float], rotation: int, mediabox: tuple[float, ...]) -> Box:
    """A pdfplumber box (display space: x0, top, x1, bottom) in PDF user space (left, bottom, right, top)."""
    x0, top, x1, bottom = bbox
    mx0, my0, mx1, my1 = mediabox[:4]
    if rotation == 90:
        xs, ys = (mx0 + top, mx0 + bottom), (my0 + x0, my0 + x1)
    elif rotation == 180:
        xs, ys = (mx1 - x1, mx1 - x0), (my0 + top, my0 + bottom)
    elif rotation == 270:
        xs, ys = (mx1 - bottom, mx1 - top), (my1 - x1, my1 - x0)
    else:
        xs, ys = (mx0 + x0, mx0 + x1), (my1 - bottom, my1 - top)
    return (min(xs), min(ys), max(xs), max(ys))


def _table_from_cells(boxes: list[tuple[float, float, float, float]], textpage: pdfium.PdfTextPage,
                      rotation: int, mediabox: tuple[float, ...], page: int) -> Table | None:
    """A Table from pdfplumber's cell boxes: grid lines from the cell edges, spans from how many they cover."""
    if not boxes:
        return None
    cols = _edges([b[0] for b in boxes])
    rows = _edges([b[1] for b in boxes])
    cells = []
    for box in boxes:
        col = _edge_index(cols, box[0])
        row = _edge_index(rows, box[1])
        col_span = max(1, sum(1 for x in cols if box[0] - 1 <= x < box[2] - 1))
        row_span = max(1, sum(1 for y in rows if box[1] - 1 <= y < box[3] - 1))
        user = _to_user(box, rotation, mediabox)
        text = textpage.get_text_bounded(*user, errors="replace")
        cells.append(Cell(text=_cell_text(text), row=row, col=col, row_span=row_span, col_span=col_span))
    return build_table(cells, len(rows), len(cols), page=page)


def _cell_text(text: str) -> str:
    lines = [squash(line) for line in clean(text).split("\n")]
    return "\n".join(line for line in lines if line)


def _edges(values: list[float], tol: float = 1.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _edge_index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


__all__ = ["read_pdf", "Block", "TextBlock"]
