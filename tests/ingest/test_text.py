"""Plain text and Markdown: every supported encoding keeps every syllable; pipe tables become Tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from scatlas.errors import DocumentError
from scatlas.ingest import Table, TextBlock, read_document

SAMPLE = "스마트 버스정류장\n똠방각하 햏 뷁 — 교통·방범\n"  # 똠/햏/뷁 are outside EUC-KR's 2,350 syllables


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp949"])
def test_encodings_keep_every_syllable(tmp_path: Path, encoding: str) -> None:
    text = SAMPLE.replace("—", "-") if encoding == "cp949" else SAMPLE
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert doc.format == "txt" and doc.pages[0].number is None
    assert [b.text for b in doc.blocks()] == [line for line in text.split("\n") if line]


def test_euc_kr_file_is_read_as_cp949_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("목포시 스마트도시계획".encode("euc-kr"))
    doc = read_document(path)
    assert doc.text() == "목포시 스마트도시계획"
    assert doc.warnings == ["decoded as cp949"]


def test_nfc_normalises_decomposed_hangul(tmp_path: Path) -> None:
    import unicodedata

    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", "교통"), encoding="utf-8")
    assert read_document(path).text() == "교통"


def test_markdown_headings_and_pipe_table(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# 서비스 목록\n\n| 분야 | 서비스명 |\n|---|---|\n| 교통 | 스마트 횡단보도 |\n| 안전 | a \\| b |\n\n끝\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    blocks = list(doc.blocks())
    assert isinstance(blocks[0], TextBlock) and blocks[0].style == "heading1" and blocks[0].text == "서비스 목록"
    assert isinstance(blocks[1], Table)
    assert blocks[1].grid() == [["분야", "서비스명"], ["교통", "스마트 횡단보도"], ["안전", "a | b"]]
    assert blocks[2].text == "끝"


def test_whitespace_only_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "empty"


def test_undecodable_text_is_garbled(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"abc \xff\xfe\xfd\x81\x81 \xc8")
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code in {"garbled_text", "unsupported_format"}
