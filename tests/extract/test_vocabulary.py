"""The wider vocabulary real plans print: IDs, 과제명, 선정 columns, several names in one cell, other card marks."""

from __future__ import annotations

from scatlas.extract import extract_plan

from .conftest import document, table


def _names(plan):
    return [s.name for s in plan.services]


def test_an_id_column_under_any_header_goes_to_extra_not_to_the_domain(cover):
    services = table(
        [
            ["구분", "대분류", "단위서비스", "구축 내용"],
            ["교통-01", "교통", "스마트 횡단보도", "보행자 감지 알림"],
            ["교통-02", "교통", "주차정보 안내", "빈자리 안내"],
            ["안전-01", "방범·방재", "지능형 CCTV 관제", "영상 분석 선별"],
        ]
    )
    plan = extract_plan(document(cover, ["제5장 스마트도시 서비스", services]))
    assert _names(plan) == ["스마트 횡단보도", "주차정보 안내", "지능형 CCTV 관제"]
    assert [s.extra["id"] for s in plan.services] == ["교통-01", "교통-02", "안전-01"]
    assert [s.declared_domain for s in plan.services] == ["교통", "교통", "방범·방재"]


def test_ids_printed_before_or_after_a_name_are_cut_off_and_kept(cover):
    services = table(
        [
            ["분야(Field)", "서비스명(Service)", "주요 내용(Description)"],
            ["교통", "[S-01] 스마트 횡단보도", "보행자 감지 알림"],
            ["교통", "T-2 주차정보 안내", "빈자리 안내"],
            ["환경", "A03 미세먼지 알리미", "대기질 정보"],
            ["환경", "PM10 측정망 공개", "측정값 공개"],
            ["교통", "스마트 버스정류장 (S-05)", "도착 정보"],
        ]
    )
    plan = extract_plan(document(cover, ["Ⅴ. 스마트도시서비스 구축계획", services]))
    assert _names(plan) == [
        "스마트 횡단보도",
        "주차정보 안내",
        "미세먼지 알리미",
        "PM10 측정망 공개",
        "스마트 버스정류장",
    ]
    assert [s.extra.get("id") for s in plan.services] == ["S-01", "T-2", "A03", None, "S-05"]


def test_task_columns_are_services_only_in_a_services_chapter(cover):
    def tasks(header: str):
        return table(
            [
                ["추진전략", header, "주요 내용"],
                ["안전한 도시", "재난 대응 체계 고도화", "재난 정보의 통합 관리"],
                ["편리한 도시", "스마트 횡단보도", "보행자 감지 알림"],
            ]
        )

    strategy = extract_plan(document(cover, ["제3장 비전 및 추진전략", tasks("추진과제")]))
    assert strategy.services == []
    services = extract_plan(document(cover, ["제4장 스마트도시서비스 계획", tasks("과제명")]))
    assert _names(services) == ["재난 대응 체계 고도화", "스마트 횡단보도"]


def test_a_candidate_list_with_a_selection_column_keeps_the_selected_rows_and_says_so(cover):
    longlist = table(
        [
            ["분야", "후보 서비스", "주요 내용", "선정 여부"],
            ["교통", "스마트 횡단보도", "보행자 감지", "○"],
            ["교통", "자율주행 셔틀", "셔틀 운행", "×"],
            ["환경", "미세먼지 알리미", "대기질 정보", "채택"],
            ["환경", "스마트 분리배출", "재활용 거점", ""],
        ]
    )
    plan = extract_plan(document(cover, ["제5장 스마트도시서비스", "2. 후보 서비스 도출", longlist]))
    assert _names(plan) == ["스마트 횡단보도", "미세먼지 알리미"]
    assert any("kept the 2 row(s) marked selected, left out 2" in w for w in plan.warnings)


def test_a_candidate_list_without_a_selection_column_gives_no_services(cover):
    longlist = table(
        [
            ["분야", "서비스명", "주요 내용"],
            ["교통", "스마트 횡단보도", "보행자 감지"],
            ["교통", "자율주행 셔틀", "셔틀 운행"],
        ]
    )
    plan = extract_plan(document(cover, ["제5장 스마트도시서비스", "1. 후보 서비스 도출", longlist]))
    assert plan.services == []


