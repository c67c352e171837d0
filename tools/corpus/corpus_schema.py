"""The corpus CSV contract and a row checker shared by the append and validate scripts."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from scatlas.coding.corpus import CORPUS_COLUMNS as COLUMNS  # one contract: the package's
from scatlas.taxonomy import FUNCTIONS, TARGET_GROUPS, load_codebook

#: Provenance columns every real row must fill (source_kind is one of SOURCE_KINDS).
REAL_REQUIRED = ("source_url", "municipality", "retrieved", "source_kind")
SOURCE_KINDS = ("news", "press_release", "city_page", "ministry_page", "public_data", "other")
CORPUS_DIR = Path(__file__).resolve().parents[2] / "src" / "scatlas" / "data" / "corpus"


def read_rows(path: Path) -> list[dict[str, str]]:
    """Rows of one corpus CSV as dicts (header checked)."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path.name}: header {reader.fieldnames} != {list(COLUMNS)}")
        return list(reader)


def row_problems(row: dict[str, str], where: str) -> list[str]:
    """Label problems of one row against the codebook; empty when the row is valid."""
    cb = load_codebook()
    out: list[str] = []
    for col in COLUMNS:
        value = row.get(col, "")
        if value != unicodedata.normalize("NFC", value):
            out.append(f"{where}: {col} is not NFC")
        if value != value.strip():
            out.append(f"{where}: {col} has leading/trailing whitespace")
    if not row["name"]:
        out.append(f"{where}: empty name")
    try:
        domain = cb.domain(row["domain_id"])
    except KeyError:
        return out + [f"{where}: unknown domain_id {row['domain_id']!r}"]
    real = row.get("origin") == "real"
    if row.get("origin") not in ("written", "real"):
        out.append(f"{where}: origin {row.get('origin')!r} is not written or real")
    if real:
        out += [f"{where}: real row without {c}" for c in REAL_REQUIRED if not row.get(c)]
        if row.get("source_kind") and row["source_kind"] not in SOURCE_KINDS:
            out.append(f"{where}: source_kind {row['source_kind']!r}")
        if row.get("ambiguous") not in ("yes", "no"):
            out.append(f"{where}: ambiguous {row.get('ambiguous')!r} is not yes or no")
    alts = [a for a in (row.get("alt_domains") or "").split(";") if a]
    ids = {d.id for d in cb.domains}
    out += [f"{where}: alt_domains holds {a!r}" for a in alts if a not in ids or a == row["domain_id"]]
    if real:  # coders code domain, subtype and function only
        if row["subtype"] and row["subtype"] not in {s.id for s in domain.subtypes}:
            out.append(f"{where}: subtype {row['subtype']!r} not in {domain.id}")
        if row["function"] not in FUNCTIONS:
            out.append(f"{where}: function {row['function']!r}")
        return out
    if row["subtype"] not in {s.id for s in domain.subtypes}:
        out.append(f"{where}: subtype {row['subtype']!r} not in {domain.id}")
    if row["function"] not in FUNCTIONS:
        out.append(f"{where}: function {row['function']!r}")
    groups = row["target_groups"].split(";")
    if not row["target_groups"] or any(g not in TARGET_GROUPS for g in groups):
        out.append(f"{where}: target_groups {row['target_groups']!r}")
    if "일반" in groups and len(groups) > 1:
        out.append(f"{where}: 일반 combined with a named group")
    if len(set(groups)) != len(groups):
        out.append(f"{where}: repeated target group")
    techs = [t for t in row["technologies"].split(";") if t] if row["technologies"] else []
    for t in techs:
        if t not in cb.technologies:
            out.append(f"{where}: technology {t!r} not in codebook")
    if len(set(techs)) != len(techs):
        out.append(f"{where}: repeated technology")
    return out
