"""Ruled tables found from a PDF page's drawn strokes (via pypdfium2), without parsing the page a second time.

The stroke segments of path objects become horizontal and vertical edges in reading space; pdfplumber's own
lattice functions (merge, intersect, cells, tables) then group them, exactly as its `lines` strategy would, but
pdfminer never has to interpret the page's text (that made table pages ~20x slower).
"""

from __future__ import annotations

import ctypes
from itertools import pairwise
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from scatlas.ingest.pdf_layout import to_reading

#: a page with more path segments than this is a vector drawing, not a table page; its rules are not collected
MAX_SEGMENTS = 20_000
#: pdfplumber's cell search is quadratic in the ruling intersections; past this a page is a grid drawing
#: (graph paper, a calendar, a map grid), not a service table, and its lattice is not searched
MAX_INTERSECTIONS = 2_000
MIN_RULES = 2
_TOL = 3.0  # pdfplumber's default snap/join/intersection tolerances
_AXIS = 1.0  # a segment this close to horizontal or vertical counts as a rule
_Matrix = tuple[float, float, float, float, float, float]
Edge = dict[str, Any]
CellBox = tuple[float, float, float, float]  # (left, top, right, bottom) in reading space


def _matrix(obj: Any) -> _Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: _Matrix, outer: _Matrix) -> _Matrix:
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


class _Collector:
    def __init__(self, quarter: int) -> None:
        self.quarter = quarter
        self.edges: list[Edge] = []
        self.segments = 0
        self.overflow = False
        self._x, self._y = ctypes.c_float(), ctypes.c_float()

    def add_line(self, x0: float, y0: float, x1: float, y1: float) -> None:
        r0 = to_reading((x0, y0, x0, y0), self.quarter)
        r1 = to_reading((x1, y1, x1, y1), self.quarter)
        top, bottom = sorted((r0.top, r1.top))
        left, right = sorted((r0.left, r1.left))
        if bottom - top <= _AXIS and right - left > _AXIS:
            mid = (top + bottom) / 2
            self.edges.append(
                {
                    "orientation": "h",
                    "x0": left,
                    "x1": right,
                    "top": mid,
                    "bottom": mid,
                    "width": right - left,
                    "height": 0.0,
                    "object_type": "line",
                }
            )
        elif right - left <= _AXIS and bottom - top > _AXIS:
            mid = (left + right) / 2
            self.edges.append(
                {
                    "orientation": "v",
                    "x0": mid,
                    "x1": mid,
                    "top": top,
                    "bottom": bottom,
                    "width": 0.0,
                    "height": bottom - top,
                    "object_type": "line",
                }
            )

    def add_box(self, left: float, bottom: float, right: float, top: float) -> None:
        """A thin filled rectangle is one rule; a larger one frames a cell with four."""
        w, h = right - left, top - bottom
        if h <= _TOL and w > _TOL:
            y = (top + bottom) / 2
            self.add_line(left, y, right, y)
        elif w <= _TOL and h > _TOL:
            x = (left + right) / 2
            self.add_line(x, bottom, x, top)
        else:
            for x0, y0, x1, y1 in (
                (left, bottom, right, bottom),
                (left, top, right, top),
                (left, bottom, left, top),
                (right, bottom, right, top),
            ):
                self.add_line(x0, y0, x1, y1)

    def add_path(self, obj: Any, matrix: _Matrix) -> None:
        n = pdfium_c.FPDFPath_CountSegments(obj)
        self.segments += max(n, 0)
        if n <= 0 or self.segments > MAX_SEGMENTS:
            self.overflow = self.overflow or self.segments > MAX_SEGMENTS
            return
        a, b, c, d, e, f = matrix
        start = prev = None
        for i in range(n):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, self._x, self._y):
                continue
            x, y = self._x.value, self._y.value
            point = (a * x + c * y + e, b * x + d * y + f)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = prev = point
                continue
            if kind == pdfium_c.FPDF_SEGMENT_LINETO and prev is not None:
                self.add_line(prev[0], prev[1], point[0], point[1])
            prev = point
            if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
                self.add_line(point[0], point[1], start[0], start[1])
                prev = start


def page_edges(page: pdfium.PdfPage, quarter: int) -> list[Edge]:
    """Horizontal and vertical stroke edges of a page in reading space (pdfplumber's edge dicts)."""
    col = _Collector(quarter)
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    stack: list[tuple[Any, int, _Matrix | None, int]] = [(page, pdfium_c.FPDFPage_CountObjects(page), None, 0)]
    while stack and not col.overflow:
        owner, count, outer, depth = stack.pop()
        for i in range(count):
            obj = pdfium_c.FPDFPage_GetObject(owner, i) if outer is None else pdfium_c.FPDFFormObj_GetObject(owner, i)
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 3:
                m = _matrix(obj) if outer is None else _compose(_matrix(obj), outer)
                stack.append((obj, pdfium_c.FPDFFormObj_CountObjects(obj), m, depth + 1))
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                if outer is None and pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                    w, h = right.value - left.value, top.value - bottom.value
                    if h <= _TOL or w <= _TOL or pdfium_c.FPDFPath_CountSegments(obj) <= 5:
                        col.add_box(left.value, bottom.value, right.value, top.value)
                        continue
                col.add_path(obj, _matrix(obj) if outer is None else _compose(_matrix(obj), outer))
    if col.overflow:
        return []
    return col.edges


