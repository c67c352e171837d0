"""OCR of PDF pages without usable text: pypdfium2 renders, Tesseract (via tesserocr) reads, with layout.

A page is rendered at its scan's own resolution (or `OcrSettings.dpi`), deskewed, its ruling lines found in the
pixels and erased, and read by Tesseract with word boxes and confidences. Cells of a ruled table (the same lattice search the PDF reader runs
on drawn strokes) are read one by one, the rest of the page with Tesseract's page layout; the result is the
same `PageItems` the text-layer path produces, so the extractors need not know a page was scanned. Pages are
read in parallel threads (tesserocr releases the GIL while Tesseract works), one Tesseract instance per thread.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from scatlas.ingest.document import Cell, Table
from scatlas.ingest.normalise import clean, squash
from scatlas.ingest.ocr import OcrSettings, tessdata_dir
from scatlas.ingest.ocr_image import dark_mask, deskew, erase_rules, find_rules, rule_edges
from scatlas.ingest.pdf_layout import PageItems, Reading
from scatlas.ingest.pdf_rules import find_grids
from scatlas.ingest.tables import build_table

#: a word below this confidence (0–100) is noise (specks, rules left over)
MIN_WORD_CONFIDENCE = 30.0
#: a page whose words Tesseract's page layout reads with less mean confidence than this is read again as one column
RETRY_CONFIDENCE = 75.0
#: a word the Korean model reads with less confidence than this is read again by the English model
LATIN_RETRY = 75.0
_HANGUL = re.compile("[가-힣]")
_LATIN_WORD = re.compile(r"[(\[]?[A-Za-z][A-Za-z0-9&+./-]*[)\]]?[.,]?")
#: a word less high than this share of the page's median word height is a sliver of a rule, not text
MIN_HEIGHT = 0.55


@dataclass
class Word:
    text: str
    confidence: float  # 0–100
    left: float
    top: float
    right: float
    bottom: float
    line: int  # Tesseract's line number on the page


@dataclass
class OcrPage:
    """One OCRed page in points (reading space), ready to become PageItems; JSON for the cache."""

    number: int
    lines: list[tuple[Reading, str]] = field(default_factory=list)
    tables: list[tuple[Reading, dict[str, Any]]] = field(default_factory=list)
    confidence: float | None = None  # mean word confidence, 0–1
    words: int = 0
    skew: float = 0.0
    error: str | None = None  # why Tesseract failed on this page

    def to_json(self) -> str:
        return json.dumps(
            {
                "number": self.number,
                "lines": [[list(r), t] for r, t in self.lines],
                "tables": [[list(r), t] for r, t in self.tables],
                "confidence": self.confidence,
                "words": self.words,
                "skew": self.skew,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, data: str) -> OcrPage:
        raw = json.loads(data)
        return cls(
            number=raw["number"],
            lines=[(Reading(*r), t) for r, t in raw["lines"]],
            tables=[(Reading(*r), t) for r, t in raw["tables"]],
            confidence=raw["confidence"],
            words=raw["words"],
            skew=raw.get("skew", 0.0),
        )

    def items(self) -> PageItems:
        """The page as the PDF reader's PageItems (lines grouped, tables placed)."""
        items = PageItems(number=self.number, chars=sum(len(t) for _, t in self.lines))
        items.add_pieces(list(self.lines))
        for area, table in self.tables:
            cells = [Cell(text=c[0], row=c[1], col=c[2], row_span=c[3], col_span=c[4]) for c in table["cells"]]
            built = build_table(cells, table["rows"], table["cols"], page=self.number)
            if built is not None:
                items.tables.append((area, built))
                items.chars += sum(len(c.text) for c in cells)
        return items


def _table_json(table: Table) -> dict[str, Any]:
    return {
        "rows": table.n_rows,
        "cols": table.n_cols,
        "cells": [[c.text, c.row, c.col, c.row_span, c.col_span] for c in table.cells],
    }


