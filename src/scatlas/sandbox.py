"""Reading one document in a child process with a memory and a time budget.

A small hostile file can ask a reader for gigabytes (a spreadsheet declaring a huge sheet, a package of highly
compressible XML). Each reader caps what it knows about; this is the wall behind them all: the document is read in a
child process whose address space is capped (RLIMIT_AS) and which is killed when its time is up. Whatever happens
inside, the caller gets the extraction or a `DocumentError` — `too_large` when a budget ran out — and the caller's
own memory never holds more than the result. Children are forked from a `forkserver` that has the readers imported
already, so a child starts in milliseconds and never inherits the caller's threads (the web server's).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import sys
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scatlas.errors import DocumentError
from scatlas.ingest.ocr import DEFAULT_OCR, OcrSettings

if TYPE_CHECKING:
    from scatlas.pipeline import Extraction

_MB = 1024 * 1024
_PRELOAD = ["scatlas.pipeline", "scatlas.ingest", "scatlas.extract", "scatlas.ingest.tabular"]


@dataclass(frozen=True)
class Budget:
    """What one document may cost. The defaults are far above any real plan (a 400-page PDF takes ~100 MB and a few
    seconds); `SCATLAS_MAX_MEMORY_MB` and `SCATLAS_MAX_SECONDS` change them, 0 turns a limit off."""

    memory_bytes: int = 1024 * _MB
    seconds: float = 300.0

    @classmethod
    def from_env(cls) -> Budget:
        memory = os.environ.get("SCATLAS_MAX_MEMORY_MB")
        seconds = os.environ.get("SCATLAS_MAX_SECONDS")
        return cls(
            memory_bytes=int(float(memory) * _MB) if memory else cls.memory_bytes,
            seconds=float(seconds) if seconds else cls.seconds,
        )


_context: Any = None


def _ctx() -> Any:
    global _context
    if _context is None:
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        _context = multiprocessing.get_context(method)
        if method == "forkserver":
            _context.set_forkserver_preload(_PRELOAD)
    return _context


def _address_space() -> int | None:
    """This process's current virtual size in bytes (Linux), to set the cap above what is already mapped."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _main_importable() -> bool:
    """A child process re-imports the caller's main script; a script read from stdin cannot be, so such callers
    (rare: `python - < script`) read in process, without the budget."""
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    return main_file is None or os.path.isfile(main_file)


def _ocr_in_child(
    conn: Connection, ocr: OcrSettings | None, cache_db: str | None, sha256: str | None
) -> tuple[OcrSettings | None, Any]:
    """The child's OCR settings: the catalogue (opened here by its path) as page cache, progress sent to the parent."""
    if ocr is None:
        return None, None
    cache = None
    if cache_db and sha256:
        from scatlas.catalogue import Catalogue

        cache = Catalogue.open(cache_db)
    return replace(
        ocr, cache=cache, file_key=sha256, progress=lambda done, total: conn.send(("progress", (done, total)))
    ), cache


def _child(
    conn: Connection,
    path: str,
    sha256: str | None,
    memory_bytes: int,
    ocr: OcrSettings | None = None,
    cache_db: str | None = None,
    mapping: dict[str, str] | None = None,
) -> None:
    if memory_bytes > 0:
        current = _address_space()
        if current is not None:
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            cap = current + memory_bytes
            resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    cache = None
    try:
        from scatlas.pipeline import extract_file

        settings, cache = _ocr_in_child(conn, ocr, cache_db, sha256)
        conn.send(("ok", extract_file(path, sha256, mapping, settings)))
    except DocumentError as exc:
        conn.send(("error", (exc.code, exc.detail, exc.path, exc.page)))
    except MemoryError:
        conn.send(
            (
                "error",
                ("too_large", f"reading needed more than the memory budget of {memory_bytes // _MB} MB", path, None),
            )
        )
    except BaseException as exc:
        conn.send(("crash", f"{type(exc).__name__}: {exc}"))
    finally:
        if cache is not None:
            cache.close()
        conn.close()


class ReaderCrashed(Exception):
    """The reader raised something other than a DocumentError (the caller reports it as it sees fit)."""


def extract_within_budget(
    path: str | Path,
    sha256: str | None = None,
    budget: Budget | None = None,
    ocr: OcrSettings | None = DEFAULT_OCR,
    cache_db: str | Path | None = None,
    mapping: dict[str, str] | None = None,
) -> Extraction:
    """`scatlas.pipeline.extract_file` in a child process under `budget`. Raises DocumentError (`too_large` when the
    memory or time budget ran out) or ReaderCrashed.

    Scanned pages are OCRed in the child with `ocr` (its `progress` is called here, in the caller); `cache_db` is
    the catalogue whose page cache the child uses. Every OCRed page renews the time budget: a 300-page scan may
    take far longer than a text PDF, but no single page may hang.
    """
    budget = budget or Budget.from_env()
    if not _main_importable():
        from scatlas.pipeline import extract_file  # see _main_importable: the budget cannot apply here

        if ocr is not None and cache_db and sha256:
            from scatlas.catalogue import Catalogue

            with Catalogue.open(cache_db) as cat:
                return extract_file(path, sha256, mapping, replace(ocr, cache=cat, file_key=sha256))
        return extract_file(path, sha256, mapping, ocr)
    ctx = _ctx()
    parent, child = ctx.Pipe(duplex=False)
    progress = ocr.progress if ocr is not None else None
    sent = replace(ocr, progress=None, cache=None) if ocr is not None else None  # callables stay in this process
    proc = ctx.Process(
        target=_child,
        args=(child, str(path), sha256, budget.memory_bytes, sent, str(cache_db) if cache_db else None, mapping),
        daemon=True,
    )
    proc.start()
    child.close()
    try:
        timeout = budget.seconds if budget.seconds > 0 else None
        while True:
            if not parent.poll(timeout) and proc.is_alive():
                proc.kill()
                proc.join()
                raise DocumentError(
                    "too_large", f"reading took longer than the time budget of {budget.seconds:g} s", path=path
                )
            try:
                kind, payload = parent.recv()
            except (EOFError, OSError):
                kind, payload = "lost", None
            if kind != "progress":
                break
            if progress is not None:
                progress(*payload)
        if kind == "lost":
            proc.join()
            why = (
                f"signal {signal.Signals(-proc.exitcode).name}"
                if proc.exitcode and proc.exitcode < 0
                else f"exit code {proc.exitcode}"
            )
            raise DocumentError(
                "too_large",
                f"the reader stopped ({why}), most likely past the memory budget of {budget.memory_bytes // _MB} MB",
                path=path,
            ) from None
    finally:
        parent.close()
        if proc.is_alive():
            proc.join(timeout=5)
            if proc.is_alive():
                proc.kill()
                proc.join()
    if kind == "ok":
        return payload
    if kind == "error":
        code, detail, where, page = payload
        raise DocumentError(code, detail, path=where, page=page)
    raise ReaderCrashed(payload)
