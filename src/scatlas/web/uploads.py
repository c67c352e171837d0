"""Uploaded plan documents: size and type checks, and ingestion jobs run one at a time in the background."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3
import tempfile
import threading
import time
import unicodedata
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from scatlas.catalogue import Catalogue
from scatlas.catalogue.store import Coder
from scatlas.errors import DocumentError
from scatlas.ingest.detect import SUFFIX_FORMATS, detect_format

ALLOWED_SUFFIXES = (".pdf", ".hwp", ".hwpx", ".docx", ".xlsx", ".csv", ".txt", ".md")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_JOBS = 500
_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


class UploadRefused(Exception):
    """An upload we do not accept: HTTP status and a message naming the file and the reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def safe_name(filename: str) -> str:
    """The uploaded file's base name, NFC, with anything but letters, digits, spaces, '.', '_' and '-' replaced."""
    base = unicodedata.normalize("NFC", Path(filename.replace("\\", "/")).name).strip()
    cleaned = _UNSAFE.sub("_", base).strip("._") or "upload"
    return cleaned[-120:]


def check_suffix(filename: str) -> str:
    """The file's (lower-case) suffix if it is one we read; raises UploadRefused (415) otherwise."""
    suffix = Path(filename).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadRefused(
            415, f"{filename}: type {suffix or '(none)'} is not accepted; send one of {', '.join(ALLOWED_SUFFIXES)}"
        )
    return suffix


def store_upload(stream: IO[bytes], filename: str, folder: Path, max_bytes: int) -> tuple[Path, str]:
    """Copy an upload into `folder` checking size, suffix and magic bytes; returns (path, format).

    The bytes must say the same as the suffix (a zip renamed .pdf, or text named .docx, is refused).
    """
    suffix = check_suffix(filename)
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".upload-", delete=False) as tmp:
        tmp_path = Path(tmp.name)
        try:
            while chunk := stream.read(1 << 20):
                size += len(chunk)
                if size > max_bytes:
                    raise UploadRefused(413, f"{filename}: larger than the upload limit of {_mb(max_bytes)}")
                digest.update(chunk)
                tmp.write(chunk)
        except BaseException:
            tmp.close()
            tmp_path.unlink(missing_ok=True)
            raise
    if size == 0:
        tmp_path.unlink(missing_ok=True)
        raise UploadRefused(422, f"{filename}: the file is empty")
    # detect_format reads magic bytes; give it the real suffix so text formats are told apart
    typed = tmp_path.with_name(tmp_path.name + suffix)
    tmp_path.rename(typed)
    try:
        fmt = detect_format(typed)
    except DocumentError as exc:
        typed.unlink(missing_ok=True)
        raise UploadRefused(415, f"{filename}: {exc.detail or exc.message}") from None
    expected = SUFFIX_FORMATS[suffix]
    if fmt != expected and not ({fmt, expected} <= {"csv", "txt", "md"}):
        typed.unlink(missing_ok=True)
        raise UploadRefused(415, f"{filename}: the content is {fmt.upper()}, not {expected.upper()} as the name says")
    # one folder per content: the catalogue shows the file's own name, and the same bytes land on the same path
    final = folder / digest.hexdigest()[:16] / safe_name(filename)
    if final.exists():
        typed.unlink()
    else:
        final.parent.mkdir(exist_ok=True)
        shutil.move(typed, final)
    return final, fmt


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


