"""HWP 5.x: the real fixtures of shared/fixtures/hwp (phrases from SOURCES.md) and hand-made edge cases."""

from __future__ import annotations

import re
import shutil
import struct
from pathlib import Path

import olefile
import pytest

from scatlas.errors import DocumentError
from scatlas.ingest import Table, read_document
from scatlas.ingest.hwp import para_text
from scatlas.ingest.hwp_crypto import distribution_key


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def doc_text(path: Path) -> str:
    return norm(read_document(path).text())


def tables(path: Path) -> list[Table]:
    return [b for b in read_document(path).blocks() if isinstance(b, Table)]


def cell_texts(path: Path) -> set[str]:
    return {norm(c.text) for t in tables(path) for c in t.cells}


def test_award_forms_text_and_table_cells(hwp_fixtures: Path) -> None:
    path = hwp_fixtures / "gov_award_recommendation_forms.hwp"
    text = doc_text(path)
    for phrase in [
        "정부포상 추천자 현황(민간인‧재직공무원‧단체)",
        "2016년도 감염병관리 유공",
        "○ 포상명：",
        "정부포상 후보자 추천서",
        "피추천인",
    ]:
        assert phrase in text
    cells = cell_texts(path)
    for phrase in ["추천제한 조회결과", "질병관리본부(감염병관리과) 일괄 조회", "포상대상자 소속기관에서 확인 및 작성"]:
        assert phrase in cells


def test_award_forms_keep_hyphenation_point_u2027(hwp_fixtures: Path) -> None:
    text = doc_text(hwp_fixtures / "gov_award_recommendation_forms.hwp")
    assert "민간인\u2027재직공무원\u2027단체" in text
    assert "민간인\u00b7재직공무원" not in text


def test_award_forms_tables_carry_merged_cells(hwp_fixtures: Path) -> None:
    found = tables(hwp_fixtures / "gov_award_recommendation_forms.hwp")
    assert len(found) >= 20
    merged = [c for t in found for c in t.cells if c.row_span > 1 or c.col_span > 1]
    assert len(merged) >= 100
    title = next(t for t in found if t.n_rows == 1 and t.n_cols == 3)
    assert title.grid()[0][0] == "별표1"
    # every merged cell fits inside its table's grid
    for t in found:
        for c in t.cells:
            assert c.row + c.row_span <= t.n_rows and c.col + c.col_span <= t.n_cols


def test_power_of_attorney_text_inside_single_frame_table(hwp_fixtures: Path) -> None:
    path = hwp_fixtures / "lh_power_of_attorney_form.hwp"
    found = tables(path)
    assert len(found) == 1 and (found[0].n_rows, found[0].n_cols) == (1, 1)
    text = doc_text(path)
    for phrase in [
        "위 임 장",
        "행복주택 예비입주자 모집에 관한 일체를 위임하고",
        "1. 위 임 인(신청자)",
        "2. 수 임 인(대리인)",
        "* 첨부 : 인감증명서 1통.",
        "한국토지주택공사 경남지역본부장 귀하",
    ]:
        assert phrase in text


def test_distribution_document_body_is_decrypted_not_preview(hwp_fixtures: Path) -> None:
    path = hwp_fixtures / "bid_notice_distribution.hwp"
    doc = read_document(path)
    assert not any(w.startswith("partial") for w in doc.warnings)
    text = norm(doc.text())
    for phrase in [
        "강남세움복지관 공고 제 2024-08호",
        "2025년 강남세움센터 시설관리원 용역업체 선정 입찰공고",
        "1. 입찰에 부치는 사항",
        "②기초금액 : 금72,300,000원(금칠천이백삼십만원)(※부가가치세 포함)",
        "위와 같이 공고함",
        "강남세움복지관장",
    ]:
        assert phrase in text
    # the last lines are past the 1,022 characters the preview holds: proof the body was decrypted
    assert text.rstrip().endswith("강남세움복지관장")
    assert "계약업체의 안전 및 보건 확보 의무사항(제4조, 제9조)" in cell_texts(path)


