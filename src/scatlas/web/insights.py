"""The analysis behind the overview, profiles and archetypes pages, cached per state of the catalogue.

The tables come from `scatlas.analysis` itself (load_rows, the distribution tables, find_archetypes), so the
dashboard shows the numbers `scatlas report` writes. A catalogue's state is (services, last service id, last
coding id): any import or coding changes it and the next request recomputes (from STALE_OK_ROWS services on, it
gets the previous tables while a background thread computes fresh ones). Archetypes take seconds on a large
catalogue (about 10 s for 100,000 services), so they are computed in a background thread; a request waits for
them only briefly and otherwise says they are being computed.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

from scatlas.analysis import Row, differentiation, distributions, load_rows
from scatlas.analysis.archetypes import ArchetypeResult, find_archetypes
from scatlas.analysis.build import METHOD
from scatlas.catalogue import Catalogue
from scatlas.taxonomy import DOMAIN_ORDER
from scatlas.web.database import CataloguePool

State = tuple[int, int, int, int, int]
#: from this many services on, pages show the previous tables while fresh ones are computed (~3 s at 100,000)
STALE_OK_ROWS = 20_000


def catalogue_state(cat: Catalogue) -> State:
    """What identifies the catalogue's content: services, last service id, last coding id."""
    row = cat.conn.execute(
        "SELECT (SELECT count(*) FROM service), (SELECT COALESCE(max(id), 0) FROM service), "
        "(SELECT COALESCE(max(id), 0) FROM coding), (SELECT COALESCE(max(id), 0) FROM service_edit), "
        "(SELECT count(*) FROM service_edit WHERE undone_at IS NOT NULL)"
    ).fetchone()
    return (row[0], row[1], row[2], row[3], row[4])


@dataclass
class _Entry:
    state: State
    rows: list[Row]
    overview: dict[str, Any]


class Insights:
    """Cached analysis tables of one catalogue (thread-safe)."""

    def __init__(self, pool: CataloguePool) -> None:
        self.pool = pool
        self._lock = threading.Lock()
        self._compute_lock = threading.Lock()
        self._entry: _Entry | None = None
        self._arch: tuple[State, ArchetypeResult] | None = None
        self._diff: tuple[State, dict[str, Any]] | None = None
        self._arch_thread: threading.Thread | None = None
        self._arch_error: str | None = None

    # ------------------------------------------------------------------ rows and overview
    def _current(self) -> _Entry:
        with self.pool.reader() as cat:
            state = catalogue_state(cat)
        with self._lock:
            entry = self._entry
        if entry is not None and entry.state == state:
            return entry
        if entry is not None and len(entry.rows) >= STALE_OK_ROWS:
            # a big catalogue: show the tables as they were a moment ago and refresh them in the background,
            # rather than make every page after a review wait seconds for the recomputation
            if not self._compute_lock.locked():
                threading.Thread(target=self._compute, name="scatlas-overview", daemon=True).start()
            return entry
        return self._compute()

    def _compute(self) -> _Entry:
        # one thread computes; others arriving meanwhile wait for it instead of repeating the work
        with self._compute_lock, self.pool.reader() as cat:
            state = catalogue_state(cat)
            with self._lock:
                if self._entry is not None and self._entry.state == state:
                    return self._entry
            rows = load_rows(cat)
            entry = _Entry(state, rows, overview_tables([r for r in rows if r.counted]))
        with self._lock:
            self._entry = entry
        return entry

    def overview(self) -> dict[str, Any]:
        """totals, domains, functions, target_groups, technologies, by_municipality (analysis.json shapes)."""
        return self._current().overview

    def rows(self) -> list[Row]:
        return self._current().rows

    def municipality(self, name: str) -> dict[str, Any] | None:
        """One municipality's profile (its tables on its own services), or None if it has no services."""
        every_plan = [r for r in self.rows() if r.municipality == name]
        if not every_plan:
            return None
        # the tables count the plan that counts; every plan of the city stays listed
        profile = overview_tables([r for r in every_plan if r.counted] or every_plan)
        profile["municipality"] = name
        profile["plans"] = sorted(
            {(r.plan_id, r.plan_title, r.period_start, r.period_end, r.source_file) for r in every_plan}
        )
        profile["counted_plans"] = sorted({r.plan_id for r in every_plan if r.counted})
        return profile

    def municipalities(self) -> list[dict[str, Any]]:
        """Every municipality with its service count and top domain."""
        out = []
        for entry in self.overview()["by_municipality"]:
            mix = {d: c for d, c in entry["domains"].items() if d in dict(DOMAIN_ORDER)}
            top = max(mix.items(), key=lambda kv: kv[1]) if mix and max(mix.values()) else None
            out.append(
                {
                    "municipality": entry["municipality"],
                    "services": entry["services"],
                    "plans": entry.get("plans", 0),
                    "top_domain": top[0] if top else None,
                }
            )
        return out

    # ------------------------------------------------------------------ archetypes
    def archetypes(self, wait: float = 3.0) -> ArchetypeResult | None:
        """The archetypes of the current catalogue, or None while they are still being computed."""
        entry = self._current()
        with self._lock:
            if self._arch is not None and self._arch[0] == entry.state:
                return self._arch[1]
            if self._arch_thread is None or not self._arch_thread.is_alive():
                self._arch_thread = threading.Thread(
                    target=self._compute_archetypes, args=(entry,), name="scatlas-archetypes", daemon=True
                )
                self._arch_thread.start()
            thread = self._arch_thread
        thread.join(wait)
        with self._lock:
            if self._arch is not None and self._arch[0] == entry.state:
                return self._arch[1]
        return None

    def latest_archetypes(self) -> ArchetypeResult | None:
        """The last archetypes computed, even if the catalogue changed since (never starts a computation).

        Good enough to point at similar services: an archetype's members stay similar when a coding changes.
        """
        with self._lock:
            return self._arch[1] if self._arch is not None else None

    def differentiation(self) -> dict[str, Any] | None:
        """Shares of services in archetypes shared by ≥ SHARED_BY municipalities and each municipality's
        distinctiveness, for the archetypes last computed (None before the first)."""
        with self._lock:
            return self._diff[1] if self._diff is not None else None

    @property
    def archetype_error(self) -> str | None:
        return self._arch_error

    def _compute_archetypes(self, entry: _Entry) -> None:
        try:
            result = find_archetypes(entry.rows)
            diff = differentiation_tables(entry.rows, result)
        except Exception as exc:
            self._arch_error = f"{type(exc).__name__}: {exc}"
            return
        with self._lock:
            self._arch = (entry.state, result)
            self._diff = (entry.state, diff)
            self._arch_error = None


