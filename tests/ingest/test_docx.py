"""DOCX: body order, merged cells (gridSpan, vMerge) as spans, heading styles."""

from __future__ import annotations

from pathlib import Path

import docx

from scatlas.ingest import Table, TextBlock, read_document


def build(path: Path) -> Path:
    d = docx.Document()
    d.core_properties.title = "목포시 스마트도시계획"
    d.add_heading("제4장 스마트도시서비스", level=1)
    d.add_paragraph("〈표 4-1〉 서비스 목록")
    t = d.add_table(rows=4, cols=3)
    for r, row in enumerate(
        [["분야", "서비스명", "시기"], ["교통", "스마트 횡단보도", "2024"], ["", "주차 공유", "2025"], ["합계", "", ""]]
    ):
        for c, s in enumerate(row):
            if s:
                t.cell(r, c).text = s
    t.cell(1, 0).merge(t.cell(2, 0))  # vMerge
    t.cell(3, 0).merge(t.cell(3, 2))  # gridSpan
    d.add_paragraph("표 다음 문단")
    d.save(str(path))
    return path


def test_docx_blocks_in_body_order_with_heading_style(tmp_path: Path) -> None:
    doc = read_document(build(tmp_path / "plan.docx"))
    blocks = list(doc.blocks())
    assert isinstance(blocks[0], TextBlock) and blocks[0].text == "제4장 스마트도시서비스"
    assert blocks[0].style == "heading1"
    assert [type(b).__name__ for b in blocks] == ["TextBlock", "TextBlock", "Table", "TextBlock"]
    assert blocks[-1].text == "표 다음 문단"
    assert doc.title == "목포시 스마트도시계획"


def test_docx_vertical_and_horizontal_merges_become_spans(tmp_path: Path) -> None:
    doc = read_document(build(tmp_path / "plan.docx"))
    table = next(b for b in doc.blocks() if isinstance(b, Table))
    assert (table.n_rows, table.n_cols) == (4, 3)
    origin = {(c.row, c.col): c for c in table.cells}
    assert (origin[(1, 0)].row_span, origin[(1, 0)].col_span) == (2, 1)
    assert (origin[(3, 0)].row_span, origin[(3, 0)].col_span) == (1, 3)
    assert table.grid() == [
        ["분야", "서비스명", "시기"],
        ["교통", "스마트 횡단보도", "2024"],
        ["", "주차 공유", "2025"],
        ["합계", "", ""],
    ]


def test_caption_paragraph_above_a_table_becomes_its_caption(tmp_path: Path) -> None:
    doc = read_document(build(tmp_path / "plan.docx"))
    table = next(b for b in doc.blocks() if isinstance(b, Table))
    assert table.caption == "〈표 4-1〉 서비스 목록"
