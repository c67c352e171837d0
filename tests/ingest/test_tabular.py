import pytest
from openpyxl import Workbook

from scatlas.errors import DocumentError
from scatlas.ingest.tabular import detect_columns, import_tabular

ROWS = [
    ["지자체", "분야", "서비스명", "서비스 내용", "페이지"],
    ["목포시", "교통", "스마트 버스정류장", "버스 도착 정보와 냉난방, 공기청정 기능을 갖춘 정류장", "57"],
    ["목포시", "방재·방범", "똑똑한 CCTV 관제", "지능형 영상분석으로 위급상황 자동 감지", "61"],
    ["", "문화관광", "AR 근대역사 탐방", "원도심 근대건축물을 증강현실로 체험", "70"],
    ["순천시", "환경/에너지/수자원", "미세먼지 알리미", "읍·면·동별 미세먼지 측정 및 알림", "33"],
]
HANGUL = [cell for row in ROWS for cell in row]


def _csv_bytes(rows, encoding):
    text = "\r\n".join(",".join(f'"{c}"' if "," in c else c for c in row) for row in rows) + "\r\n"
    return text.encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949", "euc-kr"])
def test_csv_in_each_korean_encoding_imports_byte_exact_hangul(tmp_path, encoding):
    path = tmp_path / "inventory.csv"
    path.write_bytes(_csv_bytes(ROWS, encoding))
    result = import_tabular(path)
    services = [s for p in result.plans for s in p.services]
    assert [s.name for s in services] == [r[2] for r in ROWS[1:]]
    assert [s.description for s in services] == [r[3] for r in ROWS[1:]]
    assert [s.declared_label for s in services] == [r[1] for r in ROWS[1:]]
    got = {s.name.encode("utf-8") for s in services}
    assert got == {r[2].encode("utf-8") for r in ROWS[1:]}


def test_one_file_with_many_municipalities_gives_one_plan_each_with_official_names(tmp_path):
    path = tmp_path / "inventory.csv"
    path.write_bytes(_csv_bytes(ROWS, "utf-8"))
    result = import_tabular(path)
    # the row with a blank 지자체 cell is never filed under the city above it (nothing is merged in a CSV)
    assert [(p.municipality, len(p.services)) for p in result.plans] == [("목포시", 2), (None, 1), ("순천시", 1)]
    assert [s.declared_domain for s in result.plans[0].services] == ["교통", "방범·방재"]
    assert [s.page for s in result.plans[0].services] == [57, 61]
    assert any("행 4" in note for note in result.notes)
    assert result.columns == {
        "municipality": "지자체",
        "domain": "분야",
        "name": "서비스명",
        "description": "서비스 내용",
        "page": "페이지",
    }


def test_columns_are_found_by_english_headers_too():
    assert detect_columns(["City", "Service name", "Description", "Domain"]) == {
        "municipality": 0,
        "name": 1,
        "description": 2,
        "domain": 3,
    }


def test_title_rows_above_the_header_are_skipped_and_unusable_rows_reported_by_number(tmp_path):
    path = tmp_path / "목포시_서비스.csv"
    path.write_text("※ 가상 예시 자료\n\n사업명,개요\n스마트 가로등,LED 디밍\n,이름 없는 행\n합계,\n", encoding="utf-8")
    result = import_tabular(path)
    assert [s.name for p in result.plans for s in p.services] == ["스마트 가로등"]
    assert [(p.row, p.reason) for p in result.skipped] == [(5, "no service name"), (6, "a total row (합계)")]
    assert result.plans[0].municipality == "목포시"  # from the file name


def test_ragged_rows_refuse_the_file_naming_the_rows(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("서비스명,내용\n가,나\n다,라,마\n바,사\n아,자,차,카\n", encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        import_tabular(path)
    assert info.value.code == "bad_table" and "rows 3, 5" in info.value.message


def test_empty_and_binary_csv_files_get_clear_errors(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(DocumentError) as info:
        import_tabular(empty)
    assert info.value.code == "empty"
    binary = tmp_path / "photo.csv"
    binary.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(DocumentError) as info:
        import_tabular(binary)
    assert info.value.code == "unsupported_format" and "photo.csv" in info.value.message


def test_a_csv_without_a_service_column_is_refused(tmp_path):
    path = tmp_path / "budget.csv"
    path.write_text("연도,국비,시비\n2024,10,5\n", encoding="utf-8")
    with pytest.raises(DocumentError, match="no column names a service"):
        import_tabular(path)


def test_xlsx_picks_the_service_sheet_and_carries_merged_domain_cells_down(tmp_path):
    wb = Workbook()
    budget = wb.active
    budget.title = "투자계획"
    budget.append(["연도", "국비(억원)", "시비(억원)"])
    budget.append([2024, 10, 5])
    services = wb.create_sheet("서비스 목록")
    services.append(["구분", "서비스명", "주요내용"])
    services.append(["교통", "스마트 횡단보도", "보행 신호 연장"])
    services.append([None, "주차 공유", "거주자 우선주차면 공유"])
    services.append(["주거", "스마트홈", "IoT 홈네트워크"])
    services.merge_cells("A2:A3")
    path = tmp_path / "순천시 부록.xlsx"
    wb.save(path)
    result = import_tabular(path)
    assert result.sheet == "서비스 목록"
    assert any("서비스 목록" in note for note in result.notes)
    got = [(s.name, s.declared_domain) for s in result.plans[0].services]
    assert got == [("스마트 횡단보도", "교통"), ("주차 공유", "교통"), ("스마트홈", "주거")]
    assert result.plans[0].municipality == "순천시"


def test_an_xlsx_that_is_not_a_zip_is_corrupt(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("서비스명\n가\n", encoding="utf-8")
    with pytest.raises(DocumentError) as info:
        import_tabular(path)
    assert info.value.code == "corrupt"


def test_an_xlsx_zip_bomb_is_refused_before_openpyxl_inflates_it(tmp_path):
    import zipfile

    wb = Workbook()
    wb.active.append(["서비스명", "내용"])
    wb.active.append(["스마트 가로등", "LED 디밍"])
    path = tmp_path / "bomb.xlsx"
    wb.save(path)
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf,
        zf.open("xl/media/zeros.bin", "w", force_zip64=True) as fh,
    ):
        for _ in range(64):
            fh.write(b"\0" * (1 << 20))  # 64 MB of zeros in well under 1 MB
    assert path.stat().st_size < 1 << 20
    with pytest.raises(DocumentError) as info:
        import_tabular(path)
    assert info.value.code == "too_large" and "bomb.xlsx" in info.value.message
