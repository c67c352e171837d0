"""The independent stress set (tools/stress/make_stress.py): layouts real plans use that the bundled samples lack.

Built into a temp dir once per module; every case must be read and extracted at precision and recall 1.00 with
the plan's own domain labels. Run with `-s` to see the per-case table.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "stress"))

from make_stress import CASES
from score_stress import CaseScore, format_scores, score_all

from scatlas.extract import extract_plan
from scatlas.ingest import read_document
from scatlas.ingest.document import Table


@pytest.fixture(scope="module")
def stress_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stress")


@pytest.fixture(scope="module")
def scores(stress_dir: Path) -> dict[str, CaseScore]:
    found = score_all(stress_dir)
    print("\n" + format_scores(found))
    return {s.case: s for s in found}


@pytest.mark.parametrize("case", list(CASES))
def test_every_stress_layout_gives_exactly_the_plans_services(scores: dict[str, CaseScore], case: str) -> None:
    s = scores[case]
    assert s.error is None
    assert (s.precision, s.recall) == (1.0, 1.0), f"missed {s.missed}; spurious {s.spurious}"
    assert s.domain_right == s.matched, "the plan's own 분야 labels are carried over"


def test_a_table_ruled_only_horizontally_is_read_with_its_columns(scores: dict, stress_dir: Path) -> None:
    doc = read_document(stress_dir / "hrule_only.pdf")
    tables = [b for b in doc.blocks() if isinstance(b, Table)]
    assert len(tables) == 1
    grid = tables[0].grid()
    assert grid[0] == ["분야", "서비스명", "주요 내용"]
    assert grid[2] == ["", "수요응답형 버스", "호출 앱으로 노선 없이 운행하는\n농촌 버스 (읍·면 순환)"]
    assert len(grid) == 7 and tables[0].page == 3


def test_prose_with_underlined_words_gives_no_table(scores: dict, stress_dir: Path) -> None:
    doc = read_document(stress_dir / "underlined.pdf")
    assert not [b for b in doc.blocks() if isinstance(b, Table)]
    assert any("지속적으로 감소" in b.text for b in doc.blocks())


def test_bulleted_cell_descriptions_keep_every_item(scores: dict, stress_dir: Path) -> None:
    plan = extract_plan(read_document(stress_dir / "wrapped_bullets.pdf"))
    by_name = {s.name: s for s in plan.services}
    flood = by_name["도시침수 예측 대응 플랫폼"]
    assert flood.description == "강우·수위 자료로 침수 예측 지하차도 자동 차단 연계 주민 대피 문자 발송"


def test_a_card_continued_after_a_page_break_keeps_its_functions(scores: dict, stress_dir: Path) -> None:
    plan = extract_plan(read_document(stress_dir / "card_pagebreak.pdf"))
    for service in plan.services:
        functions = str(service.extra.get("주요 기능", ""))
        assert functions.startswith("현장 센서 자료") and functions.endswith("유관기관 시스템 연계")
        assert "스마트도시계획" not in functions  # the running header between the pages is not content


def test_service_ids_are_kept_apart_from_the_names(scores: dict, stress_dir: Path) -> None:
    table_ids = extract_plan(read_document(stress_dir / "header_units.pdf")).services
    assert [s.extra.get("id") for s in table_ids][:3] == ["교통-01", "교통-02", "안전-01"]
    glued = extract_plan(read_document(stress_dir / "header_english.docx")).services
    assert [s.extra.get("id") for s in glued][:2] == ["T-1", "A02"]
    cards = extract_plan(read_document(stress_dir / "cards_ids.pdf")).services
    assert [s.extra.get("id") for s in cards] == ["S-03", "S-04", "S-05", "S-06"]


def test_a_candidate_long_list_says_which_rows_it_left_out(scores: dict, stress_dir: Path) -> None:
    plan = extract_plan(read_document(stress_dir / "candidates_selected.pdf"))
    assert any("kept the 5 row(s) marked selected, left out 4" in w for w in plan.warnings)


def test_a_label_table_over_pages_keeps_each_cards_fields(scores: dict, stress_dir: Path) -> None:
    plan = extract_plan(read_document(stress_dir / "card_table_2page.pdf"))
    assert all(s.extra.get("적용 기술") == "IoT 센서, 빅데이터, 클라우드" for s in plan.services)
    assert all(str(s.extra.get("주요 기능", "")).endswith("관리자 대시보드") for s in plan.services)
