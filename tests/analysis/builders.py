"""Catalogue builders for the analysis and report tests: real SQLite files filled through the catalogue API."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scatlas.catalogue import Catalogue
from scatlas.records import CodingRecord, PlanRecord, ServiceRecord, SourceRecord


@dataclass
class S:
    """One service to put into a test catalogue, with its auto coding (and optionally a human one)."""

    name: str
    auto: str | None  # auto-coded domain_id (None: no auto coding)
    declared: str | None = None  # declared Korean domain name
    description: str = ""
    subtype: str | None = None
    function: str | None = None
    groups: list[str] = field(default_factory=list)
    techs: list[str] = field(default_factory=list)
    human: str | None = None  # human-coded domain_id
    rationale: str = ""


def build(path: Path, plans: Sequence[tuple[str, tuple[int, int] | None, Sequence[S]]]) -> Catalogue:
    """A catalogue at `path` with one source per plan; returns it open."""
    cat = Catalogue.open(path)
    for k, (muni, period, services) in enumerate(plans):
        recs = [
            ServiceRecord(name=s.name, description=s.description, declared_domain=s.declared, page=10 + i, position=i)
            for i, s in enumerate(services)
        ]
        digest = hashlib.sha256(f"{muni}-{k}-{period}".encode()).hexdigest()
        src = SourceRecord(
            path=f"/plans/{muni}-{k}.pdf",
            file_name=f"{muni}-{k}.pdf",
            sha256=digest,
            format="pdf",
            pages=200,
            size=1000,
        )
        title = f"{muni} 스마트도시계획" + (f"({period[0]}~{period[1]})" if period else "")
        result = cat.import_source(src, [PlanRecord(municipality=muni, title=title, period=period, services=recs)])
        ids = [row["service_id"] for row in cat.services("plan_id = ?", (result.plan_ids[0],), order_by="position")]
        for sid, s in zip(ids, services, strict=True):
            if s.auto is not None:
                cat.add_coding(
                    sid,
                    CodingRecord(
                        domain_id=s.auto,
                        subtype=s.subtype,
                        function=s.function,
                        target_groups=list(s.groups),
                        technologies=list(s.techs),
                        confidence=0.8,
                        rationale=s.rationale,
                        coder="auto:test",
                    ),
                )
            if s.human is not None:
                cat.add_coding(sid, CodingRecord(domain_id=s.human, coder="human:kim"))
    return cat


#: The reference study's published counts (방범·방재 59, 교통 50, 환경 35, 행정 32, 물류 2) with the other 117
#: services spread so that the published ranks hold (행정 4th, 물류 last).
STUDY_COUNTS = {
    "safety": 59,
    "transport": 50,
    "environment": 35,
    "admin": 32,
    "welfare": 28,
    "culture": 27,
    "facilities": 20,
    "education": 12,
    "other": 12,
    "housing": 10,
    "employment": 8,
    "logistics": 2,
}
STUDY_MUNICIPALITIES = [
    "고양시",
    "창원시",
    "광양시",
    "평택시",
    "부천시",
    "춘천시",
    "목포시",
    "세종시",
    "김해시",
    "전주시",
]


class _ListCoder:
    """The coder edge for import_source: hands back codings prepared by the test, in order."""

    def __init__(self, codings: list[CodingRecord]) -> None:
        self.codings = codings

    def code(self, services, subtype_within=None):
        assert len(services) == len(self.codings)
        return self.codings


def study_inventory(path: Path) -> Catalogue:
    """295 services in 10 plans, declared domains as the study counted them; 20 of the 50 교통 are traffic_info."""
    from scatlas.taxonomy import DOMAIN_ORDER, load_codebook

    names = dict(DOMAIN_ORDER)
    book = load_codebook()
    entries = []
    for did, count in STUDY_COUNTS.items():
        subs = [s.id for s in book.subtypes_of(did)]
        for k in range(count):
            sub = ("traffic_info" if k < 20 else subs[k % 3]) if did == "transport" else subs[k % len(subs)]
            label = book.subtype(sub).label
            entries.append(
                (
                    f"{label} 서비스 {did}-{k + 1:02d}",
                    names[did],
                    CodingRecord(
                        domain_id=did,
                        subtype=sub,
                        function=("정보제공", "문제해결", "기반구축")[k % 3],
                        target_groups=["일반"],
                        technologies=["IoT"] if k % 2 else ["CCTV"],
                        confidence=0.9,
                        coder="auto:test",
                    ),
                )
            )
    cat = Catalogue.open(path)
    per_plan = [entries[i::10] for i in range(10)]
    for muni, chunk in zip(STUDY_MUNICIPALITIES, per_plan, strict=False):
        recs = [ServiceRecord(name=n, declared_domain=d, position=i, page=50 + i) for i, (n, d, _) in enumerate(chunk)]
        src = SourceRecord(
            path=f"/study/{muni}.pdf",
            file_name=f"{muni}.pdf",
            sha256=hashlib.sha256(muni.encode()).hexdigest(),
            format="pdf",
            pages=250,
            size=1,
        )
        cat.import_source(
            src,
            [PlanRecord(municipality=muni, title=f"{muni} 스마트도시 기본계획", period=(2019, 2023), services=recs)],
            coder=_ListCoder([c for _, _, c in chunk]),
        )
    return cat
