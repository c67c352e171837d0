"""PDF reader: pypdfium2 text on every page, ordered by position; ruled tables found from drawn strokes."""

from __future__ import annotations

import ctypes
import math
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from scatlas.errors import DocumentError
from scatlas.ingest.document import Cell, Document, Page, Table
from scatlas.ingest.limits import DEFAULT_LIMITS, Limits
from scatlas.ingest.normalise import GARBLED_THRESHOLD, clean, garbled_share, squash
from scatlas.ingest.ocr import DEFAULT_OCR, OcrSettings, ocr_unavailable

if TYPE_CHECKING:
    from scatlas.ingest.ocr_pages import OcrPage
from scatlas.ingest.pdf_layout import (
    PageItems,
    Reading,
    drop_running_lines,
    join_continued_tables,
    to_reading,
)
from scatlas.ingest.pdf_rules import (
    CellBox,
    find_grids,
    may_hold_table,
    page_edges,
    rule_only_runs,
    to_user,
)
from scatlas.ingest.tables import build_table

_EOF_WINDOW = 4096
#: scans are OCRed at their own resolution within this range; pages without an image at DEFAULT_OCR_DPI
OCR_DPI_RANGE = (150, 300)
DEFAULT_OCR_DPI = 300


def read_pdf(path: Path, limits: Limits = DEFAULT_LIMITS, ocr: OcrSettings | None = DEFAULT_OCR) -> Document:
    """A PDF as pages of position-ordered lines and tables; running headers/footers and page numbers dropped.

    Pages without usable text (image-only, or text that does not decode) are OCRed when `ocr` is given and
    Tesseract is installed (see scatlas.ingest.ocr); the others are read from their text layer.
    """
    truncated = _missing_eof(path)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise DocumentError("encrypted", "password-protected PDF", path=path) from exc
        raise DocumentError("corrupt", f"PDF cannot be parsed ({exc})", path=path) from exc
    try:
        return _read(pdf, path, limits, truncated, ocr)
    finally:
        pdf.close()


def _missing_eof(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - _EOF_WINDOW))
        return b"%%EOF" not in fh.read()


def _read(
    pdf: pdfium.PdfDocument, path: Path, limits: Limits, truncated: bool, ocr: OcrSettings | None = None
) -> Document:
    n_pages = len(pdf)
    if n_pages == 0:
        raise DocumentError("corrupt", "no pages", path=path)
    if n_pages > limits.max_pages:
        raise DocumentError("too_large", f"{n_pages:,} pages > limit {limits.max_pages:,}", path=path)
    if truncated:
        raise DocumentError("corrupt", "truncated: the %%EOF end marker is missing", path=path)
    doc = Document(path=str(path), format="pdf", page_count=n_pages, title=_title(pdf))
    items: list[PageItems] = []
    blank: list[int] = []
    garbled: list[int] = []
    for index in range(n_pages):
        try:
            page_items = _read_page(pdf, index)
        except pdfium.PdfiumError as exc:
            raise DocumentError("corrupt", f"page cannot be loaded ({exc})", path=path, page=index + 1) from exc
        if page_items.chars == 0:
            blank.append(index + 1)
        elif page_items.garbled:
            garbled.append(index + 1)
        items.append(page_items)
    confidences = _ocr(pdf, path, items, blank, garbled, ocr, doc.warnings)
    blank = [n for n in blank if n not in confidences]
    garbled = [n for n in garbled if n not in confidences]
    dense = [it.number for it in items if it.grid_skipped]
    if dense:
        doc.warnings.append(
            f"{len(dense)} page(s) ruled too densely to search for tables (text kept): {_page_list(dense)}"
        )
    with_text = n_pages - len(blank)
    if with_text == 0:
        raise DocumentError("no_text_layer", f"none of the {n_pages} pages has a text layer", path=path)
    if garbled and 2 * len(garbled) >= with_text:
        raise DocumentError(
            "garbled_text",
            f"{len(garbled)} of {with_text} text pages do not decode (first: page {garbled[0]})",
            path=path,
            page=garbled[0],
        )
    if blank:
        doc.warnings.append(f"{len(blank)} page(s) without a text layer (image-only): {_page_list(blank)}")
    if garbled:
        doc.warnings.append(f"{len(garbled)} page(s) with undecodable text, skipped: {_page_list(garbled)}")
        skipped = set(garbled)
        for it in items:
            if it.number in skipped:
                it.lines.clear()
                it.tables.clear()
    dropped = drop_running_lines(items)
    if dropped:
        doc.warnings.append(f"dropped running headers/footers repeated at the page edges: {'; '.join(dropped[:3])}")
    doc.pages = [Page(number=it.number, blocks=it.blocks(), ocr_confidence=confidences.get(it.number)) for it in items]
    joined = join_continued_tables(doc.pages)
    if joined:
        doc.warnings.append(f"joined {joined} table(s) continued over a page break")
    return doc


