"""``scatlas classify``: code every row of a CSV of services and write the input columns plus the codes."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from scatlas.coding.csvio import read_csv, write_csv
from scatlas.records import CodingRecord, ServiceRecord
from scatlas.taxonomy import domain_name

#: Columns added to the input's (docs/contracts.md#scatlas-classify); an input column of the same name is overwritten.
OUTPUT_COLUMNS = (
    "domain",
    "domain_id",
    "confidence",
    "subtype",
    "function",
    "target_groups",
    "technologies",
    "rationale",
)


class Coder(Protocol):
    def code(self, services: list[ServiceRecord]) -> list[CodingRecord]: ...


def coding_columns(c: CodingRecord) -> dict[str, object]:
    """The output columns of one coding (lists ';'-joined)."""
    return {
        "domain": domain_name(c.domain_id) if c.domain_id else "",
        "domain_id": c.domain_id or "",
        "confidence": "" if c.confidence is None else f"{c.confidence:.4f}",
        "subtype": c.subtype or "",
        "function": c.function or "",
        "target_groups": ";".join(c.target_groups),
        "technologies": ";".join(c.technologies),
        "rationale": c.rationale,
    }


def classify_csv(
    in_path: str | Path, out_path: str | Path, coder: Coder, batch_size: int = 2000, bad_rows: list | None = None
) -> int:
    """Codes the rows of ``in_path`` (needs a ``name`` column; ``description`` if present) into ``out_path``.

    Returns the number of rows written; rows that could not be read are skipped and added to ``bad_rows``.
    """
    header, rows, _ = read_csv(in_path, required=("name",), bad_rows=bad_rows)
    services = [ServiceRecord(name=r.get("name") or "", description=r.get("description") or "") for r in rows]
    codings: list[CodingRecord] = []
    for start in range(0, len(services), batch_size):
        codings.extend(coder.code(services[start : start + batch_size]))
    out_header = header + [c for c in OUTPUT_COLUMNS if c not in header]
    out_rows = [{**row, **coding_columns(c)} for row, c in zip(rows, codings, strict=True)]
    write_csv(out_path, out_header, out_rows)
    return len(out_rows)
