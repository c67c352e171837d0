"""A reviewer's decision on one service, as the human coding the catalogue stores."""

from __future__ import annotations

from typing import Any

from scatlas.i18n import _
from scatlas.labels import coder_label
from scatlas.records import CodingRecord
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, load_codebook


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(";") if v]


def review_coding(current: dict[str, Any], login: str, *, domain_id: str | None = None,
                  function: str | None = None) -> CodingRecord:
    """The human coding for accepting a service's effective coding (no changes) or changing domain/function.

    Dimensions not changed are carried over from the effective coding; the sub-type is kept only while it belongs
    to the chosen domain. Raises ValueError for an unknown domain id or function.
    """
    names = dict(DOMAIN_ORDER)
    new_domain = domain_id if domain_id is not None else current.get("domain_id")
    if new_domain is not None and new_domain not in names:
        raise ValueError(f"unknown domain id {new_domain!r}; one of {', '.join(names)}")
    new_function = function if function is not None else current.get("function")
    if new_function is not None and new_function not in FUNCTIONS:
        raise ValueError(f"unknown function {new_function!r}; one of {', '.join(FUNCTIONS)}")
    subtype = current.get("subtype")
    if subtype and new_domain and subtype not in {s.id for s in load_codebook().subtypes_of(new_domain)}:
        subtype = None
    changes = []
    if new_domain != current.get("domain_id"):
        changes.append(_("분야 {old} → {new}").format(old=names.get(current.get("domain_id") or "", "—"),
                                                   new=names.get(new_domain or "", "—")))
    if new_function != current.get("function"):
        changes.append(_("기능 {old} → {new}").format(old=current.get("function") or "—", new=new_function or "—"))
    rationale = (_("검토에서 수정") + ": " + "; ".join(changes)) if changes else \
        _("검토에서 승인") + f" ({coder_label(current.get('coder')) or _('분류 없음')})"
    return CodingRecord(domain_id=new_domain, subtype=subtype, function=new_function,
                        target_groups=_split(current.get("target_groups")),
                        technologies=_split(current.get("technologies")), confidence=1.0,
                        rationale=rationale, coder=f"human:{login}")
