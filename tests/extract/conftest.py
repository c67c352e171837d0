"""Builders for hand-made Documents: pages of text lines and tables, exact and fast."""

from __future__ import annotations

import pytest

from scatlas.ingest.document import Cell, Document, Page, Table, TextBlock

PageItem = str | Table


def table(
    rows: list[list[str]],
    page: int | None = None,
    merges: dict[tuple[int, int], int] | None = None,
    caption: str | None = None,
    row_pages: list[int | None] | None = None,
) -> Table:
    """A table from rows of cell texts; `merges[(row, col)] = n` merges that cell down over n rows.

    Cells covered by a merge must be given as '' in `rows` (they are left out, as readers leave them out).
    """
    merges = merges or {}
    covered: set[tuple[int, int]] = set()
    for (r, c), span in merges.items():
        covered.update((r + k, c) for k in range(1, span))
    cells = [
        Cell(text, r, c, row_span=merges.get((r, c), 1))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if (r, c) not in covered
    ]
    return Table(
        cells=cells,
        n_rows=len(rows),
        n_cols=max(len(r) for r in rows),
        page=page,
        caption=caption,
        row_pages=row_pages or [],
    )


def document(*pages: list[PageItem], title: str | None = None) -> Document:
    """A Document whose pages hold the given lines (one TextBlock each) and tables, numbered from 1."""
    out = []
    for number, items in enumerate(pages, start=1):
        blocks: list = []
        for item in items:
            if isinstance(item, Table):
                if item.page is None:
                    item.page = number
                blocks.append(item)
            else:
                blocks.append(TextBlock(item, page=number))
        out.append(Page(number, blocks))
    return Document(path="plan.pdf", format="pdf", pages=out, page_count=len(out), title=title)


@pytest.fixture
def cover() -> list[PageItem]:
    """A plain cover page of 목포시's plan."""
    return ["목포시 스마트도시계획(2023~2027)", "2023. 6.", "목포시"]
