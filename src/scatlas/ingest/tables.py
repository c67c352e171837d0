"""Building Tables from the cell lists readers find, with spans checked against the grid."""

from __future__ import annotations

import re
from itertools import pairwise

from scatlas.ingest.document import Block, Cell, Page, Table, TextBlock
from scatlas.ingest.normalise import squash

_CAPTION = re.compile(r"^\s*(?:[〈<＜\[［【(]\s*)?(?:표|table)\s*[\dⅠ-Ⅻ]", re.IGNORECASE)

#: a declared grid larger than this is damage, not a table (real plans stay far below)
MAX_TABLE_CELLS = 200_000


def build_table(cells: list[Cell], n_rows: int = 0, n_cols: int = 0, page: int | None = None) -> Table | None:
    """A Table from cells with possibly dubious addresses: grid grown to fit, spans clipped, overlaps dropped.

    Returns None when no cell has an address inside a sane grid (damaged or empty table records).
    """
    cells = [c for c in cells if c.row >= 0 and c.col >= 0]
    if not cells:
        return None
    n_rows = max([n_rows] + [c.row + 1 for c in cells])
    n_cols = max([n_cols] + [c.col + 1 for c in cells])
    if n_rows * n_cols > MAX_TABLE_CELLS:
        return None
    taken: set[tuple[int, int]] = set()
    kept: list[Cell] = []
    for cell in sorted(cells, key=lambda c: (c.row, c.col)):
        if (cell.row, cell.col) in taken:
            continue
        row_span = max(1, min(cell.row_span, n_rows - cell.row))
        col_span = max(1, min(cell.col_span, n_cols - cell.col))
        area = {(r, c) for r in range(cell.row, cell.row + row_span) for c in range(cell.col, cell.col + col_span)}
        # a span running into another cell's origin is clipped to one cell rather than hiding that cell
        if area & taken:
            row_span = col_span = 1
            area = {(cell.row, cell.col)}
        taken |= area
        kept.append(Cell(text=cell.text, row=cell.row, col=cell.col, row_span=row_span, col_span=col_span))
    return Table(cells=kept, n_rows=n_rows, n_cols=n_cols, page=page)


def row_key(table: Table, row: int) -> tuple[str, ...]:
    """A row's texts, whitespace-squashed, to compare repeated header rows."""
    return tuple(squash(text) for text in table.grid()[row])


def blocks_text(blocks: list[Block]) -> str:
    """The text of blocks nested in a cell or caption: paragraphs as lines, inner tables row by row."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, TextBlock):
            lines.append(block.text)
        else:
            lines.extend("\t".join(row).strip() for row in block.grid())
    return "\n".join(line for line in lines if line)


def attach_captions(pages: list[Page]) -> None:
    """A '〈표 4-1〉 …' paragraph right above a table becomes its caption (the paragraph stays as text too)."""
    for page in pages:
        for before, block in pairwise(page.blocks):
            if (
                isinstance(block, Table)
                and isinstance(before, TextBlock)
                and block.caption is None
                and _CAPTION.match(before.text)
            ):
                block.caption = before.text
