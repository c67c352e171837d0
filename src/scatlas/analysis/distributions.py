"""Counts, shares and ranks: domains, sub-types, functions, target groups and technologies."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from scatlas.analysis.frame import UNLABELLED, Row
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook

#: The label of services in a domain that carry no sub-type.
NO_SUBTYPE_LABEL = "미분류"


def share(count: int, total: int) -> float:
    """count / total, 0.0 for an empty total (shares are fractions: 0.2 = 20.0%)."""
    return count / total if total else 0.0


def min_ranks(counts: Sequence[int]) -> list[int]:
    """Descending 'min' ranks: ties share the best rank (59, 50, 50, 32 → 1, 2, 2, 4)."""
    return [1 + sum(1 for other in counts if other > c) for c in counts]


def domain_counts(rows: Iterable[Row]) -> Counter[str]:
    """domain_id (or UNLABELLED) → number of services."""
    return Counter(r.domain_id or UNLABELLED for r in rows)


def domain_table(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """All 12 domains in decree order with count, share of all services, and 'min' rank (zeros included)."""
    counts = domain_counts(rows)
    total = len(rows)
    values = [counts.get(did, 0) for did, _ in DOMAIN_ORDER]
    ranks = min_ranks(values)
    return [
        {"domain_id": did, "domain": name, "count": c, "share": share(c, total), "rank": rank}
        for (did, name), c, rank in zip(DOMAIN_ORDER, values, ranks, strict=True)
    ]


def unlabelled(rows: Sequence[Row]) -> dict[str, Any]:
    """How many services have no domain on the chosen basis (they stay in every denominator)."""
    n = sum(1 for r in rows if r.domain_id is None)
    return {"count": n, "share": share(n, len(rows))}


def domain_mix(rows: Iterable[Row]) -> dict[str, int]:
    """domain_id → count for all 12 domains (zeros kept), plus 'unlabelled' when any."""
    counts = domain_counts(rows)
    mix = {did: counts.get(did, 0) for did, _ in DOMAIN_ORDER}
    if counts.get(UNLABELLED):
        mix[UNLABELLED] = counts[UNLABELLED]
    return mix


def grouped_table(
    key_name: str, keys: dict[Any, list[Row]], extra: dict[Any, dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """One entry per group: its service count, domain counts and domain shares."""
    out = []
    for key, members in keys.items():
        mix = domain_mix(members)
        n = len(members)
        ids = [did for did, _ in DOMAIN_ORDER]
        entry = {
            key_name: key,
            "services": n,
            "domains": mix,
            "shares": {d: share(c, n) for d, c in mix.items()},
            "ranks": dict(zip(ids, min_ranks([mix[d] for d in ids]), strict=True)),
            "subtypes": dict(Counter(r.subtype for r in members if r.subtype).most_common()),
            "functions": {f: c for f in FUNCTIONS if (c := sum(1 for r in members if r.function == f))},
            "target_groups": dict(Counter(g for r in members for g in set(r.target_groups)).most_common()),
            "technologies": dict(Counter(t for r in members for t in set(r.technologies)).most_common(10)),
        }
        if extra and key in extra:
            entry.update(extra[key])
        out.append(entry)
    return out


def by_municipality(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Per municipality: services, plans, domain counts and shares; sorted by name (Korean order)."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        groups[r.municipality].append(r)
    extra = {
        m: {"plans": len({r.plan_id for r in g}), "plan_titles": sorted({r.plan_title for r in g if r.plan_title})}
        for m, g in groups.items()
    }
    return grouped_table("municipality", dict(sorted(groups.items())), extra)


def subtype_tables(rows: Sequence[Row]) -> dict[str, list[dict[str, Any]]]:
    """For every domain: each codebook sub-type's count and share of the domain, then the unassigned ones."""
    book = load_codebook()
    per_domain: dict[str, Counter[str | None]] = defaultdict(Counter)
    for r in rows:
        if r.domain_id:
            per_domain[r.domain_id][r.subtype] += 1
    out: dict[str, list[dict[str, Any]]] = {}
    for d in book.domains:
        counts = per_domain.get(d.id, Counter())
        total = sum(counts.values())
        table: list[dict[str, Any]] = [
            {
                "subtype": s.id,
                "label": s.label,
                "count": counts.get(s.id, 0),
                "share": share(counts.get(s.id, 0), total),
            }
            for s in d.subtypes
        ]
        ranks = min_ranks([t["count"] for t in table])
        for t, rank in zip(table, ranks, strict=True):
            t["rank"] = rank
        if counts.get(None):
            table.append(
                {
                    "subtype": None,
                    "label": NO_SUBTYPE_LABEL,
                    "count": counts[None],
                    "share": share(counts[None], total),
                    "rank": None,
                }
            )
        out[d.id] = table
    return out


