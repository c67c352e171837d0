"""Format detection: magic bytes decide, the suffix only for plain text; hostile files get specific errors."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from scatlas.errors import DocumentError
from scatlas.ingest import SUPPORTED_SUFFIXES, detect_format, read_document

from .builders import build_hwpx, build_pdf, hwpx_para, text


def code_of(path: Path) -> str:
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.path == str(path)
    return err.value.code


def test_zero_byte_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"")
    assert code_of(path) == "empty"


@pytest.mark.parametrize("suffix", [".pdf", ".hwp", ".hwpx", ".docx", ".bin"])
def test_random_bytes_are_refused(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"noise{suffix}"
    path.write_bytes(os.urandom(4096))
    assert code_of(path) in {"unsupported_format", "corrupt"}


def test_zip_named_pdf_is_read_as_the_hwpx_it_is(tmp_path: Path) -> None:
    real = build_hwpx(tmp_path / "plan.hwpx", [hwpx_para("스마트 가로등")])
    fake = tmp_path / "plan.pdf"
    fake.write_bytes(real.read_bytes())
    assert detect_format(fake) == "hwpx"
    doc = read_document(fake)
    assert doc.format == "hwpx" and "스마트 가로등" in doc.text()
    assert any("named .pdf" in w for w in doc.warnings)


def test_pdf_named_hwp_is_read_as_pdf(tmp_path: Path) -> None:
    path = build_pdf(tmp_path / "plan.hwp", [text(72, 700, "스마트 가로등")])
    assert read_document(path).format == "pdf"


def test_unknown_zip_is_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "x.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    assert code_of(path) == "unsupported_format"


def test_tabular_files_are_routed_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("name,description\n스마트 가로등,설명\n", encoding="utf-8")
    assert detect_format(path) == "csv"
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "unsupported_format" and "scatlas.ingest.tabular" in err.value.message


def test_hwp3_file_is_unsupported_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "old.hwp"
    path.write_bytes(b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + bytes(200))
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "unsupported_format" and "HWP 3" in err.value.detail


def test_text_named_pdf_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_text("this is not a pdf", encoding="utf-8")
    assert code_of(path) == "corrupt"


def test_missing_file_and_folder_are_reported(tmp_path: Path) -> None:
    assert code_of(tmp_path / "absent.pdf") == "corrupt"
    assert code_of(tmp_path) == "unsupported_format"


def test_supported_suffixes_cover_every_reader() -> None:
    assert {".pdf", ".hwp", ".hwpx", ".docx", ".txt", ".md", ".csv", ".xlsx"} <= SUPPORTED_SUFFIXES


def test_password_protected_office_container_is_encrypted(tmp_path: Path) -> None:
    import olefile

    # an OLE container holding EncryptedPackage is how Office stores a password-protected DOCX
    path = tmp_path / "locked.docx"
    _write_ole(path, {"EncryptedPackage": b"\0" * 4096, "EncryptionInfo": b"\0" * 4096})
    assert olefile.isOleFile(str(path))
    assert code_of(path) == "encrypted"


def _write_ole(path: Path, streams: dict[str, bytes]) -> None:
    """A minimal OLE2 compound file (v3, 512-byte sectors) with the given streams, each >= 4096 bytes."""
    import struct

    sector = 512
    data_sectors: list[bytes] = []
    entries: list[tuple[str, int, int]] = []
    for name, payload in streams.items():
        start = len(data_sectors)
        padded = payload + b"\0" * (-len(payload) % sector)
        data_sectors += [padded[i : i + sector] for i in range(0, len(padded), sector)]
        entries.append((name, start, len(payload)))
    n_data = len(data_sectors)
    dir_sector = n_data
    fat_sector = n_data + 1
    fat = []
    for _, start, size in entries:
        count = -(-size // sector)
        fat += [start + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFE, 0xFFFFFFFD]  # directory chain end, the FAT sector itself
    fat += [0xFFFFFFFF] * (128 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBB", len(raw), kind, 1)
            + struct.pack("<III", 0xFFFFFFFF, right, child)
            + b"\0" * 16
            + b"\0" * 4
            + b"\0" * 16
            + struct.pack("<III", start, size, 0)
        )

    dirs = entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)
    for i, (name, start, size) in enumerate(entries):
        dirs += entry(name, 2, start, size, right=i + 2 if i + 1 < len(entries) else 0xFFFFFFFF)
    dirs = dirs.ljust(sector, b"\0")
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack("<IIIIIIII", 0, 1, dir_sector, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE)
        + struct.pack("<I", 0)
        + struct.pack("<I", fat_sector)
        + b"\xff" * 4 * 108
    )
    path.write_bytes(header + b"".join(data_sectors) + dirs + struct.pack("<128I", *fat))
