"""XLSX workbooks read as streams: the cells a sheet really holds, never the rectangle its dimension declares.

openpyxl's normal mode (and read-only mode's ``iter_rows``) pad every row to the declared width and fill the rows in
between: one cell at ZZ150000 in a 5 KB file becomes 150,000 × 702 cells. Here each sheet's XML is parsed row by row
(openpyxl's own sheet parser), only rows that hold cells are kept, each as wide as its last cell, and a budget of
stored cells stops a hostile sheet with ``too_large`` before memory grows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scatlas.errors import DocumentError
from scatlas.ingest.limits import SafeZip

MAX_ROWS = 200_000
#: Cells kept per workbook (row widths summed): 4 M slots is ~32 MB of references; real inventories hold < 100 k.
MAX_CELLS = 4_000_000


@dataclass
class SheetRows:
    """One sheet: (1-based row number, values) for every row holding a cell, and the merged ranges."""

    title: str
    rows: list[tuple[int, list[Any]]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (min_row, min_col, max_row, max_col)

    def merged_below_anchor(self) -> dict[tuple[int, int], tuple[int, int]]:
        """(row, col) of each cell covered by a merged range below/right of its anchor -> the anchor's (row, col)."""
        covered: dict[tuple[int, int], tuple[int, int]] = {}
        budget = MAX_CELLS
        for min_row, min_col, max_row, max_col in self.merged:
            size = (max_row - min_row + 1) * (max_col - min_col + 1)
            budget -= size
            if budget < 0:
                raise DocumentError(
                    "too_large", f"sheet {self.title!r}: merged ranges cover more than {MAX_CELLS:,} cells"
                )
            for r in range(min_row, max_row + 1):
                for c in range(min_col, max_col + 1):
                    if (r, c) != (min_row, min_col):
                        covered[(r, c)] = (min_row, min_col)
        return covered


def read_xlsx(path: str | Path, max_rows: int = MAX_ROWS, max_cells: int = MAX_CELLS) -> list[SheetRows]:
    """Every worksheet's real rows and merged ranges, in workbook order; DocumentError for unusable files."""
    path = Path(path)
    with SafeZip(path) as package:  # refuses zip bombs before anything inflates
        if not package.has("xl/workbook.xml"):
            raise DocumentError("corrupt", "a zip package without xl/workbook.xml: not an XLSX workbook", path=path)
    import openpyxl  # lazy: heavy
    from openpyxl.worksheet._reader import WorkSheetParser

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise DocumentError("corrupt", f"cannot open the workbook: {exc}", path=path) from exc
    sheets: list[SheetRows] = []
    budget = max_cells
    try:
        for ws in wb.worksheets:
            if not hasattr(ws, "_get_source"):
                continue  # a chartsheet
            sheet = SheetRows(ws.title, [])
            with ws._get_source() as src:
                parser = WorkSheetParser(
                    src,
                    ws._shared_strings,
                    data_only=True,
                    epoch=wb.epoch,
                    date_formats=wb._date_formats,
                    timedelta_formats=wb._timedelta_formats,
                )
                for number, cells in parser.parse():
                    cells = [c for c in cells if c.get("value") is not None and c.get("value") != ""]
                    if not cells:
                        continue
                    width = max(c["column"] for c in cells)
                    budget -= width
                    if budget < 0:
                        raise DocumentError(
                            "too_large",
                            f"sheet {ws.title!r}: more than {max_cells:,} cells (row {number} reaches column {width})",
                            path=path,
                        )
                    values: list[Any] = [None] * width
                    for cell in cells:
                        values[cell["column"] - 1] = cell["value"]
                    sheet.rows.append((number, values))
                    if len(sheet.rows) > max_rows:
                        raise DocumentError(
                            "too_large", f"sheet {ws.title!r} has more than {max_rows:,} rows", path=path
                        )
                merged = parser.merged_cells
                for item in merged.mergeCell if merged is not None else []:
                    sheet.merged.append(_bounds(item.ref))
            sheets.append(sheet)
    except DocumentError:
        raise
    except MemoryError as exc:
        raise DocumentError("too_large", "the workbook does not fit in memory", path=path) from exc
    except Exception as exc:  # damaged sheet XML
        raise DocumentError("corrupt", f"cannot read the workbook: {type(exc).__name__}: {exc}", path=path) from exc
    finally:
        wb.close()
    return sheets


def _bounds(ref: str) -> tuple[int, int, int, int]:
    from openpyxl.utils.cell import range_boundaries

    min_col, min_row, max_col, max_row = range_boundaries(ref)
    return min_row, min_col, max_row, max_col
