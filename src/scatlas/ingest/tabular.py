"""Service inventories as researchers keep them: CSV (UTF-8, UTF-8-BOM, CP949/EUC-KR, UTF-16) and XLSX.

Columns are found by their Korean or English headers (scatlas.sheets.headers), or named with a mapping
(``--map "기초자치단체=municipality"``); the header row need not be the first row. Values are carried down only
inside real XLSX merged ranges, never into a blank CSV cell; a row without a municipality is reported, never filed
under the row above. Rows that cannot be used are reported with their row numbers and skipped, the rest land; a file
whose rows are ragged (more cells than the header: shifted columns) is refused whole rather than imported wrongly.
Plan metadata (title, period, municipality) comes from scatlas.planmeta, the same rules the document extractor uses.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scatlas.errors import DocumentError
from scatlas.planmeta import metadata_from_lines, parse_period, resolve_name, strip_quotes
from scatlas.records import PlanRecord, ServiceRecord
from scatlas.sheets.headers import HEADER_SYNONYMS, detect_columns, fold_header
from scatlas.taxonomy import domain_name, try_normalise_domain

__all__ = [
    "HEADER_SYNONYMS",
    "RowProblem",
    "TabularImport",
    "detect_columns",
    "fold_header",
    "import_tabular",
    "preview_tabular",
]
HEADER_SCAN_ROWS = 15
Rows = list[tuple[int, list[Any]]]  # (1-based row number in the file or sheet, cells)
#: Roles describing the plan a row belongs to: carried down only inside merged ranges.
_PLAN_ROLES = ("metro", "municipality", "municipality_code", "plan_title", "period")


@dataclass
class RowProblem:
    """A row that could not be used, with its 1-based row number in the file (or sheet)."""

    row: int
    reason: str
    sheet: str | None = None

    def __str__(self) -> str:
        where = f"sheet {self.sheet!r} row {self.row}" if self.sheet else f"row {self.row}"
        return f"{where}: {self.reason}"


@dataclass
class TabularImport:
    """The plans found in one tabular file, and how they were found."""

    plans: list[PlanRecord]
    format: str
    columns: dict[str, str]  # role -> header as printed
    sheet: str | None = None
    encoding: str | None = None
    skipped: list[RowProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    header_row: int | None = None
    sample: list[list[str]] = field(default_factory=list)  # the header and first data rows, for --preview

    @property
    def services(self) -> int:
        return sum(len(p.services) for p in self.plans)

    def preview(self) -> dict[str, Any]:
        """What --preview prints: sheet, header row, column mapping, first rows, notes (nothing written)."""
        return {
            "format": self.format,
            "sheet": self.sheet,
            "encoding": self.encoding,
            "header_row": self.header_row,
            "columns": self.columns,
            "rows": self.sample,
            "plans": [
                {
                    "municipality": p.municipality,
                    "title": p.title,
                    "period": list(p.period) if p.period else None,
                    "services": len(p.services),
                }
                for p in self.plans
            ],
            "skipped": [str(p) for p in self.skipped],
            "notes": self.notes,
        }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value))
    return re.sub(r"[ \t\u00a0]+", " ", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _find_header(rows: Rows, mapping: dict[str, str] | None) -> tuple[int, dict[str, int]] | None:
    """Index (into rows) of the header row among the first rows, and its columns; None if none names a service."""
    best: tuple[int, int, dict[str, int]] | None = None
    for i, (_, row) in enumerate(rows[:HEADER_SCAN_ROWS]):
        cols = detect_columns(row, mapping)
        if "name" not in cols:
            continue
        if best is None or len(cols) > best[0]:
            best = (len(cols), i, cols)
    return (best[1], best[2]) if best else None


@dataclass
class _Sheet:
    rows: Rows
    title: str | None = None
    merged: dict[tuple[int, int], tuple[int, int]] | None = None  # covered (row, col) -> anchor (row, col)
    delimited: bool = False  # CSV: cells past the header mean shifted fields (an unquoted comma)


def rows_to_plans(
    sheet: _Sheet, *, source_name: str, mapping: dict[str, str] | None = None, defaults: dict[str, Any] | None = None
) -> TabularImport:
    """Turn a sheet's rows into plans (one per municipality and plan), with the columns used and rows skipped."""
    defaults = defaults or {}
    rows, title = sheet.rows, sheet.title
    located = _find_header(rows, mapping)
    if located is None:
        raise DocumentError(
            "bad_table",
            "no column names a service (서비스명 / 사업명 / 서비스 / name …)"
            + (f" in sheet {title!r}" if title else "")
            + "; name one with --map '머리글=name'",
            path=source_name,
        )
    header_index, cols = located
    header_number, header = rows[header_index]
    width = max((i for i, h in enumerate(header) if _cell(h)), default=-1) + 1
    columns = {role: _cell(header[i]) for role, i in cols.items()}
    body = rows[header_index + 1 :]
    ragged = [number for number, row in body if any(_cell(v) for v in row[width:])]
    if ragged and sheet.delimited:
        shown = ", ".join(map(str, ragged[:10])) + (" …" if len(ragged) > 10 else "")
        raise DocumentError(
            "bad_table",
            f"{len(ragged)} row(s) have more cells than the header has columns "
            f"(rows {shown}): fields are probably shifted by an unquoted comma",
            path=source_name,
        )
    by_number = dict(rows)
    merged = sheet.merged or {}

    def value(number: int, row: list[Any], col: int) -> tuple[str, bool]:
        text = _cell(row[col]) if col < len(row) else ""
        anchor = merged.get((number, col + 1))
        if not text and anchor is not None and anchor[0] > header_number:  # a data cell, never a header
            anchor_row = by_number.get(anchor[0], [])
            text = _cell(anchor_row[anchor[1] - 1]) if anchor[1] - 1 < len(anchor_row) else ""
            return text, bool(text)
        return text, False

    result = TabularImport(
        [],
        "",
        columns,
        sheet=title,
        header_row=header_number,
        sample=[[_cell(v) for v in header[:width]]] + [[_cell(v) for v in row[:width]] for _, row in body[:5]],
    )
    plans: OrderedDict[tuple[Any, ...], PlanRecord] = OrderedDict()
    carried_roles: set[str] = set()
    no_municipality: list[int] = []
    for number, row in body:
        if not any(_cell(v) for v in row):
            continue  # blank rows are layout, not data
        values: dict[str, str] = {}
        for role, col in cols.items():
            values[role], was_carried = value(number, row, col)
            if was_carried:
                carried_roles.add(role)
        name = values.get("name", "")
        if not name:
            result.skipped.append(RowProblem(number, "no service name", title))
            continue
        if re.fullmatch(r"(합\s*계|소\s*계|총\s*계|계|total|sum)", name, flags=re.IGNORECASE):
            result.skipped.append(RowProblem(number, f"a total row ({name})", title))
            continue
        municipality_raw = values.get("municipality") or ""
        metro = values.get("metro") or ""
        if not municipality_raw and metro:
            municipality_raw = metro  # a metro's own plan (세종특별자치시 has no basic tier)
        elif municipality_raw and metro:
            municipality_raw = f"{metro} {municipality_raw}"  # tells same-name districts apart (부산 중구)
        if not municipality_raw:
            municipality_raw = defaults.get("municipality") or ""
            if "municipality" in cols or "metro" in cols:
                no_municipality.append(number)
        plan_title = strip_quotes(values["plan_title"]) if values.get("plan_title") else None
        period = parse_period(values.get("period") or "") or (parse_period(plan_title) if plan_title else None)
        key = (municipality_raw, plan_title, period)
        if plan_title is None and period is None:
            # a row naming no plan belongs to this municipality's plan above (never to another municipality's)
            key = next((k for k in reversed(plans) if k[0] == municipality_raw), key)
        if key not in plans:
            if municipality_raw:
                basic = values.get("municipality") or ""
                # the basic name alone first ('양평' → 양평군); with its metro only when alone it is ambiguous
                muni, code = resolve_name(basic) if basic and metro else (None, None)
                if code is None:
                    muni, code = resolve_name(municipality_raw)
            else:
                muni, code = None, None
            if values.get("municipality_code"):
                code = values["municipality_code"]
            plans[key] = PlanRecord(municipality=muni, municipality_code=code, title=plan_title, period=period)
        plan = plans[key]
        label = values.get("domain") or None
        domain_id = try_normalise_domain(label) if label else None
        page = None
        if values.get("page"):
            digits = re.match(r"\s*(\d+)", values["page"])
            if digits:
                page = int(digits.group(1))
            else:
                result.skipped.append(
                    RowProblem(number, f"page {values['page']!r} is not a number (kept the service)", title)
                )
        extra = {
            _cell(header[i]): _cell(row[i])
            for i in range(min(len(row), width))
            if i not in cols.values() and _cell(header[i]) and _cell(row[i])
        }
        plan.services.append(
            ServiceRecord(
                name=name,
                description=values.get("description", ""),
                declared_domain=domain_name(domain_id) if domain_id else None,
                declared_label=label,
                page=page,
                position=len(plan.services),
                extra=extra,
            )
        )
        if label and domain_id is None:
            plan.warnings.append(
                f"row {number}: domain label {label!r} is not one of the 12 legal domains (kept as declared_label)"
            )
    if ragged and not sheet.delimited:
        result.notes.append(
            f"머리글 밖의 셀은 읽지 않음 (행 {', '.join(map(str, ragged[:5]))}" + (" …)" if len(ragged) > 5 else ")")
        )
    if carried_roles:
        result.notes.append("병합된 셀의 값을 아래 행에 적용함: " + ", ".join(sorted(carried_roles)))
    if no_municipality:
        shown = ", ".join(map(str, no_municipality[:10])) + (" …" if len(no_municipality) > 10 else "")
        result.notes.append(
            f"지자체 칸이 빈 행 {len(no_municipality)}개 (행 {shown}): 위 행의 지자체로 채우지 않음"
            + (
                f", 파일 이름의 {defaults['municipality']}(으)로 봄"
                if defaults.get("municipality")
                else ", 지자체 미상으로 둠"
            )
        )
    for plan in plans.values():
        if (
            plan.title is None
            and defaults.get("title")
            and (len(plans) == 1 or (plan.municipality or "") in defaults["title"])
        ):
            plan.title = defaults["title"]
        if plan.period is None and defaults.get("period") and len(plans) == 1:
            plan.period = defaults["period"]
        if plan.municipality is None:
            plan.warnings.append(
                "지자체를 알 수 없음: 지자체 열도, 파일 이름의 지자체도 없습니다 "
                "(--map '머리글=municipality'로 열을 지정할 수 있습니다)"
            )
    result.plans = list(plans.values())
    return result