def may_hold_table(edges: list[Edge]) -> bool:
    """Enough horizontal and vertical rules to frame at least one cell."""
    h = sum(1 for e in edges if e["orientation"] == "h")
    v = len(edges) - h
    return h >= MIN_RULES and v >= MIN_RULES


def find_grids(edges: list[Edge]) -> list[list[CellBox]] | None:
    """Cell boxes of each ruled table, grouped as pdfplumber's `lines` strategy groups them.

    None when the rules cross too often to search in bounded time (MAX_INTERSECTIONS).
    """
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    merged = merge_edges(edges + close_open_sides(edges), _TOL, _TOL, _TOL, _TOL)
    merged = [e for e in merged if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"]) >= _TOL]
    points = edges_to_intersections(merged, _TOL, _TOL)
    if len(points) > MAX_INTERSECTIONS:
        return None
    cells = intersections_to_cells(points)
    return [list(t) for t in cells_to_tables(cells)]


#: horizontal rules shorter than this are underlines or separators, not the rules of a table
MIN_RULE_LENGTH = 100.0
#: a run of rules sharing their ends spans at most this between two neighbours (a very tall row)
MAX_ROW_HEIGHT = 160.0


def _rule_runs(edges: list[Edge]) -> list[list[Edge]]:
    """Runs of three or more long horizontal rules that start and end at the same x (one table's row rules)."""
    rules = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] >= MIN_RULE_LENGTH]
    groups: dict[tuple[int, int], list[Edge]] = {}
    for rule in rules:
        key = next(
            (k for k in groups if abs(k[0] - rule["x0"]) <= _TOL and abs(k[1] - rule["x1"]) <= _TOL),
            (round(rule["x0"]), round(rule["x1"])),
        )
        groups.setdefault(key, []).append(rule)
    runs = []
    for group in groups.values():
        group.sort(key=lambda e: e["top"])
        run: list[Edge] = []
        for rule in group:
            if run and rule["top"] - run[-1]["top"] <= _TOL:
                continue  # a double rule
            if run and rule["top"] - run[-1]["top"] > MAX_ROW_HEIGHT:
                if len(run) >= 3:
                    runs.append(run)
                run = []
            run.append(rule)
        if len(run) >= 3:
            runs.append(run)
    return runs


def close_open_sides(edges: list[Edge]) -> list[Edge]:
    """Outer borders for open-sided tables (HWP→PDF): row rules sharing their ends, inner verticals, no sides.

    Between two rules of a run that an inner vertical crosses, verticals at the rules' two ends are added,
    so the lattice search closes the first and last columns' cells.
    """
    verticals = [e for e in edges if e["orientation"] == "v"]
    if not verticals:
        return []
    added: list[Edge] = []
    for run in _rule_runs(edges):
        x0 = min(e["x0"] for e in run)
        x1 = max(e["x1"] for e in run)
        for above, below in pairwise(run):
            top, bottom = above["top"], below["top"]
            inner = [
                v
                for v in verticals
                if x0 + _TOL < v["x0"] < x1 - _TOL and v["top"] <= top + _TOL and v["bottom"] >= bottom - _TOL
            ]
            sides = [
                v
                for v in verticals
                if min(abs(v["x0"] - x0), abs(v["x0"] - x1)) <= _TOL
                and v["top"] <= top + _TOL
                and v["bottom"] >= bottom - _TOL
            ]
            if inner and len(sides) < 2:
                for x in (x0, x1):
                    added.append(
                        {
                            "orientation": "v",
                            "x0": x,
                            "x1": x,
                            "top": top,
                            "bottom": bottom,
                            "width": 0.0,
                            "height": bottom - top,
                            "object_type": "line",
                        }
                    )
    return added


def rule_only_runs(edges: list[Edge], taken: list[CellBox]) -> list[tuple[float, float, list[float]]]:
    """(left, right, rule tops) of rule runs no vertical line crosses and no lattice table (`taken`) covers.

    These are the tables drawn with horizontal rules only; their columns come from the text (see pdf.py).
    """
    verticals = [e for e in edges if e["orientation"] == "v"]
    out = []
    for run in _rule_runs(edges):
        x0 = min(e["x0"] for e in run)
        x1 = max(e["x1"] for e in run)
        top, bottom = run[0]["top"], run[-1]["top"]
        inner = [e["top"] for e in run[1:-1]]
        # a vertical through a row rule makes a lattice; the sides of a shaded header cell do not
        if any(
            x0 - _TOL <= v["x0"] <= x1 + _TOL and any(v["top"] < t - _TOL and v["bottom"] > t + _TOL for t in inner)
            for v in verticals
        ):
            continue
        if any(not (b[2] <= x0 or b[0] >= x1 or b[3] <= top or b[1] >= bottom) for b in taken):
            continue
        out.append((x0, x1, [e["top"] for e in run]))
    return out


def to_user(box: CellBox, quarter: int) -> tuple[float, float, float, float]:
    """A reading-space box (left, top, right, bottom) back in user space (left, bottom, right, top)."""
    left, top, right, bottom = box
    if quarter == 1:
        xs, ys = (top, bottom), (left, right)
    elif quarter == 2:
        xs, ys = (-right, -left), (top, bottom)
    elif quarter == 3:
        xs, ys = (-bottom, -top), (-right, -left)
    else:
        xs, ys = (left, right), (-bottom, -top)
    return (min(xs), min(ys), max(xs), max(ys))
