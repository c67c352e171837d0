"""How different the plans are: distinctiveness, domain-mix concentration, municipality similarity."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy import sparse

from scatlas.analysis.archetypes import ArchetypeResult
from scatlas.analysis.distributions import share
from scatlas.analysis.frame import Row
from scatlas.taxonomy import DOMAIN_ORDER

#: The study's question: how much of a plan is made of services that at least this many municipalities plan.
SHARED_BY = 3
#: How a municipality's distinctiveness index is defined (written into analysis.json and the reports).
INDEX_DEFINITION = (
    "차별성 지수 = (어떤 유형에도 속하지 않는 서비스 + 소수 자치단체만 계획한 유형에 속한 서비스) / 전체 서비스. "
    "0이면 모든 서비스가 여러 자치단체와 겹치고, 1이면 모두 그 자치단체만의 서비스다."
)
#: At most this many of a municipality's distinctive services are listed.
DISTINCTIVE_LISTED = 20
#: An archetype is 'shared by few' when at most this share of the municipalities (and at least 2) plan it.
FEW_SHARE = 0.2
#: Above this many municipalities the similarity matrices give way to each municipality's nearest neighbours.
FULL_MATRIX_LIMIT = 200
NEIGHBOURS = 10
DOMAIN_IDS = [did for did, _ in DOMAIN_ORDER]


def generic_threshold(n_municipalities: int) -> int:
    """An archetype is 'generic' when at least half the municipalities (and at least 3) plan it."""
    return max(3, math.ceil(n_municipalities / 2))


def few_threshold(n_municipalities: int) -> int:
    """At most this many municipalities make an archetype 'shared by few' (and below the generic threshold)."""
    return min(max(2, math.floor(FEW_SHARE * n_municipalities)), generic_threshold(n_municipalities) - 1)


def distinctiveness(rows: Sequence[Row], arch: ArchetypeResult, top: int = 5) -> list[dict[str, Any]]:
    """Per municipality: shares of its services that are unique (no archetype), shared by few, or generic.

    `shared_share` is the share of its services in archetypes planned by at least SHARED_BY municipalities (the
    study's '자치단체만 다를 뿐' claim); `index` (INDEX_DEFINITION) is the share of its services in no archetype or
    in one shared by few (few_threshold); `distinctive` lists its services no other municipality plans (in no
    archetype), the most unusual first (weakest best match elsewhere), `most_distinctive` the first `top` of them.
    """
    size = {a["id"]: a["municipalities"] for a in arch.archetypes}
    n_munis = len({r.municipality for r in rows})
    generic_at = generic_threshold(n_munis)
    few_at = few_threshold(n_munis)
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        groups[r.municipality].append(r)
    out = []
    for muni in sorted(groups):
        members = groups[muni]
        n = len(members)
        unique = [r for r in members if r.service_id not in arch.archetype_of]
        few = [r for r in members if 0 < size.get(arch.archetype_of.get(r.service_id, ""), 0) <= few_at]
        generic = [r for r in members if size.get(arch.archetype_of.get(r.service_id, ""), 0) >= generic_at]
        shared = [r for r in members if size.get(arch.archetype_of.get(r.service_id, ""), 0) >= SHARED_BY]
        ranked = sorted(unique, key=lambda r: (arch.best_other.get(r.service_id, 0.0), r.service_id))
        out.append(
            {
                "municipality": muni,
                "services": n,
                "unique": len(unique),
                "unique_share": share(len(unique), n),
                "few": len(few),
                "few_share": share(len(few), n),
                "generic": len(generic),
                "generic_share": share(len(generic), n),
                "shared": len(shared),
                "shared_share": share(len(shared), n),
                "index": share(len(unique) + len(few), n),
                "archetypes": len(
                    {arch.archetype_of[r.service_id] for r in members if r.service_id in arch.archetype_of}
                ),
                "most_distinctive": [
                    {
                        "service_id": r.service_id,
                        "name": r.name,
                        "domain_id": r.domain_id,
                        "best_match_elsewhere": arch.best_other.get(r.service_id, 0.0),
                    }
                    for r in ranked[:top]
                ],
                "distinctive": [
                    {"service_id": r.service_id, "name": r.name, "plan_title": r.plan_title, "page": r.page}
                    for r in ranked[:DISTINCTIVE_LISTED]
                ],
            }
        )
    return out


def _mix(members: Sequence[Row]) -> np.ndarray:
    index = {d: k for k, d in enumerate(DOMAIN_IDS)}
    v = np.zeros(len(DOMAIN_IDS))
    for r in members:
        if r.domain_id in index:
            v[index[r.domain_id]] += 1
    return v


def hhi(counts: np.ndarray) -> float:
    """Herfindahl–Hirschman index of a count vector (1/12 = even over 12 domains, 1 = one domain)."""
    total = counts.sum()
    return float(((counts / total) ** 2).sum()) if total else 0.0


def normalised_entropy(counts: np.ndarray) -> float:
    """Shannon entropy of the mix divided by ln(12): 1 = even over all 12 domains, 0 = one domain."""
    total = counts.sum()
    if not total:
        return 0.0
    p = counts[counts > 0] / total
    return float(-(p * np.log(p)).sum() / math.log(len(counts)))


def js_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Jensen–Shannon distance (square root of the base-2 divergence, 0–1) between two count vectors."""
    if not a.sum() or not b.sum():
        return 0.0
    p, q = a / a.sum(), b / b.sum()
    m = (p + q) / 2

    def kl(x: np.ndarray) -> float:
        nz = x > 0
        return float((x[nz] * np.log2(x[nz] / m[nz])).sum())

    return math.sqrt(max(0.0, (kl(p) + kl(q)) / 2))


def concentration(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Per plan: HHI and normalised entropy of its domain mix, and its JS distance from the overall mix."""
    overall = _mix(rows)
    plans: dict[int, list[Row]] = defaultdict(list)
    for r in rows:
        plans[r.plan_id].append(r)
    out = []
    for plan_id, members in sorted(plans.items(), key=lambda kv: (kv[1][0].municipality, kv[0])):
        mix = _mix(members)
        out.append(
            {
                "plan_id": plan_id,
                "municipality": members[0].municipality,
                "plan_title": members[0].plan_title,
                "services": len(members),
                "labelled": int(mix.sum()),
                "hhi": round(hhi(mix), 4),
                "entropy": round(normalised_entropy(mix), 4),
                "js_distance": round(js_distance(mix, overall), 4),
            }
        )
    return out


def _cosine_rows(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.where(norms == 0, 1, norms)


def similarity(rows: Sequence[Row], arch: ArchetypeResult) -> dict[str, Any]:
    """Municipality × municipality: cosine of domain mixes and Jaccard share of shared archetypes.

    Up to FULL_MATRIX_LIMIT municipalities both full matrices are given; beyond, each municipality's
    NEIGHBOURS most similar ones (by archetype share, then mix cosine), computed in row blocks.
    """
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        groups[r.municipality].append(r)
    munis = sorted(groups)
    mixes = _cosine_rows(np.array([_mix(groups[m]) for m in munis])) if munis else np.zeros((0, 12))
    arch_ids = sorted(set(arch.archetype_of.values()))
    col = {a: k for k, a in enumerate(arch_ids)}
    pairs = {
        (k, col[arch.archetype_of[r.service_id]])
        for k, m in enumerate(munis)
        for r in groups[m]
        if r.service_id in arch.archetype_of
    }
    incidence = sparse.csr_matrix(
        (np.ones(len(pairs), dtype=np.float32), ([p[0] for p in pairs], [p[1] for p in pairs])),
        shape=(len(munis), len(arch_ids)),
    )
    sizes = np.asarray(incidence.sum(axis=1)).ravel()
    result: dict[str, Any] = {
        "municipalities": munis,
        "method": {
            "domain_cosine": "cosine of the two municipalities' 12-domain count vectors",
            "archetype_jaccard": "archetypes both plan / archetypes either plans (0 when neither has any)",
        },
    }

    def block(start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        cos = mixes[start:stop] @ mixes.T
        inter = (incidence[start:stop] @ incidence.T).toarray()
        union = sizes[start:stop, None] + sizes[None, :] - inter
        jac = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)
        return cos, jac

    if len(munis) <= FULL_MATRIX_LIMIT:
        cos, jac = block(0, len(munis))
        result["domain_cosine"] = np.round(cos, 4).tolist()
        result["archetype_jaccard"] = np.round(jac, 4).tolist()
        return result
    neighbours = []
    for start in range(0, len(munis), 256):
        cos, jac = block(start, min(start + 256, len(munis)))
        for k in range(cos.shape[0]):
            me = start + k
            score = jac[k] * 10 + cos[k]
            score[me] = -1
            best = np.argpartition(-score, NEIGHBOURS)[:NEIGHBOURS]
            best = best[np.argsort(-score[best])]
            neighbours.append(
                {
                    "municipality": munis[me],
                    "neighbours": [
                        {
                            "municipality": munis[j],
                            "archetype_jaccard": round(float(jac[k, j]), 4),
                            "domain_cosine": round(float(cos[k, j]), 4),
                        }
                        for j in best
                    ],
                }
            )
    result["neighbours"] = neighbours
    return result
