"""Records and sources built by hand for tests (spaCy style: exact and fast)."""

from __future__ import annotations

from scatlas.records import PlanRecord, ServiceRecord, SourceRecord


def make_source(name: str = "plan.csv", sha: str = "0" * 64, path: str | None = None) -> SourceRecord:
    return SourceRecord(path=path or f"/plans/{name}", file_name=name, sha256=sha, format="csv", pages=None, size=1)


def make_plan(
    municipality: str = "목포시",
    names: tuple[str, ...] = ("스마트 버스정류장", "지능형 CCTV"),
    declared: str | None = None,
) -> PlanRecord:
    return PlanRecord(
        municipality=municipality,
        municipality_code=None,
        title=f"{municipality} 스마트도시계획",
        period=(2023, 2027),
        services=[
            ServiceRecord(name=n, description=f"{n} 설명", declared_domain=declared, position=i)
            for i, n in enumerate(names)
        ],
    )
