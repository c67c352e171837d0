"""build_analysis: every table of analysis.json from a catalogue, on one coding basis."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from scatlas.analysis import consistency, differentiation, distributions, reference, trends
from scatlas.analysis.archetypes import NAME_THRESHOLD, THRESHOLD, find_archetypes
from scatlas.analysis.frame import Basis, Row, load_rows

if TYPE_CHECKING:
    from scatlas.catalogue import Catalogue


def build_analysis(cat: Catalogue, basis: Basis = "effective") -> dict[str, Any]:
    """analysis.json as a dict (docs/contracts.md#analysisjson, extended): all services of the catalogue on `basis`."""
    analysis = analyse_rows(load_rows(cat, basis), basis)
    analysis["reading"] = reading_summary(cat)
    return analysis


def reading_summary(cat: Catalogue) -> list[dict[str, Any]]:
    """Plans with services read by OCR or found in running text: how many, and the mean OCR confidence."""
    rows = cat.conn.execute(
        "SELECT p.municipality, p.source_file, count(*) AS services, "
        "sum(s.ocr_confidence IS NOT NULL) AS ocr, avg(s.ocr_confidence) AS ocr_confidence, "
        "sum(s.from_prose) AS prose FROM service s JOIN plan p ON p.id = s.plan_id GROUP BY p.id "
        "HAVING sum(s.ocr_confidence IS NOT NULL) > 0 OR sum(s.from_prose) > 0 ORDER BY p.municipality"
    ).fetchall()
    return [
        {
            "municipality": r[0],
            "source_file": r[1],
            "services": r[2],
            "ocr_services": r[3],
            "ocr_confidence": round(r[4], 3) if r[4] is not None else None,
            "prose_services": r[5],
        }
        for r in rows
    ]


def analyse_rows(rows: Sequence[Row], basis: Basis = "effective") -> dict[str, Any]:
    """The analysis of already loaded rows (build_analysis without the catalogue).

    Each municipality is counted once, on the plan that counts for it (the latest unless a person chose); the
    tables over periods (by_period, trends) see every plan, so a city's earlier plan still shows in its period.
    """
    started = time.perf_counter()
    every_plan = rows
    rows = [r for r in rows if r.counted]
    arch = find_archetypes(rows)
    funcs_by_muni: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r.function:
            funcs_by_muni[r.municipality][r.function] += 1
    analysis: dict[str, Any] = {
        "basis": basis,
        "totals": {
            "plans": len({r.plan_id for r in rows}),
            "municipalities": len({r.municipality for r in rows}),
            "services": len(rows),
            "unlabelled": sum(1 for r in rows if r.domain_id is None),
        },
        "plans_not_counted": sorted({(r.municipality, r.plan_id, r.plan_title) for r in every_plan if not r.counted}),
        "domains": distributions.domain_table(rows),
        "unlabelled": distributions.unlabelled(rows),
        "by_municipality": distributions.by_municipality(rows),
        "by_period": trends.by_period(every_plan),
        "subtypes": distributions.subtype_tables(rows),
        "functions": distributions.function_table(rows),
        "functions_by_domain": distributions.functions_by_domain(rows),
        "functions_by_municipality": {m: dict(c) for m, c in sorted(funcs_by_muni.items())},
        "target_groups": distributions.target_group_table(rows),
        "target_groups_by_domain": distributions.target_groups_by_domain(rows),
        "technologies": distributions.technology_table(rows),
        "technology_domains": distributions.technology_domain_matrix(rows),
        "archetypes": arch.archetypes,
        "archetype_summary": _archetype_summary(rows, arch),
        "distinctiveness": differentiation.distinctiveness(rows, arch),
        "concentration": differentiation.concentration(rows),
        "similarity": differentiation.similarity(rows, arch),
        "declared_vs_coded": consistency.declared_vs_coded(rows),
        "consistency": consistency.agreement(rows),
        "trends": trends.trends(every_plan),
    }
    analysis["reference"] = reference.compare(analysis)
    analysis["timing_seconds"] = round(time.perf_counter() - started, 3)
    return analysis


def _archetype_summary(rows: Sequence[Row], arch: Any) -> dict[str, Any]:
    n_munis = len({r.municipality for r in rows})
    generic_at = differentiation.generic_threshold(n_munis)
    in_arch = sum(1 for r in rows if r.service_id in arch.archetype_of)
    generic_ids = {a["id"] for a in arch.archetypes if a["municipalities"] >= generic_at}
    in_generic = sum(1 for r in rows if arch.archetype_of.get(r.service_id) in generic_ids)
    shared_ids = {a["id"] for a in arch.archetypes if a["municipalities"] >= differentiation.SHARED_BY}
    in_shared = sum(1 for r in rows if arch.archetype_of.get(r.service_id) in shared_ids)
    return {
        "archetypes": len(arch.archetypes),
        "threshold": THRESHOLD,
        "candidate_pairs": arch.candidate_pairs,
        "shared_by": differentiation.SHARED_BY,
        "shared_archetypes": len(shared_ids),
        "services_in_shared": in_shared,
        "share_in_shared": distributions.share(in_shared, len(rows)),
        "top_archetypes": [
            {k: a[k] for k in ("id", "label", "municipalities", "services", "domain_id")} for a in arch.archetypes[:10]
        ],
        "index_definition": differentiation.INDEX_DEFINITION,
        "services_in_archetypes": in_arch,
        "share_in_archetypes": distributions.share(in_arch, len(rows)),
        "generic_threshold": generic_at,
        "few_threshold": differentiation.few_threshold(n_munis),
        "generic_archetypes": len(generic_ids),
        "services_in_generic": in_generic,
        "share_in_generic": distributions.share(in_generic, len(rows)),
        "name_threshold": NAME_THRESHOLD,
        "method": METHOD,
    }


#: How archetypes are found, in one paragraph (analysis.json, report, dashboard; details in docs/analysis.md).
METHOD = (
    "같은 종류의 서비스를 묶는다: 명칭과 설명의 문자 n-그램, 그리고 동의어·불용어·지명을 정리한 명칭(형태소 분석으로 얻은 명사)을 "
    "비교하고, 설명이 없으면 명칭만으로 따로 정한 기준값을 쓴다. 기준값 이상인 쌍(기준값의 0.7배 이상인 쌍은 약한 "
    "연결로 함께 계산)을 평균 연결로 묶어 한 서비스가 연쇄로 무관한 서비스를 끌어들이지 않게 하며, 둘 이상의 "
    "자치단체가 계획한 묶음이 유형이다. 유형 이름은 구성원 자치단체들이 함께 쓰는 낱말로 짓는다(한 도시의 고유명사는 "
    "쓰지 않는다). 기준값과 가중치는 실제 서비스 쌍 780개(같음/관련/다름, 두 명이 독립 판정, κ 0.95)의 조정용 "
    "부분에서 골랐다. 대상·기능·이용자·수단으로 본 서비스 종류는 유형 이름에 쓰며, 유사도에 넣으면 조정용 F1이 "
    "낮아져 가중치 0이 선택되었다."
)
