"""OCR of pages without usable text: real Tesseract on rendered pages (skipped, with the reason, without it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageFilter

from scatlas.errors import DocumentError
from scatlas.ingest import Table, TextBlock, read_document
from scatlas.ingest.ocr import OcrSettings, ocr_unavailable

from .builders import build_pdf, grid_table, text

MISSING = ocr_unavailable()
needs_tesseract = pytest.mark.skipif(MISSING is not None, reason=f"Tesseract's Korean model is absent: {MISSING}")


def scan_of(pdf: Path, out: Path, dpi: int = 200, angle: float = 0.8, blur: float = 0.6) -> Path:
    """The PDF as an image-only PDF: each page rendered, turned a little, blurred, text layer gone."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    images = []
    for page in doc:
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        images.append(
            image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(blur))
        )
    doc.close()
    images[0].save(out, save_all=True, append_images=images[1:], resolution=dpi)
    return out


ROWS = [
    ["분야", "서비스명", "서비스 내용"],
    ["교통", "스마트 버스정류장", "실시간 도착 안내"],
    ["안전", "지능형 방범 관제", "이상행동 감지"],
    ["환경", "미세먼지 측정망", "동네별 측정"],
]


def table_pdf(path: Path) -> Path:
    return build_pdf(
        path,
        [
            lambda c: [
                f(c)
                for f in (
                    text(72, 760, "제5장 스마트도시서비스 구축 계획", size=14),
                    grid_table(72, 720, [90, 170, 200], ROWS),
                )
            ]
        ],
    )


def test_without_tesseract_the_error_says_what_to_install(tmp_path: Path, monkeypatch) -> None:
    import scatlas.ingest.pdf as pdf_module

    monkeypatch.setattr(pdf_module, "ocr_unavailable", lambda lang="kor": "install tesseract-ocr-kor (test)")
    scan = scan_of(table_pdf(tmp_path / "t.pdf"), tmp_path / "scan.pdf")
    with pytest.raises(DocumentError) as err:
        read_document(scan)
    assert err.value.code == "needs_ocr" and "tesseract-ocr-kor" in err.value.message
    assert "scan.pdf" in err.value.message


def test_the_real_hint_names_the_debian_packages(monkeypatch) -> None:
    monkeypatch.setenv("TESSDATA_PREFIX", "/nonexistent")
    import scatlas.ingest.ocr as ocr

    monkeypatch.setattr(ocr, "TESSDATA_DIRS", ())
    reason = ocr.ocr_unavailable()
    assert reason is not None and "apt-get install tesseract-ocr tesseract-ocr-kor" in reason


def test_ocr_off_keeps_the_old_error(tmp_path: Path) -> None:
    scan = scan_of(table_pdf(tmp_path / "t.pdf"), tmp_path / "scan.pdf")
    with pytest.raises(DocumentError) as err:
        read_document(scan, ocr=None)
    assert err.value.code == "no_text_layer"


@needs_tesseract
def test_scanned_ruled_table_becomes_the_same_table(tmp_path: Path) -> None:
    scan = scan_of(table_pdf(tmp_path / "t.pdf"), tmp_path / "scan.pdf")
    doc = read_document(scan)
    tables = [b for b in doc.blocks() if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].n_rows == 4 and tables[0].n_cols == 3
    names = [row[1].replace(" ", "") for row in tables[0].grid()]
    assert names == [r[1].replace(" ", "") for r in ROWS]
    assert doc.pages[0].ocr_confidence is not None and doc.pages[0].ocr_confidence > 0.7
    assert any("read by OCR" in w for w in doc.warnings)
    assert any("구축 계획" in b.text for b in doc.blocks() if isinstance(b, TextBlock))


@needs_tesseract
def test_mixed_file_ocrs_only_the_pages_without_text(tmp_path: Path) -> None:
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader

    from .builders import H, W

    source = pdfium.PdfDocument(str(table_pdf(tmp_path / "t.pdf")))
    image = source[0].render(scale=200 / 72, grayscale=True).to_pil()
    source.close()
    mixed = build_pdf(
        tmp_path / "mixed.pdf",
        [text(72, 700, "첫 쪽은 글자 층이 있는 본문"), lambda c: c.drawImage(ImageReader(image), 0, 0, W, H)],
    )
    doc = read_document(mixed)
    assert doc.pages[0].ocr_confidence is None and doc.pages[1].ocr_confidence is not None
    assert [b.text for b in doc.pages[0].blocks] == ["첫 쪽은 글자 층이 있는 본문"]
    assert any(isinstance(b, Table) for b in doc.pages[1].blocks)
    assert any("1 page(s) read by OCR" in w and ": 2" in w for w in doc.warnings)


@needs_tesseract
def test_ocr_pages_are_cached_by_file_hash(tmp_path: Path) -> None:
    calls: list[tuple[str, int]] = []

    class Cache:
        def __init__(self) -> None:
            self.pages: dict[tuple[str, int, str], str] = {}

        def get_ocr_page(self, key: str, page: int, settings: str) -> str | None:
            calls.append(("get", page))
            return self.pages.get((key, page, settings))

        def put_ocr_page(self, key: str, page: int, settings: str, data: str) -> None:
            calls.append(("put", page))
            self.pages[(key, page, settings)] = data

    scan = scan_of(table_pdf(tmp_path / "t.pdf"), tmp_path / "scan.pdf")
    cache = Cache()
    first = read_document(scan, ocr=OcrSettings(cache=cache, file_key="abc"))
    assert ("put", 1) in calls
    calls.clear()
    second = read_document(scan, ocr=OcrSettings(cache=cache, file_key="abc"))
    assert calls == [("get", 1)], "the page was not OCRed again"
    assert first.text() == second.text()


def test_card_marks_read_as_letters_are_restored() -> None:
    from scatlas.ingest.ocr_pages import restore_marks

    assert restore_marks("ㅁ 스마트 버스정류장") == "□ 스마트 버스정류장"
    assert restore_marks("O 서비스 개요") == "○ 서비스 개요"
    assert restore_marks("ㅇ 주요 기능") == "○ 주요 기능"
    assert restore_marks("O2 센서") == "O2 센서" and restore_marks("오늘 ㅁ 표시") == "오늘 ㅁ 표시"


def test_syllables_split_by_tesseract_are_joined_and_real_spaces_kept() -> None:
    from scatlas.ingest.ocr_pages import Word, join_words

    words = [Word("스마", 90, 0, 0, 40, 20, 0), Word("트", 90, 42, 0, 60, 20, 0), Word("정류장", 90, 72, 0, 130, 20, 0)]
    assert join_words(words) == "스마트 정류장"


def test_triangles_read_as_syllables_are_told_by_their_shape() -> None:
    import numpy as np

    from scatlas.ingest.ocr_pages import triangle_mark

    size = 21
    filled = np.full((size, size), 255, dtype=np.uint8)
    outline = filled.copy()
    for y in range(size):
        half = y // 2
        filled[y, size // 2 - half : size // 2 + half + 1] = 0
        outline[y, [size // 2 - half, size // 2 + half]] = 0
    outline[-1, :] = 0
    syllable = np.full((size, size), 255, dtype=np.uint8)  # a '소': a small wedge, a gap, then a bar
    syllable[2:10, 8:13] = 0
    syllable[15:17, :] = 0
    assert triangle_mark(filled) == "▲" and triangle_mark(outline) == "△" and triangle_mark(syllable) is None
