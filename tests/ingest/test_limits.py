"""Zip packages: bombs and oversized members are refused before (or while) inflating."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from scatlas.errors import DocumentError
from scatlas.ingest import Limits, read_document

from .builders import build_hwpx, hwpx_para


def _bomb(path: Path, member: str, size: int) -> Path:
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open(member, "w", force_zip64=True) as fh,
    ):
        chunk = b"\0" * (1 << 20)
        for _ in range(size >> 20):
            fh.write(chunk)
    return path


def test_zip_bomb_member_is_too_large_before_inflating(tmp_path: Path) -> None:
    path = build_hwpx(tmp_path / "bomb.hwpx", [hwpx_para("본문")])
    _bomb(path, "BinData/zeros.bin", 64 << 20)
    assert path.stat().st_size < 1 << 20
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "too_large" and "zip bomb" in err.value.detail


def test_member_over_the_member_cap_is_too_large(tmp_path: Path) -> None:
    path = build_hwpx(tmp_path / "big.hwpx", [hwpx_para("본문 " * 50_000)])
    with pytest.raises(DocumentError) as err:
        read_document(path, Limits(max_member_bytes=100_000, ratio_floor_bytes=10**9))
    assert err.value.code == "too_large"


def test_too_many_members_is_too_large(tmp_path: Path) -> None:
    path = build_hwpx(tmp_path / "many.hwpx", [hwpx_para("본문")])
    with zipfile.ZipFile(path, "a") as zf:
        for i in range(30):
            zf.writestr(f"x/{i}", "")
    with pytest.raises(DocumentError) as err:
        read_document(path, Limits(max_zip_members=20))
    assert err.value.code == "too_large"


def test_file_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("가" * 1000, encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        read_document(path, Limits(max_file_bytes=100))
    assert err.value.code == "too_large"
