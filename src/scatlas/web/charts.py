"""Analysis tables turned into the (label, count, share, link) rows the SVG bar macro draws."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

Bar = tuple[str, int, float | None, str | None]


def domain_bars(domains: list[dict[str, Any]], scope: dict[str, str] | None = None) -> list[Bar]:
    """All 12 domains in decree order, each linking to its services (within `scope`, e.g. a municipality)."""
    return [
        (d["domain"], d["count"], d["share"], "/services?" + urlencode({**(scope or {}), "domain": d["domain_id"]}))
        for d in domains
    ]


def function_bars(functions: list[dict[str, Any]], scope: dict[str, str] | None = None) -> list[Bar]:
    return [
        (
            f["function"] or "—",
            f["count"],
            f["share"],
            "/services?" + urlencode({**(scope or {}), "function": f["function"]}) if f["function"] else None,
        )
        for f in functions
    ]


def target_bars(groups: list[dict[str, Any]]) -> list[Bar]:
    return [
        (g["target_group"], g["count"], g["share"], "/services?" + urlencode({"target": g["target_group"]}))
        for g in groups
    ]


def technology_bars(techs: list[dict[str, Any]]) -> list[Bar]:
    return [
        (t["technology"], t["count"], t["share"], "/services?" + urlencode({"tech": t["technology"]})) for t in techs
    ]


def municipality_bars(by_municipality: list[dict[str, Any]], limit: int = 40) -> list[Bar]:
    ordered = sorted(by_municipality, key=lambda m: (-m["services"], m["municipality"]))[:limit]
    return [
        (m["municipality"], m["services"], None, "/municipalities/" + quote(m["municipality"], safe=""))
        for m in ordered
    ]
