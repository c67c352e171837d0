"""Render real prose texts as a PDF with a text layer and as a scanned, image-only PDF (the PDF and OCR paths).

    .venv/bin/python tools/prose/render_texts.py OUT_DIR [ID ...]      # default: every text of the manifest

For each text of tests/extract/data/prose/ writes OUT_DIR/<id>.pdf (A4, NanumGothic 10.5 pt, lines wrapped
at the page width, exactly the text's characters) and OUT_DIR/<id>_scan.pdf (that PDF's pages rendered at
200 dpi, turned 0.8°, blurred, saved as images only). tests/extract/test_prose_pdf.py reads both.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "extract" / "data" / "prose"
sys.path.insert(0, str(ROOT / "tools" / "samples"))

SIZE = 10.5
MARGIN = 60.0


def _wrap(line: str, width: float, font: str) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out, current = [], ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, SIZE) <= width or not current:
            current = candidate
        else:
            out.append(current)
            current = word
    out.append(current)
    return out


def text_pdf(text: str, out: Path) -> Path:
    """The text as a PDF with a text layer: one paragraph per line, wrapped, pages as needed."""
    from pdf_layout import FONT, register_fonts
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    register_fonts()
    c = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    y = A4[1] - MARGIN
    for paragraph in text.splitlines():
        for line in _wrap(paragraph, A4[0] - 2 * MARGIN, FONT) if paragraph.strip() else [""]:
            if y < MARGIN:
                c.showPage()
                y = A4[1] - MARGIN
            c.setFont(FONT, SIZE)
            c.drawString(MARGIN, y, line)
            y -= SIZE * 1.7
        y -= SIZE * 0.6
    c.save()
    return out


def scan_pdf(pdf: Path, out: Path, dpi: int = 200) -> Path:
    """The PDF's pages as a scan: images only."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    doc = pdfium.PdfDocument(str(pdf))
    images = [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
              .rotate(0.8, resample=Image.Resampling.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
              for page in doc]
    doc.close()
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi)
    return out


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))["texts"]
    wanted = set(args[1:])
    for entry in manifest:
        if wanted and entry["id"] not in wanted:
            continue
        pdf = text_pdf((DATA / entry["file"]).read_text(encoding="utf-8"), out / f"{entry['id']}.pdf")
        scan_pdf(pdf, out / f"{entry['id']}_scan.pdf")
        print(pdf, out / f"{entry['id']}_scan.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
