"""write_report: analysis.json, report.html, report.xlsx and report.pdf from a catalogue into a folder."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scatlas.analysis.build import analyse_rows
from scatlas.analysis.diagnosis import diagnose
from scatlas.analysis.frame import Basis, load_rows
from scatlas.errors import ScatlasError
from scatlas.report import findings as fnd
from scatlas.report.charts import FILE_DPI, PAGE_DPI, all_charts, downscale, render
from scatlas.report.document import build_document
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


@dataclass
class ReportOptions:
    """What the title page says: title (default by scope), author, institution, date (default: today)."""

    title: str | None = None
    author: str | None = None
    institution: str | None = None
    date: str | None = None

    def meta(self) -> list[str]:
        line = " · ".join(x for x in (self.author, self.institution, self.date or date.today().isoformat()) if x)
        return [line]


def write_report(
    cat: Catalogue,
    out_dir: Path,
    basis: Basis = "effective",
    municipality: str | None = None,
    formats: tuple[str, ...] = ("json", "html", "xlsx", "pdf"),
    options: ReportOptions | None = None,
    chart_files: bool = True,
) -> ReportResult:
    """Analyse the catalogue and write the report files into `out_dir` (created if missing).

    report.html, report.pdf and report.xlsx come from one document model (same sections, numbering, tables); with
    `chart_files` every chart is also written beside them as a 300-dpi PNG and an SVG (charts/NAME.png|svg).
    """
    options = options or ReportOptions()
    timings: dict[str, float] = {}
    t = time.perf_counter()
    rows = load_rows(cat, basis)
    timings["load"] = time.perf_counter() - t
    if not rows:
        raise ReportError(f"{cat.path}: 카탈로그에 서비스가 없다. 먼저 계획을 넣는다 (scatlas ingest)")
    t = time.perf_counter()
    analysis = analyse_rows(rows, basis)
    timings["analyse"] = time.perf_counter() - t
    if municipality is not None:
        known = [m["municipality"] for m in analysis["by_municipality"]]
        if municipality not in known:
            shown = ", ".join(known[:20]) + (" …" if len(known) > 20 else "")
            raise ReportError(f"{cat.path}에 자치단체 ‘{municipality}’의 서비스가 없다. 있는 자치단체: {shown}")
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
    doc = build_document(analysis, municipality=municipality, title=options.title, meta=options.meta())
    page_png: dict[str, bytes] = {}
    file_png: dict[str, bytes] = {}
    if {"html", "pdf"} & set(formats) or chart_files:
        t = time.perf_counter()
        figures = all_charts(analysis)
        file_png = {k: render(f, "png", FILE_DPI) for k, f in figures.items()}
        page_png = {k: downscale(png, PAGE_DPI) for k, png in file_png.items()} if "html" in formats else {}
        if chart_files:
            folder = out_dir / "charts"
            folder.mkdir(exist_ok=True)
            for k, f in figures.items():
                (folder / f"{k}.png").write_bytes(file_png[k])
                (folder / f"{k}.svg").write_bytes(render(f, "svg"))
            files["charts"] = folder
        timings["charts"] = time.perf_counter() - t
    if "html" in formats:
        t = time.perf_counter()
        files["html"] = out_dir / "report.html"
        files["html"].write_text(render_html(analysis, page_png, doc=doc), encoding="utf-8")
        timings["html"] = time.perf_counter() - t
    if "xlsx" in formats:
        t = time.perf_counter()
        files["xlsx"] = write_xlsx(
            analysis,
            rows if municipality is None else [r for r in rows if r.municipality == municipality],
            out_dir / "report.xlsx",
            doc=doc,
        )
        timings["xlsx"] = time.perf_counter() - t
    if "pdf" in formats:
        t = time.perf_counter()
        files["pdf"] = write_pdf(
            analysis,
            file_png,
            out_dir / "report.pdf",
            municipality=municipality,
            doc=doc,
            author=options.author or "scatlas",
        )
        timings["pdf"] = time.perf_counter() - t
    return ReportResult(files, analysis, {k: round(v, 3) for k, v in timings.items()})
