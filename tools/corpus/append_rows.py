"""Append a hand-written batch of labelled services to one domain's corpus CSV.

Reads lines `name | description | subtype | function | target_groups | technologies | note` from stdin
(blank lines and lines starting with `#` skipped; trailing fields may be omitted), numbers them after the
file's last id, checks every label against the codebook and every name against all corpus files, and
appends the batch only if the whole batch is valid.

Usage: .venv/bin/python tools/corpus/append_rows.py safety < batch.txt
"""

from __future__ import annotations

import csv
import sys
import unicodedata

from corpus_schema import COLUMNS, CORPUS_DIR, read_rows, row_problems


def main(domain_id: str) -> int:
    path = CORPUS_DIR / f"{domain_id}.csv"
    existing = read_rows(path) if path.exists() else []
    names = {r["name"] for p in CORPUS_DIR.glob("*.csv") for r in read_rows(p)}
    last = max((int(r["id"].rsplit("-", 1)[1]) for p in CORPUS_DIR.glob("*.csv") for r in read_rows(p)
                if r["id"].startswith(f"{domain_id}-")), default=0)  # ids are permanent: rows move between files
    batch: list[dict[str, str]] = []
    problems: list[str] = []
    for lineno, raw in enumerate(sys.stdin, 1):
        line = unicodedata.normalize("NFC", raw.rstrip("\n"))
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        parts += [""] * (7 - len(parts))
        if len(parts) != 7:
            problems.append(f"line {lineno}: {len(parts)} fields")
            continue
        name, desc, subtype, function, groups, techs, note = parts
        last += 1
        row = dict.fromkeys(COLUMNS, "")
        row.update(zip(COLUMNS, (f"{domain_id}-{last:04d}", name, desc, domain_id, subtype, function,
                                 groups or "일반", techs, note)), origin="written")
        problems += row_problems(row, f"line {lineno} ({name})")
        if name in names:
            problems.append(f"line {lineno}: duplicate name {name!r}")
        names.add(name)
        batch.append(row)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    new = not path.exists()
    with path.open("a", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        if new:
            writer.writeheader()
        writer.writerows(batch)
    print(f"{path.name}: +{len(batch)} rows, now {len(existing) + len(batch)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
