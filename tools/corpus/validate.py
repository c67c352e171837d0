"""Check every corpus CSV against the codebook and print counts and label distributions.

Checks: header, ids unique and numbered per domain, names unique across all files, every label valid,
rows in the file of their own domain. Prints per-domain counts, function / subtype / target-group mix,
and (with --tech) rows whose text names a technology alias that the row does not label, for review.
Exit status 1 on any error.

Usage: .venv/bin/python tools/corpus/validate.py [--tech]
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from corpus_schema import CORPUS_DIR, read_rows, row_problems

from scatlas.taxonomy import DOMAIN_ORDER, load_codebook


def _alias_hits(text: str, aliases: tuple[str, ...]) -> bool:
    for a in aliases:
        # Latin aliases must stand alone ("AR" must not fire inside "CARE"); Korean ones are substrings.
        if re.fullmatch(r"[A-Za-z0-9/ \-]+", a):
            if re.search(rf"(?<![A-Za-z]){re.escape(a)}(?![A-Za-z])", text):
                return True
        elif a in text:
            return True
    return False


def main(argv: list[str]) -> int:
    cb = load_codebook()
    errors: list[str] = []
    names: Counter[str] = Counter()
    ids: Counter[str] = Counter()
    total = 0
    for domain_id, domain_name in DOMAIN_ORDER:
        path = CORPUS_DIR / f"{domain_id}.csv"
        if not path.exists():
            print(f"{domain_id:12s} (missing)")
            continue
        rows = read_rows(path)
        total += len(rows)
        for i, r in enumerate(rows, 1):
            errors += row_problems(r, f"{path.name}:{i + 1}")
            if r["domain_id"] != domain_id:
                errors.append(f"{path.name}:{i + 1}: domain_id {r['domain_id']} in {domain_id}.csv")
            if r["origin"] == "written":  # the same real service may be harvested from several cities
                names[r["name"]] += 1
            ids[r["id"]] += 1
        fn = Counter(r["function"] for r in rows)
        st = Counter(r["subtype"] for r in rows)
        empty = sum(1 for r in rows if not r["description"])
        noted = sum(1 for r in rows if r["note"])
        print(f"{domain_id:12s} {len(rows):4d}  " + " ".join(f"{k}:{v / len(rows):.0%}" for k, v in fn.items())
              + f"  name-only:{empty}  noted:{noted}")
        print(" " * 18 + " ".join(f"{k}:{v}" for k, v in st.most_common()))
        if "--tech" in argv:
            for r in rows:
                text = f"{r['name']} {r['description']}"
                labelled = set(filter(None, r["technologies"].split(";")))
                for tech, aliases in cb.technologies.items():
                    if tech not in labelled and _alias_hits(text, aliases):
                        print(f"    {r['id']} mentions {tech} unlabelled: {r['name']}")
    errors += [f"duplicate name {n!r} ({c}x)" for n, c in names.items() if c > 1]
    errors += [f"duplicate id {n!r}" for n, c in ids.items() if c > 1]
    print(f"total {total}")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
