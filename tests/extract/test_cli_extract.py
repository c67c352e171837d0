"""`scatlas extract FILE --json`: the docs/contracts.md object on stdout, exit 2 with an error object on bad input."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from scatlas.cli import app

PLAN_MD = """# 목포시 스마트도시계획(2023~2027)

## Ⅳ. 스마트도시서비스 구축계획

| 분야 | 서비스명 | 주요 내용 |
|---|---|---|
| 교통 | 스마트 버스정류장 | 버스 도착 정보 |
| 스마트 안전 | 안심 귀갓길 | 비상벨과 조명 |
"""


def test_json_output_follows_the_contract(tmp_path: Path):
    path = tmp_path / "plan.md"
    path.write_text(PLAN_MD, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == [
        "file",
        "format",
        "pages",
        "municipality",
        "municipality_code",
        "plan_title",
        "period",
        "services",
        "warnings",
        "error",
    ]
    assert data["file"] == "plan.md" and data["format"] == "md" and data["error"] is None
    assert (data["municipality"], data["municipality_code"]) == ("목포시", "4611000000")
    assert data["plan_title"] == "목포시 스마트도시계획(2023~2027)" and data["period"] == [2023, 2027]
    assert data["services"][0] == {
        "name": "스마트 버스정류장",
        "description": "버스 도착 정보",
        "declared_domain": "교통",
        "page": None,
        "declared_label": "교통",
    }
    assert data["services"][1]["declared_domain"] is None
    assert data["services"][1]["declared_label"] == "스마트 안전"
    assert "\\u" not in result.stdout  # Korean printed as is (ensure_ascii=False)


def test_unreadable_file_gives_error_object_and_exit_status_2(tmp_path: Path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    result = CliRunner().invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["services"] == [] and data["error"]["code"] == "corrupt"
    assert "broken.pdf" in data["error"]["message"]


def test_table_output_lists_the_services(tmp_path: Path):
    path = tmp_path / "plan.md"
    path.write_text(PLAN_MD, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    assert "스마트 버스정류장" in result.stdout and "4611000000" in result.stdout


def test_help_ends_with_an_example():
    result = CliRunner().invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    assert "Example: scatlas extract plan.pdf --json" in result.stdout


def test_extract_reads_the_period_from_the_title_on_a_cover_with_phasing_lines(tmp_path):
    """A real PDF cover: quoted title with the period, a 기준연도/단기/중기/장기 line that must not decide."""
    import json as _json

    from tests.ingest.builders import build_pdf, grid_table, text
    from typer.testing import CliRunner

    from scatlas.cli import app

    pdf = build_pdf(
        tmp_path / "cover.pdf",
        [
            lambda c: (
                text(80, 700, "「목포시 스마트도시계획(2023~2027)」", 18)(c),
                text(80, 660, "기준연도 2022년, 단기(2023~2024), 중기(2025~2026), 장기(2027)", 11)(c),
            ),
            grid_table(
                60, 760, [80, 200], [["분야", "서비스명"], ["교통", "스마트 버스정류장"], ["안전", "지능형 CCTV"]]
            ),
        ],
    )
    result = CliRunner().invoke(app, ["extract", str(pdf), "--json"])
    assert result.exit_code == 0, result.output
    data = _json.loads(result.output)
    assert data["period"] == [2023, 2027]
    assert data["plan_title"] == "목포시 스마트도시계획(2023~2027)"
