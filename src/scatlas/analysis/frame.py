"""The services of a catalogue as analysis rows, labelled on one basis (effective, declared or auto)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from scatlas.taxonomy import DOMAIN_ORDER, load_codebook

if TYPE_CHECKING:
    from scatlas.catalogue import Catalogue

Basis = Literal["effective", "declared", "auto"]
BASES: tuple[str, ...] = ("effective", "declared", "auto")
#: The bucket for services without a label on the chosen basis: counted, never dropped (DESIGN.md).
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


def _split(text: str | None) -> list[str]:
    return [t for t in (text or "").split(";") if t]


def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


# One pass over the catalogue: the effective columns come from service_view, the auto ones from latest_auto,
# so every basis is served by the same query.
_QUERY = """
SELECT v.service_id, v.plan_id, v.municipality, v.plan_title, v.period_start, v.period_end, v.source_file,
       v.page, v.name, v.description, v.declared_domain, v.domain_id, v.subtype, v.function, v.target_groups,
       v.technologies, v.coder, v.human_coder,
       a.domain_id AS a_domain_id, a.subtype AS a_subtype, a.function AS a_function,
       a.target_groups AS a_target_groups, a.technologies AS a_technologies, a.confidence AS a_confidence,
       a.rationale AS a_rationale, a.coder AS a_coder
FROM service_view v LEFT JOIN latest_auto a ON a.service_id = v.service_id
{where}
ORDER BY v.municipality, v.plan_id, v.position, v.service_id
"""


def load_rows(cat: "Catalogue", basis: Basis = "effective", municipality: str | None = None) -> list[Row]:
    """Every service of the catalogue (or of one municipality) with its codes on `basis`.

    effective: the catalogue's effective coding (latest human; else declared domain; else latest auto).
    declared: the plan's own domain label; the other dimensions follow the effective order without the
    declared step, and a sub-type is kept only if it belongs to the declared domain.
    auto: the latest automatic coding on every dimension.
    """
    if basis not in BASES:
        raise ValueError(f"basis must be one of {', '.join(BASES)}, got {basis!r}")
    ids = {name: did for did, name in DOMAIN_ORDER}
    book = load_codebook()
    sub_domain = {s.id: d.id for d in book.domains for s in d.subtypes}
    where, params = ("WHERE v.municipality = ?", (municipality,)) if municipality else ("", ())
    rows: list[Row] = []
    for r in cat.conn.execute(_QUERY.format(where=where), params):
        declared_id = ids.get(_nfc(r["declared_domain"])) if r["declared_domain"] else None
        if basis == "effective":
            domain_id, subtype, function = r["domain_id"], r["subtype"], r["function"]
            groups, techs, coder = r["target_groups"], r["technologies"], r["coder"]
        elif basis == "auto":
            domain_id, subtype, function = r["a_domain_id"], r["a_subtype"], r["a_function"]
            groups, techs, coder = r["a_target_groups"], r["a_technologies"], r["a_coder"]
        else:
            domain_id, function = declared_id, r["function"]
            subtype = r["subtype"] if r["subtype"] and sub_domain.get(r["subtype"]) == declared_id else None
            groups, techs = r["target_groups"], r["technologies"]
            coder = "declared" if declared_id else None
        rows.append(Row(
            service_id=r["service_id"], plan_id=r["plan_id"], municipality=_nfc(r["municipality"]) or "(미상)",
            plan_title=_nfc(r["plan_title"]), period_start=r["period_start"], period_end=r["period_end"],
            source_file=r["source_file"] or "", page=r["page"], name=_nfc(r["name"]),
            description=_nfc(r["description"]), declared_domain_id=declared_id, auto_domain_id=r["a_domain_id"],
            auto_confidence=r["a_confidence"], auto_rationale=_nfc(r["a_rationale"]),
            domain_id=domain_id, subtype=subtype if domain_id else None, function=function,
            target_groups=_split(groups), technologies=_split(techs), coder=coder))
    return rows


def period_label(start: int | None, end: int | None) -> str:
    """The plan-period label trends group by: the plan's own span ('2023–2027'), or NO_PERIOD."""
    if start is None:
        return NO_PERIOD
    return f"{start}–{end}" if end is not None else f"{start}–"
