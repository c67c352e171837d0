"""`read_document`: one entry point that picks the reader by what the file is, and vets it first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from scatlas.errors import DocumentError
from scatlas.ingest.detect import SUFFIX_FORMATS, detect_format
from scatlas.ingest.document import Document
from scatlas.ingest.limits import DEFAULT_LIMITS, Limits, check_file_size
from scatlas.ingest.ocr import DEFAULT_OCR, OcrSettings
from scatlas.ingest.tables import attach_captions


def _pdf(path: Path, limits: Limits, ocr: OcrSettings | None = DEFAULT_OCR) -> Document:
    from scatlas.ingest.pdf import read_pdf  # lazy: keeps pdfium/pdfminer off the CLI start-up path

    return read_pdf(path, limits, ocr)


def _hwp(path: Path, limits: Limits) -> Document:
    from scatlas.ingest.hwp import read_hwp

    return read_hwp(path, limits)


def _hwpx(path: Path, limits: Limits) -> Document:
    from scatlas.ingest.hwpx import read_hwpx

    return read_hwpx(path, limits)


def _docx(path: Path, limits: Limits) -> Document:
    from scatlas.ingest.docx import read_docx

    return read_docx(path, limits)


def _text(fmt: str) -> Callable[[Path, Limits], Document]:
    def read(path: Path, limits: Limits) -> Document:
        from scatlas.ingest.text import read_text

        return read_text(path, fmt)

    return read


READERS: dict[str, Callable[[Path, Limits], Document]] = {
    "pdf": _pdf,
    "hwp": _hwp,
    "hwpx": _hwpx,
    "docx": _docx,
    "txt": _text("txt"),
    "md": _text("md"),
}


def read_document(path: str | Path, limits: Limits = DEFAULT_LIMITS, ocr: OcrSettings | None = DEFAULT_OCR) -> Document:
    """The document at `path`, read by the reader its magic bytes (then its suffix) call for.

    Raises DocumentError (codes `no_text_layer`, `encrypted`, `corrupt`, `unsupported_format`, `too_large`,
    `empty`, `garbled_text`, `needs_ocr`) for every document-level failure; nothing else escapes for bad input.
    PDF pages without usable text are OCRed with `ocr` (None: never).
    """
    path = Path(path)
    if not path.exists():
        raise DocumentError("corrupt", "no such file", path=path)
    check_file_size(path, limits)
    fmt = detect_format(path)
    if fmt in {"xlsx", "csv"}:
        raise DocumentError("unsupported_format", "tabular files go through scatlas.ingest.tabular", path=path)
    try:
        doc = _pdf(path, limits, ocr) if fmt == "pdf" else READERS[fmt](path, limits)
    except DocumentError:
        raise
    except MemoryError as exc:
        raise DocumentError("too_large", "ran out of memory while reading", path=path) from exc
    except RecursionError as exc:
        raise DocumentError("corrupt", "structure nested too deeply", path=path) from exc
    attach_captions(doc.pages)
    named = SUFFIX_FORMATS.get(path.suffix.lower())
    if named is not None and named != fmt:
        doc.warnings.append(f"read as {fmt.upper()} by its content, although it is named {path.suffix}")
    return doc
