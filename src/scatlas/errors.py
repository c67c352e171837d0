"""Error codes shared by every stage, with message templates (docs/contracts.md#document-error-codes)."""

from __future__ import annotations

from pathlib import Path

from scatlas.i18n import N_, _

#: Document-level failure codes and their reasons (Korean; English in the message catalogue). All of them:
#: docs/contracts.md#document-error-codes.
ERROR_CODES: dict[str, str] = {
    "no_text_layer": N_("문서에 텍스트 층이 없다(스캔 또는 이미지뿐인 문서). 먼저 OCR을 거친다"),
    "encrypted": N_("문서가 암호로 보호되었거나 암호화되었거나 배포용 문서다"),
    "corrupt": N_("문서가 손상되었거나 잘려 있어 읽을 수 없다"),
    "unsupported_format": N_("scatlas가 읽을 수 있는 계획 문서 형식이 아니다"),
    "too_large": N_("문서가 메모리와 시간을 지키려고 두는 크기 한도를 넘는다"),
    "empty": N_("파일이 비어 있다"),
    "no_services": N_("문서에서 서비스 목록을 찾지 못했다"),
    "bad_table": N_("표 파일을 서비스 목록으로 쓸 수 없다"),
    "garbled_text": N_("텍스트 층을 읽을 수 있는 글자로 풀 수 없다(유니코드 대응표 없는 CID 글꼴)"),
    "not_found": N_("파일이 없다(옮겨졌거나 이름이 바뀌었거나 잘못 적었는가?)"),
    "needs_ocr": N_("쓸 수 있는 텍스트 층이 없어 OCR이 필요한데, OCR(Tesseract 한국어 모델)이 설치되어 있지 않다"),
}


class ScatlasError(Exception):
    """Base class of every error scatlas reports to a user."""


class DocumentError(ScatlasError):
    """A document that cannot be read: carries a docs/contracts.md error code, the file and, where known, the page."""

    def __init__(self, code: str, detail: str = "", *, path: str | Path | None = None, page: int | None = None) -> None:
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
            where.append(_("{page}쪽").format(page=self.page))
        prefix = f"{', '.join(where)}: " if where else ""
        reason = _(ERROR_CODES[self.code])
        return f"{prefix}{reason}" + (f" ({self.detail})" if self.detail else "")

    def to_json(self) -> dict[str, str]:
        """The `error` object of `scatlas extract --json`."""
        return {"code": self.code, "message": self.message}


class LabelError(ScatlasError, ValueError):
    """A domain (or other code) label that cannot be mapped onto the codebook."""


class CatalogueError(ScatlasError):
    """The catalogue cannot do what was asked (unknown id, schema from a newer version, …)."""
