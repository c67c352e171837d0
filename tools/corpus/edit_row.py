"""Change fields of corpus rows in place, validated against the codebook before anything is written.

    edit_row.py ID FIELD NEW_VALUE          one change
    edit_row.py < edits.txt                 lines `ID | FIELD | NEW_VALUE` (blank / # lines skipped)
"""

from __future__ import annotations

import csv
import sys
import unicodedata

from corpus_schema import COLUMNS, CORPUS_DIR, read_rows, row_problems


def apply(edits: list[tuple[str, str, str]]) -> int:
    files: dict[str, list[dict[str, str]]] = {}
    problems: list[str] = []
    touched: set[str] = set()
    # ids are permanent and rows move between files when relabelled: look every id up in all files
    for path in sorted(CORPUS_DIR.glob("*.csv")):
        files.setdefault(path.stem, read_rows(path))
    for row_id, field, value in edits:
        hit = [r for rows in files.values() for r in rows if r["id"] == row_id]
        if len(hit) != 1 or field not in COLUMNS or field == "id":
            problems.append(f"no row {row_id} or bad field {field!r}")
            continue
        hit[0][field] = unicodedata.normalize("NFC", value.strip())
        touched.add(row_id)
    names = [r["name"] for rows in files.values() for r in rows if r["origin"] == "written"]
    problems += [f"duplicate name {n!r}" for n in set(names) if names.count(n) > 1]
    for rows in files.values():
        for r in rows:
            if r["id"] in touched:
                problems += row_problems(r, r["id"])
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    for domain_id, rows in files.items():
        with (CORPUS_DIR / f"{domain_id}.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
    print(f"{len(edits)} edits to {len(touched)} rows")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) == 3:
        return apply([(argv[0], argv[1], argv[2])])
    edits = []
    for line in sys.stdin:
        if line.strip() and not line.lstrip().startswith("#"):
            row_id, field, value = (p.strip() for p in line.rstrip("\n").split("|", 2))
            edits.append((row_id, field, value))
    return apply(edits)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
