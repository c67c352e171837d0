"""Shared writer for the part-2 corpus scripts (education, culture, logistics, employment, housing, other).

Each ``part2_<domain>.py`` script holds its entries as a text block, one entry a line, fields separated by
``|``::

    name | description | subtype | function | target_groups | extra technologies | note

- ``function`` is written in full (정보제공 / 문제해결 / 기반구축) or by its first syllable (정 / 문 / 기).
- ``target_groups`` and technologies are ``;``-separated; an empty target field means 일반.
- Technologies the text *names* (a codebook alias in the name or description) are added automatically, so the
  label cannot forget a mentioned one; the column holds only what the text clearly implies (앱 → 모바일앱).
- In descriptions, a literal ``\\n`` stands for a line break (bullets as converted documents show them).

The script then calls :func:`write_domain`, which numbers the rows, normalises to NFC, checks every label
against the codebook and writes ``src/scatlas/data/corpus/<domain_id>.csv`` with the csv module.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

from scatlas.taxonomy import FUNCTIONS, TARGET_GROUPS, load_codebook

ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIR = ROOT / "src" / "scatlas" / "data" / "corpus"
COLUMNS = ["id", "name", "description", "domain_id", "subtype", "function", "target_groups", "technologies", "note"]
_FUNCTION_SHORT = {"정": "정보제공", "문": "문제해결", "기": "기반구축"}


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _alias_pattern(alias: str) -> re.Pattern[str]:
    # Latin aliases must stand alone ("AR" in "AR 체험", not inside "CARE"); Korean ones match as substrings
    # because Korean attaches particles (드론으로, 센서를).
    if re.fullmatch(r"[A-Za-z0-9/\- ]+", alias):
        return re.compile(r"(?<![A-Za-z])" + re.escape(alias) + r"(?![A-Za-z])")
    return re.compile(re.escape(alias))


def detect_technologies(text: str) -> list[str]:
    """Codebook technology ids whose aliases occur in ``text``, in codebook order."""
    found = []
    for tech_id, aliases in load_codebook().technologies.items():
        if any(_alias_pattern(a).search(text) for a in (tech_id, *aliases)):
            found.append(tech_id)
    return found


def parse_block(block: str) -> list[dict[str, str]]:
    """Entries of a text block (see the module docstring) as dicts without ``id``/``domain_id``."""
    rows = []
    for lineno, line in enumerate(block.strip("\n").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 6:
            parts.append("")
        if len(parts) != 7:
            raise ValueError(f"line {lineno}: expected 7 fields, got {len(parts)}: {line[:60]}")
        name, desc, subtype, function, groups, techs, note = (_nfc(p) for p in parts)
        rows.append({
            "name": name,
            "description": desc.replace("\\n", "\n"),
            "subtype": subtype,
            "function": _FUNCTION_SHORT.get(function, function),
            "target_groups": groups or "일반",
            "technologies": techs,
            "note": note,
        })
    return rows


def write_domain(domain_id: str, *blocks: str) -> Path:
    """Validate the entries of ``blocks`` and write ``<domain_id>.csv``; returns the path written."""
    codebook = load_codebook()
    domain = codebook.domain(domain_id)
    subtypes = {s.id for s in domain.subtypes}
    tech_ids = list(codebook.technologies)
    rows = [r for b in blocks for r in parse_block(b)]
    errors = []
    seen: set[str] = set()
    for i, r in enumerate(rows, 1):
        where = f"{domain_id} #{i} {r['name']}"
        if r["name"] in seen:
            errors.append(f"{where}: duplicate name")
        seen.add(r["name"])
        if r["subtype"] not in subtypes:
            errors.append(f"{where}: sub-type {r['subtype']!r} not in {sorted(subtypes)}")
        if r["function"] not in FUNCTIONS:
            errors.append(f"{where}: function {r['function']!r}")
        groups = r["target_groups"].split(";")
        if any(g not in TARGET_GROUPS for g in groups) or ("일반" in groups and len(groups) > 1):
            errors.append(f"{where}: target groups {r['target_groups']!r}")
        else:  # the guide writes several groups in codebook order
            r["target_groups"] = ";".join(g for g in TARGET_GROUPS if g in groups)
        manual = [t for t in r["technologies"].split(";") if t]
        bad = [t for t in manual if t not in tech_ids]
        if bad:
            errors.append(f"{where}: unknown technologies {bad}")
        found = set(manual) | set(detect_technologies(r["name"] + "\n" + r["description"]))
        r["technologies"] = ";".join(t for t in tech_ids if t in found)
        r["id"] = f"{domain_id}-{i:04d}"
        r["domain_id"] = domain_id
    if errors:
        sys.exit("\n".join(errors))
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    path = CORPUS_DIR / f"{domain_id}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows({k: r[k] for k in COLUMNS} for r in rows)
    counts = {f: sum(r["function"] == f for r in rows) for f in FUNCTIONS}
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows; " +
          ", ".join(f"{f} {n} ({n / len(rows):.0%})" for f, n in counts.items()))
    return path
