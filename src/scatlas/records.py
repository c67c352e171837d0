"""The records passed between pipeline stages: extracted plans and services, and codings."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class ServiceRecord:
    """One service as a plan (or a researcher's inventory) lists it."""

    name: str
    description: str = ""
    declared_domain: str | None = None  # canonical Korean domain name, or None
    declared_label: str | None = None  # the label as printed, when there is one
    page: int | None = None  # physical 1-based page, None for formats without pages
    position: int = 0  # order in the plan, 0-based
    extra: dict[str, Any] = field(default_factory=dict)  # other columns / card fields (적용 기술, 추진시기 …)
    from_prose: bool = False  # found in running text (a sentence), not in a table, card or list
    ocr_confidence: float | None = None  # read by OCR: the page's mean word confidence (0–1)

    def to_json(self) -> dict[str, Any]:
        """The service object of `scatlas extract --json`."""
        data: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "declared_domain": self.declared_domain,
            "page": self.page,
        }
        if self.declared_label is not None:
            data["declared_label"] = self.declared_label
        if self.from_prose:
            data["from_prose"] = True
        if self.ocr_confidence is not None:
            data["ocr_confidence"] = self.ocr_confidence
        if self.extra:
            data["extra"] = self.extra
        return data


@dataclass
class PlanRecord:
    """One municipality's plan as extracted from a document (a tabular file may hold many)."""

    municipality: str | None
    municipality_code: str | None = None
    title: str | None = None
    period: tuple[int, int] | None = None
    services: list[ServiceRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class SourceRecord:
    """The file a batch of plans came from."""

    path: str
    file_name: str
    sha256: str
    format: str
    pages: int | None
    size: int


@dataclass
class CodingRecord:
    """One coding of one service on every dimension of the codebook."""

    domain_id: str | None
    subtype: str | None = None
    function: str | None = None
    target_groups: list[str] = field(default_factory=list)
    technologies: list[str] = field(default_factory=list)
    confidence: float | None = None
    rationale: str = ""
    coder: str = "auto:unknown"  # auto:<model version> or human:<name>
    top2: list[tuple[str, float]] = field(default_factory=list)  # [(domain_id, score), …]

    def to_dict(self) -> dict[str, Any]:
        """A plain dict (lists kept as lists)."""
        return asdict(self)
