"""report.xlsx: a contents sheet, one sheet per table of the report (number formats, totals rows) and the coded
catalogue; header rows frozen, autofilters on.

Written in openpyxl's write-only mode so 100,000 services stream to disk without building a cell tree.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from scatlas.analysis.frame import Row
from scatlas.labels import coder_label, subtype_labels
from scatlas.report.document import BASIS_NOTES, Cell, Document, Table, build_document
from scatlas.taxonomy import DOMAIN_ORDER

NAMES = dict(DOMAIN_ORDER)
CATALOGUE_SHEET = "서비스목록"
_HEAD_FONT = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="DDE7F0")


#: Excel number formats per cell kind (document.Cell); a derived reference figure shows a '*' after its number.
FORMATS = {
    "int": "#,##0",
    "pct": "0.0%",
    "pp": '+0.0"%p";"\u2212"0.0"%p";0.0"%p"',
    "signed": '+#,##0;"\u2212"#,##0;0',
    "float2": "0.00",
    "float3": "0.000",
}
DERIVED_FORMATS = {"int": '#,##0"*"', "pct": '0.0%"*"', "float3": '0.000"*"'}


class _Book:
    """A write-only workbook whose sheets get openpyxl's header, frozen pane and filter, and streamed rows.

    openpyxl builds an object per cell (about 45 s for the 2M cells of 100,000 services); the data rows are instead
    written as sheet XML straight into the saved file (inline strings, so document text is never a formula), with
    the style ids of number formats registered in the workbook's style table.
    """

    def __init__(self) -> None:
        self.wb = Workbook(write_only=True)
        self.pending: dict[str, tuple[Iterable[Sequence[Any]], str]] = {}  # sheet XML → (rows, used range)

    def style(self, number_format: str | None = None, bold: bool = False) -> int:
        """The workbook's style id (xf index) for a number format and weight."""
        from openpyxl.styles.cell_style import StyleArray
        from openpyxl.styles.numbers import BUILTIN_FORMATS_REVERSE

        arr = StyleArray()
        if number_format:
            arr.numFmtId = BUILTIN_FORMATS_REVERSE.get(number_format, self.wb._number_formats.add(number_format) + 164)
        if bold:
            arr.fontId = self.wb._fonts.add(_HEAD_FONT)
        return self.wb._cell_styles.add(arr)

    def sheet(
        self,
        title: str,
        header: Sequence[str],
        rows: Iterable[Sequence[Any]],
        count: int,
        widths: Sequence[int] | None = None,
    ) -> None:
        ws = self.wb.create_sheet(title)
        ws.freeze_panes = "A2"
        for k, w in enumerate(widths or [max(10, min(40, 2 * len(h) + 4)) for h in header], 1):
            ws.column_dimensions[get_column_letter(k)].width = w
        head = []
        for h in header:
            cell = WriteOnlyCell(ws, value=h)
            cell.font, cell.fill = _HEAD_FONT, _HEAD_FILL
            head.append(cell)
        ws.append(head)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
        self.pending[f"xl/worksheets/sheet{len(self.wb.worksheets)}.xml"] = (
            rows,
            f"A1:{get_column_letter(len(header))}{count + 1}",
        )

    def table(self, t: Table) -> None:
        """A report table as a sheet: every row, numbers with their formats, the totals row in bold."""

        def styled(cell: Cell, bold: bool = False) -> Any:
            fmt = (DERIVED_FORMATS if cell.derived else FORMATS).get(cell.kind)
            if cell.value is None or cell.value == "" or (fmt is None and not bold):
                return cell.value
            return _Styled(cell.value, self.style(fmt, bold))

        rows: list[list[Any]] = [[styled(c) for c in r] for r in t.rows]
        if t.total:
            rows.append([styled(c, bold=True) for c in t.total])
        widths = [
            max(10, min(40, max([2 * len(h) + 4] + [len(str(r[k].value or "")) + 2 for r in t.rows[:200]])))
            for k, h in enumerate(t.header)
        ]
        self.sheet(t.sheet, t.header, rows, len(rows), widths)

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.wb.save(path)
        _stream_rows(path, self.pending)
        return path


class _Styled:
    """A value to stream with a style id."""

    __slots__ = ("style", "value")

    def __init__(self, value: Any, style: int) -> None:
        self.value, self.style = value, style


def _sheet(
    book: _Book, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]], widths: Sequence[int] | None = None
) -> None:
    rows = list(rows)
    book.sheet(title, header, rows, len(rows), widths)


