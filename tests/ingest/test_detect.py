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