def _ocr(
    pdf: pdfium.PdfDocument,
    path: Path,
    items: list[PageItems],
    blank: list[int],
    garbled: list[int],
    ocr: OcrSettings | None,
    warnings: list[str],
) -> dict[int, float]:
    """OCR the pages without usable text in place of their items; {page: mean confidence} of those read.

    Without Tesseract, a document that has no usable text at all is `needs_ocr` (saying what to install);
    a few such pages among text pages are a warning.
    """
    need = sorted(set(blank) | set(garbled))
    if not need or ocr is None:
        return {}
    reason = ocr_unavailable(ocr.lang)
    if reason is not None:
        usable = len(items) - len(need)
        if usable == 0 or (garbled and 2 * len(garbled) >= len(items) - len(blank)):
            raise DocumentError(
                "needs_ocr", f"{len(need)} of {len(items)} pages have no usable text; {reason}", path=path, page=need[0]
            )
        warnings.append(f"{len(need)} page(s) without usable text were not OCRed ({reason}): {_page_list(need)}")
        return {}
    from scatlas.ingest.ocr_pages import ocr_pages  # numpy and Tesseract only for documents that need them

    def render(number: int):
        page = pdf[number - 1]
        try:
            dpi = ocr.dpi or _scan_dpi(page)
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            image.info["dpi"] = (dpi, dpi)
            return image
        finally:
            page.close()

    confidences: dict[int, float] = {}
    failed: list[str] = []
    for result in ocr_pages(render, need, ocr):
        if result.error is not None:
            failed.append(f"page {result.number}: {result.error}")
        if result.words == 0 or not _reads_as_text(result):
            continue  # a blank page, a picture, or glyphs OCR cannot read as words: left as it was
        items[result.number - 1] = result.items()
        confidences[result.number] = result.confidence or 0.0
    if confidences:
        mean = sum(confidences.values()) / len(confidences)
        warnings.append(
            f"{len(confidences)} page(s) read by OCR (Tesseract, mean word confidence {mean:.2f}): "
            f"{_page_list(sorted(confidences))}"
        )
    if failed:
        warnings.append(f"OCR failed on {len(failed)} page(s): {'; '.join(failed[:3])}")
    return confidences


def _scan_dpi(page: pdfium.PdfPage) -> int:
    """The resolution to OCR a page at: its largest image's own (a scan is read at the dpi it was scanned at;
    upsampling made Tesseract worse and slower, bench/README.md), kept within OCR_DPI_RANGE."""
    low, high = OCR_DPI_RANGE
    best = 0.0
    try:
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
            width, _ = obj.get_px_size()
            left, _, right, _ = obj.get_bounds()
            if right - left > 72:  # at least an inch wide: a scan, not a logo
                best = max(best, width / ((right - left) / 72))
    except (pdfium.PdfiumError, ValueError, ZeroDivisionError):
        best = 0.0
    return round(min(high, max(low, best))) if best else DEFAULT_OCR_DPI


#: an OCRed page is kept when its words are this sure (0–1) and mostly letters, not digits and marks
MIN_OCR_PAGE_CONFIDENCE = 0.6
MIN_LETTER_SHARE = 0.5