def test_a_national_contest_list_is_not_the_plans_services(cover):
    contest = table(
        [
            ["사업명", "주관 부처", "사업 내용"],
            ["스마트도시 챌린지", "국토교통부", "솔루션 실증"],
            ["스마트빌리지 보급", "과학기술정보통신부", "농어촌 생활 서비스"],
        ]
    )
    plan = extract_plan(document(cover, ["제6장 추진 계획", "1. 국비 공모사업 연계", contest]))
    assert plan.services == []


def test_a_summary_cell_listing_several_services_gives_one_service_each(cover):
    summary = table(
        [
            ["분야", "서비스"],
            ["교통", "스마트 버스정류장, 스마트 횡단보도"],
            ["방범·방재", "지능형 CCTV 관제\n산사태 조기경보\n해안 침수 감지"],
            ["보건·의료·복지", "- 독거노인 안부 확인\n- 원격 건강 상담"],
            ["환경·에너지·수자원", "버스·택시 차고지 태양광"],
        ]
    )
    plan = extract_plan(document(cover, ["요약", summary]))
    assert _names(plan) == [
        "스마트 버스정류장",
        "스마트 횡단보도",
        "지능형 CCTV 관제",
        "산사태 조기경보",
        "해안 침수 감지",
        "독거노인 안부 확인",
        "원격 건강 상담",
        "버스·택시 차고지 태양광",
    ]
    assert [s.declared_domain for s in plan.services][:2] == ["교통", "교통"]


def test_names_wrapped_over_lines_or_cells_with_sentences_are_not_split(cover):
    summary = table(
        [
            ["분야", "서비스명", "추진시기"],
            ["교통", "스마트 공유\n전동킥보드\n거치 스테이션", "2026"],
            ["교통", "인공지능 기반\n스쿨존 보행자\n안전 알리미", "2027"],
            ["교통", "교통약자 맞춤형\n이동 지원", "2027"],
        ]
    )
    plan = extract_plan(document(cover, ["제5장 스마트도시서비스", summary]))
    assert _names(plan) == [
        "스마트 공유 전동킥보드 거치 스테이션",
        "인공지능 기반 스쿨존 보행자 안전 알리미",
        "교통약자 맞춤형 이동 지원",
    ]


def test_cards_titled_with_other_marks_and_fields_marked_differently(cover):
    lines = ["제5장 스마트도시서비스 세부 계획"]
    for name in ("스마트 횡단보도", "주차정보 안내"):
        lines += [
            f"● {name}",
            "▶ 서비스 개요",
            "· 보행자와 차량 정보를 제공",
            "▶ 주요 기능",
            "· 실시간 알림",
            "· 관리자 화면",
            "▶ 적용 기술",
            "· IoT 센서",
        ]
    plan = extract_plan(document(cover, lines))
    assert _names(plan) == ["스마트 횡단보도", "주차정보 안내"]
    assert plan.services[0].extra["주요 기능"] == "실시간 알림 관리자 화면"


def test_bracketed_card_labels_and_ids_in_titles(cover):
    lines = [
        "제5장 스마트도시서비스",
        "1. [S-03] 스마트 횡단보도",
        "<서비스 개요>",
        "- 보행자 감지 알림",
        "<주요 기능>",
        "- 음성 안내",
        "【서비스명】 주차정보 안내",
        "【서비스 개요】 공영주차장 빈자리 안내",
        "【주요 기능】",
        "- 앱 안내",
    ]
    plan = extract_plan(document(cover, lines))
    assert _names(plan) == ["스마트 횡단보도", "주차정보 안내"]
    assert plan.services[0].extra["id"] == "S-03"
    assert plan.services[1].description == "공영주차장 빈자리 안내"


def test_a_label_table_card_continued_in_a_table_on_the_next_page(cover):
    first = table([["서비스명", "스마트 횡단보도"], ["서비스 개요", "보행자 감지 시 바닥 신호등과 음성 안내"]])
    rest = table([["주요 기능", "실시간 보행자 감지"], ["적용 기술", "IoT 센서"]])
    second = table([["서비스명", "주차정보 안내"], ["서비스 개요", "빈자리 안내"], ["주요 기능", "앱 안내"]])
    plan = extract_plan(document(cover, ["제5장 스마트도시서비스", first], [rest, second]))
    assert _names(plan) == ["스마트 횡단보도", "주차정보 안내"]
    assert plan.services[0].extra["주요 기능"] == "실시간 보행자 감지"
    assert plan.services[0].extra["적용 기술"] == "IoT 센서"
    assert [s.page for s in plan.services] == [2, 3]


