"""The `scatlas extract --json` object (docs/contracts.md) for an extracted plan or a document-level failure."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scatlas.errors import DocumentError
from scatlas.records import PlanRecord


def plan_json(
    file: str | Path, fmt: str | None, pages: int | None, plan: PlanRecord, warnings: list[str] | None = None
) -> dict[str, Any]:
    """The extraction result of one plan: metadata, services, and every warning (reader's first)."""
    return {
        "file": Path(file).name,
        "format": fmt,
        "pages": pages,
        "municipality": plan.municipality,
        "municipality_code": plan.municipality_code,
        "plan_title": plan.title,
        "period": list(plan.period) if plan.period else None,
        "services": [s.to_json() for s in plan.services],
        "warnings": [*(warnings or []), *plan.warnings],
        "error": None,
    }


def error_json(file: str | Path, fmt: str | None, error: DocumentError) -> dict[str, Any]:
    """The extraction result of a document that could not be read: no services, the error's code and message."""
    return {
        "file": Path(file).name,
        "format": fmt,
        "pages": None,
        "municipality": None,
        "municipality_code": None,
        "plan_title": None,
        "period": None,
        "services": [],
        "warnings": [],
        "error": error.to_json(),
    }
