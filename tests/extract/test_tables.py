"""Service tables: rows become services; budget, roadmap, KPI and survey tables do not."""

from __future__ import annotations

from scatlas.extract import extract_plan

from .conftest import document, table

HEADER = ["분야", "서비스명", "주요 내용"]


def _names(plan):
    return [s.name for s in plan.services]


def test_merged_domain_cell_carries_down(cover):
    services = table(
        [
            HEADER,
            ["교통", "스마트 버스정류장", "버스 도착 정보와 냉난방 쉼터"],
            ["", "스마트 횡단보도", "보행자 감지 알림"],
            ["방범·방재", "지능형 CCTV", "이상행동 자동 감지"],
            ["", "스마트 가로등", "원격 조도 제어"],
        ],
        merges={(1, 0): 2, (3, 0): 2},
    )
    plan = extract_plan(document(cover, ["Ⅳ. 스마트도시서비스 구축계획", services]))
    assert _names(plan) == ["스마트 버스정류장", "스마트 횡단보도", "지능형 CCTV", "스마트 가로등"]
    assert [s.declared_domain for s in plan.services] == ["교통", "교통", "방범·방재", "방범·방재"]
    assert plan.services[1].description == "보행자 감지 알림"
    assert all(s.page == 2 for s in plan.services)


def test_page_break_continuation_with_repeated_header_keeps_domain_and_page(cover):
    first = table(
        [
            HEADER,
            ["보건·의료·복지", "독거노인 안심 케어", "IoT 센서로 활동 감지"],
            ["", "스마트 경로당", "원격 건강 상담"],
        ],
        merges={(1, 0): 2},
    )
    rest = table(
        [
            HEADER,
            ["", "치매 노인 위치 알림", "GPS 배회 감지"],
            ["환경에너지", "미세먼지 알리미", "대기질 측정 정보 제공"],
        ]
    )
    plan = extract_plan(document(cover, ["서비스 목록", first], [rest]))
    assert _names(plan) == ["독거노인 안심 케어", "스마트 경로당", "치매 노인 위치 알림", "미세먼지 알리미"]
    assert plan.services[2].declared_domain == "보건·의료·복지"
    assert plan.services[2].page == 3
    assert plan.services[3].declared_domain == "환경·에너지·수자원"


def test_joined_table_skips_repeated_header_row_and_uses_row_pages(cover):
    joined = table(
        [HEADER, ["교통", "스마트 주차 안내", "빈 주차면 안내"], HEADER, ["", "공유 자전거", "대여 반납 정보"]],
        merges={(1, 0): 1},
        row_pages=[4, 4, 5, 5],
    )
    plan = extract_plan(document(cover, ["1. 서비스 도입 계획", joined]))
    assert _names(plan) == ["스마트 주차 안내", "공유 자전거"]
    assert [s.page for s in plan.services] == [4, 5]
    assert plan.services[1].declared_domain == "교통"


def test_total_rows_numbered_cells_and_wrapped_text(cover):
    services = table(
        [
            ["No", "구분", "서비스명", "서비스 개요", "사업비(백만원)"],
            ["①", "스마트\n안전", "1. 스마트 안전\n귀갓길", "- 비상벨과\n- 안심 조명", "300"],
            ["②", "", "드론 순찰", "드론으로 취약 지역 순찰", "200"],
            ["합계", "", "", "", "500"],
        ],
        merges={(1, 1): 2},
    )
    plan = extract_plan(document(cover, ["스마트도시서비스", services]))
    assert _names(plan) == ["스마트 안전 귀갓길", "드론 순찰"]
    first = plan.services[0]
    assert first.description == "비상벨과 안심 조명"
    assert first.declared_label == "스마트 안전" and first.declared_domain is None
    assert first.extra["사업비(백만원)"] == "300"


def test_number_cell_beside_name_under_one_header(cover):
    services = table(
        [
            ["분야", "서비스", "", "내용"],
            ["행정", "1", "스마트 민원 키오스크", "무인 민원 발급"],
            ["", "2", "시민참여 플랫폼", "온라인 정책 제안"],
        ],
        merges={(1, 0): 2},
    )
    plan = extract_plan(document(cover, ["스마트도시서비스 구축계획", services]))
    assert _names(plan) == ["스마트 민원 키오스크", "시민참여 플랫폼"]
    assert plan.services[1].declared_domain == "행정"


