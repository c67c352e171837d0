"""Documents are read in a child process under a memory and time budget: hostile files end as `too_large`, never as
a traceback, a MemoryError or `corrupt`, and the caller's memory does not grow."""

from __future__ import annotations

import io
import json
import random
import resource
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from scatlas.catalogue import Catalogue
from scatlas.errors import DocumentError
from scatlas.ingest.limits import Limits, parse_xml
from scatlas.pipeline import ingest_file
from scatlas.sandbox import Budget, extract_within_budget

SAMPLES = Path(str(resources.files("scatlas.data") / "samples"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def huge_docx(path: Path, paragraphs: int) -> Path:
    """A DOCX whose document.xml is large but compresses to little (generated, nothing committed)."""
    rnd = random.Random(paragraphs)  # varied text: it must not look like a zip bomb to the ratio check
    body = "".join(
        f"<w:p><w:r><w:t>스마트 버스정류장 {rnd.getrandbits(64):x}</w:t></w:r></w:p>" for _ in range(paragraphs)
    )
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", xml)
    path.write_bytes(buf.getvalue())
    return path


def sparse_xlsx(path: Path) -> Path:
    """A few-KB workbook whose one cell sits at ZZ150000: a naive reader builds 150,000 × 702 cells."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"] = "서비스명", "분야"
    ws["A2"], ws["B2"] = "스마트 버스정류장", "교통"
    ws["ZZ150000"] = "x"
    wb.save(path)
    return path


def test_xml_too_big_for_a_tree_is_too_large_before_parsing(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as err:
        parse_xml(
            b"<a>" + b"<b/>" * 1000 + b"</a>", tmp_path / "x.docx", "word/document.xml", Limits(max_xml_bytes=1000)
        )
    assert err.value.code == "too_large"


def test_memory_budget_stops_a_reader_with_too_large(tmp_path: Path) -> None:
    docx = huge_docx(tmp_path / "huge.docx", 400_000)  # ~25 MB of XML, a few hundred MB as a tree
    with pytest.raises(DocumentError) as err:
        extract_within_budget(docx, budget=Budget(memory_bytes=60 * 1024 * 1024, seconds=120))
    assert err.value.code == "too_large" and "memory" in err.value.detail, err.value.detail
    assert "huge.docx" in err.value.message


def test_time_budget_stops_a_reader_with_too_large(tmp_path: Path) -> None:
    docx = huge_docx(tmp_path / "slow.docx", 400_000)
    with pytest.raises(DocumentError) as err:
        extract_within_budget(docx, budget=Budget(memory_bytes=0, seconds=0.2))
    assert err.value.code == "too_large" and "time" in err.value.detail


def test_ordinary_plans_read_the_same_inside_the_budget() -> None:
    from scatlas.pipeline import extract_file

    for plan in sorted(SAMPLES.glob("*.hwpx")) + sorted(SAMPLES.glob("*.docx")):
        inside, outside = extract_within_budget(plan), extract_file(plan)
        assert [s.name for p in inside.plans for s in p.services] == [s.name for p in outside.plans for s in p.services]


def test_sparse_sheet_neither_crashes_nor_grows_the_caller(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCATLAS_MAX_MEMORY_MB", "300")
    monkeypatch.setenv("SCATLAS_MAX_SECONDS", "30")
    xlsx = sparse_xlsx(tmp_path / "sparse.xlsx")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with Catalogue.open(tmp_path / "c.db") as cat:
        result = ingest_file(cat, xlsx)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert result.status in {"added", "failed"}
    if result.status == "failed":
        assert result.error and result.error["code"] == "too_large"
    assert grown_mb < 200  # the caller never holds the sheet


def test_cli_extract_reports_too_large_as_json_not_a_traceback(tmp_path: Path) -> None:
    docx = huge_docx(tmp_path / "huge.docx", 400_000)
    scatlas = str(Path(sys.executable).parent / "scatlas")
    done = subprocess.run(
        [scatlas, "extract", str(docx), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**__import__("os").environ, "SCATLAS_MAX_MEMORY_MB": "60"},
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert json.loads(done.stdout)["error"]["code"] == "too_large"


def test_cli_extract_with_no_services_is_a_clear_non_zero_result(tmp_path: Path) -> None:
    text = tmp_path / "memo.txt"
    text.write_text("회의 메모\n\n다음 주 월요일 회의 일정을 정한다.\n", encoding="utf-8")
    scatlas = str(Path(sys.executable).parent / "scatlas")
    done = subprocess.run([scatlas, "extract", str(text), "--json"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert json.loads(done.stdout)["error"]["code"] == "no_services"
