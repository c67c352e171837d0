"""The catalogue's services with their effective coding, in the export shape of docs/contracts.md#export-columns."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any, Iterable

from scatlas.catalogue.store import Catalogue

#: The `scatlas export` columns, in order (docs/contracts.md#export-columns).
EXPORT_COLUMNS: tuple[str, ...] = (
    "municipality", "municipality_code", "plan_title", "period", "source_file", "page", "name", "description",
    "declared_domain", "domain", "domain_id", "subtype", "function", "target_groups", "technologies", "confidence",
    "coder",
)
EXPORT_FORMATS = ("csv", "json", "xlsx")


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(";") if v]


def export_record(row: dict[str, Any]) -> dict[str, Any]:
    """One service_view row as a docs/contracts.md export object (lists as lists, period as [start, end] or null)."""
    period = [row["period_start"], row["period_end"]] if row.get("period_start") else None
    return {
        "municipality": row["municipality"], "municipality_code": row["municipality_code"],
        "plan_title": row["plan_title"], "period": period, "source_file": row["source_file"], "page": row["page"],
        "name": row["name"], "description": row["description"], "declared_domain": row["declared_domain"],
        "domain": row["domain"], "domain_id": row["domain_id"], "subtype": row["subtype"],
        "function": row["function"], "target_groups": _split(row["target_groups"]),
        "technologies": _split(row["technologies"]),
        "confidence": round(row["confidence"], 4) if row["confidence"] is not None else None,
        "coder": row["coder"],
    }


# Text a spreadsheet would run as a formula (CSV injection): =, +, @, tab/CR, or '-' followed by a formula start.
_FORMULA = re.compile(r"^(?:[=+@\t\r]|-[\d=+@(])")


def spreadsheet_safe(value: Any) -> Any:
    """Document text made inert for Excel/LibreOffice: a leading apostrophe before anything formula-like."""
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def flat_record(record: dict[str, Any]) -> dict[str, Any]:
    """An export object flattened for CSV/XLSX: lists ';'-separated, period as '2023~2027', formulas defused."""
    flat = dict(record)
    flat["target_groups"] = ";".join(record["target_groups"])
    flat["technologies"] = ";".join(record["technologies"])
    flat["period"] = f"{record['period'][0]}~{record['period'][1]}" if record["period"] else ""
    return {k: ("" if v is None else spreadsheet_safe(v)) for k, v in flat.items()}


def export_records(cat: Catalogue, where: str = "", params: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """Every (or every selected) service as an export object, in plan order."""
    rows = cat.services(where, tuple(params), order_by="municipality, period_start, plan_id, position")
    return [export_record(r) for r in rows]


def write_export(records: list[dict[str, Any]], fmt: str, out: Path) -> Path:
    """Write records as csv (UTF-8 with BOM, so Excel shows Hangul), json or xlsx."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        out.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "csv":
        with out.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=EXPORT_COLUMNS)
            writer.writeheader()
            writer.writerows(flat_record(r) for r in records)
    elif fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "services"
        ws.append(list(EXPORT_COLUMNS))
        for record in records:
            flat = flat_record(record)
            ws.append([flat[c] for c in EXPORT_COLUMNS])
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        wb.save(out)
    else:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
    return out
