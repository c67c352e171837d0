"""A reviewer's decision on one service, as the human coding the catalogue stores."""

from __future__ import annotations

from typing import Any

from scatlas.i18n import _
from scatlas.labels import coder_label
from scatlas.records import CodingRecord
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, TARGET_GROUPS, load_codebook


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(";") if v]


#: 'keep' for a dimension the form did not send (carried from the effective coding).
KEEP: Any = object()


def review_coding(
    current: dict[str, Any],
    login: str,
    *,
    domain_id: str | None = None,
    function: str | None = None,
    subtype: Any = KEEP,
    target_groups: Any = KEEP,
    technologies: Any = KEEP,
) -> CodingRecord:
    """The human coding for accepting a service's effective coding (no changes) or changing any dimension.

    Dimensions not sent are carried over from the effective coding. When the domain changes, the sub-type is asked
    again: an old sub-type of another domain is dropped, and a sub-type sent must belong to the new domain.
    Raises ValueError for an unknown domain id, sub-type, function or target group.
    """
    names = dict(DOMAIN_ORDER)
    book = load_codebook()
    new_domain = domain_id if domain_id is not None else current.get("domain_id")
    if new_domain is not None and new_domain not in names:
        raise ValueError(f"unknown domain id {new_domain!r}; one of {', '.join(names)}")
    new_function = function if function is not None else current.get("function")
    if new_function is not None and new_function not in FUNCTIONS:
        raise ValueError(f"unknown function {new_function!r}; one of {', '.join(FUNCTIONS)}")
    allowed = {s.id for s in book.subtypes_of(new_domain)} if new_domain else set()
    if subtype is KEEP:
        subtype = current.get("subtype")
        if subtype and subtype not in allowed:
            subtype = None  # belonged to the old domain: to be chosen again
    elif subtype and subtype not in allowed:
        raise ValueError(
            f"세부유형 {subtype!r} 은(는) {names.get(new_domain, new_domain)} 분야에 속하지 않습니다: "
            "분야를 바꾸었다면 세부유형을 다시 고르세요"
        )
    groups = _split(current.get("target_groups")) if target_groups is KEEP else list(target_groups)
    bad = [g for g in groups if g not in TARGET_GROUPS]
    if bad:
        raise ValueError(f"unknown target group(s) {bad}; one of {', '.join(TARGET_GROUPS)}")
    techs = _split(current.get("technologies")) if technologies is KEEP else list(technologies)
    changes = []
    if new_domain != current.get("domain_id"):
        changes.append(
            _("분야 {old} → {new}").format(
                old=names.get(current.get("domain_id") or "", "—"), new=names.get(new_domain or "", "—")
            )
        )
    if (subtype or None) != (current.get("subtype") or None):
        changes.append(_("세부유형 {old} → {new}").format(old=current.get("subtype") or "—", new=subtype or "—"))
    if new_function != current.get("function"):
        changes.append(_("기능 {old} → {new}").format(old=current.get("function") or "—", new=new_function or "—"))
    if ";".join(groups) != (current.get("target_groups") or ""):
        changes.append(
            _("대상 {old} → {new}").format(old=current.get("target_groups") or "—", new=";".join(groups) or "—")
        )
    if ";".join(techs) != (current.get("technologies") or ""):
        changes.append(
            _("기술 {old} → {new}").format(old=current.get("technologies") or "—", new=";".join(techs) or "—")
        )
    rationale = (
        (_("검토에서 수정") + ": " + "; ".join(changes))
        if changes
        else _("검토에서 승인") + " (" + (coder_label(current.get("coder")) or _("분류 없음")) + ")"
    )
    return CodingRecord(
        domain_id=new_domain,
        subtype=subtype or None,
        function=new_function,
        target_groups=groups,
        technologies=techs,
        confidence=1.0,
        rationale=rationale,
        coder=f"human:{login}",
    )


def coding_from_form(current: dict[str, Any], login: str, form: Any, action: str = "set") -> CodingRecord:
    """review_coding from a posted form: domain_id, subtype, function, target_groups (repeated), technologies
    (';'-separated); a field absent from the form is kept; 'accept' keeps everything."""
    if action == "accept":
        return review_coding(current, login)

    def field(name: str) -> Any:
        if name not in form:
            return KEEP
        return str(form.get(name) or "")

    subtype = field("subtype")
    groups: Any = KEEP
    if "target_groups" in form or form.get("target_groups_sent"):
        groups = [str(g) for g in form.getlist("target_groups") if g]
    techs = field("technologies")
    if techs is not KEEP:
        techs = list(dict.fromkeys(t.strip() for t in techs.split(";") if t.strip()))
    domain_id = str(form.get("domain_id")) if form.get("domain_id") else None
    function = str(form.get("function")) if form.get("function") else None
    return review_coding(
        current,
        login,
        domain_id=domain_id,
        function=function,
        subtype=subtype if subtype is KEEP else (subtype or None),
        target_groups=groups,
        technologies=techs,
    )
