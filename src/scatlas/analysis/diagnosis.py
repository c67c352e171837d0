"""Plan diagnosis: one municipality's mix, generic and distinctive services, gaps and disagreements."""

from __future__ import annotations

from typing import Any

from scatlas.analysis.differentiation import generic_threshold
from scatlas.analysis.distributions import share
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS

#: A domain is one 'peers fill' when at least this share of the other municipalities plan a service in it.
PEER_SHARE = 0.5


def diagnose(analysis: dict[str, Any], municipality: str) -> dict[str, Any]:
    """The diagnosis of one municipality, from a built analysis (KeyError if it has no services)."""
    munis = {m["municipality"]: m for m in analysis["by_municipality"]}
    if municipality not in munis:
        raise KeyError(municipality)
    me = munis[municipality]
    n = me["services"]
    overall = {d["domain_id"]: d["share"] for d in analysis["domains"]}
    domain_mix = [
        {
            "domain_id": did,
            "domain": name,
            "count": me["domains"].get(did, 0),
            "share": share(me["domains"].get(did, 0), n),
            "overall_share": overall[did],
            "difference_pp": round(100 * (share(me["domains"].get(did, 0), n) - overall[did]), 1),
        }
        for did, name in DOMAIN_ORDER
    ]
    overall_f = {f["function"]: f["share"] for f in analysis["functions"]}
    mine_f = analysis["functions_by_municipality"].get(municipality, {})
    function_mix = [
        {
            "function": f,
            "count": mine_f.get(f, 0),
            "share": share(mine_f.get(f, 0), n),
            "overall_share": overall_f.get(f, 0.0),
            "difference_pp": round(100 * (share(mine_f.get(f, 0), n) - overall_f.get(f, 0.0)), 1),
        }
        for f in FUNCTIONS
    ]
    others = [m for name, m in munis.items() if name != municipality]
    empty = []
    for did, name in DOMAIN_ORDER:
        if me["domains"].get(did, 0) == 0 and others:
            filled = sum(1 for m in others if m["domains"].get(did, 0) > 0)
            if filled / len(others) >= PEER_SHARE:
                empty.append(
                    {"domain_id": did, "domain": name, "peers_with": filled, "peers_share": share(filled, len(others))}
                )
    generic_at = generic_threshold(analysis["totals"]["municipalities"])
    generic = []
    for a in analysis["archetypes"]:
        if a["municipalities"] < generic_at:
            continue
        names = sorted({m["name"] for m in a["members"] if m["municipality"] == municipality})
        if names:
            generic.append(
                {"archetype_id": a["id"], "label": a["label"], "municipalities": a["municipalities"], "names": names}
            )
    dist = next((d for d in analysis["distinctiveness"] if d["municipality"] == municipality), None)
    conc = [c for c in analysis["concentration"] if c["municipality"] == municipality]
    return {
        "municipality": municipality,
        "services": n,
        "plans": me.get("plans"),
        "plan_titles": me.get("plan_titles", []),
        "domain_mix": domain_mix,
        "function_mix": function_mix,
        "generic_services": generic,
        "generic_threshold": generic_at,
        "distinctive_services": dist["most_distinctive"] if dist else [],
        "distinctiveness": {k: dist[k] for k in ("index", "unique_share", "few_share", "generic_share", "shared_share")}
        if dist
        else None,
        "concentration": conc,
        "empty_domains": empty,
        "disagreements": [d for d in analysis["declared_vs_coded"] if d["municipality"] == municipality],
    }
