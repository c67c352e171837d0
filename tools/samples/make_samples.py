"""Regenerate every fictional sample plan and its ground truth.

    .venv/bin/python tools/samples/make_samples.py [--out DIR]

Writes <file> and <file>.truth.json for each plan in content.PLANS into src/scatlas/data/samples/ (or DIR).
Dates and ids are fixed, so running it twice gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from content import PLANS, Plan
from make_hwpx import build_list_hwpx, build_table_hwpx
from make_office import build_annex_xlsx, build_list_docx, build_table_docx
from make_pdf import build_cards_pdf, build_landscape_pdf, build_scanned_pdf, build_table_pdf

DEFAULT_OUT = HERE.parents[1] / "src" / "scatlas" / "data" / "samples"

#: file stem -> the builder that lays the plan out; PDF builders return {service name: physical page}
BUILDERS: dict[str, Callable[[Plan, Path], dict[str, int] | None]] = {
    "goyang_2024_table": build_table_pdf,
    "mokpo_2019_cards": build_cards_pdf,
    "gimhae_2024_landscape": build_landscape_pdf,
    "haenam_2024_scan": build_scanned_pdf,
    "cheonan_2024_list": build_list_hwpx,
    "suncheon_2019_table": build_table_hwpx,
    "suwon_2024_table": build_table_docx,
    "pohang_2019_list": build_list_docx,
    "yangpyeong_2024_annex": build_annex_xlsx,
}


def truth(plan: Plan, pages: dict[str, int] | None) -> dict:
    """The ground truth of one file, from the same content the document was drawn from."""
    services = []
    if plan.expected_error is None:
        for s in plan.services:
            services.append({"name": s.name, "declared_domain": s.domain, "declared_label": s.label,
                             "description": s.description, "page": pages[s.name] if pages else None})
    return {"file": plan.file, "format": plan.fmt, "municipality": plan.municipality,
            "municipality_code": plan.municipality_code, "plan_title": plan.title, "period": list(plan.period),
            "expected_error": plan.expected_error, "fictional": True,
            **({"scan": True} if plan.key.endswith("_scan") else {}), "services": services}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for plan in PLANS:
        path = args.out / plan.file
        pages = BUILDERS[plan.key](plan, path)
        data = truth(plan, pages)
        (args.out / f"{plan.file}.truth.json").write_text(
            json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        size = path.stat().st_size
        total += size
        print(f"{plan.file:32} {size / 1024:7.1f} KB  {len(data['services']):3} services")
        if size > 300 * 1024:
            print(f"  warning: {plan.file} is over 300 KB", file=sys.stderr)
    print(f"{'total':32} {total / 1024:7.1f} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
