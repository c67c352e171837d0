"""The ingestion pipeline: file → (reader → extractor | tabular importer) → coder → catalogue, one file at a time.

Failures are isolated per file: a broken document is reported with its error code and skipped, and the catalogue
keeps every other file (each file is written in its own transaction).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from scatlas.catalogue import Catalogue
from scatlas.catalogue.store import Coder
from scatlas.errors import DocumentError
from scatlas.i18n import _
from scatlas.ingest.ocr import DEFAULT_OCR, OcrSettings
from scatlas.records import PlanRecord, SourceRecord

TABULAR_FORMATS = frozenset({"csv", "xlsx"})


@dataclass
class Extraction:
    """What one file holds: its source record, the plans in it, and notes on how they were read."""

    source: SourceRecord
    plans: list[PlanRecord]
    notes: list[str] = field(default_factory=list)


@dataclass
class FileResult:
    """The outcome for one file of a batch."""

    path: str
    status: str  # added | unchanged | replaced | failed | skipped
    plans: int = 0
    services: int = 0
    warnings: list[str] = field(default_factory=list)
    error: dict[str, str] | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"


def sha256_of(path: Path) -> str:
    """The file's SHA-256, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def detect(path: Path) -> str:
    """The file's format (magic bytes first; see scatlas.ingest.detect)."""
    from scatlas.ingest.detect import detect_format

    return detect_format(path)


def extract_file(
    path: str | Path,
    sha256: str | None = None,
    mapping: dict[str, str] | None = None,
    ocr: OcrSettings | None = DEFAULT_OCR,
) -> Extraction:
    """Read one file and extract its plans, without touching a catalogue. Raises DocumentError.

    ``sha256`` may be passed when the caller has already hashed the file (it is not read twice); ``mapping``
    (header -> role) names inventory columns the header vocabulary does not know; ``ocr`` says how pages without
    text are OCRed (None: never).
    """
    path = Path(path)
    fmt = detect(path)
    notes: list[str] = []
    if fmt in TABULAR_FORMATS:
        from scatlas.ingest.tabular import import_tabular

        table = import_tabular(path, mapping)
        plans, pages = table.plans, None
        notes.extend(table.notes)
        notes.extend(f"skipped {problem}" for problem in table.skipped)
        if table.encoding and table.encoding not in {"utf-8", "utf-8-sig"}:
            notes.append(f"decoded as {table.encoding}")
    else:
        from scatlas.extract import extract_plan
        from scatlas.ingest import read_document

        if ocr is not None and ocr.cache is not None:
            ocr = replace(ocr, file_key=sha256 or sha256_of(path))
        document = read_document(path, ocr=ocr)
        plans = [extract_plan(document)]
        pages = document.page_count
        notes.extend(document.warnings)
    source = SourceRecord(
        path=str(path.resolve()),
        file_name=path.name,
        sha256=sha256 or sha256_of(path),
        format=fmt,
        pages=pages,
        size=path.stat().st_size,
    )
    return Extraction(source, plans, notes)


