"""HWPX (OWPML zip) reader: sections in spine order, paragraphs, tables with spans, text in drawing objects."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from scatlas.errors import DocumentError
from scatlas.ingest.document import Block, Cell, Document, Page, TextBlock
from scatlas.ingest.limits import DEFAULT_LIMITS, Limits, SafeZip
from scatlas.ingest.normalise import clean, old_hangul
from scatlas.ingest.tables import blocks_text, build_table

# containers whose text is layout furniture or metadata, not document content
# hp:switch repeats content: hp:case for newer readers, hp:default for the rest; the default is read
_SKIP = {
    "header",
    "footer",
    "shapeComment",
    "parameters",
    "secPr",
    "linesegarray",
    "colPr",
    "pageNum",
    "pageHiding",
    "pageNumCtrl",
    "case",
}
_INLINE = {"tab": "\t", "lineBreak": "\n", "fwSpace": " ", "nbSpace": " ", "hyphen": "-"}
_OUTLINE = re.compile(r"^(?:개요|Outline)\s*(\d+)$")


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def read_hwpx(path: Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """An HWPX package as one Page (HWPX has no fixed pages) of paragraphs and tables in body order."""
    with SafeZip(path, limits) as pkg:
        if pkg.has("META-INF/manifest.xml") and b"encryption-data" in pkg.read("META-INF/manifest.xml"):
            raise DocumentError("encrypted", "password-protected HWPX (encrypted package members)", path=path)
        sections, title = _sections(pkg)
        styles = _heading_styles(pkg)
        blocks: list[Block] = []
        for name in sections:
            root = pkg.xml(name)
            walker = _Walker(styles)
            for child in root:
                if _local(child) == "p":
                    walker.paragraph(child, blocks)
    doc = Document(path=str(path), format="hwpx", pages=[Page(number=None, blocks=blocks)], title=title)
    if not doc.text().strip():
        raise DocumentError("empty", "no text in any section", path=path)
    return doc


def _sections(pkg: SafeZip) -> tuple[list[str], str | None]:
    """Section member names in spine order (from content.hpf), else by their number; and the title."""
    title = None
    ordered: list[str] = []
    if pkg.has("Contents/content.hpf"):
        root = pkg.xml("Contents/content.hpf")
        hrefs = {}
        for el in root.iter():
            name = _local(el)
            if name == "item" and el.get("id") is not None:
                hrefs[el.get("id")] = el.get("href", "")
            elif name == "title" and el.text and el.text.strip():
                title = clean(el.text).strip()
        for el in root.iter():
            if _local(el) == "itemref":
                href = hrefs.get(el.get("idref", ""), "")
                if re.search(r"section\d+\.xml$", href) and pkg.has(href):
                    ordered.append(href)
    if not ordered:
        found = [n for n in pkg.names() if re.fullmatch(r"Contents/section\d+\.xml", n)]
        ordered = sorted(found, key=lambda n: int(re.search(r"(\d+)\.xml$", n).group(1)))  # type: ignore[union-attr]
    if not ordered:
        raise DocumentError("corrupt", "no Contents/section*.xml in the HWPX package", path=pkg.path)
    return ordered, title


def _heading_styles(pkg: SafeZip) -> dict[str, str]:
    """styleIDRef → 'headingN' for the outline styles (개요 N) declared in header.xml."""
    if not pkg.has("Contents/header.xml"):
        return {}
    out = {}
    for el in pkg.xml("Contents/header.xml").iter():
        if _local(el) == "style":
            m = _OUTLINE.match(el.get("name", "")) or _OUTLINE.match(el.get("engName", ""))
            if m and el.get("id") is not None:
                out[el.get("id")] = f"heading{m.group(1)}"
    return out


class _Walker:
    """Walks paragraphs: their own runs give a TextBlock, objects inside them (tables, text boxes) more blocks."""

    def __init__(self, styles: dict[str, str]) -> None:
        self.styles = styles

    def paragraph(self, p: etree._Element, out: list[Block]) -> None:
        parts: list[str] = []
        nested: list[Block] = []
        self._collect(p, parts, nested)
        text = clean(old_hangul("".join(parts))).strip()
        if text:
            out.append(TextBlock(text=text, style=self.styles.get(p.get("styleIDRef", ""))))
        out.extend(nested)

    def _collect(self, el: etree._Element, parts: list[str], nested: list[Block]) -> None:
        for child in el:
            name = _local(child)
            if name in _SKIP:
                continue
            if name == "t":
                parts.append(_t_text(child))
            elif name == "tbl":
                frame = _only_cell(child)
                if frame is not None:
                    # a one-cell frame around a table (layout): its paragraphs and tables, unwrapped
                    for sub in (c for c in frame if _local(c) == "subList"):
                        for p in sub:
                            if _local(p) == "p":
                                self.paragraph(p, nested)
                    continue
                table = self._table(child)
                if table is not None:
                    nested.append(table)
            elif name == "subList":
                # text boxes (drawText), footnotes, captions: their paragraphs are blocks of their own
                for p in child:
                    if _local(p) == "p":
                        self.paragraph(p, nested)
            else:
                self._collect(child, parts, nested)

    def _table(self, tbl: etree._Element) -> Block | None:
        cells: list[Cell] = []
        for tr in tbl:
            if _local(tr) != "tr":
                continue
            for tc in tr:
                if _local(tc) == "tc":
                    cells.append(self._cell(tc))
        try:
            n_rows, n_cols = int(tbl.get("rowCnt", "0")), int(tbl.get("colCnt", "0"))
        except ValueError:
            n_rows = n_cols = 0
        table = build_table(cells, min(n_rows, 10_000), min(n_cols, 1_000))
        if table is not None:
            for el in tbl:
                if _local(el) == "caption":
                    caption = self._text_of(el)
                    table.caption = caption or None
        return table

    def _cell(self, tc: etree._Element) -> Cell:
        row = col = 0
        row_span = col_span = 1
        texts: list[str] = []
        for el in tc:
            name = _local(el)
            if name == "cellAddr":
                row, col = _int(el.get("rowAddr")), _int(el.get("colAddr"))
            elif name == "cellSpan":
                row_span, col_span = max(1, _int(el.get("rowSpan"), 1)), max(1, _int(el.get("colSpan"), 1))
            elif name == "subList":
                texts.append(self._text_of(el))
        return Cell(text="\n".join(t for t in texts if t), row=row, col=col, row_span=row_span, col_span=col_span)

    def _text_of(self, container: etree._Element) -> str:
        """All text under a container as lines; nested tables flattened row by row."""
        blocks: list[Block] = []
        lists = [container] if _local(container) == "subList" else [c for c in container if _local(c) == "subList"]
        for sub in lists:
            for p in sub:
                if _local(p) == "p":
                    self.paragraph(p, blocks)
        return blocks_text(blocks)


def _only_cell(tbl: etree._Element) -> etree._Element | None:
    """The single cell of a one-cell table that holds a table of its own, else None."""
    cells = [tc for tr in tbl if _local(tr) == "tr" for tc in tr if _local(tc) == "tc"]
    if len(cells) != 1 or not any(_local(el) == "tbl" for el in cells[0].iter()):
        return None
    return cells[0]


def _t_text(t: etree._Element) -> str:
    parts = [t.text or ""]
    for child in t:
        parts.append(_INLINE.get(_local(child), ""))
        parts.append(child.tail or "")
    return "".join(parts)


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
