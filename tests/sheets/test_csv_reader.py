"""The one CSV reader and the one safe writer every command uses."""

from __future__ import annotations

import csv

import pytest

from scatlas.coding.csvio import read_csv
from scatlas.errors import DocumentError
from scatlas.sheets.csv_reader import read_csv_rows
from scatlas.sheets.safe_writer import spreadsheet_safe, write_csv, write_xlsx

LINES = [
    "서비스명,서비스 내용",
    "스마트 버스정류장,냉난방 정류장",
    "똑똑한 CCTV,지능형 영상분석",
    "미세먼지 알리미,읍면동 알림",
]


def _cp949_with_one_bad_row() -> bytes:
    rows = [line.encode("cp949") for line in LINES]
    rows.insert(2, b"\xff\xfe\xfd broken row,\x80\x81")  # bytes neither CP949 nor UTF-8
    return b"\r\n".join(rows) + b"\r\n"


def test_cp949_csv_with_one_undecodable_row_keeps_the_rest_and_names_the_row(tmp_path):
    path = tmp_path / "inventory.csv"
    path.write_bytes(_cp949_with_one_bad_row())
    table = read_csv_rows(path)
    assert table.encoding == "cp949"
    assert [row[0] for _, row in table.rows] == ["서비스명", "스마트 버스정류장", "똑똑한 CCTV", "미세먼지 알리미"]
    assert [n for n, _ in table.rows] == [1, 2, 4, 5]  # line numbers stay those of the file
    assert [b.line for b in table.bad_rows] == [3]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949", "euc-kr", "utf-16"])
def test_every_encoding_reads_the_same_rows(tmp_path, encoding):
    path = tmp_path / "in.csv"
    path.write_bytes(("\r\n".join(LINES) + "\r\n").encode(encoding))
    header, rows, _ = read_csv(path, required=("서비스명",))
    assert header == ["서비스명", "서비스 내용"] and [r["서비스명"] for r in rows][-1] == "미세먼지 알리미"


def test_a_row_with_a_broken_quote_is_skipped_by_number(tmp_path):
    path = tmp_path / "in.csv"
    path.write_text('name,description\n가로등,LED\n"깨진"행,x\n신호등,보행\n', encoding="utf-8")
    table = read_csv_rows(path)
    assert [r[0] for _, r in table.rows] == ["name", "가로등", "신호등"]
    assert [b.line for b in table.bad_rows] == [3]


def test_missing_file_is_not_found(tmp_path):
    with pytest.raises(DocumentError) as info:
        read_csv_rows(tmp_path / "nope.csv")
    assert info.value.code == "not_found"


def test_writers_defuse_formulas_in_csv_and_xlsx(tmp_path):
    from openpyxl import load_workbook

    rows = [{"name": "=1+1", "description": "@SUM(A1)"}, {"name": "-2+3", "description": "정상"}]
    write_csv(tmp_path / "out.csv", ["name", "description"], rows)
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as fh:
        got = list(csv.reader(fh))
    assert got[1:] == [["'=1+1", "'@SUM(A1)"], ["'-2+3", "정상"]]
    write_xlsx(tmp_path / "out.xlsx", ["name", "description"], rows)
    ws = load_workbook(tmp_path / "out.xlsx").active
    assert [c.value for c in ws[2]] == ["'=1+1", "'@SUM(A1)"]
    assert spreadsheet_safe(None) == ""
