"""The corpus CSV contract and a row checker shared by the append and validate scripts."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from scatlas.taxonomy import FUNCTIONS, TARGET_GROUPS, load_codebook

COLUMNS: tuple[str, ...] = ("id", "name", "description", "domain_id", "subtype", "function",
                            "target_groups", "technologies", "note")
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
    if not row["id"].startswith(f"{domain.id}-"):
        out.append(f"{where}: id {row['id']!r} does not start with {domain.id}-")
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
