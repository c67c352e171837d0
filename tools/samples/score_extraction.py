"""Score scatlas's extraction against the sample plans' ground truth and print a per-file table.

    .venv/bin/python tools/samples/score_extraction.py [--samples DIR] [--file NAME] [--show-misses]

For each sample: read -> extract (the tabular importer for XLSX/CSV), then service-level precision and recall
(names compared after NFC, whitespace and punctuation folding, one-to-one), whether municipality, code and period
are right, the share of matched services on the right physical page, and the declared-domain agreement.
tests/samples/test_sample_plans.py asserts on the same numbers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "scatlas" / "data" / "samples"
TABULAR = {".xlsx", ".csv"}
_FOLD = re.compile(r"[\W_]+", re.UNICODE)


def fold_name(name: str) -> str:
    """A service name folded for comparison: NFC, case-folded, without whitespace or punctuation."""
    return _FOLD.sub("", unicodedata.normalize("NFC", name).casefold())


@dataclass
class Extracted:
    """What scatlas produced for one file (or the error it reported)."""

    municipality: str | None = None
    municipality_code: str | None = None
    period: tuple[int, int] | None = None
    services: list[dict[str, Any]] = field(default_factory=list)  # name, declared_domain, page
    error: str | None = None
    error_message: str | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class Score:
    file: str
    truth_count: int
    extracted_count: int
    matched: int
    page_right: int
    page_checked: int
    domain_right: int
    description_exact: int  # matched services whose description equals the printed one (spaces collapsed)
    meta_ok: bool
    meta_detail: str
    expected_error: str | None
    error: str | None
    missed: list[str]
    spurious: list[str]
    wrong_pages: list[str]
    seconds: float

    @property
    def precision(self) -> float:
        return self.matched / self.extracted_count if self.extracted_count else (1.0 if not self.truth_count else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.truth_count if self.truth_count else 1.0

    @property
    def page_share(self) -> float:
        return self.page_right / self.page_checked if self.page_checked else 1.0

    @property
    def error_ok(self) -> bool:
        return self.error == self.expected_error


def load_truths(folder: Path = SAMPLES) -> list[dict[str, Any]]:
    """Every <file>.truth.json in the folder, in file-name order."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.truth.json"))]


def run_extraction(path: Path) -> Extracted:
    """scatlas on one file: read_document + extract_plan, or the tabular importer for XLSX/CSV."""
    from scatlas.errors import DocumentError

    start = time.perf_counter()
    out = Extracted()
    try:
        if path.suffix.lower() in TABULAR:
            from scatlas.ingest.tabular import import_tabular

            result = import_tabular(path)
            plans = result.plans
            if len(plans) != 1:
                out.warnings.append(f"tabular import gave {len(plans)} plans")
            plan = plans[0] if plans else None
            out.warnings.extend(result.notes)
        else:
            from scatlas.extract import extract_plan
            from scatlas.ingest import read_document

            plan = extract_plan(read_document(path))
        if plan is not None:
            out.municipality = plan.municipality
            out.municipality_code = plan.municipality_code
            out.period = tuple(plan.period) if plan.period else None
            out.services = [{"name": s.name, "declared_domain": s.declared_domain, "page": s.page,
                             "description": s.description}
                            for s in plan.services]
            out.warnings.extend(plan.warnings)
    except DocumentError as exc:
        out.error, out.error_message = exc.code, exc.message
    out.seconds = time.perf_counter() - start
    return out


def score(truth: dict[str, Any], got: Extracted) -> Score:
    """Compare one file's extraction with its truth (one-to-one matching on folded names)."""
    wanted: dict[str, dict[str, Any]] = {}
    for s in truth["services"]:
        wanted.setdefault(fold_name(s["name"]), s)
    matched = page_right = page_checked = domain_right = description_exact = 0
    spurious, wrong_pages = [], []
    seen: set[str] = set()
    for s in got.services:
        key = fold_name(s["name"])
        if key in wanted and key not in seen:
            seen.add(key)
            matched += 1
            t = wanted[key]
            if t["page"] is not None:
                page_checked += 1
                if s.get("page") == t["page"]:
                    page_right += 1
                else:
                    wrong_pages.append(f"{t['name']} (p.{s.get('page')}, truth p.{t['page']})")
            if s.get("declared_domain") == t["declared_domain"]:
                domain_right += 1
            if " ".join((s.get("description") or "").split()) == " ".join(t["description"].split()):
                description_exact += 1
        else:
            spurious.append(s["name"])
    missed = [t["name"] for k, t in wanted.items() if k not in seen]
    detail = []
    if truth["expected_error"] is None:
        if got.municipality != truth["municipality"]:
            detail.append(f"municipality {got.municipality!r} != {truth['municipality']!r}")
        if got.municipality_code != truth["municipality_code"]:
            detail.append(f"code {got.municipality_code!r} != {truth['municipality_code']!r}")
        if got.period != tuple(truth["period"]):
            detail.append(f"period {got.period!r} != {tuple(truth['period'])!r}")
    return Score(truth["file"], len(truth["services"]), len(got.services), matched, page_right, page_checked,
                 domain_right, description_exact, not detail, "; ".join(detail), truth["expected_error"], got.error, missed, spurious,
                 wrong_pages, got.seconds)