def test_format_spec_old_hangul_survives_as_conjoining_jamo(hwp_fixtures: Path) -> None:
    doc = read_document(hwp_fixtures / "hancom_hwp50_format_spec_distribution.hwp")
    text = norm(doc.text())
    assert "\u1112\u119e\u11ab글 문서 파일 형식 5.0" in text
    for phrase in [
        "차 례",
        "저작권",
        "3.2.1. 파일 인식 정보",
        "4. 데이터 레코드",
        "(주)한글과컴퓨터(이하 ‘한컴’)는 문서 형식의 개방성과 표준화에 대하여 적극 찬성합니다.",
    ]:
        assert phrase in text
    assert not re.search("[\ue000-\uf8ff]", text), "Hanyang private-use characters left in the text"
    assert len([b for b in doc.blocks() if isinstance(b, Table)]) >= 100


def test_para_text_drops_wide_controls_and_keeps_tab_and_line_break() -> None:
    wide = "\x0b" + "tbl " + "\x00" * 2 + "\x0b"  # an extended control: 8 UTF-16 units
    raw = ("가" + wide + "나\x09" + "x" * 6 + "\x09다\n라\r").encode("utf-16-le")
    assert para_text(raw) == "가나\t다\n라"


def test_distribution_key_is_sixteen_bytes_from_seeded_offset() -> None:
    payload = bytes(range(256))
    key = distribution_key(payload)
    assert len(key) == 16
    with pytest.raises(ValueError):
        distribution_key(payload[:100])


def _with_header_flags(src: Path, dst: Path, set_bits: int) -> Path:
    shutil.copy(src, dst)
    ole = olefile.OleFileIO(str(dst), write_mode=True)
    header = bytearray(ole.openstream("FileHeader").read())
    flags = struct.unpack_from("<I", header, 36)[0] | set_bits
    struct.pack_into("<I", header, 36, flags)
    ole.write_stream("FileHeader", bytes(header))
    ole.close()
    return dst


def test_password_flag_is_reported_encrypted(hwp_fixtures: Path, tmp_path: Path) -> None:
    path = _with_header_flags(hwp_fixtures / "lh_power_of_attorney_form.hwp", tmp_path / "pw.hwp", 0x2)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "encrypted"


def test_undecryptable_distribution_falls_back_to_preview_with_warning(hwp_fixtures: Path, tmp_path: Path) -> None:
    # setting the distribution bit on an ordinary file: ViewText is missing, so only PrvText can help
    path = _with_header_flags(hwp_fixtures / "lh_power_of_attorney_form.hwp", tmp_path / "dist.hwp", 0x4)
    doc = read_document(path)
    assert any(w.startswith("partial: distribution document, preview text only") for w in doc.warnings)
    assert "위" in doc.text() and doc.text().strip()


def test_truncated_hwp_is_corrupt(hwp_fixtures: Path, tmp_path: Path) -> None:
    data = (hwp_fixtures / "lh_power_of_attorney_form.hwp").read_bytes()
    path = tmp_path / "cut.hwp"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "corrupt"


def test_outline_styles_become_heading_levels(hwp_fixtures: Path) -> None:
    doc = read_document(hwp_fixtures / "hancom_hwp50_format_spec_distribution.hwp")
    from scatlas.ingest import TextBlock

    styled = {b.text: b.style for b in doc.blocks() if isinstance(b, TextBlock) and b.style}
    assert styled["저작권"] == "heading1"
    assert styled["파일 인식 정보"].startswith("heading")
    assert "차 례" not in styled


def test_damaged_summary_property_set_does_not_stall_or_fail(hwp_fixtures: Path, tmp_path: Path) -> None:
    import time

    path = tmp_path / "summary.hwp"
    shutil.copy(hwp_fixtures / "lh_power_of_attorney_form.hwp", path)
    ole = olefile.OleFileIO(str(path), write_mode=True)
    name = "\x05HwpSummaryInformation"
    size = len(ole.openstream(name).read())
    data = bytearray(ole.openstream(name).read())
    section = struct.unpack_from("<I", data, 44)[0]
    struct.pack_into("<II", data, section, 0xFFFFFFF0, 0xFFFFFFFF)  # absurd size and property count
    for k in range(section + 8, min(size - 8, section + 200), 8):
        struct.pack_into("<II", data, k, 2 if k % 16 else 0x1003, 0x7FFFFFF0)  # ids pointing off the end
    ole.write_stream(name, bytes(data))
    ole.close()
    start = time.monotonic()
    doc = read_document(path)
    assert time.monotonic() - start < 5
    assert doc.title is None and "위 임 장" in norm(doc.text())