def _reads_as_text(result: OcrPage) -> bool:
    """Whether OCR found text on the page, not noise read off a drawing or undecodable glyphs ('29 x] 9 4 24')."""
    text = "".join(t for _, t in result.lines) + "".join(c[0] for _, t in result.tables for c in t["cells"])
    visible = [ch for ch in text if not ch.isspace()]
    letters = sum(ch.isalpha() for ch in visible)
    return (result.confidence or 0.0) >= MIN_OCR_PAGE_CONFIDENCE and letters >= MIN_LETTER_SHARE * max(1, len(visible))


def _page_list(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:10])
    return shown + (f" … (+{len(pages) - 10})" if len(pages) > 10 else "")


def _title(pdf: pdfium.PdfDocument) -> str | None:
    try:
        title = pdf.get_metadata_value("Title")
    except (pdfium.PdfiumError, ValueError):
        return None  # metadata is optional; a damaged info dictionary must not fail the read
    title = squash(clean(title or ""))
    return title or None


def _read_page(pdf: pdfium.PdfDocument, index: int) -> PageItems:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        items = PageItems(number=index + 1)
        n_chars = textpage.count_chars()
        items.chars = n_chars
        if n_chars <= 0:
            return items
        quarter = _text_quarter(textpage, n_chars)
        bounded = _BoundedText(textpage, n_chars)
        found: list[tuple[Table, Reading]] = []
        edges = page_edges(page, quarter)
        grids: list[list[CellBox]] | None = []
        if may_hold_table(edges):
            grids = find_grids(edges)
            items.grid_skipped = grids is None
        if grids is not None and len(edges) >= 3:
            runs = rule_only_runs(edges, [_bounds(g) for g in grids if len(g) >= 2])
            if runs:
                grids = grids + _rule_row_grids(runs, textpage, n_chars, quarter)
        found = _tables(grids or [], bounded, quarter, index + 1)
        pieces = None if found else _line_pieces(textpage, n_chars, quarter)
        if pieces is None:
            pieces = _rect_pieces(textpage, bounded, quarter, [area for _, area in found])
        all_text = "".join(t for _, t in pieces) + "".join(c.text for t, _ in found for c in t.cells)
        if not any(not ch.isspace() for ch in all_text):
            # glyphs drawn as text but without any Unicode mapping: CID fonts lacking ToUnicode
            if textpage.get_text_range().strip() or n_chars < 5:
                items.chars = 0
            else:
                items.garbled = True
            return items
        items.garbled = garbled_share(all_text) > GARBLED_THRESHOLD
        items.add_pieces(pieces)
        items.tables.extend((area, table) for table, area in found)
        return items
    finally:
        textpage.close()
        page.close()


def _line_pieces(textpage: pdfium.PdfTextPage, n_chars: int, quarter: int) -> list[tuple[Reading, str]] | None:
    """pdfium's own lines (file order) with their positions: two char-box calls a line, the fast path.

    None when the text does not index one-to-one with pdfium's chars, or when pdfium sees more text rectangles
    than lines (a line made of pieces: far apart ones may be two columns written row by row, or a label and
    its value): then the slower rectangle path, which keeps such pieces apart, is used.
    """
    text = textpage.get_text_range(0, n_chars, errors="replace")
    if len(text) != n_chars:
        return None
    pieces = []
    start = 0
    for line in text.split("\r\n"):
        end = start + len(line)
        stripped = line.strip()
        if stripped:
            first = start + (len(line) - len(line.lstrip()))
            last = start + len(line.rstrip()) - 1
            a, b = textpage.get_charbox(first), textpage.get_charbox(last)
            box = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
            pieces.append((to_reading(box, quarter), line))
        start = end + 2
    if textpage.count_rects() > len(pieces):
        return None
    return pieces


