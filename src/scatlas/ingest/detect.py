"""What a file really is, from its magic bytes first and its extension second."""

from __future__ import annotations

import zipfile
from pathlib import Path

from scatlas.errors import DocumentError
from scatlas.i18n import _
from scatlas.ingest.limits import ZIP_DAMAGE

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HWP_SIGNATURE = b"HWP Document File"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

#: suffix → format, for files whose bytes do not say (plain text family)
SUFFIX_FORMATS: dict[str, str] = {
    ".pdf": "pdf",
    ".hwp": "hwp",
    ".hwpx": "hwpx",
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".csv": "csv",
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(SUFFIX_FORMATS)


def detect_format(path: str | Path) -> str:
    """One of 'pdf', 'hwp', 'hwpx', 'docx', 'xlsx', 'csv', 'txt', 'md'; refuses anything else.

    Magic bytes decide for binary formats, so a zip renamed to .pdf is read as the zip it is.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except IsADirectoryError as exc:
        raise DocumentError("unsupported_format", "a folder, not a file", path=path) from exc
    except FileNotFoundError as exc:
        raise DocumentError("not_found", "no such file", path=path) from exc
    except OSError as exc:
        raise DocumentError("corrupt", f"cannot open: {exc.strerror or exc}", path=path) from exc
    if not head:
        raise DocumentError("empty", _("0바이트"), path=path)
    suffix = path.suffix.lower()
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return _ole_format(path)
    if head.startswith(HWP_SIGNATURE):
        raise DocumentError("unsupported_format", "HWP 3.x (pre-2002) file: save it as HWP 5 or HWPX", path=path)
    if head.startswith(ZIP_MAGICS):
        return _zip_format(path)
    if _looks_binary(head):
        raise DocumentError(
            "unsupported_format", f"binary data of no known document type (suffix {suffix or 'none'})", path=path
        )
    fmt = SUFFIX_FORMATS.get(suffix)
    if fmt in {"csv", "txt", "md"}:
        return fmt
    if fmt is not None:
        raise DocumentError("corrupt", f"a {suffix} file whose bytes are plain text, not {fmt.upper()}", path=path)
    return "txt"


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > len(head) * 0.05


def _ole_format(path: Path) -> str:
    import olefile  # lazy: only HWP needs it

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("FileHeader"):
                sig = ole.openstream("FileHeader").read(32)
                if sig.startswith(HWP_SIGNATURE):
                    return "hwp"
            names = {"/".join(e) for e in ole.listdir()}
    except Exception as exc:  # olefile raises bare OSError/struct.error/IndexError on damage
        raise DocumentError("corrupt", f"damaged OLE compound file: {exc}", path=path) from exc
    if "EncryptedPackage" in names:
        raise DocumentError(
            "encrypted", "password-protected Office document (DOCX/XLSX inside an encrypted container)", path=path
        )
    if "WordDocument" in names:
        kind = "Word 97-2003 .doc"
    elif "Workbook" in names:
        kind = "Excel 97-2003 .xls"
    elif path.suffix.lower() == ".hwp" or not names:
        raise DocumentError(
            "corrupt", "an OLE compound file without a readable HWP FileHeader (damaged HWP?)", path=path
        )
    else:
        kind = "OLE compound file"
    raise DocumentError("unsupported_format", f"{kind}, not HWP: save it as DOCX/HWPX/PDF", path=path)


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = b""
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                if info.file_size < 200:
                    mimetype = zf.read(info).strip()
    except ZIP_DAMAGE as exc:
        raise DocumentError("corrupt", f"damaged zip package: {exc}", path=path) from exc
    if mimetype.startswith(b"application/hwp") or "Contents/content.hpf" in names:
        return "hwpx"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if not names:
        raise DocumentError("empty", "a zip package with no members", path=path)
    raise DocumentError("unsupported_format", "a zip package that is neither HWPX, DOCX nor XLSX", path=path)
