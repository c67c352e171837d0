"""The report, stats and export commands: thin, with examples in their help, and clean errors."""

from __future__ import annotations

import pytest
from tests.analysis.builders import S, build
from typer.testing import CliRunner

from scatlas.cli import app

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.db"
    build(
        path,
        [
            ("고양시", (2019, 2023), [S("스마트 버스정류장", "transport", subtype="traffic_info")]),
            ("창원시", (2019, 2023), [S("미세먼지 알리미", "environment")]),
        ],
    ).close()
    return path


@pytest.mark.parametrize("command", ["report", "stats", "export-matrix", "export-qda"])
def test_every_command_has_help_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Example: scatlas " + command in result.output


def test_stats_prints_the_domain_table(db):
    result = runner.invoke(app, ["stats", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "교통" in result.output and "50.0%" in result.output
    by_muni = runner.invoke(app, ["stats", "--db", str(db), "--by", "municipality"])
    assert by_muni.exit_code == 0 and "창원시" in by_muni.output
    by_period = runner.invoke(app, ["stats", "--db", str(db), "--by", "period"])
    assert by_period.exit_code == 0 and "2019–2023" in by_period.output


def test_exports_write_their_files(db, tmp_path):
    assert runner.invoke(app, ["export-matrix", "--db", str(db), "-o", str(tmp_path / "m.csv")]).exit_code == 0
    assert (tmp_path / "m.labels.csv").exists()
    assert runner.invoke(app, ["export-qda", "--db", str(db), "-o", str(tmp_path / "p.qdpx")]).exit_code == 0
    bad = runner.invoke(app, ["export-qda", "--db", str(db), "-o", str(tmp_path / "p.zip")])
    assert bad.exit_code == 1 and ".qdpx" in bad.output


def test_report_fails_cleanly_without_a_catalogue_or_municipality(db, tmp_path):
    missing = runner.invoke(app, ["report", "--db", str(tmp_path / "none.db"), "-o", str(tmp_path / "r")])
    assert missing.exit_code == 1 and "카탈로그가 없다" in " ".join(missing.output.split())
    unknown = runner.invoke(app, ["report", "--db", str(db), "-o", str(tmp_path / "r"), "-m", "부산시"])
    assert unknown.exit_code == 1 and "부산시" in unknown.output and "고양시" in unknown.output  # names known ones
