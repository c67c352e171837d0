"""The codebook: the 12 legal service domains, their sub-types and the other coding vocabularies.

Loaded once from ``scatlas/data/codebook.json`` and validated on load, so a broken data file fails loudly.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

#: The 12 domains of docs/contracts.md#taxonomy, in the decree's order: (domain_id, Korean name). The contract.
DOMAIN_ORDER: tuple[tuple[str, str], ...] = (
    ("admin", "행정"),
    ("transport", "교통"),
    ("welfare", "보건·의료·복지"),
    ("environment", "환경·에너지·수자원"),
    ("safety", "방범·방재"),
    ("facilities", "시설물관리"),
    ("education", "교육"),
    ("culture", "문화·관광·스포츠"),
    ("logistics", "물류"),
    ("employment", "근로·고용"),
    ("housing", "주거"),
    ("other", "기타"),
)
FUNCTIONS: tuple[str, ...] = ("정보제공", "문제해결", "기반구축")
TARGET_GROUPS: tuple[str, ...] = (
    "일반",
    "노인",
    "아동",
    "장애인",
    "여성",
    "청년",
    "다문화",
    "관광객",
    "농어민",
    "기타",
)


@dataclass(frozen=True)
class Subtype:
    id: str
    domain_id: str
    label: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Domain:
    id: str
    name: str
    definition: str
    decree_examples: tuple[str, ...]
    keywords: tuple[str, ...]
    subtypes: tuple[Subtype, ...]


@dataclass(frozen=True)
class Codebook:
    version: str
    source: str
    domains: tuple[Domain, ...]
    functions: dict[str, dict] = field(default_factory=dict)
    target_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> keywords
    technologies: dict[str, tuple[str, ...]] = field(default_factory=dict)  # id -> aliases

    def domain(self, domain_id: str) -> Domain:
        """The domain with this id (KeyError if none)."""
        for d in self.domains:
            if d.id == domain_id:
                return d
        raise KeyError(domain_id)

    @property
    def domain_names(self) -> dict[str, str]:
        """domain_id -> Korean name."""
        return {d.id: d.name for d in self.domains}

    @property
    def domain_ids(self) -> dict[str, str]:
        """Korean name -> domain_id."""
        return {d.name: d.id for d in self.domains}

    def subtype(self, subtype_id: str) -> Subtype:
        """The sub-type with this id, whatever its domain (KeyError if none)."""
        for d in self.domains:
            for s in d.subtypes:
                if s.id == subtype_id:
                    return s
        raise KeyError(subtype_id)

    def subtypes_of(self, domain_id: str) -> tuple[Subtype, ...]:
        return self.domain(domain_id).subtypes


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _validate(raw: dict) -> Codebook:
    domains = []
    seen_sub: set[str] = set()
    for entry, (want_id, want_name) in zip(raw["domains"], DOMAIN_ORDER, strict=True):
        if entry["id"] != want_id or _nfc(entry["name"]) != want_name:
            raise ValueError(
                f"codebook: domain {entry['id']}/{entry['name']} differs from docs/contracts.md ({want_id}/{want_name})"
            )
        subs = []
        for s in entry.get("subtypes", []):
            if s["id"] in seen_sub:
                raise ValueError(f"codebook: sub-type id {s['id']} used twice")
            seen_sub.add(s["id"])
            subs.append(Subtype(s["id"], want_id, _nfc(s["label"]), tuple(_nfc(k) for k in s.get("keywords", []))))
        domains.append(
            Domain(
                want_id,
                want_name,
                _nfc(entry["definition"]),
                tuple(_nfc(x) for x in entry["decree_examples"]),
                tuple(_nfc(k) for k in entry.get("keywords", [])),
                tuple(subs),
            )
        )
    functions = {f["id"]: f for f in raw["functions"]}
    if tuple(functions) != FUNCTIONS:
        raise ValueError(f"codebook: functions must be {FUNCTIONS}, got {tuple(functions)}")
    groups = {g["id"]: tuple(_nfc(k) for k in g["keywords"]) for g in raw["target_groups"]}
    if tuple(groups) != TARGET_GROUPS:
        raise ValueError(f"codebook: target groups must be {TARGET_GROUPS}, got {tuple(groups)}")
    techs = {t["id"]: tuple(_nfc(a) for a in t["aliases"]) for t in raw["technologies"]}
    return Codebook(raw["version"], raw["source"], tuple(domains), functions, groups, techs)


@lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    """The bundled codebook, validated against the domain list of docs/contracts.md#taxonomy."""
    text = resources.files("scatlas.data").joinpath("codebook.json").read_text(encoding="utf-8")
    return _validate(json.loads(text))
