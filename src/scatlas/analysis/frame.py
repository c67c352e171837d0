"""The services of a catalogue as analysis rows, labelled on one basis (effective, declared or auto)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from scatlas.taxonomy import load_codebook

if TYPE_CHECKING:
    from scatlas.catalogue import Catalogue

Basis = Literal["effective", "declared", "auto"]
BASES: tuple[str, ...] = ("effective", "declared", "auto")
#: The bucket for services without a label on the chosen basis: counted, never dropped (docs/architecture.md).
UNLABELLED = "unlabelled"
#: The period label of plans whose period is unknown.
NO_PERIOD = "기간 미상"


@dataclass(slots=True)
class Row:
    """One service as the analyses see it: ids, texts and its codes on the chosen basis."""

    service_id: int
    plan_id: int
    municipality: str
    plan_title: str
    period_start: int | None
    period_end: int | None
    source_file: str
    page: int | None
    name: str
    description: str
    declared_domain_id: str | None
    auto_domain_id: str | None
    auto_confidence: float | None
    auto_rationale: str
    domain_id: str | None  # on the chosen basis; None = unlabelled
    subtype: str | None
    function: str | None
    target_groups: list[str] = field(default_factory=list)
    technologies: list[str] = field(default_factory=list)
    coder: str | None = None
    counted: bool = True  # the plan counts for its municipality (one per municipality; see catalogue.plans)


def _split(text: str | None) -> list[str]:
    return [t for t in (text or "").split(";") if t]


def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


# One pass over the catalogue with the latest auto and human codings materialised once. service_view gives the
# same effective coding but re-runs its latest-coding subqueries per row (quadratic: 24 s for 10,000 services);
# test_frame.py pins that both agree.
_QUERY = """
WITH la AS MATERIALIZED (SELECT service_id, max(id) AS id FROM coding WHERE coder LIKE 'auto:%' GROUP BY service_id),
     lh AS MATERIALIZED (SELECT service_id, max(id) AS id FROM coding WHERE coder LIKE 'human:%' GROUP BY service_id),
     pc AS MATERIALIZED (SELECT plan_id, counted FROM plan_choice)
SELECT s.id AS service_id, s.plan_id, p.municipality, p.title AS plan_title, p.period_start, p.period_end,
       p.source_file, s.page, s.name, s.description, s.declared_domain, dd.id AS declared_id,
       a.domain_id AS a_domain_id, a.subtype AS a_subtype, a.function AS a_function,
       a.target_groups AS a_target_groups, a.technologies AS a_technologies, a.confidence AS a_confidence,
       a.rationale AS a_rationale, a.coder AS a_coder,
       h.id AS h_id, h.domain_id AS h_domain_id, h.subtype AS h_subtype, h.function AS h_function,
       h.target_groups AS h_target_groups, h.technologies AS h_technologies, h.coder AS h_coder, pc.counted
FROM service s JOIN plan p ON p.id = s.plan_id JOIN pc ON pc.plan_id = p.id
LEFT JOIN domain dd ON dd.name = s.declared_domain
LEFT JOIN la ON la.service_id = s.id LEFT JOIN coding a ON a.id = la.id
LEFT JOIN lh ON lh.service_id = s.id LEFT JOIN coding h ON h.id = lh.id
{where}
ORDER BY p.municipality, s.plan_id, s.position, s.id
"""


def _first(*values: object) -> object:
    return next((v for v in values if v is not None), None)


def load_rows(cat: Catalogue, basis: Basis = "effective", municipality: str | None = None) -> list[Row]:
    """Every service of the catalogue (or of one municipality) with its codes on `basis`.

    effective: docs/architecture.md's rule (latest human; else declared domain with auto's other dimensions, auto's
    sub-type only where it belongs to that domain; else latest auto) — as service_view defines it.
    declared: the plan's own domain label; the other dimensions follow the effective order without the
    declared step, and a sub-type is kept only if it belongs to the declared domain.
    auto: the latest automatic coding on every dimension.
    """
    if basis not in BASES:
        raise ValueError(f"basis must be one of {', '.join(BASES)}, got {basis!r}")
    book = load_codebook()
    sub_domain = {s.id: d.id for d in book.domains for s in d.subtypes}
    where, params = ("WHERE p.municipality = ?", (municipality,)) if municipality else ("", ())
    rows: list[Row] = []
    for r in cat.conn.execute(_QUERY.format(where=where), params):
        human = r["h_id"] is not None
        declared_id = r["declared_id"]
        # the effective dimensions other than the domain (no declared step)
        e_function = _first(r["h_function"], r["a_function"])
        e_groups = r["h_target_groups"] if human else r["a_target_groups"]
        e_techs = r["h_technologies"] if human else r["a_technologies"]
        if basis == "effective":
            domain_id = _first(r["h_domain_id"], declared_id, r["a_domain_id"])
            if human:
                subtype = r["h_subtype"]
            else:
                subtype = (
                    r["a_subtype"] if sub_domain.get(r["a_subtype"]) == _first(declared_id, r["a_domain_id"]) else None
                )
            function, groups, techs = e_function, e_groups, e_techs
            coder = r["h_coder"] if human else "declared" if declared_id else r["a_coder"]
        elif basis == "auto":
            domain_id, subtype, function = r["a_domain_id"], r["a_subtype"], r["a_function"]
            groups, techs, coder = r["a_target_groups"], r["a_technologies"], r["a_coder"]
        else:
            domain_id, function, groups, techs = declared_id, e_function, e_groups, e_techs
            candidate = r["h_subtype"] if human else r["a_subtype"]
            subtype = candidate if candidate and sub_domain.get(candidate) == declared_id else None
            coder = "declared" if declared_id else None
        rows.append(
            Row(
                service_id=r["service_id"],
                plan_id=r["plan_id"],
                municipality=_nfc(r["municipality"]) or "(미상)",
                plan_title=_nfc(r["plan_title"]),
                period_start=r["period_start"],
                period_end=r["period_end"],
                source_file=r["source_file"] or "",
                page=r["page"],
                name=_nfc(r["name"]),
                description=_nfc(r["description"]),
                declared_domain_id=declared_id,
                auto_domain_id=r["a_domain_id"],
                auto_confidence=r["a_confidence"],
                auto_rationale=_nfc(r["a_rationale"]),
                domain_id=domain_id,
                subtype=subtype if domain_id else None,
                function=function,
                target_groups=_split(groups),
                technologies=_split(techs),
                coder=coder,
                counted=bool(r["counted"]),
            )
        )
    return rows


def period_label(start: int | None, end: int | None) -> str:
    """The plan-period label trends group by: the plan's own span ('2023–2027'), or NO_PERIOD."""
    if start is None:
        return NO_PERIOD
    return f"{start}–{end}" if end is not None else f"{start}–"
