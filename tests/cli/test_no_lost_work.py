"""No lost work: the demo never deletes a catalogue, missing files are not_found, folders' non-plan files are skipped
with a note, and default output names follow the format."""

from __future__ import annotations

from typer.testing import CliRunner

from scatlas.catalogue import Catalogue
from scatlas.cli import app
from scatlas.cli.pipeline import demo_folder
from scatlas.pipeline import ingest_file, ingest_paths

runner = CliRunner()


def test_demo_refuses_a_folder_holding_a_catalogue_and_leaves_it_alone(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "scatlas.db").write_bytes(b"reviewed work")
    result = runner.invoke(app, ["demo", "-o", str(folder)])
    assert result.exit_code == 1 and "기존 작업을" in result.output
    assert (folder / "scatlas.db").read_bytes() == b"reviewed work"


def test_demo_without_output_picks_the_next_free_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert str(demo_folder(None)) == "scatlas-demo"
    (tmp_path / "scatlas-demo").mkdir()
    (tmp_path / "scatlas-demo" / "scatlas.db").write_bytes(b"x")
    (tmp_path / "scatlas-demo-2" / "report").mkdir(parents=True)
    assert str(demo_folder(None)) == "scatlas-demo-3"


def test_a_missing_file_is_not_found_not_corrupt(tmp_path):
    with Catalogue.open(tmp_path / "c.db") as cat:
        result = ingest_file(cat, tmp_path / "moved_away.pdf")
    assert result.error["code"] == "not_found"
    out = runner.invoke(app, ["extract", str(tmp_path / "nope.pdf"), "--json"])
    assert out.exit_code == 2 and '"not_found"' in out.output


def test_readme_and_images_in_a_folder_are_skipped_with_a_note(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "README.md").write_text("# 자료 폴더\n이 폴더에는 계획이 있습니다.\n", encoding="utf-8")
    (folder / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "메모.txt").write_text("회의 일정: 월요일\n", encoding="utf-8")
    (folder / "a.csv").write_text("지자체,서비스명\n목포시,스마트 정류장\n", encoding="utf-8")
    with Catalogue.open(tmp_path / "c.db") as cat:
        results = {r.path.split("/")[-1]: r for r in ingest_paths(cat, [folder])}
    assert {n: r.status for n, r in results.items()} == {
        "README.md": "skipped",
        "cover.png": "skipped",
        "메모.txt": "skipped",
        "a.csv": "added",
    }
    assert not any(r.failed for r in results.values())
    assert "README" in results["README.md"].warnings[0]


def test_export_default_name_follows_the_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text("지자체,서비스명\n목포시,스마트 정류장\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", "a.csv", "--no-code", "--db", "c.db"]).exit_code == 0
    for fmt in ("xlsx", "json", "csv"):
        result = runner.invoke(app, ["export", "--db", "c.db", "--format", fmt])
        assert result.exit_code == 0, result.output
        assert (tmp_path / f"services.{fmt}").exists()
    assert (tmp_path / "services.xlsx").read_bytes()[:2] == b"PK"


def test_ingest_preview_writes_nothing_and_map_names_a_column(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text("소관,서비스명\n목포시,스마트 정류장\n", encoding="utf-8")
    result = runner.invoke(
        app, ["ingest", "a.csv", "--preview", "--map", "소관=municipality", "--json", "--db", "c.db"]
    )
    assert result.exit_code == 0, result.output
    assert '"municipality": "소관"' in result.output and '"목포시"' in result.output
    assert not (tmp_path / "c.db").exists()
    bad = runner.invoke(app, ["ingest", "a.csv", "--map", "소관=city"])
    assert bad.exit_code == 2 and "역할" in bad.output


def test_ingest_with_a_map_files_each_row_under_its_municipality(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.csv").write_text("소관,서비스명\n목포시,스마트 정류장\n순천시,스마트 가로등\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", "a.csv", "--map", "소관=municipality", "--no-code", "--db", "c.db"])
    assert result.exit_code == 0, result.output
    with Catalogue.open(tmp_path / "c.db") as cat:
        assert sorted((s["municipality"], s["name"]) for s in cat.services()) == [
            ("목포시", "스마트 정류장"),
            ("순천시", "스마트 가로등"),
        ]