class _Engine:
    """One Tesseract instance (not thread-safe: one per thread)."""

    def __init__(self, lang: str) -> None:
        import tesserocr  # type: ignore[import-untyped]  # no stubs; the calls used are few

        folder = tessdata_dir(lang) or ""
        self.api = tesserocr.PyTessBaseAPI(path=folder, lang=lang, psm=tesserocr.PSM.AUTO)
        # the page is already deskewed and its rules erased; no dictionary-driven word splitting across cells
        self.api.SetVariable("preserve_interword_spaces", "1")
        # Latin words in Korean plans (CCTV, WiFi, AI, DRT) defeat the Korean model, and 'kor+eng' reads Hangul
        # worse and at half the speed: unsure words are read again by the English model alone
        self.latin = None
        if "eng" not in lang.split("+") and Path(folder, "eng.traineddata").is_file():
            self.latin = tesserocr.PyTessBaseAPI(path=folder, lang="eng", psm=tesserocr.PSM.SINGLE_WORD)

    def set_image(self, image: Any) -> None:
        self.api.SetImage(image)
        self.pixels = np.asarray(image.convert("L"))
        if self.latin is not None:
            self.latin.SetImage(image)

    def _latin(self, word: Word) -> Word:
        """The word as the English model reads it, when that reading is Latin and surer than the Korean one."""
        if (
            self.latin is None
            or word.confidence >= LATIN_RETRY
            or (_HANGUL.search(word.text) and word.confidence >= 50)
        ):
            return word
        pad = 2
        left, top = max(0, int(word.left) - pad), max(0, int(word.top) - pad)
        self.latin.SetRectangle(left, top, int(word.right - word.left) + 2 * pad, int(word.bottom - word.top) + 2 * pad)
        text = (self.latin.GetUTF8Text() or "").strip()
        confidence = float(self.latin.MeanTextConf())
        if _LATIN_WORD.fullmatch(text) and confidence >= 70 and confidence > word.confidence:
            return Word(text, confidence, word.left, word.top, word.right, word.bottom, word.line)
        return word

    def page_words(self) -> list[Word]:
        """Words of the whole page: Tesseract's page layout, or one column when that layout reads badly.

        On pages of full-width prose lines the automatic layout sometimes splits lines into fragments and reads
        them as noise (mean confidence below 0.4); read as one column of lines they come out right.
        """
        from tesserocr import PSM

        words = self.words(psm=PSM.AUTO)
        if _mean_confidence(words) < RETRY_CONFIDENCE:
            column = self.words(psm=PSM.SINGLE_COLUMN)
            if _mean_confidence(column) > _mean_confidence(words):
                return column
        return words

    def words(
        self, rect: tuple[int, int, int, int] | None = None, line_base: int = 0, psm: int | None = None
    ) -> list[Word]:
        """Words of the whole image (page layout `psm`), or of one rectangle (a table cell: one block of text)."""
        from tesserocr import PSM, RIL, iterate_level

        if rect is None:
            self.api.SetPageSegMode(PSM.AUTO if psm is None else psm)
        else:
            self.api.SetPageSegMode(PSM.SINGLE_BLOCK)
            self.api.SetRectangle(*rect)
        self.api.Recognize()
        out: list[Word] = []
        line = -1
        iterator = self.api.GetIterator()
        if iterator is None:
            return out
        for word in iterate_level(iterator, RIL.WORD):
            try:
                text = word.GetUTF8Text(RIL.WORD)
            except RuntimeError:  # tesserocr raises on an empty word
                continue
            box = word.BoundingBox(RIL.WORD)
            if word.IsAtBeginningOf(RIL.TEXTLINE):
                line += 1
            if not text or not text.strip() or box is None:
                continue
            left, top, right, bottom = box
            out.append(
                Word(text.strip(), word.Confidence(RIL.WORD), left, top, right, bottom, line=line_base + max(line, 0))
            )
        return [_triangle(self._latin(w), self.pixels) for w in out]

    def close(self) -> None:
        self.api.End()
        if self.latin is not None:
            self.latin.End()