def test_budget_roadmap_and_kpi_tables_are_not_service_lists(cover):
    budget = table(
        [["서비스명", "총사업비", "국비", "도비", "시비"], ["스마트 횡단보도", "1,000", "500", "150", "350"]],
        caption="〈표 7-1〉 연차별 투자계획",
    )
    roadmap = table([["서비스명", "2023", "2024", "2025", "2026"], ["스마트 가로등", "●", "●", "", ""]])
    kpi = table([["서비스명", "성과지표", "목표치"], ["스마트 주차", "주차 회전율", "20% 향상"]])
    plan = extract_plan(document(cover, ["제7장 재원조달 및 투자계획", budget, "추진 로드맵", roadmap, kpi]))
    assert plan.services == []


def test_survey_table_of_numbers_is_not_a_service_list(cover):
    survey = table(
        [["구분", "서비스", "응답 비율"], ["교통", "스마트 주차", "32.1%"], ["안전", "지능형 CCTV", "27.4%"]]
    )
    plan = extract_plan(document(cover, ["스마트도시서비스 선호도", survey]))
    assert plan.services == []


def test_table_in_case_study_chapter_is_ignored(cover):
    case = table([HEADER, ["교통", "따릉이", "서울시 공공자전거"]])
    plan = extract_plan(document(cover, ["제3장 국내외 선진사례", case]))
    assert plan.services == []


def test_roadmap_with_stage_columns_is_not_a_service_list(cover):
    stages = table(
        [
            ["분야", "서비스명", "1단계(2023~2024)", "2단계(2025~2027)"],
            ["교통", "스마트 버스정류장", "시범 구축", "확대"],
        ]
    )
    plan = extract_plan(document(cover, ["스마트도시서비스 단계별 계획", stages]))
    assert plan.services == []


def test_two_row_header_finds_name_description_and_domain(cover):
    services = table(
        [
            ["구분", "서비스", "", "추진시기"],
            ["", "서비스명", "내용", ""],
            ["교통", "스마트 주차 안내", "빈 주차면 안내", "2024"],
        ],
        merges={(0, 0): 2, (0, 3): 2},
    )
    plan = extract_plan(document(cover, ["스마트도시서비스 구축계획", services]))
    assert [(s.name, s.description, s.declared_domain) for s in plan.services] == [
        ("스마트 주차 안내", "빈 주차면 안내", "교통")
    ]
    assert plan.services[0].extra == {"추진시기": "2024"}


def test_side_by_side_lists_are_read_part_by_part(cover):
    services = table(
        [
            ["분야", "서비스명", "분야", "서비스명"],
            ["교통", "스마트 버스정류장", "환경", "미세먼지 알리미"],
            ["", "스마트 횡단보도", "", "스마트 가로등"],
        ],
        merges={(1, 0): 2, (1, 2): 2},
    )
    plan = extract_plan(document(cover, ["스마트도시서비스 목록", services]))
    assert [(s.name, s.declared_label) for s in plan.services] == [
        ("스마트 버스정류장", "교통"),
        ("스마트 횡단보도", "교통"),
        ("미세먼지 알리미", "환경"),
        ("스마트 가로등", "환경"),
    ]


def test_group_rows_across_the_table_set_the_domain(cover):
    rows = [
        ["No", "서비스명", "주요 기능"],
        ["Ⅰ. 교통 분야 (2)", "", ""],
        ["1", "스마트 주차 안내", "빈 주차면 안내"],
        ["2", "공유 자전거", "대여 반납"],
        ["Ⅱ. 방범·방재 분야", "", ""],
        ["3", "지능형 CCTV", "이상행동 감지"],
    ]
    services = table(rows)
    for cell in services.cells:
        if cell.row in (1, 4) and cell.col == 0:
            cell.col_span = 3
    services.cells = [c for c in services.cells if not (c.row in (1, 4) and c.col > 0)]
    plan = extract_plan(document(cover, ["스마트도시서비스 구축계획", services]))
    assert [(s.name, s.declared_domain) for s in plan.services] == [
        ("스마트 주차 안내", "교통"),
        ("공유 자전거", "교통"),
        ("지능형 CCTV", "방범·방재"),
    ]
    assert plan.services[0].declared_label == "교통 분야"


