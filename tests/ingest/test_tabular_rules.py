"""Spreadsheet import without surprises: headers researchers write, carry-down only from merged ranges, rows without
a municipality reported, a mapping for unknown headers, bounded reading of hostile sheets, and a preview."""

from __future__ import annotations

import resource
import time
import zipfile

import pytest
from openpyxl import Workbook

from scatlas.errors import DocumentError
from scatlas.ingest.tabular import import_tabular, preview_tabular


def _workbook(rows, merges=(), title="서비스"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    return wb


@pytest.mark.parametrize("header", ["기초자치단체", "기초자치단체명", "시군구", "시·군·구", "자치단체명"])
def test_common_korean_municipality_headers_are_recognised(tmp_path, header):
    path = tmp_path / "inventory.xlsx"
    _workbook(
        [
            ["광역자치단체", header, "계획명", "계획기간", "서비스명", "서비스 내용", "분야"],
            ["전라남도", "목포시", "목포시 스마트도시계획", "2023~2027", "스마트 정류장", "도착 정보", "교통"],
            ["경상남도", "김해시", "김해시 스마트도시계획", "'24~'28", "스마트 가로등", "LED", "시설물관리"],
        ]
    ).save(path)
    result = import_tabular(path)
    assert [(p.municipality, p.municipality_code, p.period) for p in result.plans] == [
        ("목포시", "4611000000", (2023, 2027)),
        ("김해시", "4825000000", (2024, 2028)),
    ]
    assert result.columns["municipality"] == header


def test_merged_blanks_carry_down_and_unmerged_blanks_never_do(tmp_path):
    path = tmp_path / "inventory.xlsx"
    _workbook(
        [
            ["광역", "기초", "계획명", "서비스명", "분야"],
            ["전라남도", "목포시", "목포시 스마트도시계획(2023~2027)", "스마트 정류장", "교통"],
            [None, None, None, "스마트 주차", None],  # merged with the row above (A2:A3, B2:B3, C2:C3, E2:E3)
            [
                "세종특별자치시",
                None,
                "세종 스마트시티 계획(2024~2028)",
                "자율주행 셔틀",
                "교통",
            ],  # blank 기초, not merged
            [None, None, None, "이름만 있는 행", "환경"],
        ],  # blank everywhere, not merged
        merges=["A2:A3", "B2:B3", "C2:C3", "E2:E3"],
    ).save(path)
    result = import_tabular(path)
    by_name = {s.name: p for p in result.plans for s in p.services}
    assert by_name["스마트 주차"].municipality == "목포시"
    assert [s.declared_domain for s in by_name["스마트 주차"].services] == ["교통", "교통"]
    assert by_name["자율주행 셔틀"].municipality == "세종특별자치시"
    assert by_name["자율주행 셔틀"].period == (2024, 2028)
    assert by_name["이름만 있는 행"].municipality is None  # never the city above
    assert any("행 5" in note for note in result.notes)
    assert any("병합" in note for note in result.notes)


def test_unknown_header_is_mapped_by_the_user(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("소관 기관,단위 과제,세부 설명\n목포시,스마트 정류장,도착 정보\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="--map"):
        import_tabular(path)
    result = import_tabular(path, {"소관 기관": "municipality", "단위 과제": "name", "세부 설명": "description"})
    assert [(p.municipality, [s.name for s in p.services]) for p in result.plans] == [("목포시", ["스마트 정류장"])]


def test_preview_shows_sheet_header_row_columns_and_first_rows(tmp_path):
    path = tmp_path / "inventory.xlsx"
    _workbook(
        [["※ 가상 예시"], [], ["기초자치단체", "서비스명"], ["목포시", "스마트 정류장"], ["순천시", "가로등"]]
    ).save(path)
    preview = preview_tabular(path)
    assert preview["sheet"] == "서비스" and preview["header_row"] == 3
    assert preview["columns"] == {"municipality": "기초자치단체", "name": "서비스명"}
    assert preview["rows"][1] == ["목포시", "스마트 정류장"]
    assert [p["municipality"] for p in preview["plans"]] == ["목포시", "순천시"]


def test_two_plans_of_one_city_stay_two_plans(tmp_path):
    path = tmp_path / "inventory.csv"
    path.write_text(
        "지자체,계획명,계획기간,서비스명\n"
        "목포시,목포시 스마트도시계획,2019~2023,스마트 정류장\n"
        "목포시,목포시 스마트도시계획,2024~2028,스마트 정류장\n"
        "목포시,,,스마트 가로등\n",
        encoding="utf-8",
    )
    plans = import_tabular(path).plans
    assert [(p.municipality, p.period, len(p.services)) for p in plans] == [
        ("목포시", (2019, 2023), 1),
        ("목포시", (2024, 2028), 2),
    ]


def test_cp949_inventory_with_one_bad_row_lands_the_rest(tmp_path):
    lines = ["지자체,서비스명", "목포시,스마트 정류장", "목포시,스마트 가로등"]
    data = [line.encode("cp949") for line in lines]
    data.insert(2, "목포시,".encode("cp949") + b"\xff\xfe broken")
    path = tmp_path / "inventory.csv"
    path.write_bytes(b"\r\n".join(data) + b"\r\n")
    result = import_tabular(path)
    assert [s.name for p in result.plans for s in p.services] == ["스마트 정류장", "스마트 가로등"]
    assert [p.row for p in result.skipped] == [3]


def _one_far_cell_xlsx(path, ref="ZZ150000"):
    """A small workbook: a real header and row, plus one cell at a far corner (openpyxl normal mode expands it)."""
    wb = _workbook([["서비스명", "내용"], ["스마트 가로등", "LED"]])
    wb.active[ref] = "x"
    wb.save(path)


def test_a_far_cell_reads_in_bounded_time_and_memory(tmp_path):
    path = tmp_path / "far.xlsx"
    _one_far_cell_xlsx(path)
    assert path.stat().st_size < 10_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = import_tabular(path)
    elapsed = time.perf_counter() - started
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert [s.name for p in result.plans for s in p.services] == ["스마트 가로등"]
    assert elapsed < 5 and grown_mb < 200  # the declared rectangle (10^8 cells) would take minutes and gigabytes


def test_a_sheet_past_the_cell_budget_is_too_large_not_corrupt(tmp_path):
    path = tmp_path / "wide.xlsx"
    wb = _workbook([["서비스명"]])
    ws = wb.active
    for r in range(2, 400):
        ws.cell(row=r, column=16000, value=1)  # 400 rows reaching column 16000: 6.4 M slots
    wb.save(path)
    with pytest.raises(DocumentError) as info:
        import_tabular(path)
    assert info.value.code == "too_large" and "wide.xlsx" in info.value.message


def test_damaged_sheet_xml_is_corrupt_with_the_file_named(tmp_path):
    good = tmp_path / "good.xlsx"
    _workbook([["서비스명"], ["가로등"]]).save(good)
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith("sheet1.xml"):
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(DocumentError) as info:
        import_tabular(bad)
    assert info.value.code == "corrupt" and "bad.xlsx" in info.value.message


def test_missing_file_is_not_found(tmp_path):
    with pytest.raises(DocumentError) as info:
        import_tabular(tmp_path / "없음.xlsx")
    assert info.value.code == "not_found"


def test_plan_table_header_spellings_are_the_fallback_vocabulary_of_inventories(tmp_path):
    from scatlas.sheets.headers import detect_columns, plan_table_role

    assert plan_table_role("세부 서비스 목록") == "name" and plan_table_role("사업 개요") == "description"
    assert detect_columns(["대분류", "세부서비스목록", "서비스 개요"]) == {"domain": 0, "name": 1, "description": 2}


def test_short_names_and_metro_columns_resolve_to_the_right_government(tmp_path):
    path = tmp_path / "inventory.csv"
    path.write_text(
        "시도,시군구,서비스명\n경기,양평,스마트 가로등\n부산광역시,중구,스마트 정류장\n서울,중구,공공 와이파이\n"
        "제주,,드론 배송\n",
        encoding="utf-8",
    )
    got = [(p.municipality, p.municipality_code) for p in import_tabular(path).plans]
    assert got == [
        ("양평군", "4183000000"),
        ("부산광역시 중구", "2611000000"),
        ("서울특별시 중구", "1114000000"),
        ("제주특별자치도", "5000000000"),
    ]
