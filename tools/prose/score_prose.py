"""Score service extraction on real texts that name services in running text (tests/extract/data/prose/).

    .venv/bin/python tools/prose/score_prose.py                 # dev and held-out parts, pooled F1 of each
    .venv/bin/python tools/prose/score_prose.py --split dev --show

Each text (news, press releases, plan documents; source URL and retrieval date in manifest.json) is read as a
plain-text file and extracted like any document. Services are matched one to one with the truth (truth.json,
written before the extractor was tuned) on folded names: NFC, case-folded, without spaces and punctuation, and
without a trailing verb noun of building (설치, 구축, 조성, 교체, 개발, 확대, 도입; truth rule R3). Prints
precision, recall and F1 per text and pooled per split, municipality right, and every service taken from a table
of contents (texts whose truth has no services).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "tests" / "extract" / "data" / "prose"
_SUFFIX = re.compile(r"(?:설치|구축|조성|교체|개발|확대|도입)$")
_FOLD = re.compile(r"[\W_]+", re.UNICODE)


def key(name: str) -> str:
    """A name for matching: folded, without a trailing verb noun of building."""
    import unicodedata

    folded = _FOLD.sub("", unicodedata.normalize("NFKC", name).casefold())
    return _SUFFIX.sub("", folded) or folded


def extract(path: Path) -> tuple[list[str], str | None, list[bool]]:
    """(service names, municipality, from_prose flags) scatlas extracts from one file."""
    from scatlas.extract import extract_plan
    from scatlas.ingest import read_document

    plan = extract_plan(read_document(path))
    return [s.name for s in plan.services], plan.municipality, [s.from_prose for s in plan.services]


def score_text(got: list[str], truth: list[str]) -> tuple[int, list[str], list[str]]:
    """(matched, missed truth names, spurious extracted names), one to one on keys."""
    wanted = {key(t): t for t in truth}
    matched, spurious = 0, []
    for name in got:
        k = key(name)
        if k in wanted:
            matched += 1
            del wanted[k]
        else:
            spurious.append(name)
    return matched, list(wanted.values()), spurious


def prf(matched: int, got: int, truth: int) -> tuple[float, float, float]:
    p = matched / got if got else (1.0 if not truth else 0.0)
    r = matched / truth if truth else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "held_out", "all"], default="all")
    parser.add_argument("--show", action="store_true", help="list missed and spurious services")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    manifest = json.loads((args.data / "manifest.json").read_text(encoding="utf-8"))["texts"]
    truth = json.loads((args.data / "truth.json").read_text(encoding="utf-8"))["texts"]
    splits = ["dev", "held_out"] if args.split == "all" else [args.split]
    for split in splits:
        texts = [t for t in manifest if t["split"] == split]
        total = [0, 0, 0]
        muni_ok = 0
        negatives_taken: list[str] = []
        print(f"== {split}: {len(texts)} texts")
        for text in texts:
            t = truth[text["id"]]
            got, municipality, flags = extract(args.data / text["file"])
            matched, missed, spurious = score_text(got, t["services"])
            total[0] += matched
            total[1] += len(got)
            total[2] += len(t["services"])
            muni_ok += municipality == t["municipality"]
            if not t["services"]:
                negatives_taken.extend(got)
            p, r, f = prf(matched, len(got), len(t["services"]))
            print(f"  {text['id']:30} truth {len(t['services']):2} got {len(got):2}  P {p:4.2f} R {r:4.2f} F1 {f:4.2f}"
                  f"  municipality {municipality or '-'}{'' if municipality == t['municipality'] else ' (truth ' + str(t['municipality']) + ')'}")
            if args.show:
                if missed:
                    print(f"      missed: {' | '.join(missed)}")
                if spurious:
                    print(f"      spurious: {' | '.join(spurious)}")
        p, r, f = prf(*total)
        print(f"  pooled: P {p:.3f} R {r:.3f} F1 {f:.3f} ({total[0]} of {total[2]} found, {total[1]} extracted); "
              f"municipality right {muni_ok}/{len(texts)}; services taken from tables of contents: "
              f"{len(negatives_taken)}{' ' + str(negatives_taken) if negatives_taken else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
