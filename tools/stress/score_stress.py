"""Score scatlas on the stress set: per-case service precision and recall.

    .venv/bin/python tools/stress/score_stress.py [OUT_DIR]     # builds the set into OUT_DIR (or a temp dir)

Names are compared as tests/samples compares them (NFC, case folding, no whitespace or punctuation), one to one.
"""

from __future__ import annotations

import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_stress import make_all

_FOLD = re.compile(r"[\W_]+", re.UNICODE)


def fold_name(name: str) -> str:
    """A service name folded for comparison: NFC, case-folded, without whitespace or punctuation."""
    return _FOLD.sub("", unicodedata.normalize("NFC", name).casefold())


@dataclass
class CaseScore:
    case: str
    truth: int
    extracted: int
    matched: int
    domain_right: int = 0
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.truth if self.truth else 1.0


def score_case(case: str, path: Path, truth: list[dict]) -> CaseScore:
    from scatlas.errors import DocumentError
    from scatlas.extract import extract_plan
    from scatlas.ingest import read_document
    from scatlas.taxonomy import domain_name, try_normalise_domain

    try:
        services = extract_plan(read_document(path)).services
    except DocumentError as exc:
        return CaseScore(case, len(truth), 0, 0, missed=[t["name"] for t in truth], error=exc.code)
    wanted = {fold_name(t["name"]): t for t in truth}
    seen: set[str] = set()
    out = CaseScore(case, len(truth), len(services), 0)
    for s in services:
        key = fold_name(s.name)
        if key in wanted and key not in seen:
            seen.add(key)
            out.matched += 1
            label = wanted[key]["domain"]
            want = domain_name(d) if label and (d := try_normalise_domain(label)) else None
            out.domain_right += s.declared_domain == want
        else:
            out.spurious.append(s.name)
    out.missed = [t["name"] for k, t in wanted.items() if k not in seen]
    return out


def score_all(folder: Path) -> list[CaseScore]:
    truth = make_all(folder)
    return [score_case(case, folder / spec["file"], spec["services"]) for case, spec in truth.items()]


def format_scores(scores: list[CaseScore]) -> str:
    lines = [f"{'case':16s} {'truth':>5s} {'got':>4s} {'P':>5s} {'R':>5s} {'dom':>4s}  misses / spurious"]
    for s in scores:
        lines.append(f"{s.case:16s} {s.truth:5d} {s.extracted:4d} {s.precision:5.2f} {s.recall:5.2f} "
                     f"{s.domain_right:4d}  {s.missed[:3]} {s.spurious[:3]}" + (f" error {s.error}" if s.error else ""))
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(format_scores(score_all(Path(sys.argv[1]))))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            print(format_scores(score_all(Path(tmp))))
