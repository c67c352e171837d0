"""Several plans per municipality: each stays visible, one counts (the latest unless a person chose), and services
that appear in two plans of one city are flagged."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from scatlas.catalogue.store import fold_name


def plan_overview(cat: Any, municipality: str | None = None, duplicates: bool = True) -> list[dict[str, Any]]:
    """Every plan (or one municipality's) with its service count, whether it counts, why, and (unless
    ``duplicates`` is False, which skips reading the services) how many of its services another plan repeats."""
    where, params = ("WHERE p.municipality = ?", (municipality,)) if municipality else ("", ())
    rows = [
        dict(r)
        for r in cat.conn.execute(
            "SELECT p.id, p.municipality, p.municipality_code, p.title, p.period_start, p.period_end, p.source_file, "
            "p.counts, pc.counted, pc.rule, (SELECT count(*) FROM service s WHERE s.plan_id = p.id) AS services "
            f"FROM plan p JOIN plan_choice pc ON pc.plan_id = p.id {where} "
            "ORDER BY p.municipality, COALESCE(p.period_start, 0), p.id",
            params,
        )
    ]
    dupes = duplicate_services(cat, municipality) if duplicates else []
    per_plan: dict[int, int] = defaultdict(int)
    for group in dupes:
        for item in group["services"]:
            per_plan[item["plan_id"]] += 1
    for row in rows:
        row["duplicates"] = per_plan.get(row["id"], 0)
    return rows


def duplicate_services(cat: Any, municipality: str | None = None) -> list[dict[str, Any]]:
    """Services of the same (folded) name in two or more plans of one municipality: [{municipality, name,
    services: [{service_id, plan_id, plan_title, period_start}]}]."""
    where, params = ("AND p.municipality = ?", (municipality,)) if municipality else ("", ())
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in cat.conn.execute(
        "SELECT s.id AS service_id, s.name, s.plan_id, p.municipality, p.title AS plan_title, p.period_start "
        f"FROM service s JOIN plan p ON p.id = s.plan_id WHERE p.municipality IS NOT NULL {where} "
        "AND p.municipality IN (SELECT municipality FROM plan GROUP BY municipality HAVING count(*) > 1)",
        params,
    ):
        groups[(r["municipality"], fold_name(r["name"]))].append(dict(r))
    out = []
    for (muni, _), items in sorted(groups.items()):
        if len({i["plan_id"] for i in items}) > 1:
            out.append({"municipality": muni, "name": items[0]["name"], "services": items})
    return out


def counted_plan_ids(cat: Any) -> set[int]:
    """Ids of the plans that count (one per municipality; every plan without a municipality)."""
    return {r[0] for r in cat.conn.execute("SELECT plan_id FROM plan_choice WHERE counted = 1")}


def plan_list(cat: Any, municipality: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Plans (id, municipality, title, period), cheaply: for choosing where a service moves."""
    where, params = ("WHERE municipality = ?", [municipality]) if municipality else ("", [])
    sql = (
        f"SELECT id, municipality, title, period_start, period_end FROM plan {where} "
        "ORDER BY municipality, period_start, id"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [dict(r) for r in cat.conn.execute(sql, params)]
