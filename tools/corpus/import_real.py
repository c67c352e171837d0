"""Turn the real-text harvest and its labels into corpus rows (origin=real) in the per-domain corpus CSVs.

Inputs: the harvest files (``hv*.csv``: id, name, description, municipality, source_url, source_title,
source_kind, published, retrieved, hint_domain, components) and one label file with
``id,domain_id,alt_domains,ambiguous,subtype,function`` and ``rule`` or ``note`` (the adjudicated labels, or
one coder's file while adjudication is pending). ``hint_domain`` is a harvester's quota guess and is never
used as a label.

Every real row already in the corpus is replaced (the import is idempotent); written rows are untouched.
Rows are kept as published (NFC and trimmed only). A harvest row without a label, with a label that is not
valid against the codebook, or without a source_url is reported and skipped; the rest land. A second row with
the same name and description as an earlier one (the same text harvested twice) is skipped.

Usage: .venv/bin/python tools/corpus/import_real.py --labels /work/harvest/adjudicated.csv \
           /work/harvest/hv1.csv /work/harvest/hv2.csv /work/harvest/hv3.csv [--dry-run]
"""

from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from corpus_schema import COLUMNS, CORPUS_DIR, SOURCE_KINDS, read_rows, row_problems

from scatlas.coding.corpus import LabelledItem, split_of
from scatlas.taxonomy import DOMAIN_ORDER, FUNCTIONS, load_codebook

DOMAIN_IDS = [d for d, _ in DOMAIN_ORDER]


def _nfc(value: str | None) -> str:
    return unicodedata.normalize("NFC", value or "").strip()


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [{k: _nfc(v) for k, v in row.items() if k} for row in csv.DictReader(fh)]


def real_row(h: dict[str, str], lab: dict[str, str]) -> tuple[dict[str, str] | None, str | None]:
    """The corpus row of one harvested service and its label, or (None, reason)."""
    cb = load_codebook()
    domain = lab.get("domain_id", "")
    if domain not in DOMAIN_IDS:
        return None, f"domain_id {domain!r} is not a codebook id"
    subtypes = {s.id for s in cb.domain(domain).subtypes}
    subtype = lab.get("subtype", "")
    function = lab.get("function", "")
    if function not in FUNCTIONS:
        return None, f"function {function!r} is not one of {', '.join(FUNCTIONS)}"
    if not h.get("source_url"):
        return None, "no source_url"
    alts = sorted({a for a in lab.get("alt_domains", "").replace(",", ";").split(";")
                   if a.strip() in DOMAIN_IDS and a.strip() != domain})
    amb = lab.get("ambiguous", "").lower()
    kind = h.get("source_kind", "") if h.get("source_kind", "") in SOURCE_KINDS else "other"
    rule = lab.get("rule") or lab.get("note") or ""
    row = dict.fromkeys(COLUMNS, "")
    row.update(id=h["id"], name=h["name"], description=h["description"], domain_id=domain,
               subtype=subtype if subtype in subtypes else "", function=function, note=rule,
               origin="real", source_url=h["source_url"], source_kind=kind,
               municipality=h.get("municipality") or "미상", published=h.get("published", ""),
               retrieved=h.get("retrieved") or "", alt_domains=";".join(alts),
               ambiguous="yes" if amb == "yes" else "no")
    return row, None


def build(harvest: list[Path], labels: Path) -> tuple[list[dict[str, str]], list[str]]:
    """The real corpus rows and the problems (one line per skipped row)."""
    labelled = {r["id"]: r for r in _read(labels) if r.get("id")}
    rows: list[dict[str, str]] = []
    problems: list[str] = []
    seen_text: set[tuple[str, str]] = set()
    seen_id: set[str] = set()
    for path in harvest:
        for line, h in enumerate(_read(path), start=2):
            where = f"{path.name}:{line} ({h.get('id', '?')})"
            if not h.get("id") or not h.get("name") or not h.get("description"):
                problems.append(f"{where}: missing id, name or description")
                continue
            key = (h["name"], h["description"])
            if h["id"] in seen_id or key in seen_text:
                problems.append(f"{where}: duplicate of an earlier row")
                continue
            seen_id.add(h["id"])
            seen_text.add(key)
            lab = labelled.get(h["id"])
            if lab is None:
                problems.append(f"{where}: no label")
                continue
            row, reason = real_row(h, lab)
            if row is None:
                problems.append(f"{where}: {reason}")
                continue
            bad = row_problems(row, where)
            if bad:
                problems += bad
                continue
            rows.append(row)
    return rows, problems


def write(real: list[dict[str, str]], corpus_dir: Path = CORPUS_DIR) -> dict[str, int]:
    """Replaces every real row of the corpus with ``real`` (written rows kept); returns rows per file."""
    by_domain: dict[str, list[dict[str, str]]] = {d: [] for d in DOMAIN_IDS}
    for d in DOMAIN_IDS:
        path = corpus_dir / f"{d}.csv"
        if path.exists():
            by_domain[d] = [r for r in read_rows(path) if r["origin"] != "real"]
    for r in sorted(real, key=lambda r: r["id"]):
        by_domain[r["domain_id"]].append(r)
    for d, rows in by_domain.items():
        path = corpus_dir / f"{d}.csv"
        tmp = path.with_suffix(".csv.tmp")
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        tmp.replace(path)
    return {d: len(rows) for d, rows in by_domain.items()}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("harvest", nargs="+", type=Path, help="hv*.csv files")
    ap.add_argument("--labels", type=Path, required=True, help="adjudicated.csv (or one coder's file)")
    ap.add_argument("--dry-run", action="store_true", help="report, write nothing")
    ap.add_argument("--corpus-dir", type=Path, default=CORPUS_DIR, help="corpus folder (default: the package's)")
    args = ap.parse_args(argv)
    rows, problems = build(args.harvest, args.labels)
    for p in problems:
        print(f"skipped {p}", file=sys.stderr)
    splits = Counter(split_of(LabelledItem(r["id"], "", "", r["domain_id"], origin="real")) for r in rows)
    print(f"{len(rows)} real rows ({len(problems)} skipped); splits: "
          + ", ".join(f"{k} {v}" for k, v in sorted(splits.items())))
    print("per domain: " + ", ".join(f"{d} {n}" for d, n in Counter(r["domain_id"] for r in rows).most_common()))
    if not args.dry_run:
        write(rows, args.corpus_dir)
        print(f"written to {args.corpus_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
