"""Score OCR on page images of the sample plans: scanned at 150–200 dpi, a little askew, blurred, no text layer.

    .venv/bin/python tools/ocr/score_scans.py                      # scans at 150 and 200 dpi, OCR at scan dpi
    .venv/bin/python tools/ocr/score_scans.py --scan-dpi 200 --ocr-dpi 200 300 400 --show

Each PDF sample plan (src/scatlas/data/samples/*.pdf) is rendered at the scan resolution, turned by 0.6–1.4°
(a different angle per page), blurred (Gaussian, radius 0.7 px) and saved as an image-only PDF; scatlas then
reads it (OCR) and extracts the plan. For every service of the truth file, the extracted name nearest to it by
characters is found (spaces and punctuation ignored): a service is *found* when that name is at least 80% the
same, and its *character accuracy* is 1 − edit distance / length. Prints found share, the share of found names
at least 95% right, mean character accuracy of the found names, and seconds per page, per setting.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "scatlas" / "data" / "samples"
_FOLD = re.compile(r"[\W_]+", re.UNICODE)
FOUND = 0.8


def fold(name: str) -> str:
    """A name for comparison: NFC, case-folded, no spaces or punctuation."""
    return _FOLD.sub("", unicodedata.normalize("NFC", name).casefold())


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def char_accuracy(truth: str, got: str) -> float:
    """1 − edit distance / truth length, on folded names (0 at worst)."""
    t, g = fold(truth), fold(got)
    return max(0.0, 1 - edit_distance(t, g) / max(1, len(t)))


def make_scan(pdf: Path, out: Path, dpi: int, seed: int) -> int:
    """An image-only copy of the PDF as a scanner would give it; returns the page count."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    doc = pdfium.PdfDocument(str(pdf))
    pages = []
    for page in doc:
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        angle = rng.choice([-1, 1]) * rng.uniform(0.6, 1.4)
        pages.append(image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
                     .filter(ImageFilter.GaussianBlur(0.7)))
    doc.close()
    pages[0].save(out, save_all=True, append_images=pages[1:], resolution=dpi)
    return len(pages)


def score_file(scan: Path, truth: dict, ocr_dpi: int) -> dict:
    """OCR + extraction of one scan against its truth."""
    from scatlas.errors import DocumentError
    from scatlas.extract import extract_plan
    from scatlas.ingest import read_document
    from scatlas.ingest.ocr import OcrSettings

    start = time.perf_counter()
    try:
        plan = extract_plan(read_document(scan, ocr=OcrSettings(dpi=ocr_dpi or None)))
        names = [s.name for s in plan.services]
        municipality = plan.municipality
    except DocumentError as exc:
        names, municipality = [], f"error {exc.code}"
    seconds = time.perf_counter() - start
    rows = []
    for service in truth["services"]:
        best = max(names, key=lambda n: char_accuracy(service["name"], n), default="")
        rows.append((service["name"], best, char_accuracy(service["name"], best) if best else 0.0))
    return {"file": truth["file"], "rows": rows, "extracted": len(names), "seconds": seconds,
            "municipality_ok": municipality == truth["municipality"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scan-dpi", type=int, nargs="+", default=[150, 200])
    parser.add_argument("--ocr-dpi", type=int, nargs="+", default=[0],
                        help="render resolution for OCR; 0: each page at its scan's own (scatlas's default)")
    parser.add_argument("--show", action="store_true", help="print every service: truth, best match, accuracy")
    parser.add_argument("--keep", type=Path, help="keep the scans in this folder")
    args = parser.parse_args(argv)
    truths = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.pdf.truth.json"))]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="scatlas-scans-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"{'scan dpi':>8} {'ocr dpi':>7} {'services':>8} {'found':>6} {'≥95%':>6} {'char acc':>8} "
          f"{'s/page':>6} {'extra':>5}")
    for scan_dpi in args.scan_dpi:
        scans = []
        for i, truth in enumerate(truths):
            source = SAMPLES / truth["file"]
            if truth.get("scan"):
                scans.append((source, truth, _pages(source)))  # already a scan (200 dpi, bilevel)
                continue
            out = folder / f"{source.stem}_{scan_dpi}dpi.pdf"
            scans.append((out, truth, make_scan(source, out, scan_dpi, seed=i)))
        for ocr_dpi in args.ocr_dpi:
            results = [score_file(path, truth, ocr_dpi) for path, truth, _ in scans]
            rows = [r for res in results for r in res["rows"]]
            found = [r for r in rows if r[2] >= FOUND]
            exact = [r for r in found if r[2] >= 0.95]
            pages = sum(n for _, _, n in scans)
            seconds = sum(res["seconds"] for res in results)
            extra = sum(res["extracted"] for res in results) - len(found)
            accuracy = sum(r[2] for r in found) / len(found) if found else 0.0
            print(f"{scan_dpi:8} {ocr_dpi:7} {len(rows):8} {len(found) / len(rows):6.3f} "
                  f"{len(exact) / len(rows):6.3f} {accuracy:8.3f} {seconds / pages:6.2f} {extra:5}")
            if args.show:
                for res in results:
                    print(f"  {res['file']}: {res['extracted']} extracted, municipality "
                          f"{'ok' if res['municipality_ok'] else 'WRONG'}, {res['seconds']:.1f} s")
                    for truth_name, got, acc in res["rows"]:
                        if acc < 1.0:
                            print(f"    {acc:4.2f}  {truth_name}  ←  {got}")
    print("found: nearest extracted name ≥ 80% right by characters; ≥95%: share of all services read ≥ 95% right; "
          "char acc: mean over found; extra: extracted names matching no service")
    return 0


def _pages(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


if __name__ == "__main__":
    sys.exit(main())