def score_all(folder: Path = SAMPLES, only: str | None = None) -> list[tuple[Score, Extracted]]:
    results = []
    for truth in load_truths(folder):
        if only and only not in truth["file"]:
            continue
        got = run_extraction(folder / truth["file"])
        results.append((score(truth, got), got))
    return results


def totals(scores: list[Score]) -> dict[str, float]:
    """Precision, recall and page share pooled over all files."""
    matched = sum(s.matched for s in scores)
    extracted = sum(s.extracted_count for s in scores)
    truth = sum(s.truth_count for s in scores)
    checked = sum(s.page_checked for s in scores)
    return {"precision": matched / extracted if extracted else 0.0, "recall": matched / truth if truth else 0.0,
            "page_share": sum(s.page_right for s in scores) / checked if checked else 1.0,
            "domain_share": sum(s.domain_right for s in scores) / matched if matched else 0.0,
            "description_share": sum(s.description_exact for s in scores) / matched if matched else 0.0,
            "matched": matched, "extracted": extracted, "truth": truth}


def format_table(scores: list[Score], *, show_misses: bool = False) -> str:
    lines = [(f"{'file':30} {'truth':>5} {'got':>4} {'P':>5} {'R':>5} {'page':>5} {'dom':>5} {'desc':>5} {'meta':>4} "
             f"{'error':>14} {'s':>5}")]
    for s in scores:
        err = s.error or "-"
        if s.expected_error or s.error:
            err = f"{err}{'' if s.error_ok else '!'}"
        dom = s.domain_right / s.matched if s.matched else 0.0
        desc = s.description_exact / s.matched if s.matched else 0.0
        lines.append(f"{s.file:30} {s.truth_count:5} {s.extracted_count:4} {s.precision:5.2f} {s.recall:5.2f} "
                     f"{s.page_share:5.2f} {dom:5.2f} {desc:5.2f} {'ok' if s.meta_ok else 'BAD':>4} {err:>14} {s.seconds:5.2f}")
        if not s.meta_ok:
            lines.append(f"    metadata: {s.meta_detail}")
        if show_misses:
            for label, items in (("missed", s.missed), ("spurious", s.spurious), ("wrong page", s.wrong_pages)):
                if items:
                    lines.append(f"    {label} ({len(items)}): " + " | ".join(items))
    t = totals([s for s in scores if s.expected_error is None and not s.file.endswith("_scan.pdf")])
    lines.append(f"{'all (text layer, no error)':30} {t['truth']:5} {t['extracted']:4} {t['precision']:5.2f} "
                 f"{t['recall']:5.2f} {t['page_share']:5.2f} {t['domain_share']:5.2f} {t['description_share']:5.2f}")
    lines.append("the scanned sample is read by OCR: exact-name P/R understate it (tools/ocr/score_scans.py scores OCR)")
    lines.append("P/R: precision/recall of service names; page: matched services on the right physical page; "
                 "dom: declared domain right; desc: description exactly as printed (spaces collapsed)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    parser.add_argument("--file", help="only files whose name contains this")
    parser.add_argument("--show-misses", action="store_true", help="list missed, spurious and wrong-page services")
    parser.add_argument("--warnings", action="store_true", help="print the extractor's warnings per file")
    args = parser.parse_args(argv)
    results = score_all(args.samples, args.file)
    print(format_table([s for s, _ in results], show_misses=args.show_misses))
    if args.warnings:
        for s, got in results:
            for w in got.warnings:
                print(f"{s.file}: {w}")
            if got.error_message:
                print(f"{s.file}: error {got.error}: {got.error_message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
