"""Similar services in other municipalities: the service's archetype when known, else trigram search on its name."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from scatlas.analysis.archetypes import ArchetypeResult
from scatlas.catalogue import Catalogue
from scatlas.web.search import fts_phrase

#: words that name nearly every service; matching on them finds everything and says nothing
GENERIC_WORDS = ("스마트", "서비스", "시스템", "구축", "사업", "기반", "플랫폼", "운영", "조성", "통합", "도입")
_SPLIT = re.compile(r"[\s\W_]+", re.UNICODE)


def key_trigrams(name: str, limit: int = 24) -> list[str]:
    """The 3-character pieces of a name once generic words and punctuation are removed.

    Pieces run across the single space between words, as the trigram index stores them, so names made of
    two-syllable words (드론 순찰) still have pieces to match; a piece needs two non-space characters.
    """
    text = unicodedata.normalize("NFC", name)
    for word in GENERIC_WORDS:
        text = text.replace(word, " ")
    text = " ".join(w for w in _SPLIT.split(text) if w)
    grams: list[str] = []
    for i in range(len(text) - 2):
        gram = text[i : i + 3]
        if len(gram.replace(" ", "")) >= 2 and gram not in grams:
            grams.append(gram)
    return grams[:limit]


def similar_services(
    cat: Catalogue, service: dict[str, Any], archetypes: ArchetypeResult | None = None, limit: int = 10
) -> dict[str, Any]:
    """{"method": "archetype" | "trigram" | "none", "archetype": {...} | None, "services": [service rows]}."""
    sid = service["service_id"]
    if archetypes is not None and sid in archetypes.archetype_of:
        aid = archetypes.archetype_of[sid]
        arche = next(a for a in archetypes.archetypes if a["id"] == aid)
        ids = [
            m["service_id"]
            for m in arche["members"]
            if m["service_id"] != sid and m["municipality"] != service["municipality"]
        ][:limit]
        items = _rows_by_id(cat, ids)
        return {
            "method": "archetype",
            "archetype": {k: arche[k] for k in ("id", "label", "municipalities")},
            "services": items,
        }
    grams = key_trigrams(service["name"])
    if not grams:
        return {"method": "none", "archetype": None, "services": []}
    # OR over the name's trigrams, ranked by bm25: the more distinctive pieces a name shares, the higher it ranks
    match = "name : (" + " OR ".join(fts_phrase(g) for g in grams) + ")"
    ids = [
        r[0]
        for r in cat.conn.execute(
            "SELECT f.rowid FROM service_fts f JOIN service s ON s.id = f.rowid JOIN plan p ON p.id = s.plan_id "
            "WHERE service_fts MATCH ? AND f.rowid != ? AND p.municipality IS NOT ? "
            "ORDER BY bm25(service_fts) LIMIT ?",
            (match, sid, service["municipality"], limit),
        )
    ]
    return {"method": "trigram", "archetype": None, "services": _rows_by_id(cat, ids)}


def _rows_by_id(cat: Catalogue, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = {r["service_id"]: r for r in cat.services(f"service_id IN ({', '.join('?' * len(ids))})", ids)}
    return [rows[i] for i in ids if i in rows]
