"""The reference study's published and derived figures beside this inventory's own."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from scatlas.taxonomy import DOMAIN_ORDER, load_codebook


@lru_cache(maxsize=1)
def load_reference() -> dict[str, Any]:
    """The bundled reference study (data/reference_study.json); an empty figure list if it is absent."""
    path = resources.files("scatlas.data").joinpath("reference_study.json")
    if not path.is_file():
        return {"source": {}, "figures": []}
    return json.loads(path.read_text(encoding="utf-8"))


def _label(key: str) -> str:
    names = dict(DOMAIN_ORDER)
    parts = key.split(".")
    measure = {"count": "서비스 수", "share": "비중", "rank": "순위"}
    if parts[0] == "totals":
        return {"services": "전체 서비스 수", "plans": "계획 수", "municipalities": "자치단체 수"}.get(parts[1], key)
    if parts[0] == "domain" and len(parts) == 3:
        return f"{names.get(parts[1], parts[1])} {measure.get(parts[2], parts[2])}"
    if parts[0] == "subtype" and len(parts) == 4:
        try:
            label = load_codebook().subtype(parts[2]).label
        except KeyError:
            label = parts[2]
        return f"{names.get(parts[1], parts[1])} › {label} {measure.get(parts[3], parts[3])}"
    return key


def our_figures(analysis: dict[str, Any]) -> dict[str, float | int]:
    """This inventory's figures under the reference study's keys."""
    figures: dict[str, float | int] = {
        f"totals.{k}": v for k, v in analysis["totals"].items() if k in ("services", "plans", "municipalities")
    }
    for d in analysis["domains"]:
        for m in ("count", "share", "rank"):
            figures[f"domain.{d['domain_id']}.{m}"] = d[m]
    for did, table in analysis["subtypes"].items():
        for t in table:
            if t["subtype"] is None:
                continue
            for m in ("count", "share", "rank"):
                figures[f"subtype.{did}.{t['subtype']}.{m}"] = t[m]
    return figures


def compare(analysis: dict[str, Any], reference: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every figure the reference has, beside ours; plus a 12-domain table where unknown stays None ('—')."""
    ref = load_reference() if reference is None else reference
    ours = our_figures(analysis)
    rows = []
    for f in ref.get("figures", []):
        mine = ours.get(f["key"])
        diff = None
        if mine is not None and isinstance(f["value"], (int, float)):
            diff = round(mine - f["value"], 4) if f["key"].endswith(".share") else mine - f["value"]
        rows.append(
            {
                "key": f["key"],
                "label": _label(f["key"]),
                "reference": f["value"],
                "status": f.get("status"),
                "where": f.get("where", ""),
                "method": f.get("method"),
                "ours": mine,
                "difference": diff,
            }
        )
    known = {f["key"]: f for f in ref.get("figures", [])}
    domains = []
    for d in analysis["domains"]:
        entry = {
            "domain_id": d["domain_id"],
            "domain": d["domain"],
            "count": d["count"],
            "share": d["share"],
            "rank": d["rank"],
        }
        for m in ("count", "share", "rank"):
            f = known.get(f"domain.{d['domain_id']}.{m}")
            entry[f"reference_{m}"] = f["value"] if f else None
            entry[f"reference_{m}_status"] = f.get("status") if f else None
        domains.append(entry)
    return {"source": ref.get("source", {}), "figures": rows, "domains": domains}