def test_name_cell_holding_its_description_is_split(cover):
    services = table([["구분", "서비스명"], ["교통", "스마트 버스정류장\n- 버스 도착 정보 제공\n- 냉난방 쉼터"]])
    plan = extract_plan(document(cover, ["스마트도시서비스 목록", services]))
    assert [(s.name, s.description) for s in plan.services] == [
        ("스마트 버스정류장", "버스 도착 정보 제공 냉난방 쉼터")
    ]


def test_continuation_without_header_after_running_lines_on_the_next_page(cover):
    first = table([HEADER, ["교통", "스마트 주차 안내", "빈 주차면 안내"]])
    rest = table([["", "공유 자전거", "대여 반납 정보"]])
    running = ["목포시 스마트도시계획 | 제4장", "- 12 -"]
    plan = extract_plan(
        document(
            cover,
            ["스마트도시서비스 구축계획", first, "- 11 -"],
            [*running, rest],
            ["목포시 스마트도시계획 | 제4장", "본문"],
            ["목포시 스마트도시계획 | 제4장", "본문"],
            ["목포시 스마트도시계획 | 제4장", "본문"],
        )
    )
    assert [(s.name, s.declared_domain, s.page) for s in plan.services] == [
        ("스마트 주차 안내", "교통", 2),
        ("공유 자전거", "교통", 3),
    ]


def test_decomposed_hangul_comes_out_composed(cover):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "스마트 버스정류장")
    services = table([HEADER, [unicodedata.normalize("NFD", "교통"), nfd, unicodedata.normalize("NFD", "도착 정보")]])
    plan = extract_plan(document(cover, [unicodedata.normalize("NFD", "스마트도시서비스 목록"), services]))
    assert plan.services[0].name == "스마트 버스정류장" and plan.services[0].declared_domain == "교통"
    assert plan.services[0].description == "도착 정보"


def test_continuation_caption_marked_continued_keeps_the_domain(cover):
    first = table(
        [HEADER, ["교통", "스마트 주차 안내", "빈 주차면 안내"], ["", "공유 자전거", "대여 반납"]],
        merges={(1, 0): 2},
        caption="〈표 5-1〉 스마트도시서비스 총괄표",
    )
    rest = table([HEADER, ["", "수요응답형 버스", "호출형 버스"], ["환경", "미세먼지 알리미", "대기질 정보"]])
    plan = extract_plan(
        document(cover, ["스마트도시서비스 구축계획", first], ["〈표 5-1〉 스마트도시서비스 총괄표(계속)", rest])
    )
    assert [(s.name, s.declared_domain) for s in plan.services][2] == ("수요응답형 버스", "교통")


def test_new_captioned_table_after_a_service_table_is_not_its_continuation(cover):
    first = table([HEADER, ["교통", "스마트 주차 안내", "빈 주차면 안내"]])
    survey = table([["분야", "응답 비율(%)", "순위"], ["교통", "37", "1"]])
    plan = extract_plan(document(cover, ["스마트도시서비스 구축계획", first, "〈표 2-1〉 분야별 서비스 수요", survey]))
    assert [s.name for s in plan.services] == ["스마트 주차 안내"]


def test_running_headers_ending_in_the_chapter_name_do_not_break_a_continuation(cover):
    first = table(
        [HEADER, ["교통", "스마트 주차 안내", "빈 주차면 안내"], ["", "공유 자전거", "대여 반납"]], merges={(1, 0): 2}
    )
    rest = table([HEADER, ["", "수요응답형 버스", "호출형 버스"]])
    header = "목포시 스마트도시계획(2023~2027) 제{}장 {}"
    plan = extract_plan(
        document(
            cover,
            [header.format(1, "개요"), "제1장 개요", "본문 하나", "본문 둘"],
            [header.format(2, "현황"), "제2장 현황 분석", "본문 셋", "본문 넷"],
            [header.format(4, "스마트도시서비스"), "제4장 스마트도시서비스 구축계획", first],
            [header.format(4, "스마트도시서비스"), rest],
        )
    )
    assert [(s.name, s.declared_domain, s.page) for s in plan.services][2] == ("수요응답형 버스", "교통", 5)