def differentiation_tables(rows: list[Row], arch: ArchetypeResult) -> dict[str, Any]:
    """The study's differentiation figures (as in analysis.json): the share of services in archetypes planned by
    ≥ SHARED_BY municipalities, overall and per municipality, with each one's distinctiveness index."""
    shared_ids = {a["id"] for a in arch.archetypes if a["municipalities"] >= differentiation.SHARED_BY}
    in_shared = sum(1 for r in rows if arch.archetype_of.get(r.service_id) in shared_ids)
    return {
        "shared_by": differentiation.SHARED_BY,
        "shared_archetypes": len(shared_ids),
        "share_in_shared": distributions.share(in_shared, len(rows)),
        "index_definition": differentiation.INDEX_DEFINITION,
        "method": METHOD,
        "municipalities": differentiation.distinctiveness(rows, arch),
    }


def overview_tables(rows: list[Row]) -> dict[str, Any]:
    """The overview's tables of some rows, computed by the analysis's own functions."""
    return {
        "totals": {
            "plans": len({r.plan_id for r in rows}),
            "municipalities": len({r.municipality for r in rows}),
            "services": len(rows),
            "unlabelled": sum(1 for r in rows if r.domain_id is None),
        },
        "domains": distributions.domain_table(rows),
        "functions": distributions.function_table(rows),
        "target_groups": distributions.target_group_table(rows),
        "technologies": distributions.technology_table(rows)[:15],
        "by_municipality": distributions.by_municipality(rows),
        "coders": dict(Counter(_coder_kind(r.coder) for r in rows)),
    }


def compare(insights: Insights, names: list[str]) -> list[dict[str, Any]]:
    """Side-by-side profiles; raises KeyError naming the first municipality without services."""
    out = []
    for name in names:
        profile = insights.municipality(name)
        if profile is None:
            raise KeyError(name)
        out.append(profile)
    return out


def _coder_kind(coder: str | None) -> str:
    if not coder:
        return "none"
    return coder.split(":", 1)[0]