def test_a_full_mark_beside_a_hollow_one_in_the_selection_column_is_the_selected_one(cover):
    longlist = table(
        [
            ["분야", "서비스명", "주요 내용", "반영"],
            ["교통", "스마트 횡단보도", "보행자 감지", "●"],
            ["교통", "자율주행 셔틀", "셔틀 운행", "○"],
            ["환경", "미세먼지 알리미", "대기질 정보", "●"],
        ]
    )
    plan = extract_plan(document(cover, ["제5장 스마트도시서비스", longlist]))
    assert _names(plan) == ["스마트 횡단보도", "미세먼지 알리미"]


def test_task_tables_under_a_sector_plan_chapter_are_services(cover):
    tasks = table(
        [["추진과제", "과제 내용"], ["스마트 횡단보도", "보행자 감지 알림"], ["주차정보 안내", "빈자리 안내"]]
    )
    plan = extract_plan(document(cover, ["제4장 부문별 추진계획", "4.1 교통 부문", tasks]))
    assert _names(plan) == ["스마트 횡단보도", "주차정보 안내"]
    assert [s.declared_domain for s in plan.services] == ["교통", "교통"]


def test_a_service_column_beside_a_task_column_names_the_services(cover):
    tasks = table(
        [
            ["추진과제", "서비스명", "서비스 내용"],
            ["생활 안전망 강화", "지능형 CCTV 관제", "영상 분석 선별"],
            ["", "스마트 가로등", "밝기 자동 조절"],
        ]
    )
    plan = extract_plan(document(cover, ["제5장 스마트도시서비스", tasks]))
    assert _names(plan) == ["지능형 CCTV 관제", "스마트 가로등"]


def test_english_printed_under_the_korean_header_is_ignored(cover):
    services = table(
        [
            ["분야\nField", "서비스명\nService Name", "서비스 설명\nDescription"],
            ["교통", "스마트 횡단보도", "보행자 감지 알림"],
            ["교통", "주차정보 안내", "빈자리 안내"],
        ]
    )
    plan = extract_plan(document(cover, ["제5장 스마트도시서비스", services]))
    assert _names(plan) == ["스마트 횡단보도", "주차정보 안내"]
    assert plan.services[0].description == "보행자 감지 알림"


def test_commas_inside_brackets_or_before_a_dependent_word_do_not_split_a_name(cover):
    summary = table(
        [["분야", "서비스"], ["환경", "스마트 쉼터(냉방, 난방)"], ["방범·방재", "산사태 위험 감지, 대응 시스템"]]
    )
    plan = extract_plan(document(cover, ["제5장 스마트도시서비스", summary]))
    assert _names(plan) == ["스마트 쉼터(냉방, 난방)", "산사태 위험 감지, 대응 시스템"]


def test_an_id_before_a_listed_service_is_kept_apart(cover):
    lines = [
        "제5장 스마트도시서비스",
        "1. 교통 분야",
        "1) [T-01] 스마트 횡단보도",
        "- 보행자 감지 알림",
        "2) [T-02] 주차정보 안내",
        "- 빈자리 안내",
    ]
    plan = extract_plan(document(cover, lines))
    assert _names(plan) == ["스마트 횡단보도", "주차정보 안내"]
    assert [s.extra.get("id") for s in plan.services] == ["T-01", "T-02"]


def test_a_selection_column_left_blank_everywhere_drops_nothing(cover):
    services = table(
        [
            ["분야", "서비스명", "서비스 내용", "선정"],
            ["교통", "스마트 횡단보도", "보행자 감지", ""],
            ["교통", "주차정보 안내", "빈자리 안내", ""],
        ]
    )
    plan = extract_plan(document(cover, ["제5장 스마트도시서비스", services]))
    assert _names(plan) == ["스마트 횡단보도", "주차정보 안내"]