def _loose_metadata(lines: Iterable[list[Any]], *names: str) -> dict[str, Any]:
    """Municipality, title and period from title rows, cover sheets and file/sheet names (the plan's own words)."""
    text = [" ".join(_cell(v) for v in row if _cell(v)) for row in list(lines)[:60]]
    meta = metadata_from_lines([t for t in text if t] + [n for n in names if n], names=names)
    return {"municipality": meta.municipality, "title": meta.title, "period": meta.period}


# ---------------------------------------------------------------- entry points
def import_tabular(path: str | Path, mapping: dict[str, str] | None = None) -> TabularImport:
    """The plans in a CSV or XLSX service inventory; DocumentError if the file cannot be used at all.

    ``mapping`` names columns the vocabulary does not know: {'기초자치단체': 'municipality', …}.
    """
    path = Path(path)
    if not path.exists():
        raise DocumentError("not_found", "no such file", path=path)
    if path.stat().st_size == 0:
        raise DocumentError("empty", "0 bytes", path=path)
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith(b"PK"):
        return _import_xlsx(path, mapping)
    if path.suffix.lower() == ".xlsx":
        raise DocumentError("corrupt", "an .xlsx file that is not a zip package", path=path)
    from scatlas.sheets.csv_reader import read_csv_rows

    table = read_csv_rows(path)
    rows: Rows = [(n, list(r)) for n, r in table.rows]
    located = _find_header(rows, mapping)
    defaults = _loose_metadata([r for _, r in rows[: located[0]]] if located else [], path.stem)
    result = rows_to_plans(_Sheet(rows, delimited=True), source_name=str(path), mapping=mapping, defaults=defaults)
    result.format, result.encoding = "csv", table.encoding
    result.skipped = sorted(
        [RowProblem(b.line, b.reason) for b in table.bad_rows] + result.skipped, key=lambda p: p.row
    )
    return result


