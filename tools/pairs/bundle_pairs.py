"""Bundle the labelled real pairs into the package (issue 10).

    .venv/bin/python tools/pairs/bundle_pairs.py --harvest /work/harvest/hv1.csv /work/harvest/hv2.csv \
        /work/harvest/hv3.csv --pairs /work/harvest/pairs_to_label.csv --coder-a /work/harvest/pairsA.csv \
        --coder-b /work/harvest/pairsB.csv --adjudicated /work/harvest/pairs_adjudicated.csv

Writes src/scatlas/data/pairs/real_services.csv (every harvested service: the catalogue the pairs are measured
in, text as published with its source and retrieval date; the harvester's quota hint is dropped),
real_pairs.csv (pair_id, a_id, b_id, label, label_a, label_b, rule, split, stratum: the sampler's stratum) and real_pairs_agreement.json (Cohen's
κ of the two coders on the three labels and on same vs not-same, with the confusion table).
"""

from __future__ import annotations

import argparse
import csv
import json
import unicodedata
from collections import Counter
from pathlib import Path

from scatlas.analysis.archetypes import pair_split

OUT = Path(__file__).resolve().parents[2] / "src" / "scatlas" / "data" / "pairs"
SERVICE_COLUMNS = ["id", "name", "description", "municipality", "source_url", "source_title", "source_kind",
                   "published", "retrieved"]
LABELS = ("same", "related", "different")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [{(k or "").strip(): unicodedata.normalize("NFC", (v or "").strip()) for k, v in r.items()}
                for r in csv.DictReader(fh)]


def kappa(a: list[str], b: list[str]) -> float:
    """Cohen's κ of two label lists."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return round((observed - expected) / (1 - expected), 4) if expected < 1 else 1.0


def labels_of(path: Path) -> dict[str, str]:
    out = {}
    for r in read(path):
        label = r.get("label", "").lower()
        if r.get("pair_id") and label in LABELS:
            out[r["pair_id"]] = label
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--harvest", nargs="+", type=Path, required=True)
    parser.add_argument("--pairs", type=Path, required=True)
    parser.add_argument("--coder-a", type=Path, required=True)
    parser.add_argument("--coder-b", type=Path, required=True)
    parser.add_argument("--adjudicated", type=Path, required=True)
    parser.add_argument("--strata", type=Path, help="the sampler's side file (pair_id, stratum)")
    args = parser.parse_args()
    services, seen = [], set()
    for path in args.harvest:
        for r in read(path):
            if r.get("id") and r.get("name") and r["id"] not in seen:
                seen.add(r["id"])
                services.append({c: r.get(c, "") for c in SERVICE_COLUMNS})
    pairs = {r["pair_id"]: r for r in read(args.pairs)}
    a, b = labels_of(args.coder_a), labels_of(args.coder_b)
    final = {r["pair_id"]: r for r in read(args.adjudicated) if r.get("label", "").lower() in LABELS}
    strata = {r["pair_id"]: r["stratum"] for r in read(args.strata)} if args.strata else {}
    rows = []
    for pid, p in pairs.items():
        if pid not in final or p["a_id"] not in seen or p["b_id"] not in seen:
            continue
        rows.append({"pair_id": pid, "a_id": p["a_id"], "b_id": p["b_id"], "label": final[pid]["label"].lower(),
                     "label_a": a.get(pid, ""), "label_b": b.get(pid, ""), "rule": final[pid].get("rule", ""),
                     "split": pair_split(pid), "stratum": strata.get(pid, "")})
    both = [r for r in rows if r["label_a"] and r["label_b"]]
    la, lb = [r["label_a"] for r in both], [r["label_b"] for r in both]
    agreement = {
        "pairs": len(rows), "coded_by_both": len(both),
        "kappa_three_labels": kappa(la, lb) if both else None,
        "kappa_same_vs_not": kappa([x == "same" for x in la], [x == "same" for x in lb]) if both else None,
        "raw_agreement": round(sum(x == y for x, y in zip(la, lb)) / len(both), 4) if both else None,
        "confusion_a_by_b": {x: {y: sum(1 for p, q in zip(la, lb) if p == x and q == y) for y in LABELS}
                             for x in LABELS},
        "final_labels": dict(Counter(r["label"] for r in rows)),
        "test_part": dict(Counter(r["label"] for r in rows if r["split"] == "test")),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "real_services.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, SERVICE_COLUMNS)
        w.writeheader()
        w.writerows(services)
    with (OUT / "real_pairs.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["pair_id", "a_id", "b_id", "label", "label_a", "label_b", "rule", "split", "stratum"])
        w.writeheader()
        w.writerows(sorted(rows, key=lambda r: r["pair_id"]))
    (OUT / "real_pairs_agreement.json").write_text(json.dumps(agreement, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
    print(json.dumps(agreement, ensure_ascii=False))


if __name__ == "__main__":
    main()
