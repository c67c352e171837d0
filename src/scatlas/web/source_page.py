"""A service's source page as an image, with the service's text marked (pypdfium2 renders, Pillow marks)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

#: Render scale: 1.5 × 72 dpi is legible on a screen and ~100–300 KB per page.
SCALE = 1.5


@dataclass
class RenderedPage:
    png: bytes
    marked: int  # how many boxes were drawn (0: the text was not found on the page)
    pages: int


def _needles(name: str, description: str) -> list[str]:
    """What to look for: the name, then its longest words, then the start of the description."""
    name = re.sub(r"\s+", " ", name).strip()
    out = [name] if name else []
    words = sorted({w for w in re.split(r"[\s/·,()]+", name) if len(w) >= 3}, key=len, reverse=True)
    out += words[:3]
    if description:
        out.append(re.sub(r"\s+", " ", description).strip()[:20])
    return [n for n in out if n]


def render_page(data: bytes, page: int, name: str, description: str = "", scale: float = SCALE) -> RenderedPage:
    """The PNG of 1-based ``page`` with every occurrence of the service's name (or its words) boxed in red.

    Raises ValueError for a page outside the document.
    """
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    pdf = pdfium.PdfDocument(data)
    try:
        if not 1 <= page <= len(pdf):
            raise ValueError(f"page {page} outside 1–{len(pdf)}")
        pdf_page = pdf[page - 1]
        height = pdf_page.get_height()
        image = pdf_page.render(scale=scale).to_pil().convert("RGBA")
        boxes = _find(pdf_page, _needles(name, description))
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for left, bottom, right, top in boxes:
            rect = (left * scale - 2, (height - top) * scale - 2, right * scale + 2, (height - bottom) * scale + 2)
            draw.rectangle(rect, fill=(255, 230, 0, 90), outline=(220, 0, 0, 255), width=3)
        out = io.BytesIO()
        Image.alpha_composite(image, overlay).convert("RGB").save(out, format="PNG", optimize=True)
        return RenderedPage(out.getvalue(), len(boxes), len(pdf))
    finally:
        pdf.close()


def _find(pdf_page, needles: list[str]) -> list[tuple[float, float, float, float]]:
    """Boxes of the first needle found on the page (all its occurrences)."""
    textpage = pdf_page.get_textpage()
    try:
        for needle in needles:
            boxes = []
            searcher = textpage.search(needle, match_case=False, match_whole_word=False)
            while True:
                hit = searcher.get_next()
                if hit is None:
                    break
                index, count = hit
                for i in range(textpage.count_rects(index, count)):
                    boxes.append(textpage.get_rect(i))
            if boxes:
                return boxes
        return []
    finally:
        textpage.close()
