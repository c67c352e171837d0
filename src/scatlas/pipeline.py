"""The ingestion pipeline: file → (reader → extractor | tabular importer) → coder → catalogue, one file at a time.

Failures are isolated per file: a broken document is reported with its error code and skipped, and the catalogue
keeps every other file (each file is written in its own transaction).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from scatlas.catalogue import Catalogue
from scatlas.catalogue.store import Coder
from scatlas.errors import DocumentError
from scatlas.i18n import _
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
    status: str  # added | unchanged | replaced | failed
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


def extract_file(path: str | Path, sha256: str | None = None) -> Extraction:
    """Read one file and extract its plans, without touching a catalogue. Raises DocumentError.

    ``sha256`` may be passed when the caller has already hashed the file (it is not read twice).
    """
    path = Path(path)
    fmt = detect(path)
    notes: list[str] = []
    if fmt in TABULAR_FORMATS:
        from scatlas.ingest.tabular import import_tabular

        table = import_tabular(path)
        plans, pages = table.plans, None
        notes.extend(table.notes)
        notes.extend(f"skipped {problem}" for problem in table.skipped)
        if table.encoding and table.encoding not in {"utf-8", "utf-8-sig"}:
            notes.append(f"decoded as {table.encoding}")
    else:
        from scatlas.extract import extract_plan
        from scatlas.ingest import read_document

        document = read_document(path)
        plans = [extract_plan(document)]
        pages = document.page_count
        notes.extend(document.warnings)
    source = SourceRecord(path=str(path.resolve()), file_name=path.name, sha256=sha256 or sha256_of(path), format=fmt,
                          pages=pages, size=path.stat().st_size)
    return Extraction(source, plans, notes)


def ingest_file(cat: Catalogue, path: str | Path, coder: Coder | None = None) -> FileResult:
    """Extract, code and store one file; never raises for a bad document (the result says what went wrong)."""
    path = Path(path)
    if not path.is_file():
        error = DocumentError("corrupt", "no such file" if not path.exists() else "not a file", path=path)
        return FileResult(str(path), "failed", error=error.to_json())
    try:
        digest = sha256_of(path)
        if cat.find_source(digest) is not None:
            return FileResult(str(path), "unchanged", warnings=[_("같은 내용이 카탈로그에 이미 있다")])
        from scatlas.sandbox import ReaderCrashed, extract_within_budget

        try:
            extraction = extract_within_budget(path, digest)  # a child process under a memory and time budget
        except ReaderCrashed as crash:
            raise DocumentError("corrupt", f"unexpected {crash}", path=path) from None
        plans = [p for p in extraction.plans if p.services]
        warnings = list(extraction.notes) + [w for p in extraction.plans for w in p.warnings]
        if not plans:
            raise DocumentError("no_services", "no service list was recognised", path=path)
        result = cat.import_source(extraction.source, plans, coder=coder)
    except DocumentError as exc:
        return FileResult(str(path), "failed", error=exc.to_json())
    except (OSError, MemoryError, RecursionError, ValueError, KeyError, IndexError, TypeError,
            UnicodeError, AttributeError, AssertionError) as exc:
        # A reader tripping on bytes it did not expect: the file is damaged as far as we can tell.
        error = DocumentError("corrupt", f"unexpected {type(exc).__name__}: {exc}", path=path)
        return FileResult(str(path), "failed", error=error.to_json())
    return FileResult(str(path), result.status, plans=len(result.plan_ids), services=result.services,
                      warnings=warnings)


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the plan files inside folders named (recursively, sorted, hidden files skipped)."""
    from scatlas.ingest.detect import SUPPORTED_SUFFIXES

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts) \
                        and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        else:
            yield path


def ingest_paths(cat: Catalogue, paths: Sequence[str | Path], coder: Coder | None = None,
                 on_result: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Ingest every file; one failing file never stops the batch."""
    results = []
    for path in iter_input_files(paths):
        result = ingest_file(cat, path, coder)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results
