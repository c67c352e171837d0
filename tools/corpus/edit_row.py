"""Change one field of one corpus row in place: edit_row.py ID FIELD NEW_VALUE (NFC, csv-quoted)."""

from __future__ import annotations

import csv
import sys
import unicodedata

from corpus_schema import COLUMNS, CORPUS_DIR, read_rows, row_problems


def main(row_id: str, field: str, value: str) -> int:
    path = CORPUS_DIR / f"{row_id.rsplit('-', 1)[0]}.csv"
    rows = read_rows(path)
    hit = [r for r in rows if r["id"] == row_id]
    if len(hit) != 1 or field not in COLUMNS or field == "id":
        print(f"no row {row_id} or bad field {field}", file=sys.stderr)
        return 1
    hit[0][field] = unicodedata.normalize("NFC", value)
    problems = row_problems(hit[0], row_id)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