def ingest_file(
    cat: Catalogue,
    path: str | Path,
    coder: Coder | None = None,
    mapping: dict[str, str] | None = None,
    ocr: OcrSettings | None = DEFAULT_OCR,
) -> FileResult:
    """Extract, code and store one file; never raises for a bad document (the result says what went wrong).

    OCRed pages are cached in the catalogue by the file's hash, so a file that failed later is not OCRed again.
    """
    path = Path(path)
    if not path.is_file():
        error = (
            DocumentError("not_found", "no such file", path=path)
            if not path.exists()
            else DocumentError("unsupported_format", "not a file", path=path)
        )
        return FileResult(str(path), "failed", error=error.to_json())
    try:
        digest = sha256_of(path)
        if cat.find_source(digest) is not None:
            return FileResult(str(path), "unchanged", warnings=[_("같은 내용이 카탈로그에 이미 있다")])
        from scatlas.sandbox import ReaderCrashed, extract_within_budget

        try:
            # a child process under a memory and time budget; OCRed pages go to the catalogue's page cache
            extraction = extract_within_budget(path, digest, mapping=mapping, ocr=ocr, cache_db=cat.path)
        except ReaderCrashed as crash:
            raise DocumentError("corrupt", f"unexpected {crash}", path=path) from None
        plans = [p for p in extraction.plans if p.services]
        warnings = list(extraction.notes) + [w for p in extraction.plans for w in p.warnings]
        if not plans:
            raise DocumentError("no_services", "no service list was recognised", path=path)
        result = cat.import_source(extraction.source, plans, coder=coder)
        if result.status != "unchanged":
            from scatlas.catalogue.sources import keep_source_file

            keep_source_file(cat, result.source_id, path, extraction.source.format)  # shown when the folder moves
    except DocumentError as exc:
        return FileResult(str(path), "failed", error=exc.to_json())
    except (
        OSError,
        MemoryError,
        RecursionError,
        ValueError,
        KeyError,
        IndexError,
        TypeError,
        UnicodeError,
        AttributeError,
        AssertionError,
    ) as exc:
        # A reader tripping on bytes it did not expect: the file is damaged as far as we can tell.
        error = DocumentError("corrupt", f"unexpected {type(exc).__name__}: {exc}", path=path)
        return FileResult(str(path), "failed", error=error.to_json())
    return FileResult(str(path), result.status, plans=len(result.plan_ids), services=result.services, warnings=warnings)


#: Files in a folder that are never plans, whatever their format (a folder's own notes).
_NOT_PLANS = re.compile(r"^(readme|license|licence|changelog|notice|contributing|authors|todo|index)(\.|$)", re.I)
_PLAN_WORDS = ("스마트", "서비스", "계획")


def skip_reason(path: Path) -> str | None:
    """Why a file found in a folder is not a plan (None: it may be one). Files named explicitly are never skipped."""
    from scatlas.ingest.detect import SUPPORTED_SUFFIXES

    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return f"계획 문서 형식이 아님 ({path.suffix or '확장자 없음'})"
    if _NOT_PLANS.match(path.name):
        return "폴더 설명 파일 (README 등): 계획 문서가 아님"
    if path.suffix.lower() in {".txt", ".text", ".md", ".markdown"}:
        try:
            with path.open("rb") as fh:
                head = fh.read(64 * 1024)
        except OSError:
            return None
        text = head.decode("utf-8", "ignore") + head.decode("cp949", "ignore")
        if not any(word in text for word in _PLAN_WORDS):
            return "텍스트 파일에 스마트도시·서비스·계획이라는 말이 없음: 계획 문서가 아님"
    return None


def scan_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(files to ingest, [(file, why skipped)]): files named, and the plan files inside folders named (recursively,
    sorted, hidden files left out); non-plan files in folders (README, images, notes) are skipped with a reason."""
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if not child.is_file() or any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                reason = skip_reason(child)
                if reason is None:
                    files.append(child)
                else:
                    skipped.append((child, reason))
        else:
            files.append(path)
    return files, skipped


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files scan_inputs would ingest."""
    yield from scan_inputs(paths)[0]


def ingest_paths(
    cat: Catalogue,
    paths: Sequence[str | Path],
    coder: Coder | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    mapping: dict[str, str] | None = None,
    ocr: OcrSettings | None = DEFAULT_OCR,
) -> list[FileResult]:
    """Ingest every file; one failing file never stops the batch. Non-plan files in folders come back 'skipped'."""
    results = []
    files, skipped = scan_inputs(paths)
    for path, reason in skipped:
        result = FileResult(str(path), "skipped", warnings=[reason])
        results.append(result)
        if on_result is not None:
            on_result(result)
    for path in files:
        result = ingest_file(cat, path, coder, mapping, ocr)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results