def write_xlsx(analysis: dict[str, Any], rows: Sequence[Row], path: Path, doc: Document | None = None) -> Path:
    """Write the workbook: a contents sheet (the report's numbered sections and where their tables are), one sheet
    per table of the report, the method, and the coded catalogue (`rows`, the analysed services)."""
    doc = doc or build_document(analysis)
    wb = _Book()
    a = analysis
    arch_of = {m["service_id"]: x["id"] for x in a["archetypes"] for m in x["members"]}
    contents = [[doc.title, None, None]] + [[line, None, None] for line in doc.meta]
    contents.append([None, None, None])
    for s in doc.sections:
        sheets = [t.sheet for t in s.tables]
        if s.items:
            sheets.append("방법")
        contents.append([s.heading, ", ".join(dict.fromkeys(sheets)) or "—", " ".join(s.findings) or None])
    contents.append(["서비스 목록 (전체)", CATALOGUE_SHEET, None])
    _sheet(wb, "목차", ["항목", "시트", "주요 내용"], contents, [44, 30, 100])
    t = a["totals"]
    _sheet(
        wb,
        "요약",
        ["항목", "값"],
        [
            ["분류 기준", BASIS_NOTES[a["basis"]][0]],
            ["자치단체 수", t["municipalities"]],
            ["계획 수", t["plans"]],
            ["서비스 수", t["services"]],
            ["미분류 서비스 수", t["unlabelled"]],
            ["유사 서비스 유형 수", a["archetype_summary"]["archetypes"]],
            ["유형 판정 기준값", a["archetype_summary"]["threshold"]],
        ],
        [24, 20],
    )
    seen: set[str] = set()
    for s in doc.sections:
        for table in s.tables:
            if table.sheet in seen:  # a focus report's diagnosis tables share a name; the first is kept
                continue
            seen.add(table.sheet)
            wb.table(table)
    method = next((s for s in doc.sections if s.items), None)
    if method is not None:
        _sheet(wb, "방법", [method.heading], [[x] for x in method.items], [140])
    header = [
        "서비스 ID",
        "자치단체",
        "계획",
        "계획 시작",
        "계획 끝",
        "원본 파일",
        "쪽",
        "서비스명",
        "설명",
        "계획서 분야",
        "분야",
        "분야 코드",
        "세부 유형",
        "기능",
        "대상",
        "기술",
        "분류 출처",
        "자동 분류",
        "자동 신뢰도",
        "유사 유형",
    ]
    labels = subtype_labels()
    catalogue = (
        [
            r.service_id,
            r.municipality,
            r.plan_title,
            r.period_start,
            r.period_end,
            r.source_file,
            r.page,
            r.name,
            r.description,
            NAMES.get(r.declared_domain_id or ""),
            NAMES.get(r.domain_id or "", "미분류"),
            r.domain_id,
            labels.get(r.subtype or "", r.subtype),
            r.function,
            ";".join(r.target_groups),
            ";".join(r.technologies),
            coder_label(r.coder),
            NAMES.get(r.auto_domain_id or "", r.auto_domain_id),
            r.auto_confidence,
            arch_of.get(r.service_id),
        ]
        for r in rows
    )
    wb.sheet(
        CATALOGUE_SHEET,
        header,
        catalogue,
        len(rows),
        [10, 12, 28, 8, 8, 18, 6, 30, 50, 14, 14, 12, 18, 10, 12, 18, 14, 12, 10, 10],
    )
    return wb.save(path)


def _xml_cell(ref: str, value: Any) -> str:
    if isinstance(value, _Styled):
        return _xml_cell(ref, value.value).replace(f'<c r="{ref}"', f'<c r="{ref}" s="{value.style}"', 1)
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    text = xml_escape(ILLEGAL_CHARACTERS_RE.sub("", str(value)))
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def _stream_rows(path: Path, pending: dict[str, tuple[Iterable[Sequence[Any]], str]]) -> None:
    """Append rows to worksheets of a saved workbook (member name → rows; inline strings, cells in order)."""
    tmp = path.with_suffix(".tmp.xlsx")
    # level 1: the catalogue sheet is ~100 MB of XML at 100,000 services; tighter levels cost seconds, not MBs
    with (
        zipfile.ZipFile(path) as src,
        zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as dst,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename in pending:
                head, sep, tail = data.decode("utf-8").partition("</sheetData>")
                if not sep:  # an empty sheetData is written as <sheetData/>
                    head, sep, tail = data.decode("utf-8").partition("<sheetData/>")
                    head += "<sheetData>"
                rows, used = pending[info.filename]
                if "<dimension" not in head:  # readers size the sheet from it (openpyxl's read-only mode does)
                    head = head.replace("<sheetViews>", f'<dimension ref="{used}"/><sheetViews>', 1)
                letters = [get_column_letter(k) for k in range(1, 200)]
                # explicit row and cell references (r=…): optional in the standard, expected by some readers
                body = "".join(
                    f'<row r="{n}">' + "".join(_xml_cell(f"{letters[k]}{n}", v) for k, v in enumerate(row)) + "</row>"
                    for n, row in enumerate(rows, 2)
                )
                data = (head + body + "</sheetData>" + tail).encode("utf-8")
            dst.writestr(info, data)
    tmp.replace(path)
