"""DOCX reader on the raw OOXML (through SafeZip, so zip bombs are refused): body order, spans, heading styles."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from scatlas.errors import DocumentError
from scatlas.ingest.document import Block, Cell, Document, Page, TextBlock
from scatlas.ingest.limits import DEFAULT_LIMITS, Limits, SafeZip
from scatlas.ingest.normalise import clean
from scatlas.ingest.tables import blocks_text, build_table

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# deleted text, field codes and the fallback copy of drawings would repeat or invent text
_SKIP = {
    f"{W}del",
    f"{W}instrText",
    f"{W}delInstrText",
    f"{W}pPr",
    f"{W}rPr",
    f"{W}tblPr",
    f"{W}tcPr",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
}
_INLINE = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-", f"{W}softHyphen": ""}
_HEADING = re.compile(r"^(?:heading|제목)\s*(\d)$", re.IGNORECASE)


def read_docx(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """A DOCX document as one Page of paragraphs and tables in body order."""
    with SafeZip(path, limits) as pkg:
        root = pkg.xml("word/document.xml")
        styles = _heading_styles(pkg.xml("word/styles.xml")) if pkg.has("word/styles.xml") else {}
        title = _title(pkg.xml("docProps/core.xml")) if pkg.has("docProps/core.xml") else None
    body = root.find(f"{W}body")
    if body is None:
        raise DocumentError("corrupt", "word/document.xml has no w:body", path=path)
    blocks: list[Block] = []
    _Body(styles).walk(body, blocks)
    if not blocks:
        raise DocumentError("empty", "no text in the document body", path=path)
    return Document(path=str(path), format="docx", pages=[Page(number=None, blocks=blocks)], title=title)


def _heading_styles(styles: etree._Element) -> dict[str, str]:
    out = {}
    for st in styles.iter(f"{W}style"):
        sid = st.get(f"{W}styleId")
        name_el = st.find(f"{W}name")
        name = name_el.get(f"{W}val", "") if name_el is not None else ""
        for candidate in (name, sid or ""):
            m = _HEADING.match(candidate.strip())
            if m:
                out[sid] = f"heading{m.group(1)}"
                break
            if candidate.strip().lower() in {"title", "제목"}:
                out[sid] = "title"
                break
    return out


def _title(core: etree._Element) -> str | None:
    for el in core.iter("{http://purl.org/dc/elements/1.1/}title"):
        if el.text and el.text.strip():
            return clean(el.text).strip()
    return None


class _Body:
    def __init__(self, styles: dict[str, str]) -> None:
        self.styles = styles

    def walk(self, container: etree._Element, out: list[Block]) -> None:
        """Paragraphs and tables under a body, cell, content control or text box, in order."""
        for child in container:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child, out)
            elif tag == f"{W}tbl":
                only = _only_cell(child)
                if only is not None and only.find(f".//{W}tbl") is not None:
                    self.walk(only, out)  # a one-cell frame around a table (layout): its content, unwrapped
                    continue
                table = self.table(child)
                if table is not None:
                    out.append(table)
            elif tag in _SKIP or tag == f"{W}sectPr":
                continue
            elif isinstance(tag, str):
                self.walk(child, out)

    def paragraph(self, p: etree._Element, out: list[Block]) -> None:
        parts: list[str] = []
        boxes: list[Block] = []
        self._runs(p, parts, boxes)
        text = clean("".join(parts)).strip()
        if text:
            style_el = p.find(f"{W}pPr/{W}pStyle")
            style = self.styles.get(style_el.get(f"{W}val", "")) if style_el is not None else None
            out.append(TextBlock(text=text, style=style))
        out.extend(boxes)

    def _runs(self, el: etree._Element, parts: list[str], boxes: list[Block]) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP or not isinstance(tag, str):
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag in _INLINE:
                parts.append(_INLINE[tag])
            elif tag == f"{W}txbxContent":
                self.walk(child, boxes)
            else:
                self._runs(child, parts, boxes)

    def table(self, tbl: etree._Element) -> Block | None:
        cells: list[Cell] = []
        open_cells: dict[int, Cell] = {}  # grid column → the vertically merged cell still open there
        rows = [tr for tr in tbl.iter(f"{W}tr") if tr.getparent() is tbl or tr.getparent().getparent() is tbl]
        for r, tr in enumerate(rows):
            col = _int_val(tr.find(f"{W}trPr/{W}gridBefore"), 0)
            for tc in tr.findall(f"{W}tc") + tr.findall(f"{W}sdt/{W}sdtContent/{W}tc"):
                span = max(1, _int_val(tc.find(f"{W}tcPr/{W}gridSpan"), 1))
                vmerge = tc.find(f"{W}tcPr/{W}vMerge")
                if vmerge is not None and vmerge.get(f"{W}val", "continue") == "continue" and col in open_cells:
                    open_cells[col].row_span += 1
                else:
                    cell = Cell(text=self._cell_text(tc), row=r, col=col, col_span=span)
                    cells.append(cell)
                    for c in range(col, col + span):
                        open_cells.pop(c, None)
                    if vmerge is not None:
                        open_cells[col] = cell
                col += span
        return build_table(cells, len(rows), 0)

    def _cell_text(self, tc: etree._Element) -> str:
        blocks: list[Block] = []
        self.walk(tc, blocks)
        return blocks_text(blocks)


def _only_cell(tbl: etree._Element) -> etree._Element | None:
    """The single w:tc of a one-row, one-cell table, else None."""
    rows = tbl.findall(f"{W}tr")
    if len(rows) != 1:
        return None
    cells = rows[0].findall(f"{W}tc")
    return cells[0] if len(cells) == 1 else None


def _int_val(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(f"{W}val", default))
    except ValueError:
        return default