def read_image(image: Any, number: int, engine: _Engine, scale: float) -> OcrPage:
    """OCR one rendered page image (PIL, any mode); `scale` is pixels per point.

    Text outside ruled tables is read with Tesseract's page layout; each table cell is read on its own as one
    block (page layout on a table drops short cells and runs neighbouring cells together).
    """
    from PIL import Image

    gray = image.convert("L")
    upright, angle = deskew(gray)
    pixels = np.asarray(upright)
    rules = find_rules(dark_mask(pixels), scale)
    grids = list(find_grids(rule_edges(rules, scale)) or []) if rules else []
    cleaned = erase_rules(pixels, rules, pad=max(1, round(0.5 * scale))) if rules else pixels
    page = OcrPage(number=number, skew=angle)
    outside = cleaned
    if grids:
        outside = cleaned.copy()
        for boxes in grids:
            left, top, right, bottom = _bounds_px(boxes, scale, cleaned.shape)
            outside[top:bottom, left:right] = 255
    engine.set_image(Image.fromarray(outside))
    words = engine.page_words()
    cell_words: list[list[list[Word]]] = []
    if grids:
        engine.set_image(Image.fromarray(cleaned))
        pad = max(2, round(1.5 * scale))
        for g, boxes in enumerate(grids):
            cell_words.append(
                [
                    engine.words(_inset(box, scale, pad), line_base=100_000 * (g + 1) + 1000 * i)
                    for i, box in enumerate(boxes)
                ]
            )
    height = _median_height(words + [w for grid in cell_words for cell in grid for w in cell])
    words = _kept(words, height)
    kept_words = list(words)
    for boxes, per_cell in zip(grids, cell_words, strict=True):
        kept_cells = [_kept(cell, height) for cell in per_cell]
        table, area = _grid_table(boxes, kept_cells, number)
        if table is not None:
            page.tables.append((area, _table_json(table)))
            kept_words.extend(w for cell in kept_cells for w in cell)
    page.words = len(kept_words)
    if kept_words:
        page.confidence = round(sum(w.confidence for w in kept_words) / len(kept_words) / 100, 3)
    lines: dict[int, list[Word]] = {}
    for word in words:
        lines.setdefault(word.line, []).append(word)
    for group in lines.values():
        page.lines.extend(_pieces(group, scale))
    return page


#: what the Korean model reads a '▲' or '△' as; only these are checked for a triangle's shape
_TRIANGLE_READINGS = frozenset("소쇼ㅅ人^")