def function_table(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """The three functions' counts and shares of all services, then the services without one."""
    counts = Counter(r.function for r in rows)
    total = len(rows)
    table = [{"function": f, "count": counts.get(f, 0), "share": share(counts.get(f, 0), total)} for f in FUNCTIONS]
    if counts.get(None):
        table.append({"function": None, "count": counts[None], "share": share(counts[None], total)})
    return table


def functions_by_domain(rows: Sequence[Row]) -> dict[str, list[dict[str, Any]]]:
    """For every domain (and unlabelled, when any): the function mix of its services."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        groups[r.domain_id or UNLABELLED].append(r)
    keys = [did for did, _ in DOMAIN_ORDER] + ([UNLABELLED] if UNLABELLED in groups else [])
    return {k: function_table(groups.get(k, [])) for k in keys}


def target_group_table(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Each target group's count and the share of services naming it (a service may name several)."""
    counts = Counter(g for r in rows for g in set(r.target_groups))
    total = len(rows)
    table = [
        {"target_group": g, "count": counts.get(g, 0), "share": share(counts.get(g, 0), total)} for g in TARGET_GROUPS
    ]
    none = sum(1 for r in rows if not r.target_groups)
    if none:
        table.append({"target_group": None, "count": none, "share": share(none, total)})
    return table


def target_groups_by_domain(rows: Sequence[Row]) -> dict[str, dict[str, float]]:
    """domain_id → target group → share of the domain's services naming it (only groups named at least once)."""
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        if r.domain_id:
            groups[r.domain_id].append(r)
    out = {}
    for did, _ in DOMAIN_ORDER:
        members = groups.get(did, [])
        counts = Counter(g for r in members for g in set(r.target_groups))
        out[did] = {g: share(counts[g], len(members)) for g in TARGET_GROUPS if counts.get(g)}
    return out


def technology_table(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Technologies by frequency (ties by name), each with its share of services and its domains."""
    counts: Counter[str] = Counter()
    co: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        for t in set(r.technologies):
            counts[t] += 1
            co[t][r.domain_id or UNLABELLED] += 1
    total = len(rows)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [
        {
            "technology": t,
            "count": c,
            "share": share(c, total),
            "domains": {d: co[t][d] for d in [x for x, _ in DOMAIN_ORDER] + [UNLABELLED] if co[t].get(d)},
        }
        for t, c in ordered
    ]


def technology_domain_matrix(rows: Sequence[Row]) -> dict[str, Any]:
    """Technology × domain co-occurrence: counts and, per technology, the share of its services in each domain.

    `lift` > 1 means the technology appears in that domain more often than the domain's overall share predicts.
    """
    table = technology_table(rows)
    dcounts = domain_counts(rows)
    total = len(rows)
    cols = [did for did, _ in DOMAIN_ORDER]
    matrix, lift = [], []
    for t in table:
        row = [t["domains"].get(d, 0) for d in cols]
        matrix.append(row)
        lift.append(
            [
                round(share(c, t["count"]) / share(dcounts.get(d, 0), total), 3) if dcounts.get(d) else None
                for c, d in zip(row, cols, strict=True)
            ]
        )
    return {"technologies": [t["technology"] for t in table], "domains": cols, "counts": matrix, "lift": lift}
