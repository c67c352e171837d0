"""HWPX: the real fixtures, hand-built packages with merged cells and spine order, and hostile XML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scatlas.errors import DocumentError
from scatlas.ingest import Table, TextBlock, read_document

from .builders import build_hwpx, hwpx_cell, hwpx_para, hwpx_table


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_exam_table_title_inside_text_box_and_field_is_found(hwp_fixtures: Path) -> None:
    doc = read_document(hwp_fixtures / "exam_scores_table.hwpx")
    texts = [b.text for b in doc.blocks() if isinstance(b, TextBlock)]
    assert texts[:2] == ["C반 기말고사", "날짜"]
    table = next(b for b in doc.blocks() if isinstance(b, Table))
    assert table.grid() == [
        ["이름", "국어", "영어", "수학"],
        ["개똥이", "89", "65", "78"],
        ["칠득이", "77", "77", "77"],
        ["팔푼이", "88", "88", "88"],
        ["육손이", "66", "66", "66"],
        ["합계", "", "", ""],
    ]
    assert "사각형입니다" not in doc.text()  # the shape's comment is not content


def test_project_template_labels_values_and_merged_cells(hwp_fixtures: Path) -> None:
    doc = read_document(hwp_fixtures / "project_plan_template.hwpx")
    text = norm(doc.text())
    for phrase in [
        "프로젝트계획서",
        "PROJECT PROPOSAL",
        "작성일자",
        "프로젝트 이름",
        "프로젝트 기간",
        "참가자 성명",
        "프로젝트 이름을 입력해 주세요.",
        "0000년 00월 00일 ~ 0000년 00월 00일",
        "고길동",
        "홍길동",
        "일금_________원정 (₩ )",
    ]:
        assert phrase in text
    form = max((b for b in doc.blocks() if isinstance(b, Table)), key=lambda t: t.n_rows * t.n_cols)
    assert (form.n_rows, form.n_cols) == (14, 9)
    assert sum(1 for c in form.cells if c.row_span > 1 or c.col_span > 1) == 22
    assert any(c.text == "사업환경\n(시장분석)" for c in form.cells)


def test_built_hwpx_spans_and_spine_order(tmp_path: Path) -> None:
    table = hwpx_table(
        [
            [hwpx_cell("분야", 0, 0), hwpx_cell("서비스명", 0, 1)],
            [hwpx_cell("교통", 1, 0, row_span=2), hwpx_cell("스마트 횡단보도", 1, 1)],
            [hwpx_cell("주차 공유", 2, 1)],
        ],
        3,
        2,
    )
    path = build_hwpx(tmp_path / "plan.hwpx", [hwpx_para("둘째 절") + table, hwpx_para("첫째 절")], spine=[1, 0])
    doc = read_document(path)
    blocks = list(doc.blocks())
    assert [b.text for b in blocks if isinstance(b, TextBlock)] == ["첫째 절", "둘째 절"]
    t = next(b for b in blocks if isinstance(b, Table))
    assert t.grid() == [["분야", "서비스명"], ["교통", "스마트 횡단보도"], ["", "주차 공유"]]
    assert t.grid(fill_merged=True)[2][0] == "교통"
    assert doc.title == "시험 문서"


def test_deeply_nested_xml_is_refused_not_crashing(tmp_path: Path) -> None:
    nested = "<hp:subList>" * 5000 + "</hp:subList>" * 5000
    path = build_hwpx(tmp_path / "deep.hwpx", [hwpx_para("a") + f"<hp:p><hp:run>{nested}</hp:run></hp:p>"])
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "corrupt"


def test_entity_declarations_are_not_expanded(tmp_path: Path) -> None:
    path = build_hwpx(tmp_path / "ent.hwpx", [hwpx_para("본문")])
    import zipfile

    evil = (
        '<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<hs:sec xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
        'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"><hp:p><hp:run><hp:t>&x;본문</hp:t>'
        "</hp:run></hp:p></hs:sec>"
    )
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("Contents/section1.xml", evil)
    text = read_document(path).text()
    assert "root:" not in text


def test_hwpx_without_sections_is_corrupt(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "hollow.hwpx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/hwp+zip")
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "corrupt"


def test_switch_content_is_read_once_from_its_default(tmp_path: Path) -> None:
    switch = (
        "<hp:p><hp:run><hp:switch><hp:case><hp:t>새 판 글상자</hp:t></hp:case>"
        "<hp:default><hp:t>기본 글상자</hp:t></hp:default></hp:switch></hp:run></hp:p>"
    )
    doc = read_document(build_hwpx(tmp_path / "sw.hwpx", [switch]))
    assert doc.text() == "기본 글상자"


def test_password_protected_hwpx_is_encrypted(tmp_path: Path) -> None:
    import zipfile

    path = build_hwpx(tmp_path / "locked.hwpx", [hwpx_para("x")])
    manifest = (
        '<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<odf:file-entry odf:full-path="Contents/section0.xml"><odf:encryption-data odf:checksum-type="SHA1"/>'
        "</odf:file-entry></odf:manifest>"
    )
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("META-INF/manifest.xml", manifest)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.code == "encrypted"


def test_nested_table_text_stays_inside_its_cell(tmp_path: Path) -> None:
    inner = hwpx_table([[hwpx_cell("안쪽 가", 0, 0), hwpx_cell("안쪽 나", 0, 1)]], 1, 2)
    outer_cell = (
        f'<hp:tc><hp:subList>{hwpx_para("바깥")}{inner}</hp:subList><hp:cellAddr colAddr="0" rowAddr="0"/>'
        '<hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>'
    )
    doc = read_document(build_hwpx(tmp_path / "nest.hwpx", [hwpx_table([[outer_cell, hwpx_cell("옆", 0, 1)]], 1, 2)]))
    tables = [b for b in doc.blocks() if isinstance(b, Table)]
    assert len(tables) == 1
    assert tables[0].grid() == [["바깥\n안쪽 가\t안쪽 나", "옆"]]


def test_a_one_cell_frame_around_a_table_is_unwrapped(tmp_path: Path) -> None:
    inner = hwpx_table(
        [
            [hwpx_cell("분야", 0, 0), hwpx_cell("서비스명", 0, 1)],
            [hwpx_cell("교통", 1, 0), hwpx_cell("스마트 정류장", 1, 1)],
        ],
        2,
        2,
    )
    frame = (
        f'<hp:tc><hp:subList>{hwpx_para("서비스 구성")}{inner}</hp:subList><hp:cellAddr colAddr="0" '
        'rowAddr="0"/><hp:cellSpan colSpan="1" rowSpan="1"/></hp:tc>'
    )
    doc = read_document(build_hwpx(tmp_path / "frame.hwpx", [hwpx_table([[frame]], 1, 1)]))
    blocks = list(doc.blocks())
    assert isinstance(blocks[0], TextBlock) and blocks[0].text == "서비스 구성"
    assert isinstance(blocks[1], Table) and blocks[1].grid() == [["분야", "서비스명"], ["교통", "스마트 정류장"]]
