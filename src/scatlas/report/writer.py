"""write_report: analysis.json, report.html, report.xlsx and report.pdf from a catalogue into a folder."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scatlas.analysis.build import analyse_rows
from scatlas.analysis.diagnosis import diagnose
from scatlas.analysis.frame import Basis, load_rows
from scatlas.errors import ScatlasError
from scatlas.report import findings as fnd
from scatlas.report.charts import all_charts
from scatlas.report.html import render_html
from scatlas.report.pdf import write_pdf
from scatlas.report.xlsx import write_xlsx

if TYPE_CHECKING:
    from scatlas.catalogue import Catalogue


class ReportError(ScatlasError):
    """The report cannot be written as asked (unknown municipality, empty catalogue …)."""


@dataclass
class ReportResult:
    """Where the files went, the analysis they show, and how long each step took (seconds)."""

    files: dict[str, Path]
    analysis: dict[str, Any]
    timings: dict[str, float] = field(default_factory=dict)


def write_report(cat: "Catalogue", out_dir: Path, basis: Basis = "effective",
                 municipality: str | None = None, formats: tuple[str, ...] = ("json", "html", "xlsx", "pdf"),
                 ) -> ReportResult:
    """Analyse the catalogue and write the report files into `out_dir` (created if missing)."""
    timings: dict[str, float] = {}
    t = time.perf_counter()
    rows = load_rows(cat, basis)
    timings["load"] = time.perf_counter() - t
    if not rows:
        raise ReportError(f"{cat.path}: the catalogue holds no services; ingest plans first (scatlas ingest)")
    t = time.perf_counter()
    analysis = analyse_rows(rows, basis)
    timings["analyse"] = time.perf_counter() - t
    if municipality is not None:
        known = [m["municipality"] for m in analysis["by_municipality"]]
        if municipality not in known:
            shown = ", ".join(known[:20]) + (" …" if len(known) > 20 else "")
            raise ReportError(f"no services of municipality {municipality!r} in {cat.path}; known: {shown}")
        analysis["diagnosis"] = diagnose(analysis, municipality)
        analysis["diagnosis"]["findings"] = fnd.diagnosis(analysis["diagnosis"])
    analysis["findings"] = fnd.all_findings(analysis)
    out_dir.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    if "json" in formats:
        t = time.perf_counter()
        files["json"] = out_dir / "analysis.json"
        files["json"].write_text(json.dumps(analysis, ensure_ascii=False, indent=1), encoding="utf-8")
        timings["json"] = time.perf_counter() - t
    charts: dict[str, bytes] = {}
    if "html" in formats or "pdf" in formats:
        t = time.perf_counter()
        charts = all_charts(analysis)
        timings["charts"] = time.perf_counter() - t
    if "html" in formats:
        t = time.perf_counter()
        files["html"] = out_dir / "report.html"
        files["html"].write_text(render_html(analysis, charts, municipality=municipality), encoding="utf-8")
        timings["html"] = time.perf_counter() - t
    if "xlsx" in formats:
        t = time.perf_counter()
        files["xlsx"] = write_xlsx(analysis, rows if municipality is None else
                                   [r for r in rows if r.municipality == municipality], out_dir / "report.xlsx")
        timings["xlsx"] = time.perf_counter() - t
    if "pdf" in formats:
        t = time.perf_counter()
        files["pdf"] = write_pdf(analysis, charts, out_dir / "report.pdf", municipality=municipality)
        timings["pdf"] = time.perf_counter() - t
    return ReportResult(files, analysis, {k: round(v, 3) for k, v in timings.items()})
