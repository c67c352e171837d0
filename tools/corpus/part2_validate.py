"""Check every corpus CSV present (both writers' files) and print counts.

Checks: exact header; ids unique and ``<domain_id>-NNNN``; names unique across ALL files (also after removing
spaces and middle dots, which is how near-identical names slip in); every label valid against the codebook;
NFC text; no near-copy descriptions (character-bigram Jaccard >= 0.75 within a domain, the "one word
swapped" pattern). Lists as REVIEW the near-identical pairs in different domains (possible contradictory
labels). Prints per-domain counts, function mix, name-only share and technologies per domain.

Run: .venv/bin/python tools/corpus/part2_validate.py   (exit status 1 when an error is found)
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import Counter
from itertools import combinations

from part2_common import COLUMNS, CORPUS_DIR
from scatlas.taxonomy import FUNCTIONS, TARGET_GROUPS, load_codebook

NEAR_COPY = 0.75
CROSS_NAME, CROSS_TEXT = 0.55, 0.45


def _key(name: str) -> str:
    return re.sub(r"[\s·ㆍ・/]+", "", unicodedata.normalize("NFC", name)).lower()


def _bigrams(text: str) -> set[str]:
    t = re.sub(r"\s+", "", text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def main() -> int:
    cb = load_codebook()
    tech_ids = set(cb.technologies)
    errors: list[str] = []
    ids: set[str] = set()
    names: dict[str, str] = {}
    per_domain: dict[str, list[dict[str, str]]] = {}
    files = sorted(CORPUS_DIR.glob("*.csv"))
    for path in files:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames != COLUMNS:
                errors.append(f"{path.name}: header {reader.fieldnames} != {COLUMNS}")
                continue
            for row in reader:
                where = f"{path.name}:{row['id']}"
                for col, val in row.items():
                    if val != unicodedata.normalize("NFC", val):
                        errors.append(f"{where}: {col} not NFC")
                if row["id"] in ids:
                    errors.append(f"{where}: duplicate id")
                ids.add(row["id"])
                if not re.fullmatch(re.escape(row["domain_id"]) + r"-\d{4}", row["id"]):
                    errors.append(f"{where}: id does not match domain_id {row['domain_id']}")
                k = _key(row["name"])
                if not k:
                    errors.append(f"{where}: empty name")
                if k in names:
                    errors.append(f"{where}: name {row['name']!r} duplicates {names[k]}")
                names[k] = where
                try:
                    dom = cb.domain(row["domain_id"])
                except KeyError:
                    errors.append(f"{where}: unknown domain_id {row['domain_id']!r}")
                    continue
                if row["subtype"] not in {s.id for s in dom.subtypes}:
                    errors.append(f"{where}: sub-type {row['subtype']!r} not in {dom.id}")
                if row["function"] not in FUNCTIONS:
                    errors.append(f"{where}: function {row['function']!r}")
                groups = row["target_groups"].split(";")
                if not all(g in TARGET_GROUPS for g in groups) or ("일반" in groups and len(groups) > 1):
                    errors.append(f"{where}: target_groups {row['target_groups']!r}")
                techs = [t for t in row["technologies"].split(";") if t]
                if any(t not in tech_ids for t in techs):
                    errors.append(f"{where}: technologies {row['technologies']!r}")
                per_domain.setdefault(row["domain_id"], []).append(row)
    for dom_id, rows in per_domain.items():
        grams = [(r["id"], _bigrams(r["description"])) for r in rows if len(r["description"]) >= 20]
        for (a, ga), (b, gb) in combinations(grams, 2):
            jac = len(ga & gb) / len(ga | gb)
            if jac >= NEAR_COPY:
                errors.append(f"{a} ~ {b}: descriptions near-identical (Jaccard {jac:.2f})")
    # Across domains, near-identical entries with different labels teach the coder a contradiction; they are
    # listed for a human to settle (not failed: some pairs are deliberate contrasts explained in `note`).
    everything = [(r, _bigrams(r["name"]), _bigrams(r["name"] + r["description"]))
                  for rows in per_domain.values() for r in rows]
    for (a, na, da), (b, nb, db) in combinations(everything, 2):
        if a["domain_id"] == b["domain_id"]:
            continue
        jn = len(na & nb) / max(1, len(na | nb))
        jd = len(da & db) / max(1, len(da | db))
        if jn >= CROSS_NAME or jd >= CROSS_TEXT:
            print(f"REVIEW {a['id']} {a['name']} ~ {b['id']} {b['name']} (name {jn:.2f}, text {jd:.2f})")
    print(f"{'domain':<12}{'rows':>6}{'정보제공':>8}{'문제해결':>8}{'기반구축':>8}{'no-desc':>8}{'noted':>7}")
    total = Counter()
    for dom_id, _name in ((d.id, d.name) for d in cb.domains):
        rows = per_domain.get(dom_id, [])
        if not rows:
            continue
        f = Counter(r["function"] for r in rows)
        total.update(f)
        total["rows"] += len(rows)
        empty = sum(not r["description"].strip() for r in rows)
        noted = sum(bool(r["note"].strip()) for r in rows)
        print(f"{dom_id:<12}{len(rows):>6}" + "".join(f"{f[x]:>8}" for x in FUNCTIONS) + f"{empty:>8}{noted:>7}")
        subs = Counter(r["subtype"] for r in rows)
        print("    sub-types: " + ", ".join(f"{s} {n}" for s, n in subs.most_common()))
    if total["rows"]:
        print(f"{'all':<12}{total['rows']:>6}" + "".join(
            f"{total[x] / total['rows']:>8.0%}" for x in FUNCTIONS))
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    print(f"{len(files)} files, {len(ids)} rows, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
