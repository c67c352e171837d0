"""Service inventories as researchers keep them: CSV (UTF-8, UTF-8-BOM, CP949/EUC-KR) and XLSX, one or many plans.

Columns are found by their Korean or English headers; the header row need not be the first row. Rows that cannot be
used are reported with their row numbers, never dropped silently; a file whose rows are ragged (more cells than the
header, i.e. shifted columns) is refused as a whole rather than imported wrongly.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from scatlas.errors import DocumentError
from scatlas.records import PlanRecord, ServiceRecord
from scatlas.taxonomy import domain_name, try_normalise_domain

#: Column role -> header spellings (compared after folding: NFC, lower case, no spaces or punctuation).
#: Earlier spellings win when two columns could take the same role.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("서비스명", "사업명", "단위서비스명", "세부서비스명", "세부사업명", "서비스이름", "과제명", "서비스", "사업",
             "단위서비스", "세부서비스", "name", "servicename", "service", "title"),
    "description": ("서비스내용", "서비스개요", "사업내용", "사업개요", "주요내용", "주요기능", "내용", "개요", "설명",
                    "서비스설명", "description", "desc", "summary", "details"),
    "domain": ("서비스분야", "분야", "서비스유형", "유형", "구분", "부문", "영역", "domain", "category", "sector", "type"),
    "municipality": ("지자체명", "지자체", "자치단체", "지방자치단체", "시군구", "시군", "도시명", "도시", "지역",
                     "municipality", "city", "localgovernment", "region"),
    "municipality_code": ("지자체코드", "행정코드", "행정표준코드", "municipalitycode", "code"),
    "page": ("페이지", "쪽", "쪽수", "page", "pages", "p"),
    "plan_title": ("계획명", "계획", "문서명", "plan", "plantitle", "document"),
    "period": ("계획기간", "기간", "목표연도", "period", "years"),
}
_FOLD = re.compile(r"[\s\W_]+", re.UNICODE)
_PERIOD = re.compile(r"((?:19|20)\d{2})\s*(?:년)?\s*[~\-–—∼〜]\s*((?:19|20)?\d{2})")
MAX_ROWS = 200_000
HEADER_SCAN_ROWS = 15


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

    @property
    def services(self) -> int:
        return sum(len(p.services) for p in self.plans)


def fold_header(text: Any) -> str:
    """A header folded for matching."""
    return _FOLD.sub("", unicodedata.normalize("NFC", str(text or ""))).lower()


def detect_columns(header: list[Any]) -> dict[str, int]:
    """Role -> column index for a header row (only roles found). Exact spellings first, then prefixes."""
    folded = [fold_header(h) for h in header]
    found: dict[str, int] = {}
    taken: set[int] = set()
    for exact in (True, False):
        for role, spellings in HEADER_SYNONYMS.items():
            if role in found:
                continue
            for spelling in spellings:
                hits = [i for i, h in enumerate(folded) if i not in taken and h and
                        (h == spelling if exact else (len(spelling) >= 2 and h.startswith(spelling)))]
                if hits:
                    found[role] = hits[0]
                    taken.add(hits[0])
                    break
    return found


def _find_header(rows: list[list[Any]]) -> tuple[int, dict[str, int]] | None:
    """Index of the header row among the first rows, and its columns; None if no row names a service column."""
    best: tuple[int, int, dict[str, int]] | None = None
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        cols = detect_columns(row)
        if "name" not in cols:
            continue
        score = len(cols)
        if best is None or score > best[0]:
            best = (score, i, cols)
    return (best[1], best[2]) if best else None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFC", str(value))
    return re.sub(r"[ \t\u00a0]+", " ", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _resolve(name: str) -> tuple[str, str | None]:
    """Official municipality name and code when the register knows it, else the name as written."""
    try:
        from scatlas.extract.municipalities import resolve_municipality
    except ImportError:  # the register arrives with the extract stage
        return name, None
    hit = resolve_municipality(name)
    return (hit[0], hit[1]) if hit else (name, None)


def rows_to_plans(rows: list[list[Any]], *, source_name: str, sheet: str | None = None,
                  row_offset: int = 0, merged_rows: set[int] | None = None,
                  default_municipality: str | None = None, default_title: str | None = None,
                  default_period: tuple[int, int] | None = None,
                  ) -> tuple[list[PlanRecord], dict[str, str], list[RowProblem], list[str]]:
    """Turn a sheet's rows into plans (one per municipality), with the columns used and the rows skipped."""
    located = _find_header(rows)
    if located is None:
        raise DocumentError("bad_table", "no column names a service (서비스명 / 사업명 / 서비스 / name …)"
                            + (f" in sheet {sheet!r}" if sheet else ""), path=source_name)
    header_index, cols = located
    header = rows[header_index]
    width = max((i for i, h in enumerate(header) if _cell(h)), default=-1) + 1
    columns = {role: _cell(header[i]) for role, i in cols.items()}
    problems: list[RowProblem] = []
    notes: list[str] = []
    ragged = [header_index + k + 2 + row_offset for k, row in enumerate(rows[header_index + 1:])
              if any(_cell(v) for v in row[width:])]
    if ragged:
        shown = ", ".join(map(str, ragged[:10])) + (" …" if len(ragged) > 10 else "")
        raise DocumentError("bad_table", f"{len(ragged)} row(s) have more cells than the header has columns "
                            f"(rows {shown}): fields are probably shifted by an unquoted comma", path=source_name)
    plans: "OrderedDict[str | None, PlanRecord]" = OrderedDict()
    carried: dict[str, str] = {}
    carried_roles: set[str] = set()
    for k, row in enumerate(rows[header_index + 1:]):
        number = header_index + k + 2 + row_offset
        values = {role: _cell(row[i]) if i < len(row) else "" for role, i in cols.items()}
        if not any(_cell(v) for v in row):
            continue  # blank rows are layout, not data
        for role in ("domain", "municipality", "plan_title", "period", "municipality_code"):
            if role not in values:
                continue
            if values[role]:
                carried[role] = values[role]
            elif role in carried and (role != "domain" or (merged_rows is not None and number in merged_rows)):
                # municipality/title/period blanks mean 'same as above'; a blank domain only when a merged cell
                # says so (XLSX), since researchers also leave a domain blank for 'not coded'
                values[role] = carried[role]
                carried_roles.add(role)
        name = values.get("name", "")
        if not name:
            problems.append(RowProblem(number, "no service name", sheet))
            continue
        if re.fullmatch(r"(합\s*계|소\s*계|총\s*계|계|total|sum)", name, flags=re.IGNORECASE):
            problems.append(RowProblem(number, f"a total row ({name})", sheet))
            continue
        municipality_raw = values.get("municipality") or default_municipality
        key = municipality_raw
        if key not in plans:
            muni, code = _resolve(municipality_raw) if municipality_raw else (None, None)
            if values.get("municipality_code"):
                code = values["municipality_code"]
            plans[key] = PlanRecord(municipality=muni, municipality_code=code)
        plan = plans[key]
        if plan.title is None and values.get("plan_title"):
            plan.title = values["plan_title"]
        if plan.period is None and values.get("period"):
            match = _PERIOD.search(values["period"])
            if match:
                start, end = int(match.group(1)), match.group(2)
                plan.period = (start, int(end) if len(end) == 4 else start // 100 * 100 + int(end))
        label = values.get("domain") or None
        domain_id = try_normalise_domain(label) if label else None
        page = None
        if values.get("page"):
            digits = re.match(r"\s*(\d+)", values["page"])
            if digits:
                page = int(digits.group(1))
            else:
                problems.append(RowProblem(number, f"page {values['page']!r} is not a number (kept the service)",
                                           sheet))
        extra = {_cell(header[i]): _cell(row[i]) for i in range(min(len(row), width))
                 if i not in cols.values() and _cell(header[i]) and _cell(row[i])}
        plan.services.append(ServiceRecord(
            name=name, description=values.get("description", ""),
            declared_domain=domain_name(domain_id) if domain_id else None,
            declared_label=label, page=page, position=len(plan.services), extra=extra))
        if label and domain_id is None:
            plan.warnings.append(f"row {number}: domain label {label!r} is not one of the 12 legal domains "
                                 "(kept as declared_label)")
    if carried_roles:
        notes.append("blank " + ", ".join(sorted(carried_roles)) + " cells took the value above (merged cells)")
    for plan in plans.values():
        if plan.title is None and default_title and (plan.municipality or "") in default_title:
            plan.title = default_title
        if plan.period is None and default_period and len(plans) == 1:
            plan.period = default_period
        if plan.municipality is None:
            plan.warnings.append("no municipality column and none in the file name: municipality unknown")
    return list(plans.values()), columns, problems, notes


# ---------------------------------------------------------------- CSV
def read_csv_rows(path: Path) -> tuple[list[list[str]], str]:
    """The rows of a CSV file and the encoding that decoded it (UTF-8, UTF-8-BOM, UTF-16, CP949/EUC-KR)."""
    from scatlas.ingest.text import decode  # the shared, syllable-safe decoder

    data = path.read_bytes()
    if not data.strip():
        raise DocumentError("empty", "no data", path=path)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError("unsupported_format", "binary data, not a CSV text file", path=path)
    try:
        text, encoding = decode(data, path)
    except DocumentError as exc:
        raise DocumentError("bad_table", f"cannot decode as UTF-8 or CP949 ({exc.detail})", path=path) from exc
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\r\n\t")
    if controls > 8:
        raise DocumentError("unsupported_format", "control characters: binary data renamed .csv?", path=path)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise DocumentError("bad_table", f"malformed CSV: {exc}", path=path) from exc
    if len(rows) > MAX_ROWS:
        raise DocumentError("too_large", f"{len(rows):,} rows > limit {MAX_ROWS:,}", path=path)
    return rows, encoding


# ---------------------------------------------------------------- XLSX
def _sheet_rows(ws: Any) -> tuple[list[list[Any]], set[int]]:
    if (ws.max_row or 0) > MAX_ROWS:
        raise DocumentError("too_large", f"sheet {ws.title!r} has {ws.max_row:,} rows > limit {MAX_ROWS:,}")
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    merged: set[int] = set()
    for rng in getattr(ws, "merged_cells", None) and ws.merged_cells.ranges or []:
        merged.update(range(rng.min_row + 1, rng.max_row + 1))  # rows below the anchor
    return rows, merged


def read_xlsx_sheets(path: Path) -> list[tuple[str, list[list[Any]], set[int]]]:
    """Every sheet's rows (and the rows covered by merged cells below an anchor), after vetting the zip."""
    from scatlas.ingest.limits import SafeZip  # refuses zip bombs before anything inflates

    with SafeZip(path) as package:
        if not package.has("xl/workbook.xml"):
            raise DocumentError("corrupt", "a zip package without xl/workbook.xml: not an XLSX workbook", path=path)
    import openpyxl  # lazy: heavy

    try:
        wb = openpyxl.load_workbook(path, read_only=False, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        raise DocumentError("corrupt", f"cannot open the workbook: {exc}", path=path) from exc
    try:
        return [(ws.title, *_sheet_rows(ws)) for ws in wb.worksheets]
    except DocumentError as exc:
        raise DocumentError(exc.code, exc.detail, path=path) from exc
    finally:
        wb.close()


# ---------------------------------------------------------------- entry point
def import_tabular(path: str | Path) -> TabularImport:
    """The plans in a CSV or XLSX service inventory; DocumentError if the file cannot be used at all."""
    path = Path(path)
    if not path.exists():
        raise DocumentError("corrupt", "no such file", path=path)
    if path.stat().st_size == 0:
        raise DocumentError("empty", "0 bytes", path=path)
    with path.open("rb") as fh:
        head = fh.read(4)
    if head.startswith(b"PK"):
        return _import_xlsx(path)
    if path.suffix.lower() == ".xlsx":
        raise DocumentError("corrupt", "an .xlsx file that is not a zip package", path=path)
    rows, encoding = read_csv_rows(path)
    located = _find_header(rows)
    meta = _loose_metadata(rows[:located[0]] if located else [], path.stem)
    plans, columns, problems, notes = rows_to_plans(rows, source_name=str(path), **meta)
    return TabularImport(plans, "csv", columns, encoding=encoding, skipped=problems, notes=notes)


def _loose_metadata(rows: list[list[Any]], *names: str) -> dict[str, Any]:
    """Municipality, title and period from title rows, cover sheets and file/sheet names (the plan's own words)."""
    lines = [" ".join(_cell(v) for v in row if _cell(v)) for row in rows[:60]]
    lines = [line for line in lines if line] + [n for n in names if n]
    try:
        from scatlas.extract.metadata import metadata_from_lines
    except ImportError:  # pragma: no cover - the extract stage ships with scatlas
        return {"default_municipality": next(filter(None, map(_municipality_from_name, names)), None)}
    meta = metadata_from_lines(lines) if lines else None
    municipality = (meta.municipality if meta else None) or next(filter(None, map(_municipality_from_name, names)),
                                                                  None)
    return {"default_municipality": municipality, "default_title": meta.title if meta else None,
            "default_period": tuple(meta.period) if meta and meta.period else None}


def _municipality_from_name(stem: str) -> str | None:
    match = re.search(r"([가-힣]{1,10}(?:특별시|광역시|특별자치시|특별자치도|시|군|구))", stem)
    return match.group(1) if match else None


def _import_xlsx(path: Path) -> TabularImport:
    sheets = read_xlsx_sheets(path)
    candidates = []
    for title, rows, merged in sheets:
        located = _find_header(rows)
        if located is None:
            continue
        data_rows = sum(1 for r in rows[located[0] + 1:] if any(_cell(v) for v in r))
        candidates.append((len(located[1]), data_rows, title, rows, merged))
    if not candidates:
        raise DocumentError("bad_table", "no sheet has a column naming services (서비스명 / 사업명 / name …); "
                            f"sheets: {', '.join(t for t, _, _ in sheets)}", path=path)
    # the sheet with the most recognised columns, then the most rows, is the service list
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    score, _, title, rows, merged = candidates[0]
    header_index = _find_header(rows)[0]
    # title rows above the header, then sheets that are not service lists (a cover sheet), then the names
    loose = rows[:header_index] + [row for t, other, _ in sheets if t not in {c[2] for c in candidates}
                                   for row in other[:30]]
    meta = _loose_metadata(loose, title, path.stem)
    plans, columns, problems, notes = rows_to_plans(rows, source_name=str(path), sheet=title, merged_rows=merged,
                                                    **meta)
    notes.insert(0, f"read sheet {title!r} as the service list ({len(columns)} recognised columns)")
    others = [c[2] for c in candidates[1:]]
    if others:
        notes.append(f"other sheets with a service-like column, not read: {', '.join(others)}")
    return TabularImport(plans, "xlsx", columns, sheet=title, skipped=problems, notes=notes)


def iter_problems(result: TabularImport) -> Iterable[str]:
    """Human-readable lines for every skipped row."""
    return (str(p) for p in result.skipped)
