"""Archetypes: groups of near-identical services planned by different municipalities.

Never n×n. Services with the same folded name form one unit; candidate unit pairs come from cheap keys only —
the same 'core' name (generic words removed) or at least two shared name 3-grams that are rare (document
frequency ≤ RARE_GRAM_DF) — and only those pairs are scored with the TF-IDF similarity of textsim. Pairs at or
above THRESHOLD are joined (union–find); a component with services from two or more municipalities is an
archetype. THRESHOLD was chosen by F1 on data/pairs/archetype_pairs.csv (docs/analysis.md).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np
from scipy import sparse

from scatlas.analysis.frame import Row
from scatlas.analysis.textsim import core_key, fold, pair_similarity, vectorise

#: Similarity at or above which two services are 'near-identical' (F1-best on the labelled pairs).
THRESHOLD = 0.50
#: Name 3-grams carried by more units than this are too common to propose candidates.
RARE_GRAM_DF = 40
#: Rare 3-grams two names must share to become a candidate pair.
MIN_SHARED_GRAMS = 2


@dataclass
class ArchetypeResult:
    """The archetypes and, per service, its archetype id and its best match in another municipality."""

    archetypes: list[dict[str, Any]]
    archetype_of: dict[int, str] = field(default_factory=dict)  # service_id → archetype id
    best_other: dict[int, float] = field(default_factory=dict)  # service_id → best similarity elsewhere
    candidate_pairs: int = 0


def _name_grams(name: str) -> set[str]:
    f = fold(name)
    return {f[k:k + 3] for k in range(max(1, len(f) - 2))}


def candidate_pairs(names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Unit pairs (i < j) proposed by the cheap keys: same core name, or ≥ MIN_SHARED_GRAMS rare 3-grams."""
    n = len(names)
    pairs: set[tuple[int, int]] = set()
    by_core: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        by_core[core_key(name)].append(i)
    for members in by_core.values():
        # A star is enough for union–find; all pairs would be quadratic in a popular core.
        head = members[0]
        pairs.update((head, m) for m in members[1:])
    gram_ids: dict[str, int] = {}
    rows, cols = [], []
    for i, name in enumerate(names):
        for g in _name_grams(name):
            rows.append(i)
            cols.append(gram_ids.setdefault(g, len(gram_ids)))
    left = np.array([p[0] for p in pairs], dtype=np.int64)
    right = np.array([p[1] for p in pairs], dtype=np.int64)
    if not rows:
        return left, right
    keys = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(n, len(gram_ids)))
    df = np.asarray(keys.sum(axis=0)).ravel()
    rare = np.flatnonzero((df >= 2) & (df <= RARE_GRAM_DF))
    keys = keys[:, rare].tocsr()
    # Shared rare grams per pair: bounded by Σ df² ≤ RARE_GRAM_DF · Σ df, i.e. linear in the number of units.
    shared = sparse.triu(keys @ keys.T, k=1).tocoo()
    keep = shared.data >= MIN_SHARED_GRAMS
    left = np.concatenate([left, shared.row[keep].astype(np.int64)])
    right = np.concatenate([right, shared.col[keep].astype(np.int64)])
    if len(left):
        packed = np.unique(left * n + right)
        left, right = packed // n, packed % n
    return left, right


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_archetypes(rows: Sequence[Row], threshold: float = THRESHOLD) -> ArchetypeResult:
    """Group near-identical services across municipalities (see the module docstring for the method)."""
    unit_of: dict[str, int] = {}
    unit_rows: list[list[Row]] = []
    for r in rows:
        key = fold(r.name) or f"#{r.service_id}"
        if key not in unit_of:
            unit_of[key] = len(unit_rows)
            unit_rows.append([])
        unit_rows[unit_of[key]].append(r)
    n = len(unit_rows)
    names = [u[0].name for u in unit_rows]
    descs = [next((r.description for r in u if r.description.strip()), "") for u in unit_rows]
    uf = _UnionFind(n)
    best = np.zeros(n, dtype=np.float32)
    left, right = candidate_pairs(names)
    if len(left):
        vectors = vectorise(names, descs)
        sims = pair_similarity(vectors, left, right)
        muni_index: dict[str, int] = {}
        single = np.array([muni_index.setdefault(next(iter(m)), len(muni_index)) if len(m) == 1 else -1
                           for m in ({r.municipality for r in u} for u in unit_rows)], dtype=np.int64)
        elsewhere = (single[left] == -1) | (single[right] == -1) | (single[left] != single[right])
        np.maximum.at(best, left[elsewhere], sims[elsewhere])
        np.maximum.at(best, right[elsewhere], sims[elsewhere])
        joined = sims >= threshold
        for i, j in zip(left[joined].tolist(), right[joined].tolist()):
            uf.union(i, j)
    components: dict[int, list[int]] = defaultdict(list)
    for u in range(n):
        components[uf.find(u)].append(u)
    result = ArchetypeResult([], candidate_pairs=int(len(left)))
    groups = []
    for units in components.values():
        members = [r for u in units for r in unit_rows[u]]
        munis = {r.municipality for r in members}
        for u in units:
            if len({r.municipality for r in unit_rows[u]}) > 1:
                best[u] = 1.0  # the same name planned elsewhere
        if len(munis) >= 2:
            groups.append(members)
    for u, members in enumerate(unit_rows):
        for r in members:
            result.best_other[r.service_id] = round(float(best[u]), 4)
    groups.sort(key=lambda m: (-len({r.municipality for r in m}), -len(m), _label(m)))
    width = max(3, len(str(len(groups))))
    for k, members in enumerate(groups, 1):
        aid = f"A{k:0{width}d}"
        munis = sorted({r.municipality for r in members})
        domains = Counter(r.domain_id for r in members if r.domain_id)
        result.archetypes.append({
            "id": aid, "label": _label(members), "municipalities": len(munis), "services": len(members),
            "municipality_names": munis,
            "domain_id": domains.most_common(1)[0][0] if domains else None,
            "members": [{"municipality": r.municipality, "name": r.name, "service_id": r.service_id}
                        for r in sorted(members, key=lambda r: (r.municipality, r.service_id))]})
        for r in members:
            result.archetype_of[r.service_id] = aid
    return result


def _label(members: Sequence[Row]) -> str:
    """The name most municipalities use (ties: the shortest, then alphabetical)."""
    counts = Counter()
    for name, muni in {(r.name, r.municipality) for r in members}:
        counts[name] += 1
    return min(counts, key=lambda nm: (-counts[nm], len(nm), nm))
