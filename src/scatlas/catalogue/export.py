"""The catalogue's services with their effective coding, in the export shape of docs/contracts.md#export-columns."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from scatlas.catalogue.store import Catalogue
from scatlas.labels import coder_label, subtype_labels
from scatlas.sheets.safe_writer import csv_chunks as safe_csv_chunks
from scatlas.sheets.safe_writer import spreadsheet_safe, write_csv, write_xlsx

#: The `scatlas export` columns, in order (docs/contracts.md#export-columns); codes for programs, *_label for people.
EXPORT_COLUMNS: tuple[str, ...] = (
    "municipality",
    "municipality_code",
    "plan_title",
    "period",
    "source_file",
    "page",
    "name",
    "description",
    "declared_domain",
    "domain",
    "domain_id",
    "subtype",
    "subtype_label",
    "function",
    "target_groups",
    "technologies",
    "confidence",
    "coder",
    "coder_label",
)
EXPORT_FORMATS = ("csv", "json", "xlsx")


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(";") if v]


def export_record(row: dict[str, Any]) -> dict[str, Any]:
    """One service_view row as a docs/contracts.md export object (lists as lists, period as [start, end] or null)."""
    period = [row["period_start"], row["period_end"]] if row.get("period_start") else None
    return {
        "municipality": row["municipality"],
        "municipality_code": row["municipality_code"],
        "plan_title": row["plan_title"],
        "period": period,
        "source_file": row["source_file"],
        "page": row["page"],
        "name": row["name"],
        "description": row["description"],
        "declared_domain": row["declared_domain"],
        "domain": row["domain"],
        "domain_id": row["domain_id"],
        "subtype": row["subtype"],
        "subtype_label": subtype_labels().get(row["subtype"] or "", row["subtype"]),
        "function": row["function"],
        "target_groups": _split(row["target_groups"]),
        "technologies": _split(row["technologies"]),
        "confidence": round(row["confidence"], 4) if row["confidence"] is not None else None,
        "coder": row["coder"],
        "coder_label": coder_label(row["coder"]),
    }


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


def csv_chunks(records: Iterable[dict[str, Any]], batch: int = 500) -> Iterator[str]:
    """The CSV export as text chunks (BOM first, so Excel shows Hangul), for streaming a download."""
    return safe_csv_chunks(EXPORT_COLUMNS, (flat_record(r) for r in records), batch)


def json_chunks(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The JSON export (an array of export objects) as text chunks, for streaming a download."""
    yield "["
    for n, record in enumerate(records):
        yield ("," if n else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]\n"


def write_export(records: Iterable[dict[str, Any]], fmt: str, out: Path) -> Path:
    """Write records as csv (UTF-8 with BOM, so Excel shows Hangul), json or xlsx."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        with out.open("w", encoding="utf-8") as fh:
            fh.writelines(json_chunks(records))
    elif fmt == "csv":
        write_csv(out, EXPORT_COLUMNS, (flat_record(r) for r in records))
    elif fmt == "xlsx":
        write_xlsx(out, EXPORT_COLUMNS, (flat_record(r) for r in records))  # write-only: memory stays flat
    else:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
    return out
