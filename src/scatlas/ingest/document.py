"""The common Document model every reader produces: pages of ordered text blocks and tables."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Cell:
    """One table cell; a merged cell has row_span/col_span > 1 and is stored once, at its top-left."""

    text: str
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1


@dataclass
class Table:
    """A table with its cell structure; `grid(fill_merged=True)` gives a dense grid with merged cells expanded."""

    cells: list[Cell]
    n_rows: int
    n_cols: int
    page: int | None = None  # physical 1-based page of the table's first row
    caption: str | None = None  # e.g. '〈표 4-1〉 스마트도시서비스 목록'
    row_pages: list[int | None] = field(default_factory=list)  # page of each row (tables joined over pages)

    def grid(self, fill_merged: bool = False) -> list[list[str]]:
        """Rows of cell texts; merged areas are '' except at their origin, or the origin's text if fill_merged."""
        out = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for cell in self.cells:
            for r in range(cell.row, min(cell.row + cell.row_span, self.n_rows)):
                for c in range(cell.col, min(cell.col + cell.col_span, self.n_cols)):
                    if (r, c) == (cell.row, cell.col) or fill_merged:
                        out[r][c] = cell.text
        return out

    def page_of_row(self, row: int) -> int | None:
        """The physical page a row stands on."""
        if row < len(self.row_pages) and self.row_pages[row] is not None:
            return self.row_pages[row]
        return self.page


@dataclass
class TextBlock:
    """A paragraph or line of text, in reading order."""

    text: str
    page: int | None = None
    style: str | None = None  # e.g. 'heading1', 'title' where the format says so


Block = TextBlock | Table


@dataclass
class Page:
    """One physical page (formats without pages put everything on one Page with number None)."""

    number: int | None
    blocks: list[Block] = field(default_factory=list)
    ocr_confidence: float | None = None  # mean Tesseract word confidence (0–1) when the page was read by OCR


@dataclass
class Document:
    """A read document: its pages in order, plus what the reader noticed."""

    path: str
    format: str  # pdf, hwp, hwpx, docx, xlsx, csv, txt, md
    pages: list[Page] = field(default_factory=list)
    page_count: int | None = None
    title: str | None = None  # from document properties, when present
    warnings: list[str] = field(default_factory=list)

    def blocks(self) -> Iterator[Block]:
        """Every block in reading order."""
        for page in self.pages:
            yield from page.blocks

    def text(self) -> str:
        """All text (tables row by row, cells tab-separated), for search and metadata."""
        parts: list[str] = []
        for block in self.blocks():
            if isinstance(block, TextBlock):
                parts.append(block.text)
            else:
                parts.extend("\t".join(row) for row in block.grid())
        return "\n".join(parts)
