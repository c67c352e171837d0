"""Consistency: services whose declared domain differs from the automatic coding."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scatlas.analysis.distributions import share
from scatlas.analysis.frame import Row
from scatlas.taxonomy import DOMAIN_ORDER


def declared_vs_coded(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """Each service with both a declared and an auto domain that differ, with the coder's rationale."""
    names = dict(DOMAIN_ORDER)
    return [
        {
            "service_id": r.service_id,
            "municipality": r.municipality,
            "name": r.name,
            "page": r.page,
            "declared_domain_id": r.declared_domain_id,
            "declared_domain": names[r.declared_domain_id],
            "coded_domain_id": r.auto_domain_id,
            "coded_domain": names.get(r.auto_domain_id, r.auto_domain_id),
            "confidence": r.auto_confidence,
            "rationale": r.auto_rationale,
        }
        for r in rows
        if r.declared_domain_id and r.auto_domain_id and r.declared_domain_id != r.auto_domain_id
    ]


def agreement(rows: Sequence[Row]) -> dict[str, Any]:
    """How often the auto coding agrees with the declared domain where both exist, overall and per domain."""
    both = [r for r in rows if r.declared_domain_id and r.auto_domain_id]
    agree = sum(1 for r in both if r.declared_domain_id == r.auto_domain_id)
    per_domain = {}
    for did, _ in DOMAIN_ORDER:
        mine = [r for r in both if r.declared_domain_id == did]
        if mine:
            ok = sum(1 for r in mine if r.auto_domain_id == did)
            per_domain[did] = {"compared": len(mine), "agree": ok, "agreement": share(ok, len(mine))}
    return {
        "compared": len(both),
        "agree": agree,
        "disagree": len(both) - agree,
        "agreement": share(agree, len(both)) if both else None,
        "by_declared_domain": per_domain,
    }
