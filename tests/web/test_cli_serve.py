"""`scatlas serve`: help with an example, and clean refusals before the server starts."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from scatlas.cli import app


def test_serve_help_ends_with_an_example() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Example: SCATLAS_TOKEN=secret scatlas serve" in result.output


def test_serve_refuses_a_non_positive_upload_limit(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--max-upload-mb", "0"])
    assert result.exit_code == 2 and "--max-upload-mb" in result.output


def test_serve_refuses_a_file_that_is_not_a_catalogue(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("this is not SQLite " * 100, encoding="utf-8")
    result = CliRunner().invoke(app, ["serve", "--db", str(bogus)])
    assert result.exit_code == 1 and "not a usable scatlas catalogue" in result.output