def _rect_pieces(
    textpage: pdfium.PdfTextPage, bounded: _BoundedText, quarter: int, tables: list[Reading]
) -> list[tuple[Reading, str]]:
    """Text by runs of pdfium's text rectangles, leaving out those inside table areas (their text is in cells).

    Rectangles split wherever the text object or font changes (in some PDFs at every glyph); neighbours on one
    line closer than an em are merged into one run first, so the text is fetched once per run, not per glyph.
    """
    boxes = []
    for i in range(textpage.count_rects()):
        rect = textpage.get_rect(i)
        box = to_reading(rect, quarter)
        if not any(_inside(box, area) for area in tables):
            boxes.append((box, rect))
    pieces = []
    for run in _runs(boxes):
        user = (
            min(r[0] for _, r in run),
            min(r[1] for _, r in run),
            max(r[2] for _, r in run),
            max(r[3] for _, r in run),
        )
        text = bounded.text(user)
        if text.strip():
            pieces.append((to_reading(user, quarter), text))
    return pieces


_Rect = tuple[float, float, float, float]


def _runs(boxes: list[tuple[Reading, _Rect]]) -> list[list[tuple[Reading, _Rect]]]:
    """Rectangles grouped into runs: one line (centre inside the line's band), gaps under one em."""
    lines: list[list[tuple[Reading, _Rect]]] = []
    for item in sorted(boxes, key=lambda b: ((b[0].top + b[0].bottom) / 2, b[0].left)):
        box = item[0]
        if lines and lines[-1][0][0].top <= (box.top + box.bottom) / 2 <= lines[-1][0][0].bottom:
            lines[-1].append(item)
        else:
            lines.append([item])
    runs: list[list[tuple[Reading, _Rect]]] = []
    for line in lines:
        line.sort(key=lambda b: b[0].left)
        runs.append([line[0]])
        for item in line[1:]:
            last = runs[-1][-1][0]
            em = max(last.bottom - last.top, item[0].bottom - item[0].top, 1.0)
            if item[0].left - last.right < em:
                runs[-1].append(item)
            else:
                runs.append([item])
    return runs


def _inside(box: Reading, area: Reading) -> bool:
    cy, cx = (box.top + box.bottom) / 2, (box.left + box.right) / 2
    return area.top - 1 <= cy <= area.bottom + 1 and area.left - 1 <= cx <= area.right + 1


class _BoundedText:
    """Text inside a rectangle, with one reused buffer and one pdfium call (the wrapper makes two per rectangle)."""

    def __init__(self, textpage: pdfium.PdfTextPage, n_chars: int) -> None:
        self.textpage = textpage
        self.size = n_chars + 1
        self.buffer = (ctypes.c_ushort * self.size)()

    def text(self, rect: tuple[float, float, float, float]) -> str:
        left, bottom, right, top = rect
        n = pdfium_c.FPDFText_GetBoundedText(self.textpage, left, top, right, bottom, self.buffer, self.size)
        n = min(n, self.size)
        if n > 0 and self.buffer[n - 1] == 0:  # the count includes the terminating NUL
            n -= 1
        if n <= 0:
            return ""
        return ctypes.string_at(self.buffer, 2 * n).decode("utf-16-le", "replace")


def _tables(grids: list[list[CellBox]], bounded: _BoundedText, quarter: int, page: int) -> list[tuple[Table, Reading]]:
    out = []
    for boxes in grids:
        table = _table_from_cells(boxes, bounded, quarter, page)
        if table is not None and (table.n_rows >= 2 or table.n_cols >= 2):
            area = Reading(
                top=min(b[1] for b in boxes),
                bottom=max(b[3] for b in boxes),
                left=min(b[0] for b in boxes),
                right=max(b[2] for b in boxes),
            )
            out.append((table, area))
    return out


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


def _table_from_cells(boxes: list[CellBox], bounded: _BoundedText, quarter: int, page: int) -> Table | None:
    """A Table from lattice cell boxes: grid lines from the cell edges, spans from how many they cover."""
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
        text = bounded.text(to_user(box, quarter))
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


def _bounds(boxes: list[CellBox]) -> CellBox:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


#: a column gutter in a table ruled only horizontally is at least this share of the text height wide
_GUTTER_EMS = 1.0