def preview_tabular(path: str | Path, mapping: dict[str, str] | None = None) -> dict[str, Any]:
    """What importing the file would do (sheet, header row, columns, first rows, plans), writing nothing."""
    return import_tabular(path, mapping).preview()


def _import_xlsx(path: Path, mapping: dict[str, str] | None) -> TabularImport:
    from scatlas.ingest.xlsx import read_xlsx

    sheets = read_xlsx(path)
    candidates = []
    for sheet in sheets:
        located = _find_header(sheet.rows, mapping)
        if located is None:
            continue
        data_rows = sum(1 for _, r in sheet.rows[located[0] + 1 :] if any(_cell(v) for v in r))
        candidates.append((len(located[1]), data_rows, sheet))
    if not candidates:
        raise DocumentError(
            "bad_table",
            "no sheet has a column naming services (서비스명 / 사업명 / name …); "
            f"sheets: {', '.join(s.title for s in sheets)}",
            path=path,
        )
    # the sheet with the most recognised columns, then the most rows, is the service list
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    chosen = candidates[0][2]
    header_index = _find_header(chosen.rows, mapping)[0]  # type: ignore[index]
    chosen_titles = {c[2].title for c in candidates}
    # title rows above the header, then sheets that are not service lists (a cover sheet), then the names
    loose = [r for _, r in chosen.rows[:header_index]] + [
        r for s in sheets if s.title not in chosen_titles for _, r in s.rows[:30]
    ]
    defaults = _loose_metadata(loose, chosen.title, path.stem)
    result = rows_to_plans(
        _Sheet(chosen.rows, chosen.title, chosen.merged_below_anchor()),
        source_name=str(path),
        mapping=mapping,
        defaults=defaults,
    )
    result.format = "xlsx"
    result.notes.insert(
        0, f"read sheet {chosen.title!r} as the service list ({len(result.columns)} recognised columns)"
    )
    others = [c[2].title for c in candidates[1:]]
    if others:
        result.notes.append(f"other sheets with a service-like column, not read: {', '.join(others)}")
    return result


def iter_problems(result: TabularImport) -> Iterable[str]:
    """Human-readable lines for every skipped row."""
    return (str(p) for p in result.skipped)
