"""classify and evaluate from the command line: CSV round trips (CP949 too), JSON, clean errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from scatlas.cli import app
from scatlas.coding.classify import OUTPUT_COLUMNS

from .conftest import DATA

runner = CliRunner()

ROWS = [
    ("번호", "name", "description"),
    ("1", "스마트 버스정류장", "버스 도착 정보와 냉난방 시설을 갖춘 정류장"),
    ("2", "독거노인 돌봄", "어르신 댁 활동감지 센서로 응급 상황을 보호자에게 알림"),
    ("3", "공공 와이파이", ""),
]


def _write(path: Path, encoding: str, rows=ROWS) -> None:
    with open(path, "w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)


def _read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_classify_cp949_input_keeps_columns_and_adds_codes(coder, tmp_path):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    _write(src, "cp949")
    result = runner.invoke(app, ["classify", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = _read(out)
    assert list(rows[0]) == ["번호", "name", "description", *OUTPUT_COLUMNS]
    assert [r["번호"] for r in rows] == ["1", "2", "3"]
    assert rows[0]["name"] == "스마트 버스정류장"  # Hangul decoded from CP949, written as UTF-8
    assert rows[0]["domain_id"] == "transport" and rows[0]["domain"] == "교통"
    assert rows[1]["domain"] == "보건·의료·복지" and "노인" in rows[1]["target_groups"].split(";")
    assert 0.0 <= float(rows[2]["confidence"]) <= 1.0 and rows[2]["rationale"]


def test_classify_utf8_bom_input(coder, tmp_path):
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    _write(src, "utf-8-sig")
    result = runner.invoke(app, ["classify", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert _read(out)[0]["번호"] == "1"


def test_classify_without_a_name_column_is_a_clear_error(tmp_path):
    src = tmp_path / "in.csv"
    _write(src, "utf-8", [("title", "text"), ("a", "b")])
    result = runner.invoke(app, ["classify", str(src), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 1
    output = " ".join(result.output.split())  # Rich wraps long lines
    assert "no 'name' column" in output and "title, text" in output


def test_evaluate_labelled_csv_json_accepts_any_domain_spelling(coder, tmp_path):
    src = tmp_path / "labelled.csv"
    _write(
        src,
        "cp949",
        [
            ("name", "description", "domain", "function"),
            ("스마트 버스정류장", "버스 도착 정보 안내", "교통분야", "정보제공"),
            ("방범 CCTV", "범죄 예방 CCTV 설치", "방재/방범", "기반구축"),
            ("미세먼지 알림", "미세먼지 측정 정보 제공", "환경ㆍ에너지ㆍ수자원", "정보제공"),
        ],
    )
    result = runner.invoke(app, ["evaluate", str(src), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)[str(src)]
    ev = data["coder"]
    assert ev["n"] == 3 and 0 <= ev["accuracy"] <= 1 and ev["function_n"] == 3
    assert {d["domain_id"] for d in ev["per_domain"]} == {"transport", "safety", "environment"}
    assert len(ev["confusion"]) == len(ev["labels"])
    assert data["baseline"]["coder"] == "keywords-1.0"


def test_evaluate_text_output_has_tables(coder):
    result = runner.invoke(app, ["evaluate", str(DATA / "realistic_check.csv")])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    for words in ("accuracy", "macro-F1", "Cohen", "per domain", "confusion matrix"):
        assert words in output


def test_evaluate_rejects_an_unknown_domain_label_with_its_line(tmp_path):
    src = tmp_path / "labelled.csv"
    _write(src, "utf-8", [("name", "domain"), ("가", "교통"), ("나", "우주개발")])
    result = runner.invoke(app, ["evaluate", str(src)])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "line 3" in output and "우주개발" in output


def test_classify_error_shows_a_bracketed_file_name_as_typed(tmp_path):
    src = tmp_path / "in[draft].csv"
    _write(src, "utf-8", [("title", "text"), ("a", "b")])
    result = runner.invoke(app, ["classify", str(src), "-o", str(tmp_path / "out.csv")], terminal_width=400)
    assert result.exit_code == 1
    assert "in[draft].csv" in result.output and "\\[" not in result.output  # escaped once, not twice
