"""Error codes shared by every stage, with message templates (DESIGN.md: document error codes)."""

from __future__ import annotations

from pathlib import Path

#: Document-level failure codes. DESIGN.md fixes the first five; the rest extend them.
ERROR_CODES: dict[str, str] = {
    "no_text_layer": "the document has no text layer (scanned or image-only); OCR it first",
    "encrypted": "the document is password-protected, encrypted or distribution-protected (배포용)",
    "corrupt": "the document is damaged or truncated and cannot be read",
    "unsupported_format": "this file type is not a plan document scatlas can read",
    "too_large": "the document exceeds a size limit scatlas enforces to stay within memory and time",
    "empty": "the file is empty",
    "no_services": "no service list was found in the document",
    "bad_table": "the tabular file cannot be used as a service inventory",
    "garbled_text": "the text layer does not decode to readable text (CID fonts without a Unicode map)",
    "needs_ocr": "the document has no usable text layer and needs OCR, which is not installed here",
}


class ScatlasError(Exception):
    """Base class of every error scatlas reports to a user."""


class DocumentError(ScatlasError):
    """A document that cannot be read: carries a DESIGN.md error code, the file and, where known, the page."""

    def __init__(self, code: str, detail: str = "", *, path: str | Path | None = None,
                 page: int | None = None) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown document error code {code!r}")
        self.code = code
        self.detail = detail
        self.path = str(path) if path is not None else None
        self.page = page
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The human-readable message: where, what and why."""
        where = []
        if self.path:
            where.append(Path(self.path).name)
        if self.page is not None:
            where.append(f"page {self.page}")
        prefix = f"{', '.join(where)}: " if where else ""
        reason = ERROR_CODES[self.code]
        return f"{prefix}{reason}" + (f" ({self.detail})" if self.detail else "")

    def to_json(self) -> dict[str, str]:
        """The `error` object of `scatlas extract --json`."""
        return {"code": self.code, "message": self.message}


class LabelError(ScatlasError, ValueError):
    """A domain (or other code) label that cannot be mapped onto the codebook."""


class CatalogueError(ScatlasError):
    """The catalogue cannot do what was asked (unknown id, schema from a newer version, …)."""
