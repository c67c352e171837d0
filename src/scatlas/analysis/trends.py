"""How shares move between plan periods.

A plan's period is its own span ('2023–2027') when the catalogue holds at most MAX_SPANS distinct spans;
with more, plans are bucketed by the five-year window their period starts in ('2020–2024 착수'). Plans without
a period form NO_PERIOD and take no part in the changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from scatlas.analysis.distributions import function_table, grouped_table
from scatlas.analysis.frame import NO_PERIOD, Row, period_label
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS

MAX_SPANS = 6


def period_of_plans(rows: Sequence[Row]) -> dict[int, str]:
    """plan_id → period label (see the module docstring)."""
    spans = {(r.period_start, r.period_end) for r in rows if r.period_start is not None}
    out = {}
    for r in rows:
        if r.period_start is None:
            out[r.plan_id] = NO_PERIOD
        elif len(spans) <= MAX_SPANS:
            out[r.plan_id] = period_label(r.period_start, r.period_end)
        else:
            low = r.period_start - r.period_start % 5
            out[r.plan_id] = f"{low}–{low + 4} 착수"
    return out


def _order(label: str) -> tuple[int, str]:
    return (10_000, label) if label == NO_PERIOD else (int(label[:4]), label)


def by_period(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Per period: plans, municipalities, services, domain counts and shares."""
    periods = period_of_plans(rows)
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        groups[periods[r.plan_id]].append(r)
    ordered = {label: groups[label] for label in sorted(groups, key=_order)}
    extra = {
        label: {"plans": len({r.plan_id for r in members}), "municipalities": len({r.municipality for r in members})}
        for label, members in ordered.items()
    }
    return grouped_table("period", ordered, extra)


def trends(rows: Sequence[Row]) -> dict[str, Any]:
    """Domain and function shares per period and their change (percentage points) from first to last period."""
    table = by_period(rows)
    dated = [p for p in table if p["period"] != NO_PERIOD]
    result: dict[str, Any] = {
        "periods": [{k: p[k] for k in ("period", "plans", "municipalities", "services")} for p in table],
        "available": len(dated) >= 2,
        "method": "plan span when at most 6 distinct spans, else 5-year window of the start",
    }
    if not result["available"]:
        result["note"] = "기간이 다른 계획이 두 개 이상 있어야 변화를 볼 수 있다"
        return result
    periods = period_of_plans(rows)
    groups: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        groups[periods[r.plan_id]].append(r)
    first, last = dated[0]["period"], dated[-1]["period"]
    result["first"], result["last"] = first, last
    result["domains"] = [
        {
            "domain_id": did,
            "domain": name,
            "shares": {p["period"]: p["shares"].get(did, 0.0) for p in dated},
            "change_pp": round(100 * (dated[-1]["shares"].get(did, 0.0) - dated[0]["shares"].get(did, 0.0)), 1),
        }
        for did, name in DOMAIN_ORDER
    ]
    fshares = {p["period"]: {f["function"]: f["share"] for f in function_table(groups[p["period"]])} for p in dated}
    result["functions"] = [
        {
            "function": f,
            "shares": {p: fshares[p].get(f, 0.0) for p in fshares},
            "change_pp": round(100 * (fshares[last].get(f, 0.0) - fshares[first].get(f, 0.0)), 1),
        }
        for f in FUNCTIONS
    ]
    return result
