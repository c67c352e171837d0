"""build_analysis: every table of analysis.json from a catalogue, on one coding basis."""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any, Sequence

from scatlas.analysis import consistency, differentiation, distributions, reference, trends
from scatlas.analysis.archetypes import NAME_THRESHOLD, THRESHOLD, find_archetypes
from scatlas.analysis.frame import Basis, Row, load_rows

if TYPE_CHECKING:
    from scatlas.catalogue import Catalogue


def build_analysis(cat: "Catalogue", basis: Basis = "effective") -> dict[str, Any]:
    """analysis.json as a dict (docs/contracts.md#analysisjson, extended): all services of the catalogue on `basis`."""
    analysis = analyse_rows(load_rows(cat, basis), basis)
    analysis["reading"] = reading_summary(cat)
    return analysis


def reading_summary(cat: "Catalogue") -> list[dict[str, Any]]:
    """Plans with services read by OCR or found in running text: how many, and the mean OCR confidence."""
    rows = cat.conn.execute(
        "SELECT p.municipality, p.source_file, count(*) AS services, "
        "sum(s.ocr_confidence IS NOT NULL) AS ocr, avg(s.ocr_confidence) AS ocr_confidence, "
        "sum(s.from_prose) AS prose FROM service s JOIN plan p ON p.id = s.plan_id GROUP BY p.id "
        "HAVING sum(s.ocr_confidence IS NOT NULL) > 0 OR sum(s.from_prose) > 0 ORDER BY p.municipality").fetchall()
    return [{"municipality": r[0], "source_file": r[1], "services": r[2], "ocr_services": r[3],
             "ocr_confidence": round(r[4], 3) if r[4] is not None else None, "prose_services": r[5]}
            for r in rows]


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
        "totals": {"plans": len({r.plan_id for r in rows}),
                   "municipalities": len({r.municipality for r in rows}),
                   "services": len(rows),
                   "unlabelled": sum(1 for r in rows if r.domain_id is None)},
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
    return {"archetypes": len(arch.archetypes), "threshold": THRESHOLD, "candidate_pairs": arch.candidate_pairs,
            "services_in_archetypes": in_arch, "share_in_archetypes": distributions.share(in_arch, len(rows)),
            "generic_threshold": generic_at, "few_threshold": differentiation.few_threshold(n_munis),
            "generic_archetypes": len(generic_ids),
            "services_in_generic": in_generic, "share_in_generic": distributions.share(in_generic, len(rows)),
            "name_threshold": NAME_THRESHOLD,
            "method": "names normalised (plan synonym table, stop-words, Kiwi nouns with the head noun marked), "
                      "scored by noun TF-IDF + character n-grams; with descriptions on both sides 0.7 × "
                      "name+description + 0.3 × name; exhaustive within domain blocks up to 1,500 names, cheap keys "
                      "beyond; average linkage (docs/analysis.md)"}
