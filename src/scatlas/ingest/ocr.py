"""OCR settings, the page cache interface, and whether Tesseract's Korean model is installed here.

Light on purpose (no numpy, no pdfium): the readers import it on every run. The OCR itself is in
`scatlas.ingest.ocr_pages`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from scatlas.errors import DocumentError

#: Debian/Ubuntu (tesseract-ocr-kor), Fedora, Homebrew and source installs keep the models here
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
    "/usr/local/share/tesseract-ocr/5/tessdata",
)
INSTALL_HINT = (
    "install Tesseract's Korean model: `apt-get install tesseract-ocr tesseract-ocr-kor` "
    "(Debian/Ubuntu; `dnf install tesseract-langpack-kor` on Fedora, `brew install tesseract-lang` on "
    "macOS), or set TESSDATA_PREFIX to a folder holding kor.traineddata"
)
#: bump when the page reading changes, so cached pages from older code are not reused
OCR_VERSION = 4


@dataclass(frozen=True)
class OcrSettings:
    """How pages are OCRed. dpi None: each page at its scan's own resolution (bench/README.md: best accuracy
    per second); a number forces one resolution."""

    dpi: int | None = None
    lang: str = "kor"
    workers: int | None = None  # threads; None: every core
    cache: OcrCache | None = None
    file_key: str | None = None  # the file's SHA-256, for the cache
    progress: Callable[[int, int], None] | None = None  # (pages done, pages to OCR)

    def key(self) -> str:
        """What a cached page must have been read with to be reused."""
        return f"v{OCR_VERSION}:{self.dpi}:{self.lang}"


class OcrCache(Protocol):
    """Stores OCRed pages by file hash (the catalogue implements it), so no page is OCRed twice."""

    def get_ocr_page(self, file_key: str, page: int, settings: str) -> str | None: ...

    def put_ocr_page(self, file_key: str, page: int, settings: str, data: str) -> None: ...


DEFAULT_OCR = OcrSettings()


def tessdata_dir(lang: str = "kor") -> str | None:
    """The folder holding `<lang>.traineddata` (TESSDATA_PREFIX first), or None."""
    first = lang.split("+")[0]
    candidates = [os.environ.get("TESSDATA_PREFIX", ""), *TESSDATA_DIRS]
    for folder in candidates:
        if folder and Path(folder, f"{first}.traineddata").is_file():
            return folder
    return None


def ocr_unavailable(lang: str = "kor") -> str | None:
    """Why OCR cannot run here (with what to install), or None when it can."""
    try:
        import tesserocr  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        return "the tesserocr package is missing: `pip install tesserocr`; then " + INSTALL_HINT
    if tessdata_dir(lang) is None:
        return f"Tesseract's {lang} model (kor.traineddata) was not found: " + INSTALL_HINT
    return None


def require_ocr(path: str | Path, lang: str = "kor", page: int | None = None) -> None:
    """Raise `needs_ocr` (saying what to install) when OCR cannot run."""
    reason = ocr_unavailable(lang)
    if reason is not None:
        raise DocumentError("needs_ocr", reason, path=path, page=page)