@dataclass
class Job:
    """One upload's ingestion, as the status endpoint reports it."""

    id: str
    file_name: str
    path: str
    submitted_by: str
    status: str = "queued"  # queued | running | done | failed
    stage: str = "queued"  # queued | loading_coder | ingesting | finished
    created: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None
    result: dict[str, Any] | None = None  # the pipeline's FileResult as a dict
    service_ids: list[int] = field(default_factory=list)
    error: dict[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("path")
        end = self.finished or time.time()
        data["elapsed"] = round(end - (self.started or self.created), 2)
        return data


class JobStore:
    """Upload jobs in a small SQLite file shared by every worker process: a job submitted to one worker shows on a
    status page served by another."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, timeout=30.0, check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS upload_job (id TEXT PRIMARY KEY, created REAL NOT NULL, data TEXT NOT NULL)"
        )

    def save(self, job: Job) -> None:
        data = json.dumps(asdict(job), ensure_ascii=False)
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO upload_job(id, created, data) VALUES (?, ?, ?)", (job.id, job.created, data)
            )
            # a long-running server keeps the latest jobs, not all of them
            self._conn.execute(
                "DELETE FROM upload_job WHERE id NOT IN (SELECT id FROM upload_job ORDER BY created DESC LIMIT ?)",
                (MAX_JOBS,),
            )

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            row = self._conn.execute("SELECT data FROM upload_job WHERE id = ?", (job_id,)).fetchone()
        return Job(**json.loads(row[0])) if row else None

    def latest(self, limit: int = MAX_JOBS) -> list[Job]:
        with self._lock:
            rows = self._conn.execute("SELECT data FROM upload_job ORDER BY created DESC LIMIT ?", (limit,))
            return [Job(**json.loads(r[0])) for r in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class JobRunner:
    """Runs this worker's ingestion jobs one after another on a thread; every job's status lives in the JobStore."""

    def __init__(
        self, db_path: Path, coder_factory: Callable[[], Coder | None] | None, store: JobStore | None = None
    ) -> None:
        self.db_path = db_path
        self._coder_factory = coder_factory
        self._coder: Coder | None = None
        self._coder_loaded = False
        self.store = store or JobStore(db_path.resolve().parent / f"{db_path.name}.jobs")
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scatlas-ingest")

    def submit(self, path: Path, submitted_by: str) -> Job:
        """Queue a stored upload for ingestion; returns its job."""
        job = Job(id=uuid.uuid4().hex, file_name=path.name, path=str(path), submitted_by=submitted_by)
        self.store.save(job)
        self._executor.submit(self._run, job)
        return job

    def get(self, job_id: str) -> Job | None:
        return self.store.get(job_id)

    def jobs(self) -> list[Job]:
        return self.store.latest()

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        self.store.close()

    def _run(self, job: Job) -> None:
        from scatlas.pipeline import ingest_file, sha256_of

        job.status, job.started = "running", time.time()
        self.store.save(job)
        try:
            if not self._coder_loaded and self._coder_factory is not None:
                job.stage = "loading_coder"
                self.store.save(job)
                self._coder = self._coder_factory()
            self._coder_loaded = True
            job.stage = "ingesting"
            self.store.save(job)
            # its own connection: a long ingestion must not hold the server's writer (reviews go on meanwhile)
            with Catalogue.open(self.db_path) as cat:
                result = ingest_file(cat, job.path, self._coder)
                job.result = {k: v for k, v in asdict(result).items() if k != "path"}
                if result.failed:
                    job.status, job.error = "failed", result.error
                else:
                    job.service_ids = found_services(cat, sha256_of(Path(job.path)))
                    job.status = "done"
        except Exception as exc:
            job.status = "failed"
            job.error = {"code": "internal", "message": f"{job.file_name}: {type(exc).__name__}: {exc}"}
        finally:
            job.stage, job.finished = "finished", time.time()
            if job.status == "failed":  # a file that did not land is not kept on the server
                _remove_upload(Path(job.path))
            self.store.save(job)


def _remove_upload(path: Path) -> None:
    """Delete a failed upload and its per-content folder if that is now empty."""
    path.unlink(missing_ok=True)
    try:
        path.parent.rmdir()
    except OSError:
        pass


def found_services(cat: Catalogue, sha256: str) -> list[int]:
    """The ids of the services the source with this content holds, in plan order."""
    source = cat.find_source(sha256)
    if source is None:
        return []
    return [
        r[0]
        for r in cat.conn.execute(
            "SELECT s.id FROM service s JOIN plan p ON p.id = s.plan_id WHERE p.source_id = ? "
            "ORDER BY p.id, s.position",
            (source["id"],),
        )
    ]
