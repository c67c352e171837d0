"""Source documents kept inside the catalogue (table source_file), so a service's page can be shown after the
original folder moves. Only paged formats are kept (PDF): the others have no pages to show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scatlas.catalogue.edits import transaction

KEPT_FORMATS = frozenset({"pdf"})
#: Larger files are not kept (the page view then falls back to the original path, if it still exists).
MAX_KEPT_BYTES = 200 * 1024 * 1024


def keep_source_file(cat: Any, source_id: int, path: str | Path, fmt: str) -> bool:
    """Store the file's bytes with its source row; False when its format or size is not kept."""
    path = Path(path)
    size = path.stat().st_size
    if fmt not in KEPT_FORMATS or size > MAX_KEPT_BYTES:
        return False
    with transaction(cat.conn), path.open("rb") as fh:
        # streamed into the blob in 1 MB pieces: memory stays flat whatever the file's size
        cat.conn.execute(
            "INSERT OR REPLACE INTO source_file(source_id, data) VALUES (?, zeroblob(?))", (source_id, size)
        )
        with cat.conn.blobopen("source_file", "data", source_id) as blob:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                blob.write(chunk)
    return True


def service_source(cat: Any, service_id: int, with_data: bool = True) -> dict[str, Any] | None:
    """The source document of a service: {format, path, file_name, page, kept, data (bytes or None)}, or None.

    ``with_data=False`` only says whether the page can be shown (kept), without reading the file.
    """
    row = cat.conn.execute(
        "SELECT s.page, src.format, src.path, src.file_name, f.source_id IS NOT NULL AS kept, "
        f"{'f.data' if with_data else 'NULL'} AS data FROM service s JOIN plan p ON p.id = s.plan_id "
        "JOIN source src ON src.id = p.source_id LEFT JOIN source_file f ON f.source_id = src.id WHERE s.id = ?",
        (service_id,),
    ).fetchone()
    if row is None:
        return None
    data = row["data"]
    on_disk = row["format"] in KEPT_FORMATS and Path(row["path"]).is_file()
    if with_data and data is None and on_disk:
        data = Path(row["path"]).read_bytes()  # catalogues made before files were kept
    return {
        "format": row["format"],
        "path": row["path"],
        "file_name": row["file_name"],
        "page": row["page"],
        "kept": bool(row["kept"]) or on_disk,
        "data": bytes(data) if data is not None else None,
    }
