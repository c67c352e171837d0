"""OCR speed: scatlas's OCR path against the `tesseract` command alone, on the same page images, same run.

    .venv/bin/python bench/bench_ocr.py                 # 12 pages at 200 dpi; --pages N --dpi D --keep DIR

Renders pages of the PDF sample plans at the scan resolution, turns each a little and blurs it (as
tools/ocr/score_scans.py does), and writes them both as PNG files and as one image-only PDF. Then, each in its
own process and with peak memory (ru_maxrss of that process):

- (a) `tesseract PAGE.png out -l kor tsv` (word boxes and confidences, the output scatlas needs) one page after
  another, OMP_THREAD_LIMIT=1: the baseline, one core;
- (b) the same on 2 processes at once (two pages in flight);
- (c) `read_document` on the image-only PDF with 1 OCR thread (render, deskew, rules, Tesseract, tables);
- (d) the same with one thread per core.

Prints pages/s and CPU seconds of each, (c)/(a) — scatlas per core against the bare command — and (d)/(a),
(d)/(c). Goals (issue 13): (c)/(a) ≥ 0.8, (d)/(a) ≥ 1.8 on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "scatlas" / "data" / "samples"
SOURCES = ["goyang_2024_table.pdf", "mokpo_2019_cards.pdf", "gimhae_2024_landscape.pdf"]

_CHILD_TESSERACT = r"""
import os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
pages, workers, out = sys.argv[1:-2], int(sys.argv[-2]), sys.argv[-1]
env = dict(os.environ, OMP_THREAD_LIMIT="1")
def one(i_page):
    i, page = i_page
    subprocess.run(["tesseract", page, f"{out}/p{i}", "-l", "kor", "tsv"], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
start = time.perf_counter()
with ThreadPoolExecutor(workers) as pool:
    list(pool.map(one, enumerate(pages)))
print(time.perf_counter() - start)
"""

_CHILD_SCATLAS = r"""
import sys, time
from scatlas.ingest import read_document
from scatlas.ingest.ocr import OcrSettings
pdf, workers = sys.argv[1], int(sys.argv[2])
start = time.perf_counter()
doc = read_document(pdf, ocr=OcrSettings(workers=workers))
seconds = time.perf_counter() - start
assert sum(p.ocr_confidence is not None for p in doc.pages) == len(doc.pages), doc.warnings
print(seconds)
"""

_WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
if proc.returncode:
    sys.stderr.write(proc.stderr)
    sys.exit(proc.returncode)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"inner": float(proc.stdout.strip().splitlines()[-1]), "cpu": usage.ru_utime + usage.ru_stime,
                  "rss_mb": usage.ru_maxrss / 1024}))
"""


def make_pages(folder: Path, n: int, dpi: int) -> tuple[list[Path], Path]:
    """n degraded page images (PNG) and the same images as one image-only PDF."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(13)
    images = []
    while len(images) < n:
        for name in SOURCES:
            doc = pdfium.PdfDocument(str(SAMPLES / name))
            for index in range(1, len(doc)):  # past the cover
                if len(images) >= n:
                    break
                image = doc[index].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
                angle = rng.choice([-1, 1]) * rng.uniform(0.6, 1.4)
                images.append(image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
                              .filter(ImageFilter.GaussianBlur(0.7)))
            doc.close()
    pngs = []
    for i, image in enumerate(images):
        path = folder / f"page{i:03}.png"
        image.save(path, dpi=(dpi, dpi))
        pngs.append(path)
    pdf = folder / "scan.pdf"
    images[0].save(pdf, save_all=True, append_images=images[1:], resolution=dpi)
    return pngs, pdf


def measure(args: list[str]) -> dict[str, float]:
    """Run a child through the wrapper: its own seconds, CPU seconds and peak RSS."""
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=12)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args(argv)
    cores = len(os.sched_getaffinity(0))
    folder = args.keep or Path(tempfile.mkdtemp(prefix="scatlas-bench-ocr-"))
    folder.mkdir(parents=True, exist_ok=True)
    pngs, pdf = make_pages(folder, args.pages, args.dpi)
    out = folder / "tsv"
    out.mkdir(exist_ok=True)
    n = len(pngs)
    print(f"{n} pages at {args.dpi} dpi, {cores} core(s), load average {os.getloadavg()[0]:.2f}")
    runs = {
        "(a) tesseract command, 1 process": measure([sys.executable, "-c", _CHILD_TESSERACT, *map(str, pngs), "1",
                                                     str(out)]),
        f"(b) tesseract command, {cores} processes": measure([sys.executable, "-c", _CHILD_TESSERACT,
                                                             *map(str, pngs), str(cores), str(out)]),
        "(c) scatlas read_document, 1 thread": measure([sys.executable, "-c", _CHILD_SCATLAS, str(pdf), "1"]),
        f"(d) scatlas read_document, {cores} threads": measure([sys.executable, "-c", _CHILD_SCATLAS, str(pdf),
                                                               str(cores)]),
    }
    print(f"{'run':42} {'s':>7} {'pages/s':>8} {'CPU s':>7} {'peak MB':>8}")
    rate = {}
    for name, r in runs.items():
        rate[name[:3]] = n / r["inner"]
        print(f"{name:42} {r['inner']:7.1f} {n / r['inner']:8.3f} {r['cpu']:7.1f} {r['rss_mb']:8.0f}")
    cpu = {name[:3]: n / r["cpu"] for name, r in runs.items()}
    print(f"pages per CPU-second: tesseract {cpu['(a)']:.3f}, scatlas {cpu['(c)']:.3f} → ratio "
          f"{cpu['(c)'] / cpu['(a)']:.2f} (the per-core figure that waiting for a busy CPU does not distort)")
    print(f"(c)/(a) scatlas per core vs tesseract: {rate['(c)'] / rate['(a)']:.2f}  (goal ≥ 0.8)")
    print(f"(d)/(a) scatlas on {cores} cores vs tesseract on 1: {rate['(d)'] / rate['(a)']:.2f}  (goal ≥ 1.8)")
    print(f"(d)/(c) scatlas {cores} threads vs 1: {rate['(d)'] / rate['(c)']:.2f};  "
          f"(b)/(a) tesseract {cores} processes vs 1: {rate['(b)'] / rate['(a)']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