def _rule_row_grids(
    runs: list[tuple[float, float, list[float]]], textpage: pdfium.PdfTextPage, n_chars: int, quarter: int
) -> list[list[CellBox]]:
    """Cell boxes of tables drawn with horizontal rules only: rows between the rules, columns at the gutters
    that stay free of text in every row (the words of each column align across the rows)."""
    chars: list[Reading] = []
    for i in range(n_chars):
        if chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 32).isspace():
            continue
        box = to_reading(textpage.get_charbox(i), quarter)
        if box.right - box.left > 0 and box.bottom - box.top > 0:
            chars.append(box)
    out = []
    for x0, x1, tops in runs:
        bands = []
        for top, bottom in pairwise(tops):
            inside = [c for c in chars if top < (c.top + c.bottom) / 2 < bottom and x0 <= c.left and c.right <= x1]
            bands.append((top, bottom, inside))
        grid = _rule_row_grid(x0, x1, bands)
        if grid:
            out.append(grid)
    return out


def _free_spans(x0: float, x1: float, boxes: list[Reading], min_gap: float) -> list[tuple[float, float]]:
    """The x-ranges inside (x0, x1) at least min_gap wide that no box covers."""
    spans = []
    at = x0
    for box in sorted(boxes, key=lambda b: b.left):
        if box.left - at >= min_gap:
            spans.append((at, box.left))
        at = max(at, box.right)
    if x1 - at >= min_gap:
        spans.append((at, x1))
    return spans


def _gutters(x0: float, x1: float, bands: list[tuple[float, float, list[Reading]]]) -> list[tuple[float, float]]:
    """Gutters between text columns: free of text in every band, with text on both sides somewhere."""
    boxes = [c for _, _, inside in bands for c in inside]
    if not boxes:
        return []
    height = sorted(c.bottom - c.top for c in boxes)[len(boxes) // 2]
    spans = _free_spans(x0, x1, boxes, _GUTTER_EMS * height)
    return [(a, b) for a, b in spans if a > x0 and b < x1]  # inner gaps only, not the margins of the cells


def _closes(a: float, b: float, band: list[Reading], rest: list[tuple[float, float, list[Reading]]]) -> bool:
    """Whether a band's text runs through the gutter (a, b) of the other bands (it leaves no gap there)."""
    boxes = [c for _, _, inside in rest for c in inside]
    height = sorted(c.bottom - c.top for c in boxes)[len(boxes) // 2]
    return not _free_spans(a, b, [c for c in band if c.right > a and c.left < b], _GUTTER_EMS * height)


def _rule_row_grid(x0: float, x1: float, bands: list[tuple[float, float, list[Reading]]]) -> list[CellBox]:
    """The cell boxes of one rule-only table, or [] when the rows do not line up in two or more columns.

    Bands at either end whose text runs across the others' gutters (a heading between a page's top rule and
    the table) are trimmed first; the header row must then fill two or more columns and every data row one.
    Prose with underlined words never gets here: underlines do not share their ends three times over.
    """
    bands = [b for b in bands if b[2]] if all(b[2] for b in bands[1:-1]) else []
    trimmed = True
    while trimmed and len(bands) >= 3:
        trimmed = False
        for end, rest in ((0, bands[1:]), (-1, bands[:-1])):
            gutters = _gutters(x0, x1, rest)
            if gutters and any(_closes(a, b, bands[end][2], rest) for a, b in gutters):
                bands, trimmed = rest, True
                break
    if len(bands) < 2:
        return []
    gutters = _gutters(x0, x1, bands)
    edges = [x0] + [(a + b) / 2 for a, b in gutters] + [x1]
    filled = [
        sum(1 for left, right in pairwise(edges) if any(left <= (c.left + c.right) / 2 < right for c in inside))
        for _, _, inside in bands
    ]
    if filled[0] < 2 or sum(f >= 2 for f in filled) < 0.5 * len(filled):
        return []
    # every column holds a cell of two or more characters: a column of lone bullets ('○') is prose indentation
    for left, right in pairwise(edges):
        if not any(sum(1 for c in inside if left <= (c.left + c.right) / 2 < right) >= 2 for _, _, inside in bands):
            return []
    return [(left, top, right, bottom) for top, bottom, _ in bands for left, right in pairwise(edges)]
