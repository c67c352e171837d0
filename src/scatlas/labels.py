"""What people read for the codes the catalogue and the API keep: sub-type ids, coder ids, statuses.

Codes (`traffic_info`, `declared`, `auto:linear-…`) stay in the database, the API and analysis.json; reports,
exports and pages show these labels.
"""

from __future__ import annotations

from functools import lru_cache

from scatlas.i18n import _
from scatlas.taxonomy import load_codebook


@lru_cache(maxsize=1)
def subtype_labels() -> dict[str, str]:
    """Sub-type id → its Korean label (교통's traffic_info → 교통정보 수집·제공)."""
    return {s.id: s.label for d in load_codebook().domains for s in d.subtypes}


def coder_label(coder: str | None) -> str | None:
    """'human:kim' → '사람 검토(kim)', 'declared' → '계획서 분야', 'auto:…' → '자동 분류(…)'."""
    if not coder:
        return coder
    kind, _sep, who = coder.partition(":")
    if kind == "human":
        return _("사람 검토") + (f"({who})" if who else "")
    if kind == "declared":
        return _("계획서 분야")
    if kind == "auto":
        return _("자동 분류") + (f"({who})" if who else "")
    if kind == "none":
        return _("분류 없음")
    return coder
