"""Raw PDF reader speed: scatlas.ingest.read_document vs bare pypdfium2 text extraction, same file, same run.

Generates a 300-page Korean plan-like PDF (running header, page-number footer, ~30 lines of body text per
page, a ruled 10x4 table on every fifth page), then times both readers and prints pages/s and the ratio.
With --mixed every page also has a line set in two fonts (regular label, bold name), which sends every page
down the reader's slower text-rectangle path.

    .venv/bin/python bench/bench_pdf.py [--pages 300] [--repeat 3] [--mixed]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "samples"))
from pdf_layout import font_file

BODY = ("스마트 버스정류장은 실시간 도착 정보와 냉난방 쉼터를 제공하여 시민의 대중교통 이용 편의를 높인다. "
        "지능형 CCTV와 IoT 센서를 연계한 통합플랫폼으로 방범·방재 대응 시간을 줄인다.")


def build(path: Path, pages: int, mixed: bool = False) -> None:
    pdfmetrics.registerFont(TTFont("Nanum", str(font_file())))
    pdfmetrics.registerFont(TTFont("NanumBold", str(font_file(bold=True))))
    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    for p in range(1, pages + 1):
        c.setFont("Nanum", 8)
        c.drawString(60, h - 35, "목포시 스마트도시계획(2023~2027) | 제4장 스마트도시서비스")
        c.drawString(w / 2 - 8, 25, f"- {p} -")
        c.setFont("Nanum", 10)
        y = h - 70
        if mixed:
            c.drawString(60, y, "□ 서비스명 :")
            c.setFont("NanumBold", 10)
            c.drawString(120, y, f"스마트 서비스 {p}")
            c.setFont("Nanum", 10)
            y -= 20
        if p % 5 == 0:
            c.drawString(60, y, f"〈표 4-{p // 5}〉 스마트도시서비스 목록")
            top = y - 10
            xs = [60, 140, 330, 440, 535]
            for r in range(11):
                c.line(xs[0], top - r * 20, xs[-1], top - r * 20)
            for x in xs:
                c.line(x, top, x, top - 200)
            for r in range(10):
                cells = ["분야", "서비스명", "추진시기", "사업비"] if r == 0 else \
                    ["교통", f"스마트 서비스 {p}-{r}", "2024~2025", f"{r * 150}백만원"]
                for x, s in zip(xs, cells):
                    c.drawString(x + 4, top - r * 20 - 14, s)
            y = top - 220
        while y > 60:
            c.drawString(60, y, BODY[: 60])
            y -= 16
            c.drawString(60, y, BODY[60:])
            y -= 16
        c.showPage()
    c.save()


def raw_pdfium(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    chars = 0
    for i in range(len(pdf)):
        page = pdf[i]
        tp = page.get_textpage()
        chars += len(tp.get_text_range())
        tp.close()
        page.close()
    pdf.close()
    return chars


def scatlas_reader(path: Path) -> int:
    from scatlas.ingest import read_document

    return len(read_document(path).text())


def best_of(fn, path: Path, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The best wall time and the best CPU time of `repeat` runs (CPU time is fair on a shared machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn(path)
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return min(walls), min(cpus)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mixed", action="store_true", help="a two-font line on every page")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.pdf"
        t0 = time.perf_counter()
        build(path, args.pages, args.mixed)
        print(f"built {args.pages}-page PDF ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f} s")
        scatlas_reader(path)  # warm up: the lazy imports (pdfplumber's lattice functions) are paid once
        raw, raw_cpu = best_of(raw_pdfium, path, args.repeat)
        ours, ours_cpu = best_of(scatlas_reader, path, args.repeat)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        n = args.pages
        print(f"raw pypdfium2 text:     {n / raw:8.0f} pages/s wall, {n / raw_cpu:8.0f} pages/CPU-s")
        print(f"scatlas read_document:  {n / ours:8.0f} pages/s wall, {n / ours_cpu:8.0f} pages/CPU-s "
              f"(tables on {n // 5} pages)")
        print(f"ratio scatlas/raw:      {raw / ours:8.3f} wall, {raw_cpu / ours_cpu:8.3f} CPU;  peak RSS {peak:.0f} MB")


if __name__ == "__main__":
    main()