def triangle_mark(patch: np.ndarray) -> str | None:
    """'▲' or '△' when an ink patch is a triangle pointing up (the Korean model reads them as '소'), else None.

    Every row from the apex down holds ink (a '소' has a gap above its bar), widening steadily to a full base;
    a filled triangle is solid row by row, an outline one empty in the middle of its middle rows.
    """
    ink = patch < 128
    filled_rows = np.flatnonzero(ink.any(axis=1))
    if len(filled_rows) < 5 or ink.shape[1] < 5:
        return None
    body = ink[filled_rows[0] : filled_rows[-1] + 1]
    if not body.any(axis=1).all():
        return None  # an empty row inside: two parts stacked, a syllable
    rows = [np.flatnonzero(r) for r in body]
    widths = np.array([r[-1] - r[0] + 1 for r in rows], dtype=float)
    base = widths[-max(1, len(widths) // 5) :].mean()
    top = widths[: max(1, len(widths) // 5)].mean()
    if (
        not (top < 0.45 * base and base >= 0.7 * ink.shape[1])
        or np.diff(widths).max() > 0.3 * base
        or (np.diff(widths) >= -1).mean() < 0.85
    ):
        return None
    solid = np.mean([len(r) / w for r, w in zip(rows, widths, strict=True)])
    if solid > 0.85:
        return "▲"
    middle = rows[len(rows) // 2]
    gaps = np.diff(middle)
    if len(gaps) and gaps.max() > 0.4 * widths[len(rows) // 2]:
        return "△"
    return None


def _triangle(word: Word, pixels: np.ndarray) -> Word:
    if word.text not in _TRIANGLE_READINGS:
        return word
    patch = pixels[max(0, int(word.top)) : int(word.bottom) + 1, max(0, int(word.left)) : int(word.right) + 1]
    mark = triangle_mark(patch) if patch.size else None
    if mark is None:
        return word
    return Word(mark, max(word.confidence, 80.0), word.left, word.top, word.right, word.bottom, word.line)


def _mean_confidence(words: list[Word]) -> float:
    return sum(w.confidence for w in words) / len(words) if words else 0.0


def _median_height(words: list[Word]) -> float:
    return float(np.median([w.bottom - w.top for w in words])) if words else 0.0


def _kept(words: list[Word], height: float) -> list[Word]:
    """Words without noise: slivers of rules and specks are flat or unsure (a real word is line-high)."""
    return [w for w in words if w.confidence >= MIN_WORD_CONFIDENCE and w.bottom - w.top >= MIN_HEIGHT * height]


def _inset(box: tuple[float, float, float, float], scale: float, pad: int) -> tuple[int, int, int, int]:
    """A cell box in points as a pixel rectangle (left, top, width, height), kept clear of its rules."""
    left, top = int(box[0] * scale) + pad, int(box[1] * scale) + pad
    return left, top, max(1, int((box[2] - box[0]) * scale) - 2 * pad), max(1, int((box[3] - box[1]) * scale) - 2 * pad)


def _bounds_px(
    boxes: list[tuple[float, float, float, float]], scale: float, shape: tuple[int, ...]
) -> tuple[int, int, int, int]:
    left = max(0, int(min(b[0] for b in boxes) * scale) - 2)
    top = max(0, int(min(b[1] for b in boxes) * scale) - 2)
    right = min(shape[1], int(max(b[2] for b in boxes) * scale) + 3)
    bottom = min(shape[0], int(max(b[3] for b in boxes) * scale) + 3)
    return left, top, right, bottom


#: two OCR words closer than this share of the line height are one word (Tesseract splits Hangul syllables)
JOIN_GAP = 0.3
#: a lone bar or bracket at either end of a line is a rule's remnant Tesseract read as a glyph
_STRAY_EDGES = re.compile(r"^(?:[|\[\]{}!l]\s+)+|(?:\s+[|\[\]{}!])+$")


#: line-leading marks Tesseract's Korean model reads as letters: '□' as 'ㅁ', '○' as 'O', '0', 'ㅇ' or '('
_LEADING_MARKS = ((re.compile(r"^[ㅁ口]\s+(?=[가-힣A-Za-z])"), "□ "), (re.compile(r"^[Oo0ㅇ(]\s+(?=[가-힣])"), "○ "))


def restore_marks(text: str) -> str:
    """A line with its leading '□' or '○' restored (plans hang card labels and items on them)."""
    for pattern, mark in _LEADING_MARKS:
        text = pattern.sub(mark, text, count=1)
    return text


def join_words(words: list[Word]) -> str:
    """The words of one line in order, a space only where the gap between them looks like one."""
    words = sorted(words, key=lambda w: w.left)
    if not words:
        return ""
    height = max(1.0, float(np.median([w.bottom - w.top for w in words])))
    parts = [words[0].text]
    for prev, word in pairwise(words):
        if word.left - prev.right > JOIN_GAP * height:
            parts.append(" ")
        parts.append(word.text)
    return _STRAY_EDGES.sub("", squash(clean("".join(parts))))


def _pieces(words: list[Word], scale: float) -> list[tuple[Reading, str]]:
    """A Tesseract line as pieces, split where a gap is wider than three line heights (two columns, a label)."""
    words = sorted(words, key=lambda w: w.left)
    height = max(1.0, float(np.median([w.bottom - w.top for w in words])))
    runs: list[list[Word]] = [[words[0]]]
    for word in words[1:]:
        if word.left - runs[-1][-1].right > 3 * height:
            runs.append([word])
        else:
            runs[-1].append(word)
    out = []
    for run in runs:
        box = Reading(
            top=min(w.top for w in run) / scale,
            bottom=max(w.bottom for w in run) / scale,
            left=min(w.left for w in run) / scale,
            right=max(w.right for w in run) / scale,
        )
        out.append((box, restore_marks(join_words(run))))
    return out


def _grid_table(
    boxes: list[tuple[float, float, float, float]], cell_words: list[list[Word]], number: int
) -> tuple[Table | None, Reading]:
    """A Table from lattice cell boxes (points) and the words read in each cell."""
    from scatlas.ingest.pdf import _edge_index, _edges  # the same grid arithmetic as drawn-stroke tables

    cols = _edges([b[0] for b in boxes])
    rows = _edges([b[1] for b in boxes])
    cells = []
    for box, words in zip(boxes, cell_words, strict=True):
        col_span = max(1, sum(1 for x in cols if box[0] - 1 <= x < box[2] - 1))
        row_span = max(1, sum(1 for y in rows if box[1] - 1 <= y < box[3] - 1))
        cells.append(
            Cell(
                text=_cell_text(words),
                row=_edge_index(rows, box[1]),
                col=_edge_index(cols, box[0]),
                row_span=row_span,
                col_span=col_span,
            )
        )
    area = Reading(
        top=min(b[1] for b in boxes),
        bottom=max(b[3] for b in boxes),
        left=min(b[0] for b in boxes),
        right=max(b[2] for b in boxes),
    )
    table = build_table(cells, len(rows), len(cols), page=number)
    if table is None or (table.n_rows < 2 and table.n_cols < 2):
        return None, area
    return table, area


def _cell_text(words: list[Word]) -> str:
    """A cell's words as lines, top to bottom (a word joins the line whose band holds its centre)."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.left)):
        centre = (word.top + word.bottom) / 2
        if lines and min(w.top for w in lines[-1]) <= centre <= max(w.bottom for w in lines[-1]):
            lines[-1].append(word)
        else:
            lines.append([word])
    return "\n".join(text for text in (join_words(ws) for ws in lines) if text)


_local = threading.local()


def _engine(lang: str) -> _Engine:
    engine = getattr(_local, "engine", None)
    if engine is None or getattr(_local, "lang", None) != lang:
        engine = _local.engine = _Engine(lang)
        _local.lang = lang
    return engine


def worker_count(settings: OcrSettings) -> int:
    """Threads to OCR with: as asked, else one per core this process may use."""
    if settings.workers:
        return max(1, settings.workers)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ocr_pages(render: Callable[[int], Any], numbers: list[int], settings: OcrSettings) -> Iterator[OcrPage]:
    """OCR the pages `numbers` (1-based) in parallel, yielding them in order; cached pages are not read again.

    `render(number)` gives the page image (its `info["dpi"]` says at what resolution) and is called on this
    thread only (pdfium is not thread-safe); at most two images per worker wait in memory.
    """
    cache, key, file_key = settings.cache, settings.key(), settings.file_key
    total, done = len(numbers), 0
    workers = worker_count(settings)

    def job(image: Any, number: int) -> OcrPage:
        try:
            return read_image(image, number, _engine(settings.lang), image.info["dpi"][0] / 72)
        except (RuntimeError, ValueError, MemoryError) as exc:  # one bad page is reported, the others are read
            return OcrPage(number=number, error=f"{type(exc).__name__}: {exc}")

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        pending: list[tuple[int, Future[OcrPage] | OcrPage]] = []

        def drain(limit: int) -> Iterator[OcrPage]:
            nonlocal done
            while len(pending) > limit:
                number, item = pending.pop(0)
                page = item.result() if isinstance(item, Future) else item
                if isinstance(item, Future) and cache is not None and file_key and page.error is None:
                    cache.put_ocr_page(file_key, number, key, page.to_json())
                done += 1
                if settings.progress is not None:
                    settings.progress(done, total)
                yield page

        for number in numbers:
            cached = cache.get_ocr_page(file_key, number, key) if cache is not None and file_key else None
            if cached is not None:
                pending.append((number, OcrPage.from_json(cached)))
            else:
                pending.append((number, pool.submit(job, render(number), number)))
            yield from drain(2 * workers)
        yield from drain(0)
